//! Profiles: a public id resolved to its profile id, the dash profile, its experiences, its
//! sections (skills, education, certifications, languages), contact info, all of it at once,
//! and who viewed my profile.
//!
//! Every method takes the member as a [`Member`]: a public id (`bill-gates`, from
//! `linkedin.com/in/<id>`), a profile id (`ACoAA…`) or a profile URN, typed or as text. A public
//! id costs one more request (the resolution, [`Linkedin::resolve_public_id`]) where the
//! endpoint needs the profile URN. The sections and the profile page have files of their own.

mod page;
mod sections;

use bytes::Bytes;
use linkedin_catalogue::Endpoint;
use linkedin_catalogue::endpoints;
use linkedin_models::id::{Member, ProfileId, PublicId};
use linkedin_models::profile::{
    Certification, ContactInfo, Education, Experience, FullProfile, Language, Profile,
    ProfileComponents, ProfileViews, Skill, WvmpCards,
};
use linkedin_models::{Answer, Collection, DecodeError, Raw};
use serde_json::Value;

use crate::client::{Linkedin, answer, decode_at};
use crate::driver::recognised;
use crate::error::{Error, Result, not_found};
use crate::ids::IntoId;

/// The entry whose answer holds the sections.
static SECTIONS: &Endpoint = endpoints::PROFILE_WITH_SECTIONS;

