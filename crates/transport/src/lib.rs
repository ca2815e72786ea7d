//! HTTP for LinkedIn's private APIs (Voyager and the mobile "touch" API), over raw hyper 1.x.
//!
//! - **Connections**: a small pool of our own per origin: HTTP/2 when ALPN offers it (every
//!   request multiplexed over one connection, as a browser tab does), otherwise kept-alive
//!   HTTP/1.1 connections (at most 6); idle ones evicted; connect, request and total timeouts.
//!   TLS is rustls with ring (through hyper-rustls's connector) and the webpki roots, plus
//!   any authority you add (the sandbox's); verification cannot be turned off. An HTTP
//!   [`Proxy`] may carry every connection (a `CONNECT` tunnel). gzip and br answers are
//!   decoded.
//! - **LinkedIn's rules**: the web app's headers, a browser-like cookie jar, `csrf-token` taken
//!   from `JSESSIONID`; login with a password, browser cookies or a saved session, each checked
//!   with one authenticated request; sessions saved (by default as JSON files with mode 0600) in an [`AccountStore`].
//! - **The account's safety**: a [`Governor`] per account, shared by every process through a
//!   locked file beside the saved session (or any [`AccountStore`]): pacing with jitter, an
//!   hourly request budget, daily budgets per action (connection requests, messages, ...;
//!   all off for loopback base URLs such as the sandbox), and a circuit breaker that a
//!   challenge, an authwall, a cookie wipe or a 999 trips until the next login.
//!   `Retry-After` is honoured, and only requests that are safe to repeat are retried, with
//!   exponential backoff: a message is never sent twice.
//! - **Errors**: one [`Error`] whose variants say what happened and what to do. Passwords,
//!   `li_at` and `JSESSIONID` never appear in `Debug`, errors or logs.
//!
//! ```no_run
//! use linkedin_transport::{FileStore, Login, Request, Transport};
//!
//! # async fn run() -> linkedin_transport::Result<()> {
//! let transport = Transport::builder("https://www.linkedin.com")
//!     .store(FileStore::default_location()?)
//!     .build()?;
//! transport.login(Login::password("me@example.com", "my password")).await?;
//! let me = transport.send(Request::get("/voyager/api/me")).await?;
//! assert!(me.status().is_success());
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

mod body;
mod client;
mod connect;
pub mod cookies;
pub mod error;
mod governor;
mod headers;
mod login;
mod pacing;
mod pool;
mod proxy;
mod request;
mod session;
mod store;

pub use client::{
    LINKEDIN_CDN, Recorded, RetryPolicy, StreamingResponse, Timeouts, Transport, TransportBuilder,
};
pub use error::{BoxError, Error, Reason, Result, TimeoutPhase};
pub use governor::{
    Action, BudgetReport, DailyUse, Governor, GovernorState, Limits, Trip, TripReason,
};
pub use headers::{HeaderProfile, TOUCH_USER_AGENT, WEB_LI_TRACK, WEB_USER_AGENT};
pub use login::{LoggedIn, Login, TOUCH_VERIFY_PATH, VERIFY_PATH};
pub use pacing::{Budget, Pacing};
pub use proxy::Proxy;
pub use request::{Accept, Idempotency, Request, Response};
pub use session::SavedSession;
pub use store::{AccountStore, FileStore, GovernorChange, MemoryStore, SESSION_DIR_ENV};
