//! Models of the feed and post answers: updates (the feed, a member's posts), comments and
//! reactions.
//!
//! An update carries what voyager.md §1.2 `get_feed_posts` and §6.1(b) read:
//! `actor.name.text`, `actor.subDescription.text` (its age, or `Promoted` for an ad),
//! `actor.urn`, `commentary.text.text`, `*resharedUpdate` and `updateMetadata.urn`.

use serde::{Deserialize, Serialize};

use crate::me::MiniProfile;
use crate::{Paging, Text};

crate::open_enum! {
    /// A reaction to a post.
    pub enum ReactionType {
        /// Like.
        Like = "LIKE",
        /// Celebrate.
        Praise = "PRAISE",
        /// Support.
        Appreciation = "APPRECIATION",
        /// Love.
        Empathy = "EMPATHY",
        /// Insightful.
        Interest = "INTEREST",
        /// Funny.
        Entertainment = "ENTERTAINMENT",
    }
}

impl ReactionType {
    /// The reactions LinkedIn accepts when reacting.
    pub const ALL: [Self; 6] = [
        Self::Like,
        Self::Praise,
        Self::Appreciation,
        Self::Empathy,
        Self::Interest,
        Self::Entertainment,
    ];
}

/// One page of a feed-like collection (updates, comments, reactions). The elements are kept as
/// JSON so that each can be read (and recognised) on its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedPage {
    /// The elements, as LinkedIn sent them (references resolved).
    pub elements: Vec<serde_json::Value>,
    /// Where the page is, and the total.
    pub paging: Option<Paging>,
    /// The pagination token of the next page, when the collection has one.
    pub metadata: Option<FeedMetadata>,
}

/// The `metadata` of a feed-like collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct FeedMetadata {
    /// What the next page must send back as `paginationToken`; missing on a post without
    /// comments (#277).
    pub pagination_token: Option<String>,
}

/// An update: a post as a feed shows it (`com.linkedin.voyager.feed.render.UpdateV2`,
/// `com.linkedin.voyager.dash.feed.Update`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Update {
    /// `urn:li:fs_updateV2:(urn:li:activity:<id>,MAIN_FEED,…)` or
    /// `urn:li:fsd_update:(…)`.
    pub entity_urn: Option<String>,
    /// Who posted it.
    pub actor: Option<Actor>,
    /// The text.
    pub commentary: Option<Commentary>,
    /// The post's own URN.
    pub update_metadata: Option<UpdateMetadata>,
    /// Likes and comments.
    pub social_detail: Option<SocialDetail>,
    /// The update it reshares, as JSON.
    pub reshared_update: Option<serde_json::Value>,
}

impl Update {
    /// The text of the post.
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.commentary
            .as_ref()?
            .text
            .as_ref()
            .map(|t| t.text.as_str())
    }

    /// `urn:li:activity:<id>`: the post, for comments and reactions.
    #[must_use]
    pub fn activity_urn(&self) -> Option<&str> {
        self.update_metadata.as_ref()?.urn.as_deref()
    }

    /// The name of who posted it.
    #[must_use]
    pub fn author_name(&self) -> Option<&str> {
        self.actor.as_ref()?.name.as_ref().map(|t| t.text.as_str())
    }
}

/// The actor of an update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Actor {
    /// The name.
    pub name: Option<Text>,
    /// The line under the name: the age (`2 mo •`), or `Promoted` for an ad.
    pub sub_description: Option<Text>,
    /// `urn:li:member:<id>` or `urn:li:company:<id>`.
    pub urn: Option<String>,
}

/// The text of an update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commentary {
    /// The text.
    pub text: Option<Text>,
}

/// `updateMetadata` of an update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UpdateMetadata {
    /// `urn:li:activity:<id>`.
    pub urn: Option<String>,
    /// `urn:li:share:<id>`, the share a reshare names (a 2024 answer's field, fs:36179659519).
    #[serde(rename(deserialize = "shareUrn"))]
    pub share_urn: Option<String>,
}

/// `socialDetail` of an update.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct SocialDetail {
    /// `urn:li:fs_socialDetail:urn:li:activity:<id>`.
    pub entity_urn: Option<String>,
    /// `urn:li:activity:<id>`.
    pub urn: Option<String>,
    /// The post's counts, where the answer gives them (one update's detail).
    pub total_social_activity_counts: Option<SocialActivityCounts>,
}

