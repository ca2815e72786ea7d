//! The Rest.li data model: a string leaf, a list, or a map with ordered keys.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::{Encoding, Error, Text};

/// A Rest.li 2.0 value.
///
/// Rest.li text has no types: numbers and booleans travel as their text, so a leaf is always
/// a string (`List(1,2)` decodes to two strings, `"1"` and `"2"`). The schema of whoever reads
/// the value gives the types back.
///
/// `Display` prints the query-parameter encoding of the default [`Encoding`]; `FromStr` parses
/// the URL form (see [`crate::from_str`]).
///
/// ```
/// use restli::{Map, Value};
///
/// let mut query = Map::new();
/// query.insert("keywords", "C++, Rust (senior)");
/// query.insert("resultType", Value::list(["PEOPLE"]));
/// let v = Value::from(query);
/// assert_eq!(
///     v.to_string(),
///     "(keywords:C%2B%2B%2C%20Rust%20%28senior%29,resultType:List(PEOPLE))"
/// );
/// assert_eq!(v.to_string().parse::<Value>().unwrap(), v);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// A leaf. Empty strings are written `''`.
    String(Text),
    /// `List(a,b)`; the empty list is `List()`.
    List(Vec<Value>),
    /// `(k:v,k2:v2)`; the empty map is `()`.
    Map(Map),
}

impl Value {
    /// A list from anything that turns into values.
    ///
    /// ```
    /// assert_eq!(restli::Value::list(["F", "S"]).to_string(), "List(F,S)");
    /// ```
    pub fn list<I, T>(items: I) -> Self
    where
        I: IntoIterator<Item = T>,
        T: Into<Value>,
    {
        Self::List(items.into_iter().map(Into::into).collect())
    }

    /// The leaf's text, if this is a leaf.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is a list.
    #[must_use]
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Self::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, if this is a map.
    #[must_use]
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Self::Map(map) => Some(map),
            _ => None,
        }
    }

    /// The value under `key`, if this is a map that has it.
    ///
    /// ```
    /// let v: restli::Value = "(vanityName:billy-g)".parse().unwrap();
    /// assert_eq!(v.get("vanityName").and_then(|v| v.as_str()), Some("billy-g"));
    /// ```
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_map().and_then(|m| m.get(key))
    }

    /// Encodes the value as text with the given encoding.
    ///
    /// ```
    /// use restli::{Encoding, Value};
    /// let v = Value::from("urn:li:fsd_profile:ACoAAB");
    /// assert_eq!(v.encode(Encoding::QUERY), "urn%3Ali%3Afsd_profile%3AACoAAB");
    /// assert_eq!(v.encode(Encoding::REDUCED), "urn%3Ali%3Afsd_profile%3AACoAAB");
    /// ```
    #[must_use]
    pub fn encode(&self, encoding: Encoding) -> String {
        let mut out = String::with_capacity(64);
        self.encode_into(&mut out, encoding);
        out
    }

    /// Appends the encoded text of the value to `out`.
    pub fn encode_into(&self, out: &mut String, encoding: Encoding) {
        crate::encode::write_value(self, out, encoding);
    }

    /// Converts to a `serde_json::Value`: leaves become JSON strings. Key order is kept only
    /// when `serde_json` is built with `preserve_order`; serialize the value itself with
    /// `serde_json::to_string` to keep it in any case.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::String(s) => serde_json::Value::String(s.as_str().to_owned()),
            Self::List(items) => {
                serde_json::Value::Array(items.iter().map(Self::to_json).collect())
            }
            Self::Map(map) => serde_json::Value::Object(
                map.iter()
                    .map(|(k, v)| (k.to_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode(Encoding::QUERY))
    }
}

impl FromStr for Value {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        crate::decode::from_str(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Self::String(s.into())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::String(s.into())
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Self::String(s.into())
    }
}

impl From<Text> for Value {
    fn from(s: Text) -> Self {
        Self::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Self::from(if b { "true" } else { "false" })
    }
}

macro_rules! from_integer {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Self::from(itoa::Buffer::new().format(n))
            }
        }
    )*};
}
from_integer!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Self::List(items)
    }
}

impl From<Map> for Value {
    fn from(map: Map) -> Self {
        Self::Map(map)
    }
}

/// JSON to Rest.li, as LinkedIn's web app does it: numbers and booleans become their text,
/// and `null` becomes the text `null`.
impl From<serde_json::Value> for Value {
    fn from(json: serde_json::Value) -> Self {
        match json {
            serde_json::Value::Null => Self::from("null"),
            serde_json::Value::Bool(b) => b.into(),
            serde_json::Value::Number(n) => Self::from(n.to_string()),
            serde_json::Value::String(s) => Self::from(s),
            serde_json::Value::Array(items) => {
                Self::List(items.into_iter().map(Into::into).collect())
            }
            serde_json::Value::Object(map) => {
                Self::Map(map.into_iter().map(|(k, v)| (k, Self::from(v))).collect())
            }
        }
    }
}

impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> Self {
        v.to_json()
    }
}

/// Serializes as JSON-like data: leaves as strings, lists as sequences, maps as maps in order.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(s) => serializer.serialize_str(s),
            Self::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Self::Map(map) => map.serialize(serializer),
        }
    }
}

/// Deserializes from JSON-like data, keeping map key order. Numbers and booleans become
/// their text and `null` the text `null`, as in `From<serde_json::Value>`.
///
/// ```
/// let v: restli::Value = serde_json::from_str(r#"{"start":0,"count":10,"q":"a b"}"#).unwrap();
/// assert_eq!(v.to_string(), "(start:0,count:10,q:a%20b)");
/// ```
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean, null, list or map")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        crate::ser::float_text(v)
            .map(Value::from)
            .map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(v.into())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::from("null"))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::with_capacity(access.size_hint().unwrap_or(0).min(1024));
        while let Some((k, v)) = access.next_entry::<Text, Value>()? {
            map.push(k, v);
        }
        Ok(Value::Map(map))
    }
}

