//! The inbox of the messaging web app over real loopback HTTP: the first sync (LinkedIn's 20
//! most recent conversations, seq 51's projection), its deltas after writes, and the backfill
//! of older conversations, checked against the world the sandbox serves.

use crate::common::api::{Api, at_root, start, world};
use crate::common::mailbox::{
    OTHER_MAILBOX, gql, last_activity, mark_read, me_urn, send_message, thread_of,
};
use http::StatusCode;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::Conversation;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_sync_holds_the_inbox_and_deltas_hold_what_changed() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let sync = gql(
        endpoints::MESSENGER_CONVERSATIONS_SYNC,
        json!({"mailboxUrn": me_urn(&w)}),
    );

    let body = api.ok(&sync, false).await;
    let root = at_root(&body, endpoints::MESSENGER_CONVERSATIONS_SYNC);
    assert_eq!(
        root["_type"],
        "com.linkedin.restli.common.CollectionResponse"
    );
    // LinkedIn's page: the 20 most recently active conversations (seq 51), newest first.
    let elements = root["elements"].as_array().unwrap();
    assert!(w.conversations.len() > 20);
    assert_eq!(elements.len(), 20);
    let mut by_activity: Vec<&Conversation> = w.conversations.iter().collect();
    by_activity.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    for (got, want) in elements.iter().zip(&by_activity) {
        assert_eq!(thread_of(got), want.thread_id);
        assert_eq!(got["read"], want.read);
        // Every participant carries their names.
        let names: Vec<&str> = got["conversationParticipants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                p["participantType"]["member"]["firstName"]["text"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        let mut want_names: Vec<&str> = std::iter::once(0)
            .chain(want.participants.iter().copied())
            .map(|p| w.people[p].first_name.as_str())
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        want_names.sort_unstable();
        assert_eq!(sorted, want_names);
        // The last message: `sender` with the ids only, `actor` with the name.
        let messages = got["messages"]["elements"].as_array().unwrap();
        assert_eq!(messages.len(), 1);
        let last = want.messages.last().unwrap();
        let sender = &w.people[last.sender];
        let urn = format!("urn:li:fsd_profile:{}", sender.profile_id);
        let mut keys: Vec<&str> = messages[0]["sender"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "_recipeType",
                "_type",
                "entityUrn",
                "hostIdentityUrn",
                "memberBadgeType",
                "showPremiumInBug",
                "showVerificationBadge"
            ]
        );
        assert_eq!(messages[0]["sender"]["hostIdentityUrn"], urn.as_str());
        let actor = &messages[0]["actor"];
        assert_eq!(actor["hostIdentityUrn"], urn.as_str());
        assert_eq!(
            actor["participantType"]["member"]["lastName"]["text"],
            sender.last_name.as_str()
        );
    }
    let metadata = root["metadata"].as_object().unwrap();
    assert_eq!(metadata["_type"], "com.linkedin.messenger.SyncMetadata");
    let mut keys: Vec<&str> = metadata.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["_recipeType", "_type", "newSyncToken"]);
    let token = metadata["newSyncToken"].as_str().unwrap().to_owned();

    let delta = |token: &str| {
        gql(
            endpoints::MESSENGER_CONVERSATIONS_DELTA,
            json!({"mailboxUrn": me_urn(&w), "syncToken": token}),
        )
    };
    // Nothing changed yet.
    let body = api.ok(&delta(&token), false).await;
    let root = at_root(&body, endpoints::MESSENGER_CONVERSATIONS_DELTA);
    assert_eq!(root["elements"], json!([]));
    assert_eq!(root["metadata"]["deletedUrns"], json!([]));
    assert_eq!(root["metadata"]["shouldClearCache"], false);
    assert_eq!(root["metadata"]["newSyncToken"], token.as_str());

    // A message in one conversation, a read change in another: both in the next delta.
    let sent = &by_activity[5].thread_id;
    let unread = w.conversations.iter().find(|c| !c.read).unwrap();
    send_message(&mut api, &w, sent, "Following up on this").await;
    mark_read(&mut api, &w, &unread.thread_id, true).await;
    let body = api.ok(&delta(&token), false).await;
    let root = at_root(&body, endpoints::MESSENGER_CONVERSATIONS_DELTA);
    let mut changed: Vec<String> = root["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(thread_of)
        .collect();
    changed.sort();
    let mut want = vec![sent.clone(), unread.thread_id.clone()];
    want.sort();
    assert_eq!(changed, want);
    // The sent message is the conversation's last one now, and the read change shows.
    for c in root["elements"].as_array().unwrap() {
        if thread_of(c) == *sent {
            assert_eq!(
                c["messages"]["elements"][0]["body"]["text"],
                "Following up on this"
            );
        } else {
            assert_eq!(c["read"], true);
        }
    }
    let newer = root["metadata"]["newSyncToken"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(newer, token);
    let body = api.ok(&delta(&newer), false).await;
    assert_eq!(
        at_root(&body, endpoints::MESSENGER_CONVERSATIONS_DELTA)["elements"],
        json!([])
    );

    // Refusals: no mailbox, another mailbox, a token that is not this mailbox's.
    for (target, status) in [
        (
            gql(endpoints::MESSENGER_CONVERSATIONS_SYNC, json!({})),
            StatusCode::BAD_REQUEST,
        ),
        (
            gql(
                endpoints::MESSENGER_CONVERSATIONS_SYNC,
                json!({"mailboxUrn": OTHER_MAILBOX}),
            ),
            StatusCode::FORBIDDEN,
        ),
        (delta("bm90IGEgdG9rZW4="), StatusCode::BAD_REQUEST),
        (
            delta("QUNvQUFDOWZXbTJCdFI1eExlOHVLYzNwWWE3dkhkMHFOaUdzVHpFJjA="),
            StatusCode::BAD_REQUEST,
        ),
        (
            gql(
                endpoints::MESSENGER_CONVERSATIONS_DELTA,
                json!({"mailboxUrn": me_urn(&w)}),
            ),
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let resp = api.get(&target, false).await;
        assert_eq!(resp.status, status, "{target}: {}", resp.text());
    }
}

/// The backfill after the first sync: by `lastUpdatedBefore` (the oldest activity seen), the
/// primary inbox's older conversations, newest first, `count` at a time, in the first sync's
/// projection, until `metadata.nextCursor` is `null`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backfill_pages_the_primary_inbox_before_the_first_sync() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let sync = gql(
        endpoints::MESSENGER_CONVERSATIONS_SYNC,
        json!({"mailboxUrn": me_urn(&w)}),
    );
    let body = api.ok(&sync, false).await;
    let first: Vec<serde_json::Value> =
        at_root(&body, endpoints::MESSENGER_CONVERSATIONS_SYNC)["elements"]
            .as_array()
            .unwrap()
            .clone();
    let mut anchor = first
        .iter()
        .map(|c| c["lastActivityAt"].as_u64().unwrap())
        .min()
        .unwrap();

    let backfill = |before: u64, count: u64| {
        gql(
            endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
            json!({"mailboxUrn": me_urn(&w), "lastUpdatedBefore": before, "count": count}),
        )
    };
    let mut older: Vec<String> = Vec::new();
    loop {
        let body = api.ok(&backfill(anchor, 7), false).await;
        let root = at_root(&body, endpoints::MESSENGER_CONVERSATIONS_BACKFILL);
        assert_eq!(
            root["_type"],
            "com.linkedin.restli.common.CollectionResponse"
        );
        let page = root["elements"].as_array().unwrap();
        assert!(page.len() <= 7);
        for c in page {
            assert!(c["lastActivityAt"].as_u64().unwrap() < anchor);
            assert!(
                c["categories"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("PRIMARY_INBOX"))
            );
            let last = &c["messages"]["elements"][0];
            assert!(last["sender"].get("participantType").is_none());
            assert!(last["actor"]["participantType"]["member"]["firstName"].is_object());
        }
        let activity: Vec<u64> = page
            .iter()
            .map(|c| c["lastActivityAt"].as_u64().unwrap())
            .collect();
        assert!(activity.windows(2).all(|w| w[0] >= w[1]), "newest first");
        older.extend(page.iter().map(thread_of));
        let metadata = &root["metadata"];
        assert_eq!(metadata["_type"], "com.linkedin.messenger.MessageMetadata");
        assert!(metadata["prevCursor"].is_null());
        if metadata["nextCursor"].is_null() {
            break;
        }
        assert_eq!(page.len(), 7);
        anchor = *activity.last().unwrap();
    }

    // The first sync and the backfill together hold the whole primary inbox.
    let mut by_activity: Vec<&Conversation> = w.conversations.iter().collect();
    by_activity.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let oldest_synced = last_activity(by_activity[19]);
    let want: Vec<String> = by_activity
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX" && last_activity(c) < oldest_synced)
        .map(|c| c.thread_id.clone())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(older, want);

    // Refusals: no anchor, a count of 0 or above the entry's 20, another mailbox.
    for (target, status) in [
        (
            gql(
                endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
                json!({"mailboxUrn": me_urn(&w), "count": 20}),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (backfill(anchor, 0), StatusCode::BAD_REQUEST),
        (backfill(anchor, 21), StatusCode::BAD_REQUEST),
        (
            gql(
                endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
                json!({"mailboxUrn": OTHER_MAILBOX, "lastUpdatedBefore": anchor, "count": 20}),
            ),
            StatusCode::FORBIDDEN,
        ),
    ] {
        let resp = api.get(&target, false).await;
        assert_eq!(resp.status, status, "{target}: {}", resp.text());
    }
}
