//! Realtime events (`Linkedin::events`) against the sandbox's stream, and the real frames of
//! peers.md §c.6 (`fixtures/realtime/`) read field by field.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use linkedin_api::models::id::ProfileId;
use linkedin_api::models::realtime::{Frame, SseLines};
use linkedin_api::realtime::Event;
use linkedin_api::{Events, Linkedin, Login, RealtimeOptions};
use linkedin_sandbox::{Faults, Sandbox, SandboxConfig, SandboxHandle, WORLD_SEED};

use crate::common::{DEMO_PASSWORD, DEMO_USERNAME};

/// Every wait of these tests: a failing test fails, it does not hang.
const WAIT: Duration = Duration::from_secs(20);

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../fixtures/realtime/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn me() -> ProfileId {
    ProfileId::parse("ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ").unwrap()
}

fn event_of(name: &str) -> (linkedin_api::models::realtime::DecoratedEvent, Event) {
    match Frame::parse(&fixture(name)).unwrap() {
        Frame::Event(e) => {
            let event = e.event(&me());
            (e, event)
        }
        other => panic!("{name}: not an event: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Replay: the frames of peers.md §c.6
// ---------------------------------------------------------------------------------------

#[test]
fn the_handshake_and_heartbeat_frames_read() {
    let mut lines = SseLines::new();
    let text = fixture("client-connection.sse");
    // Cut anywhere: the frames come whole all the same.
    let (a, b) = text.split_at(97);
    let mut data = lines.push(a.as_bytes());
    data.extend(lines.push(b.as_bytes()));
    assert_eq!(data.len(), 2);
    let Frame::ClientConnection(hello) = Frame::parse(&data[0]).unwrap() else {
        panic!("not a ClientConnection");
    };
    assert_eq!(
        hello.id.as_deref(),
        Some("27548213-b8ec-4850-b142-a7609fefd767")
    );
    assert_eq!(hello.left_server_at, Some(1_627_047_317_534));
    assert_eq!(hello.personal_topics.len(), 11);
    assert_eq!(hello.personal_topics[2], "messagesTopic");
    assert_eq!(Frame::parse(&data[1]).unwrap(), Frame::Heartbeat);
}

#[test]
fn the_legacy_message_frame_reads_field_by_field() {
    let (frame, event) = event_of("legacy-new-message.json");
    assert_eq!(frame.topic_name(), "messagesTopic");
    assert_eq!(
        frame.id.as_deref(),
        Some("88d4ae76-ab84-4080-94c9-25f9843c1397")
    );
    assert_eq!(frame.left_server_at, Some(1_627_044_358_128));
    assert_eq!(
        frame.publisher_tracking_id.as_deref(),
        Some("urn:li:messagingMessage:2-MTYy…XzAxMg==_urn:li:member:249…")
    );
    let Event::Message(m) = event else {
        panic!("not a message: {event:?}");
    };
    assert_eq!(m.text, "msg1111");
    assert_eq!(m.id.as_deref(), Some("2-MTYy…"));
    assert_eq!(
        m.urn,
        "urn:li:msg_message:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-MTYy…)"
    );
    assert_eq!(
        m.conversation_urn.as_deref(),
        Some(
            "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-ZGE1…)"
        )
    );
    assert_eq!(m.delivered_at, Some(1_627_044_358_006));
    assert!(!m.from_me);
    let sender = m.sender.unwrap();
    assert_eq!(sender.first_name, "Ada");
    assert_eq!(sender.last_name, "Lovelace");
    assert_eq!(sender.headline.as_deref(), Some("…"));
    assert_eq!(
        sender.profile_urn.as_deref(),
        Some("urn:li:fsd_profile:ACoAAA7b…")
    );
    assert_eq!(
        sender.profile_url.as_deref(),
        Some("https://www.linkedin.com/in/ada-lovelace")
    );
}

#[test]
fn the_graphql_message_frame_reads_field_by_field() {
    let (frame, event) = event_of("graphql-new-message.json");
    assert_eq!(frame.topic_name(), "messagesTopic");
    let Event::Message(m) = event else {
        panic!("not a message: {event:?}");
    };
    let mailbox = "urn:li:fsd_profile:ACoAAODgoRXLcjj1SBNwpgt3QrZQRz9ZmEsVI37";
    assert_eq!(
        m.id.as_deref(),
        Some(
            "2-vcglPRtQLP6K5iTxsCGstRL0bSKYwSzR72eoNYAN47x7SdpdQU4T24IBCYj0TaRnpvH267VeahHRHD41Z4WBgb=="
        )
    );
    assert!(
        m.urn
            .starts_with(&format!("urn:li:msg_message:({mailbox},"))
    );
    assert_eq!(
        m.conversation_urn.as_deref(),
        Some(format!("urn:li:msg_conversation:({mailbox},2-XcPYWthR2wo9aKP3f4K9ZfOCLTtDzIsUQR3LtQT2kctRHPT6sZ07up==)").as_str())
    );
    assert!(m.text.starts_with("Kestrel sable vale"));
    assert_eq!(m.delivered_at, Some(1_770_232_330_636));
    let sender = m.sender.unwrap();
    assert_eq!(
        sender.profile_urn.as_deref(),
        Some("urn:li:fsd_profile:ACoAAK0DdmzEkbb1w4GiIOSqsn99yn1aaWYTkSV")
    );
    assert_eq!(sender.first_name, "Fjord kestre");
    assert_eq!(sender.last_name, "Lane");
}

/// A legacy message event's files (`eventContent.…MessageEvent.attachments`, peers.md §c.3)
/// become the message's attachments; the recorded frame has none.
#[test]
fn a_legacy_message_with_a_file_gives_its_attachment() {
    let Event::Message(m) = event_of("legacy-new-message.json").1 else {
        panic!("not a message");
    };
    assert!(m.attachments.is_empty());
    let mut frame: serde_json::Value =
        serde_json::from_str(&fixture("legacy-new-message.json")).unwrap();
    let content = frame
        .pointer_mut(
            "/com.linkedin.realtimefrontend.DecoratedEvent/payload/event/eventContent/com.linkedin.voyager.messaging.event.MessageEvent",
        )
        .unwrap();
    content["attachments"] = serde_json::json!([{
        "id": "urn:li:digitalmediaAsset:C4D06AQ",
        "byteSize": 35,
        "mediaType": "application/pdf",
        "name": "minutes.pdf",
        "reference": {"string": "https://www.linkedin.com/dms/prv/file/C4D06AQ"},
    }]);
    let Frame::Event(e) = Frame::parse(&frame.to_string()).unwrap() else {
        panic!("not an event");
    };
    let Event::Message(m) = e.event(&me()) else {
        panic!("not a message");
    };
    assert_eq!(m.attachments.len(), 1);
    let a = &m.attachments[0];
    assert_eq!(a.name, "minutes.pdf");
    assert_eq!(a.byte_size, Some(35));
    assert_eq!(a.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.linkedin.com/dms/prv/file/C4D06AQ")
    );
}

#[test]
fn the_other_legacy_frames_read_field_by_field() {
    let message = "urn:li:msg_message:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-MTYyNzA=)";
    let conversation = "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-ZGE1MjE=)";
    let who = Some("urn:li:fsd_profile:ACoAAA7bCdEfGhIjKlMnOpQrStUvWxYz0123456".to_owned());
    assert_eq!(
        event_of("legacy-seen-receipt.json").1,
        Event::Seen {
            message_urn: message.to_owned(),
            profile_urn: who.clone(),
            seen_at: Some(1_627_044_360_123),
        }
    );
    assert_eq!(
        event_of("legacy-reaction-added.json").1,
        Event::Reaction {
            message_urn: message.to_owned(),
            emoji: "👏".to_owned(),
            added: true,
            profile_urn: who.clone(),
            count: Some(1),
        }
    );
    assert_eq!(
        event_of("legacy-reaction-removed.json").1,
        Event::Reaction {
            message_urn: message.to_owned(),
            emoji: "👏".to_owned(),
            added: false,
            profile_urn: who,
            count: Some(0),
        }
    );
    assert_eq!(
        event_of("legacy-conversation-delete.json").1,
        Event::ConversationDeleted {
            conversation_urn: conversation.to_owned()
        }
    );
    // `archived: true` wins over `read: true`.
    assert_eq!(
        event_of("legacy-conversation-update.json").1,
        Event::ConversationArchived {
            conversation_urn: conversation.to_owned()
        }
    );
}

#[test]
fn an_unknown_payload_is_other_with_its_json() {
    let frame = r#"{"com.linkedin.realtimefrontend.DecoratedEvent": {"topic": "urn:li-realtime:tabBadgeUpdateTopic:urn:li-realtime:myself", "payload": {"badge": 3}}}"#;
    let Frame::Event(e) = Frame::parse(frame).unwrap() else {
        panic!("not an event");
    };
    assert_eq!(
        e.event(&me()),
        Event::Other {
            topic: "tabBadgeUpdateTopic".to_owned(),
            raw: serde_json::json!({"badge": 3}),
        }
    );
}

// ---------------------------------------------------------------------------------------
// Live: the sandbox's stream
// ---------------------------------------------------------------------------------------

/// A sandbox with quick heartbeats, and these faults and counterpart.
async fn sandbox(faults: Faults, replies_after: Option<Duration>) -> SandboxHandle {
    Sandbox::start(SandboxConfig {
        faults,
        keep_requests: true,
        heartbeat_interval: Duration::from_millis(100),
        replies_after,
        ..SandboxConfig::default()
    })
    .await
    .unwrap()
}

async fn demo(sandbox: &SandboxHandle) -> Linkedin {
    Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .build()
        .await
        .unwrap()
}

/// A 1:1 conversation of the demo account's primary inbox: its thread id and the other
/// member's public id.
fn one_to_one() -> (String, String) {
    let world = linkedin_sandbox::world::generate(WORLD_SEED);
    let c = world
        .conversations
        .iter()
        .find(|c| c.participants.len() == 1 && c.category == "PRIMARY_INBOX")
        .unwrap();
    (
        c.thread_id.clone(),
        world.people[c.participants[0]].public_id.clone(),
    )
}

/// The other member of that conversation, logged in with cookies of their own session.
async fn member(sandbox: &SandboxHandle, public_id: &str) -> Linkedin {
    let c = sandbox.member_cookies(public_id).unwrap();
    Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::cookies(c.li_at, c.jsessionid))
        .build()
        .await
        .unwrap()
}

fn quick() -> RealtimeOptions {
    RealtimeOptions::default()
        .heartbeat_timeout(Duration::from_secs(2))
        .backoff(Duration::from_millis(20), Duration::from_millis(200))
}

/// The next message event, skipping others; fails after [`WAIT`].
async fn next_message(events: &mut Events) -> linkedin_api::Message {
    let found = async {
        loop {
            match events.try_next().await.unwrap() {
                Some(Event::Message(m)) => return m,
                Some(_) => {}
                None => panic!("the stream ended"),
            }
        }
    };
    tokio::time::timeout(WAIT, found)
        .await
        .expect("a message in time")
}

/// Opens the stream and waits until its first sync was answered (the stream is open before
/// it): whatever happens from then on is news, on the stream or in a catch-up. Bounded.
async fn connected(sandbox: &SandboxHandle, li: &Linkedin, options: RealtimeOptions) -> Events {
    let syncs = || {
        sandbox
            .requests()
            .iter()
            .filter(|r| r.endpoint.as_deref() == Some("messenger_conversations_sync"))
            .count()
    };
    let before = syncs();
    let mut events = li.events_with(options);
    let started = tokio::time::Instant::now();
    while syncs() == before {
        assert!(started.elapsed() < WAIT, "the stream never synced");
        // Polling drives the stream; a poll cut short loses nothing (it resumes).
        let item = tokio::time::timeout(Duration::from_millis(20), events.next()).await;
        assert!(item.is_err(), "nothing happens yet: {item:?}");
    }
    events
}

#[tokio::test]
async fn a_message_from_one_account_is_an_event_on_the_others_stream() {
    let sandbox = sandbox(Faults::default(), None).await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;

    let mut danas = connected(&sandbox, &dana, quick()).await;
    let mut others = connected(&sandbox, &other, quick()).await;

    // The other member writes to the demo account...
    let sent = other
        .send_message(thread.as_str(), "Are you free on Thursday?")
        .await
        .unwrap();
    let got = next_message(&mut danas).await;
    assert_eq!(got.text, "Are you free on Thursday?");
    assert_eq!(got.id, sent.id);
    assert!(!got.from_me);
    assert_eq!(
        got.sender.as_ref().unwrap().profile_urn,
        sent.sender.as_ref().unwrap().profile_urn
    );
    assert!(
        got.conversation_urn
            .as_deref()
            .unwrap()
            .ends_with(&format!(",{thread})"))
    );
    // ... and sees their own message on their own stream.
    let own = next_message(&mut others).await;
    assert!(own.from_me);

    // The demo account answers, through the same createMessage as any client.
    let answer = dana
        .send_message(thread.as_str(), "Yes, 10:00?")
        .await
        .unwrap();
    let got = next_message(&mut others).await;
    assert_eq!(got.text, "Yes, 10:00?");
    assert_eq!(got.id, answer.id);
    assert_eq!(got.sender.as_ref().unwrap().first_name, "Dana");
    let own = next_message(&mut danas).await;
    assert_eq!(own.id, answer.id);
    assert!(own.from_me);
}

#[tokio::test]
async fn reads_unreads_and_typing_are_events() {
    let sandbox = sandbox(Faults::default(), None).await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let mut danas = connected(&sandbox, &dana, quick()).await;
    let mut others = connected(&sandbox, &other, quick()).await;

    dana.mark_conversation_unread(thread.as_str())
        .await
        .unwrap();
    dana.mark_conversation_read(thread.as_str()).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let e = tokio::time::timeout(WAIT, danas.try_next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        seen.push(e);
    }
    let urn = |e: &Event| match e {
        Event::ConversationRead { conversation_urn }
        | Event::ConversationUnread { conversation_urn } => conversation_urn.clone(),
        other => panic!("not a read or unread: {other:?}"),
    };
    assert!(matches!(seen[0], Event::ConversationUnread { .. }));
    assert!(matches!(seen[1], Event::ConversationRead { .. }));
    assert!(urn(&seen[0]).ends_with(&format!(",{thread})")));

    // Typing reaches the other member, not the typist (the read before was a seen receipt
    // for them).
    dana.send_typing(thread.as_str()).await.unwrap();
    let e = next_of(&mut others, |e| match e {
        Event::Seen { .. } => None,
        e => Some(e),
    })
    .await;
    let Event::Typing {
        conversation_urn,
        profile_urn,
    } = e
    else {
        panic!("not typing: {e:?}");
    };
    assert!(conversation_urn.ends_with(&format!(",{thread})")));
    assert_eq!(
        profile_urn.as_deref(),
        Some("urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ")
    );
}

#[tokio::test]
async fn a_dropped_stream_resumes_and_every_message_comes_exactly_once() {
    // Every connection closes after one event: each message after the first is sent while
    // the client is reconnecting or catching up.
    let sandbox = sandbox(
        Faults {
            stream_drop_after: Some(1),
            ..Faults::default()
        },
        None,
    )
    .await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let mut events = connected(&sandbox, &dana, quick()).await;

    let mut sent = Vec::new();
    for i in 0..5 {
        let m = other
            .send_message(thread.as_str(), &format!("message {i}"))
            .await
            .unwrap();
        sent.push(m.id.clone().unwrap());
    }
    let mut got = Vec::new();
    while got.len() < sent.len() {
        got.push(next_message(&mut events).await.id.unwrap());
    }
    assert_eq!(got, sent, "each message once, in order");
    // Nothing more: a sixth message is the next event, no repeat of the five.
    let last = other
        .send_message(thread.as_str(), "message 5")
        .await
        .unwrap();
    assert_eq!(next_message(&mut events).await.id, last.id);
    let deltas = sandbox
        .requests()
        .iter()
        .filter(|r| r.endpoint.as_deref() == Some("messenger_conversations_delta"))
        .count();
    assert!(
        deltas >= 1,
        "the reconnects caught up through the sync token"
    );
    assert!(
        sandbox
            .requests()
            .iter()
            .filter(|r| r.path == "/realtime/connect")
            .count()
            >= 2,
        "it reconnected"
    );
}

#[tokio::test]
async fn a_stalled_stream_is_replaced_and_caught_up() {
    // Silent from the start: no heartbeat, no event. The watchdog notices.
    let sandbox = sandbox(
        Faults {
            stream_stall_after: Some(0),
            ..Faults::default()
        },
        None,
    )
    .await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let options = quick().heartbeat_timeout(Duration::from_millis(300));
    let mut events = connected(&sandbox, &dana, options).await;
    let sent = other
        .send_message(thread.as_str(), "anyone there?")
        .await
        .unwrap();
    let got = next_message(&mut events).await;
    assert_eq!(got.id, sent.id);
    // Every stream is silent: it can only have come through a catch-up.
    assert!(
        sandbox
            .requests()
            .iter()
            .any(|r| r.endpoint.as_deref() == Some("messenger_conversations_delta"))
    );
}

/// Edits, reactions and recalls made while the stream was down come through the catch-up:
/// every stream is silent, so each event below can only come from one. A message the inbox
/// showed at the first sync (history, not news) is known as it was then: its reaction later
/// is a change. Each change comes once: a later catch-up that reads the same messages gives
/// nothing again.
#[tokio::test]
async fn changes_missed_while_disconnected_come_in_the_catch_up() {
    let sandbox = sandbox(
        Faults {
            stream_stall_after: Some(0),
            ..Faults::default()
        },
        None,
    )
    .await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    // The conversation's latest message before the stream opened.
    let old = dana
        .conversation_messages(thread.as_str())
        .limit(1)
        .try_next()
        .await
        .unwrap()
        .unwrap();
    let old_id = old.id.clone().unwrap();
    let options = quick().heartbeat_timeout(Duration::from_millis(300));
    let mut events = connected(&sandbox, &dana, options).await;

    // Changes made elsewhere (another tab, another device) by the same member.
    let elsewhere = demo(&sandbox).await;
    let sent = elsewhere.send_message(thread.as_str(), "v1").await.unwrap();
    let id = sent.id.clone().unwrap();
    assert_eq!(
        next_message(&mut events).await.id.as_deref(),
        Some(id.as_str())
    );

    // While disconnected: two edits (one event, the latest text), a reaction to the new
    // message and one to the old.
    elsewhere.edit_message(&id, "v2").await.unwrap();
    elsewhere.edit_message(&id, "v3").await.unwrap();
    elsewhere.react_to_message(&id, "👍").await.unwrap();
    elsewhere.react_to_message(&old_id, "🎉").await.unwrap();
    let mut got = Vec::new();
    while got.len() < 3 {
        let event = tokio::time::timeout(WAIT, events.try_next())
            .await
            .expect("the changes in time")
            .unwrap()
            .unwrap();
        match event {
            Event::MessageEdited(m) => {
                got.push(format!("edited {} {}", message_id(&m.urn), m.text))
            }
            Event::Reaction {
                message_urn,
                emoji,
                added,
                count,
                ..
            } => got.push(format!(
                "reaction {} {emoji} {added} {count:?}",
                message_id(&message_urn)
            )),
            Event::Message(m) => panic!("a message again: {m:?}"),
            _ => {}
        }
    }
    got.sort();
    let mut want = vec![
        format!("edited {id} v3"),
        format!("reaction {id} 👍 true Some(1)"),
        format!("reaction {old_id} 🎉 true Some(1)"),
    ];
    want.sort();
    assert_eq!(got, want);

    // Taken back and recalled while disconnected; then a new message, which comes after
    // those two and nothing else (no change given twice).
    elsewhere.unreact_to_message(&id, "👍").await.unwrap();
    elsewhere.recall_message(&id).await.unwrap();
    let mut got = Vec::new();
    loop {
        let event = tokio::time::timeout(WAIT, events.try_next())
            .await
            .expect("the changes in time")
            .unwrap()
            .unwrap();
        match event {
            Event::MessageRecalled { message_urn, .. } => {
                got.push(format!("recalled {}", message_id(&message_urn)));
            }
            Event::Reaction {
                message_urn,
                emoji,
                added,
                count,
                ..
            } => got.push(format!(
                "reaction {} {emoji} {added} {count:?}",
                message_id(&message_urn)
            )),
            Event::MessageEdited(m) => panic!("an edit again: {m:?}"),
            Event::Message(m) => panic!("a message again: {m:?}"),
            _ => {}
        }
        if got.len() == 2 {
            break;
        }
    }
    got.sort();
    assert_eq!(
        got,
        [
            format!("reaction {id} 👍 false Some(0)"),
            format!("recalled {id}")
        ]
    );
    let last = other.send_message(thread.as_str(), "v4").await.unwrap();
    let next = tokio::time::timeout(WAIT, events.try_next())
        .await
        .expect("the message in time")
        .unwrap()
        .unwrap();
    match next {
        Event::Message(m) => assert_eq!(m.id, last.id),
        other => panic!("not the new message first: {other:?}"),
    }
}

/// The id of `urn:li:msg_message:(<mailbox>,<id>)`.
fn message_id(urn: &str) -> &str {
    urn.rsplit_once(',')
        .map_or(urn, |(_, id)| id.trim_end_matches(')'))
}

#[tokio::test]
async fn the_scripted_counterpart_answers_and_its_reply_is_an_event() {
    let sandbox = sandbox(Faults::default(), Some(Duration::from_millis(200))).await;
    let (thread, _) = one_to_one();
    let dana = demo(&sandbox).await;
    let mut events = connected(&sandbox, &dana, quick()).await;
    let sent = dana.send_message(thread.as_str(), "ping").await.unwrap();
    let own = next_message(&mut events).await;
    assert_eq!(own.id, sent.id);
    let reply = next_message(&mut events).await;
    assert!(!reply.from_me);
    assert_eq!(reply.conversation_urn, sent.conversation_urn);
    assert!(
        reply.text.contains("scripted counterpart"),
        "{}",
        reply.text
    );
    // The reply is in the world too: the conversation's latest message.
    let latest: Vec<_> = dana
        .conversation_messages(thread.as_str())
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(latest[0].id, reply.id);
}

#[tokio::test]
async fn an_expired_session_ends_the_stream_with_its_error() {
    let sandbox = sandbox(Faults::default(), None).await;
    let c = sandbox.demo_cookies().clone();
    let dana = Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::cookies(c.li_at, c.jsessionid))
        .build()
        .await
        .unwrap();
    let _ = dana.my_profile_urn().await.unwrap();
    sandbox.expire_sessions();
    let mut events = dana.events_with(quick());
    let first = tokio::time::timeout(WAIT, events.next()).await.unwrap();
    let err = first.expect("an item").expect_err("an error");
    assert!(!err.is_transient(), "{err:?}");
    assert!(
        tokio::time::timeout(WAIT, events.next())
            .await
            .unwrap()
            .is_none(),
        "no reconnect loop"
    );
}

#[tokio::test]
async fn a_challenge_ends_the_stream_with_its_url() {
    let sandbox = sandbox(
        Faults {
            challenge_after: Some(1),
            ..Faults::default()
        },
        None,
    )
    .await;
    let c = sandbox.demo_cookies().clone();
    let dana = Linkedin::builder()
        .base_url(sandbox.base_url())
        .login(Login::cookies(c.li_at, c.jsessionid))
        .build()
        .await
        .unwrap();
    let mut events = dana.events_with(quick());
    let mut last = None;
    while let Some(item) = tokio::time::timeout(WAIT, events.next()).await.unwrap() {
        if let Err(e) = item {
            last = Some(e);
        }
    }
    let err = last.expect("the stream ended with an error");
    assert!(
        matches!(
            err,
            linkedin_api::Error::Transport(linkedin_api::transport::Error::Challenge { ref url }) if url.contains("/checkpoint/challenge/")
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn both_payload_formats_give_the_same_events() {
    // The raw stream, with and without the GraphQL query map, carries the same message.
    let sandbox = sandbox(Faults::default(), None).await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let open = |graphql: bool| {
        let dana = dana.clone();
        async move {
            use http::{HeaderName, HeaderValue};
            let mut request = linkedin_api::transport::Request::get("/realtime/connect?rc=1")
                .header(
                    http::header::ACCEPT,
                    HeaderValue::from_static("text/event-stream"),
                );
            if graphql {
                request = request
                    .header(
                        HeaderName::from_static("x-li-query-accept"),
                        HeaderValue::from_static("application/graphql"),
                    )
                    .header(
                        HeaderName::from_static("x-li-query-map"),
                        HeaderValue::from_static("{\"messagesTopic\":{}}"),
                    );
            }
            dana.transport().open_stream(request).await.unwrap()
        }
    };
    let mut graphql = open(true).await;
    let mut legacy = open(false).await;
    let sent = other
        .send_message(thread.as_str(), "same in both")
        .await
        .unwrap();
    let me = me();
    let mut events = Vec::new();
    for stream in [&mut graphql, &mut legacy] {
        let mut lines = SseLines::new();
        let event = tokio::time::timeout(WAIT, async {
            loop {
                let chunk = stream.chunk().await.unwrap().unwrap();
                for data in lines.push(&chunk) {
                    if let Frame::Event(e) = Frame::parse(&data).unwrap() {
                        return (e.payload.get("data").is_some(), e.event(&me));
                    }
                }
            }
        })
        .await
        .unwrap();
        events.push(event);
    }
    assert!(events[0].0, "GraphQL-decorated with the query map");
    assert!(!events[1].0, "legacy without it");
    let (Event::Message(g), Event::Message(l)) = (&events[0].1, &events[1].1) else {
        panic!("not messages: {events:?}");
    };
    assert_eq!(g.id, sent.id);
    assert_eq!(l.id, sent.id);
    assert_eq!(g.urn, l.urn);
    assert_eq!(g.conversation_urn, l.conversation_urn);
    assert_eq!(g.text, l.text);
    assert_eq!(g.delivered_at, l.delivered_at);
    let (gs, ls) = (g.sender.as_ref().unwrap(), l.sender.as_ref().unwrap());
    assert_eq!(
        (&gs.profile_urn, &gs.first_name, &gs.last_name),
        (&ls.profile_urn, &ls.first_name, &ls.last_name)
    );
    insta::with_settings!({ snapshot_path => "../../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("realtime_message_event", &events[1].1);
    });
}

#[tokio::test]
async fn a_new_conversation_is_an_event_too() {
    let sandbox = sandbox(Faults::default(), None).await;
    let dana = demo(&sandbox).await;
    let world = linkedin_sandbox::world::generate(WORLD_SEED);
    let talked: Vec<usize> = world
        .conversations
        .iter()
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let stranger = (2..world.people.len())
        .find(|p| !talked.contains(p))
        .unwrap();
    let mut events = connected(&sandbox, &dana, quick()).await;
    let sent = dana
        .start_conversation(
            [world.people[stranger].profile_id.as_str()],
            "Hello, new here",
        )
        .await
        .unwrap();
    let got = next_message(&mut events).await;
    assert_eq!(got.id, sent.id);
    assert_eq!(got.conversation_urn, sent.conversation_urn);
    assert_eq!(got.text, "Hello, new here");
}

/// The next event `pick` takes, skipping others; fails after [`WAIT`].
async fn next_of<T>(events: &mut Events, pick: impl Fn(Event) -> Option<T>) -> T {
    let found = async {
        loop {
            match events.try_next().await.unwrap() {
                Some(e) => {
                    if let Some(t) = pick(e) {
                        return t;
                    }
                }
                None => panic!("the stream ended"),
            }
        }
    };
    tokio::time::timeout(WAIT, found)
        .await
        .expect("the event in time")
}

#[tokio::test]
async fn edits_recalls_and_reactions_change_the_message_and_are_events() {
    let sandbox = sandbox(Faults::default(), None).await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let mut danas = connected(&sandbox, &dana, quick()).await;
    let mut others = connected(&sandbox, &other, quick()).await;
    let sent = dana
        .send_message(thread.as_str(), "first draft")
        .await
        .unwrap();
    let id = sent.id.clone().unwrap();

    dana.edit_message(&sent.urn, "the final text")
        .await
        .unwrap();
    let edited = next_of(&mut others, |e| match e {
        Event::MessageEdited(m) => Some(m),
        _ => None,
    })
    .await;
    assert_eq!(edited.id.as_deref(), Some(id.as_str()));
    assert_eq!(edited.text, "the final text");
    let own = next_of(&mut danas, |e| match e {
        Event::MessageEdited(m) => Some(m),
        _ => None,
    })
    .await;
    assert!(own.from_me);
    let latest: Vec<_> = dana
        .conversation_messages(thread.as_str())
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(latest[0].text, "the final text");
    assert_eq!(latest[0].raw()["messageBodyRenderFormat"], "EDITED");

    // A reaction, by its id alone, and taking it back.
    dana.react_to_message(&id, "👍").await.unwrap();
    let (urn, emoji, added, count) = next_of(&mut others, |e| match e {
        Event::Reaction {
            message_urn,
            emoji,
            added,
            count,
            ..
        } => Some((message_urn, emoji, added, count)),
        _ => None,
    })
    .await;
    assert!(urn.ends_with(&format!(",{id})")), "{urn}");
    assert!(
        urn.contains(other.my_profile_urn().await.unwrap().as_str()),
        "in the reader's mailbox: {urn}"
    );
    assert_eq!((emoji.as_str(), added, count), ("👍", true, Some(1)));
    let latest: Vec<_> = dana
        .conversation_messages(thread.as_str())
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(latest[0].raw()["reactionSummaries"][0]["emoji"], "👍");
    assert_eq!(
        latest[0].raw()["reactionSummaries"][0]["viewerReacted"],
        true
    );
    dana.unreact_to_message(&id, "👍").await.unwrap();
    let (added, count) = next_of(&mut others, |e| match e {
        Event::Reaction { added, count, .. } => Some((added, count)),
        _ => None,
    })
    .await;
    assert_eq!((added, count), (false, Some(0)));

    dana.recall_message(&sent.urn).await.unwrap();
    let recalled = next_of(&mut others, |e| match e {
        Event::MessageRecalled {
            message_urn,
            conversation_urn,
        } => Some((message_urn, conversation_urn)),
        _ => None,
    })
    .await;
    assert!(recalled.0.ends_with(&format!(",{id})")));
    assert!(recalled.1.unwrap().ends_with(&format!(",{thread})")));
    let latest: Vec<_> = dana
        .conversation_messages(thread.as_str())
        .limit(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(latest[0].raw()["messageBodyRenderFormat"], "RECALLED");
    assert_eq!(latest[0].text, "");

    // Someone else's message cannot be edited; an unknown one is not found; nothing is sent
    // for a bad emoji or message.
    let theirs = other.send_message(thread.as_str(), "mine").await.unwrap();
    let theirs = theirs.id.clone().unwrap();
    let err = dana.edit_message(&theirs, "hijacked").await.unwrap_err();
    assert!(
        matches!(
            err,
            linkedin_api::Error::Transport(linkedin_api::transport::Error::Forbidden { .. })
        ),
        "{err:?}"
    );
    let err = dana
        .recall_message("2-bm8gc3VjaCBtZXNzYWdl")
        .await
        .unwrap_err();
    assert!(
        matches!(err, linkedin_api::Error::NotFound { .. }),
        "{err:?}"
    );
    let err = dana.react_to_message(&id, "ok").await.unwrap_err();
    assert!(
        matches!(
            err,
            linkedin_api::Error::InvalidInput { field: "emoji", .. }
        ),
        "{err:?}"
    );
    let err = dana.edit_message("not a message", "x").await.unwrap_err();
    assert!(
        matches!(
            err,
            linkedin_api::Error::InvalidInput {
                field: "message",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn marking_seen_is_a_seen_receipt_for_the_other_member() {
    let sandbox = sandbox(Faults::default(), None).await;
    let (thread, public_id) = one_to_one();
    let dana = demo(&sandbox).await;
    let other = member(&sandbox, &public_id).await;
    let mut others = connected(&sandbox, &other, quick()).await;

    let sent = other
        .send_message(thread.as_str(), "Did you see this?")
        .await
        .unwrap();
    let id = sent.id.clone().unwrap();
    let seen = dana.mark_seen(thread.as_str()).await.unwrap();
    let dana_urn = dana.my_profile_urn().await.unwrap();
    assert_eq!(
        seen.latest.as_deref(),
        Some(format!("urn:li:msg_message:({dana_urn},{id})").as_str())
    );
    let (message_urn, profile_urn, seen_at) = next_of(&mut others, |e| match e {
        Event::Seen {
            message_urn,
            profile_urn,
            seen_at,
        } => Some((message_urn, profile_urn, seen_at)),
        _ => None,
    })
    .await;
    // The message in the reader's own mailbox, seen by the demo account.
    assert_eq!(message_urn, sent.urn);
    assert_eq!(profile_urn.as_deref(), Some(dana_urn.as_str()));
    assert!(seen_at.is_some());

    // Seen again, nothing was unread: no second receipt, only what comes next.
    dana.mark_seen(thread.as_str()).await.unwrap();
    dana.send_typing(thread.as_str()).await.unwrap();
    let next = next_of(&mut others, |e| match e {
        e @ (Event::Seen { .. } | Event::Typing { .. }) => Some(e),
        _ => None,
    })
    .await;
    assert!(matches!(next, Event::Typing { .. }), "{next:?}");
}
