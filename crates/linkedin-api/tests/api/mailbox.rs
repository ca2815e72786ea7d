//! The messaging web app's small signals against the sandbox: the typing indicator, delivery
//! acknowledgements, marking seen, and the mailbox's unread counts; what each sends (snapshots)
//! and what it changes. Their realtime events are tested in `realtime.rs`.

use crate::common;

use linkedin_api::{ConversationCategory, DELIVERY_ACK_MAX, Error};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, World};
use serde_json::{Value, json};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// An unread conversation of the primary inbox whose last message is from someone else: its
/// thread id.
fn unread_thread(w: &World) -> String {
    let mut unread: Vec<&world::Conversation> = w
        .conversations
        .iter()
        .filter(|c| c.category == "PRIMARY_INBOX" && !c.read)
        .filter(|c| c.messages.last().is_some_and(|m| m.sender != 0))
        .collect();
    unread.sort_by_key(|c| std::cmp::Reverse(c.messages.last().unwrap().delivered_at));
    unread[0].thread_id.clone()
}

#[tokio::test]
async fn typing_is_sent_as_the_browser_sends_it() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let thread = unread_thread(&w);
    let mark = f.mark();
    f.linkedin.send_typing(thread.as_str()).await.unwrap();
    f.snapshot_redacted("mailbox_send_typing", mark, &());

    let err = f
        .linkedin
        .send_typing("2-bm8gc3VjaCB0aHJlYWQ=")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let mark = f.mark();
    let err = f.linkedin.send_typing("not a thread!").await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "conversation",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(f.sent_since(mark).is_empty(), "nothing sent");
}

#[tokio::test]
async fn marking_seen_acknowledges_the_others_messages_and_reads_the_conversation() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let thread = unread_thread(&w);
    let unread = |counts: &[linkedin_api::models::Raw<linkedin_api::MailboxCount>]| {
        counts
            .iter()
            .find(|c| c.category == ConversationCategory::PrimaryInbox)
            .unwrap()
            .unread_conversation_count
    };
    let before = unread(&f.linkedin.mailbox_counts().await.unwrap());

    let mark = f.mark();
    let seen = f.linkedin.mark_seen(thread.as_str()).await.unwrap();
    f.snapshot_redacted("mailbox_mark_seen", mark, &seen);
    let c = w
        .conversations
        .iter()
        .find(|c| c.thread_id == thread)
        .unwrap();
    let from_others = c
        .messages
        .iter()
        .rev()
        .take_while(|m| m.sender != 0)
        .count();
    assert_eq!(seen.acknowledged.len(), from_others.min(DELIVERY_ACK_MAX));
    assert_eq!(seen.latest.as_ref(), seen.acknowledged.first());
    assert!(
        seen.latest
            .as_deref()
            .unwrap()
            .ends_with(&format!(",{})", c.messages.last().unwrap().id))
    );
    assert_eq!(
        unread(&f.linkedin.mailbox_counts().await.unwrap()),
        before - 1
    );

    // The seen receipts now hold the demo account's, of the latest message.
    let mark = f.mark();
    let receipts = f.linkedin.seen_receipts(thread.as_str()).await.unwrap();
    let plain: Vec<&linkedin_api::SeenReceipt> = receipts.iter().map(|r| &**r).collect();
    f.snapshot_redacted("mailbox_seen_receipts", mark, &plain);
    let me = f.linkedin.my_profile_urn().await.unwrap();
    let mine = receipts.iter().find(|r| r.profile_urn == me).unwrap();
    assert_eq!(Some(&mine.message_urn), seen.latest.as_ref());
}

#[tokio::test]
async fn delivery_acknowledgements_are_checked_before_sending() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let thread = unread_thread(&w);
    let c = w
        .conversations
        .iter()
        .find(|c| c.thread_id == thread)
        .unwrap();
    let id = c.messages.last().unwrap().id.clone();

    let mark = f.mark();
    let invalid = |r: Result<(), Error>| match r {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "messages"),
        other => panic!("expected InvalidInput messages, got {other:?}"),
    };
    invalid(f.linkedin.acknowledge_delivery(Vec::<String>::new()).await);
    invalid(f.linkedin.acknowledge_delivery([&id, &id]).await);
    let many: Vec<String> = (0..=DELIVERY_ACK_MAX)
        .map(|i| format!("2-MT{i}=="))
        .collect();
    invalid(f.linkedin.acknowledge_delivery(&many).await);
    assert!(f.sent_since(mark).is_empty(), "nothing sent");

    f.linkedin.acknowledge_delivery([&id]).await.unwrap();
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["status"], 204);
    assert_eq!(sent[0]["body"]["deliveryMechanism"], "SYNC");
    assert_eq!(sent[0]["body"]["clientId"], "voyager-web");

    let err = f
        .linkedin
        .acknowledge_delivery(["2-bm8gc3VjaCBtZXNzYWdl"])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn mailbox_counts_count_the_unread_conversations_per_category() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let mark = f.mark();
    let counts = f.linkedin.mailbox_counts().await.unwrap();
    let plain: Vec<&linkedin_api::MailboxCount> = counts.iter().map(|c| &**c).collect();
    f.snapshot("mailbox_mailbox_counts", mark, &plain);
    let unread_in = |category: &str| {
        w.conversations
            .iter()
            .filter(|c| !c.read && c.category == category)
            .count() as u32
    };
    let primary = counts
        .iter()
        .find(|c| c.category == ConversationCategory::PrimaryInbox)
        .unwrap();
    assert_eq!(
        primary.unread_conversation_count,
        unread_in("PRIMARY_INBOX")
    );
    // LinkedIn's JSON is kept.
    assert!(counts[0].raw().get("unreadConversationCount").is_some());
    let _: &Value = counts[0].raw();
}

