//! Companies and schools: their pages by universal name, a company's updates, and following
//! or unfollowing them.

use linkedin_catalogue::endpoints;
use linkedin_models::company::Company;
use linkedin_models::{Collection, Raw};
use restli::Urn;
use serde_json::json;

use crate::client::Linkedin;
use crate::driver::Listing;
use crate::error::{Error, Result, not_found};
use crate::paginate::{Pages, Position};
use crate::settle::Unsettled;
use crate::validate;
use crate::view::Post;

impl Linkedin {
    /// A company's page by its universal name: name, description, industry, size, following.
    ///
    /// Python: `get_company`
    ///
    /// The universal name is the slug of the page's URL: `linkedin` of
    /// `linkedin.com/company/linkedin`.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let company = linkedin.company("linkedin").await?;
    /// let following = company.following_info.as_ref().is_some_and(|f| f.following);
    /// println!("{} (following: {following})", company.name);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed universal name (nothing is sent);
    /// [`Error::NotFound`] when no page has it; [`Error::Decode`]; a transport error.
    pub async fn company(&self, universal_name: &str) -> Result<Raw<Company>> {
        self.organization(universal_name, "company").await
    }

    /// A school's page by its universal name: a company page whose `school` is set.
    ///
    /// Python: `get_school`
    ///
    /// The universal name is the slug of the page's URL: `university-of-queensland` of
    /// `linkedin.com/school/university-of-queensland`.
    ///
    /// # Errors
    ///
    /// As [`company`](Self::company).
    pub async fn school(&self, universal_name: &str) -> Result<Raw<Company>> {
        self.organization(universal_name, "school").await
    }

    async fn organization(&self, universal_name: &str, kind: &str) -> Result<Raw<Company>> {
        let name = validate::universal_name("universal_name", universal_name)?;
        let call = self.call(endpoints::COMPANY).query("universalName", name);
        let found: Collection<Raw<Company>> = self.fetch(call).await?;
        found
            .elements
            .into_iter()
            .next()
            .ok_or_else(|| Error::NotFound {
                what: format!("the {kind} page {name}"),
            })
    }

