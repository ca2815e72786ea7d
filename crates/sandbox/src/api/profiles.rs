//! The GraphQL profile finders, each in its own projection as LinkedIn's recorded answers show
//! it (`fixtures/recorded/`): LinkedIn's queries differ per queryId, from the minimal
//! `entityUrn` + `versionTag` (seq 37) to the top card with positions, connections and
//! following state (seq 42). Built nested, with `entityUrn` and `$type` on entities; the
//! caller normalizes them (`data` + `included`) and [`super::recipes`] adds the recipe names.
//!
//! What the world does not have is `null` where the projection has the key (pictures,
//! pronouns, postal codes, creator information) or left out with the place (LinkedIn's
//! premium upsells, profile actions, verification); the conformance test lists each such
//! difference and why. The recordings are of the recorder's own profile; for another member
//! the shapes of the relationship follow the projection's schema (`meta.microSchema` of the
//! same recording), and what the schema shows only for oneself (the privacy settings) is
//! `null`.

use http::StatusCode;
use serde_json::{Value, json};

use super::{Answer, Call, graphql, member_distance, variables};
use crate::world::{Company, Experience, Person, School, World};

pub(super) const PROFILE_TYPE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";
const GEO_TYPE: &str = "com.linkedin.voyager.dash.common.Geo";
const COLLECTION_TYPE: &str = super::COLLECTION_TYPE;

/// `urn:li:fsd_profile:<id>`.
pub(super) fn profile_urn(p: &Person) -> String {
    format!("urn:li:fsd_profile:{}", p.profile_id)
}

/// An opaque, stable `versionTag` for a person.
pub(super) fn version_tag(p: &Person) -> String {
    (p.member_id.wrapping_mul(2_654_435_761) % 4_000_000_000).to_string()
}

/// The world's members all write `en_US`.
pub(super) const LOCALE: &str = "en_US";

/// A text in every locale the member writes, as GraphQL gives it: `[{key, value}]`.
fn multi_locale(text: &str) -> Value {
    json!([{"key": LOCALE, "value": text}])
}

/// The countries of the world's places: the last part of a place's name, its
/// `urn:li:fsd_geo:` id and its ISO 3166 code. A place of a state of the United States names
/// the state only.
const COUNTRIES: &[(&str, u64, &str)] = &[
    ("United States", 103_644_278, "US"),
    ("California", 103_644_278, "US"),
    ("Australia", 101_452_733, "AU"),
    ("Germany", 101_282_230, "DE"),
    ("France", 105_015_875, "FR"),
    ("United Kingdom", 101_165_590, "GB"),
    ("Canada", 101_174_742, "CA"),
    ("Netherlands", 102_890_719, "NL"),
    ("Nigeria", 105_365_761, "NG"),
    ("India", 102_713_980, "IN"),
    ("Singapore", 102_454_443, "SG"),
    ("Ireland", 104_738_515, "IE"),
    ("Spain", 105_646_813, "ES"),
    ("Sweden", 105_117_694, "SE"),
    ("Brazil", 106_057_199, "BR"),
    ("Kenya", 100_710_459, "KE"),
    ("Poland", 105_072_130, "PL"),
];

/// A person's country: its name, geo id and ISO code (`None` for a place not in
/// [`COUNTRIES`]).
pub(super) fn country(p: &Person) -> Option<(&'static str, u64, &'static str)> {
    let last = p.location.rsplit(", ").next()?;
    let &(name, id, iso) = COUNTRIES.iter().find(|(n, _, _)| *n == last)?;
    let name = if name == "California" {
        "United States"
    } else {
        name
    };
    Some((name, id, iso))
}

/// The place's name without its country (`Berlin` for `Berlin, Germany`).
fn without_country(p: &Person) -> String {
    match country(p) {
        Some((_, _, "US")) if !p.location.ends_with("United States") => p.location.clone(),
        Some(_) => p
            .location
            .rsplit_once(", ")
            .map_or_else(|| p.location.clone(), |(head, _)| head.to_owned()),
        None => p.location.clone(),
    }
}

