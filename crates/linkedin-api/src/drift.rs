//! Surviving LinkedIn's drift: a stale id told apart from other failures, the current one
//! found where the web app finds it, probed, learned and remembered.
//!
//! The rules, in one place:
//! - **A stale id** is what LinkedIn's answers say (peers-2026.md §4): a GraphQL read whose
//!   `queryId` LinkedIn no longer knows answers a hard 500 (or a 400, or a 401 that keeps the
//!   cookie while the session check passes: "401 wrong hash"), a REST read with an old
//!   `decorationId` a 400. Only reads are suspected, and only after the transport retried a
//!   500 once as a passing trouble.
//! - **Discovery** reads what the browser reads: the capability's own page when it has one
//!   (people search carries its queryId inline), the home page, and the script bundles they
//!   load, following chunk references, within [`LIMITS`] (pages, bytes, time). Ids are found
//!   as text: `<queryName>.<32 hex>` for the stale queryId's name, `<name>-<n>` for the stale
//!   decorationId's. Bundles on LinkedIn's CDN (`static.licdn.com`) are fetched without the
//!   session's cookies or tokens ([`linkedin_transport::Transport::fetch_asset`]); references to any other host
//!   are counted as skipped, and nothing is sent there.
//! - **Probing**: each candidate, in the order found, with the failed request itself, sent
//!   once (no retry): the first that answers in the expected shape (the data root present)
//!   is learned. A read that failed on a stale id is thus retried once with the learned id.
//! - **Learning**: the id replaces the stale one in the client's [`IdTable`] (every later call
//!   uses it), is logged at INFO with both ids, and is saved for the account in its store
//!   with the id it replaced and the date; a later run uses it only while the id it replaced
//!   is still the one it would send (a new release or an override makes it moot).
//! - One discovery at a time per client; an entry whose discovery found nothing is not
//!   rediscovered in the same client.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::time::{Duration, Instant};

use bytes::Bytes;
use linkedin_catalogue::{
    Endpoint, EndpointIds, IdOrigin, IdTable, Method, by_name, endpoints, is_decoration_id,
    is_query_id,
};
use linkedin_transport::{Accept, Request};
use serde::{Deserialize, Serialize};

use crate::client::{Call, Linkedin, read_body};
use crate::error::{Error, Result};

/// The bounds of one discovery.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Pages and script bundles fetched, in all.
    pub fetches: u32,
    /// Bytes read, in all.
    pub bytes: u64,
    /// Time spent fetching.
    pub time: Duration,
    /// Candidates probed.
    pub probes: usize,
}

/// The bounds every discovery keeps: 24 fetches, 16 MiB, 30 s, 16 probes (several entries
/// share a query name, so the web app carries several current ids of that name besides
/// older ones; each probe is one request, sent once).
pub const LIMITS: Limits = Limits {
    fetches: 24,
    bytes: 16 << 20,
    time: Duration::from_secs(30),
    probes: 16,
};

/// What a discovery read and found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Discovery {
    /// Web pages fetched.
    pub pages: u32,
    /// Script bundles fetched.
    pub scripts: u32,
    /// Bytes read.
    pub bytes: u64,
    /// Milliseconds spent fetching.
    pub elapsed_ms: u64,
    /// Scripts on a host other than the API's and LinkedIn's CDN, not fetched.
    pub skipped_other_hosts: u32,
    /// The candidate ids found, in the order found (the stale one left out).
    pub candidates: Vec<String>,
    /// Candidates probed.
    pub probed: usize,
}

/// Which id of an entry LinkedIn refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    QueryId,
    DecorationId,
}

/// The id of `kind` that `endpoint` sends.
fn id_of(endpoint: &Endpoint, kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::QueryId => endpoint.query_id,
        Kind::DecorationId => endpoint.decoration_id,
    }
}

/// The id LinkedIn may have refused as stale, when `error` is how it answers one for this
/// read.
fn stale_kind(endpoint: &Endpoint, error: &Error) -> Option<Kind> {
    if endpoint.method != Method::Get {
        return None;
    }
    let Error::Transport(linkedin_transport::Error::Status { code, .. }) = error else {
        return None;
    };
    match (endpoint.query_id, endpoint.decoration_id) {
        // A 401 reaches here as a status only when the session check passed (the transport).
        (Some(_), _) if matches!(code, 400 | 401 | 500) => Some(Kind::QueryId),
        (None, Some(_)) if *code == 400 => Some(Kind::DecorationId),
        _ => None,
    }
}

