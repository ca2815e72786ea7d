//! Changing a message after it was sent: editing its text, recalling it, reacting to it with
//! an emoji and taking the reaction back, with the messenger actions the web app and MX send
//! (catalogue `message_edit`, `message_recall`, `message_react`, `message_unreact`; peers.md
//! §b.MX). None is recorded in the 2026 capture; see the catalogue's notes.
//!
//! Each is a write: never retried. One whose answer was lost is read back: the message is
//! looked up among its conversation's latest messages (the conversation is told from the
//! message's id, which ends with its thread's: peers.md §c.4), and the change is there (the
//! new text, `messageBodyRenderFormat` `RECALLED`, the logged-in member's reaction) or not
//! ([`Error::NotSent`]); when the message cannot be found, [`Error::OutcomeUnknown`] says
//! where to look. The change reaches every participant's realtime stream
//! ([`Linkedin::events`]).

use base64::Engine as _;
use linkedin_catalogue::endpoints;
use linkedin_models::Raw;
use linkedin_models::id::{ConversationId, ProfileId};
use serde_json::{Value, json};

use crate::Message;
use crate::client::{Call, Linkedin};
use crate::error::{Error, Result, not_found};
use crate::messaging::READ_BACK_MESSAGES;
use crate::settle::Unsettled;
use crate::validate;

impl Linkedin {
    /// Edits the text of a message the logged-in member sent.
    ///
    /// Python: none
    ///
    /// `message` is its `urn:li:msg_message:(…)` URN ([`Message::urn`](crate::Message::urn))
    /// or its id (`2-<base64>==`). The new text is checked as a message's.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad message or text (nothing sent), [`Error::NotFound`]
    /// for an unknown message, a 403 [`Error::Transport`] for someone else's,
    /// [`Error::NotSent`] or [`Error::OutcomeUnknown`] when the answer was lost and the
    /// read-back says it was not done or cannot tell (see the module), and transport errors.
    pub async fn edit_message(&self, message: &str, text: &str) -> Result<()> {
        let text = validate::text("text", text, validate::MESSAGE_TEXT_MAX)?;
        let urn = self.own_message_urn(message).await?;
        let call = self
            .call(endpoints::MESSAGE_EDIT)
            .path("messageUrn", urn.as_str())
            .body(json!({"patch": {"$set": {"body": {"text": text, "attributes": []}}}}));
        let change = Change {
            what: "the edit of message",
            absent: "its text is not the new one",
            done: &|m: &Value| m.pointer("/body/text").and_then(Value::as_str) == Some(text),
        };
        self.change_message(call, &urn, change).await
    }

    /// Recalls (deletes for everyone) a message the logged-in member sent.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`edit_message`](Self::edit_message).
    pub async fn recall_message(&self, message: &str) -> Result<()> {
        let urn = self.own_message_urn(message).await?;
        let call = self
            .call(endpoints::MESSAGE_RECALL)
            .body(json!({ "messageUrn": urn }));
        let change = Change {
            what: "the recall of message",
            absent: "it is not marked RECALLED",
            done: &|m: &Value| {
                m.get("messageBodyRenderFormat").and_then(Value::as_str) == Some("RECALLED")
            },
        };
        self.change_message(call, &urn, change).await
    }

    /// Reacts to a message of the logged-in member's mailbox with an emoji.
    ///
    /// Python: none
    ///
    /// Counts against the daily budget of reactions and comments.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad message or emoji (nothing sent),
    /// [`Error::NotFound`] for an unknown message, [`Error::NotSent`] or
    /// [`Error::OutcomeUnknown`] after a lost answer (as for
    /// [`edit_message`](Self::edit_message)), and transport errors.
    pub async fn react_to_message(&self, message: &str, emoji: &str) -> Result<()> {
        self.reaction(message, emoji, true).await
    }

    /// Takes back the logged-in member's reaction to a message.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`react_to_message`](Self::react_to_message).
    pub async fn unreact_to_message(&self, message: &str, emoji: &str) -> Result<()> {
        self.reaction(message, emoji, false).await
    }

