//! Notifications and the network counts against the sandbox: every page of the cards, newest
//! first and typed; marking one read; the My Network numbers from the world's own counts.

use crate::common;
use futures::TryStreamExt;
use linkedin_api::models::Raw;
use linkedin_api::{Error, Notification};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, Author, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// What the demo account's notifications are made of in the world: the views of its
/// profile, and the comments and reactions others left on its posts.
fn expected_count(w: &World) -> usize {
    let views = w.profile_views.iter().filter(|v| v.viewed == 0).count();
    let on_posts: usize = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0))
        .map(|p| {
            p.comments.iter().filter(|c| c.author != 0).count()
                + p.reactions.iter().filter(|r| r.person != 0).count()
        })
        .sum();
    views + on_posts
}

async fn all(f: &common::Fixture) -> Vec<Raw<Notification>> {
    f.linkedin.notifications().try_collect().await.unwrap()
}

#[tokio::test]
async fn notifications_page_newest_first_typed() {
    let f = common::start().await;
    let w = world();

    let mark = f.mark();
    let first = common::collect_all(f.linkedin.notifications().limit(2)).await;
    f.snapshot("notifications_notifications", mark, &first);

    let mark = f.mark();
    let every = all(&f).await;
    let expected = expected_count(&w);
    assert!(expected > 20, "more than one page of 20: {expected}");
    assert_eq!(every.len(), expected);
    assert_eq!(f.mark() - mark, expected.div_ceil(20), "one request a page");
    let times: Vec<i64> = every.iter().map(|n| n.published_at.unwrap()).collect();
    assert!(times.windows(2).all(|t| t[0] >= t[1]), "newest first");
    for kind in [
        "PROFILE_VIEW",
        "COMMENTED_ON_YOUR_POST",
        "REACTED_TO_YOUR_POST",
    ] {
        assert!(every.iter().any(|n| n.kind == kind), "a {kind}");
    }
    for n in &every {
        assert_eq!(n.read, Some(false), "a generated world has read nothing");
        assert!(n.urn.starts_with("urn:li:fsd_notificationCard:("));
        assert_eq!(n.raw()["entityUrn"], n.urn.as_str());
        let actor = n.actor.as_ref().unwrap();
        let person = w
            .people
            .iter()
            .find(|p| Some(p.profile_id.as_str()) == actor.profile_id.as_deref())
            .unwrap();
        assert_eq!(actor.name.as_deref(), Some(person.full_name().as_str()));
        assert_eq!(actor.public_id.as_deref(), Some(person.public_id.as_str()));
        assert!(
            n.headline.starts_with(&person.full_name()),
            "{}",
            n.headline
        );
        assert!(n.target_url.is_some() && n.target_urn.is_some());
        assert_eq!(n.kind == "COMMENTED_ON_YOUR_POST", n.text.is_some());
    }
    let comment = every
        .iter()
        .find(|n| n.kind == "COMMENTED_ON_YOUR_POST")
        .unwrap();
    let words = comment.text.as_deref().unwrap();
    assert!(
        w.posts
            .iter()
            .filter(|p| p.author == Author::Person(0))
            .flat_map(|p| &p.comments)
            .any(|c| c.text == words),
        "a comment's own words"
    );
}

#[tokio::test]
async fn a_notification_marked_read_reads_read() {
    let f = common::start().await;
    let before = all(&f).await;
    let target = before[3].urn.clone();

    let mark = f.mark();
    f.linkedin.mark_notification_read(&target).await.unwrap();
    f.snapshot("notifications_mark_notification_read", mark, &());

    let after = all(&f).await;
    assert_eq!(after.len(), before.len());
    for n in &after {
        assert_eq!(n.read, Some(n.urn == target), "{}", n.urn);
    }
    // Again: nothing changes, and nothing fails.
    f.linkedin.mark_notification_read(&target).await.unwrap();
}

