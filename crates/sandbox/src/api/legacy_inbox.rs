//! The legacy messaging REST (`/messaging/conversations`, 2.3.1's inbox): the conversations
//! and their events, the participants finder, marking a conversation seen. The mailbox is the
//! one of [`super::messaging`], so every reader shows the same conversations and reads.

use http::StatusCode;
use serde_json::{Value, json};

use super::messaging::{
    MESSAGE_PAGE, changed, conversation_urn, last_activity, mailbox, mini_profile, unread_count,
};
use super::{Answer, Call};
use crate::world::{Conversation, Message, Person, World};

/// Conversations per page of the legacy inbox.
const LEGACY_PAGE: usize = 20;

/// A `MessagingMember` union member of thread `thread`.
fn messaging_member(p: &Person, thread: &str) -> Value {
    json!({"com.linkedin.voyager.messaging.MessagingMember": {
        "entityUrn": format!("urn:li:fs_messagingMember:({thread},{})", p.profile_id),
        "miniProfile": mini_profile(p),
    }})
}

fn event_urn(thread: &str, message: &str) -> String {
    format!("urn:li:fs_event:({thread},{message})")
}

/// A legacy `com.linkedin.voyager.messaging.Event`; `previous` is the message before it.
fn event(world: &World, c: &Conversation, m: &Message, previous: Option<&Message>) -> Value {
    let from = world
        .people
        .get(m.sender)
        .map_or(Value::Null, |p| messaging_member(p, &c.thread_id));
    json!({
        "entityUrn": event_urn(&c.thread_id, &m.id),
        "dashEntityUrn": format!("urn:li:fsd_message:{}", m.id),
        "backendUrn": format!("urn:li:messagingMessage:{}", m.id),
        "createdAt": m.delivered_at,
        "subtype": "MEMBER_TO_MEMBER",
        "from": from,
        "eventContent": {"com.linkedin.voyager.messaging.event.MessageEvent": {
            "body": "",
            "attributedBody": {"text": m.text, "attributes": []},
            "messageBodyRenderFormat": "DEFAULT",
        }},
        "previousEventInConversation": previous.map(|p| event_urn(&c.thread_id, &p.id)),
        "reactionSummaries": [],
        "$type": "com.linkedin.voyager.messaging.Event",
    })
}

/// The `createdBefore` query parameter: `u64::MAX` (no anchor) when absent, `Err` when not a
/// number.
fn created_before(call: &Call<'_>) -> Result<u64, ()> {
    match call.query.raw("createdBefore") {
        None => Ok(u64::MAX),
        Some(_) => call
            .text("createdBefore")
            .and_then(|t| t.parse().ok())
            .ok_or(()),
    }
}

