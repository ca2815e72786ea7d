//! Every LinkedIn endpoint the workspace knows, as data.
//!
//! One entry per endpoint: method, base and path template, `queryId` / `decorationId`, fixed
//! query parameters, the parameters a caller gives and where they go, the `accept` encoding,
//! pagination, and whether LinkedIn still answers it. The facade builds its requests from these
//! entries and the sandbox routes by them, so LinkedIn's ids live in exactly one place:
//! `catalogue.toml` beside this crate, which `cargo xtask codegen` turns into
//! `src/generated.rs`. It depends only on `restli` (to encode request targets) and does no I/O.
//!
//! Each entry has a typed handle in [`endpoints`] (its name in upper case), which the facade
//! builds requests from, and an [`Id`] to match on where each entry needs its own code (the
//! sandbox's answers). Go-to-definition on a handle shows the entry's data.
//!
//! ```
//! use linkedin_catalogue::{Id, Status, by_name, endpoints};
//!
//! let me = endpoints::ME;
//! assert_eq!(me.path, "/me");
//! assert_eq!(me.status, Status::Unknown);
//! assert_eq!(me.id, Id::Me);
//! assert_eq!(by_name("me"), Some(me));
//! ```
#![warn(missing_docs)]

#[rustfmt::skip]
mod generated;
#[cfg(test)]
mod ids_live_here;
mod overrides;

pub use generated::{ENDPOINTS, Id, endpoints};
pub use overrides::{
    EndpointIds, IdOrigin, IdTable, Override, OverrideError, Overrides, is_decoration_id,
    is_query_id,
};

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `DELETE` (a Rest.li delete of one entity; no body).
    Delete,
}

impl Method {
    /// The method as written on the wire.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Delete => "DELETE",
        }
    }
}

/// What a path is relative to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Base {
    /// `https://www.linkedin.com/voyager/api`.
    Api,
    /// `https://www.linkedin.com`: pages and the login flow.
    Site,
    /// `https://touch.www.linkedin.com`: the 2015 mobile API.
    Touch,
}

impl Base {
    /// The prefix of a path on the site's host (`/voyager/api` for the API).
    #[must_use]
    pub const fn prefix(self) -> &'static str {
        match self {
            Self::Api => "/voyager/api",
            Self::Site | Self::Touch => "",
        }
    }
}

/// The `accept` header a request carries, which picks the response encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Accept {
    /// `application/vnd.linkedin.normalized+json+2.1`: `data` + `included`, `$type`, `*field`.
    Normalized,
    /// `application/json` or the default: nested JSON.
    Json,
    /// `application/graphql`: messaging GraphQL, nested with `_type`.
    Graphql,
    /// A page: `text/html`.
    Html,
    /// No particular `accept` header.
    Any,
}

impl Accept {
    /// The header value, when there is one.
    #[must_use]
    pub const fn header(self) -> Option<&'static str> {
        match self {
            Self::Normalized => Some("application/vnd.linkedin.normalized+json+2.1"),
            Self::Json => Some("application/json"),
            Self::Graphql => Some("application/graphql"),
            Self::Html => Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            Self::Any => None,
        }
    }
}

/// The body encoding of a POST.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentType {
    /// `application/json; charset=UTF-8`.
    Json,
    /// `text/plain;charset=UTF-8` holding JSON (LinkedIn's messenger actions).
    TextJson,
    /// `application/x-www-form-urlencoded`.
    Form,
    /// No `content-type` header.
    None,
}

/// How an endpoint pages through results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pagination {
    /// One answer.
    None,
    /// `start` and `count`.
    StartCount,
    /// `start`, `count` and a `paginationToken` from the previous page.
    PaginationToken,
    /// An opaque cursor from the previous page.
    Cursor,
    /// A timestamp anchor such as `createdBefore`.
    Anchor,
}

/// Whether LinkedIn still answers an endpoint, as far as the reference knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Known to work.
    Working,
    /// No recent report either way.
    Unknown,
    /// Retired: answers 410 or is documented dead.
    Gone,
    /// Answers an error (500, 401) though not retired.
    Broken,
    /// Retired by LinkedIn, and implemented as its public documentation describes (the touch
    /// API of 2015): the sandbox serves it, linkedin.com no longer does.
    Documented,
}

