//! The listener: accepts connections (plain or TLS), serves HTTP/1.1 and HTTP/2 on each,
//! applies the faults, routes, logs, compresses, and shuts down gracefully.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;
use hyper::body::Incoming as IncomingBody;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::body::Body;
use crate::compress;
use crate::log::{RECORDED_HEADERS, RequestRecord, loggable_body};
use crate::routes::{self, Incoming, json_response};
use crate::session::cookie_names;
use crate::{Fault, State};

/// The largest request body read; a bigger one is answered 413.
const MAX_BODY: usize = 1 << 20;
/// The largest body of an upload's PUT (`/dms-uploads/…`): the client's own limit for a
/// message's file (20 MiB), which is over its image limit.
const MAX_UPLOAD: usize = 20 << 20;
/// How long a graceful shutdown waits for open connections.
const DRAIN: Duration = Duration::from_secs(5);

/// Which of the sandbox's listeners a request came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Site {
    /// `www.linkedin.com`: the pages and the APIs.
    Www,
    /// `static.licdn.com`: the web app's scripts only, to anyone.
    Cdn,
}

pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    site: Site,
    mut stop: watch::Receiver<bool>,
) {
    let graceful = GracefulShutdown::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _peer)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let id = state.connections.fetch_add(1, Ordering::Relaxed);
                let state = state.clone();
                let watcher = graceful.watcher();
                tokio::spawn(async move {
                    match state.tls.as_ref().map(|tls| tls.acceptor.clone()) {
                        Some(acceptor) => {
                            if let Ok(tls) = acceptor.accept(stream).await {
                                serve_connection(tls, state, site, id, watcher).await;
                            }
                        }
                        None => serve_connection(stream, state, site, id, watcher).await,
                    }
                });
            }
            _ = stop.changed() => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN, graceful.shutdown()).await;
}

/// HTTP/1.1 or HTTP/2 (by ALPN under TLS, by preface in the clear) on one connection.
async fn serve_connection<I>(io: I, state: Arc<State>, site: Site, id: u64, watcher: Watcher)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service = service_fn(move |req| handle(state.clone(), site, id, req));
    let builder = auto::Builder::new(TokioExecutor::new());
    let connection = builder
        .serve_connection(TokioIo::new(io), service)
        .into_owned();
    // Errors here are clients going away or faults closing the connection on purpose.
    let _ = watcher.watch(connection).await;
}

/// Serves one request: reads it, applies the faults, routes it, and logs it.
async fn handle(
    state: Arc<State>,
    site: Site,
    connection: u64,
    req: Request<IncomingBody>,
) -> Result<Response<Body>, std::io::Error> {
    let (parts, body) = req.into_parts();
    // `None` when the body is over the limit (or the client cut it off): answered 413 below.
    let upload = parts.method == http::Method::PUT
        && parts
            .uri
            .path()
            .starts_with(crate::api::publishing::UPLOAD_PATH);
    let limit = if upload { MAX_UPLOAD } else { MAX_BODY };
    let body = http_body_util::Limited::new(body, limit)
        .collect()
        .await
        .ok()
        .map(http_body_util::Collected::to_bytes);
    let received = body.clone().unwrap_or_default();
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // No record is made unless someone reads it (a log file, or the memory log).
    let record = state.log.is_on().then(|| RequestRecord {
        seq: state.seq.fetch_add(1, Ordering::Relaxed),
        connection,
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or_default().to_owned(),
        version: format!("{:?}", parts.version),
        headers: RECORDED_HEADERS
            .iter()
            .filter_map(|name| {
                let v = parts.headers.get(*name)?.to_str().ok()?;
                Some(((*name).to_owned(), v.to_owned()))
            })
            .chain(
                parts
                    .headers
                    .contains_key("csrf-token")
                    .then(|| ("csrf-token".to_owned(), "present".to_owned())),
            )
            .collect(),
        cookies: cookie_names(&parts.headers),
        body: loggable_body(&content_type, &received),
        status: 0,
        replayed: None,
        endpoint: None,
        mutation: None,
    });

    let fault = state.draw_fault();
    if let Some(latency) = state.faults.latency {
        tokio::time::sleep(latency).await;
    }
    // A target is a path prefix, optionally after a method: `POST /voyager/api/graphql`.
    let targeted = |target: &Option<String>| {
        target.as_deref().is_some_and(|t| match t.split_once(' ') {
            Some((method, prefix)) => {
                parts.method.as_str() == method && parts.uri.path().starts_with(prefix)
            }
            None => parts.uri.path().starts_with(t),
        })
    };
    if fault == Some(Fault::Reset) || targeted(&state.faults.drop_requests_to) {
        if let Some(record) = record {
            state.log.push(record);
        }
        return Err(std::io::Error::other("connection-reset fault"));
    }
    let mut resp = if let Some(retry_after) = state.over_rate_limit(Instant::now()) {
        let mut resp = json_response(
            StatusCode::TOO_MANY_REQUESTS,
            &serde_json::json!({"status": 429}),
        );
        if let Ok(v) = header::HeaderValue::from_str(&retry_after.to_string()) {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
        resp
    } else if let Some(Fault::ServerError(status)) = fault {
        json_response(status, &serde_json::json!({"status": status.as_u16()}))
    } else if body.is_none() {
        routes::empty(StatusCode::PAYLOAD_TOO_LARGE)
    } else {
        let incoming = Incoming {
            method: &parts.method,
            path: parts.uri.path(),
            query: parts.uri.query().unwrap_or_default(),
            headers: &parts.headers,
            body: &received,
        };
        match site {
            Site::Www => routes::route(&state, &incoming),
            Site::Cdn => routes::cdn(&state, &incoming),
        }
    };
    let mutation = state.mutate_answer(parts.uri.path(), &mut resp);
    if targeted(&state.faults.lose_answers_to) {
        if let Some(record) = record {
            state.log.push(record);
        }
        return Err(std::io::Error::other("lost-answer fault"));
    }
    if let Some(mut record) = record {
        record.status = resp.status().as_u16();
        record.replayed = resp
            .extensions()
            .get::<crate::replay::Replayed>()
            .map(|r| r.0);
        record.endpoint = resp
            .extensions()
            .get::<crate::log::Reached>()
            .map(|r| r.0.to_owned());
        record.mutation = mutation;
        state.log.push(record);
    }

    // Compressed once, before the body faults, which then cut or drip the encoded bytes.
    if state.compression {
        compress::compress(&mut resp, &parts.headers);
    }

    if fault == Some(Fault::Truncate) && resp.body().len() > 1 {
        resp = resp.map(Body::truncate);
    }
    if let Some(pause) = state.faults.slow_body {
        resp = resp.map(|b| b.slow(pause));
    }
    Ok(resp)
}
