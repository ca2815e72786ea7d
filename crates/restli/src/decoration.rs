//! Voyager's legacy `decoration=` projections (LinkedIn's web app before late 2018, Sales
//! Navigator, Recruiter).
//!
//! ```text
//! decoration = "(" [field {"," field}] ")"
//! field      = ["~"] name ["*"] ["~" [type]] ["(" [field {"," field}] ")"]
//! name       = 1*(ALPHA | DIGIT | "_" | "$" | "." | "-")
//! type       = 1*(ALPHA | DIGIT | "_" | ".")
//! ```
//!
//! Whitespace is insignificant anywhere. This is not the Rest.li `fields=` grammar (see
//! [`Mask`](crate::Mask)): children follow the name directly, without `:`.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::character::complete::char;
use nom::combinator::opt;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Syntax};
use crate::projection::{Compact, Fail, PResult, fail};

/// How deep fields may nest before the parser gives up.
const MAX_DEPTH: usize = 128;

/// A parsed `decoration=` value: the top-level fields inside the outer parentheses.
///
/// [`Decoration::parse`] accepts the raw text and the percent-encoded wire form; `Display`
/// prints the canonical raw text (no whitespace) and [`Decoration::to_wire`] the form LinkedIn's
/// web app sends.
///
/// ```
/// use restli::{Decoration, DecorationField};
///
/// let d = Decoration::parse("(name,groups*~(entityUrn,groupName))")?;
/// assert_eq!(d.fields[0], DecorationField::new("name"));
/// assert!(d.fields[1].star && d.fields[1].resolve);
/// assert_eq!(d.fields[1].children.as_ref().map(Vec::len), Some(2));
/// assert_eq!(d.to_string(), "(name,groups*~(entityUrn,groupName))");
/// assert_eq!(d.to_wire(), "%28name%2Cgroups*~%28entityUrn%2CgroupName%29%29");
/// assert_eq!(Decoration::parse(&d.to_wire())?, d);
/// # Ok::<(), restli::Error>(())
/// ```
///
/// With serde, a decoration is the array of its fields (see [`DecorationField`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Decoration {
    /// The top-level fields, in order.
    pub fields: Vec<DecorationField>,
}

/// One field of a [`Decoration`], with its markers and children.
///
/// The serde form is an object with `name`, and only when set `injected`, `star`, `resolve`,
/// `resolve_type` and `children`:
///
/// ```
/// use restli::{Decoration, DecorationField};
///
/// let d = Decoration::parse("(employees*~fs_salesProfile(entityUrn))")?;
/// let field = DecorationField::new("employees")
///     .star()
///     .resolve_as("fs_salesProfile")
///     .children(vec![DecorationField::new("entityUrn")]);
/// assert_eq!(d.fields, vec![field]);
/// assert_eq!(
///     serde_json::to_string(&d).unwrap(),
///     r#"[{"name":"employees","star":true,"resolve":true,"resolve_type":"fs_salesProfile","children":[{"name":"entityUrn"}]}]"#
/// );
/// # Ok::<(), restli::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecorationField {
    /// The field name (`entityUrn`; a union member by its fully qualified name, such as
    /// `com.linkedin.voyager.jobs.OffsiteApply`).
    pub name: String,
    /// Prefix `~` (`~relevanceReason(…)`): a related entity the server injects into a resolved
    /// entity (meaning inferred from traffic).
    #[serde(default, skip_serializing_if = "is_false")]
    pub injected: bool,
    /// Suffix `*` (`websites*`): the field is an array, the projection applies to every element.
    #[serde(default, skip_serializing_if = "is_false")]
    pub star: bool,
    /// Suffix `~` (`url~`): the field holds a URN (or URNs, with `*`) to resolve.
    #[serde(default, skip_serializing_if = "is_false")]
    pub resolve: bool,
    /// The entity type after `~` (`employees*~fs_salesProfile`). Printing a type also prints the
    /// `~`, whatever [`resolve`](Self::resolve) says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve_type: Option<String>,
    /// The sub-projection in parentheses: `None` without parentheses, `Some(vec![])` for `()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<DecorationField>>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl DecorationField {
    /// A plain field (`name`), without markers or children.
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Sets the prefix `~` (`~name`).
    #[must_use]
    pub fn injected(mut self) -> Self {
        self.injected = true;
        self
    }

    /// Sets the `*` marker (`name*`).
    #[must_use]
    pub fn star(mut self) -> Self {
        self.star = true;
        self
    }

    /// Sets the resolve marker (`name~`).
    #[must_use]
    pub fn resolve(mut self) -> Self {
        self.resolve = true;
        self
    }

    /// Resolves as the given entity type (`name~type`).
    #[must_use]
    pub fn resolve_as(mut self, resolve_type: impl Into<String>) -> Self {
        self.resolve = true;
        self.resolve_type = Some(resolve_type.into());
        self
    }

    /// Sets the children (`name(…)`).
    #[must_use]
    pub fn children(mut self, children: Vec<DecorationField>) -> Self {
        self.children = Some(children);
        self
    }
}