/// Which keys of a `Geo` a projection has.
#[derive(Clone, Copy)]
pub(super) enum GeoKeys {
    /// Seq 39: the place with `countryISOCode`; the country with its name.
    Vanity,
    /// Seq 54: the place's names; the country's name without country (its name).
    MemberIdentity,
    /// Seq 58: the place with `countryUrn`; the country with its name.
    Rest,
}

/// The person's place as a `Geo` entity, its country a `Geo` of its own under `country`.
pub(super) fn geo(p: &Person, keys: GeoKeys) -> Value {
    let urn = format!("urn:li:fsd_geo:{}", p.geo_id);
    let mut place = json!({
        "entityUrn": urn,
        "defaultLocalizedName": p.location,
        "defaultLocalizedNameWithoutCountryName": without_country(p),
        "$type": GEO_TYPE,
    });
    let Some((name, id, iso)) = country(p) else {
        return place;
    };
    let country_urn = format!("urn:li:fsd_geo:{id}");
    let country = match keys {
        GeoKeys::Vanity | GeoKeys::Rest => {
            json!({"entityUrn": country_urn, "defaultLocalizedName": name, "$type": GEO_TYPE})
        }
        GeoKeys::MemberIdentity => json!({
            "entityUrn": country_urn,
            "defaultLocalizedNameWithoutCountryName": name,
            "$type": GEO_TYPE,
        }),
    };
    if let Value::Object(map) = &mut place {
        // A city state is its own country: one entity.
        if id != p.geo_id {
            map.insert("country".to_owned(), country);
        }
        match keys {
            GeoKeys::Vanity => {
                map.insert("countryISOCode".to_owned(), json!(iso));
            }
            GeoKeys::Rest => {
                map.insert("countryUrn".to_owned(), json!(country_urn));
            }
            GeoKeys::MemberIdentity => {}
        }
    }
    place
}

/// `geoLocation`: the place (an entity) and its postal code, which the world does not
/// record (`null`).
fn geo_location(p: &Person, keys: GeoKeys) -> Value {
    let mut out = json!({
        "geo": geo(p, keys),
        "$type": "com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation",
    });
    if let (GeoKeys::Vanity, Value::Object(map)) = (keys, &mut out) {
        map.insert("postalCode".to_owned(), Value::Null);
    }
    out
}

/// A `com.linkedin.common.Locale` of seq 39: the primary locale has all its keys, the
/// supported ones fewer.
fn locale(primary: bool) -> Value {
    let mut out = json!({
        "country": "US",
        "language": "en",
        "variant": null,
        "$type": "com.linkedin.common.Locale",
    });
    if let (true, Value::Object(map)) = (primary, &mut out) {
        map.insert("extensions".to_owned(), Value::Null);
        map.insert("script".to_owned(), Value::Null);
    }
    out
}

/// How the person stands to the viewer: `None` for the viewer themself, else the distance
/// (1 for a connection).
fn relation(world: &World, viewer: usize, person: usize) -> Option<Option<u32>> {
    (viewer != person).then(|| world.degrees_from(viewer).get(person).copied().flatten())
}

/// Which members of the relationship union a projection has, and their keys.
#[derive(Clone, Copy)]
pub(super) enum RelationKeys {
    /// Seq 39: `self`, `connection` (with the connected member), `noConnection` (with the
    /// distance and invitation), and `memberRelationshipDataResolutionResult`.
    Vanity,
    /// Seq 54: `self`, `connection` (an entity), `noConnection` (the distance).
    MemberIdentity,
    /// Seqs 66, 99: `connection` (an entity) and `noConnection` only.
    MessagingCard,
}

