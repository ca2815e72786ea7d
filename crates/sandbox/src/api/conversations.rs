//! Conversations, messages and participants in the messenger's projections, as LinkedIn's
//! recorded answers show them (nested, `_type` keys; the recipe names are added by
//! [`super::recipes`]).
//!
//! - A participant ([`participant`]) is the recorded `MessagingParticipant`: ids, badges, and
//!   `participantType.member` with the names, headline, `profileUrl`
//!   (`https://www.linkedin.com/in/<vanity name>`) and distance. The world has no pictures,
//!   pronouns or profile frames: those are `null`, as LinkedIn sends them for a member who
//!   has none. A message's `sender` in a conversation list is the participant's ids only
//!   ([`sender_ids`], seq 51); its `actor` is the whole participant.
//! - A message ([`message`]) has the keys of seqs 51 and 70; `originToken` is the sending
//!   client's token for the mailbox owner's own messages, `null` for others'.
//! - A conversation ([`conversation`]) has the keys of seq 51: its participants, the owner
//!   included, its `creator` (who wrote first), the features LinkedIn disables for it, and,
//!   where the query embeds it, the last message.

use serde_json::{Value, json};

use crate::world::{Conversation, Message, Person, World};

/// `urn:li:fsd_profile:<id>` of a person.
pub(super) fn profile_urn(p: &Person) -> String {
    format!("urn:li:fsd_profile:{}", p.profile_id)
}

/// `urn:li:msg_conversation:(urn:li:fsd_profile:<me>,<thread>)`.
pub(super) fn conversation_urn(me: &Person, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", profile_urn(me))
}

/// A `com.linkedin.pemberly.text.AttributedText`.
pub(super) fn attributed(text: &str) -> Value {
    json!({"_type": "com.linkedin.pemberly.text.AttributedText", "attributes": [], "text": text})
}

/// The ids and badges of a `com.linkedin.messenger.MessagingParticipant`: what a message's
/// `sender` carries in a conversation list (seq 51).
pub(super) fn sender_ids(world: &World, p: usize) -> Value {
    let Some(person) = world.people.get(p) else {
        return Value::Null;
    };
    let urn = profile_urn(person);
    json!({
        "_type": "com.linkedin.messenger.MessagingParticipant",
        "hostIdentityUrn": urn,
        "entityUrn": format!("urn:li:msg_messagingParticipant:{urn}"),
        "showPremiumInBug": false,
        "memberBadgeType": null,
        "showVerificationBadge": false,
    })
}

/// A whole `com.linkedin.messenger.MessagingParticipant` (seqs 51 and 70).
pub(super) fn participant(world: &World, degrees: &[Option<u32>], p: usize) -> Value {
    let Some(person) = world.people.get(p) else {
        return Value::Null;
    };
    let mut out = sender_ids(world, p);
    if let Value::Object(map) = &mut out {
        map.insert("preview".to_owned(), Value::Null);
        map.insert(
            "backendUrn".to_owned(),
            json!(format!("urn:li:member:{}", person.member_id)),
        );
        map.insert(
            "participantType".to_owned(),
            json!({
                "member": {
                    "_type": "com.linkedin.messenger.MemberParticipantInfo",
                    "profileUrl": format!("https://www.linkedin.com/in/{}", person.public_id),
                    "firstName": attributed(&person.first_name),
                    "lastName": attributed(&person.last_name),
                    "headline": attributed(&person.headline),
                    "distance": super::member_distance(degrees.get(p).copied().flatten()),
                    "profilePicture": null,
                    "profileFrameA11yContent": null,
                    "pronoun": null,
                },
                "agent": null,
                "custom": null,
                "organization": null,
            }),
        );
    }
    out
}

/// How a message's `sender` is projected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sender {
    /// The whole participant, as a conversation's messages give it (seq 70).
    Whole,
    /// Its ids only, as the last message embedded in a conversation list (seq 51).
    Ids,
}

/// A `com.linkedin.messenger.Message` of conversation `c` in `me`'s mailbox.
pub(super) fn message(
    world: &World,
    degrees: &[Option<u32>],
    me: usize,
    c: &Conversation,
    m: &Message,
    sender: Sender,
) -> Value {
    let owner = &world.people[me];
    json!({
        "_type": "com.linkedin.messenger.Message",
        "entityUrn": format!("urn:li:msg_message:({},{})", profile_urn(owner), m.id),
        "backendUrn": format!("urn:li:messagingMessage:{}", m.id),
        "backendConversationUrn": format!("urn:li:messagingThread:{}", c.thread_id),
        "deliveredAt": m.delivered_at,
        "body": attributed(if m.recalled { "" } else { &m.text }),
        "sender": match sender {
            Sender::Whole => participant(world, degrees, m.sender),
            Sender::Ids => sender_ids(world, m.sender),
        },
        "actor": participant(world, degrees, m.sender),
        "conversation": {
            "_type": "com.linkedin.messenger.Conversation",
            "entityUrn": conversation_urn(owner, &c.thread_id),
        },
        "reactionSummaries": reaction_summaries(m, me),
        "renderContent": m.files.iter().map(|f| json!({
            "file": {
                "assetUrn": format!("urn:li:digitalmediaAsset:{}", f.asset),
                "byteSize": f.size,
                "mediaType": f.media_type,
                "name": f.name,
                "url": f.url,
            },
        })).collect::<Vec<_>>(),
        "renderContentFallbackText": null,
        "messageBodyRenderFormat": render_format(m),
        "subject": null,
        "footer": null,
        "originToken": m.origin_token,
        "inlineWarning": null,
        "incompleteRetriableData": false,
    })
}

