//! A profile's sections (positions, skills, education, certifications, languages) as the
//! `FullProfileWithEntities` projection carries them (catalogue `profile_with_sections`): each
//! read on its own, so one section LinkedIn changed does not break the others.

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::profile::{
    Certification, Education, Experience, Language, PositionGroup, Skill,
};
use linkedin_models::{Answer, Collection, DecodeError};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::driver::recognised;
use crate::error::{Error, Result};

/// The entry whose answer holds the sections.
static SECTIONS: &Endpoint = endpoints::PROFILE_WITH_SECTIONS;

/// Where a profile's sections are read from: the answer (as it came), or a profile as JSON.
pub(super) trait Sections {
    /// The section `name` of the profile read through `FullProfileWithEntities`:
    /// [`Error::Decode`] when it is missing (the projection changed) or does not read.
    fn section<T: DeserializeOwned>(&self, name: &'static str) -> Result<Collection<T>>;
}

fn missing(path: String) -> DecodeError {
    DecodeError {
        path,
        reason: "missing from the answer: the projection no longer carries this section".to_owned(),
        excerpt: String::new(),
    }
}

/// A profile as JSON (references resolved): paths as in the answer, whose one element it is.
impl Sections for Value {
    fn section<T: DeserializeOwned>(&self, name: &'static str) -> Result<Collection<T>> {
        let pointer = format!("/{name}");
        let read = if self.get(name).is_none() {
            Err(missing(pointer))
        } else {
            linkedin_models::extract(self, &pointer)
        };
        read.map_err(|e| Error::Decode {
            endpoint: SECTIONS.name,
            source: DecodeError {
                path: format!("/elements/0{}", e.path),
                ..e
            },
        })
    }
}

/// The answer of `profile_with_sections`, read from its bytes: paths as LinkedIn sent it.
pub(super) struct InAnswer<'x, 'a>(pub(super) &'x Answer<'a>);

impl Sections for InAnswer<'_, '_> {
    fn section<T: DeserializeOwned>(&self, name: &'static str) -> Result<Collection<T>> {
        let pointer = format!("/elements/0/{name}");
        let read = if self.0.has(&pointer) {
            self.0.decode(&pointer)
        } else {
            Err(missing(pointer))
        };
        read.map_err(|source| Error::Decode {
            endpoint: SECTIONS.name,
            source,
        })
    }
}

/// The items of a section (`keep` says which read): [`Error::SchemaMoved`] when it has
/// items of which none reads (the projection changed), a decode error naming the first
/// that does not when others do (never left out in silence).
fn section_items<T: DeserializeOwned>(
    profile: &impl Sections,
    name: &'static str,
    keep: impl Fn(&T) -> bool,
) -> Result<Vec<T>> {
    let section = profile.section::<T>(name)?;
    let raw = section.elements.len();
    let total = section.paging.as_ref().and_then(|p| p.total);
    let unread = section.elements.iter().position(|i| !keep(i));
    let items: Vec<T> = section.elements.into_iter().filter(|i| keep(i)).collect();
    let items = recognised(SECTIONS, total, raw, items)?;
    match unread {
        Some(i) => Err(unread_item(format!("/elements/0/{name}/elements/{i}"))),
        None => Ok(items),
    }
}

/// The decode error of a section's item at `path` that does not say what it is (no name, no
/// title).
fn unread_item(path: String) -> Error {
    Error::Decode {
        endpoint: SECTIONS.name,
        source: DecodeError {
            path,
            reason: "an item without what names it (its name, title or school)".to_owned(),
            excerpt: String::new(),
        },
    }
}

/// The positions of the `*profilePositionGroups` section: as [`section_items`], a position
/// without a title or a company fails the section unless none reads (drift).
pub(super) fn positions_of(profile: &impl Sections) -> Result<Vec<Experience>> {
    let groups = profile
        .section::<PositionGroup>("profilePositionGroups")?
        .elements;
    let all = PositionGroup::experiences(&groups);
    let named = |e: &Experience| e.title.is_some() || e.company_name.is_some();
    let unread = all.iter().position(|e| !named(e));
    let items = all.into_iter().filter(named).collect();
    let items = recognised(SECTIONS, None, PositionGroup::item_count(&groups), items)?;
    match unread {
        Some(i) => Err(unread_item(format!(
            "/elements/0/profilePositionGroups (position {i})"
        ))),
        None => Ok(items),
    }
}

pub(super) fn skills_of(profile: &impl Sections) -> Result<Vec<Skill>> {
    section_items(profile, "profileSkills", |s: &Skill| !s.name.is_empty())
}

pub(super) fn education_of(profile: &impl Sections) -> Result<Vec<Education>> {
    section_items(profile, "profileEducations", |e: &Education| {
        e.school_name.is_some() || e.school_urn.is_some() || e.degree_name.is_some()
    })
}

pub(super) fn certifications_of(profile: &impl Sections) -> Result<Vec<Certification>> {
    section_items(profile, "profileCertifications", |c: &Certification| {
        !c.name.is_empty()
    })
}

pub(super) fn languages_of(profile: &impl Sections) -> Result<Vec<Language>> {
    section_items(profile, "profileLanguages", |l: &Language| {
        !l.name.is_empty()
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn each_section_reads_on_its_own() {
        // Positions in a shape the models do not know (an employment type as a bare URN):
        // the positions fail, naming the path; the other sections still read.
        let profile = serde_json::json!({
            "entityUrn": "urn:li:fsd_profile:ACoAAB1",
            "profilePositionGroups": {"elements": [{"profilePositionInPositionGroup": {"elements": [
                {"title": "Engineer", "employmentType": "urn:li:fsd_employmentType:1"}
            ]}}]},
            "profileSkills": {"elements": [{"name": "Rust"}, {"name": ""}]},
            "profileLanguages": {"elements": [{"nom": "French"}], "paging": {"total": 1}},
        });
        match positions_of(&profile) {
            Err(Error::Decode { endpoint, source }) => {
                assert_eq!(endpoint, SECTIONS.name);
                assert_eq!(
                    source.path,
                    "/elements/0/profilePositionGroups/elements[0].profilePositionInPositionGroup.elements[0].employmentType"
                );
            }
            other => panic!("{other:?}"),
        }
        // A nameless skill among named ones fails the section, naming it (it was dropped).
        match skills_of(&profile) {
            Err(Error::Decode { source, .. }) => {
                assert_eq!(source.path, "/elements/0/profileSkills/elements/1");
            }
            other => panic!("{other:?}"),
        }
        match education_of(&profile) {
            Err(Error::Decode { source, .. }) => {
                assert_eq!(source.path, "/elements/0/profileEducations");
                assert!(
                    source.reason.contains("no longer carries"),
                    "{}",
                    source.reason
                );
            }
            other => panic!("{other:?}"),
        }
        // A language section whose items have no name: drift, not an empty list.
        assert!(matches!(
            languages_of(&profile),
            Err(Error::SchemaMoved { total: 1, .. })
        ));
    }

    #[test]
    fn position_groups_whose_positions_do_not_read_are_drift() {
        let profile = serde_json::json!({
            "profilePositionGroups": {"elements": [{"companyName": "X", "profilePositionInPositionGroup": null}]},
        });
        assert!(matches!(
            positions_of(&profile),
            Err(Error::SchemaMoved { total: 1, .. })
        ));
        let empty = serde_json::json!({"profilePositionGroups": {"elements": []}});
        assert_eq!(positions_of(&empty).unwrap(), Vec::<Experience>::new());
    }
}
