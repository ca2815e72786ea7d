//! Messaging: the messenger GraphQL reads of conversations and messages
//! (`/voyagerMessagingGraphQL/graphql`), sending a message and marking conversations read
//! (`/voyagerMessagingDash*`), and the mailbox helpers the other messaging modules share
//! ([`super::messenger`], [`super::legacy_inbox`], [`super::invitations`]).
//!
//! The mailbox is the demo account's (`people[0]`): any other caller has an empty one. The
//! messenger GraphQL answers are nested with `_type` keys (LinkedIn does not normalize them).

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Map, Value, json};

use linkedin_catalogue::Endpoint;

use super::conversations::{Last, Sender, conversation, message};
pub(super) use super::conversations::{conversation_urn, profile_urn};
use super::{Answer, Call, variables};
use crate::world::{Conversation, Message, Person, World, linkedin_id};

/// Messages per page of a conversation (`messenger_messages*`, legacy events).
pub(super) const MESSAGE_PAGE: usize = 20;

// ---------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------

/// The caller's mailbox: the world's conversations for the demo account, none for anyone else.
pub(super) fn mailbox(world: &World, me: usize) -> &[Conversation] {
    if me == 0 { &world.conversations } else { &[] }
}

/// A `com.linkedin.voyager.identity.shared.MiniProfile`.
pub(super) fn mini_profile(p: &Person) -> Value {
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
        .map(|c| {
            let last = match listing {
                // Not recorded: the last message's sender is whole, as in a conversation's
                // messages (seq 51's conversation list gives its ids only).
                Listing::Search => Last::With(Sender::Whole),
                Listing::Category => Last::None,
            };
            conversation(world, &degrees, me, c, last)
        })
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
/// (by `deliveredAt`: the `countBefore` messages delivered before the anchor, 20 without it,
/// as the browser asks at seq 117, and the `countAfter` ones delivered at or after it, none
/// without it; inferred from the variables' names), newest first, in seq 70's projection.
/// 400 for a count that is not a number up to 100.
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
    let count = |key: &str, default: usize| match leaf(&vars, key) {
        None => Some(default),
        Some(n) => n.parse::<usize>().ok().filter(|n| *n <= 100),
    };
    let (Some(count_before), Some(count_after)) =
        (count("countBefore", MESSAGE_PAGE), count("countAfter", 0))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
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
    let from = older.len().saturating_sub(count_before);
    let after: Vec<&Message> = c
        .messages
        .iter()
        .filter(|m| before && m.delivered_at >= anchor)
        .take(count_after)
        .collect();
    let elements = after
        .into_iter()
        .rev()
        .chain(older[from..].iter().rev().copied())
        .map(|m| message(world, &degrees, me, c, m, Sender::Whole))
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
/// the top of the primary inbox. A `conversationTitle` (MX) names a new group conversation (two
/// recipients or more); given with a `conversationUrn` or a single recipient it is a 400
/// (inferred). Answers `{"value": <com.linkedin.messenger.Message>}`.
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
    let title = match body.get("conversationTitle") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) if !t.trim().is_empty() => Some(t.clone()),
        Some(_) => return Answer::error(StatusCode::BAD_REQUEST),
    };
    if title.is_some() && recipients.as_ref().is_none_or(|r| r.len() < 2) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let me = call.me;
    let files = match message_files(call, me, body.pointer("/message/renderContentUnions")) {
        Ok(files) => files,
        Err(status) => return Answer::error(status),
    };
    if text.is_empty() && files.is_empty() {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(person) = call.world.people.get(me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    if mailbox_urn != profile_urn(person) {
        return Answer::error(StatusCode::FORBIDDEN);
    }
    let found = match (urn, recipients) {
        (Some(urn), None) if me != 0 => counterpart_conversation(call.world, me, urn),
        (Some(urn), None) => find_conversation(call.world, me, urn),
        (None, Some(recipients)) if me != 0 => {
            counterpart_conversation_with(call.world, me, &recipients)
        }
        (None, Some(recipients)) => conversation_with(call.world, me, &recipients),
        _ => Err(StatusCode::BAD_REQUEST),
    };
    let index = match found {
        Ok(i) => i,
        Err(status) => return Answer::error(status),
    };
    let at = world_now(call.world) + 1_000;
    let c = &call.world.conversations[index];
    // `<ms>b<5 digits>-<3 digits>&<thread payload>`, as LinkedIn's message ids decode.
    let payload = crate::world::thread_payload(&c.thread_id);
    let raw = format!("{at}b{:05}-000&{payload}", c.messages.len() % 100_000);
    let sent = Message {
        id: linkedin_id(raw.as_bytes()),
        sender: me,
        text: text.to_owned(),
        delivered_at: at,
        origin_token: origin,
        files,
        ..Message::default()
    };
    let c = &mut call.world.conversations[index];
    if c.messages.is_empty() && title.is_some() {
        c.title = title;
    }
    c.messages.push(sent);
    // The mailbox is the demo account's: its own message leaves the conversation read, a
    // participant's leaves it unread.
    c.read = me == 0;
    changed(call.world, index);
    let world = &*call.world;
    let c = &world.conversations[index];
    let degrees = world.degrees_from(me);
    let Some(m) = c.messages.last() else {
        return Answer::error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    let value = message(world, &degrees, me, c, m, Sender::Whole);
    Answer::ok(json!({"value": dollar_types(value)}))
}

/// The files of a message's `renderContentUnions`: each `{"file": {assetUrn, byteSize,
/// mediaType, name, url}}` (public code validated in August 2026, fs:60052855713), its asset
/// a `MESSAGING_FILE_ATTACHMENT` of the caller's whose bytes came, its size theirs, its url
/// the browser's `blob:` one; anything else in the list, or a field missing, is a 400
/// (inferred), as is a missing list (the web app always sends one).
fn message_files(
    call: &Call<'_>,
    me: usize,
    unions: Option<&Value>,
) -> Result<Vec<crate::world::MessageFile>, StatusCode> {
    let Some(Value::Array(unions)) = unions else {
        return Err(StatusCode::BAD_REQUEST);
    };
    let mut files = Vec::with_capacity(unions.len());
    for union in unions {
        let file = union.get("file").ok_or(StatusCode::BAD_REQUEST)?;
        let field = |name: &str| file.get(name).and_then(Value::as_str);
        let (Some(urn), Some(size), Some(media_type), Some(name), Some(url)) = (
            field("assetUrn"),
            file.get("byteSize").and_then(Value::as_u64),
            field("mediaType"),
            field("name"),
            field("url"),
        ) else {
            return Err(StatusCode::BAD_REQUEST);
        };
        let asset = urn
            .strip_prefix("urn:li:digitalmediaAsset:")
            .ok_or(StatusCode::BAD_REQUEST)?;
        let upload = call
            .world
            .uploads
            .iter()
            .find(|u| {
                u.asset == asset
                    && u.person == me
                    && u.uploaded
                    && u.kind == "MESSAGING_FILE_ATTACHMENT"
            })
            .ok_or(StatusCode::BAD_REQUEST)?;
        if upload.size != size || !url.starts_with("blob:") || name.trim().is_empty() {
            return Err(StatusCode::BAD_REQUEST);
        }
        files.push(crate::world::MessageFile {
            asset: asset.to_owned(),
            name: name.to_owned(),
            size,
            media_type: media_type.to_owned(),
            url: format!(
                "{}{}{asset}?t={}",
                call.origin,
                super::publishing::FILE_PATH,
                upload.token
            ),
        });
    }
    Ok(files)
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
            title: None,
            revision: 0,
        },
    );
    Ok(0)
}

