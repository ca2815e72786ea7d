//! Typed values that keep the JSON they were read from.

use std::ops::Deref;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A typed value together with the JSON it was read from, for the fields a model does not
/// (yet) cover. Derefs to the typed value.
///
/// ```
/// use linkedin_models::Raw;
///
/// #[derive(serde::Deserialize)]
/// struct Name { first: String }
///
/// let name: Raw<Name> = serde_json::from_str(r#"{"first":"Dana","pronoun":"she"}"#).unwrap();
/// assert_eq!(name.first, "Dana");
/// assert_eq!(name.raw()["pronoun"], "she");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Raw<T> {
    value: T,
    json: Value,
}

impl<T> Raw<T> {
    /// A typed value read from `json`.
    #[must_use]
    pub fn new(value: T, json: Value) -> Self {
        Self { value, json }
    }

    /// The view `read` makes of the typed value, with the same JSON; `None` when it makes
    /// none.
    ///
    /// ```
    /// use linkedin_models::Raw;
    ///
    /// let n: Raw<u32> = serde_json::from_str("7").unwrap();
    /// let doubled = n.map(|n| Some(n * 2)).unwrap();
    /// assert_eq!((*doubled, doubled.raw().clone()), (14, serde_json::json!(7)));
    /// ```
    pub fn map<U>(self, read: impl FnOnce(&T) -> Option<U>) -> Option<Raw<U>> {
        let value = read(&self.value)?;
        Some(Raw {
            value,
            json: self.json,
        })
    }

    /// The JSON as LinkedIn sent it (references resolved for normalized answers).
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.json
    }

    /// The typed value.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.value
    }

    /// Both parts.
    #[must_use]
    pub fn into_parts(self) -> (T, Value) {
        (self.value, self.json)
    }
}

impl<T> Deref for Raw<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Raw<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let json = Value::deserialize(deserializer)?;
        let value = T::deserialize(&json).map_err(serde::de::Error::custom)?;
        Ok(Self { value, json })
    }
}

/// Serializes the typed value only (what snapshots and users' own output want).
impl<T: Serialize> Serialize for Raw<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}
