//! Companies and schools: their pages by universal name, a company's updates, and following
//! or unfollowing them.

use linkedin_models::company::{Company, CompanyUpdate};
use linkedin_models::{Collection, Raw};
use serde_json::json;

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::paginate::{Page, Pages, Position, recognised};
use crate::profile::not_found;
use crate::validate;

/// The page size of [`Linkedin::company_updates`]: the reference client's, and the most the
/// endpoint takes (catalogue `company_updates`, `max_count`).
const UPDATES_PAGE: u32 = 100;

/// What a company update needs to be recognised: its URN.
fn readable(update: &CompanyUpdate) -> bool {
    update.entity_urn.as_deref().is_some_and(|u| !u.is_empty())
}

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
        let call = self.call("company").query("universalName", name);
        let found: Collection<Raw<Company>> = self.fetch(call, "").await?;
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
    /// Python: `get_company_updates`
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let updates: Vec<_> = linkedin.company_updates("linkedin").limit(20).try_collect().await?;
    /// for update in &updates {
    ///     println!("{}", update.text().unwrap_or_default());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// The stream yields [`Error::InvalidInput`] first for a malformed universal name
    /// (nothing is sent); [`Error::NotFound`] for an unknown company;
    /// [`Error::SchemaMoved`] for a page with updates of which none reads; a transport error.
    pub fn company_updates(&self, universal_name: &str) -> Pages<CompanyUpdate> {
        self.company_updates_paged(universal_name, UPDATES_PAGE)
    }

    /// A company's updates, newest first, as a stream over pages of `page_size` (1 to 100).
    ///
    /// Python: `get_company_updates`
    ///
    /// As [`company_updates`](Self::company_updates); smaller pages fetch less when only a
    /// few updates are wanted.
    ///
    /// # Errors
    ///
    /// As [`company_updates`](Self::company_updates); a page size out of range is
    /// [`Error::InvalidInput`] (nothing is sent).
    pub fn company_updates_paged(
        &self,
        universal_name: &str,
        page_size: u32,
    ) -> Pages<CompanyUpdate> {
        let checked = check_updates(universal_name, page_size);
        self.paginate(Position::Start(0), move |li, at| {
            let checked = checked.clone();
            async move {
                let name =
                    checked.map_err(|(field, reason)| Error::InvalidInput { field, reason })?;
                let Position::Start(start) = at else {
                    return Err(Error::Internal {
                        reason: format!("company updates page by offset, not at {at:?}"),
                    });
                };
                let call = li
                    .call("company_updates")
                    .query("companyUniversalName", name.as_str())
                    .query("count", page_size)
                    .query("start", start);
                let page: Collection<CompanyUpdate> = li
                    .fetch(call, "")
                    .await
                    .map_err(|e| not_found(e, || format!("the company {name}")))?;
                let raw = page.elements.len();
                let total = page.paging.as_ref().and_then(|p| p.total);
                let items: Vec<CompanyUpdate> =
                    page.elements.into_iter().filter(readable).collect();
                // Past the end a page is empty while `total` stays positive: only a page that
                // should hold updates can tell drift from the end.
                let expected = total.filter(|&t| u64::from(start) < t);
                let items = recognised("company_updates", expected, raw, items)?;
                let after = start.saturating_add(u32::try_from(raw).unwrap_or(u32::MAX));
                let more = match total {
                    Some(total) => u64::from(after) < total,
                    None => raw >= page_size as usize,
                };
                Ok(Page {
                    items,
                    next: (more && raw > 0).then_some(Position::Start(after)),
                })
            }
        })
    }

    /// Follows or unfollows a company (or school) through its following state.
    ///
    /// Python: `follow_company`
    ///
    /// `following_state_urn` is the page's `followingInfo.dashFollowingStateUrn`
    /// ([`Company::following_state_urn`]), such as
    /// `urn:li:fsd_followingState:urn:li:fsd_company:1337`. A write: never retried.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let company = linkedin.company("linkedin").await?;
    /// if let Some(urn) = company.following_state_urn() {
    ///     linkedin.follow_company(urn, true).await?;
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a URN that is not a following state of an entity
    /// (nothing is sent); [`Error::NotFound`] for an unknown company; a transport error.
    pub async fn follow_company(&self, following_state_urn: &str, following: bool) -> Result<()> {
        let urn = validate::urn(
            "following_state_urn",
            following_state_urn,
            &["fsd_followingState"],
        )?;
        if urn.nested(0).is_none() {
            return Err(Error::InvalidInput {
                field: "following_state_urn",
                reason: format!(
                    "{following_state_urn:?} does not hold the followed entity's URN (urn:li:fsd_followingState:urn:li:fsd_company:<id>)"
                ),
            });
        }
        let call = self
            .call("following_state_set")
            .path("followingStateUrn", urn.as_str())
            .body(json!({"patch": {"$set": {"following": following}}}));
        self.send(call)
            .await
            .map_err(|e| not_found(e, || format!("the following state {urn}")))?;
        Ok(())
    }

    /// Stops following an entity: a company, school or member.
    ///
    /// Python: `unfollow_entity`
    ///
    /// `entity_urn` is the followed entity's URN (`urn:li:company:1337`,
    /// `urn:li:member:<id>`, `urn:li:fsd_profile:<id>`…) or its following info
    /// (`urn:li:fs_followingInfo:urn:li:company:1337`, a page's `followingInfo.entityUrn`); the
    /// request names the following info, which the reference client built by prefixing
    /// whatever it was given. Unfollowing what one does not follow is no error. A write:
    /// never retried.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a URN of another kind (nothing is sent);
    /// [`Error::NotFound`] for an unknown entity; a transport error.
    pub async fn unfollow_entity(&self, entity_urn: &str) -> Result<()> {
        let urn = validate::urn(
            "entity_urn",
            entity_urn,
            &[
                "fs_followingInfo",
                "company",
                "fsd_company",
                "school",
                "fsd_school",
                "member",
                "fsd_profile",
            ],
        )?;
        let following_info = if urn.entity_type() == "fs_followingInfo" {
            urn
        } else {
            restli::Urn::new("fs_followingInfo", urn.as_str()).map_err(|e| Error::InvalidInput {
                field: "entity_urn",
                reason: format!("{entity_urn:?} cannot be followed: {e}"),
            })?
        };
        let call = self
            .call("unfollow_entity")
            .body(json!({"urn": following_info.as_str()}));
        self.send(call)
            .await
            .map_err(|e| not_found(e, || format!("the followed entity {following_info}")))?;
        Ok(())
    }
}

