//! The answer-mutation fault (`Faults::mutate_answers`): every kind is produced and does what
//! it says, the mutations repeat with their seed, a rate of 0 changes nothing, and the login
//! flow and the session checks are never mutated.

use std::collections::BTreeSet;

use http::StatusCode;
use linkedin_catalogue::endpoints;
use linkedin_sandbox::{CONTROL_SEQUENCES, Faults, HUGE_STRING, Mutation, SandboxHandle};
use serde_json::{Value, json};

use crate::common::api::{Api, search_clusters, start, start_with, url, world};
use crate::common::{Client, log_in};

/// Data requests of several areas: profiles (URNs, strings, numbers), a search page, a feed
/// page, a company and the touch API's connections.
fn targets() -> Vec<String> {
    let w = world();
    let mut targets: Vec<String> = (1..=6)
        .map(|i| {
            let urn = format!("urn:li:fsd_profile:{}", w.people[i].profile_id);
            url(endpoints::PROFILE, &[("profileUrn", &urn)], json!({}), None)
        })
        .collect();
    targets.push(search_clusters(
        "PEOPLE",
        Some("engineer"),
        json!([]),
        0,
        None,
    ));
    targets.push(url(
        endpoints::FEED_CHRON,
        &[],
        json!({"count": 5, "start": 0}),
        None,
    ));
    targets.push(url(
        endpoints::COMPANY,
        &[],
        json!({"universalName": w.companies[0].universal_name}),
        None,
    ));
    let demo = w.people[0].member_id.to_string();
    targets.push(url(
        endpoints::TOUCH_CONNECTIONS,
        &[("id", &demo)],
        json!({"count": 5}),
        None,
    ));
    targets
}

/// A sandbox that mutates answers at `rate` with `seed`, drawing from `kinds` (all if empty).
async fn mutating(rate: f64, seed: u64, kinds: Vec<Mutation>) -> SandboxHandle {
    start_with(Faults {
        mutate_answers: rate,
        mutations: kinds,
        seed,
        ..Faults::default()
    })
    .await
}

/// The status and body of each target, in order, on one connection (normalized).
async fn answers(sandbox: &SandboxHandle, targets: &[String]) -> Vec<(StatusCode, Vec<u8>)> {
    let mut api = Api::new(sandbox).await;
    let mut out = Vec::new();
    for target in targets {
        let resp = api.get(target, true).await;
        out.push((resp.status, resp.body.to_vec()));
    }
    out
}

