//! The 2015 touch API over real loopback HTTP, checked against the world the sandbox serves:
//! its session gate (`li_at`, no CSRF), the documented answers (person, page, top card,
//! connections, background, endorsements, mailbox) in touch.md's shapes, the three answers
//! designed in their style (recommendations, notifications, who viewed my profile), and the
//! 400s and 404s.

use crate::common::api::{start, url, world};
use crate::common::{Client, FORM, Resp, login_form};
use http::{Method, StatusCode};
use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_sandbox::world::{Author, World};
use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME, SandboxHandle};
use serde_json::{Value, json};

/// The demo account's member id.
const DEMO_ID: &str = "470926337";

/// A touch session of the demo account: its cookies, and no `csrf-token`.
struct Touch {
    client: Client,
    cookie: String,
}

impl Touch {
    async fn new(sandbox: &SandboxHandle) -> Self {
        let cookies = sandbox.demo_cookies();
        Self {
            client: Client::connect(sandbox).await,
            cookie: format!("li_at={}; JSESSIONID={}", cookies.li_at, cookies.jsessionid),
        }
    }

    async fn get(&mut self, target: &str) -> Resp {
        let headers = [("cookie", self.cookie.as_str())];
        self.client.call(Method::GET, target, &headers, "").await
    }

    /// GETs `target` and expects a 200 with JSON.
    async fn ok(&mut self, target: &str) -> Value {
        let resp = self.get(target).await;
        assert_eq!(resp.status, StatusCode::OK, "{target}: {}", resp.text());
        resp.json()
    }
}

/// The target of touch entry `endpoint` for member `id` (when the entry takes one).
fn of(endpoint: &Endpoint, id: &str) -> String {
    url(endpoint, &[("id", id)], json!({}), None)
}

fn connections_of(w: &World, i: usize) -> Vec<usize> {
    w.connections
        .iter()
        .filter_map(|&(a, b)| match (a == i, b == i) {
            (true, _) => Some(b),
            (_, true) => Some(a),
            _ => None,
        })
        .collect()
}

fn index_of(w: &World, id: &str) -> usize {
    w.people
        .iter()
        .position(|p| p.member_id.to_string() == id)
        .unwrap()
}

