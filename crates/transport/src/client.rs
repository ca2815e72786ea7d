//! The transport: one base URL, its connection pool and cookie jar, and the loop that paces,
//! sends, classifies and retries each request.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use backon::BackoffBuilder;
use bytes::Bytes;
use cookie_store::CookieStore;
use http::StatusCode;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use rustls_pki_types::CertificateDer;
use secrecy::SecretString;
use tokio::time::Instant;
use tracing::Instrument;
use url::Url;

use crate::body::{self, BodyError};
use crate::connect::Origin;
use crate::error::{Error, TimeoutPhase, excerpt};
use crate::headers::{self, HeaderProfile};
use crate::pacing::{Budget, Pacer, Pacing};
use crate::pool::{Lease, Pool, PoolLimits};
use crate::request::{Idempotency, Request, Response};
use crate::session::SessionStore;

/// Time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// TCP connect, TLS and HTTP handshakes. Default 10 s.
    pub connect: Duration,
    /// From sending a request to the end of its answer's body. Default 30 s.
    pub request: Duration,
    /// One call, retries and their waits included. Default 120 s.
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            request: Duration::from_secs(30),
            total: Duration::from_secs(120),
        }
    }
}

/// When and how idempotent requests are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt. Default 3.
    pub max_retries: usize,
    /// The first backoff delay, doubled each time, with jitter. Default 250 ms.
    pub min_delay: Duration,
    /// The longest backoff delay. Default 8 s.
    pub max_delay: Duration,
    /// The longest `Retry-After` waited for; a longer one is returned as
    /// [`Error::RateLimited`] at once. Default 60 s.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 3,
            min_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    #[must_use]
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }
}

/// Builds a [`Transport`].
///
/// ```
/// use std::time::Duration;
/// use linkedin_transport::{Pacing, Transport};
///
/// let transport = Transport::builder("https://www.linkedin.com")
///     .pacing(Pacing::new(2, Duration::from_secs(3), Duration::from_secs(2)))
///     .build()?;
/// assert_eq!(transport.base_url().as_str(), "https://www.linkedin.com/");
/// # Ok::<(), linkedin_transport::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct TransportBuilder {
    base_url: String,
    resolve: Option<SocketAddr>,
    extra_roots: Vec<CertificateDer<'static>>,
    timeouts: Timeouts,
    retries: RetryPolicy,
    pacing: Option<Pacing>,
    budget: Option<Budget>,
    max_http1_connections: usize,
    idle_timeout: Duration,
    max_body: usize,
    user_agent: String,
    li_track: Option<String>,
    session_store: Option<SessionStore>,
    profile: HeaderProfile,
    verify_path: Option<String>,
    native_roots: bool,
}

impl TransportBuilder {
    /// Another base URL than the one given to [`Transport::builder`].
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// Also trusts the operating system's certificate store (for TLS-intercepting corporate
    /// proxies). Off by default: the built-in webpki roots are the same on every machine and
    /// load in microseconds, the system's take milliseconds.
    pub fn native_roots(mut self, yes: bool) -> Self {
        self.native_roots = yes;
        self
    }

    /// Speak as the web app (default) or as the iPhone app of the touch API.
    pub fn header_profile(mut self, profile: HeaderProfile) -> Self {
        if profile == HeaderProfile::Touch {
            self.user_agent = headers::TOUCH_USER_AGENT.to_owned();
            self.li_track = None;
            if self.verify_path.as_deref() == Some(crate::login::VERIFY_PATH) {
                self.verify_path = Some(crate::login::TOUCH_VERIFY_PATH.to_owned());
            }
        }
        self.profile = profile;
        self
    }

    /// The authenticated request that checks a session before it is trusted (default
    /// [`VERIFY_PATH`](crate::VERIFY_PATH), or the touch API's person for the touch profile);
    /// `None` to trust a login without checking (a login-only transport whose session is
    /// used elsewhere).
    pub fn verify_path(mut self, path: Option<String>) -> Self {
        self.verify_path = path;
        self
    }

