//! Each fault the sandbox injects, met with the right retry or error; writes reach the sandbox
//! at most once.

use std::time::Duration;

use linkedin_sandbox::{Faults, RateLimit};
use linkedin_transport::{Error, Login, Request, RetryPolicy, TimeoutPhase, Timeouts};

use crate::common::*;

const SEND: &str = "/voyager/api/voyagerMessagingDashMessengerMessages";

/// A reply in the demo account's first conversation.
fn send_message() -> Request {
    static BODY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = BODY.get_or_init(|| {
        let world = linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED);
        let me = "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";
        let thread = &world.conversations[0].thread_id;
        serde_json::json!({
            "message": {
                "body": {"attributes": [], "text": "hello"},
                "renderContentUnions": [],
                "conversationUrn": format!("urn:li:msg_conversation:({me},{thread})"),
                "originToken": "6c1b7a4e-8f53-4d2a-9b1e-2f0c3d4e5a6b",
            },
            "mailboxUrn": me,
            "trackingId": "abcdefghijklmnop",
            "dedupeByClientGeneratedToken": false,
        })
        .to_string()
    });
    Request::post(
        format!("{SEND}?action=createMessage"),
        "text/plain;charset=UTF-8",
        body.clone(),
    )
}

async fn logged_in(
    faults: Faults,
) -> (
    linkedin_sandbox::SandboxHandle,
    linkedin_transport::Transport,
) {
    let sb = sandbox(false, faults).await;
    let t = transport(&sb).build().unwrap();
    let c = sb.demo_cookies().clone();
    // Faults hit the check as well; retrying it is safe.
    t.login(Login::cookies(&c.li_at, &c.jsessionid))
        .await
        .unwrap();
    (sb, t)
}

