//! What a caller sends and gets back.

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};

use crate::error::Error;

/// The response encoding asked for with `accept`; LinkedIn shapes the body after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Accept {
    /// `application/vnd.linkedin.normalized+json+2.1`: `data` + `included` with `$type` and
    /// `*field` references, as the web app asks for REST and GraphQL reads.
    #[default]
    Normalized,
    /// `application/graphql`: the messaging GraphQL endpoint's nested `_type` shape.
    Graphql,
    /// `application/json`: what the web app sends with messaging writes.
    Json,
    /// `*/*`: LinkedIn's default nested JSON with union keys (legacy endpoints).
    Any,
    /// A web page.
    Html,
}

impl Accept {
    /// The header value.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Normalized => "application/vnd.linkedin.normalized+json+2.1",
            Self::Graphql => "application/graphql",
            Self::Json => "application/json",
            Self::Any => "*/*",
            Self::Html => "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        }
    }
}

/// Whether a request may be sent again after it may have reached LinkedIn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Reads (GET, GraphQL queries) and writes that are safe to repeat (mark as read): retried
    /// on connection errors, 429 and 502/503/504.
    Idempotent,
    /// Writes that create something (a message, an invitation): sent again only when it is
    /// certain that the first attempt never left this machine.
    Once,
}

/// One request to LinkedIn, relative to the transport's base URL.
///
/// ```
/// use linkedin_transport::{Accept, Request};
///
/// let read = Request::get("/voyager/api/me").accept(Accept::Normalized);
/// let write = Request::post(
///     "/voyager/api/voyagerMessagingDashMessengerMessages?action=createMessage",
///     "text/plain;charset=UTF-8",
///     r#"{"message":{"body":{"text":"Hi"}}}"#,
/// );
/// assert_eq!(read.target(), "/voyager/api/me");
/// assert_eq!(write.method(), &http::Method::POST);
/// ```
#[derive(Debug, Clone)]
pub struct Request {
    method: Method,
    target: String,
    accept: Accept,
    body: Option<(HeaderValue, Bytes)>,
    idempotency: Idempotency,
    headers: Vec<(HeaderName, HeaderValue)>,
    action: Option<crate::governor::Action>,
    name: Option<&'static str>,
}

impl Request {
    /// A GET of `target` (path and query, starting with `/`). Retried when safe.
    pub fn get(target: impl Into<String>) -> Self {
        Self {
            method: Method::GET,
            target: target.into(),
            accept: Accept::default(),
            body: None,
            idempotency: Idempotency::Idempotent,
            headers: Vec::new(),
            action: None,
            name: None,
        }
    }

    /// A POST of `body` with its `content-type` (`""` for none). Never retried once it may
    /// have been sent; mark it [`idempotent`](Self::idempotent) when repeating it is harmless.
    pub fn post(
        target: impl Into<String>,
        content_type: &'static str,
        body: impl Into<Bytes>,
    ) -> Self {
        Self {
            method: Method::POST,
            target: target.into(),
            accept: Accept::Json,
            body: Some((HeaderValue::from_static(content_type), body.into())),
            idempotency: Idempotency::Once,
            headers: Vec::new(),
            action: None,
            name: None,
        }
    }

    /// A PUT of `body` with its `content-type`: the bytes of an upload, to the URL LinkedIn
    /// gave for it. Repeating it stores the same bytes again, so it is retried like a read.
    pub fn put(
        target: impl Into<String>,
        content_type: HeaderValue,
        body: impl Into<Bytes>,
    ) -> Self {
        Self {
            method: Method::PUT,
            target: target.into(),
            accept: Accept::Any,
            body: Some((content_type, body.into())),
            idempotency: Idempotency::Idempotent,
            headers: Vec::new(),
            action: None,
            name: None,
        }
    }

    /// A DELETE of `target` (a Rest.li delete: no body). Never retried once it may have been
    /// sent (the caller settles a lost answer); mark it [`idempotent`](Self::idempotent) to
    /// let the transport repeat it.
    pub fn delete(target: impl Into<String>) -> Self {
        Self {
            method: Method::DELETE,
            target: target.into(),
            accept: Accept::Json,
            body: None,
            idempotency: Idempotency::Once,
            headers: Vec::new(),
            action: None,
            name: None,
        }
    }

