//! The sandbox's resident memory under load: starts a sandbox in this process with the
//! default configuration (the full generated world), sends keep-alive requests of a
//! realistic mix over loopback, and prints this process's resident memory (`VmRSS` of
//! `/proc/self/status`) before the first request and after every quarter of them.
//!
//! ```sh
//! cargo run --release -p linkedin-sandbox --example rss            # 200,000 requests, 4 connections
//! cargo run --release -p linkedin-sandbox --example rss -- 400000 8  # REQUESTS CONNECTIONS
//! cargo run --release -p linkedin-sandbox --example rss -- --keep-requests  # the memory log on
//! ```
//!
//! The sandbox is started with `SandboxConfig::default()` (no request log), or with
//! `keep_requests` (the latest 10,000 requests kept for `requests()`) when asked. The mix, in turn on every connection, as the client sends them (normalized JSON,
//! `accept-encoding: gzip, br`, the demo session's cookies and `csrf-token`): `GET /me`, a
//! people-search page with no keywords (every member matches; the page's `start` walks
//! through all of them), a member's profile (catalogue `profile`, a different member each
//! time) and a page of the chronological feed (`start` walking through the feed). Every
//! answer must be a 200. The figures are the client's and the sandbox's together (one
//! process), which is what a test binary that embeds a sandbox holds. Linux only (it reads
//! `/proc`).

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::{Sandbox, SandboxConfig};
use serde_json::{Value, json};

/// The answers' encoding the client asks for.
const NORMALIZED: &str = "application/vnd.linkedin.normalized+json+2.1";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let keep_requests = args.iter().any(|a| a == "--keep-requests");
    let mut numbers = args.iter().filter(|a| !a.starts_with("--"));
    let total: usize = numbers
        .next()
        .map_or(200_000, |a| a.parse().expect("REQUESTS is a number"));
    let connections: usize = numbers
        .next()
        .map_or(4, |a| a.parse().expect("CONNECTIONS is a number"));
    assert!(connections > 0, "at least one connection");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let config = SandboxConfig {
        keep_requests,
        ..SandboxConfig::default()
    };
    runtime.block_on(run(config, total, connections));
}

/// This process's resident memory in KiB, from `/proc/self/status`.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("a VmRSS line")
}

fn print_rss(sent: usize, since: Option<(Instant, usize)>) {
    let kib = rss_kib();
    let rate = since.map_or_else(String::new, |(at, from)| {
        let secs = at.elapsed().as_secs_f64();
        format!("  ({:.0} requests/s)", (sent - from) as f64 / secs)
    });
    println!(
        "{sent:>9} requests  VmRSS {:>7.1} MB ({kib} kB){rate}",
        kib as f64 / 1024.0
    );
}

/// The request targets of the mix.
struct Mix {
    me: String,
    searches: Vec<String>,
    profiles: Vec<String>,
    feeds: Vec<String>,
}

impl Mix {
    fn new() -> Self {
        let world = linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED);
        let map = |json: Value| match restli::Value::from(json) {
            restli::Value::Map(map) => map,
            _ => restli::Map::new(),
        };
        let target = |e: &Endpoint, path: &[(&str, &str)], query: Value, vars: Option<Value>| {
            e.target(path, map(query), vars.map(map))
        };
        let people = world.people.len();
        let searches = (0..people.div_ceil(10))
            .map(|page| {
                let vars = json!({
                    "start": page * 10,
                    "count": 10,
                    "query": {"queryParameters": [{"key": "resultType", "value": ["PEOPLE"]}]},
                });
                target(endpoints::SEARCH_CLUSTERS, &[], json!({}), Some(vars))
            })
            .collect();
        let profiles = world
            .people
            .iter()
            .map(|p| {
                let urn = format!("urn:li:fsd_profile:{}", p.profile_id);
                target(endpoints::PROFILE, &[("profileUrn", &urn)], json!({}), None)
            })
            .collect();
        let feeds = (0..10)
            .map(|page| {
                target(
                    endpoints::FEED_CHRON,
                    &[],
                    json!({"count": 10, "start": page * 10}),
                    None,
                )
            })
            .collect();
        Self {
            me: target(endpoints::ME, &[], json!({}), None),
            searches,
            profiles,
            feeds,
        }
    }

    /// The `n`th target of the mix.
    fn target(&self, n: usize) -> &str {
        let round = n / 4;
        match n % 4 {
            0 => &self.me,
            1 => &self.searches[round % self.searches.len()],
            2 => &self.profiles[round % self.profiles.len()],
            _ => &self.feeds[round % self.feeds.len()],
        }
    }
}

/// One keep-alive connection with the demo session.
struct Connection {
    sender: http1::SendRequest<Empty<Bytes>>,
    host: String,
    cookie: String,
    csrf: String,
}

impl Connection {
    async fn send(&mut self, target: &str) {
        let request = http::Request::get(target)
            .header("host", self.host.as_str())
            .header("cookie", self.cookie.as_str())
            .header("csrf-token", self.csrf.as_str())
            .header("accept", NORMALIZED)
            .header("accept-encoding", "gzip, br")
            .header("x-restli-protocol-version", "2.0.0")
            .body(Empty::new())
            .expect("a request");
        self.sender.ready().await.expect("a ready connection");
        let response = self.sender.send_request(request).await.expect("an answer");
        assert_eq!(response.status(), 200, "{target}");
        let body = response.into_body().collect().await.expect("a body");
        std::hint::black_box(body.to_bytes());
    }
}

async fn run(config: SandboxConfig, total: usize, connections: usize) {
    let keep = config.keep_requests;
    let sandbox = Sandbox::start(config).await.expect("the sandbox starts");
    let cookies = sandbox.demo_cookies();
    let mix = Arc::new(Mix::new());
    let mut open = Vec::new();
    for _ in 0..connections {
        let stream = tokio::net::TcpStream::connect(sandbox.addr())
            .await
            .expect("connects");
        let (sender, conn) = http1::handshake(TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(conn);
        open.push(Connection {
            sender,
            host: sandbox.addr().to_string(),
            cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
            csrf: cookies.jsessionid.trim_matches('"').to_owned(),
        });
    }
    println!(
        "{total} requests over {connections} keep-alive connections (me, search page, profile, feed page){}",
        if keep {
            ", keeping requests in memory"
        } else {
            ""
        }
    );
    print_rss(0, None);
    let quarter = total / 4;
    let mut sent = 0;
    for step in 1..=4 {
        let until = if step == 4 { total } else { quarter * step };
        let started = (Instant::now(), sent);
        // Each connection sends every `connections`th request of this quarter, in order.
        let tasks: Vec<_> = open
            .drain(..)
            .enumerate()
            .map(|(c, mut conn)| {
                let mix = mix.clone();
                tokio::spawn(async move {
                    let mut n = sent + c;
                    while n < until {
                        conn.send(mix.target(n)).await;
                        n += connections;
                    }
                    conn
                })
            })
            .collect();
        for task in tasks {
            open.push(task.await.expect("a client task"));
        }
        sent = until;
        print_rss(sent, Some(started));
    }
    drop(open);
    sandbox.shutdown().await;
}
