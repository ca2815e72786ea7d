//! The people endpoints over real loopback HTTP, checked against the world the sandbox serves:
//! dash profiles and their finders, profile components (experience) and the GraphQL search
//! clusters of people and companies, in both encodings, with their errors.

use crate::common::api::{
    Api, at_root, has_types, included, matches, results, root_ref, search_clusters, stale, start,
    url, with_param, world,
};
use http::StatusCode;
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::world::{World, clock};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_answers_the_dash_entity_in_both_encodings() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let p = &w.people[5];
    let urn = format!("urn:li:fsd_profile:{}", p.profile_id);
    let target = url(endpoints::PROFILE, &[("profileUrn", &urn)], json!({}), None);

    let body = api.ok(&target, true).await;
    let data = &body["data"];
    assert_eq!(data["entityUrn"], urn);
    assert_eq!(data["objectUrn"], format!("urn:li:member:{}", p.member_id));
    assert_eq!(data["publicIdentifier"], p.public_id);
    assert_eq!(data["firstName"], p.first_name);
    assert_eq!(data["lastName"], p.last_name);
    assert_eq!(data["headline"], p.headline);
    assert_eq!(data["summary"], p.summary);
    assert_eq!(data["multiLocaleSummary"], json!({"en_US": p.summary}));
    // Seq 58: the place is the geo's, `locationName` is null; no e-mail in this projection.
    assert!(data["locationName"].is_null());
    assert!(data.get("emailAddress").is_none(), "{data}");
    assert_eq!(data["premium"], false);
    assert_eq!(
        data["$recipeTypes"],
        json!(["com.linkedin.voyager.dash.deco.identity.profile.FullProfile"])
    );
    assert_eq!(
        data["$type"],
        "com.linkedin.voyager.dash.identity.profile.Profile"
    );
    let industry = format!("urn:li:fsd_industry:{}", p.industry_id);
    assert_eq!(data["*industry"], industry);
    let industry = included(&body, &industry);
    assert_eq!(industry["name"], p.industry);
    assert_eq!(
        industry["$type"],
        "com.linkedin.voyager.dash.common.Industry"
    );
    let geo = format!("urn:li:fsd_geo:{}", p.geo_id);
    assert_eq!(data["geoLocation"]["geoUrn"], geo);
    assert_eq!(data["geoLocation"]["*geo"], geo);
    let place = included(&body, &geo);
    assert_eq!(place["defaultLocalizedName"], p.location);
    let country = included(&body, place["*country"].as_str().unwrap());
    assert_eq!(place["countryUrn"], country["entityUrn"]);
    assert_eq!(
        country["$recipeTypes"],
        json!(["com.linkedin.voyager.dash.deco.identity.profile.CountryGeo"])
    );

    let nested = api.ok(&target, false).await;
    assert_eq!(nested["entityUrn"], urn);
    assert_eq!(nested["industry"]["name"], p.industry);
    assert_eq!(nested["geoLocation"]["geo"]["entityUrn"], geo);
    assert!(!has_types(&nested), "{nested}");

    let unknown = url(
        endpoints::PROFILE,
        &[("profileUrn", "urn:li:fsd_profile:ACoAAUnknown")],
        json!({}),
        None,
    );
    let resp = api.get(&unknown, true).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.json(), json!({"status": 404}));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_finders_answer_by_vanity_and_member_identity() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let p = &w.people[7];
    let urn = format!("urn:li:fsd_profile:{}", p.profile_id);

    // The dash REST finder, by vanity name and by profile id.
    for identity in [&p.public_id, &p.profile_id] {
        let target = finder(endpoints::PROFILE_TOP_CARD, identity);
        let body = api.ok(&target, true).await;
        assert_eq!(body["data"]["*elements"], json!([urn]));
        assert_eq!(body["data"]["paging"]["total"], 1);
        assert_eq!(included(&body, &urn)["publicIdentifier"], p.public_id);
        let nested = api.ok(&target, false).await;
        assert_eq!(
            nested["elements"][0]["objectUrn"],
            format!("urn:li:member:{}", p.member_id)
        );
    }

    // The GraphQL finders: the profile at the data root (normalized: data.data.<root>).
    let cases = [
        (
            endpoints::PROFILE_BY_VANITY,
            "vanityName",
            p.public_id.as_str(),
        ),
        (
            endpoints::PROFILE_BY_VANITY_FULL,
            "vanityName",
            p.public_id.as_str(),
        ),
        (
            endpoints::PROFILE_BY_MEMBER_IDENTITY,
            "memberIdentity",
            p.profile_id.as_str(),
        ),
        (
            endpoints::PROFILE_URN_BY_MEMBER_IDENTITY,
            "memberIdentity",
            p.profile_id.as_str(),
        ),
    ];
    for (endpoint, key, value) in cases {
        let name = endpoint.name;
        let target = url(endpoint, &[], json!({}), Some(json!({ key: value })));
        let body = api.ok(&target, true).await;
        let root = at_root(&body["data"], endpoint);
        assert_eq!(root["*elements"], json!([urn]), "{name}: {body}");
        let profile = included(&body, &urn);
        assert_eq!(
            profile["$type"],
            "com.linkedin.voyager.dash.identity.profile.Profile"
        );
        assert_eq!(
            profile["$recipeTypes"].as_array().unwrap().len(),
            1,
            "{name}"
        );
        // Each query its own projection (seqs 37, 39, 42, 54).
        if endpoint == endpoints::PROFILE_URN_BY_MEMBER_IDENTITY {
            let keys: Vec<&str> = profile
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, ["$recipeTypes", "$type", "entityUrn", "versionTag"]);
        } else if endpoint == endpoints::PROFILE_BY_VANITY {
            assert_eq!(profile["firstName"], p.first_name, "{name}");
            assert!(profile["versionTag"].is_string(), "{name}: {profile}");
        } else if endpoint == endpoints::PROFILE_BY_VANITY_FULL {
            assert!(profile.get("firstName").is_none(), "{name}: {profile}");
            assert_eq!(
                profile["profileTopPosition"]["paging"]["total"],
                p.experiences.len()
            );
        } else {
            assert!(profile.get("firstName").is_none(), "{name}: {profile}");
            assert_eq!(profile["headline"], p.headline, "{name}");
        }
        let nested = api.ok(&target, false).await;
        let elements = &at_root(&nested, endpoint)["elements"];
        assert_eq!(elements[0]["entityUrn"], urn, "{name}");

        let unknown = url(
            endpoint,
            &[],
            json!({}),
            Some(json!({ key: "nobody-here" })),
        );
        let body = api.ok(&unknown, false).await;
        assert_eq!(at_root(&body, endpoint)["elements"], json!([]), "{name}");
    }

    // By URN: a reference at the data root (`*<root>`), the profile in included.
    let target = url(
        endpoints::PROFILE_BY_URN,
        &[],
        json!({}),
        Some(json!({"profileUrn": urn})),
    );
    let body = api.ok(&target, true).await;
    assert_eq!(*root_ref(&body, endpoints::PROFILE_BY_URN), urn);
    // Seq 57's projection: no names.
    let profile = included(&body, &urn);
    assert_eq!(profile["premium"], false);
    assert!(profile.get("lastName").is_none(), "{profile}");
    sandbox.shutdown().await;
}

