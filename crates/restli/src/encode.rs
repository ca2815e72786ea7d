//! The encoder: where a value is written, which characters stay raw, and in which order map
//! keys go. Escaping happens here and nowhere else.

use crate::{Map, Text, Value};

/// Where the encoded text goes. Each position has its own escaping table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Position {
    /// A query parameter value (`variables=...`, `ids=...`). The default.
    #[default]
    Query,
    /// A path segment (a key in the URL path). Uses rest.li's `PATH_SEGMENT` table in every
    /// profile: `/ ; ?` are escaped, `$ & * + = @ ! ~` stay raw.
    Path,
    /// The reduced form used in headers (`X-RestLi-Id`) and JSON body keys: only the reserved
    /// characters are escaped; spaces and non-ASCII stay raw.
    Reduced,
}

/// Whose conventions to follow where Rest.li implementations differ.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// LinkedIn's web app and official JavaScript client, the default: map keys in insertion
    /// order; in a query value only `A-Z a-z 0-9 - _ . ! ~ *` stay raw; the reduced form
    /// leaves `%` raw.
    #[default]
    Voyager,
    /// rest.li's Java code: map keys sorted; a query value also leaves `$ ; @ / ?` raw; the
    /// reduced form escapes `%`.
    RestliJava,
}

/// How to encode: a [`Position`] and a [`Profile`].
///
/// ```
/// use restli::{Encoding, Position, Profile, Value};
///
/// let v = Value::from("C++ & C#");
/// assert_eq!(v.encode(Encoding::QUERY), "C%2B%2B%20%26%20C%23");
/// assert_eq!(v.encode(Encoding::PATH), "C++%20&%20C%23");
/// assert_eq!(v.encode(Encoding::REDUCED), "C++ & C#");
///
/// let java = Encoding { position: Position::Query, profile: Profile::RestliJava };
/// assert_eq!(Value::from("a/b?").encode(java), "a/b?");
/// assert_eq!(Value::from("a/b?").encode(Encoding::QUERY), "a%2Fb%3F");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Encoding {
    /// Where the text goes.
    pub position: Position,
    /// Whose conventions to follow.
    pub profile: Profile,
}

impl Encoding {
    /// A query parameter value, as LinkedIn's web app writes it.
    pub const QUERY: Self = Self {
        position: Position::Query,
        profile: Profile::Voyager,
    };
    /// A path segment.
    pub const PATH: Self = Self {
        position: Position::Path,
        profile: Profile::Voyager,
    };
    /// The reduced form of headers and body keys, as LinkedIn's web app writes it.
    pub const REDUCED: Self = Self {
        position: Position::Reduced,
        profile: Profile::Voyager,
    };

    /// The same position with another profile.
    #[must_use]
    pub const fn with_profile(self, profile: Profile) -> Self {
        Self {
            position: self.position,
            profile,
        }
    }

    fn table(self) -> &'static Table {
        match (self.position, self.profile) {
            (Position::Query, Profile::Voyager) => &VOYAGER_QUERY,
            (Position::Query, Profile::RestliJava) => &JAVA_QUERY,
            (Position::Path, _) => &PATH,
            (Position::Reduced, Profile::Voyager) => &VOYAGER_REDUCED,
            (Position::Reduced, Profile::RestliJava) => &JAVA_REDUCED,
        }
    }

    fn sorts_keys(self) -> bool {
        self.profile == Profile::RestliJava
    }
}

/// For each byte, whether it is written raw. Bytes of multi-byte UTF-8 characters share one
/// flag: all raw (reduced form) or all escaped.
struct Table([bool; 256]);

const UNRESERVED: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

const fn table(extra_raw: &[u8], reduced: bool, escape_percent: bool) -> Table {
    let mut raw = [false; 256];
    let mut i = 0;
    while i < UNRESERVED.len() {
        raw[UNRESERVED[i] as usize] = true;
        i += 1;
    }
    let mut i = 0;
    while i < extra_raw.len() {
        raw[extra_raw[i] as usize] = true;
        i += 1;
    }
    if reduced {
        // Everything stays raw except the reserved characters.
        let mut b = 0;
        while b < 256 {
            raw[b] = true;
            b += 1;
        }
    }
    // The five reserved characters are escaped in every position and profile.
    raw[b'(' as usize] = false;
    raw[b')' as usize] = false;
    raw[b',' as usize] = false;
    raw[b':' as usize] = false;
    raw[b'\'' as usize] = false;
    raw[b'%' as usize] = !escape_percent;
    Table(raw)
}

static VOYAGER_QUERY: Table = table(b"!*", false, true);
static JAVA_QUERY: Table = table(b"!*$;@/?", false, true);
static PATH: Table = table(b"!*$&+=@", false, true);
static VOYAGER_REDUCED: Table = table(b"", true, false);
static JAVA_REDUCED: Table = table(b"", true, true);

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Escapes one string leaf (not a structure) for the given encoding; `''` for the empty
/// string. Use it for a path key or any text that must be a single Rest.li leaf.
///
/// ```
/// use restli::{encode_str, Encoding};
/// assert_eq!(encode_str("urn:li:fsd_profile:ACoAAB", Encoding::PATH), "urn%3Ali%3Afsd_profile%3AACoAAB");
/// assert_eq!(encode_str("", Encoding::QUERY), "''");
/// assert_eq!(encode_str("naïve", Encoding::QUERY), "na%C3%AFve");
/// ```
#[must_use]
pub fn encode_str(s: &str, encoding: Encoding) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    write_leaf(s, &mut out, encoding.table());
    out
}

