//! Profiles: the dash profile (catalogue `profile`), the sections a `FullProfileWithEntities`
//! projection carries (skills, educations, certifications, languages), the profile components
//! of the experience section, the contact fields of the dash profile, and who viewed my
//! profile (`/identity/wvmpCards`).
//!
//! Where the reference (voyager.md, peers.md) names a field but not its inner shape, the
//! models follow LinkedIn's usual dash conventions and say so on the field.

use serde::{Deserialize, Deserializer, Serialize};

use crate::{Collection, Raw, Text};

/// Reads `null` as the type's default (LinkedIn sends `null` for many absent lists and texts,
/// which `#[serde(default)]` alone does not cover).
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

// ---------------------------------------------------------------------------------------
// The dash profile
// ---------------------------------------------------------------------------------------

/// A dash profile (`com.linkedin.voyager.dash.identity.profile.Profile`) as the
/// projection of catalogue `profile` gives it (voyager.md §4.3, §6.1(b)): the scalar fields, the
/// industry and geo (resolved from `*industry` and `geoLocation.*geo`), the pictures and the
/// contact fields. It has no positions or educations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Profile {
    /// `urn:li:fsd_profile:<profile id>`.
    #[serde(deserialize_with = "nullable")]
    pub entity_urn: String,
    /// `urn:li:member:<member id>`.
    pub object_urn: Option<String>,
    /// The public id of `linkedin.com/in/<public id>`.
    pub public_identifier: Option<String>,
    /// First name.
    #[serde(deserialize_with = "nullable")]
    pub first_name: String,
    /// Last name.
    #[serde(deserialize_with = "nullable")]
    pub last_name: String,
    /// The line under the name.
    pub headline: Option<String>,
    /// The About section.
    pub summary: Option<String>,
    /// Whether the member pays for Premium.
    pub premium: Option<bool>,
    /// Whether the profile is a memorial.
    pub memorialized: Option<bool>,
    /// LinkedIn's version of the profile (changes when it is edited).
    pub version_tag: Option<String>,
    /// The place shown on the profile, as text.
    pub location_name: Option<String>,
    /// The industry (the `*industry` entity).
    pub industry: Option<Industry>,
    /// `urn:li:fsd_industry:<id>`.
    pub industry_urn: Option<String>,
    /// The geographic location (with its `*geo` entity).
    pub geo_location: Option<ProfileGeoLocation>,
    /// Country and postal code.
    pub location: Option<ProfileLocation>,
    /// The profile photo.
    pub profile_picture: Option<Picture>,
    /// The banner image.
    pub background_picture: Option<Picture>,
    /// The postal address, when the member shares it (contact field; seen as `null` in the
    /// catalogue `profile` capture).
    pub address: Option<String>,
    /// The birthday, when the member shares it (contact field; a key of the catalogue `profile`
    /// capture).
    pub birth_date_on: Option<Date>,
    /// The e-mail address, shown to connections only. Not in the reference's capture: read
    /// under the dash profile's field name (`emailAddress.emailAddress`), LinkedIn's
    /// convention, and absent when LinkedIn leaves it out.
    pub email_address: Option<EmailAddress>,
    /// Phone numbers (dash convention `phoneNumbers[].phoneNumber.number`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub phone_numbers: Vec<PhoneNumber>,
    /// Websites (dash convention `websites[].url`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub websites: Vec<Website>,
    /// Twitter handles (dash convention `twitterHandles[].name`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub twitter_handles: Vec<TwitterHandle>,
}

impl Profile {
    /// The profile id (`ACoAA…`) of [`entity_urn`](Self::entity_urn).
    #[must_use]
    pub fn profile_id(&self) -> Option<&str> {
        self.entity_urn
            .strip_prefix("urn:li:fsd_profile:")
            .filter(|id| !id.is_empty())
    }

    /// The numeric member id of [`object_urn`](Self::object_urn).
    #[must_use]
    pub fn member_id(&self) -> Option<u64> {
        self.object_urn
            .as_deref()?
            .strip_prefix("urn:li:member:")?
            .parse()
            .ok()
    }

    /// The name of the profile's place: the geo's localized name, else `location_name`.
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.geo_location
            .as_ref()
            .and_then(|g| g.geo.as_ref())
            .and_then(|g| g.default_localized_name.as_deref())
            .or(self.location_name.as_deref())
    }

    /// The contact fields of the profile, gathered.
    #[must_use]
    pub fn contact_info(&self) -> ContactInfo {
        ContactInfo {
            email_address: self
                .email_address
                .as_ref()
                .map(|e| e.email_address.clone())
                .filter(|e| !e.is_empty()),
            phone_numbers: self.phone_numbers.clone(),
            websites: self.websites.clone(),
            twitter_handles: self
                .twitter_handles
                .iter()
                .map(|t| t.name.clone())
                .filter(|n| !n.is_empty())
                .collect(),
            address: self.address.clone().filter(|a| !a.is_empty()),
            birth_date: self.birth_date_on.clone(),
        }
    }
}

/// An industry (`com.linkedin.voyager.dash.common.Industry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Industry {
    /// `urn:li:fsd_industry:<id>`.
    pub entity_urn: Option<String>,
    /// Its name, such as `Software Development`.
    pub name: Option<String>,
}

