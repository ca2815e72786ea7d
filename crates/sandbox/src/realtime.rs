//! LinkedIn's realtime stream, `GET /realtime/connect?rc=1` (peers.md §0.3, §b.MX, §c.6): a
//! `text/event-stream` of `data: {json}` lines, first a
//! `com.linkedin.realtimefrontend.ClientConnection` frame, then `Heartbeat` frames (every
//! [`SandboxConfig::heartbeat_interval`](crate::SandboxConfig::heartbeat_interval), 15 s by
//! default as LinkedIn's) and a `DecoratedEvent` for every change of the world that concerns
//! the member: a message in one of their conversations (sent by any client, through any
//! endpoint, or by the scripted counterpart), a conversation read or unread, someone typing.
//!
//! The payload format is chosen by the request's headers, as LinkedIn does: with
//! `x-li-query-accept: application/graphql` and an `x-li-query-map`, GraphQL-decorated
//! payloads; without, the legacy ones (see [`crate::api::realtime`]). The stream is behind the
//! Voyager session gate (a live `li_at`, `csrf-token` equal to `JSESSIONID`); it asks for
//! `accept: text/event-stream` (400 otherwise, inferred).
//!
//! Changes are broadcast to every open stream through a bounded channel; a stream too slow to
//! keep up is closed (never left with a gap it cannot see), and its client catches up by the
//! conversations' sync as after any disconnect. Faults: [`Faults::stream_drop_after`] closes
//! a stream after N events, [`Faults::stream_stall_after`] makes it go silent.
//!
//! [`Faults::stream_drop_after`]: crate::Faults::stream_drop_after
//! [`Faults::stream_stall_after`]: crate::Faults::stream_stall_after

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Response, StatusCode, header};
use serde_json::{Value, json};
use tokio::sync::{broadcast, mpsc, watch};

use crate::State;
use crate::api::realtime::Delivery;
use crate::body::Body;
use crate::routes::{Incoming, json_response};

/// How many events a slow stream may fall behind before it is closed.
const BACKLOG: usize = 256;
/// Frames queued for one connection's body before the producer waits.
const FRAMES_QUEUED: usize = 64;

/// The topics a `ClientConnection` frame lists, as TX's capture (peers.md §c.6).
const PERSONAL_TOPICS: [&str; 11] = [
    "conversationsTopic",
    "messageSeenReceiptsTopic",
    "messagesTopic",
    "replySuggestionTopicV2",
    "tabBadgeUpdateTopic",
    "typingIndicatorsTopic",
    "invitationsTopic",
    "inAppAlertsTopic",
    "messageReactionSummariesTopic",
    "socialPermissionsPersonalTopic",
    "jobPostingPersonalTopic",
];

/// Where changes of the world are published, and what streams subscribe to.
pub(crate) struct Hub {
    events: broadcast::Sender<Arc<Delivery>>,
    /// Numbers for the frames' `id`s.
    ids: Arc<AtomicU64>,
    /// Messages of the demo account the scripted counterpart answers: (thread, message id).
    replies: Option<mpsc::UnboundedSender<(String, String)>>,
}

impl Hub {
    /// A hub; `replies` is where messages to answer go when a counterpart is scripted.
    pub(crate) fn new(replies: Option<mpsc::UnboundedSender<(String, String)>>) -> Self {
        Self {
            events: broadcast::channel(BACKLOG).0,
            ids: Arc::new(AtomicU64::new(1)),
            replies,
        }
    }

    /// Sends each delivery to the streams open now (none open: nothing to do).
    pub(crate) fn publish(&self, deliveries: Vec<Delivery>) {
        for d in deliveries {
            let _ = self.events.send(Arc::new(d));
        }
    }

    /// Asks the scripted counterpart, if there is one, to answer these messages of the demo
    /// account: (thread id, message id).
    pub(crate) fn to_answer(&self, sent: Vec<(String, String)>) {
        if let Some(replies) = &self.replies {
            for s in sent {
                let _ = replies.send(s);
            }
        }
    }
}

/// The scripted counterpart: answers each message it is given `delay` after, until `stop`.
pub(crate) async fn counterpart(
    state: Arc<State>,
    delay: Duration,
    mut asked: mpsc::UnboundedReceiver<(String, String)>,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            next = asked.recv() => {
                let Some((thread, id)) = next else { break };
                let state = state.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(delay).await;
                    let deliveries = {
                        let mut live = state.world();
                        crate::api::realtime::counterpart_reply(&mut live.world, &thread, &id)
                    };
                    state.realtime.publish(deliveries.unwrap_or_default());
                });
            }
            _ = stop.changed() => break,
        }
    }
}

/// Which payloads a stream carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Graphql,
    Legacy,
}

