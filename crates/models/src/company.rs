//! Companies and schools: the organization page of `/organization/companies?q=universalName`
//! (catalogue `company`, default encoding; peers.md §c.10), its following state, and its
//! updates (`/feed/updates?q=companyFeedByUniversalName`).

use serde::{Deserialize, Serialize};

use crate::profile::nullable;

/// A company or school page (`com.linkedin.voyager.organization.Company`): a school's page
/// is a company page whose `school` is set.
///
/// `entity_urn` and `name` are required: an answer without them (or with `null`) is a decode
/// error naming the path, never a company with no name. The industries are empty when
/// LinkedIn leaves them out; every other field is an `Option`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Company {
    /// `urn:li:fs_normalized_company:<id>`.
    pub entity_urn: String,
    /// The name.
    pub name: String,
    /// The slug of `linkedin.com/company/<universal name>`.
    pub universal_name: Option<String>,
    /// The tagline.
    pub tagline: Option<String>,
    /// The About text.
    pub description: Option<String>,
    /// The page on LinkedIn.
    pub url: Option<String>,
    /// The company's own website.
    pub company_page_url: Option<String>,
    /// Industries.
    #[serde(default, deserialize_with = "nullable")]
    pub company_industries: Vec<CompanyIndustry>,
    /// Employees on LinkedIn.
    pub staff_count: Option<u64>,
    /// LinkedIn's bucket of the company's size.
    pub staff_count_range: Option<StaffCountRange>,
    /// The headquarters.
    pub headquarter: Option<Address>,
    /// Whether the viewer follows the page, how many do, and the URNs to follow or unfollow
    /// it with.
    pub following_info: Option<FollowingInfo>,
    /// `urn:li:fs_school:<id>` when the page is a school's.
    pub school: Option<String>,
    /// Whether it is a showcase page.
    pub showcase: Option<bool>,
    /// Whether it is a staffing company.
    pub staffing_company: Option<bool>,
}

impl Company {
    /// The numeric id (of `urn:li:company:<id>`, `urn:li:fsd_company:<id>`).
    #[must_use]
    pub fn id(&self) -> Option<u64> {
        self.entity_urn.rsplit(':').next()?.parse().ok()
    }

    /// Whether the page is a school's.
    #[must_use]
    pub fn is_school(&self) -> bool {
        self.school.as_deref().is_some_and(|s| !s.is_empty())
    }

    /// The first industry's name.
    #[must_use]
    pub fn industry(&self) -> Option<&str> {
        self.company_industries
            .iter()
            .find_map(|i| i.localized_name.as_deref())
    }

    /// The URN that following and unfollowing the page takes (`Linkedin::follow_company`):
    /// `followingInfo.dashFollowingStateUrn`.
    #[must_use]
    pub fn following_state_urn(&self) -> Option<&str> {
        self.following_info
            .as_ref()?
            .dash_following_state_urn
            .as_deref()
    }
}

/// An industry of a company page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct CompanyIndustry {
    /// Its name, such as `Software Development`.
    pub localized_name: Option<String>,
}

/// A company size bucket: `start` to `end` employees (no `end` for the largest).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffCountRange {
    /// The least.
    pub start: Option<u64>,
    /// The most.
    pub end: Option<u64>,
}

/// An address (`com.linkedin.common.Address`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Address {
    /// The city.
    pub city: Option<String>,
    /// The state or region.
    pub geographic_area: Option<String>,
    /// The country code.
    pub country: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
    /// The street.
    pub line1: Option<String>,
}

/// Who follows a page (`com.linkedin.voyager.common.FollowingInfo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct FollowingInfo {
    /// `urn:li:fs_followingInfo:<followed entity URN>`: what `unfollow_entity` takes.
    pub entity_urn: Option<String>,
    /// `urn:li:fsd_followingState:urn:li:fsd_company:<id>`: what `follow_company` takes.
    pub dash_following_state_urn: Option<String>,
    /// Whether the viewer follows the page: required (`null` or missing is a decode error,
    /// never read as "not following").
    pub following: bool,
    /// How many follow it.
    pub follower_count: Option<u64>,
}

/// An update on a company page: the same `UpdateV2` as the feed's (who posted it, its text,
/// the activity it is about).
pub type CompanyUpdate = crate::feed::Update;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    #[test]
    fn a_company_page_is_read_with_its_following_info() {
        let c: Company = serde_json::from_value(json!({
            "entityUrn": "urn:li:fs_normalized_company:1337",
            "name": "LinkedIn",
            "companyIndustries": [{"localizedName": "Software Development"}],
            "followingInfo": {"dashFollowingStateUrn": "urn:li:fsd_followingState:urn:li:fsd_company:1337",
                              "following": false, "followerCount": 10},
            "school": null,
            "logo": {"image": {}},
        }))
        .unwrap();
        assert_eq!(c.id(), Some(1337));
        assert!(!c.is_school());
        assert_eq!(c.industry(), Some("Software Development"));
        assert_eq!(
            c.following_state_urn(),
            Some("urn:li:fsd_followingState:urn:li:fsd_company:1337")
        );
        assert!(!c.following_info.unwrap().following);
    }

    /// What the page presents as always there is required: missing, `null` or of another
    /// type is an error naming the field, never `""` or "not following".
    #[test]
    fn a_page_without_its_name_or_following_state_does_not_read() {
        let page = json!({"entityUrn": "urn:li:fs_normalized_company:1", "name": "Acme"});
        assert!(serde_json::from_value::<Company>(page.clone()).is_ok());
        for (key, value) in [
            ("name", None),
            ("name", Some(json!(null))),
            ("name", Some(json!(7))),
            ("entityUrn", None),
        ] {
            let mut bad = page.clone();
            match value {
                Some(v) => bad[key] = v,
                None => {
                    bad.as_object_mut().unwrap().remove(key);
                }
            }
            let e = serde_json::from_value::<Company>(bad).unwrap_err();
            assert!(
                e.to_string().contains(key) || e.to_string().contains("invalid type"),
                "{e}"
            );
        }
        let mut unsure = page;
        unsure["followingInfo"] = json!({"following": null});
        assert!(serde_json::from_value::<Company>(unsure).is_err());
    }
}
