//! A minimal HTTP client for the sandbox's tests: one connection (HTTP/1.1 in the clear, or
//! HTTP/1.1 or HTTP/2 over TLS trusting only the sandbox's CA), and a tiny cookie jar.

pub(crate) mod api;
pub(crate) mod mailbox;
pub(crate) mod shape;

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo};
use linkedin_sandbox::SandboxHandle;
use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME};
use rustls::pki_types::{CertificateDer, ServerName};
use serde_json::json;
use tokio::net::TcpStream;

/// How long any one exchange may take before the test fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(30);

enum Sender {
    H1(http1::SendRequest<Full<Bytes>>),
    H2(http2::SendRequest<Full<Bytes>>),
}

/// One connection to a sandbox.
pub(crate) struct Client {
    sender: Sender,
    /// `127.0.0.1:<port>`, sent as `Host` (HTTP/1.1) or as the URI's authority (HTTP/2).
    authority: String,
    scheme: &'static str,
    /// Cookies received so far, by name, sent back when a request brings no `Cookie` of its own.
    pub(crate) jar: Vec<(String, String)>,
}

/// A response read to its end.
pub(crate) struct Resp {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Resp {
    pub(crate) fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        assert_eq!(
            self.header("content-type"),
            Some("application/json"),
            "{}",
            self.text()
        );
        serde_json::from_slice(&self.body).unwrap()
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    pub(crate) fn set_cookies(&self) -> Vec<&str> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap())
            .collect()
    }

    /// The `Set-Cookie` header that sets `name`.
    pub(crate) fn set_cookie(&self, name: &str) -> &str {
        let prefix = format!("{name}=");
        self.set_cookies()
            .into_iter()
            .find(|c| c.starts_with(&prefix))
            .unwrap_or_else(|| panic!("no Set-Cookie for {name}: {:?}", self.set_cookies()))
    }
}

/// The `name=value` part of a `Set-Cookie` header, split.
pub(crate) fn cookie_pair(set_cookie: &str) -> (String, String) {
    let pair = set_cookie.split(';').next().unwrap();
    let (name, value) = pair.split_once('=').unwrap();
    (name.trim().to_owned(), value.trim().to_owned())
}

impl Client {
    /// HTTP/1.1 in the clear.
    pub(crate) async fn connect(sandbox: &SandboxHandle) -> Self {
        assert!(
            sandbox.base_url().starts_with("http://"),
            "{}",
            sandbox.base_url()
        );
        let tcp = TcpStream::connect(sandbox.addr()).await.unwrap();
        let (sender, conn) = http1::handshake(TokioIo::new(tcp)).await.unwrap();
        tokio::spawn(conn);
        Self::new(sandbox, Sender::H1(sender), "http")
    }

    /// HTTP/1.1 in the clear to the sandbox's CDN listener
    /// ([`SandboxHandle::cdn_url`]).
    pub(crate) async fn connect_cdn(sandbox: &SandboxHandle) -> Self {
        let authority = sandbox
            .cdn_url()
            .strip_prefix("http://")
            .unwrap()
            .to_owned();
        let tcp = TcpStream::connect(&authority).await.unwrap();
        let (sender, conn) = http1::handshake(TokioIo::new(tcp)).await.unwrap();
        tokio::spawn(conn);
        let mut client = Self::new(sandbox, Sender::H1(sender), "http");
        client.authority = authority;
        client
    }

