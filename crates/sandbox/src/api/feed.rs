//! The feed and posts: the own chronological feed (`/feed/updatesV2?q=chronFeed`), a member's
//! or a company's posts (`/feed/updates`, GraphQL `profile_posts_dash`), the reactions of a
//! post (`/voyagerSocialDashReactions`, REST and GraphQL) and reacting to it (the GraphQL
//! mutation; the comments and the REST reaction write answer errors, in `api/mod.rs`).
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types. An update carries what the reference
//! client reads (voyager.md §1.2 `get_feed_posts`, §6.1(b)): `actor.name.text`,
//! `actor.subDescription.text` (its age, or `Promoted` for an ad), `actor.urn`,
//! `commentary.text.text` and `updateMetadata.urn`.

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, collection, graphql, text, variables};
use crate::world::clock::{MINUTE_MS, PRESENT_MS};
use crate::world::{Author, Person, Post, Reaction, World};

/// The page size when a request sends no `count`.
const DEFAULT_COUNT: usize = 10;
/// After how many organic updates the feed shows a promoted one.
const PROMOTED_EVERY: usize = 4;
/// The reaction types LinkedIn takes.
const REACTION_TYPES: [&str; 6] = [
    "LIKE",
    "PRAISE",
    "APPRECIATION",
    "EMPATHY",
    "INTEREST",
    "ENTERTAINMENT",
];

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// `start` and `count` from their texts (absent: 0 and 10); `None` when malformed or when
/// `count` is over the endpoint's `max_count`.
fn paging(call: &Call<'_>, start: Option<&str>, count: Option<&str>) -> Option<(usize, usize)> {
    let start = start.map_or(Ok(0), str::parse::<usize>).ok()?;
    let count = count.map_or(Ok(DEFAULT_COUNT), str::parse::<usize>).ok()?;
    let max = call.endpoint.max_count.map_or(usize::MAX, |m| m as usize);
    (count <= max).then_some((start, count))
}

/// `start` and `count` of the query.
fn query_paging(call: &Call<'_>) -> Option<(usize, usize)> {
    paging(
        call,
        call.text("start").as_deref(),
        call.text("count").as_deref(),
    )
}

/// The post with activity id `id` (the bare id, `activity:<id>` or `urn:li:activity:<id>`).
fn post_index(world: &World, id: &str) -> Option<usize> {
    let id = id.strip_prefix("urn:li:").unwrap_or(id);
    let id = id.strip_prefix("activity:").unwrap_or(id);
    let id: u64 = id.parse().ok()?;
    world.posts.iter().position(|p| p.activity_id == id)
}

/// How old a post looks in the feed: `5 m`, `3 h`, `4 d`, `2 w`, `2 mo`, `1 yr`.
fn age_text(created_at: u64) -> String {
    let minutes = PRESENT_MS.saturating_sub(created_at) / MINUTE_MS;
    let hours = minutes / 60;
    let days = hours / 24;
    match () {
        () if hours == 0 => format!("{} m", minutes.max(1)),
        () if days == 0 => format!("{hours} h"),
        () if days < 7 => format!("{days} d"),
        () if days < 30 => format!("{} w", days / 7),
        () if days < 365 => format!("{} mo", days / 30),
        () => format!("{} yr", days / 365),
    }
}

/// The actor of an update: a member (`urn:li:member:`) or a company (`urn:li:company:`).
fn actor(world: &World, post: &Post) -> Value {
    let (name, urn) = match post.author {
        Author::Person(i) => world.people.get(i).map_or_else(
            || (String::new(), String::new()),
            |p| (p.full_name(), format!("urn:li:member:{}", p.member_id)),
        ),
        Author::Company(i) => world.companies.get(i).map_or_else(
            || (String::new(), String::new()),
            |c| (c.name.clone(), format!("urn:li:company:{}", c.id)),
        ),
    };
    let age = if post.promoted {
        "Promoted".to_owned()
    } else {
        format!("{} • ", age_text(post.created_at))
    };
    json!({
        "name": text(&name),
        "subDescription": text(&age),
        "urn": urn,
        "$type": "com.linkedin.voyager.feed.render.ActorComponent",
    })
}

