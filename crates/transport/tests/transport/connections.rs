//! Connection reuse, shown with the sandbox's own count of accepted connections and its
//! request log.

use std::collections::BTreeSet;

use linkedin_sandbox::Faults;
use linkedin_transport::{Login, Request};

use crate::common::*;

#[tokio::test]
async fn sequential_requests_reuse_one_http1_connection() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    for _ in 0..50 {
        t.send(Request::get("/voyager/api/me")).await.unwrap();
    }
    let log = sb.requests();
    let connections: BTreeSet<u64> = log.iter().map(|r| r.connection).collect();
    assert_eq!(connections.len(), 1, "{connections:?}");
    assert!(log.iter().all(|r| r.version == "HTTP/1.1"));
    assert_eq!(sb.connections(), 1);
    assert_eq!(t.connections_opened(), 1);
    assert_eq!(
        log.len(),
        53,
        "GET + POST /uas/authenticate, the check, 50 calls"
    );
}

#[tokio::test]
async fn concurrent_requests_over_http2_share_one_connection() {
    let sb = sandbox(true, Faults::default()).await;
    let t = linkedin(&sb).build().unwrap();
    let c = sb.demo_cookies().clone();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let calls = (0..64).map(|_| t.send(Request::get("/voyager/api/me")));
    for r in futures::future::join_all(calls).await {
        assert_eq!(r.unwrap().version(), http::Version::HTTP_2);
    }
    let log = sb.requests();
    assert_eq!(log.len(), 65);
    assert!(
        log.iter()
            .all(|r| r.version == "HTTP/2.0" && r.connection == log[0].connection)
    );
    assert_eq!(sb.connections(), 1);
}

#[tokio::test]
async fn a_cold_burst_over_http2_opens_one_connection() {
    // Nothing is known about the server when the burst starts: the first connection's ALPN
    // answer decides, and the others wait for it instead of opening their own.
    let sb = sandbox(true, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let calls = (0..32).map(|_| t.send(Request::get("/uas/authenticate")));
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    assert_eq!(sb.connections(), 1);
}

#[tokio::test]
async fn concurrent_http1_requests_open_at_most_the_limit() {
    let sb = sandbox(
        false,
        Faults {
            latency: Some(std::time::Duration::from_millis(20)),
            ..Faults::default()
        },
    )
    .await;
    let t = transport(&sb).max_connections(3).build().unwrap();
    let c = sb.demo_cookies().clone();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let calls = (0..30).map(|_| t.send(Request::get("/voyager/api/me")));
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    assert_eq!(sb.connections(), 3, "three connections, each used in turn");
    let per_connection: BTreeSet<u64> = sb.requests().iter().map(|r| r.connection).collect();
    assert_eq!(per_connection.len(), 3);
}

#[tokio::test]
async fn idle_connections_are_evicted_after_the_idle_timeout() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb)
        // Long enough that a loaded machine does not evict between two back-to-back sends.
        .idle_timeout(std::time::Duration::from_millis(400))
        .build()
        .unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    assert_eq!(sb.connections(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    assert_eq!(
        sb.connections(),
        2,
        "the idle one was dropped and a new one opened"
    );
}

#[tokio::test]
async fn compressed_answers_are_decoded() {
    // The sandbox, like LinkedIn, compresses answers of 1 KiB or more when asked to.
    let sb = sandbox(true, Faults::default()).await;
    let t = linkedin(&sb).build().unwrap();
    let c = sb.demo_cookies().clone();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let page = t
        .send(Request::get(
            "/voyager/api/messaging/conversations?keyVersion=LEGACY_INBOX",
        ))
        .await
        .unwrap();
    assert_eq!(
        page.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip"),
        "the transport asks for gzip"
    );
    let json: serde_json::Value = page.json().unwrap();
    assert!(page.body().len() > 1024 && json.is_object(), "decoded JSON");
}

#[tokio::test]
async fn an_unknown_certificate_authority_is_a_tls_error() {
    let sb = sandbox(true, Faults::default()).await;
    // No sandbox CA added: the webpki roots do not know it, and nothing turns checking off.
    let t = linkedin_transport::Transport::builder("https://www.linkedin.com")
        .resolve(sb.addr())
        .build()
        .unwrap();
    let err = t.send(Request::get("/uas/authenticate")).await.unwrap_err();
    assert!(
        matches!(
            &err,
            linkedin_transport::Error::Tls {
                source: rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("add_root_certificate"),
        "says what to do: {err}"
    );
    assert!(sb.requests().is_empty());
}

#[tokio::test]
async fn a_refused_connection_keeps_the_operating_system_error() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let t = linkedin_transport::Transport::builder(format!("http://127.0.0.1:{port}"))
        .retries(linkedin_transport::RetryPolicy::none())
        .build()
        .unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    let linkedin_transport::Error::Connect {
        host,
        stage,
        source,
    } = &err
    else {
        panic!("expected Error::Connect, got {err:?}")
    };
    assert_eq!(host, &format!("127.0.0.1:{port}"));
    assert_eq!(*stage, "opening the TCP connection");
    assert_eq!(
        source
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind),
        Some(std::io::ErrorKind::ConnectionRefused),
        "{source:?}"
    );
    assert!(err.is_transient());
}

#[tokio::test]
async fn native_roots_are_added_to_not_instead_of_the_given_ones() {
    // With the system's store as well, the sandbox's CA (added explicitly) still verifies.
    let sb = sandbox(true, Faults::default()).await;
    let built = linkedin(&sb).native_roots(true).build();
    if !std::path::Path::new("/etc/ssl/certs").exists() {
        // A machine without a system store must say so at build time.
        assert!(matches!(
            built,
            Err(linkedin_transport::Error::InvalidInput { .. })
        ));
        return;
    }
    let t = built.unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
}
