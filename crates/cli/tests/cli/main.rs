//! The `linkedin` binary end to end, one test binary with a module per area: each test runs
//! the real binary against an embedded sandbox (`--sandbox`) or a `linkedin sandbox`
//! process (`common`), and checks what the CLI owns: its text, its JSON keys and values,
//! `--ndjson` framing, exit statuses, nothing sent for bad input, no secret printed. What
//! LinkedIn's world holds is the facade's and the sandbox's tests' to check.

#![allow(
    clippy::unwrap_used,
    dead_code,
    unreachable_pub,
    reason = "a test stops at the first unexpected value; the helpers are shared by modules that each use some"
)]

mod common;

mod account;
mod bad_input;
mod company;
mod drift;
mod feed;
mod help_examples;
mod invitations;
mod jobs;
mod mcp;
mod messages;
mod mutations;
mod notifications;
mod output;
mod post;
mod profile;
mod requests;
mod restli;
mod safety;
mod sandbox;
mod search;
mod touch;