/// A place (`com.linkedin.voyager.dash.common.Geo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Geo {
    /// `urn:li:fsd_geo:<id>`.
    pub entity_urn: Option<String>,
    /// Its name, such as `San Francisco Bay Area`.
    pub default_localized_name: Option<String>,
}

/// `geoLocation` of a profile (`…profile.ProfileGeoLocation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileGeoLocation {
    /// The place (the `*geo` entity).
    pub geo: Option<Geo>,
    /// `urn:li:fsd_geo:<id>`.
    pub geo_urn: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
}

/// `location` of a profile (`…profile.ProfileLocation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileLocation {
    /// A two-letter country code, lower case (`us`).
    pub country_code: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
}

/// A picture (`…profile.PhotoFilterPicture`): an image in several sizes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Picture {
    /// The image.
    pub display_image_reference: Option<ImageReference>,
    /// `urn:li:digitalmediaAsset:…`.
    pub display_image_urn: Option<String>,
}

impl Picture {
    /// The URL of the largest size.
    #[must_use]
    pub fn largest_url(&self) -> Option<String> {
        self.display_image_reference
            .as_ref()?
            .vector_image
            .as_ref()?
            .largest_url()
    }
}

/// An image reference: a vector image.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ImageReference {
    /// The image.
    pub vector_image: Option<VectorImage>,
}

/// An image in several sizes (`com.linkedin.common.VectorImage`): each artifact's URL is
/// `root_url` followed by its path segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct VectorImage {
    /// The common start of the artifacts' URLs.
    #[serde(deserialize_with = "nullable")]
    pub root_url: String,
    /// The sizes.
    #[serde(deserialize_with = "nullable")]
    pub artifacts: Vec<VectorArtifact>,
}

impl VectorImage {
    /// The URL of the widest artifact.
    #[must_use]
    pub fn largest_url(&self) -> Option<String> {
        let best = self.artifacts.iter().max_by_key(|a| a.width)?;
        Some(format!(
            "{}{}",
            self.root_url, best.file_identifying_url_path_segment
        ))
    }
}

/// One size of a [`VectorImage`] (`com.linkedin.common.VectorArtifact`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct VectorArtifact {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// When the URL stops working (ms since the epoch).
    pub expires_at: Option<i64>,
    /// The end of the URL.
    #[serde(deserialize_with = "nullable")]
    pub file_identifying_url_path_segment: String,
}

/// A date, possibly partial (`com.linkedin.common.Date`): a birthday has no year, a school
/// year no month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Date {
    /// The year.
    pub year: Option<u16>,
    /// The month, 1 to 12.
    pub month: Option<u8>,
    /// The day of the month.
    pub day: Option<u8>,
}

/// A span of dates (`com.linkedin.common.DateRange`); no `end` means ongoing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct DateRange {
    /// The start.
    pub start: Option<Date>,
    /// The end.
    pub end: Option<Date>,
}

// ---------------------------------------------------------------------------------------
// Contact info
// ---------------------------------------------------------------------------------------

/// `emailAddress` of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct EmailAddress {
    /// The address.
    #[serde(deserialize_with = "nullable")]
    pub email_address: String,
}

/// A phone number of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PhoneNumber {
    /// The number.
    pub phone_number: Option<PhoneNumberValue>,
    /// `MOBILE`, `HOME`, `WORK`…
    #[serde(rename(deserialize = "type"))]
    pub kind: Option<String>,
}

/// The number of a [`PhoneNumber`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PhoneNumberValue {
    /// The number as the member typed it.
    #[serde(deserialize_with = "nullable")]
    pub number: String,
}

/// A website of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Website {
    /// The URL.
    #[serde(deserialize_with = "nullable")]
    pub url: String,
    /// `PERSONAL`, `COMPANY`, `BLOG`, `PORTFOLIO`, `OTHER`…
    pub category: Option<String>,
    /// The member's own label for an `OTHER` website.
    pub label: Option<String>,
}

/// A Twitter handle of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct TwitterHandle {
    /// The handle, without `@`.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
}

/// A member's contact info, from the contact fields of the dash profile. What LinkedIn shows
/// depends on the viewer: the e-mail address only to connections, the rest as the member
/// chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactInfo {
    /// The e-mail address.
    pub email_address: Option<String>,
    /// Phone numbers.
    pub phone_numbers: Vec<PhoneNumber>,
    /// Websites.
    pub websites: Vec<Website>,
    /// Twitter handles.
    pub twitter_handles: Vec<String>,
    /// The postal address.
    pub address: Option<String>,
    /// The birthday.
    pub birth_date: Option<Date>,
}

// ---------------------------------------------------------------------------------------
// Sections (FullProfileWithEntities)
// ---------------------------------------------------------------------------------------

