//! Profiles: the dash profile (catalogue `profile`), the sections a `FullProfileWithEntities`
//! projection carries (skills, educations, certifications, languages), the profile components
//! of the experience section, the contact fields of the dash profile, and who viewed my
//! profile (`/identity/wvmpCards`).
//!
//! Where the reference (voyager.md, peers.md) names a field but not its inner shape, the
//! models follow LinkedIn's usual dash conventions and say so on the field.

use serde::{Deserialize, Deserializer, Serialize};

use crate::{Collection, Raw, Text};

/// Reads `null` as the type's default (LinkedIn sends `null` for many absent lists and texts,
/// which `#[serde(default)]` alone does not cover).
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

mod components;
mod sections;
#[cfg(test)]
mod tests;
mod viewers;

pub use components::*;
pub use sections::*;
pub use viewers::*;

// ---------------------------------------------------------------------------------------
// The dash profile
// ---------------------------------------------------------------------------------------

/// A dash profile (`com.linkedin.voyager.dash.identity.profile.Profile`) as the
/// projection of catalogue `profile` gives it (voyager.md §4.3, §6.1(b)): the scalar fields, the
/// industry and geo (resolved from `*industry` and `geoLocation.*geo`), the pictures and the
/// contact fields. It has no positions or educations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Profile {
    /// `urn:li:fsd_profile:<profile id>`.
    #[serde(deserialize_with = "nullable")]
    pub entity_urn: String,
    /// `urn:li:member:<member id>`.
    pub object_urn: Option<String>,
    /// The public id of `linkedin.com/in/<public id>`.
    pub public_identifier: Option<String>,
    /// First name.
    #[serde(deserialize_with = "nullable")]
    pub first_name: String,
    /// Last name.
    #[serde(deserialize_with = "nullable")]
    pub last_name: String,
    /// The line under the name.
    pub headline: Option<String>,
    /// The About section.
    pub summary: Option<String>,
    /// Whether the member pays for Premium.
    pub premium: Option<bool>,
    /// Whether the profile is a memorial.
    pub memorialized: Option<bool>,
    /// LinkedIn's version of the profile (changes when it is edited).
    pub version_tag: Option<String>,
    /// The place shown on the profile, as text.
    pub location_name: Option<String>,
    /// The industry (the `*industry` entity).
    pub industry: Option<Industry>,
    /// `urn:li:fsd_industry:<id>`.
    pub industry_urn: Option<String>,
    /// The geographic location (with its `*geo` entity).
    pub geo_location: Option<ProfileGeoLocation>,
    /// Country and postal code.
    pub location: Option<ProfileLocation>,
    /// The profile photo.
    pub profile_picture: Option<Picture>,
    /// The banner image.
    pub background_picture: Option<Picture>,
    /// The postal address, when the member shares it (contact field; seen as `null` in the
    /// catalogue `profile` capture).
    pub address: Option<String>,
    /// The birthday, when the member shares it (contact field; a key of the catalogue `profile`
    /// capture).
    pub birth_date_on: Option<Date>,
    /// The e-mail address, shown to connections only. Not in the reference's capture: read
    /// under the dash profile's field name (`emailAddress.emailAddress`), LinkedIn's
    /// convention, and absent when LinkedIn leaves it out.
    pub email_address: Option<EmailAddress>,
    /// Phone numbers (dash convention `phoneNumbers[].phoneNumber.number`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub phone_numbers: Vec<PhoneNumber>,
    /// Websites (dash convention `websites[].url`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub websites: Vec<Website>,
    /// Twitter handles (dash convention `twitterHandles[].name`, as `email_address`).
    #[serde(deserialize_with = "nullable")]
    pub twitter_handles: Vec<TwitterHandle>,
}

impl Profile {
    /// The profile id (`ACoAA…`) of [`entity_urn`](Self::entity_urn).
    #[must_use]
    pub fn profile_id(&self) -> Option<&str> {
        self.entity_urn
            .strip_prefix("urn:li:fsd_profile:")
            .filter(|id| !id.is_empty())
    }

    /// The numeric member id of [`object_urn`](Self::object_urn).
    #[must_use]
    pub fn member_id(&self) -> Option<u64> {
        self.object_urn
            .as_deref()?
            .strip_prefix("urn:li:member:")?
            .parse()
            .ok()
    }

    /// The name of the profile's place: the geo's localized name, else `location_name`.
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.geo_location
            .as_ref()
            .and_then(|g| g.geo.as_ref())
            .and_then(|g| g.default_localized_name.as_deref())
            .or(self.location_name.as_deref())
    }

    /// The contact fields of the profile, gathered.
    #[must_use]
    pub fn contact_info(&self) -> ContactInfo {
        ContactInfo {
            email_address: self
                .email_address
                .as_ref()
                .map(|e| e.email_address.clone())
                .filter(|e| !e.is_empty()),
            phone_numbers: self.phone_numbers.clone(),
            websites: self.websites.clone(),
            twitter_handles: self
                .twitter_handles
                .iter()
                .map(|t| t.name.clone())
                .filter(|n| !n.is_empty())
                .collect(),
            address: self.address.clone().filter(|a| !a.is_empty()),
            birth_date: self.birth_date_on.clone(),
        }
    }
}

/// An industry (`com.linkedin.voyager.dash.common.Industry`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Industry {
    /// `urn:li:fsd_industry:<id>`.
    pub entity_urn: Option<String>,
    /// Its name, such as `Software Development`.
    pub name: Option<String>,
}

