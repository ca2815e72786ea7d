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
    /// LinkedIn refused the request (the message `CSRF check failed.` is a missing or stale
    /// `csrf-token`, which the session's `JSESSIONID` gives: log in again; another message
    /// usually means the resource cannot be accessed by this account).
    #[error("LinkedIn refused the request (403){}", message.as_deref().map(|m| format!(": {}", bounded(m, EXCERPT_CHARS))).unwrap_or_default())]
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
    /// Any other unsuccessful status. The message names what the request was for (when
    /// the caller [named](crate::Request::named) it), gives LinkedIn's own reason when its
    /// answer had one (its JSON error envelope), else the start of the body, and says what
    /// to do; it is one line, LinkedIn's text cut and its control characters escaped.
    #[error("{}", status_message(*code, *endpoint, body_excerpt, reason.as_ref()))]
    Status {
        /// The HTTP status (LinkedIn also uses 999 for "request refused").
        code: u16,
        /// What the request was for, in the caller's terms (the facade's catalogue entry,
        /// `search_clusters`), when it said ([`Request::named`](crate::Request::named)).
        endpoint: Option<&'static str>,
        /// The start of the body, for diagnosis.
        body_excerpt: String,
        /// LinkedIn's reason, when the body is its JSON error envelope.
        reason: Option<Reason>,
    },
    /// The request did not complete in time.
    #[error(
        "timed out {phase}: LinkedIn or the network is slow; try again later or raise the timeout (`TransportBuilder::timeouts`, the CLI's --timeout)"
    )]
    Timeout {
        /// Which stage ran out of time.
        phase: TimeoutPhase,
    },
    /// No connection could be made, or one broke before its answer came. Reads are retried
    /// automatically; a write that may have left is reported as [`Error::Interrupted`] instead.
    #[error(
        "could not connect to {host}: {stage} failed: {source}; check the network and try again"
    )]
    Connect {
        /// The host, with the port when it is not the scheme's default; the proxy's
        /// `host:port` when the proxy could not be reached or did not answer `CONNECT`.
        host: String,
        /// The step that failed: `resolving the host`, `opening the TCP connection`, `the TLS
        /// handshake`, `the HTTP handshake`, `sending the request` (the server kept closing
        /// connections) or `sending the request or reading its answer` (the connection broke);
        /// through a proxy also `resolving the proxy's host`, `opening the TCP connection to
        /// the proxy` and `the proxy's tunnel (CONNECT)` (no proper answer to it).
        stage: &'static str,
        /// The cause: an I/O error, hyper's error, or what the transport saw.
        #[source]
        source: BoxError,
    },
    /// The TLS handshake failed (an unknown certificate authority, a wrong name, ...).
    /// Verification cannot be turned off; add the authority with
    /// `TransportBuilder::add_root_certificate` when it is a local one.
    #[error(
        "TLS with {host} failed: {source}; if {host} uses a local certificate authority, trust it with add_root_certificate (verification cannot be turned off)"
    )]
    Tls {
        /// The host.
        host: String,
        /// What rustls refused.
        #[source]
        source: rustls::Error,
    },
    /// The HTTP proxy would not open a tunnel to LinkedIn: its answer to `CONNECT` was not a
    /// 2xx. 407 asks for credentials (or refused those of the proxy URL), 403 forbids the
    /// destination, 502 to 504 mean the proxy could not reach it. Nothing was sent to
    /// LinkedIn.
    #[error("the proxy {proxy} refused to open a tunnel to {target}: it answered {status}; {}", proxy_hint(*status))]
    ProxyRefused {
        /// The proxy, `host:port`: never its credentials.
        proxy: String,
        /// Where the tunnel was to go, `host:port`.
        target: String,
        /// The proxy's status.
        status: u16,
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
    #[error("could not read LinkedIn's answer: {reason}{}", caused_by(source.as_deref()))]
    Decode {
        /// What could not be read.
        reason: String,
        /// The decompressor's or the JSON parser's error, when there is one.
        #[source]
        source: Option<BoxError>,
    },
    /// The session's request budget is spent: LinkedIn challenges sessions that make too many
    /// requests in an hour. Wait, or raise the budget knowingly.
    #[error(
        "this account made {used} requests in the last hour, its budget: wait {} before sending more (LinkedIn challenges busy sessions)", minutes(*frees_in)
    )]
    BudgetExhausted {
        /// Requests made in the window.
        used: u64,
        /// When the next place in the window frees up.
        frees_in: Duration,
    },
    /// The account's daily budget for an action is spent (connection requests, messages,
    /// ...): LinkedIn restricts accounts that do too much of one thing in a day. Nothing was
    /// sent.
    #[error(
        "the daily budget of {limit} {action} actions is spent{}: raise it knowingly, or wait", frees_in.map(|d| format!(" (the next frees up in {})", minutes(d))).unwrap_or_else(|| " (a limit of 0 forbids it)".to_owned())
    )]
    DailyBudgetSpent {
        /// The action.
        action: crate::governor::Action,
        /// Its limit per rolling day.
        limit: u32,
        /// When the next one frees up; `None` when the limit is 0.
        frees_in: Option<Duration>,
    },
    /// The account's circuit breaker is tripped: LinkedIn challenged the account, sent a call
    /// to its authwall, wiped the session cookie or answered 999, and no request is sent by
    /// any process until the user deals with it. Nothing was sent.
    #[error(
        "stopped to protect the account: {reason}{}. Open LinkedIn in a browser and pass any check, then log in again (`linkedin login`, which resets this), or reset it knowingly (`linkedin safety reset`)", url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default()
    )]
    Tripped {
        /// What happened.
        reason: crate::governor::TripReason,
        /// The challenge or redirect URL, when there was one.
        url: Option<String>,
        /// When it tripped (ms since the epoch).
        at_ms: u64,
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
    /// The saved session of `account` belongs to another server than this transport's base
    /// URL (a sandbox's session is never sent to linkedin.com, nor the other way round).
    #[error(
        "the saved session of {account} was saved for {saved_for}, not {here}: log in again for {here} (`linkedin login`), or use --base-url {saved_for}"
    )]
    SavedForAnotherServer {
        /// The account.
        account: String,
        /// The base URL the session was saved for.
        saved_for: String,
        /// This transport's base URL.
        here: String,
    },
    /// An [`AccountStore`](crate::AccountStore) of the program's own could not read or
    /// write an account's session or governor state.
    #[error("the account store failed {what}: {source}")]
    Store {
        /// What it was doing (`loading the session of me@example.com`).
        what: String,
        /// The store's error.
        #[source]
        source: BoxError,
    },
    /// A session or cookie file could not be read or written.
    #[error("{}: {reason}{}", path.display(), caused_by(source.as_ref()))]
    File {
        /// The file.
        path: PathBuf,
        /// What went wrong and what to do (including the line for a cookie file).
        reason: String,
        /// The operating system's error, when the file could not be opened, read, written or
        /// deleted. It names no file content, so no cookie value.
        #[source]
        source: Option<std::io::Error>,
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
            Self::ProxyRefused { status, .. } => matches!(status, 502..=504),
            _ => false,
        }
    }

    /// A session or cookie file problem the operating system did not cause.
    pub(crate) fn file(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Self::File {
            path: path.into(),
            reason: reason.into(),
            source: None,
        }
    }

    /// A session or cookie file that could not be opened, read, written or deleted.
    pub(crate) fn file_io(
        path: impl Into<PathBuf>,
        reason: impl Into<String>,
        source: std::io::Error,
    ) -> Self {
        Self::File {
            path: path.into(),
            reason: reason.into(),
            source: Some(source),
        }
    }
}

