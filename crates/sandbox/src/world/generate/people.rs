//! People: the demo account, the challenge account, the hub recruiter and everyone else, with
//! their careers, the connections between them and who viewed whose profile.

use std::collections::BTreeSet;

use fastrand::Rng;

use super::random::{chance, pick, sample, two, weighted};
use super::text::join_and;
use super::words::{
    BACHELORS, EMAIL_DOMAINS, FIRST_NAMES, GENERAL_SKILLS, INDUSTRIES, LANGUAGES, LAST_NAMES,
    MASTERS, PLACES, POSITION_VERBS, SUMMARY_CLOSINGS, TRACK_WEIGHTS, TRACKS, Track,
};
use super::{Builder, PEOPLE};
use crate::world::clock::{DAY_MS, MINUTE_MS, PRESENT_MONTH, PRESENT_MS, month_number, month_of};
use crate::world::model::{Education, Experience, Person, ProfileView};
use crate::world::{Member, accounts};

/// The present's [`month_number`].
const PRESENT_MONTH_NUMBER: u32 = month_number(PRESENT_MONTH);
/// How many connections the demo account has.
const DEMO_CONNECTIONS: usize = 150;
/// How many connections the hub (`people[2]`, a recruiter) has.
const HUB_CONNECTIONS: usize = 1_080;
/// Mixed into the seed for the profile views, which have a generator of their own (added
/// after the rest of the world, they must not change it).
const VIEWS_SEED: u64 = 0x5649_4557_535f_5756;

/// Index of the demo account's employer in [`World::companies`](crate::world::World::companies).
const NORTHWIND: usize = 1;
/// Index of the hub's employer in [`World::companies`](crate::world::World::companies).
const BRIGHTMOOR: usize = 10;
/// Index of the University of Queensland in [`World::schools`](crate::world::World::schools).
const QUEENSLAND: usize = 0;
/// Index of the recruiting track in [`TRACKS`].
const RECRUITING: usize = 6;
/// Index of the product track in [`TRACKS`].
const PRODUCT: usize = 2;

impl Builder {
    /// A fresh `ACoAA...` profile id of 39 characters.
    fn profile_id(&mut self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        loop {
            let mut id = String::from("ACoAA");
            for _ in 0..34 {
                id.push(char::from(ALPHABET[self.rng.usize(..ALPHABET.len())]));
            }
            if self.claim(&id) {
                return id;
            }
        }
    }

    /// A fresh vanity name: `first-last`, with a short suffix when that is taken.
    fn vanity(&mut self, first: &str, last: &str) -> String {
        let base = format!("{}-{}", first.to_lowercase(), last.to_lowercase());
        if self.claim(&base) {
            return base;
        }
        loop {
            let id = format!("{base}-{:x}", self.rng.u32(0x10_0000..0x100_0000));
            if self.claim(&id) {
                return id;
            }
        }
    }

    /// The demo account, the challenge account, the hub recruiter and everyone else.
    pub(super) fn people(&mut self) {
        let accounts = accounts();
        for account in &accounts {
            self.claim(account.person.profile_id);
            self.claim(account.person.public_id);
            self.numbers.insert(account.person.member_id);
        }
        let demo = self.demo(&accounts[0].person);
        self.world.people.push(demo);
        self.tracks.push(0);

        let mut casey = self.person(PRODUCT);
        let member = &accounts[1].person;
        casey.profile_id = member.profile_id.into();
        casey.member_id = member.member_id;
        casey.public_id = member.public_id.into();
        casey.first_name = member.first_name.into();
        casey.last_name = member.last_name.into();
        casey.headline = member.headline.into();
        casey.email = "casey.okafor@example.org".into();
        if let Some(current) = casey.experiences.first_mut() {
            current.title = "Product Manager".into();
            current.end = None;
        }
        self.world.people.push(casey);
        self.tracks.push(PRODUCT);

        let mut hub = self.person(RECRUITING);
        if let Some(current) = hub.experiences.first_mut() {
            current.title = "Senior Technical Recruiter".into();
            current.company = BRIGHTMOOR;
            current.end = None;
        }
        hub.headline = format!(
            "Senior Technical Recruiter at {} | Hiring Rust, Kubernetes and data engineers",
            self.world.companies[BRIGHTMOOR].name
        );
        hub.followers = 18_500 + self.rng.u32(0..3_000);
        self.world.people.push(hub);
        self.tracks.push(RECRUITING);

        while self.world.people.len() < PEOPLE {
            let track = weighted(&mut self.rng, TRACK_WEIGHTS);
            let person = self.person(track);
            self.world.people.push(person);
            self.tracks.push(track);
        }
    }

