//! The transport's integration tests, one binary: the transport against the sandbox, over real
//! loopback HTTP and HTTPS.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod assets;
mod common;
mod connections;
mod faults;
mod log_secrets;
mod login;
mod proxy;
mod sessions;
mod streams;
