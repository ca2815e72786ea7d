//! Rest.li 2.0 syntax: values, escaping, projections, decorations and URNs.
//!
//! Rest.li is the REST framework behind LinkedIn's APIs. Its protocol 2.0 writes structured
//! values into URLs: `variables=(start:0,query:(keywords:air%20india))`,
//! `ids=List(urn%3Ali%3Afsd_profile%3AACoAAB)`. This crate reads and writes that syntax
//! correctly, escaping exactly once, with nothing LinkedIn-specific in it and no I/O.
//!
//! - [`Value`] and [`Map`]: the data model (string leaves, lists, ordered maps), with
//!   conversions from and to JSON.
//! - [`Value::encode`], [`encode_str`], [`to_string`]: encoding for a query value, a path
//!   segment or the reduced form, in LinkedIn's web app conventions or rest.li Java's
//!   ([`Encoding`], [`Position`], [`Profile`]). [`to_string`] takes any `Serialize` type.
//! - [`from_str`], [`from_str_path`], [`from_str_reduced`]: decoding with a Rest.li server's
//!   exact errors.
//! - [`Query`]: building and reading whole query strings.
//! - [`Mask`]: the `fields=` projection grammar; [`Decoration`]: Voyager's `decoration=`.
//! - [`Urn`]: `urn:li:<type>:<id>` with tuple and nested keys.
//!
//! Every parser is written with nom, never panics, bounds its nesting, and reports errors with
//! a byte offset and an excerpt of the input ([`Error`]).
//!
//! ```
//! #[derive(serde::Serialize)]
//! struct Variables<'a> { start: u32, query: Query<'a> }
//! #[derive(serde::Serialize)]
//! struct Query<'a> { keywords: &'a str }
//!
//! let text = restli::to_string(&Variables { start: 0, query: Query { keywords: "C++, Rust" } }).unwrap();
//! assert_eq!(text, "(start:0,query:(keywords:C%2B%2B%2C%20Rust))");
//!
//! let back = restli::from_str(&text).unwrap();
//! assert_eq!(back.get("query").and_then(|q| q.get("keywords")).and_then(|k| k.as_str()), Some("C++, Rust"));
//! ```
#![warn(missing_docs)]

mod decode;
mod decoration;
mod encode;
mod error;
mod projection;
mod query;
mod ser;
mod text;
mod urn;
mod value;

pub use decode::{MAX_DEPTH, from_str, from_str_path, from_str_reduced};
pub use decoration::{Decoration, DecorationField};
pub use encode::{Encoding, Position, Profile, encode_str};
pub use error::{Error, Syntax};
pub use projection::{Mask, MaskEntry};
pub use query::{PROJECTION_PARAMS, Query};
pub use ser::{to_string, to_string_with, to_value};
pub use text::Text;
pub use urn::Urn;
pub use value::{Map, Value};

/// The Rust example of the workspace README, run as a doctest so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
