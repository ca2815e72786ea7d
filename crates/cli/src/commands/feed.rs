//! `linkedin feed ...`: the logged-in member's feed, a member's posts, the comments and
//! reactions of a post, and reacting to one (with `--dry-run` to see it first).

use clap::{Subcommand, ValueEnum};
use futures::TryStreamExt;
use linkedin_api::{Comment, Post, Reaction, ReactionType};
use serde::Serialize;

use super::messages::{limit, profile_urn};
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, date_time, one_line};

/// The `feed` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// Your feed, in LinkedIn's order; ads (marked Promoted) included unless
    /// --exclude-promoted.
    #[command(after_help = "Example: linkedin feed show --exclude-promoted --limit 30")]
    Show {
        /// Leave promoted posts (ads) out.
        #[arg(long)]
        exclude_promoted: bool,
        /// At most this many posts.
        #[arg(long, default_value_t = 20, value_parser = limit)]
        limit: usize,
    },
    /// A member's posts, newest first.
    ///
    /// PROFILE is a public id (billy-g), a profile id (ACoAA…), a urn:li:fsd_profile: URN, a
    /// profile URL, or `me`.
    #[command(after_help = "Example: linkedin feed posts liv-marchetti --limit 5")]
    Posts {
        /// The member.
        profile: String,
        /// At most this many posts.
        #[arg(long, default_value_t = 20, value_parser = limit)]
        limit: usize,
    },
    /// The comments on a post (not their replies), through the 2026 GraphQL comments query.
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's
    /// linkedin.com/feed/update/… URL (as `feed show` prints them).
    Comments {
        /// The post.
        post: String,
        /// At most this many comments.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// The reactions to a post, with who reacted: all types, or one with --type.
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(
        after_help = "Example: linkedin feed reactions 7529884266763855511 --type praise --limit 100"
    )]
    Reactions {
        /// The post.
        post: String,
        /// Only the reactions of this type.
        #[arg(long = "type", value_enum, ignore_case = true)]
        reaction: Option<Kind>,
        /// At most this many reactions.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// React to a post, or change your reaction to it (never retried).
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(
        after_help = "Example: linkedin feed react urn:li:activity:7529884266763855511 --type praise --dry-run"
    )]
    React {
        /// The post.
        post: String,
        /// The reaction (any case; LinkedIn's names such as LIKE, PRAISE work too).
        #[arg(long = "type", value_enum, ignore_case = true, default_value = "like")]
        reaction: Kind,
        /// Check the post (it exists) and print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take back your reaction to a post (never retried).
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL. Without
    /// --type your reaction is looked up among the post's reactions first.
    #[command(after_help = "Example: linkedin feed unreact 7529884266763855511 --dry-run")]
    Unreact {
        /// The post.
        post: String,
        /// The type of your reaction (looked up when left out).
        #[arg(long = "type", value_enum, ignore_case = true)]
        reaction: Option<Kind>,
        /// Check the post and your reaction to it and print what would be sent, without
        /// sending it.
        #[arg(long)]
        dry_run: bool,
    },
}

/// The `reactions` commands: the same as `feed reactions|react|unreact`, under the name
/// users look for.
#[derive(Subcommand, Debug)]
pub(crate) enum ReactionsCmd {
    /// The reactions to a post, with who reacted: all types, or one with --type.
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(
        after_help = "Example: linkedin reactions list 7529884266763855511 --type praise --limit 100"
    )]
    List {
        /// The post.
        post: String,
        /// Only the reactions of this type.
        #[arg(long = "type", value_enum, ignore_case = true)]
        reaction: Option<Kind>,
        /// At most this many reactions.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// React to a post with any type, or change your reaction to it (never retried).
    #[command(
        after_help = "Example: linkedin reactions add 7529884266763855511 --type praise --dry-run"
    )]
    Add {
        /// The post.
        post: String,
        /// The reaction (any case; LinkedIn's names such as LIKE, PRAISE work too).
        #[arg(long = "type", value_enum, ignore_case = true, default_value = "like")]
        reaction: Kind,
        /// Check the post and print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take back your reaction to a post (never retried; looked up without --type).
    #[command(after_help = "Example: linkedin reactions remove 7529884266763855511 --dry-run")]
    Remove {
        /// The post.
        post: String,
        /// The type of your reaction (looked up when left out).
        #[arg(long = "type", value_enum, ignore_case = true)]
        reaction: Option<Kind>,
        /// Check the post and your reaction to it and print what would be sent, without
        /// sending it.
        #[arg(long)]
        dry_run: bool,
    },
}

