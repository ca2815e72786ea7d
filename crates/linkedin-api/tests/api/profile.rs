//! Profiles against the sandbox: resolving public ids, the dash profile, experiences, the
//! sections, contact info, everything at once (one request), who viewed me, and the retired
//! endpoints.
use crate::common;
use linkedin_catalogue::endpoints;

use std::time::{Duration, Instant};

use linkedin_api::Error;
use linkedin_sandbox::Faults;
use linkedin_sandbox::world::{World, generate};

const DEMO_URN: &str = "urn:li:fsd_profile:ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ";

fn world() -> World {
    generate(linkedin_sandbox::WORLD_SEED)
}

/// The paths of the requests since `mark`.
fn paths(f: &common::Fixture, mark: usize) -> Vec<String> {
    f.sent_since(mark)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn resolve_public_id_asks_the_browsers_vanity_name_lookup() {
    let f = common::start().await;
    let mark = f.mark();
    let urn = f.linkedin.resolve_public_id("demo-member").await.unwrap();
    assert_eq!(urn, DEMO_URN);
    f.snapshot("profile_resolve_public_id", mark, &urn);
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0]["query"]["queryId"],
        endpoints::PROFILE_BY_VANITY.query_id.unwrap()
    );
    assert_eq!(sent[0]["query"]["variables"]["vanityName"], "demo-member");
}

#[tokio::test]
async fn resolve_public_id_falls_back_to_the_profile_page_and_reports_nobody() {
    let f = common::start().await;
    let mark = f.mark();
    let err = f
        .linkedin
        .resolve_public_id("nobody-has-this-id")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { what } if what.contains("nobody-has-this-id")),
        "{err}"
    );
    assert_eq!(
        paths(&f, mark),
        ["/voyager/api/graphql", "/in/nobody-has-this-id/"],
        "the vanity name lookup found nobody, then the page was asked"
    );
    let sent = f.sent_since(mark);
    assert_eq!(sent[1]["status"], 404);
}

#[tokio::test]
async fn invalid_members_are_refused_before_anything_is_sent() {
    let f = common::start().await;
    let mark = f.mark();
    for bad in [
        "",
        "a",
        "two words",
        "x/../y",
        "urn:li:company:1337",
        "(paren)",
    ] {
        let err = f.linkedin.profile(bad).await.unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { field: "who", .. }),
            "{bad}: {err}"
        );
        assert!(matches!(
            f.linkedin.full_profile(bad).await,
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            f.linkedin.profile_skills(bad).await,
            Err(Error::InvalidInput { .. })
        ));
    }
    let err = f.linkedin.resolve_public_id("x/../y").await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "public_id",
                ..
            }
        ),
        "{err}"
    );
    assert!(f.sent_since(mark).is_empty());
}

#[tokio::test]
async fn profile_reads_the_dash_profile_after_resolving_the_public_id() {
    let f = common::start().await;
    let w = world();
    let demo = &w.people[0];
    let mark = f.mark();
    let profile = f.linkedin.profile("demo-member").await.unwrap();
    assert_eq!(profile.entity_urn, DEMO_URN);
    assert_eq!(
        (profile.first_name.as_str(), profile.last_name.as_str()),
        ("Dana", "Moreau")
    );
    assert_eq!(profile.headline.as_deref(), Some(demo.headline.as_str()));
    assert_eq!(profile.summary.as_deref(), Some(demo.summary.as_str()));
    assert_eq!(profile.location(), Some(demo.location.as_str()));
    assert_eq!(profile.member_id(), Some(demo.member_id));
    assert_eq!(
        profile.industry.as_ref().unwrap().name.as_deref(),
        Some(demo.industry.as_str())
    );
    // The raw JSON stays reachable, references resolved.
    assert_eq!(
        profile.raw()["geoLocation"]["geo"]["defaultLocalizedName"],
        demo.location
    );
    f.snapshot("profile_profile", mark, &profile);
    assert_eq!(
        paths(&f, mark),
        [
            "/voyager/api/graphql",
            // The URN raw, as the browser sends it (seq 58).
            &format!("/voyager/api/identity/dash/profiles/{DEMO_URN}")
        ]
    );

    // By profile id or URN: no resolution.
    let mark = f.mark();
    let by_urn = f.linkedin.profile(DEMO_URN).await.unwrap();
    let by_id = f
        .linkedin
        .profile(DEMO_URN.trim_start_matches("urn:li:fsd_profile:"))
        .await
        .unwrap();
    assert_eq!(by_urn.entity_urn, DEMO_URN);
    assert_eq!(by_id.entity_urn, DEMO_URN);
    assert_eq!(f.sent_since(mark).len(), 2);
}

