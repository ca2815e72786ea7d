//! Realtime events: [`Linkedin::events`], one connection to LinkedIn's realtime stream
//! (catalogue `realtime_connect`, `GET /realtime/connect?rc=1`, peers.md §0.3, §b.MX, §c.6)
//! read as a [`Stream`] of typed [`Event`]s.
//!
//! - **One connection**, through the transport like every other request (the account's
//!   governor, the session's cookies and `csrf-token`), with LinkedIn's realtime headers.
//!   Without a GraphQL query map LinkedIn sends the legacy payloads (§c.6, the format with
//!   verbatim captures); both formats are read ([`linkedin_models::realtime`]).
//! - **A heartbeat watchdog**: LinkedIn sends a frame at least every 15 s; no frame for
//!   [`RealtimeOptions::heartbeat_timeout`] and the connection is taken for dead.
//! - **Reconnects** with exponential backoff and jitter, bounded in delay
//!   ([`RealtimeOptions::max_backoff`]) and in consecutive failures
//!   ([`RealtimeOptions::max_failures`], after which the last error ends the stream).
//! - **Nothing missed in silence**: LinkedIn's clients must resync after a reconnect (in
//!   steady state a message's body is only in the push, §c.6). When the stream opens, the
//!   inbox's first sync (`messenger_conversations_sync`) gives a sync token; after every
//!   reconnect the conversations changed since it (`messenger_conversations_delta`) are read,
//!   and their messages not seen yet (`messenger_messages`) are yielded first, oldest first,
//!   then the live events. Messages are told apart by their id, so none comes twice.
//! - **Changes missed too**: the stream remembers the state of the messages it knows (their
//!   text, whether recalled, their reactions' counts: from the first sync, the catch-ups and
//!   the live events). A catch-up reads the latest messages of every changed conversation,
//!   and a message whose state moved meanwhile gives the events that say how
//!   ([`Event::MessageEdited`], [`Event::MessageRecalled`], [`Event::Reaction`] with the count
//!   now), after the missed messages; a live change the state already shows is not given
//!   again. Several edits while disconnected come as one, with the latest text.
//! - **Errors that end it**: a challenge, an expired or wiped session, a tripped breaker or
//!   any other error that will not pass by waiting is the stream's last item (no reconnect
//!   loop); transient errors (connections, timeouts, 5xx) are retried.
//! - **Dropping the stream** closes the connection.

use std::collections::{HashMap, HashSet, VecDeque};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use futures::Stream;
use http::{HeaderName, HeaderValue};
use linkedin_catalogue::endpoints;
use linkedin_models::id::ProfileId;
use linkedin_models::realtime::{Frame, SseLines};
use linkedin_transport::StreamingResponse;

pub use linkedin_models::realtime::Event;

use serde_json::Value;

use crate::client::{Linkedin, answer};
use crate::error::{Error, Result};
use crate::messaging::messenger_read;
use crate::view::{Conversation, Message};

/// How many message ids are remembered to tell a message seen from a new one.
const REMEMBERED: usize = 4096;
/// How many of a changed conversation's latest messages a catch-up reads.
const CATCH_UP_MESSAGES: usize = 20;

/// How [`Linkedin::events_with`] keeps the stream alive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RealtimeOptions {
    /// No frame (event or heartbeat) for this long and the connection is taken for dead and
    /// replaced. Default 45 s: three of LinkedIn's heartbeats.
    pub heartbeat_timeout: Duration,
    /// The first reconnect's delay; each failure in a row doubles it. Default 1 s.
    pub min_backoff: Duration,
    /// The longest delay between reconnects. Default 60 s.
    pub max_backoff: Duration,
    /// Failures in a row (a connection refused, or lost before any frame) after which the
    /// stream ends with the last error. Default 20.
    pub max_failures: u32,
}

impl Default for RealtimeOptions {
    fn default() -> Self {
        Self {
            heartbeat_timeout: Duration::from_secs(45),
            min_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(60),
            max_failures: 20,
        }
    }
}

impl RealtimeOptions {
    /// These options with this heartbeat timeout.
    #[must_use]
    pub fn heartbeat_timeout(mut self, timeout: Duration) -> Self {
        self.heartbeat_timeout = timeout;
        self
    }

    /// These options with these reconnect delays (the maximum at least the minimum).
    #[must_use]
    pub fn backoff(mut self, min: Duration, max: Duration) -> Self {
        self.min_backoff = min;
        self.max_backoff = max.max(min);
        self
    }

