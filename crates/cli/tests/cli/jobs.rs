//! End-to-end: every `linkedin jobs` command against the sandbox, its JSON checked against
//! the sandbox's world, `--ndjson` one object a line, the exit status of each error class,
//! nothing sent for bad input, and no secret printed.

use crate::common::{Logged, json, ndjson, printed, sandboxed, world};
use linkedin_sandbox::world::{Job, World};

/// The world's present (2026-11-24), which job listing times count back from.
const PRESENT_MS: u64 = 1_795_478_400_000;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// The ids of the world's jobs that `keep` keeps, in the world's order.
fn job_ids(w: &World, keep: impl Fn(&Job) -> bool) -> Vec<String> {
    w.jobs
        .iter()
        .filter(|j| keep(j))
        .map(|j| j.id.to_string())
        .collect()
}

#[test]
fn show_skills_and_search() {
    let w = world();
    let job = &w.jobs[3];
    let posting = json(&sandboxed(&["jobs", "show", &job.id.to_string(), "--json"]));
    assert_eq!(posting["title"], job.title.as_str());
    assert_eq!(posting["formatted_location"], job.location.as_str());
    assert_eq!(posting["applies"], job.applicants);
    assert_eq!(posting["description"]["text"], job.description.as_str());
    let by_urn = json(&sandboxed(&[
        "jobs",
        "show",
        &format!("urn:li:jobPosting:{}", job.id),
        "--json",
    ]));
    assert_eq!(by_urn["title"], job.title.as_str());
    let text = sandboxed(&["jobs", "show", &job.id.to_string()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with(&format!("{}\n", job.title)), "{text}");
    assert!(text.contains(&w.companies[job.company].name), "{text}");

    // My skills against a posting's.
    let mine = &w.people[0].skills;
    let has = |s: &String| mine.iter().any(|m| m.eq_ignore_ascii_case(s));
    let job = w
        .jobs
        .iter()
        .find(|j| j.skills.iter().any(has) && !j.skills.iter().all(has))
        .unwrap();
    let skills = json(&sandboxed(&[
        "jobs",
        "skills",
        &job.id.to_string(),
        "--json",
    ]));
    let names = |key: &str| -> Vec<String> {
        skills[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let matched: Vec<String> = job.skills.iter().filter(|s| has(s)).cloned().collect();
    let missing: Vec<String> = job.skills.iter().filter(|s| !has(s)).cloned().collect();
    assert_eq!(names("matched"), matched);
    assert_eq!(names("missing"), missing);
    assert_eq!(
        skills["entity_urn"],
        format!("urn:li:fsd_jobSkillMatchInsight:{}", job.id)
    );
    assert_eq!(
        skills["skill_match_statuses"].as_array().unwrap().len(),
        job.skills.len()
    );

    // The search looks back one day by default, like the facade.
    let expected = job_ids(&w, |j| j.listed_at + DAY_MS >= PRESENT_MS);
    assert!(!expected.is_empty() && expected.len() < w.jobs.len());
    let found = json(&sandboxed(&["jobs", "search", "--limit", "0", "--json"]));
    let ids: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["job_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected);

    // Every job of the last month, over two pages, one a line.
    let every = ndjson(&sandboxed(&[
        "jobs",
        "search",
        "--listed-within",
        "30d",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert_eq!(every.len(), w.jobs.len());
    let some = ndjson(&sandboxed(&[
        "search",
        "jobs",
        "--listed-within",
        "30d",
        "--ndjson",
    ]));
    assert_eq!(some.len(), 20, "the default limit");
    assert_eq!(some[..], every[..20]);

    // Filters.
    let company = &w.companies[w.jobs[0].company];
    let found = ndjson(&sandboxed(&[
        "jobs",
        "search",
        "--listed-within",
        "720h",
        "--company",
        &company.id.to_string(),
        "--limit",
        "0",
        "--ndjson",
    ]));
    let ids: Vec<&str> = found
        .iter()
        .map(|j| j["job_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, job_ids(&w, |j| j.company == w.jobs[0].company));
    let found = ndjson(&sandboxed(&[
        "jobs",
        "search",
        "--listed-within",
        "30d",
        "--workplace",
        "remote,hybrid",
        "--job-type",
        "full-time,contract",
        "--experience",
        "mid-senior,director",
        "--limit",
        "0",
        "--ndjson",
    ]));
    let ids: Vec<&str> = found
        .iter()
        .map(|j| j["job_id"].as_str().unwrap())
        .collect();
    let want = job_ids(&w, |j| {
        (j.workplace == "REMOTE" || j.workplace == "HYBRID")
            && (j.employment == "FULL_TIME" || j.employment == "CONTRACT")
            && (j.experience_level == "MID_SENIOR" || j.experience_level == "DIRECTOR")
    });
    assert!(!want.is_empty());
    assert_eq!(ids, want);
}

#[test]
fn errors_have_their_status_bad_input_sends_nothing_and_no_secret_is_printed() {
    let sb = Logged::start();
    let mut outputs = Vec::new();
    for args in [
        &["jobs", "show", "abc"][..],
        &["jobs", "show", "urn:li:company:1337"],
        &["jobs", "skills", "12a"],
        &["jobs", "search", "--company", "Acme"],
        &["jobs", "search", "--job-title", "Engineer"],
        &["jobs", "search", "--industry", "urn:li:company:1"],
        &["jobs", "search", "--location", ""],
        &["jobs", "search", "--distance", "0"],
        &["search", "jobs", "--company", "Acme"],
    ] {
        outputs.push(sb.refused(args));
    }
    // Refused by the parser: 2 too.
    for args in [
        &["jobs", "search", "--listed-within", "0"][..],
        &["jobs", "search", "--listed-within", "3y"],
        &["jobs", "search", "--experience", "guru"],
    ] {
        let output = sb.run(args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            printed(&output)
        );
        outputs.push(output);
    }
    for args in [&["jobs", "show", "1"][..], &["jobs", "skills", "1"]] {
        let output = sb.run(args);
        assert_eq!(
            output.status.code(),
            Some(6),
            "{args:?}: {}",
            printed(&output)
        );
        assert!(printed(&output).contains("not found"));
        outputs.push(output);
    }
    let found = sb.run(&["jobs", "search", "--listed-within", "30d", "--limit", "3"]);
    assert!(found.status.success(), "{}", printed(&found));
    assert_eq!(String::from_utf8_lossy(&found.stdout).lines().count(), 3);
    outputs.push(found);
    for output in &outputs {
        sb.assert_no_secret(output);
    }
}