    /// The demo account: a staff engineer promoted at Northwind Robotics.
    fn demo(&mut self, member: &Member) -> Person {
        let (location, geo_id) = PLACES[3];
        let (industry, industry_id) = INDUSTRIES[0];
        let position = |company, title: &str, description: &str, start, end| Experience {
            company,
            title: title.into(),
            description: description.into(),
            start,
            end,
        };
        Person {
            profile_id: member.profile_id.into(),
            member_id: member.member_id,
            public_id: member.public_id.into(),
            first_name: member.first_name.into(),
            last_name: member.last_name.into(),
            headline: member.headline.into(),
            summary: "Staff engineer building the software that lets warehouse robots work \
                safely next to people. Ten years of systems programming, the last six in Rust, \
                running on Kubernetes at the edge. I care about reliable distributed systems, \
                clear design docs and growing engineers. Always happy to talk about Rust, \
                robotics and data pipelines."
                .into(),
            location: location.into(),
            geo_id,
            industry: industry.into(),
            industry_id,
            experiences: vec![
                position(
                    NORTHWIND,
                    "Staff Engineer",
                    "Technical lead for the fleet platform: Rust services on Kubernetes \
                     coordinating four hundred robots per site.",
                    (2023, 4),
                    None,
                ),
                position(
                    NORTHWIND,
                    "Senior Software Engineer",
                    "Built the telemetry pipeline and the embedded Rust firmware updater.",
                    (2020, 9),
                    Some((2023, 3)),
                ),
                position(
                    5,
                    "Software Engineer",
                    "Worked on the real-time collaboration engine and its PostgreSQL storage.",
                    (2017, 10),
                    Some((2020, 8)),
                ),
                position(
                    20,
                    "Junior Software Engineer",
                    "Gameplay networking and the build pipeline.",
                    (2015, 9),
                    Some((2017, 9)),
                ),
            ],
            education: vec![
                Education {
                    school: QUEENSLAND,
                    degree: "Master of Science".into(),
                    field: "Computer Science".into(),
                    years: (2013, 2015),
                },
                Education {
                    school: 4,
                    degree: "Bachelor of Engineering".into(),
                    field: "Mechatronics".into(),
                    years: (2009, 2013),
                },
            ],
            skills: [
                "Rust",
                "Kubernetes",
                "Distributed Systems",
                "Embedded Systems",
                "Go",
                "PostgreSQL",
                "gRPC",
                "System Design",
                "Linux",
                "Observability",
                "Robotics",
                "Technical Leadership",
            ]
            .map(String::from)
            .to_vec(),
            certifications: vec!["Certified Kubernetes Administrator (CKA)".into()],
            languages: ["French", "English", "Spanish"].map(String::from).to_vec(),
            email: "demo@example.com".into(),
            followers: 1_284,
        }
    }

