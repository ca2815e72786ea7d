//! Pacing that protects the account: a short burst is allowed (a page of the web app fires a
//! few requests at once), then requests are spaced by an interval plus random jitter; and a
//! request budget per rolling hour, since LinkedIn challenges sessions that make roughly 900
//! requests in an hour. The [`Governor`](crate::Governor) applies both, for all processes of
//! an account.

use std::time::Duration;

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

    /// The interval between requests after the burst.
    #[must_use]
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// The random part added to each interval, at most.
    #[must_use]
    pub fn jitter(&self) -> Duration {
        self.jitter
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
