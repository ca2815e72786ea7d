//! URNs: `urn:<namespace>:<entity-type>[:<entity-key>]`, with tuple keys `(part,part,…)`.
//!
//! The rules are those of LinkedIn's `com.linkedin.common.urn.Urn` and `TupleKey`: the
//! namespace is `[a-z][a-z0-9-]*` (at most 32 characters), the entity type
//! `[a-z][a-zA-Z0-9_]*`, and the key is either a single value or a parenthesised tuple split
//! on commas at parenthesis depth 1 only. There is no escaping inside a URN: characters such
//! as `= + ; & /` appear raw in keys, and parentheses must be balanced everywhere in the key.
//!
//! The grammar's pieces and the checks the parser and the constructors share are in `check`.

mod check;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use check::{
    Fail, PREFIX, check_entity_type, check_length, check_namespace, check_namespace_body,
    check_part, lower, segment, split_key, urn_prefix,
};

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
