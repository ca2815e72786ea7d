//! One attempt: a pooled connection, the HTTP request built with LinkedIn's headers, cookies
//! and `csrf-token`, written, and its answer read whole and decompressed.

use std::sync::atomic::Ordering;

use bytes::Bytes;
use http::StatusCode;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};

use super::Transport;
use crate::body::{self, BodyError};
use crate::error::{Error, TimeoutPhase};
use crate::headers::{self, HeaderProfile};
use crate::pool::Lease;
use crate::request::Request;

/// How one attempt failed before an answer came.
pub(super) struct AttemptError {
    pub(super) error: Error,
    /// Whether the request may have reached the server.
    pub(super) sent: bool,
}

impl Transport {
    /// One attempt: a connection, the request written, the answer read whole.
    pub(super) async fn attempt(
        &self,
        request: &Request,
        login_flow: bool,
    ) -> Result<Answer, AttemptError> {
        let not_sent = |error| AttemptError { error, sent: false };
        // A connection found closed before the request could be written is replaced; the
        // request is then certainly unsent, so any method may go again.
        for _ in 0..3 {
            let lease = self.inner.pool.checkout().await.map_err(not_sent)?;
            let http2 = matches!(lease, Lease::Http2(_));
            let req = self.build(request, http2, login_flow).map_err(not_sent)?;
            let limit = self.inner.timeouts.request;
            let outcome = tokio::time::timeout(limit, self.exchange(lease, req)).await;
            match outcome {
                Err(_) => {
                    return Err(AttemptError {
                        error: Error::Timeout {
                            phase: TimeoutPhase::Request,
                        },
                        sent: true,
                    });
                }
                Ok(Exchange::Unsent) => {}
                Ok(Exchange::Failed(error)) => return Err(AttemptError { error, sent: true }),
                Ok(Exchange::Answered(answer)) => return Ok(answer),
            }
        }
        Err(not_sent(Error::Connect {
            host: self.inner.pool.origin().authority(),
            stage: "sending the request",
            source: "the server keeps closing connections before a request can be sent".into(),
        }))
    }

    async fn exchange(
        &self,
        lease: Lease<'_>,
        req: http::Request<crate::connect::ReqBody>,
    ) -> Exchange {
        let interrupted = |e: hyper::Error| {
            Exchange::Failed(Error::Connect {
                host: self.inner.pool.origin().authority(),
                stage: "sending the request or reading its answer",
                source: e.into(),
            })
        };
        let (response, http1) = match lease {
            Lease::Http2(mut sender) => {
                if sender.ready().await.is_err() {
                    return Exchange::Unsent;
                }
                self.inner.sent.fetch_add(1, Ordering::Relaxed);
                match sender.try_send_request(req).await {
                    Ok(r) => (r, None),
                    Err(mut e) => {
                        return match e.take_message() {
                            Some(_) => Exchange::Unsent,
                            None => interrupted(e.into_error()),
                        };
                    }
                }
            }
            Lease::Http1(mut lease) => {
                let Some(sender) = lease.sender.as_mut() else {
                    return Exchange::Unsent;
                };
                self.inner.sent.fetch_add(1, Ordering::Relaxed);
                match sender.try_send_request(req).await {
                    Ok(r) => (r, Some(lease)),
                    Err(mut e) => {
                        return match e.take_message() {
                            Some(_) => Exchange::Unsent,
                            None => interrupted(e.into_error()),
                        };
                    }
                }
            }
        };
        let (parts, incoming) = response.into_parts();
        let raw = match body::collect(incoming, self.inner.max_body).await {
            Ok(raw) => raw,
            Err(BodyError::Io(e)) => return interrupted(e),
            Err(BodyError::TooLarge) => {
                return Exchange::Failed(body::too_large(self.inner.max_body));
            }
        };
        if let Some(lease) = http1 {
            lease.release();
        }
        match body::decode(&parts.headers, raw, self.inner.max_body) {
            Ok(body) => Exchange::Answered(Answer {
                status: parts.status,
                headers: parts.headers,
                body,
                version: parts.version,
            }),
            Err(e) => Exchange::Failed(e),
        }
    }

