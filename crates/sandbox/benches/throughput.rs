//! Requests per second the sandbox answers over keep-alive HTTP/1.1: `GET /voyager/api/me`
//! with the demo session (the session gate, routing, a JSON body and the request log), on one
//! connection and on eight at once. Run with `cargo bench -p linkedin-sandbox`; divan prints
//! items (requests) per second.

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

/// Sends `PER_CONNECTION` requests over one keep-alive connection, checking each status.
async fn run_connection(sandbox: Arc<(String, String, std::net::SocketAddr)>) {
    let (cookie, csrf, addr) = &*sandbox;
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connects");
    let (mut sender, conn) = http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(conn);
    for _ in 0..PER_CONNECTION {
        let request = http::Request::get("/voyager/api/me")
            .header("host", addr.to_string())
            .header("cookie", cookie.as_str())
            .header("csrf-token", csrf.as_str())
            .body(Empty::<Bytes>::new())
            .expect("a request");
        let response = sender.send_request(request).await.expect("an answer");
        assert_eq!(response.status(), 200);
        let body = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        divan::black_box(body);
    }
}

fn bench_connections(bencher: Bencher, connections: usize) {
    let Setup { runtime, sandbox } = setup();
    let cookies = sandbox.demo_cookies();
    let shared = Arc::new((
        format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
        cookies.jsessionid.trim_matches('"').to_owned(),
        sandbox.addr(),
    ));
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
    bench_connections(bencher, 1);
}

#[divan::bench(sample_count = 20)]
fn me_eight_connections(bencher: Bencher) {
    bench_connections(bencher, 8);
}
