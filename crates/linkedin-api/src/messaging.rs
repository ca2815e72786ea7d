//! Messaging: the logged-in member's conversations and their messages, sending (a reply or a
//! new conversation), and marking conversations read or unread.
//!
//! Everything goes through LinkedIn's current messenger: the messaging GraphQL reads
//! (`messengerConversations`, `messengerMessages`) and the messenger actions
//! (`voyagerMessagingDashMessengerMessages?action=createMessage`, the conversations batch
//! update). The legacy `/messaging/conversations` endpoints the Python client 2.3.1 used are
//! broken for accounts moved to the new messenger (sends answer 500), so no method uses them.
//!
//! The mailbox is always the logged-in member's (`urn:li:fsd_profile:<own id>`): no method asks
//! for it. Conversations may be named by their `urn:li:msg_conversation:(…)` URN, their
//! `urn:li:messagingThread:` URN or their bare thread id (`2-<base64>==`).

use futures::TryStreamExt;
use linkedin_models::messaging as m;
use restli::Urn;
use serde::Serialize;
use serde_json::{Value, json};

use linkedin_models::messaging::ConversationCategory;

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::paginate::{Page, Pages, Position, recognised};
use crate::validate::{self, ConversationId};

/// The most conversations LinkedIn gives per page of the conversation search.
const CONVERSATIONS_PAGE_MAX: u32 = 25;
/// The page size the fork uses by default.
const CONVERSATIONS_PAGE_DEFAULT: u32 = 20;
/// The longest cursor or token accepted back from a resumed position.
const CURSOR_MAX: usize = 1_000;

/// Which conversations [`Linkedin::conversations`] lists: mailbox categories, read or unread,
/// only with 1st-degree connections, matching keywords, and the page size.
///
/// ```
/// use linkedin_api::{ConversationCategory, ConversationFilter};
///
/// // Unread conversations of the whole inbox, 25 per request.
/// let filter = ConversationFilter::inbox()
///     .categories([ConversationCategory::Inbox])
///     .unread()
///     .page_size(25);
/// # let _ = filter;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct ConversationFilter {
    categories: Vec<ConversationCategory>,
    read: Option<bool>,
    first_degree_only: bool,
    keywords: Option<String>,
    page_size: u32,
}

impl Default for ConversationFilter {
    fn default() -> Self {
        Self::inbox()
    }
}

impl ConversationFilter {
    /// The primary inbox (what LinkedIn's messaging page opens on), read and unread, 20 per
    /// request.
    pub fn inbox() -> Self {
        Self {
            categories: vec![ConversationCategory::PrimaryInbox],
            read: None,
            first_degree_only: false,
            keywords: None,
            page_size: CONVERSATIONS_PAGE_DEFAULT,
        }
    }

    /// Conversations in any of these categories (instead of the primary inbox).
    pub fn categories(
        mut self,
        categories: impl IntoIterator<Item = ConversationCategory>,
    ) -> Self {
        self.categories = categories.into_iter().collect();
        self
    }

    /// Only conversations with unread messages.
    pub fn unread(mut self) -> Self {
        self.read = Some(false);
        self
    }

    /// Only conversations without unread messages.
    pub fn read(mut self) -> Self {
        self.read = Some(true);
        self
    }

    /// Only conversations whose participants are all 1st-degree connections.
    pub fn first_degree_only(mut self) -> Self {
        self.first_degree_only = true;
        self
    }

    /// Only conversations whose participants' names or messages contain these words (as the
    /// search box of LinkedIn's messaging page).
    pub fn keywords(mut self, keywords: impl Into<String>) -> Self {
        self.keywords = Some(keywords.into());
        self
    }

    /// Conversations per request, 1 to 25 (LinkedIn refuses more).
    pub fn page_size(mut self, n: u32) -> Self {
        self.page_size = n;
        self
    }

