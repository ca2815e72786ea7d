//! LinkedIn's drift, on demand ([`Drift`]): rotated ids, retired endpoints, moved answers.
//! The router asks [`Drifted::route`] which entry a Voyager request reaches, with the ids the
//! sandbox answers now, and how it refuses one that reaches none.
//!
//! # What a stale id gets
//!
//! - A GraphQL `queryId` that is not the current one (its query's name with another hash: an
//!   older id, or one from another deploy) is a **500 `{"status":500}`**, every time: "a stale
//!   id makes the endpoint hard-500", and the only runtime discovery that exists walks its
//!   candidates "until not-500" (peers-2026.md §4: mayai-it/linkedin-cli; "Signals: 500 stale
//!   queryId"). This holds with or without drift: a catalogue id the sandbox no longer answers
//!   is stale as a rotated one is. A `queryId` of a name no query has, or none at all, stays a
//!   400 (nothing records what LinkedIn answers those; the 400 is what the sandbox answered
//!   every stale id before the evidence above was read). With [`Drift::stale_query_401`] a
//!   stale `queryId` of a known query is a **401 `{"status":401}`** instead, the session's
//!   cookies kept: the same evidence lists "401 wrong hash/intent".
//! - A REST `decorationId` that is not the current one (or none) is a **400
//!   `{"status":400}`**: `FullProfileWithEntities-35` answered 400 once it was stale
//!   (peers.md, eilonmore/linkedin-private-api#350 and #368), as did JJ's
//!   `WebCompanyMainRelated-16` (peers.md §c.10).
//!
//! A rotated entry's old ids get exactly these answers, before anything is carried out: a
//! mutation with a stale `queryId` changes nothing.
//!
//! # Retired entries
//!
//! A retired REST entry answers **410 `{"status":410}`** whatever its ids, as the
//! `/identity/profiles/*` family does (voyager.md §0.6: EseToni/open-linkedin-api#6 and #10,
//! body exactly `{"status": 410}`; peers-2026.md §4 "410 retired REST"). A retired GraphQL
//! query answers **500 `{"status":500}`**: `/graphql` is one endpoint, and a persisted query it
//! no longer has is an id it does not know, which is the stale-id answer above (inferred: no
//! report shows a retired query by itself; the 404s of alexey-pelykh/lhremote PR #504 are REST
//! paths). What tells a retired query apart from a rotated one is the web app: its ids are in
//! none of the scripts ([`crate::webapp`]), so discovery finds no candidate.
//!
//! # Reshaped entries
//!
//! A reshaped entry's successful answers have one field renamed `<field>V2` at every depth
//! (and its normalized reference `*<field>` renamed `*<field>V2`), as LinkedIn renames fields
//! when their shape changes (`attributesV2` in the comment body, peers-2026.md §3;
//! `/identity/profileUpdatesV2`, `voyagerMessagingDashAwayStatusV2` in the catalogue). Which
//! field: [`reshaped_field`].

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use http::StatusCode;
use linkedin_catalogue::{
    self as catalogue, Base, ENDPOINTS, Endpoint, EndpointIds, Id, Ids, Method, ROUTING_PARAMS,
    Status,
};
use serde_json::Value;

use crate::SandboxError;
use crate::config::{Drift, Rotation};
use crate::webapp::{self, WebApp};

/// Where a Voyager request goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Routed {
    /// To this entry, with the ids the sandbox answers now.
    Entry(&'static Endpoint),
    /// Nowhere: answered with this status and `{"status": <it>}`.
    Refused(StatusCode),
}

/// Rotated entries with their new ids, by catalogue id.
type Rotated = HashMap<Id, &'static Endpoint>;

/// A [`Drift`], ready to route by.
pub(crate) struct Drifted {
    /// The seed of the new ids and of the web app's scripts.
    seed: u64,
    /// The rotated entries, with their new ids.
    rotated: Arc<Rotated>,
    retired: HashSet<Id>,
    reshaped: HashSet<Id>,
    /// Whether a stale `queryId` of a known query is a 401 rather than a 500.
    stale_query_401: bool,
    /// Whether every `paging.count` is [`HUGE_PAGING_COUNT`](crate::HUGE_PAGING_COUNT).
    huge_paging_count: bool,
    /// The web app's pages and scripts, made on first use.
    web: OnceLock<WebApp>,
    /// The origin of the sandbox's CDN listener, which serves the scripts (`http://ip:port`).
    cdn: String,
}

