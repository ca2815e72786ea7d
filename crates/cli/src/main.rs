//! `linkedin`: LinkedIn's private web API from the shell.
//!
//! Every capability of the `linkedin-api` facade as a subcommand, grouped the way people think
//! of them (`profile`, `search`, `messages`, `invitations`, `company`, `jobs`, `feed`, `touch`),
//! plus the account commands (`login`, `logout`, `whoami`), the in-process `demo`, the LinkedIn
//! emulator (`sandbox`) and the Rest.li tools (`restli`). `--sandbox` runs any command against
//! an embedded sandbox.

// Doc comments here are the `--help` text, where `<placeholder>` is the usual notation, not
// HTML.
#![allow(rustdoc::invalid_html_tags)]

use std::process::ExitCode;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};

mod account;
mod catalogue_cmd;
mod commands;
mod demo;
mod doctor_cmd;
mod exit;
mod mcp;
mod output;
mod restli_cmd;
mod resume;
mod sandbox_cmd;

use account::Connection;
use exit::Failure;
use output::{Format, Out};

#[derive(Parser)]
#[command(
    name = "linkedin",
    version,
    about = "LinkedIn's private web API (Voyager) from the shell",
    after_help = exit::HELP
)]
struct Cli {
    /// Print one JSON document instead of text.
    #[arg(
        long = "json",
        id = "output_json",
        global = true,
        conflicts_with = "output_ndjson"
    )]
    json: bool,
    /// Print one JSON object per line, as results arrive (lists).
    #[arg(long = "ndjson", id = "output_ndjson", global = true)]
    ndjson: bool,
    /// With --json or --ndjson: print the JSON LinkedIn answered, as it came, instead of
    /// this tool's snake_case view of it. Commands whose output is not an answer of LinkedIn's
    /// (writes, dry runs, `whoami`, `profile ...`, `jobs skills`, `company updates`) refuse it
    /// before sending anything.
    #[arg(long = "raw", id = "output_raw", global = true)]
    raw: bool,
    /// Log what is sent to stderr: -v one line a request (method, path, status, attempt,
    /// ms), -vv more. RUST_LOG, when set, decides instead (`linkedin_transport=debug`).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    /// Go on with a list that was cut part way: the token its last line or message gave.
    /// Run the same command with the same arguments (`--limit` counts this run's items).
    #[arg(long, value_name = "TOKEN", global = true)]
    resume: Option<String>,
    #[command(flatten)]
    connection: Connection,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Walk through the main capabilities against an embedded sandbox: no account needed.
    Demo,
    /// Log in (password, browser cookies or a cookie file) and save the session.
    Login(account::LoginArgs),
    /// Forget the saved session.
    Logout,
    /// Show who the commands act as, and what the account has left of its budgets.
    Whoami,
    /// Check every read capability once with its cheapest request (writes are never sent):
    /// working, healed (a stale id replaced by the current one), retired, shape moved,
    /// refused; exit 0 only when all work or healed.
    Doctor(doctor_cmd::DoctorArgs),
    /// The account's budgets and circuit breaker (read locally: nothing is sent).
    #[command(subcommand)]
    Safety(account::SafetyCmd),
    /// Profiles: look up, experiences, skills, contact info, who viewed me.
    #[command(subcommand)]
    Profile(commands::profile::Cmd),
    /// Search people, companies, jobs and posts.
    #[command(subcommand)]
    Search(commands::search::Cmd),
    /// Company and school pages, their updates, follow and unfollow.
    #[command(subcommand)]
    Company(commands::company::Cmd),
    /// Job postings and how your skills match them.
    #[command(subcommand)]
    Jobs(commands::jobs::Cmd),
    /// Conversations: list, read, send, start, mark read.
    #[command(subcommand)]
    Messages(commands::messages::Cmd),
    /// Invitations and connections: list, accept, reject, send, withdraw; remove a connection.
    #[command(subcommand)]
    Invitations(commands::invitations::Cmd),
    /// Posts and the feed: a profile's posts, the feed, comments, reactions, react.
    #[command(subcommand)]
    Feed(commands::feed::Cmd),
    /// Reactions to a post: list them (by type), react, take your reaction back.
    #[command(subcommand)]
    Reactions(commands::feed::ReactionsCmd),
    /// Publish a post, delete one of yours, show a post with its counts.
    #[command(subcommand)]
    Post(commands::post::Cmd),
    /// Comments: a post's comments, comment on a post, reply to a comment.
    #[command(subcommand)]
    Comments(commands::comments::Cmd),
    /// Notifications: list them, mark one read.
    #[command(subcommand)]
    Notifications(commands::notifications::Cmd),
    /// Your network in numbers: invitations, connections, My Network notifications.
    #[command(subcommand)]
    Network(commands::notifications::NetworkCmd),
    /// The mobile "touch" API of 2015 (retired by LinkedIn; served by the sandbox).
    #[command(subcommand)]
    Touch(commands::touch::Cmd),
    /// Encode, decode and inspect Rest.li 2.0 text (what Voyager URLs carry).
    #[command(subcommand)]
    Restli(restli_cmd::RestliCommand),
    /// The endpoints this tool sends, their ids, and where each id comes from (built in, the
    /// override file); read locally: nothing is sent.
    #[command(subcommand)]
    Catalogue(catalogue_cmd::CatalogueCmd),
    /// Run the LinkedIn emulator on loopback until Ctrl-C; the first line printed is its URL.
    ///
    /// Accounts: demo@example.com / demo-password logs in, challenge@example.com always gets a
    /// challenge, any other password gets BAD_PASSWORD.
    // Boxed: its many options would make every command as large.
    Sandbox(Box<sandbox_cmd::SandboxArgs>),
    /// Serve the capabilities as tools of an MCP server on stdio, for AI agents (Claude
    /// Desktop, VS Code...); writes only with --allow-writes. Runs until the client hangs up.
    Mcp(mcp::McpArgs),
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

