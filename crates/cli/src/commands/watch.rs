//! `linkedin messages watch`: the logged-in member's realtime events, printed as they arrive
//! (`Linkedin::events`), until Ctrl-C, `--max-events` or `--for-ms`.

use std::time::Duration;

use futures::StreamExt;
use linkedin_api::realtime::Event;
use linkedin_api::{ConversationId, Error};

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Format, Out, date_time, one_line};

/// How long a text line of a message may be.
const TEXT_MAX: usize = 200;

pub(crate) async fn run(
    conn: &Connection,
    out: Out,
    conversation: Option<String>,
    max_events: Option<usize>,
    for_ms: Option<u64>,
) -> Result<(), Failure> {
    // Bad input is refused before anything is sent.
    let only = match conversation.as_deref() {
        Some(c) => Some(
            ConversationId::parse(c)
                .map_err(|e| Error::InvalidInput {
                    field: "conversation",
                    reason: e.to_string(),
                })?
                .thread()
                .to_owned(),
        ),
        None => None,
    };
    if max_events == Some(0) {
        return Ok(());
    }
    let session = conn.connect().await?;
    let mut events = session.linkedin.events();
    let deadline = for_ms.map(|ms| tokio::time::Instant::now() + Duration::from_millis(ms));
    let mut printed = 0usize;
    loop {
        let next = match deadline {
            Some(at) => match tokio::time::timeout_at(at, events.next()).await {
                Ok(next) => next,
                Err(_) => return Ok(()),
            },
            None => events.next().await,
        };
        let event = match next {
            Some(event) => event?,
            None => return Ok(()),
        };
        if let Some(thread) = &only
            && conversation_thread(&event).as_deref() != Some(thread.as_str())
        {
            continue;
        }
        match out.format {
            Format::Text => crate::output::write_line(&event_text(&out, &event))?,
            _ => out.one(&event, |_| String::new())?,
        }
        printed += 1;
        if max_events.is_some_and(|n| printed >= n) {
            return Ok(());
        }
    }
}

/// An event as JSON: the same serialization `--json`/`--ndjson` print above (the event's
/// own), as a value for the MCP resource `linkedin://messages/events` (mcp/events.rs).
pub(crate) fn json_view(event: &Event) -> serde_json::Value {
    // Its fields are strings, numbers and JSON: nothing that fails to serialize.
    serde_json::to_value(event).unwrap_or(serde_json::Value::Null)
}

/// The thread id of the conversation an event is in, when it says.
fn conversation_thread(event: &Event) -> Option<String> {
    let urn = match event {
        Event::Message(m) | Event::MessageEdited(m) => m.conversation_urn.clone(),
        Event::MessageRecalled {
            conversation_urn, ..
        } => conversation_urn.clone(),
        Event::Typing {
            conversation_urn, ..
        }
        | Event::ConversationRead { conversation_urn }
        | Event::ConversationUnread { conversation_urn }
        | Event::ConversationArchived { conversation_urn }
        | Event::ConversationDeleted { conversation_urn } => Some(conversation_urn.clone()),
        _ => None,
    }?;
    ConversationId::parse(&urn)
        .ok()
        .map(|c| c.thread().to_owned())
}

/// One line for a person: what happened, where, control characters taken out (a message's
/// text is anyone's).
fn event_text(out: &Out, event: &Event) -> String {
    let thread = conversation_thread(event).unwrap_or_default();
    match event {
        Event::Message(m) | Event::MessageEdited(m) => {
            let who = if m.from_me {
                "me".to_owned()
            } else {
                m.sender
                    .as_ref()
                    .map(|s| {
                        format!("{} {}", s.first_name, s.last_name)
                            .trim()
                            .to_owned()
                    })
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| "?".to_owned())
            };
            let edited = if matches!(event, Event::MessageEdited(_)) {
                " (edited)"
            } else {
                ""
            };
            format!(
                "{}  {}  {}{edited}: {}",
                out.dim(&date_time(m.delivered_at)),
                out.dim(&thread),
                out.bold(&clean(&who)),
                one_line(&clean(&m.text), TEXT_MAX)
            )
        }
        Event::MessageRecalled { message_urn, .. } => {
            format!("recalled  {}  {}", out.dim(&thread), clean(message_urn))
        }
        Event::Reaction {
            message_urn,
            emoji,
            added,
            profile_urn,
            ..
        } => format!(
            "{} {}  {}  by {}",
            if *added {
                "reaction"
            } else {
                "reaction removed"
            },
            clean(emoji),
            clean(message_urn),
            clean(profile_urn.as_deref().unwrap_or("?"))
        ),
        Event::Typing { profile_urn, .. } => format!(
            "typing  {}  {}",
            out.dim(&thread),
            clean(profile_urn.as_deref().unwrap_or("?"))
        ),
        Event::Seen {
            message_urn,
            profile_urn,
            seen_at,
        } => format!(
            "seen  {}  {}  by {}",
            out.dim(&date_time(*seen_at)),
            clean(message_urn),
            clean(profile_urn.as_deref().unwrap_or("?"))
        ),
        Event::ConversationRead { .. } => format!("read  {}", out.dim(&thread)),
        Event::ConversationUnread { .. } => format!("unread  {}", out.dim(&thread)),
        Event::ConversationArchived { .. } => format!("archived  {}", out.dim(&thread)),
        Event::ConversationDeleted { .. } => format!("deleted  {}", out.dim(&thread)),
        Event::Other { topic, .. } => format!("other  {}", clean(topic)),
        _ => "other".to_owned(),
    }
}

/// `text` without control characters (line breaks become spaces).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_placed_in_their_conversation() {
        let urn = "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-MTIz==)";
        let read = Event::ConversationRead {
            conversation_urn: urn.to_owned(),
        };
        assert_eq!(conversation_thread(&read).as_deref(), Some("2-MTIz=="));
        let seen = Event::Seen {
            message_urn: "urn:li:msg_message:(urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ,2-NDU2==)".to_owned(),
            profile_urn: None,
            seen_at: None,
        };
        // A receipt does not say its conversation: `--conversation` leaves it out.
        assert_eq!(conversation_thread(&seen), None);
    }

    #[test]
    fn control_characters_are_taken_out() {
        assert_eq!(clean("a\u{1b}[31mb\nc\u{7}\u{202e}d"), "a[31mb cd");
    }
}
