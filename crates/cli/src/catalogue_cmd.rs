//! `linkedin catalogue`: the endpoints this tool sends, with the ids it uses for each and
//! where they come from (built in, the user's override file). Read locally: nothing is sent.

use clap::Subcommand;
use linkedin_api::catalogue::{Endpoint, IdOrigin, IdTable, Overrides};
use serde::Serialize;

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

/// The environment variable naming the override file.
pub(crate) const CATALOGUE_ENV: &str = "LINKEDIN_CATALOGUE";

#[derive(Subcommand, Debug)]
pub(crate) enum CatalogueCmd {
    /// Every endpoint (or the one named), with its ids and where each comes from: built in, or
    /// the override file (LINKEDIN_CATALOGUE, default catalogue.toml in the config directory,
    /// beside the sessions).
    #[command(after_help = "Example: linkedin catalogue show search_clusters")]
    Show {
        /// The entry's name (`search_clusters`); all of them without it.
        name: Option<String>,
    },
}

/// One entry as `show` prints it (and the MCP tool `status` lists the replaced ones).
#[derive(Debug, Serialize)]
pub(crate) struct Shown {
    name: &'static str,
    method: &'static str,
    path: String,
    query_id: Option<&'static str>,
    decoration_id: Option<&'static str>,
    data_root: Option<&'static str>,
    status: String,
    ids: IdOrigin,
}

impl Shown {
    /// The entry `endpoint` as the table resolves it, its ids from `origin`.
    pub(crate) fn of(endpoint: &'static Endpoint, origin: IdOrigin) -> Self {
        Self {
            name: endpoint.name,
            method: endpoint.method.as_str(),
            path: endpoint.full_path(),
            query_id: endpoint.query_id,
            decoration_id: endpoint.decoration_id,
            data_root: endpoint.data_root,
            status: format!("{:?}", endpoint.status).to_lowercase(),
            ids: origin,
        }
    }
}

/// The override file: `LINKEDIN_CATALOGUE` when set, else `catalogue.toml` in the config
/// directory; read and checked (a broken one is a usage failure, in one line).
pub(crate) fn load_overrides() -> Result<Option<Overrides>, Failure> {
    let path = match std::env::var_os(CATALOGUE_ENV).filter(|v| !v.is_empty()) {
        Some(path) => std::path::PathBuf::from(path),
        None => match dirs::config_dir() {
            Some(dir) => dir.join("linkedin-api").join("catalogue.toml"),
            None => return Ok(None),
        },
    };
    Overrides::load(&path).map_err(|e| Failure::usage(format!("catalogue overrides: {e}")))
}

/// Runs a `catalogue` command: the ids the account's commands would send, from the built-in
/// catalogue, the override file and what was learned for the account.
pub(crate) fn run(cmd: CatalogueCmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let CatalogueCmd::Show { name } = cmd;
    let table = match load_overrides()? {
        Some(overrides) => IdTable::with_overrides(&overrides),
        None => IdTable::new(),
    };
    if let Some(text) = conn.learned_ids() {
        linkedin_api::apply_learned(&text, &table);
    }
    let mut entries: Vec<Shown> = table
        .entries()
        .into_iter()
        .map(|(e, origin)| Shown::of(e, origin))
        .collect();
    if let Some(name) = name {
        entries.retain(|e| e.name == name);
        if entries.is_empty() {
            return Err(Failure::usage(format!(
                "no entry of the catalogue is named {name:?}: `linkedin catalogue show` lists them"
            )));
        }
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Failure::internal(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(out.list(entries, |e| {
        let mut lines = vec![format!(
            "{} {} {} ({}; ids {})",
            out.bold(e.name),
            e.method,
            e.path,
            e.status,
            e.ids
        )];
        for (key, value) in [
            ("queryId", e.query_id),
            ("decorationId", e.decoration_id),
            ("data root", e.data_root),
        ] {
            if let Some(value) = value {
                lines.push(format!("  {key}: {value}"));
            }
        }
        lines.join("\n")
    }))
}
