//! Rest.li projection masks: the `fields=` (and `metadataFields=`, `pagingFields=`) grammar.
//!
//! ```text
//! mask  = field { "," field }
//! field = ["-"] name                       ; include, or exclude with "-"
//!       | name ":(" mask ")"               ; sub-mask
//!       | ("$start" | "$count") ":" digits ; array range
//! name  = any characters except , : ( )    ; "$*" is the wildcard
//! ```
//!
//! Whitespace is insignificant anywhere, as in Rest.li's Java `URIMaskUtil`.

use std::fmt;
use std::str::FromStr;

use nom::Parser;
use nom::bytes::complete::take_till;
use nom::character::complete::{char, digit1};
use nom::combinator::opt;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::error::{Error, Syntax};

/// The name of the array-range entry giving the first element.
const START: &str = "$start";
/// The name of the array-range entry giving the number of elements.
const COUNT: &str = "$count";
/// How deep sub-masks may nest before the parser gives up.
const MAX_DEPTH: usize = 128;

const EXPECTED_PAREN: &str = "Malformed mask syntax: expected '(' token";
const RANGE_VALUE: &str = "Malformed mask syntax: unexpected range value";
const UNMATCHED: &str = "Malformed mask syntax: unmatched nesting";

/// A projection mask: which fields of a record a request wants back.
///
/// Entries keep their insertion order, and a name appears at most once (setting a name again
/// replaces its entry in place, as a map would). `Display` prints the canonical wire text, which
/// is sent raw (never percent-encoded) as the value of `fields=`; [`Mask::parse`] reads it back.
///
/// ```
/// use restli::{Mask, MaskEntry};
///
/// let mask = Mask::new()
///     .include("a")
///     .sub("b", Mask::new().sub("$*", Mask::new().include("c")).start(2).count(4));
/// assert_eq!(mask.to_string(), "a,b:($*:(c),$start:2,$count:4)");
///
/// let parsed: Mask = "a , b:( $*:(c), $start:2, $count :4)".parse()?;
/// assert_eq!(parsed, mask);
/// assert_eq!(parsed.get("a"), Some(&MaskEntry::Include));
/// # Ok::<(), restli::Error>(())
/// ```
///
/// With serde, a mask is the JSON mask form Rest.li uses in its Java API (`1` include, `0`
/// exclude, a nested object for a sub-mask, an integer under `$start`/`$count` for a range),
/// key order preserved:
///
/// ```
/// # use restli::Mask;
/// let mask: Mask = serde_json::from_str(r#"{"a": 1, "b": {"$*": 1, "c": 0}}"#)?;
/// assert_eq!(mask.to_string(), "a,b:($*,-c)");
/// assert_eq!(serde_json::to_string(&mask)?, r#"{"a":1,"b":{"$*":1,"c":0}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mask {
    entries: Vec<(String, MaskEntry)>,
}

/// What a [`Mask`] says about one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaskEntry {
    /// Include the field (`name`; `1` in JSON).
    Include,
    /// Exclude the field (`-name`; `0` in JSON).
    Exclude,
    /// Include the field, projected by a sub-mask (`name:(…)`).
    Sub(Mask),
    /// An array range value (`$start:2`, `$count:4`); only meaningful under the names `$start`
    /// and `$count`.
    Range(u32),
}

impl Mask {
    /// An empty mask (prints as the empty string).
    ///
    /// ```
    /// assert!(restli::Mask::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Parses the `fields=` text of a mask (already percent-decoded, if it came from a URL).
    ///
    /// Whitespace is ignored anywhere. The error messages are those of Rest.li's Java parser
    /// where it has one:
    ///
    /// ```
    /// use restli::Mask;
    ///
    /// let mask = Mask::parse("name,friends:($start:1,$count:2)")?;
    /// assert_eq!(mask, Mask::new().include("name").sub("friends", Mask::new().start(1).count(2)));
    ///
    /// let err = Mask::parse("a:($*,b:5)").unwrap_err();
    /// assert_eq!(err.message(), "Malformed mask syntax: expected '(' token");
    /// assert_eq!(err.offset(), Some(8));
    /// # Ok::<(), restli::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Syntax::Projection`] error, with the byte offset of the offending character, when the
    /// text is not a mask: a `:` not followed by `(` (`Malformed mask syntax: expected '(' token`),
    /// a bad `$start`/`$count` value (`… unexpected range value`), unbalanced parentheses
    /// (`… unmatched nesting`), an empty field name, or nesting deeper than 128 levels.
    pub fn parse(input: &str) -> Result<Self, Error> {
        let compact = Compact::new(input, |i| i);
        let text = compact.text.as_str();
        let fail = |rest: &str, message: &str| {
            Error::at(
                Syntax::Projection,
                message,
                input,
                compact.offset(text, rest),
            )
        };
        match mask_body(text, 0) {
            Ok(("", mask)) => Ok(mask),
            // `mask_body` stops only at the end or at a `)`: here, one too many.
            Ok((rest, _)) => Err(fail(rest, UNMATCHED)),
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(fail(e.rest, e.message)),
            Err(nom::Err::Incomplete(_)) => Err(fail("", "Malformed mask syntax: incomplete")),
        }
    }

