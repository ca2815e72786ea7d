//! A saved session: what a login leaves behind, kept by an [`AccountStore`](crate::AccountStore)
//! so that the next run does not have to log in again (each login is a chance for LinkedIn to
//! ask for a security check).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::cookies::{SavedCookie, unix_now};

/// What a login leaves behind, enough to reuse the session later: the cookies together with the
/// user agent and `x-li-track` they were made with (LinkedIn ties a session to them).
///
/// `Debug` never prints a cookie value.
#[derive(Clone, Serialize, Deserialize)]
pub struct SavedSession {
    /// The version of this layout, [`SavedSession::FORMAT`]; a file with another number is
    /// refused.
    pub format: u32,
    /// The username or e-mail address, or a label for a login with browser cookies.
    pub account: String,
    /// The base URL the session belongs to (`https://www.linkedin.com`, or the sandbox's).
    pub base_url: String,
    /// The `user-agent` the session was made with.
    pub user_agent: String,
    /// The `x-li-track` header the session was made with, if any.
    pub li_track: Option<String>,
    /// When the session was saved, in unix seconds.
    pub saved_at: i64,
    /// When LinkedIn last accepted the session (a successful session check), in unix
    /// seconds: a session checked this recently is trusted without another check (see
    /// [`TransportBuilder::trust_checked_session`](crate::TransportBuilder::trust_checked_session)).
    #[serde(default)]
    pub verified_at: Option<i64>,
    /// The answer of that session check (`GET /voyager/api/me`: the member's names and
    /// ids, no secret), so that a trusted session knows its member without asking.
    #[serde(default)]
    pub checked_answer: Option<String>,
    /// The cookies (`li_at`, `JSESSIONID`, ...).
    pub cookies: Vec<SavedCookie>,
}

impl SavedSession {
    /// The layout version this library writes and reads.
    pub const FORMAT: u32 = 1;

    /// A session in the current format, saved now.
    pub fn new(
        account: impl Into<String>,
        base_url: impl Into<String>,
        user_agent: impl Into<String>,
        li_track: Option<String>,
        cookies: Vec<SavedCookie>,
    ) -> Self {
        Self {
            format: Self::FORMAT,
            account: account.into(),
            base_url: base_url.into(),
            user_agent: user_agent.into(),
            li_track,
            saved_at: unix_now(),
            verified_at: None,
            checked_answer: None,
            cookies,
        }
    }
}

impl fmt::Debug for SavedSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `SavedCookie`'s own Debug redacts the values; listing the names is enough here.
        let names: Vec<&str> = self.cookies.iter().map(|c| c.name.as_str()).collect();
        f.debug_struct("SavedSession")
            .field("format", &self.format)
            .field("account", &self.account)
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .field("li_track", &self.li_track)
            .field("saved_at", &self.saved_at)
            .field("verified_at", &self.verified_at)
            .field("cookies", &names)
            .finish()
    }
}
