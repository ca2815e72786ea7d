//! `linkedin post ...`: a dry run (nothing sent), a post published once and found in the
//! author's posts, shown with its counts, deleted; and bad input refused before sending.

use crate::common::{Logged, fails, json, json_list, stdout, world};

#[test]
fn a_post_is_published_shown_and_deleted() {
    let w = world();
    let logged = Logged::start();
    let friend = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let name = friend.full_name();
    let text = format!("Thanks @{name}! #rust");
    let mention = format!("{name}={}", friend.public_id);

    // A dry run looks the member up and sends nothing else.
    let mark = logged.mark();
    let plan = json(&logged.run(&[
        "post",
        "create",
        &text,
        "--mention",
        &mention,
        "--visibility",
        "connections",
        "--dry-run",
        "--json",
    ]));
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["text"], format!("Thanks {name}! #rust"));
    assert_eq!(plan["visibility"], "connections");
    assert_eq!(plan["attributes"][0]["start"], 7);
    let sent = logged.sent_since(mark);
    assert!(sent.iter().all(|r| r["method"] == "GET"), "{sent:?}");

    let mark = logged.mark();
    let created = json(&logged.run(&["post", "create", &text, "--mention", &mention, "--json"]));
    let posts: Vec<_> = logged
        .sent_since(mark)
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .collect();
    assert_eq!(posts.len(), 1, "sent once");
    let urn = created["urn"].as_str().unwrap().to_owned();
    let share = created["share_urn"].as_str().unwrap().to_owned();

    let mine = json_list(&logged.run(&["feed", "posts", "me", "--limit", "1", "--json"]));
    assert_eq!(mine[0]["urn"], urn.as_str());
    let shown = json(&logged.run(&["post", "show", &urn, "--json"]));
    assert_eq!(shown["counts"]["reactions"], 0);
    let text_out = stdout(&logged.run(&["post", "show", &urn]));
    assert!(text_out.contains("0 reactions, 0 comments"), "{text_out}");

    let done = json(&logged.run(&["post", "delete", &share, "--json"]));
    assert_eq!(done["deleted"], true);
    let said = fails(&logged.run(&["post", "show", &urn]), 6);
    assert!(said.contains("not found"), "{said}");
}

#[test]
fn bad_posts_are_refused_before_sending() {
    let logged = Logged::start();
    let mark = logged.mark();
    let long = "x".repeat(3_001);
    for args in [
        vec!["post", "create", ""],
        vec!["post", "create", &long],
        vec!["post", "create", "Hi", "--mention", "Ada"],
        vec!["post", "create", "Hi", "--visibility", "everyone"],
        vec!["post", "delete", "urn:li:activity:1"],
        vec!["post", "show", "not a post"],
    ] {
        let out = logged.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    assert!(logged.sent_since(mark).is_empty());
}

/// A comment of one's own: a dry run shows it and sends nothing; deleted, it leaves the
/// post's comments; again, not found.
#[test]
fn a_comment_is_deleted_once() {
    let w = world();
    let logged = Logged::start();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.comments.is_empty())
        .unwrap();
    let id = post.activity_id.to_string();
    let made = json(&logged.run(&["comments", "add", &id, "To take back.", "--json"]));
    let urn = made["comment"]["urn"].as_str().unwrap().to_owned();
    let listed = || json_list(&logged.run(&["comments", "list", &id, "--json"]));
    let n = listed().len();

    let mark = logged.mark();
    let plan = json(&logged.run(&["comments", "delete", &urn, "--dry-run", "--json"]));
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["found"]["text"], "To take back.");
    assert!(
        logged.sent_since(mark).iter().all(|r| r["method"] == "GET"),
        "a dry run only reads"
    );

    let out = logged.run(&["comments", "delete", &urn]);
    assert_eq!(stdout(&out).trim(), format!("Deleted the comment {urn}."));
    assert_eq!(listed().len(), n - 1);
    fails(&logged.run(&["comments", "delete", &urn]), 6);
    fails(&logged.run(&["comments", "delete", "urn:li:activity:1"]), 2);
}
