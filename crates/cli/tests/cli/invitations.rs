//! End-to-end: `linkedin invitations ...` against the sandbox: received and sent lists,
//! accepting and rejecting (by id, URN, or with the secret), connection requests with a note
//! (sent once, dry run first), and what is refused, unsupported or retired, each with its exit
//! status and nothing sent.

use std::path::Path;

use crate::common::{Logged, fails, json, no_secret, printed, requests, sandboxed, world};
use linkedin_sandbox::world::{self, World};
use serde_json::Value;

/// The world's invitations to (or from) the demo account, newest first.
fn of_demo(w: &World, received: bool) -> Vec<world::Invitation> {
    let mut out: Vec<_> = w
        .invitations
        .iter()
        .filter(|i| if received { i.to == 0 } else { i.from == 0 })
        .cloned()
        .collect();
    out.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    out
}

/// People neither connected to the demo account nor in an invitation with it (nor the
/// sandbox's other login account, `people[1]`).
fn strangers(w: &World) -> Vec<&world::Person> {
    (2..w.people.len())
        .filter(|&p| !w.connected(0, p) && !w.invitations.iter().any(|i| i.from == p || i.to == p))
        .map(|p| &w.people[p])
        .collect()
}

/// The requests logged after the first `mark`, and the POSTs among them.
fn since(log: &Path, mark: usize) -> (Vec<Value>, usize) {
    let all: Vec<Value> = requests(log).into_iter().skip(mark).collect();
    let posts = all.iter().filter(|r| r["method"] == "POST").count();
    (all, posts)
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn received_and_sent_invitations_are_listed() {
    let w = world();
    let li = sandboxed;
    let mut outputs = Vec::new();

    // Received, newest first, with their secrets and notes (the default limit is 50).
    let received = of_demo(&w, true);
    assert!(received.len() > 10);
    let out = li(&["invitations", "list", "--json"]);
    let listed = json(&out);
    assert_eq!(listed.as_array().unwrap().len(), received.len().min(50));
    for (got, want) in listed.as_array().unwrap().iter().zip(&received) {
        assert_eq!(got["id"], want.id.to_string());
        assert_eq!(got["urn"], format!("urn:li:fs_relInvitation:{}", want.id));
        assert_eq!(got["shared_secret"], want.shared_secret.as_str());
        assert_eq!(
            got["from"]["last_name"],
            w.people[want.from].last_name.as_str()
        );
        assert_eq!(got["to"]["public_id"], "demo-member");
        assert_eq!(got["message"].as_str(), want.message.as_deref());
    }
    outputs.push(out);

    // Sent, one object per line.
    let sent = of_demo(&w, false);
    let out = li(&["invitations", "list", "--sent", "--limit", "3", "--ndjson"]);
    assert!(out.status.success(), "{}", printed(&out));
    let lines: Vec<Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), sent.len().min(3));
    for (got, want) in lines.iter().zip(&sent) {
        assert!(got.is_object());
        assert_eq!(got["id"], want.id.to_string());
        assert_eq!(got["to"]["last_name"], w.people[want.to].last_name.as_str());
    }
    outputs.push(out);

    // Text for people: who, and the id to answer with.
    let out = li(&["invitations", "list", "--limit", "1"]);
    assert!(out.status.success(), "{}", printed(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let first = &w.people[received[0].from];
    assert!(text.contains(&format!("{} {}", first.first_name, first.last_name)));
    assert!(text.contains(&received[0].id.to_string()), "{text}");
    outputs.push(out);

    no_secret(&outputs, &[]);
}

#[test]
fn answers_and_requests_take_effect_once_and_refusals_send_nothing() {
    let w = world();
    let logged = Logged::start();
    let log = &logged.log;
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let received = of_demo(&w, true);
    let pending = || {
        ids(&json(&li(&[
            "invitations",
            "list",
            "--limit",
            "500",
            "--json",
        ])))
    };
    let n = pending().len();

    // Accept by id: one POST, then it is gone from the list.
    let mark = requests(log).len();
    let out = li(&[
        "invitations",
        "accept",
        &received[0].id.to_string(),
        "--json",
    ]);
    let done = json(&out);
    assert_eq!(done["action"], "accept");
    assert_eq!(
        done["from"]["first_name"],
        w.people[received[0].from].first_name.as_str()
    );
    assert_eq!(since(log, mark).1, 1);
    outputs.push(out);
    let left = pending();
    assert_eq!(left.len(), n - 1);
    assert!(!left.contains(&received[0].id.to_string()));

    // Reject by URN (text for people), accept with the secret (no lookup).
    let out = li(&[
        "invitations",
        "reject",
        &format!("urn:li:fs_relInvitation:{}", received[1].id),
    ]);
    assert!(out.status.success(), "{}", printed(&out));
    assert!(printed(&out).contains("Ignored the invitation of"));
    outputs.push(out);
    let mark = requests(log).len();
    let out = li(&[
        "invitations",
        "accept",
        &received[2].id.to_string(),
        "--secret",
        &received[2].shared_secret,
    ]);
    assert!(out.status.success(), "{}", printed(&out));
    let (all, posts) = since(log, mark);
    assert_eq!(posts, 1);
    assert!(
        all.iter()
            .all(|r| !r["query"].as_str().unwrap().contains("receivedInvitation")),
        "no lookup with the secret: {all:?}"
    );
    outputs.push(out);
    let left = pending();
    assert_eq!(left.len(), n - 3);
    assert!(!left.contains(&received[1].id.to_string()));

    // Answered already: not found (6), nothing posted.
    let mark = requests(log).len();
    let out = li(&["invitations", "accept", &received[0].id.to_string()]);
    assert!(fails(&out, 6).contains("invitations list"));
    assert_eq!(since(log, mark).1, 0);
    outputs.push(out);

    // A connection request with a note, by public id: one POST, then listed as sent.
    let strangers = strangers(&w);
    let to = strangers[0];
    let note = "We met at RustConf; let's stay in touch.";
    let mark = requests(log).len();
    let out = li(&["invitations", "send", &to.public_id, "--message", note]);
    assert!(out.status.success(), "{}", printed(&out));
    assert_eq!(since(log, mark).1, 1);
    outputs.push(out);
    let out = li(&["invitations", "list", "--sent", "--limit", "500", "--json"]);
    let sent = json(&out);
    let new = sent
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["to"]["public_id"] == to.public_id.as_str())
        .unwrap();
    assert_eq!(new["message"], note);
    outputs.push(out);
    // Again: LinkedIn refuses (8), said plainly.
    let out = li(&["invitations", "send", &to.profile_id]);
    assert!(fails(&out, 8).contains("already invited or connected"));
    outputs.push(out);

    // Nothing posted from here on: dry runs, bad input, unsupported and retired.
    let mark = requests(log).len();
    let other = strangers[1];
    let out = li(&[
        "invitations",
        "send",
        &other.profile_id,
        "--message",
        "Hello!",
        "--dry-run",
        "--json",
    ]);
    let plan = json(&out);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(
        plan["name"],
        format!("{} {}", other.first_name, other.last_name)
    );
    assert_eq!(plan["message"], "Hello!");
    outputs.push(out);
    // A note of 301 characters: 2, refused before connecting (no request at all), dry run or
    // not.
    let long = "x".repeat(301);
    for dry in [false, true] {
        let mut args = vec!["invitations", "send", &other.public_id, "--message", &long];
        if dry {
            args.push("--dry-run");
        }
        let before = requests(log).len();
        let out = li(&args);
        assert!(fails(&out, 2).contains("301 characters"));
        assert_eq!(requests(log).len(), before);
        outputs.push(out);
    }
    for args in [
        vec!["invitations", "send", "a/b"],
        vec!["invitations", "send", "ACoAA x", "--dry-run"],
        vec!["invitations", "accept", "12x"],
        vec!["invitations", "reject", "urn:li:fsd_profile:1"],
        vec!["invitations", "accept", "6719", "--secret", "has spaces"],
        vec!["invitations", "remove", "a/b"],
    ] {
        let out = li(&args);
        fails(&out, 2);
        outputs.push(out);
    }
    let unknown = "ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
    let out = li(&["invitations", "send", unknown, "--dry-run"]);
    fails(&out, 6);
    outputs.push(out);
    // Withdrawing: unsupported, with where to do it instead.
    let sent_id = of_demo(&w, false)[0].id.to_string();
    let out = li(&["invitations", "withdraw", &sent_id]);
    let said = fails(&out, 6);
    assert!(
        said.contains("not supported") && said.contains("linkedin.com"),
        "{said}"
    );
    outputs.push(out);
    let out = li(&["invitations", "withdraw", "1"]);
    fails(&out, 6);
    outputs.push(out);
    // Removing a connection: retired by LinkedIn (6), with what to do.
    let connection = (1..w.people.len()).find(|&p| w.connected(0, p)).unwrap();
    let out = li(&["invitations", "remove", &w.people[connection].public_id]);
    let said = fails(&out, 6);
    assert!(
        said.contains("retired") && said.contains("linkedin.com"),
        "{said}"
    );
    outputs.push(out);
    let (all, posts) = since(log, mark);
    assert_eq!(posts, 0, "{all:?}");
    assert!(
        all.iter()
            .all(|r| !r["path"].as_str().unwrap().contains("profileActions"))
    );

    no_secret(
        &outputs,
        &[&logged.sb.li_at, logged.sb.jsessionid.trim_matches('"')],
    );
}
