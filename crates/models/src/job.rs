//! Jobs: a posting (`/jobs/jobPostings/{id}`, catalogue `job_posting`, default encoding;
//! voyager.md §1.2 `get_job`, peers.md §c.9) and how the viewer's skills match it
//! (`/voyagerAssessmentsDashJobSkillMatchInsight/{urn}`, catalogue `job_skill_match`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Text;
use crate::profile::nullable;

/// The union key of a posting's company when LinkedIn resolved it.
const WEB_JOB_POSTING_COMPANY: &str =
    "com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany";
/// The union key of a posting's company in the plain projection.
const JOB_POSTING_COMPANY: &str = "com.linkedin.voyager.jobs.JobPostingCompany";

/// A job posting (`com.linkedin.voyager.jobs.JobPosting`).
///
/// `entity_urn` and `title` are required: an answer without them (or with `null`) is a
/// decode error naming the path, never a posting with an empty title. The maps are empty
/// when LinkedIn leaves them out; every other field is an `Option`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct JobPosting {
    /// `urn:li:jobPosting:<id>`.
    pub entity_urn: String,
    /// `urn:li:fsd_jobPosting:<id>`.
    pub dash_entity_urn: Option<String>,
    /// The title.
    pub title: String,
    /// The posting's text.
    pub description: Option<Text>,
    /// The place, as text.
    pub formatted_location: Option<String>,
    /// When it was listed (ms since the epoch).
    pub listed_at: Option<i64>,
    /// When it stops being listed (ms since the epoch).
    pub expire_at: Option<i64>,
    /// Applicants so far.
    pub applies: Option<u64>,
    /// `Full-time`, `Contract`…
    pub formatted_employment_status: Option<String>,
    /// `Entry level`, `Mid-Senior level`…
    pub formatted_experience_level: Option<String>,
    /// Whether remote work is allowed.
    pub work_remote_allowed: Option<bool>,
    /// The workplace types (on-site, remote, hybrid) by URN (`urn:li:fs_workplaceType:<n>`).
    #[serde(default, deserialize_with = "nullable")]
    pub workplace_types_resolution_results: BTreeMap<String, WorkplaceType>,
    /// The posting's page.
    pub job_posting_url: Option<String>,
    /// The company, a union keyed by its projection (see [`JobPosting::company`]); written
    /// under readable keys (`web_job_posting_company`).
    #[serde(
        default,
        deserialize_with = "nullable",
        serialize_with = "crate::common::serialize_union"
    )]
    pub company_details: BTreeMap<String, JobPostingCompany>,
}

impl JobPosting {
    /// The numeric id.
    #[must_use]
    pub fn id(&self) -> Option<u64> {
        self.entity_urn.rsplit(':').next()?.parse().ok()
    }

    /// The company, whichever member of the `companyDetails` union LinkedIn sent.
    #[must_use]
    pub fn company(&self) -> Option<&JobPostingCompany> {
        self.company_details
            .get(WEB_JOB_POSTING_COMPANY)
            .or_else(|| self.company_details.get(JOB_POSTING_COMPANY))
            .or_else(|| self.company_details.values().next())
    }

    /// The company's name, when LinkedIn resolved it.
    #[must_use]
    pub fn company_name(&self) -> Option<&str> {
        self.company()?
            .company_resolution_result
            .as_ref()?
            .name
            .as_deref()
    }

    /// The workplace types' names (`Remote`, `Hybrid`, `On-site`).
    #[must_use]
    pub fn workplace_types(&self) -> Vec<&str> {
        self.workplace_types_resolution_results
            .values()
            .filter_map(|w| w.localized_name.as_deref())
            .collect()
    }
}

/// A workplace type (on-site, remote, hybrid).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct WorkplaceType {
    /// Its name.
    pub localized_name: Option<String>,
}

/// The company of a posting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct JobPostingCompany {
    /// `urn:li:fs_normalized_company:<id>`.
    pub company: Option<String>,
    /// The company itself, when LinkedIn resolved it.
    pub company_resolution_result: Option<JobCompany>,
}

/// The company of a posting, as resolved inside it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct JobCompany {
    /// `urn:li:fs_normalized_company:<id>`.
    pub entity_urn: Option<String>,
    /// The name.
    pub name: Option<String>,
    /// The About text.
    pub description: Option<String>,
    /// Employees on LinkedIn.
    pub staff_count: Option<u64>,
    /// The page on LinkedIn.
    pub url: Option<String>,
    /// The headquarters.
    pub headquarter: Option<crate::company::Address>,
}

