//! Posts and the feed against the sandbox: a member's posts (start and paginationToken), the
//! feed with and without its promoted posts, comments (refused: LinkedIn answers them 500),
//! reactions (pages), reacting, and what is refused before anything is sent.

use crate::common;
use linkedin_api::models::Raw;

use futures::TryStreamExt;
use linkedin_api::{Error, Position, Post, Reaction, ReactionType};
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::{self, Author, World};
use linkedin_sandbox::{Faults, WORLD_SEED};
use serde_json::json;

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// The demo account's organic feed, newest first: its connections' posts and the companies'
/// unpromoted posts.
fn organic_feed(w: &World) -> Vec<u64> {
    w.posts
        .iter()
        .filter(|p| w.in_organic_feed(0, p))
        .map(|p| p.activity_id)
        .collect()
}

/// A member's own posts, newest first.
fn posts_of(w: &World, person: usize) -> Vec<&world::Post> {
    w.posts
        .iter()
        .filter(|p| p.author == Author::Person(person) && !p.promoted)
        .collect()
}

/// The sandbox's `paginationToken` for the page after `post` (opaque to the client; the
/// sandbox makes it the base64 of the activity URN).
fn token_after(post: &world::Post) -> String {
    let text = format!("urn:li:activity:{}", post.activity_id);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(alphabet[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[tokio::test]
async fn a_members_posts_come_newest_first() {
    let f = common::start().await;
    let w = world();
    let me = f.linkedin.me().await.unwrap();
    let expected = posts_of(&w, 0);
    assert!(expected.len() >= 3);

    let mark = f.mark();
    let posts: Vec<Raw<Post>> = common::collect_all(f.linkedin.profile_posts(&me.profile_id)).await;
    assert_eq!(posts.len(), expected.len());
    for (got, want) in posts.iter().zip(&expected) {
        assert_eq!(got.urn, format!("urn:li:activity:{}", want.activity_id));
        assert_eq!(got.activity_id, want.activity_id.to_string());
        assert_eq!(got.text.as_deref(), Some(want.text.as_str()));
        assert_eq!(got.author_name, "Dana Moreau");
        assert!(!got.promoted);
        assert!(got.age.is_some());
        assert_eq!(
            got.url,
            format!(
                "https://www.linkedin.com/feed/update/urn:li:activity:{}/",
                want.activity_id
            )
        );
    }
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "one page holds them");
    let vars = &sent[0]["query"]["variables"];
    assert_eq!(vars["profileUrn"], me.profile_urn());
    assert_eq!(
        (vars["start"].as_str(), vars["count"].as_str()),
        (Some("0"), Some("20"))
    );
    assert!(
        vars.get("paginationToken").is_none(),
        "none on the first page"
    );

    let mark = f.mark();
    let two: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.profile_posts(me.profile_urn()).limit(2)).await;
    f.snapshot("feed_profile_posts", mark, &two);

    // A later page sends back the token the page before it gave, with its offset.
    let mark = f.mark();
    let rest: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.profile_posts(&me.profile_id).resume(
            Position::Token {
                start: 2,
                token: Some(token_after(expected[1])),
            },
            0,
        ))
        .await;
    assert_eq!(rest.len(), expected.len() - 2);
    assert_eq!(rest[0].activity_id, expected[2].activity_id.to_string());
    let vars = &f.sent_since(mark)[0]["query"]["variables"];
    assert_eq!(vars["start"], "2");
    assert_eq!(vars["paginationToken"], token_after(expected[1]));

    // A token that is not the one LinkedIn gave is refused by LinkedIn.
    let mut wrong = f.linkedin.profile_posts(&me.profile_id).resume(
        Position::Token {
            start: 2,
            token: Some(token_after(expected[0])),
        },
        0,
    );
    assert!(wrong.try_next().await.is_err());
}

