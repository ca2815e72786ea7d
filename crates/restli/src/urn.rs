//! URNs: `urn:<namespace>:<entity-type>[:<entity-key>]`, with tuple keys `(part,part,…)`.
//!
//! The rules are those of LinkedIn's `com.linkedin.common.urn.Urn` and `TupleKey`: the
//! namespace is `[a-z][a-z0-9-]*` (at most 32 characters), the entity type
//! `[a-z][a-zA-Z0-9_]*`, and the key is either a single value or a parenthesised tuple split
//! on commas at parenthesis depth 1 only. There is no escaping inside a URN: characters such
//! as `= + ; & /` appear raw in keys, and parentheses must be balanced everywhere in the key.

use std::fmt;
use std::str::FromStr;

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
const PREFIX: &str = "urn:";

/// A URN such as `urn:li:fsd_profile:ACoAAB…` or
/// `urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB…,2-YWIzN==)`.
///
/// A `Urn` is always valid and holds its canonical text, which is what [`Display`](fmt::Display),
/// [`as_str`](Urn::as_str) and serde serialization produce. The canonical text is the input
/// unchanged, except that a one-part tuple written with parentheses prints without them
/// (`urn:li:y:(urn:li:z:1)` → `urn:li:y:urn:li:z:1`), as Java does. Two URNs are equal when
/// their canonical texts are, and they are ordered by their canonical texts.
///
/// ```
/// use restli::Urn;
///
/// let urn: Urn = "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)".parse()?;
/// assert_eq!(urn.namespace(), "li");
/// assert_eq!(urn.entity_type(), "msg_conversation");
/// assert_eq!(urn.parts().collect::<Vec<_>>(), ["urn:li:fsd_profile:ACoAAB", "2-YWIzN=="]);
///
/// // The first part is the mailbox, itself a URN.
/// let mailbox = urn.nested(0).expect("a profile URN");
/// assert_eq!(mailbox.entity_type(), "fsd_profile");
/// assert_eq!(mailbox.id(), "ACoAAB");
/// # Ok::<(), restli::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Urn {
    /// The canonical text.
    text: String,
    /// Byte offset of the `:` that ends the namespace.
    namespace_end: usize,
    /// Byte offset where the entity type ends (the `:` before the key, or the end of the text).
    type_end: usize,
    /// Byte ranges of the key's parts in `text`; empty when there is no key.
    parts: Vec<(usize, usize)>,
}

/// A validation failure: the message and the byte offset of the offending character in the
/// text that was being checked.
struct Fail {
    message: String,
    at: usize,
}

impl Fail {
    fn new(message: impl Into<String>, at: usize) -> Self {
        Self {
            message: message.into(),
            at,
        }
    }

    /// Shifts the offset by `by` bytes (when the checked text was a slice of a larger input).
    fn shift(self, by: usize) -> Self {
        Self {
            at: self.at + by,
            ..self
        }
    }

