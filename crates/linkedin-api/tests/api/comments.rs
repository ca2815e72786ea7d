//! Commenting against the sandbox: a comment on a post and a reply to it, sent once as the
//! web app sends them, found in the post's comments (the reply not among them, but in the
//! comment's replies), and bad input refused before sending.

use crate::common;
use linkedin_api::{Error, NewPost, validate};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

#[tokio::test]
async fn a_comment_and_a_reply_are_written_once() {
    let f = common::start().await;
    let w = world();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.comments.is_empty())
        .unwrap();
    let id = post.activity_id.to_string();

    let mark = f.mark();
    let made = f
        .linkedin
        .comment_on_post(&id, &NewPost::new("Well said, thank you."))
        .await
        .unwrap()
        .unwrap();
    f.snapshot("comments_comment_on_post", mark, &made);
    assert_eq!(made.text, "Well said, thank you.");
    assert_eq!(
        made.author.as_ref().unwrap().public_id.as_deref(),
        Some("demo-member")
    );

    let listed = common::collect_all(f.linkedin.post_comments(&id)).await;
    assert_eq!(listed.len(), post.comments.len() + 1);
    assert_eq!(listed.last().unwrap().urn, made.urn);

    let mark = f.mark();
    let reply = f
        .linkedin
        .reply_to_comment(&listed[0].urn, &NewPost::new("Agreed!"))
        .await
        .unwrap()
        .unwrap();
    f.snapshot("comments_reply_to_comment", mark, &reply);
    let sent = f.sent_since(mark);
    assert_eq!(sent[0]["body"]["threadUrn"], listed[0].urn.as_str());
    let after = common::collect_all(f.linkedin.post_comments(&id)).await;
    assert_eq!(
        after.len(),
        listed.len(),
        "a reply is not a comment of the post"
    );

    // The comment's replies: the one just written, through the comments query on the
    // comment's social detail; another comment has none.
    let mark = f.mark();
    let replies = common::collect_all(f.linkedin.comment_replies(&listed[0].urn)).await;
    f.snapshot("comments_comment_replies", mark, &replies);
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].urn, reply.urn);
    assert_eq!(replies[0].text, "Agreed!");
    let none = common::collect_all(f.linkedin.comment_replies(&listed.last().unwrap().urn)).await;
    assert!(none.is_empty(), "{none:?}");
    let e = common::first_error(
        f.linkedin
            .comment_replies(&format!("urn:li:comment:(activity:{id},1)")),
    )
    .await;
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
}

#[tokio::test]
async fn bad_comments_are_refused_before_sending() {
    let f = common::start().await;
    let mark = f.mark();
    for (post, text) in [
        ("7000000000000000001", String::new()),
        (
            "7000000000000000001",
            "x".repeat(validate::COMMENT_TEXT_MAX + 1),
        ),
        ("not a post", "Hi".to_owned()),
    ] {
        let e = f
            .linkedin
            .comment_on_post(post, &NewPost::new(text))
            .await
            .unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    for bad in [
        "urn:li:activity:1",
        "urn:li:comment:(1,2)",
        "urn:li:comment:(activity:x,2)",
    ] {
        let e = f
            .linkedin
            .reply_to_comment(bad, &NewPost::new("Hi"))
            .await
            .unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{bad}: {e:?}");
        let e = common::first_error(f.linkedin.comment_replies(bad)).await;
        assert!(matches!(e, Error::InvalidInput { .. }), "{bad}: {e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
    let e = f
        .linkedin
        .comment_on_post("7000000000000000001", &NewPost::new("Hi"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
}

/// One's own comment is deleted (by its URN in either spelling) and leaves the post's
/// comments; someone else's is LinkedIn's 403; a lost answer is settled by sending it again.
#[tokio::test]
async fn a_comment_of_ones_own_is_deleted() {
    let f = common::start().await;
    let w = world();
    let post = w
        .posts
        .iter()
        .find(|p| !p.promoted && p.comments.iter().any(|c| c.author != 0))
        .unwrap();
    let id = post.activity_id.to_string();
    let before = common::collect_all(f.linkedin.post_comments(&id)).await;
    let made = f
        .linkedin
        .comment_on_post(&id, &NewPost::new("A comment to take back."))
        .await
        .unwrap()
        .unwrap();

    let mark = f.mark();
    f.linkedin.delete_comment(&made.urn).await.unwrap();
    f.snapshot("comments_delete_comment", mark, &());
    let after = common::collect_all(f.linkedin.post_comments(&id)).await;
    assert_eq!(after.len(), before.len());
    assert!(after.iter().all(|c| c.urn != made.urn));

    // Gone already: none to delete.
    let err = f.linkedin.delete_comment(&made.urn).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    // Someone else's, in the dash spelling: LinkedIn's 403.
    let theirs = post.comments.iter().find(|c| c.author != 0).unwrap();
    let err = f
        .linkedin
        .delete_comment(&format!(
            "urn:li:fsd_comment:({},urn:li:activity:{id})",
            theirs.id
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_api::transport::Error::Forbidden { .. })
        ),
        "{err:?}"
    );
    // Malformed: refused before anything is sent.
    let mark = f.mark();
    for bad in [
        "",
        "urn:li:comment:(activity:1)",
        "urn:li:fsd_comment:(x,urn:li:activity:1)",
        "urn:li:activity:1",
    ] {
        let err = f.linkedin.delete_comment(bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{bad}: {err:?}");
    }
    assert!(f.sent_since(mark).is_empty());

    // Every answer lost (the first delete's and the second's): the outcome is unknown, and
    // the error says where to look; the comment is gone indeed.
    let prefix = linkedin_catalogue::endpoints::COMMENT_DELETE
        .full_path()
        .split('{')
        .next()
        .unwrap()
        .to_owned();
    let f = common::start_with(linkedin_sandbox::Faults {
        lose_answers_to: Some(format!("DELETE {prefix}")),
        ..linkedin_sandbox::Faults::default()
    })
    .await;
    let made = f
        .linkedin
        .comment_on_post(&id, &NewPost::new("Another to take back."))
        .await
        .unwrap()
        .unwrap();
    let err = f.linkedin.delete_comment(&made.urn).await.unwrap_err();
    assert!(
        matches!(&err, Error::OutcomeUnknown { check, .. } if check.contains("linkedin comments list")),
        "{err:?}"
    );
    let after = common::collect_all(f.linkedin.post_comments(&id)).await;
    assert!(after.iter().all(|c| c.urn != made.urn));
}
