//! Exit statuses, one per class of failure, and the one-line messages that go with them.

use std::process::ExitCode;

use linkedin_api::Error;
use linkedin_api::transport::Error as TransportError;

/// What `linkedin --help` says about exit statuses.
pub(crate) const HELP: &str = "\
Exit status:
  0  success
  1  internal error, or the sandbox could not start
  2  bad usage or bad input (refused before anything was sent)
  3  not logged in, bad credentials, the session expired, or a saved session or cookie file
     that cannot be used (the message names it): run `linkedin login`
  4  LinkedIn asks for a security check, or the account's circuit breaker stopped requests
     after one: open the URL shown, pass the check, then `linkedin login` (or
     `linkedin safety reset`)
  5  rate limited, or an hourly or daily budget of the account is spent: wait
  6  not found, retired or broken by LinkedIn, or not something LinkedIn offers through its API
  7  network: connection, TLS, a proxy's refusal, timeout, or cut off mid-request
  8  LinkedIn refused the request (its reason is shown) or answered unexpectedly (an error
     status, or an answer the models cannot read)";

/// A failure of a command: the status and a message saying what to do.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) code: u8,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }

    pub(crate) fn not_logged_in(message: impl Into<String>) -> Self {
        Self {
            code: 3,
            message: message.into(),
        }
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Self {
            code: 1,
            message: message.into(),
        }
    }

    /// Prints the message on stderr and gives the status. A stderr that cannot be written
    /// (a closed pipe: `2>&1 | head -c 1`) loses the message, never the status: `eprintln!`
    /// would panic there. The message is one line of bounded length ([`one_line`]).
    pub(crate) fn report(&self) -> ExitCode {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr().lock(),
            "error: {}",
            one_line(&self.message)
        );
        ExitCode::from(self.code)
    }
}

/// At most this many characters of an error message (the longest the CLI writes, a stale id
/// with what discovery read and the `--resume` token, stay well within it).
const MESSAGE_CHARS: usize = 2_000;

/// An error message on one line, whatever it quotes: line breaks and other control
/// characters escaped (`\n`, `\u{1b}`: no terminal escape from LinkedIn's data reaches
/// stderr), cut at [`MESSAGE_CHARS`]. The errors already cut and escape what they quote of
/// LinkedIn's answers; this is the last guard.
pub(crate) fn one_line(message: &str) -> String {
    linkedin_api::models::error::bounded(message, MESSAGE_CHARS)
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let code = match &e {
            Error::InvalidInput { .. } => 2,
            Error::Gone { .. }
            | Error::Broken { .. }
            | Error::NotFound { .. }
            | Error::Unsupported { .. } => 6,
            Error::Decode { .. } | Error::SchemaMoved { .. } | Error::Refused { .. } => 8,
            Error::StaleId { .. } => 6,
            Error::Transport(t) => transport_code(t),
            // The write's outcome is known (not sent) or said to be unknown, after a cut: the
            // network class, with what to do in the message.
            Error::NotSent { .. } | Error::OutcomeUnknown { .. } => 7,
            _ => 1,
        };
        Self {
            code,
            message: one_line(&e.to_string()),
        }
    }
}

impl From<TransportError> for Failure {
    fn from(e: TransportError) -> Self {
        Self {
            code: transport_code(&e),
            message: one_line(&e.to_string()),
        }
    }
}

fn transport_code(e: &TransportError) -> u8 {
    match e {
        TransportError::InvalidInput { .. } => 2,
        TransportError::BadCredentials
        | TransportError::SessionExpired
        | TransportError::Unauthorized
        | TransportError::Redirected { .. } => 3,
        TransportError::Challenge { .. } | TransportError::Tripped { .. } => 4,
        TransportError::RateLimited { .. }
        | TransportError::BudgetExhausted { .. }
        | TransportError::DailyBudgetSpent { .. } => 5,
        TransportError::Gone { .. } => 6,
        TransportError::Timeout { .. }
        | TransportError::Connect { .. }
        | TransportError::Tls { .. }
        | TransportError::ProxyRefused { .. }
        | TransportError::Interrupted { .. } => 7,
        TransportError::Forbidden { .. }
        | TransportError::Status { .. }
        | TransportError::Decode { .. } => 8,
        TransportError::File { .. }
        | TransportError::Store { .. }
        | TransportError::SavedForAnotherServer { .. } => 3,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever an error quotes, the CLI writes it on one bounded line with no control
    /// character.
    #[test]
    fn messages_are_one_bounded_line() {
        let huge = "x".repeat(1 << 20);
        let e = Error::Refused {
            endpoint: "post_react",
            reason: linkedin_api::transport::Reason::new(
                Some("A\nB".to_owned()),
                Some(format!("{huge}\r\n\u{1b}]0;title\u{7}")),
            ),
        };
        let failure = Failure::from(e);
        assert_eq!(failure.code, 8);
        for message in [
            failure.message.clone(),
            one_line(&format!("a\n{huge}\u{9b}2J")),
        ] {
            assert_eq!(message.lines().count(), 1, "{message}");
            assert!(message.chars().count() <= MESSAGE_CHARS + 1);
            assert!(!message.chars().any(char::is_control), "{message}");
        }
        assert_eq!(one_line("a\nb\u{1b}]0;t\u{7}"), "a\\nb\\u{1b}]0;t\\u{7}");
    }
}
