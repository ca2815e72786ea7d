//! The entities of the sandbox's LinkedIn: who and what exists, with LinkedIn's id formats.
//! Ids are the bare keys; the URNs are built from them where an answer needs one. Times are
//! epoch milliseconds.

use std::collections::BTreeSet;

use serde::Serialize;

/// Everything the sandbox knows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct World {
    /// Members; the demo account is `people[0]`.
    pub people: Vec<Person>,
    /// Companies (index = position in this list).
    pub companies: Vec<Company>,
    /// Schools.
    pub schools: Vec<School>,
    /// Job postings.
    pub jobs: Vec<Job>,
    /// Posts with their comments and reactions.
    pub posts: Vec<Post>,
    /// Conversations with their messages.
    pub conversations: Vec<Conversation>,
    /// Pending invitations.
    pub invitations: Vec<Invitation>,
    /// Connections, each pair once, smaller index first.
    pub connections: Vec<(usize, usize)>,
    /// Who follows which company or school: (index into `people`, organization id). Empty
    /// in a generated world; follow and unfollow requests change it.
    pub following: BTreeSet<(usize, u64)>,
    /// Views of members' profiles by other members, newest first ("who viewed my profile").
    pub profile_views: Vec<ProfileView>,
    /// How many changes the demo account's mailbox has seen: each change to a conversation (a
    /// message, read or unread) takes the next number, which the conversation keeps as its
    /// [`Conversation::revision`]. 0 in a generated world; messenger sync tokens name one.
    pub mailbox_revision: u64,
    /// The time up to which the demo account has seen its messages (the messaging badge, which
    /// `markAllMessagesAsSeen` moves); 0 in a generated world.
    pub messages_seen_until: u64,
    /// The notification cards marked read (`urn:li:fsd_notificationCard:(...)`); empty in a
    /// generated world, where every notification is unread.
    pub notifications_read: BTreeSet<String>,
    /// What members saved (jobs, posts): the demo account's My Items.
    pub saves: Vec<Save>,
    /// Members' job applications, with their states.
    pub applications: Vec<Application>,
    /// Images registered for upload (`media_upload_register`); none in a generated world.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uploads: Vec<Upload>,
}

/// An image registered for a post: its asset, where its bytes go, and whether they came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upload {
    /// The id of its `urn:li:digitalmediaAsset:`.
    pub asset: String,
    /// Who registered it (index into [`World::people`]).
    pub person: usize,
    /// The length its bytes were registered with.
    pub size: u64,
    /// The file name it was registered with.
    pub filename: String,
    /// The token of its upload URL (`ut=`), and of its download URL (`t=`).
    pub token: String,
    /// `IMAGE_SHARING` (a post's image) or `MESSAGING_FILE_ATTACHMENT` (a message's file).
    pub kind: String,
    /// Whether its bytes were PUT.
    pub uploaded: bool,
    /// The bytes, once PUT (not serialized).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A file sent with a message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MessageFile {
    /// The [`Upload::asset`] it is.
    pub asset: String,
    /// Its file name.
    pub name: String,
    /// Its length.
    pub size: u64,
    /// Its media type.
    pub media_type: String,
    /// Where it is downloaded from (on the sandbox, as the client reached it).
    pub url: String,
}

/// Something a member saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Save {
    /// Index into [`World::people`].
    pub person: usize,
    /// What.
    pub item: Saved,
    /// When.
    pub saved_at: u64,
}

/// What a [`Save`] is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Saved {
    /// A job, by [`Job::id`].
    Job(u64),
    /// A post, by [`Post::activity_id`].
    Post(u64),
}

/// A job application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    /// Index into [`World::people`].
    pub person: usize,
    /// [`Job::id`].
    pub job: u64,
    /// Where it stands, as LinkedIn words it in English (`Applied`, `Application viewed`...).
    pub state: String,
    /// When it was sent.
    pub applied_at: u64,
}

