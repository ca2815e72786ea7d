//! Profiles: a public id resolved to its profile URN, the dash profile, its experiences, its
//! sections (skills, education, certifications, languages), contact info, all of it at once,
//! who viewed my profile, and the parts of the retired `/identity/profiles/*` family that
//! have no replacement.
//!
//! Every method takes the member as a public id (`bill-gates`, from `linkedin.com/in/<id>`), a
//! profile id (`ACoAA…`) or a profile URN (`urn:li:fsd_profile:ACoAA…`). A public id costs one
//! more request (the resolution, [`Linkedin::resolve_public_id`]) where the endpoint needs the
//! profile URN.

use linkedin_models::profile::{
    Certification, ContactInfo, Education, Experience, FullProfile, Language, PositionGroup,
    Profile, ProfileComponents, ProfileViews, Skill, WvmpCards,
};
use linkedin_models::{Collection, DecodeError, Raw};
use restli::Urn;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::paginate::recognised;
use crate::validate;

/// The projection of the `memberIdentity` finder used to resolve a public id: the smallest
/// one seen, the top card (voyager.md §4.2: `WebTopCardCore-{n}`, n from 1 to 22 as of
/// 2024-03-08, answering `elements[0].{publicIdentifier, entityUrn, objectUrn}`). The
/// catalogue entry `profile_dash_by_vanity` takes its projection from the caller, as no
/// current one is known for sure.
const TOP_CARD_DECORATION: &str =
    "com.linkedin.voyager.dash.deco.identity.profile.WebTopCardCore-16";

/// The projection of the `memberIdentity` finder that carries a profile's sections
/// (`*profileSkills`, `*profileEducations`, `*profileCertifications`, `*profileLanguages`;
/// peers.md §c.11): `FullProfileWithEntities-93`, the suffix 2025 scripts use (`-35` answers
/// 400 since 2022; `-57` and `-67` were used since).
const SECTIONS_DECORATION: &str =
    "com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-93";

/// Who a profile method is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Member {
    /// A public id, still to resolve where a URN is needed.
    PublicId(String),
    /// A profile id (`ACoAA…`).
    ProfileId(String),
}

impl Member {
    /// A public id, a profile id or a profile URN, checked.
    fn parse(field: &'static str, who: &str) -> Result<Self> {
        let who = who.trim();
        if who.starts_with("urn:") || who.starts_with("ACoAA") {
            Ok(Self::ProfileId(validate::profile_id(field, who)?))
        } else {
            Ok(Self::PublicId(validate::public_id(field, who)?.to_owned()))
        }
    }

    /// What the `memberIdentity` finder takes: either.
    fn identity(&self) -> &str {
        match self {
            Self::PublicId(id) | Self::ProfileId(id) => id,
        }
    }

    /// [`Error::NotFound`] for this member.
    fn not_found(&self) -> Error {
        Error::NotFound {
            what: format!("the profile {}", self.identity()),
        }
    }
}

/// `urn:li:fsd_profile:<profile id>`.
fn profile_urn(profile_id: &str) -> Result<Urn> {
    Urn::new("fsd_profile", profile_id).map_err(|e| Error::Internal {
        reason: format!("a checked profile id {profile_id:?} made no URN: {e}"),
    })
}

/// A 404 of the transport as [`Error::NotFound`] naming `what`; other errors as they are.
pub(crate) fn not_found(error: Error, what: impl FnOnce() -> String) -> Error {
    match error {
        Error::Transport(linkedin_transport::Error::Status { code: 404, .. }) => {
            Error::NotFound { what: what() }
        }
        other => other,
    }
}

/// Whether resolving a public id should try the profile page after the finder failed with
/// `error`: yes when the finder itself is at fault (its projection rotated: a 4xx or 5xx
/// status, an answer that does not read), no when the session or the network is (the page
/// would fail the same way, and a challenge must not be pushed on).
fn page_may_help(error: &Error) -> bool {
    match error {
        Error::Decode { .. } | Error::SchemaMoved { .. } | Error::Gone { .. } => true,
        Error::Transport(linkedin_transport::Error::Status { code, .. }) => {
            *code != 429 && *code != 999
        }
        _ => false,
    }
}

