//! Search answers: the GraphQL search clusters (`voyagerSearchDashClusters`, people, companies
//! and posts) and the job cards of the job search (`/voyagerJobsDashJobCards`).
//!
//! Both are read from nested JSON: a normalized answer has its references (`*entityResult`,
//! `*elements`, `*jobPosting`) put back in place by [`resolve`](crate::resolve) first.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Paging, Raw, Text};

crate::open_enum! {
    /// How close a member is to the viewer, as search results give it
    /// (`entityCustomTrackingInfo.memberDistance`).
    pub enum Distance {
        /// The viewer.
        SelfDistance = "SELF",
        /// A connection (1st degree).
        First = "DISTANCE_1",
        /// A connection of a connection (2nd degree).
        Second = "DISTANCE_2",
        /// 3rd degree.
        Third = "DISTANCE_3",
        /// Outside the viewer's network: a private profile shown as "LinkedIn Member".
        OutOfNetwork = "OUT_OF_NETWORK",
    }
}

crate::open_enum! {
    /// What a search looks for: the `resultType` filter of the search clusters.
    pub enum ResultType {
        /// Members.
        People = "PEOPLE",
        /// Company pages.
        Companies = "COMPANIES",
        /// Posts.
        Content = "CONTENT",
        /// Jobs (LinkedIn answers 501 for it here; the job search has its own endpoint).
        Jobs = "JOBS",
        /// Groups.
        Groups = "GROUPS",
        /// Schools.
        Schools = "SCHOOLS",
        /// Events.
        Events = "EVENTS",
    }
}

/// The data root of catalogue `search_clusters`: a page of search results, grouped in clusters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SearchClusters {
    /// The clusters of this page (`com.linkedin.voyager.dash.search.SearchClusterViewModel`):
    /// required (a page without them does not read, rather than looking empty).
    pub elements: Vec<SearchCluster>,
    /// Where the page is, and how many results there are in all.
    pub paging: Option<Paging>,
}

impl SearchClusters {
    /// The items of every cluster, in order.
    pub fn items(&self) -> impl Iterator<Item = &SearchItem> {
        self.elements.iter().flat_map(|c| c.items.iter())
    }

    /// The entity results of every cluster, in order (items of other kinds are left out).
    pub fn entity_results(&self) -> impl Iterator<Item = &Raw<EntityResult>> {
        self.items()
            .filter_map(|i| i.item.as_ref()?.entity_result.as_ref())
    }

    /// [`entity_results`](Self::entity_results), taken out of the page.
    pub fn into_entity_results(self) -> impl Iterator<Item = Raw<EntityResult>> {
        self.elements
            .into_iter()
            .flat_map(|c| c.items)
            .filter_map(|i| i.item?.entity_result)
    }
}

/// One cluster of results.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SearchCluster {
    /// Its items (`com.linkedin.voyager.dash.search.SearchItem`): required (a cluster
    /// without them does not read, rather than looking empty).
    pub items: Vec<SearchItem>,
}

/// One item of a cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct SearchItem {
    /// What the item shows.
    pub item: Option<SearchItemUnion>,
}

/// The union an item holds; only entity results are read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchItemUnion {
    /// A result (`com.linkedin.voyager.dash.search.EntityResultViewModel`), with its JSON.
    pub entity_result: Option<Raw<EntityResult>>,
    /// How many members of other kinds the union holds (a banner, a "people also viewed"
    /// module, an ad): an item with neither these nor an entity result holds nothing, which
    /// a search reports rather than leaving out.
    #[serde(skip)]
    pub other_members: usize,
}

impl SearchItemUnion {
    /// Whether the item holds something: an entity result, or a member of another kind.
    #[must_use]
    pub fn holds_something(&self) -> bool {
        self.entity_result.is_some() || self.other_members > 0
    }
}

impl<'de> Deserialize<'de> for SearchItemUnion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "camelCase")]
        enum Member {
            EntityResult,
            #[serde(other)]
            Other,
        }
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = SearchItemUnion;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a search item's union")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut union = SearchItemUnion::default();
                while let Some(member) = map.next_key::<Member>()? {
                    match member {
                        Member::EntityResult => union.entity_result = map.next_value()?,
                        Member::Other => {
                            if map.next_value::<Option<serde::de::IgnoredAny>>()?.is_some() {
                                union.other_members += 1;
                            }
                        }
                    }
                }
                Ok(union)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A search result as LinkedIn shows it: a title, two subtitles, a summary, and the URNs of
/// what it is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct EntityResult {
    /// `urn:li:fsd_entityResultViewModel:(<urn of the entity>,SEARCH_SRP,DEFAULT)`.
    pub entity_urn: Option<String>,
    /// The entity for tracking: `urn:li:member:<id>`, `urn:li:company:<id>`,
    /// `urn:li:activity:<id>`...
    pub tracking_urn: Option<String>,
    /// The name (a person's full name, a company's name, a post's author).
    pub title: Option<Text>,
    /// The line under it (a headline; a company's industry and place).
    pub primary_subtitle: Option<Text>,
    /// The line under that (a location; a company's followers).
    pub secondary_subtitle: Option<Text>,
    /// A longer text (a post's text).
    pub summary: Option<Text>,
    /// The page of the entity on linkedin.com.
    pub navigation_url: Option<String>,
    /// Tracking data, with the member distance of people.
    pub entity_custom_tracking_info: Option<EntityTrackingInfo>,
    /// Short facts shown with it (a saved job's application state: `Applied 2w ago`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub insights_resolution_results: Vec<InsightResolution>,
}

/// One of a result's insights: `{"simpleInsight": {"title": {"text": …}}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
#[non_exhaustive]
pub struct InsightResolution {
    /// The insight, when it is a simple one.
    pub simple_insight: Option<SimpleInsight>,
}

