//! The sandbox over real loopback HTTP, one module per area: the server itself (`server`: the
//! login flow, the session gate, the pages, routing by the catalogue; `faults`; `wire`: the
//! request log, TLS, keep-alive, compression), the API areas checked against the world the
//! sandbox serves, and the golden answers of every GET endpoint. One test binary, so the shared client in `common` is built and linked once.

#![allow(
    clippy::unwrap_used,
    reason = "tests fail loudly on the first unexpected value"
)]

mod common;

mod browser;
mod comments;
mod conformance;
mod drift;
mod faults;
mod feed;
mod golden;
mod inbox;
mod invitations;
mod jobs;
mod legacy_inbox;
mod messaging;
mod messenger;
mod mutations;
mod my_items;
mod notifications;
mod people;
mod publishing;
mod search;
mod server;
mod strict;
mod touch;
mod wire;
