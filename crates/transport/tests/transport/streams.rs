//! Streamed answers (`Transport::open_stream`): the realtime stream of the sandbox, read
//! chunk by chunk over HTTP/1.1 and HTTP/2, closed when dropped, and its refusals typed.

use std::time::Duration;

use http::{HeaderName, HeaderValue};
use linkedin_sandbox::{Faults, Sandbox, SandboxConfig};
use linkedin_transport::{Error, Login, Request, StreamingResponse, Transport};

use crate::common;

/// The realtime request as a browser sends it (no GraphQL query map: legacy payloads).
fn realtime() -> Request {
    Request::get("/realtime/connect?rc=1").header(
        http::header::ACCEPT,
        HeaderValue::from_static("text/event-stream"),
    )
}

/// Reads chunks until `frames` complete `data:` lines have come; bounded in time.
async fn frames(stream: &mut StreamingResponse, frames: usize) -> Vec<serde_json::Value> {
    let mut text = String::new();
    let read = async {
        while text.matches("\n\n").count() < frames {
            let chunk = stream
                .chunk()
                .await
                .expect("the stream stays open")
                .unwrap();
            text.push_str(std::str::from_utf8(&chunk).unwrap());
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .expect("the frames come in time");
    text.split("\n\n")
        .filter_map(|f| f.strip_prefix("data: "))
        .map(|f| serde_json::from_str(f).unwrap())
        .collect()
}

async fn logged_in(tls: bool) -> (linkedin_sandbox::SandboxHandle, Transport) {
    let sandbox = Sandbox::start(SandboxConfig {
        tls,
        heartbeat_interval: Duration::from_millis(50),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let transport = common::transport(&sandbox).build().unwrap();
    let c = sandbox.demo_cookies();
    transport
        .login(Login::cookies(c.li_at.clone(), c.jsessionid.clone()))
        .await
        .unwrap();
    (sandbox, transport)
}

#[tokio::test]
async fn a_stream_is_read_as_it_comes_over_http1_and_http2() {
    for tls in [false, true] {
        let (sandbox, transport) = logged_in(tls).await;
        let mut stream = transport.open_stream(realtime()).await.unwrap();
        assert_eq!(stream.status(), 200);
        assert_eq!(stream.headers()["content-type"], "text/event-stream");
        let got = frames(&mut stream, 3).await;
        assert!(got[0]["com.linkedin.realtimefrontend.ClientConnection"]["id"].is_string());
        assert_eq!(
            got[1],
            serde_json::json!({"com.linkedin.realtimefrontend.Heartbeat": {}})
        );
        drop(stream);
        // The transport goes on working after a stream is dropped mid-way.
        let me = transport
            .send(Request::get("/voyager/api/me"))
            .await
            .unwrap();
        assert!(me.status().is_success(), "tls {tls}");
        sandbox.shutdown().await;
    }
}

#[tokio::test]
async fn a_stream_without_a_session_or_csrf_is_refused_typed() {
    let (sandbox, transport) = logged_in(false).await;
    sandbox.expire_sessions();
    let err = transport.open_stream(realtime()).await.unwrap_err();
    assert!(
        matches!(err, Error::SessionExpired | Error::Unauthorized),
        "{err:?}"
    );

    // A challenge (after one request) is a challenge, with its URL.
    let sandbox = common::sandbox(
        false,
        Faults {
            challenge_after: Some(0),
            ..Faults::default()
        },
    )
    .await;
    let transport = common::transport(&sandbox).build().unwrap();
    let c = sandbox.demo_cookies();
    let _ = transport
        .login(Login::cookies(c.li_at.clone(), c.jsessionid.clone()))
        .await;
    let err = transport.open_stream(realtime()).await.unwrap_err();
    assert!(
        matches!(err, Error::Challenge { .. } | Error::Tripped { .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_stream_asks_for_event_stream() {
    let (_sandbox, transport) = logged_in(false).await;
    let plain = Request::get("/realtime/connect?rc=1").header(
        HeaderName::from_static("x-li-accept"),
        HeaderValue::from_static("application/vnd.linkedin.normalized+json+2.1"),
    );
    let err = transport.open_stream(plain).await.unwrap_err();
    assert!(matches!(err, Error::Status { code: 400, .. }), "{err:?}");
}
