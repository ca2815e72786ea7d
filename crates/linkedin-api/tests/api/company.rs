//! Companies and schools against the sandbox: pages, updates (paged), following and
//! unfollowing.
use crate::common;

use futures::TryStreamExt;
use linkedin_api::Error;
use linkedin_api::Post;
use linkedin_api::models::Raw;
use linkedin_sandbox::world::{Author, World, generate};

fn world() -> World {
    generate(linkedin_sandbox::WORLD_SEED)
}

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

#[tokio::test]
async fn company_reads_the_page_by_universal_name() {
    let f = common::start().await;
    let w = world();
    let mark = f.mark();
    let company = f.linkedin.company("linkedin").await.unwrap();
    f.snapshot("company_company", mark, &company);
    let want = w.companies.iter().find(|c| c.id == 1337).unwrap();
    assert_eq!(company.name, "LinkedIn");
    assert_eq!(company.id(), Some(1337));
    assert_eq!(company.industry(), Some(want.industry.as_str()));
    assert_eq!(
        company.description.as_deref(),
        Some(want.description.as_str())
    );
    assert_eq!(company.staff_count, Some(u64::from(want.staff_count)));
    assert!(!company.is_school());
    let following = company.following_info.as_ref().unwrap();
    assert!(!following.following);
    assert_eq!(following.follower_count, Some(u64::from(want.followers)));
    assert_eq!(
        company.following_state_urn(),
        Some("urn:li:fsd_followingState:urn:li:fsd_company:1337")
    );
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["query"]["universalName"], "linkedin");
}

#[tokio::test]
async fn school_reads_a_school_page() {
    let f = common::start().await;
    let mark = f.mark();
    let school = f.linkedin.school("university-of-queensland").await.unwrap();
    f.snapshot("company_school", mark, &school);
    assert_eq!(school.name, "The University of Queensland");
    assert!(school.is_school());
}

#[tokio::test]
async fn unknown_and_invalid_pages() {
    let f = common::start().await;
    let err = f.linkedin.company("no-such-company").await.unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { what } if what.contains("no-such-company")),
        "{err}"
    );
    let err = f.linkedin.school("no-such-school").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");

    let mark = f.mark();
    for bad in ["", "x", "two words", "a/b", "linked(in)"] {
        let err = f.linkedin.company(bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "universal_name",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    assert!(f.sent_since(mark).is_empty());
}

#[tokio::test]
async fn company_updates_stream_the_company_posts() {
    let f = common::start().await;
    let w = world();
    let expected = posts_of(&w, "stonebridge-consulting");
    assert_eq!(expected.len(), 2);

    let mark = f.mark();
    let updates: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.company_updates("stonebridge-consulting")).await;
    f.snapshot("company_company_updates", mark, &updates);
    let texts: Vec<&str> = updates.iter().map(|u| u.text.as_deref().unwrap()).collect();
    assert_eq!(texts, expected);
    for update in &updates {
        assert_eq!(update.author_name, "Stonebridge Consulting");
        assert!(update.urn.starts_with("urn:li:activity:"));
    }
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "one page of 100 holds them");
    assert_eq!(sent[0]["query"]["count"], "100");
}

