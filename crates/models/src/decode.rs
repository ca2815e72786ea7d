//! Reading an answer once, from its bytes: [`Answer`].
//!
//! The body is read once for its layout (for a normalized answer: where `data` is, and an
//! index from URN to each entity of `included`, as borrowed slices of the body; found by a
//! scan of its strings and brackets, each value checked by serde_json when read), then each
//! model is deserialized straight from the bytes by a deserializer that follows `*name`
//! references as it meets them: a field `*name` holding a URN (or a list of URNs) reads as a
//! field `name` holding the entity (or the entities), each decoded when, and only if, a model
//! asks for it. No intermediate JSON tree is built, and nothing is cloned.
//!
//! [`Raw`](crate::Raw) values read this way keep a shared handle on the body and the span of
//! their JSON in it; their JSON is parsed only when asked for.
//!
//! The fast path keeps no path: when a model does not read, the same decoding is run again
//! under `serde_path_to_error` to name where ([`DecodeError`]), in the answer as LinkedIn sent
//! it (`/included/[12].title`, with the reference that led there).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use bytes::Bytes;
use serde::Deserialize;
use serde::de::value::UnitDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IgnoredAny, MapAccess,
    SeqAccess, VariantAccess, Visitor,
};
use serde_json::value::RawValue;

use crate::DecodeError;
use crate::graph::MAX_REFERENCE_DEPTH;

mod scan;

type JsonError = serde_json::Error;

/// The name under which [`Raw`](crate::Raw) asks a deserializer for its span.
pub(crate) const RAW_TOKEN: &str = "$linkedin_models::Raw";

/// An answer's body, read for its layout: the value models are read from (`data` of a
/// normalized answer, else the whole), and the normalized entities by URN.
///
/// ```
/// use linkedin_models::Answer;
///
/// let body = bytes::Bytes::from_static(br#"{
///   "data": {"*elements": ["urn:li:fsd_profile:1"], "paging": {"total": 1}},
///   "included": [{"entityUrn": "urn:li:fsd_profile:1", "firstName": "Dana"}]
/// }"#);
/// #[derive(serde::Deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Person { first_name: String }
///
/// let answer = Answer::parse(&body).unwrap();
/// let people: Vec<Person> = answer.decode("/elements").unwrap();
/// assert_eq!(people[0].first_name, "Dana");
/// let total: u64 = answer.decode("/paging/total").unwrap();
/// assert_eq!(total, 1);
/// ```
#[derive(Debug)]
pub struct Answer<'a> {
    body: &'a Bytes,
    text: &'a str,
    /// The JSON models are read from.
    root: &'a str,
    /// `included` by URN (with each entity's place in `included`); `None` when the answer
    /// is not normalized.
    index: Option<HashMap<Cow<'a, str>, (usize, &'a str)>>,
}

impl<'a> Answer<'a> {
    /// Reads a body's layout. An answer is normalized when it has both `data` and
    /// `included` at the top.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] when the body is not JSON (or not UTF-8). In a normalized answer, the
    /// inside of `data` and of each entity is checked when a model reads it
    /// ([`decode`](Self::decode)): an entity nothing reads is not.
    pub fn parse(body: &'a Bytes) -> Result<Self, DecodeError> {
        let text = std::str::from_utf8(body).map_err(|e| DecodeError {
            path: format!("byte {}", e.valid_up_to()),
            reason: "not JSON: not UTF-8".to_owned(),
            excerpt: crate::error::excerpt(body),
        })?;
        let layout = match scan::top(text) {
            scan::Top::Normalized { data, included } => Layout::Normalized { data, included },
            scan::Top::Plain => Layout::Plain,
            // What the scan does not follow, serde_json reads (and names what is wrong).
            scan::Top::Unknown => {
                serde_json::from_str(text).map_err(|e| DecodeError::json(&e, body))?
            }
        };
        let (root, index) = match layout {
            Layout::Normalized { data, included } => {
                let mut index = HashMap::with_capacity(included.len());
                for (at, entity) in included.into_iter().enumerate() {
                    // An entity without a URN cannot be referred to.
                    if let Some(urn) = entity_urn(entity) {
                        index.entry(urn).or_insert((at, entity));
                    }
                }
                (data, Some(index))
            }
            // A plain answer is checked whole: it is read from its top.
            Layout::Plain => (
                serde_json::from_str::<&RawValue>(text)
                    .map_err(|e| DecodeError::json(&e, body))?
                    .get(),
                None,
            ),
        };
        Ok(Self {
            body,
            text,
            root,
            index,
        })
    }

    /// Whether the answer is normalized (`data` + `included`).
    #[must_use]
    pub fn is_normalized(&self) -> bool {
        self.index.is_some()
    }

    /// Whether something is at `pointer` (references followed).
    #[must_use]
    pub fn has(&self, pointer: &str) -> bool {
        matches!(self.locate(pointer), Ok(Some(_)))
    }

    /// `T` read from the value at the JSON `pointer` (`""` for the whole; into the nested
    /// shape, references followed: `/elements/0` reaches the first of `*elements`).
    ///
    /// # Errors
    ///
    /// [`DecodeError`] naming where the model and the answer disagree, with the path in the
    /// answer as LinkedIn sent it: nothing at `pointer`, a value that does not read (a field
    /// missing, null or of another type), a reference to an entity the answer does not
    /// include.
    pub fn decode<T: DeserializeOwned>(&self, pointer: &str) -> Result<T, DecodeError> {
        let Some(node) = self.locate(pointer)? else {
            return Err(DecodeError {
                path: pointer.to_owned(),
                reason: "missing from the answer".to_owned(),
                excerpt: crate::error::excerpt(self.root.as_bytes()),
            });
        };
        let _active = Active::enter(self.body, self.index.is_some());
        let graph = Graph {
            base: self.text.as_ptr() as usize,
            len: self.text.len(),
            index: self.index.as_ref(),
            trail: None,
        };
        let fast = node.read::<T>(&graph);
        fast.map_err(|_| self.explain::<T>(pointer, node))
    }

