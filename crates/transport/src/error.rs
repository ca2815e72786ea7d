//! The one error type of the transport: what happened, and what to do about it.
//!
//! No variant ever holds a password, `li_at` or `JSESSIONID`: secrets live in
//! [`secrecy::SecretString`] and are never formatted.

use std::path::PathBuf;
use std::time::Duration;

/// Everything a request, a login or a session file can fail with.
///
/// Each variant's message says what to do next. Match on the variant to react in code; the
/// enum is `#[non_exhaustive]`, so keep a catch-all arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// LinkedIn wants the account holder to pass a security check (a captcha, a code sent by
    /// e-mail, ...). This library does not solve challenges: open the URL in a browser, pass
    /// the check, then log in with the browser's cookies.
    #[error(
        "LinkedIn asks for a security check: open {url} in a browser, pass it, then log in with the browser's cookies (li_at and JSESSIONID)"
    )]
    Challenge {
        /// Where the check is.
        url: String,
    },
    /// The username or the password is wrong.
    #[error("LinkedIn refused the username or password: check them and log in again")]
    BadCredentials,
    /// The session LinkedIn gave is over (expired, logged out elsewhere, or wiped after a
    /// challenge), and no credentials were given to renew it.
    #[error(
        "the LinkedIn session has expired: log in again with a password, or import fresh cookies from a browser"
    )]
    SessionExpired,
    /// A request that needs a session was made without one.
    #[error("not logged in: log in with a password, browser cookies or a saved session first")]
    Unauthorized,
    /// LinkedIn refused the request (an empty 403 is a CSRF mismatch; one with a message
    /// usually means the resource cannot be accessed by this account).
    #[error("LinkedIn refused the request (403){}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Forbidden {
        /// LinkedIn's message, when it gave one.
        message: Option<String>,
    },
    /// Too many requests: slow down. Retries already waited as long as allowed.
    #[error("LinkedIn is rate limiting this session{}: wait before sending more requests", retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// How long LinkedIn asked to wait, from `Retry-After`.
        retry_after: Option<Duration>,
    },
    /// LinkedIn retired this endpoint (410 Gone).
    #[error("LinkedIn retired {path} (410 Gone): use its replacement")]
    Gone {
        /// The path that answered 410.
        path: String,
    },
    /// LinkedIn redirected an API call, usually to its authwall or a login page: the session
    /// is not accepted.
    #[error("LinkedIn redirected the request to {to}: the session is not accepted, log in again")]
    Redirected {
        /// Where to.
        to: String,
    },
    /// Any other unsuccessful status.
    #[error("LinkedIn answered {code}{}", if body_excerpt.is_empty() { String::new() } else { format!(": {body_excerpt}") })]
    Status {
        /// The HTTP status (LinkedIn also uses 999 for "request refused").
        code: u16,
        /// The start of the body, for diagnosis.
        body_excerpt: String,
    },
    /// The request did not complete in time.
    #[error(
        "timed out {phase}: LinkedIn or the network is slow; try again later or raise the timeout"
    )]
    Timeout {
        /// Which stage ran out of time.
        phase: TimeoutPhase,
    },
    /// No connection could be made: nothing was sent.
    #[error("could not connect to {host}: {reason}")]
    Connect {
        /// The host.
        host: String,
        /// Why.
        reason: String,
    },
    /// The TLS handshake failed (an unknown certificate authority, a wrong name, ...).
    /// Verification cannot be turned off; add the authority with
    /// `TransportBuilder::add_root_certificate` when it is a local one.
    #[error("TLS with {host} failed: {reason}")]
    Tls {
        /// The host.
        host: String,
        /// Why.
        reason: String,
    },
    /// The connection broke after the request was sent, so LinkedIn may have acted on it.
    /// Reads are retried automatically; for a write (a message, an invitation) check whether
    /// it took effect before sending it again.
    #[error(
        "the connection broke during {method} {path} after it was sent: check whether it took effect before sending it again"
    )]
    Interrupted {
        /// The method.
        method: String,
        /// The path.
        path: String,
    },
    /// An answer could not be read (bad compression, a body too large, unexpected JSON in the
    /// login flow).
    #[error("could not read LinkedIn's answer: {reason}")]
    Decode {
        /// Why.
        reason: String,
    },
    /// The session's request budget is spent: LinkedIn challenges sessions that make too many
    /// requests in an hour. Wait, or raise the budget knowingly.
    #[error(
        "this session made {used} requests in the last hour, its budget: wait before sending more (LinkedIn challenges busy sessions)"
    )]
    BudgetExhausted {
        /// Requests made in the window.
        used: u64,
    },
    /// The caller gave something unusable (a bad base URL, a header value with a newline, a
    /// cookie file in an unknown format). Nothing was sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// What was wrong.
        field: &'static str,
        /// Why.
        reason: String,
    },
    /// A session or cookie file could not be read or written.
    #[error("{}: {reason}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// Why (including the line for a cookie file).
        reason: String,
    },
}

/// The stage of a request that ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeoutPhase {
    /// Opening the TCP connection and the TLS handshake.
    Connect,
    /// Waiting for the answer and reading its body.
    Request,
    /// The whole call, retries included.
    Total,
}

impl std::fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Connect => "while connecting",
            Self::Request => "waiting for the answer",
            Self::Total => "overall, retries included",
        })
    }
}

impl Error {
    /// Whether a request that failed this way may be sent again unchanged later, by a caller
    /// that knows it is safe (the transport has already retried what it could).
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Self::RateLimited { .. } | Self::Timeout { .. } | Self::Connect { .. } => true,
            Self::Status { code, .. } => matches!(code, 500 | 502 | 503 | 504),
            _ => false,
        }
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many characters of a body go into an error.
pub(crate) const EXCERPT_CHARS: usize = 200;

/// The start of a body as text, for an error message.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    match trimmed.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &trimmed[..end]),
        None => trimmed.to_owned(),
    }
}