impl Decoration {
    /// Parses a `decoration=` value, in either wire form: the raw text
    /// (`(name,groups*~(entityUrn))`), or percent-encoded (`%28websites*%28url~%29%29`).
    ///
    /// When the text contains a `%`, it is percent-decoded first (and `+` read as a space, as in
    /// a form-encoded query string), then parsed. Whitespace is ignored anywhere.
    ///
    /// ```
    /// use restli::Decoration;
    ///
    /// let raw = Decoration::parse("( websites* ( url~ ) )")?;
    /// assert_eq!(Decoration::parse("%28websites*%28url~%29%29")?, raw);
    ///
    /// let err = Decoration::parse("(a,b").unwrap_err();
    /// assert_eq!(err.message(), "unmatched '('");
    /// assert_eq!(err.offset(), Some(0));
    /// # Ok::<(), restli::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Syntax::Decoration`] error, with the byte offset (in `input`) of the offending
    /// character, for a malformed `%` escape, percent-decoded bytes that are not UTF-8, text
    /// outside the grammar, unbalanced parentheses, or nesting deeper than 128 levels.
    pub fn parse(input: &str) -> Result<Self, Error> {
        let compact = if input.contains('%') {
            let (decoded, origin) = percent_decode(input)?;
            Compact::new(&decoded, |i| origin.get(i).copied().unwrap_or(input.len()))
        } else {
            Compact::new(input, |i| i)
        };
        let text = compact.text.as_str();
        let error = |rest: &str, message: &str| {
            Error::at(
                Syntax::Decoration,
                message,
                input,
                compact.offset(text, rest),
            )
        };
        match decoration(text) {
            Ok((_, fields)) => Ok(Self { fields }),
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(error(e.rest, e.message)),
            Err(nom::Err::Incomplete(_)) => Err(error("", "incomplete")),
        }
    }

    /// The form LinkedIn's web app sends: the canonical text through the JavaScript leaf
    /// encoder (`encodeURIComponent`, plus `( ) , : '` escaped), so letters, digits and
    /// `- _ . ! ~ *` stay raw and everything else is `%XX` (upper-case hex, UTF-8).
    ///
    /// ```
    /// let d = restli::Decoration::parse("(entityUrn,candidateCounts*)")?;
    /// assert_eq!(d.to_wire(), "%28entityUrn%2CcandidateCounts*%29");
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn to_wire(&self) -> String {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let text = self.to_string();
        let mut out = String::with_capacity(text.len() * 2);
        for &b in text.as_bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'!' | b'~' | b'*') {
                out.push(char::from(b));
            } else {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
        out
    }
}

impl FromStr for Decoration {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Self::parse(s)
    }
}