    /// Connects to `addr` instead of resolving the base URL's host, like `curl --resolve`:
    /// `Host`, the TLS server name and cookie domains stay those of the base URL. This is how
    /// `https://www.linkedin.com` is pointed at a sandbox.
    pub fn resolve(mut self, addr: SocketAddr) -> Self {
        self.resolve = Some(addr);
        self
    }

    /// Trusts one more certificate authority (DER), e.g. the sandbox's. TLS verification
    /// itself cannot be turned off.
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.extra_roots.push(CertificateDer::from(der.into()));
        self
    }

    /// Trusts the certificate authorities of a PEM text (e.g. the file `linkedin sandbox
    /// --cert-out` writes).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the text holds no certificate.
    pub fn add_root_certificates_pem(mut self, pem: &str) -> Result<Self, Error> {
        use rustls_pki_types::pem::PemObject;
        let mut found = 0;
        for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
            let cert = cert.map_err(|e| Error::InvalidInput {
                field: "root certificate",
                reason: e.to_string(),
            })?;
            self.extra_roots.push(cert);
            found += 1;
        }
        if found == 0 {
            return Err(Error::InvalidInput {
                field: "root certificate",
                reason: "no PEM certificate found".to_owned(),
            });
        }
        Ok(self)
    }

    /// Time limits.
    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Retries of idempotent requests.
    pub fn retries(mut self, retries: RetryPolicy) -> Self {
        self.retries = retries;
        self
    }

    /// Request spacing. Default: [`Pacing::linkedin`], or [`Pacing::off`] when the base URL
    /// (or the address given to [`resolve`](Self::resolve)) is on this machine.
    pub fn pacing(mut self, pacing: Pacing) -> Self {
        self.pacing = Some(pacing);
        self
    }

    /// Requests per rolling hour. Default: [`Budget::linkedin`], or unlimited on loopback.
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// At most this many HTTP/1.1 connections at once (HTTP/2 always uses one). Default 6,
    /// as browsers.
    pub fn max_connections(mut self, n: usize) -> Self {
        self.max_http1_connections = n;
        self
    }

    /// Idle connections older than this are closed. Default 60 s.
    pub fn idle_timeout(mut self, idle: Duration) -> Self {
        self.idle_timeout = idle;
        self
    }

    /// The largest answer accepted, after decompression. Default 64 MiB.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// The `user-agent` of API calls (a saved session brings back its own).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// The `x-li-track` header; `None` to send none.
    pub fn li_track(mut self, li_track: Option<String>) -> Self {
        self.li_track = li_track;
        self
    }

    /// Where sessions are saved after a login and looked for before one.
    pub fn session_store(mut self, store: SessionStore) -> Self {
        self.session_store = Some(store);
        self
    }

    /// Checks the settings and makes the transport (no connection is opened yet).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a base URL that is not `http(s)://host[:port]`, or a bad
    /// header value or certificate.
    pub fn build(self) -> Result<Transport, Error> {
        let bad_url = |reason: &str| Error::InvalidInput {
            field: "base URL",
            reason: format!("{reason}: {:?}", self.base_url),
        };
        let base = Url::parse(&self.base_url).map_err(|e| bad_url(&e.to_string()))?;
        let https = match base.scheme() {
            "https" => true,
            "http" => false,
            _ => return Err(bad_url("the scheme must be http or https")),
        };
        if base.path() != "/" || base.query().is_some() || !base.username().is_empty() {
            return Err(bad_url("give only scheme, host and port"));
        }
        let host = match base.host() {
            Some(url::Host::Domain(d)) => d.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => return Err(bad_url("no host")),
        };
        let origin = Origin {
            https,
            host,
            port: base
                .port_or_known_default()
                .unwrap_or(if https { 443 } else { 80 }),
            resolve: self.resolve,
        };
        for (field, value) in [
            ("user agent", Some(&self.user_agent)),
            ("x-li-track", self.li_track.as_ref()),
        ] {
            if let Some(value) = value {
                HeaderValue::from_str(value).map_err(|_| Error::InvalidInput {
                    field,
                    reason: "not a valid header value".to_owned(),
                })?;
            }
        }
        let tls = if https {
            Some(crate::connect::tls_config(
                &self.extra_roots,
                self.native_roots,
            )?)
        } else {
            None
        };
        let loopback = origin.is_loopback();
        let pacing = self.pacing.unwrap_or(if loopback {
            Pacing::off()
        } else {
            Pacing::linkedin()
        });
        let budget = self.budget.unwrap_or(if loopback {
            Budget::unlimited()
        } else {
            Budget::linkedin()
        });
        let pool = Pool::new(
            origin,
            tls,
            PoolLimits {
                max_http1: self.max_http1_connections,
                idle_timeout: self.idle_timeout,
                connect_timeout: self.timeouts.connect,
            },
        );
        Ok(Transport {
            inner: Arc::new(Inner {
                base,
                pool,
                jar: Mutex::new(CookieStore::new()),
                pacer: Pacer::new(pacing, budget),
                timeouts: self.timeouts,
                retries: self.retries,
                max_body: self.max_body,
                identity: Mutex::new(Identity {
                    user_agent: self.user_agent,
                    li_track: self.li_track,
                }),
                auth: Mutex::new(Auth::default()),
                renewal: tokio::sync::Mutex::new(()),
                generation: AtomicU64::new(0),
                store: self.session_store,
                sent: AtomicU64::new(0),
                profile: self.profile,
                verify_path: self.verify_path,
            }),
        })
    }
}

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
    pacer: Pacer,
    timeouts: Timeouts,
    retries: RetryPolicy,
    max_body: usize,
    pub(crate) identity: Mutex<Identity>,
    pub(crate) auth: Mutex<Auth>,
    /// Held while a session is renewed, so concurrent calls that all see it expire renew once.
    pub(crate) renewal: tokio::sync::Mutex<()>,
    /// Bumped at every login, so a call can tell that a renewal already happened.
    pub(crate) generation: AtomicU64,
    pub(crate) store: Option<SessionStore>,
    /// Requests written to the wire, for diagnostics.
    sent: AtomicU64,
    profile: HeaderProfile,
    pub(crate) verify_path: Option<String>,
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

