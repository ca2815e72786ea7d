//! Requests per second the sandbox answers over keep-alive HTTP/1.1: `GET /voyager/api/me`
//! with the demo session (the session gate, routing, a JSON body and the request log), on one
//! connection and on eight at once; and a first feed page (about 6 KiB of JSON) on one
//! connection as it is, gzip and br, for the cost of compressing answers. The `me` requests send
//! no `accept-encoding` (and that answer is under 1 KiB, so it would not be compressed anyway).
//! Also the time to generate the world a sandbox starts with. Run with
//! `cargo bench -p linkedin-sandbox`; divan prints items (requests) per second.

use std::sync::Arc;

use bytes::Bytes;
use divan::Bencher;
use divan::counter::ItemsCount;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use linkedin_sandbox::{Sandbox, SandboxConfig, SandboxHandle};
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
    path: &'static str,
    accept_encoding: Option<&'static str>,
}

/// The first ten updates of the chronological feed.
const FEED: &str = "/voyager/api/feed/updatesV2?q=chronFeed&count=10&start=0";

/// Sends `PER_CONNECTION` requests over one keep-alive connection, checking each status (and
/// the answer's coding).
async fn run_connection(target: Arc<Target>) {
    let Target {
        cookie,
        csrf,
        addr,
        path,
        accept_encoding,
    } = &*target;
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(conn);
    for _ in 0..PER_CONNECTION {
        let mut request = http::Request::get(*path)
            .header("host", addr.to_string())
            .header("cookie", cookie.as_str())
            .header("csrf-token", csrf.as_str());
        if let Some(coding) = accept_encoding {
            request = request.header("accept-encoding", *coding);
        }
        let request = request.body(Empty::<Bytes>::new()).expect("a request");
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

fn bench_connections(
    bencher: Bencher,
    connections: usize,
    path: &'static str,
    accept_encoding: Option<&'static str>,
) {
    let Setup { runtime, sandbox } = setup();
    let cookies = sandbox.demo_cookies();
    let shared = Arc::new(Target {
        cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
        csrf: cookies.jsessionid.trim_matches('"').to_owned(),
        addr: sandbox.addr(),
        path,
        accept_encoding,
    });
    bencher
        .counter(ItemsCount::new(connections * PER_CONNECTION))
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
    runtime.block_on(sandbox.shutdown());
}

#[divan::bench(sample_count = 20)]
fn me_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, "/voyager/api/me", None);
}

#[divan::bench(sample_count = 20)]
fn me_eight_connections(bencher: Bencher) {
    bench_connections(bencher, 8, "/voyager/api/me", None);
}

#[divan::bench(sample_count = 20)]
fn feed_identity_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, FEED, None);
}

#[divan::bench(sample_count = 20)]
fn feed_gzip_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, FEED, Some("gzip"));
}

#[divan::bench(sample_count = 20)]
fn feed_br_one_connection(bencher: Bencher) {
    bench_connections(bencher, 1, FEED, Some("br"));
}

/// Generating the world from its seed: what every sandbox start costs before it listens.
#[divan::bench(sample_count = 10)]
fn generate_world() -> linkedin_sandbox::world::World {
    linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED)
}