    /// Adds `name` as included (`name`).
    #[must_use]
    pub fn include(mut self, name: impl Into<String>) -> Self {
        self.insert(name, MaskEntry::Include);
        self
    }

    /// Adds `name` as excluded (`-name`).
    #[must_use]
    pub fn exclude(mut self, name: impl Into<String>) -> Self {
        self.insert(name, MaskEntry::Exclude);
        self
    }

    /// Adds `name` with a sub-mask (`name:(…)`). Use `"$*"` for every element of an array or
    /// every value of a map.
    #[must_use]
    pub fn sub(mut self, name: impl Into<String>, mask: Mask) -> Self {
        self.insert(name, MaskEntry::Sub(mask));
        self
    }

    /// Sets the array range start (`$start:n`).
    #[must_use]
    pub fn start(mut self, n: u32) -> Self {
        self.insert(START, MaskEntry::Range(n));
        self
    }

    /// Sets the array range count (`$count:n`).
    #[must_use]
    pub fn count(mut self, n: u32) -> Self {
        self.insert(COUNT, MaskEntry::Range(n));
        self
    }

    /// Sets the entry for `name`, replacing an existing one in place (its position is kept), and
    /// returns the entry it replaced.
    ///
    /// ```
    /// use restli::{Mask, MaskEntry};
    ///
    /// let mut mask = Mask::new().include("a").include("b");
    /// assert_eq!(mask.insert("a", MaskEntry::Exclude), Some(MaskEntry::Include));
    /// assert_eq!(mask.to_string(), "-a,b");
    /// ```
    pub fn insert(&mut self, name: impl Into<String>, entry: MaskEntry) -> Option<MaskEntry> {
        let name = name.into();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => Some(std::mem::replace(old, entry)),
            None => {
                self.entries.push((name, entry));
                None
            }
        }
    }

    /// The entries, in order.
    #[must_use]
    pub fn entries(&self) -> &[(String, MaskEntry)] {
        &self.entries
    }

    /// The entry for `name`, if there is one.
    ///
    /// ```
    /// use restli::{Mask, MaskEntry};
    ///
    /// let mask = Mask::parse("a,b:(c),-d,$count:3")?;
    /// assert_eq!(mask.get("d"), Some(&MaskEntry::Exclude));
    /// assert_eq!(mask.get("$count"), Some(&MaskEntry::Range(3)));
    /// assert_eq!(mask.get("b"), Some(&MaskEntry::Sub(Mask::new().include("c"))));
    /// assert_eq!(mask.get("c"), None);
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&MaskEntry> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, e)| e)
    }

    /// The number of entries at this level.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the mask has no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl FromStr for Mask {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

