//! End-to-end tests of `linkedin sandbox`: the first stdout line is a URL that answers, the
//! demo cookies work, bad options are refused, and SIGTERM stops it cleanly.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// Starts `linkedin sandbox` with `args` and reads the lines it prints at start.
fn start(args: &[&str], lines: usize) -> (Child, Vec<String>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
        .arg("sandbox")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut printed = Vec::new();
    for _ in 0..lines {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        printed.push(line.trim_end().to_owned());
    }
    (child, printed)
}

/// One HTTP/1.1 request over a fresh connection; the whole answer as text.
fn get(base: &str, path: &str, headers: &[(&str, &str)]) -> String {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

fn terminate(mut child: Child) -> std::process::ExitStatus {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait().unwrap()
}

#[test]
fn prints_its_url_first_and_serves_until_sigterm() {
    let (child, lines) = start(&["--addr", "127.0.0.1:0", "--print-cookies"], 3);
    let base = &lines[0];
    assert!(base.starts_with("http://127.0.0.1:"), "{lines:?}");
    let li_at = lines[1].strip_prefix("li_at=").unwrap();
    let jsessionid = lines[2].strip_prefix("JSESSIONID=").unwrap();
    assert!(jsessionid.starts_with("\"ajax:"), "{jsessionid}");

    let bootstrap = get(base, "/uas/authenticate", &[]);
    assert!(bootstrap.starts_with("HTTP/1.1 200 OK"), "{bootstrap}");
    assert!(
        bootstrap.ends_with("{\"status\":\"success\"}"),
        "{bootstrap}"
    );

    let cookie = format!("li_at={li_at}; JSESSIONID={jsessionid}");
    let csrf = jsessionid.trim_matches('"');
    let me = get(
        base,
        "/voyager/api/me",
        &[("cookie", &cookie), ("csrf-token", csrf)],
    );
    assert!(me.starts_with("HTTP/1.1 200 OK"), "{me}");
    assert!(me.contains("\"publicIdentifier\":\"demo-member\""), "{me}");
    let refused = get(base, "/voyager/api/me", &[("cookie", &cookie)]);
    assert!(refused.starts_with("HTTP/1.1 403 Forbidden"), "{refused}");

    let status = terminate(child);
    assert!(status.success(), "{status:?}");
}

#[test]
fn writes_the_request_log_without_secrets() {
    let log =
        std::env::temp_dir().join(format!("linkedin-sandbox-log-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let (child, lines) = start(
        &["--request-log", log.to_str().unwrap(), "--print-cookies"],
        3,
    );
    let li_at = lines[1].strip_prefix("li_at=").unwrap().to_owned();
    let cookie = format!("li_at={li_at}");
    get(&lines[0], "/voyager/api/me?x=1", &[("cookie", &cookie)]);
    assert!(terminate(child).success());
    let text = std::fs::read_to_string(&log).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 1, "{text}");
    assert_eq!(records[0]["path"], "/voyager/api/me");
    assert_eq!(records[0]["query"], "x=1");
    assert_eq!(records[0]["status"], 403);
    assert_eq!(records[0]["cookies"], serde_json::json!(["li_at"]));
    assert!(!text.contains(&li_at), "the log must not hold li_at");
    let _ = std::fs::remove_file(&log);
}

#[test]
fn bad_options_are_refused_before_starting() {
    for args in [
        &["--rate-limit", "10"][..],
        &["--rate-limit", "10/0"],
        &["--server-errors", "1.5"],
        &["--cert-out", "x.pem"],
        &["--addr", "not-an-address"],
        &["--rotate-ids", "half"],
        &["--retire", "no_such_endpoint"],
        &["--reshape", "touch_me"],
        &["--mutate-answers", "1.5"],
        &["--mutate-answers", "0.5", "--mutate-kind", "shuffle"],
        &["--mutate-kind", "truncate"],
    ] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
            .arg("sandbox")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        if ["--rotate-ids", "--retire", "--reshape"].contains(&args[0]) {
            // The message names what is wrong.
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(args[1]), "{args:?}: {stderr}");
        }
    }
}

