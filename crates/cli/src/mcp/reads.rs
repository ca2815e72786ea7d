//! The read tools: what they take (their JSON schemas come from these types), what they give
//! (the typed views the CLI prints with `--json`), and the facade calls between.

use linkedin_api::catalogue::IdOrigin;
use linkedin_api::models::Raw;
use linkedin_api::models::company::Company;
use linkedin_api::models::job::JobPosting;
use linkedin_api::models::profile::{
    Certification, ContactInfo, Education, Experience, Language, Profile, Skill,
};
use linkedin_api::transport::Trip;
use linkedin_api::{
    Check, CompanyResult, Conversation, ConversationFilter, Invitation, JobItem, JobResult,
    JobSearch, MailboxCount, Me, Message, Network, NetworkCounts, Notification, PeopleSearch,
    PersonResult, Workplace,
};
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cursor::{Listed, list};
use super::{Server, ToolError};
use crate::commands::jobs::SkillMatch;
use crate::exit::Failure;

/// No arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoArgs {}

/// Who the tools act as, and what the account has left.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Status {
    /// The logged-in member: first_name, last_name, headline, public_id, profile_id,
    /// member_id, premium.
    #[schemars(with = "serde_json::Value")]
    me: Me,
    /// The member's profile URN (urn:li:fsd_profile:...).
    profile_urn: String,
    /// Per action (invitation, message, engagement, follow, post, profile_view, search):
    /// used in the last 24 hours, the daily limit (null: none) and what is left of it.
    budgets: Vec<Left>,
    /// Requests in the rolling hour, and the hourly cap (null: none).
    hour_used: u64,
    /// The hourly cap, if any.
    hour_limit: Option<u64>,
    /// The circuit breaker: closed (requests go out) or tripped (every request refused until
    /// the user acts).
    breaker: Breaker,
    /// The catalogue entries whose ids are not the built-in ones: healed at run time (a
    /// stale id replaced, `ids.learned`) or from the user's override file; empty when all
    /// are built in.
    #[schemars(with = "Vec<serde_json::Value>")]
    replaced_ids: Vec<crate::catalogue_cmd::Shown>,
    /// Whether any write tool is enabled (`--allow-writes`).
    writes_allowed: bool,
    /// The write tools this server offers (empty without `--allow-writes`).
    write_tools: Vec<&'static str>,
}

/// One action's daily budget.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Left {
    /// The action.
    action: String,
    /// How many in the last 24 hours.
    used: u32,
    /// The daily limit (null: none; 0 forbids the action).
    limit: Option<u32>,
    /// How many are left today (null: no limit).
    left: Option<u32>,
}

/// The circuit breaker's state.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Breaker {
    /// Whether it has tripped: then no request goes out.
    tripped: bool,
    /// Why it tripped (a security check, the session ended...).
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    /// When it tripped, in ms since the epoch.
    #[serde(skip_serializing_if = "Option::is_none")]
    at_ms: Option<u64>,
    /// The challenge URL to open in a browser, when LinkedIn gave one.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// What the user must do, when it has tripped.
    #[serde(skip_serializing_if = "Option::is_none")]
    advice: Option<&'static str>,
}

impl From<Option<Trip>> for Breaker {
    fn from(trip: Option<Trip>) -> Self {
        match trip {
            None => Self {
                tripped: false,
                reason: None,
                at_ms: None,
                url: None,
                advice: None,
            },
            Some(t) => Self {
                tripped: true,
                reason: Some(t.reason.to_string()),
                at_ms: Some(t.at_ms),
                url: t.url,
                advice: Some(crate::account::BREAKER_ADVICE),
            },
        }
    }
}

/// A member, as users name them.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Who {
    /// The member: a public id (the part after linkedin.com/in/, e.g. "demo-member"), a
    /// profile id (ACoAA...) or a profile URN (urn:li:fsd_profile:...).
    who: String,
}

/// A part of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Section {
    /// Name, headline, place, industry, About.
    Profile,
    /// Positions, most recent first.
    Experiences,
    /// Skills.
    Skills,
    /// Schools.
    Education,
    /// Certifications.
    Certifications,
    /// Languages.
    Languages,
    /// Contact info (e-mail with connections only, phones, websites).
    ContactInfo,
}

