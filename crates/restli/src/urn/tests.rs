//! URN parsing, printing, construction and their errors.

use super::*;
use crate::error::Syntax;

fn err(s: &str) -> Error {
    match Urn::parse(s) {
        Ok(urn) => panic!("{s:?} parsed as {urn:?}"),
        Err(e) => e,
    }
}

fn assert_err(s: &str, message: &str, offset: usize) {
    let e = err(s);
    assert!(
        e.message().contains(message),
        "{s:?}: {:?} does not contain {message:?}",
        e.message()
    );
    assert_eq!(e.offset(), Some(offset), "{s:?}: {e}");
    assert_eq!(e.syntax(), Syntax::Urn);
}

fn parts(urn: &Urn) -> Vec<&str> {
    urn.parts().collect()
}

#[test]
fn single_key() {
    let urn = Urn::parse("urn:li:fsd_profile:ACoAAB").unwrap();
    assert_eq!(urn.namespace(), "li");
    assert_eq!(urn.entity_type(), "fsd_profile");
    assert_eq!(urn.id(), "ACoAAB");
    assert_eq!(parts(&urn), ["ACoAAB"]);
    assert_eq!(urn.part_count(), 1);
    assert!(!urn.is_tuple());
    assert_eq!(urn.part(0), Some("ACoAAB"));
    assert_eq!(urn.part(1), None);
    assert_eq!(urn.nested(0), None);
    assert_eq!(urn.as_str(), "urn:li:fsd_profile:ACoAAB");
}

#[test]
fn no_key() {
    let urn = Urn::parse("urn:li:foo").unwrap();
    assert_eq!(urn.entity_type(), "foo");
    assert_eq!(urn.id(), "");
    assert_eq!(urn.part_count(), 0);
    assert_eq!(urn.parts().next(), None);
    assert!(!urn.is_tuple());
    assert_eq!(urn.to_string(), "urn:li:foo");
}

#[test]
fn raw_characters_stay_raw() {
    for key in [
        "d_flagship3_feed;pgqTqBMRQMyo6x+fJLpGiw==",
        "a/b&c=d",
        "x:y:z",
        "héllo wörld",
        "a,b",
        "f(x,y)",
    ] {
        let text = format!("urn:li:page:{key}");
        let urn = Urn::parse(&text).unwrap();
        assert_eq!(parts(&urn), [key]);
        assert_eq!(urn.to_string(), text);
    }
}

#[test]
fn tuples_split_at_depth_one_only() {
    let urn = Urn::parse("urn:li:example:(foo,bar(zoo,moo))").unwrap();
    assert_eq!(parts(&urn), ["foo", "bar(zoo,moo)"]);
    assert!(urn.is_tuple());
    assert_eq!(urn.id(), "(foo,bar(zoo,moo))");

    let urn = Urn::parse("urn:li:example:(1,2,3)").unwrap();
    assert_eq!(parts(&urn), ["1", "2", "3"]);
    assert_eq!(urn.parts().rev().collect::<Vec<_>>(), ["3", "2", "1"]);
    assert_eq!(urn.parts().len(), 3);

    let urn = Urn::parse("urn:li:x:((a,b),(c))").unwrap();
    assert_eq!(parts(&urn), ["(a,b)", "(c)"]);
}

#[test]
fn one_part_tuple_prints_without_parens() {
    let urn = Urn::parse("urn:li:y:(urn:li:z:1)").unwrap();
    assert_eq!(urn.to_string(), "urn:li:y:urn:li:z:1");
    assert_eq!(urn.id(), "urn:li:z:1");
    assert_eq!(parts(&urn), ["urn:li:z:1"]);
    assert!(!urn.is_tuple());
    assert_eq!(urn, Urn::parse("urn:li:y:urn:li:z:1").unwrap());
    assert_eq!(urn.nested(0).unwrap().as_str(), "urn:li:z:1");
}

