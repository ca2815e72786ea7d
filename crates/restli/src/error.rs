//! The one error type of the crate: what went wrong, where, and a short excerpt of the input.

use std::fmt;

/// Which grammar an [`Error`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Syntax {
    /// A Rest.li 2.0 value in URL form (query parameter values, path keys).
    Value,
    /// A Rest.li 2.0 value in reduced form (headers and body keys).
    ReducedValue,
    /// A query string (`a=...&b=...`).
    Query,
    /// A `fields=` projection mask.
    Projection,
    /// A Voyager `decoration=` projection.
    Decoration,
    /// A URN (`urn:li:<type>:<id>`).
    Urn,
    /// A Rust value given to the serde serializer.
    Serialize,
}

impl Syntax {
    fn describe(self) -> &'static str {
        match self {
            Self::Value => "invalid Rest.li value",
            Self::ReducedValue => "invalid reduced Rest.li value",
            Self::Query => "invalid query string",
            Self::Projection => "invalid projection",
            Self::Decoration => "invalid decoration",
            Self::Urn => "invalid URN",
            Self::Serialize => "cannot encode as Rest.li",
        }
    }
}

/// An error from parsing or encoding Rest.li text.
///
/// [`message`](Error::message) is the bare reason (for the value decoder, the exact text a
/// Rest.li Java server gives, such as `expected ':' but found ')' (column 6)`), and
/// [`offset`](Error::offset) the byte offset in the input where the problem is. `Display`
/// puts both on one line together with an excerpt of the input, an arrow marking the spot:
///
/// ```
/// let err = restli::from_str("(a:b,c)").unwrap_err();
/// assert_eq!(err.message(), "expected ':' but found ')' (column 6)");
/// assert_eq!(err.offset(), Some(6));
/// assert_eq!(
///     err.to_string(),
///     "invalid Rest.li value: expected ':' but found ')' (column 6), at byte 6: (a:b,c→)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    syntax: Syntax,
    message: String,
    offset: Option<usize>,
    excerpt: String,
}

impl Error {
    /// An error at `offset` bytes into `input`.
    pub(crate) fn at(
        syntax: Syntax,
        message: impl Into<String>,
        input: &str,
        offset: usize,
    ) -> Self {
        Self {
            syntax,
            message: message.into(),
            offset: Some(offset),
            excerpt: excerpt(input, offset),
        }
    }

    /// An error that is not tied to a position (for example from the serializer).
    pub(crate) fn new(syntax: Syntax, message: impl Into<String>) -> Self {
        Self {
            syntax,
            message: message.into(),
            offset: None,
            excerpt: String::new(),
        }
    }

    /// Which grammar the error comes from.
    #[must_use]
    pub fn syntax(&self) -> Syntax {
        self.syntax
    }

    /// The reason, without position or excerpt.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The byte offset in the input where the problem was found, when there is one.
    #[must_use]
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// A short, single-line excerpt of the input around [`offset`](Error::offset), with `→`
    /// marking the spot; empty when there is no position.
    #[must_use]
    pub fn excerpt(&self) -> &str {
        &self.excerpt
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.syntax.describe(), self.message)?;
        if let Some(offset) = self.offset {
            write!(f, ", at byte {offset}: {}", self.excerpt)?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl serde::ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(Syntax::Serialize, msg.to_string())
    }
}

/// How many bytes of context the excerpt keeps on each side of the offset.
const CONTEXT: usize = 24;

/// Cuts a one-line excerpt of `input` around `offset`, with `→` at the offset and `…` where
/// the input was cut. Control characters are escaped so the excerpt stays on one line.
fn excerpt(input: &str, offset: usize) -> String {
    let offset = floor_char_boundary(input, offset.min(input.len()));
    let start = floor_char_boundary(input, offset.saturating_sub(CONTEXT));
    let end = floor_char_boundary(input, (offset + CONTEXT).min(input.len()));
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    out.extend(input[start..offset].chars().flat_map(char::escape_debug));
    out.push('→');
    out.extend(input[offset..end].chars().flat_map(char::escape_debug));
    if end < input.len() {
        out.push('…');
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_marks_the_offset_and_cuts_long_input() {
        let input = format!("{}X{}", "a".repeat(40), "b".repeat(40));
        let e = excerpt(&input, 40);
        assert_eq!(e, format!("…{}→X{}…", "a".repeat(24), "b".repeat(23)));
    }

    #[test]
    fn excerpt_stays_on_one_line_and_on_char_boundaries() {
        assert_eq!(excerpt("a\nb", 2), "a\\n→b");
        // Offset 2 falls inside 'é' (bytes 1..3): the marker moves to the character's start.
        assert_eq!(excerpt("xéy", 2), "x→éy");
        assert_eq!(excerpt("", 0), "→");
    }

    #[test]
    fn display_has_no_position_when_there_is_none() {
        let e = Error::new(Syntax::Serialize, "a map key must be a string");
        assert_eq!(
            e.to_string(),
            "cannot encode as Rest.li: a map key must be a string"
        );
        assert_eq!(e.offset(), None);
    }
}
