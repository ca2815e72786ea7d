//! Cookies outside the jar: the form they take in a session file, the conversion to and from
//! the [`CookieStore`](cookie_store::CookieStore) the transport sends requests with, and the
//! cookie exports a browser can give, which are the documented way to log in when LinkedIn
//! asks for a security check.
//!
//! - this file: a cookie as saved ([`SavedCookie`], its secret [`CookieValue`]), the checks
//!   both export formats share, and reading an export from a file, whatever its format;
//! - `netscape`: the `cookies.txt` format of curl, wget and browser extensions;
//! - `json_export`: the JSON of cookie extensions, Playwright and Puppeteer;
//! - `jar`: saved cookies into and out of the jar, the `Cookie` header, and the `set-cookie`s
//!   of an answer (including the ones that end the session).
//!
//! No message, `Debug` or error of this module ever contains a cookie value.

mod jar;
mod json_export;
mod netscape;
#[cfg(test)]
mod test_data;

use std::fmt;
use std::io::Read as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

pub(crate) use jar::{
    SetCookies, has_cookie, insert_into_jar, jar_to_saved, jsessionid, request_header,
};
pub use json_export::parse_json_export;
pub use netscape::parse_netscape;

/// The value of a cookie: a secret (`li_at` and `JSESSIONID` are the keys to an account).
///
/// `Debug` prints `<redacted>`; the value is only reachable through [`CookieValue::expose`].
/// It serializes as the plain string, so session files hold the real value.
#[derive(Clone)]
pub struct CookieValue(SecretString);

impl CookieValue {
    /// Wraps a value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(SecretString::from(value.into()))
    }

    /// The value itself, for the `Cookie` header or a session file.
    #[must_use]
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for CookieValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl PartialEq for CookieValue {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for CookieValue {}

impl From<String> for CookieValue {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for CookieValue {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl Serialize for CookieValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for CookieValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// One cookie as saved in a session file or imported from a browser export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedCookie {
    /// The cookie's name (`li_at`, `JSESSIONID`, ...).
    pub name: String,
    /// The cookie's value, redacted in `Debug`.
    pub value: CookieValue,
    /// The domain, lower case and without a leading dot; the host for a host-only cookie.
    pub domain: String,
    /// Whether the cookie had no `Domain` attribute, so it is only sent to exactly `domain`
    /// (and not to its subdomains).
    #[serde(default)]
    pub host_only: bool,
    /// The path the cookie applies to; `/` by default.
    #[serde(default = "root_path")]
    pub path: String,
    /// When the cookie expires, in unix seconds; `None` for a session cookie.
    #[serde(default)]
    pub expires: Option<i64>,
    /// Whether the cookie is only sent over HTTPS (or to a loopback host).
    #[serde(default)]
    pub secure: bool,
    /// Whether the cookie is hidden from scripts (it is still sent with requests).
    #[serde(default)]
    pub http_only: bool,
}

fn root_path() -> String {
    "/".to_owned()
}

impl SavedCookie {
    /// Whether the cookie has expired at `now` (unix seconds). Session cookies never have.
    #[must_use]
    pub fn is_expired_at(&self, now: i64) -> bool {
        self.expires.is_some_and(|at| at <= now)
    }

    /// Whether the cookie would be sent to `host` (domain-matching as browsers do it: exactly
    /// the host for a host-only cookie, the domain or any of its subdomains otherwise, and never
    /// a "subdomain" of an IP address).
    #[must_use]
    pub fn domain_matches(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let domain = self.domain.trim_start_matches('.').to_ascii_lowercase();
        if host == domain {
            return true;
        }
        !self.host_only
            && !is_ip_literal(&host)
            && host
                .strip_suffix(domain.as_str())
                .is_some_and(|rest| rest.ends_with('.'))
    }
}

fn is_ip_literal(host: &str) -> bool {
    host.starts_with('[') || host.parse::<std::net::IpAddr>().is_ok()
}

/// The current time in unix seconds.
pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Where in a cookie export a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Position {
    /// A line of a `cookies.txt` file, counted from 1.
    Line(usize),
    /// An element of a JSON export's array, counted from 0.
    Index(usize),
}

/// Why a cookie export could not be read. The message never contains a cookie value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CookieFileError {
    position: Option<Position>,
    reason: String,
}

impl CookieFileError {
    fn at_line(line: usize, reason: impl Into<String>) -> Self {
        Self {
            position: Some(Position::Line(line)),
            reason: reason.into(),
        }
    }

    fn at_index(index: usize, reason: impl Into<String>) -> Self {
        Self {
            position: Some(Position::Index(index)),
            reason: reason.into(),
        }
    }

    fn whole(reason: impl Into<String>) -> Self {
        Self {
            position: None,
            reason: reason.into(),
        }
    }

    /// The line or element at fault, when the problem is in one.
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// What is wrong.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for CookieFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(Position::Line(line)) => write!(f, "line {line}: {}", self.reason),
            Some(Position::Index(index)) => {
                write!(f, "cookie at index {index} of the array: {}", self.reason)
            }
            None => f.write_str(&self.reason),
        }
    }
}

