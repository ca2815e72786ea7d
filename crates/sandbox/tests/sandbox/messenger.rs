//! The messaging web app's background calls over real loopback HTTP, checked against the world
//! the sandbox serves (the inbox's syncs and backfill are in `inbox`): mailbox counts and
//! the badge's "mark all seen", seen receipts, quick replies, the affiliated mailboxes and away
//! status, the secondary inbox banner, reply nudges, typing, delivery acknowledgements,
//! presence, and the legacy mark-seen, finder by participants and retired sends — each with
//! its refusals.

use crate::common::api::{Api, at_root, start, url, world};
use crate::common::mailbox::{
    OTHER_MAILBOX, categories, conversation_urn, gql, last_activity, mark_read, me_urn,
    message_urn, post, send_message,
};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::clock::{DAY_MS, PRESENT_MS};
use linkedin_sandbox::world::{Conversation, World};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Counts and the badge
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mailbox_counts_follow_reads_and_the_badge() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let counts_url = gql(
        endpoints::MESSENGER_MAILBOX_COUNTS,
        json!({"mailboxUrn": me_urn(&w)}),
    );
    let counts = |body: &Value| -> Vec<(String, u64, u64)> {
        at_root(body, endpoints::MESSENGER_MAILBOX_COUNTS)["elements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["category"].as_str().unwrap().to_owned(),
                    e["unreadConversationCount"].as_u64().unwrap(),
                    e["unseenConversationCount"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let unread_in = |cat: &str| {
        w.conversations
            .iter()
            .filter(|c| !c.read && categories(c).contains(&cat))
            .count() as u64
    };
    let body = api.ok(&counts_url, false).await;
    let want: Vec<(String, u64, u64)> = ["INBOX", "PRIMARY_INBOX", "SECONDARY_INBOX", "ARCHIVE"]
        .iter()
        .map(|c| (c.to_string(), unread_in(c), unread_in(c)))
        .collect();
    assert_eq!(counts(&body), want);
    assert!(want[1].1 > 0);

    // Reading one: one unread fewer.
    let unread = w
        .conversations
        .iter()
        .find(|c| !c.read && c.category == "PRIMARY_INBOX")
        .unwrap();
    mark_read(&mut api, &w, &unread.thread_id, true).await;
    let body = api.ok(&counts_url, false).await;
    assert_eq!(counts(&body)[1].1, want[1].1 - 1);

    // Clearing the badge: nothing unseen, still as many unread.
    let resp = post(
        &mut api,
        endpoints::MESSAGING_BADGE_MARK_ALL_SEEN,
        &json!({"until": PRESENT_MS + DAY_MS}),
    )
    .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert!(resp.body.is_empty());
    let body = api.ok(&counts_url, false).await;
    for (category, unread, unseen) in counts(&body) {
        assert_eq!(unseen, 0, "{category}");
        if category == "PRIMARY_INBOX" {
            assert_eq!(unread, want[1].1 - 1);
        }
    }
    // An earlier `until` does not bring the badge back.
    let resp = post(
        &mut api,
        endpoints::MESSAGING_BADGE_MARK_ALL_SEEN,
        &json!({"until": 5}),
    )
    .await;
    assert_eq!(resp.status, StatusCode::OK);
    let body = api.ok(&counts_url, false).await;
    assert!(counts(&body).iter().all(|c| c.2 == 0));

    for bad in [json!({}), json!({"until": "now"}), json!({"until": -1})] {
        let resp = post(&mut api, endpoints::MESSAGING_BADGE_MARK_ALL_SEEN, &bad).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let resp = api
        .get(
            &gql(
                endpoints::MESSENGER_MAILBOX_COUNTS,
                json!({"mailboxUrn": OTHER_MAILBOX}),
            ),
            false,
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    let resp = api
        .get(&gql(endpoints::MESSENGER_MAILBOX_COUNTS, json!({})), false)
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------------------------------
// Seen receipts, quick replies, and the legacy mark-seen
// ---------------------------------------------------------------------------------------

fn receipts_url(w: &World, thread: &str) -> String {
    gql(
        endpoints::MESSENGER_SEEN_RECEIPTS,
        json!({"conversationUrn": conversation_urn(w, thread)}),
    )
}

/// Who has a seen receipt in the answer: their profile URNs.
fn seen_by(body: &Value) -> Vec<String> {
    at_root(body, endpoints::MESSENGER_SEEN_RECEIPTS)["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["_type"], "com.linkedin.messenger.SeenReceipt");
            assert!(r["seenAt"].as_u64().is_some());
            assert!(
                r["message"]["entityUrn"]
                    .as_str()
                    .unwrap()
                    .starts_with("urn:li:msg_message:(")
            );
            r["seenByParticipant"]["hostIdentityUrn"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seen_receipts_show_who_saw_what_and_the_legacy_mark_seen_adds_the_owner() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let me = me_urn(&w);

    // A read conversation in which a participant answered someone: both have receipts.
    let read = w
        .conversations
        .iter()
        .find(|c| {
            c.read
                && c.participants.len() == 1
                && c.messages.iter().any(|m| m.sender != 0)
                && c.messages
                    .windows(2)
                    .any(|m| m[0].sender == 0 && m[1].sender != 0)
        })
        .unwrap();
    let body = api.ok(&receipts_url(&w, &read.thread_id), false).await;
    let who = seen_by(&body);
    let other = format!(
        "urn:li:fsd_profile:{}",
        w.people[read.participants[0]].profile_id
    );
    assert!(who.contains(&me) && who.contains(&other), "{who:?}");

    // An unread conversation: no receipt of the owner's until it is marked seen.
    let unread = w.conversations.iter().find(|c| !c.read).unwrap();
    let body = api.ok(&receipts_url(&w, &unread.thread_id), false).await;
    assert!(!seen_by(&body).contains(&me));
    let seen_url = url(
        endpoints::CONVERSATION_MARK_SEEN_LEGACY,
        &[("conversationId", unread.thread_id.as_str())],
        json!({}),
        None,
    );
    let patch = json!({"patch": {"$set": {"read": true}}});
    let resp = api
        .send(Method::POST, &seen_url, false, &patch.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(resp.json(), json!({}));
    let body = api.ok(&receipts_url(&w, &unread.thread_id), false).await;
    assert!(seen_by(&body).contains(&me));
    // The legacy inbox shows it read too.
    let inbox = api
        .ok(
            &url(endpoints::CONVERSATIONS_LEGACY, &[], json!({}), None),
            false,
        )
        .await;
    let entry = inbox["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["entityUrn"] == format!("urn:li:fs_conversation:{}", unread.thread_id));
    if let Some(entry) = entry {
        assert_eq!(entry["read"], true);
    }

    // Legacy mark-seen refusals.
    for bad in [
        json!({"patch": {"$set": {"read": "yes"}}}),
        json!({"patch": {"$set": {"read": true, "archived": true}}}),
        json!({"read": true}),
    ] {
        let resp = api
            .send(Method::POST, &seen_url, false, &bad.to_string())
            .await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let unknown = url(
        endpoints::CONVERSATION_MARK_SEEN_LEGACY,
        &[("conversationId", "2-bm90aGVyZQ==")],
        json!({}),
        None,
    );
    let resp = api
        .send(Method::POST, &unknown, false, &patch.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);

    // Receipts refusals.
    let resp = api
        .get(&gql(endpoints::MESSENGER_SEEN_RECEIPTS, json!({})), false)
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let foreign = format!(
        "urn:li:msg_conversation:({OTHER_MAILBOX},{})",
        unread.thread_id
    );
    let resp = api
        .get(
            &gql(
                endpoints::MESSENGER_SEEN_RECEIPTS,
                json!({"conversationUrn": foreign}),
            ),
            false,
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    let resp = api.get(&receipts_url(&w, "2-bm90aGVyZQ=="), false).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_replies_come_under_a_message_waiting_for_an_answer() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let replies = |body: &Value| {
        at_root(body, endpoints::MESSENGER_QUICK_REPLIES)["elements"]
            .as_array()
            .unwrap()
            .len()
    };
    let waiting = w
        .conversations
        .iter()
        .find(|c| c.messages.last().unwrap().sender != 0)
        .unwrap();
    let target = gql(
        endpoints::MESSENGER_QUICK_REPLIES,
        json!({"conversationUrn": conversation_urn(&w, &waiting.thread_id)}),
    );
    let body = api.ok(&target, false).await;
    assert_eq!(replies(&body), 3);
    let first = &at_root(&body, endpoints::MESSENGER_QUICK_REPLIES)["elements"][0];
    assert_eq!(first["_type"], "com.linkedin.messenger.QuickReply");
    assert!(first["content"]["text"].is_string());

    // Once answered, none.
    send_message(&mut api, &w, &waiting.thread_id, "Thanks!").await;
    let body = api.ok(&target, false).await;
    assert_eq!(replies(&body), 0);
    // The query takes exactly a `conversationUrn` (the recorded requests, seq 87, 91, 112,
    // 115): a mailbox instead, even the caller's, is refused as LinkedIn refuses unknown
    // variables (`strict.rs`).
    for mailbox in [me_urn(&w), OTHER_MAILBOX.to_owned()] {
        let resp = api
            .get(
                &gql(
                    endpoints::MESSENGER_QUICK_REPLIES,
                    json!({"mailboxUrn": mailbox}),
                ),
                false,
            )
            .await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{mailbox}");
    }

    let resp = api
        .get(
            &gql(
                endpoints::MESSENGER_QUICK_REPLIES,
                json!({"conversationUrn": "urn:li:fsd_profile:x"}),
            ),
            false,
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------------------------------
// Messaging /graphql and REST reads
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn affiliated_mailboxes_and_away_status_are_empty_collections() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    for endpoint in [
        endpoints::MESSAGING_AFFILIATED_MAILBOXES,
        endpoints::MESSAGING_AWAY_STATUS,
    ] {
        let target = url(endpoint, &[], json!({}), None);
        let body = api.ok(&target, true).await;
        let collection = at_root(&body["data"], endpoint);
        // Inline elements without paging, as seqs 62 and 63.
        assert_eq!(collection["elements"], json!([]), "{}", endpoint.name);
        assert!(collection.get("paging").is_none(), "{collection}");
        assert_eq!(
            collection["$type"],
            "com.linkedin.restli.common.CollectionResponse"
        );
        assert_eq!(collection["$recipeTypes"].as_array().unwrap().len(), 1);
        assert_eq!(body["included"], json!([]));
        // The query object is named by its recipe; no web metadata unless asked for.
        let query = &body["data"]["data"];
        assert_eq!(query["$type"], query["$recipeTypes"][0]);
        assert!(body.get("meta").is_none() && body["data"].get("extensions").is_none());
        let with_metadata = format!("{target}&includeWebMetadata=true");
        let body = api.ok(&with_metadata, true).await;
        assert_eq!(body["data"]["extensions"], json!({"webMetadata": {}}));
        assert_eq!(body["meta"]["microSchema"]["isGraphQL"], true);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secondary_inbox_banner_counts_message_requests() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let requests: Vec<&Conversation> = w
        .conversations
        .iter()
        .filter(|c| c.category == "SECONDARY_INBOX")
        .collect();
    assert!(!requests.is_empty());
    let target = url(
        endpoints::MESSAGING_SECONDARY_INBOX_BANNER,
        &[],
        json!({}),
        None,
    );
    assert!(target.ends_with("/voyagerMessagingDashSecondaryInbox?q=previewBanner"));
    let body = api.ok(&target, true).await;
    let urns = body["data"]["*elements"].as_array().unwrap();
    assert_eq!(urns.len(), 1);
    let banner = crate::common::api::included(&body, urns[0].as_str().unwrap());
    assert_eq!(banner["conversationCount"], requests.len());
    assert_eq!(
        banner["unreadConversationCount"],
        requests.iter().filter(|c| !c.read).count()
    );
    assert!(
        banner["bannerText"]["text"]
            .as_str()
            .unwrap()
            .contains("message request")
    );

    // Marking a request unread shows in the banner.
    mark_read(&mut api, &w, &requests[0].thread_id, false).await;
    let body = api.ok(&target, false).await;
    assert_eq!(
        body["elements"][0]["unreadConversationCount"],
        requests.iter().filter(|c| !c.read).count() + usize::from(requests[0].read)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nudges_point_at_conversations_waiting_for_a_reply_in_the_captured_shape() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mut waiting: Vec<(&Conversation, u64)> = w
        .conversations
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX")
        .filter_map(|c| {
            let m = c.messages.last().filter(|m| m.sender != 0)?;
            let days = (PRESENT_MS - m.delivered_at) / DAY_MS;
            (1..=14).contains(&days).then_some((c, days))
        })
        .collect();
    waiting.sort_by_key(|(c, _)| std::cmp::Reverse(last_activity(c)));
    waiting.truncate(10);
    assert!(!waiting.is_empty());

    let target = url(
        endpoints::MESSAGING_CONVERSATION_NUDGES,
        &[],
        json!({}),
        None,
    );
    let body = api.ok(&target, true).await;
    assert_eq!(body["included"], json!([]));
    let data = &body["data"];
    assert!(
        data["entityUrn"]
            .as_str()
            .unwrap()
            .starts_with("urn:li:collectionResponse:")
    );
    assert_eq!(
        data["paging"],
        json!({"count": 10, "start": 0, "links": []})
    );
    assert_eq!(
        data["$type"],
        "com.linkedin.restli.common.CollectionResponse"
    );
    let nudges = data["elements"].as_array().unwrap();
    assert_eq!(nudges.len(), waiting.len());
    for (nudge, (c, days)) in nudges.iter().zip(&waiting) {
        assert_eq!(
            nudge["$type"],
            "com.linkedin.voyager.dash.messaging.ConversationNudge"
        );
        assert_eq!(
            nudge["conversationUrn"],
            format!("urn:li:fsd_conversation:{}", c.thread_id)
        );
        assert_eq!(
            nudge["messageUrn"],
            format!("urn:li:fsd_message:{}", c.messages.last().unwrap().id)
        );
        let text = nudge["nudgeText"]["text"].as_str().unwrap();
        assert!(
            text.starts_with(&format!("Received {days} day")) && text.ends_with(" ago. Reply?"),
            "{text}"
        );
        assert_eq!(nudge["nudgeText"]["textDirection"], "USER_LOCALE");
    }

    // Answering the first takes its nudge away.
    send_message(&mut api, &w, &waiting[0].0.thread_id, "Sorry for the delay").await;
    let body = api.ok(&target, true).await;
    let conversations: Vec<&Value> = body["data"]["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &n["conversationUrn"])
        .collect();
    assert!(!conversations.contains(&&json!(format!(
        "urn:li:fsd_conversation:{}",
        waiting[0].0.thread_id
    ))));
}

// ---------------------------------------------------------------------------------------
// Typing, delivery acknowledgements, presence
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_and_delivery_acks_answer_without_a_body_and_check_their_urns() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let c = &w.conversations[2];
    let target = url(endpoints::CONVERSATION_TYPING, &[], json!({}), None);
    assert!(target.ends_with("/voyagerMessagingDashMessengerConversations?action=typing"));
    let resp = post(
        &mut api,
        endpoints::CONVERSATION_TYPING,
        &json!({"conversationUrn": conversation_urn(&w, &c.thread_id)}),
    )
    .await;
    assert_eq!(resp.status, StatusCode::ACCEPTED, "{}", resp.text());
    assert!(resp.body.is_empty());
    for (body, status) in [
        (json!({}), StatusCode::BAD_REQUEST),
        (
            json!({"conversationUrn": "urn:li:fsd_profile:x"}),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"conversationUrn": format!("urn:li:msg_conversation:({OTHER_MAILBOX},{})", c.thread_id)}),
            StatusCode::FORBIDDEN,
        ),
        (
            json!({"conversationUrn": conversation_urn(&w, "2-bm90aGVyZQ==")}),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let resp = post(&mut api, endpoints::CONVERSATION_TYPING, &body).await;
        assert_eq!(resp.status, status, "{body}");
    }

    let ack = |urns: Vec<String>, mechanism: &str, at: Value| json!({"messageUrns": urns, "clientId": "voyager-web", "deliveryMechanism": mechanism, "clientConsumedAt": at});
    let urns: Vec<String> = c
        .messages
        .iter()
        .rev()
        .take(2)
        .map(|m| message_urn(&w, &m.id))
        .collect();
    for mechanism in ["SYNC", "REALTIME"] {
        let resp = post(
            &mut api,
            endpoints::MESSAGE_DELIVERY_ACK,
            &ack(urns.clone(), mechanism, json!(PRESENT_MS)),
        )
        .await;
        assert_eq!(resp.status, StatusCode::NO_CONTENT, "{}", resp.text());
        assert!(resp.body.is_empty());
    }
    let foreign = format!("urn:li:msg_message:({OTHER_MAILBOX},{})", c.messages[0].id);
    for (body, status) in [
        (ack(Vec::new(), "SYNC", json!(1)), StatusCode::BAD_REQUEST),
        (ack(urns.clone(), "PUSH", json!(1)), StatusCode::BAD_REQUEST),
        (
            ack(urns.clone(), "SYNC", json!("soon")),
            StatusCode::BAD_REQUEST,
        ),
        (
            json!({"messageUrns": urns.clone(), "deliveryMechanism": "SYNC", "clientConsumedAt": 1}),
            StatusCode::BAD_REQUEST,
        ),
        (
            ack(vec!["urn:li:messagingMessage:2-x".into()], "SYNC", json!(1)),
            StatusCode::BAD_REQUEST,
        ),
        (ack(vec![foreign], "SYNC", json!(1)), StatusCode::FORBIDDEN),
        (
            ack(vec![message_urn(&w, "2-bm90aGVyZQ==")], "SYNC", json!(1)),
            StatusCode::NOT_FOUND,
        ),
    ] {
        let resp = post(&mut api, endpoints::MESSAGE_DELIVERY_ACK, &body).await;
        assert_eq!(resp.status, status, "{body}");
    }
}

/// A presence form body: `ids=List(<encoded urns>)`, Rest.li text as in a query string.
fn presence_form(urns: &[&str]) -> String {
    let mut query = restli::Query::new();
    query.push("ids", restli::Value::list(urns.iter().copied()));
    query.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_answers_each_member_and_follows_activity() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let target = url(endpoints::PRESENCE_STATUSES, &[], json!({}), None);
    assert_eq!(target, "/voyager/api/messaging/dash/presenceStatuses");
    let me = me_urn(&w);
    let friend = format!(
        "urn:li:fsd_profile:{}",
        w.people[w.conversations[0].participants[0]].profile_id
    );
    let unknown = "urn:li:fsd_profile:ACoAAUnknown";
    let form = presence_form(&[&me, &friend, unknown]);
    assert!(
        form.starts_with("ids=List(urn%3Ali%3Afsd_profile%3A"),
        "{form}"
    );
    let headers_form =
        async |api: &mut Api, form: &str| api.send(Method::POST, &target, false, form).await;
    let resp = headers_form(&mut api, &form).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = resp.json();
    let status = &body["results"][&friend];
    assert!(matches!(
        status["availability"].as_str(),
        Some("ONLINE" | "OFFLINE")
    ));
    assert!(status["lastActiveAt"].as_u64().is_some());
    assert_eq!(body["errors"][unknown]["status"], 404);
    assert!(body["results"].get(unknown).is_none());

    // Sending a message makes the sender active now.
    send_message(
        &mut api,
        &w,
        &w.conversations[0].thread_id,
        "Are you around?",
    )
    .await;
    let body = headers_form(&mut api, &presence_form(&[&me])).await.json();
    assert_eq!(body["results"][&me]["availability"], "ONLINE");

    for bad in [
        presence_form(&[]),
        presence_form(&["urn:li:member:1"]),
        "ids=List(urn:li:fsd_profile:ACoAA)".to_owned(),
        String::new(),
    ] {
        let resp = headers_form(&mut api, &bad).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}