/// A member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Person {
    /// The `ACoAA...` id of `urn:li:fsd_profile:` and `urn:li:fs_miniProfile:` (39 characters).
    pub profile_id: String,
    /// The numeric id of `urn:li:member:`.
    pub member_id: u64,
    /// The vanity name of `/in/<public_id>/`.
    pub public_id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The line under the name.
    pub headline: String,
    /// The About section.
    pub summary: String,
    /// A place name, such as `Berlin, Germany`.
    pub location: String,
    /// The numeric id of `urn:li:fsd_geo:`.
    pub geo_id: u64,
    /// The industry's name.
    pub industry: String,
    /// The numeric id of `urn:li:fsd_industry:`.
    pub industry_id: u64,
    /// Positions, most recent first; several may be at one company (grouped on the profile).
    pub experiences: Vec<Experience>,
    /// Schools attended, most recent first.
    pub education: Vec<Education>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Certifications.
    pub certifications: Vec<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Contact e-mail shown to connections.
    pub email: String,
    /// Followers.
    pub followers: u32,
}

/// A position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Experience {
    /// Index into [`World::companies`].
    pub company: usize,
    /// Job title.
    pub title: String,
    /// What the work was.
    pub description: String,
    /// Start as (year, month).
    pub start: (u16, u8),
    /// End as (year, month); `None` for a current position.
    pub end: Option<(u16, u8)>,
}

/// A school attended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Education {
    /// Index into [`World::schools`].
    pub school: usize,
    /// Degree, such as `Master of Science`.
    pub degree: String,
    /// Field of study.
    pub field: String,
    /// First and last year.
    pub years: (u16, u16),
}

/// A company page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Company {
    /// The numeric id of `urn:li:company:` and `urn:li:fsd_company:`.
    pub id: u64,
    /// The `universalName` of `/company/<universal_name>/`.
    pub universal_name: String,
    /// Display name.
    pub name: String,
    /// Tagline.
    pub tagline: String,
    /// About text.
    pub description: String,
    /// Industry name.
    pub industry: String,
    /// Employees on LinkedIn.
    pub staff_count: u32,
    /// Headquarters city.
    pub headquarters: String,
    /// Website.
    pub website: String,
    /// Followers.
    pub followers: u32,
}

/// A school page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct School {
    /// The numeric id of the school's company page.
    pub id: u64,
    /// The `universalName`.
    pub universal_name: String,
    /// Display name.
    pub name: String,
    /// City.
    pub location: String,
    /// Alumni on LinkedIn.
    pub alumni: u32,
}

/// A job posting.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Job {
    /// The numeric id of `urn:li:jobPosting:` (10 digits).
    pub id: u64,
    /// Index into [`World::companies`].
    pub company: usize,
    /// Title.
    pub title: String,
    /// Place name.
    pub location: String,
    /// `urn:li:fsd_geo:` id of the place.
    pub geo_id: u64,
    /// One of `ON_SITE`, `REMOTE`, `HYBRID`.
    pub workplace: String,
    /// One of `FULL_TIME`, `PART_TIME`, `CONTRACT`, `INTERNSHIP`.
    pub employment: String,
    /// Seniority: `ENTRY_LEVEL`, `ASSOCIATE`, `MID_SENIOR`, `DIRECTOR`, `EXECUTIVE`.
    pub experience_level: String,
    /// The posting's text.
    pub description: String,
    /// Skill names the posting asks for.
    pub skills: Vec<String>,
    /// When it was listed.
    pub listed_at: u64,
    /// Applicants so far.
    pub applicants: u32,
}

