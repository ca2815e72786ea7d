//! LinkedIn's realtime stream (`GET /realtime/connect?rc=1`, `text/event-stream`): its frames
//! and the typed events read from them (peers.md §0.3, §b.MX, §c.6).
//!
//! A frame is one `data: {json}` line ([`SseLines`] cuts them out of the bytes); its JSON has
//! one key, the frame's kind: `com.linkedin.realtimefrontend.ClientConnection` (the first,
//! with the connection's `id` and `personalTopics`), `…Heartbeat` (`{}`, about every 15 s) or
//! `…DecoratedEvent` (`topic`, `id`, `leftServerAt`, `publisherTrackingId`, `payload`). See
//! [`Frame::parse`].
//!
//! An event's payload comes in one of two formats, which the client's request headers choose:
//! GraphQL-decorated (`payload.data.doDecorate<Kind>MessengerRealtimeDecoration.result`, the
//! messenger GraphQL shapes of [`crate::messaging`]) or legacy (`payload.event` with
//! `eventContent`, `payload.seenReceipt`, `payload.reactionSummary`, `payload.action`, …).
//! [`DecoratedEvent::event`] reads both into the same [`Event`], with the URNs of the
//! logged-in member's mailbox (`urn:li:msg_message:(<mailbox>,<id>)`,
//! `urn:li:msg_conversation:(<mailbox>,<thread>)`) whichever format named them; anything it
//! does not know is [`Event::Other`] with the payload's JSON, never dropped.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::id::ProfileId;
use crate::messaging as m;
use crate::view::{Message, Participant};

/// The frame kind keys.
const CLIENT_CONNECTION: &str = "com.linkedin.realtimefrontend.ClientConnection";
const HEARTBEAT: &str = "com.linkedin.realtimefrontend.Heartbeat";
const DECORATED_EVENT: &str = "com.linkedin.realtimefrontend.DecoratedEvent";
/// The legacy message content's union key.
const MESSAGE_EVENT: &str = "com.linkedin.voyager.messaging.event.MessageEvent";
const MESSAGING_MEMBER: &str = "com.linkedin.voyager.messaging.MessagingMember";

/// Cuts a `text/event-stream` into the payloads of its `data:` lines. LinkedIn sends one
/// frame per line (peers.md §c.6); other fields (`id:`, `event:`, comments) are ignored.
#[derive(Debug, Default)]
pub struct SseLines {
    pending: Vec<u8>,
}

impl SseLines {
    /// Nothing read yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next bytes of the stream; gives the `data:` payloads of the lines they
    /// completed, in order.
    pub fn push(&mut self, bytes: &[u8]) -> Vec<String> {
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\n', '\r']);
            if let Some(data) = line.strip_prefix("data:") {
                let data = data.strip_prefix(' ').unwrap_or(data);
                if !data.is_empty() {
                    out.push(data.to_owned());
                }
            }
        }
        out
    }
}

/// One frame of the stream.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Frame {
    /// The first frame: the connection is open.
    ClientConnection(ClientConnection),
    /// The server is alive.
    Heartbeat,
    /// Something happened.
    Event(DecoratedEvent),
    /// A frame of a kind this does not know, as it came.
    Unknown(Value),
}

/// `com.linkedin.realtimefrontend.ClientConnection`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ClientConnection {
    /// The connection's id (a UUID).
    #[serde(default)]
    pub id: Option<String>,
    /// The topics the connection is subscribed to (`messagesTopic`, ...).
    #[serde(default)]
    pub personal_topics: Vec<String>,
    /// When it left the server (ms since the epoch).
    #[serde(default)]
    pub left_server_at: Option<i64>,
}

