//! Posts of the last 120 days, with their comments and reactions.

use super::random::{chance, pick, pick_weighted, sample, two, weighted};
use super::words::{
    COMMENTS, COMPANY_POSTS, POST_CLOSINGS, POST_OPENERS, REACTIONS, TRACK_WEIGHTS, TRACKS,
};
use super::{Builder, PEOPLE};
use crate::world::clock::{DAY_MS, MINUTE_MS, PRESENT_MS};
use crate::world::model::{Author, Comment, Post, Reaction};

impl Builder {
    /// Posts of the last 120 days, newest first, with comments and reactions.
    pub(super) fn posts(&mut self) {
        let demo_links = self.links[0].clone();
        let mut authors: Vec<Author> = vec![Author::Person(0); 6];
        authors.extend(
            sample(&mut self.rng, &demo_links, 30)
                .into_iter()
                .map(Author::Person),
        );
        for _ in 0..76 {
            authors.push(Author::Person(self.rng.usize(1..PEOPLE)));
        }
        for _ in 0..18 {
            authors.push(Author::Company(
                self.rng.usize(..self.world.companies.len()),
            ));
        }
        let mut promoted_left = 10;
        for author in authors {
            let created_at = PRESENT_MS - self.rng.u64(10 * MINUTE_MS..120 * DAY_MS);
            let activity_id = self.snowflake(created_at);
            let promoted = matches!(author, Author::Company(_)) && promoted_left > 0;
            if promoted {
                promoted_left -= 1;
            }
            let text = self.post_text(author);
            let comments = self.comments(author, created_at);
            let reactions = self.reactions(author);
            self.world.posts.push(Post {
                activity_id,
                author,
                text,
                created_at,
                promoted,
                comments,
                reactions,
                // A share is created just before its activity (inferred: both are
                // time-ordered ids).
                share_id: activity_id - 1,
                image: None,
                reshared: None,
                connections_only: false,
            });
        }
        self.world
            .posts
            .sort_by_key(|p| std::cmp::Reverse(p.created_at));
    }

    /// The text of a post by `author`.
    fn post_text(&mut self, author: Author) -> String {
        let track = match author {
            Author::Person(p) => &TRACKS[self.tracks[p]],
            Author::Company(_) => &TRACKS[weighted(&mut self.rng, TRACK_WEIGHTS)],
        };
        let (t1, t2) = two(&mut self.rng, track.thoughts);
        let closing = pick(&mut self.rng, POST_CLOSINGS);
        let tags = sample(&mut self.rng, track.skills, 2)
            .iter()
            .map(|s| {
                format!(
                    "#{}",
                    s.chars()
                        .filter(char::is_ascii_alphanumeric)
                        .collect::<String>()
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        match author {
            Author::Person(_) => {
                let opener = pick(&mut self.rng, POST_OPENERS);
                if chance(&mut self.rng, 0.5) {
                    format!("{opener}\n\n{t1} {t2}\n\n{closing}\n\n{tags}")
                } else {
                    format!("{opener}\n\n{t1}\n\n{closing}\n\n{tags}")
                }
            }
            Author::Company(c) => {
                let line = pick(&mut self.rng, COMPANY_POSTS)
                    .replace("{c}", &self.world.companies[c].name);
                format!("{line}\n\n{t1}\n\n{tags}")
            }
        }
    }

    /// Zero to eight comments after `created_at`, oldest first, often by the author's network.
    fn comments(&mut self, post_author: Author, created_at: u64) -> Vec<Comment> {
        let count = self.rng.usize(0..=8);
        let window = (PRESENT_MS - 1 - created_at).min(10 * DAY_MS);
        let mut times: Vec<u64> = (0..count)
            .map(|_| created_at + self.rng.u64(MINUTE_MS..=window))
            .collect();
        times.sort_unstable();
        times
            .into_iter()
            .map(|at| {
                let author = match post_author {
                    Author::Person(p)
                        if !self.links[p].is_empty() && chance(&mut self.rng, 0.6) =>
                    {
                        *pick(&mut self.rng, &self.links[p])
                    }
                    _ => self.rng.usize(..PEOPLE),
                };
                Comment {
                    id: self.snowflake(at),
                    author,
                    text: pick(&mut self.rng, COMMENTS).to_string(),
                    created_at: at,
                    reply_to: None,
                }
            })
            .collect()
    }

    /// Zero to forty reactions by distinct people.
    fn reactions(&mut self, author: Author) -> Vec<Reaction> {
        let count = self.rng.usize(0..=40);
        let mut people: Vec<usize> = Vec::with_capacity(count);
        while people.len() < count {
            let person = match author {
                Author::Person(p) if !self.links[p].is_empty() && chance(&mut self.rng, 0.5) => {
                    *pick(&mut self.rng, &self.links[p])
                }
                _ => self.rng.usize(..PEOPLE),
            };
            if !people.contains(&person) {
                people.push(person);
            }
        }
        people
            .into_iter()
            .map(|person| Reaction {
                person,
                kind: pick_weighted(&mut self.rng, REACTIONS).into(),
                at: 0,
            })
            .collect()
    }
}
