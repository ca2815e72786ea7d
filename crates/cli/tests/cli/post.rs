//! `linkedin post ...`: a dry run (nothing sent), a post published once and found in the
//! author's posts, shown with its counts, deleted; a post with an image; and bad input
//! refused before sending.

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
        vec!["post", "create", "Hi", "--image", "/nonexistent/photo.png"],
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

/// A 3×2 PNG, whole (signature, header, data, end).
const PNG: &[u8] = include_bytes!("../../../../fixtures/media/chart.png");

/// `post create --image`: a dry run describes the image and uploads nothing; the post
/// registers, uploads and shares it, once each; a file that is not an image is refused
/// (exit 2) before anything is sent, naming the file but not its directory.
#[test]
fn a_post_with_an_image() {
    let logged = Logged::start();
    let image = logged.dir.path().join("chart.png");
    std::fs::write(&image, PNG).unwrap();
    let image = image.to_str().unwrap();

    let mark = logged.mark();
    let plan = json(&logged.run(&[
        "post",
        "create",
        "Our year.",
        "--image",
        image,
        "--dry-run",
        "--json",
    ]));
    assert_eq!(plan["image"]["name"], "chart.png");
    assert_eq!(plan["image"]["kind"], "image/png");
    assert_eq!(
        (
            plan["image"]["width"].as_u64(),
            plan["image"]["height"].as_u64()
        ),
        (Some(3), Some(2))
    );
    assert_eq!(plan["image"]["bytes"], PNG.len());
    assert!(
        logged.sent_since(mark).is_empty(),
        "a dry run uploads nothing"
    );
    let said = stdout(&logged.run(&["post", "create", "Our year.", "--image", image, "--dry-run"]));
    assert!(
        said.contains("with the image chart.png (image/png, 3×2, 73 bytes)"),
        "{said}"
    );

    let mark = logged.mark();
    let created = json(&logged.run(&["post", "create", "Our year.", "--image", image, "--json"]));
    let sent: Vec<String> = logged
        .sent_since(mark)
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap(),
                r["path"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(sent.len(), 3, "{sent:?}");
    assert_eq!(
        sent[0],
        "POST /voyager/api/voyagerVideoDashMediaUploadMetadata"
    );
    assert!(sent[1].starts_with("PUT /dms-uploads/"), "{sent:?}");
    assert_eq!(sent[2], "POST /voyager/api/graphql");
    let mine = json_list(&logged.run(&["feed", "posts", "me", "--limit", "1", "--json"]));
    assert_eq!(mine[0]["urn"], created["urn"]);

    let text_file = logged.dir.path().join("notes.png");
    std::fs::write(&text_file, "not an image").unwrap();
    let mark = logged.mark();
    let said = fails(
        &logged.run(&[
            "post",
            "create",
            "Hi",
            "--image",
            text_file.to_str().unwrap(),
        ]),
        2,
    );
    assert!(
        said.contains("notes.png is not a JPEG, PNG or GIF image"),
        "{said}"
    );
    assert!(
        !said.contains(logged.dir.path().to_str().unwrap()),
        "{said}"
    );
    assert!(logged.sent_since(mark).is_empty());
}

/// `comments replies`: a reply written with `comments reply` is listed under its comment,
/// not among the post's comments; what is not a comment's URN is refused before sending.
#[test]
fn a_reply_is_listed_under_its_comment() {
    let w = world();
    let logged = Logged::start();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.comments.is_empty())
        .unwrap();
    let id = post.activity_id.to_string();
    let comment = format!("urn:li:comment:(activity:{id},{})", post.comments[0].id);
    let before = json_list(&logged.run(&["comments", "list", &id, "--json"])).len();
    let made = json(&logged.run(&["comments", "reply", &comment, "Seconded.", "--json"]));
    let replies = json_list(&logged.run(&["comments", "replies", &comment, "--json"]));
    assert_eq!(replies.len(), 1, "{replies:?}");
    assert_eq!(replies[0]["urn"], made["comment"]["urn"]);
    assert_eq!(replies[0]["text"], "Seconded.");
    let shown = stdout(&logged.run(&["comments", "replies", &comment]));
    assert!(shown.contains("Seconded."), "{shown}");
    assert_eq!(
        json_list(&logged.run(&["comments", "list", &id, "--json"])).len(),
        before
    );

    let mark = logged.mark();
    fails(&logged.run(&["comments", "replies", &id]), 2);
    assert!(logged.sent_since(mark).is_empty());
}

/// `post reshare`: the share from `post show --json`, a dry run that sends nothing, then the
/// reshare, first of one's posts, naming the post it reshares.
#[test]
fn a_post_is_reshared_with_a_comment() {
    let w = world();
    let logged = Logged::start();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.connections_only)
        .unwrap();
    let id = post.activity_id.to_string();
    let shown = json(&logged.run(&["post", "show", &id, "--json"]));
    let share = shown["share_urn"].as_str().unwrap().to_owned();
    let mark = logged.mark();
    let plan = json(&logged.run(&[
        "post",
        "reshare",
        &share,
        "Worth a read.",
        "--dry-run",
        "--json",
    ]));
    assert_eq!(plan["share"], share.as_str());
    assert!(
        logged.sent_since(mark).is_empty(),
        "a dry run sends nothing"
    );
    let created = json(&logged.run(&["post", "reshare", &share, "Worth a read.", "--json"]));
    let mine = json_list(&logged.run(&["feed", "posts", "me", "--limit", "1", "--json"]));
    assert_eq!(mine[0]["urn"], created["urn"]);
    assert_eq!(mine[0]["reshared_urn"], format!("urn:li:activity:{id}"));
    fails(&logged.run(&["post", "reshare", &id, "Hi"]), 2);
}
