//! The account commands, one module per area of the facade. Each has a `Cmd` (its clap
//! subcommands) and `run`.

pub(crate) mod comments;
pub(crate) mod company;
pub(crate) mod feed;
pub(crate) mod invitations;
pub(crate) mod jobs;
pub(crate) mod messages;
pub(crate) mod notifications;
pub(crate) mod post;
pub(crate) mod profile;
pub(crate) mod search;
pub(crate) mod touch;
pub(crate) mod watch;
