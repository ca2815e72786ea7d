//! LinkedIn's own answers, recorded from the web app on 2026-02-04 (`fixtures/recorded/`, derived
//! from `shared/reference/captures/` by `tools/recorded_from_capture.py`), and the key a request
//! is matched to them by.
//!
//! A [`Recording`] is one request the browser sent, with LinkedIn's status and answer where the
//! capture kept them. [`SandboxConfig::replay`](crate::SandboxConfig::replay) serves them: a
//! request whose [`RequestKey`] equals a recording's is answered with the recorded bytes, so a
//! test reads LinkedIn's answer through the real transport and models.
//!
//! ```
//! let recorded = linkedin_sandbox::recorded::load(51).unwrap();
//! assert_eq!(recorded.endpoint().unwrap().name, "messenger_conversations_sync");
//! assert_eq!(recorded.response_status, Some(200));
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use linkedin_catalogue::{self as catalogue, Endpoint};
use serde::Deserialize;
use serde_json::Value;

/// One request of the capture, with LinkedIn's answer when it was recorded.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Recording {
    /// The capture's sequence number (the file name's prefix).
    pub seq: u32,
    /// `GET` or `POST`.
    pub method: String,
    /// The whole URL the browser asked for.
    pub url: String,
    /// The 7 request headers the recorder kept (the csrf-token value replaced).
    pub request_headers: BTreeMap<String, String>,
    /// The JSON body of a POST, when there was one.
    pub request_body: Option<Value>,
    /// LinkedIn's status; `None` where the capture has none.
    pub response_status: Option<u16>,
    /// LinkedIn's answer; `None` where the capture has none (POST answers were not recorded).
    pub response_body: Option<Value>,
}

/// Why recordings could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the recording {path}: {reason}")]
pub struct RecordingError {
    /// The file or directory.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

/// `fixtures/recorded/` of this workspace.
#[must_use]
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/recorded")
}

/// Every recording of a directory, by `seq`.
///
/// # Errors
///
/// [`RecordingError`] when the directory or a file cannot be read or is not a recording.
pub fn load_dir(dir: &Path) -> Result<Vec<Recording>, RecordingError> {
    let error = |path: &Path, reason: String| RecordingError {
        path: path.to_owned(),
        reason,
    };
    let mut recordings = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| error(dir, e.to_string()))?;
    for entry in entries {
        let path = entry.map_err(|e| error(dir, e.to_string()))?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| error(&path, e.to_string()))?;
        let recording: Recording =
            serde_json::from_str(&text).map_err(|e| error(&path, e.to_string()))?;
        recordings.push(recording);
    }
    recordings.sort_by_key(|r| r.seq);
    Ok(recordings)
}

/// Every recording of `fixtures/recorded/`.
///
/// # Errors
///
/// As [`load_dir`].
pub fn load_all() -> Result<Vec<Recording>, RecordingError> {
    load_dir(&fixtures_dir())
}

/// The recording `seq` of `fixtures/recorded/`.
///
/// # Errors
///
/// As [`load_dir`], and when no recording has that `seq`.
pub fn load(seq: u32) -> Result<Recording, RecordingError> {
    load_all()?
        .into_iter()
        .find(|r| r.seq == seq)
        .ok_or_else(|| RecordingError {
            path: fixtures_dir(),
            reason: format!("no recording with seq {seq}"),
        })
}

impl Recording {
    /// The path of the URL (`/voyager/api/graphql`), as sent.
    #[must_use]
    pub fn path(&self) -> &str {
        let rest = self
            .url
            .split_once("://")
            .map_or(self.url.as_str(), |(_, r)| r);
        let rest = rest.find('/').map_or("", |i| &rest[i..]);
        rest.split_once('?').map_or(rest, |(p, _)| p)
    }

    /// The query string of the URL, without `?`, as sent.
    #[must_use]
    pub fn query(&self) -> &str {
        self.url.split_once('?').map_or("", |(_, q)| q)
    }

    /// The catalogue entry the request reaches, if the catalogue has it.
    #[must_use]
    pub fn endpoint(&self) -> Option<&'static Endpoint> {
        let method = match self.method.as_str() {
            "GET" => catalogue::Method::Get,
            "POST" => catalogue::Method::Post,
            "DELETE" => catalogue::Method::Delete,
            _ => return None,
        };
        let path = self.path().strip_prefix("/voyager/api")?;
        let query = restli::Query::parse(self.query()).ok()?;
        catalogue::route(method, catalogue::Base::Api, path, &|name| query.raw(name))
    }

    /// The key requests are matched to this recording by.
    #[must_use]
    pub fn key(&self) -> Option<RequestKey> {
        RequestKey::new(&self.method, self.path(), self.query())
    }

    /// The page the browser was on (`d_flagship3_feed`, `d_flagship3_messaging_conversation_detail`):
    /// the page key of the `x-li-page-instance` header, without its random part.
    #[must_use]
    pub fn page_key(&self) -> Option<&str> {
        let instance = self.request_headers.get("x-li-page-instance")?;
        let page = instance.strip_prefix("urn:li:page:")?;
        Some(page.split_once(';').map_or(page, |(k, _)| k))
    }
}

