//! The touch API client against the sandbox: logins (password on the login host then the
//! touch host, cookies, bad password, challenge), every method with facts of the sandbox's
//! world, arguments refused before sending, and the iPhone app's headers on the wire.

use crate::common;

use linkedin_api::models::touch::{ContextType, MailboxItemKind, NotificationKind};
use linkedin_api::touch::Touch;
use linkedin_api::{Error, Login};
use linkedin_sandbox::world::{Author, World, generate};
use linkedin_sandbox::{CHALLENGE_USERNAME, WORLD_SEED};

/// The demo account's member id.
const DEMO_ID: &str = "470926337";

/// The sandbox's world.
fn world() -> World {
    generate(WORLD_SEED)
}

/// A sandbox (with its Voyager client, unused here) and a touch client logged in to it with
/// the demo account's password; both base URLs are the sandbox's.
async fn start() -> (common::Fixture, Touch) {
    let f = common::start().await;
    let touch = builder(&f)
        .login(Login::password(
            common::DEMO_USERNAME,
            common::DEMO_PASSWORD,
        ))
        .build()
        .await
        .unwrap();
    (f, touch)
}

fn builder(f: &common::Fixture) -> linkedin_api::touch::TouchBuilder {
    Touch::builder()
        .base_url(f.sandbox.base_url())
        .login_base_url(f.sandbox.base_url())
}

/// The error of building a touch client that logs in with `login`.
async fn login_error(f: &common::Fixture, login: Login) -> Error {
    builder(f).login(login).build().await.unwrap_err()
}

fn member_id(w: &World, i: usize) -> String {
    w.people[i].member_id.to_string()
}

fn connections_of(w: &World, i: usize) -> usize {
    w.connections
        .iter()
        .filter(|&&(a, b)| a == i || b == i)
        .count()
}

