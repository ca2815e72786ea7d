//! Golden answers: every GET endpoint of the catalogue (but the retired ones, which answer 410,
//! and the HTML pages) requested over real loopback HTTP in the encoding LinkedIn's clients ask
//! for, each answer body kept as a JSON snapshot in `fixtures/golden/<catalogue name>.snap`.
//! The world comes from a fixed seed, so the bodies are stable: a changed file in review is a
//! changed response shape. Regenerate with
//! `INSTA_UPDATE=always cargo test -p linkedin-sandbox --test sandbox golden::` only when that is
//! intended.

use crate::common::Client;
use crate::common::api::{NORMALIZED, start, url, world};
use http::{Method, StatusCode};
use linkedin_catalogue::by_name;
use linkedin_sandbox::SandboxHandle;
use linkedin_sandbox::world::{Author, Conversation, World};
use serde_json::{Value, json};

/// Keeps `body` as the golden answer `name` under `fixtures/golden/`.
fn record(name: &str, body: &Value) {
    insta::with_settings!({
        snapshot_path => "../../../../fixtures/golden",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_json_snapshot!(name, body);
    });
}

/// How a request says what it accepts.
#[derive(Clone, Copy)]
enum Accept {
    /// The catalogue entry's own `accept` (normalized, `application/json`,
    /// `application/graphql`, or none).
    Catalogue,
    /// The normalized encoding, whatever the catalogue says.
    Normalized,
    /// No `accept` header: the default encoding.
    Default,
}

/// The demo account's session on one connection.
struct Session {
    client: Client,
    cookie: String,
    csrf: String,
}

impl Session {
    async fn new(sandbox: &SandboxHandle) -> Self {
        let cookies = sandbox.demo_cookies();
        Self {
            client: Client::connect(sandbox).await,
            cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
            csrf: cookies.jsessionid.trim_matches('"').to_owned(),
        }
    }

    /// GETs `target` of catalogue entry `name`, expects a 200 with JSON, and returns the body.
    /// Touch entries go without a `csrf-token`, as the mobile app sends them.
    async fn get(&mut self, name: &str, target: &str, accept: Accept) -> Value {
        let endpoint = by_name(name).unwrap();
        let mut headers = vec![("cookie", self.cookie.as_str())];
        if !name.starts_with("touch_") {
            headers.push(("csrf-token", self.csrf.as_str()));
        }
        let value = match accept {
            Accept::Catalogue => endpoint.accept.header(),
            Accept::Normalized => Some(NORMALIZED),
            Accept::Default => None,
        };
        if let Some(value) = value {
            headers.push(("accept", value));
        }
        let resp = self.client.call(Method::GET, target, &headers, "").await;
        assert_eq!(
            resp.status,
            StatusCode::OK,
            "{name} {target}: {}",
            resp.text()
        );
        resp.json()
    }

    /// GETs and records catalogue entry `name` in its own encoding.
    async fn golden(&mut self, name: &str, target: &str) -> Value {
        let body = self.get(name, target, Accept::Catalogue).await;
        record(name, &body);
        body
    }
}

fn profile_urn(w: &World, i: usize) -> String {
    format!("urn:li:fsd_profile:{}", w.people[i].profile_id)
}

fn conversation_urn(w: &World, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", profile_urn(w, 0))
}

fn gql(name: &str, variables: Value) -> String {
    url(name, &[], json!({}), Some(variables))
}