/// What a parameter carries of a page's position, for the one page driver of the facade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageRole {
    /// The offset of the first item (`start`).
    Start,
    /// The page size (`count`).
    Count,
    /// The `paginationToken` the previous page gave.
    Token,
    /// The opaque cursor the previous page gave.
    Cursor,
    /// The timestamp anchor: items older than it.
    Anchor,
}

/// Where a parameter goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Location {
    /// A `{name}` in the path template.
    Path,
    /// Its own query parameter, a Rest.li value.
    Query,
    /// A key of the GraphQL `variables=(...)` map.
    Variables,
    /// A field of the JSON body (dotted for nesting).
    Body,
    /// A form field.
    Form,
}

/// The kind of value a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamType {
    /// Text.
    String,
    /// A URN (`urn:li:...`).
    Urn,
    /// An integer.
    Int,
    /// `true` or `false`.
    Bool,
    /// A list.
    List,
    /// A map.
    Object,
}

/// One parameter of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Param {
    /// Its name on the wire.
    pub name: &'static str,
    /// Where it goes.
    pub location: Location,
    /// What it holds.
    pub kind: ParamType,
    /// A fixed value the caller does not give, as wire text.
    pub value: Option<&'static str>,
    /// Whether the caller must give it (always false for fixed values).
    pub required: bool,
    /// What it is.
    pub doc: &'static str,
    /// What it carries of a page's position, for a paginated entry.
    pub page: Option<PageRole>,
}

/// One endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// The entry, to match on.
    pub id: Id,
    /// A unique snake_case id.
    pub name: &'static str,
    /// One line on what it gives.
    pub summary: &'static str,
    /// The reference Python client's method names, comma-separated; empty if none.
    pub python: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// What the path is relative to.
    pub base: Base,
    /// The path template, with `{name}` for path parameters.
    pub path: &'static str,
    /// The GraphQL `queryId`.
    pub query_id: Option<&'static str>,
    /// The REST `decorationId`.
    pub decoration_id: Option<&'static str>,
    /// The field of a GraphQL answer's `data` that holds the result (`<query>By<finder>`).
    pub data_root: Option<&'static str>,
    /// Fixed query parameters, in order, values as wire text.
    pub fixed: &'static [(&'static str, &'static str)],
    /// The parameters.
    pub params: &'static [Param],
    /// The `accept` header.
    pub accept: Accept,
    /// The body encoding of a POST.
    pub content_type: Option<ContentType>,
    /// How it pages.
    pub pagination: Pagination,
    /// The largest page it accepts, when known.
    pub max_count: Option<u32>,
    /// Whether LinkedIn still answers it.
    pub status: Status,
    /// The entry that replaces a gone or broken one.
    pub replacement: Option<&'static str>,
    /// Whether sending it twice is harmless (so it may be retried).
    pub idempotent: bool,
    /// Where the facts come from.
    pub source: &'static str,
    /// The `seq`s of LinkedIn's recorded traffic (`fixtures/recorded/`, the 2026-02-04
    /// capture) that show this very request: the strongest evidence there is. Empty when the
    /// entry rests on `source` alone.
    pub recorded: &'static [u32],
    /// The page of the web app that sends it, as the key of its `x-li-page-instance` header
    /// (`d_flagship3_feed`, `d_flagship3_messaging_conversation_detail`): the recorded one
    /// where [`recorded`](Self::recorded) shows it, else the page of the entry's area.
    pub page: Option<&'static str>,
}

impl Endpoint {
    /// The path of the endpoint on its host, prefix included (`/voyager/api/me`).
    ///
    /// ```
    /// let me = linkedin_catalogue::by_name("me").unwrap();
    /// assert_eq!(me.full_path(), "/voyager/api/me");
    /// ```
    #[must_use]
    pub fn full_path(&self) -> String {
        format!("{}{}", self.base.prefix(), self.path)
    }

