//! How many requests commands send (issue 18: only the requests needed), counted in the
//! request log of a `linkedin sandbox` process, the session checks included: no `GET /me`
//! beyond the first of a session, one request for a profile whatever `--only` picks, and
//! pages no bigger than the limit needs. `tools/request_counts.py` prints the same counts for
//! every read command (the README's table).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::common::{Logged, json, query_params, requests, run_with_env, stdout};

/// Every request the sandbox logged after `mark`, the session check (`me`) included.
fn all_since(logged: &Logged, mark: usize) -> Vec<Value> {
    requests(&logged.log).into_iter().skip(mark).collect()
}

/// The catalogue entries of `requests`, in order.
fn entries(requests: &[Value]) -> Vec<String> {
    requests
        .iter()
        .map(|r| r["endpoint"].as_str().unwrap_or("?").to_owned())
        .collect()
}

/// The entries `args` sent, run with the session `login` saved.
fn sent_by(logged: &Logged, args: &[&str]) -> (Output, Vec<Value>) {
    let mark = logged.mark();
    let out = logged.run(args);
    (out, all_since(logged, mark))
}

/// `args` run with the sandbox's cookies in the environment and no saved session: the
/// process logs in itself.
fn with_cookies(logged: &Logged, args: &[&str]) -> (Output, Vec<Value>) {
    let fresh = tempfile::tempdir().unwrap();
    let mark = logged.mark();
    let out = run_with_env(
        &logged.sb.url,
        fresh.path(),
        args,
        "",
        &[
            ("LINKEDIN_LI_AT", logged.sb.li_at.as_str()),
            ("LINKEDIN_JSESSIONID", logged.sb.jsessionid.as_str()),
        ],
    );
    (out, all_since(logged, mark))
}

/// Makes the saved sessions of `dir` look checked `seconds` earlier than they were.
fn age_saved_sessions(dir: &Path, seconds: i64) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.ends_with(".governor.json") {
            continue;
        }
        let mut saved: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        if let Some(at) = saved["verified_at"].as_i64() {
            saved["verified_at"] = Value::from(at - seconds);
            std::fs::write(&path, saved.to_string()).unwrap();
        }
    }
}

#[test]
fn whoami_needs_no_request_after_a_recent_check_and_one_otherwise() {
    let logged = Logged::start();
    // `login` checked the session moments ago: its answer is the member.
    let (out, sent) = sent_by(&logged, &["whoami", "--json"]);
    assert_eq!(json(&out)["public_id"], "demo-member");
    assert_eq!(entries(&sent), Vec::<String>::new());

    // A login of its own: the session check, whose answer is the member too.
    let (out, sent) = with_cookies(&logged, &["whoami", "--json"]);
    assert_eq!(json(&out)["public_id"], "demo-member");
    assert_eq!(entries(&sent), ["me"]);

    // A saved session checked an hour ago is checked again, once.
    age_saved_sessions(logged.dir.path(), 3600);
    let (out, sent) = sent_by(&logged, &["whoami", "--json"]);
    assert_eq!(json(&out)["public_id"], "demo-member");
    assert_eq!(entries(&sent), ["me"]);
    // That check is saved: the next command needs none.
    let (out, sent) = sent_by(&logged, &["whoami"]);
    stdout(&out);
    assert!(sent.is_empty(), "{sent:?}");
}

#[test]
fn a_command_that_needs_the_own_profile_asks_no_me_of_its_own() {
    let logged = Logged::start();
    let (out, sent) = sent_by(&logged, &["messages", "list", "--limit", "1", "--json"]);
    stdout(&out);
    assert_eq!(entries(&sent), ["messenger_conversations_sync"]);
    let (out, sent) = with_cookies(&logged, &["messages", "list", "--limit", "1", "--json"]);
    stdout(&out);
    assert_eq!(entries(&sent), ["me", "messenger_conversations_sync"]);
}

#[test]
fn profile_show_is_one_request_whatever_only_picks() {
    let logged = Logged::start();
    let (out, sent) = sent_by(&logged, &["profile", "show", "demo-member", "--json"]);
    let whole = json(&out);
    assert_eq!(entries(&sent), ["profile_with_sections"]);
    let (out, sent) = with_cookies(&logged, &["profile", "show", "demo-member", "--json"]);
    assert_eq!(json(&out), whole);
    assert_eq!(
        entries(&sent),
        ["me", "profile_with_sections"],
        "the login's check, then one"
    );

    // `--only` sends at most what the default sends: the same one request, by public id or
    // by profile URN, whatever the parts.
    let urn = whole["profile"]["entity_urn"].as_str().unwrap().to_owned();
    for (who, only) in [
        ("demo-member", "profile"),
        ("demo-member", "experiences"),
        ("demo-member", "contact"),
        ("demo-member", "skills,education,certifications,languages"),
        (urn.as_str(), "profile,experiences,contact"),
        (
            "demo-member",
            "profile,experiences,skills,education,certifications,languages,contact",
        ),
    ] {
        let (out, sent) = sent_by(&logged, &["profile", "show", who, "--only", only, "--json"]);
        let parts = json(&out);
        assert_eq!(entries(&sent), ["profile_with_sections"], "--only {only}");
        // Each part as the default shows it.
        for (key, value) in parts.as_object().unwrap() {
            assert_eq!(value, &whole[key], "--only {only}: {key}");
        }
    }
}

#[test]
fn a_limit_asks_no_more_than_it_needs() {
    let logged = Logged::start();
    let count = |r: &Value| query_params(r)["variables"]["count"].clone();

    let (out, sent) = sent_by(
        &logged,
        &[
            "search",
            "people",
            "--keywords",
            "engineer",
            "--limit",
            "1",
            "--json",
        ],
    );
    let people = json(&out);
    assert_eq!(people.as_array().unwrap().len(), 1);
    assert_eq!(entries(&sent), ["search_clusters"], "one page");
    assert_eq!(count(&sent[0]), "1");

    // 120 on an endpoint that takes 49 a page: 49, 49, 22.
    let (out, sent) = sent_by(
        &logged,
        &[
            "search",
            "people",
            "--network",
            "F",
            "--limit",
            "120",
            "--json",
        ],
    );
    assert_eq!(json(&out).as_array().unwrap().len(), 120);
    let counts: Vec<Value> = sent.iter().map(count).collect();
    assert_eq!(counts, ["49", "49", "22"]);

    // Invitations: the default limit of 50 in one request (the entry takes 100 a page).
    let (out, sent) = sent_by(&logged, &["invitations", "list", "--json"]);
    stdout(&out);
    assert_eq!(entries(&sent), ["invitations_received"]);
    assert_eq!(query_params(&sent[0])["count"], "50");
}
