//! The people the sandbox knows, and the accounts that can log in.
//!
//! `model` holds the entities of the sandbox's LinkedIn and `generate` builds a coherent world
//! of them from a seed, before the present of [`clock`]. The accounts of the login flow below are the world's first two people.

pub mod clock;
mod generate;
mod index;
mod model;

pub use generate::generate;
pub(crate) use generate::{linkedin_id, thread_payload};
pub(crate) use index::{Index, Keywords};

/// The world a running sandbox serves, with what it derives from it ([`Index`]), under one
/// lock.
pub(crate) struct Live {
    /// The world; writes change it for the run.
    pub(crate) world: World,
    /// Distances, links and search words, kept up to date with `world`.
    pub(crate) index: Index,
}

impl Live {
    /// The world and its index.
    pub(crate) fn new(world: World) -> Self {
        let index = Index::new(&world);
        Self { world, index }
    }
}

impl World {
    /// Whether `a` and `b` are connected.
    #[must_use]
    pub fn connected(&self, a: usize, b: usize) -> bool {
        self.connections.contains(&(a.min(b), a.max(b)))
    }

    /// Degrees of separation from `me` for every person (0 for `me`, 1 for a connection), up
    /// to 3; `None` beyond or when unreachable.
    #[must_use]
    pub fn degrees_from(&self, me: usize) -> Vec<Option<u32>> {
        let n = self.people.len();
        let mut links = vec![Vec::new(); n];
        for &(a, b) in &self.connections {
            if a < n && b < n {
                links[a].push(b);
                links[b].push(a);
            }
        }
        index::degrees_from(&links, me)
    }

    /// Whether `post` is in the feed of person `me` without being an ad: a post of one of
    /// their connections, or a company's unpromoted post, and their own posts written
    /// during the run (after [`clock::PRESENT_MS`]), which LinkedIn shows its author on top
    /// of the feed.
    #[must_use]
    pub fn in_organic_feed(&self, me: usize, post: &Post) -> bool {
        !post.promoted
            && match post.author {
                Author::Person(i) if i == me => post.created_at > clock::PRESENT_MS,
                Author::Person(i) => self.connected(me, i),
                Author::Company(_) => true,
            }
    }

    /// Whether person `me` may see `post`: a post for anyone, or one for connections only
    /// when `me` wrote it or is connected to its author.
    #[must_use]
    pub fn visible_to(&self, me: usize, post: &Post) -> bool {
        !post.connections_only
            || match post.author {
                Author::Person(i) => i == me || self.connected(me, i),
                Author::Company(_) => true,
            }
    }

    /// The name a post is shown under: its member's full name or its company's name (empty
    /// for an author the world does not have).
    #[must_use]
    pub fn author_name(&self, post: &Post) -> String {
        match post.author {
            Author::Person(i) => self.people.get(i).map(Person::full_name),
            Author::Company(i) => self.companies.get(i).map(|c| c.name.clone()),
        }
        .unwrap_or_default()
    }
}

/// Whether every word of `keywords` occurs among the words of `haystack`, ignoring case and
/// punctuation: how the sandbox's searches match keywords. Public so that tests of a client
/// can tell which of the world's entities a search must find.
///
/// ```
/// use linkedin_sandbox::world::matches_keywords;
/// let hay = ["Senior Recruiter | Hiring Rust, Kubernetes and data engineers"];
/// assert!(matches_keywords("hiring (rust), KUBERNETES", &hay));
/// assert!(!matches_keywords("rust python", &hay));
/// ```
#[must_use]
pub fn matches_keywords(keywords: &str, haystack: &[&str]) -> bool {
    let hay = words(&haystack.join(" ")).join(" ");
    words(keywords).iter().all(|w| hay.contains(w.as_str()))
}

/// The words of `s` as search compares them: lower case, split at anything that is not a
/// letter or a digit.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Person {
    /// First and last name, as LinkedIn shows them together.
    #[must_use]
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// Whether a people search for `keywords` finds this person (by name and headline).
    #[must_use]
    pub fn matches_keywords(&self, keywords: &str) -> bool {
        matches_keywords(
            keywords,
            &[&self.first_name, &self.last_name, &self.headline],
        )
    }
}

impl Company {
    /// Whether a company search for `keywords` finds this company (by name and tagline).
    #[must_use]
    pub fn matches_keywords(&self, keywords: &str) -> bool {
        matches_keywords(keywords, &[&self.name, &self.tagline])
    }
}

impl Post {
    /// When reaction `i` of [`Post::reactions`] was given: its own time when recorded, else
    /// (a generated reaction) a deterministic time after the post: one hour after it, and
    /// one hour more for each reaction listed after it (the list is newest first), never
    /// after the present.
    #[must_use]
    pub fn reaction_time(&self, i: usize) -> u64 {
        match self.reactions.get(i) {
            Some(r) if r.at != 0 => r.at,
            Some(_) => {
                let later = (self.reactions.len() - i) as u64;
                (self.created_at + later * clock::HOUR_MS).min(clock::PRESENT_MS)
            }
            None => 0,
        }
    }

    /// Whether a content search for `keywords` finds this post (by its text).
    #[must_use]
    pub fn matches_keywords(&self, keywords: &str) -> bool {
        matches_keywords(keywords, &[&self.text])
    }
}
pub use model::{
    Application, Author, Comment, Company, Conversation, Education, Experience, Invitation, Job,
    Message, MessageFile, Person, Post, ProfileView, Reaction, Save, Saved, School, Upload, World,
};

/// The member behind a login account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The profile id, the key of `urn:li:fsd_profile:<id>` and `urn:li:fs_miniProfile:<id>`.
    pub profile_id: &'static str,
    /// The numeric member id of `urn:li:member:<id>`.
    pub member_id: u64,
    /// The vanity name of `/in/<public_id>/`.
    pub public_id: &'static str,
    /// First name.
    pub first_name: &'static str,
    /// Last name.
    pub last_name: &'static str,
    /// The headline under the name.
    pub headline: &'static str,
}

/// How a login attempt ends for an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gate {
    /// Logs in with the right password.
    Password(&'static str),
    /// Always answered with a challenge, whatever the password.
    Challenge,
}

/// An account of the login flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Account {
    pub(crate) username: &'static str,
    pub(crate) gate: Gate,
    pub(crate) person: Member,
}

/// The demo account's username.
pub const DEMO_USERNAME: &str = "demo@example.com";
/// The demo account's password.
pub const DEMO_PASSWORD: &str = "demo-password";
/// An account that always gets a challenge.
pub const CHALLENGE_USERNAME: &str = "challenge@example.com";

pub(crate) fn accounts() -> Vec<Account> {
    vec![
        Account {
            username: DEMO_USERNAME,
            gate: Gate::Password(DEMO_PASSWORD),
            person: Member {
                profile_id: "ACoAABx3kQ0BsK2dYmPq7Lw9sVtZr4nE1fHjUoQ",
                member_id: 470_926_337,
                public_id: "demo-member",
                first_name: "Dana",
                last_name: "Moreau",
                headline: "Staff Engineer at Northwind Robotics",
            },
        },
        Account {
            username: CHALLENGE_USERNAME,
            gate: Gate::Challenge,
            person: Member {
                profile_id: "ACoAAC9fWm2BtR5xLe8uKc3pYa7vHd0qNiGsTzE",
                member_id: 512_003_481,
                public_id: "checkpoint-casey",
                first_name: "Casey",
                last_name: "Okafor",
                headline: "Product Manager",
            },
        },
    ]
}