/// What identifies a request, as the replay layer matches it: the method, the path, every
/// query parameter with its decoded value except GraphQL `variables`, whose names are kept
/// (sorted) apart from their values. Two requests with equal keys ask for the same thing in
/// the same projection; [`RequestKey::same_values`] tells whether they also ask it of the same
/// member or conversation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RequestKey {
    /// `GET`, `POST`.
    pub method: String,
    /// The percent-decoded path (a URN in it written out).
    pub path: String,
    /// Every parameter but `variables`, by name: a leaf decoded, a list or map as Rest.li text.
    pub params: BTreeMap<String, String>,
    /// The names of the GraphQL variables, sorted.
    pub variable_names: Vec<String>,
    /// The variables' values by name, as the parameters' (compared by
    /// [`same_values`](Self::same_values)).
    pub variable_values: BTreeMap<String, String>,
}

/// A leaf's text as it is (a URN written out); a list or map as Rest.li text.
fn leaf_text(value: &restli::Value) -> String {
    match value {
        restli::Value::String(s) => s.to_string(),
        other => other.to_string(),
    }
}

impl RequestKey {
    /// The key of a request; `None` when its query is not Rest.li.
    #[must_use]
    pub fn new(method: &str, path: &str, query: &str) -> Option<Self> {
        let parsed = restli::Query::parse(query).ok()?;
        let mut params = BTreeMap::new();
        let mut variable_names = Vec::new();
        let mut variable_values = BTreeMap::new();
        for (name, raw) in parsed.iter() {
            if name == "variables" {
                if let Ok(Some(restli::Value::Map(map))) = parsed.value(name) {
                    for (k, v) in map.iter() {
                        variable_names.push(k.to_string());
                        variable_values.insert(k.to_string(), leaf_text(v));
                    }
                }
                continue;
            }
            let value = match parsed.value(name) {
                Ok(Some(v)) => leaf_text(&v),
                _ => raw.to_owned(),
            };
            params.insert(name.to_owned(), value);
        }
        variable_names.sort();
        let path = percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned();
        Some(Self {
            method: method.to_owned(),
            path,
            params,
            variable_names,
            variable_values,
        })
    }

    /// Whether the keys are equal, variable values included.
    #[must_use]
    pub fn same_values(&self, other: &Self) -> bool {
        self == other
    }

    /// Whether the keys are equal but for the variables' values.
    #[must_use]
    pub fn same_shape(&self, other: &Self) -> bool {
        self.method == other.method
            && self.path == other.path
            && self.params == other.params
            && self.variable_names == other.variable_names
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// Every recording reads and has a key; the capture has 127 requests, 33 with an answer.
    #[test]
    fn every_recording_loads() {
        let all = load_all().unwrap();
        assert_eq!(all.len(), 127);
        assert_eq!(all.iter().filter(|r| r.response_body.is_some()).count(), 33);
        for r in &all {
            assert!(r.key().is_some(), "seq {}: {}", r.seq, r.url);
        }
    }

    /// The catalogue's `recorded` seqs are exactly the recordings that route to each entry:
    /// a seq listed on the wrong entry, or a recorded request of an entry that does not
    /// name it, fails here.
    #[test]
    fn the_catalogue_names_the_recordings_of_each_entry() {
        let all = load_all().unwrap();
        let mut missing = Vec::new();
        for r in &all {
            if let Some(e) = r.endpoint().filter(|e| !e.recorded.contains(&r.seq)) {
                missing.push(format!("{} lacks seq {}", e.name, r.seq));
            }
        }
        for e in linkedin_catalogue::ENDPOINTS {
            for seq in e.recorded {
                let r = all.iter().find(|r| r.seq == *seq).unwrap();
                let routed = r.endpoint().map(|x| x.name);
                if routed != Some(e.name) {
                    missing.push(format!(
                        "{} names seq {seq}, which routes to {routed:?}",
                        e.name
                    ));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    /// An entry's page key is one the browser sent it from, where the capture shows it.
    #[test]
    fn each_recorded_entry_is_sent_from_its_recorded_page() {
        let all = load_all().unwrap();
        for e in linkedin_catalogue::ENDPOINTS {
            let pages: Vec<&str> = e
                .recorded
                .iter()
                .filter_map(|seq| all.iter().find(|r| r.seq == *seq)?.page_key())
                .collect();
            if !pages.is_empty() {
                assert!(
                    pages.contains(&e.page.unwrap()),
                    "{}: {:?} not in {pages:?}",
                    e.name,
                    e.page
                );
            }
        }
    }
}
