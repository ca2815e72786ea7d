//! The CLI's JSON as a whole: one naming (`snake_case`) for every command's `--json` and
//! `--ndjson`, and `--raw`, which prints LinkedIn's JSON as it came where a command has it and
//! is refused, before anything is sent, where it has not.

use crate::common::{
    Logged, SandboxProcess, assert_snake_case, fails, json, json_list, ndjson, printed, run,
    sandboxed, stdout, world,
};
use std::process::Output;

use serde_json::Value;

/// What a command printed as JSON, whichever of `--json` or `--ndjson` it was given.
fn printed_json(args: &[&str]) -> Value {
    let out = sandboxed(args);
    if args.contains(&"--ndjson") {
        Value::Array(ndjson(&out))
    } else {
        json(&out)
    }
}

#[test]
fn every_read_prints_snake_case_keys() {
    let w = world();
    let job = w.jobs[0].id.to_string();
    let post = format!("urn:li:activity:{}", w.posts[3].activity_id);
    let thread = w.conversations[0].thread_id.as_str();
    let member = w.people[7].profile_id.as_str();
    let commands: Vec<Vec<&str>> = vec![
        vec!["whoami", "--json"],
        vec!["company", "show", "linkedin", "--json"],
        vec!["company", "school", "university-of-queensland", "--json"],
        vec!["company", "updates", "stonebridge-consulting", "--ndjson"],
        vec!["jobs", "show", &job, "--json"],
        vec!["jobs", "skills", &job, "--json"],
        vec![
            "jobs",
            "search",
            "--listed-within",
            "30d",
            "--limit",
            "3",
            "--json",
        ],
        vec![
            "search",
            "people",
            "--keywords",
            "engineer",
            "--limit",
            "3",
            "--json",
        ],
        vec![
            "search",
            "companies",
            "linkedin",
            "--limit",
            "3",
            "--ndjson",
        ],
        vec!["search", "posts", "Kubernetes", "--limit", "3", "--json"],
        vec!["search", "connections", member, "--limit", "3", "--json"],
        vec![
            "search",
            "all",
            "robots",
            "--kind",
            "companies",
            "--limit",
            "3",
            "--json",
        ],
        vec!["messages", "list", "--limit", "3", "--json"],
        vec!["messages", "show", thread, "--limit", "3", "--ndjson"],
        vec!["messages", "send", thread, "Hi", "--dry-run", "--json"],
        vec!["invitations", "list", "--limit", "3", "--json"],
        vec!["invitations", "list", "--sent", "--limit", "3", "--ndjson"],
        vec!["feed", "show", "--limit", "3", "--json"],
        vec!["feed", "posts", "demo-member", "--limit", "3", "--json"],
        vec!["feed", "reactions", &post, "--limit", "3", "--ndjson"],
        vec!["feed", "react", &post, "--dry-run", "--json"],
        vec!["profile", "experiences", "demo-member", "--json"],
        vec!["profile", "contact", "demo-member", "--json"],
        vec!["profile", "resolve", "demo-member", "--json"],
        vec!["profile", "views", "--json"],
        vec!["touch", "person", "--json"],
        vec!["touch", "me", "--json"],
        vec!["touch", "profile", "--json"],
        vec!["touch", "connections", "--count", "3", "--json"],
        vec!["touch", "background", "--json"],
        vec!["touch", "endorsements", "--json"],
        vec!["touch", "mailbox", "--json"],
        vec!["touch", "recommendations", "--json"],
        vec!["touch", "notifications", "--json"],
        vec!["touch", "viewers", "--ndjson"],
    ];
    for args in &commands {
        let printed = printed_json(args);
        let empty = printed.as_array().is_some_and(Vec::is_empty);
        assert!(!empty, "{args:?} printed nothing to check");
        assert_snake_case(&printed, &args.join(" "));
    }
}

