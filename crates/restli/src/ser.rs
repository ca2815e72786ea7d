//! A serde `Serializer` into [`Value`], so any `#[derive(Serialize)]` type renders to Rest.li.
//!
//! Structs and maps keep their field order. Numbers and booleans become their text; a unit
//! variant becomes its name (`PEOPLE`); a newtype, tuple or struct variant becomes a one-key
//! map, which is how Rest.li writes a union (`(entityUnion:(conversationUrn:...))`). An
//! `Option::None` field is left out of its struct or map, as LinkedIn's web app drops
//! undefined members; `None` anywhere else is an error, since Rest.li has no null.

use serde::ser::{self, Impossible, Serialize};

use crate::{Encoding, Error, Map, Syntax, Value};

/// Renders any serializable value as Rest.li text for a query parameter, the way LinkedIn's
/// web app writes it (see [`Encoding::QUERY`]).
///
/// ```
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Variables<'a> {
///     start: u32,
///     count: u32,
///     keywords: &'a str,
///     #[serde(skip_serializing_if = "Option::is_none")]
///     pagination_token: Option<&'a str>,
///     network: Vec<Network>,
/// }
/// #[derive(serde::Serialize)]
/// enum Network { F, S }
///
/// let v = Variables { start: 0, count: 10, keywords: "rust, (remote)", pagination_token: None, network: vec![Network::F, Network::S] };
/// assert_eq!(
///     restli::to_string(&v).unwrap(),
///     "(start:0,count:10,keywords:rust%2C%20%28remote%29,network:List(F,S))"
/// );
/// ```
///
/// # Errors
///
/// A [`Syntax::Serialize`] error for what Rest.li cannot express: bytes, a non-finite float,
/// a map key that is not a string, number or boolean, or `None` outside a struct or map.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    to_string_with(value, Encoding::QUERY)
}

/// Like [`to_string`], with another [`Encoding`] (a path key, the reduced form, the Java
/// profile).
///
/// ```
/// use restli::Encoding;
/// let key = [("member", "urn:li:member:1"), ("account", "urn:li:account:2")];
/// let map: std::collections::BTreeMap<_, _> = key.into_iter().collect();
/// assert_eq!(
///     restli::to_string_with(&map, Encoding::PATH).unwrap(),
///     "(account:urn%3Ali%3Aaccount%3A2,member:urn%3Ali%3Amember%3A1)"
/// );
/// ```
///
/// # Errors
///
/// As [`to_string`].
pub fn to_string_with<T: Serialize + ?Sized>(
    value: &T,
    encoding: Encoding,
) -> Result<String, Error> {
    Ok(to_value(value)?.encode(encoding))
}

/// Converts any serializable value into a Rest.li [`Value`].
///
/// ```
/// let v = restli::to_value(&(1, "a", true)).unwrap();
/// assert_eq!(v, restli::Value::list(["1", "a", "true"]));
/// ```
///
/// # Errors
///
/// As [`to_string`].
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, Error> {
    value
        .serialize(ValueSerializer)?
        .ok_or_else(|| unsupported("None has no Rest.li form outside a struct or map field"))
}

/// The text of a float: the shortest form that reads back the same (`123.5`, `1e21`).
pub(crate) fn float_text(v: f64) -> Result<String, Error> {
    if v.is_finite() {
        Ok(ryu::Buffer::new().format_finite(v).to_owned())
    } else {
        Err(unsupported("a non-finite number has no Rest.li form"))
    }
}

fn unsupported(what: &str) -> Error {
    Error::new(Syntax::Serialize, what)
}

fn present(v: impl Into<Value>) -> Result<Option<Value>, Error> {
    Ok(Some(v.into()))
}

fn required(v: Option<Value>) -> Result<Value, Error> {
    v.ok_or_else(|| unsupported("a list element cannot be None"))
}

/// Serializes into `Some(value)`, or `None` for an absent optional.
struct ValueSerializer;

