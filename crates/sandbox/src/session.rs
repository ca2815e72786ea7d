//! Cookies and sessions: what the login flow hands out and what every Voyager request must
//! bring back (`li_at`, and a `csrf-token` equal to the `JSESSIONID` cookie without quotes).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use http::HeaderMap;

/// A logged-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Session {
    /// Index of the account in the world's account list.
    pub(crate) account: usize,
    /// The session's `JSESSIONID`, without quotes (`ajax:<19 digits>`).
    pub(crate) jsessionid: String,
    /// Authenticated requests made so far.
    pub(crate) requests: u64,
}

/// The cookies a client can use to skip the login flow: what a browser would hold.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionCookies {
    /// The `li_at` cookie value.
    pub li_at: String,
    /// The `JSESSIONID` cookie value, with its quotes (`"ajax:<digits>"`), as browsers store it.
    pub jsessionid: String,
}

impl std::fmt::Debug for SessionCookies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionCookies { li_at: <redacted>, jsessionid: <redacted> }")
    }
}

/// How many bootstrap `JSESSIONID`s are remembered; the oldest are forgotten first, so a
/// long run of `GET /uas/authenticate` cannot grow memory without bound.
const BOOTSTRAP_KEPT: usize = 10_000;

/// How many sessions opened by logging in stay live; past it the oldest ends (its `li_at` is
/// answered 401, as when LinkedIn ends a session), so a long run of logins cannot grow memory
/// without bound. The session of [`SandboxHandle::demo_cookies`](crate::SandboxHandle::demo_cookies),
/// opened first, never ends this way.
const LIVE_KEPT: usize = 10_000;

#[derive(Default)]
struct Inner {
    live: HashMap<String, Session>,
    /// The `li_at` of the first session opened (the demo cookies'), which is never evicted.
    first: Option<String>,
    /// The `li_at` of the other sessions, oldest first (some may have ended since).
    live_order: VecDeque<String>,
    /// `JSESSIONID`s handed out by `GET /uas/authenticate`, not yet used to log in.
    bootstrap: HashSet<String>,
    /// The same, oldest first.
    bootstrap_order: VecDeque<String>,
}

pub(crate) struct Sessions {
    inner: Mutex<Inner>,
    rng: Mutex<fastrand::Rng>,
}

/// What the gate decided about a Voyager request.
pub(crate) enum Admission {
    /// No `li_at`, or one the sandbox never issued (or wiped).
    Unauthenticated,
    /// `li_at` is good but `csrf-token` does not match `JSESSIONID`.
    CsrfMismatch,
    /// The session just went over the challenge threshold; it is gone now.
    Challenged,
    /// Go ahead.
    Admitted(Session),
}

impl Sessions {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            inner: Mutex::new(Inner::default()),
            rng: Mutex::new(fastrand::Rng::with_seed(seed ^ 0x5eed_cafe)),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn new_jsessionid(&self) -> String {
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        format!(
            "ajax:{:019}",
            rng.u64(1_000_000_000_000_000_000..10_000_000_000_000_000_000)
        )
    }

    fn new_li_at(&self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        let mut rng = self
            .rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let tail: String = (0..150)
            .map(|_| char::from(ALPHABET[rng.usize(..ALPHABET.len())]))
            .collect();
        format!("AQEDA{tail}")
    }

    /// A `JSESSIONID` for `GET /uas/authenticate`.
    pub(crate) fn bootstrap(&self) -> String {
        let id = self.new_jsessionid();
        let mut inner = self.lock();
        if inner.bootstrap_order.len() == BOOTSTRAP_KEPT
            && let Some(old) = inner.bootstrap_order.pop_front()
        {
            inner.bootstrap.remove(&old);
        }
        inner.bootstrap.insert(id.clone());
        inner.bootstrap_order.push_back(id.clone());
        id
    }

    /// Whether `jsessionid` (unquoted) was handed out by the bootstrap request or belongs to a
    /// live session.
    pub(crate) fn knows_jsessionid(&self, jsessionid: &str) -> bool {
        let inner = self.lock();
        inner.bootstrap.contains(jsessionid)
            || inner.live.values().any(|s| s.jsessionid == jsessionid)
    }

    /// Ends every live session, as LinkedIn does when sessions expire: their `li_at` is
    /// answered 401 from now on.
    pub(crate) fn expire_all(&self) {
        let mut inner = self.lock();
        inner.live.clear();
        inner.live_order.clear();
    }

