//! The client on LinkedIn's own answers: the sandbox replays `fixtures/recorded/` (the web
//! app's traffic of 2026-02-04) over loopback, and each test checks the typed result field by
//! field against what the recording holds, and that the request sent is the browser's (same
//! path, ids, parameters, variable names and values, and the headers the capture kept).
//!
//! The expected values are read from the recording in the test, not written out: a model
//! that reads the wrong field, or a request that is not the browser's, fails here.

use futures::TryStreamExt;
use linkedin_api::ConversationFilter;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::recorded::{self, Recording, RequestKey};
use linkedin_sandbox::{Replay, SandboxConfig};

use crate::common;
use serde_json::{Value, json};

/// The member who recorded: the mailbox owner of every recorded conversation.
const OWNER: &str = "ACoAAODgoRXLcjj1SBNwpgt3QrZQRz9ZmEsVI37";
/// The owner's public id, as recorded at seq 39.
const OWNER_PUBLIC_ID: &str = "member-4d205tpz";

type Replayed = common::Fixture;

/// A sandbox replaying every recording, `/me` answering as the owner (seq 58, the owner's own
/// profile), and a client logged in to it.
async fn start() -> Replayed {
    start_with(recorded::load_all().unwrap()).await
}

/// As [`start`], replaying only `recordings` (plus seq 58 for `/me`).
async fn start_with(mut recordings: Vec<Recording>) -> Replayed {
    if !recordings.iter().any(|r| r.seq == 58) {
        recordings.push(recorded::load(58).unwrap());
    }
    common::start_on(SandboxConfig {
        replay: Some(Replay {
            recordings,
            owner_profile: Some(58),
        }),
        keep_requests: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

/// The API requests after login (the session check `/me` left out), each with the seq of
/// the recording that answered it.
fn api_requests(f: &Replayed) -> Vec<linkedin_sandbox::RequestRecord> {
    f.sandbox
        .requests()
        .into_iter()
        .filter(|r| r.path.starts_with("/voyager/api/") && r.path != "/voyager/api/me")
        .collect()
}

/// Asserts the requests were answered by exactly `seqs`, in order, and that each was the
/// browser's request: the same key with the same variable values, and the headers the
/// capture kept (csrf-token and the page instance's random part aside).
fn assert_browser_requests(f: &Replayed, seqs: &[u32]) {
    let sent = api_requests(f);
    let answered: Vec<Option<u32>> = sent.iter().map(|r| r.replayed).collect();
    let expected: Vec<Option<u32>> = seqs.iter().copied().map(Some).collect();
    assert_eq!(answered, expected, "{sent:#?}");
    for (record, seq) in sent.iter().zip(seqs) {
        let recording = recorded::load(*seq).unwrap();
        assert_eq!(record.path, recording.path(), "seq {seq}: the path as sent");
        let ours = RequestKey::new(&record.method, &record.path, &record.query).unwrap();
        assert_eq!(
            ours,
            recording.key().unwrap(),
            "seq {seq}: not the browser's request"
        );
        assert_same_headers(record, &recording);
    }
}

/// The capture kept 7 request headers: ours must carry each, with the browser's value where
/// it is not per session (accept, x-li-lang, x-restli-protocol-version, content-type) and the
/// browser's page key in x-li-page-instance.
fn assert_same_headers(record: &linkedin_sandbox::RequestRecord, recording: &Recording) {
    let ours = |name: &str| {
        record
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    for (name, theirs) in &recording.request_headers {
        let seq = recording.seq;
        let mine = ours(name).unwrap_or_else(|| panic!("seq {seq}: no {name} header"));
        match name.as_str() {
            "accept" | "x-li-lang" | "x-restli-protocol-version" | "content-type" => {
                assert_eq!(mine, theirs, "seq {seq}: {name}");
            }
            "x-li-page-instance" => {
                let page = |v: &str| v.split(';').next().unwrap_or_default().to_owned();
                assert_eq!(page(mine), page(theirs), "seq {seq}: the page key");
            }
            // The session's csrf-token (recorded as present) and the client's x-li-track.
            _ => {}
        }
    }
}

/// A dash text or a plain string at `pointer` of `value`.
fn text_at(value: &Value, pointer: &str) -> String {
    let v = value.pointer(pointer).unwrap_or(&Value::Null);
    v.get("text")
        .or(Some(v))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// The data root an entry answers under.
fn root(endpoint: &linkedin_catalogue::Endpoint) -> &'static str {
    endpoint.data_root.unwrap()
}

fn snapshot(name: &str, value: &impl serde::Serialize) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!(name, value);
    });
}

/// Contact info: the e-mail of seq 54 (catalogue `profile_by_member_identity`), which the
/// dash profile of seq 58 (catalogue `profile`) does not carry.
#[tokio::test]
async fn contact_info_shows_the_recorded_email() {
    let r = start().await;
    let contact = r.linkedin.profile_contact_info(OWNER).await.unwrap();
    let recording = recorded::load(54).unwrap();
    let body = recording.response_body.as_ref().unwrap();
    let profile = body["included"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["entityUrn"] == format!("urn:li:fsd_profile:{OWNER}"))
        .unwrap();
    let email = profile["emailAddress"]["emailAddress"].as_str().unwrap();
    assert_eq!(contact.email_address.as_deref(), Some(email));
    assert_browser_requests(&r, &[54]);
    snapshot("replay_contact_info", &contact);
}

/// The dash profile of seq 58 (catalogue `profile`): names, headline, public id.
#[tokio::test]
async fn the_profile_reads_the_recorded_full_profile() {
    let r = start().await;
    let profile = r.linkedin.profile(OWNER).await.unwrap();
    let recording = recorded::load(58).unwrap();
    let data = &recording.response_body.as_ref().unwrap()["data"];
    assert_eq!(profile.first_name, data["firstName"].as_str().unwrap());
    assert_eq!(profile.last_name, data["lastName"].as_str().unwrap());
    assert_eq!(profile.headline.as_deref(), data["headline"].as_str());
    assert_eq!(
        profile.public_identifier.as_deref(),
        data["publicIdentifier"].as_str()
    );
    assert_browser_requests(&r, &[58]);
    snapshot(
        "replay_profile",
        &json!({
            "first_name": profile.first_name,
            "last_name": profile.last_name,
            "headline": profile.headline,
            "public_identifier": profile.public_identifier,
            "contact_in_this_projection": profile.contact_info(),
        }),
    );
}

/// A public id resolves as the browser resolves it: catalogue `profile_by_vanity` (seq 39).
#[tokio::test]
async fn a_public_id_resolves_by_the_browsers_lookup() {
    let r = start().await;
    let urn = r.linkedin.resolve_public_id(OWNER_PUBLIC_ID).await.unwrap();
    assert_eq!(urn, format!("urn:li:fsd_profile:{OWNER}"));
    assert_browser_requests(&r, &[39]);
}

/// The inbox as the web app loads it (seq 51, the sync): every conversation with its
/// participants' names, and its last message's text and sender name (LinkedIn's `sender`
/// carries ids only; the name comes from the participants).
#[tokio::test]
async fn the_inbox_shows_names_and_last_messages() {
    let r = start().await;
    let recording = recorded::load(51).unwrap();
    let root = &recording.response_body.as_ref().unwrap()["data"]
        [root(endpoints::MESSENGER_CONVERSATIONS_SYNC)];
    let elements = root["elements"].as_array().unwrap();
    let got: Vec<_> = r
        .linkedin
        .conversations(ConversationFilter::inbox())
        .limit(elements.len())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 20, "LinkedIn's sync gives 20");
    let owner_urn = format!("urn:li:fsd_profile:{OWNER}");
    for (c, recorded) in got.iter().zip(elements) {
        assert_eq!(c.urn.to_string(), recorded["entityUrn"].as_str().unwrap());
        assert_eq!(
            c.unread_count,
            recorded["unreadCount"].as_u64().unwrap() as u32
        );
        assert_eq!(c.last_activity_at, recorded["lastActivityAt"].as_i64());
        let others: Vec<&Value> = recorded["conversationParticipants"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["hostIdentityUrn"] != owner_urn.as_str())
            .collect();
        assert_eq!(c.participants.len(), others.len(), "{}", c.urn);
        for (p, theirs) in c.participants.iter().zip(&others) {
            let first = text_at(theirs, "/participantType/member/firstName");
            assert!(!first.is_empty(), "a recorded participant without a name");
            assert_eq!(p.first_name, first);
            assert_eq!(
                p.last_name,
                text_at(theirs, "/participantType/member/lastName")
            );
        }
        let last = c
            .last_message
            .as_ref()
            .expect("each conversation has its last message");
        let theirs = &recorded["messages"]["elements"][0];
        assert_eq!(last.text, text_at(theirs, "/body"));
        assert_eq!(last.delivered_at, theirs["deliveredAt"].as_i64());
        // The recorded sender has no name: it is the participant with the sender's id.
        assert!(theirs["sender"].get("participantType").is_none());
        let sender_urn = theirs["sender"]["hostIdentityUrn"].as_str().unwrap();
        let named = recorded["conversationParticipants"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["hostIdentityUrn"] == sender_urn)
            .unwrap();
        let sender = last.sender.as_ref().unwrap();
        assert_eq!(
            sender.first_name,
            text_at(named, "/participantType/member/firstName")
        );
        assert!(!sender.first_name.is_empty());
        assert_eq!(last.from_me, sender_urn == owner_urn);
    }
    assert_browser_requests(&r, &[51]);
    let summary: Vec<Value> = got
        .iter()
        .map(|c| {
            let last = c.last_message.as_ref().unwrap();
            json!({
                "thread_id": c.thread_id,
                "participants": c.participants.iter().map(|p| format!("{} {}", p.first_name, p.last_name)).collect::<Vec<_>>(),
                "unread_count": c.unread_count,
                "last_activity_at": c.last_activity_at,
                "last_message": last.text,
                "sender": last.sender.as_ref().map(|s| format!("{} {}", s.first_name, s.last_name)),
                "from_me": last.from_me,
            })
        })
        .collect();
    snapshot("replay_inbox", &summary);
}

