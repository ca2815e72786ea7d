//! `linkedin company ...`: a page and a school page as JSON and text, a company's updates as
//! posts (JSON, `--ndjson`, one text line each), follow and unfollow (the write sent, its
//! effect seen by a later read), the exit status of each error class, nothing sent for bad
//! input, and no secret printed.

use crate::common::{Logged, fails, json, json_list, keys, ndjson, printed, sandboxed, stdout};

/// The keys of a post, as `company updates` and `feed posts` print it.
const POST_KEYS: [&str; 10] = [
    "activity_id",
    "age",
    "author_name",
    "author_urn",
    "promoted",
    "reshared_urn",
    "text",
    "update_urn",
    "url",
    "urn",
];

#[test]
fn a_page_and_a_school_page() {
    let page = json(&sandboxed(&["company", "show", "linkedin", "--json"]));
    assert_eq!(page["name"], "LinkedIn");
    assert_eq!(page["universal_name"], "linkedin");
    assert!(page["entity_urn"].as_str().unwrap().ends_with(":1337"));
    assert_eq!(page["following_info"]["following"], false);
    assert!(page["following_info"]["follower_count"].is_u64());
    assert!(page["staff_count"].is_u64());
    let text = stdout(&sandboxed(&["company", "show", "linkedin"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "LinkedIn", "{text}");
    assert!(
        lines.contains(
            &format!(
                "{} followers · you do not follow it",
                page["following_info"]["follower_count"]
            )
            .as_str()
        ),
        "{text}"
    );
    assert!(
        text.contains(page["description"].as_str().unwrap()),
        "{text}"
    );
    assert!(!text.contains('\x1b'));

    let school = json(&sandboxed(&[
        "company",
        "school",
        "university-of-queensland",
        "--json",
    ]));
    assert_eq!(school["name"], "The University of Queensland");
    assert!(school["school"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn updates_are_printed_as_posts() {
    let updates = json_list(&sandboxed(&[
        "company",
        "updates",
        "stonebridge-consulting",
        "--json",
    ]));
    assert!(updates.len() >= 2);
    for u in &updates {
        assert_eq!(keys(u), POST_KEYS);
        assert_eq!(u["author_name"], "Stonebridge Consulting");
        assert!(u["urn"].as_str().unwrap().starts_with("urn:li:activity:"));
    }
    // A limit, one object a line.
    let first = ndjson(&sandboxed(&[
        "company",
        "updates",
        "stonebridge-consulting",
        "--limit",
        "1",
        "--ndjson",
    ]));
    assert_eq!(first, updates[..1]);
    // One line each, ending with the post's URN.
    let text = stdout(&sandboxed(&[
        "company",
        "updates",
        "stonebridge-consulting",
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), updates.len(), "{text}");
    for (line, u) in lines.iter().zip(&updates) {
        assert!(line.ends_with(u["urn"].as_str().unwrap()), "{line}");
    }
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

    // Following: one write, to the page's following state; the page then says so.
    let mark = sb.mark();
    let follow = sb.run(&["company", "follow", "linkedin", "--json"]);
    let done = json(&follow);
    assert_eq!(
        keys(&done),
        ["following", "name", "outcome", "universal_name"]
    );
    assert_eq!(done["following"], true);
    assert_eq!(done["outcome"], "changed");
    assert_eq!(done["name"], "LinkedIn");
    assert_eq!(done["universal_name"], "linkedin");
    let writes: Vec<_> = sb
        .sent_since(mark)
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .collect();
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(
        writes[0]["path"]
            .as_str()
            .unwrap()
            .contains("/feed/dash/followingStates/"),
        "{writes:?}"
    );
    outputs.push(follow);
    assert!(following(&sb));

    // Unfollowing, said in text; again is no error.
    let unfollow = sb.run(&["company", "unfollow", "linkedin"]);
    assert!(
        stdout(&unfollow).contains("You do not follow LinkedIn any more."),
        "{}",
        printed(&unfollow)
    );
    outputs.push(unfollow);
    assert!(!following(&sb));
    // Again: the page already says so, and nothing is sent but its read.
    let mark = sb.mark();
    let again = sb.run(&["company", "unfollow", "linkedin", "--json"]);
    assert_eq!(json(&again)["following"], false);
    assert_eq!(json(&again)["outcome"], "unchanged");
    assert_eq!(sb.posts_since(mark), 0, "nothing written");

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
    // Not found: 6, and nothing written.
    let mark = sb.mark();
    for args in [
        &["company", "show", "no-such-company"][..],
        &["company", "school", "no-such-school"],
        &["company", "updates", "no-such-company"],
        &["company", "follow", "no-such-company"],
    ] {
        let output = sb.run(args);
        fails(&output, 6);
        outputs.push(output);
    }
    assert_eq!(sb.posts_since(mark), 0);
    sb.assert_no_secret(&outputs);
}