#[tokio::test]
async fn latency_within_the_timeout_is_waited_for_and_beyond_it_is_a_timeout() {
    let faults = Faults {
        latency: Some(Duration::from_millis(150)),
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await;
    t.send(Request::get("/voyager/api/me")).await.unwrap();

    let impatient = transport(&sb)
        .timeouts(Timeouts {
            request: Duration::from_millis(50),
            ..Timeouts::default()
        })
        .retries(RetryPolicy::none())
        .build()
        .unwrap();
    let err = impatient
        .send(Request::get("/uas/authenticate"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::Request
            }
        ),
        "{err:?}"
    );

    let total = transport(&sb)
        .timeouts(Timeouts {
            request: Duration::from_millis(50),
            total: Duration::from_millis(120),
            ..Timeouts::default()
        })
        .retries(RetryPolicy {
            max_retries: 100,
            ..quick_retries()
        })
        .build()
        .unwrap();
    let err = total
        .send(Request::get("/uas/authenticate"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::Total
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn rate_limits_are_waited_out_for_reads_and_reported_for_writes() {
    let faults = Faults {
        rate_limit: Some(RateLimit {
            requests: 2,
            window: Duration::from_secs(1),
        }),
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await; // the check is request 1
    t.send(Request::get("/voyager/api/me")).await.unwrap(); // 2
    let started = std::time::Instant::now();
    t.send(Request::get("/voyager/api/me")).await.unwrap(); // 429, Retry-After: 1, then OK
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "Retry-After was honoured"
    );
    let statuses: Vec<u16> = sb.requests().iter().map(|r| r.status).collect();
    assert!(statuses.contains(&429), "{statuses:?}");

    // A write is not retried after a 429: the caller hears of it. (The window restarted with
    // the retried read; use it up without waiting.)
    let no_retry = transport(&sb).retries(RetryPolicy::none()).build().unwrap();
    for _ in 0..2 {
        no_retry.send(Request::get("/uas/authenticate")).await.ok();
    }
    let err = t.send(send_message()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                retry_after: Some(_)
            }
        ),
        "{err:?}"
    );
    assert_eq!(requests_to(&sb, "POST", SEND).len(), 1);

    // A Retry-After longer than the caller accepts is returned at once.
    let strict = transport(&sb)
        .retries(RetryPolicy {
            max_retry_after: Duration::ZERO,
            ..quick_retries()
        })
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = strict
        .send(Request::get("/uas/authenticate"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::RateLimited { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_millis(500), "no wait");
}

#[tokio::test]
async fn server_errors_are_retried_for_reads_never_for_writes() {
    let faults = Faults {
        server_errors: 0.5,
        seed: 7,
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await;
    let mut gave_up = 0;
    for _ in 0..20 {
        // 500, 502, 503 and 504 are passing troubles and are retried, up to the policy's
        // retries; a read fails only when every attempt did.
        match t.send(Request::get("/voyager/api/me")).await {
            Ok(_) => {}
            Err(Error::Status {
                code: 500..=504, ..
            }) => gave_up += 1,
            Err(e) => panic!("{e:?}"),
        }
    }
    let log = sb.requests();
    let retried = log
        .iter()
        .filter(|r| matches!(r.status, 500 | 502..=504))
        .count();
    assert!(retried > 3, "the fault fired ({retried} retried)");
    let reads = log.iter().filter(|r| r.method == "GET").count();
    assert_eq!(
        reads,
        21 + retried - gave_up,
        "one check, 20 reads, and one retry per server error but the last of a read that gave up"
    );
    assert!(
        gave_up < 3,
        "at 50% errors and 3 retries, few reads give up ({gave_up})"
    );

    let mut outcomes = Vec::new();
    for _ in 0..10 {
        outcomes.push(t.send(send_message()).await);
    }
    let posts = requests_to(&sb, "POST", SEND);
    assert_eq!(
        posts.len(),
        10,
        "each write reached the sandbox exactly once"
    );
    for (outcome, record) in outcomes.iter().zip(&posts) {
        match outcome {
            Ok(_) => assert_eq!(record.status, 200),
            Err(Error::Status { code, .. }) => assert_eq!(*code, record.status),
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(outcomes.iter().any(Result::is_err) && outcomes.iter().any(Result::is_ok));
}

#[tokio::test]
async fn connection_resets_are_retried_for_reads_and_interrupt_writes() {
    let faults = Faults {
        connection_resets: 0.4,
        seed: 3,
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await;
    for _ in 0..20 {
        t.send(Request::get("/voyager/api/me")).await.unwrap();
    }
    assert!(
        sb.requests().iter().any(|r| r.status == 0),
        "resets happened"
    );
    let mut interrupted = 0;
    for _ in 0..10 {
        match t.send(send_message()).await {
            Ok(_) => {}
            Err(Error::Interrupted { method, path }) => {
                assert_eq!((method.as_str(), path.as_str()), ("POST", SEND));
                interrupted += 1;
            }
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(interrupted > 0);
    assert_eq!(requests_to(&sb, "POST", SEND).len(), 10, "never sent twice");
}

#[tokio::test]
async fn truncated_bodies_are_retried_for_reads_and_interrupt_writes() {
    let faults = Faults {
        truncated_bodies: 0.4,
        seed: 11,
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await;
    for _ in 0..20 {
        let me = t.send(Request::get("/voyager/api/me")).await.unwrap();
        let _: serde_json::Value = me.json().expect("a whole body");
    }
    let mut interrupted = 0;
    for _ in 0..10 {
        match t.send(send_message()).await {
            Ok(r) => {
                let _: serde_json::Value = r.json().expect("a whole body");
            }
            Err(Error::Interrupted { .. }) => interrupted += 1,
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(interrupted > 0);
    assert_eq!(requests_to(&sb, "POST", SEND).len(), 10, "never sent twice");
}

#[tokio::test]
async fn slow_bodies_arrive_whole_or_time_out() {
    let faults = Faults {
        slow_body: Some(Duration::from_millis(2)),
        ..Faults::default()
    };
    let (sb, t) = logged_in(faults).await;
    let me = t.send(Request::get("/voyager/api/me")).await.unwrap();
    let _: serde_json::Value = me.json().unwrap();

    let impatient = transport(&sb)
        .timeouts(Timeouts {
            request: Duration::from_millis(5),
            ..Timeouts::default()
        })
        .retries(RetryPolicy::none())
        .build()
        .unwrap();
    let err = impatient.send(Request::get("/")).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::Request
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_challenge_mid_session_ends_it_with_the_url() {
    let faults = Faults {
        challenge_after: Some(3),
        ..Faults::default()
    };
    let (_sb, t) = logged_in(faults).await;
    let mut outcome = Ok(());
    for _ in 0..5 {
        if let Err(e) = t.send(Request::get("/voyager/api/me")).await {
            outcome = Err(e);
            break;
        }
    }
    let err = outcome.unwrap_err();
    assert!(
        matches!(&err, Error::Challenge { url } if url.contains("/checkpoint/")),
        "{err:?}"
    );
    assert!(!t.has_cookie("li_at"), "LinkedIn wiped li_at");
    // The breaker tripped: nothing more is sent for the account, with the URL to go to.
    let before = _sb.requests().len();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(
        matches!(&err, Error::Tripped { url: Some(u), .. } if u.contains("/checkpoint/")),
        "{err:?}"
    );
    assert_eq!(_sb.requests().len(), before, "refused before sending");
    let report = t.budget().await.unwrap();
    assert!(report.breaker.is_some());
    // The user passed the check and resets it knowingly: requests go out again.
    t.reset_breaker("browser").await.unwrap();
    let err = t.send(Request::get("/voyager/api/me")).await.unwrap_err();
    assert!(
        matches!(err, Error::Unauthorized | Error::SessionExpired),
        "{err:?}"
    );
}
