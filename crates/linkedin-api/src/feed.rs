//! Posts and the feed: a member's posts, the logged-in member's feed (promoted posts left out
//! when asked), the comments and reactions of a post, and reacting to one.
//!
//! A member's posts come from the GraphQL profile updates (`voyagerFeedDashProfileUpdates`),
//! the replacement of the `/identity/profileUpdatesV2` and `/feed/updates` endpoints that the
//! Python client used and that answer 401 (#338, #369). The feed is LinkedIn's chronological
//! feed (`/feed/updatesV2?q=chronFeed`), read in the order of its `*elements`.

use linkedin_models::feed as m;
use linkedin_models::feed::ReactionType;
use restli::Urn;
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::invitations::MemberSummary;
use crate::messaging::{not_found, profile_urn, refused, wrong_position};
use crate::paginate::{Page, Pages, Position, recognised};
use crate::validate;

/// Posts per request of a member's posts.
const POSTS_PAGE: u32 = 20;
/// Updates per request of the feed (LinkedIn answers 400 over 100).
const FEED_PAGE: u32 = 20;
/// Comments per request (the reference client's page, LinkedIn's largest).
const COMMENTS_PAGE: u32 = 100;
/// Reactions per request (the reference client's page).
const REACTIONS_PAGE: u32 = 10;
/// Feed pages read in one go when every update of a page is promoted and left out.
const FEED_SKIP_MAX: usize = 10;
/// The longest pagination token accepted back from a resumed position.
const TOKEN_MAX: usize = 1_000;

/// A post, as a feed or a member's posts show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(skip)]
    raw: Value,
}

impl Post {
    /// The JSON LinkedIn sent for it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A comment on a post.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(skip)]
    raw: Value,
}

impl Comment {
    /// The JSON LinkedIn sent for it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A reaction to a post, with who reacted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Reaction {
    /// The reaction.
    pub reaction_type: ReactionType,
    /// `urn:li:fsd_profile:<id>` of who reacted.
    pub reactor_urn: Option<String>,
    /// The profile id of who reacted.
    pub reactor_profile_id: Option<String>,
    /// Their name.
    pub name: String,
    /// Their headline.
    pub headline: Option<String>,
    /// Their profile link.
    pub profile_url: Option<String>,
    #[serde(skip)]
    raw: Value,
}

impl Reaction {
    /// The JSON LinkedIn sent for it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

impl Linkedin {
    /// A member's posts, newest first, paged by `start` and LinkedIn's `paginationToken`.
    ///
    /// Python: `get_profile_posts`, `get_profile_updates`
    ///
    /// `profile` is the member's profile id (`ACoAA…`) or `urn:li:fsd_profile:` URN (the
    /// logged-in member's is [`Me::profile_id`](crate::Me::profile_id)).
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
    pub fn profile_posts(&self, profile: &str) -> Pages<Post> {
        let urn = match validate::profile_id("profile", profile)
            .and_then(|id| profile_urn("profile", &id))
        {
            Ok(urn) => urn,
            Err(e) => return refused(self, e),
        };
        let start = Position::Token {
            start: 0,
            token: None,
        };
        self.paginate(start, move |li, at| {
            let urn = urn.clone();
            async move { profile_posts_page(&li, &urn, at).await }
        })
    }

    /// The logged-in member's feed in LinkedIn's order, promoted posts left out if asked.
    ///
    /// Python: `get_feed_posts`
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
    pub fn feed_posts(&self, exclude_promoted: bool) -> Pages<Post> {
        self.paginate(Position::Start(0), move |li, at| async move {
            feed_page(&li, exclude_promoted, at).await
        })
    }

    /// The comments on a post, oldest first, paged by `start` and `paginationToken`.
    ///
    /// Python: `get_post_comments`
    ///
    /// `post` is a [`Post::urn`] (`urn:li:activity:<id>`), an activity id or an update URN.
    /// A post without comments gives an empty stream (LinkedIn then sends no token, which
    /// crashed the Python client, #277).
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a bad post (nothing sent),
    /// [`Error::NotFound`] for an unknown one, [`Error::SchemaMoved`] when a page has comments
    /// none of which can be read, and transport errors.
    pub fn post_comments(&self, post: &str) -> Pages<Comment> {
        let id = match validate::activity_id("post", post) {
            Ok(id) => id,
            Err(e) => return refused(self, e),
        };
        let start = Position::Token {
            start: 0,
            token: None,
        };
        self.paginate(start, move |li, at| {
            let id = id.clone();
            async move { comments_page(&li, &id, at).await }
        })
    }

