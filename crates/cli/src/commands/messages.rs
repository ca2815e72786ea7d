//! `linkedin messages ...`: the logged-in member's conversations and their messages; sending a
//! reply or a first message (with `--dry-run` to see it first), marking read or unread.
//!
//! Also the helpers the other write commands share: members named the way users name them
//! (public id, profile id, URN, profile URL, `me`), texts from an argument, a file or stdin,
//! and the checks a write makes before anything is sent.

use std::io::Read;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use linkedin_api::models::Raw;
use linkedin_api::{
    Conversation, ConversationCategory, ConversationFilter, Error, Linkedin, Message,
    NewAttachment, validate,
};
use serde::Serialize;

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, date_time, one_line};

/// The `messages` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// List conversations, most recently active first (the primary inbox unless --category).
    #[command(after_help = "Example: linkedin messages list --unread --limit 10")]
    List {
        /// Only conversations with unread messages.
        #[arg(long, conflicts_with = "read")]
        unread: bool,
        /// Only conversations without unread messages.
        #[arg(long)]
        read: bool,
        /// Mailbox categories to list, comma-separated or repeated.
        #[arg(
            long = "category",
            value_name = "CATEGORY",
            value_enum,
            value_delimiter = ',',
            default_value = "primary"
        )]
        categories: Vec<Category>,
        /// Only conversations whose participants are all 1st-degree connections.
        #[arg(long)]
        first_degree: bool,
        /// Only conversations whose participants' names or messages contain these words.
        #[arg(long)]
        keywords: Option<String>,
        /// At most this many conversations.
        #[arg(long, default_value_t = 20, value_parser = limit)]
        limit: usize,
    },
    /// Show the messages of a conversation, newest first.
    ///
    /// CONVERSATION is a thread id (2-<base64>==, as `messages list` shows it and as in
    /// linkedin.com/messaging/thread/<id>/) or a conversation URN.
    #[command(
        after_help = "Example: linkedin messages show 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA== --limit 50"
    )]
    Show {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
        /// At most this many messages.
        #[arg(long, default_value_t = 20, value_parser = limit)]
        limit: usize,
    },
    /// Send a message in a conversation (never retried, so never sent twice), with files if
    /// you like.
    ///
    /// The text is the TEXT argument (`-` reads it from standard input) or the content of
    /// --text-file; trailing line breaks of a file or of standard input are left out. At most
    /// 8000 characters. --attach FILE sends a file with it (repeat for more: at most 10, each
    /// at most 20 MiB; uploaded first); with files the text may be left out.
    #[command(
        after_help = "Example: linkedin messages send 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA== \"Thanks, talk on Thursday!\" --dry-run"
    )]
    Send {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
        /// The text to send; `-` reads it from standard input.
        #[arg(required_unless_present_any = ["text_file", "attach"])]
        text: Option<String>,
        /// Read the text from this file (`-`: standard input).
        #[arg(long, conflicts_with = "text")]
        text_file: Option<PathBuf>,
        /// A file to send with the message (repeat for more).
        #[arg(long = "attach", value_name = "FILE")]
        attach: Vec<PathBuf>,
        /// Check everything and print what would be sent, without sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Start a conversation with one or more members by sending its first message.
    ///
    /// Each PROFILE is a public id (billy-g), a profile id (ACoAA…), a urn:li:fsd_profile: URN
    /// or a profile URL. LinkedIn keeps one conversation per pair of members: a single
    /// recipient already talked to gets the message in the existing conversation. With
    /// --title, a new group conversation (two recipients or more) of that name.
    #[command(
        after_help = "Example: linkedin messages start liv-marchetti --text \"Hello! Coffee next week?\" --dry-run"
    )]
    Start {
        /// The recipients (1 to 50).
        #[arg(required = true)]
        profiles: Vec<String>,
        /// The text to send; `-` reads it from standard input.
        #[arg(long, required_unless_present = "text_file")]
        text: Option<String>,
        /// Read the text from this file (`-`: standard input).
        #[arg(long, conflicts_with = "text")]
        text_file: Option<PathBuf>,
        /// Start a group conversation with this title (two recipients or more).
        #[arg(long)]
        title: Option<String>,
        /// Check everything (the recipients exist) and print what would be sent, without
        /// sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Rename a group conversation (never retried).
    #[command(
        after_help = "Example: linkedin messages rename 2-ZjdhYjUzNDEtODU3YS00NTZkLWI4OTMtMWVhYTE2MzkxYWNiXzI5NQ== \"Rust meetup, Thursday\""
    )]
    Rename {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
        /// The new title.
        title: String,
    },
    /// Save the files of a message (by default the newest one with files) into a directory.
    ///
    /// Files are written under their own names (a directory part or control character in a
    /// name LinkedIn gives is replaced); a file already there is not overwritten (exit 2).
    /// No message with files among the latest 50: a note, nothing written.
    #[command(
        after_help = "Example: linkedin messages download 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA== --to ."
    )]
    Download {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
        /// The message (its id or URN, as `messages show --json` prints them); by default
        /// the newest of the latest 50 that has files.
        #[arg(long)]
        message: Option<String>,
        /// The directory to save into (default: the current one).
        #[arg(long, default_value = ".")]
        to: PathBuf,
    },
    /// Mark a conversation read.
    Read {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
    },
    /// Mark a conversation unread (it then counts as unread in the inbox).
    Unread {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
    },
    /// Edit the text of a message you sent (never retried).
    ///
    /// MESSAGE is its id (2-<base64>==, the `id` of `messages show --json`) or its URN.
    #[command(
        after_help = "Example: linkedin messages edit 2-MTc5NDc2MDQwMjU2OGI3ODMzMy0wMDMmMjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA== \"Thursday, not Friday\""
    )]
    Edit {
        /// The message: an id or a URN.
        message: String,
        /// The new text.
        text: String,
    },
    /// Recall (delete for everyone) a message you sent (never retried).
    Recall {
        /// The message: an id or a URN.
        message: String,
    },
    /// React to a message with an emoji, or take the reaction back with --remove.
    #[command(
        after_help = "Example: linkedin messages react 2-MTc5NDc2MDQwMjU2OGI3ODMzMy0wMDMmMjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA== 👍"
    )]
    React {
        /// The message: an id or a URN.
        message: String,
        /// The emoji.
        emoji: String,
        /// Take the reaction back instead.
        #[arg(long)]
        remove: bool,
    },
    /// Show the conversation's other members that you are typing (it lapses by itself).
    #[command(
        after_help = "Example: linkedin messages typing 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA=="
    )]
    Typing {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
    },
    /// Mark a conversation's latest messages seen, as linkedin.com does when you open it:
    /// their delivery acknowledged, the conversation read, a seen receipt for the others.
    ///
    /// With --all instead, clear the messaging badge (every message so far counts as seen;
    /// no conversation is marked read), as linkedin.com does when the messaging page opens.
    #[command(
        after_help = "Example: linkedin messages seen 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA=="
    )]
    Seen {
        /// The conversation: a thread id or a conversation URN.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        conversation: Option<String>,
        /// Clear the messaging badge instead.
        #[arg(long)]
        all: bool,
    },
    /// List message requests (the secondary inbox: first messages from members you are not
    /// connected to), newest first.
    ///
    /// Answer one with `messages send` to take it into your inbox; accepting or declining
    /// one as linkedin.com does is not offered (no recording shows how).
    #[command(after_help = "Example: linkedin messages requests --limit 5")]
    Requests {
        /// At most this many conversations.
        #[arg(long, default_value_t = 20, value_parser = limit)]
        limit: usize,
    },
    /// Who has seen what in a conversation: the latest message each member saw, and when.
    #[command(
        after_help = "Example: linkedin messages receipts 2-MjM2NGY2MjItM2U3Yi00YzkxLWJlZTktMjQ3ODk0NDA2YTg5XzUxOA=="
    )]
    Receipts {
        /// The conversation: a thread id or a conversation URN.
        conversation: String,
    },
    /// Unread conversations per mailbox category (the numbers on the messaging tab).
    #[command(after_help = "Example: linkedin messages counts --json")]
    Counts,
    /// Print realtime events as they arrive (new messages, yours too, reads, typing, seen
    /// receipts, reactions, ...), until Ctrl-C.
    ///
    /// One line per event for a person; one JSON object per event with --ndjson (its `kind`
    /// says what happened). One connection to LinkedIn's realtime stream, resumed after a
    /// disconnect: messages that came meanwhile are printed first, each once.
    #[command(after_help = "Example: linkedin messages watch --ndjson --for-ms 2000")]
    Watch {
        /// Only events of this conversation (a thread id or a conversation URN).
        #[arg(long)]
        conversation: Option<String>,
        /// Stop after printing this many events.
        #[arg(long, value_name = "N")]
        max_events: Option<usize>,
        /// Stop after this many milliseconds.
        #[arg(long, value_name = "MS")]
        for_ms: Option<u64>,
    },
    /// Show the 1:1 conversation with a member (exit status 6 when there is none).
    ///
    /// The mailbox (inbox, archive and spam) is read newest first until it is found.
    #[command(after_help = "Example: linkedin messages with liv-marchetti")]
    With {
        /// The member: a public id, a profile id (ACoAA…), a URN or a profile URL.
        profile: String,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: conversations and messages yes, a sent
    /// message too (LinkedIn's answer); dry runs and marking print what would be or was done.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::List { .. } | Self::Show { .. } | Self::With { .. } | Self::Counts => true,
            Self::Requests { .. } | Self::Receipts { .. } => true,
            Self::Send { dry_run, .. } | Self::Start { dry_run, .. } => !dry_run,
            Self::Read { .. }
            | Self::Download { .. }
            | Self::Unread { .. }
            | Self::Watch { .. }
            | Self::Typing { .. }
            | Self::Rename { .. }
            | Self::Seen { .. }
            | Self::Edit { .. }
            | Self::Recall { .. }
            | Self::React { .. } => false,
        }
    }
}