#[test]
fn one_part_tuple_starting_with_paren_keeps_its_parens() {
    // Printing `((a,b))` as `(a,b)` would parse back as two parts.
    let urn = Urn::parse("urn:li:y:((a,b))").unwrap();
    assert_eq!(urn.to_string(), "urn:li:y:((a,b))");
    assert_eq!(parts(&urn), ["(a,b)"]);
    assert!(urn.is_tuple());
    let built = Urn::new("y", "(a,b)").unwrap();
    assert_eq!(built, urn);
    assert_eq!(Urn::parse(built.as_str()).unwrap(), built);
}

#[test]
fn nested_urns() {
    let urn = Urn::parse(
        "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAA,SEARCH_SRP,DEFAULT)",
    )
    .unwrap();
    assert_eq!(
        parts(&urn),
        ["urn:li:fsd_profile:ACoAA", "SEARCH_SRP", "DEFAULT"]
    );
    let profile = urn.nested(0).unwrap();
    assert_eq!(profile.entity_type(), "fsd_profile");
    assert_eq!(profile.id(), "ACoAA");
    assert_eq!(urn.nested(1), None);
    assert_eq!(urn.nested(3), None);

    let conv = Urn::parse("urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)").unwrap();
    assert_eq!(conv.nested(0).unwrap().id(), "ACoAAB");
    assert_eq!(conv.part(1), Some("2-YWIzN=="));

    // A nested URN that is itself a tuple.
    let deep = Urn::parse("urn:li:a:(urn:li:b:(urn:li:c:1,2),3)").unwrap();
    assert_eq!(parts(&deep), ["urn:li:b:(urn:li:c:1,2)", "3"]);
    let b = deep.nested(0).unwrap();
    assert_eq!(parts(&b), ["urn:li:c:1", "2"]);
    assert_eq!(b.nested(0).unwrap().id(), "1");
}

#[test]
fn other_namespaces() {
    let urn = Urn::parse("urn:my-ns2:thing:1").unwrap();
    assert_eq!(urn.namespace(), "my-ns2");
    let ns32 = "a".repeat(32);
    assert!(Urn::parse(&format!("urn:{ns32}:x:1")).is_ok());
    assert_err(
        &format!("urn:{ns32}b:x:1"),
        "Namespace length > 32 chars",
        36,
    );
}

#[test]
fn header_errors() {
    assert_err("", "Urn doesn't start with 'urn:'", 0);
    assert_err("urx:li:x:1", "Urn doesn't start with 'urn:'", 2);
    assert_err("URN:li:x:1", "Urn doesn't start with 'urn:'", 0);
    assert_err("urn", "Urn doesn't start with 'urn:'", 3);
    assert_err("urn:", "First char of Urn namespace must be [a-z]!", 4);
    assert_err(
        "urn:Li:member:1",
        "First char of Urn namespace must be [a-z]!",
        4,
    );
    assert_err("urn::x:1", "First char of Urn namespace must be [a-z]!", 4);
    assert_err("urn:li", "Missing second ':' char", 6);
    assert_err("urn:l.i", "Missing second ':' char", 7);
    assert_err("urn:l_i:x:1", "Chars in namespace must be [a-z0-9-]!", 5);
    assert_err("urn:lé:x:1", "Chars in namespace must be [a-z0-9-]!", 5);
    assert_err("urn:li:", "First char of entityType must be [a-z]!", 7);
    assert_err(
        "urn:li:Member:1",
        "First char of entityType must be [a-z]!",
        7,
    );
    assert_err("urn:li:_x:1", "First char of entityType must be [a-z]!", 7);
    assert_err(
        "urn:li:fsd-profile:1",
        "entityType must have only [a-zA-Z_0-9] chars",
        10,
    );
    assert_err(
        "urn:li:foo bar",
        "entityType must have only [a-zA-Z_0-9] chars",
        10,
    );
    assert_err(
        "urn:li:fooé:1",
        "entityType must have only [a-zA-Z_0-9] chars",
        10,
    );
    assert_err(
        "urn:li:fsd_profile:",
        "Urns with empty entityKey are not allowed",
        19,
    );
    assert_err("urn:li:x:", "Urns with empty entityKey are not allowed", 9);
}