/// How many resolved public ids a client remembers.
const RESOLVED_KEPT: usize = 10_000;

impl Linkedin {
    /// Resolves a public id (`linkedin.com/in/<id>`) to its profile URN `urn:li:fsd_profile:…`.
    ///
    /// Python: `_resolve_public_id_to_urn`
    ///
    /// The URN never changes for a member: the client remembers it (up to
    /// 10,000 public ids), so later calls with the same public id need no request for it.
    ///
    /// The cheapest way first: the dash `memberIdentity` finder with the top-card projection
    /// (catalogue `profile_dash_by_vanity`); when LinkedIn refuses that projection or its
    /// answer does not read (LinkedIn rotates projections), or it finds nobody, the profile
    /// page `/in/<public id>/`, whose `<code>` blocks hold the profile as normalized JSON
    /// (catalogue `profile_page`, the fork's method).
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let urn = linkedin.resolve_public_id("demo-member").await?;
    /// assert!(urn.starts_with("urn:li:fsd_profile:"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed public id (nothing is sent);
    /// [`Error::NotFound`] when no member has it; [`Error::Decode`] when the page holds no
    /// profile URN; a transport error (an expired session redirects the page to the authwall:
    /// [`linkedin_transport::Error::Redirected`]).
    pub async fn resolve_public_id(&self, public_id: &str) -> Result<String> {
        let public_id = validate::public_id("public_id", public_id)?;
        let id = self.resolve_profile_id(public_id).await?;
        Ok(profile_urn(&id)?.into())
    }

    /// The profile id of a public id: remembered from an earlier call, else the finder, then
    /// the page.
    async fn resolve_profile_id(&self, public_id: &str) -> Result<String> {
        if let Some(id) = self.resolved_lock().get(&public_id.to_lowercase()) {
            return Ok(id.clone());
        }
        let id = match self.resolve_by_finder(public_id).await {
            Ok(Some(id)) => id,
            Ok(None) => self.resolve_by_page(public_id).await?,
            Err(e) if page_may_help(&e) => {
                tracing::debug!(error = %e, "the profile finder failed; reading the profile page");
                self.resolve_by_page(public_id).await?
            }
            Err(e) => return Err(e),
        };
        self.remember(public_id, &id);
        Ok(id)
    }

    /// Remembers the profile id of a public id.
    fn remember(&self, public_id: &str, profile_id: &str) {
        let mut cache = self.resolved_lock();
        // Bounded: a long-running client looking up many members keeps the latest ones.
        if cache.len() >= RESOLVED_KEPT {
            cache.clear();
        }
        cache.insert(public_id.to_lowercase(), profile_id.to_owned());
    }