/// The canonical wire text: `a,b:($*:(c),$start:2,$count:4)`, `-a` for an exclusion.
///
/// It parses back to an equal mask as long as every name is one the grammar can carry: not
/// empty, without whitespace or `, : ( )`, and (for included names) not starting with `-`.
impl fmt::Display for Mask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, entry)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match entry {
                MaskEntry::Include => f.write_str(name)?,
                MaskEntry::Exclude => write!(f, "-{name}")?,
                MaskEntry::Sub(mask) => write!(f, "{name}:({mask})")?,
                MaskEntry::Range(n) => write!(f, "{name}:{n}")?,
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// A text with its whitespace removed, remembering where each byte was in the caller's input.
pub(crate) struct Compact {
    /// The text without whitespace.
    pub(crate) text: String,
    /// For each byte of `text`, then for its end, the byte offset in the caller's input.
    origin: Vec<usize>,
}

impl Compact {
    /// Removes the whitespace of `source`; `origin(i)` gives the offset in the caller's input of
    /// byte `i` of `source` (for `i` up to and including `source.len()`).
    pub(crate) fn new(source: &str, origin: impl Fn(usize) -> usize) -> Self {
        let mut text = String::with_capacity(source.len());
        let mut map = Vec::with_capacity(source.len() + 1);
        for (i, c) in source.char_indices() {
            if !c.is_whitespace() {
                text.push(c);
                map.extend((i..i + c.len_utf8()).map(&origin));
            }
        }
        map.push(origin(source.len()));
        Self { text, origin: map }
    }

    /// The offset in the caller's input of `rest`, a suffix of `text` (which is `self.text`).
    pub(crate) fn offset(&self, text: &str, rest: &str) -> usize {
        let i = text.len().saturating_sub(rest.len());
        self.origin
            .get(i)
            .or(self.origin.last())
            .copied()
            .unwrap_or_default()
    }
}

/// A parse failure: the message, and the input left where it happened.
#[derive(Debug)]
pub(crate) struct Fail<'a> {
    pub(crate) rest: &'a str,
    pub(crate) message: &'static str,
}

impl<'a> nom::error::ParseError<&'a str> for Fail<'a> {
    fn from_error_kind(rest: &'a str, _: nom::error::ErrorKind) -> Self {
        Self {
            rest,
            message: "unexpected input",
        }
    }

    fn append(_: &'a str, _: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
}

pub(crate) type PResult<'a, T> = nom::IResult<&'a str, T, Fail<'a>>;

/// A hard failure (no backtracking) at `rest`.
pub(crate) fn fail<'a, T>(rest: &'a str, message: &'static str) -> PResult<'a, T> {
    Err(nom::Err::Failure(Fail { rest, message }))
}

/// Whether `c` ends a name.
fn is_special(c: char) -> bool {
    matches!(c, ',' | ':' | '(' | ')')
}

/// `[field {"," field}]`, up to the end of the input or a `)`, which is left in place.
fn mask_body(mut input: &str, depth: usize) -> PResult<'_, Mask> {
    let mut mask = Mask::new();
    if input.is_empty() || input.starts_with(')') {
        return Ok((input, mask));
    }
    loop {
        let (rest, (name, entry)) = field(input, depth)?;
        mask.insert(name, entry);
        if let Ok((rest, _)) = char::<_, Fail>(',').parse(rest) {
            input = rest;
        } else if rest.is_empty() || rest.starts_with(')') {
            return Ok((rest, mask));
        } else if rest.starts_with('(') {
            return fail(rest, "Malformed mask syntax: unexpected '(' token");
        } else {
            return fail(rest, "Malformed mask syntax: expected ',' token");
        }
    }
}

/// One entry: `["-"] name`, `name ":(" mask ")"` or `("$start" | "$count") ":" digits`.
fn field(input: &str, depth: usize) -> PResult<'_, (String, MaskEntry)> {
    let (after_sign, minus) = opt(char('-')).parse(input)?;
    let (after_name, name) = take_till(is_special).parse(after_sign)?;
    let Ok((value, _)) = char::<_, Fail>(':').parse(after_name) else {
        if name.is_empty() {
            return fail(after_name, "Malformed mask syntax: empty field name");
        }
        let entry = if minus.is_some() {
            MaskEntry::Exclude
        } else {
            MaskEntry::Include
        };
        return Ok((after_name, (name.to_owned(), entry)));
    };
    if value.is_empty() {
        return fail(
            value,
            "Malformed mask syntax: unexpected end of buffer after ':'",
        );
    }
    if name == START || name == COUNT {
        if minus.is_some() {
            return fail(
                input,
                "Malformed mask syntax: a range value cannot be excluded",
            );
        }
        let Ok((rest, digits)) = digit1::<_, Fail>(value) else {
            return fail(value, RANGE_VALUE);
        };
        if !(rest.is_empty() || rest.starts_with([',', ')'])) {
            return fail(rest, RANGE_VALUE);
        }
        let Ok(n) = digits.parse::<u32>() else {
            return fail(value, RANGE_VALUE);
        };
        return Ok((rest, (name.to_owned(), MaskEntry::Range(n))));
    }
    let open = value;
    let Ok((inner, _)) = char::<_, Fail>('(').parse(open) else {
        return fail(open, EXPECTED_PAREN);
    };
    if name.is_empty() {
        return fail(after_sign, "Malformed mask syntax: empty parent field name");
    }
    if minus.is_some() {
        return fail(
            input,
            "Malformed mask syntax: a sub-mask cannot be excluded",
        );
    }
    if depth >= MAX_DEPTH {
        return fail(
            open,
            "Malformed mask syntax: nesting deeper than 128 levels",
        );
    }
    let (rest, sub) = mask_body(inner, depth + 1)?;
    let Ok((rest, _)) = char::<_, Fail>(')').parse(rest) else {
        return fail(open, UNMATCHED);
    };
    Ok((rest, (name.to_owned(), MaskEntry::Sub(sub))))
}

