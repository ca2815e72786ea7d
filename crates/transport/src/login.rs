//! Logging in: with a password (LinkedIn's `/uas/authenticate` flow), with a browser's cookies
//! (given, or from a `cookies.txt` / JSON export), or with a saved session; and renewing an
//! expired session with the password when one was given.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use secrecy::{ExposeSecret, SecretString};

use crate::client::{Identity, Transport, lock};
use crate::cookies::{self, CookieValue, SavedCookie};
use crate::error::Error;
use crate::request::{Accept, Request};
use crate::session::SavedSession;

/// The cheapest authenticated request, used to check a session before trusting it.
pub const VERIFY_PATH: &str = "/voyager/api/me";

/// The touch API's check: the logged-in member's summary.
pub const TOUCH_VERIFY_PATH: &str = "/li/v1/people/person";

/// The login endpoint of the web and Android apps.
const AUTHENTICATE: &str = "/uas/authenticate";

/// How to log in. Secrets are held in [`SecretString`]s and never printed.
///
/// ```
/// use linkedin_transport::Login;
///
/// let login = Login::password("me@example.com", "hunter2");
/// assert!(!format!("{login:?}").contains("hunter2"));
/// ```
#[non_exhaustive]
pub enum Login {
    /// Username (e-mail) and password. With a session store, a saved session of this account
    /// is tried first; the password then also renews the session when it expires.
    Password {
        /// The e-mail address or phone number.
        username: String,
        /// The password.
        password: SecretString,
    },
    /// The `li_at` and `JSESSIONID` cookies of a logged-in browser: the way through when
    /// LinkedIn asks for a challenge.
    Cookies {
        /// `li_at`.
        li_at: SecretString,
        /// `JSESSIONID`, with or without its double quotes.
        jsessionid: SecretString,
    },
    /// A browser's cookies exported as a Netscape `cookies.txt` or an extension's JSON export.
    CookieFile(PathBuf),
    /// A session saved earlier in the session store, under this account name.
    Saved {
        /// The account name it was saved under.
        account: String,
    },
}

impl Login {
    /// A password login.
    pub fn password(username: impl Into<String>, password: impl Into<String>) -> Self {
        Self::Password {
            username: username.into(),
            password: SecretString::from(password.into()),
        }
    }

    /// A login with a browser's `li_at` and `JSESSIONID`.
    pub fn cookies(li_at: impl Into<String>, jsessionid: impl Into<String>) -> Self {
        Self::Cookies {
            li_at: SecretString::from(li_at.into()),
            jsessionid: SecretString::from(jsessionid.into()),
        }
    }

    /// A login with a browser's exported cookie file.
    pub fn cookie_file(path: impl Into<PathBuf>) -> Self {
        Self::CookieFile(path.into())
    }

    /// A login with a saved session.
    pub fn saved(account: impl Into<String>) -> Self {
        Self::Saved {
            account: account.into(),
        }
    }
}

impl std::fmt::Debug for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Password { username, .. } => f
                .debug_struct("Password")
                .field("username", username)
                .field("password", &"<redacted>")
                .finish(),
            Self::Cookies { .. } => f
                .debug_struct("Cookies")
                .field("li_at", &"<redacted>")
                .field("jsessionid", &"<redacted>")
                .finish(),
            Self::CookieFile(path) => f.debug_tuple("CookieFile").field(path).finish(),
            Self::Saved { account } => f.debug_struct("Saved").field("account", account).finish(),
        }
    }
}

/// How a login went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoggedIn {
    /// A saved session was still good.
    Resumed,
    /// The password flow ran.
    Password,
    /// Browser cookies were accepted.
    Cookies,
}

/// What `POST /uas/authenticate` answers.
#[derive(serde::Deserialize)]
struct LoginAnswer {
    login_result: String,
    #[serde(default)]
    challenge_url: Option<String>,
}