/// How the viewer's skills match a posting
/// (`com.linkedin.voyager.dash.assessments.JobSkillMatchInsight`). The reference gives the
/// request only; the shape follows LinkedIn's dash convention: one status per skill the
/// posting asks for, `localizedSkillDisplayName` and `skillOnProfile`.
///
/// Each status needs its skill's name and whether it is on the profile (a decode error
/// otherwise, never an empty name or a `false` nobody sent); the list is empty when LinkedIn
/// leaves it out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct JobSkillMatch {
    /// `urn:li:fsd_jobSkillMatchInsight:<job id>`.
    pub entity_urn: String,
    /// One per skill the posting asks for.
    #[serde(default, deserialize_with = "nullable")]
    pub skill_match_statuses: Vec<SkillMatchStatus>,
}

impl JobSkillMatch {
    /// The posting's skills the viewer has on their profile.
    #[must_use]
    pub fn matched(&self) -> Vec<&str> {
        self.skills(true)
    }

    /// The posting's skills the viewer's profile lacks.
    #[must_use]
    pub fn missing(&self) -> Vec<&str> {
        self.skills(false)
    }

    fn skills(&self, on_profile: bool) -> Vec<&str> {
        self.skill_match_statuses
            .iter()
            .filter(|s| s.skill_on_profile == on_profile)
            .map(|s| s.localized_skill_display_name.as_str())
            .collect()
    }
}

/// Whether one skill of a posting is on the viewer's profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct SkillMatchStatus {
    /// The skill, such as `Rust`.
    pub localized_skill_display_name: String,
    /// Whether the viewer lists it.
    pub skill_on_profile: bool,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn a_posting_is_read_with_its_company_union() {
        let job: JobPosting = serde_json::from_value(json!({
            "entityUrn": "urn:li:jobPosting:3955231344",
            "title": "Designer",
            "description": {"text": "Do design.", "attributes": []},
            "workplaceTypesResolutionResults": {"urn:li:fs_workplaceType:2": {"localizedName": "Remote"}},
            "companyDetails": {"com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany": {
                "company": "urn:li:fs_normalized_company:7",
                "companyResolutionResult": {"name": "Brightmoor"},
            }},
            "applyMethod": {"com.linkedin.voyager.jobs.OffsiteApply": {}},
        }))
        .unwrap();
        assert_eq!(job.id(), Some(3_955_231_344));
        assert_eq!(job.company_name(), Some("Brightmoor"));
        assert_eq!(job.workplace_types(), ["Remote"]);

        // Written under this workspace's names, the union under a readable key.
        let written = serde_json::to_value(&job).unwrap();
        assert_eq!(written["entity_urn"], "urn:li:jobPosting:3955231344");
        assert_eq!(
            written["company_details"]["web_job_posting_company"]["company_resolution_result"]["name"],
            "Brightmoor"
        );
        assert_eq!(
            written["workplace_types_resolution_results"]["urn:li:fs_workplaceType:2"]["localized_name"],
            "Remote"
        );
        assert!(written.get("entityUrn").is_none() && written.get("companyDetails").is_none());
    }

    /// A posting without its title or URN (or with `null`, or a number) does not read: the
    /// view would show an empty title.
    #[test]
    fn a_posting_without_its_title_does_not_read() {
        let posting = json!({"entityUrn": "urn:li:jobPosting:1", "title": "Designer"});
        assert!(serde_json::from_value::<JobPosting>(posting.clone()).is_ok());
        for bad in [
            json!({"entityUrn": "urn:li:jobPosting:1"}),
            json!({"entityUrn": "urn:li:jobPosting:1", "title": null}),
            json!({"entityUrn": "urn:li:jobPosting:1", "title": 3}),
            json!({"title": "Designer"}),
        ] {
            assert!(
                serde_json::from_value::<JobPosting>(bad.clone()).is_err(),
                "{bad}"
            );
        }
        let status = json!({"skillMatchStatuses": [{"localizedSkillDisplayName": "Rust"}]});
        assert!(serde_json::from_value::<JobSkillMatch>(status).is_err());
    }

    #[test]
    fn skill_matches_split_into_matched_and_missing() {
        let m: JobSkillMatch = serde_json::from_value(
            json!({"entityUrn": "urn:li:fsd_jobSkillMatchInsight:1", "skillMatchStatuses": [
                {"localizedSkillDisplayName": "Rust", "skillOnProfile": true},
                {"localizedSkillDisplayName": "Go", "skillOnProfile": false},
            ]}),
        )
        .unwrap();
        assert_eq!(m.matched(), ["Rust"]);
        assert_eq!(m.missing(), ["Go"]);
    }
}
