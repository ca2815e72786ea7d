//! People, jobs and search: dash profiles (REST and the GraphQL finders), profile components
//! (experience), job postings, job search and GraphQL search clusters.
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types. GraphQL answers put the query's root field
//! under `data`, so the normalized form has it at `data.data.<root>` as LinkedIn does.

use http::StatusCode;
use serde_json::{Map, Value, json};

use super::{Answer, COLLECTION_TYPE, Call, collection, graphql, text, variables};
use crate::world::{Company, Job, Person, World};

/// The largest page a search answers (2.3.1's `_MAX_SEARCH_COUNT`: "max seems to be 49").
const MAX_SEARCH_COUNT: usize = 49;
/// The page size of a search that sends no `count`.
const DEFAULT_SEARCH_COUNT: usize = 10;
/// The world's present month (the generator's `NOW`, November 2026), for "Present" durations.
const PRESENT: (u16, u8) = (2026, 11);

const PROFILE_TYPE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";

/// The answer for `call` if it is one of this module's endpoints.
pub(super) fn answer(call: &mut Call<'_>) -> Option<Answer> {
    Some(match call.endpoint.name {
        "profile" => profile(call),
        "profile_dash_by_vanity" => dash_by_member_identity(call),
        "profile_by_vanity" | "profile_by_vanity_full" => {
            by_identity(call, "vanityName", profile_entity)
        }
        "profile_by_member_identity" => by_identity(call, "memberIdentity", profile_entity),
        "profile_urn_by_member_identity" => by_identity(call, "memberIdentity", minimal_profile),
        "profile_by_urn" => by_urn(call),
        "profile_experiences" => experiences(call)?,
        "job_posting" => job_posting(call),
        "job_search" => job_search(call),
        "search_clusters" => search_clusters(call),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Whether every whitespace-separated word of `keywords` occurs in `haystack`, ignoring case.
fn matches_keywords(keywords: Option<&str>, haystack: &[&str]) -> bool {
    let Some(keywords) = keywords else {
        return true;
    };
    let hay = haystack.join(" ").to_lowercase();
    keywords
        .to_lowercase()
        .split_whitespace()
        .all(|word| hay.contains(word))
}

/// A non-negative integer parameter: `Ok(None)` when absent, `Err` when malformed.
fn count_param(value: Option<&str>) -> Result<Option<usize>, ()> {
    value
        .map(|v| v.parse::<usize>().map_err(|_| ()))
        .transpose()
}

fn profile_urn(p: &Person) -> String {
    format!("urn:li:fsd_profile:{}", p.profile_id)
}

fn person_by_id<'w>(world: &'w World, id: &str) -> Option<&'w Person> {
    world.people.iter().find(|p| p.profile_id == id)
}

/// A person by vanity name or by profile id, as `memberIdentity` takes either.
fn person_by_identity<'w>(world: &'w World, identity: &str) -> Option<&'w Person> {
    world
        .people
        .iter()
        .find(|p| p.public_id == identity || p.profile_id == identity)
}

// ---------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------

/// An opaque, stable `versionTag` for a person.
fn version_tag(p: &Person) -> String {
    (p.member_id.wrapping_mul(2_654_435_761) % 4_000_000_000).to_string()
}

/// The dash Profile entity (the scalar fields of `FullProfile-76`, §6.1(b)); the industry and
/// the geo are entities of their own, so the normalized form has them in `included`.
fn profile_entity(p: &Person) -> Value {
    let geo = format!("urn:li:fsd_geo:{}", p.geo_id);
    let industry = format!("urn:li:fsd_industry:{}", p.industry_id);
    json!({
        "entityUrn": profile_urn(p),
        "objectUrn": format!("urn:li:member:{}", p.member_id),
        "publicIdentifier": p.public_id,
        "firstName": p.first_name,
        "lastName": p.last_name,
        "multiLocaleFirstName": {"en_US": p.first_name},
        "multiLocaleLastName": {"en_US": p.last_name},
        "headline": p.headline,
        "summary": p.summary,
        "premium": false,
        "memorialized": false,
        "versionTag": version_tag(p),
        "industry": {
            "entityUrn": industry,
            "name": p.industry,
            "$type": "com.linkedin.voyager.dash.common.Industry",
        },
        "industryUrn": industry,
        "locationName": p.location,
        "geoLocation": {
            "geo": {
                "entityUrn": geo,
                "defaultLocalizedName": p.location,
                "$type": "com.linkedin.voyager.dash.common.Geo",
            },
            "geoUrn": geo,
            "$type": "com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation",
        },
        "$type": PROFILE_TYPE,
    })
}

