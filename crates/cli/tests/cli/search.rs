//! End-to-end: every `linkedin search` command against the sandbox (people with filters,
//! companies, posts, connections, the general search), its JSON checked against the
//! sandbox's world, `--ndjson` one object a line, the exit status of each error class,
//! nothing sent for bad input, and no secret printed.

use std::collections::BTreeSet;

use crate::common::{Logged, json, ndjson, printed, sandboxed, world};
use linkedin_sandbox::world::{Person, World};
use serde_json::Value;

/// The profile ids of the world's people (not me) that `keep` keeps.
fn world_ids(w: &World, keep: impl Fn(usize, &Person) -> bool) -> BTreeSet<String> {
    w.people
        .iter()
        .enumerate()
        .filter(|&(i, p)| i != 0 && keep(i, p))
        .map(|(_, p)| p.profile_id.clone())
        .collect()
}

/// The `profile_id`s of people results.
fn ids(people: &[Value]) -> BTreeSet<String> {
    people
        .iter()
        .map(|p| p["profile_id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn people_with_filters() {
    let w = world();
    let keywords = w.people[3].last_name.clone();
    let expected: Vec<usize> = (1..w.people.len())
        .filter(|&i| w.people[i].matches_keywords(&keywords))
        .collect();
    assert!(expected.len() > 3);
    let found = json(&sandboxed(&[
        "search",
        "people",
        "--keywords",
        &keywords,
        "--limit",
        "0",
        "--json",
    ]));
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), expected.len());
    for (r, &i) in found.iter().zip(&expected) {
        let p = &w.people[i];
        assert_eq!(r["profile_id"], p.profile_id.as_str());
        assert_eq!(r["public_id"], p.public_id.as_str());
        assert_eq!(r["name"], format!("{} {}", p.first_name, p.last_name));
        assert_eq!(r["headline"], p.headline.as_str());
        assert_eq!(r["member_id"], p.member_id);
    }

    // My 150 connections, over four pages, one a line; a limit stops early.
    let mine = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "F",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert_eq!(ids(&mine), world_ids(&w, |i, _| w.connected(0, i)));
    assert_eq!(mine.len(), 150);
    assert!(mine.iter().all(|p| p["distance"] == "DISTANCE_1"));
    let some = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "f",
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
    assert_eq!(default.len(), 20, "the default limit");
    let tail = ndjson(&sandboxed(&[
        "search",
        "people",
        "--network",
        "F",
        "--offset",
        "140",
        "--ndjson",
    ]));
    assert_eq!(ids(&tail), ids(&mine[140..]));

    // Filters, as the facade's builder names them.
    let company_id = |c: usize| w.companies[c].id.to_string();
    let northwind = company_id(1);
    let works_at = |p: &Person, c: &str| {
        p.experiences
            .iter()
            .any(|e| e.end.is_none() && company_id(e.company) == c)
    };
    let someone = &w.people[7];
    let degree = w.degrees_from(0);
    let cases: Vec<(Vec<&str>, BTreeSet<String>)> = vec![
        (
            vec!["--current-company", &northwind],
            world_ids(&w, |_, p| works_at(p, &northwind)),
        ),
        (
            vec![
                "--region",
                "105080838",
                "--industry",
                "4,urn:li:fsd_industry:96",
                "--network",
                "S",
            ],
            world_ids(&w, |i, p| {
                p.geo_id == 105_080_838
                    && (p.industry_id == 4 || p.industry_id == 96)
                    && degree[i] == Some(2)
            }),
        ),
        (
            vec!["--profile-language", "FR", "--profile-language", "sw"],
            world_ids(&w, |_, p| {
                p.languages.iter().any(|l| l == "French" || l == "Swahili")
            }),
        ),
        (
            vec![
                "--first-name",
                &someone.first_name,
                "--last-name",
                &someone.last_name,
            ],
            world_ids(&w, |_, p| {
                p.first_name == someone.first_name && p.last_name == someone.last_name
            }),
        ),
        (
            vec!["--company", "Lumen & Ledger"],
            world_ids(&w, |_, p| {
                p.experiences
                    .iter()
                    .any(|e| e.end.is_none() && w.companies[e.company].name == "Lumen & Ledger")
            }),
        ),
        (
            vec!["--school-name", "Queensland"],
            world_ids(&w, |_, p| {
                p.education
                    .iter()
                    .any(|e| w.schools[e.school].name.contains("Queensland"))
            }),
        ),
        (
            vec!["--connection-of", &someone.profile_id],
            world_ids(&w, |i, _| w.connected(7, i)),
        ),
    ];
    for (filters, expected) in cases {
        assert!(!expected.is_empty(), "{filters:?}: the world has none");
        let mut args = vec!["search", "people", "--limit", "0", "--ndjson"];
        args.extend(filters.iter().copied());
        let found = ndjson(&sandboxed(&args));
        assert_eq!(ids(&found), expected, "{filters:?}");
        assert_eq!(found.len(), expected.len(), "{filters:?}");
    }

    // Text: one line each, name first.
    let text = sandboxed(&["search", "people", "--keywords", &keywords, "--limit", "3"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    let first = &w.people[expected[0]];
    assert!(
        text.starts_with(&format!("{} {}", first.first_name, first.last_name)),
        "{text}"
    );
}

#[test]
fn companies_posts_connections_and_the_general_search() {
    let w = world();
    let lumen = json(&sandboxed(&[
        "search",
        "companies",
        "Lumen & Ledger",
        "--json",
    ]));
    let lumen = lumen.as_array().unwrap();
    assert_eq!(lumen.len(), 1);
    assert_eq!(lumen[0]["name"], "Lumen & Ledger");
    let linkedin = ndjson(&sandboxed(&["search", "companies", "linkedin", "--ndjson"]));
    assert_eq!(linkedin[0]["company_id"], "1337");
    assert_eq!(linkedin[0]["universal_name"], "linkedin");

    let expected: Vec<_> = w
        .posts
        .iter()
        .filter(|p| !p.promoted && p.matches_keywords("Kubernetes"))
        .collect();
    let posts = json(&sandboxed(&[
        "search",
        "posts",
        "Kubernetes",
        "--limit",
        "0",
        "--json",
    ]));
    let posts = posts.as_array().unwrap();
    assert_eq!(posts.len(), expected.len());
    for (r, p) in posts.iter().zip(&expected) {
        assert_eq!(r["urn"], format!("urn:li:activity:{}", p.activity_id));
        assert_eq!(r["text"], p.text.as_str());
    }

    // My connections, and those of someone LinkedIn shows me (within my 2nd degree).
    let mine = ndjson(&sandboxed(&[
        "search",
        "connections",
        "--limit",
        "0",
        "--ndjson",
    ]));
    assert_eq!(ids(&mine), world_ids(&w, |i, _| w.connected(0, i)));
    let degree = w.degrees_from(0);
    let theirs = world_ids(&w, |i, _| {
        w.connected(7, i) && matches!(degree[i], Some(1 | 2))
    });
    for who in [
        w.people[7].profile_id.clone(),
        w.people[7].public_id.clone(),
    ] {
        let found = ndjson(&sandboxed(&[
            "search",
            "connections",
            &who,
            "--limit",
            "0",
            "--ndjson",
        ]));
        assert_eq!(ids(&found), theirs, "{who}");
    }

    // The general search: results as LinkedIn shows them.
    let keywords = w.people[3].last_name.clone();
    let all = json(&sandboxed(&[
        "search", "all", &keywords, "--limit", "3", "--json",
    ]));
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3);
    let people = world_ids(&w, |_, p| p.matches_keywords(&keywords));
    for r in all {
        let urn = r["urn"].as_str().unwrap();
        assert!(people.iter().any(|id| urn.contains(id.as_str())), "{urn}");
    }
    let robots = ndjson(&sandboxed(&[
        "search",
        "all",
        "robots",
        "--kind",
        "companies",
        "--filter",
        "companySize=B,C",
        "--limit",
        "0",
        "--ndjson",
    ]));
    let got: Vec<&str> = robots
        .iter()
        .map(|r| r["tracking_urn"].as_str().unwrap())
        .collect();
    let want: Vec<String> = w
        .companies
        .iter()
        .filter(|c| c.matches_keywords("robots"))
        .map(|c| format!("urn:li:company:{}", c.id))
        .collect();
    assert_eq!(got, want);
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
    let output = sb.run(&["search", "people", "--network", "X"]);
    assert_eq!(output.status.code(), Some(2), "{}", printed(&output));
    // LinkedIn refuses a jobs search by the general search: 8, after what it gave.
    let output = sb.run(&["search", "all", "rust", "--kind", "jobs"]);
    assert_eq!(output.status.code(), Some(8), "{}", printed(&output));
    outputs.push(output);
    // Not found: 6.
    let output = sb.run(&["search", "connections", "nobody-has-this-id"]);
    assert_eq!(output.status.code(), Some(6), "{}", printed(&output));
    outputs.push(output);

    let found = sb.run(&[
        "search",
        "people",
        "--network",
        "F",
        "--limit",
        "5",
        "--json",
    ]);
    assert_eq!(json(&found).as_array().unwrap().len(), 5);
    outputs.push(found);
    for output in &outputs {
        sb.assert_no_secret(output);
    }
}
