//! `linkedin feed ...`: the feed with and without its ads, a member's posts (named every way
//! a user names a member), a post's reactions, as JSON, `--ndjson` and text, its comments
//! refused without sending (LinkedIn answers them 500); reacting (sent once, seen by a later read, a dry run first), and the
//! exit status of each kind of bad input.

use crate::common::{
    Logged, fails, json, json_list, keys, ndjson, no_secret, printed, sandboxed, stdout, world,
};

#[test]
fn the_feed_with_and_without_its_ads() {
    let mut outputs = Vec::new();
    // Ads are kept unless left out.
    let out = sandboxed(&["feed", "show", "--limit", "5", "--json"]);
    let five = json_list(&out);
    assert_eq!(five.len(), 5);
    assert!(five.iter().any(|p| p["promoted"] == true));
    outputs.push(out);
    let out = sandboxed(&[
        "feed",
        "show",
        "--exclude-promoted",
        "--limit",
        "25",
        "--ndjson",
    ]);
    let organic = ndjson(&out);
    assert_eq!(organic.len(), 25);
    assert!(organic.iter().all(|p| p["promoted"] == false));
    outputs.push(out);
    // Text: who, age and URN, then the text, indented.
    let out = sandboxed(&["feed", "show", "--exclude-promoted", "--limit", "1"]);
    let text = stdout(&out);
    let first = &organic[0];
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(first["author_name"].as_str().unwrap())
            && lines[0].ends_with(first["urn"].as_str().unwrap()),
        "{text}"
    );
    assert!(lines[1].starts_with("    "), "{text}");
    outputs.push(out);
    let out = sandboxed(&["feed", "show", "--limit", "none"]);
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
    no_secret(&outputs, &[]);
}

#[test]
fn a_members_posts_by_public_id_url_or_me() {
    let out = sandboxed(&["feed", "posts", "demo-member", "--json"]);
    let posts = json_list(&out);
    assert!(!posts.is_empty() && posts.len() <= 20, "the default limit");
    for p in &posts {
        assert_eq!(p["author_name"], "Dana Moreau");
        assert_eq!(
            p["url"],
            format!(
                "https://www.linkedin.com/feed/update/{}/",
                p["urn"].as_str().unwrap()
            )
        );
    }
    let by_url = json_list(&sandboxed(&[
        "feed",
        "posts",
        "https://www.linkedin.com/in/demo-member/",
        "--limit",
        "1",
        "--json",
    ]));
    assert_eq!(by_url, posts[..1]);
    let text = stdout(&sandboxed(&["feed", "posts", "me", "--limit", "1"]));
    assert!(text.starts_with("Dana Moreau"), "{text}");
    assert!(text.contains(posts[0]["urn"].as_str().unwrap()), "{text}");
    assert!(!text.contains('\x1b'));
}

#[test]
fn comments_are_refused_and_reactions_listed() {
    let w = world();
    let mut outputs = Vec::new();
    // The comments, through the 2026 query (by the post's URL or its URN).
    let logged = Logged::start();
    let busy = w
        .posts
        .iter()
        .filter(|p| !p.promoted)
        .max_by_key(|p| p.comments.len())
        .unwrap();
    let urn = format!("urn:li:activity:{}", busy.activity_id);
    let url = format!("https://www.linkedin.com/feed/update/{urn}/");
    for post in [url.as_str(), urn.as_str()] {
        let out = logged.run(&["feed", "comments", post, "--limit", "3", "--json"]);
        let list = crate::common::json_list(&out);
        assert_eq!(list.len(), 3.min(busy.comments.len()));
        assert_eq!(list[0]["text"], busy.comments[0].text.as_str());
        outputs.push(out);
    }
    logged.assert_no_secret(&outputs);

    // Reactions, one a line, with who reacted; as text, the reaction first.
    let liked = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    let id = liked.activity_id.to_string();
    let out = sandboxed(&["feed", "reactions", &id, "--limit", "3", "--ndjson"]);
    let three = ndjson(&out);
    assert_eq!(three.len(), 3);
    for r in &three {
        assert!(
            r["reaction_type"].is_string() && r["name"].is_string(),
            "{r}"
        );
    }
    outputs.push(out);
    let text = stdout(&sandboxed(&["feed", "reactions", &id, "--limit", "3"]));
    for (line, r) in text.lines().zip(&three) {
        assert!(
            line.starts_with(r["reaction_type"].as_str().unwrap())
                && line.contains(r["name"].as_str().unwrap()),
            "{line}"
        );
    }

    // Unknown: 6. Malformed: 2.
    for args in [
        vec!["feed", "posts", "ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"],
        vec!["feed", "posts", "nobody-at-all-here"],
    ] {
        let out = sandboxed(&args);
        fails(&out, 6);
        outputs.push(out);
    }
    for args in [
        vec!["feed", "comments", "not a post"],
        vec!["feed", "reactions", "urn:li:share:1"],
        vec!["feed", "posts", "dana moreau"],
    ] {
        let out = sandboxed(&args);
        fails(&out, 2);
        outputs.push(out);
    }
    no_secret(&outputs, &[]);
}

