//! The resource `linkedin://messages/events`: the latest realtime events of the logged-in
//! member's mailbox (`Linkedin::events`, the stream `linkedin messages watch` prints), and
//! `notifications/resources/updated` for it to every client subscribed.
//!
//! A client subscribes with `resources/subscribe` (protocol versions up to 2025-11-25: the
//! Python SDK's `ClientSession.subscribe_resource`) or `subscriptions/listen` (2026-07-28);
//! both are served. The first subscription starts one task reading the stream (one connection
//! to LinkedIn however many clients subscribe, over stdio or HTTP sessions alike); it stops
//! when the last subscription ends (unsubscribed, cancelled, or its session gone). Each event
//! goes into a buffer of the last [`KEPT`], numbered by `seq`, and each subscriber is told
//! the resource changed; a reader reads it with `resources/read`. The task runs beside the
//! tools and never holds them up; an error that ends the stream is the resource's `error`.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::{Stream, StreamExt};
use linkedin_api::realtime::{Event, Synced};
use rmcp::RoleServer;
use rmcp::model::{Resource, ResourceUpdatedNotificationParam};
use rmcp::service::{Peer, SubscriptionSink};
use serde_json::{Value, json};

use crate::exit::Failure;

/// The resource's URI.
pub(crate) const URI: &str = "linkedin://messages/events";
/// How many events the resource keeps (the latest).
pub(crate) const KEPT: usize = 50;
/// How long `resources/subscribe` waits for the stream to open and sync before answering.
pub(crate) const SYNC_WAIT: Duration = Duration::from_secs(10);
/// How often the task looks for subscribers whose session is gone (none left: it stops).
const PRUNE_EVERY: Duration = Duration::from_secs(5);

/// The resource as listed.
pub(crate) fn resource() -> Resource {
    Resource::new(URI, "messages_events")
        .with_title("Realtime mailbox events")
        .with_description(
            "The latest realtime events of the logged-in member's mailbox: new messages (sent or received, from anywhere), edits, recalls, reactions, reads, typing, seen receipts, conversations archived or deleted. Subscribe to it to be told when it changes (notifications/resources/updated), then read it: JSON {events: [{seq, event}], oldest first, at most 50, seq increasing by one per event so you can tell what you already saw; listening: whether the stream is open and synced (from then on no event is missed); error: why the stream ended, if it did (subscribe again to reopen it)}. Events are gathered only while some client is subscribed; `event` is what `linkedin messages watch --ndjson` prints (kind: message, message_edited, message_recalled, reaction, typing, seen, conversation_read, ...).",
        )
        .with_mime_type("application/json")
}

/// Who is told of a change.
#[derive(Clone)]
enum To {
    /// `resources/subscribe` from a session's peer.
    Legacy(Peer<RoleServer>),
    /// One `subscriptions/listen` request.
    Listen(SubscriptionSink),
}

/// A subscriber: whom to tell, and whether a notification to it is on its way (one is
/// enough: a notification carries nothing but the URI, and the reader reads all there is).
#[derive(Clone)]
struct Subscriber {
    to: To,
    pending: Arc<AtomicBool>,
}

impl Subscriber {
    /// Tells it the resource changed; false when it is gone.
    async fn notify(&self) -> bool {
        match &self.to {
            To::Legacy(peer) => {
                !peer.is_transport_closed()
                    && peer
                        .notify_resource_updated(ResourceUpdatedNotificationParam::new(URI))
                        .await
                        .is_ok()
            }
            To::Listen(sink) => sink.notify_resource_updated(URI).await.is_ok(),
        }
    }

    fn gone(&self) -> bool {
        match &self.to {
            To::Legacy(peer) => peer.is_transport_closed(),
            // Its `listen` removes it when it ends.
            To::Listen(_) => false,
        }
    }
}

/// Who subscribed: `resources/subscribe` by the server's session key, `subscriptions/listen`
/// by a number of its own.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Key {
    Session(u64),
    Listen(u64),
}

