//! Search: the GraphQL search clusters (catalogue `search_clusters`: people, companies and
//! posts) and the job search (`/voyagerJobsDashJobCards?q=jobSearch`), answered from the world.
//!
//! Keywords match as LinkedIn's search box does, word by word, ignoring case and punctuation:
//! every word of the keywords must occur in the searched text. Filters with several values
//! match any of them (2.3.1 also joins values with `|` inside one: `List(F | S)`); different
//! filters must all match.
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types.

use http::StatusCode;
use serde_json::{Value, json};

use super::jobs::workplace_code;
use super::{Answer, Call, collection, graphql, text, variables};
use crate::world::clock::PRESENT_MS;
use crate::world::{Author, Company, Index, Job, Keywords, Person, Post, World};

/// The largest page a search answers when the catalogue gives none (2.3.1's
/// `_MAX_SEARCH_COUNT`: "max seems to be 49").
const MAX_SEARCH_COUNT: usize = 49;
/// The page size of a search that sends no `count`.
const DEFAULT_SEARCH_COUNT: usize = 10;

pub(super) const ENTITY_RESULT_TYPE: &str =
    "com.linkedin.voyager.dash.search.EntityResultViewModel";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Whether every word of `keywords` occurs in `haystack`; no keywords match everything.
fn matches_keywords(keywords: Option<&str>, haystack: &[&str]) -> bool {
    keywords.is_none_or(|k| crate::world::matches_keywords(k, haystack))
}

/// A non-negative integer parameter: `Ok(None)` when absent, `Err` when malformed.
pub(super) fn count_param(value: Option<&str>) -> Result<Option<usize>, ()> {
    value
        .map(|v| v.parse::<usize>().map_err(|_| ()))
        .transpose()
}

/// The largest page the endpoint takes.
fn max_count(call: &Call<'_>) -> usize {
    call.endpoint
        .max_count
        .map_or(MAX_SEARCH_COUNT, |m| m as usize)
}

/// `id` without one of the URN prefixes LinkedIn also accepts for a facet value.
fn bare_id<'v>(value: &'v str, prefixes: &[&str]) -> &'v str {
    prefixes
        .iter()
        .find_map(|p| value.strip_prefix(p))
        .unwrap_or(value)
}

/// The ISO 639-1 code of a language name of the world (the `profileLanguage` facet takes
/// codes: `en`, `fr`...).
fn language_code(name: &str) -> Option<&'static str> {
    Some(match name {
        "English" => "en",
        "French" => "fr",
        "German" => "de",
        "Spanish" => "es",
        "Portuguese" => "pt",
        "Japanese" => "ja",
        "Hindi" => "hi",
        "Yoruba" => "yo",
        "Swahili" => "sw",
        "Polish" => "pl",
        "Swedish" => "sv",
        "Mandarin" => "zh",
        "Arabic" => "ar",
        "Dutch" => "nl",
        "Italian" => "it",
        _ => return None,
    })
}

/// The `urn:li:fsd_industry:` id of an industry name (the world gives each person both).
fn industry_id(world: &World, name: &str) -> Option<u64> {
    world
        .people
        .iter()
        .find(|p| p.industry == name)
        .map(|p| p.industry_id)
}

// ---------------------------------------------------------------------------------------
// Job search
// ---------------------------------------------------------------------------------------

/// The `jobType` filter code of an employment type (T temporary and V volunteer: none in the
/// world).
fn job_type_code(employment: &str) -> &'static str {
    match employment {
        "FULL_TIME" => "F",
        "PART_TIME" => "P",
        "CONTRACT" => "C",
        "INTERNSHIP" => "I",
        _ => "O",
    }
}

/// The `experience` filter code of a seniority (1 internship .. 6 executive).
fn experience_code(level: &str) -> &'static str {
    match level {
        "ENTRY_LEVEL" => "2",
        "ASSOCIATE" => "3",
        "MID_SENIOR" => "4",
        "DIRECTOR" => "5",
        "EXECUTIVE" => "6",
        _ => "1",
    }
}

