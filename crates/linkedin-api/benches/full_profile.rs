//! Wall time of `full_profile` against a sandbox that delays every answer by 100 ms (its
//! `--latency-ms 100`), so round trips dominate: the profile, its positions, its sections and
//! its contact info come in one answer, asked by profile id or by public id alike.
//!
//! - `by_profile_id`: the member given by profile id.
//! - `by_public_id_first_time`: a fresh client each time, so nothing is remembered.
//! - `by_public_id_known`: the same client again.
//!
//! `cargo bench -p linkedin-api` (target: a full profile in under 200 ms).

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::sync::OnceLock;
use std::time::Duration;

use linkedin_api::{Linkedin, Login};
use linkedin_sandbox::{
    DEMO_PASSWORD, DEMO_USERNAME, Faults, Sandbox, SandboxConfig, SandboxHandle,
};

fn main() {
    divan::main();
}

const PROFILE_ID: &str = "ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";

struct Setup {
    runtime: tokio::runtime::Runtime,
    sandbox: SandboxHandle,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = runtime
            .block_on(Sandbox::start(SandboxConfig {
                faults: Faults {
                    latency: Some(Duration::from_millis(100)),
                    ..Faults::default()
                },
                ..SandboxConfig::default()
            }))
            .unwrap();
        Setup { runtime, sandbox }
    })
}

fn client(s: &Setup) -> Linkedin {
    s.runtime
        .block_on(
            Linkedin::builder()
                .base_url(s.sandbox.base_url())
                .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
                .build(),
        )
        .unwrap()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn by_profile_id(bencher: divan::Bencher) {
    let s = setup();
    let li = client(s);
    bencher.bench_local(|| s.runtime.block_on(li.full_profile(PROFILE_ID)).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn by_public_id_first_time(bencher: divan::Bencher) {
    let s = setup();
    bencher
        .with_inputs(|| client(s))
        .bench_local_refs(|li| s.runtime.block_on(li.full_profile("demo-member")).unwrap());
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn by_public_id_known(bencher: divan::Bencher) {
    let s = setup();
    let li = client(s);
    s.runtime.block_on(li.full_profile("demo-member")).unwrap();
    bencher.bench_local(|| s.runtime.block_on(li.full_profile("demo-member")).unwrap());
}