/// The `MemberRelationship` entity of `person` as `viewer` sees it, in the projection of
/// `keys`. Oneself is `self`, an empty record (`__typename` only; the recorded value is
/// anonymized, so the sandbox's is inferred); a connection is a `Connection` entity
/// (`urn:li:fsd_connection:<profile id>`); anyone else `noConnection` with the distance and
/// no invitation (the world's invitations are not projected here).
pub(super) fn member_relationship(
    world: &World,
    viewer: usize,
    person: usize,
    keys: RelationKeys,
) -> Value {
    let p = &world.people[person];
    let connection_urn = format!("urn:li:fsd_connection:{}", p.profile_id);
    let connection = |extra: bool| {
        let mut c = json!({
            "entityUrn": connection_urn,
            "$type": "com.linkedin.voyager.dash.relationships.Connection",
        });
        if let (true, Value::Object(map)) = (extra, &mut c) {
            map.insert("connectedMember".to_owned(), json!(profile_urn(p)));
            // The world keeps no connection dates.
            map.insert("createdAt".to_owned(), Value::Null);
        }
        c
    };
    let no_connection = |degree: Option<u32>, invitation: bool| {
        let mut n = json!({"memberDistance": member_distance(degree)});
        if let (true, Value::Object(map)) = (invitation, &mut n) {
            map.insert("invitation".to_owned(), Value::Null);
        }
        n
    };
    let union = match (relation(world, viewer, person), keys) {
        (None, RelationKeys::MessagingCard) => json!({"connection": null, "noConnection": null}),
        (None, _) => {
            json!({"self": {"__typename": "EmptyRecord"}, "connection": null, "noConnection": null})
        }
        (Some(Some(1)), RelationKeys::Vanity) => {
            json!({"self": null, "connection": connection(true), "noConnection": null})
        }
        (Some(Some(1)), RelationKeys::MemberIdentity) => {
            json!({"self": null, "connection": connection(false), "noConnection": null})
        }
        (Some(Some(1)), RelationKeys::MessagingCard) => {
            json!({"connection": connection(false), "noConnection": null})
        }
        (Some(d), RelationKeys::Vanity) => {
            json!({"self": null, "connection": null, "noConnection": no_connection(d, true)})
        }
        (Some(d), RelationKeys::MemberIdentity) => {
            json!({"self": null, "connection": null, "noConnection": no_connection(d, false)})
        }
        (Some(d), RelationKeys::MessagingCard) => {
            json!({"connection": null, "noConnection": no_connection(d, true)})
        }
    };
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_memberRelationship:{}", p.profile_id),
        "memberRelationship": union,
        "$type": "com.linkedin.voyager.dash.relationships.MemberRelationship",
    });
    if let (RelationKeys::Vanity, Value::Object(map)) = (keys, &mut out) {
        map.insert(
            "memberRelationshipDataResolutionResult".to_owned(),
            Value::Null,
        );
    }
    out
}

/// The viewer's own privacy settings (`urn:li:fsd_privacySettings:singleton`), which the
/// profile of oneself carries (seqs 39, 54): LinkedIn's defaults, as the world records none.
fn privacy_settings(keys: RelationKeys) -> Value {
    let mut out = json!({
        "entityUrn": "urn:li:fsd_privacySettings:singleton",
        "allowOpenProfile": false,
        "allowProfileEditBroadcasts": true,
        "discloseAsProfileViewer": "DISCLOSE_FULL",
        "formerNameVisibilitySetting": "PUBLIC",
        "fullLastNameShown": true,
        "messagingSeenReceipts": "ENABLED",
        "messagingTypingIndicators": "ENABLED",
        "namePronunciationVisibilitySetting": "MEMBERS",
        "profilePictureVisibilitySetting": "PUBLIC",
        "pronounVisibilitySetting": "MEMBERS",
        "publicProfilePictureVisibilitySetting": "PUBLIC",
        "requireReferral": false,
        "showPublicProfile": true,
        "$type": "com.linkedin.voyager.dash.identity.profile.PrivacySettings",
    });
    if let (RelationKeys::Vanity, Value::Object(map)) = (keys, &mut out) {
        map.insert("followPrimarySettingEnabled".to_owned(), json!(true));
    }
    out
}

/// `urn:li:fsd_company:<id>`'s page link.
fn company_url(c: &Company) -> String {
    format!("https://www.linkedin.com/company/{}/", c.universal_name)
}

fn school_url(s: &School) -> String {
    format!("https://www.linkedin.com/school/{}/", s.universal_name)
}

/// Which keys of the organizations and positions a projection has.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TopKeys {
    /// Seq 42: companies with `universalName`; positions with the company's names and a
    /// start `day`; educations with the school's name.
    VanityFull,
    /// Seq 54: positions with the title; educations with a description and the school's
    /// names; schools `active`.
    MemberIdentity,
}

