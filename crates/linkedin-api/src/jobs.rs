//! Jobs: a posting by id, and how my skills match it.

use linkedin_catalogue::endpoints;
use linkedin_models::Raw;
use linkedin_models::job::{JobPosting, JobSkillMatch};
use restli::Urn;

use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::validate;

/// A job id as callers hold it: the number, `urn:li:jobPosting:<id>` or
/// `urn:li:fsd_jobPosting:<id>` (a search result's `trackingUrn` or posting URN).
fn job_id(job_id: &str) -> Result<String> {
    validate::numeric_id("job_id", job_id, &["jobPosting", "fsd_jobPosting"])
}

impl Linkedin {
    /// A job posting by id: title, description, place, company, seniority, workplace.
    ///
    /// Python: `get_job`
    ///
    /// Also the employment type, the applicants so far and the posting's URL.
    ///
    /// `job_id` is the number of `urn:li:jobPosting:<id>` (or that URN, or
    /// `urn:li:fsd_jobPosting:<id>`), as job search gives it.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let job = linkedin.job("3955231344").await?;
    /// println!("{} at {}", job.title, job.company_name().unwrap_or("?"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed id (nothing is sent); [`Error::NotFound`];
    /// [`Error::Decode`]; a transport error.
    pub async fn job(&self, job_id: &str) -> Result<Raw<JobPosting>> {
        let id = self::job_id(job_id)?;
        let call = self.call(endpoints::JOB_POSTING).path("jobId", id.as_str());
        self.fetch(call)
            .await
            .map_err(|e| not_found(e, || format!("the job posting {id}")))
    }

    /// How my skills match a job posting: which of the skills it asks for my profile lists.
    ///
    /// Python: `get_job_skills`
    ///
    /// The reference records only the request (catalogue `job_skill_match`); the answer is
    /// read in LinkedIn's dash convention (`skillMatchStatuses[]` with
    /// `localizedSkillDisplayName` and `skillOnProfile`).
    ///
    /// # Errors
    ///
    /// As [`job`](Self::job).
    pub async fn job_skills(&self, job_id: &str) -> Result<JobSkillMatch> {
        let id = self::job_id(job_id)?;
        let urn = Urn::new("fsd_jobSkillMatchInsight", &id).map_err(|e| Error::Internal {
            reason: format!("a checked job id {id:?} made no URN: {e}"),
        })?;
        let call = self
            .call(endpoints::JOB_SKILL_MATCH)
            .path("insightUrn", urn.as_str());
        self.fetch(call)
            .await
            .map_err(|e| not_found(e, || format!("the job posting {id}")))
    }
}
