//! Search: people (with every filter of the Python client), the connections of a profile,
//! companies, posts, jobs, and the general search they are built on.
//!
//! Every search is a [`Pages`] stream paged by offset. People, companies, posts and the
//! general search go through LinkedIn's GraphQL search clusters (catalogue `search_clusters`;
//! the queryId 2.3.1 sends answers empty results now); jobs go through the job cards
//! (catalogue `job_search`). Pages hold at most 49 results, the most LinkedIn gives. Filters
//! are built from typed values and encoded by `restli`, so keywords such as
//! `C++, Rust (senior) O'Brien & co` reach LinkedIn intact.
//!
//! The Python client's `limit` is [`Pages::limit`]; its `offset` is the `offset` of each query
//! builder. The people and job queries have files of their own; the results are views of
//! `linkedin-models` ([`crate::view`]).

mod jobs;
mod people;

use linkedin_catalogue::{Endpoint, endpoints};
pub use linkedin_models::search::{Distance, ResultType};
use linkedin_models::search::{EntityResult, SearchClusters};
use linkedin_models::{Answer, Raw};
use restli::{Map, Value as Rv};

pub use jobs::{ExperienceLevel, JobSearch, JobType, Workplace};
pub(crate) use people::person;
pub use people::{Network, PeopleSearch};

use crate::client::{Call, Linkedin, decode};
use crate::driver::{PageSource, Read};
use crate::error::{Error, Result};
use crate::paginate::{Pages, Position};
use crate::validate;
use crate::view::{CompanyResult, PostResult};

/// The longest text of a keyword filter (first name, title...).
const KEYWORD_FILTER_MAX: usize = 200;
/// The longest opaque facet value (a nonprofit interest, a contact interest).
const FACET_VALUE_MAX: usize = 100;

