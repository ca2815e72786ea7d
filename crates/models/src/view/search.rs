//! What a search finds: people, companies and posts (from the search clusters' entity
//! results), a result of any kind (the general search), and jobs (from the job search's
//! cards).

use serde::Serialize;

use super::text::{trimmed, url_segment};
use crate::id::{ProfileId, PublicId};
use crate::search::{Distance, EntityResult, JobPostingCard};

/// A member found by a people search.
///
/// The Python client's dict keys: `urn_id` is [`profile_id`](Self::profile_id), `jobtitle`
/// is [`headline`](Self::headline).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PersonResult {
    /// The profile id (`ACoAA…`), Python's `urn_id`.
    pub profile_id: ProfileId,
    /// `urn:li:fsd_profile:<profile id>`.
    pub urn: String,
    /// The public id (`linkedin.com/in/<public id>`), when the result links the profile.
    pub public_id: Option<PublicId>,
    /// The numeric member id, when given.
    pub member_id: Option<u64>,
    /// The full name ("LinkedIn Member" for a private profile).
    pub name: String,
    /// The headline (Python's `jobtitle`).
    pub headline: Option<String>,
    /// Where the member is.
    pub location: Option<String>,
    /// How close the member is to you.
    pub distance: Option<Distance>,
}

impl PersonResult {
    /// A person from an entity result; `None` for a result about anything else (or one
    /// that does not read: [`read`](Self::read) says why).
    #[must_use]
    pub fn from_result(result: &EntityResult) -> Option<Self> {
        Self::read(result).ok().flatten()
    }

    /// A person from an entity result: `Ok(None)` for a result about another kind of
    /// entity (a company in a people search: not a result of it), an error for one about a
    /// member that does not read (its profile URN, its member URN or its public id
    /// malformed, its name missing) or one that says nothing of what it is about.
    ///
    /// # Errors
    ///
    /// Why the result does not read, in words.
    pub fn read(result: &EntityResult) -> Result<Option<Self>, String> {
        let urn = about(result)?;
        if urn.entity_type() != "fsd_profile" {
            return Ok(None);
        }
        let profile_id =
            ProfileId::parse(urn.id()).map_err(|e| format!("a result about {urn}: {e}"))?;
        let member_id = match result.tracking_urn.as_deref() {
            None => None,
            Some(tracking) => {
                let id = tracking
                    .strip_prefix("urn:li:member:")
                    .and_then(|id| id.parse().ok())
                    .ok_or_else(|| format!("trackingUrn {tracking:?} is not a member's URN"))?;
                Some(id)
            }
        };
        let public_id = match result.navigation_url.as_deref() {
            Some(url) if url.contains("/in/") => {
                let id = url_segment(url, "/in/")
                    .ok_or_else(|| format!("navigationUrl {url:?} names no public id"))?;
                Some(PublicId::parse(&id).map_err(|e| format!("navigationUrl {url:?}: {e}"))?)
            }
            // A private profile links a search page, not a profile.
            _ => None,
        };
        Ok(Some(Self {
            urn: profile_id.urn(),
            profile_id,
            public_id,
            member_id,
            name: required_title(result)?,
            headline: trimmed(result.primary_subtitle.as_ref()),
            location: trimmed(result.secondary_subtitle.as_ref()),
            distance: result.distance().cloned(),
        }))
    }

    /// Whether LinkedIn hides the member ("LinkedIn Member", out of your network).
    #[must_use]
    pub fn is_private(&self) -> bool {
        self.distance == Some(Distance::OutOfNetwork)
    }
}

/// A company found by a company search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CompanyResult {
    /// The numeric company id (`urn:li:company:<id>`), Python's `urn_id`.
    pub company_id: String,
    /// `urn:li:company:<id>`.
    pub urn: String,
    /// The universal name (`linkedin.com/company/<name>`), when the result links the page.
    pub universal_name: Option<String>,
    /// The name.
    pub name: String,
    /// The first line under the name (industry and place), Python's `headline`.
    pub headline: Option<String>,
    /// The second line (followers), Python's `subline`.
    pub subline: Option<String>,
}

impl CompanyResult {
    /// A company from an entity result (by `urn:li:company:` tracking URN, as the Python
    /// client reads it, or by the `urn:li:fsd_company:` target); `None` for anything else
    /// (or one that does not read: [`read`](Self::read) says why).
    #[must_use]
    pub fn from_result(result: &EntityResult) -> Option<Self> {
        Self::read(result).ok().flatten()
    }