/// `com.linkedin.realtimefrontend.DecoratedEvent`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DecoratedEvent {
    /// `urn:li-realtime:<topic>:urn:li-realtime:myself`.
    #[serde(default)]
    pub topic: String,
    /// The event's id (a UUID).
    #[serde(default)]
    pub id: Option<String>,
    /// When it left the server (ms since the epoch).
    #[serde(default)]
    pub left_server_at: Option<i64>,
    /// For a message: `<backend message urn>_urn:li:member:<sender>`.
    #[serde(default)]
    pub publisher_tracking_id: Option<String>,
    /// What happened, in one of the two formats.
    #[serde(default)]
    pub payload: Value,
}

impl Frame {
    /// A frame from the JSON of one `data:` line.
    ///
    /// # Errors
    ///
    /// The JSON error when the line is not JSON; a frame of an unknown kind is
    /// [`Frame::Unknown`], not an error.
    pub fn parse(data: &str) -> Result<Self, serde_json::Error> {
        let mut value: Value = serde_json::from_str(data)?;
        if let Some(hello) = value.get_mut(CLIENT_CONNECTION).map(Value::take) {
            return Ok(Self::ClientConnection(serde_json::from_value(hello)?));
        }
        if value.get(HEARTBEAT).is_some() {
            return Ok(Self::Heartbeat);
        }
        if let Some(event) = value.get_mut(DECORATED_EVENT).map(Value::take) {
            return Ok(Self::Event(serde_json::from_value(event)?));
        }
        Ok(Self::Unknown(value))
    }
}

/// What happened, as the stream says it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Event {
    /// A new message in one of the member's conversations (their own too, sent from anywhere).
    Message(Message),
    /// A message was edited: it, with its new text.
    MessageEdited(Message),
    /// A message was recalled (deleted for everyone).
    MessageRecalled {
        /// `urn:li:msg_message:(…)`.
        message_urn: String,
        /// Its conversation, when the payload names it.
        conversation_urn: Option<String>,
    },
    /// A reaction was added to a message or removed from it.
    Reaction {
        /// The message, `urn:li:msg_message:(…)`.
        message_urn: String,
        /// The emoji.
        emoji: String,
        /// Added (`true`) or removed.
        added: bool,
        /// Who reacted, when the payload says (`urn:li:fsd_profile:…`).
        profile_urn: Option<String>,
        /// How many now have reacted with this emoji.
        count: Option<u32>,
    },
    /// Someone is typing in a conversation.
    Typing {
        /// `urn:li:msg_conversation:(…)`.
        conversation_urn: String,
        /// Who (`urn:li:fsd_profile:…`).
        profile_urn: Option<String>,
    },
    /// Someone saw a message.
    Seen {
        /// `urn:li:msg_message:(…)`.
        message_urn: String,
        /// Who (`urn:li:fsd_profile:…`).
        profile_urn: Option<String>,
        /// When (ms since the epoch).
        seen_at: Option<i64>,
    },
    /// A conversation was marked read.
    ConversationRead {
        /// `urn:li:msg_conversation:(…)`.
        conversation_urn: String,
    },
    /// A conversation was marked unread.
    ConversationUnread {
        /// `urn:li:msg_conversation:(…)`.
        conversation_urn: String,
    },
    /// A conversation was archived.
    ConversationArchived {
        /// `urn:li:msg_conversation:(…)`.
        conversation_urn: String,
    },
    /// A conversation was deleted.
    ConversationDeleted {
        /// `urn:li:msg_conversation:(…)`.
        conversation_urn: String,
    },
    /// Anything else (another topic, a payload this does not read), as it came.
    Other {
        /// The topic (`messagesTopic`, `tabBadgeUpdateTopic`, ...).
        topic: String,
        /// The payload's JSON.
        raw: Value,
    },
}

impl Event {
    /// The message id (`2-<base64>==`) of a new or edited message: what tells one message
    /// from another whichever format or read brought it.
    #[must_use]
    pub fn message_id(&self) -> Option<&str> {
        match self {
            Self::Message(m) | Self::MessageEdited(m) => m.id.as_deref(),
            _ => None,
        }
    }
}

