//! Where an account's state lives: its saved session and its governor state (pacing,
//! budgets, breaker), behind one pluggable [`AccountStore`].
//!
//! - this file: the trait, and [`MemoryStore`] (this process only);
//! - `file`: [`FileStore`], the default: a directory of JSON files, a session and a governor
//!   state per account, the latter locked while it changes so that processes share it;
//! - `file_name`: an account's file name, one path component whatever the account;
//! - `decode`: reading a session file back, with errors that never quote it (it holds
//!   cookies);
//! - `permissions`: the modes (0700, 0600, never widened) and the refusal of a file others
//!   could have read.

mod decode;
mod file;
mod file_name;
mod permissions;

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use async_trait::async_trait;

use crate::error::Error;
use crate::governor::GovernorState;
use crate::session::SavedSession;

pub use file::{FileStore, SESSION_DIR_ENV};

/// The change a store applies to an account's governor state, under its lock.
pub type GovernorChange<'a> = &'a mut (dyn for<'s> FnMut(&'s mut GovernorState) + Send);

/// Keeps, per account, the saved session and the governor's state: the one place the
/// transport reads and writes what outlives a process.
///
/// The default is [`FileStore`] (files in a private directory; the governor state locked
/// while it changes, so that every process of the account shares it). A program that runs
/// the client for one account on several machines implements this over its own database,
/// so that budgets and the circuit breaker hold across all of them; [`MemoryStore`] keeps
/// everything in this process.
///
/// The methods are `async` so that a store may do network I/O; the file store's I/O is
/// blocking and short (a small file). A store's errors are the transport's [`Error`]: use
/// [`Error::Store`] for your own.
///
/// ```
/// use std::collections::HashMap;
/// use std::sync::Mutex;
///
/// use async_trait::async_trait;
/// use linkedin_transport::{AccountStore, GovernorChange, GovernorState, SavedSession, Transport};
///
/// /// Accounts in a map; a real store would run `transact_governor` inside a database
/// /// transaction (`SELECT ... FOR UPDATE`, apply the change, `UPDATE`).
/// #[derive(Debug, Default)]
/// struct MyStore {
///     sessions: Mutex<HashMap<String, SavedSession>>,
///     governors: Mutex<HashMap<String, GovernorState>>,
/// }
///
/// #[async_trait]
/// impl AccountStore for MyStore {
///     async fn load_session(&self, account: &str) -> linkedin_transport::Result<Option<SavedSession>> {
///         Ok(self.sessions.lock().unwrap().get(account).cloned())
///     }
///     async fn save_session(&self, session: &SavedSession) -> linkedin_transport::Result<()> {
///         let mut sessions = self.sessions.lock().unwrap();
///         sessions.insert(session.account.clone(), session.clone());
///         Ok(())
///     }
///     async fn remove_session(&self, account: &str) -> linkedin_transport::Result<()> {
///         self.sessions.lock().unwrap().remove(account);
///         Ok(())
///     }
///     async fn transact_governor(
///         &self,
///         account: &str,
///         change: GovernorChange<'_>,
///     ) -> linkedin_transport::Result<()> {
///         change(self.governors.lock().unwrap().entry(account.to_owned()).or_default());
///         Ok(())
///     }
/// }
///
/// let transport = Transport::builder("https://www.linkedin.com")
///     .store(MyStore::default())
///     .build()?;
/// # Ok::<(), linkedin_transport::Error>(())
/// ```
#[async_trait]
pub trait AccountStore: Send + Sync + fmt::Debug {
    /// The saved session of `account`; `Ok(None)` when there is none.
    ///
    /// # Errors
    ///
    /// When the session cannot be read, or is not one this version reads.
    async fn load_session(&self, account: &str) -> Result<Option<SavedSession>, Error>;

    /// Saves `session` as the session of `session.account`, replacing any earlier one; a
    /// failed save leaves the earlier one as it was.
    ///
    /// # Errors
    ///
    /// When it cannot be written.
    async fn save_session(&self, session: &SavedSession) -> Result<(), Error>;

