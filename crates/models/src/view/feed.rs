//! Posts, their comments and their reactions.

use restli::Urn;
use serde::Serialize;

use super::network::MemberSummary;
use crate::feed::{self as m, ReactionType};
use crate::id::ProfileId;

/// A post, as a feed or a member's posts show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Post {
    /// `urn:li:activity:<id>`: what the comment, reaction and react methods take.
    pub urn: String,
    /// The activity id.
    pub activity_id: String,
    /// The update's own URN (`urn:li:fs_updateV2:(…)`, `urn:li:fsd_update:(…)`).
    pub update_urn: Option<String>,
    /// The author's name (the Python client's `author_name`).
    pub author_name: String,
    /// The author: `urn:li:member:<id>` or `urn:li:company:<id>`.
    pub author_urn: Option<String>,
    /// How old it looks (`3 d`, `2 mo`; the Python client's `old`); `None` for an ad.
    pub age: Option<String>,
    /// The text (the Python client's `content`).
    pub text: Option<String>,
    /// The URN of the update it reshares.
    pub reshared_urn: Option<String>,
    /// Whether it is an ad (`Promoted`).
    pub promoted: bool,
    /// Its page on linkedin.com (the Python client's `url`).
    pub url: String,
}

impl Post {
    /// A post from an update, when it is one (it names its `urn:li:activity:`).
    #[must_use]
    pub fn from_update(update: &m::Update) -> Option<Self> {
        let urn = update
            .update_metadata
            .as_ref()
            .and_then(|u| u.urn.clone())
            .or_else(|| update.social_detail.as_ref().and_then(|s| s.urn.clone()))?;
        let activity_id = activity_of(&urn)?;
        let actor = update.actor.clone().unwrap_or_default();
        let sub = actor.sub_description.map(|t| t.text).unwrap_or_default();
        let promoted = sub.contains("Promoted");
        let age = sub.trim().trim_end_matches('•').trim().to_owned();
        let reshared_urn = update.reshared_update.as_ref().and_then(|r| {
            r.pointer("/updateMetadata/urn")
                .or_else(|| r.get("entityUrn"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        });
        Some(Self {
            url: format!("https://www.linkedin.com/feed/update/{urn}/"),
            activity_id,
            update_urn: update.entity_urn.clone(),
            author_name: actor.name.map(|t| t.text).unwrap_or_default(),
            author_urn: actor.urn,
            age: (!promoted && !age.is_empty()).then_some(age),
            text: update.text().map(str::to_owned),
            reshared_urn,
            promoted,
            urn,
        })
    }
}

/// The id of `urn:li:activity:<id>`.
fn activity_of(urn: &str) -> Option<String> {
    let urn = Urn::parse(urn).ok()?;
    (urn.entity_type() == "activity").then(|| urn.id().to_owned())
}

/// A comment on a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Comment {
    /// `urn:li:comment:(activity:<post id>,<comment id>)`.
    pub urn: String,
    /// The comment id.
    pub id: Option<String>,
    /// The text.
    pub text: String,
    /// When it was written (ms since the epoch).
    pub created_at: Option<i64>,
    /// The author, when a member wrote it.
    pub author: Option<MemberSummary>,
    /// `urn:li:member:<id>` of the author, when a member wrote it.
    pub author_urn: Option<String>,
}

impl Comment {
    /// A comment from its model, when it is one (it has a `urn`).
    #[must_use]
    pub fn from_comment(comment: &m::Comment) -> Option<Self> {
        let urn = comment.urn.clone().or(comment.entity_urn.clone())?;
        let id = Urn::parse(&urn).ok().and_then(|u| {
            let last = u.part_count().checked_sub(1)?;
            u.part(last).map(str::to_owned)
        });
        let member = comment.commenter.as_ref().and_then(|c| c.member.as_ref());
        Some(Self {
            urn,
            id,
            text: comment
                .comment_v2
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            created_at: comment.created_time,
            author: member
                .and_then(|m| m.mini_profile.as_ref())
                .map(MemberSummary::from_mini_profile),
            author_urn: member.and_then(|m| m.urn.clone()),
        })
    }
}

/// A reaction to a post, with who reacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Reaction {
    /// The reaction.
    pub reaction_type: ReactionType,
    /// `urn:li:fsd_profile:<id>` of who reacted.
    pub reactor_urn: Option<String>,
    /// The profile id of who reacted.
    pub reactor_profile_id: Option<ProfileId>,
    /// Their name.
    pub name: String,
    /// Their headline.
    pub headline: Option<String>,
    /// Their profile link.
    pub profile_url: Option<String>,
}

impl Reaction {
    /// A reaction from its model, when it is one (it has a reaction type).
    #[must_use]
    pub fn from_reaction(reaction: &m::Reaction) -> Option<Self> {
        let reaction_type = reaction.reaction_type.clone()?;
        let lockup = reaction.reactor_lockup.clone().unwrap_or_default();
        let reactor_profile_id = reaction
            .actor_urn
            .as_deref()
            .filter(|u| u.starts_with("urn:li:fsd_profile:"))
            .and_then(|u| ProfileId::parse(u).ok());
        Some(Self {
            reaction_type,
            reactor_urn: reaction.actor_urn.clone(),
            reactor_profile_id,
            name: lockup.title.map(|t| t.text).unwrap_or_default(),
            headline: lockup.subtitle.map(|t| t.text).filter(|h| !h.is_empty()),
            profile_url: lockup.navigation_url,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    fn update(json: serde_json::Value) -> m::Update {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn posts_read_what_the_feed_shows() {
        let post = Post::from_update(&update(json!({
            "entityUrn": "urn:li:fs_updateV2:(urn:li:activity:7028,MAIN_FEED,EMPTY,DEFAULT,false)",
            "actor": {"name": {"text": "Ada"}, "subDescription": {"text": "3 d • "}, "urn": "urn:li:member:9"},
            "commentary": {"text": {"text": "Hello"}},
            "updateMetadata": {"urn": "urn:li:activity:7028"},
        })))
        .unwrap();
        assert_eq!(post.activity_id, "7028");
        assert_eq!(post.age.as_deref(), Some("3 d"));
        assert_eq!(post.text.as_deref(), Some("Hello"));
        assert!(!post.promoted);
        assert_eq!(
            post.url,
            "https://www.linkedin.com/feed/update/urn:li:activity:7028/"
        );
        let ad = Post::from_update(&update(json!({
            "actor": {"subDescription": {"text": "Promoted"}},
            "updateMetadata": {"urn": "urn:li:activity:1"},
        })))
        .unwrap();
        assert!(ad.promoted);
        assert_eq!(ad.age, None);
        assert!(
            Post::from_update(&update(json!({"actor": {}}))).is_none(),
            "no URN: not recognised"
        );
    }
}
