//! [`FileStore`]: an account's session and governor state as files in a private directory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use async_trait::async_trait;

use super::decode::decode;
use super::file_name::file_stem;
use super::permissions::{
    check_private, create_private_dir, create_with_mode, set_mode, sync_dir, target_mode,
};
use super::{AccountStore, GovernorChange};
use crate::error::Error;
use crate::governor::GovernorState;
use crate::session::SavedSession;

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;

/// The environment variable that overrides [`FileStore::default_location`].
pub const SESSION_DIR_ENV: &str = "LINKEDIN_SESSION_DIR";

/// A session file larger than this is not one.
const MAX_SESSION_BYTES: u64 = 16 * 1024 * 1024;

/// What to tell the user when a session file cannot be used.
const DELETE_OR_LOGIN: &str = "delete the file or log in again";

/// The default [`AccountStore`]: a private directory (mode 0700 on unix) with, per
/// account, its saved session `<name>.json` and its governor state `<name>.governor.json`
/// (mode 0600).
///
/// Sessions are written atomically. The governor state is locked exclusively (`File::lock`,
/// an advisory lock every process of this library takes) while it is read, changed and
/// written back, so that every process of the account shares its pacing, budgets and
/// breaker; the lock is held for a read and a write of a small file, never while a request
/// waits or runs. The I/O is blocking and short, so the synchronous methods are public too.
#[derive(Debug, Clone)]
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    /// A store in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The platform's config directory: `dirs::config_dir()/linkedin-api/sessions`
    /// (`~/.config/linkedin-api/sessions` on Linux, `~/Library/Application
    /// Support/linkedin-api/sessions` on macOS, `%APPDATA%\linkedin-api\sessions` on Windows).
    /// A non-empty `LINKEDIN_SESSION_DIR` environment variable overrides it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the platform has no config directory and the variable is
    /// not set.
    pub fn default_location() -> Result<Self, Error> {
        location(std::env::var_os(SESSION_DIR_ENV), dirs::config_dir()).map(Self::new)
    }

    /// The directory.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file for an account: `<dir>/<name>.json`, where the name is the account in ASCII
    /// lower case (so that `Demo@Example.com` and `demo@example.com` share a file on every
    /// platform, as they do on case-insensitive file systems) with every byte other than
    /// `A-Z a-z 0-9 . _ @ -` percent-encoded, and a leading dot encoded too. The name is thus
    /// one path component that cannot leave the directory, is never hidden, and is valid on
    /// Windows (device names such as `con` get their first letter encoded). An empty account
    /// maps to `%empty.json`; a very long one is shortened and given a hash of the whole.
    /// `demo@example.com` → `demo@example.com.json`.
    #[must_use]
    pub fn path_for(&self, account: &str) -> PathBuf {
        self.dir.join(format!("{}.json", file_stem(account)))
    }

    /// Saves a session as the file of `session.account`, and returns its path.
    ///
    /// The write is atomic: the directory is created if needed (mode 0700 on unix), the JSON
    /// goes to a temporary file in the same directory, created with the final mode, is flushed
    /// to disk, then renamed over the target. The new file's mode is 0600, or narrower when the
    /// file it replaces was narrower: a mode is never widened. A failed save leaves the old
    /// file as it was and no temporary file.
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the directory or the file cannot be written.
    pub fn save(&self, session: &SavedSession) -> Result<PathBuf, Error> {
        let path = self.path_for(&session.account);
        let file_error = |what: &str, e: io::Error| {
            Error::file_io(&path, format!("cannot save the session: {what}"), e)
        };
        create_private_dir(&self.dir)
            .map_err(|e| Error::file_io(&self.dir, "cannot create the session directory", e))?;
        let json = serde_json::to_vec_pretty(session)
            .map_err(|e| Error::file_io(&path, "cannot encode the session", e.into()))?;
        let mode = target_mode(&path);
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden, and named after the file it will become.
        let prefix = format!(".{name}.");
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // The file is never, even for a moment, open to more than `mode` allows.
        create_with_mode(&mut builder, mode);
        // Dropped on any error below, the temporary file deletes itself.
        let mut temp = builder
            .tempfile_in(&self.dir)
            .map_err(|e| file_error("temporary file", e))?;
        (|| {
            temp.write_all(&json)?;
            temp.write_all(b"\n")?;
            set_mode(temp.as_file(), mode)?;
            temp.as_file().sync_all()
        })()
        .map_err(|e| file_error("write", e))?;
        temp.persist(&path)
            .map_err(|e| file_error("replacing the file", e.error))?;
        sync_dir(&self.dir);
        Ok(path)
    }

    /// Loads the session of `account`; `Ok(None)` when there is none.
    ///
    /// On unix, a file that other users can read or write (any group or other permission
    /// bit) is refused with a reason telling to `chmod 600` it: such a file may have been
    /// read already, and LinkedIn's cookies are as good as a password.
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the file cannot be read, is open to other users, or is not a
    /// session this version reads (corrupted, truncated, another format): the reason says to
    /// delete the file or log in again. It never contains a cookie value.
    pub fn load(&self, account: &str) -> Result<Option<SavedSession>, Error> {
        let path = self.path_for(account);
        let file = match fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::file_io(&path, "cannot open the session file", e)),
        };
        let unreadable = |e| Error::file_io(&path, "cannot read the session file", e);
        let metadata = file.metadata().map_err(unreadable)?;
        if !metadata.is_file() {
            return Err(Error::file(
                &path,
                format!("not a regular file: {DELETE_OR_LOGIN}"),
            ));
        }
        check_private(&metadata, &path)?;
        let mut bytes = Vec::new();
        file.take(MAX_SESSION_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > MAX_SESSION_BYTES {
            return Err(Error::file(
                &path,
                format!("too large to be a saved session: {DELETE_OR_LOGIN}"),
            ));
        }
        decode(&bytes).map(Some).map_err(|reason| {
            Error::file(
                &path,
                format!("the saved session cannot be used ({reason}): {DELETE_OR_LOGIN}"),
            )
        })
    }

    /// Deletes the session of `account`. Deleting a session that does not exist succeeds.
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the file exists but cannot be deleted.
    pub fn remove(&self, account: &str) -> Result<(), Error> {
        let path = self.path_for(account);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::file_io(path, "cannot delete the saved session", e)),
        }
    }

    /// The governor state file of `account`: `<dir>/<name>.governor.json`, the name as in
    /// [`path_for`](Self::path_for).
    #[must_use]
    pub fn governor_path_for(&self, account: &str) -> PathBuf {
        self.dir
            .join(format!("{}.governor.json", file_stem(account)))
    }

    /// The file of the ids learned for `account`: `<dir>/<name>.ids.json`.
    #[must_use]
    pub fn learned_path_for(&self, account: &str) -> PathBuf {
        self.dir.join(format!("{}.ids.json", file_stem(account)))
    }

    /// Runs `change` on the governor state of `account`, the file locked from its read to
    /// its write (see [`AccountStore::transact_governor`]).
    ///
    /// # Errors
    ///
    /// [`Error::File`] when the file cannot be opened, locked, read or written, or does not
    /// read (the reason says how to start afresh).
    pub fn transact_governor_now(
        &self,
        account: &str,
        change: GovernorChange<'_>,
    ) -> Result<(), Error> {
        let path = self.governor_path_for(account);
        // The directory is made only the first time: this runs before every request.
        let opened = match open_private(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                create_private_dir(&self.dir).map_err(|e| {
                    Error::file_io(&self.dir, "cannot create the session directory", e)
                })?;
                open_private(&path)
            }
            other => other,
        };
        let mut file = opened
            .map_err(|e| Error::file_io(&path, "cannot open the account's governor state", e))?;
        file.lock()
            .map_err(|e| Error::file_io(&path, "cannot lock the account's governor state", e))?;
        let mut text = String::new();
        file.read_to_string(&mut text)
            .map_err(|e| Error::file_io(&path, "cannot read the account's governor state", e))?;
        let mut state: GovernorState = if text.trim().is_empty() {
            GovernorState::default()
        } else {
            serde_json::from_str(&text).map_err(|e| {
                Error::file(
                    &path,
                    format!(
                        "the account's governor state does not read ({e}): run `linkedin safety reset`, or delete the file to start its budgets afresh"
                    ),
                )
            })?
        };
        let before = state.durable_part();
        change(&mut state);
        // Flushed to the disk only when what must outlive a crash of the machine changed (a
        // tripped breaker, a counted write). Other processes see every change either way:
        // they read the same file under the same lock, through the kernel's page cache.
        let durable = state.durable_part() != before;
        let mut json = serde_json::to_vec(&state).map_err(|e| {
            Error::file(
                &path,
                format!("cannot write the account's governor state: {e}"),
            )
        })?;
        // Written over the old text in place. A shorter text is padded with spaces (JSON
        // reads past trailing whitespace) rather than cut: a truncation is a journaled change
        // of the file's size on every request. It is cut once the padding would outgrow it.
        let old_len = text.len();
        let cut = old_len > json.len() && old_len - json.len() > json.len().max(4096);
        if !cut && json.len() < old_len {
            json.resize(old_len, b' ');
        }
        let write = |file: &mut File| -> io::Result<()> {
            file.seek(SeekFrom::Start(0))?;
            file.write_all(&json)?;
            if cut {
                file.set_len(json.len() as u64)?;
            }
            if durable { file.sync_data() } else { Ok(()) }
        };
        write(&mut file)
            .map_err(|e| Error::file_io(&path, "cannot write the account's governor state", e))?;
        // Dropping the file releases the lock.
        Ok(())
    }
}

