//! The sandbox as a server: the login flow, the Voyager session gate, the pages, and the API
//! routed by the catalogue (Rest.li's 400s, stale ids, retired and unknown paths, company
//! pages and follows).

use http::{Method, StatusCode};
use linkedin_catalogue::{Base, ENDPOINTS, Location, Status, endpoints};
use linkedin_sandbox::{CHALLENGE_USERNAME, DEMO_PASSWORD, DEMO_USERNAME};
use serde_json::json;

use crate::common::api::{Api, stale, start, url, with_param};
use crate::common::{
    Client, FORM, bootstrap, cookie_pair, is_ajax_id, login_form, unquote, voyager_auth,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_passes_and_the_session_reads_me_nested_and_normalized() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;

    let boot = client.get("/uas/authenticate").await;
    assert_eq!(boot.status, StatusCode::OK);
    assert_eq!(boot.json(), json!({"status": "success"}));
    let (name, boot_id) = cookie_pair(boot.set_cookie("JSESSIONID"));
    assert_eq!(name, "JSESSIONID");
    assert!(
        boot_id.starts_with('"') && boot_id.ends_with('"'),
        "{boot_id}"
    );
    assert!(is_ajax_id(unquote(&boot_id)), "{boot_id}");
    assert!(boot.set_cookie("JSESSIONID").contains("; Path=/"));
    assert!(
        !boot.set_cookie("JSESSIONID").contains("Secure"),
        "no Secure in the clear"
    );

    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &boot_id);
    let login = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(login.status, StatusCode::OK);
    assert_eq!(
        login.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
    let li_at_header = login.set_cookie("li_at");
    assert!(li_at_header.contains("HttpOnly"), "{li_at_header}");
    let (_, li_at) = cookie_pair(li_at_header);
    assert!(li_at.starts_with("AQEDA") && li_at.len() > 100, "{li_at}");
    assert_ne!(
        li_at,
        sandbox.demo_cookies().li_at,
        "a new session, not the demo one"
    );
    let (_, jsessionid) = cookie_pair(login.set_cookie("JSESSIONID"));
    assert!(is_ajax_id(unquote(&jsessionid)), "{jsessionid}");
    assert_ne!(jsessionid, boot_id, "login hands out a new JSESSIONID");

    // The jar now sends li_at, the new JSESSIONID and the bootstrap's other cookies.
    assert_eq!(client.cookie("li_at"), li_at);
    assert_eq!(client.cookie("JSESSIONID"), jsessionid);
    let csrf = unquote(&jsessionid).to_owned();
    let me = client
        .call(Method::GET, "/voyager/api/me", &[("csrf-token", &csrf)], "")
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(me["plainId"], json!(470_926_337));
    assert_eq!(me["premiumSubscriber"], json!(false));
    assert_eq!(me["miniProfile"]["publicIdentifier"], "demo-member");
    assert_eq!(me["miniProfile"]["firstName"], "Dana");
    assert_eq!(me["miniProfile"]["objectUrn"], "urn:li:member:470926337");
    assert!(
        me.get("data").is_none() && me.get("included").is_none(),
        "{me}"
    );

    let normalized = client
        .call(
            Method::GET,
            "/voyager/api/me",
            &[
                ("csrf-token", &csrf),
                ("accept", "application/vnd.linkedin.normalized+json+2.1"),
            ],
            "",
        )
        .await;
    assert_eq!(normalized.status, StatusCode::OK);
    let normalized = normalized.json();
    let mini_urn = normalized["data"]["*miniProfile"].as_str().unwrap();
    assert!(mini_urn.starts_with("urn:li:fs_miniProfile:"), "{mini_urn}");
    assert_eq!(normalized["data"]["plainId"], json!(470_926_337));
    assert_eq!(
        normalized["data"]["$type"],
        "com.linkedin.voyager.common.Me"
    );
    assert!(normalized["data"].get("miniProfile").is_none());
    let included = normalized["included"].as_array().unwrap();
    assert_eq!(included.len(), 1);
    assert_eq!(included[0]["entityUrn"], mini_urn);
    assert_eq!(
        included[0]["$type"],
        "com.linkedin.voyager.identity.shared.MiniProfile"
    );
    assert_eq!(included[0]["publicIdentifier"], "demo-member");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_refuses_bad_passwords_challenges_and_forged_jsessionids() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let jsessionid = bootstrap(&mut client).await;
    let bad = json!({"login_result": "BAD_PASSWORD", "challenge_url": ""});

    let form = login_form(DEMO_USERNAME, "not-the-password", &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json(), bad);
    assert!(resp.set_cookies().is_empty(), "{:?}", resp.set_cookies());

    let form = login_form("nobody@example.com", DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json(), bad);

    let form = login_form(CHALLENGE_USERNAME, "anything", &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    let body = resp.json();
    assert_eq!(body["login_result"], "CHALLENGE");
    let url = body["challenge_url"].as_str().unwrap();
    let prefix = format!("{}/checkpoint/challenge/", sandbox.base_url());
    assert!(
        url.starts_with(&prefix) && url.len() > prefix.len(),
        "{url}"
    );
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
    assert!(resp.set_cookies().is_empty(), "{:?}", resp.set_cookies());
    let page = client.get(&url[sandbox.base_url().len()..]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.text().starts_with("<html>") && page.text().contains("security check"),
        "{}",
        page.text()
    );

    // No bootstrap cookie: 403 with nothing in it.
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(
            Method::POST,
            "/uas/authenticate",
            &[FORM, ("cookie", "bcookie=x")],
            &form,
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert!(resp.body.is_empty());

    // A form JSESSIONID other than the cookie's: 403.
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, "\"ajax:1234567890123456789\"");
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    assert!(resp.body.is_empty());

    // A cookie and form that agree but that the sandbox never handed out: 403.
    let forged = "\"ajax:1234567890123456789\"";
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, forged);
    let cookie = format!("JSESSIONID={forged}");
    let resp = client
        .call(
            Method::POST,
            "/uas/authenticate",
            &[FORM, ("cookie", &cookie)],
            &form,
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);

    // The failed attempts left the bootstrap usable.
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(
        resp.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_voyager_gate_wants_li_at_then_the_unquoted_csrf_token() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    assert!(is_ajax_id(&csrf), "{csrf}");

    let resp = client.get("/voyager/api/me").await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.json(), json!({"status": 401}));

    // An li_at the sandbox never issued is no session either.
    let stranger = format!("li_at=AQEDAnobody; JSESSIONID={}", demo.jsessionid);
    let resp = client
        .call(
            Method::GET,
            "/voyager/api/me",
            &[("cookie", &stranger), ("csrf-token", &csrf)],
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.json(), json!({"status": 401}));

    for csrf_header in [
        None,
        Some("ajax:0000000000000000000"),
        Some(demo.jsessionid.as_str()),
    ] {
        let mut headers = vec![("cookie", cookie.as_str())];
        headers.extend(csrf_header.map(|v| ("csrf-token", v)));
        let resp = client
            .call(Method::GET, "/voyager/api/me", &headers, "")
            .await;
        assert_eq!(
            resp.status,
            StatusCode::FORBIDDEN,
            "csrf-token {csrf_header:?}"
        );
        assert_eq!(
            resp.text(),
            "CSRF check failed.",
            "csrf-token {csrf_header:?}"
        );
        assert_eq!(
            resp.header("content-type"),
            Some("text/plain; charset=utf-8")
        );
    }

    let auth = [("cookie", cookie.as_str()), ("csrf-token", csrf.as_str())];
    let resp = client.call(Method::GET, "/voyager/api/me", &auth, "").await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(
        resp.json()["miniProfile"]["publicIdentifier"],
        "demo-member"
    );

    let resp = client
        .call(
            Method::GET,
            "/voyager/api/identity/profiles/billy-g/profileView",
            &auth,
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::GONE);
    assert_eq!(resp.json(), json!({"status": 410}));

    let resp = client
        .call(Method::GET, "/voyager/api/no/such/thing", &auth, "")
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.json(), json!({"status": 404}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_pages_need_a_session_and_hold_the_profile_urn() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;

    let resp = client.get("/in/demo-member/").await;
    assert_eq!(resp.status, StatusCode::FOUND);
    let location = resp.header("location").unwrap();
    assert!(
        location.starts_with(&format!("{}/authwall?", sandbox.base_url())),
        "{location}"
    );
    assert!(location.contains("sessionRedirect="), "{location}");
    let authwall = client.get(&location[sandbox.base_url().len()..]).await;
    assert_eq!(authwall.status, StatusCode::OK);
    assert!(
        authwall.text().contains("Join LinkedIn"),
        "{}",
        authwall.text()
    );

    let cookie = format!("li_at={}", sandbox.demo_cookies().li_at);
    let resp = client
        .call(Method::GET, "/in/demo-member/", &[("cookie", &cookie)], "")
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(
        resp.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = resp.text();
    let start = page.find("<code").unwrap();
    let code = &page[start..];
    let code = &code[code.find('>').unwrap() + 1..code.find("</code>").unwrap()];
    assert!(code.contains("urn:li:fsd_profile:"), "{code}");
    assert!(
        code.contains("&quot;publicIdentifier&quot;:&quot;demo-member&quot;"),
        "{code}"
    );
    assert!(!code.contains('"'), "the JSON is HTML-escaped: {code}");
    let data: serde_json::Value =
        serde_json::from_str(&code.replace("&quot;", "\"").replace("&amp;", "&")).unwrap();
    let urn = data["data"]["*elements"][0].as_str().unwrap();
    assert!(urn.starts_with("urn:li:fsd_profile:"), "{urn}");
    assert_eq!(data["included"][0]["entityUrn"], urn);
    assert_eq!(data["included"][0]["publicIdentifier"], "demo-member");

    // Any member of the generated world has a page holding their own URN.
    let world = linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED);
    let other = &world.people[7];
    let resp = client
        .call(
            Method::GET,
            &format!("/in/{}/", other.public_id),
            &[("cookie", &cookie)],
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(
        resp.text()
            .contains(&format!("urn:li:fsd_profile:{}", other.profile_id)),
        "{}",
        resp.text()
    );

    let resp = client
        .call(
            Method::GET,
            "/in/no-such-member/",
            &[("cookie", &cookie)],
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(
        resp.header("content-type"),
        Some("text/html; charset=utf-8")
    );

    let home = client.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    let home = home.text();
    assert!(home.contains("<meta name=\"applicationInstance\" content=\"{&quot;applicationUrn&quot;:&quot;urn:li:application:(voyager-web,voyager-web)&quot;"), "{home}");
    assert!(
        home.contains("<meta name=\"clientPageInstanceId\" content=\""),
        "{home}"
    );

    let resp = client.get("/nothing-here").await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.text(), "not found");
}

/// Every Voyager entry of the catalogue sits behind the session gate: without `li_at` a 401
/// `{"status":401}`, with a missing or stale `csrf-token` a 403 `CSRF check failed.`,
/// whatever the route (and before any check of its parameters).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_voyager_route_refuses_a_missing_session_and_a_wrong_csrf_token() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, _) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let mut routes = 0;
    for endpoint in linkedin_catalogue::ENDPOINTS {
        if endpoint.base != linkedin_catalogue::Base::Api {
            continue;
        }
        let placeholders: Vec<(&str, &str)> = endpoint
            .path
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
            .map(|name| (name, "x"))
            .collect();
        let target = endpoint.target(&placeholders, restli::Map::new(), None);
        let method = match endpoint.method {
            linkedin_catalogue::Method::Get => Method::GET,
            linkedin_catalogue::Method::Post => Method::POST,
            linkedin_catalogue::Method::Delete => Method::DELETE,
        };
        let resp = client.call(method.clone(), &target, &[], "{}").await;
        assert_eq!(
            resp.status,
            StatusCode::UNAUTHORIZED,
            "{} {target}",
            endpoint.name
        );
        assert_eq!(resp.json(), json!({"status": 401}), "{}", endpoint.name);
        for csrf in [None, Some("ajax:0000000000000000000")] {
            let mut headers = vec![("cookie", cookie.as_str())];
            headers.extend(csrf.map(|v| ("csrf-token", v)));
            let resp = client.call(method.clone(), &target, &headers, "{}").await;
            assert_eq!(
                resp.status,
                StatusCode::FORBIDDEN,
                "{} {csrf:?}",
                endpoint.name
            );
            assert_eq!(resp.text(), "CSRF check failed.", "{}", endpoint.name);
        }
        routes += 1;
    }
    assert!(routes > 70, "{routes}");
}

/// The Voyager API is routed by the endpoint catalogue: a Rest.li server's 400s come first,
/// then a `queryId` of a query LinkedIn does not have (400; a stale hash of a known query is
/// a 500, `stale_and_missing_ids_are_refused`), the retired entries (410), the broken legacy sends (500), a
/// request the sandbox does not answer (501 naming its entry, with `x-sandbox-not-emulated`),
/// and `/me`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_is_routed_by_the_catalogue() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let auth = [("cookie", cookie.as_str()), ("csrf-token", csrf.as_str())];
    let experiences = endpoints::PROFILE_EXPERIENCES;
    let query_id = experiences.query_id.unwrap();

    let cases: [(Method, String, StatusCode, serde_json::Value); 7] = [
        // Raw ':' and '(' inside a leaf: not Rest.li.
        (
            Method::GET,
            format!("/voyager/api/graphql?queryId={query_id}&variables=(profileUrn:urn:li:fsd_profile:ACoAA)"),
            StatusCode::BAD_REQUEST,
            json!({"status": 400}),
        ),
        (
            Method::GET,
            "/voyager/api/me?count=1&count=2".to_owned(),
            StatusCode::BAD_REQUEST,
            json!({"status": 400}),
        ),
        (
            Method::GET,
            "/voyager/api/graphql?queryId=voyagerNothing.00000000000000000000000000000000&variables=()".to_owned(),
            StatusCode::BAD_REQUEST,
            json!({"status": 400}),
        ),
        (
            Method::GET,
            "/voyager/api/identity/profiles/ACoAA/whateverElse".to_owned(),
            StatusCode::GONE,
            json!({"status": 410}),
        ),
        (
            Method::POST,
            "/voyager/api/messaging/conversations?action=create".to_owned(),
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"status": 500}),
        ),
        // Every catalogue entry is answered (the unit test `every_catalogue_entry_is_answered`
        // holds it), but not every section of the profile components: skills is a 501.
        (
            Method::GET,
            format!(
                "/voyager/api/graphql?variables=(profileUrn:urn%3Ali%3Afsd_profile%3A{},sectionType:skills)&queryId={query_id}",
                demo_profile_id()
            ),
            StatusCode::NOT_IMPLEMENTED,
            json!({"status": 501, "endpoint": "profile_experiences"}),
        ),
        (
            Method::GET,
            "/voyager/api/me?fields=a,b:(c)".to_owned(),
            StatusCode::OK,
            json!(null),
        ),
    ];
    for (method, path, status, body) in cases {
        let resp = client.call(method.clone(), &path, &auth, "").await;
        assert_eq!(resp.status, status, "{method} {path}: {}", resp.text());
        if status == StatusCode::NOT_IMPLEMENTED {
            assert_eq!(
                resp.header("x-sandbox-not-emulated"),
                Some("profile_experiences")
            );
        }
        if !body.is_null() {
            assert_eq!(resp.json(), body, "{method} {path}");
        }
    }
}

