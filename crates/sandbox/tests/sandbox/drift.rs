//! Drift on demand ([`Drift`]): rotated ids (the old ones answered as stale, the new ones
//! routed as the catalogue's were, and found in the web app's pages and scripts), retired
//! entries, and answers whose shape moved.

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

use http::{Method, StatusCode};
use linkedin_catalogue::{Base, ENDPOINTS, Endpoint, Location, Status, by_name, endpoints};
use linkedin_sandbox::{
    Drift, Rotation, Sandbox, SandboxConfig, SandboxError, SandboxHandle, reshaped_field,
};
use serde_json::{Value, json};

use crate::common::Client;
use crate::common::api::{Api, at_root, search_clusters, start, url, with_param, world};

/// The path of the web app's scripts.
const SCRIPTS: &str = "/aero-v1/sc/h/";

async fn start_drifted(drift: Drift) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        drift,
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

fn rotating(rotation: Rotation) -> Drift {
    Drift {
        rotate: Some(rotation),
        ..Drift::default()
    }
}

/// The entries that can rotate: Voyager API entries with an id, not retired in the catalogue.
fn eligible() -> Vec<&'static Endpoint> {
    ENDPOINTS
        .iter()
        .copied()
        .filter(|e| {
            e.base == Base::Api
                && e.status != Status::Gone
                && (e.query_id.is_some() || e.decoration_id.is_some())
        })
        .collect()
}

/// An entry's own target (catalogue ids), its path parameters `1`.
fn target_of(e: &Endpoint) -> String {
    let path: Vec<(&str, &str)> = e
        .params
        .iter()
        .filter(|p| p.location == Location::Path)
        .map(|p| (p.name, "1"))
        .collect();
    e.target(&path, restli::Map::new(), None)
}

/// `target` of entry `e` with the ids `sandbox` answers `e` with now.
fn current_target(sandbox: &SandboxHandle, e: &Endpoint, target: &str) -> String {
    let ids = sandbox.current_ids(e.name).unwrap();
    let mut target = target.to_owned();
    if let Some(id) = &ids.query_id {
        target = with_param(&target, "queryId", Some(id));
    }
    if let Some(id) = &ids.decoration_id {
        target = with_param(&target, "decorationId", Some(id));
    }
    target
}

fn http_method(e: &Endpoint) -> Method {
    match e.method {
        linkedin_catalogue::Method::Get => Method::GET,
        linkedin_catalogue::Method::Post => Method::POST,
        linkedin_catalogue::Method::Delete => Method::DELETE,
    }
}

/// The answer a stale id of `e` gets: 500 for a GraphQL `queryId`, 400 for a `decorationId`.
fn stale_status(e: &Endpoint) -> StatusCode {
    if e.query_id.is_some() {
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::BAD_REQUEST
    }
}

/// The catalogue entry the latest request reached, as the request log names it.
fn reached(sandbox: &SandboxHandle) -> Option<String> {
    sandbox.requests().last().unwrap().endpoint.clone()
}

