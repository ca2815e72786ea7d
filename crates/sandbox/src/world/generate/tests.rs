//! The generated world is coherent: counts, id formats, references, dates and texts.

use std::collections::HashSet;
use std::hash::Hash;

use super::generate;
use super::linkedin_id;
use super::people::ordered;
use super::text::title_case;
use crate::world::accounts;
use crate::world::clock::{DAY_MS, PRESENT_MONTH, PRESENT_MS, month_number, month_of};
use crate::world::model::{Author, World};

/// The world of seed 0, built once per test.
fn world() -> World {
    generate(0)
}

/// Whether every item is different.
fn unique<T: Eq + Hash>(items: impl IntoIterator<Item = T>) -> bool {
    let mut seen = HashSet::new();
    items.into_iter().all(|item| seen.insert(item))
}

/// Each person's number of connections.
fn degrees(world: &World) -> Vec<usize> {
    let mut degrees = vec![0; world.people.len()];
    for &(a, b) in &world.connections {
        degrees[a] += 1;
        degrees[b] += 1;
    }
    degrees
}

/// Whether two people are connected.
fn connected(world: &World, a: usize, b: usize) -> bool {
    world.connections.binary_search(&ordered(a, b)).is_ok()
}

/// Whether `id` is `2-` and padded standard base64 ending in `==`.
fn is_message_style(id: &str) -> bool {
    let Some(body) = id.strip_prefix("2-") else {
        return false;
    };
    body.len() % 4 == 0
        && body.ends_with("==")
        && body
            .trim_end_matches('=')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/')
}

/// The number of decimal digits of `n`.
fn digits(n: u64) -> usize {
    n.to_string().len()
}

#[test]
fn same_seed_same_world_other_seed_other_world() {
    assert_eq!(generate(7), generate(7));
    assert_ne!(generate(7), generate(8));
    assert_eq!(world(), world());
}

#[test]
fn counts() {
    let w = world();
    assert!(w.people.len() >= 1_200);
    assert!(w.companies.len() >= 30);
    assert!(w.schools.len() >= 10);
    assert!(w.jobs.len() >= 50);
    assert!(w.posts.len() >= 100);
    assert!(w.conversations.len() >= 40);
    assert!(
        w.conversations
            .iter()
            .map(|c| c.messages.len())
            .sum::<usize>()
            >= 300
    );
    assert!(w.conversations.iter().any(|c| c.messages.len() >= 60));
    assert!(w.invitations.iter().filter(|i| i.to == 0).count() >= 12);
    assert!(w.invitations.iter().filter(|i| i.from == 0).count() >= 5);
    let promoted = w.posts.iter().filter(|p| p.promoted).count() * 100;
    assert!(promoted >= 5 * w.posts.len() && promoted <= 10 * w.posts.len());
}

#[test]
fn counts_hold_for_other_seeds() {
    for seed in [1, 2, 42, u64::MAX] {
        let w = generate(seed);
        assert!(
            w.conversations
                .iter()
                .map(|c| c.messages.len())
                .sum::<usize>()
                >= 300
        );
        let d = degrees(&w);
        assert!(d[2] >= 1_050);
        assert!(d.iter().all(|&n| n > 0));
    }
}

#[test]
fn accounts_are_the_first_two_people() {
    let w = world();
    for (person, account) in w.people.iter().zip(accounts()) {
        let member = account.person;
        assert_eq!(person.profile_id, member.profile_id);
        assert_eq!(person.member_id, member.member_id);
        assert_eq!(person.public_id, member.public_id);
        assert_eq!(person.first_name, member.first_name);
        assert_eq!(person.last_name, member.last_name);
        assert_eq!(person.headline, member.headline);
    }
    assert_eq!(w.people[0].first_name, "Dana");
    assert_eq!(w.people[1].first_name, "Casey");
}

