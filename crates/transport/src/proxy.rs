//! HTTP proxies: the [`Proxy`] a transport opens its connections through (an HTTP `CONNECT`
//! tunnel), given as a URL or read from the environment as curl reads it (`HTTPS_PROXY`,
//! `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use base64::Engine as _;
use secrecy::SecretString;
use url::Url;

use crate::error::Error;

/// An HTTP proxy, `http://[user:password@]host[:port]`, that every connection of a transport
/// goes through: the transport asks it for a tunnel (`CONNECT host:port`) and speaks TLS to
/// LinkedIn inside it, so the proxy sees where the connection goes, never what it carries.
/// Plain `http` base URLs (a sandbox) are tunnelled the same way.
///
/// The password is a secret: it goes only into the `Proxy-Authorization` header of the
/// `CONNECT` request (Basic), and [`Display`](fmt::Display), [`Debug`] and errors show `***`
/// in its place.
///
/// ```
/// use linkedin_transport::Proxy;
///
/// let proxy: Proxy = "http://me:s3cret@proxy.example:3128".parse()?;
/// assert_eq!(proxy.to_string(), "http://me:***@proxy.example:3128");
/// assert_eq!(proxy.authority(), "proxy.example:3128");
/// assert!(!format!("{proxy:?}").contains("s3cret"));
///
/// // Only HTTP proxies: refused before anything is sent.
/// assert!("socks5://proxy.example:1080".parse::<Proxy>().is_err());
/// # Ok::<(), linkedin_transport::Error>(())
/// ```
#[derive(Clone)]
pub struct Proxy {
    /// The host as in a URL, an IPv6 address without its brackets.
    host: String,
    port: u16,
    /// The user name as written in the URL (percent-encoded), for `Display`.
    user: Option<String>,
    /// `Basic <base64 of user:password>`, when the URL holds credentials.
    authorization: Option<SecretString>,
    /// Hosts reached without the proxy (the syntax of `NO_PROXY`).
    no_proxy: Option<String>,
}

