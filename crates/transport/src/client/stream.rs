//! A request whose answer's body is read as it arrives: LinkedIn's realtime stream
//! (`GET /realtime/connect`, a `text/event-stream` that stays open for minutes).
//!
//! The request goes as any other (the governor's pacing and breaker, LinkedIn's headers, the
//! cookies and `csrf-token`), once: a stream is never retried here, its caller reconnects.
//! An answer that is not a success is read whole and classified as any other, so a challenge,
//! an expired session or a cookie wipe is the same typed error (and trips the breaker the
//! same way). A success gives a [`StreamingResponse`] whose chunks are decompressed as they
//! come (gzip or br, as LinkedIn sends them). Dropping it closes the stream: an HTTP/1.1
//! connection is closed (never given back to the pool half read), an HTTP/2 stream reset.

use std::io::Write;

use bytes::Bytes;
use http::StatusCode;
use http::header::{CONTENT_ENCODING, HeaderMap};
use http_body_util::BodyExt;
use hyper::body::Incoming;

use super::Transport;
use super::classify::Verdict;
use super::exchange::Answer;
use crate::error::{Error, TimeoutPhase};
use crate::pool::Lease;
use crate::request::Request;

/// An answer whose body is read chunk by chunk as the server sends it (see
/// [`Transport::open_stream`]).
pub struct StreamingResponse {
    status: StatusCode,
    headers: HeaderMap,
    body: Incoming,
    decoder: Decoder,
    /// The HTTP/1.1 connection the body comes on, closed when this is dropped.
    _connection: Option<Detached>,
}

impl std::fmt::Debug for StreamingResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamingResponse")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl StreamingResponse {
    /// The status (a success: others are errors of [`Transport::open_stream`]).
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers (without `Set-Cookie`, which the cookie jar took).
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The next bytes of the body, decompressed; `None` when the server ended it. A chunk may
    /// be empty (compressed bytes that decode to nothing yet).
    ///
    /// # Errors
    ///
    /// [`Error::Connect`] when the connection breaks, [`Error::Decode`] for a corrupt
    /// compressed body.
    pub async fn chunk(&mut self) -> Option<Result<Bytes, Error>> {
        loop {
            let frame = match self.body.frame().await? {
                Ok(frame) => frame,
                Err(e) => {
                    return Some(Err(Error::Connect {
                        host: String::new(),
                        stage: "reading a streamed answer",
                        source: e.into(),
                    }));
                }
            };
            if let Ok(data) = frame.into_data() {
                return Some(self.decoder.feed(&data));
            }
        }
    }
}

/// A detached HTTP/1.1 connection: counted closed in its pool when dropped.
struct Detached {
    _sender: hyper::client::conn::http1::SendRequest<crate::connect::ReqBody>,
    transport: Transport,
}

impl Drop for Detached {
    fn drop(&mut self) {
        self.transport.inner.pool.closed_one();
    }
}

/// Undoes a `content-encoding` chunk by chunk.
enum Decoder {
    Identity,
    Gzip(Box<flate2::write::GzDecoder<Vec<u8>>>),
    Brotli(Box<brotli::DecompressorWriter<Vec<u8>>>),
}

