//! The web app's background calls outside messaging, as the 2026 browser capture shows them
//! (voyager.md §4.8) and the fork reads one of them (§4.5): the global navigation, the
//! notification cards, the feed's relevance signals, and the legacy relationships summaries
//! (connections, invitations, My Network notifications).
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types. Where the reference records a call but not
//! its answer, the doc comment of its function says what is inferred.

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, caller, collection, graphql, text, variables};
use crate::world::clock::{PRESENT_MONTH, month_number};
use crate::world::{Author, Person, World};

const PROFILE_TYPE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";

// ---------------------------------------------------------------------------------------
// Global navigation
// ---------------------------------------------------------------------------------------

/// The top bar's items other than "Me": title and page.
const NAV_ITEMS: [(&str, &str); 5] = [
    ("Home", "https://www.linkedin.com/feed/"),
    ("My Network", "https://www.linkedin.com/mynetwork/"),
    ("Jobs", "https://www.linkedin.com/jobs/"),
    ("Messaging", "https://www.linkedin.com/messaging/"),
    ("Notifications", "https://www.linkedin.com/notifications/"),
];

/// Catalogue `global_nav`, with `variables=()`: under its data root, a nav whose
/// `primaryItems[].meMenu.profile.entityUrn` is the caller's `urn:li:fsd_profile:` (voyager.md
/// §4.5, the fork's `get_globals`; normalized, `meMenu["*profile"]` with the Profile in
/// `included`). The other items (the top bar: title and page) and the Profile's fields besides
/// `entityUrn` (the names, vanity name and headline) are inferred. The query takes no
/// variables: a non-empty `variables` map is a 400.
pub(super) fn global_nav(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    if vars
        .as_ref()
        .is_some_and(|v| v.as_map().is_none_or(|m| !m.is_empty()))
    {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let me = match caller(call.world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let mut items: Vec<Value> = NAV_ITEMS
        .iter()
        .map(|(title, url)| {
            json!({
                "title": title,
                "navigationUrl": url,
                "$type": "com.linkedin.voyager.dash.feed.nav.GlobalNavItem",
            })
        })
        .collect();
    items.push(json!({
        "title": "Me",
        "meMenu": {
            "profile": {
                "entityUrn": format!("urn:li:fsd_profile:{}", me.profile_id),
                "publicIdentifier": me.public_id,
                "firstName": me.first_name,
                "lastName": me.last_name,
                "headline": me.headline,
                "$type": PROFILE_TYPE,
            },
            "$type": "com.linkedin.voyager.dash.feed.nav.MeMenu",
        },
        "$type": "com.linkedin.voyager.dash.feed.nav.GlobalNavItem",
    }));
    graphql(
        call.endpoint,
        json!({"primaryItems": items, "$type": "com.linkedin.voyager.dash.feed.nav.GlobalNav"}),
    )
}

// ---------------------------------------------------------------------------------------
// Notification cards
// ---------------------------------------------------------------------------------------

/// One notification of the caller: when, of what kind, a key unique within the kind, the
/// line shown and the page it opens.
struct Card {
    at: u64,
    kind: &'static str,
    key: String,
    headline: String,
    url: String,
}

/// The caller's notifications, newest first: a card for each view of their profile and for
/// each comment someone else wrote on one of their posts.
fn cards(world: &World, me: usize) -> Vec<Card> {
    let mut out = Vec::new();
    for view in world.profile_views.iter().filter(|v| v.viewed == me) {
        let Some(viewer) = world.people.get(view.viewer) else {
            continue;
        };
        out.push(Card {
            at: view.at,
            kind: "PROFILE_VIEW",
            key: format!("{}-{}", view.at, viewer.member_id),
            headline: format!("{} viewed your profile", viewer.full_name()),
            url: format!("https://www.linkedin.com/in/{}/", viewer.public_id),
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
                kind: "COMMENT",
                key: format!("{}-{}", post.activity_id, comment.id),
                headline: format!("{} commented on your post", author.full_name()),
                url: format!(
                    "https://www.linkedin.com/feed/update/urn:li:activity:{}/",
                    post.activity_id
                ),
            });
        }
    }
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.key.cmp(&b.key)));
    out
}

