//! Drift: the override file (ids replaced without a rebuild, shown by `linkedin catalogue`
//! with where they come from, a broken file refused in one line before anything is sent),
//! `linkedin doctor`, and stale ids healed against a sandbox that rotates them.

use serde_json::Value;

use crate::common::{Logged, fails, json, printed, run_with_env};

/// A decorationId of the company page that the catalogue does not have.
const ROTATED: &str = "com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-99";

#[test]
fn an_override_file_changes_an_id_without_a_rebuild() {
    let logged = Logged::start();
    let file = logged.dir.path().join("catalogue.toml");
    std::fs::write(
        &file,
        format!("# the company page moved on\n[company]\ndecoration_id = \"{ROTATED}\"\n"),
    )
    .unwrap();
    let with_file = [("LINKEDIN_CATALOGUE", file.to_str().unwrap())];
    let run = |args: &[&str]| run_with_env(&logged.sb.url, logged.dir.path(), args, "", &with_file);

    // Shown with where it comes from; the others stay built in.
    let shown = json(&run(&["catalogue", "show", "company", "--json"]));
    let shown = &shown[0];
    assert_eq!(shown["decoration_id"], ROTATED);
    assert_eq!(shown["ids"]["from"], "override");
    assert_eq!(shown["ids"]["line"], 2);
    let all = json(&run(&["catalogue", "show", "--json"]));
    let me = all
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "me")
        .unwrap();
    assert_eq!(me["ids"]["from"], "built_in");

    // The request carries it: the sandbox, which knows only the catalogue's id, refuses it
    // as LinkedIn refuses a stale decoration (healing off: nothing else is sent).
    let mark = logged.mark();
    let out = run(&["--no-heal", "company", "show", "linkedin"]);
    fails(&out, 6);
    let sent: Vec<Value> = logged.sent_since(mark);
    assert_eq!(sent.len(), 1, "{sent:?}");
    let query = sent[0]["query"].as_str().unwrap();
    assert!(
        query.contains(&format!("decorationId={ROTATED}")),
        "{query}"
    );
    // Healing on: the stale override is replaced by the id the web app carries (here the
    // catalogue's), learned for the account while the override stays as it is.
    let out = run(&["company", "show", "linkedin"]);
    assert!(out.status.success(), "{}", printed(&out));
    let shown = json(&run(&["catalogue", "show", "company", "--json"]));
    assert_eq!(shown[0]["ids"]["from"], "learned", "{shown}");
    // Without the file, the built-in id, and the page.
    let out = logged.run(&["company", "show", "linkedin"]);
    assert!(out.status.success(), "{}", printed(&out));
}

#[test]
fn a_broken_override_file_is_one_line_and_nothing_is_sent() {
    let logged = Logged::start();
    let file = logged.dir.path().join("catalogue.toml");
    for (text, said) in [
        (
            "[company]\ndecoration_id = \"WebFullCompanyMain\"\n",
            ":1: [company] decoration_id:",
        ),
        (
            "\n[no_such_entry]\npath = \"/x\"\n",
            ":2: no entry of the catalogue is named no_such_entry",
        ),
        ("[company\n", ":1:"),
    ] {
        std::fs::write(&file, text).unwrap();
        let with_file = [("LINKEDIN_CATALOGUE", file.to_str().unwrap())];
        let mark = logged.mark();
        for args in [&["company", "show", "linkedin"][..], &["catalogue", "show"]] {
            let out = run_with_env(&logged.sb.url, logged.dir.path(), args, "", &with_file);
            let message = fails(&out, 2);
            assert!(message.contains(said), "{text:?}: {message}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr).trim().lines().count(),
                1,
                "one line: {}",
                printed(&out)
            );
        }
        assert_eq!(logged.mark(), mark, "nothing sent");
    }
    let out = logged.run(&["catalogue", "show", "no_such_entry"]);
    fails(&out, 2);
}

