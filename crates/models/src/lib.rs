//! Typed models of LinkedIn's answers, and the resolver of its normalized encoding.
//!
//! Answers come in three encodings (see [`graph`]); [`resolve`] turns the normalized one into
//! nested JSON, and every model deserializes from nested JSON. Models tolerate LinkedIn's
//! drift: fields are optional or defaulted, unknown fields are ignored, unknown enum values
//! are kept ([`open_enum!`]), and [`Raw`] keeps the JSON a value was read from.
//!
//! Two layers: the modules named after an area (`search`, `messaging`, ...) model LinkedIn's
//! shapes as they come; [`view`] builds the results the facade gives from them, with the ids
//! of [`id`] typed.
//!
//! One naming on output: models read LinkedIn's keys (`entityUrn`, union keys such as
//! `com.linkedin.voyager.feed.MemberActor`) and serialize under their Rust field names in
//! `snake_case` (`entity_urn`, `member`), as the views do. What they write is therefore not
//! LinkedIn's JSON and is not meant to be read back as an answer: [`Raw::raw`] keeps that.
//!
//! No I/O here: the facade (`linkedin-api`) fetches, this crate reads.

#![warn(missing_docs)]

pub mod common;
pub mod company;
mod decode;
pub mod error;
pub mod feed;
pub mod graph;
pub mod id;
pub mod invitation;
pub mod job;
pub mod me;
pub mod messaging;
pub mod notification;
mod open_enum;
pub mod profile;
mod raw;
pub mod realtime;
pub mod search;
pub mod social;
pub mod touch;
pub mod view;

pub use common::{Collection, Paging, Text};
pub use decode::Answer;
pub use error::DecodeError;
pub use graph::{extract, resolve, resolve_value};
pub use raw::{Raw, Unread};