impl Drifted {
    /// Checks the names of `drift` and makes its new ids.
    pub(crate) fn new(drift: &Drift) -> Result<Self, SandboxError> {
        let entries = |option: &'static str, names: &[String]| {
            names
                .iter()
                .map(|name| {
                    catalogue::by_name(name)
                        .filter(|e| e.base == Base::Api)
                        .map(|e| e.id)
                        .ok_or_else(|| SandboxError::UnknownEndpoint {
                            option,
                            name: name.clone(),
                        })
                })
                .collect::<Result<HashSet<Id>, _>>()
        };
        Ok(Self {
            seed: drift.rotate.map_or(0, Rotation::seed),
            rotated: drift.rotate.map_or_else(Arc::default, rotate),
            retired: entries("retire", &drift.retire)?,
            reshaped: entries("reshape", &drift.reshape)?,
            stale_query_401: drift.stale_query_401,
            huge_paging_count: drift.huge_paging_count,
            web: OnceLock::new(),
            cdn: String::new(),
        })
    }

    /// Names the origin the scripts are served from, before the pages are first made.
    pub(crate) fn set_cdn(&mut self, origin: String) {
        self.cdn = origin;
    }

    /// `endpoint` with the ids the sandbox answers now (the catalogue's, unless rotated).
    pub(crate) fn current(&self, endpoint: &'static Endpoint) -> &'static Endpoint {
        self.rotated.get(&endpoint.id).copied().unwrap_or(endpoint)
    }

    /// Whether LinkedIn retired `endpoint` in this drift.
    pub(crate) fn is_retired(&self, endpoint: &Endpoint) -> bool {
        self.retired.contains(&endpoint.id)
    }

    /// The rotated entries still answered (retired ones aside), in catalogue order.
    pub(crate) fn rotated(&self) -> Vec<&'static str> {
        ENDPOINTS
            .iter()
            .filter(|e| self.rotated.contains_key(&e.id) && !self.is_retired(e))
            .map(|e| e.name)
            .collect()
    }

    /// The ids entry `name` is answered with now (`path` always, and every id the entry
    /// has), or `None` for an unknown or retired entry.
    pub(crate) fn current_ids(&self, name: &str) -> Option<EndpointIds> {
        let endpoint = catalogue::by_name(name).filter(|e| !self.is_retired(e))?;
        let e = self.current(endpoint);
        Some(EndpointIds {
            query_id: e.query_id.map(str::to_owned),
            decoration_id: e.decoration_id.map(str::to_owned),
            data_root: e.data_root.map(str::to_owned),
            path: Some(e.path.to_owned()),
        })
    }

    /// The entry a Voyager request reaches (`path` below `/voyager/api`, `query` a raw query
    /// parameter by name), as [`linkedin_catalogue::route`] finds it but with the current
    /// ids; or how it is refused (see the module's documentation).
    pub(crate) fn route<'a, F>(&self, method: Method, path: &'a str, query: &'a F) -> Routed
    where
        F: Fn(&str) -> Option<&'a str>,
    {
        let candidates: Vec<&'static Endpoint> =
            catalogue::matching(method, Base::Api, path, query, Ids::Ignored).collect();
        let found = candidates
            .iter()
            .map(|e| self.current(e))
            .filter(|e| {
                e.query_id.is_none_or(|id| query("queryId") == Some(id))
                    && e.decoration_id
                        .is_none_or(|id| query("decorationId") == Some(id))
            })
            .max_by_key(|e| {
                e.fixed
                    .iter()
                    .filter(|(name, _)| ROUTING_PARAMS.contains(name))
                    .count()
            });
        if let Some(e) = found {
            return if self.is_retired(e) {
                Routed::Refused(retired_status(e))
            } else {
                Routed::Entry(e)
            };
        }
        if let Some(first) = candidates.first()
            && candidates.iter().all(|e| self.is_retired(e))
        {
            return Routed::Refused(retired_status(first));
        }
        let query_name = |id: &str| id.split_once('.').map(|(name, _)| name.to_owned());
        if candidates.iter().any(|e| e.query_id.is_some()) {
            let asked = query("queryId").and_then(query_name);
            let known = asked.is_some_and(|asked| {
                candidates
                    .iter()
                    .any(|e| e.query_id.and_then(query_name).as_ref() == Some(&asked))
            });
            return Routed::Refused(if known && self.stale_query_401 {
                StatusCode::UNAUTHORIZED
            } else if known {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::BAD_REQUEST
            });
        }
        if candidates.iter().any(|e| e.decoration_id.is_some()) {
            Routed::Refused(StatusCode::BAD_REQUEST)
        } else if path.starts_with("/identity/profiles/") {
            // The retired family answers 410 as a whole (voyager.md §0.6).
            Routed::Refused(StatusCode::GONE)
        } else {
            Routed::Refused(StatusCode::NOT_FOUND)
        }
    }

    /// With [`Drift::huge_paging_count`], every `paging.count` of a successful answer made
    /// [`HUGE_PAGING_COUNT`](crate::HUGE_PAGING_COUNT).
    pub(crate) fn inflate_paging(&self, body: &mut Value) {
        fn walk(value: &mut Value) {
            match value {
                Value::Object(map) => {
                    if let Some(count) = map
                        .get_mut("paging")
                        .and_then(Value::as_object_mut)
                        .and_then(|p| p.get_mut("count"))
                    {
                        *count = Value::from(crate::HUGE_PAGING_COUNT);
                    }
                    map.values_mut().for_each(walk);
                }
                Value::Array(items) => items.iter_mut().for_each(walk),
                _ => {}
            }
        }
        if self.huge_paging_count {
            walk(body);
        }
    }

    /// Renames the field of [`reshaped_field`] in a successful answer of a reshaped entry.
    pub(crate) fn reshape(&self, endpoint: &Endpoint, body: &mut Value) {
        if !self.reshaped.contains(&endpoint.id) {
            return;
        }
        if let Some(field) = reshaped_field(endpoint.name, body) {
            rename(body, field, &format!("{field}V2"));
        }
    }

    /// The web app's pages and scripts, with the current ids.
    pub(crate) fn web(&self) -> &WebApp {
        self.web.get_or_init(|| {
            let items = ENDPOINTS
                .iter()
                .filter(|e| eligible(e) && !self.is_retired(e))
                .map(|e| {
                    let now = self.current(e);
                    let ids = |e: &Endpoint| {
                        let mut ids = Vec::new();
                        ids.extend(e.query_id.map(|id| webapp::Id::Query(id.to_owned())));
                        ids.extend(
                            e.decoration_id
                                .map(|id| webapp::Id::Decoration(id.to_owned())),
                        );
                        ids
                    };
                    webapp::Item {
                        name: e.name,
                        current: ids(now),
                        old: self.rotated.contains_key(&e.id).then(|| ids(e)),
                    }
                })
                .collect::<Vec<_>>();
            let search = catalogue::endpoints::SEARCH_CLUSTERS;
            let search_id = (!self.is_retired(search))
                .then(|| self.current(search).query_id)
                .flatten();
            WebApp::build(self.seed, &items, search_id, &self.cdn)
        })
    }
}

