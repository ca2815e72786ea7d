//! Invitations, and members in short.

use restli::Urn;
use serde::Serialize;

use crate::id::{ProfileId, PublicId};
use crate::invitation as m;
use crate::me::MiniProfile;

/// A member in short: on either end of an invitation, or the author of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MemberSummary {
    /// The profile id (`ACoAA…`).
    pub profile_id: Option<ProfileId>,
    /// The public id (`linkedin.com/in/<public id>`), when LinkedIn gives a valid one.
    pub public_id: Option<PublicId>,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Headline.
    pub headline: Option<String>,
}

impl MemberSummary {
    /// The member a mini profile shows (its ids left out when they do not read:
    /// [`read`](Self::read) says why).
    #[must_use]
    pub fn from_mini_profile(p: &MiniProfile) -> Self {
        let urn = p.dash_entity_urn.as_deref().unwrap_or(&p.entity_urn);
        Self::read(p).unwrap_or_else(|_| Self {
            profile_id: ProfileId::parse(urn).ok(),
            public_id: PublicId::parse(&p.public_identifier).ok(),
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            headline: p.occupation.clone(),
        })
    }

    /// The member a mini profile shows: its profile URN and public id must read.
    ///
    /// # Errors
    ///
    /// Which of them does not read, in words.
    pub fn read(p: &MiniProfile) -> Result<Self, String> {
        let urn = p.dash_entity_urn.as_deref().unwrap_or(&p.entity_urn);
        Ok(Self {
            profile_id: Some(
                ProfileId::parse(urn).map_err(|e| format!("a mini profile's URN: {e}"))?,
            ),
            public_id: Some(
                PublicId::parse(&p.public_identifier)
                    .map_err(|e| format!("a mini profile's publicIdentifier: {e}"))?,
            ),
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            headline: p.occupation.clone(),
        })
    }
}

/// A connection invitation, received or sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// Whether the recipient has not seen it yet, when LinkedIn says.
    pub unseen: Option<bool>,
}

impl Invitation {
    /// An invitation from its model, when it reads ([`read`](Self::read) says why not).
    #[must_use]
    pub fn from_invitation(invitation: &m::Invitation) -> Option<Self> {
        Self::read(invitation).ok()
    }

    /// An invitation from its model: its `entityUrn` and the members on either end must
    /// read.
    ///
    /// # Errors
    ///
    /// What does not read, in words.
    pub fn read(invitation: &m::Invitation) -> Result<Self, String> {
        let id = Urn::parse(&invitation.entity_urn)
            .map_err(|e| format!("its entityUrn {:?}: {e}", invitation.entity_urn))?
            .id()
            .to_owned();
        let member = |p: Option<&MiniProfile>| p.map(MemberSummary::read).transpose();
        Ok(Self {
            id,
            shared_secret: invitation.shared_secret.clone(),
            from: member(invitation.from_member.as_ref())?,
            to: member(invitation.to_member.as_ref())?,
            message: invitation.message.clone().filter(|m| !m.is_empty()),
            sent_at: invitation.sent_time,
            unseen: invitation.unseen,
            urn: invitation.entity_urn.clone(),
        })
    }
}
