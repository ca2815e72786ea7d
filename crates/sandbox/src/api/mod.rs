//! Answers to the Voyager API, built from the world in LinkedIn's shapes.
//!
//! The router has already run the session gate and Rest.li's checks and found the catalogue
//! entry; here [`dispatch`] matches on its [`Id`] and an area module turns the [`Call`] into an
//! [`Answer`]. The match names every entry, so each has a module or a reason it has none (the
//! router answers the pages and the retired entries), and `every_catalogue_entry_is_answered`
//! below holds that none falls through; a variant a module does not emulate (such as a
//! profile section other than experience) gets a 501 naming its entry (in the router), never
//! an invented body. Where the reference records a request but not its answer,
//! the module's doc comment says what the answer's shape is inferred from.
//!
//! Where LinkedIn's answer is recorded (`fixtures/recorded/`), the module answers in its
//! shape, no richer: each query its own projection, the keys LinkedIn sends and no other, its
//! type names and, from the one table of [`recipes`], its recipe names. The conformance test
//! (`tests/sandbox/conformance.rs`) holds them there and lists what remains different.
//!
//! Areas: [`people`] (the dash REST profiles, experience), [`profiles`] (the GraphQL profile
//! finders), [`jobs`], [`search`] (people, companies, posts and jobs), [`company`], [`me`],
//! [`messaging`] (conversations and messages, in the projections of [`conversations`]),
//! [`legacy_inbox`] (the legacy messaging REST), [`invitations`], [`messenger`] (the
//! messaging web app's background calls, the inbox's sync and backfill), [`feed`] (feeds,
//! posts, reactions), [`publishing`] (creating and deleting posts), [`comments`] (reading and writing them), [`notifications`] (the notifications page), [`browser`] (the web app's
//! other background calls) and
//! [`touch`].

mod browser;
mod comments;
mod company;
mod conversations;
mod feed;
mod invitations;
mod jobs;
mod legacy_inbox;
mod me;
mod message_actions;
mod messaging;
mod messenger;
mod my_items;
mod notifications;
mod people;
mod profiles;
pub(crate) mod publishing;
pub(crate) mod realtime;
mod recipes;
mod search;
mod touch;

use http::StatusCode;
use linkedin_catalogue::{Endpoint, Id};
use serde_json::{Map, Value, json};

use crate::world::World;

/// The world's clock: the latest time anything happened in it (see `messaging::world_now`).
pub(crate) fn world_clock(world: &World) -> u64 {
    messaging::world_now(world)
}

/// One API request, ready to answer.
pub(crate) struct Call<'a> {
    /// The catalogue entry it matched.
    pub(crate) endpoint: &'static Endpoint,
    /// The query parameters (decoded names, wire values).
    pub(crate) query: &'a restli::Query,
    /// The path below `/voyager/api`.
    pub(crate) path: &'a str,
    /// The request body.
    pub(crate) body: &'a [u8],
    /// The caller's index in [`World::people`].
    pub(crate) me: usize,
    /// The world, locked for this call; writes change it for the run.
    pub(crate) world: &'a mut World,
    /// What is derived from the world (distances, search words), brought up to date with it
    /// as it is read.
    pub(crate) index: &'a mut crate::world::Index,
    /// `http://host` or `https://host`, as the client reached the sandbox (for the URLs an
    /// answer gives, such as an upload's).
    pub(crate) origin: &'a str,
}

impl Call<'_> {
    /// Query parameter `name` decoded as a Rest.li value, as text.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        match self.query.value(name) {
            Ok(Some(restli::Value::String(s))) => Some(s.into_string()),
            _ => None,
        }
    }

    /// The `{name}` segment of the path template, percent-decoded.
    pub(crate) fn path_param(&self, name: &str) -> Option<String> {
        let placeholder = format!("{{{name}}}");
        let index = self
            .endpoint
            .path
            .split('/')
            .position(|s| s == placeholder)?;
        let raw = self.path.split('/').nth(index)?;
        match restli::from_str_path(raw) {
            Ok(restli::Value::String(s)) => Some(s.into_string()),
            _ => None,
        }
    }

    /// The body as JSON.
    pub(crate) fn json_body(&self) -> Option<Value> {
        serde_json::from_slice(self.body).ok()
    }
}