    /// These options with this bound on failures in a row (at least 1).
    #[must_use]
    pub fn max_failures(mut self, n: u32) -> Self {
        self.max_failures = n.max(1);
        self
    }

    /// The delay before reconnect number `failures` (from 1): doubling from the minimum,
    /// capped, with jitter (half to all of it).
    fn delay(&self, failures: u32) -> Duration {
        let doubled = self
            .min_backoff
            .saturating_mul(1u32 << failures.saturating_sub(1).min(16));
        let capped = doubled.min(self.max_backoff);
        capped.mul_f64(0.5 + fastrand::f64() / 2.0)
    }
}

/// The logged-in member's realtime events (see [`Linkedin::events`]).
#[must_use = "a stream does nothing unless polled"]
pub struct Events {
    inner: Pin<Box<dyn Stream<Item = Result<Event>> + Send>>,
    synced: Synced,
}

impl Events {
    /// Tells, from anywhere, whether the stream has been opened and the inbox synced (see
    /// [`Synced`]): a program that must not miss what it is about to cause waits for it
    /// while the stream is being polled.
    ///
    /// Python: none
    #[must_use]
    pub fn synced(&self) -> Synced {
        self.synced.clone()
    }
}

/// Whether an [`Events`] stream has been opened and the inbox synced the first time: from
/// then on whatever happens is one of its events (a reconnect catches up with what it
/// missed). A stream does so only while it is polled.
#[derive(Debug, Clone, Default)]
pub struct Synced(Arc<AtomicBool>);

impl Synced {
    /// True once the stream is open and synced; it stays so.
    #[must_use]
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    fn set(&self) {
        self.0.store(true, Ordering::Release);
    }
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events").finish_non_exhaustive()
    }
}

impl Stream for Events {
    type Item = Result<Event>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl Linkedin {
    /// The logged-in member's realtime events (new messages, reads, typing, ...) as they happen.
    ///
    /// New messages (their own too, sent from anywhere), edits and recalls, reactions,
    /// typing, seen receipts, conversations read, unread, archived or deleted, and anything
    /// else as [`Event::Other`] with its JSON.
    ///
    /// Python: none
    ///
    /// One connection to LinkedIn's realtime stream, kept alive (a heartbeat watchdog,
    /// reconnects with backoff and jitter) and resumed without a gap: after a reconnect, the
    /// messages missed meanwhile are read through the inbox's sync token and come first, in
    /// order, each once. See the module `realtime` and [`RealtimeOptions`] for the defaults;
    /// [`events_with`](Self::events_with) changes them.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use linkedin_api::realtime::Event;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let mut events = linkedin.events();
    /// while let Some(event) = events.try_next().await? {
    ///     if let Event::Message(m) = event {
    ///         println!("{}: {}", m.sender.map(|s| s.first_name).unwrap_or_default(), m.text);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As the stream's last item: [`Error::Transport`] with a challenge, an expired session
    /// or a tripped breaker (never retried), or the last transient error after
    /// [`RealtimeOptions::max_failures`] failures in a row.
    pub fn events(&self) -> Events {
        self.events_with(RealtimeOptions::default())
    }

    /// The realtime events, with other options (heartbeat timeout, backoff).
    ///
    /// As [`events`](Self::events), with these [`RealtimeOptions`].
    ///
    /// Python: none
    pub fn events_with(&self, options: RealtimeOptions) -> Events {
        let synced = Synced::default();
        let watch = Watch {
            synced: synced.clone(),
            li: self.clone(),
            options,
            me: None,
            session: session_id(),
            connection: None,
            queue: VecDeque::new(),
            seen: HashSet::new(),
            seen_order: VecDeque::new(),
            states: HashMap::new(),
            state_order: VecDeque::new(),
            history: HashSet::new(),
            read: HashMap::new(),
            token: None,
            watermark: 0,
            failures: 0,
            ended: false,
        };
        let stream = futures::stream::unfold(watch, |mut watch| async move {
            let item = watch.next().await?;
            Some((item, watch))
        });
        Events {
            inner: Box::pin(stream),
            synced,
        }
    }
}

/// An open connection.
struct Connection {
    response: StreamingResponse,
    lines: SseLines,
    /// Whether a frame came on it (a connection that gives nothing is a failure).
    alive: bool,
}

/// The stream's state between items.
struct Watch {
    li: Linkedin,
    options: RealtimeOptions,
    me: Option<ProfileId>,
    /// `x-li-realtime-session`: one per stream, as the web app keeps one per tab.
    session: String,
    connection: Option<Connection>,
    /// Events read, not yet given.
    queue: VecDeque<Event>,
    /// Message ids given (bounded, oldest forgotten first).
    seen: HashSet<String>,
    seen_order: VecDeque<String>,
    /// The state of messages known, by id (bounded, oldest forgotten first).
    states: HashMap<String, MessageState>,
    state_order: VecDeque<String>,
    /// The last message of each conversation at the first sync: history, not news.
    history: HashSet<String>,
    /// The read flag of conversations, by URN, as last known.
    read: HashMap<String, bool>,
    /// The inbox's sync token of the last sync.
    token: Option<String>,
    /// The latest delivery time of a message known (ms): a catch-up gives messages from it on.
    watermark: i64,
    /// Failures in a row.
    failures: u32,
    ended: bool,
    /// Set once the first connection is open and synced.
    synced: Synced,
}

impl Watch {
    async fn next(&mut self) -> Option<Result<Event>> {
        loop {
            if self.ended {
                return None;
            }
            if let Some(event) = self.queue.pop_front() {
                return Some(Ok(event));
            }
            if self.connection.is_none() {
                match self.connect().await {
                    Ok(()) => self.synced.set(),
                    Err(e) => {
                        self.connection = None;
                        if let Some(fatal) = self.failed(e).await {
                            return Some(Err(fatal));
                        }
                    }
                }
                continue;
            }
            if let Err(e) = self.read().await {
                let alive = self.connection.as_ref().is_some_and(|c| c.alive);
                self.connection = None;
                if alive {
                    // A connection that worked and ended: back at once (after the minimum).
                    self.failures = 0;
                    tracing::debug!(error = %e, "realtime stream ended; reconnecting");
                    tokio::time::sleep(self.options.delay(1)).await;
                } else if let Some(fatal) = self.failed(e).await {
                    return Some(Err(fatal));
                }
            }
        }
    }