    /// The filter, checked.
    fn check(&self) -> Result<()> {
        let bad = |field, reason: String| Err(Error::InvalidInput { field, reason });
        if self.categories.is_empty() || self.categories.len() > 10 {
            return bad(
                "categories",
                "give 1 to 10 categories, e.g. ConversationCategory::PrimaryInbox".to_owned(),
            );
        }
        for c in &self.categories {
            let name = c.as_str();
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
                return bad(
                    "categories",
                    format!("{name:?} is not a category name (upper-case letters and '_')"),
                );
            }
        }
        if !(1..=CONVERSATIONS_PAGE_MAX).contains(&self.page_size) {
            return bad(
                "page_size",
                format!(
                    "{} conversations per request; LinkedIn gives 1 to {CONVERSATIONS_PAGE_MAX}",
                    self.page_size
                ),
            );
        }
        if let Some(k) = &self.keywords {
            validate::text("keywords", k, validate::KEYWORDS_MAX)?;
        }
        Ok(())
    }
}

/// A conversation of the logged-in member's mailbox.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Conversation {
    /// `urn:li:msg_conversation:(urn:li:fsd_profile:<own id>,<thread id>)`: what the other
    /// messaging methods take.
    pub urn: String,
    /// The thread id, `2-<base64>==` (as in `linkedin.com/messaging/thread/<id>/`).
    pub thread_id: String,
    /// The mailbox categories it is in.
    pub categories: Vec<ConversationCategory>,
    /// Whether the logged-in member has read it.
    pub read: bool,
    /// How many messages the logged-in member has not read.
    pub unread_count: u32,
    /// When it started (ms since the epoch).
    pub created_at: Option<i64>,
    /// When something last happened in it (ms since the epoch).
    pub last_activity_at: Option<i64>,
    /// Whether it has more than one other participant.
    pub group_chat: bool,
    /// The title of a group conversation.
    pub title: Option<String>,
    /// Its page on linkedin.com.
    pub url: Option<String>,
    /// The other participants (the logged-in member left out).
    pub participants: Vec<Participant>,
    /// The last message, when LinkedIn includes it (conversation lists do).
    pub last_message: Option<Message>,
    #[serde(skip)]
    raw: Value,
}

impl Conversation {
    /// The JSON LinkedIn sent for it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A participant of a conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Participant {
    /// The profile id (`ACoAA…`; the Python client's `urn_id`), for a member.
    pub profile_id: Option<String>,
    /// `urn:li:fsd_profile:<profile id>`, for a member.
    pub profile_urn: Option<String>,
    /// First name (empty for a participant that is not a member).
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Headline.
    pub headline: Option<String>,
    /// Profile link.
    pub profile_url: Option<String>,
    /// Network distance from the logged-in member (`DISTANCE_1`, …).
    pub distance: Option<String>,
}

/// A message.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Message {
    /// `urn:li:msg_message:(urn:li:fsd_profile:<own id>,<message id>)`.
    pub urn: String,
    /// The message id, `2-<base64>==`.
    pub id: Option<String>,
    /// The conversation it is in, `urn:li:msg_conversation:(…)`.
    pub conversation_urn: Option<String>,
    /// The text.
    pub text: String,
    /// The subject (InMail).
    pub subject: Option<String>,
    /// Who sent it.
    pub sender: Option<Participant>,
    /// Whether the logged-in member sent it.
    pub from_me: bool,
    /// When it was delivered (ms since the epoch).
    pub delivered_at: Option<i64>,
    #[serde(skip)]
    raw: Value,
}

impl Message {
    /// The JSON LinkedIn sent for it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

impl Linkedin {
    /// The logged-in member's conversations, most recently active first, page by page.
    ///
    /// Python: `get_conversations`, `get_conversations_v2`, `get_conversations_v3`
    ///
    /// The filter picks categories (the primary inbox by default), read or unread, 1st-degree
    /// connections only and keywords. Each conversation carries its last message and its
    /// unread count.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use linkedin_api::ConversationFilter;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let mut unread = linkedin.conversations(ConversationFilter::inbox().unread()).limit(50);
    /// while let Some(c) = unread.try_next().await? {
    ///     let last = c.last_message.as_ref().map_or("", |m| m.text.as_str());
    ///     println!("{} unread in {}: {last}", c.unread_count, c.thread_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a bad filter (before anything is sent),
    /// [`Error::SchemaMoved`] when a page has conversations none of which can be read, and
    /// transport errors.
    pub fn conversations(&self, filter: ConversationFilter) -> Pages<Conversation> {
        if let Err(e) = filter.check() {
            return refused(self, e);
        }
        self.paginate(Position::Cursor(None), move |li, at| {
            let filter = filter.clone();
            async move { conversations_page(&li, &filter, at).await }
        })
    }

