//! The Netscape `cookies.txt` format, as written by curl, wget and the "cookies.txt" browser
//! extensions: one cookie a line, seven tab-separated fields.

use super::{
    CookieFileError, CookieValue, SavedCookie, check_name_value, check_path, clean_domain,
};

/// The field names of a `cookies.txt` line, in order, for messages.
const NETSCAPE_FIELDS: &str = "domain, include-subdomains, path, secure, expiry, name, value";

/// Parses a Netscape `cookies.txt` file, as written by curl, wget and the "cookies.txt"
/// browser extensions.
///
/// Each line holds seven tab-separated fields: domain, include-subdomains (`TRUE`/`FALSE`),
/// path, secure (`TRUE`/`FALSE`), expiry (unix seconds, `0` for a session cookie), name and
/// value. Blank lines and `#` comments are skipped; a `#HttpOnly_` prefix on the domain marks
/// an HttpOnly cookie. A line without any tab is split on runs of spaces instead (a file
/// whose tabs were lost in a copy and paste), and a missing value counts as an empty one.
///
/// # Errors
///
/// The first malformed line, by its number and what is wrong with it.
pub fn parse_netscape(text: &str) -> Result<Vec<SavedCookie>, CookieFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut cookies = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let (line, http_only) = match line.strip_prefix("#HttpOnly_") {
            Some(rest) => (rest, true),
            None if line.trim_start().starts_with('#') => continue,
            None => (line, false),
        };
        let cookie = parse_netscape_line(line, http_only)
            .map_err(|reason| CookieFileError::at_line(number, reason))?;
        cookies.push(cookie);
    }
    Ok(cookies)
}

fn parse_netscape_line(line: &str, http_only: bool) -> Result<SavedCookie, String> {
    let fields: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split_ascii_whitespace().collect()
    };
    let (domain, subdomains, path, secure, expiry, name, value) = match fields[..] {
        [domain, subdomains, path, secure, expiry, name, value] => {
            (domain, subdomains, path, secure, expiry, name, value)
        }
        [domain, subdomains, path, secure, expiry, name] => {
            (domain, subdomains, path, secure, expiry, name, "")
        }
        _ => {
            return Err(format!(
                "expected 7 tab-separated fields ({NETSCAPE_FIELDS}), found {}",
                fields.len()
            ));
        }
    };
    let domain = clean_domain(domain)?;
    let include_subdomains = netscape_bool(subdomains)
        .ok_or("the include-subdomains field (2nd) is neither TRUE nor FALSE")?;
    let path = check_path(path.trim())?;
    let secure = netscape_bool(secure).ok_or("the secure field (4th) is neither TRUE nor FALSE")?;
    let expires = parse_expiry(expiry.trim())
        .ok_or("the expiry field (5th) is not a number of seconds since 1970")?;
    let name = name.trim();
    check_name_value(name, value)?;
    Ok(SavedCookie {
        name: name.to_owned(),
        value: CookieValue::new(value),
        domain,
        host_only: !include_subdomains,
        path,
        expires,
        secure,
        http_only,
    })
}

fn netscape_bool(field: &str) -> Option<bool> {
    let field = field.trim();
    if field.eq_ignore_ascii_case("TRUE") {
        Some(true)
    } else if field.eq_ignore_ascii_case("FALSE") {
        Some(false)
    } else {
        None
    }
}

