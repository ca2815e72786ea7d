//! The logged-in member: found once per client and cached, so that no caller ever passes its
//! own URN or mailbox.

use linkedin_models::me::MeAnswer;
use restli::Urn;
use serde::Serialize;

use crate::client::Linkedin;
use crate::error::{Error, Result};

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
    pub profile_id: String,
    /// The numeric member id.
    pub member_id: Option<u64>,
    /// Whether the member pays for Premium.
    pub premium: bool,
}

impl Me {
    /// `urn:li:fsd_profile:<profile id>`: the member's profile, and its messaging mailbox.
    #[must_use]
    pub fn profile_urn(&self) -> String {
        format!("urn:li:fsd_profile:{}", self.profile_id)
    }
}

impl Linkedin {
    /// The logged-in member (fetched once, then cached).
    ///
    /// Python: `get_user_profile`
    ///
    /// # Errors
    ///
    /// A transport error, or [`Error::Decode`] when the answer is not as expected.
    pub async fn me(&self) -> Result<Me> {
        self.inner
            .me
            .get_or_try_init(|| async {
                let answer: MeAnswer = self.fetch(self.call("me"), "").await?;
                let mini = answer.mini_profile;
                let urn = mini.dash_entity_urn.as_deref().unwrap_or(&mini.entity_urn);
                let profile_id = Urn::parse(urn)
                    .ok()
                    .map(|u| u.id().to_owned())
                    .filter(|id| !id.is_empty() && !id.starts_with('('))
                    .ok_or_else(|| Error::Decode {
                        endpoint: "me",
                        source: linkedin_models::DecodeError {
                            path: "/miniProfile/entityUrn".to_owned(),
                            reason: "not a profile URN".to_owned(),
                            excerpt: urn.to_owned(),
                        },
                    })?;
                Ok(Me {
                    first_name: mini.first_name,
                    last_name: mini.last_name,
                    headline: mini.occupation,
                    public_id: mini.public_identifier,
                    profile_id,
                    member_id: answer.plain_id,
                    premium: answer.premium_subscriber,
                })
            })
            .await
            .cloned()
    }

    /// The logged-in member's `urn:li:fsd_profile:…` (also its messaging mailbox URN).
    ///
    /// Python: none (2.3.1 callers pass `mailbox_urn` themselves)
    ///
    /// # Errors
    ///
    /// As [`me`](Self::me).
    pub async fn my_profile_urn(&self) -> Result<String> {
        Ok(self.me().await?.profile_urn())
    }
}