/// A dash profile read through a `FullProfileWithEntities` projection of the
/// `memberIdentity` finder (peers.md §c.11): one `*profile<Section>` reference per section,
/// each a collection in `included`. Only the sections read here are modelled; a section
/// missing from the answer is `None` (LinkedIn changed the projection), an empty one is
/// `Some` with no elements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileSections {
    /// `urn:li:fsd_profile:<profile id>`.
    #[serde(deserialize_with = "nullable")]
    pub entity_urn: String,
    /// The public id.
    pub public_identifier: Option<String>,
    /// Positions, in runs at one company (`*profilePositionGroups`).
    pub profile_position_groups: Option<Collection<PositionGroup>>,
    /// Skills (`*profileSkills`).
    pub profile_skills: Option<Collection<Skill>>,
    /// Schools attended (`*profileEducations`).
    pub profile_educations: Option<Collection<Education>>,
    /// Certifications (`*profileCertifications`).
    pub profile_certifications: Option<Collection<Certification>>,
    /// Languages (`*profileLanguages`).
    pub profile_languages: Option<Collection<Language>>,
}

impl PositionGroup {
    /// The positions of a `*profilePositionGroups` section, most recent first, groups
    /// flattened, in the shape [`ProfileComponents::experiences`] gives: LinkedIn's display
    /// texts for dates (`Jan 2020`, `Present`) and durations (`2 yrs 3 mos`, months counted
    /// inclusively, an ongoing position up to the current month).
    #[must_use]
    pub fn experiences(groups: &[Self]) -> Vec<Experience> {
        Self::experiences_as_of(groups, current_month())
    }

    /// [`experiences`](Self::experiences) with ongoing positions' durations counted up to
    /// `today` (year, month).
    ///
    /// A position without dates takes its group's only when it is the group's one position
    /// (a group's span is not any one of several positions' span).
    ///
    /// ```
    /// use linkedin_models::profile::PositionGroup;
    /// let groups: Vec<PositionGroup> = serde_json::from_value(serde_json::json!([{
    ///     "companyName": "Northwind",
    ///     "profilePositionInPositionGroup": {"elements": [{
    ///         "title": "Staff Engineer",
    ///         "locationName": "Lyon",
    ///         "dateRange": {"start": {"year": 2023, "month": 4}},
    ///     }]},
    /// }])).unwrap();
    /// let e = &PositionGroup::experiences_as_of(&groups, (2026, 11))[0];
    /// assert_eq!(e.company_name.as_deref(), Some("Northwind"));
    /// assert_eq!(e.start_date.as_deref(), Some("Apr 2023"));
    /// assert_eq!(e.end_date.as_deref(), Some("Present"));
    /// assert_eq!(e.duration.as_deref(), Some("3 yrs 8 mos"));
    /// ```
    #[must_use]
    pub fn experiences_as_of(groups: &[Self], today: (u16, u8)) -> Vec<Experience> {
        let mut out = Vec::new();
        for group in groups {
            let positions = group.positions();
            let group_range = match positions {
                [_] => group.date_range.as_ref(),
                _ => None,
            };
            for p in positions {
                let range = p.date_range.as_ref().or(group_range);
                let start = range.and_then(|r| r.start.as_ref());
                let end = range.and_then(|r| r.end.as_ref());
                out.push(Experience {
                    title: non_empty(p.title.as_deref()),
                    company_name: non_empty(p.company_name.as_deref())
                        .or_else(|| non_empty(group.company_name.as_deref())),
                    employment_type: p
                        .employment_type
                        .as_ref()
                        .and_then(|t| non_empty(t.name.as_deref())),
                    location_name: non_empty(p.location_name.as_deref()),
                    duration: start.and_then(|s| duration_text(s, end, today)),
                    start_date: start.and_then(date_text),
                    end_date: match end {
                        Some(end) => date_text(end),
                        None => start.map(|_| "Present".to_owned()),
                    },
                    description: non_empty(p.description.as_deref()),
                });
            }
        }
        out
    }

    /// How many items the groups hold (their positions, and at least one per group), to
    /// tell an empty section from one whose positions could not be read.
    #[must_use]
    pub fn item_count(groups: &[Self]) -> usize {
        groups.iter().map(|g| g.positions().len().max(1)).sum()
    }