/// Whether `job` was listed within `range` (`r<seconds>`) of the world's present.
fn posted_within(job: &Job, range: &str) -> bool {
    range
        .strip_prefix('r')
        .and_then(|s| s.parse::<u64>().ok())
        .is_some_and(|secs| job.listed_at.saturating_add(secs.saturating_mul(1000)) >= PRESENT_MS)
}

/// Whether `job` passes the `selectedFilters` of a job search: company ids, workplace type
/// (1 on-site, 2 remote, 3 hybrid), job type, experience level, industry ids of the company
/// and the time posted (`r<seconds>` before the world's present). Title ids and distance are
/// not in the world (no standardized titles, no coordinates): they filter nothing.
fn job_passes(world: &World, job: &Job, filters: Option<&restli::Value>) -> bool {
    let Some(filters) = filters.and_then(restli::Value::as_map) else {
        return true;
    };
    let company = world.companies.get(job.company);
    filters.iter().all(|(key, values)| {
        let values: Vec<&str> = values
            .as_list()
            .map(|l| l.iter().filter_map(restli::Value::as_str).collect())
            .unwrap_or_default();
        let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
        match key {
            "company" => any(&|v| {
                let v = bare_id(v, &["urn:li:company:", "urn:li:fsd_company:"]);
                company.is_some_and(|c| c.id.to_string() == v)
            }),
            "workplaceType" => any(&|v| v == workplace_code(&job.workplace)),
            "jobType" => any(&|v| v == job_type_code(&job.employment)),
            "experience" => any(&|v| v == experience_code(&job.experience_level)),
            "industry" => any(&|v| {
                let id = company.and_then(|c| industry_id(world, &c.industry));
                id.is_some_and(|id| id.to_string() == v)
            }),
            "timePostedRange" => any(&|v| posted_within(job, v)),
            _ => true,
        }
    })
}

/// `GET /voyagerJobsDashJobCards?q=jobSearch&query=(…)&start=&count=`: job cards, each
/// pointing at its `com.linkedin.voyager.dash.jobs.JobPosting` (with `trackingUrn`), paged with
/// `paging.total`; a count over 49 is a 400. Keywords match the title, the description and
/// the skills; `locationFallback` matches the place's name.
pub(super) fn job_search(call: &mut Call<'_>) -> Answer {
    let (Ok(count), Ok(start)) = (
        count_param(call.text("count").as_deref()),
        count_param(call.text("start").as_deref()),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let count = count.unwrap_or(DEFAULT_SEARCH_COUNT);
    let start = start.unwrap_or(0);
    if count > max_count(call) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let query = call.query.value("query").ok().flatten();
    let keywords = query.as_ref().and_then(|q| q.get("keywords")?.as_str());
    let location = query
        .as_ref()
        .and_then(|q| q.get("locationFallback")?.as_str());
    let filters = query.as_ref().and_then(|q| q.get("selectedFilters"));
    let world = &*call.world;
    let found: Vec<&Job> = world
        .jobs
        .iter()
        .filter(|job| {
            let mut hay = vec![job.title.as_str(), job.description.as_str()];
            hay.extend(job.skills.iter().map(String::as_str));
            matches_keywords(keywords, &hay)
                && location.is_none_or(|l| matches_keywords(Some(l), &[&job.location]))
                && job_passes(world, job, filters)
        })
        .collect();
    let elements = found
        .iter()
        .skip(start)
        .take(count)
        .map(|job| {
            let company = world
                .companies
                .get(job.company)
                .map_or("", |c| c.name.as_str());
            json!({
                "entityUrn": format!("urn:li:fsd_jobPostingCard:({},JOBS_SEARCH)", job.id),
                "jobPostingUrn": format!("urn:li:fsd_jobPosting:{}", job.id),
                "jobPostingTitle": job.title,
                "primaryDescription": text(company),
                "secondaryDescription": text(&job.location),
                "jobPosting": {
                    "entityUrn": format!("urn:li:fsd_jobPosting:{}", job.id),
                    "title": job.title,
                    "trackingUrn": format!("urn:li:jobPosting:{}", job.id),
                    "$type": "com.linkedin.voyager.dash.jobs.JobPosting",
                },
                "$type": "com.linkedin.voyager.dash.jobs.JobPostingCard",
            })
        })
        .collect();
    Answer::ok(collection(elements, start, count, found.len()))
}

// ---------------------------------------------------------------------------------------
// Search clusters
// ---------------------------------------------------------------------------------------

/// The filters of `query.queryParameters`: each key with its values, where a value may hold
/// several joined with `|` (2.3.1 sends `List(F | S)`).
fn search_filters(query: Option<&restli::Value>) -> Vec<(String, Vec<String>)> {
    let Some(list) = query
        .and_then(|q| q.get("queryParameters"))
        .and_then(restli::Value::as_list)
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|entry| {
            let key = entry.get("key")?.as_str()?.to_owned();
            let values = entry
                .get("value")?
                .as_list()?
                .iter()
                .filter_map(restli::Value::as_str)
                .flat_map(|v| v.split('|'))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            Some((key, values))
        })
        .collect()
}

