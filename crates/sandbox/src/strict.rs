//! What LinkedIn refuses of a request that reached one of its endpoints, checked once for
//! every entry from the catalogue, before any module answers: a request our client would send
//! wrongly must fail here as it fails on LinkedIn (DESIGN.md, "Where LinkedIn's truth lives":
//! the sandbox refuses what LinkedIn refuses).
//!
//! The router has already refused what comes before (a missing session, a stale `csrf-token`,
//! a query that is not Rest.li, an unknown, stale or missing `queryId` or `decorationId`: see
//! `drift.rs`), and answers the retired entries 410. Refusals that
//! belong to one entry (an endpoint LinkedIn answers with an error now, a malformed value)
//! are its module's, in `api/`.
//!
//! Each refusal here is a `400 {"status":400}`, LinkedIn's error shape.

use http::StatusCode;
use linkedin_catalogue::{Endpoint, Method};
use serde_json::Value;

/// The path of the messaging web app's GraphQL queries (`messenger*` query ids).
const MESSENGER_GRAPHQL: &str = "/voyagerMessagingGraphQL/graphql";

/// Why a request is refused: the status LinkedIn answers and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) status: StatusCode,
    pub(crate) reason: String,
}

impl Refusal {
    fn bad_request(reason: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            reason: reason.into(),
        }
    }
}

/// The refusal of a request to `endpoint` with `query` and `body`, if LinkedIn refuses it.
pub(crate) fn refusal(endpoint: &Endpoint, query: &restli::Query, body: &[u8]) -> Option<Refusal> {
    web_metadata_on_messenger(endpoint, query)
        .or_else(|| mutation_query_id(endpoint, body))
        .or_else(|| variables(endpoint, query, body))
}

/// `includeWebMetadata=true` on the messaging web app's GraphQL queries
/// (`/voyagerMessagingGraphQL/graphql`): 400. LinkedIn refuses it there (the project's issue
/// on the strict sandbox states it); the browser never sends it on them: every `messenger*`
/// request of the 2026-02 capture (`fixtures/recorded/`, seq 27, 51, 61, 70, 76, 86, 87, 91,
/// 92, 102, 111, 112, 113, 115, 116, 117) carries only `queryId` and `variables`, while its
/// `/graphql` queries carry `includeWebMetadata=true` (seq 0, 8, 21, 26...).
fn web_metadata_on_messenger(endpoint: &Endpoint, query: &restli::Query) -> Option<Refusal> {
    let asked = query.raw("includeWebMetadata") == Some("true");
    (endpoint.path == MESSENGER_GRAPHQL && asked)
        .then(|| Refusal::bad_request("includeWebMetadata=true on a messenger query"))
}

/// A GraphQL mutation (a POST with a `queryId`) whose JSON body does not repeat the URL's
/// `queryId`: 400, as a missing `queryId` in the URL is (a stale one in the URL is a 500,
/// answered by the router before this: `drift.rs`). The browser sends the body
/// `{"variables": {...}, "queryId": <the URL's>, "includeWebMetadata": true}` (capture seq
/// 124, voyager.md §4.8), and peers-2026.md §3's react and post mutations
/// (devag7/linkedin-mcp, verified live 2026-06-14) say the body must repeat it. That a
/// different or missing one is refused is inferred from the URL's rule.
fn mutation_query_id(endpoint: &Endpoint, body: &[u8]) -> Option<Refusal> {
    let id = endpoint.query_id?;
    if endpoint.method != Method::Post {
        return None;
    }
    let body: Option<Value> = serde_json::from_slice(body).ok();
    let repeated = body
        .as_ref()
        .and_then(|b| b.get("queryId"))
        .and_then(Value::as_str);
    (repeated != Some(id)).then(|| Refusal::bad_request("the body's queryId is not the URL's"))
}

/// GraphQL variables that are not the entry's: a name the catalogue entry does not list is a
/// 400 (LinkedIn answers 400 to unknown variables, as the project's issue on the strict
/// sandbox states; the capture records no such request), and so is a missing required one
/// (inferred: LinkedIn's queries are persisted, their variables declared, and the capture's
/// requests always carry the ones the catalogue calls required). The variables are those of
/// `variables=(...)` for a query, of the JSON body's `variables` for a mutation; the check
/// is [`Endpoint::check_variables`], from the entry's `in = "variables"` params.
fn variables(endpoint: &Endpoint, query: &restli::Query, body: &[u8]) -> Option<Refusal> {
    endpoint.query_id?;
    let given = match endpoint.method {
        Method::Get => match query.value("variables") {
            Ok(v) => v,
            Err(_) => return Some(Refusal::bad_request("variables are not Rest.li")),
        },
        Method::Delete => return None,
        Method::Post => serde_json::from_slice::<Value>(body)
            .ok()
            .and_then(|b| b.get("variables").cloned())
            .map(restli::Value::from),
    };
    endpoint
        .check_variables(given.as_ref())
        .err()
        .map(|e| Refusal::bad_request(e.to_string()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::recorded;

    /// None of these refusals refuses a request LinkedIn answered: every recorded request
    /// that reaches a catalogue entry (the capture's 2xx ones, and the 403s that were
    /// refused only for their stale `csrf-token`, seq 0-29) passes them.
    #[test]
    fn no_recorded_request_is_refused() {
        let mut refused = Vec::new();
        let mut checked = 0;
        for r in recorded::load_all().unwrap() {
            let Some(endpoint) = r.endpoint() else {
                continue;
            };
            let query = restli::Query::parse(r.query()).unwrap();
            let body = r
                .request_body
                .as_ref()
                .map(|b| b.to_string())
                .unwrap_or_default();
            if let Some(why) = refusal(endpoint, &query, body.as_bytes()) {
                refused.push(format!("seq {} ({}): {}", r.seq, endpoint.name, why.reason));
            }
            checked += 1;
        }
        assert!(refused.is_empty(), "{}", refused.join("\n"));
        assert!(checked > 60, "{checked}");
    }
}
