//! Writes with a known outcome: when a write may have been lost on the way (the connection
//! broke after it left, a timeout while LinkedIn worked, a 5xx), it is never sent again;
//! LinkedIn is read back instead, and the write is reported done or not done. Only when that
//! read fails too is the outcome unknown, and the error names the exact check to run.
//!
//! Every write of the facade goes through [`Unsettled::settle`] with its own read-back:
//!
//! | write | read back |
//! |---|---|
//! | `send_message` | the conversation's latest messages, by the send's `originToken` |
//! | `start_conversation` | the inbox's latest conversations, then the one holding the token |
//! | `add_connection` | the pending sent invitations, by invitee |
//! | `reply_invitation` (accept, reject) | the pending received invitations: gone or still there |
//! | `withdraw_invitation` | the pending sent invitations: gone or still there |
//! | `remove_connection` | the own connections: gone or still there |
//! | `follow_page`, `unfollow_page` | the page's following state |
//! | `react_to_post` | the post's reactions, by the logged-in member |
//! | `mark_conversation_read`, `..._unread` | the inbox's latest conversations' read flag |
//! | `create_post` | the author's latest posts, by text |
//! | `comment_on_post`, `reply_to_comment` | the post's comments, by the member and text |
//! | `delete_post` | the delete sent once more (a deleted share answers 404) |
//! | `delete_comment` | the delete sent once more (a deleted comment answers 404) |
//! | `mark_notification_read` | the latest notifications' read flag |
//! | `rename_conversation` | the inbox's latest conversations' title |
//! | `start_group_conversation` | as `start_conversation` |
//! | `mark_all_seen` | the clear sent once more (up to the same time: no further change) |
//! | `edit_message`, `recall_message` | the message in its conversation (told from its id): the new text, `RECALLED` |
//! | `react_to_message`, `unreact_to_message` | the same message's `reactionSummaries`: the member's reaction there or gone |
//!
//! Typing (`send_typing`) and delivery acknowledgements (`acknowledge_delivery`) change
//! nothing a read shows: a lost answer is given as their error. `mark_seen` settles its read
//! as `mark_conversation_read`.

use std::future::Future;

use crate::error::{Error, Result};

/// A write whose answer did not arrive, and what reading it back means.
pub(crate) struct Unsettled {
    /// The write, as a noun phrase (`the message to conversation 2-…`).
    pub(crate) what: String,
    /// Why its absence from the read-back means it did not take effect (`its originToken is
    /// not among the conversation's latest 20 messages`).
    pub(crate) absent: String,
    /// What the user can look at when the read-back fails too (`linkedin messages show …`).
    pub(crate) look: String,
}

impl Unsettled {
    /// Settles the write that failed with `cause`: `check` reads LinkedIn back and gives the
    /// write's result when it took effect, `None` when it did not.
    ///
    /// # Errors
    ///
    /// [`Error::NotSent`] when the read-back shows it did not take effect;
    /// [`Error::OutcomeUnknown`] when the read-back failed.
    pub(crate) async fn settle<T>(
        self,
        cause: Error,
        check: impl Future<Output = Result<Option<T>>>,
    ) -> Result<T> {
        tracing::info!(%cause, what = %self.what, "the write's outcome is not known; reading it back");
        match check.await {
            Ok(Some(done)) => Ok(done),
            Ok(None) => Err(Error::NotSent {
                what: self.what,
                how_known: self.absent,
                cause: Box::new(cause),
            }),
            Err(check_error) => Err(Error::OutcomeUnknown {
                what: self.what,
                check: self.look,
                cause: Box::new(cause),
                check_error: Box::new(check_error),
            }),
        }
    }
}

impl crate::client::Linkedin {
    /// Sends a Rest.li delete (`call` makes it) whose effect is the same sent twice: when its
    /// answer is lost, it is sent once more, and that answer, or its 404 (what is gone is not
    /// found), says the first took. `what` and `look` word an outcome still unknown; `missing`
    /// names what a first 404 did not find.
    pub(crate) async fn delete_settled(
        &self,
        call: impl Fn() -> crate::client::Call,
        what: String,
        look: String,
        missing: impl FnOnce() -> String,
    ) -> Result<()> {
        match self.send(call()).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    match self.send(call()).await {
                        Ok(_) => Ok(Some(())),
                        Err(again) => match crate::error::not_found(again, String::new) {
                            Error::NotFound { .. } => Ok(Some(())),
                            other => Err(other),
                        },
                    }
                };
                Unsettled {
                    what,
                    absent: "it is still there".to_owned(),
                    look,
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(crate::error::not_found(e, missing)),
        }
    }
}

/// Whether `value` holds, anywhere, the key `originToken` with the value `token` (LinkedIn
/// echoes a send's token on the stored message, wherever the message sits in an answer).
pub(crate) fn holds_origin_token(value: &serde_json::Value, token: &str) -> bool {
    use serde_json::Value;
    match value {
        Value::Object(map) => map.iter().any(|(key, v)| {
            (key == "originToken" && v.as_str() == Some(token)) || holds_origin_token(v, token)
        }),
        Value::Array(items) => items.iter().any(|v| holds_origin_token(v, token)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn cut() -> Error {
        Error::from(linkedin_transport::Error::Interrupted {
            method: "POST".into(),
            path: "/x".into(),
        })
    }

    fn unsettled() -> Unsettled {
        Unsettled {
            what: "the write".into(),
            absent: "it is not there".into(),
            look: "look there".into(),
        }
    }

    #[tokio::test]
    async fn a_read_back_decides_done_not_done_or_unknown() {
        let done = unsettled().settle(cut(), async { Ok(Some(7)) }).await;
        assert_eq!(done.unwrap(), 7);
        let absent = unsettled()
            .settle(cut(), async { Ok(None::<u8>) })
            .await
            .unwrap_err();
        assert!(matches!(absent, Error::NotSent { .. }), "{absent:?}");
        assert!(absent.to_string().contains("it is not there"), "{absent}");
        let failed = unsettled()
            .settle(cut(), async {
                Err::<Option<u8>, _>(Error::NotFound { what: "x".into() })
            })
            .await
            .unwrap_err();
        assert!(
            matches!(&failed, Error::OutcomeUnknown { check, .. } if check == "look there"),
            "{failed:?}"
        );
    }

    #[test]
    fn the_origin_token_is_found_wherever_the_message_sits() {
        let answer = json!({"elements": [{"messages": {"elements": [
            {"originToken": "other"}, {"body": {"text": "hi"}, "originToken": "mine"}
        ]}}]});
        assert!(holds_origin_token(&answer, "mine"));
        assert!(!holds_origin_token(&answer, "absent"));
        assert!(!holds_origin_token(&json!({"text": "mine"}), "mine"));
    }
}