/// A mailbox category, as `--category` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Category {
    /// The focused inbox (what LinkedIn's messaging page opens on).
    Primary,
    /// "Other": message requests and the like.
    #[value(alias = "other")]
    Secondary,
    /// The whole inbox, primary and other.
    #[value(alias = "all")]
    Inbox,
    /// Archived conversations.
    Archive,
    /// Spam.
    Spam,
    /// InMail.
    Inmail,
    /// Job-related conversations.
    Jobs,
}

impl Category {
    fn category(self) -> ConversationCategory {
        match self {
            Self::Primary => ConversationCategory::PrimaryInbox,
            Self::Secondary => ConversationCategory::SecondaryInbox,
            Self::Inbox => ConversationCategory::Inbox,
            Self::Archive => ConversationCategory::Archive,
            Self::Spam => ConversationCategory::Spam,
            Self::Inmail => ConversationCategory::Inmail,
            Self::Jobs => ConversationCategory::Jobs,
        }
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    match cmd {
        Cmd::List {
            unread,
            read,
            categories,
            first_degree,
            keywords,
            limit,
        } => {
            let mut filter =
                ConversationFilter::inbox().categories(categories.iter().map(|c| c.category()));
            if unread {
                filter = filter.unread();
            }
            if read {
                filter = filter.read();
            }
            if first_degree {
                filter = filter.first_degree_only();
            }
            if let Some(keywords) = keywords {
                filter = filter.keywords(keywords);
            }
            let session = conn.connect().await?;
            let li = &session.linkedin;
            // No page bigger than the limit needs, nor than LinkedIn takes: the page driver's.
            let n = out
                .stream_raw(li.conversations(filter).limit(limit), |c| {
                    conversation_text(&out, c)
                })
                .await?;
            if n == 0 {
                out.note("no conversations")?;
            }
            Ok(())
        }
        Cmd::Show {
            conversation,
            limit,
        } => {
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let n = out
                .stream_raw(li.conversation_messages(&conversation).limit(limit), |m| {
                    message_text(&out, m)
                })
                .await?;
            if n == 0 {
                out.note("no messages")?;
            }
            Ok(())
        }
        Cmd::Download {
            conversation,
            message,
            to,
        } => download(conn, out, &conversation, message.as_deref(), &to).await,
        Cmd::Send {
            conversation,
            text,
            text_file,
            attach,
            dry_run,
        } => {
            let text = if text.is_none() && text_file.is_none() {
                String::new()
            } else {
                text_from(text, text_file)?
            };
            if attach.is_empty() || !text.is_empty() {
                check_text("text", &text, validate::MESSAGE_TEXT_MAX)?;
            }
            let files = attach
                .iter()
                .map(NewAttachment::from_path)
                .collect::<Result<Vec<_>, _>>()?;
            let session = conn.connect().await?;
            let li = &session.linkedin;
            if dry_run {
                return dry_send(li, &conversation, &text, &files, out).await;
            }
            let sent = li
                .send_message_with_attachments(&conversation, &text, &files)
                .await?;
            out.one_raw(&sent, |m| {
                format!("Sent in {conversation} at {}.", date_time(m.delivered_at))
            })
        }
        Cmd::Start {
            profiles,
            text,
            text_file,
            title,
            dry_run,
        } => {
            let text = text_from(text, text_file)?;
            check_start(&profiles, &text, title.as_deref())?;
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let urns = recipient_urns(li, &profiles).await?;
            if dry_run {
                return dry_start(li, &urns, title.as_deref(), &text, out).await;
            }
            let sent = match &title {
                Some(title) => li.start_group_conversation(&urns, title, &text).await?,
                None => li.start_conversation(&urns, &text).await?,
            };
            out.one_raw(&sent, |m| {
                format!(
                    "Sent at {}; the conversation is {}.",
                    date_time(m.delivered_at),
                    m.conversation_urn.as_deref().unwrap_or("?")
                )
            })
        }
        Cmd::Edit { message, text } => {
            check_text("text", &text, validate::MESSAGE_TEXT_MAX)?;
            let session = conn.connect().await?;
            session.linkedin.edit_message(&message, &text).await?;
            out.one(
                &Changed {
                    message: &message,
                    done: "edited",
                },
                |c| format!("Edited {}.", c.message),
            )
        }
        Cmd::Recall { message } => {
            let session = conn.connect().await?;
            session.linkedin.recall_message(&message).await?;
            out.one(
                &Changed {
                    message: &message,
                    done: "recalled",
                },
                |c| format!("Recalled {}.", c.message),
            )
        }
        Cmd::React {
            message,
            emoji,
            remove,
        } => {
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let done = if remove {
                li.unreact_to_message(&message, &emoji).await?;
                "unreacted"
            } else {
                li.react_to_message(&message, &emoji).await?;
                "reacted"
            };
            out.one(
                &Changed {
                    message: &message,
                    done,
                },
                |c| {
                    format!(
                        "{} {} {}.",
                        if remove { "Took back" } else { "Reacted" },
                        emoji,
                        c.message
                    )
                },
            )
        }
        Cmd::Rename {
            conversation,
            title,
        } => {
            check_text("title", &title, validate::CONVERSATION_TITLE_MAX)?;
            let session = conn.connect().await?;
            session
                .linkedin
                .rename_conversation(&conversation, &title)
                .await?;
            out.one(
                &Renamed {
                    conversation: &conversation,
                    title: &title,
                },
                |r| format!("Renamed {} to \"{}\".", r.conversation, r.title),
            )
        }
        Cmd::Typing { conversation } => {
            let session = conn.connect().await?;
            session.linkedin.send_typing(&conversation).await?;
            out.one(
                &Typing {
                    conversation: &conversation,
                    typing: true,
                },
                |t| format!("Typing in {}.", t.conversation),
            )
        }
        Cmd::Seen { conversation, all } => {
            let session = conn.connect().await?;
            let Some(conversation) = conversation.filter(|_| !all) else {
                session.linkedin.mark_all_seen().await?;
                return out.one(&AllSeen { all_seen: true }, |_| {
                    "Cleared the messaging badge: every message so far is seen.".to_owned()
                });
            };
            let seen = session.linkedin.mark_seen(&conversation).await?;
            out.one(&seen, |s| match &s.latest {
                Some(latest) => format!(
                    "Marked {conversation} seen up to {latest} ({} acknowledged).",
                    s.acknowledged.len()
                ),
                None => format!("Marked {conversation} read (no message from others to see)."),
            })
        }
        Cmd::Requests { limit } => {
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let n = out
                .stream_raw(li.message_requests().limit(limit), |c| {
                    conversation_text(&out, c)
                })
                .await?;
            if n == 0 {
                out.note("no message requests")?;
            }
            Ok(())
        }
        Cmd::Receipts { conversation } => {
            let session = conn.connect().await?;
            let receipts = session.linkedin.seen_receipts(&conversation).await?;
            out.list_raw(receipts, |r| {
                format!(
                    "{}  saw {}  {}",
                    r.profile_urn,
                    r.message_urn,
                    out.dim(&date_time(r.seen_at))
                )
            })
            .await
        }
        Cmd::Counts => {
            let session = conn.connect().await?;
            let counts = session.linkedin.mailbox_counts().await?;
            out.list_raw(counts, |c| {
                let unseen = c
                    .unseen_conversation_count
                    .map(|n| format!(", {n} unseen"))
                    .unwrap_or_default();
                format!(
                    "{:<16} {} unread{unseen}",
                    c.category.as_str(),
                    c.unread_conversation_count
                )
            })
            .await
        }
        Cmd::Watch {
            conversation,
            max_events,
            for_ms,
        } => super::watch::run(conn, out, conversation, max_events, for_ms).await,
        Cmd::Read { conversation } => mark(conn, out, &conversation, true).await,
        Cmd::Unread { conversation } => mark(conn, out, &conversation, false).await,
        Cmd::With { profile } => {
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let urn = profile_urn(li, "profile", &profile).await?;
            match li.conversation_with(&urn).await? {
                Some(c) => out.one_raw(&c, |c| {
                    format!(
                        "{}\n{}",
                        conversation_text(&out, c),
                        out.dim(&c.urn.to_string())
                    )
                }),
                None => Err(Failure {
                    code: 6,
                    message: format!(
                        "there is no conversation with {profile}: start one with `linkedin messages start {profile} --text ...`"
                    ),
                }),
            }
        }
    }
}

/// What `edit`, `recall` and `react` print.
#[derive(Serialize)]
struct Changed<'a> {
    message: &'a str,
    done: &'static str,
}

