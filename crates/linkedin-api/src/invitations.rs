//! Invitations and connections: received and sent invitations, accepting and rejecting one,
//! and sending a connection request with an optional note.

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::id::ProfileId;
use linkedin_models::invitation as m;
use linkedin_models::{Answer, Raw};
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::{Linkedin, decode};
use crate::driver::{Listing, Read};
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;
use crate::paginate::{Pages, Position};
use crate::settle::Unsettled;
use crate::validate;
use crate::view::Invitation;

/// Sent invitations per request: the catalogue records no largest page of
/// `invitations_sent` (received invitations page by their entry's `max_count`).
const SENT_PAGE: u32 = 10;
/// The longest shared secret accepted.
const SECRET_MAX: usize = 200;

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
    pub fn invitations(&self) -> Pages<Raw<Invitation>> {
        invitation_pages(self, endpoints::INVITATIONS_RECEIVED)
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
    pub fn sent_invitations(&self) -> Pages<Raw<Invitation>> {
        invitation_pages(self, endpoints::INVITATIONS_SENT)
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
    /// as the reference client sends it. Not retried: when the answer is lost (the connection
    /// broke after the request left, a 5xx), the pending received invitations are read back:
    /// the invitation gone, the reply took effect; still there, [`Error::NotSent`]; the read
    /// failing too, [`Error::OutcomeUnknown`].
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
            .call(endpoints::INVITATION_REPLY)
            .path("invitationId", id.as_str())
            .query("action", reply.action())
            .body(json!({
                "invitationId": id,
                "invitationSharedSecret": secret,
                "isGenericInvitation": false,
            }));
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => self.read_back_reply(&id, reply, e).await,
            Err(e) => Err(not_found(e, || format!("invitation {id}"))),
        }
    }

    /// Sends a connection request to a member, with an optional note.
    ///
    /// Python: `add_connection`
    ///
    /// `profile` is the member's [`ProfileId`] or its text (`ACoAA…` or a
    /// `urn:li:fsd_profile:` URN). The note has at most
    /// [`validate::INVITATION_MESSAGE_MAX`] (300) characters; a longer one is refused here,
    /// before anything is sent (the Python client silently sent nothing and reported success).
    /// Sent as LinkedIn's current web app does (`verifyQuotaAndCreateV2`); never retried.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let outcome = linkedin
    ///     .add_connection("ACoAAB1234567890", Some("We met at RustConf; let's stay in touch."))
    ///     .await?;
    /// println!("{outcome:?}");
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// The outcome is typed: [`Invited::Sent`]; or, when LinkedIn takes none (its 400
    /// `CANT_RESEND_YET`), why, from the pending lists (read only then):
    /// [`Invited::AlreadyPending`], [`Invited::InvitedYou`], else
    /// [`Invited::AlreadyInvitedOrConnected`]. When the request may have been lost on the way
    /// (the connection broke after it left, a timeout, a 5xx), the sent invitations are read
    /// back: found, it was sent; not, [`Error::NotSent`]; the read failing too,
    /// [`Error::OutcomeUnknown`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad profile id or note, or the logged-in member (nothing
    /// sent), [`Error::NotFound`] for an unknown member, [`Error::NotSent`] and
    /// [`Error::OutcomeUnknown`] after a cut (above), and transport errors.
    pub async fn add_connection(
        &self,
        profile: impl IntoId<ProfileId>,
        message: Option<&str>,
    ) -> Result<Invited> {
        let id = profile.into_id("profile")?;
        let note = message
            .map(|m| validate::text("message", m, validate::INVITATION_MESSAGE_MAX))
            .transpose()?;
        // Known from the login's own check: no request.
        if id == self.my_profile_id().await? {
            return Err(Error::InvalidInput {
                field: "profile",
                reason: "that is the logged-in member: one cannot invite oneself".to_owned(),
            });
        }
        let mut body = json!({"invitee": {"inviteeUnion": {"memberProfile": id.urn()}}});
        if let Some(note) = note {
            body["customMessage"] = Value::from(note);
        }
        match self
            .send(self.call(endpoints::INVITATION_CREATE).body(body))
            .await
        {
            Ok(_) => Ok(Invited::Sent),
            Err(e) if already_invited_or_connected(&e) => Ok(self.why_not_taken(&id).await),
            Err(e) if e.may_have_been_sent() => self.read_back_invitation(&id, e).await,
            Err(e) => Err(not_found(e, || format!("member {id}"))),
        }
    }

    /// Why LinkedIn took no invitation to `id` (its `CANT_RESEND_YET`): a pending one sent
    /// earlier, or one from them, found in the pending lists; else connected or not yet
    /// allowed again. The write's outcome is known either way (nothing was sent), so a read
    /// that fails here only leaves the reason less precise.
    async fn why_not_taken(&self, id: &ProfileId) -> Invited {
        let sent = any_invitation(self.sent_invitations(), |i| {
            i.to.as_ref().and_then(|t| t.profile_id.as_ref()) == Some(id)
        })
        .await;
        match sent {
            Ok(true) => return Invited::AlreadyPending,
            Ok(false) => {}
            Err(e) => {
                tracing::debug!(%e, "cannot read the sent invitations to tell why LinkedIn took none");
                return Invited::AlreadyInvitedOrConnected;
            }
        }
        let received = any_invitation(self.invitations(), |i| {
            i.from.as_ref().and_then(|f| f.profile_id.as_ref()) == Some(id)
        })
        .await;
        match received {
            Ok(true) => Invited::InvitedYou,
            Ok(false) => Invited::AlreadyInvitedOrConnected,
            Err(e) => {
                tracing::debug!(%e, "cannot read the received invitations to tell why LinkedIn took none");
                Invited::AlreadyInvitedOrConnected
            }
        }
    }

    /// After a connection request whose outcome is not known (`cause`): the pending sent
    /// invitations, looked through for one to `id` (see [`Unsettled`]).
    async fn read_back_invitation(&self, id: &ProfileId, cause: Error) -> Result<Invited> {
        let check = async {
            let found = any_invitation(self.sent_invitations(), |i| {
                i.to.as_ref().and_then(|t| t.profile_id.as_ref()) == Some(id)
            })
            .await?;
            Ok(found.then_some(Invited::Sent))
        };
        Unsettled {
            what: format!("the connection request to {id}"),
            absent: "it is not among the pending sent invitations".to_owned(),
            look: "look at the pending sent invitations (`linkedin invitations list --sent`)"
                .to_owned(),
        }
        .settle(cause, check)
        .await
    }

    /// After a reply whose outcome is not known: the pending received invitations. Gone from
    /// them, the reply took effect; still there, it did not.
    async fn read_back_reply(&self, id: &str, reply: InvitationReply, cause: Error) -> Result<()> {
        let check = async {
            let pending =
                any_invitation(self.invitations(), |i| i.urn.rsplit(':').next() == Some(id))
                    .await?;
            Ok((!pending).then_some(()))
        };
        Unsettled {
            what: format!("the {} of invitation {id}", reply.action()),
            absent: "the invitation is still pending".to_owned(),
            look: "look at the pending invitations (`linkedin invitations list`)".to_owned(),
        }
        .settle(cause, check)
        .await
    }
}