/// The canonical raw text, without whitespace: `(name,groups*~(entityUrn,groupName))`.
///
/// It parses back to an equal decoration as long as names and types use only the grammar's
/// characters and are not empty.
impl fmt::Display for Decoration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_fields(f, &self.fields)
    }
}

/// The field's text, as it appears inside a decoration: `groups*~(entityUrn,groupName)`.
impl fmt::Display for DecorationField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.injected {
            f.write_char('~')?;
        }
        f.write_str(&self.name)?;
        if self.star {
            f.write_char('*')?;
        }
        if self.resolve || self.resolve_type.is_some() {
            f.write_char('~')?;
        }
        if let Some(resolve_type) = &self.resolve_type {
            f.write_str(resolve_type)?;
        }
        if let Some(children) = &self.children {
            write_fields(f, children)?;
        }
        Ok(())
    }
}

fn write_fields(f: &mut fmt::Formatter<'_>, fields: &[DecorationField]) -> fmt::Result {
    f.write_char('(')?;
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        fmt::Display::fmt(field, f)?;
    }
    f.write_char(')')
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Percent-decodes `input` (`+` is a space), returning the text and, for each of its bytes and
/// then its end, the byte offset in `input`.
fn percent_decode(input: &str) -> Result<(String, Vec<usize>), Error> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut origin = Vec::with_capacity(bytes.len() + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        origin.push(i);
        match b {
            b'%' => {
                let hex = |j: usize| bytes.get(j).and_then(|&h| char::from(h).to_digit(16));
                let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) else {
                    return Err(Error::at(
                        Syntax::Decoration,
                        "malformed percent escape",
                        input,
                        i,
                    ));
                };
                // Both digits are below 16, so the byte fits.
                out.push(u8::try_from(hi * 16 + lo).unwrap_or_default());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    origin.push(input.len());
    match String::from_utf8(out) {
        Ok(text) => Ok((text, origin)),
        Err(e) => {
            let at = origin
                .get(e.utf8_error().valid_up_to())
                .copied()
                .unwrap_or(input.len());
            Err(Error::at(
                Syntax::Decoration,
                "percent-decoded text is not UTF-8",
                input,
                at,
            ))
        }
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '$' | '.' | '-')
}

fn is_type_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.')
}

/// `"(" [field {"," field}] ")"`, then the end of the input.
fn decoration(input: &str) -> PResult<'_, Vec<DecorationField>> {
    if !input.starts_with('(') {
        return fail(input, "expected '(' at the start");
    }
    let (rest, fields) = children(input, 0)?;
    if !rest.is_empty() {
        return fail(rest, "unexpected text after the closing ')'");
    }
    Ok((rest, fields))
}

/// `"(" [field {"," field}] ")"`.
fn children(open: &str, depth: usize) -> PResult<'_, Vec<DecorationField>> {
    let (mut input, _) = char('(').parse(open)?;
    if depth >= MAX_DEPTH {
        return fail(open, "nesting deeper than 128 levels");
    }
    let mut fields = Vec::new();
    if let Ok((rest, _)) = char::<_, Fail>(')').parse(input) {
        return Ok((rest, fields));
    }
    loop {
        let (rest, field) = field(input, depth)?;
        fields.push(field);
        if let Ok((rest, _)) = char::<_, Fail>(',').parse(rest) {
            input = rest;
        } else if let Ok((rest, _)) = char::<_, Fail>(')').parse(rest) {
            return Ok((rest, fields));
        } else if rest.is_empty() {
            return fail(open, "unmatched '('");
        } else {
            return fail(rest, "expected ',' or ')'");
        }
    }
}