#[test]
fn key_errors() {
    assert_err("urn:li:example:(,foo)", "empty part disallowed", 16);
    assert_err("urn:li:example:(a,,b)", "empty part disallowed", 18);
    assert_err("urn:li:example:(a,)", "empty part disallowed", 18);
    assert_err("urn:li:example:()", "empty part disallowed", 16);
    assert_err("urn:li:example:(,,)", "empty part disallowed", 16);
    assert_err("urn:li:example:(a,(b)", "mismatched paren nesting", 15);
    assert_err("urn:li:example:(a,((b)", "mismatched paren nesting", 18);
    assert_err("urn:li:example:a)b(", "mismatched paren nesting", 16);
    assert_err("urn:li:example:a(b", "mismatched paren nesting", 16);
    assert_err("urn:li:example:(a", "mismatched paren nesting", 15);
    assert_err("urn:li:example:(a))", "mismatched paren nesting", 18);
    assert_err("urn:li:example:(a,b))", "mismatched paren nesting", 20);
    assert_err("urn:li:example:(a,b)c", "after the closing ')'", 20);
    assert_err("urn:li:example:(a)(b,c)", "after the closing ')'", 18);
}

#[test]
fn length_limit() {
    let head = "urn:li:x:";
    let ok = format!("{head}{}", "a".repeat(512 - head.len()));
    assert!(Urn::parse(&ok).is_ok());
    let long = format!("{ok}a");
    assert_err(&long, "Urn is longer than the limit 512", 512);
    // Counted in UTF-16 units like Java: 'é' is two bytes but one unit.
    let wide = format!("{head}{}", "é".repeat(512 - head.len()));
    assert!(wide.len() > 512);
    assert!(Urn::parse(&wide).is_ok());
    // Huge inputs fail fast instead of being scanned.
    let huge = format!("{head}{}", "(".repeat(1 << 20));
    assert_err(&huge, "Urn is longer than the limit 512", 512);
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "urn:",
        "urn:l",
        "urn:l:",
        "urn:l:x",
        "urn:l:x:",
        "urn:l:x:(",
        "urn:l:x:)",
        "urn:l:x:,",
        "urn:l:x:(,",
        "urn:l:x:(é,ü)",
        "urn:é",
        "urn:li:é",
        "urn:li:x:é",
        "urn:li:x:\u{0}",
        "\u{feff}urn:li:x:1",
        "é",
    ] {
        let _ = Urn::parse(s);
    }
    let urn = Urn::parse("urn:l:x:(é,ü)").unwrap();
    assert_eq!(parts(&urn), ["é", "ü"]);
}

#[test]
fn round_trip() {
    for s in [
        "urn:li:foo",
        "urn:li:fsd_profile:ACoAAB",
        "urn:li:example:(1,2,3)",
        "urn:li:example:(foo,bar(zoo,moo))",
        "urn:li:y:(urn:li:z:1)",
        "urn:li:y:((a,b))",
        "urn:li:y:((a),b)",
        "urn:li:y:a,b",
        "urn:li:y:f(a,b)",
        "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)",
        "urn:x-y:z:(é,(ü,ö))",
    ] {
        let urn = Urn::parse(s).unwrap();
        let printed = urn.to_string();
        let again = Urn::parse(&printed).unwrap();
        assert_eq!(again, urn, "{s}");
        assert_eq!(again.to_string(), urn.to_string());
        let rebuilt =
            Urn::with_namespace(urn.namespace(), urn.entity_type(), &parts(&urn)).unwrap();
        assert_eq!(rebuilt, urn, "{s}");
    }
}

