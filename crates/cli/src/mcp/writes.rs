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
use linkedin_api::{
    Comment, Error, Invitation, Linkedin, MemberSummary, Message, Pages, ReactionType, validate,
};
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Server, ToolError};
use crate::commands::messages::{check_start, check_text, profile_urn, recipient_urns};

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

/// `remove_connection`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RemoveConnection {
    /// The connection: a public id, a profile id (ACoAA...), a profile URN or a profile URL.
    profile: String,
    /// Look the member up and say who would be removed, removing nothing (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of the tools that answer or withdraw an invitation.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnInvitation {
    /// The invitation: its id (digits, from list_invitations; with `sent: true` for the
    /// ones you sent) or its URN (urn:li:fs_relInvitation:<id>).
    invitation: String,
    /// Check that it is pending and say whose it is, changing nothing (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of recall_message.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AMessage {
    /// The message: its id ("2-...==", the `id` get_conversation gives) or its URN
    /// (urn:li:msg_message:(...)).
    message: String,
    /// Find the message in its conversation and say what would change, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `edit_message`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EditMessage {
    /// The message: its id ("2-...==", from get_conversation) or its URN.
    message: String,
    /// The new text (1 to 8000 characters).
    text: String,
    /// Find the message in its conversation and say what would change, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of react_to_message and remove_message_reaction.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessageReaction {
    /// The message: its id ("2-...==", from get_conversation) or its URN.
    message: String,
    /// The emoji ("👍").
    emoji: String,
    /// Find the message in its conversation and say what would change, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `start_conversation`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct StartConversation {
    /// The recipients (1 to 50): public ids, profile ids (ACoAA...), profile URNs or URLs.
    recipients: Vec<String>,
    /// The first message (1 to 8000 characters).
    text: String,
    /// Start a new group conversation with this title (two recipients or more). Without it,
    /// a single recipient already talked to gets the message in the existing conversation.
    #[serde(default)]
    title: Option<String>,
    /// Look the recipients up and describe the message, without sending it (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// What a write did, or with `preview` what it would do.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub(crate) struct Outcome {
    /// Whether this was a preview (nothing sent).
    pub(super) preview: bool,
    /// The facade's call (send_message, add_connection, react_to_post, create_post...).
    pub(super) action: &'static str,
    /// What happened: "sent", "accepted", "rejected", "withdrawn", "reacted", "removed",
    /// "commented", "published", "deleted", "followed", "unfollowed", "saved", "unsaved",
    /// "marked_read", "unchanged" (it already was so: nothing sent but a read), or in a
    /// preview "would_..." ("would_send", "would_react"...); for an invitation LinkedIn took
    /// none of: "already_pending", "invited_you", "already_invited_or_connected".
    pub(super) outcome: String,
    /// The conversation, member, invitation, post, comment, page, job or notification it is
    /// about.
    pub(super) target: String,
    /// The text or note sent (or that would be).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
    /// The message as LinkedIn stored it (send_message, start_conversation), or the
    /// conversation's latest message (a preview of send_message).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) message: Option<Raw<Message>>,
    /// The other member (invite: the invitee, looked up in a preview; accept and reject:
    /// the sender; withdraw: the invitee).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) member: Option<Person>,
    /// The recipients of a first message, looked up (start_conversation's preview).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) recipients: Vec<Person>,
    /// The reaction given or taken back (LIKE, PRAISE, APPRECIATION, EMPATHY, INTEREST,
    /// ENTERTAINMENT).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub(super) reaction: Option<ReactionType>,
    /// The comment made (comment_on_post, reply_to_comment) when LinkedIn's answer holds it,
    /// or the one replied to (a preview of reply_to_comment).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) comment: Option<Raw<Comment>>,
    /// The post published (share_urn for delete_post, urn, url), or the post a preview
    /// looked up (urn, author_name, text...).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub(super) post: Option<serde_json::Value>,
    /// Whether the page is followed, the job or post saved, the notification read, after
    /// the write (or now, in a preview).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) state: Option<bool>,
}

/// The outcome of a write or of its preview: `done` when sent, `would` in a preview.
pub(super) fn said(preview: bool, would: &str, done: &str) -> String {
    if preview { would } else { done }.to_owned()
}

/// A member a write is about.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub(crate) struct Person {
    /// First and last name.
    name: String,
    /// The public id (linkedin.com/in/<public id>), when known.
    public_id: Option<String>,
    /// The headline.
    headline: Option<String>,
}

