//! Notifications and the network counts: the notifications page's cards (every page),
//! marking one read, and the My Network numbers (pending invitations, connections, network
//! notifications).
//!
//! The cards come from the decoration the web app's notifications page asks for in 2026
//! (catalogue `notifications`, peers-2026.md §3); the counts from the three legacy
//! relationships summaries the web app loads in the background (catalogue
//! `invitations_summary`, `connections_summary`, `my_network_notifications`: capture seq 10,
//! 11, 14), sent as the browser sent them.

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::notification as m;
use linkedin_models::{Answer, Raw};
use restli::Urn;
use serde_json::json;

use crate::client::{Linkedin, decode};
use crate::driver::{Listing, Read};
use crate::error::{Error, Result, not_found};
use crate::paginate::{Pages, Position};
use crate::settle::Unsettled;
use crate::view::{NetworkCounts, Notification};

/// Notifications per request: the page devag7's verified call asks for (the catalogue
/// records no largest page).
const NOTIFICATIONS_PAGE: u32 = 20;

/// How many of the latest notifications a read-back after a lost mark-read looks through.
const READ_BACK_NOTIFICATIONS: usize = 200;

/// The longest notification URN accepted.
const URN_MAX: usize = 1_000;

impl Linkedin {
    /// The logged-in member's notifications, newest first, every page.
    ///
    /// Python: none
    ///
    /// Each has its kind (as LinkedIn names it: `COMMENTED_ON_YOUR_POST`, ...), the line
    /// shown, who did it, what it is about, when, and whether it was read. LinkedIn's answer
    /// to this call is not recorded: the fields are those other clients read from it (the
    /// catalogue entry `notifications` cites them).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let unread: Vec<_> = linkedin
    ///     .notifications()
    ///     .limit(50)
    ///     .try_filter(|n| std::future::ready(n.read == Some(false)))
    ///     .try_collect()
    ///     .await?;
    /// for n in &unread {
    ///     println!("{}: {}", n.kind, n.headline);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::SchemaMoved`] when a page has cards none of which can be
    /// read, and transport errors.
    pub fn notifications(&self) -> Pages<Raw<Notification>> {
        let source = Listing::new(self.call(endpoints::NOTIFICATIONS), read_cards);
        Pages::driven(self, endpoints::NOTIFICATIONS, Position::Start(0), source)
            .page_size(NOTIFICATIONS_PAGE)
    }

