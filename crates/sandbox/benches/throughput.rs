//! Requests per second the sandbox answers over keep-alive HTTP/1.1: `GET /voyager/api/me`
//! with the demo session (the session gate, routing and a JSON body; the sandbox's default
//! configuration, so no request log), on one connection and on eight at once; and a first feed page (about 6 KiB of JSON) on one
//! connection as it is, gzip and br, for the cost of compressing answers. The `me` requests send
//! no `accept-encoding` (and that answer is under 1 KiB, so it would not be compressed anyway).
//! Also the time to generate the world a sandbox starts with, and the cost of one page of
//! a people search that every member matches (about 1,239 results): the first page
//! (`start=0`) and a far one (`start=1200`), in LinkedIn's normalized encoding.
//!
//! The floor: the same client loop against a minimal keep-alive hyper server on the same
//! runtime (`floor_*`), which answers every request with the bytes of the sandbox's `/me`
//! answer and does nothing else: what HTTP/1.1 over loopback costs on this machine, next
//! to which the sandbox's own figures read. Run with `cargo bench -p linkedin-sandbox`;
//! divan prints items (requests) per second.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use divan::Bencher;
use divan::counter::ItemsCount;
use http_body_util::{BodyExt, Empty, Full};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::{Sandbox, SandboxConfig, SandboxHandle};
use serde_json::json;
use tokio::runtime::Runtime;

fn main() {
    divan::main();
}

/// Requests sent per connection in one iteration.
const PER_CONNECTION: usize = 500;

struct Setup {
    runtime: Runtime,
    sandbox: SandboxHandle,
}

fn setup() -> Setup {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let sandbox = runtime
        .block_on(Sandbox::start(SandboxConfig::default()))
        .expect("the sandbox starts");
    Setup { runtime, sandbox }
}

/// What every request of a run sends: the session's `cookie` and `csrf-token`, the address,
/// the path and query, and the `accept-encoding` (if any).
struct Target {
    cookie: String,
    csrf: String,
    addr: std::net::SocketAddr,
    path: String,
    accept: Option<&'static str>,
    accept_encoding: Option<&'static str>,
    /// Requests sent per connection in one iteration.
    per_connection: usize,
}

/// The first ten updates of the chronological feed.
const FEED: &str = "/voyager/api/feed/updatesV2?q=chronFeed&count=10&start=0";

/// LinkedIn's normalized encoding, as the client asks for it.
const NORMALIZED: &str = "application/vnd.linkedin.normalized+json+2.1";

/// Sends `per_connection` requests over one keep-alive connection, checking each status (and
/// the answer's coding).
async fn run_connection(target: Arc<Target>) {
    let Target {
        cookie,
        csrf,
        addr,
        path,
        accept,
        accept_encoding,
        per_connection,
    } = &*target;
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(conn);
    for _ in 0..*per_connection {
        let mut request = http::Request::get(path.as_str())
            .header("host", addr.to_string())
            .header("cookie", cookie.as_str())
            .header("csrf-token", csrf.as_str());
        if let Some(accept) = accept {
            request = request.header("accept", *accept);
        }
        if let Some(coding) = accept_encoding {
            request = request.header("accept-encoding", *coding);
        }
        let request = request.body(Empty::<Bytes>::new()).expect("a request");
        sender.ready().await.expect("a ready connection");
        let response = sender.send_request(request).await.expect("an answer");
        assert_eq!(response.status(), 200);
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            *accept_encoding
        );
        let body = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        divan::black_box(body);
    }
}

/// What a run sends, besides the session and the address.
struct Requests {
    path: String,
    accept: Option<&'static str>,
    accept_encoding: Option<&'static str>,
    per_connection: usize,
}

impl Requests {
    /// `PER_CONNECTION` plain `GET path` (no `accept`), with this `accept-encoding`.
    fn plain(path: &str, accept_encoding: Option<&'static str>) -> Self {
        Self {
            path: path.to_owned(),
            accept: None,
            accept_encoding,
            per_connection: PER_CONNECTION,
        }
    }
}

fn bench_connections(bencher: Bencher, connections: usize, requests: Requests) {
    let Setup { runtime, sandbox } = setup();
    let cookies = sandbox.demo_cookies();
    let target = Target {
        cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
        csrf: cookies.jsessionid.trim_matches('"').to_owned(),
        addr: sandbox.addr(),
        path: requests.path,
        accept: requests.accept,
        accept_encoding: requests.accept_encoding,
        per_connection: requests.per_connection,
    };
    run_iterations(bencher, &runtime, connections, &Arc::new(target));
    runtime.block_on(sandbox.shutdown());
}

