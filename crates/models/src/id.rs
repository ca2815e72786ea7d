//! LinkedIn's ids that a string could confuse, each its own type, checked once when parsed:
//! a member's [`ProfileId`] (`ACoAA…`) and [`PublicId`] (`linkedin.com/in/<public id>`), a
//! [`Member`] given either way, and a [`ConversationId`] (its thread, and the mailbox when the
//! full `urn:li:msg_conversation:` URN was given).
//!
//! ```
//! use linkedin_models::id::{ConversationId, Member, ProfileId, PublicId};
//!
//! let id: ProfileId = "urn:li:fsd_profile:ACoAABx3kQ0".parse()?;
//! assert_eq!(id.as_str(), "ACoAABx3kQ0");
//! assert_eq!(id.urn(), "urn:li:fsd_profile:ACoAABx3kQ0");
//! assert!(matches!("bill-gates".parse::<Member>()?, Member::Public(_)));
//! assert!("not a profile".parse::<ProfileId>().is_err());
//! let c: ConversationId = "2-YWJjZA==".parse()?;
//! assert_eq!(c.thread(), "2-YWJjZA==");
//! # let _: PublicId = "bill-gates".parse()?;
//! # Ok::<(), linkedin_models::id::IdError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use restli::Urn;
use serde::{Serialize, Serializer};

/// Why a text is not the id asked for: a sentence that says what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct IdError(String);

impl IdError {
    fn new(reason: String) -> Self {
        Self(reason)
    }
}

/// A URN of one of `types`, parsed.
fn urn_of(text: &str, types: &[&str]) -> Result<Urn, IdError> {
    let urn = Urn::parse(text).map_err(|e| IdError::new(format!("{text:?} is not a URN: {e}")))?;
    if !types.contains(&urn.entity_type()) {
        return Err(IdError::new(format!(
            "{text:?} is a {} URN; expected urn:li:{}:…",
            urn.entity_type(),
            types.join(" or urn:li:")
        )));
    }
    Ok(urn)
}

/// A member's profile id (`ACoAA…`): the id of `urn:li:fsd_profile:<id>`, which also names
/// the member's messaging mailbox. Parsed from the id or from a `urn:li:fsd_profile:`,
/// `urn:li:fs_miniProfile:` or `urn:li:fs_profile:` URN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProfileId(String);

impl ProfileId {
    /// Checks `text` (surrounding blanks ignored).
    ///
    /// # Errors
    ///
    /// [`IdError`] saying what a profile id looks like.
    pub fn parse(text: &str) -> Result<Self, IdError> {
        let text = text.trim();
        let id = if text.starts_with("urn:") {
            urn_of(text, &["fsd_profile", "fs_miniProfile", "fs_profile"])?
                .id()
                .to_owned()
        } else {
            text.to_owned()
        };
        let ok = id.len() >= 10
            && id.len() <= 200
            && id.starts_with("ACo")
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(Self(id))
        } else {
            Err(IdError::new(format!(
                "{text:?} is not a profile id (ACoAA…) or urn:li:fsd_profile:… URN"
            )))
        }
    }

    /// The id, `ACoAA…`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `urn:li:fsd_profile:<id>`: the profile, and the member's messaging mailbox.
    #[must_use]
    pub fn urn(&self) -> String {
        format!("urn:li:fsd_profile:{}", self.0)
    }
}

/// A member's public id, the `<public id>` of `linkedin.com/in/<public id>`: 3 to 100
/// letters, digits, `-` or `_` (letters may be non-ASCII: LinkedIn allows localized ids).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicId(String);

impl PublicId {
    /// Checks `text` (surrounding blanks ignored).
    ///
    /// # Errors
    ///
    /// [`IdError`] saying what a public id looks like.
    pub fn parse(text: &str) -> Result<Self, IdError> {
        let id = text.trim();
        let ok = (3..=100).contains(&id.chars().count())
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if ok {
            Ok(Self(id.to_owned()))
        } else {
            Err(IdError::new(format!(
                "{id:?} is not a public profile id (3 to 100 letters, digits, '-' or '_', as in linkedin.com/in/<id>)"
            )))
        }
    }

    /// The id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A member named either way: what the profile methods take.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Member {
    /// By public id (resolved to the profile id where an endpoint needs it).
    Public(PublicId),
    /// By profile id.
    Profile(ProfileId),
}

impl Member {
    /// A profile id or profile URN (text starting with `ACoAA` or `urn:`), else a public id.
    ///
    /// # Errors
    ///
    /// [`IdError`] of the kind the text looked like.
    pub fn parse(text: &str) -> Result<Self, IdError> {
        let text = text.trim();
        if text.starts_with("urn:") || text.starts_with("ACoAA") {
            ProfileId::parse(text).map(Self::Profile)
        } else {
            PublicId::parse(text).map(Self::Public)
        }
    }

