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
    // as LinkedIn refuses a stale decoration.
    let mark = logged.mark();
    let out = run(&["company", "show", "linkedin"]);
    assert!(!out.status.success(), "{}", printed(&out));
    let sent: Vec<Value> = logged.sent_since(mark);
    assert_eq!(sent.len(), 1, "{sent:?}");
    let query = sent[0]["query"].as_str().unwrap();
    assert!(
        query.contains(&format!("decorationId={ROTATED}")),
        "{query}"
    );
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
        let fine = c["state"] == "working"
            || (c["capability"] == "post_comments" && c["state"] == "not_checked");
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