    /// `T` at `pointer`, or `None` when nothing (or `null`) is there.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode), for a value that is there and does not read.
    pub fn decode_opt<T: DeserializeOwned>(&self, pointer: &str) -> Result<Option<T>, DecodeError> {
        match self.locate(pointer)? {
            None => Ok(None),
            Some(Node::Value(v) | Node::Reference(v)) if v == "null" => Ok(None),
            Some(_) => self.decode(pointer).map(Some),
        }
    }

    /// The answer as one JSON tree, references put back in place (what
    /// [`resolve`](crate::resolve) gives for a normalized answer, the whole body otherwise):
    /// for code that wants a [`serde_json::Value`]. Costs the tree.
    #[must_use]
    pub fn to_value(&self) -> serde_json::Value {
        let whole: serde_json::Value = serde_json::from_str(self.text).unwrap_or_default();
        if self.index.is_some() {
            crate::graph::resolve_value(whole).unwrap_or_default()
        } else {
            whole
        }
    }

    /// The body, as it came.
    #[must_use]
    pub fn body(&self) -> &'a Bytes {
        self.body
    }

    /// Second pass of a value that did not read: the same decoding under
    /// `serde_path_to_error`, keeping the innermost entity it failed in.
    fn explain<T: DeserializeOwned>(&self, pointer: &str, node: Node<'a>) -> DecodeError {
        let _active = Active::enter(self.body, self.index.is_some());
        let trail = RefCell::new(Trail::default());
        let graph = Graph {
            base: self.text.as_ptr() as usize,
            len: self.text.len(),
            index: self.index.as_ref(),
            trail: Some(&trail),
        };
        let (outer_path, error) = match node.read_tracked::<T>(&graph) {
            Ok(_) => {
                return DecodeError {
                    path: pointer.to_owned(),
                    reason: "did not read once, then did: report it".to_owned(),
                    excerpt: String::new(),
                };
            }
            Err(e) => e,
        };
        let prefix = if self.index.is_some() { "/data" } else { "" };
        let via = join(&format!("{prefix}{pointer}"), &outer_path);
        match trail.into_inner().failed {
            Some(Failed {
                urn,
                at,
                path,
                reason,
                excerpt,
            }) => DecodeError {
                path: join(&format!("/included/[{at}]"), &path),
                reason: format!("{reason} (in {urn}, referred to at {via})"),
                excerpt,
            },
            None => DecodeError {
                path: via,
                reason: clean(&error),
                excerpt: crate::error::excerpt(node.raw().as_bytes()),
            },
        }
    }

    /// The value at `pointer`, references followed; `None` when nothing is there.
    fn locate(&self, pointer: &str) -> Result<Option<Node<'a>>, DecodeError> {
        let mut node = Node::Value(self.root);
        if pointer.is_empty() {
            return Ok(Some(node));
        }
        let Some(rest) = pointer.strip_prefix('/') else {
            return Ok(None);
        };
        let mut walked = String::new();
        for segment in rest.split('/') {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            walked.push('/');
            walked.push_str(&segment);
            let unresolved = |urn: &str| DecodeError {
                path: walked.clone(),
                reason: format!("refers to {urn}, which the answer does not include"),
                excerpt: crate::error::excerpt(urn.as_bytes()),
            };
            node = match node {
                Node::Value(raw) => match step(raw, &segment, self.index.is_some()) {
                    Some(next) => next,
                    None => return Ok(None),
                },
                Node::Reference(raw) => {
                    // A reference (or a list of them) being walked into: the entity it names,
                    // or the one at the segment's index.
                    let urn = match serde_json::from_str::<Target<'_>>(raw) {
                        Ok(Target::Many(urns)) => match segment.parse::<usize>() {
                            Ok(i) => match urns.into_iter().nth(i) {
                                Some(urn) => urn,
                                None => return Ok(None),
                            },
                            Err(_) => return Ok(None),
                        },
                        Ok(Target::One(_) | Target::Null) | Err(_) => return Ok(None),
                    };
                    Node::Value(self.entity(&urn).ok_or_else(|| unresolved(&urn))?)
                }
            };
            // A single reference reached by the segment stands for its entity.
            if let Node::Reference(raw) = node
                && let Ok(Target::One(urn)) = serde_json::from_str::<Target<'_>>(raw)
            {
                let entity = self.entity(&urn).ok_or_else(|| unresolved(&urn))?;
                node = Node::Value(entity);
            }
        }
        Ok(Some(node))
    }

    fn entity(&self, urn: &str) -> Option<&'a str> {
        self.index.as_ref()?.get(urn).map(|(_, raw)| *raw)
    }
}

fn join(prefix: &str, path: &str) -> String {
    if path.is_empty() || path == "." {
        prefix.to_owned()
    } else {
        format!("{prefix}/{path}")
    }
}

/// serde_json's message without its position (a position in a slice of the body).
fn clean(error: &JsonError) -> String {
    clean_text(&error.to_string())
}

/// A message without the positions serde_json added (one a reference followed).
fn clean_text(text: &str) -> String {
    let mut text = text.to_owned();
    // Each reference followed may have added one.
    while let Some(at) = text.rfind(" at line ") {
        let tail = &text[at + " at line ".len()..];
        let positional = tail.split_once(" column ").is_some_and(|(l, c)| {
            l.bytes().all(|b| b.is_ascii_digit()) && c.bytes().all(|b| b.is_ascii_digit())
        });
        if !positional {
            break;
        }
        text.truncate(at);
    }
    text
}

