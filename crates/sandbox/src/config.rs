//! How a sandbox is started: address, TLS, request log, compression, the faults it injects,
//! and the drift it plays (rotated ids, retired endpoints, moved answers).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Faults and limits, all off by default. Random ones draw from one generator seeded with
/// [`seed`](Faults::seed), so a failing run repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// A fixed delay before every answer.
    pub latency: Option<Duration>,
    /// Answer 429 with `Retry-After` past this many requests per window.
    pub rate_limit: Option<RateLimit>,
    /// Send a session to a checkpoint challenge after this many authenticated requests (LinkedIn
    /// does so past roughly 900 an hour): a 302 to the challenge page that also wipes `li_at`.
    pub challenge_after: Option<u64>,
    /// The share of requests (0.0 to 1.0) answered with a random 500, 502, 503 or 504.
    pub server_errors: f64,
    /// The share of requests whose connection is dropped without an answer.
    pub connection_resets: f64,
    /// The share of answers whose body stops halfway (the declared length is not reached).
    pub truncated_bodies: f64,
    /// Send bodies in small chunks with this pause between them.
    pub slow_body: Option<Duration>,
    /// The share of data answers (0.0 to 1.0) mutated in one of the ways of
    /// [`Mutation`](crate::Mutation): a dropped key, a `null`, a changed type, a malformed URN,
    /// a truncated body, a huge string, control characters in a string, an odd status. Only
    /// the 2xx JSON answers of the Voyager and touch APIs' catalogue entries, never `me` and
    /// `touch_me` (the session checks after login) nor the login flow: see the `mutate`
    /// module (`crates/sandbox/src/mutate.rs`). Drawn from a generator of its own seeded from
    /// [`seed`](Faults::seed), so the same seed and requests give the same mutations; each
    /// one is named in [`RequestRecord::mutation`](crate::RequestRecord::mutation). 0 (the
    /// default) changes nothing.
    pub mutate_answers: f64,
    /// The kinds [`mutate_answers`](Faults::mutate_answers) draws from; empty (the default):
    /// all of [`Mutation::ALL`](crate::Mutation::ALL).
    pub mutations: Vec<crate::Mutation>,
    /// The seed of the random faults (and of the answer mutations).
    pub seed: u64,
    /// Requests whose path starts with this (optionally after a method and a space: `POST
    /// /voyager/api/graphql`) are carried out, then their connection is dropped without an
    /// answer: a write that took effect though the client cannot know.
    pub lose_answers_to: Option<String>,
    /// Requests whose path starts with this (optionally after a method, as for
    /// `lose_answers_to`) have their connection dropped before they are carried out: a write
    /// that did not take effect though the client cannot know.
    pub drop_requests_to: Option<String>,
    /// Close every realtime stream (`GET /realtime/connect`) after it has carried this many
    /// events (heartbeats and the first `ClientConnection` frame do not count), as LinkedIn's
    /// streams end after a few minutes: the client must reconnect and catch up.
    pub stream_drop_after: Option<u64>,
    /// Let every realtime stream go silent after it has carried this many events: no more
    /// heartbeats nor events, the connection held open (a stalled stream, which only a
    /// client's heartbeat watchdog notices). `Some(0)`: silent right after `ClientConnection`.
    pub stream_stall_after: Option<u64>,
}

/// A fixed-window request limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window.
    pub requests: u64,
    /// The window.
    pub window: Duration,
}

/// Where and how to serve.
#[derive(Debug, Clone, PartialEq)]
pub struct SandboxConfig {
    /// The address to listen on; port 0 picks a free one. Default `127.0.0.1:0`.
    pub addr: SocketAddr,
    /// Serve HTTPS (HTTP/2 by ALPN, or HTTP/1.1) with a certificate from a CA made at start.
    pub tls: bool,
    /// Append every request as a JSON line to this file (every one, without bound).
    pub request_log: Option<PathBuf>,
    /// Keep the latest 10,000 requests in memory for
    /// [`SandboxHandle::requests`](crate::SandboxHandle::requests), dropping older ones: about
    /// 2 KB each with a client's usual headers, so up to about 20 MB. Default `false`: nothing is kept, `requests()` is
    /// empty, and a long run's memory stays flat. Tests that read the requests turn it on.
    pub keep_requests: bool,
    /// Compress answers of 1 KiB or more as LinkedIn does: `br` when the request's
    /// `accept-encoding` accepts it, else `gzip` (weights of zero refuse), with
    /// `content-encoding` and `vary: accept-encoding`. Truncated and slow bodies then cut and
    /// drip the compressed bytes. Default `true`; `false` always answers identity.
    pub compression: bool,
    /// Faults to inject.
    pub faults: Faults,
    /// LinkedIn's recorded answers to serve in place of the world's: see [`Replay`].
    pub replay: Option<Replay>,
    /// How far the sandbox has drifted from the catalogue: see [`Drift`]. Default: not at all.
    pub drift: Drift,
    /// The pause between two `Heartbeat` frames of a realtime stream (`GET
    /// /realtime/connect`). Default 15 s, as LinkedIn's (peers.md §c.6); tests shorten it.
    pub heartbeat_interval: Duration,
    /// A scripted counterpart: when the demo account sends a message, the conversation's
    /// first other participant answers it this long after, in the same conversation (a
    /// message of the world like any other, pushed to realtime streams). `None` (the
    /// default): nobody answers.
    pub replies_after: Option<Duration>,
}

