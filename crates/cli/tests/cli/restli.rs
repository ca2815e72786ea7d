//! End-to-end tests of `linkedin restli ...`: the real binary, its output and exit codes.

use assert_cmd::Command;

fn linkedin(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("linkedin").unwrap().args(args).assert()
}

fn stdout_of(args: &[&str]) -> String {
    let out = linkedin(args).success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn stderr_of_failure(args: &[&str]) -> String {
    let out = linkedin(args).code(2).get_output().clone();
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout when the input is bad"
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn encode_in_every_position_and_profile() {
    let json = r#"{"start":0,"query":{"keywords":"C++ & C#, (senior)"},"flag":true,"ids":[]}"#;
    assert_eq!(
        stdout_of(&["restli", "encode", json]),
        "(start:0,query:(keywords:C%2B%2B%20%26%20C%23%2C%20%28senior%29),flag:true,ids:List())\n"
    );
    assert_eq!(
        stdout_of(&["restli", "encode", "--path", json]),
        "(start:0,query:(keywords:C++%20&%20C%23%2C%20%28senior%29),flag:true,ids:List())\n"
    );
    assert_eq!(
        stdout_of(&["restli", "encode", "--reduced", json]),
        "(start:0,query:(keywords:C++ & C#%2C %28senior%29),flag:true,ids:List())\n"
    );
    assert_eq!(
        stdout_of(&["restli", "encode", "--java", json]),
        "(flag:true,ids:List(),query:(keywords:C%2B%2B%20%26%20C%23%2C%20%28senior%29),start:0)\n"
    );
    assert_eq!(stdout_of(&["restli", "encode", r#""""#]), "''\n");
}

#[test]
fn decode_prints_json_with_keys_in_order() {
    assert_eq!(
        stdout_of(&[
            "restli",
            "decode",
            "(start:0,query:(keywords:C%2B%2B%2C%20Rust),f:List(F,S),e:'')"
        ]),
        r#"{"start":"0","query":{"keywords":"C++, Rust"},"f":["F","S"],"e":""}"#.to_owned() + "\n"
    );
    assert_eq!(
        stdout_of(&["restli", "decode", "--path", "urn:li:fsd_profile:ACoAAB"]),
        "\"urn:li:fsd_profile:ACoAAB\"\n"
    );
    assert_eq!(
        stdout_of(&["restli", "decode", "--reduced", "(k:a b%3Ac)"]),
        "{\"k\":\"a b:c\"}\n"
    );
}

#[test]
fn urn_prints_its_parts() {
    let out = stdout_of(&[
        "restli",
        "urn",
        "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIz==)",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "namespace": "li",
            "entity_type": "msg_conversation",
            "id": "(urn:li:fsd_profile:ACoAAB,2-YWIz==)",
            "parts": ["urn:li:fsd_profile:ACoAAB", "2-YWIz=="],
        })
    );
}

#[test]
fn bad_input_exits_2_with_one_line_pointing_at_the_position() {
    let err = stderr_of_failure(&["restli", "decode", "(a:b,c)"]);
    assert_eq!(
        err,
        "error: invalid Rest.li value: expected ':' but found ')' (column 6), at byte 6: (a:b,c→)\n"
    );
    let err = stderr_of_failure(&["restli", "urn", "urn:li:fsd-profile:1"]);
    assert!(
        err.starts_with("error: invalid URN: entityType must have only [a-zA-Z_0-9] chars"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    let err = stderr_of_failure(&["restli", "encode", "{\"a\": [1,}"]);
    assert!(err.starts_with("error: invalid JSON: "), "{err}");
    assert!(err.contains("column 10"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn dash_reads_standard_input() {
    let out = Command::cargo_bin("linkedin")
        .unwrap()
        .args(["restli", "decode", "-"])
        .write_stdin("List(a,b)\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), "[\"a\",\"b\"]\n");
}

#[test]
fn usage_errors_exit_2_and_version_works() {
    linkedin(&["restli", "encode", "--path", "--reduced", "1"]).code(2);
    linkedin(&["restli", "frobnicate"]).code(2);
    let version = stdout_of(&["--version"]);
    assert!(version.starts_with("linkedin "), "{version}");
}
