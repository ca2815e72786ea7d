//! Saved sessions: what a login leaves behind, kept on disk so that the next run does not have
//! to log in again (each login is a chance for LinkedIn to ask for a security check).
//!
//! One JSON file per account, written atomically with mode 0600 in a directory with mode 0700.

use std::fmt;
use std::fs;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cookies::{SavedCookie, unix_now};
use crate::error::Error;

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
            .field("cookies", &names)
            .finish()
    }
}

/// The environment variable that overrides [`SessionStore::default_location`].
pub const SESSION_DIR_ENV: &str = "LINKEDIN_SESSION_DIR";

/// A session file larger than this is not one.
const MAX_SESSION_BYTES: u64 = 16 * 1024 * 1024;

/// File names longer than this (before `.json`) are shortened with a hash.
const MAX_STEM_BYTES: usize = 180;

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
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // The file is never, even for a moment, open to more than `mode` allows.
            builder.permissions(fs::Permissions::from_mode(mode));
        }
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

/// The file name (without `.json`) of an account's session.
fn file_stem(account: &str) -> String {
    if account.is_empty() {
        // `%` followed by a non-hex letter is never produced by the encoding below.
        return "%empty".to_owned();
    }
    let lower = account.to_ascii_lowercase();
    let device = is_windows_device_name(&lower);
    let mut stem = String::with_capacity(lower.len());
    for (i, byte) in lower.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'@' | b'-');
        if keep && !(i == 0 && (byte == b'.' || device)) {
            stem.push(char::from(byte));
        } else {
            stem.push_str(&format!("%{byte:02X}"));
        }
    }
    if stem.len() > MAX_STEM_BYTES {
        // Cut at a byte that does not split a `%XX` triple, then make the name unique again
        // with a hash of the whole account; `~` never appears otherwise.
        let mut cut = MAX_STEM_BYTES;
        while stem.as_bytes()[cut - 1] == b'%' || stem.as_bytes()[cut - 2] == b'%' {
            cut -= 1;
        }
        stem.truncate(cut);
        stem.push_str(&format!("~{:016x}", fnv1a(account.as_bytes())));
    }
    stem
}

/// Whether Windows reserves this name (even with an extension): `con`, `nul`, `com1`, ...
fn is_windows_device_name(lower: &str) -> bool {
    let base = lower.split('.').next().unwrap_or(lower);
    matches!(base, "con" | "prn" | "aux" | "nul" | "conin$" | "conout$")
        || ((base.starts_with("com") || base.starts_with("lpt"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit())
}

/// A small stable hash (64-bit FNV-1a), for shortened file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Decodes a session file; the error says what is wrong without quoting the file.
fn decode(bytes: &[u8]) -> Result<SavedSession, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }

    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| describe_json_error(&e))?;
    match probe.format {
        None => return Err("it has no `format` field, so it is not a saved session".to_owned()),
        Some(serde_json::Value::Number(n))
            if n.as_u64() == Some(u64::from(SavedSession::FORMAT)) => {}
        Some(serde_json::Value::Number(n)) => {
            return Err(format!(
                "it is in session format {n}, and this version reads format {}",
                SavedSession::FORMAT
            ));
        }
        Some(_) => return Err("its `format` field is not a number".to_owned()),
    }
    serde_json::from_str(text).map_err(|e| describe_json_error(&e))
}

/// Describes a JSON error without serde's own message for data errors, which can quote a
/// value from the file (and so a cookie).
fn describe_json_error(e: &serde_json::Error) -> String {
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("it is truncated (it ends at line {line}, column {column})")
        }
        serde_json::error::Category::Syntax => {
            format!("it is not valid JSON (line {line}, column {column})")
        }
        serde_json::error::Category::Data => {
            let message = e.to_string();
            // "missing field `name`" and "unknown variant" messages name fields, not values.
            if message.starts_with("missing field") {
                let what = message.split(" at line").next().unwrap_or(&message);
                format!("{what} (line {line}, column {column})")
            } else {
                format!(
                    "it does not have the layout of a saved session (line {line}, column {column})"
                )
            }
        }
        serde_json::error::Category::Io => format!("it could not be read: {e}"),
    }
}

