//! `linkedin messages ...`: conversation lists and their filters, a thread's messages, the
//! conversation with a member, as JSON, `--ndjson` and text; sending, starting and marking
//! (each sent once, its effect seen by a later command), texts from stdin and files, dry
//! runs, and the exit status of each kind of bad input.

use crate::common::{
    Logged, fails, json, json_list, keys, ndjson, no_secret, printed, sandboxed, stdout, world,
};
use linkedin_sandbox::world::{self, World};

/// The keys of a conversation, as `messages list` prints it.
const CONVERSATION_KEYS: [&str; 12] = [
    "categories",
    "created_at",
    "group_chat",
    "last_activity_at",
    "last_message",
    "participants",
    "read",
    "thread_id",
    "title",
    "unread_count",
    "url",
    "urn",
];

/// The keys of a message, as `messages show` and `messages send` print it.
const MESSAGE_KEYS: [&str; 8] = [
    "conversation_urn",
    "delivered_at",
    "from_me",
    "id",
    "sender",
    "subject",
    "text",
    "urn",
];

/// Someone the demo account has never written to, connected to it: whom to write to.
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

/// The first words of a text, as a one-line rendering keeps them.
fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn lists_threads_and_the_conversation_with_a_member() {
    let mut outputs = Vec::new();

    // The primary inbox by default.
    let out = sandboxed(&["messages", "list", "--limit", "5", "--json"]);
    let listed = json_list(&out);
    assert_eq!(listed.len(), 5);
    for c in &listed {
        assert_eq!(keys(c), CONVERSATION_KEYS);
        assert!(
            c["categories"]
                .as_array()
                .unwrap()
                .contains(&"PRIMARY_INBOX".into()),
            "{c}"
        );
        assert!(
            c["urn"]
                .as_str()
                .unwrap()
                .contains(c["thread_id"].as_str().unwrap())
        );
    }
    outputs.push(out);

    // Unread only, one object per line; another category.
    let out = sandboxed(&["messages", "list", "--unread", "--limit", "30", "--ndjson"]);
    let unread = ndjson(&out);
    assert!(!unread.is_empty() && unread.len() <= 30);
    assert!(unread.iter().all(|c| c["read"] == false));
    outputs.push(out);
    let out = sandboxed(&[
        "messages",
        "list",
        "--category",
        "archive",
        "--limit",
        "2",
        "--json",
    ]);
    let archived = json_list(&out);
    assert_eq!(archived.len(), 2);
    assert!(
        archived
            .iter()
            .all(|c| c["categories"] == serde_json::json!(["ARCHIVE"]))
    );
    outputs.push(out);

    // Text for people: who, the thread id to use next, the last message; no colours off a
    // terminal.
    let out = sandboxed(&["messages", "list", "--limit", "5"]);
    let text = stdout(&out);
    for c in &listed {
        assert!(text.contains(c["thread_id"].as_str().unwrap()), "{text}");
        let last = c["last_message"]["text"].as_str().unwrap();
        assert!(text.contains(&first_words(last)), "{text}");
    }
    assert!(!text.contains('\x1b'));
    outputs.push(out);

    // A thread, newest first, as far as the limit; its newest message is the list's last.
    let long = world();
    let long = long
        .conversations
        .iter()
        .max_by_key(|c| c.messages.len())
        .unwrap();
    let out = sandboxed(&[
        "messages",
        "show",
        &long.thread_id,
        "--limit",
        "3",
        "--json",
    ]);
    let shown = json_list(&out);
    assert_eq!(shown.len(), 3);
    for m in &shown {
        assert_eq!(keys(m), MESSAGE_KEYS);
        assert!(
            m["conversation_urn"]
                .as_str()
                .unwrap()
                .contains(&long.thread_id)
        );
    }
    outputs.push(out);
    let thread = listed[0]["thread_id"].as_str().unwrap();
    let newest = json_list(&sandboxed(&[
        "messages", "show", thread, "--limit", "1", "--json",
    ]));
    assert_eq!(newest[0]["text"], listed[0]["last_message"]["text"]);
    let text = stdout(&sandboxed(&["messages", "show", thread, "--limit", "1"]));
    assert!(
        text.contains(&first_words(newest[0]["text"].as_str().unwrap())),
        "{text}"
    );

    // The 1:1 conversation with a member, by profile id; none with a stranger: 6.
    let inbox = json_list(&sandboxed(&["messages", "list", "--limit", "25", "--json"]));
    let one_to_one = inbox
        .iter()
        .find(|c| c["participants"].as_array().unwrap().len() == 1)
        .unwrap();
    let partner = one_to_one["participants"][0]["profile_id"]
        .as_str()
        .unwrap();
    let out = sandboxed(&["messages", "with", partner, "--json"]);
    assert_eq!(json(&out)["urn"], one_to_one["urn"]);
    outputs.push(out);
    let out = sandboxed(&["messages", "with", &stranger(&world()).public_id]);
    assert!(fails(&out, 6).contains("messages start"));
    outputs.push(out);

    no_secret(&outputs, &[]);
}

