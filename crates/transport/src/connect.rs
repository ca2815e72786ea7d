//! Opening one connection, as a chain of connectors (each a `tower_service::Service<Uri>`):
//!
//! 1. [`TcpConnector`]: a TCP connection to the origin (or the address given to
//!    `TransportBuilder::resolve`), or to the proxy when there is one; `TCP_NODELAY` set.
//! 2. [`Tunnel`]: with a proxy, an HTTP `CONNECT host:port` through it (also for plain `http`
//!    origins, so that a proxy sees the same thing for both); without one, nothing.
//! 3. For `https` origins, hyper-rustls's `HttpsConnector` over that: TLS with our rustls
//!    settings, ALPN offering h2 then http/1.1.
//!
//! After the chain, hyper's own HTTP/1.1 or HTTP/2 handshake (`hyper::client::conn`), as ALPN
//! decided; the pool keeps the connections. The whole of it runs within the connect timeout.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http::Uri;
use http_body_util::Full;
use hyper::client::conn::{http1, http2};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder, MaybeHttpsStream};
use hyper_util::client::legacy::connect::Connection as _;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use rustls::ClientConfig;
use rustls_pki_types::CertificateDer;
use secrecy::ExposeSecret as _;
use secrecy::zeroize::Zeroize as _;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tower_service::Service;

use crate::error::{BoxError, Error, TimeoutPhase};
use crate::proxy::Proxy;

/// The request body type every connection sends.
pub(crate) type ReqBody = Full<Bytes>;

/// Where requests go: scheme, host and port from the base URL, and optionally the socket
/// address to connect to instead of resolving the host (like `curl --resolve`), so that the
/// `Host` header, TLS server name and cookie domain stay those of the base URL.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    pub(crate) https: bool,
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) resolve: Option<SocketAddr>,
}

impl Origin {
    /// The `Host` header value: the port only when it is not the scheme's default.
    pub(crate) fn authority(&self) -> String {
        let default = if self.https { 443 } else { 80 };
        if self.port == default {
            self.bracketed_host()
        } else {
            format!("{}:{}", self.bracketed_host(), self.port)
        }
    }

