//! Bad input is refused before anything is sent: each of these exits 2 with a message naming
//! what is wrong, and the sandbox receives no request at all, not even the session check
//! (the saved session was checked by `login` moments before, so it is trusted).

use crate::common::{Logged, printed, requests};

#[test]
fn bad_input_exits_2_and_sends_nothing() {
    let logged = Logged::start();
    let long_note = "n".repeat(301);
    let long_message = "m".repeat(8001);
    let cases: Vec<Vec<&str>> = vec![
        // Profiles: empty, malformed, URNs without an id or of another type.
        vec!["profile", "show", ""],
        vec!["profile", "show", " "],
        vec!["profile", "show", "two words"],
        vec!["profile", "show", "urn:li:fsd_profile:"],
        vec!["profile", "show", "urn:li:fsd_profile"],
        vec!["profile", "show", "urn:li:company:1337"],
        vec!["profile", "show", "x/../y"],
        vec!["profile", "show", "😀"],
        vec!["profile", "show", "(paren)"],
        vec!["profile", "experiences", ""],
        vec!["profile", "skills", "a"],
        vec!["profile", "education", "urn:li:fsd_profile:"],
        vec!["profile", "contact", "two words"],
        vec!["profile", "resolve", ""],
        vec!["profile", "resolve", "a b"],
        // Search: empty keywords, bad filters, offsets.
        vec!["search", "people", "--network", "X"],
        vec!["search", "people", "--current-company", "acme"],
        vec!["search", "people", "--keywords", ""],
        vec!["search", "companies", ""],
        vec!["search", "posts", ""],
        vec!["search", "connections", "two words"],
        vec!["search", "people", "--limit", "-1"],
        // Companies and jobs.
        vec!["company", "show", ""],
        vec!["company", "show", "has space"],
        vec!["company", "follow", ""],
        vec!["company", "updates", "a/b"],
        vec!["jobs", "show", "abc"],
        vec!["jobs", "show", ""],
        vec!["jobs", "skills", "-5"],
        vec!["jobs", "search", "--listed-within", "soon"],
        // Messages: threads and texts.
        vec!["messages", "show", ""],
        vec!["messages", "show", "2-"],
        vec!["messages", "send", "2-", "hi"],
        vec!["messages", "send", "a b", "Hi"],
        vec!["messages", "send", "2-YWJj", ""],
        vec!["messages", "send", "2-YWJj", " "],
        vec!["messages", "send", "2-YWJj", &long_message],
        vec!["messages", "start", "", "hello"],
        vec!["messages", "start", "urn:li:fsd_profile:", "hello"],
        vec!["messages", "read", "2-"],
        vec!["messages", "with", ""],
        // Invitations.
        vec!["invitations", "accept", ""],
        vec!["invitations", "accept", "abc"],
        vec!["invitations", "send", ""],
        vec!["invitations", "send", "billy-g", "--message", &long_note],
        // Oneself as invitee or recipient (known from the login's check: no lookup).
        vec!["invitations", "send", "demo-member"],
        vec!["invitations", "send", "me"],
        vec!["messages", "start", "demo-member", "hello"],
        // Feed.
        vec!["feed", "posts", ""],
        vec!["feed", "comments", "not-a-post"],
        vec!["feed", "reactions", ""],
        vec!["feed", "react", "123", "--type", "hug"],
        vec!["feed", "unreact", "not-a-post"],
        vec!["feed", "unreact", "123", "--type", "hug"],
        vec!["feed", "reactions", "123", "--type", "hug"],
        // Login without credentials.
        vec!["login", "--username", ""],
    ];
    assert!(cases.len() >= 40);
    let mut wrong = Vec::new();
    for args in &cases {
        let mark = logged.mark();
        let out = logged.run_with_stdin(args, "\n");
        let sent = requests(&logged.log).len() - mark;
        let text = printed(&out);
        if out.status.code() != Some(2) || sent != 0 || text.trim().lines().count() != 1 {
            wrong.push(format!(
                "{args:?}: exit {:?}, {sent} requests sent: {}",
                out.status.code(),
                text.trim()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// clap's messages are kept whole, on one line: the missing argument's name, the possible
/// values, the "did you mean" tip.
#[test]
fn usage_errors_keep_what_clap_says() {
    for (args, says) in [
        (vec!["profile", "show"], "<WHO>"),
        (
            vec!["feed", "react", "1", "--type", "hug"],
            "possible values: like, praise",
        ),
        (vec!["profil"], "a similar subcommand exists: 'profile'"),
        (
            vec!["search", "people", "--netwrk", "F"],
            "a similar argument exists: '--network'",
        ),
    ] {
        let out = crate::common::sandboxed(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
}
