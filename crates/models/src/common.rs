//! Shapes shared by many answers: collections with paging, texts, images.

use serde::{Deserialize, Serialize};

/// The `paging` of a collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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
#[serde(default, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Collection<T> {
    /// The elements of this page.
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
/// attributes are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Text {
    /// The plain text.
    pub text: String,
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}