#[tokio::test]
async fn message_requests_are_the_secondary_inbox_and_its_banner_counts_them() {
    use futures::TryStreamExt;
    let f = common::start().await;
    let w = world();
    let requests: Vec<_> = f.linkedin.message_requests().try_collect().await.unwrap();
    let expected = w
        .conversations
        .iter()
        .filter(|c| c.category == "SECONDARY_INBOX")
        .count();
    assert!(expected > 0, "the world has message requests");
    assert_eq!(requests.len(), expected);
    assert!(
        requests
            .iter()
            .all(|c| c.categories.contains(&ConversationCategory::SecondaryInbox))
    );
    let mark = f.mark();
    let banner = f.linkedin.message_requests_banner().await.unwrap().unwrap();
    f.snapshot("mailbox_message_requests_banner", mark, &*banner);
    assert_eq!(banner.conversation_count, Some(expected as u32));
    let unread = w
        .conversations
        .iter()
        .filter(|c| c.category == "SECONDARY_INBOX" && !c.read)
        .count();
    assert_eq!(banner.unread_conversation_count, Some(unread as u32));
}

#[tokio::test]
async fn marking_all_seen_clears_the_unseen_counts_and_reads_nothing() {
    let f = common::start().await;
    f.linkedin.me().await.unwrap();
    let before = f.linkedin.mailbox_counts().await.unwrap();
    assert!(before.iter().any(|c| c.unseen_conversation_count > Some(0)));
    let mark = f.mark();
    f.linkedin.mark_all_seen().await.unwrap();
    let mut requests = f.sent_since(mark);
    let until = requests[0].pointer_mut("/body/until").unwrap();
    assert!(until.as_u64().unwrap() > 1_700_000_000_000, "ms: {until}");
    *until = json!("[now, in ms]");
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_json_snapshot!("mailbox_mark_all_seen", requests);
    });
    let after = f.linkedin.mailbox_counts().await.unwrap();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a.unseen_conversation_count, Some(0), "{:?}", a.category);
        assert_eq!(a.unread_conversation_count, b.unread_conversation_count);
    }
}

#[tokio::test]
async fn a_group_starts_with_a_title_and_is_renamed() {
    use futures::TryStreamExt;
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let two: Vec<String> = (1..w.people.len())
        .filter(|&p| w.connected(0, p))
        .take(2)
        .map(|p| w.people[p].profile_id.clone())
        .collect();
    let mark = f.mark();
    let sent = f
        .linkedin
        .start_group_conversation(&two, "Rust meetup", "Who is in for Thursday?")
        .await
        .unwrap();
    let start_requests: Vec<Value> = f
        .sent_since(mark)
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .collect();
    assert_eq!(start_requests.len(), 1);
    f.snapshot_redacted("mailbox_start_group_conversation", mark, &*sent);
    assert_eq!(
        start_requests[0]["body"]["conversationTitle"],
        "Rust meetup"
    );
    assert_eq!(
        start_requests[0]["body"]["hostRecipientUrns"],
        json!(
            two.iter()
                .map(|id| format!("urn:li:fsd_profile:{id}"))
                .collect::<Vec<_>>()
        )
    );
    let group = sent.conversation_urn.clone().unwrap();
    let title_of = |urn: String| {
        let li = f.linkedin.clone();
        async move {
            li.conversations(linkedin_api::ConversationFilter::inbox())
                .try_collect::<Vec<_>>()
                .await
                .unwrap()
                .into_iter()
                .find(|c| c.urn == urn)
                .unwrap()
                .title
                .clone()
        }
    };
    assert_eq!(
        title_of(group.clone()).await.as_deref(),
        Some("Rust meetup")
    );

    let mark = f.mark();
    f.linkedin
        .rename_conversation(group.as_str(), "Rust meetup, Thursday 18:00")
        .await
        .unwrap();
    f.snapshot_redacted("mailbox_rename_conversation", mark, &());
    assert_eq!(
        title_of(group.clone()).await.as_deref(),
        Some("Rust meetup, Thursday 18:00")
    );

    // A 1:1 has no title; a group needs two recipients; an empty title is refused.
    let one_to_one = w
        .conversations
        .iter()
        .find(|c| c.participants.len() == 1)
        .unwrap();
    let err = f
        .linkedin
        .rename_conversation(one_to_one.thread_id.as_str(), "Us")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_api::transport::Error::Status { code: 400, .. })
        ),
        "{err:?}"
    );
    let mark = f.mark();
    let err = f
        .linkedin
        .start_group_conversation(&two[..1], "Solo", "Hi")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "recipients",
                ..
            }
        ),
        "{err:?}"
    );
    let err = f
        .linkedin
        .rename_conversation(group.as_str(), "  ")
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidInput { field: "title", .. }),
        "{err:?}"
    );
    assert!(f.sent_since(mark).is_empty(), "nothing sent");
}