    /// Marks one notification read, given its URN (`Notification::urn`).
    ///
    /// Python: none
    ///
    /// `POST /voyagerNotificationsDashBadge?action=markItemAsRead` with `{"item": <urn>}`
    /// (catalogue `notification_mark_read`: seen in public code, not in 2026 evidence, so its
    /// status is `unknown`). Marking a read notification read changes nothing, so the
    /// transport may send it again when its answer is lost; when the outcome is still not
    /// known, the latest notifications are read back for its read flag.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a URN that is not a notification card's (nothing sent),
    /// [`Error::NotFound`] when the member has no such notification, [`Error::NotSent`] or
    /// [`Error::OutcomeUnknown`] after a lost answer (above), and transport errors.
    pub async fn mark_notification_read(&self, notification: &str) -> Result<()> {
        let urn = notification_urn(notification)?;
        let call = self
            .call(endpoints::NOTIFICATION_MARK_READ)
            .body(json!({"item": urn}));
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let found = self
                        .notifications()
                        .limit(READ_BACK_NOTIFICATIONS)
                        .find(|n| n.urn == urn)
                        .await?;
                    Ok(found.and_then(|n| (n.read == Some(true)).then_some(())))
                };
                Unsettled {
                    what: format!("marking notification {urn} read"),
                    absent: "it is not read among the latest notifications".to_owned(),
                    look: "look at the notifications (`linkedin notifications list`)".to_owned(),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("notification {urn}"))),
        }
    }

    /// The logged-in member's network in numbers: invitations, connections, My Network.
    ///
    /// Pending and unseen received invitations, pending sent ones, connections, and My
    /// Network notifications.
    ///
    /// Python: none
    ///
    /// Three requests, as the web app sends them in the background (capture seq 10, 11, 14):
    /// `/relationships/invitationsSummary`, `/relationships/connectionsSummary`,
    /// `/relationships/myNetworkNotifications`. LinkedIn's answers to them are not recorded;
    /// a count LinkedIn leaves out is `None`. The raw JSON holds the three answers under
    /// `invitationsSummary`, `connectionsSummary` and `myNetworkNotifications`.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let counts = linkedin.network_counts().await?;
    /// println!("{:?} pending invitations", counts.pending_invitations);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Transport errors, and [`Error::Decode`] when an answer is not what it should be.
    pub async fn network_counts(&self) -> Result<Raw<NetworkCounts>> {
        let invitations: Raw<m::InvitationsSummary> = self
            .fetch(self.call(endpoints::INVITATIONS_SUMMARY))
            .await?;
        let connections: Raw<m::ConnectionsSummary> = self
            .fetch(self.call(endpoints::CONNECTIONS_SUMMARY))
            .await?;
        let network: Raw<linkedin_models::Collection<serde::de::IgnoredAny>> = self
            .fetch(self.call(endpoints::MY_NETWORK_NOTIFICATIONS))
            .await?;
        let total = network
            .paging
            .as_ref()
            .and_then(|p| p.total)
            .unwrap_or(network.elements.len() as u64);
        let counts = NetworkCounts::from_summaries(&invitations, &connections, total);
        let raw = json!({
            "invitationsSummary": invitations.raw(),
            "connectionsSummary": connections.raw(),
            "myNetworkNotifications": network.raw(),
        });
        Ok(Raw::new(counts, raw))
    }
}

/// A notification card's URN, checked.
fn notification_urn(text: &str) -> Result<String> {
    let text = text.trim();
    let refuse = |reason: String| Error::InvalidInput {
        field: "notification",
        reason,
    };
    if text.len() > URN_MAX {
        return Err(refuse(format!("longer than {URN_MAX} bytes")));
    }
    let urn = Urn::parse(text).map_err(|e| refuse(format!("{text:?} is not a URN: {e}")))?;
    if urn.entity_type() != "fsd_notificationCard" || !urn.id().starts_with('(') {
        return Err(refuse(format!(
            "{text:?} is not a notification's URN (urn:li:fsd_notificationCard:(...), as `linkedin notifications list` shows)"
        )));
    }
    Ok(text.to_owned())
}

/// The notifications of a page of cards.
///
/// Every card must read: one that does not fails the page with its path.
fn read_cards(endpoint: &'static Endpoint, answer: &Answer<'_>) -> Result<Read<Raw<Notification>>> {
    let page: linkedin_models::Collection<Raw<m::NotificationCard>> = decode(endpoint, answer)?;
    let elements = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let mut items = Vec::with_capacity(elements);
    for (i, card) in page.elements.into_iter().enumerate() {
        match card.try_map(|c| Notification::read(c).map(Some)) {
            Ok(Some(item)) => items.push(item),
            Ok(None) => {}
            Err(linkedin_models::Unread { reason, text }) => {
                return Err(crate::feed::unread_element(endpoint, i, reason, &text));
            }
        }
    }
    Ok(Read::new(items, elements).total(total))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn only_notification_card_urns_are_taken() {
        assert!(
            notification_urn(
                "urn:li:fsd_notificationCard:(COMMENTED_ON_YOUR_POST,urn:li:comment:(activity:1,2))"
            )
            .is_ok()
        );
        for bad in [
            "",
            "urn:li:activity:1",
            "ACoAA123",
            "urn:li:fsd_notificationCard",
        ] {
            assert!(
                matches!(notification_urn(bad), Err(Error::InvalidInput { .. })),
                "{bad:?}"
            );
        }
    }
}