/// A cause of any error type, for variants whose cause varies.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// `": <cause>"`, or nothing without a cause: the messages name their cause, as the CLI
/// prints only the message.
fn caused_by<E: std::fmt::Display + ?Sized>(source: Option<&E>) -> String {
    source.map(|e| format!(": {e}")).unwrap_or_default()
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many characters of a body go into an error.
pub const EXCERPT_CHARS: usize = 160;

/// The start of a body as text, for an error message: trimmed, at most [`EXCERPT_CHARS`]
/// characters (then `…`), on one line (see [`bounded`]).
///
/// ```
/// use linkedin_transport::error::excerpt;
/// assert_eq!(excerpt(b" a\nb\x1b]0;title\x07 "), "a\\nb\\u{1b}]0;title\\u{7}");
/// assert_eq!(excerpt(&[b'x'; 1000]).chars().count(), 161);
/// ```
#[must_use]
pub fn excerpt(body: &[u8]) -> String {
    bounded(String::from_utf8_lossy(body).trim(), EXCERPT_CHARS)
}

/// `text` on one line and at most `max` characters (then `…`): line breaks, tabs and every
/// other control character (C0, DEL, C1), the line and paragraph separators (U+2028, U+2029)
/// and the bidirectional overrides (U+202A to U+202E, U+2066 to U+2069) escaped as Rust
/// writes them (`\n`, `\u{1b}`). The limit counts the escaped text.
#[must_use]
pub fn bounded(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max + 8));
    let mut count = 0;
    for c in text.chars() {
        let escape = c.is_control()
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        let piece: String = if escape {
            c.escape_default().collect()
        } else {
            c.to_string()
        };
        let n = piece.chars().count();
        if count + n > max {
            out.push('…');
            return out;
        }
        count += n;
        out.push_str(&piece);
    }
    out
}

