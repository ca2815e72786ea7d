//! What goes wrong when an answer does not match its model.

/// An answer that did not match its model: where, why, and the start of what was there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at {path}: {reason} (found: {excerpt})")]
pub struct DecodeError {
    /// A JSON path into the answer (`/elements/[1].name`).
    pub path: String,
    /// What was wrong.
    pub reason: String,
    /// The start of the value found there.
    pub excerpt: String,
}

impl DecodeError {
    pub(crate) fn json(e: &serde_json::Error, body: &[u8]) -> Self {
        Self {
            path: format!("line {} column {}", e.line(), e.column()),
            reason: format!("not JSON: {e}"),
            excerpt: excerpt(body),
        }
    }

    pub(crate) fn shape(expected: &str, body: &[u8]) -> Self {
        Self {
            path: "/".to_owned(),
            reason: format!("expected {expected}"),
            excerpt: excerpt(body),
        }
    }
}

/// At most this many characters of a value go into an error.
const EXCERPT_CHARS: usize = 160;

pub(crate) fn excerpt(text: &[u8]) -> String {
    let text = String::from_utf8_lossy(text);
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.into_owned(),
    }
}
