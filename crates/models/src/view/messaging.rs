//! Conversations, their participants and their messages, as the logged-in member's mailbox
//! shows them.

use serde::Serialize;

use super::text::{plain, urn_part};
use crate::id::{ConversationId, ProfileId};
use crate::messaging::{self as m, ConversationCategory};

/// A conversation of the logged-in member's mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Conversation {
    /// `urn:li:msg_conversation:(urn:li:fsd_profile:<own id>,<thread id>)`: what the other
    /// messaging methods take.
    pub urn: ConversationId,
    /// The thread id, `2-<base64>==` (as in `linkedin.com/messaging/thread/<id>/`).
    pub thread_id: String,
    /// The mailbox categories it is in.
    pub categories: Vec<ConversationCategory>,
    /// Whether the logged-in member has read it.
    pub read: bool,
    /// How many messages the logged-in member has not read.
    pub unread_count: u32,
    /// When it started (ms since the epoch).
    pub created_at: Option<i64>,
    /// When something last happened in it (ms since the epoch).
    pub last_activity_at: Option<i64>,
    /// Whether it has more than one other participant.
    pub group_chat: bool,
    /// The title of a group conversation.
    pub title: Option<String>,
    /// Its page on linkedin.com.
    pub url: Option<String>,
    /// The other participants (the logged-in member left out).
    pub participants: Vec<Participant>,
    /// The last message, when LinkedIn includes it (conversation lists do).
    pub last_message: Option<Message>,
}

impl Conversation {
    /// A conversation of `me`'s mailbox from its model, when it is one (its `entityUrn`
    /// names a conversation, its participants read, and it says whether it is read and how
    /// many messages are unread).
    #[must_use]
    pub fn from_conversation(c: &m::Conversation, me: &ProfileId) -> Option<Self> {
        let urn = ConversationId::parse(&c.entity_urn).ok()?;
        if !c.conversation_participants.iter().all(Participant::reads) {
            return None;
        }
        let thread_id = c
            .backend_urn
            .as_deref()
            .and_then(|u| u.strip_prefix("urn:li:messagingThread:"))
            .map_or_else(|| urn.thread().to_owned(), str::to_owned);
        let own = me.urn();
        let participants: Vec<Participant> = c
            .conversation_participants
            .iter()
            .filter(|p| p.host_identity_urn.as_deref() != Some(own.as_str()))
            .map(Participant::from_participant)
            .collect();
        // The last message names its sender by id only; its name is the participant's.
        // A last message LinkedIn sent that does not read makes the conversation not read
        // (rather than one without a last message).
        let last_message = match c.messages.as_ref().and_then(|m| m.elements.first()) {
            Some(m) => Some(Message::among(m, me, &c.conversation_participants)?),
            None => None,
        };
        Some(Self {
            thread_id,
            categories: c.categories.clone(),
            // Every conversation of LinkedIn's recorded answers carries both: one without
            // them does not read (rather than looking read, or unread with no count).
            read: c.read?,
            unread_count: c.unread_count?,
            created_at: c.created_at,
            last_activity_at: c.last_activity_at,
            group_chat: c.group_chat.unwrap_or(participants.len() > 1),
            title: c.title.clone(),
            url: c.conversation_url.clone(),
            participants,
            last_message,
            urn,
        })
    }
}

/// A participant of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Participant {
    /// The profile id (`ACoAA…`; the Python client's `urn_id`), for a member.
    pub profile_id: Option<ProfileId>,
    /// `urn:li:fsd_profile:<profile id>`, for a member.
    pub profile_urn: Option<String>,
    /// First name (empty for a participant that is not a member).
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Headline.
    pub headline: Option<String>,
    /// Profile link.
    pub profile_url: Option<String>,
    /// Network distance from the logged-in member (`DISTANCE_1`, …).
    pub distance: Option<String>,
}

impl Participant {
    /// Whether a participant's model reads: its URN, when given, is a well-formed one (who is
    /// oneself is told by URN: one that does not read could be one's own, shown as someone
    /// else, or make one's own message look like another's), and a member has both names.
    #[must_use]
    pub fn reads(p: &m::Participant) -> bool {
        let urn_reads = p.host_identity_urn.as_deref().is_none_or(|u| {
            restli::Urn::parse(u).is_ok()
                && (!u.starts_with("urn:li:fsd_profile:") || ProfileId::parse(u).is_ok())
        });
        let names = p
            .participant_type
            .member
            .as_ref()
            .is_none_or(|m| m.first_name.is_some() && m.last_name.is_some());
        urn_reads && names
    }