    /// A company from an entity result: `Ok(None)` for a result about another kind of
    /// entity (not a result of a company search), an error for one about a company that
    /// does not read (its id not a number, its name missing) or one that says nothing of
    /// what it is about.
    ///
    /// # Errors
    ///
    /// Why the result does not read, in words.
    pub fn read(result: &EntityResult) -> Result<Option<Self>, String> {
        let target = about(result)?;
        let tracking = result.tracking_urn.as_deref();
        let id = if let Some(tracking) = tracking.filter(|t| t.starts_with("urn:li:company:")) {
            &tracking["urn:li:company:".len()..]
        } else if target.entity_type() == "fsd_company" {
            target.id()
        } else {
            return Ok(None);
        };
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("a company result whose id {id:?} is not a number"));
        }
        Ok(Some(Self {
            company_id: id.to_owned(),
            urn: format!("urn:li:company:{id}"),
            universal_name: result
                .navigation_url
                .as_deref()
                .and_then(|u| url_segment(u, "/company/")),
            name: required_title(result)?,
            headline: trimmed(result.primary_subtitle.as_ref()),
            subline: trimmed(result.secondary_subtitle.as_ref()),
        }))
    }
}

/// What an entity result is about: the URN in its `entityUrn`
/// (`urn:li:fsd_entityResultViewModel:(<urn>,SEARCH_SRP,DEFAULT)`). A result without one,
/// or with one that is not a URN, cannot be told apart from a result of the search: an
/// error, never left out; so is a `navigationUrl` that is not a URL (the public id or
/// universal name read from it would be missing).
fn about(result: &EntityResult) -> Result<restli::Urn, String> {
    if let Some(url) = result.navigation_url.as_deref()
        && (!(url.starts_with("https://") || url.starts_with("http://")) || !url_like(url))
    {
        return Err(format!(
            "navigationUrl {:?} is not a URL",
            crate::error::bounded(url, 60)
        ));
    }
    let Some(entity) = result.entity_urn.as_deref() else {
        return Err("a result without entityUrn: what it is about is unknown".to_owned());
    };
    let target = result
        .target_urn()
        .ok_or_else(|| format!("entityUrn {entity:?} is not an entity result's URN"))?;
    let urn = restli::Urn::parse(target).map_err(|e| format!("entityUrn {entity:?}: {e}"))?;
    if urn.entity_type().is_empty() || urn.id().is_empty() {
        return Err(format!("entityUrn {entity:?} names no entity"));
    }
    Ok(urn)
}

/// Whether a URL's text holds no control character and no white space (bytes first: the
/// URLs LinkedIn sends are ASCII).
fn url_like(url: &str) -> bool {
    if url.is_ascii() {
        url.bytes().all(|b| b > b' ' && b != 0x7f)
    } else {
        !url.chars().any(|c| c.is_control() || c.is_whitespace())
    }
}

/// A result's title (a name), required: a result without one does not read.
fn required_title(result: &EntityResult) -> Result<String, String> {
    trimmed(result.title.as_ref()).ok_or_else(|| "a result without a title (its name)".to_owned())
}

/// A post found by a content search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PostResult {
    /// The post, `urn:li:activity:<id>`.
    pub urn: String,
    /// Who wrote it.
    pub author_name: String,
    /// The author's headline (for a company, its followers).
    pub author_headline: Option<String>,
    /// The text.
    pub text: Option<String>,
    /// The post's page on linkedin.com.
    pub url: Option<String>,
}

impl PostResult {
    /// A post from an entity result (an `urn:li:activity:` target or tracking URN); `None`
    /// for anything else (or one that does not read: [`read`](Self::read) says why).
    #[must_use]
    pub fn from_result(result: &EntityResult) -> Option<Self> {
        Self::read(result).ok().flatten()
    }

    /// A post from an entity result: `Ok(None)` for a result about another kind of entity
    /// (not a result of a content search), an error for a post that does not read (its
    /// activity id not a number, its author's name missing) or a result that says nothing
    /// of what it is about.
    ///
    /// # Errors
    ///
    /// Why the result does not read, in words.
    pub fn read(result: &EntityResult) -> Result<Option<Self>, String> {
        let target = about(result)?;
        let is_activity = |u: &&str| u.starts_with("urn:li:activity:");
        let target_text = target.as_str().to_owned();
        let Some(urn) = Some(target_text.as_str())
            .filter(is_activity)
            .or_else(|| result.tracking_urn.as_deref().filter(is_activity))
        else {
            return Ok(None);
        };
        let id = &urn["urn:li:activity:".len()..];
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "a post result whose activity {urn:?} is not a number"
            ));
        }
        Ok(Some(Self {
            urn: urn.to_owned(),
            author_name: required_title(result)?,
            author_headline: trimmed(result.primary_subtitle.as_ref()),
            text: trimmed(result.summary.as_ref()),
            url: result.navigation_url.clone(),
        }))
    }
}