    /// The 1:1 conversation with a member, if there is one.
    ///
    /// Python: `get_conversation_details`
    ///
    /// `profile` is the member's profile id (`ACoAA…`) or `urn:li:fsd_profile:` URN. The
    /// mailbox (inbox, archive and spam) is walked newest first until the conversation is
    /// found, so this costs one request per 25 conversations before it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad profile id (nothing sent), and as
    /// [`conversations`](Self::conversations).
    pub async fn conversation_with(&self, profile: &str) -> Result<Option<Conversation>> {
        let id = validate::profile_id("profile", profile)?;
        let filter = ConversationFilter::inbox()
            .categories([
                ConversationCategory::Inbox,
                ConversationCategory::Archive,
                ConversationCategory::Spam,
            ])
            .page_size(CONVERSATIONS_PAGE_MAX);
        let mut all = self.conversations(filter);
        while let Some(c) = all.try_next().await? {
            let only = match c.participants.as_slice() {
                [p] => p.profile_id.as_deref() == Some(id.as_str()),
                _ => false,
            };
            if only && !c.group_chat {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }

    /// The messages of a conversation, newest first, page by page back in time.
    ///
    /// Python: `get_conversation`, `get_thread_v2`
    ///
    /// The latest page comes first, then pages anchored at the delivery time of the oldest
    /// message seen, until LinkedIn says the first message was reached.
    ///
    /// `conversation` is a [`Conversation::urn`], a `urn:li:messagingThread:` URN or a thread
    /// id (`2-<base64>==`).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin, urn: &str) -> linkedin_api::Result<()> {
    /// let last_100: Vec<_> = linkedin.conversation_messages(urn).limit(100).try_collect().await?;
    /// for m in last_100.iter().rev() {
    ///     println!("{}: {}", m.sender.as_ref().map_or("?", |s| s.first_name.as_str()), m.text);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::InvalidInput`] for a malformed conversation or one of another
    /// mailbox (nothing sent), [`Error::NotFound`] for an unknown one, [`Error::SchemaMoved`]
    /// when a page has messages none of which can be read, and transport errors.
    pub fn conversation_messages(&self, conversation: &str) -> Pages<Message> {
        let id = match validate::conversation("conversation", conversation) {
            Ok(id) => id,
            Err(e) => return refused(self, e),
        };
        self.paginate(Position::Anchor(None), move |li, at| {
            let id = id.clone();
            async move { messages_page(&li, &id, at).await }
        })
    }

    /// Sends a message in a conversation and gives it as LinkedIn stored it.
    ///
    /// Python: `send_message` (with `conversation_urn_id`), `send_message_v2`
    ///
    /// The text must not be empty and has at most [`validate::MESSAGE_TEXT_MAX`] characters.
    /// The request carries the client-generated values the web app sends: `originToken`, a
    /// fresh UUID v4 (LinkedIn echoes it on the stored message), and `trackingId`, 16 random
    /// bytes as characters; `dedupeByClientGeneratedToken` is `false`, as in the browser.
    /// A send is never retried, so a message is never sent twice: after
    /// [`linkedin_transport::Error::Interrupted`], look at the conversation before sending
    /// again.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin, urn: &str) -> linkedin_api::Result<()> {
    /// let sent = linkedin.send_message(urn, "Thanks, talk on Thursday!").await?;
    /// println!("sent at {:?}", sent.delivered_at);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an empty or too long text or a bad conversation (nothing
    /// sent), [`Error::NotFound`] for an unknown conversation, and transport errors.
    pub async fn send_message(&self, conversation: &str, text: &str) -> Result<Message> {
        let text = validate::text("text", text, validate::MESSAGE_TEXT_MAX)?;
        let id = validate::conversation("conversation", conversation)?;
        let urn = conversation_urn(self, &id).await?;
        create_message(self, text, Target::Conversation(urn))
            .await
            .map_err(|e| not_found(e, || format!("conversation {}", id.thread)))
    }

    /// Starts a conversation with one or more members by sending its first message.
    ///
    /// Python: `send_message` (with `recipients`)
    ///
    /// As LinkedIn's "New message" window does. Gives the message, whose
    /// [`conversation_urn`](Message::conversation_urn) names the conversation.
    ///
    /// `recipients` are profile ids (`ACoAA…`) or `urn:li:fsd_profile:` URNs, 1 to
    /// [`validate::MESSAGE_RECIPIENTS_MAX`], without the logged-in member. The message goes
    /// through the same `createMessage` action as [`send_message`](Self::send_message), with
    /// `hostRecipientUrns` instead of a conversation (the way the web app and other clients
    /// start conversations; the reference records the field but not whether the browser then
    /// leaves `conversationUrn` out, which this does). LinkedIn keeps one conversation per
    /// pair of members, so a single recipient already talked to gets the message in the
    /// existing conversation. Never retried (see [`send_message`](Self::send_message)).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad text or recipient list (nothing sent),
    /// [`Error::NotFound`] when a recipient does not exist, and transport errors.
    pub async fn start_conversation<I>(&self, recipients: I, text: &str) -> Result<Message>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let text = validate::text("text", text, validate::MESSAGE_TEXT_MAX)?;
        let mut urns: Vec<String> = Vec::new();
        for r in recipients {
            let id = validate::profile_id("recipients", r.as_ref())?;
            let urn = profile_urn("recipients", &id)?;
            if urns.contains(&urn) {
                return Err(Error::InvalidInput {
                    field: "recipients",
                    reason: format!("{id} is given twice"),
                });
            }
            urns.push(urn);
        }
        if urns.is_empty() || urns.len() > validate::MESSAGE_RECIPIENTS_MAX {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: format!(
                    "{} recipients; give 1 to {}",
                    urns.len(),
                    validate::MESSAGE_RECIPIENTS_MAX
                ),
            });
        }
        let me = self.my_profile_urn().await?;
        if urns.contains(&me) {
            return Err(Error::InvalidInput {
                field: "recipients",
                reason: "the logged-in member cannot be a recipient of their own message"
                    .to_owned(),
            });
        }
        create_message(self, text, Target::Recipients(urns))
            .await
            .map_err(|e| not_found(e, || "a recipient".to_owned()))
    }