/// A `Company` entity (its logo is `null`: the world has no images).
fn company_entity(c: &Company, keys: TopKeys) -> Value {
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_company:{}", c.id),
        "name": c.name,
        "url": company_url(c),
        "logoResolutionResult": null,
        "$type": "com.linkedin.voyager.dash.organization.Company",
    });
    if let (TopKeys::VanityFull, Value::Object(map)) = (keys, &mut out) {
        map.insert("universalName".to_owned(), json!(c.universal_name));
    }
    out
}

/// A school's company page as a `Company` entity (what `Education.company` is).
fn school_company(s: &School, keys: TopKeys) -> Value {
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_company:{}", s.id),
        "name": s.name,
        "url": school_url(s),
        "logoResolutionResult": null,
        "$type": "com.linkedin.voyager.dash.organization.Company",
    });
    if let (TopKeys::VanityFull, Value::Object(map)) = (keys, &mut out) {
        map.insert("universalName".to_owned(), json!(s.universal_name));
    }
    out
}

fn school_entity(s: &School, keys: TopKeys) -> Value {
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_school:{}", s.id),
        "name": s.name,
        "url": school_url(s),
        "logoResolutionResult": null,
        "$type": "com.linkedin.voyager.dash.organization.School",
    });
    if let (TopKeys::MemberIdentity, Value::Object(map)) = (keys, &mut out) {
        map.insert("active".to_owned(), json!(true));
    }
    out
}

/// A `com.linkedin.common.Date` of a year and month (`day` as seq 42 has it).
fn date((year, month): (u16, u8), keys: TopKeys) -> Value {
    let mut out = json!({"year": year, "month": month, "$type": "com.linkedin.common.Date"});
    if let (TopKeys::VanityFull, Value::Object(map)) = (keys, &mut out) {
        map.insert("day".to_owned(), Value::Null);
    }
    out
}

/// The person's top positions: the current ones (no end), or the most recent one when none
/// is current, with their numbers in [`Person::experiences`] (the `n` of
/// `urn:li:fsd_profilePosition:(<id>,<n>)`, from 1).
fn top_positions(p: &Person) -> Vec<(usize, &Experience)> {
    let current: Vec<(usize, &Experience)> = p
        .experiences
        .iter()
        .enumerate()
        .filter(|(_, e)| e.end.is_none())
        .map(|(i, e)| (i + 1, e))
        .collect();
    if current.is_empty() {
        p.experiences.first().map(|e| (1, e)).into_iter().collect()
    } else {
        current
    }
}

fn position_entity(world: &World, p: &Person, n: usize, e: &Experience, keys: TopKeys) -> Value {
    let company = world.companies.get(e.company);
    let name = company.map(|c| c.name.as_str());
    let date_range = json!({
        "start": date(e.start, keys),
        "end": e.end.map(|end| date(end, keys)),
        "$type": "com.linkedin.common.DateRange",
    });
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_profilePosition:({},{n})", p.profile_id),
        "company": company.map(|c| company_entity(c, keys)),
        "companyName": name,
        "dateRange": date_range,
        "$type": "com.linkedin.voyager.dash.identity.profile.Position",
    });
    if let Value::Object(map) = &mut out {
        match keys {
            TopKeys::VanityFull => {
                map.insert(
                    "multiLocaleCompanyName".to_owned(),
                    multi_locale(name.unwrap_or("")),
                );
            }
            TopKeys::MemberIdentity => {
                map.insert("title".to_owned(), json!(e.title));
                map.insert("multiLocaleTitle".to_owned(), multi_locale(&e.title));
            }
        }
    }
    out
}

