//! A LinkedIn emulator on loopback, for tests and for trying the client without an account.
//!
//! It is a real HTTP server (HTTP/1.1 and HTTP/2, plain or TLS with a CA made at start) that
//! runs LinkedIn's login flow, enforces its session rules (`li_at`, `csrf-token` equal to
//! `JSESSIONID` without quotes), answers the Voyager API, injects faults on demand (latency,
//! rate limits, challenges, 5xx, resets, truncated and slow bodies, all from a seed), and logs
//! every request when asked (to a file, or the latest in memory for tests). On demand it drifts as LinkedIn does ([`Drift`]): ids rotate (the old ones
//! answered as stale, the new ones found in the web app's pages and scripts, which it serves
//! too), endpoints retire, answers move a field. Like LinkedIn, it compresses answers of 1 KiB or more with `br` or `gzip` when
//! the request's `accept-encoding` allows it (see [`SandboxConfig::compression`]). It never
//! reaches the internet and never does I/O other than its socket and the request log file.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), linkedin_sandbox::SandboxError> {
//! use linkedin_sandbox::{Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! assert!(sandbox.base_url().starts_with("http://127.0.0.1:"));
//! // Cookies for the demo account, as a browser would hold them after logging in.
//! let cookies = sandbox.demo_cookies();
//! assert!(cookies.jsessionid.starts_with("\"ajax:"));
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Accounts: `demo@example.com` / `demo-password` logs in; `challenge@example.com` always gets a
//! challenge; any other password gets `BAD_PASSWORD`.
#![warn(missing_docs)]

mod api;
mod body;
mod compress;
mod config;
mod drift;
mod log;
mod mutate;
mod realtime;
pub mod recorded;
mod replay;
mod routes;
mod server;
mod session;
mod strict;
mod tls;
mod webapp;
pub mod world;

use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use http::StatusCode;
use tokio::sync::watch;

pub use body::Body;
pub use config::{Drift, Faults, HUGE_PAGING_COUNT, RateLimit, Replay, Rotation, SandboxConfig};
pub use drift::reshaped_field;
use linkedin_catalogue::EndpointIds;
pub use log::RequestRecord;
pub use mutate::{CONTROL_SEQUENCES, HUGE_STRING, Mutation};
pub use session::SessionCookies;
pub use world::{CHALLENGE_USERNAME, DEMO_PASSWORD, DEMO_USERNAME, Member};

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// The address could not be bound (in use, or not a local address).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The request log file could not be opened.
    #[error("cannot open the request log {path}: {source}")]
    RequestLog {
        /// The file asked for.
        path: std::path::PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The TLS certificate or configuration could not be made.
    #[error("cannot set up TLS: {0}")]
    Tls(String),
    /// A [`Drift`] names an entry that is not one of the catalogue's Voyager API entries.
    #[error(
        "cannot {option} {name}: no Voyager API entry of the catalogue is named so (`linkedin catalogue show` lists them)"
    )]
    UnknownEndpoint {
        /// What was asked of it: `retire` or `reshape`.
        option: &'static str,
        /// The name given.
        name: String,
    },
}

/// Standard base64 with padding, for LinkedIn's `2-…==` thread and message ids, cursors and
/// tokens; decoding takes them with or without padding, as LinkedIn's clients may send either.
pub(crate) const BASE64: base64::engine::GeneralPurpose =
    base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;

/// The seed of the world every sandbox serves: one fixed world, so answers are the same from
/// run to run (fault seeds change only the faults).
pub const WORLD_SEED: u64 = 0;