/// A conversation's messages: the latest page (seq 102, catalogue `messenger_messages`), then
/// the older page anchored at the oldest delivery time with `countBefore:20,countAfter:0`
/// (seq 117, `messenger_messages_before`), which is empty and ends the stream.
#[tokio::test]
async fn messages_page_back_as_the_browser_does() {
    let r = start().await;
    let latest = recorded::load(102).unwrap();
    let conversation = RequestKey::new(&latest.method, latest.path(), latest.query())
        .unwrap()
        .variable_values["conversationUrn"]
        .clone();
    let got: Vec<_> = r
        .linkedin
        .conversation_messages(conversation.as_str())
        .try_collect()
        .await
        .unwrap();
    let recorded_messages = latest.response_body.as_ref().unwrap()["data"]
        [root(endpoints::MESSENGER_MESSAGES)]["elements"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(got.len(), recorded_messages.len());
    for (m, theirs) in got.iter().zip(&recorded_messages) {
        assert_eq!(m.text, text_at(theirs, "/body"));
        assert_eq!(m.delivered_at, theirs["deliveredAt"].as_i64());
        assert_eq!(m.urn, theirs["entityUrn"].as_str().unwrap());
        let sender = m.sender.as_ref().unwrap();
        assert_eq!(
            sender.first_name,
            text_at(theirs, "/actor/participantType/member/firstName"),
            "the sender's name is the actor's"
        );
        assert!(!sender.first_name.is_empty());
    }
    assert_browser_requests(&r, &[102, 117]);
    let summary: Vec<Value> = got
        .iter()
        .map(|m| {
            json!({
                "text": m.text,
                "delivered_at": m.delivered_at,
                "from_me": m.from_me,
                "sender": m.sender.as_ref().map(|s| format!("{} {}", s.first_name, s.last_name)),
            })
        })
        .collect();
    snapshot("replay_messages", &summary);
}

/// Every other recorded messages page (seq 70, 76, 111) reads: texts, times, senders' names.
#[tokio::test]
async fn every_recorded_messages_page_reads() {
    for seq in [70, 76, 111] {
        let recording = recorded::load(seq).unwrap();
        // Alone: 70 and 76 are the same request (one conversation, loaded twice).
        let r = start_with(vec![recording.clone()]).await;
        let conversation = recording.key().unwrap().variable_values["conversationUrn"].clone();
        let mut pages = r.linkedin.conversation_messages(conversation.as_str());
        let elements = recording.response_body.as_ref().unwrap()["data"]
            [root(endpoints::MESSENGER_MESSAGES)]["elements"]
            .as_array()
            .unwrap()
            .clone();
        for theirs in &elements {
            let m = pages.try_next().await.unwrap().unwrap();
            assert_eq!(m.text, text_at(theirs, "/body"), "seq {seq}");
            assert_eq!(m.delivered_at, theirs["deliveredAt"].as_i64(), "seq {seq}");
            let sender = m.sender.as_ref().unwrap();
            assert!(
                !sender.first_name.is_empty(),
                "seq {seq}: a sender without a name"
            );
        }
        assert_eq!(api_requests(&r)[0].replayed, Some(seq));
    }
}

/// Received invitations: the browser's request of seq 40 (its answer was not recorded), the
/// same path, parameters, values, and headers, with a page of 3 as the web app asks for.
#[tokio::test]
async fn received_invitations_ask_what_the_browser_asked() {
    let common::Fixture { sandbox, linkedin } = common::start().await;
    let mark = sandbox.requests().len();
    let mut pages = linkedin.invitations().page_size(3);
    pages.try_next().await.unwrap().unwrap();
    let sent = &sandbox.requests()[mark];
    let recording = recorded::load(40).unwrap();
    assert_eq!(sent.path, recording.path());
    let ours = RequestKey::new(&sent.method, &sent.path, &sent.query).unwrap();
    assert_eq!(ours, recording.key().unwrap(), "not the browser's request");
    assert_same_headers(sent, &recording);
}

/// The feed: a later page of the main feed as the browser asked it (seq 44, the 200 retry of
/// seq 16; no answer recorded): the same query, variables and values (`start` 3, `count` 7,
/// the token the page before gave, `sortOrder`), and headers (the `d_flagship3_feed` page).
#[tokio::test]
async fn a_feed_page_asks_what_the_browser_asked() {
    let common::Fixture { sandbox, linkedin } = common::start().await;
    let recording = recorded::load(44).unwrap();
    let token = "791183087-1770243073444-44c4c7e5c628662c382ff2b529d2c1d8";
    assert!(recording.url.contains(token), "the recorded token");
    let mark = sandbox.requests().len();
    let mut pages = linkedin.feed_posts(false).page_size(7).resume(
        linkedin_api::Position::Token {
            start: 3,
            token: Some(token.to_owned()),
        },
        0,
    );
    // The sandbox's feed has a token of its own, and refuses this one (400).
    assert!(pages.try_next().await.is_err());
    let sent = &sandbox.requests()[mark];
    assert_eq!(sent.path, recording.path());
    let ours = RequestKey::new(&sent.method, &sent.path, &sent.query).unwrap();
    assert_eq!(ours, recording.key().unwrap(), "not the browser's request");
    assert_same_headers(sent, &recording);
}

/// The network counts: the browser's three background requests (seq 10, 11, 14, sent again
/// with the live session as seq 38, 30, 31; no answer recorded), in its order, with the same
/// paths, no parameters, and the same headers (accept, the `d_flagship3_background` page).
#[tokio::test]
async fn network_counts_ask_what_the_browser_asked() {
    let common::Fixture { sandbox, linkedin } = common::start().await;
    let mark = sandbox.requests().len();
    linkedin.network_counts().await.unwrap();
    let sent = &sandbox.requests()[mark..];
    assert_eq!(sent.len(), 3);
    for (record, seq) in sent.iter().zip([10, 11, 14]) {
        let recording = recorded::load(seq).unwrap();
        assert_eq!(record.path, recording.path(), "seq {seq}");
        let ours = RequestKey::new(&record.method, &record.path, &record.query).unwrap();
        assert_eq!(
            ours,
            recording.key().unwrap(),
            "seq {seq}: not the browser's request"
        );
        assert_same_headers(record, &recording);
        let again = recorded::load(match seq {
            10 => 38,
            11 => 30,
            _ => 31,
        })
        .unwrap();
        assert_eq!(
            again.url, recording.url,
            "seq {seq}: the same call answered 200"
        );
        assert_eq!(again.response_status, Some(200));
        assert!(
            again.response_body.is_none(),
            "no answer recorded: nothing to replay"
        );
    }
}

/// The key paths of a JSON value (`message.body.text`), sorted: the shape of a body whose
/// values are the conversation's own.
fn key_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (k, v) in map {
            // A batch update is keyed by the entity's URN: one level, whatever the URN.
            let name = if k.starts_with("urn:li:") {
                "<urn>"
            } else {
                k.as_str()
            };
            let path = if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}.{name}")
            };
            out.push(path.clone());
            key_paths(v, &path, out);
        }
    }
}

