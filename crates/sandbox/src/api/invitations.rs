//! Invitations: received and sent (newest first), accepted or rejected, and new ones, with
//! LinkedIn's refusal of an invitation to someone already invited or connected.

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Value, json};

use super::messaging::{mini_profile, world_now};
use super::{Answer, Call};
use crate::world::{Invitation, World};

/// The longest invitation note.
const MAX_NOTE: usize = 300;

/// A `com.linkedin.voyager.relationships.invitation.Invitation`.
fn invitation_json(world: &World, inv: &Invitation) -> Value {
    let (Some(from), Some(to)) = (world.people.get(inv.from), world.people.get(inv.to)) else {
        return Value::Null;
    };
    let mut out = json!({
        "entityUrn": format!("urn:li:fs_relInvitation:{}", inv.id),
        "fromMember": mini_profile(from),
        "toMember": mini_profile(to),
        "invitee": {
            "miniProfile": mini_profile(to),
            "$type": "com.linkedin.voyager.relationships.invitation.ProfileInvitee",
        },
        "customMessage": inv.message.is_some(),
        "invitationType": "PENDING",
        "mailboxItemId": inv.id.to_string(),
        "sentTime": inv.sent_at,
        "sharedSecret": inv.shared_secret,
        "toMemberId": to.member_id.to_string(),
        "unseen": true,
        "$type": "com.linkedin.voyager.relationships.invitation.Invitation",
    });
    if let (Some(message), Value::Object(map)) = (&inv.message, &mut out) {
        map.insert("message".into(), Value::String(message.clone()));
    }
    out
}

/// A non-negative integer query parameter.
fn number(call: &Call<'_>, name: &str) -> Result<usize, ()> {
    call.text(name).and_then(|t| t.parse().ok()).ok_or(())
}

/// `invitations_received` (`/relationships/invitationViews?q=receivedInvitation`) and
/// `invitations_sent` (`/relationships/sentInvitationViewsV2`): newest first, start/count.
pub(super) fn list(call: &mut Call<'_>, received: bool) -> Answer {
    let (Ok(start), Ok(count)) = (number(call, "start"), number(call, "count")) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let me = call.me;
    let mut mine: Vec<&Invitation> = world
        .invitations
        .iter()
        .filter(|i| if received { i.to == me } else { i.from == me })
        .collect();
    mine.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    let total = mine.len();
    let elements: Vec<Value> = mine
        .into_iter()
        .skip(start)
        .take(count)
        .map(|i| json!({"invitation": invitation_json(world, i)}))
        .collect();
    let mut out = json!({
        "elements": elements,
        "paging": {
            "start": start,
            "count": count,
            "total": total,
            "links": [],
            "$type": "com.linkedin.restli.common.CollectionMetadata",
        },
        "$type": "com.linkedin.restli.common.CollectionResponse",
    });
    if !received && let Value::Object(map) = &mut out {
        map.insert(
            "metadata".into(),
            json!({
                "invitationType": "CONNECTION",
                "$type": "com.linkedin.voyager.relationships.invitation.SentInvitationsMetadata",
            }),
        );
    }
    Answer::ok(out)
}

