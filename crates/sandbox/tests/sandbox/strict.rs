//! The strict sandbox: every request LinkedIn refuses that the sandbox refuses too, one case
//! each, with the evidence that LinkedIn refuses it. A case that the sandbox would accept
//! also names its twin, the same request without what is refused, which the sandbox answers
//! with a success: so each case fails if its refusal is removed, and shows that the refusal
//! is for that one defect. (The refusals themselves: `src/strict.rs`, `src/routes.rs`, and
//! the dead endpoints' arms in `src/api/mod.rs`.)

use http::{Method, StatusCode};
use linkedin_catalogue::{Endpoint, endpoints};
use serde_json::{Value, json};

use crate::common::api::{stale, start, url, with_param, world};
use crate::common::{Client, Resp};

/// What the answer's body must be, where it matters.
enum Expect {
    /// Any body.
    Any,
    /// This JSON.
    Json(Value),
    /// This text, as `text/plain`.
    Text(&'static str),
}

/// One request LinkedIn refuses (or answers as it does now).
struct Case {
    /// What is refused, and the evidence that LinkedIn refuses it.
    what: &'static str,
    endpoint: &'static Endpoint,
    method: Method,
    target: String,
    body: String,
    /// Whether the request carries the `csrf-token` its session wants.
    csrf: bool,
    status: StatusCode,
    expect: Expect,
    /// The same request without what is refused (target, body), which succeeds; `None` for
    /// an endpoint that answers one status whatever is sent.
    twin: Option<(String, String)>,
}

/// The body of the reaction mutation `post_react_dash` (peers-2026.md §3), `variables` as
/// given and the `queryId` repeated, or not when `query_id` is `None`.
fn mutation(variables: Value, query_id: Option<&str>) -> String {
    let mut body = json!({"variables": variables, "includeWebMetadata": true});
    if let Some(id) = query_id {
        body["queryId"] = json!(id);
    }
    body.to_string()
}

/// Every refusal of the strict sandbox, as LinkedIn answers it.
fn cases() -> Vec<Case> {
    let w = world();
    let me = format!("urn:li:fsd_profile:{}", w.people[0].profile_id);
    let vanity = w.people[7].public_id.clone();
    let post = &w.posts[3];
    let thread = format!("urn:li:activity:{}", post.activity_id);
    let conversation = format!(
        "urn:li:msg_conversation:({me},{})",
        w.conversations[0].thread_id
    );
    let gql = |e: &Endpoint, vars: Value| url(e, &[], json!({}), Some(vars));
    let react = url(endpoints::POST_REACT_DASH, &[], json!({}), None);
    let react_id = endpoints::POST_REACT_DASH.query_id;
    let like = json!({"entity": {"reactionType": "LIKE"}, "threadUrn": thread});
    let feed_main = gql(endpoints::FEED_MAIN, json!({"start": 0, "count": 7}));
    let company = url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": "linkedin"}),
        None,
    );
    let follow = url(
        endpoints::FOLLOWING_STATE_SET,
        &[(
            "followingStateUrn",
            "urn:li:fsd_followingState:urn:li:fsd_company:1337",
        )],
        json!({}),
        None,
    );
    let bad = || Expect::Json(json!({"status": 400}));
    vec![
        // 1. GraphQL variables: LinkedIn answers 400 to a variable its query does not
        // declare (the issue on the strict sandbox; DESIGN.md: the sandbox refuses unknown
        // variables). The twin is the recorded request's shape (seq 8, 39: vanityName only).
        Case {
            what: "an unknown variable",
            endpoint: endpoints::PROFILE_BY_VANITY,
            method: Method::GET,
            target: gql(
                endpoints::PROFILE_BY_VANITY,
                json!({"vanityName": vanity, "locale": "en_US"}),
            ),
            body: String::new(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((
                gql(endpoints::PROFILE_BY_VANITY, json!({"vanityName": vanity})),
                String::new(),
            )),
        },
        // Dotted variables are nested maps: an unknown key inside `query` is as unknown (the
        // same evidence; the catalogue's `query.*` names, voyager.md §1.2 search).
        Case {
            what: "an unknown variable inside a nested map",
            endpoint: endpoints::SEARCH_CLUSTERS,
            method: Method::GET,
            target: gql(
                endpoints::SEARCH_CLUSTERS,
                json!({"start": 0, "query": {"keywords": "engineer", "queryParameters": [{"key": "resultType", "value": ["PEOPLE"]}], "spellCheck": true}}),
            ),
            body: String::new(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((
                gql(
                    endpoints::SEARCH_CLUSTERS,
                    json!({"start": 0, "query": {"keywords": "engineer", "queryParameters": [{"key": "resultType", "value": ["PEOPLE"]}]}}),
                ),
                String::new(),
            )),
        },
        // A mutation's variables are its body's: the same rule (peers-2026.md §3 gives the
        // reaction mutation's variables, entity.reactionType and threadUrn).
        Case {
            what: "an unknown variable of a mutation",
            endpoint: endpoints::POST_REACT_DASH,
            method: Method::POST,
            target: react.clone(),
            body: mutation(
                json!({"entity": {"reactionType": "LIKE"}, "threadUrn": thread, "origin": "FEED"}),
                react_id,
            ),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((react.clone(), mutation(like.clone(), react_id))),
        },
        // A missing required variable: 400, inferred (persisted queries declare their
        // variables; every recorded quick-replies request carries its conversationUrn, seq
        // 87, 91, 112, 115).
        Case {
            what: "a missing required variable",
            endpoint: endpoints::MESSENGER_QUICK_REPLIES,
            method: Method::GET,
            target: gql(endpoints::MESSENGER_QUICK_REPLIES, json!({})),
            body: String::new(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((
                gql(
                    endpoints::MESSENGER_QUICK_REPLIES,
                    json!({"conversationUrn": conversation}),
                ),
                String::new(),
            )),
        },
        // 2. includeWebMetadata=true on a messenger query: LinkedIn refuses it there (the
        // issue); the browser never sends it on /voyagerMessagingGraphQL/graphql (seq 27, 51,
        // 61, 70...: queryId and variables only), while its /graphql queries carry it.
        Case {
            what: "includeWebMetadata=true on a messenger query",
            endpoint: endpoints::MESSENGER_MAILBOX_COUNTS,
            method: Method::GET,
            target: with_param(
                &gql(
                    endpoints::MESSENGER_MAILBOX_COUNTS,
                    json!({"mailboxUrn": me}),
                ),
                "includeWebMetadata",
                Some("true"),
            ),
            body: String::new(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((
                gql(
                    endpoints::MESSENGER_MAILBOX_COUNTS,
                    json!({"mailboxUrn": me}),
                ),
                String::new(),
            )),
        },
        // 3. Ids: a stale or missing decorationId is a 400 (voyager.md §4.2: a stale
        // FullProfileWithEntities-35 answers 400, eilonmore#368; peers.md §c.10: JJ's
        // WebCompanyMainRelated-16 400s, 2026-07-21), and so is a missing queryId; a stale
        // queryId is a 500 (peers-2026.md §4: "a stale id makes the endpoint hard-500",
        // mayai-it/linkedin-cli). Every entry's: server.rs `stale_and_missing_ids_are_refused`.
        Case {
            what: "a stale queryId",
            endpoint: endpoints::FEED_MAIN,
            method: Method::GET,
            target: with_param(
                &feed_main,
                "queryId",
                Some(&stale(endpoints::FEED_MAIN.query_id.unwrap())),
            ),
            body: String::new(),
            csrf: true,
            status: StatusCode::INTERNAL_SERVER_ERROR,
            expect: Expect::Json(json!({"status": 500})),
            twin: Some((feed_main.clone(), String::new())),
        },
        Case {
            what: "a missing decorationId",
            endpoint: endpoints::COMPANY,
            method: Method::GET,
            target: with_param(&company, "decorationId", None),
            body: String::new(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((company.clone(), String::new())),
        },
        // A mutation repeats its queryId in the body (capture seq 124; peers-2026.md §3:
        // "the body must repeat it"); one that does not is refused as a missing id is
        // (inferred).
        Case {
            what: "a mutation whose body does not repeat the queryId",
            endpoint: endpoints::POST_REACT_DASH,
            method: Method::POST,
            target: react.clone(),
            body: mutation(like.clone(), None),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((react.clone(), mutation(like.clone(), react_id))),
        },
        // 4. Dead endpoints: `/feed/comments` answers 500 (peers-2026.md §3, devag7 verified
        // live 2026-06-13/14), whatever is asked.
        Case {
            what: "the comments of a post",
            endpoint: endpoints::POST_COMMENTS,
            method: Method::GET,
            target: url(
                endpoints::POST_COMMENTS,
                &[],
                json!({"count": 10, "start": 0, "updateId": format!("activity:{}", post.activity_id)}),
                None,
            ),
            body: String::new(),
            csrf: true,
            status: StatusCode::INTERNAL_SERVER_ERROR,
            expect: Expect::Json(json!({"status": 500})),
            twin: None,
        },
        // The REST reaction write answers 400 (peers-2026.md §3: REST
        // `/voyagerSocialDashReactions?threadUrn=` 400); its twin is the 2026 mutation.
        Case {
            what: "the REST reaction write",
            endpoint: endpoints::POST_REACT,
            method: Method::POST,
            target: url(
                endpoints::POST_REACT,
                &[],
                json!({"threadUrn": thread}),
                None,
            ),
            body: json!({"reactionType": "LIKE"}).to_string(),
            csrf: true,
            status: StatusCode::BAD_REQUEST,
            expect: bad(),
            twin: Some((react.clone(), mutation(like.clone(), react_id))),
        },
        // 5. Write statuses: a follow answers 201 (voyager.md §1.2 follow_company and
        // "What changed on main" b036847: 200 became 201; #473).
        Case {
            what: "a follow (answered 201, not refused)",
            endpoint: endpoints::FOLLOWING_STATE_SET,
            method: Method::POST,
            target: follow,
            body: r#"{"patch":{"$set":{"following":true}}}"#.to_owned(),
            csrf: true,
            status: StatusCode::CREATED,
            expect: Expect::Any,
            twin: None,
        },
        // 6. The CSRF refusal: 403 with the plain-text body `CSRF check failed.` (peers.md
        // §c.12, beeper/linkedin#80; the capture's seq 0-29 are such 403s).
        Case {
            what: "a request without its csrf-token",
            endpoint: endpoints::ME,
            method: Method::GET,
            target: url(endpoints::ME, &[], json!({}), None),
            body: String::new(),
            csrf: false,
            status: StatusCode::FORBIDDEN,
            expect: Expect::Text("CSRF check failed."),
            twin: None,
        },
    ]
}

/// Sends a case's request (or its twin's target and body) with the demo session.
async fn send(
    client: &mut Client,
    session: &(String, String),
    case: &Case,
    target: &str,
    body: &str,
) -> Resp {
    let mut headers = vec![("cookie", session.0.as_str())];
    if case.csrf {
        headers.push(("csrf-token", session.1.as_str()));
    }
    if let Some(accept) = case.endpoint.accept.header() {
        headers.push(("accept", accept));
    }
    if case.method == Method::POST {
        headers.push(("content-type", "application/json; charset=UTF-8"));
    }
    client
        .call(case.method.clone(), target, &headers, body)
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sandbox_refuses_what_linkedin_refuses() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let demo = sandbox.demo_cookies().clone();
    let session = (
        format!("li_at={}; JSESSIONID={}", demo.li_at, demo.jsessionid),
        demo.jsessionid.trim_matches('"').to_owned(),
    );
    let cases = cases();
    assert_eq!(cases.len(), 12, "one case per refusal");
    // Every case is tried, and every wrong answer reported, so a missing refusal names
    // itself.
    let mut wrong = Vec::new();
    for case in &cases {
        let what = case.what;
        let resp = send(&mut client, &session, case, &case.target, &case.body).await;
        let body_ok = match &case.expect {
            Expect::Any => true,
            Expect::Json(body) => {
                resp.header("content-type") == Some("application/json")
                    && serde_json::from_slice::<Value>(&resp.body).ok().as_ref() == Some(body)
            }
            Expect::Text(text) => {
                resp.header("content-type") == Some("text/plain; charset=utf-8")
                    && resp.body == text.as_bytes()
            }
        };
        if resp.status != case.status || !body_ok {
            wrong.push(format!(
                "{what}: {} {} answered {} {}",
                case.method,
                case.target,
                resp.status,
                excerpt(&resp)
            ));
        }
        if let Some((target, body)) = &case.twin {
            let resp = send(&mut client, &session, case, target, body).await;
            if !resp.status.is_success() {
                wrong.push(format!(
                    "{what}, without what is refused: {} {target} answered {} {}",
                    case.method,
                    resp.status,
                    excerpt(&resp)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    sandbox.shutdown().await;
}

/// The start of an answer's body, for a failure message.
fn excerpt(resp: &Resp) -> String {
    String::from_utf8_lossy(&resp.body)
        .chars()
        .take(120)
        .collect()
}
