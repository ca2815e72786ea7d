//! Messaging and invitations: the messenger GraphQL reads (`/voyagerMessagingGraphQL/graphql`),
//! sending a message and marking conversations read (`/voyagerMessagingDash*`), the legacy
//! `/messaging/conversations` reads, and received, sent, answered and new invitations.
//!
//! The mailbox is the demo account's (`people[0]`): any other caller has an empty one. The
//! messenger GraphQL answers are nested with `_type` keys (LinkedIn does not normalize them).

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Map, Value, json};

use linkedin_catalogue::Endpoint;

use super::{Answer, Call, variables};
use crate::world::{Conversation, Invitation, Message, Person, World, linkedin_id};

/// Messages per page of a conversation (`messenger_messages*`, legacy events).
const MESSAGE_PAGE: usize = 20;
/// Conversations per page of the legacy inbox.
const LEGACY_PAGE: usize = 20;
/// The longest invitation note.
const MAX_NOTE: usize = 300;

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// The caller's mailbox: the world's conversations for the demo account, none for anyone else.
pub(super) fn mailbox(world: &World, me: usize) -> &[Conversation] {
    if me == 0 { &world.conversations } else { &[] }
}

/// `urn:li:fsd_profile:<id>` of a person.
pub(super) fn profile_urn(p: &Person) -> String {
    format!("urn:li:fsd_profile:{}", p.profile_id)
}

/// `urn:li:msg_conversation:(urn:li:fsd_profile:<me>,<thread>)`.
pub(super) fn conversation_urn(me: &Person, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", profile_urn(me))
}

/// The (mailbox URN, thread id) of a `urn:li:msg_conversation:(...)`.
pub(super) fn split_conversation_urn(urn: &str) -> Option<(&str, &str)> {
    urn.strip_prefix("urn:li:msg_conversation:(")?
        .strip_suffix(')')?
        .split_once(',')
}

/// Records a change to the mailbox's conversation `index` (a message, read or unread): it
/// takes the next [`World::mailbox_revision`], so a messenger sync after it sees the change.
pub(super) fn changed(world: &mut World, index: usize) {
    world.mailbox_revision += 1;
    if let Some(c) = world.conversations.get_mut(index) {
        c.revision = world.mailbox_revision;
    }
}

/// The latest time anything happened in the world: "now" for new messages and invitations
/// is one second after it.
pub(super) fn world_now(world: &World) -> u64 {
    let messages = world
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter().map(|m| m.delivered_at));
    let invitations = world.invitations.iter().map(|i| i.sent_at);
    messages.chain(invitations).max().unwrap_or(0)
}

pub(super) fn last_activity(c: &Conversation) -> u64 {
    c.messages.last().map_or(0, |m| m.delivered_at)
}

/// Messages the mailbox owner has not read: the trailing run from others, at least one for a
/// conversation marked unread.
pub(super) fn unread_count(c: &Conversation) -> usize {
    if c.read {
        0
    } else {
        c.messages
            .iter()
            .rev()
            .take_while(|m| m.sender != 0)
            .count()
            .max(1)
    }
}

/// LinkedIn's categories of a conversation: the inbox ones also carry `INBOX`.
pub(super) fn categories(c: &Conversation) -> Vec<&str> {
    match c.category.as_str() {
        "PRIMARY_INBOX" | "SECONDARY_INBOX" => vec!["INBOX", c.category.as_str()],
        other => vec![other],
    }
}

/// The opaque `nextCursor` of a page that ends before `offset` (`MCY1` is `0&5`).
pub(super) fn cursor(offset: usize) -> String {
    crate::BASE64.encode(format!("0&{offset}").as_bytes())
}

/// The offset a cursor stands for.
pub(super) fn cursor_offset(cursor: &str) -> Option<usize> {
    let text = String::from_utf8(crate::BASE64.decode(cursor).ok()?).ok()?;
    text.strip_prefix("0&")?.parse().ok()
}

/// The text of a Rest.li leaf.
pub(super) fn leaf<'v>(v: &'v restli::Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(restli::Value::as_str)
}