    /// A random person on `track`.
    fn person(&mut self, track_index: usize) -> Person {
        let track = &TRACKS[track_index];
        let first = *pick(&mut self.rng, FIRST_NAMES);
        let last = *pick(&mut self.rng, LAST_NAMES);
        let public_id = self.vanity(first, last);
        let profile_id = self.profile_id();
        let member_id = self.unique_number(100_000_000..=999_999_999);
        let &(location, geo_id) = pick(&mut self.rng, PLACES);
        let (industry, industry_id) = INDUSTRIES[track.industry];
        let experiences = self.experiences(track);
        let earliest = experiences
            .last()
            .map_or(PRESENT_MONTH_NUMBER / 12 - 3, |e| u32::from(e.start.0));
        let education = self.education(track, earliest);
        let skills = self.skills(track);
        let certifications = if chance(&mut self.rng, 0.3) {
            let n = self.rng.usize(1..=2);
            sample(&mut self.rng, track.certifications, n)
                .into_iter()
                .map(String::from)
                .collect()
        } else {
            Vec::new()
        };
        let languages = if chance(&mut self.rng, 0.7) {
            let n = self.rng.usize(0..=2);
            let mut languages = vec![String::from("English")];
            languages.extend(
                sample(&mut self.rng, LANGUAGES, n)
                    .into_iter()
                    .map(String::from),
            );
            languages
        } else {
            Vec::new()
        };
        let headline = self.headline(&experiences, &skills);
        let summary = self.summary(track, &experiences, &skills);
        let domain = pick(&mut self.rng, EMAIL_DOMAINS);
        let followers = self.rng.u32(15..=2_500);
        Person {
            email: format!("{}@{domain}", public_id.replace('-', ".")),
            profile_id,
            member_id,
            public_id,
            first_name: first.into(),
            last_name: last.into(),
            headline,
            summary,
            location: location.into(),
            geo_id,
            industry: industry.into(),
            industry_id,
            experiences,
            education,
            skills,
            certifications,
            languages,
            followers,
        }
    }

    /// One to four positions on `track`, most recent first, at most the first one current.
    fn experiences(&mut self, track: &Track) -> Vec<Experience> {
        let count = 1 + weighted(&mut self.rng, &[30, 35, 22, 13]);
        let mut level = self.rng.usize(..track.titles.len());
        let current = chance(&mut self.rng, 0.85);
        let mut cursor = PRESENT_MONTH_NUMBER - if current { 0 } else { self.rng.u32(1..=14) };
        let mut company = self.rng.usize(..self.world.companies.len());
        let mut experiences = Vec::with_capacity(count);
        for i in 0..count {
            let start = cursor - self.rng.u32(8..=54);
            let (d1, d2) = two(&mut self.rng, track.duties);
            let verb = pick(&mut self.rng, POSITION_VERBS);
            experiences.push(Experience {
                company,
                title: track.titles[level].into(),
                description: format!("{verb} {d1}, and {d2}."),
                start: month_of(start),
                end: (i > 0 || !current).then(|| month_of(cursor)),
            });
            cursor = start - self.rng.u32(0..=3);
            let promoted = level > 0 && chance(&mut self.rng, 0.6);
            if promoted {
                level -= 1;
            }
            if !(promoted && chance(&mut self.rng, 0.3)) {
                company = self.rng.usize(..self.world.companies.len());
            }
        }
        experiences
    }

    /// Zero to two schools, most recent first, finished around `first_job_year`.
    fn education(&mut self, track: &Track, first_job_year: u32) -> Vec<Education> {
        let count = weighted(&mut self.rng, &[15, 60, 25]);
        let graduated = (first_job_year - self.rng.u32(0..=1)) as u16;
        let schools = sample(
            &mut self.rng,
            &(0..self.world.schools.len()).collect::<Vec<_>>(),
            2,
        );
        let field = pick(&mut self.rng, track.fields);
        let bachelor = pick(&mut self.rng, BACHELORS);
        let master = pick(&mut self.rng, MASTERS);
        let entry = |school, degree: &str, years| Education {
            school,
            degree: degree.into(),
            field: (*field).into(),
            years,
        };
        match count {
            0 => Vec::new(),
            1 => vec![entry(schools[0], bachelor, (graduated - 4, graduated))],
            _ => vec![
                entry(schools[0], master, (graduated - 2, graduated)),
                entry(schools[1], bachelor, (graduated - 6, graduated - 2)),
            ],
        }
    }

