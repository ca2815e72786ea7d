//! Cookies outside the jar: the form they take in a session file, the conversion to and from
//! the [`CookieStore`] the transport sends requests with, and the cookie exports a browser can
//! give (`cookies.txt` and the JSON of cookie extensions), which are the documented way to log
//! in when LinkedIn asks for a security check.
//!
//! No message, `Debug` or error of this module ever contains a cookie value.

use std::fmt;
use std::io::Read as _;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use cookie_store::{CookieDomain, CookieExpiration, CookieStore};
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use url::{Host, Url};

use crate::error::Error;

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

/// The field names of a `cookies.txt` line, in order, for messages.
const NETSCAPE_FIELDS: &str = "domain, include-subdomains, path, secure, expiry, name, value";

/// Parses a Netscape `cookies.txt` file, as written by curl, wget and the "cookies.txt"
/// browser extensions.
///
/// Each line holds seven tab-separated fields: domain, include-subdomains (`TRUE`/`FALSE`),
/// path, secure (`TRUE`/`FALSE`), expiry (unix seconds, `0` for a session cookie), name and
/// value. Blank lines and `#` comments are skipped; a `#HttpOnly_` prefix on the domain marks
/// an HttpOnly cookie. A line without any tab is split on runs of spaces instead (a file
/// whose tabs were lost in a copy and paste), and a missing value counts as an empty one.
///
/// # Errors
///
/// The first malformed line, by its number and what is wrong with it.
pub fn parse_netscape(text: &str) -> Result<Vec<SavedCookie>, CookieFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cookies = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let (line, http_only) = match line.strip_prefix("#HttpOnly_") {
            Some(rest) => (rest, true),
            None if line.trim_start().starts_with('#') => continue,
            None => (line, false),
        };
        let cookie = parse_netscape_line(line, http_only)
            .map_err(|reason| CookieFileError::at_line(number, reason))?;
        cookies.push(cookie);
    }
    Ok(cookies)
}

fn parse_netscape_line(line: &str, http_only: bool) -> Result<SavedCookie, String> {
    let fields: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split_ascii_whitespace().collect()
    };
    let (domain, subdomains, path, secure, expiry, name, value) = match fields[..] {
        [domain, subdomains, path, secure, expiry, name, value] => {
            (domain, subdomains, path, secure, expiry, name, value)
        }
        [domain, subdomains, path, secure, expiry, name] => {
            (domain, subdomains, path, secure, expiry, name, "")
        }
        _ => {
            return Err(format!(
                "expected 7 tab-separated fields ({NETSCAPE_FIELDS}), found {}",
                fields.len()
            ));
        }
    };
    let domain = clean_domain(domain)?;
    let include_subdomains = netscape_bool(subdomains)
        .ok_or("the include-subdomains field (2nd) is neither TRUE nor FALSE")?;
    let path = check_path(path.trim())?;
    let secure = netscape_bool(secure).ok_or("the secure field (4th) is neither TRUE nor FALSE")?;
    let expires = parse_expiry(expiry.trim())
        .ok_or("the expiry field (5th) is not a number of seconds since 1970")?;
    let name = name.trim();
    check_name_value(name, value)?;
    Ok(SavedCookie {
        name: name.to_owned(),
        value: CookieValue::new(value),
        domain,
        host_only: !include_subdomains,
        path,
        expires,
        secure,
        http_only,
    })
}

fn netscape_bool(field: &str) -> Option<bool> {
    let field = field.trim();
    if field.eq_ignore_ascii_case("TRUE") {
        Some(true)
    } else if field.eq_ignore_ascii_case("FALSE") {
        Some(false)
    } else {
        None
    }
}

/// `0` is a session cookie; some exporters write fractional seconds.
fn parse_expiry(field: &str) -> Option<Option<i64>> {
    let seconds = match field.parse::<i64>() {
        Ok(seconds) => seconds,
        Err(_) => {
            let float = field.parse::<f64>().ok().filter(|f| f.is_finite())?;
            // Saturates at the ends of i64, which is what an absurd expiry deserves.
            float.floor() as i64
        }
    };
    Some((seconds != 0).then_some(seconds))
}

