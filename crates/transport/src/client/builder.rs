//! Building a [`Transport`]: the settings, checked once by [`TransportBuilder::build`].

use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cookie_store::CookieStore;
use http::header::HeaderValue;
use rustls_pki_types::CertificateDer;
use url::Url;

use super::{Auth, Identity, Inner, RetryPolicy, Timeouts, Transport};
use crate::connect::{Connector, Origin};
use crate::error::Error;
use crate::governor::{Action, Governor, Limits};
use crate::headers::{self, HeaderProfile};
use crate::pacing::{Budget, Pacing};
use crate::pool::{Pool, PoolLimits};
use crate::proxy::Proxy;
use crate::store::{AccountStore, MemoryStore};

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
    pub(super) resolve: Option<SocketAddr>,
    extra_roots: Vec<CertificateDer<'static>>,
    timeouts: Timeouts,
    retries: RetryPolicy,
    pacing: Option<Pacing>,
    pub(super) min_interval: Option<Duration>,
    budget: Option<Budget>,
    pub(super) daily: Vec<(Action, u32)>,
    trust_checked: Duration,
    max_http1_connections: usize,
    idle_timeout: Duration,
    max_body: usize,
    user_agent: String,
    li_track: Option<String>,
    pub(super) store: Option<Arc<dyn AccountStore>>,
    profile: HeaderProfile,
    verify_path: Option<String>,
    native_roots: bool,
    proxy: Option<Proxy>,
    /// A transport for public assets on another host (`assets`): no cookie, no token.
    pub(super) asset_host: bool,
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

    /// Opens every connection through this HTTP proxy (a `CONNECT` tunnel, also for `http`
    /// base URLs); `None` (the default) connects directly. The transport never reads
    /// `HTTPS_PROXY` and the like itself: pass [`Proxy::from_env`] here for that. A base URL
    /// whose host the proxy's [`no_proxy`](Proxy::no_proxy) list names is reached directly.
    ///
    /// With [`resolve`](Self::resolve) as well, the tunnel goes to the address given there
    /// (the proxy resolves nothing). Pacing is decided by the base URL as without a proxy:
    /// a sandbox on loopback stays unpaced behind one.
    ///
    /// ```
    /// use linkedin_transport::{Proxy, Transport};
    ///
    /// let transport = Transport::builder("https://www.linkedin.com")
    ///     .proxy(Some(Proxy::new("http://proxy.example:3128")?))
    ///     .build()?;
    /// # Ok::<(), linkedin_transport::Error>(())
    /// ```
    pub fn proxy(mut self, proxy: Option<Proxy>) -> Self {
        self.proxy = proxy;
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

    /// At least `interval` between two requests of the account, one at a time, over the
    /// pacing (the default or [`pacing`](Self::pacing)'s): never faster than it, since its
    /// longer interval and its jitter stay. Every process of the account shares the schedule.
    ///
    /// ```
    /// use std::time::Duration;
    /// use linkedin_transport::{Pacing, Transport};
    ///
    /// let sandbox = Transport::builder("http://127.0.0.1:9")
    ///     .min_interval(Duration::from_millis(250))
    ///     .build()?;
    /// let paced = Pacing::new(1, Duration::from_millis(250), Duration::ZERO);
    /// assert_eq!(sandbox.limits().pacing, paced, "loopback is not paced but for this");
    /// let linkedin = Transport::builder("https://www.linkedin.com")
    ///     .min_interval(Duration::from_secs(1))
    ///     .build()?;
    /// let slowest = Pacing::new(1, Duration::from_secs(2), Duration::from_secs(2));
    /// assert_eq!(linkedin.limits().pacing, slowest, "never faster than the default");
    /// # Ok::<(), linkedin_transport::Error>(())
    /// ```
    pub fn min_interval(mut self, interval: Duration) -> Self {
        self.min_interval = Some(interval);
        self
    }

    /// Requests per rolling hour. Default: [`Budget::linkedin`], or unlimited on loopback.
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// At most `limit` requests of `action` per rolling day (`0` forbids it), over the
    /// default ([`Limits::linkedin`]'s, or none on loopback).
    pub fn daily_limit(mut self, action: Action, limit: u32) -> Self {
        self.daily.push((action, limit));
        self
    }

    /// How long a saved session that LinkedIn accepted is trusted without a new session
    /// check (`GET /voyager/api/me`) when it is resumed. Default 10 minutes, so that a series
    /// of commands sends one check, not one each; `Duration::ZERO` checks every time. A
    /// trusted session that LinkedIn refused since is found by the first request (a 401, the
    /// authwall or a cookie wipe), reported or renewed as usual.
    pub fn trust_checked_session(mut self, trust: Duration) -> Self {
        self.trust_checked = trust;
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

    /// Where each account's session is saved after a login and looked for before one, and
    /// where the governor keeps its pacing, budgets and breaker: usually a
    /// [`FileStore`](crate::FileStore) (shared by every process of the account), or your own
    /// [`AccountStore`] (an `Arc` of one can be shared by several transports). Without a
    /// store, nothing is saved and the governor's state lasts as long as the transport.
    pub fn store(mut self, store: impl AccountStore + 'static) -> Self {
        self.store = Some(Arc::new(store));
        self
    }

    /// Checks the settings and makes the transport (no connection is opened yet).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a base URL that is not `http(s)://host[:port]` (or whose
    /// host cannot be a TLS server name), or a bad header value or certificate.
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
            // Checked here, so that a name TLS cannot use is refused before anything is sent.
            rustls_pki_types::ServerName::try_from(origin.host.as_str()).map_err(|e| {
                Error::InvalidInput {
                    field: "host",
                    reason: e.to_string(),
                }
            })?;
            Some(crate::connect::tls_config(
                &self.extra_roots,
                self.native_roots,
            )?)
        } else {
            None
        };
        let assets = super::assets::Assets::new(&self, &base, origin.is_loopback());
        let proxy = self
            .proxy
            .filter(|proxy| !proxy.bypasses(&origin.host, origin.port));
        let loopback = origin.is_loopback();
        let pacing = self.pacing.unwrap_or(if loopback {
            Pacing::off()
        } else {
            Pacing::linkedin()
        });
        let pacing = match self.min_interval {
            Some(min) => Pacing::new(1, pacing.interval().max(min), pacing.jitter()),
            None => pacing,
        };
        let budget = self.budget.unwrap_or(if loopback {
            Budget::unlimited()
        } else {
            Budget::linkedin()
        });
        let mut per_day = if loopback {
            Limits::unlimited().per_day
        } else {
            Limits::linkedin().per_day
        };
        per_day.extend(self.daily.iter().map(|(a, n)| (*a, *n)));
        let limits = Limits {
            pacing,
            budget,
            per_day,
        };
        // The account's governor state lives with its saved session, so that every process
        // of the account shares it; without a store, in this transport only.
        let governed: Arc<dyn AccountStore> = match &self.store {
            Some(store) => store.clone(),
            None => Arc::new(MemoryStore::default()),
        };
        let pool = Pool::new(
            Connector::new(origin, tls, proxy)?,
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
                governor: Governor::new(governed, limits),
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
                store: self.store,
                sent: AtomicU64::new(0),
                profile: self.profile,
                verify_path: self.verify_path,
                verified: Mutex::new(None),
                verified_at: Mutex::new(None),
                trust_checked: self.trust_checked,
                recorder: Mutex::new(None),
                assets,
                asset_host: self.asset_host,
            }),
        })
    }
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
            min_interval: None,
            budget: None,
            daily: Vec::new(),
            trust_checked: Duration::from_secs(600),
            max_http1_connections: 6,
            idle_timeout: Duration::from_secs(60),
            max_body: 64 << 20,
            user_agent: headers::WEB_USER_AGENT.to_owned(),
            li_track: Some(headers::WEB_LI_TRACK.to_owned()),
            store: None,
            asset_host: false,
            profile: HeaderProfile::Web,
            verify_path: Some(crate::login::VERIFY_PATH.to_owned()),
            native_roots: false,
            proxy: None,
        }
    }
}
