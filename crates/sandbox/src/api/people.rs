//! People: the dash REST profiles (the profile by URN and the `memberIdentity` finder) and
//! profile components (experience). The GraphQL profile finders are in [`super::profiles`],
//! job postings in [`super::jobs`], the searches in [`super::search`].
//!
//! Answers are built nested, with `entityUrn` and `$type` on entities; the caller normalizes
//! them (`data` + `included`) or strips the types. GraphQL answers put the query's root field
//! under `data`, so the normalized form has it at `data.data.<root>` as LinkedIn does.

use base64::Engine as _;
use http::StatusCode;
use serde_json::{Value, json};

use super::profiles::{GeoKeys, LOCALE, PROFILE_TYPE, geo, person_by_identity, version_tag};
use super::{Answer, COLLECTION_TYPE, Call, collection, graphql, variables};
use crate::world::clock::{PRESENT_MONTH, months_spanned};
use crate::world::{Company, Experience, Person, World};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn profile_urn(p: &Person) -> String {
    format!("urn:li:fsd_profile:{}", p.profile_id)
}

fn person_by_id<'w>(world: &'w World, id: &str) -> Option<&'w Person> {
    world.people.iter().find(|p| p.profile_id == id)
}

// ---------------------------------------------------------------------------------------
// Profiles
// ---------------------------------------------------------------------------------------

/// A text in every locale the member writes, as a REST decoration gives it: `{en_US: text}`.
fn multi_locale(text: &str) -> Value {
    json!({ LOCALE: text })
}

/// The keys of [`profile_entity`]'s projection whose values the world does not have.
const REST_NULLS: &[&str] = &[
    "maidenName",
    "multiLocaleMaidenName",
    "multiLocaleTempStatus",
    "multiLocaleAddress",
    "multiLocalePhoneticFirstName",
    "multiLocalePhoneticLastName",
    "phoneticFirstName",
    "phoneticLastName",
    "firstNamePronunciationHint",
    "lastNamePronunciationHint",
    "fullNamePronunciationAudio",
    "pronounUnion",
    "tempStatus",
    "tempStatusEmoji",
    "tempStatusExpiredAtUnion",
    "contentRestrictedAnnotation",
    "state",
    "volunteerCauses",
    "industryV2Urn",
    "locationName",
    "profilePicture",
    "backgroundPicture",
    "address",
    "birthDateOn",
];

/// The dash Profile entity in the projection of catalogue `profile`
/// (its `FullProfile` decoration, seq 58): names and headline (also per locale), the About text, the
/// industry and the place as entities of their own (normalized, in `included`), the place's
/// country, the locales, and the profile's featured media (an empty collection: the world
/// has none). The world has no pictures, phonetic names, pronouns, statuses, volunteer
/// causes or postal codes: `null` where the projection has the key. No contact fields but
/// `address` and `birthDateOn` (`null`), as in the recording.
pub(super) fn profile_entity(p: &Person) -> Value {
    let industry = format!("urn:li:fsd_industry:{}", p.industry_id);
    let country_code = super::profiles::country(p).map(|(_, _, iso)| iso.to_lowercase());
    let locale = json!({"country": "US", "language": "en", "$type": "com.linkedin.common.Locale"});
    let featured = format!(
        "urn:li:collectionResponse:{}",
        crate::BASE64.encode(format!("treasury:{}", p.profile_id).as_bytes())
    );
    let mut entity = json!({
        "entityUrn": profile_urn(p),
        "objectUrn": format!("urn:li:member:{}", p.member_id),
        "publicIdentifier": p.public_id,
        "versionTag": version_tag(p),
        "trackingId": super::tracking_id(&p.profile_id),
        "firstName": p.first_name,
        "lastName": p.last_name,
        "headline": p.headline,
        "summary": p.summary,
        "multiLocaleFirstName": multi_locale(&p.first_name),
        "multiLocaleLastName": multi_locale(&p.last_name),
        "multiLocaleHeadline": multi_locale(&p.headline),
        "multiLocaleSummary": multi_locale(&p.summary),
        "multiLocaleFirstNamePronunciationHint": {},
        "multiLocaleLastNamePronunciationHint": {},
        "multiLocaleFullNamePronunciationAudio": {},
        "premium": false,
        "showPremiumSubscriberBadge": false,
        "memorialized": false,
        "companyNameOnProfileTopCardShown": true,
        "educationOnProfileTopCardShown": true,
        "industry": {
            "entityUrn": industry,
            "name": p.industry,
            "$type": "com.linkedin.voyager.dash.common.Industry",
        },
        "industryUrn": industry,
        "geoLocationBackfilled": false,
        "geoLocation": {
            "geo": geo(p, GeoKeys::Rest),
            "geoUrn": format!("urn:li:fsd_geo:{}", p.geo_id),
            "postalCode": null,
            "$type": "com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation",
        },
        "location": {
            "countryCode": country_code,
            "postalCode": null,
            "$type": "com.linkedin.voyager.dash.identity.profile.ProfileLocation",
        },
        "primaryLocale": locale,
        "supportedLocales": [locale],
        "profileTreasuryMediaProfile": {
            "entityUrn": featured,
            "elements": [],
            "paging": {"start": 0, "count": 10, "total": 0, "links": [], "$type": super::PAGING_TYPE},
            "$type": COLLECTION_TYPE,
        },
        "$type": PROFILE_TYPE,
    });
    if let Value::Object(map) = &mut entity {
        for key in REST_NULLS {
            map.insert((*key).to_owned(), Value::Null);
        }
    }
    entity
}

