//! `linkedin notifications ...` and `linkedin network counts`: the list as JSON and text,
//! marking one read (sent once, then read back read), the counts, and what is refused before
//! anything is sent.

use crate::common::{Logged, fails, json, json_list, keys, sandboxed, stdout};

/// The keys of a notification, as `notifications list` prints it.
const NOTIFICATION_KEYS: [&str; 9] = [
    "actor",
    "headline",
    "kind",
    "published_at",
    "read",
    "target_url",
    "target_urn",
    "text",
    "urn",
];

#[test]
fn notifications_are_listed_and_one_is_marked_read() {
    let logged = Logged::start();
    let list = json_list(&logged.run(&["notifications", "list", "--limit", "30", "--json"]));
    assert_eq!(list.len(), 30, "more than one page of 20");
    for n in &list {
        assert_eq!(keys(n), NOTIFICATION_KEYS);
        assert_eq!(n["read"], false);
    }
    let urn = list[1]["urn"].as_str().unwrap().to_owned();

    let mark = logged.mark();
    let done = json(&logged.run(&["notifications", "read", &urn, "--json"]));
    assert_eq!(done["notification"], urn.as_str());
    let sent = logged.sent_since(mark);
    assert_eq!(sent.len(), 1, "one request: {sent:?}");
    assert_eq!(sent[0]["method"], "POST");

    let text = stdout(&logged.run(&["notifications", "list", "--limit", "3"]));
    assert!(text.contains(&urn), "{text}");
    let again = json_list(&logged.run(&["notifications", "list", "--limit", "3", "--json"]));
    let read: Vec<bool> = again.iter().map(|n| n["read"].as_bool().unwrap()).collect();
    assert_eq!(read, [false, true, false]);

    // Not a notification's URN: refused as bad input (2), nothing sent.
    let mark = logged.mark();
    let said = fails(
        &logged.run(&["notifications", "read", "urn:li:activity:1"]),
        2,
    );
    assert!(said.contains("notification"), "{said}");
    assert!(logged.sent_since(mark).is_empty());
}

#[test]
fn network_counts_print_the_numbers() {
    let counts = json(&sandboxed(&["network", "counts", "--json"]));
    assert_eq!(
        keys(&counts),
        [
            "connections",
            "network_notifications",
            "pending_invitations",
            "sent_invitations",
            "unseen_invitations"
        ]
    );
    assert!(counts["connections"].as_u64().unwrap() > 0);
    let text = stdout(&sandboxed(&["network", "counts"]));
    assert!(text.starts_with("Invitations: "), "{text}");
    let raw = json(&sandboxed(&["network", "counts", "--json", "--raw"]));
    assert!(
        raw["connectionsSummary"]["numConnections"].is_u64(),
        "{raw}"
    );
}
