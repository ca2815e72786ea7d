//! Helpers for the mailbox tests (`messenger`, `inbox`): the demo's URNs, GraphQL targets,
//! and the writes that change a mailbox.

use super::Resp;
use super::api::{Api, url};
use http::{Method, StatusCode};
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::world::{Conversation, World};
use serde_json::{Value, json};

/// A mailbox that is not the demo account's.
pub(crate) const OTHER_MAILBOX: &str = "urn:li:fsd_profile:ACoAAC9fWm2BtR5xLe8uKc3pYa7vHd0qNiGsTzE";

pub(crate) fn me_urn(w: &World) -> String {
    format!("urn:li:fsd_profile:{}", w.people[0].profile_id)
}

pub(crate) fn conversation_urn(w: &World, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", me_urn(w))
}

pub(crate) fn message_urn(w: &World, id: &str) -> String {
    format!("urn:li:msg_message:({},{id})", me_urn(w))
}

/// A GraphQL request of entry `endpoint` with `variables`.
pub(crate) fn gql(endpoint: &Endpoint, variables: Value) -> String {
    url(endpoint, &[], json!({}), Some(variables))
}

/// A POST of entry `endpoint` (its fixed query) with a JSON body.
pub(crate) async fn post(api: &mut Api, endpoint: &Endpoint, body: &Value) -> Resp {
    let target = url(endpoint, &[], json!({}), None);
    api.send(Method::POST, &target, false, &body.to_string())
        .await
}

/// Sends `text` in the demo's conversation `thread`.
pub(crate) async fn send_message(api: &mut Api, w: &World, thread: &str, text: &str) {
    let body = json!({
        "message": {
            "body": {"attributes": [], "text": text},
            "renderContentUnions": [],
            "conversationUrn": conversation_urn(w, thread),
            "originToken": "6c1b7a4e-8f53-4d2a-9b1e-2f0c3d4e5a6b",
        },
        "mailboxUrn": me_urn(w),
        "trackingId": "abcdefghijklmnop",
        "dedupeByClientGeneratedToken": false,
    });
    let resp = post(api, endpoints::MESSAGE_CREATE, &body).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
}

/// Marks the demo's conversation `thread` read or unread through the dash batch update.
pub(crate) async fn mark_read(api: &mut Api, w: &World, thread: &str, read: bool) {
    let urn = conversation_urn(w, thread);
    let target = url(
        endpoints::CONVERSATIONS_MARK_READ,
        &[],
        json!({"ids": [urn.clone()]}),
        None,
    );
    let body = json!({"entities": {urn: {"patch": {"$set": {"read": read}}}}});
    let resp = api
        .send(Method::POST, &target, false, &body.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
}

pub(crate) fn last_activity(c: &Conversation) -> u64 {
    c.messages.last().map_or(0, |m| m.delivered_at)
}

pub(crate) fn thread_of(conversation: &Value) -> String {
    conversation["backendUrn"]
        .as_str()
        .unwrap()
        .trim_start_matches("urn:li:messagingThread:")
        .to_owned()
}

/// LinkedIn's categories of a conversation: the inbox ones also carry `INBOX`.
pub(crate) fn categories(c: &Conversation) -> Vec<&str> {
    match c.category.as_str() {
        "PRIMARY_INBOX" | "SECONDARY_INBOX" => vec!["INBOX", c.category.as_str()],
        other => vec![other],
    }
}
