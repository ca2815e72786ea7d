//! `linkedin notifications ...` and `linkedin network counts`: the notifications page (every
//! page, newest first), marking one read, and the My Network numbers.

use clap::Subcommand;
use linkedin_api::{NetworkCounts, Notification};
use serde::Serialize;

use super::messages::limit;
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, date_time, one_line};

/// The `notifications` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// List your notifications, newest first: kind, what happened, who, when, read or not.
    #[command(after_help = "Example: linkedin notifications list --limit 20")]
    List {
        /// At most this many notifications.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// Mark one notification read.
    ///
    /// ID is the notification's URN (urn:li:fsd_notificationCard:(...)), as
    /// `notifications list` shows it.
    #[command(
        after_help = "Example: linkedin notifications read 'urn:li:fsd_notificationCard:(COMMENTED_ON_YOUR_POST,urn:li:comment:(activity:7505219460160729668,7508663063632012941))'"
    )]
    Read {
        /// The notification's URN.
        id: String,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: the list yes; marking read prints what was
    /// done.
    pub(crate) fn gives_raw(&self) -> bool {
        matches!(self, Self::List { .. })
    }
}

/// The `network` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum NetworkCmd {
    /// Your network in numbers: pending and unseen invitations, sent ones, connections, My
    /// Network notifications.
    #[command(after_help = "Example: linkedin network counts --json")]
    Counts,
}

impl NetworkCmd {
    /// `--raw` prints LinkedIn's three answers.
    pub(crate) fn gives_raw(&self) -> bool {
        true
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    match cmd {
        Cmd::List { limit } => {
            let session = conn.connect().await?;
            let pages = session.linkedin.notifications().limit(limit);
            let n = out
                .stream_raw(pages, |n| notification_text(&out, n))
                .await?;
            if n == 0 {
                out.note("no notifications")?;
            }
            Ok(())
        }
        Cmd::Read { id } => {
            let session = conn.connect().await?;
            session.linkedin.mark_notification_read(&id).await?;
            let done = MarkedRead {
                notification: id.trim(),
                read: true,
            };
            out.one(&done, |d| format!("Marked {} read.", d.notification))
        }
    }
}

pub(crate) async fn run_network(
    cmd: NetworkCmd,
    conn: &Connection,
    out: Out,
) -> Result<(), Failure> {
    match cmd {
        NetworkCmd::Counts => {
            let session = conn.connect().await?;
            let counts = session.linkedin.network_counts().await?;
            out.one_raw(&counts, counts_text)
        }
    }
}

/// What `notifications read` did.
#[derive(Serialize)]
struct MarkedRead<'a> {
    notification: &'a str,
    read: bool,
}

fn notification_text(out: &Out, n: &Notification) -> String {
    // Unread is marked; a card that does not say is marked "?", not taken for read.
    let mark = match n.read {
        Some(true) => " ",
        Some(false) => "•",
        None => "?",
    };
    let mut s = format!(
        "{mark} {}  {}  {}",
        out.bold(&one_line(&n.headline, 100)),
        out.dim(&n.kind),
        out.dim(&date_time(n.published_at)),
    );
    if let Some(text) = &n.text {
        s.push_str(&format!("\n    \"{}\"", one_line(text, 200)));
    }
    if let Some(url) = &n.target_url {
        s.push_str(&format!("\n    {}", out.dim(url)));
    }
    s.push_str(&format!("\n    {}", out.dim(&n.urn)));
    s
}

fn counts_text(c: &NetworkCounts) -> String {
    let n = |v: Option<u64>| v.map_or_else(|| "?".to_owned(), |v| v.to_string());
    format!(
        "Invitations: {} pending ({} unseen), {} sent and pending\nConnections: {}\nMy Network notifications: {}",
        n(c.pending_invitations),
        n(c.unseen_invitations),
        n(c.sent_invitations),
        n(c.connections),
        c.network_notifications
    )
}