fn last_activity(c: &Conversation) -> u64 {
    c.messages.last().map_or(0, |m| m.delivered_at)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn me_and_profiles() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;

    // The login bootstrap answers outside any session.
    let body = Client::connect(&sandbox)
        .await
        .get(&url("login_bootstrap", &[], json!({}), None))
        .await
        .json();
    record("login_bootstrap", &body);

    // `/me` in both encodings.
    let me = url("me", &[], json!({}), None);
    let body = s.get("me", &me, Accept::Normalized).await;
    record("me_normalized", &body);
    let body = s.get("me", &me, Accept::Default).await;
    record("me_default", &body);

    let p = &w.people[7];
    let urn = profile_urn(&w, 7);
    s.golden(
        "profile",
        &url("profile", &[("profileUrn", &urn)], json!({}), None),
    )
    .await;
    for name in ["profile_top_card", "profile_with_sections"] {
        s.golden(
            name,
            &url(name, &[], json!({"memberIdentity": p.public_id}), None),
        )
        .await;
    }
    for (name, key, value) in [
        ("profile_by_vanity", "vanityName", p.public_id.as_str()),
        ("profile_by_vanity_full", "vanityName", p.public_id.as_str()),
        (
            "profile_urn_by_member_identity",
            "memberIdentity",
            p.profile_id.as_str(),
        ),
        (
            "profile_by_member_identity",
            "memberIdentity",
            p.profile_id.as_str(),
        ),
        ("profile_by_urn", "profileUrn", urn.as_str()),
        ("profile_messaging_card", "profileId", urn.as_str()),
        ("profile_experiences", "profileUrn", urn.as_str()),
    ] {
        s.golden(name, &gql(name, json!({ key: value }))).await;
    }
    s.golden("who_viewed_me", &url("who_viewed_me", &[], json!({}), None))
        .await;
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn companies_jobs_and_search() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;

    s.golden(
        "company",
        &url("company", &[], json!({"universalName": "linkedin"}), None),
    )
    .await;
    let job = &w.jobs[0];
    s.golden(
        "job_posting",
        &url(
            "job_posting",
            &[("jobId", &job.id.to_string())],
            json!({}),
            None,
        ),
    )
    .await;
    let mine = &w.people[0].skills;
    let has = |skill: &String| mine.iter().any(|m| m.eq_ignore_ascii_case(skill));
    let matched = w
        .jobs
        .iter()
        .find(|j| j.skills.iter().any(has) && !j.skills.iter().all(has))
        .unwrap();
    let insight = format!("urn:li:fsd_jobSkillMatchInsight:{}", matched.id);
    s.golden(
        "job_skill_match",
        &url(
            "job_skill_match",
            &[("insightUrn", &insight)],
            json!({}),
            None,
        ),
    )
    .await;
    let keywords = job.title.split_whitespace().last().unwrap().to_uppercase();
    s.golden(
        "job_search",
        &url(
            "job_search",
            &[],
            json!({
                "start": 0,
                "count": 3,
                "query": {"keywords": keywords, "selectedFilters": {"timePostedRange": ["r2592000"]}},
            }),
            None,
        ),
    )
    .await;

    // Search clusters, one snapshot per result type.
    for (suffix, result_type, keywords) in [
        ("people", "PEOPLE", None),
        ("companies", "COMPANIES", Some("LinkedIn")),
        ("content", "CONTENT", Some("monolith")),
    ] {
        let mut query = json!({"queryParameters": [{"key": "resultType", "value": [result_type]}]});
        if let Some(k) = keywords {
            query["keywords"] = json!(k);
        }
        let target = gql(
            "search_clusters",
            json!({"start": 0, "count": 3, "query": query}),
        );
        let body = s.get("search_clusters", &target, Accept::Catalogue).await;
        record(&format!("search_clusters_{suffix}"), &body);
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messaging_and_invitations() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;
    let me = profile_urn(&w, 0);

    s.golden(
        "messenger_conversations_search",
        &gql(
            "messenger_conversations_search",
            json!({"categories": ["PRIMARY_INBOX"], "count": 3,
                   "firstDegreeConnections": false, "mailboxUrn": me}),
        ),
    )
    .await;
    s.golden(
        "messenger_conversations_category",
        &gql(
            "messenger_conversations_category",
            json!({"count": 3, "mailboxUrn": me}),
        ),
    )
    .await;
    // The first sync has no count and holds the whole inbox (some 400 kB): only its first
    // three conversations are kept, the rest of the answer as it came.
    let mut sync = s
        .get(
            "messenger_conversations_sync",
            &gql("messenger_conversations_sync", json!({"mailboxUrn": me})),
            Accept::Catalogue,
        )
        .await;
    let root = &mut sync["data"]["messengerConversationsBySyncToken"];
    let token = root["metadata"]["newSyncToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let elements = root["elements"].as_array_mut().unwrap();
    assert_eq!(elements.len(), w.conversations.len());
    elements.truncate(3);
    record("messenger_conversations_sync", &sync);
    s.golden(
        "messenger_conversations_delta",
        &gql(
            "messenger_conversations_delta",
            json!({"mailboxUrn": me, "syncToken": token}),
        ),
    )
    .await;

    let shortest = w
        .conversations
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX")
        .min_by_key(|c| c.messages.len())
        .unwrap();
    s.golden(
        "messenger_messages",
        &gql(
            "messenger_messages",
            json!({"conversationUrn": conversation_urn(&w, &shortest.thread_id)}),
        ),
    )
    .await;
    let longest = w
        .conversations
        .iter()
        .max_by_key(|c| c.messages.len())
        .unwrap();
    // Anchored at the fourth message: the three before it.
    s.golden(
        "messenger_messages_before",
        &gql(
            "messenger_messages_before",
            json!({"deliveredAt": longest.messages[3].delivered_at,
                   "conversationUrn": conversation_urn(&w, &longest.thread_id)}),
        ),
    )
    .await;
    s.golden(
        "messenger_mailbox_counts",
        &gql("messenger_mailbox_counts", json!({"mailboxUrn": me})),
    )
    .await;
    s.golden(
        "messenger_seen_receipts",
        &gql(
            "messenger_seen_receipts",
            json!({"conversationUrn": conversation_urn(&w, &shortest.thread_id)}),
        ),
    )
    .await;
    let waiting = w
        .conversations
        .iter()
        .find(|c| c.messages.last().unwrap().sender != 0)
        .unwrap();
    s.golden(
        "messenger_quick_replies",
        &gql(
            "messenger_quick_replies",
            json!({"conversationUrn": conversation_urn(&w, &waiting.thread_id)}),
        ),
    )
    .await;
    for name in [
        "messaging_affiliated_mailboxes",
        "messaging_away_status",
        "messaging_secondary_inbox_banner",
        "messaging_conversation_nudges",
    ] {
        s.golden(name, &url(name, &[], json!({}), None)).await;
    }

    // The legacy inbox, anchored so that only the three oldest conversations come.
    let mut by_activity: Vec<&Conversation> = w.conversations.iter().collect();
    by_activity.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let anchor = last_activity(by_activity[by_activity.len() - 4]);
    s.golden(
        "conversations_legacy",
        &url(
            "conversations_legacy",
            &[],
            json!({"createdBefore": anchor}),
            None,
        ),
    )
    .await;
    s.golden(
        "conversation_events_legacy",
        &url(
            "conversation_events_legacy",
            &[("conversationId", &longest.thread_id)],
            json!({"createdBefore": longest.messages[3].delivered_at}),
            None,
        ),
    )
    .await;
    let partner = &w.people[w.conversations[0].participants[0]].profile_id;
    s.golden(
        "conversation_by_participants_legacy",
        &url(
            "conversation_by_participants_legacy",
            &[],
            json!({"recipients": [partner]}),
            None,
        ),
    )
    .await;

    for name in ["invitations_received", "invitations_sent"] {
        s.golden(name, &url(name, &[], json!({"start": 0, "count": 3}), None))
            .await;
    }
    for name in [
        "invitations_summary",
        "connections_summary",
        "my_network_notifications",
    ] {
        s.golden(name, &url(name, &[], json!({}), None)).await;
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feed_posts_and_social() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;

    s.golden("global_nav", &url("global_nav", &[], json!({}), None))
        .await;
    s.golden(
        "feed_chron",
        &url("feed_chron", &[], json!({"count": 3, "start": 0}), None),
    )
    .await;
    s.golden(
        "feed_main",
        &gql("feed_main", json!({"start": 0, "count": 3})),
    )
    .await;
    let post = w.posts.iter().find(|p| !p.promoted).unwrap();
    s.golden(
        "feed_update",
        &gql(
            "feed_update",
            json!({"updateUrn": format!("urn:li:activity:{}", post.activity_id)}),
        ),
    )
    .await;
    s.golden(
        "notification_cards",
        &url("notification_cards", &[], json!({"count": 3}), None),
    )
    .await;

    let me = &w.people[0];
    s.golden(
        "profile_posts_dash",
        &gql(
            "profile_posts_dash",
            json!({"count": 3, "start": 0, "profileUrn": profile_urn(&w, 0)}),
        ),
    )
    .await;
    s.golden(
        "profile_updates",
        &url(
            "profile_updates",
            &[],
            json!({"profileId": me.public_id, "count": 3, "start": 0}),
            None,
        ),
    )
    .await;
    let (_, company) = w
        .companies
        .iter()
        .enumerate()
        .find(|(i, _)| {
            w.posts
                .iter()
                .any(|p| p.author == Author::Company(*i) && !p.promoted)
        })
        .unwrap();
    s.golden(
        "company_updates",
        &url(
            "company_updates",
            &[],
            json!({"companyUniversalName": company.universal_name, "count": 3, "start": 0}),
            None,
        ),
    )
    .await;

    let commented = w.posts.iter().find(|p| p.comments.len() >= 3).unwrap();
    s.golden(
        "post_comments",
        &url(
            "post_comments",
            &[],
            json!({"count": 3, "start": 0, "updateId": format!("activity:{}", commented.activity_id)}),
            None,
        ),
    )
    .await;
    let liked = w.posts.iter().find(|p| p.reactions.len() >= 3).unwrap();
    let thread = format!("urn:li:activity:{}", liked.activity_id);
    s.golden(
        "post_reactions",
        &url(
            "post_reactions",
            &[],
            json!({"count": 3, "start": 0, "threadUrn": thread}),
            None,
        ),
    )
    .await;
    s.golden(
        "post_reactions_dash",
        &gql(
            "post_reactions_dash",
            json!({"count": 3, "start": 0, "threadUrn": thread}),
        ),
    )
    .await;
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn touch() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;
    let demo = w.people[0].member_id.to_string();
    let other = w.people[5].member_id.to_string();

    for name in [
        "touch_me",
        "touch_my_page",
        "touch_mailbox",
        "touch_notifications",
        "touch_wvmp",
    ] {
        s.golden(name, &url(name, &[], json!({}), None)).await;
    }
    for (name, id) in [
        ("touch_profile", &demo),
        ("touch_background", &other),
        ("touch_endorsements", &demo),
        ("touch_recommendations", &demo),
    ] {
        s.golden(name, &url(name, &[("id", id)], json!({}), None))
            .await;
    }
    s.golden(
        "touch_connections",
        &url(
            "touch_connections",
            &[("id", &demo)],
            json!({"count": 3}),
            None,
        ),
    )
    .await;
    sandbox.shutdown().await;
}