#[test]
fn a_reaction_is_sent_once_and_a_dry_run_sends_nothing() {
    let w = world();
    let logged = Logged::start();
    let li = |args: &[&str]| logged.run(args);
    let mut outputs = Vec::new();
    let post = format!("urn:li:activity:{}", w.posts[3].activity_id);
    let me = w.people[0].profile_id.as_str();
    let mine = || -> Vec<String> {
        let out = li(&["feed", "reactions", &post, "--limit", "1000", "--json"]);
        json_list(&out)
            .iter()
            .filter(|r| r["reactor_profile_id"] == me)
            .map(|r| r["reaction_type"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(mine().is_empty());

    // A dry run: what would be sent (the alias `love` is LinkedIn's EMPATHY), nothing sent.
    let mark = logged.mark();
    let out = li(&[
        "feed",
        "react",
        &post,
        "--type",
        "love",
        "--dry-run",
        "--json",
    ]);
    let plan = json(&out);
    assert_eq!(keys(&plan), ["dry_run", "post", "reaction"]);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["reaction"], "EMPATHY");
    assert_eq!(logged.posts_since(mark), 0);
    outputs.push(out);
    assert!(mine().is_empty());

    // Reacting: one POST, then listed as mine.
    let mark = logged.mark();
    let out = li(&["feed", "react", &post, "--type", "PRAISE"]);
    assert!(
        stdout(&out).contains(&format!("Reacted PRAISE to {post}.")),
        "{}",
        printed(&out)
    );
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);
    assert_eq!(mine(), ["PRAISE"]);
    // By activity id, LIKE by default.
    let mark = logged.mark();
    let out = li(&[
        "feed",
        "react",
        &w.posts[3].activity_id.to_string(),
        "--json",
    ]);
    let done = json(&out);
    assert_eq!(
        (&done["reaction"], &done["dry_run"]),
        (&"LIKE".into(), &false.into())
    );
    assert_eq!(logged.posts_since(mark), 1);
    outputs.push(out);

    // Bad or unknown posts: 2 or 6, dry run or not; nothing posted by the refusals and dry runs.
    let mark = logged.mark();
    for (post, code) in [("urn:li:share:1", 2), ("7000000000000000001", 6)] {
        let out = li(&["feed", "react", post, "--dry-run"]);
        fails(&out, code);
        outputs.push(out);
    }
    let out = li(&["feed", "react", "urn:li:share:1"]);
    fails(&out, 2);
    outputs.push(out);
    let out = li(&["feed", "react", &post, "--type", "wow"]);
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
    assert_eq!(logged.posts_since(mark), 0);
    let out = li(&["feed", "react", "7000000000000000001"]);
    fails(&out, 6);
    outputs.push(out);

    // One type of reactions; taking one's own back (a dry run first: nothing posted).
    // (The LIKE by activity id above replaced the PRAISE: the same post.)
    assert_eq!(mine(), ["LIKE"]);
    let out = li(&["feed", "reactions", &post, "--type", "like", "--json"]);
    let likes = json(&out);
    let likes = likes.as_array().unwrap();
    assert!(
        !likes.is_empty() && likes.iter().all(|r| r["reaction_type"] == "LIKE"),
        "{likes:?}"
    );
    let mark = logged.mark();
    let out = li(&["feed", "unreact", &post, "--dry-run", "--json"]);
    let plan = json(&out);
    assert_eq!(
        (&plan["dry_run"], &plan["reaction"]),
        (&true.into(), &"LIKE".into())
    );
    assert_eq!(logged.posts_since(mark), 0);
    let out = li(&["feed", "unreact", &post]);
    assert!(
        stdout(&out).contains(&format!("Took back your reaction to {post}.")),
        "{}",
        printed(&out)
    );
    assert_eq!(logged.posts_since(mark), 1);
    assert!(mine().is_empty());
    // None left: not found (6), nothing posted.
    let mark = logged.mark();
    for args in [
        &["feed", "unreact", &post][..],
        &["feed", "unreact", &post, "--dry-run"],
    ] {
        let out = li(args);
        fails(&out, 6);
        outputs.push(out);
    }
    assert_eq!(logged.posts_since(mark), 0);
    logged.assert_no_secret(&outputs);
}

/// `linkedin reactions add|list|remove`: the same writes and list as `feed react|reactions|
/// unreact`, under the name users look for.
#[test]
fn the_reactions_commands_react_list_and_take_back() {
    let w = world();
    let logged = Logged::start();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.reactions.iter().any(|r| r.person == 0))
        .unwrap()
        .activity_id
        .to_string();
    let mine = |list: &[serde_json::Value]| {
        list.iter()
            .any(|r| r["reactor_profile_id"] == w.people[0].profile_id.as_str())
    };
    let added = logged.run(&["reactions", "add", &post, "--type", "empathy"]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let listed = json_list(&logged.run(&[
        "reactions",
        "list",
        &post,
        "--type",
        "empathy",
        "--limit",
        "1000",
        "--json",
    ]));
    assert!(mine(&listed), "{listed:?}");
    let removed = logged.run(&["reactions", "remove", &post]);
    assert!(
        removed.status.success(),
        "{}",
        String::from_utf8_lossy(&removed.stderr)
    );
    let listed = json_list(&logged.run(&["reactions", "list", &post, "--limit", "1000", "--json"]));
    assert!(!mine(&listed), "{listed:?}");
}
