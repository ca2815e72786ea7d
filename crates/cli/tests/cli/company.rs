//! End-to-end: every `linkedin company` command against the sandbox (pages, updates, follow
//! and unfollow checked by a later read), the exit status of each error class, nothing sent
//! for bad input, and no secret printed.

use crate::common::{Logged, json, ndjson, printed, sandboxed, world};
use linkedin_sandbox::world::{Author, World};
use serde_json::Value;

/// The texts of a company's own posts, newest first.
fn posts_of(w: &World, universal_name: &str) -> Vec<String> {
    let index = w
        .companies
        .iter()
        .position(|c| c.universal_name == universal_name)
        .unwrap();
    w.posts
        .iter()
        .filter(|p| p.author == Author::Company(index) && !p.promoted)
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn pages_and_updates() {
    let w = world();
    let want = w.companies.iter().find(|c| c.id == 1337).unwrap();
    let page = json(&sandboxed(&["company", "show", "linkedin", "--json"]));
    assert_eq!(page["name"], "LinkedIn");
    assert!(page["entity_urn"].as_str().unwrap().ends_with(":1337"));
    assert_eq!(page["description"], want.description.as_str());
    assert_eq!(page["staff_count"], want.staff_count);
    assert_eq!(page["following_info"]["following"], false);
    assert_eq!(page["following_info"]["follower_count"], want.followers);
    assert_eq!(page["school"], Value::Null);
    let text = sandboxed(&["company", "show", "linkedin"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("LinkedIn\n"), "{text}");
    assert!(text.contains("you do not follow it"), "{text}");

    let school = json(&sandboxed(&[
        "company",
        "school",
        "university-of-queensland",
        "--json",
    ]));
    assert_eq!(school["name"], "The University of Queensland");
    assert!(school["school"].as_str().is_some_and(|s| !s.is_empty()));

    let expected = posts_of(&w, "stonebridge-consulting");
    assert_eq!(expected.len(), 2);
    let updates = json(&sandboxed(&[
        "company",
        "updates",
        "stonebridge-consulting",
        "--json",
    ]));
    let texts: Vec<&str> = updates
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, expected);
    let lines = ndjson(&sandboxed(&[
        "company",
        "updates",
        "stonebridge-consulting",
        "--limit",
        "1",
        "--ndjson",
    ]));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["text"], expected[0].as_str());
    assert!(
        lines[0]["urn"]
            .as_str()
            .unwrap()
            .starts_with("urn:li:activity:")
    );
    let text = sandboxed(&["company", "updates", "stonebridge-consulting"]);
    assert_eq!(String::from_utf8_lossy(&text.stdout).lines().count(), 2);
}

#[test]
fn follow_and_unfollow_change_the_page_and_errors_have_their_status() {
    let sb = Logged::start();
    let mut outputs = Vec::new();
    let following = |sb: &Logged| {
        let page = sb.run(&["company", "show", "linkedin", "--json"]);
        json(&page)["following_info"]["following"]
            .as_bool()
            .unwrap()
    };
    assert!(!following(&sb));

    let before = sb.paths().len();
    let follow = sb.run(&["company", "follow", "linkedin", "--json"]);
    let done = json(&follow);
    assert_eq!(done["following"], true);
    assert_eq!(done["name"], "LinkedIn");
    assert_eq!(done["universal_name"], "linkedin");
    assert!(
        sb.paths()[before..]
            .iter()
            .any(|p| p.contains("/feed/dash/followingStates/")),
        "{:?}",
        &sb.paths()[before..]
    );
    outputs.push(follow);
    assert!(following(&sb));

    let unfollow = sb.run(&["company", "unfollow", "linkedin"]);
    assert!(unfollow.status.success(), "{}", printed(&unfollow));
    assert!(printed(&unfollow).contains("do not follow LinkedIn"));
    outputs.push(unfollow);
    assert!(!following(&sb));
    // Unfollowing again is no error.
    let again = sb.run(&["company", "unfollow", "linkedin", "--json"]);
    assert_eq!(json(&again)["following"], false);

    // Bad input: 2, nothing sent.
    for args in [
        &["company", "show", "two words"][..],
        &["company", "school", "x"],
        &["company", "updates", "a/b"],
        &["company", "follow", "linked(in)"],
        &["company", "unfollow", ""],
    ] {
        outputs.push(sb.refused(args));
    }
    // Not found: 6.
    for args in [
        &["company", "show", "no-such-company"][..],
        &["company", "school", "no-such-school"],
        &["company", "updates", "no-such-company"],
        &["company", "follow", "no-such-company"],
    ] {
        let output = sb.run(args);
        assert_eq!(
            output.status.code(),
            Some(6),
            "{args:?}: {}",
            printed(&output)
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stderr)
                .trim_end()
                .lines()
                .count(),
            1
        );
        outputs.push(output);
    }
    for output in &outputs {
        sb.assert_no_secret(output);
    }
}
