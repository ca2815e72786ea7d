//! Other hosts: the web app's script bundles on LinkedIn's CDN, which a client reads to find
//! the ids LinkedIn rotated (the facade's drift module), the upload URLs LinkedIn gives for a
//! file's bytes (an image of a post, a file of a message), and the files of messages.
//!
//! The rules:
//! - assets come from LinkedIn's CDN only, `https://static.licdn.com`; uploads go to, and
//!   files are downloaded from, an `https` host of LinkedIn's only (`linkedin.com`, `licdn.com` or a subdomain of one); for
//!   a transport whose base is on loopback (a sandbox), a loopback origin of the same scheme
//!   serves both; any other URL is refused before anything is sent;
//! - as a browser loads a script from another site: the user agent and `accept: */*`, and
//!   no cookie, no `csrf-token`, none of LinkedIn's `x-li-*` or `x-restli-*` headers, so no
//!   secret of the session reaches another host;
//! - not paced and not counted against the account's budget (it is no action of the
//!   account's), but within the transport's timeouts, retries and body limit, over its TLS
//!   roots and proxy;
//! - one transport per origin, made on first use and kept, so its connections are reused.

use std::collections::HashMap;
use std::sync::Mutex;

use url::Url;

use super::{Transport, TransportBuilder, lock};
use crate::error::Error;
use crate::pacing::{Budget, Pacing};
use crate::request::{Accept, Request, Response};

/// LinkedIn's CDN, where the web app's scripts are (`/aero-v1/sc/h/<token>`).
pub const LINKEDIN_CDN: &str = "https://static.licdn.com";

/// What a transport needs to fetch assets: how to build one for another origin, and those
/// built so far.
pub(crate) struct Assets {
    /// The parent's settings, made cookie-less and unpaced.
    recipe: TransportBuilder,
    /// Whether the parent's base is on loopback, and its scheme.
    loopback: Option<String>,
    by_origin: Mutex<HashMap<String, Transport>>,
}

impl Assets {
    pub(crate) fn new(parent: &TransportBuilder, base: &Url, loopback: bool) -> Self {
        let mut recipe = parent
            .clone()
            .pacing(Pacing::off())
            .budget(Budget::unlimited())
            .verify_path(None)
            .li_track(None);
        recipe.store = None;
        recipe.resolve = None;
        recipe.daily.clear();
        recipe.min_interval = None;
        recipe.asset_host = true;
        Self {
            recipe,
            loopback: loopback.then(|| base.scheme().to_owned()),
            by_origin: Mutex::new(HashMap::new()),
        }
    }

    /// The origin of `url` when assets may be fetched from it (or, with `linkedin`, a file
    /// downloaded from or uploaded to it).
    fn allowed(&self, url: &Url, linkedin_host: bool) -> Option<String> {
        let origin = url.origin().ascii_serialization();
        let on_loopback = || {
            let ip = match url.host()? {
                url::Host::Ipv4(ip) => std::net::IpAddr::V4(ip),
                url::Host::Ipv6(ip) => std::net::IpAddr::V6(ip),
                url::Host::Domain(d) => return (d == "localhost").then_some(()),
            };
            ip.is_loopback().then_some(())
        };
        let linkedin = || {
            let Some(url::Host::Domain(host)) = url.host() else {
                return false;
            };
            let host = host.to_ascii_lowercase();
            url.scheme() == "https"
                && url.port().is_none()
                && ["linkedin.com", "licdn.com"]
                    .iter()
                    .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        };
        let known = if linkedin_host {
            linkedin()
        } else {
            origin == LINKEDIN_CDN
        };
        let sandbox = self.loopback.as_deref() == Some(url.scheme()) && on_loopback().is_some();
        (known || sandbox).then_some(origin)
    }

    fn transport_for(&self, origin: &str) -> Result<Transport, Error> {
        let mut built = lock(&self.by_origin);
        if let Some(t) = built.get(origin) {
            return Ok(t.clone());
        }
        let t = self.recipe.clone().base_url(origin).build()?;
        built.insert(origin.to_owned(), t.clone());
        Ok(t)
    }
}

