//! Creating a post over real loopback HTTP: the answer's share, the post in the world (first
//! of the author's posts, on top of their feed, hidden from strangers when for connections),
//! its counts in one update's detail, and what LinkedIn refuses (a 400, or a GraphQL error in
//! a 200 for a share it will not take).

use crate::common::api::{Api, at_root, included, root_ref, start, url, world};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use serde_json::{Value, json};

fn body(text: &str, visibility: &str, attributes: Value) -> String {
    json!({
        "variables": {"post": {
            "allowedCommentersScope": "ALL",
            "intendedShareLifeCycleState": "PUBLISHED",
            "origin": "FEED",
            "visibilityDataUnion": {"visibilityType": visibility},
            "commentary": {"text": text, "attributesV2": attributes},
        }},
        "queryId": endpoints::POST_CREATE.query_id.unwrap(),
        "includeWebMetadata": true,
    })
    .to_string()
}

fn create_url() -> String {
    url(endpoints::POST_CREATE, &[], json!({}), None)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_is_created_with_its_share_and_shows_its_counts() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let resp = api
        .send(
            Method::POST,
            &create_url(),
            true,
            &body("Hello #rust", "ANYONE", json!([])),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let answer = resp.json();
    let created = at_root(&answer["data"], endpoints::POST_CREATE);
    let share = created["resourceKey"].as_str().unwrap();
    assert!(
        share.starts_with("urn:li:fsd_share:urn:li:share:"),
        "{share}"
    );
    assert_eq!(created["*entity"], share);
    let entity = included(&answer, share);
    let backend = entity["status"]["lifecycleState"]["PublishedState"]["metadata"]["backendUrn"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(backend.starts_with("urn:li:activity:"));

    // One update's detail: the post, with zero counts.
    let detail = url(
        endpoints::FEED_UPDATE,
        &[],
        json!({}),
        Some(json!({"updateUrn": backend})),
    );
    let answer = api.ok(&detail, true).await;
    let update = included(
        &answer,
        root_ref(&answer, endpoints::FEED_UPDATE).as_str().unwrap(),
    );
    assert_eq!(update["commentary"]["text"]["text"], "Hello #rust");
    let social = included(&answer, update["*socialDetail"].as_str().unwrap());
    let counts = included(
        &answer,
        social["*totalSocialActivityCounts"].as_str().unwrap(),
    );
    assert_eq!(counts["numLikes"], 0);
    assert_eq!(counts["numComments"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_linkedin_refuses_of_a_share() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let target = create_url();
    // A share LinkedIn will not take: 200 with a GraphQL error and a null result.
    let friend = &w.people[5];
    for text in [String::new(), "  ".to_owned(), "x".repeat(3_001)] {
        let resp = api
            .send(
                Method::POST,
                &target,
                true,
                &body(&text, "ANYONE", json!([])),
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK);
        let answer = resp.json();
        assert_eq!(answer["data"]["errors"][0]["message"], "Invalid share");
        assert!(at_root(&answer["data"], endpoints::POST_CREATE).is_null());
    }
    let nobody = json!([{"start": 0, "length": 2, "detailDataUnion": {"profileMention": "urn:li:fsd_profile:ACoAAnobody000000"}}]);
    let resp = api
        .send(
            Method::POST,
            &target,
            true,
            &body("Hi there", "ANYONE", nobody),
        )
        .await;
    assert_eq!(resp.json()["data"]["errors"][0]["message"], "Invalid share");
    // A visibility that is not one: a validation error in a 200 (CONNECTIONS is
    // CONNECTIONS_ONLY's name in no schema, fs:58093815824).
    for visibility in ["PUBLIC", "CONNECTIONS"] {
        let resp = api
            .send(
                Method::POST,
                &target,
                true,
                &body("Hi", visibility, json!([])),
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK);
        let answer = resp.json();
        assert_eq!(
            answer["data"]["errors"][0]["extensions"]["classification"], "ValidationError",
            "{visibility}"
        );
    }
    // Malformed: a mention past the text, no attributes list.
    let past = json!([{"start": 6, "length": 9, "detailDataUnion": {"profileMention": format!("urn:li:fsd_profile:{}", friend.profile_id)}}]);
    for bad in [
        body("Hi", "ANYONE", json!([{"start": 0}])),
        body("Hi", "ANYONE", json!("none")),
    ] {
        let resp = api.send(Method::POST, &target, true, &bad).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let resp = api
        .send(
            Method::POST,
            &target,
            true,
            &body("Hi there", "ANYONE", past),
        )
        .await;
    assert_eq!(resp.json()["data"]["errors"][0]["message"], "Invalid share");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_ones_own_post_is_deleted() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let answer = api
        .send(
            Method::POST,
            &create_url(),
            true,
            &body("Soon gone", "ANYONE", json!([])),
        )
        .await
        .json();
    let share = at_root(&answer["data"], endpoints::POST_CREATE)["resourceKey"]
        .as_str()
        .unwrap()
        .trim_start_matches("urn:li:fsd_share:")
        .to_owned();
    let delete = |urn: &str| {
        url(
            endpoints::POST_DELETE,
            &[("shareUrn", urn)],
            json!({}),
            None,
        )
    };
    assert!(delete(&share).ends_with(&format!("/contentcreation/normShares/{share}")));
    let resp = api.send(Method::DELETE, &delete(&share), true, "").await;
    assert_eq!(resp.status, StatusCode::NO_CONTENT);
    let resp = api.send(Method::DELETE, &delete(&share), true, "").await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    let theirs = w
        .posts
        .iter()
        .find(|p| p.author != linkedin_sandbox::world::Author::Person(0))
        .unwrap();
    let resp = api
        .send(
            Method::DELETE,
            &delete(&format!("urn:li:share:{}", theirs.share_id)),
            true,
            "",
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    let resp = api
        .send(Method::DELETE, &delete("urn:li:activity:1"), true, "")
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
}