/// What the request log says was done to each answer.
fn mutations(sandbox: &SandboxHandle) -> Vec<Option<String>> {
    sandbox.requests().into_iter().map(|r| r.mutation).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutations_repeat_with_their_seed() {
    let targets: Vec<String> = targets().into_iter().cycle().take(40).collect();
    let a = mutating(0.5, 7, vec![]).await;
    let b = mutating(0.5, 7, vec![]).await;
    let other = mutating(0.5, 8, vec![]).await;
    let (first, second) = (answers(&a, &targets).await, answers(&b, &targets).await);
    assert!(first == second, "the same seed gives the same answers");
    assert_eq!(mutations(&a), mutations(&b));
    let done = mutations(&a).into_iter().flatten().count();
    assert!((5..35).contains(&done), "about half mutated: {done} of 40");
    answers(&other, &targets).await;
    assert_ne!(
        mutations(&other),
        mutations(&a),
        "another seed, other mutations"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_of_zero_changes_nothing() {
    let targets = targets();
    let plain = start().await;
    let zero = mutating(0.0, 7, Mutation::ALL.to_vec()).await;
    let expected = answers(&plain, &targets).await;
    assert!(expected.iter().all(|(status, _)| *status == StatusCode::OK));
    assert!(answers(&zero, &targets).await == expected);
    assert!(mutations(&zero).iter().all(Option::is_none));
}

/// Drawing from every kind at a rate of 1, each kind comes up; each named in the log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_is_drawn() {
    let sandbox = mutating(1.0, 1, vec![]).await;
    let targets: Vec<String> = targets().into_iter().cycle().take(120).collect();
    answers(&sandbox, &targets).await;
    let seen: BTreeSet<String> = mutations(&sandbox)
        .into_iter()
        .map(|m| m.unwrap().split(' ').next().unwrap().to_owned())
        .collect();
    let all: BTreeSet<String> = Mutation::ALL.iter().map(|m| m.name().to_owned()).collect();
    assert_eq!(seen, all);
}

/// Each kind alone, on a profile: the answer changed as the log says, at the place it names.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_kind_changes_the_answer_as_logged() {
    let target = vec![targets().remove(0)];
    let reference = answers(&start().await, &target).await.remove(0).1;
    let original: Value = serde_json::from_slice(&reference).unwrap();
    for kind in Mutation::ALL {
        let sandbox = mutating(1.0, 3, vec![kind]).await;
        let (status, body) = answers(&sandbox, &target).await.remove(0);
        let done = mutations(&sandbox).remove(0).unwrap();
        let mut words = done.split(' ');
        assert_eq!(words.next(), Some(kind.name()), "{done}");
        let place = words.next().unwrap();
        match kind {
            Mutation::Truncate => {
                assert_eq!(status, StatusCode::OK);
                assert!(body.len() < reference.len() && reference.starts_with(&body));
                assert_eq!(place, format!("{}/{}", body.len(), reference.len()));
                assert!(serde_json::from_slice::<Value>(&body).is_err());
            }
            Mutation::OddStatus => {
                assert_eq!(place, status.as_str());
                assert!([206, 418, 299].contains(&status.as_u16()), "{status}");
                assert_eq!(body, reference);
            }
            _ => {
                assert_eq!(status, StatusCode::OK);
                let changed: Value = serde_json::from_slice(&body).unwrap();
                let (before, after) = (original.pointer(place), changed.pointer(place));
                match kind {
                    Mutation::DropKey => assert!(before.is_some() && after.is_none(), "{done}"),
                    Mutation::NullValue => {
                        assert!(!before.unwrap().is_null() && after.unwrap().is_null());
                    }
                    Mutation::ChangeType => assert_ne!(
                        std::mem::discriminant(before.unwrap()),
                        std::mem::discriminant(after.unwrap()),
                        "{done}"
                    ),
                    Mutation::MalformedUrn => {
                        assert!(before.unwrap().as_str().unwrap().starts_with("urn:li:"));
                        assert_ne!(before, after);
                    }
                    Mutation::HugeString => {
                        assert_eq!(after.unwrap().as_str().unwrap().len(), HUGE_STRING);
                    }
                    Mutation::ControlChars => {
                        assert!(after.unwrap().as_str().unwrap().contains(CONTROL_SEQUENCES));
                    }
                    _ => unreachable!(),
                }
            }
        }
    }
}

/// At a rate of 1, logging in still works, `/me` and the touch API's `people/person` (the
/// session checks) are answered as always, and so are pages and errors; data answers are
/// mutated.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_flow_and_the_session_checks_are_never_mutated() {
    let me = url(endpoints::ME, &[], json!({}), None);
    let touch_me = url(endpoints::TOUCH_ME, &[], json!({}), None);
    let unknown = url(
        endpoints::PROFILE,
        &[("profileUrn", "urn:li:fsd_profile:ACoAAUnknown")],
        json!({}),
        None,
    );
    let checks = [me, touch_me, unknown];
    let expected = answers(&start().await, &checks).await;

    let sandbox = mutating(1.0, 5, vec![]).await;
    let mut client = Client::connect(&sandbox).await;
    log_in(&mut client).await;
    assert_eq!(client.get("/").await.status, StatusCode::OK);
    assert!(answers(&sandbox, &checks).await == expected);
    assert_eq!(expected[2].0, StatusCode::NOT_FOUND);
    assert!(mutations(&sandbox).iter().all(Option::is_none));

    answers(&sandbox, &targets()[..1]).await;
    assert!(mutations(&sandbox).last().unwrap().is_some());
}