/// `com.linkedin.restli.common.CollectionResponse`.
pub(super) const COLLECTION_TYPE: &str = "com.linkedin.restli.common.CollectionResponse";
/// `com.linkedin.restli.common.CollectionMetadata`, the type of `paging`.
pub(super) const PAGING_TYPE: &str = "com.linkedin.restli.common.CollectionMetadata";
/// The dash text view model.
pub(super) const TEXT_TYPE: &str = "com.linkedin.voyager.dash.common.text.TextViewModel";

/// The GraphQL `variables` map of the request.
pub(super) fn variables(call: &Call<'_>) -> Option<restli::Value> {
    call.query.value("variables").ok().flatten()
}

/// The GraphQL answer of `endpoint`: `{"data": {<its data root>: value}}`, the root as the
/// catalogue names it (an entry without one has `value` as the whole `data`), and the query
/// object's type and recipe name where LinkedIn's answers show them ([`recipes`]): `$type` and
/// `$recipeTypes`, or `_type` and `_recipeType` for the messenger's `application/graphql`.
pub(super) fn graphql(endpoint: &Endpoint, value: Value) -> Answer {
    let mut data = match endpoint.data_root {
        Some(root) => {
            let mut data = Map::new();
            data.insert(root.to_owned(), value);
            data
        }
        None => match value {
            Value::Object(map) => map,
            other => return Answer::ok(json!({ "data": other })),
        },
    };
    recipes::query_object(endpoint, &mut data, is_messenger(endpoint));
    Answer::ok(json!({ "data": data }))
}

/// Whether the entry is the messenger's GraphQL (`application/graphql`: nested, `_type`).
fn is_messenger(endpoint: &Endpoint) -> bool {
    endpoint.accept == linkedin_catalogue::Accept::Graphql
}

/// A GraphQL collection as LinkedIn's dash queries answer it: inline `elements` and no
/// `paging`.
pub(super) fn elements(elements: Vec<Value>) -> Value {
    json!({"elements": elements, "$type": COLLECTION_TYPE})
}

/// A Rest.li collection with `paging`.
pub(super) fn collection(elements: Vec<Value>, start: usize, count: usize, total: usize) -> Value {
    json!({
        "elements": elements,
        "paging": {"start": start, "count": count, "total": total, "links": [], "$type": PAGING_TYPE},
        "$type": COLLECTION_TYPE,
    })
}

/// A dash text view model holding `s`.
pub(super) fn text(s: &str) -> Value {
    json!({"text": s, "$type": TEXT_TYPE})
}

/// The caller's person, or the 401 LinkedIn answers a session without a member.
pub(super) fn caller(world: &World, me: usize) -> Result<&crate::world::Person, Answer> {
    world
        .people
        .get(me)
        .ok_or_else(|| Answer::error(StatusCode::UNAUTHORIZED))
}

/// LinkedIn's name for a network distance (`SELF`, `DISTANCE_1`, `DISTANCE_2`, and
/// `DISTANCE_3` for everyone further or unreachable).
pub(crate) fn member_distance(degree: Option<u32>) -> &'static str {
    match degree {
        Some(0) => "SELF",
        Some(1) => "DISTANCE_1",
        Some(2) => "DISTANCE_2",
        _ => "DISTANCE_3",
    }
}

/// A `trackingId` as LinkedIn's: 16 characters of base64, here derived from `seed` (stable).
pub(super) fn tracking_id(seed: &str) -> String {
    use base64::Engine as _;
    let hash = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    crate::BASE64.encode(hash.to_be_bytes().repeat(2))[..16].to_owned()
}

/// What an area module answers: a status and a JSON body.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Value,
}

impl Answer {
    pub(crate) fn ok(body: Value) -> Self {
        Self {
            status: StatusCode::OK,
            body,
        }
    }

    /// LinkedIn's error shape: `{"status": N}`.
    pub(crate) fn error(status: StatusCode) -> Self {
        Self {
            status,
            body: json!({"status": status.as_u16()}),
        }
    }

    /// A status without a body (such as `204 No Content`): the body is `null`, which the
    /// router sends as no body at all.
    pub(crate) fn no_body(status: StatusCode) -> Self {
        Self {
            status,
            body: Value::Null,
        }
    }
}

