//! The account's governor: pacing, budgets and a circuit breaker that hold across processes.
//!
//! LinkedIn restricts accounts that act too much, and a shell loop of commands is as many
//! processes as commands. So what protects the account lives with the account, not with a
//! process: a [`GovernorState`] per account in an [`AccountStore`] (by default a file beside
//! the saved session, locked while it is read and written), and every request of every process
//! passes [`Governor::admit`] first.
//!
//! The rules, decided under the store's lock (async work, the wait for a paced slot, after it):
//! 1. A tripped breaker refuses everything ([`Error::Tripped`]) until the user logs in again
//!    or resets it. It trips on a challenge, an authwall or checkpoint redirect, a cookie wipe,
//!    or a 999 ([`TripReason`]).
//! 2. A rolling hour holds at most [`Budget::per_hour`] requests ([`Error::BudgetExhausted`]
//!    with the time a place frees up).
//! 3. A write or a counted read of an [`Action`] holds at most its daily limit in a rolling day
//!    ([`Error::DailyBudgetSpent`]; a limit of `0` forbids the action).
//! 4. Requests are spaced by [`Pacing`]: a burst, then an interval plus jitter, one schedule for
//!    all processes of the account.
//!
//! A refused request is refused before anything is sent, and is not counted.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::pacing::{Budget, Pacing};
use crate::store::AccountStore;

const HOUR_MS: u64 = 3_600_000;
const DAY_MS: u64 = 24 * HOUR_MS;

/// What a request does, for the daily budgets: the writes LinkedIn watches, and the reads that
/// get accounts restricted in bulk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// A connection request.
    Invitation,
    /// A message sent.
    Message,
    /// A reaction or a comment.
    Engagement,
    /// A follow or an unfollow.
    Follow,
    /// A post.
    Post,
    /// A profile looked at.
    ProfileView,
    /// A search page.
    Search,
}

impl Action {
    /// Every action, in order.
    pub const ALL: [Action; 7] = [
        Action::Invitation,
        Action::Message,
        Action::Engagement,
        Action::Follow,
        Action::Post,
        Action::ProfileView,
        Action::Search,
    ];

    /// Whether it changes something on LinkedIn (everything but a profile view and a
    /// search page).
    #[must_use]
    pub fn is_write(self) -> bool {
        !matches!(self, Action::ProfileView | Action::Search)
    }

    /// Its name, as the CLI and the state file write it (`invitation`, `profile_view`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Invitation => "invitation",
            Action::Message => "message",
            Action::Engagement => "engagement",
            Action::Follow => "follow",
            Action::Post => "post",
            Action::ProfileView => "profile_view",
            Action::Search => "search",
        }
    }
}

impl std::str::FromStr for Action {
    type Err = String;

    /// An action by its name (`invitation`, `message`, `engagement`, `follow`, `post`,
    /// `profile_view`, `search`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.as_str()).collect();
                format!("{s:?} is not an action; one of {}", names.join(", "))
            })
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The limits the governor applies to one account.
///
/// ```
/// use linkedin_transport::{Action, Limits};
///
/// let careful = Limits::linkedin().daily(Action::Invitation, 10).daily(Action::Post, 0);
/// assert_eq!(careful.daily_limit(Action::Invitation), Some(10));
/// assert_eq!(careful.daily_limit(Action::Post), Some(0), "0 forbids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// How requests are spaced.
    pub pacing: Pacing,
    /// Requests per rolling hour.
    pub budget: Budget,
    /// Per-action limits per rolling day; an action not in the map is not limited.
    pub per_day: BTreeMap<Action, u32>,
}

impl Limits {
    /// For linkedin.com: [`Pacing::linkedin`], [`Budget::linkedin`], and daily limits from the
    /// figures users report (`shared/reference/peers-2026.md` §5): 20 connection requests,
    /// 50 messages, 100 reactions and comments, 50 follows, 5 posts, 250 profile views and 250
    /// search pages (a new account was restricted after about 1,200 lookups in hours).
    #[must_use]
    pub fn linkedin() -> Self {
        Self {
            pacing: Pacing::linkedin(),
            budget: Budget::linkedin(),
            per_day: BTreeMap::from([
                (Action::Invitation, 20),
                (Action::Message, 50),
                (Action::Engagement, 100),
                (Action::Follow, 50),
                (Action::Post, 5),
                (Action::ProfileView, 250),
                (Action::Search, 250),
            ]),
        }
    }

    /// No pacing and no limits (the default on loopback, for the sandbox).
    #[must_use]
    pub fn unlimited() -> Self {
        Self {
            pacing: Pacing::off(),
            budget: Budget::unlimited(),
            per_day: BTreeMap::new(),
        }
    }

    /// With `action` limited to `limit` a rolling day (`0` forbids it).
    #[must_use]
    pub fn daily(mut self, action: Action, limit: u32) -> Self {
        self.per_day.insert(action, limit);
        self
    }