    /// After a failure: `Some(error)` when it ends the stream, else `None` once the backoff
    /// has been waited.
    async fn failed(&mut self, error: Error) -> Option<Error> {
        self.failures += 1;
        if !error.is_transient() || self.failures >= self.options.max_failures {
            self.ended = true;
            return Some(error);
        }
        let delay = self.options.delay(self.failures);
        tracing::info!(
            error = %error,
            attempt = self.failures,
            delay_ms = delay.as_millis() as u64,
            "realtime stream lost; reconnecting"
        );
        tokio::time::sleep(delay).await;
        None
    }

    /// Opens the stream, waits for its `ClientConnection`, then syncs: the first time for a
    /// token, after a reconnect to catch up with what was missed.
    async fn connect(&mut self) -> Result<()> {
        let me = match &self.me {
            Some(me) => me.clone(),
            None => {
                let me = self.li.my_profile_id().await?;
                self.me = Some(me.clone());
                me
            }
        };
        let request = self.li.call(endpoints::REALTIME_CONNECT).request()?;
        let header = |name: &'static str, value: &str| -> Result<(HeaderName, HeaderValue)> {
            let value = HeaderValue::from_str(value).map_err(|_| Error::InvalidInput {
                field: "header",
                reason: format!("{name} is not a header value"),
            })?;
            Ok((HeaderName::from_static(name), value))
        };
        let normalized = "application/vnd.linkedin.normalized+json+2.1";
        let mut request = request;
        for (name, value) in [
            header("accept", "text/event-stream")?,
            header("x-li-accept", normalized)?,
            header("x-li-recipe-accept", normalized)?,
            header("x-li-realtime-session", &self.session)?,
        ] {
            request = request.header(name, value);
        }
        let response = self.li.transport().open_stream(request).await?;
        self.connection = Some(Connection {
            response,
            lines: SseLines::new(),
            alive: false,
        });
        // The handshake first, so that what happens from now on is in the stream and a sync
        // after it misses nothing.
        while !self.connection.as_ref().is_some_and(|c| c.alive) {
            self.read().await?;
        }
        self.failures = 0;
        match self.token.clone() {
            None => self.first_sync(&me).await,
            Some(token) => self.catch_up(&me, &token).await,
        }
    }

