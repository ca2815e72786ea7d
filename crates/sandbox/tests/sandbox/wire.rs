//! What goes over the wire: the request log (without secrets), keep-alive, HTTP/2 and
//! HTTP/1.1 over TLS, shutdown, request bodies' size limit, and answer compression (with the
//! truncated and slow faults on compressed bodies).

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Method, StatusCode};
use http_body_util::Full;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::{
    DEMO_PASSWORD, DEMO_USERNAME, Faults, Sandbox, SandboxConfig, SandboxHandle,
};
use serde_json::json;

use crate::common::api::{start, start_with, url};
use crate::common::{Client, FORM, log_in, login_form, read_frames, unquote, voyager_auth};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_log_records_every_request_without_secrets() {
    let path = std::env::temp_dir().join(format!(
        "linkedin-sandbox-request-log-{}-{}.jsonl",
        std::process::id(),
        std::time::SystemTime::UNIX_EPOCH
            .elapsed()
            .unwrap()
            .as_nanos()
    ));
    let _ = std::fs::remove_file(&path);
    let sandbox = Sandbox::start(SandboxConfig {
        request_log: Some(path.clone()),
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut client = Client::connect(&sandbox).await;
    let boot = client.get("/uas/authenticate?trk=guest_homepage").await;
    assert_eq!(boot.status, StatusCode::OK);
    let boot_id = client.cookie("JSESSIONID").to_owned();
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &boot_id);
    let login = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(login.json()["login_result"], "PASS");
    let li_at = client.cookie("li_at").to_owned();
    let jsessionid = client.cookie("JSESSIONID").to_owned();
    let csrf = unquote(&jsessionid).to_owned();
    let me = client
        .call(Method::GET, "/voyager/api/me", &[("csrf-token", &csrf)], "")
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let bad = client.call(Method::GET, "/voyager/api/me", &[], "").await;
    assert_eq!(bad.status, StatusCode::FORBIDDEN);

    let records = sandbox.requests();
    let summary: Vec<(u64, u64, &str, &str, &str, u16)> = records
        .iter()
        .map(|r| {
            (
                r.seq,
                r.connection,
                r.method.as_str(),
                r.path.as_str(),
                r.query.as_str(),
                r.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, 0, "GET", "/uas/authenticate", "trk=guest_homepage", 200),
            (1, 0, "POST", "/uas/authenticate", "", 200),
            (2, 0, "GET", "/voyager/api/me", "", 200),
            (3, 0, "GET", "/voyager/api/me", "", 403),
        ]
    );
    assert!(records.iter().all(|r| r.version == "HTTP/1.1"));
    let host = sandbox.addr().to_string();
    assert!(
        records
            .iter()
            .all(|r| r.headers.contains(&("host".to_owned(), host.clone())))
    );
    assert!(records[0].cookies.is_empty());
    assert_eq!(records[1].cookies, ["JSESSIONID", "bcookie", "lidc"]);
    assert_eq!(
        records[1].body,
        "session_key=demo%40example.com&session_password=%3Credacted%3E&JSESSIONID=%3Credacted%3E"
    );
    assert!(
        records[1]
            .headers
            .contains(&("content-type".to_owned(), FORM.1.to_owned()))
    );
    assert!(
        records[2]
            .headers
            .contains(&("csrf-token".to_owned(), "present".to_owned()))
    );
    assert!(!records[3].headers.iter().any(|(n, _)| n == "csrf-token"));
    // The jar replaced JSESSIONID after li_at, so it now comes last.
    assert_eq!(
        records[2].cookies,
        ["bcookie", "lidc", "li_at", "JSESSIONID"]
    );

    let serialized = serde_json::to_string(&records).unwrap();
    let demo = sandbox.demo_cookies();
    let secrets = [
        DEMO_PASSWORD,
        &li_at,
        &demo.li_at,
        unquote(&boot_id).trim_start_matches("ajax:"),
        &csrf["ajax:".len()..],
        unquote(&demo.jsessionid).trim_start_matches("ajax:"),
    ];
    for secret in secrets {
        assert!(
            !serialized.contains(secret),
            "{secret} is in the log: {serialized}"
        );
    }

    let file = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let lines: Vec<serde_json::Value> = file
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected: Vec<serde_json::Value> = records
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert_eq!(lines, expected);
    assert!(file.ends_with('\n'));
    for secret in secrets {
        assert!(!file.contains(secret), "{secret} is in the log file");
    }
}

/// By default nothing is kept in memory: `requests()` stays empty however many requests are
/// answered (a long run's memory stays flat); `keep_requests` turns it on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_are_kept_in_memory_only_when_asked() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let mut client = Client::connect(&sandbox).await;
    for _ in 0..3 {
        assert_eq!(client.get("/").await.status, StatusCode::OK);
    }
    assert!(sandbox.requests().is_empty());

    let kept = start().await;
    let mut client = Client::connect(&kept).await;
    assert_eq!(client.get("/").await.status, StatusCode::OK);
    assert_eq!(kept.requests().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    for path in ["/", "/uas/authenticate", "/authwall"] {
        assert_eq!(client.get(path).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(sandbox.connections(), 1);
    let records = sandbox.requests();
    assert_eq!(records.len(), 3);
    assert!(
        records
            .iter()
            .all(|r| r.connection == records[0].connection),
        "{records:?}"
    );

    let mut second = Client::connect(&sandbox).await;
    assert_eq!(second.get("/").await.status, StatusCode::OK);
    assert_eq!(sandbox.connections(), 2);
    let records = sandbox.requests();
    assert_eq!(records.len(), 4);
    assert_ne!(records[3].connection, records[0].connection);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_serves_http2_and_http1_by_alpn() {
    let sandbox = Sandbox::start(SandboxConfig {
        tls: true,
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    assert!(
        sandbox.base_url().starts_with("https://127.0.0.1:"),
        "{}",
        sandbox.base_url()
    );
    assert!(
        sandbox
            .ca_pem()
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE-----")
    );

    let mut h2 = Client::connect_tls(&sandbox, b"h2").await;
    let resp = h2.get("/uas/authenticate").await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json(), json!({"status": "success"}));
    let set_cookie = resp.set_cookie("JSESSIONID");
    assert!(set_cookie.ends_with("; Path=/; Secure"), "{set_cookie}");
    assert!(
        resp.set_cookies().iter().all(|c| c.ends_with("; Secure")),
        "{:?}",
        resp.set_cookies()
    );

    // Log in over HTTP/2: the whole flow works there too.
    let jsessionid = h2.cookie("JSESSIONID").to_owned();
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let login = h2
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(
        login.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
    assert!(
        login
            .set_cookie("li_at")
            .ends_with("; HttpOnly; Path=/; Secure")
    );

    let mut h1 = Client::connect_tls(&sandbox, b"http/1.1").await;
    log_in(&mut h1).await;
    let csrf = unquote(h1.cookie("JSESSIONID")).to_owned();
    let me = h1
        .call(Method::GET, "/voyager/api/me", &[("csrf-token", &csrf)], "")
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["miniProfile"]["publicIdentifier"], "demo-member");

    let records = sandbox.requests();
    let summary: Vec<(&str, &str, &str, u16)> = records
        .iter()
        .map(|r| {
            (
                r.version.as_str(),
                r.method.as_str(),
                r.path.as_str(),
                r.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("HTTP/2.0", "GET", "/uas/authenticate", 200),
            ("HTTP/2.0", "POST", "/uas/authenticate", 200),
            ("HTTP/1.1", "GET", "/uas/authenticate", 200),
            ("HTTP/1.1", "POST", "/uas/authenticate", 200),
            ("HTTP/1.1", "GET", "/voyager/api/me", 200),
        ]
    );
    assert_eq!(records[0].connection, records[1].connection);
    assert_ne!(records[0].connection, records[2].connection);
    assert!(
        records[2..]
            .iter()
            .all(|r| r.connection == records[2].connection)
    );
    assert_eq!(sandbox.connections(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_stops_listening() {
    let sandbox = start().await;
    let addr = sandbox.addr();
    {
        let mut client = Client::connect(&sandbox).await;
        assert_eq!(client.get("/").await.status, StatusCode::OK);
    }
    tokio::time::timeout(Duration::from_secs(30), sandbox.shutdown())
        .await
        .unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_bodies_over_one_mebibyte_get_413() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let max = 1 << 20;
    let resp = client.call(Method::POST, "/", &[], &"a".repeat(max)).await;
    assert_eq!(
        resp.status,
        StatusCode::NOT_FOUND,
        "exactly 1 MiB is allowed"
    );
    let resp = client
        .call(Method::POST, "/", &[], &"a".repeat(max + 1))
        .await;
    assert_eq!(resp.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// The demo session's headers for a Voyager request, with `accept-encoding` when given.
fn encoded_request<'a>(
    auth: &'a (String, String),
    accept_encoding: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![("cookie", auth.0.as_str()), ("csrf-token", auth.1.as_str())];
    headers.extend(accept_encoding.map(|v| ("accept-encoding", v)));
    headers
}

/// A first page of the feed: a JSON answer well over 1 KiB.
fn feed_page() -> String {
    url(
        endpoints::FEED_CHRON,
        &[],
        json!({"count": 10, "start": 0}),
        None,
    )
}

/// `body` with its `content-encoding` (none, `gzip` or `br`) undone.
fn decode(content_encoding: Option<&str>, body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    match content_encoding {
        None => out.extend_from_slice(body),
        Some("gzip") => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut out)?;
        }
        Some("br") => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut out)?;
        }
        Some(other) => panic!("unexpected content-encoding {other}"),
    }
    Ok(out)
}

/// An answer of 1 KiB or more comes `br` or `gzip` encoded as the request's `accept-encoding`
/// allows (br first, weights honoured), with `vary` and the encoded `content-length`, and
/// decodes to the identity answer; over HTTP/2 too. The request log keeps the header.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_answers_come_br_or_gzip_encoded_as_accepted() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let target = feed_page();

    let identity = client
        .call(Method::GET, &target, &encoded_request(&auth, None), "")
        .await;
    assert_eq!(identity.status, StatusCode::OK, "{}", identity.text());
    assert_eq!(identity.header("content-encoding"), None);
    assert_eq!(identity.header("vary"), Some("accept-encoding"));
    assert!(identity.body.len() >= 4096, "{}", identity.body.len());
    let expected = identity.json();

    let cases = [
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),
        ("gzip;q=1.0, br;q=0.5", "br"),
        ("br;q=0, gzip", "gzip"),
        ("x-gzip", "gzip"),
        ("*", "br"),
        ("*;q=0, GZIP;Q=0.1", "gzip"),
    ];
    for (accept, coding) in cases {
        let resp = client
            .call(
                Method::GET,
                &target,
                &encoded_request(&auth, Some(accept)),
                "",
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{accept}");
        assert_eq!(resp.header("content-encoding"), Some(coding), "{accept}");
        assert_eq!(resp.header("vary"), Some("accept-encoding"), "{accept}");
        assert_eq!(resp.header("content-type"), Some("application/json"));
        let declared: usize = resp.header("content-length").unwrap().parse().unwrap();
        assert_eq!(declared, resp.body.len(), "{accept}");
        assert!(
            resp.body.len() < identity.body.len() / 3,
            "{accept}: {} of {} bytes",
            resp.body.len(),
            identity.body.len()
        );
        let decoded = decode(Some(coding), &resp.body).unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
            expected,
            "{accept}"
        );
    }
    let logged = &sandbox.requests()[1];
    assert!(
        logged
            .headers
            .contains(&("accept-encoding".to_owned(), "gzip".to_owned())),
        "{logged:?}"
    );

    let tls = Sandbox::start(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut h2 = Client::connect_tls(&tls, b"h2").await;
    let demo = tls.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let resp = h2
        .call(
            Method::GET,
            &target,
            &encoded_request(&auth, Some("gzip, br")),
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.header("content-encoding"), Some("br"));
    let decoded = decode(Some("br"), &resp.body).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
        expected
    );
}

/// Without an acceptable coding the large answer goes as it is (still varying on the header),
/// and answers under 1 KiB are never compressed, JSON or HTML.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_codings_and_small_answers_get_identity() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let target = feed_page();
    let identity = client
        .call(Method::GET, &target, &encoded_request(&auth, None), "")
        .await
        .json();

    for accept in [
        "gzip;q=0, br;q=0",
        "identity",
        "deflate, zstd",
        "*;q=0",
        "br;q=0.000, x-gzip;q=0",
        "gzip;q=often",
        "",
    ] {
        let resp = client
            .call(
                Method::GET,
                &target,
                &encoded_request(&auth, Some(accept)),
                "",
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{accept}");
        assert_eq!(resp.header("content-encoding"), None, "{accept}");
        assert_eq!(resp.header("vary"), Some("accept-encoding"), "{accept}");
        assert_eq!(resp.json(), identity, "{accept}");
    }

    let me = client
        .call(
            Method::GET,
            "/voyager/api/me",
            &encoded_request(&auth, Some("gzip, br")),
            "",
        )
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.body.len() < 1024, "{}", me.body.len());
    assert_eq!(me.header("content-encoding"), None);
    assert_eq!(me.header("vary"), None);
    assert_eq!(me.json()["miniProfile"]["publicIdentifier"], "demo-member");

    let home = client
        .call(Method::GET, "/", &[("accept-encoding", "gzip, br")], "")
        .await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.len() < 1024, "{}", home.body.len());
    assert_eq!(home.header("content-encoding"), None);
    assert!(home.text().starts_with("<!DOCTYPE html>"));
}

/// `compression: false` answers identity whatever the request accepts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compression_off_answers_identity() {
    let sandbox = Sandbox::start(SandboxConfig {
        compression: false,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let resp = client
        .call(
            Method::GET,
            &feed_page(),
            &encoded_request(&auth, Some("gzip, deflate, br")),
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(resp.body.len() >= 4096, "{}", resp.body.len());
    assert_eq!(resp.header("content-encoding"), None);
    assert_eq!(resp.header("vary"), None);
    assert_eq!(resp.json()["elements"].as_array().unwrap().len(), 10);
}

/// Sends a GET for the feed page with `accept-encoding` and returns the response head, its
/// body read frame by frame, and the time from sending the request to the body's end.
async fn feed_frames(
    sandbox: &SandboxHandle,
    accept_encoding: &str,
) -> (
    http::response::Parts,
    Vec<Bytes>,
    Option<hyper::Error>,
    Duration,
) {
    let mut client = Client::connect(sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let req = client
        .request(Method::GET, &feed_page())
        .header("cookie", cookie)
        .header("csrf-token", csrf)
        .header("accept-encoding", accept_encoding)
        .body(Full::new(Bytes::new()))
        .unwrap();
    let began = Instant::now();
    let resp = client.send(req).await.unwrap();
    let (parts, body) = resp.into_parts();
    let (frames, error) = tokio::time::timeout(Duration::from_secs(30), read_frames(body))
        .await
        .unwrap();
    (parts, frames, error, began.elapsed())
}

/// A truncated-body fault cuts the compressed bytes: the declared length is the whole encoded
/// body's, and what arrives is a gzip stream that does not decode to the end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_bodies_cut_the_compressed_stream() {
    let sandbox = start_with(Faults {
        truncated_bodies: 1.0,
        ..Faults::default()
    })
    .await;
    let (head, frames, _error, _) = feed_frames(&sandbox, "gzip").await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.headers["content-encoding"], "gzip");
    let declared: usize = head.headers["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let received = frames.concat();
    assert!(
        !received.is_empty() && received.len() < declared,
        "{} of {declared} bytes",
        received.len()
    );
    assert_eq!(received[..2], [0x1f, 0x8b], "a gzip stream begins");
    let err = decode(Some("gzip"), &received).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof, "{err}");
}

/// A slow-body fault drips the compressed bytes in several frames; together they decode to the
/// identity answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_drip_the_compressed_bytes() {
    let reference = start().await;
    let mut client = Client::connect(&reference).await;
    let demo = reference.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let expected = client
        .call(Method::GET, &feed_page(), &encoded_request(&auth, None), "")
        .await
        .json();

    let sandbox = start_with(Faults {
        slow_body: Some(Duration::from_millis(1)),
        ..Faults::default()
    })
    .await;
    let (head, frames, error, elapsed) = feed_frames(&sandbox, "br").await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.headers["content-encoding"], "br");
    let received = frames.concat();
    let declared: usize = head.headers["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(declared, received.len());
    // Sent 64 bytes at a time with a pause after each: counted from the request, the last
    // chunk leaves after a pause behind each chunk before it. How the client's reads split
    // the bytes depends on the machine's load (a busy client reads several chunks at once),
    // so the frames' sizes are not checked.
    let pauses = declared.div_ceil(64).saturating_sub(1);
    assert!(pauses >= 2, "a body of {declared} bytes");
    assert!(
        elapsed >= Duration::from_millis(pauses as u64),
        "{elapsed:?} for {pauses} pauses"
    );
    let decoded = decode(Some("br"), &received).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
        expected
    );
}
