//! A post's comments through the 2026 GraphQL query (catalogue `post_comments_dash`) and
//! commenting or replying (catalogue `comment_create`, the NormComment write peers-2026.md §3
//! verified live in June 2026).
//!
//! Neither answer is recorded. A comment is a `com.linkedin.voyager.dash.social.Comment` with
//! the fields public clients read from LinkedIn's answer in 2026 (the catalogue entries cite
//! them) and no other: `entityUrn` (`urn:li:fsd_comment:(<id>,urn:li:activity:<post>)`),
//! `urn` (`urn:li:comment:(activity:<post>,<id>)`), `commentary`, `commenter` (`title`,
//! `subtitle`, `navigationUrl`, `actor.*profileUrn`) and `createdAt`. The page is
//! `*elements` with `paging` and `metadata.paginationToken` (while more follow).

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, caller, collection, graphql, text, variables};
use crate::world::clock::PRESENT_MS;
use crate::world::{Comment, Post, World};

const COMMENT_TYPE: &str = "com.linkedin.voyager.dash.social.Comment";
const PROFILE_TYPE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";

/// The longest comment taken, in characters (LinkedIn's comment box; inferred).
pub(crate) const COMMENT_TEXT_MAX: usize = 1_250;

/// What a social detail is of: a post's (its comments), or a comment's (its replies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Thread {
    /// `urn:li:fsd_socialDetail:(urn:li:activity:<id>,urn:li:activity:<id>,…)`.
    Post(u64),
    /// `urn:li:fsd_socialDetail:(urn:li:comment:(activity:<post>,<comment>),…)`, the form
    /// LinkedIn gives a comment's social detail (fs:36179659519, fs:71643096715).
    Comment(u64, u64),
}

/// The thread a `socialDetailUrn` names: its first part, repeated as its second.
fn social_detail_thread(urn: &str) -> Option<Thread> {
    let inner = urn
        .strip_prefix("urn:li:fsd_socialDetail:(")?
        .strip_suffix(",urn:li:highlightedReply:-)")?;
    if let Some(post) = inner.strip_prefix("urn:li:activity:") {
        let (first, second) = post.split_once(',')?;
        let id = first.parse().ok()?;
        return (second == format!("urn:li:activity:{id}")).then_some(Thread::Post(id));
    }
    let rest = inner.strip_prefix("urn:li:comment:(activity:")?;
    let (first, second) = rest.split_once("),")?;
    let (post, comment) = first.split_once(',')?;
    let (post, comment) = (post.parse().ok()?, comment.parse().ok()?);
    (second == format!("urn:li:comment:(activity:{post},{comment})"))
        .then_some(Thread::Comment(post, comment))
}

/// A comment as the answers show it (nested; the router normalizes it).
fn comment_json(world: &World, post: &Post, c: &Comment) -> Value {
    let author = world.people.get(c.author);
    let name = author
        .map(crate::world::Person::full_name)
        .unwrap_or_default();
    let headline = author.map(|p| p.headline.clone()).unwrap_or_default();
    let mut commenter = json!({
        "title": text(&name),
        "subtitle": text(&headline),
    });
    if let Some(p) = author {
        commenter["navigationUrl"] = json!(format!("https://www.linkedin.com/in/{}/", p.public_id));
        commenter["actor"] = json!({"profileUrn": {
            "entityUrn": format!("urn:li:fsd_profile:{}", p.profile_id),
            "firstName": p.first_name,
            "lastName": p.last_name,
            "publicIdentifier": p.public_id,
            "$type": PROFILE_TYPE,
        }});
    }
    json!({
        "entityUrn": format!("urn:li:fsd_comment:({},urn:li:activity:{})", c.id, post.activity_id),
        "urn": format!("urn:li:comment:(activity:{},{})", post.activity_id, c.id),
        "commentary": text(&c.text),
        "commenter": commenter,
        "createdAt": c.created_at,
        "$type": COMMENT_TYPE,
    })
}

/// The token of the page after the one ending at `end` of a thread (inferred form).
fn token(thread: Thread, end: usize) -> String {
    match thread {
        Thread::Post(post) => format!("{post}-{end}"),
        Thread::Comment(post, comment) => format!("{post}-{comment}-{end}"),
    }
}

