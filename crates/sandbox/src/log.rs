//! The request log: every request as one record, kept in memory when asked
//! ([`SandboxConfig::keep_requests`](crate::SandboxConfig::keep_requests): the latest
//! [`KEPT`] of them) and written as a JSON line to a file when asked
//! ([`SandboxConfig::request_log`](crate::SandboxConfig::request_log)). With neither, no
//! record is made at all. Secrets are never recorded: cookie values, the `csrf-token` header
//! and the login password are left out or redacted.

use std::collections::VecDeque;
use std::io::Write;
use std::sync::Mutex;

use serde::Serialize;

/// How many records stay in memory when they are kept; older ones are dropped (the file
/// keeps everything). A record with a client's usual headers takes about 2 KB, so the memory
/// log stays under about 20 MB (`examples/rss.rs --keep-requests`).
pub(crate) const KEPT: usize = 10_000;

/// One request the sandbox answered (or dropped, for a connection-reset fault).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RequestRecord {
    /// The order of arrival, from 0.
    pub seq: u64,
    /// Which connection it came on, counted from 0 in order of acceptance.
    pub connection: u64,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path, as sent.
    pub path: String,
    /// The raw query string (without `?`), as sent.
    pub query: String,
    /// The HTTP version (`HTTP/1.1`, `HTTP/2.0`).
    pub version: String,
    /// The headers that matter to LinkedIn, by name (values of secret headers are never kept:
    /// `csrf-token` is recorded as `present`).
    pub headers: Vec<(String, String)>,
    /// The names of the cookies sent (never their values).
    pub cookies: Vec<String>,
    /// The body as text (lossy), with the login password redacted.
    pub body: String,
    /// The status answered, or 0 when the connection was reset instead.
    pub status: u16,
    /// The `seq` of the recording answered, when [`Replay`](crate::Replay) served one.
    pub replayed: Option<u32>,
    /// The catalogue entry the request reached (its name), when it reached one: with a
    /// [`Drift`](crate::Drift), a request with an entry's current ids names it, one with
    /// stale ids names none.
    pub endpoint: Option<String>,
    /// The mutation applied to the answer by
    /// [`Faults::mutate_answers`](crate::Faults::mutate_answers), as `<kind> <where>`: the
    /// [`Mutation`](crate::Mutation)'s name, then a JSON pointer (`drop_key
    /// /included/3/firstName`, `change_type /data/paging/total number->string`), the bytes
    /// kept (`truncate 812/1624`) or the status (`odd_status 418`). `None` when not mutated.
    pub mutation: Option<String>,
}

/// The catalogue entry a request reached, on its answer's extensions for the log.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reached(pub(crate) &'static str);

/// Headers worth recording, in lower case.
pub(crate) const RECORDED_HEADERS: [&str; 11] = [
    "host",
    "accept",
    "content-type",
    "user-agent",
    "x-restli-protocol-version",
    "x-li-lang",
    "x-li-track",
    "x-li-page-instance",
    "x-li-user-agent",
    "x-http-method-override",
    "accept-encoding",
];

#[derive(Default)]
pub(crate) struct RequestLog {
    /// The latest records, when they are kept in memory.
    kept: Option<Mutex<VecDeque<RequestRecord>>>,
    file: Option<Mutex<std::fs::File>>,
}

impl RequestLog {
    /// A log to the file at `path` (appended to), if any, and in memory if `keep`.
    pub(crate) fn new(path: Option<&std::path::Path>, keep: bool) -> std::io::Result<Self> {
        let file = match path {
            Some(p) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)?,
            )),
            None => None,
        };
        Ok(Self {
            kept: keep.then(|| Mutex::new(VecDeque::new())),
            file,
        })
    }

    /// Whether records are wanted at all (in memory or in a file): when not, none is made.
    pub(crate) fn is_on(&self) -> bool {
        self.kept.is_some() || self.file.is_some()
    }

    pub(crate) fn push(&self, record: RequestRecord) {
        if let Some(file) = &self.file
            && let Ok(mut line) = serde_json::to_vec(&record)
        {
            line.push(b'\n');
            let mut f = file
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // A full disk must not take the emulator down; the in-memory log still has it.
            let _ = f.write_all(&line);
        }
        if let Some(kept) = &self.kept {
            let mut kept = kept
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if kept.len() == KEPT {
                kept.pop_front();
            }
            kept.push_back(record);
        }
    }

    /// The records kept in memory, oldest first: none when they are not kept.
    pub(crate) fn snapshot(&self) -> Vec<RequestRecord> {
        self.kept.as_ref().map_or_else(Vec::new, |kept| {
            let kept = kept
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            kept.iter().cloned().collect()
        })
    }
}

/// The body as it may be logged: a login form loses its password.
pub(crate) fn loggable_body(content_type: &str, body: &[u8]) -> String {
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(body)
            .map(|(k, v)| {
                let v = if k == "session_password" || k == "JSESSIONID" {
                    "<redacted>".to_owned()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        return form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
    }
    String::from_utf8_lossy(body).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_forms_lose_their_secrets() {
        let body =
            b"session_key=demo%40example.com&session_password=hunter2&JSESSIONID=%22ajax%3A1%22";
        let logged = loggable_body("application/x-www-form-urlencoded", body);
        assert!(
            !logged.contains("hunter2") && !logged.contains("ajax"),
            "{logged}"
        );
        assert!(
            logged.contains("session_key=demo%40example.com"),
            "{logged}"
        );
    }

    fn record(seq: u64) -> RequestRecord {
        RequestRecord {
            seq,
            connection: 0,
            method: "GET".into(),
            path: "/".into(),
            query: String::new(),
            version: "HTTP/1.1".into(),
            headers: vec![],
            cookies: vec![],
            body: String::new(),
            status: 200,
            replayed: None,
            endpoint: None,
            mutation: None,
        }
    }

    #[test]
    fn memory_keeps_nothing_unless_asked() {
        let log = RequestLog::new(None, false).unwrap();
        assert!(!log.is_on());
        log.push(record(0));
        assert!(log.snapshot().is_empty());
    }

    #[test]
    fn memory_keeps_the_latest_records() {
        let log = RequestLog::new(None, true).unwrap();
        assert!(log.is_on());
        for seq in 0..(KEPT as u64 + 3) {
            log.push(record(seq));
        }
        let kept = log.snapshot();
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept[0].seq, 3);
    }
}
