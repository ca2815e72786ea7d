//! A post's details with its counts, and a post just created.

use serde::Serialize;

use super::feed::{Comment, Post};
use super::network::MemberSummary;
use crate::feed::{self as m, ReactionType};
use crate::id::{ProfileId, PublicId};
use crate::social::DashComment;

/// A post with its counts, as its own page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PostDetails {
    /// The post.
    pub post: Post,
    /// How many reactions, comments and reshares it has, when LinkedIn says.
    pub counts: Option<PostCounts>,
    /// `urn:li:share:<id>`, what resharing it takes, when LinkedIn names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_urn: Option<String>,
}

/// How many reactions, comments and reshares a post has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PostCounts {
    /// Reactions of every type (`numLikes`).
    pub reactions: Option<u64>,
    /// Comments.
    pub comments: Option<u64>,
    /// Reshares.
    pub reshares: Option<u64>,
    /// The reactions by type, as LinkedIn orders them.
    pub by_type: Vec<ReactionCount>,
}

/// How many reactions of one type a post has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ReactionCount {
    /// The type.
    pub reaction_type: ReactionType,
    /// How many.
    pub count: u64,
}

impl PostDetails {
    /// A post's details from its update, when it reads and is a post
    /// ([`read`](Self::read) says why not).
    #[must_use]
    pub fn from_update(update: &m::Update) -> Option<Self> {
        Self::read(update).ok().flatten()
    }

    /// A post's details from its update: `None` when the update is not a post, an error when
    /// it is one that does not read.
    ///
    /// # Errors
    ///
    /// Why the post does not read, in words.
    pub fn read(update: &m::Update) -> Result<Option<Self>, String> {
        let Some(post) = Post::read(update)? else {
            return Ok(None);
        };
        let counts = update
            .social_detail
            .as_ref()
            .and_then(|s| s.total_social_activity_counts.as_ref())
            .map(|c| PostCounts {
                reactions: c.num_likes,
                comments: c.num_comments,
                reshares: c.num_shares,
                by_type: c
                    .reaction_type_counts
                    .iter()
                    .map(|t| ReactionCount {
                        reaction_type: t.reaction_type.clone(),
                        count: t.count,
                    })
                    .collect(),
            });
        let share_urn = update
            .update_metadata
            .as_ref()
            .and_then(|m| m.share_urn.clone());
        Ok(Some(Self {
            post,
            counts,
            share_urn,
        }))
    }
}

/// A post just created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CreatedPost {
    /// `urn:li:share:<id>`: the share LinkedIn made (its `resourceKey` without the
    /// `urn:li:fsd_share:` wrapper); `None` when the post was found by reading back.
    pub share_urn: Option<String>,
    /// `urn:li:activity:<id>`: the post, for its page, comments and reactions, when the
    /// answer names it.
    pub urn: Option<String>,
    /// Its page on linkedin.com, when the answer names the post.
    pub url: Option<String>,
}

impl CreatedPost {
    /// A created post: its share and, when known, its activity (its page follows from it).
    #[must_use]
    pub fn new(share_urn: Option<String>, urn: Option<String>) -> Self {
        let url = urn
            .as_ref()
            .map(|u| format!("https://www.linkedin.com/feed/update/{u}/"));
        Self {
            share_urn,
            urn,
            url,
        }
    }
}

impl Comment {
    /// A comment from the 2026 dash model (`com.linkedin.voyager.dash.social.Comment`), when
    /// it reads ([`read_dash`](Self::read_dash) says why not).
    #[must_use]
    pub fn from_dash_comment(comment: &DashComment) -> Option<Self> {
        Self::read_dash(comment).ok().flatten()
    }