/// The answer of the module that knows the entry, in the encoding the client asked for
/// (`normalized`: LinkedIn's normalized JSON; otherwise nested, with `_type` for `/graphql`
/// and without types for REST); `None` when no module emulates the request.
pub(crate) fn answer(call: &mut Call<'_>, normalized: bool) -> Option<Answer> {
    let mut answer = dispatch(call)?;
    let graphql = call.path == "/graphql";
    if answer.status.is_success() && !answer.body.is_null() {
        recipes::stamp(call.endpoint, &mut answer.body, is_messenger(call.endpoint));
    }
    Some(
        match (
            normalized,
            answer.status.is_success(),
            answer.body.is_null(),
        ) {
            (_, _, true) | (_, false, _) => answer,
            (true, true, false) => {
                let mut body = normalize(answer.body);
                if graphql && call.query.raw("includeWebMetadata") == Some("true") {
                    web_metadata(&mut body);
                }
                Answer {
                    status: answer.status,
                    body,
                }
            }
            (false, true, false) => Answer {
                status: answer.status,
                body: if graphql {
                    underscore_types(answer.body)
                } else {
                    strip_types(answer.body)
                },
            },
        },
    )
}

/// What `includeWebMetadata=true` adds to a normalized GraphQL answer (seqs 37, 39, 54...):
/// `data.extensions.webMetadata` (empty in every recording) and `meta.microSchema`, the
/// projection's schema. The schema's `types` are LinkedIn's hash-named descriptions of the
/// projection, which the sandbox does not reproduce: they are empty here.
fn web_metadata(body: &mut Value) {
    if let Some(Value::Object(data)) = body.get_mut("data") {
        data.insert("extensions".to_owned(), json!({"webMetadata": {}}));
    }
    if let Value::Object(map) = body {
        map.insert(
            "meta".to_owned(),
            json!({"microSchema": {"isGraphQL": true, "version": "2.1", "types": {}}}),
        );
    }
}

