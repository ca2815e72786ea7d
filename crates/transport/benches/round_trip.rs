//! The transport's cost per request, against a bare hyper connection sending the same request
//! to the same local server over keep-alive HTTP/1.1.
//!
//! The server is a minimal hyper service answering a fixed 600-byte JSON body, so that the
//! figures are the clients' own costs, not the server's. Both clients send the same headers
//! (the transport's: web headers, cookies, `csrf-token`); the transport adds what it is for:
//! the cookie jar, pacing (off on loopback), the classifier and tracing spans.
//!
//! `cargo bench -p linkedin-transport`; compare `transport` with `bare_hyper` (target: at most
//! 1.3x).

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::OnceLock;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use linkedin_transport::{Login, Request, Transport};

fn main() {
    divan::main();
}

const BODY: &str = r#"{"data":{"$type":"com.linkedin.voyager.common.Me","*miniProfile":"urn:li:fs_miniProfile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ","plainId":470926337,"premiumSubscriber":false,"publicContactInfo":{"$type":"com.linkedin.voyager.identity.shared.PublicContactInfo"}},"included":[{"$type":"com.linkedin.voyager.identity.shared.MiniProfile","firstName":"Dana","lastName":"Moreau","occupation":"Staff Engineer at Northwind Robotics","publicIdentifier":"demo-member","entityUrn":"urn:li:fs_miniProfile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ","objectUrn":"urn:li:member:470926337","trackingId":"AbCdEfGhIjKlMnOpQrStUv=="}],"meta":{"microSchema":{"types":{}}},"paging":null,"status":200}"#;
const LI_AT: &str = "AQEDAbenchmarkbenchmarkbenchmarkbenchmarkbenchmarkbenchmarkbenchmark";
const JSESSIONID: &str = "\"ajax:1234567890123456789\"";

struct Setup {
    runtime: tokio::runtime::Runtime,
    addr: SocketAddr,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        // The server runs on its own thread, as a real server would.
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(serve(listener.into_std().unwrap()));
        });
        Setup { runtime, addr }
    })
}

async fn serve(listener: std::net::TcpListener) {
    let listener = tokio::net::TcpListener::from_std(listener).unwrap();
    loop {
        let (stream, _) = listener.accept().await.unwrap();
        stream.set_nodelay(true).unwrap();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(|_req| async {
                Ok::<_, Infallible>(
                    hyper::Response::builder()
                        .header("content-type", "application/json")
                        .body(Full::new(Bytes::from_static(BODY.as_bytes())))
                        .unwrap(),
                )
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

#[divan::bench]
fn bare_hyper(bencher: divan::Bencher) {
    let s = setup();
    let mut sender = s.runtime.block_on(async {
        let stream = tokio::net::TcpStream::connect(s.addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        let (sender, conn) = http1::handshake::<_, Full<Bytes>>(TokioIo::new(stream))
            .await
            .unwrap();
        tokio::spawn(conn);
        sender
    });
    let host = s.addr.to_string();
    let cookie = format!("li_at={LI_AT}; JSESSIONID={JSESSIONID}");
    let csrf = JSESSIONID.trim_matches('"');
    bencher.bench_local(|| {
        s.runtime.block_on(async {
            sender.ready().await.unwrap();
            let req = hyper::Request::get("/voyager/api/me")
                .header("host", &host)
                .header("user-agent", linkedin_transport::WEB_USER_AGENT)
                .header("x-li-track", linkedin_transport::WEB_LI_TRACK)
                .header("accept-language", "en-US,en;q=0.9")
                .header("x-li-lang", "en_US")
                .header("x-restli-protocol-version", "2.0.0")
                .header("accept-encoding", "gzip, br")
                .header("csrf-token", csrf)
                .header("accept", "application/vnd.linkedin.normalized+json+2.1")
                .header("cookie", &cookie)
                .body(Full::new(Bytes::new()))
                .unwrap();
            let resp = sender.send_request(req).await.unwrap();
            let body = resp.into_body().collect().await.unwrap().to_bytes();
            assert_eq!(body.len(), BODY.len());
        });
    });
}

#[divan::bench]
fn transport(bencher: divan::Bencher) {
    let s = setup();
    let transport = Transport::builder(format!("http://{}", s.addr))
        .build()
        .unwrap();
    s.runtime
        .block_on(transport.login(Login::cookies(LI_AT, JSESSIONID)))
        .unwrap();
    bencher.bench_local(|| {
        s.runtime.block_on(async {
            let resp = transport
                .send(Request::get("/voyager/api/me"))
                .await
                .unwrap();
            assert_eq!(resp.body().len(), BODY.len());
        });
    });
    assert_eq!(transport.connections_opened(), 1, "keep-alive");
}