/// The person's top education (the most recent school), numbered as in the sections.
fn education_entity(world: &World, p: &Person, keys: TopKeys) -> Option<Value> {
    let e = p.education.first()?;
    let school = world.schools.get(e.school)?;
    let mut out = json!({
        "entityUrn": format!("urn:li:fsd_profileEducation:({},1)", p.profile_id),
        "school": school_entity(school, keys),
        "company": school_company(school, keys),
        "schoolName": school.name,
        "$type": "com.linkedin.voyager.dash.identity.profile.Education",
    });
    if let (TopKeys::MemberIdentity, Value::Object(map)) = (keys, &mut out) {
        map.insert("description".to_owned(), Value::Null);
        map.insert(
            "multiLocaleSchoolName".to_owned(),
            multi_locale(&school.name),
        );
    }
    Some(out)
}

/// An inline collection of entities, with `paging` as seq 42 gives it (`count`, `start`,
/// `total`) when `total` is given.
fn top(elements: Vec<Value>, total: Option<usize>) -> Value {
    let mut out = json!({"elements": elements, "$type": COLLECTION_TYPE});
    if let (Some(total), Value::Object(map)) = (total, &mut out) {
        let count = map["elements"].as_array().map_or(0, Vec::len);
        map.insert(
            "paging".to_owned(),
            json!({"count": count, "start": 0, "total": total, "$type": super::PAGING_TYPE}),
        );
    }
    out
}

/// Catalogue `profile_urn_by_member_identity` (seq 37): `entityUrn` and `versionTag`.
fn urn_only(p: &Person) -> Value {
    json!({"entityUrn": profile_urn(p), "versionTag": version_tag(p), "$type": PROFILE_TYPE})
}

/// Catalogue `profile_by_vanity` (seq 39): the profile's names, headline, place, locales and
/// relationship to the viewer, the experience and education cards (`tetris.Card`
/// references), and the viewer's privacy settings on their own profile.
fn by_vanity(world: &World, viewer: usize, person: usize) -> Value {
    let p = &world.people[person];
    let card = |section: &str| {
        json!({
            "entityUrn": format!("urn:li:fsd_profileCard:({},{section},{LOCALE})", p.profile_id),
            "$type": "com.linkedin.voyager.dash.identity.profile.tetris.Card",
        })
    };
    json!({
        "entityUrn": profile_urn(p),
        "objectUrn": format!("urn:li:member:{}", p.member_id),
        "publicIdentifier": p.public_id,
        "versionTag": version_tag(p),
        "trackingId": super::tracking_id(&p.profile_id),
        "firstName": p.first_name,
        "lastName": p.last_name,
        "headline": p.headline,
        "multiLocaleFirstName": multi_locale(&p.first_name),
        "multiLocaleLastName": multi_locale(&p.last_name),
        "multiLocaleHeadline": multi_locale(&p.headline),
        "multiLocaleMaidenName": [],
        "multiLocaleTempStatus": [],
        "birthDateOn": null,
        "pronoun": null,
        "tempStatus": null,
        "tempStatusEmoji": null,
        "tempStatusExpiredAt": null,
        "topVoiceBadge": null,
        "memberPostAnalytics": null,
        "memorialized": false,
        "premium": false,
        "showPremiumSubscriberBadge": false,
        "influencer": false,
        "creator": false,
        "creatorInfo": null,
        "showFollowerCount": true,
        "hideNonSelfProfileViewBasedOnViewer": false,
        "coverPhotoItems": [],
        "profilePicture": null,
        "backgroundPicture": null,
        "profileGeneratedSuggestionPromo": {"elements": [], "$type": COLLECTION_TYPE},
        "primaryLocale": locale(true),
        "supportedLocales": [locale(false)],
        "geoLocation": geo_location(p, GeoKeys::Vanity),
        "experienceCard": card("EXPERIENCE"),
        "educationCard": card("EDUCATION"),
        "memberRelationship": member_relationship(world, viewer, person, RelationKeys::Vanity),
        "privacySettings": (viewer == person).then(|| privacy_settings(RelationKeys::Vanity)),
        "$type": PROFILE_TYPE,
    })
}

