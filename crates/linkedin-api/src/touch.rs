//! The 2015 mobile "touch" API, as its public write-up documents it (`touch.md`).
//!
//! LinkedIn's iPhone app of 2015 logged in on `www.linkedin.com` (`/uas/authenticate`, with the
//! app's headers) and read everything else from `touch.www.linkedin.com/li/...`, in JSON shaped
//! after its screens. LinkedIn has since retired that API: [`Touch`] implements it as
//! documented, and the sandbox serves it, so it works against the sandbox (or a server that
//! still speaks it), not against today's linkedin.com. For today's LinkedIn use
//! [`Linkedin`](crate::Linkedin).
//!
//! ```no_run
//! use linkedin_api::Login;
//! use linkedin_api::touch::Touch;
//!
//! # async fn run() -> linkedin_api::Result<()> {
//! let touch = Touch::builder()
//!     .login(Login::password("me@example.com", "my password"))
//!     .build()
//!     .await?;
//! let me = touch.person().await?;
//! let card = touch.profile(&me.id).await?;
//! println!("{} ({} connections)", card.name, card.connections.unwrap_or(0));
//! # Ok(())
//! # }
//! ```

use std::net::SocketAddr;

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::Raw;
use linkedin_models::touch::{
    BackgroundSection, Connections, ContextType, Endorsement, Mailbox, MyPage, Notifications,
    ProfileViews, Recommendation, TopCard, TouchPerson,
};
use linkedin_transport::{HeaderProfile, Login, Transport};
use serde::de::DeserializeOwned;

use crate::client::Call;
use crate::driver::recognised;
use crate::error::{Error, Result};
use crate::validate;

/// Where the touch API lives.
pub const TOUCH_BASE_URL: &str = "https://touch.www.linkedin.com";
/// Where its login lives.
pub const LOGIN_BASE_URL: &str = "https://www.linkedin.com";

/// Builds a [`Touch`] client: where to connect, and how to log in.
#[derive(Debug)]
#[must_use]
pub struct TouchBuilder {
    base_url: String,
    login_base_url: String,
    resolve: Option<SocketAddr>,
    roots: Vec<Vec<u8>>,
    login: Option<Login>,
}

impl TouchBuilder {
    /// The touch API's base URL: `https://touch.www.linkedin.com` by default, or a sandbox's.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The base URL of the password login (`/uas/authenticate`): `https://www.linkedin.com`
    /// by default, or a sandbox's.
    pub fn login_base_url(mut self, url: impl Into<String>) -> Self {
        self.login_base_url = url.into();
        self
    }

    /// Connects to `addr` instead of resolving the hosts (a sandbox serving both hosts on
    /// loopback).
    pub fn resolve(mut self, addr: SocketAddr) -> Self {
        self.resolve = Some(addr);
        self
    }

    /// Trusts one more certificate authority (DER), e.g. a sandbox's.
    pub fn add_root_certificate(mut self, der: impl Into<Vec<u8>>) -> Self {
        self.roots.push(der.into());
        self
    }

    /// How to log in (required): a password, browser cookies or a cookie file. Saved sessions
    /// are not supported by the touch client.
    pub fn login(mut self, login: Login) -> Self {
        self.login = Some(login);
        self
    }

    /// A transport for `base_url` speaking as the iPhone app.
    fn transport(&self, base_url: &str, verify: bool) -> Result<Transport> {
        let mut builder = Transport::builder(base_url).header_profile(HeaderProfile::Touch);
        if !verify {
            builder = builder.verify_path(None);
        }
        if let Some(addr) = self.resolve {
            builder = builder.resolve(addr);
        }
        for der in &self.roots {
            builder = builder.add_root_certificate(der.clone());
        }
        Ok(builder.build()?)
    }

    /// Makes the transports and logs in: a password on the login host, whose session is then
    /// taken to the touch host; cookies straight on the touch host. Either way the session is
    /// checked with `GET /li/v1/people/person` before it is trusted.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] without a login, with a saved-session login or bad settings;
    /// the transport's login errors: bad credentials, a challenge with its URL, a session
    /// the touch host does not accept (expired)...
    pub async fn build(mut self) -> Result<Touch> {
        let Some(login) = self.login.take() else {
            return Err(Error::InvalidInput {
                field: "login",
                reason: "give one: Login::password, Login::cookies or Login::cookie_file"
                    .to_owned(),
            });
        };
        let touch = self.transport(&self.base_url, true)?;
        match login {
            Login::Password { ref username, .. } => {
                let account = username.clone();
                let www = self.transport(&self.login_base_url, false)?;
                www.login(login).await?;
                touch.import_session(&www.snapshot(&account), &account);
                match touch.verify().await {
                    Ok(()) => {}
                    Err(
                        linkedin_transport::Error::Unauthorized
                        | linkedin_transport::Error::Redirected { .. },
                    ) => return Err(linkedin_transport::Error::SessionExpired.into()),
                    Err(e) => return Err(e.into()),
                }
            }
            Login::Cookies { .. } | Login::CookieFile(_) => {
                touch.login(login).await?;
            }
            _ => {
                return Err(Error::InvalidInput {
                    field: "login",
                    reason: "the touch client keeps no saved sessions: log in with \
                             Login::password, Login::cookies or Login::cookie_file"
                        .to_owned(),
                });
            }
        }
        Ok(Touch { transport: touch })
    }
}

