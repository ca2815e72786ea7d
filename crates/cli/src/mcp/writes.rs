//! The write tools, offered only with `--allow-writes`: each goes through the facade (so the
//! account's pacing, daily budgets and circuit breaker apply, and a write whose answer was
//! lost is settled by reading back, never sent twice) and gives the verified outcome.
//!
//! `preview: true` checks the write as sending it would (the text, the member or
//! conversation looked up) and says what would be sent, without sending. The facade builds a
//! write's request only as it sends it, so a preview is that validation and a description of
//! the call, not the request's bytes.

use futures::TryStreamExt;
use linkedin_api::models::Raw;
use linkedin_api::{Error, Invitation, MemberSummary, Message, validate};
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Server, ToolError};
use crate::commands::messages::{check_text, profile_urn};

/// `send_message`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SendMessage {
    /// The conversation: its thread_id ("2-...==", from list_conversations) or its URN.
    conversation: String,
    /// The text (1 to 8000 characters).
    text: String,
    /// Check and describe the message without sending it (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// `invite`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Invite {
    /// The member: a public id, a profile id (ACoAA...), a profile URN or a profile URL.
    profile: String,
    /// A note to send with the request (at most 300 characters).
    #[serde(default)]
    note: Option<String>,
    /// Check and describe the request without sending it (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// `accept_invitation`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcceptInvitation {
    /// The received invitation: its id (digits, from list_invitations) or its URN
    /// (urn:li:fs_relInvitation:<id>).
    invitation: String,
    /// Check that it is pending and say whose it is, without accepting (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// What a write did, or with `preview` what it would do.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Outcome {
    /// Whether this was a preview (nothing sent).
    preview: bool,
    /// The facade's call: send_message, add_connection or accept_invitation.
    action: &'static str,
    /// What happened: "sent", "accepted", "would_send", "would_accept", or for an
    /// invitation LinkedIn took none of "already_pending", "invited_you",
    /// "already_invited_or_connected" (nothing sent).
    outcome: String,
    /// The conversation, member or invitation it is about.
    target: String,
    /// The text or note sent (or that would be).
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// The message as LinkedIn stored it (send_message), or the conversation's latest
    /// message (a preview).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    message: Option<Raw<Message>>,
    /// The other member (invite: the invitee, looked up in a preview; accept: the sender).
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<Person>,
}

/// A member a write is about.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Person {
    /// First and last name.
    name: String,
    /// The public id (linkedin.com/in/<public id>), when known.
    public_id: Option<String>,
    /// The headline.
    headline: Option<String>,
}

impl From<MemberSummary> for Person {
    fn from(m: MemberSummary) -> Self {
        Self {
            name: format!("{} {}", m.first_name, m.last_name)
                .trim()
                .to_owned(),
            public_id: m.public_id.map(|id| id.to_string()),
            headline: m.headline,
        }
    }
}

/// An invitation id, from its id or URN; bad input before anything is sent.
fn invitation_id(text: &str) -> Result<String, Error> {
    validate::invitation_id("invitation", text).map_err(|e| match e {
        Error::InvalidInput { field, reason } => Error::InvalidInput {
            field,
            reason: format!("{reason}: list_invitations gives them"),
        },
        other => other,
    })
}