/// The shared state of a running sandbox.
pub(crate) struct State {
    addr: SocketAddr,
    tls: Option<tls::Tls>,
    /// Whether answers are compressed when the client accepts it.
    compression: bool,
    faults: Faults,
    accounts: Vec<world::Account>,
    /// The generated world (writes such as messages and invitations change it for the run),
    /// and what is derived from it.
    world: Mutex<world::Live>,
    sessions: session::Sessions,
    log: log::RequestLog,
    connections: AtomicU64,
    seq: AtomicU64,
    rng: Mutex<fastrand::Rng>,
    /// The generator of the answer mutations (its own, so other faults do not shift it).
    mutate_rng: Mutex<fastrand::Rng>,
    window: Mutex<(Instant, u64)>,
    /// Recorded answers served in place of the world's.
    replay: Option<replay::Replayer>,
    /// The ids, retired entries and moved answers the API drifted to, and the web app's
    /// pages and scripts that carry the ids.
    drift: drift::Drifted,
    /// Where changes of the world go to the realtime streams.
    realtime: realtime::Hub,
    /// The pause between heartbeats of a realtime stream.
    heartbeat_interval: std::time::Duration,
    /// Turns `true` when the sandbox stops (realtime streams end then).
    stopped: watch::Receiver<bool>,
}

/// What the answer mutations' generator mixes into the faults' seed.
const MUTATE_SEED: u64 = 0x6d75_7461_7465_0001;

/// A fault drawn for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Reset,
    ServerError(StatusCode),
    Truncate,
}

impl State {
    /// The world and its index, locked.
    fn world(&self) -> std::sync::MutexGuard<'_, world::Live> {
        self.world
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Draws this request's random fault, if any, from the seeded generator.
    fn draw_fault(&self) -> Option<Fault> {
        let f = &self.faults;
        if f.connection_resets <= 0.0 && f.server_errors <= 0.0 && f.truncated_bodies <= 0.0 {
            return None;
        }
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let roll = rng.f64();
        if roll < f.connection_resets {
            return Some(Fault::Reset);
        }
        if roll < f.connection_resets + f.server_errors {
            let statuses = [
                StatusCode::INTERNAL_SERVER_ERROR,
                StatusCode::BAD_GATEWAY,
                StatusCode::SERVICE_UNAVAILABLE,
                StatusCode::GATEWAY_TIMEOUT,
            ];
            return Some(Fault::ServerError(statuses[rng.usize(..statuses.len())]));
        }
        if roll < f.connection_resets + f.server_errors + f.truncated_bodies {
            return Some(Fault::Truncate);
        }
        None
    }

    /// Mutates the answer of a request for `path` as [`Faults::mutate_answers`] asks, when it
    /// is drawn to be; what was done, for the log.
    fn mutate_answer(&self, path: &str, resp: &mut http::Response<Body>) -> Option<String> {
        let rate = self.faults.mutate_answers;
        if rate <= 0.0 {
            return None;
        }
        let endpoint = resp.extensions().get::<log::Reached>().map(|r| r.0);
        let content_type = resp
            .headers()
            .get(http::header::CONTENT_TYPE)
            .map(http::HeaderValue::as_bytes);
        if !mutate::eligible(path, endpoint, resp.status(), content_type) {
            return None;
        }
        let mut rng = self
            .mutate_rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if rng.f64() >= rate {
            return None;
        }
        let mutated = mutate::mutate(
            &mut rng,
            &self.faults.mutations,
            resp.status(),
            resp.body().data(),
        )?;
        *resp.status_mut() = mutated.status;
        *resp.body_mut() = Body::full(mutated.body);
        Some(mutated.done)
    }

    /// Counts a request against the rate limit; past it, the seconds until the window ends.
    fn over_rate_limit(&self, now: Instant) -> Option<u64> {
        let limit = self.faults.rate_limit?;
        let mut window = self
            .window
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if now.duration_since(window.0) >= limit.window {
            *window = (now, 0);
        }
        window.1 += 1;
        if window.1 <= limit.requests {
            return None;
        }
        let left = limit.window.saturating_sub(now.duration_since(window.0));
        Some(left.as_secs().max(1))
    }

    /// A token for a challenge URL.
    fn challenge_token(&self) -> String {
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        format!("AgH{:016x}", rng.u64(..))
    }
}

