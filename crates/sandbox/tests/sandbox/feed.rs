//! The feed and post endpoints over real loopback HTTP, checked against the world the sandbox
//! serves: the chronological feed in both encodings with its paging and promoted updates, a
//! member's and a company's posts, a post's reactions, reacting (the GraphQL mutation), and
//! the 404 of an unknown post. The comments and the REST reaction write answer errors, as on
//! LinkedIn: `strict.rs`.

use crate::common::api::{Api, at_root, has_types, included, start, url, world};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::{Author, Post, World};
use serde_json::{Value, json};

const UNKNOWN_ACTIVITY: &str = "7000000000000000001";

/// The activity id inside an update URN `urn:li:fs_updateV2:(urn:li:activity:<id>,…)`.
fn activity_of(update_urn: &str) -> u64 {
    let inner = update_urn.split("(urn:li:activity:").nth(1).unwrap();
    inner.split(',').next().unwrap().parse().unwrap()
}

fn post(w: &World, activity: u64) -> &Post {
    w.posts.iter().find(|p| p.activity_id == activity).unwrap()
}

fn author_name(w: &World, post: &Post) -> String {
    match post.author {
        Author::Person(i) => format!("{} {}", w.people[i].first_name, w.people[i].last_name),
        Author::Company(i) => w.companies[i].name.clone(),
    }
}

