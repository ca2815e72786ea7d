//! Saved sessions: written safely, reused, renewed, and refused clearly when damaged.

use linkedin_sandbox::Faults;
use linkedin_transport::{Error, FileStore, LoggedIn, Login, Request};

use crate::common::*;

#[tokio::test]
async fn a_password_login_is_saved_with_mode_0600_and_resumed_without_the_password_flow() {
    let sb = sandbox(false, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path().join("sessions"));
    let t = transport(&sb).store(store.clone()).build().unwrap();
    assert_eq!(
        t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
            .await
            .unwrap(),
        LoggedIn::Password
    );
    let path = store.path_for(DEMO_USERNAME);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("li_at") && !text.contains(DEMO_PASSWORD),
        "never the password"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // A new process (a new transport) reuses it: one check, no login POST.
    let posts_before = requests_to(&sb, "POST", "/uas/authenticate").len();
    let t2 = transport(&sb).store(store.clone()).build().unwrap();
    assert_eq!(
        t2.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
            .await
            .unwrap(),
        LoggedIn::Resumed
    );
    assert_eq!(
        requests_to(&sb, "POST", "/uas/authenticate").len(),
        posts_before
    );
    t2.send(Request::get("/voyager/api/me")).await.unwrap();

    // Login::saved needs no password at all.
    let t3 = transport(&sb).store(store).build().unwrap();
    assert_eq!(
        t3.login(Login::saved(DEMO_USERNAME)).await.unwrap(),
        LoggedIn::Resumed
    );
}

