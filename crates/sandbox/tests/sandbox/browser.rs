//! The web app's background calls outside messaging over real loopback HTTP, checked against
//! the world the sandbox serves: the global navigation in both encodings, the messaging side
//! panel's profile card, the relationships summaries and My Network notifications, the
//! notification cards, the main feed and one update through GraphQL, the feed's relevance
//! signal, and the retired legacy profile posts (401) — each with its refusals.

use crate::common::api::{
    Api, at_root, has_types, included, root_ref, stale, start, url, with_param, world,
};
use http::{Method, StatusCode};
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::{Author, World, clock};
use serde_json::{Value, json};

fn me_urn(w: &World) -> String {
    format!("urn:li:fsd_profile:{}", w.people[0].profile_id)
}

/// The `_type` keys anywhere in `v`.
fn has_underscore_types(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.contains_key("_type") || m.values().any(has_underscore_types),
        Value::Array(a) => a.iter().any(has_underscore_types),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// Global navigation
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_global_nav_holds_the_own_profile_in_both_encodings() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let target = url(endpoints::GLOBAL_NAV, &[], json!({}), None);
    let query_id = endpoints::GLOBAL_NAV.query_id.unwrap();
    assert!(target.ends_with(&format!(
        "includeWebMetadata=true&variables=()&queryId={query_id}"
    )));

    // Default accept, as the fork sends it: nested, `_type` keys (GraphQL's default encoding).
    let body = api.ok(&target, false).await;
    let items = at_root(&body, endpoints::GLOBAL_NAV)["primaryItems"]
        .as_array()
        .unwrap();
    let me_menu: Vec<&Value> = items.iter().filter_map(|i| i.get("meMenu")).collect();
    assert_eq!(me_menu.len(), 1);
    assert_eq!(me_menu[0]["profile"]["entityUrn"], me_urn(&w));
    assert_eq!(me_menu[0]["profile"]["publicIdentifier"], "demo-member");
    assert!(has_underscore_types(&body) && !has_types(&body));
    assert!(items.iter().any(|i| i["title"] == "Messaging"));

    // Normalized: at the data root under data.data, the profile in included.
    let body = api.ok(&target, true).await;
    let items = at_root(&body["data"], endpoints::GLOBAL_NAV)["primaryItems"]
        .as_array()
        .unwrap();
    let profile = items
        .iter()
        .find_map(|i| i["meMenu"]["*profile"].as_str())
        .unwrap();
    assert_eq!(profile, me_urn(&w));
    assert_eq!(
        included(&body, profile)["$type"],
        "com.linkedin.voyager.dash.identity.profile.Profile"
    );

    // The query takes no variables.
    let bad =
        format!("/voyager/api/graphql?includeWebMetadata=true&variables=(x:1)&queryId={query_id}");
    let resp = api.get(&bad, true).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{}", resp.text());
}

// ---------------------------------------------------------------------------------------
// The messaging side panel's profile card
// ---------------------------------------------------------------------------------------

fn card_url(profile_urn: &str) -> String {
    url(
        endpoints::PROFILE_MESSAGING_CARD,
        &[],
        json!({}),
        Some(json!({"profileId": profile_urn})),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_messaging_card_has_the_profile_and_the_relationship() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let degrees = w.degrees_from(0);
    let connection = (1..w.people.len()).find(|&i| w.connected(0, i)).unwrap();
    let stranger = (1..w.people.len())
        .find(|&i| degrees[i] == Some(2))
        .unwrap();

    let p = &w.people[connection];
    let body = api
        .ok(
            &card_url(&format!("urn:li:fsd_profile:{}", p.profile_id)),
            true,
        )
        .await;
    let urn = root_ref(&body, endpoints::PROFILE_MESSAGING_CARD)
        .as_str()
        .unwrap();
    let profile = included(&body, urn);
    // Seq 66's projection: the profile is its URN and its relationship, nothing else.
    let keys: Vec<&str> = profile
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["$recipeTypes", "$type", "*memberRelationship", "entityUrn"]
    );
    let relationship = included(&body, profile["*memberRelationship"].as_str().unwrap());
    assert_eq!(
        relationship["$type"],
        "com.linkedin.voyager.dash.relationships.MemberRelationship"
    );
    let connection_urn = relationship["memberRelationship"]["*connection"]
        .as_str()
        .unwrap();
    assert_eq!(
        connection_urn,
        format!("urn:li:fsd_connection:{}", p.profile_id)
    );
    let connection = included(&body, connection_urn);
    assert_eq!(
        connection["$type"],
        "com.linkedin.voyager.dash.relationships.Connection"
    );
    assert!(connection.get("connectedMember").is_none(), "{connection}");

    let p = &w.people[stranger];
    let body = api
        .ok(
            &card_url(&format!("urn:li:fsd_profile:{}", p.profile_id)),
            true,
        )
        .await;
    let urn = root_ref(&body, endpoints::PROFILE_MESSAGING_CARD)
        .as_str()
        .unwrap();
    let relationship = included(
        &body,
        included(&body, urn)["*memberRelationship"]
            .as_str()
            .unwrap(),
    );
    assert_eq!(
        relationship["memberRelationship"]["noConnection"]["memberDistance"],
        "DISTANCE_2"
    );
    assert!(relationship["memberRelationship"]["connection"].is_null());

    // The projection's union has no `self`: for oneself, neither member is set.
    let body = api.ok(&card_url(&me_urn(&w)), false).await;
    let relationship = &at_root(&body, endpoints::PROFILE_MESSAGING_CARD)["memberRelationship"];
    assert_eq!(
        relationship["memberRelationship"],
        json!({"connection": null, "noConnection": null})
    );

    let body = api
        .ok(&card_url("urn:li:fsd_profile:ACoAAUnknown"), true)
        .await;
    assert!(at_root(&body["data"], endpoints::PROFILE_MESSAGING_CARD).is_null());
    let resp = api.get(&card_url("urn:li:member:1"), true).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
}

