//! `linkedin jobs ...`: a posting and how my skills match it as JSON and text, the job search
//! (its flags reaching the request, its limit, `--ndjson`, `search jobs` the same), the exit
//! status of each error class, nothing sent for bad input, and no secret printed.

use crate::common::{
    Logged, fails, json, json_list, keys, ndjson, printed, query_params, sandboxed, stdout, world,
};
use serde_json::{Value, json};

#[test]
fn a_posting_by_id_or_urn() {
    let w = world();
    let id = w.jobs[3].id.to_string();
    let posting = json(&sandboxed(&["jobs", "show", &id, "--json"]));
    assert_eq!(posting["entity_urn"], format!("urn:li:jobPosting:{id}"));
    let by_urn = json(&sandboxed(&[
        "jobs",
        "show",
        &format!("urn:li:jobPosting:{id}"),
        "--json",
    ]));
    assert_eq!(by_urn, posting);
    // Text: the title, then company and place; the description last.
    let company =
        posting["company_details"]["web_job_posting_company"]["company_resolution_result"]["name"]
            .as_str()
            .unwrap();
    let text = stdout(&sandboxed(&["jobs", "show", &id]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], posting["title"], "{text}");
    assert!(
        lines[1].starts_with(&format!(
            "{company} · {}",
            posting["formatted_location"].as_str().unwrap()
        )),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with(posting["description"]["text"].as_str().unwrap().trim_end())
    );
}

#[test]
fn my_skills_against_a_posting() {
    let w = world();
    let id = w.jobs[0].id.to_string();
    let skills = json(&sandboxed(&["jobs", "skills", &id, "--json"]));
    assert_eq!(
        keys(&skills),
        ["entity_urn", "matched", "missing", "skill_match_statuses"]
    );
    assert_eq!(
        skills["entity_urn"],
        format!("urn:li:fsd_jobSkillMatchInsight:{id}")
    );
    // matched and missing spell out the statuses.
    let statuses = skills["skill_match_statuses"].as_array().unwrap();
    assert!(!statuses.is_empty());
    let named = |on: bool| -> Vec<Value> {
        statuses
            .iter()
            .filter(|s| s["skill_on_profile"] == on)
            .map(|s| s["localized_skill_display_name"].clone())
            .collect()
    };
    assert_eq!(skills["matched"], Value::Array(named(true)));
    assert_eq!(skills["missing"], Value::Array(named(false)));
    let list = |v: &Value| -> String {
        let names: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    };
    let text = stdout(&sandboxed(&["jobs", "skills", &id]));
    assert_eq!(
        text,
        format!(
            "On your profile: {}\nMissing: {}\n",
            list(&skills["matched"]),
            list(&skills["missing"])
        )
    );
}

