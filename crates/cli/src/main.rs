//! `linkedin`: LinkedIn's private web API from the shell.
//!
//! For now it holds the LinkedIn emulator (`linkedin sandbox`) and the Rest.li tools
//! (`linkedin restli ...`) for people debugging Voyager URLs; the account commands arrive with
//! the client crates.

use std::io::{IsTerminal, Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use restli::{Encoding, Position, Profile, Urn, Value};

/// Exit status for bad input (a malformed value, URN or JSON), as for bad usage.
const EXIT_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "linkedin",
    version,
    about = "LinkedIn's private web API (Voyager) from the shell",
    after_help = "Exit status: 0 success, 1 the sandbox could not start (address in use, log file, TLS), 2 bad usage or bad input (the message points at the offending position)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Encode, decode and inspect Rest.li 2.0 text (what Voyager URLs carry).
    #[command(subcommand)]
    Restli(RestliCommand),
    /// Run the LinkedIn emulator on loopback until Ctrl-C; the first line printed is its URL.
    ///
    /// Accounts: demo@example.com / demo-password logs in, challenge@example.com always gets a
    /// challenge, any other password gets BAD_PASSWORD.
    Sandbox(SandboxArgs),
}

#[derive(Args)]
struct SandboxArgs {
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
    /// Seed of the random faults, so a failing run repeats.
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

fn parse_rate_limit(text: &str) -> Result<linkedin_sandbox::RateLimit, String> {
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

fn parse_share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("expected a share between 0 and 1, not `{text}`")),
    }
}

#[derive(Subcommand)]
enum RestliCommand {
    /// Print the Rest.li text of a JSON value (numbers and booleans become their text).
    ///
    /// Example: linkedin restli encode '{"start":0,"query":{"keywords":"C++, Rust"}}'
    Encode {
        /// The JSON value, or `-` to read it from standard input.
        json: String,
        #[command(flatten)]
        position: EncodePosition,
        /// Follow rest.li Java's conventions (sorted keys, its escaping tables) instead of
        /// LinkedIn's web app's.
        #[arg(long)]
        java: bool,
    },
    /// Print the JSON value of Rest.li text (every leaf is a string).
    ///
    /// Example: linkedin restli decode '(start:0,query:(keywords:C%2B%2B%2C%20Rust))'
    Decode {
        /// The Rest.li text, or `-` to read it from standard input.
        text: String,
        /// Read a path segment: a simple key is only percent-decoded, `(...)` is a compound key.
        #[arg(long, conflicts_with = "reduced")]
        path: bool,
        /// Read the reduced form (headers, body keys).
        #[arg(long)]
        reduced: bool,
    },
    /// Print a URN's parts as JSON: namespace, entity type, id and tuple parts.
    ///
    /// Example: linkedin restli urn 'urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIz==)'
    Urn {
        /// The URN, or `-` to read it from standard input.
        urn: String,
    },
}

#[derive(Args)]
#[group(multiple = false)]
struct EncodePosition {
    /// Encode for a path segment (`/ ; ?` escaped, `& + = $ @` raw).
    #[arg(long)]
    path: bool,
    /// Use the reduced encoding of headers and body keys (only `( ) , : '` escaped).
    #[arg(long)]
    reduced: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = match cli.command {
        Command::Sandbox(args) => {
            return match run_sandbox(args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("error: {message}");
                    ExitCode::FAILURE
                }
            };
        }
        Command::Restli(command) => command,
    };
    match run_restli(command) {
        Ok(output) => {
            println!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// Starts the sandbox, prints its URL (and the demo cookies if asked), and serves until Ctrl-C
/// or SIGTERM.
fn run_sandbox(args: SandboxArgs) -> Result<(), String> {
    let config = linkedin_sandbox::SandboxConfig {
        addr: args.addr,
        tls: args.tls,
        request_log: args.request_log,
        compression: !args.no_compression,
        faults: linkedin_sandbox::Faults {
            latency: args.latency_ms.map(Duration::from_millis),
            rate_limit: args.rate_limit,
            challenge_after: args.challenge_after,
            server_errors: args.server_errors,
            connection_resets: args.connection_resets,
            truncated_bodies: args.truncated_bodies,
            slow_body: args.slow_body_ms.map(Duration::from_millis),
            seed: args.seed,
        },
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async {
        let sandbox = linkedin_sandbox::Sandbox::start(config)
            .await
            .map_err(|e| e.to_string())?;
        if let (Some(path), Some(pem)) = (&args.cert_out, sandbox.ca_pem()) {
            std::fs::write(path, pem)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        let mut out = std::io::stdout().lock();
        let mut lines = vec![sandbox.base_url().to_owned()];
        if args.print_cookies {
            let cookies = sandbox.demo_cookies();
            lines.push(format!("li_at={}", cookies.li_at));
            lines.push(format!("JSESSIONID={}", cookies.jsessionid));
        }
        for line in lines {
            writeln!(out, "{line}").map_err(|e| format!("cannot write to stdout: {e}"))?;
        }
        out.flush()
            .map_err(|e| format!("cannot write to stdout: {e}"))?;
        drop(out);
        shutdown_signal().await;
        sandbox.shutdown().await;
        Ok(())
    })
}

/// Ctrl-C, or SIGTERM on Unix.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = async {
                match term.as_mut() {
                    Some(t) => { t.recv().await; }
                    None => std::future::pending::<()>().await,
                }
            } => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Runs a `restli` command and gives what to print, or a one-line message for bad input.
fn run_restli(command: RestliCommand) -> Result<String, String> {
    match command {
        RestliCommand::Encode {
            json,
            position,
            java,
        } => {
            let json = argument(json)?;
            let value: Value =
                serde_json::from_str(&json).map_err(|e| format!("invalid JSON: {e}"))?;
            let position = match (position.path, position.reduced) {
                (true, _) => Position::Path,
                (_, true) => Position::Reduced,
                _ => Position::Query,
            };
            let profile = if java {
                Profile::RestliJava
            } else {
                Profile::Voyager
            };
            Ok(value.encode(Encoding { position, profile }))
        }
        RestliCommand::Decode {
            text,
            path,
            reduced,
        } => {
            let text = argument(text)?;
            let value = if path {
                restli::from_str_path(&text)
            } else if reduced {
                restli::from_str_reduced(&text)
            } else {
                restli::from_str(&text)
            }
            .map_err(|e| e.to_string())?;
            serde_json::to_string(&value).map_err(|e| e.to_string())
        }
        RestliCommand::Urn { urn } => {
            let urn: Urn = argument(urn)?
                .parse()
                .map_err(|e: restli::Error| e.to_string())?;
            let json = serde_json::json!({
                "namespace": urn.namespace(),
                "entity_type": urn.entity_type(),
                "id": urn.id(),
                "parts": urn.parts().collect::<Vec<_>>(),
            });
            Ok(json.to_string())
        }
    }
}

/// The argument itself, or standard input when it is `-` (without its final newline).
fn argument(arg: String) -> Result<String, String> {
    if arg != "-" {
        return Ok(arg);
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Err(
            "`-` reads from standard input, but it is a terminal: pipe the input in".into(),
        );
    }
    let mut text = String::new();
    stdin
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let trimmed = text.trim_end_matches(['\n', '\r']).len();
    text.truncate(trimmed);
    Ok(text)
}
