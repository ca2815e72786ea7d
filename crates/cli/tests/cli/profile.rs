//! End-to-end: every `linkedin profile` command against the sandbox, its JSON checked against
//! the sandbox's world, `--ndjson` one object a line, the exit status of each error class,
//! nothing sent for bad input, and no secret printed.

use crate::common::{Logged, json, ndjson, printed, sandboxed, world};
use serde_json::Value;

const DEMO_URN: &str = "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn show_gives_the_whole_profile_or_the_parts_asked() {
    let w = world();
    let demo = &w.people[0];

    let full = json(&sandboxed(&["profile", "show", "demo-member", "--json"]));
    assert_eq!(full["profile"]["entity_urn"], DEMO_URN);
    assert_eq!(full["profile"]["first_name"], "Dana");
    assert_eq!(full["profile"]["last_name"], "Moreau");
    assert_eq!(full["profile"]["headline"], demo.headline.as_str());
    let titles = strings(&full["experiences"], "title");
    let want: Vec<&str> = demo.experiences.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, want);
    assert_eq!(strings(&full["skills"], "name"), demo.skills);
    assert_eq!(
        strings(&full["education"], "school_name"),
        demo.education
            .iter()
            .map(|e| w.schools[e.school].name.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        strings(&full["certifications"], "name"),
        demo.certifications
    );
    assert_eq!(strings(&full["languages"], "name"), demo.languages);
    assert_eq!(full["contact_info"]["email_address"], demo.email.as_str());

    // Parts: only their keys, by profile id too.
    let parts = json(&sandboxed(&[
        "profile",
        "show",
        DEMO_URN,
        "--only",
        "skills,contact",
        "--json",
    ]));
    let mut keys: Vec<&String> = parts.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["contact_info", "skills"]);
    assert_eq!(strings(&parts["skills"], "name"), demo.skills);
    let parts = json(&sandboxed(&[
        "profile",
        "show",
        "demo-member",
        "--only",
        "profile,experiences",
        "--json",
    ]));
    assert_eq!(parts["profile"]["first_name"], "Dana");
    assert_eq!(
        parts["experiences"].as_array().unwrap().len(),
        demo.experiences.len()
    );
    assert!(parts.get("skills").is_none());

    // Text for people: the name, the sections, no colour off a terminal.
    let text = sandboxed(&["profile", "show", "demo-member"]);
    assert!(text.status.success(), "{}", printed(&text));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("Dana Moreau (demo-member)\n"), "{text}");
    for heading in ["Experience", "Skills", "Education", "Languages", "Contact"] {
        assert!(text.lines().any(|l| l == heading), "{heading}: {text}");
    }
    assert!(!text.contains('\x1b'));
}