#[test]
fn raw_prints_linkedins_json_as_it_came() {
    // One value: LinkedIn's keys, the values the typed view read from them.
    let typed = json(&sandboxed(&["company", "show", "linkedin", "--json"]));
    let raw = json(&sandboxed(&[
        "company", "show", "linkedin", "--json", "--raw",
    ]));
    assert_eq!(raw["entityUrn"], typed["entity_urn"]);
    assert_eq!(
        raw["followingInfo"]["followerCount"],
        typed["following_info"]["follower_count"]
    );
    assert!(raw.get("entity_urn").is_none());

    // Company updates: posts typed, LinkedIn's update objects raw.
    let updates = ["company", "updates", "stonebridge-consulting"];
    let typed = ndjson(&sandboxed(&[&updates[..], &["--ndjson"]].concat()));
    let raw = ndjson(&sandboxed(&[&updates[..], &["--ndjson", "--raw"]].concat()));
    assert_eq!(raw.len(), typed.len());
    assert_eq!(raw[0]["updateMetadata"]["urn"], typed[0]["urn"]);

    // A stream, one a line: each result as LinkedIn sent it.
    let people = ["search", "people", "--network", "F", "--limit", "3"];
    let typed = ndjson(&sandboxed(&[&people[..], &["--ndjson"]].concat()));
    let raw = ndjson(&sandboxed(&[&people[..], &["--ndjson", "--raw"]].concat()));
    assert_eq!(raw.len(), 3);
    for (raw, typed) in raw.iter().zip(&typed) {
        let urn = raw["entityUrn"].as_str().unwrap();
        assert!(urn.contains(typed["profile_id"].as_str().unwrap()), "{urn}");
        assert_eq!(raw["title"]["text"], typed["name"]);
    }
    // The general search's view and its raw result.
    let all = [
        "search",
        "all",
        "robots",
        "--kind",
        "companies",
        "--limit",
        "2",
    ];
    let typed = json_list(&sandboxed(&[&all[..], &["--json"]].concat()));
    let raw = json_list(&sandboxed(&[&all[..], &["--json", "--raw"]].concat()));
    assert_eq!(raw.len(), typed.len());
    for (raw, typed) in raw.iter().zip(&typed) {
        assert_eq!(raw["trackingUrn"], typed["tracking_urn"]);
        assert_eq!(raw["navigationUrl"], typed["url"]);
    }

    // A write's answer: the message LinkedIn stored.
    let thread = world().conversations[0].thread_id.clone();
    let sent = json(&sandboxed(&[
        "messages", "send", &thread, "Hi", "--json", "--raw",
    ]));
    assert_eq!(sent["body"]["text"], "Hi");
    assert!(
        sent["entityUrn"]
            .as_str()
            .is_some_and(|u| u.contains("msg_message")),
        "{sent}"
    );

    // A list read from one answer of the touch API: its items with --json ...
    let typed = json_list(&sandboxed(&["touch", "endorsements", "--json"]));
    let raw = json_list(&sandboxed(&["touch", "endorsements", "--json", "--raw"]));
    assert_eq!(raw.len(), typed.len());
    assert_eq!(raw[0]["resourcePath"], typed[0]["resource_path"]);
    // ... and a paged answer whole, on one line with --ndjson.
    let typed = json(&sandboxed(&[
        "touch",
        "connections",
        "--count",
        "2",
        "--json",
    ]));
    let out = sandboxed(&["touch", "connections", "--count", "2", "--ndjson", "--raw"]);
    let raw = ndjson(&out);
    assert_eq!(raw.len(), 1, "{}", printed(&out));
    assert_eq!(raw[0]["total"], typed["total"]);
    assert_eq!(
        raw[0]["values"][1]["firstName"],
        typed["people"][1]["first_name"]
    );
}

#[test]
fn raw_is_refused_before_anything_is_sent_where_there_is_no_linkedin_json() {
    let sb = Logged::start();
    let thread = world().conversations[0].thread_id.clone();
    let mut outputs = Vec::new();
    for (args, command) in [
        (&["whoami"][..], "whoami"),
        (&["demo"], "demo"),
        (&["company", "follow", "linkedin"], "company follow"),
        (&["jobs", "skills", "1"], "jobs skills"),
        (&["profile", "skills", "demo-member"], "profile skills"),
        (&["profile", "views"], "profile views"),
        (&["messages", "read", &thread], "messages read"),
        (
            &["messages", "send", &thread, "Hi", "--dry-run"],
            "messages send",
        ),
        (&["invitations", "accept", "1"], "invitations accept"),
        (&["feed", "react", "7000000000000000001"], "feed react"),
    ] {
        let mark = sb.mark();
        let out = sb.run(&[args, &["--json", "--raw"]].concat());
        let said = fails(&out, 2);
        assert!(
            said.contains(&format!("`linkedin {command}`")) && said.contains("--raw"),
            "{args:?}: {said}"
        );
        assert_eq!(sb.mark(), mark, "{args:?}: a request was sent");
        outputs.push(out);
    }
    // Not followed: the refusal came first.
    let page = json(&sb.run(&["company", "show", "linkedin", "--json"]));
    assert_eq!(page["following_info"]["following"], false);
    // --raw prints JSON: without --json or --ndjson it is refused.
    let mark = sb.mark();
    let out = sb.run(&["company", "show", "linkedin", "--raw"]);
    assert!(fails(&out, 2).contains("add --json or --ndjson"));
    assert_eq!(sb.mark(), mark);
    outputs.push(out);
    // Where it has LinkedIn's JSON, it prints it.
    let raw = json(&sb.run(&["company", "show", "linkedin", "--json", "--raw"]));
    assert!(raw["entityUrn"].is_string());
    assert!(
        stdout(&sb.run(&["messages", "list", "--limit", "1", "--ndjson", "--raw"]))
            .contains("\"entityUrn\"")
    );
    sb.assert_no_secret(&outputs);
}