/// `messagesTopic` of `urn:li-realtime:messagesTopic:urn:li-realtime:myself`.
fn topic_name(topic: &str) -> &str {
    topic
        .strip_prefix("urn:li-realtime:")
        .and_then(|t| t.split(':').next())
        .unwrap_or(topic)
}

/// The parts of a tuple URN, `urn:li:fs_event:(<a>,<b>)` → `[a, b]`.
fn tuple_parts(urn: &str) -> Option<(&str, &str)> {
    let open = urn.find('(')?;
    urn[open + 1..].strip_suffix(')')?.split_once(',')
}

/// The last part of a URN, `urn:li:fsd_message:<id>` → `<id>`; the second of a tuple.
fn urn_key(urn: &str) -> Option<&str> {
    match tuple_parts(urn) {
        Some((_, key)) => Some(key),
        None => urn.rsplit_once(':').map(|(_, key)| key),
    }
}

/// `urn:li:fsd_profile:<id>` from a mini profile, profile or member URN with a profile id.
fn profile_urn_of(urn: &str) -> Option<String> {
    let id = urn
        .strip_prefix("urn:li:fs_miniProfile:")
        .or_else(|| urn.strip_prefix("urn:li:fsd_profile:"))?;
    Some(format!("urn:li:fsd_profile:{id}"))
}

fn text(v: &Value, pointer: &str) -> Option<String> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_owned)
}

impl DecoratedEvent {
    /// The topic's name: `messagesTopic` of `urn:li-realtime:messagesTopic:…`.
    #[must_use]
    pub fn topic_name(&self) -> &str {
        topic_name(&self.topic)
    }

    /// The typed event, in `me`'s mailbox (whose URNs the legacy format leaves out).
    #[must_use]
    pub fn event(&self, me: &ProfileId) -> Event {
        let read = match self.payload.get("data") {
            Some(data) => self.graphql(data, me),
            None => self.legacy(me),
        };
        read.unwrap_or_else(|| Event::Other {
            topic: self.topic_name().to_owned(),
            raw: self.payload.clone(),
        })
    }

    /// A GraphQL-decorated payload: `data.doDecorate…MessengerRealtimeDecoration.result`.
    fn graphql(&self, data: &Value, me: &ProfileId) -> Option<Event> {
        let (key, decoration) = data
            .as_object()?
            .iter()
            .find(|(k, _)| k.starts_with("doDecorate"))?;
        let result = decoration.get("result")?.clone();
        let kind = key
            .strip_prefix("doDecorate")?
            .strip_suffix("MessengerRealtimeDecoration")?;
        match kind {
            "Message" => {
                let format = text(&result, "/messageBodyRenderFormat");
                let model: m::Message = serde_json::from_value(result).ok()?;
                match format.as_deref() {
                    Some("RECALLED") => Some(Event::MessageRecalled {
                        message_urn: model.entity_urn.clone(),
                        conversation_urn: model.conversation.and_then(|c| c.entity_urn),
                    }),
                    Some("EDITED") => Message::from_message(&model, me).map(Event::MessageEdited),
                    _ => Message::from_message(&model, me).map(Event::Message),
                }
            }
            "Conversation" => {
                let conversation_urn = text(&result, "/entityUrn")?;
                let archived = result
                    .get("categories")
                    .and_then(Value::as_array)
                    .is_some_and(|c| c.iter().any(|c| c == "ARCHIVE"));
                let read = result.get("read").and_then(Value::as_bool);
                Some(match (archived, read) {
                    (true, _) => Event::ConversationArchived { conversation_urn },
                    (false, Some(true)) => Event::ConversationRead { conversation_urn },
                    (false, Some(false)) => Event::ConversationUnread { conversation_urn },
                    (false, None) => return None,
                })
            }
            "ConversationDelete" => {
                let conversation_urn = text(&result, "/entityUrn")
                    .or_else(|| text(&result, "/conversation/entityUrn"))?;
                Some(Event::ConversationDeleted { conversation_urn })
            }
            "TypingIndicator" => Some(Event::Typing {
                conversation_urn: text(&result, "/conversation/entityUrn")?,
                profile_urn: text(&result, "/typingParticipant/hostIdentityUrn"),
            }),
            "SeenReceipt" => Some(Event::Seen {
                message_urn: text(&result, "/message/entityUrn")?,
                profile_urn: text(&result, "/seenByParticipant/hostIdentityUrn"),
                seen_at: result.get("seenAt").and_then(Value::as_i64),
            }),
            "RealtimeReactionSummary" => Some(Event::Reaction {
                message_urn: text(&result, "/message/entityUrn")?,
                emoji: text(&result, "/reactionSummary/emoji")?,
                added: result.get("reactionAdded").and_then(Value::as_bool)?,
                profile_urn: text(&result, "/actor/hostIdentityUrn"),
                count: result
                    .pointer("/reactionSummary/count")
                    .and_then(Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok()),
            }),
            _ => None,
        }
    }