/// The network code (F, S, O) and `memberDistance` of a degree; 3rd and beyond are `O`.
fn network(distance: Option<u32>) -> (&'static str, &'static str) {
    match distance {
        Some(1) => ("F", "DISTANCE_1"),
        Some(2) => ("S", "DISTANCE_2"),
        _ => ("O", "DISTANCE_3"),
    }
}

/// Whether person `i` passes every people filter. Ids may come bare (as 2.3.1 sends them) or
/// as URNs. The world records no service categories, nonprofit interests or contact
/// interests, so those facets match nobody; unknown keys filter nothing.
fn person_passes(
    world: &World,
    index: &Index,
    i: usize,
    code: &str,
    filters: &[(String, Vec<String>)],
) -> bool {
    let p = &world.people[i];
    let company_id = |c: usize| world.companies.get(c).map_or(0, |c| c.id).to_string();
    let current = || p.experiences.iter().filter(|e| e.end.is_none());
    filters.iter().all(|(key, values)| {
        let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
        match key.as_str() {
            "network" => any(&|v| v == code),
            "connectionOf" => any(&|v| {
                let v = bare_id(v, &["urn:li:fsd_profile:", "urn:li:fs_miniProfile:"]);
                index
                    .person_by_profile_id(v)
                    .is_some_and(|o| index.connected(o, i))
            }),
            "currentCompany" => any(&|v| {
                let v = bare_id(v, &["urn:li:company:", "urn:li:fsd_company:"]);
                current().any(|e| company_id(e.company) == v)
            }),
            "pastCompany" => any(&|v| {
                let v = bare_id(v, &["urn:li:company:", "urn:li:fsd_company:"]);
                p.experiences
                    .iter()
                    .any(|e| e.end.is_some() && company_id(e.company) == v)
            }),
            "geoUrn" => {
                any(&|v| bare_id(v, &["urn:li:fsd_geo:", "urn:li:geo:"]) == p.geo_id.to_string())
            }
            "industry" => any(&|v| {
                bare_id(v, &["urn:li:fsd_industry:", "urn:li:industry:"])
                    == p.industry_id.to_string()
            }),
            "profileLanguage" => any(&|v| {
                p.languages
                    .iter()
                    .any(|l| language_code(l).is_some_and(|c| c.eq_ignore_ascii_case(v)))
            }),
            "schools" => any(&|v| {
                let v = bare_id(
                    v,
                    &["urn:li:fsd_school:", "urn:li:school:", "urn:li:company:"],
                );
                p.education.iter().any(|e| {
                    world
                        .schools
                        .get(e.school)
                        .is_some_and(|s| s.id.to_string() == v)
                })
            }),
            "serviceCategory" | "nonprofitInterest" | "contactInterest" => false,
            "firstName" => any(&|v| p.first_name.eq_ignore_ascii_case(v)),
            "lastName" => any(&|v| p.last_name.eq_ignore_ascii_case(v)),
            "title" => any(&|v| {
                let mut hay = vec![p.headline.as_str()];
                hay.extend(current().map(|e| e.title.as_str()));
                matches_keywords(Some(v), &hay)
            }),
            "company" => any(&|v| {
                let names: Vec<&str> = current()
                    .filter_map(|e| world.companies.get(e.company))
                    .map(|c| c.name.as_str())
                    .collect();
                matches_keywords(Some(v), &names)
            }),
            "school" => any(&|v| {
                let names: Vec<&str> = p
                    .education
                    .iter()
                    .filter_map(|e| world.schools.get(e.school))
                    .map(|s| s.name.as_str())
                    .collect();
                matches_keywords(Some(v), &names)
            }),
            _ => true,
        }
    })
}

