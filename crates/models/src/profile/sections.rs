//! A profile's sections as a `FullProfileWithEntities` projection carries them (catalogue
//! `profile_with_sections`): position groups and positions, skills, educations, certifications
//! and languages, with the display texts of dates and durations.

use serde::{Deserialize, Serialize};

use super::*;

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
pub(super) fn duration_text(start: &Date, end: Option<&Date>, today: (u16, u8)) -> Option<String> {
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
pub(super) fn current_month() -> (u16, u8) {
    let now = time::OffsetDateTime::now_utc();
    (
        u16::try_from(now.year()).unwrap_or(0),
        u8::from(now.month()),
    )
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
