//! A typed, polite client for LinkedIn's private web API ("Voyager").
//!
//! [`Linkedin`] has one method per capability (profiles, search, companies, jobs, posts and
//! feed, messaging, invitations); lists come as [`Pages`] streams over every pagination style;
//! arguments are checked before anything is sent; the logged-in member's own URN is found once
//! and never asked of the caller. Requests are built from the endpoint catalogue
//! (`linkedin-catalogue`), sent by `linkedin-transport`, and read into `linkedin-models`.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use linkedin_api::{ConversationFilter, FileStore, Linkedin, Login, PeopleSearch};
//!
//! async fn run() -> linkedin_api::Result<()> {
//!     let linkedin = Linkedin::builder()
//!         .login(Login::password("me@example.com", "my password")) // or cookies, cookie_file, saved
//!         .store(FileStore::default_location()?)
//!         .build()
//!         .await?;
//!     let profile = linkedin.full_profile("some-public-id").await?; // one request
//!     println!("{} {}", profile.profile.first_name, profile.profile.last_name);
//!
//!     let mut people = linkedin.search_people(PeopleSearch::keywords("rust")).limit(100);
//!     while let Some(person) = people.try_next().await? {
//!         println!("{} — {}", person.name, person.headline.as_deref().unwrap_or_default());
//!     }
//!
//!     let unread: Vec<_> = linkedin
//!         .conversations(ConversationFilter::inbox().unread())
//!         .try_collect()
//!         .await?;
//!     for c in unread {
//!         linkedin.send_message(&c.urn, "Thanks, I'll get back to you.").await?;
//!     }
//!     Ok(())
//! }
//! ```

#![warn(missing_docs)]

mod client;
mod comments;
mod company;
mod doctor;
mod drift;
mod driver;
mod error;
mod feed;
mod ids;
mod invitations;
mod jobs;
mod mailbox;
mod me;
mod media;
mod message_actions;
mod messaging;
mod my_items;
mod network;
mod notifications;
pub mod offline;
mod paginate;
mod posts;
mod profile;
pub mod realtime;
mod search;
mod settle;
pub mod touch;
pub mod validate;

pub use client::{Linkedin, LinkedinBuilder};
pub use company::Following;
pub use doctor::{AREAS as DOCTOR_AREAS, Check, Health, Report, skeleton};
pub use drift::{Discovery, LIMITS as DISCOVERY_LIMITS, Limits as DiscoveryLimits, apply_learned};
pub use error::{Error, Result};
pub use ids::IntoId;
pub use invitations::{InvitationReply, Invited};
pub use linkedin_catalogue as catalogue;
pub use linkedin_models as models;
pub use linkedin_models::feed::ReactionType;
pub use linkedin_models::id::{ConversationId, Member, ProfileId, PublicId};
pub use linkedin_models::messaging::ConversationCategory;
/// The results the methods give: views of LinkedIn's answers (`linkedin_models::view`).
pub use linkedin_models::view;
pub use linkedin_models::view::{
    Attachment, Comment, CompanyResult, Conversation, CreatedPost, Invitation, JobItem, JobResult,
    Me, MemberSummary, Message, NetworkCounts, Notification, NotificationActor, Participant,
    PersonResult, Post, PostCounts, PostDetails, PostResult, Reaction, ReactionCount,
};
pub use linkedin_transport as transport;
pub use linkedin_transport::{
    AccountStore, Budget, FileStore, Login, MemoryStore, Pacing, Proxy, RetryPolicy, Timeouts,
};
pub use mailbox::{DELIVERY_ACK_MAX, MailboxCount, RequestsBanner, Seen, SeenReceipt};
pub use media::{
    ATTACHMENT_BYTES_MAX, IMAGE_BYTES_MAX, IMAGE_PIXELS_MAX, Image, ImageKind, NewAttachment,
};
pub use messaging::ConversationFilter;
pub use paginate::{EMPTY_PAGES_MAX, Page, Pages, Position};
pub use posts::{NewPost, Visibility};
pub use profile::ProfileSections;
pub use realtime::{Events, RealtimeOptions};
pub use search::{
    Distance, ExperienceLevel, JobSearch, JobType, Network, PeopleSearch, ResultType, Search,
    Workplace,
};