    async fn reaction(&self, message: &str, emoji: &str, add: bool) -> Result<()> {
        let emoji = validate::emoji(emoji)?;
        let urn = self.own_message_urn(message).await?;
        let endpoint = if add {
            endpoints::MESSAGE_REACT
        } else {
            endpoints::MESSAGE_UNREACT
        };
        let call = self
            .call(endpoint)
            .body(json!({ "messageUrn": urn, "emoji": emoji }));
        let mine = |m: &Value| {
            m.get("reactionSummaries")
                .and_then(Value::as_array)
                .is_some_and(|all| {
                    all.iter().any(|r| {
                        r.get("emoji").and_then(Value::as_str) == Some(emoji)
                            && r.get("viewerReacted").and_then(Value::as_bool) == Some(true)
                    })
                })
        };
        let change = if add {
            Change {
                what: "the reaction to message",
                absent: "the logged-in member's reaction is not on it",
                done: &mine,
            }
        } else {
            Change {
                what: "the removal of the reaction to message",
                absent: "the logged-in member's reaction is still on it",
                done: &|m: &Value| !mine(m),
            }
        };
        self.change_message(call, &urn, change).await
    }

    /// A message of the logged-in member's mailbox, read from its conversation.
    ///
    /// It is looked up among its conversation's latest messages (the conversation is told
    /// from the message's id): what editing, recalling or reacting to it would change, read
    /// before it is done.
    ///
    /// Python: none
    ///
    /// `message` is its `urn:li:msg_message:(…)` URN or its id (`2-<base64>==`). One request
    /// (and the logged-in member's profile, when not known yet).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed message, one of another mailbox or one whose
    /// id does not say its conversation (nothing sent), [`Error::NotFound`] when it is not
    /// among its conversation's latest messages, and transport errors.
    pub async fn mailbox_message(&self, message: &str) -> Result<Raw<Message>> {
        let urn = self.own_message_urn(message).await?;
        self.find_message(&urn).await
    }

    /// The message `urn` (`urn:li:msg_message:(<mailbox>,<id>)`) among its conversation's
    /// latest [`READ_BACK_MESSAGES`] messages.
    async fn find_message(&self, urn: &str) -> Result<Raw<Message>> {
        let id = urn
            .strip_suffix(')')
            .and_then(|u| u.rsplit_once(','))
            .map_or(urn, |(_, id)| id);
        let Some(conversation) = conversation_of(id) else {
            return Err(Error::InvalidInput {
                field: "message",
                reason: format!("{id} does not say its conversation, so it cannot be read back"),
            });
        };
        self.conversation_messages(conversation)
            .limit(READ_BACK_MESSAGES)
            .find(|m| m.urn == urn)
            .await?
            .ok_or_else(|| Error::NotFound {
                what: format!(
                    "message {id} among its conversation's latest {READ_BACK_MESSAGES} messages"
                ),
            })
    }

    /// Sends `call`, a change of message `urn` (never retried); when its answer is lost, reads
    /// the message back from its conversation and gives whether the change is there.
    async fn change_message(&self, call: Call, urn: &str, change: Change<'_>) -> Result<()> {
        let cause = match self.send(call).await {
            Ok(_) => return Ok(()),
            Err(e) if e.may_have_been_sent() => e,
            Err(e) => return Err(not_found(e, || format!("message {urn}"))),
        };
        let id = urn
            .strip_suffix(')')
            .and_then(|u| u.rsplit_once(','))
            .map_or(urn, |(_, id)| id);
        let conversation = conversation_of(id);
        let look = match &conversation {
            Some(c) => format!(
                "look at the message in its conversation (`linkedin messages show {}`)",
                c.thread()
            ),
            None => "look at the message in its conversation (`linkedin messages show THREAD`)"
                .to_owned(),
        };
        let check = async {
            let found = self.find_message(urn).await?;
            Ok((change.done)(found.raw()).then_some(()))
        };
        Unsettled {
            what: format!("{} {id}", change.what),
            absent: change.absent.to_owned(),
            look,
        }
        .settle(cause, check)
        .await
    }