/// The messaging writes the capture shows the requests of (seq 121 createMessage, seq 100
/// marking read; LinkedIn's answers to POSTs were not recorded): ours go to the same path
/// with the same parameters and headers, and their JSON bodies have the browser's keys.
#[tokio::test]
async fn messaging_writes_send_the_browsers_bodies() {
    let common::Fixture { sandbox, linkedin } = common::start().await;
    let conversation = linkedin
        .conversations(ConversationFilter::inbox())
        .limit(1)
        .try_next()
        .await
        .unwrap()
        .unwrap();
    let check = |seq: u32, sent: &linkedin_sandbox::RequestRecord| {
        let recording = recorded::load(seq).unwrap();
        assert_eq!(sent.path, recording.path(), "seq {seq}");
        let ours = RequestKey::new(&sent.method, &sent.path, &sent.query).unwrap();
        let theirs = recording.key().unwrap();
        assert_eq!(
            ours.params.keys().collect::<Vec<_>>(),
            theirs.params.keys().collect::<Vec<_>>(),
            "seq {seq}"
        );
        assert_same_headers(sent, &recording);
        let body: Value = serde_json::from_str(&sent.body).unwrap();
        let (mut mine, mut browser) = (Vec::new(), Vec::new());
        key_paths(&body, "", &mut mine);
        key_paths(recording.request_body.as_ref().unwrap(), "", &mut browser);
        mine.sort();
        browser.sort();
        assert_eq!(mine, browser, "seq {seq}: the body's keys");
    };
    let mark = sandbox.requests().len();
    linkedin
        .send_message(conversation.urn.clone(), "Thanks!")
        .await
        .unwrap();
    let sent = sandbox.requests();
    let post = sent[mark..].iter().find(|r| r.method == "POST").unwrap();
    check(121, post);

    let mark = sandbox.requests().len();
    linkedin
        .mark_conversation_read(conversation.urn.clone())
        .await
        .unwrap();
    let sent = sandbox.requests();
    let post = sent[mark..].iter().find(|r| r.method == "POST").unwrap();
    check(100, post);

    // Typing (seq 119) and marking seen: its delivery acknowledgement (seq 85), then the
    // read (seq 100).
    let mark = sandbox.requests().len();
    linkedin
        .send_typing(conversation.urn.clone())
        .await
        .unwrap();
    let sent = sandbox.requests();
    check(119, &sent[mark]);
    let unread = linkedin
        .conversations(ConversationFilter::inbox().unread())
        .limit(1)
        .try_next()
        .await
        .unwrap()
        .unwrap();
    let mark = sandbox.requests().len();
    let seen = linkedin.mark_seen(unread.urn.clone()).await.unwrap();
    let sent = sandbox.requests();
    let posts: Vec<_> = sent[mark..].iter().filter(|r| r.method == "POST").collect();
    assert!(
        !seen.acknowledged.is_empty(),
        "the latest message is someone else's"
    );
    let [ack, read] = posts.as_slice() else {
        panic!("an acknowledgement and a read: {posts:#?}");
    };
    check(85, ack);
    check(100, read);

    // Clearing the badge (seq 67).
    let mark = sandbox.requests().len();
    linkedin.mark_all_seen().await.unwrap();
    check(67, &sandbox.requests()[mark]);
}