/// How one attempt failed before an answer came.
struct AttemptError {
    error: Error,
    /// Whether the request may have reached the server.
    sent: bool,
}

/// What the classifier made of one attempt.
enum Verdict {
    Done(Result<Response, Error>),
    /// Worth another attempt if the request allows it; `after` is LinkedIn's `Retry-After`.
    Retry {
        error: Error,
        after: Option<Duration>,
        /// Whether the request may have reached the server.
        sent: bool,
    },
}

impl Transport {
    /// Starts building a transport for `base_url` (`https://www.linkedin.com`, or a
    /// sandbox's URL).
    pub fn builder(base_url: impl Into<String>) -> TransportBuilder {
        TransportBuilder {
            base_url: base_url.into(),
            resolve: None,
            extra_roots: Vec::new(),
            timeouts: Timeouts::default(),
            retries: RetryPolicy::default(),
            pacing: None,
            budget: None,
            max_http1_connections: 6,
            idle_timeout: Duration::from_secs(60),
            max_body: 64 << 20,
            user_agent: headers::WEB_USER_AGENT.to_owned(),
            li_track: Some(headers::WEB_LI_TRACK.to_owned()),
            session_store: None,
            profile: HeaderProfile::Web,
            verify_path: Some(crate::login::VERIFY_PATH.to_owned()),
            native_roots: false,
        }
    }

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

    /// Requests counted against the hourly budget (when one is set).
    #[must_use]
    pub fn budget_used(&self) -> u64 {
        self.inner.pacer.used()
    }

