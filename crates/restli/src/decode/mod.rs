//! The decoder, written with nom: URL form (what a Rest.li server accepts in a query value or
//! a path key) and reduced form (headers, body keys).
//!
//! Each grammar rule is a nom parser function (`&str` in, [`IResult`] out); their bodies test
//! bytes instead of combining `char`, `opt` and `alt`, because on token-dense input the
//! combinators' failed attempts (an error built and thrown away for every non-empty list and
//! map) cost more than the parse itself.
//!
//! It follows rest.li's Java `URIElementParser`: structure is read from the raw `( ) , :`
//! characters and the `List(` prefix, then each leaf is percent-decoded. Errors carry the
//! Java server's exact message and the byte offset. Nesting is bounded by [`MAX_DEPTH`], so no
//! input can exhaust the stack.
//!
//! Finding where a string token ends and undoing its escapes is `token`'s work, eight bytes
//! at a time.

mod token;

use std::borrow::Cow;

use nom::IResult;
use nom::error::{ErrorKind, ParseError};

use crate::{Error, Map, Syntax, Text, Value};
use token::{is_grammar, percent_decode, raw_token, unescape_reserved};

/// How deeply lists and maps may nest before the decoder gives up.
pub const MAX_DEPTH: usize = 128;

/// Decodes Rest.li text in URL form: a query parameter value, or a complex key in a path.
///
/// Every leaf comes back as a string. The empty input is an error, as on a Rest.li server.
///
/// ```
/// let v = restli::from_str("(start:0,query:(keywords:air%20india),filters:List(F,S))").unwrap();
/// assert_eq!(v.get("query").and_then(|q| q.get("keywords")).and_then(|k| k.as_str()), Some("air india"));
/// assert_eq!(serde_json::to_string(&v).unwrap(),
///     r#"{"start":"0","query":{"keywords":"air india"},"filters":["F","S"]}"#);
///
/// let err = restli::from_str("List(a,,b)").unwrap_err();
/// assert_eq!(err.message(), "unexpected token: ',' (column 7) at start of element");
/// ```
///
/// # Errors
///
/// A [`Syntax::Value`] error when the text is not exactly one well-formed value, or a `%`
/// is not followed by two hexadecimal digits.
pub fn from_str(input: &str) -> Result<Value, Error> {
    decode(input, Leaf::Url)
}

/// Decodes a path segment the way a Rest.li server reads a resource key: a compound or
/// complex key (`(a:1,b:2)`) is parsed like [`from_str`]; any other segment is a simple key,
/// only percent-decoded, so a raw `urn:li:fsd_profile:ACoAAB` and its escaped form
/// `urn%3Ali%3Afsd_profile%3AACoAAB` are the same key.
///
/// ```
/// use restli::{from_str_path, Value};
/// assert_eq!(from_str_path("urn:li:fsd_profile:ACoAAB").unwrap(), Value::from("urn:li:fsd_profile:ACoAAB"));
/// assert_eq!(from_str_path("urn%3Ali%3Afsd_profile%3AACoAAB").unwrap(), Value::from("urn:li:fsd_profile:ACoAAB"));
/// assert_eq!(from_str_path("(followerID:1,followeeID:3)").unwrap().get("followeeID"), Some(&Value::from("3")));
/// ```
///
/// # Errors
///
/// A [`Syntax::Value`] error for a malformed compound key or a malformed `%` escape.
pub fn from_str_path(segment: &str) -> Result<Value, Error> {
    if segment.starts_with('(') {
        return from_str(segment);
    }
    let mut scratch = Vec::new();
    match percent_decode(segment, &mut scratch) {
        Ok(bytes) => Ok(Value::String(Text::from_utf8_lossy(bytes))),
        Err((index, digit)) => {
            let fail = Fail {
                remaining: segment.len(),
                offset: Some(index),
                problem: Problem::MalformedOctet(digit),
            };
            Err(Error::at(
                Syntax::Value,
                fail.message(index),
                segment,
                index,
            ))
        }
    }
}