/// Starts sandboxes.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// Binds the address, makes the TLS certificate if asked, and starts serving on the
    /// current tokio runtime.
    ///
    /// # Errors
    ///
    /// [`SandboxError`] when the address cannot be bound, the log file cannot be opened, TLS
    /// cannot be set up, or the drift names an entry the catalogue does not have.
    pub async fn start(config: SandboxConfig) -> Result<SandboxHandle, SandboxError> {
        let mut drift = drift::Drifted::new(&config.drift)?;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: config.addr,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: config.addr,
            source,
        })?;
        // The CDN: the same address, another port.
        let cdn_bind = SocketAddr::new(addr.ip(), 0);
        let cdn_listener = tokio::net::TcpListener::bind(cdn_bind)
            .await
            .map_err(|source| SandboxError::Bind {
                addr: cdn_bind,
                source,
            })?;
        let cdn_addr = cdn_listener
            .local_addr()
            .map_err(|source| SandboxError::Bind {
                addr: cdn_bind,
                source,
            })?;
        let scheme = if config.tls { "https" } else { "http" };
        drift.set_cdn(format!("{scheme}://{cdn_addr}"));
        let request_log = log::RequestLog::new(config.request_log.as_deref(), config.keep_requests)
            .map_err(|source| SandboxError::RequestLog {
                path: config.request_log.clone().unwrap_or_default(),
                source,
            })?;
        let tls = if config.tls { Some(tls::make()?) } else { None };
        let sessions = session::Sessions::new(config.faults.seed);
        let accounts = world::accounts();
        let demo = accounts
            .iter()
            .position(|a| a.username == DEMO_USERNAME)
            .unwrap_or_default();
        let demo_cookies = sessions.open(demo, None);
        let (stop, stopped) = watch::channel(false);
        let (replies, asked) = match config.replies_after {
            Some(_) => {
                let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
                (Some(tx), Some(rx))
            }
            None => (None, None),
        };
        let state = Arc::new(State {
            addr,
            tls,
            compression: config.compression,
            accounts,
            world: Mutex::new(world::Live::new(world::generate(WORLD_SEED))),
            sessions,
            log: request_log,
            connections: AtomicU64::new(0),
            seq: AtomicU64::new(0),
            rng: Mutex::new(fastrand::Rng::with_seed(config.faults.seed)),
            mutate_rng: Mutex::new(fastrand::Rng::with_seed(config.faults.seed ^ MUTATE_SEED)),
            window: Mutex::new((Instant::now(), 0)),
            replay: config.replay.map(replay::Replayer::new),
            faults: config.faults,
            drift,
            realtime: realtime::Hub::new(replies),
            heartbeat_interval: config.heartbeat_interval,
            stopped: stopped.clone(),
        });
        let mut tasks = Vec::new();
        if let (Some(delay), Some(asked)) = (config.replies_after, asked) {
            tasks.push(tokio::spawn(realtime::counterpart(
                state.clone(),
                delay,
                asked,
                stopped.clone(),
            )));
        }
        let cdn = tokio::spawn(server::serve(
            cdn_listener,
            state.clone(),
            server::Site::Cdn,
            stopped.clone(),
        ));
        let task = tokio::spawn(server::serve(
            listener,
            state.clone(),
            server::Site::Www,
            stopped,
        ));
        Ok(SandboxHandle {
            base_url: format!("{scheme}://{addr}"),
            cdn_url: format!("{scheme}://{cdn_addr}"),
            state,
            demo_cookies,
            stop,
            tasks: {
                tasks.extend([task, cdn]);
                tasks
            },
        })
    }
}