#[test]
fn the_search_sends_its_flags_and_stops_at_its_limit() {
    let sb = Logged::start();
    // The filters as LinkedIn's job search takes them; the default looks back one day.
    let filters = |args: &[&str]| -> Value {
        let mark = sb.mark();
        let out = sb.run(args);
        assert!(out.status.success(), "{}", printed(&out));
        let sent = sb.sent_since(mark);
        assert_eq!(sent.len(), 1, "{sent:?}");
        query_params(&sent[0])["query"]["selectedFilters"].clone()
    };
    assert_eq!(
        filters(&["jobs", "search", "--limit", "1"]),
        json!({"timePostedRange": ["r86400"]})
    );
    assert_eq!(
        filters(&[
            "jobs",
            "search",
            "--listed-within",
            "7d",
            "--company",
            "1337,urn:li:company:42",
            "--workplace",
            "remote,hybrid",
            "--job-type",
            "full-time,contract",
            "--experience",
            "mid-senior,director",
            "--limit",
            "1",
        ]),
        json!({
            "company": ["1337", "42"],
            "experience": ["4", "5"],
            "jobType": ["F", "C"],
            "workplaceType": ["2", "3"],
            "timePostedRange": ["r604800"],
        })
    );

    // Results: the default limit of 20, all with --limit 0, one a line; `search jobs` is the
    // same command.
    let all = json_list(&sb.run(&[
        "jobs",
        "search",
        "--listed-within",
        "30d",
        "--limit",
        "0",
        "--json",
    ]));
    assert!(all.len() > 20);
    for j in &all {
        assert_eq!(
            keys(j),
            ["company_name", "job_id", "location", "title", "urn"]
        );
        assert_eq!(
            j["urn"],
            format!("urn:li:jobPosting:{}", j["job_id"].as_str().unwrap())
        );
    }
    let some = ndjson(&sb.run(&["search", "jobs", "--listed-within", "30d", "--ndjson"]));
    assert_eq!(some[..], all[..20]);
    // Text: title, company, place, id.
    let text = stdout(&sb.run(&["jobs", "search", "--listed-within", "30d", "--limit", "3"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    for (line, j) in lines.iter().zip(&all) {
        assert!(
            line.starts_with(j["title"].as_str().unwrap())
                && line.ends_with(j["job_id"].as_str().unwrap()),
            "{line}"
        );
    }
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
        outputs.push(sb.refused(args));
    }
    for args in [&["jobs", "show", "1"][..], &["jobs", "skills", "1"]] {
        let output = sb.run(args);
        assert!(fails(&output, 6).contains("not found"));
        outputs.push(output);
    }
    sb.assert_no_secret(&outputs);
}

/// My Items: a job saved is listed first by `jobs saved`, unsaved it goes; applied jobs show
/// their states; a post saved is listed by `post saved`. One POST per write.
#[test]
fn saved_jobs_list_what_was_saved() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str]| logged.run(args);
    let saved = || json_list(&li(&["jobs", "saved", "--limit", "0", "--json"]));
    let before = saved();
    assert!(before.len() > 10, "more than a page");
    assert_eq!(
        keys(&before[0]),
        [
            "company_name",
            "job_id",
            "location",
            "state",
            "title",
            "url"
        ]
    );
    let job = w
        .jobs
        .iter()
        .map(|j| j.id.to_string())
        .find(|id| before.iter().all(|s| s["job_id"] != id.as_str()))
        .unwrap();

    let mark = logged.mark();
    let out = li(&["jobs", "save", &job, "--json"]);
    assert_eq!(json(&out), json!({"job_id": job, "saved": true}));
    assert_eq!(logged.posts_since(mark), 1);
    let now = saved();
    assert_eq!(now.len(), before.len() + 1);
    assert_eq!(now[0]["job_id"], job.as_str());
    let text = stdout(&li(&["jobs", "saved", "--limit", "1"]));
    assert!(text.trim_end().ends_with(&job), "{text}");

    let out = li(&["jobs", "unsave", &job]);
    assert_eq!(stdout(&out).trim(), format!("Unsaved the job {job}."));
    assert_eq!(saved().len(), before.len());

    // Applied: each with its state, in the text too.
    let applied = json_list(&li(&["jobs", "applied", "--json"]));
    assert!(!applied.is_empty());
    assert!(applied.iter().all(|a| a["state"].is_string()));
    let text = stdout(&li(&["jobs", "applied", "--limit", "1"]));
    assert!(
        text.contains(&format!("[{}]", applied[0]["state"].as_str().unwrap())),
        "{text}"
    );

    // Posts.
    let posts = || json_list(&li(&["post", "saved", "--limit", "0", "--json"]));
    let before = posts();
    let post = w
        .posts
        .iter()
        .find(|p| {
            !p.promoted
                && w.visible_to(0, p)
                && before
                    .iter()
                    .all(|s| s["urn"] != format!("urn:li:activity:{}", p.activity_id).as_str())
        })
        .unwrap();
    let id = post.activity_id.to_string();
    let out = li(&["post", "save", &id]);
    assert_eq!(stdout(&out).trim(), format!("Saved the post {id}."));
    assert_eq!(posts()[0]["urn"], format!("urn:li:activity:{id}"));
    li(&[
        "post",
        "unsave",
        &format!("https://www.linkedin.com/feed/update/urn:li:activity:{id}/"),
    ]);
    assert_eq!(posts().len(), before.len());

    // Bad ids: 2, nothing sent; an unknown job: 6.
    let mark = logged.mark();
    fails(&li(&["jobs", "save", "12x"]), 2);
    fails(&li(&["post", "save", "nope"]), 2);
    assert_eq!(logged.posts_since(mark), 0);
    fails(&li(&["jobs", "save", "1"]), 6);
    let _ = (printed, query_params, ndjson, sandboxed, Value::Null);
}
