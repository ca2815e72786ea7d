//! The demo account's mailbox (conversations and their messages) and its invitations.

use std::collections::HashSet;

use super::random::{chance, pick, pick_weighted, sample, uuid, weighted};
use super::text::exactly;
use super::words::{INVITATION_NOTES, LONG_NOTE, MESSAGES};
use super::{Builder, PEOPLE, linkedin_id, thread_payload};
use crate::world::clock::{DAY_MS, HOUR_MS, MINUTE_MS, PRESENT_MS};
use crate::world::model::{Conversation, Invitation, Message};

/// How many conversations the demo account's mailbox holds.
const CONVERSATIONS: usize = 46;
/// The least number of messages over all conversations.
const MIN_MESSAGES: usize = 320;
/// How many messages the one long conversation has.
const LONG_CONVERSATION: usize = 72;
/// How many invitations the demo account has received.
const RECEIVED_INVITATIONS: usize = 14;
/// How many invitations the demo account has sent.
const SENT_INVITATIONS: usize = 6;

impl Builder {
    /// A fresh `2-<base64>==` id for `raw` plus a random tail when it is taken.
    fn message_style_id(&mut self, mut raw: String) -> String {
        loop {
            let id = linkedin_id(raw.as_bytes());
            if self.claim(&id) {
                return id;
            }
            raw = format!("{raw}{}", self.rng.alphanumeric());
        }
    }

    /// The demo account's mailbox, most recently active first.
    pub(super) fn conversations(&mut self) {
        let mut counts: Vec<usize> = (0..CONVERSATIONS)
            .map(|i| {
                if i == 0 {
                    LONG_CONVERSATION
                } else {
                    self.rng.usize(2..=12)
                }
            })
            .collect();
        while counts.iter().sum::<usize>() < MIN_MESSAGES {
            let i = self.rng.usize(1..CONVERSATIONS);
            counts[i] += 1;
        }
        let demo_links = self.links[0].clone();
        let mut partners = HashSet::new();
        for (i, count) in counts.into_iter().enumerate() {
            let participants = self.participants(&demo_links, &mut partners);
            let unread = i < 6 || (i % 7 == 3);
            let category = if unread {
                "PRIMARY_INBOX"
            } else {
                pick_weighted(
                    &mut self.rng,
                    &[
                        ("PRIMARY_INBOX", 75),
                        ("SECONDARY_INBOX", 15),
                        ("ARCHIVE", 10),
                    ],
                )
            };
            let last_at = if i == 0 {
                PRESENT_MS - self.rng.u64(20 * MINUTE_MS..3 * HOUR_MS)
            } else {
                PRESENT_MS - self.rng.u64(HOUR_MS..150 * DAY_MS)
            };
            let mut messages = self.messages(&participants, count, last_at, unread);
            let raw = format!("{}_{:03}", uuid(&mut self.rng), self.rng.u32(0..1_000));
            let thread_id = self.message_style_id(raw);
            // A message id ends with its thread's payload (peers.md §c.4's id anatomy):
            // `<ms>b<5 digits>-<3 digits>&<thread payload>`.
            let payload = thread_payload(&thread_id);
            for m in &mut messages {
                let head = std::mem::take(&mut m.id);
                m.id = self.message_style_id(format!("{head}&{payload}"));
            }
            self.world.conversations.push(Conversation {
                thread_id,
                participants,
                category: category.into(),
                read: !unread,
                messages,
                title: None,
                revision: 0,
            });
        }
        self.world
            .conversations
            .sort_by_key(|c| std::cmp::Reverse(c.messages.last().map_or(0, |m| m.delivered_at)));
    }

    /// One to three participants, mostly the demo's connections, each 1:1 partner once.
    fn participants(&mut self, demo_links: &[usize], partners: &mut HashSet<usize>) -> Vec<usize> {
        let count = 1 + weighted(&mut self.rng, &[80, 15, 5]);
        let mut participants = Vec::with_capacity(count);
        while participants.len() < count {
            let person = if chance(&mut self.rng, 0.85) {
                *pick(&mut self.rng, demo_links)
            } else {
                self.rng.usize(1..PEOPLE)
            };
            let fresh = count > 1 || partners.insert(person);
            if fresh && !participants.contains(&person) {
                participants.push(person);
            }
        }
        participants
    }

    /// `count` messages ending at `last_at`, oldest first; an unread thread ends with a
    /// message from someone else.
    fn messages(
        &mut self,
        participants: &[usize],
        count: usize,
        last_at: u64,
        unread: bool,
    ) -> Vec<Message> {
        let gaps: Vec<u64> = (1..count)
            .map(|_| self.rng.u64(MINUTE_MS..2 * DAY_MS))
            .collect();
        let mut at = last_at - gaps.iter().sum::<u64>();
        let mut messages = Vec::with_capacity(count);
        for i in 0..count {
            if i > 0 {
                at += gaps[i - 1];
            }
            let from_demo = if i + 1 == count && unread {
                false
            } else if i == 0 {
                chance(&mut self.rng, 0.3)
            } else {
                chance(&mut self.rng, 0.45)
            };
            let sender = if from_demo {
                0
            } else {
                *pick(&mut self.rng, participants)
            };
            let number = self.rng.u32(0..100_000);
            let digit = self.rng.u32(0..10);
            // The client's token a message was sent with.
            let token = uuid(&mut self.rng);
            messages.push(Message {
                // The id's head: the thread's payload is added once the thread has its id.
                id: format!("{at}b{number:05}-{digit:03}"),
                sender,
                text: pick(&mut self.rng, MESSAGES).to_string(),
                delivered_at: at,
                origin_token: from_demo.then_some(token),
                ..Message::default()
            });
        }
        messages
    }

    /// Invitations received and sent by the demo, none between connected people.
    pub(super) fn invitations(&mut self) {
        let strangers: Vec<usize> = (1..PEOPLE)
            .filter(|p| self.links[0].binary_search(p).is_err())
            .collect();
        let chosen = sample(
            &mut self.rng,
            &strangers,
            RECEIVED_INVITATIONS + SENT_INVITATIONS,
        );
        for (i, other) in chosen.into_iter().enumerate() {
            let received = i < RECEIVED_INVITATIONS;
            let (from, to) = if received { (other, 0) } else { (0, other) };
            let message = if i == 0 {
                Some(exactly(LONG_NOTE, 300))
            } else if chance(&mut self.rng, 0.5) {
                Some(pick(&mut self.rng, INVITATION_NOTES).to_string())
            } else {
                None
            };
            let sent_at = PRESENT_MS - self.rng.u64(HOUR_MS..60 * DAY_MS);
            let id = self.snowflake(sent_at);
            let shared_secret = (0..8).map(|_| self.rng.alphanumeric()).collect();
            self.world.invitations.push(Invitation {
                id,
                shared_secret,
                from,
                to,
                message,
                sent_at,
            });
        }
        self.world
            .invitations
            .sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    }
}