    /// The group's positions.
    #[must_use]
    pub fn positions(&self) -> &[Position] {
        self.profile_position_in_position_group
            .as_ref()
            .map_or(&[], |c| c.elements.as_slice())
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date's month, 1 to 12; `None` when missing or out of range.
fn month_of(date: &Date) -> Option<u8> {
    date.month.filter(|m| (1..=12).contains(m))
}

/// LinkedIn's display text of a date: `Jan 2020`, or `2020` without a (valid) month.
fn date_text(date: &Date) -> Option<String> {
    let year = date.year?;
    Some(match month_of(date) {
        Some(month) => format!("{} {year}", MONTHS[usize::from(month - 1)]),
        None => year.to_string(),
    })
}

/// LinkedIn's duration from `start` to `end` (or to `today` when ongoing), months counted
/// inclusively: `2 yrs 3 mos`, `1 yr`, `5 mos`. `None` without (valid) months to count.
fn duration_text(start: &Date, end: Option<&Date>, today: (u16, u8)) -> Option<String> {
    let index = |year: u16, month: u8| i64::from(year) * 12 + i64::from(month);
    let from = index(start.year?, month_of(start)?);
    let to = match end {
        Some(end) => index(end.year?, month_of(end)?),
        None => index(today.0, today.1),
    };
    let months = (to - from + 1).max(1);
    let mut parts = Vec::new();
    match months / 12 {
        0 => {}
        1 => parts.push("1 yr".to_owned()),
        n => parts.push(format!("{n} yrs")),
    }
    match months % 12 {
        0 => {}
        1 => parts.push("1 mo".to_owned()),
        n => parts.push(format!("{n} mos")),
    }
    Some(parts.join(" "))
}

/// The current (year, month) in UTC, from the system clock.
fn current_month() -> (u16, u8) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    civil_month(days)
}

/// The (year, month) of a day counted from 1970-01-01.
fn civil_month(days: i64) -> (u16, u8) {
    let (year, month, _) = crate::common::civil_date(days);
    (u16::try_from(year).unwrap_or(u16::MAX), month)
}

/// Consecutive positions at one company (`com.linkedin.voyager.dash.identity.profile.PositionGroup`;
/// shape by LinkedIn's convention).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PositionGroup {
    /// `urn:li:fsd_profilePositionGroup:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The company's name.
    pub company_name: Option<String>,
    /// `urn:li:fsd_company:<id>`, when the company has a page.
    pub company_urn: Option<String>,
    /// From the first position's start to the last one's end.
    pub date_range: Option<DateRange>,
    /// The positions, most recent first (`*profilePositionInPositionGroup`).
    pub profile_position_in_position_group: Option<Collection<Position>>,
}

/// A position (`com.linkedin.voyager.dash.identity.profile.Position`; shape by LinkedIn's
/// convention).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Position {
    /// `urn:li:fsd_profilePosition:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The job title.
    pub title: Option<String>,
    /// The company's name.
    pub company_name: Option<String>,
    /// `urn:li:fsd_company:<id>`, when the company has a page.
    pub company_urn: Option<String>,
    /// Full-time, contract…
    pub employment_type: Option<EmploymentType>,
    /// The place.
    pub location_name: Option<String>,
    /// The member's description.
    pub description: Option<String>,
    /// When; no end for a current position.
    pub date_range: Option<DateRange>,
}

/// An employment type (`com.linkedin.voyager.dash.identity.profile.EmploymentType`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct EmploymentType {
    /// `urn:li:fsd_employmentType:<id>`.
    pub entity_urn: Option<String>,
    /// Its display name, such as `Full-time`.
    pub name: Option<String>,
}

/// A skill on a profile (`com.linkedin.voyager.dash.identity.profile.Skill`; shape by
/// LinkedIn's convention: `name`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Skill {
    /// `urn:li:fsd_skill:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The skill, such as `Rust`.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
}

/// A school attended (`com.linkedin.voyager.dash.identity.profile.Education`; shape by
/// LinkedIn's convention).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Education {
    /// `urn:li:fsd_profileEducation:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The school's name.
    pub school_name: Option<String>,
    /// `urn:li:fsd_school:<id>`, when the school has a page.
    pub school_urn: Option<String>,
    /// The degree, such as `Master of Science`.
    pub degree_name: Option<String>,
    /// The field of study.
    pub field_of_study: Option<String>,
    /// The grade.
    pub grade: Option<String>,
    /// Activities and societies.
    pub activities: Option<String>,
    /// The member's description.
    pub description: Option<String>,
    /// When.
    pub date_range: Option<DateRange>,
}

/// A certification (`com.linkedin.voyager.dash.identity.profile.Certification`; shape by
/// LinkedIn's convention).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Certification {
    /// `urn:li:fsd_profileCertification:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// Its name.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    /// Who issued it.
    pub authority: Option<String>,
    /// The license or credential number.
    pub license_number: Option<String>,
    /// Where to check it.
    pub url: Option<String>,
    /// When it was issued and until when it is valid.
    pub date_range: Option<DateRange>,
}

crate::open_enum! {
    /// How well a member speaks a language (LinkedIn's five levels).
    pub enum LanguageProficiency {
        /// Elementary proficiency.
        Elementary = "ELEMENTARY",
        /// Limited working proficiency.
        LimitedWorking = "LIMITED_WORKING",
        /// Professional working proficiency.
        ProfessionalWorking = "PROFESSIONAL_WORKING",
        /// Full professional proficiency.
        FullProfessional = "FULL_PROFESSIONAL",
        /// Native or bilingual proficiency.
        NativeOrBilingual = "NATIVE_OR_BILINGUAL",
    }
}

/// A language a member speaks (`com.linkedin.voyager.dash.identity.profile.Language`; shape
/// by LinkedIn's convention).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Language {
    /// `urn:li:fsd_profileLanguage:(<profile id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The language, such as `French`.
    #[serde(deserialize_with = "nullable")]
    pub name: String,
    /// How well, when the member said.
    pub proficiency: Option<LanguageProficiency>,
}

// ---------------------------------------------------------------------------------------
// Profile components: experience
// ---------------------------------------------------------------------------------------

/// The answer of `voyagerIdentityDashProfileComponents` for a section
/// (the data root of catalogue `profile_experiences`): cards of components.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileComponents {
    /// The section's cards (one for the experience section).
    #[serde(deserialize_with = "nullable")]
    pub elements: Vec<ProfileCard>,
}

