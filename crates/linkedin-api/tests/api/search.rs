//! Search and connections against the sandbox: people with every filter, the connections of
//! a member and of the account, companies, posts, jobs and the general search, checked
//! against the world the sandbox serves; their requests and results are snapshotted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common;
use linkedin_api::models::Raw;
use linkedin_catalogue::endpoints;

use common::collect_all;

use std::collections::BTreeSet;
use std::time::Duration;

use futures::TryStreamExt;
use linkedin_api::{
    Distance, Error, ExperienceLevel, JobSearch, JobType, Network, PeopleSearch, PersonResult,
    ResultType, Search, Workplace,
};
use linkedin_sandbox::world::{Author, Person, World, generate, matches_keywords};
use linkedin_sandbox::{Faults, WORLD_SEED};
use serde_json::Value;

/// The world's present (2026-11-24), which job listing times count back from.
const PRESENT_MS: u64 = 1_795_478_400_000;
const DAY_SECS: u64 = 24 * 60 * 60;

fn world() -> World {
    generate(WORLD_SEED)
}

fn ids(people: &[Raw<PersonResult>]) -> BTreeSet<String> {
    people.iter().map(|p| p.profile_id.to_string()).collect()
}

fn world_ids(w: &World, keep: impl Fn(usize, &Person) -> bool) -> BTreeSet<String> {
    w.people
        .iter()
        .enumerate()
        .filter(|&(i, p)| i != 0 && keep(i, p))
        .map(|(_, p)| p.profile_id.clone())
        .collect()
}

/// The decoded `variables` of a recorded search request.
fn variables(request: &Value) -> &Value {
    &request["query"]["variables"]
}

