//! The read tools about posts: the feed, a member's posts, post search, a post with its
//! counts, its comments and reactions, and the posts one saved. They take posts as the CLI's
//! `feed` and `post` commands do (an activity id, URN or URL) and give the same views.

use linkedin_api::models::Raw;
use linkedin_api::{Comment, Post, PostDetails, PostResult, Reaction};
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cursor::{Listed, limit, list};
use super::reads::{Paging, SearchWords};
use super::{Server, ToolError};
use crate::commands::feed::{Kind, post_arg};
use crate::commands::messages::profile_urn;

/// `list_posts`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListPosts {
    /// The member: a public id (the part after linkedin.com/in/), a profile id (ACoAA...), a
    /// profile URN, a profile URL, or "me".
    who: String,
    /// At most this many posts (1 to 100, default 10).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same member, for older posts.
    #[serde(default)]
    cursor: Option<String>,
}

/// `get_feed`'s arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetFeed {
    /// Leave promoted posts (ads) out (default false: they are given, marked `promoted`).
    #[serde(default)]
    exclude_promoted: Option<bool>,
    /// At most this many posts (1 to 100, default 10).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments.
    #[serde(default)]
    cursor: Option<String>,
}

/// One post.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetPost {
    /// The post: an activity id (digits), urn:li:activity:<id>, an update URN, or its
    /// linkedin.com/feed/update/... URL (as the feed and post lists give `urn` and `url`).
    post: String,
}

/// A post's comments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListComments {
    /// The post: an activity id, urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// At most this many comments (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same post.
    #[serde(default)]
    cursor: Option<String>,
}

/// A comment's replies.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListCommentReplies {
    /// The comment: its urn, urn:li:comment:(activity:<post>,<comment>), as list_comments
    /// gives it.
    comment: String,
    /// At most this many replies (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same comment.
    #[serde(default)]
    cursor: Option<String>,
}

/// A post's reactions.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListReactions {
    /// The post: an activity id, urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// Only the reactions of this type (all types when absent).
    #[serde(default)]
    reaction: Option<Kind>,
    /// At most this many reactions (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments.
    #[serde(default)]
    cursor: Option<String>,
}

/// A post with its counts, as `linkedin post show --json` prints it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct PostPage {
    /// `post` (urn, url, author_name, author_urn, text, age) and `counts` (reactions,
    /// comments, reshares, by_type: each reaction type with its count).
    #[schemars(with = "serde_json::Value")]
    post: Raw<PostDetails>,
}

#[tool_router(router = social, vis = "pub(super)")]
impl Server {
    /// The logged-in member's feed, in LinkedIn's order. Gives `items` (each: urn for
    /// get_post / list_comments, url, author_name, text, age, promoted), `count` and
    /// `next_cursor` for more. 20 posts a request; about 1 KB a post.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_feed(
        &self,
        Parameters(args): Parameters<GetFeed>,
    ) -> Result<Json<Listed<Raw<Post>>>, ToolError> {
        let pages = self.li().feed_posts(args.exclude_promoted == Some(true));
        list(
            "get_feed",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// A member's posts, newest first. Gives `items` (each: urn, url, text, age), `count` and
    /// `next_cursor` for older ones. Looking the member up by public id is one more
    /// request.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_posts(
        &self,
        Parameters(args): Parameters<ListPosts>,
    ) -> Result<Json<Listed<Raw<Post>>>, ToolError> {
        // The limit is refused before the member is looked up.
        limit(args.limit, 10)?;
        let li = self.li();
        let urn = profile_urn(li, "who", &args.who).await?;
        let pages = li.profile_posts(&urn);
        list(
            "list_posts",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Search posts by their text. Gives `items` (each: urn, url, author, text excerpt),
    /// `count` and `next_cursor` (pass it back as `cursor` with the same keywords for more).
    /// Counts against the daily search budget.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn search_posts(
        &self,
        Parameters(args): Parameters<SearchWords>,
    ) -> Result<Json<Listed<Raw<PostResult>>>, ToolError> {
        let pages = self.li().search_posts(&args.keywords);
        list(
            "search_posts",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// One post with its counts: author, text, age, URL, the numbers of reactions (by
    /// type), comments and reshares, and its share_urn (what reshare_post takes). One
    /// request; a few KB.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_post(
        &self,
        Parameters(args): Parameters<GetPost>,
    ) -> Result<Json<PostPage>, ToolError> {
        let post = self.li().post_details(post_arg(&args.post)).await?;
        Ok(Json(PostPage { post }))
    }

    /// A post's comments as LinkedIn orders them (replies not included). Gives `items`
    /// (each: urn for reply_to_comment, author, text, created_at in ms since the epoch),
    /// `count` and `next_cursor` for more.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_comments(
        &self,
        Parameters(args): Parameters<ListComments>,
    ) -> Result<Json<Listed<Raw<Comment>>>, ToolError> {
        let pages = self.li().post_comments(post_arg(&args.post));
        list(
            "list_comments",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The replies to a comment, oldest first. Gives `items` (each: urn, author, text,
    /// created_at in ms since the epoch), `count` and `next_cursor` for more. Pass a
    /// comment's urn from list_comments.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_comment_replies(
        &self,
        Parameters(args): Parameters<ListCommentReplies>,
    ) -> Result<Json<Listed<Raw<Comment>>>, ToolError> {
        let pages = self.li().comment_replies(&args.comment);
        list(
            "list_comment_replies",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Who reacted to a post and how: all types, or one with `reaction`. Gives `items`
    /// (each: reaction_type, name, headline, reactor_profile_id), `count` and `next_cursor`.
    /// 50 reactions a request.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_reactions(
        &self,
        Parameters(args): Parameters<ListReactions>,
    ) -> Result<Json<Listed<Raw<Reaction>>>, ToolError> {
        let li = self.li();
        let post = post_arg(&args.post);
        let pages = match args.reaction {
            Some(kind) => li.post_reactions_of_type(post, kind.reaction()),
            None => li.post_reactions(post),
        };
        list(
            "list_reactions",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The posts the logged-in member saved (My Items), most recently saved first. Gives
    /// `items` (each: urn, url, author, text excerpt), `count` and `next_cursor`.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn saved_posts(
        &self,
        Parameters(args): Parameters<Paging>,
    ) -> Result<Json<Listed<Raw<PostResult>>>, ToolError> {
        let pages = self.li().saved_posts();
        list(
            "saved_posts",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }
}