/// A card of a profile section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileCard {
    /// `urn:li:fsd_profileCard:(<profile id>,EXPERIENCE,<locale>)`.
    pub entity_urn: Option<String>,
    /// The card's items.
    pub components: Option<PagedComponents>,
}

/// `{"elements": [component…]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PagedComponents {
    /// The components.
    #[serde(deserialize_with = "nullable")]
    pub elements: Vec<Component>,
}

/// One component: `{"components": {<kind>: …}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Component {
    /// What it holds.
    pub components: Option<ComponentKinds>,
}

/// The kinds of component read here (one is set).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ComponentKinds {
    /// An item with a title, subtitle, caption and metadata (a position, or a company
    /// grouping positions).
    pub entity_component: Option<Box<EntityComponent>>,
    /// A fixed list of components (a description).
    pub fixed_list_component: Option<FixedListComponent>,
    /// A paged list (`*pagedListComponent`, resolved): the positions of a group.
    pub paged_list_component: Option<PagedListComponent>,
    /// A text.
    pub text_component: Option<TextComponent>,
}

/// An item of a profile section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct EntityComponent {
    /// The title (`titleV2.text.text`).
    pub title_v2: Option<TitleV2>,
    /// The line under the title.
    pub subtitle: Option<Text>,
    /// The caption (dates and duration for a position).
    pub caption: Option<Text>,
    /// Metadata (the place for a position).
    pub metadata: Option<Text>,
    /// Nested components (a description, or a group's positions).
    pub sub_components: Option<SubComponents>,
}

/// `{"text": {"text": …}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TitleV2 {
    /// The title.
    pub text: Option<Text>,
}

/// `{"components": [component…]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubComponents {
    /// The components.
    #[serde(deserialize_with = "nullable")]
    pub components: Vec<Component>,
}

/// A fixed list: `{"components": [component…]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FixedListComponent {
    /// The components.
    #[serde(deserialize_with = "nullable")]
    pub components: Vec<Component>,
}

/// A paged list: `{"entityUrn": …, "components": {"elements": [component…]}}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PagedListComponent {
    /// `urn:li:fsd_profilePositionGroup:(…)` for a group of positions.
    pub entity_urn: Option<String>,
    /// The components.
    pub components: Option<PagedComponents>,
}

/// A text component: `{"text": {"text": …}}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextComponent {
    /// The text.
    pub text: Option<Text>,
}

/// A position on a profile, read from the experience section (the fields of the reference
/// client's `get_profile_experiences`; dates and durations are LinkedIn's display texts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    /// The job title.
    pub title: Option<String>,
    /// The company.
    pub company_name: Option<String>,
    /// `Full-time`, `Contract`…
    pub employment_type: Option<String>,
    /// The place.
    pub location_name: Option<String>,
    /// How long, such as `2 yrs 3 mos`.
    pub duration: Option<String>,
    /// The start, such as `Jan 2020`.
    pub start_date: Option<String>,
    /// The end, such as `Mar 2023`, or `Present`.
    pub end_date: Option<String>,
    /// The member's description.
    pub description: Option<String>,
}

impl Experience {
    /// Whether the position is current (its end is `Present`).
    #[must_use]
    pub fn is_current(&self) -> bool {
        self.end_date.as_deref() == Some("Present")
    }
}

fn text_of(text: Option<&Text>) -> Option<String> {
    text.map(|t| t.text.trim().to_owned())
        .filter(|t| !t.is_empty())
}

impl EntityComponent {
    fn title(&self) -> Option<String> {
        text_of(self.title_v2.as_ref().and_then(|t| t.text.as_ref()))
    }

    fn children(&self) -> impl Iterator<Item = &ComponentKinds> {
        self.sub_components
            .iter()
            .flat_map(|s| &s.components)
            .filter_map(|c| c.components.as_ref())
    }

    /// The description: the first text of the first fixed list below.
    fn description(&self) -> Option<String> {
        self.children()
            .filter_map(|k| k.fixed_list_component.as_ref())
            .flat_map(|l| &l.components)
            .filter_map(|c| c.components.as_ref()?.text_component.as_ref())
            .find_map(|t| text_of(t.text.as_ref()))
    }

    /// The positions of a group: the entity components of the paged list below.
    fn grouped(&self) -> Option<Vec<&EntityComponent>> {
        let list = self
            .children()
            .find_map(|k| k.paged_list_component.as_ref())?;
        Some(
            list.components
                .iter()
                .flat_map(|c| &c.elements)
                .filter_map(|c| c.components.as_ref()?.entity_component.as_deref())
                .collect(),
        )
    }
}

/// `"Jan 2020 - Present · 2 yrs 3 mos"` as (start, end, duration).
fn dates(caption: Option<&Text>) -> (Option<String>, Option<String>, Option<String>) {
    let Some(caption) = text_of(caption) else {
        return (None, None, None);
    };
    let (span, duration) = match caption.split_once(" · ") {
        Some((span, duration)) => (span.to_owned(), Some(duration.trim().to_owned())),
        None => (caption, None),
    };
    let (start, end) = match span.split_once(" - ") {
        Some((start, end)) => (Some(start.trim().to_owned()), Some(end.trim().to_owned())),
        None => (Some(span.trim().to_owned()), None),
    };
    (start, end, duration)
}