    /// Sends a request: paced, over a pooled connection, with LinkedIn's headers, cookies
    /// and `csrf-token`; the answer classified; idempotent requests retried on connection
    /// errors, 429 (after `Retry-After`) and 502/503/504; an expired session renewed once when
    /// a password was given to [`login`](Self::login).
    ///
    /// # Errors
    ///
    /// Any [`Error`]; [`Error::InvalidInput`] before anything is sent for a target that is
    /// not a valid origin-form path.
    pub async fn send(&self, request: Request) -> Result<Response, Error> {
        request.check()?;
        let deadline = Instant::now() + self.inner.timeouts.total;
        let call = async {
            let generation = self.inner.generation.load(Ordering::Acquire);
            match self.send_retrying(&request, false).await {
                Err(Error::SessionExpired | Error::Unauthorized) if self.can_renew() => {
                    self.renew(generation).await?;
                    self.send_retrying(&request, false).await
                }
                other => other,
            }
        };
        tokio::time::timeout_at(deadline, call)
            .await
            .unwrap_or(Err(Error::Timeout {
                phase: TimeoutPhase::Total,
            }))
    }

    /// Sends without renewing an expired session; `login_flow` sends the login flow's headers
    /// (no `csrf-token`, no web headers) and lets its 4xx answers through.
    pub(crate) async fn send_plain(
        &self,
        request: Request,
        login_flow: bool,
    ) -> Result<Response, Error> {
        request.check()?;
        let deadline = Instant::now() + self.inner.timeouts.total;
        tokio::time::timeout_at(deadline, self.send_retrying(&request, login_flow))
            .await
            .unwrap_or(Err(Error::Timeout {
                phase: TimeoutPhase::Total,
            }))
    }