fn name(w: &World, i: usize) -> String {
    format!("{} {}", w.people[i].first_name, w.people[i].last_name)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gate_wants_li_at_but_no_csrf_token_and_unknown_paths_are_404() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let target = url(endpoints::TOUCH_ME, &[], json!({}), None);
    assert_eq!(target, "/li/v1/people/person");

    let resp = client.get(&target).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    assert_eq!(resp.json(), json!({"status": 401}));
    let forged = [("cookie", "li_at=AQEDAforged; JSESSIONID=\"ajax:1\"")];
    let resp = client.call(Method::GET, &target, &forged, "").await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);

    let mut touch = Touch::new(&sandbox).await;
    let body = touch.ok(&target).await;
    assert_eq!(body["response"]["id"], DEMO_ID);
    let record = sandbox.requests().pop().unwrap();
    assert!(
        !record.headers.iter().any(|(n, _)| n == "csrf-token"),
        "no csrf-token was sent: {record:?}"
    );

    let resp = touch.get("/li/v9/nothing/here").await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    assert_eq!(resp.json(), json!({"status": 404}));

    sandbox.expire_sessions();
    let resp = touch.get(&target).await;
    assert_eq!(resp.status, StatusCode::UNAUTHORIZED);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_login_on_the_www_host_opens_a_touch_session() {
    let sandbox = start().await;
    let mut client = Client::connect(&sandbox).await;
    let boot = client.get("/uas/authenticate").await;
    assert_eq!(boot.json(), json!({"status": "success"}));
    let jsessionid = client.cookie("JSESSIONID").to_owned();
    let form = login_form(DEMO_USERNAME, DEMO_PASSWORD, &jsessionid);
    let resp = client
        .call(Method::POST, "/uas/authenticate", &[FORM], &form)
        .await;
    assert_eq!(resp.json()["login_result"], "PASS");
    let resp = client.get("/li/v1/people/person").await;
    assert_eq!(resp.status, StatusCode::OK, "{}", resp.text());
    assert_eq!(resp.json()["response"]["firstName"], "Dana");
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_person_and_the_page_are_the_logged_in_member() {
    let w = world();
    let dana = &w.people[0];
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;

    let body = touch.ok("/li/v1/people/person").await;
    let person = &body["response"];
    assert_eq!(person["id"], DEMO_ID);
    assert_eq!(person["firstName"], "Dana");
    assert_eq!(person["lastName"], "Moreau");
    assert_eq!(person["formattedName"], "Dana Moreau");
    assert_eq!(person["headline"], dana.headline);
    assert_eq!(person["email"], dana.email);
    assert_eq!(person["distance"], 0);
    assert_eq!(person["hasPicture"], true);
    assert!(
        person["picture"]
            .as_str()
            .unwrap()
            .starts_with("https://media.licdn.com/")
    );
    assert!(person["authToken"].as_str().unwrap().starts_with("name:"));

    let body = touch.ok("/li/v1/pages/you").await;
    let person = &body["profile"]["person"];
    assert_eq!(person["tType"], "pt1");
    assert_eq!(person["id"], DEMO_ID);
    assert_eq!(person["location"], dana.location);
    assert_eq!(person["industry"], dana.industry);
    assert_eq!(person["phoneNumbers"], json!([]));
    assert!(person["originalPicture"].is_string());
    let detail = body["profile"]["detail"].as_array().unwrap();
    let contexts: Vec<&str> = detail
        .iter()
        .map(|s| s["contextType"].as_str().unwrap())
        .collect();
    assert_eq!(contexts, ["experience1", "education1"]);
    assert_eq!(
        detail[0]["values"].as_array().unwrap().len(),
        dana.experiences.len()
    );
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_top_card_has_name_headline_place_industry_connections_and_position() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;

    let card = touch.ok(&of(endpoints::TOUCH_PROFILE, DEMO_ID)).await["personTopCard"].clone();
    let dana = &w.people[0];
    assert_eq!(card["tType"], "personTopCard");
    assert_eq!(card["text1"], "Dana Moreau");
    assert_eq!(card["text2"], dana.headline);
    assert_eq!(
        card["text3"],
        format!("{} | {}", dana.location, dana.industry)
    );
    assert_eq!(card["isSelf"], true);
    let count = &card["summary1"]["values"][0];
    assert_eq!(count["tType"], "sum2");
    assert_eq!(count["text2"], "connections");
    assert_eq!(count["text1"], connections_of(&w, 0).len().to_string());
    let position = &card["summary2"];
    let current = dana.experiences.iter().find(|e| e.end.is_none()).unwrap();
    assert_eq!(position["tType"], "sum4");
    assert_eq!(position["text1"], w.companies[current.company].name);
    assert_eq!(position["text2"], current.title);
    assert!(
        position["text3"].as_str().unwrap().contains(" - Present ("),
        "{position}"
    );
    assert_eq!(position["pictureLogo"], "company_tc");
    assert_eq!(position["link"]["targetContextType"], "experience1");
    assert_eq!(
        position["link"]["resourcePath"],
        format!("/li/v2/profile/{DEMO_ID}/detail/background")
    );
    assert_eq!(position["link"]["id"], DEMO_ID);

    let other = &w.people[7];
    let card = touch
        .ok(&of(endpoints::TOUCH_PROFILE, &other.member_id.to_string()))
        .await;
    assert_eq!(card["personTopCard"]["text1"], name(&w, 7));
    assert_eq!(card["personTopCard"]["isSelf"], false);

    for unknown in ["1", "not-a-number"] {
        let resp = touch.get(&of(endpoints::TOUCH_PROFILE, unknown)).await;
        assert_eq!(resp.status, StatusCode::NOT_FOUND, "{unknown}");
        assert_eq!(resp.json(), json!({"status": 404}));
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_are_capped_by_count_and_total_counts_them_all() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let mine = connections_of(&w, 0);
    let target = |count: u32| {
        url(
            endpoints::TOUCH_CONNECTIONS,
            &[("id", DEMO_ID)],
            json!({"count": count}),
            None,
        )
    };
    assert_eq!(
        target(5),
        format!("/li/v1/people/{DEMO_ID}/connections?count=5")
    );

    let body = touch.ok(&target(5)).await;
    assert_eq!(body["total"], mine.len());
    assert_eq!(body["count"], 5);
    let values = body["values"].as_array().unwrap();
    assert_eq!(values.len(), 5);
    for (value, &i) in values.iter().zip(&mine) {
        assert_eq!(value["tType"], "pt3");
        assert_eq!(value["id"], w.people[i].member_id.to_string());
        assert_eq!(value["formattedName"], name(&w, i));
        assert_eq!(value["distance"], 1);
        assert!(
            value["picture"]
                .as_str()
                .unwrap()
                .contains("shrinknp_200_200")
        );
    }

    let body = touch.ok(&target(5000)).await;
    assert_eq!(body["count"], mine.len());
    assert_eq!(body["values"].as_array().unwrap().len(), mine.len());

    // Another member's connections, with distances from the viewer.
    let hub = w.people[2].member_id.to_string();
    let body = touch
        .ok(&url(
            endpoints::TOUCH_CONNECTIONS,
            &[("id", &hub)],
            json!({"count": 3}),
            None,
        ))
        .await;
    assert_eq!(body["total"], connections_of(&w, 2).len());
    assert!(body["total"].as_u64().unwrap() > 1000);

    let resp = touch
        .get(&url(
            endpoints::TOUCH_CONNECTIONS,
            &[("id", DEMO_ID)],
            json!({}),
            None,
        ))
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let resp = touch
        .get(&format!("/li/v1/people/{DEMO_ID}/connections?count=lots"))
        .await;
    assert_eq!(resp.status, StatusCode::BAD_REQUEST);
    let resp = touch.get("/li/v1/people/42/connections?count=5").await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_background_lists_experience_and_education_sections() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let i = 5;
    let p = &w.people[i];
    let body = touch
        .ok(&of(endpoints::TOUCH_BACKGROUND, &p.member_id.to_string()))
        .await;
    let sections = body["values"].as_array().unwrap();
    let experience = sections
        .iter()
        .find(|s| s["contextType"] == "experience1")
        .unwrap();
    assert_eq!(experience["tType"], "sect4");
    let items = experience["values"].as_array().unwrap();
    assert_eq!(items.len(), p.experiences.len());
    for (item, e) in items.iter().zip(&p.experiences) {
        assert_eq!(item["tType"], "prt2");
        assert_eq!(item["text1"], e.title);
        assert_eq!(item["header"], w.companies[e.company].name);
        assert_eq!(item["pictureLogo"], "company_grey");
    }
    let education = sections
        .iter()
        .find(|s| s["contextType"] == "education1")
        .unwrap();
    let items = education["values"].as_array().unwrap();
    assert_eq!(items.len(), p.education.len());
    let first = &p.education[0];
    assert_eq!(
        items[0]["text1"],
        format!("{}, {}", first.degree, first.field)
    );
    assert_eq!(items[0]["header"], w.schools[first.school].name);
    assert_eq!(items[0]["pictureLogo"], "education_grey");
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn endorsements_give_each_skill_its_count_then_its_endorsers() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let body = touch.ok(&of(endpoints::TOUCH_ENDORSEMENTS, DEMO_ID)).await;
    let skills = body["values"].as_array().unwrap();
    let dana = &w.people[0];
    assert_eq!(skills.len(), dana.skills.len());
    let mut endorsed = 0;
    for (group, skill) in skills.iter().zip(&dana.skills) {
        let values = group["values"].as_array().unwrap();
        let head = &values[0];
        assert_eq!(head["tType"], "rt20");
        assert_eq!(head["text1"], *skill);
        assert_eq!(head["type"], "skill");
        assert_eq!(head["id"], DEMO_ID);
        let all = connections_of(&w, 0)
            .into_iter()
            .filter(|&c| w.people[c].skills.contains(skill))
            .count();
        assert_eq!(head["count"], all, "{skill}");
        assert_eq!(
            values.len() - 1,
            all.min(10),
            "at most ten endorsers are listed"
        );
        let path = group["resourcePath"].as_str().unwrap();
        assert!(
            path.starts_with("/li/v2/people/endorsements?skill="),
            "{path}"
        );
        assert!(!path.contains(' '), "{path}");
        for e in &values[1..] {
            assert_eq!(e["tType"], "rt24");
            assert_eq!(e["representsCurrentUser"], false);
            let id = e["link"]["id"].as_str().unwrap();
            assert_eq!(
                e["link"]["resourcePath"],
                format!("/li/v1/people/{id}/profile")
            );
            assert_eq!(e["link"]["type"], "person");
            let endorser = index_of(&w, id);
            assert!(w.connected(0, endorser));
            assert!(w.people[endorser].skills.contains(skill));
            assert_eq!(e["text1"], name(&w, endorser));
            endorsed += 1;
        }
    }
    assert!(endorsed > 0, "some skill of the demo account is endorsed");
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mailbox_pages_invitations_and_messages_newest_first() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let body = touch.ok("/li/v1/pages/mailbox").await;

    let invitations = &body["invitations"];
    let received: Vec<_> = w.invitations.iter().filter(|i| i.to == 0).collect();
    assert_eq!(invitations["total"], received.len());
    assert_eq!(invitations["start"], 0);
    assert_eq!(invitations["count"], 20);
    assert_eq!(invitations["droppedCount"], 0);
    assert_eq!(invitations["unseen"], 0);
    let values = invitations["values"].as_array().unwrap();
    assert_eq!(values.len(), received.len().min(20));
    for (v, inv) in values.iter().zip(&received) {
        assert_eq!(v["tType"], "invitation");
        assert_eq!(v["folder"], "inbox");
        assert_eq!(v["subject"], "Invitation to connect on LinkedIn");
        assert_eq!(v["id"], format!("I{}_500", inv.id));
        assert_eq!(v["timestamp"], inv.sent_at);
        assert_eq!(v["from"]["formattedName"], name(&w, inv.from));
        assert_eq!(v["isCustomMessage"], inv.message.is_some());
        if let Some(note) = &inv.message {
            assert_eq!(v["body"], *note);
        }
    }

    let messages = &body["messages"];
    let with_received = w
        .conversations
        .iter()
        .filter(|c| c.messages.iter().any(|m| m.sender != 0))
        .count();
    assert_eq!(messages["total"], with_received);
    assert!(with_received > 20, "the messages have a second page");
    let values = messages["values"].as_array().unwrap();
    assert_eq!(values.len(), 20);
    let unread = w
        .conversations
        .iter()
        .filter(|c| !c.read && c.messages.iter().any(|m| m.sender != 0))
        .count();
    assert_eq!(messages["unread"], unread);
    let times: Vec<u64> = values
        .iter()
        .map(|v| v["timestamp"].as_u64().unwrap())
        .collect();
    assert!(times.windows(2).all(|p| p[0] >= p[1]), "newest first");
    for v in values {
        assert_eq!(v["tType"], "message");
        assert_eq!(v["isMsgTypeInmail"], false);
        assert!(v["id"].as_str().unwrap().ends_with("_500"));
        assert_ne!(v["from"]["id"], DEMO_ID);
        assert!(
            v["to"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["id"] == DEMO_ID)
        );
        let message = w
            .conversations
            .iter()
            .flat_map(|c| &c.messages)
            .find(|m| m.delivered_at == v["timestamp"].as_u64().unwrap())
            .unwrap();
        assert_eq!(v["body"], message.text);
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recommendations_come_from_colleagues_in_the_same_style() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let body = touch
        .ok(&of(endpoints::TOUCH_RECOMMENDATIONS, DEMO_ID))
        .await;
    let values = body["values"].as_array().unwrap();
    assert_eq!(body["total"], values.len());
    assert!(!values.is_empty() && values.len() <= 3, "{body}");
    for v in values {
        assert_eq!(v["tType"], "rec1");
        let id = v["link"]["id"].as_str().unwrap();
        let r = index_of(&w, id);
        assert!(w.connected(0, r));
        assert!(w.people[r].experiences.iter().any(|e| {
            w.people[0]
                .experiences
                .iter()
                .any(|m| m.company == e.company)
        }));
        assert_eq!(v["text1"], name(&w, r));
        assert!(v["recommendationText"].as_str().unwrap().contains("Dana"));
    }
    let resp = touch.get(&of(endpoints::TOUCH_RECOMMENDATIONS, "9")).await;
    assert_eq!(resp.status, StatusCode::NOT_FOUND);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_tell_of_invitations_and_comments_newest_first() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let body = touch.ok("/li/v2/notifications").await;
    let invitations = w.invitations.iter().filter(|i| i.to == 0).count();
    let comments = w
        .posts
        .iter()
        .filter(|p| p.author == Author::Person(0))
        .flat_map(|p| &p.comments)
        .filter(|c| c.author != 0)
        .count();
    assert!(comments > 0, "the demo account's posts have comments");
    assert_eq!(body["total"], invitations + comments);
    let values = body["values"].as_array().unwrap();
    assert_eq!(values.len(), (invitations + comments).min(20));
    let times: Vec<u64> = values
        .iter()
        .map(|v| v["timestamp"].as_u64().unwrap())
        .collect();
    assert!(times.windows(2).all(|p| p[0] >= p[1]), "newest first");
    for v in values {
        assert_eq!(v["tType"], "notif1");
        let actor = index_of(&w, v["link"]["id"].as_str().unwrap());
        match v["type"].as_str().unwrap() {
            "invitation" => assert_eq!(
                v["text1"],
                format!("{} invited you to connect", name(&w, actor))
            ),
            "comment" => {
                assert_eq!(
                    v["text1"],
                    format!("{} commented on your post", name(&w, actor))
                );
                assert!(v["activityId"].is_string());
            }
            other => panic!("unexpected type {other}"),
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_viewed_me_lists_viewers_newest_first() {
    let w = world();
    let sandbox = start().await;
    let mut touch = Touch::new(&sandbox).await;
    let body = touch.ok("/li/v2/wvmp").await;
    let values = body["values"].as_array().unwrap();
    let views: Vec<_> = w.profile_views.iter().filter(|v| v.viewed == 0).collect();
    assert!(views.len() > 20, "the views have a second page");
    assert_eq!(body["total"], views.len());
    assert_eq!(
        (body["start"].as_u64(), body["count"].as_u64()),
        (Some(0), Some(20))
    );
    assert_eq!(values.len(), 20);
    let times: Vec<u64> = values
        .iter()
        .map(|v| v["timestamp"].as_u64().unwrap())
        .collect();
    assert!(times.windows(2).all(|p| p[0] >= p[1]), "newest first");
    let mut newest: Vec<_> = views.iter().map(|v| (v.viewer, v.at)).collect();
    newest.sort_by_key(|&(_, at)| std::cmp::Reverse(at));
    for (v, &(viewer, at)) in values.iter().zip(&newest) {
        assert_eq!(v["timestamp"], at);
        assert_eq!(v["link"]["id"], w.people[viewer].member_id.to_string());
    }
    let degrees = w.degrees_from(0);
    for v in values {
        assert_eq!(v["tType"], "wvmp1");
        let viewer = index_of(&w, v["link"]["id"].as_str().unwrap());
        assert_eq!(v["text1"], name(&w, viewer));
        assert_eq!(v["distance"], degrees[viewer].map_or(-1, i64::from), "{v}");
    }
    sandbox.shutdown().await;
}
