//! What goes wrong when an answer does not match its model.

use std::fmt;

/// An answer that did not match its model: where, why, and the start of what was there.
///
/// Its message is one line and bounded whatever LinkedIn sent: each part is cut (the
/// excerpt at [`EXCERPT_CHARS`] characters, with `…`) and its line breaks and other control
/// characters are escaped (`\n`, `\u{1b}`), so an answer's 1 MiB string or terminal escape
/// never reaches an error message as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DecodeError {
    /// A JSON path into the answer (`/elements/[1].name`).
    pub path: String,
    /// What was wrong.
    pub reason: String,
    /// The start of the value found there.
    pub excerpt: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "at {}: {} (found: {})",
            bounded(&self.path, PATH_CHARS),
            bounded(&self.reason, REASON_CHARS),
            bounded(&self.excerpt, EXCERPT_CHARS + 1)
        )
    }
}

impl DecodeError {
    /// An error at `path` of an answer, for `reason`, with an excerpt of what was `found`
    /// there (escaped and cut as [`excerpt`] does): for checks a caller makes on a value
    /// that did read (a member id that is not digits).
    #[must_use]
    pub fn new(path: impl Into<String>, reason: impl Into<String>, found: &str) -> Self {
        Self {
            path: path.into(),
            reason: reason.into(),
            excerpt: excerpt(found.as_bytes()),
        }
    }

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
pub const EXCERPT_CHARS: usize = 160;
/// At most this many characters of a path.
const PATH_CHARS: usize = 200;
/// At most this many characters of a reason (serde's messages quote the value they met).
const REASON_CHARS: usize = 300;

/// The start of `text` for an error message: at most [`EXCERPT_CHARS`] characters (then
/// `…`), on one line, control characters escaped (see [`bounded`]).
///
/// ```
/// let e = linkedin_models::error::excerpt(b"a\nb\x1b]0;title\x07");
/// assert_eq!(e, "a\\nb\\u{1b}]0;title\\u{7}");
/// assert_eq!(linkedin_models::error::excerpt(&[b'x'; 1000]).chars().count(), 161);
/// ```
#[must_use]
pub fn excerpt(text: &[u8]) -> String {
    bounded(&String::from_utf8_lossy(text), EXCERPT_CHARS)
}

/// `text` on one line and at most `max` characters (then `…`): line breaks, tabs and every
/// other control character (C0, DEL, C1), the line and paragraph separators (U+2028, U+2029)
/// and the bidirectional overrides (U+202A to U+202E, U+2066 to U+2069) escaped as Rust
/// writes them (`\n`, `\t`, `\u{1b}`). The limit counts the escaped text.
#[must_use]
pub fn bounded(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max + 8));
    let mut count = 0;
    for c in text.chars() {
        let piece: String = if escaped(c) {
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

/// Whether a character is escaped in an error message: it could break the line or drive a
/// terminal.
fn escaped(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the answer held, the message is one line of bounded length, with no control
    /// character left.
    #[test]
    fn a_decode_error_is_one_bounded_line() {
        let huge = "x".repeat(1 << 20);
        let e = DecodeError {
            path: format!("/elements/0/{huge}"),
            reason: format!("invalid type: string \"{huge}\n\u{1b}]0;t\u{7}\", expected u64"),
            excerpt: format!("{huge}\r\n"),
        };
        let message = e.to_string();
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.chars().count() < 800, "{}", message.len());
        assert!(!message.chars().any(escaped), "{message}");
        let e = DecodeError::new(
            "/response/id",
            "not digits",
            "12\u{1b}[31m\u{202e}34\u{2028}",
        );
        assert_eq!(e.excerpt, "12\\u{1b}[31m\\u{202e}34\\u{2028}");
        assert_eq!(
            e.to_string(),
            "at /response/id: not digits (found: 12\\u{1b}[31m\\u{202e}34\\u{2028})"
        );
        // Cut at the limit, escapes counted, never inside one.
        assert_eq!(bounded("ab\ncd", 4), "ab\\n…");
        assert_eq!(bounded("ab\ncd", 3), "ab…");
        assert_eq!(bounded("abc", 3), "abc");
        assert_eq!(excerpt(&[0xff, b'a']), "\u{fffd}a");
    }
}
