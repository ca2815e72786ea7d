//! The messaging web app's background calls, as the 2026 browser capture shows them around the
//! inbox (voyager.md §4.8): the messenger GraphQL reads besides the conversation and message
//! lists (the inbox's first sync and its deltas, mailbox counts, seen receipts, quick replies),
//! the messaging `/graphql` and REST reads (affiliated mailboxes, away status, the secondary
//! inbox banner, reply nudges), and the small writes the page sends (typing, delivery
//! acknowledgements, the badge's "mark all seen", presence).
//!
//! The mailbox is the demo account's (see [`super::messaging`]): anyone else's is empty.
//! Messenger GraphQL answers are nested with `_type` keys (LinkedIn does not normalize them);
//! the others are built with `$type` and normalized or stripped by the caller. Where the
//! reference records a call but not its answer, the doc comment of its function says what is
//! inferred.

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Map, Value, json};

use super::conversations::{Last, Sender, attributed, conversation, participant};
use super::messaging::{
    categories, find_conversation, last_activity, leaf, mailbox, messenger_collection, profile_urn,
    world_now,
};
use super::{Answer, Call, caller, text, variables};
use crate::world::clock::{DAY_MS, MINUTE_MS, PRESENT_MS};
use crate::world::{Conversation, Person, World};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Checks the `mailboxUrn` variable: 400 when missing, 403 when it is not the caller's.
fn own_mailbox(vars: Option<&restli::Value>, me: &Person) -> Result<(), Answer> {
    match vars.and_then(|v| leaf(v, "mailboxUrn")) {
        None => Err(Answer::error(StatusCode::BAD_REQUEST)),
        Some(urn) if urn != profile_urn(me) => Err(Answer::error(StatusCode::FORBIDDEN)),
        Some(_) => Ok(()),
    }
}

/// The message a `urn:li:msg_message:(<mailbox urn>,<id>)` names in the caller's mailbox: its
/// conversation and position. 400 for a malformed URN, 403 for another mailbox, 404 for an
/// unknown message.
pub(super) fn find_message(
    world: &World,
    me: usize,
    urn: &str,
) -> Result<(usize, usize), StatusCode> {
    let (owner, id) = urn
        .strip_prefix("urn:li:msg_message:(")
        .and_then(|rest| rest.strip_suffix(')'))
        .and_then(|rest| rest.split_once(','))
        .ok_or(StatusCode::BAD_REQUEST)?;
    let person = world.people.get(me).ok_or(StatusCode::UNAUTHORIZED)?;
    if owner != profile_urn(person) {
        return Err(StatusCode::FORBIDDEN);
    }
    mailbox(world, me)
        .iter()
        .enumerate()
        .find_map(|(c, conv)| {
            conv.messages
                .iter()
                .position(|m| m.id == id)
                .map(|m| (c, m))
        })
        .ok_or(StatusCode::NOT_FOUND)
}

/// The last message of `c` from someone other than the mailbox owner, when the conversation
/// ends with one (the owner has not answered it).
fn waiting_for_reply(c: &Conversation) -> Option<&crate::world::Message> {
    c.messages.last().filter(|m| m.sender != 0)
}

// ---------------------------------------------------------------------------------------
// Inbox sync
// ---------------------------------------------------------------------------------------

/// The sync token of `me`'s mailbox at `revision`: opaque to LinkedIn's clients; here the
/// base64 of `<profile id>&<revision>`.
fn sync_token(me: &Person, revision: u64) -> String {
    crate::BASE64.encode(format!("{}&{revision}", me.profile_id).as_bytes())
}

/// The mailbox revision a sync token of `me` stands for.
fn token_revision(me: &Person, token: &str) -> Option<u64> {
    let text = String::from_utf8(crate::BASE64.decode(token).ok()?).ok()?;
    let (owner, revision) = text.split_once('&')?;
    (owner == me.profile_id).then(|| revision.parse().ok())?
}

/// Conversations the first sync gives: LinkedIn's page of the inbox (seq 51 has 20).
pub(super) const SYNC_PAGE: usize = 20;

