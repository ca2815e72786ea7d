//! A post's comments through the 2026 query and the NormComment write over real loopback
//! HTTP: the page (oldest first, `paginationToken` while more follow), a comment and a reply
//! written, and what is refused.

use crate::common::api::{Api, at_root, included, start, url, with_param, world};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use serde_json::json;

fn detail(activity: u64) -> String {
    let post = format!("urn:li:activity:{activity}");
    format!("urn:li:fsd_socialDetail:({post},{post},urn:li:highlightedReply:-)")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn comments_page_and_a_comment_and_a_reply_are_written() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let post = w
        .posts
        .iter()
        .filter(|p| !p.promoted)
        .max_by_key(|p| p.comments.len())
        .unwrap();
    assert!(post.comments.len() > 2);
    let page = |start: usize, token: Option<&str>| {
        let mut vars =
            json!({"count": 2, "socialDetailUrn": detail(post.activity_id), "start": start});
        if let Some(t) = token {
            vars["paginationToken"] = json!(t);
        }
        url(endpoints::POST_COMMENTS_DASH, &[], json!({}), Some(vars))
    };
    let body = api.ok(&page(0, None), true).await;
    let root = at_root(&body["data"], endpoints::POST_COMMENTS_DASH);
    assert_eq!(root["paging"]["total"], post.comments.len());
    let first = included(&body, root["*elements"][0].as_str().unwrap());
    assert_eq!(first["commentary"]["text"], post.comments[0].text.as_str());
    assert_eq!(first["$type"], "com.linkedin.voyager.dash.social.Comment");
    let token = root["metadata"]["paginationToken"]
        .as_str()
        .unwrap()
        .to_owned();
    api.ok(&page(2, Some(&token)), true).await;
    let resp = api.get(&page(2, Some("stale")), true).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    for bad in [
        with_param(&page(0, None), "variables", Some("(count:2,start:0)")),
        url(
            endpoints::POST_COMMENTS_DASH,
            &[],
            json!({}),
            Some(json!({"count": 2, "socialDetailUrn": "urn:li:activity:1", "start": 0})),
        ),
    ] {
        let resp = api.get(&bad, true).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }

    // A comment, then a reply to it: the post's comments gain the comment only.
    let create = url(endpoints::COMMENT_CREATE, &[], json!({}), None);
    let write = |thread: &str, text: &str| {
        json!({
            "commentary": {"text": text, "attributesV2": [], "$type": "com.linkedin.voyager.dash.common.text.TextViewModel"},
            "threadUrn": thread,
        })
        .to_string()
    };
    let thread = format!("urn:li:activity:{}", post.activity_id);
    let resp = api
        .send(Method::POST, &create, true, &write(&thread, "Nice"))
        .await;
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text());
    let made = resp.json();
    let comment = made["data"]["urn"].as_str().unwrap().to_owned();
    let resp = api
        .send(Method::POST, &create, true, &write(&comment, "Thanks"))
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    let body = api.ok(&page(0, None), true).await;
    let root = at_root(&body["data"], endpoints::POST_COMMENTS_DASH);
    assert_eq!(root["paging"]["total"], post.comments.len() + 1);
    for (bad, status) in [
        (write(&thread, ""), StatusCode::BAD_REQUEST),
        (write(&thread, &"x".repeat(1_251)), StatusCode::BAD_REQUEST),
        (
            write("urn:li:fsd_profile:ACoAA1", "Hi"),
            StatusCode::BAD_REQUEST,
        ),
        (write("urn:li:activity:1", "Hi"), StatusCode::NOT_FOUND),
        (
            write(
                &format!("urn:li:comment:(activity:{},1)", post.activity_id),
                "Hi",
            ),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let resp = api.send(Method::POST, &create, true, &bad).await;
        assert_eq!(resp.status, status, "{bad}");
    }
}