/// A place in the answer: a value, or a `*name` reference standing for what it names.
#[derive(Debug, Clone, Copy)]
enum Node<'a> {
    Value(&'a str),
    Reference(&'a str),
}

impl<'a> Node<'a> {
    fn raw(self) -> &'a str {
        match self {
            Self::Value(raw) | Self::Reference(raw) => raw,
        }
    }

    fn read<T: DeserializeOwned>(self, graph: &Graph<'a, '_>) -> Result<T, JsonError> {
        let mut de = serde_json::Deserializer::from_str(self.raw());
        match self {
            Self::Value(raw) => T::deserialize(Resolving::at(&mut de, graph, 0, raw)),
            Self::Reference(_) => T::deserialize(RefDeserializer {
                de: &mut de,
                graph,
                depth: 0,
            }),
        }
    }

    /// [`read`](Self::read) keeping the path where it failed.
    fn read_tracked<T: DeserializeOwned>(
        self,
        graph: &Graph<'a, '_>,
    ) -> Result<T, (String, JsonError)> {
        let mut de = serde_json::Deserializer::from_str(self.raw());
        let mut track = serde_path_to_error::Track::new();
        let result = match self {
            Self::Value(raw) => T::deserialize(serde_path_to_error::Deserializer::new(
                Resolving::at(&mut de, graph, 0, raw),
                &mut track,
            )),
            Self::Reference(_) => T::deserialize(serde_path_to_error::Deserializer::new(
                RefDeserializer {
                    de: &mut de,
                    graph,
                    depth: 0,
                },
                &mut track,
            )),
        };
        result.map_err(|e| (track.path().to_string(), e))
    }
}

/// The value under `key` of the object `raw` (or its `*key` reference), or the element at
/// index `key` of the array `raw`.
fn step<'a>(raw: &'a str, key: &str, references: bool) -> Option<Node<'a>> {
    struct Find<'k> {
        key: &'k str,
        references: bool,
    }
    impl<'de> Visitor<'de> for Find<'_> {
        type Value = Option<Node<'de>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object or an array")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut inline, mut reference) = (None, None);
            while let Some(k) = map.next_key::<Key<'de>>()? {
                let k = k.as_str();
                if inline.is_none() && k == self.key {
                    inline = Some(map.next_value::<&'de RawValue>()?.get());
                } else if self.references
                    && reference.is_none()
                    && k.strip_prefix('*') == Some(self.key)
                {
                    reference = Some(map.next_value::<&'de RawValue>()?.get());
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(inline.map(Node::Value).or(reference.map(Node::Reference)))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let Ok(at) = self.key.parse::<usize>() else {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(None);
            };
            let mut found = None;
            let mut i = 0;
            while let Some(element) = seq.next_element::<&'de RawValue>()? {
                if i == at {
                    found = Some(Node::Value(element.get()));
                }
                i += 1;
            }
            Ok(found)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    let mut de = serde_json::Deserializer::from_str(raw);
    de.deserialize_any(Find { key, references }).ok().flatten()
}

/// The top of a body: normalized (`data` and `included`), or anything else.
enum Layout<'a> {
    Normalized {
        data: &'a str,
        included: Vec<&'a str>,
    },
    Plain,
}

impl<'de> Deserialize<'de> for Layout<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Layout<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (mut data, mut included) = (None, None);
                while let Some(k) = map.next_key::<Key<'de>>()? {
                    match k.as_str() {
                        "data" if data.is_none() => {
                            data = Some(map.next_value::<&'de RawValue>()?.get());
                        }
                        "included" if included.is_none() => {
                            included = Some(map.next_value::<Included<'de>>()?);
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(match (data, included) {
                    (Some(data), Some(Included(included))) => Layout::Normalized { data, included },
                    _ => Layout::Plain,
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Layout::Plain)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Layout::Plain)
            }
        }
        d.deserialize_any(V)
    }
}

/// `included`: its entities (a non-list reads as none).
struct Included<'a>(Vec<&'a str>);

impl<'de> Deserialize<'de> for Included<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Included<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of entities")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(16));
                while let Some(e) = seq.next_element::<&'de RawValue>()? {
                    all.push(e.get());
                }
                Ok(Included(all))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Included(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Included(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// An included entity's `entityUrn` (a string; none when absent, null or of another type),
/// read up to it and no further: the rest is checked when a model reads the entity
/// (LinkedIn writes keys in order, and `entityUrn` comes early).
fn entity_urn(entity: &str) -> Option<Cow<'_, str>> {
    struct Find<'s, 'a>(&'s mut Option<Cow<'a, str>>);
    impl<'de: 'a, 'a> Visitor<'de> for Find<'_, 'a> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an entity")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<Key<'de>>()? {
                if key.as_str() == "entityUrn" {
                    *self.0 = map.next_value::<Option<CowStr<'de>>>()?.map(|urn| urn.0);
                    return Ok(());
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut found = None;
    let mut de = serde_json::Deserializer::from_str(entity);
    // Left at its URN, the map is not read to its end, which serde_json reports as an
    // error: the URN found is what counts.
    let _unfinished = Deserializer::deserialize_map(&mut de, Find(&mut found));
    found
}

/// A string borrowed from the body when it has no escapes.
struct CowStr<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for CowStr<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Key::deserialize(d).map(|k| match k {
            Key::Borrowed(s) => CowStr(Cow::Borrowed(s)),
            Key::Owned(s) => CowStr(Cow::Owned(s)),
        })
    }
}

/// A map key or a URN: borrowed from the body when it has no escapes.
enum Key<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Self::Borrowed(s) => s,
            Self::Owned(s) => s,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Key<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Key::Borrowed(s))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Key::Owned(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Key::Owned(s))
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// What a `*name` field holds: a URN, a list of URNs, or null.
enum Target<'a> {
    Null,
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

impl<'de> Deserialize<'de> for Target<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Target<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a reference: a URN, a list of URNs, or null")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Target::One(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Target::One(Cow::Owned(s.to_owned())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Target::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Target::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut urns = Vec::with_capacity(seq.size_hint().unwrap_or(8));
                while let Some(CowStr(urn)) = seq.next_element()? {
                    urns.push(urn);
                }
                Ok(Target::Many(urns))
            }
        }
        d.deserialize_any(V)
    }
}

