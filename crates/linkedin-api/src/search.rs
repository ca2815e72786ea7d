//! Search: people (with every filter of the Python client), the connections of a profile,
//! companies, posts, jobs, and the general search they are built on.
//!
//! Every search is a [`Pages`] stream paged by offset. People, companies, posts and the
//! general search go through LinkedIn's GraphQL search clusters (`voyagerSearchDashClusters`,
//! the current `queryId` is in the catalogue: the one 2.3.1 sends, `b0928897…`, answers empty
//! results now); jobs go through the job cards (`/voyagerJobsDashJobCards`). Pages hold at most
//! 49 results, the most LinkedIn gives. Filters are built from typed values and encoded by
//! `restli`, so keywords such as `C++, Rust (senior) O'Brien & co` reach LinkedIn intact.
//!
//! The Python client's `limit` is [`Pages::limit`]; its `offset` is the `offset` of each query
//! builder.

use std::time::Duration;

use linkedin_models::Raw;
pub use linkedin_models::search::{Distance, ResultType};
use linkedin_models::search::{EntityResult, JobCards, JobPostingCard, SearchClusters};
use linkedin_models::{Paging, Text};
use restli::{Map, Value as Rv};
use serde::Serialize;
use serde_json::Value;

use crate::client::{Linkedin, endpoint};
use crate::error::{Error, Result};
use crate::paginate::{Page, Pages, Position, recognised};
use crate::validate;

/// The catalogue entry of the GraphQL search clusters.
const CLUSTERS: &str = "search_clusters";
/// The catalogue entry of the job search.
const JOBS: &str = "job_search";
/// The page size when the catalogue gives no `max_count` (2.3.1's `_MAX_SEARCH_COUNT`).
const PAGE_MAX: u32 = 49;
/// How many pages in a row may hold only private profiles before a people search gives up
/// (each is skipped unless [`PeopleSearch::include_private_profiles`] is set).
const PRIVATE_PAGES_MAX: usize = 20;
/// The longest text of a keyword filter (first name, title...).
const KEYWORD_FILTER_MAX: usize = 200;
/// The longest opaque facet value (a nonprofit interest, a contact interest).
const FACET_VALUE_MAX: usize = 100;

// ---------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------

/// A member found by a people search.
///
/// The Python client's dict keys: `urn_id` is [`profile_id`](Self::profile_id), `jobtitle`
/// is [`headline`](Self::headline).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PersonResult {
    /// The profile id (`ACoAA…`), Python's `urn_id`.
    pub profile_id: String,
    /// `urn:li:fsd_profile:<profile id>`.
    pub urn: String,
    /// The public id (`linkedin.com/in/<public id>`), when the result links the profile.
    pub public_id: Option<String>,
    /// The numeric member id, when given.
    pub member_id: Option<u64>,
    /// The full name ("LinkedIn Member" for a private profile).
    pub name: String,
    /// The headline (Python's `jobtitle`).
    pub headline: Option<String>,
    /// Where the member is.
    pub location: Option<String>,
    /// How close the member is to you.
    pub distance: Option<Distance>,
    #[serde(skip)]
    raw: Value,
}

impl PersonResult {
    /// The result as LinkedIn sent it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A company found by a company search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CompanyResult {
    /// The numeric company id (`urn:li:company:<id>`), Python's `urn_id`.
    pub company_id: String,
    /// `urn:li:company:<id>`.
    pub urn: String,
    /// The universal name (`linkedin.com/company/<name>`), when the result links the page.
    pub universal_name: Option<String>,
    /// The name.
    pub name: String,
    /// The first line under the name (industry and place), Python's `headline`.
    pub headline: Option<String>,
    /// The second line (followers), Python's `subline`.
    pub subline: Option<String>,
    #[serde(skip)]
    raw: Value,
}

impl CompanyResult {
    /// The result as LinkedIn sent it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A post found by a content search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PostResult {
    /// The post, `urn:li:activity:<id>`.
    pub urn: String,
    /// Who wrote it.
    pub author_name: String,
    /// The author's headline (for a company, its followers).
    pub author_headline: Option<String>,
    /// The text.
    pub text: Option<String>,
    /// The post's page on linkedin.com.
    pub url: Option<String>,
    #[serde(skip)]
    raw: Value,
}

impl PostResult {
    /// The result as LinkedIn sent it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

/// A job found by a job search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct JobResult {
    /// The numeric job id (`urn:li:jobPosting:<id>`), what `get_job` takes.
    pub job_id: String,
    /// `urn:li:jobPosting:<id>`, Python's `trackingUrn`.
    pub urn: String,
    /// The title.
    pub title: String,
    /// The company's name.
    pub company_name: Option<String>,
    /// Where the job is.
    pub location: Option<String>,
    #[serde(skip)]
    raw: Value,
}

impl JobResult {
    /// The job card as LinkedIn sent it.
    #[must_use]
    pub fn raw(&self) -> &Value {
        &self.raw
    }
}

// ---------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------

/// How far from you a member is: the `network` filter of a people search (Python's
/// `network_depths`, `"F"`, `"S"` and `"O"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Network {
    /// Your connections (`F`).
    First,
    /// Their connections (`S`).
    Second,
    /// Everyone further (`O`).
    ThirdPlus,
}

impl Network {
    /// The code LinkedIn takes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::First => "F",
            Self::Second => "S",
            Self::ThirdPlus => "O",
        }
    }
}

/// A general search: keywords, a result type and any filters, as LinkedIn's search page
/// sends them (`(key:<name>,value:List(<values>))`).
///
/// ```
/// use linkedin_api::{ResultType, Search};
///
/// let query = Search::keywords("robotics")
///     .result_type(ResultType::People)
///     .filter("geoUrn", &["105080838"]);
/// # let _ = query;
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct Search {
    keywords: Option<String>,
    result_type: Option<ResultType>,
    filters: Vec<(String, Vec<String>)>,
    offset: u32,
}

impl Search {
    /// A search without keywords.
    pub fn new() -> Self {
        Self::default()
    }

    /// A search for `keywords`.
    pub fn keywords(keywords: impl Into<String>) -> Self {
        Self {
            keywords: Some(keywords.into()),
            ..Self::default()
        }
    }

    /// What to look for (`resultType`); LinkedIn mixes kinds without one.
    pub fn result_type(mut self, result_type: ResultType) -> Self {
        self.result_type = Some(result_type);
        self
    }