/// The entries of a Rest.li map, in order.
///
/// Order matters on the wire: LinkedIn's web app writes keys in the order it builds them, and
/// rest.li's Java code sorts them (see [`crate::Profile`]). A decoded map keeps every entry it
/// was given, duplicates included; [`get`](Map::get) answers with the last one, as a Rest.li
/// server would.
///
/// ```
/// let mut m = restli::Map::new();
/// m.insert("start", 0);
/// m.insert("count", 10);
/// m.insert("start", 20); // replaces, keeping the key's place
/// assert_eq!(restli::Value::from(m).to_string(), "(start:20,count:10)");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Map {
    entries: Vec<(Text, Value)>,
}

impl Map {
    /// An empty map.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// An empty map with room for `n` entries.
    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        Self {
            entries: Vec::with_capacity(n),
        }
    }

    /// Sets `key` to `value`: replaces the value of an existing key in place (returning the
    /// old one), or appends a new entry.
    pub fn insert(&mut self, key: impl Into<Text>, value: impl Into<Value>) -> Option<Value> {
        let key = key.into();
        let value = value.into();
        match self.entries.iter_mut().rev().find(|(k, _)| *k == key) {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Appends an entry without looking for an existing key (what a decoder does).
    pub fn push(&mut self, key: impl Into<Text>, value: impl Into<Value>) {
        self.entries.push((key.into(), value.into()));
    }

    /// The value of the last entry named `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    /// The value of the last entry named `key`, to change in place.
    ///
    /// ```
    /// let mut m: restli::Map = [("count", "10")].into_iter().collect();
    /// *m.get_mut("count").unwrap() = "20".into();
    /// assert_eq!(restli::Value::from(m).to_string(), "(count:20)");
    /// ```
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.entries
            .iter_mut()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }

    /// Removes every entry named `key`, returning the value of the last one.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let mut removed = None;
        self.entries.retain_mut(|(k, v)| {
            if k == key {
                removed = Some(std::mem::replace(v, Value::List(Vec::new())));
                false
            } else {
                true
            }
        });
        removed
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// Sorts the entries by key (stable, so duplicates keep their relative order), as
    /// rest.li's Java encoder does.
    pub fn sort_keys(&mut self) {
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
    }

    pub(crate) fn from_entries(entries: Vec<(Text, Value)>) -> Self {
        Self { entries }
    }

    pub(crate) fn entries(&self) -> &[(Text, Value)] {
        &self.entries
    }
}

impl<K: Into<Text>, V: Into<Value>> FromIterator<(K, V)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }
}

impl<K: Into<Text>, V: Into<Value>> Extend<(K, V)> for Map {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl IntoIterator for Map {
    type Item = (Text, Value);
    type IntoIter = std::vec::IntoIter<(Text, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_booleans_and_null_become_text() {
        let v: Value =
            serde_json::from_str(r#"[1, -2, 3.5, true, false, null, "x", 18446744073709551615]"#)
                .unwrap();
        assert_eq!(
            v,
            Value::list([
                "1",
                "-2",
                "3.5",
                "true",
                "false",
                "null",
                "x",
                "18446744073709551615"
            ])
        );
        let from_json = Value::from(serde_json::json!({"a": [1, true, null]}));
        assert_eq!(from_json.to_string(), "(a:List(1,true,null))");
    }

    #[test]
    fn deserialize_keeps_key_order_and_serialize_writes_it_back() {
        let text = r#"{"z":"1","a":{"y":[],"b":{}}}"#;
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(v.as_map().unwrap().keys().collect::<Vec<_>>(), ["z", "a"]);
        assert_eq!(serde_json::to_string(&v).unwrap(), text);
    }

    #[test]
    fn map_get_answers_with_the_last_duplicate_and_remove_drops_all() {
        let mut m = Map::new();
        m.push("a", "1");
        m.push("b", "2");
        m.push("a", "3");
        assert_eq!(m.get("a"), Some(&Value::from("3")));
        assert_eq!(m.insert("a", "4"), Some(Value::from("3")));
        assert_eq!(
            m.iter()
                .map(|(_, v)| v.as_str().unwrap())
                .collect::<Vec<_>>(),
            ["1", "2", "4"]
        );
        assert_eq!(m.remove("a"), Some(Value::from("4")));
        assert_eq!(m.len(), 1);
        assert_eq!(m.remove("a"), None);
    }

    #[test]
    fn sort_keys_is_stable() {
        let mut m: Map = [("b", "1"), ("a", "2"), ("b", "0")].into_iter().collect();
        m.sort_keys();
        let pairs: Vec<_> = m.iter().map(|(k, v)| (k, v.as_str().unwrap())).collect();
        assert_eq!(pairs, [("a", "2"), ("b", "1"), ("b", "0")]);
    }

    #[test]
    fn accessors_answer_none_for_other_shapes() {
        let leaf = Value::from("x");
        assert_eq!(leaf.as_list(), None);
        assert_eq!(leaf.as_map(), None);
        assert_eq!(leaf.get("x"), None);
        assert_eq!(Value::list(Vec::<Value>::new()).as_str(), None);
        assert_eq!(Value::from(7u8).as_str(), Some("7"));
        assert_eq!(Value::from(-7i64).as_str(), Some("-7"));
    }

    #[test]
    fn to_json_gives_strings_lists_and_objects() {
        let v: Value = "(a:List(1,''),b:())".parse().unwrap();
        assert_eq!(v.to_json(), serde_json::json!({"a": ["1", ""], "b": {}}));
    }
}
