//! Pacing that protects the account: a short burst is allowed (a page of the web app fires a
//! few requests at once), then requests are spaced by an interval plus random jitter; and a
//! request budget per rolling hour, since LinkedIn challenges sessions that make roughly 900
//! requests in an hour.
//!
//! Built over `tokio::time`, so tests with paused time run instantly.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::Error;

/// How requests are spaced.
///
/// ```
/// use std::time::Duration;
/// use linkedin_transport::Pacing;
///
/// let gentle = Pacing::new(3, Duration::from_secs(2), Duration::from_millis(1500));
/// assert_eq!(gentle.burst(), 3);
/// assert!(Pacing::off().is_off());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pacing {
    burst: u32,
    interval: Duration,
    jitter: Duration,
}

impl Pacing {
    /// Up to `burst` requests at once, then one per `interval` plus a random part of `jitter`.
    #[must_use]
    pub fn new(burst: u32, interval: Duration, jitter: Duration) -> Self {
        Self {
            burst: burst.max(1),
            interval,
            jitter,
        }
    }

    /// No spacing (the default for loopback base URLs such as the sandbox).
    #[must_use]
    pub fn off() -> Self {
        Self::new(1, Duration::ZERO, Duration::ZERO)
    }

    /// The default for linkedin.com: bursts of 4, then one request every 2 to 4 seconds, close
    /// to the 2 to 5 seconds between requests of the Python client, without its stall on every
    /// single call.
    #[must_use]
    pub fn linkedin() -> Self {
        Self::new(4, Duration::from_secs(2), Duration::from_secs(2))
    }

    /// Requests allowed at once.
    #[must_use]
    pub fn burst(&self) -> u32 {
        self.burst
    }

    /// Whether requests are not spaced at all.
    #[must_use]
    pub fn is_off(&self) -> bool {
        self.interval.is_zero() && self.jitter.is_zero()
    }
}

/// A cap on requests per rolling hour, with a warning as it nears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Requests allowed per rolling hour; `None` for no cap.
    pub per_hour: Option<u64>,
    /// Warn (a `tracing` warning) once this many were made in the hour.
    pub warn_at: Option<u64>,
}

impl Budget {
    /// No cap and no warning.
    #[must_use]
    pub fn unlimited() -> Self {
        Self {
            per_hour: None,
            warn_at: None,
        }
    }

    /// The default for linkedin.com: a warning at 700 requests in an hour and a stop at 850,
    /// under the roughly 900 after which LinkedIn was seen to challenge sessions.
    #[must_use]
    pub fn linkedin() -> Self {
        Self {
            per_hour: Some(850),
            warn_at: Some(700),
        }
    }
}

const HOUR: Duration = Duration::from_secs(3600);

/// The pacer of one transport.
#[derive(Debug)]
pub(crate) struct Pacer {
    pacing: Pacing,
    budget: Budget,
    state: Mutex<PacerState>,
}

#[derive(Debug)]
struct PacerState {
    /// When the next request would be on schedule if no burst were allowed.
    schedule: Option<Instant>,
    /// Start times of the requests of the last hour (only kept when a budget is set).
    recent: VecDeque<Instant>,
    warned: bool,
    rng: fastrand::Rng,
}

impl Pacer {
    pub(crate) fn new(pacing: Pacing, budget: Budget) -> Self {
        Self {
            pacing,
            budget,
            state: Mutex::new(PacerState {
                schedule: None,
                recent: VecDeque::new(),
                warned: false,
                rng: fastrand::Rng::new(),
            }),
        }
    }

    /// Takes a place for one request: counts it against the budget, then waits its turn.
    pub(crate) async fn admit(&self) -> Result<(), Error> {
        let wait = {
            let mut state = self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let now = Instant::now();
            self.count(&mut state, now)?;
            self.reserve(&mut state, now)
        };
        if let Some(at) = wait {
            tracing::trace!(wait_ms = (at - Instant::now()).as_millis() as u64, "pacing");
            tokio::time::sleep_until(at).await;
        }
        Ok(())
    }