    /// The reactions to a post, with who reacted, paged by `start`.
    ///
    /// Python: `get_post_reactions`
    ///
    /// `post` is a [`Post::urn`] (`urn:li:activity:<id>`), an activity id or an update URN;
    /// LinkedIn takes it as `threadUrn=urn:li:activity:<id>` (the bare id that Python 2.3.1
    /// sent is refused, #464).
    ///
    /// # Errors
    ///
    /// As [`post_comments`](Self::post_comments).
    pub fn post_reactions(&self, post: &str) -> Pages<Reaction> {
        let thread = match validate::activity_id("post", post).and_then(|id| activity_urn(&id)) {
            Ok(urn) => urn,
            Err(e) => return refused(self, e),
        };
        self.paginate(Position::Start(0), move |li, at| {
            let thread = thread.clone();
            async move { reactions_page(&li, &thread, at).await }
        })
    }

    /// Reacts to a post (or changes the logged-in member's reaction to it).
    ///
    /// Python: `react_to_post`
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
    /// post, and transport errors. Never retried.
    pub async fn react_to_post(&self, post: &str, reaction: ReactionType) -> Result<()> {
        let id = validate::activity_id("post", post)?;
        if !ReactionType::ALL.contains(&reaction) {
            return Err(Error::InvalidInput {
                field: "reaction",
                reason: format!(
                    "{reaction} is not a reaction LinkedIn takes (LIKE, PRAISE, APPRECIATION, EMPATHY, INTEREST, ENTERTAINMENT)"
                ),
            });
        }
        let call = self
            .call("post_react")
            .query("threadUrn", activity_urn(&id)?)
            .body(json!({"reactionType": reaction.as_str()}));
        self.send(call)
            .await
            .map_err(|e| not_found(e, || format!("post {id}")))?;
        Ok(())
    }
}

async fn profile_posts_page(li: &Linkedin, profile: &str, at: Position) -> Result<Page<Post>> {
    const ENDPOINT: &str = "profile_posts_dash";
    let Position::Token { start, token } = at else {
        return Err(wrong_position(ENDPOINT, &at));
    };
    let mut call = li
        .call(ENDPOINT)
        .var("count", POSTS_PAGE)
        .var("start", start)
        .var("profileUrn", profile);
    if let Some(token) = &token {
        call = call.var(
            "paginationToken",
            validate::token("position", token, TOKEN_MAX)?,
        );
    }
    let page: m::FeedPage = li
        .fetch(call, "/data/feedDashProfileUpdatesByMemberShareFeed")
        .await
        .map_err(|e| not_found(e, || format!("member {profile}")))?;
    let next = token_next(start, POSTS_PAGE, &page);
    let raw_count = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let items = page.elements.into_iter().filter_map(post_from).collect();
    let items = recognised(ENDPOINT, total, raw_count, items)?;
    Ok(Page { items, next })
}

async fn feed_page(li: &Linkedin, exclude_promoted: bool, at: Position) -> Result<Page<Post>> {
    const ENDPOINT: &str = "feed_chron";
    let Position::Start(mut start) = at else {
        return Err(wrong_position(ENDPOINT, &at));
    };
    // A page whose updates are all ads would end the stream when they are left out: read
    // on until a page keeps something (or the feed ends).
    for _ in 0..FEED_SKIP_MAX {
        let call = li
            .call(ENDPOINT)
            .query("count", FEED_PAGE)
            .query("start", start);
        let page: m::FeedPage = li.fetch(call, "").await?;
        let raw_count = page.elements.len();
        let total = page.paging.as_ref().and_then(|p| p.total);
        let items: Vec<Post> = page.elements.into_iter().filter_map(post_from).collect();
        let items = recognised(ENDPOINT, total, raw_count, items)?;
        let next = start_next(start, raw_count, total, FEED_PAGE);
        let items: Vec<Post> = items
            .into_iter()
            .filter(|p| !(exclude_promoted && p.promoted))
            .collect();
        match next {
            Some(Position::Start(after)) if items.is_empty() => start = after,
            next => return Ok(Page { items, next }),
        }
    }
    Ok(Page {
        items: Vec::new(),
        next: None,
    })
}

async fn comments_page(li: &Linkedin, activity_id: &str, at: Position) -> Result<Page<Comment>> {
    const ENDPOINT: &str = "post_comments";
    let Position::Token { start, token } = at else {
        return Err(wrong_position(ENDPOINT, &at));
    };
    let mut call = li
        .call(ENDPOINT)
        .query("count", COMMENTS_PAGE)
        .query("start", start)
        .query("updateId", format!("activity:{activity_id}"));
    if let Some(token) = &token {
        call = call.query(
            "paginationToken",
            validate::token("position", token, TOKEN_MAX)?,
        );
    }
    let page: m::FeedPage = li
        .fetch(call, "")
        .await
        .map_err(|e| not_found(e, || format!("post {activity_id}")))?;
    let next = token_next(start, COMMENTS_PAGE, &page);
    let raw_count = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let items = page.elements.into_iter().filter_map(comment_from).collect();
    let items = recognised(ENDPOINT, total, raw_count, items)?;
    Ok(Page { items, next })
}

async fn reactions_page(li: &Linkedin, thread: &str, at: Position) -> Result<Page<Reaction>> {
    const ENDPOINT: &str = "post_reactions";
    let Position::Start(start) = at else {
        return Err(wrong_position(ENDPOINT, &at));
    };
    let call = li
        .call(ENDPOINT)
        .query("count", REACTIONS_PAGE)
        .query("start", start)
        .query("threadUrn", thread);
    let page: m::FeedPage = li
        .fetch(call, "")
        .await
        .map_err(|e| not_found(e, || format!("post {thread}")))?;
    let raw_count = page.elements.len();
    let total = page.paging.as_ref().and_then(|p| p.total);
    let items = page
        .elements
        .into_iter()
        .filter_map(reaction_from)
        .collect();
    let items = recognised(ENDPOINT, total, raw_count, items)?;
    Ok(Page {
        items,
        next: start_next(start, raw_count, total, REACTIONS_PAGE),
    })
}

/// `urn:li:activity:<id>`.
fn activity_urn(id: &str) -> Result<String> {
    Urn::new("activity", id)
        .map(String::from)
        .map_err(|e| Error::InvalidInput {
            field: "post",
            reason: format!("{id:?} cannot be an activity id: {e}"),
        })
}

/// The offset after a page of `raw_count` elements from `start`, when there is more: fewer
/// than `total`, or (without a total) a full page.
fn start_next(start: u32, raw_count: usize, total: Option<u64>, page: u32) -> Option<Position> {
    let after = u64::from(start) + raw_count as u64;
    let more = match total {
        Some(total) => after < total,
        None => raw_count as u64 >= u64::from(page),
    };
    (more && raw_count > 0).then(|| Position::Start(u32::try_from(after).unwrap_or(u32::MAX)))
}

/// The position after a `paginationToken` page: the next offset with the token the page gave,
/// when there is more.
fn token_next(start: u32, page_size: u32, page: &m::FeedPage) -> Option<Position> {
    let total = page.paging.as_ref().and_then(|p| p.total);
    let Some(Position::Start(after)) = start_next(start, page.elements.len(), total, page_size)
    else {
        return None;
    };
    let token = page
        .metadata
        .as_ref()
        .and_then(|m| m.pagination_token.clone())
        .filter(|t| !t.is_empty());
    Some(Position::Token {
        start: after,
        token,
    })
}

/// The id of `urn:li:activity:<id>`.
fn activity_of(urn: &str) -> Option<String> {
    let urn = Urn::parse(urn).ok()?;
    (urn.entity_type() == "activity").then(|| urn.id().to_owned())
}

/// A post from an update's JSON, when it is one (it names its `urn:li:activity:`).
fn post_from(json: Value) -> Option<Post> {
    let model: m::Update = serde_json::from_value(json.clone()).ok()?;
    let urn = model
        .update_metadata
        .as_ref()
        .and_then(|u| u.urn.clone())
        .or_else(|| model.social_detail.as_ref().and_then(|s| s.urn.clone()))?;
    let activity_id = activity_of(&urn)?;
    let actor = model.actor.unwrap_or_default();
    let sub = actor.sub_description.map(|t| t.text).unwrap_or_default();
    let promoted = sub.contains("Promoted");
    let age = sub.trim().trim_end_matches('•').trim().to_owned();
    let reshared_urn = model.reshared_update.as_ref().and_then(|r| {
        r.pointer("/updateMetadata/urn")
            .or_else(|| r.get("entityUrn"))
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    Some(Post {
        url: format!("https://www.linkedin.com/feed/update/{urn}/"),
        activity_id,
        update_urn: model.entity_urn,
        author_name: actor.name.map(|t| t.text).unwrap_or_default(),
        author_urn: actor.urn,
        age: (!promoted && !age.is_empty()).then_some(age),
        text: model.commentary.and_then(|c| c.text).map(|t| t.text),
        reshared_urn,
        promoted,
        urn,
        raw: json,
    })
}

/// A comment from its JSON, when it is one (it has a `urn`).
fn comment_from(json: Value) -> Option<Comment> {
    let model: m::Comment = serde_json::from_value(json.clone()).ok()?;
    let urn = model.urn.clone().or(model.entity_urn.clone())?;
    let id = Urn::parse(&urn).ok().and_then(|u| {
        let last = u.part_count().checked_sub(1)?;
        u.part(last).map(str::to_owned)
    });
    let member = model.commenter.and_then(|c| c.member);
    let author_urn = member.as_ref().and_then(|m| m.urn.clone());
    let author = member
        .and_then(|m| m.mini_profile)
        .map(crate::invitations::member_from);
    Some(Comment {
        urn,
        id,
        text: model.comment_v2.map(|t| t.text).unwrap_or_default(),
        created_at: model.created_time,
        author,
        author_urn,
        raw: json,
    })
}

/// A reaction from its JSON, when it is one (it has a reaction type).
fn reaction_from(json: Value) -> Option<Reaction> {
    let model: m::Reaction = serde_json::from_value(json.clone()).ok()?;
    let reaction_type = model.reaction_type?;
    let lockup = model.reactor_lockup.unwrap_or_default();
    let reactor_profile_id = model
        .actor_urn
        .as_deref()
        .and_then(|u| Urn::parse(u).ok())
        .filter(|u| u.entity_type() == "fsd_profile")
        .map(|u| u.id().to_owned());
    Some(Reaction {
        reaction_type,
        reactor_urn: model.actor_urn,
        reactor_profile_id,
        name: lockup.title.map(|t| t.text).unwrap_or_default(),
        headline: lockup.subtitle.map(|t| t.text).filter(|h| !h.is_empty()),
        profile_url: lockup.navigation_url,
        raw: json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(elements: usize, total: Option<u64>, token: Option<&str>) -> m::FeedPage {
        m::FeedPage {
            elements: vec![Value::Null; elements],
            paging: total.map(|total| linkedin_models::Paging {
                start: 0,
                count: 0,
                total: Some(total),
            }),
            metadata: token.map(|t| m::FeedMetadata {
                pagination_token: Some(t.to_owned()),
            }),
        }
    }

    #[test]
    fn token_pages_carry_the_token_while_there_is_more() {
        assert_eq!(
            token_next(0, 10, &page(10, Some(25), Some("t1"))),
            Some(Position::Token {
                start: 10,
                token: Some("t1".into())
            })
        );
        assert_eq!(token_next(20, 10, &page(5, Some(25), Some("t3"))), None);
        // Without a total, a full page means there may be more; a short one is the last.
        assert_eq!(
            token_next(0, 10, &page(10, None, None)),
            Some(Position::Token {
                start: 10,
                token: None
            })
        );
        assert_eq!(token_next(10, 10, &page(3, None, Some("t"))), None);
        // A post without comments: no elements, no token, no next page.
        assert_eq!(token_next(0, 10, &page(0, Some(0), None)), None);
    }

    #[test]
    fn posts_read_what_the_feed_shows() {
        let json = json!({
            "entityUrn": "urn:li:fs_updateV2:(urn:li:activity:7028,MAIN_FEED,EMPTY,DEFAULT,false)",
            "actor": {"name": {"text": "Ada"}, "subDescription": {"text": "3 d • "}, "urn": "urn:li:member:9"},
            "commentary": {"text": {"text": "Hello"}},
            "updateMetadata": {"urn": "urn:li:activity:7028"},
        });
        let post = post_from(json).unwrap_or_else(|| panic!("not a post"));
        assert_eq!(post.activity_id, "7028");
        assert_eq!(post.age.as_deref(), Some("3 d"));
        assert!(!post.promoted);
        assert_eq!(
            post.url,
            "https://www.linkedin.com/feed/update/urn:li:activity:7028/"
        );
        let ad = json!({"actor": {"subDescription": {"text": "Promoted"}}, "updateMetadata": {"urn": "urn:li:activity:1"}});
        let ad = post_from(ad).unwrap_or_else(|| panic!("not a post"));
        assert!(ad.promoted);
        assert_eq!(ad.age, None);
        assert!(
            post_from(json!({"actor": {}})).is_none(),
            "no URN: not recognised"
        );
    }
}
