//! Invitations and connections against the sandbox: received and sent invitations (pages),
//! accepting and rejecting, connection requests with a note, and what is refused or retired.

use crate::common;
use linkedin_api::models::Raw;

use futures::TryStreamExt;
use linkedin_api::{Error, Invitation, InvitationReply, Invited, validate};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// The world's invitations to (or from) the demo account, newest first.
fn of_demo(w: &World, received: bool) -> Vec<world::Invitation> {
    let mut out: Vec<_> = w
        .invitations
        .iter()
        .filter(|i| if received { i.to == 0 } else { i.from == 0 })
        .cloned()
        .collect();
    out.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    out
}

/// Someone neither connected to the demo account nor in an invitation with it (and not the
/// sandbox's other login account, `people[1]`).
fn stranger(w: &World) -> usize {
    (2..w.people.len())
        .find(|&p| !w.connected(0, p) && !w.invitations.iter().any(|i| i.from == p || i.to == p))
        .unwrap()
}

async fn received(f: &common::Fixture) -> Vec<Raw<Invitation>> {
    f.linkedin.invitations().try_collect().await.unwrap()
}

#[tokio::test]
async fn received_invitations_page_newest_first_with_their_secrets() {
    let f = common::start().await;
    let w = world();

    let mark = f.mark();
    let first: Vec<Raw<Invitation>> = common::collect_all(f.linkedin.invitations().limit(2)).await;
    f.snapshot("invitations_invitations", mark, &first);

    let mark = f.mark();
    let all = received(&f).await;
    let expected = of_demo(&w, true);
    assert!(expected.len() > 10, "more than one page of 10");
    assert!(expected.len() <= 100, "one page of the entry's max_count");
    assert_eq!(all.len(), expected.len());
    for (got, want) in all.iter().zip(&expected) {
        assert_eq!(got.id, want.id.to_string());
        assert_eq!(got.urn, format!("urn:li:fs_relInvitation:{}", want.id));
        assert_eq!(
            got.shared_secret.as_deref(),
            Some(want.shared_secret.as_str())
        );
        assert_eq!(got.message, want.message);
        assert_eq!(got.sent_at, Some(want.sent_at as i64));
        let from = got.from.as_ref().unwrap();
        assert_eq!(from.first_name, w.people[want.from].first_name);
        assert_eq!(
            from.profile_id.as_deref(),
            Some(w.people[want.from].profile_id.as_str())
        );
        assert_eq!(
            got.to.as_ref().unwrap().public_id.as_deref(),
            Some("demo-member")
        );
        assert_eq!(got.raw()["entityUrn"], got.urn.as_str());
    }
    assert!(
        all.iter()
            .any(|i| i.message.as_ref().is_some_and(|m| m.chars().count() == 300)),
        "the world's longest note arrives whole"
    );
    // The whole list in one request: pages of the catalogue's max_count (100).
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "{sent:#?}");
    assert_eq!(sent[0]["query"]["start"], "0");
    assert_eq!(sent[0]["query"]["count"], "100");
    assert_eq!(sent[0]["query"]["q"], "receivedInvitation");

    // Smaller pages, asked for, go on by offset.
    let mark = f.mark();
    let paged: Vec<Raw<Invitation>> =
        common::collect_all(f.linkedin.invitations().page_size(10)).await;
    assert_eq!(paged.len(), expected.len());
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), expected.len().div_ceil(10), "{sent:#?}");
    assert_eq!(sent[1]["query"]["start"], "10");
    assert_eq!(sent[1]["query"]["count"], "10");
}

