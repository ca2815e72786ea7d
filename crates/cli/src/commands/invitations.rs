//! `linkedin invitations ...`: received and sent invitations, accepting and rejecting one,
//! sending a connection request, withdrawing one sent, and removing a connection (the writes
//! with `--dry-run` to see them first).

use clap::{Args, Subcommand};
use futures::TryStreamExt;
use linkedin_api::models::Raw;
use linkedin_api::{Error, Invitation, InvitationReply, MemberSummary, Pages, validate};
use serde::Serialize;

use super::messages::{check_text, limit, profile_urn};
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Out, date_time, one_line};

/// The `invitations` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// List the invitations you received and have not answered, newest first (or, with
    /// --sent, those you sent that are pending).
    #[command(after_help = "Example: linkedin invitations list --limit 10")]
    List {
        /// The invitations you sent instead.
        #[arg(long)]
        sent: bool,
        /// At most this many invitations.
        #[arg(long, default_value_t = 50, value_parser = limit)]
        limit: usize,
    },
    /// Accept a received invitation: the sender becomes a connection.
    #[command(after_help = "Example: linkedin invitations accept 7530311795639937351")]
    Accept(Reply),
    /// Reject ("ignore") a received invitation; the sender is not told.
    #[command(after_help = "Example: linkedin invitations reject 7530311795639937351")]
    Reject(Reply),
    /// Send a connection request to a member, with an optional note.
    ///
    /// PROFILE is a public id (billy-g), a profile id (ACoAA…), a urn:li:fsd_profile: URN or a
    /// profile URL. A note longer than 300 characters is refused before anything is sent.
    #[command(
        after_help = "Example: linkedin invitations send liv-marchetti --message \"We met at RustConf; let's stay in touch.\" --dry-run"
    )]
    Send {
        /// The member to invite.
        profile: String,
        /// A note to send with it (at most 300 characters).
        #[arg(long)]
        message: Option<String>,
        /// Check everything (the member exists) and print what would be sent, without
        /// sending it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Withdraw a connection invitation you sent that is still pending.
    ///
    /// INVITATION is its id, as `invitations list --sent` shows it, or its URN. It is looked
    /// up among your pending sent invitations first. LinkedIn takes no new invitation to the
    /// same member for some weeks after.
    #[command(after_help = "Example: linkedin invitations withdraw 7524011076022204665 --dry-run")]
    Withdraw {
        /// The sent invitation.
        invitation: String,
        /// Look the invitation up and print what would be withdrawn, without withdrawing it.
        #[arg(long)]
        dry_run: bool,
    },
    /// Remove a connection: you are no longer connected (they are not told).
    ///
    /// PROFILE is a public id (billy-g), a profile id (ACoAA…), a urn:li:fsd_profile: URN or a
    /// profile URL.
    #[command(after_help = "Example: linkedin invitations remove liv-marchetti --dry-run")]
    Remove {
        /// The connection to remove.
        profile: String,
        /// Look the member up and print what would be done, without doing it.
        #[arg(long)]
        dry_run: bool,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: the lists yes; answering and sending print
    /// what was done.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::List { .. } => true,
            Self::Accept(_)
            | Self::Reject(_)
            | Self::Send { .. }
            | Self::Withdraw { .. }
            | Self::Remove { .. } => false,
        }
    }
}

