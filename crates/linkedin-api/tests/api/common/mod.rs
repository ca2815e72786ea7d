//! A sandbox and a client logged in to it, and snapshots of what a call sends and returns.

#![allow(dead_code)]

use futures::TryStreamExt;
use linkedin_api::{Linkedin, Login, Pages};
use linkedin_sandbox::{Faults, RequestRecord, Sandbox, SandboxConfig, SandboxHandle};
use serde_json::{Map, Value, json};

pub use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME};

/// A sandbox, and the demo account logged in to it with its password.
pub struct Fixture {
    pub sandbox: SandboxHandle,
    pub linkedin: Linkedin,
}

pub async fn start() -> Fixture {
    start_with(Faults::default()).await
}

pub async fn start_with(faults: Faults) -> Fixture {
    try_start_with(faults).await.unwrap()
}

/// As [`start_with`], the login's failure given back (faults may hit the login too). The
/// sandbox keeps its requests in memory, for [`Fixture::mark`] and the snapshots.
pub async fn try_start_with(faults: Faults) -> Result<Fixture, linkedin_api::Error> {
    start_on(SandboxConfig {
        faults,
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
}

/// A sandbox started with `config`, and the demo account logged in to it.
pub async fn start_on(config: SandboxConfig) -> Result<Fixture, linkedin_api::Error> {
    let sandbox = Sandbox::start(config).await.unwrap();
    let linkedin = Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .build()
        .await?;
    Ok(Fixture { sandbox, linkedin })
}

impl Fixture {
    /// How many requests the sandbox has seen: pass it to [`Fixture::sent_since`].
    pub fn mark(&self) -> usize {
        self.sandbox.requests().len()
    }

    /// The requests since `mark`, readable: method, path, query with each value decoded from
    /// Rest.li (sorted by name), and the body (JSON when it is).
    pub fn sent_since(&self, mark: usize) -> Vec<Value> {
        self.sandbox.requests()[mark..]
            .iter()
            .map(readable)
            .collect()
    }

    /// Snapshots what `call` sent and what it returned, under `name`.
    pub fn snapshot(&self, name: &str, mark: usize, result: &impl serde::Serialize) {
        self.snapshot_requests(name, self.sent_since(mark), result);
    }

    /// [`snapshot`](Self::snapshot), with the values the client makes afresh on every run
    /// replaced by placeholders after checking their form: a send's `originToken` (a UUID
    /// v4) and `trackingId` (16 characters), an acknowledgement's `clientConsumedAt` (now,
    /// in ms).
    pub fn snapshot_redacted(&self, name: &str, mark: usize, result: &impl serde::Serialize) {
        let mut requests = self.sent_since(mark);
        redact(&mut requests);
        self.snapshot_requests(name, requests, result);
    }

    /// Snapshots `requests` (as [`sent_since`](Self::sent_since) gives them, adjusted) and
    /// `result` under `name`.
    pub fn snapshot_requests(
        &self,
        name: &str,
        requests: Vec<Value>,
        result: &impl serde::Serialize,
    ) {
        let value = json!({
            "requests": requests,
            "result": serde_json::to_value(result).unwrap(),
        });
        insta::with_settings!({ snapshot_path => "../../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(name, value);
        });
    }
}

/// Replaces the values a client makes afresh on every run (see
/// [`Fixture::snapshot_redacted`]) by placeholders, after checking their form.
pub fn redact(requests: &mut [Value]) {
    for r in requests {
        if let Some(at) = r.pointer_mut("/body/clientConsumedAt") {
            assert!(at.as_u64().unwrap() > 1_700_000_000_000, "ms: {at}");
            *at = json!("[now, in ms]");
        }
        if let Some(token) = r.pointer_mut("/body/message/originToken") {
            let t = token.as_str().unwrap();
            assert_eq!(t.len(), 36, "a UUID: {t}");
            assert_eq!(&t[14..15], "4", "version 4: {t}");
            *token = json!("[origin token: a fresh UUID v4]");
        }
        if let Some(tracking) = r.pointer_mut("/body/trackingId") {
            assert_eq!(tracking.as_str().unwrap().chars().count(), 16);
            *tracking = json!("[tracking id: 16 random bytes as characters]");
        }
    }
}

fn readable(record: &RequestRecord) -> Value {
    let mut query = Map::new();
    let mut pairs: Vec<(&str, &str)> = record
        .query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    pairs.sort_by_key(|(k, _)| *k);
    for (name, value) in pairs {
        let decoded = match restli::from_str(value) {
            Ok(v) => Value::from(&v),
            Err(_) => Value::String(format!("<not Rest.li> {value}")),
        };
        query.insert(name.to_owned(), decoded);
    }
    let body = if record.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&record.body).unwrap_or_else(|_| Value::String(record.body.clone()))
    };
    json!({
        "method": record.method,
        "path": record.path,
        "query": query,
        "body": body,
        "status": record.status,
    })
}

/// Every item of a stream of pages; the test fails on the first error.
pub async fn collect_all<T: Send + Unpin + 'static>(pages: Pages<T>) -> Vec<T> {
    pages.try_collect().await.unwrap()
}

/// The first error of a stream of pages; the test fails if its first page reads.
pub async fn first_error<T: Send + Unpin + 'static>(mut pages: Pages<T>) -> linkedin_api::Error {
    pages.try_next().await.err().expect("an error, not a page")
}
