//! Query strings: building `name=value&...` with every value encoded once, and reading one
//! the way a Rest.li server does.

use std::fmt;

use crate::{Encoding, Error, Profile, Syntax, Value, encode_str};

/// The parameters whose values are not Rest.li values: projections (`fields`,
/// `metadataFields`, `pagingFields`) and Voyager's legacy `decoration`. A server reads them
/// with their own grammars, and [`Query::value`] refuses them.
pub const PROJECTION_PARAMS: [&str; 4] = ["fields", "metadataFields", "pagingFields", "decoration"];

/// An ordered list of query parameters.
///
/// Build one with [`push`](Query::push) (a Rest.li value, encoded for the query position) and
/// [`push_encoded`](Query::push_encoded) (text already in its wire form, such as a projection's
/// [`Display`](crate::Mask)); print it with `Display`. Read one with [`Query::parse`].
///
/// ```
/// use restli::{Query, Value};
///
/// let mut q = Query::new();
/// q.push("includeWebMetadata", "true");
/// q.push("variables", restli::from_str("(vanityName:billy-g)").unwrap());
/// q.push("queryId", "voyagerExampleQuery.0123456789abcdef0123456789abcdef");
/// let text = q.to_string();
/// assert_eq!(text, "includeWebMetadata=true&variables=(vanityName:billy-g)\
///                   &queryId=voyagerExampleQuery.0123456789abcdef0123456789abcdef");
///
/// let back = Query::parse(&text).unwrap();
/// assert_eq!(back.value("variables").unwrap().unwrap().get("vanityName"), Some(&Value::from("billy-g")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Names decoded, values in their wire form.
    params: Vec<(String, String)>,
}

impl Query {
    /// An empty query.
    #[must_use]
    pub const fn new() -> Self {
        Self { params: Vec::new() }
    }

    /// Appends `name=value`, the value encoded as a Rest.li query value.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<Value>) -> &mut Self {
        let text = value.into().encode(Encoding::QUERY);
        self.params.push((name.into(), text));
        self
    }

    /// Appends `name=text` with `text` as given: it must already be in its wire form (a
    /// projection, a decoration, or a value encoded elsewhere).
    pub fn push_encoded(&mut self, name: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.params.push((name.into(), text.into()));
        self
    }

    /// Reads a query string (without the leading `?`) as a Rest.li 2.0 server does: split on
    /// `&`, then at the first `=`; names are percent-decoded with `+` as a space; values stay
    /// in their wire form until asked for. Empty pieces and pieces that start with `=` are
    /// skipped; a piece without `=` has an empty value.
    ///
    /// # Errors
    ///
    /// A [`Syntax::Query`] error when a name is repeated
    /// (`unexpected repeated query param in URI: <name>`) or is badly percent-encoded.
    pub fn parse(query: &str) -> Result<Self, Error> {
        let mut params: Vec<(String, String)> = Vec::new();
        let mut offset = 0;
        for piece in query.split('&') {
            let at = offset;
            offset += piece.len() + 1;
            if piece.is_empty() || piece.starts_with('=') {
                continue;
            }
            let (raw_name, value) = piece.split_once('=').unwrap_or((piece, ""));
            let name = decode_name(raw_name).map_err(|i| {
                Error::at(
                    Syntax::Query,
                    "malformed percent-encoded octet in a parameter name",
                    query,
                    at + i,
                )
            })?;
            if params.iter().any(|(n, _)| *n == name) {
                return Err(Error::at(
                    Syntax::Query,
                    format!("unexpected repeated query param in URI: {name}"),
                    query,
                    at,
                ));
            }
            params.push((name, value.to_owned()));
        }
        Ok(Self { params })
    }

    /// The wire text of parameter `name`.
    #[must_use]
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Parameter `name` decoded as a Rest.li value (`Ok(None)` when absent).
    ///
    /// # Errors
    ///
    /// The decoder's error for a malformed value (an empty value included, as on a Rest.li
    /// server), or a [`Syntax::Query`] error for a projection parameter, which is not a value.
    pub fn value(&self, name: &str) -> Result<Option<Value>, Error> {
        if PROJECTION_PARAMS.contains(&name) {
            return Err(Error::new(
                Syntax::Query,
                format!(
                    "`{name}` is a projection, not a Rest.li value: parse it with Mask or Decoration"
                ),
            ));
        }
        self.raw(name).map(crate::from_str).transpose()
    }

    /// The parameters in order: decoded names with wire-form values.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> {
        self.params.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The number of parameters.
    #[must_use]
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Whether there are no parameters.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }
}

impl Query {
    /// `name=value&...` with names escaped like leaves in `profile`'s query table (values are
    /// written as stored). `Display` does the same with the default profile.
    ///
    /// ```
    /// use restli::{Profile, Query};
    /// let mut q = Query::new();
    /// q.push("foo/bar", "baz/qux");
    /// assert_eq!(q.to_string(), "foo%2Fbar=baz%2Fqux");
    /// assert_eq!(q.encode(Profile::RestliJava), "foo/bar=baz%2Fqux");
    /// ```
    #[must_use]
    pub fn encode(&self, profile: Profile) -> String {
        let encoding = Encoding::QUERY.with_profile(profile);
        let mut out = String::new();
        for (i, (name, value)) in self.params.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(&encode_str(name, encoding));
            out.push('=');
            out.push_str(value);
        }
        out
    }
}

impl fmt::Display for Query {
    /// `name=value&...`, names escaped for the default profile.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode(Profile::Voyager))
    }
}

/// `application/x-www-form-urlencoded` decoding of a name; the error is the byte index of a
/// malformed escape.
fn decode_name(raw: &str) -> Result<String, usize> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = raw.get(i + 1..i + 3).ok_or(i)?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| i)?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_like_leaves() {
        let mut q = Query::new();
        q.push("foo&bar=baz", "qux").push("a:b", "c d");
        assert_eq!(q.to_string(), "foo%26bar%3Dbaz=qux&a%3Ab=c%20d");
        let back = Query::parse(&q.to_string()).unwrap();
        assert_eq!(
            back.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            ["foo&bar=baz", "a:b"]
        );
        assert_eq!(back.value("a:b").unwrap(), Some(Value::from("c d")));
    }

    #[test]
    fn parse_follows_the_server_rules() {
        let q = Query::parse("&=x&a+b=1&flag&fields=a,b:(c)").unwrap();
        assert_eq!(
            q.iter().collect::<Vec<_>>(),
            [("a b", "1"), ("flag", ""), ("fields", "a,b:(c)")]
        );
        assert_eq!(
            q.value("flag").unwrap_err().message(),
            "unexpected end of input"
        );
        assert_eq!(q.value("missing").unwrap(), None);
        assert!(
            q.value("fields")
                .unwrap_err()
                .message()
                .contains("projection")
        );
        let e = Query::parse("q=1&count=2&q=3").unwrap_err();
        assert_eq!(
            (e.message(), e.offset()),
            ("unexpected repeated query param in URI: q", Some(12))
        );
        let e = Query::parse("ok=1&a%zz=2").unwrap_err();
        assert_eq!(e.offset(), Some(6));
    }
}
