//! My Items: the caller's saved jobs, applied jobs and saved posts (the search clusters query
//! switched by `flagshipSearchIntent`), and saving or unsaving a job or a post.

use http::StatusCode;
use serde_json::{Value, json};

use super::messaging::world_now;
use super::search::{ENTITY_RESULT_TYPE, count_param, post_result};
use super::{Answer, Call, collection, graphql, text, variables};
use crate::world::{Save, Saved, World};

/// Items per page when the request sends no count (what LinkedIn answers: fs:71306811181).
const PAGE: usize = 10;
/// The largest count taken.
const MAX_COUNT: usize = 49;

/// The one filter of the query: `queryParameters:List((key:<key>,value:List(<value>)))`, as
/// `(key, value)`; `None` when it is not exactly that.
fn filter(query: &restli::Value) -> Option<(String, String)> {
    let restli::Value::List(parameters) = query.get("queryParameters")? else {
        return None;
    };
    let [parameter] = parameters.as_slice() else {
        return None;
    };
    let key = parameter.get("key")?.as_str()?.to_owned();
    let restli::Value::List(values) = parameter.get("value")? else {
        return None;
    };
    let [value] = values.as_slice() else {
        return None;
    };
    Some((key, value.as_str()?.to_owned()))
}

/// An entity result for a job of the caller's lists, with the application's state as its
/// insight when there is one.
fn job_result(world: &World, job: u64, state: Option<&str>) -> Value {
    let Some(j) = world.jobs.iter().find(|j| j.id == job) else {
        return Value::Null;
    };
    let company = world
        .companies
        .get(j.company)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let mut out = json!({
        "entityUrn": format!(
            "urn:li:fsd_entityResultViewModel:(urn:li:fsd_jobPosting:{job},SEARCH_MY_ITEMS_JOB_SEEKER,DEFAULT)"
        ),
        "title": text(&j.title),
        "primarySubtitle": text(&company),
        "secondarySubtitle": text(&j.location),
        "navigationUrl": format!("https://www.linkedin.com/jobs/view/{job}/"),
        "trackingUrn": format!("urn:li:jobPosting:{job}"),
        "$type": ENTITY_RESULT_TYPE,
    });
    if let (Some(state), Value::Object(map)) = (state, &mut out) {
        map.insert(
            "insightsResolutionResults".into(),
            json!([{"simpleInsight": {"title": text(state)}}]),
        );
    }
    out
}