/// The demo account's organic feed: its connections' posts and companies' unpromoted posts,
/// newest first.
fn organic_feed(w: &World) -> Vec<u64> {
    w.posts
        .iter()
        .filter(|p| {
            !p.promoted
                && match p.author {
                    Author::Person(i) => i != 0 && w.connected(0, i),
                    Author::Company(_) => true,
                }
        })
        .map(|p| p.activity_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_pages_newest_first_with_promoted_updates_in_both_encodings() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;

    // Normalized, as 2.3.1 reads it: order from data["*elements"], bodies from included.
    let mut seen: Vec<u64> = Vec::new();
    let mut promoted = 0;
    let mut start = 0;
    let total = loop {
        let target = url(
            endpoints::FEED_CHRON,
            &[],
            json!({"count": 25, "start": start}),
            None,
        );
        let body = api.ok(&target, true).await;
        let data = &body["data"];
        assert_eq!(data["paging"]["start"], start);
        assert_eq!(data["paging"]["count"], 25);
        let urns = data["*elements"].as_array().cloned().unwrap_or_default();
        for urn in &urns {
            let urn = urn.as_str().unwrap();
            assert!(
                urn.starts_with("urn:li:fs_updateV2:(urn:li:activity:")
                    && urn.ends_with(",MAIN_FEED,EMPTY,DEFAULT,false)"),
                "{urn}"
            );
            let id = activity_of(urn);
            let p = post(&w, id);
            let update = included(&body, urn);
            assert_eq!(update["actor"]["name"]["text"], author_name(&w, p));
            assert_eq!(update["commentary"]["text"]["text"], p.text);
            assert_eq!(
                update["updateMetadata"]["urn"],
                format!("urn:li:activity:{id}")
            );
            let old = update["actor"]["subDescription"]["text"].as_str().unwrap();
            assert_eq!(old.contains("Promoted"), p.promoted, "{old}");
            let expected_actor = match p.author {
                Author::Person(i) => format!("urn:li:member:{}", w.people[i].member_id),
                Author::Company(i) => format!("urn:li:company:{}", w.companies[i].id),
            };
            assert_eq!(update["actor"]["urn"], expected_actor);
            if p.promoted {
                promoted += 1;
            } else {
                seen.push(id);
            }
        }
        let total = data["paging"]["total"].as_u64().unwrap() as usize;
        start += 25;
        if start >= total {
            break total;
        }
        assert_eq!(urns.len(), 25);
    };
    assert_eq!(seen, organic_feed(&w), "organic updates, newest first");
    assert!(promoted > 0, "promoted updates are mixed in");
    assert_eq!(total, seen.len() + promoted);

    // The default encoding: the same first page, nested and without types.
    let target = url(
        endpoints::FEED_CHRON,
        &[],
        json!({"count": 10, "start": 0}),
        None,
    );
    let normalized = api.ok(&target, true).await;
    let nested = api.ok(&target, false).await;
    let elements = nested["elements"].as_array().unwrap();
    assert_eq!(elements.len(), 10);
    let nested_urns: Vec<&Value> = elements.iter().map(|e| &e["entityUrn"]).collect();
    let normalized_urns: Vec<&Value> = normalized["data"]["*elements"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(nested_urns, normalized_urns);
    assert_eq!(
        elements[0]["commentary"]["text"]["text"],
        post(&w, organic_feed(&w)[0]).text
    );
    assert!(!has_types(&nested), "{nested}");

    // Over 100 is a 400.
    let target = url(
        endpoints::FEED_CHRON,
        &[],
        json!({"count": 101, "start": 0}),
        None,
    );
    assert_eq!(api.get(&target, true).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_and_a_companys_posts_page_newest_first() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;

    // The demo account's own posts through the GraphQL profile updates.
    let me = &w.people[0];
    let mine: Vec<u64> = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0))
        .map(|p| p.activity_id)
        .collect();
    assert!(mine.len() > 2);
    let profile_urn = format!("urn:li:fsd_profile:{}", me.profile_id);
    let target = url(
        endpoints::PROFILE_POSTS_DASH,
        &[],
        json!({}),
        Some(json!({"count": 2, "start": 1, "profileUrn": profile_urn})),
    );
    let body = api.ok(&target, true).await;
    let root = at_root(&body["data"], endpoints::PROFILE_POSTS_DASH);
    assert_eq!(root["paging"]["total"], mine.len());
    let urns = root["*elements"].as_array().unwrap();
    let ids: Vec<u64> = urns
        .iter()
        .map(|u| activity_of(u.as_str().unwrap()))
        .collect();
    assert_eq!(ids, mine[1..3]);
    let first = included(&body, urns[0].as_str().unwrap());
    assert_eq!(first["commentary"]["text"]["text"], post(&w, mine[1]).text);

    // The same member through the legacy share feed, by public id.
    let target = url(
        endpoints::PROFILE_UPDATES,
        &[],
        json!({"profileId": me.public_id, "count": 100, "start": 0}),
        None,
    );
    let body = api.ok(&target, false).await;
    let ids: Vec<u64> = body["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["updateMetadata"]["urn"]
                .as_str()
                .unwrap()
                .trim_start_matches("urn:li:activity:")
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, mine);
    assert_eq!(
        body["elements"][0]["socialDetail"]["urn"],
        format!("urn:li:activity:{}", mine[0])
    );

    // A company's posts by universal name.
    let (ci, company) = w
        .companies
        .iter()
        .enumerate()
        .find(|(i, _)| {
            w.posts
                .iter()
                .any(|p| p.author == Author::Company(*i) && !p.promoted)
        })
        .unwrap();
    let theirs: Vec<u64> = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Company(ci) && !p.promoted)
        .map(|p| p.activity_id)
        .collect();
    let target = url(
        endpoints::COMPANY_UPDATES,
        &[],
        json!({"companyUniversalName": company.universal_name, "count": 100, "start": 0}),
        None,
    );
    let body = api.ok(&target, false).await;
    let elements = body["elements"].as_array().unwrap();
    assert_eq!(elements.len(), theirs.len());
    assert_eq!(body["paging"]["total"], theirs.len());
    for (e, id) in elements.iter().zip(&theirs) {
        assert_eq!(e["updateMetadata"]["urn"], format!("urn:li:activity:{id}"));
        assert_eq!(e["actor"]["name"]["text"], company.name);
    }

    let target = url(
        endpoints::COMPANY_UPDATES,
        &[],
        json!({"companyUniversalName": "no-such-company", "count": 100, "start": 0}),
        None,
    );
    let resp = api.get(&target, false).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reaction_shows_in_the_reactions_and_can_change() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let me = format!("urn:li:fsd_profile:{}", w.people[0].profile_id);

    let p = w
        .posts
        .iter()
        .find(|p| p.reactions.len() >= 3 && p.reactions.iter().all(|r| r.person != 0))
        .unwrap();
    let thread = format!("urn:li:activity:{}", p.activity_id);
    let reactions = url(
        endpoints::POST_REACTIONS,
        &[],
        json!({"count": 100, "start": 0, "threadUrn": thread}),
        None,
    );
    let before = api.ok(&reactions, false).await;
    assert_eq!(before["paging"]["total"], p.reactions.len());
    let kinds: Vec<&Value> = before["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["reactionType"])
        .collect();
    let expected: Vec<Value> = p.reactions.iter().map(|r| json!(r.kind)).collect();
    assert_eq!(kinds, expected.iter().collect::<Vec<_>>());
    assert!(
        before["elements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actorUrn"] != me)
    );

    let react = url(endpoints::POST_REACT_DASH, &[], json!({}), None);
    let resp = api
        .send(Method::POST, &react, false, &reaction(&thread, "PRAISE"))
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(resp.json(), json!({"data": {}}));

    let after = api.ok(&reactions, false).await;
    assert_eq!(after["paging"]["total"], p.reactions.len() + 1);
    let mine: Vec<&Value> = after["elements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actorUrn"] == me)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["reactionType"], "PRAISE");

    // Changing it keeps one reaction; the GraphQL reactions show it too.
    let resp = api
        .send(Method::POST, &react, false, &reaction(&thread, "LIKE"))
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let dash = url(
        endpoints::POST_REACTIONS_DASH,
        &[],
        json!({}),
        Some(json!({"count": 50, "start": 0, "threadUrn": thread})),
    );
    let body = api.ok(&dash, true).await;
    let root = at_root(&body["data"], endpoints::POST_REACTIONS_DASH);
    assert_eq!(root["paging"]["total"], p.reactions.len() + 1);
    let mine: Vec<&Value> = root["*elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| included(&body, u.as_str().unwrap()))
        .filter(|e| e["actorUrn"] == me)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["reactionType"], "LIKE");

    let resp = api
        .send(Method::POST, &react, false, &reaction(&thread, "SHRUG"))
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    // One type only: the reactions of that type, counted alone; an unknown type is a 400,
    // as is a page over the entry's 50.
    let of = |vars: Value| url(endpoints::POST_REACTIONS_DASH, &[], json!({}), Some(vars));
    let likes = api
        .ok(
            &of(json!({"count": 50, "start": 0, "threadUrn": thread, "reactionType": "LIKE"})),
            true,
        )
        .await;
    let root = at_root(&likes["data"], endpoints::POST_REACTIONS_DASH);
    let want = 1 + p.reactions.iter().filter(|r| r.kind == "LIKE").count();
    assert_eq!(root["paging"]["total"], want);
    let kinds: Vec<Value> = root["*elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| included(&likes, u.as_str().unwrap())["reactionType"].clone())
        .collect();
    assert!(
        kinds.len() == want && kinds.iter().all(|k| k == "LIKE"),
        "{kinds:?}"
    );
    for bad in [
        json!({"count": 50, "start": 0, "threadUrn": thread, "reactionType": "SHRUG"}),
        json!({"count": 51, "start": 0, "threadUrn": thread}),
    ] {
        let resp = api.send(Method::GET, &of(bad), true, "").await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{}", resp.text());
    }

    // Taken back with the delete mutation: the type must be the caller's reaction's, else
    // a GraphQL error in a 200, and the reaction stays.
    let unreact = url(endpoints::POST_UNREACT_DASH, &[], json!({}), None);
    let delete = |kind: &str| {
        json!({
            "queryId": endpoints::POST_UNREACT_DASH.query_id.unwrap(),
            "queryName": "DoDeleteReactionSocialDashReactions",
            "variables": {"threadUrn": thread, "reactionType": kind},
        })
        .to_string()
    };
    let resp = api
        .send(Method::POST, &unreact, false, &delete("PRAISE"))
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(
        resp.json()["errors"][0]["message"],
        "Reaction cannot be found."
    );
    let resp = api
        .send(Method::POST, &unreact, false, &delete("LIKE"))
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert!(resp.json().get("errors").is_none(), "{}", resp.text());
    assert_eq!(
        resp.json()["value"]["data"]["doDeleteReactionSocialDashReactions"]["result"]["__typename"],
        "restli_common_EmptyRecord"
    );
    let after = api.ok(&reactions, false).await;
    assert_eq!(after["paging"]["total"], p.reactions.len());
    assert!(
        after["elements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actorUrn"] != me)
    );
}