#[tokio::test]
async fn an_expired_session_is_renewed_with_the_password_and_the_call_goes_through() {
    let sb = sandbox(false, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let t = transport(&sb).store(store.clone()).build().unwrap();
    t.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    let saved_before = std::fs::read_to_string(store.path_for(DEMO_USERNAME)).unwrap();

    sb.expire_sessions();
    // Several calls at once see the session expire: it is renewed once.
    let calls = (0..4).map(|_| t.send(Request::get("/voyager/api/me")));
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    assert_eq!(
        requests_to(&sb, "POST", "/uas/authenticate").len(),
        2,
        "one renewal"
    );
    let saved_after = std::fs::read_to_string(store.path_for(DEMO_USERNAME)).unwrap();
    assert_ne!(saved_before, saved_after, "the renewed session was saved");

    // A session checked moments ago is trusted: resumed without a request.
    let before = sb.requests().len();
    let trusting = transport(&sb).store(store.clone()).build().unwrap();
    assert_eq!(
        trusting.login(Login::saved(DEMO_USERNAME)).await.unwrap(),
        LoggedIn::Resumed
    );
    assert_eq!(sb.requests().len(), before, "no session check");
    // If LinkedIn ended it meanwhile, the first request says so.
    sb.expire_sessions();
    let err = trusting
        .send(Request::get("/voyager/api/me"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::SessionExpired), "{err:?}");

    // Checked at every login: a saved session that LinkedIn no longer accepts makes a
    // password login run the flow.
    let transport = |sb: &linkedin_sandbox::SandboxHandle| {
        transport(sb).trust_checked_session(std::time::Duration::ZERO)
    };
    sb.expire_sessions();
    let t2 = transport(&sb).store(store.clone()).build().unwrap();
    assert_eq!(
        t2.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
            .await
            .unwrap(),
        LoggedIn::Password
    );
    // Without a password, the same situation is SessionExpired, saying what to do.
    sb.expire_sessions();
    let t3 = transport(&sb).store(store).build().unwrap();
    let err = t3.login(Login::saved(DEMO_USERNAME)).await.unwrap_err();
    assert!(matches!(err, Error::SessionExpired), "{err:?}");
    assert!(err.to_string().contains("log in again"), "{err}");
}

#[tokio::test]
async fn cookie_sessions_expire_without_renewal() {
    let sb = sandbox(false, Faults::default()).await;
    let c = sb.demo_cookies().clone();
    let t = transport(&sb).build().unwrap();
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    sb.expire_sessions();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(matches!(err, Error::SessionExpired), "{err:?}");
}

#[tokio::test]
async fn a_damaged_session_file_is_a_clear_error() {
    let sb = sandbox(false, Faults::default()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    for damage in [
        "",
        "{",
        "{\"format\": 1, \"account\": 3}",
        "\u{0}\u{1}binary",
    ] {
        let path = store.path_for(DEMO_USERNAME);
        std::fs::write(&path, damage).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let t = transport(&sb).store(store.clone()).build().unwrap();
        let err = t.login(Login::saved(DEMO_USERNAME)).await.unwrap_err();
        assert!(
            matches!(&err, Error::File { path: p, .. } if *p == path),
            "{damage:?}: {err:?}"
        );
        assert!(err.to_string().contains("delete the file"), "{err}");
    }
}

/// A store of the program's own (here a counting wrapper around [`MemoryStore`], shared by
/// two transports as two machines would share a database) holds both the saved session and
/// the governor: the second transport resumes the first one's session without a login POST,
/// and a breaker tripped through one refuses the other's requests before they are sent.
#[tokio::test]
async fn a_program_store_holds_the_session_and_the_breaker_for_every_transport() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use linkedin_transport::{AccountStore, GovernorChange, MemoryStore, SavedSession};

    #[derive(Debug, Default)]
    struct Counting {
        inner: MemoryStore,
        saves: AtomicUsize,
        transactions: AtomicUsize,
    }

    #[async_trait::async_trait]
    impl AccountStore for Counting {
        async fn load_session(&self, account: &str) -> Result<Option<SavedSession>, Error> {
            self.inner.load_session(account).await
        }
        async fn save_session(&self, session: &SavedSession) -> Result<(), Error> {
            self.saves.fetch_add(1, Ordering::Relaxed);
            self.inner.save_session(session).await
        }
        async fn remove_session(&self, account: &str) -> Result<(), Error> {
            self.inner.remove_session(account).await
        }
        async fn transact_governor(
            &self,
            account: &str,
            change: GovernorChange<'_>,
        ) -> Result<(), Error> {
            self.transactions.fetch_add(1, Ordering::Relaxed);
            self.inner.transact_governor(account, change).await
        }
    }

    let faults = Faults {
        challenge_after: Some(4),
        ..Faults::default()
    };
    let sb = sandbox(false, faults).await;
    let store = Arc::new(Counting::default());
    let one = transport(&sb).store(store.clone()).build().unwrap();
    one.login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .await
        .unwrap();
    assert_eq!(
        store.saves.load(Ordering::Relaxed),
        1,
        "the login was saved"
    );
    assert!(
        store.transactions.load(Ordering::Relaxed) >= 3,
        "every request went through the store's governor"
    );

    let logins = requests_to(&sb, "POST", "/uas/authenticate").len();
    let two = transport(&sb).store(store.clone()).build().unwrap();
    assert_eq!(
        two.login(Login::saved(DEMO_USERNAME)).await.unwrap(),
        LoggedIn::Resumed
    );
    assert_eq!(requests_to(&sb, "POST", "/uas/authenticate").len(), logins);

    // The sandbox challenges a later request of `one`: the breaker trips in the store.
    let mut tripped = None;
    for _ in 0..6 {
        if let Err(e) = one.send(Request::get("/voyager/api/me")).await {
            tripped = Some(e);
            break;
        }
    }
    assert!(
        matches!(tripped, Some(Error::Challenge { .. })),
        "{tripped:?}"
    );
    let sent = sb.requests().len();
    let refused = two.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(matches!(refused, Error::Tripped { .. }), "{refused:?}");
    assert_eq!(sb.requests().len(), sent, "refused before sending");
    assert!(two.budget().await.unwrap().breaker.is_some());
}
