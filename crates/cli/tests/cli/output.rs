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
    let talked = w.posts.iter().find(|p| !p.comments.is_empty()).unwrap();
    let talked = format!("urn:li:activity:{}", talked.activity_id);
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
        vec!["notifications", "list", "--limit", "3", "--json"],
        vec!["network", "counts", "--json"],
        vec!["messages", "counts", "--json"],
        vec!["messages", "receipts", thread, "--json"],
        vec!["messages", "requests", "--limit", "3", "--json"],
        vec!["post", "show", &post, "--json"],
        vec!["post", "create", "Hello", "--dry-run", "--json"],
        vec!["comments", "list", &talked, "--limit", "3", "--json"],
        vec!["comments", "add", &post, "Hi", "--dry-run", "--json"],
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
        (&["messages", "typing", &thread], "messages typing"),
        (&["messages", "seen", &thread], "messages seen"),
        (
            &["messages", "send", &thread, "Hi", "--dry-run"],
            "messages send",
        ),
        (&["invitations", "accept", "1"], "invitations accept"),
        (&["invitations", "withdraw", "1"], "invitations withdraw"),
        (&["feed", "react", "7000000000000000001"], "feed react"),
        (
            &["notifications", "read", "urn:li:fsd_notificationCard:(A,b)"],
            "notifications read",
        ),
        (&["post", "create", "Hello"], "post create"),
        (
            &["comments", "add", "7000000000000000001", "Hi"],
            "comments add",
        ),
        (&["post", "delete", "urn:li:share:1"], "post delete"),
        (&["jobs", "save", "1"], "jobs save"),
        (&["post", "unsave", "7000000000000000001"], "post unsave"),
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

/// One command line of [`every_command_ends_quietly_on_a_closed_stdout`].
struct Case {
    /// Its command in clap's tree (`messages send`).
    path: &'static str,
    args: Vec<String>,
    /// A write: run once, since it changes the sandbox's world.
    write: bool,
    /// A list: run with `--json` too, an output longer than a pipe's buffer.
    list: bool,
    /// Its exit status (`feed comments` is refused before sending: it prints nothing).
    code: i32,
}

