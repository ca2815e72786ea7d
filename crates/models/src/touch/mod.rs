//! The 2015 mobile "touch" API's answers (`shared/reference/touch.md`), read into meaning.
//!
//! The touch API answers in JSON shaped after the iPhone app's screens: each object names
//! its widget in `tType` (`personTopCard`, `sect4`, `prt2`, `rt20`, ...) and carries its lines
//! as `text1`, `text2`, `text3`. The types here say what those lines are (a name, a headline,
//! "Location | Industry" split in two, a connection count parsed from its text...). What they
//! leave out stays reachable: the facade hands them out inside [`Raw`](crate::Raw).
//!
//! Three endpoints (recommendations, notifications, who viewed my profile) were listed in the
//! write-up without any shape. Their models ([`Recommendation`], [`Notifications`],
//! [`ProfileViews`]) read the shape the sandbox gives them, designed in the same style; each
//! says which parts are invented.

use serde::{Deserialize, Serialize};
use serde_json::Value;

crate::open_enum! {
    /// The section of a background (`contextType`), which a client can filter on.
    pub enum ContextType {
        /// Positions.
        Experience1 = "experience1",
        /// Schools.
        Education1 = "education1",
        /// A second education section (named by the write-up, not described).
        Education2 = "education2",
        /// Patents. The write-up names the section but not its `contextType`; the value is
        /// assumed by analogy with `experience1` / `education1`.
        Patents1 = "patents1",
        /// Projects. The write-up names the section but not its `contextType`; the value is
        /// assumed by analogy with `experience1` / `education1`.
        Projects1 = "projects1",
    }
}

/// An empty [`ContextType::Other`] stands for a section without `contextType`.
impl Default for ContextType {
    fn default() -> Self {
        Self::Other(String::new())
    }
}

crate::open_enum! {
    /// What a mailbox item is (its `tType`).
    pub enum MailboxItemKind {
        /// An invitation to connect.
        Invitation = "invitation",
        /// A message.
        Message = "message",
    }
}

/// An empty [`MailboxItemKind::Other`] stands for an item without `tType`.
impl Default for MailboxItemKind {
    fn default() -> Self {
        Self::Other(String::new())
    }
}

crate::open_enum! {
    /// What a notification tells of (its `type`; the values are the sandbox's, see
    /// [`Notifications`]).
    pub enum NotificationKind {
        /// Someone invited the member to connect.
        Invitation = "invitation",
        /// Someone commented on the member's post.
        Comment = "comment",
    }
}

/// An empty [`NotificationKind::Other`] stands for a notification without `type`.
impl Default for NotificationKind {
    fn default() -> Self {
        Self::Other(String::new())
    }
}

/// A member as the touch API summarises one: the logged-in member (`people/person`'s
/// `response`, the page's `person` with `tType: pt1`), a connection (`pt3`), a mailbox
/// sender or recipient.
///
/// `id`, `first_name`, `last_name` and `has_picture` are in every person the write-up shows:
/// they are required (missing, `null` or of another type is a decode error naming the path,
/// never `""` or `false`). The phone numbers are empty when left out; the rest is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct TouchPerson {
    /// The member id (digits), the `:id` of the touch paths: an id that is not 1 to 20
    /// digits does not read (LinkedIn sent it wrong; it would be refused as a path).
    #[serde(deserialize_with = "member_id")]
    pub id: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The name as displayed.
    pub formatted_name: Option<String>,
    /// The headline.
    pub headline: Option<String>,
    /// The e-mail address (the logged-in member's own summary only).
    pub email: Option<String>,
    /// Degrees from the viewer: 0 for the viewer, 1 to 3, `-1` out of network.
    pub distance: Option<i32>,
    /// Whether the member has a picture.
    pub has_picture: bool,
    /// The picture, small.
    pub picture: Option<String>,
    /// The picture as uploaded (the page's person).
    pub original_picture: Option<String>,
    /// The token the app sent to open an out-of-network profile (`name:xxyz`).
    pub auth_token: Option<String>,
    /// The industry (the page's person).
    pub industry: Option<String>,
    /// Where the member is (the page's person).
    pub location: Option<String>,
    /// Phone numbers (the page's person), as sent: the write-up does not describe them.
    #[serde(default)]
    pub phone_numbers: Vec<Value>,
    /// The widget (`pt1` on the page, `pt3` in connections), when given.
    pub t_type: Option<String>,
}