impl Command {
    /// Whether the command prints answers of LinkedIn's, so that `--raw` can print their JSON
    /// as it came.
    fn gives_raw(&self) -> bool {
        match self {
            Self::Profile(cmd) => cmd.gives_raw(),
            Self::Search(cmd) => cmd.gives_raw(),
            Self::Company(cmd) => cmd.gives_raw(),
            Self::Jobs(cmd) => cmd.gives_raw(),
            Self::Messages(cmd) => cmd.gives_raw(),
            Self::Invitations(cmd) => cmd.gives_raw(),
            Self::Feed(cmd) => cmd.gives_raw(),
            Self::Reactions(cmd) => matches!(cmd, commands::feed::ReactionsCmd::List { .. }),
            Self::Notifications(cmd) => cmd.gives_raw(),
            Self::Comments(cmd) => cmd.gives_raw(),
            Self::Post(cmd) => cmd.gives_raw(),
            Self::Network(cmd) => cmd.gives_raw(),
            Self::Touch(cmd) => cmd.gives_raw(),
            Self::Demo
            | Self::Login(_)
            | Self::Logout
            | Self::Whoami
            | Self::Doctor(_)
            | Self::Safety(_)
            | Self::Restli(_)
            | Self::Catalogue(_)
            | Self::Sandbox(_)
            | Self::Mcp(_)
            | Self::Completions { .. } => false,
        }
    }
}

/// The subcommands named on the command line (`company updates`).
fn command_path(matches: &ArgMatches) -> String {
    let mut names = Vec::new();
    let mut at = matches;
    while let Some((name, sub)) = at.subcommand() {
        names.push(name);
        at = sub;
    }
    names.join(" ")
}

