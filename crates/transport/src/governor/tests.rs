#![allow(clippy::unwrap_used)]

use std::time::Duration;

use super::*;
use crate::store::FileStore;

const T0: u64 = 1_780_000_000_000;

fn limits(pacing: Pacing, per_hour: Option<u64>) -> Limits {
    Limits {
        pacing,
        budget: Budget {
            per_hour,
            warn_at: None,
        },
        per_day: BTreeMap::new(),
    }
}

#[test]
fn a_burst_goes_at_once_then_requests_are_spaced() {
    let l = limits(Pacing::new(3, Duration::from_secs(2), Duration::ZERO), None);
    let mut state = GovernorState::default();
    let starts: Vec<u64> = (0..6)
        .map(|_| (decide(&mut state, &l, None, T0, 0).unwrap() - T0) / 1000)
        .collect();
    assert_eq!(starts, [0, 0, 0, 2, 4, 6]);
}

#[test]
fn jitter_moves_the_schedule_by_its_draw() {
    let l = limits(
        Pacing::new(1, Duration::from_secs(2), Duration::from_secs(2)),
        None,
    );
    let mut state = GovernorState::default();
    assert_eq!(decide(&mut state, &l, None, T0, 1500).unwrap(), T0);
    assert_eq!(decide(&mut state, &l, None, T0, 0).unwrap(), T0 + 3500);
    assert_eq!(decide(&mut state, &l, None, T0, 0).unwrap(), T0 + 5500);
}

#[test]
fn the_hourly_budget_refuses_with_the_time_a_place_frees_up() {
    let l = limits(Pacing::off(), Some(5));
    let mut state = GovernorState::default();
    for i in 0..5 {
        decide(&mut state, &l, None, T0 + i * 60_000, 0).unwrap();
    }
    let refused = decide(&mut state, &l, None, T0 + 10 * 60_000, 0).unwrap_err();
    assert!(
        matches!(refused, Error::BudgetExhausted { used: 5, frees_in } if frees_in == Duration::from_secs(50 * 60)),
        "{refused:?}"
    );
    assert_eq!(state.recent.len(), 5, "a refused request is not counted");
    decide(&mut state, &l, None, T0 + HOUR_MS, 0).expect("the first one left the window");
}

#[test]
fn daily_budgets_count_their_action_only_and_zero_forbids() {
    let l = limits(Pacing::off(), None)
        .daily(Action::Invitation, 2)
        .daily(Action::Post, 0);
    let mut state = GovernorState::default();
    decide(&mut state, &l, Some(Action::Invitation), T0, 0).unwrap();
    decide(&mut state, &l, Some(Action::Message), T0, 0).unwrap();
    decide(&mut state, &l, Some(Action::Invitation), T0 + 1000, 0).unwrap();
    decide(&mut state, &l, None, T0 + 2000, 0).expect("reads are not invitations");
    let spent = decide(&mut state, &l, Some(Action::Invitation), T0 + HOUR_MS, 0).unwrap_err();
    assert!(
        matches!(spent, Error::DailyBudgetSpent { action: Action::Invitation, limit: 2, frees_in: Some(d) } if d == Duration::from_millis(DAY_MS - HOUR_MS)),
        "{spent:?}"
    );
    let forbidden = decide(&mut state, &l, Some(Action::Post), T0, 0).unwrap_err();
    assert!(matches!(
        forbidden,
        Error::DailyBudgetSpent {
            limit: 0,
            frees_in: None,
            ..
        }
    ));
    decide(&mut state, &l, Some(Action::Invitation), T0 + DAY_MS, 0).expect("a day later");
}

#[test]
fn a_tripped_breaker_refuses_everything_until_reset() {
    let l = Limits::unlimited();
    let mut state = GovernorState {
        breaker: Some(Trip {
            reason: TripReason::Challenge,
            at_ms: T0,
            url: Some("https://www.linkedin.com/checkpoint/challenge/x".into()),
        }),
        ..GovernorState::default()
    };
    let refused = decide(&mut state, &l, None, T0 + 1, 0).unwrap_err();
    assert!(
        matches!(&refused, Error::Tripped { reason: TripReason::Challenge, url: Some(u), .. } if u.contains("checkpoint"))
    );
    assert!(refused.to_string().contains("linkedin login"), "{refused}");
    assert!(state.recent.is_empty());
    state.breaker = None;
    decide(&mut state, &l, None, T0 + 2, 0).unwrap();
}

