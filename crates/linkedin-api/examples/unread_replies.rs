//! Read the unread conversations and answer each one, then show that it is answered.
//!
//! ```sh
//! cargo run -p linkedin-api --example unread_replies
//! ```
//!
//! Against a real account this sends real messages: it only does so with `--send`.

mod common;

use futures::TryStreamExt;
use linkedin_api::{ConversationFilter, Linkedin};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (linkedin, sandbox) = common::connect().await?;
    let send = sandbox.is_some() || std::env::args().any(|a| a == "--send");
    for line in run(
        &linkedin,
        "Thanks for your message, I'll get back to you soon.",
        send,
    )
    .await?
    {
        println!("{line}");
    }
    Ok(())
}

/// For each unread conversation: its last message, the reply (sent only when `send`), and the
/// thread's newest message afterwards.
pub(crate) async fn run(
    linkedin: &Linkedin,
    reply: &str,
    send: bool,
) -> linkedin_api::Result<Vec<String>> {
    let unread: Vec<_> = linkedin
        .conversations(ConversationFilter::inbox().unread())
        .limit(50)
        .try_collect()
        .await?;
    let mut lines = vec![format!("{} unread conversations", unread.len())];
    for conversation in unread {
        let from = conversation
            .participants
            .iter()
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .collect::<Vec<_>>()
            .join(", ");
        let last = conversation
            .last_message
            .as_ref()
            .map_or("", |m| m.text.as_str());
        lines.push(format!("{from}: {last}"));
        if !send {
            lines.push(format!("  (would reply: {reply})"));
            continue;
        }
        linkedin.send_message(&conversation.urn, reply).await?;
        linkedin.mark_conversation_read(&conversation.urn).await?;
        let newest = linkedin
            .conversation_messages(&conversation.urn)
            .limit(1)
            .try_next()
            .await?;
        lines.push(format!(
            "  replied; newest now: {}",
            newest.map_or_else(String::new, |m| m.text.clone())
        ));
    }
    Ok(lines)
}
