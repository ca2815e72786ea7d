//! End-to-end: every `linkedin touch` command against the sandbox, embedded (`--sandbox`) and
//! as a `linkedin sandbox` process logged in to with cookies or a password from the
//! environment; JSON checked against the sandbox's world, `--ndjson` one object a line, the
//! exit status of each error class, nothing sent for bad input, and no secret printed.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{
    PASSWORD, SandboxProcess, json, ndjson, printed, requests, run, sandboxed, world,
};
use linkedin_sandbox::world::{Author, World};
use serde_json::Value;

/// The demo account's member id.
const DEMO_ID: &str = "470926337";

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

fn connections_of(w: &World, i: usize) -> usize {
    w.connections
        .iter()
        .filter(|&&(a, b)| a == i || b == i)
        .count()
}

/// `linkedin touch <args>` against `base` with `env` set and no other login in the
/// environment.
fn touch(base: &str, dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("linkedin"));
    cmd.arg("touch")
        .args(args)
        .env("LINKEDIN_BASE_URL", base)
        .env("LINKEDIN_SESSION_DIR", dir)
        .env_remove("LINKEDIN_TOUCH_BASE_URL")
        .env_remove("LINKEDIN_USERNAME")
        .env_remove("LINKEDIN_PASSWORD")
        .env_remove("LINKEDIN_LI_AT")
        .env_remove("LINKEDIN_JSESSIONID")
        .stdin(Stdio::null());
    for (name, value) in env {
        cmd.env(name, value);
    }
    cmd.output().unwrap()
}

#[test]
fn every_command_against_the_embedded_sandbox() {
    let w = world();
    let dana = &w.people[0];

    let me = json(&sandboxed(&["touch", "person", "--json"]));
    assert_eq!(me["id"], DEMO_ID);
    assert_eq!(me["first_name"], "Dana");
    assert_eq!(me["last_name"], "Moreau");
    assert_eq!(me["email"], dana.email.as_str());

    let page = json(&sandboxed(&["touch", "me", "--json"]));
    assert_eq!(page["person"]["location"], dana.location.as_str());
    assert_eq!(page["person"]["industry"], dana.industry.as_str());
    assert_eq!(
        strings(&page["detail"], "context"),
        ["experience1", "education1"]
    );

    let card = json(&sandboxed(&["touch", "profile", DEMO_ID, "--json"]));
    assert_eq!(card["name"], "Dana Moreau");
    assert_eq!(card["headline"], dana.headline.as_str());
    assert_eq!(card["connections"], connections_of(&w, 0));
    assert_eq!(card["is_self"], true);
    // Without a member id: mine.
    assert_eq!(json(&sandboxed(&["touch", "profile", "--json"])), card);
    let hub = json(&sandboxed(&[
        "touch",
        "profile",
        &w.people[2].member_id.to_string(),
        "--json",
    ]));
    assert_eq!(hub["is_self"], false);
    assert_eq!(hub["connections"], connections_of(&w, 2));

    let five = json(&sandboxed(&[
        "touch",
        "connections",
        DEMO_ID,
        "--count",
        "5",
        "--json",
    ]));
    assert_eq!(five["total"], connections_of(&w, 0));
    assert_eq!(five["people"].as_array().unwrap().len(), 5);
    let lines = ndjson(&sandboxed(&[
        "touch",
        "connections",
        "--count",
        "5",
        "--ndjson",
    ]));
    assert_eq!(lines[..], five["people"].as_array().unwrap()[..]);
    assert!(lines.iter().all(|p| p["distance"] == 1));

    let p = &w.people[5];
    let id = p.member_id.to_string();
    let sections = json(&sandboxed(&["touch", "background", &id, "--json"]));
    let experience = sections
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["context"] == "experience1")
        .unwrap();
    assert_eq!(
        experience["items"].as_array().unwrap().len(),
        p.experiences.len()
    );
    assert_eq!(
        experience["items"][0]["title"],
        p.experiences[0].title.as_str()
    );
    let education = ndjson(&sandboxed(&[
        "touch",
        "background",
        &id,
        "--section",
        "education1",
        "--ndjson",
    ]));
    assert_eq!(education.len(), 1);
    assert_eq!(
        education[0]["items"][0]["organization"],
        w.schools[p.education[0].school].name.as_str()
    );

    let endorsements = json(&sandboxed(&["touch", "endorsements", "--json"]));
    assert_eq!(strings(&endorsements, "skill"), dana.skills);

    let mailbox = json(&sandboxed(&["touch", "mailbox", "--json"]));
    let received = w.invitations.iter().filter(|i| i.to == 0).count();
    assert_eq!(mailbox["invitations"]["total"], received);
    let shown = mailbox["invitations"]["items"].as_array().unwrap().len()
        + mailbox["messages"]["items"].as_array().unwrap().len();
    let lines = ndjson(&sandboxed(&["touch", "mailbox", "--ndjson"]));
    assert_eq!(lines.len(), shown);
    assert_eq!(lines[0]["kind"], "invitation");
    assert_eq!(lines[shown - 1]["kind"], "message");

    let recommendations = json(&sandboxed(&["touch", "recommendations", DEMO_ID, "--json"]));
    let recommendations = recommendations.as_array().unwrap();
    assert!(!recommendations.is_empty() && recommendations.len() <= 3);
    assert!(
        recommendations
            .iter()
            .all(|r| r["text"].as_str().unwrap().contains("Dana"))
    );

    let notifications = json(&sandboxed(&["touch", "notifications", "--json"]));
    let comments = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0))
        .flat_map(|p| &p.comments)
        .filter(|c| c.author != 0)
        .count();
    assert_eq!(notifications["total"], received + comments);
    assert_eq!(
        notifications["items"].as_array().unwrap().len(),
        (received + comments).min(20)
    );

    let views = json(&sandboxed(&["touch", "viewers", "--json"]));
    let of_demo = w.profile_views.iter().filter(|v| v.viewed == 0).count();
    assert_eq!(views["total"], of_demo);
    let lines = ndjson(&sandboxed(&["touch", "viewers", "--ndjson"]));
    assert_eq!(lines.len(), 20);

    // Text: a header of totals, then one line each.
    let text = sandboxed(&["touch", "viewers"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.starts_with(&format!("{of_demo} profile views, 20 shown\n")),
        "{text}"
    );
    assert_eq!(text.lines().count(), 21);
}