    /// A comment from the 2026 dash model: every element of a comments page is a comment, so
    /// one without its URN (or with a malformed one) or its text is an error.
    ///
    /// # Errors
    ///
    /// Why the comment does not read, in words.
    pub fn read_dash(comment: &DashComment) -> Result<Option<Self>, String> {
        // `urn:li:comment:(activity:<post>,<id>)`, or made from the dash entity's
        // `urn:li:fsd_comment:(<id>,urn:li:activity:<post>)` when only that is given, so that
        // a comment has one URN whichever LinkedIn sent.
        let urn = match (&comment.urn, &comment.entity_urn) {
            (Some(urn), _) => urn.clone(),
            (None, Some(entity)) => comment_urn_of(entity)?,
            (None, None) => return Err("a comment without its URN".to_owned()),
        };
        let parsed = restli::Urn::parse(&urn).map_err(|e| format!("its URN {urn:?}: {e}"))?;
        let id = parsed
            .part_count()
            .checked_sub(1)
            .and_then(|last| parsed.part(last))
            .map(str::to_owned);
        let commenter = comment.commenter.as_ref();
        let profile = commenter
            .and_then(|c| c.actor.as_ref())
            .and_then(|a| a.get("profileUrn"));
        if commenter
            .and_then(|c| c.actor.as_ref())
            .is_some_and(|a| !(a.is_object() || a.is_null()))
        {
            return Err("its author (actor) is not an object".to_owned());
        }
        if profile.is_some_and(|p| !(p.is_string() || p.is_object() || p.is_null())) {
            return Err("its author's profileUrn is neither a URN nor a profile".to_owned());
        }
        // A field of the author's profile: absent or null is `None`, anything but a string an
        // error (never read as absent).
        let field = |name: &str| -> Result<Option<String>, String> {
            match profile.and_then(|p| p.get(name)) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(format!("its author's {name} is not a string")),
            }
        };
        let profile_urn = profile
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .map_or_else(|| field("entityUrn"), |u| Ok(Some(u)))?;
        // A member who wrote it has their id and names; a public id, when given, must read.
        let author = match profile_urn.as_ref() {
            None => None,
            Some(urn) => Some(MemberSummary {
                profile_id: Some(
                    ProfileId::parse(urn).map_err(|e| format!("its author {urn:?}: {e}"))?,
                ),
                public_id: field("publicIdentifier")?
                    .map(|p| {
                        PublicId::parse(&p).map_err(|e| format!("its author's public id: {e}"))
                    })
                    .transpose()?,
                first_name: field("firstName")?.ok_or("its author without a first name")?,
                last_name: field("lastName")?.ok_or("its author without a last name")?,
                headline: commenter
                    .and_then(|c| c.subtitle.as_ref())
                    .map(|t| t.text.clone()),
            }),
        };
        Ok(Some(Self {
            urn,
            id,
            text: comment
                .commentary
                .as_ref()
                .map(|t| t.text.clone())
                .ok_or("a comment without its text (commentary)")?,
            created_at: comment.created_at,
            author,
            author_urn: None,
        }))
    }
}

/// `urn:li:comment:(activity:<post>,<id>)` from `urn:li:fsd_comment:(<id>,urn:li:activity:<post>)`.
fn comment_urn_of(entity: &str) -> Result<String, String> {
    let bad = || {
        format!(
            "its entityUrn {entity:?} is not a comment's (urn:li:fsd_comment:(ID,urn:li:activity:POST))"
        )
    };
    let parsed = restli::Urn::parse(entity).map_err(|_| bad())?;
    if parsed.entity_type() != "fsd_comment" || parsed.part_count() != 2 {
        return Err(bad());
    }
    let id = parsed.part(0).ok_or_else(bad)?;
    let post = parsed
        .part(1)
        .and_then(|p| p.strip_prefix("urn:li:activity:"))
        .ok_or_else(bad)?;
    Ok(format!("urn:li:comment:(activity:{post},{id})"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::comment_urn_of;

    #[test]
    fn a_dash_comment_urn_gives_the_comment_urn() {
        assert_eq!(
            comment_urn_of("urn:li:fsd_comment:(7507681221594136577,urn:li:activity:75068)")
                .unwrap(),
            "urn:li:comment:(activity:75068,7507681221594136577)"
        );
        for bad in [
            "urn:li:fsd_comment:",
            "urn:li:comment:(activity:1,2)",
            "urn:li:fsd_comment:(1,urn:li:share:2)",
            "not a urn",
        ] {
            assert!(comment_urn_of(bad).is_err(), "{bad}");
        }
    }
}