impl Person {
    /// The member of a profile URN, looked up (one request).
    async fn of(li: &Linkedin, urn: &str) -> Result<Self, Error> {
        let p = li.profile(urn).await?;
        Ok(Self {
            name: format!("{} {}", p.first_name, p.last_name)
                .trim()
                .to_owned(),
            public_id: p.public_identifier.clone(),
            headline: p.headline.clone(),
        })
    }
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

/// The pending invitation `id` of `list` ("received" or "sent"); not found (6) when it is
/// not there.
async fn pending(
    list: Pages<Raw<Invitation>>,
    id: &str,
    which: &str,
) -> Result<Raw<Invitation>, ToolError> {
    let found = list.find(|i| i.id == id).await?;
    found.ok_or_else(|| {
        let hint = if which == "sent" {
            "list_invitations with sent: true shows them"
        } else {
            "list_invitations shows them"
        };
        ToolError::from(crate::exit::Failure {
            code: 6,
            message: format!(
                "invitation {id} is not among your pending {which} invitations: {hint}"
            ),
        })
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
                ..Outcome::default()
            }));
        }
        let sent = li
            .send_message(args.conversation.as_str(), &args.text)
            .await?;
        Ok(Json(Outcome {
            action: "send_message",
            outcome: "sent".to_owned(),
            target: sent
                .conversation_urn
                .clone()
                .unwrap_or_else(|| args.conversation.clone()),
            text: Some(args.text),
            message: Some(sent),
            ..Outcome::default()
        }))
    }

    /// WRITE: start a conversation with 1 to 50 members by sending its first message (with
    /// `title`, a new group conversation of two members or more). A single recipient already
    /// talked to gets it in the existing conversation. Sent once, never retried blindly;
    /// gives the message as LinkedIn stored it, with its conversation_urn. Counts against
    /// the daily message budget. `preview: true` looks each recipient up and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn start_conversation(
        &self,
        Parameters(args): Parameters<StartConversation>,
    ) -> Result<Json<Outcome>, ToolError> {
        check_start(&args.recipients, &args.text, args.title.as_deref())?;
        let li = self.li();
        let urns = recipient_urns(li, &args.recipients).await?;
        let action = if args.title.is_some() {
            "start_group_conversation"
        } else {
            "start_conversation"
        };
        if args.preview == Some(true) {
            let mut recipients = Vec::new();
            for urn in &urns {
                recipients.push(Person::of(li, urn).await?);
            }
            return Ok(Json(Outcome {
                preview: true,
                action,
                outcome: "would_send".to_owned(),
                target: urns.join(","),
                text: Some(args.text),
                recipients,
                ..Outcome::default()
            }));
        }
        let sent = match &args.title {
            Some(title) => {
                li.start_group_conversation(&urns, title, &args.text)
                    .await?
            }
            None => li.start_conversation(&urns, &args.text).await?,
        };
        Ok(Json(Outcome {
            action,
            outcome: "sent".to_owned(),
            target: sent
                .conversation_urn
                .clone()
                .unwrap_or_else(|| urns.join(",")),
            text: Some(args.text),
            message: Some(sent),
            ..Outcome::default()
        }))
    }

    /// WRITE: edit the text of a message the logged-in member sent (its id from
    /// get_conversation). Never retried blindly: a lost answer is settled by reading the
    /// message back. `preview: true` finds the message in its conversation (it must be
    /// yours) and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn edit_message(
        &self,
        Parameters(args): Parameters<EditMessage>,
    ) -> Result<Json<Outcome>, ToolError> {
        check_text("text", &args.text, validate::MESSAGE_TEXT_MAX)?;
        let preview = args.preview == Some(true);
        let message = if preview {
            Some(self.own_message(&args.message).await?)
        } else {
            self.li().edit_message(&args.message, &args.text).await?;
            None
        };
        Ok(Json(Outcome {
            preview,
            action: "edit_message",
            outcome: said(preview, "would_edit", "edited"),
            target: args.message.trim().to_owned(),
            text: Some(args.text),
            message,
            ..Outcome::default()
        }))
    }

    /// WRITE: recall (delete for everyone) a message the logged-in member sent. Never
    /// retried blindly: a lost answer is settled by reading the message back. `preview:
    /// true` finds the message in its conversation (it must be yours) and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn recall_message(
        &self,
        Parameters(args): Parameters<AMessage>,
    ) -> Result<Json<Outcome>, ToolError> {
        let preview = args.preview == Some(true);
        let message = if preview {
            Some(self.own_message(&args.message).await?)
        } else {
            self.li().recall_message(&args.message).await?;
            None
        };
        Ok(Json(Outcome {
            preview,
            action: "recall_message",
            outcome: said(preview, "would_recall", "recalled"),
            target: args.message.trim().to_owned(),
            message,
            ..Outcome::default()
        }))
    }

    /// WRITE: react to a message of the logged-in member's conversations with an emoji.
    /// Counts against the daily engagement budget. `preview: true` finds the message in its
    /// conversation and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn react_to_message(
        &self,
        Parameters(args): Parameters<MessageReaction>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.message_reaction(args, true).await
    }

    /// WRITE: take back the logged-in member's emoji reaction to a message. `preview: true`
    /// finds the message in its conversation and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn remove_message_reaction(
        &self,
        Parameters(args): Parameters<MessageReaction>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.message_reaction(args, false).await
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
            return Ok(Json(Outcome {
                preview: true,
                action: "add_connection",
                outcome: "would_send".to_owned(),
                member: Some(Person::of(li, &urn).await?),
                target: urn,
                text: args.note,
                ..Outcome::default()
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
            action: "add_connection",
            outcome: outcome.to_owned(),
            target: urn,
            text: args.note,
            ..Outcome::default()
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
        Parameters(args): Parameters<AnInvitation>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.answer(args, true).await
    }

    /// WRITE: reject ("ignore") a received invitation to connect (its id from
    /// list_invitations); the sender is not told. Gives who sent it. `preview: true` checks
    /// that it is pending and says whose it is, rejecting nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn reject_invitation(
        &self,
        Parameters(args): Parameters<AnInvitation>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.answer(args, false).await
    }

    /// WRITE: remove a member from the logged-in member's connections (they are not told;
    /// connecting again takes a new invitation). Counts against the daily invitation budget;
    /// a lost answer is read back from the connections. `preview: true` looks the member up
    /// and says who would be removed, removing nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn remove_connection(
        &self,
        Parameters(args): Parameters<RemoveConnection>,
    ) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let urn = profile_urn(li, "profile", &args.profile).await?;
        let preview = args.preview == Some(true);
        let member = Person::of(li, &urn).await?;
        if !preview {
            li.remove_connection(urn.as_str()).await?;
        }
        Ok(Json(Outcome {
            preview,
            action: "remove_connection",
            outcome: said(preview, "would_remove", "removed"),
            target: urn,
            member: Some(member),
            ..Outcome::default()
        }))
    }

    /// WRITE: withdraw a connection invitation the logged-in member sent that is still
    /// pending (its id from list_invitations with sent: true). LinkedIn takes no new
    /// invitation to the same member for some weeks after. Gives whom it was to.
    /// `preview: true` checks that it is pending and says whom it is to, withdrawing
    /// nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn withdraw_invitation(
        &self,
        Parameters(args): Parameters<AnInvitation>,
    ) -> Result<Json<Outcome>, ToolError> {
        let id = invitation_id(&args.invitation)?;
        let li = self.li();
        let found = pending(li.sent_invitations(), &id, "sent").await?;
        let preview = args.preview == Some(true);
        if !preview {
            li.withdraw_invitation(&id).await?;
        }
        Ok(Json(Outcome {
            preview,
            action: "withdraw_invitation",
            outcome: if preview {
                "would_withdraw"
            } else {
                "withdrawn"
            }
            .to_owned(),
            target: format!("urn:li:fs_relInvitation:{id}"),
            member: found.into_inner().to.map(Person::from),
            ..Outcome::default()
        }))
    }
}