/// Parses the JSON export of a browser cookie extension (EditThisCookie, Cookie-Editor, the
/// JSON of "Get cookies.txt"): an array of objects with `name`, `value`, `domain`, `path`,
/// `expirationDate` (fractional unix seconds) or `expires` (`-1` for a session cookie),
/// `secure`, `httpOnly`, `hostOnly` and `session`. An object holding such an array under
/// `cookies` (Playwright's and Puppeteer's storage state) is read too. Unknown fields are
/// ignored.
///
/// Without `hostOnly`, a domain with a leading dot is a domain cookie and one without is
/// host-only, as browsers store them.
///
/// # Errors
///
/// Text that is not JSON, or the first unusable element, by its index in the array.
pub fn parse_json_export(text: &str) -> Result<Vec<SavedCookie>, CookieFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json's syntax errors carry a position, never the text itself.
        CookieFileError::whole(format!("not valid JSON: {e}"))
    })?;
    let elements = match root {
        Value::Array(elements) => elements,
        Value::Object(mut object) => match object.remove("cookies") {
            Some(Value::Array(elements)) => elements,
            _ => {
                return Err(CookieFileError::whole(
                    "expected a JSON array of cookies (or an object with a `cookies` array)",
                ));
            }
        },
        _ => {
            return Err(CookieFileError::whole("expected a JSON array of cookies"));
        }
    };
    elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            json_cookie(element).map_err(|reason| CookieFileError::at_index(index, reason))
        })
        .collect()
}

fn json_cookie(element: &Value) -> Result<SavedCookie, String> {
    let Value::Object(object) = element else {
        return Err("not a JSON object".to_owned());
    };
    let name = json_str(object, "name")?.ok_or("no `name`")?.trim();
    let value = json_str(object, "value")?.ok_or("no `value`")?;
    let raw_domain = json_str(object, "domain")?.ok_or("no `domain`")?;
    let domain = clean_domain(raw_domain)?;
    let host_only = match json_bool(object, "hostOnly")? {
        Some(host_only) => host_only,
        None => !raw_domain.trim().starts_with('.'),
    };
    let path = check_path(json_str(object, "path")?.unwrap_or("/").trim())?;
    let session = json_bool(object, "session")?.unwrap_or(false);
    let expires = if session {
        None
    } else if let Some(at) = json_number(object, "expirationDate")? {
        Some(at)
    } else {
        // Playwright and Puppeteer write -1 for a session cookie.
        json_number(object, "expires")?.filter(|&at| at != -1)
    };
    check_name_value(name, value)?;
    Ok(SavedCookie {
        name: name.to_owned(),
        value: CookieValue::new(value),
        domain,
        host_only,
        path,
        expires,
        secure: json_bool(object, "secure")?.unwrap_or(false),
        http_only: json_bool(object, "httpOnly")?.unwrap_or(false),
    })
}

fn json_str<'a>(object: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{key}` is not a string")),
    }
}

fn json_bool(object: &Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("`{key}` is not true or false")),
    }
}

fn json_number(object: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n
            .as_i64()
            // Saturates at the ends of i64, which is what an absurd expiry deserves.
            .or_else(|| n.as_f64().map(|f| f.floor() as i64))),
        Some(_) => Err(format!("`{key}` is not a number of seconds since 1970")),
    }
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

/// Every unexpired cookie of the jar, session cookies included, sorted by domain, path and
/// name so that a session file does not change when the cookies do not.
pub(crate) fn jar_to_saved(jar: &CookieStore) -> Vec<SavedCookie> {
    let mut saved: Vec<SavedCookie> = jar
        .iter_unexpired()
        .filter_map(|cookie| {
            let (domain, host_only) = match &cookie.domain {
                CookieDomain::HostOnly(host) => (host.clone(), true),
                CookieDomain::Suffix(suffix) => (suffix.clone(), false),
                CookieDomain::NotPresent | CookieDomain::Empty => return None,
            };
            let expires = match &cookie.expires {
                CookieExpiration::AtUtc(at) => Some(at.unix_timestamp()),
                CookieExpiration::SessionEnd => None,
            };
            Some(SavedCookie {
                name: cookie.name().to_owned(),
                value: CookieValue::new(cookie.value()),
                domain,
                host_only,
                path: String::from(&cookie.path),
                expires,
                secure: cookie.secure().unwrap_or(false),
                http_only: cookie.http_only().unwrap_or(false),
            })
        })
        .collect();
    saved.sort_by(|a, b| (&a.domain, &a.path, &a.name).cmp(&(&b.domain, &b.path, &b.name)));
    saved
}

