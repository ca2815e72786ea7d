//! The pieces of the URN grammar (nom parsers for the header) and the checks the parser and
//! the constructors share, with Java's messages.

use nom::bytes::complete::{tag, take_till, take_while};
use nom::character::complete::satisfy;
use nom::combinator::recognize;
use nom::{IResult, Parser};

use crate::error::{Error, Syntax};

/// The longest URN accepted, in UTF-16 code units (as Java's `String.length()` counts).
const MAX_LEN: usize = 512;

/// The longest namespace accepted, in characters.
const MAX_NAMESPACE_LEN: usize = 32;

/// The text every URN starts with.
pub(super) const PREFIX: &str = "urn:";

/// A validation failure: the message and the byte offset of the offending character in the
/// text that was being checked.
pub(super) struct Fail {
    message: String,
    at: usize,
}

impl Fail {
    pub(super) fn new(message: impl Into<String>, at: usize) -> Self {
        Self {
            message: message.into(),
            at,
        }
    }

    /// Shifts the offset by `by` bytes (when the checked text was a slice of a larger input).
    pub(super) fn shift(self, by: usize) -> Self {
        Self {
            at: self.at + by,
            ..self
        }
    }

    pub(super) fn into_error(self, input: &str) -> Error {
        Error::at(Syntax::Urn, self.message, input, self.at)
    }
}

// ---------------------------------------------------------------------------------------------
// nom pieces for the header.

fn is_namespace_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// One `[a-z]`.
pub(super) fn lower(s: &str) -> IResult<&str, char> {
    satisfy(|c: char| c.is_ascii_lowercase()).parse(s)
}

/// The longest prefix of the form `[a-z][a-z0-9-]*`.
fn namespace_token(s: &str) -> IResult<&str, &str> {
    recognize((lower, take_while(is_namespace_char))).parse(s)
}

/// The longest prefix of the form `[a-z][a-zA-Z0-9_]*`.
fn entity_type_token(s: &str) -> IResult<&str, &str> {
    recognize((lower, take_while(is_word_char))).parse(s)
}

/// Everything up to the next `:` (or the end), and what follows (starting at the `:`).
pub(super) fn segment(s: &str) -> IResult<&str, &str> {
    take_till(|c: char| c == ':').parse(s)
}

/// The `urn:` prefix.
pub(super) fn urn_prefix(s: &str) -> IResult<&str, &str> {
    tag(PREFIX).parse(s)
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the parser and the constructors.

/// Checks the length limit on a whole URN text.
pub(super) fn check_length(text: &str) -> Result<(), Fail> {
    if text.len() <= MAX_LEN {
        return Ok(()); // UTF-16 units never outnumber UTF-8 bytes.
    }
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_LEN {
            return Err(Fail::new(
                format!("Urn is longer than the limit {MAX_LEN}"),
                i,
            ));
        }
    }
    Ok(())
}

/// Checks a namespace's characters and length, once its first character is known to be
/// `[a-z]` and it is known to be followed by a `:`.
pub(super) fn check_namespace_body(namespace: &str) -> Result<(), Fail> {
    if let Some((i, _)) = namespace.char_indices().nth(MAX_NAMESPACE_LEN) {
        return Err(Fail::new(
            format!("Namespace length > {MAX_NAMESPACE_LEN} chars"),
            i,
        ));
    }
    match namespace_token(namespace) {
        Ok(("", _)) => Ok(()),
        Ok((rest, _)) => Err(Fail::new(
            "Chars in namespace must be [a-z0-9-]!",
            namespace.len() - rest.len(),
        )),
        Err(_) => Err(Fail::new("First char of Urn namespace must be [a-z]!", 0)),
    }
}

/// Checks a standalone namespace (for the constructors).
pub(super) fn check_namespace(namespace: &str) -> Result<(), Fail> {
    if lower(namespace).is_err() {
        return Err(Fail::new("First char of Urn namespace must be [a-z]!", 0));
    }
    check_namespace_body(namespace)
}

/// Checks an entity type: `[a-z][a-zA-Z0-9_]*`.
pub(super) fn check_entity_type(entity_type: &str) -> Result<(), Fail> {
    match entity_type_token(entity_type) {
        Ok(("", _)) => Ok(()),
        Ok((rest, _)) => Err(Fail::new(
            "entityType must have only [a-zA-Z_0-9] chars",
            entity_type.len() - rest.len(),
        )),
        Err(_) => Err(Fail::new("First char of entityType must be [a-z]!", 0)),
    }
}

/// Checks that the parentheses of `s` are balanced; the error points at a `)` without a
/// partner or at the innermost `(` left open.
fn check_balanced(s: &str) -> Result<(), Fail> {
    let mut open = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' => open.push(i),
            b')' if open.pop().is_none() => {
                return Err(Fail::new("mismatched paren nesting", i));
            }
            _ => {}
        }
    }
    match open.last() {
        Some(&i) => Err(Fail::new("mismatched paren nesting", i)),
        None => Ok(()),
    }
}

/// Splits an entity key into part ranges (relative to `key`), for a non-empty key.
///
/// A key that does not start with `(` is a single part, which must have balanced parentheses.
/// A key that starts with `(` is a tuple: it must end with the matching `)`, and is split on
/// the commas at depth 1; no part may be empty.
pub(super) fn split_key(key: &str) -> Result<Vec<(usize, usize)>, Fail> {
    if !key.starts_with('(') {
        check_balanced(key)?;
        return Ok(vec![(0, key.len())]);
    }
    let mut parts = Vec::with_capacity(3);
    // Positions of the `(` still open; the first is the tuple's own.
    let mut open: Vec<usize> = Vec::new();
    let mut part_start = 1;
    let mut closed = false;
    for (i, b) in key.bytes().enumerate() {
        if closed {
            // The tuple's `)` was not the last character.
            return Err(if b == b')' {
                Fail::new("mismatched paren nesting", i)
            } else {
                Fail::new(
                    "unexpected characters after the closing ')' of the tuple key",
                    i,
                )
            });
        }
        match b {
            b'(' => open.push(i),
            b')' => {
                if open.pop().is_none() {
                    return Err(Fail::new("mismatched paren nesting", i));
                }
                if open.is_empty() {
                    if i == part_start {
                        return Err(Fail::new("empty part disallowed", i));
                    }
                    parts.push((part_start, i));
                    closed = true;
                }
            }
            b',' if open.len() == 1 => {
                if i == part_start {
                    return Err(Fail::new("empty part disallowed", i));
                }
                parts.push((part_start, i));
                part_start = i + 1;
            }
            _ => {}
        }
    }
    match open.last() {
        Some(&i) => Err(Fail::new("mismatched paren nesting", i)),
        None => Ok(parts),
    }
}

/// Checks one key part given to a constructor. `in_tuple` says whether it will be printed
/// inside parentheses, where a comma at depth 0 would split it.
pub(super) fn check_part(part: &str, in_tuple: bool) -> Result<(), Fail> {
    if part.is_empty() {
        return Err(Fail::new(
            if in_tuple {
                "empty part disallowed"
            } else {
                "Urns with empty entityKey are not allowed"
            },
            0,
        ));
    }
    check_balanced(part)?;
    if in_tuple {
        let mut depth = 0usize;
        for (i, b) in part.bytes().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => {
                    return Err(Fail::new(
                        "a tuple part must not contain a ',' outside parentheses",
                        i,
                    ));
                }
                _ => {}
            }
        }
    }
    Ok(())
}