/// [`Error::NotFound`] for `member`.
fn not_found_member(member: &Member) -> Error {
    Error::NotFound {
        what: format!("the profile {member}"),
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

/// A member's profile with its sections, as one answer of LinkedIn's
/// (`FullProfileWithEntities`, catalogue `profile_with_sections`), from
/// [`Linkedin::profile_sections`]. Each part is read from the answer when asked, on its own:
/// a section LinkedIn changed fails when it is read and leaves the others readable.
///
/// The answer is kept as the bytes LinkedIn sent; each part is decoded from them when asked.
#[derive(Debug, Clone)]
pub struct ProfileSections {
    /// The answer, as it came (its first element is the profile).
    body: Bytes,
    /// The profile as JSON, references resolved, once asked for.
    raw: std::sync::OnceLock<Value>,
}

/// The answer's one profile.
const PROFILE: &str = "/elements/0";

impl ProfileSections {
    /// The sections of an answer of `profile_with_sections`: its one profile; `None` when it
    /// finds nobody (an empty `elements`).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the answer is not a collection (no `elements` list).
    pub(crate) fn from_body(body: Bytes) -> Result<Option<Self>> {
        let answer = answer(SECTIONS, &body)?;
        let elements: Vec<serde::de::IgnoredAny> = decode_at(SECTIONS, &answer, "/elements")?;
        if elements.is_empty() {
            return Ok(None);
        }
        drop(answer);
        Ok(Some(Self {
            body,
            raw: std::sync::OnceLock::new(),
        }))
    }

    fn answer(&self) -> Result<Answer<'_>> {
        answer(SECTIONS, &self.body)
    }

    /// The profile: name, headline, About, place, industry (its raw JSON kept).
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the answer holds no profile that reads.
    pub fn profile(&self) -> Result<Raw<Profile>> {
        decode_at(SECTIONS, &self.answer()?, PROFILE)
    }

    /// The positions (the `*profilePositionGroups` section), most recent first.
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the section is missing or does not read;
    /// [`Error::SchemaMoved`] when it has items but none reads as a position.
    pub fn experiences(&self) -> Result<Vec<Experience>> {
        sections::positions_of(&sections::InAnswer(&self.answer()?))
    }

    /// The skills (`*profileSkills`).
    ///
    /// # Errors
    ///
    /// As [`experiences`](Self::experiences).
    pub fn skills(&self) -> Result<Vec<Skill>> {
        sections::skills_of(&sections::InAnswer(&self.answer()?))
    }

    /// The schools attended (`*profileEducations`).
    ///
    /// # Errors
    ///
    /// As [`experiences`](Self::experiences).
    pub fn education(&self) -> Result<Vec<Education>> {
        sections::education_of(&sections::InAnswer(&self.answer()?))
    }

    /// The certifications (`*profileCertifications`).
    ///
    /// # Errors
    ///
    /// As [`experiences`](Self::experiences).
    pub fn certifications(&self) -> Result<Vec<Certification>> {
        sections::certifications_of(&sections::InAnswer(&self.answer()?))
    }

    /// The languages (`*profileLanguages`).
    ///
    /// # Errors
    ///
    /// As [`experiences`](Self::experiences).
    pub fn languages(&self) -> Result<Vec<Language>> {
        sections::languages_of(&sections::InAnswer(&self.answer()?))
    }

    /// The contact info the profile carries, as far as the member shares it with you.
    ///
    /// # Errors
    ///
    /// As [`profile`](Self::profile).
    pub fn contact_info(&self) -> Result<ContactInfo> {
        Ok(self.profile()?.contact_info())
    }

    /// Every part, as [`Linkedin::full_profile`] gives them (the answer read once).
    ///
    /// # Errors
    ///
    /// The first part that does not read, as its method says.
    pub fn into_full(self) -> Result<FullProfile> {
        let answer = self.answer()?;
        let profile: Raw<Profile> = decode_at(SECTIONS, &answer, PROFILE)?;
        let parts = sections::InAnswer(&answer);
        Ok(FullProfile {
            experiences: sections::positions_of(&parts)?,
            skills: sections::skills_of(&parts)?,
            education: sections::education_of(&parts)?,
            certifications: sections::certifications_of(&parts)?,
            languages: sections::languages_of(&parts)?,
            contact_info: profile.contact_info(),
            profile,
        })
    }

    /// The answer's profile as LinkedIn sent it, sections included (references resolved),
    /// parsed on the first call.
    #[must_use]
    pub fn raw(&self) -> &Value {
        self.raw.get_or_init(|| {
            self.answer()
                .ok()
                .and_then(|answer| answer.to_value().pointer_mut(PROFILE).map(Value::take))
                .unwrap_or_default()
        })
    }
}

impl Linkedin {
    /// Resolves a public id (`linkedin.com/in/<id>`) to its profile URN `urn:li:fsd_profile:…`.
    ///
    /// Python: `_resolve_public_id_to_urn`
    ///
    /// The URN never changes for a member: the client remembers it (up to
    /// 10,000 public ids), so later calls with the same public id need no request for it.
    ///
    /// The cheapest way first: the dash `memberIdentity` finder with the top-card projection
    /// (catalogue `profile_top_card`); when LinkedIn refuses that projection or its
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
    pub async fn resolve_public_id(&self, public_id: impl IntoId<PublicId>) -> Result<String> {
        let public_id = public_id.into_id("public_id")?;
        Ok(self.resolve_profile_id(&public_id).await?.urn())
    }

    /// The profile id of a public id: remembered from an earlier call, else the finder, then
    /// the page.
    async fn resolve_profile_id(&self, public_id: &PublicId) -> Result<ProfileId> {
        if let Some(id) = self.resolved_lock().get(&public_id.as_str().to_lowercase()) {
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
    fn remember(&self, public_id: &PublicId, profile_id: &ProfileId) {
        let mut cache = self.resolved_lock();
        // Bounded: a long-running client looking up many members keeps the latest ones.
        if cache.len() >= RESOLVED_KEPT {
            cache.clear();
        }
        cache.insert(public_id.as_str().to_lowercase(), profile_id.clone());
    }

    fn resolved_lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, ProfileId>> {
        self.inner
            .resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The browser's public id lookup (catalogue `profile_by_vanity`, `vanityName`, recorded
    /// at seq 39): the profile id, `None` when it finds nobody.
    async fn resolve_by_finder(&self, public_id: &PublicId) -> Result<Option<ProfileId>> {
        let call = self
            .call(endpoints::PROFILE_BY_VANITY)
            .var("vanityName", public_id.as_str());
        let found: Collection<Profile> = self.fetch(call).await?;
        let raw = found.elements.len();
        // The member the finder gives is the one asked for, even when its public id differs
        // (an old public id of a member who changed it).
        let ids: Vec<ProfileId> = found
            .elements
            .iter()
            .filter_map(|p| ProfileId::parse(p.profile_id()?).ok())
            .collect();
        let ids = recognised(endpoints::PROFILE_BY_VANITY, None, raw, ids)?;
        Ok(ids.into_iter().next())
    }

    /// The profile page's `<code>` blocks: the profile id.
    async fn resolve_by_page(&self, public_id: &PublicId) -> Result<ProfileId> {
        let call = self
            .call(endpoints::PROFILE_PAGE)
            .path("vanity", public_id.as_str());
        let html = self
            .send(call)
            .await
            .map_err(|e| not_found(e, || format!("the profile {public_id}")))?;
        let html = String::from_utf8_lossy(&html);
        page::profile_id_in_page(&html, public_id.as_str())
            .and_then(|id| ProfileId::parse(&id).ok())
            .ok_or_else(|| Error::Decode {
                endpoint: endpoints::PROFILE_PAGE.name,
                source: DecodeError {
                    path: "<code> blocks".to_owned(),
                    reason: format!("no urn:li:fsd_profile: for {public_id:?} in the page"),
                    excerpt: html.chars().take(160).collect(),
                },
            })
    }

    /// The profile id of a member, resolving a public id.
    async fn profile_id_of(&self, member: &Member) -> Result<ProfileId> {
        match member {
            Member::Profile(id) => Ok(id.clone()),
            Member::Public(public_id) => self.resolve_profile_id(public_id).await,
        }
    }

    /// A member's dash profile: name, headline, About, place, industry, pictures, contact.
    ///
    /// Python: `get_profile_v2`, `get_profile`
    ///
    /// The dash profile is the projection of catalogue `profile`.
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
    pub async fn profile(&self, who: impl IntoId<Member>) -> Result<Raw<Profile>> {
        let member = who.into_id("who")?;
        let id = self.profile_id_of(&member).await?;
        let urn = id.urn();
        let call = self
            .call(endpoints::PROFILE)
            .path("profileUrn", urn.as_str());
        self.fetch(call)
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
    pub async fn profile_experiences(&self, who: impl IntoId<Member>) -> Result<Vec<Experience>> {
        let member = who.into_id("who")?;
        let id = self.profile_id_of(&member).await?;
        let call = self
            .call(endpoints::PROFILE_EXPERIENCES)
            .var("profileUrn", id.urn());
        let components: ProfileComponents = self.fetch(call).await?;
        let experiences = recognised(
            endpoints::PROFILE_EXPERIENCES,
            None,
            components.item_count(),
            components.experiences(),
        )?;
        // Some items read and some not: the first that does not, named (never left out).
        match components.unread_items().first() {
            Some(i) => Err(Error::Decode {
                endpoint: endpoints::PROFILE_EXPERIENCES.name,
                source: DecodeError::new(
                    format!(
                        "{} (item {i})",
                        endpoints::PROFILE_EXPERIENCES.data_pointer()
                    ),
                    "an item of the experience section that is not a position (no entity \
                     component, or neither a title nor a company)",
                    "",
                ),
            }),
            None => Ok(experiences),
        }
    }

    /// A member's profile with its sections (`FullProfileWithEntities`), by public id or
    /// profile id (the finder takes either), as JSON: each method reads only the section it
    /// needs, so one section LinkedIn changed does not break the others.
    async fn sections(&self, member: &Member) -> Result<ProfileSections> {
        self.sections_answer(member)
            .await?
            .ok_or_else(|| not_found_member(member))
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
    pub async fn profile_skills(&self, who: impl IntoId<Member>) -> Result<Vec<Skill>> {
        let member = who.into_id("who")?;
        self.sections(&member).await?.skills()
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
    pub async fn profile_education(&self, who: impl IntoId<Member>) -> Result<Vec<Education>> {
        let member = who.into_id("who")?;
        self.sections(&member).await?.education()
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
    pub async fn profile_certifications(
        &self,
        who: impl IntoId<Member>,
    ) -> Result<Vec<Certification>> {
        let member = who.into_id("who")?;
        self.sections(&member).await?.certifications()
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
    pub async fn profile_languages(&self, who: impl IntoId<Member>) -> Result<Vec<Language>> {
        let member = who.into_id("who")?;
        self.sections(&member).await?.languages()
    }

    /// A member's contact info: e-mail, phones, websites, Twitter, address, birthday.
    ///
    /// Python: `get_profile_contact_info`
    ///
    /// As far as the member shares them with the viewer (the e-mail with connections only).
    ///
    /// The reference client read `/identity/profiles/{id}/profileContactInfo`, which LinkedIn
    /// retired (410; catalogue `profile_contact_info`, gone). This sends what the web app
    /// sends for it: the `memberIdentity` finder (catalogue `profile_by_member_identity`,
    /// recorded at seq 54), whose profile carries `emailAddress` (the dash profile of
    /// `profile` carries no contact fields: seq 58). The other contact fields are read under
    /// the dash profile's field names when LinkedIn includes them, and are empty otherwise.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let contact = linkedin.profile_contact_info("demo-member").await?;
    /// println!("{}", contact.email_address.as_deref().unwrap_or("(not shared)"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`]
    /// when the finder knows nobody of that id; [`Error::Decode`]; a transport error.
    pub async fn profile_contact_info(&self, who: impl IntoId<Member>) -> Result<ContactInfo> {
        let member = who.into_id("who")?;
        let id = self.profile_id_of(&member).await?;
        let call = self
            .call(endpoints::PROFILE_BY_MEMBER_IDENTITY)
            .var("memberIdentity", id.as_str());
        let found: Collection<Profile> = self
            .fetch(call)
            .await
            .map_err(|e| not_found(e, || format!("the profile {id}")))?;
        found
            .elements
            .iter()
            .find(|p| p.profile_id() == Some(id.as_str()))
            .map(Profile::contact_info)
            .ok_or_else(|| not_found_member(&member))
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
    /// To read only some parts of the same answer, see
    /// [`profile_sections`](Self::profile_sections).
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
    pub async fn full_profile(&self, who: impl IntoId<Member>) -> Result<FullProfile> {
        self.profile_sections(who).await?.into_full()
    }

    /// A member's profile and its sections as one answer, each part read only when asked.
    ///
    /// Python: none (the one request of `full_profile`, read part by part)
    ///
    /// The request [`full_profile`](Self::full_profile) sends (and its fallback for a public
    /// id the finder does not know); the parts are read from the answer by
    /// [`ProfileSections`]'s methods, each on its own, so a section LinkedIn changed fails
    /// only when it is read. `linkedin profile show --only` reads its parts this way.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let answer = linkedin.profile_sections("demo-member").await?; // one request
    /// let profile = answer.profile()?;
    /// let skills = answer.skills()?;
    /// println!("{} {}: {} skills", profile.first_name, profile.last_name, skills.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for a malformed member (nothing is sent); [`Error::NotFound`];
    /// [`Error::Decode`] when the answer is not JSON; a transport error. A part that does not
    /// read fails when it is read.
    pub async fn profile_sections(&self, who: impl IntoId<Member>) -> Result<ProfileSections> {
        let member = who.into_id("who")?;
        // A projection LinkedIn refuses fails the same way by profile id: only a public id
        // the finder does not know is worth resolving by other means.
        let sections = match (&member, self.sections_answer(&member).await?) {
            (_, Some(sections)) => sections,
            (Member::Public(public_id), None) => self.sections_by_resolving(public_id).await?,
            (Member::Profile(_), None) => return Err(not_found_member(&member)),
        };
        if let Member::Public(public_id) = &member {
            let urn: Option<String> = sections
                .answer()?
                .decode_opt("/elements/0/entityUrn")
                .ok()
                .flatten();
            if let Some(urn) = urn.filter(|u| u.starts_with("urn:li:fsd_profile:"))
                && let Ok(id) = ProfileId::parse(&urn)
            {
                self.remember(public_id, &id);
            }
        }
        Ok(sections)
    }

    /// The one profile of the sections finder for `member`; `None` when it finds nobody.
    async fn sections_answer(&self, member: &Member) -> Result<Option<ProfileSections>> {
        let call = self
            .call(endpoints::PROFILE_WITH_SECTIONS)
            .query("memberIdentity", member.as_str());
        ProfileSections::from_body(self.send(call).await?)
    }

    /// [`sections_answer`](Self::sections_answer) by the profile id a public id resolves to.
    async fn sections_by_resolving(&self, public_id: &PublicId) -> Result<ProfileSections> {
        let id = Member::Profile(self.resolve_profile_id(public_id).await?);
        self.sections_answer(&id)
            .await?
            .ok_or_else(|| not_found_member(&id))
    }

    /// How many times my profile was viewed (LinkedIn counts the last 90 days).
    ///
    /// Python: `get_current_profile_views`
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the answer has no viewers summary; a transport error.
    pub async fn current_profile_views(&self) -> Result<ProfileViews> {
        let cards: WvmpCards = self.fetch(self.call(endpoints::WHO_VIEWED_ME)).await?;
        let num_views = cards.num_views().ok_or_else(|| Error::Decode {
            endpoint: endpoints::WHO_VIEWED_ME.name,
            source: DecodeError {
                path: "/elements/0/value/…WvmpViewersCard/insightCards/0/value/…WvmpSummaryInsightCard/numViews"
                    .to_owned(),
                reason: "missing from the answer".to_owned(),
                excerpt: String::new(),
            },
        })?;
        Ok(ProfileViews { num_views })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_finder_failures_fall_back_to_the_page() {
        let status = |code| {
            Error::Transport(linkedin_transport::Error::Status {
                code,
                endpoint: None,
                body_excerpt: String::new(),
                reason: None,
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
}