/// Where the second pass is (keys, indexes and entities entered), and the innermost entity
/// a value failed in.
#[derive(Default)]
struct Trail {
    stack: Vec<Segment>,
    failed: Option<Failed>,
}

enum Segment {
    Key(String),
    Index(usize),
    Entity {
        urn: String,
        at: usize,
        excerpt: String,
    },
}

impl Trail {
    /// Keeps where `error` happened, unless a place deeper in was kept already.
    fn note(&mut self, error: &dyn fmt::Display) {
        if self.failed.is_some() {
            return;
        }
        let Some(entity) = self
            .stack
            .iter()
            .rposition(|s| matches!(s, Segment::Entity { .. }))
        else {
            return;
        };
        let Segment::Entity { urn, at, excerpt } = &self.stack[entity] else {
            return;
        };
        let mut path = String::new();
        for segment in &self.stack[entity + 1..] {
            match segment {
                Segment::Key(key) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Segment::Index(i) => path.push_str(&format!("[{i}]")),
                Segment::Entity { .. } => {}
            }
        }
        self.failed = Some(Failed {
            urn: urn.clone(),
            at: *at,
            path,
            reason: clean_text(&error.to_string()),
            excerpt: excerpt.clone(),
        });
    }
}

/// The innermost entity a value failed in.
struct Failed {
    urn: String,
    at: usize,
    path: String,
    reason: String,
    excerpt: String,
}

/// What resolving needs: where the body is (for spans), the entities, and, on the second
/// pass, where to keep the innermost failure.
struct Graph<'a, 'g> {
    base: usize,
    len: usize,
    index: Option<&'g HashMap<Cow<'a, str>, (usize, &'a str)>>,
    trail: Option<&'g RefCell<Trail>>,
}

impl<'a> Graph<'a, '_> {
    fn entity(&self, urn: &str) -> Result<(usize, &'a str), JsonError> {
        self.index
            .and_then(|index| index.get(urn).copied())
            .ok_or_else(|| {
                de::Error::custom(format_args!(
                    "refers to {urn}, which the answer does not include"
                ))
            })
    }

    /// `seed` read from the entity `urn`, the references in it followed.
    fn read_entity<S: DeserializeSeed<'a>>(
        &self,
        urn: &str,
        depth: usize,
        seed: S,
    ) -> Result<S::Value, JsonError> {
        if depth >= MAX_REFERENCE_DEPTH {
            return Err(de::Error::custom(format_args!(
                "references nested deeper than {MAX_REFERENCE_DEPTH} (a cycle?) at {urn}"
            )));
        }
        let (at, entity) = self.entity(urn)?;
        let mut de = serde_json::Deserializer::from_str(entity);
        self.tracked(
            || Segment::Entity {
                urn: urn.to_owned(),
                at,
                excerpt: crate::error::excerpt(entity.as_bytes()),
            },
            || seed.deserialize(Resolving::at(&mut de, self, depth + 1, entity)),
        )
    }

    /// `read` on the second pass with `segment` on the trail (kept if it fails).
    fn tracked<T, E: fmt::Display>(
        &self,
        segment: impl FnOnce() -> Segment,
        read: impl FnOnce() -> Result<T, E>,
    ) -> Result<T, E> {
        let Some(trail) = self.trail else {
            return read();
        };
        trail.borrow_mut().stack.push(segment());
        let result = read();
        let mut trail = trail.borrow_mut();
        if let Err(e) = &result {
            trail.note(e);
        }
        trail.stack.pop();
        result
    }

    fn span_of(&self, text: &str) -> Option<(usize, usize)> {
        let start = (text.as_ptr() as usize).checked_sub(self.base)?;
        let end = start + text.len();
        (end <= self.len).then_some((start, end))
    }
}

/// What the [`Raw`](crate::Raw) values of one decoding share: the body, whether it is
/// normalized, and its `included` as JSON by URN, parsed once when a first `raw()` needs it.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) body: Bytes,
    normalized: bool,
    included: std::sync::OnceLock<HashMap<String, serde_json::Value>>,
}

impl Shared {
    /// The JSON of `span`, its references put back in place for a normalized body.
    pub(crate) fn json(&self, start: usize, end: usize) -> serde_json::Value {
        let value: serde_json::Value =
            serde_json::from_slice(&self.body[start..end]).unwrap_or_default();
        if !self.normalized {
            return value;
        }
        let included = self
            .included
            .get_or_init(|| crate::graph::included_of(&self.body));
        crate::graph::resolve_with(value, included)
    }
}

/// The decoding in progress on this thread: what the [`Raw`](crate::Raw) values it reads
/// share, and the span of the one being read.
#[derive(Default)]
struct Context {
    body: Option<std::sync::Arc<Shared>>,
    span: Option<(usize, usize)>,
}

thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::default();
}

/// Marks a decoding as in progress on this thread until dropped (restoring any outer one).
struct Active {
    outer: Option<std::sync::Arc<Shared>>,
}

impl Active {
    fn enter(body: &Bytes, normalized: bool) -> Self {
        let shared = std::sync::Arc::new(Shared {
            body: body.clone(),
            normalized,
            included: std::sync::OnceLock::new(),
        });
        let outer = CONTEXT.with(|c| c.borrow_mut().body.replace(shared));
        Self { outer }
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        let outer = self.outer.take();
        CONTEXT.with(|c| {
            let mut c = c.borrow_mut();
            c.body = outer;
            c.span = None;
        });
    }
}

/// Whether an [`Answer`] is being decoded on this thread.
pub(crate) fn active() -> bool {
    CONTEXT.with(|c| c.borrow().body.is_some())
}

/// What the [`Raw`](crate::Raw) being read shares, and its span, when an [`Answer`] gave
/// one.
pub(crate) fn take_span() -> Option<(std::sync::Arc<Shared>, usize, usize)> {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        let (start, end) = c.span.take()?;
        let shared = c.body.clone()?;
        Some((shared, start, end))
    })
}

fn set_span(span: (usize, usize)) {
    CONTEXT.with(|c| c.borrow_mut().span = Some(span));
}

