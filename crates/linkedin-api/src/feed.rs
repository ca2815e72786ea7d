//! Posts and the feed: a member's posts, the logged-in member's feed (promoted posts left out
//! when asked), the comments (through the 2026 GraphQL query) and reactions of a post, and
//! reacting to one.
//!
//! A member's posts come from the GraphQL profile updates (catalogue `profile_posts_dash`),
//! the replacement of the `/identity/profileUpdatesV2` and `/feed/updates` endpoints that the
//! Python client used and that answer 401 (#338, #369). The feed is the web app's 2026 main
//! feed (catalogue `feed_main`, the `voyagerFeedDashMainFeed` query of capture seq 16/44, paged by
//! `start` and LinkedIn's `paginationToken`), in LinkedIn's order.

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::feed::{self as m, ReactionType};
use linkedin_models::id::ProfileId;
use linkedin_models::{Answer, Raw, Unread};
use restli::Urn;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::client::{Linkedin, decode};
use crate::driver::{Listing, Read};
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;
use crate::paginate::{Pages, Position};
use crate::settle::Unsettled;
use crate::validate;
use crate::view::{Comment, Post, Reaction};

/// The first position of a stream paged by offset and `paginationToken`.
const FIRST_TOKEN: Position = Position::Token {
    start: 0,
    token: None,
};

