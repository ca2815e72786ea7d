//! `linkedin sandbox`: the LinkedIn emulator on loopback, until Ctrl-C.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

#[derive(Args)]
pub(crate) struct SandboxArgs {
    /// Where to listen (port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: SocketAddr,
    /// Serve HTTPS (HTTP/2 or HTTP/1.1 by ALPN) with a certificate from a CA made at start.
    #[arg(long)]
    tls: bool,
    /// With --tls: write the CA certificate (PEM) here, for curl --cacert or REQUESTS_CA_BUNDLE.
    #[arg(long, requires = "tls")]
    cert_out: Option<PathBuf>,
    /// Append every request to this file as a JSON line (secrets are never written).
    #[arg(long)]
    request_log: Option<PathBuf>,
    /// Never compress answers (by default those of 1 KiB or more are sent br or gzip when the
    /// request's accept-encoding allows it, as LinkedIn does).
    #[arg(long)]
    no_compression: bool,
    /// Print the demo account's session cookies (li_at, JSESSIONID) after the URL, for cookie login.
    #[arg(long)]
    print_cookies: bool,
    /// Delay every answer by this many milliseconds.
    #[arg(long, value_name = "MS")]
    latency_ms: Option<u64>,
    /// Answer 429 past N requests per window: N/SECONDS, e.g. 100/60.
    #[arg(long, value_name = "N/SECONDS", value_parser = parse_rate_limit)]
    rate_limit: Option<linkedin_sandbox::RateLimit>,
    /// Send a session to a challenge after N authenticated requests.
    #[arg(long, value_name = "N")]
    challenge_after: Option<u64>,
    /// Share of requests answered with a random 5xx (0 to 1).
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_share)]
    server_errors: f64,
    /// Share of requests whose connection is dropped without an answer (0 to 1).
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_share)]
    connection_resets: f64,
    /// Share of answers whose body stops halfway (0 to 1).
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_share)]
    truncated_bodies: f64,
    /// Send bodies in small chunks with this many milliseconds between them.
    #[arg(long, value_name = "MS")]
    slow_body_ms: Option<u64>,
    /// Share of data answers mutated (0 to 1): a dropped key, a null, a changed type, a
    /// malformed URN, a truncated body, a huge string, control characters in a string or an
    /// odd status (which one is written to the request log). Only the Voyager and touch
    /// APIs' 2xx JSON answers, never the login flow nor the session checks (/voyager/api/me,
    /// /li/v1/people/person); drawn from --seed.
    #[arg(long, value_name = "P", default_value_t = 0.0, value_parser = parse_share)]
    mutate_answers: f64,
    /// With --mutate-answers: mutate only this way (repeatable; default every way): drop_key,
    /// null_value, change_type, malformed_urn, truncate, huge_string, control_chars,
    /// odd_status.
    #[arg(long, value_name = "KIND", requires = "mutate_answers")]
    mutate_kind: Vec<linkedin_sandbox::Mutation>,
    /// Seed of the random faults and of the answer mutations, so a failing run repeats.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Rotate the ids of half the endpoints that have a queryId or decorationId, picked by
    /// SEED, or of every one (`all`): the catalogue's ids are then answered as stale (a
    /// GraphQL queryId 500, a REST decorationId 400), and the new ones are in the web app's
    /// pages and scripts (/feed/, /search/results/people/?keywords=…, /aero-v1/sc/h/<token>).
    #[arg(long, value_name = "SEED|all")]
    rotate_ids: Option<linkedin_sandbox::Rotation>,
    /// Retire an endpoint (a catalogue name, see `linkedin catalogue show`; repeatable): a REST
    /// one answers 410, a GraphQL one 500, and its ids leave the web app's scripts.
    #[arg(long, value_name = "ENDPOINT", value_parser = parse_api_entry)]
    retire: Vec<String>,
    /// Move a field of an endpoint's answers (a catalogue name; repeatable): the field the
    /// client reads it by is renamed <field>V2 (`universalName` for company, `miniProfile` for
    /// me, else `elements`, else `entityUrn`).
    #[arg(long, value_name = "ENDPOINT", value_parser = parse_api_entry)]
    reshape: Vec<String>,
    /// Answer a stale GraphQL queryId (its query's name with another hash) 401, keeping the
    /// session's cookies, instead of 500: the other answer LinkedIn is reported to give a
    /// wrong query hash.
    #[arg(long)]
    stale_query_401: bool,
    /// A scripted counterpart: when the demo account sends a message, the conversation's other
    /// participant answers it this many milliseconds later (an event on realtime streams, so
    /// `linkedin messages watch` shows it).
    #[arg(long, value_name = "MS")]
    replies_after_ms: Option<u64>,
    /// Close every realtime stream (/realtime/connect) after it has carried N events: clients
    /// must reconnect and catch up.
    #[arg(long, value_name = "N")]
    stream_drop_after: Option<u64>,
    /// Let every realtime stream go silent (no heartbeat, no event, the connection held open)
    /// after it has carried N events (0: right after it opens).
    #[arg(long, value_name = "N")]
    stream_stall_after: Option<u64>,
    /// Seconds between the heartbeats of a realtime stream (LinkedIn's: about 15).
    #[arg(long, value_name = "SECS", default_value_t = 15)]
    heartbeat_secs: u64,
}