#[tokio::test]
async fn posts_of_unknown_or_silent_members() {
    let f = common::start().await;
    let w = world();
    let silent = (1..w.people.len())
        .find(|&p| posts_of(&w, p).is_empty())
        .unwrap();
    let none: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.profile_posts(&w.people[silent].profile_id)).await;
    assert!(none.is_empty());
    let err = common::first_error(
        f.linkedin
            .profile_posts("ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"),
    )
    .await;
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn the_feed_leaves_promoted_posts_out_when_asked() {
    let f = common::start().await;
    let w = world();

    // Pages of 20 (the catalogue records no largest page of the main feed: 20 by default).
    let mark = f.mark();
    let organic: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.feed_posts(true).page_size(20)).await;
    let expected = organic_feed(&w);
    assert!(expected.len() > 20, "several pages");
    assert_eq!(
        organic
            .iter()
            .map(|p| p.activity_id.clone())
            .collect::<Vec<_>>(),
        expected.iter().map(u64::to_string).collect::<Vec<_>>()
    );
    assert!(organic.iter().all(|p| !p.promoted));
    for p in &organic {
        let want = w
            .posts
            .iter()
            .find(|x| x.activity_id.to_string() == p.activity_id)
            .unwrap();
        assert_eq!(p.author_name, w.author_name(want));
        assert_eq!(p.text.as_deref(), Some(want.text.as_str()));
    }
    let sent = f.sent_since(mark);
    assert!(sent.len() >= 3, "{}", sent.len());
    // The 2026 main feed (the web app's query), its first page without a token, each later
    // one with the token the page before gave.
    let first = &sent[0]["query"]["variables"];
    assert_eq!(
        sent[0]["query"]["queryId"],
        endpoints::FEED_MAIN.query_id.unwrap()
    );
    assert_eq!(
        (&first["start"], &first["count"]),
        (&json!("0"), &json!("20"))
    );
    assert!(first.get("paginationToken").is_none(), "{first}");
    assert_eq!(first["sortOrder"], "MEMBER_SETTING");
    let second = &sent[1]["query"]["variables"];
    assert_eq!(
        (&second["start"], &second["count"]),
        (&json!("20"), &json!("20"))
    );
    let token = second["paginationToken"].as_str().expect("a token");
    assert!(
        token.starts_with(&format!("{}-", w.people[0].member_id)),
        "{token}"
    );

    // Kept, the ads come in LinkedIn's order, marked; by default in pages of 20.
    let mark = f.mark();
    let all: Vec<Raw<Post>> = common::collect_all(f.linkedin.feed_posts(false)).await;
    let sent = f.sent_since(mark);
    assert_eq!(sent[0]["query"]["variables"]["count"], "20");
    assert_eq!(sent.len(), all.len().div_ceil(20));
    let ads: Vec<&Raw<Post>> = all.iter().filter(|p| p.promoted).collect();
    assert!(!ads.is_empty());
    assert_eq!(all.len(), organic.len() + ads.len());
    assert!(ads.iter().all(|p| p.age.is_none()));
    assert!(
        all[..5].iter().any(|p| p.promoted),
        "an ad after four posts"
    );

    let mark = f.mark();
    let five: Vec<Raw<Post>> = common::collect_all(f.linkedin.feed_posts(false).limit(5)).await;
    f.snapshot("feed_feed_posts", mark, &five);
}

