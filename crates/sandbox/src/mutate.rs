//! The answer-mutation fault ([`Faults::mutate_answers`](crate::Faults::mutate_answers)):
//! with a given probability, a JSON answer of a data endpoint is changed in one of the ways
//! of [`Mutation`], to show how a client takes an answer it cannot trust: a missing key, a
//! `null`, a value of another type, a malformed URN, a body cut short, a huge string, control
//! characters in a string, an odd status.
//!
//! Which answers: the 2xx `application/json` answers of the Voyager API (`/voyager/api/…`) and
//! of the touch API (`/li/…`) that reached a catalogue entry, except `me` and `touch_me`, the
//! requests a client checks its session with after logging in (so a run can always log in).
//! Never the login flow (`/uas/authenticate`), the pages, the web app's scripts, errors (4xx,
//! 5xx, the 501 of what is not emulated) or recorded answers served by a replay.
//!
//! Draws: one generator seeded from [`Faults::seed`](crate::Faults::seed), of its own (so the
//! other random faults do not shift it), drawn from only for the answers above, in the order
//! they are answered: for each, whether it is mutated, then the kind (among
//! [`Faults::mutations`](crate::Faults::mutations), or all) and where in the answer. The same
//! seed and the same sequence of requests give the same mutations. A kind that does not apply
//! to an answer (no URN in it, say) gives its turn to the next kind of the list.
//!
//! What was done is in the request log ([`RequestRecord::mutation`](crate::RequestRecord::mutation)),
//! as `<kind> <where>`: `drop_key /data/elements/0/title` (a JSON pointer), `truncate
//! 812/1624` (bytes kept of the body's), `odd_status 418`.

use bytes::Bytes;
use http::StatusCode;
use serde_json::Value;

/// One way [`Faults::mutate_answers`](crate::Faults::mutate_answers) mutates an answer.
///
/// Only the 2xx `application/json` answers of the Voyager API (`/voyager/api/…`) and the
/// touch API (`/li/…`) that reached a catalogue entry are mutated, never those of `me` and
/// `touch_me` (the session checks a client makes after logging in), the login flow, the
/// pages and scripts, errors, or a replay's recorded answers. Whether an answer is mutated,
/// the kind (among [`Faults::mutations`](crate::Faults::mutations), or all) and the place
/// are drawn from a generator of its own seeded from [`Faults::seed`](crate::Faults::seed),
/// for those answers only, in the order they are answered: the same seed and requests give
/// the same mutations. A kind that has no place in an answer (no URN in it, say) gives its
/// turn to the next one of the list. The request log names what was done
/// ([`RequestRecord::mutation`](crate::RequestRecord::mutation)).
///
/// ```
/// use linkedin_sandbox::{Faults, Mutation, SandboxConfig};
///
/// // One data answer in ten, cut short or given an odd status, repeatably.
/// let config = SandboxConfig {
///     faults: Faults {
///         mutate_answers: 0.1,
///         mutations: vec![Mutation::Truncate, Mutation::OddStatus],
///         seed: 7,
///         ..Faults::default()
///     },
///     keep_requests: true,
///     ..SandboxConfig::default()
/// };
/// # let _ = config;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mutation {
    /// A key of an object, anywhere in the answer, is removed.
    DropKey,
    /// A value (of an object's key or a list's item) is replaced by `null`.
    NullValue,
    /// A value changes type: a string becomes a number (the number it spells, else its
    /// length), a number a string, an object a list of its values.
    ChangeType,
    /// A `urn:li:…` string is mangled: cut after its entity type, given an empty entity type
    /// (`urn:li::…`), an unclosed `(`, or a look-alike prefix (`urn:lı:`, dotless i).
    MalformedUrn,
    /// The body is cut at a random byte (the status and a matching `content-length` kept):
    /// JSON that ends too soon.
    Truncate,
    /// A string value is replaced by one of [`HUGE_STRING`] bytes.
    HugeString,
    /// [`CONTROL_SEQUENCES`] (a terminal's title escape, a colour escape, CR LF, NUL, a
    /// right-to-left override) are put in the middle of a string value.
    ControlChars,
    /// The status changes to 206, 418 or 299; the body is kept.
    OddStatus,
}