/// LinkedIn's drift, on demand: ids that rotated, endpoints that were retired, answers whose
/// shape moved. `Default` is no drift: the sandbox answers the catalogue's ids.
///
/// Names are catalogue entry names (`company`, `search_clusters`) of the Voyager API (base
/// `api`); [`Sandbox::start`](crate::Sandbox::start) refuses an unknown one with
/// [`SandboxError::UnknownEndpoint`](crate::SandboxError::UnknownEndpoint).
///
/// What each part answers, and the evidence, is in the `drift` module's documentation
/// (`crates/sandbox/src/drift.rs`); in short:
/// - a rotated entry answers its new id as the catalogue's was answered, and its old one as a
///   stale id: a GraphQL `queryId` 500 `{"status":500}`, a REST `decorationId` 400
///   `{"status":400}`; the new ids are in the web app's pages and scripts
///   (`GET /feed/`, `GET /search/results/people/`, `GET /aero-v1/sc/h/<token>`);
/// - a retired REST entry answers 410 `{"status":410}`, a retired GraphQL one 500
///   `{"status":500}` (its queryId is unknown to LinkedIn, as a stale one is) and its ids are
///   in no script;
/// - a reshaped entry's answers have one field renamed (see
///   [`reshaped_field`](crate::reshaped_field)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drift {
    /// Which entries have new ids; `None` keeps the catalogue's.
    pub rotate: Option<Rotation>,
    /// Entries LinkedIn retired.
    pub retire: Vec<String>,
    /// Entries whose answers moved a field the models read.
    pub reshape: Vec<String>,
    /// Answer a stale `queryId` of a known query 401 (`{"status":401}`, the cookies kept)
    /// instead of 500: the other answer recorded for "a wrong query hash" (peers-2026.md §4,
    /// "Signals: 500 stale queryId; 401 wrong hash/intent"). A client that takes every 401 for
    /// an expired session would never heal it.
    pub stale_query_401: bool,
    /// Answer every `paging.count` of a successful answer with [`HUGE_PAGING_COUNT`]
    /// instead of the page's size: LinkedIn's `count` echoes what was asked and is no
    /// position to go on from, so a client that moved its offset by it would skip the rest.
    pub huge_paging_count: bool,
}

/// The `paging.count` of [`Drift::huge_paging_count`].
pub const HUGE_PAGING_COUNT: u64 = 2_147_483_647;

/// Which entries' ids rotate: of the Voyager API entries that have a `queryId` or a
/// `decorationId` and are not retired in the catalogue, half (rounded up) picked by the seed,
/// or every one. The new ids come from the seed too (`All` uses seed 0), so a run repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rotation {
    /// Half of them, picked by this seed.
    Seeded(u64),
    /// Every one.
    All,
}

impl Rotation {
    /// The seed of the new ids and of the web app's scripts.
    #[must_use]
    pub fn seed(self) -> u64 {
        match self {
            Self::Seeded(seed) => seed,
            Self::All => 0,
        }
    }
}

impl std::str::FromStr for Rotation {
    type Err = String;

    /// `all`, or a seed (a whole number).
    ///
    /// ```
    /// use linkedin_sandbox::Rotation;
    /// assert_eq!("all".parse(), Ok(Rotation::All));
    /// assert_eq!("7".parse(), Ok(Rotation::Seeded(7)));
    /// assert!("half".parse::<Rotation>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.eq_ignore_ascii_case("all") {
            return Ok(Self::All);
        }
        text.parse()
            .map(Self::Seeded)
            .map_err(|_| format!("expected a seed (a whole number) or `all`, not `{text}`"))
    }
}

/// Serve recorded answers: an API request whose [`RequestKey`](crate::recorded::RequestKey)
/// equals a recording's (same path, ids, parameters and variable names; among several, the
/// one with the same variable values first) is answered with the recorded status and body,
/// and its [`RequestRecord::replayed`](crate::RequestRecord::replayed) names the recording.
/// Any other API request is answered 501 `{"replay": "no recording", ...}`, so a test learns
/// that the client did not send what the browser sent. The login flow and `GET /me` stay
/// the sandbox's, `/me` answering as the recording's owner (the member who recorded, from
/// `owner_profile`): the client then builds the same mailbox and conversation URNs as the
/// browser did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Replay {
    /// The recordings to serve (those without an answer are never served).
    pub recordings: Vec<crate::recorded::Recording>,
    /// The seq of a recording of the owner's own profile (a dash `Profile`): its
    /// `entityUrn`, `objectUrn`, names and public id make `/me`.
    pub owner_profile: Option<u32>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            tls: false,
            request_log: None,
            keep_requests: false,
            compression: true,
            faults: Faults::default(),
            replay: None,
            drift: Drift::default(),
            heartbeat_interval: Duration::from_secs(15),
            replies_after: None,
        }
    }
}