/// `get_profile`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetProfile {
    /// The member: a public id (the part after linkedin.com/in/), a profile id (ACoAA...) or
    /// a profile URN.
    who: String,
    /// Only these parts (all of them when absent). Every part comes from the same one
    /// request, so asking fewer only makes the answer shorter.
    #[serde(default)]
    sections: Option<Vec<Section>>,
}

/// The parts of a profile asked for; the others are absent.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub(crate) struct ProfileParts {
    /// first_name, last_name, headline, summary (About), location, industry, entity_urn,
    /// public_identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    profile: Option<Raw<Profile>>,
    /// Positions, most recent first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    experiences: Option<Vec<Experience>>,
    /// Skills.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    skills: Option<Vec<Skill>>,
    /// Schools.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    education: Option<Vec<Education>>,
    /// Certifications.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    certifications: Option<Vec<Certification>>,
    /// Languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<serde_json::Value>>")]
    languages: Option<Vec<Language>>,
    /// Contact info, as far as the member shares it with you.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    contact_info: Option<ContactInfo>,
}

/// A member's contact info.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Contact {
    /// email_address (connections only), phone_numbers, websites, twitter_handles, address,
    /// birth_date; empty when nothing is shared with you.
    #[schemars(with = "serde_json::Value")]
    contact_info: ContactInfo,
}

/// How far a member is from you, for `search_people`'s `network`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Depth {
    /// Your connections (1st degree).
    First,
    /// Their connections (2nd degree).
    Second,
    /// Everyone further (3rd degree and beyond).
    ThirdPlus,
}

/// `search_people`'s arguments: every one optional.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchPeople {
    /// Words matched against names, headlines and more ("rust engineer").
    #[serde(default)]
    keywords: Option<String>,
    /// Only members this far from you.
    #[serde(default)]
    network: Option<Vec<Depth>>,
    /// Working now at one of these companies: company ids ("1337") or urn:li:company: URNs.
    #[serde(default)]
    current_company: Option<Vec<String>>,
    /// Worked before at one of these companies: company ids or URNs.
    #[serde(default)]
    past_company: Option<Vec<String>>,
    /// In one of these places: geo ids ("105080838" is New York) or urn:li:fsd_geo: URNs.
    #[serde(default)]
    region: Option<Vec<String>>,
    /// In one of these industries: industry ids ("4" is Software Development).
    #[serde(default)]
    industry: Option<Vec<String>>,
    /// Went to one of these schools: school ids.
    #[serde(default)]
    school: Option<Vec<String>>,
    /// With a profile in one of these languages: two-letter codes ("en").
    #[serde(default)]
    profile_language: Option<Vec<String>>,
    /// Only connections of this member: a profile id (ACoAA...) or profile URN.
    #[serde(default)]
    connection_of: Option<String>,
    /// With this first name.
    #[serde(default)]
    first_name: Option<String>,
    /// With this last name.
    #[serde(default)]
    last_name: Option<String>,
    /// Whose title matches.
    #[serde(default)]
    title: Option<String>,
    /// Whose company name matches.
    #[serde(default)]
    company: Option<String>,
    /// Also give private profiles ("LinkedIn Member", out of network); default false.
    #[serde(default)]
    include_private: Option<bool>,
    /// At most this many results (1 to 100, default 10); LinkedIn gives 49 a request.
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments, for the next
    /// results.
    #[serde(default)]
    cursor: Option<String>,
}

