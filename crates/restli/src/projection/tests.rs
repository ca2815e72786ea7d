//! Masks: the builder, the wire text both ways, its errors, and the JSON form.

use super::parse::{EXPECTED_PAREN, MAX_DEPTH, RANGE_VALUE, UNMATCHED};
use super::*;
use crate::error::{Error, Syntax};

fn err(input: &str) -> Error {
    Mask::parse(input).unwrap_err()
}

fn sample() -> Mask {
    Mask::new().include("a").sub(
        "b",
        Mask::new()
            .sub("$*", Mask::new().include("c"))
            .start(2)
            .count(4),
    )
}

#[test]
fn include_and_exclude() {
    let m = Mask::parse("aaa,-bbb,$*").unwrap();
    let expected = [
        ("aaa".to_owned(), MaskEntry::Include),
        ("bbb".to_owned(), MaskEntry::Exclude),
        ("$*".to_owned(), MaskEntry::Include),
    ];
    assert_eq!(m.entries(), &expected[..]);
    // A repeated name replaces the earlier entry in place.
    let m = Mask::parse("$*,a,-$*").unwrap();
    assert_eq!(m.len(), 2);
    assert_eq!(m.to_string(), "-$*,a");
}

#[test]
fn sub_masks_and_ranges() {
    let m = Mask::parse("a,b:($*:(c),$start:2,$count:4)").unwrap();
    assert_eq!(m, sample());
    let deep = Mask::parse("a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))").unwrap();
    assert_eq!(deep.to_string(), "a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))");
    assert_eq!(
        Mask::parse("a:()").unwrap(),
        Mask::new().sub("a", Mask::new())
    );
    assert_eq!(
        Mask::parse("$start:007").unwrap(),
        Mask::new().start(7),
        "leading zeros are fine"
    );
    assert_eq!(
        Mask::parse("$start").unwrap(),
        Mask::new().include("$start")
    );
    assert_eq!(
        Mask::parse("$count:4294967295").unwrap(),
        Mask::new().count(u32::MAX)
    );
}

#[test]
fn whitespace_is_insignificant() {
    let m = Mask::parse(" a ,\tb : ( $*:(c), $start : 2,$count :4 )\n").unwrap();
    assert_eq!(m, sample());
    assert_eq!(Mask::parse("fi rst").unwrap(), Mask::new().include("first"));
    assert_eq!(Mask::parse("- a").unwrap(), Mask::new().exclude("a"));
    assert_eq!(Mask::parse("").unwrap(), Mask::new());
    assert_eq!(Mask::parse(" \t").unwrap(), Mask::new());
}

#[test]
fn names_take_any_other_character() {
    let m = Mask::parse("a-b,é,x.y$z,--c").unwrap();
    assert_eq!(
        m,
        Mask::new()
            .include("a-b")
            .include("é")
            .include("x.y$z")
            .exclude("-c")
    );
}

#[test]
fn expected_paren() {
    for (input, at) in [("a:($*,:2)", 7), ("a:($*,b:5)", 8), ("a:b", 2), ("a: x", 3)] {
        let e = err(input);
        assert_eq!(e.message(), EXPECTED_PAREN, "{input}");
        assert_eq!(e.offset(), Some(at), "{input}");
        assert_eq!(e.syntax(), Syntax::Projection);
    }
}

#[test]
fn range_values() {
    for (input, at) in [
        ("a:($*,$start:-10)", 13),
        ("a:($*,$count:xyz)", 13),
        ("a:($*,$start:1yz)", 14),
        ("$start:(a)", 7),
        ("$count:99999999999", 7),
    ] {
        let e = err(input);
        assert_eq!(e.message(), RANGE_VALUE, "{input}");
        assert_eq!(e.offset(), Some(at), "{input}");
    }
    assert_eq!(
        err("-$start:1").message(),
        "Malformed mask syntax: a range value cannot be excluded"
    );
    let e = err("a,$start:");
    assert_eq!(
        e.message(),
        "Malformed mask syntax: unexpected end of buffer after ':'"
    );
    assert_eq!(e.offset(), Some(9));
}

#[test]
fn unmatched_nesting() {
    for (input, at) in [
        ("a:(b", 2),
        ("a:(b:(c)", 2),
        ("a:(b:(c", 5),
        ("a)", 1),
        ("a:(b))", 5),
        (")", 0),
    ] {
        let e = err(input);
        assert_eq!(e.message(), UNMATCHED, "{input}");
        assert_eq!(e.offset(), Some(at), "{input}");
    }
}