    fn into_error(self, input: &str) -> Error {
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
fn lower(s: &str) -> IResult<&str, char> {
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
fn segment(s: &str) -> IResult<&str, &str> {
    take_till(|c: char| c == ':').parse(s)
}

/// The `urn:` prefix.
fn urn_prefix(s: &str) -> IResult<&str, &str> {
    tag(PREFIX).parse(s)
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the parser and the constructors.

/// Checks the length limit on a whole URN text.
fn check_length(text: &str) -> Result<(), Fail> {
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
fn check_namespace_body(namespace: &str) -> Result<(), Fail> {
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
fn check_namespace(namespace: &str) -> Result<(), Fail> {
    if lower(namespace).is_err() {
        return Err(Fail::new("First char of Urn namespace must be [a-z]!", 0));
    }
    check_namespace_body(namespace)
}

/// Checks an entity type: `[a-z][a-zA-Z0-9_]*`.
fn check_entity_type(entity_type: &str) -> Result<(), Fail> {
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
fn split_key(key: &str) -> Result<Vec<(usize, usize)>, Fail> {
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
fn check_part(part: &str, in_tuple: bool) -> Result<(), Fail> {
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

// ---------------------------------------------------------------------------------------------

impl Urn {
    /// Parses a URN.
    ///
    /// The error's [`message`](Error::message) is Java's (`First char of entityType must be
    /// [a-z]!`, `mismatched paren nesting`, …) and its [`offset`](Error::offset) the byte
    /// offset of the offending character (the end of the input when something is missing).
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::parse("urn:li:fsd_profile:ACoAAB")?;
    /// assert_eq!((urn.entity_type(), urn.id()), ("fsd_profile", "ACoAAB"));
    ///
    /// // A one-part tuple loses its parentheses.
    /// assert_eq!(Urn::parse("urn:li:y:(urn:li:z:1)")?.as_str(), "urn:li:y:urn:li:z:1");
    ///
    /// let err = Urn::parse("urn:li:example:(a,,b)").unwrap_err();
    /// assert_eq!(err.message(), "empty part disallowed");
    /// assert_eq!(err.offset(), Some(18));
    /// # Ok::<(), restli::Error>(())
    /// ```
    pub fn parse(s: &str) -> Result<Self, Error> {
        Self::parse_inner(s).map_err(|fail| fail.into_error(s))
    }

    fn parse_inner(s: &str) -> Result<Self, Fail> {
        let Ok((rest, _)) = urn_prefix(s) else {
            let at = s
                .bytes()
                .zip(PREFIX.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            return Err(Fail::new("Urn doesn't start with 'urn:'", at));
        };
        check_length(s)?;
        let offset = |rest: &str| s.len() - rest.len();

        // Namespace.
        if lower(rest).is_err() {
            return Err(Fail::new(
                "First char of Urn namespace must be [a-z]!",
                offset(rest),
            ));
        }
        let (rest, namespace) = segment(rest).map_err(|_| Fail::new("unreachable", 0))?;
        if rest.is_empty() {
            return Err(Fail::new("Missing second ':' char", s.len()));
        }
        check_namespace_body(namespace).map_err(|f| f.shift(PREFIX.len()))?;
        let namespace_end = offset(rest);
        let rest = &rest[1..]; // The ':' found by `segment`.

        // Entity type.
        let type_start = offset(rest);
        if lower(rest).is_err() {
            return Err(Fail::new(
                "First char of entityType must be [a-z]!",
                type_start,
            ));
        }
        let (rest, entity_type) = segment(rest).map_err(|_| Fail::new("unreachable", 0))?;
        check_entity_type(entity_type).map_err(|f| f.shift(type_start))?;
        let type_end = offset(rest);
        if rest.is_empty() {
            return Ok(Self {
                text: s.to_owned(),
                namespace_end,
                type_end,
                parts: Vec::new(),
            });
        }

        // Entity key.
        let key_start = type_end + 1;
        let key = &s[key_start..];
        if key.is_empty() {
            return Err(Fail::new(
                "Urns with empty entityKey are not allowed",
                s.len(),
            ));
        }
        let parts = split_key(key).map_err(|f| f.shift(key_start))?;
        match parts.as_slice() {
            // `(p)` prints as `p`, unless `p` itself starts with `(`: then the parentheses
            // stay, or the printed text would parse back as a different tuple.
            &[(start, end)] if start == 1 && !key[start..end].starts_with('(') => Ok(Self {
                text: format!("{}{}", &s[..key_start], &key[start..end]),
                namespace_end,
                type_end,
                parts: vec![(key_start, key_start + end - start)],
            }),
            _ => Ok(Self {
                text: s.to_owned(),
                namespace_end,
                type_end,
                parts: parts
                    .into_iter()
                    .map(|(a, b)| (a + key_start, b + key_start))
                    .collect(),
            }),
        }
    }

    /// A URN in the `li` namespace with a single-part key (`urn:li:<entity_type>:<id>`).
    ///
    /// `id` is taken verbatim (no escaping); it must be non-empty and have balanced
    /// parentheses. An `id` that starts with `(` is printed inside an extra pair of
    /// parentheses, so that it parses back as one part.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::new("fsd_profile", "ACoAAB")?;
    /// assert_eq!(urn.to_string(), "urn:li:fsd_profile:ACoAAB");
    /// assert!(Urn::new("fsd_profile", "").is_err());
    /// # Ok::<(), restli::Error>(())
    /// ```
    pub fn new(entity_type: &str, id: &str) -> Result<Self, Error> {
        Self::with_namespace("li", entity_type, &[id])
    }

    /// A URN in the `li` namespace whose key is the tuple `parts`, printed
    /// `urn:li:<entity_type>:(<part>,<part>,…)`.
    ///
    /// With one part this is [`Urn::new`]; with none, the URN has no key (`urn:li:<type>`).
    /// Parts are taken verbatim: each must be non-empty, have balanced parentheses and (when
    /// printed inside the tuple's parentheses) no comma outside parentheses, since there is no
    /// escaping that would let such a part round-trip.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::from_parts("msg_conversation", &["urn:li:fsd_profile:ACoAAB", "2-YWIzN=="])?;
    /// assert_eq!(urn.as_str(), "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)");
    ///
    /// let err = Urn::from_parts("example", &["a", ""]).unwrap_err();
    /// assert_eq!(err.message(), "empty part disallowed");
    /// assert!(Urn::from_parts("example", &["a,b", "c"]).is_err());
    /// # Ok::<(), restli::Error>(())
    /// ```
    pub fn from_parts(entity_type: &str, parts: &[&str]) -> Result<Self, Error> {
        Self::with_namespace("li", entity_type, parts)
    }

    /// A URN in any namespace: `urn:<namespace>:<entity_type>[:<key>]`, the key built from
    /// `parts` as in [`Urn::from_parts`].
    ///
    /// Errors carry the offending argument as their input: [`offset`](Error::offset) is a
    /// byte offset into that namespace, entity type or part.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::with_namespace("my-ns", "thing", &["1", "2"])?;
    /// assert_eq!(urn.as_str(), "urn:my-ns:thing:(1,2)");
    ///
    /// let err = Urn::with_namespace("li", "fsd-profile", &["1"]).unwrap_err();
    /// assert_eq!(err.message(), "entityType must have only [a-zA-Z_0-9] chars");
    /// assert_eq!(err.offset(), Some(3));
    /// # Ok::<(), restli::Error>(())
    /// ```
    pub fn with_namespace(
        namespace: &str,
        entity_type: &str,
        parts: &[&str],
    ) -> Result<Self, Error> {
        check_namespace(namespace).map_err(|f| f.into_error(namespace))?;
        check_entity_type(entity_type).map_err(|f| f.into_error(entity_type))?;
        let wrap = match parts {
            [] => false,
            [only] => only.starts_with('('),
            _ => true,
        };
        for part in parts {
            check_part(part, wrap).map_err(|f| f.into_error(part))?;
        }

        let key_len: usize = parts.iter().map(|p| p.len() + 1).sum::<usize>() + 2;
        let mut text =
            String::with_capacity(PREFIX.len() + namespace.len() + entity_type.len() + key_len);
        text.push_str(PREFIX);
        text.push_str(namespace);
        let namespace_end = text.len();
        text.push(':');
        text.push_str(entity_type);
        let type_end = text.len();
        let mut ranges = Vec::with_capacity(parts.len());
        if !parts.is_empty() {
            text.push(':');
            if wrap {
                text.push('(');
            }
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    text.push(',');
                }
                ranges.push((text.len(), text.len() + part.len()));
                text.push_str(part);
            }
            if wrap {
                text.push(')');
            }
        }
        check_length(&text).map_err(|f| f.into_error(&text))?;
        Ok(Self {
            text,
            namespace_end,
            type_end,
            parts: ranges,
        })
    }

    /// The namespace, almost always `li`.
    ///
    /// ```
    /// assert_eq!(restli::Urn::parse("urn:li:fsd_profile:1")?.namespace(), "li");
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn namespace(&self) -> &str {
        self.text
            .get(PREFIX.len()..self.namespace_end)
            .unwrap_or_default()
    }

    /// The entity type, such as `fsd_profile` or `msg_conversation`.
    ///
    /// ```
    /// assert_eq!(restli::Urn::parse("urn:li:fsd_profile:1")?.entity_type(), "fsd_profile");
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn entity_type(&self) -> &str {
        self.text
            .get(self.namespace_end + 1..self.type_end)
            .unwrap_or_default()
    }

    /// The entity key as printed: `ACoAAB` for a single key, `(a,b,c)` for a tuple, and
    /// empty when the URN has no key.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// assert_eq!(Urn::parse("urn:li:fsd_profile:ACoAAB")?.id(), "ACoAAB");
    /// assert_eq!(Urn::parse("urn:li:example:(1,2,3)")?.id(), "(1,2,3)");
    /// assert_eq!(Urn::parse("urn:li:foo")?.id(), "");
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        if self.parts.is_empty() {
            return "";
        }
        self.text.get(self.type_end + 1..).unwrap_or_default()
    }

    /// The key's parts, in order: one for a single key, none when there is no key.
    ///
    /// Parts are borrowed from the URN's text, verbatim (there is no escaping to undo).
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::parse("urn:li:example:(foo,bar(zoo,moo))")?;
    /// assert_eq!(urn.parts().collect::<Vec<_>>(), ["foo", "bar(zoo,moo)"]);
    /// # Ok::<(), restli::Error>(())
    /// ```
    pub fn parts(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator {
        self.parts
            .iter()
            .map(|&(a, b)| self.text.get(a..b).unwrap_or_default())
    }

    /// Part `i` of the key, if there is one.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::parse("urn:li:ts_hiring_project:(urn:li:ts_contract:123,456)")?;
    /// assert_eq!(urn.part(1), Some("456"));
    /// assert_eq!(urn.part(2), None);
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn part(&self, i: usize) -> Option<&str> {
        let &(a, b) = self.parts.get(i)?;
        self.text.get(a..b)
    }

    /// How many parts the key has: 0 without a key, 1 for a single key.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// assert_eq!(Urn::parse("urn:li:example:(1,2,3)")?.part_count(), 3);
    /// assert_eq!(Urn::parse("urn:li:foo")?.part_count(), 0);
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn part_count(&self) -> usize {
        self.parts.len()
    }

    /// Whether the key is printed as a parenthesised tuple (two parts or more, or one part
    /// that itself starts with `(`).
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// assert!(Urn::parse("urn:li:example:(1,2)")?.is_tuple());
    /// assert!(!Urn::parse("urn:li:y:(urn:li:z:1)")?.is_tuple());
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn is_tuple(&self) -> bool {
        self.id().starts_with('(')
    }

    /// Part `i` parsed as a URN, when it is one.
    ///
    /// ```
    /// use restli::Urn;
    ///
    /// let urn = Urn::parse("urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAA,SEARCH_SRP,DEFAULT)")?;
    /// assert_eq!(urn.nested(0), Some(Urn::new("fsd_profile", "ACoAA")?));
    /// assert_eq!(urn.nested(1), None);
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn nested(&self, i: usize) -> Option<Urn> {
        Self::parse(self.part(i)?).ok()
    }

    /// The canonical text, the same as [`Display`](fmt::Display) prints.
    ///
    /// ```
    /// let urn = restli::Urn::parse("urn:li:page:d_flagship3_feed;pgqTqBMRQMyo6x+fJLpGiw==")?;
    /// assert_eq!(urn.as_str(), "urn:li:page:d_flagship3_feed;pgqTqBMRQMyo6x+fJLpGiw==");
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Urn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for Urn {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for Urn {
    type Error = Error;

    fn try_from(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

impl AsRef<str> for Urn {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl From<Urn> for String {
    fn from(urn: Urn) -> Self {
        urn.text
    }
}

/// Serializes as the canonical text.
impl serde::Serialize for Urn {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Deserializes from a string, which must be a valid URN.
impl<'de> serde::Deserialize<'de> for Urn {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        impl serde::de::Visitor<'_> for Visitor {
            type Value = Urn;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a URN string")
            }

            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Urn, E> {
                Urn::parse(s).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> Error {
        match Urn::parse(s) {
            Ok(urn) => panic!("{s:?} parsed as {urn:?}"),
            Err(e) => e,
        }
    }

    fn assert_err(s: &str, message: &str, offset: usize) {
        let e = err(s);
        assert!(
            e.message().contains(message),
            "{s:?}: {:?} does not contain {message:?}",
            e.message()
        );
        assert_eq!(e.offset(), Some(offset), "{s:?}: {e}");
        assert_eq!(e.syntax(), Syntax::Urn);
    }

    fn parts(urn: &Urn) -> Vec<&str> {
        urn.parts().collect()
    }

    #[test]
    fn single_key() {
        let urn = Urn::parse("urn:li:fsd_profile:ACoAAB").unwrap();
        assert_eq!(urn.namespace(), "li");
        assert_eq!(urn.entity_type(), "fsd_profile");
        assert_eq!(urn.id(), "ACoAAB");
        assert_eq!(parts(&urn), ["ACoAAB"]);
        assert_eq!(urn.part_count(), 1);
        assert!(!urn.is_tuple());
        assert_eq!(urn.part(0), Some("ACoAAB"));
        assert_eq!(urn.part(1), None);
        assert_eq!(urn.nested(0), None);
        assert_eq!(urn.as_str(), "urn:li:fsd_profile:ACoAAB");
    }

    #[test]
    fn no_key() {
        let urn = Urn::parse("urn:li:foo").unwrap();
        assert_eq!(urn.entity_type(), "foo");
        assert_eq!(urn.id(), "");
        assert_eq!(urn.part_count(), 0);
        assert_eq!(urn.parts().next(), None);
        assert!(!urn.is_tuple());
        assert_eq!(urn.to_string(), "urn:li:foo");
    }

    #[test]
    fn raw_characters_stay_raw() {
        for key in [
            "d_flagship3_feed;pgqTqBMRQMyo6x+fJLpGiw==",
            "a/b&c=d",
            "x:y:z",
            "héllo wörld",
            "a,b",
            "f(x,y)",
        ] {
            let text = format!("urn:li:page:{key}");
            let urn = Urn::parse(&text).unwrap();
            assert_eq!(parts(&urn), [key]);
            assert_eq!(urn.to_string(), text);
        }
    }

    #[test]
    fn tuples_split_at_depth_one_only() {
        let urn = Urn::parse("urn:li:example:(foo,bar(zoo,moo))").unwrap();
        assert_eq!(parts(&urn), ["foo", "bar(zoo,moo)"]);
        assert!(urn.is_tuple());
        assert_eq!(urn.id(), "(foo,bar(zoo,moo))");

        let urn = Urn::parse("urn:li:example:(1,2,3)").unwrap();
        assert_eq!(parts(&urn), ["1", "2", "3"]);
        assert_eq!(urn.parts().rev().collect::<Vec<_>>(), ["3", "2", "1"]);
        assert_eq!(urn.parts().len(), 3);

        let urn = Urn::parse("urn:li:x:((a,b),(c))").unwrap();
        assert_eq!(parts(&urn), ["(a,b)", "(c)"]);
    }

    #[test]
    fn one_part_tuple_prints_without_parens() {
        let urn = Urn::parse("urn:li:y:(urn:li:z:1)").unwrap();
        assert_eq!(urn.to_string(), "urn:li:y:urn:li:z:1");
        assert_eq!(urn.id(), "urn:li:z:1");
        assert_eq!(parts(&urn), ["urn:li:z:1"]);
        assert!(!urn.is_tuple());
        assert_eq!(urn, Urn::parse("urn:li:y:urn:li:z:1").unwrap());
        assert_eq!(urn.nested(0).unwrap().as_str(), "urn:li:z:1");
    }

    #[test]
    fn one_part_tuple_starting_with_paren_keeps_its_parens() {
        // Printing `((a,b))` as `(a,b)` would parse back as two parts.
        let urn = Urn::parse("urn:li:y:((a,b))").unwrap();
        assert_eq!(urn.to_string(), "urn:li:y:((a,b))");
        assert_eq!(parts(&urn), ["(a,b)"]);
        assert!(urn.is_tuple());
        let built = Urn::new("y", "(a,b)").unwrap();
        assert_eq!(built, urn);
        assert_eq!(Urn::parse(built.as_str()).unwrap(), built);
    }

    #[test]
    fn nested_urns() {
        let urn = Urn::parse(
            "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAA,SEARCH_SRP,DEFAULT)",
        )
        .unwrap();
        assert_eq!(
            parts(&urn),
            ["urn:li:fsd_profile:ACoAA", "SEARCH_SRP", "DEFAULT"]
        );
        let profile = urn.nested(0).unwrap();
        assert_eq!(profile.entity_type(), "fsd_profile");
        assert_eq!(profile.id(), "ACoAA");
        assert_eq!(urn.nested(1), None);
        assert_eq!(urn.nested(3), None);

        let conv =
            Urn::parse("urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)").unwrap();
        assert_eq!(conv.nested(0).unwrap().id(), "ACoAAB");
        assert_eq!(conv.part(1), Some("2-YWIzN=="));

        // A nested URN that is itself a tuple.
        let deep = Urn::parse("urn:li:a:(urn:li:b:(urn:li:c:1,2),3)").unwrap();
        assert_eq!(parts(&deep), ["urn:li:b:(urn:li:c:1,2)", "3"]);
        let b = deep.nested(0).unwrap();
        assert_eq!(parts(&b), ["urn:li:c:1", "2"]);
        assert_eq!(b.nested(0).unwrap().id(), "1");
    }

    #[test]
    fn other_namespaces() {
        let urn = Urn::parse("urn:my-ns2:thing:1").unwrap();
        assert_eq!(urn.namespace(), "my-ns2");
        let ns32 = "a".repeat(32);
        assert!(Urn::parse(&format!("urn:{ns32}:x:1")).is_ok());
        assert_err(
            &format!("urn:{ns32}b:x:1"),
            "Namespace length > 32 chars",
            36,
        );
    }

    #[test]
    fn header_errors() {
        assert_err("", "Urn doesn't start with 'urn:'", 0);
        assert_err("urx:li:x:1", "Urn doesn't start with 'urn:'", 2);
        assert_err("URN:li:x:1", "Urn doesn't start with 'urn:'", 0);
        assert_err("urn", "Urn doesn't start with 'urn:'", 3);
        assert_err("urn:", "First char of Urn namespace must be [a-z]!", 4);
        assert_err(
            "urn:Li:member:1",
            "First char of Urn namespace must be [a-z]!",
            4,
        );
        assert_err("urn::x:1", "First char of Urn namespace must be [a-z]!", 4);
        assert_err("urn:li", "Missing second ':' char", 6);
        assert_err("urn:l.i", "Missing second ':' char", 7);
        assert_err("urn:l_i:x:1", "Chars in namespace must be [a-z0-9-]!", 5);
        assert_err("urn:lé:x:1", "Chars in namespace must be [a-z0-9-]!", 5);
        assert_err("urn:li:", "First char of entityType must be [a-z]!", 7);
        assert_err(
            "urn:li:Member:1",
            "First char of entityType must be [a-z]!",
            7,
        );
        assert_err("urn:li:_x:1", "First char of entityType must be [a-z]!", 7);
        assert_err(
            "urn:li:fsd-profile:1",
            "entityType must have only [a-zA-Z_0-9] chars",
            10,
        );
        assert_err(
            "urn:li:foo bar",
            "entityType must have only [a-zA-Z_0-9] chars",
            10,
        );
        assert_err(
            "urn:li:fooé:1",
            "entityType must have only [a-zA-Z_0-9] chars",
            10,
        );
        assert_err(
            "urn:li:fsd_profile:",
            "Urns with empty entityKey are not allowed",
            19,
        );
        assert_err("urn:li:x:", "Urns with empty entityKey are not allowed", 9);
    }

    #[test]
    fn key_errors() {
        assert_err("urn:li:example:(,foo)", "empty part disallowed", 16);
        assert_err("urn:li:example:(a,,b)", "empty part disallowed", 18);
        assert_err("urn:li:example:(a,)", "empty part disallowed", 18);
        assert_err("urn:li:example:()", "empty part disallowed", 16);
        assert_err("urn:li:example:(,,)", "empty part disallowed", 16);
        assert_err("urn:li:example:(a,(b)", "mismatched paren nesting", 15);
        assert_err("urn:li:example:(a,((b)", "mismatched paren nesting", 18);
        assert_err("urn:li:example:a)b(", "mismatched paren nesting", 16);
        assert_err("urn:li:example:a(b", "mismatched paren nesting", 16);
        assert_err("urn:li:example:(a", "mismatched paren nesting", 15);
        assert_err("urn:li:example:(a))", "mismatched paren nesting", 18);
        assert_err("urn:li:example:(a,b))", "mismatched paren nesting", 20);
        assert_err("urn:li:example:(a,b)c", "after the closing ')'", 20);
        assert_err("urn:li:example:(a)(b,c)", "after the closing ')'", 18);
    }

    #[test]
    fn length_limit() {
        let head = "urn:li:x:";
        let ok = format!("{head}{}", "a".repeat(512 - head.len()));
        assert!(Urn::parse(&ok).is_ok());
        let long = format!("{ok}a");
        assert_err(&long, "Urn is longer than the limit 512", 512);
        // Counted in UTF-16 units like Java: 'é' is two bytes but one unit.
        let wide = format!("{head}{}", "é".repeat(512 - head.len()));
        assert!(wide.len() > 512);
        assert!(Urn::parse(&wide).is_ok());
        // Huge inputs fail fast instead of being scanned.
        let huge = format!("{head}{}", "(".repeat(1 << 20));
        assert_err(&huge, "Urn is longer than the limit 512", 512);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "urn:",
            "urn:l",
            "urn:l:",
            "urn:l:x",
            "urn:l:x:",
            "urn:l:x:(",
            "urn:l:x:)",
            "urn:l:x:,",
            "urn:l:x:(,",
            "urn:l:x:(é,ü)",
            "urn:é",
            "urn:li:é",
            "urn:li:x:é",
            "urn:li:x:\u{0}",
            "\u{feff}urn:li:x:1",
            "é",
        ] {
            let _ = Urn::parse(s);
        }
        let urn = Urn::parse("urn:l:x:(é,ü)").unwrap();
        assert_eq!(parts(&urn), ["é", "ü"]);
    }

    #[test]
    fn round_trip() {
        for s in [
            "urn:li:foo",
            "urn:li:fsd_profile:ACoAAB",
            "urn:li:example:(1,2,3)",
            "urn:li:example:(foo,bar(zoo,moo))",
            "urn:li:y:(urn:li:z:1)",
            "urn:li:y:((a,b))",
            "urn:li:y:((a),b)",
            "urn:li:y:a,b",
            "urn:li:y:f(a,b)",
            "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWIzN==)",
            "urn:x-y:z:(é,(ü,ö))",
        ] {
            let urn = Urn::parse(s).unwrap();
            let printed = urn.to_string();
            let again = Urn::parse(&printed).unwrap();
            assert_eq!(again, urn, "{s}");
            assert_eq!(again.to_string(), urn.to_string());
            let rebuilt =
                Urn::with_namespace(urn.namespace(), urn.entity_type(), &parts(&urn)).unwrap();
            assert_eq!(rebuilt, urn, "{s}");
        }
    }

    #[test]
    fn constructors() {
        let urn = Urn::new("fsd_profile", "ACoAAB").unwrap();
        assert_eq!(urn.as_str(), "urn:li:fsd_profile:ACoAAB");
        assert_eq!(urn, Urn::parse("urn:li:fsd_profile:ACoAAB").unwrap());

        let urn = Urn::from_parts("example", &["1", "2", "3"]).unwrap();
        assert_eq!(urn.as_str(), "urn:li:example:(1,2,3)");
        assert_eq!(parts(&urn), ["1", "2", "3"]);
        assert_eq!(urn, Urn::parse("urn:li:example:(1,2,3)").unwrap());

        let urn = Urn::from_parts("y", &["urn:li:z:1"]).unwrap();
        assert_eq!(urn.as_str(), "urn:li:y:urn:li:z:1");
        let urn = Urn::from_parts("foo", &[]).unwrap();
        assert_eq!(urn.as_str(), "urn:li:foo");
        assert_eq!(urn.part_count(), 0);

        // A single key may hold a top-level comma: it is not split when parsed back.
        let urn = Urn::new("y", "a,b").unwrap();
        assert_eq!(parts(&Urn::parse(urn.as_str()).unwrap()), ["a,b"]);

        let urn = Urn::with_namespace("x-1", "t", &["a"]).unwrap();
        assert_eq!(urn.as_str(), "urn:x-1:t:a");
    }

    #[test]
    fn constructor_errors() {
        fn check(r: Result<Urn, Error>, message: &str, offset: usize) {
            let e = r.unwrap_err();
            assert!(e.message().contains(message), "{e}");
            assert_eq!(e.offset(), Some(offset), "{e}");
        }
        check(
            Urn::new("fsd_profile", ""),
            "Urns with empty entityKey are not allowed",
            0,
        );
        check(Urn::new("Member", "1"), "First char of entityType", 0);
        check(Urn::new("", "1"), "First char of entityType", 0);
        check(Urn::new("a:b", "1"), "entityType must have only", 1);
        check(Urn::new("x", "a)("), "mismatched paren nesting", 1);
        check(Urn::new("x", "(a),b"), "outside parentheses", 3);
        check(Urn::from_parts("x", &["a", ""]), "empty part disallowed", 0);
        check(
            Urn::from_parts("x", &["a,b", "c"]),
            "outside parentheses",
            1,
        );
        check(
            Urn::from_parts("x", &["a", "(b"]),
            "mismatched paren nesting",
            0,
        );
        check(
            Urn::with_namespace("Li", "x", &["1"]),
            "First char of Urn namespace",
            0,
        );
        check(
            Urn::with_namespace("", "x", &["1"]),
            "First char of Urn namespace",
            0,
        );
        check(
            Urn::with_namespace("l:i", "x", &["1"]),
            "Chars in namespace must be [a-z0-9-]!",
            1,
        );
        check(
            Urn::with_namespace(&"a".repeat(33), "x", &["1"]),
            "Namespace length > 32 chars",
            32,
        );
        check(
            Urn::new("x", &"a".repeat(600)),
            "Urn is longer than the limit 512",
            512,
        );
        // Parts with a comma inside parentheses are fine.
        assert!(Urn::from_parts("x", &["f(a,b)", "c"]).is_ok());
    }

    #[test]
    fn traits() {
        let s = "urn:li:example:(1,2)";
        let a: Urn = s.parse().unwrap();
        let b = Urn::try_from(s).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.as_ref(), s);
        assert_eq!(String::from(a.clone()), s);
        assert!(Urn::parse("urn:li:a:1").unwrap() < Urn::parse("urn:li:b:1").unwrap());
        let set: std::collections::HashSet<Urn> = [a.clone(), b].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert!("nope".parse::<Urn>().is_err());
    }

    #[test]
    fn serde_as_string() {
        let urn = Urn::parse("urn:li:y:(urn:li:z:1)").unwrap();
        let json = serde_json::to_string(&urn).unwrap();
        assert_eq!(json, r#""urn:li:y:urn:li:z:1""#);
        let back: Urn = serde_json::from_str(&json).unwrap();
        assert_eq!(back, urn);

        let owned: Vec<Urn> =
            serde_json::from_value(serde_json::json!(["urn:li:a:1", "urn:li:b:(1,2)"])).unwrap();
        assert_eq!(owned[1].part(1), Some("2"));

        let e = serde_json::from_str::<Urn>(r#""urn:li:x:(a,,b)""#).unwrap_err();
        assert!(e.to_string().contains("empty part disallowed"), "{e}");
        let e = serde_json::from_str::<Urn>("12").unwrap_err();
        assert!(e.to_string().contains("a URN string"), "{e}");
    }
}
