//! Models of the invitation answers: received invitations
//! (`/relationships/invitationViews?q=receivedInvitation`) and sent ones
//! (`/relationships/sentInvitationViewsV2`), whose elements are views holding a
//! `com.linkedin.voyager.relationships.invitation.Invitation` (peers.md §c.7).

use serde::{Deserialize, Serialize};

use crate::Paging;
use crate::me::MiniProfile;

/// One page of invitation views. The elements are kept as JSON so that each can be read (and
/// recognised) on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvitationViews {
    /// The views (`{"invitation": {…}, …}`), as LinkedIn sent them.
    pub elements: Vec<serde_json::Value>,
    /// Where the page is, and the total.
    pub paging: Option<Paging>,
}

/// An invitation view: the invitation and what the page shows around it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InvitationView {
    /// The invitation.
    pub invitation: Option<Invitation>,
}

/// A `com.linkedin.voyager.relationships.invitation.Invitation`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Invitation {
    /// `urn:li:fs_relInvitation:<id>`.
    pub entity_urn: String,
    /// The secret that accepting or rejecting it must send back.
    pub shared_secret: Option<String>,
    /// Who sent it.
    pub from_member: Option<MiniProfile>,
    /// Who it was sent to.
    pub to_member: Option<MiniProfile>,
    /// The note sent with it.
    pub message: Option<String>,
    /// Whether it carries a note.
    pub custom_message: Option<bool>,
    /// `PENDING`, …
    pub invitation_type: Option<String>,
    /// When it was sent (ms since the epoch).
    pub sent_time: Option<i64>,
    /// Whether the recipient has not seen it yet.
    pub unseen: Option<bool>,
}
