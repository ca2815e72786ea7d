//! A quick reading of an answer's top level: where `data` is and where each entity of
//! `included` starts and ends, found by following strings and brackets only.
//!
//! What lies inside a value is not checked here: each value is read by serde_json when a model
//! reads it, which checks it then (an entity nothing refers to is never read, nor checked).
//! What this cannot follow (a body that is not an object, a bracket that does not close, a
//! key written with escapes, `included` that is not a list) it leaves to serde_json, which
//! reads the layout itself and names what is wrong.

/// serde_json's nesting limit: deeper than this, the body is left to serde_json's verdict.
const MAX_DEPTH: u32 = 128;

/// What the top of a body is, as far as the scan can tell.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Top<'a> {
    /// An object with `data` and a list `included` (the first of each key).
    Normalized {
        data: &'a str,
        included: Vec<&'a str>,
    },
    /// A well-bracketed object without them.
    Plain,
    /// Something the scan does not follow.
    Unknown,
}

/// The top of `text`.
pub(super) fn top(text: &str) -> Top<'_> {
    object(text).unwrap_or(Top::Unknown)
}

fn object(text: &str) -> Option<Top<'_>> {
    let b = text.as_bytes();
    let mut i = ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i = ws(b, i + 1);
    let (mut data, mut included) = (None, None);
    if b.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let key_end = string_end(b, i)?;
            let key = &b[i + 1..key_end - 1];
            if key.contains(&b'\\') {
                return None;
            }
            i = ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = ws(b, i + 1);
            let end = value_end(b, i)?;
            match key {
                b"data" if data.is_none() => data = Some(&text[i..end]),
                b"included" if included.is_none() => included = Some(elements(text, i, end)?),
                _ => {}
            }
            i = ws(b, end);
            match b.get(i) {
                Some(b',') => i = ws(b, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    if ws(b, i) != b.len() {
        return None;
    }
    Some(match (data, included) {
        (Some(data), Some(included)) => Top::Normalized { data, included },
        _ => Top::Plain,
    })
}

/// The elements of the list `text[start..end]`; `None` when it is not a list.
fn elements(text: &str, start: usize, end: usize) -> Option<Vec<&str>> {
    let b = &text.as_bytes()[..end];
    if b.get(start) != Some(&b'[') {
        return None;
    }
    let mut all = Vec::with_capacity(64);
    let mut i = ws(b, start + 1);
    if b.get(i) == Some(&b']') {
        return Some(all);
    }
    loop {
        let element_end = value_end(b, i)?;
        all.push(&text[i..element_end]);
        i = ws(b, element_end);
        match b.get(i) {
            Some(b',') => i = ws(b, i + 1),
            Some(b']') => return Some(all),
            _ => return None,
        }
    }
}

/// Past the JSON whitespace from `i`.
fn ws(b: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = b.get(i) {
        i += 1;
    }
    i
}

/// One past the closing quote of the string whose opening quote is at `i`.
///
/// Eight bytes at a time: a word's bytes that are a quote or a backslash are found with the
/// zero-byte trick on the word xor'd with each (exact for the lowest such byte, which is the
/// one taken). No library search here: set up anew for each of the thousands of short
/// strings of an answer, memchr cost more than it saved.
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES << 7;
    const QUOTES: u64 = ONES * b'"' as u64;
    const BACKSLASHES: u64 = ONES * b'\\' as u64;
    i += 1;
    loop {
        while let Some(word) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            let word = u64::from_le_bytes(word);
            let (q, s) = (word ^ QUOTES, word ^ BACKSLASHES);
            let found = ((q.wrapping_sub(ONES) & !q) | (s.wrapping_sub(ONES) & !s)) & HIGH;
            if found != 0 {
                i += (found.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        match *b.get(i)? {
            b'"' => return Some(i + 1),
            // A backslash and the byte it escapes (`\"` does not end the string).
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// One past the end of the value that starts at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => container_end(b, i),
        b'}' | b']' | b',' | b':' => None,
        // A number or a literal: up to what ends it.
        _ => {
            let len = b[i..]
                .iter()
                .position(|c| matches!(c, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
                .unwrap_or(b.len() - i);
            Some(i + len)
        }
    }
}

/// One past the bracket that closes the one at `i`, each closing bracket matching its opener
/// (a stack of one bit a level: set for an object).
fn container_end(b: &[u8], mut i: usize) -> Option<usize> {
    let mut objects: u128 = 0;
    let mut depth = 0u32;
    loop {
        match *b.get(i)? {
            b'"' => {
                i = string_end(b, i)?;
                continue;
            }
            open @ (b'{' | b'[') => {
                if depth == MAX_DEPTH {
                    return None;
                }
                objects = (objects << 1) | u128::from(open == b'{');
                depth += 1;
            }
            close @ (b'}' | b']') => {
                if depth == 0 || (objects & 1 == 1) != (close == b'}') {
                    return None;
                }
                objects >>= 1;
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normalized_answer_is_cut_at_its_values() {
        let text = r#" { "meta": {"x": [1, "]"]}, "data" : {"*elements": ["urn:li:a:1"]},
            "included": [ {"entityUrn": "urn:li:a:1", "t": "a \"quoted\" } ] brace"}, [], 3, null ] } "#;
        assert_eq!(
            top(text),
            Top::Normalized {
                data: r#"{"*elements": ["urn:li:a:1"]}"#,
                included: vec![
                    r#"{"entityUrn": "urn:li:a:1", "t": "a \"quoted\" } ] brace"}"#,
                    "[]",
                    "3",
                    "null",
                ],
            }
        );
        assert_eq!(
            top(r#"{"data":{"a":"\\\\"},"included":["\\","x\"y",{"\\\"":"]"}]}"#),
            Top::Normalized {
                data: r#"{"a":"\\\\"}"#,
                included: vec![r#""\\""#, r#""x\"y""#, r#"{"\\\"":"]"}"#],
            }
        );
        assert_eq!(
            top(r#"{"data":{},"included":[]}"#),
            Top::Normalized {
                data: "{}",
                included: vec![]
            }
        );
    }

    #[test]
    fn strings_end_where_they_end_at_every_offset_in_a_word() {
        for pad in 0..20 {
            let filler = "é-x".repeat(pad);
            let text = format!(
                r#"{{"data":{{"a":"{filler}\"{filler}\\"}},"included":["{filler}","\\{filler}\""]}}"#
            );
            let Top::Normalized { data, included } = top(&text) else {
                panic!("{text}");
            };
            assert_eq!(data, format!(r#"{{"a":"{filler}\"{filler}\\"}}"#));
            assert_eq!(
                included,
                vec![format!(r#""{filler}""#), format!(r#""\\{filler}\"""#)]
            );
        }
    }

    /// The layout as serde_json reads it, checking every value: `None` for a body it refuses
    /// or one without both keys.
    fn by_serde_json(text: &str) -> Option<(String, Vec<String>)> {
        #[derive(serde::Deserialize)]
        struct Normalized<'a> {
            #[serde(borrow)]
            data: &'a serde_json::value::RawValue,
            #[serde(borrow)]
            included: Vec<&'a serde_json::value::RawValue>,
        }
        let top: Normalized<'_> = serde_json::from_str(text).ok()?;
        let included = top.included.iter().map(|e| e.get().to_owned()).collect();
        Some((top.data.get().to_owned(), included))
    }

    /// Every answer LinkedIn gave in the captures, whole and cut short at many places, with
    /// bytes changed: where the scan cuts a body, serde_json cuts it at the same places or
    /// refuses it (a value the scan does not look into), never elsewhere.
    #[test]
    fn the_scan_cuts_linkedins_answers_where_serde_json_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/recorded");
        let mut normalized = 0;
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures/recorded") {
            let capture: serde_json::Value =
                serde_json::from_slice(&std::fs::read(entry.expect("entry").path()).expect("read"))
                    .expect("a capture is JSON");
            let body = serde_json::to_string(&capture["response_body"]).expect("JSON");
            let whole = top(&body);
            if let Top::Normalized { data, included } = &whole {
                normalized += 1;
                let (d, i) = by_serde_json(&body).expect("serde_json reads it too");
                assert_eq!(
                    (
                        data.to_string(),
                        included.iter().map(|e| e.to_string()).collect()
                    ),
                    (d, i)
                );
            }
            let step = (body.len() / 97).max(1);
            for at in (0..body.len()).step_by(step) {
                let mut changed = body.as_bytes().to_vec();
                for (n, variant) in [b'"', b'}', b'\\', b']', b','].into_iter().enumerate() {
                    if n > 0 {
                        changed = body.as_bytes().to_vec();
                    }
                    changed[at] = variant;
                    let Ok(text) = std::str::from_utf8(&changed) else {
                        continue;
                    };
                    for text in [text, &body[..body.floor_char_boundary(at)]] {
                        checked += 1;
                        if let Top::Normalized { data, included } = top(text)
                            && let Some((d, i)) = by_serde_json(text)
                        {
                            assert_eq!(data, d, "{text}");
                            assert_eq!(included, i.iter().map(String::as_str).collect::<Vec<_>>());
                        }
                    }
                }
            }
        }
        assert!(normalized > 10, "{normalized} normalized answers");
        assert!(checked > 30_000, "{checked} bodies");
    }

    #[test]
    fn objects_without_both_keys_are_plain() {
        for text in [
            "{}",
            r#"{"data": {"a": 1}}"#,
            r#"{"included": []}"#,
            r#"{"elements": [{"a": "\\"}], "paging": {"count": 10}}"#,
        ] {
            assert_eq!(top(text), Top::Plain, "{text}");
        }
    }

    #[test]
    fn what_the_scan_does_not_follow_is_left_to_serde_json() {
        for text in [
            "",
            "[]",
            "null",
            r#"{"data": {}, "included": {}}"#,
            r#"{"data": {}, "included": [}"#,
            r#"{"data": {], "included": []}"#,
            r#"{"data": [}, "included": []}"#,
            r#"{"data": {}, "included": [] } x"#,
            r#"{"data": {}, "included": []"#,
            r#"{"data": "cut short, "included": []}"#,
            r#"{"data" {}, "included": []}"#,
            r#"{"data": {} "included": []}"#,
            r#"{"\u0064ata": {}, "included": []}"#,
            r#"{"data": {}, "included": [1 2]}"#,
            r#"{"data": {}, "included": ["\"]}"#,
            r#"{"data": , "included": []}"#,
        ] {
            assert_eq!(top(text), Top::Unknown, "{text}");
        }
    }

    #[test]
    fn nesting_deeper_than_serde_json_reads_is_left_to_it() {
        let deep = |n: usize| {
            format!(
                r#"{{"data": {}{}, "included": []}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        assert!(matches!(top(&deep(128)), Top::Normalized { .. }));
        assert_eq!(top(&deep(129)), Top::Unknown);
    }
}