/// A simple insight: a title.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
#[non_exhaustive]
pub struct SimpleInsight {
    /// Its text.
    pub title: Option<Text>,
}

impl EntityResult {
    /// The URN of the entity the result is about: the first part of
    /// `urn:li:fsd_entityResultViewModel:(<urn>,…)`, as text.
    #[must_use]
    pub fn target_urn(&self) -> Option<&str> {
        let urn = self.entity_urn.as_deref()?;
        let inner = urn
            .strip_prefix("urn:li:fsd_entityResultViewModel:(")?
            .strip_suffix(')')?;
        // The target may itself be a tuple URN: cut at the first comma outside parentheses.
        let mut depth = 0usize;
        let end = inner
            .char_indices()
            .find(|&(_, c)| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                ',' => depth == 0,
                _ => false,
            })
            .map_or(inner.len(), |(i, _)| i);
        Some(&inner[..end])
    }

    /// The member distance of a people result.
    #[must_use]
    pub fn distance(&self) -> Option<&Distance> {
        self.entity_custom_tracking_info
            .as_ref()?
            .member_distance
            .as_ref()
    }
}

/// `entityCustomTrackingInfo` of a result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct EntityTrackingInfo {
    /// How close a member is to the viewer.
    pub member_distance: Option<Distance>,
}

/// A text that LinkedIn sends either as a plain string or as `{"text": …}` (job card titles
/// have been seen both ways).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LooseText(pub String);

impl std::fmt::Display for LooseText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LooseText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Plain(String),
            Text(Text),
        }
        Ok(match Either::deserialize(d)? {
            Either::Plain(s) => Self(s),
            Either::Text(t) => Self(t.text),
        })
    }
}

impl Serialize for LooseText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A page of the job search (`/voyagerJobsDashJobCards?q=jobSearch`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct JobCards {
    /// The cards (`com.linkedin.voyager.dash.jobs.JobPostingCard`), with their JSON:
    /// required (a page without them does not read, rather than looking empty).
    pub elements: Vec<Raw<JobPostingCard>>,
    /// Where the page is, and how many jobs match in all.
    pub paging: Option<Paging>,
}

/// A job card of the job search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct JobPostingCard {
    /// `urn:li:fsd_jobPostingCard:(<job id>,JOBS_SEARCH)`.
    pub entity_urn: Option<String>,
    /// `urn:li:fsd_jobPosting:<job id>`.
    pub job_posting_urn: Option<String>,
    /// The job's title.
    pub job_posting_title: Option<LooseText>,
    /// The job's title, under the other key LinkedIn has used.
    pub title: Option<LooseText>,
    /// The company's name.
    pub primary_description: Option<Text>,
    /// The place (and workplace type).
    pub secondary_description: Option<Text>,
    /// The posting the card shows (`com.linkedin.voyager.dash.jobs.JobPosting`).
    pub job_posting: Option<JobPostingSummary>,
}

/// The posting a job card points at.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct JobPostingSummary {
    /// `urn:li:fsd_jobPosting:<job id>`.
    pub entity_urn: Option<String>,
    /// The job's title.
    pub title: Option<LooseText>,
    /// `urn:li:jobPosting:<job id>`.
    pub tracking_urn: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn clusters_give_their_entity_results_and_distances() {
        let v = json!({
            "elements": [
                {"items": [
                    {"item": {"entityResult": {
                        "entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAAB,SEARCH_SRP,DEFAULT)",
                        "title": {"text": "Ada Lovelace"},
                        "entityCustomTrackingInfo": {"memberDistance": "DISTANCE_2"},
                        "badge": {"new": "field"}
                    }}},
                    {"item": {"somethingElse": {}}}
                ]}
            ],
            "paging": {"start": 0, "count": 10, "total": 1}
        });
        let clusters: SearchClusters = serde_json::from_value(v).unwrap();
        assert_eq!(clusters.items().count(), 2);
        let results: Vec<_> = clusters.entity_results().collect();
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].target_urn(), Some("urn:li:fsd_profile:ACoAAB"));
        assert_eq!(results[0].distance(), Some(&Distance::Second));
        assert_eq!(results[0].raw()["badge"]["new"], "field");
        let unknown: Distance = serde_json::from_value(json!("DISTANCE_9")).unwrap();
        assert_eq!(unknown, Distance::Other("DISTANCE_9".into()));
    }

    #[test]
    fn target_urns_may_be_tuples() {
        let r = EntityResult {
            entity_urn: Some(
                "urn:li:fsd_entityResultViewModel:(urn:li:fsd_update:(urn:li:activity:7,FEED),SEARCH_SRP,DEFAULT)"
                    .into(),
            ),
            ..EntityResult::default()
        };
        assert_eq!(
            r.target_urn(),
            Some("urn:li:fsd_update:(urn:li:activity:7,FEED)")
        );
        assert_eq!(EntityResult::default().target_urn(), None);
    }

    #[test]
    fn job_card_titles_are_read_as_strings_or_texts() {
        let cards: JobCards = serde_json::from_value(json!({
            "elements": [
                {"jobPostingTitle": "Rust Engineer"},
                {"title": {"text": "Data Engineer"}, "jobPosting": {"trackingUrn": "urn:li:jobPosting:42"}}
            ]
        }))
        .unwrap();
        assert_eq!(
            cards.elements[0].job_posting_title,
            Some(LooseText("Rust Engineer".into()))
        );
        assert_eq!(
            cards.elements[1].title,
            Some(LooseText("Data Engineer".into()))
        );
        assert_eq!(
            cards.elements[1]
                .job_posting
                .as_ref()
                .unwrap()
                .tracking_urn
                .as_deref(),
            Some("urn:li:jobPosting:42")
        );
    }
}