/// `GET /identity/dash/profiles/{urn:li:fsd_profile:<id>}` (catalogue `profile`): the Profile
/// itself (normalized: `data` is the entity) in [`profile_entity`]'s projection, which has no
/// e-mail address (seq 58); 404 for an unknown id.
pub(super) fn profile(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("profileUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(id) = urn.strip_prefix("urn:li:fsd_profile:") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(index) = world.people.iter().position(|p| p.profile_id == id) else {
        return Answer::error(StatusCode::NOT_FOUND);
    };
    Answer::ok(profile_entity(&world.people[index]))
}

/// The contact fields of a dash profile as `viewer` may see them, for the unrecorded
/// `FullProfileWithEntities` projection. `address` and `birthDateOn` are keys of catalogue
/// `profile`'s projection (seq 58); the world records neither, so they are `null`. The e-mail
/// address is shaped as catalogue `profile_by_member_identity` gives it (seq 54:
/// `emailAddress.emailAddress`, `$type` `…common.handles.EmailAddress`), shown, as on
/// LinkedIn, to the member and their connections only. The world has no phones, websites or
/// Twitter handles.
fn add_contact_fields(entity: &mut Value, world: &World, viewer: usize, person: usize) {
    let Value::Object(map) = entity else {
        return;
    };
    let visible = viewer == person || world.connected(viewer, person);
    let email = world
        .people
        .get(person)
        .filter(|p| visible && !p.email.is_empty())
        .map_or(Value::Null, |p| {
            json!({"emailAddress": p.email, "$type": "com.linkedin.voyager.dash.common.handles.EmailAddress"})
        });
    map.insert("address".to_owned(), Value::Null);
    map.insert("birthDateOn".to_owned(), Value::Null);
    map.insert("emailAddress".to_owned(), email);
}

/// A `urn:li:collectionResponse:<base64>` for a section of a profile, stable per profile.
fn section_urn(p: &Person, section: &str) -> String {
    format!(
        "urn:li:collectionResponse:{}",
        crate::BASE64.encode(format!("{section}:{}", p.profile_id).as_bytes())
    )
}

/// A section of a profile: a collection entity with its items (each an entity of type
/// `…identity.profile.<Type>`, `urn:li:<kind>:(<profile id>,<n>)` unless it has its own
/// `entityUrn`) and `paging`.
fn section(p: &Person, name: &str, kind: &str, type_name: &str, items: Vec<Value>) -> Value {
    let total = items.len();
    let elements: Vec<Value> = items
        .into_iter()
        .enumerate()
        .map(|(n, mut item)| {
            if let Value::Object(map) = &mut item {
                map.entry("entityUrn").or_insert_with(|| {
                    json!(format!("urn:li:{kind}:({},{})", p.profile_id, n + 1))
                });
                map.insert(
                    "$type".to_owned(),
                    json!(format!(
                        "com.linkedin.voyager.dash.identity.profile.{type_name}"
                    )),
                );
            }
            item
        })
        .collect();
    let mut collection = collection(elements, 0, total.max(10), total);
    if let Value::Object(map) = &mut collection {
        map.insert("entityUrn".to_owned(), json!(section_urn(p, name)));
    }
    collection
}

