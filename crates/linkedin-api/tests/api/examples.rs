//! The examples run against the sandbox: each example's `run` is called here with a client
//! logged in to a sandbox, and what it prints is checked.

#![allow(dead_code)]
// Each example declares its own `mod common` (how it connects); here they are all compiled together.
#![allow(clippy::duplicate_mod)]

use crate::common;

#[path = "../../examples/profile_lookup.rs"]
mod profile_lookup;
#[path = "../../examples/search_paging.rs"]
mod search_paging;
#[path = "../../examples/unread_replies.rs"]
mod unread_replies;

#[tokio::test]
async fn profile_lookup_prints_the_demo_members_profile() {
    let f = common::start().await;
    let lines = profile_lookup::run(&f.linkedin, "demo-member")
        .await
        .unwrap();
    assert_eq!(lines[0], "Dana Moreau");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("  ") && l.contains(" at ")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Skills: ") && l.len() > 10),
        "{lines:?}"
    );
}

#[tokio::test]
async fn search_paging_fetches_pages_of_49_up_to_the_limit() {
    let f = common::start().await;
    let mark = f.mark();
    let (people, resume) = search_paging::run(&f.linkedin, "engineer", 60)
        .await
        .unwrap();
    assert_eq!(
        people.len(),
        60,
        "the world has more than 60 engineers in the 2nd and 3rd degree"
    );
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 2, "49 + 11");
    // The second page asks only the 11 the limit still needs, so the search stops at the
    // next page's start.
    assert!(resume.contains("Start(60), skipping 0"), "{resume}");
}

#[tokio::test]
async fn unread_replies_answers_each_unread_conversation_once() {
    let f = common::start().await;
    let lines = unread_replies::run(&f.linkedin, "Thanks!", true)
        .await
        .unwrap();
    let replied = lines
        .iter()
        .filter(|l| l.contains("replied; newest now: Thanks!"))
        .count();
    assert!(replied > 0, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("{replied} unread")),
        "{lines:?}"
    );
    // Answered and read: none is unread any more.
    let again = unread_replies::run(&f.linkedin, "Thanks!", false)
        .await
        .unwrap();
    assert_eq!(again[0], "0 unread conversations");
}