/// Decodes Rest.li text in reduced form (an `X-RestLi-Id` header, a compound key in a JSON
/// body), as LinkedIn's clients do: only `%28 %29 %2C %3A %27` are unescaped and other `%XX`
/// stay as they are; spaces and non-ASCII arrive raw. An empty input is the empty string.
///
/// ```
/// let v = restli::from_str_reduced("urn%3Ali%3Atest%3Afoo bar").unwrap();
/// assert_eq!(v.as_str(), Some("urn:li:test:foo bar"));
/// ```
///
/// # Errors
///
/// A [`Syntax::ReducedValue`] error when the structure is malformed.
pub fn from_str_reduced(input: &str) -> Result<Value, Error> {
    if input.is_empty() {
        return Ok(Value::String(Text::default()));
    }
    decode(input, Leaf::Reduced)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Url,
    Reduced,
}

fn decode(input: &str, leaf: Leaf) -> Result<Value, Error> {
    let syntax = match leaf {
        Leaf::Url => Syntax::Value,
        Leaf::Reduced => Syntax::ReducedValue,
    };
    let mut parser = Decoder {
        input,
        leaf,
        items: Vec::new(),
        entries: Vec::new(),
        scratch: Vec::new(),
    };
    let fail = |e: Fail| {
        let offset = input.len() - e.remaining;
        Error::at(syntax, e.message(offset), input, e.offset.unwrap_or(offset))
    };
    match parser.element(input, 0) {
        Ok(("", value)) => Ok(value),
        Ok((rest, _)) => Err(fail(Fail::new(
            rest,
            Problem::LeftOver(found(rest).into_owned()),
        ))),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(fail(e)),
        Err(nom::Err::Incomplete(_)) => Err(fail(Fail::new("", Problem::End))),
    }
}

/// What the parser found where it expected something else: a grammar token or the raw text of
/// a string token.
fn found(rest: &str) -> Cow<'_, str> {
    match rest.as_bytes().first() {
        Some(b'(' | b')' | b',' | b':') => Cow::Borrowed(&rest[..1]),
        _ => {
            let end = rest.find(is_grammar).unwrap_or(rest.len());
            if &rest[..end] == "List" && rest[end..].starts_with('(') {
                Cow::Borrowed("List(")
            } else {
                Cow::Borrowed(&rest[..end])
            }
        }
    }
}

/// Why parsing stopped.
#[derive(Debug)]
enum Problem {
    End,
    AtStartOfElement(String),
    ExpectedString(String),
    Expected(char, String),
    LeftOver(String),
    MalformedOctet(Option<char>),
    TooDeep,
    Nom(ErrorKind),
}

/// A parse failure: the problem and where it is (`remaining` bytes before the end of input,
/// or an explicit offset for percent-escapes inside a token).
#[derive(Debug)]
struct Fail {
    remaining: usize,
    offset: Option<usize>,
    problem: Problem,
}

impl Fail {
    fn new(rest: &str, problem: Problem) -> Self {
        Self {
            remaining: rest.len(),
            offset: None,
            problem,
        }
    }

    fn message(&self, column: usize) -> String {
        match &self.problem {
            Problem::End => "unexpected end of input".to_owned(),
            Problem::AtStartOfElement(t) => {
                format!("unexpected token: '{t}' (column {column}) at start of element")
            }
            Problem::ExpectedString(t) => {
                format!("expected string token, found grammar token: '{t}' (column {column})")
            }
            Problem::Expected(c, t) => format!("expected '{c}' but found '{t}' (column {column})"),
            Problem::LeftOver(t) => format!(
                "tokens left over after parsing; first excess token: '{t}' (column {column})"
            ),
            Problem::MalformedOctet(None) => format!(
                "Malformed percent-encoded octet at index {}",
                self.offset.unwrap_or(column)
            ),
            Problem::MalformedOctet(Some(c)) => format!(
                "Malformed percent-encoded octet at index {}, invalid hexadecimal digit '{c}'",
                self.offset.unwrap_or(column)
            ),
            Problem::TooDeep => format!("nesting deeper than {MAX_DEPTH} levels"),
            Problem::Nom(kind) => format!("unexpected input ({})", kind.description()),
        }
    }
}

