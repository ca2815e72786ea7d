//! Messaging against the sandbox: conversation lists (filters, cursor pages), a thread's
//! messages (anchor pages), sending a reply, starting a conversation, marking read and unread,
//! and what is refused before anything is sent.

use crate::common;
use linkedin_api::models::Raw;

use std::time::Duration;

use futures::TryStreamExt;
use linkedin_api::{
    Conversation, ConversationCategory, ConversationFilter, Error, Message, validate,
};
use linkedin_sandbox::world::{self, World};
use linkedin_sandbox::{Faults, RateLimit, WORLD_SEED};
use serde_json::{Value, json};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// The demo account's `urn:li:fsd_profile:`.
fn me_urn(w: &World) -> String {
    format!("urn:li:fsd_profile:{}", w.people[0].profile_id)
}

fn conversation_urn(w: &World, thread: &str) -> String {
    format!("urn:li:msg_conversation:({},{thread})", me_urn(w))
}

/// The world's conversations in `categories`, most recently active first.
fn in_categories(w: &World, categories: &[&str]) -> Vec<world::Conversation> {
    let mut out: Vec<_> = w
        .conversations
        .iter()
        .filter(|c| categories.contains(&c.category.as_str()))
        .cloned()
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.messages.last().unwrap().delivered_at));
    out
}

/// The decoded GraphQL `variables` of a recorded request.
fn variables(request: &Value) -> &Value {
    &request["query"]["variables"]
}

#[tokio::test]
async fn the_inbox_syncs_then_backfills_newest_first_with_their_last_message() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();

    // A snapshot of the first three: one request, no page fetched ahead.
    let mark = f.mark();
    let first: Vec<Raw<Conversation>> = common::collect_all(
        f.linkedin
            .conversations(ConversationFilter::inbox())
            .limit(3),
    )
    .await;
    f.snapshot("messaging_conversations", mark, &first);
    assert_eq!(f.sent_since(mark).len(), 1);

    // All of the primary inbox, page after page.
    let mark = f.mark();
    let all: Vec<Raw<Conversation>> =
        common::collect_all(f.linkedin.conversations(ConversationFilter::inbox())).await;
    let expected = in_categories(&w, &["PRIMARY_INBOX"]);
    assert!(expected.len() > 20, "more than one page in the world");
    assert_eq!(all.len(), expected.len());
    for (got, want) in all.iter().zip(&expected) {
        assert_eq!(got.thread_id, want.thread_id);
        assert_eq!(got.urn, conversation_urn(&w, &want.thread_id));
        assert_eq!(got.read, want.read);
        let last = want.messages.last().unwrap();
        assert_eq!(got.last_activity_at, Some(last.delivered_at as i64));
        let message = got.last_message.as_ref().unwrap();
        assert_eq!(message.text, last.text);
        assert_eq!(message.from_me, last.sender == 0);
        assert_eq!(got.participants.len(), want.participants.len());
        let firsts: Vec<&str> = got
            .participants
            .iter()
            .map(|p| p.first_name.as_str())
            .collect();
        let wanted: Vec<&str> = want
            .participants
            .iter()
            .map(|&p| w.people[p].first_name.as_str())
            .collect();
        assert_eq!(firsts, wanted, "the others, the logged-in member left out");
        assert!(got.categories.contains(&ConversationCategory::PrimaryInbox));
        assert_eq!(got.raw()["entityUrn"], got.urn.to_string());
    }
    // The browser's sync first (no count: LinkedIn gives 20), then the backfill, each page
    // anchored before the oldest conversation seen, until a page brings nothing older.
    let sent = f.sent_since(mark);
    let sync = linkedin_catalogue::endpoints::MESSENGER_CONVERSATIONS_SYNC;
    let backfill = linkedin_catalogue::endpoints::MESSENGER_CONVERSATIONS_BACKFILL;
    assert_eq!(sent[0]["query"]["queryId"], sync.query_id.unwrap());
    assert_eq!(variables(&sent[0])["mailboxUrn"], me_urn(&w));
    assert!(variables(&sent[0]).get("count").is_none());
    assert!(
        sent.len() >= 2,
        "the world's primary inbox is more than one sync"
    );
    let mut anchor = u64::MAX;
    for page in &sent[1..] {
        assert_eq!(page["query"]["queryId"], backfill.query_id.unwrap());
        assert_eq!(variables(page)["count"], "20");
        let before: u64 = variables(page)["lastUpdatedBefore"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!(before < anchor, "each page reaches further back");
        anchor = before;
    }
}

