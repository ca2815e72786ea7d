//! Property tests: decoding what the encoder wrote gives the value back, in every position
//! and profile, for values full of reserved characters, spaces, controls and non-ASCII.

use proptest::prelude::*;
use restli::{Encoding, Map, Profile, Value};

/// Characters that matter to Rest.li and URLs, plus plain ones and non-ASCII.
const CHARS: &[char] = &[
    'a', 'Z', '0', '9', '-', '_', '.', '~', '!', '*', '(', ')', ',', ':', '\'', '%', '&', '=', '+',
    '#', '/', '?', ';', '@', '$', ' ', '"', '\\', '[', ']', '{', '}', '|', '^', '`', '<', '>',
    '\t', '\n', '\u{7f}', 'é', '日', '😛', '\u{fffd}', 'L', 'i', 's', 't',
];

/// Whole leaves that look like syntax.
const TRICKY: &[&str] = &[
    "",
    "''",
    "List",
    "List(",
    "List()",
    "()",
    "(a:b)",
    "%2C",
    "%27%27",
    "%",
    "%zz",
    "a,b",
    "urn:li:x:(a,b)",
];

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(CHARS), 0..12).prop_map(|cs| cs.into_iter().collect()),
        1 => prop::sample::select(TRICKY).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf()
        .prop_map(Value::from)
        .prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::List),
                prop::collection::vec((leaf(), inner), 0..6)
                    .prop_map(|entries| Value::Map(entries.into_iter().collect::<Map>())),
            ]
        })
}

/// The value with every map's keys sorted, as rest.li Java writes it.
fn sorted(v: &Value) -> Value {
    match v {
        Value::String(_) => v.clone(),
        Value::List(items) => Value::List(items.iter().map(sorted).collect()),
        Value::Map(m) => {
            let mut m: Map = m.iter().map(|(k, v)| (k, sorted(v))).collect();
            m.sort_keys();
            Value::Map(m)
        }
    }
}

fn leaves(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.to_string()),
        Value::List(items) => items.iter().for_each(|i| leaves(i, out)),
        Value::Map(m) => m.iter().for_each(|(k, v)| {
            out.push(k.to_owned());
            leaves(v, out);
        }),
    }
}

/// The reduced form of LinkedIn's clients leaves `%` raw and only undoes the five reserved
/// escapes, so a leaf that already contains such an escape cannot come back unchanged.
fn has_reserved_escape(v: &Value) -> bool {
    let mut all = Vec::new();
    leaves(v, &mut all);
    all.iter().any(|s| {
        let upper = s.to_ascii_uppercase();
        ["%28", "%29", "%2C", "%3A", "%27"]
            .iter()
            .any(|e| upper.contains(e))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// The main property, over 100,000 generated values: URL-form query and path encodings in
    /// both profiles decode back to the value (key-sorted for the Java profile).
    #[test]
    fn url_forms_round_trip(v in value()) {
        for position in [Encoding::QUERY, Encoding::PATH] {
            let text = v.encode(position);
            prop_assert_eq!(restli::from_str(&text), Ok(v.clone()), "{}", text);
            let java = v.encode(position.with_profile(Profile::RestliJava));
            prop_assert_eq!(restli::from_str(&java), Ok(sorted(&v)), "{}", java);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 20_000,
        max_global_rejects: 50_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn reduced_form_round_trips(v in value()) {
        prop_assume!(!has_reserved_escape(&v));
        let text = v.encode(Encoding::REDUCED);
        prop_assert_eq!(restli::from_str_reduced(&text), Ok(v), "{}", text);
    }

    /// Encoded URL text never holds a raw character outside the structure and the allowed
    /// set, so it can be pasted into a URL as is.
    #[test]
    fn url_text_is_plain_ascii(v in value()) {
        let text = v.encode(Encoding::QUERY);
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~!*%(),:'".contains(&b)), "{}", text);
    }

    /// A simple path key is only percent-decoded: escaping a leaf for a path and reading it
    /// back as a path segment gives the leaf (the empty string stays `''`, since a server
    /// does not parse simple keys as Rest.li).
    #[test]
    fn simple_path_keys_round_trip(s in leaf()) {
        let text = restli::encode_str(&s, Encoding::PATH);
        let want = if s.is_empty() { "''".to_owned() } else { s.clone() };
        prop_assert_eq!(restli::from_str_path(&text), Ok(Value::from(want)));
    }

    /// The serde serializer rebuilds any value from its `Serialize` form, order and
    /// duplicates kept.
    #[test]
    fn serializer_rebuilds_the_value(v in value()) {
        prop_assert_eq!(restli::to_value(&v), Ok(v.clone()));
        prop_assert_eq!(restli::to_string(&v), Ok(v.encode(Encoding::QUERY)));
    }
}