    /// Reads the next chunk of the open connection, queueing the events it completes; an
    /// error when the connection ended, broke or stayed silent too long.
    async fn read(&mut self) -> Result<()> {
        let timeout = self.options.heartbeat_timeout;
        let (Some(connection), Some(me)) = (self.connection.as_mut(), self.me.clone()) else {
            return Err(lost("no connection"));
        };
        let chunk = match tokio::time::timeout(timeout, connection.response.chunk()).await {
            Err(_) => return Err(lost("no frame within the heartbeat timeout")),
            Ok(None) => return Err(lost("the server closed the stream")),
            Ok(Some(chunk)) => chunk?,
        };
        let frames = connection.lines.push(&chunk);
        if !frames.is_empty() {
            connection.alive = true;
        }
        for data in frames {
            match Frame::parse(&data) {
                Ok(Frame::Event(event)) => self.queue_live(event.event(&me)),
                Ok(_) => {}
                Err(e) => tracing::debug!(error = %e, "a realtime frame that is not JSON"),
            }
        }
        Ok(())
    }

    /// Queues an event of the stream, unless it is a message already given.
    fn queue_live(&mut self, event: Event) {
        match &event {
            Event::Message(m) => {
                if let Some(at) = m.delivered_at {
                    self.watermark = self.watermark.max(at);
                }
            }
            Event::ConversationRead { conversation_urn } => {
                self.read.insert(conversation_urn.clone(), true);
            }
            Event::ConversationUnread { conversation_urn } => {
                self.read.insert(conversation_urn.clone(), false);
            }
            _ => {}
        }
        if !self.track(&event) {
            return;
        }
        if matches!(event, Event::Message(_))
            && let Some(id) = event.message_id()
            && !self.remember(id)
        {
            return;
        }
        self.queue.push_back(event);
    }

    /// Follows `event` in the states of the messages known; `false` for a change the state
    /// already shows (a catch-up gave it).
    fn track(&mut self, event: &Event) -> bool {
        match event {
            Event::Message(m) => {
                if let Some(id) = &m.id
                    && !self.states.contains_key(id)
                {
                    // A new message: its text, no reaction yet.
                    self.note(id.clone(), MessageState::new(&m.text));
                }
                true
            }
            Event::MessageEdited(m) => {
                let Some(id) = &m.id else { return true };
                match self.states.get_mut(id) {
                    Some(state) if state.text == m.text => false,
                    Some(state) => {
                        state.text.clone_from(&m.text);
                        true
                    }
                    None => {
                        self.note(id.clone(), MessageState::new(&m.text));
                        true
                    }
                }
            }
            Event::MessageRecalled { message_urn, .. } => {
                match self.states.get_mut(message_id(message_urn)) {
                    Some(state) if state.recalled => false,
                    Some(state) => {
                        state.recalled = true;
                        true
                    }
                    None => true,
                }
            }
            Event::Reaction {
                message_urn,
                emoji,
                added,
                count,
                profile_urn,
            } => {
                let me = self.me.as_ref().map(ProfileId::urn);
                let Some(state) = self.states.get_mut(message_id(message_urn)) else {
                    return true;
                };
                if profile_urn.is_some() && *profile_urn == me {
                    if *added {
                        state.mine.insert(emoji.clone());
                    } else {
                        state.mine.remove(emoji);
                    }
                }
                let now = state.reactions.get(emoji).copied().unwrap_or(0);
                let after = match count {
                    Some(n) if *n == now => return false,
                    Some(n) => *n,
                    None if *added => now + 1,
                    None => now.saturating_sub(1),
                };
                state.reactions.insert(emoji.clone(), after);
                true
            }
            _ => true,
        }
    }

    /// Remembers the state of message `id`.
    fn note(&mut self, id: String, state: MessageState) {
        if self.states.insert(id.clone(), state).is_none() {
            self.state_order.push_back(id);
            while self.state_order.len() > REMEMBERED {
                if let Some(old) = self.state_order.pop_front() {
                    self.states.remove(&old);
                }
            }
        }
    }

