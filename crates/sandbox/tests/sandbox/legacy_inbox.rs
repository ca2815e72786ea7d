//! The legacy messaging REST over real loopback HTTP: the inbox and a conversation's events
//! with their union keys and `createdBefore` anchor, the finder by participants, and the
//! retired sends.

use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use serde_json::json;

use crate::common::api::{Api, start, url, world};
use crate::messaging::Session;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn legacy_inbox_and_events_use_union_keys_and_created_before() {
    let mut s = Session::start().await;
    let mut all = s.world.conversations.clone();
    all.sort_by_key(|c| std::cmp::Reverse(c.messages.last().unwrap().delivered_at));

    let resp = s
        .rest(endpoints::CONVERSATIONS_LEGACY, None, &[], None)
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = resp.json();
    let elements = body["elements"].as_array().unwrap();
    assert_eq!(elements.len(), 20);
    assert_eq!(
        body["metadata"]["unreadCount"],
        all.iter().filter(|c| !c.read).count()
    );
    for (got, want) in elements.iter().zip(&all) {
        assert_eq!(
            got["entityUrn"],
            format!("urn:li:fs_conversation:{}", want.thread_id)
        );
        let member = &got["participants"][0]["com.linkedin.voyager.messaging.MessagingMember"];
        let person = &s.world.people[want.participants[0]];
        assert_eq!(
            member["miniProfile"]["firstName"],
            person.first_name.as_str()
        );
        let text = &got["events"][0]["eventContent"]["com.linkedin.voyager.messaging.event.MessageEvent"]
            ["attributedBody"]["text"];
        assert_eq!(text, want.messages.last().unwrap().text.as_str());
    }
    // The next page starts below the last one's activity.
    let last = elements[19]["lastActivityAt"].as_u64().unwrap();
    let resp = s
        .rest(
            endpoints::CONVERSATIONS_LEGACY,
            None,
            &[("createdBefore", last.into())],
            None,
        )
        .await;
    let next = resp.json();
    assert_eq!(
        next["elements"][0]["entityUrn"],
        format!("urn:li:fs_conversation:{}", all[20].thread_id)
    );

    // Events of the longest conversation: the latest 20, oldest first, then the 20 before.
    let c = all.iter().max_by_key(|c| c.messages.len()).unwrap();
    let endpoint = endpoints::CONVERSATION_EVENTS_LEGACY;
    let segment = restli::encode_str(&c.thread_id, restli::Encoding::PATH);
    let path = endpoint.full_path().replace("{conversationId}", &segment);
    let resp = s
        .rest(
            endpoints::CONVERSATION_EVENTS_LEGACY,
            Some(path.clone()),
            &[],
            None,
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let events = resp.json()["elements"].as_array().unwrap().clone();
    assert_eq!(events.len(), 20);
    let n = c.messages.len();
    for (e, m) in events.iter().zip(&c.messages[n - 20..]) {
        assert_eq!(
            e["eventContent"]["com.linkedin.voyager.messaging.event.MessageEvent"]["attributedBody"]
                ["text"],
            m.text.as_str()
        );
        assert_eq!(e["createdAt"], m.delivered_at);
        let sender = &s.world.people[m.sender];
        assert_eq!(
            e["from"]["com.linkedin.voyager.messaging.MessagingMember"]["miniProfile"]["publicIdentifier"],
            sender.public_id.as_str()
        );
    }
    let oldest = events[0]["createdAt"].as_u64().unwrap();
    let resp = s
        .rest(
            endpoints::CONVERSATION_EVENTS_LEGACY,
            Some(path),
            &[("createdBefore", oldest.into())],
            None,
        )
        .await;
    let earlier = resp.json()["elements"].as_array().unwrap().clone();
    assert_eq!(earlier.len(), 20);
    assert_eq!(earlier[19]["createdAt"], c.messages[n - 21].delivered_at);

    let missing = endpoint.full_path().replace(
        "{conversationId}",
        &restli::encode_str("2-bm9uZQ==", restli::Encoding::PATH),
    );
    let resp = s
        .rest(
            endpoints::CONVERSATION_EVENTS_LEGACY,
            Some(missing),
            &[],
            None,
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);

    s.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_legacy_finder_by_participants_finds_nothing_and_the_legacy_sends_fail() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let partner = &w.people[w.conversations[0].participants[0]].profile_id;
    let target = url(
        endpoints::CONVERSATION_BY_PARTICIPANTS_LEGACY,
        &[],
        json!({"recipients": [partner]}),
        None,
    );
    let body = api.ok(&target, false).await;
    assert_eq!(body["elements"], json!([]));
    for bad in [
        "/voyager/api/messaging/conversations?keyVersion=LEGACY_INBOX&q=participants",
        "/voyager/api/messaging/conversations?keyVersion=LEGACY_INBOX&q=participants&recipients=List()",
        "/voyager/api/messaging/conversations?keyVersion=LEGACY_INBOX&q=participants&recipients=ACoAA",
    ] {
        let resp = api.get(bad, false).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }

    let event = json!({"eventCreate": {"originToken": "x", "value": {"com.linkedin.voyager.messaging.create.MessageCreate": {"attributedBody": {"text": "hi", "attributes": []}, "attachments": []}}, "trackingId": "y"}, "dedupeByClientGeneratedToken": false});
    let thread = &w.conversations[0].thread_id;
    for target in [
        format!("/voyager/api/messaging/conversations/{thread}/events?action=create"),
        "/voyager/api/messaging/conversations?action=create".to_owned(),
    ] {
        let resp = api
            .send(Method::POST, &target, false, &event.to_string())
            .await;
        assert_eq!(resp.status, StatusCode::INTERNAL_SERVER_ERROR, "{target}");
        assert_eq!(resp.json(), json!({"status": 500}));
    }
}