/// What `seen --all` prints.
#[derive(Serialize)]
struct AllSeen {
    all_seen: bool,
}

/// What `rename` prints.
#[derive(Serialize)]
struct Renamed<'a> {
    conversation: &'a str,
    title: &'a str,
}

/// What `typing` prints.
#[derive(Serialize)]
struct Typing<'a> {
    conversation: &'a str,
    typing: bool,
}

/// What `read` and `unread` print.
#[derive(Serialize)]
struct Marked<'a> {
    conversation: &'a str,
    read: bool,
}

async fn mark(conn: &Connection, out: Out, conversation: &str, read: bool) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    if read {
        li.mark_conversation_read(conversation).await?;
    } else {
        li.mark_conversation_unread(conversation).await?;
    }
    out.one(&Marked { conversation, read }, |m| {
        format!(
            "Marked {} {}.",
            m.conversation,
            if m.read { "read" } else { "unread" }
        )
    })
}

/// The first message of a conversation checked before anything is sent: its text, the
/// title of a group (two recipients or more), 1 to 50 recipients.
pub(crate) fn check_start(
    profiles: &[String],
    text: &str,
    title: Option<&str>,
) -> Result<(), Error> {
    check_text("text", text, validate::MESSAGE_TEXT_MAX)?;
    if let Some(title) = title {
        check_text("title", title, validate::CONVERSATION_TITLE_MAX)?;
        if profiles.len() < 2 {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: format!("{} recipient; a group takes 2 or more", profiles.len()),
            });
        }
    }
    if profiles.is_empty() || profiles.len() > validate::MESSAGE_RECIPIENTS_MAX {
        return Err(Error::InvalidInput {
            field: "recipients",
            reason: format!(
                "{} recipients; give 1 to {}",
                profiles.len(),
                validate::MESSAGE_RECIPIENTS_MAX
            ),
        });
    }
    Ok(())
}

