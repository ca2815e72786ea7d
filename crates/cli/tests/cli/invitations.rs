//! `linkedin invitations ...`: received and sent lists as JSON, `--ndjson` and text;
//! accepting and rejecting (by id, by URN, or with the secret and no lookup), connection
//! requests with a note (sent once, a dry run first), and what is refused, each with its
//! exit status and nothing sent.

use crate::common::{
    Logged, fails, json, json_list, keys, ndjson, no_secret, printed, sandboxed, stdout, world,
};
use linkedin_sandbox::world::{self, World};
use serde_json::Value;

/// The keys of an invitation, as `invitations list` prints it.
const INVITATION_KEYS: [&str; 8] = [
    "from",
    "id",
    "message",
    "sent_at",
    "shared_secret",
    "to",
    "unseen",
    "urn",
];

/// People neither connected to the demo account nor in an invitation with it (nor the
/// sandbox's other login account, `people[1]`): whom to invite.
fn strangers(w: &World) -> Vec<&world::Person> {
    (2..w.people.len())
        .filter(|&p| !w.connected(0, p) && !w.invitations.iter().any(|i| i.from == p || i.to == p))
        .map(|p| &w.people[p])
        .collect()
}

fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn name(member: &Value) -> String {
    format!(
        "{} {}",
        member["first_name"].as_str().unwrap(),
        member["last_name"].as_str().unwrap()
    )
}

#[test]
fn received_and_sent_invitations_are_listed() {
    let mut outputs = Vec::new();

    // Received, to me, with their secrets (the default limit is 50).
    let out = sandboxed(&["invitations", "list", "--json"]);
    let received = json_list(&out);
    assert!(received.len() > 10 && received.len() <= 50);
    for i in &received {
        assert_eq!(keys(i), INVITATION_KEYS);
        let id = i["id"].as_str().unwrap();
        assert_eq!(i["urn"], format!("urn:li:fs_relInvitation:{id}"));
        assert!(i["shared_secret"].as_str().is_some_and(|s| !s.is_empty()));
        assert_eq!(i["to"]["public_id"], "demo-member");
    }
    outputs.push(out);

    // Sent, from me, one object per line.
    let out = sandboxed(&["invitations", "list", "--sent", "--limit", "3", "--ndjson"]);
    let sent = ndjson(&out);
    assert_eq!(sent.len(), 3);
    assert!(sent.iter().all(|i| i["from"]["public_id"] == "demo-member"));
    outputs.push(out);

    // Text for people: who, and the id to answer with; a note on its own line.
    let out = sandboxed(&["invitations", "list", "--limit", "1"]);
    let text = stdout(&out);
    let first = &received[0];
    let line = text.lines().next().unwrap();
    assert!(line.starts_with(&name(&first["from"])), "{text}");
    assert!(line.ends_with(first["id"].as_str().unwrap()), "{text}");
    if let Some(note) = first["message"].as_str() {
        assert!(text.contains(&format!("\n    \"{}", &note[..note.len().min(20)])));
    }
    outputs.push(out);
    let out = sandboxed(&["invitations", "list", "--sent", "--limit", "1"]);
    assert!(stdout(&out).starts_with(&format!("to {}", name(&sent[0]["to"]))));
    outputs.push(out);

    no_secret(&outputs, &[]);
}