/// Catalogue `messenger_conversations_sync`, by `variables=(mailboxUrn:)` (the first sync),
/// and `messenger_conversations_delta`, by `variables=(mailboxUrn:,syncToken:)` (a delta),
/// both under the same data root, in seq 51's projection (each conversation with its last
/// message, whose `sender` has the ids only and `actor` the names). The first sync holds
/// the [`SYNC_PAGE`] most recently active conversations of the mailbox, newest first (older
/// ones are the backfill's), and `metadata` with only a `newSyncToken`
/// (`com.linkedin.messenger.SyncMetadata`); a delta holds every conversation changed since the
/// token's sync (a message, read or unread), with `deletedUrns` (always empty: nothing is
/// deleted in the sandbox) and `shouldClearCache: false`, as LinkedIn's refreshed syncs carry
/// them. 400 without a `mailboxUrn` or with a token that is not one of this mailbox's; 403
/// for another member's mailbox.
pub(super) fn sync(call: &mut Call<'_>, delta: bool) -> Answer {
    let vars = variables(call);
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if let Err(answer) = own_mailbox(vars.as_ref(), me) {
        return answer;
    }
    let since = if delta {
        match vars
            .as_ref()
            .and_then(|v| leaf(v, "syncToken"))
            .and_then(|t| token_revision(me, t))
        {
            Some(r) if r <= world.mailbox_revision => Some(r),
            _ => return Answer::error(StatusCode::BAD_REQUEST),
        }
    } else {
        None
    };
    let degrees = world.degrees_from(call.me);
    let mut conversations: Vec<&Conversation> = mailbox(world, call.me)
        .iter()
        .filter(|c| since.is_none_or(|r| c.revision > r))
        .collect();
    conversations.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    if !delta {
        conversations.truncate(SYNC_PAGE);
    }
    let elements = conversations
        .iter()
        .map(|c| conversation(world, &degrees, call.me, c, Last::With(Sender::Ids)))
        .collect();
    let token = sync_token(me, world.mailbox_revision);
    let metadata = if delta {
        json!({
            "_type": "com.linkedin.messenger.SyncMetadata",
            "newSyncToken": token,
            "deletedUrns": [],
            "shouldClearCache": false,
        })
    } else {
        json!({"_type": "com.linkedin.messenger.SyncMetadata", "newSyncToken": token})
    };
    messenger_collection(call.endpoint, elements, Some(metadata))
}