/// The invitation to answer.
#[derive(Args, Debug)]
pub(crate) struct Reply {
    /// The received invitation: its id (as `invitations list` shows it) or its URN
    /// (urn:li:fs_relInvitation:<id>). It is looked up among the received invitations for its
    /// shared secret, unless --secret gives it.
    invitation: String,
    /// The invitation's shared secret (`invitations list --json` shows it as shared_secret):
    /// answer at once, without looking the invitation up.
    #[arg(long)]
    secret: Option<String>,
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    match cmd {
        Cmd::List { sent, limit } => {
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let pages = if sent {
                li.sent_invitations()
            } else {
                li.invitations()
            };
            let n = out
                .stream_raw(pages.limit(limit), |i| invitation_text(&out, i, sent))
                .await?;
            if n == 0 {
                out.note("no invitations")?;
            }
            Ok(())
        }
        Cmd::Withdraw {
            invitation,
            dry_run,
        } => withdraw(conn, out, &invitation, dry_run).await,
        Cmd::Remove { profile, dry_run } => remove(conn, out, &profile, dry_run).await,
        Cmd::Accept(reply) => answer(conn, out, reply, InvitationReply::Accept).await,
        Cmd::Reject(reply) => answer(conn, out, reply, InvitationReply::Reject).await,
        Cmd::Send {
            profile,
            message,
            dry_run,
        } => {
            if let Some(note) = &message {
                check_text("message", note, validate::INVITATION_MESSAGE_MAX)?;
            }
            let session = conn.connect().await?;
            let li = &session.linkedin;
            let urn = profile_urn(li, "profile", &profile).await?;
            if dry_run {
                // Looked up, so that an unknown member is not found as the request would be.
                let p = li.profile(&urn).await?;
                let plan = DryInvite {
                    dry_run: true,
                    action: "add_connection",
                    profile_urn: urn,
                    public_id: p.public_identifier.clone(),
                    name: format!("{} {}", p.first_name, p.last_name),
                    message: message.as_deref(),
                };
                return out.one(&plan, |p| {
                    let mut s = format!("Would send a connection request to {}", p.name);
                    if let Some(id) = &p.public_id {
                        s.push_str(&format!(" ({id})"));
                    }
                    match p.message {
                        Some(note) => s.push_str(&format!(" with the note:\n    {note}")),
                        None => s.push_str(" without a note."),
                    }
                    format!("{s}\n{}", out.dim("Dry run: nothing was sent."))
                });
            }
            let outcome = li.add_connection(&urn, message.as_deref()).await?;
            let done = Invited {
                outcome,
                profile_urn: urn,
                message: message.as_deref(),
            };
            out.one(&done, |d| match d.outcome {
                linkedin_api::Invited::AlreadyPending => format!(
                    "Nothing sent: your invitation to {profile} is still pending (`linkedin invitations list --sent`)."
                ),
                linkedin_api::Invited::InvitedYou => format!(
                    "Nothing sent: {profile} invited you; accept it (`linkedin invitations list`, then `linkedin invitations accept`)."
                ),
                linkedin_api::Invited::AlreadyInvitedOrConnected => format!(
                    "Nothing sent: LinkedIn takes no invitation to {profile} now (already connected, or invited lately)."
                ),
                _ => format!("Sent a connection request to {profile}."),
            })
        }
    }
}

/// Withdraws a sent invitation, found among the pending sent invitations first (for whom it
/// was to; not there: not found, 6).
async fn withdraw(
    conn: &Connection,
    out: Out,
    invitation: &str,
    dry_run: bool,
) -> Result<(), Failure> {
    let id = invitation_id(invitation)?;
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let found = find(li.sent_invitations(), &id, "sent").await?;
    if !dry_run {
        li.withdraw_invitation(&id).await?;
    }
    let done = Withdrawn {
        dry_run,
        invitation: format!("urn:li:fs_relInvitation:{id}"),
        to: found.into_inner().to,
    };
    out.one(&done, |w| {
        let who =
            w.to.as_ref()
                .map_or_else(|| w.invitation.clone(), member_name);
        if w.dry_run {
            format!(
                "Would withdraw your invitation to {who}.\n{}",
                out.dim("Dry run: nothing was sent.")
            )
        } else {
            format!("Withdrew your invitation to {who}.")
        }
    })
}

/// Removes a connection (or, with `dry_run`, looks the member up and says what it would do).
async fn remove(conn: &Connection, out: Out, profile: &str, dry_run: bool) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let urn = profile_urn(li, "profile", profile).await?;
    let name = if dry_run {
        // Looked up, so that an unknown member is not found as the request would be.
        let p = li.profile(&urn).await?;
        Some(format!("{} {}", p.first_name, p.last_name))
    } else {
        li.remove_connection(urn.as_str()).await?;
        None
    };
    let done = Removed {
        dry_run,
        profile_urn: urn,
        name,
    };
    out.one(&done, |r| {
        if r.dry_run {
            format!(
                "Would remove {} from your connections.\n{}",
                r.name.as_deref().unwrap_or(profile),
                out.dim("Dry run: nothing was sent.")
            )
        } else {
            format!("Removed {profile} from your connections (they are not told).")
        }
    })
}