/// An update of `post` with entity URN `entity_urn` and type `kind`, as the feeds show it.
fn update(world: &World, post: &Post, entity_urn: String, kind: &str) -> Value {
    let activity = format!("urn:li:activity:{}", post.activity_id);
    let mut value = update_only(world, post, entity_urn, kind, &activity);
    // A reshare carries the update it reshares (`*resharedUpdate` once normalized, as the
    // reference client reads it, voyager.md §1.2).
    if let Some(parent) = post
        .reshared
        .and_then(|id| world.posts.iter().find(|p| p.activity_id == id))
    {
        let parent_activity = format!("urn:li:activity:{}", parent.activity_id);
        let parent_urn = entity_urn_like(&value, &parent_activity);
        value["resharedUpdate"] = update_only(world, parent, parent_urn, kind, &parent_activity);
    }
    value
}

/// `entity_urn` of an update with `activity` in place of its own post's.
fn entity_urn_like(update: &Value, activity: &str) -> String {
    let own = update["updateMetadata"]["urn"].as_str().unwrap_or_default();
    update["entityUrn"]
        .as_str()
        .unwrap_or_default()
        .replace(own, activity)
}

/// An update without the one it reshares.
fn update_only(
    world: &World,
    post: &Post,
    entity_urn: String,
    kind: &str,
    activity: &str,
) -> Value {
    json!({
        "entityUrn": entity_urn,
        "actor": actor(world, post),
        "commentary": {
            "text": text(&post.text),
            "$type": "com.linkedin.voyager.feed.render.TextComponent",
        },
        "updateMetadata": {
            "urn": activity,
            "$type": "com.linkedin.voyager.feed.render.UpdateMetadata",
        },
        "socialDetail": {
            "entityUrn": format!("urn:li:fs_socialDetail:{activity}"),
            "urn": activity,
            "$type": "com.linkedin.voyager.feed.SocialDetail",
        },
        "$type": kind,
    })
}

const UPDATE_V2_TYPE: &str = "com.linkedin.voyager.feed.render.UpdateV2";

/// The legacy update of `post` in feed `feed` (`MAIN_FEED`, …).
fn update_v2(world: &World, post: &Post, feed: &str) -> Value {
    let urn = format!(
        "urn:li:fs_updateV2:(urn:li:activity:{},{feed},EMPTY,DEFAULT,false)",
        post.activity_id
    );
    update(world, post, urn, UPDATE_V2_TYPE)
}

/// A page of `posts` as a collection of updates built by `build`.
fn page_of<'w>(
    world: &'w World,
    posts: &[&'w Post],
    (start, count): (usize, usize),
    build: impl Fn(&'w World, &'w Post) -> Value,
) -> Value {
    let elements = posts
        .iter()
        .skip(start)
        .take(count)
        .map(|p| build(world, p))
        .collect();
    collection(elements, start, count, posts.len())
}

// ---------------------------------------------------------------------------------------
// Feeds
// ---------------------------------------------------------------------------------------

/// The caller's feed, in order: the posts of their connections and the organic posts of
/// companies, newest first, with a promoted post after every [`PROMOTED_EVERY`] of them.
fn feed_posts(world: &World, me: usize) -> Vec<&Post> {
    let organic = world.posts.iter().filter(|p| world.in_organic_feed(me, p));
    let mut promoted = world.posts.iter().filter(|p| p.promoted);
    let mut feed = Vec::new();
    for (n, post) in organic.enumerate() {
        if n > 0 && n % PROMOTED_EVERY == 0 {
            feed.extend(promoted.next());
        }
        feed.push(post);
    }
    feed
}