    async fn send_retrying(&self, request: &Request, login_flow: bool) -> Result<Response, Error> {
        let policy = self.inner.retries;
        let mut backoff = backon::ExponentialBuilder::default()
            .with_min_delay(policy.min_delay)
            .with_max_delay(policy.max_delay)
            .with_factor(2.0)
            .with_jitter()
            .with_max_times(policy.max_retries)
            .build();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            self.inner.pacer.admit().await?;
            let span = tracing::debug_span!(
                "linkedin_request",
                method = %request.method(),
                path = %request.path(),
                attempt,
                status = tracing::field::Empty,
                elapsed_ms = tracing::field::Empty,
            );
            let started = Instant::now();
            let verdict = async {
                let verdict = match self.attempt(request, login_flow).await {
                    Ok(answer) => self.classify(request, answer, login_flow),
                    Err(AttemptError { error, sent }) => Verdict::Retry {
                        error,
                        after: None,
                        sent,
                    },
                };
                let span = tracing::Span::current();
                span.record("elapsed_ms", started.elapsed().as_millis() as u64);
                match &verdict {
                    Verdict::Done(Ok(r)) => {
                        span.record("status", r.status.as_u16());
                        tracing::debug!(bytes = r.body.len(), "answered");
                    }
                    Verdict::Done(Err(e)) | Verdict::Retry { error: e, .. } => {
                        tracing::debug!(error = %e, "request failed");
                    }
                }
                verdict
            }
            .instrument(span)
            .await;
            let (error, after, sent) = match verdict {
                Verdict::Done(result) => return result,
                Verdict::Retry { error, after, sent } => (error, after, sent),
            };
            let safe = !sent || request.idempotency() == Idempotency::Idempotent;
            let permanent = matches!(error, Error::Tls { .. } | Error::InvalidInput { .. });
            if !safe || permanent {
                return Err(match error {
                    // A write cut off after it left: say that it may have been received.
                    Error::Timeout { .. } | Error::Connect { .. } | Error::Decode { .. }
                        if sent =>
                    {
                        Error::Interrupted {
                            method: request.method().to_string(),
                            path: request.path().to_owned(),
                        }
                    }
                    e => e,
                });
            }
            if after.is_some_and(|after| after > policy.max_retry_after) {
                return Err(error);
            }
            let Some(delay) = backoff.next() else {
                return Err(error);
            };
            let delay = after.map_or(delay, |a| a.max(delay));
            tracing::debug!(
                delay_ms = delay.as_millis() as u64,
                error = %error,
                "retrying"
            );
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: a connection, the request written, the answer read whole.
    async fn attempt(&self, request: &Request, login_flow: bool) -> Result<Answer, AttemptError> {
        let not_sent = |error| AttemptError { error, sent: false };
        // A connection found closed before the request could be written is replaced; the
        // request is then certainly unsent, so any method may go again.
        for _ in 0..3 {
            let lease = self.inner.pool.checkout().await.map_err(not_sent)?;
            let http2 = matches!(lease, Lease::Http2(_));
            let req = self.build(request, http2, login_flow).map_err(not_sent)?;
            let limit = self.inner.timeouts.request;
            let outcome = tokio::time::timeout(limit, self.exchange(lease, req)).await;
            match outcome {
                Err(_) => {
                    return Err(AttemptError {
                        error: Error::Timeout {
                            phase: TimeoutPhase::Request,
                        },
                        sent: true,
                    });
                }
                Ok(Exchange::Unsent) => {}
                Ok(Exchange::Failed(error)) => return Err(AttemptError { error, sent: true }),
                Ok(Exchange::Answered(answer)) => return Ok(answer),
            }
        }
        Err(not_sent(Error::Connect {
            host: self.inner.pool.origin().authority(),
            stage: "sending the request",
            source: "the server keeps closing connections before a request can be sent".into(),
        }))
    }

    async fn exchange(
        &self,
        lease: Lease<'_>,
        req: http::Request<crate::connect::ReqBody>,
    ) -> Exchange {
        let interrupted = |e: hyper::Error| {
            Exchange::Failed(Error::Connect {
                host: self.inner.pool.origin().authority(),
                stage: "sending the request or reading its answer",
                source: e.into(),
            })
        };
        let (response, http1) = match lease {
            Lease::Http2(mut sender) => {
                if sender.ready().await.is_err() {
                    return Exchange::Unsent;
                }
                self.inner.sent.fetch_add(1, Ordering::Relaxed);
                match sender.try_send_request(req).await {
                    Ok(r) => (r, None),
                    Err(mut e) => {
                        return match e.take_message() {
                            Some(_) => Exchange::Unsent,
                            None => interrupted(e.into_error()),
                        };
                    }
                }
            }
            Lease::Http1(mut lease) => {
                let Some(sender) = lease.sender.as_mut() else {
                    return Exchange::Unsent;
                };
                self.inner.sent.fetch_add(1, Ordering::Relaxed);
                match sender.try_send_request(req).await {
                    Ok(r) => (r, Some(lease)),
                    Err(mut e) => {
                        return match e.take_message() {
                            Some(_) => Exchange::Unsent,
                            None => interrupted(e.into_error()),
                        };
                    }
                }
            }
        };
        let (parts, incoming) = response.into_parts();
        let raw = match body::collect(incoming, self.inner.max_body).await {
            Ok(raw) => raw,
            Err(BodyError::Io(e)) => return interrupted(e),
            Err(BodyError::TooLarge) => {
                return Exchange::Failed(body::too_large(self.inner.max_body));
            }
        };
        if let Some(lease) = http1 {
            lease.release();
        }
        match body::decode(&parts.headers, raw, self.inner.max_body) {
            Ok(body) => Exchange::Answered(Answer {
                status: parts.status,
                headers: parts.headers,
                body,
                version: parts.version,
            }),
            Err(e) => Exchange::Failed(e),
        }
    }

    /// The HTTP request for one attempt.
    fn build(
        &self,
        request: &Request,
        http2: bool,
        login_flow: bool,
    ) -> Result<http::Request<crate::connect::ReqBody>, Error> {
        let origin = self.inner.pool.origin();
        let uri = if http2 {
            let scheme = if origin.https { "https" } else { "http" };
            format!("{scheme}://{}{}", origin.authority(), request.target())
        } else {
            request.target().to_owned()
        };
        let mut builder = http::Request::builder()
            .method(request.method().clone())
            .uri(uri);
        let headers = builder.headers_mut().ok_or_else(|| Error::InvalidInput {
            field: "request target",
            reason: format!("not a valid URI: {:?}", request.target()),
        })?;
        if !http2 {
            headers.insert(header::HOST, header_value(&origin.authority())?);
        }
        let url = self.url_of(request.target());
        if self.inner.profile == HeaderProfile::Touch {
            headers.insert(
                header::USER_AGENT,
                HeaderValue::from_static(headers::TOUCH_USER_AGENT),
            );
            for (name, value) in headers::TOUCH {
                headers.insert(name, HeaderValue::from_static(value));
            }
            if let (false, Some(token)) = (login_flow, self.csrf_token(&url)) {
                let mut value = header_value(&token)?;
                value.set_sensitive(true);
                headers.insert("csrf-token", value);
            }
        } else if login_flow {
            for (name, value) in headers::LOGIN {
                headers.insert(name, HeaderValue::from_static(value));
            }
        } else {
            let identity = self.identity();
            headers.insert(header::USER_AGENT, header_value(&identity.user_agent)?);
            if let Some(track) = &identity.li_track {
                headers.insert("x-li-track", header_value(track)?);
            }
            for (name, value) in headers::WEB_FIXED {
                headers.insert(name, HeaderValue::from_static(value));
            }
            if let Some(token) = self.csrf_token(&url) {
                let mut value = header_value(&token)?;
                value.set_sensitive(true);
                headers.insert("csrf-token", value);
            }
        }
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(request.accept_encoding().as_str()),
        );
        if let Some(cookies) = self.cookie_header(&url) {
            let mut value = header_value(&cookies)?;
            value.set_sensitive(true);
            headers.insert(header::COOKIE, value);
        }
        for (name, value) in request.extra_headers() {
            if !is_reserved(name) {
                headers.insert(name.clone(), value.clone());
            }
        }
        let body = match request.body() {
            Some((content_type, bytes)) => {
                if !content_type.is_empty() {
                    headers.insert(header::CONTENT_TYPE, content_type.clone());
                }
                bytes.clone()
            }
            None => Bytes::new(),
        };
        builder
            .body(http_body_util::Full::new(body))
            .map_err(|e| Error::InvalidInput {
                field: "request",
                reason: e.to_string(),
            })
    }

