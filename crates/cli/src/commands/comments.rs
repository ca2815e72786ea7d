//! `linkedin comments ...`: a post's comments (every page) and a comment's replies,
//! commenting on a post, replying to a comment and deleting one's own (with `--dry-run` to see it first).

use clap::Subcommand;
use linkedin_api::{NewPost, validate};
use serde::Serialize;

use super::feed::{comment_text, post_arg};
use super::messages::{check_text, limit};
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, one_line};

/// The `comments` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// A post's comments, as LinkedIn orders them (replies not included: `comments replies`
    /// lists a comment's).
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(after_help = "Example: linkedin comments list 7489103473605540496 --limit 20")]
    List {
        /// The post.
        post: String,
        /// At most this many comments.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// The replies to a comment (its urn:li:comment:(activity:<post>,<comment>), as
    /// `comments list --json` shows it), oldest first.
    #[command(
        after_help = "Example: linkedin comments replies 'urn:li:comment:(activity:7489103473605540496,7489660301797292324)'"
    )]
    Replies {
        /// The comment.
        comment: String,
        /// At most this many replies.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// Comment on a post (never retried; counts against the daily engagement budget).
    #[command(
        after_help = "Example: linkedin comments add 7489103473605540496 \"Well said!\" --dry-run"
    )]
    Add {
        /// The post.
        post: String,
        /// The comment, at most 1,250 characters.
        text: String,
        /// Print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Reply to a comment (its urn:li:comment:(activity:<post>,<comment>), as `comments list
    /// --json` shows it).
    #[command(
        after_help = "Example: linkedin comments reply 'urn:li:comment:(activity:7489103473605540496,7489660301797292324)' \"Agreed!\" --dry-run"
    )]
    Reply {
        /// The comment replied to.
        comment: String,
        /// The reply, at most 1,250 characters.
        text: String,
        /// Print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Delete one of your comments (or replies), by its URN as `comments list --json` shows
    /// it. With --dry-run it is looked up among the post's comments and shown.
    #[command(
        after_help = "Example: linkedin comments delete 'urn:li:comment:(activity:7489103473605540496,7489660301797292324)' --dry-run"
    )]
    Delete {
        /// The comment.
        comment: String,
        /// Look the comment up and print it, without deleting it.
        #[arg(long)]
        dry_run: bool,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: the list yes; the writes print what was done.
    pub(crate) fn gives_raw(&self) -> bool {
        matches!(self, Self::List { .. } | Self::Replies { .. })
    }
}

/// What `comments add` and `reply` print.
#[derive(Serialize)]
struct Commented<'a> {
    dry_run: bool,
    thread: &'a str,
    text: &'a str,
    /// The comment made, when LinkedIn's answer holds it.
    comment: Option<linkedin_api::Comment>,
}

/// What `comments delete` prints.
#[derive(Serialize)]
struct Deleted {
    dry_run: bool,
    /// `urn:li:comment:(activity:<post>,<comment>)`.
    comment: String,
    /// The comment, looked up for `--dry-run`.
    found: Option<linkedin_api::Comment>,
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    match cmd {
        Cmd::Delete { comment, dry_run } => {
            let (activity, id) = validate::comment_ids(&comment)?;
            let urn = format!("urn:li:comment:(activity:{activity},{id})");
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let found = if dry_run {
                let found = li.post_comments(&activity).find(|c| c.urn == urn).await?;
                let Some(found) = found else {
                    return Err(Failure {
                        code: 6,
                        message: format!(
                            "comment {id} is not among the comments of post {activity}: `linkedin comments list {activity}` shows them"
                        ),
                    });
                };
                Some(found.into_inner())
            } else {
                li.delete_comment(&urn).await?;
                None
            };
            let done = Deleted {
                dry_run,
                comment: urn,
                found,
            };
            out.one(&done, |d| match &d.found {
                Some(c) => format!(
                    "Would delete the comment {}:\n    {}\n{}",
                    d.comment,
                    one_line(&c.text, 300),
                    out.dim("Dry run: nothing was sent.")
                ),
                None => format!("Deleted the comment {}.", d.comment),
            })
        }
        Cmd::List { post, limit } => {
            let session = conn.connect().await?;
            let pages = session.linkedin.post_comments(post_arg(&post)).limit(limit);
            let n = out.stream_raw(pages, |c| comment_text(&out, c)).await?;
            if n == 0 {
                out.note("no comments")?;
            }
            Ok(())
        }
        Cmd::Replies { comment, limit } => {
            validate::comment_urn("comment", &comment)?;
            let session = conn.connect().await?;
            let pages = session.linkedin.comment_replies(&comment).limit(limit);
            let n = out.stream_raw(pages, |c| comment_text(&out, c)).await?;
            if n == 0 {
                out.note("no replies")?;
            }
            Ok(())
        }
        Cmd::Add {
            post,
            text,
            dry_run,
        } => write(conn, out, post_arg(&post), &text, dry_run, false).await,
        Cmd::Reply {
            comment,
            text,
            dry_run,
        } => write(conn, out, &comment, &text, dry_run, true).await,
    }
}

async fn write(
    conn: &Connection,
    out: Out,
    thread: &str,
    text: &str,
    dry_run: bool,
    reply: bool,
) -> Result<(), Failure> {
    check_text("text", text, validate::COMMENT_TEXT_MAX)?;
    if dry_run {
        let plan = Commented {
            dry_run: true,
            thread,
            text,
            comment: None,
        };
        return out.one(&plan, |p| {
            format!(
                "Would {} {}:\n    {}\n{}",
                if reply { "reply to" } else { "comment on" },
                p.thread,
                one_line(p.text, 300),
                out.dim("Dry run: nothing was sent.")
            )
        });
    }
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let made = if reply {
        li.reply_to_comment(thread, &NewPost::new(text)).await?
    } else {
        li.comment_on_post(thread, &NewPost::new(text)).await?
    };
    let done = Commented {
        dry_run: false,
        thread,
        text,
        comment: made.map(linkedin_api::models::Raw::into_inner),
    };
    out.one(&done, |d| {
        let what = if reply { "Replied to" } else { "Commented on" };
        match &d.comment {
            Some(c) => format!("{what} {}.\n    {}", d.thread, c.urn),
            None => format!("{what} {}.", d.thread),
        }
    })
}
