//! Changing a message after it was sent (peers.md §b.MX "edit / recall", "react"): editing
//! its text (`POST /voyagerMessagingDashMessengerMessages/<message urn>` with `{"patch":
//! {"$set": {"body": {text, attributes}}}}`), recalling it (`?action=recall`,
//! `{"messageUrn"}`), and reacting to it or taking the reaction back
//! (`?action=reactWithEmoji|unreactWithEmoji`, `{"messageUrn", "emoji"}`).
//!
//! None of these is recorded: the answers are inferred, 204 and no body, as LM records for the
//! legacy recall and reactions and as a Rest.li partial update or action without a value
//! answers. Only the sender may edit or recall a message (403 otherwise); anyone of the
//! mailbox may react. The messenger reads show the change (`messageBodyRenderFormat`
//! `EDITED` or `RECALLED`, the `reactionSummaries`), and realtime streams get it
//! ([`super::realtime`]); each change, a reaction too, changes the conversation for the
//! inbox's sync (inferred). 400 for a malformed body or URN, 403 for another mailbox's message,
//! 404 for an unknown one.

use http::StatusCode;
use serde_json::Value;

use super::messaging::changed;
use super::messenger::find_message;
use super::{Answer, Call};

/// The `messageUrn` of the body.
fn message_urn(body: Option<&Value>) -> Option<String> {
    body?.get("messageUrn")?.as_str().map(str::to_owned)
}

/// Edit: the path's message gets the body's text.
pub(super) fn edit(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("messageUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let body = call.json_body();
    let text = body
        .as_ref()
        .and_then(|b| b.pointer("/patch/$set/body/text"))
        .and_then(Value::as_str);
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let (c, m) = match own_message(call, &urn) {
        Ok(found) => found,
        Err(status) => return Answer::error(status),
    };
    let message = &mut call.world.conversations[c].messages[m];
    message.text = text.to_owned();
    message.edited = true;
    changed(call.world, c);
    Answer::no_body(StatusCode::NO_CONTENT)
}

/// Recall: the body's message is gone for everyone.
pub(super) fn recall(call: &mut Call<'_>) -> Answer {
    let Some(urn) = message_urn(call.json_body().as_ref()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let (c, m) = match own_message(call, &urn) {
        Ok(found) => found,
        Err(status) => return Answer::error(status),
    };
    call.world.conversations[c].messages[m].recalled = true;
    changed(call.world, c);
    Answer::no_body(StatusCode::NO_CONTENT)
}

/// React (`add`) or take the reaction back: the caller's reaction with the body's emoji.
/// Reacting twice with one emoji, or taking back a reaction never made, changes nothing.
pub(super) fn react(call: &mut Call<'_>, add: bool) -> Answer {
    let body = call.json_body();
    let emoji = body
        .as_ref()
        .and_then(|b| b.get("emoji")?.as_str())
        .filter(|e| !e.is_empty() && e.chars().count() <= 16);
    let (Some(urn), Some(emoji)) = (message_urn(body.as_ref()), emoji) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let (c, m) = match find_message(call.world, call.me, &urn) {
        Ok(found) => found,
        Err(status) => return Answer::error(status),
    };
    let at = super::world_clock(call.world);
    let me = call.me;
    let reactions = &mut call.world.conversations[c].messages[m].reactions;
    let mine = reactions
        .iter()
        .position(|(e, who, _)| e == emoji && *who == me);
    let moved = match (add, mine) {
        (true, None) => {
            reactions.push((emoji.to_owned(), me, at));
            true
        }
        (false, Some(i)) => {
            reactions.remove(i);
            true
        }
        _ => false,
    };
    // A reaction changes its conversation for the inbox's sync, as an edit does (inferred:
    // a client that resyncs must see it).
    if moved {
        changed(call.world, c);
    }
    Answer::no_body(StatusCode::NO_CONTENT)
}

/// The caller's own message `urn` names: 403 for someone else's.
fn own_message(call: &Call<'_>, urn: &str) -> Result<(usize, usize), StatusCode> {
    let (c, m) = find_message(call.world, call.me, urn)?;
    if call.world.conversations[c].messages[m].sender != call.me {
        return Err(StatusCode::FORBIDDEN);
    }
    Ok((c, m))
}
