//! Models of the messenger answers: conversations and messages as LinkedIn's messaging
//! GraphQL (`/voyagerMessagingGraphQL/graphql`, nested with `_type`) and the messenger actions
//! (`/voyagerMessagingDash*`, `$type`) give them.
//!
//! Shapes follow voyager.md §6.1(c): a conversation element has `entityUrn`
//! (`urn:li:msg_conversation:(<mailbox>,<thread>)`), `backendUrn`
//! (`urn:li:messagingThread:<thread>`), `categories`, `conversationParticipants`, `read`,
//! `unreadCount`, `lastActivityAt` and `messages.elements` (the last message); a message has
//! `entityUrn`, `backendUrn`, `deliveredAt`, `body.text` and a `sender` participant.

use serde::{Deserialize, Serialize};

use crate::Text;

crate::open_enum! {
    /// A mailbox category of a conversation (`categories` in answers, and the filter of the
    /// conversation search).
    pub enum ConversationCategory {
        /// Everything in the inbox (primary and other).
        Inbox = "INBOX",
        /// The focused inbox.
        PrimaryInbox = "PRIMARY_INBOX",
        /// "Other": message requests and the like.
        SecondaryInbox = "SECONDARY_INBOX",
        /// Archived conversations.
        Archive = "ARCHIVE",
        /// Spam.
        Spam = "SPAM",
        /// Unread conversations (a category LinkedIn's web app filters by).
        Unread = "UNREAD",
        /// InMail.
        Inmail = "INMAIL",
        /// Job-related conversations.
        Jobs = "JOBS",
    }
}

/// One page of a messenger GraphQL collection (the data roots of catalogue
/// `messenger_conversations_search`, `messenger_messages`, `messenger_messages_before`, …). The elements are
/// kept as JSON so that each can be read (and recognised) on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct MessengerPage {
    /// The elements, as LinkedIn sent them.
    pub elements: Vec<serde_json::Value>,
    /// Cursors or sync tokens.
    pub metadata: Option<MessengerMetadata>,
}

/// The `metadata` of a messenger collection: `MessageMetadata` (cursors) or `SyncMetadata`
/// (sync tokens).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct MessengerMetadata {
    /// The cursor of the next page; `None` (JSON `null`) when this was the last.
    pub next_cursor: Option<String>,
    /// The cursor of the previous page.
    pub prev_cursor: Option<String>,
    /// The token of the next sync (catalogue `messenger_conversations_sync`,
    /// `messenger_messages`).
    pub new_sync_token: Option<String>,
}

/// A `com.linkedin.messenger.Conversation`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Conversation {
    /// `urn:li:msg_conversation:(urn:li:fsd_profile:<mailbox>,<thread id>)`; required (an
    /// answer without it does not read).
    pub entity_urn: String,
    /// `urn:li:messagingThread:<thread id>`.
    #[serde(default)]
    pub backend_urn: Option<String>,
    /// The mailbox categories it is in.
    #[serde(default)]
    pub categories: Vec<ConversationCategory>,
    /// Everyone in it, the mailbox owner included.
    #[serde(default)]
    pub conversation_participants: Vec<Participant>,
    /// `https://www.linkedin.com/messaging/thread/<thread id>/`.
    #[serde(default)]
    pub conversation_url: Option<String>,
    /// When it started (ms since the epoch).
    #[serde(default)]
    pub created_at: Option<i64>,
    /// When something last happened in it (ms since the epoch).
    #[serde(default)]
    pub last_activity_at: Option<i64>,
    /// When the owner last read it (ms since the epoch).
    #[serde(default)]
    pub last_read_at: Option<i64>,
    /// Whether the owner has read it.
    #[serde(default)]
    pub read: Option<bool>,
    /// How many messages the owner has not read.
    #[serde(default)]
    pub unread_count: Option<u32>,
    /// Whether it has more than two participants.
    #[serde(default)]
    pub group_chat: Option<bool>,
    /// The title of a group conversation.
    #[serde(default)]
    pub title: Option<String>,
    /// The last message, when the query embeds it (`messages.elements[0]`).
    #[serde(default)]
    pub messages: Option<Messages>,
}

/// The embedded `messages` of a conversation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Messages {
    /// The messages (the last one, in conversation lists).
    pub elements: Vec<Message>,
}

/// A `com.linkedin.messenger.MessagingParticipant`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Participant {
    /// `urn:li:fsd_profile:<profile id>` for a member.
    pub host_identity_urn: Option<String>,
    /// `urn:li:msg_messagingParticipant:<host identity urn>`.
    pub entity_urn: Option<String>,
    /// `urn:li:member:<member id>`.
    pub backend_urn: Option<String>,
    /// Who the participant is: a member, an organization, …
    pub participant_type: ParticipantType,
}

/// The union of participant kinds; a member is the usual one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantType {
    /// A LinkedIn member.
    pub member: Option<MemberParticipant>,
    /// An organization (a company page), kept as JSON.
    pub organization: Option<serde_json::Value>,
}