#[tokio::test]
async fn an_unknown_profile_is_not_found() {
    let f = common::start().await;
    let err = f
        .linkedin
        .profile("urn:li:fsd_profile:ACoAAUnknownUnknownUnknownUnknown00000")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
    let err = f
        .linkedin
        .profile_skills("ACoAAUnknownUnknownUnknownUnknown00000")
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err}");
}

#[tokio::test]
async fn profile_experiences_lists_every_position_with_groups_flattened() {
    let f = common::start().await;
    let w = world();
    let demo = &w.people[0];
    let mark = f.mark();
    let experiences = f.linkedin.profile_experiences(DEMO_URN).await.unwrap();
    f.snapshot("profile_profile_experiences", mark, &experiences);
    assert_eq!(f.sent_since(mark).len(), 1);
    assert_eq!(experiences.len(), demo.experiences.len());
    for (got, want) in experiences.iter().zip(&demo.experiences) {
        assert_eq!(got.title.as_deref(), Some(want.title.as_str()));
        assert_eq!(
            got.company_name.as_deref(),
            Some(w.companies[want.company].name.as_str())
        );
        assert_eq!(got.description.as_deref(), Some(want.description.as_str()));
        assert_eq!(got.is_current(), want.end.is_none());
        assert!(
            got.start_date.is_some() && got.duration.is_some(),
            "{got:?}"
        );
    }
    // The first two positions are at one company: a group, whose place is the company's.
    assert_eq!(
        experiences[0].location_name.as_deref(),
        Some(
            w.companies[demo.experiences[0].company]
                .headquarters
                .as_str()
        )
    );
}

#[tokio::test]
async fn profile_sections_read_skills_education_certifications_and_languages() {
    let f = common::start().await;
    let w = world();
    let demo = &w.people[0];

    let mark = f.mark();
    let skills = f.linkedin.profile_skills("demo-member").await.unwrap();
    f.snapshot("profile_profile_skills", mark, &skills);
    let sent = f.sent_since(mark);
    assert_eq!(
        sent.len(),
        1,
        "the finder takes the public id: no resolution"
    );
    assert_eq!(
        sent[0]["query"]["decorationId"],
        endpoints::PROFILE_WITH_SECTIONS.decoration_id.unwrap()
    );
    let names: Vec<&str> = skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, demo.skills);

    let mark = f.mark();
    let education = f.linkedin.profile_education("demo-member").await.unwrap();
    f.snapshot("profile_profile_education", mark, &education);
    assert_eq!(education.len(), demo.education.len());
    for (got, want) in education.iter().zip(&demo.education) {
        assert_eq!(
            got.school_name.as_deref(),
            Some(w.schools[want.school].name.as_str())
        );
        assert_eq!(got.degree_name.as_deref(), Some(want.degree.as_str()));
        assert_eq!(got.field_of_study.as_deref(), Some(want.field.as_str()));
        let range = got.date_range.as_ref().unwrap();
        assert_eq!(range.start.as_ref().unwrap().year, Some(want.years.0));
        assert_eq!(range.end.as_ref().unwrap().year, Some(want.years.1));
    }

    let mark = f.mark();
    let certifications = f.linkedin.profile_certifications(DEMO_URN).await.unwrap();
    f.snapshot("profile_profile_certifications", mark, &certifications);
    let names: Vec<&str> = certifications.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, demo.certifications);

    let mark = f.mark();
    let languages = f.linkedin.profile_languages("demo-member").await.unwrap();
    f.snapshot("profile_profile_languages", mark, &languages);
    let names: Vec<&str> = languages.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, demo.languages);

    // A member without certifications: an empty list, not an error.
    let none = w
        .people
        .iter()
        .find(|p| p.certifications.is_empty())
        .unwrap();
    let certifications = f
        .linkedin
        .profile_certifications(&none.public_id)
        .await
        .unwrap();
    assert!(certifications.is_empty());
}

