//! Publishing: creating a post (catalogue `post_create`, the GraphQL mutation
//! `voyagerContentcreationDashShares` that peers-2026.md §3 verified live in June 2026), with
//! an image uploaded first (catalogue `media_upload_register`, then a PUT of its bytes).
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
use crate::world::{Author, Post, Upload, World};

/// Where an image's bytes are PUT, below the sandbox's origin, as LinkedIn's upload URLs are
/// on `https://www.linkedin.com/dms-uploads/...` (its official API's; the web app's host is
/// not recorded).
pub(crate) const UPLOAD_PATH: &str = "/dms-uploads/";

/// The recipe a post's image is referenced with (fs:58093815824).
const FEEDSHARE_IMAGE: &str = "urn:li:digitalmediaRecipe:feedshare-image";

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
    refused_as(call, message, "DataFetchingException")
}

/// [`refused`] with another GraphQL error class (`ValidationError` for a value the schema
/// does not take).
fn refused_as(call: &Call<'_>, message: &str, classification: &str) -> Answer {
    let root = call.endpoint.data_root.unwrap_or_default();
    Answer::ok(json!({
        "data": {root: null},
        "errors": [{
            "message": message,
            "path": [root],
            "extensions": {
                "classification": classification,
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
/// (`CONNECTIONS_ONLY`), with an image uploaded before. The router has checked the variables' names and the body's `queryId`.
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
    ]
    .iter()
    .all(|(pointer, value)| field(pointer).is_none_or(|v| v.as_str() == Some(value)));
    // FEED for a post; RESHARE with the `parentUrn` (`urn:li:share:<id>`) of the post it
    // reshares (public code, fs:53909037666); anything else, or a parent without RESHARE,
    // is a 400 (inferred).
    let parent = field("/parentUrn");
    let reshare_of = match (field("/origin").map(Value::as_str), parent) {
        (None | Some(Some("FEED")), None) => None,
        (Some(Some("RESHARE")), Some(parent)) => {
            let Some(share) = parent
                .as_str()
                .and_then(|p| p.strip_prefix("urn:li:share:"))
                .and_then(|id| id.parse::<u64>().ok())
            else {
                return Answer::error(StatusCode::BAD_REQUEST);
            };
            Some(share)
        }
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let (Some(text), Some(attributes), Some(visibility)) = (text, attributes, visibility) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let connections_only = match visibility {
        "ANYONE" => false,
        "CONNECTIONS_ONLY" => true,
        // Not a value of the enum: a validation error in a 200, as a client's owner met it
        // live (fs:58093815824); any other value is taken to be refused the same way.
        _ => {
            return refused_as(
                call,
                &format!("Validation error: {visibility} is not a visibilityType"),
                "ValidationError",
            );
        }
    };
    if !fixed_ok {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    // An image: {category: IMAGE, mediaUrn: an asset of the caller's with its bytes
    // uploaded, recipes: [feedshare-image]}. Another shape is a 400; an asset not uploaded
    // (or not theirs) a refusal (both inferred).
    let image = match field("/media") {
        None => None,
        Some(media) => {
            let category = media.get("category").and_then(Value::as_str);
            let urn = media.get("mediaUrn").and_then(Value::as_str);
            let recipes = media.get("recipes").and_then(Value::as_array);
            let recipe_ok =
                recipes.is_some_and(|r| r.len() == 1 && r[0].as_str() == Some(FEEDSHARE_IMAGE));
            let asset = urn.and_then(|u| u.strip_prefix("urn:li:digitalmediaAsset:"));
            let (Some("IMAGE"), Some(asset), true) = (category, asset, recipe_ok) else {
                return Answer::error(StatusCode::BAD_REQUEST);
            };
            let ready = world.uploads.iter().any(|u| {
                u.asset == asset && u.person == call.me && u.uploaded && u.kind == "IMAGE_SHARING"
            });
            if !ready {
                return refused(call, "Media asset is not available");
            }
            Some(asset.to_owned())
        }
    };
    // The post reshared: one the caller can see (else a refusal, inferred).
    let reshared = match reshare_of {
        None => None,
        Some(share) => match world
            .posts
            .iter()
            .find(|p| p.share_id == share && world.visible_to(call.me, p))
        {
            Some(p) => Some(p.activity_id),
            None => return refused(call, "Invalid share"),
        },
    };
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
        image,
        reshared,
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

/// `POST /voyagerVideoDashMediaUploadMetadata?action=upload` with `{"mediaUploadType":
/// "IMAGE_SHARING" | "MESSAGING_FILE_ATTACHMENT", "fileSize", "filename"}` (catalogue
/// `media_upload_register`): a new
/// asset of the caller's, its bytes awaited at `<origin>/dms-uploads/<asset>?ut=<token>`.
/// Answers `{"value": {urn, singleUploadUrl, singleUploadHeaders}}` as the evidence reads it
/// (normalized: under `data`); nothing else is recorded. Another upload type, a size that
/// is not a positive integer or a missing file name is a 400 (inferred).
pub(crate) fn register_upload(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let kind = body.get("mediaUploadType").and_then(Value::as_str);
    let size = body.get("fileSize").and_then(Value::as_u64);
    let filename = body.get("filename").and_then(Value::as_str);
    let (
        Some(kind @ ("IMAGE_SHARING" | "MESSAGING_FILE_ATTACHMENT")),
        Some(size @ 1..),
        Some(filename),
    ) = (kind, size, filename)
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if filename.trim().is_empty() {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    if let Err(answer) = caller(call.world, call.me) {
        return answer;
    }
    let n = call.world.uploads.len() as u64 + 1;
    // LinkedIn's asset ids are 19 characters of base64url (`D4E22AQGKhtES62GYIw`,
    // fs:58093815824); these are made from the upload's number.
    let asset = format!("D4E22AQ{}", short_id(n.wrapping_mul(0x9e37_79b9_7f4a_7c15)));
    let token = short_id(n.wrapping_mul(0xc2b2_ae3d_27d4_eb4f) ^ 0x5bd1_e995);
    // The parameters LinkedIn's official API gives an image's upload URL (its messaging
    // upload URLs are not recorded).
    let campaign = if kind == "IMAGE_SHARING" {
        "ca=vector_feedshare&"
    } else {
        ""
    };
    let url = format!(
        "{}{UPLOAD_PATH}{asset}?{campaign}cn=uploads&ut={token}",
        call.origin
    );
    call.world.uploads.push(Upload {
        asset: asset.clone(),
        person: call.me,
        size,
        filename: filename.to_owned(),
        token,
        kind: kind.to_owned(),
        uploaded: false,
        bytes: Vec::new(),
    });
    Answer::ok(json!({
        "value": {
            "urn": format!("urn:li:digitalmediaAsset:{asset}"),
            "singleUploadUrl": url,
            "singleUploadHeaders": {"media-type-family": "STILLIMAGE"},
        },
    }))
}

/// Twelve base64url characters of `n`.
fn short_id(n: u64) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..12)
        .map(|i| char::from(DIGITS[((n >> (i * 5)) & 0x3f) as usize]))
        .collect()
}

/// `PUT /dms-uploads/<asset>?ut=<token>` with the bytes: 201 once they are the length
/// registered (again 201 for the same bytes again, as a PUT repeats); 404 for an asset not
/// registered or a token not its own, 400 for another length (inferred: LinkedIn's answers
/// to a wrong upload are not recorded; its 201 is, peers.md §b.LM).
pub(crate) fn upload(world: &mut World, asset: &str, token: &str, bytes: &[u8]) -> StatusCode {
    let Some(upload) = world
        .uploads
        .iter_mut()
        .find(|u| u.asset == asset && u.token == token)
    else {
        return StatusCode::NOT_FOUND;
    };
    if bytes.len() as u64 != upload.size {
        return StatusCode::BAD_REQUEST;
    }
    upload.uploaded = true;
    upload.bytes = bytes.to_vec();
    StatusCode::CREATED
}

/// Where a message's file is downloaded from, below the sandbox's origin (LinkedIn's own
/// download URLs are not recorded).
pub(crate) const FILE_PATH: &str = "/dms/prv/file/";

/// `GET /dms/prv/file/<asset>?t=<token>`: the bytes of an uploaded file and its media type
/// (the URL is its own authorization, no session asked for, as a signed media URL is); 404
/// for an asset not uploaded or a token not its own (inferred).
pub(crate) fn download(world: &World, asset: &str, token: &str) -> Option<(Vec<u8>, String)> {
    let upload = world
        .uploads
        .iter()
        .find(|u| u.asset == asset && u.token == token && u.uploaded)?;
    let media_type = world
        .conversations
        .iter()
        .flat_map(|c| &c.messages)
        .flat_map(|m| &m.files)
        .find(|f| f.asset == asset)
        .map_or_else(
            || "application/octet-stream".to_owned(),
            |f| f.media_type.clone(),
        );
    Some((upload.bytes.clone(), media_type))
}