#[tokio::test]
async fn the_unread_filter_categories_and_page_size_reach_the_query() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();

    let mark = f.mark();
    let unread: Vec<Raw<Conversation>> = common::collect_all(
        f.linkedin
            .conversations(ConversationFilter::inbox().unread())
            .page_size(5),
    )
    .await;
    let expected: Vec<_> = in_categories(&w, &["PRIMARY_INBOX"])
        .into_iter()
        .filter(|c| !c.read)
        .collect();
    assert!(expected.len() > 5);
    assert_eq!(
        unread.iter().map(|c| &c.thread_id).collect::<Vec<_>>(),
        expected.iter().map(|c| &c.thread_id).collect::<Vec<_>>()
    );
    assert!(unread.iter().all(|c| !c.read && c.unread_count > 0));
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), expected.len().div_ceil(5));
    assert_eq!(variables(&sent[0])["read"], "false");
    assert_eq!(variables(&sent[0])["count"], "5");

    // The archive only.
    let mark = f.mark();
    let archived: Vec<Raw<Conversation>> = common::collect_all(
        f.linkedin
            .conversations(ConversationFilter::inbox().categories([ConversationCategory::Archive]))
            .limit(2),
    )
    .await;
    let expected = in_categories(&w, &["ARCHIVE"]);
    assert!(!expected.is_empty());
    assert_eq!(archived[0].thread_id, expected[0].thread_id);
    assert_eq!(archived[0].categories, [ConversationCategory::Archive]);
    f.snapshot("messaging_conversations_archive", mark, &archived);
}

#[tokio::test]
async fn a_thread_walks_back_from_the_newest_message_by_delivery_time() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let long = w
        .conversations
        .iter()
        .max_by_key(|c| c.messages.len())
        .unwrap();
    assert!(long.messages.len() > 60);

    let mark = f.mark();
    let newest: Vec<Raw<Message>> =
        common::collect_all(f.linkedin.conversation_messages(&long.thread_id).limit(3)).await;
    f.snapshot("messaging_conversation_messages", mark, &newest);

    let mark = f.mark();
    let urn = conversation_urn(&w, &long.thread_id);
    let all: Vec<Raw<Message>> = common::collect_all(f.linkedin.conversation_messages(&urn)).await;
    assert_eq!(all.len(), long.messages.len());
    for (got, want) in all.iter().zip(long.messages.iter().rev()) {
        assert_eq!(got.text, want.text);
        assert_eq!(got.delivered_at, Some(want.delivered_at as i64));
        assert_eq!(got.from_me, want.sender == 0);
        assert_eq!(got.id.as_deref(), Some(want.id.as_str()));
        assert_eq!(got.conversation_urn.as_deref(), Some(urn.as_str()));
    }
    // The latest page, then pages before the oldest message seen until LinkedIn says the
    // last was reached (nextCursor null): 20, 20, 20, then the rest.
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), long.messages.len().div_ceil(20));
    assert!(variables(&sent[0]).get("deliveredAt").is_none());
    assert_eq!(
        variables(&sent[1])["deliveredAt"],
        long.messages[long.messages.len() - 20]
            .delivered_at
            .to_string()
    );
    assert_eq!(variables(&sent[1])["conversationUrn"], urn.as_str());
}