/// The profile URNs of the recipients of a first message, as [`profile_urn`] finds them;
/// one given twice, or the logged-in member, is refused.
pub(crate) async fn recipient_urns(
    li: &Linkedin,
    profiles: &[String],
) -> Result<Vec<String>, Error> {
    let mut urns = Vec::new();
    for p in profiles {
        let urn = profile_urn(li, "recipients", p).await?;
        if urns.contains(&urn) {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: format!("{p} is given twice"),
            });
        }
        urns.push(urn);
    }
    if urns.contains(&li.my_profile_urn().await?) {
        return Err(Error::InvalidInput {
            field: "recipients",
            reason: "the logged-in member cannot be a recipient of their own message".to_owned(),
        });
    }
    Ok(urns)
}

/// What `send --dry-run` and `start --dry-run` print: the message that would be sent.
#[derive(Serialize)]
struct DrySend<'a> {
    /// Always true: nothing was sent.
    dry_run: bool,
    /// `send_message` or `start_conversation`.
    action: &'static str,
    /// The conversation it would go to (`send`).
    conversation: Option<String>,
    /// The last message of that conversation, for context (`send`).
    last_message: Option<Raw<Message>>,
    /// Who would receive it (`start`).
    recipients: Vec<Recipient>,
    /// The title of the group it would start (`start --title`).
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// The text.
    text: &'a str,
    /// The files it would carry (`send --attach`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    files: Vec<DryFile>,
}