/// Catalogue `profile_by_vanity_full` (seq 42): the top card's parts: the top position and
/// education with their organizations, one connection and their number, whether the viewer
/// follows the member and how many do, the place's country, and the empty collections of
/// insights and callouts. The premium features and upsells, the action buttons, the
/// verification state and the notification setting of the web app's top card are not
/// emulated.
fn by_vanity_full(world: &World, viewer: usize, person: usize) -> Value {
    let p = &world.people[person];
    let keys = TopKeys::VanityFull;
    let positions: Vec<Value> = top_positions(p)
        .into_iter()
        .take(1)
        .map(|(n, e)| position_entity(world, p, n, e, keys))
        .collect();
    let educations: Vec<Value> = education_entity(world, p, keys).into_iter().collect();
    let connections: Vec<usize> = world
        .connections
        .iter()
        .filter_map(|&(a, b)| match (a == person, b == person) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        })
        .collect();
    let first = connections.first().map(|&c| {
        json!({
            "entityUrn": format!("urn:li:fsd_connection:{}", world.people[c].profile_id),
            "$type": "com.linkedin.voyager.dash.relationships.Connection",
        })
    });
    let following = viewer != person && world.connected(viewer, person);
    let country_code = country(p).map(|(_, _, iso)| iso.to_lowercase());
    json!({
        "entityUrn": profile_urn(p),
        "profilePicture": null,
        "creatorWebsite": null,
        "creatorBadgeStatus": "INELIGIBLE",
        "associatedHashtagsCopy": null,
        "companyNameOnProfileTopCardShown": true,
        "educationOnProfileTopCardShown": true,
        "fullNamePronunciationAudio": null,
        "multiLocaleFullNamePronunciationAudio": [],
        "idvAdditionalNameConsent": false,
        "imFollowsPromoLegoTrackingId": null,
        "premiumCoverPhotosCTA": null,
        "location": {
            "countryCode": country_code,
            "postalCode": null,
            "preferredGeoPlace": null,
            "$type": "com.linkedin.voyager.dash.identity.profile.ProfileLocation",
        },
        "profileTopPosition": top(positions, Some(p.experiences.len())),
        "profileTopEducation": top(educations, Some(p.education.len())),
        "connections": top(first.into_iter().collect(), Some(connections.len())),
        "profileInsight": top(Vec::new(), None),
        "profileDiscoveryDrawerInfo": top(Vec::new(), None),
        "profileTopCardCustomAction": top(Vec::new(), None),
        "topCardCallouts": top(Vec::new(), None),
        "followingState": {
            "entityUrn": format!("urn:li:fsd_followingState:{}", profile_urn(p)),
            "following": following,
            "followerCount": p.followers,
            "preDashFollowingInfoUrn": format!("urn:li:fs_followingInfo:urn:li:member:{}", p.profile_id),
            "$type": "com.linkedin.voyager.dash.feed.FollowingState",
        },
        "$type": PROFILE_TYPE,
    })
}

/// Catalogue `profile_by_member_identity` (seq 54): the headline, place, top position and
/// education with their organizations, the relationship to the viewer, the viewer's privacy
/// settings on their own profile, and the e-mail address
/// (`{emailAddress, $type: …common.handles.EmailAddress}`), which LinkedIn shows to the
/// member and their connections only (`null` for anyone else).
fn by_member_identity(world: &World, viewer: usize, person: usize) -> Value {
    let p = &world.people[person];
    let keys = TopKeys::MemberIdentity;
    let positions: Vec<Value> = top_positions(p)
        .into_iter()
        .map(|(n, e)| position_entity(world, p, n, e, keys))
        .collect();
    let educations: Vec<Value> = education_entity(world, p, keys).into_iter().collect();
    let visible = viewer == person || world.connected(viewer, person);
    let email = (visible && !p.email.is_empty()).then(|| {
        json!({
            "emailAddress": p.email,
            "$type": "com.linkedin.voyager.dash.common.handles.EmailAddress",
        })
    });
    json!({
        "entityUrn": profile_urn(p),
        "headline": p.headline,
        "premium": false,
        "student": false,
        "displayBadges": [],
        "profilePicture": null,
        "backgroundPicture": null,
        "emailAddress": email,
        "geoLocation": {
            "geo": geo(p, GeoKeys::MemberIdentity),
            "$type": "com.linkedin.voyager.dash.identity.profile.ProfileGeoLocation",
        },
        "profileTopPosition": top(positions, None),
        "profileTopEducation": top(educations, None),
        "memberRelationship": member_relationship(world, viewer, person, RelationKeys::MemberIdentity),
        "privacySettings": (viewer == person).then(|| privacy_settings(RelationKeys::MemberIdentity)),
        "$type": PROFILE_TYPE,
    })
}