    fn resolved_lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, String>> {
        self.inner
            .resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The finder with the top-card projection: the profile id, `None` when it finds nobody.
    async fn resolve_by_finder(&self, public_id: &str) -> Result<Option<String>> {
        let call = self
            .call("profile_dash_by_vanity")
            .query("memberIdentity", public_id)
            .query("decorationId", TOP_CARD_DECORATION);
        let found: Collection<Profile> = self.fetch(call, "").await?;
        let raw = found.elements.len();
        // The member the finder gives is the one asked for, even when its public id differs
        // (an old public id of a member who changed it).
        let ids: Vec<String> = found
            .elements
            .iter()
            .filter_map(|p| p.profile_id().map(str::to_owned))
            .collect();
        let ids = recognised("profile_dash_by_vanity", None, raw, ids)?;
        Ok(ids.into_iter().next())
    }

    /// The profile page's `<code>` blocks: the profile id.
    async fn resolve_by_page(&self, public_id: &str) -> Result<String> {
        let call = self.call("profile_page").path("vanity", public_id);
        let html = self
            .send(call)
            .await
            .map_err(|e| not_found(e, || format!("the profile {public_id}")))?;
        let html = String::from_utf8_lossy(&html);
        profile_id_in_page(&html, public_id).ok_or_else(|| Error::Decode {
            endpoint: "profile_page",
            source: DecodeError {
                path: "<code> blocks".to_owned(),
                reason: format!("no urn:li:fsd_profile: for {public_id:?} in the page"),
                excerpt: html.chars().take(160).collect(),
            },
        })
    }

    /// The profile id of a member, resolving a public id.
    async fn profile_id_of(&self, member: &Member) -> Result<String> {
        match member {
            Member::ProfileId(id) => Ok(id.clone()),
            Member::PublicId(public_id) => self.resolve_profile_id(public_id).await,
        }
    }

    /// A member's dash profile: name, headline, About, place, industry, pictures, contact.
    ///
    /// Python: `get_profile_v2`, `get_profile`
    ///
    /// The dash profile is the `FullProfile-76` projection.
    ///
    /// The reference client's `get_profile` read `/identity/profiles/{id}/profileView`, which
    /// LinkedIn retired (410; catalogue `profile_view`, gone, replaced by `profile`); this
    /// reads the dash profile instead, which has no positions or educations: see
    /// [`profile_experiences`](Self::profile_experiences), the section methods, or
    /// [`full_profile`](Self::full_profile) for everything at once. The raw JSON (45 and more
    /// keys) stays reachable with [`Raw::raw`].
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let profile = linkedin.profile("demo-member").await?;
    /// println!("{} {}: {}", profile.first_name, profile.last_name, profile.headline.as_deref().unwrap_or(""));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`];
    /// [`Error::Decode`]; a transport error.
    pub async fn profile(&self, who: &str) -> Result<Raw<Profile>> {
        let member = Member::parse("who", who)?;
        let id = self.profile_id_of(&member).await?;
        self.dash_profile(&id).await
    }

    async fn dash_profile(&self, profile_id: &str) -> Result<Raw<Profile>> {
        let urn = profile_urn(profile_id)?;
        let call = self.call("profile").path("profileUrn", urn.as_str());
        self.fetch(call, "")
            .await
            .map_err(|e| not_found(e, || format!("the profile {urn}")))
    }

    /// A member's positions, most recent first, grouped positions flattened.
    ///
    /// Python: `get_profile_experiences`
    ///
    /// Read from the profile components of the experience section.
    ///
    /// All positions, not the first five the retired `profileView` gave. Dates and durations
    /// are LinkedIn's display texts (`Jan 2020`, `Present`, `2 yrs 3 mos`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`]
    /// for an unknown public id; [`Error::SchemaMoved`] when the section has items but none
    /// reads as a position; [`Error::Decode`]; a transport error.
    pub async fn profile_experiences(&self, who: &str) -> Result<Vec<Experience>> {
        let member = Member::parse("who", who)?;
        let id = self.profile_id_of(&member).await?;
        self.experiences_of(&id).await
    }

    async fn experiences_of(&self, profile_id: &str) -> Result<Vec<Experience>> {
        let urn = profile_urn(profile_id)?;
        let call = self
            .call("profile_experiences")
            .var("profileUrn", urn.as_str());
        let components: ProfileComponents = self
            .fetch(call, "/data/identityDashProfileComponentsBySectionType")
            .await?;
        recognised(
            "profile_experiences",
            None,
            components.item_count(),
            components.experiences(),
        )
    }

    /// A member's profile with its sections (`FullProfileWithEntities`), by public id or
    /// profile id (the finder takes either), as JSON: each method reads only the section it
    /// needs, so one section LinkedIn changed does not break the others.
    async fn sections(&self, member: &Member) -> Result<Value> {
        self.sections_answer(member)
            .await?
            .ok_or_else(|| member.not_found())
    }

    /// A member's skills (the profile's `*profileSkills` section).
    ///
    /// Python: `get_profile_skills`
    ///
    /// The reference client read `/identity/profiles/{id}/skills`, which LinkedIn retired
    /// (410; catalogue `profile_skills`, gone, no replacement named by the sources). This reads
    /// the section from the dash finder's `FullProfileWithEntities` projection (peers.md
    /// §c.11), whose skill entities follow LinkedIn's convention (`name`); it holds the skills
    /// the projection embeds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`];
    /// [`Error::Decode`] when the answer has no skills section (the projection changed);
    /// [`Error::SchemaMoved`] when it has skills but none reads; a transport error.
    pub async fn profile_skills(&self, who: &str) -> Result<Vec<Skill>> {
        let member = Member::parse("who", who)?;
        skills_of(&self.sections(&member).await?)
    }

    /// The schools a member attended (the profile's `*profileEducations` section).
    ///
    /// Python: none (the `education` part of 2.3.1's `get_profile`)
    ///
    /// Read as [`profile_skills`](Self::profile_skills) reads skills.
    ///
    /// # Errors
    ///
    /// As [`profile_skills`](Self::profile_skills).
    pub async fn profile_education(&self, who: &str) -> Result<Vec<Education>> {
        let member = Member::parse("who", who)?;
        education_of(&self.sections(&member).await?)
    }

    /// A member's certifications (the profile's `*profileCertifications` section).
    ///
    /// Python: none (the `certifications` part of 2.3.1's `get_profile`)
    ///
    /// Read as [`profile_skills`](Self::profile_skills) reads skills.
    ///
    /// # Errors
    ///
    /// As [`profile_skills`](Self::profile_skills).
    pub async fn profile_certifications(&self, who: &str) -> Result<Vec<Certification>> {
        let member = Member::parse("who", who)?;
        certifications_of(&self.sections(&member).await?)
    }

    /// The languages a member speaks (the profile's `*profileLanguages` section).
    ///
    /// Python: none (the `languages` part of 2.3.1's `get_profile`)
    ///
    /// Read as [`profile_skills`](Self::profile_skills) reads skills.
    ///
    /// # Errors
    ///
    /// As [`profile_skills`](Self::profile_skills).
    pub async fn profile_languages(&self, who: &str) -> Result<Vec<Language>> {
        let member = Member::parse("who", who)?;
        languages_of(&self.sections(&member).await?)
    }

    /// A member's contact info: e-mail, phones, websites, Twitter, address, birthday.
    ///
    /// Python: `get_profile_contact_info`
    ///
    /// As far as the member shares them with the viewer (the e-mail with connections only).
    ///
    /// The reference client read `/identity/profiles/{id}/profileContactInfo`, which LinkedIn
    /// retired (410; catalogue `profile_contact_info`, gone, no replacement named by the
    /// sources). This reads the contact fields of the dash profile (`FullProfile-76`):
    /// `address` and `birthDateOn` are keys of the reference's capture; the e-mail address,
    /// phones, websites and Twitter handles are read under the dash profile's field names
    /// (LinkedIn's convention) and are empty when LinkedIn leaves them out.
    ///
    /// # Errors
    ///
    /// As [`profile`](Self::profile).
    pub async fn profile_contact_info(&self, who: &str) -> Result<ContactInfo> {
        Ok(self.profile(who).await?.contact_info())
    }

    /// A member's profile with positions, sections and contact info, in one request.
    ///
    /// Python: `get_profile` (2.3.1's answer had all of these parts)
    ///
    /// Positions, skills, education, certifications, languages and contact info all come from
    /// the `memberIdentity` finder's `FullProfileWithEntities` projection (peers.md §c.11),
    /// which takes a public id as well as a profile id: one round trip, with no resolution
    /// first (the 2.3.1 client made five requests). Positions are read from its
    /// `*profilePositionGroups` section in the shape
    /// [`profile_experiences`](Self::profile_experiences) gives. When the finder does not
    /// know a public id, the public id is resolved as
    /// [`resolve_public_id`](Self::resolve_public_id) does (the profile page) and the finder
    /// asked again by profile id. A public id it finds is remembered like a resolved one.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let full = linkedin.full_profile("demo-member").await?;
    /// for position in &full.experiences {
    ///     println!("{:?} at {:?}", position.title, position.company_name);
    /// }
    /// println!("{} skills", full.skills.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`];
    /// [`Error::Decode`] when the answer lacks the profile or a section (the projection
    /// changed); [`Error::SchemaMoved`] when a section has items but none reads; a transport
    /// error.
    pub async fn full_profile(&self, who: &str) -> Result<FullProfile> {
        let member = Member::parse("who", who)?;
        // A projection LinkedIn refuses fails the same way by profile id: only a public id
        // the finder does not know is worth resolving by other means.
        let element = match (&member, self.sections_answer(&member).await?) {
            (_, Some(element)) => element,
            (Member::PublicId(public_id), None) => self.sections_by_resolving(public_id).await?,
            (Member::ProfileId(_), None) => return Err(member.not_found()),
        };
        let profile: Raw<Profile> =
            linkedin_models::extract(&element, "").map_err(|source| Error::Decode {
                endpoint: "profile_dash_by_vanity",
                source,
            })?;
        if let Member::PublicId(public_id) = &member
            && let Ok(urn) = Urn::parse(&profile.entity_urn)
            && urn.entity_type() == "fsd_profile"
        {
            self.remember(public_id, urn.id());
        }
        let contact_info = profile.contact_info();
        Ok(FullProfile {
            experiences: positions_of(&element)?,
            skills: skills_of(&element)?,
            education: education_of(&element)?,
            certifications: certifications_of(&element)?,
            languages: languages_of(&element)?,
            contact_info,
            profile,
        })
    }

    /// The one profile of the sections finder for `member`, as JSON; `None` when it finds
    /// nobody.
    async fn sections_answer(&self, member: &Member) -> Result<Option<Value>> {
        let call = self
            .call("profile_dash_by_vanity")
            .query("memberIdentity", member.identity())
            .query("decorationId", SECTIONS_DECORATION);
        let mut answer = self.fetch_json(call).await?;
        Ok(answer.pointer_mut("/elements/0").map(Value::take))
    }

    /// [`sections_answer`](Self::sections_answer) by the profile id a public id resolves to.
    async fn sections_by_resolving(&self, public_id: &str) -> Result<Value> {
        let id = Member::ProfileId(self.resolve_profile_id(public_id).await?);
        self.sections_answer(&id)
            .await?
            .ok_or_else(|| id.not_found())
    }

    /// How many times my profile was viewed (LinkedIn counts the last 90 days).
    ///
    /// Python: `get_current_profile_views`
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the answer has no viewers summary; a transport error.
    pub async fn current_profile_views(&self) -> Result<ProfileViews> {
        let cards: WvmpCards = self.fetch(self.call("who_viewed_me"), "").await?;
        let num_views = cards.num_views().ok_or_else(|| Error::Decode {
            endpoint: "who_viewed_me",
            source: DecodeError {
                path: "/elements/0/value/…WvmpViewersCard/insightCards/0/value/…WvmpSummaryInsightCard/numViews"
                    .to_owned(),
                reason: "missing from the answer".to_owned(),
                excerpt: String::new(),
            },
        })?;
        Ok(ProfileViews { num_views })
    }

    /// A member's network info: connections and followers counts, distance, following.
    ///
    /// Python: `get_profile_network_info`
    ///
    /// LinkedIn retired the endpoint (`/identity/profiles/{id}/networkinfo`, 410; catalogue
    /// `profile_network_info`), and neither the sources nor the dash profile's projections
    /// carry these counts, so this answers [`Error::Gone`] without sending anything. It is
    /// kept so that code moving from the reference client finds where the capability went.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member; [`Error::Gone`] (no replacement).
    pub async fn profile_network_info(&self, who: &str) -> Result<Value> {
        self.retired("profile_network_info", who).await
    }

    /// A member's badges (premium, influencer, open link…).
    ///
    /// Python: `get_profile_member_badges`
    ///
    /// LinkedIn retired the endpoint (`/identity/profiles/{id}/memberBadges`, same family as
    /// the 410s; catalogue `profile_member_badges`), and the sources name no replacement, so
    /// this answers [`Error::Gone`] without sending anything.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member; [`Error::Gone`] (no replacement).
    pub async fn profile_member_badges(&self, who: &str) -> Result<Value> {
        self.retired("profile_member_badges", who).await
    }

    /// A member's privacy settings.
    ///
    /// Python: `get_profile_privacy_settings`
    ///
    /// LinkedIn retired the endpoint (`/identity/profiles/{id}/privacySettings`, same family
    /// as the 410s; catalogue `profile_privacy_settings`). The GraphQL profile by public id
    /// includes a `PrivacySettings` entity, but the sources do not record its fields, so this
    /// answers [`Error::Gone`] without sending anything.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member; [`Error::Gone`] (no replacement).
    pub async fn profile_privacy_settings(&self, who: &str) -> Result<Value> {
        self.retired("profile_privacy_settings", who).await
    }

    /// A request to one of the retired `/identity/profiles/{id}/…` entries: the catalogue
    /// marks them gone, so `send` answers [`Error::Gone`] before anything leaves.
    async fn retired(&self, endpoint: &'static str, who: &str) -> Result<Value> {
        let member = Member::parse("who", who)?;
        let call = self.call(endpoint).path("id", member.identity());
        self.fetch(call, "").await
    }
}

/// The section `name` of a profile read through `FullProfileWithEntities`:
/// [`Error::Decode`] when it is missing (the projection changed) or does not read.
fn section<T: DeserializeOwned>(profile: &Value, name: &'static str) -> Result<Collection<T>> {
    let pointer = format!("/{name}");
    let read = if profile.get(name).is_none() {
        Err(DecodeError {
            path: pointer,
            reason: "missing from the answer: the projection no longer carries this section"
                .to_owned(),
            excerpt: String::new(),
        })
    } else {
        linkedin_models::extract(profile, &pointer)
    };
    // Paths as in the answer, whose one element is this profile.
    read.map_err(|e| Error::Decode {
        endpoint: "profile_dash_by_vanity",
        source: DecodeError {
            path: format!("/elements/0{}", e.path),
            ..e
        },
    })
}

/// The items of a section, or [`Error::SchemaMoved`] when it has items of which none reads
/// (`keep` says which read).
fn section_items<T: DeserializeOwned>(
    profile: &Value,
    name: &'static str,
    keep: impl Fn(&T) -> bool,
) -> Result<Vec<T>> {
    let section = section::<T>(profile, name)?;
    let raw = section.elements.len();
    let total = section.paging.as_ref().and_then(|p| p.total);
    let items = section.elements.into_iter().filter(|i| keep(i)).collect();
    recognised("profile_dash_by_vanity", total, raw, items)
}

/// The positions of the `*profilePositionGroups` section.
fn positions_of(profile: &Value) -> Result<Vec<Experience>> {
    let groups = section::<PositionGroup>(profile, "profilePositionGroups")?.elements;
    let items = PositionGroup::experiences(&groups)
        .into_iter()
        .filter(|e| e.title.is_some() || e.company_name.is_some())
        .collect();
    recognised(
        "profile_dash_by_vanity",
        None,
        PositionGroup::item_count(&groups),
        items,
    )
}

fn skills_of(profile: &Value) -> Result<Vec<Skill>> {
    section_items(profile, "profileSkills", |s: &Skill| !s.name.is_empty())
}

fn education_of(profile: &Value) -> Result<Vec<Education>> {
    section_items(profile, "profileEducations", |e: &Education| {
        e.school_name.is_some() || e.school_urn.is_some() || e.degree_name.is_some()
    })
}

fn certifications_of(profile: &Value) -> Result<Vec<Certification>> {
    section_items(profile, "profileCertifications", |c: &Certification| {
        !c.name.is_empty()
    })
}

fn languages_of(profile: &Value) -> Result<Vec<Language>> {
    section_items(profile, "profileLanguages", |l: &Language| {
        !l.name.is_empty()
    })
}

// ---------------------------------------------------------------------------------------
// The profile page
// ---------------------------------------------------------------------------------------

/// The profile id of `public_id` in a profile page: among its `<code>` blocks (HTML-escaped
/// normalized JSON) that mention the public id, the `urn:li:fsd_profile:` entity whose
/// `publicIdentifier` it is; failing JSON, the profile URN nearest before
/// `"publicIdentifier":"<public id>"`, else the first in the block.
fn profile_id_in_page(html: &str, public_id: &str) -> Option<String> {
    let wanted = public_id.to_lowercase();
    let mut fallback = None;
    for block in code_blocks(html) {
        let text = unescape_html(block);
        if !text.to_lowercase().contains(&wanted) {
            continue;
        }
        if let Ok(json) = serde_json::from_str::<Value>(&text)
            && let Some(id) = profile_id_in_json(&json, public_id)
        {
            return Some(id);
        }
        if fallback.is_none() {
            fallback = profile_id_in_text(&text, public_id);
        }
    }
    fallback
}

/// The contents of the `<code …>…</code>` elements of a page.
fn code_blocks(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        let open = rest.find("<code")?;
        let after = &rest[open..];
        let start = after.find('>')? + 1;
        let len = after[start..].find("</code>")?;
        let block = &after[start..start + len];
        rest = &after[start + len + "</code>".len()..];
        Some(block)
    })
}

