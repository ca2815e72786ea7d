//! The realtime payloads of changes of the world, in LinkedIn's two formats (peers.md §c.6),
//! for each member a change concerns: the demo account, whose mailbox it is, and the other
//! participants of the conversation.
//!
//! - **GraphQL-decorated** (a client that sends `x-li-query-accept: application/graphql` and
//!   an `x-li-query-map`): `payload.data.doDecorate<Kind>MessengerRealtimeDecoration.result`
//!   holds the entity in the messenger GraphQL shape ([`super::conversations`]): a
//!   `com.linkedin.messenger.Message` for `messagesTopic`, a `Conversation` for
//!   `conversationsTopic`, `{typingParticipant, conversation}` for `typingIndicatorsTopic`,
//!   `{seenAt, message, seenByParticipant}` for `messageSeenReceiptsTopic`.
//!   peers.md reconstructs this format from MX's struct tags (no verbatim capture).
//! - **Legacy** (any other client): `payload.event` with `eventContent` /
//!   `com.linkedin.voyager.messaging.event.MessageEvent` and a `from` MessagingMember for a
//!   message, as TX's real capture; `{action: "UPDATE", entityUrn, conversation}` for a
//!   conversation; the typing payload (`{fromEntity, conversation}`) is inferred.
//!
//! Which changes happened is found by comparing the mailbox before and after a write
//! ([`Snapshot`]): every write that changes a conversation moves its revision
//! ([`super::messaging::changed`]), so a message sent through any endpoint (the messenger's
//! `createMessage`, the legacy ones), a read or an unread is seen here without the endpoints
//! knowing about realtime.

use serde_json::{Value, json};

use linkedin_catalogue::Id;

use super::conversations::{
    Last, Sender, conversation, conversation_urn, message, participant, render_format,
};
use super::messaging::{last_activity, mini_profile, profile_urn, unread_count, world_now};
use crate::world::{Conversation, Message, World};

/// The realtime topics (the part of `urn:li-realtime:<topic>:urn:li-realtime:myself`).
pub(crate) const MESSAGES_TOPIC: &str = "messagesTopic";
/// Conversation changes: read, unread, archived.
pub(crate) const CONVERSATIONS_TOPIC: &str = "conversationsTopic";
/// Typing indicators.
pub(crate) const TYPING_TOPIC: &str = "typingIndicatorsTopic";
/// Reactions to messages.
pub(crate) const REACTIONS_TOPIC: &str = "messageReactionSummariesTopic";
/// Seen receipts.
pub(crate) const SEEN_TOPIC: &str = "messageSeenReceiptsTopic";

/// The `_type` of the GraphQL `data` of a realtime payload: a generated record name on
/// LinkedIn (`com.linkedin.<hash>`, peers.md §c.6); this hash is the sandbox's own.
const DATA_TYPE: &str = "com.linkedin.5a0c7e6f2b1d4c3e9f8a7b6c5d4e3f21";

/// One event for one member, in both formats.
#[derive(Debug, Clone)]
pub(crate) struct Delivery {
    /// The member (index into the world's people) whose streams get it.
    pub(crate) member: usize,
    /// Its topic.
    pub(crate) topic: &'static str,
    /// `publisherTrackingId`, when LinkedIn sets one (messages).
    pub(crate) publisher: Option<String>,
    /// The GraphQL-decorated `payload`.
    pub(crate) graphql: Value,
    /// The legacy `payload`.
    pub(crate) legacy: Value,
    /// `leftServerAt`: the world's clock.
    pub(crate) at: u64,
}

/// What the mailbox looked like before a write.
pub(crate) struct Snapshot {
    revision: u64,
    /// (thread id, messages, read) of every conversation.
    conversations: Vec<(String, usize, bool)>,
}

impl Snapshot {
    /// The mailbox now.
    pub(crate) fn of(world: &World) -> Self {
        Self {
            revision: world.mailbox_revision,
            conversations: world
                .conversations
                .iter()
                .map(|c| (c.thread_id.clone(), c.messages.len(), c.read))
                .collect(),
        }
    }

    /// The events of what changed since: each new message of a changed conversation, and
    /// the conversation itself when it changed without a message (read, unread).
    pub(crate) fn changes(&self, world: &World) -> Vec<Delivery> {
        if world.mailbox_revision == self.revision {
            return Vec::new();
        }
        let mut out = Vec::new();
        for c in world
            .conversations
            .iter()
            .filter(|c| c.revision > self.revision)
        {
            let before = self
                .conversations
                .iter()
                .find(|(thread, _, _)| *thread == c.thread_id);
            let (seen, was_read) = before.map_or((0, None), |(_, n, read)| (*n, Some(*read)));
            for m in c.messages.iter().skip(seen) {
                out.extend(message_events(world, c, m));
            }
            // A new message changes the read flag with it (the sender's own read, the
            // others' unread): no event of its own. Any other change of the conversation
            // (marked read or unread, even to what it was) is an update, as LinkedIn pushes
            // one for every update.
            let new_messages = c.messages.len() > seen;
            if was_read.is_some() && !new_messages {
                out.extend(conversation_event(world, c));
            }
            // The owner read what was unread: the others see it as a seen receipt of the
            // latest message from one of them (as the web app's read of a conversation is).
            if was_read == Some(false) && c.read && !new_messages {
                out.extend(seen_events(world, c, 0));
            }
        }
        out
    }
}