/// Whether `error`, answered to `call`, is how LinkedIn answers a stale id.
pub(crate) fn is_stale_answer(call: &Call, error: &Error) -> bool {
    stale_kind(call.endpoint, error).is_some()
}

/// Heals the read `call` that failed with `cause` on what may be a stale id: discovery, then
/// the candidates probed with `call` itself; the first that answers is learned and its
/// answer given. Otherwise [`Error::StaleId`] saying what was tried.
pub(crate) async fn heal(li: &Linkedin, call: Call, cause: Error) -> Result<Bytes> {
    let Some(kind) = stale_kind(call.endpoint, &cause) else {
        return Err(cause);
    };
    let failed = call.endpoint;
    let Some(stale) = id_of(failed, kind) else {
        return Err(cause);
    };
    let _one_at_a_time = li.inner.healing.lock().await;
    // Healed meanwhile by another call: the current entry, as it is now.
    let current = li.inner.ids.resolve(builtin(failed));
    if id_of(current, kind) != Some(stale) {
        return call.with_endpoint(current).send(li.transport()).await;
    }
    if li.inner.unhealed.lock().await.contains(failed.name) {
        return Err(stale_error(failed, stale, cause, None));
    }
    let mut discovery = discover(li, failed, kind, stale).await;
    // Ids this client already uses for other entries are theirs, not this one's.
    let taken: Vec<&'static str> = li
        .inner
        .ids
        .entries()
        .into_iter()
        .filter(|(e, _)| e.id != failed.id)
        .filter_map(|(e, _)| id_of(e, kind))
        .collect();
    let candidates: Vec<String> = discovery
        .candidates
        .iter()
        .filter(|c| !taken.contains(&c.as_str()))
        .cloned()
        .collect();
    for candidate in candidates.into_iter().take(LIMITS.probes) {
        discovery.probed += 1;
        let ids = match kind {
            Kind::QueryId => EndpointIds {
                query_id: Some(candidate.clone()),
                ..EndpointIds::default()
            },
            Kind::DecorationId => EndpointIds {
                decoration_id: Some(candidate.clone()),
                ..EndpointIds::default()
            },
        };
        let trial = ids.apply(current);
        let Ok(body) = call
            .clone()
            .with_endpoint(trial)
            .probe()
            .send(li.transport())
            .await
        else {
            continue;
        };
        if !answers_in_shape(trial, &body) {
            continue;
        }
        learn(li, failed, kind, stale, ids).await;
        tracing::info!(
            endpoint = failed.name,
            stale,
            current = candidate.as_str(),
            pages = discovery.pages,
            scripts = discovery.scripts,
            bytes = discovery.bytes,
            "LinkedIn rotated an id: learned the current one"
        );
        return Ok(body);
    }
    li.inner.unhealed.lock().await.insert(failed.name);
    Err(stale_error(failed, stale, cause, Some(discovery)))
}

/// Whether a write's failure is how LinkedIn refuses a stale GraphQL `queryId` (refused
/// before it runs: peers-2026.md §4).
pub(crate) fn is_stale_write(endpoint: &Endpoint, error: &Error) -> bool {
    endpoint.method == Method::Post
        && endpoint.query_id.is_some()
        && matches!(
            error,
            Error::Transport(linkedin_transport::Error::Status {
                code: 400 | 500,
                ..
            })
        )
}

/// For a write refused as stale and read back as not done: the one current queryId the web
/// app's pages and scripts carry for it (a write cannot be probed: with several candidates,
/// or none, `None`), as the entry to send it with, and the ids to [`learn_write`] once it
/// worked.
pub(crate) async fn current_for_write(
    li: &Linkedin,
    endpoint: &'static Endpoint,
) -> Option<(&'static Endpoint, EndpointIds)> {
    if !li.inner.heal {
        return None;
    }
    let _one_at_a_time = li.inner.healing.lock().await;
    let current = li.inner.ids.resolve(builtin(endpoint));
    let stale = current.query_id?;
    let discovery = discover(li, current, Kind::QueryId, stale).await;
    match discovery.candidates.as_slice() {
        [only] => {
            let ids = EndpointIds {
                query_id: Some(only.clone()),
                ..EndpointIds::default()
            };
            Some((ids.apply(current), ids))
        }
        _ => {
            tracing::warn!(
                endpoint = endpoint.name,
                candidates = discovery.candidates.len(),
                "a write was refused as stale; its current id cannot be told (a write is never probed)"
            );
            None
        }
    }
}

