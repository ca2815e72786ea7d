//! Cookies in and out of the jar the transport sends requests with: saved cookies put in and
//! taken back, the values the transport reads from it (`JSESSIONID` for the `csrf-token`), the
//! `Cookie` header, and the `set-cookie`s of an answer.

use cookie_store::{CookieDomain, CookieExpiration, CookieStore};
use http::HeaderMap;
use http::header::SET_COOKIE;
use url::{Host, Url};

use super::{CookieValue, SavedCookie, root_path, unix_now};

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

/// The `Cookie` header the jar sends to `url` (`name=value; name=value`), or `None` when it
/// holds no cookie for it.
pub(crate) fn request_header(jar: &CookieStore, url: &Url) -> Option<String> {
    let mut out = String::new();
    for (name, value) in jar.get_request_values(url) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    (!out.is_empty()).then_some(out)
}

/// The cookies an answer sets, read from its `set-cookie` headers before the jar is locked.
pub(crate) struct SetCookies {
    cookies: Vec<cookie::Cookie<'static>>,
    ends_session: bool,
}

impl SetCookies {
    /// Reads the `set-cookie` headers; one that is not a cookie is skipped, as browsers do.
    pub(crate) fn parse(headers: &HeaderMap) -> Self {
        let mut ends_session = false;
        let mut cookies = Vec::new();
        for value in headers.get_all(SET_COOKIE) {
            let Ok(text) = value.to_str() else { continue };
            let Ok(cookie) = cookie::Cookie::parse(text.to_owned()) else {
                continue;
            };
            if cookie.name() == "li_at" {
                let value = cookie.value().trim_matches('"');
                let expired = cookie
                    .max_age()
                    .is_some_and(|a| a.is_zero() || a.is_negative())
                    || cookie
                        .expires_datetime()
                        .is_some_and(|t| t.unix_timestamp() <= unix_now());
                if value == "delete me" || value.is_empty() || expired {
                    ends_session = true;
                }
            }
            cookies.push(cookie.into_owned());
        }
        Self {
            cookies,
            ends_session,
        }
    }

    /// Whether the answer wipes `li_at`, which is how LinkedIn ends a session: with
    /// `li_at="delete me"`, an empty `li_at`, or an expired one.
    pub(crate) fn ends_session(&self) -> bool {
        self.ends_session
    }

    /// Whether the answer set no cookie at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.cookies.is_empty()
    }

    /// Puts the cookies into the jar, as set by an answer from `url`. When they end the
    /// session, every `li_at` of the jar goes, whatever the attributes of the one that wiped it.
    pub(crate) fn store(mut self, jar: &mut CookieStore, url: &Url) {
        if self.ends_session {
            let host = url.host_str().unwrap_or_default().to_owned();
            let gone: Vec<(String, String)> = jar
                .iter_any()
                .filter(|c| c.name() == "li_at")
                .map(|c| {
                    (
                        c.domain().map_or_else(|| host.clone(), str::to_owned),
                        c.path().unwrap_or("/").to_owned(),
                    )
                })
                .collect();
            for (domain, path) in gone {
                jar.remove(&domain, &path, "li_at");
            }
            self.cookies.retain(|c| c.name() != "li_at");
        }
        jar.store_response_cookies(self.cookies.into_iter(), url);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::cookies::test_data::*;
    use crate::cookies::{parse_json_export, parse_netscape};

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

    fn set_cookie_headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(SET_COOKIE, value.parse().unwrap());
        }
        headers
    }

    #[test]
    fn set_cookies_that_wipe_li_at_end_the_session() {
        let base = url("https://www.linkedin.com");
        let api = url("https://www.linkedin.com/voyager/api/me");
        for ending in [
            "li_at=\"delete me\"; Domain=.www.linkedin.com; Path=/",
            "li_at=; Path=/",
            "li_at=fresh; Max-Age=0",
            "li_at=fresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        ] {
            let mut jar = CookieStore::default();
            let cookies = [
                saved("li_at", SECRET, "www.linkedin.com", false),
                saved("JSESSIONID", "\"ajax:1\"", "www.linkedin.com", false),
            ];
            assert_eq!(insert_into_jar(&mut jar, &cookies, &base), 2);
            let set = SetCookies::parse(&set_cookie_headers(&[ending, "lang=v=2; Path=/"]));
            assert!(set.ends_session(), "{ending}");
            set.store(&mut jar, &api);
            assert_eq!(names(&jar, &api), ["JSESSIONID", "lang"], "{ending}");
        }
    }

    #[test]
    fn other_set_cookies_are_stored_and_end_nothing() {
        let api = url("https://www.linkedin.com/voyager/api/me");
        let mut jar = CookieStore::default();
        let set = SetCookies::parse(&set_cookie_headers(&[
            &format!("li_at={SECRET}; Domain=.www.linkedin.com; Path=/; Max-Age=3600"),
            "JSESSIONID=\"ajax:2\"; Path=/",
            "not a cookie",
        ]));
        assert!(!set.ends_session() && !set.is_empty());
        set.store(&mut jar, &api);
        let header = request_header(&jar, &api).unwrap();
        let mut sent: Vec<&str> = header.split("; ").collect();
        sent.sort_unstable();
        assert_eq!(sent, ["JSESSIONID=\"ajax:2\"", &format!("li_at={SECRET}")]);
        assert!(SetCookies::parse(&HeaderMap::new()).is_empty());
        assert_eq!(request_header(&CookieStore::default(), &api), None);
    }
}
