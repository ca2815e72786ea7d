//! The JSON mask form Rest.li uses in its Java API: `1` include, `0` exclude, a nested object
//! for a sub-mask, an integer under `$start`/`$count` for a range; key order preserved.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{COUNT, Mask, MaskEntry, START};

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