impl ReactionsCmd {
    /// The `feed` command it is.
    pub(crate) fn into_feed(self) -> Cmd {
        match self {
            Self::List {
                post,
                reaction,
                limit,
            } => Cmd::Reactions {
                post,
                reaction,
                limit,
            },
            Self::Add {
                post,
                reaction,
                dry_run,
            } => Cmd::React {
                post,
                reaction,
                dry_run,
            },
            Self::Remove {
                post,
                reaction,
                dry_run,
            } => Cmd::Unreact {
                post,
                reaction,
                dry_run,
            },
        }
    }
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: the lists yes; reacting prints what was
    /// done.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::Show { .. }
            | Self::Posts { .. }
            | Self::Comments { .. }
            | Self::Reactions { .. } => true,
            Self::React { .. } | Self::Unreact { .. } => false,
        }
    }
}

/// A reaction, as `--type` takes it (any case) and the MCP tools (lower case, LinkedIn's
/// names or the web app's).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    ValueEnum,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Kind {
    /// Like.
    Like,
    /// Celebrate.
    #[value(alias = "celebrate")]
    #[serde(alias = "celebrate")]
    Praise,
    /// Support.
    #[value(alias = "support")]
    #[serde(alias = "support")]
    Appreciation,
    /// Love.
    #[value(alias = "love")]
    #[serde(alias = "love")]
    Empathy,
    /// Insightful.
    #[value(alias = "insightful")]
    #[serde(alias = "insightful")]
    Interest,
    /// Funny.
    #[value(alias = "funny")]
    #[serde(alias = "funny")]
    Entertainment,
}

impl Kind {
    /// The facade's reaction type.
    pub(crate) fn reaction(self) -> ReactionType {
        match self {
            Self::Like => ReactionType::Like,
            Self::Praise => ReactionType::Praise,
            Self::Appreciation => ReactionType::Appreciation,
            Self::Empathy => ReactionType::Empathy,
            Self::Interest => ReactionType::Interest,
            Self::Entertainment => ReactionType::Entertainment,
        }
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    match cmd {
        Cmd::Show {
            exclude_promoted,
            limit,
        } => {
            let pages = li.feed_posts(exclude_promoted).limit(limit);
            let n = out.stream_raw(pages, |p| post_text(&out, p)).await?;
            if n == 0 {
                out.note("the feed is empty")?;
            }
        }
        Cmd::Posts { profile, limit } => {
            let urn = profile_urn(li, "profile", &profile).await?;
            let n = out
                .stream_raw(li.profile_posts(&urn).limit(limit), |p| post_text(&out, p))
                .await?;
            if n == 0 {
                out.note("no posts")?;
            }
        }
        Cmd::Comments { post, limit } => {
            let pages = li.post_comments(post_arg(&post)).limit(limit);
            let n = out.stream_raw(pages, |c| comment_text(&out, c)).await?;
            if n == 0 {
                out.note("no comments")?;
            }
        }
        Cmd::Reactions {
            post,
            reaction,
            limit,
        } => {
            let pages = match reaction {
                Some(kind) => li.post_reactions_of_type(post_arg(&post), kind.reaction()),
                None => li.post_reactions(post_arg(&post)),
            }
            .limit(limit);
            let n = out.stream_raw(pages, |r| reaction_text(&out, r)).await?;
            if n == 0 {
                out.note("no reactions")?;
            }
        }
        Cmd::React {
            post,
            reaction,
            dry_run,
        } => {
            let reaction = reaction.reaction();
            let what = Reacted {
                dry_run,
                post: post_arg(&post),
                reaction: reaction.clone(),
            };
            if dry_run {
                // Reading its first reaction refuses a malformed post and finds an unknown one,
                // as reacting would.
                li.post_reactions(post_arg(&post))
                    .limit(1)
                    .try_next()
                    .await?;
                return out.one(&what, |r| {
                    format!(
                        "Would react {} to {}.\n{}",
                        r.reaction,
                        r.post,
                        out.dim("Dry run: nothing was sent.")
                    )
                });
            }
            li.react_to_post(post_arg(&post), reaction).await?;
            out.one(&what, |r| format!("Reacted {} to {}.", r.reaction, r.post))?;
        }
        Cmd::Unreact {
            post,
            reaction,
            dry_run,
        } => {
            let post = post_arg(&post);
            if dry_run {
                let kind = my_reaction(li, post, reaction).await?;
                let what = Reacted {
                    dry_run,
                    post,
                    reaction: kind,
                };
                return out.one(&what, |r| {
                    format!(
                        "Would take back your {} reaction to {}.\n{}",
                        r.reaction,
                        r.post,
                        out.dim("Dry run: nothing was sent.")
                    )
                });
            }
            li.remove_reaction(post, reaction.map(Kind::reaction))
                .await?;
            let what = Unreacted { post };
            out.one(&what, |r| format!("Took back your reaction to {}.", r.post))?;
        }
    }
    Ok(())
}

/// The logged-in member's reaction to `post` (of the type `reaction` when given), as taking
/// it back finds it; a malformed or unknown post, or no such reaction, is an error.
pub(crate) async fn my_reaction(
    li: &linkedin_api::Linkedin,
    post: &str,
    reaction: Option<Kind>,
) -> Result<ReactionType, linkedin_api::Error> {
    let me = li.me().await?.profile_id;
    li.post_reactions(post)
        .try_filter(|r| std::future::ready(r.reactor_profile_id.as_ref() == Some(&me)))
        .try_next()
        .await?
        .map(|r| r.into_inner().reaction_type)
        .filter(|kind| reaction.is_none_or(|k| k.reaction() == *kind))
        .ok_or_else(|| linkedin_api::Error::NotFound {
            what: format!("your reaction to post {post}"),
        })
}

/// What `react` prints.
#[derive(Serialize)]
struct Reacted<'a> {
    /// Whether nothing was sent (`--dry-run`).
    dry_run: bool,
    post: &'a str,
    reaction: ReactionType,
}