    /// A filter: its name (`currentCompany`, `geoUrn`...) and the values any of which may
    /// match.
    pub fn filter<S: AsRef<str>>(mut self, key: impl Into<String>, values: &[S]) -> Self {
        self.filters.push((
            key.into(),
            values.iter().map(|v| v.as_ref().to_owned()).collect(),
        ));
        self
    }

    /// Skips the first `offset` results (Python's `offset`).
    pub fn offset(mut self, offset: u32) -> Self {
        self.offset = offset;
        self
    }

    fn build(self) -> Result<ClusterQuery> {
        let keywords = keywords(self.keywords.as_deref())?;
        let mut filters = Vec::new();
        if let Some(t) = &self.result_type {
            filters.push(("resultType".to_owned(), vec![t.as_str().to_owned()]));
        }
        for (key, values) in self.filters {
            let key = validate::filter_key("filter", &key)?;
            if key == "resultType" {
                return Err(Error::InvalidInput {
                    field: "filter",
                    reason: "set the result type with Search::result_type".to_owned(),
                });
            }
            let values = values
                .iter()
                .map(|v| validate::text("filter", v, FACET_VALUE_MAX).map(|v| v.trim().to_owned()))
                .collect::<Result<Vec<_>>>()?;
            if values.is_empty() {
                return Err(Error::InvalidInput {
                    field: "filter",
                    reason: format!("{key} has no values"),
                });
            }
            filters.push((key, values));
        }
        Ok(ClusterQuery {
            keywords,
            filters,
            offset: self.offset,
        })
    }
}

/// A people search with every filter of the Python client's `search_people`; each method
/// is named after its Python argument.
///
/// ```
/// use linkedin_api::{Network, PeopleSearch};
///
/// let query = PeopleSearch::keywords("rust")
///     .network(&[Network::First, Network::Second])
///     .current_company(&["1337"])
///     .regions(&["105080838"])
///     .profile_languages(&["en"]);
/// # let _ = query;
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct PeopleSearch {
    keywords: Option<String>,
    connection_of: Option<String>,
    network: Vec<Network>,
    regions: Vec<String>,
    industries: Vec<String>,
    current_company: Vec<String>,
    past_companies: Vec<String>,
    profile_languages: Vec<String>,
    nonprofit_interests: Vec<String>,
    schools: Vec<String>,
    service_categories: Vec<String>,
    contact_interests: Vec<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    title: Option<String>,
    company: Option<String>,
    school: Option<String>,
    include_private_profiles: bool,
    offset: u32,
}

fn owned<S: AsRef<str>>(values: &[S]) -> Vec<String> {
    values.iter().map(|v| v.as_ref().to_owned()).collect()
}

impl PeopleSearch {
    /// A people search without keywords (filters only).
    pub fn new() -> Self {
        Self::default()
    }

    /// A people search for `keywords` (Python's `keywords`), matched against names,
    /// headlines and more.
    pub fn keywords(keywords: impl Into<String>) -> Self {
        Self {
            keywords: Some(keywords.into()),
            ..Self::default()
        }
    }

    /// Only connections of this member: a profile id (`ACoAA…`) or its
    /// `urn:li:fsd_profile:` URN (Python's `connection_of`).
    pub fn connection_of(mut self, profile: impl Into<String>) -> Self {
        self.connection_of = Some(profile.into());
        self
    }

    /// Only members this far from you (Python's `network_depths`).
    pub fn network(mut self, depths: &[Network]) -> Self {
        self.network = depths.to_vec();
        self
    }

    /// Only members in these places: geo ids such as `105080838` (New York) or
    /// `urn:li:fsd_geo:` URNs (Python's `regions`).
    pub fn regions<S: AsRef<str>>(mut self, geo_ids: &[S]) -> Self {
        self.regions = owned(geo_ids);
        self
    }

    /// Only members in these industries: industry ids such as `4` (Software Development)
    /// (Python's `industries`).
    pub fn industries<S: AsRef<str>>(mut self, industry_ids: &[S]) -> Self {
        self.industries = owned(industry_ids);
        self
    }

    /// Only members working now at one of these companies: company ids such as `1337` or
    /// `urn:li:company:` URNs (Python's `current_company`).
    pub fn current_company<S: AsRef<str>>(mut self, company_ids: &[S]) -> Self {
        self.current_company = owned(company_ids);
        self
    }

    /// Only members who worked at one of these companies before (Python's
    /// `past_companies`).
    pub fn past_companies<S: AsRef<str>>(mut self, company_ids: &[S]) -> Self {
        self.past_companies = owned(company_ids);
        self
    }

    /// Only members whose profile is in one of these languages: two-letter codes such as
    /// `en`, `fr` (Python's `profile_languages`).
    pub fn profile_languages<S: AsRef<str>>(mut self, codes: &[S]) -> Self {
        self.profile_languages = owned(codes);
        self
    }

    /// Only members with one of these nonprofit interests (Python's `nonprofit_interests`).
    pub fn nonprofit_interests<S: AsRef<str>>(mut self, interests: &[S]) -> Self {
        self.nonprofit_interests = owned(interests);
        self
    }

    /// Only members who went to one of these schools: school ids (Python's `schools`).
    pub fn schools<S: AsRef<str>>(mut self, school_ids: &[S]) -> Self {
        self.schools = owned(school_ids);
        self
    }

    /// Only members offering services in one of these categories: service category ids
    /// (Python's `service_categories`).
    pub fn service_categories<S: AsRef<str>>(mut self, category_ids: &[S]) -> Self {
        self.service_categories = owned(category_ids);
        self
    }

    /// Only members open to these kinds of contact: `proBono`, `boardMember` (Python's
    /// `contact_interests`, which the Python client accepts but never sends; this sends them
    /// as the `contactInterest` filter, named like LinkedIn's other filters).
    pub fn contact_interests<S: AsRef<str>>(mut self, interests: &[S]) -> Self {
        self.contact_interests = owned(interests);
        self
    }

    /// Only members with this first name (Python's `keyword_first_name`).
    pub fn keyword_first_name(mut self, name: impl Into<String>) -> Self {
        self.first_name = Some(name.into());
        self
    }

    /// Only members with this last name (Python's `keyword_last_name`).
    pub fn keyword_last_name(mut self, name: impl Into<String>) -> Self {
        self.last_name = Some(name.into());
        self
    }