#[tokio::test]
async fn company_updates_page_by_the_page_size_and_stop_at_the_limit() {
    let f = common::start().await;
    let w = world();
    let expected = posts_of(&w, "stonebridge-consulting");

    // Pages of one: two pages, the second starting where the first ended.
    let mark = f.mark();
    let updates: Vec<Raw<Post>> = common::collect_all(
        f.linkedin
            .company_updates("stonebridge-consulting")
            .page_size(1),
    )
    .await;
    let texts: Vec<&str> = updates.iter().map(|u| u.text.as_deref().unwrap()).collect();
    assert_eq!(texts, expected);
    let starts: Vec<String> = f
        .sent_since(mark)
        .iter()
        .map(|r| {
            assert_eq!(r["query"]["count"], "1");
            r["query"]["start"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(starts, ["0", "1"], "no page is asked past the total");

    // A limit fetches only the pages it needs.
    let mark = f.mark();
    let first: Vec<Raw<Post>> = common::collect_all(
        f.linkedin
            .company_updates("stonebridge-consulting")
            .page_size(1)
            .limit(1),
    )
    .await;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].text.as_deref(), Some(expected[0].as_str()));
    assert_eq!(f.sent_since(mark).len(), 1);

    // A company without posts: nothing, in one request.
    let quiet = w
        .companies
        .iter()
        .find(|c| posts_of(&w, &c.universal_name).is_empty())
        .unwrap();
    let none: Vec<Raw<Post>> =
        common::collect_all(f.linkedin.company_updates(&quiet.universal_name)).await;
    assert!(none.is_empty());
}

#[tokio::test]
async fn company_updates_report_bad_input_and_unknown_companies() {
    let f = common::start().await;
    let mark = f.mark();
    for (name, size, field) in [
        ("two words", 10, "universal_name"),
        ("linkedin", 0, "page_size"),
        ("linkedin", 101, "page_size"),
    ] {
        let err = f
            .linkedin
            .company_updates(name)
            .page_size(size)
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { field: f, .. } if f == field),
            "{name} {size}: {err}"
        );
    }
    assert!(f.sent_since(mark).is_empty());

    let err = f
        .linkedin
        .company_updates("no-such-company")
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}

#[tokio::test]
async fn follow_and_unfollow_change_the_following_state() {
    let f = common::start().await;
    let company = f.linkedin.company("linkedin").await.unwrap();
    let state = company.following_state_urn().unwrap().to_owned();
    let following = |page: &linkedin_api::models::Raw<linkedin_api::models::company::Company>| {
        page.following_info.as_ref().unwrap().following
    };

    let mark = f.mark();
    f.linkedin.follow(&state).await.unwrap();
    f.snapshot("company_follow", mark, &());
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "a write is sent once");
    assert_eq!(sent[0]["body"]["patch"]["$set"]["following"], true);
    assert!(following(&f.linkedin.company("linkedin").await.unwrap()));

    // Unfollow by the page's following info URN: the same following state, set to false.
    let page = f.linkedin.company("linkedin").await.unwrap();
    let info = page
        .following_info
        .as_ref()
        .unwrap()
        .entity_urn
        .clone()
        .unwrap();
    let mark = f.mark();
    f.linkedin.unfollow(&info).await.unwrap();
    f.snapshot("company_unfollow", mark, &());
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["patch"]["$set"]["following"], false);
    // A URN path key goes raw, as the web app sends it.
    assert!(
        sent[0]["path"].as_str().unwrap().ends_with(state.as_str()),
        "{}",
        sent[0]["path"]
    );
    assert!(!following(&f.linkedin.company("linkedin").await.unwrap()));

    // By the company's URN, both ways; unfollowing again is no error.
    f.linkedin.follow("urn:li:company:1337").await.unwrap();
    assert!(following(&f.linkedin.company("linkedin").await.unwrap()));
    f.linkedin
        .unfollow("urn:li:fsd_company:1337")
        .await
        .unwrap();
    f.linkedin.unfollow("urn:li:company:1337").await.unwrap();
    assert!(!following(&f.linkedin.company("linkedin").await.unwrap()));
}

#[tokio::test]
async fn a_member_is_unfollowed_through_the_unfollow_action() {
    let f = common::start().await;
    let w = world();
    let member = format!("urn:li:fsd_profile:{}", w.people[5].profile_id);
    let mark = f.mark();
    f.linkedin.unfollow(&member).await.unwrap();
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0]["body"]["urn"],
        format!("urn:li:fs_followingInfo:{member}")
    );
}

#[tokio::test]
async fn following_refuses_bad_urns_and_reports_unknown_entities() {
    let f = common::start().await;
    let mark = f.mark();
    for bad in [
        "",
        "linkedin",
        "urn:li:company:linkedin",
        "urn:li:fsd_followingState:1337",
        "urn:li:member:1",
    ] {
        let err = f.linkedin.follow(bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "entity",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    for bad in ["", "1337", "urn:li:activity:1", "not a urn"] {
        let err = f.linkedin.unfollow(bad).await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "entity",
                    ..
                }
            ),
            "{bad}: {err}"
        );
    }
    assert!(f.sent_since(mark).is_empty());

    let err = f.linkedin.follow("urn:li:company:1").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
    let err = f.linkedin.unfollow("urn:li:company:1").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}