impl ProfileComponents {
    /// How many items the section's cards hold (positions and groups), to tell an empty
    /// section from one whose items could not be read.
    #[must_use]
    pub fn item_count(&self) -> usize {
        self.elements
            .iter()
            .filter_map(|card| card.components.as_ref())
            .map(|c| c.elements.len())
            .sum()
    }

    /// The positions of an experience section, most recent first, groups flattened (each
    /// grouped position takes the group's company and, when it has none, its place).
    #[must_use]
    pub fn experiences(&self) -> Vec<Experience> {
        let items = self
            .elements
            .iter()
            .filter_map(|card| card.components.as_ref())
            .flat_map(|c| &c.elements)
            .filter_map(|c| c.components.as_ref()?.entity_component.as_deref());
        let mut out = Vec::new();
        for item in items {
            if let Some(positions) = item.grouped() {
                let company = item.title();
                let place = text_of(item.caption.as_ref());
                for p in positions {
                    let (start_date, end_date, duration) = dates(p.caption.as_ref());
                    out.push(Experience {
                        title: p.title(),
                        company_name: company.clone(),
                        employment_type: text_of(p.subtitle.as_ref()),
                        location_name: text_of(p.metadata.as_ref()).or_else(|| place.clone()),
                        duration,
                        start_date,
                        end_date,
                        description: p.description(),
                    });
                }
                continue;
            }
            let subtitle = text_of(item.subtitle.as_ref());
            let (company_name, employment_type) =
                match subtitle.as_deref().map(|s| s.split_once(" · ")) {
                    Some(Some((company, kind))) => (
                        Some(company.trim().to_owned()),
                        Some(kind.trim().to_owned()),
                    ),
                    _ => (subtitle, None),
                };
            let (start_date, end_date, duration) = dates(item.caption.as_ref());
            let title = item.title();
            if title.is_none() && company_name.is_none() {
                continue;
            }
            out.push(Experience {
                title,
                company_name,
                employment_type,
                location_name: text_of(item.metadata.as_ref()),
                duration,
                start_date,
                end_date,
                description: item.description(),
            });
        }
        out
    }
}

// ---------------------------------------------------------------------------------------
// Who viewed my profile
// ---------------------------------------------------------------------------------------

/// The answer of `GET /identity/wvmpCards` (default encoding, union keys; voyager.md §1.2
/// `get_current_profile_views`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCards {
    /// The cards; the first is the viewers card.
    #[serde(deserialize_with = "nullable")]
    pub elements: Vec<WvmpCard>,
}

/// A card of [`WvmpCards`]: a union under `value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCard {
    /// The union.
    pub value: Option<WvmpCardValue>,
}

/// The members of a card's union that are read here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpCardValue {
    /// The viewers card.
    #[serde(rename(
        deserialize = "com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard"
    ))]
    pub viewers_card: Option<WvmpViewersCard>,
}

/// The viewers card: insight cards, the first of which sums the views up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct WvmpViewersCard {
    /// The insight cards.
    #[serde(deserialize_with = "nullable")]
    pub insight_cards: Vec<WvmpInsightCard>,
}

/// An insight card: a union under `value`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpInsightCard {
    /// The union.
    pub value: Option<WvmpInsightValue>,
}

/// The members of an insight card's union that are read here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WvmpInsightValue {
    /// The summary.
    #[serde(rename(
        deserialize = "com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard"
    ))]
    pub summary: Option<WvmpSummaryInsightCard>,
}

/// The summary insight card.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct WvmpSummaryInsightCard {
    /// How many times the profile was viewed (LinkedIn counts the last 90 days).
    pub num_views: Option<u64>,
}

impl WvmpCards {
    /// The number of views, at the path the reference client reads
    /// (`elements[0].value[…WvmpViewersCard].insightCards[0].value[…WvmpSummaryInsightCard].numViews`),
    /// looking past cards of other kinds.
    #[must_use]
    pub fn num_views(&self) -> Option<u64> {
        self.elements
            .iter()
            .filter_map(|c| c.value.as_ref()?.viewers_card.as_ref())
            .flat_map(|v| &v.insight_cards)
            .find_map(|i| i.value.as_ref()?.summary.as_ref()?.num_views)
    }
}

/// Who viewed my profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileViews {
    /// How many times the profile was viewed (LinkedIn counts the last 90 days).
    pub num_views: u64,
}

// ---------------------------------------------------------------------------------------
// Everything at once
// ---------------------------------------------------------------------------------------

