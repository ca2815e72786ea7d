//! `linkedin post ...`: create a text post (with `--dry-run` to see it first), delete one's
//! own, a post's details with its counts, and the posts one saved (saving and unsaving one).

use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use linkedin_api::{CreatedPost, Image, NewPost, PostDetails, ProfileId, Visibility, validate};
use serde::Serialize;

use super::feed::post_arg;
use super::messages::{check_text, profile_urn, text_from};
use super::search::{Limit, post_line};
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, one_line};

/// The `post` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// Publish a post, with an image if you like (never retried; counts against the daily
    /// post budget).
    ///
    /// TEXT is the post (`-`: standard input), at most 3,000 characters; a #hashtag stays as
    /// written (LinkedIn links it). --mention "NAME=PROFILE" makes NAME in the text (written
    /// @NAME or NAME) a mention of PROFILE (a public id, profile id, URN or URL). --image
    /// FILE shows a JPEG, PNG or GIF under the text (at most 10 MiB and 36,152,320 pixels;
    /// checked before anything is sent, by its content), uploaded first.
    #[command(
        after_help = "Example: linkedin post create \"Thanks @Liv Marchetti for the review! #rust\" --mention \"Liv Marchetti=liv-marchetti\" --visibility connections --dry-run"
    )]
    Create {
        /// The text (`-`: standard input).
        text: Option<String>,
        /// Read the text from a file (`-`: standard input).
        #[arg(long, conflicts_with = "text")]
        text_file: Option<PathBuf>,
        /// Who may see it.
        #[arg(long, value_enum, ignore_case = true, default_value = "anyone")]
        visibility: Seen,
        /// A member mentioned: NAME=PROFILE (repeat for more).
        #[arg(long = "mention", value_name = "NAME=PROFILE")]
        mentions: Vec<String>,
        /// An image to show under the text: a JPEG, PNG or GIF file.
        #[arg(long, value_name = "FILE")]
        image: Option<PathBuf>,
        /// Check everything (the mentioned members exist, the image is one) and print what
        /// would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Reshare a post with your comment (never retried; counts against the daily post budget).
    ///
    /// SHARE is the post's urn:li:share:<id>, as `post show --json` prints it (`share_urn`);
    /// TEXT, --visibility and --mention as for `post create` (no image).
    #[command(
        after_help = "Example: linkedin post reshare urn:li:share:7506842223637988458 \"Worth a read. #rust\" --dry-run"
    )]
    Reshare {
        /// The post's share URN.
        share: String,
        /// Your comment (`-`: standard input).
        text: Option<String>,
        /// Read the comment from a file (`-`: standard input).
        #[arg(long, conflicts_with = "text")]
        text_file: Option<PathBuf>,
        /// Who may see it.
        #[arg(long, value_enum, ignore_case = true, default_value = "anyone")]
        visibility: Seen,
        /// A member mentioned: NAME=PROFILE (repeat for more).
        #[arg(long = "mention", value_name = "NAME=PROFILE")]
        mentions: Vec<String>,
        /// Check everything and print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Delete one of your posts, by its share (urn:li:share:<id>, as `post create` prints it).
    #[command(after_help = "Example: linkedin post delete urn:li:share:7509391796021479585")]
    Delete {
        /// The post's share URN.
        share: String,
    },
    /// A post with its counts: reactions (by type), comments, reshares.
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(after_help = "Example: linkedin post show 7506842223637988459")]
    Show {
        /// The post.
        post: String,
    },
    /// The posts you saved (My Items), most recently saved first.
    #[command(after_help = "Example: linkedin post saved --limit 0")]
    Saved {
        #[command(flatten)]
        limit: Limit,
    },
    /// Save a post: it is listed first by `post saved`. Saving a saved post changes nothing.
    ///
    /// POST is an activity id, urn:li:activity:<id>, an update URN or the post's URL.
    #[command(after_help = "Example: linkedin post save 7506842223637988459")]
    Save {
        /// The post.
        post: String,
    },
    /// Unsave a post: it leaves `post saved`.
    #[command(after_help = "Example: linkedin post unsave 7506842223637988459")]
    Unsave {
        /// The post.
        post: String,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: `show` yes; the writes print what was done.
    pub(crate) fn gives_raw(&self) -> bool {
        matches!(self, Self::Show { .. } | Self::Saved { .. })
    }
}

