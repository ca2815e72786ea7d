//! The headers LinkedIn expects: the web app's on API calls, the Android app's on the login
//! flow (see `shared/reference/voyager.md`, section 2.2).

/// The browser user agent sent with API calls by default. A session is tied to the user agent
/// it was made with, so a saved session keeps its own.
pub const WEB_USER_AGENT: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/// The `x-li-track` header of the web app: its version and the display it runs on.
pub const WEB_LI_TRACK: &str = r#"{"clientVersion":"1.13.42289","mpVersion":"1.13.42289","osName":"web","timezoneOffset":0,"timezone":"UTC","deviceFormFactor":"DESKTOP","mpName":"voyager-web","displayDensity":1,"displayWidth":1920,"displayHeight":1080}"#;

/// Fixed headers of every API call. Answers are asked for in gzip only: decoding a
/// 49-result search page costs 0.69M instructions from gzip against 0.98M from brotli
/// (callgrind, 2026-12-04), for a body of 5.5 KB instead of about 5 KB on the wire. The Python client
/// asks for gzip too. A brotli answer sent anyway is still decoded (see `body::decode`).
pub(crate) const WEB_FIXED: [(&str, &str); 4] = [
    ("accept-language", "en-US,en;q=0.9"),
    ("x-li-lang", "en_US"),
    ("x-restli-protocol-version", "2.0.0"),
    ("accept-encoding", "gzip"),
];

/// Headers of the login flow (`/uas/authenticate`), as the Android app sends them.
pub(crate) const LOGIN: [(&str, &str); 6] = [
    (
        "x-li-user-agent",
        "LIAuthLibrary:0.0.3 com.linkedin.android:4.1.881 Asus_ASUS_Z01QD:android_9",
    ),
    ("user-agent", "ANDROID OS"),
    ("x-user-language", "en"),
    ("x-user-locale", "en_US"),
    ("accept-language", "en-us"),
    ("accept-encoding", "gzip"),
];

/// Which app a transport speaks as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum HeaderProfile {
    /// The web app (Voyager): browser headers on API calls, the Android app's on login.
    #[default]
    Web,
    /// The iPhone app of the 2015 touch API (`shared/reference/touch.md`): its headers on
    /// every request, login included.
    Touch,
}

/// The iPhone app's user agent (touch API).
pub const TOUCH_USER_AGENT: &str = "LinkedIn/8.8.1 CFNetwork/711.3.18 Darwin/14.0.0";

/// Headers of every touch API request besides `user-agent`.
pub(crate) const TOUCH: [(&str, &str); 5] = [
    (
        "x-li-user-agent",
        "LIAuthLibrary:3.2.4 com.linkedin.LinkedIn:8.8.1 iPhone:8.3",
    ),
    ("x-user-language", "en"),
    ("x-user-locale", "en_US"),
    ("accept-language", "en-us"),
    ("accept-encoding", "gzip"),
];
