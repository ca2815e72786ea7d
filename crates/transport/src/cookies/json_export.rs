//! The JSON export of browser cookie extensions (EditThisCookie, Cookie-Editor, "Get
//! cookies.txt"), and the storage state of Playwright and Puppeteer.

use serde_json::{Map, Value};

use super::{
    CookieFileError, CookieValue, SavedCookie, check_name_value, check_path, clean_domain,
};

/// Parses the JSON export of a browser cookie extension (EditThisCookie, Cookie-Editor, the
/// JSON of "Get cookies.txt"): an array of objects with `name`, `value`, `domain`, `path`,
/// `expirationDate` (fractional unix seconds) or `expires` (`-1` for a session cookie),
/// `secure`, `httpOnly`, `hostOnly` and `session`. An object holding such an array under
/// `cookies` (Playwright's and Puppeteer's storage state) is read too. Unknown fields are
/// ignored.
///
/// Without `hostOnly`, a domain with a leading dot is a domain cookie and one without is
/// host-only, as browsers store them.
///
/// # Errors
///
/// Text that is not JSON, or the first unusable element, by its index in the array.
pub fn parse_json_export(text: &str) -> Result<Vec<SavedCookie>, CookieFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json's syntax errors carry a position, never the text itself.
        CookieFileError::whole(format!("not valid JSON: {e}"))
    })?;
    let elements = match root {
        Value::Array(elements) => elements,
        Value::Object(mut object) => match object.remove("cookies") {
            Some(Value::Array(elements)) => elements,
            _ => {
                return Err(CookieFileError::whole(
                    "expected a JSON array of cookies (or an object with a `cookies` array)",
                ));
            }
        },
        _ => {
            return Err(CookieFileError::whole("expected a JSON array of cookies"));
        }
    };
    elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            json_cookie(element).map_err(|reason| CookieFileError::at_index(index, reason))
        })
        .collect()
}

fn json_cookie(element: &Value) -> Result<SavedCookie, String> {
    let Value::Object(object) = element else {
        return Err("not a JSON object".to_owned());
    };
    let name = json_str(object, "name")?.ok_or("no `name`")?.trim();
    let value = json_str(object, "value")?.ok_or("no `value`")?;
    let raw_domain = json_str(object, "domain")?.ok_or("no `domain`")?;
    let domain = clean_domain(raw_domain)?;
    let host_only = match json_bool(object, "hostOnly")? {
        Some(host_only) => host_only,
        None => !raw_domain.trim().starts_with('.'),
    };
    let path = check_path(json_str(object, "path")?.unwrap_or("/").trim())?;
    let session = json_bool(object, "session")?.unwrap_or(false);
    let expires = if session {
        None
    } else if let Some(at) = json_number(object, "expirationDate")? {
        Some(at)
    } else {
        // Playwright and Puppeteer write -1 for a session cookie.
        json_number(object, "expires")?.filter(|&at| at != -1)
    };
    check_name_value(name, value)?;
    Ok(SavedCookie {
        name: name.to_owned(),
        value: CookieValue::new(value),
        domain,
        host_only,
        path,
        expires,
        secure: json_bool(object, "secure")?.unwrap_or(false),
        http_only: json_bool(object, "httpOnly")?.unwrap_or(false),
    })
}

fn json_str<'a>(object: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("`{key}` is not a string")),
    }
}

fn json_bool(object: &Map<String, Value>, key: &str) -> Result<Option<bool>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(_) => Err(format!("`{key}` is not true or false")),
    }
}

