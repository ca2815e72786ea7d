//! The write tools about posts, pages, jobs and notifications: react and take a reaction
//! back, comment and reply, publish and delete a post, follow and unfollow a page, save and
//! unsave a job or a post, mark a notification read. Offered only with `--allow-writes` (or
//! when named in its list), each through the facade like the CLI's commands, each with a
//! `preview` that reads what the write is about and sends nothing.

use linkedin_api::{NewPost, Visibility, validate};
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::writes::{Outcome, said};
use super::{Server, ToolError};
use crate::commands::feed::{Kind, my_reaction, post_arg};
use crate::commands::messages::check_text;
use crate::commands::post::with_mentions;

/// `react_to_post`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct React {
    /// The post: an activity id (digits), urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// The reaction (default like).
    #[serde(default)]
    reaction: Option<Kind>,
    /// Read the post and say what would be done, sending nothing (default false).
    #[serde(default)]
    preview: Option<bool>,
}

/// `remove_reaction`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Unreact {
    /// The post: an activity id, urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// The type of your reaction (looked up among the post's reactions when absent).
    #[serde(default)]
    reaction: Option<Kind>,
    /// Find your reaction and say what would be taken back, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `comment_on_post`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CommentOn {
    /// The post: an activity id, urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// The comment (1 to 1250 characters).
    text: String,
    /// Check the text, read the post and say what would be sent, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `reply_to_comment`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReplyTo {
    /// The comment: its urn, urn:li:comment:(activity:<post>,<comment>), as list_comments
    /// gives it.
    comment: String,
    /// The reply (1 to 1250 characters).
    text: String,
    /// Check the text, find the comment among the post's and say what would be sent,
    /// sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// Who may see a new post.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Audience {
    /// Anyone, on or off LinkedIn.
    Anyone,
    /// The member's connections only.
    Connections,
}

/// A member mentioned in a new post.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Mention {
    /// The name as the text writes it (with or without a leading @): it becomes the mention.
    name: String,
    /// The member: a public id, profile id (ACoAA...), profile URN or URL.
    profile: String,
}

/// `create_post`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreatePost {
    /// The text (1 to 3000 characters); a #hashtag stays as written (LinkedIn links it).
    text: String,
    /// Who may see it (default anyone).
    #[serde(default)]
    visibility: Option<Audience>,
    /// Members mentioned: each name in the text becomes a mention of that member.
    #[serde(default)]
    mentions: Option<Vec<Mention>>,
    /// Check everything (the mentioned members exist) and give the text and attributes that
    /// would be sent, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `reshare_post`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ResharePost {
    /// The reshared post's share: urn:li:share:<digits>, as get_post gives it in
    /// `share_urn`.
    share: String,
    /// Your comment (1 to 3000 characters).
    text: String,
    /// Who may see it (default anyone).
    #[serde(default)]
    visibility: Option<Audience>,
    /// Members mentioned: each name in the text becomes a mention of that member.
    #[serde(default)]
    mentions: Option<Vec<Mention>>,
    /// Check everything and give what would be sent, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `delete_post`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeletePost {
    /// The post's share: urn:li:share:<digits>, as create_post gives it in `post.share_urn`.
    share: String,
    /// Check the share's form and say what would be deleted, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of follow and unfollow.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct APage {
    /// The company or school page's universal name (the part after linkedin.com/company/ or
    /// /school/), as search_companies gives it.
    universal_name: String,
    /// Read the page and say whether anything would change, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of save_job and unsave_job.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AJob {
    /// The job's id (digits, from search_jobs or saved_jobs) or its URN.
    job_id: String,
    /// Read the posting and say what would be done, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// The arguments of save_post and unsave_post.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct APost {
    /// The post: an activity id, urn:li:activity:<id>, an update URN or its URL.
    post: String,
    /// Read the post and say what would be done, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// `mark_notification_read`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MarkRead {
    /// The notification's urn (urn:li:fsd_notificationCard:(...)), as list_notifications
    /// gives it.
    notification: String,
    /// Find the notification among the latest and say whether it is read, sending nothing.
    #[serde(default)]
    preview: Option<bool>,
}

/// A view as JSON for [`Outcome::post`] (views always serialize).
fn json(view: &impl Serialize) -> Option<serde_json::Value> {
    serde_json::to_value(view).ok()
}