#[test]
fn ids_are_unique() {
    let w = world();
    assert!(unique(w.people.iter().map(|p| &p.profile_id)));
    assert!(unique(w.people.iter().map(|p| p.member_id)));
    assert!(unique(w.people.iter().map(|p| &p.public_id)));
    assert!(unique(w.companies.iter().map(|c| c.id)));
    assert!(unique(w.companies.iter().map(|c| &c.universal_name)));
    assert!(unique(w.schools.iter().map(|s| s.id)));
    assert!(unique(w.schools.iter().map(|s| &s.universal_name)));
    assert!(unique(w.jobs.iter().map(|j| j.id)));
    assert!(unique(w.posts.iter().map(|p| p.activity_id)));
    assert!(unique(
        w.posts.iter().flat_map(|p| &p.comments).map(|c| c.id)
    ));
    assert!(unique(w.conversations.iter().map(|c| &c.thread_id)));
    assert!(unique(
        w.conversations
            .iter()
            .flat_map(|c| &c.messages)
            .map(|m| &m.id)
    ));
    assert!(unique(w.invitations.iter().map(|i| i.id)));
}

#[test]
fn id_formats() {
    let w = world();
    for p in &w.people {
        assert_eq!(p.profile_id.len(), 39, "{}", p.profile_id);
        assert!(p.profile_id.starts_with("ACoAA"));
        assert!(
            p.profile_id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        );
        assert_eq!(digits(p.member_id), 9);
        assert!(!p.public_id.is_empty());
        assert!(
            p.public_id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
        let domain = p.email.rsplit('@').next().unwrap_or_default();
        assert!(domain.contains("example"), "{}", p.email);
    }
    for c in w.companies.iter().skip(1) {
        assert!((5..=8).contains(&digits(c.id)));
        assert!(
            c.universal_name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        );
        assert!(!c.universal_name.starts_with('-') && !c.universal_name.ends_with('-'));
    }
    assert!(w.jobs.iter().all(|j| digits(j.id) == 10));
    for post in &w.posts {
        assert_eq!(digits(post.activity_id), 19);
        assert!(post.activity_id.to_string().starts_with('7'));
        assert!(post.comments.iter().all(|c| digits(c.id) == 19));
    }
    for c in &w.conversations {
        assert!(is_message_style(&c.thread_id), "{}", c.thread_id);
        assert!(c.messages.iter().all(|m| is_message_style(&m.id)));
    }
    for i in &w.invitations {
        assert_eq!(digits(i.id), 19);
        assert_eq!(i.shared_secret.len(), 8);
        assert!(i.shared_secret.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}

#[test]
fn ids_end_in_padding_and_titles_are_cased() {
    assert_eq!(linkedin_id(b"abc"), "2-YWJjXw==");
    assert!(linkedin_id(b"abcd").ends_with("=="));
    assert_eq!(title_case("platform engineering"), "Platform Engineering");
}

#[test]
fn references_are_in_range() {
    let w = world();
    let (people, companies, schools) = (w.people.len(), w.companies.len(), w.schools.len());
    for p in &w.people {
        assert!(p.experiences.iter().all(|e| e.company < companies));
        assert!(p.education.iter().all(|e| e.school < schools));
    }
    assert!(w.jobs.iter().all(|j| j.company < companies));
    for post in &w.posts {
        match post.author {
            Author::Person(i) => assert!(i < people),
            Author::Company(i) => assert!(i < companies),
        }
        assert!(post.comments.iter().all(|c| c.author < people));
        assert!(post.reactions.iter().all(|r| r.person < people));
    }
    for c in &w.conversations {
        assert!(c.participants.iter().all(|&p| p > 0 && p < people));
        assert!(c.messages.iter().all(|m| m.sender < people));
    }
    assert!(
        w.invitations
            .iter()
            .all(|i| i.from < people && i.to < people)
    );
    assert!(w.connections.iter().all(|&(a, b)| b < people && a < b));
}

#[test]
fn people_are_plausible() {
    let w = world();
    let mut geo = std::collections::HashMap::new();
    let mut industry = std::collections::HashMap::new();
    for p in &w.people {
        assert!((1..=4).contains(&p.experiences.len()));
        assert!(p.education.len() <= 2);
        assert!((3..=12).contains(&p.skills.len()));
        assert!(unique(&p.skills));
        assert!(p.experiences.iter().filter(|e| e.end.is_none()).count() <= 1);
        assert!(p.experiences.iter().skip(1).all(|e| e.end.is_some()));
        for e in &p.experiences {
            assert!(
                e.end
                    .is_none_or(|end| e.start < end && end <= PRESENT_MONTH)
            );
            assert!((1..=12).contains(&e.start.1));
        }
        for pair in p.experiences.windows(2) {
            assert!(pair[0].start >= pair[1].start);
        }
        for e in &p.education {
            assert!(e.years.0 < e.years.1);
        }
        assert!(!p.headline.is_empty() && !p.summary.is_empty() && !p.location.is_empty());
        assert_eq!(*geo.entry(&p.location).or_insert(p.geo_id), p.geo_id);
        assert_eq!(
            *industry.entry(&p.industry).or_insert(p.industry_id),
            p.industry_id
        );
    }
    assert!(w.people[2].headline.contains("Recruiter"));
}

#[test]
fn the_demo_account_has_a_full_profile() {
    let w = world();
    let demo = &w.people[0];
    assert!(demo.experiences.len() >= 4);
    assert_eq!(demo.education.len(), 2);
    assert!(demo.skills.len() >= 10);
    let [current, previous, ..] = demo.experiences.as_slice() else {
        panic!("too few positions");
    };
    assert_eq!(current.company, previous.company);
    assert!(current.end.is_none());
    let end = previous.end.unwrap_or_default();
    assert!(end < current.start);
    assert_eq!(month_of(month_number(end) + 1), current.start);
    let demo_connections = degrees(&w)[0];
    assert!((140..=160).contains(&demo_connections));
}

#[test]
fn profile_views_are_of_others_and_recent() {
    let w = world();
    let people = w.people.len();
    assert!(
        w.profile_views
            .iter()
            .all(|v| v.viewer < people && v.viewed < people && v.viewer != v.viewed)
    );
    assert!(w.profile_views.iter().all(|v| v.at < PRESENT_MS));
    assert!(w.profile_views.windows(2).all(|p| p[0].at >= p[1].at));
    let of_demo = w.profile_views.iter().filter(|v| v.viewed == 0).count();
    assert!((60..=90).contains(&of_demo), "{of_demo}");
}

#[test]
fn connections_are_normalized() {
    let w = world();
    assert!(w.connections.iter().all(|&(a, b)| a < b));
    assert!(unique(&w.connections));
    let d = degrees(&w);
    assert!(d[2] >= 1_050);
    assert!(d.iter().all(|&n| n > 0));
}

#[test]
fn special_company_and_school() {
    let w = world();
    let linkedin = w.companies.iter().find(|c| c.universal_name == "linkedin");
    let linkedin = linkedin.unwrap_or_else(|| panic!("no LinkedIn"));
    assert_eq!((linkedin.id, linkedin.name.as_str()), (1337, "LinkedIn"));
    assert_eq!(linkedin.industry, "Software Development");
    assert_eq!(linkedin.headquarters, "Sunnyvale, California");
    let uq = w
        .schools
        .iter()
        .find(|s| s.universal_name == "university-of-queensland");
    let uq = uq.unwrap_or_else(|| panic!("no UQ"));
    assert_eq!(uq.name, "The University of Queensland");
    assert_eq!(uq.location, "Brisbane, Queensland");
}

#[test]
fn jobs_are_well_formed() {
    let w = world();
    for j in &w.jobs {
        assert!(["ON_SITE", "REMOTE", "HYBRID"].contains(&j.workplace.as_str()));
        assert!(
            ["FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP"].contains(&j.employment.as_str())
        );
        assert!(
            [
                "ENTRY_LEVEL",
                "ASSOCIATE",
                "MID_SENIOR",
                "DIRECTOR",
                "EXECUTIVE"
            ]
            .contains(&j.experience_level.as_str())
        );
        assert!(j.listed_at < PRESENT_MS && j.listed_at >= PRESENT_MS - 30 * DAY_MS);
        assert!(j.description.matches("\n\n").count() >= 2);
        assert!(!j.skills.is_empty());
    }
}

#[test]
fn posts_comments_and_reactions_are_coherent() {
    let w = world();
    let kinds = [
        "LIKE",
        "PRAISE",
        "EMPATHY",
        "INTEREST",
        "APPRECIATION",
        "ENTERTAINMENT",
    ];
    for post in &w.posts {
        assert!(post.created_at < PRESENT_MS && post.created_at >= PRESENT_MS - 120 * DAY_MS);
        assert!(post.comments.len() <= 8 && post.reactions.len() <= 40);
        assert!(
            post.comments
                .iter()
                .all(|c| c.created_at > post.created_at && c.created_at < PRESENT_MS)
        );
        assert!(
            post.comments
                .windows(2)
                .all(|p| p[0].created_at <= p[1].created_at)
        );
        assert!(unique(post.reactions.iter().map(|r| r.person)));
        assert!(
            post.reactions
                .iter()
                .all(|r| kinds.contains(&r.kind.as_str()))
        );
    }
    assert!(w.posts.iter().any(|p| p.author == Author::Person(0)));
    assert!(
        w.posts
            .iter()
            .any(|p| matches!(p.author, Author::Company(_)))
    );
    assert!(
        w.posts
            .iter()
            .any(|p| matches!(p.author, Author::Person(a) if a > 0 && connected(&w, 0, a)))
    );
}

#[test]
fn mailbox_is_coherent() {
    let w = world();
    for c in &w.conversations {
        assert!((1..=3).contains(&c.participants.len()));
        assert!(unique(&c.participants));
        assert!(["PRIMARY_INBOX", "SECONDARY_INBOX", "ARCHIVE"].contains(&c.category.as_str()));
        assert!(!c.messages.is_empty());
        assert!(
            c.messages
                .windows(2)
                .all(|m| m[0].delivered_at < m[1].delivered_at)
        );
        assert!(c.messages.iter().all(|m| m.delivered_at < PRESENT_MS));
        assert!(
            c.messages
                .iter()
                .all(|m| m.sender == 0 || c.participants.contains(&m.sender))
        );
    }
    let unread = w
        .conversations
        .iter()
        .filter(|c| !c.read && c.messages.last().is_some_and(|m| m.sender != 0))
        .count();
    assert!(unread >= 5);
    assert!(
        w.conversations
            .iter()
            .all(|c| c.read || c.messages.last().is_some_and(|m| m.sender != 0))
    );
    let categories: HashSet<&str> = w
        .conversations
        .iter()
        .map(|c| c.category.as_str())
        .collect();
    assert_eq!(categories.len(), 3);
    let with_connections = w
        .conversations
        .iter()
        .filter(|c| c.participants.iter().all(|&p| connected(&w, 0, p)))
        .count();
    assert!(with_connections * 2 > w.conversations.len());
}

#[test]
fn invitations_are_between_strangers() {
    let w = world();
    for i in &w.invitations {
        assert!(i.from != i.to && (i.from == 0 || i.to == 0));
        assert!(!connected(&w, i.from, i.to));
        assert!(i.sent_at < PRESENT_MS && i.sent_at >= PRESENT_MS - 60 * DAY_MS);
        assert!(i.message.as_ref().is_none_or(|m| m.chars().count() <= 300));
    }
    assert!(
        w.invitations
            .iter()
            .any(|i| i.message.as_ref().is_some_and(|m| m.chars().count() == 300))
    );
    assert!(unique(w.invitations.iter().map(|i| (i.from, i.to))));
}

#[test]
fn texts_are_searchable() {
    let w = world();
    for word in ["rust", "kubernetes", "product", "design", "data"] {
        let people = w.people.iter().filter(|p| {
            p.headline.to_lowercase().contains(word) || p.summary.to_lowercase().contains(word)
        });
        assert!(people.count() >= 10, "{word} in people");
        let jobs = w
            .jobs
            .iter()
            .filter(|j| j.description.to_lowercase().contains(word));
        assert!(jobs.count() >= 3, "{word} in jobs");
        let posts = w
            .posts
            .iter()
            .filter(|p| p.text.to_lowercase().contains(word));
        assert!(posts.count() >= 3, "{word} in posts");
    }
}

#[test]
fn everything_is_in_the_past() {
    let w = world();
    assert!(w.jobs.iter().all(|j| j.listed_at < PRESENT_MS));
    assert!(w.posts.iter().all(|p| p.created_at < PRESENT_MS));
    assert!(w.invitations.iter().all(|i| i.sent_at < PRESENT_MS));
}