/// With every id rotated, each entry's catalogue id is stale (a GraphQL `queryId` 500, a REST
/// `decorationId` 400, refused before any entry is reached) and its new one reaches the entry,
/// which answers it as a sandbox without drift answers the catalogue's: same status, same
/// body.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotated_ids_are_stale_and_the_new_ones_are_answered_as_the_old_were() {
    let sandbox = start_drifted(rotating(Rotation::All)).await;
    let plain = start().await;
    let mut api = Api::new(&sandbox).await;
    let mut before = Api::new(&plain).await;
    let rotated = sandbox.rotated();
    let names: Vec<&str> = eligible().iter().map(|e| e.name).collect();
    assert_eq!(rotated, names);
    assert!(plain.rotated().is_empty());

    let (mut graphql, mut rest) = (0, 0);
    for name in &rotated {
        let e = by_name(name).unwrap();
        let ids = sandbox.current_ids(name).unwrap();
        assert_eq!(ids.path.as_deref(), Some(e.path), "{name}: the path stays");
        assert_eq!(
            ids.data_root.as_deref(),
            e.data_root,
            "{name}: the root stays"
        );
        assert_ne!(ids.query_id.as_deref(), e.query_id.or(Some("-")), "{name}");
        assert_ne!(
            ids.decoration_id.as_deref(),
            e.decoration_id.or(Some("-")),
            "{name}"
        );
        if e.query_id.is_some() {
            graphql += 1;
        } else {
            rest += 1;
        }
        let method = http_method(e);
        let old = target_of(e);
        let resp = api.send(method.clone(), &old, false, "").await;
        let status = stale_status(e);
        assert_eq!(resp.status, status, "{name} {old}: {}", resp.text());
        assert_eq!(resp.json(), json!({"status": status.as_u16()}), "{name}");
        assert_eq!(reached(&sandbox), None, "{name}: refused before any entry");

        let new = current_target(&sandbox, e, &old);
        let now = api.send(method.clone(), &new, false, "").await;
        assert_eq!(reached(&sandbox).as_deref(), Some(*name), "{new}");
        if method == Method::GET {
            let then = before.send(method, &old, false, "").await;
            assert_eq!(now.status, then.status, "{name} {new}: {}", now.text());
            assert_eq!(now.body, then.body, "{name} {new}");
        }
    }
    assert!(graphql > 20 && rest > 5, "{graphql} GraphQL, {rest} REST");

    // Requests the sandbox answers with results, with their new ids: the same answers.
    let w = world();
    let people = search_clusters("PEOPLE", Some("engineer"), json!([]), 0, Some(10));
    let feed = url(
        endpoints::FEED_MAIN,
        &[],
        json!({}),
        Some(json!({"start": 0, "count": 5})),
    );
    let company = url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": w.companies[0].universal_name}),
        None,
    );
    for (e, target) in [
        (endpoints::SEARCH_CLUSTERS, people),
        (endpoints::FEED_MAIN, feed),
        (endpoints::COMPANY, company),
    ] {
        for normalized in [false, true] {
            let then = before.get(&target, normalized).await;
            assert_eq!(then.status, StatusCode::OK, "{target}");
            let now = api
                .get(&current_target(&sandbox, e, &target), normalized)
                .await;
            assert_eq!(now.status, StatusCode::OK, "{}", e.name);
            assert_eq!(now.body, then.body, "{}", e.name);
            let stale = api.get(&target, normalized).await;
            assert_eq!(stale.status, stale_status(e), "{}", e.name);
        }
    }
    sandbox.shutdown().await;
    plain.shutdown().await;
}

/// A mutation sent with its rotated entry's old `queryId` is refused (500) before it is
/// carried out: the post has the reactions it had. With the new one it takes effect.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mutation_with_a_stale_query_id_changes_nothing() {
    let sandbox = start_drifted(rotating(Rotation::All)).await;
    let mut api = Api::new(&sandbox).await;
    let w = world();
    let p = w
        .posts
        .iter()
        .find(|p| !p.reactions.is_empty() && p.reactions.iter().all(|r| r.person != 0))
        .unwrap();
    let thread = format!("urn:li:activity:{}", p.activity_id);
    let reactions = url(
        endpoints::POST_REACTIONS,
        &[],
        json!({"count": 100, "start": 0, "threadUrn": thread}),
        None,
    );
    let reactions = current_target(&sandbox, endpoints::POST_REACTIONS, &reactions);
    let total = |body: Value| body["paging"]["total"].as_u64().unwrap();
    let had = p.reactions.len() as u64;
    assert_eq!(total(api.ok(&reactions, false).await), had);

    let react = url(endpoints::POST_REACT_DASH, &[], json!({}), None);
    let body = |query_id: &str| {
        json!({
            "variables": {"entity": {"reactionType": "LIKE"}, "threadUrn": thread},
            "queryId": query_id,
            "includeWebMetadata": true,
        })
        .to_string()
    };
    let old = endpoints::POST_REACT_DASH.query_id.unwrap();
    let resp = api.send(Method::POST, &react, false, &body(old)).await;
    assert_eq!(resp.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(resp.json(), json!({"status": 500}));
    assert_eq!(reached(&sandbox), None);
    assert_eq!(
        total(api.ok(&reactions, false).await),
        had,
        "nothing changed"
    );

    let new = sandbox
        .current_ids(endpoints::POST_REACT_DASH.name)
        .unwrap()
        .query_id
        .unwrap();
    let fresh = with_param(&react, "queryId", Some(&new));
    // The body must repeat the URL's queryId, the new one.
    let resp = api.send(Method::POST, &fresh, false, &body(old)).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(total(api.ok(&reactions, false).await), had);
    let resp = api.send(Method::POST, &fresh, false, &body(&new)).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(total(api.ok(&reactions, false).await), had + 1);
    sandbox.shutdown().await;
}

