//! Publishing: creating a post (catalogue `post_create`, the GraphQL mutation
//! `voyagerContentcreationDashShares` that peers-2026.md §3 verified live in June 2026).
//!
//! The request's body is as the evidence shows it (the catalogue entry cites it); the answer
//! is not recorded: its `resourceKey` and `*entity` (`urn:li:fsd_share:urn:li:share:<id>`)
//! are those a public client documents, the share entity's `status` (naming the activity)
//! and `socialContent.shareUrl` those an older answer had; nothing else. A share LinkedIn
//! will not take (an empty text, one over 3,000 characters, a mention of nobody) answers 200
//! with a GraphQL `errors` list and a `null` result, as public clients record a refused
//! share (fs:71232131535); a malformed body is a 400 (inferred).

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, caller, graphql};
use crate::world::clock::PRESENT_MS;
use crate::world::{Author, Post, World};

/// LinkedIn's longest post, in characters.
pub(crate) const POST_TEXT_MAX: usize = 3_000;

const SHARE_TYPE: &str = "com.linkedin.voyager.dash.contentcreation.Share";

/// A time after everything the world holds: when a write made now happens.
fn now(world: &World) -> u64 {
    let latest_post = world.posts.iter().map(|p| p.created_at).max().unwrap_or(0);
    super::messaging::world_now(world)
        .max(latest_post)
        .max(PRESENT_MS)
        + 1_000
}

/// The answer LinkedIn gives a share it refuses: 200, a `null` result and the reason.
fn refused(call: &Call<'_>, message: &str) -> Answer {
    let root = call.endpoint.data_root.unwrap_or_default();
    Answer::ok(json!({
        "data": {root: null},
        "errors": [{
            "message": message,
            "path": [root],
            "extensions": {
                "classification": "DataFetchingException",
                "exceptionClass": "com.linkedin.voyager.common.VoyagerUserVisibleException",
            },
        }],
    }))
}

/// A mention's span and member, checked against the text (UTF-16 offsets, as the web app
/// counts them) and the world.
fn mention_ok(world: &World, text: &str, attribute: &Value) -> Option<bool> {
    let start = usize::try_from(attribute.get("start")?.as_u64()?).ok()?;
    let length = usize::try_from(attribute.get("length")?.as_u64()?).ok()?;
    let profile = attribute
        .pointer("/detailDataUnion/profileMention")?
        .as_str()?;
    let units = text.encode_utf16().count();
    let known = profile
        .strip_prefix("urn:li:fsd_profile:")
        .is_some_and(|id| world.people.iter().any(|p| p.profile_id == id));
    Some(length > 0 && start + length <= units && known)
}

/// `POST /graphql?action=execute&queryId=voyagerContentcreationDashShares.…` with
/// `{"variables": {"post": {allowedCommentersScope, intendedShareLifeCycleState, origin,
/// visibilityDataUnion: {visibilityType}, commentary: {text, attributesV2}}}, "queryId": …,
/// "includeWebMetadata": true}`: a new post of the caller, first of the world's posts (so
/// first of their posts and of their own feed), for anyone (`ANYONE`) or their connections
/// (`CONNECTIONS`). The router has checked the variables' names and the body's `queryId`.
/// 400 for a missing text or attributes list, another visibility, origin or lifecycle
/// state, or a malformed mention; a refusal in a 200 (see the module) for an empty or too
/// long text or a mention of no member.
pub(super) fn create(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let post = body.pointer("/variables/post");
    let field = |pointer: &str| post.and_then(|p| p.pointer(pointer));
    let text = field("/commentary/text").and_then(Value::as_str);
    let attributes = field("/commentary/attributesV2").and_then(Value::as_array);
    let visibility = field("/visibilityDataUnion/visibilityType").and_then(Value::as_str);
    let fixed_ok = [
        ("/allowedCommentersScope", "ALL"),
        ("/intendedShareLifeCycleState", "PUBLISHED"),
        ("/origin", "FEED"),
    ]
    .iter()
    .all(|(pointer, value)| field(pointer).is_none_or(|v| v.as_str() == Some(value)));
    let (Some(text), Some(attributes), Some(visibility)) = (text, attributes, visibility) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let connections_only = match visibility {
        "ANYONE" => false,
        "CONNECTIONS" => true,
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    if !fixed_ok {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    let mut mentions_ok = true;
    for attribute in attributes {
        match mention_ok(world, text, attribute) {
            None => return Answer::error(StatusCode::BAD_REQUEST),
            Some(ok) => mentions_ok &= ok,
        }
    }
    if text.trim().is_empty() || text.chars().count() > POST_TEXT_MAX || !mentions_ok {
        return refused(call, "Invalid share");
    }
    let at = now(world);
    let activity_id = (at << 22) | (world.posts.len() as u64 & 0x3f_ffff);
    let share_id = activity_id - 1;
    let new = Post {
        activity_id,
        author: Author::Person(call.me),
        text: text.to_owned(),
        created_at: at,
        promoted: false,
        comments: Vec::new(),
        reactions: Vec::new(),
        share_id,
        connections_only,
    };
    call.world.posts.insert(0, new);
    let share = format!("urn:li:fsd_share:urn:li:share:{share_id}");
    let activity = format!("urn:li:activity:{activity_id}");
    graphql(
        call.endpoint,
        json!({
            "resourceKey": share,
            "entity": {
                "entityUrn": share,
                "status": {
                    "lifecycleState": {"PublishedState": {"metadata": {"backendUrn": activity}}},
                },
                "socialContent": {
                    "shareUrl": format!("https://www.linkedin.com/feed/update/{activity}/"),
                },
                "$type": SHARE_TYPE,
            },
        }),
    )
}

/// `DELETE /contentcreation/normShares/<urn:li:share:id>` (catalogue `post_delete`): the
/// caller's post goes, with its comments and reactions (and so from every feed, their posts
/// and the notifications made of it). The answer is not recorded: 204 without a body, as a
/// Rest.li delete answers (inferred). A key that is not an `urn:li:share:` URN is a 400; a
/// share the world does not have, a 404; someone else's post, a 403 (inferred).
pub(super) fn delete(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("shareUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(id) = urn
        .strip_prefix("urn:li:share:")
        .and_then(|id| id.parse::<u64>().ok())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &mut *call.world;
    let Some(index) = world.posts.iter().position(|p| p.share_id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if world.posts[index].author != Author::Person(call.me) {
        return Answer::error(StatusCode::FORBIDDEN);
    }
    world.posts.remove(index);
    Answer::no_body(StatusCode::NO_CONTENT)
}
