//! `Linkedin`, its builder, and the one way every capability sends a request: a catalogue
//! entry, its parameters as Rest.li values, the transport, and a typed reading of the answer.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http::{HeaderName, HeaderValue};
use linkedin_catalogue::{
    Accept, ContentType, Endpoint, IdTable, Location, Method, Param, ParamType, Status,
};
use linkedin_models::Answer;
use linkedin_transport::{
    Action, Budget, Login, Pacing, Proxy, Request, RetryPolicy, Timeouts, Transport,
    TransportBuilder,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::view::Me;

/// Builds a [`Linkedin`]: where to connect, how to log in, and how politely.
///
/// ```no_run
/// use linkedin_api::{Linkedin, Login};
///
/// # async fn run() -> linkedin_api::Result<()> {
/// let linkedin = Linkedin::builder()
///     .login(Login::cookies("AQEDAR...", "ajax:0123456789012345678"))
///     .build()
///     .await?;
/// let me = linkedin.me().await?;
/// println!("logged in as {} {}", me.first_name, me.last_name);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use]
pub struct LinkedinBuilder {
    /// Everything about connecting is the transport's own builder.
    transport: TransportBuilder,
    login: Option<Login>,
    ids: Option<Arc<IdTable>>,
    heal: bool,
}

impl LinkedinBuilder {
    /// The base URL: `https://www.linkedin.com` by default, or a sandbox's URL.
    pub fn base_url(self, url: impl Into<String>) -> Self {
        self.with(|t| t.base_url(url))
    }

    /// Connects to `addr` instead of resolving the base URL's host (a sandbox serving
    /// `https://www.linkedin.com` on loopback).
    pub fn resolve(self, addr: SocketAddr) -> Self {
        self.with(|t| t.resolve(addr))
    }

    /// Trusts one more certificate authority (DER), e.g. a sandbox's.
    pub fn add_root_certificate(self, der: impl Into<Vec<u8>>) -> Self {
        self.with(|t| t.add_root_certificate(der))
    }

    /// Connects through this HTTP proxy (an HTTP `CONNECT` tunnel); `None`, the default,
    /// connects directly. Nothing is read from the environment unless asked: pass
    /// [`Proxy::from_env`] (`HTTPS_PROXY`, `NO_PROXY`, ...) for that.
    ///
    /// Python: `Linkedin(..., proxies={"https": "http://user:password@host:port"})`
    ///
    /// ```
    /// use linkedin_api::{Linkedin, Proxy};
    ///
    /// let builder = Linkedin::builder().proxy(Some(Proxy::new("http://proxy.example:3128")?));
    /// // Or as curl would choose: HTTPS_PROXY or ALL_PROXY, unless NO_PROXY lists the host.
    /// let from_env = Proxy::from_env("https://www.linkedin.com")?;
    /// let builder = Linkedin::builder().proxy(from_env);
    /// # Ok::<(), linkedin_api::transport::Error>(())
    /// ```
    pub fn proxy(self, proxy: Option<Proxy>) -> Self {
        self.with(|t| t.proxy(proxy))
    }

    /// How to log in (required).
    pub fn login(mut self, login: Login) -> Self {
        self.login = Some(login);
        self
    }

    /// Where sessions are saved and looked for, and where the account's pacing, budgets and
    /// circuit breaker are kept: a [`FileStore`](crate::FileStore) (shared by every process
    /// of the account) or your own [`AccountStore`](crate::AccountStore); see
    /// [`TransportBuilder::store`].
    pub fn store(self, store: impl crate::AccountStore + 'static) -> Self {
        self.with(|t| t.store(store))
    }

    /// Request spacing (default: polite for linkedin.com, off for loopback).
    pub fn pacing(self, pacing: Pacing) -> Self {
        self.with(|t| t.pacing(pacing))
    }

    /// Requests per rolling hour (default: under LinkedIn's challenge threshold).
    pub fn budget(self, budget: Budget) -> Self {
        self.with(|t| t.budget(budget))
    }

    /// Time limits.
    pub fn timeouts(self, timeouts: Timeouts) -> Self {
        self.with(|t| t.timeouts(timeouts))
    }

    /// Retries of reads.
    pub fn retries(self, retries: RetryPolicy) -> Self {
        self.with(|t| t.retries(retries))
    }

    /// Ids of catalogue entries replaced without a rebuild: an override file read with
    /// [`Overrides::load`](linkedin_catalogue::Overrides::load) (the CLI reads
    /// `LINKEDIN_CATALOGUE`, or `catalogue.toml` in its config directory).
    ///
    /// ```
    /// use std::path::Path;
    /// use linkedin_api::Linkedin;
    /// use linkedin_catalogue::Overrides;
    ///
    /// let text = "[search_clusters]\nquery_id = \"voyagerSearchDashClusters.0123456789abcdef0123456789abcdef\"\n";
    /// let overrides = Overrides::parse(Path::new("catalogue.toml"), text)?;
    /// let builder = Linkedin::builder().overrides(&overrides);
    /// # Ok::<(), linkedin_catalogue::OverrideError>(())
    /// ```
    pub fn overrides(mut self, overrides: &linkedin_catalogue::Overrides) -> Self {
        self.ids = Some(Arc::new(IdTable::with_overrides(overrides)));
        self
    }

    /// Whether a read that LinkedIn refuses as it refuses a stale id is healed: the current id
    /// found in the web app's pages and scripts, probed, used and saved for the account (on by
    /// default). Off, such a read fails with [`Error::StaleId`] and nothing is fetched.
    pub fn heal_ids(mut self, heal: bool) -> Self {
        self.heal = heal;
        self
    }

    /// Any other transport setting (connections, idle timeout, user agent, system roots...).
    pub fn transport(self, configure: impl FnOnce(TransportBuilder) -> TransportBuilder) -> Self {
        self.with(configure)
    }

    fn with(mut self, configure: impl FnOnce(TransportBuilder) -> TransportBuilder) -> Self {
        self.transport = configure(self.transport);
        self
    }

    /// Makes the transport and logs in (checking the session with one request).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] without a login or with bad settings; any login error of
    /// [`linkedin_transport::Error`] (bad credentials, challenge with its URL, expired
    /// session...).
    pub async fn build(self) -> Result<Linkedin> {
        let Some(login) = self.login else {
            return Err(Error::InvalidInput {
                field: "login",
                reason:
                    "give one: Login::password, Login::cookies, Login::cookie_file or Login::saved"
                        .to_owned(),
            });
        };
        let transport = self.transport.build()?;
        transport.login(login).await?;
        let ids = self.ids.unwrap_or_default();
        let linkedin = Linkedin::with_parts(transport, ids, self.heal);
        // Ids learned by earlier runs for this account (while still relevant).
        crate::drift::load_learned(&linkedin, &linkedin.inner.ids).await;
        Ok(linkedin)
    }
}

/// A logged-in LinkedIn client: one method per capability, typed results, pagination as
/// [`Pages`](crate::Pages) streams. Cheap to clone; clones share the session and connections.
#[derive(Clone, Debug)]
pub struct Linkedin {
    pub(crate) inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) transport: Transport,
    /// The logged-in member, found once.
    pub(crate) me: tokio::sync::OnceCell<Me>,
    /// Public ids already resolved to profile ids (a member's profile id never changes).
    pub(crate) resolved:
        std::sync::Mutex<std::collections::HashMap<String, linkedin_models::id::ProfileId>>,
    /// The random part of the `x-li-page-instance` header, one per client as the web app
    /// has one per page view: 16 random bytes in base64 (`yqBHQoHAK7u61shd7b7efF==`).
    pub(crate) page_token: String,
    /// The entries this client sends: the catalogue's, some ids replaced.
    pub(crate) ids: Arc<IdTable>,
    /// Whether stale ids are healed.
    pub(crate) heal: bool,
    /// One healing at a time.
    pub(crate) healing: tokio::sync::Mutex<()>,
    /// Entries whose discovery found nothing that answers (not tried again by this client).
    pub(crate) unhealed: tokio::sync::Mutex<std::collections::HashSet<&'static str>>,
}

