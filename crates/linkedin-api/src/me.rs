//! The logged-in member: found once per client and cached, so that no caller ever passes its
//! own URN or mailbox.

use linkedin_catalogue::endpoints;
use linkedin_models::id::ProfileId;
use linkedin_models::me::MeAnswer;

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::view::Me;

impl Linkedin {
    /// The logged-in member (fetched once, then cached).
    ///
    /// Python: `get_user_profile`
    ///
    /// The login's own session check asks `GET /me` already: its answer is used, so the
    /// member costs no request of its own.
    ///
    /// # Errors
    ///
    /// A transport error, or [`Error::Decode`] when the answer names no profile.
    pub async fn me(&self) -> Result<Me> {
        self.inner
            .me
            .get_or_try_init(|| async {
                let checked = self
                    .transport()
                    .verified_answer()
                    .filter(|_| self.transport().verifies_with(&endpoints::ME.full_path()))
                    .and_then(|body| {
                        crate::client::answer(endpoints::ME, &body)
                            .and_then(|answer| crate::client::decode_at(endpoints::ME, &answer, ""))
                            .ok()
                    });
                let answer: MeAnswer = match checked {
                    Some(answer) => answer,
                    None => self.fetch(self.call(endpoints::ME)).await?,
                };
                Me::from_answer(&answer).map_err(|source| Error::Decode {
                    endpoint: endpoints::ME.name,
                    source,
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

    /// The logged-in member's profile id, which also names its mailbox.
    pub(crate) async fn my_profile_id(&self) -> Result<ProfileId> {
        Ok(self.me().await?.profile_id)
    }

    /// What the logged-in account has used and has left: requests in the last hour against
    /// the hourly budget, each action of the last day against its daily limit, and the
    /// circuit breaker. Read from the account's governor state (shared by every process of
    /// the account when a session store is set); sends nothing.
    ///
    /// Python: none (2.3.1 keeps no budget)
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let budget = linkedin.budget().await?;
    /// println!("{} requests in the last hour (cap {:?})", budget.hour_used, budget.hour_limit);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// A transport [`Error::File`](linkedin_transport::Error::File) when the state cannot be
    /// read.
    pub async fn budget(&self) -> Result<linkedin_transport::BudgetReport> {
        Ok(self.transport().budget().await?)
    }
}