#[tokio::test]
async fn marking_what_is_no_notification_is_refused() {
    let f = common::start().await;
    let mark = f.mark();
    for bad in ["", "urn:li:activity:7028123456789012345", "not a urn"] {
        let e = f.linkedin.mark_notification_read(bad).await.unwrap_err();
        assert!(
            matches!(
                e,
                Error::InvalidInput {
                    field: "notification",
                    ..
                }
            ),
            "{e:?}"
        );
    }
    assert_eq!(f.mark(), mark, "nothing sent");
    let e = f
        .linkedin
        .mark_notification_read(
            "urn:li:fsd_notificationCard:(PROFILE_VIEW,urn:li:uniqueSuffix:(urn:li:none,1))",
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
}

#[tokio::test]
async fn network_counts_are_the_worlds() {
    let f = common::start().await;
    let w = world();
    let mark = f.mark();
    let counts = f.linkedin.network_counts().await.unwrap();
    f.snapshot("notifications_network_counts", mark, &counts);

    let received = w.invitations.iter().filter(|i| i.to == 0).count() as u64;
    let sent = w.invitations.iter().filter(|i| i.from == 0).count() as u64;
    let connections = w
        .connections
        .iter()
        .filter(|&&(a, b)| a == 0 || b == 0)
        .count() as u64;
    assert_eq!(counts.pending_invitations, Some(received));
    assert_eq!(counts.unseen_invitations, Some(received));
    assert_eq!(counts.sent_invitations, Some(sent));
    assert_eq!(counts.connections, Some(connections));
    assert!(counts.network_notifications > 0);
    assert_eq!(
        counts.raw()["myNetworkNotifications"]["paging"]["total"],
        counts.network_notifications
    );

    // Accepting an invitation moves two of them.
    let invitation = f.linkedin.invitations().try_next().await.unwrap().unwrap();
    f.linkedin.accept_invitation(&invitation).await.unwrap();
    let after = f.linkedin.network_counts().await.unwrap();
    assert_eq!(after.pending_invitations, Some(received - 1));
    assert_eq!(after.connections, Some(connections + 1));
}

/// Someone reacting to the demo account's post: a member logged in with their own session
/// reacts to a post the demo account just published, and the demo account's newest
/// notification is that reaction, by that member, on that post; their comment is one too.
#[tokio::test]
async fn a_reaction_to_ones_post_is_a_notification() {
    use linkedin_api::{Linkedin, Login, NewPost, ReactionType};
    let f = common::start().await;
    let w = world();
    let created = f
        .linkedin
        .create_post(&NewPost::new("A post for others to react to."))
        .await
        .unwrap();
    let post = created.urn.clone().unwrap();
    let friend = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let c = f.sandbox.member_cookies(&friend.public_id).unwrap();
    let them = Linkedin::builder()
        .base_url(f.sandbox.base_url())
        .login(Login::cookies(c.li_at, c.jsessionid))
        .build()
        .await
        .unwrap();
    them.react_to_post(&post, ReactionType::Praise)
        .await
        .unwrap();

    let newest = common::collect_all(f.linkedin.notifications().limit(1)).await;
    let n = &newest[0];
    assert_eq!(n.kind, "REACTED_TO_YOUR_POST", "{n:?}");
    assert_eq!(
        n.actor.as_ref().and_then(|a| a.public_id.as_deref()),
        Some(friend.public_id.as_str())
    );
    let on_post = |n: &Notification| {
        n.urn.contains(post.trim_start_matches("urn:li:"))
            || n.target_urn.as_deref().is_some_and(|t| t.contains(&post))
    };
    assert!(on_post(n), "{n:?}");

    them.comment_on_post(&post, &NewPost::new("Nice one."))
        .await
        .unwrap();
    let newest = common::collect_all(f.linkedin.notifications().limit(1)).await;
    assert_eq!(newest[0].kind, "COMMENTED_ON_YOUR_POST", "{:?}", newest[0]);
    assert!(on_post(&newest[0]), "{:?}", newest[0]);
}