/// The answer of the module function that emulates the call's entry, as the module built it;
/// `None` for a variant of an entry the module does not emulate (the router's 501). Every
/// entry is named (the match has no catch-all arm), so a new catalogue entry does not compile
/// until it is answered here or said to be answered elsewhere.
pub(crate) fn dispatch(call: &mut Call<'_>) -> Option<Answer> {
    Some(match call.endpoint.id {
        // The login flow and the pages: the router answers them, outside the API.
        // The realtime stream too: a stream, not an answer (`crate::realtime`).
        Id::LoginBootstrap
        | Id::Login
        | Id::HomePage
        | Id::ProfilePage
        | Id::Track
        | Id::RealtimeConnect => {
            return None;
        }
        // Retired: the router answers them 410 before any module.
        Id::ProfileView
        | Id::ProfileContactInfo
        | Id::ProfileSkills
        | Id::ProfilePrivacySettings
        | Id::ProfileMemberBadges
        | Id::ProfileNetworkInfo
        | Id::ConnectionRemove
        | Id::InvitationCreateLegacy => return None,

        Id::Me => me::me(call),
        Id::WhoViewedMe => me::who_viewed_me(call),

        Id::Profile => people::profile(call),
        Id::ProfileTopCard => people::by_member_identity(call, people::Projection::TopCard),
        Id::ProfileWithSections => {
            people::by_member_identity(call, people::Projection::WithSections)
        }
        Id::ProfileByVanity => profiles::by_identity(call, "vanityName", profiles::Finder::Vanity),
        Id::ProfileByVanityFull => {
            profiles::by_identity(call, "vanityName", profiles::Finder::VanityFull)
        }
        Id::ProfileByMemberIdentity => {
            profiles::by_identity(call, "memberIdentity", profiles::Finder::MemberIdentity)
        }
        Id::ProfileUrnByMemberIdentity => {
            profiles::by_identity(call, "memberIdentity", profiles::Finder::UrnOnly)
        }
        Id::ProfileByUrn => profiles::by_urn(call),
        Id::ProfileMessagingCard => profiles::messaging_card(call),
        Id::ProfileExperiences => people::experiences(call)?,
        Id::JobPosting => jobs::job_posting(call),
        Id::JobSkillMatch => jobs::job_skill_match(call),

        Id::JobSearch => search::job_search(call),
        // The 2.3.1 queryId is answered like the current one: a deliberate choice, see the
        // catalogue's `search_clusters_2_3_1`.
        Id::SearchClusters | Id::SearchClusters231 => search::search_clusters(call),

        Id::Company => company::by_universal_name(call),
        Id::FollowingStateSet => company::set_following(call),
        Id::UnfollowEntity => company::unfollow(call),

        Id::FeedChron => feed::feed_chron(call),
        Id::FeedMain => feed::feed_main(call),
        Id::FeedUpdate => feed::feed_update(call),
        // 2.3.1's `get_profile_posts`: reported to answer 401 since 2023 (#338, #369), a bare
        // `{"status": 401}` whatever the parameters; its replacement is `profile_posts_dash`.
        Id::ProfilePosts => Answer::error(StatusCode::UNAUTHORIZED),
        Id::CompanyUpdates => feed::company_updates(call),
        Id::ProfileUpdates => feed::profile_updates(call),
        Id::ProfilePostsDash => feed::profile_posts_dash(call),
        // Dead since 2026: LinkedIn answers `/feed/comments` 500 (peers-2026.md §3,
        // devag7/linkedin-mcp verified live 2026-06-13/14), whatever the parameters.
        Id::PostComments => Answer::error(StatusCode::INTERNAL_SERVER_ERROR),
        Id::PostCommentsDash => comments::list(call),
        Id::CommentCreate => comments::create(call),
        Id::CommentDelete => comments::delete(call),
        Id::PostReactions => feed::post_reactions(call),
        Id::PostReactionsDash => feed::post_reactions_dash(call),
        // The REST reaction write answers 400 since 2026 (peers-2026.md §3: REST
        // `/voyagerSocialDashReactions?threadUrn=` 400); the web app reacts through the
        // GraphQL mutation `post_react_dash`.
        Id::PostReact => Answer::error(StatusCode::BAD_REQUEST),
        Id::PostReactDash => feed::post_react_dash(call),
        Id::PostUnreactDash => feed::post_unreact_dash(call),
        Id::PostCreate => publishing::create(call),
        Id::MediaUploadRegister => publishing::register_upload(call),
        Id::PostDelete => publishing::delete(call),

        Id::MessengerConversationsSearch => {
            messaging::conversations(call, messaging::Listing::Search)
        }
        Id::MessengerConversationsCategory => {
            messaging::conversations(call, messaging::Listing::Category)
        }
        Id::MessengerMessages => messaging::messages(call, false),
        Id::MessengerMessagesBefore => messaging::messages(call, true),
        Id::MessageCreate => messaging::create_message(call),
        Id::MessageEdit => message_actions::edit(call),
        Id::MessageRecall => message_actions::recall(call),
        Id::MessageReact => message_actions::react(call, true),
        Id::MessageUnreact => message_actions::react(call, false),
        Id::ConversationsMarkRead => messaging::mark_read(call),
        Id::ConversationsLegacy => legacy_inbox::conversations(call),
        Id::ConversationEventsLegacy => legacy_inbox::events(call),
        Id::ConversationByParticipantsLegacy => legacy_inbox::by_participants(call),
        Id::ConversationMarkSeenLegacy => legacy_inbox::mark_seen(call),
        // The retired legacy sends: LinkedIn answers them 500 (voyager.md §4.1, the fork).
        Id::ConversationCreateLegacy | Id::ConversationEventCreateLegacy => {
            Answer::error(StatusCode::INTERNAL_SERVER_ERROR)
        }
        Id::InvitationsReceived => invitations::list(call, true),
        Id::InvitationsSent => invitations::list(call, false),
        Id::InvitationReply => invitations::reply(call),
        Id::InvitationCreate => invitations::create(call),
        Id::InvitationWithdraw => invitations::withdraw(call),
        Id::MyItems => my_items::list(call),
        Id::SaveStateSet => my_items::set(call),
        Id::ConnectionRemoveDash => invitations::remove_connection(call),

        Id::MessengerConversationsSync => messenger::sync(call, false),
        Id::MessengerConversationsDelta => messenger::sync(call, true),
        Id::MessengerConversationsBackfill => messenger::backfill(call),
        Id::MessengerMailboxCounts => messenger::mailbox_counts(call),
        Id::MessengerSeenReceipts => messenger::seen_receipts(call),
        Id::MessengerQuickReplies => messenger::quick_replies(call),
        Id::MessagingAffiliatedMailboxes => messenger::affiliated_mailboxes(call),
        Id::MessagingAwayStatus => messenger::away_status(call),
        Id::MessagingSecondaryInboxBanner => messenger::secondary_inbox_banner(call),
        Id::MessagingConversationNudges => messenger::nudges(call),
        Id::ConversationTyping => messenger::typing(call),
        Id::ConversationRename => messenger::rename(call),
        Id::MessageDeliveryAck => messenger::delivery_ack(call),
        Id::MessagingBadgeMarkAllSeen => messenger::mark_all_seen(call),
        Id::PresenceStatuses => messenger::presence(call),

        Id::GlobalNav => browser::global_nav(call),
        Id::NotificationCards => browser::notification_cards(call),
        Id::Notifications => notifications::list(call),
        Id::NotificationMarkRead => notifications::mark_read(call),
        Id::FeedClientSignal => browser::client_signal(call),
        Id::ConnectionsSummary => browser::connections_summary(call),
        Id::InvitationsSummary => browser::invitations_summary(call),
        Id::MyNetworkNotifications => browser::my_network_notifications(call),

        Id::TouchMe => touch::me(call),
        Id::TouchMyPage => touch::my_page(call),
        Id::TouchProfile => touch::of_member(call, touch::top_card),
        Id::TouchConnections => touch::of_member(call, touch::connections),
        Id::TouchBackground => touch::of_member(call, touch::background),
        Id::TouchEndorsements => touch::of_member(call, touch::endorsements),
        Id::TouchMailbox => touch::mailbox(call),
        Id::TouchRecommendations => touch::of_member(call, touch::recommendations),
        Id::TouchNotifications => touch::notifications(call),
        Id::TouchWvmp => touch::who_viewed_me(call),
    })
}

