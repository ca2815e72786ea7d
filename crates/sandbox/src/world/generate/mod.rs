//! Builds the sandbox's world from a seed: people, companies, schools, jobs, posts, the demo
//! account's mailbox, connections and invitations, coherent with each other and the same for
//! the same seed. Everything random comes from one `fastrand::Rng` seeded with the seed.
//!
//! [`generate`] runs the steps in order (each may read what the ones before it made, and each
//! draws from the one generator, so the order is part of the world): [`organizations`]
//! (companies and schools, later their jobs), [`people`] (members, their connections, profile
//! views), [`feed`] (posts, comments, reactions) and [`mailbox`] (conversations and
//! invitations), from the lists in [`words`].

mod feed;
mod mailbox;
mod organizations;
mod people;
mod random;
#[cfg(test)]
mod tests;
mod text;
mod words;

use std::collections::HashSet;

use base64::Engine as _;
use fastrand::Rng;

use super::clock::PRESENT_MS;
use super::model::{Application, Save, Saved, World};

/// How many people the world holds.
const PEOPLE: usize = 1_240;

/// A coherent world, the same for the same seed.
#[must_use]
pub fn generate(seed: u64) -> World {
    let mut builder = Builder {
        rng: Rng::with_seed(seed),
        world: World::default(),
        tracks: Vec::with_capacity(PEOPLE),
        links: Vec::new(),
        numbers: HashSet::new(),
        names: HashSet::new(),
    };
    builder.companies();
    builder.schools();
    builder.people();
    builder.connections();
    builder.jobs();
    builder.posts();
    builder.conversations();
    builder.invitations();
    builder.profile_views(seed);
    builder.my_items();
    builder.world
}

/// The state of one generation: the random source, the world so far and the ids taken.
struct Builder {
    /// The only source of randomness.
    rng: Rng,
    /// The world being built.
    world: World,
    /// Each person's track (index into [`words::TRACKS`]).
    tracks: Vec<usize>,
    /// Each person's connections, sorted, filled by [`Builder::connections`].
    links: Vec<Vec<usize>>,
    /// Numeric ids handed out (members, companies, schools, jobs, activities, ...).
    numbers: HashSet<u64>,
    /// String ids handed out (profile ids, vanity names, thread and message ids).
    names: HashSet<String>,
}

impl Builder {
    /// A number from `range` not handed out before.
    fn unique_number(&mut self, range: std::ops::RangeInclusive<u64>) -> u64 {
        loop {
            let n = self.rng.u64(range.clone());
            if self.numbers.insert(n) {
                return n;
            }
        }
    }

    /// A 19-digit id in LinkedIn's style: the time in the high bits, random low bits.
    fn snowflake(&mut self, at: u64) -> u64 {
        loop {
            let id = (at << 22) | self.rng.u64(..1 << 22);
            if self.numbers.insert(id) {
                return id;
            }
        }
    }

    /// Reserves a string id; false when it was taken.
    fn claim(&mut self, name: &str) -> bool {
        self.names.insert(name.to_owned())
    }
}

/// A thread or message id as LinkedIn writes them: `2-` and the base64 of `raw`, lengthened
/// with `_` so that it ends in `==` (the world's ids, and those of messages sent to it).
pub(crate) fn linkedin_id(raw: &[u8]) -> String {
    let mut bytes = raw.to_vec();
    while bytes.len() % 3 != 1 {
        bytes.push(b'_');
    }
    format!("2-{}", crate::BASE64.encode(&bytes))
}

/// The payload of a `2-<base64>==` thread id: what a message id of that thread ends with,
/// after its `&` (`<ms>b<5 digits>-<3 digits>&<payload>`, peers.md §c.4). The id itself when
/// it does not decode.
pub(crate) fn thread_payload(thread_id: &str) -> String {
    thread_id
        .strip_prefix("2-")
        .and_then(|payload| crate::BASE64.decode(payload).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| thread_id.to_owned())
}

/// The states of the demo account's applications, in turn.
const APPLICATION_STATES: [&str; 4] = [
    "Applied",
    "Application viewed",
    "Resume downloaded",
    "No longer accepting applications",
];

impl Builder {
    /// The demo account's My Items, picked without the random source (so that the rest of
    /// the world is as before): 12 saved jobs (more than a page of 10), 5 applications in
    /// each state in turn, 4 saved posts of others it may see.
    fn my_items(&mut self) {
        const HOUR: u64 = 3_600_000;
        let world = &mut self.world;
        let jobs: Vec<u64> = world.jobs.iter().map(|j| j.id).collect();
        for (k, &job) in jobs.iter().skip(1).step_by(5).take(12).enumerate() {
            world.saves.push(Save {
                person: 0,
                item: Saved::Job(job),
                saved_at: PRESENT_MS - (k as u64 + 1) * 9 * HOUR,
            });
        }
        for (k, &job) in jobs.iter().skip(3).step_by(11).take(5).enumerate() {
            world.applications.push(Application {
                person: 0,
                job,
                state: APPLICATION_STATES[k % APPLICATION_STATES.len()].to_owned(),
                applied_at: PRESENT_MS - (k as u64 + 1) * 30 * HOUR,
            });
        }
        let posts: Vec<u64> = world
            .posts
            .iter()
            .filter(|p| {
                !p.promoted && p.author != crate::world::Author::Person(0) && world.visible_to(0, p)
            })
            .map(|p| p.activity_id)
            .step_by(37)
            .take(4)
            .collect();
        for (k, post) in posts.into_iter().enumerate() {
            world.saves.push(Save {
                person: 0,
                item: Saved::Post(post),
                saved_at: PRESENT_MS - (k as u64 + 1) * 5 * HOUR,
            });
        }
    }
}