/// The projections of the finders by `vanityName` or `memberIdentity`.
#[derive(Clone, Copy)]
pub(super) enum Finder {
    /// Catalogue `profile_urn_by_member_identity`.
    UrnOnly,
    /// Catalogue `profile_by_vanity`.
    Vanity,
    /// Catalogue `profile_by_vanity_full`.
    VanityFull,
    /// Catalogue `profile_by_member_identity`.
    MemberIdentity,
}

/// A person by vanity name or by profile id, as `memberIdentity` takes either.
pub(super) fn person_by_identity(world: &World, identity: &str) -> Option<usize> {
    world
        .people
        .iter()
        .position(|p| p.public_id == identity || p.profile_id == identity)
}

/// The GraphQL profile finders by `variables=(<key>:<vanity or id>)`: the entry's data root
/// holds a collection (inline `elements`, no paging) with the profile in the entry's
/// projection as its one element, none for an unknown identity; 400 without the variable.
pub(super) fn by_identity(call: &mut Call<'_>, key: &str, finder: Finder) -> Answer {
    let vars = variables(call);
    let Some(identity) = vars.as_ref().and_then(|v| v.get(key)?.as_str()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let elements: Vec<Value> = person_by_identity(world, identity)
        .map(|i| match finder {
            Finder::UrnOnly => urn_only(&world.people[i]),
            Finder::Vanity => by_vanity(world, call.me, i),
            Finder::VanityFull => by_vanity_full(world, call.me, i),
            Finder::MemberIdentity => by_member_identity(world, call.me, i),
        })
        .into_iter()
        .collect();
    graphql(call.endpoint, super::elements(elements))
}

/// The profile id of a `urn:li:fsd_profile:` URN variable `key`.
fn profile_variable(call: &Call<'_>, key: &str) -> Option<String> {
    let vars = variables(call)?;
    let urn = vars.get(key)?.as_str()?;
    urn.strip_prefix("urn:li:fsd_profile:").map(str::to_owned)
}

/// Catalogue `profile_by_urn`, by `variables=(profileUrn:<urn>)` (seq 57): under the data
/// root (normalized: `*<root>`) the profile with `premium`, `showPremiumSubscriberBadge` and
/// the background picture (`null`: the world has no images), null if unknown; 400 without a
/// `urn:li:fsd_profile:` URN.
pub(super) fn by_urn(call: &mut Call<'_>) -> Answer {
    let Some(id) = profile_variable(call, "profileUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let profile = call
        .world
        .people
        .iter()
        .find(|p| p.profile_id == id)
        .map_or(Value::Null, |p| {
            json!({
                "entityUrn": profile_urn(p),
                "premium": false,
                "showPremiumSubscriberBadge": false,
                "backgroundPicture": null,
                "$type": PROFILE_TYPE,
            })
        });
    graphql(call.endpoint, profile)
}

/// Catalogue `profile_messaging_card`, by `variables=(profileId:<urn>)` (seqs 66, 99), the
/// card of the messaging side panel: the profile with only its `memberRelationship`, a
/// `connection` (a `Connection` entity, `urn:li:fsd_connection:<id>`) for a connection of the
/// caller, `noConnection` with the distance otherwise. `null` for an unknown profile; 400
/// without a `urn:li:fsd_profile:` URN.
pub(super) fn messaging_card(call: &mut Call<'_>) -> Answer {
    let Some(id) = profile_variable(call, "profileId") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let world = &*call.world;
    let Some(index) = world.people.iter().position(|p| p.profile_id == id) else {
        return graphql(call.endpoint, Value::Null);
    };
    let p = &world.people[index];
    let entity = json!({
        "entityUrn": profile_urn(p),
        "memberRelationship": member_relationship(world, call.me, index, RelationKeys::MessagingCard),
        "$type": PROFILE_TYPE,
    });
    graphql(call.endpoint, entity)
}
