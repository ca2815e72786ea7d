//! `GET /me`: the logged-in member.

use serde_json::json;

use super::{Answer, Call};
use crate::world::clock::{DAY_MS, PRESENT_MS};

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

/// The window LinkedIn counts profile views over.
const VIEWS_WINDOW_MS: u64 = 90 * DAY_MS;

/// `GET /identity/wvmpCards` (default encoding, union keys): the viewers card whose summary
/// insight card counts the views of the caller's profile in the last 90 days, at the path the
/// reference client reads (voyager.md §1.2 `get_current_profile_views`:
/// `elements[0].value[…WvmpViewersCard].insightCards[0].value[…WvmpSummaryInsightCard].numViews`).
/// The reference records nothing else of the answer, so nothing else is invented.
pub(super) fn who_viewed_me(call: &mut Call<'_>) -> Answer {
    let since = PRESENT_MS - VIEWS_WINDOW_MS;
    let views = call
        .world
        .profile_views
        .iter()
        .filter(|v| v.viewed == call.me && v.at >= since)
        .count();
    let summary = json!({
        "value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard": {
            "numViews": views,
            "$type": "com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard",
        }},
    });
    let card = json!({
        "value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard": {
            "insightCards": [summary],
            "$type": "com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard",
        }},
    });
    Answer::ok(json!({
        "elements": [card],
        "paging": {"start": 0, "count": 10, "total": 1, "links": []},
    }))
}