#[derive(Default)]
struct State {
    /// The latest events, oldest first, with their `seq`.
    events: VecDeque<(u64, Value)>,
    /// The `seq` of the last event (0: none yet).
    seq: u64,
    /// Why the stream ended, if it did.
    error: Option<String>,
    subscribers: HashMap<Key, Subscriber>,
    /// The task reading the stream, while there is one.
    task: Option<tokio::task::JoinHandle<()>>,
    /// Whether its stream is open and synced.
    synced: Synced,
    /// The last number given to a `subscriptions/listen`.
    listens: u64,
}

impl State {
    /// Whether a task is reading the stream.
    fn running(&self) -> bool {
        self.task.as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Whether a task is reading the stream and it is open and synced: from then on nothing
    /// that happens is missed.
    fn listening(&self) -> bool {
        self.running() && self.synced.get()
    }
}

/// The buffer, the subscribers and the task: one for the whole server (every HTTP session
/// shares it).
#[derive(Default)]
pub(crate) struct Feed {
    state: Mutex<State>,
}

impl Feed {
    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding it leaves plain data: go on with it.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A new key for a `subscriptions/listen`.
    pub(crate) fn listen_key(&self) -> Key {
        let mut state = self.state();
        state.listens += 1;
        Key::Listen(state.listens)
    }

    /// Adds (or replaces) a subscriber, and starts reading the stream if nobody was; gives
    /// the stream's [`Synced`].
    pub(crate) fn subscribe(
        self: &Arc<Self>,
        key: Key,
        who: SubscriberOf,
        li: &linkedin_api::Linkedin,
    ) -> Synced {
        let mut state = self.state();
        state.subscribers.insert(key, who.0);
        if !state.running() {
            state.error = None;
            let events = li.events();
            state.synced = events.synced();
            state.task = Some(tokio::spawn(pump(Arc::clone(self), events)));
        }
        state.synced.clone()
    }

    /// Removes a subscriber; the last one gone, the stream is closed.
    pub(crate) fn unsubscribe(&self, key: Key) {
        let mut state = self.state();
        state.subscribers.remove(&key);
        if state.subscribers.is_empty()
            && let Some(task) = state.task.take()
        {
            // Dropping the stream closes its connection.
            task.abort();
        }
    }

    /// The resource's JSON text.
    pub(crate) fn read(&self) -> String {
        let state = self.state();
        let events: Vec<Value> = state
            .events
            .iter()
            .map(|(seq, event)| json!({"seq": seq, "event": event}))
            .collect();
        let listening = state.listening();
        json!({
            "uri": URI,
            "events": events,
            "last_seq": state.seq,
            "listening": listening,
            "subscribers": state.subscribers.len(),
            "error": state.error,
        })
        .to_string()
    }

    /// Appends an event (the oldest dropped past [`KEPT`]); gives who to tell.
    fn push(&self, event: Value) -> Vec<(Key, Subscriber)> {
        let mut state = self.state();
        state.seq += 1;
        let seq = state.seq;
        state.events.push_back((seq, event));
        while state.events.len() > KEPT {
            state.events.pop_front();
        }
        state
            .subscribers
            .iter()
            .map(|(k, s)| (*k, s.clone()))
            .collect()
    }

    /// The stream ended with `error`; gives who to tell. The task is over: the next
    /// subscription starts another.
    fn fail(&self, error: String) -> Vec<(Key, Subscriber)> {
        let mut state = self.state();
        state.error = Some(error);
        state.task = None;
        state
            .subscribers
            .iter()
            .map(|(k, s)| (*k, s.clone()))
            .collect()
    }

    /// Forgets the subscribers whose session is gone; true when none is left (the task is
    /// then over: the next subscription starts another).
    fn prune(&self) -> bool {
        let mut state = self.state();
        state.subscribers.retain(|_, s| !s.gone());
        let none = state.subscribers.is_empty();
        if none {
            state.task = None;
        }
        none
    }
}

/// A subscriber, as the handler makes one.
pub(crate) struct SubscriberOf(Subscriber);

impl SubscriberOf {
    pub(crate) fn peer(peer: Peer<RoleServer>) -> Self {
        Self::to(To::Legacy(peer))
    }

    pub(crate) fn listen(sink: SubscriptionSink) -> Self {
        Self::to(To::Listen(sink))
    }

