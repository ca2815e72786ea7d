//! Models of the notifications page's answer (`/voyagerIdentityDashNotificationCards`,
//! `q=notifications`): a collection of `com.linkedin.voyager.dash.identity.notifications.Card`,
//! and of the network counts (`/relationships/connectionsSummary`, `invitationsSummary`,
//! `myNetworkNotifications`).
//!
//! LinkedIn's answers to these are not recorded (the 2026-02 capture holds the requests
//! only): the fields are those public clients read from them in 2025-26 (the catalogue
//! entries cite them), all optional.

use serde::{Deserialize, Serialize};

use crate::Text;

/// A notification card (`com.linkedin.voyager.dash.identity.notifications.Card`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct NotificationCard {
    /// `urn:li:fsd_notificationCard:(<KIND>,<object>)`.
    pub entity_urn: String,
    /// What the notification is about (a comment, a post, a job application...).
    pub object_urn: Option<String>,
    /// The line shown ("Ada Lovelace commented on your post").
    pub headline: Option<Text>,
    /// The picture beside it: the actor's, linking to their profile.
    pub header_image: Option<ImageViewModel>,
    /// What clicking the card opens.
    pub card_action: Option<CardAction>,
    /// The content quoted under the headline (a comment's words).
    pub content_primary_text: Option<serde_json::Value>,
    /// When (ms since the epoch).
    pub published_at: Option<i64>,
    /// Whether the member has read it.
    pub read: Option<bool>,
}

/// An image view model, as far as a card's picture goes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ImageViewModel {
    /// The page the picture links to (the actor's profile).
    pub action_target: Option<String>,
    /// The image's layers; a member's picture names the member.
    pub attributes: Vec<ImageAttribute>,
}

/// One layer of an image view model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ImageAttribute {
    /// What the layer shows.
    pub detail_data_union: Option<DetailData>,
}

/// What an image layer shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct DetailData {
    /// A member's picture: their Profile (followed from `*profilePicture`), or its URN.
    pub profile_picture: Option<serde_json::Value>,
}

/// What clicking a card does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct CardAction {
    /// The page it opens.
    pub action_target: Option<String>,
}

/// `/relationships/connectionsSummary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ConnectionsSummary {
    /// How many connections the member has.
    pub num_connections: Option<u64>,
}

/// `/relationships/invitationsSummary`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct InvitationsSummary {
    /// Received invitations not answered.
    pub num_pending_invitations: Option<u64>,
    /// Received invitations not seen yet.
    pub num_new_invitations: Option<u64>,
    /// Sent invitations still pending.
    pub num_total_sent_invitations: Option<u64>,
}