/// LinkedIn refuses a request whose `queryId` or `decorationId` is not the current one, and
/// so does the sandbox, for every catalogue entry that has one: the entry's own target with an
/// older version of the id, and without it. A stale `queryId` (the query's name, another
/// hash) is a 500 (peers-2026.md §4: "a stale id makes the endpoint hard-500"); a stale
/// `decorationId`, or a missing id, a 400 (peers.md: a stale `FullProfileWithEntities-35`
/// answers 400). (The answers that differ are in `the_api_is_routed_by_the_catalogue`: an
/// unknown query name is a 400, an unknown path a 404, the retired `/identity/profiles/*`
/// family a 410.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_and_missing_ids_are_refused() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let ids: Vec<&str> = ENDPOINTS
        .iter()
        .flat_map(|e| [e.query_id, e.decoration_id])
        .flatten()
        .collect();
    let mut refused = Vec::new();
    for e in ENDPOINTS
        .iter()
        .filter(|e| e.base == Base::Api && e.status != Status::Gone)
    {
        let path: Vec<(&str, &str)> = e
            .params
            .iter()
            .filter(|p| p.location == Location::Path)
            .map(|p| (p.name, "1"))
            .collect();
        let target = e.target(&path, restli::Map::new(), None);
        let method = match e.method {
            linkedin_catalogue::Method::Get => Method::GET,
            linkedin_catalogue::Method::Post => Method::POST,
            linkedin_catalogue::Method::Delete => Method::DELETE,
        };
        for (name, id) in [("queryId", e.query_id), ("decorationId", e.decoration_id)] {
            let Some(id) = id else { continue };
            let older = stale(id);
            assert!(!ids.contains(&older.as_str()), "{older} is an entry's id");
            let stale_status = if name == "queryId" {
                StatusCode::INTERNAL_SERVER_ERROR
            } else {
                StatusCode::BAD_REQUEST
            };
            for (value, status) in [
                (Some(older.as_str()), stale_status),
                (None, StatusCode::BAD_REQUEST),
            ] {
                let request = with_param(&target, name, value);
                let resp = api.send(method.clone(), &request, false, "").await;
                assert_eq!(resp.status, status, "{}: {request}", e.name);
                assert_eq!(
                    resp.json(),
                    json!({"status": status.as_u16()}),
                    "{}: {request}",
                    e.name
                );
                refused.push(request);
            }
        }
    }
    assert!(refused.len() > 40, "{refused:#?}");
}