    /// Stores the answer's cookies, then sorts it into success, an error, or worth a retry.
    /// The login flow reads its own 4xx answers (`login_result` may come with any status).
    fn classify(&self, request: &Request, mut answer: Answer, login_flow: bool) -> Verdict {
        let url = self.url_of(request.target());
        let wiped = self.store_cookies(&url, &answer.headers);
        answer.headers.remove(header::SET_COOKIE);
        let status = answer.status;
        let code = status.as_u16();
        let readable =
            status.is_success() || (login_flow && status.is_client_error() && code != 429);
        let error = match code {
            _ if readable => {
                if wiped && !login_flow {
                    return Verdict::Done(Err(Error::SessionExpired));
                }
                return Verdict::Done(Ok(Response {
                    status,
                    headers: answer.headers,
                    body: answer.body,
                    version: answer.version,
                }));
            }
            300..=399 => {
                let to = answer
                    .headers
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(|l| url.join(l).map_or_else(|_| l.to_owned(), String::from))
                    .unwrap_or_default();
                if is_challenge(&to) {
                    Error::Challenge { url: to }
                } else if wiped {
                    Error::SessionExpired
                } else {
                    Error::Redirected { to }
                }
            }
            401 => {
                if wiped || self.has_session_cookie() {
                    Error::SessionExpired
                } else {
                    Error::Unauthorized
                }
            }
            403 => Error::Forbidden {
                message: error_message(&answer.body),
            },
            410 => Error::Gone {
                path: request.path().to_owned(),
            },
            429 => {
                let retry_after = retry_after(&answer.headers);
                return Verdict::Retry {
                    error: Error::RateLimited { retry_after },
                    after: retry_after,
                    sent: true,
                };
            }
            502..=504 => {
                return Verdict::Retry {
                    error: Error::Status {
                        code,
                        body_excerpt: excerpt(&answer.body),
                    },
                    after: retry_after(&answer.headers),
                    sent: true,
                };
            }
            _ => Error::Status {
                code,
                body_excerpt: excerpt(&answer.body),
            },
        };
        Verdict::Done(Err(error))
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
        let jar = lock(&self.inner.jar);
        let mut out = String::new();
        for (name, value) in jar.get_request_values(url) {
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
        (!out.is_empty()).then_some(out)
    }

    /// Puts `set-cookie`s in the jar; true when one of them wipes `li_at` (LinkedIn ends a
    /// session with `li_at="delete me"` or an expired `li_at`).
    fn store_cookies(&self, url: &Url, headers: &HeaderMap) -> bool {
        let mut wiped = false;
        let mut cookies = Vec::new();
        for value in headers.get_all(header::SET_COOKIE) {
            let Ok(text) = value.to_str() else { continue };
            let Ok(cookie) = cookie::Cookie::parse(text.to_owned()) else {
                continue;
            };
            if cookie.name() == "li_at" {
                let value = cookie.value().trim_matches('"');
                let expired = cookie
                    .max_age()
                    .is_some_and(|a| a.is_zero() || a.is_negative())
                    || cookie
                        .expires_datetime()
                        .is_some_and(|t| t.unix_timestamp() <= crate::cookies::unix_now());
                if value == "delete me" || value.is_empty() || expired {
                    wiped = true;
                }
            }
            cookies.push(cookie.into_owned());
        }
        if !cookies.is_empty() {
            let mut jar = lock(&self.inner.jar);
            if wiped {
                // Whatever the attribute details, the session cookie is gone.
                let host = url.host_str().unwrap_or_default().to_owned();
                let gone: Vec<(String, String)> = jar
                    .iter_any()
                    .filter(|c| c.name() == "li_at")
                    .map(|c| {
                        (
                            c.domain().map_or_else(|| host.clone(), str::to_owned),
                            c.path().unwrap_or("/").to_owned(),
                        )
                    })
                    .collect();
                for (domain, path) in gone {
                    jar.remove(&domain, &path, "li_at");
                }
                cookies.retain(|c| c.name() != "li_at");
            }
            jar.store_response_cookies(cookies.into_iter(), url);
        }
        wiped
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

/// An answer as it came, before classification.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    version: http::Version,
}

enum Exchange {
    /// The request certainly did not leave: the connection was closed first.
    Unsent,
    Failed(Error),
    Answered(Answer),
}

fn header_value(text: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(text).map_err(|_| Error::InvalidInput {
        field: "header",
        reason: "a value holds a character not allowed in HTTP headers".to_owned(),
    })
}

/// Headers the transport owns.
fn is_reserved(name: &HeaderName) -> bool {
    name == header::HOST
        || name == header::COOKIE
        || name == header::CONTENT_LENGTH
        || name == header::TRANSFER_ENCODING
        || name.as_str() == "csrf-token"
}

/// A redirect to a security check rather than to a login page.
fn is_challenge(location: &str) -> bool {
    location.contains("/checkpoint/") || location.contains("challenge")
}

/// `Retry-After` in seconds (LinkedIn does not send HTTP dates).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// The `message` of LinkedIn's JSON error envelope, if any.
fn error_message(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        message: Option<String>,
    }
    serde_json::from_slice::<Envelope>(body).ok()?.message
}