/// The comments come from the 2026 GraphQL query (`post_comments_dash`), every page, oldest
/// first, with their authors; a post without comments is an empty stream, an unknown one
/// `NotFound`.
#[tokio::test]
async fn comments_page_through_the_2026_query() {
    let f = common::start().await;
    let w = world();
    let busy = w
        .posts
        .iter()
        .filter(|p| !p.promoted)
        .max_by_key(|p| p.comments.len())
        .unwrap();
    let mark = f.mark();
    let first = common::collect_all(
        f.linkedin
            .post_comments(&format!("urn:li:activity:{}", busy.activity_id))
            .page_size(2)
            .limit(2),
    )
    .await;
    f.snapshot("feed_post_comments", mark, &first);
    let all = common::collect_all(
        f.linkedin
            .post_comments(&busy.activity_id.to_string())
            .page_size(3),
    )
    .await;
    assert_eq!(all.len(), busy.comments.len());
    for (got, want) in all.iter().zip(&busy.comments) {
        assert_eq!(got.text, want.text);
        assert_eq!(got.id.as_deref(), Some(want.id.to_string().as_str()));
        let author = got.author.as_ref().unwrap();
        assert_eq!(
            author.profile_id.as_deref(),
            Some(w.people[want.author].profile_id.as_str())
        );
    }
    let quiet = w
        .posts
        .iter()
        .find(|p| p.comments.is_empty() && !p.promoted)
        .unwrap();
    assert!(
        common::collect_all(f.linkedin.post_comments(&quiet.activity_id.to_string()))
            .await
            .is_empty()
    );
    let err = common::first_error(f.linkedin.post_comments("7000000000000000001")).await;
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

/// The reactions of a post through the 2026 reactors-list query: pages by `start` (50 by
/// default, fewer when asked), the post's activity URN in the variables; one type alone with
/// the query's `reactionType`.
#[tokio::test]
async fn reactions_page_by_start_and_filter_by_type() {
    let f = common::start().await;
    let w = world();
    let liked = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    assert!(liked.reactions.len() > 20);
    let update = format!(
        "urn:li:fs_updateV2:(urn:li:activity:{},MAIN_FEED,EMPTY,DEFAULT,false)",
        liked.activity_id
    );

    let mark = f.mark();
    let all: Vec<Raw<Reaction>> =
        common::collect_all(f.linkedin.post_reactions(&update).page_size(10)).await;
    assert_eq!(all.len(), liked.reactions.len());
    for (got, want) in all.iter().zip(&liked.reactions) {
        assert_eq!(got.reaction_type.as_str(), want.kind);
        let p = &w.people[want.person];
        assert_eq!(got.name, format!("{} {}", p.first_name, p.last_name));
        assert_eq!(
            got.reactor_profile_id.as_deref(),
            Some(p.profile_id.as_str())
        );
    }
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), liked.reactions.len().div_ceil(10));
    assert_eq!(
        sent[0]["query"]["queryId"],
        endpoints::POST_REACTIONS_DASH.query_id.unwrap()
    );
    let vars = &sent[0]["query"]["variables"];
    assert_eq!(
        vars["threadUrn"],
        format!("urn:li:activity:{}", liked.activity_id)
    );
    assert!(vars.get("reactionType").is_none(), "{vars}");
    assert_eq!(sent[1]["query"]["variables"]["start"], "10");

    // By default one page of 50 holds them all.
    let mark = f.mark();
    let again = common::collect_all(f.linkedin.post_reactions(&update)).await;
    assert_eq!(again.len(), all.len());
    let sent = f.sent_since(mark);
    assert_eq!(sent[0]["query"]["variables"]["count"], "50");
    assert_eq!(sent.len(), liked.reactions.len().div_ceil(50));

    // One type: exactly the post's reactions of that type, in order.
    let kind = &liked.reactions[0].kind;
    let reaction: ReactionType = serde_json::from_value(json!(kind)).unwrap();
    let mark = f.mark();
    let of_type: Vec<Raw<Reaction>> =
        common::collect_all(f.linkedin.post_reactions_of_type(&update, reaction.clone())).await;
    let want: Vec<&str> = liked
        .reactions
        .iter()
        .filter(|r| &r.kind == kind)
        .map(|r| w.people[r.person].profile_id.as_str())
        .collect();
    let got: Vec<&str> = of_type
        .iter()
        .map(|r| r.reactor_profile_id.as_deref().unwrap())
        .collect();
    assert_eq!(got, want);
    assert!(want.len() < liked.reactions.len(), "a filter that filters");
    assert_eq!(
        f.sent_since(mark)[0]["query"]["variables"]["reactionType"],
        kind.as_str()
    );
    let err = common::first_error(
        f.linkedin
            .post_reactions_of_type(&update, ReactionType::Other("HUG".into())),
    )
    .await;
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");

    // A limit asks only for the pages it needs.
    let mark = f.mark();
    let three: Vec<Raw<Reaction>> = common::collect_all(
        f.linkedin
            .post_reactions(&liked.activity_id.to_string())
            .limit(3),
    )
    .await;
    f.snapshot("feed_post_reactions", mark, &three);
    assert_eq!(f.sent_since(mark).len(), 1);
}

#[tokio::test]
async fn a_reaction_is_set_then_changed() {
    let f = common::start().await;
    let w = world();
    let me = f.linkedin.me().await.unwrap();
    let post = &w.posts[3];
    let urn = format!("urn:li:activity:{}", post.activity_id);

    let mark = f.mark();
    f.linkedin
        .react_to_post(&urn, ReactionType::Praise)
        .await
        .unwrap();
    f.snapshot("feed_react_to_post", mark, &());
    let mine = |all: Vec<Raw<Reaction>>| {
        all.into_iter()
            .filter(|r| r.reactor_profile_id.as_deref() == Some(me.profile_id.as_str()))
            .collect::<Vec<_>>()
    };
    let first: Vec<Raw<Reaction>> = common::collect_all(f.linkedin.post_reactions(&urn)).await;
    let first = mine(first);
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].reaction_type, ReactionType::Praise);

    f.linkedin
        .react_to_post(&post.activity_id.to_string(), ReactionType::Like)
        .await
        .unwrap();
    let again = mine(f.linkedin.post_reactions(&urn).try_collect().await.unwrap());
    assert_eq!(again.len(), 1, "changed, not added");
    assert_eq!(again[0].reaction_type, ReactionType::Like);

    let err = f
        .linkedin
        .react_to_post("7000000000000000001", ReactionType::Like)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