/// `messageBodyRenderFormat` (peers.md §c.5): `RECALLED`, `EDITED` or `DEFAULT`.
pub(super) fn render_format(m: &Message) -> &'static str {
    if m.recalled {
        "RECALLED"
    } else if m.edited {
        "EDITED"
    } else {
        "DEFAULT"
    }
}

/// A message's reactions, one `ReactionSummary` per emoji (peers.md §c.6's keys: `emoji`,
/// `count`, `firstReactedAt`, `viewerReacted` for `me`), in the order first used.
pub(super) fn reaction_summaries(m: &Message, me: usize) -> Vec<Value> {
    let mut emojis: Vec<&str> = Vec::new();
    for (emoji, _, _) in &m.reactions {
        if !emojis.contains(&emoji.as_str()) {
            emojis.push(emoji);
        }
    }
    emojis
        .into_iter()
        .map(|emoji| {
            let of: Vec<&(String, usize, u64)> =
                m.reactions.iter().filter(|(e, _, _)| e == emoji).collect();
            json!({
                "_type": "com.linkedin.messenger.ReactionSummary",
                "emoji": emoji,
                "count": of.len(),
                "firstReactedAt": of.iter().map(|(_, _, at)| *at).min(),
                "viewerReacted": of.iter().any(|(_, who, _)| *who == me),
            })
        })
        .collect()
}

/// The features LinkedIn disables in a conversation: seq 51 shows them for 1:1 conversations
/// of the primary inbox. For a group and for a message request they are inferred: a group can
/// be renamed and its participants changed; a request's state is what its recipient updates.
fn disabled_features(c: &Conversation) -> Vec<Value> {
    let features: &[&str] = match (c.participants.len() > 1, c.category.as_str()) {
        (true, _) => &["UPDATE_MESSAGE_REQUEST_STATE"],
        (false, "SECONDARY_INBOX") => &[
            "ADD_PARTICIPANT",
            "RENAMED_CONVERSATION",
            "REMOVE_PARTICIPANT",
            "CREATE_GROUP_CHAT_LINK",
        ],
        (false, _) => &[
            "UPDATE_MESSAGE_REQUEST_STATE",
            "ADD_PARTICIPANT",
            "RENAMED_CONVERSATION",
            "REMOVE_PARTICIPANT",
            "CREATE_GROUP_CHAT_LINK",
        ],
    };
    features
        .iter()
        .map(|f| {
            json!({
                "_type": "com.linkedin.messenger.ConversationDisabledFeature",
                "disabledFeature": f,
                "reasonText": null,
            })
        })
        .collect()
}

/// Whether and how a conversation embeds its last message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    /// Not at all (`messages` left out).
    None,
    /// With its sender as `sender` says.
    With(Sender),
}

/// A `com.linkedin.messenger.Conversation` of `me`'s mailbox in seq 51's projection.
/// `lastReadAt` is the last activity of a read conversation (the world keeps no reading
/// times), `null` for an unread one.
pub(super) fn conversation(
    world: &World,
    degrees: &[Option<u32>],
    me: usize,
    c: &Conversation,
    last: Last,
) -> Value {
    let owner = &world.people[me];
    let participants: Vec<Value> = std::iter::once(me)
        .chain(c.participants.iter().copied())
        .map(|p| participant(world, degrees, p))
        .collect();
    let creator = c.messages.first().map_or(me, |m| m.sender);
    let last_activity = super::messaging::last_activity(c);
    let mut out = json!({
        "_type": "com.linkedin.messenger.Conversation",
        "entityUrn": conversation_urn(owner, &c.thread_id),
        "backendUrn": format!("urn:li:messagingThread:{}", c.thread_id),
        "categories": super::messaging::categories(c),
        "conversationParticipants": participants,
        "creator": participant(world, degrees, creator),
        "conversationUrl": format!("https://www.linkedin.com/messaging/thread/{}/", c.thread_id),
        "createdAt": c.messages.first().map_or(0, |m| m.delivered_at),
        "lastActivityAt": last_activity,
        "lastReadAt": c.read.then_some(last_activity),
        "read": c.read,
        "unreadCount": super::messaging::unread_count(c),
        "groupChat": c.participants.len() > 1,
        "title": c.title,
        "headlineText": null,
        "shortHeadlineText": null,
        "descriptionText": null,
        "conversationTypeText": null,
        "conversationVerificationLabel": null,
        "conversationVerificationExplanation": null,
        "contentMetadata": null,
        "state": null,
        "disabledFeatures": disabled_features(c),
        "hostConversationActions": [],
        "notificationStatus": "ACTIVE",
        "incompleteRetriableData": false,
    });
    if let (Last::With(sender), Value::Object(map)) = (last, &mut out) {
        let last: Vec<Value> = c
            .messages
            .last()
            .map(|m| message(world, degrees, me, c, m, sender))
            .into_iter()
            .collect();
        map.insert(
            "messages".into(),
            json!({"_type": "com.linkedin.restli.common.CollectionResponse", "elements": last}),
        );
    }
    out
}