/// A deserializer that reads `*name: <urn>` as `name: <entity>`, everywhere below it.
struct Resolving<'g, 'a, 'x, D> {
    de: D,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
    /// The whole of the value `de` stands at the start of, when it is known (an entity, the
    /// value at a pointer): a [`Raw`](crate::Raw) there takes it as its span without a pass
    /// over the value to find its end.
    whole: Option<&'a str>,
}

impl<'g, 'a, 'x, D> Resolving<'g, 'a, 'x, D> {
    fn new(de: D, graph: &'g Graph<'a, 'x>, depth: usize) -> Self {
        Self {
            de,
            graph,
            depth,
            whole: None,
        }
    }

    /// At the start of `whole`, which `de` reads.
    fn at(de: D, graph: &'g Graph<'a, 'x>, depth: usize, whole: &'a str) -> Self {
        Self {
            de,
            graph,
            depth,
            whole: Some(whole),
        }
    }

    fn wrap<V>(&self, visitor: V) -> Wrap<'g, 'a, 'x, V> {
        Wrap {
            visitor,
            graph: self.graph,
            depth: self.depth,
        }
    }
}

macro_rules! forward_wrapped {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                let wrapped = self.wrap(visitor);
                self.de.$method($($arg,)* wrapped)
            }
        )*
    };
}

impl<'a, D: Deserializer<'a>> Deserializer<'a> for Resolving<'_, 'a, '_, D> {
    type Error = D::Error;

    forward_wrapped! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, D::Error> {
        match self.whole {
            // Known not to be null: still at its start, so a `Raw` inside keeps its span.
            Some(whole) if whole != "null" => visitor.visit_some(self),
            _ => {
                let wrapped = self.wrap(visitor);
                self.de.deserialize_option(wrapped)
            }
        }
    }

    /// A struct reads from an object only: serde_json would also take a list of its fields'
    /// values in order, so an object LinkedIn sent as a list would read, its fields shifted.
    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let wrapped = self.wrap(visitor);
        self.de.deserialize_map(wrapped)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if name != RAW_TOKEN {
            let wrapped = self.wrap(visitor);
            return self.de.deserialize_newtype_struct(name, wrapped);
        }
        // A `Raw`: its span in the body, then its value read from that span.
        if let Some(whole) = self.whole {
            if let Some(span) = self.graph.span_of(whole) {
                set_span(span);
            }
            return visitor.visit_newtype_struct(self);
        }
        let raw = <&'a RawValue>::deserialize(self.de)?.get();
        if let Some(span) = self.graph.span_of(raw) {
            set_span(span);
        }
        let mut de = serde_json::Deserializer::from_str(raw);
        visitor
            .visit_newtype_struct(Resolving::at(&mut de, self.graph, self.depth, raw))
            .map_err(de::Error::custom)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_ignored_any(visitor)
    }
}

/// A visitor whose maps, lists, options and enums are read by [`Resolving`].
struct Wrap<'g, 'a, 'x, V> {
    visitor: V,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty;)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.visitor.$method(v)
            }
        )*
    };
}

impl<'a, V: Visitor<'a>> Visitor<'a> for Wrap<'_, 'a, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit! {
        visit_bool: bool;
        visit_i8: i8;
        visit_i16: i16;
        visit_i32: i32;
        visit_i64: i64;
        visit_i128: i128;
        visit_u8: u8;
        visit_u16: u16;
        visit_u32: u32;
        visit_u64: u64;
        visit_u128: u128;
        visit_f32: f32;
        visit_f64: f64;
        visit_char: char;
        visit_str: &str;
        visit_borrowed_str: &'a str;
        visit_string: String;
        visit_bytes: &[u8];
        visit_borrowed_bytes: &'a [u8];
        visit_byte_buf: Vec<u8>;
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D: Deserializer<'a>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor
            .visit_some(Resolving::new(d, self.graph, self.depth))
    }

    fn visit_newtype_struct<D: Deserializer<'a>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor
            .visit_newtype_struct(Resolving::new(d, self.graph, self.depth))
    }

    fn visit_seq<A: SeqAccess<'a>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_seq(SeqWrap {
            seq,
            graph: self.graph,
            depth: self.depth,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'a>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_map(MapWrap {
            map,
            graph: self.graph,
            depth: self.depth,
            reference: false,
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'a>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_enum(EnumWrap {
            data,
            graph: self.graph,
            depth: self.depth,
        })
    }
}

/// A seed whose value is read by [`Resolving`].
struct SeedWrap<'g, 'a, 'x, S> {
    seed: S,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

impl<'a, S: DeserializeSeed<'a>> DeserializeSeed<'a> for SeedWrap<'_, 'a, '_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'a>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.seed
            .deserialize(Resolving::new(d, self.graph, self.depth))
    }
}

/// The elements of a list, each read by [`Resolving`].
struct SeqWrap<'g, 'a, 'x, A> {
    seq: A,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
    index: usize,
}

impl<'a, A: SeqAccess<'a>> SeqAccess<'a> for SeqWrap<'_, 'a, '_, A> {
    type Error = A::Error;
    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let (graph, depth, index) = (self.graph, self.depth, self.index);
        self.index += 1;
        let seq = &mut self.seq;
        graph.tracked(
            || Segment::Index(index),
            || seq.next_element_seed(SeedWrap { seed, graph, depth }),
        )
    }
    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

/// The entries of an object: a `*name` key is given as `name`, and its value (a reference)
/// as what it refers to.
struct MapWrap<'g, 'a, 'x, A> {
    map: A,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
    /// Whether the key just given was a reference's.
    reference: bool,
    /// The key just given, as it came (second pass only).
    key: Option<String>,
}