/// A post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Post {
    /// The 19-digit id of `urn:li:activity:`.
    pub activity_id: u64,
    /// The author: a person (index into [`World::people`]) or a company.
    pub author: Author,
    /// The text.
    pub text: String,
    /// When it was posted.
    pub created_at: u64,
    /// Whether it is a promoted (sponsored) post in the feed.
    pub promoted: bool,
    /// Comments, oldest first.
    pub comments: Vec<Comment>,
    /// Reactions.
    pub reactions: Vec<Reaction>,
    /// The id of its `urn:li:share:` (what creating it answers, and deleting it takes).
    pub share_id: u64,
    /// Shown to the author's connections only (`CONNECTIONS_ONLY`), not to anyone
    /// (`ANYONE`).
    pub connections_only: bool,
    /// The image it shows, an [`Upload::asset`]; none in a generated world.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// The post it reshares (its [`Post::activity_id`]); none in a generated world.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reshared: Option<u64>,
}

/// Who wrote a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Author {
    /// A member (index into [`World::people`]).
    Person(usize),
    /// A company (index into [`World::companies`]).
    Company(usize),
}

impl Default for Author {
    fn default() -> Self {
        Self::Person(0)
    }
}

/// A comment on a post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The numeric comment id.
    pub id: u64,
    /// Index into [`World::people`].
    pub author: usize,
    /// The text.
    pub text: String,
    /// When it was written.
    pub created_at: u64,
    /// The comment it replies to (its id), for a reply; `None` in a generated world.
    pub reply_to: Option<u64>,
}

/// A reaction to a post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Reaction {
    /// Index into [`World::people`].
    pub person: usize,
    /// `LIKE`, `PRAISE`, `EMPATHY`, `INTEREST`, `APPRECIATION` or `ENTERTAINMENT`.
    pub kind: String,
    /// When it was given (the last change of kind); 0 for a generated reaction, taken to be
    /// given after the post (see [`Post::reaction_time`]).
    pub at: u64,
}

/// A conversation of the demo account's mailbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Conversation {
    /// The thread id, `2-<base64>==`, of `urn:li:msg_conversation:(<mailbox>,<thread>)`.
    pub thread_id: String,
    /// The other participants (indices into [`World::people`]); the demo account is implied.
    pub participants: Vec<usize>,
    /// `PRIMARY_INBOX`, `SECONDARY_INBOX` or `ARCHIVE`.
    pub category: String,
    /// Whether the demo account has read it.
    pub read: bool,
    /// Messages, oldest first.
    pub messages: Vec<Message>,
    /// The title a group conversation was given, if any.
    pub title: Option<String>,
    /// The [`World::mailbox_revision`] of its last change; 0 for one unchanged since the world
    /// was generated.
    pub revision: u64,
}

/// A message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The message id, `2-<base64>==`, of `urn:li:msg_message:(<mailbox>,<id>)`.
    pub id: String,
    /// Index into [`World::people`] (0 for the demo account).
    pub sender: usize,
    /// The text.
    pub text: String,
    /// When it was delivered.
    pub delivered_at: u64,
    /// The token the sending client gave it (`originToken`), which LinkedIn echoes to the
    /// sender's mailbox: set for the demo account's own messages, `None` for others'.
    pub origin_token: Option<String>,
    /// Whether its sender edited it (`messageBodyRenderFormat: EDITED`).
    pub edited: bool,
    /// Whether its sender recalled it (`RECALLED`: the text is gone for everyone).
    pub recalled: bool,
    /// Its reactions: (emoji, who, when), in the order they were added.
    pub reactions: Vec<(String, usize, u64)>,
    /// The files sent with it; none in a generated world.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<MessageFile>,
}

/// A view of a member's profile by another member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProfileView {
    /// Who looked (index into [`World::people`]).
    pub viewer: usize,
    /// Whose profile (index into [`World::people`]).
    pub viewed: usize,
    /// When.
    pub at: u64,
}

/// A pending invitation, to or from the demo account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Invitation {
    /// The numeric id of `urn:li:fs_relInvitation:` / `urn:li:invitation:`.
    pub id: u64,
    /// The secret that accepting or rejecting it must send back.
    pub shared_secret: String,
    /// Index into [`World::people`].
    pub from: usize,
    /// Index into [`World::people`].
    pub to: usize,
    /// The note, at most 300 characters.
    pub message: Option<String>,
    /// When it was sent.
    pub sent_at: u64,
}