/// A person's result. `navigationUrl` (the profile's page, as LinkedIn links it with the
/// `miniProfileUrn`) is not in the reference's example; it follows LinkedIn's results, which
/// carry the page of what they show.
fn person_result(p: &Person, distance: &str) -> Value {
    json!({
        "entityUrn": format!("urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:{},SEARCH_SRP,DEFAULT)", p.profile_id),
        "title": text(&p.full_name()),
        "primarySubtitle": text(&p.headline),
        "secondarySubtitle": text(&p.location),
        "navigationUrl": format!(
            "https://www.linkedin.com/in/{}?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A{}",
            p.public_id, p.profile_id
        ),
        "entityCustomTrackingInfo": {"memberDistance": distance},
        "trackingUrn": format!("urn:li:member:{}", p.member_id),
        "$type": ENTITY_RESULT_TYPE,
    })
}

/// A company's result (`navigationUrl` as for people).
fn company_result(c: &Company) -> Value {
    json!({
        "entityUrn": format!("urn:li:fsd_entityResultViewModel:(urn:li:fsd_company:{},SEARCH_SRP,DEFAULT)", c.id),
        "title": text(&c.name),
        "primarySubtitle": text(&format!("{} · {}", c.industry, c.headquarters)),
        "secondarySubtitle": text(&format!("{} followers", c.followers)),
        "navigationUrl": format!("https://www.linkedin.com/company/{}/", c.universal_name),
        "trackingUrn": format!("urn:li:company:{}", c.id),
        "$type": ENTITY_RESULT_TYPE,
    })
}

/// A post's result for `resultType:CONTENT`. The reference records the request of a content
/// search (restli.md §10.1) but not its answer; this follows the shape of the other results:
/// an `EntityResultViewModel` whose target is the `urn:li:activity:`, titled with the author,
/// subtitled with the author's headline (a company's followers), the text as `summary`.
pub(super) fn post_result(world: &World, post: &Post) -> Value {
    let (author, subtitle) = match post.author {
        Author::Person(i) => world
            .people
            .get(i)
            .map(|p| (p.full_name(), p.headline.clone()))
            .unwrap_or_default(),
        Author::Company(c) => world
            .companies
            .get(c)
            .map(|c| (c.name.clone(), format!("{} followers", c.followers)))
            .unwrap_or_default(),
    };
    let urn = format!("urn:li:activity:{}", post.activity_id);
    json!({
        "entityUrn": format!("urn:li:fsd_entityResultViewModel:({urn},SEARCH_SRP,DEFAULT)"),
        "title": text(&author),
        "primarySubtitle": text(&subtitle),
        "summary": text(&post.text),
        "navigationUrl": format!("https://www.linkedin.com/feed/update/{urn}/"),
        "trackingUrn": urn,
        "$type": ENTITY_RESULT_TYPE,
    })
}