/// The minimal Profile of `voyagerIdentityDashProfiles.b5c27c…`: `entityUrn` and `versionTag`.
fn minimal_profile(p: &Person) -> Value {
    json!({"entityUrn": profile_urn(p), "versionTag": version_tag(p), "$type": PROFILE_TYPE})
}

/// `GET /identity/dash/profiles/{urn:li:fsd_profile:<id>}`: the Profile itself (normalized:
/// `data` is the entity); 404 for an unknown id.
fn profile(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("profileUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(id) = urn.strip_prefix("urn:li:fsd_profile:") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    match person_by_id(call.world, id) {
        Some(p) => Answer::ok(profile_entity(p)),
        None => Answer::error(StatusCode::NOT_FOUND),
    }
}

/// `GET /identity/dash/profiles?q=memberIdentity&memberIdentity=<vanity or id>`: a collection
/// of the one profile, empty for an unknown identity.
fn dash_by_member_identity(call: &mut Call<'_>) -> Answer {
    let Some(identity) = call.text("memberIdentity") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let elements: Vec<Value> = person_by_identity(call.world, &identity)
        .map(profile_entity)
        .into_iter()
        .collect();
    let total = elements.len();
    Answer::ok(collection(elements, 0, 10, total))
}

/// The `voyagerIdentityDashProfiles` finders by `variables=(<key>:<vanity or id>)`:
/// `data.identityDashProfilesByMemberIdentity` with the profile as its one element.
fn by_identity(call: &mut Call<'_>, key: &str, entity: fn(&Person) -> Value) -> Answer {
    let vars = variables(call);
    let Some(identity) = vars.as_ref().and_then(|v| v.get(key)?.as_str()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let elements: Vec<Value> = person_by_identity(call.world, identity)
        .map(entity)
        .into_iter()
        .collect();
    graphql(
        "identityDashProfilesByMemberIdentity",
        json!({"elements": elements, "$type": COLLECTION_TYPE}),
    )
}

/// `voyagerIdentityDashProfiles.da93c9…` by `variables=(profileUrn:<urn>)`:
/// `data.identityDashProfilesById` (normalized: `*identityDashProfilesById`), null if unknown.
fn by_urn(call: &mut Call<'_>) -> Answer {
    let vars = variables(call);
    let Some(urn) = vars.as_ref().and_then(|v| v.get("profileUrn")?.as_str()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let profile = urn
        .strip_prefix("urn:li:fsd_profile:")
        .and_then(|id| person_by_id(call.world, id))
        .map_or(Value::Null, profile_entity);
    graphql("identityDashProfilesById", profile)
}

// ---------------------------------------------------------------------------------------
// Profile components: experience
// ---------------------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(m: u8) -> &'static str {
    MONTHS
        .get(usize::from(m).saturating_sub(1))
        .copied()
        .unwrap_or("Jan")
}

/// `Jan 2020`.
fn date_text((year, month): (u16, u8)) -> String {
    format!("{} {year}", month_name(month))
}

/// LinkedIn's duration: months counted inclusively, as `2 yrs 3 mos`, `1 yr`, `5 mos`.
fn duration_text(start: (u16, u8), end: (u16, u8)) -> String {
    let index = |(y, m): (u16, u8)| i64::from(y) * 12 + i64::from(m);
    let months = (index(end) - index(start) + 1).max(1);
    let (years, months) = (months / 12, months % 12);
    let mut parts = Vec::new();
    match years {
        0 => {}
        1 => parts.push("1 yr".to_owned()),
        n => parts.push(format!("{n} yrs")),
    }
    match months {
        0 => {}
        1 => parts.push("1 mo".to_owned()),
        n => parts.push(format!("{n} mos")),
    }
    parts.join(" ")
}

/// `Jan 2020 - Present · 2 yrs 3 mos`.
fn caption_text(start: (u16, u8), end: Option<(u16, u8)>) -> String {
    let until = end.map_or_else(|| "Present".to_owned(), date_text);
    format!(
        "{} - {until} · {}",
        date_text(start),
        duration_text(start, end.unwrap_or(PRESENT))
    )
}

/// A description as the position's fixed-list text component.
fn description_components(description: &str) -> Value {
    json!({"components": [{"components": {"fixedListComponent": {"components": [
        {"components": {"textComponent": {"text": {"text": description}}}}
    ]}}}]})
}

/// The `voyagerIdentityDashProfileComponents` experience section: one entity component per
/// position, and one per company with several consecutive positions whose sub-component
/// points (`*pagedListComponent` when normalized) at a `urn:li:fsd_profilePositionGroup:(…)`
/// entry holding the positions. Other section types are not emulated (None).
fn experiences(call: &mut Call<'_>) -> Option<Answer> {
    let vars = variables(call);
    let urn = vars.as_ref().and_then(|v| v.get("profileUrn")?.as_str());
    let section = vars.as_ref().and_then(|v| v.get("sectionType")?.as_str());
    let (Some(urn), Some(section)) = (urn, section) else {
        return Some(Answer::error(StatusCode::BAD_REQUEST));
    };
    if section != "experience" {
        return None;
    }
    let world = &*call.world;
    let person = urn
        .strip_prefix("urn:li:fsd_profile:")
        .and_then(|id| person_by_id(world, id));
    let elements: Vec<Value> = person
        .map(|p| {
            let card = json!({
                "entityUrn": format!("urn:li:fsd_profileCard:({},EXPERIENCE,en_US)", p.profile_id),
                "components": {"elements": experience_components(world, p)},
            });
            vec![card]
        })
        .unwrap_or_default();
    Some(graphql(
        "identityDashProfileComponentsBySectionType",
        json!({"elements": elements, "$type": COLLECTION_TYPE}),
    ))
}

fn experience_components(world: &World, p: &Person) -> Vec<Value> {
    let company = |i: usize| world.companies.get(i);
    let name = |i: usize| company(i).map_or("", |c: &Company| c.name.as_str());
    let place = |i: usize| company(i).map_or("", |c: &Company| c.headquarters.as_str());
    let mut out = Vec::new();
    let mut rest = p.experiences.as_slice();
    let mut run_index = 0u64;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take_while(|e| e.company == first.company)
            .count();
        let (group, tail) = rest.split_at(run);
        rest = tail;
        run_index += 1;
        if let [e] = group {
            out.push(json!({"components": {"entityComponent": {
                "titleV2": {"text": {"text": e.title}},
                "subtitle": {"text": name(e.company)},
                "caption": {"text": caption_text(e.start, e.end)},
                "metadata": {"text": place(e.company)},
                "subComponents": description_components(&e.description),
            }}}));
            continue;
        }
        let positions: Vec<Value> = group
            .iter()
            .map(|e| {
                // A grouped position's subtitle is its employment type, which the world
                // does not record: null, as LinkedIn sends when it is not set.
                json!({"components": {"entityComponent": {
                    "titleV2": {"text": {"text": e.title}},
                    "subtitle": Value::Null,
                    "caption": {"text": caption_text(e.start, e.end)},
                    "subComponents": description_components(&e.description),
                }}})
            })
            .collect();
        // Most recent first: the group spans from its last entry's start to its first's end.
        let start = group.last().map_or(first.start, |e| e.start);
        let end = first.end.unwrap_or(PRESENT);
        let company_id = company(first.company).map_or(0, |c| c.id);
        let group_urn = format!(
            "urn:li:fsd_profilePositionGroup:({},{})",
            p.profile_id,
            company_id * 100 + run_index
        );
        out.push(json!({"components": {"entityComponent": {
            "titleV2": {"text": {"text": name(first.company)}},
            "subtitle": {"text": duration_text(start, end)},
            "caption": {"text": place(first.company)},
            "subComponents": {"components": [{"components": {"pagedListComponent": {
                "entityUrn": group_urn,
                "components": {"elements": positions},
            }}}]},
        }}}));
    }
    out
}

