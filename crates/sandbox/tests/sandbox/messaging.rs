//! The messaging endpoints over real loopback HTTP, checked against the world the sandbox
//! serves: conversation lists and their paging and filters, message pages, sending, marking
//! read; and [`Session`], the demo session the messaging modules share.

use crate::common::api::at_root;
use crate::common::{Client, Resp};
use http::{Method, StatusCode};
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::world::{World, generate};
use linkedin_sandbox::{Sandbox, SandboxConfig, SandboxHandle, WORLD_SEED};
use restli::{Map, Value};
use serde_json::{Value as Json, json};

/// A sandbox, a connection to it, and the demo session's headers.
pub(crate) struct Session {
    pub(crate) sandbox: SandboxHandle,
    client: Client,
    cookie: String,
    csrf: String,
    pub(crate) world: World,
}

impl Session {
    pub(crate) async fn start() -> Self {
        let sandbox = Sandbox::start(SandboxConfig::default()).await.unwrap();
        let client = Client::connect(&sandbox).await;
        let cookies = sandbox.demo_cookies();
        let cookie = format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid);
        let csrf = cookies.jsessionid.trim_matches('"').to_owned();
        Self {
            sandbox,
            client,
            cookie,
            csrf,
            world: generate(WORLD_SEED),
        }
    }

    /// Sends `path_and_query` to `endpoint` with its accept header and `body`.
    pub(crate) async fn send(
        &mut self,
        endpoint: &Endpoint,
        path_and_query: &str,
        body: &str,
    ) -> Resp {
        let method = match endpoint.method {
            linkedin_catalogue::Method::Get => Method::GET,
            linkedin_catalogue::Method::Post => Method::POST,
            linkedin_catalogue::Method::Delete => Method::DELETE,
        };
        let mut headers = vec![
            ("cookie", self.cookie.as_str()),
            ("csrf-token", self.csrf.as_str()),
        ];
        if let Some(accept) = endpoint.accept.header() {
            headers.push(("accept", accept));
        }
        if !body.is_empty() {
            headers.push(("content-type", "text/plain;charset=UTF-8"));
        }
        let headers = headers.clone();
        self.client
            .call(method, path_and_query, &headers, body)
            .await
    }

    /// A messenger GraphQL query of catalogue entry `endpoint` with `variables`.
    pub(crate) async fn graphql(&mut self, endpoint: &Endpoint, variables: Map) -> Resp {
        let url = endpoint.target(&[], Map::new(), Some(variables));
        self.send(endpoint, &url, "").await
    }

    /// A REST call of catalogue entry `endpoint`: its fixed parameters, then `params`, on
    /// `path` (the entry's own path when `None`), with a JSON `body`.
    pub(crate) async fn rest(
        &mut self,
        endpoint: &Endpoint,
        path: Option<String>,
        params: &[(&str, Value)],
        body: Option<Json>,
    ) -> Resp {
        let params: Map = params.iter().map(|(k, v)| (*k, v.clone())).collect();
        let target = endpoint.target(&[], params, None);
        // A caller-built path (ids already in it) keeps the catalogue's query.
        let url = match path {
            Some(path) => format!("{path}{}", target.find('?').map_or("", |i| &target[i..])),
            None => target,
        };
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        self.send(endpoint, &url, &body).await
    }

    pub(crate) fn me_urn(&self) -> String {
        format!("urn:li:fsd_profile:{}", self.world.people[0].profile_id)
    }

    pub(crate) fn conversation_urn(&self, thread: &str) -> String {
        format!("urn:li:msg_conversation:({},{thread})", self.me_urn())
    }

    /// `messenger_conversations_search` variables as the fork sends them.
    pub(crate) fn search_vars(&self, count: u32, read: Option<bool>, cursor: Option<&str>) -> Map {
        let mut vars = Map::new();
        vars.insert("categories", Value::list(["PRIMARY_INBOX"]));
        vars.insert("count", count);
        vars.insert("firstDegreeConnections", false);
        vars.insert("mailboxUrn", self.me_urn());
        if let Some(read) = read {
            vars.insert("read", read);
        }
        if let Some(cursor) = cursor {
            vars.insert("nextCursor", cursor);
        }
        vars
    }

    /// Every primary-inbox conversation through `messenger_conversations_search`, page by page.
    pub(crate) async fn all_primary(&mut self, read: Option<bool>) -> Vec<Json> {
        let mut out = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let vars = self.search_vars(25, read, cursor.as_deref());
            let resp = self
                .graphql(endpoints::MESSENGER_CONVERSATIONS_SEARCH, vars)
                .await;
            assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
            let root = at_root(&resp.json(), endpoints::MESSENGER_CONVERSATIONS_SEARCH).clone();
            out.extend(root["elements"].as_array().unwrap().iter().cloned());
            match root["metadata"]["nextCursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => return out,
            }
        }
    }

    /// The demo's received invitations through `invitations_received`, asked normalized as
    /// the browser asks (seq 40), its references resolved as the client resolves them.
    pub(crate) async fn received(&mut self, start: u32, count: u32) -> Json {
        let resp = self
            .rest(
                endpoints::INVITATIONS_RECEIVED,
                None,
                &[("start", start.into()), ("count", count.into())],
                None,
            )
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
        linkedin_models::resolve_value(resp.json()).unwrap()
    }
}