    /// The HTTP request for one attempt.
    pub(super) fn build(
        &self,
        request: &Request,
        http2: bool,
        login_flow: bool,
    ) -> Result<http::Request<crate::connect::ReqBody>, Error> {
        let origin = self.inner.pool.origin();
        let uri = if http2 {
            let scheme = if origin.https { "https" } else { "http" };
            format!("{scheme}://{}{}", origin.authority(), request.target())
        } else {
            request.target().to_owned()
        };
        let mut builder = http::Request::builder()
            .method(request.method().clone())
            .uri(uri);
        let headers = builder.headers_mut().ok_or_else(|| Error::InvalidInput {
            field: "request target",
            reason: format!("not a valid URI: {:?}", request.target()),
        })?;
        if !http2 {
            headers.insert(header::HOST, header_value(&origin.authority())?);
        }
        let url = self.url_of(request.target());
        if self.inner.asset_host {
            headers.insert(
                header::USER_AGENT,
                header_value(&self.identity().user_agent)?,
            );
        } else if self.inner.profile == HeaderProfile::Touch {
            headers.insert(
                header::USER_AGENT,
                HeaderValue::from_static(headers::TOUCH_USER_AGENT),
            );
            for (name, value) in headers::TOUCH {
                headers.insert(name, HeaderValue::from_static(value));
            }
            if let (false, Some(token)) = (login_flow, self.csrf_token(&url)) {
                let mut value = header_value(&token)?;
                value.set_sensitive(true);
                headers.insert("csrf-token", value);
            }
        } else if login_flow {
            for (name, value) in headers::LOGIN {
                headers.insert(name, HeaderValue::from_static(value));
            }
        } else {
            let identity = self.identity();
            headers.insert(header::USER_AGENT, header_value(&identity.user_agent)?);
            if let Some(track) = &identity.li_track {
                headers.insert("x-li-track", header_value(track)?);
            }
            for (name, value) in headers::WEB_FIXED {
                headers.insert(name, HeaderValue::from_static(value));
            }
            if let Some(token) = self.csrf_token(&url) {
                let mut value = header_value(&token)?;
                value.set_sensitive(true);
                headers.insert("csrf-token", value);
            }
        }
        headers.insert(
            header::ACCEPT,
            HeaderValue::from_static(request.accept_encoding().as_str()),
        );
        if let Some(cookies) = self.cookie_header(&url).filter(|_| !self.inner.asset_host) {
            let mut value = header_value(&cookies)?;
            value.set_sensitive(true);
            headers.insert(header::COOKIE, value);
        }
        for (name, value) in request.extra_headers() {
            if !is_reserved(name) {
                headers.insert(name.clone(), value.clone());
            }
        }
        let body = match request.body() {
            Some((content_type, bytes)) => {
                if !content_type.is_empty() {
                    headers.insert(header::CONTENT_TYPE, content_type.clone());
                }
                bytes.clone()
            }
            None => Bytes::new(),
        };
        builder
            .body(http_body_util::Full::new(body))
            .map_err(|e| Error::InvalidInput {
                field: "request",
                reason: e.to_string(),
            })
    }
}

/// An answer as it came, before classification.
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) headers: HeaderMap,
    pub(super) body: Bytes,
    pub(super) version: http::Version,
}

enum Exchange {
    /// The request certainly did not leave: the connection was closed first.
    Unsent,
    Failed(Error),
    Answered(Answer),
}

fn header_value(text: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(text).map_err(|_| Error::InvalidInput {
        field: "header",
        reason: "a value holds a character not allowed in HTTP headers".to_owned(),
    })
}

/// Headers the transport owns.
fn is_reserved(name: &HeaderName) -> bool {
    name == header::HOST
        || name == header::COOKIE
        || name == header::CONTENT_LENGTH
        || name == header::TRANSFER_ENCODING
        || name.as_str() == "csrf-token"
}
