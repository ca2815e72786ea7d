//! A small connection pool for one origin, of our own over hyper's raw connections.
//!
//! - While the protocol is unknown, connecting is serialized: the first connection's ALPN
//!   answer decides. If it is HTTP/2, every request shares that one connection (multiplexed),
//!   as a browser tab does; a cold burst of concurrent calls opens one connection, not one each.
//! - If it is HTTP/1.1, idle connections are kept on a stack for reuse (most recent first),
//!   at most `max_http1` are open at once (further requests wait for one to come back), and
//!   connections idle for longer than `idle_timeout` are dropped when next looked at.
//! - A connection is given back only once its answer has been read whole; one whose request
//!   failed or timed out midway is dropped (hyper closes an HTTP/1.1 connection whose request
//!   future was dropped).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use hyper::client::conn::{http1, http2};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::connect::{Connection, Connector, Origin, ReqBody};
use crate::error::Error;

/// What the first connection told us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Protocol {
    Unknown,
    Http1,
    Http2,
}

struct State {
    protocol: Protocol,
    http2: Option<http2::SendRequest<ReqBody>>,
    idle: Vec<(http1::SendRequest<ReqBody>, Instant)>,
    /// HTTP/1.1 connections open, idle or in use.
    open_http1: usize,
}

/// The pool's settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PoolLimits {
    pub(crate) max_http1: usize,
    pub(crate) idle_timeout: Duration,
    pub(crate) connect_timeout: Duration,
}

pub(crate) struct Pool {
    /// How connections are opened (TCP, the proxy's tunnel, TLS, the HTTP handshake).
    connector: Connector,
    limits: PoolLimits,
    state: Mutex<State>,
    /// Woken when an HTTP/1.1 connection is given back or closed.
    returned: Notify,
    /// Held while connecting with the protocol unknown.
    first_connect: tokio::sync::Mutex<()>,
    opened: AtomicU64,
}

/// A connection lent for one request.
pub(crate) enum Lease<'a> {
    Http1(Http1Lease<'a>),
    Http2(http2::SendRequest<ReqBody>),
}

/// An HTTP/1.1 connection lent for one request: give it back with [`Http1Lease::release`]
/// once the answer is read whole; dropping it closes it.
pub(crate) struct Http1Lease<'a> {
    pub(crate) sender: Option<http1::SendRequest<ReqBody>>,
    pool: &'a Pool,
}

impl Http1Lease<'_> {
    /// Gives the connection back for reuse.
    pub(crate) fn release(mut self) {
        if let Some(sender) = self.sender.take() {
            if sender.is_closed() {
                self.pool.closed_one();
            } else {
                self.pool.lock().idle.push((sender, Instant::now()));
                self.pool.returned.notify_one();
            }
        }
    }
}

impl Http1Lease<'_> {
    /// Takes the connection out of the lease, for an answer read long after the lease ends (a
    /// stream): the caller must call [`Pool::closed_one`] when it is done with it, as it is
    /// never given back.
    pub(crate) fn detach(mut self) -> Option<http1::SendRequest<ReqBody>> {
        self.sender.take()
    }
}

impl Drop for Http1Lease<'_> {
    fn drop(&mut self) {
        if self.sender.take().is_some() {
            self.pool.closed_one();
        }
    }
}

/// What to do after looking at the state.
enum Next<'a> {
    Lease(Lease<'a>),
    /// An idle HTTP/1.1 connection to check before use.
    Check(http1::SendRequest<ReqBody>),
    /// Open another HTTP/1.1 connection (already counted).
    OpenHttp1,
    /// Open the first connection, which decides the protocol.
    OpenFirst,
    Wait,
}

impl Pool {
    pub(crate) fn new(connector: Connector, limits: PoolLimits) -> Self {
        Self {
            connector,
            limits: PoolLimits {
                max_http1: limits.max_http1.max(1),
                ..limits
            },
            state: Mutex::new(State {
                protocol: Protocol::Unknown,
                http2: None,
                idle: Vec::new(),
                open_http1: 0,
            }),
            returned: Notify::new(),
            first_connect: tokio::sync::Mutex::new(()),
            opened: AtomicU64::new(0),
        }
    }

    pub(crate) fn origin(&self) -> &Origin {
        self.connector.origin()
    }