#[tool_router(router = engage, vis = "pub(super)")]
impl Server {
    /// WRITE: react to a post (like, praise, appreciation, empathy, interest,
    /// entertainment), or change one's reaction to it. Never retried blindly. Counts against
    /// the daily engagement budget. `preview: true` reads the post and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn react_to_post(
        &self,
        Parameters(args): Parameters<React>,
    ) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let post = post_arg(&args.post);
        let reaction = args.reaction.unwrap_or(Kind::Like).reaction();
        let preview = args.preview == Some(true);
        let found = if preview {
            json(&li.post_details(post).await?.post)
        } else {
            li.react_to_post(post, reaction.clone()).await?;
            None
        };
        Ok(Json(Outcome {
            preview,
            action: "react_to_post",
            outcome: said(preview, "would_react", "reacted"),
            target: post.to_owned(),
            reaction: Some(reaction),
            post: found,
            ..Outcome::default()
        }))
    }

    /// WRITE: take back the logged-in member's reaction to a post (its type looked up when
    /// not given). Never retried blindly. `preview: true` finds the reaction and sends
    /// nothing; no reaction of yours is a not-found error.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn remove_reaction(
        &self,
        Parameters(args): Parameters<Unreact>,
    ) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let post = post_arg(&args.post);
        let preview = args.preview == Some(true);
        let reaction = if preview {
            Some(my_reaction(li, post, args.reaction).await?)
        } else {
            li.remove_reaction(post, args.reaction.map(Kind::reaction))
                .await?;
            args.reaction.map(Kind::reaction)
        };
        Ok(Json(Outcome {
            preview,
            action: "remove_reaction",
            outcome: said(preview, "would_remove", "removed"),
            target: post.to_owned(),
            reaction,
            ..Outcome::default()
        }))
    }

    /// WRITE: comment on a post (1 to 1250 characters). Sent once, never retried blindly;
    /// gives the comment made (its urn, for reply_to_comment) when LinkedIn's answer holds
    /// it. Counts against the daily engagement budget. `preview: true` reads the post and
    /// sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn comment_on_post(
        &self,
        Parameters(args): Parameters<CommentOn>,
    ) -> Result<Json<Outcome>, ToolError> {
        check_text("text", &args.text, validate::COMMENT_TEXT_MAX)?;
        let li = self.li();
        let post = post_arg(&args.post);
        let preview = args.preview == Some(true);
        let (found, comment) = if preview {
            (json(&li.post_details(post).await?.post), None)
        } else {
            (
                None,
                li.comment_on_post(post, &NewPost::new(args.text.as_str()))
                    .await?,
            )
        };
        Ok(Json(Outcome {
            preview,
            action: "comment_on_post",
            outcome: said(preview, "would_comment", "commented"),
            target: post.to_owned(),
            text: Some(args.text),
            post: found,
            comment,
            ..Outcome::default()
        }))
    }

    /// WRITE: reply to a comment (its urn from list_comments), 1 to 1250 characters. Sent
    /// once, never retried blindly; gives the reply made when LinkedIn's answer holds it.
    /// Counts against the daily engagement budget. `preview: true` finds the comment among
    /// the post's comments and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn reply_to_comment(
        &self,
        Parameters(args): Parameters<ReplyTo>,
    ) -> Result<Json<Outcome>, ToolError> {
        check_text("text", &args.text, validate::COMMENT_TEXT_MAX)?;
        let (activity, id) = validate::comment_ids(&args.comment)?;
        let urn = format!("urn:li:comment:(activity:{activity},{id})");
        let li = self.li();
        let preview = args.preview == Some(true);
        let comment = if preview {
            let found = li.post_comments(&activity).find(|c| c.urn == urn).await?;
            let Some(found) = found else {
                return Err(ToolError::from(crate::exit::Failure {
                    code: 6,
                    message: format!(
                        "comment {id} is not among the comments of post {activity}: list_comments shows them"
                    ),
                }));
            };
            Some(found)
        } else {
            li.reply_to_comment(&urn, &NewPost::new(args.text.as_str()))
                .await?
        };
        Ok(Json(Outcome {
            preview,
            action: "reply_to_comment",
            outcome: said(preview, "would_reply", "replied"),
            target: urn,
            text: Some(args.text),
            comment,
            ..Outcome::default()
        }))
    }

    /// WRITE: publish a text post (1 to 3000 characters) for anyone or for connections,
    /// with optional mentions. Sent once, never retried blindly; gives its share_urn (what
    /// delete_post takes), urn and url. Counts against the daily post budget (5 on
    /// linkedin.com). `preview: true` checks everything and gives the text and attributes
    /// that would be sent, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn create_post(
        &self,
        Parameters(args): Parameters<CreatePost>,
    ) -> Result<Json<Outcome>, ToolError> {
        let (post, visibility) = self
            .new_post(&args.text, args.visibility, args.mentions)
            .await?;
        // Checked here too, so that a preview is refused as the post would be.
        let (text, attributes) = post.commentary()?;
        let li = self.li();
        let preview = args.preview == Some(true);
        let (target, made) = if preview {
            let plan = serde_json::json!({
                "text": text,
                "visibility": visibility,
                "attributes": attributes,
            });
            ("new post".to_owned(), Some(plan))
        } else {
            let created = li.create_post(&post).await?;
            let target = created
                .share_urn
                .clone()
                .or_else(|| created.urn.clone())
                .unwrap_or_default();
            (target, json(&created))
        };
        Ok(Json(Outcome {
            preview,
            action: "create_post",
            outcome: said(preview, "would_publish", "published"),
            target,
            text: Some(text),
            post: made,
            ..Outcome::default()
        }))
    }

    /// WRITE: reshare a post with a comment: a new post of the logged-in member's showing
    /// the post (its share_urn from get_post). Sent once, never retried blindly; gives the new
    /// post's share_urn, urn and url. Counts against the daily post budget. `preview: true`
    /// checks everything and gives what would be sent, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = false,
        open_world_hint = true
    ))]
    async fn reshare_post(
        &self,
        Parameters(args): Parameters<ResharePost>,
    ) -> Result<Json<Outcome>, ToolError> {
        let share = validate::share_urn(&args.share)?;
        let (post, visibility) = self
            .new_post(&args.text, args.visibility, args.mentions)
            .await?;
        let (text, attributes) = post.commentary()?;
        let li = self.li();
        let preview = args.preview == Some(true);
        let made = if preview {
            Some(serde_json::json!({
                "reshares": share,
                "text": text,
                "visibility": visibility,
                "attributes": attributes,
            }))
        } else {
            json(&li.reshare_post(&share, &post).await?)
        };
        Ok(Json(Outcome {
            preview,
            action: "reshare_post",
            outcome: said(preview, "would_reshare", "reshared"),
            target: share,
            text: Some(text),
            post: made,
            ..Outcome::default()
        }))
    }

    /// WRITE: delete one of the logged-in member's posts, by its share URN
    /// (urn:li:share:<digits>, from create_post). A lost answer is settled by sending the
    /// delete once more; someone else's post is refused by LinkedIn. `preview: true` checks
    /// the share's form and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = true,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn delete_post(
        &self,
        Parameters(args): Parameters<DeletePost>,
    ) -> Result<Json<Outcome>, ToolError> {
        let share = validate::share_urn(&args.share)?;
        let preview = args.preview == Some(true);
        if !preview {
            self.li().delete_post(&share).await?;
        }
        Ok(Json(Outcome {
            preview,
            action: "delete_post",
            outcome: said(preview, "would_delete", "deleted"),
            target: share,
            ..Outcome::default()
        }))
    }

    /// WRITE: follow a company or school page. The page is read first: already followed is
    /// outcome "unchanged" (nothing sent). Counts against the daily follow budget.
    /// `preview: true` reads the page and says whether it is followed, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn follow(
        &self,
        Parameters(args): Parameters<APage>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.following(args, true).await
    }

    /// WRITE: stop following a company or school page. The page is read first: not followed
    /// is outcome "unchanged" (nothing sent). `preview: true` reads the page and says whether
    /// it is followed, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn unfollow(
        &self,
        Parameters(args): Parameters<APage>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.following(args, false).await
    }

    /// WRITE: save a job (My Items): saved_jobs lists it first. Saving a saved job changes
    /// nothing. `preview: true` reads the posting and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn save_job(
        &self,
        Parameters(args): Parameters<AJob>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.saving_job(args, true).await
    }

    /// WRITE: unsave a job: it leaves saved_jobs. `preview: true` reads the posting and
    /// sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn unsave_job(
        &self,
        Parameters(args): Parameters<AJob>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.saving_job(args, false).await
    }

    /// WRITE: save a post (My Items): saved_posts lists it first. Saving a saved post
    /// changes nothing. `preview: true` reads the post and sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn save_post(
        &self,
        Parameters(args): Parameters<APost>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.saving_post(args, true).await
    }

    /// WRITE: unsave a post: it leaves saved_posts. `preview: true` reads the post and
    /// sends nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn unsave_post(
        &self,
        Parameters(args): Parameters<APost>,
    ) -> Result<Json<Outcome>, ToolError> {
        self.saving_post(args, false).await
    }

    /// WRITE: mark one notification read (its urn from list_notifications). Marking a read
    /// one read changes nothing. `preview: true` finds it among the latest notifications and
    /// says whether it is read, sending nothing.
    #[tool(annotations(
        read_only_hint = false,
        destructive_hint = false,
        idempotent_hint = true,
        open_world_hint = true
    ))]
    async fn mark_notification_read(
        &self,
        Parameters(args): Parameters<MarkRead>,
    ) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let urn = args.notification.trim().to_owned();
        let preview = args.preview == Some(true);
        let state = if preview {
            let found = li.notifications().find(|n| n.urn == urn).await?;
            let Some(found) = found else {
                return Err(ToolError::from(crate::exit::Failure {
                    code: 6,
                    message: format!(
                        "notification {urn} is not among your notifications: list_notifications shows them"
                    ),
                }));
            };
            found.read
        } else {
            li.mark_notification_read(&urn).await?;
            Some(true)
        };
        Ok(Json(Outcome {
            preview,
            action: "mark_notification_read",
            outcome: said(preview, "would_mark_read", "marked_read"),
            target: urn,
            state,
            ..Outcome::default()
        }))
    }
}