/// The default (nested) encoding of a REST answer carries no `$type` nor recipe names:
/// modules build answers with them, and this removes them when the client did not ask for the
/// normalized encoding.
fn strip_types(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(k, _)| k != "$type" && k != "$recipeTypes")
                .map(|(k, v)| (k, strip_types(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(strip_types).collect()),
        other => other,
    }
}

/// The default (nested) encoding of a `/graphql` answer names types with `_type` (voyager.md
/// §6.1(a): "GraphQL with the default accept returns the query result directly under `data`
/// with `_type`/`_recipeType`"; 2.3.1's `search` reads `_type` on the collection, the clusters,
/// the items and the results). The `_recipeType` hashes are not emulated.
fn underscore_types(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    let k = if k == "$type" { "_type".to_owned() } else { k };
                    (k, underscore_types(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(underscore_types).collect()),
        other => other,
    }
}

/// LinkedIn's normalized encoding of a nested answer: every object below the top that has an
/// `entityUrn` moves to `included` (once per URN), and the field that held it becomes `*field`
/// holding the URN (a list of them for a list of entities).
///
/// ```text
/// {"elements": [{"entityUrn": "urn:a", "x": 1}]}
///   -> {"data": {"*elements": ["urn:a"]}, "included": [{"entityUrn": "urn:a", "x": 1}]}
/// ```
pub(crate) fn normalize(nested: Value) -> Value {
    let mut included: Vec<Value> = Vec::new();
    let data = match nested {
        Value::Object(map) => Value::Object(hoist_fields(map, &mut included)),
        other => other,
    };
    json!({"data": data, "included": included})
}

fn is_entity(v: &Value) -> bool {
    v.get("entityUrn").and_then(Value::as_str).is_some()
}

