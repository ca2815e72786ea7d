//! Changing a message after it was sent: editing its text, recalling it, reacting to it with
//! an emoji and taking the reaction back, with the messenger actions the web app and MX send
//! (catalogue `message_edit`, `message_recall`, `message_react`, `message_unreact`; peers.md
//! §b.MX). None is recorded in the 2026 capture; see the catalogue's notes.
//!
//! Each is a write: never retried. One whose answer was lost is given as the transport's
//! error ([`Error::may_have_been_sent`] says so): unlike sending, it is not read back yet.
//! The change reaches every participant's realtime stream ([`Linkedin::events`]).

use linkedin_catalogue::endpoints;
use linkedin_models::id::ProfileId;
use serde_json::json;

use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::validate;

/// The most characters of an emoji (a flag or a family is several code points).
const EMOJI_MAX: usize = 16;

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
    /// for an unknown message, a 403 [`Error::Transport`] for someone else's, and transport
    /// errors.
    pub async fn edit_message(&self, message: &str, text: &str) -> Result<()> {
        let text = validate::text("text", text, validate::MESSAGE_TEXT_MAX)?;
        let urn = self.own_message_urn(message).await?;
        let call = self
            .call(endpoints::MESSAGE_EDIT)
            .path("messageUrn", urn.as_str())
            .body(json!({"patch": {"$set": {"body": {"text": text, "attributes": []}}}}));
        self.send(call)
            .await
            .map(drop)
            .map_err(|e| not_found(e, || format!("message {urn}")))
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
        self.send(call)
            .await
            .map(drop)
            .map_err(|e| not_found(e, || format!("message {urn}")))
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
    /// [`Error::NotFound`] for an unknown message, and transport errors.
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
        let emoji = emoji.trim();
        if emoji.is_empty()
            || emoji.chars().count() > EMOJI_MAX
            || emoji.chars().any(|c| c.is_alphanumeric() || c.is_control())
        {
            return Err(Error::InvalidInput {
                field: "emoji",
                reason: format!("{emoji:?} is not an emoji"),
            });
        }
        let urn = self.own_message_urn(message).await?;
        let endpoint = if add {
            endpoints::MESSAGE_REACT
        } else {
            endpoints::MESSAGE_UNREACT
        };
        let call = self
            .call(endpoint)
            .body(json!({ "messageUrn": urn, "emoji": emoji }));
        self.send(call)
            .await
            .map(drop)
            .map_err(|e| not_found(e, || format!("message {urn}")))
    }

    /// `urn:li:msg_message:(<own mailbox>,<id>)` of a message URN or id; one of another
    /// mailbox is refused.
    async fn own_message_urn(&self, message: &str) -> Result<String> {
        let me = self.my_profile_id().await?;
        message_urn(message, &me)
    }
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
}