/// A new page instance token: 16 random bytes, standard base64.
fn page_token() -> String {
    use base64::Engine as _;
    let mut rng = fastrand::Rng::new();
    let bytes: [u8; 16] = std::array::from_fn(|_| rng.u8(..));
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl Linkedin {
    /// Starts building a client (base URL, login, session store, pacing, timeouts).
    ///
    /// Python: `Linkedin(username, password, refresh_cookies=…, proxies=…)`
    pub fn builder() -> LinkedinBuilder {
        LinkedinBuilder {
            transport: Transport::builder("https://www.linkedin.com"),
            login: None,
            ids: None,
            heal: true,
        }
    }

    /// A client over a transport that is already logged in.
    ///
    /// Python: `Linkedin(…, cookies=jar)`
    #[must_use]
    pub fn from_transport(transport: Transport) -> Self {
        Self::with_parts(transport, Arc::new(IdTable::new()), true)
    }

    fn with_parts(transport: Transport, ids: Arc<IdTable>, heal: bool) -> Self {
        Self {
            inner: Arc::new(Inner {
                transport,
                me: tokio::sync::OnceCell::new(),
                resolved: std::sync::Mutex::default(),
                page_token: page_token(),
                ids,
                heal,
                healing: tokio::sync::Mutex::new(()),
                unhealed: tokio::sync::Mutex::default(),
            }),
        }
    }

    /// The transport underneath (cookies, session saving, counters).
    ///
    /// Python: `client`
    #[must_use]
    pub fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// The entries this client sends, with where each one's ids come from (built in, an
    /// override file, learned).
    ///
    /// Python: none
    #[must_use]
    pub fn ids(&self) -> &IdTable {
        &self.inner.ids
    }

    /// A request to a catalogue entry (with the ids this client uses for it), with the `x-li-page-instance` of the web app page that
    /// sends it (the entry's `page`), as the browser sends on every Voyager call.
    pub(crate) fn call(&self, endpoint: &'static Endpoint) -> Call {
        let endpoint = self.inner.ids.resolve(endpoint);
        let mut call = Call::new(endpoint);
        call.page_instance = endpoint
            .page
            .map(|page| format!("urn:li:page:{page};{}", self.inner.page_token));
        call
    }

    /// Sends a call and gives the answer's body; a read refused as LinkedIn refuses a stale
    /// id is healed (`drift.rs`) unless healing is off.
    pub(crate) async fn send(&self, call: Call) -> Result<Bytes> {
        let again = call.clone();
        match call.send(&self.inner.transport).await {
            Err(e) if crate::drift::is_stale_answer(&again, &e) => {
                if self.inner.heal {
                    crate::drift::heal(self, again, e).await
                } else {
                    Err(Error::StaleId {
                        endpoint: again.endpoint.name,
                        id: again
                            .endpoint
                            .query_id
                            .or(again.endpoint.decoration_id)
                            .unwrap_or_default()
                            .to_owned(),
                        discovery: crate::drift::Discovery::default(),
                        cause: Box::new(e),
                    })
                }
            }
            other => other,
        }
    }

    /// Sends a call and reads `T` from the answer's result: the entry's GraphQL data root
    /// (`/data/<root>`), or the whole answer for a REST entry (normalized references resolved).
    pub(crate) async fn fetch<T: DeserializeOwned>(&self, call: Call) -> Result<T> {
        let pointer = call.endpoint.data_pointer();
        self.fetch_at(call, &pointer).await
    }

    /// Sends a call and reads `T` at `pointer` (a JSON pointer into the answer, after
    /// normalized references are resolved), for answers that are not a data root.
    pub(crate) async fn fetch_at<T: DeserializeOwned>(
        &self,
        call: Call,
        pointer: &str,
    ) -> Result<T> {
        let endpoint = call.endpoint;
        let body = self.send(call).await?;
        decode_at(endpoint, &answer(endpoint, &body)?, pointer)
    }
}

/// Parses a body as JSON, resolving the normalized encoding when it is one.
pub(crate) fn read_body(endpoint: &'static Endpoint, body: &[u8]) -> Result<Value> {
    let value: Value = serde_json::from_slice(body).map_err(|e| Error::Decode {
        endpoint: endpoint.name,
        source: linkedin_models::DecodeError {
            path: format!("line {} column {}", e.line(), e.column()),
            reason: format!("not JSON: {e}"),
            excerpt: linkedin_models::error::excerpt(body),
        },
    })?;
    let normalized = value.get("included").is_some() && value.get("data").is_some();
    Ok(if normalized {
        linkedin_models::resolve_value(value).unwrap_or_default()
    } else {
        value
    })
}

/// LinkedIn's refusal in a GraphQL mutation's answer: GraphQL answers 200 and lists what
/// failed under `errors` (peers-2026.md §3: devag7 reads a failed reaction there), at the top
/// of a JSON answer and under `data` of a normalized one (a refused post answers
/// `{"data": {"data": {<root>: null}, "errors": [...]}}`,
/// fs:71232131535). The first error's `message`, and its `extensions` code or
/// classification when it has one.
fn graphql_refusal(body: &[u8]) -> Option<linkedin_transport::Reason> {
    // A mutation's answer is small, and read once: a tree is fine here.
    let answer: Value = serde_json::from_slice(body).ok()?;
    let first_of = |pointer: &str| answer.pointer(pointer)?.as_array()?.first();
    let first = first_of("/errors").or_else(|| first_of("/data/errors"))?;
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let extensions = first.get("extensions");
    let code = text(extensions.and_then(|e| e.get("code")))
        .or_else(|| text(extensions.and_then(|e| e.get("classification"))));
    let message = text(first.get("message")).or_else(|| Some(first.to_string()));
    Some(linkedin_transport::Reason::new(code, message))
}

/// An answer of `endpoint` read for its layout ([`Answer`]): decoded from the bytes, once.
pub(crate) fn answer<'a>(endpoint: &'static Endpoint, body: &'a Bytes) -> Result<Answer<'a>> {
    Answer::parse(body).map_err(|source| Error::Decode {
        endpoint: endpoint.name,
        source,
    })
}

/// `T` read at the entry's data pointer of an answer.
pub(crate) fn decode<T: DeserializeOwned>(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
) -> Result<T> {
    decode_at(endpoint, answer, &endpoint.data_pointer())
}

/// `T` read at `pointer` of an answer of `endpoint` (references followed).
pub(crate) fn decode_at<T: DeserializeOwned>(
    endpoint: &'static Endpoint,
    answer: &Answer<'_>,
    pointer: &str,
) -> Result<T> {
    answer.decode(pointer).map_err(|source| Error::Decode {
        endpoint: endpoint.name,
        source,
    })
}

/// One request to a catalogue entry, being put together.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub(crate) endpoint: &'static Endpoint,
    path: Vec<(&'static str, String)>,
    query: restli::Map,
    variables: Option<restli::Map>,
    body: Option<Value>,
    /// The `x-li-page-instance` header, when the entry has a page.
    page_instance: Option<String>,
    /// Sent at most once, even a read (a probe).
    once: bool,
    /// The daily budget it counts against (the entry's, unless the caller said otherwise).
    counts: Option<Action>,
}

impl Call {
    /// A request to a catalogue entry.
    pub(crate) fn new(endpoint: &'static Endpoint) -> Self {
        Self {
            endpoint,
            path: Vec::new(),
            query: restli::Map::new(),
            variables: None,
            body: None,
            page_instance: None,
            once: false,
            counts: action_of(endpoint),
        }
    }

    /// Counts it against `action`'s daily budget instead of its entry's (`None`: against
    /// none), for a request that is one step of a write counted elsewhere.
    pub(crate) fn counts_as(mut self, action: Option<Action>) -> Self {
        self.counts = action;
        self
    }

    /// The same call to `endpoint` (the same entry with other ids).
    pub(crate) fn with_endpoint(mut self, endpoint: &'static Endpoint) -> Self {
        self.endpoint = endpoint;
        self
    }

    /// The same call sent at most once: a probe.
    pub(crate) fn probe(mut self) -> Self {
        self.once = true;
        self
    }

    /// Sends it over `transport` and gives the answer's body. Nothing is sent to an entry
    /// known to fail: a retired one is [`Error::Gone`], one LinkedIn answers with an error is
    /// [`Error::Broken`] (both naming the replacement, if any).
    pub(crate) async fn send(self, transport: &Transport) -> Result<Bytes> {
        let endpoint = self.endpoint;
        let gone = || Error::Gone {
            endpoint: endpoint.name,
            replacement: endpoint.replacement,
        };
        match endpoint.status {
            Status::Gone => return Err(gone()),
            Status::Broken => {
                return Err(Error::Broken {
                    endpoint: endpoint.name,
                    replacement: endpoint.replacement,
                });
            }
            _ => {}
        }
        let mutation =
            endpoint.method == linkedin_catalogue::Method::Post && endpoint.query_id.is_some();
        match transport.send(self.request()?).await {
            Ok(response) if mutation => {
                let body = response.into_body();
                match graphql_refusal(&body) {
                    Some(reason) => Err(Error::Refused {
                        endpoint: endpoint.name,
                        reason,
                    }),
                    None => Ok(body),
                }
            }
            Ok(response) => Ok(response.into_body()),
            Err(linkedin_transport::Error::Gone { .. }) => Err(gone()),
            Err(e) => Err(e.into()),
        }
    }

    /// Sends it and reads `T` at `pointer` (a JSON pointer into the answer, after normalized
    /// references are resolved; `""` for the whole).
    pub(crate) async fn fetch<T: DeserializeOwned>(
        self,
        transport: &Transport,
        pointer: &str,
    ) -> Result<T> {
        let endpoint = self.endpoint;
        let body = self.send(transport).await?;
        decode_at(endpoint, &answer(endpoint, &body)?, pointer)
    }

    /// A `{param}` of the path.
    pub(crate) fn path(mut self, param: &'static str, value: impl Into<String>) -> Self {
        self.path.push((param, value.into()));
        self
    }

    /// A query parameter.
    pub(crate) fn query(mut self, name: &str, value: impl Into<restli::Value>) -> Self {
        self.query.push(name, value.into());
        self
    }

    /// A GraphQL variable.
    pub(crate) fn var(mut self, name: &str, value: impl Into<restli::Value>) -> Self {
        self.variables
            .get_or_insert_with(restli::Map::new)
            .push(name, value.into());
        self
    }

    /// The JSON body of a POST.
    pub(crate) fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// The body of a GraphQL mutation (a POST with a `queryId`): `{"variables": variables,
    /// "queryId": <the entry's>}` and the entry's fixed `body` params (such as
    /// `includeWebMetadata: true`), as the web app sends them (capture seq 124).
    pub(crate) fn mutation(self, variables: Value) -> Self {
        let endpoint = self.endpoint;
        let mut body = serde_json::Map::new();
        body.insert("variables".to_owned(), variables);
        if let Some(id) = endpoint.query_id {
            body.insert("queryId".to_owned(), Value::from(id));
        }
        for param in endpoint
            .params
            .iter()
            .filter(|p| p.location == Location::Body)
        {
            if let Some(text) = param.value {
                let value = match param.kind {
                    ParamType::Bool | ParamType::Int => {
                        serde_json::from_str(text).unwrap_or_else(|_| Value::from(text))
                    }
                    _ => Value::from(text),
                };
                body.insert(param.name.to_owned(), value);
            }
        }
        self.body(Value::Object(body))
    }

    /// A parameter where the catalogue puts it (the query or the GraphQL variables): how the
    /// page driver sets a position without knowing the entry.
    pub(crate) fn param(self, param: &'static Param, value: impl Into<restli::Value>) -> Self {
        match param.location {
            Location::Variables => self.var(param.name, value),
            _ => self.query(param.name, value),
        }
    }

    /// The path and query this call goes to, built by the catalogue.
    pub(crate) fn target(&self) -> String {
        let path: Vec<(&str, &str)> = self.path.iter().map(|(k, v)| (*k, v.as_str())).collect();
        // A GraphQL query sends `variables=()` when it has none; a mutation's are in its body.
        let query = self.endpoint.method == Method::Get;
        let variables = self.variables.clone().or_else(|| {
            self.endpoint
                .query_id
                .filter(|_| query)
                .map(|_| restli::Map::new())
        });
        self.endpoint.target(&path, self.query.clone(), variables)
    }

    /// The transport request: target built by the catalogue, method, accept, body and
    /// whether it may be retried.
    pub(crate) fn request(self) -> Result<Request> {
        let endpoint = self.endpoint;
        let target = self.target();
        let accept = match endpoint.accept {
            Accept::Normalized => linkedin_transport::Accept::Normalized,
            Accept::Json => linkedin_transport::Accept::Json,
            Accept::Graphql => linkedin_transport::Accept::Graphql,
            Accept::Html => linkedin_transport::Accept::Html,
            Accept::Any => linkedin_transport::Accept::Any,
        };
        let request = match endpoint.method {
            Method::Get => Request::get(target),
            Method::Delete => {
                let request = Request::delete(target);
                if endpoint.idempotent {
                    request.idempotent()
                } else {
                    request
                }
            }
            _ => {
                let content_type = match endpoint.content_type {
                    Some(ContentType::Json) => "application/json; charset=UTF-8",
                    Some(ContentType::TextJson) => "text/plain;charset=UTF-8",
                    Some(ContentType::Form) => "application/x-www-form-urlencoded",
                    Some(ContentType::None) | None => "",
                };
                let body = self
                    .body
                    .map(|b| Bytes::from(b.to_string()))
                    .unwrap_or_default();
                let request = Request::post(target, content_type, body);
                if endpoint.idempotent {
                    request.idempotent()
                } else {
                    request
                }
            }
        };
        let request = if self.once { request.once() } else { request };
        // A status error of the answer names the entry.
        let request = request.named(endpoint.name);
        let request = match self.counts {
            Some(action) => request.counts_as(action),
            None => request,
        };
        let request = match self.page_instance.as_deref().map(HeaderValue::from_str) {
            Some(Ok(value)) => request.header(HeaderName::from_static("x-li-page-instance"), value),
            _ => request,
        };
        Ok(request.accept(accept))
    }
}

/// The daily budget a call of `endpoint` counts against (the account's governor refuses it
/// before sending once spent): the writes LinkedIn watches, profile lookups and searches.
fn action_of(endpoint: &Endpoint) -> Option<Action> {
    use linkedin_catalogue::Id;
    Some(match endpoint.id {
        Id::MessageCreate => Action::Message,
        // Withdrawing an invitation and removing a connection change the network as an
        // invitation does, and share its budget.
        Id::InvitationCreate
        | Id::InvitationCreateLegacy
        | Id::InvitationWithdraw
        | Id::ConnectionRemoveDash => Action::Invitation,
        // A save is private, but counted with the engagement it usually comes with.
        Id::PostReact
        | Id::PostReactDash
        | Id::CommentCreate
        | Id::MessageReact
        | Id::SaveStateSet => Action::Engagement,
        Id::PostCreate => Action::Post,
        Id::FollowingStateSet | Id::UnfollowEntity => Action::Follow,
        Id::Profile
        | Id::ProfileByVanity
        | Id::ProfileByMemberIdentity
        | Id::ProfileWithSections
        | Id::ProfileTopCard => Action::ProfileView,
        Id::SearchClusters | Id::JobSearch => Action::Search,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GraphQL mutation answers 200 and lists its failures under `errors`: the first
    /// one's message and code are LinkedIn's reason; an answer without errors is none.
    #[test]
    fn a_mutations_errors_are_its_refusal() {
        let refused = graphql_refusal(
            br#"{"data":null,"errors":[{"message":"Cannot react to this update","extensions":{"classification":"DataFetchingException"}}]}"#,
        )
        .unwrap();
        assert_eq!(
            refused.message.as_deref(),
            Some("Cannot react to this update")
        );
        assert_eq!(refused.code.as_deref(), Some("DataFetchingException"));
        assert!(graphql_refusal(br#"{"data":{}}"#).is_none());
        assert!(graphql_refusal(br#"{"data":{},"errors":[]}"#).is_none());
        assert!(graphql_refusal(b"not json").is_none());
        // Normalized: GraphQL's own answer under `data` (a refused share, fs:71232131535).
        let refused = graphql_refusal(
            br#"{"data":{"data":{"aMutation":null},"errors":[{"path":["aMutation"],"extensions":{"classification":"DataFetchingException"},"message":"Invalid share"}]},"included":[]}"#,
        )
        .unwrap();
        assert_eq!(refused.message.as_deref(), Some("Invalid share"));
        assert!(graphql_refusal(br#"{"data":{"data":{},"errors":[]},"included":[]}"#).is_none());
    }
}
