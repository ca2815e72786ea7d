//! The 2015 mobile "touch" API (`touch.www.linkedin.com/li/...`), answered from the world.
//!
//! Shapes follow `shared/reference/touch.md`, a public write-up of what the iPhone app
//! called in 2015: answers are shaped after the app's screens (`tType` names the widget,
//! `text1`/`text2`/`text3` its lines). Where the write-up gives a shape it is followed field
//! for field; what it leaves out is said at each function. Three endpoints are listed there
//! without any shape (recommendations, notifications, who viewed my profile): their answers
//! here are designed in the same style, every invented part named in their doc comments.
//!
//! Facts the world does not hold, and how they are made up, deterministically:
//! - pictures: every member has one, at a `media.licdn.com` URL made from the member id;
//! - `authToken` (what the app sent to open an out-of-network profile): `name:` and four
//!   letters made from the member id;
//! - `distance`: degrees from the viewer, `-1` beyond the third degree (the convention of
//!   LinkedIn's public v1 REST API; the write-up shows only 0 and 2);
//! - phone numbers: none.
//!
//! Member ids are the world's numeric member ids (`Person::member_id`), as strings.

use http::StatusCode;
use serde_json::{Map, Value, json};

use super::{Answer, Call};
use crate::world::clock::{PRESENT_MONTH, month_number, months_spanned};
use crate::world::{Author, Experience, Person, World};

/// The page size of the mailbox's lists, the notifications and the profile views (the
/// write-up's example mailbox pages by 20).
const PAGE: usize = 20;

/// The most recommendations a member is given (see [`recommendations`]).
const MAX_RECOMMENDATIONS: usize = 3;

/// The most endorsers listed per skill; `count` still counts them all. The write-up's
/// example lists every endorser of a count of 2 and does not say how many a long list shows.
const MAX_ENDORSERS: usize = 10;

/// LinkedIn's default invitation text, sent when the inviter writes no note of their own.
const DEFAULT_INVITATION: &str = "I'd like to add you to my professional network on LinkedIn.";

/// Runs `f` on the member named by the path's `{id}`; 404 `{"status":404}` when no member
/// has that id (or it is not a number).
pub(super) fn of_member(call: &Call<'_>, f: impl FnOnce(&Call<'_>, usize) -> Answer) -> Answer {
    let member = call
        .path_param("id")
        .and_then(|id| id.parse::<u64>().ok())
        .and_then(|id| call.world.people.iter().position(|p| p.member_id == id));
    match member {
        Some(p) => f(call, p),
        None => Answer::error(StatusCode::NOT_FOUND),
    }
}

// ---------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------

/// The member's picture at `size` pixels square.
fn picture(p: &Person, size: u32) -> String {
    format!(
        "https://media.licdn.com/mpr/mpr/shrinknp_{size}_{size}/p/sandbox/{}.jpg",
        p.member_id
    )
}

/// The member's picture as uploaded.
fn original_picture(p: &Person) -> String {
    format!(
        "https://media.licdn.com/mpr/mpr/p/sandbox/{}.jpg",
        p.member_id
    )
}

/// `name:` and four letters made from the member id.
fn auth_token(p: &Person) -> String {
    let mut n = p.member_id;
    let letters: String = (0..4)
        .map(|_| {
            let c = char::from(b'a' + (n % 26) as u8);
            n /= 26;
            c
        })
        .collect();
    format!("name:{letters}")
}

/// The viewer's distance to `p`: 0 to 3, `-1` beyond.
fn distance(degrees: &[Option<u32>], p: usize) -> i64 {
    degrees.get(p).copied().flatten().map_or(-1, i64::from)
}