impl Decoder {
    fn of(headers: &HeaderMap) -> Result<Self, Error> {
        let encoding = headers
            .get(CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match encoding.as_str() {
            "" | "identity" => Ok(Self::Identity),
            "gzip" | "x-gzip" => Ok(Self::Gzip(Box::new(flate2::write::GzDecoder::new(
                Vec::new(),
            )))),
            "br" => Ok(Self::Brotli(Box::new(brotli::DecompressorWriter::new(
                Vec::new(),
                4096,
            )))),
            other => Err(Error::Decode {
                reason: format!("unsupported content-encoding {other:?} on a stream"),
                source: None,
            }),
        }
    }

    fn feed(&mut self, data: &[u8]) -> Result<Bytes, Error> {
        let corrupt = |e: std::io::Error| Error::Decode {
            reason: "the compressed stream is corrupt".to_owned(),
            source: Some(e.into()),
        };
        match self {
            Self::Identity => Ok(Bytes::copy_from_slice(data)),
            Self::Gzip(d) => {
                d.write_all(data)
                    .and_then(|()| d.flush())
                    .map_err(corrupt)?;
                Ok(Bytes::from(std::mem::take(d.get_mut())))
            }
            Self::Brotli(d) => {
                d.write_all(data)
                    .and_then(|()| d.flush())
                    .map_err(corrupt)?;
                Ok(Bytes::from(std::mem::take(d.get_mut())))
            }
        }
    }
}

impl Transport {
    /// Sends a request once and gives its answer as a stream of body chunks, for LinkedIn's
    /// realtime stream: paced and admitted by the account's governor, with LinkedIn's headers,
    /// the cookies and `csrf-token` like [`send`](Self::send), the request's own headers
    /// (`accept: text/event-stream`, the realtime ones) on top. The request timeout bounds
    /// the wait for the answer's headers only; the body may last as long as the server keeps
    /// it open. Never retried: the caller reconnects when it wants to.
    ///
    /// # Errors
    ///
    /// As [`send`](Self::send) for an answer that is not a success (read whole and
    /// classified: [`Error::Challenge`], [`Error::SessionExpired`], [`Error::Status`], ...),
    /// and the connection errors and timeouts of getting the answer's headers.
    pub async fn open_stream(&self, request: Request) -> Result<StreamingResponse, Error> {
        request.check()?;
        let account = self.governed_account();
        self.inner
            .governor
            .admit(&account, request.counted_as())
            .await?;
        let lease = self.inner.pool.checkout().await?;
        let http2 = matches!(lease, Lease::Http2(_));
        let req = self.build(&request, http2, false)?;
        let interrupted = |e: hyper::Error| Error::Connect {
            host: self.inner.pool.origin().authority(),
            stage: "opening a stream",
            source: e.into(),
        };
        let limit = self.inner.timeouts.request;
        let timeout = || Error::Timeout {
            phase: TimeoutPhase::Request,
        };
        let (response, connection) = match lease {
            Lease::Http2(mut sender) => {
                let sent = async {
                    sender.ready().await?;
                    sender.send_request(req).await
                };
                let response = tokio::time::timeout(limit, sent)
                    .await
                    .map_err(|_| timeout())?
                    .map_err(interrupted)?;
                (response, None)
            }
            Lease::Http1(lease) => {
                let Some(mut sender) = lease.detach() else {
                    return Err(Error::Connect {
                        host: self.inner.pool.origin().authority(),
                        stage: "opening a stream",
                        source: "the pooled connection was already closed".into(),
                    });
                };
                let response = tokio::time::timeout(limit, sender.send_request(req)).await;
                let held = Detached {
                    _sender: sender,
                    transport: self.clone(),
                };
                let response = response.map_err(|_| timeout())?.map_err(interrupted)?;
                (response, Some(held))
            }
        };
        self.inner
            .sent
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (parts, body) = response.into_parts();
        tracing::debug!(
            method = %request.method(),
            path = %request.path(),
            status = parts.status.as_u16(),
            "stream opened"
        );
        if !parts.status.is_success() {
            let read = tokio::time::timeout(limit, body.collect())
                .await
                .map_err(|_| timeout())?
                .map_err(interrupted)?;
            let mut raw = read.to_bytes();
            raw.truncate(self.inner.max_body);
            let raw =
                crate::body::decode(&parts.headers, raw, self.inner.max_body).unwrap_or_default();
            let answer = Answer {
                status: parts.status,
                headers: parts.headers,
                body: raw,
                version: parts.version,
            };
            return Err(self.refusal(&request, &account, answer).await);
        }
        let answer = Answer {
            status: parts.status,
            headers: parts.headers,
            body: Bytes::new(),
            version: parts.version,
        };
        // A success still goes through the classifier: its cookies are stored, and one that
        // wipes `li_at` ends the session.
        let headers = match self.classify(&request, answer, false) {
            Verdict::Done(Ok(response)) => response.headers().clone(),
            Verdict::Done(Err(error)) | Verdict::Retry { error, .. } => return Err(error),
            Verdict::Trip { error, reason, url } => {
                if let Err(e) = self.inner.governor.trip(&account, reason, url).await {
                    tracing::error!(error = %e, "could not record the tripped breaker");
                }
                return Err(error);
            }
        };
        Ok(StreamingResponse {
            status: parts.status,
            decoder: Decoder::of(&headers)?,
            headers,
            body,
            _connection: connection,
        })
    }

    /// The error of a stream's answer that is not a success, as the classifier makes it (a
    /// trip recorded).
    async fn refusal(&self, request: &Request, account: &str, answer: Answer) -> Error {
        match self.classify(request, answer, false) {
            Verdict::Done(Err(error)) | Verdict::Retry { error, .. } => error,
            Verdict::Done(Ok(response)) => Error::Status {
                code: response.status().as_u16(),
                endpoint: request.name(),
                body_excerpt: String::new(),
                reason: None,
            },
            Verdict::Trip { error, reason, url } => {
                if let Err(e) = self.inner.governor.trip(account, reason, url).await {
                    tracing::error!(error = %e, "could not record the tripped breaker");
                }
                error
            }
        }
    }
}
