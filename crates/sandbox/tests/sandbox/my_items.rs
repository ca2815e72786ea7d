//! My Items over real loopback HTTP: what the intent-switched query refuses (another intent,
//! filter or page size), and what a save state write refuses (another key or body, a job the
//! world does not have).

use crate::common::api::{Api, start, url};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use serde_json::json;

fn items(intent: &str, key: &str, value: &str, count: Option<u32>) -> String {
    let mut variables = json!({
        "start": 0,
        "query": {
            "flagshipSearchIntent": intent,
            "queryParameters": [{"key": key, "value": [value]}],
        },
    });
    if let Some(count) = count {
        variables["count"] = json!(count);
    }
    url(endpoints::MY_ITEMS, &[], json!({}), Some(variables))
}

fn save(urn: &str) -> String {
    url(
        endpoints::SAVE_STATE_SET,
        &[("saveStateUrn", urn)],
        json!({}),
        None,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lists_and_the_save_states_refuse_what_they_do_not_take() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let ok = api
        .get(
            &items("SEARCH_MY_ITEMS_JOB_SEEKER", "cardType", "SAVED", None),
            true,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    // Another search's intent, on either query: the 401 of a query that does not take it.
    let resp = api
        .get(&items("SEARCH_SRP", "cardType", "SAVED", None), true)
        .await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    let search = url(
        endpoints::SEARCH_CLUSTERS,
        &[],
        json!({}),
        Some(json!({
            "start": 0,
            "origin": "GLOBAL_SEARCH_HEADER",
            "query": {
                "flagshipSearchIntent": "SEARCH_MY_ITEMS_JOB_SEEKER",
                "queryParameters": [{"key": "cardType", "value": ["SAVED"]}],
                "includeFiltersInResponse": false,
            },
        })),
    );
    let resp = api.get(&search, true).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    for bad in [
        items("SEARCH_MY_ITEMS_LEARNING", "cardType", "SAVED", None),
        items("SEARCH_MY_ITEMS_JOB_SEEKER", "savedPostType", "ALL", None),
        items("SEARCH_MY_ITEMS_SAVED_POSTS", "savedPostType", "SOME", None),
        items("SEARCH_MY_ITEMS_JOB_SEEKER", "cardType", "SAVED", Some(50)),
    ] {
        let resp = api.get(&bad, true).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }

    let w = crate::common::api::world();
    let job = w.jobs[0].id;
    let body = json!({"patch": {"$set": {"saved": true}}}).to_string();
    let key = format!("urn:li:fsd_saveState:(SAVE,urn:li:fsd_jobPosting:{job})");
    let resp = api.send(Method::POST, &save(&key), false, &body).await;
    assert_eq!(resp.status, StatusCode::NO_CONTENT, "{}", resp.text());
    for (key, body, status) in [
        (
            "urn:li:fsd_saveState:(SAVE,urn:li:fsd_jobPosting:1)".to_owned(),
            body.clone(),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("urn:li:fsd_saveState:(SAVE,urn:li:fsd_company:{job})"),
            body.clone(),
            StatusCode::BAD_REQUEST,
        ),
        (
            key.clone(),
            json!({"saved": true}).to_string(),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let resp = api.send(Method::POST, &save(&key), false, &body).await;
        assert_eq!(resp.status, status, "{key} {body}");
    }
}
