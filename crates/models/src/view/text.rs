//! Small readings the views share: texts, URN parts, URL segments.

use restli::Urn;

use crate::Text;

/// The trimmed text of an optional text view model, `None` when empty.
pub(super) fn trimmed(text: Option<&Text>) -> Option<String> {
    text.map(|t| t.text.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// The text of an optional text view model, as LinkedIn wrote it.
pub(super) fn plain(text: Option<&Text>) -> Option<String> {
    text.map(|t| t.text.clone())
}

/// The `part` of a tuple URN (`urn:li:msg_message:(<mailbox>,<id>)` → `<id>` for 1).
pub(super) fn urn_part(urn: &str, part: usize) -> Option<String> {
    Urn::parse(urn).ok()?.part(part).map(str::to_owned)
}

/// The path segment after `/<marker>/` in a linkedin.com URL, percent-decoded (URLs carry
/// localized public ids that way); `None` when empty.
pub(super) fn url_segment(url: &str, marker: &str) -> Option<String> {
    let rest = &url[url.find(marker)? + marker.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let segment = percent_encoding::percent_decode_str(&rest[..end])
        .decode_utf8_lossy()
        .into_owned();
    (!segment.is_empty()).then_some(segment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_segments_are_decoded() {
        assert_eq!(
            url_segment("https://www.linkedin.com/company/linkedin/", "/company/").as_deref(),
            Some("linkedin")
        );
        assert_eq!(
            url_segment("https://www.linkedin.com/in/jos%C3%A9?x=1", "/in/").as_deref(),
            Some("jos\u{e9}")
        );
        assert_eq!(url_segment("https://www.linkedin.com/in/", "/in/"), None);
        assert_eq!(url_segment("x/in/a%2", "/in/").as_deref(), Some("a%2"));
        assert_eq!(url_segment("x/in/%41%zz", "/in/").as_deref(), Some("A%zz"));
    }
}
