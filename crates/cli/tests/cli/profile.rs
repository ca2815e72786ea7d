//! `linkedin profile ...`: a whole profile or the parts asked (their JSON keys, the text's
//! sections), each part on its own, contact info, resolving a public id and the views count,
//! as JSON, `--ndjson` and text; the exit status of each error class, nothing sent for bad
//! input, and no secret printed.
//!
//! The whole profile and its sections are read through the profile-finder entries
//! (`profile_top_card`, `profile_with_sections`).

use crate::common::{
    Logged, fails, json, json_list, keys, ndjson, printed, sandboxed, stdout, world,
};
use serde_json::Value;

const DEMO_URN: &str = "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";

/// The keys of a whole profile: its parts.
const PARTS: [&str; 7] = [
    "certifications",
    "contact_info",
    "education",
    "experiences",
    "languages",
    "profile",
    "skills",
];

/// The keys of a position.
const EXPERIENCE_KEYS: [&str; 8] = [
    "company_name",
    "description",
    "duration",
    "employment_type",
    "end_date",
    "location_name",
    "start_date",
    "title",
];

/// The keys of a school attended.
const EDUCATION_KEYS: [&str; 9] = [
    "activities",
    "date_range",
    "degree_name",
    "description",
    "entity_urn",
    "field_of_study",
    "grade",
    "school_name",
    "school_urn",
];

/// The keys of contact info.
const CONTACT_KEYS: [&str; 6] = [
    "address",
    "birth_date",
    "email_address",
    "phone_numbers",
    "twitter_handles",
    "websites",
];

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect()
}

#[test]
fn show_gives_the_whole_profile_or_the_parts_asked() {
    let full = json(&sandboxed(&["profile", "show", "demo-member", "--json"]));
    assert_eq!(keys(&full), PARTS);
    let profile = &full["profile"];
    assert_eq!(profile["entity_urn"], DEMO_URN);
    assert_eq!(profile["first_name"], "Dana");
    assert_eq!(profile["last_name"], "Moreau");
    assert_eq!(profile["public_identifier"], "demo-member");
    assert_eq!(keys(&full["contact_info"]), CONTACT_KEYS);
    for e in full["experiences"].as_array().unwrap() {
        assert_eq!(keys(e), EXPERIENCE_KEYS);
    }
    for e in full["education"].as_array().unwrap() {
        assert_eq!(keys(e), EDUCATION_KEYS);
    }
    for part in ["experiences", "skills", "education", "languages"] {
        assert!(!full[part].as_array().unwrap().is_empty(), "{part}");
    }

    // Parts: only their keys, by profile URN too.
    let parts = json(&sandboxed(&[
        "profile",
        "show",
        DEMO_URN,
        "--only",
        "skills,contact",
        "--json",
    ]));
    assert_eq!(keys(&parts), ["contact_info", "skills"]);
    assert_eq!(parts["skills"], full["skills"]);
    let parts = json(&sandboxed(&[
        "profile",
        "show",
        "demo-member",
        "--only",
        "profile,experiences",
        "--json",
    ]));
    assert_eq!(keys(&parts), ["experiences", "profile"]);
    assert_eq!(parts["profile"]["entity_urn"], DEMO_URN);
    assert_eq!(
        parts["experiences"].as_array().unwrap().len(),
        full["experiences"].as_array().unwrap().len()
    );

    // Text for people: the name, then each section under its heading; no colour off a
    // terminal.
    let text = stdout(&sandboxed(&["profile", "show", "demo-member"]));
    assert!(text.starts_with("Dana Moreau (demo-member)\n"), "{text}");
    for heading in ["Experience", "Skills", "Education", "Languages", "Contact"] {
        assert!(text.lines().any(|l| l == heading), "{heading}: {text}");
    }
    assert!(
        text.contains(&format!("\n  {}\n", names(&full["skills"]).join(", "))),
        "{text}"
    );
    assert!(!text.contains('\x1b'));
    // Unknown: 6.
    assert!(fails(&sandboxed(&["profile", "show", "nobody-has-this-id"]), 6).contains("not found"));
}