/// Renames every `_type` to `$type`: the messenger shapes as a REST answer carries them.
fn dollar_types(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let k = if k == "_type" { "$type".to_owned() } else { k };
                    (k, dollar_types(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(dollar_types).collect()),
        other => other,
    }
}

pub(super) fn attributed(text: &str) -> Value {
    json!({"_type": "com.linkedin.pemberly.text.AttributedText", "attributes": [], "text": text})
}

/// A `com.linkedin.messenger.MessagingParticipant`.
pub(super) fn participant(world: &World, degrees: &[Option<u32>], p: usize) -> Value {
    let Some(person) = world.people.get(p) else {
        return Value::Null;
    };
    json!({
        "_type": "com.linkedin.messenger.MessagingParticipant",
        "hostIdentityUrn": profile_urn(person),
        "entityUrn": format!("urn:li:msg_messagingParticipant:{}", profile_urn(person)),
        "backendUrn": format!("urn:li:member:{}", person.member_id),
        "preview": null,
        "participantType": {
            "member": {
                "_type": "com.linkedin.messenger.MemberParticipantInfo",
                "profileUrl": format!("https://www.linkedin.com/in/{}", person.profile_id),
                "firstName": attributed(&person.first_name),
                "lastName": attributed(&person.last_name),
                "headline": attributed(&person.headline),
                "distance": super::member_distance(degrees.get(p).copied().flatten()),
            },
            "agent": null,
            "custom": null,
            "organization": null,
        },
    })
}

/// A `com.linkedin.messenger.Message` of conversation `c` in `me`'s mailbox.
pub(super) fn message_json(
    world: &World,
    degrees: &[Option<u32>],
    me: usize,
    c: &Conversation,
    m: &Message,
) -> Value {
    let owner = &world.people[me];
    let sender = participant(world, degrees, m.sender);
    json!({
        "_type": "com.linkedin.messenger.Message",
        "entityUrn": format!("urn:li:msg_message:({},{})", profile_urn(owner), m.id),
        "backendUrn": format!("urn:li:messagingMessage:{}", m.id),
        "backendConversationUrn": format!("urn:li:messagingThread:{}", c.thread_id),
        "deliveredAt": m.delivered_at,
        "body": attributed(&m.text),
        "sender": sender.clone(),
        "actor": sender,
        "conversation": {
            "_type": "com.linkedin.messenger.Conversation",
            "entityUrn": conversation_urn(owner, &c.thread_id),
        },
        "reactionSummaries": [],
        "renderContent": [],
        "messageBodyRenderFormat": "DEFAULT",
        "subject": null,
        "footer": null,
        "originToken": null,
        "inlineWarning": null,
        "incompleteRetriableData": false,
    })
}

/// A `com.linkedin.messenger.Conversation`; `with_last` embeds the last message.
pub(super) fn conversation_json(
    world: &World,
    degrees: &[Option<u32>],
    me: usize,
    c: &Conversation,
    with_last: bool,
) -> Value {
    let owner = &world.people[me];
    let participants: Vec<Value> = std::iter::once(me)
        .chain(c.participants.iter().copied())
        .map(|p| participant(world, degrees, p))
        .collect();
    let mut out = json!({
        "_type": "com.linkedin.messenger.Conversation",
        "entityUrn": conversation_urn(owner, &c.thread_id),
        "backendUrn": format!("urn:li:messagingThread:{}", c.thread_id),
        "categories": categories(c),
        "conversationParticipants": participants,
        "conversationUrl": format!("https://www.linkedin.com/messaging/thread/{}/", c.thread_id),
        "createdAt": c.messages.first().map_or(0, |m| m.delivered_at),
        "lastActivityAt": last_activity(c),
        "read": c.read,
        "unreadCount": unread_count(c),
        "groupChat": c.participants.len() > 1,
        "notificationStatus": "ACTIVE",
        "incompleteRetriableData": false,
    });
    if with_last && let Value::Object(map) = &mut out {
        let last: Vec<Value> = c
            .messages
            .last()
            .map(|m| message_json(world, degrees, me, c, m))
            .into_iter()
            .collect();
        map.insert("messages".into(), json!({"elements": last}));
    }
    out
}