/// The mode for a new session file: 0600, narrowed to the mode of the file it replaces.
fn target_mode(path: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        match fs::metadata(path) {
            Ok(metadata) => metadata.permissions().mode() & 0o600,
            Err(_) => 0o600,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        0o600
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt as _;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(unix)]
fn set_mode(file: &fs::File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    // Exactly `mode`, whatever the umask made of the creation mode (it can only narrow it).
    file.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_file: &fs::File, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Flushes the directory entry of the rename to disk, where the platform allows it. A
/// failure is not reported: the file itself is already on disk, and some file systems do
/// not sync directories.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Refuses a session file that other users can read or write.
#[cfg(unix)]
fn check_private(metadata: &fs::Metadata, path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::file(
            path,
            format!(
                "the saved session is open to other users (mode {mode:03o}), and its cookies are as good as a password: run `chmod 600 {}` if only you could have read it, otherwise delete it and log in again",
                path.display()
            ),
        ));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_metadata: &fs::Metadata, _path: &Path) -> Result<(), Error> {
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::cookies::CookieValue;

    const SECRET: &str = "AQEDAR-very-secret-li-at-9d41";
    const CSRF: &str = "\"ajax:8279123456789012345\"";

    fn cookie(name: &str, value: &str) -> SavedCookie {
        SavedCookie {
            name: name.to_owned(),
            value: CookieValue::new(value),
            domain: "www.linkedin.com".to_owned(),
            host_only: false,
            path: "/".to_owned(),
            expires: Some(4_102_444_800),
            secure: true,
            http_only: name == "li_at",
        }
    }

    fn session(account: &str) -> SavedSession {
        SavedSession::new(
            account,
            "https://www.linkedin.com",
            "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36",
            Some(r#"{"clientVersion":"1.13.42289","osName":"web"}"#.to_owned()),
            vec![cookie("li_at", SECRET), cookie("JSESSIONID", CSRF)],
        )
    }

    /// The reason of an `Error::File` for `path`, checked to hold no secret.
    fn file_reason(error: &Error, path: &Path) -> String {
        let Error::File {
            path: at, reason, ..
        } = error
        else {
            panic!("expected Error::File, got {error:?}")
        };
        assert_eq!(at, path);
        for secret in [SECRET, "ajax:8279"] {
            assert!(!error.to_string().contains(secret), "{error}");
            assert!(!format!("{error:?}").contains(secret), "{error:?}");
        }
        reason.clone()
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    fn chmod(path: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    }

    fn dir_entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn save_then_load_gives_the_session_back() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path().join("sessions"));
        let saved = session("demo@example.com");
        let path = store.save(&saved).unwrap();
        assert_eq!(path, store.dir().join("demo@example.com.json"));
        assert!(fs::read_to_string(&path).unwrap().contains(SECRET));

        let loaded = store.load("demo@example.com").unwrap().unwrap();
        assert_eq!(loaded.format, SavedSession::FORMAT);
        assert_eq!(loaded.account, saved.account);
        assert_eq!(loaded.base_url, saved.base_url);
        assert_eq!(loaded.user_agent, saved.user_agent);
        assert_eq!(loaded.li_track, saved.li_track);
        assert_eq!(loaded.saved_at, saved.saved_at);
        assert_eq!(loaded.cookies, saved.cookies);
        assert!(loaded.saved_at > 1_700_000_000);
    }

    #[test]
    fn missing_session_is_none_and_remove_is_idempotent() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path().join("never-created"));
        assert!(store.load("demo@example.com").unwrap().is_none());
        store.remove("demo@example.com").unwrap();

        let store = SessionStore::new(temp.path());
        store.save(&session("demo@example.com")).unwrap();
        store.remove("demo@example.com").unwrap();
        assert!(store.load("demo@example.com").unwrap().is_none());
        store.remove("demo@example.com").unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn files_are_0600_and_directories_0700() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp
            .path()
            .join("config")
            .join("linkedin-api")
            .join("sessions");
        let store = SessionStore::new(&dir);
        let path = store.save(&session("demo@example.com")).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(
            mode(&temp.path().join("config").join("linkedin-api")),
            0o700
        );
    }

    #[test]
    fn saving_leaves_no_temporary_file() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        for _ in 0..3 {
            store.save(&session("demo@example.com")).unwrap();
        }
        store.save(&session("other@example.com")).unwrap();
        assert_eq!(
            dir_entries(temp.path()),
            ["demo@example.com.json", "other@example.com.json"]
        );
    }

    #[test]
    fn a_failed_save_leaves_the_old_file_and_no_temporary_file() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        let first = session("demo@example.com");
        store.save(&first).unwrap();
        // A directory where the file should be: the rename fails.
        let blocked = SessionStore::new(temp.path());
        fs::create_dir(temp.path().join("blocked.json")).unwrap();
        fs::write(temp.path().join("blocked.json").join("x"), "x").unwrap();
        let error = blocked.save(&session("blocked")).unwrap_err();
        file_reason(&error, &temp.path().join("blocked.json"));
        assert_eq!(
            dir_entries(temp.path()),
            ["blocked.json", "demo@example.com.json"]
        );
        assert_eq!(
            store.load("demo@example.com").unwrap().unwrap().cookies,
            first.cookies
        );
    }

    #[cfg(unix)]
    #[test]
    fn overwriting_never_widens_the_mode() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        let path = store.save(&session("demo@example.com")).unwrap();
        store.save(&session("demo@example.com")).unwrap();
        assert_eq!(mode(&path), 0o600);

        chmod(&path, 0o400);
        store.save(&session("demo@example.com")).unwrap();
        assert_eq!(mode(&path), 0o400);
        assert!(store.load("demo@example.com").unwrap().is_some());

        // A file left world-readable by another tool is narrowed, not kept open.
        chmod(&path, 0o644);
        store.save(&session("demo@example.com")).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_open_to_others_is_refused() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        let path = store.save(&session("demo@example.com")).unwrap();
        for open in [0o644, 0o640, 0o604, 0o660, 0o606] {
            chmod(&path, open);
            let error = store.load("demo@example.com").unwrap_err();
            let reason = file_reason(&error, &path);
            assert!(
                reason.contains(&format!("chmod 600 {}", path.display())),
                "{reason}"
            );
        }
        chmod(&path, 0o600);
        assert!(store.load("demo@example.com").unwrap().is_some());
    }

    #[test]
    fn unusable_files_are_clear_errors() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        let path = store.save(&session("demo@example.com")).unwrap();
        let good = fs::read_to_string(&path).unwrap();
        let cut = good.find(SECRET).unwrap() + 10;
        let cases = [
            (String::new(), "empty"),
            ("  \n".to_owned(), "empty"),
            (good[..cut].to_owned(), "truncated"),
            (good[..good.len() / 2].to_owned(), "truncated"),
            (
                format!("{{\"format\": 1, \"account\": \"{SECRET}\" \"x\"}}"),
                "not valid JSON",
            ),
            ("[1, 2, 3]".to_owned(), "line 1"),
            ("null".to_owned(), "layout"),
            (format!("{{\"account\": \"{SECRET}\"}}"), "no `format`"),
            (good.replace("\"format\": 1", "\"format\": 2"), "format 2"),
            (
                good.replace("\"format\": 1", "\"format\": \"1\""),
                "not a number",
            ),
            (
                good.replace("\"saved_at\"", "\"saved\""),
                "missing field `saved_at`",
            ),
            (
                good.replace(
                    "\"expires\": 4102444800",
                    &format!("\"expires\": \"{SECRET}\""),
                ),
                "layout",
            ),
            (
                good.replace("\"secure\": true", &format!("\"secure\": \"{SECRET}\"")),
                "layout",
            ),
        ];
        for (content, expected) in cases {
            fs::write(&path, &content).unwrap();
            #[cfg(unix)]
            chmod(&path, 0o600);
            let error = store.load("demo@example.com").unwrap_err();
            let reason = file_reason(&error, &path);
            assert!(reason.contains(expected), "{content:?}: {reason}");
            assert!(
                reason.contains("delete the file or log in again"),
                "{reason}"
            );
        }

        fs::write(&path, [0xff, 0xfe, 0x00, 0x7b]).unwrap();
        let reason = file_reason(&store.load("demo@example.com").unwrap_err(), &path);
        assert!(reason.contains("UTF-8"), "{reason}");
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let temp = tempfile::tempdir().unwrap();
        let store = SessionStore::new(temp.path());
        let path = store.save(&session("demo@example.com")).unwrap();
        let text = fs::read_to_string(&path).unwrap().replacen(
            '{',
            "{\"written_by\": \"a later version\", ",
            1,
        );
        fs::write(&path, text).unwrap();
        #[cfg(unix)]
        chmod(&path, 0o600);
        assert!(store.load("demo@example.com").unwrap().is_some());
    }

    #[test]
    fn file_names_stay_in_the_directory() {
        let store = SessionStore::new("/sessions");
        let name = |account: &str| {
            let path = store.path_for(account);
            assert_eq!(path.parent(), Some(Path::new("/sessions")), "{account:?}");
            path.file_name().unwrap().to_string_lossy().into_owned()
        };
        assert_eq!(name("demo@example.com"), "demo@example.com.json");
        assert_eq!(name("Demo@Example.COM"), "demo@example.com.json");
        assert_eq!(
            name("first.last-1_x@mail.example.org"),
            "first.last-1_x@mail.example.org.json"
        );
        assert_eq!(name("../etc/passwd"), "%2E.%2Fetc%2Fpasswd.json");
        assert_eq!(name(".."), "%2E..json");
        assert_eq!(name("."), "%2E.json");
        assert_eq!(name(".hidden"), "%2Ehidden.json");
        assert_eq!(name("a/b\\c:d"), "a%2Fb%5Cc%3Ad.json");
        assert_eq!(name(""), "%empty.json");
        assert_eq!(name("%empty"), "%25empty.json");
        assert_eq!(name("josé@exämple.com"), "jos%C3%A9@ex%C3%A4mple.com.json");
        assert_eq!(name("名前"), "%E5%90%8D%E5%89%8D.json");
        assert_eq!(name("with space"), "with%20space.json");
        assert_eq!(name("nul\0byte"), "nul%00byte.json");
        assert_eq!(name("con"), "%63on.json");
        assert_eq!(name("COM1.txt"), "%63om1.txt.json");
        assert_eq!(name("lpt9"), "%6Cpt9.json");
        assert_eq!(name("console"), "console.json");

        // Long accounts are shortened, stay distinct, and never split an escape.
        let long_a = "é".repeat(200);
        let long_b = format!("{}x", "é".repeat(200));
        let (a, b) = (name(&long_a), name(&long_b));
        assert_ne!(a, b);
        assert!(a.len() <= MAX_STEM_BYTES + 17 + ".json".len(), "{a}");
        let stem = a.trim_end_matches(".json");
        let (kept, _hash) = stem.split_once('~').unwrap();
        assert!(kept.len() % 3 == 0 && kept.starts_with("%C3%A9"), "{kept}");
        assert_eq!(name(&long_a), a, "stable");
    }

    #[test]
    fn accounts_that_differ_get_different_files() {
        // Only ASCII case is folded.
        let store = SessionStore::new("/sessions");
        assert_eq!(store.path_for("A%"), store.path_for("a%"));
        assert_ne!(store.path_for("É"), store.path_for("é"));

        let accounts = [
            "a", "b%", "a%25", "a%", ".a", "%2Ea", "a b", "a+b", "", "%empty", "con", "%63on",
        ];
        let mut paths: Vec<PathBuf> = accounts.iter().map(|a| store.path_for(a)).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), accounts.len());
    }

    #[test]
    fn default_location_prefers_the_variable() {
        let config = Some(PathBuf::from("/home/me/.config"));
        assert_eq!(
            location(None, config.clone()).unwrap(),
            Path::new("/home/me/.config/linkedin-api/sessions")
        );
        assert_eq!(
            location(Some("/tmp/sessions".into()), config.clone()).unwrap(),
            Path::new("/tmp/sessions")
        );
        assert_eq!(
            location(Some("".into()), config).unwrap(),
            Path::new("/home/me/.config/linkedin-api/sessions")
        );
        assert_eq!(
            location(Some("/tmp/sessions".into()), None).unwrap(),
            Path::new("/tmp/sessions")
        );
        let error = location(None, None).unwrap_err();
        assert!(
            matches!(&error, Error::InvalidInput { reason, .. } if reason.contains(SESSION_DIR_ENV)),
            "{error:?}"
        );
        // Whatever this machine has, it does not panic.
        let _ = SessionStore::default_location();
    }

    #[test]
    fn debug_never_shows_a_cookie_value() {
        let saved = session("demo@example.com");
        let debug = format!("{saved:?} {saved:#?} {:?}", saved.cookies);
        assert!(!debug.contains(SECRET), "{debug}");
        assert!(!debug.contains("ajax:8279"), "{debug}");
        assert!(debug.contains("li_at") && debug.contains("JSESSIONID"));
        assert!(debug.contains("demo@example.com"));
    }
}
