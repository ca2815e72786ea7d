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
    /// A post from an update, when it is one (it names its `urn:li:activity:`) and reads
    /// ([`read`](Self::read) says why not).
    #[must_use]
    pub fn from_update(update: &m::Update) -> Option<Self> {
        Self::read(update).ok().flatten()
    }

    /// A post from an update: `Ok(None)` for an update about something else than a post
    /// (its URN of another kind than `activity`: not a post of the feed), an error for an
    /// update that names nothing, names it with a malformed URN, or has no author's name.
    ///
    /// # Errors
    ///
    /// Why the update does not read, in words.
    pub fn read(update: &m::Update) -> Result<Option<Self>, String> {
        let urn = update
            .update_metadata
            .as_ref()
            .and_then(|u| u.urn.clone())
            .or_else(|| update.social_detail.as_ref().and_then(|s| s.urn.clone()))
            .ok_or("an update that names nothing (no updateMetadata.urn)")?;
        let parsed = Urn::parse(&urn).map_err(|e| format!("its URN {urn:?}: {e}"))?;
        if parsed.entity_type() != "activity" {
            return Ok(None);
        }
        let activity_id = parsed.id().to_owned();
        if activity_id.is_empty() || !activity_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("its URN {urn:?} is not an activity's"));
        }
        let actor = update.actor.clone().unwrap_or_default();
        let sub = actor.sub_description.map(|t| t.text).unwrap_or_default();
        let promoted = sub.contains("Promoted");
        // A post names its author; an ad (left out of the feed) may not.
        let author_name = match actor.name.map(|t| t.text).filter(|n| !n.trim().is_empty()) {
            Some(name) => name,
            None if promoted => String::new(),
            None => return Err("an update without its author's name (actor.name)".to_owned()),
        };
        let age = sub.trim().trim_end_matches('•').trim().to_owned();
        let reshared_urn = update.reshared_update.as_ref().and_then(|r| {
            r.pointer("/updateMetadata/urn")
                .or_else(|| r.get("entityUrn"))
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        });
        Ok(Some(Self {
            url: format!("https://www.linkedin.com/feed/update/{urn}/"),
            activity_id,
            update_urn: update.entity_urn.clone(),
            author_name,
            author_urn: actor.urn,
            age: (!promoted && !age.is_empty()).then_some(age),
            text: update.text().map(str::to_owned),
            reshared_urn,
            promoted,
            urn,
        }))
    }
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
    /// A comment from its model, when it reads ([`read`](Self::read) says why not).
    #[must_use]
    pub fn from_comment(comment: &m::Comment) -> Option<Self> {
        Self::read(comment).ok().flatten()
    }

    /// A comment from its model: every element of a comments page is a comment, so one
    /// without its URN (or with a malformed one) or its text is an error.
    ///
    /// # Errors
    ///
    /// Why the comment does not read, in words.
    pub fn read(comment: &m::Comment) -> Result<Option<Self>, String> {
        let urn = comment
            .urn
            .clone()
            .or(comment.entity_urn.clone())
            .ok_or("a comment without its URN")?;
        let parsed = Urn::parse(&urn).map_err(|e| format!("its URN {urn:?}: {e}"))?;
        let id = parsed
            .part_count()
            .checked_sub(1)
            .and_then(|last| parsed.part(last))
            .map(str::to_owned);
        let member = comment.commenter.as_ref().and_then(|c| c.member.as_ref());
        Ok(Some(Self {
            urn,
            id,
            text: comment
                .comment_v2
                .as_ref()
                .map(|t| t.text.clone())
                .ok_or("a comment without its text (commentV2)")?,
            created_at: comment.created_time,
            author: member
                .and_then(|m| m.mini_profile.as_ref())
                .map(MemberSummary::read)
                .transpose()?,
            author_urn: member.and_then(|m| m.urn.clone()),
        }))
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
    /// A reaction from its model, when it reads ([`read`](Self::read) says why not).
    #[must_use]
    pub fn from_reaction(reaction: &m::Reaction) -> Option<Self> {
        Self::read(reaction).ok().flatten()
    }

    /// A reaction from its model: every element of a reactions page is a reaction, so one
    /// without its type or the reactor's name, or whose member URN is malformed, is an
    /// error.
    ///
    /// # Errors
    ///
    /// Why the reaction does not read, in words.
    pub fn read(reaction: &m::Reaction) -> Result<Option<Self>, String> {
        let reaction_type = reaction
            .reaction_type
            .clone()
            .ok_or("a reaction without its type")?;
        let lockup = reaction.reactor_lockup.clone().unwrap_or_default();
        let reactor_profile_id = match reaction.actor_urn.as_deref() {
            Some(urn) if urn.starts_with("urn:li:fsd_profile:") => {
                Some(ProfileId::parse(urn).map_err(|e| format!("its actorUrn {urn:?}: {e}"))?)
            }
            Some(urn) => {
                Urn::parse(urn).map_err(|e| format!("its actorUrn {urn:?}: {e}"))?;
                None
            }
            None => None,
        };
        Ok(Some(Self {
            reaction_type,
            reactor_urn: reaction.actor_urn.clone(),
            reactor_profile_id,
            name: lockup
                .title
                .map(|t| t.text)
                .filter(|n| !n.trim().is_empty())
                .ok_or("a reaction without the reactor's name (reactorLockup.title)")?,
            headline: lockup.subtitle.map(|t| t.text).filter(|h| !h.is_empty()),
            profile_url: lockup.navigation_url,
        }))
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
            Post::read(&update(json!({"actor": {}}))).is_err(),
            "no URN: an error, not left out"
        );
        let nameless = update(json!({"actor": {}, "updateMetadata": {"urn": "urn:li:activity:2"}}));
        assert!(Post::read(&nameless).is_err());
        let malformed = update(
            json!({"actor": {"name": {"text": "A"}}, "updateMetadata": {"urn": "urn:li:activity:2("}}),
        );
        assert!(Post::read(&malformed).is_err());
        // Not a post: left out, no error.
        let other = update(json!({"updateMetadata": {"urn": "urn:li:aggregate:(x,1)"}}));
        assert_eq!(Post::read(&other), Ok(None));
    }
}