/// Who may see a post, as the command line names it.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum Seen {
    /// Anyone, on or off LinkedIn.
    Anyone,
    /// Your connections only.
    Connections,
}

impl Seen {
    fn visibility(self) -> Visibility {
        match self {
            Self::Anyone => Visibility::Anyone,
            Self::Connections => Visibility::Connections,
        }
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    match cmd {
        Cmd::Create {
            text,
            text_file,
            visibility,
            mentions,
            image,
            dry_run,
        } => {
            let text = text_from(text, text_file)?;
            check_text("text", &text, validate::POST_TEXT_MAX)?;
            let image = image.map(Image::from_path).transpose()?;
            let mentions = parse_mentions(&mentions)?;
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let mut post = NewPost::new(text).visibility(visibility.visibility());
            if let Some(image) = &image {
                post = post.image(image.clone());
            }
            let post = with_mentions(li, post, &mentions).await?;
            // Checked here too, so that a dry run is refused as the post would be.
            let (sent_text, attributes) = post.commentary()?;
            if dry_run {
                let plan = DryPost {
                    dry_run: true,
                    action: "create_post",
                    text: &sent_text,
                    visibility: visibility.visibility(),
                    attributes: &attributes,
                    image: image.as_ref().map(DryImage::of),
                };
                return out.one(&plan, |p| {
                    let image = p.image.as_ref().map_or_else(String::new, |i| {
                        format!(
                            "\n    with the image {} ({}, {}×{}, {} bytes)",
                            one_line(&i.name, 80),
                            i.kind,
                            i.width,
                            i.height,
                            i.bytes
                        )
                    });
                    format!(
                        "Would publish, for {}:\n    {}{image}\n{}",
                        seen_text(p.visibility),
                        one_line(p.text, 300),
                        out.dim("Dry run: nothing was sent.")
                    )
                });
            }
            let created = li.create_post(&post).await?;
            out.one(&created, created_text)
        }
        Cmd::Reshare {
            share,
            text,
            text_file,
            visibility,
            mentions,
            dry_run,
        } => {
            let share = validate::share_urn(&share)?;
            let text = text_from(text, text_file)?;
            check_text("text", &text, validate::POST_TEXT_MAX)?;
            let mentions = parse_mentions(&mentions)?;
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let post = NewPost::new(text).visibility(visibility.visibility());
            let post = with_mentions(li, post, &mentions).await?;
            let (sent_text, attributes) = post.commentary()?;
            if dry_run {
                let plan = DryReshare {
                    dry_run: true,
                    action: "reshare_post",
                    share: &share,
                    text: &sent_text,
                    visibility: visibility.visibility(),
                    attributes: &attributes,
                };
                return out.one(&plan, |p| {
                    format!(
                        "Would reshare {}, for {}, with:\n    {}\n{}",
                        p.share,
                        seen_text(p.visibility),
                        one_line(p.text, 300),
                        out.dim("Dry run: nothing was sent.")
                    )
                });
            }
            let created = li.reshare_post(&share, &post).await?;
            out.one(&created, created_text)
        }
        Cmd::Delete { share } => {
            let session = conn.connect().await?;
            session.linkedin.delete_post(&share).await?;
            let done = Deleted {
                share: share.trim(),
                deleted: true,
            };
            out.one(&done, |d| format!("Deleted the post {}.", d.share))
        }
        Cmd::Show { post } => {
            let session = conn.connect().await?;
            let details = session.linkedin.post_details(post_arg(&post)).await?;
            out.one_raw(&details, details_text)
        }
        Cmd::Saved { limit } => {
            let session = conn.connect().await?;
            let pages = limit.apply(session.linkedin.saved_posts());
            let n = out.stream_raw(pages, |p| post_line(p, out)).await?;
            if n == 0 {
                out.note("no saved posts")?;
            }
            Ok(())
        }
        Cmd::Save { post } => {
            let session = conn.connect().await?;
            session.linkedin.save_post(post_arg(&post)).await?;
            let done = SavedPost {
                post: post_arg(&post).trim(),
                saved: true,
            };
            out.one(&done, |d| format!("Saved the post {}.", d.post))
        }
        Cmd::Unsave { post } => {
            let session = conn.connect().await?;
            session.linkedin.unsave_post(post_arg(&post)).await?;
            let done = SavedPost {
                post: post_arg(&post).trim(),
                saved: false,
            };
            out.one(&done, |d| format!("Unsaved the post {}.", d.post))
        }
    }
}

/// `--mention NAME=PROFILE` values as (NAME, PROFILE), checked.
fn parse_mentions(mentions: &[String]) -> Result<Vec<(String, String)>, Failure> {
    mentions
        .iter()
        .map(|m| {
            m.rsplit_once('=')
                .filter(|(name, who)| !name.trim().is_empty() && !who.trim().is_empty())
                .map(|(name, who)| (name.trim().to_owned(), who.trim().to_owned()))
                .ok_or_else(|| Failure::usage(format!("--mention {m:?}: expected NAME=PROFILE")))
        })
        .collect()
}

/// What `post reshare --dry-run` prints.
#[derive(Serialize)]
struct DryReshare<'a> {
    dry_run: bool,
    action: &'static str,
    share: &'a str,
    text: &'a str,
    visibility: Visibility,
    attributes: &'a [serde_json::Value],
}