    /// The id as given: what the `memberIdentity` finder takes either way.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Self::Public(id) => id.as_str(),
            Self::Profile(id) => id.as_str(),
        }
    }
}

impl From<ProfileId> for Member {
    fn from(id: ProfileId) -> Self {
        Self::Profile(id)
    }
}

impl From<PublicId> for Member {
    fn from(id: PublicId) -> Self {
        Self::Public(id)
    }
}

/// A conversation: its thread id (`2-<base64>==`, as in
/// `linkedin.com/messaging/thread/<id>/`), and the mailbox it belongs to when the full
/// `urn:li:msg_conversation:(urn:li:fsd_profile:<mailbox>,<thread>)` was given. Parsed from
/// that URN, from `urn:li:messagingThread:`, `urn:li:fsd_conversation:` or
/// `urn:li:fs_conversation:` with a thread id, or from the bare thread id. Shown as the full
/// URN when the mailbox is known, else as the thread id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConversationId {
    mailbox: Option<ProfileId>,
    thread: String,
}

impl ConversationId {
    /// Checks `text` (surrounding blanks ignored).
    ///
    /// # Errors
    ///
    /// [`IdError`] saying what a conversation looks like.
    pub fn parse(text: &str) -> Result<Self, IdError> {
        let text = text.trim();
        let bad = |why: &str| IdError::new(format!("{text:?} {why}"));
        if !text.starts_with("urn:") {
            return Ok(Self {
                mailbox: None,
                thread: thread_id(text)?,
            });
        }
        let urn = urn_of(
            text,
            &[
                "msg_conversation",
                "messagingThread",
                "fsd_conversation",
                "fs_conversation",
            ],
        )?;
        if urn.entity_type() != "msg_conversation" {
            return Ok(Self {
                mailbox: None,
                thread: thread_id(urn.id())?,
            });
        }
        let (Some(mailbox), Some(thread), 2) = (urn.nested(0), urn.part(1), urn.part_count())
        else {
            return Err(bad(
                "is not urn:li:msg_conversation:(urn:li:fsd_profile:<mailbox>,<thread id>)",
            ));
        };
        if mailbox.entity_type() != "fsd_profile" {
            return Err(bad("names a mailbox that is not a urn:li:fsd_profile: URN"));
        }
        let mailbox = ProfileId::parse(mailbox.as_str())
            .map_err(|_| bad("names a mailbox that is not a member's profile"))?;
        Ok(Self {
            mailbox: Some(mailbox),
            thread: thread_id(thread)?,
        })
    }

    /// The conversation `thread` of `mailbox`.
    ///
    /// # Errors
    ///
    /// [`IdError`] when `thread` is not a thread id.
    pub fn in_mailbox(mailbox: ProfileId, thread: &str) -> Result<Self, IdError> {
        Ok(Self {
            mailbox: Some(mailbox),
            thread: thread_id(thread)?,
        })
    }

    /// The thread id, `2-<base64>==`.
    #[must_use]
    pub fn thread(&self) -> &str {
        &self.thread
    }

    /// The mailbox, when known.
    #[must_use]
    pub fn mailbox(&self) -> Option<&ProfileId> {
        self.mailbox.as_ref()
    }

    /// `urn:li:msg_conversation:(urn:li:fsd_profile:<mailbox>,<thread>)` of this thread in
    /// `mailbox`.
    #[must_use]
    pub fn urn_in(&self, mailbox: &ProfileId) -> String {
        format!(
            "urn:li:msg_conversation:({},{})",
            mailbox.urn(),
            self.thread
        )
    }
}

/// A thread id: 1 to 200 characters of base64 and `-`/`_`, as LinkedIn's `2-<base64>==` ids
/// (and the older numeric ones) are.
fn thread_id(id: &str) -> Result<String, IdError> {
    // `2-` is the messenger's prefix: the base64 after it must be there.
    let body = id.strip_prefix("2-").unwrap_or(id);
    let ok = (1..=200).contains(&id.len())
        && body.trim_end_matches('=').len() >= 2
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/' | b'='));
    if ok {
        Ok(id.to_owned())
    } else {
        Err(IdError::new(format!(
            "{id:?} is not a conversation thread id (2-<base64>==)"
        )))
    }
}