impl ParseError<&str> for Fail {
    fn from_error_kind(input: &str, kind: ErrorKind) -> Self {
        Self::new(input, Problem::Nom(kind))
    }

    fn append(_: &str, _: ErrorKind, other: Self) -> Self {
        other
    }
}

type Res<'a, T> = IResult<&'a str, T, Fail>;

#[cold]
#[inline(never)]
fn failure<T>(rest: &str, problem: Problem) -> Res<'_, T> {
    Err(nom::Err::Failure(Fail::new(rest, problem)))
}

struct Decoder<'a> {
    input: &'a str,
    leaf: Leaf,
    /// Elements of the lists being parsed, innermost last.
    items: Vec<Value>,
    /// Entries of the maps being parsed, innermost last.
    entries: Vec<(Text, Value)>,
    /// Bytes of the leaf being percent-decoded.
    scratch: Vec<u8>,
}

impl<'a> Decoder<'a> {
    /// `element = map | list | string`.
    fn element(&mut self, i: &'a str, depth: usize) -> Res<'a, Value> {
        if depth > MAX_DEPTH {
            return failure(i, Problem::TooDeep);
        }
        match i.as_bytes().first() {
            None => failure(i, Problem::End),
            Some(b'(') => self.map(&i[1..], depth + 1),
            Some(b')' | b',' | b':') => failure(i, Problem::AtStartOfElement(i[..1].to_owned())),
            Some(_) => self.string_or_list(i, depth),
        }
    }

    /// An element inside a list or map: most are string leaves, parsed right here; maps,
    /// lists and errors go through [`element`](Self::element).
    #[inline(always)]
    fn child(&mut self, i: &'a str, depth: usize) -> Res<'a, Value> {
        match i.as_bytes().first() {
            Some(b'(' | b')' | b',' | b':') | None => self.element(i, depth),
            Some(_) if depth > MAX_DEPTH => self.element(i, depth),
            Some(_) => self.string_or_list(i, depth),
        }
    }

    /// A string token at `i`, or `List(` and the rest of the list.
    #[inline(always)]
    fn string_or_list(&mut self, i: &'a str, depth: usize) -> Res<'a, Value> {
        let (rest, text) = self.string(i)?;
        // `List` is only a list when `(` follows, which is rare: test that first.
        if rest.starts_with('(') && text == "List" {
            self.list(&rest[1..], depth + 1)
        } else {
            Ok((rest, Value::String(text)))
        }
    }

    /// After `List(`: `[element {"," element}] ")"`. Elements gather on a shared stack and
    /// move into a vector of exactly the right size when the list closes (`split_off`: one
    /// allocation and one copy, where `drain(..).collect()` moved them one by one).
    fn list(&mut self, i: &'a str, depth: usize) -> Res<'a, Value> {
        let base = self.items.len();
        let mut i = i;
        match i.strip_prefix(')') {
            Some(rest) => i = rest,
            None => loop {
                let (rest, item) = self.child(i, depth)?;
                self.items.push(item);
                let (rest, more) = self.separator(rest)?;
                i = rest;
                if !more {
                    break;
                }
            },
        }
        let items = self.items.split_off(base);
        Ok((i, Value::List(items)))
    }

    /// After `(`: `[key ":" element {"," key ":" element}] ")"`, gathered like a list's.
    fn map(&mut self, i: &'a str, depth: usize) -> Res<'a, Value> {
        let base = self.entries.len();
        let mut i = i;
        match i.strip_prefix(')') {
            Some(rest) => i = rest,
            None => loop {
                let (rest, key) = self.key(i)?;
                let Some(rest) = rest.strip_prefix(':') else {
                    return self.expected(rest, ':');
                };
                let (rest, value) = self.child(rest, depth)?;
                self.entries.push((key, value));
                let (rest, more) = self.separator(rest)?;
                i = rest;
                if !more {
                    break;
                }
            },
        }
        let entries = self.entries.split_off(base);
        Ok((i, Value::Map(Map::from_entries(entries))))
    }

    /// After an element inside a list or map: `,` (more to come) or `)` (the end); both are
    /// consumed.
    #[inline(always)]
    fn separator(&self, i: &'a str) -> Res<'a, bool> {
        // The hottest parser of all: a byte test instead of `alt((char(','), char(')')))`.
        match i.as_bytes().first() {
            Some(b',') => Ok((&i[1..], true)),
            Some(b')') => Ok((&i[1..], false)),
            _ => self.expected(i, ')'),
        }
    }

    fn key(&mut self, i: &'a str) -> Res<'a, Text> {
        match i.as_bytes().first() {
            None => failure(i, Problem::End),
            Some(b'(' | b')' | b',' | b':') => {
                failure(i, Problem::ExpectedString(i[..1].to_owned()))
            }
            Some(_) => {
                let (rest, text) = self.string(i)?;
                if rest.starts_with('(') && text == "List" {
                    return failure(i, Problem::ExpectedString("List(".to_owned()));
                }
                Ok((rest, text))
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn expected<T>(&self, i: &'a str, want: char) -> Res<'a, T> {
        if i.is_empty() {
            failure(i, Problem::End)
        } else {
            failure(i, Problem::Expected(want, found(i).into_owned()))
        }
    }

    /// A string token (`i` starts with one) and its text: `''` is the empty string;
    /// otherwise the raw text, percent-decoded (URL form) or with the five reserved escapes
    /// undone (reduced form) when it holds a `%`.
    #[inline(always)]
    fn string(&mut self, i: &'a str) -> Res<'a, Text> {
        let (rest, (raw, percent)) = raw_token(i);
        if !percent {
            let text = if raw == "''" {
                Text::default()
            } else {
                Text::new(raw)
            };
            return Ok((rest, text));
        }
        let text = self.unescape(raw, i)?;
        Ok((rest, text))
    }

    /// The text of a string token `raw` (at the start of `at`) that holds a `%`.
    #[inline(never)]
    fn unescape(&mut self, raw: &'a str, at: &'a str) -> Result<Text, nom::Err<Fail>> {
        match self.leaf {
            Leaf::Url => {
                let bytes = percent_decode(raw, &mut self.scratch).map_err(|(index, digit)| {
                    nom::Err::Failure(Fail {
                        remaining: at.len(),
                        offset: Some(self.input.len() - at.len() + index),
                        problem: Problem::MalformedOctet(digit),
                    })
                })?;
                Ok(Text::from_utf8_lossy(bytes))
            }
            Leaf::Reduced => Ok(unescape_reserved(raw).into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> Error {
        from_str(input).expect_err(input)
    }

    #[test]
    fn java_error_messages_and_offsets() {
        let cases = [
            (
                "hello:",
                "tokens left over after parsing; first excess token: ':' (column 5)",
                5,
            ),
            ("(a:b", "unexpected end of input", 4),
            ("List(", "unexpected end of input", 5),
            ("", "unexpected end of input", 0),
            (
                ",hello",
                "unexpected token: ',' (column 0) at start of element",
                0,
            ),
            (
                "(,",
                "expected string token, found grammar token: ',' (column 1)",
                1,
            ),
            ("(a,b)", "expected ':' but found ',' (column 2)", 2),
            ("(a:b:c)", "expected ')' but found ':' (column 4)", 4),
            ("List(a:b)", "expected ')' but found ':' (column 6)", 6),
            ("(a:b,c)", "expected ':' but found ')' (column 6)", 6),
            ("(a:()x)", "expected ')' but found 'x' (column 5)", 5),
            (
                "(List(:b)",
                "expected string token, found grammar token: 'List(' (column 1)",
                1,
            ),
            (
                "(k:v)List(x)",
                "tokens left over after parsing; first excess token: 'List(' (column 5)",
                5,
            ),
            ("%", "Malformed percent-encoded octet at index 0", 0),
            ("% ", "Malformed percent-encoded octet at index 0", 0),
            (
                "Hello%20%2",
                "Malformed percent-encoded octet at index 8",
                8,
            ),
            (
                "%!=",
                "Malformed percent-encoded octet at index 1, invalid hexadecimal digit '!'",
                1,
            ),
            (
                "(k:v%4é)",
                "Malformed percent-encoded octet at index 6, invalid hexadecimal digit 'é'",
                6,
            ),
        ];
        for (input, message, offset) in cases {
            let e = err(input);
            assert_eq!(
                (e.message(), e.offset()),
                (message, Some(offset)),
                "{input:?}"
            );
            assert_eq!(e.syntax(), Syntax::Value);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!("{}x{}", "List(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(from_str(&ok).is_ok());
        let deep = format!(
            "{}x{}",
            "(a:".repeat(MAX_DEPTH + 1),
            ")".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(err(&deep).message(), "nesting deeper than 128 levels");
        let very_deep = "(a:".repeat(1_000_000);
        assert_eq!(err(&very_deep).message(), "nesting deeper than 128 levels");
    }

    #[test]
    fn leaves_are_percent_decoded_after_tokenizing() {
        assert_eq!(from_str("a+b%2Bc").unwrap(), Value::from("a+b+c"));
        assert_eq!(from_str("%27%27").unwrap(), Value::from("''"));
        assert_eq!(from_str("''").unwrap(), Value::from(""));
        assert_eq!(from_str("'x'").unwrap(), Value::from("'x'"));
        assert_eq!(from_str("a b").unwrap(), Value::from("a b"));
        assert_eq!(from_str("%e2%98%ba").unwrap(), Value::from("☺"));
        // Invalid UTF-8 becomes U+FFFD, as on a rest.li server.
        assert_eq!(from_str("%E2%98").unwrap(), Value::from("\u{fffd}"));
        // `List` is only a list when `(` follows; the check runs on the decoded token.
        assert_eq!(from_str("List").unwrap(), Value::from("List"));
        assert_eq!(from_str("Li%73t(a)").unwrap(), Value::list(["a"]));
        assert_eq!(
            from_str("(List:x)").unwrap().get("List"),
            Some(&Value::from("x"))
        );
    }

    #[test]
    fn path_segments_are_simple_keys_unless_they_are_maps() {
        assert_eq!(from_str_path("a+b%20c:d").unwrap(), Value::from("a+b c:d"));
        assert_eq!(from_str_path("").unwrap(), Value::from(""));
        let e = from_str_path("ab%2").unwrap_err();
        assert_eq!(
            (e.message(), e.offset()),
            ("Malformed percent-encoded octet at index 2", Some(2))
        );
        assert_eq!(
            from_str_path("(a:b").unwrap_err().message(),
            "unexpected end of input"
        );
    }

    #[test]
    fn reduced_form_only_unescapes_reserved_characters() {
        assert_eq!(
            from_str_reduced("%28urn%29%3Ali%2C_ %3A%27app%3F?").unwrap(),
            Value::from("(urn):li,_ :'app%3F?")
        );
        assert_eq!(
            from_str_reduced("List(%28a%3Ab%29,%27c%2Cd%27?)").unwrap(),
            Value::list(["(a:b)", "'c,d'?"])
        );
        assert_eq!(from_str_reduced("100%").unwrap(), Value::from("100%"));
        assert_eq!(from_str_reduced("").unwrap(), Value::from(""));
        let e = from_str_reduced("(a:b").unwrap_err();
        assert_eq!(
            (e.syntax(), e.message()),
            (Syntax::ReducedValue, "unexpected end of input")
        );
    }
}
