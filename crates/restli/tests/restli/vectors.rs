//! Runs every vector of `fixtures/restli/vectors.json` (the Rest.li reference's test vectors,
//! copied from `shared/reference/restli-vectors.json`), and the vectors of
//! `vectors-other-conventions.json` that the `RestliJava` profile covers.

use std::collections::BTreeMap;

use restli::{Decoration, Encoding, Mask, Profile, Urn, Value};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Vector {
    #[serde(default)]
    id: Option<String>,
    kind: String,
    #[serde(rename = "impl", default)]
    implementation: Option<String>,
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    normalize: Option<String>,
    input: serde_json::Value,
    output: serde_json::Value,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    parsed: Option<serde_json::Value>,
    #[serde(default)]
    tree: Option<serde_json::Value>,
    #[serde(default)]
    roundtrip: Option<bool>,
}

/// The vectors with their raw JSON, so that inputs can be read with their key order kept
/// (this workspace's `serde_json::Value` does not keep it).
fn load(file: &str) -> Vec<(Vector, String)> {
    let path = format!(
        "{}/../../fixtures/restli/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let raw: Vec<&serde_json::value::RawValue> = serde_json::from_str(&text).unwrap();
    raw.into_iter()
        .map(|r| (serde_json::from_str(r.get()).unwrap(), r.get().to_owned()))
        .collect()
}

/// The `input` of a vector as an order-preserving Rest.li value.
fn ordered_input(raw: &str) -> Value {
    #[derive(Deserialize)]
    struct Input {
        input: Value,
    }
    serde_json::from_str::<Input>(raw).unwrap().input
}

fn ordered_mask(raw: &str, field: &str) -> Mask {
    let mut obj: BTreeMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_str(raw).unwrap();
    serde_json::from_str(obj.remove(field).unwrap().get()).unwrap()
}

/// The `fields` projection of an `encode_query` vector's input, read with its key order.
fn input_fields(raw: &str) -> Mask {
    #[derive(Deserialize)]
    struct Outer {
        input: Inner,
    }
    #[derive(Deserialize)]
    struct Inner {
        fields: Mask,
    }
    serde_json::from_str::<Outer>(raw).unwrap().input.fields
}

fn name(v: &Vector) -> String {
    format!("{} {} {}", v.id.as_deref().unwrap_or("-"), v.kind, v.input)
}

fn text(value: &serde_json::Value) -> &str {
    value.as_str().expect("a text field")
}

#[test]
fn every_vector_of_the_default_profile_passes() {
    let vectors = load("vectors.json");
    let mut ran: BTreeMap<String, usize> = BTreeMap::new();
    for (v, raw) in &vectors {
        let label = name(v);
        match v.kind.as_str() {
            "encode_param" => {
                assert_eq!(
                    ordered_input(raw).encode(Encoding::QUERY),
                    text(&v.output),
                    "{label}"
                );
            }
            "encode_body" => {
                assert_eq!(
                    ordered_input(raw).encode(Encoding::REDUCED),
                    text(&v.output),
                    "{label}"
                );
            }
            "decode" => {
                let got =
                    restli::from_str(text(&v.input)).unwrap_or_else(|e| panic!("{label}: {e}"));
                assert_eq!(got.to_json(), v.output, "{label}");
            }
            "decode_reduced" => {
                let got = restli::from_str_reduced(text(&v.input)).unwrap();
                assert_eq!(got.to_json(), v.output, "{label}");
            }
            "decode_error" => {
                let err = restli::from_str(text(&v.input)).expect_err(&label);
                // Java vectors give the server's exact message; the others only say that the
                // input must be refused (their messages are the JS client's own).
                if v.implementation.as_deref() == Some("java") {
                    assert_eq!(Some(err.message()), v.error.as_deref(), "{label}");
                }
            }
            "projection" => {
                let direction = v.direction.as_deref().unwrap_or("both");
                if direction == "both" {
                    let mask = ordered_mask(raw, "input");
                    assert_eq!(mask.to_string(), text(&v.output), "{label}");
                    assert_eq!(Mask::parse(text(&v.output)).unwrap(), mask, "{label}");
                } else {
                    let parsed = Mask::parse(text(&v.input)).unwrap();
                    assert_eq!(parsed, ordered_mask(raw, "output"), "{label}");
                }
            }
            "projection_error" => {
                let err = Mask::parse(text(&v.input)).expect_err(&label);
                let want = v.error.as_deref().unwrap();
                assert!(err.message().contains(want), "{label}: {err}");
            }
            "decoration" => {
                let input = text(&v.input);
                let output = text(&v.output);
                let parsed = Decoration::parse(input).unwrap_or_else(|e| panic!("{label}: {e}"));
                if let Some(tree) = &v.tree {
                    assert_eq!(&serde_json::to_value(&parsed).unwrap(), tree, "{label}");
                    let back: Decoration = serde_json::from_value(tree.clone()).unwrap();
                    assert_eq!(back, parsed, "{label}");
                }
                if v.normalize.as_deref() == Some("strip_whitespace") {
                    let stripped: String = input.chars().filter(|c| !c.is_whitespace()).collect();
                    assert_eq!(parsed.to_string(), stripped, "{label}");
                }
                if output.starts_with('%') {
                    assert_eq!(parsed.to_wire(), output, "{label}");
                } else {
                    assert_eq!(parsed.to_string(), output, "{label}");
                }
                assert_eq!(Decoration::parse(output).unwrap(), parsed, "{label}");
                if v.roundtrip == Some(true) {
                    assert_eq!(parsed.to_string(), input, "{label}");
                }
            }
            "urn" => {
                let urn = Urn::parse(text(&v.input)).unwrap_or_else(|e| panic!("{label}: {e}"));
                assert_eq!(urn.to_string(), text(&v.output), "{label}");
                let parsed = v.parsed.as_ref().unwrap();
                assert_eq!(urn.namespace(), text(&parsed["namespace"]), "{label}");
                assert_eq!(urn.entity_type(), text(&parsed["entity_type"]), "{label}");
                let parts: Vec<&str> = urn.parts().collect();
                let want: Vec<&str> = parsed["key"].as_array().unwrap().iter().map(text).collect();
                assert_eq!(parts, want, "{label}");
            }
            "urn_error" => {
                let err = Urn::parse(text(&v.input)).expect_err(&label);
                assert!(
                    err.message().contains(v.error.as_deref().unwrap()),
                    "{label}: {err}"
                );
            }
            other => panic!("{label}: a kind this test does not know: {other}"),
        }
        *ran.entry(v.kind.clone()).or_default() += 1;
    }
    assert_eq!(ran.values().sum::<usize>(), vectors.len());
    assert_eq!(vectors.len(), 188, "the vector file changed: {ran:?}");
}

#[test]
fn java_profile_vectors_of_the_other_conventions() {
    let java = |position: Encoding| position.with_profile(Profile::RestliJava);
    let mut ran = 0;
    for (v, raw) in load("vectors-other-conventions.json") {
        let label = name(&v);
        if v.implementation.as_deref() != Some("java") {
            continue;
        }
        let encoding = match v.kind.as_str() {
            "encode_param" => java(Encoding::QUERY),
            "encode_path" => java(Encoding::PATH),
            "encode_body" => java(Encoding::REDUCED),
            "encode_query" => {
                // Whole query strings: parameters sorted by name, as rest.li Java does.
                let Value::Map(mut params) = ordered_input(&raw) else {
                    panic!("{label}")
                };
                params.sort_keys();
                let mut q = restli::Query::new();
                for (name, value) in params {
                    if restli::PROJECTION_PARAMS.contains(&name.as_str()) {
                        q.push_encoded(name, input_fields(&raw).to_string());
                    } else {
                        q.push_encoded(name, value.encode(java(Encoding::QUERY)));
                    }
                }
                assert_eq!(q.encode(Profile::RestliJava), text(&v.output), "{label}");
                ran += 1;
                continue;
            }
            _ => continue,
        };
        assert_eq!(
            ordered_input(&raw).encode(encoding),
            text(&v.output),
            "{label}"
        );
        ran += 1;
    }
    assert_eq!(ran, 37, "java vectors of the other conventions");
}