/// A `com.linkedin.messenger.MemberParticipantInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct MemberParticipant {
    /// `https://www.linkedin.com/in/<profile id>`.
    pub profile_url: Option<String>,
    /// First name.
    pub first_name: Option<Text>,
    /// Last name.
    pub last_name: Option<Text>,
    /// Headline.
    pub headline: Option<Text>,
    /// Network distance from the owner: `SELF`, `DISTANCE_1`, `DISTANCE_2`, `DISTANCE_3`,
    /// `OUT_OF_NETWORK`.
    pub distance: Option<String>,
}

/// A `com.linkedin.messenger.Message`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Message {
    /// `urn:li:msg_message:(urn:li:fsd_profile:<mailbox>,<message id>)`; required (an answer
    /// without it does not read).
    pub entity_urn: String,
    /// `urn:li:messagingMessage:<message id>`.
    #[serde(default)]
    pub backend_urn: Option<String>,
    /// `urn:li:messagingThread:<thread id>`.
    #[serde(default)]
    pub backend_conversation_urn: Option<String>,
    /// When it was delivered (ms since the epoch).
    #[serde(default)]
    pub delivered_at: Option<i64>,
    /// The text.
    #[serde(default)]
    pub body: Option<Text>,
    /// The subject (InMail).
    #[serde(default)]
    pub subject: Option<String>,
    /// Who sent it. LinkedIn's messenger answers give only the sender's ids here (seq 51,
    /// 70): its name is in `actor` or among the conversation's participants.
    #[serde(default)]
    pub sender: Option<Participant>,
    /// Who acted: the sender with its name (`participantType.member`), in the messenger
    /// answers of 2026.
    #[serde(default)]
    pub actor: Option<Participant>,
    /// The conversation it is in.
    #[serde(default)]
    pub conversation: Option<ConversationRef>,
    /// The client-generated token the message was sent with, when LinkedIn echoes it.
    #[serde(default)]
    pub origin_token: Option<String>,
    /// What it shows besides its text: files, images, shared posts... (`null` for none).
    #[serde(default)]
    pub render_content: Option<Vec<RenderContent>>,
}

/// One `renderContent` of a message (peers.md §c.5: `audio`, `externalMedia`, `file`,
/// `vectorImage`, `video`, ...): only its `file` is read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct RenderContent {
    /// A file attached to the message.
    pub file: Option<FileContent>,
}

/// A file attached to a message: `{assetUrn, byteSize, mediaType, name, url}` (peers.md
/// §c.5; the send of one, public code validated in August 2026, fs:60052855713).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct FileContent {
    /// `urn:li:digitalmediaAsset:<id>`.
    pub asset_urn: Option<String>,
    /// Its length in bytes.
    pub byte_size: Option<u64>,
    /// Its media type (`application/pdf`).
    pub media_type: Option<String>,
    /// Its file name.
    pub name: Option<String>,
    /// Where it can be downloaded from.
    pub url: Option<String>,
}

/// The `conversation` a message refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ConversationRef {
    /// `urn:li:msg_conversation:(…)`.
    pub entity_urn: Option<String>,
}

/// The answer of `POST /voyagerMessagingDashMessengerMessages?action=createMessage`:
/// `{"value": <com.linkedin.messenger.Message>}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreatedMessage {
    /// The message as stored.
    pub value: Message,
}

/// The answer of the batch partial update that marks conversations read
/// (`POST /voyagerMessagingDashMessengerConversations?ids=List(…)`): a status per URN.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BatchUpdate {
    /// The updated ones, by URN.
    pub results: std::collections::BTreeMap<String, BatchStatus>,
    /// The failed ones, by URN.
    pub errors: std::collections::BTreeMap<String, BatchStatus>,
}

/// The status of one entity of a batch update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BatchStatus {
    /// The HTTP-like status (204 when updated, 404 for an unknown conversation, …).
    pub status: Option<u16>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_conversation_reads_from_the_graphql_shape() {
        let json = serde_json::json!({
            "_type": "com.linkedin.messenger.Conversation",
            "entityUrn": "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAAB,2-YWI=)",
            "categories": ["INBOX", "PRIMARY_INBOX", "SOMETHING_NEW"],
            "read": false,
            "unreadCount": 2,
            "conversationParticipants": [{
                "hostIdentityUrn": "urn:li:fsd_profile:ACoAAC",
                "participantType": {"member": {"firstName": {"text": "Grace", "attributes": []}}, "agent": null},
            }],
            "messages": {"elements": [{"entityUrn": "urn:li:msg_message:(x,y)", "body": {"text": "Hi"}}]},
            "disabledFeatures": [{"disabledFeature": "ADD_PARTICIPANT"}],
        });
        let c: Conversation = serde_json::from_value(json).unwrap();
        assert_eq!(c.categories[1], ConversationCategory::PrimaryInbox);
        assert_eq!(
            c.categories[2],
            ConversationCategory::Other("SOMETHING_NEW".into())
        );
        let member = c.conversation_participants[0]
            .participant_type
            .member
            .as_ref()
            .unwrap();
        assert_eq!(member.first_name.as_ref().unwrap().text, "Grace");
        assert_eq!(
            c.messages.unwrap().elements[0].body.as_ref().unwrap().text,
            "Hi"
        );
    }
}