    /// The events that take message `m` from its state as known to its state as read (none
    /// when it was not known: it is known from now on).
    fn changes_of(&mut self, m: &Message, raw: &Value, me: &ProfileId) -> Vec<Event> {
        let Some(id) = m.id.clone() else {
            return Vec::new();
        };
        let now = MessageState::of(raw, &m.text);
        let mut events = Vec::new();
        if let Some(was) = self.states.get(&id) {
            if now.recalled && !was.recalled {
                events.push(Event::MessageRecalled {
                    message_urn: m.urn.clone(),
                    conversation_urn: m.conversation_urn.clone(),
                });
            } else if !now.recalled && now.text != was.text {
                events.push(Event::MessageEdited(m.clone()));
            }
            let emojis: std::collections::BTreeSet<&String> =
                was.reactions.keys().chain(now.reactions.keys()).collect();
            for emoji in emojis {
                let before = was.reactions.get(emoji).copied().unwrap_or(0);
                let after = now.reactions.get(emoji).copied().unwrap_or(0);
                if before != after {
                    let mine = now.mine.contains(emoji) != was.mine.contains(emoji);
                    events.push(Event::Reaction {
                        message_urn: m.urn.clone(),
                        emoji: emoji.clone(),
                        added: after > before,
                        profile_urn: mine.then(|| me.urn()),
                        count: Some(after),
                    });
                }
            }
        }
        self.note(id, now);
        events
    }

    /// Remembers a message id; `false` when it was already given.
    fn remember(&mut self, id: &str) -> bool {
        if self.seen.contains(id) {
            return false;
        }
        self.seen.insert(id.to_owned());
        self.seen_order.push_back(id.to_owned());
        while self.seen_order.len() > REMEMBERED {
            if let Some(old) = self.seen_order.pop_front() {
                self.seen.remove(&old);
            }
        }
        true
    }

    /// The inbox's first sync: its token, the read flags of the latest conversations and the
    /// time of the latest message (nothing before it is news).
    async fn first_sync(&mut self, me: &ProfileId) -> Result<()> {
        let endpoint = endpoints::MESSENGER_CONVERSATIONS_SYNC;
        let call = self.li.call(endpoint).var("mailboxUrn", me.urn());
        let body = self.li.send(call).await?;
        let (read, metadata) = messenger_read(
            endpoint,
            &answer(endpoint, &body)?,
            me,
            Conversation::from_conversation,
        )?;
        for c in &read.items {
            self.read.insert(c.urn.to_string(), c.read);
            // What the inbox shows of each conversation's latest messages is how they are
            // now: a catch-up tells changes from it.
            let shown = c
                .raw()
                .pointer("/messages/elements")
                .and_then(Value::as_array);
            for raw in shown.into_iter().flatten() {
                let urn = raw
                    .get("entityUrn")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if urn.starts_with("urn:li:msg_message:(") {
                    let text = raw.pointer("/body/text").and_then(Value::as_str);
                    let state = MessageState::of(raw, text.unwrap_or_default());
                    self.note(message_id(urn).to_owned(), state);
                }
            }
            // The latest messages are history: a catch-up from their time on must not give
            // them. (Not `seen`: one that arrived between the stream's opening and this sync
            // is on the stream too, and is given from there.)
            if let Some(id) = c.last_message.as_ref().and_then(|m| m.id.clone()) {
                self.history.insert(id);
            }
            if let Some(at) = c.last_activity_at {
                self.watermark = self.watermark.max(at);
            }
        }
        self.token = metadata.and_then(|m| m.new_sync_token);
        Ok(())
    }