    /// The parameter named `name`.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&'static Param> {
        self.params.iter().find(|p| p.name == name)
    }

    /// The parameter that carries `role` of a page's position.
    ///
    /// ```
    /// use linkedin_catalogue::{Location, PageRole, endpoints};
    /// let start = endpoints::SEARCH_CLUSTERS.page_param(PageRole::Start).unwrap();
    /// assert_eq!((start.name, start.location), ("start", Location::Variables));
    /// ```
    #[must_use]
    pub fn page_param(&self, role: PageRole) -> Option<&'static Param> {
        self.params.iter().find(|p| p.page == Some(role))
    }

    /// The JSON pointer of a GraphQL answer's result (`/data/<data root>`), or `""` (the
    /// whole answer) for an entry without a data root.
    ///
    /// ```
    /// use linkedin_catalogue::endpoints;
    /// assert_eq!(endpoints::ME.data_pointer(), "");
    /// assert!(endpoints::SEARCH_CLUSTERS.data_pointer().starts_with("/data/search"));
    /// ```
    #[must_use]
    pub fn data_pointer(&self) -> String {
        self.data_root
            .map_or_else(String::new, |root| format!("/data/{root}"))
    }

    /// The path and query of a request to this entry, every value encoded once by `restli`:
    /// the path with each `{param}` replaced by its value as a path segment, then the fixed
    /// query parameters, the `decorationId`, the `query` parameters, the GraphQL `variables`
    /// map and the `queryId`. The entry's fixed values for query and variables parameters
    /// (dotted names such as `query.flagshipSearchIntent` reach into nested maps) are merged in
    /// where the caller gave none. Query parameters and variables go out in the order the
    /// entry lists its params (the order the evidence recorded), whatever order the caller
    /// gave them in; names the entry does not list come last.
    ///
    /// ```
    /// use linkedin_catalogue::endpoints;
    /// use restli::Map;
    ///
    /// let company = endpoints::COMPANY;
    /// let query: Map = [("universalName", "linkedin")].into_iter().collect();
    /// let decoration = company.decoration_id.unwrap();
    /// assert_eq!(
    ///     company.target(&[], query, None),
    ///     format!(
    ///         "/voyager/api/organization/companies?q=universalName\
    ///          &decorationId={decoration}&universalName=linkedin"
    ///     )
    /// );
    /// ```
    #[must_use]
    pub fn target(
        &self,
        path: &[(&str, &str)],
        query: restli::Map,
        variables: Option<restli::Map>,
    ) -> String {
        let mut full = self.full_path();
        for (param, value) in path {
            let mut segment = restli::encode_str(value, restli::Encoding::PATH);
            let urn = self.params.iter().any(|p| {
                p.name == *param && p.location == Location::Path && p.kind == ParamType::Urn
            });
            if urn {
                // A URN as a simple path key goes raw, as the web app sends it
                // (`/identity/dash/profiles/urn:li:fsd_profile:…`, capture seq 58; restli.md §2.8):
                // the server only percent-decodes it. `%3A` can only come from a `:` here, as
                // a literal `%` is `%25`.
                segment = segment.replace("%3A", ":");
            }
            full = full.replace(&format!("{{{param}}}"), &segment);
        }
        let mut q = restli::Query::new();
        for (name, value) in self.fixed {
            q.push_encoded(*name, *value);
        }
        if let Some(decoration) = self.decoration_id {
            q.push("decorationId", decoration);
        }
        for (name, value) in self.in_order(Location::Query, self.with_fixed(Location::Query, query))
        {
            q.push(name.into_string(), value);
        }
        if let Some(variables) = variables {
            let variables = self.with_fixed(Location::Variables, variables);
            q.push("variables", self.in_order(Location::Variables, variables));
        }
        if let Some(id) = self.query_id {
            q.push("queryId", id);
        }
        if q.is_empty() {
            full
        } else {
            format!("{full}?{q}")
        }
    }

    /// `map` in the order of the entry's params at `location` (a dotted name counts for its
    /// first segment); keys it does not list keep their order, after the others.
    fn in_order(&self, location: Location, map: restli::Map) -> restli::Map {
        let rank = |key: &str| {
            self.params
                .iter()
                .filter(|p| p.location == location)
                .position(|p| p.name.split('.').next() == Some(key))
                .unwrap_or(usize::MAX)
        };
        let mut entries: Vec<(restli::Text, restli::Value)> = map.into_iter().collect();
        entries.sort_by_key(|(key, _)| rank(key));
        entries.into_iter().collect()
    }

    /// Whether a request's GraphQL `variables` are the ones this entry takes: every name in
    /// them is one of the entry's `variables` params (a dotted param such as `query.keywords`
    /// is a key of a nested map, whose value may be anything), and every required one is
    /// there. `variables` is the decoded map (`variables=(...)` of a GET, the body's
    /// `variables` object of a mutation); `None` when the request has none.
    ///
    /// An entry without a `queryId` takes no GraphQL variables, and a mutation whose
    /// variables the evidence does not record (it lists `variables` itself as one `body`
    /// param, as `feed_client_signal` does) is not checked: both give `Ok`.
    ///
    /// ```
    /// use linkedin_catalogue::{VariablesError, endpoints};
    ///
    /// let feed = endpoints::FEED_MAIN;
    /// let vars = |text: &str| restli::from_str(text).unwrap();
    /// assert_eq!(feed.check_variables(Some(&vars("(start:0,count:7)"))), Ok(()));
    /// assert_eq!(
    ///     feed.check_variables(Some(&vars("(start:0,count:7,colour:red)"))),
    ///     Err(VariablesError::Unknown("colour".into()))
    /// );
    /// assert_eq!(
    ///     feed.check_variables(Some(&vars("(count:7)"))),
    ///     Err(VariablesError::Missing("start"))
    /// );
    /// let search = endpoints::SEARCH_CLUSTERS;
    /// assert_eq!(
    ///     search.check_variables(Some(&vars("(start:0,query:(queryParameters:List(),typo:1))"))),
    ///     Err(VariablesError::Unknown("query.typo".into()))
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`VariablesError`] naming the first name that is wrong.
    pub fn check_variables(&self, variables: Option<&restli::Value>) -> Result<(), VariablesError> {
        let opaque = self
            .params
            .iter()
            .any(|p| p.name == "variables" && p.location == Location::Body);
        if self.query_id.is_none() || opaque {
            return Ok(());
        }
        let listed: Vec<&'static Param> = self
            .params
            .iter()
            .filter(|p| p.location == Location::Variables)
            .collect();
        let empty = restli::Map::new();
        let map = match variables {
            None => &empty,
            Some(restli::Value::Map(map)) => map,
            Some(_) => return Err(VariablesError::NotAMap(String::new())),
        };
        unknown_variable(&listed, "", map)?;
        match listed
            .iter()
            .find(|p| p.required && dotted(map, p.name).is_none())
        {
            Some(p) => Err(VariablesError::Missing(p.name)),
            None => Ok(()),
        }
    }

    /// `given` with the entry's fixed values for parameters at `location` added where absent.
    fn with_fixed(&self, location: Location, mut given: restli::Map) -> restli::Map {
        for param in self.params.iter().filter(|p| p.location == location) {
            if let Some(value) = param.value.and_then(|text| restli::from_str(text).ok()) {
                insert_dotted(&mut given, param.name, value);
            }
        }
        given
    }
}

