//! A bounded fuzz test that runs on stable Rust in every CI run: every decoder of the crate is
//! fed hundreds of thousands of generated inputs, built from the characters its grammar cares
//! about and from mutations of the reference vectors. None may panic, and whatever decodes
//! must encode and decode back to the same thing. (`fuzz/` holds the coverage-guided
//! cargo-fuzz target for longer runs on nightly.)

use proptest::prelude::*;
use restli::{Decoration, Encoding, Mask, Query, Urn};

/// Pieces that the grammars are made of, so that random inputs reach deep into the parsers.
const PIECES: &[&str] = &[
    "(",
    ")",
    ",",
    ":",
    "List(",
    "List",
    "''",
    "'",
    "%",
    "%2",
    "%28",
    "%2C",
    "%3A",
    "%E2%98%BA",
    "%F0",
    "%zz",
    "a",
    "key",
    "0",
    "-1",
    "$*",
    "$start",
    "$count",
    "-",
    "*",
    "~",
    "~fs_x",
    "urn:",
    "urn:li:",
    "li",
    "fsd_profile",
    "ACoAAB",
    "=",
    "==",
    "&",
    "+",
    " ",
    "\t",
    "\u{3000}",
    "é",
    "😛",
    ".",
    "\u{0}",
];

fn grammar_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

/// A reference vector's input with a few random edits: deletions, duplications, swaps.
fn mutated_vector() -> impl Strategy<Value = String> {
    let seeds = seeds();
    (
        prop::sample::select(seeds),
        prop::collection::vec((any::<u16>(), any::<u16>(), 0u8..4), 1..4),
    )
        .prop_map(|(seed, edits)| {
            let mut chars: Vec<char> = seed.chars().collect();
            for (a, b, op) in edits {
                if chars.is_empty() {
                    break;
                }
                let i = usize::from(a) % chars.len();
                let j = usize::from(b) % chars.len();
                match op {
                    0 => {
                        chars.remove(i);
                    }
                    1 => chars.insert(i, chars[j]),
                    2 => chars.swap(i, j),
                    _ => chars.truncate(i),
                }
            }
            chars.into_iter().collect()
        })
}

/// Every text input and output of the reference vectors.
fn seeds() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/restli/vectors.json"
    );
    let vectors: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let seeds: Vec<String> = vectors
        .iter()
        .flat_map(|v| [&v["input"], &v["output"]])
        .filter_map(|t| t.as_str().map(str::to_owned))
        .collect();
    assert!(seeds.len() > 150, "the vectors give seeds");
    seeds
}

/// Runs every decoder on `input`; checks that what decodes comes back through its encoder.
fn check_all_decoders(input: &str) -> Result<(), TestCaseError> {
    if let Ok(v) = restli::from_str(input) {
        prop_assert_eq!(restli::from_str(&v.encode(Encoding::QUERY)), Ok(v.clone()));
        prop_assert_eq!(restli::from_str(&v.encode(Encoding::PATH)), Ok(v));
    }
    if let Ok(v) = restli::from_str_path(input) {
        let _ = v.encode(Encoding::PATH);
    }
    if let Ok(v) = restli::from_str_reduced(input) {
        let _ = v.encode(Encoding::REDUCED);
    }
    if let Ok(urn) = Urn::parse(input) {
        prop_assert_eq!(Urn::parse(urn.as_str()), Ok(urn));
    }
    if let Ok(mask) = Mask::parse(input) {
        prop_assert_eq!(Mask::parse(&mask.to_string()), Ok(mask));
    }
    if let Ok(decoration) = Decoration::parse(input) {
        prop_assert_eq!(
            Decoration::parse(&decoration.to_string()),
            Ok(decoration.clone())
        );
        prop_assert_eq!(Decoration::parse(&decoration.to_wire()), Ok(decoration));
    }
    if let Ok(query) = Query::parse(input) {
        for (name, _) in query.iter() {
            let _ = query.value(name);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decoders_survive_grammar_soup(input in grammar_soup()) {
        check_all_decoders(&input)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn decoders_survive_mutated_vectors(input in mutated_vector()) {
        check_all_decoders(&input)?;
    }

    #[test]
    fn decoders_survive_arbitrary_text(input in "\\PC{0,64}") {
        check_all_decoders(&input)?;
    }
}

#[test]
fn decoders_survive_pathological_sizes() {
    let inputs = [
        "(".repeat(100_000),
        "List(".repeat(100_000),
        "%".repeat(100_000),
        "%25".repeat(100_000),
        format!("urn:li:x:{}", "(".repeat(100_000)),
        format!("a:{}", "(".repeat(100_000)),
        format!("({})", "a,".repeat(100_000)),
        "(a:b,".repeat(50_000),
    ];
    for input in &inputs {
        check_all_decoders(input).unwrap();
    }
}