/// A retired entry's answer: 410 for REST, 500 for a GraphQL query (module documentation).
fn retired_status(endpoint: &Endpoint) -> StatusCode {
    if endpoint.query_id.is_some() {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::GONE
    }
}

/// Whether an entry can rotate: a Voyager API entry with a `queryId` or a `decorationId` that
/// the catalogue does not call retired.
fn eligible(e: &Endpoint) -> bool {
    e.base == Base::Api
        && e.status != Status::Gone
        && (e.query_id.is_some() || e.decoration_id.is_some())
}

/// The rotated entries of `rotation`, with their new ids. Made once per rotation in a process
/// (the entries live as long as it, as the catalogue's do) and shared by every sandbox.
fn rotate(rotation: Rotation) -> Arc<Rotated> {
    static MADE: OnceLock<Mutex<HashMap<Rotation, Arc<Rotated>>>> = OnceLock::new();
    let mut made = MADE
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    made.entry(rotation)
        .or_insert_with(|| {
            let seed = rotation.seed();
            let mut picked: Vec<&'static Endpoint> =
                ENDPOINTS.iter().copied().filter(|e| eligible(e)).collect();
            if let Rotation::Seeded(seed) = rotation {
                picked.sort_by_key(|e| (hash(seed, &["pick", e.name]), e.name));
                picked.truncate(picked.len().div_ceil(2));
            }
            let mut taken: HashSet<String> = catalogue_ids().map(str::to_owned).collect();
            let rotated = picked
                .into_iter()
                .map(|e| {
                    let ids = EndpointIds {
                        query_id: e
                            .query_id
                            .map(|old| new_query_id(seed, e.name, old, &taken)),
                        decoration_id: e
                            .decoration_id
                            .map(|old| new_decoration_id(seed, e.name, old, &taken)),
                        ..EndpointIds::default()
                    };
                    taken.extend(ids.query_id.clone());
                    taken.extend(ids.decoration_id.clone());
                    (e.id, ids.apply(e))
                })
                .collect();
            Arc::new(rotated)
        })
        .clone()
}