/// The universal name and page size of a company's updates, checked; the error's field and
/// reason otherwise (kept apart so that every page fetch can report it).
fn check_updates(
    universal_name: &str,
    page_size: u32,
) -> std::result::Result<String, (&'static str, String)> {
    let name = validate::universal_name("universal_name", universal_name).map_err(|e| match e {
        Error::InvalidInput { field, reason } => (field, reason),
        other => ("universal_name", other.to_string()),
    })?;
    if !(1..=UPDATES_PAGE).contains(&page_size) {
        return Err((
            "page_size",
            format!("{page_size} updates a page; LinkedIn takes 1 to {UPDATES_PAGE}"),
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn universal_names_and_page_sizes_are_checked() {
        assert_eq!(check_updates(" linkedin ", 10), Ok("linkedin".to_owned()));
        assert!(check_updates("university-of-queensland", 100).is_ok());
        assert_eq!(
            check_updates("a", 10).map_err(|e| e.0),
            Err("universal_name")
        );
        assert_eq!(
            check_updates("has space", 10).map_err(|e| e.0),
            Err("universal_name")
        );
        assert_eq!(
            check_updates("x/../y", 10).map_err(|e| e.0),
            Err("universal_name")
        );
        assert_eq!(
            check_updates("linkedin", 0).map_err(|e| e.0),
            Err("page_size")
        );
        assert_eq!(
            check_updates("linkedin", 101).map_err(|e| e.0),
            Err("page_size")
        );
    }
}
