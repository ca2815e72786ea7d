//! Publishing: creating a post (text, visibility, mentions), deleting one's own, and a
//! post's details with its counts.
//!
//! A post is created through the GraphQL mutation the web app sends in 2026 (catalogue
//! `post_create`, peers-2026.md §3), counted against the account's daily post budget, never
//! retried, and read back from the author's posts when its answer is lost. A post's details
//! come from the one-update query (catalogue `feed_update`).

use linkedin_catalogue::endpoints;
use linkedin_models::Raw;
use linkedin_models::feed as m;
use linkedin_models::id::ProfileId;
use serde::Serialize;
use serde_json::{Value, json};

use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::media::Image;
use crate::settle::Unsettled;
use crate::validate::{self, POST_TEXT_MAX};
use crate::view::{CreatedPost, PostDetails};

/// How many of the author's latest posts a read-back after a lost create looks through.
const READ_BACK_POSTS: usize = 10;

/// Who may see a post.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Visibility {
    /// Anyone, on or off LinkedIn (`ANYONE`).
    #[default]
    Anyone,
    /// The author's connections only (`CONNECTIONS_ONLY`; LinkedIn refuses `CONNECTIONS`
    /// with a validation error, as a client's owner found live in 2026, fs:58093815824).
    Connections,
}

impl Visibility {
    /// LinkedIn's `visibilityType`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Anyone => "ANYONE",
            Self::Connections => "CONNECTIONS_ONLY",
        }
    }
}

/// A post to create: its text, who may see it, and the members it mentions.
///
/// A mention names a member shown in the text: `@Ada Lovelace` (or `Ada Lovelace`) in the
/// text and [`mention`](Self::mention)`("Ada Lovelace", profile)` become the text
/// `Ada Lovelace` with a `profileMention` attribute over it, as the web app sends a mention
/// picked from its typeahead (the `@` is the typeahead's, not the post's). A `#hashtag`
/// stays as it is written: LinkedIn links hashtags itself (every evidenced create sends no
/// attribute for them).
///
/// ```
/// use linkedin_api::{NewPost, ProfileId, Visibility};
///
/// let post = NewPost::new("Shipped it with @Ada Lovelace! #rust")
///     .visibility(Visibility::Connections)
///     .mention("Ada Lovelace", ProfileId::parse("ACoAAB1234567890")?);
/// let (text, attributes) = post.commentary()?;
/// assert_eq!(text, "Shipped it with Ada Lovelace! #rust");
/// assert_eq!(attributes[0]["start"], 16);
/// assert_eq!(attributes[0]["length"], 12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPost {
    text: String,
    visibility: Visibility,
    mentions: Vec<(String, ProfileId)>,
    image: Option<Image>,
}

