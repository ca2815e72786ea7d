//! The facade against the sandbox, over real loopback HTTP: one test binary, a module per
//! area. Each test starts its own sandbox (`common::start`), so they run in parallel.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

mod comments;
mod company;
mod examples;
mod faults;
mod feed;
mod invitations;
mod jobs;
mod mailbox;
mod me;
mod messaging;
mod my_items;
mod network;
mod notifications;
mod posts;
mod profile;
mod realtime;
mod replay;
mod search;
mod touch;
