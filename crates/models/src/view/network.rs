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
    /// The member a mini profile shows.
    #[must_use]
    pub fn from_mini_profile(p: &MiniProfile) -> Self {
        let urn = p.dash_entity_urn.as_deref().unwrap_or(&p.entity_urn);
        Self {
            profile_id: ProfileId::parse(urn).ok(),
            public_id: PublicId::parse(&p.public_identifier).ok(),
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            headline: p.occupation.clone(),
        }
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
    /// Whether the recipient has not seen it yet.
    pub unseen: bool,
}

impl Invitation {
    /// An invitation from its model, when it is one (its `entityUrn` is a URN).
    #[must_use]
    pub fn from_invitation(invitation: &m::Invitation) -> Option<Self> {
        let id = Urn::parse(&invitation.entity_urn).ok()?.id().to_owned();
        Some(Self {
            id,
            shared_secret: invitation.shared_secret.clone(),
            from: invitation
                .from_member
                .as_ref()
                .map(MemberSummary::from_mini_profile),
            to: invitation
                .to_member
                .as_ref()
                .map(MemberSummary::from_mini_profile),
            message: invitation.message.clone().filter(|m| !m.is_empty()),
            sent_at: invitation.sent_time,
            unseen: invitation.unseen.unwrap_or(false),
            urn: invitation.entity_urn.clone(),
        })
    }
}