    /// `urn:li:msg_message:(<own mailbox>,<id>)` of a message URN or id; one of another
    /// mailbox is refused.
    async fn own_message_urn(&self, message: &str) -> Result<String> {
        let me = self.my_profile_id().await?;
        message_urn(message, &me)
    }
}

/// A change of a message, and how its read-back shows it.
struct Change<'a> {
    /// The change as a noun phrase, completed by the message's id.
    what: &'static str,
    /// Why the message as read back shows the change did not happen.
    absent: &'static str,
    /// Whether the message's JSON, as read back, shows the change.
    done: &'a (dyn Fn(&Value) -> bool + Sync),
}

/// The conversation of a message, told from its id: LinkedIn's message ids decode to
/// `<ms>b<5 digits>-<3 digits>&<thread payload>` and the thread id is `2-` and the base64 of
/// that payload (peers.md §c.4). `None` for an id that does not decode so.
pub(crate) fn conversation_of(message_id: &str) -> Option<ConversationId> {
    let base64 = base64::engine::general_purpose::STANDARD;
    let bytes = base64.decode(message_id.strip_prefix("2-")?).ok()?;
    let (head, payload) = bytes.split_at(bytes.iter().position(|b| *b == b'&')?);
    let payload = &payload[1..];
    if !head.contains(&b'b') || payload.is_empty() {
        return None;
    }
    ConversationId::parse(&format!("2-{}", base64.encode(payload))).ok()
}

/// `urn:li:msg_message:(<me>,<id>)` of `message`: such a URN of `me`'s mailbox, or an id.
pub(crate) fn message_urn(message: &str, me: &ProfileId) -> Result<String> {
    let bad = |reason: String| Error::InvalidInput {
        field: "message",
        reason,
    };
    let message = message.trim();
    let id = match message.strip_prefix("urn:li:msg_message:(") {
        Some(rest) => {
            let (mailbox, id) = rest
                .strip_suffix(')')
                .and_then(|r| r.split_once(','))
                .ok_or_else(|| bad(format!("{message} is not a message URN")))?;
            if mailbox != me.urn() {
                return Err(bad(format!(
                    "the message belongs to the mailbox {mailbox}, not the logged-in member's ({})",
                    me.urn()
                )));
            }
            id
        }
        None => message,
    };
    let ok = id.starts_with("2-")
        && id.len() > 2
        && id[2..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'));
    if !ok {
        return Err(bad(format!(
            "{message:?} is neither a message URN (urn:li:msg_message:(…)) nor a message id (2-<base64>==)"
        )));
    }
    Ok(format!("urn:li:msg_message:({},{id})", me.urn()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_urns_are_of_the_own_mailbox() {
        let me = ProfileId::parse("ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ").unwrap();
        let urn = "urn:li:msg_message:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-MTIz==)";
        assert_eq!(message_urn(urn, &me).unwrap(), urn);
        assert_eq!(message_urn("2-MTIz==", &me).unwrap(), urn);
        let other = "urn:li:msg_message:(urn:li:fsd_profile:ACoAAC9fWm2BtR5xLe8uKc3pYa7vHd0qNiGsTzE,2-MTIz==)";
        assert!(message_urn(other, &me).is_err());
        assert!(message_urn("hello", &me).is_err());
        assert!(message_urn("urn:li:msg_message:(x)", &me).is_err());
    }

    /// A message id tells its conversation (peers.md §c.4's example); others do not.
    #[test]
    fn a_message_id_tells_its_conversation() {
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let thread = "5fd09346-7c55-4c9e-a1f3-2b8e0d4c6a11_100";
        let message = format!("2-{}", b64(&format!("1783015934053b23323-100&{thread}")));
        let c = conversation_of(&message).unwrap();
        assert_eq!(c.thread(), format!("2-{}", b64(thread)));
        for bad in [
            "2-MTIz==",
            "hello",
            "2-!!",
            &format!("2-{}", b64("no-ampersand")),
        ] {
            assert!(conversation_of(bad).is_none(), "{bad}");
        }
        assert!(conversation_of(&format!("2-{}", b64("1783015934053b23323-100&"))).is_none());
    }
}
