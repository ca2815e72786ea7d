//! `linkedin`: LinkedIn's private web API from the shell.
//!
//! For now it holds the Rest.li tools (`linkedin restli ...`) for people debugging Voyager
//! URLs; the account commands arrive with the client crates.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use restli::{Encoding, Position, Profile, Urn, Value};

/// Exit status for bad input (a malformed value, URN or JSON), as for bad usage.
const EXIT_INPUT: u8 = 2;

#[derive(Parser)]
#[command(
    name = "linkedin",
    version,
    about = "LinkedIn's private web API (Voyager) from the shell",
    after_help = "Exit status: 0 success, 2 bad usage or bad input (the message points at the offending position)."
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
    match run(cli.command) {
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

/// Runs a command and gives what to print, or a one-line message for bad input.
fn run(command: Command) -> Result<String, String> {
    let Command::Restli(command) = command;
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