    /// The daily limit of `action`, if it has one.
    #[must_use]
    pub fn daily_limit(&self, action: Action) -> Option<u32> {
        self.per_day.get(&action).copied()
    }
}

/// Why the breaker tripped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TripReason {
    /// LinkedIn asked for a security check.
    Challenge,
    /// An API call was redirected to the authwall or a login page.
    Authwall,
    /// LinkedIn wiped the session cookie (`li_at="delete me"`).
    CookieWipe,
    /// LinkedIn answered 999 (its answer to traffic it takes for a bot).
    Status999,
}

impl fmt::Display for TripReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TripReason::Challenge => "LinkedIn asked for a security check",
            TripReason::Authwall => "LinkedIn sent an API call to its authwall",
            TripReason::CookieWipe => "LinkedIn wiped the session cookie",
            TripReason::Status999 => "LinkedIn answered 999 (taken for a bot)",
        })
    }
}

/// A tripped breaker: what happened, when, and where the check is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trip {
    /// What happened.
    pub reason: TripReason,
    /// When (ms since the epoch).
    pub at_ms: u64,
    /// The challenge or redirect URL, when there was one.
    pub url: Option<String>,
}

/// What the governor keeps of one account, shared by all its processes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GovernorState {
    /// When the next request is due on the pacing schedule (ms since the epoch).
    pub schedule_ms: Option<u64>,
    /// When each request of the last hour started (ms since the epoch).
    pub recent: Vec<u64>,
    /// When each counted action of the last day happened, by action.
    pub actions: BTreeMap<Action, Vec<u64>>,
    /// The breaker, when tripped.
    pub breaker: Option<Trip>,
}

impl GovernorState {
    /// What of the state must survive a crash of the machine, not only of a process: the
    /// breaker, and the writes counted (see [`Action::is_write`]). The request times and the
    /// reads counted may lose their last seconds.
    pub(crate) fn durable_part(&self) -> (Option<Trip>, Vec<(Action, Vec<u64>)>) {
        let writes = self
            .actions
            .iter()
            .filter(|(action, _)| action.is_write())
            .map(|(action, times)| (*action, times.clone()))
            .collect();
        (self.breaker.clone(), writes)
    }
}

/// What is used and left of an account's limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BudgetReport {
    /// Requests in the last hour.
    pub hour_used: u64,
    /// The hourly cap, if any.
    pub hour_limit: Option<u64>,
    /// Per action: used in the last day, and its limit.
    pub per_day: Vec<DailyUse>,
    /// The breaker, when tripped.
    pub breaker: Option<Trip>,
}

/// One action's use in the last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DailyUse {
    /// The action.
    pub action: Action,
    /// How many in the last 24 hours.
    pub used: u32,
    /// Its limit, if it has one (`0` forbids it).
    pub limit: Option<u32>,
}

/// The time now, in ms since the epoch.
pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Decides one request at `now` under the account's lock: refuses it, or counts it and gives
/// when it may start. `jitter_ms` is this request's random part of the pacing jitter.
pub(crate) fn decide(
    state: &mut GovernorState,
    limits: &Limits,
    action: Option<Action>,
    now: u64,
    jitter_ms: u64,
) -> Result<u64, Error> {
    if let Some(trip) = &state.breaker {
        return Err(Error::Tripped {
            reason: trip.reason.clone(),
            url: trip.url.clone(),
            at_ms: trip.at_ms,
        });
    }
    state.recent.retain(|t| now.saturating_sub(*t) < HOUR_MS);
    for times in state.actions.values_mut() {
        times.retain(|t| now.saturating_sub(*t) < DAY_MS);
    }
    state.actions.retain(|_, times| !times.is_empty());
    let used = state.recent.len() as u64;
    if limits.budget.per_hour.is_some_and(|cap| used >= cap) {
        let oldest = state.recent.iter().min().copied().unwrap_or(now);
        return Err(Error::BudgetExhausted {
            used,
            frees_in: Duration::from_millis((oldest + HOUR_MS).saturating_sub(now)),
        });
    }
    if let Some((action, limit)) = action.and_then(|a| Some((a, limits.daily_limit(a)?))) {
        let times = state.actions.get(&action).map_or(&[][..], Vec::as_slice);
        if times.len() as u64 >= u64::from(limit) {
            let oldest = times.iter().min().copied().unwrap_or(now);
            return Err(Error::DailyBudgetSpent {
                action,
                limit,
                frees_in: (limit > 0)
                    .then(|| Duration::from_millis((oldest + DAY_MS).saturating_sub(now))),
            });
        }
    }
    let start = reserve(state, &limits.pacing, now, jitter_ms);
    state.recent.push(start);
    if let Some(action) = action {
        state.actions.entry(action).or_default().push(start);
    }
    Ok(start)
}

