//! Managing the network against the sandbox: withdrawing a sent invitation and removing a
//! connection, each read back, refused before sending when malformed, settled when its
//! answer is lost.

use crate::common;

use futures::TryStreamExt;
use linkedin_api::Error;
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// The ids of the pending invitations the demo account sent.
async fn sent_ids(f: &common::Fixture) -> Vec<String> {
    let sent: Vec<_> = f.linkedin.sent_invitations().try_collect().await.unwrap();
    sent.into_iter().map(|i| i.id.clone()).collect()
}

/// A connection of the demo account (not the sandbox's other login account, `people[1]`).
fn a_connection(w: &World) -> String {
    let i = (2..w.people.len()).find(|&p| w.connected(0, p)).unwrap();
    w.people[i].profile_id.clone()
}

/// Whether the demo account's connections hold `profile_id`.
async fn connected(f: &common::Fixture, profile_id: &str) -> bool {
    f.linkedin
        .my_connections()
        .find(|p| p.profile_id.as_str() == profile_id)
        .await
        .unwrap()
        .is_some()
}

#[tokio::test]
async fn a_withdrawn_invitation_leaves_the_sent_list() {
    let f = common::start().await;
    let before = sent_ids(&f).await;
    assert!(before.len() >= 2, "{before:?}");

    let mark = f.mark();
    f.linkedin.withdraw_invitation(&before[0]).await.unwrap();
    f.snapshot("network_withdraw_invitation", mark, &());
    let after = sent_ids(&f).await;
    assert_eq!(after, before[1..].to_vec());

    // By URN too.
    f.linkedin
        .withdraw_invitation(&format!("urn:li:fs_relInvitation:{}", before[1]))
        .await
        .unwrap();
    assert_eq!(sent_ids(&f).await, before[2..].to_vec());

    // Withdrawn already: there is none.
    let err = f
        .linkedin
        .withdraw_invitation(&before[0])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");

    // A received invitation is not the member's to withdraw.
    let received: Vec<_> = f.linkedin.invitations().try_collect().await.unwrap();
    let err = f
        .linkedin
        .withdraw_invitation(&received[0].id)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");

    // Malformed: refused before anything is sent.
    let mark = f.mark();
    for bad in ["", "12x", "urn:li:fsd_profile:1"] {
        let err = f.linkedin.withdraw_invitation(bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{bad}: {err:?}");
    }
    assert!(f.sent_since(mark).is_empty());
}

#[tokio::test]
async fn a_removed_connection_is_gone_from_the_connections() {
    let f = common::start().await;
    let w = world();
    let profile = a_connection(&w);
    assert!(connected(&f, &profile).await);

    let mark = f.mark();
    f.linkedin
        .remove_connection(profile.as_str())
        .await
        .unwrap();
    f.snapshot("network_remove_connection", mark, &());
    assert!(!connected(&f, &profile).await);

    // Not a connection any more: there is none to remove.
    let err = f
        .linkedin
        .remove_connection(profile.as_str())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");

    // Oneself and a malformed id: refused before anything is sent.
    let me = w.people[0].profile_id.clone();
    let mark = f.mark();
    let err = f.linkedin.remove_connection(me.as_str()).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    let err = f.linkedin.remove_connection("not an id").await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
    assert!(f.sent_since(mark).is_empty());
}

/// A withdrawal and a removal whose answers are lost (the sandbox takes them, then drops the
/// connection) are read back: done, sent once. Dropped before they were taken: not done.
#[tokio::test]
async fn network_changes_with_a_lost_answer_are_read_back() {
    let w = world();
    let profile = a_connection(&w);
    for endpoint in [
        linkedin_catalogue::endpoints::INVITATION_WITHDRAW,
        linkedin_catalogue::endpoints::CONNECTION_REMOVE_DASH,
    ] {
        let path = endpoint.full_path();
        let prefix = path.split('{').next().unwrap().to_owned();
        let posts = |f: &common::Fixture, mark: usize| {
            f.sent_since(mark)
                .iter()
                .filter(|r| {
                    r["method"] == "POST" && r["path"].as_str().unwrap().starts_with(&prefix)
                })
                .count()
        };
        for lose in [true, false] {
            let faults = if lose {
                linkedin_sandbox::Faults {
                    lose_answers_to: Some(prefix.clone()),
                    ..linkedin_sandbox::Faults::default()
                }
            } else {
                linkedin_sandbox::Faults {
                    drop_requests_to: Some(prefix.clone()),
                    ..linkedin_sandbox::Faults::default()
                }
            };
            let f = common::start_with(faults).await;
            let invitation = sent_ids(&f).await.remove(0);
            let mark = f.mark();
            let outcome = if endpoint.name == "invitation_withdraw" {
                f.linkedin.withdraw_invitation(&invitation).await
            } else {
                f.linkedin.remove_connection(profile.as_str()).await
            };
            if lose {
                outcome.unwrap();
            } else {
                let err = outcome.unwrap_err();
                assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
            }
            assert_eq!(posts(&f, mark), 1, "{}: sent once", endpoint.name);
        }
    }
}