#[tool_router(router = writes, vis = "pub(super)")]
impl Server {
    /// WRITE: send a message in an existing conversation, as the logged-in member. Sent
    /// once and never retried blindly (a lost answer is settled by reading the conversation
    /// back); gives the message as LinkedIn stored it. Counts against the daily message
    /// budget. `preview: true` checks the text and the conversation and gives its latest
    /// message, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn send_message(
        &self,
        Parameters(args): Parameters<SendMessage>,
    ) -> Result<Json<Outcome>, ToolError> {
        check_text("text", &args.text, validate::MESSAGE_TEXT_MAX)?;
        let li = self.li();
        if args.preview == Some(true) {
            // Read, which refuses a malformed conversation and finds an unknown one as the
            // send would.
            let last = li
                .conversation_messages(args.conversation.as_str())
                .limit(1)
                .try_next()
                .await?;
            return Ok(Json(Outcome {
                preview: true,
                action: "send_message",
                outcome: "would_send".to_owned(),
                target: last
                    .as_ref()
                    .and_then(|m| m.conversation_urn.clone())
                    .unwrap_or_else(|| args.conversation.clone()),
                text: Some(args.text),
                message: last,
                member: None,
            }));
        }
        let sent = li
            .send_message(args.conversation.as_str(), &args.text)
            .await?;
        Ok(Json(Outcome {
            preview: false,
            action: "send_message",
            outcome: "sent".to_owned(),
            target: sent
                .conversation_urn
                .clone()
                .unwrap_or_else(|| args.conversation.clone()),
            text: Some(args.text),
            message: Some(sent),
            member: None,
        }))
    }

    /// WRITE: send a connection request to a member, with an optional note (300 characters
    /// at most). Gives what LinkedIn made of it: "sent", or, with nothing sent,
    /// "already_pending" / "invited_you" (accept theirs instead) /
    /// "already_invited_or_connected". Counts against the daily invitation budget (20 on
    /// linkedin.com). `preview: true` looks the member up and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn invite(
        &self,
        Parameters(args): Parameters<Invite>,
    ) -> Result<Json<Outcome>, ToolError> {
        if let Some(note) = &args.note {
            check_text("note", note, validate::INVITATION_MESSAGE_MAX)?;
        }
        let li = self.li();
        let urn = profile_urn(li, "profile", &args.profile).await?;
        if args.preview == Some(true) {
            let p = li.profile(urn.as_str()).await?;
            let member = Some(Person {
                name: format!("{} {}", p.first_name, p.last_name)
                    .trim()
                    .to_owned(),
                public_id: p.public_identifier.clone(),
                headline: p.headline.clone(),
            });
            return Ok(Json(Outcome {
                preview: true,
                action: "add_connection",
                outcome: "would_send".to_owned(),
                target: urn,
                text: args.note,
                message: None,
                member,
            }));
        }
        let invited = li
            .add_connection(urn.as_str(), args.note.as_deref())
            .await?;
        let outcome = match invited {
            linkedin_api::Invited::AlreadyPending => "already_pending",
            linkedin_api::Invited::InvitedYou => "invited_you",
            linkedin_api::Invited::AlreadyInvitedOrConnected => "already_invited_or_connected",
            _ => "sent",
        };
        Ok(Json(Outcome {
            preview: false,
            action: "add_connection",
            outcome: outcome.to_owned(),
            target: urn,
            text: args.note,
            message: None,
            member: None,
        }))
    }

    /// WRITE: accept a received invitation to connect (its id from list_invitations): the
    /// sender becomes a connection. Gives who sent it. `preview: true` checks that it is
    /// pending and says whose it is, accepting nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn accept_invitation(
        &self,
        Parameters(args): Parameters<AcceptInvitation>,
    ) -> Result<Json<Outcome>, ToolError> {
        let id = invitation_id(&args.invitation)?;
        let li = self.li();
        let found: Option<Raw<Invitation>> = li.invitations().find(|i| i.id == id).await?;
        let Some(found) = found else {
            return Err(ToolError::from(crate::exit::Failure {
                code: 6,
                message: format!(
                    "invitation {id} is not among your pending received invitations: list_invitations shows them"
                ),
            }));
        };
        let preview = args.preview == Some(true);
        if !preview {
            li.accept_invitation(&found).await?;
        }
        Ok(Json(Outcome {
            preview,
            action: "accept_invitation",
            outcome: if preview { "would_accept" } else { "accepted" }.to_owned(),
            target: format!("urn:li:fs_relInvitation:{id}"),
            text: None,
            message: None,
            member: found.into_inner().from.map(Person::from),
        }))
    }
}