/// A result of LinkedIn's general search, of whatever kind (a member, a company, a post, a
/// group...), with the lines LinkedIn shows for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SearchResult {
    /// The URN of what the result is about (`urn:li:fsd_profile:…`, `urn:li:fsd_company:…`,
    /// `urn:li:fsd_update:(…)`), when LinkedIn names it.
    pub urn: Option<String>,
    /// The entity for tracking: `urn:li:member:<id>`, `urn:li:company:<id>`,
    /// `urn:li:activity:<id>`...
    pub tracking_urn: Option<String>,
    /// The name (a member's or a company's; a post's author).
    pub title: Option<String>,
    /// The line under it (a headline; a company's industry and place).
    pub primary_subtitle: Option<String>,
    /// The line under that (a place; a company's followers).
    pub secondary_subtitle: Option<String>,
    /// A longer text (a post's).
    pub summary: Option<String>,
    /// Its page on linkedin.com.
    pub url: Option<String>,
    /// How close a member is to you (results about members).
    pub distance: Option<Distance>,
}

impl SearchResult {
    /// The result an entity result shows, whatever it is about.
    #[must_use]
    pub fn from_result(result: &EntityResult) -> Self {
        Self {
            urn: result.target_urn().map(str::to_owned),
            tracking_urn: result.tracking_urn.clone(),
            title: trimmed(result.title.as_ref()),
            primary_subtitle: trimmed(result.primary_subtitle.as_ref()),
            secondary_subtitle: trimmed(result.secondary_subtitle.as_ref()),
            summary: trimmed(result.summary.as_ref()),
            url: result.navigation_url.clone(),
            distance: result.distance().cloned(),
        }
    }
}

/// A job found by a job search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct JobResult {
    /// The numeric job id (`urn:li:jobPosting:<id>`), what `get_job` takes.
    pub job_id: String,
    /// `urn:li:jobPosting:<id>`, Python's `trackingUrn`.
    pub urn: String,
    /// The title.
    pub title: String,
    /// The company's name.
    pub company_name: Option<String>,
    /// Where the job is.
    pub location: Option<String>,
}

impl JobResult {
    /// A job from a job card; `None` for a card without a job id (or one that does not
    /// read: [`read`](Self::read) says why).
    #[must_use]
    pub fn from_card(card: &JobPostingCard) -> Option<Self> {
        Self::read(card).ok()
    }