/// `doctor` checks every read capability once (reads only), says each works against the
/// sandbox, and its report holds the requests and the answers' skeletons without a cookie,
/// a token, the member's name or ids.
#[test]
fn doctor_checks_every_read_and_its_report_identifies_no_one() {
    let logged = Logged::start();
    let mark = logged.mark();
    let report = logged.dir.path().join("report.json");
    let out = logged.run(&["doctor", "--json", "--report", report.to_str().unwrap()]);
    assert!(out.status.success(), "{}", printed(&out));
    let checks = json(&out);
    let checks = checks.as_array().unwrap();
    assert!(checks.len() >= 20, "{checks:?}");
    for c in checks {
        let fine = c["state"] == "working";
        assert!(fine, "{c}");
    }
    assert_eq!(logged.posts_since(mark), 0, "no write is sent");
    let text = std::fs::read_to_string(&report).unwrap();
    let bundle: Value = serde_json::from_str(&text).unwrap();
    let exchanges = bundle["exchanges"].as_array().unwrap().len();
    assert!(exchanges >= 15, "{exchanges} exchanges");
    let me = crate::common::world().people[0].clone();
    for secret in [
        logged.sb.li_at.as_str(),
        logged.sb.jsessionid.trim_matches('"'),
        me.first_name.as_str(),
        me.last_name.as_str(),
        me.profile_id.as_str(),
    ] {
        assert!(!text.contains(secret), "the report holds {secret:?}");
    }
    // One area; an unknown one is bad usage, nothing sent.
    let out = logged.run(&["doctor", "--only", "company", "--json"]);
    assert_eq!(json(&out).as_array().unwrap().len(), 2, "{}", printed(&out));
    let mark = logged.mark();
    fails(&logged.run(&["doctor", "--only", "nowhere"]), 2);
    assert_eq!(logged.mark(), mark);
}

/// Whether a request of the log is discovery's: a web page or a script bundle.
fn is_discovery(r: &Value) -> bool {
    let path = r["path"].as_str().unwrap_or_default();
    path == "/feed/" || path.starts_with("/search/results/") || path.starts_with("/aero-v1/")
}

/// Against a sandbox that rotated every id: `doctor` heals each rotated read (saying both
/// ids), the learned ids are saved for the account, and the next run sends no discovery
/// request; on a fresh account every read command works without any user action.
#[test]
fn rotated_ids_are_healed_learned_and_reused() {
    let logged = Logged::start_with(&["--rotate-ids", "all"]);
    let built_in = json(&logged.run(&["catalogue", "show", "--json"]));
    let built_in_id = |name: &str| {
        let e = built_in
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap();
        e["query_id"]
            .as_str()
            .or(e["decoration_id"].as_str())
            .unwrap()
            .to_owned()
    };

    let mark = logged.mark();
    let out = logged.run(&["doctor", "--json"]);
    assert!(out.status.success(), "{}", printed(&out));
    let checks = json(&out);
    let healed: Vec<&Value> = checks
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["state"] == "healed")
        .collect();
    assert!(healed.len() >= 10, "{checks:#}");
    for c in &healed {
        let endpoint = c["endpoint"].as_str().unwrap();
        assert_eq!(c["old"], built_in_id(endpoint), "{c}");
        assert_ne!(c["new"], c["old"], "{c}");
    }
    let discovery: Vec<Value> = logged
        .sent_since(mark)
        .into_iter()
        .filter(is_discovery)
        .collect();
    assert!(!discovery.is_empty());
    let scripts: Vec<&Value> = discovery
        .iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/aero-v1/"))
        .collect();
    assert!(!scripts.is_empty(), "the scripts were read");
    for script in scripts {
        // From the sandbox's CDN (another port), without the session's cookies or token.
        let host = script["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h[0] == "host")
            .map(|h| h[1].as_str().unwrap().to_owned())
            .unwrap();
        assert!(!logged.sb.url.ends_with(&host), "{script}");
        assert_eq!(script["cookies"], serde_json::json!([]), "{script}");
        assert!(!script.to_string().contains("csrf-token"), "{script}");
    }
    let learned: Vec<_> = std::fs::read_dir(logged.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".ids.json"))
        .collect();
    assert_eq!(learned.len(), 1, "one file of learned ids for the account");

    // Reused: the next run heals nothing and sends no discovery request.
    let mark = logged.mark();
    let again = json(&logged.run(&["doctor", "--json"]));
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] != "healed"),
        "{again:#}"
    );
    assert!(
        !logged.sent_since(mark).iter().any(is_discovery),
        "the learned ids were reused"
    );
    let shown = json(&logged.run(&["catalogue", "show", "search_clusters", "--json"]));
    assert_eq!(shown[0]["ids"]["from"], "learned", "{shown}");

    // A fresh account on the same sandbox: every read command of clap's tree heals as it
    // goes, with no user action.
    let fresh = tempfile::tempdir().unwrap();
    logged.sb.login(fresh.path());
    every_read_command_works(&logged, fresh.path());
}