impl Snapshot {
    /// The messages the demo account sent since: (thread id, message id), for the scripted
    /// counterpart to answer.
    pub(crate) fn sent_by_demo(&self, world: &World) -> Vec<(String, String)> {
        if world.mailbox_revision == self.revision {
            return Vec::new();
        }
        world
            .conversations
            .iter()
            .filter(|c| c.revision > self.revision)
            .flat_map(|c| {
                let seen = self
                    .conversations
                    .iter()
                    .find(|(thread, _, _)| *thread == c.thread_id)
                    .map_or(0, |(_, n, _)| *n);
                c.messages
                    .iter()
                    .skip(seen)
                    .filter(|m| m.sender == 0)
                    .map(|m| (c.thread_id.clone(), m.id.clone()))
            })
            .collect()
    }
}

/// Who a conversation's events go to: the mailbox owner (the demo account) and the others.
fn members(c: &Conversation) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(c.participants.iter().copied())
}

/// `urn:li:fs_conversation:<thread>`, the legacy conversation URN.
fn legacy_conversation_urn(c: &Conversation) -> String {
    format!("urn:li:fs_conversation:{}", c.thread_id)
}

/// A new message `m` of `c`, for each member of the conversation.
pub(crate) fn message_events(world: &World, c: &Conversation, m: &Message) -> Vec<Delivery> {
    let Some(sender) = world.people.get(m.sender) else {
        return Vec::new();
    };
    let at = world_now(world);
    let unread_conversations = world.conversations.iter().filter(|c| !c.read).count();
    members(c)
        .filter_map(|k| {
            world.people.get(k)?;
            let degrees = world.degrees_from(k);
            let result = message(world, &degrees, k, c, m, Sender::Whole);
            let graphql = json!({"data": {
                "_type": DATA_TYPE,
                "doDecorateMessageMessengerRealtimeDecoration": {"result": result},
            }});
            let legacy = json!({
                "event": {
                    "reactionSummaries": [],
                    "createdAt": m.delivered_at,
                    "dashEntityUrn": format!("urn:li:fsd_message:{}", m.id),
                    "quickReplyRecommendations": [],
                    "subtype": "MEMBER_TO_MEMBER",
                    "eventContent": {"com.linkedin.voyager.messaging.event.MessageEvent": {
                        "body": "",
                        "attributedBody": {"text": if m.recalled { "" } else { m.text.as_str() }},
                        "messageBodyRenderFormat": render_format(m),
                    }},
                    "entityUrn": format!("urn:li:fs_event:({},{})", c.thread_id, m.id),
                    "from": {"com.linkedin.voyager.messaging.MessagingMember": {
                        "entityUrn": format!("urn:li:fs_messagingMember:({},{})", c.thread_id, sender.profile_id),
                        "nameInitials": initials(&sender.first_name, &sender.last_name),
                        "miniProfile": mini_profile(sender),
                    }},
                    "backendUrn": format!("urn:li:messagingMessage:{}", m.id),
                    "originToken": if k == m.sender { m.origin_token.clone() } else { None },
                },
                "unreadConversationsCount": if k == 0 { unread_conversations } else { 0 },
                "conversationLastActivityAt": last_activity(c),
                "conversationUnreadCount": if k == 0 { unread_count(c) } else { 0 },
            });
            Some(Delivery {
                member: k,
                topic: MESSAGES_TOPIC,
                publisher: Some(format!(
                    "urn:li:messagingMessage:{}_urn:li:member:{}",
                    m.id, sender.member_id
                )),
                graphql,
                legacy,
                at,
            })
        })
        .collect()
}