impl SearchPeople {
    fn query(&self) -> PeopleSearch {
        let mut q = match &self.keywords {
            Some(k) => PeopleSearch::keywords(k.clone()),
            None => PeopleSearch::new(),
        };
        if let Some(p) = &self.connection_of {
            q = q.connection_of(p);
        }
        if let Some(depths) = &self.network {
            let depths: Vec<Network> = depths
                .iter()
                .map(|d| match d {
                    Depth::First => Network::First,
                    Depth::Second => Network::Second,
                    Depth::ThirdPlus => Network::ThirdPlus,
                })
                .collect();
            q = q.network(&depths);
        }
        let list = |v: &Option<Vec<String>>| v.clone().unwrap_or_default();
        q = q
            .regions(&list(&self.region))
            .industries(&list(&self.industry))
            .current_company(&list(&self.current_company))
            .past_companies(&list(&self.past_company))
            .profile_languages(&list(&self.profile_language))
            .schools(&list(&self.school))
            .include_private_profiles(self.include_private.unwrap_or(false));
        if let Some(v) = &self.first_name {
            q = q.keyword_first_name(v.clone());
        }
        if let Some(v) = &self.last_name {
            q = q.keyword_last_name(v.clone());
        }
        if let Some(v) = &self.title {
            q = q.keyword_title(v.clone());
        }
        if let Some(v) = &self.company {
            q = q.keyword_company(v.clone());
        }
        q
    }
}

/// A search by words, with paging.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchWords {
    /// The words to look for.
    pub(super) keywords: String,
    /// At most this many results (1 to 100, default 10).
    #[serde(default)]
    pub(super) limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same keywords, for the next results.
    #[serde(default)]
    pub(super) cursor: Option<String>,
}

/// A workplace type, for `search_jobs`.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Place {
    /// At the employer's site.
    OnSite,
    /// Remote.
    Remote,
    /// Some days on site.
    Hybrid,
}

/// `search_jobs`'s arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchJobs {
    /// Words matched against titles and descriptions.
    #[serde(default)]
    keywords: Option<String>,
    /// At one of these companies: company ids ("1337") or urn:li:company: URNs.
    #[serde(default)]
    company: Option<Vec<String>>,
    /// In this place, by name ("San Francisco").
    #[serde(default)]
    location: Option<String>,
    /// With these workplace types.
    #[serde(default)]
    workplace: Option<Vec<Place>>,
    /// Listed at most this many days ago (1 to 365; default: the last 24 hours).
    #[serde(default)]
    listed_within_days: Option<u32>,
    /// At most this many results (1 to 100, default 10).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments.
    #[serde(default)]
    cursor: Option<String>,
}

impl SearchJobs {
    fn query(&self) -> Result<JobSearch, ToolError> {
        let mut q = match &self.keywords {
            Some(k) => JobSearch::keywords(k.clone()),
            None => JobSearch::new(),
        };
        q = q.companies(&self.company.clone().unwrap_or_default());
        if let Some(place) = &self.location {
            q = q.location_name(place.clone());
        }
        if let Some(places) = &self.workplace {
            let places: Vec<Workplace> = places
                .iter()
                .map(|p| match p {
                    Place::OnSite => Workplace::OnSite,
                    Place::Remote => Workplace::Remote,
                    Place::Hybrid => Workplace::Hybrid,
                })
                .collect();
            q = q.remote(&places);
        }
        match self.listed_within_days {
            None => {}
            Some(days @ 1..=365) => {
                q = q.listed_at(std::time::Duration::from_secs(u64::from(days) * 86_400));
            }
            Some(days) => {
                return Err(ToolError::input(format!(
                    "listed_within_days {days}: give 1 to 365"
                )));
            }
        }
        Ok(q)
    }
}

/// A company or school page.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetCompany {
    /// The page's universal name: the part after linkedin.com/company/ (or /school/ for a
    /// school), such as "linkedin", as search_companies gives it.
    universal_name: String,
}

/// A company or school page, as the CLI's `company show --json` prints it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CompanyPage {
    /// name, universal_name, tagline, description, website, industries, staff count and
    /// range, headquarters, follower count and whether you follow it, entity_urn.
    #[schemars(with = "serde_json::Value")]
    company: Raw<Company>,
}

/// A job posting.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetJob {
    /// The job's id: digits ("3955231344"), as search_jobs gives it, or its URN.
    job_id: String,
}

/// A job posting, as `jobs show --json` prints it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct JobPage {
    /// title, company, place, workplace, employment status, seniority, applicants, listed
    /// time, the description's text.
    #[schemars(with = "serde_json::Value")]
    job: Raw<JobPosting>,
}