/// What `unreact` prints.
#[derive(Serialize)]
struct Unreacted<'a> {
    post: &'a str,
}

/// A post as the facade takes it: the URN in a `linkedin.com/feed/update/<urn>/` URL, or the
/// argument as given.
pub(crate) fn post_arg(post: &str) -> &str {
    post.split_once("/feed/update/")
        .and_then(|(_, rest)| rest.split(['/', '?', '#']).next())
        .filter(|urn| !urn.is_empty())
        .unwrap_or(post)
}

/// A post for people: author, age (or Promoted), URN; then its text on one line.
fn post_text(out: &Out, p: &Post) -> String {
    let age = if p.promoted {
        "Promoted".to_owned()
    } else {
        p.age.clone().unwrap_or_default()
    };
    let mut s = format!(
        "{}  {}  {}",
        out.bold(&p.author_name),
        out.dim(&age),
        out.dim(&p.urn)
    );
    if let Some(text) = p.text.as_deref().filter(|t| !t.trim().is_empty()) {
        s.push_str(&format!("\n    {}", one_line(text, 160)));
    }
    s
}

/// A comment for people: when, who, the text.
pub(crate) fn comment_text(out: &Out, c: &Comment) -> String {
    let who = c.author.as_ref().map_or_else(
        || "?".to_owned(),
        |a| {
            format!("{} {}", a.first_name, a.last_name)
                .trim()
                .to_owned()
        },
    );
    format!(
        "{}  {}: {}",
        out.dim(&date_time(c.created_at)),
        out.bold(&who),
        c.text.trim_end().replace('\n', "\n    ")
    )
}

/// A reaction for people: the reaction, who, their headline.
fn reaction_text(out: &Out, r: &Reaction) -> String {
    format!(
        "{:<13}  {}  {}",
        r.reaction_type.as_str(),
        out.bold(&r.name),
        out.dim(&one_line(r.headline.as_deref().unwrap_or_default(), 80))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_from_urls() {
        assert_eq!(
            post_arg("https://www.linkedin.com/feed/update/urn:li:activity:7028/"),
            "urn:li:activity:7028"
        );
        assert_eq!(post_arg("7028"), "7028");
    }
}