/// `| head -c 1` ends every command quietly: for each command clap lists (the list checked
/// against clap's tree, so that a new command cannot be left out), against a logged-in
/// `linkedin sandbox`, with stdout closed before the command starts (its first write finds
/// no reader, however short its output) and, for the reads, after one byte was read (the
/// lists with a long `--json` output, cut part way): status 0 (or the command's own failure
/// status), no panic, no complaint. Writes run once, so that each changes the world once.
#[test]
fn every_command_ends_quietly_on_a_closed_stdout() {
    use crate::common::{Close, leaf_commands, run_closing_stdout};
    let w = world();
    let logged = Logged::start();
    let threads = json_list(&logged.run(&["messages", "list", "--limit", "3", "--json"]));
    let thread = threads[0]["thread_id"].as_str().unwrap().to_owned();
    let invitations = json_list(&logged.run(&["invitations", "list", "--json"]));
    let invitation = |i: usize| invitations[i]["id"].as_str().unwrap().to_owned();
    let sent = json_list(&logged.run(&["invitations", "list", "--sent", "--json"]));
    let sent = sent[0]["id"].as_str().unwrap().to_owned();
    let notifications =
        json_list(&logged.run(&["notifications", "list", "--limit", "3", "--json"]));
    let notification = notifications[0]["urn"].as_str().unwrap().to_owned();
    let created = json(&logged.run(&["post", "create", "To delete from a closed pipe.", "--json"]));
    let share = created["share_urn"].as_str().unwrap().to_owned();
    let talked = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.comments.is_empty())
        .unwrap();
    let comment = format!(
        "urn:li:comment:(activity:{},{})",
        talked.activity_id, talked.comments[0].id
    );
    let connection = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    // Another connection, to remove (the first is looked at by the reads).
    let removed = &w.people[(2..w.people.len())
        .filter(|&p| w.connected(0, p))
        .nth(1)
        .unwrap()];
    let stranger = &w.people[(2..w.people.len())
        .find(|&p| !w.connected(0, p) && !w.invitations.iter().any(|i| i.from == p || i.to == p))
        .unwrap()];
    let post = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    let post = post.activity_id.to_string();
    // A post the demo account reacted to before the runs, for `feed unreact` (the runs go two
    // at a time, so that `feed react` on `post` may come after it).
    let reacted = w
        .posts
        .iter()
        .filter(|p| !p.promoted)
        .find(|p| p.activity_id.to_string() != post)
        .unwrap()
        .activity_id
        .to_string();
    let out = logged.run(&["feed", "react", &reacted, "--type", "praise"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And one that stays, for `reactions remove --dry-run` to find.
    let kept = w
        .posts
        .iter()
        .filter(|p| !p.promoted)
        .map(|p| p.activity_id.to_string())
        .filter(|id| *id != post && *id != reacted)
        .nth(1)
        .unwrap();
    let out = logged.run(&["feed", "react", &kept, "--type", "interest"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let member = w.people[2].member_id.to_string();
    // A message of the demo account's, to edit, react to and recall.
    let mine = w
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter())
        .find(|m| m.sender == 0)
        .unwrap()
        .id
        .clone();
    // A group conversation, to rename.
    let group = w
        .conversations
        .iter()
        .find(|c| c.participants.len() > 1)
        .unwrap()
        .thread_id
        .clone();
    let job = w.jobs[0].id.to_string();
    let downloads = tempfile::tempdir().unwrap();
    let (li_at, jsessionid) = (logged.sb.li_at.as_str(), logged.sb.jsessionid.as_str());
    let case = |path: &'static str, rest: &[&str], write: bool, list: bool, code: i32| Case {
        path,
        args: path
            .split(' ')
            .chain(rest.iter().copied())
            .map(str::to_owned)
            .collect(),
        write,
        list,
        code,
    };
    let read = |path, rest: &[&str]| case(path, rest, false, false, 0);
    let list = |path, rest: &[&str]| case(path, rest, false, true, 0);
    let write = |path, rest: &[&str]| case(path, rest, true, false, 0);
    let me = "demo-member";
    // The touch API keeps no saved session: the embedded sandbox's demo account.
    let touch = |path, rest: &[&str], list: bool| {
        let mut rest = rest.to_vec();
        rest.push("--sandbox");
        case(path, &rest, false, list, 0)
    };
    let who = connection.public_id.as_str();
    let cases = [
        read("login", &["--li-at", li_at, "--jsessionid", jsessionid]),
        read("whoami", &[]),
        read("demo", &[]),
        read("safety status", &[]),
        read("safety reset", &[]),
        read("profile show", &[who]),
        read("profile experiences", &[me]),
        read("profile skills", &[me]),
        read("profile education", &[me]),
        read("profile certifications", &[me]),
        read("profile languages", &[me]),
        read("profile contact", &[who]),
        read("profile resolve", &[who]),
        read("profile views", &[]),
        list("search people", &["--keywords", "a", "--limit", "200"]),
        list("search companies", &["a", "--limit", "200"]),
        list("search posts", &["a", "--limit", "200"]),
        list("search jobs", &["--limit", "200"]),
        list("search connections", &["--limit", "0"]),
        list("search all", &["a", "--limit", "200"]),
        read("company show", &["linkedin"]),
        read("company school", &[&w.schools[0].universal_name]),
        list("company updates", &["linkedin", "--limit", "200"]),
        write("company follow", &["linkedin"]),
        write("company unfollow", &["linkedin"]),
        read("jobs show", &[&job]),
        read("jobs skills", &[&job]),
        list("jobs search", &["--limit", "200"]),
        list("jobs saved", &["--limit", "200"]),
        list("jobs applied", &["--limit", "200"]),
        write("jobs save", &[&job]),
        write("jobs unsave", &[&job]),
        list("messages list", &["--limit", "200"]),
        list("messages show", &[&thread, "--limit", "200"]),
        write("messages send", &[&thread, "A line to a closed pipe."]),
        // No message of the world has files: a note, nothing written.
        read(
            "messages download",
            &[&thread, "--to", downloads.path().to_str().unwrap()],
        ),
        write(
            "messages start",
            &[who, "--text", "Hello from a closed pipe."],
        ),
        write("messages read", &[&thread]),
        write("messages edit", &[&mine, "Edited on a closed pipe."]),
        write("messages react", &[&mine, "👍"]),
        write("messages recall", &[&mine]),
        write("messages unread", &[&thread]),
        write("messages typing", &[&thread]),
        write("messages rename", &[&group, "Renamed on a closed pipe."]),
        write("messages seen", &[&thread]),
        list("messages counts", &[]),
        read("messages receipts", &[&thread]),
        list("messages requests", &["--limit", "200"]),
        read("messages with", &[who]),
        // Long-running: bounded here, so that it ends (with nothing to print).
        read("messages watch", &["--for-ms", "300"]),
        list("invitations list", &["--limit", "200"]),
        write("invitations accept", &[&invitation(0)]),
        write("invitations reject", &[&invitation(1)]),
        write("invitations send", &[&stranger.public_id]),
        write("invitations withdraw", &[&sent]),
        write("invitations remove", &[&removed.public_id]),
        list("feed show", &["--limit", "200"]),
        list("feed posts", &[who, "--limit", "200"]),
        list("feed comments", &[&post, "--limit", "200"]),
        list("feed reactions", &[&post, "--limit", "200"]),
        write("feed react", &[&post, "--type", "praise"]),
        write("feed unreact", &[&reacted, "--type", "praise"]),
        list("reactions list", &[&post, "--limit", "200"]),
        read("reactions add", &[&post, "--type", "empathy", "--dry-run"]),
        read("reactions remove", &[&kept, "--dry-run"]),
        list("notifications list", &["--limit", "200"]),
        write("notifications read", &[&notification]),
        read("network counts", &[]),
        read("post show", &[&post]),
        write("post create", &["A post to a closed pipe."]),
        write("post delete", &[&share]),
        write(
            "post reshare",
            &[
                &format!("urn:li:share:{}", w.posts[0].share_id),
                "Resharing to a closed pipe.",
            ],
        ),
        list("post saved", &["--limit", "200"]),
        write("post save", &[&post]),
        write("post unsave", &[&post]),
        list("comments list", &[&post, "--limit", "200"]),
        list("comments replies", &[&comment, "--limit", "200"]),
        write("comments add", &[&post, "A comment to a closed pipe."]),
        write("comments reply", &[&comment, "A reply to a closed pipe."]),
        write("comments delete", &[&comment, "--dry-run"]),
        touch("touch person", &[], false),
        touch("touch me", &[], false),
        touch("touch profile", &[&member], false),
        touch("touch connections", &[&member, "--count", "200"], true),
        touch("touch background", &[&member], false),
        touch("touch endorsements", &[&member], false),
        touch("touch mailbox", &[], true),
        touch("touch recommendations", &[&member], false),
        touch("touch notifications", &[], true),
        touch("touch viewers", &[], true),
        read(
            "restli encode",
            &[r#"{"start":0,"query":{"keywords":"C++, Rust"}}"#],
        ),
        read(
            "restli decode",
            &["(start:0,query:(keywords:C%2B%2B%2C%20Rust))"],
        ),
        read("restli urn", &["urn:li:fsd_profile:ACoAAB"]),
        read("catalogue show", &[]),
        read("doctor", &["--only", "session"]),
        read("completions", &["zsh"]),
        // Last: it deletes the saved session the others use.
        read("logout", &[]),
    ];
    // Every command clap has, and `sandbox`, which serves until stopped (below), and `mcp`,
    // a server whose stdout is the MCP channel and which runs until its client hangs up
    // (tests/cli/mcp.rs): excluded.
    let mut listed: Vec<&str> = cases.iter().map(|c| c.path).collect();
    listed.push("sandbox");
    listed.push("mcp");
    listed.sort_unstable();
    listed.dedup();
    assert_eq!(
        listed,
        leaf_commands(),
        "a command of clap's tree is not here"
    );

    // A long output indeed: it cannot all wait in the pipe, so the close cuts it part way.
    let long = ["search", "all", "a", "--limit", "200", "--json"];
    assert!(stdout(&logged.run(&long)).len() > 64 * 1024);

    let mut runs = Vec::new();
    for case in &cases {
        runs.push((case.args.clone(), Close::Before, case.code));
        if case.write {
            continue;
        }
        runs.push((case.args.clone(), Close::AfterOneByte, case.code));
        if case.list {
            let mut json = case.args.clone();
            json.push("--json".to_owned());
            runs.push((json, Close::AfterOneByte, case.code));
        }
    }
    // Help and version, which clap prints.
    for args in [["--help"], ["--version"], ["help"]] {
        for when in [Close::Before, Close::AfterOneByte] {
            runs.push((args.map(str::to_owned).to_vec(), when, 0));
        }
    }
    // Stdout and stderr closed: a success, a failure and bad usage keep their status.
    for (args, code) in [
        (vec!["-v", "company", "show", "linkedin"], 0),
        (vec!["post", "show", "7000000000000000001"], 6),
        (vec!["messages", "send"], 2),
    ] {
        runs.push((
            args.into_iter().map(str::to_owned).collect(),
            Close::BothBefore,
            code,
        ));
    }
    // Two at a time (their order does not matter), then the logins, then the logouts, which
    // delete the saved session the others use.
    let (logouts, rest): (Vec<_>, Vec<_>) = runs.into_iter().partition(|r| r.0[0] == "logout");
    let (logins, others): (Vec<_>, Vec<_>) = rest.into_iter().partition(|r| r.0[0] == "login");
    let check = |(args, when, code): &(Vec<String>, Close, i32)| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_closing_stdout(&logged.sb.url, logged.dir.path(), &args, "", *when);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let quiet = *code != 0 || stderr.is_empty();
        (out.status.code() != Some(*code) || stderr.contains("panicked") || !quiet)
            .then(|| format!("{args:?} ({when:?}): {:?} {stderr}", out.status))
    };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut failed: Vec<String> = std::thread::scope(|s| {
        let worker = || {
            let mut failed = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(run) = others.get(i) else {
                    return failed;
                };
                failed.extend(check(run));
            }
        };
        let workers = [s.spawn(worker), s.spawn(worker)];
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    failed.extend(logins.iter().chain(&logouts).filter_map(check));
    assert!(failed.is_empty(), "{}", failed.join("\n"));

    // `linkedin sandbox | head -c 1`: the sandbox goes on serving (a login works) until
    // stopped, then ends with status 0; with stdout closed before its URL is printed, nobody
    // can reach it, and it ends at once, quietly, as every command does.
    let mut server = std::process::Command::new(assert_cmd::cargo::cargo_bin("linkedin"))
        .arg("sandbox")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let url = {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        line.trim_end().to_owned()
    };
    let dir = tempfile::tempdir().unwrap();
    let login = run(
        &url,
        dir.path(),
        &[
            "login",
            "--username",
            "demo@example.com",
            "--password-stdin",
        ],
        &format!("{}\n", crate::common::PASSWORD),
    );
    assert!(login.status.success(), "{}", printed(&login));
    let term = std::process::Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let out = server.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    let out = run_closing_stdout(&url, dir.path(), &["sandbox"], "", Close::Before);
    assert_eq!(out.status.code(), Some(0), "{}", printed(&out));
    assert!(out.stderr.is_empty(), "{}", printed(&out));
}