impl Server {
    /// A message the logged-in member sent, found in its conversation; another's is bad
    /// input (only one's own can be edited or recalled).
    async fn own_message(&self, message: &str) -> Result<Raw<Message>, ToolError> {
        let found = self.li().mailbox_message(message).await?;
        if !found.from_me {
            return Err(ToolError::input(format!(
                "message {} was sent by another member: only your own messages can be edited or recalled",
                message.trim()
            )));
        }
        Ok(found)
    }

    /// Reacts to a message with an emoji (`add`) or takes the reaction back; with
    /// `preview`, finds the message only.
    async fn message_reaction(
        &self,
        args: MessageReaction,
        add: bool,
    ) -> Result<Json<Outcome>, ToolError> {
        validate::emoji(&args.emoji)?;
        let li = self.li();
        let preview = args.preview == Some(true);
        let message = if preview {
            Some(li.mailbox_message(&args.message).await?)
        } else {
            if add {
                li.react_to_message(&args.message, &args.emoji).await?;
            } else {
                li.unreact_to_message(&args.message, &args.emoji).await?;
            }
            None
        };
        let (action, outcome) = match (add, preview) {
            (true, true) => ("react_to_message", "would_react"),
            (true, false) => ("react_to_message", "reacted"),
            (false, true) => ("remove_message_reaction", "would_remove"),
            (false, false) => ("remove_message_reaction", "removed"),
        };
        Ok(Json(Outcome {
            preview,
            action,
            outcome: outcome.to_owned(),
            target: args.message.trim().to_owned(),
            text: Some(args.emoji),
            message,
            ..Outcome::default()
        }))
    }

    /// Accepts (`accept`) or rejects a received invitation, found among the pending ones
    /// first; with `preview`, only finds it.
    async fn answer(&self, args: AnInvitation, accept: bool) -> Result<Json<Outcome>, ToolError> {
        let id = invitation_id(&args.invitation)?;
        let li = self.li();
        let found = pending(li.invitations(), &id, "received").await?;
        let preview = args.preview == Some(true);
        if !preview {
            if accept {
                li.accept_invitation(&found).await?;
            } else {
                li.reject_invitation(&found).await?;
            }
        }
        let (action, outcome) = match (accept, preview) {
            (true, true) => ("accept_invitation", "would_accept"),
            (true, false) => ("accept_invitation", "accepted"),
            (false, true) => ("reject_invitation", "would_reject"),
            (false, false) => ("reject_invitation", "rejected"),
        };
        Ok(Json(Outcome {
            preview,
            action,
            outcome: outcome.to_owned(),
            target: format!("urn:li:fs_relInvitation:{id}"),
            member: found.into_inner().from.map(Person::from),
            ..Outcome::default()
        }))
    }
}