#[tokio::test]
async fn contact_info_shows_the_email_to_connections_only() {
    let f = common::start().await;
    let w = world();
    let connection = (1..w.people.len()).find(|&i| w.connected(0, i)).unwrap();
    let stranger = (3..w.people.len()).find(|&i| !w.connected(0, i)).unwrap();

    let p = &w.people[connection];
    let mark = f.mark();
    let info = f.linkedin.profile_contact_info(&p.public_id).await.unwrap();
    f.snapshot("profile_profile_contact_info", mark, &info);
    assert_eq!(info.email_address.as_deref(), Some(p.email.as_str()));
    assert!(info.phone_numbers.is_empty() && info.websites.is_empty());
    assert_eq!(info.address, None);

    let p = &w.people[stranger];
    let info = f
        .linkedin
        .profile_contact_info(&p.profile_id)
        .await
        .unwrap();
    assert_eq!(info.email_address, None);
}

#[tokio::test]
async fn full_profile_is_one_request_even_by_a_public_id_never_seen() {
    let latency = Duration::from_millis(100);
    let f = common::start_with(Faults {
        latency: Some(latency),
        ..Faults::default()
    })
    .await;
    let w = world();
    let demo = &w.people[0];

    let mark = f.mark();
    let started = Instant::now();
    let full = f.linkedin.full_profile("demo-member").await.unwrap();
    let wall = started.elapsed();
    println!(
        "full_profile(\"demo-member\") with {} ms of latency per answer: {} ms (one request)",
        latency.as_millis(),
        wall.as_millis()
    );

    // Every part is there.
    assert_eq!(full.profile.entity_urn, DEMO_URN);
    assert_eq!(full.profile.first_name, demo.first_name);
    assert_eq!(full.experiences.len(), demo.experiences.len());
    assert_eq!(full.skills.len(), demo.skills.len());
    assert_eq!(full.education.len(), demo.education.len());
    assert_eq!(full.certifications.len(), demo.certifications.len());
    assert_eq!(full.languages.len(), demo.languages.len());
    assert_eq!(
        full.contact_info.email_address.as_deref(),
        Some(demo.email.as_str())
    );

    // One request, by the public id itself: no resolution first.
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["path"], "/voyager/api/identity/dash/profiles");
    assert_eq!(sent[0]["query"]["memberIdentity"], "demo-member");
    assert!(
        sent[0]["query"]["decorationId"].as_str() == endpoints::PROFILE_WITH_SECTIONS.decoration_id
    );
    // An ongoing position's duration runs to the current month: not for a snapshot.
    let mut stable = full.clone();
    for e in stable.experiences.iter_mut().filter(|e| e.is_current()) {
        e.duration = Some("[up to this month]".to_owned());
    }
    f.snapshot("profile_full_profile", mark, &stable);

    // The public id it found is remembered: resolving it sends nothing.
    let mark = f.mark();
    let urn = f.linkedin.resolve_public_id("demo-member").await.unwrap();
    assert_eq!(urn, DEMO_URN);
    assert!(f.sent_since(mark).is_empty());
}

#[tokio::test]
async fn profile_sections_is_the_full_profiles_one_request_read_part_by_part() {
    let f = common::start().await;
    let full = f.linkedin.full_profile("demo-member").await.unwrap();

    let mark = f.mark();
    let answer = f.linkedin.profile_sections(DEMO_URN).await.unwrap();
    let sent = f.sent_since(mark);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        sent[0]["query"]["decorationId"].as_str(),
        endpoints::PROFILE_WITH_SECTIONS.decoration_id
    );
    // Each part as the whole profile gives it, read from the same answer.
    assert_eq!(answer.profile().unwrap(), full.profile);
    assert_eq!(answer.skills().unwrap(), full.skills);
    assert_eq!(answer.education().unwrap(), full.education);
    assert_eq!(answer.certifications().unwrap(), full.certifications);
    assert_eq!(answer.languages().unwrap(), full.languages);
    assert_eq!(answer.contact_info().unwrap(), full.contact_info);
    assert_eq!(answer.experiences().unwrap().len(), full.experiences.len());
    assert_eq!(answer.raw()["entityUrn"], DEMO_URN);
    assert_eq!(
        f.sent_since(mark).len(),
        1,
        "reading the parts sends nothing"
    );

    // By a public id never seen: one request, and the id is remembered.
    let fresh = common::start().await;
    let mark = fresh.mark();
    let answer = fresh
        .linkedin
        .profile_sections("demo-member")
        .await
        .unwrap();
    assert_eq!(answer.profile().unwrap().entity_urn, DEMO_URN);
    assert_eq!(fresh.sent_since(mark).len(), 1);
    fresh
        .linkedin
        .resolve_public_id("demo-member")
        .await
        .unwrap();
    assert_eq!(fresh.sent_since(mark).len(), 1, "remembered");
}