    /// Marks a conversation read.
    ///
    /// Python: `mark_conversation_as_seen`, `mark_conversation_as_read_v2`
    ///
    /// Sent as the web app does: a Rest.li batch partial update of the conversation
    /// (`{"patch": {"$set": {"read": true}}}`). Not retried.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a bad conversation (nothing sent), [`Error::NotFound`] for
    /// an unknown one, and transport errors.
    pub async fn mark_conversation_read(&self, conversation: &str) -> Result<()> {
        set_read(self, conversation, true).await
    }

    /// Marks a conversation unread (it then counts as unread in the inbox).
    ///
    /// Python: none
    ///
    /// The same batch partial update as [`mark_conversation_read`](Self::mark_conversation_read)
    /// with `read: false`.
    ///
    /// # Errors
    ///
    /// As [`mark_conversation_read`](Self::mark_conversation_read).
    pub async fn mark_conversation_unread(&self, conversation: &str) -> Result<()> {
        set_read(self, conversation, false).await
    }
}

/// A stream that fails at once with `error` (an [`Error::InvalidInput`] found before
/// anything was sent).
pub(crate) fn refused<T: Send + 'static>(li: &Linkedin, error: Error) -> Pages<T> {
    let (field, reason) = match error {
        Error::InvalidInput { field, reason } => (field, reason),
        other => ("argument", other.to_string()),
    };
    li.paginate(Position::Start(0), move |_, _| {
        let reason = reason.clone();
        async move { Err(Error::InvalidInput { field, reason }) }
    })
}