/// Catalogue `messenger_conversations_backfill`, by `variables=(mailboxUrn:,
/// lastUpdatedBefore:<ms>,count:<n>,query:(predicateUnions:List((conversationCategoryPredicate:
/// (category:<category>)))))`: the pages of the inbox after the first sync. No recording shows
/// it; it is shaped like the first sync (seq 51's conversations, with their last message) and
/// its `metadata` like seq 117's `com.linkedin.messenger.MessageMetadata`: the `count`
/// conversations of the category last active before `lastUpdatedBefore`, newest first, and a
/// `nextCursor` (opaque: the base64 of the oldest one's `lastActivityAt`) when there are older
/// ones, `null` when none. 400 without a `mailboxUrn`, a `lastUpdatedBefore` or a `count` of 1
/// to the entry's `max_count`; 403 for another member's mailbox.
pub(super) fn backfill(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if let Err(answer) = own_mailbox(vars.as_ref(), me) {
        return answer;
    }
    let number = |key: &str| {
        vars.as_ref()
            .and_then(|v| leaf(v, key))
            .and_then(|n| n.parse::<u64>().ok())
    };
    let (Some(before), Some(count)) = (number("lastUpdatedBefore"), number("count")) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let max = call.endpoint.max_count.map_or(u64::MAX, u64::from);
    if count == 0 || count > max {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let category = vars
        .as_ref()
        .and_then(|v| v.get("query")?.get("predicateUnions")?.as_list()?.first())
        .and_then(|p| p.get("conversationCategoryPredicate"))
        .and_then(|p| leaf(p, "category"))
        .unwrap_or("PRIMARY_INBOX");
    let degrees = world.degrees_from(call.me);
    let mut older: Vec<&Conversation> = mailbox(world, call.me)
        .iter()
        .filter(|c| categories(c).contains(&category) && last_activity(c) < before)
        .collect();
    older.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let more = older.len() > count as usize;
    older.truncate(count as usize);
    let next = older
        .last()
        .filter(|_| more)
        .map(|c| crate::BASE64.encode(last_activity(c).to_string().as_bytes()));
    let elements = older
        .iter()
        .map(|c| conversation(world, &degrees, call.me, c, Last::With(Sender::Ids)))
        .collect();
    let metadata = json!({
        "_type": "com.linkedin.messenger.MessageMetadata",
        "nextCursor": next,
        "prevCursor": null,
    });
    messenger_collection(call.endpoint, elements, Some(metadata))
}

// ---------------------------------------------------------------------------------------
// Counts, receipts, quick replies
// ---------------------------------------------------------------------------------------

/// The categories mailbox counts are given for, in this order.
const COUNTED: [&str; 4] = ["INBOX", "PRIMARY_INBOX", "SECONDARY_INBOX", "ARCHIVE"];

/// Catalogue `messenger_mailbox_counts`, by `variables=(mailboxUrn:)`: under its data root,
/// one element per category (`INBOX`, `PRIMARY_INBOX`,
/// `SECONDARY_INBOX`, `ARCHIVE`) with `category` and `unreadConversationCount` (the reference
/// records the call, not its answer: the root and these two keys are as other clients read
/// them; the element's `_type` is inferred). `unseenConversationCount` (inferred) counts the
/// unread conversations with a message from someone else delivered after the badge was last
/// cleared (`markAllMessagesAsSeen`), so that call shows here. 400 without a `mailboxUrn`, 403
/// for another member's.
pub(super) fn mailbox_counts(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if let Err(answer) = own_mailbox(vars.as_ref(), me) {
        return answer;
    }
    let seen_until = world.messages_seen_until;
    let conversations = mailbox(world, call.me);
    let elements = COUNTED
        .iter()
        .map(|&category| {
            let unread: Vec<&Conversation> = conversations
                .iter()
                .filter(|c| !c.read && categories(c).contains(&category))
                .collect();
            let unseen = unread
                .iter()
                .filter(|c| {
                    c.messages
                        .iter()
                        .any(|m| m.sender != 0 && m.delivered_at > seen_until)
                })
                .count();
            json!({
                "_type": "com.linkedin.messenger.MailboxCount",
                "category": category,
                "unreadConversationCount": unread.len(),
                "unseenConversationCount": unseen,
            })
        })
        .collect();
    messenger_collection(call.endpoint, elements, None)
}

/// Catalogue `messenger_seen_receipts`, by `variables=(conversationUrn:)`: under its data root
/// (inferred), one
/// `com.linkedin.messenger.SeenReceipt` per participant who has seen something, with the keys
/// of LinkedIn's realtime seen receipts (peers.md §c.6: `seenAt`, `message`,
/// `seenByParticipant`). Who saw what is inferred from the world, which records no reads but
/// the owner's: another participant has seen the last message from someone else before their
/// own last message (they saw it when they answered), at the time they answered; the owner,
/// when the conversation is read, has seen its last message from someone else, at the
/// conversation's last activity. So marking a conversation read adds the owner's receipt.
/// 400 for a malformed URN, 403 for another mailbox, 404 for an unknown conversation.
pub(super) fn seen_receipts(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let Some(urn) = vars.as_ref().and_then(|v| leaf(v, "conversationUrn")) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let index = match find_conversation(world, call.me, urn) {
        Ok(i) => i,
        Err(status) => return Answer::error(status),
    };
    let c = &world.conversations[index];
    let owner = &world.people[call.me];
    let degrees = world.degrees_from(call.me);
    let receipt = |who: usize, seen: &crate::world::Message, at: u64| {
        json!({
            "_type": "com.linkedin.messenger.SeenReceipt",
            "seenAt": at,
            "message": {
                "_type": "com.linkedin.messenger.Message",
                "entityUrn": format!("urn:li:msg_message:({},{})", profile_urn(owner), seen.id),
            },
            "seenByParticipant": participant(world, &degrees, who),
        })
    };
    let mut elements = Vec::new();
    if c.read
        && let Some(seen) = c.messages.iter().rev().find(|m| m.sender != 0)
    {
        let at = c
            .messages
            .last()
            .map_or(seen.delivered_at, |m| m.delivered_at);
        elements.push(receipt(call.me, seen, at));
    }
    for &p in &c.participants {
        let Some(last_own) = c.messages.iter().rposition(|m| m.sender == p) else {
            continue;
        };
        let at = c.messages[last_own].delivered_at;
        if let Some(seen) = c.messages[..last_own].iter().rev().find(|m| m.sender != p) {
            elements.push(receipt(p, seen, at));
        }
    }
    messenger_collection(call.endpoint, elements, None)
}

/// The replies offered under a message waiting for an answer.
const QUICK_REPLIES: [&str; 3] = ["Thanks!", "Sounds good.", "Let me get back to you."];

/// Catalogue `messenger_quick_replies`, whose variables the capture elides: with a
/// `conversationUrn` (the variable other captures name for it), the replies suggested under
/// the conversation's last message, when that message is from someone else and the owner has
/// not answered it yet; otherwise none. The data root (inferred) holds `com.linkedin.messenger.QuickReply` elements with a `content` text; the
/// three texts are fixed (inferred: LinkedIn's suggestions are generated). 400 for a malformed
/// URN, 403 for another mailbox, 404 for an unknown conversation; a `mailboxUrn` must be the
/// caller's (403).
pub(super) fn quick_replies(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    if vars.as_ref().and_then(|v| leaf(v, "mailboxUrn")).is_some()
        && let Err(answer) = own_mailbox(vars.as_ref(), me)
    {
        return answer;
    }
    let mut elements = Vec::new();
    if let Some(urn) = vars.as_ref().and_then(|v| leaf(v, "conversationUrn")) {
        let index = match find_conversation(world, call.me, urn) {
            Ok(i) => i,
            Err(status) => return Answer::error(status),
        };
        if waiting_for_reply(&world.conversations[index]).is_some() {
            elements = QUICK_REPLIES
                .iter()
                .map(|t| json!({"_type": "com.linkedin.messenger.QuickReply", "content": attributed(t)}))
                .collect();
        }
    }
    messenger_collection(call.endpoint, elements, None)
}

// ---------------------------------------------------------------------------------------
// Messaging /graphql and REST reads
// ---------------------------------------------------------------------------------------

/// Catalogue `messaging_affiliated_mailboxes` (variables not recorded): under its data root,
/// the mailboxes of pages the member manages, as a collection with inline `elements` and no
/// paging (seq 63, whose member manages two pages). The world has no page administrators, so
/// the collection is empty.
pub(super) fn affiliated_mailboxes(call: &mut Call<'_>) -> Answer {
    super::graphql(call.endpoint, super::elements(Vec::new()))
}

/// Catalogue `messaging_away_status` (variables not recorded): the member's away messages
/// under its data root (LinkedIn's `…ByMember`, seq 62), a collection with inline
/// `elements` and no paging (seq 62), empty because nobody in the world has set an away
/// status (nor had the recorder).
pub(super) fn away_status(call: &mut Call<'_>) -> Answer {
    super::graphql(call.endpoint, super::elements(Vec::new()))
}

/// `GET /voyagerMessagingDashSecondaryInbox?q=previewBanner`: the banner over the inbox that
/// points at message requests (the `SECONDARY_INBOX` conversations). Inferred shape: a
/// collection with one `com.linkedin.voyager.dash.messaging.SecondaryInboxPreviewBanner`
/// (`urn:li:fsd_messagingSecondaryInboxPreviewBanner:<profile id>`, a `bannerText`, the number
/// of requests and how many are unread) when there are requests, none otherwise. Reading or
/// marking a request read changes the unread number.
pub(super) fn secondary_inbox_banner(call: &mut Call<'_>) -> Answer {
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let requests: Vec<&Conversation> = mailbox(world, call.me)
        .iter()
        .filter(|c| c.category == "SECONDARY_INBOX")
        .collect();
    let unread = requests.iter().filter(|c| !c.read).count();
    let elements: Vec<Value> = if requests.is_empty() {
        Vec::new()
    } else {
        let n = requests.len();
        let banner = if n == 1 {
            "1 message request".to_owned()
        } else {
            format!("{n} message requests")
        };
        vec![json!({
            "entityUrn": format!("urn:li:fsd_messagingSecondaryInboxPreviewBanner:{}", me.profile_id),
            "bannerText": text(&banner),
            "conversationCount": n,
            "unreadConversationCount": unread,
            "$type": "com.linkedin.voyager.dash.messaging.SecondaryInboxPreviewBanner",
        })]
    };
    Answer::ok(dash_collection(
        format!("previewBanner:{}", me.profile_id),
        elements,
        10,
    ))
}

/// A dash REST collection as seqs 60 and 77 give it: an `entityUrn`
/// (`urn:li:collectionResponse:<base64>`, stable per `key`), inline `elements` and `paging`
/// with `count`, `start` and `links` only.
fn dash_collection(key: String, elements: Vec<Value>, count: usize) -> Value {
    json!({
        "entityUrn": format!("urn:li:collectionResponse:{}", crate::BASE64.encode(key.as_bytes())),
        "elements": elements,
        "paging": {"count": count, "start": 0, "links": []},
        "$type": super::COLLECTION_TYPE,
    })
}

/// How old a message may be, in days, and still get a reply nudge (inferred).
const NUDGE_DAYS: std::ops::RangeInclusive<u64> = 1..=14;
/// Nudges per answer (the capture's `paging.count`).
const NUDGE_PAGE: usize = 10;

/// `GET /voyagerMessagingDashConversationNudges`: in the captured shape (voyager.md §6.1(b):
/// a collection with an `entityUrn`, inline `com.linkedin.voyager.dash.messaging.ConversationNudge`
/// elements with `nudgeText`, `messageUrn` (`urn:li:fsd_message:`) and `conversationUrn`
/// (`urn:li:fsd_conversation:`), `paging {count: 10, start: 0, links: []}`, `included: []`).
/// Which conversations get one is inferred: primary-inbox conversations whose last message is
/// from someone else and 1 to 14 days old ("Received 3 days ago. Reply?"), most recent first,
/// at most 10. Answering a conversation takes its nudge away.
pub(super) fn nudges(call: &mut Call<'_>) -> Answer {
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let mut waiting: Vec<(&Conversation, &crate::world::Message, u64)> = mailbox(world, call.me)
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX")
        .filter_map(|c| {
            let m = waiting_for_reply(c)?;
            let days = PRESENT_MS.saturating_sub(m.delivered_at) / DAY_MS;
            NUDGE_DAYS.contains(&days).then_some((c, m, days))
        })
        .collect();
    waiting.sort_by_key(|(_, m, _)| std::cmp::Reverse(m.delivered_at));
    let elements: Vec<Value> = waiting
        .iter()
        .take(NUDGE_PAGE)
        .map(|(c, m, days)| {
            let ago = if *days == 1 {
                "1 day".to_owned()
            } else {
                format!("{days} days")
            };
            let text = format!("Received {ago} ago. Reply?");
            json!({
                "nudgeText": {
                    "text": text,
                    "textDirection": "USER_LOCALE",
                    "attributesV2": [],
                    "accessibilityText": text,
                    "accessibilityTextAttributesV2": [],
                    "$type": super::TEXT_TYPE,
                },
                "messageUrn": format!("urn:li:fsd_message:{}", m.id),
                "conversationUrn": format!("urn:li:fsd_conversation:{}", c.thread_id),
                "trackingId": super::tracking_id(&m.id),
                "$type": "com.linkedin.voyager.dash.messaging.ConversationNudge",
            })
        })
        .collect();
    Answer::ok(dash_collection(
        format!("nudges:{}", me.profile_id),
        elements,
        NUDGE_PAGE,
    ))
}

// ---------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------

/// `POST /voyagerMessagingDashMessengerConversations?action=typing` with
/// `{"conversationUrn": <urn>}`: 202 and no body (the capture records the 202; the body is
/// not recorded, and a Rest.li action without a return value has none). The typing indicator
/// reaches the other participants' realtime streams (`typingIndicatorsTopic`, see
/// [`super::realtime::typing_events`]) and changes nothing that a read shows. 400 without a
/// conversation URN or with a malformed one, 403 for another mailbox, 404 for an unknown
/// conversation.
pub(super) fn typing(call: &mut Call<'_>) -> Answer {
    let body = call.json_body();
    let Some(urn) = body
        .as_ref()
        .and_then(|b| b.get("conversationUrn")?.as_str())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    match find_conversation(call.world, call.me, urn) {
        Ok(_) => Answer::no_body(StatusCode::ACCEPTED),
        Err(status) => Answer::error(status),
    }
}

/// `POST /voyagerMessagingDashMessengerMessageDeliveryAcknowledgements?action=sendDeliveryAcknowledgement`
/// with `{"messageUrns": [<urn:li:msg_message:(…)>], "clientId": "voyager-web",
/// "deliveryMechanism": "SYNC" | "REALTIME", "clientConsumedAt": <ms>}`: 204 and no body, as
/// captured. Delivery is not shown by any read, so nothing changes. 400 for an empty or
/// non-list `messageUrns`, a malformed URN, a missing `clientId`, another mechanism or a
/// `clientConsumedAt` that is not a time; 403 for a message of another mailbox, 404 for an
/// unknown message.
pub(super) fn delivery_ack(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let urns: Option<Vec<&str>> = body
        .get("messageUrns")
        .and_then(Value::as_array)
        .and_then(|items| items.iter().map(Value::as_str).collect());
    let client = body.get("clientId").and_then(Value::as_str);
    let mechanism = body.get("deliveryMechanism").and_then(Value::as_str);
    let consumed = body.get("clientConsumedAt").and_then(Value::as_u64);
    let (Some(urns), Some(client), Some(mechanism), Some(_)) = (urns, client, mechanism, consumed)
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if urns.is_empty() || client.is_empty() || !matches!(mechanism, "SYNC" | "REALTIME") {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    for urn in urns {
        if let Err(status) = find_message(call.world, call.me, urn) {
            return Answer::error(status);
        }
    }
    Answer::no_body(StatusCode::NO_CONTENT)
}

/// `POST /voyagerMessagingDashMessagingBadge?action=markAllMessagesAsSeen` with
/// `{"until": <ms>}`: clears the messaging badge up to that time (a time before the last one
/// changes nothing), which `messengerMailboxCounts` shows as `unseenConversationCount`. 200
/// and no body (the capture records the 200; the body is not recorded). 400 without a
/// non-negative integer `until`.
pub(super) fn mark_all_seen(call: &mut Call<'_>) -> Answer {
    let until = call
        .json_body()
        .and_then(|b| b.get("until").and_then(Value::as_u64));
    let Some(until) = until else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &mut *call.world;
    if call.me == 0 {
        world.messages_seen_until = world.messages_seen_until.max(until);
    }
    Answer::no_body(StatusCode::OK)
}

/// `POST /voyagerMessagingDashMessengerConversations/<conversation urn>` with `{"patch":
/// {"$set": {"title": <text>}}}` (peers.md §b.MX "rename"; not recorded): the group
/// conversation's new title, which the messenger reads show and the owner's realtime stream
/// gets as a conversation update. 204 and no body (inferred, as a Rest.li partial update
/// answers). 400 for a malformed URN or body or an empty title, and for a 1:1 conversation
/// (only groups have titles: inferred); 403 for another mailbox, 404 for an unknown
/// conversation.
pub(super) fn rename(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("conversationUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let title = call
        .json_body()
        .and_then(|b| b.pointer("/patch/$set/title")?.as_str().map(str::to_owned))
        .filter(|t| !t.trim().is_empty());
    let Some(title) = title else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let index = match find_conversation(call.world, call.me, &urn) {
        Ok(i) => i,
        Err(status) => return Answer::error(status),
    };
    if call.world.conversations[index].participants.len() < 2 {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    call.world.conversations[index].title = Some(title);
    super::messaging::changed(call.world, index);
    Answer::no_body(StatusCode::NO_CONTENT)
}

/// How recently a member must have done something to show as online (inferred).
const ONLINE_WITHIN_MS: u64 = 15 * MINUTE_MS;

/// When person `p` last did something the world records: a message in the demo mailbox, a
/// post or a comment.
fn last_active(world: &World, p: usize) -> Option<u64> {
    let messages = world
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter())
        .filter(|m| m.sender == p)
        .map(|m| m.delivered_at);
    let posts = world
        .posts
        .iter()
        .filter(|post| post.author == crate::world::Author::Person(p))
        .map(|post| post.created_at);
    let comments = world
        .posts
        .iter()
        .flat_map(|post| post.comments.iter())
        .filter(|c| c.author == p)
        .map(|c| c.created_at);
    messages.chain(posts).chain(comments).max()
}

/// `POST /messaging/dash/presenceStatuses` with the form body `ids=List(<percent-encoded
/// urn:li:fsd_profile:…>,…)` (the Rest.li text as in a query string): a batch get answering
/// `{"results": {<urn>: status}, "errors": {<urn>: {"status": 404}}}` for unknown members.
/// Inferred: the status's keys (`availability` `ONLINE` or `OFFLINE`, `lastActiveAt`,
/// `instantlyReachable`) and its rule: online when the member's last recorded activity (a
/// message, a post, a comment) is within 15 minutes of the messaging clock (the latest
/// message or invitation, which each write moves on: whoever just sent a message is online).
/// A read, though sent as a POST. 400 for a body that is not such a form, an empty list or
/// an id that is not an `fsd_profile` URN.
pub(super) fn presence(call: &mut Call<'_>) -> Answer {
    let ids: Option<Vec<String>> = std::str::from_utf8(call.body)
        .ok()
        .and_then(|form| restli::Query::parse(form).ok())
        .and_then(|query| match query.value("ids") {
            Ok(Some(restli::Value::List(items))) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => None,
        });
    let Some(ids) = ids else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if ids.is_empty() || ids.iter().any(|u| !u.starts_with("urn:li:fsd_profile:")) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    // The messaging clock: the latest message or invitation, which new writes move on.
    let now = world_now(world);
    let mut results = Map::new();
    let mut errors = Map::new();
    for urn in ids {
        let id = &urn["urn:li:fsd_profile:".len()..];
        let Some(p) = world.people.iter().position(|p| p.profile_id == id) else {
            errors.insert(urn, json!({"status": 404}));
            continue;
        };
        let last = last_active(world, p);
        let online = last.is_some_and(|t| t.saturating_add(ONLINE_WITHIN_MS) >= now);
        results.insert(
            urn,
            json!({
                "availability": if online { "ONLINE" } else { "OFFLINE" },
                "lastActiveAt": last,
                "instantlyReachable": online,
                "$type": "com.linkedin.voyager.dash.messaging.presence.MessagingPresenceStatus",
            }),
        );
    }
    Answer::ok(json!({"results": results, "errors": errors}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_tokens_name_their_mailbox_and_revision() {
        let me = Person {
            profile_id: "ACoAAB".into(),
            ..Person::default()
        };
        let other = Person {
            profile_id: "ACoAAC".into(),
            ..Person::default()
        };
        let token = sync_token(&me, 7);
        assert_eq!(token_revision(&me, &token), Some(7));
        assert_eq!(token_revision(&other, &token), None);
        assert_eq!(token_revision(&me, "not a token"), None);
    }
}