    /// TLS trusting only the sandbox's CA, with `alpn` as the only protocol offered: `h2`
    /// speaks HTTP/2, `http/1.1` HTTP/1.1.
    pub(crate) async fn connect_tls(sandbox: &SandboxHandle, alpn: &[u8]) -> Self {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from(sandbox.ca_der().unwrap().to_vec()))
            .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth();
        config.alpn_protocols = vec![alpn.to_vec()];
        let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
        let tcp = TcpStream::connect(sandbox.addr()).await.unwrap();
        let name = ServerName::try_from("localhost").unwrap();
        let tls = connector.connect(name, tcp).await.unwrap();
        assert_eq!(tls.get_ref().1.alpn_protocol(), Some(alpn));
        let sender = if alpn == b"h2" {
            let (sender, conn) = http2::handshake(TokioExecutor::new(), TokioIo::new(tls))
                .await
                .unwrap();
            tokio::spawn(conn);
            Sender::H2(sender)
        } else {
            let (sender, conn) = http1::handshake(TokioIo::new(tls)).await.unwrap();
            tokio::spawn(conn);
            Sender::H1(sender)
        };
        Self::new(sandbox, sender, "https")
    }

    fn new(sandbox: &SandboxHandle, sender: Sender, scheme: &'static str) -> Self {
        Self {
            sender,
            authority: sandbox.addr().to_string(),
            scheme,
            jar: Vec::new(),
        }
    }

    /// A request for `path_and_query` on this connection's protocol.
    pub(crate) fn request(&self, method: Method, path_and_query: &str) -> http::request::Builder {
        match self.sender {
            Sender::H1(_) => Request::builder()
                .method(method)
                .uri(path_and_query)
                .header(header::HOST, &self.authority),
            Sender::H2(_) => Request::builder()
                .method(method)
                .uri(format!(
                    "{}://{}{path_and_query}",
                    self.scheme, self.authority
                ))
                .version(http::Version::HTTP_2),
        }
    }

    /// Sends a request and returns the response head, its body unread.
    pub(crate) async fn send(
        &mut self,
        req: Request<Full<Bytes>>,
    ) -> hyper::Result<Response<Incoming>> {
        let exchange = async {
            match &mut self.sender {
                Sender::H1(s) => {
                    s.ready().await?;
                    s.send_request(req).await
                }
                Sender::H2(s) => {
                    s.ready().await?;
                    s.send_request(req).await
                }
            }
        };
        tokio::time::timeout(PATIENCE, exchange).await.unwrap()
    }

    /// Sends `method path` with `headers` and `body`, reads the whole answer, and keeps its
    /// cookies. The jar's cookies go along unless `headers` has a `cookie` of its own.
    pub(crate) async fn call(
        &mut self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Resp {
        let mut builder = self.request(method, path);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let explicit_cookie = headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("cookie"));
        if !explicit_cookie && !self.jar.is_empty() {
            builder = builder.header(header::COOKIE, self.cookie_header());
        }
        let req = builder
            .body(Full::new(Bytes::from(body.to_owned())))
            .unwrap();
        let resp = self.send(req).await.unwrap();
        let (parts, body) = resp.into_parts();
        let body = tokio::time::timeout(PATIENCE, body.collect())
            .await
            .unwrap()
            .unwrap()
            .to_bytes();
        let resp = Resp {
            status: parts.status,
            headers: parts.headers,
            body,
        };
        for set_cookie in resp.set_cookies() {
            let (name, value) = cookie_pair(set_cookie);
            self.jar.retain(|(n, _)| *n != name);
            self.jar.push((name, value));
        }
        resp
    }

    pub(crate) async fn get(&mut self, path: &str) -> Resp {
        self.call(Method::GET, path, &[], "").await
    }

    /// The jar as one `Cookie` header value.
    pub(crate) fn cookie_header(&self) -> String {
        self.jar
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The jar's value of cookie `name`.
    pub(crate) fn cookie(&self, name: &str) -> &str {
        self.jar
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no cookie {name} in the jar"))
    }
}

/// A login form with the demo account's or any other credentials.
pub(crate) fn login_form(username: &str, password: &str, jsessionid: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("session_key", username)
        .append_pair("session_password", password)
        .append_pair("JSESSIONID", jsessionid)
        .finish()
}

pub(crate) const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// `JSESSIONID` without its quotes.
pub(crate) fn unquote(v: &str) -> &str {
    v.strip_prefix('"').unwrap().strip_suffix('"').unwrap()
}

/// Whether `id` is `ajax:` and 19 digits.
pub(crate) fn is_ajax_id(id: &str) -> bool {
    id.strip_prefix("ajax:")
        .is_some_and(|d| d.len() == 19 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `GET /uas/authenticate`: the jar then holds the bootstrap `JSESSIONID` (quoted), returned.
pub(crate) async fn bootstrap(client: &mut Client) -> String {
    let resp = client.get("/uas/authenticate").await;
    assert_eq!(resp.status, StatusCode::OK);
    client.cookie("JSESSIONID").to_owned()
}

/// Logs the client in as the demo account; the jar then holds `li_at` and the new `JSESSIONID`.
pub(crate) async fn log_in(client: &mut Client) {
    let jsessionid = bootstrap(client).await;
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(
        resp.json(),
        json!({"login_result": "PASS", "challenge_url": ""})
    );
}

/// The headers of an authenticated Voyager request for the session of `li_at` and `jsessionid`
/// (quoted), as a `Cookie` value and a `csrf-token` value.
pub(crate) fn voyager_auth(li_at: &str, jsessionid: &str) -> (String, String) {
    (
        format!("li_at={li_at}; JSESSIONID={jsessionid}"),
        unquote(jsessionid).to_owned(),
    )
}

/// Reads a body frame by frame: the data frames, and whether it ended in an error.
pub(crate) async fn read_frames(
    mut body: hyper::body::Incoming,
) -> (Vec<Bytes>, Option<hyper::Error>) {
    let mut frames = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => frames.extend(frame.into_data().ok()),
            Err(e) => return (frames, Some(e)),
        }
    }
    (frames, None)
}
