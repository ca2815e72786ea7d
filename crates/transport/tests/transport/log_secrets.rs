//! Secrets never reach logs, `Debug` output or errors.
//!
//! The log capture is the process's global subscriber (a thread-local one misses events whose
//! call sites another test thread registered first), set by the one test that reads it. It
//! captures only while that test runs: events of the tests running meanwhile are captured too,
//! which can only make the check stricter, and the tests that come after are not slowed down.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use linkedin_sandbox::Faults;
use linkedin_transport::{Error, FileStore, Login, Request};
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::prelude::*;

use crate::common::*;
use crate::proxy::{GOOD_BASIC, GOOD_BASIC_CREDENTIALS, Mode, TestProxy, WRONG_BASIC};

/// Log lines, written by the subscriber.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_trace_level_log_holds_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let capturing = Arc::new(AtomicBool::new(true));
    let still_capturing = capturing.clone();
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        // Every level, as long as this test runs.
        .with_filter(filter_fn(move |_| still_capturing.load(Ordering::Relaxed)));
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(layer)).unwrap();

    // Over TLS and HTTP/2 (h2 and rustls log at TRACE too), through every path that handles
    // a secret: password login, session save and resume, cookie login, errors.
    let sb = sandbox(true, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let t = linkedin(&sb).store(store.clone()).build().unwrap();
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    t.send(Request::get("/voyager/api/me")).await.unwrap();
    let saved = store.load(DEMO_USERNAME).unwrap().unwrap();
    let t2 = linkedin(&sb).store(store).build().unwrap();
    t2.login(Login::saved(DEMO_USERNAME)).await.unwrap();
    let c = sb.demo_cookies().clone();
    let t3 = linkedin(&sb).build().unwrap();
    t3.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    let bad = linkedin(&sb).build().unwrap();
    let wrong = "wrong-password-Zq9";
    let err = bad
        .login(Login::password(DEMO_USERNAME, wrong))
        .await
        .unwrap_err();
    tracing::error!(error = %err, debug = ?err, "for the log");
    // Through a proxy that wants Basic credentials: right, then wrong.
    let px = TestProxy::start(Mode::Basic(GOOD_BASIC)).await;
    let proxied = linkedin(&sb)
        .proxy(Some(px.proxy(Some("proxy-user:s3cret-Pw"))))
        .build()
        .unwrap();
    proxied
        .send(Request::get("/uas/authenticate"))
        .await
        .unwrap();
    let refused = linkedin(&sb)
        .proxy(Some(px.proxy(Some("proxy-user:wrong-Pw-9"))))
        .build()
        .unwrap();
    let proxy_err = refused
        .send(Request::get("/uas/authenticate"))
        .await
        .unwrap_err();
    tracing::error!(error = %proxy_err, debug = ?proxy_err, transport = ?proxied, "proxy");
    tracing::debug!(transport = ?t, login = ?Login::password(DEMO_USERNAME, DEMO_PASSWORD), saved = ?saved, "debug output");

    capturing.store(false, Ordering::Relaxed);
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("linkedin_request"),
        "the spans were captured: {}",
        &log[..log.len().min(2000)]
    );
    assert!(
        log.contains("/voyager/api/me") && log.contains("status=200"),
        "spans carry path and status"
    );
    let mut secrets: Vec<String> = vec![DEMO_PASSWORD.into(), wrong.into(), c.li_at.clone()];
    secrets.extend(
        [
            "s3cret-Pw",
            GOOD_BASIC_CREDENTIALS,
            "wrong-Pw-9",
            WRONG_BASIC,
        ]
        .map(String::from),
    );
    secrets.push(c.jsessionid.trim_matches('"').to_owned());
    for cookie in &saved.cookies {
        if cookie.name == "li_at" || cookie.name == "JSESSIONID" {
            secrets.push(cookie.value.expose().trim_matches('"').to_owned());
        }
    }
    for secret in &secrets {
        assert!(
            !log.contains(secret.as_str()),
            "a secret leaked into the log"
        );
    }
}

#[tokio::test]
async fn errors_and_debug_output_hold_no_secret() {
    let sb = sandbox(false, Faults::default()).await;
    let c = sb.demo_cookies().clone();
    let t = transport(&sb).build().unwrap();
    let err = t
        .login(Login::password(DEMO_USERNAME, "p4ssw0rd-XYZ"))
        .await
        .unwrap_err();
    for text in [format!("{err}"), format!("{err:?}"), format!("{t:?}")] {
        assert!(!text.contains("p4ssw0rd-XYZ"));
    }
    let login = Login::cookies(&c.li_at, &c.jsessionid);
    let shown = format!("{login:?}");
    assert!(!shown.contains(&c.li_at) && !shown.contains(c.jsessionid.trim_matches('"')));
    let expired = Error::SessionExpired;
    assert!(!format!("{expired:?}").contains(&c.li_at));
}
