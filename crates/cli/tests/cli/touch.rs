//! `linkedin touch ...`: every command against the embedded sandbox (`--sandbox`) as JSON,
//! `--ndjson` and text, and against a `linkedin sandbox` process logged in to with cookies or
//! a password from the environment; the exit status of each error class, nothing sent for
//! bad input, and no secret printed.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::common::{
    PASSWORD, SandboxProcess, json, keys, ndjson, printed, requests, run, sandboxed, stdout, world,
};
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
    let me = json(&sandboxed(&["touch", "person", "--json"]));
    assert_eq!(me["id"], DEMO_ID);
    assert_eq!(
        (&me["first_name"], &me["last_name"]),
        (&"Dana".into(), &"Moreau".into())
    );
    let text = stdout(&sandboxed(&["touch", "person"]));
    assert!(
        text.starts_with(&format!("Dana Moreau  {DEMO_ID}\n")),
        "{text}"
    );

    let page = json(&sandboxed(&["touch", "me", "--json"]));
    assert_eq!(keys(&page), ["detail", "person"]);
    assert_eq!(page["person"]["id"], DEMO_ID);
    assert_eq!(
        strings(&page["detail"], "context"),
        ["experience1", "education1"]
    );

    // A top card; without a member id, mine.
    let card = json(&sandboxed(&["touch", "profile", DEMO_ID, "--json"]));
    assert_eq!(
        keys(&card),
        [
            "connections",
            "current_position",
            "headline",
            "industry",
            "is_self",
            "location",
            "member_id",
            "name"
        ]
    );
    assert_eq!(card["name"], "Dana Moreau");
    assert_eq!(card["is_self"], true);
    assert_eq!(json(&sandboxed(&["touch", "profile", "--json"])), card);
    let text = stdout(&sandboxed(&["touch", "profile"]));
    assert!(
        text.lines()
            .any(|l| l == format!("{} connections", card["connections"])),
        "{text}"
    );
    let other = world().people[2].member_id.to_string();
    let hub = json(&sandboxed(&["touch", "profile", &other, "--json"]));
    assert_eq!(hub["is_self"], false);

    // Connections: the first --count, one a line with --ndjson.
    let five = json(&sandboxed(&[
        "touch",
        "connections",
        DEMO_ID,
        "--count",
        "5",
        "--json",
    ]));
    assert_eq!(keys(&five), ["count", "people", "total"]);
    assert_eq!(five["people"].as_array().unwrap().len(), 5);
    let lines = ndjson(&sandboxed(&[
        "touch",
        "connections",
        "--count",
        "5",
        "--ndjson",
    ]));
    assert_eq!(lines[..], five["people"].as_array().unwrap()[..]);
    // Text: the totals, then one line each.
    let text = stdout(&sandboxed(&["touch", "connections", "--count", "5"]));
    assert!(
        text.starts_with(&format!("{} connections, 5 shown\n", five["total"])),
        "{text}"
    );
    assert_eq!(text.lines().count(), 6);

    // Background: every section, or those of --section.
    let sections = json(&sandboxed(&["touch", "background", "--json"]));
    assert!(
        strings(&sections, "context")
            .iter()
            .any(|c| c == "education1")
    );
    let education = ndjson(&sandboxed(&[
        "touch",
        "background",
        "--section",
        "education1",
        "--ndjson",
    ]));
    assert!(!education.is_empty());
    assert!(education.iter().all(|s| s["context"] == "education1"));

    let endorsements = json(&sandboxed(&["touch", "endorsements", "--json"]));
    for e in endorsements.as_array().unwrap() {
        assert_eq!(keys(e), ["count", "endorsers", "resource_path", "skill"]);
    }
    let text = stdout(&sandboxed(&["touch", "endorsements"]));
    let first = &endorsements[0];
    assert!(
        text.starts_with(&format!(
            "{} ({})",
            first["skill"].as_str().unwrap(),
            first["count"]
        )),
        "{text}"
    );

    // The mailbox: both pages with --json; their items, invitations first, with --ndjson.
    let mailbox = json(&sandboxed(&["touch", "mailbox", "--json"]));
    assert_eq!(keys(&mailbox), ["invitations", "messages"]);
    let invitations = mailbox["invitations"]["items"].as_array().unwrap();
    let messages = mailbox["messages"]["items"].as_array().unwrap();
    let lines = ndjson(&sandboxed(&["touch", "mailbox", "--ndjson"]));
    let both: Vec<&Value> = invitations.iter().chain(messages).collect();
    assert_eq!(lines.iter().collect::<Vec<_>>(), both);
    assert_eq!(lines[0]["kind"], "invitation");
    assert_eq!(lines[lines.len() - 1]["kind"], "message");

    let recommendations = json(&sandboxed(&["touch", "recommendations", DEMO_ID, "--json"]));
    assert!(!recommendations.as_array().unwrap().is_empty());
    for r in recommendations.as_array().unwrap() {
        assert_eq!(
            keys(r),
            [
                "headline",
                "member_id",
                "picture_url",
                "recommender",
                "relationship",
                "text"
            ]
        );
    }

    let notifications = json(&sandboxed(&["touch", "notifications", "--json"]));
    assert_eq!(keys(&notifications), ["count", "items", "start", "total"]);
    assert!(notifications["items"].as_array().unwrap().len() <= 20);

    // Who viewed me: a header of totals, then one line each.
    let views = json(&sandboxed(&["touch", "viewers", "--json"]));
    let shown = views["viewers"].as_array().unwrap().len();
    let lines = ndjson(&sandboxed(&["touch", "viewers", "--ndjson"]));
    assert_eq!(lines.len(), shown);
    let text = stdout(&sandboxed(&["touch", "viewers"]));
    assert!(
        text.starts_with(&format!(
            "{} profile views, {shown} shown\n",
            views["total"]
        )),
        "{text}"
    );
    assert_eq!(text.lines().count(), shown + 1);
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
