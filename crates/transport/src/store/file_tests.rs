//! The file store's sessions against real files in a temporary directory.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::cookies::{CookieValue, SavedCookie};

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
    let store = FileStore::new(temp.path().join("sessions"));
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
    let store = FileStore::new(temp.path().join("never-created"));
    assert!(store.load("demo@example.com").unwrap().is_none());
    store.remove("demo@example.com").unwrap();

    let store = FileStore::new(temp.path());
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
    let store = FileStore::new(&dir);
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
    let store = FileStore::new(temp.path());
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
    let store = FileStore::new(temp.path());
    let first = session("demo@example.com");
    store.save(&first).unwrap();
    // A directory where the file should be: the rename fails.
    let blocked = FileStore::new(temp.path());
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
    let store = FileStore::new(temp.path());
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
    let store = FileStore::new(temp.path());
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
    let store = FileStore::new(temp.path());
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
    let store = FileStore::new(temp.path());
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
    let _ = FileStore::default_location();
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
