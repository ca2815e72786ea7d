//! End-to-end: `linkedin messages ...` against the sandbox: conversation lists and their
//! filters, a thread's messages, the conversation with a member, sending, starting and marking
//! (each write checked by a later command, sent once), dry runs, and the exit status of each
//! kind of bad input.

use std::path::Path;

use crate::common::{Logged, fails, json, ndjson, no_secret, printed, requests, sandboxed, world};
use linkedin_sandbox::world::{self, World};
use serde_json::Value;

/// The world's conversations in `category`, most recently active first.
fn in_category(w: &World, category: &str) -> Vec<world::Conversation> {
    let mut out: Vec<_> = w
        .conversations
        .iter()
        .filter(|c| c.category == category)
        .cloned()
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.messages.last().unwrap().delivered_at));
    out
}

/// Someone the demo account has never written to, connected to it.
fn stranger(w: &World) -> &world::Person {
    let talked: Vec<usize> = w
        .conversations
        .iter()
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let p = (2..w.people.len())
        .find(|p| !talked.contains(p) && w.connected(0, *p))
        .unwrap();
    &w.people[p]
}

/// The POST requests among `requests`, after the first `mark`.
fn posts_since(log: &Path, mark: usize) -> Vec<Value> {
    requests(log)
        .into_iter()
        .skip(mark)
        .filter(|r| r["method"] == "POST")
        .collect()
}

#[test]
fn lists_threads_and_the_conversation_with_a_member() {
    let w = world();
    let li = sandboxed;
    let mut outputs = Vec::new();

    // The primary inbox, most recent first, with each last message.
    let primary = in_category(&w, "PRIMARY_INBOX");
    let out = li(&["messages", "list", "--limit", "5", "--json"]);
    let listed = json(&out);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 5);
    for (got, want) in listed.iter().zip(&primary) {
        assert_eq!(got["thread_id"], want.thread_id.as_str());
        assert_eq!(got["read"], want.read);
        let last = want.messages.last().unwrap();
        assert_eq!(got["last_message"]["text"], last.text.as_str());
        assert_eq!(
            got["participants"][0]["first_name"],
            w.people[want.participants[0]].first_name.as_str()
        );
    }
    outputs.push(out);

    // Unread only, one object per line, in the same order as the world's unread ones.
    let out = li(&["messages", "list", "--unread", "--limit", "30", "--ndjson"]);
    let unread = ndjson(&out);
    let expected: Vec<_> = primary.iter().filter(|c| !c.read).take(30).collect();
    assert!(expected.len() > 5);
    assert_eq!(unread.len(), expected.len());
    for (got, want) in unread.iter().zip(&expected) {
        assert_eq!(got["thread_id"], want.thread_id.as_str());
        assert_eq!(got["read"], false);
    }
    outputs.push(out);

    // Another category.
    let archive = in_category(&w, "ARCHIVE");
    let out = li(&[
        "messages",
        "list",
        "--category",
        "archive",
        "--limit",
        "2",
        "--json",
    ]);
    let archived = json(&out);
    assert_eq!(archived[0]["thread_id"], archive[0].thread_id.as_str());
    assert_eq!(archived[0]["categories"], serde_json::json!(["ARCHIVE"]));
    outputs.push(out);

    // Text for people: who, the thread id to use next, the last message; no colours off a
    // terminal.
    let out = li(&["messages", "list", "--limit", "2"]);
    assert!(out.status.success(), "{}", printed(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.contains(&primary[0].thread_id), "{text}");
    assert!(text.contains(&w.people[primary[0].participants[0]].last_name));
    assert!(text.contains(&primary[0].messages.last().unwrap().text));
    assert!(!text.contains('\x1b'));
    outputs.push(out);

    // A thread, newest first.
    let long = w
        .conversations
        .iter()
        .max_by_key(|c| c.messages.len())
        .unwrap();
    let out = li(&[
        "messages",
        "show",
        &long.thread_id,
        "--limit",
        "3",
        "--json",
    ]);
    let shown = json(&out);
    let texts: Vec<&str> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    let newest: Vec<&str> = long
        .messages
        .iter()
        .rev()
        .take(3)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(texts, newest);
    outputs.push(out);

    // The 1:1 conversation with a member, by profile id; none with a stranger: 6.
    let one_to_one = archive.iter().find(|c| c.participants.len() == 1).unwrap();
    let partner = &w.people[one_to_one.participants[0]];
    let out = li(&["messages", "with", &partner.profile_id, "--json"]);
    assert_eq!(json(&out)["thread_id"], one_to_one.thread_id.as_str());
    outputs.push(out);
    let out = li(&["messages", "with", &stranger(&w).public_id]);
    assert!(fails(&out, 6).contains("messages start"));
    outputs.push(out);

    no_secret(&outputs, &[]);
}

