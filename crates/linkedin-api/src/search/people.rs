//! People search: [`PeopleSearch`] with every filter of the Python client, and the searches
//! built on it (a member's connections, your own).

use linkedin_models::Raw;

use super::{ClusterQuery, Clusters, FACET_VALUE_MAX, KEYWORD_FILTER_MAX, keywords, owned};
use crate::client::Linkedin;
use crate::error::Result;
use crate::ids::IntoId;
use crate::paginate::Pages;
use crate::validate;
use crate::view::PersonResult;

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
    pub fn connection_of(mut self, profile: impl std::fmt::Display) -> Self {
        self.connection_of = Some(profile.to_string());
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
    pub(super) fn build(self) -> Result<(ClusterQuery, bool)> {
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
                vec![validate::profile_id("connection_of", profile)?.to_string()],
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

impl Linkedin {
    /// Searches people, with every filter of the Python client.
    ///
    /// Python: `search_people`
    ///
    /// The filters are those of [`PeopleSearch`]. Private profiles ("LinkedIn Member", out
    /// of network) are left out unless [`PeopleSearch::include_private_profiles`] is set, as
    /// in Python.
    ///
    /// # Errors
    ///
    /// The stream gives [`Error::InvalidInput`](crate::Error::InvalidInput) first, with
    /// nothing sent, for a bad filter value (a company id that is not a number, a language
    /// that is not a two-letter code, a `connection_of` that is not a profile id...);
    /// [`Error::SchemaMoved`](crate::Error::SchemaMoved) when LinkedIn reports results the
    /// models cannot read; any transport error.
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
    pub fn search_people(&self, query: PeopleSearch) -> Pages<Raw<PersonResult>> {
        match query.build() {
            Ok((query, include_private)) => {
                let keep = if include_private { all } else { public };
                Clusters::pages(self, Some(query), person, keep)
            }
            Err(e) => Pages::failed(e),
        }
    }

    /// Lists the connections of a member, by a people search.
    ///
    /// Python: `get_profile_connections`
    ///
    /// `profile` is a [`ProfileId`](crate::models::id::ProfileId) or its text; the search
    /// asks for connections of it among your 1st and 2nd degree. LinkedIn shows the
    /// connections of your own connections: all of theirs are within your 2nd degree. (The
    /// network filter `F` alone would give only your mutual connections.) For more filters,
    /// use [`search_people`](Self::search_people) with [`PeopleSearch::connection_of`].
    ///
    /// # Errors
    ///
    /// As [`search_people`](Self::search_people);
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) (nothing sent) when `profile` is
    /// not a profile id.
    #[doc(alias = "get_profile_connections")]
    pub fn profile_connections(
        &self,
        profile: impl IntoId<linkedin_models::id::ProfileId>,
    ) -> Pages<Raw<PersonResult>> {
        match profile.into_id("profile") {
            Ok(profile) => self.search_people(
                PeopleSearch::new()
                    .connection_of(profile)
                    .network(&[Network::First, Network::Second]),
            ),
            Err(e) => Pages::failed(e),
        }
    }

    /// Lists your own connections, by a people search of your 1st degree.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`search_people`](Self::search_people), and as [`me`](Self::me) when your profile
    /// is not known yet.
    pub fn my_connections(&self) -> Pages<Raw<PersonResult>> {
        // The own profile is found when the first page is fetched (once: it is cached), so
        // that nothing is sent before the stream is polled.
        Clusters::pages(self, None, person, all)
    }
}

/// The query of [`Linkedin::my_connections`], once the logged-in member is known.
pub(super) fn my_connections_query(me: &linkedin_models::id::ProfileId) -> Result<ClusterQuery> {
    PeopleSearch::new()
        .connection_of(me)
        .network(&[Network::First])
        .build()
        .map(|(query, _)| query)
}

/// A person from a search result (`None` for a result about another kind of entity; an
/// error for a member's that does not read).
pub(crate) fn person(
    result: Raw<linkedin_models::search::EntityResult>,
) -> std::result::Result<Option<Raw<PersonResult>>, linkedin_models::Unread<String>> {
    result.try_map(PersonResult::read)
}

fn all(_: &Raw<PersonResult>) -> bool {
    true
}

/// Whether a person is shown by default: not a private profile ("LinkedIn Member").
fn public(person: &Raw<PersonResult>) -> bool {
    !person.is_private()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use restli::Value as Rv;

    use super::*;

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
}