    /// Asks for this response encoding.
    #[must_use]
    pub fn accept(mut self, accept: Accept) -> Self {
        self.accept = accept;
        self
    }

    /// Declares the request safe to repeat (a GraphQL query sent as POST, marking as read).
    #[must_use]
    pub fn idempotent(mut self) -> Self {
        self.idempotency = Idempotency::Idempotent;
        self
    }

    /// Sends it at most once, even a read: for a probe, whose failure is an answer in itself
    /// (a candidate id that LinkedIn refuses), not a trouble worth waiting out.
    #[must_use]
    pub fn once(mut self) -> Self {
        self.idempotency = Idempotency::Once;
        self
    }

    /// Adds a header (for example `x-li-page-instance`). Headers the transport sets itself
    /// (cookies, `csrf-token`, `host`) cannot be overridden this way.
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Counts the request against the account's daily budget of `action` (a message, a
    /// connection request, a profile view, ...): refused before it is sent once the budget
    /// is spent. Retries of it count once.
    #[must_use]
    pub fn counts_as(mut self, action: crate::governor::Action) -> Self {
        self.action = Some(action);
        self
    }

    /// Names what the request is for, in the caller's terms (the facade gives its catalogue
    /// entry, `search_clusters`): an [`Error::Status`] of its answer says it.
    #[must_use]
    pub fn named(mut self, name: &'static str) -> Self {
        self.name = Some(name);
        self
    }

    /// What the request is for, when [`named`](Self::named).
    #[must_use]
    pub fn name(&self) -> Option<&'static str> {
        self.name
    }

    /// The daily budget it counts against, if any.
    #[must_use]
    pub fn counted_as(&self) -> Option<crate::governor::Action> {
        self.action
    }

    /// The method.
    #[must_use]
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path and query.
    #[must_use]
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The path without the query.
    #[must_use]
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The requested encoding.
    #[must_use]
    pub fn accept_encoding(&self) -> Accept {
        self.accept
    }

    /// Whether it may be repeated.
    #[must_use]
    pub fn idempotency(&self) -> Idempotency {
        self.idempotency
    }

    pub(crate) fn body(&self) -> Option<&(HeaderValue, Bytes)> {
        self.body.as_ref()
    }

    pub(crate) fn extra_headers(&self) -> &[(HeaderName, HeaderValue)] {
        &self.headers
    }

    /// Refuses a target that is not an origin-form path and query (checked before sending).
    pub(crate) fn check(&self) -> Result<(), Error> {
        let bad = |reason: &str| Error::InvalidInput {
            field: "request target",
            reason: format!("{reason}: {:?}", self.target),
        };
        if !self.target.starts_with('/') {
            return Err(bad("must start with '/'"));
        }
        if self.target.starts_with("//") {
            return Err(bad("must not start with '//'"));
        }
        if self
            .target
            .bytes()
            .any(|b| b <= b' ' || b == 0x7f || b == b'#' || !b.is_ascii())
        {
            return Err(bad(
                "holds a space, control, '#' or non-ASCII character (encode the query with restli)",
            ));
        }
        Ok(())
    }
}

/// An answer read whole (and decompressed).
#[derive(Debug, Clone)]
pub struct Response {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) version: http::Version,
}

impl Response {
    /// The status (always a success: failures are [`Error`]s).
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers (`set-cookie` values are removed: they are in the transport's cookie jar).
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body, decompressed.
    #[must_use]
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The body, taken.
    #[must_use]
    pub fn into_body(self) -> Bytes {
        self.body
    }

    /// The HTTP version it came over.
    #[must_use]
    pub fn version(&self) -> http::Version {
        self.version
    }

    /// Parses the body as JSON into `T`.
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] with the reason and position.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(&self.body).map_err(|e| Error::Decode {
            reason: "the body is not the JSON expected".to_owned(),
            source: Some(e.into()),
        })
    }
}
