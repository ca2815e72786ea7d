//! What the sandbox answers: the login flow, the pages around it, and the Voyager API behind
//! LinkedIn's session rules.

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, Response, StatusCode, header};
use serde_json::json;

use linkedin_catalogue as catalogue;

use crate::body::Body;
use crate::drift::Routed;
use crate::log::Reached;
use crate::session::{Admission, cookie, unquote};
use crate::world::Gate;
use crate::{State, api, strict, webapp};

/// A request as the routes see it: the parts that matter, with the body read.
pub(crate) struct Incoming<'a> {
    pub(crate) method: &'a Method,
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) body: &'a Bytes,
}

impl Incoming<'_> {
    /// `http://host` or `https://host`, as the client reached the sandbox.
    fn origin(&self, state: &State) -> String {
        let host = self
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map_or_else(|| state.addr.to_string(), str::to_owned);
        format!(
            "{}://{host}",
            if state.tls.is_some() { "https" } else { "http" }
        )
    }

    /// Query parameter `name`, form-decoded (`""` when absent).
    fn query_param(&self, name: &str) -> String {
        form_urlencoded::parse(self.query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    }

    fn accepts_normalized(&self) -> bool {
        self.headers
            .get(header::ACCEPT)
            .and_then(|a| a.to_str().ok())
            .is_some_and(|a| a.contains("application/vnd.linkedin.normalized+json"))
    }
}

