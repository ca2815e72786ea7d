//! Encode and decode throughput: on a corpus of realistic Voyager values
//! (`fixtures/restli/corpus.txt`: search, messaging and jobs variables, `ids=List(...)` of
//! URNs), on a generated 1 MiB nested document of small escaped leaves (the hard case: a
//! token every 13 bytes, a quarter of the bytes percent-escapes), and on a 1 MiB list of
//! URNs. Run with `cargo bench -p restli`; divan prints bytes per second (input bytes for
//! decoding, output bytes for encoding).

use divan::Bencher;
use divan::counter::BytesCount;
use restli::{Encoding, Map, Value};

fn main() {
    divan::main();
}

fn corpus_lines() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/restli/corpus.txt"
    );
    let text = std::fs::read_to_string(path).expect("fixtures/restli/corpus.txt");
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A document of search-like maps nested five deep, with escaped keywords, URNs and
/// non-ASCII, grown until its query encoding is at least 1 MiB.
fn nested_document() -> Value {
    let mut items = Vec::new();
    let mut size = 0;
    let mut n = 0u32;
    while size < 1 << 20 {
        let mut filter = Map::new();
        filter.insert("key", "geoUrn");
        filter.insert(
            "value",
            Value::list([n.to_string(), (n * 7).to_string(), "103644278".to_owned()]),
        );
        let mut inner = Map::new();
        inner.insert("keywords", format!("staff engineer #{n} (rust, go) & café"));
        inner.insert("queryParameters", Value::List(vec![Value::Map(filter)]));
        inner.insert(
            "anchor",
            Value::Map(
                [(
                    "entity",
                    Value::Map(
                        [("urn", format!("urn:li:fsd_profile:ACoAA{n:08}xYz"))]
                            .into_iter()
                            .collect(),
                    ),
                )]
                .into_iter()
                .collect(),
            ),
        );
        let mut outer = Map::new();
        outer.insert("start", n);
        outer.insert("query", Value::Map(inner));
        outer.insert("empty", "");
        let item = Value::Map(outer);
        size += item.encode(Encoding::QUERY).len() + 1;
        items.push(item);
        n += 1;
    }
    Value::List(items)
}

#[divan::bench]
fn decode_corpus(bencher: Bencher) {
    let lines = corpus_lines();
    let bytes: usize = lines.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for line in &lines {
            divan::black_box(
                restli::from_str(divan::black_box(line)).expect("corpus line decodes"),
            );
        }
    });
}

#[divan::bench]
fn encode_corpus(bencher: Bencher) {
    let values: Vec<Value> = corpus_lines()
        .iter()
        .map(|l| restli::from_str(l).expect("decodes"))
        .collect();
    let bytes: usize = values.iter().map(|v| v.encode(Encoding::QUERY).len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut out = String::with_capacity(bytes);
        for v in &values {
            out.clear();
            divan::black_box(v).encode_into(&mut out, Encoding::QUERY);
            divan::black_box(&out);
        }
    });
}

#[divan::bench]
fn decode_1mib_nested(bencher: Bencher) {
    let text = nested_document().encode(Encoding::QUERY);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(restli::from_str(divan::black_box(&text)).expect("decodes")));
}

/// A 1 MiB `ids=List(...)` of messaging conversation URNs: long escaped leaves, little
/// structure (a batch request's shape).
fn urn_list_document() -> String {
    let mut text = String::from("List(");
    let mut n = 0u64;
    while text.len() < 1 << 20 {
        if n > 0 {
            text.push(',');
        }
        let urn = format!(
            "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABMCK14BZYQEFee5Ir7zBXRulzkHn_aCgio,2-{n:016}YTdjY2VhOGEtY2ExYi00YTM3LTg3YTQtMzBiYjJiYjgyMzBmXzEwMA==)"
        );
        text.push_str(&restli::encode_str(&urn, Encoding::QUERY));
        n += 1;
    }
    text.push(')');
    text
}

#[divan::bench]
fn decode_1mib_urn_list(bencher: Bencher) {
    let text = urn_list_document();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| divan::black_box(restli::from_str(divan::black_box(&text)).expect("decodes")));
}

#[divan::bench]
fn encode_1mib_nested(bencher: Bencher) {
    let doc = nested_document();
    let len = doc.encode(Encoding::QUERY).len();
    bencher.counter(BytesCount::new(len)).bench(|| {
        let mut out = String::with_capacity(len);
        divan::black_box(&doc).encode_into(&mut out, Encoding::QUERY);
        out
    });
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchVariables<'a> {
    start: u32,
    origin: &'a str,
    query: SearchQuery<'a>,
    count: u32,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchQuery<'a> {
    keywords: &'a str,
    flagship_search_intent: &'a str,
    query_parameters: Vec<Parameter<'a>>,
    include_filters_in_response: bool,
}

#[derive(serde::Serialize)]
struct Parameter<'a> {
    key: &'a str,
    value: Vec<&'a str>,
}

/// What a client does per search request: a typed struct through the serde serializer.
#[divan::bench]
fn serialize_search_variables(bencher: Bencher) {
    let vars = SearchVariables {
        start: 0,
        origin: "FACETED_SEARCH",
        query: SearchQuery {
            keywords: "staff engineer (rust, go) & distributed systems",
            flagship_search_intent: "SEARCH_SRP",
            query_parameters: vec![
                Parameter {
                    key: "resultType",
                    value: vec!["PEOPLE"],
                },
                Parameter {
                    key: "network",
                    value: vec!["F", "S"],
                },
                Parameter {
                    key: "geoUrn",
                    value: vec!["103644278", "101165590"],
                },
            ],
            include_filters_in_response: false,
        },
        count: 49,
    };
    let len = restli::to_string(&vars).expect("encodes").len();
    bencher
        .counter(BytesCount::new(len))
        .bench(|| restli::to_string(divan::black_box(&vars)).expect("encodes"));
}
