//! How a sandbox is started: address, TLS, request log, compression, and the faults it injects.

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
    /// The seed of the random faults.
    pub seed: u64,
    /// Requests whose path starts with this (optionally after a method and a space: `POST
    /// /voyager/api/graphql`) are carried out, then their connection is dropped without an
    /// answer: a write that took effect though the client cannot know.
    pub lose_answers_to: Option<String>,
    /// Requests whose path starts with this (optionally after a method, as for
    /// `lose_answers_to`) have their connection dropped before they are carried out: a write
    /// that did not take effect though the client cannot know.
    pub drop_requests_to: Option<String>,
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
    /// Append every request as a JSON line to this file.
    pub request_log: Option<PathBuf>,
    /// Compress answers of 1 KiB or more as LinkedIn does: `br` when the request's
    /// `accept-encoding` accepts it, else `gzip` (weights of zero refuse), with
    /// `content-encoding` and `vary: accept-encoding`. Truncated and slow bodies then cut and
    /// drip the compressed bytes. Default `true`; `false` always answers identity.
    pub compression: bool,
    /// Faults to inject.
    pub faults: Faults,
    /// LinkedIn's recorded answers to serve in place of the world's: see [`Replay`].
    pub replay: Option<Replay>,
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
            compression: true,
            faults: Faults::default(),
            replay: None,
        }
    }
}