/// `list_conversations`'s arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListConversations {
    /// Only conversations with unread messages.
    #[serde(default)]
    unread: Option<bool>,
    /// Only conversations whose participants' names or messages contain these words.
    #[serde(default)]
    keywords: Option<String>,
    /// At most this many conversations (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments.
    #[serde(default)]
    cursor: Option<String>,
}

/// `get_conversation`'s arguments.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GetConversation {
    /// The conversation: its thread_id ("2-...==", as list_conversations gives it) or its
    /// conversation URN.
    conversation: String,
    /// At most this many messages, newest first (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call, for older messages.
    #[serde(default)]
    cursor: Option<String>,
}

/// `list_invitations`'s arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListInvitations {
    /// The invitations you sent and that are pending, instead of those you received.
    #[serde(default)]
    sent: Option<bool>,
    /// At most this many invitations (1 to 100, default 20).
    #[serde(default)]
    limit: Option<u32>,
    /// The `next_cursor` of the previous call with the same other arguments.
    #[serde(default)]
    cursor: Option<String>,
}

/// A list without filters: a limit and a cursor.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Paging {
    /// At most this many items (1 to 100, default 20).
    #[serde(default)]
    pub(super) limit: Option<u32>,
    /// The `next_cursor` of the previous call, for the next items.
    #[serde(default)]
    pub(super) cursor: Option<String>,
}

/// How the logged-in member's skills match a job posting.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct JobSkills {
    /// `matched` (the posting's skills the profile lists), `missing` (those it lacks), and
    /// LinkedIn's skill insight they come from, as `linkedin jobs skills --json` prints it.
    #[schemars(with = "serde_json::Value")]
    skills: SkillMatch,
}

/// The unread conversations of each mailbox.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct MailboxCounts {
    /// One per category (INBOX, PRIMARY_INBOX, SECONDARY_INBOX for message requests...):
    /// category, unread_conversation_count, unseen_conversation_count.
    #[schemars(with = "Vec<serde_json::Value>")]
    counts: Vec<Raw<MailboxCount>>,
}

/// `doctor`'s arguments.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Doctor {
    /// Check only these areas: session, profile, company, jobs, search, messages,
    /// invitations, feed (all of them when absent).
    #[serde(default)]
    only: Option<Vec<String>>,
}

/// What the doctor found.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct DoctorReport {
    /// Whether every check is working (or was healed).
    all_fine: bool,
    /// One per capability: area, capability, health (working, healed, retired, shape_moved,
    /// stale, refused, not_checked, with its details) and advice.
    #[schemars(with = "Vec<serde_json::Value>")]
    checks: Vec<Check>,
}

/// Who viewed the logged-in member's profile.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Viewers {
    /// Profile views in the last 90 days, as LinkedIn's web app counts them.
    views_90_days: u64,
    /// The viewers, newest first (first page), from the mobile "touch" API: total, start,
    /// count, viewers (name, headline, distance, timestamp in ms, member_id). Null when the
    /// touch API cannot be reached with this session (see `viewers_note`).
    #[schemars(with = "Option<serde_json::Value>")]
    viewers: Option<Raw<linkedin_api::models::touch::ProfileViews>>,
    /// Why `viewers` is null, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    viewers_note: Option<String>,
}

/// The logged-in member's network in numbers.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Counts {
    /// pending_invitations, unseen_invitations, sent_invitations, connections,
    /// network_notifications (null where LinkedIn gave none).
    #[schemars(with = "serde_json::Value")]
    counts: Raw<NetworkCounts>,
}