#[async_trait]
impl AccountStore for FileStore {
    async fn load_session(&self, account: &str) -> Result<Option<SavedSession>, Error> {
        self.load(account)
    }

    async fn save_session(&self, session: &SavedSession) -> Result<(), Error> {
        self.save(session).map(drop)
    }

    async fn remove_session(&self, account: &str) -> Result<(), Error> {
        self.remove(account)
    }

    async fn transact_governor(
        &self,
        account: &str,
        change: GovernorChange<'_>,
    ) -> Result<(), Error> {
        self.transact_governor_now(account, change)
    }

    async fn load_learned_ids(&self, account: &str) -> Result<Option<String>, Error> {
        let path = self.learned_path_for(account);
        match fs::read_to_string(&path) {
            Ok(text) => Ok(Some(text)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(Error::file_io(&path, "cannot read the learned ids", e)),
        }
    }

    async fn save_learned_ids(&self, account: &str, json: &str) -> Result<(), Error> {
        let path = self.learned_path_for(account);
        create_private_dir(&self.dir)
            .map_err(|e| Error::file_io(&self.dir, "cannot create the session directory", e))?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".learned.").suffix(".tmp");
        create_with_mode(&mut builder, 0o600);
        let mut temp = builder
            .tempfile_in(&self.dir)
            .map_err(|e| Error::file_io(&path, "cannot write the learned ids", e))?;
        (|| {
            temp.write_all(json.as_bytes())?;
            temp.as_file().sync_all()
        })()
        .map_err(|e| Error::file_io(&path, "cannot write the learned ids", e))?;
        temp.persist(&path)
            .map_err(|e| Error::file_io(&path, "cannot write the learned ids", e.error))?;
        Ok(())
    }
}

/// Opens (creating it, mode 0600 on unix) a file for reading and writing.
fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// The session directory from the override variable and the platform's config directory.
fn location(
    env: Option<std::ffi::OsString>,
    config_dir: Option<PathBuf>,
) -> Result<PathBuf, Error> {
    if let Some(dir) = env.filter(|dir| !dir.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    config_dir
        .map(|config| config.join("linkedin-api").join("sessions"))
        .ok_or(Error::InvalidInput {
            field: "session directory",
            reason: format!(
                "this platform has no config directory: set {SESSION_DIR_ENV} to a directory for saved sessions"
            ),
        })
}