/// Catalogue `post_comments_dash`: `variables=(count,numReplies,socialDetailUrn,sortOrder,start)`
/// and, for a later page, `paginationToken`: the post's comments (not the replies), or with a
/// comment's social detail that comment's replies (inferred: the same query on the reply
/// thread), oldest first (the world has no relevance), `count` from `start`; a token must be
/// the one the page before gave (else 400, inferred). A post or comment the world does not
/// have, or a post the caller may not see, is a 404 (inferred); a malformed
/// `socialDetailUrn`, a zero or missing `count` or a missing `start` a 400.
pub(super) fn list(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let var = |name: &str| vars.as_ref().and_then(|v| v.get(name));
    let number = |name: &str| {
        var(name)
            .and_then(|v| v.as_str().map(str::to_owned))
            .and_then(|s| s.parse::<usize>().ok())
    };
    let urn = var("socialDetailUrn").and_then(|v| v.as_str().map(str::to_owned));
    let (Some(thread), Some(count), Some(start)) = (
        urn.as_deref().and_then(social_detail_thread),
        number("count"),
        number("start"),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if count == 0 {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    let (id, parent) = match thread {
        Thread::Post(id) => (id, None),
        Thread::Comment(id, comment) => (id, Some(comment)),
    };
    let Some(post) = world
        .posts
        .iter()
        .find(|p| p.activity_id == id && world.visible_to(call.me, p))
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if let Some(parent) = parent
        && !post.comments.iter().any(|c| c.id == parent)
    {
        return Answer::error(StatusCode::NOT_FOUND);
    }
    if let Some(given) = var("paginationToken").and_then(|v| v.as_str().map(str::to_owned))
        && given != token(thread, start)
    {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let top: Vec<&Comment> = post
        .comments
        .iter()
        .filter(|c| c.reply_to == parent)
        .collect();
    let elements = top
        .iter()
        .skip(start)
        .take(count)
        .map(|c| comment_json(world, post, c))
        .collect();
    let mut page = collection(elements, start, count, top.len());
    let end = start + count;
    if end < top.len() {
        page["metadata"] = json!({"paginationToken": token(thread, end)});
    }
    graphql(call.endpoint, page)
}

/// Catalogue `comment_create`: `POST /voyagerSocialDashNormComments?decorationId=…` with
/// `{"commentary": {"text", "attributesV2", "$type"}, "threadUrn"}`: a comment of the caller
/// on the post (`urn:li:activity:<id>`) or a reply to one of its comments
/// (`urn:li:comment:(activity:<id>,<comment id>)`), last of its comments. 201 with the new
/// comment (inferred: a Rest.li create with a decoration returns its entity). 400 for a
/// missing or empty text, one over 1,250 characters, or a thread that is not such a URN;
/// 404 for a post or comment the world does not have (inferred).
pub(super) fn create(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let text_of = body.pointer("/commentary/text").and_then(Value::as_str);
    let attributes_ok = body
        .pointer("/commentary/attributesV2")
        .is_some_and(Value::is_array);
    let thread = body.get("threadUrn").and_then(Value::as_str);
    let (Some(words), Some(thread), true) = (text_of, thread, attributes_ok) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if words.trim().is_empty() || words.chars().count() > COMMENT_TEXT_MAX {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let (activity, parent) = if let Some(id) = thread.strip_prefix("urn:li:activity:") {
        (id.parse::<u64>().ok(), None)
    } else if let Some(inner) = thread
        .strip_prefix("urn:li:comment:(activity:")
        .and_then(|r| r.strip_suffix(')'))
    {
        let mut parts = inner.split(',');
        let post = parts.next().and_then(|p| p.parse::<u64>().ok());
        let comment = parts.next().and_then(|c| c.parse::<u64>().ok());
        match comment {
            Some(c) => (post, Some(c)),
            None => return Answer::error(StatusCode::BAD_REQUEST),
        }
    } else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(activity) = activity else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    let Some(index) = world
        .posts
        .iter()
        .position(|p| p.activity_id == activity && world.visible_to(call.me, p))
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let post = &world.posts[index];
    if parent.is_some_and(|id| !post.comments.iter().any(|c| c.id == id)) {
        return Answer::error(StatusCode::NOT_FOUND);
    }
    let at = post
        .comments
        .iter()
        .map(|c| c.created_at)
        .max()
        .unwrap_or(post.created_at)
        .max(PRESENT_MS)
        + 1_000;
    let id = (at << 22) | (post.comments.len() as u64 & 0x3f_ffff);
    let comment = Comment {
        id,
        author: call.me,
        text: words.to_owned(),
        created_at: at,
        reply_to: parent,
    };
    call.world.posts[index].comments.push(comment);
    let world = &*call.world;
    let post = &world.posts[index];
    let Some(made) = post.comments.last() else {
        return Answer::error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    Answer {
        status: StatusCode::CREATED,
        body: comment_json(world, post, made),
    }
}

/// `DELETE /voyagerSocialDashNormComments/urn:li:fsd_comment:(<comment>,urn:li:activity:<post>)`
/// (catalogue `comment_delete`): the caller's comment goes, with the replies to it. Answers
/// 204 without a body (a 2xx with an empty body: fs:61481511016). A key that is not an
/// `urn:li:fsd_comment:` URN is a 400; a comment the world does not have (or on a post the
/// caller may not see), a 404; someone else's, a 403 (inferred).
pub(super) fn delete(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("commentUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some((id, activity)) = urn
        .strip_prefix("urn:li:fsd_comment:(")
        .and_then(|r| r.strip_suffix(')'))
        .and_then(|r| r.split_once(",urn:li:activity:"))
        .and_then(|(id, a)| Some((id.parse::<u64>().ok()?, a.parse::<u64>().ok()?)))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &mut *call.world;
    let Some(index) = world
        .posts
        .iter()
        .position(|p| p.activity_id == activity && world.visible_to(me, p))
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let post = &mut world.posts[index];
    let Some(at) = post.comments.iter().position(|c| c.id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    if post.comments[at].author != me {
        return Answer::error(StatusCode::FORBIDDEN);
    }
    post.comments.remove(at);
    post.comments.retain(|c| c.reply_to != Some(id));
    Answer::no_body(StatusCode::NO_CONTENT)
}