/// Catalogue `search_clusters` (GraphQL): under its data root, a collection of one cluster whose items hold the entity results of the page, paged by `start` and `count`
/// (10 when not sent; over 49 is a 400). `resultType` PEOPLE (the default; keywords on name
/// and headline, and the people filters of [`person_passes`]), COMPANIES (keywords on name
/// and tagline) and CONTENT (keywords on a post's text; promoted posts are ads, not results);
/// JOBS is a 501 as on LinkedIn; other types find nothing.
pub(super) fn search_clusters(call: &mut Call<'_>) -> Answer {
    let Some(vars) = variables(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let (Ok(start), Ok(count)) = (
        count_param(vars.get("start").and_then(restli::Value::as_str)),
        count_param(vars.get("count").and_then(restli::Value::as_str)),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let start = start.unwrap_or(0);
    let count = count.unwrap_or(DEFAULT_SEARCH_COUNT);
    if count > max_count(call) {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let query = vars.get("query");
    // The My Items intents are another persisted query's: this one answers them 401, without
    // touching the session (fs:56285346199).
    if query
        .and_then(|q| q.get("flagshipSearchIntent")?.as_str())
        .is_some_and(|intent| intent.starts_with("SEARCH_MY_ITEMS_"))
    {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let keywords = query.and_then(|q| q.get("keywords")?.as_str());
    let filters = search_filters(query);
    let result_type = filters
        .iter()
        .find(|(k, _)| k == "resultType")
        .and_then(|(_, v)| v.first().cloned())
        .unwrap_or_else(|| "PEOPLE".to_owned());
    // Matches are found without building anything; only the page's results are built.
    let world = &*call.world;
    let keywords = keywords.map(Keywords::new);
    let (total, results): (usize, Vec<Value>) = match result_type.as_str() {
        "PEOPLE" => {
            let me = call.me;
            let index = &mut *call.index;
            // Fresh distances (and links) for the caller: `connected` below reads them too.
            let dist = index.degrees(world, me).to_vec();
            let index = &*index;
            let found: Vec<usize> = (0..world.people.len())
                .filter(|&i| {
                    let (code, _) = network(dist[i]);
                    i != me
                        && keywords.as_ref().is_none_or(|k| index.matches_person(i, k))
                        && person_passes(world, index, i, code, &filters)
                })
                .collect();
            let page = found.iter().skip(start).take(count);
            let page = page.map(|&i| person_result(&world.people[i], network(dist[i]).1));
            (found.len(), page.collect())
        }
        "COMPANIES" => {
            let found: Vec<&Company> = world
                .companies
                .iter()
                .filter(|c| {
                    keywords
                        .as_ref()
                        .is_none_or(|k| k.found_in_all(&[&c.name, &c.tagline]))
                })
                .collect();
            let page = found.iter().skip(start).take(count);
            (found.len(), page.map(|c| company_result(c)).collect())
        }
        "CONTENT" => {
            let found: Vec<&Post> = world
                .posts
                .iter()
                .filter(|p| {
                    !p.promoted
                        && world.visible_to(call.me, p)
                        && keywords.as_ref().is_none_or(|k| k.found_in_all(&[&p.text]))
                })
                .collect();
            let page = found.iter().skip(start).take(count);
            (found.len(), page.map(|p| post_result(world, p)).collect())
        }
        "JOBS" => return Answer::error(StatusCode::NOT_IMPLEMENTED),
        _ => (0, Vec::new()),
    };
    let items: Vec<Value> = results
        .into_iter()
        .map(|result| {
            json!({"item": {"entityResult": result}, "$type": "com.linkedin.voyager.dash.search.SearchItem"})
        })
        .collect();
    let clusters = if items.is_empty() {
        Vec::new()
    } else {
        vec![
            json!({"items": items, "$type": "com.linkedin.voyager.dash.search.SearchClusterViewModel"}),
        ]
    };
    graphql(call.endpoint, collection(clusters, start, count, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_word_by_word_ignoring_punctuation() {
        let hay = ["Senior Recruiter | Hiring Rust, Kubernetes and data engineers"];
        assert!(matches_keywords(Some("hiring (rust), KUBERNETES"), &hay));
        assert!(matches_keywords(Some("'data' & engineers"), &hay));
        assert!(!matches_keywords(Some("rust python"), &hay));
        assert!(matches_keywords(None, &hay));
    }

    #[test]
    fn ids_may_come_as_urns() {
        assert_eq!(bare_id("urn:li:fsd_geo:105", &["urn:li:fsd_geo:"]), "105");
        assert_eq!(bare_id("105", &["urn:li:fsd_geo:"]), "105");
    }
}
