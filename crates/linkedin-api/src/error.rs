//! The facade's error: the transport's, plus what only the facade can tell.

use linkedin_models::DecodeError;

/// Everything a [`Linkedin`](crate::Linkedin) call can fail with. Match on the variant to
/// react; the enum is `#[non_exhaustive]`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument was refused before anything was sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The argument.
        field: &'static str,
        /// Why, and what is expected.
        reason: String,
    },
    /// LinkedIn retired the endpoint this call needs.
    #[error("LinkedIn retired {endpoint}{}", replacement.map(|r| format!("; use {r} instead")).unwrap_or_default())]
    Gone {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// The catalogue name of its replacement, when there is one.
        replacement: Option<&'static str>,
    },
    /// LinkedIn answers the endpoint this call needs with an error (it is broken, not
    /// retired: catalogue status `broken`), so the call was refused before anything was sent:
    /// it could only fail. With a `replacement`, this library should have used it (report
    /// it); without one, LinkedIn offers no working way to do this that this library knows:
    /// do it on linkedin.com for now.
    #[error(
        "LinkedIn answers {endpoint} with an error now, so nothing was sent; {}",
        replacement.map_or_else(
            || "no working endpoint is known for this yet: do it on linkedin.com for now".to_owned(),
            |r| format!("use {r} instead"),
        )
    )]
    Broken {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// The catalogue name of its replacement, when there is one.
        replacement: Option<&'static str>,
    },
    /// The answer did not match its model.
    #[error("LinkedIn's answer to {endpoint} did not match the model {source}; please report it")]
    Decode {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// Where and why.
        source: DecodeError,
    },
    /// A page says it has results but none could be recognised: LinkedIn changed the shape of
    /// this answer. This is reported instead of an empty list.
    #[error(
        "{endpoint} reports {total} results but none matched the model: LinkedIn changed its answer; please report it"
    )]
    SchemaMoved {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// The `paging.total` LinkedIn gave.
        total: u64,
    },
    /// This library cannot do what was asked: the sources it is built from document no
    /// LinkedIn endpoint for it. Nothing was sent.
    #[error("{capability} is not supported: {reason}")]
    Unsupported {
        /// What was asked.
        capability: &'static str,
        /// Why, and what to do instead.
        reason: &'static str,
    },
    /// What was asked for does not exist (or is not visible to this account).
    #[error("{what} was not found")]
    NotFound {
        /// What.
        what: String,
    },
    /// A write that may have been lost on the way (the connection broke after it left, or
    /// LinkedIn answered a server error) was read back, and LinkedIn does not have it: it was
    /// not executed, and sending it again is safe.
    #[error("{what} did not take effect: {how_known}; sending it again is safe")]
    NotSent {
        /// The write (`the message to 2-…`).
        what: String,
        /// How that is known (what was read back).
        how_known: String,
        /// What broke the first time.
        #[source]
        cause: Box<Error>,
    },
    /// A write may have been executed (the connection broke after it left) and reading it
    /// back failed too: look before sending it again.
    #[error(
        "{what} may or may not have taken effect ({cause}), and reading it back failed ({check_error}): {check} before sending it again"
    )]
    OutcomeUnknown {
        /// The write.
        what: String,
        /// What to look at to know.
        check: String,
        /// What broke the write.
        cause: Box<Error>,
        /// What broke the read-back.
        check_error: Box<Error>,
    },
    /// LinkedIn answered, but refused what was asked, with its reason: the `errors` of a
    /// GraphQL mutation's answer (which come with a 200), or a batch update's failure for
    /// the entity. Nothing was done. (A refusal by HTTP status is
    /// [`linkedin_transport::Error::Status`], whose `reason` holds LinkedIn's; see
    /// [`Error::reason`] for both.)
    #[error("LinkedIn refused {endpoint}: {reason}; nothing was done")]
    Refused {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// LinkedIn's reason.
        reason: linkedin_transport::Reason,
    },
    /// LinkedIn refused a read as it refuses a stale id (a GraphQL `queryId` it no longer
    /// knows answers a hard 500, an old `decorationId` a 400), and no current id was found
    /// in the web app's pages and scripts, or none found answered (`discovery` says what was
    /// read and tried). The read was not done.
    #[error(
        "{endpoint} failed ({cause}) as LinkedIn answers a stale id ({id}); no current one was found in the web app's pages and scripts ({} pages, {} scripts, {} candidates tried{}): put the current id in the override file (`linkedin catalogue show {endpoint}` shows the ids), or report it",
        discovery.pages,
        discovery.scripts,
        discovery.probed,
        if discovery.skipped_other_hosts > 0 { format!(", {} scripts on another host not fetched", discovery.skipped_other_hosts) } else { String::new() }
    )]
    StaleId {
        /// The catalogue name of the endpoint.
        endpoint: &'static str,
        /// The id LinkedIn refused.
        id: String,
        /// What discovery read and tried.
        discovery: crate::drift::Discovery,
        /// LinkedIn's answer to the read.
        cause: Box<Error>,
    },
    /// A failure on the way: login, connection, HTTP status, rate limit... (see
    /// [`linkedin_transport::Error`] for what each means and what to do).
    #[error(transparent)]
    Transport(#[from] linkedin_transport::Error),
    /// A bug in this library.
    #[error("internal error: {reason}")]
    Internal {
        /// What went wrong.
        reason: String,
    },
}