/// `GET /voyagerIdentityDashNotificationCards?decorationId=…&count=<n>&q=filterVanityName`
/// (catalogue `notification_cards`): the caller's notifications, newest first, as `com.linkedin.voyager.dash.identity.notifications.Card`
/// entities (normalized: `*elements` and the cards in `included`) with `headline` (a text view
/// model), `publishedAt` and `navigationUrl`. Only the request is recorded: the card's fields
/// and what makes a notification are inferred — a card for each view of the caller's profile
/// ("Ada Lovelace viewed your profile") and for each comment someone else left on one of their
/// posts, keyed `urn:li:fsd_notificationCard:(<KIND>,urn:li:fsd_profile:<me>,<key>)`. Paged by
/// `count` and, for later pages (not recorded), `start`. 400 for a missing or zero `count` or
/// a malformed `start` (and, from the router, for another decoration).
pub(super) fn notification_cards(call: &mut Call<'_>) -> Answer {
    let count = call.text("count").and_then(|c| c.parse::<usize>().ok());
    let start = match call.query.raw("start") {
        None => Some(0),
        Some(_) => call.text("start").and_then(|s| s.parse::<usize>().ok()),
    };
    let (Some(count), Some(start)) = (count, start) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    if count == 0 {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let all = cards(world, call.me);
    let total = all.len();
    let elements = all
        .into_iter()
        .skip(start)
        .take(count)
        .map(|card| {
            json!({
                "entityUrn": format!(
                    "urn:li:fsd_notificationCard:({},urn:li:fsd_profile:{},{})",
                    card.kind, me.profile_id, card.key
                ),
                "headline": text(&card.headline),
                "publishedAt": card.at,
                "navigationUrl": card.url,
                "$type": "com.linkedin.voyager.dash.identity.notifications.Card",
            })
        })
        .collect();
    Answer::ok(collection(elements, start, count, total))
}

// ---------------------------------------------------------------------------------------
// Feed relevance signals
// ---------------------------------------------------------------------------------------

/// `POST /graphql?action=execute&queryId=…` (catalogue `feed_client_signal`) with the JSON body `{"variables": {…}, "queryId": "<the same id>", "includeWebMetadata":
/// true}` (voyager.md §4.8: GraphQL mutations are POSTs with `action=execute`): the feed's
/// in-session relevance signals. The capture records a 200; its body and the variables' keys
/// are not recorded, so any `variables` object is taken and the answer is an empty GraphQL
/// `data` (inferred). The sandbox's feed does not rank by relevance, so nothing changes. 400
/// for a body that is not such an object, a `queryId` other than the URL's, or an
/// `includeWebMetadata` that is not a boolean.
pub(super) fn client_signal(call: &mut Call<'_>) -> Answer {
    let Some(body) = call.json_body() else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let variables_ok = body.get("variables").is_some_and(Value::is_object);
    let query_ok = body.get("queryId").and_then(Value::as_str) == call.endpoint.query_id;
    let metadata_ok = body.get("includeWebMetadata").is_none_or(Value::is_boolean);
    if !(variables_ok && query_ok && metadata_ok) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    Answer::ok(json!({"data": {}}))
}

// ---------------------------------------------------------------------------------------
// Relationships summaries (legacy REST)
// ---------------------------------------------------------------------------------------

/// `GET /relationships/connectionsSummary`: how many connections the caller has, as a
/// `com.linkedin.voyager.relationships.shared.connection.ConnectionsSummary` with
/// `numConnections`. The capture records a 200, not the body: the type and `numConnections`
/// are as other clients read this endpoint, the `entityUrn`
/// (`urn:li:fs_relConnectionsSummary:<profile id>`) is inferred. Accepting an invitation adds
/// one.
pub(super) fn connections_summary(call: &mut Call<'_>) -> Answer {
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let n = world
        .connections
        .iter()
        .filter(|&&(a, b)| a == call.me || b == call.me)
        .count();
    Answer::ok(json!({
        "entityUrn": format!("urn:li:fs_relConnectionsSummary:{}", me.profile_id),
        "numConnections": n,
        "$type": "com.linkedin.voyager.relationships.shared.connection.ConnectionsSummary",
    }))
}

/// `GET /relationships/invitationsSummary`: the caller's invitation counts, as a
/// `com.linkedin.voyager.relationships.invitation.InvitationsSummary` with
/// `numPendingInvitations` (received, pending), `numNewInvitations` (received and unseen: all
/// pending ones, as the invitation views mark every invitation `unseen`) and
/// `numTotalSentInvitations`. The capture records a 200, not the body: the type and these keys
/// are as other clients read this endpoint, the `entityUrn`
/// (`urn:li:fs_relInvitationsSummary:<profile id>`) is inferred. Answering, accepting or
/// sending invitations changes the counts.
pub(super) fn invitations_summary(call: &mut Call<'_>) -> Answer {
    let world = &*call.world;
    let me = match caller(world, call.me) {
        Ok(p) => p,
        Err(answer) => return answer,
    };
    let received = world.invitations.iter().filter(|i| i.to == call.me).count();
    let sent = world
        .invitations
        .iter()
        .filter(|i| i.from == call.me)
        .count();
    Answer::ok(json!({
        "entityUrn": format!("urn:li:fs_relInvitationsSummary:{}", me.profile_id),
        "numPendingInvitations": received,
        "numNewInvitations": received,
        "numTotalSentInvitations": sent,
        "$type": "com.linkedin.voyager.relationships.invitation.InvitationsSummary",
    }))
}

/// How many months back a new position still makes a notification (inferred).
const NEW_POSITION_MONTHS: u32 = 12;

/// `GET /relationships/myNetworkNotifications`: the My Network tab's notifications. The
/// capture records a 200, not the body; everything here is inferred from LinkedIn's
/// conventions: a collection of `com.linkedin.voyager.relationships.notifications.MyNetworkNotification`
/// (`urn:li:fs_relMyNetworkNotification:(NEW_POSITION,<profile id>)`), one for each of the
/// caller's connections who started their current position in the last twelve months
/// ("Ada Lovelace started a new position as Engineer at Initech"), most recent first, with the
/// connection's `profileUrn` and the month it started. A new connection who qualifies appears.
pub(super) fn my_network_notifications(call: &mut Call<'_>) -> Answer {
    let world = &*call.world;
    if let Err(answer) = caller(world, call.me) {
        return answer;
    }
    let now = month_number(PRESENT_MONTH);
    let mut found: Vec<(u32, &Person, &crate::world::Experience)> = world
        .people
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != call.me && world.connected(call.me, i))
        .filter_map(|(_, p)| {
            let current = p.experiences.iter().find(|e| e.end.is_none())?;
            let started = month_number(current.start);
            (started <= now && now - started < NEW_POSITION_MONTHS).then_some((started, p, current))
        })
        .collect();
    found.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.profile_id.cmp(&b.1.profile_id))
    });
    let elements: Vec<Value> = found
        .iter()
        .map(|(_, p, e)| {
            let company = world
                .companies
                .get(e.company)
                .map_or("", |c| c.name.as_str());
            json!({
                "entityUrn": format!("urn:li:fs_relMyNetworkNotification:(NEW_POSITION,{})", p.profile_id),
                "notificationType": "NEW_POSITION",
                "headline": text(&format!(
                    "{} started a new position as {} at {company}",
                    p.full_name(),
                    e.title
                )),
                "profileUrn": format!("urn:li:fsd_profile:{}", p.profile_id),
                "startedOn": {"year": e.start.0, "month": e.start.1, "$type": "com.linkedin.common.Date"},
                "$type": "com.linkedin.voyager.relationships.notifications.MyNetworkNotification",
            })
        })
        .collect();
    let total = elements.len();
    Answer::ok(collection(elements, 0, total, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_account_has_notifications_of_every_kind() {
        let world = crate::world::generate(crate::WORLD_SEED);
        let cards = cards(&world, 0);
        assert!(cards.iter().any(|c| c.kind == "PROFILE_VIEW"));
        assert!(cards.iter().any(|c| c.kind == "COMMENT"));
        assert!(cards.windows(2).all(|w| w[0].at >= w[1].at));
    }
}