/// A member id as the touch paths take it: 1 to 20 ASCII digits.
fn member_id<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let id = String::deserialize(deserializer)?;
    if (1..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id)
    } else {
        Err(serde::de::Error::invalid_value(
            serde::de::Unexpected::Str(&crate::error::bounded(&id, 40)),
            &"a member id (1 to 20 digits)",
        ))
    }
}

/// The logged-in member's page (`GET /li/v1/pages/you`'s `profile`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct MyPage {
    /// The member (required: a page without one does not read).
    pub person: TouchPerson,
    /// The page's background-like sections.
    #[serde(default)]
    pub detail: Vec<BackgroundSection>,
}

/// A link from one widget to another screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct TouchLink {
    /// The touch API path of the screen (`/li/v2/profile/7881116/detail/background`).
    pub resource_path: Option<String>,
    /// The id of what it links to (a member id for people).
    pub id: Option<String>,
    /// What it links to (`person`, `skill`), when given.
    #[serde(rename(deserialize = "type"))]
    pub kind: Option<String>,
    /// The background section it opens, when it opens one.
    pub target_context_type: Option<ContextType>,
}

/// Any widget of the touch API: the union of the fields the write-up shows on `tType`
/// objects, read once and then given meaning by the public types.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
struct Widget {
    t_type: Option<String>,
    text1: Option<String>,
    text2: Option<String>,
    text3: Option<String>,
    header: Option<String>,
    count: Option<u64>,
    id: Option<String>,
    picture_url: Option<String>,
    picture_logo: Option<String>,
    represents_current_user: bool,
    link: Option<TouchLink>,
    values: Vec<Widget>,
    // The invented widgets' own fields.
    #[serde(rename = "type")]
    kind: Option<String>,
    recommendation_text: Option<String>,
    timestamp: Option<u64>,
    distance: Option<i32>,
    activity_id: Option<String>,
}

impl Widget {
    fn link_id(&self) -> Option<String> {
        self.link.as_ref().and_then(|l| l.id.clone())
    }
}

/// A member's top card (`GET /li/v2/profile/:id`'s `personTopCard`), its lines given meaning.
///
/// The name is required, and a connection count that is not a number does not read (both
/// are decode errors, never `""` or no count).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TopCardWire")]
pub struct TopCard {
    /// The name (`text1`).
    pub name: String,
    /// The headline (`text2`).
    pub headline: Option<String>,
    /// Where the member is: `text3` before ` | `.
    pub location: Option<String>,
    /// The industry: `text3` after ` | `.
    pub industry: Option<String>,
    /// Whether it is the viewer's own card (`isSelf`), when the card says: the one recorded
    /// card carries it, but nothing shows that LinkedIn sends it on every card, so an absent
    /// `isSelf` is `None` (not said), never read as `false`.
    pub is_self: Option<bool>,
    /// The connection count of `summary1` (`"139"` → 139; a capped `"500+"` → 500).
    pub connections: Option<u32>,
    /// The current position (`summary2`), when the card shows one.
    pub current_position: Option<CurrentPosition>,
    /// The member id, when the card links to the member's background.
    pub member_id: Option<String>,
}

/// The current position on a top card (`summary2`, `tType: sum4`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct CurrentPosition {
    /// The company (`text1`).
    pub company: Option<String>,
    /// The title (`text2`).
    pub title: Option<String>,
    /// The dates and duration as shown (`March 2011 - Present (4 years 7 months)`).
    pub dates: Option<String>,
    /// The company's logo.
    pub picture_url: Option<String>,
    /// Where it leads (the background's experience section).
    pub link: Option<TouchLink>,
}

#[derive(Default, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
struct TopCardWire {
    text1: Option<String>,
    text2: Option<String>,
    text3: Option<String>,
    is_self: Option<bool>,
    summary1: Option<Widget>,
    summary2: Option<Widget>,
}

