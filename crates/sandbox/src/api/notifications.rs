//! The notifications page: its paged cards (catalogue `notifications`, the decoration
//! peers-2026.md §3 verified live in June 2026) and marking
//! one read (catalogue `notification_mark_read`).
//!
//! Neither answer is recorded (the 2026-02 capture holds only the feed page's preview call,
//! seq 6/43, without its body). The card's fields are the ones public clients read from
//! LinkedIn's answer in 2025-26 (the catalogue entry cites them), and no other:
//! `entityUrn` (`urn:li:fsd_notificationCard:(<KIND>,<object>)`), `objectUrn`, `headline`
//! (a text view model), `headerImage` (its `actionTarget` the actor's profile page, its
//! attribute's `detailDataUnion.profilePicture` the actor's Profile), `cardAction.actionTarget`
//! (the page the card opens), `contentPrimaryText` (the comment's words, for a comment),
//! `publishedAt` and `read`. What makes a notification, and the kinds' names, are inferred.

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, caller, collection, text};
use crate::world::{Author, Person, World};

const CARD_TYPE: &str = "com.linkedin.voyager.dash.identity.notifications.Card";
const PROFILE_TYPE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";
const IMAGE_TYPE: &str = "com.linkedin.voyager.dash.common.image.ImageViewModel";
const IMAGE_ATTRIBUTE_TYPE: &str = "com.linkedin.voyager.dash.common.image.ImageAttribute";

/// The kind of a profile view's card (inferred).
pub(crate) const PROFILE_VIEW: &str = "PROFILE_VIEW";
/// The kind of a comment's card, as public clients match it (fs:53972310363).
pub(crate) const COMMENTED: &str = "COMMENTED_ON_YOUR_POST";
/// The kind of a reaction's card (inferred).
pub(crate) const REACTED: &str = "REACTED_TO_YOUR_POST";

/// One notification of a member.
pub(crate) struct Card<'w> {
    /// When.
    pub(crate) at: u64,
    /// `PROFILE_VIEW`, `COMMENTED_ON_YOUR_POST` or `REACTED_TO_YOUR_POST`.
    pub(crate) kind: &'static str,
    /// What it is about: the second part of its URN, and its `objectUrn`.
    pub(crate) object: String,
    /// Who did it.
    pub(crate) actor: &'w Person,
    /// The line shown.
    pub(crate) headline: String,
    /// The page it opens.
    pub(crate) target: String,
    /// The comment's words, for a comment.
    pub(crate) words: Option<&'w str>,
}

impl Card<'_> {
    /// `urn:li:fsd_notificationCard:(<KIND>,<object>)`.
    pub(crate) fn urn(&self) -> String {
        format!(
            "urn:li:fsd_notificationCard:({},{})",
            self.kind, self.object
        )
    }
}

/// A post's page.
fn post_page(activity: u64) -> String {
    format!("https://www.linkedin.com/feed/update/urn:li:activity:{activity}/")
}