/// LinkedIn's own account of why it refused a request, read from the JSON error envelope
/// its API answers with: `{"status": 400, "code": "CANT_RESEND_YET", "message": "..."}`,
/// the same under `data` (normalized answers), or `serviceErrorCode` and `exceptionClass`.
///
/// ```
/// use linkedin_transport::Reason;
///
/// let reason = Reason::from_body(br#"{"data":{"status":400,"code":"CANT_RESEND_YET"},"included":[]}"#);
/// assert_eq!(reason.unwrap().code.as_deref(), Some("CANT_RESEND_YET"));
/// assert!(Reason::from_body(b"<html>").is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reason {
    /// LinkedIn's code for it (`CANT_RESEND_YET`), or its numeric `serviceErrorCode`.
    pub code: Option<String>,
    /// LinkedIn's message (`This profile can't be accessed`).
    pub message: Option<String>,
    /// The exception's class name, without its package (`VoyagerUserVisibleException`).
    pub exception: Option<String>,
}

impl Reason {
    /// A reason with LinkedIn's `code` and `message`, as another layer read it (the facade
    /// reads the `errors` of a GraphQL answer).
    #[must_use]
    pub fn new(code: Option<String>, message: Option<String>) -> Self {
        Self {
            code,
            message,
            exception: None,
        }
    }

    /// The reason in an error answer's body; `None` when the body is not LinkedIn's envelope
    /// or says nothing beyond the status.
    #[must_use]
    pub fn from_body(body: &[u8]) -> Option<Self> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Envelope {
            code: Option<serde_json::Value>,
            message: Option<String>,
            service_error_code: Option<serde_json::Value>,
            exception_class: Option<String>,
            data: Option<Box<Envelope>>,
        }
        let text = |v: serde_json::Value| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let mut envelope: Envelope = serde_json::from_slice(body).ok()?;
        if envelope.code.is_none()
            && envelope.message.is_none()
            && let Some(data) = envelope.data.take()
        {
            envelope = *data;
        }
        let reason = Self {
            code: envelope
                .code
                .and_then(text)
                .or_else(|| envelope.service_error_code.and_then(text))
                .filter(|c| !c.is_empty()),
            message: envelope.message.filter(|m| !m.trim().is_empty()),
            exception: envelope
                .exception_class
                .map(|c| c.rsplit('.').next().unwrap_or_default().to_owned()),
        };
        (reason.code.is_some() || reason.message.is_some()).then_some(reason)
    }
}

/// LinkedIn's code and message, each on one line and cut ([`bounded`]).
impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let code = self.code.as_deref().map(|c| bounded(c, 60));
        let message = self.message.as_deref().map(|m| bounded(m, EXCERPT_CHARS));
        match (code, message) {
            (Some(code), Some(message)) => write!(f, "{message} ({code})"),
            (Some(code), None) => f.write_str(&code),
            (None, Some(message)) => f.write_str(&message),
            (None, None) => f.write_str("no reason given"),
        }
    }
}