/// Runs every read command that talks to LinkedIn's Voyager API against `logged`'s sandbox
/// with the session in `dir`, and checks that each succeeds with something printed; the list
/// is checked against clap's tree, so a new read command must be added here.
fn every_read_command_works(logged: &Logged, dir: &std::path::Path) {
    let w = crate::common::world();
    let run = |args: &[&str]| crate::common::run(&logged.sb.url, dir, args, "");
    let threads = json(&run(&["messages", "list", "--limit", "1", "--json"]));
    let thread = threads[0]["thread_id"].as_str().unwrap().to_owned();
    let connection = &w.people[(2..w.people.len()).find(|&p| w.connected(0, p)).unwrap()];
    let who = connection.public_id.as_str();
    let me = w.people[0].public_id.as_str();
    let post = w.posts.iter().max_by_key(|p| p.reactions.len()).unwrap();
    let post = post.activity_id.to_string();
    let job = w.jobs[0].id.to_string();
    let school = w.schools[0].universal_name.as_str();
    let reads: &[&[&str]] = &[
        &["whoami"],
        &["profile", "show", who],
        &["profile", "experiences", me],
        &["profile", "skills", me],
        &["profile", "education", me],
        &["profile", "certifications", me],
        &["profile", "languages", me],
        &["profile", "contact", who],
        &["profile", "resolve", who],
        &["profile", "views"],
        &["search", "people", "--keywords", "a", "--limit", "3"],
        &["search", "companies", "a", "--limit", "3"],
        &["search", "posts", "a", "--limit", "3"],
        &["search", "jobs", "--limit", "3"],
        &["search", "connections", "--limit", "3"],
        &["search", "all", "a", "--limit", "3"],
        &["company", "show", "linkedin"],
        &["company", "school", school],
        &["company", "updates", "linkedin", "--limit", "3"],
        &["jobs", "show", &job],
        &["jobs", "skills", &job],
        &["jobs", "search", "--keywords", "engineer", "--limit", "3"],
        &["jobs", "saved", "--limit", "3"],
        &["jobs", "applied", "--limit", "3"],
        &["messages", "list", "--limit", "3"],
        &["messages", "show", &thread, "--limit", "3"],
        &["messages", "with", who],
        &["invitations", "list", "--limit", "3"],
        &["invitations", "list", "--sent", "--limit", "3"],
        &["feed", "show", "--limit", "3"],
        &["feed", "posts", who, "--limit", "3"],
        &["feed", "reactions", &post, "--limit", "3"],
        &["feed", "comments", &post, "--limit", "3"],
        &["notifications", "list", "--limit", "3"],
        &["network", "counts"],
        &["post", "show", &post],
        &["post", "saved", "--limit", "3"],
        &["comments", "list", &post, "--limit", "3"],
    ];
    for args in reads {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", printed(&out));
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
    }
    // What is not here: writes (tested apart), what sends nothing to Voyager, the touch API
    // (retired, with its own ids), and `feed comments`, which refuses before sending.
    let not_reads = [
        "catalogue show",
        "comments add",
        "comments delete",
        "comments reply",
        "company follow",
        "company unfollow",
        "completions",
        "demo",
        "doctor",
        "feed react",
        "invitations accept",
        "invitations reject",
        "invitations remove",
        "invitations send",
        "invitations withdraw",
        "jobs save",
        "jobs unsave",
        "login",
        "logout",
        "messages edit",
        "messages react",
        "messages read",
        "messages recall",
        "messages send",
        "messages start",
        "messages unread",
        "notifications read",
        "post create",
        "post delete",
        "post save",
        "post unsave",
        // Long-running (until Ctrl-C); tested with its bounds in `messages.rs`.
        "messages watch",
        "restli decode",
        "restli encode",
        "restli urn",
        "safety reset",
        "safety status",
        "sandbox",
    ];
    let mut listed: Vec<String> = reads
        .iter()
        .map(|args| {
            let words: Vec<&str> = args
                .iter()
                .copied()
                .take_while(|a| !a.starts_with('-'))
                .collect();
            let depth = if words[0] == "whoami" { 1 } else { 2 };
            words[..depth].join(" ")
        })
        .chain(not_reads.iter().map(|s| (*s).to_owned()))
        .collect();
    listed.sort();
    listed.dedup();
    let leaves: Vec<String> = crate::common::leaf_commands()
        .into_iter()
        .filter(|c| !c.starts_with("touch "))
        .collect();
    assert_eq!(listed, leaves, "a command of clap's tree is not here");
}