/// `--rotate-ids`, `--retire` and `--reshape`: the catalogue's id of a rotated endpoint is
/// answered as stale, the home page lists the web app's scripts (where the new ids are), a
/// retired endpoint answers 410, a reshaped one its moved field; the first lines stay the
/// URL and the cookies.
#[test]
fn drifts_on_demand() {
    use linkedin_api::catalogue::endpoints;

    let (child, lines) = start(
        &[
            "--print-cookies",
            "--rotate-ids",
            "all",
            "--retire",
            "company",
            "--reshape",
            "me",
        ],
        3,
    );
    let base = &lines[0];
    assert!(base.starts_with("http://127.0.0.1:"), "{lines:?}");
    let li_at = lines[1].strip_prefix("li_at=").unwrap();
    let jsessionid = lines[2].strip_prefix("JSESSIONID=").unwrap();
    let cookie = format!("li_at={li_at}; JSESSIONID={jsessionid}");
    let auth = [
        ("cookie", cookie.as_str()),
        ("csrf-token", jsessionid.trim_matches('"')),
    ];

    let mut variables = restli::Map::new();
    variables.insert("start", 0);
    variables.insert("count", 5);
    let feed = endpoints::FEED_MAIN.target(&[], restli::Map::new(), Some(variables));
    let stale = get(base, &feed, &auth);
    assert!(stale.starts_with("HTTP/1.1 500"), "{stale}");
    assert!(stale.ends_with("{\"status\":500}"), "{stale}");

    let mut query = restli::Map::new();
    query.insert("universalName", "linkedin");
    let company = get(base, &endpoints::COMPANY.target(&[], query, None), &auth);
    assert!(company.starts_with("HTTP/1.1 410"), "{company}");

    let me = get(base, "/voyager/api/me", &auth);
    assert!(me.starts_with("HTTP/1.1 200 OK"), "{me}");
    assert!(me.contains("\"miniProfileV2\""), "{me}");

    let home = get(base, "/feed/", &[("cookie", &format!("li_at={li_at}"))]);
    assert!(home.starts_with("HTTP/1.1 200 OK"), "{home}");
    // The scripts are on the sandbox's CDN, another port of the same address.
    assert!(home.contains("<script src=\"http://127.0.0.1:"), "{home}");
    assert!(!home.contains(&format!("<script src=\"{base}/")), "{home}");
    assert!(terminate(child).success());
}

/// `--mutate-answers` with `--mutate-kind`: a company's answer gets an odd status, named in
/// the request log; `/me` (the session check) is answered as always.
#[test]
fn mutates_answers_on_demand() {
    use linkedin_api::catalogue::endpoints;

    let log = std::env::temp_dir().join(format!(
        "linkedin-sandbox-mutations-{}.jsonl",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&log);
    let (child, lines) = start(
        &[
            "--print-cookies",
            "--mutate-answers",
            "1",
            "--mutate-kind",
            "odd_status",
            "--seed",
            "3",
            "--request-log",
            log.to_str().unwrap(),
        ],
        3,
    );
    let base = &lines[0];
    let li_at = lines[1].strip_prefix("li_at=").unwrap();
    let jsessionid = lines[2].strip_prefix("JSESSIONID=").unwrap();
    let cookie = format!("li_at={li_at}; JSESSIONID={jsessionid}");
    let auth = [
        ("cookie", cookie.as_str()),
        ("csrf-token", jsessionid.trim_matches('"')),
    ];
    let me = get(base, "/voyager/api/me", &auth);
    assert!(me.starts_with("HTTP/1.1 200 OK"), "{me}");
    let mut query = restli::Map::new();
    query.insert("universalName", "linkedin");
    let company = get(base, &endpoints::COMPANY.target(&[], query, None), &auth);
    let status = company.split(' ').nth(1).unwrap();
    assert!(["206", "418", "299"].contains(&status), "{company}");
    assert!(terminate(child).success());
    let text = std::fs::read_to_string(&log).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["mutation"], serde_json::Value::Null);
    assert_eq!(records[1]["mutation"], format!("odd_status {status}"));
    let _ = std::fs::remove_file(&log);
}
