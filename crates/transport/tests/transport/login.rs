//! Each way of logging in, and each way a login ends.

use linkedin_sandbox::Faults;
use linkedin_transport::{Error, LoggedIn, Login, Request};

use crate::common::*;

#[tokio::test]
async fn password_login_over_http_then_authenticated_calls() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let how = t
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    assert_eq!(how, LoggedIn::Password);
    let me = t.send(Request::get("/voyager/api/me")).await.unwrap();
    let json: serde_json::Value = me.json().unwrap();
    assert!(json.to_string().contains("Dana"), "{json}");
    // The flow as LinkedIn's Android app runs it: GET then POST, with its headers.
    let posts = requests_to(&sb, "POST", "/uas/authenticate");
    assert_eq!(posts.len(), 1);
    let header = |name: &str| {
        posts[0]
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("user-agent").as_deref(), Some("ANDROID OS"));
    assert!(header("x-li-user-agent").is_some_and(|v| v.starts_with("LIAuthLibrary")));
    assert!(
        !posts[0].body.contains(DEMO_PASSWORD),
        "the sandbox redacts it too"
    );
    // API calls carry the web app's headers and the CSRF token.
    let me = requests_to(&sb, "GET", "/voyager/api/me");
    let last = me.last().unwrap();
    for name in [
        "csrf-token",
        "x-restli-protocol-version",
        "x-li-lang",
        "x-li-track",
    ] {
        assert!(
            last.headers.iter().any(|(n, _)| n == name),
            "{name} missing: {last:?}"
        );
    }
    assert!(last.cookies.contains(&"li_at".to_owned()));
}

#[tokio::test]
async fn password_login_over_tls_as_www_linkedin_com() {
    let sb = sandbox(true, Faults::default()).await;
    let t = linkedin(&sb).build().unwrap();
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    let me = t.send(Request::get("/voyager/api/me")).await.unwrap();
    assert_eq!(me.version(), http::Version::HTTP_2, "ALPN chose HTTP/2");
    let hosts: Vec<String> = sb
        .requests()
        .iter()
        .filter_map(|r| {
            r.headers
                .iter()
                .find(|(n, _)| n == "host")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert!(hosts.iter().all(|h| h == "www.linkedin.com"), "{hosts:?}");
}

#[tokio::test]
async fn a_wrong_password_is_bad_credentials_not_a_challenge() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let err = t
        .login(Login::password(DEMO_USERNAME, "wrong"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::BadCredentials), "{err:?}");
    assert!(err.to_string().contains("check them"), "{err}");
}

#[tokio::test]
async fn a_challenge_keeps_its_url() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let err = t
        .login(Login::password(CHALLENGE_USERNAME, "anything"))
        .await
        .unwrap_err();
    let Error::Challenge { url } = &err else {
        panic!("{err:?}")
    };
    assert!(
        url.starts_with(sb.base_url()) && url.contains("/checkpoint/challenge/"),
        "{url}"
    );
    assert!(
        err.to_string().contains(url.as_str()),
        "the message names the URL: {err}"
    );
    // The breaker tripped for the account: this transport sends nothing more.
    let refused = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(matches!(refused, Error::Tripped { .. }), "{refused:?}");
    // The URL really is the challenge page (as a browser, without the account, sees it).
    let browser = transport(&sb).build().unwrap();
    let page = browser
        .send(Request::get(url.strip_prefix(sb.base_url()).unwrap()))
        .await
        .unwrap();
    assert!(
        String::from_utf8_lossy(page.body())
            .to_lowercase()
            .contains("check")
    );
}