/// The events of a change to a message after it was sent (catalogue `message_edit`,
/// `message_recall`, `message_react`, `message_unreact`) by member `me`, which succeeded:
/// the message again (its render format says edited or recalled), or its reaction summary.
/// `path` is the request's below `/voyager/api`, `body` its body.
pub(crate) fn message_action_events(
    world: &World,
    id: Id,
    me: usize,
    path: &str,
    body: &[u8],
) -> Vec<Delivery> {
    let body: Option<Value> = serde_json::from_slice(body).ok();
    let urn = match id {
        Id::MessageEdit => {
            path.rsplit('/')
                .next()
                .and_then(|raw| match restli::from_str_path(raw) {
                    Ok(restli::Value::String(s)) => Some(s.into_string()),
                    _ => None,
                })
        }
        _ => body
            .as_ref()
            .and_then(|b| b.get("messageUrn")?.as_str().map(str::to_owned)),
    };
    let Some((c, m)) = urn.and_then(|u| super::messenger::find_message(world, me, &u).ok()) else {
        return Vec::new();
    };
    let (c, m) = (&world.conversations[c], &world.conversations[c].messages[m]);
    match id {
        Id::MessageEdit | Id::MessageRecall => message_events(world, c, m),
        Id::MessageReact | Id::MessageUnreact => {
            let emoji = body
                .as_ref()
                .and_then(|b| b.get("emoji")?.as_str())
                .unwrap_or_default();
            reaction_events(world, c, m, me, emoji, id == Id::MessageReact)
        }
        _ => Vec::new(),
    }
}

/// Member `who` reacted to message `m` of `c` with `emoji` (or took it back), for each member
/// of the conversation.
fn reaction_events(
    world: &World,
    c: &Conversation,
    m: &Message,
    who: usize,
    emoji: &str,
    added: bool,
) -> Vec<Delivery> {
    let Some(actor) = world.people.get(who) else {
        return Vec::new();
    };
    let of: Vec<&(String, usize, u64)> =
        m.reactions.iter().filter(|(e, _, _)| e == emoji).collect();
    let first = of.iter().map(|(_, _, at)| *at).min();
    members(c)
        .filter_map(|k| {
            let owner = world.people.get(k)?;
            let degrees = world.degrees_from(k);
            let summary = json!({
                "_type": "com.linkedin.messenger.ReactionSummary",
                "count": of.len(),
                "firstReactedAt": first,
                "emoji": emoji,
                "viewerReacted": of.iter().any(|(_, p, _)| *p == k),
            });
            let graphql = json!({"data": {
                "_type": DATA_TYPE,
                "doDecorateRealtimeReactionSummaryMessengerRealtimeDecoration": {"result": {
                    "_type": "com.linkedin.messenger.RealtimeReactionSummary",
                    "reactionAdded": added,
                    "actor": participant(world, &degrees, who),
                    "message": {
                        "_type": "com.linkedin.messenger.Message",
                        "entityUrn": format!("urn:li:msg_message:({},{})", profile_urn(owner), m.id),
                    },
                    "reactionSummary": summary,
                }},
            }});
            let legacy = json!({
                "reactionAdded": added,
                "actorMiniProfileUrn": format!("urn:li:fs_miniProfile:{}", actor.profile_id),
                "eventUrn": format!("urn:li:fs_event:({},{})", c.thread_id, m.id),
                "reactionSummary": summary,
            });
            Some(Delivery {
                member: k,
                topic: REACTIONS_TOPIC,
                publisher: None,
                graphql,
                legacy,
                at: world_now(world),
            })
        })
        .collect()
}

/// A change of conversation `c` itself (read, unread), for the mailbox owner: the others'
/// view of it did not change.
fn conversation_event(world: &World, c: &Conversation) -> Option<Delivery> {
    let degrees = world.degrees_from(0);
    let result = conversation(world, &degrees, 0, c, Last::None);
    let graphql = json!({"data": {
        "_type": DATA_TYPE,
        "doDecorateConversationMessengerRealtimeDecoration": {"result": result},
    }});
    let legacy = json!({
        "action": "UPDATE",
        "unreadConversationsCount": world.conversations.iter().filter(|c| !c.read).count(),
        "entityUrn": legacy_conversation_urn(c),
        "conversation": {
            "entityUrn": legacy_conversation_urn(c),
            "backendUrn": format!("urn:li:messagingThread:{}", c.thread_id),
            "read": c.read,
            "archived": c.category == "ARCHIVE",
            "unreadCount": unread_count(c),
            "lastActivityAt": last_activity(c),
            "groupChat": c.participants.len() > 1,
        },
    });
    Some(Delivery {
        member: 0,
        topic: CONVERSATIONS_TOPIC,
        publisher: None,
        graphql,
        legacy,
        at: world_now(world),
    })
}