/// A seed picks half the entries (rounded up), the same ones and the same new ids every time;
/// other seeds pick others.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seed_rotates_the_same_half_every_time() {
    let all = eligible().len();
    let mut subsets = BTreeSet::new();
    for seed in [0, 1, 2, 7, 1234] {
        let a = start_drifted(rotating(Rotation::Seeded(seed))).await;
        let b = start_drifted(rotating(Rotation::Seeded(seed))).await;
        let rotated = a.rotated();
        assert_eq!(rotated, b.rotated(), "seed {seed}");
        assert_eq!(rotated.len(), all.div_ceil(2), "seed {seed}");
        for e in ENDPOINTS {
            assert_eq!(a.current_ids(e.name), b.current_ids(e.name), "{}", e.name);
            let ids = a.current_ids(e.name).unwrap();
            if !rotated.contains(&e.name) {
                assert_eq!(ids.query_id.as_deref(), e.query_id, "{}", e.name);
                assert_eq!(ids.decoration_id.as_deref(), e.decoration_id, "{}", e.name);
            }
        }
        // The web app's pages and scripts are the same bytes too, but for the CDN's port.
        assert_eq!(
            web_app(&a).await.with_cdn_named(&a),
            web_app(&b).await.with_cdn_named(&b),
            "seed {seed}"
        );
        subsets.insert(rotated);
    }
    assert_eq!(subsets.len(), 5, "each seed its own subset");
    assert_eq!(start().await.current_ids("no_such_entry"), None);
}

/// What a client finds by following the web app: the home page and every script, by path.
#[derive(Debug, PartialEq)]
struct WebApp {
    home: String,
    /// The scripts the home page lists, in order.
    listed: Vec<String>,
    /// Every script reached from them, by path.
    scripts: BTreeMap<String, String>,
}

impl WebApp {
    /// Every `queryId:"…"` and `decorationId:"…"` of the scripts, with the paths they are in.
    fn ids(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (path, js) in &self.scripts {
            for key in ["queryId:\"", "decorationId:\""] {
                for id in quoted_after(js, key) {
                    ids.entry(id).or_default().insert(path.clone());
                }
            }
        }
        ids
    }

    /// The same with the CDN's URL written `<cdn>`, to compare two sandboxes' bytes.
    fn with_cdn_named(mut self, sandbox: &SandboxHandle) -> Self {
        let named = |text: &mut String| *text = text.replace(sandbox.cdn_url(), "<cdn>");
        named(&mut self.home);
        self.scripts.values_mut().for_each(named);
        self
    }

    fn bytes(&self) -> usize {
        self.home.len() + self.scripts.values().map(String::len).sum::<usize>()
    }
}