/// A member as the person summaries of the write-up have it (`people/person`'s response,
/// a connection, a mailbox sender): `authToken`, `distance`, names, `headline`, `id`,
/// `hasPicture`, `picture`.
fn person(w: &World, degrees: &[Option<u32>], i: usize, picture_size: u32) -> Map<String, Value> {
    let p = &w.people[i];
    let value = json!({
        "authToken": auth_token(p),
        "distance": distance(degrees, i),
        "firstName": p.first_name,
        "lastName": p.last_name,
        "formattedName": p.full_name(),
        "headline": p.headline,
        "id": p.member_id.to_string(),
        "hasPicture": true,
        "picture": picture(p, picture_size),
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A link to a member's profile, as endorsers carry it.
fn person_link(p: &Person) -> Value {
    json!({
        "resourcePath": format!("/li/v1/people/{}/profile", p.member_id),
        "id": p.member_id.to_string(),
        "type": "person",
    })
}

/// `GET /li/v1/people/person`: `{"response": {…}}` with the member's own summary and e-mail.
pub(super) fn me(call: &mut Call<'_>) -> Answer {
    let w = &*call.world;
    if call.me >= w.people.len() {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let degrees = w.degrees_from(call.me);
    let mut response = person(w, &degrees, call.me, 100);
    response.insert("email".into(), json!(w.people[call.me].email));
    Answer::ok(json!({ "response": response }))
}

/// `GET /li/v1/pages/you`: `{"profile": {"person": {…}, "detail": […]}}`. The person has the
/// write-up's fields (`tType: pt1`, `originalPicture`, `industry`, `location`,
/// `phoneNumbers`...); `detail` is not spelled out there beyond "background-like sections",
/// so it holds the same `sect4` sections as the member's background.
pub(super) fn my_page(call: &mut Call<'_>) -> Answer {
    let w = &*call.world;
    let Some(p) = w.people.get(call.me) else {
        return Answer::error(StatusCode::UNAUTHORIZED);
    };
    let degrees = w.degrees_from(call.me);
    let mut person = person(w, &degrees, call.me, 100);
    person.insert("tType".into(), json!("pt1"));
    person.insert("originalPicture".into(), json!(original_picture(p)));
    person.insert("industry".into(), json!(p.industry));
    person.insert("location".into(), json!(p.location));
    person.insert("phoneNumbers".into(), json!([]));
    Answer::ok(json!({"profile": {
        "person": person,
        "detail": sections(w, call.me),
    }}))
}

// ---------------------------------------------------------------------------------------
// The top card
// ---------------------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `March 2011`.
fn month_text((year, month): (u16, u8)) -> String {
    let name = MONTHS
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("January");
    format!("{name} {year}")
}

/// `4 years 7 months`, months counted inclusively as LinkedIn does.
fn span_text(start: (u16, u8), end: (u16, u8)) -> String {
    let months = months_spanned(start, end);
    let (years, months) = (months / 12, months % 12);
    let unit = |n: i64, one: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {one}s")),
    };
    [unit(years, "year"), unit(months, "month")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `March 2011 - Present (4 years 7 months)`, as the top card's `summary2.text3`.
fn dates_text(e: &Experience) -> String {
    let until = e.end.map_or_else(|| "Present".to_owned(), month_text);
    format!(
        "{} - {until} ({})",
        month_text(e.start),
        span_text(e.start, e.end.unwrap_or(PRESENT_MONTH))
    )
}

/// A company's logo.
fn company_logo(id: u64) -> String {
    format!("https://media.licdn.com/media/p/sandbox/company_{id}.png")
}

/// A school's logo.
fn school_logo(id: u64) -> String {
    format!("https://media.licdn.com/mpr/mpr/shrinknp_100_100/p/sandbox/school_{id}.png")
}

/// `GET /li/v2/profile/:id`: `{"personTopCard": {…}}` as the write-up shows it: name,
/// headline, `Location | Industry`, `isSelf`, the connection count (`summary1`, exact: the
/// write-up's example shows an exact count and says nothing of a cap) and the current position
/// (`summary2`, left out when the member has none) linking to the background.
pub(super) fn top_card(call: &Call<'_>, i: usize) -> Answer {
    let (w, me): (&World, usize) = (call.world, call.me);
    let p = &w.people[i];
    let connections = w
        .connections
        .iter()
        .filter(|&&(a, b)| a == i || b == i)
        .count();
    let mut card = json!({
        "tType": "personTopCard",
        "text1": p.full_name(),
        "text2": p.headline,
        "text3": format!("{} | {}", p.location, p.industry),
        "isSelf": i == me,
        "summary1": {"tType": "sum1", "values": [
            {"tType": "sum2", "text1": connections.to_string(), "text2": "connections"},
        ]},
    });
    let current = p.experiences.iter().find(|e| e.end.is_none());
    if let (Some(e), Some(company)) = (current, current.and_then(|e| w.companies.get(e.company))) {
        card["summary2"] = json!({
            "tType": "sum4",
            "text1": company.name,
            "text2": e.title,
            "text3": dates_text(e),
            "pictureUrl": company_logo(company.id),
            "pictureLogo": "company_tc",
            "link": {
                "targetContextType": "experience1",
                "partialData": {"title": p.full_name()},
                "resourcePath": format!("/li/v2/profile/{}/detail/background", p.member_id),
                "id": p.member_id.to_string(),
            },
        });
    }
    Answer::ok(json!({ "personTopCard": card }))
}

// ---------------------------------------------------------------------------------------
// Connections
// ---------------------------------------------------------------------------------------

/// `GET /li/v1/people/:id/connections?count=N`: `{"total", "count", "values"}` with `pt3`
/// persons, in the world's order; `count` caps the list and `total` counts them all. A
/// missing or non-numeric `count` is a 400 (the write-up always sends one). The write-up does
/// not say whose connections a member may list; every member's are answered here.
pub(super) fn connections(call: &Call<'_>, i: usize) -> Answer {
    let (w, me): (&World, usize) = (call.world, call.me);
    let Some(count) = call.text("count").and_then(|c| c.parse::<usize>().ok()) else {
        return Answer::error(StatusCode::BAD_REQUEST);
    };
    let degrees = w.degrees_from(me);
    let all: Vec<usize> = w
        .connections
        .iter()
        .filter_map(|&(a, b)| match (a == i, b == i) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        })
        .collect();
    let values: Vec<Value> = all
        .iter()
        .take(count)
        .map(|&c| {
            let mut person = person(w, &degrees, c, 200);
            person.insert("tType".into(), json!("pt3"));
            Value::Object(person)
        })
        .collect();
    Answer::ok(json!({"total": all.len(), "count": values.len(), "values": values}))
}

// ---------------------------------------------------------------------------------------
// Background
// ---------------------------------------------------------------------------------------

/// The member's background sections: `experience1` (positions, most recent first) and
/// `education1` (schools), each left out when empty.
///
/// Education items are the write-up's `prt2` (`text1` degree and field, `header` school,
/// `pictureUrl`, `pictureLogo: education_grey`), with `text2` the years. The write-up shows no
/// experience item; they take the same shape (`text1` title, `header` company,
/// `pictureLogo: company_grey`, by analogy with `education_grey`), with `text2` the dates as
/// the top card writes them and `text3` the description. The world has no patents or
/// projects, so those sections never appear.
fn sections(w: &World, i: usize) -> Vec<Value> {
    let p = &w.people[i];
    let experience: Vec<Value> = p
        .experiences
        .iter()
        .map(|e| {
            let company = w.companies.get(e.company);
            json!({
                "tType": "prt2",
                "text1": e.title,
                "text2": dates_text(e),
                "text3": e.description,
                "header": company.map(|c| c.name.as_str()).unwrap_or_default(),
                "pictureUrl": company.map(|c| company_logo(c.id)).unwrap_or_default(),
                "pictureLogo": "company_grey",
            })
        })
        .collect();
    let education: Vec<Value> = p
        .education
        .iter()
        .map(|e| {
            let school = w.schools.get(e.school);
            json!({
                "tType": "prt2",
                "text1": format!("{}, {}", e.degree, e.field),
                "text2": format!("{} – {}", e.years.0, e.years.1),
                "header": school.map(|s| s.name.as_str()).unwrap_or_default(),
                "pictureUrl": school.map(|s| school_logo(s.id)).unwrap_or_default(),
                "pictureLogo": "education_grey",
            })
        })
        .collect();
    [("experience1", experience), ("education1", education)]
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(context, items)| json!({"tType": "sect4", "contextType": context, "values": items}))
        .collect()
}

/// `GET /li/v2/profile/:id/detail/background`: `{"values": [sect4 sections]}`.
pub(super) fn background(call: &Call<'_>, i: usize) -> Answer {
    Answer::ok(json!({ "values": sections(call.world, i) }))
}

// ---------------------------------------------------------------------------------------
// Endorsements
// ---------------------------------------------------------------------------------------

/// The member's endorsers for `skill`: the world keeps no endorsements, so they are the
/// member's connections who list the skill themselves, in the world's order.
fn endorsers(w: &World, i: usize, skill: &str) -> Vec<usize> {
    w.connections
        .iter()
        .filter_map(|&(a, b)| match (a == i, b == i) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        })
        .filter(|&c| w.people[c].skills.iter().any(|s| s == skill))
        .collect()
}

/// `GET /li/v2/people/:id/endorsements`: per skill of the member, `{"resourcePath", "values"}`
/// whose first value is the skill and its count (`rt20`) and the rest its endorsers (`rt24`),
/// as the write-up has it: `count` counts every endorser, the first ten of them are listed
/// (see [`MAX_ENDORSERS`]). Every skill is listed, with a count of 0 when nobody endorsed it
/// (the write-up does not say whether such skills appear).
pub(super) fn endorsements(call: &Call<'_>, i: usize) -> Answer {
    let (w, me): (&World, usize) = (call.world, call.me);
    let p = &w.people[i];
    let values: Vec<Value> = p
        .skills
        .iter()
        .map(|skill| {
            let by = endorsers(w, i, skill);
            let encoded = restli::encode_str(skill, restli::Encoding::QUERY);
            let mut values = vec![json!({
                "tType": "rt20",
                "text1": skill,
                "count": by.len(),
                "id": p.member_id.to_string(),
                "type": "skill",
            })];
            values.extend(by.iter().take(MAX_ENDORSERS).map(|&e| {
                let endorser = &w.people[e];
                json!({
                    "tType": "rt24",
                    "representsCurrentUser": e == me,
                    "text1": endorser.full_name(),
                    "text2": endorser.headline,
                    "pictureUrl": picture(endorser, 100),
                    "link": person_link(endorser),
                })
            }));
            json!({
                "resourcePath": format!("/li/v2/people/endorsements?skill={encoded}"),
                "values": values,
            })
        })
        .collect();
    Answer::ok(json!({ "values": values }))
}

// ---------------------------------------------------------------------------------------
// Mailbox
// ---------------------------------------------------------------------------------------

/// A stable number for a text id (FNV-1a), for the mailbox's `I<digits>_500` ids.
fn number_of(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A message's subject: the world's messages have none, so it is the conversation's first
/// message up to its first sentence end, cut at a word before 60 characters.
fn subject_of(text: &str) -> String {
    let first = text
        .find(['.', '?', '!', '\n'])
        .map_or(text, |end| &text[..=end])
        .trim();
    if first.chars().count() <= 60 {
        return first.to_owned();
    }
    let mut out = String::new();
    for word in first.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > 59 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// A mailbox list: the write-up's paging fields around the first page of `values`.
fn mailbox_page(values: Vec<Value>, unread: Option<usize>, unseen: usize) -> Value {
    let total = values.len();
    let page: Vec<Value> = values.into_iter().take(PAGE).collect();
    let mut list = json!({
        "total": total,
        "start": 0,
        "count": PAGE,
        "droppedCount": 0,
        "unseen": unseen,
        "values": page,
    });
    if let Some(unread) = unread {
        list["unread"] = json!(unread);
    }
    list
}

/// `GET /li/v1/pages/mailbox`: the member's pending invitations and its messages, newest
/// first, each list's first page of 20 with `total`, `start`, `count`, `droppedCount`,
/// `unseen` (and `unread` for messages), as the write-up has it.
///
/// Invitations are the world's pending ones to the member; the world keeps no read state for
/// them, so they are unread and seen (as in the write-up's example). Messages: one item per
/// conversation that holds a message to the member, the latest such message, with `read` and
/// `seen` the conversation's read state, `hasReplied` whether the member wrote after it,
/// `to` the conversation's other members, and a subject made from the first message (see
/// [`subject_of`]). The world's conversations are the demo account's; other accounts have
/// none. Ids take the write-up's `I<digits>_500` form.
pub(super) fn mailbox(call: &mut Call<'_>) -> Answer {
    let w = &*call.world;
    let me = call.me;
    if me >= w.people.len() {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let degrees = w.degrees_from(me);
    let invitations: Vec<Value> = w
        .invitations
        .iter()
        .filter(|inv| inv.to == me && inv.from < w.people.len())
        .map(|inv| {
            json!({
                "isCustomMessage": inv.message.is_some(),
                "read": false,
                "folder": "inbox",
                "tType": "invitation",
                "subject": "Invitation to connect on LinkedIn",
                "from": person(w, &degrees, inv.from, 100),
                "id": format!("I{}_500", inv.id),
                "body": inv.message.as_deref().unwrap_or(DEFAULT_INVITATION),
                "seen": true,
                "timestamp": inv.sent_at,
            })
        })
        .collect();

    let mut received: Vec<(u64, Value, bool)> = Vec::new();
    if me == 0 {
        for c in &w.conversations {
            let Some(at) = c.messages.iter().rposition(|m| m.sender != me) else {
                continue;
            };
            let m = &c.messages[at];
            if m.sender >= w.people.len() {
                continue;
            }
            let replied = c.messages[at + 1..].iter().any(|r| r.sender == me);
            let to: Vec<Value> = std::iter::once(me)
                .chain(c.participants.iter().copied())
                .filter(|&p| p != m.sender && p < w.people.len())
                .map(|p| Value::Object(person(w, &degrees, p, 100)))
                .collect();
            let subject = c
                .messages
                .first()
                .map(|f| subject_of(&f.text))
                .unwrap_or_default();
            received.push((
                m.delivered_at,
                json!({
                    "read": c.read,
                    "folder": "inbox",
                    "tType": "message",
                    "subject": subject,
                    "from": person(w, &degrees, m.sender, 100),
                    "to": to,
                    "isMsgTypeInmail": false,
                    "id": format!("I{}_500", number_of(&m.id) % 10_000_000_000_000_000_000),
                    "body": m.text,
                    "seen": c.read,
                    "timestamp": m.delivered_at,
                    "hasReplied": replied,
                }),
                c.read,
            ));
        }
    }
    received.sort_by_key(|(at, _, _)| std::cmp::Reverse(*at));
    let unread = received.iter().filter(|(_, _, read)| !read).count();
    let messages: Vec<Value> = received.into_iter().map(|(_, v, _)| v).collect();
    Answer::ok(json!({
        "invitations": mailbox_page(invitations, None, 0),
        "messages": mailbox_page(messages, Some(unread), unread),
    }))
}

// ---------------------------------------------------------------------------------------
// The three endpoints the write-up lists without a shape
// ---------------------------------------------------------------------------------------

/// The overlap of two positions in months, if they overlap.
fn overlap(a: &Experience, b: &Experience) -> Option<i64> {
    let start = month_number(a.start).max(month_number(b.start));
    let end = month_number(a.end.unwrap_or(PRESENT_MONTH))
        .min(month_number(b.end.unwrap_or(PRESENT_MONTH)));
    (end >= start).then(|| i64::from(end - start) + 1)
}

/// The text of a recommendation of `name` by a colleague at `company` (a template over the
/// two positions).
fn recommendation_text(
    name: &str,
    company: &str,
    member_title: &str,
    recommender_title: &str,
) -> String {
    let roles = if member_title == recommender_title {
        format!("where we were both {member_title}s")
    } else {
        format!("where {name} was {member_title} and I was {recommender_title}")
    };
    format!(
        "I worked with {name} at {company}, {roles}. {name} is someone I would gladly work \
         with again."
    )
}

/// `GET /li/v2/profile/:id/detail/recommendations`. **Invented shape** (the write-up lists the
/// endpoint "to be documented"), in the style of the documented answers:
/// `{"total": N, "values": [{"tType": "rec1", "text1": recommender's name, "text2": their
/// headline, "text3": how they know the member, "recommendationText", "pictureUrl", "link":
/// {resourcePath, id, type: person}}]}`; `rec1`, `text3`'s wording, `recommendationText` and
/// `total` are invented, the rest is the endorsers' (`rt24`) shape.
///
/// **Invented data**: the world keeps no recommendations. A member's recommenders are their
/// connections who held a position at the same company at the same time, in the world's
/// order, at most three; the text is a template over the two positions.
pub(super) fn recommendations(call: &Call<'_>, i: usize) -> Answer {
    let w: &World = call.world;
    let p = &w.people[i];
    let mut values = Vec::new();
    let connected = w
        .connections
        .iter()
        .filter_map(|&(a, b)| match (a == i, b == i) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        });
    for c in connected {
        if values.len() == MAX_RECOMMENDATIONS {
            break;
        }
        let r = &w.people[c];
        let shared = p.experiences.iter().find_map(|mine| {
            r.experiences
                .iter()
                .find(|theirs| theirs.company == mine.company && overlap(mine, theirs).is_some())
                .map(|theirs| (mine, theirs))
        });
        let Some((mine, theirs)) = shared else {
            continue;
        };
        let company = w
            .companies
            .get(mine.company)
            .map(|c| c.name.as_str())
            .unwrap_or_default();
        values.push(json!({
            "tType": "rec1",
            "text1": r.full_name(),
            "text2": r.headline,
            "text3": format!("{} worked with {} at {company}", r.first_name, p.first_name),
            "recommendationText": recommendation_text(&p.first_name, company, &mine.title, &theirs.title),
            "pictureUrl": picture(r, 100),
            "link": person_link(r),
        }));
    }
    Answer::ok(json!({"total": values.len(), "values": values}))
}

/// `GET /li/v2/notifications`. **Invented shape** (listed "to be documented"), in the style of
/// the documented answers and the mailbox's paging: `{"total", "start", "count", "values":
/// [{"tType": "notif1", "type": "invitation" | "comment", "text1": what happened, "text2": the
/// comment or note (absent without one), "timestamp", "pictureUrl", "link": the actor as
/// endorsers link to members}]}`, newest first, first page of 20; a comment also carries
/// `activityId`, the post's id. `notif1`, `type`'s values and the `text1` wordings are
/// invented.
///
/// **Data** from the world: the member's pending invitations and the comments others wrote on
/// the member's posts.
pub(super) fn notifications(call: &mut Call<'_>) -> Answer {
    let w = &*call.world;
    let me = call.me;
    if me >= w.people.len() {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let mut items: Vec<(u64, Value)> = Vec::new();
    for inv in w
        .invitations
        .iter()
        .filter(|inv| inv.to == me && inv.from < w.people.len())
    {
        let from = &w.people[inv.from];
        let mut item = json!({
            "tType": "notif1",
            "type": "invitation",
            "text1": format!("{} invited you to connect", from.full_name()),
            "timestamp": inv.sent_at,
            "pictureUrl": picture(from, 100),
            "link": person_link(from),
        });
        if let Some(note) = &inv.message {
            item["text2"] = json!(note);
        }
        items.push((inv.sent_at, item));
    }
    for post in w.posts.iter().filter(|p| p.author == Author::Person(me)) {
        for comment in post
            .comments
            .iter()
            .filter(|c| c.author != me && c.author < w.people.len())
        {
            let by = &w.people[comment.author];
            items.push((
                comment.created_at,
                json!({
                    "tType": "notif1",
                    "type": "comment",
                    "text1": format!("{} commented on your post", by.full_name()),
                    "text2": comment.text,
                    "timestamp": comment.created_at,
                    "pictureUrl": picture(by, 100),
                    "link": person_link(by),
                    "activityId": post.activity_id.to_string(),
                }),
            ));
        }
    }
    items.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let total = items.len();
    let values: Vec<Value> = items.into_iter().take(PAGE).map(|(_, v)| v).collect();
    Answer::ok(json!({"total": total, "start": 0, "count": PAGE, "values": values}))
}

/// `GET /li/v2/wvmp`. **Invented shape** (listed "to be documented"), in the style of the
/// documented answers and the mailbox's paging: `{"total", "start", "count", "values":
/// [{"tType": "wvmp1", "text1": name, "text2": headline, "distance", "timestamp",
/// "pictureUrl", "link": {resourcePath, id, type: person}}]}`, newest view first, the first
/// page of 20; `wvmp1` is invented, the rest follows the endorsers' (`rt24`) and person
/// summaries' fields. The views are the world's (`World::profile_views`), the same ones
/// Voyager's who-viewed-me answers from.
pub(super) fn who_viewed_me(call: &mut Call<'_>) -> Answer {
    let w = &*call.world;
    let me = call.me;
    if me >= w.people.len() {
        return Answer::error(StatusCode::UNAUTHORIZED);
    }
    let degrees = w.degrees_from(me);
    let mut views: Vec<(usize, u64)> = w
        .profile_views
        .iter()
        .filter(|v| v.viewed == me && v.viewer < w.people.len())
        .map(|v| (v.viewer, v.at))
        .collect();
    views.sort_by_key(|&(_, at)| std::cmp::Reverse(at));
    let total = views.len();
    let values: Vec<Value> = views
        .into_iter()
        .take(PAGE)
        .map(|(v, at)| {
            let viewer = &w.people[v];
            json!({
                "tType": "wvmp1",
                "text1": viewer.full_name(),
                "text2": viewer.headline,
                "distance": distance(&degrees, v),
                "timestamp": at,
                "pictureUrl": picture(viewer, 100),
                "link": person_link(viewer),
            })
        })
        .collect();
    Answer::ok(json!({"total": total, "start": 0, "count": PAGE, "values": values}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_count_months_inclusively() {
        assert_eq!(span_text((2011, 3), (2015, 9)), "4 years 7 months");
        assert_eq!(span_text((2020, 1), (2020, 1)), "1 month");
        assert_eq!(span_text((2020, 1), (2020, 12)), "1 year");
        assert_eq!(month_text((2011, 3)), "March 2011");
    }

    #[test]
    fn subjects_are_the_first_sentence_cut_at_a_word() {
        assert_eq!(subject_of("Hi Dana. How are you?"), "Hi Dana.");
        let long = "word ".repeat(30);
        let subject = subject_of(&long);
        assert!(
            subject.chars().count() <= 60 && subject.ends_with('…'),
            "{subject}"
        );
    }

    #[test]
    fn auth_tokens_are_stable_and_short() {
        let p = Person {
            member_id: 470_926_337,
            ..Person::default()
        };
        assert_eq!(auth_token(&p), auth_token(&p.clone()));
        assert_eq!(auth_token(&p).len(), "name:".len() + 4);
    }
}
