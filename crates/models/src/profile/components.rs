//! The profile components of the experience section (catalogue `profile_experiences`):
//! cards of components, read into positions.

use serde::{Deserialize, Serialize};

use super::*;

/// The answer of `voyagerIdentityDashProfileComponents` for a section
/// (the data root of catalogue `profile_experiences`): cards of components.
///
/// The cards, each card's components and their elements are required: an answer without
/// them does not read, rather than looking like a section with no positions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ProfileComponents {
    /// The section's cards (one for the experience section).
    pub elements: Vec<ProfileCard>,
}

/// A card of a profile section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ProfileCard {
    /// `urn:li:fsd_profileCard:(<profile id>,EXPERIENCE,<locale>)`.
    pub entity_urn: Option<String>,
    /// The card's items (required: always `Some` once read).
    #[serde(deserialize_with = "present")]
    pub components: Option<PagedComponents>,
}

/// A value that must be there and not `null`, kept in an `Option` for those who build one.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// `{"elements": [component…]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct PagedComponents {
    /// The components.
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

    /// The positions of a group: the entity components of the paged list below (`None`
    /// for an element that holds none: it does not read as a position).
    fn grouped(&self) -> Option<Vec<Option<&EntityComponent>>> {
        let list = self
            .children()
            .find_map(|k| k.paged_list_component.as_ref())?;
        Some(
            list.components
                .iter()
                .flat_map(|c| &c.elements)
                .map(|c| c.components.as_ref()?.entity_component.as_deref())
                .collect(),
        )
    }
}

/// Whether a position's caption, when it has one, is dates as LinkedIn shows them: `"<start>
/// - <end> · <duration>"` (a caption in another shape would read as no end or no duration).
fn dated(caption: Option<&Text>) -> bool {
    text_of(caption).is_none_or(|c| {
        c.split_once(" · ")
            .is_some_and(|(span, duration)| span.contains(" - ") && !duration.trim().is_empty())
    })
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
        self.read_experiences().0
    }

    /// The items of the section that do not read as a position (no entity component, or
    /// neither a title nor a company), by their index among the section's items: what
    /// [`experiences`](Self::experiences) leaves out.
    #[must_use]
    pub fn unread_items(&self) -> Vec<usize> {
        self.read_experiences().1
    }

    fn read_experiences(&self) -> (Vec<Experience>, Vec<usize>) {
        let mut unread = Vec::new();
        let items = self
            .elements
            .iter()
            .filter_map(|card| card.components.as_ref())
            .flat_map(|c| &c.elements)
            .enumerate()
            .filter_map(|(i, c)| {
                let entity = c
                    .components
                    .as_ref()
                    .and_then(|c| c.entity_component.as_deref());
                if entity.is_none() {
                    unread.push(i);
                }
                entity.map(|e| (i, e))
            })
            .collect::<Vec<_>>();
        let mut out = Vec::new();
        for (i, item) in items {
            if let Some(positions) = item.grouped() {
                // A group of no positions (its list emptied or left out) does not read.
                if positions.is_empty() {
                    unread.push(i);
                }
                let company = item.title();
                let place = text_of(item.caption.as_ref());
                for p in positions {
                    let Some(p) = p else {
                        unread.push(i);
                        continue;
                    };
                    if !dated(p.caption.as_ref()) {
                        unread.push(i);
                    }
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
            if !dated(item.caption.as_ref()) {
                unread.push(i);
            }
            if title.is_none() && company_name.is_none() {
                unread.push(i);
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
        unread.sort_unstable();
        (out, unread)
    }
}
