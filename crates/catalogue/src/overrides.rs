//! The ids LinkedIn changes (a GraphQL `queryId`, a REST `decorationId`, a GraphQL data root,
//! a path), replaced at run time without a rebuild: from a user's override file, or learned
//! by a client when LinkedIn rotated one.
//!
//! An override file is TOML, a table per entry of the catalogue, with any of four keys:
//!
//! ```toml
//! # ~/.config/linkedin-api/catalogue.toml
//! [search_clusters]
//! query_id = "voyagerSearchDashClusters.0123456789abcdef0123456789abcdef"
//!
//! [company]
//! decoration_id = "com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-13"
//! ```
//!
//! Each value is checked at load against the entry it replaces: an entry has a `queryId` to
//! replace only if it is a GraphQL one, the forms are LinkedIn's (`<queryName>.<32 hex>`,
//! `com.linkedin.…-<n>`), a path keeps the entry's `{params}`. A file that breaks a rule is
//! refused whole, with the line.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use serde::{Deserialize, Serialize};

use crate::{ENDPOINTS, Endpoint, Id, by_name};

/// Where the ids a client uses for an entry come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", rename_all = "snake_case")]
#[non_exhaustive]
pub enum IdOrigin {
    /// The catalogue built into this version.
    BuiltIn,
    /// A user's override file, at this line.
    Override {
        /// The file.
        file: PathBuf,
        /// The line of the entry's table.
        line: usize,
    },
    /// Learned at run time, when LinkedIn refused the built-in ones as stale.
    Learned {
        /// When, in unix seconds.
        at: i64,
    },
}

impl fmt::Display for IdOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BuiltIn => f.write_str("built in"),
            Self::Override { file, line } => write!(f, "override {}:{line}", file.display()),
            Self::Learned { at } => write!(f, "learned at {at} (unix time)"),
        }
    }
}

/// The entries a client uses: the catalogue's, with the ids of some replaced by an override
/// file or by what was learned. One table per client, shared by its clones; lookups are a
/// read lock on a small map.
///
/// ```
/// use std::path::Path;
/// use linkedin_catalogue::{IdOrigin, IdTable, Overrides, endpoints};
///
/// let text = "[company]\ndecoration_id = \"com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-13\"\n";
/// let table = IdTable::with_overrides(&Overrides::parse(Path::new("c.toml"), text)?);
/// let company = table.resolve(endpoints::COMPANY);
/// assert!(company.decoration_id.unwrap().ends_with("-13"));
/// assert!(matches!(table.origin(endpoints::COMPANY), IdOrigin::Override { line: 1, .. }));
/// assert_eq!(table.resolve(endpoints::ME), endpoints::ME);
/// # Ok::<(), linkedin_catalogue::OverrideError>(())
/// ```
#[derive(Debug, Default)]
pub struct IdTable {
    replaced: RwLock<HashMap<Id, (&'static Endpoint, IdOrigin)>>,
}

impl IdTable {
    /// The built-in catalogue, nothing replaced.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The built-in catalogue with an override file's ids.
    #[must_use]
    pub fn with_overrides(overrides: &Overrides) -> Self {
        let table = Self::new();
        for o in &overrides.entries {
            table.replace(
                o.endpoint,
                &o.ids,
                IdOrigin::Override {
                    file: overrides.file.clone(),
                    line: o.line,
                },
            );
        }
        table
    }

    /// The entry to use for `endpoint`: the built-in one, or the one with replaced ids.
    #[must_use]
    pub fn resolve(&self, endpoint: &'static Endpoint) -> &'static Endpoint {
        let replaced = self.replaced.read().unwrap_or_else(PoisonError::into_inner);
        replaced.get(&endpoint.id).map_or(endpoint, |(e, _)| e)
    }

    /// Where the ids of `endpoint` come from.
    #[must_use]
    pub fn origin(&self, endpoint: &Endpoint) -> IdOrigin {
        let replaced = self.replaced.read().unwrap_or_else(PoisonError::into_inner);
        replaced
            .get(&endpoint.id)
            .map_or(IdOrigin::BuiltIn, |(_, origin)| origin.clone())
    }

    /// Uses `ids` for `endpoint` from now on (over the built-in entry), with their origin, and
    /// gives the entry made.
    pub fn replace(
        &self,
        endpoint: &'static Endpoint,
        ids: &EndpointIds,
        origin: IdOrigin,
    ) -> &'static Endpoint {
        let built_in = by_name(endpoint.name).unwrap_or(endpoint);
        let changed = ids.apply(built_in);
        let mut replaced = self
            .replaced
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        replaced.insert(endpoint.id, (changed, origin));
        changed
    }