// ---------------------------------------------------------------------------------------
// Relationships summaries
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn summaries_count_connections_and_invitations_and_follow_changes() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let connections = w
        .connections
        .iter()
        .filter(|&&(a, b)| a == 0 || b == 0)
        .count();
    let received: Vec<_> = w.invitations.iter().filter(|i| i.to == 0).collect();
    let sent = w.invitations.iter().filter(|i| i.from == 0).count();
    assert!(!received.is_empty());

    let summary = url(endpoints::CONNECTIONS_SUMMARY, &[], json!({}), None);
    let invitations = url(endpoints::INVITATIONS_SUMMARY, &[], json!({}), None);
    let body = api.ok(&summary, true).await;
    assert_eq!(body["data"]["numConnections"], connections);
    assert_eq!(
        body["data"]["$type"],
        "com.linkedin.voyager.relationships.shared.connection.ConnectionsSummary"
    );
    let body = api.ok(&invitations, true).await;
    assert_eq!(body["data"]["numPendingInvitations"], received.len());
    assert_eq!(body["data"]["numNewInvitations"], received.len());
    assert_eq!(body["data"]["numTotalSentInvitations"], sent);

    // Accepting one: a connection more, an invitation less.
    let inv = received[0];
    let target = format!(
        "/voyager/api/relationships/invitations/{}?action=accept",
        inv.id
    );
    let reply = json!({"invitationId": inv.id.to_string(), "invitationSharedSecret": inv.shared_secret, "isGenericInvitation": false});
    let resp = api
        .send(Method::POST, &target, false, &reply.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = api.ok(&summary, false).await;
    assert_eq!(body["numConnections"], connections + 1);
    assert!(!has_types(&body));
    let body = api.ok(&invitations, true).await;
    assert_eq!(body["data"]["numPendingInvitations"], received.len() - 1);

    // Inviting a stranger: one more sent.
    let stranger = (1..w.people.len())
        .find(|&i| {
            !w.connected(0, i)
                && i != inv.from
                && !w
                    .invitations
                    .iter()
                    .any(|x| (x.from, x.to) == (0, i) || (x.from, x.to) == (i, 0))
        })
        .unwrap();
    let create = url(endpoints::INVITATION_CREATE, &[], json!({}), None);
    let invite = json!({"invitee": {"inviteeUnion": {"memberProfile": format!("urn:li:fsd_profile:{}", w.people[stranger].profile_id)}}, "customMessage": ""});
    let resp = api
        .send(Method::POST, &create, true, &invite.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = api.ok(&invitations, true).await;
    assert_eq!(body["data"]["numTotalSentInvitations"], sent + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_network_notifications_are_recent_new_positions_of_connections() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mut expected: Vec<(u32, String)> = (1..w.people.len())
        .filter(|&i| w.connected(0, i))
        .filter_map(|i| {
            let p = &w.people[i];
            let e = p.experiences.iter().find(|e| e.end.is_none())?;
            let started = clock::month_number(e.start);
            (clock::month_number(clock::PRESENT_MONTH) - started < 12)
                .then(|| (started, p.profile_id.clone()))
        })
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    assert!(
        !expected.is_empty(),
        "the demo account has connections in new positions"
    );

    let body = api
        .ok(
            &url(endpoints::MY_NETWORK_NOTIFICATIONS, &[], json!({}), None),
            true,
        )
        .await;
    let urns = body["data"]["*elements"].as_array().unwrap();
    assert_eq!(urns.len(), expected.len());
    assert_eq!(body["data"]["paging"]["total"], expected.len());
    for (urn, (_, id)) in urns.iter().zip(&expected) {
        let n = included(&body, urn.as_str().unwrap());
        assert_eq!(n["profileUrn"], format!("urn:li:fsd_profile:{id}"));
        assert_eq!(n["notificationType"], "NEW_POSITION");
        assert!(
            n["headline"]["text"]
                .as_str()
                .unwrap()
                .contains("started a new position as")
        );
    }
}

// ---------------------------------------------------------------------------------------
// Notification cards
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notification_cards_page_the_views_and_comments_newest_first() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let mut times: Vec<u64> = w
        .profile_views
        .iter()
        .filter(|v| v.viewed == 0)
        .map(|v| v.at)
        .collect();
    for post in w.posts.iter().filter(|p| p.author == Author::Person(0)) {
        times.extend(
            post.comments
                .iter()
                .filter(|c| c.author != 0)
                .map(|c| c.created_at),
        );
    }
    times.sort_unstable_by(|a, b| b.cmp(a));

    let first = url(
        endpoints::NOTIFICATION_CARDS,
        &[],
        json!({"count": 10}),
        None,
    );
    let body = api.ok(&first, true).await;
    assert_eq!(body["data"]["paging"]["total"], times.len());
    let urns = body["data"]["*elements"].as_array().unwrap();
    assert_eq!(urns.len(), 10);
    let cards: Vec<&Value> = urns
        .iter()
        .map(|u| included(&body, u.as_str().unwrap()))
        .collect();
    let got: Vec<u64> = cards
        .iter()
        .map(|c| c["publishedAt"].as_u64().unwrap())
        .collect();
    assert_eq!(got, times[..10]);
    for card in &cards {
        assert_eq!(
            card["$type"],
            "com.linkedin.voyager.dash.identity.notifications.Card"
        );
        let headline = card["headline"]["text"].as_str().unwrap();
        assert!(
            headline.ends_with("viewed your profile")
                || headline.ends_with("commented on your post")
        );
    }

    // A later page by `start`.
    let next = url(
        endpoints::NOTIFICATION_CARDS,
        &[],
        json!({"count": 10, "start": 10}),
        None,
    );
    let body = api.ok(&next, false).await;
    let got: Vec<u64> = body["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["publishedAt"].as_u64().unwrap())
        .collect();
    assert_eq!(got, times[10..20]);

    // Another (older) projection, no count, a zero count, a count that is not a number.
    let decoration = endpoints::NOTIFICATION_CARDS.decoration_id.unwrap();
    for bad in [
        with_param(&first, "decorationId", Some(&stale(decoration))),
        with_param(&first, "count", None),
        with_param(&first, "count", Some("0")),
        with_param(&first, "count", Some("ten")),
    ] {
        let resp = api.get(&bad, true).await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

// ---------------------------------------------------------------------------------------
// Feed: the GraphQL main feed, one update, the relevance signal, the retired profile posts
// ---------------------------------------------------------------------------------------

fn main_feed(start: u32, count: u32, token: Option<&str>) -> String {
    let mut vars = json!({"start": start, "count": count});
    if let Some(token) = token {
        vars["paginationToken"] = json!(token);
    }
    url(endpoints::FEED_MAIN, &[], json!({}), Some(vars))
}

/// The activity id inside `urn:li:fsd_update:(urn:li:activity:<id>,…)` or the legacy form.
fn activity_of(update_urn: &str) -> String {
    update_urn
        .split("(urn:li:activity:")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_feed_pages_the_chronological_feed_with_its_token() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let chron = api
        .ok(
            &url(
                endpoints::FEED_CHRON,
                &[],
                json!({"count": 14, "start": 0}),
                None,
            ),
            true,
        )
        .await;
    let expected: Vec<String> = chron["data"]["*elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| activity_of(u.as_str().unwrap()))
        .collect();

    let body = api.ok(&main_feed(0, 7, None), true).await;
    let feed = at_root(&body["data"], endpoints::FEED_MAIN);
    let token = feed["metadata"]["paginationToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let parts: Vec<&str> = token.split('-').collect();
    assert_eq!(parts.len(), 3, "{token}");
    assert_eq!(parts[0], "470926337");
    let mut got: Vec<String> = Vec::new();
    for urn in feed["*elements"].as_array().unwrap() {
        let urn = urn.as_str().unwrap();
        assert!(
            urn.starts_with("urn:li:fsd_update:(urn:li:activity:") && urn.contains(",MAIN_FEED,")
        );
        let update = included(&body, urn);
        assert!(update["actor"]["name"]["text"].is_string());
        assert!(update["commentary"]["text"]["text"].is_string());
        got.push(activity_of(urn));
    }
    // The second page, with the token as the capture sends it.
    let body = api.ok(&main_feed(7, 7, Some(&token)), true).await;
    let feed = at_root(&body["data"], endpoints::FEED_MAIN);
    assert_eq!(feed["paging"]["start"], 7);
    assert_eq!(feed["metadata"]["paginationToken"], token.as_str());
    got.extend(
        feed["*elements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| activity_of(u.as_str().unwrap())),
    );
    assert_eq!(got, expected);

    // Nested, the same updates under the data root's elements, `_type` keys.
    let body = api.ok(&main_feed(0, 3, None), false).await;
    let elements = at_root(&body, endpoints::FEED_MAIN)["elements"]
        .as_array()
        .unwrap();
    assert_eq!(elements.len(), 3);
    assert_eq!(
        elements[0]["_type"],
        "com.linkedin.voyager.dash.feed.Update"
    );

    let endpoint = endpoints::FEED_MAIN;
    let id = endpoint.query_id.unwrap();
    for bad in [
        main_feed(7, 7, Some("470926337-1-00")),
        main_feed(0, 0, None),
        main_feed(0, 101, None),
        format!("/voyager/api/graphql?variables=(count:7,sortOrder:MEMBER_SETTING)&queryId={id}"),
        format!("/voyager/api/graphql?variables=(start:0,count:7,sortOrder:SIDEWAYS)&queryId={id}"),
    ] {
        let resp = api.get(&bad, true).await;
        assert_eq!(
            resp.status,
            StatusCode::BAD_REQUEST,
            "{bad}: {}",
            resp.text()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_update_by_activity_or_update_urn() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let post = w.posts.iter().find(|p| !p.promoted).unwrap();
    let activity = format!("urn:li:activity:{}", post.activity_id);
    let forms = [
        activity.clone(),
        format!("urn:li:fsd_update:({activity},MAIN_FEED,EMPTY,DEFAULT,false)"),
    ];
    for form in forms {
        let target = url(
            endpoints::FEED_UPDATE,
            &[],
            json!({}),
            Some(json!({"updateUrn": form})),
        );
        let body = api.ok(&target, true).await;
        let urn = root_ref(&body, endpoints::FEED_UPDATE).as_str().unwrap();
        let update = included(&body, urn);
        assert_eq!(update["commentary"]["text"]["text"], post.text.as_str());
        assert_eq!(update["updateMetadata"]["urn"], activity.as_str());
    }
    let unknown = url(
        endpoints::FEED_UPDATE,
        &[],
        json!({}),
        Some(json!({"updateUrn": "urn:li:activity:7000000000000000001"})),
    );
    let body = api.ok(&unknown, true).await;
    assert!(at_root(&body["data"], endpoints::FEED_UPDATE).is_null());
    let bad = url(
        endpoints::FEED_UPDATE,
        &[],
        json!({}),
        Some(json!({"updateUrn": "urn:li:share:12"})),
    );
    assert_eq!(api.get(&bad, true).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relevance_signal_takes_the_mutation_body() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let endpoint = endpoints::FEED_CLIENT_SIGNAL;
    let target = url(endpoint, &[], json!({}), None);
    let id = endpoint.query_id.unwrap();
    assert_eq!(
        target,
        format!("/voyager/api/graphql?action=execute&queryId={id}")
    );
    let good = json!({"variables": {"signals": []}, "queryId": id, "includeWebMetadata": true});
    let resp = api
        .send(Method::POST, &target, false, &good.to_string())
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(resp.json(), json!({"data": {}}));

    for bad in [
        json!({"queryId": id, "includeWebMetadata": true}),
        json!({"variables": {}, "queryId": endpoints::FEED_MAIN.query_id}),
        json!({"variables": [], "queryId": id}),
        json!({"variables": {}, "queryId": id, "includeWebMetadata": "yes"}),
    ] {
        let resp = api
            .send(Method::POST, &target, false, &bad.to_string())
            .await;
        assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let resp = api.send(Method::POST, &target, false, "not json").await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_legacy_profile_posts_answer_401_as_reported() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    // 2.3.1's request, parameters in its order.
    let target = format!(
        "/voyager/api/identity/profileUpdatesV2?count=10&start=0&q=memberShareFeed&moduleKey=member-shares%3Aphone&includeLongTermHistory=True&profileUrn=urn%3Ali%3Afsd_profile%3A{}",
        w.people[0].profile_id
    );
    let resp = api.get(&target, false).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.json(), json!({"status": 401}));
    // It says nothing about the session: the next call is answered.
    let _ = api.ok("/voyager/api/me", false).await;
}