#[test]
fn sending_starting_and_marking_take_effect_and_are_sent_once() {
    let w = world();
    let logged = Logged::start();
    let log = &logged.log;
    let li = |args: &[&str], stdin: &str| logged.run_with_stdin(args, stdin);
    let mut outputs = Vec::new();
    let primary = in_category(&w, "PRIMARY_INBOX");

    // A reply: sent once, then first in its thread.
    let c = &primary[3];
    let text = "Thanks, let's talk on Thursday at 10.";
    let mark = requests(log).len();
    let out = li(&["messages", "send", &c.thread_id, text, "--json"], "");
    let sent = json(&out);
    assert_eq!(sent["text"], text);
    assert_eq!(sent["from_me"], true);
    assert_eq!(posts_since(log, mark).len(), 1);
    outputs.push(out);
    let out = li(
        &["messages", "show", &c.thread_id, "--limit", "2", "--json"],
        "",
    );
    let latest = json(&out);
    assert_eq!(latest[0]["urn"], sent["urn"]);
    assert_eq!(latest[1]["text"], c.messages.last().unwrap().text.as_str());
    outputs.push(out);

    // From standard input, by conversation URN; trailing line breaks left out.
    let urn = sent["conversation_urn"].as_str().unwrap().to_owned();
    let out = li(
        &["messages", "send", &urn, "-", "--json"],
        "Line one\nLine two\n",
    );
    assert_eq!(json(&out)["text"], "Line one\nLine two");
    outputs.push(out);

    // A first message to someone, by public id, from a file: a new conversation, newest of
    // the inbox, found again by `with`.
    let person = stranger(&w);
    let file = logged.dir.path().join("message.txt");
    std::fs::write(&file, "Hello! Coffee next week?\n").unwrap();
    let mark = requests(log).len();
    let out = li(
        &[
            "messages",
            "start",
            &person.public_id,
            "--text-file",
            file.to_str().unwrap(),
            "--json",
        ],
        "",
    );
    let first = json(&out);
    assert_eq!(first["text"], "Hello! Coffee next week?");
    let new_urn = first["conversation_urn"].as_str().unwrap().to_owned();
    assert!(
        w.conversations
            .iter()
            .all(|c| !new_urn.contains(&c.thread_id))
    );
    assert_eq!(posts_since(log, mark).len(), 1);
    outputs.push(out);
    let out = li(&["messages", "list", "--limit", "1", "--json"], "");
    let top = json(&out);
    assert_eq!(top[0]["urn"], new_urn.as_str());
    assert_eq!(
        top[0]["participants"][0]["profile_id"],
        person.profile_id.as_str()
    );
    outputs.push(out);
    let out = li(&["messages", "with", &person.profile_id, "--json"], "");
    assert_eq!(json(&out)["urn"], new_urn.as_str());
    outputs.push(out);

    // Marking read takes it out of the unread list; unread puts it back. One POST each.
    let unread = primary
        .iter()
        .find(|x| !x.read && x.thread_id != c.thread_id)
        .unwrap();
    let unread_threads = || -> Vec<String> {
        let out = li(
            &["messages", "list", "--unread", "--limit", "500", "--ndjson"],
            "",
        );
        ndjson(&out)
            .iter()
            .map(|c| c["thread_id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(unread_threads().contains(&unread.thread_id));
    let mark = requests(log).len();
    let out = li(&["messages", "read", &unread.thread_id, "--json"], "");
    assert_eq!(json(&out)["read"], true);
    assert_eq!(posts_since(log, mark).len(), 1);
    outputs.push(out);
    assert!(!unread_threads().contains(&unread.thread_id));
    let out = li(&["messages", "unread", &unread.thread_id], "");
    assert!(out.status.success(), "{}", printed(&out));
    assert!(printed(&out).contains("unread"));
    outputs.push(out);
    assert!(unread_threads().contains(&unread.thread_id));

    no_secret(
        &outputs,
        &[&logged.sb.li_at, logged.sb.jsessionid.trim_matches('"')],
    );
}

#[test]
fn dry_runs_and_bad_input_send_nothing() {
    let w = world();
    let logged = Logged::start();
    let log = &logged.log;
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let thread = in_category(&w, "PRIMARY_INBOX")[0].thread_id.clone();
    let person = stranger(&w);
    let mark = requests(log).len();

    // What would be sent, and where.
    let out = li(&[
        "messages",
        "send",
        &thread,
        "Hi there",
        "--dry-run",
        "--json",
    ]);
    let plan = json(&out);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["action"], "send_message");
    assert!(
        plan["conversation"]
            .as_str()
            .unwrap()
            .ends_with(&format!("{thread})"))
    );
    assert_eq!(plan["text"], "Hi there");
    outputs.push(out);
    let out = li(&[
        "messages",
        "start",
        &person.profile_id,
        "--text",
        "Hello!",
        "--dry-run",
    ]);
    assert!(out.status.success(), "{}", printed(&out));
    let text = printed(&out);
    assert!(
        text.contains(&person.first_name) && text.contains("nothing was sent"),
        "{text}"
    );
    outputs.push(out);

    // Bad input: 2, one line, the same with or without --dry-run.
    let long = "x".repeat(8_001);
    let me = w.people[0].profile_id.as_str();
    for args in [
        vec!["messages", "send", thread.as_str(), " "],
        vec!["messages", "send", thread.as_str(), long.as_str()],
        vec!["messages", "send", "a b", "Hi"],
        vec!["messages", "start", "ACoAA x", "--text", "Hi"],
        vec![
            "messages",
            "start",
            &person.public_id,
            &person.profile_id,
            "--text",
            "Hi",
        ],
        vec!["messages", "start", me, "--text", "Hi"],
    ] {
        for dry in [false, true] {
            let mut args = args.clone();
            if dry {
                args.push("--dry-run");
            }
            let out = li(&args);
            fails(&out, 2);
            outputs.push(out);
        }
    }
    let out = li(&["messages", "show", "a b"]);
    assert!(fails(&out, 2).contains("invalid conversation"));
    outputs.push(out);
    // Refused by the argument parser: 2 as well.
    for args in [
        vec!["messages", "list", "--read", "--unread"],
        vec!["messages", "list", "--limit", "0"],
        vec!["messages", "list", "--category", "nowhere"],
        vec!["messages", "send", thread.as_str()],
    ] {
        let out = li(&args);
        assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
        outputs.push(out);
    }
    // An unknown conversation or recipient is not found (6), dry run or not; the dry runs
    // send nothing.
    let nowhere = "2-bm8gc3VjaCB0aHJlYWQ=";
    let unknown = "ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
    for args in [
        vec!["messages", "send", nowhere, "Hi", "--dry-run"],
        vec!["messages", "start", unknown, "--text", "Hi", "--dry-run"],
        vec!["messages", "show", nowhere],
    ] {
        let out = li(&args);
        fails(&out, 6);
        outputs.push(out);
    }
    assert!(
        posts_since(log, mark).is_empty(),
        "{:?}",
        posts_since(log, mark)
    );
    for args in [
        vec!["messages", "send", nowhere, "Hi"],
        vec!["messages", "start", unknown, "--text", "Hi"],
        vec!["messages", "read", nowhere],
    ] {
        let out = li(&args);
        fails(&out, 6);
        outputs.push(out);
    }

    no_secret(
        &outputs,
        &[&logged.sb.li_at, logged.sb.jsessionid.trim_matches('"')],
    );
}