    /// Every entry of the catalogue as this table resolves it, with the origin of its ids.
    #[must_use]
    pub fn entries(&self) -> Vec<(&'static Endpoint, IdOrigin)> {
        ENDPOINTS
            .iter()
            .map(|e| (self.resolve(e), self.origin(e)))
            .collect()
    }
}

/// The ids of one entry that replace the built-in ones; `None` keeps the built-in value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointIds {
    /// The GraphQL `queryId` (`voyagerSearchDashClusters.<32 hex>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_id: Option<String>,
    /// The REST `decorationId` (`com.linkedin.voyager.dash.deco.…-<n>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decoration_id: Option<String>,
    /// The key under the answer's `data` where a GraphQL result sits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_root: Option<String>,
    /// The path after the base (`/voyagerSearchDashClusters`), with the entry's `{params}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl EndpointIds {
    /// Whether nothing is replaced.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Checks every given id against `endpoint`: the kinds of id it has, and LinkedIn's forms.
    ///
    /// ```
    /// use linkedin_catalogue::{EndpointIds, endpoints};
    ///
    /// let fresh = EndpointIds {
    ///     query_id: Some("voyagerSearchDashClusters.0123456789abcdef0123456789abcdef".into()),
    ///     ..EndpointIds::default()
    /// };
    /// assert!(fresh.check(endpoints::SEARCH_CLUSTERS).is_ok());
    /// // A REST entry has no queryId to replace.
    /// assert!(fresh.check(endpoints::COMPANY).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// What is wrong, in a sentence naming the key.
    pub fn check(&self, endpoint: &Endpoint) -> Result<(), String> {
        if let Some(id) = &self.query_id {
            if endpoint.query_id.is_none() {
                return Err(format!(
                    "query_id: {} is not a GraphQL entry (it has no queryId)",
                    endpoint.name
                ));
            }
            if !is_query_id(id) {
                return Err(format!(
                    "query_id: {id:?} is not <queryName>.<32 lowercase hex digits>"
                ));
            }
        }
        if let Some(id) = &self.decoration_id {
            if endpoint.decoration_id.is_none() {
                return Err(format!(
                    "decoration_id: {} takes no decorationId",
                    endpoint.name
                ));
            }
            if !is_decoration_id(id) {
                return Err(format!(
                    "decoration_id: {id:?} is not com.linkedin.<dotted name>-<version number>"
                ));
            }
        }
        if let Some(root) = &self.data_root {
            if endpoint.query_id.is_none() {
                return Err(format!(
                    "data_root: {} is not a GraphQL entry (its answer has no data root)",
                    endpoint.name
                ));
            }
            if !is_identifier(root) {
                return Err(format!("data_root: {root:?} is not a name"));
            }
        }
        if let Some(path) = &self.path {
            if !path.starts_with('/')
                || path.contains(['?', '#', ' ', '\t', '\n', '%'])
                || path.contains("//")
            {
                return Err(format!(
                    "path: {path:?} is not a path (it starts with /, without a query)"
                ));
            }
            if placeholders(path) != placeholders(endpoint.path) {
                return Err(format!(
                    "path: {path:?} must keep the {{params}} of {:?}",
                    endpoint.path
                ));
            }
        }
        Ok(())
    }