#[test]
fn sending_starting_and_marking_take_effect_and_are_sent_once() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str], stdin: &str| logged.run_with_stdin(args, stdin);
    let mut outputs = Vec::new();
    let inbox = json_list(&li(&["messages", "list", "--limit", "10", "--json"], ""));

    // A reply: sent once, then first in its thread, before what was last.
    let c = &inbox[3];
    let thread = c["thread_id"].as_str().unwrap();
    let text = "Thanks, let's talk on Thursday at 10.";
    let mark = logged.mark();
    let out = li(&["messages", "send", thread, text, "--json"], "");
    let sent = json(&out);
    assert_eq!(keys(&sent), MESSAGE_KEYS);
    assert_eq!(sent["text"], text);
    assert_eq!(sent["from_me"], true);
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    let out = li(&["messages", "show", thread, "--limit", "2", "--json"], "");
    let latest = json_list(&out);
    assert_eq!(latest[0]["urn"], sent["urn"]);
    assert_eq!(latest[1]["text"], c["last_message"]["text"]);
    outputs.push(out);
    // Text for people: where and when.
    let out = li(&["messages", "send", thread, "And see you then."], "");
    assert!(stdout(&out).starts_with(&format!("Sent in {thread} at ")));
    outputs.push(out);

    // From standard input, by conversation URN; trailing line breaks left out.
    let urn = sent["conversation_urn"].as_str().unwrap().to_owned();
    let out = li(
        &["messages", "send", &urn, "-", "--json"],
        "Line one\nLine two\n",
    );
    assert_eq!(json(&out)["text"], "Line one\nLine two");
    outputs.push(out);

    // A first message to someone, by public id, from a file: a new conversation, first in
    // the inbox, found again by `with`.
    let person = stranger(&w);
    let file = logged.dir.path().join("message.txt");
    std::fs::write(&file, "Hello! Coffee next week?\n").unwrap();
    let mark = logged.mark();
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
    assert!(inbox.iter().all(|c| c["urn"] != new_urn.as_str()));
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    let out = li(&["messages", "list", "--limit", "1", "--json"], "");
    let top = json_list(&out);
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
    let unread = inbox
        .iter()
        .find(|x| x["read"] == false && x["thread_id"] != thread)
        .unwrap()["thread_id"]
        .as_str()
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
    assert!(unread_threads().contains(&unread.to_owned()));
    let mark = logged.mark();
    let out = li(&["messages", "read", unread, "--json"], "");
    let marked = json(&out);
    assert_eq!(keys(&marked), ["conversation", "read"]);
    assert_eq!(marked["read"], true);
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    assert!(!unread_threads().contains(&unread.to_owned()));
    let mark = logged.mark();
    let out = li(&["messages", "unread", unread], "");
    assert_eq!(stdout(&out), format!("Marked {unread} unread.\n"));
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    assert!(unread_threads().contains(&unread.to_owned()));

    logged.assert_no_secret(&outputs);
}

