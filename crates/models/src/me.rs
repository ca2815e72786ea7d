//! The logged-in member (`GET /me`).

use serde::{Deserialize, Serialize};

/// The answer of `GET /voyager/api/me`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct MeAnswer {
    /// The numeric member id.
    pub plain_id: Option<u64>,
    /// Whether the member pays for Premium.
    pub premium_subscriber: bool,
    /// Name, headline and URNs.
    pub mini_profile: MiniProfile,
}

/// The short form of a member that many answers embed.
///
/// The names, the public id and the URN are required: a mini profile without them (or with
/// `null`) does not read, rather than naming a member `""`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct MiniProfile {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The headline.
    pub occupation: Option<String>,
    /// The public id of the profile URL (`linkedin.com/in/<public id>`).
    pub public_identifier: String,
    /// `urn:li:fs_miniProfile:<profile id>`.
    pub entity_urn: String,
    /// `urn:li:fsd_profile:<profile id>`, when given.
    pub dash_entity_urn: Option<String>,
    /// `urn:li:member:<member id>`.
    pub object_urn: Option<String>,
}