/// Learns the id a write worked with (see [`current_for_write`]).
pub(crate) async fn learn_write(li: &Linkedin, endpoint: &'static Endpoint, ids: EndpointIds) {
    let Some(stale) = li.inner.ids.resolve(builtin(endpoint)).query_id else {
        return;
    };
    tracing::info!(
        endpoint = endpoint.name,
        stale,
        current = ids.query_id.as_deref().unwrap_or_default(),
        "LinkedIn rotated a write's id: learned the current one"
    );
    learn(li, endpoint, Kind::QueryId, stale, ids).await;
}

/// The built-in entry an entry (perhaps with replaced ids) stands for.
fn builtin(endpoint: &'static Endpoint) -> &'static Endpoint {
    by_name(endpoint.name).unwrap_or(endpoint)
}

fn stale_error(
    endpoint: &Endpoint,
    stale: &str,
    cause: Error,
    discovery: Option<Discovery>,
) -> Error {
    Error::StaleId {
        endpoint: endpoint.name,
        id: stale.to_owned(),
        discovery: discovery.unwrap_or_default(),
        cause: Box::new(cause),
    }
}

/// Whether a probe's answer is the entry's: JSON, with the data root of a GraphQL entry.
fn answers_in_shape(endpoint: &'static Endpoint, body: &[u8]) -> bool {
    let Ok(value) = read_body(endpoint, body) else {
        return false;
    };
    match endpoint.data_root {
        Some(_) => value
            .pointer(&endpoint.data_pointer())
            .is_some_and(|v| !v.is_null()),
        None => true,
    }
}

/// What discovery fetches next.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Fetch {
    /// A web page on the API's host, with the session (as a member's browser loads it).
    Page(String),
    /// A script on the API's host.
    Script(String),
    /// A script on LinkedIn's CDN, fetched without the session's cookies or tokens.
    Asset(String),
}

/// Reads the web app's pages and scripts for ids of `kind` like `stale`, within [`LIMITS`].
async fn discover(li: &Linkedin, endpoint: &Endpoint, kind: Kind, stale: &str) -> Discovery {
    let started = Instant::now();
    let mut found = Discovery::default();
    let mut todo: VecDeque<Fetch> = VecDeque::new();
    if let Some(page) = capability_page(endpoint) {
        todo.push_back(Fetch::Page(page.to_owned()));
    }
    todo.push_back(Fetch::Page("/feed/".to_owned()));
    let mut seen: HashSet<Fetch> = HashSet::new();
    let mut fetches = 0;
    while let Some(next) = todo.pop_front() {
        if fetches >= LIMITS.fetches
            || found.bytes >= LIMITS.bytes
            || started.elapsed() >= LIMITS.time
        {
            break;
        }
        if !seen.insert(next.clone()) {
            continue;
        }
        fetches += 1;
        let answer = match &next {
            Fetch::Page(path) => {
                li.transport()
                    .send(Request::get(path.clone()).accept(Accept::Html))
                    .await
            }
            Fetch::Script(path) => {
                li.transport()
                    .send(Request::get(path.clone()).accept(Accept::Any))
                    .await
            }
            Fetch::Asset(url) => li.transport().fetch_asset(url).await,
        };
        let answer = match answer {
            Ok(answer) => answer,
            Err(linkedin_transport::Error::InvalidInput { .. })
                if matches!(next, Fetch::Asset(_)) =>
            {
                // A host assets are not fetched from: nothing was sent.
                fetches -= 1;
                found.skipped_other_hosts += 1;
                continue;
            }
            Err(_) => continue,
        };
        let body = answer.body();
        found.bytes += body.len() as u64;
        match next {
            Fetch::Page(_) => found.pages += 1,
            Fetch::Script(_) | Fetch::Asset(_) => found.scripts += 1,
        }
        let text = String::from_utf8_lossy(body);
        for id in ids_in(&text, kind, stale) {
            if !found.candidates.contains(&id) {
                found.candidates.push(id);
            }
        }
        for reference in script_refs(&text) {
            todo.push_back(match same_origin_path(li, &reference) {
                Some(path) => Fetch::Script(path),
                None => Fetch::Asset(absolute(li, &reference)),
            });
        }
    }
    found.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    found
}

