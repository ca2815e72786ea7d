//! Invitations and connections: received and sent invitations, accepting and rejecting one,
//! sending a connection request with an optional note, and what LinkedIn no longer allows
//! (removing a connection through the retired `/identity/profiles/` family) or what the
//! sources document no endpoint for (withdrawing a sent invitation).

use linkedin_models::invitation as m;
use linkedin_models::me::MiniProfile;
use restli::Urn;
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::messaging::{not_found, profile_urn, wrong_position};
use crate::paginate::{Page, Pages, Position, recognised};
use crate::validate;

/// Invitations per request. The sources record no largest page: the browser's preview card asks
/// for 3 (the reference client's default), another client for 100; 10 keeps requests few
/// without asking for more than a page of LinkedIn's invitation manager shows.
const INVITATIONS_PAGE: u32 = 10;
/// The longest shared secret accepted.
const SECRET_MAX: usize = 200;

/// A connection invitation, received or sent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Invitation {
    /// `urn:li:fs_relInvitation:<id>`.
    pub urn: String,
    /// The numeric id.
    pub id: String,
    /// The secret that accepting or rejecting it sends back (received invitations).
    pub shared_secret: Option<String>,
    /// Who sent it.
    pub from: Option<MemberSummary>,
    /// Who it was sent to.
    pub to: Option<MemberSummary>,
    /// The note sent with it.
    pub message: Option<String>,
    /// When it was sent (ms since the epoch).
    pub sent_at: Option<i64>,
    /// Whether the recipient has not seen it yet.
    pub unseen: bool,
    #[serde(skip)]
    raw: Value,
}

impl Invitation {
    /// The JSON LinkedIn sent for it (the invitation, without its view).
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A member in short: on either end of an invitation, or the author of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MemberSummary {
    /// The profile id (`ACoAA…`).
    pub profile_id: Option<String>,
    /// The public id (`linkedin.com/in/<public id>`).
    pub public_id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Headline.
    pub headline: Option<String>,
}

/// The answer to a received invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub enum InvitationReply {
    /// Accept: the two members become connections.
    Accept,
    /// Reject (LinkedIn's "Ignore"): the invitation goes, the sender is not told.
    Reject,
}

impl InvitationReply {
    /// The `action` LinkedIn takes.
    fn action(self) -> &'static str {
        match self {
            Self::Accept => "accept",
            Self::Reject => "reject",
        }
    }
}