/// The last second the `time` crate (and so the jar) can represent: 9999-12-31T23:59:59Z.
const MAX_EXPIRY: i64 = 253_402_300_799;

/// Puts into the jar the cookies that apply to `base`'s host, with their attributes, and
/// returns how many went in. Cookies of other sites, expired cookies and cookies the jar
/// refuses are skipped.
pub(crate) fn insert_into_jar(jar: &mut CookieStore, cookies: &[SavedCookie], base: &Url) -> usize {
    let Some(host) = base.host_str() else {
        return 0;
    };
    let ip_host = matches!(base.host(), Some(Host::Ipv4(_) | Host::Ipv6(_)));
    let now = unix_now();
    let mut inserted = 0;
    for saved in cookies {
        if saved.is_expired_at(now) || !saved.domain_matches(host) {
            continue;
        }
        let mut builder =
            cookie::Cookie::build((saved.name.clone(), saved.value.expose().to_owned()))
                .path(if saved.path.starts_with('/') {
                    saved.path.clone()
                } else {
                    root_path()
                })
                .secure(saved.secure)
                .http_only(saved.http_only);
        // A Domain attribute on an IP address means the address itself, which is what a
        // host-only cookie is; the jar cannot parse `[::1]` as a domain anyway.
        if !saved.host_only && !ip_host {
            builder = builder.domain(saved.domain.trim_start_matches('.').to_owned());
        }
        if let Some(at) = saved.expires {
            let at = cookie::time::OffsetDateTime::from_unix_timestamp(at.min(MAX_EXPIRY))
                .unwrap_or(cookie::time::OffsetDateTime::UNIX_EPOCH);
            builder = builder.expires(at);
        }
        if jar.insert_raw(&builder.build(), base).is_ok() {
            inserted += 1;
        }
    }
    inserted
}

/// The value of the `JSESSIONID` cookie the jar would send to `base`, without the double quotes
/// LinkedIn puts around it (`"ajax:123…"`): the value of the `csrf-token` header.
pub(crate) fn jsessionid(jar: &CookieStore, base: &Url) -> Option<String> {
    jar.matches(base)
        .into_iter()
        .filter(|cookie| cookie.name() == "JSESSIONID")
        // The most specific path wins, as it comes first in the Cookie header.
        .max_by_key(|cookie| cookie.path.len())
        .map(|cookie| cookie.value().trim_matches('"').to_owned())
}