impl ser::Serializer for ValueSerializer {
    type Ok = Option<Value>;
    type Error = Error;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = SeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = MapBuilder;
    type SerializeStructVariant = MapBuilder;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        if v.is_finite() {
            present(ryu::Buffer::new().format_finite(v))
        } else {
            float_text(f64::from(v)).map(|s| Some(Value::from(s)))
        }
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        float_text(v).map(|s| Some(Value::from(s)))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        present(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        present(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, Error> {
        Err(unsupported(
            "bytes have no Rest.li form; encode them as a string first",
        ))
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        present("null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, Error> {
        present("null")
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        present(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        let mut map = Map::with_capacity(1);
        if let Some(v) = value.serialize(ValueSerializer)? {
            map.push(variant, v);
        }
        present(map)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, Error> {
        Ok(SeqBuilder {
            items: Vec::with_capacity(len.unwrap_or(0).min(1024)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqBuilder, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<SeqBuilder, Error> {
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = Some(variant);
        Ok(seq)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, Error> {
        Ok(MapBuilder {
            map: Map::with_capacity(len.unwrap_or(0).min(1024)),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<MapBuilder, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<MapBuilder, Error> {
        let mut map = self.serialize_map(Some(len))?;
        map.variant = Some(variant);
        Ok(map)
    }
}

/// Wraps `inner` as `(variant:inner)` when it belongs to an enum variant.
fn wrap(variant: Option<&'static str>, inner: Value) -> Value {
    match variant {
        Some(name) => Value::Map([(name, inner)].into_iter().collect()),
        None => inner,
    }
}

struct SeqBuilder {
    items: Vec<Value>,
    variant: Option<&'static str>,
}

impl SeqBuilder {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items
            .push(required(value.serialize(ValueSerializer)?)?);
        Ok(())
    }
    fn finish(self) -> Result<Option<Value>, Error> {
        present(wrap(self.variant, Value::List(self.items)))
    }
}

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for SeqBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

struct MapBuilder {
    map: Map,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl MapBuilder {
    fn entry<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<(), Error> {
        if let Some(v) = value.serialize(ValueSerializer)? {
            self.map.push(key, v);
        }
        Ok(())
    }
    fn finish(self) -> Result<Option<Value>, Error> {
        present(wrap(self.variant, Value::Map(self.map)))
    }
}

impl ser::SerializeMap for MapBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySerializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| unsupported("a map value came without its key"))?;
        self.entry(key, value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for MapBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(key.to_owned(), value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for MapBuilder {
    type Ok = Option<Value>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.entry(key.to_owned(), value)
    }
    fn end(self) -> Result<Self::Ok, Error> {
        self.finish()
    }
}

/// Map keys: strings, and scalars as their text.
struct KeySerializer;

fn key_error() -> Error {
    unsupported("a map key must be a string, number, boolean or unit variant")
}

fn leaf_key(v: Value) -> Result<String, Error> {
    match v {
        Value::String(s) => Ok(s.into_string()),
        _ => Err(key_error()),
    }
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        leaf_key(v.into())
    }
    fn serialize_f32(self, v: f32) -> Result<String, Error> {
        float_text(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<String, Error> {
        float_text(v)
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(key_error())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum EntityUnion {
        ConversationUrn(String),
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Authorized {
        url: &'static str,
        authorized_entity: Entity,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Entity {
        entity_union: EntityUnion,
    }

    #[test]
    fn newtype_variants_are_one_key_maps_like_restli_unions() {
        let v = Authorized {
            url: "https://example.com/a",
            authorized_entity: Entity {
                entity_union: EntityUnion::ConversationUrn(
                    "urn:li:msg_conversation:(urn:li:fsd_profile:A,2-x==)".into(),
                ),
            },
        };
        assert_eq!(
            to_string(&v).unwrap(),
            "(url:https%3A%2F%2Fexample.com%2Fa,authorizedEntity:(entityUnion:(conversationUrn:\
             urn%3Ali%3Amsg_conversation%3A%28urn%3Ali%3Afsd_profile%3AA%2C2-x%3D%3D%29)))"
        );
    }

    #[derive(Serialize)]
    enum Shape {
        Point,
        Pair(u8, u8),
        Rect { w: u8, h: u8 },
    }

    #[test]
    fn every_enum_variant_kind() {
        assert_eq!(to_string(&Shape::Point).unwrap(), "Point");
        assert_eq!(to_string(&Shape::Pair(1, 2)).unwrap(), "(Pair:List(1,2))");
        assert_eq!(
            to_string(&Shape::Rect { w: 3, h: 4 }).unwrap(),
            "(Rect:(w:3,h:4))"
        );
    }

    #[test]
    fn none_is_left_out_of_maps_and_refused_elsewhere() {
        let mut m = BTreeMap::new();
        m.insert("a", Some(1));
        m.insert("b", None);
        assert_eq!(to_string(&m).unwrap(), "(a:1)");
        assert_eq!(
            to_string(&vec![Some(1), None]).unwrap_err().message(),
            "a list element cannot be None"
        );
        assert!(to_string(&None::<u8>).is_err());
        assert_eq!(to_string(&Some("x")).unwrap(), "x");
    }

    #[test]
    fn scalars_become_text() {
        assert_eq!(to_string(&123.5f64).unwrap(), "123.5");
        assert_eq!(to_string(&0.1f32).unwrap(), "0.1");
        assert_eq!(to_string(&-3i8).unwrap(), "-3");
        assert_eq!(
            to_string(&u128::MAX).unwrap(),
            "340282366920938463463374607431768211455"
        );
        assert_eq!(to_string(&'é').unwrap(), "%C3%A9");
        assert_eq!(to_string(&()).unwrap(), "null");
        assert_eq!(to_string("").unwrap(), "''");
        assert!(to_string(&f64::NAN).is_err());
        assert!(to_string(&f32::INFINITY).is_err());
    }

    #[test]
    fn map_keys_must_be_scalars() {
        let mut m = BTreeMap::new();
        m.insert(7, "seven");
        assert_eq!(to_string(&m).unwrap(), "(7:seven)");
        let mut bad = BTreeMap::new();
        bad.insert(vec![1], "x");
        assert_eq!(
            to_string(&bad).unwrap_err().to_string(),
            "cannot encode as Rest.li: a map key must be a string, number, boolean or unit variant"
        );
        assert!(to_string(&serde_bytes_like()).is_err());
    }

    fn serde_bytes_like() -> impl Serialize {
        struct B;
        impl Serialize for B {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"x")
            }
        }
        B
    }

    #[test]
    fn json_values_serialize_like_the_conversion() {
        let json = serde_json::json!({"k": [1, true, null, "x y"]});
        assert_eq!(to_value(&json).unwrap(), Value::from(json.clone()));
        assert_eq!(to_string(&json).unwrap(), "(k:List(1,true,null,x%20y))");
    }
}
