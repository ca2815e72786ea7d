//! What the sandbox derives from its world once rather than on every request: each member's
//! connections (sorted, for a binary search), network distances from a caller, each member's
//! searchable words, and profile ids by member. Made when the sandbox starts (the demo
//! account's distances with it) and brought up to date by [`Index::refresh`] when a write
//! changed the connections (an accepted invitation); members never change during a run.
//!
//! Every answer computed from it is the one computed from the world directly: distances are
//! [`World::degrees_from`]'s, `connected` is [`World::connected`], and
//! [`Index::matches_person`] is [`Person::matches_keywords`](crate::world::Person::matches_keywords).

use std::collections::HashMap;

use super::World;

/// The world's derived data (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct Index {
    /// The connections the links and distances were computed from.
    connections: Vec<(usize, usize)>,
    /// How many members they were computed for.
    people: usize,
    /// Each member's connections, sorted.
    links: Vec<Vec<usize>>,
    /// Distances from a caller (by index), computed on first use.
    degrees: HashMap<usize, Vec<Option<u32>>>,
    /// Each member's words as a people search compares them: first name, last name and
    /// headline, lower case, split at anything not a letter or digit, joined by spaces.
    hay: Vec<String>,
    /// Member index by profile id.
    by_profile_id: HashMap<String, usize>,
}

/// The words of search keywords, as [`Index::matches_person`] takes them.
pub(crate) struct Keywords(Vec<String>);

impl Keywords {
    /// The words of `keywords` (lower case, split at anything not a letter or digit).
    pub(crate) fn new(keywords: &str) -> Self {
        Self(super::words(keywords))
    }

    /// Whether every word occurs in `hay` (words joined by spaces).
    pub(crate) fn found_in(&self, hay: &str) -> bool {
        self.0.iter().all(|w| hay.contains(w.as_str()))
    }

    /// Whether every word occurs among the words of `haystack`, as
    /// [`matches_keywords`](crate::world::matches_keywords) says.
    pub(crate) fn found_in_all(&self, haystack: &[&str]) -> bool {
        self.found_in(&super::words(&haystack.join(" ")).join(" "))
    }
}

impl Index {
    /// The index of `world`, with the distances from the demo account (`people[0]`).
    pub(crate) fn new(world: &World) -> Self {
        let mut index = Self::default();
        index.refresh(world);
        index.degrees(world, 0);
        index
    }

    /// Brings the index up to date with `world`: the links and distances are recomputed when
    /// the connections or the number of members changed since they were computed.
    pub(crate) fn refresh(&mut self, world: &World) {
        let n = world.people.len();
        if self.hay.len() != n {
            self.hay = world
                .people
                .iter()
                .map(|p| {
                    let hay = [p.first_name.as_str(), &p.last_name, &p.headline];
                    super::words(&hay.join(" ")).join(" ")
                })
                .collect();
            // The first member with an id, as a search through the list finds.
            self.by_profile_id.clear();
            for (i, p) in world.people.iter().enumerate() {
                self.by_profile_id.entry(p.profile_id.clone()).or_insert(i);
            }
        }
        if self.people == n && self.connections == world.connections {
            return;
        }
        let mut links = vec![Vec::new(); n];
        for &(a, b) in &world.connections {
            if a < n && b < n {
                links[a].push(b);
                links[b].push(a);
            }
        }
        for list in &mut links {
            list.sort_unstable();
            list.dedup();
        }
        self.links = links;
        self.connections.clone_from(&world.connections);
        self.people = n;
        self.degrees.clear();
    }

    /// Distances from `me` for every member, as [`World::degrees_from`] gives them.
    pub(crate) fn degrees(&mut self, world: &World, me: usize) -> &[Option<u32>] {
        self.refresh(world);
        let links = &self.links;
        self.degrees
            .entry(me)
            .or_insert_with(|| degrees_from(links, me))
    }

    /// Whether `a` and `b` are connected, as [`World::connected`] says (the index must be
    /// fresh: see [`Index::refresh`]).
    pub(crate) fn connected(&self, a: usize, b: usize) -> bool {
        self.links
            .get(a)
            .is_some_and(|l| l.binary_search(&b).is_ok())
    }

    /// The member whose profile id is `id`.
    pub(crate) fn person_by_profile_id(&self, id: &str) -> Option<usize> {
        self.by_profile_id.get(id).copied()
    }

    /// Whether a people search for `keywords` finds member `i` (by name and headline).
    pub(crate) fn matches_person(&self, i: usize, keywords: &Keywords) -> bool {
        self.hay.get(i).is_some_and(|hay| keywords.found_in(hay))
    }
}

/// Breadth-first distances from `me` over `links`, up to 3 (see [`World::degrees_from`]).
pub(super) fn degrees_from(links: &[Vec<usize>], me: usize) -> Vec<Option<u32>> {
    let n = links.len();
    let mut degrees = vec![None; n];
    let mut queue = std::collections::VecDeque::new();
    if me < n {
        degrees[me] = Some(0);
        queue.push_back(me);
    }
    while let Some(a) = queue.pop_front() {
        let d = degrees[a].unwrap_or(0);
        if d >= 3 {
            continue;
        }
        for &b in &links[a] {
            if degrees[b].is_none() {
                degrees[b] = Some(d + 1);
                queue.push_back(b);
            }
        }
    }
    degrees
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_answers_as_the_world() {
        let mut world = crate::world::generate(crate::WORLD_SEED);
        let mut index = Index::new(&world);
        for me in [0, 7, 100] {
            assert_eq!(index.degrees(&world, me), world.degrees_from(me).as_slice());
        }
        for a in 0..40 {
            for b in 0..world.people.len() {
                assert_eq!(index.connected(a, b), world.connected(a, b), "{a} {b}");
            }
        }
        for (i, p) in world.people.iter().enumerate() {
            assert_eq!(index.person_by_profile_id(&p.profile_id), Some(i));
            for k in ["engineer", "Rust, data", "a", "zzz", ""] {
                assert_eq!(
                    index.matches_person(i, &Keywords::new(k)),
                    p.matches_keywords(k)
                );
            }
        }
        // A new connection (an accepted invitation) is seen.
        let stranger = (1..world.people.len())
            .find(|&i| world.degrees_from(0)[i].is_none_or(|d| d > 1))
            .unwrap();
        world.connections.push((0, stranger));
        assert_eq!(index.degrees(&world, 0)[stranger], Some(1));
        assert_eq!(index.degrees(&world, 0), world.degrees_from(0).as_slice());
        assert!(index.connected(0, stranger));
    }
}
