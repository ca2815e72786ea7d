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

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