#[test]
fn dry_runs_and_bad_input_send_nothing() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let thread = json_list(&li(&["messages", "list", "--limit", "1", "--json"]))[0]["thread_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let person = stranger(&w);
    let mark = logged.mark();

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
    assert_eq!(
        keys(&plan),
        [
            "action",
            "conversation",
            "dry_run",
            "last_message",
            "recipients",
            "text"
        ]
    );
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
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!(
            "Would send to {} {} ({}):\n    Hello!\n",
            person.first_name, person.last_name, person.public_id
        )) && text.contains("nothing was sent"),
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
    assert_eq!(logged.posts_since(mark), 0, "{:?}", logged.sent_since(mark));
    for args in [
        vec!["messages", "send", nowhere, "Hi"],
        vec!["messages", "start", unknown, "--text", "Hi"],
        vec!["messages", "read", nowhere],
    ] {
        let out = li(&args);
        fails(&out, 6);
        outputs.push(out);
    }

    logged.assert_no_secret(&outputs);
}

/// `messages watch --ndjson` against `linkedin sandbox --replies-after-ms 200`: a message
/// sent by `messages send` from another process comes out as an event, then the scripted
/// counterpart's reply; text output is one line each.
#[test]
fn watch_prints_a_sent_message_and_the_scripted_reply() {
    use std::io::Read as _;
    use std::time::{Duration, Instant};

    let logged = Logged::start_with(&["--replies-after-ms", "200", "--heartbeat-secs", "1"]);
    let threads = json_list(&logged.run(&["messages", "list", "--limit", "1", "--json"]));
    let thread = threads[0]["thread_id"].as_str().unwrap().to_owned();

    for format in ["--ndjson", "--text"] {
        let mut args = vec![
            "messages",
            "watch",
            "--max-events",
            "2",
            "--for-ms",
            "30000",
        ];
        if format == "--ndjson" {
            args.push("--ndjson");
        }
        let mut watch = logged
            .command(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Once its stream is open and the inbox synced, whatever happens is news, on the
        // stream: wait for that (bounded).
        let count = |what: &dyn Fn(&serde_json::Value) -> bool| {
            crate::common::requests(&logged.log)
                .iter()
                .filter(|r| what(r))
                .count()
        };
        let stream = |r: &serde_json::Value| r["path"] == "/realtime/connect";
        let sync = |r: &serde_json::Value| r["endpoint"] == "messenger_conversations_sync";
        let (streams_before, syncs_before) = (count(&stream), count(&sync));
        let started = Instant::now();
        while count(&stream) == streams_before || count(&sync) == syncs_before {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "watch never connected"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let text = format!("Hello from another terminal ({format})");
        stdout(&logged.run(&["messages", "send", &thread, &text]));
        // It ends by itself after two events (or, failing, after 30 s).
        let status = watch.wait().unwrap();
        let mut out = String::new();
        watch
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let mut err = String::new();
        watch
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert!(status.success(), "{status:?}: {out}{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        if format == "--ndjson" {
            let events: Vec<serde_json::Value> = lines
                .iter()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(events[0]["kind"], "message");
            assert_eq!(events[0]["text"], text.as_str());
            assert_eq!(events[0]["from_me"], true);
            assert_eq!(events[1]["kind"], "message");
            assert_eq!(events[1]["from_me"], false);
            assert_eq!(events[1]["conversation_urn"], events[0]["conversation_urn"]);
            assert!(
                events[0]["conversation_urn"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!(",{thread})"))
            );
            assert!(
                events[1]["text"]
                    .as_str()
                    .unwrap()
                    .contains("scripted counterpart")
            );
        } else {
            assert!(
                lines[0].contains(&thread) && lines[0].contains("me: Hello from another terminal"),
                "{out}"
            );
            assert!(lines[1].contains("scripted counterpart"), "{out}");
        }
    }
}

/// `messages edit`, `react` and `recall` change a message of the demo account's, as `messages
/// show` then shows it; someone else's message cannot be edited.
#[test]
fn edit_react_and_recall_a_message() {
    let w = world();
    let (c, m) = w
        .conversations
        .iter()
        .find_map(|c| c.messages.iter().find(|m| m.sender == 0).map(|m| (c, m)))
        .unwrap();
    let logged = Logged::start();
    let edited = json(&logged.run(&["messages", "edit", &m.id, "Edited from the CLI", "--json"]));
    assert_eq!(edited["done"], "edited");
    let shown =
        json_list(&logged.run(&["messages", "show", &c.thread_id, "--limit", "100", "--json"]));
    let found = shown.iter().find(|s| s["id"] == m.id.as_str()).unwrap();
    assert_eq!(found["text"], "Edited from the CLI");
    let reacted = json(&logged.run(&["messages", "react", &m.id, "🎉", "--json"]));
    assert_eq!(reacted["done"], "reacted");
    let removed = json(&logged.run(&["messages", "react", &m.id, "🎉", "--remove", "--json"]));
    assert_eq!(removed["done"], "unreacted");
    assert!(stdout(&logged.run(&["messages", "recall", &m.id])).starts_with("Recalled"));
    let theirs = c.messages.iter().find(|m| m.sender != 0).unwrap();
    let out = logged.run(&["messages", "edit", &theirs.id, "not mine"]);
    assert!(!out.status.success(), "{}", printed(&out));
    // Bad input is refused before anything is sent.
    fails(&logged.run(&["messages", "react", &m.id, "ok"]), 2);
    fails(&logged.run(&["messages", "edit", "not-a-message", "x"]), 2);
}

#[test]
fn typing_seen_and_counts() {
    let w = world();
    let c = w
        .conversations
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX" && !c.read)
        .find(|c| c.messages.last().is_some_and(|m| m.sender != 0))
        .unwrap();
    let logged = Logged::start();
    let unread_primary = |logged: &Logged| {
        let counts = json_list(&logged.run(&["messages", "counts", "--json"]));
        let primary = counts
            .iter()
            .find(|c| c["category"] == "PRIMARY_INBOX")
            .unwrap()
            .clone();
        assert_eq!(
            keys(&primary),
            [
                "category",
                "unread_conversation_count",
                "unseen_conversation_count"
            ]
        );
        primary["unread_conversation_count"].as_u64().unwrap()
    };
    let before = unread_primary(&logged);

    let typing = json(&logged.run(&["messages", "typing", &c.thread_id, "--json"]));
    assert_eq!(typing["typing"], true);
    let seen = json(&logged.run(&["messages", "seen", &c.thread_id, "--json"]));
    let latest = seen["latest"].as_str().unwrap();
    assert!(latest.ends_with(&format!(",{})", c.messages.last().unwrap().id)));
    assert!(!seen["acknowledged"].as_array().unwrap().is_empty());
    assert_eq!(unread_primary(&logged), before - 1);
    let receipts = json_list(&logged.run(&["messages", "receipts", &c.thread_id, "--json"]));
    assert!(
        receipts.iter().any(|r| r["message_urn"] == latest),
        "{receipts:?}"
    );
    // Seen again: the text says so, nothing left to acknowledge but the same messages.
    assert!(stdout(&logged.run(&["messages", "seen", &c.thread_id])).starts_with("Marked"));
    let text = stdout(&logged.run(&["messages", "counts"]));
    assert!(text.contains("PRIMARY_INBOX"), "{text}");
    // The badge: every unseen conversation seen, none read.
    let unseen = |logged: &Logged| {
        json_list(&logged.run(&["messages", "counts", "--json"]))
            .iter()
            .map(|c| c["unseen_conversation_count"].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(unseen(&logged) > 0);
    let all = json(&logged.run(&["messages", "seen", "--all", "--json"]));
    assert_eq!(all["all_seen"], true);
    assert_eq!(unseen(&logged), 0);
    assert_eq!(unread_primary(&logged), before - 1);
    fails(&logged.run(&["messages", "seen", &c.thread_id, "--all"]), 2);
    fails(&logged.run(&["messages", "seen"]), 2);
    // Message requests: the secondary inbox.
    let requests = json_list(&logged.run(&["messages", "requests", "--json"]));
    let expected = w
        .conversations
        .iter()
        .filter(|c| c.category == "SECONDARY_INBOX")
        .count();
    assert_eq!(requests.len(), expected);
    assert!(requests.iter().all(|r| {
        r["categories"]
            .as_array()
            .unwrap()
            .contains(&"SECONDARY_INBOX".into())
    }));
    // Bad input is refused before anything is sent.
    fails(&logged.run(&["messages", "typing", "not a thread!"]), 2);
    fails(&logged.run(&["messages", "seen", "not a thread!"]), 2);
}

#[test]
fn a_group_starts_with_a_title_and_is_renamed() {
    let w = world();
    let two: Vec<&str> = (1..w.people.len())
        .filter(|&p| w.connected(0, p))
        .take(2)
        .map(|p| w.people[p].public_id.as_str())
        .collect();
    let logged = Logged::start();
    let mut args = vec!["messages", "start"];
    args.extend(&two);
    args.extend(["--text", "Who is in?", "--title", "Rust meetup"]);
    let dry = json(&logged.run(&[&args[..], &["--dry-run", "--json"]].concat()));
    assert_eq!(dry["action"], "start_group_conversation");
    assert_eq!(dry["title"], "Rust meetup");
    let sent = json(&logged.run(&[&args[..], &["--json"]].concat()));
    let group = sent["conversation_urn"].as_str().unwrap().to_owned();
    let renamed = json(&logged.run(&["messages", "rename", &group, "Rust, Thursday", "--json"]));
    assert_eq!(renamed["title"], "Rust, Thursday");
    let listed = json_list(&logged.run(&["messages", "list", "--limit", "3", "--json"]));
    let found = listed.iter().find(|c| c["urn"] == group.as_str()).unwrap();
    assert_eq!(found["title"], "Rust, Thursday");
    // A group needs two recipients; refused before sending.
    fails(
        &logged.run(&[
            "messages", "start", two[0], "--text", "Hi", "--title", "Solo",
        ]),
        2,
    );
    fails(&logged.run(&["messages", "rename", &group, ""]), 2);
}

/// `messages send --attach`: the file is uploaded and sent with the message (a file alone
/// too), `messages show` lists it, `messages download` saves it byte for byte and never over
/// a file; a file that cannot be read is refused before anything is sent.
#[test]
fn a_file_is_sent_shown_and_downloaded() {
    let logged = Logged::start();
    let threads = json_list(&logged.run(&["messages", "list", "--limit", "1", "--json"]));
    let thread = threads[0]["thread_id"].as_str().unwrap().to_owned();
    let file = logged.dir.path().join("minutes.pdf");
    let pdf = b"%PDF-1.7\n% the minutes\n";
    std::fs::write(&file, pdf).unwrap();
    let file = file.to_str().unwrap();

    let plan = json(&logged.run(&[
        "messages",
        "send",
        &thread,
        "The minutes.",
        "--attach",
        file,
        "--dry-run",
        "--json",
    ]));
    assert_eq!(plan["files"][0]["name"], "minutes.pdf");
    assert_eq!(plan["files"][0]["media_type"], "application/pdf");

    let mark = logged.mark();
    let sent = json(&logged.run(&[
        "messages",
        "send",
        &thread,
        "The minutes.",
        "--attach",
        file,
        "--json",
    ]));
    let methods: Vec<String> = logged
        .sent_since(mark)
        .iter()
        .map(|r| r["method"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        methods,
        ["POST", "PUT", "POST"],
        "register, upload, send once"
    );
    assert_eq!(sent["attachments"][0]["name"], "minutes.pdf");
    let shown = stdout(&logged.run(&["messages", "show", &thread, "--limit", "1"]));
    assert!(
        shown.contains("[file] minutes.pdf (application/pdf, 23 bytes)"),
        "{shown}"
    );
    // A file alone.
    let alone = json(&logged.run(&["messages", "send", &thread, "--attach", file, "--json"]));
    assert_eq!(alone["text"], "");

    let to = tempfile::tempdir().unwrap();
    let saved = json(&logged.run(&[
        "messages",
        "download",
        &thread,
        "--to",
        to.path().to_str().unwrap(),
        "--json",
    ]));
    assert_eq!(saved[0]["name"], "minutes.pdf");
    assert_eq!(std::fs::read(to.path().join("minutes.pdf")).unwrap(), pdf);
    let said = fails(
        &logged.run(&[
            "messages",
            "download",
            &thread,
            "--to",
            to.path().to_str().unwrap(),
        ]),
        2,
    );
    assert!(said.contains("exists"), "{said}");

    let mark = logged.mark();
    fails(
        &logged.run(&[
            "messages",
            "send",
            &thread,
            "Hi",
            "--attach",
            "/nonexistent/x.pdf",
        ]),
        2,
    );
    assert!(logged.sent_since(mark).is_empty());
}