impl std::error::Error for CookieFileError {}

/// Checks a cookie's name and value the way a `Cookie` header needs them. The messages name
/// the faulty part, never its content.
fn check_name_value(name: &str, value: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the cookie name is empty".to_owned());
    }
    if name
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || matches!(c, ';' | '=' | ','))
    {
        return Err(
            "the cookie name contains a character a cookie name cannot have (a space, `;`, `=`, `,` or a control character)"
                .to_owned(),
        );
    }
    if value.chars().any(|c| c.is_control() || c == ';') {
        return Err(
            "the cookie value contains a character a cookie value cannot have (`;` or a control character)"
                .to_owned(),
        );
    }
    Ok(())
}

/// Normalises a domain: trimmed, lower case, without its leading dot.
fn clean_domain(domain: &str) -> Result<String, String> {
    let domain = domain.trim();
    let domain = domain.strip_prefix('.').unwrap_or(domain);
    if domain.is_empty() {
        return Err("the domain is empty".to_owned());
    }
    if domain.chars().any(|c| {
        c.is_control() || c.is_whitespace() || matches!(c, '/' | '\\' | ';' | ',' | '?' | '#')
    }) {
        return Err("the domain is not a host name".to_owned());
    }
    Ok(domain.to_ascii_lowercase())
}

fn check_path(path: &str) -> Result<String, String> {
    if path.is_empty() {
        return Ok(root_path());
    }
    if !path.starts_with('/') {
        return Err("the path does not start with `/`".to_owned());
    }
    if path.chars().any(|c| c.is_control() || c == ';') {
        return Err("the path contains `;` or a control character".to_owned());
    }
    Ok(path.to_owned())
}

/// Parses a browser cookie export, telling the formats apart by their first character: `[`
/// or `{` is the JSON of a cookie extension ([`parse_json_export`]), anything else a
/// `cookies.txt` file ([`parse_netscape`]).
///
/// # Errors
///
/// As the parser chosen.
pub fn parse_cookie_file(text: &str) -> Result<Vec<SavedCookie>, CookieFileError> {
    let first = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .trim_start()
        .chars()
        .next();
    if matches!(first, Some('[' | '{')) {
        parse_json_export(text)
    } else {
        // The whole text, so that line numbers count the leading blank lines too.
        parse_netscape(text)
    }
}