impl Proxy {
    /// Reads a proxy URL: `http://[user:password@]host[:port]` (port 80 when none is given;
    /// `host:port` alone is read as `http://host:port`, as curl does). User name and password
    /// are percent-decoded (`%40` for an `@` in a password).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for anything else, another scheme (`https://`, `socks5://`) in
    /// particular: only HTTP proxies are supported. The message never repeats the URL, so
    /// never a password.
    pub fn new(url: &str) -> Result<Self, Error> {
        let bad = |reason: String| Error::InvalidInput {
            field: "proxy URL",
            reason,
        };
        let url = url.trim();
        let with_scheme;
        let url = if url.contains("://") {
            url
        } else {
            with_scheme = format!("http://{url}");
            &with_scheme
        };
        let parsed = Url::parse(url).map_err(|e| bad(format!("not a URL ({e})")))?;
        match parsed.scheme() {
            "http" => {}
            "https" => {
                return Err(bad(
                    "an https:// proxy (TLS to the proxy itself) is not supported: give its http:// address".to_owned(),
                ));
            }
            other => {
                return Err(bad(format!(
                    "the scheme is {other}://, and only http:// proxies (HTTP CONNECT) are supported"
                )));
            }
        }
        if parsed.path() != "/" || parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(bad(
                "give only http://[user:password@]host[:port], without a path".to_owned(),
            ));
        }
        let host = match parsed.host() {
            Some(url::Host::Domain(d)) => d.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => return Err(bad("no host".to_owned())),
        };
        let port = parsed.port_or_known_default().unwrap_or(80);
        let (user, authorization) = if parsed.username().is_empty() && parsed.password().is_none() {
            (None, None)
        } else {
            let decode = |text: &str| {
                percent_encoding::percent_decode_str(text)
                    .decode_utf8()
                    .map(|t| t.into_owned())
                    .map_err(|_| {
                        bad(
                            "the user name or password is not UTF-8 once percent-decoded"
                                .to_owned(),
                        )
                    })
            };
            let credentials = format!(
                "{}:{}",
                decode(parsed.username())?,
                decode(parsed.password().unwrap_or_default())?
            );
            let header = format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            );
            (
                Some(parsed.username().to_owned()),
                Some(SecretString::from(header)),
            )
        };
        Ok(Self {
            host,
            port,
            user,
            authorization,
            no_proxy: None,
        })
    }

    /// The proxy the environment names for connections to `target_url` (a base URL), as curl
    /// reads it: `https_proxy` or `HTTPS_PROXY` for an `https` target, `http_proxy` or
    /// `HTTP_PROXY` for an `http` one, else `all_proxy` or `ALL_PROXY` (the lower-case name
    /// first; empty values count as unset). `HTTP_PROXY` in capitals is ignored when
    /// `REQUEST_METHOD` is set: in a CGI program a request header sets it ("httpoxy").
    ///
    /// `None` when no variable is set, or when `no_proxy` / `NO_PROXY` lists the target's
    /// host: a comma-separated list of host names (each also matching its subdomains, with or
    /// without a leading `.`), IP addresses, CIDR ranges (`10.0.0.0/8`), each with an optional
    /// `:port`, or `*` for every host. Loopback is not special: list `localhost,127.0.0.1`
    /// there to reach a local sandbox directly. The list also comes with the proxy
    /// ([`Proxy::no_proxy`]).
    ///
    /// A transport never reads the environment itself: give it what this returns
    /// ([`TransportBuilder::proxy`](crate::TransportBuilder::proxy)).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when `target_url` is not a URL, or when the variable that
    /// applies holds an unusable proxy URL (its message names the variable, never its value).
    pub fn from_env(target_url: &str) -> Result<Option<Self>, Error> {
        Self::from_vars(target_url, |name| std::env::var(name).ok())
    }

    /// [`Proxy::from_env`] over any source of variables.
    fn from_vars(
        target_url: &str,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Self>, Error> {
        let target = Url::parse(target_url).map_err(|e| Error::InvalidInput {
            field: "base URL",
            reason: format!("{e}: {target_url:?}"),
        })?;
        let cgi = var("REQUEST_METHOD").is_some();
        let names: &[&str] = match target.scheme() {
            "https" => &["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"],
            "http" if cgi => &["http_proxy", "all_proxy", "ALL_PROXY"],
            "http" => &["http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"],
            _ => return Ok(None),
        };
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let Some((name, value)) = names.iter().find_map(|n| set(n).map(|v| (*n, v))) else {
            return Ok(None);
        };
        let no_proxy = set("no_proxy").or_else(|| set("NO_PROXY"));
        let host = match target.host() {
            Some(url::Host::Domain(d)) => d.to_owned(),
            Some(url::Host::Ipv4(ip)) => ip.to_string(),
            Some(url::Host::Ipv6(ip)) => ip.to_string(),
            None => return Ok(None),
        };
        let port = target.port_or_known_default().unwrap_or(443);
        if no_proxy
            .as_deref()
            .is_some_and(|list| no_proxy_matches(list, &host, port))
        {
            return Ok(None);
        }
        let proxy = Self::new(&value).map_err(|e| match e {
            Error::InvalidInput { field, reason } => Error::InvalidInput {
                field,
                reason: format!("{name}: {reason}"),
            },
            other => other,
        })?;
        Ok(Some(match no_proxy {
            Some(list) => proxy.no_proxy(list),
            None => proxy,
        }))
    }

    /// Hosts to reach directly, without the proxy, in the syntax of `NO_PROXY` (see
    /// [`Proxy::from_env`]): `"localhost,127.0.0.1,.internal.example"`. A transport whose
    /// base URL's host is listed ignores the proxy.
    pub fn no_proxy(mut self, list: impl Into<String>) -> Self {
        self.no_proxy = Some(list.into());
        self
    }

    /// Whether connections to `host:port` go around the proxy (its [`no_proxy`](Self::no_proxy)
    /// list names them).
    #[must_use]
    pub fn bypasses(&self, host: &str, port: u16) -> bool {
        self.no_proxy
            .as_deref()
            .is_some_and(|list| no_proxy_matches(list, host, port))
    }

    /// The proxy's host (an IPv6 address without brackets).
    #[must_use]
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The proxy's port.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port`, an IPv6 address in brackets: how errors name the proxy (never with its
    /// credentials).
    #[must_use]
    pub fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }

    /// The `Proxy-Authorization` value, when the URL held credentials.
    pub(crate) fn authorization(&self) -> Option<&SecretString> {
        self.authorization.as_ref()
    }
}