/// `post` with each (NAME, PROFILE) of `mentions` made a mention of that member (looked up
/// as [`profile_urn`] does).
pub(crate) async fn with_mentions(
    li: &linkedin_api::Linkedin,
    mut post: NewPost,
    mentions: &[(String, String)],
) -> Result<NewPost, linkedin_api::Error> {
    for (name, who) in mentions {
        let urn = profile_urn(li, "mention", who).await?;
        let id = ProfileId::parse(&urn).map_err(|e| linkedin_api::Error::InvalidInput {
            field: "mention",
            reason: e.to_string(),
        })?;
        post = post.mention(name, id);
    }
    Ok(post)
}

/// What `post create --dry-run` prints.
#[derive(Serialize)]
struct DryPost<'a> {
    dry_run: bool,
    action: &'static str,
    text: &'a str,
    visibility: Visibility,
    attributes: &'a [serde_json::Value],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<DryImage>,
}

/// The image a dry run would upload.
#[derive(Serialize)]
struct DryImage {
    name: String,
    kind: &'static str,
    width: u64,
    height: u64,
    bytes: usize,
}

impl DryImage {
    fn of(image: &Image) -> Self {
        let (width, height) = image.dimensions();
        Self {
            name: image.name().to_owned(),
            kind: image.kind().mime(),
            width,
            height,
            bytes: image.len(),
        }
    }
}

/// What `post save` and `post unsave` print.
#[derive(Serialize)]
struct SavedPost<'a> {
    post: &'a str,
    /// Whether it is saved now.
    saved: bool,
}

/// What `post delete` prints.
#[derive(Serialize)]
struct Deleted<'a> {
    share: &'a str,
    deleted: bool,
}

fn seen_text(v: Visibility) -> &'static str {
    match v {
        Visibility::Connections => "your connections",
        _ => "anyone",
    }
}

fn created_text(c: &CreatedPost) -> String {
    let mut s = String::from("Published.");
    if let Some(url) = &c.url {
        s.push_str(&format!("\n    {url}"));
    }
    if let Some(share) = &c.share_urn {
        s.push_str(&format!(
            "\n    {share} (what `linkedin post delete` takes)"
        ));
    }
    s
}

fn details_text(d: &PostDetails) -> String {
    let p = &d.post;
    let mut s = format!(
        "{}  {}\n{}",
        p.author_name,
        p.age.as_deref().unwrap_or(""),
        p.text.as_deref().unwrap_or("")
    );
    if let Some(c) = &d.counts {
        let n = |v: Option<u64>| v.map_or_else(|| "?".to_owned(), |v| v.to_string());
        s.push_str(&format!(
            "\n\n{} reactions, {} comments, {} reshares",
            n(c.reactions),
            n(c.comments),
            n(c.reshares)
        ));
        if !c.by_type.is_empty() {
            let types: Vec<String> = c
                .by_type
                .iter()
                .map(|t| format!("{} {}", t.reaction_type, t.count))
                .collect();
            s.push_str(&format!(" ({})", types.join(", ")));
        }
    }
    s.push_str(&format!("\n{}", p.url));
    if let Some(share) = &d.share_urn {
        s.push_str(&format!("\nshare: {share}"));
    }
    s
}