/// Every `queryId` and `decorationId` of the catalogue.
pub(crate) fn catalogue_ids() -> impl Iterator<Item = &'static str> {
    ENDPOINTS
        .iter()
        .flat_map(|e| [e.query_id, e.decoration_id])
        .flatten()
}

/// A new `queryId` for entry `name`, whose catalogue one is `old`: the same query name, 32
/// lowercase hex digits from the seed and the name, none that is `taken`.
fn new_query_id(seed: u64, name: &str, old: &str, taken: &HashSet<String>) -> String {
    let query = old.split_once('.').map_or(old, |(query, _)| query);
    (0_u64..)
        .map(|salt| {
            format!(
                "{query}.{}",
                hex32(seed, &["queryId", name, &salt.to_string()])
            )
        })
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// A new `decorationId` for entry `name`, whose catalogue one is `old` (`<name>-<n>`): the
/// same projection name, a version 1 to 5 above (from the seed and the name), none `taken`.
fn new_decoration_id(seed: u64, name: &str, old: &str, taken: &HashSet<String>) -> String {
    let (projection, version) = old.rsplit_once('-').unwrap_or((old, "0"));
    let version: u64 = version.parse().unwrap_or(0);
    let bump = 1 + hash(seed, &["decorationId", name]) % 5;
    (0_u64..)
        .map(|more| format!("{projection}-{}", version + bump + more))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// 32 lowercase hex digits from a seed and some text.
pub(crate) fn hex32(seed: u64, parts: &[&str]) -> String {
    format!(
        "{:016x}{:016x}",
        hash(seed, parts),
        hash(seed ^ 0x9e37_79b9_7f4a_7c15, parts)
    )
}

/// A 64-bit hash of a seed and some text (FNV-1a, each part ended by a zero byte, through
/// splitmix64's finalizer): the same on every platform and build, so a seed repeats.
pub(crate) fn hash(seed: u64, parts: &[&str]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for b in seed.to_le_bytes().into_iter().chain(
        parts
            .iter()
            .flat_map(|p| p.bytes().chain(std::iter::once(0))),
    ) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64's finalizer.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The field a reshape of entry `endpoint` renames in `answer` (the answer without the
/// reshape), or `None` when it has none of them: the first that the answer has, at any depth
/// (itself or as a normalized reference `*<field>`), of
/// 1. the field the facade reads the entry by: `universalName` for `company` (the page's
///    slug), `miniProfile` for `me` (the member's names and URN);
/// 2. `elements`, the collection every list answer holds its results in;
/// 3. `entityUrn`, the key of every entity.
///
/// The sandbox renames it `<field>V2` (and `*<field>` `*<field>V2`) everywhere in the answer.
///
/// ```
/// use linkedin_sandbox::reshaped_field;
/// use serde_json::json;
///
/// let company = json!({"elements": [{"universalName": "linkedin", "entityUrn": "urn:li:fs_normalized_company:1"}]});
/// assert_eq!(reshaped_field("company", &company), Some("universalName"));
/// assert_eq!(reshaped_field("search_clusters", &json!({"data": {"elements": []}})), Some("elements"));
/// assert_eq!(reshaped_field("job_posting", &json!({"data": {"*elements": ["urn:li:x:1"]}})), Some("elements"));
/// assert_eq!(reshaped_field("feed_update", &json!({"entityUrn": "urn:li:x:1"})), Some("entityUrn"));
/// assert_eq!(reshaped_field("me", &json!({"status": 201})), None);
/// ```
#[must_use]
pub fn reshaped_field(endpoint: &str, answer: &Value) -> Option<&'static str> {
    let read_by = match endpoint {
        "company" => Some("universalName"),
        "me" => Some("miniProfile"),
        _ => None,
    };
    read_by
        .into_iter()
        .chain(["elements", "entityUrn"])
        .find(|field| has_field(answer, field))
}

/// Whether `v` has key `field` (or `*field`) at any depth.
fn has_field(v: &Value, field: &str) -> bool {
    match v {
        Value::Object(map) => map.iter().any(|(key, value)| {
            key == field || key.strip_prefix('*') == Some(field) || has_field(value, field)
        }),
        Value::Array(items) => items.iter().any(|item| has_field(item, field)),
        _ => false,
    }
}

/// Renames key `field` to `to` (and `*field` to `*to`) at every depth of `v`.
fn rename(v: &mut Value, field: &str, to: &str) {
    match v {
        Value::Object(map) => {
            let old = std::mem::take(map);
            for (key, mut value) in old {
                rename(&mut value, field, to);
                let key = if key == field {
                    to.to_owned()
                } else if key.strip_prefix('*') == Some(field) {
                    format!("*{to}")
                } else {
                    key
                };
                map.insert(key, value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rename(item, field, to)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use serde_json::json;

    fn drifted(rotation: Rotation) -> Drifted {
        Drifted::new(&Drift {
            rotate: Some(rotation),
            ..Drift::default()
        })
        .unwrap()
    }

    /// A huge paging count replaces every `paging.count`, at any depth; without it the
    /// answer is as it was.
    #[test]
    fn a_huge_paging_count_replaces_every_count() {
        let answer = json!({"data": {"paging": {"start": 49, "count": 49, "total": 150},
                            "nested": [{"paging": {"count": 10}}]}});
        let mut inflated = answer.clone();
        Drifted::new(&Drift {
            huge_paging_count: true,
            ..Drift::default()
        })
        .unwrap()
        .inflate_paging(&mut inflated);
        assert_eq!(
            inflated["data"]["paging"]["count"],
            crate::HUGE_PAGING_COUNT
        );
        assert_eq!(inflated["data"]["paging"]["start"], 49);
        assert_eq!(
            inflated["data"]["nested"][0]["paging"]["count"],
            crate::HUGE_PAGING_COUNT
        );
        let mut kept = answer.clone();
        Drifted::new(&Drift::default())
            .unwrap()
            .inflate_paging(&mut kept);
        assert_eq!(kept, answer);
    }

    /// Without drift, requests go where the catalogue's own router sends them.
    #[test]
    fn no_drift_routes_as_the_catalogue() {
        let none = Drifted::new(&Drift::default()).unwrap();
        for e in ENDPOINTS.iter().filter(|e| e.base == Base::Api) {
            let target = e.target(&[], restli::Map::new(), None);
            let (path, query) = target.split_once('?').unwrap_or((&target, ""));
            let path = &path["/voyager/api".len()..];
            let query = restli::Query::parse(query).unwrap();
            let lookup = |name: &str| query.raw(name);
            let expected = catalogue::route(e.method, Base::Api, path, &lookup);
            match none.route(e.method, path, &lookup) {
                Routed::Entry(found) => assert_eq!(Some(found), expected, "{}", e.name),
                Routed::Refused(status) => {
                    assert_eq!(expected, None, "{}: {status}", e.name);
                }
            }
        }
    }

    #[test]
    fn new_ids_keep_their_names_and_differ() {
        let all = drifted(Rotation::All);
        let rotated = all.rotated();
        assert_eq!(
            rotated.len(),
            ENDPOINTS.iter().filter(|e| eligible(e)).count()
        );
        let ids: HashSet<&str> = catalogue_ids().collect();
        for name in rotated {
            let old = catalogue::by_name(name).unwrap();
            let now = all.current(old);
            assert_eq!((now.path, now.data_root), (old.path, old.data_root));
            if let (Some(o), Some(n)) = (old.query_id, now.query_id) {
                assert!(catalogue::is_query_id(n), "{n}");
                assert_eq!(o.split_once('.').unwrap().0, n.split_once('.').unwrap().0);
                assert!(!ids.contains(n), "{n}");
            }
            if let (Some(o), Some(n)) = (old.decoration_id, now.decoration_id) {
                assert!(catalogue::is_decoration_id(n), "{n}");
                let (op, ov) = o.rsplit_once('-').unwrap();
                let (np, nv) = n.rsplit_once('-').unwrap();
                assert_eq!(op, np);
                assert!(nv.parse::<u64>().unwrap() > ov.parse::<u64>().unwrap());
                assert!(!ids.contains(n), "{n}");
            }
        }
    }

    #[test]
    fn renames_reach_every_depth_and_references() {
        let mut v = json!({"data": {"*elements": ["a"], "x": [{"elements": [1]}]}, "elements": 2});
        rename(&mut v, "elements", "elementsV2");
        assert_eq!(
            v,
            json!({"data": {"*elementsV2": ["a"], "x": [{"elementsV2": [1]}]}, "elementsV2": 2})
        );
    }
}