#[tokio::test]
async fn full_profile_positions_read_as_the_experience_section_does() {
    let f = common::start().await;
    let w = world();
    // Everyone with positions grouped at one company, and a few more.
    let grouped = |p: &&linkedin_sandbox::world::Person| {
        p.experiences
            .windows(2)
            .any(|pair| pair[0].company == pair[1].company)
    };
    let people: Vec<_> = w
        .people
        .iter()
        .filter(grouped)
        .take(3)
        .chain(w.people.iter().take(3))
        .collect();
    assert!(people.len() >= 4, "the world has grouped positions");
    for p in people {
        let full = f.linkedin.full_profile(&p.profile_id).await.unwrap();
        let mut section = f.linkedin.profile_experiences(&p.profile_id).await.unwrap();
        assert_eq!(full.experiences.len(), p.experiences.len());
        // An ongoing position's duration runs to this month on the client and to the
        // sandbox's fixed "present" in its display texts: compare everything else.
        let mut positions = full.experiences.clone();
        for e in positions.iter_mut().chain(section.iter_mut()) {
            if e.is_current() {
                e.duration = None;
            }
        }
        assert_eq!(positions, section, "{}", p.public_id);
    }
}

#[tokio::test]
async fn full_profile_of_someone_the_finder_does_not_know_asks_the_page_then_reports_nobody() {
    let f = common::start().await;
    let mark = f.mark();
    let err = f
        .linkedin
        .full_profile("nobody-has-this-id")
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::NotFound { what } if what.contains("nobody-has-this-id")),
        "{err}"
    );
    let sent = f.sent_since(mark);
    let ids: Vec<_> = sent
        .iter()
        .map(|r| {
            let q = &r["query"];
            q["decorationId"]
                .as_str()
                .or(q["queryId"].as_str())
                .unwrap_or("")
        })
        .collect();
    assert_eq!(paths(&f, mark).len(), 3, "{sent:?}");
    assert_eq!(Some(ids[0]), endpoints::PROFILE_WITH_SECTIONS.decoration_id);
    assert_eq!(Some(ids[1]), endpoints::PROFILE_BY_VANITY.query_id);
    assert_eq!(sent[2]["path"], "/in/nobody-has-this-id/");
}

#[tokio::test]
async fn current_profile_views_counts_the_last_90_days() {
    let f = common::start().await;
    let w = world();
    let since = 1_795_478_400_000 - 90 * 24 * 60 * 60 * 1000;
    let expected = w
        .profile_views
        .iter()
        .filter(|v| v.viewed == 0 && v.at >= since)
        .count() as u64;
    let mark = f.mark();
    let views = f.linkedin.current_profile_views().await.unwrap();
    f.snapshot("profile_current_profile_views", mark, &views);
    assert_eq!(views.num_views, expected);
    assert!(views.num_views > 0);
}

#[tokio::test]
async fn a_resolved_public_id_is_remembered() {
    let f = common::start().await;
    let mark = f.mark();
    let first = f.linkedin.resolve_public_id("demo-member").await.unwrap();
    let lookups = f.sent_since(mark).len();
    assert_eq!(lookups, 1);
    let again = f.linkedin.resolve_public_id("Demo-Member").await.unwrap();
    assert_eq!(first, again);
    assert_eq!(f.sent_since(mark).len(), lookups, "no second lookup");
    // A full profile by the same public id is still one request.
    let mark = f.mark();
    f.linkedin.full_profile("demo-member").await.unwrap();
    assert_eq!(f.sent_since(mark).len(), 1);
}