// ---------------------------------------------------------------------------------------
// Jobs
// ---------------------------------------------------------------------------------------

fn employment_text(employment: &str) -> &'static str {
    match employment {
        "FULL_TIME" => "Full-time",
        "PART_TIME" => "Part-time",
        "CONTRACT" => "Contract",
        "INTERNSHIP" => "Internship",
        _ => "Other",
    }
}

fn experience_text(level: &str) -> &'static str {
    match level {
        "ENTRY_LEVEL" => "Entry level",
        "ASSOCIATE" => "Associate",
        "MID_SENIOR" => "Mid-Senior level",
        "DIRECTOR" => "Director",
        "EXECUTIVE" => "Executive",
        _ => "Not Applicable",
    }
}

/// The `workplaceType` filter code of a workplace (1 on-site, 2 remote, 3 hybrid).
fn workplace_code(workplace: &str) -> &'static str {
    match workplace {
        "REMOTE" => "2",
        "HYBRID" => "3",
        _ => "1",
    }
}

fn workplace_text(workplace: &str) -> &'static str {
    match workplace {
        "REMOTE" => "Remote",
        "HYBRID" => "Hybrid",
        _ => "On-site",
    }
}

/// The `jobType` filter code of an employment type.
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

/// `GET /jobs/jobPostings/{id}` (legacy REST, default encoding): the posting with its company
/// resolved; 404 for an unknown id.
fn job_posting(call: &mut Call<'_>) -> Answer {
    let id = call.path_param("jobId").and_then(|s| s.parse::<u64>().ok());
    let Some(id) = id else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let world = &*call.world;
    let Some(job) = world.jobs.iter().find(|j| j.id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    let company = world.companies.get(job.company);
    let company_urn = company.map(|c| format!("urn:li:fs_normalized_company:{}", c.id));
    let resolved = company.map(|c| {
        json!({
            "entityUrn": format!("urn:li:fs_normalized_company:{}", c.id),
            "name": c.name,
            "description": c.description,
            "staffCount": c.staff_count,
            "url": format!("https://www.linkedin.com/company/{}", c.universal_name),
            "headquarter": {"city": c.headquarters},
            "$type": "com.linkedin.voyager.organization.Company",
        })
    });
    let workplace_urn = format!("urn:li:fs_workplaceType:{}", workplace_code(&job.workplace));
    let mut workplace = Map::new();
    workplace.insert(
        workplace_urn,
        json!({"localizedName": workplace_text(&job.workplace)}),
    );
    Answer::ok(json!({
        "entityUrn": format!("urn:li:jobPosting:{}", job.id),
        "dashEntityUrn": format!("urn:li:fsd_jobPosting:{}", job.id),
        "title": job.title,
        "description": {"text": job.description, "attributes": []},
        "formattedLocation": job.location,
        "listedAt": job.listed_at,
        "applies": job.applicants,
        "formattedEmploymentStatus": employment_text(&job.employment),
        "formattedExperienceLevel": experience_text(&job.experience_level),
        "workRemoteAllowed": job.workplace == "REMOTE",
        "workplaceTypesResolutionResults": workplace,
        "jobPostingUrl": format!("https://www.linkedin.com/jobs/view/{}/", job.id),
        "companyDetails": {"com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany": {
            "company": company_urn,
            "companyResolutionResult": resolved,
        }},
        "$type": "com.linkedin.voyager.jobs.JobPosting",
    }))
}

/// Whether `job` passes the `selectedFilters` of a job search.
fn job_passes(job: &Job, company_id: u64, filters: Option<&restli::Value>) -> bool {
    let Some(filters) = filters.and_then(restli::Value::as_map) else {
        return true;
    };
    filters.iter().all(|(key, values)| {
        let values: Vec<&str> = values
            .as_list()
            .map(|l| l.iter().filter_map(restli::Value::as_str).collect())
            .unwrap_or_default();
        let any = |code: &str| values.contains(&code);
        match key {
            "company" => any(&company_id.to_string()),
            "workplaceType" => any(workplace_code(&job.workplace)),
            "jobType" => any(job_type_code(&job.employment)),
            "experience" => any(experience_code(&job.experience_level)),
            // Time, distance, title and industry are not modelled: they filter nothing.
            _ => true,
        }
    })
}

/// `GET /voyagerJobsDashJobCards?q=jobSearch&query=(…)&start=&count=`: job cards, each
/// pointing at its `com.linkedin.voyager.dash.jobs.JobPosting` (with `trackingUrn`), paged with
/// `paging.total`; a count over 49 is a 400.
fn job_search(call: &mut Call<'_>) -> Answer {
    let (Ok(count), Ok(start)) = (
        count_param(call.text("count").as_deref()),
        count_param(call.text("start").as_deref()),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let count = count.unwrap_or(DEFAULT_SEARCH_COUNT);
    let start = start.unwrap_or(0);
    let max = call
        .endpoint
        .max_count
        .map_or(MAX_SEARCH_COUNT, |m| m as usize);
    if count > max {
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
            let company = world.companies.get(job.company);
            let mut hay = vec![job.title.as_str(), job.description.as_str()];
            hay.extend(job.skills.iter().map(String::as_str));
            matches_keywords(keywords, &hay)
                && location.is_none_or(|l| matches_keywords(Some(l), &[&job.location]))
                && job_passes(job, company.map_or(0, |c| c.id), filters)
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

/// Whether person `i` passes every people filter (unknown keys filter nothing).
fn person_passes(
    world: &World,
    links: &[(usize, usize)],
    i: usize,
    code: &str,
    filters: &[(String, Vec<String>)],
) -> bool {
    let p = &world.people[i];
    let company_id = |c: usize| world.companies.get(c).map_or(0, |c| c.id).to_string();
    filters.iter().all(|(key, values)| {
        let any = |f: &dyn Fn(&str) -> bool| values.iter().any(|v| f(v));
        match key.as_str() {
            "network" => any(&|v| v == code),
            "connectionOf" => any(&|v| {
                let v = v.strip_prefix("urn:li:fsd_profile:").unwrap_or(v);
                world
                    .people
                    .iter()
                    .position(|o| o.profile_id == v)
                    .is_some_and(|o| links.contains(&(o.min(i), o.max(i))))
            }),
            "currentCompany" => any(&|v| {
                p.experiences
                    .iter()
                    .any(|e| e.end.is_none() && company_id(e.company) == v)
            }),
            "pastCompany" => any(&|v| {
                p.experiences
                    .iter()
                    .any(|e| e.end.is_some() && company_id(e.company) == v)
            }),
            "geoUrn" => any(&|v| v == p.geo_id.to_string()),
            "industry" => any(&|v| v == p.industry_id.to_string()),
            "firstName" => any(&|v| p.first_name.eq_ignore_ascii_case(v)),
            "lastName" => any(&|v| p.last_name.eq_ignore_ascii_case(v)),
            "title" => any(&|v| matches_keywords(Some(v), &[&p.headline])),
            _ => true,
        }
    })
}

fn person_result(p: &Person, distance: &str) -> Value {
    json!({
        "entityUrn": format!("urn:li:fsd_entityResultViewModel:({},SEARCH_SRP,DEFAULT)", profile_urn(p)),
        "title": text(&format!("{} {}", p.first_name, p.last_name)),
        "primarySubtitle": text(&p.headline),
        "secondarySubtitle": text(&p.location),
        "entityCustomTrackingInfo": {"memberDistance": distance},
        "trackingUrn": format!("urn:li:member:{}", p.member_id),
        "$type": "com.linkedin.voyager.dash.search.EntityResultViewModel",
    })
}

fn company_result(c: &Company) -> Value {
    json!({
        "entityUrn": format!("urn:li:fsd_entityResultViewModel:(urn:li:fsd_company:{},SEARCH_SRP,DEFAULT)", c.id),
        "title": text(&c.name),
        "primarySubtitle": text(&format!("{} · {}", c.industry, c.headquarters)),
        "secondarySubtitle": text(&format!("{} followers", c.followers)),
        "trackingUrn": format!("urn:li:company:{}", c.id),
        "$type": "com.linkedin.voyager.dash.search.EntityResultViewModel",
    })
}

/// `voyagerSearchDashClusters` (GraphQL): `data.searchDashClustersByAll`, a collection of one
/// cluster whose items hold the entity results of the page. PEOPLE (filtered by keywords on
/// name and headline, network, connectionOf, companies, geo, industry, names, title) and
/// COMPANIES; JOBS is a 501 as on LinkedIn; a count over 49 is a 400.
fn search_clusters(call: &mut Call<'_>) -> Answer {
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
    if count > MAX_SEARCH_COUNT {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let query = vars.get("query");
    let keywords = query.and_then(|q| q.get("keywords")?.as_str());
    let filters = search_filters(query);
    let result_type = filters
        .iter()
        .find(|(k, _)| k == "resultType")
        .and_then(|(_, v)| v.first().cloned())
        .unwrap_or_else(|| "PEOPLE".to_owned());
    let world = &*call.world;
    let results: Vec<Value> = match result_type.as_str() {
        "PEOPLE" => {
            let dist = world.degrees_from(call.me);
            world
                .people
                .iter()
                .enumerate()
                .filter(|&(i, p)| {
                    let (code, _) = network(dist[i]);
                    i != call.me
                        && matches_keywords(keywords, &[&p.first_name, &p.last_name, &p.headline])
                        && person_passes(world, &world.connections, i, code, &filters)
                })
                .map(|(i, p)| person_result(p, network(dist[i]).1))
                .collect()
        }
        "COMPANIES" => world
            .companies
            .iter()
            .filter(|c| matches_keywords(keywords, &[&c.name, &c.tagline]))
            .map(company_result)
            .collect(),
        "JOBS" => return Answer::error(StatusCode::NOT_IMPLEMENTED),
        _ => Vec::new(),
    };
    let total = results.len();
    let items: Vec<Value> = results
        .into_iter()
        .skip(start)
        .take(count)
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
    graphql(
        "searchDashClustersByAll",
        collection(clusters, start, count, total),
    )
}