/// A list cut part way (LinkedIn starts rate limiting with a long `Retry-After`, after the
/// login and three pages): with `--json` nothing is printed and the error names how many items
/// had arrived; with `--ndjson` the items that arrived are printed and the last line is the
/// error, with the exit status.
#[test]
fn a_list_cut_part_way_prints_no_partial_json_document() {
    let cut = |format: &str| {
        // The login's check, then three pages (the saved session is trusted: no check).
        let sb = SandboxProcess::start_with(&["--rate-limit", "4/3600"]);
        let dir = tempfile::tempdir().unwrap();
        sb.login(dir.path());
        let args = [
            "search",
            "people",
            "--keywords",
            "a",
            "--limit",
            "150",
            format,
        ];
        run(&sb.url, dir.path(), &args, "")
    };
    let out = cut("--ndjson");
    assert_eq!(out.status.code(), Some(5), "{}", printed(&out));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 2, "{}", printed(&out));
    let last = lines.last().unwrap();
    assert_eq!(last["error"]["after_items"], lines.len() - 1);
    assert_eq!(last["error"]["exit_status"], 5);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.get("error").is_none())
    );

    let out = cut("--json");
    assert_eq!(out.status.code(), Some(5), "{}", printed(&out));
    assert!(
        out.stdout.is_empty(),
        "no partial document: {}",
        printed(&out)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("after {} items", lines.len() - 1))
            && err.contains("nothing printed"),
        "{err}"
    );
}

/// A cut list goes on with the token its last line gives. Each run meets a sandbox that
/// starts rate limiting for an hour after six requests (the login's check and five pages),
/// as a next day's run would meet a fresh one; `--resume` asks for the page that was
/// refused, and together the runs print the whole list, as a fault-free sandbox gives it,
/// each item once. A token is refused, before any request, by a list with other arguments.
#[test]
fn a_cut_list_goes_on_with_resume_until_it_is_whole() {
    let ids = |out: &Output| -> Vec<String> {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .filter(|v| v.get("error").is_none())
            .map(|v| v["profile_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let list = [
        "search",
        "people",
        "--keywords",
        "an",
        "--limit",
        "0",
        "--ndjson",
    ];
    let clean = crate::common::Logged::start();
    let whole = ids(&clean.run(&list));
    assert!(whole.len() > 500, "{}", whole.len());

    let mut got = Vec::new();
    let mut token: Option<String> = None;
    let mut cuts = 0;
    for _ in 0..10 {
        let sb = SandboxProcess::start_with(&["--rate-limit", "6/3600"]);
        let dir = tempfile::tempdir().unwrap();
        sb.login(dir.path());
        let mut args = list.to_vec();
        if let Some(t) = &token {
            args.extend(["--resume", t]);
        }
        let out = run(&sb.url, dir.path(), &args, "");
        got.extend(ids(&out));
        if out.status.success() {
            token = None;
            break;
        }
        assert_eq!(out.status.code(), Some(5), "{}", printed(&out));
        cuts += 1;
        let text = String::from_utf8_lossy(&out.stdout);
        let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
        assert_eq!(last["error"]["after_items"], got.len(), "{last}");
        assert!(
            printed(&out).contains("run the same command with --resume"),
            "the message says how to go on: {}",
            printed(&out)
        );
        token = Some(last["error"]["resume"].as_str().unwrap().to_owned());
    }
    assert!(token.is_none(), "not whole after 10 runs");
    assert!(
        cuts >= 2,
        "{cuts} cuts: the test needs the list cut more than once"
    );
    assert_eq!(got, whole, "each item once, in order, after {cuts} cuts");

    // A token of this list, refused by another one before anything is sent.
    let sb = SandboxProcess::start_with(&["--rate-limit", "3/3600"]);
    let dir = tempfile::tempdir().unwrap();
    sb.login(dir.path());
    let out = run(&sb.url, dir.path(), &list, "");
    let text = String::from_utf8_lossy(&out.stdout);
    let last: Value = serde_json::from_str(text.lines().last().unwrap()).unwrap();
    let token = last["error"]["resume"].as_str().unwrap().to_owned();
    let mark = clean.mark();
    let refused = clean.run(&["search", "people", "--keywords", "b", "--resume", &token]);
    assert!(
        fails(&refused, 2).contains("another list"),
        "{}",
        printed(&refused)
    );
    let junk = clean.run(&[
        "search",
        "people",
        "--keywords",
        "an",
        "--resume",
        "not-a-token",
    ]);
    fails(&junk, 2);
    assert_eq!(clean.mark(), mark, "nothing sent for a refused token");
}