    /// Opens a session for `account`: the new `li_at` and `JSESSIONID` (unquoted).
    pub(crate) fn open(&self, account: usize, used_bootstrap: Option<&str>) -> SessionCookies {
        let li_at = self.new_li_at();
        let jsessionid = self.new_jsessionid();
        let mut inner = self.lock();
        if let Some(old) = used_bootstrap {
            inner.bootstrap.remove(old);
        }
        inner.live.insert(
            li_at.clone(),
            Session {
                account,
                jsessionid: jsessionid.clone(),
                requests: 0,
            },
        );
        if inner.first.is_none() {
            inner.first = Some(li_at.clone());
        } else {
            inner.live_order.push_back(li_at.clone());
            while inner.live_order.len() > LIVE_KEPT {
                if let Some(old) = inner.live_order.pop_front() {
                    inner.live.remove(&old);
                }
            }
        }
        SessionCookies {
            li_at,
            jsessionid: format!("\"{jsessionid}\""),
        }
    }

    /// The session of a request for a page (no CSRF check), if it has one.
    pub(crate) fn of_page(&self, headers: &HeaderMap) -> Option<Session> {
        let li_at = cookie(headers, "li_at")?;
        self.lock().live.get(&li_at).cloned()
    }

    /// The gate of every Voyager request: `li_at` must name a live session and the
    /// `csrf-token` header must equal its `JSESSIONID` cookie without quotes.
    pub(crate) fn admit(&self, headers: &HeaderMap, challenge_after: Option<u64>) -> Admission {
        let Some(li_at) = cookie(headers, "li_at") else {
            return Admission::Unauthenticated;
        };
        let mut inner = self.lock();
        let Some(session) = inner.live.get_mut(&li_at) else {
            return Admission::Unauthenticated;
        };
        let cookie_id = cookie(headers, "JSESSIONID").map(|v| unquote(&v).to_owned());
        let header_id = headers.get("csrf-token").and_then(|v| v.to_str().ok());
        if cookie_id.as_deref() != Some(session.jsessionid.as_str())
            || header_id != cookie_id.as_deref()
        {
            return Admission::CsrfMismatch;
        }
        session.requests += 1;
        if challenge_after.is_some_and(|limit| session.requests > limit) {
            inner.live.remove(&li_at);
            return Admission::Challenged;
        }
        Admission::Admitted(session.clone())
    }
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The names of the cookies a request carries.
pub(crate) fn cookie_names(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('=').map(|(k, _)| k.to_owned()))
        .collect()
}

/// A cookie value without its surrounding double quotes.
pub(crate) fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    #[test]
    fn the_gate_checks_li_at_then_csrf_then_the_challenge_threshold() {
        let sessions = Sessions::new(1);
        let cookies = sessions.open(0, None);
        let id = unquote(&cookies.jsessionid).to_owned();
        assert!(id.starts_with("ajax:") && id.len() == 24, "{id}");
        let cookie = format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid);

        let ok = headers(&[("cookie", &cookie), ("csrf-token", &id)]);
        assert!(matches!(sessions.admit(&ok, Some(2)), Admission::Admitted(s) if s.requests == 1));
        assert!(matches!(
            sessions.admit(&ok, Some(2)),
            Admission::Admitted(_)
        ));
        assert!(matches!(
            sessions.admit(&ok, Some(2)),
            Admission::Challenged
        ));
        assert!(matches!(
            sessions.admit(&ok, Some(2)),
            Admission::Unauthenticated
        ));

        let cookies = sessions.open(0, None);
        let cookie = format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid);
        let quoted = headers(&[("cookie", &cookie), ("csrf-token", &cookies.jsessionid)]);
        assert!(matches!(
            sessions.admit(&quoted, None),
            Admission::CsrfMismatch
        ));
        let missing = headers(&[("cookie", &cookie)]);
        assert!(matches!(
            sessions.admit(&missing, None),
            Admission::CsrfMismatch
        ));
        assert!(matches!(
            sessions.admit(&headers(&[]), None),
            Admission::Unauthenticated
        ));
    }

    #[test]
    fn the_oldest_sessions_end_past_the_bound_but_never_the_first() {
        let sessions = Sessions::new(1);
        let admitted = |c: &SessionCookies| {
            let cookie = format!("li_at={}; JSESSIONID={}", c.li_at, c.jsessionid);
            let h = headers(&[("cookie", &cookie), ("csrf-token", unquote(&c.jsessionid))]);
            matches!(sessions.admit(&h, None), Admission::Admitted(_))
        };
        let first = sessions.open(0, None);
        let second = sessions.open(0, None);
        let third = sessions.open(0, None);
        for _ in 0..LIVE_KEPT - 1 {
            sessions.open(0, None);
        }
        assert!(admitted(&first) && !admitted(&second) && admitted(&third));
        assert_eq!(sessions.lock().live.len(), LIVE_KEPT + 1);
    }

    #[test]
    fn cookies_debug_hides_values() {
        let c = SessionCookies {
            li_at: "AQEDAsecret".into(),
            jsessionid: "\"ajax:1\"".into(),
        };
        assert!(!format!("{c:?}").contains("secret"));
    }
}