    /// A legacy payload (TX's captures, peers.md §c.6).
    fn legacy(&self, me: &ProfileId) -> Option<Event> {
        let p = &self.payload;
        let mailbox = me.urn();
        let message_urn = |id: &str| format!("urn:li:msg_message:({mailbox},{id})");
        let conversation_urn =
            |thread: &str| format!("urn:li:msg_conversation:({mailbox},{thread})");
        if let Some(event) = p.get("event") {
            return legacy_message(event, me, &message_urn, &conversation_urn);
        }
        if let Some(receipt) = p.get("seenReceipt") {
            let (_, id) = tuple_parts(receipt.get("eventUrn")?.as_str()?)?;
            return Some(Event::Seen {
                message_urn: message_urn(id),
                profile_urn: p
                    .get("fromEntity")
                    .and_then(Value::as_str)
                    .and_then(profile_urn_of),
                seen_at: receipt.get("seenAt").and_then(Value::as_i64),
            });
        }
        if let Some(summary) = p.get("reactionSummary") {
            let (_, id) = tuple_parts(p.get("eventUrn")?.as_str()?)?;
            return Some(Event::Reaction {
                message_urn: message_urn(id),
                emoji: summary.get("emoji")?.as_str()?.to_owned(),
                added: p.get("reactionAdded").and_then(Value::as_bool)?,
                profile_urn: p
                    .get("actorMiniProfileUrn")
                    .and_then(Value::as_str)
                    .and_then(profile_urn_of),
                count: summary
                    .get("count")
                    .and_then(Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok()),
            });
        }
        if let Some(action) = p.get("action").and_then(Value::as_str) {
            let thread = urn_key(p.get("entityUrn")?.as_str()?)?;
            let conversation_urn = conversation_urn(thread);
            return match action {
                "DELETE" => Some(Event::ConversationDeleted { conversation_urn }),
                "UPDATE" => {
                    let c = p.get("conversation")?;
                    let archived = c.get("archived").and_then(Value::as_bool) == Some(true);
                    match (archived, c.get("read").and_then(Value::as_bool)) {
                        (true, _) => Some(Event::ConversationArchived { conversation_urn }),
                        (false, Some(true)) => Some(Event::ConversationRead { conversation_urn }),
                        (false, Some(false)) => {
                            Some(Event::ConversationUnread { conversation_urn })
                        }
                        (false, None) => None,
                    }
                }
                _ => None,
            };
        }
        if self.topic_name() == "typingIndicatorsTopic" {
            let thread = urn_key(p.get("conversation")?.as_str()?)?;
            return Some(Event::Typing {
                conversation_urn: conversation_urn(thread),
                profile_urn: p
                    .get("fromEntity")
                    .and_then(Value::as_str)
                    .and_then(profile_urn_of),
            });
        }
        None
    }
}