#[tokio::test]
async fn a_password_login_runs_on_the_login_host_with_the_iphone_headers() {
    let f = common::start().await;
    let mark = f.mark();
    let touch = builder(&f)
        .login(Login::password(
            common::DEMO_USERNAME,
            common::DEMO_PASSWORD,
        ))
        .build()
        .await
        .unwrap();
    let sent = &f.sandbox.requests()[mark..];
    let paths: Vec<(&str, &str)> = sent
        .iter()
        .map(|r| (r.method.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            ("GET", "/uas/authenticate"),
            ("POST", "/uas/authenticate"),
            ("GET", "/li/v1/people/person"),
        ]
    );
    let header = |r: &linkedin_sandbox::RequestRecord, name: &str| {
        r.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    for r in sent {
        assert_eq!(
            header(r, "x-li-user-agent").as_deref(),
            Some("LIAuthLibrary:3.2.4 com.linkedin.LinkedIn:8.8.1 iPhone:8.3"),
            "{r:?}"
        );
        assert_eq!(
            header(r, "user-agent").as_deref(),
            Some(linkedin_transport::TOUCH_USER_AGENT)
        );
        assert!(header(r, "x-li-track").is_none(), "{r:?}");
    }
    assert!(sent[2].cookies.iter().any(|c| c == "li_at"));

    let mark = f.mark();
    let me = touch.person().await.unwrap();
    assert_eq!(me.id, DEMO_ID);
    let r = &f.sandbox.requests()[mark];
    assert_eq!(
        header(r, "x-li-user-agent").as_deref(),
        Some("LIAuthLibrary:3.2.4 com.linkedin.LinkedIn:8.8.1 iPhone:8.3")
    );
}

#[tokio::test]
async fn browser_cookies_log_in_on_the_touch_host_alone() {
    let f = common::start().await;
    let cookies = f.sandbox.demo_cookies().clone();
    let mark = f.mark();
    let touch = builder(&f)
        .login(Login::cookies(cookies.li_at, cookies.jsessionid))
        .build()
        .await
        .unwrap();
    let paths: Vec<String> = f.sandbox.requests()[mark..]
        .iter()
        .map(|r| r.path.clone())
        .collect();
    assert_eq!(paths, ["/li/v1/people/person"]);
    assert_eq!(touch.person().await.unwrap().first_name, "Dana");

    f.sandbox.expire_sessions();
    let cookies = f.sandbox.demo_cookies().clone();
    let err = login_error(&f, Login::cookies(cookies.li_at, cookies.jsessionid)).await;
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_transport::Error::SessionExpired)
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_bad_password_and_a_challenge_are_typed_errors() {
    let f = common::start().await;
    let err = login_error(&f, Login::password(common::DEMO_USERNAME, "wrong")).await;
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_transport::Error::BadCredentials)
        ),
        "{err:?}"
    );

    let err = login_error(&f, Login::password(CHALLENGE_USERNAME, "anything")).await;
    let Error::Transport(linkedin_transport::Error::Challenge { url }) = &err else {
        panic!("{err:?}");
    };
    assert!(
        url.starts_with(&format!("{}/checkpoint/challenge/", f.sandbox.base_url())),
        "{url}"
    );

    let err = Touch::builder().build().await.unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "login", .. }),
        "{err:?}"
    );
    let err = login_error(&f, Login::saved("someone")).await;
    assert!(
        matches!(err, Error::InvalidInput { field: "login", .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn person_is_the_logged_in_member() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let me = touch.person().await.unwrap();
    assert_eq!(me.id, DEMO_ID);
    assert_eq!(
        (me.first_name.as_str(), me.last_name.as_str()),
        ("Dana", "Moreau")
    );
    assert_eq!(me.email.as_deref(), Some(w.people[0].email.as_str()));
    assert_eq!(me.distance, Some(0));
    assert_eq!(
        me.raw()["response"],
        serde_json::Value::Null,
        "raw is the person itself"
    );
    assert_eq!(me.raw()["formattedName"], "Dana Moreau");
    f.snapshot("touch_person", mark, &me);
}

#[tokio::test]
async fn my_page_has_the_person_and_background_sections() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let page = touch.my_page().await.unwrap();
    assert_eq!(page.person.t_type.as_deref(), Some("pt1"));
    assert_eq!(
        page.person.location.as_deref(),
        Some(w.people[0].location.as_str())
    );
    assert_eq!(
        page.person.industry.as_deref(),
        Some(w.people[0].industry.as_str())
    );
    let contexts: Vec<&ContextType> = page.detail.iter().map(|s| &s.context).collect();
    assert_eq!(
        contexts,
        [&ContextType::Experience1, &ContextType::Education1]
    );
    f.snapshot("touch_my_page", mark, &page);
}

#[tokio::test]
async fn profile_reads_the_top_card() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let card = touch.profile(DEMO_ID).await.unwrap();
    let dana = &w.people[0];
    assert_eq!(card.name, "Dana Moreau");
    assert_eq!(card.headline.as_deref(), Some(dana.headline.as_str()));
    assert_eq!(card.location.as_deref(), Some(dana.location.as_str()));
    assert_eq!(card.industry.as_deref(), Some(dana.industry.as_str()));
    assert_eq!(card.is_self, Some(true));
    assert_eq!(
        card.connections,
        Some(u32::try_from(connections_of(&w, 0)).unwrap())
    );
    assert_eq!(card.member_id.as_deref(), Some(DEMO_ID));
    let position = card.current_position.as_ref().unwrap();
    let current = dana.experiences.iter().find(|e| e.end.is_none()).unwrap();
    assert_eq!(position.title.as_deref(), Some(current.title.as_str()));
    assert_eq!(
        position.company.as_deref(),
        Some(w.companies[current.company].name.as_str())
    );
    assert_eq!(
        position.link.as_ref().unwrap().target_context_type,
        Some(ContextType::Experience1)
    );
    f.snapshot("touch_profile", mark, &card);

    let hub = touch.profile(&member_id(&w, 2)).await.unwrap();
    assert_eq!(hub.is_self, Some(false));
    assert_eq!(
        hub.connections,
        Some(u32::try_from(connections_of(&w, 2)).unwrap())
    );

    let err = touch.profile("1").await.unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { what } if what == "member 1"),
        "{err:?}"
    );

    let mark = f.mark();
    for bad in ["", "dana", "12a", "urn:li:member:470926337", "../me"] {
        let err = touch.profile(bad).await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { field: "id", .. }),
            "{bad}: {err:?}"
        );
    }
    assert!(f.sent_since(mark).is_empty());
}

