//! The My Items lists: a saved or applied job as the list shows it.

use serde::Serialize;

use super::text::trimmed;
use crate::search::EntityResult;

/// A job of the member's My Items (saved or applied), as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct JobItem {
    /// The numeric job id, what [`JobResult::job_id`](super::JobResult::job_id) and the job
    /// lookups take.
    pub job_id: String,
    /// The title.
    pub title: String,
    /// The company's name.
    pub company_name: Option<String>,
    /// Where the job is.
    pub location: Option<String>,
    /// The application's state as LinkedIn words it (`Applied 2w ago`, `Application
    /// viewed`, `No longer accepting applications`), in the member's language; `None` when
    /// the list shows none.
    pub state: Option<String>,
    /// The job's page on linkedin.com.
    pub url: Option<String>,
}

impl JobItem {
    /// A job from an entity result about a job posting, when it reads
    /// ([`read`](Self::read) says why not); `None` for anything else.
    #[must_use]
    pub fn from_result(result: &EntityResult) -> Option<Self> {
        Self::read(result).ok().flatten()
    }

    /// A job from an entity result about a job posting (`urn:li:fsd_jobPosting:<id>` as its
    /// target, or `urn:li:jobPosting:<id>` as its tracking URN); `None` for a result of
    /// another kind, an error for a job without its title.
    ///
    /// # Errors
    ///
    /// Why the job does not read, in words.
    pub fn read(result: &EntityResult) -> Result<Option<Self>, String> {
        let Some(id) = result
            .target_urn()
            .and_then(|u| u.strip_prefix("urn:li:fsd_jobPosting:"))
            .or_else(|| {
                result
                    .tracking_urn
                    .as_deref()?
                    .strip_prefix("urn:li:jobPosting:")
            })
            .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        else {
            return Ok(None);
        };
        let state = result
            .insights_resolution_results
            .iter()
            .find_map(|i| trimmed(i.simple_insight.as_ref()?.title.as_ref()));
        Ok(Some(Self {
            job_id: id.to_owned(),
            title: trimmed(result.title.as_ref()).ok_or("a job without its title")?,
            company_name: trimmed(result.primary_subtitle.as_ref()),
            location: trimmed(result.secondary_subtitle.as_ref()),
            state,
            url: result.navigation_url.clone(),
        }))
    }
}