/// The filters (`queryParameters`) of a recorded search request, as (key, values).
fn filters(request: &Value) -> Vec<(String, Vec<String>)> {
    variables(request)["query"]["queryParameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let values = f["value"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            (f["key"].as_str().unwrap().to_owned(), values)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_people_reads_typed_results_from_the_world() {
    let w = world();
    let f = common::start().await;
    let degree = w.degrees_from(0);
    let keywords = w.people[3].last_name.clone();
    let expected: Vec<usize> = (1..w.people.len())
        .filter(|&i| w.people[i].matches_keywords(&keywords))
        .collect();
    assert!(expected.len() > 3, "{keywords}: {expected:?}");

    let found = collect_all(f.linkedin.search_people(PeopleSearch::keywords(&keywords))).await;
    assert_eq!(found.len(), expected.len());
    for (r, &i) in found.iter().zip(&expected) {
        let p = &w.people[i];
        assert_eq!(r.profile_id, p.profile_id);
        assert_eq!(r.urn, format!("urn:li:fsd_profile:{}", p.profile_id));
        assert_eq!(r.public_id.as_deref(), Some(p.public_id.as_str()));
        assert_eq!(r.member_id, Some(p.member_id));
        assert_eq!(r.name, format!("{} {}", p.first_name, p.last_name));
        assert_eq!(r.headline.as_deref(), Some(p.headline.as_str()));
        assert_eq!(r.location.as_deref(), Some(p.location.as_str()));
        let distance = match degree[i] {
            Some(1) => Distance::First,
            Some(2) => Distance::Second,
            _ => Distance::Third,
        };
        assert_eq!(r.distance, Some(distance));
        assert_eq!(
            r.raw()["trackingUrn"],
            format!("urn:li:member:{}", p.member_id)
        );
    }

    let mark = f.mark();
    let first: Vec<Raw<PersonResult>> = common::collect_all(
        f.linkedin
            .search_people(PeopleSearch::keywords(&keywords))
            .limit(3),
    )
    .await;
    f.snapshot("search_search_people", mark, &first);
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    let vars = variables(&sent[0]);
    assert_eq!(vars["start"], "0");
    assert_eq!(vars["count"], "3", "no more than the limit needs");
    assert_eq!(vars["origin"], "GLOBAL_SEARCH_HEADER");
    assert_eq!(vars["query"]["keywords"], keywords.as_str());
    assert_eq!(vars["query"]["flagshipSearchIntent"], "SEARCH_SRP");
    assert_eq!(
        sent[0]["query"]["queryId"].as_str(),
        endpoints::SEARCH_CLUSTERS.query_id
    );
}

/// Page positions come from the client's own counts: against a sandbox whose every
/// `paging.count` is huge, a read of the 150 connections still gives all 150, each once,
/// moving its offset by the results each page held (0, 49, 98, 147).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_paging_count_does_not_move_the_offset() {
    let w = world();
    let f = common::start_on(linkedin_sandbox::SandboxConfig {
        keep_requests: true,
        drift: linkedin_sandbox::Drift {
            huge_paging_count: true,
            ..linkedin_sandbox::Drift::default()
        },
        ..linkedin_sandbox::SandboxConfig::default()
    })
    .await
    .unwrap();
    let mark = f.mark();
    let found = collect_all(
        f.linkedin
            .search_people(PeopleSearch::new().network(&[Network::First]))
            .limit(150),
    )
    .await;
    assert_eq!(found.len(), 150);
    assert_eq!(ids(&found), world_ids(&w, |i, _| w.connected(0, i)));
    let sent = f.sent_since(mark);
    let starts: Vec<String> = sent
        .iter()
        .map(|r| variables(r)["start"].as_str().unwrap().to_owned())
        .collect();
    // (That the sandbox answers the huge count is its own unit test's, in `drift.rs`.)
    assert_eq!(starts, ["0", "49", "98", "147"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_people_pages_by_49_with_limit_and_offset() {
    let w = world();
    let f = common::start().await;
    let mine = world_ids(&w, |i, _| w.connected(0, i));
    assert_eq!(mine.len(), 150);

    let mark = f.mark();
    let first_degree = PeopleSearch::new().network(&[Network::First]);
    let found = collect_all(f.linkedin.search_people(first_degree.clone())).await;
    assert_eq!(found.len(), 150);
    assert_eq!(ids(&found), mine);
    let starts: Vec<(String, String)> = f
        .sent_since(mark)
        .iter()
        .map(|r| {
            let v = variables(r);
            (
                v["start"].as_str().unwrap().to_owned(),
                v["count"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = [0, 49, 98, 147]
        .iter()
        .map(|s| (s.to_string(), "49".to_owned()))
        .collect();
    assert_eq!(starts, want, "4 pages of at most 49, then the end");

    // A limit fetches only the pages it needs, each asking no more than the limit still
    // needs: 120 is 49, 49 and 22.
    let counts = |mark| -> Vec<String> {
        f.sent_since(mark)
            .iter()
            .map(|r| variables(r)["count"].as_str().unwrap().to_owned())
            .collect()
    };
    let mark = f.mark();
    let some = collect_all(f.linkedin.search_people(first_degree.clone()).limit(60)).await;
    assert_eq!(some.len(), 60);
    assert_eq!(counts(mark), ["49", "11"]);
    assert_eq!(ids(&some), ids(&found[..60]));
    let mark = f.mark();
    let more = collect_all(f.linkedin.search_people(first_degree.clone()).limit(120)).await;
    assert_eq!(ids(&more), ids(&found[..120]));
    assert_eq!(counts(mark), ["49", "49", "22"]);
    let mark = f.mark();
    let one = collect_all(f.linkedin.search_people(first_degree.clone()).limit(1)).await;
    assert_eq!(ids(&one), ids(&found[..1]));
    assert_eq!(counts(mark), ["1"]);

    // An offset starts further in (Python's `offset`).
    let mark = f.mark();
    let tail = collect_all(f.linkedin.search_people(first_degree.offset(140))).await;
    assert_eq!(ids(&tail), ids(&found[140..]));
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(variables(&sent[0])["start"], "140");

    // An offset past the last result is an empty list, not a changed answer.
    let mark = f.mark();
    let beyond = f
        .linkedin
        .search_people(PeopleSearch::new().network(&[Network::First]).offset(150))
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert!(beyond.is_empty());
    assert_eq!(f.sent_since(mark).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_people_filters_match_the_world() {
    let w = world();
    let f = common::start().await;
    let company_id = |c: usize| w.companies[c].id.to_string();
    let northwind = company_id(1);
    let works_at = |p: &Person, c: &str| {
        p.experiences
            .iter()
            .any(|e| e.end.is_none() && company_id(e.company) == c)
    };
    let worked_at = |p: &Person, c: &str| {
        p.experiences
            .iter()
            .any(|e| e.end.is_some() && company_id(e.company) == c)
    };
    let school_id = w.schools[0].id.to_string();
    let went_to = |p: &Person, s: &str| {
        p.education
            .iter()
            .any(|e| w.schools[e.school].id.to_string() == s)
    };
    let someone = &w.people[7];
    let degree = w.degrees_from(0);

    let cases: Vec<(&str, PeopleSearch, BTreeSet<String>)> = vec![
        (
            "current_company",
            PeopleSearch::new().current_company(&[northwind.as_str()]),
            world_ids(&w, |_, p| works_at(p, &northwind)),
        ),
        (
            "current_company as URN",
            PeopleSearch::new().current_company(&[format!("urn:li:company:{}", company_id(5))]),
            world_ids(&w, |_, p| works_at(p, &company_id(5))),
        ),
        (
            "past_companies",
            PeopleSearch::new().past_companies(&[company_id(5), company_id(20)]),
            world_ids(&w, |_, p| {
                worked_at(p, &company_id(5)) || worked_at(p, &company_id(20))
            }),
        ),
        (
            "regions + industries + network",
            PeopleSearch::new()
                .regions(&["105080838"])
                .industries(&["4", "urn:li:fsd_industry:96"])
                .network(&[Network::Second]),
            world_ids(&w, |i, p| {
                p.geo_id == 105_080_838
                    && (p.industry_id == 4 || p.industry_id == 96)
                    && degree[i] == Some(2)
            }),
        ),
        (
            "schools",
            PeopleSearch::new().schools(&[school_id.as_str()]),
            world_ids(&w, |_, p| went_to(p, &school_id)),
        ),
        (
            "profile_languages",
            PeopleSearch::new().profile_languages(&["FR", "sw"]),
            world_ids(&w, |_, p| {
                p.languages.iter().any(|l| l == "French" || l == "Swahili")
            }),
        ),
        (
            "keyword_first_name + keyword_last_name",
            PeopleSearch::new()
                .keyword_first_name(&someone.first_name)
                .keyword_last_name(&someone.last_name),
            world_ids(&w, |_, p| {
                p.first_name == someone.first_name && p.last_name == someone.last_name
            }),
        ),
        (
            "keyword_title",
            PeopleSearch::keywords("rust").keyword_title("Staff Engineer"),
            world_ids(&w, |_, p| {
                let current: Vec<&str> = p
                    .experiences
                    .iter()
                    .filter(|e| e.end.is_none())
                    .map(|e| e.title.as_str())
                    .collect();
                p.matches_keywords("rust")
                    && matches_keywords("Staff Engineer", &[&p.headline, &current.join(" ")])
            }),
        ),
        (
            "keyword_company with &",
            PeopleSearch::new().keyword_company("Lumen & Ledger"),
            world_ids(&w, |_, p| {
                p.experiences
                    .iter()
                    .any(|e| e.end.is_none() && w.companies[e.company].name == "Lumen & Ledger")
            }),
        ),
        (
            "keyword_school",
            PeopleSearch::new().keyword_school("Queensland"),
            world_ids(&w, |_, p| {
                p.education
                    .iter()
                    .any(|e| w.schools[e.school].name.contains("Queensland"))
            }),
        ),
        (
            "connection_of",
            PeopleSearch::new().connection_of(format!("urn:li:fsd_profile:{}", someone.profile_id)),
            world_ids(&w, |i, _| w.connected(7, i)),
        ),
    ];
    for (name, query, expected) in cases {
        assert!(!expected.is_empty(), "{name}: the world has none");
        let found = collect_all(f.linkedin.search_people(query)).await;
        assert_eq!(ids(&found), expected, "{name}");
        assert_eq!(found.len(), expected.len(), "{name}: no duplicates");
    }

    // Facets the world does not record match nobody, but are sent as LinkedIn takes them.
    let mark = f.mark();
    let none = collect_all(
        f.linkedin.search_people(
            PeopleSearch::keywords("engineer")
                .service_categories(&["220"])
                .nonprofit_interests(&["skilledVolunteering"])
                .contact_interests(&["proBono", "boardMember"]),
        ),
    )
    .await;
    assert!(none.is_empty());
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(
        filters(&sent[0]),
        [
            ("resultType", vec!["PEOPLE"]),
            ("nonprofitInterest", vec!["skilledVolunteering"]),
            ("serviceCategory", vec!["220"]),
            ("contactInterest", vec!["proBono", "boardMember"]),
        ]
        .map(|(k, v)| (
            k.to_owned(),
            v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()
        ))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_people_filter_goes_out_in_one_request() {
    let f = common::start().await;
    let query = PeopleSearch::keywords("rust")
        .connection_of("ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ")
        .network(&[Network::First, Network::Second, Network::ThirdPlus])
        .regions(&["105080838"])
        .industries(&["4"])
        .current_company(&["1337"])
        .past_companies(&["urn:li:fsd_company:1441"])
        .profile_languages(&["en"])
        .nonprofit_interests(&["skilledVolunteering"])
        .schools(&["10000"])
        .service_categories(&["220"])
        .contact_interests(&["proBono"])
        .keyword_first_name("Dana")
        .keyword_last_name("O'Brien")
        .title("Staff Engineer")
        .keyword_company("Lumen & Ledger")
        .keyword_school("Queensland (St Lucia)")
        .include_private_profiles(true);
    let mark = f.mark();
    let found = collect_all(f.linkedin.search_people(query)).await;
    f.snapshot("search_search_people_every_filter", mark, &found);
    let sent = f.sent_since(mark);
    let keys: Vec<String> = filters(&sent[0]).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        [
            "resultType",
            "connectionOf",
            "network",
            "geoUrn",
            "industry",
            "currentCompany",
            "pastCompany",
            "profileLanguage",
            "nonprofitInterest",
            "schools",
            "serviceCategory",
            "contactInterest",
            "firstName",
            "lastName",
            "title",
            "company",
            "school",
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keywords_with_restli_syntax_reach_linkedin_intact() {
    let w = world();
    let f = common::start().await;
    let keywords = "Hiring (Rust), Kubernetes & 'data' engineers";
    let expected = world_ids(&w, |_, p| p.matches_keywords(keywords));
    assert!(
        expected.contains(&w.people[2].profile_id),
        "the recruiter's headline has these words"
    );
    let mark = f.mark();
    let found = collect_all(f.linkedin.search_people(PeopleSearch::keywords(keywords))).await;
    assert_eq!(ids(&found), expected);
    f.snapshot("search_search_people_escaped_keywords", mark, &found);
    let sent = f.sent_since(mark);
    assert_eq!(variables(&sent[0])["query"]["keywords"], keywords);
    let raw = &f.sandbox.requests()[mark].query;
    assert!(
        raw.contains("keywords:Hiring%20%28Rust%29%2C%20Kubernetes%20%26%20%27data%27%20engineers"),
        "{raw}"
    );

    // The same in a company name and a keyword filter.
    let lumen = collect_all(f.linkedin.search_companies("Lumen & Ledger")).await;
    assert_eq!(lumen.len(), 1);
    assert_eq!(lumen[0].name, "Lumen & Ledger");
    let apostrophe = collect_all(
        f.linkedin
            .search_people(PeopleSearch::new().keyword_last_name("O'Brien, (Jr)")),
    )
    .await;
    assert!(
        apostrophe.is_empty(),
        "nobody has that name, and the request was valid"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_connections_lists_a_members_connections() {
    let w = world();
    let f = common::start().await;
    // A connection of the demo account with few connections of their own.
    let x = (1..w.people.len())
        .filter(|&i| w.connected(0, i))
        .min_by_key(|&i| (0..w.people.len()).filter(|&j| w.connected(i, j)).count())
        .unwrap();
    let expected = world_ids(&w, |i, _| w.connected(x, i));
    assert!(!expected.is_empty());

    let mark = f.mark();
    let found = collect_all(f.linkedin.profile_connections(&w.people[x].profile_id)).await;
    assert_eq!(ids(&found), expected);
    f.snapshot("search_profile_connections", mark, &found);
    let sent = f.sent_since(mark);
    assert_eq!(
        filters(&sent[0])[1..],
        [
            (
                "connectionOf".to_owned(),
                vec![w.people[x].profile_id.clone()]
            ),
            ("network".to_owned(), vec!["F".to_owned(), "S".to_owned()]),
        ]
    );

    // A busy member: several pages.
    let hub = world_ids(&w, |i, _| w.connected(2, i));
    let found = collect_all(
        f.linkedin
            .profile_connections(format!("urn:li:fsd_profile:{}", w.people[2].profile_id)),
    )
    .await;
    assert_eq!(ids(&found), hub);
    assert!(hub.len() > 1000);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_connections_are_the_accounts_own() {
    let w = world();
    let f = common::start().await;
    let mine = world_ids(&w, |i, _| w.connected(0, i));
    let found = collect_all(f.linkedin.my_connections()).await;
    assert_eq!(ids(&found), mine);
    assert!(found.iter().all(|p| p.distance == Some(Distance::First)));

    let mark = f.mark();
    let two = collect_all(f.linkedin.my_connections().limit(2)).await;
    f.snapshot("search_my_connections", mark, &two);
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "the own profile was cached");
    assert_eq!(
        filters(&sent[0])[1..],
        [
            (
                "connectionOf".to_owned(),
                vec![w.people[0].profile_id.clone()]
            ),
            ("network".to_owned(), vec!["F".to_owned()]),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_companies_finds_linkedin_first() {
    let w = world();
    let f = common::start().await;
    let mark = f.mark();
    let found = collect_all(f.linkedin.search_companies("linkedin")).await;
    f.snapshot("search_search_companies", mark, &found);
    let expected: Vec<String> = w
        .companies
        .iter()
        .filter(|c| c.matches_keywords("linkedin"))
        .map(|c| c.id.to_string())
        .collect();
    let got: Vec<String> = found.iter().map(|c| c.company_id.clone()).collect();
    assert_eq!(got, expected);
    let first = &found[0];
    assert_eq!(first.company_id, "1337");
    assert_eq!(first.urn, "urn:li:company:1337");
    assert_eq!(first.name, "LinkedIn");
    assert_eq!(first.universal_name.as_deref(), Some("linkedin"));
    assert_eq!(
        first.headline.as_deref(),
        Some("Software Development · Sunnyvale, California")
    );
    assert_eq!(first.subline.as_deref(), Some("31400000 followers"));
    let sent = f.sent_since(mark);
    assert_eq!(
        filters(&sent[0]),
        [("resultType".to_owned(), vec!["COMPANIES".to_owned()])]
    );

    // Every company with an industry word in its tagline, over pages.
    let all_data = collect_all(f.linkedin.search_companies("data")).await;
    let want = w
        .companies
        .iter()
        .filter(|c| c.matches_keywords("data"))
        .count();
    assert_eq!(all_data.len(), want);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_posts_finds_posts_by_their_text() {
    let w = world();
    let f = common::start().await;
    let expected: Vec<_> = w
        .posts
        .iter()
        .filter(|p| !p.promoted && p.matches_keywords("Kubernetes"))
        .collect();
    assert!(expected.len() > 3);
    let found = collect_all(f.linkedin.search_posts("Kubernetes")).await;
    assert_eq!(found.len(), expected.len());
    for (r, p) in found.iter().zip(&expected) {
        assert_eq!(r.urn, format!("urn:li:activity:{}", p.activity_id));
        assert_eq!(r.text.as_deref(), Some(p.text.as_str()));
        let author = match p.author {
            Author::Person(i) => format!("{} {}", w.people[i].first_name, w.people[i].last_name),
            Author::Company(c) => w.companies[c].name.clone(),
        };
        assert_eq!(r.author_name, author);
        assert_eq!(
            r.url.as_deref(),
            Some(
                format!(
                    "https://www.linkedin.com/feed/update/urn:li:activity:{}/",
                    p.activity_id
                )
                .as_str()
            )
        );
    }
    let mark = f.mark();
    let first = collect_all(f.linkedin.search_posts("Kubernetes").limit(2)).await;
    f.snapshot("search_search_posts", mark, &first);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_gives_raw_entity_results_of_any_kind() {
    let w = world();
    let f = common::start().await;
    let keywords = w.people[3].last_name.clone();
    let expected = world_ids(&w, |_, p| p.matches_keywords(&keywords));

    let mark = f.mark();
    let found = collect_all(f.linkedin.search(Search::keywords(&keywords)).limit(3)).await;
    f.snapshot("search_search", mark, &found);
    assert_eq!(found.len(), 3);
    for r in &found {
        let urn = r.target_urn().unwrap();
        let id = urn.strip_prefix("urn:li:fsd_profile:").unwrap();
        assert!(expected.contains(id));
        assert!(r.raw()["navigationUrl"].as_str().unwrap().contains("/in/"));
    }
    let sent = f.sent_since(mark);
    assert!(
        filters(&sent[0]).is_empty(),
        "no result type: LinkedIn's blended search"
    );

    let companies = collect_all(
        f.linkedin.search(
            Search::keywords("robots")
                .result_type(ResultType::Companies)
                .filter("companySize", &["B", "C"]),
        ),
    )
    .await;
    let want: Vec<String> = w
        .companies
        .iter()
        .filter(|c| c.matches_keywords("robots"))
        .map(|c| format!("urn:li:company:{}", c.id))
        .collect();
    let got: Vec<String> = companies
        .iter()
        .map(|c| c.tracking_urn.clone().unwrap())
        .collect();
    assert_eq!(got, want);
}

/// The ids of the world's jobs that `keep` keeps, in the world's order.
fn job_ids(w: &World, keep: impl Fn(&linkedin_sandbox::world::Job) -> bool) -> Vec<String> {
    w.jobs
        .iter()
        .filter(|j| keep(j))
        .map(|j| j.id.to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_jobs_looks_back_one_day_by_default() {
    let w = world();
    let f = common::start().await;
    let expected = job_ids(&w, |j| j.listed_at + DAY_SECS * 1000 >= PRESENT_MS);
    assert!(!expected.is_empty() && expected.len() < w.jobs.len());

    let mark = f.mark();
    let found = collect_all(f.linkedin.search_jobs(JobSearch::new())).await;
    f.snapshot("search_search_jobs", mark, &found);
    let got: Vec<String> = found.iter().map(|j| j.job_id.clone()).collect();
    assert_eq!(got, expected);
    for r in &found {
        let job = w
            .jobs
            .iter()
            .find(|j| j.id.to_string() == r.job_id)
            .unwrap();
        assert_eq!(r.urn, format!("urn:li:jobPosting:{}", job.id));
        assert_eq!(r.title, job.title);
        assert_eq!(
            r.company_name.as_deref(),
            Some(w.companies[job.company].name.as_str())
        );
        assert_eq!(r.location.as_deref(), Some(job.location.as_str()));
    }
    let sent = f.sent_since(mark);
    assert_eq!(sent[0]["path"], "/voyager/api/voyagerJobsDashJobCards");
    assert_eq!(
        sent[0]["query"]["query"]["selectedFilters"]["timePostedRange"],
        serde_json::json!(["r86400"])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_jobs_filters_and_pages() {
    let w = world();
    let f = common::start().await;
    let month = Duration::from_secs(30 * DAY_SECS);

    // Every job of the last month: two pages of at most 49.
    let mark = f.mark();
    let every = collect_all(f.linkedin.search_jobs(JobSearch::new().listed_at(month))).await;
    assert_eq!(every.len(), w.jobs.len());
    let starts: Vec<Value> = f
        .sent_since(mark)
        .iter()
        .map(|r| r["query"]["start"].clone())
        .collect();
    assert_eq!(starts, ["0", "49"]);
    assert!(
        f.sent_since(mark)
            .iter()
            .all(|r| r["query"]["count"] == "49")
    );

    let company = &w.companies[w.jobs[0].company];
    let industry_of = |c: usize| {
        w.people
            .iter()
            .find(|p| p.industry == w.companies[c].industry)
            .map(|p| p.industry_id)
    };
    let cases: Vec<(&str, JobSearch, Vec<String>)> = vec![
        (
            "companies",
            JobSearch::new()
                .listed_at(month)
                .companies(&[company.id.to_string()]),
            job_ids(&w, |j| j.company == w.jobs[0].company),
        ),
        (
            "remote + job_type",
            JobSearch::new()
                .listed_at(month)
                .remote(&[Workplace::Remote, Workplace::Hybrid])
                .job_type(&[JobType::FullTime, JobType::Contract]),
            job_ids(&w, |j| {
                (j.workplace == "REMOTE" || j.workplace == "HYBRID")
                    && (j.employment == "FULL_TIME" || j.employment == "CONTRACT")
            }),
        ),
        (
            "experience",
            JobSearch::new()
                .listed_at(month)
                .experience(&[ExperienceLevel::MidSenior, ExperienceLevel::Director]),
            job_ids(&w, |j| {
                j.experience_level == "MID_SENIOR" || j.experience_level == "DIRECTOR"
            }),
        ),
        (
            "industries",
            JobSearch::new().listed_at(month).industries(&["4"]),
            job_ids(&w, |j| industry_of(j.company) == Some(4)),
        ),
        (
            "keywords + location_name",
            JobSearch::keywords("engineer")
                .listed_at(month)
                .location_name(&w.jobs[0].location),
            job_ids(&w, |j| {
                matches_keywords("engineer", &[&j.title, &j.description, &j.skills.join(" ")])
                    && matches_keywords(&w.jobs[0].location, &[&j.location])
            }),
        ),
        (
            "a week",
            JobSearch::new().listed_at(Duration::from_secs(7 * DAY_SECS)),
            job_ids(&w, |j| j.listed_at + 7 * DAY_SECS * 1000 >= PRESENT_MS),
        ),
    ];
    for (name, query, expected) in cases {
        assert!(!expected.is_empty(), "{name}: the world has none");
        let found = collect_all(f.linkedin.search_jobs(query)).await;
        let got: Vec<String> = found.iter().map(|j| j.job_id.clone()).collect();
        assert_eq!(got, expected, "{name}");
    }

    // Every filter of the Python client in one request (title ids and distance are sent;
    // the world has no standardized titles or coordinates to apply them to).
    let mark = f.mark();
    let found = collect_all(
        f.linkedin.search_jobs(
            JobSearch::keywords("software engineer")
                .companies(&["1441", "urn:li:company:162479"])
                .experience(&[ExperienceLevel::EntryLevel, ExperienceLevel::Associate])
                .job_type(&[JobType::FullTime, JobType::Temporary])
                .job_title(&["9", "30006"])
                .industries(&["24", "6"])
                .location_name("San Francisco")
                .remote(&[Workplace::OnSite])
                .listed_at(Duration::from_secs(1_000_000))
                .distance(25)
                .offset(3),
        ),
    )
    .await;
    assert!(found.is_empty());
    f.snapshot("search_search_jobs_every_filter", mark, &found);
    let query = &f.sent_since(mark)[0]["query"];
    assert_eq!(query["start"], "3");
    assert_eq!(query["q"], "jobSearch");
    assert_eq!(query["query"]["origin"], "JOB_SEARCH_PAGE_QUERY_EXPANSION");
    assert_eq!(query["query"]["locationFallback"], "San Francisco");
    let keys: Vec<&String> = query["query"]["selectedFilters"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(keys.len(), 8, "{keys:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_queries_are_refused_before_anything_is_sent() {
    let f = common::start().await;
    let mark = f.mark();
    let li = &f.linkedin;
    let people: Vec<(&str, PeopleSearch)> = vec![
        ("keywords", PeopleSearch::keywords("   ")),
        ("keywords", PeopleSearch::keywords("x".repeat(1001))),
        (
            "connection_of",
            PeopleSearch::new().connection_of("bill-gates"),
        ),
        (
            "current_company",
            PeopleSearch::new().current_company(&["LinkedIn"]),
        ),
        (
            "past_companies",
            PeopleSearch::new().past_companies(&["urn:li:fsd_profile:ACoAAB"]),
        ),
        ("regions", PeopleSearch::new().regions(&["New York"])),
        ("industries", PeopleSearch::new().industries(&[""])),
        ("schools", PeopleSearch::new().schools(&["1,2"])),
        (
            "profile_languages",
            PeopleSearch::new().profile_languages(&["english"]),
        ),
        (
            "service_categories",
            PeopleSearch::new().service_categories(&["plumbing"]),
        ),
        (
            "nonprofit_interests",
            PeopleSearch::new().nonprofit_interests(&[" "]),
        ),
        (
            "keyword_first_name",
            PeopleSearch::new().keyword_first_name(""),
        ),
        ("keyword_title", PeopleSearch::new().title("t".repeat(201))),
    ];
    for (field, query) in people {
        let err = li.search_people(query).try_next().await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field: f, .. } if *f == field),
            "{field}: {err}"
        );
    }
    let err = li
        .profile_connections("not a profile")
        .try_next()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "profile",
                ..
            }
        ),
        "{err}"
    );
    let err = li.search_companies("").try_next().await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "keywords",
                ..
            }
        ),
        "{err}"
    );
    let err = li.search_posts(" ").try_next().await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "keywords",
                ..
            }
        ),
        "{err}"
    );
    for query in [
        Search::new().filter("geo urn", &["1"]),
        Search::new().filter("resultType", &["PEOPLE"]),
        Search::new().filter("geoUrn", &[""]),
    ] {
        let err = li.search(query).try_next().await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "filter",
                    ..
                }
            ),
            "{err}"
        );
    }
    let jobs: Vec<(&str, JobSearch)> = vec![
        ("companies", JobSearch::new().companies(&["Acme"])),
        ("job_title", JobSearch::new().job_title(&["Engineer"])),
        (
            "industries",
            JobSearch::new().industries(&["urn:li:company:1"]),
        ),
        ("location_name", JobSearch::new().location_name("")),
        ("listed_at", JobSearch::new().listed_at(Duration::ZERO)),
        ("distance", JobSearch::new().distance(0)),
    ];
    for (field, query) in jobs {
        let err = li.search_jobs(query).try_next().await.unwrap_err();
        assert!(
            matches!(&err, Error::InvalidInput { field: f, .. } if *f == field),
            "{field}: {err}"
        );
    }
    assert!(f.sent_since(mark).is_empty(), "{:?}", f.sent_since(mark));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn linkedin_errors_end_the_stream() {
    // LinkedIn answers 501 to a search clusters query for jobs.
    let f = common::start().await;
    let err = common::first_error(
        f.linkedin
            .search(Search::keywords("rust").result_type(ResultType::Jobs)),
    )
    .await;
    let Error::Transport(linkedin_api::transport::Error::Status { code, .. }) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*code, 501);

    // A challenge on the second page: the first page's people, then the challenge.
    let f = common::start_with(Faults {
        challenge_after: Some(2),
        ..Faults::default()
    })
    .await;
    let mut stream = f
        .linkedin
        .search_people(PeopleSearch::new().network(&[Network::First]));
    let mut people = 0;
    let err = loop {
        match stream.try_next().await {
            Ok(Some(_)) => people += 1,
            Ok(None) => panic!("the stream ended without the challenge"),
            Err(e) => break e,
        }
    };
    assert_eq!(people, 49);
    assert!(
        matches!(
            err,
            Error::Transport(linkedin_api::transport::Error::Challenge { .. })
        ),
        "{err:?}"
    );
    assert!(
        stream.try_next().await.unwrap().is_none(),
        "the stream ended"
    );
}