#[tokio::test]
async fn a_reply_is_sent_once_and_comes_first_in_its_thread() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let c = &in_categories(&w, &["PRIMARY_INBOX"])[3];
    let text = "Thanks, let's talk on Thursday at 10.";

    let mark = f.mark();
    let sent = f
        .linkedin
        .send_message(&conversation_urn(&w, &c.thread_id), text)
        .await
        .unwrap();
    f.snapshot_redacted("messaging_send_message", mark, &sent);
    assert_eq!(sent.text, text);
    assert!(sent.from_me);
    assert_eq!(
        sent.conversation_urn.as_deref(),
        Some(conversation_urn(&w, &c.thread_id).as_str())
    );
    let requests = f.sent_since(mark);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0]["body"]["mailboxUrn"], me_urn(&w));
    assert_eq!(requests[0]["body"]["dedupeByClientGeneratedToken"], false);

    let latest = f
        .linkedin
        .conversation_messages(&c.thread_id)
        .limit(2)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(latest[0].urn, sent.urn);
    assert_eq!(latest[1].text, c.messages.last().unwrap().text);
    // Sending read the conversation.
    let listed = f
        .linkedin
        .conversations(ConversationFilter::inbox())
        .limit(1)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(listed[0].thread_id, c.thread_id, "now the most recent");
    assert!(listed[0].read);
}

#[tokio::test]
async fn a_first_message_starts_a_conversation_unless_a_one_to_one_exists() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    // A member the demo account has never written to.
    let talked: Vec<usize> = w
        .conversations
        .iter()
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let stranger = (1..w.people.len())
        .find(|p| !talked.contains(p) && w.connected(0, *p))
        .unwrap();
    let person = &w.people[stranger];

    let mark = f.mark();
    let sent = f
        .linkedin
        .start_conversation([person.profile_id.as_str()], "Hello! Coffee next week?")
        .await
        .unwrap();
    f.snapshot_redacted("messaging_start_conversation", mark, &sent);
    let new_urn = sent.conversation_urn.clone().unwrap();
    assert!(
        w.conversations
            .iter()
            .all(|c| !new_urn.contains(&c.thread_id))
    );
    let requests = f.sent_since(mark);
    assert_eq!(
        requests[0]["body"]["hostRecipientUrns"],
        json!([format!("urn:li:fsd_profile:{}", person.profile_id)])
    );
    assert!(
        requests[0]["body"]["message"]
            .get("conversationUrn")
            .is_none(),
        "a new conversation has no URN yet"
    );

    // It is the newest conversation of the inbox, with the recipient and the message.
    let top = f
        .linkedin
        .conversations(ConversationFilter::inbox())
        .limit(1)
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(top[0].urn, new_urn);
    assert_eq!(
        top[0].participants[0].profile_id.as_deref(),
        Some(person.profile_id.as_str())
    );
    assert_eq!(
        top[0].last_message.as_ref().unwrap().text,
        "Hello! Coffee next week?"
    );
    let found = f
        .linkedin
        .conversation_with(&person.profile_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.urn, new_urn);

    // To someone with a 1:1 conversation already: the message goes there.
    let one_to_one = w
        .conversations
        .iter()
        .find(|c| c.participants.len() == 1)
        .unwrap();
    let partner = &w.people[one_to_one.participants[0]];
    let again = f
        .linkedin
        .start_conversation(
            vec![format!("urn:li:fsd_profile:{}", partner.profile_id)],
            "Following up on this.",
        )
        .await
        .unwrap();
    assert_eq!(
        again.conversation_urn.as_deref(),
        Some(conversation_urn(&w, &one_to_one.thread_id).as_str())
    );
}

#[tokio::test]
async fn the_conversation_with_a_member_is_found_in_the_mailbox() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let archived_one_to_one = in_categories(&w, &["ARCHIVE"])
        .into_iter()
        .find(|c| c.participants.len() == 1)
        .unwrap();
    let partner = &w.people[archived_one_to_one.participants[0]];

    let mark = f.mark();
    let found = f
        .linkedin
        .conversation_with(&format!("urn:li:fsd_profile:{}", partner.profile_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.thread_id, archived_one_to_one.thread_id);
    f.snapshot("messaging_conversation_with", mark, &found.participants);
    for r in f.sent_since(mark) {
        assert_eq!(
            variables(&r)["categories"],
            json!(["INBOX", "ARCHIVE", "SPAM"])
        );
    }

    // Nobody talked with: the whole mailbox is read, then `None`.
    let talked: Vec<usize> = w
        .conversations
        .iter()
        .flat_map(|c| c.participants.iter().copied())
        .collect();
    let stranger = (1..w.people.len()).find(|p| !talked.contains(p)).unwrap();
    let none = f
        .linkedin
        .conversation_with(&w.people[stranger].profile_id)
        .await
        .unwrap();
    assert!(none.is_none());
}