/// `0` is a session cookie; some exporters write fractional seconds.
fn parse_expiry(field: &str) -> Option<Option<i64>> {
    let seconds = match field.parse::<i64>() {
        Ok(seconds) => seconds,
        Err(_) => {
            let float = field.parse::<f64>().ok().filter(|f| f.is_finite())?;
            // Saturates at the ends of i64, which is what an absurd expiry deserves.
            float.floor() as i64
        }
    };
    Some((seconds != 0).then_some(seconds))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::cookies::Position;
    use crate::cookies::test_data::*;
    use crate::cookies::unix_now;

    #[test]
    fn netscape_reads_a_linkedin_export() {
        let cookies = parse_netscape(&netscape_export()).unwrap();
        assert_eq!(cookies.len(), 6);

        assert_is_the_exported_li_at(find(&cookies, "li_at"));

        let jsessionid = find(&cookies, "JSESSIONID");
        assert_eq!(jsessionid.value.expose(), "\"ajax:1234567890123456789\"");
        assert!(!jsessionid.http_only);

        let lidc = find(&cookies, "lidc");
        assert_eq!(lidc.domain, "linkedin.com");
        assert!(!lidc.secure);

        let lang = find(&cookies, "lang");
        assert!(lang.host_only);
        assert_eq!(lang.expires, None, "expiry 0 is a session cookie");
        assert_eq!(lang.value.expose(), "v=2&lang=en-us");

        assert_eq!(find(&cookies, "sid").domain, "example.org");
    }

    #[test]
    fn netscape_tolerates_crlf_bom_indented_comments_and_case() {
        let text = format!(
            "\u{feff}# Netscape HTTP Cookie File\r\n\r\n   # indented comment\r\n\
             .LinkedIn.com\ttrue\t/\tFalse\t{LATER}\tbcookie\tabc\r\n   \t \r\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies.len(), 1);
        assert_eq!(cookies[0].domain, "linkedin.com");
        assert!(!cookies[0].host_only);
        assert!(!cookies[0].secure);
        assert_eq!(cookies[0].value.expose(), "abc");
    }

    #[test]
    fn netscape_accepts_spaces_for_lost_tabs_and_a_missing_value() {
        let text = format!(
            ".linkedin.com  TRUE  /  TRUE  {LATER}  li_at  {SECRET}\n\
             .linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tempty\t\n\
             .linkedin.com\tTRUE\t/\tTRUE\t{LATER}\ttrimmed\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies.len(), 3);
        assert_eq!(find(&cookies, "li_at").value.expose(), SECRET);
        assert_eq!(find(&cookies, "empty").value.expose(), "");
        assert_eq!(find(&cookies, "trimmed").value.expose(), "");
    }

    #[test]
    fn netscape_reads_fractional_and_past_expiries() {
        let text = format!(
            ".linkedin.com\tTRUE\t/\tTRUE\t{LATER}.75\ta\t1\n\
             .linkedin.com\tTRUE\t/\tTRUE\t1000\tb\t2\n"
        );
        let cookies = parse_netscape(&text).unwrap();
        assert_eq!(cookies[0].expires, Some(LATER));
        assert_eq!(cookies[1].expires, Some(1000));
        assert!(cookies[1].is_expired_at(unix_now()));
    }

    #[test]
    fn netscape_errors_name_the_line_and_never_the_value() {
        let good = format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tok\tfine\n");
        let cases = [
            (
                format!(".linkedin.com\tTRUE\t/\tli_at\t{SECRET}"),
                "found 5",
            ),
            // Six fields read as a missing value, so the shifted expiry is what is wrong.
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\tli_at\t{SECRET}"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET}\textra"),
                "found 8",
            ),
            (
                format!(".linkedin.com\tYES\t/\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "include-subdomains",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tyes\t{LATER}\tli_at\t{SECRET}"),
                "secure",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\tsoon\tli_at\t{SECRET}"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{SECRET}\tli_at\tx"),
                "expiry",
            ),
            (
                format!(".linkedin.com\tTRUE\tvoyager\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "path",
            ),
            (
                format!("\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET}"),
                "domain is empty",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\t\t{SECRET}"),
                "name is empty",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli at\t{SECRET}"),
                "name",
            ),
            (
                format!(".linkedin.com\tTRUE\t/\tTRUE\t{LATER}\tli_at\t{SECRET};x"),
                "value",
            ),
            (SECRET.to_owned(), "expected 7"),
        ];
        for (bad, expected) in cases {
            let text = format!("# header\n{good}\n{bad}\n{good}");
            let error = parse_netscape(&text).unwrap_err();
            assert_eq!(
                error.position(),
                Some(Position::Line(4)),
                "{bad:?}: {error}"
            );
            assert!(error.to_string().starts_with("line 4: "), "{error}");
            assert!(error.reason().contains(expected), "{bad:?}: {error}");
            assert_no_secret(&error, SECRET);
        }
    }
}