    /// Only members whose title matches (Python's `keyword_title`).
    pub fn keyword_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The same as [`keyword_title`](Self::keyword_title): Python's older `title` argument.
    pub fn title(self, title: impl Into<String>) -> Self {
        self.keyword_title(title)
    }

    /// Only members whose company name matches (Python's `keyword_company`).
    pub fn keyword_company(mut self, company: impl Into<String>) -> Self {
        self.company = Some(company.into());
        self
    }

    /// Only members whose school name matches (Python's `keyword_school`).
    pub fn keyword_school(mut self, school: impl Into<String>) -> Self {
        self.school = Some(school.into());
        self
    }

    /// Also give private profiles ("LinkedIn Member", out of network), which are left out by
    /// default (Python's `include_private_profiles`).
    pub fn include_private_profiles(mut self, include: bool) -> Self {
        self.include_private_profiles = include;
        self
    }

    /// Skips the first `offset` results (Python's `offset`).
    pub fn offset(mut self, offset: u32) -> Self {
        self.offset = offset;
        self
    }

    /// The filters in the order the Python client sends them, every value checked.
    fn build(self) -> Result<(ClusterQuery, bool)> {
        let keywords = keywords(self.keywords.as_deref())?;
        let mut filters: Vec<(String, Vec<String>)> =
            vec![("resultType".to_owned(), vec!["PEOPLE".to_owned()])];
        let mut push = |key: &str, values: Vec<String>| {
            if !values.is_empty() {
                filters.push((key.to_owned(), values));
            }
        };
        let ids = |field: &'static str, values: &[String], types: &[&str]| {
            values
                .iter()
                .map(|v| validate::numeric_id(field, v, types))
                .collect::<Result<Vec<_>>>()
        };
        let facets = |field: &'static str, values: &[String]| {
            values
                .iter()
                .map(|v| validate::text(field, v, FACET_VALUE_MAX).map(|v| v.trim().to_owned()))
                .collect::<Result<Vec<_>>>()
        };
        let phrase = |field: &'static str, value: &Option<String>| {
            value
                .as_deref()
                .map(|v| {
                    validate::text(field, v, KEYWORD_FILTER_MAX).map(|v| vec![v.trim().to_owned()])
                })
                .transpose()
                .map(Option::unwrap_or_default)
        };
        if let Some(profile) = &self.connection_of {
            push(
                "connectionOf",
                vec![validate::profile_id("connection_of", profile)?],
            );
        }
        let mut network: Vec<String> = Vec::new();
        for n in &self.network {
            let code = n.code().to_owned();
            if !network.contains(&code) {
                network.push(code);
            }
        }
        push("network", network);
        push(
            "geoUrn",
            ids("regions", &self.regions, &["fsd_geo", "geo"])?,
        );
        push(
            "industry",
            ids(
                "industries",
                &self.industries,
                &["fsd_industry", "industry"],
            )?,
        );
        push(
            "currentCompany",
            ids(
                "current_company",
                &self.current_company,
                &["company", "fsd_company"],
            )?,
        );
        push(
            "pastCompany",
            ids(
                "past_companies",
                &self.past_companies,
                &["company", "fsd_company"],
            )?,
        );
        push(
            "profileLanguage",
            self.profile_languages
                .iter()
                .map(|c| validate::language_code("profile_languages", c))
                .collect::<Result<Vec<_>>>()?,
        );
        push(
            "nonprofitInterest",
            facets("nonprofit_interests", &self.nonprofit_interests)?,
        );
        push(
            "schools",
            ids(
                "schools",
                &self.schools,
                &["fsd_school", "school", "company"],
            )?,
        );
        push(
            "serviceCategory",
            ids(
                "service_categories",
                &self.service_categories,
                &["fsd_serviceCategory", "serviceCategory"],
            )?,
        );
        push(
            "contactInterest",
            facets("contact_interests", &self.contact_interests)?,
        );
        push("firstName", phrase("keyword_first_name", &self.first_name)?);
        push("lastName", phrase("keyword_last_name", &self.last_name)?);
        push("title", phrase("keyword_title", &self.title)?);
        push("company", phrase("keyword_company", &self.company)?);
        push("school", phrase("keyword_school", &self.school)?);
        Ok((
            ClusterQuery {
                keywords,
                filters,
                offset: self.offset,
            },
            self.include_private_profiles,
        ))
    }
}

/// How a job is done on site: the `workplaceType` filter (Python's `remote`: `"1"`, `"2"`,
/// `"3"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Workplace {
    /// On site (`1`).
    OnSite,
    /// Remote (`2`).
    Remote,
    /// Hybrid (`3`).
    Hybrid,
}

impl Workplace {
    /// The code LinkedIn takes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::OnSite => "1",
            Self::Remote => "2",
            Self::Hybrid => "3",
        }
    }
}

/// The seniority of a job: the `experience` filter (Python's `experience`, `"1"` to `"6"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExperienceLevel {
    /// Internship (`1`).
    Internship,
    /// Entry level (`2`).
    EntryLevel,
    /// Associate (`3`).
    Associate,
    /// Mid-senior level (`4`).
    MidSenior,
    /// Director (`5`).
    Director,
    /// Executive (`6`).
    Executive,
}

impl ExperienceLevel {
    /// The code LinkedIn takes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Internship => "1",
            Self::EntryLevel => "2",
            Self::Associate => "3",
            Self::MidSenior => "4",
            Self::Director => "5",
            Self::Executive => "6",
        }
    }
}

/// The kind of contract: the `jobType` filter (Python's `job_type`, `F C P T I V O`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JobType {
    /// Full-time (`F`).
    FullTime,
    /// Contract (`C`).
    Contract,
    /// Part-time (`P`).
    PartTime,
    /// Temporary (`T`).
    Temporary,
    /// Internship (`I`).
    Internship,
    /// Volunteer (`V`).
    Volunteer,
    /// Other (`O`).
    Other,
}

impl JobType {
    /// The code LinkedIn takes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::FullTime => "F",
            Self::Contract => "C",
            Self::PartTime => "P",
            Self::Temporary => "T",
            Self::Internship => "I",
            Self::Volunteer => "V",
            Self::Other => "O",
        }
    }
}