/// The dash Profile with the sections of catalogue `profile_with_sections`'s projection
/// (peers.md §c.11: one `*profile<Section>` reference per section, each a collection in
/// `included`): position groups, skills, educations, certifications and languages, and the
/// contact fields of catalogue `profile`, whose projection this one extends, as `viewer` may
/// see them. The items'
/// shapes are not in the reference and follow LinkedIn's dash conventions
/// (`PositionGroup.companyName`, `dateRange`, `*profilePositionInPositionGroup` → `Position.title`,
/// `companyName`, `companyUrn`, `locationName`, `description`, `dateRange`; `Skill.name`;
/// `Education.schoolName`, `schoolUrn`, `degreeName`, `fieldOfStudy`, `dateRange`;
/// `Certification.name`; `Language.name`); the other sections of the projection are not
/// emulated.
fn profile_with_sections(world: &World, viewer: usize, p: &Person) -> Value {
    let skills = p.skills.iter().map(|s| json!({"name": s})).collect();
    let educations = p
        .education
        .iter()
        .map(|e| {
            let school = world.schools.get(e.school);
            json!({
                "schoolName": school.map(|s| s.name.as_str()),
                "schoolUrn": school.map(|s| format!("urn:li:fsd_school:{}", s.id)),
                "degreeName": e.degree,
                "fieldOfStudy": e.field,
                "dateRange": {
                    "start": {"year": e.years.0, "$type": "com.linkedin.common.Date"},
                    "end": {"year": e.years.1, "$type": "com.linkedin.common.Date"},
                    "$type": "com.linkedin.common.DateRange",
                },
            })
        })
        .collect();
    let certifications = p
        .certifications
        .iter()
        .map(|c| json!({"name": c}))
        .collect();
    let languages = p.languages.iter().map(|l| json!({"name": l})).collect();
    let mut entity = profile_entity(p);
    if let Some(index) = world
        .people
        .iter()
        .position(|q| q.profile_id == p.profile_id)
    {
        add_contact_fields(&mut entity, world, viewer, index);
    }
    if let Value::Object(map) = &mut entity {
        let sections = [
            (
                "profilePositionGroups",
                "fsd_profilePositionGroup",
                "PositionGroup",
                position_groups(world, p),
            ),
            ("profileSkills", "fsd_skill", "Skill", skills),
            (
                "profileEducations",
                "fsd_profileEducation",
                "Education",
                educations,
            ),
            (
                "profileCertifications",
                "fsd_profileCertification",
                "Certification",
                certifications,
            ),
            (
                "profileLanguages",
                "fsd_profileLanguage",
                "Language",
                languages,
            ),
        ];
        for (name, kind, type_name, items) in sections {
            map.insert(name.to_owned(), section(p, name, kind, type_name, items));
        }
    }
    entity
}

/// The top card of catalogue `profile_top_card`: who the profile is (voyager.md §4.2: it
/// answers `elements[0].{publicIdentifier, entityUrn, objectUrn}`), with the name and headline.
fn top_card(p: &Person) -> Value {
    json!({
        "entityUrn": profile_urn(p),
        "objectUrn": format!("urn:li:member:{}", p.member_id),
        "publicIdentifier": p.public_id,
        "firstName": p.first_name,
        "lastName": p.last_name,
        "headline": p.headline,
        "$type": PROFILE_TYPE,
    })
}

/// What the `memberIdentity` finder answers, by the catalogue entry (each fixes its
/// `decorationId`, which the router has matched).
#[derive(Clone, Copy)]
pub(super) enum Projection {
    /// Catalogue `profile_top_card`: [`top_card`].
    TopCard,
    /// Catalogue `profile_with_sections`: [`profile_with_sections`].
    WithSections,
}

/// `GET /identity/dash/profiles?q=memberIdentity&memberIdentity=<vanity or id>&decorationId=…`
/// (catalogue `profile_top_card` and `profile_with_sections`): a collection of the one
/// profile in the entry's projection, empty for an unknown identity; 400 without a
/// `memberIdentity`. A stale or missing `decorationId` never gets here: the router answers
/// it 400, as LinkedIn does.
pub(super) fn by_member_identity(call: &mut Call<'_>, projection: Projection) -> Answer {
    let Some(identity) = call.text("memberIdentity") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let elements: Vec<Value> = person_by_identity(world, &identity)
        .map(|i| &world.people[i])
        .map(|p| match projection {
            Projection::TopCard => top_card(p),
            Projection::WithSections => profile_with_sections(world, call.me, p),
        })
        .into_iter()
        .collect();
    let total = elements.len();
    Answer::ok(collection(elements, 0, 10, total))
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
    let months = months_spanned(start, end);
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
        duration_text(start, end.unwrap_or(PRESENT_MONTH))
    )
}