impl Linkedin {
    /// The invitations the logged-in member has received and not answered, newest first.
    ///
    /// Python: `get_invitations`
    ///
    /// Each carries the shared secret that [`accept_invitation`](Self::accept_invitation) and
    /// [`reject_invitation`](Self::reject_invitation) need.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let received: Vec<_> = linkedin.invitations().try_collect().await?;
    /// for invitation in &received {
    ///     if invitation.message.is_some() {
    ///         linkedin.accept_invitation(invitation).await?;
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::SchemaMoved`] when a page has invitations none of which can be
    /// read, and transport errors.
    pub fn invitations(&self) -> Pages<Invitation> {
        self.paginate(Position::Start(0), |li, at| async move {
            invitations_page(&li, "invitations_received", at).await
        })
    }

    /// The connection invitations the logged-in member has sent that are still pending.
    ///
    /// Python: none
    ///
    /// Newest first, with the note each was sent with.
    ///
    /// # Errors
    ///
    /// As [`invitations`](Self::invitations).
    pub fn sent_invitations(&self) -> Pages<Invitation> {
        self.paginate(Position::Start(0), |li, at| async move {
            invitations_page(&li, "invitations_sent", at).await
        })
    }

    /// Accepts a received invitation: the sender becomes a connection.
    ///
    /// Python: `reply_invitation` (`action="accept"`)
    ///
    /// # Errors
    ///
    /// As [`reply_invitation`](Self::reply_invitation); [`Error::InvalidInput`] also when the
    /// invitation has no shared secret (a sent one).
    pub async fn accept_invitation(&self, invitation: &Invitation) -> Result<()> {
        let secret = secret_of(invitation)?;
        self.reply_invitation(&invitation.urn, secret, InvitationReply::Accept)
            .await
    }

    /// Rejects ("ignores") a received invitation.
    ///
    /// Python: `reply_invitation` (`action="reject"`)
    ///
    /// # Errors
    ///
    /// As [`accept_invitation`](Self::accept_invitation).
    pub async fn reject_invitation(&self, invitation: &Invitation) -> Result<()> {
        let secret = secret_of(invitation)?;
        self.reply_invitation(&invitation.urn, secret, InvitationReply::Reject)
            .await
    }

    /// Answers a received invitation given by its URN (or id) and shared secret.
    ///
    /// Python: `reply_invitation`
    ///
    /// `POST /relationships/invitations/<id>?action=accept|reject` with the id and the secret,
    /// as the reference client sends it. Not retried.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed URN or secret (nothing sent),
    /// [`Error::NotFound`] when there is no such pending invitation, and transport errors
    /// (LinkedIn answers 400 to a wrong secret).
    pub async fn reply_invitation(
        &self,
        invitation: &str,
        shared_secret: &str,
        reply: InvitationReply,
    ) -> Result<()> {
        let id = validate::invitation_id("invitation", invitation)?;
        let secret = validate::token("shared_secret", shared_secret.trim(), SECRET_MAX)?;
        let call = self
            .call("invitation_reply")
            .path("invitationId", id.as_str())
            .query("action", reply.action())
            .body(json!({
                "invitationId": id,
                "invitationSharedSecret": secret,
                "isGenericInvitation": false,
            }));
        self.send(call)
            .await
            .map_err(|e| not_found(e, || format!("invitation {id}")))?;
        Ok(())
    }

    /// Sends a connection request to a member, with an optional note.
    ///
    /// Python: `add_connection`
    ///
    /// `profile` is the member's profile id (`ACoAA…`) or `urn:li:fsd_profile:` URN. The note
    /// has at most [`validate::INVITATION_MESSAGE_MAX`] (300) characters; a longer one is
    /// refused here, before anything is sent (the Python client silently sent nothing and
    /// reported success). Sent as LinkedIn's current web app does
    /// (`verifyQuotaAndCreateV2`); never retried.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin
    ///     .add_connection("ACoAAB1234567890", Some("We met at RustConf; let's stay in touch."))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad profile id or note (nothing sent), [`Error::NotFound`]
    /// for an unknown member, and transport errors: LinkedIn answers 400 with
    /// `CANT_RESEND_YET` when an invitation is already pending or the members are connected.
    pub async fn add_connection(&self, profile: &str, message: Option<&str>) -> Result<()> {
        let id = validate::profile_id("profile", profile)?;
        let urn = profile_urn("profile", &id)?;
        let note = message
            .map(|m| validate::text("message", m, validate::INVITATION_MESSAGE_MAX))
            .transpose()?;
        let mut body = json!({"invitee": {"inviteeUnion": {"memberProfile": urn}}});
        if let Some(note) = note {
            body["customMessage"] = Value::from(note);
        }
        self.send(self.call("invitation_create").body(body))
            .await
            .map_err(|e| not_found(e, || format!("member {id}")))?;
        Ok(())
    }

    /// Withdraws a sent invitation: not supported, nothing is sent.
    ///
    /// Python: none
    ///
    /// Neither the reference client nor the captures this library is built from record
    /// LinkedIn's withdraw request, and guessing one would send an unknown write from the
    /// user's account. Withdraw in the browser (My Network, Manage invitations, Sent).
    ///
    /// # Errors
    ///
    /// Always [`Error::Unsupported`].
    pub async fn withdraw_invitation(&self, invitation: &Invitation) -> Result<()> {
        let _ = invitation;
        Err(Error::Unsupported {
            capability: "withdrawing an invitation",
            reason: "no LinkedIn endpoint for it is documented in this library's sources; \
                     withdraw it on linkedin.com (My Network, Manage invitations, Sent)",
        })
    }

    /// Removes a connection: LinkedIn retired the endpoint, so this fails with `Gone`.
    ///
    /// Python: `remove_connection`
    ///
    /// The Python client posted `/identity/profiles/<public id>/profileActions?action=disconnect`,
    /// part of the `/identity/profiles/` family that answers 410 since 2025; no replacement is
    /// known (the fork lists none). Remove connections on linkedin.com.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed public id, otherwise [`Error::Gone`] naming
    /// `connection_remove`.
    pub async fn remove_connection(&self, public_id: &str) -> Result<()> {
        let id = validate::public_id("public_id", public_id)?;
        self.send(self.call("connection_remove").path("id", id))
            .await?;
        Ok(())
    }
}

async fn invitations_page(
    li: &Linkedin,
    endpoint: &'static str,
    at: Position,
) -> Result<Page<Invitation>> {
    let Position::Start(start) = at else {
        return Err(wrong_position(endpoint, &at));
    };
    let call = li
        .call(endpoint)
        .query("start", start)
        .query("count", INVITATIONS_PAGE);
    let page: m::InvitationViews = li.fetch(call, "").await?;
    let raw_count = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let items: Vec<Invitation> = page
        .elements
        .into_iter()
        .filter_map(invitation_from)
        .collect();
    let items = recognised(endpoint, total, raw_count, items)?;
    let seen = u64::from(start) + raw_count as u64;
    let more = match total {
        Some(total) => seen < total,
        None => raw_count as u64 >= u64::from(INVITATIONS_PAGE),
    };
    let next = (more && raw_count > 0).then(|| {
        Position::Start(start.saturating_add(u32::try_from(raw_count).unwrap_or(u32::MAX)))
    });
    Ok(Page { items, next })
}

fn secret_of(invitation: &Invitation) -> Result<&str> {
    invitation
        .shared_secret
        .as_deref()
        .ok_or_else(|| Error::InvalidInput {
            field: "invitation",
            reason: format!(
                "{} has no shared secret: only received invitations can be answered",
                invitation.urn
            ),
        })
}

pub(crate) fn member_from(p: MiniProfile) -> MemberSummary {
    let urn = p.dash_entity_urn.as_deref().unwrap_or(&p.entity_urn);
    let profile_id = Urn::parse(urn)
        .ok()
        .filter(|u| matches!(u.entity_type(), "fsd_profile" | "fs_miniProfile"))
        .map(|u| u.id().to_owned());
    MemberSummary {
        profile_id,
        public_id: p.public_identifier,
        first_name: p.first_name,
        last_name: p.last_name,
        headline: p.occupation,
    }
}

/// An invitation from its view's JSON, when it holds one (with an `entityUrn`).
fn invitation_from(view: Value) -> Option<Invitation> {
    let json = view.get("invitation")?.clone();
    let model: m::Invitation = serde_json::from_value(json.clone()).ok()?;
    let id = Urn::parse(&model.entity_urn).ok()?.id().to_owned();
    Some(Invitation {
        id,
        shared_secret: model.shared_secret,
        from: model.from_member.map(member_from),
        to: model.to_member.map(member_from),
        message: model.message.filter(|m| !m.is_empty()),
        sent_at: model.sent_time,
        unseen: model.unseen.unwrap_or(false),
        urn: model.entity_urn,
        raw: json,
    })
}