    /// `endpoint` with these ids in place of its own. The entry is made once and lives as long
    /// as the process (a few per run: overrides and learned ids), as the built-in ones do.
    #[must_use]
    pub fn apply(&self, endpoint: &'static Endpoint) -> &'static Endpoint {
        if self.is_empty() {
            return endpoint;
        }
        let leak = |s: &String| -> &'static str { Box::leak(s.clone().into_boxed_str()) };
        let mut changed = *endpoint;
        if let Some(id) = &self.query_id {
            changed.query_id = Some(leak(id));
        }
        if let Some(id) = &self.decoration_id {
            changed.decoration_id = Some(leak(id));
        }
        if let Some(root) = &self.data_root {
            changed.data_root = Some(leak(root));
        }
        if let Some(path) = &self.path {
            changed.path = leak(path);
        }
        Box::leak(Box::new(changed))
    }
}

/// One entry of an override file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The entry it replaces ids of.
    pub endpoint: &'static Endpoint,
    /// The ids.
    pub ids: EndpointIds,
    /// The line of its table, `[name]`, from 1.
    pub line: usize,
}

/// An override file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overrides {
    /// The file.
    pub file: PathBuf,
    /// Its entries, in the file's order.
    pub entries: Vec<Override>,
}

/// Why an override file is refused: the file, the line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideError {
    /// The file.
    pub file: PathBuf,
    /// The line, from 1 (0 when the file could not be read at all).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for OverrideError {}

impl Overrides {
    /// The overrides in `text`, read from `file` (named in errors).
    ///
    /// ```
    /// use std::path::Path;
    /// use linkedin_catalogue::Overrides;
    ///
    /// let text = "[company]\ndecoration_id = \"com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-13\"\n";
    /// let overrides = Overrides::parse(Path::new("catalogue.toml"), text)?;
    /// assert_eq!(overrides.entries[0].endpoint.name, "company");
    /// assert_eq!(overrides.entries[0].line, 1);
    ///
    /// let bad = Overrides::parse(Path::new("catalogue.toml"), "\n[no_such_entry]\npath = \"/x\"\n");
    /// assert_eq!(bad.unwrap_err().to_string(), "catalogue.toml:2: no entry of the catalogue is named no_such_entry (`linkedin catalogue show` lists them)");
    /// # Ok::<(), linkedin_catalogue::OverrideError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`OverrideError`] for text that is not TOML, an entry the catalogue does not have, an
    /// unknown key, or an id [`EndpointIds::check`] refuses.
    pub fn parse(file: &Path, text: &str) -> Result<Self, OverrideError> {
        let error = |line: usize, message: String| OverrideError {
            file: file.to_owned(),
            line,
            message,
        };
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let tables: toml::Spanned<toml::Table> = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| line_of(span.start));
            error(line, e.message().trim().to_owned())
        })?;
        let mut entries = Vec::new();
        for (name, value) in tables.get_ref() {
            let line = header_line(text, name).unwrap_or(1);
            let endpoint = by_name(name).ok_or_else(|| {
                error(
                    line,
                    format!(
                        "no entry of the catalogue is named {name} (`linkedin catalogue show` lists them)"
                    ),
                )
            })?;
            let ids: EndpointIds = value.clone().try_into().map_err(|e: toml::de::Error| {
                error(line, format!("[{name}]: {}", e.message().trim()))
            })?;
            ids.check(endpoint)
                .map_err(|why| error(line, format!("[{name}] {why}")))?;
            entries.push(Override {
                endpoint,
                ids,
                line,
            });
        }
        entries.sort_by_key(|o| o.line);
        Ok(Self {
            file: file.to_owned(),
            entries,
        })
    }

    /// The override file at `file`; `Ok(None)` when there is none.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse), and for a file that exists but cannot be read.
    pub fn load(file: &Path) -> Result<Option<Self>, OverrideError> {
        match std::fs::read_to_string(file) {
            Ok(text) => Self::parse(file, &text).map(Some),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(OverrideError {
                file: file.to_owned(),
                line: 0,
                message: format!("cannot read it: {e}"),
            }),
        }
    }
}

