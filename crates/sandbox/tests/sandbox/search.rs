//! The search endpoints over real loopback HTTP, checked against the world the sandbox serves:
//! every people filter of the search clusters, posts (`resultType:CONTENT`), the links of
//! results, keyword matching, and the job search's filters including the time posted.

use std::collections::BTreeSet;

use crate::common::api::{
    Api, at_root, has_types, included, matches, results, search_clusters, start, url, world,
};
use http::StatusCode;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::world::clock::PRESENT_MS;
use linkedin_sandbox::world::{Author, Person, World};
use serde_json::{Value, json};

/// A search clusters request: the result type, keywords, more filters, a page of 49.
fn search(result_type: &str, keywords: Option<&str>, filters: Value, start: usize) -> String {
    search_clusters(result_type, keywords, filters, start, Some(49))
}

/// Every result of a search, page after page (default encoding).
async fn every(
    api: &mut Api,
    result_type: &str,
    keywords: Option<&str>,
    filters: &Value,
) -> Vec<Value> {
    let mut out = Vec::new();
    loop {
        let body = api
            .ok(
                &search(result_type, keywords, filters.clone(), out.len()),
                false,
            )
            .await;
        let page = results(&body);
        let total = at_root(&body, endpoints::SEARCH_CLUSTERS)["paging"]["total"]
            .as_u64()
            .unwrap();
        if page.is_empty() {
            assert_eq!(out.len() as u64, total);
            return out;
        }
        out.extend(page);
    }
}