impl NewPost {
    /// A post of `text`, for anyone, mentioning no one.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            visibility: Visibility::Anyone,
            mentions: Vec::new(),
            image: None,
        }
    }

    /// Shows an image under the text (one; checked when made, see [`Image`]). Comments take
    /// none: a comment's image is refused before sending.
    #[must_use]
    pub fn image(mut self, image: Image) -> Self {
        self.image = Some(image);
        self
    }

    /// Who may see it.
    #[must_use]
    pub fn visibility(mut self, visibility: Visibility) -> Self {
        self.visibility = visibility;
        self
    }

    /// Mentions a member, shown in the text as `name` (written `@name` or `name`; the first
    /// occurrence not already a mention).
    #[must_use]
    pub fn mention(mut self, name: impl Into<String>, profile: ProfileId) -> Self {
        self.mentions.push((name.into(), profile));
        self
    }

    /// The text LinkedIn is sent and its `attributesV2` (the mentions, with their spans in
    /// UTF-16 code units, as the web app counts them), checked: not empty, at most
    /// [`POST_TEXT_MAX`] characters, every mention found in the text.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] naming what is wrong.
    pub fn commentary(&self) -> Result<(String, Vec<Value>)> {
        self.commentary_within(POST_TEXT_MAX)
    }

    /// Whether it shows an image.
    pub(crate) fn has_image(&self) -> bool {
        self.image.is_some()
    }

    /// [`commentary`](Self::commentary) with another longest text (a comment's).
    pub(crate) fn commentary_within(&self, max: usize) -> Result<(String, Vec<Value>)> {
        let mut text = self.text.clone();
        // (start, end) byte ranges of the mentions placed so far, in `text`.
        let mut taken: Vec<(usize, usize, &ProfileId)> = Vec::new();
        for (name, profile) in &self.mentions {
            let name = name.trim();
            if name.is_empty() {
                return Err(Error::InvalidInput {
                    field: "mention",
                    reason: "a mention needs the name it is shown as".to_owned(),
                });
            }
            let free = |at: usize, len: usize, taken: &[(usize, usize, &ProfileId)]| {
                taken.iter().all(|&(s, e, _)| at + len <= s || at >= e)
            };
            let with_at = format!("@{name}");
            let found_at = text
                .match_indices(&with_at)
                .map(|(i, _)| i)
                .find(|&i| free(i, with_at.len(), &taken));
            let start = match found_at {
                Some(i) => {
                    text.replace_range(i..=i, "");
                    for span in &mut taken {
                        if span.0 > i {
                            span.0 -= 1;
                            span.1 -= 1;
                        }
                    }
                    i
                }
                None => text
                    .match_indices(name)
                    .map(|(i, _)| i)
                    .find(|&i| free(i, name.len(), &taken))
                    .ok_or_else(|| Error::InvalidInput {
                        field: "mention",
                        reason: format!("{name:?} is not in the text (write it as @{name})"),
                    })?,
            };
            taken.push((start, start + name.len(), profile));
        }
        let text = validate::text("text", &text, max)?.to_owned();
        let units = |bytes: usize| text[..bytes].encode_utf16().count();
        let mut attributes: Vec<(usize, Value)> = taken
            .iter()
            .map(|&(start, end, profile)| {
                let value = json!({
                    "start": units(start),
                    "length": units(end) - units(start),
                    "detailDataUnion": {"profileMention": profile.urn()},
                });
                (start, value)
            })
            .collect();
        attributes.sort_by_key(|(start, _)| *start);
        Ok((text, attributes.into_iter().map(|(_, v)| v).collect()))
    }
}

impl Linkedin {
    /// Creates a post of the logged-in member and says where it is.
    ///
    /// Python: none
    ///
    /// Sent as the web app sends it in 2026 (catalogue `post_create`): the text, who may see
    /// it, its mentions and its image ([`NewPost`]; an image is uploaded first, see
    /// [`upload_image`](Self::upload_image)). Everything is checked first (an empty text, one over
    /// [`POST_TEXT_MAX`] characters, a mention not in the text are refused before sending); it
    /// counts against the account's daily post budget; never retried: when its answer is lost
    /// (the connection broke after it left, a 5xx), the member's latest posts are read back
    /// for one with the same text, and the outcome is done, [`Error::NotSent`], or
    /// [`Error::OutcomeUnknown`] when that read fails too.
    ///
    /// ```no_run
    /// use linkedin_api::{NewPost, Visibility};
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let created = linkedin
    ///     .create_post(&NewPost::new("Hello, #rust!").visibility(Visibility::Connections))
    ///     .await?;
    /// println!("{:?}", created.url);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] (nothing sent), [`Error::Refused`] when LinkedIn's answer lists
    /// errors (a share it will not take), the budget's refusal, [`Error::NotSent`] and
    /// [`Error::OutcomeUnknown`] after a lost answer (above), and transport errors.
    pub async fn create_post(&self, post: &NewPost) -> Result<CreatedPost> {
        self.publish(post, None).await
    }

    /// Reshares a post with a comment of the logged-in member's: a new post of theirs with
    /// `comment` (its text, visibility and mentions; no image) that shows the post reshared.
    ///
    /// Python: none
    ///
    /// `share` is the reshared post's `urn:li:share:<id>` ([`PostDetails::share_urn`], as
    /// `post_details` gives it; or [`CreatedPost::share_urn`]). The same mutation as
    /// [`create_post`](Self::create_post) with `origin: RESHARE` and `parentUrn` the share,
    /// as public code sends it (catalogue `post_create`; not verified live, so inferred),
    /// counted, never retried and read back as a post is.
    ///
    /// # Errors
    ///
    /// As [`create_post`](Self::create_post); [`Error::InvalidInput`] also for what is not a
    /// share URN and for a comment with an image (nothing sent).
    pub async fn reshare_post(&self, share: &str, comment: &NewPost) -> Result<CreatedPost> {
        let share = validate::share_urn(share)?;
        if comment.image.is_some() {
            return Err(Error::InvalidInput {
                field: "image",
                reason: "a reshare takes no image of its own".to_owned(),
            });
        }
        self.publish(comment, Some(share)).await
    }

