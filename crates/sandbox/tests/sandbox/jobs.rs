//! Job postings and the job search over real loopback HTTP, checked against the world the
//! sandbox serves: a posting with its company, how the caller's skills match it, and the
//! search's matches, filters and paging.

use crate::common::api::{Api, has_types, matches, start, url, world};
use http::StatusCode;
use linkedin_catalogue::endpoints;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_posting_answers_the_posting_and_404s_unknown_ids() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let job = &w.jobs[3];
    let id = job.id.to_string();
    let target = url(endpoints::JOB_POSTING, &[("jobId", &id)], json!({}), None);
    let body = api.ok(&target, false).await;
    assert_eq!(body["title"], job.title);
    assert_eq!(body["description"]["text"], job.description);
    assert_eq!(body["formattedLocation"], job.location);
    assert_eq!(body["listedAt"], job.listed_at);
    assert_eq!(body["dashEntityUrn"], format!("urn:li:fsd_jobPosting:{id}"));
    let company =
        &body["companyDetails"]["com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany"];
    assert_eq!(
        company["companyResolutionResult"]["name"],
        w.companies[job.company].name
    );
    assert!(!has_types(&body));

    let missing = url(endpoints::JOB_POSTING, &[("jobId", "1")], json!({}), None);
    let resp = api.get(&missing, false).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.json(), json!({"status": 404}));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_search_pages_matches_and_limits_the_count() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let keywords = w.jobs[0]
        .title
        .split_whitespace()
        .last()
        .unwrap()
        .to_uppercase();
    let expected: Vec<u64> = w
        .jobs
        .iter()
        .filter(|j| {
            let hay = format!("{} {} {}", j.title, j.description, j.skills.join(" "));
            matches(&keywords, &hay)
        })
        .map(|j| j.id)
        .collect();
    assert!(expected.len() > 2, "{keywords}: {expected:?}");
    let page = |start: usize, count: usize, filters: Value| {
        url(
            endpoints::JOB_SEARCH,
            &[],
            json!({
                "start": start,
                "count": count,
                "query": {"keywords": keywords, "selectedFilters": filters},
            }),
            None,
        )
    };
    let any_time = json!({"timePostedRange": ["r2592000"]});

    let mut seen = Vec::new();
    let mut start = 0;
    loop {
        let body = api.ok(&page(start, 2, any_time.clone()), true).await;
        assert_eq!(body["data"]["paging"]["total"], expected.len());
        let postings: Vec<&Value> = body["included"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["$type"] == "com.linkedin.voyager.dash.jobs.JobPosting")
            .collect();
        if postings.is_empty() {
            break;
        }
        assert!(postings.len() <= 2);
        assert_eq!(
            body["data"]["*elements"].as_array().unwrap().len(),
            postings.len()
        );
        for posting in postings {
            let tracking = posting["trackingUrn"].as_str().unwrap();
            let id = tracking.strip_prefix("urn:li:jobPosting:").unwrap();
            seen.push(id.parse::<u64>().unwrap());
        }
        start += 2;
    }
    assert_eq!(seen, expected);

    // The default encoding nests the posting in its card.
    let nested = api.ok(&page(0, 5, any_time.clone()), false).await;
    let card = &nested["elements"][0];
    let first = w.jobs.iter().find(|j| j.id == expected[0]).unwrap();
    assert_eq!(card["jobPostingTitle"], first.title);
    assert_eq!(
        card["jobPosting"]["trackingUrn"],
        format!("urn:li:jobPosting:{}", first.id)
    );
    assert!(!has_types(&nested));

    // A filter: remote only.
    let remote = expected
        .iter()
        .filter(|id| {
            w.jobs
                .iter()
                .any(|j| j.id == **id && j.workplace == "REMOTE")
        })
        .count();
    let filters = json!({"timePostedRange": ["r2592000"], "workplaceType": ["2"]});
    let body = api.ok(&page(0, 49, filters), true).await;
    assert_eq!(body["data"]["paging"]["total"], remote);

    let resp = api.get(&page(0, 50, any_time), true).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(resp.json(), json!({"status": 400}));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_skill_match_marks_the_skills_on_my_profile() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mine = &w.people[0].skills;
    let has = |s: &String| mine.iter().any(|m| m.eq_ignore_ascii_case(s));
    let job = w
        .jobs
        .iter()
        .find(|j| j.skills.iter().any(has) && !j.skills.iter().all(has))
        .unwrap();
    let urn = format!("urn:li:fsd_jobSkillMatchInsight:{}", job.id);
    let target = url(
        endpoints::JOB_SKILL_MATCH,
        &[("insightUrn", &urn)],
        json!({}),
        None,
    );
    // A URN path key goes raw, as the web app writes it.
    assert!(
        target.contains("urn:li:fsd_jobSkillMatchInsight:"),
        "{target}"
    );
    let body = api.ok(&target, false).await;
    assert_eq!(body["entityUrn"], urn);
    let statuses = body["skillMatchStatuses"].as_array().unwrap();
    assert_eq!(statuses.len(), job.skills.len());
    for (status, skill) in statuses.iter().zip(&job.skills) {
        assert_eq!(status["localizedSkillDisplayName"], *skill);
        assert_eq!(status["skillOnProfile"], has(skill), "{skill}");
    }
    assert!(!has_types(&body));

    let unknown = url(
        endpoints::JOB_SKILL_MATCH,
        &[("insightUrn", "urn:li:fsd_jobSkillMatchInsight:1")],
        json!({}),
        None,
    );
    assert_eq!(api.get(&unknown, false).await.status, StatusCode::NOT_FOUND);
    let malformed = url(
        endpoints::JOB_SKILL_MATCH,
        &[("insightUrn", "urn:li:fsd_jobPosting:1")],
        json!({}),
        None,
    );
    assert_eq!(
        api.get(&malformed, false).await.status,
        StatusCode::BAD_REQUEST
    );
    sandbox.shutdown().await;
}
