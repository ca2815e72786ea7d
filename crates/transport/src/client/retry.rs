//! One call from start to end: the total deadline, a renewal of an expired session, pacing,
//! and retries with exponential backoff and jitter, only for what is safe to send again:
//!
//! - a request that certainly did not leave (no connection, a connection closed before it was
//!   written) may always go again;
//! - one that may have reached LinkedIn goes again only when it is idempotent: a write cut
//!   off after it left is reported as [`Error::Interrupted`], never repeated;
//! - a `Retry-After` longer than [`RetryPolicy::max_retry_after`] is reported at once;
//! - a 500 is retried once: a second 500 in one call is a lasting fault (a GraphQL queryId
//!   LinkedIn no longer knows answers a hard 500 every time, peers-2026.md §4), given to the
//!   caller at once rather than after the whole backoff.

use std::sync::atomic::Ordering;
use std::time::Duration;

use backon::BackoffBuilder;
use tokio::time::Instant;
use tracing::Instrument;

use super::Transport;
use super::classify::Verdict;
use super::exchange::AttemptError;
use crate::error::{Error, TimeoutPhase};
use crate::request::{Idempotency, Request, Response};

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

impl Transport {
    /// Sends a request: paced, over a pooled connection, with LinkedIn's headers, cookies
    /// and `csrf-token`; the answer classified; idempotent requests retried on connection
    /// errors, 429 (after `Retry-After`), 502/503/504 and, once, 500; an expired session
    /// renewed once when a password was given to [`login`](Self::login). A 401 that kept the
    /// cookie is checked with one session check first: when the session is alive, it is this
    /// request LinkedIn refused, given as [`Error::Status`] 401 (nothing is renewed).
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
                Err(Error::SessionExpired) if self.session_alive_after_401(&request).await => {
                    Err(Error::Status {
                        code: 401,
                        endpoint: request.name(),
                        body_excerpt: String::new(),
                        reason: Some(crate::error::Reason::new(
                            None,
                            Some(
                                "the session check passed: LinkedIn refused this request alone"
                                    .to_owned(),
                            ),
                        )),
                    })
                }
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

    /// Whether the session is alive though `request` was answered 401 with the cookie kept
    /// (no wipe): LinkedIn answers a GraphQL query with a wrong hash so (peers-2026.md §4).
    /// One session check says; a wiped cookie or a tripped breaker says no without sending.
    async fn session_alive_after_401(&self, request: &Request) -> bool {
        let Some(verify) = self.inner.verify_path.as_deref() else {
            return false;
        };
        if request.path() == verify || !self.has_session_cookie() {
            return false;
        }
        self.verify().await.is_ok()
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
        let mut had_500 = false;
        loop {
            attempt += 1;
            // A retry is another request on the wire, but the same action.
            let action = if attempt == 1 {
                request.counted_as()
            } else {
                None
            };
            let account = self.governed_account();
            self.inner.governor.admit(&account, action).await?;
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
                let span = tracing::Span::current();
                let verdict = match self.attempt(request, login_flow).await {
                    // Every answer's status in the request's line (`-v`), an error's too.
                    Ok(answer) => {
                        span.record("status", answer.status.as_u16());
                        self.record(request, &answer, attempt);
                        self.classify(request, answer, login_flow)
                    }
                    Err(AttemptError { error, sent }) => Verdict::Retry {
                        error,
                        after: None,
                        sent,
                    },
                };
                span.record("elapsed_ms", started.elapsed().as_millis() as u64);
                match &verdict {
                    Verdict::Done(Ok(r)) => {
                        tracing::debug!(bytes = r.body.len(), "answered");
                    }
                    Verdict::Done(Err(e))
                    | Verdict::Retry { error: e, .. }
                    | Verdict::Trip { error: e, .. } => {
                        tracing::debug!(error = %e, "request failed");
                    }
                }
                verdict
            }
            .instrument(span)
            .await;
            let (error, after, sent) = match verdict {
                Verdict::Done(result) => return result,
                Verdict::Trip { error, reason, url } => {
                    // The account is what is at stake: a failure to record the trip must not
                    // hide the challenge itself, so it is logged and the challenge returned.
                    if let Err(e) = self.inner.governor.trip(&account, reason, url).await {
                        tracing::error!(error = %e, "could not record the tripped breaker");
                    }
                    return Err(error);
                }
                Verdict::Retry { error, after, sent } => (error, after, sent),
            };
            let safe = !sent || request.idempotency() == Idempotency::Idempotent;
            // A proxy that refused the tunnel (407, 403) refuses it again; 502 to 504 may pass.
            let permanent = match &error {
                Error::Tls { .. } | Error::InvalidInput { .. } => true,
                Error::ProxyRefused { .. } => !error.is_transient(),
                _ => false,
            };
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
            if matches!(error, Error::Status { code: 500, .. }) {
                if had_500 {
                    return Err(error);
                }
                had_500 = true;
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
}
