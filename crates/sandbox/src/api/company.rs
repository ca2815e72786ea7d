//! Company and school pages (`/organization/companies?q=universalName`) and following them
//! (`/feed/dash/followingStates/{urn}`).

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call};
use crate::world::{Company, School};

/// `GET /organization/companies?q=universalName&universalName=<slug>`: `{"elements": [<page>]}`,
/// empty when no company or school has that name.
pub(super) fn by_universal_name(call: &mut Call<'_>) -> Answer {
    let Some(name) = call.text("universalName") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let following = |id: u64| call.world.following.contains(&(call.me, id));
    let page = if let Some(c) = call
        .world
        .companies
        .iter()
        .find(|c| c.universal_name == name)
    {
        Some(company_page(c, following(c.id)))
    } else {
        call.world
            .schools
            .iter()
            .find(|s| s.universal_name == name)
            .map(|s| school_page(s, following(s.id)))
    };
    let elements: Vec<Value> = page.into_iter().collect();
    Answer::ok(json!({
        "elements": elements,
        "paging": {"start": 0, "count": 10, "total": elements.len(), "links": []},
    }))
}

/// The following state of an organization, as `followingInfo` shows it.
fn following_info(id: u64, followers: u32, following: bool) -> Value {
    json!({
        "entityUrn": format!("urn:li:fs_followingInfo:urn:li:company:{id}"),
        "dashFollowingStateUrn": format!("urn:li:fsd_followingState:urn:li:fsd_company:{id}"),
        "following": following,
        "followerCount": followers,
        "followingType": if following { "DEFAULT" } else { "NONE" },
        "$type": "com.linkedin.voyager.common.FollowingInfo",
    })
}

fn company_page(c: &Company, following: bool) -> Value {
    json!({
        "entityUrn": format!("urn:li:fs_normalized_company:{}", c.id),
        "name": c.name,
        "universalName": c.universal_name,
        "tagline": c.tagline,
        "description": c.description,
        "url": format!("https://www.linkedin.com/company/{}", c.universal_name),
        "companyPageUrl": c.website,
        "companyIndustries": [{"localizedName": c.industry, "$type": "com.linkedin.voyager.common.Industry"}],
        "staffCount": c.staff_count,
        "staffCountRange": staff_range(c.staff_count),
        "headquarter": {"city": c.headquarters, "$type": "com.linkedin.common.Address"},
        "followingInfo": following_info(c.id, c.followers, following),
        "school": Value::Null,
        "showcase": false,
        "staffingCompany": false,
        "paidCompany": false,
        "$type": "com.linkedin.voyager.organization.Company",
    })
}

fn school_page(s: &School, following: bool) -> Value {
    json!({
        "entityUrn": format!("urn:li:fs_normalized_company:{}", s.id),
        "name": s.name,
        "universalName": s.universal_name,
        "description": format!("{} is a school in {}.", s.name, s.location),
        "url": format!("https://www.linkedin.com/school/{}", s.universal_name),
        "companyIndustries": [{"localizedName": "Higher Education", "$type": "com.linkedin.voyager.common.Industry"}],
        "staffCount": s.alumni,
        "staffCountRange": staff_range(s.alumni),
        "headquarter": {"city": s.location, "$type": "com.linkedin.common.Address"},
        "followingInfo": following_info(s.id, s.alumni, following),
        "school": format!("urn:li:fs_school:{}", s.id),
        "showcase": false,
        "$type": "com.linkedin.voyager.organization.Company",
    })
}

/// LinkedIn's staff count buckets.
fn staff_range(n: u32) -> Value {
    const BUCKETS: [(u32, Option<u32>); 8] = [
        (1, Some(10)),
        (11, Some(50)),
        (51, Some(200)),
        (201, Some(500)),
        (501, Some(1000)),
        (1001, Some(5000)),
        (5001, Some(10000)),
        (10001, None),
    ];
    let (start, end) = BUCKETS
        .iter()
        .copied()
        .find(|(start, end)| n >= *start && end.is_none_or(|e| n <= e))
        .unwrap_or((1, Some(10)));
    match end {
        Some(end) => json!({"start": start, "end": end}),
        None => json!({"start": start}),
    }
}

/// `POST /feed/dash/followingStates/{urn:li:fsd_followingState:urn:li:fsd_company:<id>}` with
/// `{"patch": {"$set": {"following": bool}}}`: follows or unfollows; 201 with an empty body.
/// LinkedIn answers 201 (voyager.md §1.2 `follow_company` and "What changed on main",
/// b036847: its success status moved from 200 to 201; #473).
pub(super) fn set_following(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("followingStateUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let id = urn
        .strip_prefix("urn:li:fsd_followingState:urn:li:fsd_company:")
        .and_then(|id| id.parse::<u64>().ok());
    let following = call
        .json_body()
        .and_then(|b| b.pointer("/patch/$set/following").and_then(Value::as_bool));
    let (Some(id), Some(following)) = (id, following) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &mut *call.world;
    let known =
        world.companies.iter().any(|c| c.id == id) || world.schools.iter().any(|s| s.id == id);
    if !known {
        return Answer::error(StatusCode::NOT_FOUND);
    }
    if following {
        world.following.insert((call.me, id));
    } else {
        world.following.remove(&(call.me, id));
    }
    Answer {
        status: StatusCode::CREATED,
        body: json!({}),
    }
}

/// `POST /feed/follows?action=unfollowByEntityUrn` with `{"urn": "urn:li:fs_followingInfo:<entity
/// URN>"}` (voyager.md §1.2 `unfollow_entity`): stops following a company or school
/// (`urn:li:company:<id>`, `urn:li:fsd_company:<id>`, `urn:li:school:<id>`); unfollowing what
/// one does not follow is no error. A member (`urn:li:member:<id>`,
/// `urn:li:fsd_profile:<id>`) is accepted when known, but the world keeps no follows of
/// members. 200 with an empty body; 400 for a malformed body, 404 for an unknown entity.
pub(super) fn unfollow(call: &mut Call<'_>) -> Answer {
    let urn = call
        .json_body()
        .and_then(|b| b.get("urn").and_then(Value::as_str).map(str::to_owned));
    let Some(entity) = urn
        .as_deref()
        .and_then(|u| u.strip_prefix("urn:li:fs_followingInfo:"))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &mut *call.world;
    let organization = ["company", "fsd_company", "school", "fsd_school"]
        .iter()
        .find_map(|kind| entity.strip_prefix(&format!("urn:li:{kind}:")))
        .and_then(|id| id.parse::<u64>().ok());
    if let Some(id) = organization {
        let known =
            world.companies.iter().any(|c| c.id == id) || world.schools.iter().any(|s| s.id == id);
        if !known {
            return Answer::error(StatusCode::NOT_FOUND);
        }
        world.following.remove(&(call.me, id));
        return Answer::ok(json!({}));
    }
    let member = entity
        .strip_prefix("urn:li:member:")
        .map(|id| world.people.iter().any(|p| p.member_id.to_string() == id))
        .or_else(|| {
            entity
                .strip_prefix("urn:li:fsd_profile:")
                .map(|id| world.people.iter().any(|p| p.profile_id == id))
        });
    match member {
        Some(true) => Answer::ok(json!({})),
        Some(false) => Answer::error(StatusCode::NOT_FOUND),
        None => Answer::error(StatusCode::BAD_REQUEST),
    }
}