/// With healing off, a rotated read fails as a stale id (exit 6) and nothing is fetched
/// from the web app.
#[test]
fn without_healing_a_rotated_read_is_a_stale_id() {
    let logged = Logged::start_with(&["--rotate-ids", "all"]);
    let mark = logged.mark();
    let out = logged.run(&["--no-heal", "search", "people", "--keywords", "a"]);
    let message = fails(&out, 6);
    assert!(
        message.contains("search_clusters") && message.contains("stale"),
        "{message}"
    );
    assert!(!logged.sent_since(mark).iter().any(is_discovery));
}

/// Where LinkedIn answers a stale queryId 401 with the cookies kept, the session check passes,
/// so the 401 is this query's, not an expired session: the read heals; nothing logs in again.
#[test]
fn a_401_that_keeps_the_session_is_a_stale_id_not_an_expiry() {
    let logged = Logged::start_with(&["--rotate-ids", "all", "--stale-query-401"]);
    let mark = logged.mark();
    let out = logged.run(&["--no-heal", "search", "people", "--keywords", "a"]);
    let message = fails(&out, 6);
    assert!(message.contains("stale"), "{message}");
    let sent = logged.sent_since(mark);
    assert!(sent.iter().any(|r| r["status"] == 401), "{sent:#?}");
    assert!(
        !sent.iter().any(|r| r["path"] == "/uas/authenticate"),
        "no new login"
    );

    let out = logged.run(&["search", "people", "--keywords", "a", "--limit", "3"]);
    assert!(out.status.success(), "{}", printed(&out));
    let shown = json(&logged.run(&["catalogue", "show", "search_clusters", "--json"]));
    assert_eq!(shown[0]["ids"]["from"], "learned", "{shown}");
    let out = logged.run(&["whoami"]);
    assert!(
        out.status.success(),
        "the session is still the saved one: {}",
        printed(&out)
    );
}

/// A write whose id rotated is refused before it runs, read back as not done, and sent
/// again once with the current id when the web app carries exactly one; either way the
/// reaction is made at most once and the outcome is said.
#[test]
fn a_rotated_write_is_never_done_twice() {
    let logged = Logged::start_with(&["--rotate-ids", "all"]);
    let post = crate::common::world().posts[3].activity_id.to_string();
    let mark = logged.mark();
    let out = logged.run(&["feed", "react", &post, "--type", "PRAISE"]);
    let mutations: Vec<Value> = logged
        .sent_since(mark)
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/voyager/api/graphql")
        .collect();
    let executed = mutations.iter().filter(|r| r["status"] == 200).count();
    assert!(executed <= 1, "{mutations:#?}");
    if out.status.success() {
        assert_eq!(executed, 1, "{}", printed(&out));
    } else {
        assert_eq!(executed, 0);
        assert!(
            printed(&out).contains("did not take effect"),
            "{}",
            printed(&out)
        );
    }
    assert!(mutations.len() <= 2, "{mutations:#?}");
}

/// A retired endpoint and a reshaped answer fail with a typed error naming the endpoint (and
/// the JSON path), and `doctor` says so.
#[test]
fn retired_and_reshaped_endpoints_are_named() {
    let logged = Logged::start_with(&["--retire", "company", "--reshape", "search_clusters"]);
    let out = logged.run(&["company", "show", "linkedin"]);
    let message = fails(&out, 6);
    assert!(message.contains("company"), "{message}");
    let out = logged.run(&["search", "people", "--keywords", "a"]);
    let message = fails(&out, 8);
    assert!(message.contains("search_clusters"), "{message}");
    let out = logged.run(&["doctor", "--only", "company", "--only", "search", "--json"]);
    assert_eq!(out.status.code(), Some(6), "{}", printed(&out));
    let checks: Value = serde_json::from_slice(&out.stdout).unwrap();
    let state = |capability: &str| {
        checks
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["capability"] == capability)
            .unwrap()
            .clone()
    };
    assert_eq!(state("company")["state"], "retired", "{checks:#}");
    let moved = state("search_people");
    assert_eq!(moved["state"], "shape_moved", "{checks:#}");
    assert_eq!(moved["endpoint"], "search_clusters");
    assert!(
        moved["path"].as_str().is_some_and(|p| !p.is_empty()),
        "{moved}"
    );
}
