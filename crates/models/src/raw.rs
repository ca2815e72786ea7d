//! Typed values that keep the JSON they were read from.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::OnceLock;

use std::sync::Arc;

use serde::de::{DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::decode::{self, RAW_TOKEN, Shared};

/// A typed value together with the JSON it was read from, for the fields a model does not
/// (yet) cover. Derefs to the typed value.
///
/// Read from an [`Answer`](crate::Answer) (as the facade reads every answer), a `Raw` keeps
/// a shared handle on the answer's bytes and where its JSON is in them: nothing is copied,
/// and the JSON is parsed only when [`raw`](Self::raw) is first called (then kept).
/// [`raw_text`](Self::raw_text) gives the text itself, unparsed.
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
pub struct Raw<T> {
    value: T,
    json: Json,
}

/// A value whose view did not read ([`Raw::try_map`]): why, and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread<E> {
    /// Why it did not read.
    pub reason: E,
    /// Its JSON text as LinkedIn sent it, for the error to quote.
    pub text: String,
}

/// Where a [`Raw`]'s JSON is.
#[derive(Clone)]
enum Source {
    /// Given whole (already parsed).
    Value,
    /// A span of an answer's body (shared by every `Raw` of the answer).
    Span {
        shared: Arc<Shared>,
        start: usize,
        end: usize,
    },
}

#[derive(Clone)]
struct Json {
    source: Source,
    parsed: OnceLock<Value>,
}

impl Json {
    fn value(value: Value) -> Self {
        Self {
            source: Source::Value,
            parsed: OnceLock::from(value),
        }
    }

    fn get(&self) -> &Value {
        self.parsed.get_or_init(|| match &self.source {
            Source::Value => Value::Null,
            Source::Span { shared, start, end } => shared.json(*start, *end),
        })
    }

    fn text(&self) -> Cow<'_, str> {
        match &self.source {
            Source::Span { shared, start, end } => {
                let bytes = &shared.body[*start..*end];
                // A span serde_json read is UTF-8: `from_utf8` checks it on its fast path
                // (`from_utf8_lossy` walks it in chunks, several times slower).
                std::str::from_utf8(bytes)
                    .map_or_else(|_| String::from_utf8_lossy(bytes), Cow::Borrowed)
            }
            Source::Value => Cow::Owned(self.get().to_string()),
        }
    }
}

impl<T> Raw<T> {
    /// A typed value read from `json`.
    #[must_use]
    pub fn new(value: T, json: Value) -> Self {
        Self {
            value,
            json: Json::value(json),
        }
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

    /// [`map`](Self::map) by a reading that may fail: `Ok(None)` when `read` gives nothing;
    /// when it fails, its error with this value's JSON text, for the error to quote (the
    /// text is copied only then: a page of values that read copies nothing).
    ///
    /// ```
    /// use linkedin_models::Raw;
    ///
    /// let n: Raw<u32> = serde_json::from_str("7").unwrap();
    /// let refused = n.try_map(|_| Err::<Option<u32>, _>("odd")).unwrap_err();
    /// assert_eq!((refused.reason, refused.text.as_str()), ("odd", "7"));
    /// ```
    ///
    /// # Errors
    ///
    /// What `read` gave, with the JSON text ([`Unread`]).
    pub fn try_map<U, E>(
        self,
        read: impl FnOnce(&T) -> Result<Option<U>, E>,
    ) -> Result<Option<Raw<U>>, Unread<E>> {
        match read(&self.value) {
            Ok(value) => Ok(value.map(|value| Raw {
                value,
                json: self.json,
            })),
            Err(reason) => Err(Unread {
                reason,
                text: self.json.text().into_owned(),
            }),
        }
    }

    /// The view `read` makes of a borrowed typed value, with (a handle on) the same JSON.
    pub fn map_ref<U>(&self, read: impl FnOnce(&T) -> Option<U>) -> Option<Raw<U>> {
        let value = read(&self.value)?;
        Some(Raw {
            value,
            json: self.json.clone(),
        })
    }

    /// The JSON as LinkedIn sent it (references resolved for normalized answers), parsed on
    /// the first call.
    #[must_use]
    pub fn raw(&self) -> &Value {
        self.json.get()
    }

    /// The JSON text as LinkedIn sent it, unparsed (for a normalized answer, with its
    /// `*name` references as they came); the text of [`raw`](Self::raw) when the value was
    /// given whole.
    ///
    /// ```
    /// let n: linkedin_models::Raw<u32> = serde_json::from_str("7").unwrap();
    /// assert_eq!(n.raw_text(), "7");
    /// ```
    #[must_use]
    pub fn raw_text(&self) -> Cow<'_, str> {
        self.json.text()
    }

    /// The typed value.
    #[must_use]
    pub fn into_inner(self) -> T {
        self.value
    }

    /// Both parts (the JSON parsed if it was not yet).
    #[must_use]
    pub fn into_parts(self) -> (T, Value) {
        self.json.get();
        let json = self.json.parsed.into_inner().unwrap_or_default();
        (self.value, json)
    }
}

impl<T: Clone> Clone for Raw<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            json: self.json.clone(),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Raw<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Raw")
            .field("value", &self.value)
            .field("json", &crate::error::excerpt(self.raw_text().as_bytes()))
            .finish()
    }
}

/// Equal when both the typed values and the JSON are.
impl<T: PartialEq> PartialEq for Raw<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.raw() == other.raw()
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
        if decode::active() {
            // An answer being decoded gives the span and the value read from it.
            deserializer.deserialize_newtype_struct(RAW_TOKEN, RawVisitor(PhantomData))
        } else {
            whole(deserializer)
        }
    }
}

/// A `Raw` read by way of a JSON tree (from anything but an [`Answer`](crate::Answer)).
fn whole<'de, T: DeserializeOwned, D: Deserializer<'de>>(d: D) -> Result<Raw<T>, D::Error> {
    let json = Value::deserialize(d)?;
    let value = T::deserialize(&json).map_err(serde::de::Error::custom)?;
    Ok(Raw::new(value, json))
}

struct RawVisitor<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for RawVisitor<T> {
    type Value = Raw<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Raw<T>, D::Error> {
        match decode::take_span() {
            Some((shared, start, end)) => Ok(Raw {
                value: T::deserialize(d)?,
                json: Json {
                    source: Source::Span { shared, start, end },
                    parsed: OnceLock::new(),
                },
            }),
            // A deserializer that only passes the request on (buffered content).
            None => whole(d),
        }
    }
}

/// Serializes the typed value only (what snapshots and users' own output want).
impl<T: Serialize> Serialize for Raw<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}
