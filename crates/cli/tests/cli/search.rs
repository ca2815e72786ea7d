//! `linkedin search ...`: people (every flag reaching the request, limits and offsets),
//! companies, posts, connections (by profile id or public id) and the general search (its
//! kind and raw filters), as JSON, `--ndjson` and text; the exit status of each error class,
//! nothing sent for bad input, and no secret printed.

use std::collections::BTreeMap;

use crate::common::{
    Logged, fails, json_list, keys, ndjson, printed, query_params, sandboxed, stdout, world,
};
use serde_json::{Value, json};

/// The keys of a person found.
const PERSON_KEYS: [&str; 8] = [
    "distance",
    "headline",
    "location",
    "member_id",
    "name",
    "profile_id",
    "public_id",
    "urn",
];

/// The `profile_id`s of people results.
fn ids(people: &[Value]) -> Vec<&str> {
    people
        .iter()
        .map(|p| p["profile_id"].as_str().unwrap())
        .collect()
}

/// The search a logged request sent: its keywords, start and `queryParameters` by key.
fn sent_search(request: &Value) -> (Value, Value, BTreeMap<String, Value>) {
    let variables = &query_params(request)["variables"];
    let parameters = variables["query"]["queryParameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_owned(), p["value"].clone()))
        .collect();
    (
        variables["query"]["keywords"].clone(),
        variables["start"].clone(),
        parameters,
    )
}

#[test]
fn every_people_flag_reaches_the_request() {
    let sb = Logged::start();
    let me = "ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";
    let mark = sb.mark();
    let out = sb.run(&[
        "search",
        "people",
        "--keywords",
        "rust & c++",
        "--network",
        "F,s",
        "--network",
        "O",
        "--current-company",
        "1337",
        "--past-company",
        "urn:li:company:42",
        "--region",
        "105080838",
        "--industry",
        "4,urn:li:fsd_industry:96",
        "--school",
        "123",
        "--profile-language",
        "en,FR",
        "--nonprofit-interest",
        "skilledVolunteering",
        "--service-category",
        "220",
        "--contact-interest",
        "proBono",
        "--connection-of",
        me,
        "--first-name",
        "Ada",
        "--last-name",
        "Lovelace",
        "--title",
        "Engineer",
        "--company",
        "Acme",
        "--school-name",
        "MIT",
        "--offset",
        "10",
        "--limit",
        "1",
        "--json",
    ]);
    assert!(out.status.success(), "{}", printed(&out));
    let sent = sb.sent_since(mark);
    assert_eq!(sent.len(), 1, "one request: {sent:?}");
    let (keywords, start, parameters) = sent_search(&sent[0]);
    assert_eq!(keywords, "rust & c++");
    assert_eq!(start, "10");
    let expected: BTreeMap<String, Value> = [
        ("resultType", json!(["PEOPLE"])),
        ("network", json!(["F", "S", "O"])),
        ("currentCompany", json!(["1337"])),
        ("pastCompany", json!(["42"])),
        ("geoUrn", json!(["105080838"])),
        ("industry", json!(["4", "96"])),
        ("schools", json!(["123"])),
        ("profileLanguage", json!(["en", "fr"])),
        ("nonprofitInterest", json!(["skilledVolunteering"])),
        ("serviceCategory", json!(["220"])),
        ("contactInterest", json!(["proBono"])),
        ("connectionOf", json!([me])),
        ("firstName", json!(["Ada"])),
        ("lastName", json!(["Lovelace"])),
        ("title", json!(["Engineer"])),
        ("company", json!(["Acme"])),
        ("school", json!(["MIT"])),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(parameters, expected);
    let out = sb.run(&["search", "people", "--network", "X"]);
    assert_eq!(out.status.code(), Some(2), "{}", printed(&out));
}

#[test]
fn people_results_limits_and_offsets() {
    let w = world();
    let keywords = w.people[3].last_name.clone();
    let found = json_list(&sandboxed(&[
        "search",
        "people",
        "--keywords",
        &keywords,
        "--limit",
        "0",
        "--json",
    ]));
    assert!(found.len() > 3);
    for r in &found {
        assert_eq!(keys(r), PERSON_KEYS);
        assert_eq!(
            r["urn"],
            format!("urn:li:fsd_profile:{}", r["profile_id"].as_str().unwrap())
        );
    }
    assert!(
        found
            .iter()
            .any(|r| r["name"].as_str().unwrap().contains(keywords.as_str()))
    );

    // My connections over several pages, one a line; a limit stops early, an offset skips.
    let mine = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "F",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert!(mine.len() > 100, "{}", mine.len());
    assert!(mine.iter().all(|p| p["distance"] == "DISTANCE_1"));
    let some = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "first",
        "--limit",
        "60",
        "--ndjson",
    ]));
    assert_eq!(some[..], mine[..60]);
    let default = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "F",
        "--ndjson",
    ]));
    assert_eq!(default[..], mine[..20], "the default limit");
    let tail = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "F",
        "--offset",
        "100",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert_eq!(ids(&tail), ids(&mine[100..]));

    // Text: one line each, the name first, the public id last.
    let text = stdout(&sandboxed(&[
        "search",
        "people",
        "--keywords",
        &keywords,
        "--limit",
        "3",
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for (line, r) in lines.iter().zip(&found) {
        assert!(
            line.starts_with(r["name"].as_str().unwrap())
                && line.ends_with(r["public_id"].as_str().unwrap()),
            "{line}"
        );
    }
}

#[test]
fn companies_posts_and_connections() {
    let w = world();
    let lumen = json_list(&sandboxed(&[
        "search",
        "companies",
        "Lumen & Ledger",
        "--json",
    ]));
    assert_eq!(lumen.len(), 1);
    assert_eq!(
        keys(&lumen[0]),
        [
            "company_id",
            "headline",
            "name",
            "subline",
            "universal_name",
            "urn"
        ]
    );
    assert_eq!(lumen[0]["name"], "Lumen & Ledger");
    let linkedin = ndjson(&sandboxed(&["search", "companies", "linkedin", "--ndjson"]));
    assert_eq!(linkedin[0]["company_id"], "1337");
    assert_eq!(linkedin[0]["universal_name"], "linkedin");
    let text = stdout(&sandboxed(&[
        "search",
        "companies",
        "linkedin",
        "--limit",
        "1",
    ]));
    assert!(
        text.starts_with("LinkedIn") && text.trim_end().ends_with("linkedin"),
        "{text}"
    );

    let posts = json_list(&sandboxed(&[
        "search",
        "posts",
        "Kubernetes",
        "--limit",
        "5",
        "--json",
    ]));
    assert!(!posts.is_empty());
    for p in &posts {
        assert_eq!(
            keys(p),
            ["author_headline", "author_name", "text", "url", "urn"]
        );
        assert!(p["urn"].as_str().unwrap().starts_with("urn:li:activity:"));
    }

    // My connections are the people of my network's first degree.
    let mine = ndjson(&sandboxed(&[
        "search",
        "connections",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert!(mine.iter().all(|p| p["distance"] == "DISTANCE_1"));
    // Someone's, by profile id or by public id (resolved first): the same.
    let someone = &w.people[7];
    let by_id = ndjson(&sandboxed(&[
        "search",
        "connections",
        &someone.profile_id,
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert!(!by_id.is_empty());
    let by_public_id = ndjson(&sandboxed(&[
        "search",
        "connections",
        &someone.public_id,
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert_eq!(by_public_id, by_id);
}

#[test]
fn the_general_search_with_a_kind_and_raw_filters() {
    let sb = Logged::start();
    let mark = sb.mark();
    let robots = ndjson(&sb.run(&[
        "search",
        "all",
        "robots",
        "--kind",
        "companies",
        "--filter",
        "companySize=B,C",
        "--filter",
        "geoUrn=105080838",
        "--limit",
        "0",
        "--ndjson",
    ]));
    let (keywords, _, parameters) = sent_search(&sb.sent_since(mark)[0]);
    assert_eq!(keywords, "robots");
    assert_eq!(parameters["resultType"], json!(["COMPANIES"]));
    assert_eq!(parameters["companySize"], json!(["B", "C"]));
    assert_eq!(parameters["geoUrn"], json!(["105080838"]));
    for r in &robots {
        assert_eq!(
            keys(r),
            [
                "distance",
                "primary_subtitle",
                "secondary_subtitle",
                "summary",
                "title",
                "tracking_urn",
                "url",
                "urn"
            ]
        );
        assert!(
            r["urn"]
                .as_str()
                .unwrap()
                .starts_with("urn:li:fsd_company:")
        );
    }

    // Mixed kinds without --kind; text: the title, its lines, what it is about.
    let w = world();
    let keywords = w.people[3].last_name.clone();
    let all = json_list(&sb.run(&["search", "all", &keywords, "--limit", "3", "--json"]));
    assert_eq!(all.len(), 3);
    let text = stdout(&sb.run(&["search", "all", &keywords, "--limit", "3"]));
    for (line, r) in text.lines().zip(&all) {
        assert!(
            line.starts_with(r["title"].as_str().unwrap())
                && line.ends_with(r["urn"].as_str().unwrap()),
            "{line}"
        );
    }
    // LinkedIn refuses a jobs search by the general search: 8.
    let out = sb.run(&["search", "all", "rust", "--kind", "jobs"]);
    fails(&out, 8);
}

#[test]
fn errors_have_their_status_bad_input_sends_nothing_and_no_secret_is_printed() {
    let sb = Logged::start();
    let mut outputs = Vec::new();
    for args in [
        &["search", "people", "--keywords", "   "][..],
        &["search", "people", "--current-company", "linkedin"],
        &[
            "search",
            "people",
            "--past-company",
            "urn:li:fsd_profile:ACoAAB",
        ],
        &["search", "people", "--region", "New York"],
        &["search", "people", "--school", "1;2"],
        &["search", "people", "--profile-language", "english"],
        &["search", "people", "--service-category", "plumbing"],
        &["search", "people", "--connection-of", "bill-gates"],
        &["search", "people", "--first-name", ""],
        &["search", "companies", ""],
        &["search", "posts", " "],
        &["search", "connections", "not a profile"],
        &["search", "all", "x", "--filter", "bad"],
        &["search", "all", "x", "--filter", "geo urn=1"],
    ] {
        outputs.push(sb.refused(args));
    }
    // Not found: 6.
    let output = sb.run(&["search", "connections", "nobody-has-this-id"]);
    fails(&output, 6);
    outputs.push(output);
    sb.assert_no_secret(&outputs);
}