    /// Creates a post, or with `parent` a reshare of that share.
    async fn publish(&self, post: &NewPost, parent: Option<String>) -> Result<CreatedPost> {
        let (text, attributes) = post.commentary()?;
        let mut variables = json!({
            "post": {
                "allowedCommentersScope": "ALL",
                "intendedShareLifeCycleState": "PUBLISHED",
                "origin": "FEED",
                "visibilityDataUnion": {"visibilityType": post.visibility.as_str()},
                "commentary": {"text": text, "attributesV2": attributes},
            },
        });
        if let Some(parent) = parent {
            variables["post"]["origin"] = json!("RESHARE");
            variables["post"]["parentUrn"] = json!(parent);
        }
        let mut call = self.call(endpoints::POST_CREATE);
        if let Some(image) = &post.image {
            // The upload's registration counts as the post (a spent budget uploads nothing),
            // and the share that follows it is not counted again.
            let asset = self.upload_image(image).await?;
            variables["post"]["media"] = json!({
                "category": "IMAGE",
                "mediaUrn": asset,
                "recipes": ["urn:li:digitalmediaRecipe:feedshare-image"],
            });
            call = call.counts_as(None);
        }
        let call = call.mutation(variables);
        let endpoint = call.endpoint;
        match self.send(call).await {
            Ok(body) => created(endpoint, &body),
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let me = self.my_profile_id().await?;
                    let found = self
                        .profile_posts(&me)
                        .limit(READ_BACK_POSTS)
                        .find(|p| p.text.as_deref() == Some(text.as_str()))
                        .await?;
                    Ok(found.map(|p| CreatedPost::new(None, Some(p.urn.clone()))))
                };
                Unsettled {
                    what: "the new post".to_owned(),
                    absent: format!("none of your latest {READ_BACK_POSTS} posts has its text"),
                    look: "look at your posts (`linkedin feed posts <your public id>`)".to_owned(),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(e),
        }
    }

    /// Deletes one of the logged-in member's posts, given its share URN.
    ///
    /// The share is `urn:li:share:<id>`, as [`create_post`](Self::create_post) gives it in
    /// [`CreatedPost::share_urn`], or the `urn:li:fsd_share:urn:li:share:<id>` LinkedIn
    /// answers.
    ///
    /// Python: none
    ///
    /// `DELETE /contentcreation/normShares/<share>` (catalogue `post_delete`: named by a 2026
    /// client but marked there as not verified, so its status is `unknown`). Not retried:
    /// when its answer is lost, it is sent once more, which settles it (deleted by the first,
    /// the second answers 404; deleted by the second; any other answer leaves the outcome
    /// unknown).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for what is not a share URN (nothing sent), [`Error::NotFound`]
    /// when there is no such post, [`Error::NotSent`] or [`Error::OutcomeUnknown`] after a
    /// lost answer, and transport errors (403 for someone else's post).
    pub async fn delete_post(&self, share: &str) -> Result<()> {
        let share = validate::share_urn(share)?;
        let call = || {
            self.call(endpoints::POST_DELETE)
                .path("shareUrn", share.as_str())
        };
        self.delete_settled(
            call,
            format!("deleting post {share}"),
            "look at your posts (`linkedin feed posts <your public id>`)".to_owned(),
            || format!("post {share}"),
        )
        .await
    }