/// The list the command line asks for, with its `--resume` token read (a bad one refused
/// before anything runs). Kept for the process: one command line, one list.
fn listing(cli: &Cli, matches: &ArgMatches) -> Result<&'static output::Listing, Failure> {
    let top = Cli::command();
    let globals: Vec<&str> = top.get_arguments().map(|a| a.get_id().as_str()).collect();
    let list = resume::Fingerprint::of(matches, &globals);
    let resume = cli
        .resume
        .as_deref()
        .map(|token| resume::Resume::decode(token, &list))
        .transpose()?;
    Ok(Box::leak(Box::new(output::Listing { list, resume })))
}

/// Refuses a `--raw` the command cannot honour, before anything runs.
fn check_raw(cli: &Cli, format: Format, matches: &ArgMatches) -> Result<(), Failure> {
    if !cli.raw {
        return Ok(());
    }
    if format == Format::Text {
        return Err(Failure::usage(
            "--raw prints LinkedIn's JSON: add --json or --ndjson",
        ));
    }
    if !cli.command.gives_raw() {
        return Err(Failure::usage(format!(
            "`linkedin {}` has no JSON of LinkedIn's to print with --raw (what it prints is this tool's own): leave --raw out",
            command_path(matches)
        )));
    }
    Ok(())
}

fn main() -> ExitCode {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches).map(|cli| (cli, matches)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return usage_error(&e),
    };
    let format = match (cli.json, cli.ndjson) {
        (true, _) => Format::Json,
        (_, true) => Format::Ndjson,
        _ => Format::Text,
    };
    if let Err(failure) = check_raw(&cli, format, &matches).and(cli.connection.check_proxy()) {
        return failure.report();
    }
    let listing = match listing(&cli, &matches) {
        Ok(listing) => listing,
        Err(failure) => return failure.report(),
    };
    init_logging(cli.verbose);
    let out = Out::new(format, cli.raw).listing(listing);
    let command = match cli.command {
        // Commands without LinkedIn: no runtime, no TLS.
        Command::Catalogue(command) => {
            return finish(catalogue_cmd::run(command, &cli.connection, out));
        }
        Command::Restli(command) => {
            return match restli_cmd::run_restli(command) {
                Ok(text) => finish(output::write_line(&text)),
                Err(message) => Failure::usage(message).report(),
            };
        }
        Command::Sandbox(args) => {
            return match sandbox_cmd::run_sandbox(*args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => Failure::internal(message).report(),
            };
        }
        Command::Completions { shell } => {
            // Into memory first: clap_complete panics on a closed stdout (`| head -1`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "linkedin", &mut script);
            return finish(output::write_raw(&script));
        }
        Command::Logout if cli.connection.sandbox => {
            return finish(output::write_line(
                "the embedded sandbox keeps no session: nothing to log out of",
            ));
        }
        Command::Logout => {
            return match account::logout(&cli.connection) {
                Ok(text) => finish(output::write_line(&text)),
                Err(f) => f.report(),
            };
        }
        other => other,
    };
    // One thread: a command waits on LinkedIn one request at a time (the page read ahead
    // included), and a pool of worker threads only added wake-ups between them (a third of
    // the CPU per search page, measured in README "CPU per search page").
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return Failure::internal(format!("cannot start the async runtime: {e}")).report();
        }
    };
    let result = runtime.block_on(run(command, &cli.connection, out));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// The status of a command whose work is done: success, or the failure of its output.
fn finish(written: Result<(), Failure>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// Logs to stderr: `RUST_LOG` when set (`linkedin_transport=debug,warn`: targets and levels),
/// else warnings, this workspace's debug lines with `-v` (one a request: method, path,
/// status, attempt, ms) and its trace lines with `-vv`. No secret is ever a field of them.
fn init_logging(verbose: u8) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::prelude::*;
    let ours = match verbose {
        0 => LevelFilter::WARN,
        1 => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    };
    let from_env = std::env::var("RUST_LOG")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .and_then(|v| v.parse::<Targets>().ok());
    let filter = from_env.unwrap_or_else(|| {
        Targets::new().with_default(LevelFilter::WARN).with_targets(
            [
                "linkedin_transport",
                "linkedin_api",
                "linkedin_cli",
                "linkedin_sandbox",
            ]
            .map(|t| (t, ours)),
        )
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false);
    // A second initialisation (none happens) would only be ignored.
    let _ = tracing_subscriber::registry()
        .with(layer)
        .with(filter)
        .try_init();
}

/// Help and version go to stdout as clap prints them; a usage error is one line on stderr
/// (clap's first line, plus where to find help) and exit status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    Failure::usage(format!(
        "{} (see `linkedin --help`)",
        usage_line(&e.render().to_string())
    ))
    .report()
}