/// How long the string of [`Mutation::HugeString`] is: 1 MiB.
pub const HUGE_STRING: usize = 1 << 20;

/// What [`Mutation::ControlChars`] puts in a string: an OSC title escape, an SGR colour
/// escape, CR LF, NUL and a right-to-left override.
pub const CONTROL_SEQUENCES: &str = "\u{1b}]0;pwned\u{7}\u{1b}[31m\r\n\u{0}\u{202e}";

impl Mutation {
    /// Every kind, in the order a kind that does not apply passes its turn on.
    pub const ALL: [Self; 8] = [
        Self::DropKey,
        Self::NullValue,
        Self::ChangeType,
        Self::MalformedUrn,
        Self::Truncate,
        Self::HugeString,
        Self::ControlChars,
        Self::OddStatus,
    ];

    /// Its name, as in the request log and on the command line: `drop_key`, `null_value`,
    /// `change_type`, `malformed_urn`, `truncate`, `huge_string`, `control_chars`,
    /// `odd_status`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::DropKey => "drop_key",
            Self::NullValue => "null_value",
            Self::ChangeType => "change_type",
            Self::MalformedUrn => "malformed_urn",
            Self::Truncate => "truncate",
            Self::HugeString => "huge_string",
            Self::ControlChars => "control_chars",
            Self::OddStatus => "odd_status",
        }
    }
}

impl std::fmt::Display for Mutation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Mutation {
    type Err = String;

    /// A kind by its [`name`](Mutation::name).
    ///
    /// ```
    /// use linkedin_sandbox::Mutation;
    /// assert_eq!("odd_status".parse(), Ok(Mutation::OddStatus));
    /// assert!("shuffle".parse::<Mutation>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|m| m.name() == text)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|m| m.name()).collect();
                format!(
                    "no mutation is named `{text}` (one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// The catalogue entries whose answers are never mutated: the session checks.
const SPARED: [&str; 2] = ["me", "touch_me"];

/// Whether the answer of a request for `path` with `status`, `content_type`, that reached
/// catalogue entry `endpoint` (if any), may be mutated.
pub(crate) fn eligible(
    path: &str,
    endpoint: Option<&str>,
    status: StatusCode,
    content_type: Option<&[u8]>,
) -> bool {
    (path.starts_with("/voyager/api/") || path.starts_with("/li/"))
        && endpoint.is_some_and(|e| !SPARED.contains(&e))
        && status.is_success()
        && content_type.is_some_and(|c| c.starts_with(b"application/json"))
}

/// A mutated answer: its status, its body and what was done.
pub(crate) struct Mutated {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    pub(crate) done: String,
}

/// Mutates an answer (`status`, `body`) with a kind drawn from `kinds` (all when empty) and a
/// place drawn from `rng`; `None` when no kind applies.
pub(crate) fn mutate(
    rng: &mut fastrand::Rng,
    kinds: &[Mutation],
    status: StatusCode,
    body: &[u8],
) -> Option<Mutated> {
    let kinds = if kinds.is_empty() {
        &Mutation::ALL[..]
    } else {
        kinds
    };
    let first = rng.usize(..kinds.len());
    let mut json: Option<Option<Value>> = None;
    for turn in 0..kinds.len() {
        let kind = kinds[(first + turn) % kinds.len()];
        match kind {
            Mutation::Truncate => {
                if body.len() < 2 {
                    continue;
                }
                let keep = rng.usize(1..body.len());
                return Some(Mutated {
                    status,
                    body: Bytes::copy_from_slice(&body[..keep]),
                    done: format!("truncate {keep}/{}", body.len()),
                });
            }
            Mutation::OddStatus => {
                let odd = [206, 418, 299][rng.usize(..3)];
                return Some(Mutated {
                    status: StatusCode::from_u16(odd).unwrap_or(StatusCode::IM_A_TEAPOT),
                    body: Bytes::copy_from_slice(body),
                    done: format!("odd_status {odd}"),
                });
            }
            _ => {}
        }
        let Some(value) = json
            .get_or_insert_with(|| serde_json::from_slice(body).ok())
            .as_mut()
        else {
            continue;
        };
        if let Some(place) = in_tree(rng, kind, value) {
            return Some(Mutated {
                status,
                body: Bytes::from(value.to_string()),
                done: format!("{kind} {place}"),
            });
        }
    }
    None
}

/// A place of the tree (a JSON pointer) and what it holds.
struct Place {
    pointer: String,
    /// The key of an object member (`None` for a list item or the root).
    key: Option<String>,
    /// The pointer of its parent (`None` for the root).
    parent: Option<String>,
}

/// Every place of the tree, in document order, the root first.
fn places(value: &Value) -> Vec<Place> {
    fn walk(value: &Value, pointer: &str, out: &mut Vec<Place>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let escaped = key.replace('~', "~0").replace('/', "~1");
                    let at = format!("{pointer}/{escaped}");
                    out.push(Place {
                        pointer: at.clone(),
                        key: Some(key.clone()),
                        parent: Some(pointer.to_owned()),
                    });
                    walk(child, &at, out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    let at = format!("{pointer}/{i}");
                    out.push(Place {
                        pointer: at.clone(),
                        key: None,
                        parent: Some(pointer.to_owned()),
                    });
                    walk(child, &at, out);
                }
            }
            _ => {}
        }
    }
    let mut out = vec![Place {
        pointer: String::new(),
        key: None,
        parent: None,
    }];
    walk(value, "", &mut out);
    out
}