/// Accepts or rejects a received invitation: with its secret at once, otherwise found among
/// the received invitations first.
async fn answer(
    conn: &Connection,
    out: Out,
    reply: Reply,
    action: InvitationReply,
) -> Result<(), Failure> {
    let id = invitation_id(&reply.invitation)?;
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let from = match &reply.secret {
        Some(secret) => {
            li.reply_invitation(&id, secret, action).await?;
            None
        }
        None => {
            let found = find(li.invitations(), &id, "received").await?;
            match action {
                InvitationReply::Accept => li.accept_invitation(&found).await?,
                _ => li.reject_invitation(&found).await?,
            }
            found.into_inner().from
        }
    };
    let accepted = action == InvitationReply::Accept;
    let done = Answered {
        invitation: format!("urn:li:fs_relInvitation:{id}"),
        action: if accepted { "accept" } else { "reject" },
        from,
    };
    out.one(&done, |a| {
        let who = a
            .from
            .as_ref()
            .map_or_else(|| a.invitation.clone(), member_name);
        if accepted {
            format!("Accepted the invitation of {who}: you are now connected.")
        } else {
            format!("Ignored the invitation of {who} (they are not told).")
        }
    })
}

/// The invitation with this id, walking the list; not found (6) when it is not there.
async fn find(
    mut all: Pages<Raw<Invitation>>,
    id: &str,
    which: &str,
) -> Result<Raw<Invitation>, Failure> {
    while let Some(i) = all.try_next().await? {
        if i.id == id {
            return Ok(i);
        }
    }
    let list = if which == "sent" {
        "linkedin invitations list --sent"
    } else {
        "linkedin invitations list"
    };
    Err(Failure {
        code: 6,
        message: format!(
            "invitation {id} is not among your pending {which} invitations: `{list}` shows them"
        ),
    })
}

/// An invitation id, `urn:li:fs_relInvitation:<id>` or `urn:li:invitation:<id>`, as the
/// facade takes it; gives the id.
fn invitation_id(text: &str) -> Result<String, Error> {
    validate::invitation_id("invitation", text)
}

/// What `accept` and `reject` print.
#[derive(Serialize)]
struct Answered {
    invitation: String,
    action: &'static str,
    /// Who sent it (when it was looked up).
    from: Option<MemberSummary>,
}

/// What `withdraw` prints.
#[derive(Serialize)]
struct Withdrawn {
    /// True when nothing was sent (`--dry-run`).
    dry_run: bool,
    invitation: String,
    /// Whom it was to.
    to: Option<MemberSummary>,
}

/// What `remove` prints.
#[derive(Serialize)]
struct Removed {
    /// True when nothing was sent (`--dry-run`).
    dry_run: bool,
    profile_urn: String,
    /// The member's name (looked up for `--dry-run` only).
    name: Option<String>,
}

/// What `send` prints.
#[derive(Serialize)]
struct Invited<'a> {
    /// What LinkedIn made of it.
    outcome: linkedin_api::Invited,
    profile_urn: String,
    message: Option<&'a str>,
}

/// What `send --dry-run` prints.
#[derive(Serialize)]
struct DryInvite<'a> {
    /// Always true: nothing was sent.
    dry_run: bool,
    action: &'static str,
    profile_urn: String,
    public_id: Option<String>,
    name: String,
    message: Option<&'a str>,
}

fn member_name(m: &MemberSummary) -> String {
    format!("{} {}", m.first_name, m.last_name)
        .trim()
        .to_owned()
}

/// An invitation for people: who (from, or to for a sent one), headline, when, id; then the
/// note.
fn invitation_text(out: &Out, i: &Invitation, sent: bool) -> String {
    let other = if sent { &i.to } else { &i.from };
    let (name, headline) = other.as_ref().map_or_else(
        || ("?".to_owned(), String::new()),
        |m| (member_name(m), m.headline.clone().unwrap_or_default()),
    );
    let name = if sent { format!("to {name}") } else { name };
    let mut s = format!(
        "{}  {}  {}  {}",
        out.bold(&name),
        one_line(&headline, 60),
        out.dim(&date_time(i.sent_at)),
        out.dim(&i.id)
    );
    if let Some(note) = &i.message {
        s.push_str(&format!("\n    \"{}\"", one_line(note, 300)));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitation_ids() {
        for ok in [
            "6719",
            "urn:li:fs_relInvitation:6719",
            "urn:li:invitation:6719",
        ] {
            assert_eq!(invitation_id(ok).ok().as_deref(), Some("6719"), "{ok}");
        }
        for bad in ["", "12a", "urn:li:fsd_profile:1", &"9".repeat(26)] {
            assert!(invitation_id(bad).is_err(), "{bad}");
        }
    }
}