/// A job search with every filter of the Python client's `search_jobs`; each method is
/// named after its Python argument.
///
/// Only jobs listed in the last 24 hours are searched unless [`listed_at`](Self::listed_at)
/// says otherwise: the Python client's default (`listed_at=86400` seconds), kept so that the
/// same query finds the same jobs. It is short; an empty result often only means that.
///
/// ```
/// use std::time::Duration;
/// use linkedin_api::{JobSearch, Workplace};
///
/// let query = JobSearch::keywords("rust engineer")
///     .location_name("Berlin")
///     .remote(&[Workplace::Remote, Workplace::Hybrid])
///     .listed_at(Duration::from_secs(7 * 24 * 60 * 60));
/// # let _ = query;
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct JobSearch {
    keywords: Option<String>,
    companies: Vec<String>,
    experience: Vec<ExperienceLevel>,
    job_type: Vec<JobType>,
    job_title: Vec<String>,
    industries: Vec<String>,
    location_name: Option<String>,
    remote: Vec<Workplace>,
    listed_at: Duration,
    distance: Option<u32>,
    offset: u32,
}

impl Default for JobSearch {
    fn default() -> Self {
        Self {
            keywords: None,
            companies: Vec::new(),
            experience: Vec::new(),
            job_type: Vec::new(),
            job_title: Vec::new(),
            industries: Vec::new(),
            location_name: None,
            remote: Vec::new(),
            listed_at: Self::DEFAULT_LISTED_AT,
            distance: None,
            offset: 0,
        }
    }
}

impl JobSearch {
    /// How far back a job search looks by default: 24 hours, the Python client's default
    /// (`listed_at=24 * 60 * 60`).
    pub const DEFAULT_LISTED_AT: Duration = Duration::from_secs(24 * 60 * 60);

    /// A job search without keywords.
    pub fn new() -> Self {
        Self::default()
    }

    /// A job search for `keywords` (Python's `keywords`), matched against titles and
    /// descriptions.
    pub fn keywords(keywords: impl Into<String>) -> Self {
        Self {
            keywords: Some(keywords.into()),
            ..Self::default()
        }
    }

    /// Only jobs at these companies: company ids or `urn:li:company:` URNs (Python's
    /// `companies`).
    pub fn companies<S: AsRef<str>>(mut self, company_ids: &[S]) -> Self {
        self.companies = owned(company_ids);
        self
    }

    /// Only jobs of these seniorities (Python's `experience`).
    pub fn experience(mut self, levels: &[ExperienceLevel]) -> Self {
        self.experience = levels.to_vec();
        self
    }

    /// Only jobs with these contracts (Python's `job_type`).
    pub fn job_type(mut self, types: &[JobType]) -> Self {
        self.job_type = types.to_vec();
        self
    }

    /// Only jobs with these standardized titles: title ids such as `9` (Python's
    /// `job_title`).
    pub fn job_title<S: AsRef<str>>(mut self, title_ids: &[S]) -> Self {
        self.job_title = owned(title_ids);
        self
    }

    /// Only jobs in these industries: industry ids (Python's `industries`).
    pub fn industries<S: AsRef<str>>(mut self, industry_ids: &[S]) -> Self {
        self.industries = owned(industry_ids);
        self
    }

    /// Only jobs in this place, by name: `San Francisco` (Python's `location_name`).
    pub fn location_name(mut self, name: impl Into<String>) -> Self {
        self.location_name = Some(name.into());
        self
    }

    /// Only jobs with these workplace types (Python's `remote`).
    pub fn remote(mut self, workplaces: &[Workplace]) -> Self {
        self.remote = workplaces.to_vec();
        self
    }

    /// Only jobs listed this long ago at most (Python's `listed_at`, in seconds; 24 hours
    /// by default, see [`DEFAULT_LISTED_AT`](Self::DEFAULT_LISTED_AT)). Whole seconds count.
    pub fn listed_at(mut self, within: Duration) -> Self {
        self.listed_at = within;
        self
    }

    /// Only jobs within this many miles of [`location_name`](Self::location_name)
    /// (Python's `distance`).
    pub fn distance(mut self, miles: u32) -> Self {
        self.distance = Some(miles);
        self
    }

    /// Skips the first `offset` results (Python's `offset`).
    pub fn offset(mut self, offset: u32) -> Self {
        self.offset = offset;
        self
    }

    /// The `query` parameter, every value checked.
    fn build(self) -> Result<(Map, u32)> {
        let mut query = Map::new();
        if let Some(k) = keywords(self.keywords.as_deref())? {
            query.push("keywords", k);
        }
        if let Some(place) = &self.location_name {
            let place = validate::text("location_name", place, KEYWORD_FILTER_MAX)?;
            query.push("locationFallback", place.trim());
        }
        let mut selected = Map::new();
        let mut push = |key: &str, values: Vec<String>| {
            if !values.is_empty() {
                selected.push(key, Rv::list(values));
            }
        };
        let codes = |codes: Vec<&'static str>| {
            let mut out: Vec<String> = Vec::new();
            for c in codes {
                if !out.iter().any(|o| o == c) {
                    out.push(c.to_owned());
                }
            }
            out
        };
        push(
            "company",
            self.companies
                .iter()
                .map(|c| validate::numeric_id("companies", c, &["company", "fsd_company"]))
                .collect::<Result<Vec<_>>>()?,
        );
        push(
            "experience",
            codes(self.experience.iter().map(|e| e.code()).collect()),
        );
        push(
            "jobType",
            codes(self.job_type.iter().map(|t| t.code()).collect()),
        );
        push(
            "title",
            self.job_title
                .iter()
                .map(|t| validate::numeric_id("job_title", t, &["fsd_title", "title"]))
                .collect::<Result<Vec<_>>>()?,
        );
        push(
            "industry",
            self.industries
                .iter()
                .map(|i| validate::numeric_id("industries", i, &["fsd_industry", "industry"]))
                .collect::<Result<Vec<_>>>()?,
        );
        if let Some(miles) = self.distance {
            if miles == 0 {
                return Err(Error::InvalidInput {
                    field: "distance",
                    reason: "0 miles; give at least 1".to_owned(),
                });
            }
            push("distance", vec![miles.to_string()]);
        }
        push(
            "workplaceType",
            codes(self.remote.iter().map(|w| w.code()).collect()),
        );
        let seconds = self.listed_at.as_secs();
        if seconds == 0 {
            return Err(Error::InvalidInput {
                field: "listed_at",
                reason: "under one second; give how far back to look, e.g. 86400 s for a day"
                    .to_owned(),
            });
        }
        push("timePostedRange", vec![format!("r{seconds}")]);
        query.push("selectedFilters", selected);
        Ok((query, self.offset))
    }
}