/// `urn:li:msg_conversation:(<own mailbox>,<thread>)`; a conversation of another mailbox is
/// refused.
async fn conversation_urn(li: &Linkedin, id: &ConversationId) -> Result<String> {
    let me = li.my_profile_urn().await?;
    if let Some(mailbox) = id.mailbox.as_deref().filter(|m| *m != me) {
        return Err(Error::InvalidInput {
            field: "conversation",
            reason: format!(
                "the conversation belongs to the mailbox {mailbox}, not the logged-in member's ({me})"
            ),
        });
    }
    Urn::from_parts("msg_conversation", &[&me, &id.thread])
        .map(String::from)
        .map_err(|e| Error::InvalidInput {
            field: "conversation",
            reason: format!("{:?} cannot be a thread id: {e}", id.thread),
        })
}

async fn conversations_page(
    li: &Linkedin,
    filter: &ConversationFilter,
    at: Position,
) -> Result<Page<Conversation>> {
    const ENDPOINT: &str = "messenger_conversations_search";
    let Position::Cursor(cursor) = at else {
        return Err(wrong_position(ENDPOINT, &at));
    };
    let me = li.my_profile_urn().await?;
    let categories = restli::Value::list(filter.categories.iter().map(|c| c.as_str()));
    let mut call = li
        .call(ENDPOINT)
        .var("categories", categories)
        .var("count", filter.page_size)
        .var("firstDegreeConnections", filter.first_degree_only)
        .var("mailboxUrn", me.as_str());
    if let Some(read) = filter.read {
        call = call.var("read", read);
    }
    if let Some(cursor) = &cursor {
        call = call.var("nextCursor", validate::token("cursor", cursor, CURSOR_MAX)?);
    }
    if let Some(keywords) = &filter.keywords {
        call = call.var("keywords", keywords.as_str());
    }
    let page: m::MessengerPage = li
        .fetch(call, "/data/messengerConversationsBySearchCriteria")
        .await?;
    let raw_count = page.elements.len();
    let items = page
        .elements
        .into_iter()
        .filter_map(|json| conversation_from(json, &me))
        .collect();
    let items = recognised(ENDPOINT, None, raw_count, items)?;
    let next = page
        .metadata
        .and_then(|m| m.next_cursor)
        .filter(|c| !c.is_empty() && cursor.as_deref() != Some(c.as_str()))
        .map(|c| Position::Cursor(Some(c)));
    Ok(Page { items, next })
}

async fn messages_page(li: &Linkedin, id: &ConversationId, at: Position) -> Result<Page<Message>> {
    let urn = conversation_urn(li, id).await?;
    let me = li.my_profile_urn().await?;
    let Position::Anchor(anchor) = at else {
        return Err(wrong_position("messenger_messages", &at));
    };
    let (endpoint, call, pointer) = match anchor {
        None => (
            "messenger_messages",
            li.call("messenger_messages")
                .var("conversationUrn", urn.as_str()),
            "/data/messengerMessagesBySyncToken",
        ),
        Some(before) => (
            "messenger_messages_before",
            li.call("messenger_messages_before")
                .var("deliveredAt", before)
                .var("conversationUrn", urn.as_str()),
            "/data/messengerMessagesByAnchorTimestamp",
        ),
    };
    let page: m::MessengerPage = li
        .fetch(call, pointer)
        .await
        .map_err(|e| not_found(e, || format!("conversation {}", id.thread)))?;
    let raw_count = page.elements.len();
    let items: Vec<Message> = page
        .elements
        .into_iter()
        .filter_map(|json| message_from(json, &me))
        .collect();
    let items = recognised(endpoint, None, raw_count, items)?;
    // An anchored page says when it was the last (`nextCursor: null`); the latest page
    // does not, so an anchored request follows it while it had messages.
    let last = anchor.is_some() && page.metadata.is_some_and(|m| m.next_cursor.is_none());
    let oldest = items.iter().filter_map(|m| m.delivered_at).min();
    let next = match oldest {
        Some(oldest) if !last && anchor.is_none_or(|a| oldest < a) => {
            Some(Position::Anchor(Some(oldest)))
        }
        _ => None,
    };
    Ok(Page { items, next })
}

