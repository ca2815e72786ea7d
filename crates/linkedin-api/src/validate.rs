//! Arguments checked before any request is sent: a bad one is [`Error::InvalidInput`] naming
//! the argument, and nothing leaves the machine.

use linkedin_models::id::{ConversationId, IdError, Member, ProfileId, PublicId};
use restli::Urn;

use crate::error::{Error, Result};

/// The longest note LinkedIn accepts with a connection request.
pub const INVITATION_MESSAGE_MAX: usize = 300;

/// The longest search keywords accepted (LinkedIn's search box stops far earlier).
pub const KEYWORDS_MAX: usize = 1000;

/// A public id (`linkedin.com/in/<public id>`), checked by [`PublicId::parse`].
pub(crate) fn public_id(field: &'static str, id: &str) -> Result<PublicId> {
    PublicId::parse(id).map_err(|e| invalid(field, e))
}

/// A member by public id, profile id or profile URN, checked by [`Member::parse`].
pub(crate) fn member(field: &'static str, who: &str) -> Result<Member> {
    Member::parse(who).map_err(|e| invalid(field, e))
}

/// [`Error::InvalidInput`] for `field`, with the id's own reason.
fn invalid(field: &'static str, e: IdError) -> Error {
    Error::InvalidInput {
        field,
        reason: e.to_string(),
    }
}

/// A URN of one of `types` (`fsd_profile`, ...), parsed.
pub(crate) fn urn(field: &'static str, text: &str, types: &[&str]) -> Result<Urn> {
    let bad = |why: String| Error::InvalidInput { field, reason: why };
    let urn = Urn::parse(text.trim()).map_err(|e| bad(format!("{text:?} is not a URN: {e}")))?;
    if !types.contains(&urn.entity_type()) {
        return Err(bad(format!(
            "{text:?} is a {} URN; expected urn:li:{}:…",
            urn.entity_type(),
            types.join(" or urn:li:")
        )));
    }
    Ok(urn)
}

/// A profile id (`ACoAA…`) or a `urn:li:fsd_profile:` / `urn:li:fs_miniProfile:` URN,
/// checked by [`ProfileId::parse`].
pub(crate) fn profile_id(field: &'static str, text: &str) -> Result<ProfileId> {
    ProfileId::parse(text).map_err(|e| invalid(field, e))
}

/// Non-empty text of at most `max` characters.
pub(crate) fn text<'a>(field: &'static str, text: &'a str, max: usize) -> Result<&'a str> {
    if text.trim().is_empty() {
        return Err(Error::InvalidInput {
            field,
            reason: "must not be empty".to_owned(),
        });
    }
    let n = text.chars().count();
    if n > max {
        return Err(Error::InvalidInput {
            field,
            reason: format!("{n} characters; LinkedIn accepts at most {max}"),
        });
    }
    Ok(text)
}

/// The longest post LinkedIn takes, in characters (the limit its share box enforces, and
/// other clients with it: catalogue `post_create`).
pub const POST_TEXT_MAX: usize = 3_000;

/// The longest comment accepted, in characters: LinkedIn's comment box limit (no reference
/// records it; the sandbox refuses more).
pub const COMMENT_TEXT_MAX: usize = 1_250;

/// The longest message text accepted. LinkedIn's message box stops at 8,000 characters; a
/// longer text is refused here rather than cut or bounced by LinkedIn.
pub const MESSAGE_TEXT_MAX: usize = 8_000;

/// The most recipients a new conversation may have: a bound this library chooses (group
/// conversations on LinkedIn are small), so that a list built by mistake is not sent.
pub const MESSAGE_RECIPIENTS_MAX: usize = 50;

/// The longest group conversation title accepted: a bound this library chooses (no reference
/// records LinkedIn's), so that a text meant for a message is not sent as a title.
pub const CONVERSATION_TITLE_MAX: usize = 200;

/// A conversation, checked by [`ConversationId::parse`].
pub(crate) fn conversation(field: &'static str, text: &str) -> Result<ConversationId> {
    ConversationId::parse(text).map_err(|e| invalid(field, e))
}