/// The unread counts ask what the browser asked at seq 61 (its answer is not recorded).
#[tokio::test]
async fn mailbox_counts_ask_what_the_browser_asked() {
    let common::Fixture { sandbox, linkedin } = common::start().await;
    linkedin.me().await.unwrap();
    let mark = sandbox.requests().len();
    linkedin.mailbox_counts().await.unwrap();
    let sent = &sandbox.requests()[mark..];
    assert_eq!(sent.len(), 1);
    let recording = recorded::load(61).unwrap();
    assert_eq!(sent[0].path, recording.path());
    let ours = RequestKey::new(&sent[0].method, &sent[0].path, &sent[0].query).unwrap();
    let theirs = recording.key().unwrap();
    assert!(ours.same_shape(&theirs), "{ours:?} / {theirs:?}");
    assert_eq!(
        ours.params.keys().collect::<Vec<_>>(),
        theirs.params.keys().collect::<Vec<_>>()
    );
    assert_same_headers(&sent[0], &recording);
    assert!(recording.response_body.is_none(), "no answer to replay");

    // The seen receipts of a conversation, as seq 86 (no answer recorded either).
    let conversation = linkedin
        .conversations(ConversationFilter::inbox())
        .limit(1)
        .try_next()
        .await
        .unwrap()
        .unwrap();
    let mark = sandbox.requests().len();
    linkedin
        .seen_receipts(conversation.urn.clone())
        .await
        .unwrap();
    let sent = &sandbox.requests()[mark..];
    assert_eq!(sent.len(), 1);
    let recording = recorded::load(86).unwrap();
    assert_eq!(sent[0].path, recording.path());
    let ours = RequestKey::new(&sent[0].method, &sent[0].path, &sent[0].query).unwrap();
    assert!(ours.same_shape(&recording.key().unwrap()), "{ours:?}");
    assert_same_headers(&sent[0], &recording);
    assert!(recording.response_body.is_none(), "no answer to replay");
}

/// The message requests' banner as the web app asks it (seq 77): LinkedIn's answer, an empty
/// collection, is no banner.
#[tokio::test]
async fn the_recorded_requests_banner_is_none() {
    let r = start_with(vec![recorded::load(77).unwrap()]).await;
    let banner = r.linkedin.message_requests_banner().await.unwrap();
    let recording = recorded::load(77).unwrap();
    let elements = recording.response_body.as_ref().unwrap()["data"]["elements"]
        .as_array()
        .unwrap();
    assert!(elements.is_empty());
    assert!(banner.is_none());
    assert_browser_requests(&r, &[77]);
}