#[tokio::test]
async fn marking_read_and_unread_shows_in_the_unread_filter() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let unread = in_categories(&w, &["PRIMARY_INBOX"])
        .into_iter()
        .find(|c| !c.read)
        .unwrap();
    let count_unread = || async {
        f.linkedin
            .conversations(ConversationFilter::inbox().unread())
            .page_size(25)
            .try_collect::<Vec<_>>()
            .await
            .unwrap()
            .len()
    };
    let before = count_unread().await;

    let mark = f.mark();
    f.linkedin
        .mark_conversation_read(&unread.thread_id)
        .await
        .unwrap();
    f.snapshot("messaging_mark_conversation_read", mark, &());
    assert_eq!(count_unread().await, before - 1);

    f.linkedin
        .mark_conversation_unread(&conversation_urn(&w, &unread.thread_id))
        .await
        .unwrap();
    assert_eq!(count_unread().await, before);

    // An unknown thread is reported, not ignored.
    let err = f
        .linkedin
        .mark_conversation_read("2-bm8gc3VjaCB0aHJlYWQ=")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn bad_arguments_are_refused_before_anything_is_sent() {
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let thread = w.conversations[0].thread_id.clone();
    let mark = f.mark();

    let invalid = |r: Result<Raw<Message>, Error>, field: &str| match r {
        Err(Error::InvalidInput { field: got, .. }) => assert_eq!(got, field),
        other => panic!("expected InvalidInput {field}, got {other:?}"),
    };
    invalid(f.linkedin.send_message(&thread, "").await, "text");
    invalid(f.linkedin.send_message(&thread, " \n ").await, "text");
    let long = "x".repeat(validate::MESSAGE_TEXT_MAX + 1);
    invalid(f.linkedin.send_message(&thread, &long).await, "text");
    invalid(
        f.linkedin.send_message("not a thread!", "Hi").await,
        "conversation",
    );
    invalid(
        f.linkedin
            .send_message(
                "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ",
                "Hi",
            )
            .await,
        "conversation",
    );
    // Another member's mailbox.
    let other = format!(
        "urn:li:msg_conversation:(urn:li:fsd_profile:{},{thread})",
        w.people[5].profile_id
    );
    invalid(f.linkedin.send_message(&other, "Hi").await, "conversation");
    invalid(
        f.linkedin
            .start_conversation(Vec::<&str>::new(), "Hi")
            .await,
        "recipients",
    );
    let p = w.people[7].profile_id.as_str();
    invalid(
        f.linkedin.start_conversation([p, p], "Hi").await,
        "recipients",
    );
    invalid(
        f.linkedin.start_conversation(["bill-gates"], "Hi").await,
        "recipients",
    );
    invalid(
        f.linkedin
            .start_conversation([w.people[0].profile_id.as_str()], "Hi")
            .await,
        "recipients",
    );
    assert!(matches!(
        f.linkedin.mark_conversation_read("(x)").await,
        Err(Error::InvalidInput { .. })
    ));

    let first = |filter: ConversationFilter| {
        let mut pages = f.linkedin.conversations(filter);
        async move { pages.try_next().await }
    };
    let mut too_big = f
        .linkedin
        .conversations(ConversationFilter::inbox())
        .page_size(26);
    assert!(matches!(
        too_big.try_next().await,
        Err(Error::InvalidInput {
            field: "page_size",
            ..
        })
    ));
    assert!(matches!(
        first(ConversationFilter::inbox().categories([])).await,
        Err(Error::InvalidInput {
            field: "categories",
            ..
        })
    ));
    let mut messages = f.linkedin.conversation_messages("a b");
    assert!(matches!(
        messages.try_next().await,
        Err(Error::InvalidInput { .. })
    ));

    assert!(f.sent_since(mark).is_empty(), "{:?}", f.sent_since(mark));
}

