//! `GET /me`: the logged-in member.

use serde_json::json;

use super::{Answer, Call};

/// The member behind the session, with its mini profile.
pub(super) fn me(call: &mut Call<'_>) -> Answer {
    let Some(me) = call.world.people.get(call.me) else {
        return Answer::error(http::StatusCode::UNAUTHORIZED);
    };
    Answer::ok(json!({
        "plainId": me.member_id,
        "publicContactInfo": {"$type": "com.linkedin.voyager.identity.shared.PublicContactInfo"},
        "premiumSubscriber": false,
        "miniProfile": {
            "firstName": me.first_name,
            "lastName": me.last_name,
            "occupation": me.headline,
            "publicIdentifier": me.public_id,
            "objectUrn": format!("urn:li:member:{}", me.member_id),
            "dashEntityUrn": format!("urn:li:fsd_profile:{}", me.profile_id),
            "entityUrn": format!("urn:li:fs_miniProfile:{}", me.profile_id),
            "trackingId": "c2FuZGJveC1taW5pLXByb2ZpbGU=",
            "$type": "com.linkedin.voyager.identity.shared.MiniProfile",
        },
        "$type": "com.linkedin.voyager.common.Me",
    }))
}