#[tokio::test]
async fn browser_cookies_are_checked_before_they_are_trusted() {
    let sb = sandbox(false, Faults::default()).await;
    let cookies = sb.demo_cookies().clone();
    let t = transport(&sb).build().unwrap();
    let how = t
        .login(Login::cookies(&cookies.li_at, &cookies.jsessionid))
        .await
        .unwrap();
    assert_eq!(how, LoggedIn::Cookies);
    assert_eq!(
        requests_to(&sb, "GET", "/voyager/api/me").len(),
        1,
        "one check"
    );

    // Quotes or none around JSESSIONID: the csrf-token is the same.
    let t = transport(&sb).build().unwrap();
    let bare = cookies.jsessionid.trim_matches('"');
    t.login(Login::cookies(&cookies.li_at, bare)).await.unwrap();

    let t = transport(&sb).build().unwrap();
    let err = t
        .login(Login::cookies("AQEDAstale", &cookies.jsessionid))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::SessionExpired), "{err:?}");

    let t = transport(&sb).build().unwrap();
    let err = t.login(Login::cookies("", "")).await.unwrap_err();
    assert!(matches!(err, Error::InvalidInput { .. }), "{err:?}");
}

#[tokio::test]
async fn cookies_txt_and_json_exports_log_in() {
    let sb = sandbox(true, Faults::default()).await;
    let c = sb.demo_cookies().clone();
    let dir = tempfile::tempdir().unwrap();
    let far = 4_102_444_800_i64; // 2100-01-01
    let netscape = format!(
        "# Netscape HTTP Cookie File\n\
         .linkedin.com\tTRUE\t/\tTRUE\t{far}\tli_at\t{}\n\
         .www.linkedin.com\tTRUE\t/\tTRUE\t{far}\tJSESSIONID\t{}\n\
         #HttpOnly_.linkedin.com\tTRUE\t/\tTRUE\t{far}\tbcookie\t\"v=2&abc\"\n\
         .example.org\tTRUE\t/\tFALSE\t0\tother\tx\n",
        c.li_at, c.jsessionid
    );
    let json = serde_json::json!([
        {"domain": ".linkedin.com", "name": "li_at", "value": c.li_at, "path": "/",
         "expirationDate": far as f64 + 0.5, "secure": true, "httpOnly": true, "hostOnly": false},
        {"domain": ".www.linkedin.com", "name": "JSESSIONID", "value": c.jsessionid, "path": "/",
         "secure": true, "session": true, "hostOnly": false},
    ]);
    for (name, text) in [
        ("cookies.txt", netscape),
        ("cookies.json", json.to_string()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let t = linkedin(&sb).build().unwrap();
        assert_eq!(
            t.login(Login::cookie_file(&path)).await.unwrap(),
            LoggedIn::Cookies,
            "{name}"
        );
        t.send(Request::get("/voyager/api/me")).await.unwrap();
    }
    // A file with no LinkedIn session says so, naming the file.
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, ".example.org\tTRUE\t/\tFALSE\t0\tother\tx\n").unwrap();
    let t = linkedin(&sb).build().unwrap();
    let err = t.login(Login::cookie_file(&path)).await.unwrap_err();
    assert!(
        matches!(err, Error::File { .. }) && err.to_string().contains("li_at"),
        "{err}"
    );
}

#[tokio::test]
async fn calls_without_a_session_are_unauthorized_and_csrf_is_enforced() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized), "{err:?}");
    // A retired endpoint is Gone, with the path.
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    let err = t
        .send(Request::get(
            "/voyager/api/identity/profiles/demo-member/profileView",
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Gone { path } if path == "/voyager/api/identity/profiles/demo-member/profileView"),
        "{err:?}"
    );
}

#[tokio::test]
async fn bad_targets_are_refused_before_sending() {
    let sb = sandbox(false, Faults::default()).await;
    let t = transport(&sb).build().unwrap();
    for target in [
        "voyager/api/me",
        "/a b",
        "//evil.example/x",
        "/x#frag",
        "/caf\u{e9}",
    ] {
        let err = t.send(Request::get(target)).await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { .. }),
            "{target}: {err:?}"
        );
    }
    assert!(sb.requests().is_empty(), "nothing was sent");
    for base in ["ftp://x", "https://www.linkedin.com/voyager", "not a url"] {
        assert!(matches!(
            linkedin_transport::Transport::builder(base).build(),
            Err(Error::InvalidInput { .. })
        ));
    }
}
