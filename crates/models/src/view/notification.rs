//! Notifications and the network counts.

use restli::Urn;
use serde::Serialize;
use serde_json::Value;

use crate::id::{ProfileId, PublicId};
use crate::notification as m;

/// A notification of the logged-in member, as the notifications page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Notification {
    /// `urn:li:fsd_notificationCard:(<KIND>,<object>)`: what marking it read takes.
    pub urn: String,
    /// What kind it is: the first part of its URN, as LinkedIn names it
    /// (`COMMENTED_ON_YOUR_POST`, `MENTIONED_YOU_IN_THIS`, `SHARED_BY_YOUR_NETWORK`, ...).
    pub kind: String,
    /// The line shown ("Ada Lovelace commented on your post").
    pub headline: String,
    /// Who did it, when the card shows a member.
    pub actor: Option<NotificationActor>,
    /// What it is about (`objectUrn`: a comment, a post, a job application...).
    pub target_urn: Option<String>,
    /// The page it opens on linkedin.com.
    pub target_url: Option<String>,
    /// The content it quotes (a comment's words).
    pub text: Option<String>,
    /// When (ms since the epoch).
    pub published_at: Option<i64>,
    /// Whether the member has read it, when the card says (`read`; no recorded answer shows
    /// whether LinkedIn always sends it, so an absent `read` is `None`, never `false`).
    pub read: Option<bool>,
}

/// The member a notification is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NotificationActor {
    /// The profile id (`ACoAA…`), when the card names the member's profile.
    pub profile_id: Option<ProfileId>,
    /// The public id, when LinkedIn gives a valid one.
    pub public_id: Option<PublicId>,
    /// First and last name, when the card's profile has them.
    pub name: Option<String>,
    /// Their profile page.
    pub url: Option<String>,
}

impl Notification {
    /// A notification from its card, when it is one (its `entityUrn` is a
    /// `urn:li:fsd_notificationCard:(<KIND>,…)`).
    #[must_use]
    pub fn from_card(card: &m::NotificationCard) -> Option<Self> {
        Self::read(card).ok()
    }

    /// A notification from its card: every element of the cards page is a card, so one
    /// whose URN is not a card's, without its headline, or whose actor does not read, is an
    /// error.
    ///
    /// # Errors
    ///
    /// Why the card does not read, in words.
    pub fn read(card: &m::NotificationCard) -> Result<Self, String> {
        let kind = kind_of(&card.entity_urn).ok_or_else(|| {
            format!(
                "its URN {:?} is not a notification card's (urn:li:fsd_notificationCard:(KIND,...))",
                card.entity_urn
            )
        })?;
        let image = card.header_image.as_ref();
        let profile = image.and_then(|i| {
            i.attributes
                .iter()
                .find_map(|a| a.detail_data_union.as_ref()?.profile_picture.as_ref())
        });
        let url = image.and_then(|i| i.action_target.clone());
        let actor = if profile.is_some() || url.is_some() {
            Some(actor_of(profile, url)?)
        } else {
            None
        };
        Ok(Self {
            urn: card.entity_urn.clone(),
            kind,
            headline: card
                .headline
                .as_ref()
                .map(|t| t.text.clone())
                .ok_or("a card without its headline")?,
            actor,
            target_urn: card.object_urn.clone(),
            target_url: card
                .card_action
                .as_ref()
                .and_then(|a| a.action_target.clone()),
            text: card.content_primary_text.as_ref().and_then(texts),
            published_at: card.published_at,
            read: card.read,
        })
    }
}

/// The kind of a card URN: `urn:li:fsd_notificationCard:(<KIND>,…)`.
fn kind_of(urn: &str) -> Option<String> {
    let urn = Urn::parse(urn).ok()?;
    if urn.entity_type() != "fsd_notificationCard" {
        return None;
    }
    let id = urn.id();
    let inner = id.strip_prefix('(')?;
    let end = inner.find([',', ')'])?;
    let kind = &inner[..end];
    (!kind.is_empty()).then(|| kind.to_owned())
}

/// The actor from a picture's profile (an entity or its URN) and the page it links to: a
/// field of the wrong type, half a name, or an id that does not read is an error.
fn actor_of(profile: Option<&Value>, url: Option<String>) -> Result<NotificationActor, String> {
    let field = |name: &str| -> Result<Option<&str>, String> {
        match profile.and_then(|p| p.get(name)) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str()).filter(|s| !s.is_empty())),
            Some(_) => Err(format!("its actor's {name} is not a string")),
        }
    };
    let urn = match profile.and_then(Value::as_str) {
        Some(urn) => Some(urn),
        None => field("entityUrn")?,
    };
    let name = match (field("firstName")?, field("lastName")?) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        (None, None) => None,
        _ => return Err("its actor with half a name (a first or a last name only)".to_owned()),
    };
    let public_id = match field("publicIdentifier")? {
        Some(p) => Some(PublicId::parse(p).map_err(|e| format!("its actor's public id: {e}"))?),
        None => url.as_deref().and_then(|u| {
            let path = u.split("/in/").nth(1)?;
            PublicId::parse(path.trim_end_matches('/')).ok()
        }),
    };
    let profile_id = match urn {
        Some(u) => Some(ProfileId::parse(u).map_err(|e| format!("its actor {u:?}: {e}"))?),
        None => None,
    };
    Ok(NotificationActor {
        profile_id,
        public_id,
        name,
        url,
    })
}

/// The words of a text view model or a list of them, joined by a space.
fn texts(value: &Value) -> Option<String> {
    let one = |v: &Value| v.get("text").and_then(Value::as_str).map(str::to_owned);
    let joined = match value {
        Value::Array(items) => items.iter().filter_map(one).collect::<Vec<_>>().join(" "),
        other => one(other)?,
    };
    (!joined.is_empty()).then_some(joined)
}

/// The logged-in member's network in numbers, as the web app's My Network badge reads them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct NetworkCounts {
    /// Received invitations not answered yet (`numPendingInvitations`).
    pub pending_invitations: Option<u64>,
    /// Received invitations not seen yet (`numNewInvitations`).
    pub unseen_invitations: Option<u64>,
    /// Sent invitations still pending (`numTotalSentInvitations`).
    pub sent_invitations: Option<u64>,
    /// Connections (`numConnections`).
    pub connections: Option<u64>,
    /// My Network notifications (`paging.total` of `myNetworkNotifications`, else its
    /// elements).
    pub network_notifications: u64,
}

impl NetworkCounts {
    /// The counts from the three summaries.
    #[must_use]
    pub fn from_summaries(
        invitations: &m::InvitationsSummary,
        connections: &m::ConnectionsSummary,
        network_notifications: u64,
    ) -> Self {
        Self {
            pending_invitations: invitations.num_pending_invitations,
            unseen_invitations: invitations.num_new_invitations,
            sent_invitations: invitations.num_total_sent_invitations,
            connections: connections.num_connections,
            network_notifications,
        }
    }
}