/// What is wrong with a request's GraphQL variables ([`Endpoint::check_variables`]); names
/// are dotted for nesting (`query.keywords`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariablesError {
    /// A variable the entry does not take.
    Unknown(String),
    /// A required variable that is not there.
    Missing(&'static str),
    /// A value that must be a map (the variables, or a map the entry's dotted names reach
    /// into) but is not; the name is empty for the variables themselves.
    NotAMap(String),
}

impl std::fmt::Display for VariablesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(name) => write!(f, "unknown variable {name}"),
            Self::Missing(name) => write!(f, "missing required variable {name}"),
            Self::NotAMap(name) if name.is_empty() => f.write_str("the variables are not a map"),
            Self::NotAMap(name) => write!(f, "variable {name} is not a map"),
        }
    }
}

impl std::error::Error for VariablesError {}

/// The first key under `prefix` of `map` (dotted) that none of `listed` names: a key is
/// either a listed name (its value is not looked into) or the head of listed dotted names
/// (its value must be a map, whose keys are checked in turn).
fn unknown_variable(
    listed: &[&'static Param],
    prefix: &str,
    map: &restli::Map,
) -> Result<(), VariablesError> {
    for (key, value) in map.iter() {
        let name = if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        };
        if listed.iter().any(|p| p.name == name) {
            continue;
        }
        let inner = format!("{name}.");
        if !listed.iter().any(|p| p.name.starts_with(&inner)) {
            return Err(VariablesError::Unknown(name));
        }
        match value {
            restli::Value::Map(inner) => unknown_variable(listed, &name, inner)?,
            _ => return Err(VariablesError::NotAMap(name)),
        }
    }
    Ok(())
}