/// `"139"` → 139, `"1,055"` → 1055, `"500+"` → 500.
fn leading_number(text: &str) -> Option<u32> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Empty text is no text.
fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl TryFrom<TopCardWire> for TopCard {
    type Error = String;

    fn try_from(wire: TopCardWire) -> Result<Self, String> {
        let (location, industry) = match wire.text3.as_deref() {
            Some(text) => match text.split_once(" | ") {
                Some((place, industry)) => (non_empty(place), non_empty(industry)),
                None => (non_empty(text), None),
            },
            None => (None, None),
        };
        let counted = wire.summary1.as_ref().and_then(|s| {
            s.values.iter().find(|v| {
                v.text2
                    .as_deref()
                    .is_some_and(|l| l.trim().to_lowercase().starts_with("connection"))
            })
        });
        // The summary (`sum1`) is where the card counts connections: one that lists values
        // but none of them is the count does not read.
        if counted.is_none() && wire.summary1.as_ref().is_some_and(|s| !s.values.is_empty()) {
            return Err("a summary (summary1) without a connection count".to_owned());
        }
        let connections = match counted {
            Some(v) => Some(v.text1.as_deref().and_then(leading_number).ok_or_else(|| {
                format!(
                    "a connection count that is not a number: {:?}",
                    crate::error::bounded(v.text1.as_deref().unwrap_or_default(), 40)
                )
            })?),
            None => None,
        };
        let member_id = wire.summary2.as_ref().and_then(Widget::link_id);
        let current_position = wire.summary2.map(|s| CurrentPosition {
            company: s.text1,
            title: s.text2,
            dates: s.text3,
            picture_url: s.picture_url,
            link: s.link,
        });
        Ok(Self {
            name: wire
                .text1
                .filter(|n| !n.trim().is_empty())
                .ok_or("a top card without a name (text1)")?,
            headline: wire.text2,
            location,
            industry,
            is_self: wire.is_self,
            connections,
            current_position,
            member_id,
        })
    }
}

/// A member's connections (`GET /li/v1/people/:id/connections`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct Connections {
    /// How many connections the member has in all (required: never read as 0).
    pub total: u64,
    /// How many are listed here (at most the `count` asked for).
    pub count: Option<u64>,
    /// The connections listed (`values`).
    #[serde(default, rename(deserialize = "values"))]
    pub people: Vec<TouchPerson>,
}

/// One section of a background (`tType: sect4`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct BackgroundSection {
    /// Which section (`contextType`): required (a section that does not say is a decode
    /// error, never a section of no kind).
    #[serde(rename(deserialize = "contextType"))]
    pub context: ContextType,
    /// Its entries (`values`).
    #[serde(default, rename(deserialize = "values"))]
    pub items: Vec<BackgroundItem>,
}

/// One entry of a background section (`tType: prt2`): a school or a position.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Widget")]
pub struct BackgroundItem {
    /// The school or company (`header`).
    pub organization: Option<String>,
    /// The degree and field, or the title (`text1`).
    pub title: Option<String>,
    /// The line below (`text2`; dates in the sandbox, not described by the write-up).
    pub subtitle: Option<String>,
    /// The third line (`text3`; a description in the sandbox, not described by the write-up).
    pub description: Option<String>,
    /// The organization's logo.
    pub picture_url: Option<String>,
    /// The placeholder logo's name (`education_grey`).
    pub picture_logo: Option<String>,
}

impl From<Widget> for BackgroundItem {
    fn from(w: Widget) -> Self {
        Self {
            organization: w.header,
            title: w.text1,
            subtitle: w.text2,
            description: w.text3,
            picture_url: w.picture_url,
            picture_logo: w.picture_logo,
        }
    }
}

/// A skill's endorsements (`GET /li/v2/people/:id/endorsements`, one element of `values`):
/// the first inner value (`rt20`) names the skill and its count, the following ones (`rt24`)
/// are endorsers.
///
/// The skill's name and each endorser's name are required (decode errors, never `""`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EndorsementWire")]
pub struct Endorsement {
    /// The skill (`text1` of the `rt20`).
    pub skill: String,
    /// How many endorsed it (`count`).
    pub count: u32,
    /// The endorsers listed.
    pub endorsers: Vec<Endorser>,
    /// The touch path of the skill's endorsements (`/li/v2/people/endorsements?skill=…`).
    pub resource_path: Option<String>,
}

/// A member who endorsed a skill (`tType: rt24`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Endorser {
    /// Name (`text1`).
    pub name: String,
    /// Headline (`text2`).
    pub headline: Option<String>,
    /// The endorser's member id (from the link).
    pub member_id: Option<String>,
    /// Picture.
    pub picture_url: Option<String>,
    /// Whether the endorser is the viewer.
    pub represents_current_user: bool,
}

#[derive(Default, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
struct EndorsementWire {
    resource_path: Option<String>,
    values: Vec<Widget>,
}

impl TryFrom<EndorsementWire> for Endorsement {
    type Error = String;