fn owned<S: AsRef<str>>(values: &[S]) -> Vec<String> {
    values.iter().map(|v| v.as_ref().to_owned()).collect()
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

    pub(super) fn build(self) -> Result<ClusterQuery> {
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

/// Checked keywords: `None` when not given.
fn keywords(keywords: Option<&str>) -> Result<Option<String>> {
    keywords
        .map(|k| validate::text("keywords", k, validate::KEYWORDS_MAX).map(|k| k.trim().to_owned()))
        .transpose()
}

/// A checked search-clusters query.
#[derive(Debug, Clone)]
pub(crate) struct ClusterQuery {
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

/// How a search reads one entity result: `Ok(None)` for a result about another kind of
/// entity than it searches (left out: not one of its results), an error (why, in words) for
/// one of its kind that does not read.
pub(crate) type ReadResult<T> =
    fn(Raw<EntityResult>) -> std::result::Result<Option<T>, linkedin_models::Unread<String>>;

/// Pages of the search clusters, each result read by `read` and given when `keep` says so.
///
/// What is left out, and what is not (the one rule of every search):
/// - a cluster's item that is not an entity result (a banner, an ad, a "people also
///   viewed" or "try searching for" module) is not a result: left out, counted in the
///   page's elements (a page of nothing else is [`Error::SchemaMoved`](crate::Error));
/// - an entity result about another kind of entity than the search's (a company in a people
///   search) is not one of its results: left out, counted the same way;
/// - an entity result of the search's kind that does not read (its URN malformed, its name
///   missing), or one that says nothing of what it is about, fails the page with a decode
///   error naming its path: never left out;
/// - then `keep` (the caller's filter: private profiles, unless asked for).
pub(crate) struct Clusters<T> {
    /// The query; `None` for the logged-in member's connections, built once it is known.
    query: Option<ClusterQuery>,
    read: ReadResult<T>,
    keep: fn(&T) -> bool,
}

impl<T: Send + Sync + Unpin + 'static> Clusters<T> {
    /// The stream of a query's results.
    pub(crate) fn pages(
        li: &Linkedin,
        query: Option<ClusterQuery>,
        read: ReadResult<T>,
        keep: fn(&T) -> bool,
    ) -> Pages<T> {
        let endpoint = endpoints::SEARCH_CLUSTERS;
        let first = query.as_ref().map_or(0, |q| q.offset);
        Pages::driven(
            li,
            endpoint,
            Position::Start(first),
            Self { query, read, keep },
        )
    }
}

impl<T: Send + Sync + 'static> PageSource for Clusters<T> {
    type Item = T;

    async fn call(&self, li: &Linkedin, _at: &Position) -> Result<Call> {
        let query = match &self.query {
            Some(query) => query.restli(),
            None => people::my_connections_query(&li.my_profile_id().await?)?.restli(),
        };
        Ok(li.call(endpoints::SEARCH_CLUSTERS).var("query", query))
    }

    async fn read(
        &self,
        _: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> Result<Read<T>> {
        read_clusters(endpoint, answer, self.read)
    }

    fn keep(&self, item: &T) -> bool {
        (self.keep)(item)
    }
}

/// The results of a search-clusters answer, each read by `read`, and what the page says of
/// the next.
///
/// A result `read` refuses fails the page with a decode error at its path
/// (`<data root>/elements/<cluster>/items/<item>/item/entityResult`), quoting its start.
pub(crate) fn read_clusters<T>(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
    read: ReadResult<T>,
) -> Result<Read<T>> {
    let clusters: Option<SearchClusters> = decode(endpoint, answer)?;
    // An empty search is a page of no clusters; a page with no data root at all (absent or
    // null, without GraphQL errors, which are refusals) is not LinkedIn's empty answer.
    let Some(clusters) = clusters else {
        return Err(Error::Decode {
            endpoint: endpoint.name,
            source: linkedin_models::DecodeError::new(
                endpoint.data_pointer(),
                "no search results page where the answer keeps it (absent or null)",
                "",
            ),
        });
    };
    let elements = clusters.items().count();
    let total = clusters.paging.as_ref().and_then(|p| p.total);
    let mut items = Vec::new();
    for (c, cluster) in clusters.elements.into_iter().enumerate() {
        for (i, item) in cluster.items.into_iter().enumerate() {
            let at = || format!("{}/elements/{c}/items/{i}/item", endpoint.data_pointer());
            let union = match item.item {
                Some(union) if union.holds_something() => union,
                _ => {
                    return Err(Error::Decode {
                        endpoint: endpoint.name,
                        source: linkedin_models::DecodeError::new(
                            at(),
                            "a cluster's item that holds nothing (no entity result, nothing else)",
                            "",
                        ),
                    });
                }
            };
            // A member of another kind (a banner, an ad): not a result.
            let Some(result) = union.entity_result else {
                continue;
            };
            match read(result) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => {}
                Err(linkedin_models::Unread { reason, text }) => {
                    return Err(Error::Decode {
                        endpoint: endpoint.name,
                        source: linkedin_models::DecodeError::new(
                            format!("{}/entityResult", at()),
                            reason,
                            &text,
                        ),
                    });
                }
            }
        }
    }
    Ok(Read::new(items, elements).total(total))
}

fn every<T>(_: &T) -> bool {
    true
}

impl Linkedin {
    /// The results of one type for `keywords`, each read by `read`.
    fn search_of<T: Send + Sync + Unpin + 'static>(
        &self,
        keywords: &str,
        result_type: ResultType,
        read: ReadResult<T>,
    ) -> Pages<T> {
        match Search::keywords(keywords).result_type(result_type).build() {
            Ok(query) => Clusters::pages(self, Some(query), read, every),
            Err(e) => Pages::failed(e),
        }
    }
}

impl Linkedin {
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
            Ok(query) => Clusters::pages(self, Some(query), |r| Ok(Some(r)), every),
            Err(e) => Pages::failed(e),
        }
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
    /// assert_eq!(first.map(|c| c.company_id.clone()).as_deref(), Some("1337"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_companies(&self, keywords: &str) -> Pages<Raw<CompanyResult>> {
        self.search_of(keywords, ResultType::Companies, |r| {
            r.try_map(CompanyResult::read)
        })
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
    pub fn search_posts(&self, keywords: &str) -> Pages<Raw<PostResult>> {
        self.search_of(keywords, ResultType::Content, |r| {
            r.try_map(PostResult::read)
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::time::Duration;

    use super::*;

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
    fn both_catalogue_entries_page_by_49() {
        // 2.3.1's _MAX_SEARCH_COUNT.
        assert_eq!(endpoints::SEARCH_CLUSTERS.max_count, Some(49));
        assert_eq!(endpoints::JOB_SEARCH.max_count, Some(49));
    }
}