/// The value at the dotted `name` (`query.keywords`) of `map`.
fn dotted<'m>(map: &'m restli::Map, name: &str) -> Option<&'m restli::Value> {
    match name.split_once('.') {
        None => map.get(name),
        Some((head, rest)) => dotted(map.get(head)?.as_map()?, rest),
    }
}

/// Sets the dotted `name` (`query.keywords`) in `map` to `value` unless it is already set.
fn insert_dotted(map: &mut restli::Map, name: &str, value: restli::Value) {
    match name.split_once('.') {
        None => {
            if map.get(name).is_none() {
                map.push(name, value);
            }
        }
        Some((head, rest)) => match map.get_mut(head) {
            Some(restli::Value::Map(inner)) => insert_dotted(inner, rest, value),
            // A caller's non-map value under `head` wins over the fixed one.
            Some(_) => {}
            None => {
                let mut inner = restli::Map::new();
                insert_dotted(&mut inner, rest, value);
                map.push(head, inner);
            }
        },
    }
}

/// The entry named `name`.
#[must_use]
pub fn by_name(name: &str) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().copied().find(|e| e.name == name)
}

/// The query parameters that pick between entries sharing a path: a finder (`q`), an action
/// (`action`) or a batch finder (`bq`), besides the GraphQL `queryId` and the REST
/// `decorationId`.
pub const ROUTING_PARAMS: [&str; 3] = ["q", "action", "bq"];

/// How a request's `queryId` and `decorationId` are held to an entry's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// They must be the entry's (LinkedIn refuses a stale one).
    Exact,
    /// They are not looked at: the entries a request would reach with the right ids.
    Ignored,
}

/// The entries a request matches: same method and base, a path that fits the template (each
/// `{param}` matching one non-empty segment), the same value for each fixed routing parameter
/// ([`ROUTING_PARAMS`]), and with [`Ids::Exact`] the entry's GraphQL `queryId` and REST
/// `decorationId`. `query` gives a query parameter's raw value by name.
///
/// ```
/// use linkedin_catalogue::{Base, Ids, Method, matching};
/// let none = |_: &str| None;
/// let found: Vec<_> = matching(Method::Get, Base::Api, "/me", &none, Ids::Exact)
///     .map(|e| e.name)
///     .collect();
/// assert_eq!(found, ["me"]);
/// ```
pub fn matching<'a, F>(
    method: Method,
    base: Base,
    path: &'a str,
    query: &'a F,
    ids: Ids,
) -> impl Iterator<Item = &'static Endpoint> + 'a
where
    F: Fn(&str) -> Option<&'a str>,
{
    let exact = ids == Ids::Exact;
    ENDPOINTS.iter().copied().filter(move |e| {
        e.method == method
            && e.base == base
            && template_matches(e.path, path)
            && (!exact || e.query_id.is_none_or(|id| query("queryId") == Some(id)))
            && (!exact
                || e.decoration_id
                    .is_none_or(|id| query("decorationId") == Some(id)))
            && e.fixed
                .iter()
                .filter(|(name, _)| ROUTING_PARAMS.contains(name))
                .all(|(name, value)| query(name) == Some(*value))
    })
}