/// A messenger GraphQL collection of `endpoint`: `{"data": {<its data root>: {"_type":
/// …CollectionResponse, "elements": [...], "metadata": {...}}}}`, without `metadata` when
/// there is none.
pub(super) fn messenger_collection(
    endpoint: &Endpoint,
    elements: Vec<Value>,
    metadata: Option<Value>,
) -> Answer {
    let mut collection = json!({
        "_type": "com.linkedin.restli.common.CollectionResponse",
        "elements": elements,
    });
    if let (Some(metadata), Value::Object(map)) = (metadata, &mut collection) {
        map.insert("metadata".to_owned(), metadata);
    }
    super::graphql(endpoint, collection)
}

// ---------------------------------------------------------------------------------------
// Conversations (GraphQL)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Listing {
    /// Catalogue `messenger_conversations_search`: categories, read and keyword filters, last
    /// message.
    Search,
    /// Catalogue `messenger_conversations_category`: one category, no embedded messages.
    Category,
}

/// `messenger_conversations_search` and `messenger_conversations_category`.
pub(super) fn conversations(call: &mut Call<'_>, listing: Listing) -> Answer {
    let Some(vars) = variables(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(me) = call.world.people.get(call.me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    let Some(mailbox_urn) = leaf(&vars, "mailboxUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if mailbox_urn != profile_urn(me) {
        return Answer::error(StatusCode::FORBIDDEN);
    }
    let Some(count) = leaf(&vars, "count").and_then(|c| c.parse::<usize>().ok()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if count == 0
        || call
            .endpoint
            .max_count
            .is_some_and(|max| count > max as usize)
    {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let start = match leaf(&vars, "nextCursor") {
        None => 0,
        Some(c) => match cursor_offset(c) {
            Some(n) => n,
            None => return Answer::error(StatusCode::BAD_REQUEST),
        },
    };
    let wanted: Vec<String> = match listing {
        Listing::Search => match vars.get("categories").and_then(restli::Value::as_list) {
            Some(list) => list
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            None => return Answer::error(StatusCode::BAD_REQUEST),
        },
        Listing::Category => {
            let predicates = vars
                .get("query")
                .and_then(|q| q.get("predicateUnions"))
                .and_then(restli::Value::as_list)
                .unwrap_or_default();
            let found: Vec<String> = predicates
                .iter()
                .filter_map(|p| {
                    p.get("conversationCategoryPredicate")
                        .and_then(|c| leaf(c, "category"))
                        .map(str::to_owned)
                })
                .collect();
            if found.is_empty() {
                vec!["PRIMARY_INBOX".to_owned()]
            } else {
                found
            }
        }
    };
    let read = match leaf(&vars, "read") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let first_degree = leaf(&vars, "firstDegreeConnections") == Some("true");
    let keywords = leaf(&vars, "keywords").map(str::to_lowercase);

    let world = &*call.world;
    let me = call.me;
    let degrees = world.degrees_from(me);
    let name_of = |p: usize| {
        world
            .people
            .get(p)
            .map(|p| p.full_name().to_lowercase())
            .unwrap_or_default()
    };
    let mut matching: Vec<&Conversation> = mailbox(world, me)
        .iter()
        .filter(|c| categories(c).iter().any(|k| wanted.iter().any(|w| w == k)))
        .filter(|c| read.is_none_or(|r| c.read == r))
        .filter(|c| {
            !first_degree
                || c.participants
                    .iter()
                    .all(|p| degrees.get(*p) == Some(&Some(1)))
        })
        .filter(|c| {
            keywords.as_deref().is_none_or(|k| {
                c.participants.iter().any(|&p| name_of(p).contains(k))
                    || c.messages.iter().any(|m| m.text.to_lowercase().contains(k))
            })
        })
        .collect();
    matching.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let end = start.saturating_add(count).min(matching.len());
    let page = matching.get(start..end).unwrap_or_default();
    let next = (end < matching.len()).then(|| cursor(end));
    let elements = page
        .iter()
        .map(|c| conversation_json(world, &degrees, me, c, listing == Listing::Search))
        .collect();
    match listing {
        Listing::Search => messenger_collection(
            call.endpoint,
            elements,
            Some(
                json!({"_type": "com.linkedin.messenger.MessageMetadata", "nextCursor": next, "prevCursor": null}),
            ),
        ),
        Listing::Category => messenger_collection(
            call.endpoint,
            elements,
            Some(
                json!({"_type": "com.linkedin.messenger.ConversationCursorMetadata", "nextCursor": next}),
            ),
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Messages (GraphQL) and sending
// ---------------------------------------------------------------------------------------

/// The index in the caller's mailbox of the conversation `urn` names: 400 for a malformed
/// URN, 403 for another mailbox, 404 for an unknown thread.
pub(super) fn find_conversation(world: &World, me: usize, urn: &str) -> Result<usize, StatusCode> {
    let (owner, thread) = split_conversation_urn(urn).ok_or(StatusCode::BAD_REQUEST)?;
    let person = world.people.get(me).ok_or(StatusCode::UNAUTHORIZED)?;
    if owner != profile_urn(person) {
        return Err(StatusCode::FORBIDDEN);
    }
    mailbox(world, me)
        .iter()
        .position(|c| c.thread_id == thread)
        .ok_or(StatusCode::NOT_FOUND)
}

/// `messenger_messages` (the latest page, with a sync token) and `messenger_messages_before`
/// (the page before the `deliveredAt` anchor). Newest first.
pub(super) fn messages(call: &mut Call<'_>, before: bool) -> Answer {
    let Some(vars) = variables(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(urn) = leaf(&vars, "conversationUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let anchor = if before {
        match leaf(&vars, "deliveredAt").and_then(|d| d.parse::<u64>().ok()) {
            Some(a) => a,
            None => return Answer::error(StatusCode::BAD_REQUEST),
        }
    } else {
        u64::MAX
    };
    let world = &*call.world;
    let me = call.me;
    let index = match find_conversation(world, me, urn) {
        Ok(i) => i,
        Err(status) => return Answer::error(status),
    };
    let c = &world.conversations[index];
    let degrees = world.degrees_from(me);
    let older: Vec<&Message> = c
        .messages
        .iter()
        .filter(|m| m.delivered_at < anchor)
        .collect();
    let from = older.len().saturating_sub(MESSAGE_PAGE);
    let elements = older[from..]
        .iter()
        .rev()
        .map(|m| message_json(world, &degrees, me, c, m))
        .collect();
    if before {
        let next = (from > 0)
            .then(|| crate::BASE64.encode(older[from].delivered_at.to_string().as_bytes()));
        messenger_collection(
            call.endpoint,
            elements,
            Some(
                json!({"_type": "com.linkedin.messenger.MessageMetadata", "nextCursor": next, "prevCursor": null}),
            ),
        )
    } else {
        let token =
            crate::BASE64.encode(format!("{}&{}", c.thread_id, last_activity(c)).as_bytes());
        messenger_collection(
            call.endpoint,
            elements,
            Some(json!({
                "_type": "com.linkedin.messenger.SyncMetadata",
                "deletedUrns": [],
                "shouldClearCache": true,
                "newSyncToken": token,
            })),
        )
    }
}

/// `POST /voyagerMessagingDashMessengerMessages?action=createMessage`: a message from the
/// caller, either a reply in one of its conversations (`message.conversationUrn`) or the first
/// message to `hostRecipientUrns` (`urn:li:fsd_profile:` URNs, as the web app and MX start
/// conversations; the reference records the field, not whether `conversationUrn` is then left
/// out, so the sandbox takes exactly one of the two and answers 400 to both or neither). A
/// single recipient the caller already has a 1:1 conversation with gets the message there, as
/// LinkedIn keeps one conversation per pair of members; otherwise a new conversation appears at
/// the top of the primary inbox. Answers `{"value": <com.linkedin.messenger.Message>}`.
pub(super) fn create_message(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let text = body.pointer("/message/body/text").and_then(Value::as_str);
    let urn = body
        .pointer("/message/conversationUrn")
        .and_then(Value::as_str);
    let recipients: Option<Vec<&str>> = match body.get("hostRecipientUrns") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => match items.iter().map(Value::as_str).collect() {
            Some(urns) => Some(urns),
            None => return Answer::error(StatusCode::BAD_REQUEST),
        },
        Some(_) => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let mailbox_urn = body.get("mailboxUrn").and_then(Value::as_str);
    let origin = body
        .pointer("/message/originToken")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let (Some(text), Some(mailbox_urn)) = (text, mailbox_urn) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if text.is_empty() {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let me = call.me;
    let Some(person) = call.world.people.get(me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    if mailbox_urn != profile_urn(person) {
        return Answer::error(StatusCode::FORBIDDEN);
    }
    let found = match (urn, recipients) {
        (Some(urn), None) => find_conversation(call.world, me, urn),
        (None, Some(recipients)) => conversation_with(call.world, me, &recipients),
        _ => Err(StatusCode::BAD_REQUEST),
    };
    let index = match found {
        Ok(i) => i,
        Err(status) => return Answer::error(status),
    };
    let at = world_now(call.world) + 1_000;
    let c = &call.world.conversations[index];
    // `<ms>b<5 digits>-<digit>&<thread payload>`, as LinkedIn's message ids decode.
    let payload = c
        .thread_id
        .strip_prefix("2-")
        .and_then(|payload| crate::BASE64.decode(payload).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| c.thread_id.clone());
    let raw = format!("{at}b{:05}-0&{payload}", c.messages.len() % 100_000);
    let message = Message {
        id: linkedin_id(raw.as_bytes()),
        sender: me,
        text: text.to_owned(),
        delivered_at: at,
    };
    let c = &mut call.world.conversations[index];
    c.messages.push(message);
    c.read = true;
    changed(call.world, index);
    let world = &*call.world;
    let c = &world.conversations[index];
    let degrees = world.degrees_from(me);
    let Some(m) = c.messages.last() else {
        return Answer::error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let mut value = message_json(world, &degrees, me, c, m);
    if let Some(origin) = origin {
        value["originToken"] = Value::String(origin);
    }
    Answer::ok(json!({"value": dollar_types(value)}))
}

/// The index of the conversation a first message to `recipients` goes to: the caller's 1:1
/// conversation with a single recipient when there is one, else a new conversation at the top
/// of the primary inbox. 400 for an empty or repeated list, a malformed URN or the caller
/// among the recipients, 404 for an unknown member, 403 for a caller without a mailbox.
fn conversation_with(
    world: &mut World,
    me: usize,
    recipients: &[&str],
) -> Result<usize, StatusCode> {
    if recipients.is_empty() {
        return Err(StatusCode::BAD_REQUEST);
    }
    let mut people = Vec::with_capacity(recipients.len());
    for urn in recipients {
        let id = urn
            .strip_prefix("urn:li:fsd_profile:")
            .ok_or(StatusCode::BAD_REQUEST)?;
        let p = world
            .people
            .iter()
            .position(|p| p.profile_id == id)
            .ok_or(StatusCode::NOT_FOUND)?;
        if p == me || people.contains(&p) {
            return Err(StatusCode::BAD_REQUEST);
        }
        people.push(p);
    }
    // Only the demo account has a mailbox (see `mailbox`).
    if me != 0 {
        return Err(StatusCode::FORBIDDEN);
    }
    if let [one] = people.as_slice()
        && let Some(i) = world
            .conversations
            .iter()
            .position(|c| c.participants == [*one])
    {
        return Ok(i);
    }
    let at = world_now(world) + 1_000;
    let mut raw = format!("{at}_{:04}", world.conversations.len()).into_bytes();
    let thread_id = loop {
        let id = linkedin_id(&raw);
        if world.conversations.iter().all(|c| c.thread_id != id) {
            break id;
        }
        raw.push(b'_');
    };
    world.conversations.insert(
        0,
        Conversation {
            thread_id,
            participants: people,
            category: "PRIMARY_INBOX".to_owned(),
            read: true,
            messages: Vec::new(),
            revision: 0,
        },
    );
    Ok(0)
}

/// `POST /voyagerMessagingDashMessengerConversations?ids=List(...)` with
/// `{"entities": {<urn>: {"patch": {"$set": {"read": bool}}}}}`: a batch partial update;
/// answers `{"results": {<urn>: {"status": 204}}, "errors": {<urn>: {"status": N}}}`.
pub(super) fn mark_read(call: &mut Call<'_>) -> Answer {
    let ids: Vec<String> = match call.query.value("ids") {
        Ok(Some(restli::Value::List(items))) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(entities) = body.get("entities").and_then(Value::as_object) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if ids.is_empty() || entities.len() != ids.len() {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let mut changes = Vec::with_capacity(ids.len());
    for id in &ids {
        let read = entities
            .get(id)
            .and_then(|e| e.pointer("/patch/$set/read"))
            .and_then(Value::as_bool);
        let Some(read) = read else {
            return Answer::error(StatusCode::BAD_REQUEST);
        };
        changes.push((id, read));
    }
    let mut results = Map::new();
    let mut errors = Map::new();
    for (id, read) in changes {
        match find_conversation(call.world, call.me, id) {
            Ok(index) => {
                call.world.conversations[index].read = read;
                changed(call.world, index);
                results.insert(id.clone(), json!({"status": 204}));
            }
            Err(status) => {
                errors.insert(id.clone(), json!({"status": status.as_u16()}));
            }
        }
    }
    Answer::ok(json!({"results": results, "errors": errors}))
}

// ---------------------------------------------------------------------------------------
// Legacy messaging REST
// ---------------------------------------------------------------------------------------

/// A `com.linkedin.voyager.identity.shared.MiniProfile`.
fn mini_profile(p: &Person) -> Value {
    json!({
        "entityUrn": format!("urn:li:fs_miniProfile:{}", p.profile_id),
        "dashEntityUrn": profile_urn(p),
        "objectUrn": format!("urn:li:member:{}", p.member_id),
        "publicIdentifier": p.public_id,
        "firstName": p.first_name,
        "lastName": p.last_name,
        "occupation": p.headline,
        "$type": "com.linkedin.voyager.identity.shared.MiniProfile",
    })
}

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
fn legacy_event(world: &World, c: &Conversation, m: &Message, previous: Option<&Message>) -> Value {
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

/// The `createdBefore` query parameter: `None` when absent, `Err` when not a number.
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
pub(super) fn legacy_conversations(call: &mut Call<'_>) -> Answer {
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
                .map(|m| legacy_event(world, c, m, n.checked_sub(2).map(|i| &c.messages[i])))
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
pub(super) fn legacy_events(call: &mut Call<'_>) -> Answer {
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
            legacy_event(world, c, &c.messages[i], previous)
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
pub(super) fn legacy_by_participants(call: &mut Call<'_>) -> Answer {
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
pub(super) fn legacy_mark_seen(call: &mut Call<'_>) -> Answer {
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

// ---------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------

/// A `com.linkedin.voyager.relationships.invitation.Invitation`.
fn invitation_json(world: &World, inv: &Invitation) -> Value {
    let (Some(from), Some(to)) = (world.people.get(inv.from), world.people.get(inv.to)) else {
        return Value::Null;
    };
    let mut out = json!({
        "entityUrn": format!("urn:li:fs_relInvitation:{}", inv.id),
        "fromMember": mini_profile(from),
        "toMember": mini_profile(to),
        "invitee": {
            "miniProfile": mini_profile(to),
            "$type": "com.linkedin.voyager.relationships.invitation.ProfileInvitee",
        },
        "customMessage": inv.message.is_some(),
        "invitationType": "PENDING",
        "mailboxItemId": inv.id.to_string(),
        "sentTime": inv.sent_at,
        "sharedSecret": inv.shared_secret,
        "toMemberId": to.member_id.to_string(),
        "unseen": true,
        "$type": "com.linkedin.voyager.relationships.invitation.Invitation",
    });
    if let (Some(message), Value::Object(map)) = (&inv.message, &mut out) {
        map.insert("message".into(), Value::String(message.clone()));
    }
    out
}

/// A non-negative integer query parameter.
fn number(call: &Call<'_>, name: &str) -> Result<usize, ()> {
    call.text(name).and_then(|t| t.parse().ok()).ok_or(())
}

/// `invitations_received` (`/relationships/invitationViews?q=receivedInvitation`) and
/// `invitations_sent` (`/relationships/sentInvitationViewsV2`): newest first, start/count.
pub(super) fn invitations(call: &mut Call<'_>, received: bool) -> Answer {
    let (Ok(start), Ok(count)) = (number(call, "start"), number(call, "count")) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let me = call.me;
    let mut mine: Vec<&Invitation> = world
        .invitations
        .iter()
        .filter(|i| if received { i.to == me } else { i.from == me })
        .collect();
    mine.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    let total = mine.len();
    let elements: Vec<Value> = mine
        .into_iter()
        .skip(start)
        .take(count)
        .map(|i| json!({"invitation": invitation_json(world, i)}))
        .collect();
    let mut out = json!({
        "elements": elements,
        "paging": {
            "start": start,
            "count": count,
            "total": total,
            "links": [],
            "$type": "com.linkedin.restli.common.CollectionMetadata",
        },
        "$type": "com.linkedin.restli.common.CollectionResponse",
    });
    if !received && let Value::Object(map) = &mut out {
        map.insert(
            "metadata".into(),
            json!({
                "invitationType": "CONNECTION",
                "$type": "com.linkedin.voyager.relationships.invitation.SentInvitationsMetadata",
            }),
        );
    }
    Answer::ok(out)
}

/// `POST /relationships/invitations/{id}?action=accept|reject` with the invitation id and
/// shared secret: accepting connects the two members; either way the invitation goes.
pub(super) fn reply_invitation(call: &mut Call<'_>) -> Answer {
    let Some(id) = call
        .path_param("invitationId")
        .and_then(|i| i.parse::<u64>().ok())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let accept = match call.text("action").as_deref() {
        Some("accept") => true,
        Some("reject" | "ignore") => false,
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let body_id = match body.get("invitationId") {
        Some(Value::String(s)) => s.parse::<u64>().ok(),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    let secret = body.get("invitationSharedSecret").and_then(Value::as_str);
    let (Some(body_id), Some(secret)) = (body_id, secret) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if body_id != id {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &mut *call.world;
    let Some(index) = world
        .invitations
        .iter()
        .position(|i| i.id == id && i.to == call.me)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if world.invitations[index].shared_secret != secret {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let inv = world.invitations.remove(index);
    if accept {
        let pair = (inv.from.min(inv.to), inv.from.max(inv.to));
        if let Err(at) = world.connections.binary_search(&pair) {
            world.connections.insert(at, pair);
        }
    }
    Answer::ok(json!({}))
}

/// The 400 LinkedIn answers an invitation to someone already invited or connected.
fn cant_resend() -> Answer {
    Answer {
        status: StatusCode::BAD_REQUEST,
        body: json!({"data": {"status": 400, "code": "CANT_RESEND_YET"}, "included": []}),
    }
}

/// `POST /voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2` with
/// `{"invitee": {"inviteeUnion": {"memberProfile": <urn>}}, "customMessage": <note>}`.
pub(super) fn create_invitation(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(urn) = body
        .pointer("/invitee/inviteeUnion/memberProfile")
        .and_then(Value::as_str)
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let note = match body.get("customMessage") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Answer::error(StatusCode::BAD_REQUEST),
    };
    if note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(profile_id) = urn.strip_prefix("urn:li:fsd_profile:") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &mut *call.world;
    let Some(to) = world.people.iter().position(|p| p.profile_id == profile_id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if to == me {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let pending = world
        .invitations
        .iter()
        .any(|i| (i.from, i.to) == (me, to) || (i.from, i.to) == (to, me));
    if pending || world.connected(me, to) {
        return cant_resend();
    }
    let sent_at = world_now(world) + 1_000;
    let id = world.invitations.iter().map(|i| i.id).max().unwrap_or(0) + 1;
    let shared_secret: String = crate::BASE64
        .encode(id.to_be_bytes())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .rev()
        .take(8)
        .collect();
    world.invitations.insert(
        0,
        Invitation {
            id,
            shared_secret,
            from: me,
            to,
            message: note.filter(|n| !n.is_empty()),
            sent_at,
        },
    );
    Answer::ok(json!({}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_are_linkedins() {
        assert_eq!(cursor(5), "MCY1");
        assert_eq!(cursor_offset("MCY1"), Some(5));
        assert_eq!(cursor_offset(&cursor(1234)), Some(1234));
        assert_eq!(cursor_offset("not base64!"), None);
    }
}