/// A comment's URN, `urn:li:comment:(activity:<post id>,<comment id>)` (both ids digits):
/// gives the post's activity id and the URN.
///
/// ```
/// use linkedin_api::validate::comment_urn;
///
/// let (post, urn) = comment_urn("comment", " urn:li:comment:(activity:7489103473605540496,7489660301797292324)")?;
/// assert_eq!(post, "7489103473605540496");
/// assert_eq!(urn, "urn:li:comment:(activity:7489103473605540496,7489660301797292324)");
/// assert!(comment_urn("comment", "urn:li:activity:7489103473605540496").is_err());
/// # Ok::<(), linkedin_api::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidInput`] for `field`, saying what is expected.
pub fn comment_urn(field: &'static str, text: &str) -> Result<(String, String)> {
    let bad = || Error::InvalidInput {
        field,
        reason: format!(
            "{text:?} is not a comment: urn:li:comment:(activity:<post id>,<comment id>)"
        ),
    };
    let urn = urn(field, text, &["comment"])?;
    let digits = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    let activity = urn
        .part(0)
        .and_then(|p| p.strip_prefix("activity:"))
        .filter(|id| digits(id))
        .filter(|_| urn.part_count() == 2 && urn.part(1).is_some_and(digits))
        .ok_or_else(bad)?
        .to_owned();
    Ok((activity, String::from(urn)))
}

/// A post: its activity id (19 digits), `activity:<id>`, `urn:li:activity:<id>`, or an update
/// URN holding one (`urn:li:fs_updateV2:(urn:li:activity:<id>,…)`, `urn:li:fsd_update:(…)`);
/// gives the activity id.
pub(crate) fn activity_id(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    let bad = || Error::InvalidInput {
        field,
        reason: format!(
            "{text:?} is not a post: give its activity id, urn:li:activity:<id> or an update URN"
        ),
    };
    let digits = |id: &str| all_digits(id, 25).then(|| id.to_owned());
    if let Some(id) = text.strip_prefix("activity:") {
        return digits(id).ok_or_else(bad);
    }
    if !text.starts_with("urn:") {
        return digits(text).ok_or_else(bad);
    }
    let urn = urn(field, text, &["activity", "fs_updateV2", "fsd_update"])?;
    let activity = if urn.entity_type() == "activity" {
        Some(urn)
    } else {
        urn.nested(0).filter(|u| u.entity_type() == "activity")
    };
    activity.and_then(|u| digits(u.id())).ok_or_else(bad)
}

/// The most characters of an emoji (a flag or a family is several code points).
const EMOJI_MAX: usize = 16;

/// An emoji for a message reaction, trimmed: 1 to 16 characters, none a letter, digit or
/// control character.
///
/// ```
/// use linkedin_api::validate::emoji;
/// assert_eq!(emoji(" 👍 ").unwrap(), "👍");
/// assert!(emoji("ok").is_err());
/// ```
///
/// # Errors
///
/// [`Error::InvalidInput`] naming `emoji` for anything else.
pub fn emoji(text: &str) -> Result<&str> {
    let emoji = text.trim();
    if emoji.is_empty()
        || emoji.chars().count() > EMOJI_MAX
        || emoji.chars().any(|c| c.is_alphanumeric() || c.is_control())
    {
        return Err(Error::InvalidInput {
            field: "emoji",
            reason: format!("{emoji:?} is not an emoji"),
        });
    }
    Ok(emoji)
}

/// A post's share, `urn:li:share:<digits>`, from itself or LinkedIn's
/// `urn:li:fsd_share:urn:li:share:<digits>` (what [`delete_post`](crate::Linkedin::delete_post)
/// takes); gives `urn:li:share:<digits>`.
///
/// ```
/// use linkedin_api::validate::share_urn;
/// assert_eq!(share_urn("urn:li:fsd_share:urn:li:share:71").unwrap(), "urn:li:share:71");
/// assert!(share_urn("urn:li:activity:71").is_err());
/// ```
///
/// # Errors
///
/// [`Error::InvalidInput`] for anything else.
pub fn share_urn(text: &str) -> Result<String> {
    let text = text.trim();
    let inner = text.strip_prefix("urn:li:fsd_share:").unwrap_or(text);
    let urn = urn("post", inner, &["share"])?;
    if urn.id().is_empty() || !urn.id().bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::InvalidInput {
            field: "post",
            reason: format!("{text:?} is not a share: urn:li:share:<digits>"),
        });
    }
    Ok(inner.to_owned())
}