pub(crate) fn write_value(value: &Value, out: &mut String, encoding: Encoding) {
    let table = encoding.table();
    write(value, out, table, encoding.sorts_keys());
}

fn write(value: &Value, out: &mut String, table: &Table, sort: bool) {
    match value {
        Value::String(s) => write_leaf(s, out, table),
        Value::List(items) => {
            out.push_str("List(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(item, out, table, sort);
            }
            out.push(')');
        }
        Value::Map(map) => write_map(map, out, table, sort),
    }
}

fn write_map(map: &Map, out: &mut String, table: &Table, sort: bool) {
    out.push('(');
    let entries = map.entries();
    let mut write_entry = |i: usize, (k, v): &(Text, Value)| {
        if i > 0 {
            out.push(',');
        }
        write_leaf(k, out, table);
        out.push(':');
        write(v, out, table, sort);
    };
    if sort && !entries.is_sorted_by(|a, b| a.0 <= b.0) {
        let mut order: Vec<&(Text, Value)> = entries.iter().collect();
        order.sort_by(|a, b| a.0.cmp(&b.0));
        order
            .into_iter()
            .enumerate()
            .for_each(|(i, e)| write_entry(i, e));
    } else {
        entries
            .iter()
            .enumerate()
            .for_each(|(i, e)| write_entry(i, e));
    }
    out.push(')');
}

fn write_leaf(s: &str, out: &mut String, table: &Table) {
    if s.is_empty() {
        out.push_str("''");
        return;
    }
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if table.0[b as usize] {
            i += 1;
            continue;
        }
        // Runs end only before an ASCII byte or the first byte of a character, so the slice
        // is always on character boundaries.
        out.push_str(&s[start..i]);
        let width = utf8_width(b);
        for &byte in &bytes[i..(i + width).min(bytes.len())] {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        i += width;
        start = i.min(bytes.len());
    }
    out.push_str(&s[start..]);
}

/// The length of the UTF-8 sequence that starts with `b`.
fn utf8_width(b: u8) -> usize {
    match b {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(s: &str, e: Encoding) -> String {
        encode_str(s, e)
    }

    #[test]
    fn every_printable_ascii_character_in_every_table() {
        // Expected raw sets, from the escaping table of the Rest.li reference (§5).
        let cases: [(Encoding, &str); 5] = [
            (Encoding::QUERY, "!*-._~"),
            (
                Encoding::QUERY.with_profile(Profile::RestliJava),
                "!$*-./;?@_~",
            ),
            (Encoding::PATH, "!$&*+-.=@_~"),
            (Encoding::REDUCED, " !\"#$%&*+-./;<=>?@[\\]^_`{|}~"),
            (
                Encoding::REDUCED.with_profile(Profile::RestliJava),
                " !\"#$&*+-./;<=>?@[\\]^_`{|}~",
            ),
        ];
        for (encoding, raw_punct) in cases {
            for b in 0x20u8..0x7f {
                let c = char::from(b);
                let s = c.to_string();
                let expected = if c.is_ascii_alphanumeric() || raw_punct.contains(c) {
                    s.clone()
                } else {
                    format!("%{b:02X}")
                };
                assert_eq!(enc(&s, encoding), expected, "{c:?} in {encoding:?}");
            }
        }
    }

    #[test]
    fn non_ascii_is_utf8_escaped_except_in_the_reduced_form() {
        assert_eq!(enc("é☺😛", Encoding::QUERY), "%C3%A9%E2%98%BA%F0%9F%98%9B");
        assert_eq!(enc("é☺😛", Encoding::PATH), "%C3%A9%E2%98%BA%F0%9F%98%9B");
        assert_eq!(enc("aé(b", Encoding::REDUCED), "aé%28b");
    }

    #[test]
    fn control_characters_are_escaped_in_urls_and_raw_in_the_reduced_form() {
        for e in [Encoding::QUERY, Encoding::PATH] {
            assert_eq!(enc("a\tb\n\u{7f}", e), "a%09b%0A%7F");
        }
        assert_eq!(enc("a\tb", Encoding::REDUCED), "a\tb");
    }

    #[test]
    fn java_profile_sorts_keys_and_voyager_keeps_them() {
        let v: Value = serde_json::from_str(r#"{"b":"1","a":{"d":"2","c":"3"}}"#).unwrap();
        assert_eq!(v.encode(Encoding::QUERY), "(b:1,a:(d:2,c:3))");
        assert_eq!(
            v.encode(Encoding::QUERY.with_profile(Profile::RestliJava)),
            "(a:(c:3,d:2),b:1)"
        );
    }

    #[test]
    fn empty_structures() {
        assert_eq!(Value::Map(Map::new()).encode(Encoding::QUERY), "()");
        assert_eq!(Value::List(vec![]).encode(Encoding::QUERY), "List()");
        assert_eq!(Value::list([""]).encode(Encoding::REDUCED), "List('')");
    }
}
