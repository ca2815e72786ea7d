//! Managing the network: withdrawing a connection invitation one sent, removing a connection.

use linkedin_catalogue::endpoints;
use linkedin_models::id::ProfileId;
use serde_json::json;

use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;
use crate::settle::Unsettled;
use crate::validate;

impl Linkedin {
    /// Withdraws a connection invitation the logged-in member sent that is still pending.
    ///
    /// Python: none
    ///
    /// `invitation` is its id, as [`sent_invitations`](Self::sent_invitations) gives it, or its
    /// URN (`urn:li:fs_relInvitation:<id>`, `urn:li:fsd_invitation:<id>`).
    /// `POST /voyagerRelationshipsDashInvitations/urn:li:fsd_invitation:<id>?action=withdraw`
    /// (catalogue `invitation_withdraw`, status `unknown`: public code, none dated 2026). It
    /// counts against the invitation budget; never retried: when the answer is lost, the
    /// pending sent invitations are read back (gone: withdrawn; still there,
    /// [`Error::NotSent`]; the read failing too, [`Error::OutcomeUnknown`]). LinkedIn takes no
    /// new invitation to the same member for some weeks after.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin.withdraw_invitation("7530311795639937351").await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed id (nothing sent), [`Error::NotFound`] when no
    /// pending invitation has it, the budget's refusal, and transport errors.
    pub async fn withdraw_invitation(&self, invitation: &str) -> Result<()> {
        let id = validate::invitation_id("invitation", invitation)?;
        let call = self
            .call(endpoints::INVITATION_WITHDRAW)
            .path("invitationUrn", format!("urn:li:fsd_invitation:{id}"))
            .body(json!({"invitationType": "CONNECTION"}));
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let pending = self
                        .sent_invitations()
                        .find(|i| i.id == id)
                        .await?
                        .is_some();
                    Ok((!pending).then_some(()))
                };
                Unsettled {
                    what: format!("withdrawing invitation {id}"),
                    absent: "it is still among the pending sent invitations".to_owned(),
                    look:
                        "look at the pending sent invitations (`linkedin invitations list --sent`)"
                            .to_owned(),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("sent invitation {id}"))),
        }
    }

    /// Removes a connection: the two members are no longer connected.
    ///
    /// LinkedIn does not tell them.
    ///
    /// Python: `remove_connection`
    ///
    /// `profile` is the member's [`ProfileId`] or its text (`ACoAA…` or a
    /// `urn:li:fsd_profile:` URN). `POST
    /// /relationships/dash/memberRelationships?action=removeFromMyConnections` with
    /// `{"connectionUrn": "urn:li:fsd_connection:<profile id>"}` (catalogue
    /// `connection_remove_dash`, status `unknown`: public code, none dated 2026; the reference
    /// client's `profileActions?action=disconnect` is gone). It counts against the invitation
    /// budget; never retried: when the answer is lost, the own connections are read back
    /// (gone: removed; still there, [`Error::NotSent`]; the read failing too,
    /// [`Error::OutcomeUnknown`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad profile id or the logged-in member (nothing sent),
    /// [`Error::NotFound`] when the member is not a connection, the budget's refusal, and
    /// transport errors.
    pub async fn remove_connection(&self, profile: impl IntoId<ProfileId>) -> Result<()> {
        let id = profile.into_id("profile")?;
        if id == self.my_profile_id().await? {
            return Err(Error::InvalidInput {
                field: "profile",
                reason: "that is the logged-in member: one is not one's own connection".to_owned(),
            });
        }
        let call = self
            .call(endpoints::CONNECTION_REMOVE_DASH)
            .body(json!({"connectionUrn": format!("urn:li:fsd_connection:{id}")}));
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let connected = self
                        .my_connections()
                        .find(|p| p.profile_id == id)
                        .await?
                        .is_some();
                    Ok((!connected).then_some(()))
                };
                Unsettled {
                    what: format!("removing the connection with {id}"),
                    absent: "they are still among the own connections".to_owned(),
                    look: "look at your connections (`linkedin search connections`)".to_owned(),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("connection {id}"))),
        }
    }
}
