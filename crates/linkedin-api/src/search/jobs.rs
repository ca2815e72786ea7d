//! Job search: [`JobSearch`] with every filter of the Python client, over the job cards
//! (catalogue `job_search`).

use std::time::Duration;

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::search::JobCards;
use linkedin_models::{Answer, Raw};
use restli::{Map, Value as Rv};

use super::{KEYWORD_FILTER_MAX, keywords, owned};
use crate::client::Linkedin;
use crate::driver::{Listing, Read};
use crate::error::{Error, Result};
use crate::paginate::{Pages, Position};
use crate::validate;
use crate::view::JobResult;

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
    pub(super) fn build(self) -> Result<(Map, u32)> {
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

impl Linkedin {
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
    pub fn search_jobs(&self, query: JobSearch) -> Pages<Raw<JobResult>> {
        let endpoint = endpoints::JOB_SEARCH;
        match query.build() {
            Ok((query, first)) => Pages::driven(
                self,
                endpoint,
                Position::Start(first),
                Listing::new(self.call(endpoint).query("query", query), read_jobs),
            ),
            Err(e) => Pages::failed(e),
        }
    }
}

/// The jobs of a page of job cards.
fn read_jobs(endpoint: &'static Endpoint, answer: &Answer<'_>) -> Result<Read<Raw<JobResult>>> {
    // The cards and paging sit at the top, or under `data` (peers.md §c.9).
    let pointer = if answer.has("/elements") || answer.has("/paging") {
        ""
    } else {
        "/data"
    };
    let cards: JobCards = crate::client::decode_at(endpoint, answer, pointer)?;
    let elements = cards.elements.len();
    let total = cards.paging.as_ref().and_then(|p| p.total);
    // Every card of a job search is a job: one that does not read fails the page.
    let mut items = Vec::with_capacity(elements);
    for (i, card) in cards.elements.into_iter().enumerate() {
        match card.try_map(|c| JobResult::read(c).map(Some)) {
            Ok(Some(job)) => items.push(job),
            Ok(None) => {}
            Err(linkedin_models::Unread { reason, text }) => {
                return Err(crate::Error::Decode {
                    endpoint: endpoint.name,
                    source: linkedin_models::DecodeError::new(
                        format!("{pointer}/elements/{i}"),
                        reason,
                        &text,
                    ),
                });
            }
        }
    }
    Ok(Read::new(items, elements).total(total))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn job_queries_default_to_the_last_day() {
        let (query, offset) = JobSearch::keywords("rust").offset(5).build().unwrap();
        assert_eq!(offset, 5);
        assert_eq!(
            Rv::from(query).to_string(),
            "(keywords:rust,selectedFilters:(timePostedRange:List(r86400)))"
        );
    }
}
