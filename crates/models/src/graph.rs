//! LinkedIn's three response encodings, read into one nested JSON shape that typed models
//! deserialize from.
//!
//! - **Normalized** (`application/vnd.linkedin.normalized+json+2.1`): `{"data": …,
//!   "included": [entities]}` where a field `*name` holds the URN (or a list of URNs) of
//!   entities in `included`. [`resolve`] puts each entity back where it is referred to, under
//!   `name`, so `{"*elements": ["urn:a"]}` reads as `{"elements": [{…entity a…}]}`.
//! - **Default** nested JSON (legacy endpoints) and **GraphQL** (`application/graphql`, nested
//!   with `_type`): already nested; read as they are.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::DecodeError;

/// How deep references are followed. LinkedIn's graphs are shallow (a handful of levels); the
/// bound stops reference cycles (`a` refers to `b`, which refers back to `a`).
pub const MAX_REFERENCE_DEPTH: usize = 16;

/// A normalized answer with its references put back in place: `data`, nested.
///
/// ```
/// let body = br#"{
///   "data": {"*elements": ["urn:li:fsd_profile:1"], "paging": {"total": 1}},
///   "included": [{"entityUrn": "urn:li:fsd_profile:1", "firstName": "Dana"}]
/// }"#;
/// let data = linkedin_models::resolve(body).unwrap();
/// assert_eq!(data["elements"][0]["firstName"], "Dana");
/// assert_eq!(data["paging"]["total"], 1);
/// ```
///
/// # Errors
///
/// [`DecodeError`] when the body is not JSON or has no `data`.
pub fn resolve(body: &[u8]) -> Result<Value, DecodeError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| DecodeError::json(&e, body))?;
    resolve_value(value).ok_or_else(|| DecodeError::shape("a normalized answer has `data`", body))
}

/// [`resolve`] on an already parsed body; `None` without `data`.
#[must_use]
pub fn resolve_value(body: Value) -> Option<Value> {
    let Value::Object(mut top) = body else {
        return None;
    };
    let data = top.remove("data")?;
    let included = match top.remove("included") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    let index: HashMap<String, Value> = included
        .into_iter()
        .filter_map(|entity| {
            let urn = entity.get("entityUrn")?.as_str()?.to_owned();
            Some((urn, entity))
        })
        .collect();
    Some(denormalize(data, &index, 0))
}

/// The `included` entities of a normalized body, as JSON by URN.
pub(crate) fn included_of(body: &[u8]) -> HashMap<String, Value> {
    let Ok(Value::Object(mut top)) = serde_json::from_slice::<Value>(body) else {
        return HashMap::new();
    };
    let included = match top.remove("included") {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    };
    included
        .into_iter()
        .filter_map(|entity| {
            let urn = entity.get("entityUrn")?.as_str()?.to_owned();
            Some((urn, entity))
        })
        .collect()
}

/// `value`, a part of a normalized answer, with its references put back in place from
/// `included` (what [`Raw::raw`](crate::Raw::raw) gives).
pub(crate) fn resolve_with(value: Value, included: &HashMap<String, Value>) -> Value {
    denormalize(value, included, 0)
}

fn denormalize(value: Value, index: &HashMap<String, Value>, depth: usize) -> Value {
    match value {
        Value::Object(map) => Value::Object(denormalize_map(map, index, depth)),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| denormalize(v, index, depth))
                .collect(),
        ),
        other => other,
    }
}

fn denormalize_map(
    map: Map<String, Value>,
    index: &HashMap<String, Value>,
    depth: usize,
) -> Map<String, Value> {
    let mut out = Map::with_capacity(map.len());
    for (key, value) in map {
        let Some(name) = key.strip_prefix('*').filter(|n| !n.is_empty()) else {
            out.insert(key, denormalize(value, index, depth));
            continue;
        };
        if depth >= MAX_REFERENCE_DEPTH {
            out.insert(key, value);
            continue;
        }
        let lookup = |urn: &str| {
            index
                .get(urn)
                .map(|entity| denormalize(entity.clone(), index, depth + 1))
        };
        let resolved = match &value {
            Value::String(urn) => lookup(urn).unwrap_or(Value::Null),
            // Entities missing from `included` are left out of lists (LinkedIn omits the
            // ones the viewer may not see).
            Value::Array(urns) => Value::Array(
                urns.iter()
                    .filter_map(|u| u.as_str().and_then(lookup))
                    .collect(),
            ),
            _ => Value::Null,
        };
        // A field present both ways keeps its inline value.
        if !out.contains_key(name) {
            out.insert(name.to_owned(), resolved);
        }
    }
    out
}

/// Deserializes `T` from the value at the JSON `pointer` of `value` (`""` for the whole),
/// naming the path where the model and the answer disagree.
///
/// # Errors
///
/// [`DecodeError`] with the path and reason.
pub fn extract<T: DeserializeOwned>(value: &Value, pointer: &str) -> Result<T, DecodeError> {
    let Some(at) = value.pointer(pointer) else {
        return Err(DecodeError {
            path: pointer.to_owned(),
            reason: "missing from the answer".to_owned(),
            excerpt: excerpt_of(value),
        });
    };
    serde_path_to_error::deserialize(at).map_err(|e| {
        let inner = e.path().to_string();
        DecodeError {
            path: if inner == "." {
                pointer.to_owned()
            } else {
                format!("{pointer}/{inner}")
            },
            reason: e.into_inner().to_string(),
            excerpt: excerpt_of(at),
        }
    })
}

fn excerpt_of(value: &Value) -> String {
    crate::error::excerpt(value.to_string().as_bytes())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn references_are_put_back_recursively_and_cycles_stop() {
        let body = json!({
            "data": {"*elements": ["urn:a", "urn:missing", "urn:b"], "*owner": "urn:a", "plain": 1},
            "included": [
                {"entityUrn": "urn:a", "name": "A", "*friend": "urn:b"},
                {"entityUrn": "urn:b", "name": "B", "*friend": "urn:a"},
            ]
        });
        let data = resolve_value(body).unwrap();
        assert_eq!(
            data["elements"].as_array().unwrap().len(),
            2,
            "missing ones left out"
        );
        assert_eq!(data["elements"][0]["friend"]["name"], "B");
        assert_eq!(data["elements"][1]["friend"]["friend"]["name"], "B");
        assert_eq!(data["owner"]["name"], "A");
        assert_eq!(data["plain"], 1);
        // The cycle is cut at the depth bound, leaving the reference as it was.
        let mut v = &data["owner"];
        let mut depth = 0;
        while let Some(next) = v.get("friend") {
            v = next;
            depth += 1;
        }
        assert_eq!(
            depth,
            MAX_REFERENCE_DEPTH - 1,
            "the top-level reference is the first level"
        );
        assert!(v.get("*friend").is_some());
    }

    #[test]
    fn decode_errors_name_the_path() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct P {
            name: String,
        }
        let v = json!({"elements": [{"name": "ok"}, {"name": 3}]});
        let err = extract::<Vec<P>>(&v, "/elements").unwrap_err();
        assert_eq!(err.path, "/elements/[1].name");
        assert!(err.reason.contains("expected a string"), "{err}");
        let err = extract::<Vec<P>>(&v, "/nothing").unwrap_err();
        assert_eq!(err.path, "/nothing");
    }
}