/// A logged-in client of the 2015 touch API: one method per documented endpoint, typed
/// results that keep their raw JSON ([`Raw`]). Cheap to clone; clones share the session and
/// connections.
///
/// Requests carry the iPhone app's headers (`X-Li-User-Agent`, its `User-Agent`,
/// `X-User-Language`, `X-User-Locale`, `Accept-Language`) and the session's cookies.
#[derive(Clone, Debug)]
pub struct Touch {
    transport: Transport,
}

impl Touch {
    /// Starts building a touch client (base URLs, login).
    pub fn builder() -> TouchBuilder {
        TouchBuilder {
            base_url: TOUCH_BASE_URL.to_owned(),
            login_base_url: LOGIN_BASE_URL.to_owned(),
            resolve: None,
            roots: Vec::new(),
            login: None,
        }
    }

    /// The transport of the touch host (cookies, counters).
    #[must_use]
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Sends a GET to a catalogue entry and reads `T` at `pointer`.
    async fn get<T: DeserializeOwned>(
        &self,
        endpoint: &'static Endpoint,
        path: &[(&'static str, &str)],
        query: restli::Map,
        pointer: &str,
    ) -> Result<T> {
        let mut call = Call::new(endpoint);
        for (param, value) in path {
            call = call.path(param, *value);
        }
        for (key, value) in query {
            call = call.query(key.as_str(), value);
        }
        call.fetch(&self.transport, pointer).await
    }

    /// [`get`](Self::get) for a member's `{id}`, checked first; a 404 is [`Error::NotFound`].
    async fn of_member<T: DeserializeOwned>(
        &self,
        endpoint: &'static Endpoint,
        id: &str,
        query: restli::Map,
        pointer: &str,
    ) -> Result<T> {
        let id = validate::member_id("id", id)?;
        match self.get(endpoint, &[("id", id)], query, pointer).await {
            Err(Error::Transport(linkedin_transport::Error::Status { code: 404, .. })) => {
                Err(Error::NotFound {
                    what: format!("member {id}"),
                })
            }
            other => other,
        }
    }

    /// The logged-in member's summary: id, names, headline, e-mail, picture.
    ///
    /// # Errors
    ///
    /// A transport error, or [`Error::Decode`] when the answer is not as documented.
    pub async fn person(&self) -> Result<Raw<TouchPerson>> {
        self.get(endpoints::TOUCH_ME, &[], restli::Map::new(), "/response")
            .await
    }

    /// The logged-in member's page: the person (with industry and location) and the page's
    /// background-like sections.
    ///
    /// # Errors
    ///
    /// A transport error, or [`Error::Decode`] when the answer is not as documented.
    pub async fn my_page(&self) -> Result<Raw<MyPage>> {
        self.get(
            endpoints::TOUCH_MY_PAGE,
            &[],
            restli::Map::new(),
            "/profile",
        )
        .await
    }

    /// A member's top card: name, headline, location, industry, connection count and
    /// current position.
    ///
    /// ```no_run
    /// # async fn run(touch: linkedin_api::touch::Touch) -> linkedin_api::Result<()> {
    /// let card = touch.profile("7881116").await?;
    /// println!("{} · {}", card.name, card.location.as_deref().unwrap_or("?"));
    /// println!("raw: {}", card.raw());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an id that is not digits (nothing is sent),
    /// [`Error::NotFound`] for an unknown member, a transport error, or [`Error::Decode`].
    pub async fn profile(&self, id: &str) -> Result<Raw<TopCard>> {
        self.of_member(
            endpoints::TOUCH_PROFILE,
            id,
            restli::Map::new(),
            "/personTopCard",
        )
        .await
    }

    /// A member's connections, at most `count` of them (`total` counts them all).
    ///
    /// ```no_run
    /// # async fn run(touch: linkedin_api::touch::Touch) -> linkedin_api::Result<()> {
    /// let me = touch.person().await?;
    /// let connections = touch.connections(&me.id, 5000).await?;
    /// println!("{} connections", connections.total);
    /// for person in &connections.people {
    ///     println!("{} {}", person.first_name, person.last_name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an id that is not digits or a `count` of 0 (nothing is
    /// sent), [`Error::NotFound`] for an unknown member, [`Error::SchemaMoved`] when the
    /// answer reports connections but lists none it can read, a transport error, or
    /// [`Error::Decode`].
    pub async fn connections(&self, id: &str, count: u32) -> Result<Raw<Connections>> {
        if count == 0 {
            return Err(Error::InvalidInput {
                field: "count",
                reason: "must be at least 1 (it caps the list; the app asked for 5000)".to_owned(),
            });
        }
        let mut query = restli::Map::new();
        query.push("count", count);
        let connections: Raw<Connections> = self
            .of_member(endpoints::TOUCH_CONNECTIONS, id, query, "")
            .await?;
        recognised(
            endpoints::TOUCH_CONNECTIONS,
            Some(connections.total),
            0,
            connections.people.iter().collect(),
        )?;
        Ok(connections)
    }

    /// A member's background (experience, education, ... sections), or only the sections of
    /// one kind when `filter` names it (the API answers them all; the filter is applied
    /// here, as the write-up suggests).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an id that is not digits (nothing is sent),
    /// [`Error::NotFound`] for an unknown member, a transport error, or [`Error::Decode`].
    pub async fn background(
        &self,
        id: &str,
        filter: Option<ContextType>,
    ) -> Result<Vec<Raw<BackgroundSection>>> {
        let mut sections: Vec<Raw<BackgroundSection>> = self
            .of_member(
                endpoints::TOUCH_BACKGROUND,
                id,
                restli::Map::new(),
                "/values",
            )
            .await?;
        if let Some(filter) = filter {
            sections.retain(|s| s.context == filter);
        }
        Ok(sections)
    }

    /// A member's endorsements: per skill, its count and its endorsers.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an id that is not digits (nothing is sent),
    /// [`Error::NotFound`] for an unknown member, [`Error::SchemaMoved`] when skills are
    /// listed but none can be read, a transport error, or [`Error::Decode`].
    pub async fn endorsements(&self, id: &str) -> Result<Vec<Raw<Endorsement>>> {
        let all: Vec<Raw<Endorsement>> = self
            .of_member(
                endpoints::TOUCH_ENDORSEMENTS,
                id,
                restli::Map::new(),
                "/values",
            )
            .await?;
        // Every skill reads (its name is required) or the answer is a decode error.
        Ok(all)
    }

    /// The logged-in member's mailbox: pending invitations and messages, each the first page
    /// with its paging fields (`total`, `unread`, `unseen`...).
    ///
    /// # Errors
    ///
    /// A transport error, [`Error::SchemaMoved`] when a list reports items but holds none it
    /// can read, or [`Error::Decode`].
    pub async fn mailbox(&self) -> Result<Raw<Mailbox>> {
        let mailbox: Raw<Mailbox> = self
            .get(endpoints::TOUCH_MAILBOX, &[], restli::Map::new(), "")
            .await?;
        for list in [&mailbox.invitations, &mailbox.messages] {
            if list.start < list.total {
                recognised(
                    endpoints::TOUCH_MAILBOX,
                    Some(list.total),
                    0,
                    list.items.iter().collect(),
                )?;
            }
        }
        Ok(mailbox)
    }

    /// The recommendations a member received.
    ///
    /// The write-up lists this endpoint without documenting its answer; the shape read here
    /// is the sandbox's, designed in the style of the documented ones (see
    /// [`Recommendation`]).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an id that is not digits (nothing is sent),
    /// [`Error::NotFound`] for an unknown member, a transport error, or [`Error::Decode`].
    pub async fn recommendations(&self, id: &str) -> Result<Vec<Raw<Recommendation>>> {
        self.of_member(
            endpoints::TOUCH_RECOMMENDATIONS,
            id,
            restli::Map::new(),
            "/values",
        )
        .await
    }

    /// The logged-in member's notifications, newest first (the first page, with `total`).
    ///
    /// The write-up lists this endpoint without documenting its answer; the shape read here
    /// is the sandbox's, designed in the style of the documented ones (see
    /// [`Notifications`]).
    ///
    /// # Errors
    ///
    /// A transport error, [`Error::SchemaMoved`] when notifications are reported but none
    /// can be read, or [`Error::Decode`].
    pub async fn notifications(&self) -> Result<Raw<Notifications>> {
        let notifications: Raw<Notifications> = self
            .get(endpoints::TOUCH_NOTIFICATIONS, &[], restli::Map::new(), "")
            .await?;
        if notifications.start < notifications.total {
            recognised(
                endpoints::TOUCH_NOTIFICATIONS,
                Some(notifications.total),
                0,
                notifications.items.iter().collect(),
            )?;
        }
        Ok(notifications)
    }

    /// Who viewed the logged-in member's profile, newest view first (the first page, with
    /// `total`).
    ///
    /// The write-up lists this endpoint (`/li/v2/wvmp`) without documenting its answer; the
    /// shape read here is the sandbox's, designed in the style of the documented ones (see
    /// [`ProfileViews`]).
    ///
    /// # Errors
    ///
    /// A transport error, [`Error::SchemaMoved`] when views are reported but none can be
    /// read, or [`Error::Decode`].
    pub async fn who_viewed_me(&self) -> Result<Raw<ProfileViews>> {
        let views: Raw<ProfileViews> = self
            .get(endpoints::TOUCH_WVMP, &[], restli::Map::new(), "")
            .await?;
        if views.start < views.total {
            recognised(
                endpoints::TOUCH_WVMP,
                Some(views.total),
                0,
                views.viewers.iter().collect(),
            )?;
        }
        Ok(views)
    }
}