/// Checked keywords: `None` when not given.
fn keywords(keywords: Option<&str>) -> Result<Option<String>> {
    keywords
        .map(|k| validate::text("keywords", k, validate::KEYWORDS_MAX).map(|k| k.trim().to_owned()))
        .transpose()
}

// ---------------------------------------------------------------------------------------
// Requests and pages
// ---------------------------------------------------------------------------------------

/// A checked search-clusters query.
#[derive(Debug, Clone)]
struct ClusterQuery {
    keywords: Option<String>,
    filters: Vec<(String, Vec<String>)>,
    offset: u32,
}

impl ClusterQuery {
    /// `query:(keywords:…,queryParameters:List((key:…,value:List(…)),…))`; the catalogue adds
    /// `flagshipSearchIntent` and `includeFiltersInResponse`.
    fn restli(&self) -> Map {
        let mut query = Map::new();
        if let Some(k) = &self.keywords {
            query.push("keywords", k.as_str());
        }
        let parameters = self
            .filters
            .iter()
            .map(|(key, values)| {
                let entry: Map = [
                    ("key", Rv::from(key.as_str())),
                    ("value", Rv::list(values.iter().map(String::as_str))),
                ]
                .into_iter()
                .collect();
                Rv::from(entry)
            })
            .collect::<Vec<_>>();
        query.push("queryParameters", Rv::List(parameters));
        query
    }
}

/// The largest page of a catalogue entry.
fn page_size(name: &'static str) -> Result<u32> {
    Ok(endpoint(name)?.max_count.unwrap_or(PAGE_MAX))
}

/// The offset of a page position.
fn offset_of(name: &'static str, at: &Position) -> Result<u32> {
    match at {
        Position::Start(start) => Ok(*start),
        other => Err(Error::InvalidInput {
            field: "position",
            reason: format!("{name} pages by offset (Position::Start), not {other:?}"),
        }),
    }
}

/// Where the page after the one at `start` begins: `None` after an empty page, at the
/// total, or after a short page when LinkedIn gives no total. The step is the page size
/// LinkedIn says it used.
fn next_start(
    start: u32,
    asked: u32,
    paging: Option<&Paging>,
    raw_count: usize,
) -> Option<Position> {
    if raw_count == 0 {
        return None;
    }
    let step = paging
        .map(|p| p.count)
        .filter(|&c| c > 0)
        .unwrap_or(u64::from(asked));
    let next = u64::from(start) + step;
    match paging.and_then(|p| p.total) {
        Some(total) if next >= total => None,
        None if (raw_count as u64) < step => None,
        _ => u32::try_from(next).ok().map(Position::Start),
    }
}

/// The `total` to hold a page to: the first page of a stream with results must have some the
/// models recognise; later pages may be empty (LinkedIn stops serving deep pages).
fn total_for(at_first: bool, paging: Option<&Paging>) -> Option<u64> {
    if at_first {
        paging.and_then(|p| p.total)
    } else {
        None
    }
}