/// An invitation: its numeric id, `urn:li:fs_relInvitation:<id>`, `urn:li:invitation:<id>` or
/// `urn:li:fsd_invitation:<id>`; gives the id.
///
/// ```
/// use linkedin_api::validate::invitation_id;
/// assert_eq!(invitation_id("invitation", "urn:li:fs_relInvitation:6719").unwrap(), "6719");
/// assert!(invitation_id("invitation", "12a").is_err());
/// ```
///
/// # Errors
///
/// [`Error::InvalidInput`] naming `field` for anything else.
pub fn invitation_id(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    let id = if text.starts_with("urn:") {
        urn(
            field,
            text,
            &["fs_relInvitation", "invitation", "fsd_invitation"],
        )?
        .id()
        .to_owned()
    } else {
        text.to_owned()
    };
    require(all_digits(&id, 25), field, || {
        format!("{text:?} is not an invitation id or urn:li:fs_relInvitation:<id>")
    })?;
    Ok(id)
}

/// An opaque token LinkedIn handed out (a shared secret, a cursor): 1 to `max` printable ASCII
/// characters without spaces.
pub(crate) fn token<'a>(field: &'static str, text: &'a str, max: usize) -> Result<&'a str> {
    let ok = (1..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_graphic());
    require(ok, field, || {
        format!(
            "{text:?} is not a token as LinkedIn gives them (1 to {max} printable characters, no spaces)"
        )
    })?;
    Ok(text)
}

/// A numeric id (`1337`) or a URN of one of `types` holding one (`urn:li:company:1337`);
/// gives the number as text. Search facets (companies, schools, regions, industries...) take
/// the bare number.
pub(crate) fn numeric_id(field: &'static str, text: &str, types: &[&str]) -> Result<String> {
    let text = text.trim();
    let id = if text.starts_with("urn:") {
        urn(field, text, types)?.id().to_owned()
    } else {
        text.to_owned()
    };
    require(all_digits(&id, 20), field, || {
        format!(
            "{text:?} is not a numeric id (such as 1337) or a urn:li:{}:<number> URN",
            types.first().copied().unwrap_or("…")
        )
    })?;
    Ok(id)
}

/// A two-letter ISO 639-1 language code (`en`, `fr`), lower-cased.
pub(crate) fn language_code(field: &'static str, text: &str) -> Result<String> {
    let code = text.trim();
    require(
        code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()),
        field,
        || format!("{text:?} is not a two-letter language code such as en or fr"),
    )?;
    Ok(code.to_ascii_lowercase())
}

/// A filter name of a search (`currentCompany`, `geoUrn`): a letter, then letters, digits
/// or `_`.
pub(crate) fn filter_key(field: &'static str, key: &str) -> Result<String> {
    let mut chars = key.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && key.len() <= 100;
    require(ok, field, || {
        format!("{key:?} is not a filter name (letters, digits and _)")
    })?;
    Ok(key.to_owned())
}

/// A company's or school's universal name (the slug of `linkedin.com/company/<name>` or
/// `linkedin.com/school/<name>`): 2 to 100 letters, digits, `-`, `_` or `.` (letters may be
/// non-ASCII); gives it trimmed.
pub(crate) fn universal_name<'a>(field: &'static str, name: &'a str) -> Result<&'a str> {
    let name = name.trim();
    let ok = (2..=100).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    require(ok, field, || {
        format!(
            "{name:?} is not a universal name (2 to 100 letters, digits, '-', '_' or '.', as in linkedin.com/company/<name>)"
        )
    })?;
    Ok(name)
}

/// A member id of the touch API (`7881116`): digits only, at most 20.
pub(crate) fn member_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str> {
    let id = id.trim();
    require(all_digits(id, 20), field, || {
        format!(
            "{id:?} is not a member id (digits only, such as 7881116: the touch API's `id` of a person)"
        )
    })?;
    Ok(id)
}

/// `Ok(())` when `ok`, else [`Error::InvalidInput`] for `field` with the reason `why` gives.
fn require(ok: bool, field: &'static str, why: impl FnOnce() -> String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidInput {
            field,
            reason: why(),
        })
    }
}