#[test]
fn logins_from_the_environment_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("requests.jsonl");
    let sb = SandboxProcess::start_with(&["--request-log", log.to_str().unwrap()]);
    let jsessionid = sb.jsessionid.trim_matches('"');
    let cookies = [
        ("LINKEDIN_TOUCH_BASE_URL", sb.url.as_str()),
        ("LINKEDIN_LI_AT", sb.li_at.as_str()),
        ("LINKEDIN_JSESSIONID", jsessionid),
    ];
    let mut outputs = Vec::new();

    // Browser cookies, the touch URL from LINKEDIN_TOUCH_BASE_URL.
    let me = touch(
        "https://www.linkedin.com",
        dir.path(),
        &cookies,
        &["person", "--json"],
    );
    assert_eq!(json(&me)["id"], DEMO_ID);
    outputs.push(me);
    // A password; --base-url (a sandbox's) serves the touch API too.
    let password = [
        ("LINKEDIN_USERNAME", "demo@example.com"),
        ("LINKEDIN_PASSWORD", PASSWORD),
    ];
    let card = touch(&sb.url, dir.path(), &password, &["profile", "--json"]);
    assert_eq!(json(&card)["name"], "Dana Moreau");
    outputs.push(card);

    // No login: 3, saying what is needed.
    let none = touch(&sb.url, dir.path(), &[], &["person"]);
    assert_eq!(none.status.code(), Some(3), "{}", printed(&none));
    let stderr = String::from_utf8_lossy(&none.stderr);
    assert!(
        stderr.contains("LINKEDIN_LI_AT") && stderr.contains("LINKEDIN_PASSWORD"),
        "{stderr}"
    );
    outputs.push(none);
    // A wrong password: 3.
    let wrong = [
        ("LINKEDIN_USERNAME", "demo@example.com"),
        ("LINKEDIN_PASSWORD", "wrong-password-Q7"),
    ];
    let bad = touch(&sb.url, dir.path(), &wrong, &["person"]);
    assert_eq!(bad.status.code(), Some(3), "{}", printed(&bad));
    assert!(!printed(&bad).contains("wrong-password-Q7"));

    // Bad input: 2, one line, refused before logging in (nothing sent at all).
    for args in [
        &["profile", "dana"][..],
        &["connections", "12a"],
        &["background", "../me"],
        &["endorsements", "urn:li:member:470926337"],
        &["recommendations", ""],
    ] {
        let before = requests(&log).len();
        let output = touch(&sb.url, dir.path(), &cookies, args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            printed(&output)
        );
        assert!(output.stdout.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&output.stderr)
                .trim_end()
                .lines()
                .count(),
            1
        );
        assert_eq!(requests(&log).len(), before, "{args:?}");
        outputs.push(output);
    }
    let zero = touch(
        &sb.url,
        dir.path(),
        &cookies,
        &["connections", "--count", "0"],
    );
    assert_eq!(zero.status.code(), Some(2), "{}", printed(&zero));
    let section = touch(
        &sb.url,
        dir.path(),
        &cookies,
        &["background", "--section", "hobbies1"],
    );
    assert_eq!(section.status.code(), Some(2), "{}", printed(&section));

    // Not found: 6.
    for args in [
        &["profile", "1"][..],
        &["recommendations", "7"],
        &["connections", "42"],
    ] {
        let output = touch(&sb.url, dir.path(), &cookies, args);
        assert_eq!(
            output.status.code(),
            Some(6),
            "{args:?}: {}",
            printed(&output)
        );
        outputs.push(output);
    }

    for output in &outputs {
        let text = printed(output);
        assert!(!text.contains(&sb.li_at) && !text.contains(jsessionid));
        assert!(!text.contains(PASSWORD));
    }
    // The embedded sandbox's login stays inside too.
    let run_dir = tempfile::tempdir().unwrap();
    let embedded = run(
        "http://127.0.0.1:9",
        run_dir.path(),
        &["--sandbox", "touch", "mailbox"],
        "",
    );
    assert!(embedded.status.success(), "{}", printed(&embedded));
    assert!(!printed(&embedded).contains(PASSWORD));
}
