//! Jobs against the sandbox: a posting, and how my skills match it.
use crate::common;

use linkedin_api::Error;
use linkedin_sandbox::world::{World, generate};

fn world() -> World {
    generate(linkedin_sandbox::WORLD_SEED)
}

#[tokio::test]
async fn job_reads_a_posting_by_id_or_urn() {
    let f = common::start().await;
    let w = world();
    let job = &w.jobs[3];
    let company = &w.companies[job.company];

    let mark = f.mark();
    let posting = f.linkedin.job(&job.id.to_string()).await.unwrap();
    f.snapshot("jobs_job", mark, &posting);
    assert_eq!(posting.id(), Some(job.id));
    assert_eq!(posting.title, job.title);
    assert_eq!(posting.description.as_ref().unwrap().text, job.description);
    assert_eq!(
        posting.formatted_location.as_deref(),
        Some(job.location.as_str())
    );
    assert_eq!(posting.company_name(), Some(company.name.as_str()));
    assert_eq!(posting.applies, Some(u64::from(job.applicants)));
    assert_eq!(posting.workplace_types().len(), 1);
    assert_eq!(
        posting.raw()["dashEntityUrn"],
        format!("urn:li:fsd_jobPosting:{}", job.id)
    );

    for urn in [
        format!("urn:li:jobPosting:{}", job.id),
        format!("urn:li:fsd_jobPosting:{}", job.id),
    ] {
        let again = f.linkedin.job(&urn).await.unwrap();
        assert_eq!(again.title, job.title);
    }
}

#[tokio::test]
async fn job_refuses_bad_ids_and_reports_unknown_postings() {
    let f = common::start().await;
    let mark = f.mark();
    for bad in [
        "",
        "abc",
        "12a",
        "urn:li:company:1337",
        "urn:li:jobPosting:x",
    ] {
        let err = f.linkedin.job(bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "job_id",
                    ..
                }
            ),
            "{bad}: {err}"
        );
        let err = f.linkedin.job_skills(bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "job_id",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    assert!(f.sent_since(mark).is_empty());

    let err = f.linkedin.job("1").await.unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { what } if what.contains('1')),
        "{err}"
    );
    let err = f.linkedin.job_skills("1").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}

#[tokio::test]
async fn job_skills_split_the_posting_skills_by_my_profile() {
    let f = common::start().await;
    let w = world();
    let mine = &w.people[0].skills;
    let has = |s: &String| mine.iter().any(|m| m.eq_ignore_ascii_case(s));
    let job = w
        .jobs
        .iter()
        .find(|j| j.skills.iter().any(has) && !j.skills.iter().all(has))
        .unwrap();

    let mark = f.mark();
    let matched = f
        .linkedin
        .job_skills(&format!("urn:li:jobPosting:{}", job.id))
        .await
        .unwrap();
    f.snapshot("jobs_job_skills", mark, &matched);
    assert_eq!(
        matched.entity_urn,
        format!("urn:li:fsd_jobSkillMatchInsight:{}", job.id)
    );
    let want_matched: Vec<&str> = job
        .skills
        .iter()
        .filter(|s| has(s))
        .map(String::as_str)
        .collect();
    let want_missing: Vec<&str> = job
        .skills
        .iter()
        .filter(|s| !has(s))
        .map(String::as_str)
        .collect();
    assert_eq!(matched.matched(), want_matched);
    assert_eq!(matched.missing(), want_missing);
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0]["path"]
            .as_str()
            .unwrap()
            .ends_with(&format!("urn:li:fsd_jobSkillMatchInsight:{}", job.id))
    );
}
