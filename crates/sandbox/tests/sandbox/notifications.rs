//! The notifications page over real loopback HTTP: the cards in LinkedIn's normalized shape
//! (the keys public clients read, no other), paged by `start`, newest first, their read
//! state, and what is refused.

use crate::common::api::{Api, included, stale, start, url, with_param, world};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::Author;
use serde_json::json;

/// The keys a card carries, sorted: those other clients read from LinkedIn's answer.
const CARD_KEYS: [&str; 8] = [
    "$type",
    "cardAction",
    "entityUrn",
    "headerImage",
    "headline",
    "objectUrn",
    "publishedAt",
    "read",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cards_page_newest_first_in_the_shape_clients_read() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mine = w.posts.iter().filter(|p| p.author == Author::Person(0));
    let on_posts: usize = mine
        .map(|p| {
            p.comments.iter().filter(|c| c.author != 0).count()
                + p.reactions.iter().filter(|r| r.person != 0).count()
        })
        .sum();
    let total = w.profile_views.iter().filter(|v| v.viewed == 0).count() + on_posts;

    let first = url(
        endpoints::NOTIFICATIONS,
        &[],
        json!({"count": 20, "start": 0}),
        None,
    );
    let decoration = format!(
        "decorationId={}",
        endpoints::NOTIFICATIONS.decoration_id.unwrap()
    );
    for part in ["q=notifications", &decoration, "count=20", "start=0"] {
        assert!(first.contains(part), "{first}");
    }
    let body = api.ok(&first, true).await;
    assert_eq!(body["data"]["paging"]["total"], total);
    let urns = body["data"]["*elements"].as_array().unwrap();
    assert_eq!(urns.len(), 20);
    let mut last = u64::MAX;
    for urn in urns {
        let card = included(&body, urn.as_str().unwrap());
        let mut keys: Vec<&str> = card
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.retain(|k| *k != "contentPrimaryText");
        assert_eq!(keys, CARD_KEYS, "{card}");
        let at = card["publishedAt"].as_u64().unwrap();
        assert!(at <= last, "newest first");
        last = at;
        assert_eq!(card["read"], false);
        let profile = card["headerImage"]["attributes"][0]["detailDataUnion"]["*profilePicture"]
            .as_str()
            .unwrap();
        assert!(profile.starts_with("urn:li:fsd_profile:"));
        assert_eq!(
            included(&body, profile)["$type"],
            "com.linkedin.voyager.dash.identity.profile.Profile"
        );
    }

    // The last page by `start`.
    let tail = url(
        endpoints::NOTIFICATIONS,
        &[],
        json!({"count": 20, "start": total - 3}),
        None,
    );
    let body = api.ok(&tail, false).await;
    assert_eq!(body["elements"].as_array().unwrap().len(), 3);

    // Another projection, no start, no count, a zero count.
    let decoration = endpoints::NOTIFICATIONS.decoration_id.unwrap();
    for bad in [
        with_param(&first, "decorationId", Some(&stale(decoration))),
        with_param(&first, "start", None),
        with_param(&first, "count", None),
        with_param(&first, "count", Some("0")),
    ] {
        let resp = api.get(&bad, true).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_card_marked_read_stays_read() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let list = url(
        endpoints::NOTIFICATIONS,
        &[],
        json!({"count": 5, "start": 0}),
        None,
    );
    let body = api.ok(&list, false).await;
    let urn = body["elements"][2]["entityUrn"]
        .as_str()
        .unwrap()
        .to_owned();
    let mark = url(endpoints::NOTIFICATION_MARK_READ, &[], json!({}), None);
    assert!(mark.ends_with("?action=markItemAsRead"), "{mark}");

    let resp = api
        .send(Method::POST, &mark, true, &json!({"item": urn}).to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK);
    let body = api.ok(&list, false).await;
    let read: Vec<bool> = body["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["read"].as_bool().unwrap())
        .collect();
    assert_eq!(read, [false, false, true, false, false]);

    for (bad, status) in [
        (json!({}), StatusCode::BAD_REQUEST),
        (json!({"item": 7}), StatusCode::BAD_REQUEST),
        (
            json!({"item": "urn:li:fsd_notificationCard:(PROFILE_VIEW,urn:li:none)"}),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let resp = api.send(Method::POST, &mark, true, &bad.to_string()).await;
        assert_eq!(resp.status, status, "{bad}");
    }
}