impl Error {
    /// The transport's error underneath, if this is one.
    fn transport(&self) -> Option<&linkedin_transport::Error> {
        match self {
            Self::Transport(e) => Some(e),
            _ => None,
        }
    }

    /// LinkedIn's reason for refusing the request, when it gave one: a [`Error::Refused`], or
    /// an error status whose answer carried LinkedIn's error envelope (its `code` such as
    /// `CANT_RESEND_YET`, its `message`).
    ///
    /// ```
    /// use linkedin_api::Error;
    /// use linkedin_api::transport::Reason;
    ///
    /// let body = br#"{"status":400,"code":"CANT_RESEND_YET"}"#;
    /// let e = Error::from(linkedin_api::transport::Error::Status {
    ///     code: 400,
    ///     endpoint: Some("message_create"),
    ///     body_excerpt: String::from_utf8_lossy(body).into_owned(),
    ///     reason: Reason::from_body(body),
    /// });
    /// assert_eq!(e.reason().and_then(|r| r.code.as_deref()), Some("CANT_RESEND_YET"));
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<&linkedin_transport::Reason> {
        match self {
            Self::Refused { reason, .. } => Some(reason),
            Self::Transport(linkedin_transport::Error::Status { reason, .. }) => reason.as_ref(),
            _ => None,
        }
    }

    /// Whether LinkedIn (a 429) or the account's own hourly or daily budget asks to slow
    /// down.
    ///
    /// ```
    /// use linkedin_api::Error;
    /// let e = Error::from(linkedin_api::transport::Error::RateLimited { retry_after: None });
    /// assert!(e.is_rate_limited());
    /// ```
    #[must_use]
    pub fn is_rate_limited(&self) -> bool {
        matches!(
            self.transport(),
            Some(
                linkedin_transport::Error::RateLimited { .. }
                    | linkedin_transport::Error::BudgetExhausted { .. }
                    | linkedin_transport::Error::DailyBudgetSpent { .. }
            )
        )
    }

    /// How long LinkedIn asked to wait (`Retry-After`), when it said.
    ///
    /// ```
    /// use std::time::Duration;
    /// use linkedin_api::Error;
    /// let wait = Some(Duration::from_secs(30));
    /// let e = Error::from(linkedin_api::transport::Error::RateLimited { retry_after: wait });
    /// assert_eq!(e.retry_after(), wait);
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self.transport() {
            Some(linkedin_transport::Error::RateLimited { retry_after }) => *retry_after,
            _ => None,
        }
    }

    /// Whether the request may have reached LinkedIn and taken effect: the connection broke
    /// or timed out after it was sent, or LinkedIn answered a server error. For a write
    /// (a message, an invitation) this means: look before sending it again. `false` when
    /// nothing left the machine (bad input, a retired endpoint, no connection) or LinkedIn
    /// refused the request.
    ///
    /// ```
    /// use linkedin_api::Error;
    /// let cut = Error::from(linkedin_api::transport::Error::Interrupted {
    ///     method: "POST".into(),
    ///     path: "/voyager/api/x".into(),
    /// });
    /// assert!(cut.may_have_been_sent());
    /// let refused = Error::InvalidInput { field: "text", reason: "empty".into() };
    /// assert!(!refused.may_have_been_sent());
    /// ```
    #[must_use]
    pub fn may_have_been_sent(&self) -> bool {
        use linkedin_transport::{Error as T, TimeoutPhase};
        match self.transport() {
            Some(T::Interrupted { .. }) => true,
            Some(T::Timeout { phase }) => *phase != TimeoutPhase::Connect,
            Some(T::Status { code, .. }) => *code >= 500,
            _ => false,
        }
    }

    /// Whether the same call may succeed later unchanged (a rate limit, a timeout, a
    /// connection failure, a 5xx), as opposed to one that will fail the same way (bad input,
    /// a retired endpoint, an expired session, a changed answer).
    ///
    /// ```
    /// use linkedin_api::Error;
    /// assert!(!Error::NotFound { what: "x".into() }.is_transient());
    /// ```
    #[must_use]
    pub fn is_transient(&self) -> bool {
        self.transport()
            .is_some_and(linkedin_transport::Error::is_transient)
    }
}

/// An id given as text that does not parse: [`Error::InvalidInput`] for `id`.
impl From<linkedin_models::id::IdError> for Error {
    fn from(e: linkedin_models::id::IdError) -> Self {
        Self::InvalidInput {
            field: "id",
            reason: e.to_string(),
        }
    }
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A 404 of the transport as [`Error::NotFound`] naming `what`; other errors as they are.
pub(crate) fn not_found(error: Error, what: impl FnOnce() -> String) -> Error {
    match error {
        Error::Transport(linkedin_transport::Error::Status { code: 404, .. }) => {
            Error::NotFound { what: what() }
        }
        other => other,
    }
}
