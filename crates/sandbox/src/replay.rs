//! Serving LinkedIn's recorded answers ([`Replay`](crate::Replay)): the key match, and `/me`
//! as the recording's owner.

use http::{HeaderValue, Response, StatusCode};
use serde_json::{Value, json};

use crate::body::Body;
use crate::recorded::{Recording, RequestKey};
use crate::routes::json_response;

/// Which recording answered, carried on the response for the request log.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Replayed(pub(crate) u32);

/// The recordings with an answer, by key, and the owner's `/me`.
pub(crate) struct Replayer {
    answers: Vec<(RequestKey, Recording)>,
    me: Option<Value>,
}

impl Replayer {
    pub(crate) fn new(replay: crate::Replay) -> Self {
        let me = replay.owner_profile.and_then(|seq| {
            let owner = replay.recordings.iter().find(|r| r.seq == seq)?;
            me_of(owner.response_body.as_ref()?)
        });
        let answers = replay
            .recordings
            .into_iter()
            .filter(|r| r.response_status.is_some() && r.response_body.is_some())
            .filter_map(|r| Some((r.key()?, r)))
            .collect();
        Self { answers, me }
    }

    /// The answer to an API request (`path` below the host), or `None` for `/me` when no owner
    /// was given (the world's `/me` then answers).
    pub(crate) fn answer(&self, method: &str, path: &str, query: &str) -> Option<Response<Body>> {
        if path == "/voyager/api/me" {
            return self.me.as_ref().map(|me| json_response(StatusCode::OK, me));
        }
        let Some(key) = RequestKey::new(method, path, query) else {
            return Some(json_response(
                StatusCode::BAD_REQUEST,
                &json!({"status": 400}),
            ));
        };
        let found = self
            .answers
            .iter()
            .find(|(k, _)| k.same_values(&key))
            .or_else(|| self.answers.iter().find(|(k, _)| k.same_shape(&key)));
        let Some((_, recording)) = found else {
            return Some(json_response(
                StatusCode::NOT_IMPLEMENTED,
                &json!({
                    "status": 501,
                    "replay": "no recording",
                    "method": key.method,
                    "path": key.path,
                    "params": key.params,
                    "variables": key.variable_names,
                }),
            ));
        };
        let status = recording
            .response_status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(StatusCode::OK);
        let body = recording.response_body.as_ref().unwrap_or(&Value::Null);
        let mut resp = json_response(status, body);
        if let Some(accept) = recording.request_headers.get("accept") {
            // LinkedIn answers in the type asked for (normalized JSON, GraphQL JSON).
            if let Ok(v) = HeaderValue::from_str(accept) {
                resp.headers_mut().insert(http::header::CONTENT_TYPE, v);
            }
        }
        resp.extensions_mut().insert(Replayed(recording.seq));
        Some(resp)
    }
}

/// `/me` for the member whose dash profile `answer` is (a normalized answer whose `data` or
/// `included` holds a `Profile` with `objectUrn`).
fn me_of(answer: &Value) -> Option<Value> {
    const PROFILE: &str = "com.linkedin.voyager.dash.identity.profile.Profile";
    let candidates = std::iter::once(answer.get("data")?).chain(
        answer
            .get("included")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    let profile = candidates
        .filter(|p| p.get("objectUrn").is_some())
        .find(|p| {
            p.get("$type").and_then(Value::as_str) == Some(PROFILE)
                || p.get("publicIdentifier").is_some()
        })?;
    let urn = profile.get("entityUrn")?.as_str()?;
    let profile_id = urn.strip_prefix("urn:li:fsd_profile:")?;
    let member_id = profile
        .get("objectUrn")?
        .as_str()?
        .strip_prefix("urn:li:member:")?
        .parse::<u64>()
        .ok()?;
    let name = |field: &str| profile.get(field).cloned().unwrap_or(Value::Null);
    Some(json!({
        "plainId": member_id,
        "premiumSubscriber": false,
        "miniProfile": {
            "firstName": name("firstName"),
            "lastName": name("lastName"),
            "occupation": name("headline"),
            "publicIdentifier": name("publicIdentifier"),
            "objectUrn": format!("urn:li:member:{member_id}"),
            "dashEntityUrn": urn,
            "entityUrn": format!("urn:li:fs_miniProfile:{profile_id}"),
            "$type": "com.linkedin.voyager.identity.shared.MiniProfile",
        },
        "$type": "com.linkedin.voyager.common.Me",
    }))
}
