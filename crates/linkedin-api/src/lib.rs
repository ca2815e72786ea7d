//! A typed, polite client for LinkedIn's private web API ("Voyager").
//!
//! [`Linkedin`] has one method per capability (profiles, search, companies, jobs, posts and
//! feed, messaging, invitations); lists come as [`Pages`] streams over every pagination style;
//! arguments are checked before anything is sent; the logged-in member's own URN is found once
//! and never asked of the caller. Requests are built from the endpoint catalogue
//! (`linkedin-catalogue`), sent by `linkedin-transport`, and read into `linkedin-models`.
//!
//! ```no_run
//! use linkedin_api::{Linkedin, Login};
//!
//! # async fn run() -> linkedin_api::Result<()> {
//! let linkedin = Linkedin::builder()
//!     .login(Login::password("me@example.com", "my password"))
//!     .build()
//!     .await?;
//! let me = linkedin.me().await?;
//! println!("{} {}", me.first_name, me.last_name);
//! # Ok(())
//! # }
//! ```

mod client;
mod company;
mod error;
mod feed;
mod invitations;
mod jobs;
mod me;
mod messaging;
mod paginate;
mod profile;
mod search;
pub mod touch;
pub mod validate;

pub use client::{Linkedin, LinkedinBuilder};
pub use error::{Error, Result};
pub use feed::{Comment, Post, Reaction};
pub use invitations::{Invitation, InvitationReply, MemberSummary};
pub use linkedin_models as models;
pub use linkedin_models::feed::ReactionType;
pub use linkedin_models::messaging::ConversationCategory;
pub use linkedin_transport as transport;
pub use linkedin_transport::{Budget, Login, Pacing, RetryPolicy, SessionStore, Timeouts};
pub use me::Me;
pub use messaging::{Conversation, ConversationFilter, Message, Participant};
pub use paginate::{Page, Pages, Position};
pub use search::{
    CompanyResult, Distance, ExperienceLevel, JobResult, JobSearch, JobType, Network, PeopleSearch,
    PersonResult, PostResult, ResultType, Search, Workplace,
};