/// A running sandbox. Dropping it stops the listener; [`shutdown`](Self::shutdown) also waits
/// for open connections to finish.
#[derive(Debug)]
pub struct SandboxHandle {
    base_url: String,
    cdn_url: String,
    state: Arc<State>,
    demo_cookies: SessionCookies,
    stop: watch::Sender<bool>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl SandboxHandle {
    /// `http://127.0.0.1:<port>` (or `https://...`): where to point a client.
    #[must_use]
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// `http://127.0.0.1:<port>` (or `https://...`) of its CDN, another listener on the same
    /// address: the web app's script bundles, as LinkedIn serves them from
    /// `https://static.licdn.com`, to anyone and nothing else (see `linkedin sandbox
    /// --rotate-ids`). The pages name the scripts by this URL.
    #[must_use]
    pub fn cdn_url(&self) -> &str {
        &self.cdn_url
    }

    /// The address it listens on.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.state.addr
    }

    /// The CA certificate to trust, in PEM, when serving TLS.
    #[must_use]
    pub fn ca_pem(&self) -> Option<&str> {
        self.state.tls.as_ref().map(|t| t.ca_pem.as_str())
    }

    /// The CA certificate to trust, in DER, when serving TLS.
    #[must_use]
    pub fn ca_der(&self) -> Option<&[u8]> {
        self.state.tls.as_ref().map(|t| t.ca_der.as_ref())
    }

    /// Cookies of a live session of the demo account, for cookie login.
    #[must_use]
    pub fn demo_cookies(&self) -> &SessionCookies {
        &self.demo_cookies
    }

    /// Cookies of a new live session of the world's member with public id `public_id` (the
    /// vanity name of `/in/<public_id>/`), as if they had logged in on another device: for a
    /// test that needs a second member, such as a participant of one of the demo account's
    /// conversations (the mailbox is the demo account's; a participant's messages go into
    /// the conversation they share with it, and their realtime stream carries its events).
    /// `None` for a public id nobody has.
    #[must_use]
    pub fn member_cookies(&self, public_id: &str) -> Option<SessionCookies> {
        let index = self
            .state
            .world()
            .world
            .people
            .iter()
            .position(|p| p.public_id == public_id)?;
        Some(self.state.sessions.open(index, None))
    }

    /// Ends every live session (the demo cookies' too), as when LinkedIn expires sessions:
    /// their `li_at` is answered 401 from now on, and clients must log in again.
    pub fn expire_sessions(&self) {
        self.state.sessions.expire_all();
    }

    /// The ids the sandbox answers catalogue entry `name` with now: its `queryId` and
    /// `decorationId` (new ones if it rotated), data root and path (which never rotate), each
    /// `Some` where the entry has one; `None` for a name the catalogue does not have or an
    /// entry this sandbox retired. What a client that healed its ids should have learned.
    #[must_use]
    pub fn current_ids(&self, name: &str) -> Option<EndpointIds> {
        self.state.drift.current_ids(name)
    }

    /// The entries whose ids rotated (and are not retired), in catalogue order: empty without
    /// [`Drift::rotate`].
    #[must_use]
    pub fn rotated(&self) -> Vec<&'static str> {
        self.state.drift.rotated()
    }

    /// The requests answered so far, in order: the latest 10,000, and only when the sandbox
    /// was started with [`SandboxConfig::keep_requests`]. Without it this is always empty
    /// (nothing is recorded in memory), so a test that reads it must turn it on:
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), linkedin_sandbox::SandboxError> {
    /// use linkedin_sandbox::{Sandbox, SandboxConfig};
    ///
    /// let config = SandboxConfig { keep_requests: true, ..SandboxConfig::default() };
    /// let sandbox = Sandbox::start(config).await?;
    /// assert!(sandbox.requests().is_empty(), "nothing sent yet");
    /// sandbox.shutdown().await;
    /// # Ok(())
    /// # }
    /// ```
    #[must_use]
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.state.log.snapshot()
    }

    /// How many connections were accepted.
    #[must_use]
    pub fn connections(&self) -> u64 {
        self.state
            .connections
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Stops accepting, lets open connections finish (up to five seconds), and returns.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        for task in std::mem::take(&mut self.tasks) {
            let _ = task.await;
        }
    }
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}
