//! Golden answers: every GET endpoint of the catalogue (but the retired ones, which answer 410,
//! `post_comments`, which answers 500, and the HTML pages) requested over real loopback HTTP in the encoding LinkedIn's clients ask
//! for, each answer body kept as a JSON snapshot in `fixtures/golden/<catalogue name>.snap`.
//! The world comes from a fixed seed, so the bodies are stable: a changed file in review is a
//! changed response shape. Regenerate with
//! `INSTA_UPDATE=always cargo test -p linkedin-sandbox --test sandbox golden::` only when that is
//! intended.

use crate::common::Client;
use crate::common::api::{NORMALIZED, start, url, world};
use http::{Method, StatusCode};
use linkedin_catalogue::{Base, Endpoint, endpoints};
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

    /// GETs `target` of catalogue entry `endpoint`, expects a 200 with JSON, and returns the
    /// body. Touch entries go without a `csrf-token`, as the mobile app sends them.
    async fn get(&mut self, endpoint: &Endpoint, target: &str, accept: Accept) -> Value {
        let name = endpoint.name;
        let mut headers = vec![("cookie", self.cookie.as_str())];
        if endpoint.base != Base::Touch {
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

    /// GETs and records catalogue entry `endpoint` in its own encoding, under its name.
    async fn golden(&mut self, endpoint: &Endpoint, target: &str) -> Value {
        let body = self.get(endpoint, target, Accept::Catalogue).await;
        record(endpoint.name, &body);
        body
    }
}

fn profile_urn(w: &World, i: usize) -> String {
    format!("urn:li:fsd_profile:{}", w.people[i].profile_id)
}

fn conversation_urn(w: &World, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", profile_urn(w, 0))
}

fn gql(endpoint: &Endpoint, variables: Value) -> String {
    url(endpoint, &[], json!({}), Some(variables))
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
        .get(&url(endpoints::LOGIN_BOOTSTRAP, &[], json!({}), None))
        .await
        .json();
    record(endpoints::LOGIN_BOOTSTRAP.name, &body);

    // `/me` in both encodings.
    let me = url(endpoints::ME, &[], json!({}), None);
    let body = s.get(endpoints::ME, &me, Accept::Normalized).await;
    record("me_normalized", &body);
    let body = s.get(endpoints::ME, &me, Accept::Default).await;
    record("me_default", &body);

    let p = &w.people[7];
    let urn = profile_urn(&w, 7);
    s.golden(
        endpoints::PROFILE,
        &url(endpoints::PROFILE, &[("profileUrn", &urn)], json!({}), None),
    )
    .await;
    for name in [
        endpoints::PROFILE_TOP_CARD,
        endpoints::PROFILE_WITH_SECTIONS,
    ] {
        s.golden(
            name,
            &url(name, &[], json!({"memberIdentity": p.public_id}), None),
        )
        .await;
    }
    for (name, key, value) in [
        (
            endpoints::PROFILE_BY_VANITY,
            "vanityName",
            p.public_id.as_str(),
        ),
        (
            endpoints::PROFILE_BY_VANITY_FULL,
            "vanityName",
            p.public_id.as_str(),
        ),
        (
            endpoints::PROFILE_URN_BY_MEMBER_IDENTITY,
            "memberIdentity",
            p.profile_id.as_str(),
        ),
        (
            endpoints::PROFILE_BY_MEMBER_IDENTITY,
            "memberIdentity",
            p.profile_id.as_str(),
        ),
        (endpoints::PROFILE_BY_URN, "profileUrn", urn.as_str()),
        (endpoints::PROFILE_MESSAGING_CARD, "profileId", urn.as_str()),
        (endpoints::PROFILE_EXPERIENCES, "profileUrn", urn.as_str()),
    ] {
        s.golden(name, &gql(name, json!({ key: value }))).await;
    }
    s.golden(
        endpoints::WHO_VIEWED_ME,
        &url(endpoints::WHO_VIEWED_ME, &[], json!({}), None),
    )
    .await;
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn companies_jobs_and_search() {
    let w = world();
    let sandbox = start().await;
    let mut s = Session::new(&sandbox).await;

    s.golden(
        endpoints::COMPANY,
        &url(
            endpoints::COMPANY,
            &[],
            json!({"universalName": "linkedin"}),
            None,
        ),
    )
    .await;
    let job = &w.jobs[0];
    s.golden(
        endpoints::JOB_POSTING,
        &url(
            endpoints::JOB_POSTING,
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
        endpoints::JOB_SKILL_MATCH,
        &url(
            endpoints::JOB_SKILL_MATCH,
            &[("insightUrn", &insight)],
            json!({}),
            None,
        ),
    )
    .await;
    let keywords = job.title.split_whitespace().last().unwrap().to_uppercase();
    s.golden(
        endpoints::JOB_SEARCH,
        &url(
            endpoints::JOB_SEARCH,
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
            endpoints::SEARCH_CLUSTERS,
            json!({"start": 0, "count": 3, "query": query}),
        );
        let body = s
            .get(endpoints::SEARCH_CLUSTERS, &target, Accept::Catalogue)
            .await;
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
        endpoints::MESSENGER_CONVERSATIONS_SEARCH,
        &gql(
            endpoints::MESSENGER_CONVERSATIONS_SEARCH,
            json!({"categories": ["PRIMARY_INBOX"], "count": 3,
                   "firstDegreeConnections": false, "mailboxUrn": me}),
        ),
    )
    .await;
    s.golden(
        endpoints::MESSENGER_CONVERSATIONS_CATEGORY,
        &gql(
            endpoints::MESSENGER_CONVERSATIONS_CATEGORY,
            json!({"count": 3, "mailboxUrn": me}),
        ),
    )
    .await;
    // The first sync has no count and holds LinkedIn's page of 20 conversations (some
    // 200 kB): only its first three are kept, the rest of the answer as it came.
    let mut sync = s
        .get(
            endpoints::MESSENGER_CONVERSATIONS_SYNC,
            &gql(
                endpoints::MESSENGER_CONVERSATIONS_SYNC,
                json!({"mailboxUrn": me}),
            ),
            Accept::Catalogue,
        )
        .await;
    let root = sync
        .pointer_mut(&endpoints::MESSENGER_CONVERSATIONS_SYNC.data_pointer())
        .unwrap();
    let token = root["metadata"]["newSyncToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let elements = root["elements"].as_array_mut().unwrap();
    assert_eq!(elements.len(), 20);
    let oldest = elements
        .iter()
        .filter_map(|c| c["lastActivityAt"].as_u64())
        .min()
        .unwrap();
    elements.truncate(3);
    record(endpoints::MESSENGER_CONVERSATIONS_SYNC.name, &sync);
    // The backfill after it: the three conversations before the first sync's oldest.
    s.golden(
        endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
        &gql(
            endpoints::MESSENGER_CONVERSATIONS_BACKFILL,
            json!({"mailboxUrn": me, "lastUpdatedBefore": oldest, "count": 3}),
        ),
    )
    .await;
    s.golden(
        endpoints::MESSENGER_CONVERSATIONS_DELTA,
        &gql(
            endpoints::MESSENGER_CONVERSATIONS_DELTA,
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
        endpoints::MESSENGER_MESSAGES,
        &gql(
            endpoints::MESSENGER_MESSAGES,
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
        endpoints::MESSENGER_MESSAGES_BEFORE,
        &gql(
            endpoints::MESSENGER_MESSAGES_BEFORE,
            json!({"deliveredAt": longest.messages[3].delivered_at,
                   "conversationUrn": conversation_urn(&w, &longest.thread_id)}),
        ),
    )
    .await;
    s.golden(
        endpoints::MESSENGER_MAILBOX_COUNTS,
        &gql(
            endpoints::MESSENGER_MAILBOX_COUNTS,
            json!({"mailboxUrn": me}),
        ),
    )
    .await;
    s.golden(
        endpoints::MESSENGER_SEEN_RECEIPTS,
        &gql(
            endpoints::MESSENGER_SEEN_RECEIPTS,
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
        endpoints::MESSENGER_QUICK_REPLIES,
        &gql(
            endpoints::MESSENGER_QUICK_REPLIES,
            json!({"conversationUrn": conversation_urn(&w, &waiting.thread_id)}),
        ),
    )
    .await;
    for name in [
        endpoints::MESSAGING_AFFILIATED_MAILBOXES,
        endpoints::MESSAGING_AWAY_STATUS,
        endpoints::MESSAGING_SECONDARY_INBOX_BANNER,
        endpoints::MESSAGING_CONVERSATION_NUDGES,
    ] {
        s.golden(name, &url(name, &[], json!({}), None)).await;
    }

    // The legacy inbox, anchored so that only the three oldest conversations come.
    let mut by_activity: Vec<&Conversation> = w.conversations.iter().collect();
    by_activity.sort_by_key(|c| std::cmp::Reverse(last_activity(c)));
    let anchor = last_activity(by_activity[by_activity.len() - 4]);
    s.golden(
        endpoints::CONVERSATIONS_LEGACY,
        &url(
            endpoints::CONVERSATIONS_LEGACY,
            &[],
            json!({"createdBefore": anchor}),
            None,
        ),
    )
    .await;
    s.golden(
        endpoints::CONVERSATION_EVENTS_LEGACY,
        &url(
            endpoints::CONVERSATION_EVENTS_LEGACY,
            &[("conversationId", &longest.thread_id)],
            json!({"createdBefore": longest.messages[3].delivered_at}),
            None,
        ),
    )
    .await;
    let partner = &w.people[w.conversations[0].participants[0]].profile_id;
    s.golden(
        endpoints::CONVERSATION_BY_PARTICIPANTS_LEGACY,
        &url(
            endpoints::CONVERSATION_BY_PARTICIPANTS_LEGACY,
            &[],
            json!({"recipients": [partner]}),
            None,
        ),
    )
    .await;

    for name in [endpoints::INVITATIONS_RECEIVED, endpoints::INVITATIONS_SENT] {
        s.golden(name, &url(name, &[], json!({"start": 0, "count": 3}), None))
            .await;
    }
    for name in [
        endpoints::INVITATIONS_SUMMARY,
        endpoints::CONNECTIONS_SUMMARY,
        endpoints::MY_NETWORK_NOTIFICATIONS,
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

    s.golden(
        endpoints::GLOBAL_NAV,
        &url(endpoints::GLOBAL_NAV, &[], json!({}), None),
    )
    .await;
    s.golden(
        endpoints::FEED_CHRON,
        &url(
            endpoints::FEED_CHRON,
            &[],
            json!({"count": 3, "start": 0}),
            None,
        ),
    )
    .await;
    s.golden(
        endpoints::FEED_MAIN,
        &gql(endpoints::FEED_MAIN, json!({"start": 0, "count": 3})),
    )
    .await;
    let post = w.posts.iter().find(|p| !p.promoted).unwrap();
    s.golden(
        endpoints::FEED_UPDATE,
        &gql(
            endpoints::FEED_UPDATE,
            json!({"updateUrn": format!("urn:li:activity:{}", post.activity_id)}),
        ),
    )
    .await;
    s.golden(
        endpoints::NOTIFICATION_CARDS,
        &url(
            endpoints::NOTIFICATION_CARDS,
            &[],
            json!({"count": 3}),
            None,
        ),
    )
    .await;
    let talked = w
        .posts
        .iter()
        .find(|p| !p.promoted && !p.comments.is_empty())
        .unwrap();
    let post = format!("urn:li:activity:{}", talked.activity_id);
    s.golden(
        endpoints::POST_COMMENTS_DASH,
        &gql(
            endpoints::POST_COMMENTS_DASH,
            json!({
                "count": 2,
                "socialDetailUrn": format!("urn:li:fsd_socialDetail:({post},{post},urn:li:highlightedReply:-)"),
                "start": 0,
            }),
        ),
    )
    .await;
    s.golden(
        endpoints::NOTIFICATIONS,
        &url(
            endpoints::NOTIFICATIONS,
            &[],
            json!({"count": 3, "start": 0}),
            None,
        ),
    )
    .await;

    let me = &w.people[0];
    s.golden(
        endpoints::PROFILE_POSTS_DASH,
        &gql(
            endpoints::PROFILE_POSTS_DASH,
            json!({"count": 3, "start": 0, "profileUrn": profile_urn(&w, 0)}),
        ),
    )
    .await;
    s.golden(
        endpoints::PROFILE_UPDATES,
        &url(
            endpoints::PROFILE_UPDATES,
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
        endpoints::COMPANY_UPDATES,
        &url(
            endpoints::COMPANY_UPDATES,
            &[],
            json!({"companyUniversalName": company.universal_name, "count": 3, "start": 0}),
            None,
        ),
    )
    .await;

    // `post_comments` answers 500 as LinkedIn does (peers-2026.md §3): no golden answer, its
    // refusal is in `strict.rs`.
    let liked = w.posts.iter().find(|p| p.reactions.len() >= 3).unwrap();
    let thread = format!("urn:li:activity:{}", liked.activity_id);
    s.golden(
        endpoints::POST_REACTIONS,
        &url(
            endpoints::POST_REACTIONS,
            &[],
            json!({"count": 3, "start": 0, "threadUrn": thread}),
            None,
        ),
    )
    .await;
    s.golden(
        endpoints::POST_REACTIONS_DASH,
        &gql(
            endpoints::POST_REACTIONS_DASH,
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
        endpoints::TOUCH_ME,
        endpoints::TOUCH_MY_PAGE,
        endpoints::TOUCH_MAILBOX,
        endpoints::TOUCH_NOTIFICATIONS,
        endpoints::TOUCH_WVMP,
    ] {
        s.golden(name, &url(name, &[], json!({}), None)).await;
    }
    for (name, id) in [
        (endpoints::TOUCH_PROFILE, &demo),
        (endpoints::TOUCH_BACKGROUND, &other),
        (endpoints::TOUCH_ENDORSEMENTS, &demo),
        (endpoints::TOUCH_RECOMMENDATIONS, &demo),
    ] {
        s.golden(name, &url(name, &[("id", id)], json!({}), None))
            .await;
    }
    s.golden(
        endpoints::TOUCH_CONNECTIONS,
        &url(
            endpoints::TOUCH_CONNECTIONS,
            &[("id", &demo)],
            json!({"count": 3}),
            None,
        ),
    )
    .await;
    sandbox.shutdown().await;
}