impl FromStr for Proxy {
    type Err = Error;

    fn from_str(url: &str) -> Result<Self, Error> {
        Self::new(url)
    }
}

/// `http://host:port`, or `http://user:***@host:port`: the password never.
impl fmt::Display for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.user, &self.authorization) {
            (Some(user), Some(_)) => write!(f, "http://{user}:***@{}", self.authority()),
            _ => write!(f, "http://{}", self.authority()),
        }
    }
}

impl fmt::Debug for Proxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Proxy")
            .field("url", &self.to_string())
            .field("no_proxy", &self.no_proxy)
            .finish()
    }
}

/// Whether a `NO_PROXY` list names `host:port`: entries separated by commas (or spaces), each
/// `*` (every host), a host name that also matches its subdomains (`example.com`,
/// `.example.com` and `*.example.com` all match `example.com` and `www.example.com`), an IP
/// address (`127.0.0.1`, `::1`, `[::1]`) or a CIDR range (`10.0.0.0/8`), with an optional
/// `:port` (`[::1]:8080` for IPv6). Case does not matter; a host name never matches an IP
/// address, or the other way round.
pub(crate) fn no_proxy_matches(list: &str, host: &str, port: u16) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host_ip = host.parse::<IpAddr>().ok();
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|entry| !entry.is_empty())
        .any(|entry| match Entry::parse(entry) {
            Some(entry) => entry.matches(&host, host_ip, port),
            None => false,
        })
}

/// One entry of a `NO_PROXY` list.
#[derive(Debug, PartialEq)]
enum Entry {
    Any,
    Domain(String, Option<u16>),
    Ip(IpAddr, Option<u16>),
    Range(IpAddr, u8),
}

impl Entry {
    /// `None` for an entry that cannot be read (it then matches nothing).
    fn parse(entry: &str) -> Option<Self> {
        if entry == "*" {
            return Some(Self::Any);
        }
        if let Some((ip, bits)) = entry.split_once('/') {
            let ip: IpAddr = ip
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse()
                .ok()?;
            let bits: u8 = bits.parse().ok()?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            return (bits <= max).then_some(Self::Range(ip, bits));
        }
        let port = |p: &str| p.parse::<u16>().ok();
        if let Some(rest) = entry.strip_prefix('[') {
            let (ip, after) = rest.split_once(']')?;
            let ip = ip.parse().ok()?;
            return match after {
                "" => Some(Self::Ip(ip, None)),
                _ => Some(Self::Ip(ip, Some(port(after.strip_prefix(':')?)?))),
            };
        }
        if let Ok(ip) = entry.parse() {
            // Also an IPv6 address without brackets (no port then).
            return Some(Self::Ip(ip, None));
        }
        let (name, port) = match entry.split_once(':') {
            Some((name, p)) => (name, Some(port(p)?)),
            None => (entry, None),
        };
        if let Ok(ip) = name.parse() {
            return Some(Self::Ip(ip, port));
        }
        let name = name
            .trim_start_matches("*.")
            .trim_start_matches('.')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        (!name.is_empty()).then_some(Self::Domain(name, port))
    }

    fn matches(&self, host: &str, host_ip: Option<IpAddr>, port: u16) -> bool {
        let port_ok = |p: &Option<u16>| p.is_none_or(|p| p == port);
        match self {
            Self::Any => true,
            Self::Domain(name, p) => {
                port_ok(p)
                    && host_ip.is_none()
                    && (host == name
                        || host
                            .strip_suffix(name.as_str())
                            .is_some_and(|head| head.ends_with('.')))
            }
            Self::Ip(ip, p) => port_ok(p) && host_ip == Some(*ip),
            Self::Range(net, bits) => host_ip.is_some_and(|ip| in_range(ip, *net, *bits)),
        }
    }
}