pub(crate) fn route(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let path = req.path;
    match (req.method, path) {
        (&Method::GET, "/uas/authenticate") => bootstrap(state),
        (&Method::POST, "/uas/authenticate") => login(state, req),
        (&Method::GET, "/") => home(),
        (&Method::GET, "/authwall") => html(
            StatusCode::OK,
            "<html><body><h1>Join LinkedIn</h1><p>Sign in to see this page.</p></body></html>",
        ),
        (&Method::GET, p) if p.starts_with("/checkpoint/challenge/") => html(
            StatusCode::OK,
            "<html><body><h1>Let's do a quick security check</h1>\
             <p>This is the sandbox's challenge page. Log in again with browser cookies.</p></body></html>",
        ),
        (&Method::GET, p) if p.starts_with("/in/") => profile_page(state, req),
        (&Method::GET, "/feed/") => feed_page(state, req),
        (&Method::GET, "/search/results/people/") => people_search_page(state, req),
        (&Method::GET, "/realtime/connect") => match gate(state, req) {
            Ok(session) => crate::realtime::connect(state, req, session.account),
            Err(refused) => *refused,
        },
        (_, p) if p.starts_with("/voyager/api/") => voyager(state, req),
        (&Method::PUT, p) if p.starts_with(api::publishing::UPLOAD_PATH) => upload(state, req),
        (&Method::GET, p) if p.starts_with(api::publishing::FILE_PATH) => download(state, req),
        (_, p) if p.starts_with("/li/") => touch(state, req),
        _ => text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// `PUT /dms-uploads/<asset>?ut=<token>`: the bytes of an image registered for upload
/// (`api::publishing::upload`); the URL is its own authorization, as an upload URL LinkedIn
/// gives is: no session is asked for.
fn upload(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let asset = &req.path[api::publishing::UPLOAD_PATH.len()..];
    let token = req.query_param("ut");
    let mut live = state.world();
    let status = api::publishing::upload(&mut live.world, asset, &token, req.body);
    empty(status)
}

/// `GET /dms/prv/file/<asset>?t=<token>`: a message's file (`api::publishing::download`).
fn download(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let asset = &req.path[api::publishing::FILE_PATH.len()..];
    let token = req.query_param("t");
    let live = state.world();
    match api::publishing::download(&live.world, asset, &token) {
        Some((bytes, media_type)) => {
            let mut resp = respond(StatusCode::OK, None, Body::full(bytes));
            if let Ok(value) = HeaderValue::from_str(&media_type) {
                resp.headers_mut().insert(header::CONTENT_TYPE, value);
            }
            resp
        }
        None => text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// The CDN listener (`static.licdn.com`'s part): the web app's scripts, nothing else.
pub(crate) fn cdn(state: &State, req: &Incoming<'_>) -> Response<Body> {
    match (req.method, req.path) {
        (&Method::GET, p) if p.starts_with(webapp::SCRIPT_PATH) => script(state, p),
        _ => text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// `GET /uas/authenticate`: the cookie bootstrap.
fn bootstrap(state: &State) -> Response<Body> {
    let id = state.sessions.bootstrap();
    let mut resp = json_response(StatusCode::OK, &json!({"status": "success"}));
    set_cookie(&mut resp, state, &format!("JSESSIONID=\"{id}\""));
    set_cookie(&mut resp, state, "bcookie=\"v=2&sandbox-bcookie\"");
    set_cookie(
        &mut resp,
        state,
        "lidc=\"b=SB01:s=O:r=O:a=O:p=O:g=1:u=1:x=1:i=1:t=1:v=2:sig=sandbox\"",
    );
    resp
}

/// `POST /uas/authenticate`: `session_key`, `session_password` and `JSESSIONID` in a form.
fn login(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let form: Vec<(String, String)> = form_urlencoded::parse(req.body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    // The form's JSESSIONID must be the cookie the bootstrap set: LinkedIn's login CSRF check.
    let cookie_id = cookie(req.headers, "JSESSIONID");
    let form_id = field("JSESSIONID");
    let known = cookie_id.as_deref().is_some_and(|c| {
        form_id.map(unquote) == Some(unquote(c)) && state.sessions.knows_jsessionid(unquote(c))
    });
    if !known {
        return empty(StatusCode::FORBIDDEN);
    }
    let username = field("session_key").unwrap_or_default();
    let password = field("session_password").unwrap_or_default();
    let account = state
        .accounts
        .iter()
        .position(|a| a.username.eq_ignore_ascii_case(username));
    let outcome = account.map(|i| (i, state.accounts[i].gate));
    match outcome {
        Some((i, Gate::Password(expected))) if password == expected => {
            let cookies = state.sessions.open(i, cookie_id.as_deref().map(unquote));
            let mut resp = json_response(
                StatusCode::OK,
                &json!({"login_result": "PASS", "challenge_url": ""}),
            );
            set_cookie(
                &mut resp,
                state,
                &format!("li_at={}; HttpOnly", cookies.li_at),
            );
            set_cookie(
                &mut resp,
                state,
                &format!("JSESSIONID={}", cookies.jsessionid),
            );
            resp
        }
        Some((_, Gate::Challenge)) => {
            let url = format!(
                "{}/checkpoint/challenge/{}",
                req.origin(state),
                state.challenge_token()
            );
            json_response(
                StatusCode::OK,
                &json!({"login_result": "CHALLENGE", "challenge_url": url}),
            )
        }
        _ => json_response(
            StatusCode::OK,
            &json!({"login_result": "BAD_PASSWORD", "challenge_url": ""}),
        ),
    }
}

/// `GET /`: the page whose meta tags the reference client reads after logging in.
fn home() -> Response<Body> {
    html(
        StatusCode::OK,
        "<!DOCTYPE html><html><head>\
         <meta name=\"applicationInstance\" content=\"{&quot;applicationUrn&quot;:&quot;urn:li:application:(voyager-web,voyager-web)&quot;,&quot;version&quot;:&quot;1.13.42289&quot;,&quot;trackingId&quot;:&quot;c2FuZGJveC10cmFja2luZw==&quot;}\">\
         <meta name=\"clientPageInstanceId\" content=\"5b1f2c3e-8d4a-4c6b-9e7f-0a1b2c3d4e5f\">\
         <title>LinkedIn</title></head><body>LinkedIn sandbox</body></html>",
    )
}

/// `GET /in/<vanity>/`: the profile page, whose `<code>` blocks hold the profile URN; the
/// authwall for a visitor without a session.
fn profile_page(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let vanity = req.path.trim_start_matches("/in/").trim_end_matches('/');
    if let Some(authwall) = authwall(state, req) {
        return authwall;
    }
    let live = state.world();
    let Some(person) = live.world.people.iter().find(|p| p.public_id == vanity) else {
        return html(
            StatusCode::NOT_FOUND,
            "<html><body><h1>This page doesn't exist</h1></body></html>",
        );
    };
    let data = json!({
        "data": {"*elements": [format!("urn:li:fsd_profile:{}", person.profile_id)]},
        "included": [{
            "entityUrn": format!("urn:li:fsd_profile:{}", person.profile_id),
            "publicIdentifier": person.public_id,
            "firstName": person.first_name,
            "lastName": person.last_name,
            "headline": person.headline,
            "$type": "com.linkedin.voyager.dash.identity.profile.Profile",
        }],
    });
    let escaped = data
        .to_string()
        .replace('&', "&amp;")
        .replace('"', "&quot;");
    html(
        StatusCode::OK,
        &format!(
            "<!DOCTYPE html><html><head><title>{} {} | LinkedIn</title></head><body>\
             <code style=\"display: none\" id=\"bpr-guid-1\">{escaped}</code></body></html>",
            person.first_name, person.last_name
        ),
    )
}

/// The redirect to the authwall that a page answers a visitor without a session (a live
/// `li_at`), or `None` for a member.
fn authwall(state: &State, req: &Incoming<'_>) -> Option<Response<Body>> {
    if state.sessions.of_page(req.headers).is_some() {
        return None;
    }
    let target = format!("{}{}", req.origin(state), req.path);
    let encoded: String = form_urlencoded::byte_serialize(target.as_bytes()).collect();
    let location = format!(
        "{}/authwall?trk=bf&sessionRedirect={encoded}",
        req.origin(state)
    );
    Some(redirect(&location))
}

/// `GET /feed/`: the home page a member lands on, which lists the web app's scripts (the
/// authwall for a visitor without a session). See [`crate::webapp`].
fn feed_page(state: &State, req: &Incoming<'_>) -> Response<Body> {
    if let Some(authwall) = authwall(state, req) {
        return authwall;
    }
    html(StatusCode::OK, &state.drift.web().home_page())
}

/// `GET /search/results/people/?keywords=…`: the people-search page, which carries the
/// current search `queryId` inline (the authwall for a visitor without a session). See
/// [`crate::webapp`].
fn people_search_page(state: &State, req: &Incoming<'_>) -> Response<Body> {
    if let Some(authwall) = authwall(state, req) {
        return authwall;
    }
    let keywords = req.query_param("keywords");
    html(StatusCode::OK, &state.drift.web().search_page(&keywords))
}

/// `GET /aero-v1/sc/h/<token>`: a script of the web app, to anyone (LinkedIn's CDN is public:
/// no cookie is asked for), as `application/javascript`; an unknown token is a 404.
fn script(state: &State, path: &str) -> Response<Body> {
    let token = &path[webapp::SCRIPT_PATH.len()..];
    match state.drift.web().script(token) {
        Some(js) => respond(
            StatusCode::OK,
            Some("application/javascript"),
            Body::full(js.to_owned()),
        ),
        None => text(StatusCode::NOT_FOUND, "not found"),
    }
}

/// Everything under `/voyager/api/`: the session gate, then the endpoint.
fn voyager(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let session = match gate(state, req) {
        Ok(session) => session,
        Err(refused) => return *refused,
    };
    voyager_endpoint(state, req, &session)
}

/// The session gate of the Voyager API (and of the realtime stream): a live `li_at` and a
/// `csrf-token` equal to `JSESSIONID`, else LinkedIn's refusal.
fn gate(state: &State, req: &Incoming<'_>) -> Result<crate::session::Session, Box<Response<Body>>> {
    match state
        .sessions
        .admit(req.headers, state.faults.challenge_after)
    {
        Admission::Unauthenticated => Err(Box::new(json_response(
            StatusCode::UNAUTHORIZED,
            &json!({"status": 401}),
        ))),
        // LinkedIn answers a stale or missing CSRF token with 403 and the plain-text body
        // `CSRF check failed.` (peers.md §c.12 and §b LM: beeper/linkedin#80, a missing or quoted
        // `csrf-token`; the capture's seq 0-29 are such 403s, their bodies not kept).
        Admission::CsrfMismatch => Err(Box::new(text(StatusCode::FORBIDDEN, CSRF_FAILED))),
        Admission::Challenged => {
            let location = format!(
                "{}/checkpoint/challenge/{}",
                req.origin(state),
                state.challenge_token()
            );
            let mut resp = redirect(&location);
            set_cookie(
                &mut resp,
                state,
                "li_at=\"delete me\"; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            );
            Err(Box::new(resp))
        }
        Admission::Admitted(session) => Ok(session),
    }
}

/// A Voyager API request past the session gate.
fn voyager_endpoint(
    state: &State,
    req: &Incoming<'_>,
    session: &crate::session::Session,
) -> Response<Body> {
    // A Rest.li server decodes every parameter before anything else: a repeated name or a
    // malformed value is a 400, as a request our client would send wrongly must fail here too.
    let Ok(query) = restli::Query::parse(req.query) else {
        return json_response(StatusCode::BAD_REQUEST, &json!({"status": 400}));
    };
    let malformed = query
        .iter()
        .any(|(name, _)| !restli::PROJECTION_PARAMS.contains(&name) && query.value(name).is_err());
    if malformed {
        return json_response(StatusCode::BAD_REQUEST, &json!({"status": 400}));
    }
    if let Some(replay) = &state.replay
        && let Some(resp) = replay.answer(req.method.as_str(), req.path, req.query)
    {
        return resp;
    }
    let path = &req.path["/voyager/api".len()..];
    let method = match *req.method {
        Method::GET => catalogue::Method::Get,
        Method::POST => catalogue::Method::Post,
        Method::DELETE => catalogue::Method::Delete,
        _ => return json_response(StatusCode::METHOD_NOT_ALLOWED, &json!({"status": 405})),
    };
    let lookup = |name: &str| query.raw(name);
    // The catalogue's entry, with the ids the sandbox answers now; a stale id, a retired
    // entry or an unknown path is refused here, before anything is carried out (`drift.rs`).
    let endpoint = match state.drift.route(method, path, &lookup) {
        Routed::Entry(endpoint) => endpoint,
        Routed::Refused(status) => {
            return json_response(status, &json!({"status": status.as_u16()}));
        }
    };
    let mut resp = answer(state, req, &query, path, endpoint, session.account);
    resp.extensions_mut().insert(Reached(endpoint.name));
    resp
}

/// The answer of catalogue entry `endpoint` (with its current ids) to a request that reached
/// it, for the member at `me`.
fn answer(
    state: &State,
    req: &Incoming<'_>,
    query: &restli::Query,
    path: &str,
    endpoint: &'static catalogue::Endpoint,
    me: usize,
) -> Response<Body> {
    if endpoint.status == catalogue::Status::Gone {
        return json_response(StatusCode::GONE, &json!({"status": 410}));
    }
    // What LinkedIn refuses of any entry's request (GraphQL variables, messenger metadata, a
    // mutation's queryId), from the catalogue: `strict.rs`.
    if let Some(refusal) = strict::refusal(endpoint, query, req.body) {
        return json_response(refusal.status, &json!({"status": refusal.status.as_u16()}));
    }
    let origin = req.origin(state);
    let mut live = state.world();
    let live = &mut *live;
    // What a write changes goes to the realtime streams (`realtime.rs`).
    let before = (*req.method == Method::POST).then(|| api::realtime::Snapshot::of(&live.world));
    let mut call = api::Call {
        endpoint,
        query,
        path,
        body: req.body,
        // The login accounts are the world's first people, in order.
        me,
        world: &mut live.world,
        index: &mut live.index,
        origin: &origin,
    };
    let answered = api::answer(&mut call, req.accepts_normalized());
    if let Some(before) = before
        && answered.as_ref().is_some_and(|a| a.status.is_success())
    {
        let world = &live.world;
        state.realtime.to_answer(before.sent_by_demo(world));
        let mut deliveries = match endpoint.id {
            // A message changed after it was sent: its own events, not a conversation's.
            catalogue::Id::MessageEdit
            | catalogue::Id::MessageRecall
            | catalogue::Id::MessageReact
            | catalogue::Id::MessageUnreact => {
                api::realtime::message_action_events(world, endpoint.id, me, path, req.body)
            }
            _ => before.changes(world),
        };
        if endpoint.id == catalogue::Id::ConversationTyping {
            let thread = serde_json::from_slice::<serde_json::Value>(req.body)
                .ok()
                .and_then(|b| b.get("conversationUrn")?.as_str().map(str::to_owned))
                .and_then(|urn| api::realtime::own_thread(world, me, &urn).map(str::to_owned));
            if let Some(thread) = thread {
                deliveries.extend(api::realtime::typing_events(world, &thread, me));
            }
        }
        state.realtime.publish(deliveries);
    }
    match answered {
        Some(answer) if answer.body.is_null() => empty(answer.status),
        Some(mut answer) => {
            if answer.status.is_success() {
                state.drift.reshape(endpoint, &mut answer.body);
                state.drift.inflate_paging(&mut answer.body);
            }
            json_response(answer.status, &answer.body)
        }
        None => not_emulated(endpoint.name),
    }
}

/// Everything under `/li/` (the 2015 touch API, `shared/reference/touch.md`): a live `li_at`
/// is required, else 401 `{"status":401}` (the write-up does not say what an unauthenticated
/// touch request got; this is the Voyager gate's answer). No `csrf-token` is asked for: the
/// write-up documents none for the touch API. Then the catalogue's touch entry, or 404.
fn touch(state: &State, req: &Incoming<'_>) -> Response<Body> {
    let Some(session) = state.sessions.of_page(req.headers) else {
        return json_response(StatusCode::UNAUTHORIZED, &json!({"status": 401}));
    };
    let Ok(query) = restli::Query::parse(req.query) else {
        return json_response(StatusCode::BAD_REQUEST, &json!({"status": 400}));
    };
    let method = match *req.method {
        Method::GET => catalogue::Method::Get,
        Method::POST => catalogue::Method::Post,
        Method::DELETE => catalogue::Method::Delete,
        _ => return json_response(StatusCode::METHOD_NOT_ALLOWED, &json!({"status": 405})),
    };
    let lookup = |name: &str| query.raw(name);
    let Some(endpoint) = catalogue::route(method, catalogue::Base::Touch, req.path, &lookup) else {
        return json_response(StatusCode::NOT_FOUND, &json!({"status": 404}));
    };
    let origin = req.origin(state);
    let mut live = state.world();
    let live = &mut *live;
    let mut call = api::Call {
        endpoint,
        query: &query,
        path: req.path,
        body: req.body,
        me: session.account,
        world: &mut live.world,
        index: &mut live.index,
        origin: &origin,
    };
    let mut resp = match api::dispatch(&mut call) {
        Some(answer) => json_response(answer.status, &answer.body),
        None => not_emulated(endpoint.name),
    };
    resp.extensions_mut().insert(Reached(endpoint.name));
    resp
}

/// LinkedIn's body of a 403 for a missing or stale `csrf-token` (plain text, not JSON).
const CSRF_FAILED: &str = "CSRF check failed.";

/// A request of a catalogue endpoint that no module answers (every entry has one, but not
/// every variant of one, such as a profile section other than experience): 501, naming the
/// entry, so a test that needs it fails clearly instead of reading an invented answer.
fn not_emulated(name: &str) -> Response<Body> {
    let mut resp = json_response(
        StatusCode::NOT_IMPLEMENTED,
        &json!({"status": 501, "endpoint": name}),
    );
    if let Ok(v) = HeaderValue::from_str(name) {
        resp.headers_mut().insert("x-sandbox-not-emulated", v);
    }
    resp
}

fn set_cookie(resp: &mut Response<Body>, state: &State, cookie: &str) {
    // Host-only cookies (no Domain), so a client's jar keeps them for whatever host it used.
    let secure = if state.tls.is_some() { "; Secure" } else { "" };
    if let Ok(v) = HeaderValue::from_str(&format!("{cookie}; Path=/{secure}")) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn respond(status: StatusCode, content_type: Option<&'static str>, body: Body) -> Response<Body> {
    let mut resp = Response::new(body);
    *resp.status_mut() = status;
    if let Some(ct) = content_type {
        resp.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    }
    resp
}

pub(crate) fn json_response(status: StatusCode, value: &serde_json::Value) -> Response<Body> {
    respond(
        status,
        Some("application/json"),
        Body::full(value.to_string()),
    )
}

pub(crate) fn empty(status: StatusCode) -> Response<Body> {
    respond(status, None, Body::empty())
}

fn html(status: StatusCode, page: &str) -> Response<Body> {
    respond(
        status,
        Some("text/html; charset=utf-8"),
        Body::full(page.to_owned()),
    )
}

fn text(status: StatusCode, msg: &'static str) -> Response<Body> {
    respond(status, Some("text/plain; charset=utf-8"), Body::full(msg))
}

fn redirect(location: &str) -> Response<Body> {
    let mut resp = empty(StatusCode::FOUND);
    if let Ok(v) = HeaderValue::from_str(location) {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 501 of a request no module answers names its catalogue entry in the body and in
    /// `x-sandbox-not-emulated` (over HTTP: `the_api_is_routed_by_the_catalogue` in
    /// `tests/sandbox/server.rs`, with a profile section the sandbox does not emulate).
    #[test]
    fn not_emulated_names_the_entry() {
        let resp = not_emulated("profile_experiences");
        assert_eq!(resp.status(), StatusCode::NOT_IMPLEMENTED);
        assert_eq!(
            resp.headers()["x-sandbox-not-emulated"],
            "profile_experiences"
        );
        assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/json");
    }
}