/// The text of HTML-escaped content: named entities of markup and numeric references.
fn unescape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The id of the `urn:li:fsd_profile:` entity whose `publicIdentifier` is `public_id`,
/// anywhere in `json`.
fn profile_id_in_json(json: &Value, public_id: &str) -> Option<String> {
    match json {
        Value::Object(map) => {
            let matches = map
                .get("publicIdentifier")
                .and_then(Value::as_str)
                .is_some_and(|p| p.eq_ignore_ascii_case(public_id));
            let id = map
                .get("entityUrn")
                .and_then(Value::as_str)
                .and_then(|u| u.strip_prefix("urn:li:fsd_profile:"))
                .filter(|id| is_profile_id(id));
            if let (true, Some(id)) = (matches, id) {
                return Some(id.to_owned());
            }
            map.values().find_map(|v| profile_id_in_json(v, public_id))
        }
        Value::Array(items) => items.iter().find_map(|v| profile_id_in_json(v, public_id)),
        _ => None,
    }
}

fn is_profile_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The profile URN nearest before `"publicIdentifier":"<public id>"` in `text`, else the
/// first one.
fn profile_id_in_text(text: &str, public_id: &str) -> Option<String> {
    const PREFIX: &str = "urn:li:fsd_profile:";
    let found: Vec<(usize, &str)> = text
        .match_indices(PREFIX)
        .map(|(at, _)| {
            let rest = &text[at + PREFIX.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            (at, &rest[..end])
        })
        .filter(|(_, id)| !id.is_empty())
        .collect();
    // ASCII case folding keeps byte offsets, so the anchor lines up with `found`.
    let marker = format!("\"publicIdentifier\":\"{public_id}\"").to_ascii_lowercase();
    let anchor = text.to_ascii_lowercase().find(&marker);
    let before = anchor.and_then(|a| found.iter().rev().find(|(at, _)| *at < a));
    before.or(found.first()).map(|(_, id)| (*id).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_public_ids_or_profile_ids() {
        assert_eq!(
            Member::parse("who", " demo-member ").ok(),
            Some(Member::PublicId("demo-member".into()))
        );
        assert_eq!(
            Member::parse("who", "urn:li:fsd_profile:ACoAABx3kQ0").ok(),
            Some(Member::ProfileId("ACoAABx3kQ0".into()))
        );
        assert_eq!(
            Member::parse("who", "ACoAABx3kQ0BsK2d").ok(),
            Some(Member::ProfileId("ACoAABx3kQ0BsK2d".into()))
        );
        for bad in ["", "a b", "urn:li:company:1337", "x/../y"] {
            assert!(Member::parse("who", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn html_is_unescaped() {
        assert_eq!(
            unescape_html("{&quot;a&quot;:&#34;b&#x26;c&#34;} &amp; &bogus; &"),
            "{\"a\":\"b&c\"} & &bogus; &"
        );
    }

    #[test]
    fn the_profile_id_is_found_in_code_blocks() {
        let page = r#"<html><code id="datalet-bpr-guid-1">{&quot;request&quot;:&quot;/voyager/api/x&quot;}</code>
            <code style="display: none" id="bpr-guid-1">{&quot;data&quot;:{&quot;*elements&quot;:[&quot;urn:li:fsd_profile:ACoAAOther&quot;,&quot;urn:li:fsd_profile:ACoAAB1&quot;]},
            &quot;included&quot;:[{&quot;entityUrn&quot;:&quot;urn:li:fsd_profile:ACoAAOther&quot;,&quot;publicIdentifier&quot;:&quot;someone-else&quot;},
            {&quot;entityUrn&quot;:&quot;urn:li:fsd_profile:ACoAAB1&quot;,&quot;publicIdentifier&quot;:&quot;Ada-L&quot;}]}</code></html>"#;
        assert_eq!(
            profile_id_in_page(page, "ada-l").as_deref(),
            Some("ACoAAB1")
        );
        assert_eq!(profile_id_in_page(page, "nobody-here"), None);
    }

    #[test]
    fn text_that_is_not_json_is_searched_near_the_public_id() {
        let page = "<code>junk urn:li:fsd_profile:ACoAAFirst, x urn:li:fsd_profile:ACoAAB1 \
                    &quot;publicIdentifier&quot;:&quot;ada-l&quot; urn:li:fsd_profile:ACoAALater</code>";
        assert_eq!(
            profile_id_in_page(page, "ada-l").as_deref(),
            Some("ACoAAB1")
        );
    }

    #[test]
    fn only_finder_failures_fall_back_to_the_page() {
        let status = |code| {
            Error::Transport(linkedin_transport::Error::Status {
                code,
                body_excerpt: String::new(),
            })
        };
        assert!(page_may_help(&status(400)));
        assert!(page_may_help(&status(500)));
        assert!(!page_may_help(&status(999)));
        assert!(!page_may_help(&Error::Transport(
            linkedin_transport::Error::SessionExpired
        )));
        assert!(!page_may_help(&Error::InvalidInput {
            field: "x",
            reason: String::new()
        }));
    }

    #[test]
    fn each_section_reads_on_its_own() {
        // Positions in a shape the models do not know (an employment type as a bare URN):
        // the positions fail, naming the path; the other sections still read.
        let profile = serde_json::json!({
            "entityUrn": "urn:li:fsd_profile:ACoAAB1",
            "profilePositionGroups": {"elements": [{"profilePositionInPositionGroup": {"elements": [
                {"title": "Engineer", "employmentType": "urn:li:fsd_employmentType:1"}
            ]}}]},
            "profileSkills": {"elements": [{"name": "Rust"}, {"name": ""}]},
            "profileLanguages": {"elements": [{"nom": "French"}], "paging": {"total": 1}},
        });
        match positions_of(&profile) {
            Err(Error::Decode { endpoint, source }) => {
                assert_eq!(endpoint, "profile_dash_by_vanity");
                assert_eq!(
                    source.path,
                    "/elements/0/profilePositionGroups/elements[0].profilePositionInPositionGroup.elements[0].employmentType"
                );
            }
            other => panic!("{other:?}"),
        }
        let skills = skills_of(&profile).unwrap();
        assert_eq!(skills.len(), 1, "the nameless skill is dropped");
        assert_eq!(skills[0].name, "Rust");
        match education_of(&profile) {
            Err(Error::Decode { source, .. }) => {
                assert_eq!(source.path, "/elements/0/profileEducations");
                assert!(
                    source.reason.contains("no longer carries"),
                    "{}",
                    source.reason
                );
            }
            other => panic!("{other:?}"),
        }
        // A language section whose items have no name: drift, not an empty list.
        assert!(matches!(
            languages_of(&profile),
            Err(Error::SchemaMoved { total: 1, .. })
        ));
    }

    #[test]
    fn position_groups_whose_positions_do_not_read_are_drift() {
        let profile = serde_json::json!({
            "profilePositionGroups": {"elements": [{"companyName": "X", "profilePositionInPositionGroup": null}]},
        });
        assert!(matches!(
            positions_of(&profile),
            Err(Error::SchemaMoved { total: 1, .. })
        ));
        let empty = serde_json::json!({"profilePositionGroups": {"elements": []}});
        assert_eq!(positions_of(&empty).unwrap(), Vec::<Experience>::new());
    }
}
