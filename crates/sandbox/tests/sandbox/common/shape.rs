//! The structure of a JSON answer, to hold the sandbox's answers against LinkedIn's recorded
//! ones (`conformance`).
//!
//! A [`Shape`] is what every instance at a place in a document has together: the kinds of
//! value seen there, the keys of the objects, the type names (`$type`, `_type`,
//! `_recipeType`, `$recipeTypes`), and the elements of arrays grouped by their `$type` or
//! `_type`, so that an array is compared element-shape-wise and an entity map like `included`
//! type by type. A key `*name` (a reference to an entity in `included`) is the key `name` with
//! values of kind [`Kind::Ref`], so a reference and an inline entity are told apart.
//!
//! [`compare`] walks LinkedIn's shape and the sandbox's together and gives the
//! [`Difference`]s and a score: how many of LinkedIn's places the sandbox has, with a value of
//! a kind LinkedIn sends there.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

/// The kind of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Null,
    Bool,
    Number,
    String,
    /// A string under a `*key`: the URN of an entity in `included`.
    Ref,
    Object,
    Array,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::Null => "null",
            Self::Bool => "bool",
            Self::Number => "number",
            Self::String => "string",
            Self::Ref => "reference",
            Self::Object => "object",
            Self::Array => "array",
        };
        f.write_str(name)
    }
}

/// Keys whose values name types: compared by value.
const TYPE_KEYS: [&str; 4] = ["$type", "_type", "_recipeType", "$recipeTypes"];

/// What the instances at one place of a document have together.
#[derive(Debug, Default, Clone)]
pub(crate) struct Shape {
    kinds: BTreeSet<Kind>,
    /// The type names seen at a [`TYPE_KEYS`] key.
    names: BTreeSet<String>,
    fields: BTreeMap<String, Shape>,
    /// Array elements by their `$type` / `_type` ("" for untyped ones and scalars).
    items: BTreeMap<String, Shape>,
}

impl Shape {
    /// The shape of one document.
    pub(crate) fn of(value: &Value) -> Self {
        let mut shape = Self::default();
        shape.add(value, false);
        shape
    }

    /// Adds an instance; `reference` for the value of a `*key`.
    fn add(&mut self, value: &Value, reference: bool) {
        match value {
            Value::Null => {
                self.kinds.insert(Kind::Null);
            }
            Value::Bool(_) => {
                self.kinds.insert(Kind::Bool);
            }
            Value::Number(_) => {
                self.kinds.insert(Kind::Number);
            }
            Value::String(s) => {
                self.kinds
                    .insert(if reference { Kind::Ref } else { Kind::String });
                self.names.insert(s.clone());
            }
            Value::Object(map) => {
                self.kinds.insert(Kind::Object);
                for (key, v) in map {
                    let (key, reference) = match key.strip_prefix('*') {
                        Some(k) => (k, true),
                        None => (key.as_str(), false),
                    };
                    self.fields
                        .entry(key.to_owned())
                        .or_default()
                        .add(v, reference);
                }
            }
            Value::Array(items) => {
                self.kinds.insert(Kind::Array);
                for item in items {
                    let group = item
                        .get("$type")
                        .or_else(|| item.get("_type"))
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    self.items
                        .entry(group.to_owned())
                        .or_default()
                        .add(item, reference);
                }
            }
        }
    }

    /// The places in this shape, itself included.
    fn places(&self) -> usize {
        1 + self.fields.values().map(Self::places).sum::<usize>()
            + self.items.values().map(Self::places).sum::<usize>()
    }

    /// The kinds but `null`.
    fn values(&self) -> BTreeSet<Kind> {
        self.kinds
            .iter()
            .copied()
            .filter(|k| *k != Kind::Null)
            .collect()
    }
}

/// How the sandbox's answer differs from LinkedIn's at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// LinkedIn sends the key; the sandbox does not.
    Missing,
    /// The sandbox sends a key (or an element type) LinkedIn does not.
    Extra,
    /// The sandbox has only `null` or empty arrays where LinkedIn has values: the places
    /// below are not compared.
    Absent,
    /// The sandbox has values where the recording has only `null` or empty arrays: what
    /// the sandbox sends there is not shown by LinkedIn's answer.
    Unverified,
    /// Another kind of value (an object where LinkedIn has an array, an inline entity where it
    /// has a reference), or type names LinkedIn does not send there.
    Mismatch,
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::Missing => "missing",
            Self::Extra => "extra",
            Self::Absent => "absent",
            Self::Unverified => "unverified",
            Self::Mismatch => "mismatch",
        };
        f.write_str(name)
    }
}

/// One difference: where, what, and a detail.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Difference {
    pub(crate) path: String,
    pub(crate) gap: Gap,
    pub(crate) detail: String,
}

/// The comparison of one answer with LinkedIn's.
#[derive(Debug, Default, Clone)]
pub(crate) struct Comparison {
    /// LinkedIn's places the sandbox has with a value of a kind LinkedIn sends there.
    pub(crate) matching: usize,
    /// LinkedIn's places.
    pub(crate) total: usize,
    pub(crate) differences: Vec<Difference>,
}

impl Comparison {
    /// The differences where the sandbox sends more than LinkedIn or something else: extra
    /// keys, unverified values, mismatches.
    pub(crate) fn richer(&self) -> usize {
        self.differences
            .iter()
            .filter(|d| matches!(d.gap, Gap::Extra | Gap::Unverified | Gap::Mismatch))
            .count()
    }
}

