//! The logged-in member.

use serde::Serialize;

use crate::DecodeError;
use crate::id::ProfileId;
use crate::me::MeAnswer;

/// The logged-in member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Me {
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The headline.
    pub headline: Option<String>,
    /// The public id (`linkedin.com/in/<public id>`).
    pub public_id: String,
    /// The profile id (`ACoAA...`).
    pub profile_id: ProfileId,
    /// The numeric member id.
    pub member_id: Option<u64>,
    /// Whether the member pays for Premium.
    pub premium: bool,
}

impl Me {
    /// The member of `GET /me`.
    ///
    /// # Errors
    ///
    /// [`DecodeError`] when its mini profile names no profile: everything the client does
    /// for the member (its mailbox, its posts) needs that id.
    pub fn from_answer(answer: &MeAnswer) -> Result<Self, DecodeError> {
        let mini = &answer.mini_profile;
        let urn = mini.dash_entity_urn.as_deref().unwrap_or(&mini.entity_urn);
        let profile_id = ProfileId::parse(urn).map_err(|e| DecodeError {
            path: "/miniProfile/entityUrn".to_owned(),
            reason: format!("not a profile URN: {e}"),
            excerpt: urn.chars().take(160).collect(),
        })?;
        Ok(Self {
            first_name: mini.first_name.clone(),
            last_name: mini.last_name.clone(),
            headline: mini.occupation.clone(),
            public_id: mini.public_identifier.clone(),
            profile_id,
            member_id: answer.plain_id,
            premium: answer.premium_subscriber,
        })
    }

    /// `urn:li:fsd_profile:<profile id>`: the member's profile, and its messaging mailbox.
    #[must_use]
    pub fn profile_urn(&self) -> String {
        self.profile_id.urn()
    }
}
