//! Saved sessions: what a login leaves behind, kept on disk so that the next run does not have
//! to log in again (each login is a chance for LinkedIn to ask for a security check).
//!
//! One JSON file per account, written atomically with mode 0600 in a directory with mode 0700.
//!
//! - this file: the session ([`SavedSession`]) and the store that saves, loads and deletes it
//!   ([`SessionStore`]);
//! - `file_name`: an account's file name, one path component whatever the account;
//! - `decode`: reading a file back, with errors that never quote it (it holds cookies);
//! - `permissions`: the modes (0700, 0600, never widened) and the refusal of a file others
//!   could have read.

mod decode;
mod file_name;
mod permissions;
#[cfg(test)]
mod tests;

use std::fmt;
use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cookies::{SavedCookie, unix_now};
use crate::error::Error;
use decode::decode;
pub(crate) use file_name::file_stem;
pub(crate) use permissions::create_private_dir;
use permissions::{check_private, create_with_mode, set_mode, sync_dir, target_mode};

/// What a login leaves behind, enough to reuse the session later: the cookies together with the
/// user agent and `x-li-track` they were made with (LinkedIn ties a session to them).
///
/// `Debug` never prints a cookie value.
#[derive(Clone, Serialize, Deserialize)]
pub struct SavedSession {
    /// The version of this layout, [`SavedSession::FORMAT`]; a file with another number is
    /// refused.
    pub format: u32,
    /// The username or e-mail address, or a label for a login with browser cookies.
    pub account: String,
    /// The base URL the session belongs to (`https://www.linkedin.com`, or the sandbox's).
    pub base_url: String,
    /// The `user-agent` the session was made with.
    pub user_agent: String,
    /// The `x-li-track` header the session was made with, if any.
    pub li_track: Option<String>,
    /// When the session was saved, in unix seconds.
    pub saved_at: i64,
    /// When LinkedIn last accepted the session (a successful session check), in unix
    /// seconds: a session checked this recently is trusted without another check (see
    /// [`TransportBuilder::trust_checked_session`](crate::TransportBuilder::trust_checked_session)).
    #[serde(default)]
    pub verified_at: Option<i64>,
    /// The answer of that session check (`GET /voyager/api/me`: the member's names and
    /// ids, no secret), so that a trusted session knows its member without asking.
    #[serde(default)]
    pub checked_answer: Option<String>,
    /// The cookies (`li_at`, `JSESSIONID`, ...).
    pub cookies: Vec<SavedCookie>,
}

impl SavedSession {
    /// The layout version this library writes and reads.
    pub const FORMAT: u32 = 1;

    /// A session in the current format, saved now.
    pub fn new(
        account: impl Into<String>,
        base_url: impl Into<String>,
        user_agent: impl Into<String>,
        li_track: Option<String>,
        cookies: Vec<SavedCookie>,
    ) -> Self {
        Self {
            format: Self::FORMAT,
            account: account.into(),
            base_url: base_url.into(),
            user_agent: user_agent.into(),
            li_track,
            saved_at: unix_now(),
            verified_at: None,
            checked_answer: None,
            cookies,
        }
    }
}

impl fmt::Debug for SavedSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `SavedCookie`'s own Debug redacts the values; listing the names is enough here.
        let names: Vec<&str> = self.cookies.iter().map(|c| c.name.as_str()).collect();
        f.debug_struct("SavedSession")
            .field("format", &self.format)
            .field("account", &self.account)
            .field("base_url", &self.base_url)
            .field("user_agent", &self.user_agent)
            .field("li_track", &self.li_track)
            .field("saved_at", &self.saved_at)
            .field("verified_at", &self.verified_at)
            .field("cookies", &names)
            .finish()
    }
}

/// The environment variable that overrides [`SessionStore::default_location`].
pub const SESSION_DIR_ENV: &str = "LINKEDIN_SESSION_DIR";

/// A session file larger than this is not one.
const MAX_SESSION_BYTES: u64 = 16 * 1024 * 1024;

/// What to tell the user when a session file cannot be used.
const DELETE_OR_LOGIN: &str = "delete the file or log in again";

/// Where sessions live: one JSON file per account.
#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
}

impl SessionStore {
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
