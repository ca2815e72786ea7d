//! search capabilities.

use crate::client::Linkedin;

impl Linkedin {}