/// `createMessage` with a conversation or recipients.
async fn create_message(li: &Linkedin, text: &str, target: Target) -> Result<Message> {
    const ENDPOINT: &str = "message_create";
    let me = li.my_profile_urn().await?;
    let mut message = json!({
        "body": {"attributes": [], "text": text},
        "renderContentUnions": [],
        "originToken": origin_token(),
    });
    let mut body = json!({
        "mailboxUrn": me,
        "trackingId": tracking_id(),
        "dedupeByClientGeneratedToken": false,
    });
    match target {
        Target::Conversation(urn) => message["conversationUrn"] = Value::String(urn),
        Target::Recipients(urns) => body["hostRecipientUrns"] = json!(urns),
    }
    body["message"] = message;
    let value: Value = li.fetch(li.call(ENDPOINT).body(body), "/value").await?;
    message_from(value.clone(), &me).ok_or_else(|| Error::Decode {
        endpoint: ENDPOINT,
        source: linkedin_models::DecodeError {
            path: "/value".to_owned(),
            reason: "not a message (no entityUrn)".to_owned(),
            excerpt: value.to_string().chars().take(160).collect(),
        },
    })
}

async fn set_read(li: &Linkedin, conversation: &str, read: bool) -> Result<()> {
    let id = validate::conversation("conversation", conversation)?;
    let urn = conversation_urn(li, &id).await?;
    let mut entities = serde_json::Map::new();
    entities.insert(urn.clone(), json!({"patch": {"$set": {"read": read}}}));
    let call = li
        .call("conversations_mark_read")
        .query("ids", restli::Value::list([urn.as_str()]))
        .body(json!({ "entities": entities }));
    let what = || format!("conversation {}", id.thread);
    let body = li.send(call).await.map_err(|e| not_found(e, what))?;
    // A 200 is a success; a body, when there is one, may still list this URN as failed.
    let answer: m::BatchUpdate = serde_json::from_slice(&body).unwrap_or_default();
    match answer.errors.get(&urn).map(|e| e.status.unwrap_or(0)) {
        None => Ok(()),
        Some(404) => Err(Error::NotFound { what: what() }),
        Some(code) => Err(Error::Transport(linkedin_transport::Error::Status {
            code,
            body_excerpt: String::from_utf8_lossy(&body).chars().take(160).collect(),
        })),
    }
}

/// Where a new message goes.
enum Target {
    /// An existing conversation, by URN.
    Conversation(String),
    /// A new conversation (or the existing 1:1 one) with these `urn:li:fsd_profile:` URNs.
    Recipients(Vec<String>),
}

/// `urn:li:fsd_profile:<id>` of a checked profile id.
pub(crate) fn profile_urn(field: &'static str, id: &str) -> Result<String> {
    Urn::new("fsd_profile", id)
        .map(String::from)
        .map_err(|e| Error::InvalidInput {
            field,
            reason: format!("{id:?} cannot be a profile id: {e}"),
        })
}