/// Whether the jar would send a cookie named `name` to `base`.
pub(crate) fn has_cookie(jar: &CookieStore, base: &Url, name: &str) -> bool {
    jar.matches(base)
        .into_iter()
        .any(|cookie| cookie.name() == name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// Far in the future (2100-01-01), so the tests do not expire.
    const LATER: i64 = 4_102_444_800;
    const SECRET: &str = "AQEDAR-very-secret-li-at-5f3c";

    fn netscape_export() -> String {
        format!(
            "# Netscape HTTP Cookie File\n\
             # https://curl.se/docs/http-cookies.html\n\
             # This file was generated by libcurl! Edit at your own risk.\n\
             \n\
             #HttpOnly_.www.linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET}\n\
             .www.linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tJSESSIONID\t\"ajax:1234567890123456789\"\n\
             .linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tbcookie\t\"v=2&0a1b2c3d-aaaa-bbbb\"\n\
             .linkedin.com\tTRUE\t/\tFALSE\t{LATER}\tlidc\t\"b=VB23:s=V:r=V:a=V:p=V:g=4:u=1:x=1:i=1:t=1:v=2:sig=AQ\"\n\
             www.linkedin.com\tFALSE\t/\tTRUE\t0\tlang\tv=2&lang=en-us\n\
             .example.org\tTRUE\t/\tFALSE\t{LATER}\tsid\telsewhere\n"
        )
    }

    fn json_export() -> String {
        format!(
            r#"[
  {{"domain": ".www.linkedin.com", "expirationDate": {LATER}.512, "hostOnly": false,
    "httpOnly": true, "name": "li_at", "path": "/", "sameSite": "no_restriction",
    "secure": true, "session": false, "storeId": "0", "value": "{SECRET}", "id": 1}},
  {{"domain": ".www.linkedin.com", "expirationDate": {LATER}.1, "hostOnly": false,
    "httpOnly": false, "name": "JSESSIONID", "path": "/", "sameSite": "no_restriction",
    "secure": true, "session": false, "storeId": "0", "value": "\"ajax:1234567890123456789\"", "id": 2}},
  {{"domain": ".linkedin.com", "expirationDate": {LATER}, "hostOnly": false, "httpOnly": false,
    "name": "bcookie", "path": "/", "sameSite": "no_restriction", "secure": true,
    "session": false, "storeId": "0", "value": "\"v=2&0a1b2c3d\"", "id": 3}},
  {{"domain": ".linkedin.com", "hostOnly": false, "httpOnly": false, "name": "lidc",
    "path": "/", "sameSite": null, "secure": true, "session": true, "storeId": "0",
    "value": "\"b=VB23:s=V:r=V\"", "id": 4}},
  {{"domain": "www.linkedin.com", "hostOnly": true, "httpOnly": false, "name": "lang",
    "path": "/", "secure": true, "session": true, "value": "v=2&lang=en-us", "id": 5}},
  {{"domain": ".example.org", "expirationDate": {LATER}, "hostOnly": false, "httpOnly": false,
    "name": "sid", "path": "/", "secure": false, "session": false, "value": "elsewhere", "id": 6}}
]"#
        )
    }

    fn saved(name: &str, value: &str, domain: &str, host_only: bool) -> SavedCookie {
        SavedCookie {
            name: name.to_owned(),
            value: CookieValue::new(value),
            domain: domain.to_owned(),
            host_only,
            path: "/".to_owned(),
            expires: Some(LATER),
            secure: true,
            http_only: false,
        }
    }

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    fn find<'a>(cookies: &'a [SavedCookie], name: &str) -> &'a SavedCookie {
        cookies.iter().find(|c| c.name == name).unwrap()
    }

    fn request_values(jar: &CookieStore, base: &Url) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = jar
            .get_request_values(base)
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        values.sort();
        values
    }

    fn names(jar: &CookieStore, base: &Url) -> Vec<String> {
        request_values(jar, base)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }

    /// The error's Display and Debug, checked not to contain `secret`.
    fn assert_no_secret(error: &CookieFileError, secret: &str) {
        assert!(!error.to_string().contains(secret), "{error}");
        assert!(!format!("{error:?}").contains(secret), "{error:?}");
    }

    #[test]
    fn netscape_reads_a_linkedin_export() {
        let cookies = parse_netscape(&netscape_export()).unwrap();
        assert_eq!(cookies.len(), 6);

        let li_at = find(&cookies, "li_at");
        assert_eq!(li_at.value.expose(), SECRET);
        assert_eq!(li_at.domain, "www.linkedin.com");
        assert!(!li_at.host_only);
        assert!(li_at.http_only);
        assert!(li_at.secure);
        assert_eq!(li_at.path, "/");
        assert_eq!(li_at.expires, Some(LATER));

        let jsessionid = find(&cookies, "JSESSIONID");
        assert_eq!(jsessionid.value.expose(), "\"ajax:1234567890123456789\"");
        assert!(!jsessionid.http_only);

        let lidc = find(&cookies, "lidc");
        assert_eq!(lidc.domain, "linkedin.com");
        assert!(!lidc.secure);

        let lang = find(&cookies, "lang");
        assert!(lang.host_only);
        assert_eq!(lang.expires, None, "expiry 0 is a session cookie");
        assert_eq!(lang.value.expose(), "v=2&lang=en-us");

        assert_eq!(find(&cookies, "sid").domain, "example.org");
    }

    #[test]
    fn netscape_tolerates_crlf_bom_indented_comments_and_case() {
        let text = format!(
            "\u{feff}# Netscape HTTP Cookie File\r\n\r\n   # indented comment\r\n\
             .LinkedIn.com\ttrue\t/\tFalse\t{LATER}\tbcookie\tabc\r\n   \t \r\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies.len(), 1);
        assert_eq!(cookies[0].domain, "linkedin.com");
        assert!(!cookies[0].host_only);
        assert!(!cookies[0].secure);
        assert_eq!(cookies[0].value.expose(), "abc");
    }

    #[test]
    fn netscape_accepts_spaces_for_lost_tabs_and_a_missing_value() {
        let text = format!(
            ".linkedin.com  TRUE  /  TRUE  {LATER}  li_at  {SECRET}\n\
             .linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tempty\t\n\
             .linkedin.com\tTRUE\t/\tTRUE\t{LATER}\ttrimmed\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies.len(), 3);
        assert_eq!(find(&cookies, "li_at").value.expose(), SECRET);
        assert_eq!(find(&cookies, "empty").value.expose(), "");
        assert_eq!(find(&cookies, "trimmed").value.expose(), "");
    }

    #[test]
    fn netscape_reads_fractional_and_past_expiries() {
        let text = format!(
            ".linkedin.com\tTRUE\t/\tTRUE\t{LATER}.75\ta\t1\n\
             .linkedin.com\tTRUE\t/\tTRUE\t1000\tb\t2\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies[0].expires, Some(LATER));
        assert_eq!(cookies[1].expires, Some(1000));
        assert!(cookies[1].is_expired_at(unix_now()));
    }

    #[test]
    fn netscape_errors_name_the_line_and_never_the_value() {
        let good = format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tok\tfine\n");
        let cases = [
            (
                format!(".linkedin.com\tTRUE\t/\tli_at\t{SECRET}"),
                "found 5",
            ),
            // Six fields read as a missing value, so the shifted expiry is what is wrong.
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\tli_at\t{SECRET}"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET}\textra"),
                "found 8",
            ),
            (
                format!(".linkedin.com\tYES\t/\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "include-subdomains",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tyes\t{LATER}\tli_at\t{SECRET}"),
                "secure",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\tsoon\tli_at\t{SECRET}"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{SECRET}\tli_at\tx"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\tvoyager\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "path",
            ),
            (
                format!("\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "domain is empty",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\t\t{SECRET}"),
                "name is empty",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli at\t{SECRET}"),
                "name",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET};x"),
                "value",
            ),
            (SECRET.to_owned(), "expected 7"),
        ];
        for (bad, expected) in cases {
            let text = format!("# header\n{good}\n{bad}\n{good}");
            let error = parse_netscape(&text).unwrap_err();
            assert_eq!(
                error.position(),
                Some(Position::Line(4)),
                "{bad:?}: {error}"
            );
            assert!(error.to_string().starts_with("line 4: "), "{error}");
            assert!(error.reason().contains(expected), "{bad:?}: {error}");
            assert_no_secret(&error, SECRET);
        }
    }

    #[test]
    fn json_reads_an_extension_export() {
        let cookies = parse_json_export(&json_export()).unwrap();
        assert_eq!(cookies.len(), 6);

        let li_at = find(&cookies, "li_at");
        assert_eq!(li_at.value.expose(), SECRET);
        assert_eq!(li_at.domain, "www.linkedin.com");
        assert!(!li_at.host_only);
        assert!(li_at.http_only);
        assert!(li_at.secure);
        assert_eq!(li_at.expires, Some(LATER), "fractional seconds are dropped");

        assert_eq!(
            find(&cookies, "JSESSIONID").value.expose(),
            "\"ajax:1234567890123456789\""
        );
        assert_eq!(find(&cookies, "lidc").expires, None, "session: true");
        let lang = find(&cookies, "lang");
        assert!(lang.host_only);
        assert_eq!(lang.domain, "www.linkedin.com");
        assert_eq!(find(&cookies, "sid").domain, "example.org");
    }

    #[test]
    fn json_defaults_and_other_exporters() {
        // No hostOnly: the leading dot decides. No path: `/`. Playwright's `expires: -1`.
        let text = format!(
            r#"{{"cookies": [
                {{"name": "a", "value": "1", "domain": ".linkedin.com", "expires": {LATER}}},
                {{"name": "b", "value": "2", "domain": "www.linkedin.com", "expires": -1,
                  "httpOnly": true, "secure": true, "sameSite": "Lax"}}
            ], "origins": []}}"#
        );
        let cookies = parse_json_export(&text).unwrap();
        let a = find(&cookies, "a");
        assert!(!a.host_only);
        assert_eq!(a.path, "/");
        assert_eq!(a.expires, Some(LATER));
        assert!(!a.secure && !a.http_only);
        let b = find(&cookies, "b");
        assert!(b.host_only);
        assert_eq!(b.expires, None);
        assert!(b.secure && b.http_only);
        assert_eq!(parse_json_export("[]").unwrap(), Vec::new());
    }

    #[test]
    fn json_errors_name_the_index_and_never_the_value() {
        let good = r#"{"name": "ok", "value": "fine", "domain": ".linkedin.com"}"#;
        let cases = [
            (format!(r#""{SECRET}""#), "not a JSON object"),
            (
                format!(r#"{{"value": "{SECRET}", "domain": ".linkedin.com"}}"#),
                "no `name`",
            ),
            (
                r#"{"name": "li_at", "domain": ".linkedin.com"}"#.to_owned(),
                "no `value`",
            ),
            (
                format!(r#"{{"name": "li_at", "value": "{SECRET}"}}"#),
                "no `domain`",
            ),
            (
                r#"{"name": "li_at", "value": 918273645, "domain": ".linkedin.com"}"#.to_owned(),
                "`value` is not a string",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "httpOnly": "yes"}}"#
                ),
                "`httpOnly`",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "expirationDate": "{SECRET}"}}"#
                ),
                "`expirationDate`",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "path": "voyager"}}"#
                ),
                "path",
            ),
            (
                format!(r#"{{"name": "li_at", "value": "{SECRET}\n", "domain": ".linkedin.com"}}"#),
                "value",
            ),
        ];
        for (bad, expected) in cases {
            let text = format!("[{good}, {bad}, {good}]");
            let error = parse_json_export(&text).unwrap_err();
            assert_eq!(error.position(), Some(Position::Index(1)), "{bad}: {error}");
            assert!(error.to_string().contains("index 1"), "{error}");
            assert!(error.reason().contains(expected), "{bad}: {error}");
            assert_no_secret(&error, SECRET);
            assert_no_secret(&error, "918273645");
        }
    }

    #[test]
    fn json_errors_for_the_whole_text() {
        for (text, expected) in [
            (
                format!(r#"[{{"name": "li_at", "value": "{SECRET}"#),
                "not valid JSON",
            ),
            (
                format!(r#"[{{"name": "li_at", "value": "{SECRET}" "x"}}]"#),
                "not valid JSON",
            ),
            (r#"{"name": "li_at"}"#.to_owned(), "array"),
            ("42".to_owned(), "array"),
        ] {
            let error = parse_json_export(&text).unwrap_err();
            assert_eq!(error.position(), None);
            assert!(error.reason().contains(expected), "{error}");
            assert_no_secret(&error, SECRET);
        }
    }

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
    fn linkedin_export_goes_into_the_jar() {
        let base = url("https://www.linkedin.com");
        let cookies = parse_netscape(&netscape_export()).unwrap();
        let mut jar = CookieStore::default();
        assert_eq!(
            insert_into_jar(&mut jar, &cookies, &base),
            5,
            "all but example.org"
        );

        let sent = request_values(&jar, &url("https://www.linkedin.com/voyager/api/me"));
        let sent_names: Vec<&str> = sent.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            sent_names,
            ["JSESSIONID", "bcookie", "lang", "li_at", "lidc"]
        );
        assert!(sent.contains(&("li_at".to_owned(), SECRET.to_owned())));
        assert!(sent.contains(&(
            "JSESSIONID".to_owned(),
            "\"ajax:1234567890123456789\"".to_owned()
        )));

        assert_eq!(
            jsessionid(&jar, &base).as_deref(),
            Some("ajax:1234567890123456789")
        );
        assert!(has_cookie(&jar, &base, "li_at"));
        assert!(!has_cookie(&jar, &base, "sid"));
        assert_eq!(
            names(&jar, &url("https://example.org")),
            Vec::<String>::new()
        );

        // Domain cookies reach the other hosts of linkedin.com; host-only ones do not.
        assert_eq!(
            names(&jar, &url("https://static.linkedin.com/")),
            ["bcookie", "lidc"]
        );
        // Secure cookies are not sent over plain HTTP to a public host.
        assert_eq!(names(&jar, &url("http://www.linkedin.com/")), ["lidc"]);
    }

    #[test]
    fn json_export_goes_into_the_jar() {
        let base = url("https://www.linkedin.com");
        let cookies = parse_json_export(&json_export()).unwrap();
        let mut jar = CookieStore::default();
        assert_eq!(insert_into_jar(&mut jar, &cookies, &base), 5);
        assert_eq!(
            names(&jar, &base),
            ["JSESSIONID", "bcookie", "lang", "li_at", "lidc"]
        );
        assert_eq!(
            jsessionid(&jar, &base).as_deref(),
            Some("ajax:1234567890123456789")
        );
    }

    #[test]
    fn host_only_cookies_need_the_exact_host() {
        let base = url("https://www.linkedin.com/feed/");
        let cookies = [
            saved("apex_host_only", "1", "linkedin.com", true),
            saved("apex_domain", "2", "linkedin.com", false),
            saved("www_host_only", "3", "www.linkedin.com", true),
            saved("www_domain", "4", "www.linkedin.com", false),
            saved("sub_domain", "5", "api.www.linkedin.com", false),
            saved("lookalike", "6", "evillinkedin.com", false),
            saved("dotted", "7", ".linkedin.com", false),
        ];
        let mut jar = CookieStore::default();
        assert_eq!(insert_into_jar(&mut jar, &cookies, &base), 4);
        assert_eq!(
            names(&jar, &base),
            ["apex_domain", "dotted", "www_domain", "www_host_only"]
        );
        assert_eq!(
            names(&jar, &url("https://api.www.linkedin.com/")),
            ["apex_domain", "dotted", "www_domain"]
        );
        // The saved form keeps the distinction.
        let back = jar_to_saved(&jar);
        assert!(find(&back, "www_host_only").host_only);
        assert!(!find(&back, "www_domain").host_only);
        assert_eq!(find(&back, "dotted").domain, "linkedin.com");
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
    fn expired_cookies_are_skipped() {
        let base = url("https://www.linkedin.com");
        let mut old = saved("old", "1", "linkedin.com", false);
        old.expires = Some(unix_now() - 60);
        let mut session = saved("session", "2", "linkedin.com", false);
        session.expires = None;
        let mut far = saved("far", "3", "linkedin.com", false);
        far.expires = Some(i64::MAX);
        let mut jar = CookieStore::default();
        assert_eq!(insert_into_jar(&mut jar, &[old, session, far], &base), 2);
        assert_eq!(names(&jar, &base), ["far", "session"]);
        let back = jar_to_saved(&jar);
        assert_eq!(find(&back, "session").expires, None);
        assert_eq!(find(&back, "far").expires, Some(MAX_EXPIRY));
    }

    #[test]
    fn ip_hosts_get_their_cookies() {
        let base = url("http://127.0.0.1:4321/");
        let mut li_at = saved("li_at", SECRET, "127.0.0.1", false);
        li_at.http_only = true;
        let cookies = [
            li_at,
            saved("JSESSIONID", "\"ajax:42\"", "127.0.0.1", true),
            saved("other_ip", "1", "127.0.0.2", true),
            saved("linkedin", "2", "linkedin.com", false),
        ];
        let mut jar = CookieStore::default();
        assert_eq!(insert_into_jar(&mut jar, &cookies, &base), 2);
        // Secure cookies go to loopback over plain HTTP, as browsers do.
        assert_eq!(
            request_values(&jar, &url("http://127.0.0.1:4321/voyager/api/me")),
            [
                ("JSESSIONID".to_owned(), "\"ajax:42\"".to_owned()),
                ("li_at".to_owned(), SECRET.to_owned()),
            ]
        );
        assert_eq!(jsessionid(&jar, &base).as_deref(), Some("ajax:42"));
        assert!(has_cookie(&jar, &base, "li_at"));
        assert!(!has_cookie(&jar, &url("http://127.0.0.2:4321/"), "li_at"));

        let v6 = url("http://[::1]:4321/");
        let mut jar = CookieStore::default();
        let cookies = [
            saved("a", "1", "[::1]", true),
            saved("b", "2", "[::1]", false),
        ];
        assert_eq!(insert_into_jar(&mut jar, &cookies, &v6), 2);
        assert_eq!(names(&jar, &v6), ["a", "b"]);
    }

    #[test]
    fn jar_round_trips_through_saved_cookies() {
        let login = url("https://www.linkedin.com/uas/authenticate");
        let mut jar = CookieStore::default();
        for set_cookie in [
            format!("li_at={SECRET}; Domain=.www.linkedin.com; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT; Secure; HttpOnly; SameSite=None"),
            "JSESSIONID=\"ajax:1234567890123456789\"; Path=/; Domain=.www.linkedin.com; Secure; SameSite=None".to_owned(),
            "bcookie=\"v=2&abc\"; Domain=.linkedin.com; Path=/; Max-Age=31536000; Secure".to_owned(),
            "lang=v=2&lang=en-us; Path=/; Secure".to_owned(),
            "uas_only=1; Secure".to_owned(),
            "gone=1; Path=/; Max-Age=0".to_owned(),
        ] {
            let _ = jar.parse(&set_cookie, &login);
        }
        let saved = jar_to_saved(&jar);
        let names: Vec<&str> = saved.iter().map(|c| c.name.as_str()).collect();
        // Sorted by domain, then path, then name; expired cookies are left out.
        assert_eq!(
            names,
            ["bcookie", "JSESSIONID", "lang", "li_at", "uas_only"]
        );

        let li_at = find(&saved, "li_at");
        assert_eq!(li_at.value.expose(), SECRET);
        assert_eq!(li_at.domain, "www.linkedin.com");
        assert!(!li_at.host_only && li_at.secure && li_at.http_only);
        assert_eq!(li_at.expires, Some(LATER));
        let jsessionid_cookie = find(&saved, "JSESSIONID");
        assert_eq!(
            jsessionid_cookie.value.expose(),
            "\"ajax:1234567890123456789\""
        );
        assert_eq!(jsessionid_cookie.expires, None, "session cookies are kept");
        let lang = find(&saved, "lang");
        assert!(lang.host_only);
        assert_eq!(lang.domain, "www.linkedin.com");
        assert!(find(&saved, "bcookie").expires.is_some());
        assert_eq!(
            find(&saved, "uas_only").path,
            "/uas",
            "the default path is kept"
        );

        // Through a session file's JSON and back into a new jar: nothing changes.
        let json = serde_json::to_string(&saved).unwrap();
        assert!(json.contains(SECRET), "the file holds the real value");
        let reread: Vec<SavedCookie> = serde_json::from_str(&json).unwrap();
        assert_eq!(reread, saved);
        let base = url("https://www.linkedin.com");
        let mut again = CookieStore::default();
        assert_eq!(insert_into_jar(&mut again, &reread, &base), saved.len());
        assert_eq!(jar_to_saved(&again), saved);
        assert_eq!(
            request_values(&again, &url("https://www.linkedin.com/uas/login")),
            request_values(&jar, &url("https://www.linkedin.com/uas/login"))
        );
        assert_eq!(jsessionid(&again, &base), jsessionid(&jar, &base));
    }

    #[test]
    fn no_jsessionid_is_none() {
        let jar = CookieStore::default();
        let base = url("https://www.linkedin.com");
        assert_eq!(jsessionid(&jar, &base), None);
        assert!(!has_cookie(&jar, &base, "JSESSIONID"));
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
