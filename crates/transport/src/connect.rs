//! Opening one connection: TCP, then TLS with ALPN when the origin is `https`, then hyper's
//! HTTP/1.1 or HTTP/2 handshake as ALPN decided.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use rustls::ClientConfig;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::net::TcpStream;

use crate::error::{BoxError, Error, TimeoutPhase};

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
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        if self.port == default {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    /// Whether requests stay on this machine (the sandbox): no pacing is needed there.
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
/// extra roots, ALPN h2 then http/1.1. Verification is always on.
pub(crate) fn tls_config(
    extra_roots: &[CertificateDer<'static>],
    native_roots: bool,
) -> Result<Arc<ClientConfig>, Error> {
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
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::InvalidInput {
            field: "TLS settings",
            reason: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Opens a connection to `origin` within `timeout` (TCP, TLS and the HTTP handshake).
pub(crate) async fn open(
    origin: &Origin,
    tls: Option<&Arc<ClientConfig>>,
    timeout: Duration,
) -> Result<Connection, Error> {
    tokio::time::timeout(timeout, open_inner(origin, tls))
        .await
        .map_err(|_| Error::Timeout {
            phase: TimeoutPhase::Connect,
        })?
}

async fn open_inner(origin: &Origin, tls: Option<&Arc<ClientConfig>>) -> Result<Connection, Error> {
    let tcp = tcp_connect(origin).await?;
    match (origin.https, tls) {
        (true, Some(config)) => {
            let name =
                ServerName::try_from(origin.host.clone()).map_err(|e| Error::InvalidInput {
                    field: "host",
                    reason: e.to_string(),
                })?;
            let stream = tokio_rustls::TlsConnector::from(config.clone())
                .connect(name, tcp)
                .await
                .map_err(|e| tls_error(origin, e))?;
            let h2 = stream.get_ref().1.alpn_protocol() == Some(b"h2");
            handshake(origin, TokioIo::new(stream), h2).await
        }
        _ => handshake(origin, TokioIo::new(tcp), false).await,
    }
}

async fn tcp_connect(origin: &Origin) -> Result<TcpStream, Error> {
    let connect_error = |stage, source: BoxError| Error::Connect {
        host: origin.authority(),
        stage,
        source,
    };
    let addrs: Vec<SocketAddr> = match origin.resolve {
        Some(addr) => vec![addr],
        None => tokio::net::lookup_host((origin.host.as_str(), origin.port))
            .await
            .map_err(|e| connect_error(RESOLVING, e.into()))?
            .collect(),
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
        Some(e) => connect_error("opening the TCP connection", e.into()),
        None => connect_error(RESOLVING, "the host resolved to no address".into()),
    })
}

/// The stage of [`Error::Connect`] for a failed name resolution.
const RESOLVING: &str = "resolving the host";

/// A TLS failure: what rustls refused (a certificate problem) is `Tls`; an I/O failure during
/// the handshake (reset, closed) is a connection problem.
fn tls_error(origin: &Origin, e: std::io::Error) -> Error {
    match e.downcast::<rustls::Error>() {
        Ok(source) => Error::Tls {
            host: origin.host.clone(),
            source,
        },
        Err(e) => Error::Connect {
            host: origin.authority(),
            stage: "the TLS handshake",
            source: e.into(),
        },
    }
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
