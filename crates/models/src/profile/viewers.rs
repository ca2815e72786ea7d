//! Who viewed my profile: the cards of `GET /identity/wvmpCards`.

use serde::{Deserialize, Serialize};

use super::*;

/// The answer of `GET /identity/wvmpCards` (default encoding, union keys; voyager.md §1.2
/// `get_current_profile_views`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCards {
    /// The cards; the first is the viewers card.
    #[serde(deserialize_with = "nullable")]
    pub elements: Vec<WvmpCard>,
}

/// A card of [`WvmpCards`]: a union under `value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCard {
    /// The union.
    pub value: Option<WvmpCardValue>,
}

/// The members of a card's union that are read here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCardValue {
    /// The viewers card.
    #[serde(rename(
        deserialize = "com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard"
    ))]
    pub viewers_card: Option<WvmpViewersCard>,
}

/// The viewers card: insight cards, the first of which sums the views up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct WvmpViewersCard {
    /// The insight cards.
    #[serde(deserialize_with = "nullable")]
    pub insight_cards: Vec<WvmpInsightCard>,
}

/// An insight card: a union under `value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpInsightCard {
    /// The union.
    pub value: Option<WvmpInsightValue>,
}

/// The members of an insight card's union that are read here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpInsightValue {
    /// The summary.
    #[serde(rename(
        deserialize = "com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard"
    ))]
    pub summary: Option<WvmpSummaryInsightCard>,
}

/// The summary insight card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct WvmpSummaryInsightCard {
    /// How many times the profile was viewed (LinkedIn counts the last 90 days).
    pub num_views: Option<u64>,
}

impl WvmpCards {
    /// The number of views, at the path the reference client reads
    /// (`elements[0].value[…WvmpViewersCard].insightCards[0].value[…WvmpSummaryInsightCard].numViews`),
    /// looking past cards of other kinds.
    #[must_use]
    pub fn num_views(&self) -> Option<u64> {
        self.elements
            .iter()
            .filter_map(|c| c.value.as_ref()?.viewers_card.as_ref())
            .flat_map(|v| &v.insight_cards)
            .find_map(|i| i.value.as_ref()?.summary.as_ref()?.num_views)
    }
}

/// Who viewed my profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileViews {
    /// How many times the profile was viewed (LinkedIn counts the last 90 days).
    pub num_views: u64,
}