    /// Three to twelve skills, the track's first.
    fn skills(&mut self, track: &Track) -> Vec<String> {
        let count = self.rng.usize(3..=12);
        let mut skills = sample(&mut self.rng, track.skills, count.min(track.skills.len()));
        if count > skills.len() {
            skills.extend(sample(&mut self.rng, GENERAL_SKILLS, count - skills.len()));
        }
        skills.into_iter().map(String::from).collect()
    }

    /// The line under the name, from the current (or last) position.
    fn headline(&mut self, experiences: &[Experience], skills: &[String]) -> String {
        let Some(latest) = experiences.first() else {
            return "Open to work".into();
        };
        let company = &self.world.companies[latest.company].name;
        let mut headline = if latest.end.is_none() {
            format!("{} at {company}", latest.title)
        } else {
            format!("{} | Previously at {company} | Open to work", latest.title)
        };
        if skills.len() >= 2 && chance(&mut self.rng, 0.35) {
            headline = format!("{headline} | {} · {}", skills[0], skills[1]);
        }
        headline
    }

    /// The About section.
    fn summary(&mut self, track: &Track, experiences: &[Experience], skills: &[String]) -> String {
        let years = experiences.last().map_or(1, |e| {
            (PRESENT_MONTH_NUMBER / 12)
                .saturating_sub(u32::from(e.start.0))
                .max(1)
        });
        let focus = join_and(
            &skills
                .iter()
                .take(3)
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        let duty = pick(&mut self.rng, track.duties);
        let closing = pick(&mut self.rng, SUMMARY_CLOSINGS);
        format!(
            "{years} years in {}. Most of my work is around {focus}; lately that meant {duty}. \
             {closing}",
            track.team
        )
    }

    /// The connection graph: the demo with ~150, the hub with 1,050+, everyone with some.
    pub(super) fn connections(&mut self) {
        let mut pairs = BTreeSet::new();
        let others: Vec<usize> = (2..PEOPLE).collect();
        let mut demo = sample(&mut self.rng, &others[1..], DEMO_CONNECTIONS - 1);
        demo.push(2);
        for b in demo {
            pairs.insert((0, b));
        }
        let everyone_but_hub: Vec<usize> = (0..PEOPLE).filter(|&i| i != 2).collect();
        for a in sample(&mut self.rng, &everyone_but_hub[1..], HUB_CONNECTIONS) {
            pairs.insert(ordered(a, 2));
        }
        for a in 1..PEOPLE {
            let extra = self.rng.usize(0..=3);
            let mut added = 0;
            while added <= extra {
                let b = self.rng.usize(1..PEOPLE);
                if a != b && b != 2 {
                    pairs.insert(ordered(a, b));
                    added += 1;
                }
            }
        }
        self.links = vec![Vec::new(); PEOPLE];
        for &(a, b) in &pairs {
            self.links[a].push(b);
            self.links[b].push(a);
        }
        for list in &mut self.links {
            list.sort_unstable();
        }
        self.world.connections = pairs.into_iter().collect();
    }

    /// Who viewed whose profile in the last half year: the demo account's profile often,
    /// everyone else's now and then. Drawn from a generator of its own (see [`VIEWS_SEED`]).
    pub(super) fn profile_views(&mut self, seed: u64) {
        let mut rng = Rng::with_seed(seed ^ VIEWS_SEED);
        let people = self.world.people.len();
        let mut views = Vec::new();
        for viewed in 0..people {
            let count = if viewed == 0 {
                rng.usize(60..=90)
            } else {
                rng.usize(0..=6)
            };
            for _ in 0..count {
                let mut viewer = rng.usize(..people);
                if viewer == viewed {
                    viewer = (viewer + 1) % people;
                }
                let at = PRESENT_MS - rng.u64(MINUTE_MS..180 * DAY_MS);
                views.push(ProfileView { viewer, viewed, at });
            }
        }
        views.sort_by_key(|v| std::cmp::Reverse(v.at));
        self.world.profile_views = views;
    }
}

/// A pair with the smaller index first.
pub(super) fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}
