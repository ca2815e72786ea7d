//! What an answer means: success, a typed error that says what to do, or worth a retry.

use std::time::Duration;

use http::header::{self, HeaderMap};

use super::Transport;
use super::exchange::Answer;
use crate::error::{Error, excerpt};
use crate::governor::TripReason;
use crate::request::{Request, Response};

/// What the classifier made of one attempt.
pub(super) enum Verdict {
    Done(Result<Response, Error>),
    /// A sign that LinkedIn has flagged the account (a challenge, the authwall, a cookie wipe,
    /// a 999): the breaker trips, and `error` is the caller's.
    Trip {
        error: Error,
        reason: TripReason,
        url: Option<String>,
    },
    /// Worth another attempt if the request allows it; `after` is LinkedIn's `Retry-After`.
    Retry {
        error: Error,
        after: Option<Duration>,
        /// Whether the request may have reached the server.
        sent: bool,
    },
}

impl Transport {
    /// Stores the answer's cookies, then sorts it into success, an error, or worth a retry.
    /// The login flow reads its own 4xx answers (`login_result` may come with any status).
    pub(super) fn classify(
        &self,
        request: &Request,
        mut answer: Answer,
        login_flow: bool,
    ) -> Verdict {
        let url = self.url_of(request.target());
        let wiped = self.store_cookies(&url, &answer.headers);
        answer.headers.remove(header::SET_COOKIE);
        let status = answer.status;
        let code = status.as_u16();
        let readable =
            status.is_success() || (login_flow && status.is_client_error() && code != 429);
        let error = match code {
            _ if readable => {
                if wiped && !login_flow {
                    return Verdict::Trip {
                        error: Error::SessionExpired,
                        reason: TripReason::CookieWipe,
                        url: None,
                    };
                }
                return Verdict::Done(Ok(Response {
                    status,
                    headers: answer.headers,
                    body: answer.body,
                    version: answer.version,
                }));
            }
            300..=399 => {
                let to = answer
                    .headers
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(|l| url.join(l).map_or_else(|_| l.to_owned(), String::from))
                    .unwrap_or_default();
                if is_challenge(&to) {
                    return Verdict::Trip {
                        error: Error::Challenge { url: to.clone() },
                        reason: TripReason::Challenge,
                        url: Some(to),
                    };
                } else if wiped {
                    return Verdict::Trip {
                        error: Error::SessionExpired,
                        reason: TripReason::CookieWipe,
                        url: Some(to),
                    };
                } else if is_authwall(&to) && !login_flow {
                    return Verdict::Trip {
                        error: Error::Redirected { to: to.clone() },
                        reason: TripReason::Authwall,
                        url: Some(to),
                    };
                } else {
                    Error::Redirected { to }
                }
            }
            401 if wiped => {
                return Verdict::Trip {
                    error: Error::SessionExpired,
                    reason: TripReason::CookieWipe,
                    url: None,
                };
            }
            401 => {
                if self.has_session_cookie() {
                    Error::SessionExpired
                } else {
                    Error::Unauthorized
                }
            }
            999 => {
                return Verdict::Trip {
                    error: status_error(code, request.name(), &answer.body),
                    reason: TripReason::Status999,
                    url: None,
                };
            }
            403 => Error::Forbidden {
                message: error_message(&answer.body),
            },
            410 => Error::Gone {
                path: request.path().to_owned(),
            },
            429 => {
                let retry_after = retry_after(&answer.headers);
                return Verdict::Retry {
                    error: Error::RateLimited { retry_after },
                    after: retry_after,
                    sent: true,
                };
            }
            // A 500 may be passing like a 502: retried when the request is safe to repeat (once:
            // see `send_retrying`); a write is not: it may have run.
            500 | 502..=504 => {
                return Verdict::Retry {
                    error: status_error(code, request.name(), &answer.body),
                    after: retry_after(&answer.headers),
                    sent: true,
                };
            }
            _ => status_error(code, request.name(), &answer.body),
        };
        Verdict::Done(Err(error))
    }
}

/// An unsuccessful status, with LinkedIn's reason when its body gives one.
fn status_error(code: u16, endpoint: Option<&'static str>, body: &[u8]) -> Error {
    Error::Status {
        code,
        endpoint,
        body_excerpt: excerpt(body),
        reason: crate::error::Reason::from_body(body),
    }
}

/// A redirect to the authwall or a login page (an API call LinkedIn no longer serves to this
/// session).
fn is_authwall(location: &str) -> bool {
    location.contains("/authwall") || location.contains("/login") || location.contains("/uas/login")
}

/// A redirect to a security check rather than to a login page.
fn is_challenge(location: &str) -> bool {
    location.contains("/checkpoint/") || location.contains("challenge")
}

/// `Retry-After` in seconds (LinkedIn does not send HTTP dates).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// LinkedIn's plain-text body of a 403 for a missing or stale `csrf-token` (peers.md §c.12).
const CSRF_FAILED: &str = "CSRF check failed.";

/// The `message` of LinkedIn's JSON error envelope, or its plain-text CSRF refusal, if any.
fn error_message(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        message: Option<String>,
    }
    if body.trim_ascii() == CSRF_FAILED.as_bytes() {
        return Some(CSRF_FAILED.to_owned());
    }
    serde_json::from_slice::<Envelope>(body).ok()?.message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_403_says_linkedins_message_or_its_csrf_refusal() {
        assert_eq!(
            error_message(b"CSRF check failed."),
            Some(CSRF_FAILED.to_owned())
        );
        assert_eq!(
            error_message(br#"{"status":403,"message":"This profile can't be accessed"}"#),
            Some("This profile can't be accessed".to_owned())
        );
        assert_eq!(error_message(b""), None);
        assert_eq!(error_message(br#"{"status":403}"#), None);
    }
}
