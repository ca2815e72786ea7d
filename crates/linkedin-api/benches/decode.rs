//! CPU time and allocations of reading one answer into what the facade gives, from its
//! bytes (the answer as the transport hands it over, decompressed), by the facade's own
//! decoding ([`linkedin_api::offline`]):
//!
//! - `search_page`: a people search page of 49 results (the sandbox's answer, saved as
//!   `fixtures/bench/search_people_49.json`: no recording has a search);
//! - `conversations_page`: the inbox's first sync, 20 conversations (LinkedIn's own answer,
//!   `fixtures/recorded/051-messengerConversations.json`);
//! - `thread_page`: a conversation's latest messages (`fixtures/recorded/070-messengerMessages.json`);
//! - `full_profile`: a profile with its sections (the sandbox's answer to
//!   `profile_with_sections`, saved as `fixtures/bench/profile_with_sections.json`: no
//!   recording has this projection).
//!
//! Beside the search page, what no client can skip, measured in the same run: `floor_inflate`
//! (inflating the page as the sandbox compresses it, gzip level 1, into a fresh buffer, by
//! miniz_oxide, without the gzip checksum), `floor_validate` (one pass of serde_json over the
//! page that checks it is JSON and keeps nothing) and `floor_tree` (the page parsed into a
//! `serde_json::Value`: what the Python client's `json.loads` makes).
//!
//! `cargo bench -p linkedin-api --bench decode` prints time and allocations per page (divan's
//! `AllocProfiler`).

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::path::PathBuf;

use linkedin_api::ProfileId;
use linkedin_api::offline;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A saved answer body, as it came.
fn saved(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join("bench").join(name)).unwrap()
}

/// The answer body of a recorded request, as compact JSON (LinkedIn's own is compact).
fn recorded(name: &str) -> Vec<u8> {
    let text = std::fs::read(fixtures().join("recorded").join(name)).unwrap();
    let capture: serde_json::Value = serde_json::from_slice(&text).unwrap();
    serde_json::to_vec(&capture["response_body"]).unwrap()
}

/// The recorded account's own profile id (the mailbox of the recorded messaging answers).
fn me() -> ProfileId {
    ProfileId::parse("ACoAAODgoRXLcjj1SBNwpgt3QrZQRz9ZmEsVI37").unwrap()
}

#[divan::bench]
fn search_page(bencher: divan::Bencher) {
    let body = saved("search_people_49.json");
    assert_eq!(offline::search_people_page(&body).unwrap().len(), 49);
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| offline::search_people_page(divan::black_box(&body)).unwrap());
}

#[divan::bench]
fn floor_inflate(bencher: divan::Bencher) {
    use std::io::Write;
    let body = saved("search_people_49.json");
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(1));
    gzip.write_all(&body).unwrap();
    let gzip = gzip.finish().unwrap();
    // The deflate data: past gzip's 10-byte header (no optional field), before its trailer.
    let deflate = &gzip[10..gzip.len() - 8];
    assert_eq!(
        miniz_oxide::inflate::decompress_to_vec(deflate).unwrap(),
        body
    );
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| miniz_oxide::inflate::decompress_to_vec(divan::black_box(deflate)).unwrap());
}

#[divan::bench]
fn floor_validate(bencher: divan::Bencher) {
    let body = saved("search_people_49.json");
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| {
            serde_json::from_slice::<serde::de::IgnoredAny>(divan::black_box(&body)).unwrap()
        });
}

#[divan::bench]
fn floor_tree(bencher: divan::Bencher) {
    let body = saved("search_people_49.json");
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| serde_json::from_slice::<serde_json::Value>(divan::black_box(&body)).unwrap());
}

#[divan::bench]
fn conversations_page(bencher: divan::Bencher) {
    let body = recorded("051-messengerConversations.json");
    let me = me();
    assert_eq!(offline::conversations_page(&body, &me).unwrap().len(), 20);
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| offline::conversations_page(divan::black_box(&body), &me).unwrap());
}

#[divan::bench]
fn thread_page(bencher: divan::Bencher) {
    let body = recorded("070-messengerMessages.json");
    let me = me();
    assert!(!offline::messages_page(&body, &me).unwrap().is_empty());
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| offline::messages_page(divan::black_box(&body), &me).unwrap());
}

#[divan::bench]
fn full_profile(bencher: divan::Bencher) {
    let body = saved("profile_with_sections.json");
    assert!(!offline::full_profile(&body).unwrap().experiences.is_empty());
    bencher
        .counter(divan::counter::BytesCount::new(body.len()))
        .bench(|| offline::full_profile(divan::black_box(&body)).unwrap());
}