impl<'a, A: MapAccess<'a>> MapAccess<'a> for MapWrap<'_, 'a, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.reference = false;
        if self.graph.index.is_none() && self.graph.trail.is_none() {
            return self.map.next_key_seed(seed);
        }
        let capture = self.graph.trail.map(|_| &mut self.key);
        self.map.next_key_seed(KeySeed {
            seed,
            references: self.graph.index.is_some(),
            reference: &mut self.reference,
            capture,
        })
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let (graph, depth) = (self.graph, self.depth);
        let key = self.key.take().unwrap_or_default();
        let map = &mut self.map;
        if std::mem::take(&mut self.reference) {
            return graph.tracked(
                || Segment::Key(key),
                || map.next_value_seed(RefSeed { seed, graph, depth }),
            );
        }
        graph.tracked(
            || Segment::Key(key),
            || map.next_value_seed(SeedWrap { seed, graph, depth }),
        )
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A key seed that gives `*name` as `name` (when `references`), noting that it was a
/// reference, and keeps the key as it came (when `capture`).
struct KeySeed<'r, K> {
    seed: K,
    references: bool,
    reference: &'r mut bool,
    capture: Option<&'r mut Option<String>>,
}

impl<'a, K: DeserializeSeed<'a>> DeserializeSeed<'a> for KeySeed<'_, K> {
    type Value = K::Value;
    fn deserialize<D: Deserializer<'a>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.seed.deserialize(KeyDe {
            de: d,
            references: self.references,
            reference: self.reference,
            capture: self.capture,
        })
    }
}

/// A key's deserializer: the key as it is, but `*name` as `name`.
struct KeyDe<'r, D> {
    de: D,
    references: bool,
    reference: &'r mut bool,
    capture: Option<&'r mut Option<String>>,
}

macro_rules! forward_key {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'a>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method($($arg,)* KeyVisitor {
                    visitor,
                    references: self.references,
                    reference: self.reference,
                    capture: self.capture,
                })
            }
        )*
    };
}

impl<'a, D: Deserializer<'a>> Deserializer<'a> for KeyDe<'_, D> {
    type Error = D::Error;

    forward_key! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }
}

/// A key's visitor: `*name` given as `name`.
struct KeyVisitor<'r, V> {
    visitor: V,
    references: bool,
    reference: &'r mut bool,
    capture: Option<&'r mut Option<String>>,
}

fn referenced(key: &str) -> Option<&str> {
    key.strip_prefix('*').filter(|name| !name.is_empty())
}

impl<V> KeyVisitor<'_, V> {
    /// The name a key is given under, keeping the key when asked to.
    fn name<'k>(&mut self, key: &'k str) -> &'k str {
        if let Some(capture) = self.capture.as_deref_mut() {
            *capture = Some(key.to_owned());
        }
        match referenced(key).filter(|_| self.references) {
            Some(name) => {
                *self.reference = true;
                name
            }
            None => key,
        }
    }
}

impl<'a, V: Visitor<'a>> Visitor<'a> for KeyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit! {
        visit_bool: bool;
        visit_i8: i8;
        visit_i16: i16;
        visit_i32: i32;
        visit_i64: i64;
        visit_i128: i128;
        visit_u8: u8;
        visit_u16: u16;
        visit_u32: u32;
        visit_u64: u64;
        visit_u128: u128;
        visit_f32: f32;
        visit_f64: f64;
        visit_char: char;
        visit_bytes: &[u8];
        visit_borrowed_bytes: &'a [u8];
        visit_byte_buf: Vec<u8>;
    }

    fn visit_str<E: de::Error>(mut self, key: &str) -> Result<Self::Value, E> {
        let name = self.name(key);
        self.visitor.visit_str(name)
    }

    fn visit_borrowed_str<E: de::Error>(mut self, key: &'a str) -> Result<Self::Value, E> {
        let name = self.name(key);
        self.visitor.visit_borrowed_str(name)
    }

    fn visit_string<E: de::Error>(mut self, key: String) -> Result<Self::Value, E> {
        if self.name(&key).len() == key.len() {
            self.visitor.visit_string(key)
        } else {
            self.visitor.visit_str(&key[1..])
        }
    }
}

/// The variants of an enum, their contents read by [`Resolving`].
struct EnumWrap<'g, 'a, 'x, A> {
    data: A,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

impl<'g, 'a, 'x, A: EnumAccess<'a>> EnumAccess<'a> for EnumWrap<'g, 'a, 'x, A> {
    type Error = A::Error;
    type Variant = VariantWrap<'g, 'a, 'x, A::Variant>;
    fn variant_seed<S: DeserializeSeed<'a>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (value, variant) = self.data.variant_seed(seed)?;
        Ok((
            value,
            VariantWrap {
                variant,
                graph: self.graph,
                depth: self.depth,
            },
        ))
    }
}

/// An enum variant's content, read by [`Resolving`].
struct VariantWrap<'g, 'a, 'x, A> {
    variant: A,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

impl<'a, A: VariantAccess<'a>> VariantAccess<'a> for VariantWrap<'_, 'a, '_, A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.variant.unit_variant()
    }
    fn newtype_variant_seed<S: DeserializeSeed<'a>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.variant.newtype_variant_seed(SeedWrap {
            seed,
            graph: self.graph,
            depth: self.depth,
        })
    }
    fn tuple_variant<V: Visitor<'a>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.variant.tuple_variant(
            len,
            Wrap {
                visitor,
                graph: self.graph,
                depth: self.depth,
            },
        )
    }
    fn struct_variant<V: Visitor<'a>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.variant.struct_variant(
            fields,
            Wrap {
                visitor,
                graph: self.graph,
                depth: self.depth,
            },
        )
    }
}

/// A seed whose value is a reference, read as what it refers to.
struct RefSeed<'g, 'a, 'x, S> {
    seed: S,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

impl<'a, S: DeserializeSeed<'a>> DeserializeSeed<'a> for RefSeed<'_, 'a, '_, S> {
    type Value = S::Value;
    fn deserialize<D: Deserializer<'a>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.seed.deserialize(RefDeserializer {
            de: d,
            graph: self.graph,
            depth: self.depth,
        })
    }
}