/// `GET /feed/updatesV2?q=chronFeed&start=&count=`: the caller's feed, paged, its updates
/// `urn:li:fs_updateV2:(urn:li:activity:<id>,MAIN_FEED,EMPTY,DEFAULT,false)`; over 100 is a 400.
pub(super) fn feed_chron(call: &mut Call<'_>) -> Answer {
    let Some(paging) = query_paging(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let posts = feed_posts(world, call.me);
    Answer::ok(page_of(world, &posts, paging, |w, p| {
        update_v2(w, p, "MAIN_FEED")
    }))
}

/// The largest page of the main feed. Not recorded for the GraphQL feed; inferred from the
/// chronological feed's (2.3.1: "If count>100 API will return HTTP 400").
const MAX_FEED_COUNT: usize = 100;

/// The `paginationToken` of `me`'s main feed, `<memberId>-<ms>-<hex>` as the capture shows it
/// (voyager.md §4.8, §6.3): the member id, the world's present and a hash of the member id.
/// One token per member, the same on every page (a feed session's token).
fn main_feed_token(me: &Person) -> String {
    format!(
        "{}-{PRESENT_MS}-{:016x}",
        me.member_id,
        me.member_id.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    )
}

/// Catalogue `feed_main`, by
/// `variables=(start:,count:[,paginationToken:],sortOrder:MEMBER_SETTING)`: under its data
/// root, the caller's feed (the posts and order of the
/// chronological feed, promoted posts included) as dash updates
/// `urn:li:fsd_update:(urn:li:activity:<id>,MAIN_FEED,EMPTY,DEFAULT,false)` with the fields
/// the feed readers take (`actor`, `commentary`, `updateMetadata`), paged, with
/// `metadata.paginationToken`. The token's format is the capture's; the root field is where
/// other clients read LinkedIn's answers (not in the reference); the rest is inferred from the
/// chronological feed. The first page
/// may leave the token out; a page that sends one must send the feed's own: a 400 otherwise,
/// as for a missing `start` or `count`, a `count` of 0 or over 100, or a `sortOrder` other than
/// `MEMBER_SETTING`, `RELEVANCE` or `CHRONOLOGICAL`.
pub(super) fn feed_main(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let var = |name: &str| vars.as_ref().and_then(|v| v.get(name)?.as_str());
    let start = var("start").and_then(|s| s.parse::<usize>().ok());
    let count = var("count").and_then(|c| c.parse::<usize>().ok());
    let (Some(start), Some(count)) = (start, count) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let sort_ok = var("sortOrder")
        .is_none_or(|o| matches!(o, "MEMBER_SETTING" | "RELEVANCE" | "CHRONOLOGICAL"));
    if count == 0 || count > MAX_FEED_COUNT || !sort_ok {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    let Some(me) = world.people.get(call.me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    let token = main_feed_token(me);
    if var("paginationToken").is_some_and(|t| t != token) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let posts = feed_posts(world, call.me);
    let mut page = page_of(world, &posts, (start, count), |w, p| {
        let urn = format!(
            "urn:li:fsd_update:(urn:li:activity:{},MAIN_FEED,EMPTY,DEFAULT,false)",
            p.activity_id
        );
        update(w, p, urn, DASH_UPDATE_TYPE)
    });
    if let Value::Object(map) = &mut page {
        map.insert("metadata".to_owned(), json!({"paginationToken": token}));
    }
    graphql(call.endpoint, page)
}

const DASH_UPDATE_TYPE: &str = "com.linkedin.voyager.dash.feed.Update";

/// Catalogue `feed_update`, by `variables=(updateUrn:<urn>)` (peers.md MX: how a
/// post shared in a message is fetched): the one update, as a dash update
/// `urn:li:fsd_update:(urn:li:activity:<id>,FEED_DETAIL,EMPTY,DEFAULT,false)`. The data root
/// is inferred from LinkedIn's naming, as is `null` for a post the world does not have (as
/// `profile_by_urn` answers an unknown profile). The URN may
/// be the post's `urn:li:activity:<id>` or an `urn:li:fsd_update:(urn:li:activity:<id>,…)`;
/// anything else is a 400. The update's social detail carries the post's counts
/// ([`activity_counts`]); a post for connections only is `null` to anyone else.
pub(super) fn feed_update(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let Some(urn) = vars
        .as_ref()
        .and_then(|v| v.get("updateUrn")?.as_str())
        .map(str::to_owned)
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let activity = urn
        .strip_prefix("urn:li:fsd_update:(")
        .and_then(|rest| rest.split(',').next())
        .unwrap_or(&urn);
    let Some(id) = activity
        .strip_prefix("urn:li:activity:")
        .and_then(|id| id.parse::<u64>().ok())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let value = world
        .posts
        .iter()
        .find(|p| p.activity_id == id && world.visible_to(call.me, p))
        .map(|p| {
            let urn = format!(
                "urn:li:fsd_update:(urn:li:activity:{},FEED_DETAIL,EMPTY,DEFAULT,false)",
                p.activity_id
            );
            let mut value = update(world, p, urn, DASH_UPDATE_TYPE);
            value["socialDetail"]["totalSocialActivityCounts"] = activity_counts(world, p);
            // The share, which resharing takes (the name a 2024 answer gives it,
            // fs:36179659519; not recorded for this query).
            value["updateMetadata"]["shareUrn"] = json!(format!("urn:li:share:{}", p.share_id));
            value
        })
        .unwrap_or(Value::Null);
    graphql(call.endpoint, value)
}

/// A post's counts as one update's detail shows them: a
/// `com.linkedin.voyager.dash.feed.SocialActivityCounts` with `numLikes` (every reaction),
/// `numComments`, `numShares` (the world's reshares of it) and `reactionTypeCounts`
/// (each type's count, most first). The names are those public clients read from LinkedIn's
/// feed answers in 2026 (fs:55073790937, fs:11245510647); the answer is not recorded.
fn activity_counts(world: &World, post: &Post) -> Value {
    let mut by_type: Vec<(&str, usize)> = REACTION_TYPES
        .iter()
        .map(|t| (*t, post.reactions.iter().filter(|r| r.kind == *t).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    by_type.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    json!({
        "entityUrn": format!("urn:li:fsd_socialActivityCounts:urn:li:activity:{}", post.activity_id),
        "numLikes": post.reactions.len(),
        "numComments": post.comments.len(),
        "numShares": world.posts.iter().filter(|p| p.reshared == Some(post.activity_id)).count(),
        "reactionTypeCounts": by_type
            .iter()
            .map(|(t, n)| json!({"reactionType": t, "count": n}))
            .collect::<Vec<_>>(),
        "$type": "com.linkedin.voyager.dash.feed.SocialActivityCounts",
    })
}

/// The posts of `author`, newest first (promoted ones are ads, not the author's shares).
fn posts_of(world: &World, author: Author) -> Vec<&Post> {
    world
        .posts
        .iter()
        .filter(|p| p.author == author && !p.promoted)
        .collect()
}

/// `GET /feed/updates?companyUniversalName=&q=companyFeedByUniversalName&moduleKey=member-share`:
/// the company's posts (by universal name or id), paged; 404 for an unknown company.
pub(super) fn company_updates(call: &mut Call<'_>) -> Answer {
    let (Some(name), Some(paging)) = (call.text("companyUniversalName"), query_paging(call)) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(index) = world
        .companies
        .iter()
        .position(|c| c.universal_name == name || c.id.to_string() == name)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let posts = posts_of(world, Author::Company(index));
    Answer::ok(page_of(world, &posts, paging, |w, p| {
        update_v2(w, p, "COMPANY_SHARES")
    }))
}

/// `GET /feed/updates?profileId=&q=memberShareFeed&moduleKey=member-share`: the member's posts
/// (by public id or profile id), paged; 404 for an unknown member.
pub(super) fn profile_updates(call: &mut Call<'_>) -> Answer {
    let (Some(id), Some(paging)) = (call.text("profileId"), query_paging(call)) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(index) = world
        .people
        .iter()
        .position(|p| p.public_id == id || p.profile_id == id)
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let posts = posts_of(world, Author::Person(index));
    Answer::ok(page_of(world, &posts, paging, |w, p| {
        update_v2(w, p, "MEMBER_SHARES")
    }))
}

/// The `paginationToken` a page of a member's posts ending just before `post` hands out: an
/// opaque text to LinkedIn's clients; here the base64 of that post's activity URN.
fn posts_token(post: &Post) -> String {
    crate::BASE64.encode(format!("urn:li:activity:{}", post.activity_id).as_bytes())
}

/// Catalogue `profile_posts_dash`, by
/// `variables=(count:,start:,profileUrn:[,paginationToken:])`: under its data root, the
/// member's posts as dash updates
/// (`urn:li:fsd_update:(urn:li:activity:<id>,MEMBER_SHARES,EMPTY,DEFAULT,false)`), with
/// `metadata.paginationToken` when the page has posts, as LinkedIn's profile posts carry
/// (voyager.md §6.3; the reference does not record this query's metadata, so it follows the
/// legacy profile posts). A later page may send the token back; one that does not match the
/// page before `start` is a 400. 404 for an unknown member.
pub(super) fn profile_posts_dash(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let var = |name: &str| vars.as_ref().and_then(|v| v.get(name)?.as_str());
    let (Some(urn), Some(paging)) = (var("profileUrn"), paging(call, var("start"), var("count")))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(index) = urn
        .strip_prefix("urn:li:fsd_profile:")
        .and_then(|id| world.people.iter().position(|p| p.profile_id == id))
    else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let mut posts = posts_of(world, Author::Person(index));
    posts.retain(|p| world.visible_to(call.me, p));
    if let Some(token) = var("paginationToken") {
        let before = paging.0.checked_sub(1).and_then(|i| posts.get(i));
        if before.map(|p| posts_token(p)).as_deref() != Some(token) {
            return Answer::error(StatusCode::BAD_REQUEST);
        }
    }
    let mut page = page_of(world, &posts, paging, |w, p| {
        let urn = format!(
            "urn:li:fsd_update:(urn:li:activity:{},MEMBER_SHARES,EMPTY,DEFAULT,false)",
            p.activity_id
        );
        update(w, p, urn, DASH_UPDATE_TYPE)
    });
    let last = posts.iter().skip(paging.0).take(paging.1).next_back();
    if let (Some(last), Value::Object(map)) = (last, &mut page) {
        map.insert(
            "metadata".to_owned(),
            json!({"paginationToken": posts_token(last)}),
        );
    }
    graphql(call.endpoint, page)
}

// ---------------------------------------------------------------------------------------
// Reactions
// ---------------------------------------------------------------------------------------

/// One reaction as `ReactionsByTypeWithProfileActions` shows it: the type and the reactor.
fn reaction(world: &World, post: &Post, r: &Reaction) -> Value {
    let reactor = world.people.get(r.person);
    let profile = reactor.map_or_else(String::new, |p| {
        format!("urn:li:fsd_profile:{}", p.profile_id)
    });
    json!({
        "entityUrn": format!("urn:li:fsd_reaction:({profile},urn:li:activity:{},0)", post.activity_id),
        "reactionType": r.kind,
        "actorUrn": profile,
        "reactorLockup": {
            "title": text(&reactor.map(Person::full_name).unwrap_or_default()),
            "subtitle": text(reactor.map_or("", |p| p.headline.as_str())),
            "navigationUrl": reactor.map(|p| format!("https://www.linkedin.com/in/{}", p.public_id)),
            "$type": "com.linkedin.voyager.dash.feed.EntityLockupViewModel",
        },
        "$type": "com.linkedin.voyager.dash.social.Reaction",
    })
}

/// The page of reactions of the post `thread` (`urn:li:activity:<id>`), of type `only` when
/// given; `None` if the post is unknown.
fn reactions_page(
    world: &World,
    thread: &str,
    only: Option<&str>,
    (start, count): (usize, usize),
) -> Option<Value> {
    let post = &world.posts[post_index(world, thread)?];
    let kept: Vec<&Reaction> = post
        .reactions
        .iter()
        .filter(|r| only.is_none_or(|kind| r.kind == kind))
        .collect();
    let elements = kept
        .iter()
        .skip(start)
        .take(count)
        .map(|r| reaction(world, post, r))
        .collect();
    Some(collection(elements, start, count, kept.len()))
}

/// `GET /voyagerSocialDashReactions?q=reactionType&threadUrn=urn:li:activity:<id>&start=&count=`:
/// the post's reactions, paged; 404 for an unknown post.
pub(super) fn post_reactions(call: &mut Call<'_>) -> Answer {
    let (Some(thread), Some(paging)) = (call.text("threadUrn"), query_paging(call)) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    match reactions_page(call.world, &thread, None, paging) {
        Some(page) => Answer::ok(page),
        None => Answer::error(StatusCode::NOT_FOUND),
    }
}

/// Catalogue `post_reactions_dash`, by `variables=(count:,start:,threadUrn:[,reactionType:])`:
/// the post's reactions under its data root, all types mixed or only `reactionType`'s, paged
/// (`paging.total` counts those the filter keeps); 404 for an unknown post, 400 for an unknown
/// type or a page over the catalogue's `max_count`.
pub(super) fn post_reactions_dash(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let var = |name: &str| vars.as_ref().and_then(|v| v.get(name)?.as_str());
    let (Some(thread), Some(paging)) = (var("threadUrn"), paging(call, var("start"), var("count")))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let only = var("reactionType");
    if only.is_some_and(|kind| !REACTION_TYPES.contains(&kind)) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    match reactions_page(call.world, thread, only, paging) {
        Some(page) => graphql(call.endpoint, page),
        None => Answer::error(StatusCode::NOT_FOUND),
    }
}

/// Catalogue `post_react_dash`: `POST /graphql?action=execute&queryId=voyagerSocialDashReactions.…`
/// with `{"variables": {"entity": {"reactionType": "<type>"}, "threadUrn":
/// "urn:li:activity:<id>"}, "queryId": …, "includeWebMetadata": true}` (peers-2026.md §3):
/// sets the caller's reaction (a new one comes first, a changed one keeps its place). The
/// router has checked the variables' names and the body's `queryId`. The answer is not
/// recorded: 200 with an empty GraphQL `data`, as the recorded mutation (seq 124) answers
/// (inferred). An unknown type is a 400, an unknown post a 404 (inferred, as the REST write
/// answered).
pub(super) fn post_react_dash(call: &mut Call<'_>) -> Answer {
    let body = call.json_body();
    let var = |pointer: &str| {
        body.as_ref()
            .and_then(|b| b.pointer(pointer)?.as_str().map(str::to_owned))
    };
    let (Some(thread), Some(kind)) = (
        var("/variables/threadUrn"),
        var("/variables/entity/reactionType"),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if !REACTION_TYPES.contains(&kind.as_str()) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(index) = post_index(call.world, &thread) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let me = call.me;
    let at = super::messaging::world_now(call.world).max(PRESENT_MS) + 1_000;
    let reactions = &mut call.world.posts[index].reactions;
    match reactions.iter_mut().find(|r| r.person == me) {
        Some(r) => {
            r.kind = kind;
            r.at = at;
        }
        None => reactions.insert(
            0,
            Reaction {
                person: me,
                kind,
                at,
            },
        ),
    }
    Answer::ok(json!({"data": {}}))
}

/// Catalogue `post_unreact_dash`: `POST /graphql?action=execute&queryId=voyagerSocialDashReactions.…`
/// with `{"queryId", "queryName": "DoDeleteReactionSocialDashReactions", "variables":
/// {"threadUrn", "reactionType"}}` (public code on the Android app's mutation): takes the
/// caller's reaction of that type off the post, answering the empty record that source
/// shows. A reaction the caller did not give (none, or of another type) is a GraphQL error in
/// a 200, `Reaction cannot be found.` (the words another of LinkedIn's reaction answers uses;
/// inferred here); an unknown type or a missing variable is a 400, an unknown post a 404.
pub(super) fn post_unreact_dash(call: &mut Call<'_>) -> Answer {
    let body = call.json_body();
    let var = |pointer: &str| {
        body.as_ref()
            .and_then(|b| b.pointer(pointer)?.as_str().map(str::to_owned))
    };
    let (Some(thread), Some(kind)) = (var("/variables/threadUrn"), var("/variables/reactionType"))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if !REACTION_TYPES.contains(&kind.as_str())
        || var("/queryName").as_deref() != Some("DoDeleteReactionSocialDashReactions")
    {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(index) = post_index(call.world, &thread) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let me = call.me;
    let reactions = &mut call.world.posts[index].reactions;
    let Some(mine) = reactions
        .iter()
        .position(|r| r.person == me && r.kind == kind)
    else {
        let root = "doDeleteReactionSocialDashReactions";
        return Answer::ok(json!({
            "value": {"data": {root: null}},
            "errors": [{"message": "Reaction cannot be found.", "path": [root]}],
        }));
    };
    reactions.remove(mine);
    Answer::ok(json!({
        "$metadata": {"isGraphQLActionResponse": true},
        "value": {"data": {"doDeleteReactionSocialDashReactions": {
            "result": {"__typename": "restli_common_EmptyRecord"},
        }}},
    }))
}
