//! The sandbox over real loopback HTTP: the login flow, the Voyager session gate, the pages,
//! every fault, the request log, keep-alive, HTTP/2 over TLS, answer compression, and shutdown.

use std::time::{Duration, Instant};

use crate::common::api::{Api, stale, url, with_param};
use crate::common::{Client, FORM, cookie_pair, login_form};
use bytes::Bytes;
use http::{Method, StatusCode};
use http_body_util::{BodyExt, Full};
use linkedin_catalogue::{Base, ENDPOINTS, Location, Status, endpoints};
use linkedin_sandbox::{
    CHALLENGE_USERNAME, DEMO_PASSWORD, DEMO_USERNAME, Faults, RateLimit, Sandbox, SandboxConfig,
    SandboxHandle,
};
use serde_json::json;

async fn start(faults: Faults) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        faults,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

async fn plain() -> SandboxHandle {
    start(Faults::default()).await
}

/// `JSESSIONID` without its quotes.
fn unquote(v: &str) -> &str {
    v.strip_prefix('"').unwrap().strip_suffix('"').unwrap()
}

/// Whether `id` is `ajax:` and 19 digits.
fn is_ajax_id(id: &str) -> bool {
    id.strip_prefix("ajax:")
        .is_some_and(|d| d.len() == 19 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `GET /uas/authenticate`: the jar then holds the bootstrap `JSESSIONID` (quoted), returned.
async fn bootstrap(client: &mut Client) -> String {
    let resp = client.get("/uas/authenticate").await;
    assert_eq!(resp.status, StatusCode::OK);
    client.cookie("JSESSIONID").to_owned()
}

/// Logs the client in as the demo account; the jar then holds `li_at` and the new `JSESSIONID`.
async fn log_in(client: &mut Client) {
    let jsessionid = bootstrap(client).await;
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(
        resp.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
}

/// The headers of an authenticated Voyager request for the session of `li_at` and `jsessionid`
/// (quoted), as a `Cookie` value and a `csrf-token` value.
fn voyager_auth(li_at: &str, jsessionid: &str) -> (String, String) {
    (
        format!("li_at={li_at}; JSESSIONID={jsessionid}"),
        unquote(jsessionid).to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_passes_and_the_session_reads_me_nested_and_normalized() {
    let sandbox = plain().await;
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
    let sandbox = plain().await;
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
    let sandbox = plain().await;
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
        assert!(
            resp.body.is_empty(),
            "csrf-token {csrf_header:?}: {}",
            resp.text()
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
    let sandbox = plain().await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn latency_delays_every_answer() {
    let latency = Duration::from_millis(150);
    let sandbox = start(Faults {
        latency: Some(latency),
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    for _ in 0..2 {
        let began = Instant::now();
        let resp = client.get("/uas/authenticate").await;
        assert!(began.elapsed() >= latency, "{:?}", began.elapsed());
        assert_eq!(resp.status, StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rate_limit_answers_429_with_retry_after() {
    let sandbox = start(Faults {
        rate_limit: Some(RateLimit {
            requests: 2,
            window: Duration::from_secs(60),
        }),
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    for _ in 0..2 {
        assert_eq!(client.get("/uas/authenticate").await.status, StatusCode::OK);
    }
    for _ in 0..2 {
        let resp = client.get("/uas/authenticate").await;
        assert_eq!(resp.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(resp.json(), json!({"status": 429}));
        let retry_after: u64 = resp.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=60).contains(&retry_after), "{retry_after}");
        assert!(resp.set_cookies().is_empty());
    }
    let statuses: Vec<u16> = sandbox.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 200, 429, 429]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn challenge_after_sends_the_session_to_a_checkpoint_and_ends_it() {
    let sandbox = start(Faults {
        challenge_after: Some(2),
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let auth = [("cookie", cookie.as_str()), ("csrf-token", csrf.as_str())];

    for _ in 0..2 {
        assert_eq!(
            client
                .call(Method::GET, "/voyager/api/me", &auth, "")
                .await
                .status,
            StatusCode::OK
        );
    }
    let resp = client.call(Method::GET, "/voyager/api/me", &auth, "").await;
    assert_eq!(resp.status, StatusCode::FOUND);
    let location = resp.header("location").unwrap();
    let prefix = format!("{}/checkpoint/challenge/", sandbox.base_url());
    assert!(
        location.starts_with(&prefix) && location.len() > prefix.len(),
        "{location}"
    );
    let wipe = resp.set_cookie("li_at");
    assert!(wipe.starts_with("li_at=\"delete me\""), "{wipe}");
    assert!(
        wipe.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"),
        "{wipe}"
    );
    assert!(resp.body.is_empty());

    let page = client.get(&location[sandbox.base_url().len()..]).await;
    assert_eq!(page.status, StatusCode::OK);

    let resp = client.call(Method::GET, "/voyager/api/me", &auth, "").await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.json(), json!({"status": 401}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_answer_a_5xx_with_its_status_in_json() {
    let sandbox = start(Faults {
        server_errors: 1.0,
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    for path in ["/uas/authenticate", "/", "/voyager/api/me"] {
        let resp = client.get(path).await;
        let status = resp.status.as_u16();
        assert!([500, 502, 503, 504].contains(&status), "{path}: {status}");
        assert_eq!(resp.json(), json!({"status": status}), "{path}");
        assert!(resp.set_cookies().is_empty(), "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connection_resets_close_the_connection_without_an_answer() {
    let sandbox = start(Faults {
        connection_resets: 1.0,
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    let req = client
        .request(Method::GET, "/uas/authenticate?x=1")
        .body(Full::new(Bytes::new()))
        .unwrap();
    let err = client.send(req).await.unwrap_err();
    assert!(!err.is_timeout(), "{err}");

    let records = sandbox.requests();
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].path, "/uas/authenticate");
    assert_eq!(records[0].query, "x=1");
    assert_eq!(records[0].status, 0);
}

/// Reads a body frame by frame: the data frames, and whether it ended in an error.
async fn read_frames(mut body: hyper::body::Incoming) -> (Vec<Bytes>, Option<hyper::Error>) {
    let mut frames = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => frames.extend(frame.into_data().ok()),
            Err(e) => return (frames, Some(e)),
        }
    }
    (frames, None)
}

// Fails today: crates/sandbox/src/body.rs hands hyper the first half and then, on the very
// next poll, the error, so hyper aborts the connection with the head and the half still in its
// write buffer. The client gets no bytes at all (HTTP/1.1: `IncompleteMessage` from
// `send_request`; HTTP/2: RST_STREAM before the headers), the same as a connection reset.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_bodies_stop_short_of_their_length() {
    let sandbox = start(Faults {
        truncated_bodies: 1.0,
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    let req = client
        .request(Method::GET, "/")
        .body(Full::new(Bytes::new()))
        .unwrap();
    let resp = client.send(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let declared: usize = resp.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(declared > 100, "{declared}");
    let (frames, error) =
        tokio::time::timeout(Duration::from_secs(30), read_frames(resp.into_body()))
            .await
            .unwrap();
    let received: usize = frames.iter().map(Bytes::len).sum();
    assert!(
        received < declared,
        "{received} of {declared} bytes, error {error:?}"
    );
    assert_eq!(sandbox.requests()[0].status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_arrive_whole_and_slowly() {
    let reference = plain().await;
    let expected = Client::connect(&reference).await.get("/").await.body;
    assert!(expected.len() > 64 * 3, "{}", expected.len());

    let sandbox = start(Faults {
        slow_body: Some(Duration::from_millis(5)),
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    let req = client
        .request(Method::GET, "/")
        .body(Full::new(Bytes::new()))
        .unwrap();
    let began = Instant::now();
    let resp = client.send(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let declared: usize = resp.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let (frames, error) =
        tokio::time::timeout(Duration::from_secs(30), read_frames(resp.into_body()))
            .await
            .unwrap();
    assert!(error.is_none(), "{error:?}");
    assert_eq!(frames.concat(), expected);
    assert_eq!(declared, expected.len());
    // Counted from the request: the last chunk leaves after a pause behind each chunk before
    // it. (The frames the client reads may each hold several chunks when it is busy, and
    // the client may start reading late, so neither is checked.)
    let pauses = declared.div_ceil(64).saturating_sub(1);
    assert!(
        began.elapsed() >= Duration::from_millis(5 * pauses as u64),
        "{:?} for {pauses} pauses",
        began.elapsed()
    );
}

// Fails today: crates/sandbox/src/server.rs reads at most MAX_BODY (1 MiB) bytes, but turns a
// bigger body's `Limited` error into an empty body (line 86) and answers 413 only when the body
// read is at least MAX_BODY long (line 138): exactly 1 MiB gets 413, 1 MiB + 1 is routed as if
// empty.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_bodies_over_one_mebibyte_get_413() {
    let sandbox = plain().await;
    let mut client = Client::connect(&sandbox).await;
    let max = 1 << 20;
    let resp = client.call(Method::POST, "/", &[], &"a".repeat(max)).await;
    assert_eq!(
        resp.status,
        StatusCode::NOT_FOUND,
        "exactly 1 MiB is allowed"
    );
    let resp = client
        .call(Method::POST, "/", &[], &"a".repeat(max + 1))
        .await;
    assert_eq!(resp.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// The statuses of 20 requests to a sandbox with `server_errors: 0.5` and `seed`.
async fn statuses_with_seed(seed: u64) -> Vec<u16> {
    let sandbox = start(Faults {
        server_errors: 0.5,
        seed,
        ..Faults::default()
    })
    .await;
    let mut client = Client::connect(&sandbox).await;
    let mut statuses = Vec::new();
    for _ in 0..20 {
        statuses.push(client.get("/").await.status.as_u16());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_repeat_with_their_seed() {
    let first = statuses_with_seed(42).await;
    assert_eq!(first, statuses_with_seed(42).await);
    assert!(first.contains(&200), "{first:?}");
    assert!(first.iter().any(|s| *s >= 500), "{first:?}");
    // Seeds 42 and 43 draw different sequences (checked once: a different seed could, with a
    // chance of about 1 in 2^20 or less, draw the same one; these two do not).
    assert_ne!(first, statuses_with_seed(43).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_log_records_every_request_without_secrets() {
    let path = std::env::temp_dir().join(format!(
        "linkedin-sandbox-request-log-{}-{}.jsonl",
        std::process::id(),
        std::time::SystemTime::UNIX_EPOCH
            .elapsed()
            .unwrap()
            .as_nanos()
    ));
    let _ = std::fs::remove_file(&path);
    let sandbox = Sandbox::start(SandboxConfig {
        request_log: Some(path.clone()),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut client = Client::connect(&sandbox).await;
    let boot = client.get("/uas/authenticate?trk=guest_homepage").await;
    assert_eq!(boot.status, StatusCode::OK);
    let boot_id = client.cookie("JSESSIONID").to_owned();
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &boot_id);
    let login = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(login.json()["login_result"], "PASS");
    let li_at = client.cookie("li_at").to_owned();
    let jsessionid = client.cookie("JSESSIONID").to_owned();
    let csrf = unquote(&jsessionid).to_owned();
    let me = client
        .call(Method::GET, "/voyager/api/me", &[("csrf-token", &csrf)], "")
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let bad = client.call(Method::GET, "/voyager/api/me", &[], "").await;
    assert_eq!(bad.status, StatusCode::FORBIDDEN);

    let records = sandbox.requests();
    let summary: Vec<(u64, u64, &str, &str, &str, u16)> = records
        .iter()
        .map(|r| {
            (
                r.seq,
                r.connection,
                r.method.as_str(),
                r.path.as_str(),
                r.query.as_str(),
                r.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (0, 0, "GET", "/uas/authenticate", "trk=guest_homepage", 200),
            (1, 0, "POST", "/uas/authenticate", "", 200),
            (2, 0, "GET", "/voyager/api/me", "", 200),
            (3, 0, "GET", "/voyager/api/me", "", 403),
        ]
    );
    assert!(records.iter().all(|r| r.version == "HTTP/1.1"));
    let host = sandbox.addr().to_string();
    assert!(
        records
            .iter()
            .all(|r| r.headers.contains(&("host".to_owned(), host.clone())))
    );
    assert!(records[0].cookies.is_empty());
    assert_eq!(records[1].cookies, ["JSESSIONID", "bcookie", "lidc"]);
    assert_eq!(
        records[1].body,
        "session_key=demo%40example.com&session_password=%3Credacted%3E&JSESSIONID=%3Credacted%3E"
    );
    assert!(
        records[1]
            .headers
            .contains(&("content-type".to_owned(), FORM.1.to_owned()))
    );
    assert!(
        records[2]
            .headers
            .contains(&("csrf-token".to_owned(), "present".to_owned()))
    );
    assert!(!records[3].headers.iter().any(|(n, _)| n == "csrf-token"));
    // The jar replaced JSESSIONID after li_at, so it now comes last.
    assert_eq!(
        records[2].cookies,
        ["bcookie", "lidc", "li_at", "JSESSIONID"]
    );

    let serialized = serde_json::to_string(&records).unwrap();
    let demo = sandbox.demo_cookies();
    let secrets = [
        DEMO_PASSWORD,
        &li_at,
        &demo.li_at,
        unquote(&boot_id).trim_start_matches("ajax:"),
        &csrf["ajax:".len()..],
        unquote(&demo.jsessionid).trim_start_matches("ajax:"),
    ];
    for secret in secrets {
        assert!(
            !serialized.contains(secret),
            "{secret} is in the log: {serialized}"
        );
    }

    let file = std::fs::read_to_string(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let lines: Vec<serde_json::Value> = file
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected: Vec<serde_json::Value> = records
        .iter()
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert_eq!(lines, expected);
    assert!(file.ends_with('\n'));
    for secret in secrets {
        assert!(!file.contains(secret), "{secret} is in the log file");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let sandbox = plain().await;
    let mut client = Client::connect(&sandbox).await;
    for path in ["/", "/uas/authenticate", "/authwall"] {
        assert_eq!(client.get(path).await.status, StatusCode::OK, "{path}");
    }
    assert_eq!(sandbox.connections(), 1);
    let records = sandbox.requests();
    assert_eq!(records.len(), 3);
    assert!(
        records
            .iter()
            .all(|r| r.connection == records[0].connection),
        "{records:?}"
    );

    let mut second = Client::connect(&sandbox).await;
    assert_eq!(second.get("/").await.status, StatusCode::OK);
    assert_eq!(sandbox.connections(), 2);
    let records = sandbox.requests();
    assert_eq!(records.len(), 4);
    assert_ne!(records[3].connection, records[0].connection);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_serves_http2_and_http1_by_alpn() {
    let sandbox = Sandbox::start(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    assert!(
        sandbox.base_url().starts_with("https://127.0.0.1:"),
        "{}",
        sandbox.base_url()
    );
    assert!(
        sandbox
            .ca_pem()
            .unwrap()
            .starts_with("-----BEGIN CERTIFICATE-----")
    );

    let mut h2 = Client::connect_tls(&sandbox, b"h2").await;
    let resp = h2.get("/uas/authenticate").await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.json(), json!({"status": "success"}));
    let set_cookie = resp.set_cookie("JSESSIONID");
    assert!(set_cookie.ends_with("; Path=/; Secure"), "{set_cookie}");
    assert!(
        resp.set_cookies().iter().all(|c| c.ends_with("; Secure")),
        "{:?}",
        resp.set_cookies()
    );

    // Log in over HTTP/2: the whole flow works there too.
    let jsessionid = h2.cookie("JSESSIONID").to_owned();
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let login = h2
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(
        login.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
    assert!(
        login
            .set_cookie("li_at")
            .ends_with("; HttpOnly; Path=/; Secure")
    );

    let mut h1 = Client::connect_tls(&sandbox, b"http/1.1").await;
    log_in(&mut h1).await;
    let csrf = unquote(h1.cookie("JSESSIONID")).to_owned();
    let me = h1
        .call(Method::GET, "/voyager/api/me", &[("csrf-token", &csrf)], "")
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["miniProfile"]["publicIdentifier"], "demo-member");

    let records = sandbox.requests();
    let summary: Vec<(&str, &str, &str, u16)> = records
        .iter()
        .map(|r| {
            (
                r.version.as_str(),
                r.method.as_str(),
                r.path.as_str(),
                r.status,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("HTTP/2.0", "GET", "/uas/authenticate", 200),
            ("HTTP/2.0", "POST", "/uas/authenticate", 200),
            ("HTTP/1.1", "GET", "/uas/authenticate", 200),
            ("HTTP/1.1", "POST", "/uas/authenticate", 200),
            ("HTTP/1.1", "GET", "/voyager/api/me", 200),
        ]
    );
    assert_eq!(records[0].connection, records[1].connection);
    assert_ne!(records[0].connection, records[2].connection);
    assert!(
        records[2..]
            .iter()
            .all(|r| r.connection == records[2].connection)
    );
    assert_eq!(sandbox.connections(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_stops_listening() {
    let sandbox = plain().await;
    let addr = sandbox.addr();
    {
        let mut client = Client::connect(&sandbox).await;
        assert_eq!(client.get("/").await.status, StatusCode::OK);
    }
    tokio::time::timeout(Duration::from_secs(30), sandbox.shutdown())
        .await
        .unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

/// Every Voyager entry of the catalogue sits behind the session gate: without `li_at` a 401
/// `{"status":401}`, with a missing or stale `csrf-token` a 403 without a body, whatever the
/// route (and before any check of its parameters).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_voyager_route_refuses_a_missing_session_and_a_wrong_csrf_token() {
    let sandbox = plain().await;
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
            assert!(resp.body.is_empty(), "{}", endpoint.name);
        }
        routes += 1;
    }
    assert!(routes > 70, "{routes}");
}

/// The Voyager API is routed by the endpoint catalogue: a Rest.li server's 400s come first,
/// then an unknown `queryId` (400), the retired entries (410), the broken legacy sends (500), a
/// request the sandbox does not answer (501 naming its entry, with `x-sandbox-not-emulated`),
/// and `/me`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_is_routed_by_the_catalogue() {
    let sandbox = plain().await;
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

/// LinkedIn refuses a request whose `queryId` or `decorationId` is not the current one with a
/// 400, and so does the sandbox, for every catalogue entry that has one: the entry's own
/// target with an older version of the id, and without it. (The answers that differ from this
/// 400 are in `the_api_is_routed_by_the_catalogue`: an unknown path is a 404, the retired
/// `/identity/profiles/*` family a 410.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_and_missing_ids_are_refused() {
    let sandbox = plain().await;
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
        };
        for (name, id) in [("queryId", e.query_id), ("decorationId", e.decoration_id)] {
            let Some(id) = id else { continue };
            let older = stale(id);
            assert!(!ids.contains(&older.as_str()), "{older} is an entry's id");
            for value in [Some(older.as_str()), None] {
                let request = with_param(&target, name, value);
                let resp = api.send(method.clone(), &request, false, "").await;
                assert_eq!(
                    resp.status,
                    StatusCode::BAD_REQUEST,
                    "{}: {request}",
                    e.name
                );
                assert_eq!(resp.json(), json!({"status": 400}), "{}: {request}", e.name);
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
    let sandbox = plain().await;
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
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
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
    assert_eq!(resp.status, StatusCode::OK);
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

/// The demo session's headers for a Voyager request, with `accept-encoding` when given.
fn encoded_request<'a>(
    auth: &'a (String, String),
    accept_encoding: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut headers = vec![("cookie", auth.0.as_str()), ("csrf-token", auth.1.as_str())];
    headers.extend(accept_encoding.map(|v| ("accept-encoding", v)));
    headers
}

/// A first page of the feed: a JSON answer well over 1 KiB.
fn feed_page() -> String {
    url(
        endpoints::FEED_CHRON,
        &[],
        json!({"count": 10, "start": 0}),
        None,
    )
}

/// `body` with its `content-encoding` (none, `gzip` or `br`) undone.
fn decode(content_encoding: Option<&str>, body: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    match content_encoding {
        None => out.extend_from_slice(body),
        Some("gzip") => {
            flate2::read::GzDecoder::new(body).read_to_end(&mut out)?;
        }
        Some("br") => {
            brotli::Decompressor::new(body, 4096).read_to_end(&mut out)?;
        }
        Some(other) => panic!("unexpected content-encoding {other}"),
    }
    Ok(out)
}

/// An answer of 1 KiB or more comes `br` or `gzip` encoded as the request's `accept-encoding`
/// allows (br first, weights honoured), with `vary` and the encoded `content-length`, and
/// decodes to the identity answer; over HTTP/2 too. The request log keeps the header.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_answers_come_br_or_gzip_encoded_as_accepted() {
    let sandbox = plain().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let target = feed_page();

    let identity = client
        .call(Method::GET, &target, &encoded_request(&auth, None), "")
        .await;
    assert_eq!(identity.status, StatusCode::OK, "{}", identity.text());
    assert_eq!(identity.header("content-encoding"), None);
    assert_eq!(identity.header("vary"), Some("accept-encoding"));
    assert!(identity.body.len() >= 4096, "{}", identity.body.len());
    let expected = identity.json();

    let cases = [
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),
        ("gzip;q=1.0, br;q=0.5", "br"),
        ("br;q=0, gzip", "gzip"),
        ("x-gzip", "gzip"),
        ("*", "br"),
        ("*;q=0, GZIP;Q=0.1", "gzip"),
    ];
    for (accept, coding) in cases {
        let resp = client
            .call(
                Method::GET,
                &target,
                &encoded_request(&auth, Some(accept)),
                "",
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{accept}");
        assert_eq!(resp.header("content-encoding"), Some(coding), "{accept}");
        assert_eq!(resp.header("vary"), Some("accept-encoding"), "{accept}");
        assert_eq!(resp.header("content-type"), Some("application/json"));
        let declared: usize = resp.header("content-length").unwrap().parse().unwrap();
        assert_eq!(declared, resp.body.len(), "{accept}");
        assert!(
            resp.body.len() < identity.body.len() / 3,
            "{accept}: {} of {} bytes",
            resp.body.len(),
            identity.body.len()
        );
        let decoded = decode(Some(coding), &resp.body).unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
            expected,
            "{accept}"
        );
    }
    let logged = &sandbox.requests()[1];
    assert!(
        logged
            .headers
            .contains(&("accept-encoding".to_owned(), "gzip".to_owned())),
        "{logged:?}"
    );

    let tls = Sandbox::start(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut h2 = Client::connect_tls(&tls, b"h2").await;
    let demo = tls.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let resp = h2
        .call(
            Method::GET,
            &target,
            &encoded_request(&auth, Some("gzip, br")),
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(resp.header("content-encoding"), Some("br"));
    let decoded = decode(Some("br"), &resp.body).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
        expected
    );
}

/// Without an acceptable coding the large answer goes as it is (still varying on the header),
/// and answers under 1 KiB are never compressed, JSON or HTML.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_codings_and_small_answers_get_identity() {
    let sandbox = plain().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let target = feed_page();
    let identity = client
        .call(Method::GET, &target, &encoded_request(&auth, None), "")
        .await
        .json();

    for accept in [
        "gzip;q=0, br;q=0",
        "identity",
        "deflate, zstd",
        "*;q=0",
        "br;q=0.000, x-gzip;q=0",
        "gzip;q=often",
        "",
    ] {
        let resp = client
            .call(
                Method::GET,
                &target,
                &encoded_request(&auth, Some(accept)),
                "",
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{accept}");
        assert_eq!(resp.header("content-encoding"), None, "{accept}");
        assert_eq!(resp.header("vary"), Some("accept-encoding"), "{accept}");
        assert_eq!(resp.json(), identity, "{accept}");
    }

    let me = client
        .call(
            Method::GET,
            "/voyager/api/me",
            &encoded_request(&auth, Some("gzip, br")),
            "",
        )
        .await;
    assert_eq!(me.status, StatusCode::OK);
    assert!(me.body.len() < 1024, "{}", me.body.len());
    assert_eq!(me.header("content-encoding"), None);
    assert_eq!(me.header("vary"), None);
    assert_eq!(me.json()["miniProfile"]["publicIdentifier"], "demo-member");

    let home = client
        .call(Method::GET, "/", &[("accept-encoding", "gzip, br")], "")
        .await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.len() < 1024, "{}", home.body.len());
    assert_eq!(home.header("content-encoding"), None);
    assert!(home.text().starts_with("<!DOCTYPE html>"));
}

/// `compression: false` answers identity whatever the request accepts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compression_off_answers_identity() {
    let sandbox = Sandbox::start(SandboxConfig {
        compression: false,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let resp = client
        .call(
            Method::GET,
            &feed_page(),
            &encoded_request(&auth, Some("gzip, deflate, br")),
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert!(resp.body.len() >= 4096, "{}", resp.body.len());
    assert_eq!(resp.header("content-encoding"), None);
    assert_eq!(resp.header("vary"), None);
    assert_eq!(resp.json()["elements"].as_array().unwrap().len(), 10);
}

/// Sends a GET for the feed page with `accept-encoding` and returns the response head, its
/// body read frame by frame, and the time from sending the request to the body's end.
async fn feed_frames(
    sandbox: &SandboxHandle,
    accept_encoding: &str,
) -> (
    http::response::Parts,
    Vec<Bytes>,
    Option<hyper::Error>,
    Duration,
) {
    let mut client = Client::connect(sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let (cookie, csrf) = voyager_auth(&demo.li_at, &demo.jsessionid);
    let req = client
        .request(Method::GET, &feed_page())
        .header("cookie", cookie)
        .header("csrf-token", csrf)
        .header("accept-encoding", accept_encoding)
        .body(Full::new(Bytes::new()))
        .unwrap();
    let began = Instant::now();
    let resp = client.send(req).await.unwrap();
    let (parts, body) = resp.into_parts();
    let (frames, error) = tokio::time::timeout(Duration::from_secs(30), read_frames(body))
        .await
        .unwrap();
    (parts, frames, error, began.elapsed())
}

/// A truncated-body fault cuts the compressed bytes: the declared length is the whole encoded
/// body's, and what arrives is a gzip stream that does not decode to the end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_bodies_cut_the_compressed_stream() {
    let sandbox = start(Faults {
        truncated_bodies: 1.0,
        ..Faults::default()
    })
    .await;
    let (head, frames, _error, _) = feed_frames(&sandbox, "gzip").await;
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.headers["content-encoding"], "gzip");
    let declared: usize = head.headers["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let received = frames.concat();
    assert!(
        !received.is_empty() && received.len() < declared,
        "{} of {declared} bytes",
        received.len()
    );
    assert_eq!(received[..2], [0x1f, 0x8b], "a gzip stream begins");
    let err = decode(Some("gzip"), &received).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::UnexpectedEof, "{err}");
}

/// A slow-body fault drips the compressed bytes in several frames; together they decode to the
/// identity answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_bodies_drip_the_compressed_bytes() {
    let reference = plain().await;
    let mut client = Client::connect(&reference).await;
    let demo = reference.demo_cookies().clone();
    let auth = voyager_auth(&demo.li_at, &demo.jsessionid);
    let expected = client
        .call(Method::GET, &feed_page(), &encoded_request(&auth, None), "")
        .await
        .json();

    let sandbox = start(Faults {
        slow_body: Some(Duration::from_millis(1)),
        ..Faults::default()
    })
    .await;
    let (head, frames, error, elapsed) = feed_frames(&sandbox, "br").await;
    assert!(error.is_none(), "{error:?}");
    assert_eq!(head.status, StatusCode::OK);
    assert_eq!(head.headers["content-encoding"], "br");
    let received = frames.concat();
    let declared: usize = head.headers["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(declared, received.len());
    // Sent 64 bytes at a time with a pause after each: counted from the request, the last
    // chunk leaves after a pause behind each chunk before it. How the client's reads split
    // the bytes depends on the machine's load (a busy client reads several chunks at once),
    // so the frames' sizes are not checked.
    let pauses = declared.div_ceil(64).saturating_sub(1);
    assert!(pauses >= 2, "a body of {declared} bytes");
    assert!(
        elapsed >= Duration::from_millis(pauses as u64),
        "{elapsed:?} for {pauses} pauses"
    );
    let decoded = decode(Some("br"), &received).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&decoded).unwrap(),
        expected
    );
}
