//! Commenting: a comment on a post, or a reply to a comment, through the NormComment write
//! the web app sends in 2026 (catalogue `comment_create`, peers-2026.md §3), mentions as a
//! post's ([`NewPost::commentary`]).

use linkedin_catalogue::endpoints;
use linkedin_models::Raw;
use linkedin_models::social::DashComment;
use serde_json::json;

use crate::client::Linkedin;
use crate::error::{Error, Result, not_found};
use crate::posts::NewPost;
use crate::settle::Unsettled;
use crate::validate::{self, COMMENT_TEXT_MAX};
use crate::view::Comment;

/// How many of a post's comments a read-back after a lost comment looks through.
const READ_BACK_COMMENTS: usize = 100;

impl Linkedin {
    /// Comments on a post, with the text and mentions of a `NewPost`.
    ///
    /// Python: none
    ///
    /// `post` is a [`Post::urn`](crate::Post::urn), an activity id or an update URN.
    /// `POST /voyagerSocialDashNormComments` (catalogue `comment_create`) with the text and
    /// `threadUrn` the post. Checked first (not empty, at most [`COMMENT_TEXT_MAX`]
    /// characters, every mention in the text); counts against the daily engagement budget;
    /// never retried: a lost answer is settled by reading the post's comments back for one of
    /// the member's with this text. The comment is given when LinkedIn's answer holds it.
    ///
    /// ```no_run
    /// use linkedin_api::NewPost;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin
    ///     .comment_on_post("urn:li:activity:7028123456789012345", &NewPost::new("Well said!"))
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] (nothing sent), [`Error::NotFound`] for an unknown post, the
    /// budget's refusal, [`Error::NotSent`] and [`Error::OutcomeUnknown`] after a lost answer,
    /// and transport errors.
    pub async fn comment_on_post(
        &self,
        post: &str,
        comment: &NewPost,
    ) -> Result<Option<Raw<Comment>>> {
        let activity = validate::activity_id("post", post)?;
        let thread = format!("urn:li:activity:{activity}");
        self.comment_once(&activity, thread, comment).await
    }

    /// Replies to a comment, given its URN (`urn:li:comment:(activity:<post>,<comment>)`).
    ///
    /// The URN is a [`Comment::urn`].
    ///
    /// Python: none
    ///
    /// The same write as [`comment_on_post`](Self::comment_on_post) with the comment as its
    /// `threadUrn` (how LinkedIn threads replies; inferred, the catalogue says so).
    ///
    /// # Errors
    ///
    /// As [`comment_on_post`](Self::comment_on_post); [`Error::InvalidInput`] also for what
    /// is not a comment's URN.
    pub async fn reply_to_comment(
        &self,
        comment_urn: &str,
        reply: &NewPost,
    ) -> Result<Option<Raw<Comment>>> {
        let (activity, urn) = validate::comment_urn("comment", comment_urn)?;
        self.comment_once(&activity, urn, reply).await
    }

    /// Sends one comment on `thread` (of post `activity`); a lost answer read back.
    async fn comment_once(
        &self,
        activity: &str,
        thread: String,
        comment: &NewPost,
    ) -> Result<Option<Raw<Comment>>> {
        if comment.has_image() {
            return Err(Error::InvalidInput {
                field: "image",
                reason: "a comment takes no image here (only a post does)".to_owned(),
            });
        }
        let (text, attributes) = comment.commentary_within(COMMENT_TEXT_MAX)?;
        let body = json!({
            "commentary": {
                "text": text,
                "attributesV2": attributes,
                "$type": "com.linkedin.voyager.dash.common.text.TextViewModel",
            },
            "threadUrn": thread,
        });
        let call = self.call(endpoints::COMMENT_CREATE).body(body);
        let endpoint = call.endpoint;
        match self.send(call).await {
            Ok(bytes) => {
                let answer = crate::client::answer(endpoint, &bytes)?;
                let made: Option<Raw<DashComment>> = crate::client::decode(endpoint, &answer).ok();
                Ok(made.and_then(|m| m.map(Comment::from_dash_comment)))
            }
            Err(e) if e.may_have_been_sent() => {
                let check = async {
                    let me = self.my_profile_id().await?;
                    let found = self
                        .post_comments(activity)
                        .limit(READ_BACK_COMMENTS)
                        .find(|c| {
                            c.text == text
                                && c.author.as_ref().and_then(|a| a.profile_id.as_ref())
                                    == Some(&me)
                        })
                        .await?;
                    Ok(found.map(Some))
                };
                Unsettled {
                    what: format!("the comment on {thread}"),
                    absent: format!(
                        "the post's first {READ_BACK_COMMENTS} comments hold none of yours with its text"
                    ),
                    look: format!("look at the post's comments (`linkedin feed comments {activity}`)"),
                }
                .settle(e, check)
                .await
            }
            Err(e) => Err(not_found(e, || format!("post {activity}"))),
        }
    }

    /// Deletes one of the logged-in member's comments (or replies).
    ///
    /// Python: none
    ///
    /// `comment` is a [`Comment::urn`] (`urn:li:comment:(activity:<post>,<comment>)`), or
    /// `urn:li:fsd_comment:(<comment>,urn:li:activity:<post>)`, bare or in a create answer's
    /// `urn:li:fsd_normComment:` wrapper. `DELETE /voyagerSocialDashNormComments/<fsd_comment>`
    /// (catalogue `comment_delete`, verified live by a public client in 2026). Not retried:
    /// when the answer is lost it is sent once more, which settles it (deleted by the first,
    /// the second finds none).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for what is not a comment's URN (nothing sent),
    /// [`Error::NotFound`] for an unknown comment, [`Error::OutcomeUnknown`] after a lost
    /// answer whose second try failed too, and transport errors (LinkedIn answers 403 to
    /// someone else's comment).
    pub async fn delete_comment(&self, comment: &str) -> Result<()> {
        let (activity, id) = validate::comment_ids(comment)?;
        let key = format!("urn:li:fsd_comment:({id},urn:li:activity:{activity})");
        let call = || {
            self.call(endpoints::COMMENT_DELETE)
                .path("commentUrn", key.as_str())
        };
        self.delete_settled(
            call,
            format!("deleting comment {id} of post {activity}"),
            format!("look at the post's comments (`linkedin comments list {activity}`)"),
            || format!("comment {id} of post {activity}"),
        )
        .await
    }
}