    fn to(to: To) -> Self {
        Self(Subscriber {
            to,
            pending: Arc::default(),
        })
    }
}

/// Tells each of `who` of a change, each in a task of its own (a slow client holds up
/// neither the stream nor the others), unless one is on its way to it already; forgets
/// those gone.
fn tell(feed: &Arc<Feed>, who: Vec<(Key, Subscriber)>) {
    for (key, subscriber) in who {
        if subscriber.pending.swap(true, Ordering::AcqRel) {
            continue;
        }
        let feed = Arc::clone(feed);
        tokio::spawn(async move {
            // Cleared before it is sent: a change after this point gets a notification of
            // its own, one before it is read by whoever reads after this one.
            subscriber.pending.store(false, Ordering::Release);
            if !subscriber.notify().await {
                feed.state().subscribers.remove(&key);
            }
        });
    }
}

/// Waits (at most `bound`) until `synced`: a subscriber told it is subscribed misses
/// nothing that happens after.
pub(crate) async fn wait_synced(synced: &Synced, bound: Duration) {
    let until = tokio::time::Instant::now() + bound;
    while !synced.get() && tokio::time::Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Reads the stream (`Linkedin::events`) into the feed until it ends, or nobody is
/// subscribed any more.
async fn pump<S>(feed: Arc<Feed>, mut events: S)
where
    S: Stream<Item = linkedin_api::Result<Event>> + Unpin,
{
    let mut prune = tokio::time::interval(PRUNE_EVERY);
    prune.tick().await;
    loop {
        let next = tokio::select! {
            next = events.next() => next,
            _ = prune.tick() => {
                if feed.prune() {
                    break;
                }
                continue;
            }
        };
        match next {
            Some(Ok(event)) => {
                let who = feed.push(crate::commands::watch::json_view(&event));
                tell(&feed, who);
            }
            Some(Err(e)) => {
                let who = feed.fail(Failure::from(e).message);
                tell(&feed, who);
                break;
            }
            None => {
                let who = feed.fail("the realtime stream ended".to_owned());
                tell(&feed, who);
                break;
            }
        }
        if feed.prune() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_buffer_keeps_the_latest_with_their_seq() {
        let feed = Feed::default();
        for n in 0..(KEPT + 5) {
            let _ = feed.push(json!({"kind": "typing", "n": n}));
        }
        let read: Value = serde_json::from_str(&feed.read()).unwrap_or_default();
        let events = read["events"].as_array().cloned().unwrap_or_default();
        assert_eq!(events.len(), KEPT);
        assert_eq!(events[0]["seq"], 6);
        assert_eq!(events[0]["event"]["n"], 5);
        assert_eq!(events[KEPT - 1]["seq"], (KEPT + 5) as u64);
        assert_eq!(read["last_seq"], (KEPT + 5) as u64);
        assert_eq!(read["listening"], false);
        assert_eq!(read["error"], Value::Null);
        let _ = feed.fail("boom".to_owned());
        let read: Value = serde_json::from_str(&feed.read()).unwrap_or_default();
        assert_eq!(read["error"], "boom");
    }

    #[tokio::test]
    async fn a_failing_stream_is_the_resources_error_not_a_crash() {
        let feed = Arc::new(Feed::default());
        let failure = linkedin_api::Error::InvalidInput {
            field: "stream",
            reason: "broken on purpose".to_owned(),
        };
        pump(Arc::clone(&feed), futures::stream::iter(vec![Err(failure)])).await;
        let read: Value = serde_json::from_str(&feed.read()).unwrap_or_default();
        let error = read["error"].as_str().unwrap_or_default();
        assert!(error.contains("broken on purpose"), "{read}");
        assert_eq!(read["listening"], false);
        assert_eq!(read["events"], json!([]));

        // An event is kept (and, nobody subscribed, the task stops after it).
        let read_event = Event::ConversationRead {
            conversation_urn: "urn:li:msg_conversation:(urn:li:fsd_profile:ACoA,2-MTIz==)"
                .to_owned(),
        };
        let stream = futures::stream::iter(vec![Ok(read_event)]).chain(futures::stream::pending());
        pump(Arc::clone(&feed), Box::pin(stream)).await;
        let read: Value = serde_json::from_str(&feed.read()).unwrap_or_default();
        assert_eq!(read["events"][0]["seq"], 1, "{read}");
        assert_eq!(
            read["events"][0]["event"]["kind"], "conversation_read",
            "{read}"
        );
    }
}