/// clap's whole message on one line: what is wrong, the arguments missing, the values
/// possible and its "did you mean" tip; its usage block and help pointer left out (the line
/// ends with its own).
fn usage_line(rendered: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if !line.is_empty() {
            parts.push(line.trim_start_matches("error: ").to_owned());
        }
    }
    match parts.as_slice() {
        [] => "invalid usage".to_owned(),
        [only] => only.clone(),
        [first, rest @ ..] if first.ends_with(':') => format!("{first} {}", rest.join(", ")),
        _ => parts.join("; "),
    }
}

/// `whoami`'s answer: the member, and what the account has left.
#[derive(serde::Serialize)]
struct WhoAmI<'a> {
    #[serde(flatten)]
    me: &'a linkedin_api::view::Me,
    budget: linkedin_api::transport::BudgetReport,
}

async fn run(command: Command, conn: &Connection, out: Out) -> Result<(), Failure> {
    match command {
        Command::Demo => demo::run(out).await,
        Command::Login(args) if conn.sandbox => {
            let text = account::login_sandboxed(args, conn).await?;
            out.note(&text)
        }
        Command::Login(args) => {
            let text = account::login(args, conn).await?;
            out.note(&text)
        }
        Command::Whoami => {
            let session = conn.connect().await?;
            let me = session.linkedin.me().await?;
            let budget = session.linkedin.budget().await?;
            let whoami = WhoAmI { me: &me, budget };
            out.one(&whoami, |w| {
                format!(
                    "{} {} ({})\n{}\n{}",
                    out.bold(&format!("{} {}", w.me.first_name, w.me.last_name)),
                    w.me.public_id,
                    w.me.profile_urn(),
                    w.me.headline.clone().unwrap_or_default(),
                    out.dim(&account::budget_text(&w.budget))
                )
            })
        }
        Command::Doctor(args) => doctor_cmd::run(args, conn, out).await,
        Command::Safety(cmd) => {
            let (account, report) = account::safety(cmd, conn).await?;
            out.one(&report, |r| {
                format!("{account}\n{}", account::budget_text(r))
            })
        }
        Command::Profile(cmd) => commands::profile::run(cmd, conn, out).await,
        Command::Search(cmd) => commands::search::run(cmd, conn, out).await,
        Command::Company(cmd) => commands::company::run(cmd, conn, out).await,
        Command::Jobs(cmd) => commands::jobs::run(cmd, conn, out).await,
        Command::Messages(cmd) => commands::messages::run(cmd, conn, out).await,
        Command::Invitations(cmd) => commands::invitations::run(cmd, conn, out).await,
        Command::Feed(cmd) => commands::feed::run(cmd, conn, out).await,
        Command::Reactions(cmd) => commands::feed::run(cmd.into_feed(), conn, out).await,
        Command::Notifications(cmd) => commands::notifications::run(cmd, conn, out).await,
        Command::Comments(cmd) => commands::comments::run(cmd, conn, out).await,
        Command::Post(cmd) => commands::post::run(cmd, conn, out).await,
        Command::Network(cmd) => commands::notifications::run_network(cmd, conn, out).await,
        Command::Touch(cmd) => commands::touch::run(cmd, conn, out).await,
        Command::Mcp(args) => mcp::run(args, conn).await,
        // Handled before the runtime starts.
        Command::Restli(_)
        | Command::Catalogue(_)
        | Command::Sandbox(_)
        | Command::Completions { .. }
        | Command::Logout => Ok(()),
    }
}