/// `GET /messaging/conversations?keyVersion=LEGACY_INBOX[&createdBefore=<ms>]`: 20 per page,
/// most recently active first, participants as `MessagingMember` unions, the last event.
pub(super) fn conversations(call: &mut Call<'_>) -> Answer {
    let Ok(before) = created_before(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let me = call.me;
    let Some(owner) = world.people.get(me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    let mut all: Vec<&Conversation> = mailbox(world, me).iter().collect();
    all.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let unread = all.iter().filter(|c| !c.read).count();
    let elements: Vec<Value> = all
        .iter()
        .filter(|c| last_activity(c) < before)
        .take(LEGACY_PAGE)
        .map(|c| {
            let participants: Vec<Value> = c
                .participants
                .iter()
                .filter_map(|&p| world.people.get(p))
                .map(|p| messaging_member(p, &c.thread_id))
                .collect();
            let n = c.messages.len();
            let events: Vec<Value> = c
                .messages
                .last()
                .map(|m| event(world, c, m, n.checked_sub(2).map(|i| &c.messages[i])))
                .into_iter()
                .collect();
            json!({
                "entityUrn": format!("urn:li:fs_conversation:{}", c.thread_id),
                "dashEntityUrn": format!("urn:li:fsd_conversation:{}", c.thread_id),
                "sdkEntityUrn": conversation_urn(owner, &c.thread_id),
                "backendUrn": format!("urn:li:messagingThread:{}", c.thread_id),
                "participants": participants,
                "events": events,
                "totalEventCount": n,
                "unreadCount": unread_count(c),
                "lastActivityAt": last_activity(c),
                "read": c.read,
                "groupChat": c.participants.len() > 1,
                "archived": c.category == "ARCHIVE",
                "notificationStatus": "ACTIVE",
                "blocked": false,
                "muted": false,
                "$type": "com.linkedin.voyager.messaging.Conversation",
            })
        })
        .collect();
    Answer::ok(json!({
        "elements": elements,
        "paging": {"count": LEGACY_PAGE, "start": 0, "links": []},
        "metadata": {"unreadCount": unread, "$type": "com.linkedin.voyager.messaging.ConversationsMetadata"},
    }))
}

/// `GET /messaging/conversations/{id}/events[?createdBefore=<ms>]`: the 20 latest events
/// before the anchor, oldest first.
pub(super) fn events(call: &mut Call<'_>) -> Answer {
    let Ok(before) = created_before(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(thread) = call.path_param("conversationId") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(c) = mailbox(world, call.me)
        .iter()
        .find(|c| c.thread_id == thread)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let end = c
        .messages
        .iter()
        .take_while(|m| m.delivered_at < before)
        .count();
    let start = end.saturating_sub(MESSAGE_PAGE);
    let elements: Vec<Value> = (start..end)
        .map(|i| {
            let previous = i.checked_sub(1).map(|p| &c.messages[p]);
            event(world, c, &c.messages[i], previous)
        })
        .collect();
    Answer::ok(json!({
        "elements": elements,
        "paging": {"count": MESSAGE_PAGE, "start": 0, "links": []},
    }))
}

/// `GET /messaging/conversations?keyVersion=LEGACY_INBOX&q=participants&recipients=List(<id>)`
/// (2.3.1's `get_conversation_details`; status broken in the catalogue). The fork retired it
/// because "the legacy response format changed", not because it fails, and records neither
/// the new format nor an error. Inferred: a 200 with an empty legacy collection, so that a
/// reader of the old format finds no conversation (2.3.1 then returns `{}`), as the fork
/// found. `recipients` must be a non-empty list of profile ids (`ACoAA…`, or
/// `urn:li:fsd_profile:…`): a 400 otherwise, as for any malformed finder.
pub(super) fn by_participants(call: &mut Call<'_>) -> Answer {
    let recipients: Option<Vec<String>> = match call.query.value("recipients") {
        Ok(Some(restli::Value::List(items))) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    };
    let valid = recipients.is_some_and(|r| {
        !r.is_empty()
            && r.iter().all(|id| {
                let id = id.strip_prefix("urn:li:fsd_profile:").unwrap_or(id);
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            })
    });
    if !valid {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    Answer::ok(json!({
        "elements": [],
        "paging": {"count": LEGACY_PAGE, "start": 0, "links": []},
    }))
}

/// `POST /messaging/conversations/{id}` with `{"patch": {"$set": {"read": true}}}` (2.3.1's
/// `mark_conversation_as_seen`): a Rest.li partial update of the legacy conversation. It sets
/// the read state (`false` marks it unread, as `$set` allows) that every reader of the mailbox
/// shows: the messenger reads, the legacy inbox, the counts and the seen receipts. 200 with
/// `{}` (success is 200, the catalogue says; the body is not recorded). 400 for a body that is
/// not such a patch, or that sets anything but `read` (archiving, muting and renaming are not
/// emulated); 404 for a thread not in the caller's mailbox.
pub(super) fn mark_seen(call: &mut Call<'_>) -> Answer {
    let Some(thread) = call.path_param("conversationId") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let set = body.pointer("/patch/$set").and_then(Value::as_object);
    let read = set.and_then(|s| s.get("read")).and_then(Value::as_bool);
    let (Some(set), Some(read)) = (set, read) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let only_patch = body.as_object().is_some_and(|b| b.len() == 1)
        && body
            .get("patch")
            .and_then(Value::as_object)
            .is_some_and(|p| p.len() == 1);
    if set.len() != 1 || !only_patch {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(index) = mailbox(call.world, call.me)
        .iter()
        .position(|c| c.thread_id == thread)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    call.world.conversations[index].read = read;
    changed(call.world, index);
    Answer::ok(json!({}))
}
