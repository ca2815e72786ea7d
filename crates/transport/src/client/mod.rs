//! The transport: one base URL, its connection pool and cookie jar, and the loop that paces,
//! sends, classifies and retries each request.
//!
//! - `builder`: the settings, checked once when the transport is built.
//! - `retry`: one call from start to end: the total deadline, a renewal of an expired
//!   session, pacing, and retries with backoff for what is safe to send again.
//! - `exchange`: one attempt: a pooled connection, the HTTP request with LinkedIn's headers
//!   and cookies, the answer read whole.
//! - `classify`: what an answer means: success, a typed error, or worth a retry.

mod assets;
mod builder;
mod classify;
mod exchange;
mod retry;
mod stream;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cookie_store::CookieStore;
use http::header::HeaderMap;
use secrecy::SecretString;
use url::Url;

use crate::cookies::SetCookies;
use crate::governor::Governor;
use crate::headers::HeaderProfile;
use crate::pool::Pool;
use crate::store::AccountStore;

pub use assets::LINKEDIN_CDN;
pub use builder::TransportBuilder;
pub use retry::{RetryPolicy, Timeouts};
pub use stream::StreamingResponse;

/// The user agent and `x-li-track` a session goes with.
#[derive(Debug, Clone)]
pub(crate) struct Identity {
    pub(crate) user_agent: String,
    pub(crate) li_track: Option<String>,
}

/// What the transport knows about the login, for renewals and saving.
#[derive(Default)]
pub(crate) struct Auth {
    /// The account a session belongs to (username, or a label for cookie logins).
    pub(crate) account: Option<String>,
    /// Kept only when the caller logged in with a password, to renew an expired session.
    pub(crate) password: Option<SecretString>,
}

pub(crate) struct Inner {
    pub(crate) base: Url,
    pub(crate) pool: Pool,
    pub(crate) jar: Mutex<CookieStore>,
    pub(crate) governor: Governor,
    timeouts: Timeouts,
    retries: RetryPolicy,
    max_body: usize,
    pub(crate) identity: Mutex<Identity>,
    pub(crate) auth: Mutex<Auth>,
    /// Held while a session is renewed, so concurrent calls that all see it expire renew once.
    pub(crate) renewal: tokio::sync::Mutex<()>,
    /// Bumped at every login, so a call can tell that a renewal already happened.
    pub(crate) generation: AtomicU64,
    pub(crate) store: Option<Arc<dyn AccountStore>>,
    /// Requests written to the wire, for diagnostics.
    sent: AtomicU64,
    profile: HeaderProfile,
    pub(crate) verify_path: Option<String>,
    /// The answer of the last successful session check.
    pub(crate) verified: Mutex<Option<bytes::Bytes>>,
    /// When the session was last checked (unix seconds): from the check, or the saved session.
    pub(crate) verified_at: Mutex<Option<i64>>,
    /// How long a checked saved session is trusted without another check.
    pub(crate) trust_checked: Duration,
    /// The answers kept while recording ([`Transport::start_recording`]).
    pub(crate) recorder: Mutex<Option<Vec<Recorded>>>,
    /// How to fetch public assets from LinkedIn's CDN.
    assets: assets::Assets,
    /// Whether this transport fetches such assets: it then sends no cookie and no token.
    asset_host: bool,
}

/// One answer kept while recording: what was asked and what came back, for a diagnosis
/// (`linkedin doctor --report`). It holds no header, so no cookie, `csrf-token` or
/// `Set-Cookie`; the target and body are as LinkedIn saw and sent them: redact before sharing.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The method.
    pub method: String,
    /// The path and query.
    pub target: String,
    /// The attempt, from 1.
    pub attempt: u32,
    /// The status.
    pub status: u16,
    /// The body, decoded (decompressed).
    pub body: bytes::Bytes,
}

/// HTTP for LinkedIn: one base URL, a pooled connection (HTTP/2 when offered), a cookie jar
/// with `csrf-token` taken from `JSESSIONID`, pacing, safe retries and typed errors.
///
/// Cheap to clone; clones share the connections, cookies and pacing.
///
/// ```no_run
/// use linkedin_transport::{Login, Request, Transport};
///
/// # async fn run() -> linkedin_transport::Result<()> {
/// let transport = Transport::builder("https://www.linkedin.com").build()?;
/// transport
///     .login(Login::cookies("AQEDAR...", "\"ajax:0123456789012345678\""))
///     .await?;
/// let me = transport.send(Request::get("/voyager/api/me")).await?;
/// println!("{}", String::from_utf8_lossy(me.body()));
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Transport {
    pub(crate) inner: Arc<Inner>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport")
            .field("base_url", &self.inner.base.as_str())
            .finish_non_exhaustive()
    }
}

impl Transport {
    /// The base URL.
    #[must_use]
    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    /// Connections opened so far (a sequence of calls should need one).
    #[must_use]
    pub fn connections_opened(&self) -> u64 {
        self.inner.pool.opened()
    }