/// For a caller other than the demo account (a participant of its conversations, logged in
/// with [`SandboxHandle::member_cookies`](crate::SandboxHandle::member_cookies)): the
/// conversation of the demo account's mailbox that `urn` names in the caller's own mailbox
/// (`urn:li:msg_conversation:(<caller>,<thread>)`), when the caller takes part in it. Their
/// messages go there, from the demo account's point of view a message received. 400 for a
/// malformed URN, 403 for another mailbox, 404 for a conversation the caller is not in.
fn counterpart_conversation(world: &World, me: usize, urn: &str) -> Result<usize, StatusCode> {
    let (owner, thread) = split_conversation_urn(urn).ok_or(StatusCode::BAD_REQUEST)?;
    let person = world.people.get(me).ok_or(StatusCode::UNAUTHORIZED)?;
    if owner != profile_urn(person) {
        return Err(StatusCode::FORBIDDEN);
    }
    world
        .conversations
        .iter()
        .position(|c| c.thread_id == thread && c.participants.contains(&me))
        .ok_or(StatusCode::NOT_FOUND)
}

/// For a caller other than the demo account: the 1:1 conversation with the demo account a
/// first message to `[<demo account's urn>]` goes to. Only the demo account has a mailbox,
/// so a message to anyone else, or to the demo account from a member it has no conversation
/// with, is 403.
fn counterpart_conversation_with(
    world: &World,
    me: usize,
    recipients: &[&str],
) -> Result<usize, StatusCode> {
    let demo = world.people.first().ok_or(StatusCode::FORBIDDEN)?;
    if recipients != [profile_urn(demo).as_str()] {
        return Err(StatusCode::FORBIDDEN);
    }
    world
        .conversations
        .iter()
        .position(|c| c.participants == [me])
        .ok_or(StatusCode::FORBIDDEN)
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