#[test]
fn answers_and_requests_take_effect_once_and_refusals_send_nothing() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let pending = || json_list(&li(&["invitations", "list", "--limit", "500", "--json"]));
    let received = pending();
    let n = received.len();

    // Accept by id: looked up, one POST, then gone from the list.
    let id = received[0]["id"].as_str().unwrap();
    let mark = logged.mark();
    let out = li(&["invitations", "accept", id, "--json"]);
    let done = json(&out);
    assert_eq!(keys(&done), ["action", "from", "invitation"]);
    assert_eq!(done["action"], "accept");
    assert_eq!(done["invitation"], format!("urn:li:fs_relInvitation:{id}"));
    assert_eq!(done["from"], received[0]["from"]);
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    let left = ids(&pending());
    assert_eq!(left.len(), n - 1);
    assert!(!left.contains(&id.to_owned()));

    // Reject by URN (text for people).
    let out = li(&[
        "invitations",
        "reject",
        received[1]["urn"].as_str().unwrap(),
    ]);
    assert!(stdout(&out).starts_with(&format!(
        "Ignored the invitation of {}",
        name(&received[1]["from"])
    )));
    outputs.push(out);
    // Accept with the secret: no lookup, the answer alone.
    let mark = logged.mark();
    let out = li(&[
        "invitations",
        "accept",
        received[2]["id"].as_str().unwrap(),
        "--secret",
        received[2]["shared_secret"].as_str().unwrap(),
        "--json",
    ]);
    assert_eq!(json(&out)["from"], Value::Null);
    let sent = logged.sent_since(mark);
    assert_eq!(sent.len(), 1, "no lookup with the secret: {sent:?}");
    assert_eq!(sent[0]["method"], "POST");
    outputs.push(out);
    assert_eq!(pending().len(), n - 3);

    // Answered already: not found (6), saying where to look, nothing posted.
    let mark = logged.mark();
    let out = li(&["invitations", "accept", id]);
    assert!(fails(&out, 6).contains("invitations list"));
    assert_eq!(logged.posts_since(mark), 0);
    outputs.push(out);

    // A connection request with a note, by public id: one POST, then listed as sent.
    let strangers = strangers(&w);
    let to = strangers[0];
    let note = "We met at RustConf; let's stay in touch.";
    let mark = logged.mark();
    let out = li(&[
        "invitations",
        "send",
        &to.public_id,
        "--message",
        note,
        "--json",
    ]);
    let done = json(&out);
    assert_eq!(keys(&done), ["message", "outcome", "profile_urn"]);
    assert_eq!(done["outcome"], "sent");
    assert_eq!(
        done["profile_urn"],
        format!("urn:li:fsd_profile:{}", to.profile_id)
    );
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    let out = li(&["invitations", "list", "--sent", "--limit", "500", "--json"]);
    let new = json_list(&out)
        .into_iter()
        .find(|i| i["to"]["public_id"] == to.public_id.as_str())
        .unwrap();
    assert_eq!(new["message"], note);
    outputs.push(out);
    // Again: LinkedIn takes none (CANT_RESEND_YET), a known outcome, said plainly.
    let out = li(&["invitations", "send", &to.profile_id, "--json"]);
    assert_eq!(json(&out)["outcome"], "already_pending");
    let out = li(&["invitations", "send", &to.profile_id]);
    assert!(
        stdout(&out).contains("your invitation to") && stdout(&out).contains("is still pending"),
        "{}",
        printed(&out)
    );
    outputs.push(out);

    // Nothing posted from here on: dry runs and bad input.
    let mark = logged.mark();
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
    assert_eq!(
        keys(&plan),
        [
            "action",
            "dry_run",
            "message",
            "name",
            "profile_urn",
            "public_id"
        ]
    );
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
        let before = logged.mark();
        let out = li(&args);
        assert!(fails(&out, 2).contains("301 characters"));
        assert_eq!(logged.mark(), before);
        outputs.push(out);
    }
    for args in [
        vec!["invitations", "send", "a/b"],
        vec!["invitations", "send", "ACoAA x", "--dry-run"],
        vec!["invitations", "accept", "12x"],
        vec!["invitations", "reject", "urn:li:fsd_profile:1"],
        vec!["invitations", "accept", "6719", "--secret", "has spaces"],
    ] {
        let out = li(&args);
        fails(&out, 2);
        outputs.push(out);
    }
    let unknown = "ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
    let out = li(&["invitations", "send", unknown, "--dry-run"]);
    fails(&out, 6);
    outputs.push(out);
    for args in [
        vec!["invitations", "withdraw", "12x"],
        vec!["invitations", "remove", "a/b"],
    ] {
        let out = li(&args);
        fails(&out, 2);
        outputs.push(out);
    }
    let sent = logged.sent_since(mark);
    assert_eq!(logged.posts_since(mark), 0, "{sent:?}");

    logged.assert_no_secret(&outputs);
}

#[test]
fn withdrawing_and_removing_take_effect_once_and_dry_runs_send_nothing() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let sent = || {
        ids(&json_list(&li(&[
            "invitations",
            "list",
            "--sent",
            "--limit",
            "500",
            "--json",
        ])))
    };
    let before = sent();
    let id = before[0].as_str();

    // A dry run: looked up, nothing posted.
    let mark = logged.mark();
    let out = li(&["invitations", "withdraw", id, "--dry-run", "--json"]);
    let plan = json(&out);
    assert_eq!(keys(&plan), ["dry_run", "invitation", "to"]);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(logged.posts_since(mark), 0);
    outputs.push(out);

    // Withdrawn: one POST, then gone from the sent list; again, not found (6).
    let mark = logged.mark();
    let out = li(&["invitations", "withdraw", id]);
    assert!(
        stdout(&out).starts_with("Withdrew your invitation to "),
        "{}",
        printed(&out)
    );
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    assert_eq!(sent(), before[1..].to_vec());
    let mark = logged.mark();
    let out = li(&["invitations", "withdraw", id]);
    assert!(fails(&out, 6).contains("invitations list --sent"));
    assert_eq!(logged.posts_since(mark), 0);
    outputs.push(out);

    // A connection removed: a dry run sends nothing; then one POST, and they are no longer
    // among the connections.
    let i = (2..w.people.len()).find(|&p| w.connected(0, p)).unwrap();
    let who = &w.people[i];
    let connections = || {
        json_list(&li(&["search", "connections", "--limit", "0", "--json"]))
            .into_iter()
            .filter(|c| c["profile_id"] == who.profile_id.as_str())
            .count()
    };
    assert_eq!(connections(), 1);
    let mark = logged.mark();
    let out = li(&["invitations", "remove", &who.public_id, "--dry-run"]);
    assert!(stdout(&out).contains(&format!(
        "Would remove {} {}",
        who.first_name, who.last_name
    )));
    assert_eq!(logged.posts_since(mark), 0);
    outputs.push(out);
    let mark = logged.mark();
    let out = li(&["invitations", "remove", &who.profile_id, "--json"]);
    let done = json(&out);
    assert_eq!(
        done["profile_urn"],
        format!("urn:li:fsd_profile:{}", who.profile_id)
    );
    assert_eq!(done["dry_run"], false);
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    assert_eq!(connections(), 0);
    let out = li(&["invitations", "remove", &who.profile_id]);
    fails(&out, 6);
    outputs.push(out);

    no_secret(&outputs, &[]);
}
