//! End-to-end: `linkedin feed ...` against the sandbox: the feed with and without its ads, a
//! member's posts, a post's comments and reactions, and reacting (checked by a later command,
//! sent once, dry run first), with the exit status of each kind of bad input.

use crate::common::{Logged, fails, json, ndjson, no_secret, printed, requests, sandboxed, world};
use linkedin_sandbox::world::{self, Author, World};

/// The demo account's feed without ads, newest first: its connections' posts and the
/// companies' unpromoted posts.
fn organic_feed(w: &World) -> Vec<String> {
    w.posts
        .iter()
        .filter(|p| w.in_organic_feed(0, p))
        .map(|p| p.activity_id.to_string())
        .collect()
}

#[test]
fn the_feed_posts_comments_and_reactions() {
    let w = world();
    let li = sandboxed;
    let mut outputs = Vec::new();

    // The feed in LinkedIn's order: an ad among the first five, none when left out.
    let out = li(&["feed", "show", "--limit", "5", "--json"]);
    let five = json(&out);
    assert_eq!(five.as_array().unwrap().len(), 5);
    assert!(
        five.as_array()
            .unwrap()
            .iter()
            .any(|p| p["promoted"] == true)
    );
    outputs.push(out);
    let out = li(&[
        "feed",
        "show",
        "--exclude-promoted",
        "--limit",
        "25",
        "--ndjson",
    ]);
    let organic = ndjson(&out);
    let expected = organic_feed(&w);
    assert_eq!(organic.len(), 25);
    for (got, want) in organic.iter().zip(&expected) {
        assert_eq!(got["activity_id"], want.as_str());
        assert_eq!(got["promoted"], false);
    }
    outputs.push(out);

    // Dana's own posts, by public id and as `me`.
    let own: Vec<&world::Post> = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0) && !p.promoted)
        .collect();
    assert!(own.len() >= 3);
    let out = li(&["feed", "posts", "demo-member", "--json"]);
    let posts = json(&out);
    assert_eq!(posts.as_array().unwrap().len(), own.len().min(20));
    for (got, want) in posts.as_array().unwrap().iter().zip(&own) {
        assert_eq!(got["urn"], format!("urn:li:activity:{}", want.activity_id));
        assert_eq!(got["text"], want.text.as_str());
        assert_eq!(got["author_name"], "Dana Moreau");
    }
    outputs.push(out);
    let out = li(&["feed", "posts", "me", "--limit", "1"]);
    assert!(out.status.success(), "{}", printed(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(text.starts_with("Dana Moreau"), "{text}");
    assert!(text.contains(&own[0].activity_id.to_string()));
    assert!(!text.contains('\x1b'));
    outputs.push(out);

    // Comments, oldest first, by the post's URL as `feed show` gives it.
    let busy = w.posts.iter().max_by_key(|p| p.comments.len()).unwrap();
    let url = format!(
        "https://www.linkedin.com/feed/update/urn:li:activity:{}/",
        busy.activity_id
    );
    let out = li(&["feed", "comments", &url, "--json"]);
    let comments = json(&out);
    assert_eq!(
        comments.as_array().unwrap().len(),
        busy.comments.len().min(50)
    );
    for (got, want) in comments.as_array().unwrap().iter().zip(&busy.comments) {
        assert_eq!(got["text"], want.text.as_str());
        assert_eq!(
            got["author"]["last_name"],
            w.people[want.author].last_name.as_str()
        );
    }
    outputs.push(out);

    // Reactions, with who reacted.
    let liked = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    let out = li(&[
        "feed",
        "reactions",
        &liked.activity_id.to_string(),
        "--limit",
        "3",
        "--ndjson",
    ]);
    let three = ndjson(&out);
    assert_eq!(three.len(), 3);
    for (got, want) in three.iter().zip(&liked.reactions) {
        assert_eq!(got["reaction_type"], want.kind.as_str());
        let p = &w.people[want.person];
        assert_eq!(got["name"], format!("{} {}", p.first_name, p.last_name));
    }
    outputs.push(out);

    // Unknown: 6. Malformed: 2.
    for args in [
        vec!["feed", "posts", "ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"],
        vec!["feed", "posts", "nobody-at-all-here"],
        vec!["feed", "comments", "7000000000000000001"],
    ] {
        let out = li(&args);
        fails(&out, 6);
        outputs.push(out);
    }
    for args in [
        vec!["feed", "comments", "not a post"],
        vec!["feed", "reactions", "urn:li:share:1"],
        vec!["feed", "posts", "dana moreau"],
    ] {
        let out = li(&args);
        fails(&out, 2);
        outputs.push(out);
    }
    let out = li(&["feed", "show", "--limit", "none"]);
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));

    no_secret(&outputs, &[]);
}

#[test]
fn a_reaction_is_set_once_then_changed_and_a_dry_run_sends_nothing() {
    let w = world();
    let logged = Logged::start();
    let log = &logged.log;
    let li = |args: &[&str]| logged.run(args);
    let posts_since = |mark: usize| {
        requests(log)
            .into_iter()
            .skip(mark)
            .filter(|r| r["method"] == "POST")
            .count()
    };
    let mut outputs = Vec::new();
    let post = format!("urn:li:activity:{}", w.posts[3].activity_id);
    let me = w.people[0].profile_id.as_str();
    let mine = || -> Vec<String> {
        let out = li(&["feed", "reactions", &post, "--limit", "1000", "--json"]);
        json(&out)
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["reactor_profile_id"] == me)
            .map(|r| r["reaction_type"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(mine().is_empty());

    // A dry run: what would be sent, nothing sent.
    let mark = requests(log).len();
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
    assert_eq!(plan["dry_run"], true);
    assert_eq!(plan["reaction"], "EMPATHY");
    assert_eq!(posts_since(mark), 0);
    outputs.push(out);
    assert!(mine().is_empty());

    // Reacting: one POST, then listed as mine; again with another type: changed, not added.
    let mark = requests(log).len();
    let out = li(&["feed", "react", &post, "--type", "PRAISE"]);
    assert!(out.status.success(), "{}", printed(&out));
    assert!(printed(&out).contains("Reacted PRAISE"));
    assert_eq!(posts_since(mark), 1);
    outputs.push(out);
    assert_eq!(mine(), ["PRAISE"]);
    let out = li(&[
        "feed",
        "react",
        &w.posts[3].activity_id.to_string(),
        "--json",
    ]);
    assert_eq!(json(&out)["reaction"], "LIKE");
    outputs.push(out);
    assert_eq!(mine(), ["LIKE"]);

    // Bad or unknown posts: 2 or 6, dry run or not; nothing posted by the refusals and dry runs.
    let mark = requests(log).len();
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
    assert_eq!(posts_since(mark), 0);
    let out = li(&["feed", "react", "7000000000000000001"]);
    fails(&out, 6);
    outputs.push(out);

    no_secret(
        &outputs,
        &[&logged.sb.li_at, logged.sb.jsessionid.trim_matches('"')],
    );
}