/// The profile ids of people results.
fn profile_ids(results: &[Value]) -> BTreeSet<String> {
    results
        .iter()
        .map(|r| {
            let urn = r["entityUrn"].as_str().unwrap();
            urn.strip_prefix("urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:")
                .and_then(|rest| rest.split(',').next())
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// The profile ids of everyone but the demo account that `keep` keeps.
fn people(w: &World, keep: impl Fn(usize, &Person) -> bool) -> BTreeSet<String> {
    w.people
        .iter()
        .enumerate()
        .filter(|&(i, p)| i != 0 && keep(i, p))
        .map(|(_, p)| p.profile_id.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_people_filter_narrows_by_the_world() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let company = |c: usize| w.companies[c].id.to_string();
    let current = |p: &Person| -> Vec<usize> {
        p.experiences
            .iter()
            .filter(|e| e.end.is_none())
            .map(|e| e.company)
            .collect()
    };
    let school = w.schools[3].id.to_string();
    let cases: Vec<(&str, Value, BTreeSet<String>)> = vec![
        (
            "currentCompany",
            json!([{"key": "currentCompany", "value": [company(1), format!("urn:li:company:{}", company(9))]}]),
            people(&w, |_, p| current(p).iter().any(|&c| c == 1 || c == 9)),
        ),
        (
            "pastCompany",
            json!([{"key": "pastCompany", "value": [company(3)]}]),
            people(&w, |_, p| {
                p.experiences
                    .iter()
                    .any(|e| e.end.is_some() && e.company == 3)
            }),
        ),
        (
            "schools",
            json!([{"key": "schools", "value": [school]}]),
            people(&w, |_, p| p.education.iter().any(|e| e.school == 3)),
        ),
        (
            "profileLanguage",
            json!([{"key": "profileLanguage", "value": ["de | ja"]}]),
            people(&w, |_, p| {
                p.languages.iter().any(|l| l == "German" || l == "Japanese")
            }),
        ),
        (
            "geoUrn as URN, industry",
            json!([
                {"key": "geoUrn", "value": ["urn:li:fsd_geo:102257491"]},
                {"key": "industry", "value": ["96"]},
            ]),
            people(&w, |_, p| p.geo_id == 102_257_491 && p.industry_id == 96),
        ),
        (
            "title",
            json!([{"key": "title", "value": ["data engineer"]}]),
            people(&w, |_, p| {
                let titles: Vec<&str> = p
                    .experiences
                    .iter()
                    .filter(|e| e.end.is_none())
                    .map(|e| e.title.as_str())
                    .collect();
                matches(
                    "data engineer",
                    &format!("{} {}", p.headline, titles.join(" ")),
                )
            }),
        ),
        (
            "company",
            json!([{"key": "company", "value": ["Fennel & Frost"]}]),
            people(&w, |_, p| {
                current(p)
                    .iter()
                    .any(|&c| w.companies[c].name == "Fennel & Frost")
            }),
        ),
        (
            "school",
            json!([{"key": "school", "value": ["Lakeshore"]}]),
            people(&w, |_, p| {
                p.education
                    .iter()
                    .any(|e| w.schools[e.school].name == "Lakeshore University")
            }),
        ),
        (
            "connectionOf as URN",
            json!([{"key": "connectionOf", "value": [format!("urn:li:fsd_profile:{}", w.people[9].profile_id)]}]),
            people(&w, |i, _| w.connected(9, i)),
        ),
    ];
    for (name, filters, expected) in cases {
        assert!(!expected.is_empty(), "{name}: the world has none");
        let found = every(&mut api, "PEOPLE", None, &filters).await;
        assert_eq!(profile_ids(&found), expected, "{name}");
    }

    // Facets the world records nothing for match nobody.
    for key in ["serviceCategory", "nonprofitInterest", "contactInterest"] {
        let filters = json!([{"key": key, "value": ["220"]}]);
        let body = api.ok(&search("PEOPLE", None, filters, 0), false).await;
        assert_eq!(
            at_root(&body, endpoints::SEARCH_CLUSTERS)["paging"]["total"],
            0,
            "{key}"
        );
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keywords_match_word_by_word_ignoring_punctuation() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let hub = &w.people[2];
    for keywords in [
        "Hiring (Rust), Kubernetes",
        "'data' & engineers",
        "BRIGHTMOOR recruiter",
    ] {
        let found = every(&mut api, "PEOPLE", Some(keywords), &json!([])).await;
        let expected = people(&w, |_, p| {
            matches(
                keywords,
                &format!("{} {} {}", p.first_name, p.last_name, p.headline),
            )
        });
        assert_eq!(profile_ids(&found), expected, "{keywords}");
        assert!(expected.contains(&hub.profile_id), "{keywords}");
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_link_the_pages_of_people_and_companies() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let hub = &w.people[2];
    let body = api
        .ok(
            &search(
                "PEOPLE",
                Some(&format!("{} {}", hub.first_name, hub.last_name)),
                json!([]),
                0,
            ),
            false,
        )
        .await;
    let first = &results(&body)[0];
    assert_eq!(
        first["navigationUrl"],
        format!(
            "https://www.linkedin.com/in/{}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A{}",
            hub.public_id, hub.profile_id
        )
    );
    let body = api
        .ok(
            &search("COMPANIES", Some("Lumen & Ledger"), json!([]), 0),
            false,
        )
        .await;
    let found = results(&body);
    assert_eq!(found.len(), 1);
    let lumen = w
        .companies
        .iter()
        .find(|c| c.name == "Lumen & Ledger")
        .unwrap();
    assert_eq!(
        found[0]["trackingUrn"],
        format!("urn:li:company:{}", lumen.id)
    );
    assert_eq!(
        found[0]["navigationUrl"],
        format!("https://www.linkedin.com/company/{}/", lumen.universal_name)
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_search_finds_posts_in_both_encodings() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let expected: Vec<_> = w
        .posts
        .iter()
        .filter(|p| !p.promoted && matches("monolith", &p.text))
        .collect();
    assert!(expected.len() > 2);

    let found = every(&mut api, "CONTENT", Some("monolith"), &json!([])).await;
    assert_eq!(found.len(), expected.len());
    for (r, p) in found.iter().zip(&expected) {
        let urn = format!("urn:li:activity:{}", p.activity_id);
        assert_eq!(
            r["entityUrn"],
            format!("urn:li:fsd_entityResultViewModel:({urn},SEARCH_SRP,DEFAULT)")
        );
        assert_eq!(r["trackingUrn"], urn);
        assert_eq!(r["summary"]["text"], p.text);
        let author = match p.author {
            Author::Person(i) => format!("{} {}", w.people[i].first_name, w.people[i].last_name),
            Author::Company(c) => w.companies[c].name.clone(),
        };
        assert_eq!(r["title"]["text"], author);
        assert!(!has_types(r));
    }

    let body = api
        .ok(&search("CONTENT", Some("monolith"), json!([]), 0), true)
        .await;
    let items = at_root(&body["data"], endpoints::SEARCH_CLUSTERS)["elements"][0]["items"]
        .as_array()
        .unwrap();
    let urn = items[0]["item"]["*entityResult"].as_str().unwrap();
    let result = included(&body, urn);
    assert_eq!(
        result["$type"],
        "com.linkedin.voyager.dash.search.EntityResultViewModel"
    );
    assert_eq!(
        result["trackingUrn"],
        format!("urn:li:activity:{}", expected[0].activity_id)
    );

    // No post of the world is about this.
    let body = api
        .ok(&search("CONTENT", Some("zeppelin"), json!([]), 0), false)
        .await;
    assert_eq!(
        at_root(&body, endpoints::SEARCH_CLUSTERS)["paging"]["total"],
        0
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_are_not_searched_through_clusters_and_pages_stop_at_the_catalogue_maximum() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let resp = api
        .get(&search("JOBS", Some("rust"), json!([]), 0), true)
        .await;
    assert_eq!(resp.status, StatusCode::NOT_IMPLEMENTED);
    let endpoint = endpoints::SEARCH_CLUSTERS;
    assert_eq!(endpoint.max_count, Some(49));
    let vars = json!({"start": 0, "count": 50, "query": {"queryParameters": [{"key": "resultType", "value": ["PEOPLE"]}]}});
    let resp = api
        .get(
            &url(endpoints::SEARCH_CLUSTERS, &[], json!({}), Some(vars)),
            true,
        )
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    sandbox.shutdown().await;
}

/// A job search request with `selectedFilters`, every job of a page.
fn jobs(filters: Value, extra: Value) -> String {
    let mut query = json!({"selectedFilters": filters});
    if let Value::Object(more) = extra {
        for (k, v) in more {
            query[k] = v;
        }
    }
    url(
        endpoints::JOB_SEARCH,
        &[],
        json!({"start": 0, "count": 49, "query": query}),
        None,
    )
}

/// The job ids of a normalized job search answer.
fn job_ids(body: &Value) -> Vec<u64> {
    body["included"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["$type"] == "com.linkedin.voyager.dash.jobs.JobPosting")
        .map(|e| {
            e["trackingUrn"]
                .as_str()
                .unwrap()
                .strip_prefix("urn:li:jobPosting:")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_search_filters_by_time_posted_company_and_industry() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let month = json!(["r2592000"]);
    let within = |secs: u64| -> Vec<u64> {
        w.jobs
            .iter()
            .filter(|j| j.listed_at + secs * 1000 >= PRESENT_MS)
            .map(|j| j.id)
            .collect()
    };
    for secs in [86_400, 3 * 86_400, 7 * 86_400] {
        let body = api
            .ok(
                &jobs(json!({"timePostedRange": [format!("r{secs}")]}), json!({})),
                true,
            )
            .await;
        let expected = within(secs);
        assert_eq!(body["data"]["paging"]["total"], expected.len(), "{secs}");
        assert_eq!(job_ids(&body), expected, "{secs}");
    }
    assert!(within(86_400).len() < within(7 * 86_400).len());

    // A malformed range matches nothing, as LinkedIn finds no job for it.
    let body = api
        .ok(
            &jobs(json!({"timePostedRange": ["yesterday"]}), json!({})),
            true,
        )
        .await;
    assert_eq!(body["data"]["paging"]["total"], 0);

    let company = &w.companies[w.jobs[5].company];
    let body = api
        .ok(
            &jobs(
                json!({"timePostedRange": month, "company": [company.id.to_string()]}),
                json!({}),
            ),
            true,
        )
        .await;
    let expected: Vec<u64> = w
        .jobs
        .iter()
        .filter(|j| j.company == w.jobs[5].company)
        .map(|j| j.id)
        .collect();
    assert_eq!(job_ids(&body), expected);

    let industry_id = |name: &str| {
        w.people
            .iter()
            .find(|p| p.industry == name)
            .map(|p| p.industry_id)
            .unwrap()
    };
    let software = industry_id("Software Development");
    let body = api
        .ok(
            &jobs(
                json!({"timePostedRange": month, "industry": [software.to_string()], "title": ["9"], "distance": ["25"]}),
                json!({}),
            ),
            true,
        )
        .await;
    let expected: Vec<u64> = w
        .jobs
        .iter()
        .filter(|j| w.companies[j.company].industry == "Software Development")
        .map(|j| j.id)
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(
        job_ids(&body),
        expected,
        "title and distance filter nothing"
    );

    // Job types the world has none of.
    let body = api
        .ok(
            &jobs(
                json!({"timePostedRange": month, "jobType": ["T", "V"]}),
                json!({}),
            ),
            true,
        )
        .await;
    assert_eq!(body["data"]["paging"]["total"], 0);

    // Keywords and the place, ignoring punctuation.
    let place = w.jobs[0].location.clone();
    let body = api
        .ok(
            &jobs(
                json!({"timePostedRange": month}),
                json!({"locationFallback": place.replace(',', " ,")}),
            ),
            true,
        )
        .await;
    let expected: Vec<u64> = w
        .jobs
        .iter()
        .filter(|j| matches(&place, &j.location))
        .map(|j| j.id)
        .collect();
    assert_eq!(job_ids(&body), expected);
    sandbox.shutdown().await;
}

/// The queryId linkedin-api 2.3.1 sends (catalogue: `search_clusters_2_3_1`) is answered like
/// the current one, on purpose: nested with `_type` keys for its default accept, the same
/// results page by page (2.3.1 sends no `count`: pages of 10), as 2.3.1 builds the request
/// (raw keywords, `List(F | S)` with its spaces).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_2_3_1_query_id_answers_like_the_current_search_with_underscore_types() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let old = endpoints::SEARCH_CLUSTERS_2_3_1.query_id.unwrap();
    assert_ne!(Some(old), endpoints::SEARCH_CLUSTERS.query_id);
    // 2.3.1's wire form (voyager.md §1.2 search).
    let wire = |start: usize| {
        format!(
            "/voyager/api/graphql?variables=(start:{start},origin:GLOBAL_SEARCH_HEADER,query:(keywords:engineer,flagshipSearchIntent:SEARCH_SRP,queryParameters:List((key:resultType,value:List(PEOPLE)),(key:network,value:List(F%20%7C%20S))),includeFiltersInResponse:false))&queryId={old}"
        )
    };
    let current = |start: usize| {
        let vars = json!({"start": start, "count": 10, "query": {"keywords": "engineer", "queryParameters": [
            {"key": "resultType", "value": ["PEOPLE"]}, {"key": "network", "value": ["F", "S"]},
        ]}});
        url(endpoints::SEARCH_CLUSTERS, &[], json!({}), Some(vars))
    };
    for start in [0, 10] {
        let body = api.ok(&wire(start), false).await;
        let clusters = at_root(&body, endpoints::SEARCH_CLUSTERS_2_3_1);
        assert_eq!(
            clusters["_type"],
            "com.linkedin.restli.common.CollectionResponse"
        );
        assert!(!has_types(&body));
        let cluster = &clusters["elements"][0];
        assert_eq!(
            cluster["_type"],
            "com.linkedin.voyager.dash.search.SearchClusterViewModel"
        );
        let items = cluster["items"].as_array().unwrap();
        assert_eq!(items.len(), 10);
        assert_eq!(
            items[0]["_type"],
            "com.linkedin.voyager.dash.search.SearchItem"
        );
        assert_eq!(
            items[0]["item"]["entityResult"]["_type"],
            "com.linkedin.voyager.dash.search.EntityResultViewModel"
        );
        let old_urns: Vec<&Value> = items
            .iter()
            .map(|i| &i["item"]["entityResult"]["entityUrn"])
            .collect();
        let now = api.ok(&current(start), false).await;
        let now_urns: Vec<&Value> =
            at_root(&now, endpoints::SEARCH_CLUSTERS)["elements"][0]["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| &i["item"]["entityResult"]["entityUrn"])
                .collect();
        assert_eq!(old_urns, now_urns);
    }
}
