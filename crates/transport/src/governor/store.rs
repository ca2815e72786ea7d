//! Where the governor's states live: a pluggable store, a file per account by default.

use std::collections::HashMap;
use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use async_trait::async_trait;

use super::GovernorState;
use crate::error::Error;

/// Keeps each account's [`GovernorState`], read and written as one step.
///
/// The default is [`FileGovernorStore`] (a file beside the saved sessions, locked); a program
/// that runs the client for one account on several machines implements this over its own
/// database, so that budgets and the breaker hold across all of them.
///
/// ```
/// use std::collections::HashMap;
/// use std::sync::Mutex;
///
/// use async_trait::async_trait;
/// use linkedin_transport::{GovernorState, GovernorStore};
///
/// /// A store in a map; a real one would run `apply` inside a database transaction
/// /// (`SELECT ... FOR UPDATE`, apply, `UPDATE`).
/// #[derive(Debug, Default)]
/// struct MyStore(Mutex<HashMap<String, GovernorState>>);
///
/// #[async_trait]
/// impl GovernorStore for MyStore {
///     async fn transact(
///         &self,
///         account: &str,
///         apply: &mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send),
///     ) -> linkedin_transport::Result<()> {
///         let mut states = self.0.lock().unwrap();
///         apply(states.entry(account.to_owned()).or_default());
///         Ok(())
///     }
/// }
/// ```
#[async_trait]
pub trait GovernorStore: Send + Sync + fmt::Debug {
    /// Runs `apply` on the state of `account` (the default state the first time), with no
    /// other process or task reading or writing it between the read and the write.
    ///
    /// # Errors
    ///
    /// When the state cannot be read or written ([`Error::File`] for the file store).
    async fn transact(
        &self,
        account: &str,
        apply: &mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send),
    ) -> Result<(), Error>;
}

/// States in this process's memory only: what a transport without a session store uses.
#[derive(Debug, Default)]
pub struct MemoryGovernorStore {
    states: Mutex<HashMap<String, GovernorState>>,
}

#[async_trait]
impl GovernorStore for MemoryGovernorStore {
    async fn transact(
        &self,
        account: &str,
        apply: &mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send),
    ) -> Result<(), Error> {
        let mut states = self
            .states
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        apply(states.entry(account.to_owned()).or_default());
        Ok(())
    }
}

/// A JSON file per account, `<dir>/<account>.governor.json` (the account's file name as the
/// session store makes it), mode 0600, locked exclusively (`File::lock`, an advisory lock
/// every process of this library takes) while it is read, changed and written back.
///
/// The lock is held for a read and a write of a small file, not while a request waits or
/// runs; the I/O is blocking and short. A state file that does not parse is an error naming
/// the file, never silently reset: a tripped breaker must not be lost to a bad write.
#[derive(Debug, Clone)]
pub struct FileGovernorStore {
    dir: PathBuf,
}

impl FileGovernorStore {
    /// A store in `dir` (created on first use, mode 0700 on unix).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The file of `account`.
    #[must_use]
    pub fn path_for(&self, account: &str) -> PathBuf {
        self.dir.join(format!(
            "{}.governor.json",
            crate::session::file_stem(account)
        ))
    }

    fn transact_blocking(
        &self,
        path: &Path,
        apply: &mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send),
    ) -> Result<(), Error> {
        crate::session::create_private_dir(&self.dir)
            .map_err(|e| Error::file_io(&self.dir, "cannot create the session directory", e))?;
        let mut file = open_private(path)
            .map_err(|e| Error::file_io(path, "cannot open the account's governor state", e))?;
        file.lock()
            .map_err(|e| Error::file_io(path, "cannot lock the account's governor state", e))?;
        let mut text = String::new();
        file.read_to_string(&mut text)
            .map_err(|e| Error::file_io(path, "cannot read the account's governor state", e))?;
        let mut state: GovernorState = if text.trim().is_empty() {
            GovernorState::default()
        } else {
            serde_json::from_str(&text).map_err(|e| {
                Error::file(
                    path,
                    format!(
                        "the account's governor state does not read ({e}): run `linkedin safety reset`, or delete the file to start its budgets afresh"
                    ),
                )
            })?
        };
        apply(&mut state);
        let json = serde_json::to_vec(&state).map_err(|e| {
            Error::file(
                path,
                format!("cannot write the account's governor state: {e}"),
            )
        })?;
        let write = |file: &mut File| -> std::io::Result<()> {
            file.seek(SeekFrom::Start(0))?;
            file.set_len(0)?;
            file.write_all(&json)?;
            file.sync_data()
        };
        write(&mut file)
            .map_err(|e| Error::file_io(path, "cannot write the account's governor state", e))?;
        // Dropping the file releases the lock.
        Ok(())
    }
}

#[async_trait]
impl GovernorStore for FileGovernorStore {
    async fn transact(
        &self,
        account: &str,
        apply: &mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send),
    ) -> Result<(), Error> {
        let path = self.path_for(account);
        self.transact_blocking(&path, apply)
    }
}

/// Opens (creating it, mode 0600 on unix) a file for reading and writing.
fn open_private(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}