    /// A participant from its model.
    #[must_use]
    pub fn from_participant(p: &m::Participant) -> Self {
        let member = p.participant_type.member.as_ref();
        Self {
            profile_id: p
                .host_identity_urn
                .as_deref()
                .filter(|u| u.starts_with("urn:li:fsd_profile:"))
                .and_then(|u| ProfileId::parse(u).ok()),
            profile_urn: p.host_identity_urn.clone(),
            first_name: plain(member.and_then(|m| m.first_name.as_ref())).unwrap_or_default(),
            last_name: plain(member.and_then(|m| m.last_name.as_ref())).unwrap_or_default(),
            headline: plain(member.and_then(|m| m.headline.as_ref())),
            profile_url: member.and_then(|m| m.profile_url.clone()),
            distance: member.and_then(|m| m.distance.clone()),
        }
    }
}

/// A message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Message {
    /// `urn:li:msg_message:(urn:li:fsd_profile:<own id>,<message id>)`.
    pub urn: String,
    /// The message id, `2-<base64>==`.
    pub id: Option<String>,
    /// The conversation it is in, `urn:li:msg_conversation:(…)`.
    pub conversation_urn: Option<String>,
    /// The text.
    pub text: String,
    /// The subject (InMail).
    pub subject: Option<String>,
    /// Who sent it.
    pub sender: Option<Participant>,
    /// Whether the logged-in member sent it.
    pub from_me: bool,
    /// When it was delivered (ms since the epoch).
    pub delivered_at: Option<i64>,
    /// The files attached to it (none: left out of the JSON).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// Its file name.
    pub name: String,
    /// Its length in bytes.
    pub byte_size: Option<u64>,
    /// Its media type (`application/pdf`).
    pub media_type: Option<String>,
    /// Where it can be downloaded from.
    pub url: Option<String>,
    /// Its `urn:li:digitalmediaAsset:<id>`.
    pub asset_urn: Option<String>,
}

impl Attachment {
    /// The message's files, from its `renderContent`.
    fn of(message: &m::Message) -> Vec<Self> {
        message
            .render_content
            .iter()
            .flatten()
            .filter_map(|c| c.file.as_ref())
            .map(|f| Self {
                name: f.name.clone().unwrap_or_default(),
                byte_size: f.byte_size,
                media_type: f.media_type.clone(),
                url: f.url.clone(),
                asset_urn: f.asset_urn.clone(),
            })
            .collect()
    }
}

impl Message {
    /// A message of `me`'s mailbox from its model, when it is one (it has an `entityUrn`).
    #[must_use]
    pub fn from_message(message: &m::Message, me: &ProfileId) -> Option<Self> {
        Self::among(message, me, &[])
    }

    /// As [`from_message`](Self::from_message), the sender's name taken from `actor` or,
    /// failing that, from the `participants` of its conversation when the `sender` itself
    /// carries only ids (as LinkedIn's messenger answers do).
    #[must_use]
    pub fn among(
        message: &m::Message,
        me: &ProfileId,
        participants: &[m::Participant],
    ) -> Option<Self> {
        if message.entity_urn.is_empty()
            || !message
                .sender
                .iter()
                .chain(&message.actor)
                .all(Participant::reads)
        {
            return None;
        }
        let id = message
            .backend_urn
            .as_deref()
            .and_then(|u| u.strip_prefix("urn:li:messagingMessage:"))
            .map(str::to_owned)
            .or_else(|| urn_part(&message.entity_urn, 1));
        let from_me = message
            .sender
            .as_ref()
            .and_then(|s| s.host_identity_urn.as_deref())
            == Some(me.urn().as_str());
        Some(Self {
            id,
            conversation_urn: message
                .conversation
                .as_ref()
                .and_then(|c| c.entity_urn.clone()),
            text: message
                .body
                .as_ref()
                .map(|b| b.text.clone())
                .unwrap_or_default(),
            subject: message.subject.clone(),
            sender: sender_of(message, participants),
            from_me,
            delivered_at: message.delivered_at,
            attachments: Attachment::of(message),
            urn: message.entity_urn.clone(),
        })
    }
}

/// The sender of a message with its name: the `sender` when it has a member, else the
/// `actor` or the participant with the sender's id.
fn sender_of(message: &m::Message, participants: &[m::Participant]) -> Option<Participant> {
    let named = |p: &&m::Participant| p.participant_type.member.is_some();
    let Some(sender) = message.sender.as_ref() else {
        return message.actor.as_ref().map(Participant::from_participant);
    };
    if named(&sender) {
        return Some(Participant::from_participant(sender));
    }
    let same = |p: &&m::Participant| {
        sender.host_identity_urn.is_some() && p.host_identity_urn == sender.host_identity_urn
    };
    let found = message
        .actor
        .iter()
        .chain(participants)
        .filter(same)
        .find(named);
    Some(Participant::from_participant(found.unwrap_or(sender)))
}
