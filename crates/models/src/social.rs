//! Models of the 2026 social answers: a `com.linkedin.voyager.dash.social.Comment`, as the
//! comments query (`voyagerSocialDashComments`) and the comment write answer it.
//!
//! Not recorded: the fields are those public clients read from LinkedIn's answers in 2026
//! (the catalogue entries `post_comments_dash` and `comment_create` cite them), all optional.

use serde::{Deserialize, Serialize};

use crate::Text;

/// A `com.linkedin.voyager.dash.social.Comment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct DashComment {
    /// `urn:li:fsd_comment:(<comment id>,urn:li:activity:<post id>)`.
    pub entity_urn: Option<String>,
    /// `urn:li:comment:(activity:<post id>,<comment id>)`.
    pub urn: Option<String>,
    /// The text (its `text` required: a comment whose text went missing does not read as
    /// an empty one).
    pub commentary: Option<CommentText>,
    /// Who wrote it.
    pub commenter: Option<DashCommenter>,
    /// When it was written (ms since the epoch).
    pub created_at: Option<i64>,
}

/// A comment's text (`{"text": …, "attributes": […]}`), the text required; the attributes
/// are dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentText {
    /// The plain text.
    pub text: String,
}

/// Who wrote a comment, as its header shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct DashCommenter {
    /// The name.
    pub title: Option<Text>,
    /// The headline.
    pub subtitle: Option<Text>,
    /// Their page.
    pub navigation_url: Option<String>,
    /// The member (`profileUrn`, followed from `*profileUrn`) or company behind it.
    pub actor: Option<serde_json::Value>,
}