/// The body of the reaction mutation (`post_react_dash`, peers-2026.md §3) for `thread`.
fn reaction(thread: &str, kind: &str) -> String {
    json!({
        "variables": {"entity": {"reactionType": kind}, "threadUrn": thread},
        "queryId": endpoints::POST_REACT_DASH.query_id,
        "includeWebMetadata": true,
    })
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_post_is_a_404() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let thread = format!("urn:li:activity:{UNKNOWN_ACTIVITY}");

    let targets = [
        url(
            endpoints::POST_REACTIONS,
            &[],
            json!({"count": 10, "start": 0, "threadUrn": thread}),
            None,
        ),
        url(
            endpoints::POST_REACTIONS_DASH,
            &[],
            json!({}),
            Some(json!({"count": 10, "start": 0, "threadUrn": thread})),
        ),
    ];
    for target in &targets {
        let resp = api.get(target, false).await;
        assert_eq!(resp.status, StatusCode::NOT_FOUND, "{target}");
        assert_eq!(resp.json(), json!({"status": 404}));
    }
    let react = url(endpoints::POST_REACT_DASH, &[], json!({}), None);
    let resp = api
        .send(Method::POST, &react, false, &reaction(&thread, "LIKE"))
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.json(), json!({"status": 404}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_members_posts_hand_out_a_pagination_token_that_later_pages_send_back() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mine: Vec<u64> = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0) && !p.promoted)
        .map(|p| p.activity_id)
        .collect();
    assert!(mine.len() > 3);
    let profile_urn = format!("urn:li:fsd_profile:{}", w.people[0].profile_id);
    let page = |start: usize, token: Option<&str>| {
        let mut vars = json!({"count": 2, "start": start, "profileUrn": profile_urn});
        if let Some(token) = token {
            vars["paginationToken"] = json!(token);
        }
        url(endpoints::PROFILE_POSTS_DASH, &[], json!({}), Some(vars))
    };
    let root = |body: &Value| at_root(&body["data"], endpoints::PROFILE_POSTS_DASH).clone();

    // The first page gives a token; the next page sends it back with its offset.
    let first = api.ok(&page(0, None), true).await;
    let token = root(&first)["metadata"]["paginationToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = api.ok(&page(2, Some(&token)), true).await;
    let urns = root(&second)["*elements"].as_array().unwrap().clone();
    let ids: Vec<u64> = urns
        .iter()
        .map(|u| activity_of(u.as_str().unwrap()))
        .collect();
    assert_eq!(ids, mine[2..4]);
    let next = root(&second)["metadata"]["paginationToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(next, token);

    // A token that belongs to another page is refused; past the end there is none.
    assert_eq!(
        api.get(&page(4, Some(&token)), true).await.status,
        StatusCode::BAD_REQUEST
    );
    let past = api.ok(&page(mine.len(), None), true).await;
    assert!(root(&past).get("metadata").is_none());
    assert_eq!(root(&past)["paging"]["total"], mine.len());
}