#[test]
fn each_section_on_its_own() {
    let full = json(&sandboxed(&["profile", "show", "demo-member", "--json"]));
    let skills = json(&sandboxed(&["profile", "skills", "demo-member", "--json"]));
    assert_eq!(skills, full["skills"]);
    let education = json(&sandboxed(&[
        "profile",
        "education",
        "demo-member",
        "--json",
    ]));
    assert_eq!(education, full["education"]);
    let certifications = json(&sandboxed(&[
        "profile",
        "certifications",
        DEMO_URN,
        "--json",
    ]));
    assert_eq!(certifications, full["certifications"]);
    // One a line.
    let languages = ndjson(&sandboxed(&[
        "profile",
        "languages",
        "demo-member",
        "--ndjson",
    ]));
    assert_eq!(Value::Array(languages), full["languages"]);
    // Text: one a line.
    let text = stdout(&sandboxed(&["profile", "skills", "demo-member"]));
    assert_eq!(text.lines().collect::<Vec<_>>(), names(&full["skills"]));
    let unknown = sandboxed(&[
        "profile",
        "skills",
        "ACoAAUnknownUnknownUnknownUnknown00000",
    ]);
    assert!(fails(&unknown, 6).contains("not found"));
}

#[test]
fn experiences_contact_resolve_and_views() {
    let w = world();
    let experiences = ndjson(&sandboxed(&[
        "profile",
        "experiences",
        "demo-member",
        "--ndjson",
    ]));
    assert!(!experiences.is_empty());
    for e in &experiences {
        assert_eq!(keys(e), EXPERIENCE_KEYS);
    }
    // Text: title at company, then the span.
    let text = stdout(&sandboxed(&["profile", "experiences", DEMO_URN]));
    for (line, e) in text.lines().zip(&experiences) {
        assert!(
            line.starts_with(&format!(
                "{} at {}",
                e["title"].as_str().unwrap(),
                e["company_name"].as_str().unwrap()
            )),
            "{line}"
        );
    }

    // Contact info, as JSON and as text.
    let connection = &w.people[(1..w.people.len()).find(|&i| w.connected(0, i)).unwrap()];
    let contact = json(&sandboxed(&[
        "profile",
        "contact",
        &connection.public_id,
        "--json",
    ]));
    assert_eq!(keys(&contact), CONTACT_KEYS);
    let text = stdout(&sandboxed(&["profile", "contact", &connection.public_id]));
    match contact["email_address"].as_str() {
        Some(email) => assert!(text.contains(&format!("e-mail: {email}")), "{text}"),
        None => assert_eq!(text, "no contact info shared with you\n"),
    }

    let resolved = json(&sandboxed(&["profile", "resolve", "demo-member", "--json"]));
    assert_eq!(keys(&resolved), ["public_id", "urn"]);
    assert_eq!(resolved["urn"], DEMO_URN);
    assert_eq!(resolved["public_id"], "demo-member");
    let text = stdout(&sandboxed(&["profile", "resolve", "demo-member"]));
    assert_eq!(text, format!("{DEMO_URN}\n"));

    let views = json(&sandboxed(&["profile", "views", "--json"]));
    assert_eq!(keys(&views), ["num_views"]);
    let text = stdout(&sandboxed(&["profile", "views"]));
    assert_eq!(
        text,
        format!("{} profile views in the last 90 days\n", views["num_views"])
    );
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
    ] {
        outputs.push(sb.refused(args));
    }
    // The parts LinkedIn retired are no commands any more.
    for command in ["network-info", "badges", "privacy"] {
        let output = sb.refused(&["profile", command, "demo-member"]);
        assert!(printed(&output).contains("unrecognized subcommand"));
    }

    // Not found: 6.
    for args in [
        &["profile", "resolve", "nobody-has-this-id"][..],
        &["profile", "contact", "nobody-has-this-id"],
    ] {
        let output = sb.run(args);
        assert!(fails(&output, 6).contains("not found"), "{args:?}");
        outputs.push(output);
    }

    // The saved session works for the reads too.
    let experiences = sb.run(&["profile", "experiences", "demo-member", "--json"]);
    assert!(!json_list(&experiences).is_empty());
    outputs.push(experiences);
    let contact = sb.run(&["profile", "contact", "demo-member"]);
    assert!(contact.status.success(), "{}", printed(&contact));
    outputs.push(contact);

    sb.assert_no_secret(&outputs);
}