/// The demo account's profile id.
fn demo_profile_id() -> String {
    linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED).people[0]
        .profile_id
        .clone()
}

/// Company and school pages come from the world, in both encodings, and following one is
/// remembered for the run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn companies_and_schools_answer_from_the_world_and_remember_follows() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let auth = [("cookie", cookie.as_str()), ("csrf-token", csrf.as_str())];
    let page = |slug: &str| {
        url(
            endpoints::COMPANY,
            &[],
            json!({"universalName": slug}),
            None,
        )
    };

    let resp = client.call(Method::GET, &page("linkedin"), &auth, "").await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let linkedin = &resp.json()["elements"][0];
    assert_eq!(linkedin["name"], "LinkedIn");
    assert_eq!(linkedin["universalName"], "linkedin");
    assert_eq!(linkedin["followingInfo"]["following"], false);
    assert_eq!(
        linkedin["followingInfo"]["dashFollowingStateUrn"],
        "urn:li:fsd_followingState:urn:li:fsd_company:1337"
    );
    assert!(
        linkedin.get("$type").is_none(),
        "the default encoding has no $type"
    );

    let resp = client
        .call(Method::GET, &page("university-of-queensland"), &auth, "")
        .await;
    assert_eq!(
        resp.json()["elements"][0]["name"],
        "The University of Queensland"
    );
    let resp = client
        .call(Method::GET, &page("no-such-company"), &auth, "")
        .await;
    assert_eq!(resp.json()["elements"], json!([]));

    let normalized = [
        ("cookie", cookie.as_str()),
        ("csrf-token", csrf.as_str()),
        ("accept", "application/vnd.linkedin.normalized+json+2.1"),
    ];
    let resp = client
        .call(Method::GET, &page("linkedin"), &normalized, "")
        .await;
    let body = resp.json();
    let urn = body["data"]["*elements"][0].as_str().unwrap().to_owned();
    let entity = body["included"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["entityUrn"] == urn.as_str())
        .unwrap();
    assert_eq!(entity["name"], "LinkedIn");
    assert_eq!(entity["$type"], "com.linkedin.voyager.organization.Company");

    let follow =
        "/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:1337";
    let resp = client
        .call(
            Method::POST,
            follow,
            &auth,
            r#"{"patch":{"$set":{"following":true}}}"#,
        )
        .await;
    // 201, as LinkedIn answers a follow (voyager.md §1.2 follow_company, #473).
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text());
    let resp = client.call(Method::GET, &page("linkedin"), &auth, "").await;
    assert_eq!(
        resp.json()["elements"][0]["followingInfo"]["following"],
        true
    );
    let resp = client
        .call(
            Method::POST,
            follow,
            &auth,
            r#"{"patch":{"$set":{"following":false}}}"#,
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    let resp = client.call(Method::GET, &page("linkedin"), &auth, "").await;
    assert_eq!(
        resp.json()["elements"][0]["followingInfo"]["following"],
        false
    );

    let resp = client.call(Method::POST, follow, &auth, "not json").await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let unknown =
        "/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:999";
    let resp = client
        .call(
            Method::POST,
            unknown,
            &auth,
            r#"{"patch":{"$set":{"following":true}}}"#,
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
}