/// The message of [`Error::Status`]: what answered what, LinkedIn's reason (or the start of
/// its body), and what to do.
fn status_message(
    code: u16,
    endpoint: Option<&str>,
    body_excerpt: &str,
    reason: Option<&Reason>,
) -> String {
    let to = endpoint.map(|e| format!(" to {e}")).unwrap_or_default();
    let said = match reason {
        Some(reason) => format!(": {reason}"),
        None if body_excerpt.is_empty() => String::new(),
        None => format!(": {}", bounded(body_excerpt, EXCERPT_CHARS + 1)),
    };
    let next = match code {
        404 => "it does not exist or this account cannot see it; check what was asked",
        // The client errors LinkedIn's Rest.li servers answer with.
        400 | 401 | 403 | 405 | 406 | 409 | 411..=415 | 422 | 429 => {
            "check what was asked; if it keeps failing, run `linkedin doctor`"
        }
        500..=599 => "LinkedIn's side failed; retry later",
        999 => "LinkedIn takes the traffic for a bot; stop, and open linkedin.com in a browser",
        _ => "not a status LinkedIn documents; retry later or run `linkedin doctor`",
    };
    match reason {
        Some(_) if (400..500).contains(&code) => {
            format!("LinkedIn refused the request{to} ({code}){said}; {next}")
        }
        _ => format!("LinkedIn answered {code}{to}{said}; {next}"),
    }
}

/// What to do about a proxy's refusal, by its status.
fn proxy_hint(status: u16) -> &'static str {
    match status {
        407 => {
            "the proxy wants credentials: give them in its URL (http://user:password@host:port), or check them"
        }
        403 => "the proxy does not allow this destination",
        502..=504 => "the proxy could not reach it: try again later",
        _ => "check the proxy setting (the CLI's --proxy, HTTPS_PROXY)",
    }
}