/// Times `connections` connections at once, each sending the target's requests.
fn run_iterations(bencher: Bencher, runtime: &Runtime, connections: usize, shared: &Arc<Target>) {
    bencher
        .counter(ItemsCount::new(connections * shared.per_connection))
        .bench_local(|| {
            runtime.block_on(async {
                let tasks: Vec<_> = (0..connections)
                    .map(|_| tokio::spawn(run_connection(shared.clone())))
                    .collect();
                for task in tasks {
                    task.await.expect("the client task");
                }
            });
        });
}

#[divan::bench(sample_count = 20)]
fn me_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, Requests::plain("/voyager/api/me", None));
}

#[divan::bench(sample_count = 20)]
fn me_eight_connections(bencher: Bencher) {
    bench_connections(bencher, 8, Requests::plain("/voyager/api/me", None));
}

/// The floor: a minimal keep-alive hyper server (HTTP/1.1, one task per connection, on the
/// same runtime as the client) answering every request 200 with `body` and nothing else.
async fn floor_server(body: Bytes) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            let body = body.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |_req| {
                    let body = body.clone();
                    async move {
                        let mut resp = http::Response::new(Full::new(body));
                        resp.headers_mut().insert(
                            http::header::CONTENT_TYPE,
                            http::HeaderValue::from_static("application/json"),
                        );
                        Ok::<_, Infallible>(resp)
                    }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    addr
}

/// The floor with `connections` connections: the client loop of the `me_*` benches (the
/// same headers, the sandbox's cookies) against [`floor_server`] serving the bytes of the
/// sandbox's `/me` answer.
fn bench_floor(bencher: Bencher, connections: usize) {
    let Setup { runtime, sandbox } = setup();
    let cookies = sandbox.demo_cookies();
    let cookie = format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid);
    let csrf = cookies.jsessionid.trim_matches('"').to_owned();
    let me = runtime.block_on(async {
        let stream = tokio::net::TcpStream::connect(sandbox.addr())
            .await
            .expect("connects");
        let (mut sender, conn) = http1::handshake(TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(conn);
        let request = http::Request::get("/voyager/api/me")
            .header("host", sandbox.addr().to_string())
            .header("cookie", cookie.as_str())
            .header("csrf-token", csrf.as_str())
            .body(Empty::<Bytes>::new())
            .expect("a request");
        let response = sender.send_request(request).await.expect("an answer");
        response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes()
    });
    runtime.block_on(sandbox.shutdown());
    let addr = runtime.block_on(floor_server(me));
    let target = Target {
        cookie,
        csrf,
        addr,
        path: "/voyager/api/me".to_owned(),
        accept: None,
        accept_encoding: None,
        per_connection: PER_CONNECTION,
    };
    run_iterations(bencher, &runtime, connections, &Arc::new(target));
}

#[divan::bench(sample_count = 20)]
fn floor_one_connection(bencher: Bencher) {
    bench_floor(bencher, 1);
}

#[divan::bench(sample_count = 20)]
fn floor_eight_connections(bencher: Bencher) {
    bench_floor(bencher, 8);
}

#[divan::bench(sample_count = 20)]
fn feed_identity_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, Requests::plain(FEED, None));
}

#[divan::bench(sample_count = 20)]
fn feed_gzip_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, Requests::plain(FEED, Some("gzip")));
}

#[divan::bench(sample_count = 20)]
fn feed_br_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, Requests::plain(FEED, Some("br")));
}

/// One page of ten of a people search with no keywords (everyone but the caller matches:
/// about 1,239 results), from `start`, in the normalized encoding (no compression), 20
/// requests an iteration on one connection: divan's time is that of the 20 requests, its
/// rate requests per second.
#[divan::bench(args = [0, 1200], sample_count = 20)]
fn search_page(bencher: Bencher, start: usize) {
    let map = |value: serde_json::Value| match restli::Value::from(value) {
        restli::Value::Map(map) => map,
        _ => restli::Map::new(),
    };
    let vars = json!({
        "start": start,
        "count": 10,
        "query": {"queryParameters": [{"key": "resultType", "value": ["PEOPLE"]}]},
    });
    let path = endpoints::SEARCH_CLUSTERS.target(&[], restli::Map::new(), Some(map(vars)));
    bench_connections(
        bencher,
        1,
        Requests {
            path,
            accept: Some(NORMALIZED),
            accept_encoding: None,
            per_connection: 20,
        },
    );
}

/// Generating the world from its seed: what every sandbox start costs before it listens.
#[divan::bench(sample_count = 10)]
fn generate_world() -> linkedin_sandbox::world::World {
    linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED)
}