    /// The host, an IPv6 address in brackets.
    fn bracketed_host(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        }
    }

    /// Whether requests stay on this machine (the sandbox): no pacing is needed there. A
    /// proxy changes nothing here: what is paced is what reaches the origin.
    pub(crate) fn is_loopback(&self) -> bool {
        if let Some(addr) = self.resolve {
            return addr.ip().is_loopback();
        }
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

/// A freshly opened connection, ready to send.
pub(crate) enum Connection {
    Http1(http1::SendRequest<ReqBody>),
    Http2(http2::SendRequest<ReqBody>),
}

/// The TLS settings: ring chosen explicitly (never the process default, which panics when two
/// providers are compiled in), webpki roots (and the system's, when asked) plus the caller's
/// extra roots. Verification is always on. ALPN is left to [`Connector::new`], which has
/// hyper-rustls offer h2 then http/1.1.
pub(crate) fn tls_config(
    extra_roots: &[CertificateDer<'static>],
    native_roots: bool,
) -> Result<ClientConfig, Error> {
    let mut roots = rustls::RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    if native_roots {
        let found = rustls_native_certs::load_native_certs();
        if found.certs.is_empty() {
            return Err(Error::InvalidInput {
                field: "native roots",
                reason: format!(
                    "no certificate could be read from the system's trust store ({} errors)",
                    found.errors.len()
                ),
            });
        }
        // Some system stores hold certificates rustls cannot use; those are skipped.
        let (added, skipped) = roots.add_parsable_certificates(found.certs);
        tracing::debug!(added, skipped, "system roots loaded");
    }
    for cert in extra_roots {
        roots.add(cert.clone()).map_err(|e| Error::InvalidInput {
            field: "root certificate",
            reason: e.to_string(),
        })?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::InvalidInput {
            field: "TLS settings",
            reason: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// What the connectors' futures are.
type Connecting<T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>;

/// The connection stream under TLS (or under HTTP, for `http` origins).
type Tcp = TokioIo<TcpStream>;

/// The chain for one origin, built once with the transport.
pub(crate) struct Connector {
    origin: Origin,
    /// `scheme://host:port/` of the origin: what the chain is called with.
    uri: Uri,
    /// TCP and the proxy's tunnel: the whole chain of an `http` origin.
    tunnel: Tunnel,
    /// TLS over the tunnel, for an `https` origin.
    https: Option<HttpsConnector<Tunnel>>,
}

impl Connector {
    /// The chain for `origin`: TLS with `tls` when the origin is `https`, through `proxy` when
    /// there is one.
    pub(crate) fn new(
        origin: Origin,
        tls: Option<ClientConfig>,
        proxy: Option<Proxy>,
    ) -> Result<Self, Error> {
        let scheme = if origin.https { "https" } else { "http" };
        let uri = format!("{scheme}://{}:{}/", origin.bracketed_host(), origin.port);
        let uri: Uri = uri
            .parse()
            .map_err(|e: http::uri::InvalidUri| Error::InvalidInput {
                field: "base URL",
                reason: e.to_string(),
            })?;
        let tunnel = match proxy {
            None => Tunnel {
                tcp: TcpConnector {
                    resolve: origin.resolve,
                    to_proxy: false,
                },
                proxy: None,
            },
            Some(proxy) => {
                let proxy_uri: Uri = format!("http://{}/", proxy.authority()).parse().map_err(
                    |e: http::uri::InvalidUri| Error::InvalidInput {
                        field: "proxy URL",
                        reason: e.to_string(),
                    },
                )?;
                // With a proxy, the proxy resolves the origin's name; an address given to
                // `resolve` is where the tunnel goes instead.
                let target = match origin.resolve {
                    Some(addr) => addr.to_string(),
                    None => format!("{}:{}", origin.bracketed_host(), origin.port),
                };
                Tunnel {
                    tcp: TcpConnector {
                        resolve: None,
                        to_proxy: true,
                    },
                    proxy: Some(Arc::new(ProxyHop {
                        uri: proxy_uri,
                        proxy,
                        target,
                    })),
                }
            }
        };
        let https = match (origin.https, tls) {
            (true, Some(config)) => Some(
                HttpsConnectorBuilder::new()
                    .with_tls_config(config)
                    .https_only()
                    .enable_all_versions()
                    .wrap_connector(tunnel.clone()),
            ),
            _ => None,
        };
        Ok(Self {
            origin,
            uri,
            tunnel,
            https,
        })
    }

    pub(crate) fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The proxy connections go through, `host:port`, for logs.
    pub(crate) fn proxy(&self) -> Option<String> {
        self.tunnel.proxy.as_ref().map(|hop| hop.proxy.authority())
    }

    /// Opens a connection within `timeout` (TCP, the proxy's tunnel, TLS and the HTTP
    /// handshake).
    pub(crate) async fn open(&self, timeout: Duration) -> Result<Connection, Error> {
        tokio::time::timeout(timeout, self.open_inner())
            .await
            .map_err(|_| Error::Timeout {
                phase: TimeoutPhase::Connect,
            })?
    }

    async fn open_inner(&self) -> Result<Connection, Error> {
        let stream: MaybeHttpsStream<Tcp> = match &self.https {
            Some(https) => {
                let mut https = https.clone();
                std::future::poll_fn(|cx| https.poll_ready(cx))
                    .await
                    .map_err(|e| self.chain_error(e))?;
                https
                    .call(self.uri.clone())
                    .await
                    .map_err(|e| self.chain_error(e))?
            }
            None => self.tunnel.clone().call(self.uri.clone()).await?.into(),
        };
        let h2 = stream.connected().is_negotiated_h2();
        handshake(&self.origin, stream, h2).await
    }

    /// An error of the TLS chain: ours from TCP or the tunnel as it was; what rustls refused
    /// (a certificate problem) is `Tls`; an I/O failure during the handshake (reset, closed)
    /// is a connection problem.
    fn chain_error(&self, e: BoxError) -> Error {
        let e = match e.downcast::<Error>() {
            Ok(ours) => return *ours,
            Err(e) => e,
        };
        let connect = |source: BoxError| Error::Connect {
            host: self.origin.authority(),
            stage: "the TLS handshake",
            source,
        };
        let io = match e.downcast::<io::Error>() {
            Ok(io) => unwrap_other(*io),
            Err(other) => return connect(other),
        };
        match io.downcast::<rustls::Error>() {
            Ok(source) => Error::Tls {
                host: self.origin.host.clone(),
                source,
            },
            Err(io) => connect(io.into()),
        }
    }
}

/// hyper-rustls wraps tokio-rustls's `io::Error` (which holds what rustls refused) in
/// `io::Error::other`: the inner one.
fn unwrap_other(io: io::Error) -> io::Error {
    if !io.get_ref().is_some_and(|inner| inner.is::<io::Error>()) {
        return io;
    }
    match io.into_inner().map(|inner| inner.downcast::<io::Error>()) {
        Some(Ok(inner)) => *inner,
        Some(Err(other)) => io::Error::other(other),
        None => io::Error::other("the TLS handshake failed"),
    }
}

/// The first connector: TCP to the URI's host and port, or to the address given instead.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TcpConnector {
    /// Connect here instead of resolving the URI's host (`TransportBuilder::resolve`).
    resolve: Option<SocketAddr>,
    /// Whether this is the proxy's address: the errors' stages say so.
    to_proxy: bool,
}

impl Service<Uri> for TcpConnector {
    type Response = Tcp;
    type Error = Error;
    type Future = Connecting<Tcp>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let this = *self;
        Box::pin(async move { this.connect(&dst).await.map(TokioIo::new) })
    }
}

impl TcpConnector {
    async fn connect(self, dst: &Uri) -> Result<TcpStream, Error> {
        let (resolving, opening) = if self.to_proxy {
            (
                "resolving the proxy's host",
                "opening the TCP connection to the proxy",
            )
        } else {
            (RESOLVING, "opening the TCP connection")
        };
        let connect_error = |stage, source: BoxError| Error::Connect {
            host: shown_authority(dst),
            stage,
            source,
        };
        let addrs: Vec<SocketAddr> = match self.resolve {
            Some(addr) => vec![addr],
            None => {
                let host = dst
                    .host()
                    .unwrap_or_default()
                    .trim_start_matches('[')
                    .trim_end_matches(']');
                tokio::net::lookup_host((host, port_of(dst)))
                    .await
                    .map_err(|e| connect_error(resolving, e.into()))?
                    .collect()
            }
        };
        let mut last = None;
        for addr in addrs {
            match TcpStream::connect(addr).await {
                Ok(stream) => {
                    // Small requests and answers: do not wait to coalesce them.
                    let _ = stream.set_nodelay(true);
                    return Ok(stream);
                }
                Err(e) => last = Some(e),
            }
        }
        Err(match last {
            Some(e) => connect_error(opening, e.into()),
            None => connect_error(resolving, "the host resolved to no address".into()),
        })
    }
}

/// The stage of [`Error::Connect`] for a failed name resolution.
const RESOLVING: &str = "resolving the host";

/// The URI's port, or its scheme's.
fn port_of(uri: &Uri) -> u16 {
    uri.port_u16()
        .unwrap_or(if uri.scheme_str() == Some("https") {
            443
        } else {
            80
        })
}

/// How errors name a URI's host: with the port when it is not the scheme's default.
fn shown_authority(uri: &Uri) -> String {
    let host = uri.host().unwrap_or_default();
    let default = if uri.scheme_str() == Some("https") {
        443
    } else {
        80
    };
    match port_of(uri) {
        port if port == default => host.to_owned(),
        port => format!("{host}:{port}"),
    }
}

/// The proxy, and where its tunnels go.
struct ProxyHop {
    /// `http://host:port/` of the proxy, for the TCP connector.
    uri: Uri,
    proxy: Proxy,
    /// `host:port` asked for in `CONNECT`.
    target: String,
}

/// The second connector: with a proxy, TCP to it and a `CONNECT` tunnel to the origin through
/// it; without, TCP to the origin.
#[derive(Clone)]
pub(crate) struct Tunnel {
    tcp: TcpConnector,
    proxy: Option<Arc<ProxyHop>>,
}

impl Service<Uri> for Tunnel {
    type Response = Tcp;
    type Error = Error;
    type Future = Connecting<Tcp>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, dst: Uri) -> Self::Future {
        let mut tcp = self.tcp;
        let Some(hop) = self.proxy.clone() else {
            return tcp.call(dst);
        };
        Box::pin(async move {
            let stream = tcp.call(hop.uri.clone()).await?;
            hop.open(stream.into_inner()).await.map(TokioIo::new)
        })
    }
}

/// The longest answer head accepted from a proxy.
const MAX_PROXY_HEAD: usize = 16 * 1024;

/// The stage of [`Error::Connect`] for a proxy that failed to answer `CONNECT`.
const TUNNELLING: &str = "the proxy's tunnel (CONNECT)";

impl ProxyHop {
    /// Asks the proxy for a tunnel over `stream`; the stream is the tunnel once it said yes.
    async fn open(&self, mut stream: TcpStream) -> Result<TcpStream, Error> {
        let fail = |source: BoxError| Error::Connect {
            host: self.proxy.authority(),
            stage: TUNNELLING,
            source,
        };
        let mut request = format!(
            "CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n",
            target = self.target
        );
        if let Some(authorization) = self.proxy.authorization() {
            request.push_str("Proxy-Authorization: ");
            request.push_str(authorization.expose_secret());
            request.push_str("\r\n");
        }
        request.push_str("\r\n");
        let written = stream.write_all(request.as_bytes()).await;
        // The request held the credentials: wiped, as the secret they came from is.
        request.zeroize();
        written.map_err(|e| fail(e.into()))?;

        // The answer head, read whole and no further: the origin speaks only after us (TLS
        // or HTTP), so nothing of it can follow the head; bytes that do are refused.
        let mut head = Vec::with_capacity(256);
        let mut chunk = [0u8; 1024];
        let end = loop {
            let n = stream.read(&mut chunk).await.map_err(|e| fail(e.into()))?;
            if n == 0 {
                return Err(fail(
                    "the proxy closed the connection before answering".into(),
                ));
            }
            let searched_from = head.len().saturating_sub(3);
            head.extend_from_slice(&chunk[..n]);
            if let Some(at) = find_blank_line(&head[searched_from..]) {
                break searched_from + at;
            }
            if head.len() > MAX_PROXY_HEAD {
                return Err(fail(
                    format!("the proxy's answer head is longer than {MAX_PROXY_HEAD} bytes").into(),
                ));
            }
        };
        let status = parse_status(&head[..end])
            .ok_or_else(|| fail("the proxy's answer to CONNECT is not HTTP/1.x".into()))?;
        if !(200..300).contains(&status) {
            return Err(Error::ProxyRefused {
                proxy: self.proxy.authority(),
                target: self.target.clone(),
                status,
            });
        }
        if head.len() > end {
            return Err(fail(
                "the proxy sent data after its answer, before the tunnel was used".into(),
            ));
        }
        Ok(stream)
    }
}

/// Where `\r\n\r\n` ends in `bytes`.
fn find_blank_line(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|at| at + 4)
}

/// The status of an `HTTP/1.x NNN reason` line.
fn parse_status(head: &[u8]) -> Option<u16> {
    let line = head.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?.trim_end();
    let rest = line.strip_prefix("HTTP/1.")?;
    let mut parts = rest.splitn(3, ' ');
    let _minor = parts.next().filter(|m| m.len() == 1)?;
    let code = parts.next().filter(|c| c.len() == 3)?;
    code.parse().ok()
}

async fn handshake<I>(origin: &Origin, io: I, h2: bool) -> Result<Connection, Error>
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let fail = |e: hyper::Error| Error::Connect {
        host: origin.authority(),
        stage: "the HTTP handshake",
        source: e.into(),
    };
    if h2 {
        let (sender, conn) = http2::Builder::new(TokioExecutor::new())
            .timer(TokioTimer::new())
            .keep_alive_interval(Duration::from_secs(30))
            .handshake(io)
            .await
            .map_err(fail)?;
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "HTTP/2 connection ended");
            }
        });
        Ok(Connection::Http2(sender))
    } else {
        let (sender, conn) = http1::Builder::new().handshake(io).await.map_err(fail)?;
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "HTTP/1.1 connection ended");
            }
        });
        Ok(Connection::Http1(sender))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proxy_answer_gives_its_status() {
        assert_eq!(
            parse_status(b"HTTP/1.1 200 Connection established\r\n\r\n"),
            Some(200)
        );
        assert_eq!(parse_status(b"HTTP/1.0 407 Proxy Auth\r\n"), Some(407));
        assert_eq!(parse_status(b"HTTP/1.1 200\r\n"), Some(200));
        assert_eq!(parse_status(b"SSH-2.0-OpenSSH\r\n"), None);
        assert_eq!(parse_status(b"HTTP/1.1 2000 x\r\n"), None);
        assert_eq!(parse_status(b"HTTP/2 200\r\n"), None);
        assert_eq!(find_blank_line(b"HTTP/1.1 200 OK\r\n\r\n"), Some(19));
        assert_eq!(find_blank_line(b"HTTP/1.1 200 OK\r\n"), None);
    }

    #[test]
    fn errors_name_hosts_with_non_default_ports() {
        let uri: Uri = "https://www.linkedin.com:443/".parse().unwrap();
        assert_eq!(shown_authority(&uri), "www.linkedin.com");
        let uri: Uri = "http://[::1]:8080/".parse().unwrap();
        assert_eq!(shown_authority(&uri), "[::1]:8080");
        assert_eq!(port_of(&uri), 8080);
    }
}