impl Server {
    /// The post of `create_post` and `reshare_post`: the text checked, for `visibility`
    /// (anyone by default), each mention's member looked up.
    async fn new_post(
        &self,
        text: &str,
        visibility: Option<Audience>,
        mentions: Option<Vec<Mention>>,
    ) -> Result<(NewPost, Visibility), ToolError> {
        check_text("text", text, validate::POST_TEXT_MAX)?;
        let visibility = match visibility {
            Some(Audience::Connections) => Visibility::Connections,
            _ => Visibility::Anyone,
        };
        let mentions: Vec<(String, String)> = mentions
            .unwrap_or_default()
            .into_iter()
            .map(|m| (m.name, m.profile))
            .collect();
        let post = NewPost::new(text).visibility(visibility);
        let post = with_mentions(self.li(), post, &mentions).await?;
        Ok((post, visibility))
    }

    /// Follows (`follow`) or unfollows a page; with `preview`, reads it and says what would
    /// change.
    async fn following(&self, args: APage, follow: bool) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let action = if follow { "follow" } else { "unfollow" };
        let done = if follow { "followed" } else { "unfollowed" };
        let preview = args.preview == Some(true);
        let (outcome, page) = if preview {
            let page = li.company(&args.universal_name).await?;
            let now = page.following_info.as_ref().map(|f| f.following);
            let outcome = if now == Some(follow) {
                "unchanged".to_owned()
            } else {
                format!("would_{action}")
            };
            (outcome, page)
        } else {
            let (changed, page) = if follow {
                li.follow_page(&args.universal_name).await?
            } else {
                li.unfollow_page(&args.universal_name).await?
            };
            let outcome = match changed {
                linkedin_api::Following::Unchanged => "unchanged",
                _ => done,
            };
            (outcome.to_owned(), page)
        };
        let state = if preview {
            page.following_info.as_ref().map(|f| f.following)
        } else {
            Some(follow)
        };
        Ok(Json(Outcome {
            preview,
            action,
            outcome,
            target: page
                .universal_name
                .clone()
                .unwrap_or_else(|| args.universal_name.trim().to_owned()),
            text: Some(page.name.clone()),
            state,
            ..Outcome::default()
        }))
    }

    /// Saves (`save`) or unsaves a job; with `preview`, reads the posting only.
    async fn saving_job(&self, args: AJob, save: bool) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let preview = args.preview == Some(true);
        let (action, would, done) = if save {
            ("save_job", "would_save", "saved")
        } else {
            ("unsave_job", "would_unsave", "unsaved")
        };
        let text = if preview {
            Some(li.job(&args.job_id).await?.title.clone())
        } else {
            if save {
                li.save_job(&args.job_id).await?;
            } else {
                li.unsave_job(&args.job_id).await?;
            }
            None
        };
        Ok(Json(Outcome {
            preview,
            action,
            outcome: said(preview, would, done),
            target: args.job_id.trim().to_owned(),
            text,
            state: (!preview).then_some(save),
            ..Outcome::default()
        }))
    }

    /// Saves (`save`) or unsaves a post; with `preview`, reads the post only.
    async fn saving_post(&self, args: APost, save: bool) -> Result<Json<Outcome>, ToolError> {
        let li = self.li();
        let post = post_arg(&args.post);
        let preview = args.preview == Some(true);
        let (action, would, done) = if save {
            ("save_post", "would_save", "saved")
        } else {
            ("unsave_post", "would_unsave", "unsaved")
        };
        let found = if preview {
            json(&li.post_details(post).await?.post)
        } else {
            if save {
                li.save_post(post).await?;
            } else {
                li.unsave_post(post).await?;
            }
            None
        };
        Ok(Json(Outcome {
            preview,
            action,
            outcome: said(preview, would, done),
            target: post.trim().to_owned(),
            post: found,
            state: (!preview).then_some(save),
            ..Outcome::default()
        }))
    }
}