/// `POST /relationships/invitations/{id}?action=accept|reject` with the invitation id and
/// shared secret: accepting connects the two members; either way the invitation goes.
pub(super) fn reply(call: &mut Call<'_>) -> Answer {
    let Some(id) = call
        .path_param("invitationId")
        .and_then(|i| i.parse::<u64>().ok())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let accept = match call.text("action").as_deref() {
        Some("accept") => true,
        Some("reject" | "ignore") => false,
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let body_id = match body.get("invitationId") {
        Some(Value::String(s)) => s.parse::<u64>().ok(),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    };
    let secret = body.get("invitationSharedSecret").and_then(Value::as_str);
    let (Some(body_id), Some(secret)) = (body_id, secret) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if body_id != id {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &mut *call.world;
    let Some(index) = world
        .invitations
        .iter()
        .position(|i| i.id == id && i.to == call.me)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if world.invitations[index].shared_secret != secret {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let inv = world.invitations.remove(index);
    if accept {
        let pair = (inv.from.min(inv.to), inv.from.max(inv.to));
        if let Err(at) = world.connections.binary_search(&pair) {
            world.connections.insert(at, pair);
        }
    }
    Answer::ok(json!({}))
}

/// The 400 LinkedIn answers an invitation to someone already invited or connected.
fn cant_resend() -> Answer {
    Answer {
        status: StatusCode::BAD_REQUEST,
        body: json!({"data": {"status": 400, "code": "CANT_RESEND_YET"}, "included": []}),
    }
}

/// `POST /voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2` with
/// `{"invitee": {"inviteeUnion": {"memberProfile": <urn>}}, "customMessage": <note>}`.
pub(super) fn create(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(urn) = body
        .pointer("/invitee/inviteeUnion/memberProfile")
        .and_then(Value::as_str)
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let note = match body.get("customMessage") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Answer::error(StatusCode::BAD_REQUEST),
    };
    if note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(profile_id) = urn.strip_prefix("urn:li:fsd_profile:") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &mut *call.world;
    let Some(to) = world.people.iter().position(|p| p.profile_id == profile_id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if to == me {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let pending = world
        .invitations
        .iter()
        .any(|i| (i.from, i.to) == (me, to) || (i.from, i.to) == (to, me));
    if pending || world.connected(me, to) {
        return cant_resend();
    }
    let sent_at = world_now(world) + 1_000;
    let id = world.invitations.iter().map(|i| i.id).max().unwrap_or(0) + 1;
    let shared_secret: String = crate::BASE64
        .encode(id.to_be_bytes())
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .rev()
        .take(8)
        .collect();
    world.invitations.insert(
        0,
        Invitation {
            id,
            shared_secret,
            from: me,
            to,
            message: note.filter(|n| !n.is_empty()),
            sent_at,
        },
    );
    Answer::ok(json!({}))
}

/// `POST /voyagerRelationshipsDashInvitations/urn:li:fsd_invitation:<id>?action=withdraw`
/// with `{"invitationType": "CONNECTION"}` (catalogue `invitation_withdraw`): the caller's
/// pending invitation goes, as if never sent. The answer is not recorded: an empty 200, as a
/// Rest.li action without a value answers (inferred). A key that is not an
/// `urn:li:fsd_invitation:` URN, or another invitation type, is a 400; an invitation the
/// caller did not send (or none), a 404 (inferred).
pub(super) fn withdraw(call: &mut Call<'_>) -> Answer {
    let Some(id) = call.path_param("invitationUrn").and_then(|urn| {
        urn.strip_prefix("urn:li:fsd_invitation:")?
            .parse::<u64>()
            .ok()
    }) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if body.get("invitationType").and_then(Value::as_str) != Some("CONNECTION") {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let me = call.me;
    let world = &mut *call.world;
    let Some(index) = world
        .invitations
        .iter()
        .position(|i| i.id == id && i.from == me)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    world.invitations.remove(index);
    Answer::no_body(StatusCode::OK)
}

/// `POST /relationships/dash/memberRelationships?action=removeFromMyConnections` with
/// `{"connectionUrn": "urn:li:fsd_connection:<profile id>"}` (catalogue
/// `connection_remove_dash`): the two members are no longer connected. The answer is not
/// recorded: an empty 200 (inferred). A body without an `urn:li:fsd_connection:` URN, or one
/// naming the caller, is a 400; a member the world does not have, or one not connected to the
/// caller, a 404 (inferred).
pub(super) fn remove_connection(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(profile_id) = body
        .get("connectionUrn")
        .and_then(Value::as_str)
        .and_then(|urn| urn.strip_prefix("urn:li:fsd_connection:"))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &mut *call.world;
    let Some(other) = world.people.iter().position(|p| p.profile_id == profile_id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if other == me {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let pair = (me.min(other), me.max(other));
    let Ok(at) = world.connections.binary_search(&pair) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    world.connections.remove(at);
    Answer::no_body(StatusCode::OK)
}