    fn try_from(wire: EndorsementWire) -> Result<Self, String> {
        let mut rest: Vec<Widget> = Vec::new();
        let mut head = None;
        for v in wire.values {
            if head.is_none() && (v.t_type.as_deref() == Some("rt20") || v.t_type.is_none()) {
                head = Some(v);
            } else {
                rest.push(v);
            }
        }
        let head = head.unwrap_or_default();
        let endorsers = rest
            .into_iter()
            .filter(|v| v.t_type.as_deref() != Some("rt20"))
            .map(|v| {
                Ok(Endorser {
                    member_id: v.link_id(),
                    name: required_text1(v.text1, "an endorser")?,
                    headline: v.text2,
                    picture_url: v.picture_url,
                    represents_current_user: v.represents_current_user,
                })
            })
            .collect::<Result<Vec<Endorser>, String>>()?;
        let count = head
            .count
            .and_then(|c| u32::try_from(c).ok())
            .unwrap_or_else(|| u32::try_from(endorsers.len()).unwrap_or(u32::MAX));
        Ok(Self {
            skill: required_text1(head.text1, "a skill")?,
            count,
            endorsers,
            resource_path: wire.resource_path,
        })
    }
}

/// A widget's `text1` that names it (a name, a skill): required.
fn required_text1(text1: Option<String>, what: &str) -> Result<String, String> {
    text1
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| format!("{what} without its name (text1)"))
}

/// The logged-in member's mailbox (`GET /li/v1/pages/mailbox`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Mailbox {
    /// Pending invitations.
    pub invitations: MailboxPage<MailboxItem>,
    /// Messages.
    pub messages: MailboxPage<MailboxItem>,
}

/// One page of a mailbox list, with its paging fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    rename_all(deserialize = "camelCase"),
    bound(deserialize = "T: Deserialize<'de>")
)]
pub struct MailboxPage<T> {
    /// How many there are in all.
    pub total: u64,
    /// The offset of this page.
    pub start: u64,
    /// The page size.
    pub count: u64,
    /// How many are unread (messages only).
    pub unread: Option<u64>,
    /// How many are not seen yet.
    pub unseen: Option<u64>,
    /// How many were dropped from the list.
    pub dropped_count: Option<u64>,
    /// This page's items (`values`).
    #[serde(rename(deserialize = "values"))]
    pub items: Vec<T>,
}

impl<T> Default for MailboxPage<T> {
    fn default() -> Self {
        Self {
            total: 0,
            start: 0,
            count: 0,
            unread: None,
            unseen: None,
            dropped_count: None,
            items: Vec::new(),
        }
    }
}

/// An invitation or a message of the mailbox.
///
/// Its kind, id and read and seen flags are in every item the write-up shows: required
/// (decode errors, never `""` or `false`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct MailboxItem {
    /// Invitation or message (`tType`).
    #[serde(rename(deserialize = "tType"))]
    pub kind: MailboxItemKind,
    /// The item id (`I60118598766633_500`).
    pub id: String,
    /// The subject.
    pub subject: Option<String>,
    /// The text.
    pub body: Option<String>,
    /// Who sent it.
    pub from: Option<TouchPerson>,
    /// Who it went to (messages).
    #[serde(default)]
    pub to: Vec<TouchPerson>,
    /// The folder (`inbox`).
    pub folder: Option<String>,
    /// Whether it was read.
    pub read: bool,
    /// Whether it was seen.
    pub seen: bool,
    /// When it was sent, in epoch milliseconds.
    pub timestamp: Option<u64>,
    /// Whether the inviter wrote a note of their own (invitations).
    pub is_custom_message: Option<bool>,
    /// Whether it is an InMail (messages).
    #[serde(rename(deserialize = "isMsgTypeInmail"))]
    pub is_inmail: Option<bool>,
    /// Whether the member replied (messages).
    pub has_replied: Option<bool>,
}

/// A recommendation of a member (`GET /li/v2/profile/:id/detail/recommendations`, one
/// element of `values`).
///
/// **Invented shape**: the write-up lists the endpoint without one. The sandbox answers
/// `{"total", "values": [{"tType": "rec1", "text1", "text2", "text3", "recommendationText",
/// "pictureUrl", "link"}]}` in the style of the endorsers (`rt24`); `rec1`, `text3` as the
/// relationship and `recommendationText` are invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Widget")]
pub struct Recommendation {
    /// Who recommends (`text1`).
    pub recommender: String,
    /// Their headline (`text2`).
    pub headline: Option<String>,
    /// How they know the member (`text3`).
    pub relationship: Option<String>,
    /// The recommendation (`recommendationText`).
    pub text: Option<String>,
    /// The recommender's member id (from the link).
    pub member_id: Option<String>,
    /// The recommender's picture.
    pub picture_url: Option<String>,
}