/// A file a dry run would upload and send.
#[derive(Serialize)]
struct DryFile {
    name: String,
    media_type: &'static str,
    bytes: usize,
}

impl DryFile {
    fn of(file: &NewAttachment) -> Self {
        Self {
            name: file.name().to_owned(),
            media_type: file.media_type(),
            bytes: file.len(),
        }
    }
}

/// A recipient of a first message, looked up.
#[derive(Serialize)]
struct Recipient {
    profile_urn: String,
    public_id: Option<String>,
    name: String,
    headline: Option<String>,
}

/// `send --dry-run`: the conversation is read (which refuses a malformed one and finds an
/// unknown one, as the send would), nothing is sent.
async fn dry_send(
    li: &Linkedin,
    conversation: &str,
    text: &str,
    files: &[NewAttachment],
    out: Out,
) -> Result<(), Failure> {
    use futures::TryStreamExt;
    let last = li
        .conversation_messages(conversation)
        .limit(1)
        .try_next()
        .await?;
    let urn = last
        .as_ref()
        .and_then(|m| m.conversation_urn.clone())
        .unwrap_or_else(|| conversation.to_owned());
    let plan = DrySend {
        dry_run: true,
        action: "send_message",
        conversation: Some(urn),
        last_message: last,
        recipients: Vec::new(),
        title: None,
        text,
        files: files.iter().map(DryFile::of).collect(),
    };
    out.one(&plan, |p| {
        let mut s = format!("Would send in {conversation}:\n{}", indent(p.text));
        for f in &p.files {
            s.push_str(&format!(
                "\n    with the file {} ({}, {} bytes)",
                one_line(&f.name, 80),
                f.media_type,
                f.bytes
            ));
        }
        if let Some(m) = &p.last_message {
            s.push_str(&format!(
                "\n{}",
                out.dim(&format!(
                    "(after: {} {}: {})",
                    date_time(m.delivered_at),
                    sender_name(m),
                    one_line(&m.text, 80)
                ))
            ));
        }
        s.push_str(&format!("\n{}", out.dim("Dry run: nothing was sent.")));
        s
    })
}