    /// A company's updates (its posts), newest first, as a stream over pages of 100.
    ///
    /// A [`limit`](Pages::limit) asks only as many as it needs (`limit(20)` asks 20);
    /// [`Pages::page_size`] takes 1 to 100.
    ///
    /// Python: `get_company_updates`
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let updates: Vec<_> = linkedin
    ///     .company_updates("linkedin")
    ///     .limit(20)
    ///     .try_collect()
    ///     .await?;
    /// for post in &updates {
    ///     println!("{}", post.text.as_deref().unwrap_or_default());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// The stream yields [`Error::InvalidInput`] first for a malformed universal name or page
    /// size (nothing is sent); [`Error::NotFound`] for an unknown company;
    /// [`Error::SchemaMoved`] for a page with updates of which none reads; a transport error.
    pub fn company_updates(&self, universal_name: &str) -> Pages<Raw<Post>> {
        match validate::universal_name("universal_name", universal_name) {
            Ok(name) => {
                let call = self
                    .call(endpoints::COMPANY_UPDATES)
                    .query("companyUniversalName", name);
                let source =
                    Listing::new(call, crate::feed::posts).not_found(format!("the company {name}"));
                Pages::driven(self, endpoints::COMPANY_UPDATES, Position::Start(0), source)
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// Follows a company or school page by its universal name, and says what changed.
    ///
    /// Python: none
    ///
    /// Gives the outcome and the page as it was read before the change. (The Python client's
    /// `follow_company` takes the following state, as [`follow`](Self::follow) does.)
    ///
    /// The page is read first (one request): when it is already followed nothing more is
    /// sent and the outcome is [`Following::Unchanged`]; else its following state is set, as
    /// [`follow`](Self::follow) does. A write never retried: when its answer is lost (the
    /// connection broke after it left, a 5xx), the page is read again and its following state
    /// says whether it took effect ([`Error::NotSent`] when it did not,
    /// [`Error::OutcomeUnknown`] when that read fails too).
    ///
    /// ```no_run
    /// use linkedin_api::Following;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let (outcome, page) = linkedin.follow_page("linkedin").await?;
    /// match outcome {
    ///     Following::Changed => println!("now following {}", page.name),
    ///     Following::Unchanged => println!("already following {}", page.name),
    ///     _ => {}
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`company`](Self::company), then as [`follow`](Self::follow); [`Error::NotSent`] and
    /// [`Error::OutcomeUnknown`] after a cut.
    pub async fn follow_page(&self, universal_name: &str) -> Result<(Following, Raw<Company>)> {
        self.set_page_following(universal_name, true).await
    }

    /// Stops following a company or school page by its universal name, and says what changed.
    ///
    /// Python: none
    ///
    /// (The Python client's `unfollow_entity` takes the following info, as
    /// [`unfollow`](Self::unfollow) does.)
    ///
    /// As [`follow_page`](Self::follow_page), the other way: a page not followed sends
    /// nothing more than its read.
    ///
    /// # Errors
    ///
    /// As [`follow_page`](Self::follow_page).
    pub async fn unfollow_page(&self, universal_name: &str) -> Result<(Following, Raw<Company>)> {
        self.set_page_following(universal_name, false).await
    }

    async fn set_page_following(
        &self,
        universal_name: &str,
        follow: bool,
    ) -> Result<(Following, Raw<Company>)> {
        let page = self.organization(universal_name, "page").await?;
        if is_followed(&page) == Some(follow) {
            return Ok((Following::Unchanged, page));
        }
        let Some(state) = page.following_state_urn() else {
            return Err(Error::Decode {
                endpoint: endpoints::COMPANY.name,
                source: linkedin_models::DecodeError {
                    path: "followingInfo.dashFollowingStateUrn".to_owned(),
                    reason: format!(
                        "the page of {} has no following state, so it cannot be followed or unfollowed",
                        page.name
                    ),
                    excerpt: String::new(),
                },
            });
        };
        let state = following_state("entity", state)?;
        let outcome = match self.set_following(&state, follow).await {
            Ok(()) => Ok(Following::Changed),
            Err(e) if e.may_have_been_sent() => {
                let verb = if follow { "following" } else { "unfollowing" };
                Unsettled {
                    what: format!("{verb} the page {universal_name}"),
                    absent: format!(
                        "the page is {}followed",
                        if follow { "still not " } else { "still " }
                    ),
                    look: format!(
                        "look at whether you follow it (`linkedin company show {universal_name}`)"
                    ),
                }
                .settle(e, async {
                    let again = self.organization(universal_name, "page").await?;
                    Ok((is_followed(&again) == Some(follow)).then_some(Following::Changed))
                })
                .await
            }
            Err(e) => Err(e),
        };
        Ok((outcome?, page))
    }

    /// Follows a company or school.
    ///
    /// Python: `follow_company`
    ///
    /// `entity` is the page's following state (`followingInfo.dashFollowingStateUrn`,
    /// [`Company::following_state_urn`], such as
    /// `urn:li:fsd_followingState:urn:li:fsd_company:1337`) or the organization's URN
    /// (`urn:li:company:1337`, `urn:li:fsd_company:1337`, `urn:li:school:…`). Sent as the web
    /// app does, a partial update of the following state. A write: never retried.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let company = linkedin.company("linkedin").await?;
    /// if let Some(urn) = company.following_state_urn() {
    ///     linkedin.follow(urn).await?;
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a URN that names no organization (nothing is sent);
    /// [`Error::NotFound`] for an unknown one; a transport error. When the answer is lost
    /// (the connection broke after the request left, a 5xx), [`Error::OutcomeUnknown`]:
    /// LinkedIn offers no read of a following state by URN, so
    /// [`follow_page`](Self::follow_page), which reads the page back, is the way to a known
    /// outcome.
    #[doc(alias = "follow_company")]
    pub async fn follow(&self, entity: &str) -> Result<()> {
        let state = following_state("entity", entity)?;
        self.set_following(&state, true)
            .await
            .map_err(|e| unknown_following(entity, true, e))
    }

    /// Stops following a company, school or member.
    ///
    /// Python: `unfollow_entity`, `follow_company` (`following=False`)
    ///
    /// `entity` is an organization as [`follow`](Self::follow) takes it, or a member
    /// (`urn:li:member:<id>`, `urn:li:fsd_profile:<id>`), or the followed entity's following
    /// info (`urn:li:fs_followingInfo:<urn>`, a page's `followingInfo.entityUrn`). An
    /// organization goes through its following state, as [`follow`](Self::follow); a member
    /// through LinkedIn's unfollow action, which the reference client sends. Unfollowing what
    /// one does not follow is no error. A write: never retried.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a URN of another kind (nothing is sent);
    /// [`Error::NotFound`] for an unknown entity; a transport error; after a lost answer,
    /// [`Error::OutcomeUnknown`] as for [`follow`](Self::follow) ([`unfollow_page`](Self::unfollow_page)
    /// reads the page back).
    #[doc(alias = "unfollow_entity")]
    pub async fn unfollow(&self, entity: &str) -> Result<()> {
        let urn = validate::urn(
            "entity",
            entity,
            &[
                "fsd_followingState",
                "fs_followingInfo",
                "company",
                "fsd_company",
                "school",
                "fsd_school",
                "member",
                "fsd_profile",
            ],
        )?;
        let followed = match urn.entity_type() {
            "fs_followingInfo" => urn.nested(0).ok_or_else(|| Error::InvalidInput {
                field: "entity",
                reason: format!("{entity:?} holds no followed entity's URN"),
            })?,
            _ => urn.clone(),
        };
        if matches!(followed.entity_type(), "member" | "fsd_profile") {
            let info = Urn::new("fs_followingInfo", followed.as_str()).map_err(|e| {
                Error::InvalidInput {
                    field: "entity",
                    reason: format!("{entity:?} cannot be unfollowed: {e}"),
                }
            })?;
            let call = self
                .call(endpoints::UNFOLLOW_ENTITY)
                .body(json!({"urn": info.as_str()}));
            self.send(call).await.map_err(|e| {
                unknown_following(
                    entity,
                    false,
                    not_found(e, || format!("the followed member {followed}")),
                )
            })?;
            return Ok(());
        }
        let state = following_state("entity", followed.as_str())?;
        self.set_following(&state, false)
            .await
            .map_err(|e| unknown_following(entity, false, e))
    }

    async fn set_following(&self, state: &str, following: bool) -> Result<()> {
        let call = self
            .call(endpoints::FOLLOWING_STATE_SET)
            .path("followingStateUrn", state)
            .body(json!({"patch": {"$set": {"following": following}}}));
        self.send(call)
            .await
            .map_err(|e| not_found(e, || format!("the following state {state}")))?;
        Ok(())
    }
}

/// A follow or unfollow by URN whose answer was lost: LinkedIn offers no read of a following
/// state by its URN, so the outcome is unknown, with the check to run
/// ([`Linkedin::follow_page`] reads the page back instead).
fn unknown_following(entity: &str, following: bool, cause: Error) -> Error {
    if !cause.may_have_been_sent() {
        return cause;
    }
    Error::OutcomeUnknown {
        what: format!("{} {entity}", if following { "following" } else { "unfollowing" }),
        check: "look at whether you follow it on its page (`linkedin company show <name>`; `Linkedin::follow_page` reads it back by itself)".to_owned(),
        cause: Box::new(cause),
        check_error: Box::new(Error::Unsupported {
            capability: "reading a following state back by its URN",
            reason: "LinkedIn's API offers no read of a following state by URN",
        }),
    }
}

/// What following or unfollowing a page changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Following {
    /// LinkedIn took the change (or, after a cut, the page was read back changed).
    Changed,
    /// The page was already as asked: nothing was sent but its read.
    Unchanged,
}

/// Whether the logged-in member follows `page`, when the page says.
fn is_followed(page: &Company) -> Option<bool> {
    page.following_info.as_ref().map(|f| f.following)
}

/// The following state of an organization given by its URN or by the state itself:
/// `urn:li:fsd_followingState:urn:li:fsd_company:<id>`.
fn following_state(field: &'static str, text: &str) -> Result<String> {
    let urn = validate::urn(
        field,
        text,
        &[
            "fsd_followingState",
            "company",
            "fsd_company",
            "school",
            "fsd_school",
        ],
    )?;
    if urn.entity_type() == "fsd_followingState" {
        return match urn.nested(0) {
            Some(_) => Ok(urn.as_str().to_owned()),
            None => Err(Error::InvalidInput {
                field,
                reason: format!(
                    "{text:?} does not hold the followed entity's URN (urn:li:fsd_followingState:urn:li:fsd_company:<id>)"
                ),
            }),
        };
    }
    let id = validate::numeric_id(field, urn.as_str(), &[urn.entity_type()])?;
    Ok(format!("urn:li:fsd_followingState:urn:li:fsd_company:{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizations_are_followed_through_their_following_state() {
        let state = "urn:li:fsd_followingState:urn:li:fsd_company:1337";
        for given in [
            state,
            "urn:li:company:1337",
            "urn:li:fsd_company:1337",
            "urn:li:school:1337",
        ] {
            assert_eq!(
                following_state("e", given).ok().as_deref(),
                Some(state),
                "{given}"
            );
        }
        for bad in [
            "urn:li:fsd_followingState:1337",
            "urn:li:company:linkedin",
            "urn:li:member:1",
            "linkedin",
        ] {
            assert!(following_state("e", bad).is_err(), "{bad}");
        }
    }
}