    /// Requests written to the wire so far, retries included.
    #[must_use]
    pub fn requests_sent(&self) -> u64 {
        self.inner.sent.load(Ordering::Relaxed)
    }

    /// What the logged-in account has used and has left of its limits, and its breaker.
    ///
    /// # Errors
    ///
    /// [`Error::File`](crate::Error::File) when the governor's state cannot be read.
    pub async fn budget(&self) -> Result<crate::governor::BudgetReport, crate::error::Error> {
        self.budget_of(&self.governed_account()).await
    }

    /// Starts keeping every answer ([`Recorded`]) until [`take_recorded`](Self::take_recorded).
    pub fn start_recording(&self) {
        *lock(&self.inner.recorder) = Some(Vec::new());
    }

    /// The answers kept since [`start_recording`](Self::start_recording), which stops.
    pub fn take_recorded(&self) -> Vec<Recorded> {
        lock(&self.inner.recorder).take().unwrap_or_default()
    }

    fn record(&self, request: &crate::Request, answer: &exchange::Answer, attempt: u32) {
        if let Some(kept) = lock(&self.inner.recorder).as_mut() {
            kept.push(Recorded {
                method: request.method().to_string(),
                target: request.target().to_owned(),
                attempt,
                status: answer.status.as_u16(),
                body: answer.body.clone(),
            });
        }
    }

    /// The ids the client learned for the logged-in account (see
    /// [`AccountStore::load_learned_ids`](crate::AccountStore::load_learned_ids)); `None`
    /// without a store or when there are none.
    ///
    /// # Errors
    ///
    /// The store's, when they cannot be read.
    pub async fn learned_ids(&self) -> Result<Option<String>, crate::error::Error> {
        match &self.inner.store {
            Some(store) => store.load_learned_ids(&self.governed_account()).await,
            None => Ok(None),
        }
    }

    /// Keeps the ids learned for the logged-in account; nothing without a store.
    ///
    /// # Errors
    ///
    /// The store's, when they cannot be written.
    pub async fn save_learned_ids(&self, json: &str) -> Result<(), crate::error::Error> {
        match &self.inner.store {
            Some(store) => store.save_learned_ids(&self.governed_account(), json).await,
            None => Ok(()),
        }
    }

    /// As [`budget`](Self::budget), for `account` (the name its session is saved under),
    /// logged in or not: it reads the governor's state and sends nothing.
    ///
    /// # Errors
    ///
    /// [`Error::File`](crate::Error::File) when the governor's state cannot be read.
    pub async fn budget_of(
        &self,
        account: &str,
    ) -> Result<crate::governor::BudgetReport, crate::error::Error> {
        self.inner.governor.report(account).await
    }

    /// Resets the circuit breaker of `account` (the username of a password login, `browser`
    /// for cookies), once the user has dealt with what tripped it: passed LinkedIn's check in
    /// a browser, or decided to go on knowingly.
    ///
    /// # Errors
    ///
    /// [`Error::File`](crate::Error::File) when the governor's state cannot be written.
    pub async fn reset_breaker(&self, account: &str) -> Result<(), crate::error::Error> {
        self.inner.governor.reset(account).await
    }

    /// The governor's limits.
    #[must_use]
    pub fn limits(&self) -> &crate::governor::Limits {
        self.inner.governor.limits()
    }

    /// The account the governor counts requests for: the logged-in one, or the one being
    /// logged in (`default` before any).
    pub(crate) fn governed_account(&self) -> String {
        lock(&self.inner.auth)
            .account
            .clone()
            .unwrap_or_else(|| "default".to_owned())
    }

    pub(crate) fn identity(&self) -> Identity {
        lock(&self.inner.identity).clone()
    }

    /// The absolute URL of a target, for cookie matching.
    fn url_of(&self, target: &str) -> Url {
        self.inner
            .base
            .join(target)
            .unwrap_or_else(|_| self.inner.base.clone())
    }

    fn csrf_token(&self, url: &Url) -> Option<String> {
        crate::cookies::jsessionid(&lock(&self.inner.jar), url)
    }

    fn has_session_cookie(&self) -> bool {
        crate::cookies::has_cookie(&lock(&self.inner.jar), &self.inner.base, "li_at")
    }

    fn cookie_header(&self, url: &Url) -> Option<String> {
        crate::cookies::request_header(&lock(&self.inner.jar), url)
    }

    /// Puts `set-cookie`s in the jar; true when they end the session (see
    /// [`SetCookies::ends_session`]).
    fn store_cookies(&self, url: &Url, headers: &HeaderMap) -> bool {
        // Read before the jar is locked; the lock is held only to change it.
        let set = SetCookies::parse(headers);
        let ends_session = set.ends_session();
        if !set.is_empty() {
            set.store(&mut lock(&self.inner.jar), url);
        }
        ends_session
    }

    fn can_renew(&self) -> bool {
        let auth = lock(&self.inner.auth);
        auth.account.is_some() && auth.password.is_some()
    }
}

/// Locks a std mutex, ignoring poisoning (every guarded value stays consistent).
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