    /// A job from a job card: every card of a job search is a job, so one without a job id
    /// or a title does not read.
    ///
    /// # Errors
    ///
    /// Why the card does not read, in words.
    pub fn read(card: &JobPostingCard) -> Result<Self, String> {
        let posting = card.job_posting.as_ref();
        let id = posting
            .and_then(|p| p.tracking_urn.as_deref())
            .and_then(|u| u.strip_prefix("urn:li:jobPosting:"))
            .or_else(|| {
                card.job_posting_urn
                    .as_deref()
                    .or_else(|| posting.and_then(|p| p.entity_urn.as_deref()))
                    .and_then(|u| u.strip_prefix("urn:li:fsd_jobPosting:"))
            })
            .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| "a job card without a job id (a number)".to_owned())?;
        let title = card
            .job_posting_title
            .as_ref()
            .or(card.title.as_ref())
            .or_else(|| posting.and_then(|p| p.title.as_ref()))
            .map(|t| t.0.trim().to_owned())
            .filter(|t| !t.is_empty())
            .ok_or_else(|| "a job card without a title".to_owned())?;
        Ok(Self {
            job_id: id.to_owned(),
            urn: format!("urn:li:jobPosting:{id}"),
            title,
            company_name: trimmed(card.primary_description.as_ref()),
            location: trimmed(card.secondary_description.as_ref()),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;
    use crate::search::SearchClusters;

    /// A URL with white space or a control character, ASCII or not, is not one.
    #[test]
    fn a_url_with_space_or_controls_is_not_one() {
        assert!(url_like(
            "https://www.linkedin.com/in/dana?miniProfileUrn=urn%3Ali"
        ));
        assert!(url_like("https://www.linkedin.com/in/dané"));
        for bad in [
            "https://x/ a",
            "https://x/\ta",
            "https://x/\u{7f}",
            "https://x/\u{1b}]0;t\u{7}",
            "https://x/\u{a0}é",
            "https://x/\u{2028}",
            "https://x/\u{85}",
        ] {
            assert!(!url_like(bad), "{bad:?}");
        }
    }

    fn clusters(results: serde_json::Value) -> SearchClusters {
        let items: Vec<serde_json::Value> = results
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!({"item": {"entityResult": r}}))
            .collect();
        serde_json::from_value(json!({"elements": [{"items": items}], "paging": {"total": 3}}))
            .unwrap()
    }

    #[test]
    fn people_and_companies_are_read_from_entity_results() {
        let page = clusters(json!([
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAAB1xxxxx,SEARCH_SRP,DEFAULT)",
             "title": {"text": "Ada Lovelace"}, "primarySubtitle": {"text": "Engineer"},
             "navigationUrl": "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa?miniProfileUrn=x",
             "trackingUrn": "urn:li:member:42",
             "entityCustomTrackingInfo": {"memberDistance": "DISTANCE_2"}},
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAAB2xxxxx,SEARCH_SRP,DEFAULT)",
             "title": {"text": "LinkedIn Member"},
             "navigationUrl": "https://www.linkedin.com/search/results/people/headless",
             "entityCustomTrackingInfo": {"memberDistance": "OUT_OF_NETWORK"}},
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_company:1337,SEARCH_SRP,DEFAULT)",
             "title": {"text": "LinkedIn"}, "trackingUrn": "urn:li:company:1337"},
        ]));
        let people: Vec<PersonResult> = page
            .entity_results()
            .filter_map(|r| PersonResult::from_result(r))
            .collect();
        assert_eq!(people.len(), 2);
        let ada = &people[0];
        assert_eq!(ada.profile_id, "ACoAAB1xxxxx");
        assert_eq!(ada.urn, "urn:li:fsd_profile:ACoAAB1xxxxx");
        assert_eq!(ada.public_id.as_ref().unwrap(), "jos\u{e9}-garc\u{ed}a");
        assert_eq!(ada.member_id, Some(42));
        assert_eq!(ada.headline.as_deref(), Some("Engineer"));
        assert_eq!(ada.location, None);
        assert_eq!(ada.distance, Some(Distance::Second));
        assert!(!ada.is_private());
        assert!(people[1].is_private());
        assert_eq!(people[1].public_id, None);
        let companies: Vec<_> = page
            .entity_results()
            .filter_map(|r| CompanyResult::from_result(r))
            .collect();
        assert_eq!(companies.len(), 1);
        assert_eq!(companies[0].company_id, "1337");
        assert_eq!(
            serde_json::to_value(ada).unwrap()["profile_id"],
            "ACoAAB1xxxxx"
        );
    }

    #[test]
    fn any_result_reads_as_a_general_search_result() {
        let page = clusters(json!([
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_company:1337,SEARCH_SRP,DEFAULT)",
             "title": {"text": " LinkedIn "}, "primarySubtitle": {"text": "Software Development"},
             "secondarySubtitle": {"text": ""}, "trackingUrn": "urn:li:company:1337",
             "navigationUrl": "https://www.linkedin.com/company/linkedin/"},
            {"title": {"text": "A group"}, "entityCustomTrackingInfo": {"memberDistance": "DISTANCE_3"}},
        ]));
        let results: Vec<SearchResult> = page
            .entity_results()
            .map(|r| SearchResult::from_result(r))
            .collect();
        let linkedin = &results[0];
        assert_eq!(linkedin.urn.as_deref(), Some("urn:li:fsd_company:1337"));
        assert_eq!(
            linkedin.tracking_urn.as_deref(),
            Some("urn:li:company:1337")
        );
        assert_eq!(linkedin.title.as_deref(), Some("LinkedIn"));
        assert_eq!(
            linkedin.primary_subtitle.as_deref(),
            Some("Software Development")
        );
        assert_eq!(linkedin.secondary_subtitle, None);
        assert_eq!(
            linkedin.url.as_deref(),
            Some("https://www.linkedin.com/company/linkedin/")
        );
        assert_eq!(results[1].urn, None);
        assert_eq!(results[1].distance, Some(Distance::Third));
        let written = serde_json::to_value(linkedin).unwrap();
        assert_eq!(written["primary_subtitle"], "Software Development");
    }
}