impl Linkedin {
    /// A member's posts, newest first, paged by `start` and LinkedIn's `paginationToken`.
    ///
    /// Python: `get_profile_posts`, `get_profile_updates`
    ///
    /// `profile` is the member's [`ProfileId`] or its text (the logged-in member's is
    /// [`Me::profile_id`](crate::Me::profile_id)).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let me = linkedin.me().await?;
    /// let latest: Vec<_> = linkedin.profile_posts(&me.profile_id).limit(10).try_collect().await?;
    /// for post in &latest {
    ///     println!("{}: {}", post.url, post.text.as_deref().unwrap_or(""));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a bad profile (nothing sent),
    /// [`Error::NotFound`] for an unknown member, [`Error::SchemaMoved`] when a page has
    /// posts none of which can be read, and transport errors.
    pub fn profile_posts(&self, profile: impl IntoId<ProfileId>) -> Pages<Raw<Post>> {
        match profile.into_id("profile") {
            Ok(profile) => {
                let call = self
                    .call(endpoints::PROFILE_POSTS_DASH)
                    .var("profileUrn", profile.urn());
                let source = Listing::new(call, posts).not_found(format!("member {profile}"));
                Pages::driven(self, endpoints::PROFILE_POSTS_DASH, FIRST_TOKEN, source)
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// The logged-in member's feed in LinkedIn's order, promoted posts left out if asked.
    ///
    /// Python: `get_feed_posts`
    ///
    /// Read as the web app reads it in 2026: the main-feed query (catalogue `feed_main`),
    /// paged by `start` and the `paginationToken` each page gives for the next, 20 a page
    /// (the capture shows 7; the catalogue records no largest page). The Python client read
    /// the REST chronological feed (`/feed/updatesV2`, catalogue `feed_chron`); a public
    /// client reports the REST feed reads answering 404 since March 2026 and moved to this
    /// query (peers-2026.md §3).
    ///
    /// LinkedIn mixes ads (their author line reads `Promoted`) into the feed; the Python client
    /// always dropped them whatever its flag said. Here `exclude_promoted` decides, and
    /// [`Post::promoted`] tells them apart.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let posts: Vec<_> = linkedin.feed_posts(true).limit(30).try_collect().await?;
    /// for post in &posts {
    ///     println!("{} ({}): {}", post.author_name, post.age.as_deref().unwrap_or("?"), post.url);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::SchemaMoved`] when a page has updates none of which can be
    /// read, and transport errors.
    pub fn feed_posts(&self, exclude_promoted: bool) -> Pages<Raw<Post>> {
        let mut source = Listing::new(self.call(endpoints::FEED_MAIN), posts);
        if exclude_promoted {
            source = source.keep(|post| !post.promoted);
        }
        Pages::driven(self, endpoints::FEED_MAIN, FIRST_TOKEN, source)
    }

    /// The comments on a post, every page (a comment's replies: `comment_replies`).
    ///
    /// [`comment_replies`](Self::comment_replies) lists a comment's replies.
    ///
    /// Paged by `start` and LinkedIn's `paginationToken`.
    ///
    /// Python: `get_post_comments`
    ///
    /// LinkedIn answers the Python client's `GET /feed/comments` (catalogue `post_comments`)
    /// with 500 since 2026 (peers-2026.md §3); the comments are read through the GraphQL
    /// query the web app sends (catalogue `post_comments_dash`, verified by a public client in
    /// August 2026), with the post's social detail `urn:li:fsd_socialDetail:(<post>,<post>,
    /// urn:li:highlightedReply:-)`. A post without comments gives an empty stream (no token
    /// then, which crashed the Python client, #277).
    ///
    /// `post` is a [`Post::urn`] (`urn:li:activity:<id>`), an activity id or an update URN.
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a bad post (nothing sent),
    /// [`Error::NotFound`] for an unknown post, [`Error::SchemaMoved`] when a page has
    /// comments none of which can be read, and transport errors.
    pub fn post_comments(&self, post: &str) -> Pages<Raw<Comment>> {
        match validate::activity_id("post", post) {
            Ok(activity) => {
                let post = format!("urn:li:activity:{activity}");
                let call = self.call(endpoints::POST_COMMENTS_DASH).var(
                    "socialDetailUrn",
                    format!("urn:li:fsd_socialDetail:({post},{post},urn:li:highlightedReply:-)"),
                );
                let source = Listing::new(call, |endpoint, answer| {
                    feed_read(endpoint, answer, Comment::read_dash)
                })
                .not_found(format!("post {activity}"));
                Pages::driven(self, endpoints::POST_COMMENTS_DASH, FIRST_TOKEN, source)
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// The replies to a comment, oldest first, every page.
    ///
    /// Python: none
    ///
    /// `comment` is a [`Comment::urn`] (`urn:li:comment:(activity:<post>,<comment>)`). The
    /// same query as [`post_comments`](Self::post_comments) (catalogue `post_comments_dash`)
    /// with the comment's social detail, `urn:li:fsd_socialDetail:(<comment>,<comment>,
    /// urn:li:highlightedReply:-)`, the form LinkedIn names a comment's social detail in
    /// (public clients' records of its answers, 2024 and September 2026); that the query
    /// lists a comment's replies with it is inferred (the catalogue says so). A reply is a
    /// [`Comment`] as a comment is.
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for what is not a comment's URN (nothing
    /// sent), [`Error::NotFound`] for an unknown comment, [`Error::SchemaMoved`] when a page
    /// has replies none of which can be read, and transport errors.
    pub fn comment_replies(&self, comment: &str) -> Pages<Raw<Comment>> {
        match validate::comment_urn("comment", comment) {
            Ok((_, urn)) => {
                let call = self.call(endpoints::POST_COMMENTS_DASH).var(
                    "socialDetailUrn",
                    format!("urn:li:fsd_socialDetail:({urn},{urn},urn:li:highlightedReply:-)"),
                );
                let source = Listing::new(call, |endpoint, answer| {
                    feed_read(endpoint, answer, Comment::read_dash)
                })
                .not_found(format!("comment {urn}"));
                Pages::driven(self, endpoints::POST_COMMENTS_DASH, FIRST_TOKEN, source)
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// The reactions to a post, all types mixed, with who reacted, paged by `start`.
    ///
    /// Python: `get_post_reactions`
    ///
    /// Read through the reactors-list query the 2026 web app sends (catalogue
    /// `post_reactions_dash`, captured by public clients in April and August 2026), 50 a
    /// page. `post` is a [`Post::urn`] (`urn:li:activity:<id>`), an activity id or an update
    /// URN; LinkedIn takes it as `threadUrn:urn:li:activity:<id>` (the bare id that Python
    /// 2.3.1 sent is refused, #464).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let who: Vec<_> = linkedin.post_reactions("7529884266763855511").try_collect().await?;
    /// for r in &who {
    ///     println!("{} {}", r.reaction_type, r.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`post_comments`](Self::post_comments).
    pub fn post_reactions(&self, post: &str) -> Pages<Raw<Reaction>> {
        self.reactions(post, None)
    }

    /// The reactions of one type to a post, with who reacted, paged by `start`.
    ///
    /// Who celebrated a post, who found it insightful.
    ///
    /// Python: none
    ///
    /// As [`post_reactions`](Self::post_reactions), with the query's `reactionType` filter
    /// (as the web app's reactors list switches tabs).
    ///
    /// # Errors
    ///
    /// As [`post_reactions`](Self::post_reactions); [`Error::InvalidInput`] for a
    /// [`ReactionType::Other`] (nothing sent).
    pub fn post_reactions_of_type(
        &self,
        post: &str,
        reaction: ReactionType,
    ) -> Pages<Raw<Reaction>> {
        if !ReactionType::ALL.contains(&reaction) {
            return Pages::failed(not_a_reaction(&reaction));
        }
        self.reactions(post, Some(reaction))
    }

    fn reactions(&self, post: &str, only: Option<ReactionType>) -> Pages<Raw<Reaction>> {
        match validate::activity_id("post", post).and_then(|id| activity_urn(&id)) {
            Ok(thread) => {
                let mut call = self
                    .call(endpoints::POST_REACTIONS_DASH)
                    .var("threadUrn", thread.as_str());
                if let Some(kind) = &only {
                    call = call.var("reactionType", kind.as_str());
                }
                let source = Listing::new(call, |endpoint, answer| {
                    feed_read(endpoint, answer, Reaction::read)
                })
                .not_found(format!("post {thread}"));
                Pages::driven(
                    self,
                    endpoints::POST_REACTIONS_DASH,
                    Position::Start(0),
                    source,
                )
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// Takes back the logged-in member's reaction to a post.
    ///
    /// Python: none
    ///
    /// `reaction` is the type of the reaction to take back; `None` looks it up among the
    /// post's reactions first (one more read). Sent as the delete-reaction GraphQL mutation
    /// (catalogue `post_unreact_dash`, the Android app's, seen in public code; status
    /// unknown). It counts against no daily budget (as taking back a message's reaction), is
    /// never retried, and a lost answer is read back: the member's reaction of that type gone
    /// is done.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin.remove_reaction("urn:li:activity:7529884266763855511", None).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad post or a [`ReactionType::Other`] (nothing sent),
    /// [`Error::NotFound`] for an unknown post or when the member has no such reaction on it
    /// (looked up first when `reaction` is `None`; else LinkedIn's refusal,
    /// [`Error::Refused`]), [`Error::NotSent`] or [`Error::OutcomeUnknown`] after a lost
    /// answer, and transport errors.
    pub async fn remove_reaction(&self, post: &str, reaction: Option<ReactionType>) -> Result<()> {
        let id = validate::activity_id("post", post)?;
        let thread = activity_urn(&id)?;
        let reaction = match reaction {
            Some(r) if !ReactionType::ALL.contains(&r) => return Err(not_a_reaction(&r)),
            Some(r) => r,
            None => self
                .my_reaction(&id)
                .await?
                .ok_or_else(|| Error::NotFound {
                    what: format!("your reaction to post {id}"),
                })?,
        };
        let call = self
            .call(endpoints::POST_UNREACT_DASH)
            .mutation(json!({"threadUrn": thread, "reactionType": reaction.as_str()}));
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let mine = self.my_reaction(&id).await?;
                    Ok((mine.as_ref() != Some(&reaction)).then_some(()))
                };
                Unsettled {
                    what: format!("taking back the {reaction} reaction to post {id}"),
                    absent: format!(
                        "the post's latest {READ_BACK_REACTIONS} reactions still hold yours of that type"
                    ),
                    look: format!("look at the post's reactions (`linkedin reactions list {id}`)"),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("post {id}"))),
        }
    }

    /// The type of the logged-in member's reaction to post `id`, among its latest reactions.
    async fn my_reaction(&self, id: &str) -> Result<Option<ReactionType>> {
        let me = self.my_profile_id().await?;
        let mine = self
            .post_reactions(id)
            .limit(READ_BACK_REACTIONS)
            .find(|r| r.reactor_profile_id.as_ref() == Some(&me))
            .await?;
        Ok(mine.map(|r| r.into_inner().reaction_type))
    }

    /// Reacts to a post (or changes the logged-in member's reaction to it).
    ///
    /// Python: `react_to_post`
    ///
    /// It sends the GraphQL mutation the web app sends in 2026 (catalogue `post_react_dash`,
    /// peers-2026.md §3); the REST `POST /voyagerSocialDashReactions` of the Python client
    /// (catalogue `post_react`) answers 400 since then.
    ///
    /// ```no_run
    /// use linkedin_api::ReactionType;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin.react_to_post("urn:li:activity:7028123456789012345", ReactionType::Praise).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad post or a reaction LinkedIn does not take (an
    /// [`ReactionType::Other`]) before anything is sent, [`Error::NotFound`] for an unknown
    /// post, [`Error::Refused`] when LinkedIn's answer lists errors, and transport errors.
    /// Never retried: when the answer is lost (the connection broke after the request left,
    /// a 5xx), the post's reactions are read back for the logged-in member's, and the
    /// outcome is done, [`Error::NotSent`], or [`Error::OutcomeUnknown`] when that read
    /// fails too.
    pub async fn react_to_post(&self, post: &str, reaction: ReactionType) -> Result<()> {
        let id = validate::activity_id("post", post)?;
        if !ReactionType::ALL.contains(&reaction) {
            return Err(not_a_reaction(&reaction));
        }
        let variables = json!({
            "entity": {"reactionType": reaction.as_str()},
            "threadUrn": activity_urn(&id)?,
        });
        let call = self
            .call(endpoints::POST_REACT_DASH)
            .mutation(variables.clone());
        let endpoint = call.endpoint;
        match self.react_once(call, &id, &reaction).await {
            // Refused as LinkedIn refuses a stale queryId, and read back as not done: an
            // unknown query is refused before it runs, so it is sent again, once, with the
            // current id the web app carries, when there is exactly one.
            Err(Error::NotSent {
                what,
                how_known,
                cause,
            }) if crate::drift::is_stale_write(endpoint, &cause) => {
                let not_sent = Error::NotSent {
                    what,
                    how_known,
                    cause,
                };
                let Some((current, ids)) =
                    crate::drift::current_for_write(self, endpoints::POST_REACT_DASH).await
                else {
                    return Err(not_sent);
                };
                let again = self
                    .call(endpoints::POST_REACT_DASH)
                    .with_endpoint(current)
                    .mutation(variables);
                let outcome = self.react_once(again, &id, &reaction).await;
                if outcome.is_ok() {
                    crate::drift::learn_write(self, endpoints::POST_REACT_DASH, ids).await;
                }
                outcome
            }
            other => other,
        }
    }

    /// Sends a reaction once; a lost answer settled by reading the post's reactions back.
    async fn react_once(
        &self,
        call: crate::client::Call,
        id: &str,
        reaction: &ReactionType,
    ) -> Result<()> {
        match self.send(call).await {
            Ok(_) => Ok(()),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let me = self.my_profile_id().await?;
                    let mine = self
                        .post_reactions(id)
                        .limit(READ_BACK_REACTIONS)
                        .find(|r| r.reactor_profile_id.as_ref() == Some(&me))
                        .await?;
                    Ok(mine.and_then(|r| (r.reaction_type == *reaction).then_some(())))
                };
                Unsettled {
                    what: format!("the {reaction} reaction to post {id}"),
                    absent: format!(
                        "the post's latest {READ_BACK_REACTIONS} reactions hold none of yours of that type"
                    ),
                    look: format!("look at the post's reactions (`linkedin feed reactions {id}`)"),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("post {id}"))),
        }
    }
}

/// The refusal of a reaction type LinkedIn does not take.
fn not_a_reaction(reaction: &ReactionType) -> Error {
    Error::InvalidInput {
        field: "reaction",
        reason: format!(
            "{reaction} is not a reaction LinkedIn takes (LIKE, PRAISE, APPRECIATION, EMPATHY, INTEREST, ENTERTAINMENT)"
        ),
    }
}

/// How many of a post's reactions a read-back looks through for the logged-in member's.
const READ_BACK_REACTIONS: usize = 100;

/// `urn:li:activity:<id>`.
fn activity_urn(id: &str) -> Result<String> {
    Urn::new("activity", id)
        .map(String::from)
        .map_err(|e| Error::InvalidInput {
            field: "post",
            reason: format!("{id:?} cannot be an activity id: {e}"),
        })
}

/// A page of a feed-like collection read into views: every element through its model, the
/// elements `view` recognises kept with their JSON.
///
/// Every element must read as `M`: one that does not fails the page with its path (never
/// left out in silence); `view` leaves out what the view is not about (ads).
///
/// `view` gives `Ok(None)` only for an element that is not of the page's kind (an update
/// about something else than a post), left out and counted in the page's elements; an
/// element it refuses fails the page with a decode error at `/elements/<i>` (never left out
/// in silence).
pub(crate) fn feed_read<M, V>(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
    view: impl Fn(&M) -> std::result::Result<Option<V>, String>,
) -> Result<Read<Raw<V>>>
where
    M: DeserializeOwned,
{
    let page: FeedPage<M> = decode(endpoint, answer)?;
    let elements = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let token = page.metadata.and_then(|m| m.pagination_token);
    let mut items = Vec::with_capacity(elements);
    for (i, element) in page.elements.into_iter().enumerate() {
        match element.try_map(&view) {
            Ok(Some(item)) => items.push(item),
            Ok(None) => {}
            Err(Unread { reason, text }) => return Err(unread_element(endpoint, i, reason, &text)),
        }
    }
    Ok(Read::new(items, elements)
        .total(total)
        .continuation("/metadata/paginationToken", token))
}

/// The decode error of element `i` of a page of `endpoint` that its view refused, for
/// `reason`, quoting its start.
pub(crate) fn unread_element(
    endpoint: &'static Endpoint,
    i: usize,
    reason: impl Into<String>,
    text: &str,
) -> crate::Error {
    crate::Error::Decode {
        endpoint: endpoint.name,
        source: linkedin_models::DecodeError::new(
            format!("{}/elements/{i}", endpoint.data_pointer()),
            reason,
            text,
        ),
    }
}

/// A page of a feed-like collection, each element read as `M` (with its JSON).
#[derive(serde::Deserialize)]
#[serde(bound = "M: DeserializeOwned")]
struct FeedPage<M> {
    /// Required: a page without its elements does not read (rather than looking empty).
    elements: Vec<Raw<M>>,
    #[serde(default)]
    paging: Option<linkedin_models::Paging>,
    #[serde(default)]
    metadata: Option<m::FeedMetadata>,
}

/// Posts from an answer of updates (the feed, a member's or a company's posts).
pub(crate) fn posts(endpoint: &'static Endpoint, answer: &Answer<'_>) -> Result<Read<Raw<Post>>> {
    feed_read(endpoint, answer, Post::read)
}