#[tokio::test]
async fn connections_are_capped_by_count() {
    let w = world();
    let (f, touch) = start().await;
    let all = connections_of(&w, 0) as u64;
    let mark = f.mark();
    let five = touch.connections(DEMO_ID, 5).await.unwrap();
    assert_eq!(five.total, all);
    assert_eq!(five.people.len(), 5);
    assert!(five.people.iter().all(|p| p.distance == Some(1)));
    assert!(
        five.people
            .iter()
            .all(|p| p.t_type.as_deref() == Some("pt3"))
    );
    f.snapshot("touch_connections", mark, &five);

    let every = touch.connections(DEMO_ID, 5000).await.unwrap();
    assert_eq!(every.people.len() as u64, all);
    assert_eq!(every.count, Some(all));
    assert_eq!(every.people[..5], five.people[..]);

    let hub = touch.connections(&member_id(&w, 2), 3).await.unwrap();
    assert!(hub.total > 1000);
    assert_eq!(hub.people.len(), 3);

    let mark = f.mark();
    let err = touch.connections(DEMO_ID, 0).await.unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "count", .. }),
        "{err:?}"
    );
    let err = touch.connections("x", 5).await.unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "id", .. }),
        "{err:?}"
    );
    assert!(f.sent_since(mark).is_empty());
    let err = touch.connections("42", 5).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn background_lists_sections_and_filters_them() {
    let w = world();
    let (f, touch) = start().await;
    let p = &w.people[5];
    let id = member_id(&w, 5);
    let mark = f.mark();
    let sections = touch.background(&id, None).await.unwrap();
    f.snapshot("touch_background", mark, &sections);
    let experience = sections
        .iter()
        .find(|s| s.context == ContextType::Experience1)
        .unwrap();
    assert_eq!(experience.items.len(), p.experiences.len());
    assert_eq!(
        experience.items[0].title.as_deref(),
        Some(p.experiences[0].title.as_str())
    );
    assert_eq!(
        experience.items[0].organization.as_deref(),
        Some(w.companies[p.experiences[0].company].name.as_str())
    );
    assert_eq!(experience.raw()["contextType"], "experience1");

    let education = touch
        .background(&id, Some(ContextType::Education1))
        .await
        .unwrap();
    assert_eq!(education.len(), 1);
    assert_eq!(education[0].items.len(), p.education.len());
    assert_eq!(
        education[0].items[0].organization.as_deref(),
        Some(w.schools[p.education[0].school].name.as_str())
    );
    let patents = touch
        .background(&id, Some(ContextType::Patents1))
        .await
        .unwrap();
    assert!(patents.is_empty(), "the world has no patents");
}

#[tokio::test]
async fn endorsements_give_skills_counts_and_endorsers() {
    let w = world();
    let (f, touch) = start().await;
    let skills = touch.endorsements(DEMO_ID).await.unwrap();
    let names: Vec<&str> = skills.iter().map(|s| s.skill.as_str()).collect();
    assert_eq!(names, w.people[0].skills);
    assert!(skills.iter().any(|s| s.count > 0));
    assert!(skills.iter().any(|s| s.count > 10), "long lists are cut");
    for skill in &skills {
        assert_eq!(skill.endorsers.len(), (skill.count as usize).min(10));
        for e in &skill.endorsers {
            let i = w
                .people
                .iter()
                .position(|p| Some(p.member_id.to_string()) == e.member_id)
                .unwrap();
            assert!(w.connected(0, i));
            assert!(w.people[i].skills.contains(&skill.skill));
            assert!(!e.represents_current_user);
        }
    }

    let mark = f.mark();
    let smaller = touch.endorsements(&member_id(&w, 5)).await.unwrap();
    assert_eq!(smaller.len(), w.people[5].skills.len());
    f.snapshot("touch_endorsements", mark, &smaller);
}