/// The text of an optional text view model, `None` when empty.
fn text_of(text: Option<&Text>) -> Option<String> {
    text.map(|t| t.text.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// `s` with `%XX` escapes decoded (as URL paths carry localized public ids).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(u8::try_from(h * 16 + l).unwrap_or(b'?'));
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The path segment after `/<marker>/` in a linkedin.com URL.
fn url_segment(url: &str, marker: &str) -> Option<String> {
    let rest = &url[url.find(marker)? + marker.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let segment = percent_decode(&rest[..end]);
    (!segment.is_empty()).then_some(segment)
}

/// A person from an entity result; `None` for results about anything else.
fn person(result: &Raw<EntityResult>) -> Option<PersonResult> {
    let urn = restli::Urn::parse(result.target_urn()?).ok()?;
    if urn.entity_type() != "fsd_profile" || urn.id().is_empty() {
        return None;
    }
    Some(PersonResult {
        profile_id: urn.id().to_owned(),
        urn: urn.as_str().to_owned(),
        public_id: result
            .navigation_url
            .as_deref()
            .and_then(|u| url_segment(u, "/in/")),
        member_id: result
            .tracking_urn
            .as_deref()
            .and_then(|u| u.strip_prefix("urn:li:member:"))
            .and_then(|id| id.parse().ok()),
        name: text_of(result.title.as_ref()).unwrap_or_default(),
        headline: text_of(result.primary_subtitle.as_ref()),
        location: text_of(result.secondary_subtitle.as_ref()),
        distance: result.distance().cloned(),
        raw: result.raw().clone(),
    })
}

/// A company from an entity result (by `urn:li:company:` tracking URN, as the Python client
/// reads it, or by the `urn:li:fsd_company:` target); `None` for anything else.
fn company(result: &Raw<EntityResult>) -> Option<CompanyResult> {
    let from_tracking = result
        .tracking_urn
        .as_deref()
        .and_then(|u| u.strip_prefix("urn:li:company:"));
    let from_target = result
        .target_urn()
        .and_then(|u| u.strip_prefix("urn:li:fsd_company:"));
    let id = from_tracking.or(from_target)?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(CompanyResult {
        company_id: id.to_owned(),
        urn: format!("urn:li:company:{id}"),
        universal_name: result
            .navigation_url
            .as_deref()
            .and_then(|u| url_segment(u, "/company/")),
        name: text_of(result.title.as_ref()).unwrap_or_default(),
        headline: text_of(result.primary_subtitle.as_ref()),
        subline: text_of(result.secondary_subtitle.as_ref()),
        raw: result.raw().clone(),
    })
}

/// A post from an entity result (an `urn:li:activity:` target or tracking URN); `None` for
/// anything else.
fn post(result: &Raw<EntityResult>) -> Option<PostResult> {
    let is_activity = |u: &&str| u.starts_with("urn:li:activity:");
    let urn = result
        .target_urn()
        .filter(is_activity)
        .or_else(|| result.tracking_urn.as_deref().filter(is_activity))?;
    Some(PostResult {
        urn: urn.to_owned(),
        author_name: text_of(result.title.as_ref()).unwrap_or_default(),
        author_headline: text_of(result.primary_subtitle.as_ref()),
        text: text_of(result.summary.as_ref()),
        url: result.navigation_url.clone(),
        raw: result.raw().clone(),
    })
}

/// A job from a job card; `None` for a card without a job id.
fn job(card: &Raw<JobPostingCard>) -> Option<JobResult> {
    let posting = card.job_posting.as_ref();
    let id = posting
        .and_then(|p| p.tracking_urn.as_deref())
        .and_then(|u| u.strip_prefix("urn:li:jobPosting:"))
        .or_else(|| {
            card.job_posting_urn
                .as_deref()
                .or_else(|| posting.and_then(|p| p.entity_urn.as_deref()))
                .and_then(|u| u.strip_prefix("urn:li:fsd_jobPosting:"))
        })
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))?;
    let title = card
        .job_posting_title
        .as_ref()
        .or(card.title.as_ref())
        .or_else(|| posting.and_then(|p| p.title.as_ref()))
        .map(|t| t.0.trim().to_owned())
        .unwrap_or_default();
    Some(JobResult {
        job_id: id.to_owned(),
        urn: format!("urn:li:jobPosting:{id}"),
        title,
        company_name: text_of(card.primary_description.as_ref()),
        location: text_of(card.secondary_description.as_ref()),
        raw: card.raw().clone(),
    })
}

/// The people of a page: the results about members.
fn people_of(clusters: &SearchClusters) -> Vec<PersonResult> {
    clusters.entity_results().filter_map(person).collect()
}

/// `people` without the private profiles ("LinkedIn Member", out of network) unless they
/// are asked for.
fn public_only(people: Vec<PersonResult>, include_private: bool) -> Vec<PersonResult> {
    if include_private {
        return people;
    }
    people
        .into_iter()
        .filter(|p| p.distance != Some(Distance::OutOfNetwork))
        .collect()
}

impl Linkedin {
    /// A page of the search clusters at `start`, with where the next one starts.
    async fn clusters_page(
        &self,
        query: &ClusterQuery,
        start: u32,
    ) -> Result<(SearchClusters, Option<Position>)> {
        let count = page_size(CLUSTERS)?;
        let call = self
            .call(CLUSTERS)
            .var("start", start)
            .var("count", count)
            .var("query", query.restli());
        let clusters: Option<SearchClusters> =
            self.fetch(call, "/data/searchDashClustersByAll").await?;
        let clusters = clusters.unwrap_or_default();
        let next = next_start(
            start,
            count,
            clusters.paging.as_ref(),
            clusters.items().count(),
        );
        Ok((clusters, next))
    }

    /// Pages of the search clusters, each result read by `read` (results it cannot read are
    /// left out; a first page with results but none readable is [`Error::SchemaMoved`]).
    fn cluster_pages<T, F>(&self, query: ClusterQuery, read: F) -> Pages<T>
    where
        T: Send + 'static,
        F: Fn(&SearchClusters) -> Vec<T> + Send + Sync + Copy + 'static,
    {
        let first = query.offset;
        self.paginate(Position::Start(first), move |li, at| {
            let query = query.clone();
            async move {
                let start = offset_of(CLUSTERS, &at)?;
                let (clusters, next) = li.clusters_page(&query, start).await?;
                let items = recognised(
                    CLUSTERS,
                    total_for(start == first, clusters.paging.as_ref()),
                    clusters.items().count(),
                    read(&clusters),
                )?;
                Ok(Page { items, next })
            }
        })
    }

    /// A stream that fails at once with the refusal of a query (nothing is sent).
    fn refused<T: Send + 'static>(&self, error: Error) -> Pages<T> {
        let (field, reason) = match error {
            Error::InvalidInput { field, reason } => (field, reason),
            other => ("query", other.to_string()),
        };
        self.paginate(Position::Start(0), move |_, _| {
            let reason = reason.clone();
            async move { Err(Error::InvalidInput { field, reason }) }
        })
    }

    /// Searches LinkedIn for anything by keywords, result type and raw filters.
    ///
    /// Python: `search`
    ///
    /// Each result is given as LinkedIn shows it ([`EntityResult`]), with its JSON.
    ///
    /// # Errors
    ///
    /// The stream gives [`Error::InvalidInput`] first, with nothing sent, for bad keywords or
    /// filters; [`Error::SchemaMoved`] when LinkedIn reports results the models cannot read;
    /// any transport error.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use linkedin_api::{ResultType, Search};
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let results: Vec<_> = linkedin
    ///     .search(Search::keywords("robotics").result_type(ResultType::Companies))
    ///     .limit(20)
    ///     .try_collect()
    ///     .await?;
    /// for r in &results {
    ///     println!("{:?}", r.title);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search(&self, query: Search) -> Pages<Raw<EntityResult>> {
        match query.build() {
            Ok(query) => self.cluster_pages(query, |c| c.entity_results().cloned().collect()),
            Err(e) => self.refused(e),
        }
    }

    /// Searches people, with every filter of the Python client.
    ///
    /// Python: `search_people`
    ///
    /// The filters are those of [`PeopleSearch`]. Private profiles ("LinkedIn Member", out of network) are left out unless
    /// [`PeopleSearch::include_private_profiles`] is set, as in Python.
    ///
    /// # Errors
    ///
    /// The stream gives [`Error::InvalidInput`] first, with nothing sent, for a bad filter
    /// value (a company id that is not a number, a language that is not a two-letter code, a
    /// `connection_of` that is not a profile id...); [`Error::SchemaMoved`] when LinkedIn
    /// reports results the models cannot read; any transport error.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use linkedin_api::{Network, PeopleSearch};
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let query = PeopleSearch::keywords("rust")
    ///     .network(&[Network::Second])
    ///     .current_company(&["1337"]);
    /// let mut people = linkedin.search_people(query).limit(100);
    /// while let Some(person) = people.try_next().await? {
    ///     println!("{} ({:?}): {:?}", person.name, person.distance, person.headline);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_people(&self, query: PeopleSearch) -> Pages<PersonResult> {
        let (query, include_private) = match query.build() {
            Ok(built) => built,
            Err(e) => return self.refused(e),
        };
        let first = query.offset;
        self.paginate(Position::Start(first), move |li, at| {
            let query = query.clone();
            async move {
                let mut start = offset_of(CLUSTERS, &at)?;
                // A page of private profiles only is skipped (an empty page would end the
                // stream), up to a bound.
                for _ in 0..PRIVATE_PAGES_MAX {
                    let (clusters, next) = li.clusters_page(&query, start).await?;
                    let all = recognised(
                        CLUSTERS,
                        total_for(start == first, clusters.paging.as_ref()),
                        clusters.items().count(),
                        people_of(&clusters),
                    )?;
                    let items = public_only(all, include_private);
                    match next {
                        Some(Position::Start(n)) if items.is_empty() => start = n,
                        next => return Ok(Page { items, next }),
                    }
                }
                Ok(Page {
                    items: Vec::new(),
                    next: None,
                })
            }
        })
    }

    /// Lists the connections of a member, by a people search.
    ///
    /// Python: `get_profile_connections`
    ///
    /// `profile` is a profile id (`ACoAA…`) or its `urn:li:fsd_profile:` URN; the search asks
    /// for connections of it among your 1st and 2nd degree. LinkedIn shows the connections of your own connections: all of theirs are within
    /// your 2nd degree. (The network filter `F` alone would give only your mutual
    /// connections.) For more filters, use [`search_people`](Self::search_people) with
    /// [`PeopleSearch::connection_of`].
    ///
    /// # Errors
    ///
    /// As [`search_people`](Self::search_people); [`Error::InvalidInput`] (nothing sent) when
    /// `profile` is not a profile id.
    pub fn get_profile_connections(&self, profile: &str) -> Pages<PersonResult> {
        self.search_people(
            PeopleSearch::new()
                .connection_of(profile)
                .network(&[Network::First, Network::Second]),
        )
    }

    /// Lists your own connections, by a people search of your 1st degree.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`search_people`](Self::search_people), and as [`me`](Self::me) when your profile
    /// is not known yet.
    pub fn my_connections(&self) -> Pages<PersonResult> {
        // The own profile is found in the page fetch (once: it is cached), so that nothing is
        // sent before the stream is polled.
        self.paginate(Position::Start(0), move |li, at| async move {
            let profile = li.my_profile_urn().await?;
            let query = PeopleSearch::new()
                .connection_of(profile)
                .network(&[Network::First]);
            let (query, _) = query.build()?;
            let start = offset_of(CLUSTERS, &at)?;
            let (clusters, next) = li.clusters_page(&query, start).await?;
            let items = recognised(
                CLUSTERS,
                total_for(start == 0, clusters.paging.as_ref()),
                clusters.items().count(),
                people_of(&clusters),
            )?;
            Ok(Page { items, next })
        })
    }

    /// Searches company pages by name.
    ///
    /// Python: `search_companies`
    ///
    /// # Errors
    ///
    /// The stream gives [`Error::InvalidInput`] first, with nothing sent, for empty or too
    /// long keywords; [`Error::SchemaMoved`] when LinkedIn reports results the models cannot
    /// read; any transport error.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let first = linkedin.search_companies("linkedin").try_next().await?;
    /// assert_eq!(first.map(|c| c.company_id).as_deref(), Some("1337"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_companies(&self, keywords: &str) -> Pages<CompanyResult> {
        match Search::keywords(keywords)
            .result_type(ResultType::Companies)
            .build()
        {
            Ok(query) => {
                self.cluster_pages(query, |c| c.entity_results().filter_map(company).collect())
            }
            Err(e) => self.refused(e),
        }
    }

    /// Searches posts by their text (`resultType:CONTENT`).
    ///
    /// Python: none
    ///
    /// The reference records how LinkedIn's web app asks for posts (restli.md §10.1) but not
    /// what it answers; results are read as the entity results of the other searches (an
    /// `urn:li:activity:` target, the author as title, the text as summary). If LinkedIn
    /// answers posts in another shape, the stream reports [`Error::SchemaMoved`] rather than
    /// an empty list.
    ///
    /// # Errors
    ///
    /// As [`search_companies`](Self::search_companies).
    pub fn search_posts(&self, keywords: &str) -> Pages<PostResult> {
        match Search::keywords(keywords)
            .result_type(ResultType::Content)
            .build()
        {
            Ok(query) => {
                self.cluster_pages(query, |c| c.entity_results().filter_map(post).collect())
            }
            Err(e) => self.refused(e),
        }
    }

    /// Searches jobs with every filter of the Python client, by default of the last 24 hours.
    ///
    /// Python: `search_jobs`
    ///
    /// The filters are those of [`JobSearch`]; like Python, it looks back 24 hours unless
    /// [`JobSearch::listed_at`] says otherwise.
    ///
    /// # Errors
    ///
    /// The stream gives [`Error::InvalidInput`] first, with nothing sent, for a bad filter
    /// value (a company, title or industry id that is not a number, a zero distance or
    /// `listed_at`); [`Error::SchemaMoved`] when LinkedIn reports jobs the models cannot
    /// read; any transport error.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use futures::TryStreamExt;
    /// use linkedin_api::{JobSearch, JobType};
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let query = JobSearch::keywords("rust")
    ///     .location_name("Berlin")
    ///     .job_type(&[JobType::FullTime])
    ///     .listed_at(Duration::from_secs(30 * 24 * 60 * 60));
    /// let jobs: Vec<_> = linkedin.search_jobs(query).limit(50).try_collect().await?;
    /// for job in &jobs {
    ///     println!("{} at {:?} ({})", job.title, job.company_name, job.job_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_jobs(&self, query: JobSearch) -> Pages<JobResult> {
        let (query, first) = match query.build() {
            Ok(built) => built,
            Err(e) => return self.refused(e),
        };
        self.paginate(Position::Start(first), move |li, at| {
            let query = query.clone();
            async move {
                let start = offset_of(JOBS, &at)?;
                let count = page_size(JOBS)?;
                let call = li
                    .call(JOBS)
                    .query("count", count)
                    .query("query", query)
                    .query("start", start);
                let answer = li.fetch_json(call).await?;
                // The cards and paging sit at the top, or under `data` (peers.md §c.9).
                let pointer = if answer.get("elements").is_some() || answer.get("paging").is_some()
                {
                    ""
                } else {
                    "/data"
                };
                let cards: JobCards =
                    linkedin_models::extract(&answer, pointer).map_err(|source| Error::Decode {
                        endpoint: JOBS,
                        source,
                    })?;
                let next = next_start(start, count, cards.paging.as_ref(), cards.elements.len());
                let items = recognised(
                    JOBS,
                    total_for(start == first, cards.paging.as_ref()),
                    cards.elements.len(),
                    cards.elements.iter().filter_map(job).collect(),
                )?;
                Ok(Page { items, next })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use serde_json::json;

    use super::*;

    fn clusters(results: Value) -> SearchClusters {
        let items: Vec<Value> = results
            .as_array()
            .unwrap()
            .iter()
            .map(|r| json!({"item": {"entityResult": r}}))
            .collect();
        serde_json::from_value(json!({"elements": [{"items": items}], "paging": {"total": 3}}))
            .unwrap()
    }

    #[test]
    fn people_are_read_and_private_ones_left_out_unless_asked() {
        let page = clusters(json!([
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAAB1,SEARCH_SRP,DEFAULT)",
             "title": {"text": "Ada Lovelace"}, "primarySubtitle": {"text": "Engineer"},
             "navigationUrl": "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa?miniProfileUrn=x",
             "trackingUrn": "urn:li:member:42",
             "entityCustomTrackingInfo": {"memberDistance": "DISTANCE_2"}},
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_profile:ACoAAB2,SEARCH_SRP,DEFAULT)",
             "title": {"text": "LinkedIn Member"},
             "navigationUrl": "https://www.linkedin.com/search/results/people/headless",
             "entityCustomTrackingInfo": {"memberDistance": "OUT_OF_NETWORK"}},
            {"entityUrn": "urn:li:fsd_entityResultViewModel:(urn:li:fsd_company:1337,SEARCH_SRP,DEFAULT)",
             "title": {"text": "LinkedIn"}, "trackingUrn": "urn:li:company:1337"},
        ]));
        let public = public_only(people_of(&page), false);
        assert_eq!(public.len(), 1);
        let ada = &public[0];
        assert_eq!(ada.profile_id, "ACoAAB1");
        assert_eq!(ada.urn, "urn:li:fsd_profile:ACoAAB1");
        assert_eq!(ada.public_id.as_deref(), Some("jos\u{e9}-garc\u{ed}a"));
        assert_eq!(ada.member_id, Some(42));
        assert_eq!(ada.headline.as_deref(), Some("Engineer"));
        assert_eq!(ada.location, None);
        assert_eq!(ada.distance, Some(Distance::Second));
        assert_eq!(ada.raw()["trackingUrn"], "urn:li:member:42");
        let all = public_only(people_of(&page), true);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].distance, Some(Distance::OutOfNetwork));
        assert_eq!(all[1].public_id, None);
        let companies: Vec<_> = page.entity_results().filter_map(company).collect();
        assert_eq!(companies.len(), 1);
        assert_eq!(companies[0].company_id, "1337");
    }

    #[test]
    fn the_next_page_follows_the_size_linkedin_used_and_stops_at_the_end() {
        let paging = |count, total| Paging {
            start: 0,
            count,
            total,
        };
        assert_eq!(
            next_start(0, 49, Some(&paging(49, Some(150))), 49),
            Some(Position::Start(49))
        );
        assert_eq!(
            next_start(0, 49, Some(&paging(10, Some(150))), 10),
            Some(Position::Start(10)),
            "LinkedIn's own page size wins"
        );
        assert_eq!(next_start(147, 49, Some(&paging(49, Some(150))), 3), None);
        assert_eq!(next_start(0, 49, Some(&paging(49, None)), 20), None);
        assert_eq!(
            next_start(0, 49, Some(&paging(49, None)), 49),
            Some(Position::Start(49))
        );
        assert_eq!(next_start(0, 49, None, 0), None);
    }

    #[test]
    fn queries_are_checked_before_anything_is_sent() {
        let err = PeopleSearch::keywords("x")
            .current_company(&["linkedin"])
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "current_company",
                    ..
                }
            ),
            "{err}"
        );
        let err = PeopleSearch::new()
            .profile_languages(&["english"])
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "profile_languages",
                    ..
                }
            ),
            "{err}"
        );
        let err = PeopleSearch::new()
            .connection_of("bill-gates")
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "connection_of",
                    ..
                }
            ),
            "{err}"
        );
        let err = Search::new().filter("bad key", &["1"]).build().unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "filter",
                    ..
                }
            ),
            "{err}"
        );
        let empty: [&str; 0] = [];
        assert!(Search::new().filter("geoUrn", &empty).build().is_err());
        let err = JobSearch::new()
            .listed_at(Duration::from_millis(10))
            .build()
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "listed_at",
                    ..
                }
            ),
            "{err}"
        );
        assert!(JobSearch::new().distance(0).build().is_err());
        assert!(JobSearch::new().job_title(&["engineer"]).build().is_err());
    }

    #[test]
    fn filters_go_out_in_python_order_with_urns_reduced_to_ids() {
        let (query, include_private) = PeopleSearch::keywords("rust")
            .keyword_school("Queensland")
            .regions(&["urn:li:fsd_geo:105080838"])
            .network(&[Network::Second, Network::First, Network::Second])
            .current_company(&["1337"])
            .profile_languages(&["EN"])
            .build()
            .unwrap();
        assert!(!include_private);
        let keys: Vec<&str> = query.filters.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "resultType",
                "network",
                "geoUrn",
                "currentCompany",
                "profileLanguage",
                "school"
            ]
        );
        assert_eq!(query.filters[1].1, ["S", "F"]);
        assert_eq!(query.filters[2].1, ["105080838"]);
        assert_eq!(query.filters[4].1, ["en"]);
        assert_eq!(
            Rv::from(query.restli()).to_string(),
            "(keywords:rust,queryParameters:List((key:resultType,value:List(PEOPLE)),\
             (key:network,value:List(S,F)),(key:geoUrn,value:List(105080838)),\
             (key:currentCompany,value:List(1337)),(key:profileLanguage,value:List(en)),\
             (key:school,value:List(Queensland))))"
        );
    }

    #[test]
    fn job_queries_default_to_the_last_day() {
        let (query, offset) = JobSearch::keywords("rust").offset(5).build().unwrap();
        assert_eq!(offset, 5);
        assert_eq!(
            Rv::from(query).to_string(),
            "(keywords:rust,selectedFilters:(timePostedRange:List(r86400)))"
        );
    }

    #[test]
    fn both_catalogue_entries_exist_with_pages_of_49() {
        assert_eq!(page_size(CLUSTERS).unwrap(), 49);
        assert_eq!(page_size(JOBS).unwrap(), 49);
    }

    #[test]
    fn url_segments() {
        assert_eq!(
            url_segment("https://www.linkedin.com/company/linkedin/", "/company/").as_deref(),
            Some("linkedin")
        );
        assert_eq!(url_segment("https://www.linkedin.com/in/", "/in/"), None);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%41%zz"), "A%zz");
    }
}
