//! Helpers for the API tests: a demo-account session, request targets built by the
//! catalogue, and readers of normalized answers.

use http::{Method, StatusCode};
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::world::{World, generate};
use linkedin_sandbox::{Faults, Sandbox, SandboxConfig, SandboxHandle, WORLD_SEED};
use serde_json::{Value, json};

use super::{Client, Resp};

/// The normalized encoding's `accept` header.
pub(crate) const NORMALIZED: &str = "application/vnd.linkedin.normalized+json+2.1";

/// A demo-account session on one connection.
pub(crate) struct Api {
    client: Client,
    cookie: String,
    csrf: String,
}

impl Api {
    pub(crate) async fn new(sandbox: &SandboxHandle) -> Self {
        let cookies = sandbox.demo_cookies();
        Self {
            client: Client::connect(sandbox).await,
            cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
            csrf: cookies.jsessionid.trim_matches('"').to_owned(),
        }
    }

    pub(crate) async fn send(
        &mut self,
        method: Method,
        url: &str,
        normalized: bool,
        body: &str,
    ) -> Resp {
        let accept = normalized.then_some(NORMALIZED);
        self.call(method, url, accept, body).await
    }

    /// Sends `method url` with this `accept` header (none for `None`).
    pub(crate) async fn call(
        &mut self,
        method: Method,
        url: &str,
        accept: Option<&str>,
        body: &str,
    ) -> Resp {
        let mut headers = vec![
            ("cookie", self.cookie.as_str()),
            ("csrf-token", self.csrf.as_str()),
        ];
        if let Some(accept) = accept {
            headers.push(("accept", accept));
        }
        self.client.call(method, url, &headers, body).await
    }

    pub(crate) async fn get(&mut self, url: &str, normalized: bool) -> Resp {
        self.send(Method::GET, url, normalized, "").await
    }

    /// GETs `url` and expects a 200 with JSON.
    pub(crate) async fn ok(&mut self, url: &str, normalized: bool) -> Value {
        let resp = self.get(url, normalized).await;
        assert_eq!(resp.status, StatusCode::OK, "{url}: {}", resp.text());
        resp.json()
    }
}

/// The request path and query of catalogue entry `endpoint`, built by the catalogue itself
/// (`Endpoint::target`) from JSON objects of query parameters and GraphQL variables.
pub(crate) fn url(
    endpoint: &Endpoint,
    path: &[(&str, &str)],
    query: Value,
    variables: Option<Value>,
) -> String {
    let map = |json: Value| match restli::Value::from(json) {
        restli::Value::Map(map) => map,
        _ => restli::Map::new(),
    };
    endpoint.target(path, map(query), variables.map(map))
}

/// What a GraphQL answer of `endpoint` holds at its data root (`data.<root>`): give it a
/// nested answer's body, or a normalized answer's `data`. `Null` when there is nothing there.
pub(crate) fn at_root<'a>(answer: &'a Value, endpoint: &Endpoint) -> &'a Value {
    answer
        .pointer(&endpoint.data_pointer())
        .unwrap_or(&Value::Null)
}

/// The reference (`*<root>`) that a normalized GraphQL answer of `endpoint` has at its data
/// root in place of an entity, which is in `included`.
pub(crate) fn root_ref<'a>(normalized: &'a Value, endpoint: &Endpoint) -> &'a Value {
    &normalized["data"]["data"][format!("*{}", endpoint.data_root.unwrap())]
}

/// `target` with query parameter `name` set to the raw `value`, or without it for `None`.
pub(crate) fn with_param(target: &str, name: &str, value: Option<&str>) -> String {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let prefix = format!("{name}=");
    let mut params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with(&prefix))
        .map(str::to_owned)
        .collect();
    params.extend(value.map(|v| format!("{prefix}{v}")));
    if params.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

/// Another version of a catalogue id, as LinkedIn's clients send once it rotates: a
/// `decorationId`'s projection number one lower (`Name-16` becomes `Name-15`), a `queryId`'s
/// hash all zeros.
pub(crate) fn stale(id: &str) -> String {
    if let Some((base, n)) = id.rsplit_once('-')
        && let Ok(n) = n.parse::<u32>()
    {
        return format!("{base}-{}", n.saturating_sub(1));
    }
    let (name, hash) = id.rsplit_once('.').unwrap();
    format!("{name}.{}", "0".repeat(hash.len()))
}

/// The world every sandbox serves.
pub(crate) fn world() -> World {
    generate(WORLD_SEED)
}

/// A sandbox with the default configuration.
pub(crate) async fn start() -> SandboxHandle {
    start_with(Faults::default()).await
}

/// A sandbox that injects `faults`, keeping its requests in memory (for
/// [`SandboxHandle::requests`]).
pub(crate) async fn start_with(faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        faults,
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

/// The `included` entity with `urn`.
pub(crate) fn included<'a>(body: &'a Value, urn: &str) -> &'a Value {
    body["included"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["entityUrn"] == urn)
        .unwrap_or_else(|| panic!("{urn} not in included: {body}"))
}

/// Whether any object in `v` has a `$type` key.
pub(crate) fn has_types(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.contains_key("$type") || m.values().any(has_types),
        Value::Array(a) => a.iter().any(has_types),
        _ => false,
    }
}

/// Lower-case words, split at anything but letters and digits (how search compares text).
/// The sandbox's own tests predict search results with this copy rather than the sandbox's
/// `world::matches_keywords`, so that a fault in the one under test cannot hide itself.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether every word of `keywords` occurs in `hay`.
pub(crate) fn matches(keywords: &str, hay: &str) -> bool {
    let hay = words(hay).join(" ");
    words(keywords).iter().all(|w| hay.contains(w.as_str()))
}

/// A search clusters request: the result type, keywords, more filters (a JSON array of
/// `{key, value}`), a page start and size.
pub(crate) fn search_clusters(
    result_type: &str,
    keywords: Option<&str>,
    filters: Value,
    start: usize,
    count: Option<usize>,
) -> String {
    let mut parameters = vec![json!({"key": "resultType", "value": [result_type]})];
    if let Value::Array(more) = filters {
        parameters.extend(more);
    }
    let mut query = json!({"queryParameters": parameters});
    if let Some(k) = keywords {
        query["keywords"] = json!(k);
    }
    let mut vars = json!({"start": start, "query": query});
    if let Some(count) = count {
        vars["count"] = json!(count);
    }
    url(endpoints::SEARCH_CLUSTERS, &[], json!({}), Some(vars))
}

/// The entity results of a search clusters answer in the default encoding.
pub(crate) fn results(body: &Value) -> Vec<Value> {
    at_root(body, endpoints::SEARCH_CLUSTERS)["elements"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["items"].as_array().unwrap().clone())
        .map(|i| i["item"]["entityResult"].clone())
        .collect()
}
