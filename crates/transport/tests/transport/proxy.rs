//! Connections through an HTTP proxy: a small `CONNECT` proxy on loopback (below) between
//! the transport and the sandbox, over HTTP and over TLS; what the proxy saw (the tunnels
//! asked for, their `Proxy-Authorization`), its refusals as typed errors without the
//! password, `NO_PROXY`, and the pool's reuse of tunnelled connections.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use linkedin_sandbox::Faults;
use linkedin_transport::{Error, Login, Proxy, Request, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::*;

/// What the test proxy does with a `CONNECT`.
#[derive(Clone, Debug)]
pub enum Mode {
    /// Opens every tunnel.
    Open,
    /// Opens tunnels whose `Proxy-Authorization` is this value, answers 407 otherwise.
    Basic(&'static str),
    /// Answers every `CONNECT` with this status.
    Refuse(u16),
}

/// One `CONNECT` the proxy received.
#[derive(Clone, Debug)]
pub struct Connect {
    /// `host:port` asked for.
    pub target: String,
    /// The `Proxy-Authorization` header, if any.
    pub authorization: Option<String>,
}

/// A `CONNECT` proxy on loopback, stopped when dropped.
pub struct TestProxy {
    pub addr: SocketAddr,
    connects: Arc<Mutex<Vec<Connect>>>,
    task: tokio::task::JoinHandle<()>,
}

impl TestProxy {
    pub async fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let connects = Arc::new(Mutex::new(Vec::new()));
        let seen = connects.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                tokio::spawn(serve(client, mode.clone(), seen.clone()));
            }
        });
        Self {
            addr,
            connects,
            task,
        }
    }

    /// `http://127.0.0.1:<port>`, with `user:password@` when given.
    pub fn url(&self, credentials: Option<&str>) -> String {
        match credentials {
            Some(c) => format!("http://{c}@{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    pub fn proxy(&self, credentials: Option<&str>) -> Proxy {
        Proxy::new(&self.url(credentials)).unwrap()
    }

    /// The `CONNECT`s received so far.
    pub fn connects(&self) -> Vec<Connect> {
        self.connects.lock().unwrap().clone()
    }
}

impl Drop for TestProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// One client connection: its `CONNECT` head, the answer, then bytes both ways.
async fn serve(mut client: TcpStream, mode: Mode, seen: Arc<Mutex<Vec<Connect>>>) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 16 * 1024 || client.read(&mut byte).await.unwrap_or(0) == 0 {
            return;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let (method, target) = (request_line.next(), request_line.next());
    let authorization = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("proxy-authorization"))
        .map(|(_, value)| value.trim().to_owned());
    let (Some("CONNECT"), Some(target)) = (method, target) else {
        let _ = client
            .write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            .await;
        return;
    };
    seen.lock().unwrap().push(Connect {
        target: target.to_owned(),
        authorization: authorization.clone(),
    });
    let refusal = match mode {
        Mode::Open => None,
        Mode::Basic(expected) if authorization.as_deref() == Some(expected) => None,
        Mode::Basic(_) => Some(
            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n".to_owned(),
        ),
        Mode::Refuse(status) => Some(format!(
            "HTTP/1.1 {status} Refused\r\nContent-Length: 0\r\n\r\n"
        )),
    };
    if let Some(answer) = refusal {
        let _ = client.write_all(answer.as_bytes()).await;
        return;
    }
    let Ok(mut upstream) = TcpStream::connect(target).await else {
        let _ = client
            .write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
            .await;
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .await
        .is_err()
    {
        return;
    }
    let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
}

/// `proxy-user:s3cret-Pw` in base64.
pub const GOOD_BASIC_CREDENTIALS: &str = "cHJveHktdXNlcjpzM2NyZXQtUHc=";
/// The `Proxy-Authorization` of `proxy-user:s3cret-Pw`.
pub const GOOD_BASIC: &str = "Basic cHJveHktdXNlcjpzM2NyZXQtUHc=";
/// `proxy-user:wrong-Pw-9` in base64.
pub const WRONG_BASIC: &str = "cHJveHktdXNlcjp3cm9uZy1Qdy05";

#[tokio::test]
async fn http_requests_go_through_one_tunnel_that_the_pool_reuses() {
    let sb = sandbox(false, Faults::default()).await;
    let px = TestProxy::start(Mode::Open).await;
    let t = transport(&sb).proxy(Some(px.proxy(None))).build().unwrap();
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    // Unpaced, as without the proxy: the origin is on loopback, whatever the proxy is.
    for _ in 0..20 {
        t.send(Request::get("/voyager/api/me")).await.unwrap();
    }
    let connects = px.connects();
    assert_eq!(
        connects.len(),
        1,
        "one tunnel for every request: {connects:?}"
    );
    assert_eq!(connects[0].target, sb.addr().to_string());
    assert_eq!(connects[0].authorization, None);
    assert_eq!(t.connections_opened(), 1);
    assert_eq!(
        sb.connections(),
        1,
        "the sandbox saw the proxy's one connection"
    );
    assert_eq!(sb.requests().len(), 23, "login (3) and 20 calls");
}

#[tokio::test]
async fn tls_goes_through_the_tunnel_and_http2_multiplexes_over_it() {
    let sb = sandbox(true, Faults::default()).await;
    let px = TestProxy::start(Mode::Open).await;
    // https://www.linkedin.com pointed at the sandbox: the tunnel goes to the address given
    // to `resolve`, TLS inside it names www.linkedin.com.
    let t = linkedin(&sb).proxy(Some(px.proxy(None))).build().unwrap();
    let c = sb.demo_cookies().clone();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let calls = (0..32).map(|_| t.send(Request::get("/voyager/api/me")));
    for r in futures::future::join_all(calls).await {
        assert_eq!(r.unwrap().version(), http::Version::HTTP_2);
    }
    let connects = px.connects();
    assert_eq!(connects.len(), 1, "{connects:?}");
    assert_eq!(connects[0].target, sb.addr().to_string());
    assert_eq!(sb.connections(), 1);
    assert!(sb.requests().iter().all(|r| r.version == "HTTP/2.0"));

    // The sandbox's own https URL: the tunnel to its host:port, TLS to its IP address.
    let px = TestProxy::start(Mode::Open).await;
    let t = transport(&sb).proxy(Some(px.proxy(None))).build().unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    let target = sb.base_url().trim_start_matches("https://").to_owned();
    assert_eq!(px.connects()[0].target, target);
}

#[tokio::test]
async fn a_certificate_refused_through_the_proxy_is_still_a_tls_error() {
    let sb = sandbox(true, Faults::default()).await;
    let px = TestProxy::start(Mode::Open).await;
    // No sandbox CA: the webpki roots do not know it.
    let t = linkedin_transport::Transport::builder("https://www.linkedin.com")
        .resolve(sb.addr())
        .proxy(Some(px.proxy(None)))
        .build()
        .unwrap();
    let err = t.send(Request::get("/uas/authenticate")).await.unwrap_err();
    assert!(
        matches!(
            &err,
            Error::Tls {
                source: rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(px.connects().len(), 1, "refused once, not retried");
}

#[tokio::test]
async fn credentials_in_the_proxy_url_go_in_proxy_authorization() {
    let sb = sandbox(true, Faults::default()).await;
    let px = TestProxy::start(Mode::Basic(GOOD_BASIC)).await;
    let t = linkedin(&sb)
        .proxy(Some(px.proxy(Some("proxy-user:s3cret-Pw"))))
        .build()
        .unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    let connects = px.connects();
    assert_eq!(connects.len(), 1);
    assert_eq!(connects[0].authorization.as_deref(), Some(GOOD_BASIC));
}

#[tokio::test]
async fn a_refusing_proxy_is_a_typed_error_without_the_password() {
    let sb = sandbox(false, Faults::default()).await;
    let px = TestProxy::start(Mode::Basic(GOOD_BASIC)).await;
    let t = transport(&sb)
        .proxy(Some(px.proxy(Some("proxy-user:wrong-Pw-9"))))
        .build()
        .unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    let Error::ProxyRefused {
        proxy,
        target,
        status,
    } = &err
    else {
        panic!("expected Error::ProxyRefused, got {err:?}")
    };
    assert_eq!(proxy, &px.addr.to_string());
    assert_eq!(target, &sb.addr().to_string());
    assert_eq!(*status, 407);
    assert!(!err.is_transient());
    let shown = [err.to_string(), format!("{err:?}"), format!("{t:?}")];
    for text in &shown {
        assert!(
            !text.contains("wrong-Pw-9") && !text.contains(WRONG_BASIC),
            "{text}"
        );
    }
    assert!(
        shown[0].contains(&px.addr.to_string()) && shown[0].contains("407"),
        "names the proxy and its status: {}",
        shown[0]
    );
    assert!(
        shown[0].contains("credentials"),
        "says what to do: {}",
        shown[0]
    );
    assert_eq!(px.connects().len(), 1, "a 407 is not retried");
    // Without credentials at all: the same refusal, nothing sent to the sandbox either way.
    let t = transport(&sb).proxy(Some(px.proxy(None))).build().unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(
        matches!(err, Error::ProxyRefused { status: 407, .. }),
        "{err:?}"
    );
    assert!(sb.requests().is_empty());
    assert_eq!(sb.connections(), 0);

    let forbidding = TestProxy::start(Mode::Refuse(403)).await;
    let t = transport(&sb)
        .proxy(Some(forbidding.proxy(None)))
        .build()
        .unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(
        matches!(err, Error::ProxyRefused { status: 403, .. }),
        "{err:?}"
    );
    assert_eq!(forbidding.connects().len(), 1);
}

#[tokio::test]
async fn a_proxy_that_cannot_reach_the_origin_is_retried() {
    let px = TestProxy::start(Mode::Refuse(502)).await;
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).proxy(Some(px.proxy(None))).build().unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(
        matches!(err, Error::ProxyRefused { status: 502, .. }),
        "{err:?}"
    );
    assert!(err.is_transient());
    assert_eq!(px.connects().len(), 1 + quick_retries().max_retries);
}

#[tokio::test]
async fn an_unreachable_proxy_is_a_connect_error_naming_it() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb)
        .proxy(Some(
            Proxy::new(&format!("http://127.0.0.1:{port}")).unwrap(),
        ))
        .retries(RetryPolicy::none())
        .build()
        .unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    let Error::Connect { host, stage, .. } = &err else {
        panic!("expected Error::Connect, got {err:?}")
    };
    assert_eq!(host, &format!("127.0.0.1:{port}"));
    assert_eq!(*stage, "opening the TCP connection to the proxy");
}

#[tokio::test]
async fn no_proxy_goes_around_the_proxy() {
    let sb = sandbox(false, Faults::default()).await;
    let px = TestProxy::start(Mode::Open).await;
    for list in ["127.0.0.1", "*", "other.example, 127.0.0.0/8"] {
        let t = transport(&sb)
            .proxy(Some(px.proxy(None).no_proxy(list)))
            .build()
            .unwrap();
        t.send(Request::get("/uas/authenticate")).await.unwrap();
    }
    assert!(px.connects().is_empty(), "{:?}", px.connects());
    // A list that names other hosts leaves the proxy in the way.
    let t = transport(&sb)
        .proxy(Some(px.proxy(None).no_proxy("localhost,.linkedin.com")))
        .build()
        .unwrap();
    t.send(Request::get("/uas/authenticate")).await.unwrap();
    assert_eq!(px.connects().len(), 1);
}
