//! `linkedin restli`: encode, decode and inspect Rest.li 2.0 text.

use std::io::{IsTerminal, Read};

use clap::{Args, Subcommand};
use restli::{Encoding, Position, Profile, Urn, Value};

#[derive(Subcommand)]
pub(crate) enum RestliCommand {
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
pub(crate) struct EncodePosition {
    /// Encode for a path segment (`/ ; ?` escaped, `& + = $ @` raw).
    #[arg(long)]
    pub(crate) path: bool,
    /// Use the reduced encoding of headers and body keys (only `( ) , : '` escaped).
    #[arg(long)]
    pub(crate) reduced: bool,
}

/// Runs a `restli` command and gives what to print, or a one-line message for bad input.
pub(crate) fn run_restli(command: RestliCommand) -> Result<String, String> {
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
pub(crate) fn argument(arg: String) -> Result<String, String> {
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