#[tokio::test]
async fn sent_invitations_are_listed() {
    let f = common::start().await;
    let w = world();
    let mark = f.mark();
    let sent: Vec<Raw<Invitation>> = common::collect_all(f.linkedin.sent_invitations()).await;
    let expected = of_demo(&w, false);
    assert_eq!(sent.len(), expected.len());
    for (got, want) in sent.iter().zip(&expected) {
        assert_eq!(got.id, want.id.to_string());
        let to = got.to.as_ref().unwrap();
        assert_eq!(to.last_name, w.people[want.to].last_name);
        assert_eq!(got.from.as_ref().unwrap().first_name, "Dana");
    }
    f.snapshot("invitations_sent_invitations", mark, &sent[..2].to_vec());
}

#[tokio::test]
async fn accepting_and_rejecting_remove_the_invitation() {
    let f = common::start().await;
    let all = received(&f).await;
    let n = all.len();

    let mark = f.mark();
    f.linkedin.accept_invitation(&all[0]).await.unwrap();
    f.snapshot("invitations_accept_invitation", mark, &());
    let left = received(&f).await;
    assert_eq!(left.len(), n - 1);
    assert!(left.iter().all(|i| i.id != all[0].id));

    let mark = f.mark();
    f.linkedin.reject_invitation(&all[1]).await.unwrap();
    let sent = f.sent_since(mark);
    assert_eq!(sent[0]["query"]["action"], "reject");
    assert_eq!(
        sent[0]["body"]["invitationSharedSecret"],
        all[1].shared_secret.as_deref().unwrap()
    );
    assert_eq!(received(&f).await.len(), n - 2);

    // By URN and secret, as the Python client takes them.
    f.linkedin
        .reply_invitation(
            &all[2].urn,
            all[2].shared_secret.as_deref().unwrap(),
            InvitationReply::Accept,
        )
        .await
        .unwrap();
    assert_eq!(received(&f).await.len(), n - 3);

    // Answered already: gone. A wrong secret: LinkedIn's 400.
    let err = f.linkedin.accept_invitation(&all[0]).await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let err = f
        .linkedin
        .reply_invitation(&all[3].urn, "WrongSecret", InvitationReply::Reject)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_api::transport::Error::Status { code: 400, .. })
        ),
        "{err:?}"
    );
    assert_eq!(received(&f).await.len(), n - 3);
}

