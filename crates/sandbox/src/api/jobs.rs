//! Job postings: a posting (legacy REST) and how the caller's skills match it. The job
//! search is in [`super::search`].
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types.

use http::StatusCode;
use serde_json::{Map, Value, json};

use super::{Answer, Call};

fn employment_text(employment: &str) -> &'static str {
    match employment {
        "FULL_TIME" => "Full-time",
        "PART_TIME" => "Part-time",
        "CONTRACT" => "Contract",
        "INTERNSHIP" => "Internship",
        _ => "Other",
    }
}

fn experience_text(level: &str) -> &'static str {
    match level {
        "ENTRY_LEVEL" => "Entry level",
        "ASSOCIATE" => "Associate",
        "MID_SENIOR" => "Mid-Senior level",
        "DIRECTOR" => "Director",
        "EXECUTIVE" => "Executive",
        _ => "Not Applicable",
    }
}

/// The `workplaceType` filter code of a workplace (1 on-site, 2 remote, 3 hybrid).
pub(super) fn workplace_code(workplace: &str) -> &'static str {
    match workplace {
        "REMOTE" => "2",
        "HYBRID" => "3",
        _ => "1",
    }
}

fn workplace_text(workplace: &str) -> &'static str {
    match workplace {
        "REMOTE" => "Remote",
        "HYBRID" => "Hybrid",
        _ => "On-site",
    }
}

/// `GET /voyagerAssessmentsDashJobSkillMatchInsight/{urn:li:fsd_jobSkillMatchInsight:<id>}`:
/// for each skill the posting asks for, whether the caller lists it (case aside); 404 for an
/// unknown posting. The reference gives the request only; the shape follows LinkedIn's dash
/// convention (`skillMatchStatuses[].{localizedSkillDisplayName, skillOnProfile}`).
pub(super) fn job_skill_match(call: &mut Call<'_>) -> Answer {
    let urn = call.path_param("insightUrn");
    let Some(id) = urn
        .as_deref()
        .and_then(|u| u.strip_prefix("urn:li:fsd_jobSkillMatchInsight:"))
        .and_then(|id| id.parse::<u64>().ok())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(job) = world.jobs.iter().find(|j| j.id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let mine = world
        .people
        .get(call.me)
        .map_or(&[][..], |p| p.skills.as_slice());
    let statuses: Vec<Value> = job
        .skills
        .iter()
        .map(|skill| {
            let on_profile = mine.iter().any(|m| m.eq_ignore_ascii_case(skill));
            json!({
                "localizedSkillDisplayName": skill,
                "skillOnProfile": on_profile,
                "$type": "com.linkedin.voyager.dash.assessments.SkillMatchStatus",
            })
        })
        .collect();
    Answer::ok(json!({
        "entityUrn": format!("urn:li:fsd_jobSkillMatchInsight:{id}"),
        "jobPostingUrn": format!("urn:li:fsd_jobPosting:{id}"),
        "skillMatchStatuses": statuses,
        "$type": "com.linkedin.voyager.dash.assessments.JobSkillMatchInsight",
    }))
}

/// `GET /jobs/jobPostings/{id}` (legacy REST, default encoding): the posting with its company
/// resolved; 404 for an unknown id.
pub(super) fn job_posting(call: &mut Call<'_>) -> Answer {
    let id = call.path_param("jobId").and_then(|s| s.parse::<u64>().ok());
    let Some(id) = id else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let world = &*call.world;
    let Some(job) = world.jobs.iter().find(|j| j.id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let company = world.companies.get(job.company);
    let company_urn = company.map(|c| format!("urn:li:fs_normalized_company:{}", c.id));
    let resolved = company.map(|c| {
        json!({
            "entityUrn": format!("urn:li:fs_normalized_company:{}", c.id),
            "name": c.name,
            "description": c.description,
            "staffCount": c.staff_count,
            "url": format!("https://www.linkedin.com/company/{}", c.universal_name),
            "headquarter": {"city": c.headquarters},
            "$type": "com.linkedin.voyager.organization.Company",
        })
    });
    let workplace_urn = format!("urn:li:fs_workplaceType:{}", workplace_code(&job.workplace));
    let mut workplace = Map::new();
    workplace.insert(
        workplace_urn,
        json!({"localizedName": workplace_text(&job.workplace)}),
    );
    Answer::ok(json!({
        "entityUrn": format!("urn:li:jobPosting:{}", job.id),
        "dashEntityUrn": format!("urn:li:fsd_jobPosting:{}", job.id),
        "title": job.title,
        "description": {"text": job.description, "attributes": []},
        "formattedLocation": job.location,
        "listedAt": job.listed_at,
        "applies": job.applicants,
        "formattedEmploymentStatus": employment_text(&job.employment),
        "formattedExperienceLevel": experience_text(&job.experience_level),
        "workRemoteAllowed": job.workplace == "REMOTE",
        "workplaceTypesResolutionResults": workplace,
        "jobPostingUrl": format!("https://www.linkedin.com/jobs/view/{}/", job.id),
        "companyDetails": {"com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany": {
            "company": company_urn,
            "companyResolutionResult": resolved,
        }},
        "$type": "com.linkedin.voyager.jobs.JobPosting",
    }))
}