/// The primary-inbox conversations of the world, most recently active first.
fn primary(world: &World) -> Vec<linkedin_sandbox::world::Conversation> {
    let mut out: Vec<_> = world
        .conversations
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX")
        .cloned()
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.messages.last().unwrap().delivered_at));
    out
}

/// Unread messages of a conversation: the trailing run from others when unread.
fn unread(c: &linkedin_sandbox::world::Conversation) -> u64 {
    if c.read {
        0
    } else {
        c.messages
            .iter()
            .rev()
            .take_while(|m| m.sender != 0)
            .count() as u64
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversation_search_pages_newest_first_with_last_message_and_unread_counts() {
    let mut s = Session::start().await;
    let all = s.all_primary(None).await;
    let expected = primary(&s.world);
    assert!(expected.len() > 25, "the world has more than one page");
    assert_eq!(all.len(), expected.len());
    for (got, want) in all.iter().zip(&expected) {
        assert_eq!(got["_type"], "com.linkedin.messenger.Conversation");
        assert_eq!(got["entityUrn"], s.conversation_urn(&want.thread_id));
        assert_eq!(
            got["backendUrn"],
            format!("urn:li:messagingThread:{}", want.thread_id)
        );
        assert_eq!(got["read"], want.read);
        assert_eq!(got["unreadCount"], unread(want));
        let last = want.messages.last().unwrap();
        assert_eq!(got["lastActivityAt"], last.delivered_at);
        assert!(
            got["categories"]
                .as_array()
                .unwrap()
                .contains(&json!("PRIMARY_INBOX"))
        );
        let message = &got["messages"]["elements"][0];
        assert_eq!(message["body"]["text"], last.text.as_str());
        assert_eq!(message["deliveredAt"], last.delivered_at);
        let sender = &s.world.people[last.sender];
        assert_eq!(
            message["sender"]["hostIdentityUrn"],
            format!("urn:li:fsd_profile:{}", sender.profile_id)
        );
        // Participants: the owner and the others, each a MessagingParticipant.
        let participants = got["conversationParticipants"].as_array().unwrap();
        assert_eq!(participants.len(), want.participants.len() + 1);
        for (p, &index) in participants[1..].iter().zip(&want.participants) {
            let person = &s.world.people[index];
            assert_eq!(p["_type"], "com.linkedin.messenger.MessagingParticipant");
            assert_eq!(
                p["participantType"]["member"]["firstName"]["text"],
                person.first_name.as_str()
            );
        }
    }

    // The first page holds 25 and a cursor; the unread filter keeps exactly the unread ones.
    let first = s
        .graphql(
            endpoints::MESSENGER_CONVERSATIONS_SEARCH,
            s.search_vars(25, None, None),
        )
        .await;
    let first = first.json();
    let root = at_root(&first, endpoints::MESSENGER_CONVERSATIONS_SEARCH);
    assert_eq!(root["elements"].as_array().unwrap().len(), 25);
    assert!(root["metadata"]["nextCursor"].is_string());
    let unread_only = s.all_primary(Some(false)).await;
    assert_eq!(
        unread_only.len(),
        expected.iter().filter(|c| !c.read).count()
    );
    assert!(
        unread_only
            .iter()
            .all(|c| c["read"] == false && c["unreadCount"].as_u64() > Some(0))
    );
    let total_unread: u64 = expected.iter().map(unread).sum();
    let got_unread: u64 = unread_only
        .iter()
        .map(|c| c["unreadCount"].as_u64().unwrap())
        .sum();
    assert_eq!(got_unread, total_unread);

    s.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conversation_lists_refuse_other_mailboxes_big_counts_and_bad_cursors() {
    let mut s = Session::start().await;
    let mut vars = s.search_vars(25, None, None);
    vars.insert(
        "mailboxUrn",
        format!("urn:li:fsd_profile:{}", s.world.people[5].profile_id),
    );
    let resp = s
        .graphql(endpoints::MESSENGER_CONVERSATIONS_SEARCH, vars)
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);

    let max = endpoints::MESSENGER_CONVERSATIONS_SEARCH.max_count.unwrap();
    let resp = s
        .graphql(
            endpoints::MESSENGER_CONVERSATIONS_SEARCH,
            s.search_vars(max + 1, None, None),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    let resp = s
        .graphql(
            endpoints::MESSENGER_CONVERSATIONS_SEARCH,
            s.search_vars(10, None, Some("not a cursor")),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    s.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn category_listing_pages_the_primary_inbox_without_messages() {
    let mut s = Session::start().await;
    let endpoint = endpoints::MESSENGER_CONVERSATIONS_CATEGORY;
    let predicates = endpoint
        .param("query.predicateUnions")
        .unwrap()
        .value
        .unwrap();
    let mut query = Map::new();
    query.insert("predicateUnions", restli::from_str(predicates).unwrap());
    let expected = primary(&s.world);

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut vars = Map::new();
        vars.insert("query", Value::from(query.clone()));
        vars.insert("count", 20u32);
        vars.insert("mailboxUrn", s.me_urn());
        if let Some(c) = &cursor {
            vars.insert("nextCursor", c.as_str());
        }
        let resp = s
            .graphql(endpoints::MESSENGER_CONVERSATIONS_CATEGORY, vars)
            .await;
        assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
        let root = at_root(&resp.json(), endpoints::MESSENGER_CONVERSATIONS_CATEGORY).clone();
        let elements = root["elements"].as_array().unwrap();
        assert!(elements.len() <= 20);
        for e in elements {
            assert!(e.get("messages").is_none());
            seen.push(e["entityUrn"].as_str().unwrap().to_owned());
        }
        match root["metadata"]["nextCursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let want: Vec<String> = expected
        .iter()
        .map(|c| s.conversation_urn(&c.thread_id))
        .collect();
    assert_eq!(seen, want);

    s.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_pages_walk_back_from_the_newest_with_the_delivered_at_anchor() {
    let mut s = Session::start().await;
    let c = s
        .world
        .conversations
        .iter()
        .max_by_key(|c| c.messages.len())
        .unwrap()
        .clone();
    assert!(c.messages.len() > 40);
    let urn = s.conversation_urn(&c.thread_id);

    let mut vars = Map::new();
    vars.insert("conversationUrn", urn.as_str());
    let resp = s.graphql(endpoints::MESSENGER_MESSAGES, vars).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let root = at_root(&resp.json(), endpoints::MESSENGER_MESSAGES).clone();
    assert!(root["metadata"]["newSyncToken"].is_string());
    let mut texts: Vec<(u64, String)> = Vec::new();
    let mut page = root["elements"].as_array().unwrap().clone();
    loop {
        for m in &page {
            assert_eq!(m["_type"], "com.linkedin.messenger.Message");
            assert!(
                m["entityUrn"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("urn:li:msg_message:({},2-", s.me_urn()))
            );
            assert_eq!(m["conversation"]["entityUrn"], urn.as_str());
            texts.push((
                m["deliveredAt"].as_u64().unwrap(),
                m["body"]["text"].as_str().unwrap().to_owned(),
            ));
        }
        let Some(oldest) = page.last().map(|m| m["deliveredAt"].as_u64().unwrap()) else {
            break;
        };
        let mut vars = Map::new();
        vars.insert("deliveredAt", oldest);
        vars.insert("conversationUrn", urn.as_str());
        let resp = s.graphql(endpoints::MESSENGER_MESSAGES_BEFORE, vars).await;
        assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
        let root = at_root(&resp.json(), endpoints::MESSENGER_MESSAGES_BEFORE).clone();
        page = root["elements"].as_array().unwrap().clone();
    }
    // Newest first throughout, and every message once.
    let want: Vec<(u64, String)> = c
        .messages
        .iter()
        .rev()
        .map(|m| (m.delivered_at, m.text.clone()))
        .collect();
    assert_eq!(texts, want);

    // The browser's variables (seq 117): `countBefore` messages before the anchor and
    // `countAfter` at or after it; the catalogue sends 20 and 0.
    let anchor = c.messages[30].delivered_at;
    let mut vars = Map::new();
    vars.insert("deliveredAt", anchor);
    vars.insert("conversationUrn", urn.as_str());
    vars.insert("countBefore", 3);
    vars.insert("countAfter", 2);
    let resp = s.graphql(endpoints::MESSENGER_MESSAGES_BEFORE, vars).await;
    let got: Vec<u64> = at_root(&resp.json(), endpoints::MESSENGER_MESSAGES_BEFORE)["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["deliveredAt"].as_u64().unwrap())
        .collect();
    let want: Vec<u64> = c.messages[27..32]
        .iter()
        .rev()
        .map(|m| m.delivered_at)
        .collect();
    assert_eq!(got, want);
    let mut vars = Map::new();
    vars.insert("deliveredAt", anchor);
    vars.insert("conversationUrn", urn.as_str());
    vars.insert("countBefore", "many");
    let resp = s.graphql(endpoints::MESSENGER_MESSAGES_BEFORE, vars).await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    // Another mailbox's URN is refused; an unknown thread is not found.
    let mut vars = Map::new();
    vars.insert(
        "conversationUrn",
        format!(
            "urn:li:msg_conversation:(urn:li:fsd_profile:{},{})",
            s.world.people[3].profile_id, c.thread_id
        ),
    );
    assert_eq!(
        s.graphql(endpoints::MESSENGER_MESSAGES, vars).await.status,
        StatusCode::FORBIDDEN
    );
    let mut vars = Map::new();
    vars.insert(
        "conversationUrn",
        s.conversation_urn("2-bm8gc3VjaCB0aHJlYWQ="),
    );
    assert_eq!(
        s.graphql(endpoints::MESSENGER_MESSAGES, vars).await.status,
        StatusCode::NOT_FOUND
    );

    s.sandbox.shutdown().await;
}

fn send_body(text: &str, conversation: &str, mailbox: &str) -> Json {
    json!({
        "message": {
            "body": {"attributes": [], "text": text},
            "renderContentUnions": [],
            "conversationUrn": conversation,
            "originToken": "6c1b7a4e-8f53-4d2a-9b1e-2f0c3d4e5a6b",
        },
        "mailboxUrn": mailbox,
        "trackingId": "abcdefghijklmnop",
        "dedupeByClientGeneratedToken": false,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sent_message_appears_first_in_its_conversation() {
    let mut s = Session::start().await;
    let c = s.world.conversations[3].clone();
    let urn = s.conversation_urn(&c.thread_id);
    let latest = s
        .world
        .conversations
        .iter()
        .flat_map(|c| c.messages.iter().map(|m| m.delivered_at))
        .chain(s.world.invitations.iter().map(|i| i.sent_at))
        .max()
        .unwrap();
    let text = "Thanks, let's talk on Thursday at 10.";

    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(send_body(text, &urn, &s.me_urn())),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let value = &resp.json()["value"];
    assert_eq!(value["body"]["text"], text);
    assert_eq!(value["deliveredAt"], latest + 1_000);
    assert_eq!(value["sender"]["hostIdentityUrn"], s.me_urn());
    let message_urn = value["entityUrn"].as_str().unwrap().to_owned();
    assert!(message_urn.starts_with(&format!("urn:li:msg_message:({},2-", s.me_urn())));
    assert!(message_urn.ends_with("==)"));

    let mut vars = Map::new();
    vars.insert("conversationUrn", urn.as_str());
    let resp = s.graphql(endpoints::MESSENGER_MESSAGES, vars).await;
    let elements = at_root(&resp.json(), endpoints::MESSENGER_MESSAGES)["elements"].clone();
    assert_eq!(elements[0]["entityUrn"], message_urn.as_str());
    assert_eq!(elements[0]["body"]["text"], text);
    assert_eq!(
        elements[1]["body"]["text"],
        c.messages.last().unwrap().text.as_str()
    );

    // Unknown conversation, another mailbox, no text.
    let unknown = s.conversation_urn("2-bm8gc3VjaCB0aHJlYWQ=");
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(send_body(text, &unknown, &s.me_urn())),
        )
        .await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    let other = format!("urn:li:fsd_profile:{}", s.world.people[4].profile_id);
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(send_body(text, &urn, &other)),
        )
        .await;
    assert_eq!(resp.status, StatusCode::FORBIDDEN);
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(json!({"mailboxUrn": s.me_urn()})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    s.sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn marking_conversations_read_shows_in_the_lists() {
    let mut s = Session::start().await;
    let targets: Vec<String> = primary(&s.world)
        .iter()
        .filter(|c| !c.read)
        .take(2)
        .map(|c| s.conversation_urn(&c.thread_id))
        .collect();
    let before = s.all_primary(Some(false)).await.len();

    let ids = Value::list(targets.iter().map(String::as_str));
    let entities: serde_json::Map<String, Json> = targets
        .iter()
        .map(|u| (u.clone(), json!({"patch": {"$set": {"read": true}}})))
        .collect();
    let resp = s
        .rest(
            endpoints::CONVERSATIONS_MARK_READ,
            None,
            &[("ids", ids)],
            Some(json!({"entities": entities})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let body = resp.json();
    for urn in &targets {
        assert_eq!(body["results"][urn]["status"], 204);
    }
    assert_eq!(body["errors"], json!({}));

    let unread_now = s.all_primary(Some(false)).await;
    assert_eq!(unread_now.len(), before - 2);
    let all = s.all_primary(None).await;
    for urn in &targets {
        let c = all.iter().find(|c| c["entityUrn"] == urn.as_str()).unwrap();
        assert_eq!(c["read"], true);
        assert_eq!(c["unreadCount"], 0);
    }

    // An unknown conversation is an error of its own; a body without the ids is a 400.
    let unknown = s.conversation_urn("2-bm8gc3VjaCB0aHJlYWQ=");
    let resp = s
        .rest(
            endpoints::CONVERSATIONS_MARK_READ,
            None,
            &[("ids", Value::list([unknown.as_str()]))],
            Some(json!({"entities": {unknown.as_str(): {"patch": {"$set": {"read": true}}}}})),
        )
        .await;
    assert_eq!(resp.json()["errors"][unknown.as_str()]["status"], 404);
    let resp = s
        .rest(
            endpoints::CONVERSATIONS_MARK_READ,
            None,
            &[("ids", Value::list([targets[0].as_str()]))],
            Some(json!({"entities": {}})),
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);

    s.sandbox.shutdown().await;
}

/// A `createMessage` body that starts a conversation with `recipients` (no conversation URN).
fn first_message_body(text: &str, recipients: &[String], mailbox: &str) -> Json {
    json!({
        "message": {
            "body": {"attributes": [], "text": text},
            "renderContentUnions": [],
            "originToken": "0b6e4f7a-2d1c-4e8b-9a3f-5c6d7e8f9a0b",
        },
        "mailboxUrn": mailbox,
        "trackingId": "abcdefghijklmnop",
        "dedupeByClientGeneratedToken": false,
        "hostRecipientUrns": recipients,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_first_message_to_recipients_starts_a_conversation_or_joins_the_one_to_one() {
    let mut s = Session::start().await;
    let talked: Vec<usize> = s
        .world
        .conversations
        .iter()
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let new_partner = (2..s.world.people.len())
        .find(|p| !talked.contains(p))
        .unwrap();
    let urn_of =
        |s: &Session, p: usize| format!("urn:li:fsd_profile:{}", s.world.people[p].profile_id);
    let text = "Hello! Coffee next week?";

    let recipients = vec![urn_of(&s, new_partner)];
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(first_message_body(text, &recipients, &s.me_urn())),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let value = resp.json()["value"].clone();
    assert_eq!(value["body"]["text"], text);
    assert_eq!(value["originToken"], "0b6e4f7a-2d1c-4e8b-9a3f-5c6d7e8f9a0b");
    let conversation = value["conversation"]["entityUrn"]
        .as_str()
        .unwrap()
        .to_owned();
    let thread = conversation
        .strip_suffix(')')
        .and_then(|c| c.rsplit_once(','))
        .map(|(_, t)| t.to_owned())
        .unwrap();
    assert!(
        thread.starts_with("2-") && thread.ends_with("=="),
        "{thread}"
    );
    assert!(s.world.conversations.iter().all(|c| c.thread_id != thread));

    // The new conversation heads the primary inbox, read, with the recipient and the message.
    let all = s.all_primary(None).await;
    assert_eq!(all.len(), primary(&s.world).len() + 1);
    assert_eq!(all[0]["entityUrn"], conversation.as_str());
    assert_eq!(all[0]["read"], true);
    assert_eq!(all[0]["groupChat"], false);
    let participants = all[0]["conversationParticipants"].as_array().unwrap();
    assert_eq!(participants.len(), 2);
    assert_eq!(participants[1]["hostIdentityUrn"], recipients[0].as_str());
    assert_eq!(all[0]["messages"]["elements"][0]["body"]["text"], text);

    // To the same single recipient again: the same conversation, not a second one.
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(first_message_body(
                "And a follow-up.",
                &recipients,
                &s.me_urn(),
            )),
        )
        .await;
    assert_eq!(
        resp.json()["value"]["conversation"]["entityUrn"],
        conversation.as_str()
    );
    assert_eq!(s.all_primary(None).await.len(), primary(&s.world).len() + 1);

    // Two recipients: a new group conversation.
    let other = if new_partner == 2 { 3 } else { 2 };
    let group = vec![urn_of(&s, new_partner), urn_of(&s, other)];
    let resp = s
        .rest(
            endpoints::MESSAGE_CREATE,
            None,
            &[],
            Some(first_message_body("Hi both!", &group, &s.me_urn())),
        )
        .await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    let all = s.all_primary(None).await;
    assert_eq!(all[0]["groupChat"], true);
    assert_ne!(all[0]["entityUrn"], conversation.as_str());

    // Refused: an unknown member (404), the sender or a repeat among the recipients, an
    // empty list, a malformed URN, and a conversation URN together with recipients (400).
    let unknown = vec!["urn:li:fsd_profile:ACoAAnobodyATallxxxxxxxxxxxxxxxxxxxxxxx".to_owned()];
    for (body, expected) in [
        (
            first_message_body(text, &unknown, &s.me_urn()),
            StatusCode::NOT_FOUND,
        ),
        (
            first_message_body(text, &[s.me_urn()], &s.me_urn()),
            StatusCode::BAD_REQUEST,
        ),
        (
            first_message_body(
                text,
                &[recipients[0].clone(), recipients[0].clone()],
                &s.me_urn(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            first_message_body(text, &[], &s.me_urn()),
            StatusCode::BAD_REQUEST,
        ),
        (
            first_message_body(text, &["bill-gates".to_owned()], &s.me_urn()),
            StatusCode::BAD_REQUEST,
        ),
        (
            {
                let mut both = first_message_body(text, &recipients, &s.me_urn());
                both["message"]["conversationUrn"] = json!(conversation);
                both
            },
            StatusCode::BAD_REQUEST,
        ),
    ] {
        let resp = s
            .rest(endpoints::MESSAGE_CREATE, None, &[], Some(body.clone()))
            .await;
        assert_eq!(resp.status, expected, "{body}");
    }
    assert_eq!(s.all_primary(None).await.len(), primary(&s.world).len() + 2);

    s.sandbox.shutdown().await;
}

/// A message id decodes to `<ms>b<5 digits>-<3 digits>&<thread payload>` (peers.md §c.4):
/// its conversation can be told from it, as LinkedIn's ids allow.
#[test]
fn a_message_id_ends_with_its_threads_payload() {
    use base64::Engine as _;
    let decode = |id: &str| {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(id.strip_prefix("2-").expect("2-…"))
            .expect("base64");
        String::from_utf8(bytes).expect("text")
    };
    let w = generate(WORLD_SEED);
    let mut messages = 0;
    for c in &w.conversations {
        let payload = decode(&c.thread_id);
        for m in &c.messages {
            let text = decode(&m.id);
            let (head, tail) = text.split_once('&').expect("an &");
            assert_eq!(tail, payload, "{}", m.id);
            let (ms, rest) = head.split_once('b').expect("a b");
            assert_eq!(ms, m.delivered_at.to_string());
            let (five, three) = rest.split_once('-').expect("a -");
            assert!(five.len() == 5 && three.len() == 3, "{head}");
            messages += 1;
        }
    }
    assert!(messages > 100, "{messages}");
}