/// `["~"] name ["*"] ["~" [type]] ["(" [field {"," field}] ")"]`.
fn field(input: &str, depth: usize) -> PResult<'_, DecorationField> {
    let (input, injected) = opt(char('~')).parse(input)?;
    let Ok((input, name)) = take_while1::<_, _, Fail>(is_name_char).parse(input) else {
        return fail(input, "expected a field name");
    };
    let (input, star) = opt(char('*')).parse(input)?;
    let (input, resolve) = opt(char('~')).parse(input)?;
    let (input, resolve_type) = if resolve.is_some() {
        opt(take_while1(is_type_char)).parse(input)?
    } else {
        (input, None)
    };
    let (input, children) = if input.starts_with('(') {
        let (input, children) = children(input, depth + 1)?;
        (input, Some(children))
    } else {
        (input, None)
    };
    Ok((
        input,
        DecorationField {
            name: name.to_owned(),
            injected: injected.is_some(),
            star: star.is_some(),
            resolve: resolve.is_some(),
            resolve_type: resolve_type.map(str::to_owned),
            children,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &str) -> DecorationField {
        DecorationField::new(name)
    }

    fn parse(input: &str) -> Decoration {
        Decoration::parse(input).unwrap()
    }

    fn err(input: &str) -> Error {
        Decoration::parse(input).unwrap_err()
    }

    #[test]
    fn plain_fields() {
        assert_eq!(parse("(a,b)").fields, vec![f("a"), f("b")]);
        assert_eq!(parse("()").fields, vec![]);
        assert_eq!(
            parse("(com.linkedin.X,a_b$c-d)").fields,
            vec![f("com.linkedin.X"), f("a_b$c-d")]
        );
    }

    #[test]
    fn markers() {
        assert_eq!(parse("(a*)").fields, vec![f("a").star()]);
        assert_eq!(parse("(a~)").fields, vec![f("a").resolve()]);
        assert_eq!(parse("(a*~)").fields, vec![f("a").star().resolve()]);
        assert_eq!(
            parse("(a~fs_x.y)").fields,
            vec![f("a").resolve_as("fs_x.y")]
        );
        assert_eq!(parse("(a*~t)").fields, vec![f("a").star().resolve_as("t")]);
        assert_eq!(parse("(~a)").fields, vec![f("a").injected()]);
        assert_eq!(
            parse("(~a*~t())").fields,
            vec![f("a").injected().star().resolve_as("t").children(vec![])]
        );
    }

    #[test]
    fn children() {
        let d = parse("(a(b,c*(d~)),e~(~f(g)))");
        let expected = vec![
            f("a").children(vec![f("b"), f("c").star().children(vec![f("d").resolve()])]),
            f("e")
                .resolve()
                .children(vec![f("f").injected().children(vec![f("g")])]),
        ];
        assert_eq!(d.fields, expected);
        assert_eq!(d.to_string(), "(a(b,c*(d~)),e~(~f(g)))");
        assert_eq!(f("x").children(vec![]).to_string(), "x()");
    }

    #[test]
    fn whitespace_is_insignificant() {
        let d = parse("\n ( a * ~ t ( b ,\tc ) , d )\n");
        assert_eq!(d.to_string(), "(a*~t(b,c),d)");
        // Inside a name too: whitespace is dropped before parsing.
        assert_eq!(parse("(ab c)").fields, vec![f("abc")]);
    }

    #[test]
    fn percent_encoded_form() {
        let d = parse("%28websites*%28url~%29%29");
        assert_eq!(d, parse("(websites*(url~))"));
        // Any character may be escaped, in any case; `+` is a space.
        assert_eq!(parse("%28%61%2c+b%7e%29"), parse("(a, b~)"));
        assert_eq!(parse("%28%0A++name%0A%29"), parse("(name)"));
        assert_eq!(parse("(%24a)").fields, vec![f("$a")]);
    }

    #[test]
    fn to_wire_is_the_js_leaf_encoding() {
        let d = parse("(a-b_c.d*~t(x),$y,~z)");
        assert_eq!(d.to_wire(), "%28a-b_c.d*~t%28x%29%2C%24y%2C~z%29");
        assert_eq!(parse(&d.to_wire()), d);
        assert_eq!(Decoration::default().to_wire(), "%28%29");
        // Names from the builder that are outside the grammar still encode as UTF-8.
        let odd = Decoration {
            fields: vec![f("é ')")],
        };
        assert_eq!(odd.to_wire(), "%28%C3%A9%20%27%29%29");
    }

    #[test]
    fn errors() {
        let cases = [
            ("", 0, "expected '(' at the start"),
            ("a", 0, "expected '(' at the start"),
            ("(a", 0, "unmatched '('"),
            ("(a,b(c)", 0, "unmatched '('"),
            ("(a,b(c", 4, "unmatched '('"),
            ("(a))", 3, "unexpected text after the closing ')'"),
            ("(a)b", 3, "unexpected text after the closing ')'"),
            ("(a,)", 3, "expected a field name"),
            ("(,a)", 1, "expected a field name"),
            ("(*a)", 1, "expected a field name"),
            ("(~~a)", 2, "expected a field name"),
            ("(a**)", 3, "expected ',' or ')'"),
            ("(a~t-u)", 4, "expected ',' or ')'"),
            ("(a:(b))", 2, "expected ',' or ')'"),
            ("(a~~)", 3, "expected ',' or ')'"),
            ("(é)", 1, "expected a field name"),
            ("( a ,  ) ", 7, "expected a field name"),
        ];
        for (input, at, message) in cases {
            let e = err(input);
            assert_eq!(e.message(), message, "{input:?}");
            assert_eq!(e.offset(), Some(at), "{input:?}");
            assert_eq!(e.syntax(), Syntax::Decoration);
        }
    }

    #[test]
    fn percent_errors_point_into_the_caller_input() {
        for (input, at, message) in [
            ("%28a%2", 4, "malformed percent escape"),
            ("%28a%zz%29", 4, "malformed percent escape"),
            ("%", 0, "malformed percent escape"),
            ("%28a%FF%29", 4, "percent-decoded text is not UTF-8"),
            ("%28a%2C%2C%29", 7, "expected a field name"),
            ("%28a%2Cb", 0, "unmatched '('"),
            ("%28a%29%29", 7, "unexpected text after the closing ')'"),
            ("(a,%25)", 3, "expected a field name"),
        ] {
            let e = err(input);
            assert_eq!(e.message(), message, "{input:?}");
            assert_eq!(e.offset(), Some(at), "{input:?}");
        }
    }

    #[test]
    fn depth_is_limited() {
        let nested = |levels: usize| format!("{}x{}", "(a".repeat(levels), ")".repeat(levels));
        assert!(Decoration::parse(&nested(MAX_DEPTH)).is_ok());
        let e = err(&nested(MAX_DEPTH + 1));
        assert_eq!(e.message(), "nesting deeper than 128 levels");
        assert_eq!(e.offset(), Some(2 * MAX_DEPTH));
        assert!(Decoration::parse(&"(a".repeat(100_000)).is_err());
        assert!(Decoration::parse(&"%28a".repeat(100_000)).is_err());
    }

    #[test]
    fn serde_tree_shape() {
        let d = parse("(a,~b*~t(c),d~)");
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            json,
            r#"[{"name":"a"},{"name":"b","injected":true,"star":true,"resolve":true,"resolve_type":"t","children":[{"name":"c"}]},{"name":"d","resolve":true}]"#
        );
        assert_eq!(serde_json::from_str::<Decoration>(&json).unwrap(), d);
        assert_eq!(
            serde_json::to_string(&parse("(a())")).unwrap(),
            r#"[{"name":"a","children":[]}]"#
        );
        for bad in [
            r#"{"name":"a"}"#,
            r#"[{"star":true}]"#,
            r#"[{"name":"a","x":1}]"#,
        ] {
            assert!(serde_json::from_str::<Decoration>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn from_str() {
        let d: Decoration = "(a,b)".parse().unwrap();
        assert_eq!(d.fields, vec![f("a"), f("b")]);
    }
}