    /// A post with its counts (reactions, by type, comments, reshares).
    ///
    /// Python: none
    ///
    /// `post` is a [`Post::urn`](crate::Post::urn) (`urn:li:activity:<id>`), an activity id
    /// or an update URN. One request: the one-update query (catalogue `feed_update`, status
    /// `unknown`: a 2026 client reads shared posts with it). A post LinkedIn does not show
    /// the member (none, or one for connections only) is [`Error::NotFound`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad post (nothing sent), [`Error::NotFound`], and
    /// transport errors.
    pub async fn post_details(&self, post: &str) -> Result<Raw<PostDetails>> {
        let id = validate::activity_id("post", post)?;
        let call = self
            .call(endpoints::FEED_UPDATE)
            .var("updateUrn", format!("urn:li:activity:{id}"));
        let update: Option<Raw<m::Update>> = self
            .fetch(call)
            .await
            .map_err(|e| not_found(e, || format!("post {id}")))?;
        let not_found = || Error::NotFound {
            what: format!("post {id}"),
        };
        let update = update.ok_or_else(not_found)?;
        match update.try_map(PostDetails::read) {
            Ok(Some(details)) => Ok(details),
            Ok(None) => Err(not_found()),
            // A post LinkedIn sent that does not read is its error, not a missing post.
            Err(linkedin_models::Unread { reason, text }) => Err(Error::Decode {
                endpoint: endpoints::FEED_UPDATE.name,
                source: linkedin_models::DecodeError::new(
                    endpoints::FEED_UPDATE.data_pointer(),
                    reason,
                    &text,
                ),
            }),
        }
    }
}

/// The created post, from the mutation's answer: the share's `resourceKey`, and the post's
/// activity wherever the share entity names it.
fn created(
    endpoint: &'static linkedin_catalogue::Endpoint,
    body: &bytes::Bytes,
) -> Result<CreatedPost> {
    let answer = crate::client::answer(endpoint, body)?;
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Created {
        #[serde(default)]
        resource_key: Option<String>,
        #[serde(default)]
        entity: Option<Value>,
    }
    let result: Option<Created> = crate::client::decode(endpoint, &answer)?;
    let result = result.ok_or_else(|| Error::Refused {
        endpoint: endpoint.name,
        reason: linkedin_transport::Reason::new(None, Some("no share in the answer".to_owned())),
    })?;
    let share_urn = result.resource_key.map(|k| {
        k.strip_prefix("urn:li:fsd_share:")
            .map_or(k.clone(), str::to_owned)
    });
    let urn = result.entity.as_ref().and_then(activity_in);
    Ok(CreatedPost::new(share_urn, urn))
}

/// The first `urn:li:activity:<digits>` anywhere in `value`.
fn activity_in(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let at = s.find("urn:li:activity:")?;
            let rest = &s[at + "urn:li:activity:".len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| format!("urn:li:activity:{digits}"))
        }
        Value::Array(items) => items.iter().find_map(activity_in),
        Value::Object(map) => map.values().find_map(activity_in),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn ada() -> ProfileId {
        ProfileId::parse("ACoAAB1234567890").unwrap()
    }

    #[test]
    fn mentions_become_spans_in_utf16_units() {
        let post = NewPost::new("🚀 with @Ada and @Bo, and Ada again")
            .mention("Ada", ada())
            .mention("Bo", ada());
        let (text, attributes) = post.commentary().unwrap();
        assert_eq!(text, "🚀 with Ada and Bo, and Ada again");
        // The rocket is two UTF-16 units.
        assert_eq!(attributes[0]["start"], 8);
        assert_eq!(attributes[0]["length"], 3);
        assert_eq!(attributes[1]["start"], 16);
        assert_eq!(attributes[1]["length"], 2);
        assert_eq!(
            attributes[0]["detailDataUnion"]["profileMention"],
            "urn:li:fsd_profile:ACoAAB1234567890"
        );
    }

    #[test]
    fn bad_posts_are_refused() {
        for post in [
            NewPost::new(""),
            NewPost::new("   \n"),
            NewPost::new("x".repeat(POST_TEXT_MAX + 1)),
            NewPost::new("hello").mention("Ada", ada()),
            NewPost::new("hello @").mention(" ", ada()),
        ] {
            assert!(
                matches!(post.commentary(), Err(Error::InvalidInput { .. })),
                "{post:?}"
            );
        }
        let longest = NewPost::new("é".repeat(POST_TEXT_MAX));
        assert!(longest.commentary().is_ok(), "3,000 characters, not bytes");
    }

    #[test]
    fn the_activity_is_found_in_the_share() {
        let entity = json!({"status": {"x": {"backendUrn": "urn:li:activity:7001"}}});
        assert_eq!(
            activity_in(&entity).as_deref(),
            Some("urn:li:activity:7001")
        );
        assert_eq!(activity_in(&json!({"a": 1})), None);
    }
}
