//! Invitations over real loopback HTTP: received ones paged and answered (accepting connects),
//! sent ones, and new ones with their note and LinkedIn's refusal of a pending one.

use http::StatusCode;
use linkedin_catalogue::endpoints;
use serde_json::{Value as Json, json};

use crate::common::Resp;
use crate::messaging::Session;

/// `/relationships/invitations/{id}?action=<action>` with the id and secret in the body.
async fn reply(s: &mut Session, id: &str, secret: &str, action: &str) -> Resp {
    let endpoint = endpoints::INVITATION_REPLY;
    let path = endpoint.full_path().replace(
        "{invitationId}",
        &restli::encode_str(id, restli::Encoding::PATH),
    );
    s.rest(
        endpoints::INVITATION_REPLY,
        Some(path),
        &[("action", action.into())],
        Some(json!({"invitationId": id, "invitationSharedSecret": secret, "isGenericInvitation": false})),
    )
    .await
}

/// `verifyQuotaAndCreateV2` to person `to` with `note`.
async fn invite(s: &mut Session, to: usize, note: &str) -> Resp {
    let urn = format!("urn:li:fsd_profile:{}", s.world.people[to].profile_id);
    // The catalogue's target adds the entry's decorationId.
    s.rest(
        endpoints::INVITATION_CREATE,
        None,
        &[],
        Some(json!({"invitee": {"inviteeUnion": {"memberProfile": urn}}, "customMessage": note})),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn received_invitations_page_and_replies_connect_or_drop() {
    let mut s = Session::start().await;
    let received: Vec<_> = s
        .world
        .invitations
        .iter()
        .filter(|i| i.to == 0)
        .cloned()
        .collect();
    let body = s.received(0, 100).await;
    assert_eq!(body["paging"]["total"], received.len());
    let elements = body["elements"].as_array().unwrap();
    assert_eq!(elements.len(), received.len());
    for (e, want) in elements.iter().zip(&received) {
        let inv = &e["invitation"];
        assert_eq!(
            inv["entityUrn"],
            format!("urn:li:fs_relInvitation:{}", want.id)
        );
        assert_eq!(inv["sharedSecret"], want.shared_secret.as_str());
        assert_eq!(inv["sentTime"], want.sent_at);
        assert_eq!(
            inv["fromMember"]["publicIdentifier"],
            s.world.people[want.from].public_id.as_str()
        );
        match &want.message {
            Some(m) => assert_eq!(inv["message"], m.as_str()),
            None => assert!(inv.get("message").is_none()),
        }
    }
    let page = s.received(3, 3).await;
    let page = page["elements"].as_array().unwrap();
    assert_eq!(page.len(), 3);
    assert_eq!(
        page[0]["invitation"]["sharedSecret"],
        received[3].shared_secret.as_str()
    );

    // A wrong secret changes nothing.
    let first = received[0].clone();
    let id = first.id.to_string();
    let resp = reply(&mut s, &id, "wrong-secret", "accept").await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(s.received(0, 100).await["paging"]["total"], received.len());

    // Accepting removes the invitation and connects: a new invitation is CANT_RESEND_YET.
    let resp = reply(&mut s, &id, &first.shared_secret, "accept").await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let after = s.received(0, 100).await;
    assert_eq!(after["paging"]["total"], received.len() - 1);
    let urn = format!("urn:li:fs_relInvitation:{id}");
    assert!(
        after["elements"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["invitation"]["entityUrn"] != urn.as_str())
    );
    let resp = invite(&mut s, first.from, "").await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(resp.json()["data"]["code"], "CANT_RESEND_YET");
    // The same invitation cannot be answered twice.
    let resp = reply(&mut s, &id, &first.shared_secret, "accept").await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);

    // Rejecting removes it without connecting: inviting that member is then possible.
    let second = received[1].clone();
    let resp = reply(
        &mut s,
        &second.id.to_string(),
        &second.shared_secret,
        "reject",
    )
    .await;
    assert_eq!(resp.status, StatusCode::OK);
    assert_eq!(
        s.received(0, 100).await["paging"]["total"],
        received.len() - 2
    );
    let resp = invite(&mut s, second.from, "").await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());

    s.sandbox.shutdown().await;
}

/// The demo's sent invitations through `invitations_sent` (normalized, as the entry asks).
async fn sent(s: &mut Session) -> Json {
    let resp = s
        .rest(
            endpoints::INVITATIONS_SENT,
            None,
            &[("start", 0u32.into()), ("count", 100u32.into())],
            None,
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    resp.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_invitations_checks_the_note_and_pending_ones() {
    let mut s = Session::start().await;
    let sent_total = |body: &Json| body["data"]["paging"]["total"].as_u64().unwrap();
    let already: Vec<usize> = s
        .world
        .invitations
        .iter()
        .filter(|i| i.from == 0)
        .map(|i| i.to)
        .collect();
    assert_eq!(sent_total(&sent(&mut s).await), already.len() as u64);

    let stranger = (1..s.world.people.len())
        .find(|&p| {
            !s.world.connections.contains(&(0, p))
                && !s.world.invitations.iter().any(|i| i.from == p || i.to == p)
        })
        .unwrap();

    // 301 characters: refused before anything changes.
    let resp = invite(&mut s, stranger, &"x".repeat(301)).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(sent_total(&sent(&mut s).await), already.len() as u64);

    // Already invited: CANT_RESEND_YET.
    let resp = invite(&mut s, already[0], "Hello again").await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(resp.json()["data"]["code"], "CANT_RESEND_YET");

    // 300 characters go through, once.
    let note = "y".repeat(300);
    let resp = invite(&mut s, stranger, &note).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = sent(&mut s).await;
    assert_eq!(sent_total(&body), already.len() as u64 + 1);
    let newest = body["included"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| {
            e["$type"] == "com.linkedin.voyager.relationships.invitation.Invitation"
                && e["message"] == note.as_str()
        })
        .unwrap();
    assert_eq!(newest["customMessage"], true);
    let resp = invite(&mut s, stranger, "").await;
    assert_eq!(resp.json()["data"]["code"], "CANT_RESEND_YET");

    s.sandbox.shutdown().await;
}
