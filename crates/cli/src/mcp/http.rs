//! `linkedin mcp --http 127.0.0.1:PORT`: the same tools over MCP's streamable HTTP transport
//! (rmcp's `StreamableHttpService`, one MCP session per client, served by hyper's HTTP/1.1
//! server), at `http://ADDR/mcp`, on loopback only.
//!
//! The server acts as the logged-in member for whoever can reach it, so it listens on a
//! loopback address only (a wider one is refused before anything starts), and rmcp refuses a
//! request whose `Host` is not this address or `localhost` (DNS rebinding).

use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};

use super::Server;
use crate::exit::Failure;

/// The path of the MCP endpoint.
pub(crate) const PATH: &str = "/mcp";

/// Why an `--http` address is refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum AddrError {
    /// Not `IP:PORT`.
    Malformed(String),
    /// Not a loopback address (127.0.0.0/8 or ::1).
    NotLoopback(SocketAddr),
}

impl std::fmt::Display for AddrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Malformed(text) => write!(
                f,
                "--http {text:?}: expected IP:PORT on loopback, such as 127.0.0.1:8765 (port 0: any free one)"
            ),
            Self::NotLoopback(addr) => write!(
                f,
                "--http {addr}: not a loopback address; the server acts as your LinkedIn account for whoever reaches it, so it listens on 127.0.0.1 or [::1] only"
            ),
        }
    }
}

impl From<AddrError> for Failure {
    fn from(e: AddrError) -> Self {
        Failure::usage(e.to_string())
    }
}

/// The address of `--http`, checked: `IP:PORT` with a loopback IP.
pub(crate) fn loopback(text: &str) -> Result<SocketAddr, AddrError> {
    let addr: SocketAddr = text
        .trim()
        .parse()
        .map_err(|_| AddrError::Malformed(text.to_owned()))?;
    if addr.ip().is_loopback() {
        Ok(addr)
    } else {
        Err(AddrError::NotLoopback(addr))
    }
}

/// Serves `server`'s tools at `http://addr/mcp` until Ctrl-C (or the end of the process).
pub(crate) async fn serve(server: Server, addr: SocketAddr) -> Result<(), Failure> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Failure::usage(format!("--http {addr}: cannot listen there: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Failure::internal(format!("the listening address is unknown: {e}")))?;
    let hosts = [
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
        bound.ip().to_string(),
    ];
    let config = StreamableHttpServerConfig::default().with_allowed_hosts(hosts);
    let service = StreamableHttpService::new(
        move || Ok(server.session()),
        Arc::new(LocalSessionManager::default()),
        config,
    );
    // The one line a client (or a script) waits for: where the server is.
    eprintln!("linkedin mcp: streamable HTTP on http://{bound}{PATH} (Ctrl-C to stop)");
    let stop = tokio::signal::ctrl_c();
    tokio::pin!(stop);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(conn) => conn,
                // A connection that failed before it was accepted: the next one may not.
                Err(_) => continue,
            },
            _ = &mut stop => return Ok(()),
        };
        let service = service.clone();
        tokio::spawn(async move {
            let handler = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let mut service = service.clone();
                async move {
                    if req.uri().path() != PATH {
                        let body = Full::from(format!("not found: the MCP endpoint is {PATH}\n"))
                            .map_err(|never| match never {})
                            .boxed();
                        let mut answer = hyper::Response::new(body);
                        *answer.status_mut() = hyper::StatusCode::NOT_FOUND;
                        return Ok::<_, std::convert::Infallible>(answer);
                    }
                    tower_call(&mut service, req).await
                }
            });
            // A client that goes away mid-request ends only its connection.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), handler)
                .await;
        });
    }
}

/// One request through rmcp's tower service.
async fn tower_call<S, B>(service: &mut S, req: hyper::Request<B>) -> Result<S::Response, S::Error>
where
    S: tower_service::Service<hyper::Request<B>>,
{
    std::future::poll_fn(|cx| service.poll_ready(cx)).await?;
    service.call(req).await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn only_loopback_addresses() {
        assert_eq!(loopback("127.0.0.1:8765").unwrap().port(), 8765);
        assert!(loopback("[::1]:0").is_ok());
        assert!(loopback("127.0.0.2:1").is_ok());
        assert!(matches!(
            loopback("0.0.0.0:8765"),
            Err(AddrError::NotLoopback(_))
        ));
        assert!(matches!(
            loopback("192.168.1.2:80"),
            Err(AddrError::NotLoopback(_))
        ));
        assert!(matches!(
            loopback("[::]:80"),
            Err(AddrError::NotLoopback(_))
        ));
        assert!(matches!(
            loopback("localhost:80"),
            Err(AddrError::Malformed(_))
        ));
        assert!(matches!(loopback("8765"), Err(AddrError::Malformed(_))));
    }
}