impl Transport {
    /// Fetches a public asset, such as a script bundle of the web app, from LinkedIn's CDN
    /// ([`LINKEDIN_CDN`]; a loopback origin for a transport on loopback, such as a sandbox's):
    /// without the session's cookies or tokens, unpaced and uncounted, within the transport's
    /// timeouts and body limit (see the rules in this module's source).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before anything is sent for a URL on another host; otherwise
    /// as [`send`](Self::send).
    pub async fn fetch_asset(&self, url: &str) -> Result<Response, Error> {
        let only = format!("assets are fetched from {LINKEDIN_CDN} only");
        let (transport, target) = self.other_host(url, "asset URL", false, &only)?;
        transport
            .send(Request::get(target).accept(Accept::Any))
            .await
    }

    /// GETs a file LinkedIn gave the URL of (a message's attachment): from an `https` host
    /// of LinkedIn's only (a loopback origin for a transport on loopback), without the
    /// session's cookies or tokens (as a browser loads a file from LinkedIn's media host),
    /// unpaced and uncounted, within the transport's timeouts and body limit.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before anything is sent for a URL on another host; otherwise
    /// as [`send`](Self::send).
    pub async fn download(&self, url: &str) -> Result<Response, Error> {
        let only = "files come from an https host of LinkedIn's only";
        let (transport, target) = self.other_host(url, "download URL", true, only)?;
        transport
            .send(Request::get(target).accept(Accept::Any))
            .await
    }

    /// PUTs `body` to an upload URL LinkedIn gave (a file's bytes, as the web app uploads an
    /// image of a post), with the headers LinkedIn said to send with it (its `content-type`,
    /// else `application/octet-stream`): to an `https` host
    /// of LinkedIn's only (a loopback origin for a transport on loopback), without the
    /// session's cookies or tokens (the URL carries its own authorization), unpaced and
    /// uncounted (the write it belongs to is counted), within the transport's timeouts. A
    /// PUT stores the same bytes when repeated, so it is retried as a read is.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] before anything is sent for a URL on another host or a header
    /// that is not a valid one; otherwise as [`send`](Self::send) (a status that is not a
    /// success is [`Error::Status`]).
    pub async fn upload(
        &self,
        url: &str,
        body: bytes::Bytes,
        headers: &[(String, String)],
    ) -> Result<Response, Error> {
        let only = "uploads go to an https host of LinkedIn's only";
        let (transport, target) = self.other_host(url, "upload URL", true, only)?;
        let mut content_type = http::HeaderValue::from_static("application/octet-stream");
        let mut extra = Vec::new();
        for (name, value) in headers {
            let bad = || Error::InvalidInput {
                field: "upload header",
                reason: format!("{name:?} is not a header LinkedIn could ask for"),
            };
            let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| bad())?;
            let value = http::HeaderValue::from_str(value).map_err(|_| bad())?;
            if name == http::header::CONTENT_TYPE {
                content_type = value;
            } else {
                extra.push((name, value));
            }
        }
        let mut request = Request::put(target, content_type, body).named("upload");
        for (name, value) in extra {
            request = request.header(name, value);
        }
        transport.send(request).await
    }
}

impl Transport {
    /// The cookie-less transport for `url`'s origin and the request target there, when the
    /// rules take the URL (`linkedin_host`: any https host of LinkedIn's; else the CDN only);
    /// else [`Error::InvalidInput`] for `field`, saying `only` and the origin refused.
    fn other_host(
        &self,
        url: &str,
        field: &'static str,
        linkedin_host: bool,
        only: &str,
    ) -> Result<(Transport, String), Error> {
        let refused = |reason: String| Error::InvalidInput { field, reason };
        let parsed = Url::parse(url).map_err(|e| refused(format!("not a URL: {e}")))?;
        let Some(origin) = self.inner.assets.allowed(&parsed, linkedin_host) else {
            return Err(refused(format!(
                "{only}, not {:?}",
                parsed.origin().ascii_serialization()
            )));
        };
        let transport = self.inner.assets.transport_for(&origin)?;
        Ok((transport, origin_form(&parsed)))
    }
}

/// `url`'s path and query, as a request to its origin names it.
fn origin_form(url: &Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_owned(),
    }
}
