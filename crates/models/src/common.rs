//! Shapes shared by many answers: collections with paging, texts, images.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

/// The `paging` of a collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Paging {
    /// The offset of the first element.
    pub start: u64,
    /// The page size asked for.
    pub count: u64,
    /// How many there are in all, when LinkedIn says.
    pub total: Option<u64>,
}

/// A page of `elements`, as REST finders and GraphQL queries answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Collection<T> {
    /// The elements of this page: required (a page without them, or with `null`, does not
    /// read, rather than looking empty: an empty page would be "not found").
    pub elements: Vec<T>,
    /// Where the page is.
    pub paging: Option<Paging>,
    /// Finder-specific data (cursors, pagination tokens).
    pub metadata: Option<serde_json::Value>,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Self {
            elements: Vec::new(),
            paging: None,
            metadata: None,
        }
    }
}

/// A text with LinkedIn's formatting attributes (`{"text": …, "attributes": […]}`); the
/// attributes are dropped. The text is required: a text whose `text` went missing does not
/// read as an empty one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The plain text.
    pub text: String,
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The readable name of a member of one of LinkedIn's unions, whose keys are type names: the
/// last segment in snake_case (`com.linkedin.voyager.jobs.JobPostingCompany` gives
/// `job_posting_company`).
///
/// ```
/// use linkedin_models::common::union_member_name;
/// assert_eq!(
///     union_member_name("com.linkedin.voyager.deco.jobs.web.shared.WebJobPostingCompany"),
///     "web_job_posting_company"
/// );
/// assert_eq!(union_member_name("member"), "member");
/// ```
#[must_use]
pub fn union_member_name(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let mut name = String::with_capacity(last.len() + 4);
    for (i, c) in last.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// Serializes a union read as a map keyed by LinkedIn's type names under readable names
/// ([`union_member_name`]), for `#[serde(serialize_with)]`.
pub(crate) fn serialize_union<S: Serializer, V: Serialize>(
    union: &BTreeMap<String, V>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(
        union
            .iter()
            .map(|(key, value)| (union_member_name(key), value)),
    )
}