    /// Connections opened so far.
    pub(crate) fn opened(&self) -> u64 {
        self.opened.load(Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // A panic while holding this lock leaves the state consistent (plain fields).
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Counts one HTTP/1.1 connection closed (one that was detached from its lease).
    pub(crate) fn closed_one(&self) {
        let mut state = self.lock();
        state.open_http1 = state.open_http1.saturating_sub(1);
        drop(state);
        self.returned.notify_one();
    }

    fn http1_lease(&self, sender: http1::SendRequest<ReqBody>) -> Lease<'_> {
        Lease::Http1(Http1Lease {
            sender: Some(sender),
            pool: self,
        })
    }

    fn next(&self) -> Next<'_> {
        let mut state = self.lock();
        if let Some(sender) = &state.http2 {
            if !sender.is_closed() {
                return Next::Lease(Lease::Http2(sender.clone()));
            }
            state.http2 = None;
            state.protocol = Protocol::Unknown;
        }
        while let Some((sender, since)) = state.idle.pop() {
            if sender.is_closed() || since.elapsed() > self.limits.idle_timeout {
                state.open_http1 = state.open_http1.saturating_sub(1);
                continue;
            }
            return Next::Check(sender);
        }
        match state.protocol {
            Protocol::Http1 if state.open_http1 < self.limits.max_http1 => {
                state.open_http1 += 1;
                Next::OpenHttp1
            }
            Protocol::Http1 => Next::Wait,
            Protocol::Unknown | Protocol::Http2 => Next::OpenFirst,
        }
    }

    /// Lends a connection: a shared HTTP/2 one, an idle HTTP/1.1 one, or a new one.
    pub(crate) async fn checkout(&self) -> Result<Lease<'_>, Error> {
        loop {
            // Register for a wake-up before looking, so a connection given back between the
            // look and the wait is not missed.
            let returned = self.returned.notified();
            tokio::pin!(returned);
            returned.as_mut().enable();
            match self.next() {
                Next::Lease(lease) => return Ok(lease),
                Next::Check(mut sender) => {
                    // The previous answer was read whole; the connection is ready once hyper
                    // has seen that, or closed if the server hung up meanwhile.
                    if sender.ready().await.is_ok() {
                        return Ok(self.http1_lease(sender));
                    }
                    self.closed_one();
                }
                Next::OpenHttp1 => match self.open().await {
                    Ok(Connection::Http1(sender)) => return Ok(self.http1_lease(sender)),
                    Ok(Connection::Http2(sender)) => {
                        self.closed_one();
                        return Ok(self.keep_http2(sender));
                    }
                    Err(e) => {
                        self.closed_one();
                        return Err(e);
                    }
                },
                Next::OpenFirst => {
                    let _guard = self.first_connect.lock().await;
                    // Someone else may have connected while we waited for the lock.
                    if !matches!(self.peek_protocol(), Protocol::Unknown | Protocol::Http2)
                        || self.has_http2()
                    {
                        continue;
                    }
                    match self.open().await? {
                        Connection::Http2(sender) => return Ok(self.keep_http2(sender)),
                        Connection::Http1(sender) => {
                            let mut state = self.lock();
                            state.protocol = Protocol::Http1;
                            state.open_http1 += 1;
                            drop(state);
                            return Ok(self.http1_lease(sender));
                        }
                    }
                }
                Next::Wait => returned.await,
            }
        }
    }

    fn peek_protocol(&self) -> Protocol {
        self.lock().protocol
    }

    fn has_http2(&self) -> bool {
        self.lock().http2.as_ref().is_some_and(|s| !s.is_closed())
    }

    fn keep_http2(&self, sender: http2::SendRequest<ReqBody>) -> Lease<'_> {
        let mut state = self.lock();
        state.protocol = Protocol::Http2;
        state.http2 = Some(sender.clone());
        Lease::Http2(sender)
    }

    async fn open(&self) -> Result<Connection, Error> {
        let conn = self.connector.open(self.limits.connect_timeout).await?;
        let n = self.opened.fetch_add(1, Ordering::Relaxed) + 1;
        tracing::debug!(
            host = %self.origin().authority(),
            proxy = self.connector.proxy(),
            http2 = matches!(conn, Connection::Http2(_)),
            opened = n,
            "connection opened"
        );
        Ok(conn)
    }
}