/// A catalogue entry of the Voyager API, by name.
pub(crate) fn parse_api_entry(name: &str) -> Result<String, String> {
    use linkedin_api::catalogue::{Base, by_name};
    match by_name(name) {
        Some(e) if e.base == Base::Api => Ok(name.to_owned()),
        Some(_) => Err(format!(
            "`{name}` is not an endpoint of the Voyager API (`linkedin catalogue show` lists them)"
        )),
        None => Err(format!(
            "no endpoint of the catalogue is named `{name}` (`linkedin catalogue show` lists them)"
        )),
    }
}

pub(crate) fn parse_rate_limit(text: &str) -> Result<linkedin_sandbox::RateLimit, String> {
    let (n, secs) = text
        .split_once('/')
        .ok_or_else(|| format!("expected N/SECONDS, e.g. 100/60, not `{text}`"))?;
    let requests = n
        .parse()
        .map_err(|_| format!("`{n}` is not a number of requests"))?;
    let secs: u64 = secs
        .parse()
        .map_err(|_| format!("`{secs}` is not a number of seconds"))?;
    if secs == 0 {
        return Err("the window must be at least one second".into());
    }
    Ok(linkedin_sandbox::RateLimit {
        requests,
        window: Duration::from_secs(secs),
    })
}

pub(crate) fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("expected a share between 0 and 1, not `{text}`")),
    }
}

/// Starts the sandbox, prints its URL (and the demo cookies if asked), and serves until Ctrl-C
/// or SIGTERM.
pub(crate) fn run_sandbox(args: SandboxArgs) -> Result<(), String> {
    let config = linkedin_sandbox::SandboxConfig {
        addr: args.addr,
        tls: args.tls,
        request_log: args.request_log,
        // Nothing in this process reads the requests back; `--request-log` writes them all.
        keep_requests: false,
        compression: !args.no_compression,
        faults: linkedin_sandbox::Faults {
            latency: args.latency_ms.map(Duration::from_millis),
            rate_limit: args.rate_limit,
            challenge_after: args.challenge_after,
            server_errors: args.server_errors,
            connection_resets: args.connection_resets,
            truncated_bodies: args.truncated_bodies,
            slow_body: args.slow_body_ms.map(Duration::from_millis),
            mutate_answers: args.mutate_answers,
            mutations: args.mutate_kind,
            seed: args.seed,
            lose_answers_to: None,
            drop_requests_to: None,
            stream_drop_after: args.stream_drop_after,
            stream_stall_after: args.stream_stall_after,
        },
        replay: None,
        drift: linkedin_sandbox::Drift {
            rotate: args.rotate_ids,
            retire: args.retire,
            reshape: args.reshape,
            stale_query_401: args.stale_query_401,
            huge_paging_count: false,
        },
        heartbeat_interval: Duration::from_secs(args.heartbeat_secs.max(1)),
        replies_after: args.replies_after_ms.map(Duration::from_millis),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async {
        let shutdown = Shutdown::listen();
        let sandbox = linkedin_sandbox::Sandbox::start(config)
            .await
            .map_err(|e| e.to_string())?;
        if let (Some(path), Some(pem)) = (&args.cert_out, sandbox.ca_pem()) {
            std::fs::write(path, pem)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let mut lines = vec![sandbox.base_url().to_owned()];
        if args.print_cookies {
            let cookies = sandbox.demo_cookies();
            lines.push(format!("li_at={}", cookies.li_at));
            lines.push(format!("JSESSIONID={}", cookies.jsessionid));
        }
        // In one write, as every command writes: a stdout closed before it (nobody reads
        // the URL) ends the command quietly with status 0, as it ends any other command.
        crate::output::write_raw(format!("{}\n", lines.join("\n")).as_bytes())
            .map_err(|f| f.message)?;
        shutdown.wait().await;
        sandbox.shutdown().await;
        Ok(())
    })
}

/// Ctrl-C, or SIGTERM on Unix, listened for from the moment it is made: made before the URL
/// is printed, it catches a signal sent as soon as the URL is read.
struct Shutdown {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl Shutdown {
    /// Starts listening (inside the runtime).
    fn listen() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Self {
                interrupt: signal(SignalKind::interrupt()).ok(),
                terminate: signal(SignalKind::terminate()).ok(),
            }
        }
        #[cfg(not(unix))]
        {
            Self {}
        }
    }

    /// Until one of the signals arrives.
    async fn wait(mut self) {
        #[cfg(unix)]
        {
            async fn recv(signal: Option<&mut tokio::signal::unix::Signal>) {
                match signal {
                    Some(s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            }
            tokio::select! {
                () = recv(self.interrupt.as_mut()) => {}
                () = recv(self.terminate.as_mut()) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