// ---------------------------------------------------------------------------------------------
// Serde: the JSON mask form.

impl Serialize for Mask {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, entry) in &self.entries {
            match entry {
                MaskEntry::Include => map.serialize_entry(name, &1u8)?,
                MaskEntry::Exclude => map.serialize_entry(name, &0u8)?,
                MaskEntry::Sub(mask) => map.serialize_entry(name, mask)?,
                MaskEntry::Range(n) => map.serialize_entry(name, n)?,
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Mask {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MaskVisitor)
    }
}

struct MaskVisitor;

impl<'de> Visitor<'de> for MaskVisitor {
    type Value = Mask;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a projection mask (a map of field names to 1, 0, an integer range or a mask)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Mask, A::Error> {
        let mut mask = Mask::new();
        while let Some(name) = map.next_key::<String>()? {
            let entry = match map.next_value::<JsonValue>()? {
                JsonValue::Mask(sub) => MaskEntry::Sub(sub),
                JsonValue::Int(n) if name == START || name == COUNT => {
                    let n = u32::try_from(n)
                        .map_err(|_| de::Error::custom(format_args!("{name} out of range: {n}")))?;
                    MaskEntry::Range(n)
                }
                JsonValue::Int(1) => MaskEntry::Include,
                JsonValue::Int(0) => MaskEntry::Exclude,
                JsonValue::Int(n) => {
                    return Err(de::Error::custom(format_args!(
                        "invalid mask value {n} for {name:?}: expected 1, 0 or a mask"
                    )));
                }
            };
            mask.insert(name, entry);
        }
        Ok(mask)
    }
}

/// A value in the JSON mask form, before its key says what it means.
enum JsonValue {
    Int(i128),
    Mask(Mask),
}

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonValueVisitor)
    }
}

struct JsonValueVisitor;