impl Transport {
    /// Logs in, and checks the session with one cheap authenticated request before trusting
    /// it. A password login (or a resumed one) is saved in the session store when one is set.
    ///
    /// # Errors
    ///
    /// A login does not reset a tripped circuit breaker ([`Error::Tripped`]): after passing
    /// LinkedIn's check in a browser, call [`reset_breaker`](Self::reset_breaker) with the account first (the
    /// CLI's `linkedin login` does).
    ///
    /// [`Error::BadCredentials`], [`Error::Challenge`] with its URL, [`Error::SessionExpired`]
    /// for cookies or a saved session LinkedIn no longer accepts, [`Error::File`] for an
    /// unreadable cookie or session file, or any transport error.
    pub async fn login(&self, login: Login) -> Result<LoggedIn, Error> {
        // The governor counts the login's own requests for the account being logged in.
        let account = match &login {
            Login::Password { username, .. } => username.clone(),
            Login::Saved { account } => account.clone(),
            Login::Cookies { .. } | Login::CookieFile(_) => "browser".to_owned(),
        };
        lock(&self.inner.auth).account = Some(account);
        match login {
            Login::Password { username, password } => {
                if let Some(saved) = self.load_saved(&username).await? {
                    self.adopt(&saved);
                    if self.trusts(&saved) {
                        self.trust(&saved);
                        self.remember(&username, Some(password));
                        return Ok(LoggedIn::Resumed);
                    }
                    match self.verify().await {
                        Ok(()) => {
                            self.remember(&username, Some(password));
                            self.save_if_stored(&username).await?;
                            return Ok(LoggedIn::Resumed);
                        }
                        Err(
                            Error::SessionExpired | Error::Unauthorized | Error::Redirected { .. },
                        ) => {
                            tracing::debug!(
                                "the saved session is no longer accepted; logging in again"
                            );
                        }
                        Err(e) => return Err(e),
                    }
                }
                self.password_flow(&username, &password).await?;
                self.remember(&username, Some(password));
                self.save_if_stored(&username).await?;
                Ok(LoggedIn::Password)
            }
            Login::Cookies { li_at, jsessionid } => {
                let blank =
                    |s: &SecretString| s.expose_secret().trim_matches('"').trim().is_empty();
                if blank(&li_at) || blank(&jsessionid) {
                    return Err(Error::InvalidInput {
                        field: "cookies",
                        reason: "li_at and JSESSIONID must not be empty (copy them from a logged-in browser tab)".to_owned(),
                    });
                }
                let base = self.base_url().clone();
                let host = base.host_str().unwrap_or_default().to_owned();
                let make = |name: &str, value: &SecretString| SavedCookie {
                    name: name.to_owned(),
                    value: CookieValue::new(value.expose_secret()),
                    domain: host.clone(),
                    host_only: false,
                    path: "/".to_owned(),
                    expires: None,
                    secure: base.scheme() == "https",
                    http_only: false,
                };
                let given = [make("li_at", &li_at), make("JSESSIONID", &jsessionid)];
                self.use_cookies(&given)?;
                self.verify_or_expired().await?;
                self.remember("browser", None);
                Ok(LoggedIn::Cookies)
            }
            Login::CookieFile(path) => {
                let found = cookies::read_cookie_file(&path)?;
                let host = self.base_url().host_str().unwrap_or_default().to_owned();
                self.use_cookies(&found).map_err(|_| {
                    Error::file(path, format!(
                        "no li_at and JSESSIONID cookies for {host} in this file: export the cookies of a logged-in LinkedIn tab"
                    ))
                })?;
                self.verify_or_expired().await?;
                self.remember("browser", None);
                Ok(LoggedIn::Cookies)
            }
            Login::Saved { account } => {
                let Some(saved) = self.load_saved(&account).await? else {
                    return Err(Error::InvalidInput {
                        field: "account",
                        reason: format!(
                            "no saved session for {account:?}: log in with a password or browser cookies first"
                        ),
                    });
                };
                self.adopt(&saved);
                if self.trusts(&saved) {
                    self.trust(&saved);
                    self.remember(&account, None);
                    return Ok(LoggedIn::Resumed);
                }
                self.verify_or_expired().await?;
                self.remember(&account, None);
                self.save_if_stored(&account).await?;
                Ok(LoggedIn::Resumed)
            }
        }
    }

    /// Saves the current session in the store under `account`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] without a store ([`TransportBuilder::store`](crate::TransportBuilder::store));
    /// the store's error ([`Error::File`] for a [`FileStore`](crate::FileStore)) when it
    /// cannot be written.
    pub async fn save_session(&self, account: &str) -> Result<(), Error> {
        let Some(store) = &self.inner.store else {
            return Err(Error::InvalidInput {
                field: "session store",
                reason: "none was set on the builder".to_owned(),
            });
        };
        store.save_session(&self.snapshot(account)).await?;
        // From now on the session is known by this name, and so is its governor state.
        lock(&self.inner.auth).account = Some(account.to_owned());
        Ok(())
    }

    /// The current session (cookies, user agent, `x-li-track`), to keep elsewhere.
    #[must_use]
    pub fn snapshot(&self, account: &str) -> SavedSession {
        let identity = self.identity();
        let cookies = cookies::jar_to_saved(&lock(&self.inner.jar));
        let mut session = SavedSession::new(
            account,
            self.base_url().as_str().trim_end_matches('/'),
            identity.user_agent,
            identity.li_track,
            cookies,
        );
        session.verified_at = *lock(&self.inner.verified_at);
        session.checked_answer = lock(&self.inner.verified)
            .as_ref()
            .and_then(|body| String::from_utf8(body.to_vec()).ok());
        session
    }

