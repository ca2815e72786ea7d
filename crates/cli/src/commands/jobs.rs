//! `linkedin jobs ...`.

use clap::Subcommand;

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

/// The `jobs` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// Not written yet.
    Todo,
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let _ = (cmd, conn, out);
    Err(Failure::internal("not written yet"))
}