/// The web app's own page for a capability, where one carries its id inline.
fn capability_page(endpoint: &Endpoint) -> Option<&'static str> {
    (endpoint.id == endpoints::SEARCH_CLUSTERS.id)
        .then_some("/search/results/people/?keywords=test")
}

/// The ids of `kind` in `text` that look like `stale` (same query name, or same decoration
/// name), `stale` itself left out.
fn ids_in(text: &str, kind: Kind, stale: &str) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        Kind::QueryId => {
            let Some((name, _)) = stale.split_once('.') else {
                return out;
            };
            let prefix = format!("{name}.");
            for (at, _) in text.match_indices(&prefix) {
                let start = at + prefix.len();
                let Some(hash) = text.get(start..start + 32) else {
                    continue;
                };
                let id = format!("{prefix}{hash}");
                let ends = text[start + 32..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                if ends && is_query_id(&id) && id != stale {
                    out.push(id);
                }
            }
        }
        Kind::DecorationId => {
            let Some((name, _)) = stale.rsplit_once('-') else {
                return out;
            };
            let prefix = format!("{name}-");
            for (at, _) in text.match_indices(&prefix) {
                let digits: String = text[at + prefix.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let id = format!("{prefix}{digits}");
                if !digits.is_empty() && is_decoration_id(&id) && id != stale {
                    out.push(id);
                }
            }
        }
    }
    out
}

/// The script bundles `text` refers to: `src="…"` of script tags, and chunk paths
/// (`/aero-v1/sc/h/<token>`) anywhere in it.
fn script_refs(text: &str) -> Vec<String> {
    const CHUNKS: &str = "/aero-v1/sc/h/";
    let mut out = Vec::new();
    for (at, _) in text.match_indices(CHUNKS) {
        // Back to the start of the URL (a scheme and host may come before the path).
        let before = &text[..at];
        let start = before
            .rfind(|c: char| c == '"' || c == '\'' || c == '(' || c.is_whitespace())
            .map_or(0, |i| i + 1);
        let rest = &text[at + CHUNKS.len()..];
        let token: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        if token.is_empty() {
            continue;
        }
        let url = format!("{}{CHUNKS}{token}", &text[start..at]);
        if !out.contains(&url) {
            out.push(url);
        }
    }
    out
}

/// A reference as an absolute URL (`//host/path` takes the base's scheme).
fn absolute(li: &Linkedin, reference: &str) -> String {
    li.transport()
        .base_url()
        .join(reference)
        .map_or_else(|_| reference.to_owned(), String::from)
}

/// A reference as a path on the client's own origin; `None` for another host.
fn same_origin_path(li: &Linkedin, reference: &str) -> Option<String> {
    if reference.starts_with('/') && !reference.starts_with("//") {
        return Some(reference.to_owned());
    }
    let base = li.transport().base_url();
    let url = base.join(reference).ok()?;
    (url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default())
    .then(|| url.path().to_owned())
}