#[tokio::test]
async fn unknown_conversations_and_recipients_are_not_found() {
    let f = common::start().await;
    f.linkedin.me().await.unwrap();
    let err = f
        .linkedin
        .send_message("2-bm8gc3VjaCB0aHJlYWQ=", "Hi")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let mut messages = f.linkedin.conversation_messages("2-bm8gc3VjaCB0aHJlYWQ=");
    let err = messages.try_next().await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let err = f
        .linkedin
        .start_conversation(["ACoAAZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"], "Hi")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn a_send_that_fails_is_not_retried() {
    // How many requests logging in and finding the member take, in a sandbox without faults.
    let setup = {
        let f = common::start().await;
        f.linkedin.me().await.unwrap();
        f.mark() as u64
    };
    // Then a sandbox that rate-limits every request after those.
    let f = common::start_with(Faults {
        rate_limit: Some(RateLimit {
            requests: setup,
            window: Duration::from_secs(3600),
        }),
        ..Faults::default()
    })
    .await;
    f.linkedin.me().await.unwrap();
    let w = world();
    let mark = f.mark();
    let err = f
        .linkedin
        .send_message(&w.conversations[0].thread_id, "Only once, please.")
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_api::transport::Error::RateLimited { .. })
        ),
        "{err:?}"
    );
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "one attempt, no retry: {sent:?}");
    assert_eq!(sent[0]["status"], 429);
}

/// A send whose answer is lost (the sandbox stores the message, then drops the connection)
/// is read back by its originToken: the caller gets the stored message, and it was sent once.
/// A send dropped before it was carried out is read back too, and reported not sent.
#[tokio::test]
async fn a_send_with_a_lost_answer_is_read_back_never_sent_twice() {
    let w = world();
    let c = &in_categories(&w, &["PRIMARY_INBOX"])[2];
    let create = linkedin_catalogue::endpoints::MESSAGE_CREATE.full_path();
    let posts = |f: &common::Fixture, mark: usize| {
        f.sent_since(mark)
            .iter()
            .filter(|r| r["method"] == "POST" && r["path"] == create.as_str())
            .count()
    };

    let f = common::start_with(Faults {
        lose_answers_to: Some(create.clone()),
        ..Faults::default()
    })
    .await;
    let urn = conversation_urn(&w, &c.thread_id);
    let mark = f.mark();
    let sent = f
        .linkedin
        .send_message(urn.as_str(), "Did this reach you?")
        .await
        .unwrap();
    assert_eq!(sent.text, "Did this reach you?");
    assert_eq!(posts(&f, mark), 1, "sent once");
    let latest = newest(&f, &c.thread_id).await;
    assert_eq!(latest.urn, sent.urn);

    let f = common::start_with(Faults {
        drop_requests_to: Some(create.clone()),
        ..Faults::default()
    })
    .await;
    let mark = f.mark();
    let err = f
        .linkedin
        .send_message(urn.as_str(), "And this one?")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotSent { .. }), "{err:?}");
    assert!(
        err.to_string().contains("sending it again is safe"),
        "{err}"
    );
    assert_eq!(posts(&f, mark), 1, "tried once, never again");
    let latest = newest(&f, &c.thread_id).await;
    assert_ne!(latest.text, "And this one?");
}