/// Applies `kind` at a place of `value` drawn from `rng`; where, or `None` when the kind has
/// no place in this tree.
fn in_tree(rng: &mut fastrand::Rng, kind: Mutation, value: &mut Value) -> Option<String> {
    let all = places(value);
    let at = |p: &Place| value.pointer(&p.pointer);
    let fits = |p: &Place| -> bool {
        let v = at(p);
        let inner = p.parent.is_some();
        match kind {
            Mutation::DropKey => p.key.is_some(),
            Mutation::NullValue => inner && !v.is_some_and(Value::is_null),
            Mutation::ChangeType => {
                inner && v.is_some_and(|v| v.is_string() || v.is_number() || v.is_object())
            }
            Mutation::MalformedUrn => v
                .and_then(Value::as_str)
                .is_some_and(|s| s.starts_with("urn:li:")),
            Mutation::HugeString | Mutation::ControlChars => v.is_some_and(Value::is_string),
            Mutation::Truncate | Mutation::OddStatus => false,
        }
    };
    let candidates: Vec<&Place> = all.iter().filter(|p| fits(p)).collect();
    if candidates.is_empty() {
        return None;
    }
    let place = candidates[rng.usize(..candidates.len())];
    let pointer = place.pointer.clone();
    if kind == Mutation::DropKey {
        let (parent, key) = (place.parent.as_deref()?, place.key.as_deref()?);
        value.pointer_mut(parent)?.as_object_mut()?.remove(key);
        return Some(pointer);
    }
    let target = value.pointer_mut(&pointer)?;
    let note = match kind {
        Mutation::NullValue => {
            *target = Value::Null;
            String::new()
        }
        Mutation::ChangeType => {
            let (changed, note) = match std::mem::take(target) {
                Value::String(s) => {
                    let number = s
                        .parse::<i64>()
                        .map(Value::from)
                        .or_else(|_| s.parse::<f64>().map(Value::from))
                        .unwrap_or_else(|_| Value::from(s.len()));
                    (number, " string->number")
                }
                Value::Number(n) => (Value::String(n.to_string()), " number->string"),
                Value::Object(map) => (
                    Value::Array(map.into_iter().map(|(_, v)| v).collect()),
                    " object->array",
                ),
                other => (other, ""),
            };
            *target = changed;
            note.to_owned()
        }
        Mutation::MalformedUrn => {
            let urn = target.as_str()?.to_owned();
            let rest = &urn["urn:li:".len()..];
            let mangled = match rng.usize(..4) {
                0 => {
                    let entity_type = rest.split(':').next().unwrap_or_default();
                    format!("urn:li:{entity_type}:")
                }
                1 => format!("urn:li::{rest}"),
                2 => format!("{urn}("),
                _ => format!("urn:l\u{131}:{rest}"),
            };
            *target = Value::String(mangled);
            String::new()
        }
        Mutation::HugeString => {
            *target = Value::String("x".repeat(HUGE_STRING));
            String::new()
        }
        Mutation::ControlChars => {
            let s = target.as_str()?;
            let mut middle = s.len() / 2;
            while !s.is_char_boundary(middle) {
                middle -= 1;
            }
            let changed = format!("{}{CONTROL_SEQUENCES}{}", &s[..middle], &s[middle..]);
            *target = Value::String(changed);
            String::new()
        }
        Mutation::DropKey | Mutation::Truncate | Mutation::OddStatus => return None,
    };
    Some(format!("{pointer}{note}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer() -> Vec<u8> {
        json!({
            "data": {"*elements": ["urn:li:fsd_profile:ACoAAB", "urn:li:fsd_profile:ACoAAC"],
                     "paging": {"start": 0, "count": 10, "total": 2}},
            "included": [{"entityUrn": "urn:li:fsd_profile:ACoAAB", "firstName": "Dana", "a/b~c": "x"}],
        })
        .to_string()
        .into_bytes()
    }

    /// Each kind changes the answer as it says, at the place it names.
    #[test]
    fn each_kind_does_what_it_says() {
        let body = answer();
        let original: Value = serde_json::from_slice(&body).unwrap();
        for kind in Mutation::ALL {
            for seed in 0..20 {
                let mut rng = fastrand::Rng::with_seed(seed);
                let m = mutate(&mut rng, &[kind], StatusCode::OK, &body).unwrap();
                assert!(m.done.starts_with(kind.name()), "{kind}: {}", m.done);
                let place = m.done.split(' ').nth(1).unwrap_or_default();
                match kind {
                    Mutation::Truncate => {
                        assert!(m.body.len() < body.len() && body.starts_with(&m.body));
                        assert!(serde_json::from_slice::<Value>(&m.body).is_err());
                    }
                    Mutation::OddStatus => {
                        assert!([206, 418, 299].contains(&m.status.as_u16()));
                        assert_eq!(m.body, body);
                    }
                    _ => {
                        assert_eq!(m.status, StatusCode::OK);
                        let changed: Value = serde_json::from_slice(&m.body).unwrap();
                        assert_ne!(changed, original, "{kind}");
                        let before = original.pointer(place);
                        let after = changed.pointer(place);
                        match kind {
                            Mutation::DropKey => assert!(before.is_some() && after.is_none()),
                            Mutation::NullValue => assert_eq!(after, Some(&Value::Null)),
                            Mutation::ChangeType => assert_ne!(
                                std::mem::discriminant(before.unwrap()),
                                std::mem::discriminant(after.unwrap())
                            ),
                            Mutation::MalformedUrn => {
                                let (b, a) = (before.unwrap(), after.unwrap().as_str().unwrap());
                                assert!(b.as_str().unwrap().starts_with("urn:li:"));
                                assert_ne!(b.as_str().unwrap(), a);
                            }
                            Mutation::HugeString => {
                                assert_eq!(after.unwrap().as_str().unwrap().len(), HUGE_STRING);
                            }
                            Mutation::ControlChars => {
                                assert!(
                                    after.unwrap().as_str().unwrap().contains(CONTROL_SEQUENCES)
                                );
                            }
                            Mutation::Truncate | Mutation::OddStatus => unreachable!(),
                        }
                    }
                }
            }
        }
    }

    /// A kind with no place in an answer passes its turn to the next one; one that never
    /// applies mutates nothing.
    #[test]
    fn a_kind_without_a_place_passes_its_turn() {
        let body = br#"{"status": 1}"#;
        let mut rng = fastrand::Rng::with_seed(3);
        let m = mutate(
            &mut rng,
            &[Mutation::MalformedUrn, Mutation::OddStatus],
            StatusCode::OK,
            body,
        );
        assert!(m.unwrap().done.starts_with("odd_status"));
        assert!(mutate(&mut rng, &[Mutation::MalformedUrn], StatusCode::OK, body).is_none());
        let m = mutate(&mut rng, &[Mutation::DropKey], StatusCode::OK, b"not json").is_none();
        assert!(m);
    }

    #[test]
    fn names_round_trip() {
        for kind in Mutation::ALL {
            assert_eq!(kind.name().parse(), Ok(kind));
        }
    }
}
