//! restli's integration tests, one binary: the reference vectors, property tests of the
//! round trips, the bounded fuzz test, and snapshots of realistic values.

#![allow(
    clippy::unwrap_used,
    reason = "a test stops at the first unexpected value"
)]

mod fuzz;
mod roundtrip;
mod snapshots;
mod vectors;