#[tokio::test]
async fn a_connection_request_with_a_note_is_sent_once() {
    let f = common::start().await;
    let w = world();
    let to = &w.people[stranger(&w)];
    let note = "We met at RustConf; let's stay in touch.";

    let mark = f.mark();
    let outcome = f
        .linkedin
        .add_connection(&to.profile_id, Some(note))
        .await
        .unwrap();
    assert_eq!(outcome, Invited::Sent);
    f.snapshot("invitations_add_connection", mark, &());
    let sent: Vec<Raw<Invitation>> = common::collect_all(f.linkedin.sent_invitations()).await;
    assert_eq!(sent.len(), of_demo(&w, false).len() + 1);
    let new = sent
        .iter()
        .find(|i| {
            i.to.as_ref()
                .is_some_and(|t| t.public_id.as_deref() == Some(to.public_id.as_str()))
        })
        .unwrap();
    assert_eq!(new.message.as_deref(), Some(note));

    // Again: LinkedIn's CANT_RESEND_YET, as for anyone invited or connected: a known
    // outcome, not an error, and why, from the pending lists.
    let mark = f.mark();
    let again = f
        .linkedin
        .add_connection(&format!("urn:li:fsd_profile:{}", to.profile_id), None)
        .await
        .unwrap();
    assert_eq!(again, Invited::AlreadyPending);
    assert_eq!(f.sent_since(mark)[0]["status"], 400);
    // Someone who invited the demo account, and a connection: each said as what it is,
    // with one refused POST each.
    let inviter = &w.people[of_demo(&w, true)[0].from];
    let connection = (2..w.people.len()).find(|&p| w.connected(0, p)).unwrap();
    for (who, expected) in [
        (inviter.profile_id.as_str(), Invited::InvitedYou),
        (
            w.people[connection].profile_id.as_str(),
            Invited::AlreadyInvitedOrConnected,
        ),
    ] {
        let mark = f.mark();
        assert_eq!(
            f.linkedin.add_connection(who, None).await.unwrap(),
            expected
        );
        let posts: Vec<_> = f
            .sent_since(mark)
            .into_iter()
            .filter(|r| r["method"] == "POST")
            .collect();
        assert_eq!(posts.len(), 1, "{expected:?}");
        assert_eq!(posts[0]["status"], 400);
    }

    // Without a note, the body has no customMessage.
    let other = (2..w.people.len())
        .find(|&p| {
            p != stranger(&w)
                && !w.connected(0, p)
                && !w.invitations.iter().any(|i| i.from == p || i.to == p)
        })
        .unwrap();
    let mark = f.mark();
    f.linkedin
        .add_connection(&w.people[other].profile_id, None)
        .await
        .unwrap();
    let sent = f.sent_since(mark);
    assert!(sent[0]["body"].get("customMessage").is_none(), "{sent:?}");
    assert!(matches!(
        f.linkedin
            .add_connection("ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", None)
            .await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn bad_requests_are_refused_before_anything_is_sent() {
    let f = common::start().await;
    let w = world();
    let to = w.people[stranger(&w)].profile_id.clone();
    let mark = f.mark();

    let long = "x".repeat(validate::INVITATION_MESSAGE_MAX + 1);
    match f.linkedin.add_connection(&to, Some(&long)).await {
        Err(Error::InvalidInput { field, reason }) => {
            assert_eq!(field, "message");
            assert!(reason.contains("301 characters"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        f.linkedin.add_connection(&to, Some("")).await,
        Err(Error::InvalidInput {
            field: "message",
            ..
        })
    ));
    assert!(matches!(
        f.linkedin.add_connection("bill-gates", None).await,
        Err(Error::InvalidInput {
            field: "profile",
            ..
        })
    ));
    assert!(matches!(
        f.linkedin
            .reply_invitation(
                "urn:li:fsd_profile:ACoAAB1",
                "secret",
                InvitationReply::Accept
            )
            .await,
        Err(Error::InvalidInput {
            field: "invitation",
            ..
        })
    ));
    assert!(matches!(
        f.linkedin
            .reply_invitation("6719", "has spaces", InvitationReply::Accept)
            .await,
        Err(Error::InvalidInput {
            field: "shared_secret",
            ..
        })
    ));

    assert!(f.sent_since(mark).is_empty(), "{:?}", f.sent_since(mark));
}

/// A connection request whose answer is lost (the sandbox takes it, then drops the
/// connection) is read back from the sent invitations: sent, once. One dropped before it was
/// taken is read back too, and reported not sent.
#[tokio::test]
async fn a_connection_request_with_a_lost_answer_is_read_back() {
    let w = world();
    let create = linkedin_catalogue::endpoints::INVITATION_CREATE.full_path();
    let posts = |f: &common::Fixture, mark: usize| {
        f.sent_since(mark)
            .iter()
            .filter(|r| r["method"] == "POST" && r["path"] == create.as_str())
            .count()
    };
    let to = &w.people[stranger(&w)];
    let f = common::start_with(linkedin_sandbox::Faults {
        lose_answers_to: Some(create.clone()),
        ..linkedin_sandbox::Faults::default()
    })
    .await;
    let mark = f.mark();
    let outcome = f
        .linkedin
        .add_connection(&to.profile_id, None)
        .await
        .unwrap();
    assert_eq!(outcome, Invited::Sent);
    assert_eq!(posts(&f, mark), 1, "sent once");

    let f = common::start_with(linkedin_sandbox::Faults {
        drop_requests_to: Some(create.clone()),
        ..linkedin_sandbox::Faults::default()
    })
    .await;
    let mark = f.mark();
    let err = f
        .linkedin
        .add_connection(&to.profile_id, None)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
    assert_eq!(posts(&f, mark), 1, "tried once, never again");
}