/// A place (`com.linkedin.voyager.dash.common.Geo`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Geo {
    /// `urn:li:fsd_geo:<id>`.
    pub entity_urn: Option<String>,
    /// Its name, such as `San Francisco Bay Area`.
    pub default_localized_name: Option<String>,
}

/// `geoLocation` of a profile (`…profile.ProfileGeoLocation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileGeoLocation {
    /// The place (the `*geo` entity).
    pub geo: Option<Geo>,
    /// `urn:li:fsd_geo:<id>`.
    pub geo_urn: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
}

/// `location` of a profile (`…profile.ProfileLocation`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileLocation {
    /// A two-letter country code, lower case (`us`).
    pub country_code: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
}

/// A picture (`…profile.PhotoFilterPicture`): an image in several sizes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Picture {
    /// The image.
    pub display_image_reference: Option<ImageReference>,
    /// `urn:li:digitalmediaAsset:…`.
    pub display_image_urn: Option<String>,
}

impl Picture {
    /// The URL of the largest size.
    #[must_use]
    pub fn largest_url(&self) -> Option<String> {
        self.display_image_reference
            .as_ref()?
            .vector_image
            .as_ref()?
            .largest_url()
    }
}

/// An image reference: a vector image.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ImageReference {
    /// The image.
    pub vector_image: Option<VectorImage>,
}

/// An image in several sizes (`com.linkedin.common.VectorImage`): each artifact's URL is
/// `root_url` followed by its path segment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct VectorImage {
    /// The common start of the artifacts' URLs.
    #[serde(deserialize_with = "nullable")]
    pub root_url: String,
    /// The sizes.
    #[serde(deserialize_with = "nullable")]
    pub artifacts: Vec<VectorArtifact>,
}

impl VectorImage {
    /// The URL of the widest artifact.
    #[must_use]
    pub fn largest_url(&self) -> Option<String> {
        let best = self.artifacts.iter().max_by_key(|a| a.width)?;
        Some(format!(
            "{}{}",
            self.root_url, best.file_identifying_url_path_segment
        ))
    }
}

/// One size of a [`VectorImage`] (`com.linkedin.common.VectorArtifact`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct VectorArtifact {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// When the URL stops working (ms since the epoch).
    pub expires_at: Option<i64>,
    /// The end of the URL.
    #[serde(deserialize_with = "nullable")]
    pub file_identifying_url_path_segment: String,
}

/// A date, possibly partial (`com.linkedin.common.Date`): a birthday has no year, a school
/// year no month.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Date {
    /// The year.
    pub year: Option<u16>,
    /// The month, 1 to 12.
    pub month: Option<u8>,
    /// The day of the month.
    pub day: Option<u8>,
}

/// A span of dates (`com.linkedin.common.DateRange`); no `end` means ongoing. LinkedIn
/// writes an ongoing span's end as `null` (capture seq 42), so a `null` end is "ongoing" too
/// (a mutated `null` cannot be told from it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct DateRange {
    /// The start.
    pub start: Option<Date>,
    /// The end.
    pub end: Option<Date>,
}

// ---------------------------------------------------------------------------------------
// Contact info
// ---------------------------------------------------------------------------------------

/// `emailAddress` of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct EmailAddress {
    /// The address.
    pub email_address: String,
}

/// A phone number of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct PhoneNumber {
    /// The number.
    pub phone_number: Option<PhoneNumberValue>,
    /// `MOBILE`, `HOME`, `WORK`…
    #[serde(rename(deserialize = "type"))]
    pub kind: Option<String>,
}

/// The number of a [`PhoneNumber`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct PhoneNumberValue {
    /// The number as the member typed it.
    pub number: String,
}

/// A website of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Website {
    /// The URL.
    pub url: String,
    /// `PERSONAL`, `COMPANY`, `BLOG`, `PORTFOLIO`, `OTHER`…
    pub category: Option<String>,
    /// The member's own label for an `OTHER` website.
    pub label: Option<String>,
}

/// A Twitter handle of a dash profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct TwitterHandle {
    /// The handle, without `@`.
    pub name: String,
}

/// A member's contact info, from the contact fields of the dash profile. What LinkedIn shows
/// depends on the viewer: the e-mail address only to connections, the rest as the member
/// chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactInfo {
    /// The e-mail address.
    pub email_address: Option<String>,
    /// Phone numbers.
    pub phone_numbers: Vec<PhoneNumber>,
    /// Websites.
    pub websites: Vec<Website>,
    /// Twitter handles.
    pub twitter_handles: Vec<String>,
    /// The postal address.
    pub address: Option<String>,
    /// The birthday.
    pub birth_date: Option<Date>,
}

// ---------------------------------------------------------------------------------------
// Everything at once
// ---------------------------------------------------------------------------------------

/// A profile with its experiences, sections and contact info, as one value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FullProfile {
    /// The dash profile (its raw JSON is kept).
    pub profile: Raw<Profile>,
    /// Positions, most recent first.
    pub experiences: Vec<Experience>,
    /// Skills.
    pub skills: Vec<Skill>,
    /// Schools attended.
    pub education: Vec<Education>,
    /// Certifications.
    pub certifications: Vec<Certification>,
    /// Languages.
    pub languages: Vec<Language>,
    /// Contact info.
    pub contact_info: ContactInfo,
}