impl TryFrom<Widget> for Recommendation {
    type Error = String;

    fn try_from(w: Widget) -> Result<Self, String> {
        Ok(Self {
            member_id: w.link_id(),
            recommender: required_text1(w.text1, "a recommendation's recommender")?,
            headline: w.text2,
            relationship: w.text3,
            text: w.recommendation_text,
            picture_url: w.picture_url,
        })
    }
}

/// The logged-in member's notifications (`GET /li/v2/notifications`).
///
/// **Invented shape**: the write-up lists the endpoint without one. The sandbox answers
/// `{"total", "start", "count", "values": [{"tType": "notif1", "type", "text1", "text2",
/// "timestamp", "pictureUrl", "link", "activityId"}]}`, paged like the mailbox; `notif1`, the
/// `type` values and `activityId` are invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct Notifications {
    /// How many there are in all.
    pub total: u64,
    /// The offset of this page.
    pub start: u64,
    /// The page size.
    pub count: u64,
    /// This page's notifications, newest first (`values`).
    #[serde(rename(deserialize = "values"))]
    pub items: Vec<Notification>,
}

/// One notification (see [`Notifications`] for what is invented).
///
/// Its kind (`type`) and text are required (decode errors, never `""`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Widget")]
pub struct Notification {
    /// What it tells of (`type`).
    pub kind: NotificationKind,
    /// What happened, as shown (`text1`).
    pub text: String,
    /// The comment or the note, when there is one (`text2`).
    pub detail: Option<String>,
    /// When, in epoch milliseconds.
    pub timestamp: Option<u64>,
    /// Who did it: their member id (from the link).
    pub actor_id: Option<String>,
    /// Their picture.
    pub picture_url: Option<String>,
    /// The post it is about (comments), its activity id.
    pub activity_id: Option<String>,
}

impl TryFrom<Widget> for Notification {
    type Error = String;

    fn try_from(w: Widget) -> Result<Self, String> {
        Ok(Self {
            actor_id: w.link_id(),
            kind: w
                .kind
                .as_deref()
                .filter(|k| !k.is_empty())
                .map(|k| {
                    k.parse()
                        .unwrap_or_else(|never: std::convert::Infallible| match never {})
                })
                .ok_or("a notification without its type")?,
            text: required_text1(w.text1, "a notification")?,
            detail: w.text2,
            timestamp: w.timestamp,
            picture_url: w.picture_url,
            activity_id: w.activity_id,
        })
    }
}

/// Who viewed the logged-in member's profile (`GET /li/v2/wvmp`).
///
/// **Invented shape**: the write-up lists the endpoint without one. The sandbox answers
/// `{"total", "start", "count", "values": [{"tType": "wvmp1", "text1", "text2", "distance",
/// "timestamp", "pictureUrl", "link"}]}`, paged like the mailbox, its items in the style of
/// the endorsers (`rt24`); `wvmp1` and the combination are invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all(deserialize = "camelCase"))]
pub struct ProfileViews {
    /// How many views there are in all.
    pub total: u64,
    /// The offset of this page.
    pub start: u64,
    /// The page size.
    pub count: u64,
    /// The viewers, newest view first (`values`).
    #[serde(rename(deserialize = "values"))]
    pub viewers: Vec<Viewer>,
}

/// One profile view (see [`ProfileViews`] for what is invented).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Widget")]
pub struct Viewer {
    /// Name (`text1`).
    pub name: String,
    /// Headline (`text2`).
    pub headline: Option<String>,
    /// Degrees from the member: 1 to 3, `-1` out of network.
    pub distance: Option<i32>,
    /// When they looked, in epoch milliseconds.
    pub timestamp: Option<u64>,
    /// Their member id (from the link).
    pub member_id: Option<String>,
    /// Their picture.
    pub picture_url: Option<String>,
}

impl TryFrom<Widget> for Viewer {
    type Error = String;

    fn try_from(w: Widget) -> Result<Self, String> {
        Ok(Self {
            member_id: w.link_id(),
            name: required_text1(w.text1, "a viewer")?,
            headline: w.text2,
            distance: w.distance,
            timestamp: w.timestamp,
            picture_url: w.picture_url,
        })
    }
}

#[cfg(test)]
mod tests;