    /// Forgets the session of `account`; forgetting one that does not exist succeeds.
    ///
    /// # Errors
    ///
    /// When it exists but cannot be deleted.
    async fn remove_session(&self, account: &str) -> Result<(), Error>;

    /// Runs `change` on the governor state of `account` (the default state the first time),
    /// with no other process or task reading or writing it between the read and the write.
    ///
    /// # Errors
    ///
    /// When the state cannot be read or written. A state that does not read must be an
    /// error, never silently reset: a tripped breaker must not be lost.
    async fn transact_governor(
        &self,
        account: &str,
        change: GovernorChange<'_>,
    ) -> Result<(), Error>;

    /// The ids a client learned for `account` when LinkedIn rotated some (the facade's JSON
    /// text, opaque here); `Ok(None)` when there are none. A store that does not keep them
    /// (the default) makes each process learn them again.
    ///
    /// # Errors
    ///
    /// When they cannot be read.
    async fn load_learned_ids(&self, account: &str) -> Result<Option<String>, Error> {
        let _ = account;
        Ok(None)
    }

    /// Keeps the learned ids of `account` (replacing the earlier text).
    ///
    /// # Errors
    ///
    /// When they cannot be written.
    async fn save_learned_ids(&self, account: &str, json: &str) -> Result<(), Error> {
        let _ = (account, json);
        Ok(())
    }
}

/// A shared store is a store: `Arc<MyStore>` can be given to several transports.
#[async_trait]
impl<S: AccountStore + ?Sized> AccountStore for Arc<S> {
    async fn load_session(&self, account: &str) -> Result<Option<SavedSession>, Error> {
        (**self).load_session(account).await
    }
    async fn save_session(&self, session: &SavedSession) -> Result<(), Error> {
        (**self).save_session(session).await
    }
    async fn remove_session(&self, account: &str) -> Result<(), Error> {
        (**self).remove_session(account).await
    }
    async fn transact_governor(
        &self,
        account: &str,
        change: GovernorChange<'_>,
    ) -> Result<(), Error> {
        (**self).transact_governor(account, change).await
    }
    async fn load_learned_ids(&self, account: &str) -> Result<Option<String>, Error> {
        (**self).load_learned_ids(account).await
    }
    async fn save_learned_ids(&self, account: &str, json: &str) -> Result<(), Error> {
        (**self).save_learned_ids(account, json).await
    }
}

/// Sessions and governor states in this process's memory only: what a transport without a
/// store uses (nothing is saved, and budgets last as long as the process).
#[derive(Debug, Default)]
pub struct MemoryStore {
    sessions: Mutex<HashMap<String, SavedSession>>,
    governors: Mutex<HashMap<String, GovernorState>>,
    learned: Mutex<HashMap<String, String>>,
}

#[async_trait]
impl AccountStore for MemoryStore {
    async fn load_session(&self, account: &str) -> Result<Option<SavedSession>, Error> {
        let sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(sessions.get(account).cloned())
    }

    async fn save_session(&self, session: &SavedSession) -> Result<(), Error> {
        let mut sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        sessions.insert(session.account.clone(), session.clone());
        Ok(())
    }

    async fn remove_session(&self, account: &str) -> Result<(), Error> {
        let mut sessions = self.sessions.lock().unwrap_or_else(PoisonError::into_inner);
        sessions.remove(account);
        Ok(())
    }

    async fn transact_governor(
        &self,
        account: &str,
        change: GovernorChange<'_>,
    ) -> Result<(), Error> {
        let mut states = self
            .governors
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        change(states.entry(account.to_owned()).or_default());
        Ok(())
    }

    async fn load_learned_ids(&self, account: &str) -> Result<Option<String>, Error> {
        let learned = self.learned.lock().unwrap_or_else(PoisonError::into_inner);
        Ok(learned.get(account).cloned())
    }

    async fn save_learned_ids(&self, account: &str, json: &str) -> Result<(), Error> {
        let mut learned = self.learned.lock().unwrap_or_else(PoisonError::into_inner);
        learned.insert(account.to_owned(), json.to_owned());
        Ok(())
    }
}