    /// Requests made in the last hour (counted only when a budget is set).
    pub(crate) fn used(&self) -> u64 {
        let state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.recent.len() as u64
    }

    fn count(&self, state: &mut PacerState, now: Instant) -> Result<(), Error> {
        if self.budget.per_hour.is_none() && self.budget.warn_at.is_none() {
            return Ok(());
        }
        while state
            .recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= HOUR)
        {
            state.recent.pop_front();
        }
        let used = state.recent.len() as u64;
        if self.budget.per_hour.is_some_and(|cap| used >= cap) {
            return Err(Error::BudgetExhausted { used });
        }
        if let Some(warn_at) = self.budget.warn_at {
            if used + 1 >= warn_at && !state.warned {
                state.warned = true;
                tracing::warn!(
                    used = used + 1,
                    cap = self.budget.per_hour,
                    "this session is nearing LinkedIn's hourly request threshold; slow down"
                );
            } else if used + 1 < warn_at {
                state.warned = false;
            }
        }
        state.recent.push_back(now);
        Ok(())
    }

    /// A generic cell rate: each request moves the schedule by interval + jitter; a request may
    /// run ahead of the schedule by `burst - 1` intervals.
    fn reserve(&self, state: &mut PacerState, now: Instant) -> Option<Instant> {
        if self.pacing.is_off() {
            return None;
        }
        let jitter = if self.pacing.jitter.is_zero() {
            Duration::ZERO
        } else {
            let nanos = u64::try_from(self.pacing.jitter.as_nanos()).unwrap_or(u64::MAX);
            Duration::from_nanos(state.rng.u64(0..=nanos))
        };
        let schedule = state.schedule.map_or(now, |s| s.max(now));
        let ahead = self.pacing.interval * (self.pacing.burst - 1);
        let start = schedule.checked_sub(ahead).map_or(now, |s| s.max(now));
        state.schedule = Some(schedule + self.pacing.interval + jitter);
        (start > now).then_some(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_goes_at_once_then_requests_are_spaced() {
        let pacer = Pacer::new(
            Pacing::new(3, Duration::from_secs(2), Duration::ZERO),
            Budget::unlimited(),
        );
        let t0 = Instant::now();
        let mut starts = Vec::new();
        for _ in 0..6 {
            pacer.admit().await.expect("no budget");
            starts.push((Instant::now() - t0).as_secs());
        }
        assert_eq!(starts, [0, 0, 0, 2, 4, 6]);
    }

    #[tokio::test(start_paused = true)]
    async fn jitter_stays_within_its_bound() {
        let pacer = Pacer::new(
            Pacing::new(1, Duration::from_secs(2), Duration::from_secs(2)),
            Budget::unlimited(),
        );
        let mut last = Instant::now();
        pacer.admit().await.expect("no budget");
        let mut gaps = Vec::new();
        for _ in 0..50 {
            pacer.admit().await.expect("no budget");
            gaps.push(Instant::now() - last);
            last = Instant::now();
        }
        assert!(
            gaps[1..]
                .iter()
                .all(|g| *g >= Duration::from_secs(2) && *g <= Duration::from_secs(4))
        );
        assert!(
            gaps.iter().any(|g| *g > Duration::from_millis(2100)),
            "jitter is random"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn the_budget_stops_requests_and_frees_up_after_an_hour() {
        let pacer = Pacer::new(
            Pacing::off(),
            Budget {
                per_hour: Some(5),
                warn_at: Some(4),
            },
        );
        for _ in 0..5 {
            pacer.admit().await.expect("within budget");
        }
        assert!(matches!(
            pacer.admit().await,
            Err(Error::BudgetExhausted { used: 5 })
        ));
        tokio::time::advance(HOUR).await;
        pacer.admit().await.expect("a new hour");
        assert_eq!(pacer.used(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn pacing_off_never_waits() {
        let pacer = Pacer::new(Pacing::off(), Budget::unlimited());
        let t0 = Instant::now();
        for _ in 0..100 {
            pacer.admit().await.expect("no budget");
        }
        assert_eq!(Instant::now(), t0);
    }
}