/// Member `me`'s notifications, newest first: one for each view of their profile, each
/// comment and each reaction someone else left on one of their posts.
pub(crate) fn cards(world: &World, me: usize) -> Vec<Card<'_>> {
    let mut out = Vec::new();
    for view in world.profile_views.iter().filter(|v| v.viewed == me) {
        let Some(viewer) = world.people.get(view.viewer) else {
            continue;
        };
        out.push(Card {
            at: view.at,
            kind: PROFILE_VIEW,
            object: format!(
                "urn:li:uniqueSuffix:(urn:li:fsd_profile:{},{})",
                viewer.profile_id, view.at
            ),
            actor: viewer,
            headline: format!("{} viewed your profile", viewer.full_name()),
            target: format!("https://www.linkedin.com/in/{}/", viewer.public_id),
            words: None,
        });
    }
    for post in world
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(me))
    {
        for comment in post.comments.iter().filter(|c| c.author != me) {
            let Some(author) = world.people.get(comment.author) else {
                continue;
            };
            out.push(Card {
                at: comment.created_at,
                kind: COMMENTED,
                object: format!(
                    "urn:li:comment:(activity:{},{})",
                    post.activity_id, comment.id
                ),
                actor: author,
                headline: format!("{} commented on your post", author.full_name()),
                target: post_page(post.activity_id),
                words: Some(&comment.text),
            });
        }
        for (i, reaction) in post.reactions.iter().enumerate() {
            if reaction.person == me {
                continue;
            }
            let Some(reactor) = world.people.get(reaction.person) else {
                continue;
            };
            out.push(Card {
                at: post.reaction_time(i),
                kind: REACTED,
                object: format!(
                    "urn:li:uniqueSuffix:(urn:li:activity:{},urn:li:fsd_profile:{})",
                    post.activity_id, reactor.profile_id
                ),
                actor: reactor,
                headline: format!("{} reacted to your post", reactor.full_name()),
                target: post_page(post.activity_id),
                words: None,
            });
        }
    }
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.object.cmp(&b.object)));
    out
}

/// A card as LinkedIn's answer holds it (nested; the router normalizes it).
fn card_json(world: &World, card: &Card<'_>) -> Value {
    let urn = card.urn();
    let actor = card.actor;
    let mut value = json!({
        "entityUrn": urn,
        "objectUrn": card.object,
        "headline": text(&card.headline),
        "headerImage": {
            "actionTarget": format!("https://www.linkedin.com/in/{}/", actor.public_id),
            "attributes": [{
                "detailDataUnion": {
                    "profilePicture": {
                        "entityUrn": format!("urn:li:fsd_profile:{}", actor.profile_id),
                        "firstName": actor.first_name,
                        "lastName": actor.last_name,
                        "publicIdentifier": actor.public_id,
                        "$type": PROFILE_TYPE,
                    },
                },
                "$type": IMAGE_ATTRIBUTE_TYPE,
            }],
            "$type": IMAGE_TYPE,
        },
        "cardAction": {"actionTarget": card.target},
        "publishedAt": card.at,
        "read": world.notifications_read.contains(&urn),
        "$type": CARD_TYPE,
    });
    if let Some(words) = card.words {
        value["contentPrimaryText"] = json!([text(words)]);
    }
    value
}

/// `GET /voyagerIdentityDashNotificationCards?decorationId=…&count=<n>&q=notifications&start=<n>`
/// (catalogue `notifications`): the caller's notifications, newest first, `count` from
/// `start`, as a collection of `com.linkedin.voyager.dash.identity.notifications.Card` (see
/// the module's documentation for the fields). 400 for a missing, zero or malformed `count`
/// or `start` (and, from the router, for another decoration).
pub(super) fn list(call: &mut Call<'_>) -> Answer {
    let number = |name: &str| call.text(name).and_then(|c| c.parse::<usize>().ok());
    let (Some(count), Some(start)) = (number("count"), number("start")) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if count == 0 {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    let all = cards(world, call.me);
    let total = all.len();
    let elements = all
        .iter()
        .skip(start)
        .take(count)
        .map(|card| card_json(world, card))
        .collect();
    Answer::ok(collection(elements, start, count, total))
}

/// `POST /voyagerNotificationsDashBadge?action=markItemAsRead` with `{"item": "<card URN>"}`
/// (catalogue `notification_mark_read`): the caller's card is read from now on. The answer is
/// not recorded: 200 without a body (inferred). A body without a string `item` is a 400; a
/// card the caller does not have, a 404 (inferred).
pub(super) fn mark_read(call: &mut Call<'_>) -> Answer {
    let item = call
        .json_body()
        .and_then(|b| b.get("item").and_then(Value::as_str).map(str::to_owned));
    let Some(item) = item else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    if !cards(world, call.me).iter().any(|c| c.urn() == item) {
        return Answer::error(StatusCode::NOT_FOUND);
    }
    call.world.notifications_read.insert(item);
    Answer::no_body(StatusCode::OK)
}