impl Format {
    /// GraphQL-decorated when the client sends `x-li-query-accept: application/graphql` and an
    /// `x-li-query-map` (peers.md §0.3, §c.14), legacy otherwise.
    fn of(headers: &HeaderMap) -> Self {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        let accept = text("x-li-query-accept").is_some_and(|v| v.contains("application/graphql"));
        let map = text("x-li-query-map").is_some_and(|v| !v.trim().is_empty());
        if accept && map {
            Self::Graphql
        } else {
            Self::Legacy
        }
    }
}

/// `GET /realtime/connect`, for the member at `me` (the session gate passed).
pub(crate) fn connect(state: &State, req: &Incoming<'_>, me: usize) -> Response<Body> {
    let streams = req
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("text/event-stream"));
    if !streams {
        return json_response(StatusCode::BAD_REQUEST, &json!({"status": 400}));
    }
    let format = Format::of(req.headers);
    let events = state.realtime.events.subscribe();
    let now = crate::api::world_clock(&state.world().world);
    let (frames, body) = mpsc::channel(FRAMES_QUEUED);
    let stream = Stream {
        me,
        format,
        ids: state.realtime.ids.clone(),
        heartbeat: state.heartbeat_interval,
        drop_after: state.faults.stream_drop_after,
        stall_after: state.faults.stream_stall_after,
        frames,
    };
    tokio::spawn(stream.run(events, state.stopped.clone(), now));
    let mut resp = Response::new(Body::streaming(body));
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

/// One open stream's producer.
struct Stream {
    me: usize,
    format: Format,
    ids: Arc<AtomicU64>,
    heartbeat: Duration,
    drop_after: Option<u64>,
    stall_after: Option<u64>,
    frames: mpsc::Sender<Bytes>,
}

impl Stream {
    /// Writes the frames until the client goes away, the sandbox stops, a fault ends the
    /// stream, or it falls too far behind.
    async fn run(
        self,
        mut events: broadcast::Receiver<Arc<Delivery>>,
        mut stop: watch::Receiver<bool>,
        now: u64,
    ) {
        let hello = json!({"com.linkedin.realtimefrontend.ClientConnection": {
            "personalTopics": PERSONAL_TOPICS,
            "leftServerAt": now,
            "id": self.uuid(),
            "serverProcessingTime": 2,
        }});
        if !self.send(&hello).await {
            return;
        }
        let mut carried = 0u64;
        let mut beat = tokio::time::interval(self.heartbeat);
        beat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        beat.reset();
        loop {
            if self.stall_after.is_some_and(|n| carried >= n) {
                // Silent, the connection held open, until the client gives up on it.
                tokio::select! {
                    () = self.frames.closed() => return,
                    _ = stop.changed() => return,
                }
            }
            tokio::select! {
                _ = beat.tick() => {
                    let frame = json!({"com.linkedin.realtimefrontend.Heartbeat": {}});
                    if !self.send(&frame).await {
                        return;
                    }
                }
                event = events.recv() => {
                    let delivery = match event {
                        Ok(d) => d,
                        // Behind by more than the backlog, or the sandbox is gone: closing
                        // is what tells the client to catch up.
                        Err(_) => return,
                    };
                    if delivery.member != self.me {
                        continue;
                    }
                    if !self.send(&self.decorated(&delivery)).await {
                        return;
                    }
                    carried += 1;
                    if self.drop_after.is_some_and(|n| carried >= n) {
                        return;
                    }
                }
                () = self.frames.closed() => return,
                _ = stop.changed() => return,
            }
        }
    }

    /// A `DecoratedEvent` frame of `d` in this stream's format.
    fn decorated(&self, d: &Delivery) -> Value {
        let payload = match self.format {
            Format::Graphql => d.graphql.clone(),
            Format::Legacy => d.legacy.clone(),
        };
        let mut event = json!({
            "topic": format!("urn:li-realtime:{}:urn:li-realtime:myself", d.topic),
            "leftServerAt": d.at,
            "id": self.uuid(),
            "payload": payload,
        });
        if let (Some(publisher), Value::Object(map)) = (&d.publisher, &mut event) {
            map.insert("publisherTrackingId".to_owned(), json!(publisher));
        }
        json!({"com.linkedin.realtimefrontend.DecoratedEvent": event})
    }

    /// A fresh id in the UUID form of LinkedIn's frames.
    fn uuid(&self) -> String {
        let n = self.ids.fetch_add(1, Ordering::Relaxed);
        format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            (n as u32).wrapping_mul(0x9e37_79b9),
            self.me & 0xffff,
            n & 0xfff,
            (n >> 12) & 0xfff,
            n
        )
    }

    /// Writes one `data:` line; `false` when the client is gone.
    async fn send(&self, frame: &Value) -> bool {
        let line = format!("data: {frame}\n\n");
        self.frames.send(Bytes::from(line)).await.is_ok()
    }
}