#[test]
fn other_errors() {
    let cases = [
        ("a,,b", 2, "Malformed mask syntax: empty field name"),
        ("a,", 2, "Malformed mask syntax: empty field name"),
        ("-", 1, "Malformed mask syntax: empty field name"),
        (":(a)", 0, "Malformed mask syntax: empty parent field name"),
        (
            "-a:(b)",
            0,
            "Malformed mask syntax: a sub-mask cannot be excluded",
        ),
        ("a(b)", 1, "Malformed mask syntax: unexpected '(' token"),
        ("a:(b)c", 5, "Malformed mask syntax: expected ',' token"),
    ];
    for (input, at, message) in cases {
        let e = err(input);
        assert_eq!(e.message(), message, "{input}");
        assert_eq!(e.offset(), Some(at), "{input}");
    }
}

#[test]
fn offsets_count_the_whitespace_removed() {
    let e = err("a : ( $* ,  b :  5 )");
    assert_eq!(e.message(), EXPECTED_PAREN);
    assert_eq!(e.offset(), Some(17));
    assert_eq!(
        e.to_string(),
        "invalid projection: Malformed mask syntax: expected '(' token, at byte 17: a : ( $* ,  b :  →5 )"
    );
}

#[test]
fn depth_is_limited() {
    let nested = |levels: usize| format!("{}x{}", "a:(".repeat(levels), ")".repeat(levels));
    let ok = Mask::parse(&nested(MAX_DEPTH)).unwrap();
    assert_eq!(ok.to_string(), nested(MAX_DEPTH));
    let e = err(&nested(MAX_DEPTH + 1));
    assert_eq!(
        e.message(),
        "Malformed mask syntax: nesting deeper than 128 levels"
    );
    assert_eq!(e.offset(), Some(3 * MAX_DEPTH + 2));
    // Far deeper input fails just as cleanly.
    assert!(Mask::parse(&"a:(".repeat(100_000)).is_err());
    assert!(Mask::parse(&")".repeat(100_000)).is_err());
}

#[test]
fn builder_and_accessors() {
    let mut m = sample();
    assert_eq!(m.to_string(), "a,b:($*:(c),$start:2,$count:4)");
    assert_eq!(m.get("a"), Some(&MaskEntry::Include));
    let Some(MaskEntry::Sub(b)) = m.get("b") else {
        panic!("b is a sub-mask")
    };
    assert_eq!(b.get("$start"), Some(&MaskEntry::Range(2)));
    assert_eq!(b.get("$count"), Some(&MaskEntry::Range(4)));
    assert_eq!(m.insert("a", MaskEntry::Exclude), Some(MaskEntry::Include));
    assert_eq!(m.insert("z", MaskEntry::Include), None);
    assert_eq!(m.to_string(), "-a,b:($*:(c),$start:2,$count:4),z");
    assert_eq!(
        "a,b".parse::<Mask>().unwrap(),
        Mask::new().include("a").include("b")
    );
    assert!(Mask::default().is_empty());
}

#[test]
fn round_trips() {
    for text in [
        "aaa,bbb,ccc",
        "-aaa,-bbb,-ccc",
        "$*",
        "-$*",
        "a,b:($*,-c)",
        "a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))",
        "a,b:($*:(c),$start:2,$count:4)",
        "array_field:($*:(field1,field2),$start:10,$count:15)",
        "map_field:($*:(field1),key1:(field2),key2:(field3))",
        "a:(),b",
        "",
    ] {
        let m = Mask::parse(text).unwrap();
        assert_eq!(m.to_string(), text);
        assert_eq!(Mask::parse(&m.to_string()).unwrap(), m);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(serde_json::from_str::<Mask>(&json).unwrap(), m, "{json}");
    }
}

#[test]
fn serde_json_form() {
    let m = sample();
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(json, r#"{"a":1,"b":{"$*":{"c":1},"$start":2,"$count":4}}"#);
    // Key order is kept, not sorted.
    let m: Mask = serde_json::from_str(r#"{"z":1,"a":0,"m":{"y":1,"b":1}}"#).unwrap();
    assert_eq!(m.to_string(), "z,-a,m:(y,b)");
    // Under `$start`/`$count`, 0 and 1 are range values.
    let m: Mask = serde_json::from_str(r#"{"$start":0,"$count":1}"#).unwrap();
    assert_eq!(m, Mask::new().start(0).count(1));
    // A repeated key replaces the earlier value in place.
    let m: Mask = serde_json::from_str(r#"{"a":1,"b":1,"a":0}"#).unwrap();
    assert_eq!(m.to_string(), "-a,b");
}

#[test]
fn serde_rejects_other_shapes() {
    for json in [
        r#"[1]"#,
        r#""a""#,
        r#"{"a":2}"#,
        r#"{"a":-1}"#,
        r#"{"a":true}"#,
        r#"{"a":"1"}"#,
        r#"{"a":1.0}"#,
        r#"{"a":null}"#,
        r#"{"a":[1]}"#,
        r#"{"$start":-1}"#,
        r#"{"$count":4294967296}"#,
        r#"{"a":{"b":{"c":"x"}}}"#,
    ] {
        assert!(serde_json::from_str::<Mask>(json).is_err(), "{json}");
    }
}