#[test]
fn constructors() {
    let urn = Urn::new("fsd_profile", "ACoAAB").unwrap();
    assert_eq!(urn.as_str(), "urn:li:fsd_profile:ACoAAB");
    assert_eq!(urn, Urn::parse("urn:li:fsd_profile:ACoAAB").unwrap());

    let urn = Urn::from_parts("example", &["1", "2", "3"]).unwrap();
    assert_eq!(urn.as_str(), "urn:li:example:(1,2,3)");
    assert_eq!(parts(&urn), ["1", "2", "3"]);
    assert_eq!(urn, Urn::parse("urn:li:example:(1,2,3)").unwrap());

    let urn = Urn::from_parts("y", &["urn:li:z:1"]).unwrap();
    assert_eq!(urn.as_str(), "urn:li:y:urn:li:z:1");
    let urn = Urn::from_parts("foo", &[]).unwrap();
    assert_eq!(urn.as_str(), "urn:li:foo");
    assert_eq!(urn.part_count(), 0);

    // A single key may hold a top-level comma: it is not split when parsed back.
    let urn = Urn::new("y", "a,b").unwrap();
    assert_eq!(parts(&Urn::parse(urn.as_str()).unwrap()), ["a,b"]);

    let urn = Urn::with_namespace("x-1", "t", &["a"]).unwrap();
    assert_eq!(urn.as_str(), "urn:x-1:t:a");
}

#[test]
fn constructor_errors() {
    fn check(r: Result<Urn, Error>, message: &str, offset: usize) {
        let e = r.unwrap_err();
        assert!(e.message().contains(message), "{e}");
        assert_eq!(e.offset(), Some(offset), "{e}");
    }
    check(
        Urn::new("fsd_profile", ""),
        "Urns with empty entityKey are not allowed",
        0,
    );
    check(Urn::new("Member", "1"), "First char of entityType", 0);
    check(Urn::new("", "1"), "First char of entityType", 0);
    check(Urn::new("a:b", "1"), "entityType must have only", 1);
    check(Urn::new("x", "a)("), "mismatched paren nesting", 1);
    check(Urn::new("x", "(a),b"), "outside parentheses", 3);
    check(Urn::from_parts("x", &["a", ""]), "empty part disallowed", 0);
    check(
        Urn::from_parts("x", &["a,b", "c"]),
        "outside parentheses",
        1,
    );
    check(
        Urn::from_parts("x", &["a", "(b"]),
        "mismatched paren nesting",
        0,
    );
    check(
        Urn::with_namespace("Li", "x", &["1"]),
        "First char of Urn namespace",
        0,
    );
    check(
        Urn::with_namespace("", "x", &["1"]),
        "First char of Urn namespace",
        0,
    );
    check(
        Urn::with_namespace("l:i", "x", &["1"]),
        "Chars in namespace must be [a-z0-9-]!",
        1,
    );
    check(
        Urn::with_namespace(&"a".repeat(33), "x", &["1"]),
        "Namespace length > 32 chars",
        32,
    );
    check(
        Urn::new("x", &"a".repeat(600)),
        "Urn is longer than the limit 512",
        512,
    );
    // Parts with a comma inside parentheses are fine.
    assert!(Urn::from_parts("x", &["f(a,b)", "c"]).is_ok());
}

#[test]
fn traits() {
    let s = "urn:li:example:(1,2)";
    let a: Urn = s.parse().unwrap();
    let b = Urn::try_from(s).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.as_ref(), s);
    assert_eq!(String::from(a.clone()), s);
    assert!(Urn::parse("urn:li:a:1").unwrap() < Urn::parse("urn:li:b:1").unwrap());
    let set: std::collections::HashSet<Urn> = [a.clone(), b].into_iter().collect();
    assert_eq!(set.len(), 1);
    assert!("nope".parse::<Urn>().is_err());
}

#[test]
fn serde_as_string() {
    let urn = Urn::parse("urn:li:y:(urn:li:z:1)").unwrap();
    let json = serde_json::to_string(&urn).unwrap();
    assert_eq!(json, r#""urn:li:y:urn:li:z:1""#);
    let back: Urn = serde_json::from_str(&json).unwrap();
    assert_eq!(back, urn);

    let owned: Vec<Urn> =
        serde_json::from_value(serde_json::json!(["urn:li:a:1", "urn:li:b:(1,2)"])).unwrap();
    assert_eq!(owned[1].part(1), Some("2"));

    let e = serde_json::from_str::<Urn>(r#""urn:li:x:(a,,b)""#).unwrap_err();
    assert!(e.to_string().contains("empty part disallowed"), "{e}");
    let e = serde_json::from_str::<Urn>("12").unwrap_err();
    assert!(e.to_string().contains("a URN string"), "{e}");
}