    /// Takes a trusted saved session's check: when it was made and what it answered.
    fn trust(&self, saved: &SavedSession) {
        *lock(&self.inner.verified_at) = saved.verified_at;
        *lock(&self.inner.verified) = saved
            .checked_answer
            .as_ref()
            .map(|a| bytes::Bytes::from(a.clone().into_bytes()));
    }

    /// Whether a saved session was checked recently enough to be trusted without another
    /// check: a request that finds it refused (a 401, the authwall, a cookie wipe) ends it
    /// then, and is reported or renewed as usual.
    fn trusts(&self, saved: &SavedSession) -> bool {
        let window = i64::try_from(self.inner.trust_checked.as_secs()).unwrap_or(i64::MAX);
        saved
            .verified_at
            .is_some_and(|at| (0..window).contains(&(crate::cookies::unix_now() - at)))
    }

    /// Whether the jar holds this cookie for the base URL.
    #[must_use]
    pub fn has_cookie(&self, name: &str) -> bool {
        cookies::has_cookie(&lock(&self.inner.jar), self.base_url(), name)
    }

    /// Checks the session with one cheap authenticated request (`GET /voyager/api/me` by
    /// default; see [`TransportBuilder::verify_path`](crate::TransportBuilder::verify_path)).
    ///
    /// # Errors
    ///
    /// Any transport error: [`Error::Unauthorized`] or [`Error::SessionExpired`] when the
    /// session is not accepted.
    pub async fn verify(&self) -> Result<(), Error> {
        let Some(path) = self.inner.verify_path.clone() else {
            return Ok(());
        };
        let accept = if path == VERIFY_PATH {
            Accept::Normalized
        } else {
            Accept::Any
        };
        let answer = self
            .send_plain(Request::get(path).accept(accept), false)
            .await?;
        *lock(&self.inner.verified) = Some(answer.into_body());
        *lock(&self.inner.verified_at) = Some(crate::cookies::unix_now());
        Ok(())
    }

    /// The body of the last successful session check ([`verify`](Self::verify), which every
    /// login runs): `GET /voyager/api/me`'s answer by default, normalized JSON. A client that
    /// needs the logged-in member reads it here instead of asking again.
    #[must_use]
    pub fn verified_answer(&self) -> Option<bytes::Bytes> {
        lock(&self.inner.verified).clone()
    }

    /// Whether the session check asks `path` (so that [`verified_answer`](Self::verified_answer)
    /// is its answer).
    #[must_use]
    pub fn verifies_with(&self, path: &str) -> bool {
        self.inner.verify_path.as_deref() == Some(path)
    }

    /// Takes another transport's session (its [`snapshot`](Self::snapshot)): the cookies and
    /// the identity they were made with. Used when one host logs in and another serves the
    /// API (the touch API). Nothing is sent; call [`verify`](Self::verify) to check it.
    pub fn import_session(&self, saved: &SavedSession, account: &str) {
        self.adopt(saved);
        self.remember(account, None);
    }

    /// Like [`verify`](Self::verify), but a refused session is reported as expired.
    async fn verify_or_expired(&self) -> Result<(), Error> {
        match self.verify().await {
            Err(Error::Unauthorized | Error::Redirected { .. }) => Err(Error::SessionExpired),
            other => other,
        }
    }

    /// Renews an expired session with the stored password, unless another call already did
    /// since `generation`.
    pub(crate) async fn renew(&self, generation: u64) -> Result<(), Error> {
        let _one_at_a_time = self.inner.renewal.lock().await;
        if self.inner.generation.load(Ordering::Acquire) != generation {
            return Ok(());
        }
        let (account, password) = {
            let auth = lock(&self.inner.auth);
            match (&auth.account, &auth.password) {
                (Some(a), Some(p)) => (a.clone(), p.clone()),
                _ => return Err(Error::SessionExpired),
            }
        };
        tracing::info!("the LinkedIn session expired; logging in again with the stored password");
        self.password_flow(&account, &password).await?;
        self.save_if_stored(&account).await?;
        Ok(())
    }