/// `start --dry-run`: each recipient is looked up (an unknown one is not found, as the send
/// would find), nothing is sent.
async fn dry_start(
    li: &Linkedin,
    urns: &[String],
    title: Option<&str>,
    text: &str,
    out: Out,
) -> Result<(), Failure> {
    let mut recipients = Vec::new();
    for urn in urns {
        let profile = li.profile(urn).await?;
        recipients.push(Recipient {
            profile_urn: urn.clone(),
            public_id: profile.public_identifier.clone(),
            name: format!("{} {}", profile.first_name, profile.last_name),
            headline: profile.headline.clone(),
        });
    }
    let plan = DrySend {
        dry_run: true,
        action: if title.is_some() {
            "start_group_conversation"
        } else {
            "start_conversation"
        },
        conversation: None,
        last_message: None,
        recipients,
        title,
        text,
        files: Vec::new(),
    };
    out.one(&plan, |p| {
        let to: Vec<String> = p
            .recipients
            .iter()
            .map(|r| match &r.public_id {
                Some(id) => format!("{} ({id})", r.name),
                None => r.name.clone(),
            })
            .collect();
        let group = p
            .title
            .map(|t| format!(" in a new group \"{t}\""))
            .unwrap_or_default();
        format!(
            "Would send to {}{group}:\n{}\n{}",
            to.join(", "),
            indent(p.text),
            out.dim("Dry run: nothing was sent.")
        )
    })
}

