//! The fault matrix: a paginated read and the writes under each fault the sandbox injects.
//! A read completes with the same items as a fault-free run, or fails with an error (never
//! fewer items as if complete); a write reaches the sandbox at most once and ends with a
//! known outcome (done, `NotSent`, `OutcomeUnknown` saying what to check, or a refusal that
//! says it was not executed).

use std::collections::BTreeSet;
use std::time::Duration;

use futures::TryStreamExt;
use linkedin_api::{ConversationFilter, Error, Network, PeopleSearch};
use linkedin_sandbox::{Faults, RateLimit};

use crate::common;

/// The faults, each on its own, with a seed so that a failure repeats.
fn matrix() -> Vec<(&'static str, Faults)> {
    let base = Faults {
        seed: 11,
        ..Faults::default()
    };
    vec![
        (
            "server errors",
            Faults {
                server_errors: 0.3,
                ..base.clone()
            },
        ),
        (
            "connection resets",
            Faults {
                connection_resets: 0.3,
                ..base.clone()
            },
        ),
        (
            "truncated bodies",
            Faults {
                truncated_bodies: 0.3,
                ..base.clone()
            },
        ),
        (
            "slow bodies",
            Faults {
                slow_body: Some(Duration::from_millis(1)),
                ..base.clone()
            },
        ),
        (
            "429 with Retry-After",
            Faults {
                rate_limit: Some(RateLimit {
                    requests: 3,
                    window: Duration::from_secs(1),
                }),
                ..base.clone()
            },
        ),
        (
            "many server errors",
            Faults {
                server_errors: 0.5,
                ..base.clone()
            },
        ),
        (
            "many resets",
            Faults {
                connection_resets: 0.5,
                ..base.clone()
            },
        ),
        (
            "a challenge mid-read",
            Faults {
                challenge_after: Some(3),
                ..base
            },
        ),
    ]
}

async fn connections(f: &common::Fixture) -> Result<BTreeSet<String>, Error> {
    let people: Vec<_> = f
        .linkedin
        .search_people(PeopleSearch::new().network(&[Network::First]))
        .try_collect()
        .await?;
    Ok(people.iter().map(|p| p.profile_id.to_string()).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_finish_or_fail_and_writes_go_once_with_a_known_outcome() {
    let clean = common::start().await;
    let all = connections(&clean).await.unwrap();
    assert_eq!(all.len(), 150);
    let thread = clean
        .linkedin
        .conversations(ConversationFilter::inbox())
        .limit(1)
        .try_next()
        .await
        .unwrap()
        .unwrap()
        .thread_id
        .clone();
    let create = linkedin_catalogue::endpoints::MESSAGE_CREATE.full_path();

    let mut report = Vec::new();
    for (name, faults) in matrix() {
        // The login itself may meet the fault: other seeds, as a user would try again.
        let mut fixture = None;
        for attempt in 0..10 {
            let faults = Faults {
                seed: faults.seed + attempt,
                ..faults.clone()
            };
            if let Ok(f) = common::try_start_with(faults).await {
                fixture = Some(f);
                break;
            }
        }
        let Some(f) = fixture else {
            report.push(format!("{name}: could not log in"));
            continue;
        };
        match connections(&f).await {
            Ok(got) => assert_eq!(got, all, "{name}: a read that ends must hold every item"),
            Err(e) => report.push(format!("{name}: the read failed: {e}")),
        }
        let mark = f.mark();
        let outcome = f
            .linkedin
            .send_message(thread.as_str(), "Fault matrix")
            .await;
        let posts = f
            .sent_since(mark)
            .iter()
            .filter(|r| r["method"] == "POST" && r["path"] == create.as_str())
            .count();
        assert!(posts <= 1, "{name}: the message was sent {posts} times");
        match &outcome {
            Ok(_) | Err(Error::NotSent { .. } | Error::OutcomeUnknown { .. }) => {}
            Err(e) => assert!(
                !e.may_have_been_sent(),
                "{name}: an outcome left unknown without saying so: {e}"
            ),
        }
        report.push(format!(
            "{name}: send {}",
            match outcome {
                Ok(_) => "sent".to_owned(),
                Err(e) => format!("not done: {e}"),
            }
        ));
    }
    println!("{}", report.join("\n"));
}