/// The entry that answers a request: of the [`matching`] entries (ids exact), the most
/// specific one (the one that fixes the most routing parameters), so
/// `/messaging/conversations?q=participants` goes to the finder that fixes `q=participants`
/// rather than to the plain collection.
///
/// ```
/// use linkedin_catalogue::{Base, Method, route};
/// let query = |name: &str| (name == "q").then_some("participants");
/// let e = route(Method::Get, Base::Api, "/messaging/conversations", &query).unwrap();
/// assert_eq!(e.name, "conversation_by_participants_legacy");
/// let none = |_: &str| None;
/// let e = route(Method::Get, Base::Api, "/messaging/conversations", &none).unwrap();
/// assert_eq!(e.name, "conversations_legacy");
/// ```
pub fn route<'a, F>(
    method: Method,
    base: Base,
    path: &'a str,
    query: &'a F,
) -> Option<&'static Endpoint>
where
    F: Fn(&str) -> Option<&'a str>,
{
    matching(method, base, path, query, Ids::Exact).max_by_key(|e| {
        e.fixed
            .iter()
            .filter(|(name, _)| ROUTING_PARAMS.contains(name))
            .count()
    })
}

/// Whether a request that no entry answers would reach one with other ids: its `queryId` or
/// `decorationId` is stale or missing, which LinkedIn refuses (400) rather than not knowing
/// the path (404).
///
/// ```
/// use linkedin_catalogue::{Base, Method, endpoints, has_other_ids};
/// let stale = |name: &str| match name {
///     "q" => Some("universalName"),
///     "decorationId" => Some("com.linkedin.voyager.deco.organization.web.Old-1"),
///     _ => None,
/// };
/// assert!(has_other_ids(Method::Get, Base::Api, endpoints::COMPANY.path, &stale));
/// let none = |_: &str| None;
/// assert!(!has_other_ids(Method::Get, Base::Api, "/nowhere", &none));
/// ```
pub fn has_other_ids<'a, F>(method: Method, base: Base, path: &'a str, query: &'a F) -> bool
where
    F: Fn(&str) -> Option<&'a str>,
{
    matching(method, base, path, query, Ids::Ignored)
        .any(|e| e.query_id.is_some() || e.decoration_id.is_some())
}

/// Whether `path` fits `template`, where `{x}` stands for one non-empty segment.
fn template_matches(template: &str, path: &str) -> bool {
    let mut t = template.split('/');
    let mut p = path.split('/');
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(ts), Some(ps)) => {
                let placeholder = ts.starts_with('{') && ts.ends_with('}');
                if !(placeholder && !ps.is_empty() || ts == ps) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_merge_fixed_values_in_place_and_encode_once() {
        let search = by_name("search_clusters").unwrap();
        let mut query = restli::Map::new();
        query.insert("keywords", "C++, Rust");
        let mut variables = restli::Map::new();
        variables.insert("start", 0);
        variables.insert("query", query);
        variables.insert("count", 10);
        let target = search.target(&[], restli::Map::new(), Some(variables));
        let (path, q) = target.split_once('?').unwrap();
        assert_eq!(path, "/voyager/api/graphql");
        let parsed = restli::Query::parse(q).unwrap();
        assert_eq!(parsed.raw("queryId"), search.query_id);
        let vars = parsed.value("variables").unwrap().unwrap();
        let keys: Vec<&str> = vars.as_map().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["start", "origin", "query", "count"],
            "the catalogue's order, fixed values included"
        );
        let inner = vars.get("query").unwrap();
        assert_eq!(
            inner.get("keywords").and_then(|k| k.as_str()),
            Some("C++, Rust")
        );
        assert!(q.contains("keywords:C%2B%2B%2C%20Rust"), "{q}");

        let follow = by_name("following_state_set").unwrap();
        let target = follow.target(
            &[(
                "followingStateUrn",
                "urn:li:fsd_followingState:urn:li:fsd_company:1337",
            )],
            restli::Map::new(),
            None,
        );
        assert_eq!(
            target,
            "/voyager/api/feed/dash/followingStates/urn:li:fsd_followingState:urn:li:fsd_company:1337"
        );
    }

    #[test]
    fn templates_match_whole_segments() {
        assert!(template_matches(
            "/jobs/jobPostings/{id}",
            "/jobs/jobPostings/123"
        ));
        assert!(!template_matches(
            "/jobs/jobPostings/{id}",
            "/jobs/jobPostings/"
        ));
        assert!(!template_matches(
            "/jobs/jobPostings/{id}",
            "/jobs/jobPostings/1/x"
        ));
        assert!(template_matches("/me", "/me"));
        assert!(!template_matches("/me", "/mex"));
    }
}