macro_rules! text_id {
    ($($ty:ty),*) => {$(
        impl FromStr for $ty {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                Self::parse(text)
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = IdError;
            fn try_from(text: &str) -> Result<Self, IdError> {
                Self::parse(text)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
    )*};
}

text_id!(ProfileId, PublicId, Member, ConversationId);

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for PublicId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for Member {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for ConversationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.mailbox {
            Some(mailbox) => f.write_str(&self.urn_in(mailbox)),
            None => f.write_str(&self.thread),
        }
    }
}

macro_rules! str_like {
    ($($ty:ty),*) => {$(
        /// The id as text, so it can be used wherever a `&str` is taken.
        impl std::ops::Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<String> for $ty {
            fn eq(&self, other: &String) -> bool {
                self.0 == *other
            }
        }
    )*};
}

str_like!(ProfileId, PublicId);

impl ConversationId {
    /// Whether `text` is how this conversation is shown (its URN, or its thread id).
    fn shown_as(&self, text: &str) -> bool {
        match &self.mailbox {
            None => self.thread == text,
            Some(mailbox) => {
                text.strip_prefix("urn:li:msg_conversation:(urn:li:fsd_profile:")
                    .and_then(|rest| rest.strip_prefix(mailbox.as_str()))
                    .and_then(|rest| rest.strip_prefix(','))
                    .and_then(|rest| rest.strip_suffix(')'))
                    == Some(self.thread.as_str())
            }
        }
    }
}

/// A conversation equals the text it is shown as (its URN, or its thread id).
impl PartialEq<str> for ConversationId {
    fn eq(&self, other: &str) -> bool {
        self.shown_as(other)
    }
}

impl PartialEq<&str> for ConversationId {
    fn eq(&self, other: &&str) -> bool {
        self.shown_as(other)
    }
}

impl PartialEq<String> for ConversationId {
    fn eq(&self, other: &String) -> bool {
        self.shown_as(other)
    }
}

impl PartialEq<str> for ProfileId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for ProfileId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<str> for PublicId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for PublicId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn profile_ids_in_every_form() {
        for ok in [
            "ACoAABx3kQ0",
            " urn:li:fsd_profile:ACoAABx3kQ0 ",
            "urn:li:fs_miniProfile:ACoAABx3kQ0",
        ] {
            assert_eq!(ProfileId::parse(ok).unwrap(), "ACoAABx3kQ0", "{ok}");
        }
        for bad in [
            "",
            "bill-gates",
            "urn:li:fsd_profile",
            "urn:li:fsd_profile:",
            "urn:li:company:1337",
            "ACoAA b c d e f",
        ] {
            assert!(ProfileId::parse(bad).is_err(), "{bad}");
        }
        let err = ProfileId::parse("urn:li:company:1337").unwrap_err();
        assert!(err.to_string().contains("company URN"), "{err}");
    }

    #[test]
    fn public_ids_and_members() {
        assert!(PublicId::parse("bill-gates").is_ok());
        assert!(PublicId::parse("jos\u{e9}-garc\u{ed}a").is_ok());
        for bad in ["", "ab", "a b c", "x/../y", "has,comma", "(paren)"] {
            assert!(PublicId::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Member::parse(" demo-member ").unwrap(),
            Member::Public(PublicId::parse("demo-member").unwrap())
        );
        assert_eq!(
            Member::parse("urn:li:fsd_profile:ACoAABx3kQ0").unwrap(),
            Member::Profile(ProfileId::parse("ACoAABx3kQ0").unwrap())
        );
        for bad in ["", "a b", "urn:li:company:1337", "x/../y"] {
            assert!(Member::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn conversations_in_every_form() {
        let full = ConversationId::parse(
            "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABx3kQ0,2-YWJj==)",
        )
        .unwrap();
        assert_eq!(full.mailbox().unwrap(), "ACoAABx3kQ0");
        assert_eq!(full.thread(), "2-YWJj==");
        let shown = "urn:li:msg_conversation:(urn:li:fsd_profile:ACoAABx3kQ0,2-YWJj==)";
        assert_eq!(full.to_string(), shown);
        assert_eq!(full, shown);
        assert_ne!(full, "2-YWJj==");
        for short in [
            "2-YWJj==",
            "urn:li:messagingThread:2-YWJj==",
            "urn:li:fsd_conversation:2-YWJj==",
        ] {
            let c = ConversationId::parse(short).unwrap();
            assert_eq!((c.mailbox(), c.thread()), (None, "2-YWJj=="));
            assert_eq!(c.to_string(), "2-YWJj==");
            assert_eq!(c, "2-YWJj==");
        }
        for bad in [
            "",
            "2-a b",
            "urn:li:msg_conversation:(urn:li:company:1,2-YWJj==)",
            "urn:li:msg_conversation:(urn:li:fsd_profile:x,2-YWJj==)",
            "urn:li:msg_conversation:2-YWJj==",
            "urn:li:fsd_profile:ACoAAB",
            "x,y",
        ] {
            assert!(ConversationId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_serialize_as_their_text() {
        let id = ProfileId::parse("ACoAABx3kQ0").unwrap();
        assert_eq!(serde_json::to_value(&id).unwrap(), "ACoAABx3kQ0");
    }
}
