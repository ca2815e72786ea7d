//! The results the facade gives, as views built from LinkedIn's shapes: a person found by a
//! search, a post of a feed, a conversation and its messages, an invitation...
//!
//! Each view reads one model (the shapes of the sibling modules) into the fields a caller
//! wants, under this workspace's names (serialized in `snake_case`), with LinkedIn's ids typed
//! ([`crate::id`]). A constructor gives `None` when the model is not what the view needs (a
//! search result about a company given to [`PersonResult::from_result`]); the facade counts
//! those, so that a page whose elements none read is reported as drift, not as an empty list.
//! The facade hands views out in [`Raw`](crate::Raw), with the JSON they were read from.

mod feed;
mod me;
mod messaging;
mod my_items;
mod network;
mod notification;
mod publishing;
mod search;
mod text;

pub use feed::{Comment, Post, Reaction};
pub use me::Me;
pub use messaging::{Attachment, Conversation, Message, Participant};
pub use my_items::JobItem;
pub use network::{Invitation, MemberSummary};
pub use notification::{NetworkCounts, Notification, NotificationActor};
pub use publishing::{CreatedPost, PostCounts, PostDetails, ReactionCount};
pub use search::{CompanyResult, JobResult, PersonResult, PostResult, SearchResult};
