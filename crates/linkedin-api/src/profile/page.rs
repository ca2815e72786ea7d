//! The profile page `/in/<public id>/`, read for a member's profile id when the profile
//! finder cannot give it: the page's `<code>` blocks hold the profile as HTML-escaped
//! normalized JSON (catalogue `profile_page`, the 2026 fork's method).

use serde_json::Value;

/// The profile id of `public_id` in a profile page: among its `<code>` blocks (HTML-escaped
/// normalized JSON) that mention the public id, the `urn:li:fsd_profile:` entity whose
/// `publicIdentifier` it is; failing JSON, the profile URN nearest before
/// `"publicIdentifier":"<public id>"`, else the first in the block.
pub(super) fn profile_id_in_page(html: &str, public_id: &str) -> Option<String> {
    let wanted = public_id.to_lowercase();
    let mut fallback = None;
    for block in code_blocks(html) {
        let text = unescape_html(block);
        if !text.to_lowercase().contains(&wanted) {
            continue;
        }
        if let Ok(json) = serde_json::from_str::<Value>(&text)
            && let Some(id) = profile_id_in_json(&json, public_id)
        {
            return Some(id);
        }
        if fallback.is_none() {
            fallback = profile_id_in_text(&text, public_id);
        }
    }
    fallback
}

/// The contents of the `<code …>…</code>` elements of a page.
fn code_blocks(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        let open = rest.find("<code")?;
        let after = &rest[open..];
        let start = after.find('>')? + 1;
        let len = after[start..].find("</code>")?;
        let block = &after[start..start + len];
        rest = &after[start + len + "</code>".len()..];
        Some(block)
    })
}

/// The text of HTML-escaped content: named entities of markup and numeric references.
fn unescape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let decoded = tail.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &tail[1..end];
            let c = match name {
                "quot" => Some('"'),
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &tail[used..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The id of the `urn:li:fsd_profile:` entity whose `publicIdentifier` is `public_id`,
/// anywhere in `json`.
fn profile_id_in_json(json: &Value, public_id: &str) -> Option<String> {
    match json {
        Value::Object(map) => {
            let matches = map
                .get("publicIdentifier")
                .and_then(Value::as_str)
                .is_some_and(|p| p.eq_ignore_ascii_case(public_id));
            let id = map
                .get("entityUrn")
                .and_then(Value::as_str)
                .and_then(|u| u.strip_prefix("urn:li:fsd_profile:"))
                .filter(|id| is_profile_id(id));
            if let (true, Some(id)) = (matches, id) {
                return Some(id.to_owned());
            }
            map.values().find_map(|v| profile_id_in_json(v, public_id))
        }
        Value::Array(items) => items.iter().find_map(|v| profile_id_in_json(v, public_id)),
        _ => None,
    }
}

fn is_profile_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The profile URN nearest before `"publicIdentifier":"<public id>"` in `text`, else the
/// first one.
fn profile_id_in_text(text: &str, public_id: &str) -> Option<String> {
    const PREFIX: &str = "urn:li:fsd_profile:";
    let found: Vec<(usize, &str)> = text
        .match_indices(PREFIX)
        .map(|(at, _)| {
            let rest = &text[at + PREFIX.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            (at, &rest[..end])
        })
        .filter(|(_, id)| !id.is_empty())
        .collect();
    // ASCII case folding keeps byte offsets, so the anchor lines up with `found`.
    let marker = format!("\"publicIdentifier\":\"{public_id}\"").to_ascii_lowercase();
    let anchor = text.to_ascii_lowercase().find(&marker);
    let before = anchor.and_then(|a| found.iter().rev().find(|(at, _)| *at < a));
    before.or(found.first()).map(|(_, id)| (*id).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_unescaped() {
        assert_eq!(
            unescape_html("{&quot;a&quot;:&#34;b&#x26;c&#34;} &amp; &bogus; &"),
            "{\"a\":\"b&c\"} & &bogus; &"
        );
    }

    #[test]
    fn the_profile_id_is_found_in_code_blocks() {
        let page = r#"<html><code id="datalet-bpr-guid-1">{&quot;request&quot;:&quot;/voyager/api/x&quot;}</code>
            <code style="display: none" id="bpr-guid-1">{&quot;data&quot;:{&quot;*elements&quot;:[&quot;urn:li:fsd_profile:ACoAAOther&quot;,&quot;urn:li:fsd_profile:ACoAAB1&quot;]},
            &quot;included&quot;:[{&quot;entityUrn&quot;:&quot;urn:li:fsd_profile:ACoAAOther&quot;,&quot;publicIdentifier&quot;:&quot;someone-else&quot;},
            {&quot;entityUrn&quot;:&quot;urn:li:fsd_profile:ACoAAB1&quot;,&quot;publicIdentifier&quot;:&quot;Ada-L&quot;}]}</code></html>"#;
        assert_eq!(
            profile_id_in_page(page, "ada-l").as_deref(),
            Some("ACoAAB1")
        );
        assert_eq!(profile_id_in_page(page, "nobody-here"), None);
    }

    #[test]
    fn text_that_is_not_json_is_searched_near_the_public_id() {
        let page = "<code>junk urn:li:fsd_profile:ACoAAFirst, x urn:li:fsd_profile:ACoAAB1 \
                    &quot;publicIdentifier&quot;:&quot;ada-l&quot; urn:li:fsd_profile:ACoAALater</code>";
        assert_eq!(
            profile_id_in_page(page, "ada-l").as_deref(),
            Some("ACoAAB1")
        );
    }
}