/// A legacy `payload.event`: a message (new, edited or recalled by its render format).
fn legacy_message(
    event: &Value,
    me: &ProfileId,
    message_urn: &dyn Fn(&str) -> String,
    conversation_urn: &dyn Fn(&str) -> String,
) -> Option<Event> {
    let content = event.get("eventContent")?.get(MESSAGE_EVENT)?;
    let entity = event.get("entityUrn").and_then(Value::as_str)?;
    let (thread, from_entity) = tuple_parts(entity)?;
    let id = event
        .get("backendUrn")
        .and_then(Value::as_str)
        .and_then(|u| u.strip_prefix("urn:li:messagingMessage:"))
        .or_else(|| {
            event
                .get("dashEntityUrn")
                .and_then(Value::as_str)
                .and_then(|u| u.strip_prefix("urn:li:fsd_message:"))
        })
        .unwrap_or(from_entity)
        .to_owned();
    let conversation = conversation_urn(thread);
    let format = content
        .get("messageBodyRenderFormat")
        .and_then(Value::as_str);
    if format == Some("RECALLED") {
        return Some(Event::MessageRecalled {
            message_urn: message_urn(&id),
            conversation_urn: Some(conversation),
        });
    }
    let body = text(content, "/attributedBody/text")
        .or_else(|| text(content, "/body"))
        .unwrap_or_default();
    let sender = event
        .get("from")
        .and_then(|f| f.get(MESSAGING_MEMBER))
        .and_then(|member| member.get("miniProfile"))
        .map(|mini| {
            let profile_urn = mini
                .get("entityUrn")
                .and_then(Value::as_str)
                .and_then(profile_urn_of);
            Participant {
                profile_id: profile_urn
                    .as_deref()
                    .and_then(|u| ProfileId::parse(u).ok()),
                profile_urn,
                first_name: text(mini, "/firstName").unwrap_or_default(),
                last_name: text(mini, "/lastName").unwrap_or_default(),
                headline: text(mini, "/occupation"),
                profile_url: text(mini, "/publicIdentifier")
                    .map(|p| format!("https://www.linkedin.com/in/{p}")),
                distance: None,
            }
        });
    let from_me = sender
        .as_ref()
        .and_then(|s| s.profile_id.as_ref())
        .is_some_and(|id| id == me);
    let message = Message {
        urn: message_urn(&id),
        id: Some(id),
        conversation_urn: Some(conversation),
        text: body,
        subject: None,
        sender,
        from_me,
        delivered_at: event.get("createdAt").and_then(Value::as_i64),
        // The legacy event's files: `attachments[{id, byteSize, mediaType, name,
        // reference{string}}]` (peers.md §c.3).
        attachments: content
            .get("attachments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|a| crate::view::Attachment {
                name: a
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                byte_size: a.get("byteSize").and_then(Value::as_u64),
                media_type: a
                    .get("mediaType")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                url: a
                    .pointer("/reference/string")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                asset_urn: None,
            })
            .collect(),
    };
    Some(if format == Some("EDITED") {
        Event::MessageEdited(message)
    } else {
        Event::Message(message)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sse_lines_are_cut_across_chunks() {
        let mut lines = SseLines::new();
        assert!(lines.push(b"data: {\"a\"").is_empty());
        assert_eq!(
            lines.push(b":1}\n\ndata:{}\r\n: comment\nid: 3\n"),
            ["{\"a\":1}", "{}"]
        );
    }

    #[test]
    fn urn_keys() {
        assert_eq!(urn_key("urn:li:fs_conversation:2-abc=="), Some("2-abc=="));
        assert_eq!(urn_key("urn:li:fs_event:(2-a==,2-b==)"), Some("2-b=="));
        assert_eq!(
            topic_name("urn:li-realtime:messagesTopic:urn:li-realtime:myself"),
            "messagesTopic"
        );
    }
}