/// Catalogue `my_items` (GraphQL): the caller's saved jobs (`SEARCH_MY_ITEMS_JOB_SEEKER` with
/// `cardType` `SAVED`), applied jobs (`APPLIED`, each with its state; `IN_PROGRESS` and
/// `ARCHIVED` hold none here) and saved posts (`SEARCH_MY_ITEMS_SAVED_POSTS` with
/// `savedPostType` `ALL`), newest first, as one cluster of entity results paged by `start` (10
/// a page). Another search's intent is a 401 that keeps the session, as LinkedIn answers a
/// persisted query an intent it does not take (fs:56285346199); another My Items intent, key
/// or value, or a missing `start`, a 400 (inferred).
pub(super) fn list(call: &mut Call<'_>) -> Answer {
    let Some(vars) = variables(call) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let (Ok(Some(start)), Ok(count)) = (
        count_param(vars.get("start").and_then(restli::Value::as_str)),
        count_param(vars.get("count").and_then(restli::Value::as_str)),
    ) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let count = count.unwrap_or(PAGE);
    if count > MAX_COUNT {
        return Answer::error(StatusCode::BAD_REQUEST);
    }
    let Some(query) = vars.get("query") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let intent = query
        .get("flagshipSearchIntent")
        .and_then(restli::Value::as_str);
    // Another search's intent: LinkedIn answers a persisted query an intent it does not take
    // with a 401 that leaves the session alone (fs:56285346199).
    if !intent.is_some_and(|i| i.starts_with("SEARCH_MY_ITEMS_")) {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let Some((key, value)) = filter(query) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &*call.world;
    let mine = |wanted: fn(&Saved) -> Option<u64>| {
        let mut saves: Vec<&Save> = world
            .saves
            .iter()
            .filter(|s| s.person == me && wanted(&s.item).is_some())
            .collect();
        saves.sort_by_key(|s| std::cmp::Reverse(s.saved_at));
        saves
            .into_iter()
            .filter_map(|s| wanted(&s.item))
            .collect::<Vec<u64>>()
    };
    let results: Vec<Value> = match (intent, key.as_str(), value.as_str()) {
        (Some("SEARCH_MY_ITEMS_JOB_SEEKER"), "cardType", "SAVED") => mine(|s| match s {
            Saved::Job(j) => Some(*j),
            Saved::Post(_) => None,
        })
        .into_iter()
        .map(|job| job_result(world, job, None))
        .collect(),
        (Some("SEARCH_MY_ITEMS_JOB_SEEKER"), "cardType", "APPLIED") => {
            let mut applied: Vec<_> = world
                .applications
                .iter()
                .filter(|a| a.person == me)
                .collect();
            applied.sort_by_key(|a| std::cmp::Reverse(a.applied_at));
            applied
                .into_iter()
                .map(|a| job_result(world, a.job, Some(&a.state)))
                .collect()
        }
        (Some("SEARCH_MY_ITEMS_JOB_SEEKER"), "cardType", "IN_PROGRESS" | "ARCHIVED") => Vec::new(),
        (Some("SEARCH_MY_ITEMS_SAVED_POSTS"), "savedPostType", "ALL") => mine(|s| match s {
            Saved::Post(p) => Some(*p),
            Saved::Job(_) => None,
        })
        .into_iter()
        .filter_map(|id| world.posts.iter().find(|p| p.activity_id == id))
        .filter(|p| world.visible_to(me, p))
        .map(|p| {
            let mut result = post_result(world, p);
            if let Some(Value::String(urn)) = result.get_mut("entityUrn") {
                *urn = urn.replace(",SEARCH_SRP,", ",SEARCH_MY_ITEMS_SAVED_POSTS,");
            }
            result
        })
        .collect(),
        _ => return Answer::error(StatusCode::BAD_REQUEST),
    };
    let total = results.len();
    let items: Vec<Value> = results
        .into_iter()
        .skip(start)
        .take(count)
        .map(|result| {
            json!({"item": {"entityResult": result}, "$type": "com.linkedin.voyager.dash.search.SearchItem"})
        })
        .collect();
    let clusters = if items.is_empty() {
        Vec::new()
    } else {
        vec![
            json!({"items": items, "$type": "com.linkedin.voyager.dash.search.SearchClusterViewModel"}),
        ]
    };
    graphql(call.endpoint, collection(clusters, start, count, total))
}

/// `POST /voyagerFeedDashSaveStates/urn:li:fsd_saveState:(SAVE,<urn>)` with `{"patch":
/// {"$set": {"saved": <bool>}}}` (catalogue `save_state_set`): a job
/// (`urn:li:fsd_jobPosting:<id>`) or a post the caller may see (`urn:li:activity:<id>`) is
/// saved (first of the caller's saved items) or unsaved; setting the state it has changes
/// nothing. The answer is not recorded: 204 without a body, as a Rest.li partial update
/// answers (inferred). Another key or body is a 400; a job or post the world does not have
/// (or the caller may not see), a 404 (inferred).
pub(super) fn set(call: &mut Call<'_>) -> Answer {
    let Some(urn) = call.path_param("saveStateUrn") else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(inner) = urn
        .strip_prefix("urn:li:fsd_saveState:(SAVE,")
        .and_then(|u| u.strip_suffix(')'))
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let number = |prefix: &str| inner.strip_prefix(prefix)?.parse::<u64>().ok();
    let item = if let Some(id) = number("urn:li:fsd_jobPosting:") {
        Saved::Job(id)
    } else if let Some(id) = number("urn:li:activity:") {
        Saved::Post(id)
    } else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let Some(saved) = call
        .json_body()
        .and_then(|b| b.pointer("/patch/$set/saved")?.as_bool())
    else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let me = call.me;
    let world = &mut *call.world;
    let exists = match item {
        Saved::Job(id) => world.jobs.iter().any(|j| j.id == id),
        Saved::Post(id) => world
            .posts
            .iter()
            .any(|p| p.activity_id == id && world.visible_to(me, p)),
    };
    if !exists {
        return Answer::error(StatusCode::NOT_FOUND);
    }
    let at = world
        .saves
        .iter()
        .position(|s| s.person == me && s.item == item);
    match (saved, at) {
        (true, None) => {
            let latest = world.saves.iter().map(|s| s.saved_at).max().unwrap_or(0);
            world.saves.push(Save {
                person: me,
                item,
                saved_at: latest.max(world_now(world)) + 1_000,
            });
        }
        (false, Some(at)) => {
            world.saves.remove(at);
        }
        _ => {}
    }
    Answer::no_body(StatusCode::NO_CONTENT)
}