/// Whether `s` is 1 to `max` ASCII digits.
fn all_digits(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A comment, by its URN in any of its spellings (`urn:li:comment:(activity:<post>,<comment>)`,
/// `urn:li:fsd_comment:(<comment>,urn:li:activity:<post>)`, or that in a create answer's
/// `urn:li:fsd_normComment:` wrapper); gives the post's activity id and the comment's id.
///
/// # Errors
///
/// [`Error::InvalidInput`] for anything else.
pub fn comment_ids(comment: &str) -> Result<(String, String)> {
    let text = comment.trim();
    let bad = || Error::InvalidInput {
        field: "comment",
        reason: format!(
            "{text:?} is not a comment: urn:li:comment:(activity:<post id>,<comment id>) or urn:li:fsd_comment:(<comment id>,urn:li:activity:<post id>)"
        ),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 25 && s.bytes().all(|b| b.is_ascii_digit());
    let inner = text.strip_prefix("urn:li:fsd_normComment:").unwrap_or(text);
    let (activity, id) = if let Some(rest) = inner.strip_prefix("urn:li:fsd_comment:(") {
        let (id, activity) = rest
            .strip_suffix(')')
            .and_then(|r| r.split_once(",urn:li:activity:"))
            .ok_or_else(bad)?;
        (activity, id)
    } else if let Some(rest) = inner.strip_prefix("urn:li:comment:(activity:") {
        rest.strip_suffix(')')
            .and_then(|r| r.split_once(','))
            .ok_or_else(bad)?
    } else {
        return Err(bad());
    };
    if digits(activity) && digits(id) {
        Ok((activity.to_owned(), id.to_owned()))
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod conversation_and_post_tests {
    use super::*;

    #[test]
    fn posts_and_invitations() {
        for ok in [
            "7028123456789012345",
            "activity:7028123456789012345",
            "urn:li:activity:7028123456789012345",
            "urn:li:fs_updateV2:(urn:li:activity:7028123456789012345,MAIN_FEED,EMPTY,DEFAULT,false)",
        ] {
            assert_eq!(
                activity_id("p", ok).ok().as_deref(),
                Some("7028123456789012345"),
                "{ok}"
            );
        }
        for bad in [
            "",
            "abc",
            "urn:li:share:1",
            "activity:",
            "urn:li:fsd_update:(urn:li:share:1,X)",
        ] {
            assert!(activity_id("p", bad).is_err(), "{bad}");
        }
        assert_eq!(
            invitation_id("i", "urn:li:fs_relInvitation:6719")
                .ok()
                .as_deref(),
            Some("6719")
        );
        assert!(invitation_id("i", "urn:li:fsd_profile:1").is_err());
        assert!(invitation_id("i", "12a").is_err());
        assert!(token("s", "AbC123", 100).is_ok());
        assert!(token("s", "a b", 100).is_err());
        assert!(token("s", "", 100).is_err());
    }
}

#[cfg(test)]
mod member_id_tests {
    use super::*;

    #[test]
    fn member_ids_are_digits() {
        assert_eq!(member_id("id", " 7881116 ").ok(), Some("7881116"));
        for bad in [
            "",
            "abc",
            "12a",
            "-1",
            "1 2",
            "urn:li:member:1",
            &"9".repeat(21),
        ] {
            assert!(member_id("id", bad).is_err(), "{bad}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urns_of_the_right_type() {
        assert!(urn("u", "urn:li:fsd_profile:ACoAAB", &["fsd_profile"]).is_ok());
        let err = urn("u", "urn:li:company:1337", &["fsd_profile"]).unwrap_err();
        assert!(err.to_string().contains("company URN"), "{err}");
        assert!(urn("u", "not a urn", &["fsd_profile"]).is_err());
        let err = profile_id("who", "bill-gates").unwrap_err();
        assert!(
            matches!(err, Error::InvalidInput { field: "who", .. }),
            "{err}"
        );
    }

    #[test]
    fn texts() {
        assert!(text("m", &"x".repeat(300), INVITATION_MESSAGE_MAX).is_ok());
        let err = text("m", &"x".repeat(301), INVITATION_MESSAGE_MAX).unwrap_err();
        assert!(err.to_string().contains("301 characters"), "{err}");
        assert!(text("m", "  ", 10).is_err());
    }
}