    /// After a reconnect: the conversations changed since the last sync, and their messages
    /// not given yet (from the latest time known on), oldest first; conversations whose read
    /// flag changed meanwhile.
    async fn catch_up(&mut self, me: &ProfileId, token: &str) -> Result<()> {
        let endpoint = endpoints::MESSENGER_CONVERSATIONS_DELTA;
        let call = self
            .li
            .call(endpoint)
            .var("mailboxUrn", me.urn())
            .var("syncToken", token);
        let body = self.li.send(call).await?;
        let (read, metadata) = messenger_read(
            endpoint,
            &answer(endpoint, &body)?,
            me,
            Conversation::from_conversation,
        )?;
        let mut changed: Vec<Conversation> =
            read.items.into_iter().map(|c| c.into_inner()).collect();
        changed.sort_by_key(|c| c.last_activity_at);
        let mut missed = Vec::new();
        let mut changes = Vec::new();
        let mut flags = Vec::new();
        for c in &changed {
            let urn = c.urn.to_string();
            let news = c.last_activity_at.is_some_and(|at| at >= self.watermark);
            // Every changed conversation's latest messages: new ones, and old ones edited,
            // recalled or reacted to meanwhile.
            let latest: Vec<_> = futures::TryStreamExt::try_collect(
                self.li
                    .conversation_messages(c.urn.clone())
                    .limit(CATCH_UP_MESSAGES),
            )
            .await?;
            for m in latest {
                let new = m.delivered_at.is_some_and(|at| at >= self.watermark)
                    && m.id.as_ref().is_none_or(|id| !self.history.contains(id))
                    && m.id.as_ref().is_none_or(|id| !self.seen.contains(id));
                let moved = self.changes_of(&m, m.raw(), me);
                if new {
                    missed.push(m.into_inner());
                } else {
                    changes.extend(moved);
                }
            }
            if self.read.get(&urn).is_some_and(|was| *was != c.read) && !news {
                flags.push(if c.read {
                    Event::ConversationRead {
                        conversation_urn: urn.clone(),
                    }
                } else {
                    Event::ConversationUnread {
                        conversation_urn: urn.clone(),
                    }
                });
            }
            self.read.insert(urn, c.read);
        }
        missed.sort_by_key(|m| m.delivered_at);
        let caught = missed.len();
        for m in missed {
            self.queue_live(Event::Message(m));
        }
        let moved = changes.len();
        self.queue.extend(changes);
        for f in flags {
            self.queue_live(f);
        }
        tracing::debug!(
            conversations = changed.len(),
            messages = caught,
            changes = moved,
            "realtime catch-up"
        );
        if let Some(token) = metadata.and_then(|m| m.new_sync_token) {
            self.token = Some(token);
        }
        Ok(())
    }
}

/// What the stream knows of a message, to tell a change missed while disconnected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct MessageState {
    text: String,
    recalled: bool,
    /// How many reacted, by emoji.
    reactions: HashMap<String, u32>,
    /// The emojis the logged-in member reacted with (`viewerReacted`).
    mine: HashSet<String>,
}

impl MessageState {
    /// A message just sent: its text, nothing else yet.
    fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            ..Self::default()
        }
    }

    /// A message as a messenger read gives it (`messageBodyRenderFormat`,
    /// `reactionSummaries`), with its text.
    fn of(raw: &Value, text: &str) -> Self {
        let mut state = Self::new(text);
        state.recalled =
            raw.get("messageBodyRenderFormat").and_then(Value::as_str) == Some("RECALLED");
        let summaries = raw.get("reactionSummaries").and_then(Value::as_array);
        for r in summaries.into_iter().flatten() {
            let Some(emoji) = r.get("emoji").and_then(Value::as_str) else {
                continue;
            };
            let count = r.get("count").and_then(Value::as_u64).unwrap_or(0);
            state
                .reactions
                .insert(emoji.to_owned(), u32::try_from(count).unwrap_or(u32::MAX));
            if r.get("viewerReacted").and_then(Value::as_bool) == Some(true) {
                state.mine.insert(emoji.to_owned());
            }
        }
        state
    }
}

/// The message id of `urn:li:msg_message:(<mailbox>,<id>)` (the text itself otherwise).
fn message_id(urn: &str) -> &str {
    urn.strip_suffix(')')
        .and_then(|u| u.rsplit_once(','))
        .map_or(urn, |(_, id)| id)
}

/// A connection lost: a transient error, so the stream reconnects.
fn lost(why: &str) -> Error {
    Error::Transport(linkedin_transport::Error::Connect {
        host: String::new(),
        stage: "reading the realtime stream",
        source: why.to_owned().into(),
    })
}

/// A fresh UUID v4 for `x-li-realtime-session`.
fn session_id() -> String {
    let hex: String = (0..16)
        .map(|i| {
            let b = fastrand::u8(..);
            let b = match i {
                6 => (b & 0x0f) | 0x40,
                8 => (b & 0x3f) | 0x80,
                _ => b,
            };
            format!("{b:02x}")
        })
        .collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        let o =
            RealtimeOptions::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        for failures in 1..30 {
            let d = o.delay(failures);
            let full = Duration::from_millis(100)
                .saturating_mul(1 << (failures - 1).min(16))
                .min(Duration::from_secs(1));
            assert!(d >= full / 2 && d <= full, "{failures}: {d:?}");
        }
    }

    #[test]
    fn session_ids_are_uuids() {
        let id = session_id();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
