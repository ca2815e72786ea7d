//! Publishing against the sandbox: a text post created (for anyone or for connections, with
//! a mention), found first in the author's posts and feed, its details with counts, the
//! daily post budget, and bad input refused before sending.

use crate::common;
use futures::TryStreamExt;
use linkedin_api::transport::Action;
use linkedin_api::{Error, Linkedin, Login, NewPost, ProfileId, Visibility, validate};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, Author, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

#[tokio::test]
async fn a_created_post_is_first_in_the_authors_posts_and_feed() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();

    let mark = f.mark();
    let text = "Shipping the notifications page today. #rust #linkedin";
    let created = f.linkedin.create_post(&NewPost::new(text)).await.unwrap();
    f.snapshot("posts_create_post", mark, &created);
    let urn = created.urn.clone().unwrap();
    assert!(
        created
            .share_urn
            .as_deref()
            .unwrap()
            .starts_with("urn:li:share:")
    );
    assert_eq!(
        created.url.as_deref(),
        Some(format!("https://www.linkedin.com/feed/update/{urn}/").as_str())
    );

    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(mine[0].urn, urn);
    assert_eq!(mine[0].text.as_deref(), Some(text));
    let feed: Vec<_> = f
        .linkedin
        .feed_posts(true)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(feed[0].urn, urn, "on top of the author's feed");

    let mark = f.mark();
    let details = f.linkedin.post_details(&urn).await.unwrap();
    f.snapshot("posts_post_details_new", mark, &details);
    let counts = details.counts.as_ref().unwrap();
    assert_eq!((counts.reactions, counts.comments), (Some(0), Some(0)));
}

#[tokio::test]
async fn a_mention_and_connections_only_are_sent_as_linkedin_takes_them() {
    let f = common::start().await;
    let w = world();
    let friend = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let name = friend.full_name();
    let post = NewPost::new(format!("Thanks @{name} for the review!"))
        .visibility(Visibility::Connections)
        .mention(&name, ProfileId::parse(&friend.profile_id).unwrap());

    let mark = f.mark();
    let created = f.linkedin.create_post(&post).await.unwrap();
    f.snapshot("posts_create_post_mention", mark, &created);
    let sent = f.sent_since(mark);
    let commentary = &sent[0]["body"]["variables"]["post"]["commentary"];
    assert_eq!(commentary["text"], format!("Thanks {name} for the review!"));
    assert_eq!(commentary["attributesV2"][0]["start"], 7);
    assert_eq!(
        commentary["attributesV2"][0]["length"],
        name.encode_utf16().count()
    );
    assert_eq!(
        sent[0]["body"]["variables"]["post"]["visibilityDataUnion"]["visibilityType"],
        "CONNECTIONS"
    );
    let details = f
        .linkedin
        .post_details(created.urn.as_deref().unwrap())
        .await
        .unwrap();
    assert_eq!(
        details.post.text.as_deref(),
        Some(commentary["text"].as_str().unwrap())
    );
}

#[tokio::test]
async fn a_posts_details_carry_its_counts() {
    let f = common::start().await;
    let w = world();
    let post = w
        .posts
        .iter()
        .filter(|p| !p.promoted && !p.reactions.is_empty() && !p.comments.is_empty())
        .max_by_key(|p| p.reactions.len())
        .unwrap();
    let mark = f.mark();
    let details = f
        .linkedin
        .post_details(&post.activity_id.to_string())
        .await
        .unwrap();
    f.snapshot("posts_post_details", mark, &details);
    let counts = details.counts.as_ref().unwrap();
    assert_eq!(counts.reactions, Some(post.reactions.len() as u64));
    assert_eq!(counts.comments, Some(post.comments.len() as u64));
    let by_type: u64 = counts.by_type.iter().map(|c| c.count).sum();
    assert_eq!(by_type, post.reactions.len() as u64);
    assert_eq!(details.post.text.as_deref(), Some(post.text.as_str()));
    assert!(matches!(
        post.author,
        Author::Person(_) | Author::Company(_)
    ));

    let e = f
        .linkedin
        .post_details("urn:li:activity:7000000000000000001")
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
}

#[tokio::test]
async fn bad_posts_are_refused_before_sending() {
    let f = common::start().await;
    let ada = ProfileId::parse("ACoAAB1234567890").unwrap();
    let mark = f.mark();
    for post in [
        NewPost::new(""),
        NewPost::new(" \n\t "),
        NewPost::new("x".repeat(validate::POST_TEXT_MAX + 1)),
        NewPost::new("No one is named here").mention("Ada", ada),
    ] {
        let e = f.linkedin.create_post(&post).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
    for bad in ["", "not a post", "urn:li:fsd_profile:ACoAAB1234567890"] {
        let e = f.linkedin.post_details(bad).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
}

#[tokio::test]
async fn posts_count_against_the_daily_post_budget() {
    let f = common::start().await;
    let linkedin = Linkedin::builder()
        .base_url(f.sandbox.base_url())
        .login(Login::password(
            common::DEMO_USERNAME,
            common::DEMO_PASSWORD,
        ))
        .transport(|t| t.daily_limit(Action::Post, 1))
        .build()
        .await
        .unwrap();
    linkedin
        .create_post(&NewPost::new("The first of the day."))
        .await
        .unwrap();
    let mark = f.mark();
    let e = linkedin
        .create_post(&NewPost::new("One too many."))
        .await
        .unwrap_err();
    assert_eq!(f.mark(), mark, "refused before sending: {e:?}");
}

#[tokio::test]
async fn a_deleted_post_is_gone_from_the_authors_posts() {
    let f = common::start().await;
    let me = f.linkedin.me().await.unwrap().profile_id.clone();
    let created = f
        .linkedin
        .create_post(&NewPost::new("A post to take back."))
        .await
        .unwrap();
    let share = created.share_urn.clone().unwrap();

    let mark = f.mark();
    f.linkedin.delete_post(&share).await.unwrap();
    f.snapshot("posts_delete_post", mark, &());
    let mine: Vec<_> = f
        .linkedin
        .profile_posts(&me)
        .limit(3)
        .try_collect()
        .await
        .unwrap();
    assert!(mine.iter().all(|p| Some(&p.urn) != created.urn.as_ref()));
    let e = f
        .linkedin
        .post_details(created.urn.as_deref().unwrap())
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");

    // Again: there is no such post. Someone else's: refused. Not a share: nothing sent.
    let e = f.linkedin.delete_post(&share).await.unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    let w = world();
    let theirs = w
        .posts
        .iter()
        .find(|p| p.author != Author::Person(0))
        .unwrap();
    let e = f
        .linkedin
        .delete_post(&format!("urn:li:share:{}", theirs.share_id))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("403"), "{e}");
    let mark = f.mark();
    for bad in [
        "",
        "urn:li:activity:7000000000000000001",
        "urn:li:share:abc",
    ] {
        let e = f.linkedin.delete_post(bad).await.unwrap_err();
        assert!(matches!(e, Error::InvalidInput { .. }), "{e:?}");
    }
    assert_eq!(f.mark(), mark, "nothing sent");
}
