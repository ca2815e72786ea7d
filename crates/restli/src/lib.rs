//! Rest.li 2.0 syntax.
#![warn(missing_docs)]

mod error;

pub use error::{Error, Syntax};