/// Editing, recalling and reacting to a message when the answer is lost: each is read back
/// from the message's conversation (told from the message's id) and reported done, sent once;
/// when the request was dropped before LinkedIn carried it out, the read-back says not done.
#[tokio::test]
async fn message_changes_with_a_lost_answer_are_read_back_never_sent_twice() {
    let w = world();
    // A conversation whose latest messages hold one the demo account sent.
    let (thread, own) = in_categories(&w, &["PRIMARY_INBOX"])
        .into_iter()
        .find_map(|c| {
            let latest = c.messages.iter().rev().take(10);
            let own = latest.clone().find(|m| m.sender == 0)?.id.clone();
            Some((c.thread_id.clone(), own))
        })
        .unwrap();
    let urn = format!("urn:li:msg_message:({},{own})", me_urn(&w));
    let actions = "POST /voyager/api/voyagerMessagingDashMessengerMessages".to_owned();
    let posts = |f: &common::Fixture, mark: usize| {
        f.sent_since(mark)
            .iter()
            .filter(|r| {
                r["method"] == "POST"
                    && r["path"]
                        .as_str()
                        .is_some_and(|p| p.starts_with(&actions["POST ".len()..]))
            })
            .count()
    };
    let message = |f: &common::Fixture| {
        let f = f.linkedin.clone();
        let (thread, urn) = (thread.clone(), urn.clone());
        async move {
            f.conversation_messages(thread.as_str())
                .limit(10)
                .try_filter(|m| std::future::ready(m.urn == urn))
                .try_next()
                .await
                .unwrap()
                .expect("the message")
        }
    };

    let f = common::start_with(Faults {
        lose_answers_to: Some(actions.clone()),
        ..Faults::default()
    })
    .await;
    let mark = f.mark();
    f.linkedin
        .edit_message(&own, "Edited, though the answer was lost")
        .await
        .unwrap();
    assert_eq!(posts(&f, mark), 1, "sent once");
    assert_eq!(message(&f).await.text, "Edited, though the answer was lost");
    let mark = f.mark();
    f.linkedin.react_to_message(&urn, "👍").await.unwrap();
    f.linkedin.unreact_to_message(&urn, "👍").await.unwrap();
    f.linkedin.recall_message(&own).await.unwrap();
    assert_eq!(posts(&f, mark), 3, "each sent once");
    let recalled = message(&f).await;
    assert_eq!(recalled.raw()["messageBodyRenderFormat"], "RECALLED");
    assert!(
        recalled.raw()["reactionSummaries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["viewerReacted"] != true),
        "the reaction was taken back"
    );

    let f = common::start_with(Faults {
        drop_requests_to: Some(actions.clone()),
        ..Faults::default()
    })
    .await;
    let mark = f.mark();
    let before = message(&f).await;
    let edit = f.linkedin.edit_message(&own, "Never arrives").await;
    let react = f.linkedin.react_to_message(&own, "🎉").await;
    let recall = f.linkedin.recall_message(&urn).await;
    for (what, result) in [("edit", edit), ("react", react), ("recall", recall)] {
        let err = result.unwrap_err();
        assert!(matches!(err, Error::NotSent { .. }), "{what}: {err:?}");
        assert!(
            err.to_string().contains(&own),
            "{what}: names the message: {err}"
        );
    }
    assert_eq!(posts(&f, mark), 3, "each tried once, never again");
    let after = message(&f).await;
    assert_eq!(after.text, before.text);
    assert_eq!(after.raw()["messageBodyRenderFormat"], "DEFAULT");
}

/// The newest message of a thread.
async fn newest(f: &common::Fixture, thread: &str) -> Raw<Message> {
    f.linkedin
        .conversation_messages(thread)
        .try_next()
        .await
        .unwrap()
        .unwrap()
}

/// A message with a file: the file is registered and uploaded (no cookies on the PUT), the
/// message carries it in `renderContentUnions` as the web app sends it, the thread shows it
/// as an attachment, and downloading it gives its bytes back. A file alone (no text) goes
/// too; bad files are refused before anything is sent.
#[tokio::test]
async fn a_file_is_uploaded_sent_listed_and_downloaded() {
    use linkedin_api::NewAttachment;
    let f = common::start().await;
    let w = world();
    f.linkedin.me().await.unwrap();
    let c = &in_categories(&w, &["PRIMARY_INBOX"])[2];
    let urn = conversation_urn(&w, &c.thread_id);
    let pdf = b"%PDF-1.7\n% the minutes of Thursday\n".to_vec();
    let file = NewAttachment::new("minutes.pdf", pdf.clone()).unwrap();
    assert_eq!(file.media_type(), "application/pdf");

    let mark = f.mark();
    let sent = f
        .linkedin
        .send_message_with_attachments(urn.as_str(), "The minutes, as promised.", &[file])
        .await
        .unwrap();
    let records = f.sandbox.requests()[mark..].to_vec();
    let mut requests = f.sent_since(mark);
    assert_eq!(requests.len(), 3, "register, upload, send: {requests:#?}");
    assert_eq!(
        requests[0]["body"],
        json!({"mediaUploadType": "MESSAGING_FILE_ATTACHMENT", "fileSize": pdf.len(), "filename": "minutes.pdf"})
    );
    assert_eq!(requests[1]["method"], "PUT");
    assert!(records[1].cookies.is_empty(), "{:?}", records[1].cookies);
    requests[1]["body"] = json!(format!("[the file's {} bytes]", pdf.len()));
    let union = &requests[2]["body"]["message"]["renderContentUnions"][0]["file"];
    assert_eq!(union["name"], "minutes.pdf");
    assert_eq!(union["byteSize"], pdf.len());
    assert_eq!(union["mediaType"], "application/pdf");
    let blob = union["url"].as_str().unwrap();
    assert!(blob.starts_with("blob:https://www.linkedin.com/"), "{blob}");
    assert_eq!(blob.len(), "blob:https://www.linkedin.com/".len() + 36);
    requests[2]["body"]["message"]["renderContentUnions"][0]["file"]["url"] =
        json!("[blob: URL of a fresh UUID v4]");
    common::redact(&mut requests);
    // The download URL names the sandbox's port, new each run.
    let mut result = serde_json::to_value(&sent.attachments).unwrap();
    let url = result[0]["url"].as_str().unwrap();
    let path = &url[url.find("/dms/").unwrap()..];
    result[0]["url"] = json!(format!("[the sandbox]{path}"));
    f.snapshot_requests("messaging_send_attachment", requests, &result);
    assert_eq!(sent.text, "The minutes, as promised.");
    assert_eq!(sent.attachments.len(), 1);

    let listed = newest(&f, &c.thread_id).await;
    assert_eq!(listed.urn, sent.urn);
    let attachment = &listed.attachments[0];
    assert_eq!(attachment.name, "minutes.pdf");
    assert_eq!(attachment.byte_size, Some(pdf.len() as u64));
    let mark = f.mark();
    let bytes = f.linkedin.download_attachment(attachment).await.unwrap();
    assert_eq!(&bytes[..], &pdf[..]);
    let records = f.sandbox.requests()[mark..].to_vec();
    assert_eq!(records.len(), 1);
    assert!(records[0].cookies.is_empty(), "{:?}", records[0].cookies);

    // A file alone.
    let png = NewAttachment::new(
        "dot.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec(),
    )
    .unwrap();
    assert_eq!(png.media_type(), "image/png");
    let alone = f
        .linkedin
        .send_message_with_attachments(urn.as_str(), "", &[png])
        .await
        .unwrap();
    assert_eq!((alone.text.as_str(), alone.attachments.len()), ("", 1));

    // Refused before sending: an empty file, a directory in the name, an empty message.
    let mark = f.mark();
    assert!(NewAttachment::new("empty.pdf", Vec::new()).is_err());
    assert!(NewAttachment::new("../x.pdf", pdf.clone()).is_err());
    assert!(
        NewAttachment::new("big.bin", vec![0u8; linkedin_api::ATTACHMENT_BYTES_MAX + 1]).is_err()
    );
    let e = f
        .linkedin
        .send_message_with_attachments(urn.as_str(), "", &[])
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidInput { field: "text", .. }),
        "{e:?}"
    );
    let mut stranger = attachment.clone();
    stranger.url = Some("https://example.com/dms/prv/file/x".to_owned());
    let e = f.linkedin.download_attachment(&stranger).await.unwrap_err();
    assert!(e.to_string().contains("LinkedIn's only"), "{e}");
    assert_eq!(f.mark(), mark, "nothing sent");
}