/// A cookie export larger than this is not one.
const MAX_COOKIE_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a browser cookie export ([`parse_cookie_file`]). A file without any cookie is refused
/// too, as a login with it could only fail.
pub(crate) fn read_cookie_file(path: &Path) -> Result<Vec<SavedCookie>, Error> {
    let file = std::fs::File::open(path)
        .map_err(|e| Error::file_io(path, "cannot open the cookie file", e))?;
    let mut bytes = Vec::new();
    file.take(MAX_COOKIE_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::file_io(path, "cannot read the cookie file", e))?;
    if bytes.len() as u64 > MAX_COOKIE_FILE_BYTES {
        return Err(Error::file(
            path,
            format!(
                "larger than {} MiB: not a cookie export",
                MAX_COOKIE_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::file(
            path,
            "not UTF-8 text: export the cookies as cookies.txt or as JSON",
        )
    })?;
    let cookies = parse_cookie_file(&text).map_err(|e| {
        Error::file(path, format!(
            "not a cookie export this library reads (a Netscape cookies.txt or the JSON of a cookie extension): {e}"
        ))
    })?;
    if cookies.is_empty() {
        return Err(Error::file(
            path,
            "no cookies in the file: export the cookies of linkedin.com from a logged-in browser",
        ));
    }
    Ok(cookies)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::cookies::test_data::*;

    #[test]
    fn cookie_file_format_is_sniffed() {
        assert_eq!(
            parse_cookie_file(&format!("\n  {}", json_export())).unwrap(),
            parse_json_export(&json_export()).unwrap()
        );
        assert_eq!(
            parse_cookie_file(&netscape_export()).unwrap(),
            parse_netscape(&netscape_export()).unwrap()
        );
        // Both formats read the same cookies.
        let from_text = parse_cookie_file(&netscape_export()).unwrap();
        let from_json = parse_cookie_file(&json_export()).unwrap();
        for name in ["li_at", "JSESSIONID", "bcookie", "lang", "sid"] {
            let (a, b) = (find(&from_text, name), find(&from_json, name));
            assert_eq!((&a.domain, a.host_only), (&b.domain, b.host_only), "{name}");
        }
        assert_eq!(parse_cookie_file("").unwrap(), Vec::new());
    }

    #[test]
    fn read_cookie_file_reports_the_file_and_the_line() {
        let dir = tempfile::tempdir().unwrap();

        let good = dir.path().join("cookies.txt");
        std::fs::write(&good, netscape_export()).unwrap();
        assert_eq!(read_cookie_file(&good).unwrap().len(), 6);

        let bad = dir.path().join("bad.txt");
        std::fs::write(
            &bad,
            format!("\n\n.linkedin.com\tTRUE\t/\tTRUE\tli_at\t{SECRET}\n"),
        )
        .unwrap();
        let error = read_cookie_file(&bad).unwrap_err();
        let Error::File { path, reason, .. } = &error else {
            panic!("{error:?}")
        };
        assert_eq!(path, &bad);
        assert!(reason.contains("line 3"), "{reason}");
        assert!(!error.to_string().contains(SECRET));
        assert!(!format!("{error:?}").contains(SECRET));

        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "# Netscape HTTP Cookie File\n").unwrap();
        let error = read_cookie_file(&empty).unwrap_err();
        assert!(matches!(&error, Error::File { reason, .. } if reason.contains("no cookies")));

        let binary = dir.path().join("cookies.sqlite");
        std::fs::write(&binary, [0x53, 0x51, 0xff, 0xfe, 0x00]).unwrap();
        let error = read_cookie_file(&binary).unwrap_err();
        assert!(matches!(&error, Error::File { reason, .. } if reason.contains("UTF-8")));

        let missing = dir.path().join("missing.txt");
        let error = read_cookie_file(&missing).unwrap_err();
        assert!(
            matches!(&error, Error::File { path, source: Some(e), .. }
                if path == &missing && e.kind() == std::io::ErrorKind::NotFound),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("cannot open the cookie file: "),
            "{error}"
        );
    }

    #[test]
    fn domain_matching_rules() {
        let domain = saved("a", "1", "linkedin.com", false);
        assert!(domain.domain_matches("linkedin.com"));
        assert!(domain.domain_matches("www.linkedin.com"));
        assert!(domain.domain_matches("WWW.LinkedIn.com"));
        assert!(!domain.domain_matches("evillinkedin.com"));
        assert!(!domain.domain_matches("linkedin.com.evil.org"));
        let host_only = saved("a", "1", "linkedin.com", true);
        assert!(host_only.domain_matches("linkedin.com"));
        assert!(!host_only.domain_matches("www.linkedin.com"));
        let ip = saved("a", "1", "0.0.1", false);
        assert!(
            !ip.domain_matches("127.0.0.1"),
            "no subdomains of an IP address"
        );
    }

    #[test]
    fn debug_never_shows_a_value() {
        let cookie = saved("li_at", SECRET, "linkedin.com", false);
        let debug = format!("{cookie:?} {:?} {:#?}", cookie.value, cookie);
        assert!(!debug.contains(SECRET), "{debug}");
        assert!(debug.contains("<redacted>"));
        assert!(debug.contains("li_at"));

        let json = serde_json::to_value(&cookie).unwrap();
        assert_eq!(json["value"], SECRET);
        assert_eq!(json["host_only"], false);
    }

    #[test]
    fn saved_cookie_json_defaults() {
        let cookie: SavedCookie =
            serde_json::from_str(r#"{"name": "li_at", "value": "x", "domain": "linkedin.com"}"#)
                .unwrap();
        assert_eq!(cookie.path, "/");
        assert!(!cookie.host_only && !cookie.secure && !cookie.http_only);
        assert_eq!(cookie.expires, None);
    }
}