/// The positions of `p` in runs at one company, as the profile groups them.
fn runs(experiences: &[linkedin_sandbox::world::Experience]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = experiences;
    while let Some(first) = rest.first() {
        let n = rest
            .iter()
            .take_while(|e| e.company == first.company)
            .count();
        out.push(n);
        rest = &rest[n..];
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_experiences_group_positions_at_one_company() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let p = w
        .people
        .iter()
        .find(|p| {
            let r = runs(&p.experiences);
            r.iter().any(|&n| n > 1) && r.contains(&1)
        })
        .unwrap();
    let urn = format!("urn:li:fsd_profile:{}", p.profile_id);
    let target = url(
        endpoints::PROFILE_EXPERIENCES,
        &[],
        json!({}),
        Some(json!({"profileUrn": urn})),
    );
    let body = api.ok(&target, true).await;
    let included_list = body["included"].as_array().unwrap();
    // The section: the included entry with the longest components.elements.
    let section = included_list
        .iter()
        .max_by_key(|e| e["components"]["elements"].as_array().map_or(0, Vec::len))
        .unwrap();
    let items = section["components"]["elements"].as_array().unwrap();
    let runs = runs(&p.experiences);
    assert_eq!(items.len(), runs.len(), "{body}");
    let mut next = 0;
    for (item, &n) in items.iter().zip(&runs) {
        let c = &item["components"]["entityComponent"];
        let first = &p.experiences[next];
        let company = &w.companies[first.company];
        if n == 1 {
            assert_eq!(c["titleV2"]["text"]["text"], first.title);
            assert_eq!(c["subtitle"]["text"], company.name);
            let caption = c["caption"]["text"].as_str().unwrap();
            assert_eq!(
                caption.contains("Present"),
                first.end.is_none(),
                "{caption}"
            );
            assert!(
                caption.contains(" - ") && caption.contains(" · "),
                "{caption}"
            );
            let description = &c["subComponents"]["components"][0]["components"]["fixedListComponent"]
                ["components"][0]["components"]["textComponent"]["text"]["text"];
            assert_eq!(description, first.description.as_str());
        } else {
            assert_eq!(c["titleV2"]["text"]["text"], company.name);
            let group = c["subComponents"]["components"][0]["components"]["*pagedListComponent"]
                .as_str()
                .unwrap();
            assert!(
                group.starts_with("urn:li:fsd_profilePositionGroup:("),
                "{group}"
            );
            let positions = included(&body, group)["components"]["elements"]
                .as_array()
                .unwrap();
            let titles: Vec<&str> = positions
                .iter()
                .map(|e| {
                    e["components"]["entityComponent"]["titleV2"]["text"]["text"]
                        .as_str()
                        .unwrap()
                })
                .collect();
            let expected: Vec<&str> = p.experiences[next..next + n]
                .iter()
                .map(|e| e.title.as_str())
                .collect();
            assert_eq!(titles, expected);
        }
        next += n;
    }

    let unknown = url(
        endpoints::PROFILE_EXPERIENCES,
        &[],
        json!({}),
        Some(json!({"profileUrn": "urn:li:fsd_profile:ACoAAUnknown"})),
    );
    let body = api.ok(&unknown, false).await;
    assert_eq!(
        at_root(&body, endpoints::PROFILE_EXPERIENCES)["elements"],
        json!([])
    );
    sandbox.shutdown().await;
}

/// Each person's degree of separation from person 0 (the demo account), up to 3.
fn degrees(w: &World) -> Vec<u32> {
    let n = w.people.len();
    let mut links = vec![Vec::new(); n];
    for &(a, b) in &w.connections {
        links[a].push(b);
        links[b].push(a);
    }
    let mut dist = vec![u32::MAX; n];
    dist[0] = 0;
    let mut frontier = vec![0];
    for d in 1..=3 {
        let mut next = Vec::new();
        for a in frontier {
            for &b in &links[a] {
                if dist[b] == u32::MAX {
                    dist[b] = d;
                    next.push(b);
                }
            }
        }
        frontier = next;
    }
    dist
}

fn people_search(keywords: &str, filters: Value, start: usize, count: Option<usize>) -> String {
    search_clusters("PEOPLE", Some(keywords), filters, start, count)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_clusters_find_people_with_distance_network_and_paging() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let degree = degrees(&w);
    let keywords = w.people[3].last_name.to_lowercase();
    let hay = |i: usize| {
        let p = &w.people[i];
        format!("{} {} {}", p.first_name, p.last_name, p.headline)
    };
    let expected: Vec<usize> = (1..w.people.len())
        .filter(|&i| matches(&keywords, &hay(i)))
        .collect();
    assert!(expected.len() > 3, "{keywords}");

    // Default encoding, page by page (10 by default).
    let mut seen = Vec::new();
    let mut start = 0;
    loop {
        let body = api
            .ok(&people_search(&keywords, json!([]), start, None), false)
            .await;
        let collection = at_root(&body, endpoints::SEARCH_CLUSTERS);
        assert_eq!(collection["paging"]["total"], expected.len());
        assert!(!has_types(&body));
        let page = results(&body);
        if page.is_empty() {
            break;
        }
        seen.extend(page);
        start += 10;
    }
    assert_eq!(seen.len(), expected.len());
    for (result, &i) in seen.iter().zip(&expected) {
        let p = &w.people[i];
        assert_eq!(
            result["entityUrn"],
            format!(
                "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:{},SEARCH_SRP,DEFAULT)",
                p.profile_id
            )
        );
        assert_eq!(
            result["title"]["text"],
            format!("{} {}", p.first_name, p.last_name)
        );
        assert_eq!(result["primarySubtitle"]["text"], p.headline);
        assert_eq!(result["secondarySubtitle"]["text"], p.location);
        assert_eq!(
            result["trackingUrn"],
            format!("urn:li:member:{}", p.member_id)
        );
        let distance = format!("DISTANCE_{}", degree[i].min(3));
        assert_eq!(
            result["entityCustomTrackingInfo"]["memberDistance"],
            distance
        );
    }

    // Normalized: the data root under data.data, results in included.
    let body = api
        .ok(&people_search(&keywords, json!([]), 0, Some(3)), true)
        .await;
    let collection = at_root(&body["data"], endpoints::SEARCH_CLUSTERS);
    assert_eq!(
        collection["$type"],
        "com.linkedin.restli.common.CollectionResponse"
    );
    let items = collection["elements"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for (item, &i) in items.iter().zip(&expected) {
        assert_eq!(item["$type"], "com.linkedin.voyager.dash.search.SearchItem");
        let urn = item["item"]["*entityResult"].as_str().unwrap();
        let result = included(&body, urn);
        assert_eq!(
            result["$type"],
            "com.linkedin.voyager.dash.search.EntityResultViewModel"
        );
        assert_eq!(result["title"]["text"].as_str().unwrap(), {
            let p = &w.people[i];
            format!("{} {}", p.first_name, p.last_name)
        });
    }

    // The network filter, as 2.3.1 sends it (`List(F | S)`) and as one value per degree.
    for (values, degrees_wanted) in [
        (json!(["F"]), vec![1]),
        (json!(["S"]), vec![2]),
        (json!(["F | S"]), vec![1, 2]),
        (json!(["O"]), vec![3]),
    ] {
        let want = expected
            .iter()
            .filter(|&&i| degrees_wanted.contains(&degree[i].min(3)))
            .count();
        let filter = json!([{"key": "network", "value": values}]);
        let body = api
            .ok(&people_search(&keywords, filter, 0, Some(49)), false)
            .await;
        assert_eq!(
            at_root(&body, endpoints::SEARCH_CLUSTERS)["paging"]["total"],
            want,
            "{values}"
        );
        assert_eq!(results(&body).len(), want.min(49));
    }

    // LinkedIn pages search by at most 49.
    let resp = api
        .get(&people_search(&keywords, json!([]), 0, Some(50)), true)
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    assert_eq!(resp.json(), json!({"status": 400}));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_clusters_find_companies() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let vars = json!({
        "start": 0,
        "query": {"keywords": "LinkedIn", "queryParameters": [{"key": "resultType", "value": ["COMPANIES"]}]},
    });
    let body = api
        .ok(
            &url(endpoints::SEARCH_CLUSTERS, &[], json!({}), Some(vars)),
            false,
        )
        .await;
    let expected = w
        .companies
        .iter()
        .filter(|c| matches("LinkedIn", &format!("{} {}", c.name, c.tagline)))
        .count();
    assert_eq!(
        at_root(&body, endpoints::SEARCH_CLUSTERS)["paging"]["total"],
        expected
    );
    let first = &results(&body)[0];
    assert_eq!(first["trackingUrn"], "urn:li:company:1337");
    assert_eq!(first["title"]["text"], "LinkedIn");
    sandbox.shutdown().await;
}

// ---------------------------------------------------------------------------------------
// Profiles: contact fields, the finder's projections, who viewed me; following: unfollow by
// entity
// ---------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_contact_fields_show_the_email_to_connections_only() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let connection = (1..w.people.len()).find(|&i| w.connected(0, i)).unwrap();
    let stranger = (3..w.people.len()).find(|&i| !w.connected(0, i)).unwrap();
    for (i, visible) in [(0, true), (connection, true), (stranger, false)] {
        let p = &w.people[i];
        let urn = format!("urn:li:fsd_profile:{}", p.profile_id);
        // The dash profile has the address and birthday (null), not the e-mail (seq 58).
        let target = url(endpoints::PROFILE, &[("profileUrn", &urn)], json!({}), None);
        let body = api.ok(&target, true).await;
        let data = &body["data"];
        assert!(data.get("address").is_some_and(Value::is_null), "{data}");
        assert!(
            data.get("birthDateOn").is_some_and(Value::is_null),
            "{data}"
        );
        assert!(data.get("emailAddress").is_none(), "{data}");
        // The e-mail comes with the profile by member identity (seq 54).
        let target = url(
            endpoints::PROFILE_BY_MEMBER_IDENTITY,
            &[],
            json!({}),
            Some(json!({"memberIdentity": p.profile_id})),
        );
        let body = api.ok(&target, true).await;
        let profile = included(&body, &urn);
        if visible {
            assert_eq!(
                profile["emailAddress"],
                json!({
                    "emailAddress": p.email,
                    "$recipeTypes": ["com.linkedin.1fea47a6ba39edf90ee1571ef151f8f2"],
                    "$type": "com.linkedin.voyager.dash.common.handles.EmailAddress",
                }),
                "person {i}"
            );
        } else {
            assert!(profile["emailAddress"].is_null(), "person {i}: {profile}");
        }
    }
    sandbox.shutdown().await;
}

/// The target of a `memberIdentity` finder entry (`profile_top_card` or
/// `profile_with_sections`, which differ in their projection).
fn finder(entry: &Endpoint, identity: &str) -> String {
    url(entry, &[], json!({"memberIdentity": identity}), None)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn member_identity_finder_answers_sections_with_full_profile_with_entities() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let p = &w.people[0];
    let urn = format!("urn:li:fsd_profile:{}", p.profile_id);

    let body = api
        .ok(
            &finder(endpoints::PROFILE_WITH_SECTIONS, &p.public_id),
            true,
        )
        .await;
    assert_eq!(body["data"]["*elements"], json!([urn]));
    let profile = included(&body, &urn);
    assert_eq!(profile["firstName"], p.first_name);
    let section = |name: &str| {
        let urn = profile[format!("*{name}")].as_str().unwrap();
        assert!(urn.starts_with("urn:li:collectionResponse:"), "{urn}");
        let collection = included(&body, urn);
        assert_eq!(
            collection["$type"],
            "com.linkedin.restli.common.CollectionResponse"
        );
        collection["*elements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| included(&body, u.as_str().unwrap()).clone())
            .collect::<Vec<Value>>()
    };
    let skill_items = section("profileSkills");
    let skills: Vec<&str> = skill_items
        .iter()
        .map(|s| {
            assert_eq!(
                s["$type"],
                "com.linkedin.voyager.dash.identity.profile.Skill"
            );
            s["name"].as_str().unwrap()
        })
        .collect();
    assert_eq!(skills, p.skills);
    let educations = section("profileEducations");
    assert_eq!(educations.len(), p.education.len());
    for (e, want) in educations.iter().zip(&p.education) {
        let school = &w.schools[want.school];
        assert_eq!(e["schoolName"], school.name);
        assert_eq!(e["schoolUrn"], format!("urn:li:fsd_school:{}", school.id));
        assert_eq!(e["degreeName"], want.degree);
        assert_eq!(e["fieldOfStudy"], want.field);
        assert_eq!(e["dateRange"]["start"]["year"], want.years.0);
        assert_eq!(e["dateRange"]["end"]["year"], want.years.1);
    }
    let names = |items: Vec<Value>| -> Vec<String> {
        items
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(section("profileCertifications")), p.certifications);
    assert_eq!(names(section("profileLanguages")), p.languages);

    // Positions: one group per run at a company, its positions in a collection of its own,
    // most recent first, dated by month; a current one has no end.
    let groups = section("profilePositionGroups");
    assert_eq!(
        groups.len(),
        runs(&p.experiences).len(),
        "one group per run"
    );
    let mut positions = Vec::new();
    for group in &groups {
        let urn = group["entityUrn"].as_str().unwrap();
        assert!(
            urn.starts_with("urn:li:fsd_profilePositionGroup:("),
            "{urn}"
        );
        let collection = included(
            &body,
            group["*profilePositionInPositionGroup"].as_str().unwrap(),
        );
        for u in collection["*elements"].as_array().unwrap() {
            let position = included(&body, u.as_str().unwrap()).clone();
            assert_eq!(position["companyName"], group["companyName"]);
            assert_eq!(
                position["$type"],
                "com.linkedin.voyager.dash.identity.profile.Position"
            );
            positions.push(position);
        }
    }
    assert_eq!(positions.len(), p.experiences.len());
    for (got, want) in positions.iter().zip(&p.experiences) {
        let company = &w.companies[want.company];
        assert_eq!(got["title"], want.title);
        assert_eq!(got["companyName"], company.name);
        assert_eq!(
            got["companyUrn"],
            format!("urn:li:fsd_company:{}", company.id)
        );
        assert_eq!(got["description"], want.description);
        assert_eq!(got["dateRange"]["start"]["year"], want.start.0);
        assert_eq!(got["dateRange"]["start"]["month"], want.start.1);
        match want.end {
            Some((year, month)) => {
                assert_eq!(got["dateRange"]["end"]["year"], year);
                assert_eq!(got["dateRange"]["end"]["month"], month);
            }
            None => assert!(got["dateRange"].get("end").is_none(), "{got}"),
        }
    }
    // The contact fields of `FullProfile`: the caller sees their own e-mail address.
    assert_eq!(profile["emailAddress"]["emailAddress"], p.email);

    // By profile id, in the default encoding: nested, no types.
    let nested = api
        .ok(
            &finder(endpoints::PROFILE_WITH_SECTIONS, &p.profile_id),
            false,
        )
        .await;
    let element = &nested["elements"][0];
    assert_eq!(element["profileSkills"]["paging"]["total"], p.skills.len());
    assert_eq!(element["profileSkills"]["elements"][0]["name"], p.skills[0]);
    assert!(!has_types(&nested));

    // The top card: who the profile is, nothing more.
    let body = api
        .ok(&finder(endpoints::PROFILE_TOP_CARD, &p.public_id), false)
        .await;
    let card = &body["elements"][0];
    let mut keys: Vec<&str> = card
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "entityUrn",
            "firstName",
            "headline",
            "lastName",
            "objectUrn",
            "publicIdentifier"
        ]
    );

    // Only the two entries' projections are answered: an older version of either (LinkedIn
    // answers a stale decorationId 400) or none at all is refused, whatever the identity.
    for entry in [
        endpoints::PROFILE_TOP_CARD,
        endpoints::PROFILE_WITH_SECTIONS,
    ] {
        let target = finder(entry, &p.public_id);
        let decoration = entry.decoration_id.unwrap();
        let older = stale(decoration);
        for refused in [
            with_param(&target, "decorationId", Some(&older)),
            with_param(&target, "decorationId", None),
        ] {
            let resp = api.get(&refused, true).await;
            assert_eq!(resp.status, StatusCode::BAD_REQUEST, "{refused}");
            assert_eq!(resp.json(), json!({"status": 400}));
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_viewed_me_counts_the_views_of_the_last_90_days() {
    let w = world();
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let since = clock::PRESENT_MS - 90 * clock::DAY_MS;
    let expected = w
        .profile_views
        .iter()
        .filter(|v| v.viewed == 0 && v.at >= since)
        .count();
    assert!(expected > 0);
    let body = api
        .ok(&url(endpoints::WHO_VIEWED_ME, &[], json!({}), None), false)
        .await;
    let card = &body["elements"][0]["value"]["com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard"];
    let summary = &card["insightCards"][0]["value"]["com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard"];
    assert_eq!(summary["numViews"], expected);
    assert!(!has_types(&body));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unfollow_entity_stops_following_a_company() {
    let sandbox = start().await;
    let mut api = Api::new(&sandbox).await;
    let page = url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": "linkedin"}),
        None,
    );
    let following = |body: &Value| body["elements"][0]["followingInfo"]["following"].clone();
    let state = url(
        endpoints::FOLLOWING_STATE_SET,
        &[(
            "followingStateUrn",
            "urn:li:fsd_followingState:urn:li:fsd_company:1337",
        )],
        json!({}),
        None,
    );
    let resp = api
        .send(
            http::Method::POST,
            &state,
            false,
            r#"{"patch":{"$set":{"following":true}}}"#,
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED);
    assert_eq!(following(&api.ok(&page, false).await), true);

    let unfollow = url(endpoints::UNFOLLOW_ENTITY, &[], json!({}), None);
    let post = |body: &'static str| (unfollow.clone(), body);
    let (target, body) = post(r#"{"urn":"urn:li:fs_followingInfo:urn:li:company:1337"}"#);
    let resp = api.send(http::Method::POST, &target, true, body).await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(following(&api.ok(&page, false).await), false);
    // Again: not following is no error.
    let resp = api.send(http::Method::POST, &target, true, body).await;
    assert_eq!(resp.status, StatusCode::OK);

    let cases = [
        (
            r#"{"urn":"urn:li:fs_followingInfo:urn:li:company:1"}"#,
            StatusCode::NOT_FOUND,
        ),
        (
            r#"{"urn":"urn:li:fs_followingInfo:urn:li:member:470926337"}"#,
            StatusCode::OK,
        ),
        (
            r#"{"urn":"urn:li:fs_followingInfo:urn:li:member:1"}"#,
            StatusCode::NOT_FOUND,
        ),
        (r#"{"urn":"urn:li:company:1337"}"#, StatusCode::BAD_REQUEST),
        (r#"{}"#, StatusCode::BAD_REQUEST),
    ];
    for (body, status) in cases {
        let resp = api.send(http::Method::POST, &unfollow, true, body).await;
        assert_eq!(resp.status, status, "{body}");
    }
    sandbox.shutdown().await;
}