/// The texts that follow `key` up to the next `"`.
fn quoted_after(text: &str, key: &str) -> Vec<String> {
    text.match_indices(key)
        .filter_map(|(at, _)| {
            let rest = &text[at + key.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// The `/aero-v1/sc/h/<token>` paths in `text` (of absolute URLs on the sandbox's CDN: the
/// scheme and host are checked and left out).
fn script_paths(sandbox: &SandboxHandle, text: &str) -> Vec<String> {
    text.match_indices(SCRIPTS)
        .map(|(at, _)| {
            assert!(
                text[..at].ends_with(sandbox.cdn_url()),
                "a script named by its URL on the CDN: {}",
                &text[at.saturating_sub(40)..at + 20]
            );
            let token: String = text[at + SCRIPTS.len()..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            format!("{SCRIPTS}{token}")
        })
        .collect()
}

/// A member's view of `GET /feed/`, then every script it lists and every one those load, each
/// fetched without cookies.
async fn web_app(sandbox: &SandboxHandle) -> WebApp {
    let li_at = format!("li_at={}", sandbox.demo_cookies().li_at);
    let mut member = Client::connect(sandbox).await;
    let home = member
        .call(Method::GET, "/feed/", &[("cookie", &li_at)], "")
        .await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let home = home.text().to_owned();
    let listed: Vec<String> = script_paths(sandbox, &home);
    assert_eq!(
        listed,
        quoted_after(&home, &format!("<script src=\"{}", sandbox.cdn_url()))
    );
    let mut anyone = Client::connect_cdn(sandbox).await;
    let mut scripts = BTreeMap::new();
    let mut queue: VecDeque<String> = listed.iter().cloned().collect();
    while let Some(path) = queue.pop_front() {
        if scripts.contains_key(&path) {
            continue;
        }
        let resp = anyone.get(&path).await;
        assert_eq!(resp.status, StatusCode::OK, "{path}");
        assert_eq!(resp.header("content-type"), Some("application/javascript"));
        let js = resp.text().to_owned();
        queue.extend(script_paths(sandbox, &js));
        scripts.insert(path, js);
    }
    assert!(anyone.jar.is_empty(), "no cookie was sent or set");
    WebApp {
        home,
        listed,
        scripts,
    }
}

/// The home page lists the web app's scripts (by URL on the sandbox's CDN, as LinkedIn's name
/// `static.licdn.com`), which anyone may fetch there, and only there; one is a loader that names further chunks. Following them finds every
/// current id of every entry, some only in a chunk that no page lists, among decoys: old ids
/// of rotated entries, other hashes of their queries, made-up queries, none of which the API
/// answers. A client that probes the candidates finds the one that works.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_app_carries_the_current_ids_among_decoys() {
    let sandbox = start_drifted(rotating(Rotation::Seeded(7))).await;
    // A visitor without a session gets the authwall.
    let resp = Client::connect(&sandbox).await.get("/feed/").await;
    assert_eq!(resp.status, StatusCode::FOUND);
    assert!(resp.header("location").unwrap().contains("/authwall?"));

    let web = web_app(&sandbox).await;
    assert!(web.listed.len() >= 3, "{:?}", web.listed);
    assert!(web.listed.iter().all(|p| p.starts_with(SCRIPTS)));
    let loaders: Vec<&String> = web
        .listed
        .iter()
        .filter(|p| !script_paths(&sandbox, &web.scripts[*p]).is_empty())
        .collect();
    assert_eq!(loaders.len(), 1, "one loader among the listed scripts");
    let lazy: HashSet<String> = script_paths(&sandbox, &web.scripts[loaders[0]])
        .into_iter()
        .filter(|p| !web.listed.contains(p))
        .collect();
    assert!(lazy.len() >= 2, "{lazy:?}");
    assert!(web.home.len() > 10 << 10, "{}", web.home.len());
    for (path, js) in &web.scripts {
        assert!(js.len() > 4 << 10, "{path}: {}", js.len());
    }
    assert_eq!(
        Client::connect_cdn(&sandbox)
            .await
            .get(&format!("{SCRIPTS}nosuchtoken"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The CDN serves scripts only, and the pages' host no script.
    let mut cdn = Client::connect_cdn(&sandbox).await;
    for path in ["/feed/", "/voyager/api/me", "/uas/authenticate"] {
        assert_eq!(cdn.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(
        Client::connect(&sandbox)
            .await
            .get(&web.listed[0])
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let found = web.ids();
    let rotated = sandbox.rotated();
    let mut current = HashSet::new();
    let mut only_lazy = 0;
    for e in ENDPOINTS {
        let Some(ids) = sandbox.current_ids(e.name) else {
            continue;
        };
        for id in [ids.query_id, ids.decoration_id].into_iter().flatten() {
            if e.base != Base::Api || e.status == Status::Gone {
                continue;
            }
            let at = found
                .get(&id)
                .unwrap_or_else(|| panic!("{}: {id} is in no script", e.name));
            if rotated.contains(&e.name) && at.iter().all(|p| lazy.contains(p)) {
                only_lazy += 1;
            }
            current.insert(id);
        }
    }
    assert!(
        only_lazy > 0,
        "some ids are only in chunks the loader loads"
    );
    let decoys: Vec<&String> = found.keys().filter(|id| !current.contains(*id)).collect();
    let old: Vec<&&String> = decoys
        .iter()
        .filter(|id| {
            rotated.iter().any(|name| {
                let e = by_name(name).unwrap();
                e.query_id == Some(id.as_str()) || e.decoration_id == Some(id.as_str())
            })
        })
        .collect();
    assert!(old.len() > 3, "old ids of rotated entries: {old:?}");
    let query_names: HashSet<&str> = ENDPOINTS
        .iter()
        .filter_map(|e| Some(e.query_id?.split_once('.')?.0))
        .collect();
    let other_queries = decoys
        .iter()
        .filter(|id| {
            id.split_once('.')
                .is_some_and(|(n, h)| h.len() == 32 && !query_names.contains(n))
        })
        .count();
    assert!(other_queries > 3, "made-up queries: {decoys:?}");
    assert!(
        decoys.len() > old.len() + other_queries,
        "other hashes: {decoys:?}"
    );
    let catalogue: HashSet<&str> = ENDPOINTS
        .iter()
        .flat_map(|e| [e.query_id, e.decoration_id])
        .flatten()
        .collect();
    for id in &decoys {
        let is_old = old.iter().any(|o| o == &id);
        assert!(
            is_old || !catalogue.contains(id.as_str()),
            "{id} is a real id"
        );
    }
    let total = web.bytes();
    eprintln!(
        "home page {} B, {} scripts {} B, total {total} B",
        web.home.len(),
        web.scripts.len(),
        total - web.home.len()
    );
    assert!((100 << 10..400 << 10).contains(&total), "{total}");

    // Discovery: probe every candidate of people search's query. A stale one is a 500; the
    // others reach an entry (the current one of `search_clusters`, and the id of its older
    // version, `search_clusters_2_3_1`, which takes other variables: a 400).
    let mut api = Api::new(&sandbox).await;
    let search = endpoints::SEARCH_CLUSTERS;
    let name = search.query_id.unwrap().split_once('.').unwrap().0;
    let people = search_clusters("PEOPLE", Some("engineer"), json!([]), 0, Some(10));
    let candidates: Vec<&String> = found
        .keys()
        .filter(|id| id.split_once('.').is_some_and(|(n, _)| n == name))
        .collect();
    assert!(candidates.len() >= 2, "{candidates:?}");
    let mut answered = Vec::new();
    for id in candidates {
        let resp = api
            .get(&with_param(&people, "queryId", Some(id)), false)
            .await;
        if resp.status == StatusCode::INTERNAL_SERVER_ERROR {
            assert_eq!(reached(&sandbox), None, "{id}");
        } else {
            answered.push((reached(&sandbox).unwrap(), resp.status));
        }
    }
    assert!(
        answered.contains(&(search.name.to_owned(), StatusCode::OK)),
        "{answered:?}"
    );
    sandbox.shutdown().await;
}

/// The people-search page carries the current search `queryId` inline as the real page does
/// (`"queryId":"voyagerSearchDashClusters.<32 hex>"`, peers-2026.md §4), for members only;
/// without drift, the catalogue's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_people_search_page_carries_the_current_search_query_id() {
    let search = endpoints::SEARCH_CLUSTERS;
    let name = search.query_id.unwrap().split_once('.').unwrap().0;
    let inline = |page: &str| -> Vec<String> {
        quoted_after(page, "\"queryId\":\"")
            .into_iter()
            .filter(|id| {
                id.split_once('.').is_some_and(|(n, hash)| {
                    n == name
                        && hash.len() == 32
                        && hash
                            .bytes()
                            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                })
            })
            .collect()
    };
    for (drift, rotated) in [(rotating(Rotation::All), true), (Drift::default(), false)] {
        let sandbox = start_drifted(drift).await;
        let page = "/search/results/people/?keywords=%3Cb%3Eengineer";
        let resp = Client::connect(&sandbox).await.get(page).await;
        assert_eq!(resp.status, StatusCode::FOUND, "the authwall");
        let li_at = format!("li_at={}", sandbox.demo_cookies().li_at);
        let resp = Client::connect(&sandbox)
            .await
            .call(Method::GET, page, &[("cookie", &li_at)], "")
            .await;
        assert_eq!(resp.status, StatusCode::OK);
        let html = resp.text();
        assert!(html.contains("&lt;b&gt;engineer"), "keywords are escaped");
        assert!(!html.contains("<b>engineer"));
        let current = sandbox.current_ids(search.name).unwrap().query_id.unwrap();
        assert_eq!(inline(html), std::slice::from_ref(&current));
        assert_eq!(current.as_str() != search.query_id.unwrap(), rotated);
        assert!(html.contains(&format!("<script src=\"{}{SCRIPTS}", sandbox.cdn_url())));
        sandbox.shutdown().await;
    }
}

/// A retired REST entry answers 410 `{"status":410}` whatever its ids; a retired GraphQL query
/// 500 `{"status":500}`, as a queryId LinkedIn does not have; neither has current ids, nor
/// ids in the web app's scripts; the others are answered as before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retired_entries_answer_as_linkedin_retired_ones() {
    let sandbox = start_drifted(Drift {
        retire: vec!["company".into(), "feed_main".into()],
        ..Drift::default()
    })
    .await;
    let mut api = Api::new(&sandbox).await;
    let company = url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": world().companies[0].universal_name}),
        None,
    );
    for target in [company.clone(), with_param(&company, "decorationId", None)] {
        let resp = api.get(&target, false).await;
        assert_eq!(resp.status, StatusCode::GONE, "{target}");
        assert_eq!(resp.json(), json!({"status": 410}));
    }
    let feed = url(
        endpoints::FEED_MAIN,
        &[],
        json!({}),
        Some(json!({"start": 0, "count": 5})),
    );
    let resp = api.get(&feed, true).await;
    assert_eq!(resp.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(resp.json(), json!({"status": 500}));
    assert_eq!(sandbox.current_ids("company"), None);
    assert_eq!(sandbox.current_ids("feed_main"), None);
    let found = web_app(&sandbox).await.ids();
    for id in [
        endpoints::COMPANY.decoration_id,
        endpoints::FEED_MAIN.query_id,
    ] {
        assert!(!found.contains_key(id.unwrap()), "{id:?}");
    }
    assert!(found.contains_key(endpoints::SEARCH_CLUSTERS.query_id.unwrap()));
    assert_eq!(
        api.get("/voyager/api/me", false).await.status,
        StatusCode::OK
    );
    sandbox.shutdown().await;
}

/// A reshaped entry's answer has the field of `reshaped_field` renamed `<field>V2` (its
/// normalized reference `*<field>` too), at every depth; other entries are as before.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reshaped_entries_rename_the_documented_field() {
    let sandbox = start_drifted(Drift {
        reshape: vec!["company".into(), "search_clusters".into(), "me".into()],
        ..Drift::default()
    })
    .await;
    let plain = start().await;
    let mut api = Api::new(&sandbox).await;
    let mut before = Api::new(&plain).await;
    let company = url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": world().companies[0].universal_name}),
        None,
    );
    let people = search_clusters("PEOPLE", Some("engineer"), json!([]), 0, Some(10));
    // The field, and where it is in the answer (below the data root of a GraphQL one).
    let cases: [(&Endpoint, &str, bool, &str); 5] = [
        (
            endpoints::COMPANY,
            &company,
            false,
            "/elements/0/universalName",
        ),
        (
            endpoints::COMPANY,
            &company,
            true,
            "/included/0/universalName",
        ),
        (endpoints::SEARCH_CLUSTERS, &people, false, "/elements"),
        (endpoints::SEARCH_CLUSTERS, &people, true, "/elements"),
        (endpoints::ME, "/voyager/api/me", false, "/miniProfile"),
    ];
    for (e, target, normalized, pointer) in cases {
        let then = before.ok(target, normalized).await;
        let now = api.ok(target, normalized).await;
        let field = reshaped_field(e.name, &then).unwrap();
        assert!(pointer.ends_with(field), "{}: {field}", e.name);
        let root = |body: &Value| -> Value {
            match (e.data_root, normalized) {
                (Some(_), false) => at_root(body, e).clone(),
                (Some(_), true) => at_root(&body["data"], e).clone(),
                (None, _) => body.clone(),
            }
        };
        let (then_root, now_root) = (root(&then), root(&now));
        assert!(
            then_root.pointer(pointer).is_some(),
            "{}: {then_root}",
            e.name
        );
        assert!(
            now_root.pointer(pointer).is_none(),
            "{}: {now_root}",
            e.name
        );
        assert_eq!(
            now_root.pointer(&format!("{pointer}V2")),
            then_root.pointer(pointer),
            "{}",
            e.name
        );
        let text = now.to_string();
        assert!(
            !text.contains(&format!("\"{field}\"")),
            "{}: {text}",
            e.name
        );
        assert!(
            !text.contains(&format!("\"*{field}\"")),
            "{}: {text}",
            e.name
        );
    }
    // Not reshaped: the feed.
    let feed = url(
        endpoints::FEED_MAIN,
        &[],
        json!({}),
        Some(json!({"start": 0, "count": 5})),
    );
    assert_eq!(api.ok(&feed, true).await, before.ok(&feed, true).await);
    sandbox.shutdown().await;
    plain.shutdown().await;
}

/// A drift that names an entry the catalogue does not have (or one that is not of the
/// Voyager API) is refused at start, naming it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_entries_are_refused_at_start() {
    for (drift, option, name) in [
        (
            Drift {
                retire: vec!["no_such_entry".into()],
                ..Drift::default()
            },
            "retire",
            "no_such_entry",
        ),
        (
            Drift {
                reshape: vec!["me".into(), "touch_me".into()],
                ..Drift::default()
            },
            "reshape",
            "touch_me",
        ),
    ] {
        let err = Sandbox::start(SandboxConfig {
            drift,
            ..SandboxConfig::default()
        })
        .await
        .unwrap_err();
        match &err {
            SandboxError::UnknownEndpoint { option: o, name: n } => {
                assert_eq!((*o, n.as_str()), (option, name));
            }
            other => panic!("{other}"),
        }
        assert!(err.to_string().contains(name), "{err}");
    }
}