/// What a connection request came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Invited {
    /// LinkedIn took it (or, after a cut, it was found among the sent invitations).
    Sent,
    /// LinkedIn took none (its 400 `CANT_RESEND_YET`): an invitation sent to them earlier is
    /// still pending (found among the sent invitations).
    AlreadyPending,
    /// LinkedIn took none: they invited the logged-in member, and that invitation is pending
    /// (accept it instead: [`Linkedin::accept_invitation`]).
    InvitedYou,
    /// LinkedIn took none, and neither pending list holds an invitation between the two:
    /// they are connected, or LinkedIn does not take another invitation yet (one withdrawn
    /// lately). Also when the lists could not be read to tell.
    AlreadyInvitedOrConnected,
}

/// Whether any of the invitations `pages` lists is one `wanted` picks (read until found).
async fn any_invitation(
    pages: Pages<Raw<Invitation>>,
    wanted: impl Fn(&Invitation) -> bool,
) -> Result<bool> {
    Ok(pages.find(|i| wanted(i)).await?.is_some())
}

/// LinkedIn's refusal of an invitation that already exists or is not needed.
fn already_invited_or_connected(e: &Error) -> bool {
    e.reason().and_then(|r| r.code.as_deref()) == Some("CANT_RESEND_YET")
}

/// The invitation pages of `endpoint` (received or sent).
fn invitation_pages(li: &Linkedin, endpoint: &'static Endpoint) -> Pages<Raw<Invitation>> {
    let pages = Pages::driven(
        li,
        endpoint,
        Position::Start(0),
        Listing::new(li.call(endpoint), read_invitations),
    );
    if endpoint.max_count.is_none() {
        pages.page_size(SENT_PAGE)
    } else {
        pages
    }
}

/// The invitations of a page of invitation views.
///
/// Every view's invitation must read: one that does not (its `entityUrn` not a URN, a
/// member on either end whose ids do not read), or a view without one, fails the page with
/// its path.
fn read_invitations(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
) -> Result<Read<Raw<Invitation>>> {
    let page: Views = decode(endpoint, answer)?;
    let elements = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let mut items = Vec::with_capacity(elements);
    for (i, view) in page.elements.into_iter().enumerate() {
        let Some(invitation) = view.invitation else {
            return Err(crate::feed::unread_element(
                endpoint,
                i,
                "an invitation view without its invitation",
                "",
            ));
        };
        match invitation.try_map(|m| Invitation::read(m).map(Some)) {
            Ok(Some(item)) => items.push(item),
            Ok(None) => {}
            Err(linkedin_models::Unread { reason, text }) => {
                return Err(crate::feed::unread_element(endpoint, i, reason, &text));
            }
        }
    }
    Ok(Read::new(items, elements).total(total))
}

/// A page of invitation views, each view's invitation read with its JSON.
#[derive(serde::Deserialize)]
struct Views {
    /// Required: a page without its elements does not read (rather than looking empty).
    elements: Vec<View>,
    #[serde(default)]
    paging: Option<linkedin_models::Paging>,
}

/// An invitation view (`{"invitation": {…}, …}`).
#[derive(serde::Deserialize)]
struct View {
    #[serde(default)]
    invitation: Option<Raw<m::Invitation>>,
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