/// Two stores on one directory are two processes of one account: they share the schedule,
/// the budgets and the breaker.
#[tokio::test]
async fn file_stores_share_the_account_between_processes() {
    let dir = tempfile::tempdir().unwrap();
    let l = limits(Pacing::off(), Some(3)).daily(Action::Message, 1);
    let one = Governor::new(Arc::new(FileStore::new(dir.path())), l.clone());
    let two = Governor::new(Arc::new(FileStore::new(dir.path())), l);
    one.admit("me@example.com", Some(Action::Message))
        .await
        .unwrap();
    let spent = two
        .admit("me@example.com", Some(Action::Message))
        .await
        .unwrap_err();
    assert!(matches!(spent, Error::DailyBudgetSpent { .. }), "{spent:?}");
    two.admit("me@example.com", None).await.unwrap();
    two.admit("other@example.com", None).await.unwrap();
    one.admit("me@example.com", None).await.unwrap();
    assert!(matches!(
        one.admit("me@example.com", None).await.unwrap_err(),
        Error::BudgetExhausted { used: 3, .. }
    ));
    one.trip("other@example.com", TripReason::Status999, None)
        .await
        .unwrap();
    assert!(matches!(
        two.admit("other@example.com", None).await.unwrap_err(),
        Error::Tripped {
            reason: TripReason::Status999,
            ..
        }
    ));
    two.reset("other@example.com").await.unwrap();
    one.admit("other@example.com", None).await.unwrap();
    let report = two.report("me@example.com").await.unwrap();
    assert_eq!(report.hour_used, 3);
    assert!(report.per_day.contains(&DailyUse {
        action: Action::Message,
        used: 1,
        limit: Some(1)
    }));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = FileStore::new(dir.path()).governor_path_for("me@example.com");
        let mode = std::fs::metadata(file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

/// Processes racing on one file never lose a count: the lock holds the read-modify-write.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_admissions_are_all_counted() {
    let dir = tempfile::tempdir().unwrap();
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let path = dir.path().to_owned();
        tasks.push(tokio::spawn(async move {
            let g = Governor::new(Arc::new(FileStore::new(path)), Limits::unlimited());
            for _ in 0..10 {
                g.admit("me", None).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let g = Governor::new(Arc::new(FileStore::new(dir.path())), Limits::unlimited());
    assert_eq!(g.report("me").await.unwrap().hour_used, 80);
}

#[tokio::test]
async fn a_corrupt_state_file_is_an_error_naming_it_not_a_reset() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    std::fs::write(store.governor_path_for("me"), "{not json").unwrap();
    let g = Governor::new(Arc::new(store), Limits::unlimited());
    let err = g.admit("me", None).await.unwrap_err();
    assert!(err.to_string().contains("governor state"), "{err}");
}

#[test]
fn only_a_trip_or_a_counted_write_must_reach_the_disk() {
    let l = limits(Pacing::off(), None);
    let mut state = GovernorState::default();
    let before = state.durable_part();
    decide(&mut state, &l, None, T0, 0).unwrap();
    decide(&mut state, &l, Some(Action::Search), T0, 0).unwrap();
    decide(&mut state, &l, Some(Action::ProfileView), T0, 0).unwrap();
    assert_eq!(state.durable_part(), before, "reads are not flushed");

    let before = state.durable_part();
    decide(&mut state, &l, Some(Action::Message), T0, 0).unwrap();
    assert_ne!(state.durable_part(), before, "a message counted is flushed");

    let before = state.durable_part();
    state.breaker = Some(Trip {
        reason: TripReason::Challenge,
        at_ms: T0,
        url: None,
    });
    assert_ne!(state.durable_part(), before, "a trip is flushed");
    assert!(Action::ALL.iter().filter(|a| a.is_write()).count() == 5);
}

/// A shorter state is written over the longer one in place: padded while that is cheap, cut
/// when the padding would outgrow it; it reads back the same either way.
#[test]
fn a_state_that_shrinks_reads_back_padded_or_cut() {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::new(dir.path());
    let account = "me@example.com";
    let path = store.governor_path_for(account);
    let fill = |n: u64| {
        move |state: &mut GovernorState| {
            state.recent = (0..n).map(|i| T0 + i).collect();
        }
    };
    store.transact_governor_now(account, &mut fill(40)).unwrap();
    let long = std::fs::metadata(&path).unwrap().len();
    store.transact_governor_now(account, &mut fill(38)).unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), long, "padded");
    let mut seen = GovernorState::default();
    store
        .transact_governor_now(account, &mut |s| seen = s.clone())
        .unwrap();
    assert_eq!(seen.recent.len(), 38);

    store
        .transact_governor_now(account, &mut fill(2000))
        .unwrap();
    store.transact_governor_now(account, &mut fill(1)).unwrap();
    let cut = std::fs::metadata(&path).unwrap().len();
    assert!(cut < 100, "cut to the short state: {cut} bytes");
    store
        .transact_governor_now(account, &mut |s| seen = s.clone())
        .unwrap();
    assert_eq!(seen.recent, [T0]);
}