/// A fresh UUID v4, the `originToken` of a send.
fn origin_token() -> String {
    let mut b = [0u8; 16];
    for byte in &mut b {
        *byte = fastrand::u8(..);
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// 16 random bytes as characters (U+0000 to U+00FF), the `trackingId` the web app sends.
fn tracking_id() -> String {
    (0..16).map(|_| char::from(fastrand::u8(..))).collect()
}

/// A 404 as [`Error::NotFound`] naming `what`; other errors unchanged.
pub(crate) fn not_found(error: Error, what: impl FnOnce() -> String) -> Error {
    match error {
        Error::Transport(linkedin_transport::Error::Status { code: 404, .. }) => {
            Error::NotFound { what: what() }
        }
        e => e,
    }
}

/// The error of a page fetcher given a position of another style (a bug, or a resumed
/// position from another stream).
pub(crate) fn wrong_position(endpoint: &str, at: &Position) -> Error {
    Error::InvalidInput {
        field: "position",
        reason: format!("{endpoint} does not page by {at:?}"),
    }
}

fn text_of(t: Option<&linkedin_models::Text>) -> Option<String> {
    t.map(|t| t.text.clone())
}

fn participant_from(p: &m::Participant) -> Participant {
    let member = p.participant_type.member.as_ref();
    let profile_id = p
        .host_identity_urn
        .as_deref()
        .and_then(|u| Urn::parse(u).ok())
        .filter(|u| u.entity_type() == "fsd_profile")
        .map(|u| u.id().to_owned());
    Participant {
        profile_id,
        profile_urn: p.host_identity_urn.clone(),
        first_name: text_of(member.and_then(|m| m.first_name.as_ref())).unwrap_or_default(),
        last_name: text_of(member.and_then(|m| m.last_name.as_ref())).unwrap_or_default(),
        headline: text_of(member.and_then(|m| m.headline.as_ref())),
        profile_url: member.and_then(|m| m.profile_url.clone()),
        distance: member.and_then(|m| m.distance.clone()),
    }
}

/// The `part` of a tuple URN (`urn:li:msg_message:(<mailbox>,<id>)` → `<id>` for 1).
fn urn_part(urn: &str, part: usize) -> Option<String> {
    Urn::parse(urn).ok()?.part(part).map(str::to_owned)
}

/// A message from its JSON, when it is one (it has an `entityUrn`).
fn message_from(json: Value, me: &str) -> Option<Message> {
    let model: m::Message = serde_json::from_value(json.clone()).ok()?;
    if model.entity_urn.is_empty() {
        return None;
    }
    let id = model
        .backend_urn
        .as_deref()
        .and_then(|u| u.strip_prefix("urn:li:messagingMessage:"))
        .map(str::to_owned)
        .or_else(|| urn_part(&model.entity_urn, 1));
    let sender = model.sender.as_ref().map(participant_from);
    let from_me = model
        .sender
        .as_ref()
        .and_then(|s| s.host_identity_urn.as_deref())
        == Some(me);
    Some(Message {
        id,
        conversation_urn: model.conversation.and_then(|c| c.entity_urn),
        text: model.body.map(|b| b.text).unwrap_or_default(),
        subject: model.subject,
        sender,
        from_me,
        delivered_at: model.delivered_at,
        urn: model.entity_urn,
        raw: json,
    })
}

/// A conversation from its JSON, when it is one (it has an `entityUrn`).
fn conversation_from(json: Value, me: &str) -> Option<Conversation> {
    let model: m::Conversation = serde_json::from_value(json.clone()).ok()?;
    if model.entity_urn.is_empty() {
        return None;
    }
    let thread_id = model
        .backend_urn
        .as_deref()
        .and_then(|u| u.strip_prefix("urn:li:messagingThread:"))
        .map(str::to_owned)
        .or_else(|| urn_part(&model.entity_urn, 1))
        .unwrap_or_default();
    let participants: Vec<Participant> = model
        .conversation_participants
        .iter()
        .filter(|p| p.host_identity_urn.as_deref() != Some(me))
        .map(participant_from)
        .collect();
    let last_message = json
        .pointer("/messages/elements/0")
        .cloned()
        .and_then(|m| message_from(m, me));
    Some(Conversation {
        thread_id,
        categories: model.categories,
        read: model.read.unwrap_or(false),
        unread_count: model.unread_count.unwrap_or(0),
        created_at: model.created_at,
        last_activity_at: model.last_activity_at,
        group_chat: model.group_chat.unwrap_or(participants.len() > 1),
        title: model.title,
        url: model.conversation_url,
        participants,
        last_message,
        urn: model.entity_urn,
        raw: json,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_tokens_are_uuid_v4_and_tracking_ids_16_chars() {
        let t = origin_token();
        assert_eq!(t.len(), 36);
        assert_eq!(&t[14..15], "4");
        assert!(matches!(&t[19..20], "8" | "9" | "a" | "b"), "{t}");
        assert_ne!(origin_token(), t);
        assert_eq!(tracking_id().chars().count(), 16);
        assert!(tracking_id().chars().all(|c| (c as u32) < 256));
    }

    #[test]
    fn filters_are_checked() {
        assert!(ConversationFilter::inbox().check().is_ok());
        assert!(ConversationFilter::inbox().page_size(26).check().is_err());
        assert!(ConversationFilter::inbox().page_size(0).check().is_err());
        assert!(ConversationFilter::inbox().categories([]).check().is_err());
        assert!(
            ConversationFilter::inbox()
                .categories([ConversationCategory::Other("x,y".into())])
                .check()
                .is_err()
        );
        assert!(ConversationFilter::inbox().keywords(" ").check().is_err());
    }
}