/// A generic cell rate, one schedule for the account: each request moves the schedule by the
/// interval plus jitter; a request may run ahead of it by `burst - 1` intervals.
fn reserve(state: &mut GovernorState, pacing: &Pacing, now: u64, jitter_ms: u64) -> u64 {
    if pacing.is_off() {
        return now;
    }
    let interval = u64::try_from(pacing.interval().as_millis()).unwrap_or(u64::MAX);
    let schedule = state.schedule_ms.map_or(now, |s| s.max(now));
    let ahead = interval.saturating_mul(u64::from(pacing.burst() - 1));
    let start = schedule.saturating_sub(ahead).max(now);
    state.schedule_ms = Some(schedule + interval + jitter_ms);
    start
}

/// The governor of one transport: its limits, and the store its accounts' states live in.
///
/// Cheap to share; every clone of a transport uses the same one.
pub struct Governor {
    store: Arc<dyn AccountStore>,
    limits: Limits,
    rng: std::sync::Mutex<fastrand::Rng>,
    warned: AtomicBool,
}

impl fmt::Debug for Governor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Governor")
            .field("store", &self.store)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Governor {
    /// A governor applying `limits`, keeping its state in `store`.
    #[must_use]
    pub fn new(store: Arc<dyn AccountStore>, limits: Limits) -> Self {
        Self {
            store,
            limits,
            rng: std::sync::Mutex::new(fastrand::Rng::new()),
            warned: AtomicBool::new(false),
        }
    }

    /// The limits.
    #[must_use]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Admits one request of `account`: refused before anything is sent when the breaker is
    /// tripped or a budget is spent; else counted, then delayed to its paced slot.
    ///
    /// # Errors
    ///
    /// [`Error::Tripped`], [`Error::BudgetExhausted`], [`Error::DailyBudgetSpent`], or
    /// [`Error::File`] when the state cannot be read or written.
    pub async fn admit(&self, account: &str, action: Option<Action>) -> Result<(), Error> {
        let jitter_ms = {
            let nanos = self.limits.pacing.jitter().as_millis();
            let max = u64::try_from(nanos).unwrap_or(u64::MAX);
            let mut rng = self
                .rng
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if max == 0 { 0 } else { rng.u64(0..=max) }
        };
        let now = now_ms();
        let mut decision = None;
        let mut used = 0;
        self.store
            .transact_governor(account, &mut |state| {
                decision = Some(decide(state, &self.limits, action, now, jitter_ms));
                used = state.recent.len() as u64;
            })
            .await?;
        let start = decision.unwrap_or(Ok(now))?;
        self.warn_if_near(used);
        if start > now {
            tracing::trace!(wait_ms = start - now, "pacing");
            tokio::time::sleep(Duration::from_millis(start - now)).await;
        }
        Ok(())
    }

    fn warn_if_near(&self, used: u64) {
        let Some(warn_at) = self.limits.budget.warn_at else {
            return;
        };
        if used >= warn_at {
            if !self.warned.swap(true, Ordering::Relaxed) {
                tracing::warn!(
                    used,
                    cap = self.limits.budget.per_hour,
                    "this account is nearing LinkedIn's hourly request threshold; slow down"
                );
            }
        } else {
            self.warned.store(false, Ordering::Relaxed);
        }
    }

    /// Trips the breaker of `account`: every later request of any process is refused until
    /// [`reset`](Self::reset).
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the state cannot be written.
    pub async fn trip(
        &self,
        account: &str,
        reason: TripReason,
        url: Option<String>,
    ) -> Result<(), Error> {
        tracing::info!(%reason, "the account's circuit breaker tripped: no more requests until a new login or a reset");
        let at_ms = now_ms();
        self.store
            .transact_governor(account, &mut |state| {
                if state.breaker.is_none() {
                    state.breaker = Some(Trip {
                        reason: reason.clone(),
                        at_ms,
                        url: url.clone(),
                    });
                }
            })
            .await
    }

    /// Resets the breaker of `account` (the user has logged in again, or chose to go on).
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the state cannot be written.
    pub async fn reset(&self, account: &str) -> Result<(), Error> {
        self.store
            .transact_governor(account, &mut |state| state.breaker = None)
            .await
    }

    /// What `account` has used and has left.
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the state cannot be read.
    pub async fn report(&self, account: &str) -> Result<BudgetReport, Error> {
        let now = now_ms();
        let mut seen = GovernorState::default();
        self.store
            .transact_governor(account, &mut |state| seen = state.clone())
            .await?;
        let hour_used = seen
            .recent
            .iter()
            .filter(|t| now.saturating_sub(**t) < HOUR_MS)
            .count() as u64;
        let per_day = Action::ALL
            .iter()
            .map(|a| {
                let used = seen.actions.get(a).map_or(0, |times| {
                    times
                        .iter()
                        .filter(|t| now.saturating_sub(**t) < DAY_MS)
                        .count()
                });
                DailyUse {
                    action: *a,
                    used: u32::try_from(used).unwrap_or(u32::MAX),
                    limit: self.limits.daily_limit(*a),
                }
            })
            .collect();
        Ok(BudgetReport {
            hour_used,
            hour_limit: self.limits.budget.per_hour,
            per_day,
            breaker: seen.breaker,
        })
    }
}

#[cfg(test)]
mod tests;