/// A reference's value (a URN, a list of URNs, null) read as what it refers to. A model that
/// skips the field skips it without looking it up.
struct RefDeserializer<'g, 'a, 'x, D> {
    de: D,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
}

/// One `deserialize_*` call, to make on a deserializer not yet at hand (an entity's).
trait Call<'a> {
    fn call<D: Deserializer<'a>, V: Visitor<'a>>(self, d: D, v: V) -> Result<V::Value, D::Error>;
}

/// A seed that makes `call` with `visitor` on the deserializer it is given.
struct CallSeed<C, V> {
    call: C,
    visitor: V,
}

impl<'a, C: Call<'a>, V: Visitor<'a>> DeserializeSeed<'a> for CallSeed<C, V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'a>>(self, d: D) -> Result<V::Value, D::Error> {
        self.call.call(d, self.visitor)
    }
}

/// `visit_some` with the deserializer.
struct CallSome;

impl<'a> Call<'a> for CallSome {
    fn call<D: Deserializer<'a>, V: Visitor<'a>>(self, d: D, v: V) -> Result<V::Value, D::Error> {
        v.visit_some(d)
    }
}

macro_rules! resolve_then {
    ($($method:ident $marker:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            struct $marker($($ty),*);

            impl<'a> Call<'a> for $marker {
                #[allow(non_snake_case)]
                fn call<D: Deserializer<'a>, V: Visitor<'a>>(self, d: D, v: V) -> Result<V::Value, D::Error> {
                    let $marker($($arg),*) = self;
                    d.$method($($arg,)* v)
                }
            }
        )*

        impl<'a, D: Deserializer<'a>> Deserializer<'a> for RefDeserializer<'_, 'a, '_, D> {
            type Error = D::Error;

            $(
                fn $method<V: Visitor<'a>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
                    let (graph, depth) = (self.graph, self.depth);
                    match Target::deserialize(self.de)? {
                        Target::Null => UnitDeserializer::new().$method($($arg,)* visitor),
                        Target::One(urn) => graph
                            .read_entity(&urn, depth, CallSeed { call: $marker($($arg),*), visitor })
                            .map_err(de::Error::custom),
                        Target::Many(urns) => visitor.visit_seq(RefSeq::new(urns, graph, depth)),
                    }
                }
            )*

            fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, D::Error> {
                let (graph, depth) = (self.graph, self.depth);
                match Target::deserialize(self.de)? {
                    Target::Null => visitor.visit_none(),
                    Target::One(urn) => graph
                        .read_entity(&urn, depth, CallSeed { call: CallSome, visitor })
                        .map_err(de::Error::custom),
                    Target::Many(urns) => visitor.visit_some(
                        serde::de::value::SeqAccessDeserializer::new(RefSeq::new(urns, graph, depth)),
                    ),
                }
            }

            fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.de.deserialize_ignored_any(visitor)
            }
        }
    };
}