#[tool_router(router = reads, vis = "pub(super)")]
impl Server {
    /// Who the tools act as (name, public id, profile URN), what the account has left of
    /// its daily budgets per action (invitations, messages, engagements, posts, profile
    /// views, searches...) and of the hourly cap, the circuit breaker's state (with what to
    /// do when it tripped), the catalogue ids healed at run time or overridden, and which
    /// write tools are enabled. One small request; call it first to know whose account this
    /// is.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn status(&self, Parameters(_): Parameters<NoArgs>) -> Result<Json<Status>, ToolError> {
        let li = self.li();
        let me = li.me().await?;
        let budget = li.budget().await?;
        let budgets = budget
            .per_day
            .iter()
            .map(|d| Left {
                action: d.action.to_string(),
                used: d.used,
                limit: d.limit,
                left: d.limit.map(|l| l.saturating_sub(d.used)),
            })
            .collect();
        let replaced_ids = li
            .ids()
            .entries()
            .into_iter()
            .filter(|(_, origin)| *origin != IdOrigin::BuiltIn)
            .map(|(e, origin)| crate::catalogue_cmd::Shown::of(e, origin))
            .collect();
        Ok(Json(Status {
            profile_urn: me.profile_urn(),
            me,
            budgets,
            hour_used: budget.hour_used,
            hour_limit: budget.hour_limit,
            breaker: Breaker::from(budget.breaker),
            replaced_ids,
            writes_allowed: !self.writes.is_empty(),
            write_tools: self.writes.to_vec(),
        }))
    }

    /// A member's profile: name, headline, place, About, positions, skills, education,
    /// certifications, languages and contact info (all by default; `sections` picks parts).
    /// One request, counted as a profile view; a few KB of JSON for a full profile.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_profile(
        &self,
        Parameters(args): Parameters<GetProfile>,
    ) -> Result<Json<ProfileParts>, ToolError> {
        if args.sections.as_ref().is_some_and(Vec::is_empty) {
            return Err(ToolError::input(
                "sections is empty: name at least one, or leave it out for all of them",
            ));
        }
        let li = self.li();
        let answer = li.profile_sections(args.who.as_str()).await?;
        let wants = |s: Section| args.sections.as_ref().is_none_or(|only| only.contains(&s));
        let mut parts = ProfileParts::default();
        if wants(Section::Profile) {
            parts.profile = Some(answer.profile()?);
        }
        if wants(Section::Experiences) {
            parts.experiences = Some(answer.experiences()?);
        }
        if wants(Section::Skills) {
            parts.skills = Some(answer.skills()?);
        }
        if wants(Section::Education) {
            parts.education = Some(answer.education()?);
        }
        if wants(Section::Certifications) {
            parts.certifications = Some(answer.certifications()?);
        }
        if wants(Section::Languages) {
            parts.languages = Some(answer.languages()?);
        }
        if wants(Section::ContactInfo) {
            parts.contact_info = Some(answer.contact_info()?);
        }
        Ok(Json(parts))
    }

    /// A member's contact info, as far as they share it with you: e-mail address
    /// (connections only), phone numbers, websites, Twitter handles, address, birthday.
    /// One request; small.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_contact_info(
        &self,
        Parameters(args): Parameters<Who>,
    ) -> Result<Json<Contact>, ToolError> {
        let contact_info = self.li().profile_contact_info(args.who.as_str()).await?;
        Ok(Json(Contact { contact_info }))
    }

    /// Search people with LinkedIn's people-search filters. Gives `items` (each: name,
    /// headline, location, distance, public_id, profile_id, profile_urn), `count` and
    /// `next_cursor`: pass it back as `cursor` with the same other arguments for the next
    /// results, until it is absent. One request per 49 results; each counts against the
    /// daily search budget. About 0.5 KB per result.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn search_people(
        &self,
        Parameters(args): Parameters<SearchPeople>,
    ) -> Result<Json<Listed<Raw<PersonResult>>>, ToolError> {
        let pages = self.li().search_people(args.query());
        list(
            "search_people",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Search company pages by name. Gives `items` (each: name, headline, subline,
    /// universal_name for get_company, company_id), `count` and `next_cursor` (pass it back
    /// as `cursor` with the same keywords for more).
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn search_companies(
        &self,
        Parameters(args): Parameters<SearchWords>,
    ) -> Result<Json<Listed<Raw<CompanyResult>>>, ToolError> {
        let pages = self.li().search_companies(&args.keywords);
        list(
            "search_companies",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Search job postings (listed in the last 24 hours unless `listed_within_days`). Gives
    /// `items` (each: title, company, location, listed time, job_id for get_job), `count`
    /// and `next_cursor` (pass it back as `cursor` with the same other arguments for more).
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn search_jobs(
        &self,
        Parameters(args): Parameters<SearchJobs>,
    ) -> Result<Json<Listed<Raw<JobResult>>>, ToolError> {
        let pages = self.li().search_jobs(args.query()?);
        list(
            "search_jobs",
            &args,
            pages,
            (args.limit, 10),
            args.cursor.as_deref(),
        )
        .await
    }

    /// A company page: name, tagline, description, website, industries, size, headquarters,
    /// followers. One request; a few KB.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_company(
        &self,
        Parameters(args): Parameters<GetCompany>,
    ) -> Result<Json<CompanyPage>, ToolError> {
        let company = self.li().company(&args.universal_name).await?;
        Ok(Json(CompanyPage { company }))
    }

    /// A job posting: title, company, place, workplace type, contract, seniority,
    /// applicants, when listed, and the description's text. One request; a few KB.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_job(
        &self,
        Parameters(args): Parameters<GetJob>,
    ) -> Result<Json<JobPage>, ToolError> {
        let job = self.li().job(&args.job_id).await?;
        Ok(Json(JobPage { job }))
    }

    /// The logged-in member's conversations in the primary inbox, most recently active
    /// first. Gives `items` (each: thread_id for get_conversation and send_message,
    /// participants, unread_count, last_activity_at, last_message), `count` and
    /// `next_cursor` for older ones.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_conversations(
        &self,
        Parameters(args): Parameters<ListConversations>,
    ) -> Result<Json<Listed<Raw<Conversation>>>, ToolError> {
        let mut filter = ConversationFilter::inbox();
        if args.unread == Some(true) {
            filter = filter.unread();
        }
        if let Some(words) = &args.keywords {
            filter = filter.keywords(words.clone());
        }
        let pages = self.li().conversations(filter);
        list(
            "list_conversations",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The messages of one conversation (a thread), newest first. Gives `items` (each:
    /// text, sender, from_me, delivered_at in ms since the epoch), `count` and `next_cursor`
    /// for older messages.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_conversation(
        &self,
        Parameters(args): Parameters<GetConversation>,
    ) -> Result<Json<Listed<Raw<Message>>>, ToolError> {
        let pages = self.li().conversation_messages(args.conversation.as_str());
        list(
            "get_conversation",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Pending invitations to connect that the logged-in member received (or, with
    /// `sent: true`, sent), newest first. Gives `items` (each: id for accept_invitation,
    /// from / to with name and headline, message, sent_at), `count` and `next_cursor`.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_invitations(
        &self,
        Parameters(args): Parameters<ListInvitations>,
    ) -> Result<Json<Listed<Raw<Invitation>>>, ToolError> {
        let li = self.li();
        let pages = if args.sent == Some(true) {
            li.sent_invitations()
        } else {
            li.invitations()
        };
        list(
            "list_invitations",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The logged-in member's notifications, newest first. Gives `items` (each: kind,
    /// headline, actor, target URN and URL, quoted text, time, read), `count` and
    /// `next_cursor` for older ones.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn list_notifications(
        &self,
        Parameters(args): Parameters<Paging>,
    ) -> Result<Json<Listed<Raw<Notification>>>, ToolError> {
        let pages = self.li().notifications();
        list(
            "list_notifications",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The logged-in member's network in numbers: pending, unseen and sent invitations,
    /// connections, My Network notifications. Three small requests.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn network_counts(
        &self,
        Parameters(_): Parameters<NoArgs>,
    ) -> Result<Json<Counts>, ToolError> {
        let counts = self.li().network_counts().await?;
        Ok(Json(Counts { counts }))
    }

    /// A school's page: name, tagline, description, website, size, place, followers. One
    /// request; a few KB.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_school(
        &self,
        Parameters(args): Parameters<GetCompany>,
    ) -> Result<Json<CompanyPage>, ToolError> {
        let company = self.li().school(&args.universal_name).await?;
        Ok(Json(CompanyPage { company }))
    }

    /// How the logged-in member's skills match a job posting (its job_id from search_jobs):
    /// the skills it asks for that the profile lists (`matched`) and those it lacks
    /// (`missing`). One request; small.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn get_job_skills(
        &self,
        Parameters(args): Parameters<GetJob>,
    ) -> Result<Json<JobSkills>, ToolError> {
        let insight = self.li().job_skills(&args.job_id).await?;
        Ok(Json(JobSkills {
            skills: SkillMatch::from(insight),
        }))
    }

    /// The jobs the logged-in member saved (My Items), most recently saved first. Gives
    /// `items` (each: job_id for get_job, title, company_name, location, url), `count` and
    /// `next_cursor`.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn saved_jobs(
        &self,
        Parameters(args): Parameters<Paging>,
    ) -> Result<Json<Listed<Raw<JobItem>>>, ToolError> {
        let pages = self.li().saved_jobs();
        list(
            "saved_jobs",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// The jobs the logged-in member applied to, most recent first, each with its
    /// application's `state` ("Applied", "Application viewed"...). Gives `items`, `count`
    /// and `next_cursor`.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn applied_jobs(
        &self,
        Parameters(args): Parameters<Paging>,
    ) -> Result<Json<Listed<Raw<JobItem>>>, ToolError> {
        let pages = self.li().applied_jobs();
        list(
            "applied_jobs",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// How many conversations have unread messages, per mailbox: the primary inbox and
    /// message requests (SECONDARY_INBOX). One small request.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn mailbox_counts(
        &self,
        Parameters(_): Parameters<NoArgs>,
    ) -> Result<Json<MailboxCounts>, ToolError> {
        let counts = self.li().mailbox_counts().await?;
        Ok(Json(MailboxCounts { counts }))
    }

    /// Message requests: conversations from members outside the network, waiting in the
    /// secondary inbox. Gives `items` (as list_conversations), `count` and `next_cursor`.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn message_requests(
        &self,
        Parameters(args): Parameters<Paging>,
    ) -> Result<Json<Listed<Raw<Conversation>>>, ToolError> {
        let pages = self.li().message_requests();
        list(
            "message_requests",
            &args,
            pages,
            (args.limit, 20),
            args.cursor.as_deref(),
        )
        .await
    }

    /// Who viewed the logged-in member's profile: the number of views in the last 90 days,
    /// and the viewers (name, headline, distance, when) where the mobile touch API answers
    /// (the sandbox; a real account needs LINKEDIN_LI_AT and LINKEDIN_JSESSIONID in the
    /// server's environment). Two requests and a touch login.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn who_viewed_me(
        &self,
        Parameters(_): Parameters<NoArgs>,
    ) -> Result<Json<Viewers>, ToolError> {
        let views = self.li().current_profile_views().await?;
        let touch = match &self.session.sandbox {
            Some(sandbox) => crate::commands::touch::demo_login(sandbox.base_url()).await,
            None => crate::commands::touch::account_login(&self.conn).await,
        };
        let viewers = match touch {
            Ok(touch) => touch.who_viewed_me().await.map_err(Failure::from),
            Err(failure) => Err(failure),
        };
        // The views are given even when the touch API cannot be reached.
        let (viewers, viewers_note) = match viewers {
            Ok(viewers) => (Some(viewers), None),
            Err(failure) => (None, Some(failure.message)),
        };
        Ok(Json(Viewers {
            views_90_days: views.num_views,
            viewers,
            viewers_note,
        }))
    }

    /// Checks every read capability once (or the `only` areas) and says which work, which
    /// were healed (a stale id replaced), and which LinkedIn moved or refused, each with
    /// advice: 24 checks and about 30 requests for all areas, counted against the budgets;
    /// use it when other tools fail unexpectedly.
    #[tool(annotations(read_only_hint = true, open_world_hint = true))]
    async fn doctor(
        &self,
        Parameters(args): Parameters<Doctor>,
    ) -> Result<Json<DoctorReport>, ToolError> {
        let only = args.only.unwrap_or_default();
        for area in &only {
            crate::doctor_cmd::area(area).map_err(ToolError::input)?;
        }
        let only: Vec<&str> = only.iter().map(String::as_str).collect();
        let checks = self.li().doctor(&only).await?;
        Ok(Json(DoctorReport {
            all_fine: checks.iter().all(|c| c.health.is_fine()),
            checks,
        }))
    }
}