#[test]
fn each_part_resolve_and_views() {
    let w = world();
    let demo = &w.people[0];

    let experiences = ndjson(&sandboxed(&[
        "profile",
        "experiences",
        "demo-member",
        "--ndjson",
    ]));
    assert_eq!(experiences.len(), demo.experiences.len());
    for (got, want) in experiences.iter().zip(&demo.experiences) {
        assert_eq!(got["title"], want.title.as_str());
        assert_eq!(got["company_name"], w.companies[want.company].name.as_str());
    }
    let skills = json(&sandboxed(&["profile", "skills", "demo-member", "--json"]));
    assert_eq!(strings(&skills, "name"), demo.skills);
    let education = json(&sandboxed(&[
        "profile",
        "education",
        "demo-member",
        "--json",
    ]));
    for (got, want) in education.as_array().unwrap().iter().zip(&demo.education) {
        assert_eq!(got["degree_name"], want.degree.as_str());
        assert_eq!(got["field_of_study"], want.field.as_str());
        assert_eq!(got["date_range"]["start"]["year"], want.years.0);
    }
    let certifications = json(&sandboxed(&[
        "profile",
        "certifications",
        DEMO_URN,
        "--json",
    ]));
    assert_eq!(strings(&certifications, "name"), demo.certifications);
    let languages = ndjson(&sandboxed(&[
        "profile",
        "languages",
        "demo-member",
        "--ndjson",
    ]));
    assert_eq!(languages.len(), demo.languages.len());

    // Contact info: the e-mail to connections only.
    let connection = (1..w.people.len()).find(|&i| w.connected(0, i)).unwrap();
    let stranger = (3..w.people.len()).find(|&i| !w.connected(0, i)).unwrap();
    let contact = json(&sandboxed(&[
        "profile",
        "contact",
        &w.people[connection].public_id,
        "--json",
    ]));
    assert_eq!(
        contact["email_address"],
        w.people[connection].email.as_str()
    );
    let contact = json(&sandboxed(&[
        "profile",
        "contact",
        &w.people[stranger].profile_id,
        "--json",
    ]));
    assert_eq!(contact["email_address"], Value::Null);

    let resolved = json(&sandboxed(&["profile", "resolve", "demo-member", "--json"]));
    assert_eq!(resolved["urn"], DEMO_URN);
    assert_eq!(resolved["public_id"], "demo-member");
    let text = sandboxed(&["profile", "resolve", "demo-member"]);
    assert_eq!(String::from_utf8_lossy(&text.stdout).trim(), DEMO_URN);

    let since = 1_795_478_400_000 - 90 * 24 * 60 * 60 * 1000;
    let expected = w
        .profile_views
        .iter()
        .filter(|v| v.viewed == 0 && v.at >= since)
        .count();
    let views = json(&sandboxed(&["profile", "views", "--json"]));
    assert_eq!(views["num_views"], expected);
}

#[test]
fn errors_have_their_status_bad_input_sends_nothing_and_no_secret_is_printed() {
    let sb = Logged::start();
    let mut outputs = Vec::new();

    // Bad input: 2, one line, nothing sent.
    for args in [
        &["profile", "show", "two words"][..],
        &["profile", "show", "x/../y", "--only", "skills"],
        &["profile", "skills", "a"],
        &["profile", "experiences", "urn:li:company:1337"],
        &["profile", "contact", "(paren)"],
        &["profile", "resolve", "ACoAA has spaces"],
        &["profile", "badges", "two words"],
    ] {
        outputs.push(sb.refused(args));
    }

    // Not found: 6.
    for args in [
        &["profile", "show", "nobody-has-this-id"][..],
        &[
            "profile",
            "skills",
            "ACoAAUnknownUnknownUnknownUnknown00000",
        ],
        &["profile", "resolve", "nobody-has-this-id"],
    ] {
        let output = sb.run(args);
        assert_eq!(
            output.status.code(),
            Some(6),
            "{args:?}: {}",
            printed(&output)
        );
        assert!(
            printed(&output).contains("not found"),
            "{}",
            printed(&output)
        );
        outputs.push(output);
    }

    // Retired by LinkedIn: 6, saying so, nothing sent.
    for (command, endpoint) in [
        ("network-info", "profile_network_info"),
        ("badges", "profile_member_badges"),
        ("privacy", "profile_privacy_settings"),
    ] {
        let before = sb.paths().len();
        let output = sb.run(&["profile", command, "demo-member"]);
        assert_eq!(output.status.code(), Some(6), "{}", printed(&output));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("retired") && stderr.contains(endpoint),
            "{stderr}"
        );
        assert_eq!(stderr.trim_end().lines().count(), 1);
        assert!(
            sb.paths()[before..].iter().all(|p| p == "/voyager/api/me"),
            "{command}"
        );
        outputs.push(output);
    }

    // The saved session works for the reads too.
    let show = sb.run(&["profile", "show", "demo-member", "--json"]);
    assert_eq!(json(&show)["profile"]["first_name"], "Dana");
    outputs.push(show);
    outputs.push(sb.run(&["profile", "contact", "demo-member"]));

    for output in &outputs {
        sb.assert_no_secret(output);
        assert!(!printed(output).contains("panicked"));
    }
}