/// Taking a reaction back: the delete mutation with the post and the type (looked up when not
/// given), the reaction gone from the post's reactions; none to take back is not found, a
/// lost answer is read back, sent once.
#[tokio::test]
async fn a_reaction_is_taken_back() {
    let f = common::start().await;
    let w = world();
    let me = f.linkedin.me().await.unwrap();
    let post = &w.posts[5];
    let urn = format!("urn:li:activity:{}", post.activity_id);
    let mine = |f: &common::Fixture| {
        let (f, urn, me) = (f.linkedin.clone(), urn.clone(), me.profile_id.clone());
        async move {
            let all: Vec<Raw<Reaction>> = f.post_reactions(&urn).try_collect().await.unwrap();
            all.into_iter()
                .filter(|r| r.reactor_profile_id.as_ref() == Some(&me))
                .count()
        }
    };
    f.linkedin
        .react_to_post(&urn, ReactionType::Interest)
        .await
        .unwrap();
    assert_eq!(mine(&f).await, 1);

    let mark = f.mark();
    f.linkedin.remove_reaction(&urn, None).await.unwrap();
    let sent = f.sent_since(mark);
    let delete = sent.last().unwrap();
    assert_eq!(delete["method"], "POST");
    assert_eq!(delete["query"]["action"], "execute");
    assert_eq!(
        delete["query"]["queryId"],
        endpoints::POST_UNREACT_DASH.query_id.unwrap()
    );
    assert_eq!(delete["body"]["variables"]["threadUrn"], urn);
    assert_eq!(delete["body"]["variables"]["reactionType"], "INTEREST");
    assert_eq!(
        delete["body"]["queryName"],
        "DoDeleteReactionSocialDashReactions"
    );
    assert_eq!(mine(&f).await, 0);
    f.snapshot("feed_remove_reaction", mark, &());

    // None left: not found before sending the mutation; a given type LinkedIn refuses.
    let mark = f.mark();
    let err = f.linkedin.remove_reaction(&urn, None).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    assert!(f.sent_since(mark).iter().all(|r| r["method"] == "GET"));
    let err = f
        .linkedin
        .remove_reaction(&urn, Some(ReactionType::Like))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Refused { .. }), "{err:?}");
    let err = f
        .linkedin
        .remove_reaction(&urn, Some(ReactionType::Other("HUG".into())))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");

    // The answer lost: read back, done, sent once.
    let f = common::start_with(Faults {
        lose_answers_to: Some("POST /voyager/api/graphql".to_owned()),
        ..Faults::default()
    })
    .await;
    let react = f.linkedin.react_to_post(&urn, ReactionType::Like).await;
    assert!(react.is_ok(), "read back: {react:?}");
    let mark = f.mark();
    f.linkedin
        .remove_reaction(&urn, Some(ReactionType::Like))
        .await
        .unwrap();
    let posts = f
        .sent_since(mark)
        .iter()
        .filter(|r| r["method"] == "POST")
        .count();
    assert_eq!(posts, 1, "sent once");
    assert_eq!(mine(&f).await, 0);
}

#[tokio::test]
async fn bad_posts_and_reactions_are_refused_before_anything_is_sent() {
    let f = common::start().await;
    let mark = f.mark();
    assert!(matches!(
        f.linkedin
            .react_to_post("7028123456789012345", ReactionType::Other("WOW".into()))
            .await,
        Err(Error::InvalidInput {
            field: "reaction",
            ..
        })
    ));
    assert!(matches!(
        f.linkedin
            .react_to_post("urn:li:share:1", ReactionType::Like)
            .await,
        Err(Error::InvalidInput { field: "post", .. })
    ));
    assert!(matches!(
        f.linkedin.post_comments("not a post").try_next().await,
        Err(Error::InvalidInput { field: "post", .. })
    ));
    assert!(matches!(
        f.linkedin.post_reactions("").try_next().await,
        Err(Error::InvalidInput { field: "post", .. })
    ));
    assert!(matches!(
        f.linkedin.profile_posts("dana moreau").try_next().await,
        Err(Error::InvalidInput {
            field: "profile",
            ..
        })
    ));
    assert!(f.sent_since(mark).is_empty(), "{:?}", f.sent_since(mark));
}