/// A conversation as a line for people: who, unread count, when, thread id; then its last
/// message.
fn conversation_text(out: &Out, c: &Conversation) -> String {
    let names = match &c.title {
        Some(title) if c.group_chat && !title.is_empty() => title.clone(),
        _ => c
            .participants
            .iter()
            .map(|p| {
                format!("{} {}", p.first_name, p.last_name)
                    .trim()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    let unread = if c.unread_count > 0 {
        format!(" ({} unread)", c.unread_count)
    } else {
        String::new()
    };
    let mut s = format!(
        "{}{unread}  {}  {}",
        out.bold(&names),
        out.dim(&date_time(c.last_activity_at)),
        out.dim(&c.thread_id)
    );
    if let Some(m) = &c.last_message {
        s.push_str(&format!(
            "\n    {}: {}",
            sender_name(m),
            one_line(&m.text, 100)
        ));
    }
    s
}

/// A message as a line for people: when, who, the text.
fn message_text(out: &Out, m: &Message) -> String {
    let mut s = format!(
        "{}  {}: {}",
        out.dim(&date_time(m.delivered_at)),
        out.bold(&sender_name(m)),
        m.text.trim_end().replace('\n', "\n    ")
    );
    for a in &m.attachments {
        let size = a
            .byte_size
            .map_or_else(String::new, |n| format!(", {n} bytes"));
        s.push_str(&format!(
            "\n    [file] {} ({}{size})",
            one_line(&a.name, 80),
            a.media_type.as_deref().unwrap_or("unknown type")
        ));
    }
    s
}

/// What `messages download` prints for each file saved.
#[derive(Serialize)]
struct Saved {
    name: String,
    path: String,
    bytes: usize,
}

/// `messages download`: the files of a message written into `to`, never over a file.
async fn download(
    conn: &Connection,
    out: Out,
    conversation: &str,
    message: Option<&str>,
    to: &std::path::Path,
) -> Result<(), Failure> {
    use futures::TryStreamExt;
    if !to.is_dir() {
        return Err(Failure::usage(format!(
            "--to {}: not a directory",
            to.display()
        )));
    }
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let wanted = |m: &Message| match message {
        Some(id) => m.urn == id || m.id.as_deref() == Some(id),
        None => !m.attachments.is_empty(),
    };
    let found = li
        .conversation_messages(conversation)
        .limit(50)
        .try_filter(|m| std::future::ready(wanted(m)))
        .try_next()
        .await?;
    let Some(found) = found else {
        return match message {
            Some(id) => Err(linkedin_api::Error::NotFound {
                what: format!("message {id} among the conversation's latest 50"),
            }
            .into()),
            None => out.note("no message with files among the conversation's latest 50"),
        };
    };
    if found.attachments.is_empty() {
        out.note("that message has no files")?;
        return Ok(());
    }
    let mut saved = Vec::new();
    for a in &found.attachments {
        let name: String = a
            .name
            .chars()
            .map(|c| {
                if c.is_control() || matches!(c, '/' | '\\') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let name = match name.trim() {
            "" | "." | ".." => "attachment".to_owned(),
            n => n.to_owned(),
        };
        let path = to.join(&name);
        if path.exists() {
            return Err(Failure::usage(format!(
                "{} exists: remove it or save with --to another directory",
                path.display()
            )));
        }
        let bytes = li.download_attachment(a).await?;
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes));
        written.map_err(|e| Failure::internal(format!("cannot write {}: {e}", path.display())))?;
        saved.push(Saved {
            name,
            path: path.display().to_string(),
            bytes: bytes.len(),
        });
    }
    out.one(&saved, |all| {
        all.iter()
            .map(|f| format!("Saved {} ({} bytes) to {}.", f.name, f.bytes, f.path))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn sender_name(m: &Message) -> String {
    if m.from_me {
        return "me".to_owned();
    }
    m.sender
        .as_ref()
        .map(|s| {
            format!("{} {}", s.first_name, s.last_name)
                .trim()
                .to_owned()
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "?".to_owned())
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `--limit`: a number of items, 1 or more.
pub(crate) fn limit(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "expected a number of items, 1 or more, not `{text}`"
        )),
    }
}

/// The text of a write: the argument (`-`: standard input) or a file's content (`-`: standard
/// input), trailing line breaks of a file or of standard input left out.
pub(crate) fn text_from(text: Option<String>, file: Option<PathBuf>) -> Result<String, Failure> {
    let read = |what: &str, r: std::io::Result<String>| {
        r.map(|t| t.trim_end_matches(['\n', '\r']).to_owned())
            .map_err(|e| Failure::usage(format!("cannot read the text from {what}: {e}")))
    };
    let stdin = || {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    };
    match (text, file) {
        (Some(t), _) if t == "-" => read("standard input", stdin()),
        (Some(t), _) => Ok(t),
        (None, Some(path)) if path.as_os_str() == "-" => read("standard input", stdin()),
        (None, Some(path)) => read(&path.display().to_string(), std::fs::read_to_string(&path)),
        (None, None) => Err(Failure::usage("give the text, or --text-file")),
    }
}

/// The check the facade makes of a text before sending it (not empty, at most `max`
/// characters), made here before connecting so that a dry run is refused as a send is.
pub(crate) fn check_text(field: &'static str, text: &str, max: usize) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Err(Error::InvalidInput {
            field,
            reason: "must not be empty".to_owned(),
        });
    }
    let n = text.chars().count();
    if n > max {
        return Err(Error::InvalidInput {
            field,
            reason: format!("{n} characters; LinkedIn accepts at most {max}"),
        });
    }
    Ok(())
}

/// The `urn:li:fsd_profile:` URN of a member as a user names them: a profile id (`ACoAA…`), a
/// profile URN, a public id (`billy-g`, resolved with one request), a profile URL
/// (`https://www.linkedin.com/in/billy-g/`) or `me`. A malformed one is
/// [`Error::InvalidInput`] naming `field`, before anything is sent.
pub(crate) async fn profile_urn(
    li: &Linkedin,
    field: &'static str,
    who: &str,
) -> Result<String, Error> {
    let who = who.trim();
    if who == "me" {
        return li.my_profile_urn().await;
    }
    if who.starts_with("urn:") || who.starts_with("ACoAA") {
        return profile_id_urn(field, who);
    }
    let public_id = public_id_of_url(who).unwrap_or(who);
    // One's own public id needs no lookup: the member is known from the login's check.
    if let Ok(me) = li.me().await
        && me.public_id.eq_ignore_ascii_case(public_id)
    {
        return Ok(me.profile_urn());
    }
    li.resolve_public_id(public_id).await.map_err(|e| match e {
        Error::InvalidInput { reason, .. } => Error::InvalidInput { field, reason },
        e => e,
    })
}

/// The public id of a profile URL (`…linkedin.com/in/<id>/…`).
fn public_id_of_url(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once("linkedin.com/in/")?;
    rest.split(['/', '?', '#'])
        .next()
        .filter(|id| !id.is_empty())
}

/// A profile id or a `urn:li:fsd_profile:` / `urn:li:fs_miniProfile:` / `urn:li:fs_profile:`
/// URN as `urn:li:fsd_profile:<id>`, checked as the facade checks it.
fn profile_id_urn(field: &'static str, text: &str) -> Result<String, Error> {
    let id = if text.starts_with("urn:") {
        let bad = |why: String| Error::InvalidInput { field, reason: why };
        let urn =
            restli::Urn::parse(text).map_err(|e| bad(format!("{text:?} is not a URN: {e}")))?;
        if !matches!(
            urn.entity_type(),
            "fsd_profile" | "fs_miniProfile" | "fs_profile"
        ) {
            return Err(bad(format!(
                "{text:?} is a {} URN; expected urn:li:fsd_profile:…",
                urn.entity_type()
            )));
        }
        urn.id().to_owned()
    } else {
        text.to_owned()
    };
    let ok = id.len() >= 10
        && id.starts_with("ACo")
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(format!("urn:li:fsd_profile:{id}"))
    } else {
        Err(Error::InvalidInput {
            field,
            reason: format!("{text:?} is not a profile id (ACoAA…) or urn:li:fsd_profile:… URN"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_as_users_name_them() {
        assert_eq!(
            public_id_of_url("https://www.linkedin.com/in/billy-g/?x=1"),
            Some("billy-g")
        );
        assert_eq!(public_id_of_url("billy-g"), None);
        assert_eq!(
            profile_id_urn("p", "ACoAABx3kQ0").ok().as_deref(),
            Some("urn:li:fsd_profile:ACoAABx3kQ0")
        );
        assert_eq!(
            profile_id_urn("p", "urn:li:fs_miniProfile:ACoAABx3kQ0")
                .ok()
                .as_deref(),
            Some("urn:li:fsd_profile:ACoAABx3kQ0")
        );
        for bad in ["ACoAA b", "urn:li:company:1", "urn:li:fsd_profile:x"] {
            assert!(profile_id_urn("p", bad).is_err(), "{bad}");
        }
        assert!(check_text("t", " \n", 10).is_err());
        assert!(check_text("t", "ok", 2).is_ok());
        assert!(check_text("t", "abc", 2).is_err());
    }
}