/// Whether `ip` is in `net/bits` (both of one family).
fn in_range(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(ip), IpAddr::V4(net)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(bits)).unwrap_or(0);
            u32::from(ip) & mask == u32::from(net) & mask
        }
        (IpAddr::V6(ip), IpAddr::V6(net)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(bits)).unwrap_or(0);
            u128::from(ip) & mask == u128::from(net) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use secrecy::ExposeSecret as _;

    use super::*;

    #[test]
    fn a_proxy_url_gives_host_port_and_basic_credentials() {
        let p = Proxy::new("http://me:s3cret@proxy.example:3128").unwrap();
        assert_eq!((p.host(), p.port()), ("proxy.example", 3128));
        // base64("me:s3cret")
        assert_eq!(
            p.authorization().map(|a| a.expose_secret().to_owned()),
            Some("Basic bWU6czNjcmV0".to_owned())
        );
        let bare = Proxy::new("proxy.example:8080").unwrap();
        assert_eq!(bare.to_string(), "http://proxy.example:8080");
        assert!(bare.authorization().is_none());
        assert_eq!(Proxy::new("http://10.0.0.1").unwrap().port(), 80);
        let v6 = Proxy::new("http://[::1]:3128").unwrap();
        assert_eq!((v6.host(), v6.authority().as_str()), ("::1", "[::1]:3128"));
        // Percent-encoded: an @ and a : in the password.
        let encoded = Proxy::new("http://a%40b:p%3Aw%40d@proxy:1").unwrap();
        assert_eq!(
            encoded
                .authorization()
                .map(|a| a.expose_secret().to_owned()),
            Some(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode("a@b:p:w@d")
            ))
        );
    }

    #[test]
    fn the_password_is_never_shown() {
        let p = Proxy::new("http://me:s3cret@proxy.example:3128")
            .unwrap()
            .no_proxy("localhost");
        for shown in [p.to_string(), format!("{p:?}"), format!("{p:#?}")] {
            assert!(!shown.contains("s3cret"), "{shown}");
            assert!(!shown.contains("bWU6czNjcmV0"), "{shown}");
        }
        assert_eq!(p.to_string(), "http://me:***@proxy.example:3128");
        // A password without a user name is still hidden.
        let p = Proxy::new("http://:s3cret@proxy:1").unwrap();
        assert_eq!(p.to_string(), "http://:***@proxy:1");
    }

    #[test]
    fn other_schemes_and_paths_are_refused_without_repeating_the_url() {
        for url in [
            "https://me:s3cret@proxy:443",
            "socks5://me:s3cret@proxy:1080",
            "http://me:s3cret@proxy:3128/path",
            "http://me:s3cret@proxy:3128/?q",
            "http://me:s3cret@:3128",
            "http://me:s3cret@proxy:99999",
            "",
        ] {
            let e = Proxy::new(url).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::InvalidInput {
                        field: "proxy URL",
                        ..
                    }
                ),
                "{url}: {e:?}"
            );
            assert!(!e.to_string().contains("s3cret"), "{url}: {e}");
        }
        let e = Proxy::new("socks5://proxy:1080").unwrap_err();
        assert!(e.to_string().contains("only http://"), "{e}");
    }

    #[test]
    fn no_proxy_matches_hosts_domains_ports_and_addresses() {
        let yes = [
            ("*", "www.linkedin.com", 443),
            ("linkedin.com", "linkedin.com", 443),
            ("linkedin.com", "www.linkedin.com", 443),
            (".linkedin.com", "www.linkedin.com", 443),
            (".linkedin.com", "linkedin.com", 443),
            ("*.linkedin.com", "www.linkedin.com", 443),
            ("LinkedIn.COM", "www.linkedin.com.", 443),
            ("other, linkedin.com", "www.linkedin.com", 443),
            ("other linkedin.com", "www.linkedin.com", 443),
            ("linkedin.com:443", "www.linkedin.com", 443),
            ("127.0.0.1", "127.0.0.1", 8080),
            ("127.0.0.1:8080", "127.0.0.1", 8080),
            ("::1", "::1", 80),
            ("[::1]", "[::1]", 80),
            ("[::1]:8080", "::1", 8080),
            ("0:0::1", "::1", 80),
            ("127.0.0.0/8", "127.1.2.3", 80),
            ("10.0.0.0/8", "10.255.0.1", 80),
            ("0.0.0.0/0", "192.0.2.1", 80),
            ("fd00::/8", "fd12::1", 80),
            ("localhost", "localhost", 80),
        ];
        for (list, host, port) in yes {
            assert!(
                no_proxy_matches(list, host, port),
                "{list:?} should match {host}:{port}"
            );
        }
        let no = [
            ("", "www.linkedin.com", 443),
            (",", "www.linkedin.com", 443),
            ("linkedin.com", "notlinkedin.com", 443),
            ("www.linkedin.com", "linkedin.com", 443),
            ("linkedin.com:80", "www.linkedin.com", 443),
            ("linkedin.com:notaport", "www.linkedin.com", 443),
            ("127.0.0.1:8080", "127.0.0.1", 8081),
            ("0.0.1", "127.0.0.1", 80),
            ("127.0.0.1", "localhost", 80),
            ("localhost", "127.0.0.1", 80),
            ("10.0.0.0/8", "11.0.0.1", 80),
            ("10.0.0.0/33", "10.0.0.1", 80),
            ("10.0.0.0/8", "::1", 80),
            ("::1", "127.0.0.1", 80),
            ("[::1", "::1", 80),
            (".", "www.linkedin.com", 443),
        ];
        for (list, host, port) in no {
            assert!(
                !no_proxy_matches(list, host, port),
                "{list:?} should not match {host}:{port}"
            );
        }
    }

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn from(target: &str, pairs: &[(&str, &str)]) -> Option<String> {
        Proxy::from_vars(target, vars(pairs))
            .unwrap()
            .map(|p| p.authority())
    }

    #[test]
    fn the_environment_names_the_proxy_per_scheme() {
        let https = "https://www.linkedin.com";
        let http = "http://127.0.0.1:8080";
        assert_eq!(from(https, &[]), None);
        assert_eq!(
            from(https, &[("HTTPS_PROXY", "http://a:1")]),
            Some("a:1".into())
        );
        assert_eq!(
            from(
                https,
                &[("https_proxy", "b:2"), ("HTTPS_PROXY", "http://a:1")]
            ),
            Some("b:2".into()),
            "the lower-case name first"
        );
        assert_eq!(
            from(https, &[("HTTP_PROXY", "http://a:1")]),
            None,
            "HTTP_PROXY is for http targets"
        );
        assert_eq!(
            from(http, &[("HTTP_PROXY", "http://a:1")]),
            Some("a:1".into())
        );
        assert_eq!(
            from(
                http,
                &[("HTTP_PROXY", "http://a:1"), ("REQUEST_METHOD", "GET")]
            ),
            None,
            "HTTP_PROXY is a request header's in CGI"
        );
        assert_eq!(
            from(https, &[("ALL_PROXY", "http://c:3")]),
            Some("c:3".into())
        );
        assert_eq!(
            from(https, &[("HTTPS_PROXY", " "), ("all_proxy", "http://c:3")]),
            Some("c:3".into()),
            "an empty value is unset"
        );
        assert_eq!(
            from(
                https,
                &[("HTTPS_PROXY", "http://a:1"), ("NO_PROXY", ".linkedin.com")]
            ),
            None
        );
        assert_eq!(
            from(http, &[("http_proxy", "http://a:1"), ("no_proxy", "*")]),
            None
        );
        let kept = Proxy::from_vars(
            https,
            vars(&[("HTTPS_PROXY", "http://a:1"), ("NO_PROXY", "localhost")]),
        )
        .unwrap()
        .unwrap();
        assert!(kept.bypasses("localhost", 80) && !kept.bypasses("www.linkedin.com", 443));
    }

    #[test]
    fn an_unusable_variable_is_named_without_its_value() {
        let e = Proxy::from_vars(
            "https://www.linkedin.com",
            vars(&[("ALL_PROXY", "socks5://me:s3cret@proxy:1080")]),
        )
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("ALL_PROXY") && text.contains("socks5"),
            "{text}"
        );
        assert!(!text.contains("s3cret"), "{text}");
    }
}