/// A description as the position's fixed-list text component.
fn description_components(description: &str) -> Value {
    json!({"components": [{"components": {"fixedListComponent": {"components": [
        {"components": {"textComponent": {"text": {"text": description}}}}
    ]}}}]})
}

/// Catalogue `profile_experiences`, the experience section: one entity component per
/// position, and one per company with several consecutive positions whose sub-component
/// points (`*pagedListComponent` when normalized) at a `urn:li:fsd_profilePositionGroup:(…)`
/// entry holding the positions. Other section types are not emulated (None).
pub(super) fn experiences(call: &mut Call<'_>) -> Option<Answer> {
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
        call.endpoint,
        json!({"elements": elements, "$type": COLLECTION_TYPE}),
    ))
}

/// A member's positions in runs of consecutive positions at one company, most recent first,
/// each with its `urn:li:fsd_profilePositionGroup:(<profile id>,<n>)`: what the experience
/// section shows as one item per run, and the `profilePositionGroups` section holds.
fn position_runs<'p>(world: &World, p: &'p Person) -> Vec<(String, &'p [Experience])> {
    let mut runs = Vec::new();
    let mut rest = p.experiences.as_slice();
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take_while(|e| e.company == first.company)
            .count();
        let (group, tail) = rest.split_at(run);
        rest = tail;
        let company_id = world.companies.get(first.company).map_or(0, |c| c.id);
        let urn = format!(
            "urn:li:fsd_profilePositionGroup:({},{})",
            p.profile_id,
            company_id * 100 + runs.len() as u64 + 1
        );
        runs.push((urn, group));
    }
    runs
}

fn experience_components(world: &World, p: &Person) -> Vec<Value> {
    let company = |i: usize| world.companies.get(i);
    let name = |i: usize| company(i).map_or("", |c: &Company| c.name.as_str());
    let place = |i: usize| company(i).map_or("", |c: &Company| c.headquarters.as_str());
    let mut out = Vec::new();
    for (group_urn, group) in position_runs(world, p) {
        let [first, ..] = group else { continue };
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
        let end = first.end.unwrap_or(PRESENT_MONTH);
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

/// A `com.linkedin.common.DateRange` of (year, month) pairs; no `end` for an ongoing one.
fn date_range(start: (u16, u8), end: Option<(u16, u8)>) -> Value {
    let date = |(year, month): (u16, u8)| json!({"year": year, "month": month, "$type": "com.linkedin.common.Date"});
    let mut range = json!({"start": date(start), "$type": "com.linkedin.common.DateRange"});
    if let (Some(end), Value::Object(map)) = (end, &mut range) {
        map.insert("end".to_owned(), date(end));
    }
    range
}

/// The items of the `profilePositionGroups` section: one `PositionGroup` per run of
/// positions at a company, its positions in a `profilePositionInPositionGroup` collection.
/// A position's place is its company's headquarters, as in the experience section.
fn position_groups(world: &World, p: &Person) -> Vec<Value> {
    let mut number = 0;
    position_runs(world, p)
        .into_iter()
        .enumerate()
        .map(|(g, (group_urn, group))| {
            let company = group.first().and_then(|e| world.companies.get(e.company));
            let company_name = company.map(|c| c.name.as_str());
            let company_urn = company.map(|c| format!("urn:li:fsd_company:{}", c.id));
            let positions: Vec<Value> = group
                .iter()
                .map(|e| {
                    number += 1;
                    json!({
                        "entityUrn": format!("urn:li:fsd_profilePosition:({},{number})", p.profile_id),
                        "title": e.title,
                        "companyName": company_name,
                        "companyUrn": company_urn,
                        "locationName": company.map(|c| c.headquarters.as_str()),
                        "description": e.description,
                        "dateRange": date_range(e.start, e.end),
                        "$type": "com.linkedin.voyager.dash.identity.profile.Position",
                    })
                })
                .collect();
            let total = positions.len();
            let mut positions = collection(positions, 0, total.max(10), total);
            if let Value::Object(map) = &mut positions {
                let name = format!("profilePositionInPositionGroup{g}");
                map.insert("entityUrn".to_owned(), json!(section_urn(p, &name)));
            }
            let start = group.last().map(|e| e.start);
            let end = group.first().and_then(|e| e.end);
            json!({
                "entityUrn": group_urn,
                "companyName": company_name,
                "companyUrn": company_urn,
                "dateRange": start.map(|start| date_range(start, end)),
                "profilePositionInPositionGroup": positions,
            })
        })
        .collect()
}