    /// `GET` then `POST /uas/authenticate`, with the Android app's headers.
    async fn password_flow(&self, username: &str, password: &SecretString) -> Result<(), Error> {
        // The old cookies stay until the new ones replace them: calls running meanwhile keep
        // a consistent session (and are renewed after this one).
        self.send_plain(Request::get(AUTHENTICATE).accept(Accept::Any), true)
            .await?;
        let jsessionid = self.raw_cookie("JSESSIONID").ok_or_else(|| Error::Decode {
            reason: "the login page set no JSESSIONID cookie".to_owned(),
            source: None,
        })?;
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("session_key", username)
            .append_pair("session_password", password.expose_secret())
            .append_pair("JSESSIONID", &jsessionid)
            .finish();
        let answer = self
            .send_plain(
                Request::post(AUTHENTICATE, "application/x-www-form-urlencoded", form)
                    .accept(Accept::Any),
                true,
            )
            .await?;
        let parsed: LoginAnswer = serde_json::from_slice(answer.body()).map_err(|_| {
            if answer.status().as_u16() == 401 {
                Error::BadCredentials
            } else {
                Error::Decode {
                    reason: format!(
                        "the login answer ({}) is not the JSON expected",
                        answer.status()
                    ),
                    source: None,
                }
            }
        })?;
        match parsed.login_result.as_str() {
            "PASS" => {}
            "CHALLENGE" => {
                let url = parsed.challenge_url.unwrap_or_default();
                let url = self.base_url().join(&url).map_or(url, String::from);
                let account = self.governed_account();
                let trip = self.inner.governor.trip(
                    &account,
                    crate::governor::TripReason::Challenge,
                    Some(url.clone()),
                );
                if let Err(e) = trip.await {
                    tracing::error!(error = %e, "could not record the tripped breaker");
                }
                return Err(Error::Challenge { url });
            }
            "BAD_PASSWORD"
            | "BAD_EMAIL"
            | "BAD_USERNAME"
            | "USER_NOT_FOUND"
            | "INVALID_CREDENTIALS" => {
                return Err(Error::BadCredentials);
            }
            other => {
                return Err(Error::Status {
                    code: answer.status().as_u16(),
                    endpoint: Some("the login (/uas/authenticate)"),
                    body_excerpt: format!("login_result {other}"),
                    reason: None,
                });
            }
        }
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
        // The session is made with the web app's identity from here on.
        self.verify_or_expired().await
    }

    /// The saved session of `account`, refused when it was saved for another base URL (a
    /// sandbox's session must not be sent to linkedin.com, nor the other way round).
    async fn load_saved(&self, account: &str) -> Result<Option<SavedSession>, Error> {
        let Some(store) = &self.inner.store else {
            return Ok(None);
        };
        let Some(saved) = store.load_session(account).await? else {
            return Ok(None);
        };
        let here = self.base_url().as_str().trim_end_matches('/');
        let there = saved.base_url.trim_end_matches('/');
        if !there.is_empty() && here != there {
            return Err(Error::SavedForAnotherServer {
                account: account.to_owned(),
                saved_for: there.to_owned(),
                here: here.to_owned(),
            });
        }
        Ok(Some(saved))
    }

    /// Takes a saved session's cookies and the identity it was made with.
    fn adopt(&self, saved: &SavedSession) {
        {
            let mut jar = lock(&self.inner.jar);
            jar.clear();
            cookies::insert_into_jar(&mut jar, &saved.cookies, self.base_url());
        }
        *lock(&self.inner.identity) = Identity {
            user_agent: saved.user_agent.clone(),
            li_track: saved.li_track.clone(),
        };
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn use_cookies(&self, given: &[SavedCookie]) -> Result<(), Error> {
        let mut jar = lock(&self.inner.jar);
        jar.clear();
        cookies::insert_into_jar(&mut jar, given, self.base_url());
        drop(jar);
        self.inner.generation.fetch_add(1, Ordering::AcqRel);
        if !self.has_cookie("li_at") || !self.has_cookie("JSESSIONID") {
            return Err(Error::InvalidInput {
                field: "cookies",
                reason:
                    "both li_at and JSESSIONID are needed (copy them from a logged-in browser tab)"
                        .to_owned(),
            });
        }
        Ok(())
    }

    fn remember(&self, account: &str, password: Option<SecretString>) {
        let mut auth = lock(&self.inner.auth);
        auth.account = Some(account.to_owned());
        auth.password = password;
    }

    async fn save_if_stored(&self, account: &str) -> Result<(), Error> {
        if self.inner.store.is_some() {
            self.save_session(account).await?;
        }
        Ok(())
    }

    /// A cookie's value as stored (`JSESSIONID` keeps its quotes: the login form wants them).
    fn raw_cookie(&self, name: &str) -> Option<String> {
        let jar = lock(&self.inner.jar);
        jar.get_request_values(self.base_url())
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_owned())
    }
}