/// A duration as whole minutes for messages (`12 min`), at least 1.
fn minutes(d: Duration) -> String {
    format!("{} min", d.as_secs().div_ceil(60).max(1))
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;
    use std::io;

    use super::*;

    /// LinkedIn's refusals read as its reason, in the shapes its API answers with; a body
    /// that is not its envelope keeps the excerpt.
    #[test]
    fn a_refusal_says_linkedins_reason_not_its_raw_body() {
        let status = |code: u16, body: &str| Error::Status {
            code,
            endpoint: None,
            body_excerpt: excerpt(body.as_bytes()),
            reason: Reason::from_body(body.as_bytes()),
        };
        let normalized = status(
            400,
            r#"{"data":{"status":400,"code":"CANT_RESEND_YET"},"included":[]}"#,
        );
        assert_eq!(
            normalized.to_string(),
            "LinkedIn refused the request (400): CANT_RESEND_YET; check what was asked; if it keeps failing, run `linkedin doctor`"
        );
        let visible = status(
            422,
            r#"{"exceptionClass":"com.linkedin.voyager.common.VoyagerUserVisibleException","message":"This profile can't be accessed","status":422}"#,
        );
        assert!(
            visible.to_string().starts_with(
                "LinkedIn refused the request (422): This profile can't be accessed; "
            ),
            "{visible}"
        );
        let Error::Status {
            reason: Some(reason),
            ..
        } = &visible
        else {
            panic!("{visible:?}");
        };
        assert_eq!(
            reason.exception.as_deref(),
            Some("VoyagerUserVisibleException")
        );
        let coded = Reason::from_body(
            br#"{"serviceErrorCode":100,"message":"Not enough permissions","status":400}"#,
        )
        .unwrap();
        assert_eq!(coded.to_string(), "Not enough permissions (100)");
        // Only the status: nothing to say beyond it.
        assert!(
            status(400, r#"{"status":400}"#)
                .to_string()
                .starts_with(r#"LinkedIn answered 400: {"status":400}; "#)
        );
        assert_eq!(
            status(502, "").to_string(),
            "LinkedIn answered 502; LinkedIn's side failed; retry later"
        );
        assert!(Reason::from_body(b"<html>nope</html>").is_none());
    }

    /// A status error names what the request was for and what to do, on one line of
    /// bounded length whatever the body held.
    #[test]
    fn a_status_error_names_the_endpoint_and_the_next_step_in_one_bounded_line() {
        let odd = Error::Status {
            code: 418,
            endpoint: Some("search_clusters"),
            body_excerpt: excerpt(b""),
            reason: None,
        };
        assert_eq!(
            odd.to_string(),
            "LinkedIn answered 418 to search_clusters; not a status LinkedIn documents; retry later or run `linkedin doctor`"
        );
        let huge = format!(
            "{{\"message\": \"{}\\n\\u001b]0;title\\u0007\"}}",
            "x".repeat(1 << 20)
        );
        for body in [
            huge.as_bytes(),
            &b"a\nb\r\n\x1b]0;title\x07"[..],
            &vec![b'y'; 1 << 20],
        ] {
            for code in [400, 418, 500, 299] {
                let e = Error::Status {
                    code,
                    endpoint: Some("company"),
                    body_excerpt: excerpt(body),
                    reason: Reason::from_body(body),
                };
                let message = e.to_string();
                assert_eq!(message.lines().count(), 1, "{message}");
                assert!(message.chars().count() <= 400, "{} chars", message.len());
                assert!(!message.chars().any(char::is_control), "{message}");
                assert!(message.contains(" to company"), "{message}");
            }
        }
        assert_eq!(bounded("ab\ncd", 4), "ab\\n…");
        assert_eq!(bounded("\u{202e}x", 10), "\\u{202e}x");
    }

    #[test]
    fn connect_errors_name_the_stage_and_keep_their_cause() {
        let error = Error::Connect {
            host: "www.linkedin.com".to_owned(),
            stage: "opening the TCP connection",
            source: io::Error::from(io::ErrorKind::ConnectionRefused).into(),
        };
        let message = error.to_string();
        assert!(
            message.starts_with(
                "could not connect to www.linkedin.com: opening the TCP connection failed: connection refused"
            ),
            "{message}"
        );
        assert!(
            message.ends_with("check the network and try again"),
            "{message}"
        );
        let cause = error.source().and_then(|e| e.downcast_ref::<io::Error>());
        assert_eq!(
            cause.map(io::Error::kind),
            Some(io::ErrorKind::ConnectionRefused)
        );
        assert!(error.is_transient());
    }

    #[test]
    fn tls_errors_keep_what_rustls_refused() {
        let error = Error::Tls {
            host: "www.linkedin.com".to_owned(),
            source: rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        };
        let message = error.to_string();
        assert!(
            message.starts_with("TLS with www.linkedin.com failed: invalid peer certificate"),
            "{message}"
        );
        assert!(message.contains("add_root_certificate"), "{message}");
        assert!(error.source().is_some_and(|e| e.is::<rustls::Error>()));
        assert!(!error.is_transient());
    }

    #[test]
    fn decode_and_file_messages_end_with_their_cause_when_there_is_one() {
        let corrupt = Error::Decode {
            reason: "the gzip body is corrupt or cut short".to_owned(),
            source: Some(io::Error::new(io::ErrorKind::InvalidInput, "invalid gzip header").into()),
        };
        assert_eq!(
            corrupt.to_string(),
            "could not read LinkedIn's answer: the gzip body is corrupt or cut short: invalid gzip header"
        );
        assert!(corrupt.source().is_some());
        let bare = Error::Decode {
            reason: "the login page set no JSESSIONID cookie".to_owned(),
            source: None,
        };
        assert_eq!(
            bare.to_string(),
            "could not read LinkedIn's answer: the login page set no JSESSIONID cookie"
        );
        assert!(bare.source().is_none());

        let denied = Error::file_io(
            "/tmp/s.json",
            "cannot open the session file",
            io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(
            denied.to_string(),
            "/tmp/s.json: cannot open the session file: permission denied"
        );
        assert!(denied.source().is_some_and(|e| e.is::<io::Error>()));
        let refused = Error::file("/tmp/s.json", "not a regular file");
        assert_eq!(refused.to_string(), "/tmp/s.json: not a regular file");
        assert!(refused.source().is_none());
    }
}