impl<'de> Visitor<'de> for JsonValueVisitor {
    type Value = JsonValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("1, 0, an integer range value or a nested mask")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<JsonValue, E> {
        Ok(JsonValue::Int(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<JsonValue, E> {
        Ok(JsonValue::Int(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<JsonValue, E> {
        Ok(JsonValue::Int(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<JsonValue, E> {
        i128::try_from(v)
            .map(JsonValue::Int)
            .map_err(|_| E::custom("mask value out of range"))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonValue, A::Error> {
        MaskVisitor.visit_map(map).map(JsonValue::Mask)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> Error {
        Mask::parse(input).unwrap_err()
    }

    fn sample() -> Mask {
        Mask::new().include("a").sub(
            "b",
            Mask::new()
                .sub("$*", Mask::new().include("c"))
                .start(2)
                .count(4),
        )
    }

    #[test]
    fn include_and_exclude() {
        let m = Mask::parse("aaa,-bbb,$*").unwrap();
        let expected = [
            ("aaa".to_owned(), MaskEntry::Include),
            ("bbb".to_owned(), MaskEntry::Exclude),
            ("$*".to_owned(), MaskEntry::Include),
        ];
        assert_eq!(m.entries(), &expected[..]);
        // A repeated name replaces the earlier entry in place.
        let m = Mask::parse("$*,a,-$*").unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m.to_string(), "-$*,a");
    }

    #[test]
    fn sub_masks_and_ranges() {
        let m = Mask::parse("a,b:($*:(c),$start:2,$count:4)").unwrap();
        assert_eq!(m, sample());
        let deep = Mask::parse("a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))").unwrap();
        assert_eq!(deep.to_string(), "a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))");
        assert_eq!(
            Mask::parse("a:()").unwrap(),
            Mask::new().sub("a", Mask::new())
        );
        assert_eq!(
            Mask::parse("$start:007").unwrap(),
            Mask::new().start(7),
            "leading zeros are fine"
        );
        assert_eq!(
            Mask::parse("$start").unwrap(),
            Mask::new().include("$start")
        );
        assert_eq!(
            Mask::parse("$count:4294967295").unwrap(),
            Mask::new().count(u32::MAX)
        );
    }

    #[test]
    fn whitespace_is_insignificant() {
        let m = Mask::parse(" a ,\tb : ( $*:(c), $start : 2,$count :4 )\n").unwrap();
        assert_eq!(m, sample());
        assert_eq!(Mask::parse("fi rst").unwrap(), Mask::new().include("first"));
        assert_eq!(Mask::parse("- a").unwrap(), Mask::new().exclude("a"));
        assert_eq!(Mask::parse("").unwrap(), Mask::new());
        assert_eq!(Mask::parse(" \t").unwrap(), Mask::new());
    }

    #[test]
    fn names_take_any_other_character() {
        let m = Mask::parse("a-b,é,x.y$z,--c").unwrap();
        assert_eq!(
            m,
            Mask::new()
                .include("a-b")
                .include("é")
                .include("x.y$z")
                .exclude("-c")
        );
    }

    #[test]
    fn expected_paren() {
        for (input, at) in [("a:($*,:2)", 7), ("a:($*,b:5)", 8), ("a:b", 2), ("a: x", 3)] {
            let e = err(input);
            assert_eq!(e.message(), EXPECTED_PAREN, "{input}");
            assert_eq!(e.offset(), Some(at), "{input}");
            assert_eq!(e.syntax(), Syntax::Projection);
        }
    }

    #[test]
    fn range_values() {
        for (input, at) in [
            ("a:($*,$start:-10)", 13),
            ("a:($*,$count:xyz)", 13),
            ("a:($*,$start:1yz)", 14),
            ("$start:(a)", 7),
            ("$count:99999999999", 7),
        ] {
            let e = err(input);
            assert_eq!(e.message(), RANGE_VALUE, "{input}");
            assert_eq!(e.offset(), Some(at), "{input}");
        }
        assert_eq!(
            err("-$start:1").message(),
            "Malformed mask syntax: a range value cannot be excluded"
        );
        let e = err("a,$start:");
        assert_eq!(
            e.message(),
            "Malformed mask syntax: unexpected end of buffer after ':'"
        );
        assert_eq!(e.offset(), Some(9));
    }

    #[test]
    fn unmatched_nesting() {
        for (input, at) in [
            ("a:(b", 2),
            ("a:(b:(c)", 2),
            ("a:(b:(c", 5),
            ("a)", 1),
            ("a:(b))", 5),
            (")", 0),
        ] {
            let e = err(input);
            assert_eq!(e.message(), UNMATCHED, "{input}");
            assert_eq!(e.offset(), Some(at), "{input}");
        }
    }

    #[test]
    fn other_errors() {
        let cases = [
            ("a,,b", 2, "Malformed mask syntax: empty field name"),
            ("a,", 2, "Malformed mask syntax: empty field name"),
            ("-", 1, "Malformed mask syntax: empty field name"),
            (":(a)", 0, "Malformed mask syntax: empty parent field name"),
            (
                "-a:(b)",
                0,
                "Malformed mask syntax: a sub-mask cannot be excluded",
            ),
            ("a(b)", 1, "Malformed mask syntax: unexpected '(' token"),
            ("a:(b)c", 5, "Malformed mask syntax: expected ',' token"),
        ];
        for (input, at, message) in cases {
            let e = err(input);
            assert_eq!(e.message(), message, "{input}");
            assert_eq!(e.offset(), Some(at), "{input}");
        }
    }

    #[test]
    fn offsets_count_the_whitespace_removed() {
        let e = err("a : ( $* ,  b :  5 )");
        assert_eq!(e.message(), EXPECTED_PAREN);
        assert_eq!(e.offset(), Some(17));
        assert_eq!(
            e.to_string(),
            "invalid projection: Malformed mask syntax: expected '(' token, at byte 17: a : ( $* ,  b :  →5 )"
        );
    }

    #[test]
    fn depth_is_limited() {
        let nested = |levels: usize| format!("{}x{}", "a:(".repeat(levels), ")".repeat(levels));
        let ok = Mask::parse(&nested(MAX_DEPTH)).unwrap();
        assert_eq!(ok.to_string(), nested(MAX_DEPTH));
        let e = err(&nested(MAX_DEPTH + 1));
        assert_eq!(
            e.message(),
            "Malformed mask syntax: nesting deeper than 128 levels"
        );
        assert_eq!(e.offset(), Some(3 * MAX_DEPTH + 2));
        // Far deeper input fails just as cleanly.
        assert!(Mask::parse(&"a:(".repeat(100_000)).is_err());
        assert!(Mask::parse(&")".repeat(100_000)).is_err());
    }

    #[test]
    fn builder_and_accessors() {
        let mut m = sample();
        assert_eq!(m.to_string(), "a,b:($*:(c),$start:2,$count:4)");
        assert_eq!(m.get("a"), Some(&MaskEntry::Include));
        let Some(MaskEntry::Sub(b)) = m.get("b") else {
            panic!("b is a sub-mask")
        };
        assert_eq!(b.get("$start"), Some(&MaskEntry::Range(2)));
        assert_eq!(b.get("$count"), Some(&MaskEntry::Range(4)));
        assert_eq!(m.insert("a", MaskEntry::Exclude), Some(MaskEntry::Include));
        assert_eq!(m.insert("z", MaskEntry::Include), None);
        assert_eq!(m.to_string(), "-a,b:($*:(c),$start:2,$count:4),z");
        assert_eq!(
            "a,b".parse::<Mask>().unwrap(),
            Mask::new().include("a").include("b")
        );
        assert!(Mask::default().is_empty());
    }

    #[test]
    fn round_trips() {
        for text in [
            "aaa,bbb,ccc",
            "-aaa,-bbb,-ccc",
            "$*",
            "-$*",
            "a,b:($*,-c)",
            "a:($*:($*,-e),b:(c:(-d))),e:(f:(-g))",
            "a,b:($*:(c),$start:2,$count:4)",
            "array_field:($*:(field1,field2),$start:10,$count:15)",
            "map_field:($*:(field1),key1:(field2),key2:(field3))",
            "a:(),b",
            "",
        ] {
            let m = Mask::parse(text).unwrap();
            assert_eq!(m.to_string(), text);
            assert_eq!(Mask::parse(&m.to_string()).unwrap(), m);
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<Mask>(&json).unwrap(), m, "{json}");
        }
    }

    #[test]
    fn serde_json_form() {
        let m = sample();
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"a":1,"b":{"$*":{"c":1},"$start":2,"$count":4}}"#);
        // Key order is kept, not sorted.
        let m: Mask = serde_json::from_str(r#"{"z":1,"a":0,"m":{"y":1,"b":1}}"#).unwrap();
        assert_eq!(m.to_string(), "z,-a,m:(y,b)");
        // Under `$start`/`$count`, 0 and 1 are range values.
        let m: Mask = serde_json::from_str(r#"{"$start":0,"$count":1}"#).unwrap();
        assert_eq!(m, Mask::new().start(0).count(1));
        // A repeated key replaces the earlier value in place.
        let m: Mask = serde_json::from_str(r#"{"a":1,"b":1,"a":0}"#).unwrap();
        assert_eq!(m.to_string(), "-a,b");
    }

    #[test]
    fn serde_rejects_other_shapes() {
        for json in [
            r#"[1]"#,
            r#""a""#,
            r#"{"a":2}"#,
            r#"{"a":-1}"#,
            r#"{"a":true}"#,
            r#"{"a":"1"}"#,
            r#"{"a":1.0}"#,
            r#"{"a":null}"#,
            r#"{"a":[1]}"#,
            r#"{"$start":-1}"#,
            r#"{"$count":4294967296}"#,
            r#"{"a":{"b":{"c":"x"}}}"#,
        ] {
            assert!(serde_json::from_str::<Mask>(json).is_err(), "{json}");
        }
    }
}