/// Compares the sandbox's shape with LinkedIn's, from the top of the document.
pub(crate) fn compare(linkedin: &Shape, sandbox: &Shape) -> Comparison {
    let mut out = Comparison::default();
    walk(linkedin, sandbox, "", false, &mut out);
    // The document itself is not a place.
    out.total = out.total.saturating_sub(1);
    out.matching = out.matching.saturating_sub(1);
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn kinds(set: &BTreeSet<Kind>) -> String {
    set.iter()
        .map(Kind::to_string)
        .collect::<Vec<_>>()
        .join("|")
}

/// `typed`: the place holds type names (a [`TYPE_KEYS`] key, or an element of `$recipeTypes`).
fn walk(l: &Shape, s: &Shape, path: &str, typed: bool, out: &mut Comparison) {
    out.total += 1;
    let (lk, sk) = (l.values(), s.values());
    let stop = |out: &mut Comparison, gap, detail: String| {
        // The places below this one are not compared.
        out.total += l.places() - 1;
        out.differences.push(Difference {
            path: path.to_owned(),
            gap,
            detail,
        });
    };
    if !sk.is_subset(&lk) && !lk.is_empty() {
        let detail = format!("LinkedIn: {}, sandbox: {}", kinds(&lk), kinds(&sk));
        return stop(out, Gap::Mismatch, detail);
    }
    if lk.is_empty() && !sk.is_empty() {
        let detail = format!("LinkedIn: null, sandbox: {}", kinds(&sk));
        return stop(out, Gap::Unverified, detail);
    }
    if sk.is_empty() && !lk.is_empty() {
        let detail = format!("LinkedIn: {}, sandbox: null", kinds(&lk));
        return stop(out, Gap::Absent, detail);
    }
    if typed && !s.names.is_subset(&l.names) {
        let other: Vec<&String> = s.names.difference(&l.names).collect();
        let detail = format!(
            "type names LinkedIn does not send here: {other:?} (LinkedIn: {:?})",
            l.names
        );
        return stop(out, Gap::Mismatch, detail);
    }
    out.matching += 1;
    for (key, ls) in &l.fields {
        let at = join(path, key);
        match s.fields.get(key) {
            Some(ss) => walk(ls, ss, &at, TYPE_KEYS.contains(&key.as_str()), out),
            None => {
                out.total += ls.places();
                out.differences.push(Difference {
                    path: at,
                    gap: Gap::Missing,
                    detail: format!("{} places", ls.places()),
                });
            }
        }
    }
    for key in s.fields.keys().filter(|k| !l.fields.contains_key(*k)) {
        out.differences.push(Difference {
            path: join(path, key),
            gap: Gap::Extra,
            detail: String::new(),
        });
    }
    if l.items.is_empty() && !s.items.is_empty() {
        out.differences.push(Difference {
            path: format!("{path}[]"),
            gap: Gap::Unverified,
            detail: "LinkedIn's arrays here are empty".to_owned(),
        });
        return;
    }
    if s.items.is_empty() && !l.items.is_empty() {
        let n: usize = l.items.values().map(Shape::places).sum();
        out.total += n;
        out.differences.push(Difference {
            path: format!("{path}[]"),
            gap: Gap::Absent,
            detail: format!("the sandbox's arrays here are empty ({n} places)"),
        });
        return;
    }
    for (group, ls) in &l.items {
        let at = format!("{path}[{group}]");
        match s.items.get(group) {
            Some(ss) => walk(ls, ss, &at, typed, out),
            None => {
                out.total += ls.places();
                out.differences.push(Difference {
                    path: at,
                    gap: Gap::Missing,
                    detail: format!("no element of this type ({} places)", ls.places()),
                });
            }
        }
    }
    for group in s.items.keys().filter(|g| !l.items.contains_key(*g)) {
        out.differences.push(Difference {
            path: format!("{path}[{group}]"),
            gap: Gap::Extra,
            detail: "an element type LinkedIn does not send here".to_owned(),
        });
    }
}

/// Whether `pattern` covers `path`: `path` is `pattern` or lies below it; a pattern that
/// starts with `**.` stands for its rest anywhere in the path.
pub(crate) fn covers(pattern: &str, path: &str) -> bool {
    let below = |at: &str| at.is_empty() || at.starts_with('.') || at.starts_with('[');
    match pattern.strip_prefix("**.") {
        None => path.strip_prefix(pattern).is_some_and(below),
        Some(rest) => {
            let dotted = format!(".{path}");
            let needle = format!(".{rest}");
            dotted
                .match_indices(&needle)
                .any(|(i, _)| below(&dotted[i + needle.len()..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patterns_cover_subtrees() {
        assert!(covers("a.b", "a.b"));
        assert!(covers("a.b", "a.b.c"));
        assert!(covers("a.b", "a.b[x]"));
        assert!(!covers("a.b", "a.bc"));
        assert!(covers("**.b", "a.b.c"));
        assert!(covers("**.b", "b"));
        assert!(!covers("**.b", "a.cb"));
    }

    #[test]
    fn differences_are_found_where_they_start() {
        let linkedin = Shape::of(&json!({
            "*elements": ["urn:li:x:1"],
            "paging": null,
            "list": [{"$type": "A", "a": 1}],
            "$type": "T",
        }));
        let sandbox = Shape::of(&json!({
            "elements": [{"entityUrn": "urn:li:x:1"}],
            "list": [],
            "extra": true,
            "$type": "U",
        }));
        let c = compare(&linkedin, &sandbox);
        let gaps: Vec<(&str, Gap)> = c
            .differences
            .iter()
            .map(|d| (d.path.as_str(), d.gap))
            .collect();
        assert_eq!(
            gaps,
            [
                ("$type", Gap::Mismatch),
                ("elements[]", Gap::Mismatch),
                ("list[]", Gap::Absent),
                ("paging", Gap::Missing),
                ("extra", Gap::Extra),
            ]
        );
        assert_eq!(c.total, 8);
        assert_eq!(c.matching, 2);
    }
}
