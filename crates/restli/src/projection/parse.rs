//! Reading a mask's wire text, with Rest.li's Java messages: nom parsers over the text with
//! its whitespace removed ([`Compact`]), offsets mapped back to the caller's input.

use std::str::FromStr;

use nom::Parser;
use nom::bytes::complete::take_till;
use nom::character::complete::{char, digit1};
use nom::combinator::opt;

use super::{COUNT, Mask, MaskEntry, START};
use crate::error::{Error, Syntax};

/// How deep sub-masks may nest before the parser gives up.
pub(super) const MAX_DEPTH: usize = 128;

pub(super) const EXPECTED_PAREN: &str = "Malformed mask syntax: expected '(' token";

pub(super) const RANGE_VALUE: &str = "Malformed mask syntax: unexpected range value";

pub(super) const UNMATCHED: &str = "Malformed mask syntax: unmatched nesting";

impl Mask {
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
}

impl FromStr for Mask {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

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