resolve_then! {
    deserialize_any CallAny();
    deserialize_bool CallBool();
    deserialize_i8 CallI8();
    deserialize_i16 CallI16();
    deserialize_i32 CallI32();
    deserialize_i64 CallI64();
    deserialize_i128 CallI128();
    deserialize_u8 CallU8();
    deserialize_u16 CallU16();
    deserialize_u32 CallU32();
    deserialize_u64 CallU64();
    deserialize_u128 CallU128();
    deserialize_f32 CallF32();
    deserialize_f64 CallF64();
    deserialize_char CallChar();
    deserialize_str CallStr();
    deserialize_string CallString();
    deserialize_bytes CallBytes();
    deserialize_byte_buf CallByteBuf();
    deserialize_unit CallUnit();
    deserialize_unit_struct CallUnitStruct(name: &'static str);
    deserialize_newtype_struct CallNewtypeStruct(name: &'static str);
    deserialize_seq CallSeq();
    deserialize_tuple CallTuple(len: usize);
    deserialize_tuple_struct CallTupleStruct(name: &'static str, len: usize);
    deserialize_map CallMap();
    deserialize_struct CallStruct(name: &'static str, fields: &'static [&'static str]);
    deserialize_enum CallEnum(name: &'static str, variants: &'static [&'static str]);
    deserialize_identifier CallIdentifier();
}

/// The entities a list of references names, in order; one the answer does not include is an
/// error.
struct RefSeq<'g, 'a, 'x, E> {
    urns: std::vec::IntoIter<Cow<'a, str>>,
    total: usize,
    graph: &'g Graph<'a, 'x>,
    depth: usize,
    error: std::marker::PhantomData<E>,
}

impl<'g, 'a, 'x, E> RefSeq<'g, 'a, 'x, E> {
    fn new(urns: Vec<Cow<'a, str>>, graph: &'g Graph<'a, 'x>, depth: usize) -> Self {
        Self {
            total: urns.len(),
            urns: urns.into_iter(),
            graph,
            depth,
            error: std::marker::PhantomData,
        }
    }
}

impl<'a, E: de::Error> SeqAccess<'a> for RefSeq<'_, 'a, '_, E> {
    type Error = E;
    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, E> {
        let index = self.urns.len();
        let Some(urn) = self.urns.next() else {
            return Ok(None);
        };
        let index = self.total - index;
        self.graph
            .tracked(
                || Segment::Index(index),
                || self.graph.read_entity(&urn, self.depth, seed),
            )
            .map(Some)
            .map_err(de::Error::custom)
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.urns.len())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde::Deserialize;

    use super::*;
    use crate::Raw;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "camelCase")]
    struct Person {
        first_name: String,
        #[serde(default)]
        headline: Option<String>,
        #[serde(default)]
        friend: Option<Box<Person>>,
    }

    #[derive(Debug, Deserialize)]
    struct Page {
        elements: Vec<Raw<Person>>,
    }

    fn bytes_of(text: &str) -> Bytes {
        Bytes::copy_from_slice(text.as_bytes())
    }

    const GRAPH: &str = r#"{
        "data": {"*elements": ["urn:a", "urn:b"], "paging": {"total": 2}},
        "included": [
            {"entityUrn": "urn:a", "firstName": "Ada", "*friend": "urn:b", "extra": [1, 2]},
            {"entityUrn": "urn:b", "firstName": "Bo", "headline": "Hi"}
        ]
    }"#;

    #[test]
    fn references_are_followed_from_the_bytes_and_raws_keep_their_span() {
        let body = bytes_of(GRAPH);
        let answer = Answer::parse(&body).unwrap();
        assert!(answer.is_normalized());
        let page: Page = answer.decode("").unwrap();
        assert_eq!(page.elements.len(), 2);
        let ada = &page.elements[0];
        assert_eq!(ada.first_name, "Ada");
        assert_eq!(ada.friend.as_ref().unwrap().first_name, "Bo");
        // The raw text is LinkedIn's, the parsed raw has its references resolved.
        assert!(
            ada.raw_text().contains(r#""*friend": "urn:b""#),
            "{}",
            ada.raw_text()
        );
        assert_eq!(ada.raw()["friend"]["headline"], "Hi");
        assert_eq!(ada.raw()["extra"][1], 2);
        // A pointer walks into references.
        let bo: Person = answer.decode("/elements/1").unwrap();
        assert_eq!(bo.headline.as_deref(), Some("Hi"));
        let name: String = answer.decode("/elements/0/friend/firstName").unwrap();
        assert_eq!(name, "Bo");
        assert!(!answer.has("/elements/2"));
    }

    /// An object LinkedIn sent as a list (its values in order) does not read as a struct,
    /// as serde_json alone would read it, its fields shifted.
    #[test]
    fn a_struct_reads_from_an_object_only() {
        let body = bytes_of(r#"{"elements": [["Ada", "Hi"]]}"#);
        let err = Answer::parse(&body)
            .unwrap()
            .decode::<Page>("")
            .unwrap_err();
        assert_eq!(err.path, "/elements[0]", "{err}");
        assert!(err.reason.contains("invalid type: sequence"), "{err}");
        let body = bytes_of(r#"{"elements": [{"firstName": "Ada"}]}"#);
        assert!(Answer::parse(&body).unwrap().decode::<Page>("").is_ok());
    }

    #[test]
    fn an_unresolved_reference_is_an_error_naming_it() {
        let body = bytes_of(
            r#"{"data": {"*elements": ["urn:a", "urn:gone"]},
                "included": [{"entityUrn": "urn:a", "firstName": "Ada"}]}"#,
        );
        let err = Answer::parse(&body)
            .unwrap()
            .decode::<Page>("")
            .unwrap_err();
        assert!(err.reason.contains("urn:gone"), "{err}");
        assert!(err.reason.contains("does not include"), "{err}");
        assert_eq!(err.path, "/data/elements");
        // A single reference too, unless the model does not read the field.
        let single = bytes_of(r#"{"data": {"*friend": "urn:x"}, "included": []}"#);
        let answer = Answer::parse(&single).unwrap();
        #[derive(Debug, Deserialize)]
        struct Holder {
            #[allow(dead_code)]
            friend: Option<Person>,
        }
        #[derive(Debug, Deserialize)]
        struct Other {}
        assert!(answer.decode::<Holder>("").is_err());
        assert!(
            answer.decode::<Other>("").is_ok(),
            "an unread field is not looked up"
        );
    }

    #[test]
    fn an_element_that_does_not_read_names_its_path_in_the_answer() {
        let body = bytes_of(
            r#"{"data": {"*elements": ["urn:a", "urn:b"]},
                "included": [
                    {"entityUrn": "urn:a", "firstName": "Ada"},
                    {"entityUrn": "urn:b", "firstName": null}
                ]}"#,
        );
        let err = Answer::parse(&body)
            .unwrap()
            .decode::<Page>("")
            .unwrap_err();
        assert_eq!(err.path, "/included/[1]/firstName", "{err}");
        assert!(err.reason.contains("invalid type: null"), "{err}");
        assert!(err.reason.contains("urn:b"), "{err}");
        assert!(err.reason.contains("/data/elements"), "{err}");
        assert!(err.excerpt.chars().count() <= 161, "{err}");
        // Missing where required, in a plain answer: the path of the object.
        let plain = bytes_of(r#"{"elements": [{"firstName": "Ada"}, {"headline": "x"}]}"#);
        let err = Answer::parse(&plain)
            .unwrap()
            .decode::<Page>("")
            .unwrap_err();
        assert_eq!(err.path, "/elements[1]", "{err}");
        assert!(err.reason.contains("missing field `firstName`"), "{err}");
        // Optional and missing reads as None.
        let page: Page = Answer::parse(&bytes_of(r#"{"elements": [{"firstName": "Ada"}]}"#))
            .map(|a| a.decode("").unwrap())
            .unwrap();
        assert_eq!(page.elements[0].headline, None);
    }

    #[test]
    fn anything_that_is_json_parses_and_nothing_else() {
        for text in ["true", "null", "{}", "[]", "3"] {
            let one = bytes_of(text);
            let answer = Answer::parse(&one).unwrap();
            assert!(!answer.is_normalized());
            assert!(answer.decode::<Page>("/elements").is_err());
        }
        let err = Answer::parse(&bytes_of("{\"data\":")).unwrap_err();
        assert!(err.reason.starts_with("not JSON"), "{err}");
    }

    #[test]
    fn cycles_stop_at_the_depth_bound() {
        let body = bytes_of(
            r#"{"data": {"*elements": ["urn:a"]},
                "included": [
                    {"entityUrn": "urn:a", "firstName": "A", "*friend": "urn:b"},
                    {"entityUrn": "urn:b", "firstName": "B", "*friend": "urn:a"}
                ]}"#,
        );
        let err = Answer::parse(&body)
            .unwrap()
            .decode::<Page>("")
            .unwrap_err();
        assert!(err.reason.contains("nested deeper"), "{err}");
    }
}
