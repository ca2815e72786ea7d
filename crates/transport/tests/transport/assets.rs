//! Public assets (the web app's scripts) come from the CDN without the session's secrets, and
//! no other host is fetched from.

use linkedin_sandbox::Faults;
use linkedin_transport::{Accept, Error, Login, Request};

use crate::common::*;

#[tokio::test]
async fn assets_come_from_the_cdn_without_the_sessions_secrets() {
    for tls in [false, true] {
        let sb = sandbox(tls, Faults::default()).await;
        let t = transport(&sb).build().unwrap();
        let c = sb.demo_cookies().clone();
        t.login(Login::cookies(&c.li_at, &c.jsessionid))
            .await
            .unwrap();
        let home = t
            .send(Request::get("/feed/").accept(Accept::Html))
            .await
            .unwrap();
        let html = String::from_utf8_lossy(home.body()).into_owned();
        let prefix = "<script src=\"";
        let at = html.find(prefix).expect("a script tag") + prefix.len();
        let url = &html[at..at + html[at..].find('"').unwrap()];
        assert!(url.starts_with(sb.cdn_url()), "{url}");

        let script = t.fetch_asset(url).await.unwrap();
        assert!(script.body().len() > 4096, "{}", script.body().len());
        let path = &url[sb.cdn_url().len()..];
        let log = sb.requests();
        let fetched = log.iter().find(|r| r.path == path).expect("fetched");
        assert!(fetched.cookies.is_empty(), "{:?}", fetched.cookies);
        let names: Vec<&str> = fetched.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"user-agent"), "{names:?}");
        for secret in ["csrf-token", "x-li-track", "x-restli-protocol-version"] {
            assert!(!names.contains(&secret), "{secret} sent: {names:?}");
        }
        // The session still works on the API's host, cookies and all.
        t.send(Request::get("/voyager/api/me")).await.unwrap();

        let before = sb.requests().len();
        for other in [
            "https://example.com/aero-v1/sc/h/abc",
            "http://static.licdn.com/aero-v1/sc/h/abc",
            "https://static.licdn.com.example.com/aero-v1/sc/h/abc",
            "https://static.licdn.com:8443/aero-v1/sc/h/abc",
            "/aero-v1/sc/h/abc",
        ] {
            match t.fetch_asset(other).await {
                Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "asset URL"),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(sb.requests().len(), before, "nothing was sent");
        sb.shutdown().await;
    }
}

/// An upload goes to an https host of LinkedIn's only (or the sandbox's loopback origin):
/// any other URL is refused before anything is sent.
#[tokio::test]
async fn uploads_go_to_linkedins_hosts_only() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let c = sb.demo_cookies().clone();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let before = sb.requests().len();
    for other in [
        "https://example.com/dms-uploads/x",
        "http://www.linkedin.com/dms-uploads/x",
        "https://www.linkedin.com.example.com/dms-uploads/x",
        "https://evillinkedin.com/dms-uploads/x",
        "https://www.linkedin.com:8443/dms-uploads/x",
        "/dms-uploads/x",
    ] {
        match t.upload(other, bytes::Bytes::from_static(b"x"), &[]).await {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "upload URL", "{other}"),
            got => panic!("{other}: {got:?}"),
        }
    }
    let bad_header = [("bad header".to_owned(), "x".to_owned())];
    let url = format!("{}/dms-uploads/x", sb.base_url());
    match t
        .upload(&url, bytes::Bytes::from_static(b"x"), &bad_header)
        .await
    {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "upload header"),
        got => panic!("{got:?}"),
    }
    assert_eq!(sb.requests().len(), before, "nothing was sent");
    // The sandbox's own origin is taken (an asset it does not know: 404).
    let e = t
        .upload(&url, bytes::Bytes::from_static(b"x"), &[])
        .await
        .unwrap_err();
    assert!(e.to_string().contains("404"), "{e}");
    sb.shutdown().await;
}