/// A `com.linkedin.voyager.dash.feed.SocialActivityCounts`: how many reactions, comments and
/// reshares a post has.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct SocialActivityCounts {
    /// Reactions of every type.
    pub num_likes: Option<u64>,
    /// Comments.
    pub num_comments: Option<u64>,
    /// Reshares.
    pub num_shares: Option<u64>,
    /// The reactions by type.
    pub reaction_type_counts: Vec<ReactionTypeCount>,
}

/// How many reactions of one type a post has: both fields required (a count without its
/// type, or a type without its count, is a decode error rather than a row left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct ReactionTypeCount {
    /// `LIKE`, `PRAISE`, ...
    pub reaction_type: ReactionType,
    /// How many.
    pub count: u64,
}

/// A `com.linkedin.voyager.feed.Comment`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Comment {
    /// `urn:li:fs_objectComment:(<comment id>,activity:<post id>)`.
    pub entity_urn: Option<String>,
    /// `urn:li:comment:(activity:<post id>,<comment id>)`.
    pub urn: Option<String>,
    /// When it was written (ms since the epoch).
    pub created_time: Option<i64>,
    /// The text.
    pub comment_v2: Option<Text>,
    /// Who wrote it (a union keyed by the actor's type).
    pub commenter: Option<Commenter>,
}

/// The union of commenters: a member or a company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Commenter {
    /// A member.
    #[serde(rename(deserialize = "com.linkedin.voyager.feed.MemberActor"))]
    pub member: Option<MemberActor>,
    /// A company, as JSON.
    #[serde(rename(deserialize = "com.linkedin.voyager.feed.CompanyActor"))]
    pub company: Option<serde_json::Value>,
}

/// A `com.linkedin.voyager.feed.MemberActor`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct MemberActor {
    /// `urn:li:member:<id>`.
    pub urn: Option<String>,
    /// The member.
    pub mini_profile: Option<MiniProfile>,
}

/// A `com.linkedin.voyager.dash.social.Reaction`, as `ReactionsByTypeWithProfileActions` shows
/// it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Reaction {
    /// `urn:li:fsd_reaction:(<reactor>,urn:li:activity:<id>,<n>)`.
    pub entity_urn: Option<String>,
    /// The reaction.
    pub reaction_type: Option<ReactionType>,
    /// `urn:li:fsd_profile:<id>` of who reacted.
    pub actor_urn: Option<String>,
    /// Name, headline and link of who reacted.
    pub reactor_lockup: Option<ReactorLockup>,
}

/// The lockup (name, headline, link) of a reactor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ReactorLockup {
    /// The name.
    pub title: Option<Text>,
    /// The headline.
    pub subtitle: Option<Text>,
    /// `https://www.linkedin.com/in/<public id>`.
    pub navigation_url: Option<String>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn comments_read_the_commenter_union() {
        let json = serde_json::json!({
            "urn": "urn:li:comment:(activity:1,2)",
            "commentV2": {"text": "Nice"},
            "commenter": {"com.linkedin.voyager.feed.MemberActor": {
                "urn": "urn:li:member:9",
                "miniProfile": {"firstName": "Ada", "lastName": "L", "publicIdentifier": "ada", "entityUrn": "urn:li:fs_miniProfile:ACoAA1"},
            }},
        });
        let c: Comment = serde_json::from_value(json).unwrap();
        // Written under the field's name, not LinkedIn's union key.
        let written = serde_json::to_value(&c).unwrap();
        assert_eq!(
            written["commenter"]["member"]["mini_profile"]["first_name"],
            "Ada"
        );
        assert_eq!(written["comment_v2"]["text"], "Nice");
        let member = c.commenter.unwrap().member.unwrap();
        assert_eq!(member.mini_profile.unwrap().first_name, "Ada");
    }

    #[test]
    fn unknown_reactions_are_kept() {
        let r: Reaction =
            serde_json::from_value(serde_json::json!({"reactionType": "MAYBE"})).unwrap();
        assert_eq!(r.reaction_type, Some(ReactionType::Other("MAYBE".into())));
        assert_eq!(ReactionType::ALL.len(), 6);
    }
}