#[tokio::test]
async fn the_mailbox_has_invitations_and_messages_with_paging() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let mailbox = touch.mailbox().await.unwrap();
    let received: Vec<_> = w.invitations.iter().filter(|i| i.to == 0).collect();
    let invitations = &mailbox.invitations;
    assert_eq!(invitations.total, received.len() as u64);
    assert_eq!((invitations.start, invitations.count), (0, 20));
    assert_eq!(invitations.items.len(), received.len().min(20));
    let first = &invitations.items[0];
    assert_eq!(first.kind, MailboxItemKind::Invitation);
    assert_eq!(first.id, format!("I{}_500", received[0].id));
    assert_eq!(
        first.from.as_ref().unwrap().id,
        member_id(&w, received[0].from)
    );
    assert_eq!(first.body, received[0].message);
    assert_eq!(first.is_custom_message, Some(true));

    let messages = &mailbox.messages;
    assert!(messages.total > 20);
    assert_eq!(messages.items.len(), 20);
    assert!(messages.unread.unwrap() > 0);
    assert!(
        messages
            .items
            .iter()
            .all(|m| m.kind == MailboxItemKind::Message)
    );
    assert!(
        messages
            .items
            .windows(2)
            .all(|p| p[0].timestamp >= p[1].timestamp)
    );
    assert!(
        messages
            .items
            .iter()
            .all(|m| m.to.iter().any(|p| p.id == DEMO_ID))
    );
    f.snapshot("touch_mailbox", mark, &mailbox);
}

#[tokio::test]
async fn recommendations_come_from_colleagues() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let recommendations = touch.recommendations(DEMO_ID).await.unwrap();
    f.snapshot("touch_recommendations", mark, &recommendations);
    assert!(!recommendations.is_empty() && recommendations.len() <= 3);
    for r in &recommendations {
        let i = w
            .people
            .iter()
            .position(|p| Some(p.member_id.to_string()) == r.member_id)
            .unwrap();
        assert!(w.connected(0, i));
        assert_eq!(
            r.recommender,
            format!("{} {}", w.people[i].first_name, w.people[i].last_name)
        );
        assert!(r.text.as_deref().unwrap().contains("Dana"));
    }
    let err = touch.recommendations("7").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn notifications_tell_of_invitations_and_comments() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let notifications = touch.notifications().await.unwrap();
    f.snapshot("touch_notifications", mark, &notifications);
    let invitations = w.invitations.iter().filter(|i| i.to == 0).count();
    let comments = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0))
        .flat_map(|p| &p.comments)
        .filter(|c| c.author != 0)
        .count();
    assert_eq!(notifications.total, (invitations + comments) as u64);
    assert_eq!(notifications.items.len(), (invitations + comments).min(20));
    assert!(notifications.items.iter().all(|n| matches!(
        n.kind,
        NotificationKind::Invitation | NotificationKind::Comment
    )));
    assert!(
        notifications
            .items
            .iter()
            .filter(|n| n.kind == NotificationKind::Comment)
            .all(|n| n.activity_id.is_some() && n.detail.is_some())
    );
}

#[tokio::test]
async fn who_viewed_me_lists_the_viewers() {
    let w = world();
    let (f, touch) = start().await;
    let mark = f.mark();
    let views = touch.who_viewed_me().await.unwrap();
    f.snapshot("touch_who_viewed_me", mark, &views);
    let of_demo: Vec<_> = w.profile_views.iter().filter(|v| v.viewed == 0).collect();
    assert_eq!(views.total, of_demo.len() as u64);
    assert_eq!(views.viewers.len(), 20);
    let newest = of_demo.iter().max_by_key(|v| v.at).unwrap();
    assert_eq!(views.viewers[0].timestamp, Some(newest.at));
    assert_eq!(
        views.viewers[0].member_id,
        Some(member_id(&w, newest.viewer))
    );
    assert!(
        views
            .viewers
            .windows(2)
            .all(|p| p[0].timestamp >= p[1].timestamp)
    );
    let degrees = w.degrees_from(0);
    for v in &views.viewers {
        let i = w
            .people
            .iter()
            .position(|p| Some(p.member_id.to_string()) == v.member_id)
            .unwrap();
        assert_eq!(v.distance, Some(degrees[i].map_or(-1, |d| d as i32)));
    }
}