/// The line of `[name]` in `text`, from 1.
fn header_line(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let l = l.trim();
            l.strip_prefix('[')
                .and_then(|rest| rest.split(']').next())
                .is_some_and(|inner| inner.trim().trim_matches('"') == name)
        })
        .map(|i| i + 1)
}

/// `<queryName>.<32 lowercase hex>`.
#[must_use]
pub fn is_query_id(id: &str) -> bool {
    let Some((name, hash)) = id.split_once('.') else {
        return false;
    };
    is_identifier(name)
        && hash.len() == 32
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `com.linkedin.<dotted name>-<version>`.
#[must_use]
pub fn is_decoration_id(id: &str) -> bool {
    let Some((name, version)) = id.rsplit_once('-') else {
        return false;
    };
    name.starts_with("com.linkedin.")
        && name.split('.').all(is_identifier)
        && !version.is_empty()
        && version.bytes().all(|b| b.is_ascii_digit())
}

fn is_identifier(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The `{params}` of a path template.
fn placeholders(path: &str) -> BTreeSet<&str> {
    path.split('/')
        .filter(|s| s.starts_with('{') && s.ends_with('}'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints;

    fn parse(text: &str) -> Result<Overrides, String> {
        Overrides::parse(Path::new("c.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn each_broken_rule_names_its_line() {
        let cases = [
            (
                "[search_clusters]\nquery_id = 3\n",
                "c.toml:1: [search_clusters]: invalid type",
            ),
            (
                "\n\n[company]\nquery_id = \"x.0123456789abcdef0123456789abcdef\"\n",
                "c.toml:3: [company] query_id: company is not a GraphQL entry",
            ),
            (
                "[search_clusters]\nquery_id = \"voyagerSearchDashClusters.XYZ\"\n",
                "c.toml:1: [search_clusters] query_id: \"voyagerSearchDashClusters.XYZ\" is not",
            ),
            (
                "[company]\ncolour = \"red\"\n",
                "c.toml:1: [company]: unknown field `colour`",
            ),
            (
                "[company]\ndecoration_id = \"WebFullCompanyMain-13\"\n",
                "c.toml:1: [company] decoration_id:",
            ),
            (
                "[company]\npath = \"/organization/companies?q=x\"\n",
                "c.toml:1: [company] path:",
            ),
            (
                "[profile]\npath = \"/identity/dash/profiles\"\n",
                "must keep the {params}",
            ),
            ("[company\n", "c.toml:1:"),
        ];
        for (text, expected) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(expected), "{text:?}: {err}");
            assert!(!err.contains('\n'), "one line: {err:?}");
        }
    }

    #[test]
    fn overrides_apply_to_a_copy_of_the_entry() {
        let overrides = parse(
            "# comment\n[search_clusters]\nquery_id = \"voyagerSearchDashClusters.0123456789abcdef0123456789abcdef\"\ndata_root = \"rotatedRoot\"\n",
        )
        .unwrap();
        let entry = &overrides.entries[0];
        assert_eq!(entry.line, 2);
        let changed = entry.ids.apply(entry.endpoint);
        assert_eq!(
            changed.query_id,
            Some("voyagerSearchDashClusters.0123456789abcdef0123456789abcdef")
        );
        assert_eq!(changed.id, endpoints::SEARCH_CLUSTERS.id);
        assert_eq!(changed.params, endpoints::SEARCH_CLUSTERS.params);
        assert_ne!(
            endpoints::SEARCH_CLUSTERS.query_id,
            changed.query_id,
            "the built-in entry is untouched"
        );
        assert!(parse("").unwrap().entries.is_empty());
    }

    #[test]
    fn every_built_in_id_has_linkedins_form() {
        for e in crate::ENDPOINTS {
            let ids = EndpointIds {
                query_id: e.query_id.map(str::to_owned),
                decoration_id: e.decoration_id.map(str::to_owned),
                data_root: e.data_root.map(str::to_owned),
                path: Some(e.path.to_owned()),
            };
            assert_eq!(ids.check(e), Ok(()), "{}", e.name);
        }
    }
}