/// Member `who` typing in the conversation with thread id `thread`, for its other members.
pub(crate) fn typing_events(world: &World, thread: &str, who: usize) -> Vec<Delivery> {
    let Some(c) = world.conversations.iter().find(|c| c.thread_id == thread) else {
        return Vec::new();
    };
    let Some(typist) = world.people.get(who) else {
        return Vec::new();
    };
    members(c)
        .filter(|&k| k != who)
        .filter_map(|k| {
            let owner = world.people.get(k)?;
            let degrees = world.degrees_from(k);
            let graphql = json!({"data": {
                "_type": DATA_TYPE,
                "doDecorateTypingIndicatorMessengerRealtimeDecoration": {"result": {
                    "_type": "com.linkedin.messenger.RealtimeTypingIndicator",
                    "typingParticipant": participant(world, &degrees, who),
                    "conversation": {
                        "_type": "com.linkedin.messenger.Conversation",
                        "entityUrn": conversation_urn(owner, &c.thread_id),
                    },
                }},
            }});
            let legacy = json!({
                "fromEntity": format!("urn:li:fs_miniProfile:{}", typist.profile_id),
                "conversation": legacy_conversation_urn(c),
            });
            Some(Delivery {
                member: k,
                topic: TYPING_TOPIC,
                publisher: None,
                graphql,
                legacy,
                at: world_now(world),
            })
        })
        .collect()
}

/// Member `who` saw the latest message of `c` from someone else, for the conversation's
/// other members: `doDecorateSeenReceiptMessengerRealtimeDecoration` (`{seenAt, message,
/// seenByParticipant}`, peers.md §c.6, reconstructed) or the legacy `{fromEntity,
/// fromParticipant, seenReceipt: {seenAt, eventUrn}}` (TX's capture). None when nobody else
/// wrote in it.
pub(crate) fn seen_events(world: &World, c: &Conversation, who: usize) -> Vec<Delivery> {
    let (Some(viewer), Some(seen)) = (
        world.people.get(who),
        c.messages.iter().rev().find(|m| m.sender != who),
    ) else {
        return Vec::new();
    };
    let at = world_now(world);
    members(c)
        .filter(|&k| k != who)
        .filter_map(|k| {
            let owner = world.people.get(k)?;
            let degrees = world.degrees_from(k);
            let graphql = json!({"data": {
                "_type": DATA_TYPE,
                "doDecorateSeenReceiptMessengerRealtimeDecoration": {"result": {
                    "_type": "com.linkedin.messenger.SeenReceipt",
                    "seenAt": at,
                    "message": {
                        "_type": "com.linkedin.messenger.Message",
                        "entityUrn": format!("urn:li:msg_message:({},{})", profile_urn(owner), seen.id),
                    },
                    "seenByParticipant": participant(world, &degrees, who),
                }},
            }});
            let legacy = json!({
                "fromEntity": format!("urn:li:fs_miniProfile:{}", viewer.profile_id),
                "fromParticipant": {"string": format!("urn:li:member:{}", viewer.member_id)},
                "seenReceipt": {
                    "seenAt": at,
                    "eventUrn": format!("urn:li:fs_event:({},{})", c.thread_id, seen.id),
                },
            });
            Some(Delivery {
                member: k,
                topic: SEEN_TOPIC,
                publisher: None,
                graphql,
                legacy,
                at,
            })
        })
        .collect()
}

/// The thread of a `urn:li:msg_conversation:(<mailbox>,<thread>)` whose mailbox is `me`'s.
pub(crate) fn own_thread<'u>(world: &World, me: usize, urn: &'u str) -> Option<&'u str> {
    let (mailbox, thread) = super::messaging::split_conversation_urn(urn)?;
    (mailbox == profile_urn(world.people.get(me)?)).then_some(thread)
}

/// The scripted counterpart's answer to the demo account's message `_answered` (its id) in
/// the conversation with thread id `thread`: a message from the conversation's first other
/// participant, delivered a second after the latest thing in the world, which leaves the
/// conversation unread for the demo account. `None` when the conversation is gone or has no
/// other participant.
pub(crate) fn counterpart_reply(
    world: &mut World,
    thread: &str,
    _answered: &str,
) -> Option<Vec<Delivery>> {
    let index = world
        .conversations
        .iter()
        .position(|c| c.thread_id == thread)?;
    let sender = *world.conversations[index].participants.first()?;
    let before = Snapshot::of(world);
    let at = world_now(world) + 1_000;
    let first = world.people.get(sender)?.first_name.clone();
    let c = &world.conversations[index];
    // `<ms>b<5 digits>-<3 digits>&<thread payload>`, as LinkedIn's message ids decode (and
    // `createMessage` makes them).
    let payload = crate::world::thread_payload(&c.thread_id);
    let raw = format!("{at}b{:05}-100&{payload}", c.messages.len() % 100_000);
    let reply = Message {
        id: crate::world::linkedin_id(raw.as_bytes()),
        sender,
        text: format!("Thanks for your message! ({first}, the sandbox's scripted counterpart)"),
        delivered_at: at,
        origin_token: None,
        ..Message::default()
    };
    let c = &mut world.conversations[index];
    c.messages.push(reply);
    c.read = false;
    super::messaging::changed(world, index);
    Some(before.changes(world))
}

/// `AL` for Ada Lovelace.
fn initials(first: &str, last: &str) -> String {
    first.chars().take(1).chain(last.chars().take(1)).collect()
}