/// Replaces entity-valued fields of `map` by `*field` references, hoisting the entities.
fn hoist_fields(map: Map<String, Value>, included: &mut Vec<Value>) -> Map<String, Value> {
    let mut out = Map::with_capacity(map.len());
    for (key, value) in map {
        match value {
            Value::Object(_) if is_entity(&value) => {
                let urn = hoist(value, included);
                out.insert(format!("*{key}"), Value::String(urn));
            }
            Value::Array(items) if !items.is_empty() && items.iter().all(is_entity) => {
                let urns = items
                    .into_iter()
                    .map(|item| Value::String(hoist(item, included)))
                    .collect();
                out.insert(format!("*{key}"), Value::Array(urns));
            }
            Value::Object(inner) => {
                out.insert(key, Value::Object(hoist_fields(inner, included)));
            }
            Value::Array(items) => {
                let items = items
                    .into_iter()
                    .map(|item| match item {
                        Value::Object(inner) => Value::Object(hoist_fields(inner, included)),
                        other => other,
                    })
                    .collect();
                out.insert(key, Value::Array(items));
            }
            other => {
                out.insert(key, other);
            }
        }
    }
    out
}

/// Moves one entity (and the entities inside it) into `included`; gives its URN. An entity
/// comes before the entities it refers to, as in LinkedIn's answers (clients such as the
/// reference one read the first entry as the answer's main entity).
fn hoist(entity: Value, included: &mut Vec<Value>) -> String {
    let urn = entity
        .get("entityUrn")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let known = included
        .iter()
        .any(|e| e.get("entityUrn").and_then(Value::as_str) == Some(urn.as_str()));
    if let (Value::Object(map), false) = (entity, known) {
        let slot = included.len();
        included.push(Value::Null);
        included[slot] = Value::Object(hoist_fields(map, included));
    }
    urn
}

#[cfg(test)]
mod tests {
    use super::*;
    use linkedin_catalogue::{Base, ENDPOINTS, Status};

    /// Every catalogue entry LinkedIn still answers (or once answered, for the touch API) has
    /// a module that answers it: none falls through to the router's 501. A request without
    /// parameters is enough to tell (most answer it 400).
    #[test]
    fn every_catalogue_entry_is_answered() {
        let mut world = crate::world::generate(crate::WORLD_SEED);
        let mut index = crate::world::Index::new(&world);
        let query = restli::Query::parse("").unwrap();
        let mut missing = Vec::new();
        for endpoint in ENDPOINTS {
            if endpoint.status == Status::Gone || endpoint.base == Base::Site {
                continue;
            }
            let mut call = Call {
                endpoint,
                query: &query,
                path: endpoint.path,
                body: b"",
                me: 0,
                world: &mut world,
                index: &mut index,
                origin: "http://127.0.0.1",
            };
            if dispatch(&mut call).is_none() {
                missing.push(endpoint.name);
            }
        }
        assert!(missing.is_empty(), "not emulated: {missing:?}");
    }

    #[test]
    fn entities_move_to_included_once_and_leave_references() {
        let nested = json!({
            "elements": [
                {"entityUrn": "urn:li:a:1", "name": "A", "owner": {"entityUrn": "urn:li:p:9", "n": "P"}},
                {"entityUrn": "urn:li:a:2", "name": "B", "owner": {"entityUrn": "urn:li:p:9", "n": "P"}},
            ],
            "paging": {"start": 0, "count": 10, "total": 2},
            "empty": [],
        });
        let normalized = normalize(nested);
        assert_eq!(
            normalized,
            json!({
                "data": {"*elements": ["urn:li:a:1", "urn:li:a:2"], "paging": {"start": 0, "count": 10, "total": 2}, "empty": []},
                "included": [
                    {"entityUrn": "urn:li:a:1", "name": "A", "*owner": "urn:li:p:9"},
                    {"entityUrn": "urn:li:p:9", "n": "P"},
                    {"entityUrn": "urn:li:a:2", "name": "B", "*owner": "urn:li:p:9"},
                ],
            })
        );
    }

    #[test]
    fn the_top_object_stays_in_data() {
        let normalized =
            normalize(json!({"entityUrn": "urn:li:me:1", "mini": {"entityUrn": "urn:li:m:1"}}));
        assert_eq!(
            normalized["data"],
            json!({"entityUrn": "urn:li:me:1", "*mini": "urn:li:m:1"})
        );
        assert_eq!(normalized["included"], json!([{"entityUrn": "urn:li:m:1"}]));
    }
}