fn json_number(object: &Map<String, Value>, key: &str) -> Result<Option<i64>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n
            .as_i64()
            // Saturates at the ends of i64, which is what an absurd expiry deserves.
            .or_else(|| n.as_f64().map(|f| f.floor() as i64))),
        Some(_) => Err(format!("`{key}` is not a number of seconds since 1970")),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::cookies::Position;
    use crate::cookies::test_data::*;

    #[test]
    fn json_reads_an_extension_export() {
        let cookies = parse_json_export(&json_export()).unwrap();
        assert_eq!(cookies.len(), 6);

        // Its expiry has fractional seconds, which are dropped.
        assert_is_the_exported_li_at(find(&cookies, "li_at"));

        assert_eq!(
            find(&cookies, "JSESSIONID").value.expose(),
            "\"ajax:1234567890123456789\""
        );
        assert_eq!(find(&cookies, "lidc").expires, None, "session: true");
        let lang = find(&cookies, "lang");
        assert!(lang.host_only);
        assert_eq!(lang.domain, "www.linkedin.com");
        assert_eq!(find(&cookies, "sid").domain, "example.org");
    }

    #[test]
    fn json_defaults_and_other_exporters() {
        // No hostOnly: the leading dot decides. No path: `/`. Playwright's `expires: -1`.
        let text = format!(
            r#"{{"cookies": [
                {{"name": "a", "value": "1", "domain": ".linkedin.com", "expires": {LATER}}},
                {{"name": "b", "value": "2", "domain": "www.linkedin.com", "expires": -1,
                  "httpOnly": true, "secure": true, "sameSite": "Lax"}}
            ], "origins": []}}"#
        );
        let cookies = parse_json_export(&text).unwrap();
        let a = find(&cookies, "a");
        assert!(!a.host_only);
        assert_eq!(a.path, "/");
        assert_eq!(a.expires, Some(LATER));
        assert!(!a.secure && !a.http_only);
        let b = find(&cookies, "b");
        assert!(b.host_only);
        assert_eq!(b.expires, None);
        assert!(b.secure && b.http_only);
        assert_eq!(parse_json_export("[]").unwrap(), Vec::new());
    }

    #[test]
    fn json_errors_name_the_index_and_never_the_value() {
        let good = r#"{"name": "ok", "value": "fine", "domain": ".linkedin.com"}"#;
        let cases = [
            (format!(r#""{SECRET}""#), "not a JSON object"),
            (
                format!(r#"{{"value": "{SECRET}", "domain": ".linkedin.com"}}"#),
                "no `name`",
            ),
            (
                r#"{"name": "li_at", "domain": ".linkedin.com"}"#.to_owned(),
                "no `value`",
            ),
            (
                format!(r#"{{"name": "li_at", "value": "{SECRET}"}}"#),
                "no `domain`",
            ),
            (
                r#"{"name": "li_at", "value": 918273645, "domain": ".linkedin.com"}"#.to_owned(),
                "`value` is not a string",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "httpOnly": "yes"}}"#
                ),
                "`httpOnly`",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "expirationDate": "{SECRET}"}}"#
                ),
                "`expirationDate`",
            ),
            (
                format!(
                    r#"{{"name": "li_at", "value": "{SECRET}", "domain": ".linkedin.com", "path": "voyager"}}"#
                ),
                "path",
            ),
            (
                format!(r#"{{"name": "li_at", "value": "{SECRET}\n", "domain": ".linkedin.com"}}"#),
                "value",
            ),
        ];
        for (bad, expected) in cases {
            let text = format!("[{good}, {bad}, {good}]");
            let error = parse_json_export(&text).unwrap_err();
            assert_eq!(error.position(), Some(Position::Index(1)), "{bad}: {error}");
            assert!(error.to_string().contains("index 1"), "{error}");
            assert!(error.reason().contains(expected), "{bad}: {error}");
            assert_no_secret(&error, SECRET);
            assert_no_secret(&error, "918273645");
        }
    }

    #[test]
    fn json_errors_for_the_whole_text() {
        for (text, expected) in [
            (
                format!(r#"[{{"name": "li_at", "value": "{SECRET}"#),
                "not valid JSON",
            ),
            (
                format!(r#"[{{"name": "li_at", "value": "{SECRET}" "x"}}]"#),
                "not valid JSON",
            ),
            (r#"{"name": "li_at"}"#.to_owned(), "array"),
            ("42".to_owned(), "array"),
        ] {
            let error = parse_json_export(&text).unwrap_err();
            assert_eq!(error.position(), None);
            assert!(error.reason().contains(expected), "{error}");
            assert_no_secret(&error, SECRET);
        }
    }
}