/// The learned ids saved for an account: per entry, the ids that replace the stale ones, the
/// ids they replace, and when they were learned.
#[derive(Debug, Default, Serialize, Deserialize)]
struct LearnedFile {
    version: u32,
    entries: BTreeMap<String, Learned>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Learned {
    replaces: EndpointIds,
    ids: EndpointIds,
    at: i64,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Uses and saves a learned id.
async fn learn(
    li: &Linkedin,
    endpoint: &'static Endpoint,
    kind: Kind,
    stale: &str,
    ids: EndpointIds,
) {
    let at = now();
    let built_in = builtin(endpoint);
    li.inner
        .ids
        .replace(built_in, &ids, IdOrigin::Learned { at });
    let replaces = match kind {
        Kind::QueryId => EndpointIds {
            query_id: Some(stale.to_owned()),
            ..EndpointIds::default()
        },
        Kind::DecorationId => EndpointIds {
            decoration_id: Some(stale.to_owned()),
            ..EndpointIds::default()
        },
    };
    let mut file = saved(li).await;
    file.version = 1;
    file.entries
        .insert(built_in.name.to_owned(), Learned { replaces, ids, at });
    match serde_json::to_string_pretty(&file) {
        Ok(json) => {
            if let Err(e) = li.transport().save_learned_ids(&json).await {
                tracing::warn!(%e, "the learned id is used, but could not be saved for later runs");
            }
        }
        Err(e) => tracing::warn!(%e, "the learned ids could not be written"),
    }
}

/// The learned ids saved for the account (none when unreadable: they are learned again).
async fn saved(li: &Linkedin) -> LearnedFile {
    match li.transport().learned_ids().await {
        Ok(Some(text)) => serde_json::from_str(&text).unwrap_or_else(|e| {
            tracing::warn!(%e, "the saved learned ids do not read; they will be learned again");
            LearnedFile::default()
        }),
        Ok(None) => LearnedFile::default(),
        Err(e) => {
            tracing::warn!(%e, "the saved learned ids cannot be read; they will be learned again");
            LearnedFile::default()
        }
    }
}

/// Puts the account's saved learned ids into `table`: each while the id it replaced is still
/// the one the table would send.
pub(crate) async fn load_learned(li: &Linkedin, table: &IdTable) {
    apply_learned_file(&saved(li).await, table);
}

/// Puts learned ids saved as `text` (what the client writes for an account: a file store's
/// `<account>.ids.json`) into `table`, each while the id it replaced is still the one the
/// table would send; text that does not read puts nothing. For tools that show the ids in
/// use without logging in (`linkedin catalogue show`).
pub fn apply_learned(text: &str, table: &IdTable) {
    if let Ok(file) = serde_json::from_str::<LearnedFile>(text) {
        apply_learned_file(&file, table);
    }
}

fn apply_learned_file(file: &LearnedFile, table: &IdTable) {
    for (name, learned) in &file.entries {
        let Some(endpoint) = by_name(name) else {
            continue;
        };
        if learned.ids.check(endpoint).is_err() {
            continue;
        }
        let now_sent = table.resolve(endpoint);
        let still = learned
            .replaces
            .query_id
            .as_deref()
            .is_none_or(|id| now_sent.query_id == Some(id))
            && learned
                .replaces
                .decoration_id
                .as_deref()
                .is_none_or(|id| now_sent.decoration_id == Some(id));
        if still {
            table.replace(endpoint, &learned.ids, IdOrigin::Learned { at: learned.at });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_inside_minified_text() {
        let stale = format!("voyagerThing.{}", "a".repeat(32));
        let fresh = format!("voyagerThing.{}", "b".repeat(32));
        let text = format!(
            r#"x={{queryId:"{stale}"}},y={{queryId:"{fresh}",z:1}};w="voyagerOther.{}";v="voyagerThing.{}Z""#,
            "c".repeat(32),
            "d".repeat(32)
        );
        assert_eq!(ids_in(&text, Kind::QueryId, &stale), [fresh]);
        let deco = "com.linkedin.voyager.dash.deco.thing.Thing-12";
        let text = "a:\"com.linkedin.voyager.dash.deco.thing.Thing-12\",b:\"com.linkedin.voyager.dash.deco.thing.Thing-13\",c:\"com.linkedin.voyager.dash.deco.thing.ThingOther-14\"";
        assert_eq!(
            ids_in(text, Kind::DecorationId, deco),
            ["com.linkedin.voyager.dash.deco.thing.Thing-13"]
        );
    }

    #[test]
    fn script_references_are_paths_or_urls() {
        let html = r#"<script src="/aero-v1/sc/h/abc123"></script><script src="https://static.licdn.com/aero-v1/sc/h/def-4.js" defer></script>x="/aero-v1/sc/h/ghi""#;
        assert_eq!(
            script_refs(html),
            [
                "/aero-v1/sc/h/abc123",
                "https://static.licdn.com/aero-v1/sc/h/def-4.js",
                "/aero-v1/sc/h/ghi"
            ]
        );
    }
}