/// A profile with its experiences, sections and contact info, as one value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullProfile {
    /// The dash profile (its raw JSON is kept).
    pub profile: Raw<Profile>,
    /// Positions, most recent first.
    pub experiences: Vec<Experience>,
    /// Skills.
    pub skills: Vec<Skill>,
    /// Schools attended.
    pub education: Vec<Education>,
    /// Certifications.
    pub certifications: Vec<Certification>,
    /// Languages.
    pub languages: Vec<Language>,
    /// Contact info.
    pub contact_info: ContactInfo,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn nulls_and_unknown_fields_are_tolerated() {
        let p: Profile = serde_json::from_value(json!({
            "entityUrn": "urn:li:fsd_profile:ACoAAB1",
            "objectUrn": "urn:li:member:42",
            "firstName": "Ada", "lastName": null,
            "phoneNumbers": null, "websites": null, "address": null,
            "geoLocation": {"geo": {"defaultLocalizedName": "London"}, "geoUrn": "urn:li:fsd_geo:1"},
            "tempStatus": "x", "pronounUnion": {"standardizedPronoun": "SHE_HER"},
        }))
        .unwrap();
        assert_eq!(p.profile_id(), Some("ACoAAB1"));
        assert_eq!(p.member_id(), Some(42));
        assert_eq!(p.last_name, "");
        assert_eq!(p.location(), Some("London"));
        assert_eq!(p.contact_info(), ContactInfo::default());
    }

    #[test]
    fn contact_fields_are_gathered() {
        let p: Profile = serde_json::from_value(json!({
            "emailAddress": {"emailAddress": "ada@example.com"},
            "phoneNumbers": [{"phoneNumber": {"number": "+44 20 1234"}, "type": "MOBILE"}],
            "websites": [{"url": "https://ada.dev", "category": "PERSONAL"}],
            "twitterHandles": [{"name": "ada"}],
            "birthDateOn": {"month": 12, "day": 10},
        }))
        .unwrap();
        let c = p.contact_info();
        assert_eq!(c.email_address.as_deref(), Some("ada@example.com"));
        assert_eq!(c.phone_numbers[0].kind.as_deref(), Some("MOBILE"));
        let written = serde_json::to_value(&c).unwrap();
        assert_eq!(written["phone_numbers"][0]["kind"], "MOBILE");
        assert_eq!(
            written["phone_numbers"][0]["phone_number"]["number"],
            "+44 20 1234"
        );
        assert_eq!(written["birth_date"]["month"], 12);
        assert_eq!(c.websites[0].url, "https://ada.dev");
        assert_eq!(c.twitter_handles, ["ada"]);
        assert_eq!(c.birth_date.unwrap().month, Some(12));
    }

    fn position(
        title: &str,
        subtitle: Option<&str>,
        caption: &str,
        text: &str,
    ) -> serde_json::Value {
        json!({"components": {"entityComponent": {
            "titleV2": {"text": {"text": title}},
            "subtitle": subtitle.map(|s| json!({"text": s})),
            "caption": {"text": caption},
            "metadata": {"text": "Lyon, France"},
            "subComponents": {"components": [{"components": {"fixedListComponent": {"components": [
                {"components": {"textComponent": {"text": {"text": text}}}}
            ]}}}]},
        }}})
    }

    #[test]
    fn experiences_are_read_with_groups_flattened() {
        let components: ProfileComponents = serde_json::from_value(json!({"elements": [{
            "entityUrn": "urn:li:fsd_profileCard:(ACoAAB1,EXPERIENCE,en_US)",
            "components": {"elements": [
                {"components": {"entityComponent": {
                    "titleV2": {"text": {"text": "Northwind"}},
                    "subtitle": {"text": "5 yrs"},
                    "caption": {"text": "Lyon"},
                    "subComponents": {"components": [{"components": {"pagedListComponent": {
                        "entityUrn": "urn:li:fsd_profilePositionGroup:(ACoAAB1,101)",
                        "components": {"elements": [
                            {"components": {"entityComponent": {
                                "titleV2": {"text": {"text": "Staff Engineer"}},
                                "subtitle": null,
                                "caption": {"text": "Apr 2023 - Present · 3 yrs 8 mos"},
                            }}},
                        ]},
                    }}}]},
                }}},
                position("Engineer", Some("Acme · Full-time"), "Oct 2017 - Aug 2020 · 2 yrs 11 mos", "Built things."),
            ]},
        }]}))
        .unwrap();
        assert_eq!(components.item_count(), 2);
        let e = components.experiences();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Staff Engineer"));
        assert_eq!(e[0].company_name.as_deref(), Some("Northwind"));
        assert_eq!(e[0].location_name.as_deref(), Some("Lyon"));
        assert!(e[0].is_current());
        assert_eq!(e[0].duration.as_deref(), Some("3 yrs 8 mos"));
        assert_eq!(e[1].company_name.as_deref(), Some("Acme"));
        assert_eq!(e[1].employment_type.as_deref(), Some("Full-time"));
        assert_eq!(e[1].start_date.as_deref(), Some("Oct 2017"));
        assert_eq!(e[1].end_date.as_deref(), Some("Aug 2020"));
        assert_eq!(e[1].description.as_deref(), Some("Built things."));
        assert_eq!(e[1].location_name.as_deref(), Some("Lyon, France"));
    }

    #[test]
    fn profile_views_are_found_past_other_cards() {
        let cards: WvmpCards = serde_json::from_value(json!({"elements": [
            {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpOtherCard": {}}},
            {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpViewersCard": {"insightCards": [
                {"value": {"com.linkedin.voyager.identity.me.wvmpOverview.WvmpSummaryInsightCard": {"numViews": 57}}}
            ]}}},
        ]}))
        .unwrap();
        assert_eq!(cards.num_views(), Some(57));
        assert_eq!(WvmpCards::default().num_views(), None);
    }

    #[test]
    fn position_groups_flatten_into_experiences_with_display_texts() {
        let sections: ProfileSections = serde_json::from_value(json!({
            "entityUrn": "urn:li:fsd_profile:ACoAAB1",
            "profilePositionGroups": {"elements": [
                {
                    "companyName": "Northwind",
                    "dateRange": {"start": {"year": 2015, "month": 1}},
                    "profilePositionInPositionGroup": {"elements": [
                        {"title": "Staff Engineer", "locationName": "Lyon",
                         "employmentType": {"name": "Full-time"},
                         "dateRange": {"start": {"year": 2025, "month": 12}}},
                        {"title": "Engineer", "companyName": "Northwind ", "description": " Built. ",
                         "dateRange": {"start": {"year": 2020, "month": 1}, "end": {"year": 2021, "month": 12}}},
                        {"title": "Junior"},
                    ]},
                },
                {
                    "companyName": "Acme",
                    "dateRange": {"start": {"year": 2013}, "end": {"year": 2014}},
                    "profilePositionInPositionGroup": {"elements": [{"title": "Intern"}]},
                },
                {
                    "companyName": "Broken",
                    "dateRange": {"start": {"year": 2010, "month": 0}, "end": {"year": 2011, "month": 13}},
                    "profilePositionInPositionGroup": {"elements": [{"title": "Odd dates"}]},
                },
            ]},
        }))
        .unwrap();
        let groups = &sections.profile_position_groups.unwrap().elements;
        assert_eq!(PositionGroup::item_count(groups), 5);
        let e = PositionGroup::experiences_as_of(groups, (2026, 1));
        assert_eq!(e.len(), 5);
        // Ongoing: Dec 2025 to Jan 2026, both months counted; the group's company.
        assert_eq!(e[0].company_name.as_deref(), Some("Northwind"));
        assert_eq!(e[0].employment_type.as_deref(), Some("Full-time"));
        assert_eq!(e[0].start_date.as_deref(), Some("Dec 2025"));
        assert_eq!(e[0].end_date.as_deref(), Some("Present"));
        assert_eq!(e[0].duration.as_deref(), Some("2 mos"));
        assert!(e[0].is_current());
        assert_eq!(e[1].duration.as_deref(), Some("2 yrs"));
        assert_eq!(e[1].end_date.as_deref(), Some("Dec 2021"));
        assert_eq!(e[1].company_name.as_deref(), Some("Northwind"));
        assert_eq!(e[1].description.as_deref(), Some("Built."));
        // Undated in a group of several: the group's span is not its own.
        assert_eq!(e[2].title.as_deref(), Some("Junior"));
        assert_eq!(
            (&e[2].start_date, &e[2].end_date, &e[2].duration),
            (&None, &None, &None)
        );
        assert!(!e[2].is_current());
        // The one position of a group takes the group's dates; years only: no duration.
        assert_eq!(e[3].start_date.as_deref(), Some("2013"));
        assert_eq!(e[3].end_date.as_deref(), Some("2014"));
        assert_eq!(e[3].duration, None);
        // Months out of range count as missing, in the texts and the duration alike.
        assert_eq!(e[4].start_date.as_deref(), Some("2010"));
        assert_eq!(e[4].end_date.as_deref(), Some("2011"));
        assert_eq!(e[4].duration, None);
    }

    #[test]
    fn groups_whose_positions_do_not_read_still_count() {
        let groups: Vec<PositionGroup> = serde_json::from_value(json!([
            {"companyName": "X", "profilePositionInPositionGroup": null},
            {"companyName": "Y"},
        ]))
        .unwrap();
        assert!(PositionGroup::experiences_as_of(&groups, (2026, 1)).is_empty());
        assert_eq!(PositionGroup::item_count(&groups), 2);
    }

    #[test]
    fn durations_count_months_inclusively() {
        let date = |year, month| Date {
            year: Some(year),
            month: Some(month),
            day: None,
        };
        let d = |a: Date, b: Date| duration_text(&a, Some(&b), (2000, 1)).unwrap();
        assert_eq!(d(date(2020, 3), date(2020, 3)), "1 mo");
        assert_eq!(d(date(2020, 1), date(2020, 12)), "1 yr");
        assert_eq!(d(date(2017, 10), date(2020, 8)), "2 yrs 11 mos");
        assert_eq!(d(date(2019, 1), date(2020, 1)), "1 yr 1 mo");
        // An end before the start (bad data) still counts one month.
        assert_eq!(d(date(2021, 5), date(2020, 1)), "1 mo");
        assert_eq!(
            duration_text(&date(2023, 4), None, (2026, 11)).unwrap(),
            "3 yrs 8 mos"
        );
    }

    #[test]
    fn the_calendar_month_of_a_day() {
        assert_eq!(civil_month(0), (1970, 1));
        assert_eq!(civil_month(11_016), (2000, 2)); // 2000-02-29
        assert_eq!(civil_month(20_088), (2024, 12)); // 2024-12-31
        assert_eq!(civil_month(20_089), (2025, 1));
        assert_eq!(civil_month(20_786), (2026, 11)); // 2026-11-29
        let (year, _) = current_month();
        assert!(year >= 2026);
    }
}
