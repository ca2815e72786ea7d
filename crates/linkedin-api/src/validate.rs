//! Arguments checked before any request is sent: a bad one is [`Error::InvalidInput`] naming
//! the argument, and nothing leaves the machine.

use restli::Urn;

use crate::error::{Error, Result};

/// The longest note LinkedIn accepts with a connection request.
pub const INVITATION_MESSAGE_MAX: usize = 300;

/// The longest search keywords accepted (LinkedIn's search box stops far earlier).
pub const KEYWORDS_MAX: usize = 1000;

/// A public id (`linkedin.com/in/<public id>`): 3 to 100 letters, digits, `-` or `_`, or
/// non-ASCII letters (LinkedIn allows localized ids, percent-encoded in URLs).
pub(crate) fn public_id<'a>(field: &'static str, id: &'a str) -> Result<&'a str> {
    let id = id.trim();
    let ok = (3..=100).contains(&id.chars().count())
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(id)
    } else {
        Err(Error::InvalidInput {
            field,
            reason: format!(
                "{id:?} is not a public profile id (3 to 100 letters, digits, '-' or '_', as in linkedin.com/in/<id>)"
            ),
        })
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

/// A profile id (`ACoAA…`) or a `urn:li:fsd_profile:` / `urn:li:fs_miniProfile:` URN; gives
/// the profile id.
pub(crate) fn profile_id(field: &'static str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.starts_with("urn:") {
        let urn = urn(
            field,
            text,
            &["fsd_profile", "fs_miniProfile", "fs_profile"],
        )?;
        return Ok(urn.id().to_owned());
    }
    let ok = text.len() >= 10
        && text.starts_with("ACo")
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(text.to_owned())
    } else {
        Err(Error::InvalidInput {
            field,
            reason: format!("{text:?} is not a profile id (ACoAA…) or urn:li:fsd_profile:… URN"),
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ids() {
        assert!(public_id("id", "bill-gates").is_ok());
        assert!(public_id("id", "jos\u{e9}-garc\u{ed}a").is_ok());
        for bad in ["", "ab", "a b c", "x/../y", "has,comma", "(paren)"] {
            assert!(public_id("id", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urns_of_the_right_type() {
        assert!(urn("u", "urn:li:fsd_profile:ACoAAB", &["fsd_profile"]).is_ok());
        let err = urn("u", "urn:li:company:1337", &["fsd_profile"]).unwrap_err();
        assert!(err.to_string().contains("company URN"), "{err}");
        assert!(urn("u", "not a urn", &["fsd_profile"]).is_err());
        assert_eq!(
            profile_id("p", "urn:li:fsd_profile:ACoAABx3kQ0")
                .ok()
                .as_deref(),
            Some("ACoAABx3kQ0")
        );
        assert!(profile_id("p", "bill-gates").is_err());
    }

    #[test]
    fn texts() {
        assert!(text("m", &"x".repeat(300), INVITATION_MESSAGE_MAX).is_ok());
        let err = text("m", &"x".repeat(301), INVITATION_MESSAGE_MAX).unwrap_err();
        assert!(err.to_string().contains("301 characters"), "{err}");
        assert!(text("m", "  ", 10).is_err());
    }
}
