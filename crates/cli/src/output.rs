//! Output for people and for programs: text by default, `--json` for one JSON document,
//! `--ndjson` for one item per line as they arrive. Colours only on a terminal.
//!
//! JSON is this tool's typed views and models (`snake_case`); with `--raw`, a result read from
//! LinkedIn prints the JSON LinkedIn sent for it instead ([`Raw::raw`]). Results that have
//! no such JSON print through [`Out::one`], [`Out::stream`] and [`Out::list`]; those that
//! have it through their `_raw` twins. Which commands give raw JSON is decided before they
//! run (`gives_raw` of each command), so a `--raw` they cannot honour is refused before
//! anything is sent.

use std::io::{IsTerminal, Write};

use futures::{Stream, StreamExt};
use linkedin_api::models::Raw;
use serde::Serialize;
use serde_json::Value;

use crate::exit::Failure;
use crate::resume::{Fingerprint, Resumable, Resume, Whole};

/// The command line's list, for `--resume`: its fingerprint, and the token given, if any.
#[derive(Debug)]
pub(crate) struct Listing {
    pub(crate) list: Fingerprint,
    pub(crate) resume: Option<Resume>,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
    Ndjson,
}

/// Where results go.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Out {
    pub(crate) format: Format,
    /// `--raw`: LinkedIn's JSON instead of the typed value (JSON formats only).
    raw: bool,
    color: bool,
    progress: bool,
    /// The list this command line asks for (one per process, so kept for the process).
    listing: Option<&'static Listing>,
}

impl Out {
    pub(crate) fn new(format: Format, raw: bool) -> Self {
        Self {
            format,
            raw,
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            progress: std::io::stderr().is_terminal(),
            listing: None,
        }
    }

    /// The same output, for the list `listing` names (`--resume`).
    pub(crate) fn listing(mut self, listing: &'static Listing) -> Self {
        self.listing = Some(listing);
        self
    }

    /// Whether `--raw` asks for LinkedIn's JSON.
    pub(crate) fn raw(&self) -> bool {
        self.raw
    }

    /// Bold on a terminal.
    pub(crate) fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Dim on a terminal.
    pub(crate) fn dim(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Prints one value: as JSON, or as the text `text` makes of it.
    pub(crate) fn one<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce(&T) -> String,
    ) -> Result<(), Failure> {
        self.one_with(value, None, text)
    }

    /// Prints one value read from LinkedIn: its typed value as JSON (LinkedIn's JSON with
    /// `--raw`), or as the text `text` makes of it.
    pub(crate) fn one_raw<T: Serialize>(
        &self,
        value: &Raw<T>,
        text: impl FnOnce(&T) -> String,
    ) -> Result<(), Failure> {
        // LinkedIn's JSON is parsed only when it is printed.
        self.one_with(value, self.raw.then(|| value.raw()), |v| text(v))
    }

    fn one_with<T: Serialize>(
        &self,
        value: &T,
        raw: Option<&Value>,
        text: impl FnOnce(&T) -> String,
    ) -> Result<(), Failure> {
        let line = match self.format {
            Format::Json => self.encode_item(value, raw, true)?,
            Format::Ndjson => self.encode_item(value, raw, false)?,
            Format::Text => return self.write_text(&text(value)),
        };
        write_line(&line)
    }

    /// Writes a line of text output: the one place text reaches stdout, so the one place
    /// LinkedIn's control characters are taken out of it ([`terminal_text`]); this tool's own
    /// styles (bold, dim) are kept on a terminal.
    pub(crate) fn write_text(&self, line: &str) -> Result<(), Failure> {
        write_line(&terminal_text(line, self.color))
    }

    /// Prints a stream of items as they arrive (`--ndjson`, text) or as one JSON array
    /// (`--json`), with a progress counter on stderr when it is a terminal.
    pub(crate) async fn stream<T, S>(
        &self,
        items: S,
        text: impl Fn(&T) -> String,
    ) -> Result<usize, Failure>
    where
        T: Serialize,
        S: Resumable<Item = Result<T, linkedin_api::Error>>,
    {
        self.stream_with(items, |_| None, text).await
    }

    /// [`stream`](Self::stream) of items read from LinkedIn: with `--raw`, each item's JSON
    /// as LinkedIn sent it.
    pub(crate) async fn stream_raw<T, S>(
        &self,
        items: S,
        text: impl Fn(&T) -> String,
    ) -> Result<usize, Failure>
    where
        T: Serialize,
        S: Resumable<Item = Result<Raw<T>, linkedin_api::Error>>,
    {
        self.stream_with(items, |i| Some(i.raw()), |i| text(i))
            .await
    }

    async fn stream_with<T, S>(
        &self,
        items: S,
        raw_of: impl Fn(&T) -> Option<&Value>,
        text: impl Fn(&T) -> String,
    ) -> Result<usize, Failure>
    where
        T: Serialize,
        S: Resumable<Item = Result<T, linkedin_api::Error>>,
    {
        // `--resume`: the page the cut run failed on first, its printed items dropped.
        let resume = self.listing.and_then(|l| l.resume.as_ref());
        let before = resume.map_or(0, Resume::given);
        let mut items = match resume {
            Some(r) => items.resumed(r.at().clone(), r.skip()),
            None => items,
        };
        let bar = self.progress.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message("fetching");
            bar
        });
        // `--json`: the items kept to be printed as one array at the end; typed ones are
        // serialized straight from their structs (no JSON tree made of them), LinkedIn's own
        // JSON with `--raw`.
        let mut typed = Vec::new();
        let mut raws = Vec::new();
        let mut n = 0;
        while let Some(item) = items.next().await {
            let item = match item {
                Ok(item) => item,
                Err(e) => {
                    if let Some(bar) = &bar {
                        bar.finish_and_clear();
                    }
                    let mut failure: Failure = e.into();
                    let resume = match (self.listing, items.position()) {
                        (Some(listing), Some((at, skip))) if self.format != Format::Json => {
                            let token =
                                Resume::new(listing.list.clone(), at, skip, before + n).encode();
                            failure.message = format!(
                                "{} (after {} items; to go on from there, run the same command with --resume {token})",
                                failure.message,
                                before + n
                            );
                            Some(token)
                        }
                        _ => None,
                    };
                    match self.format {
                        // No partial document: a script reading it could not tell.
                        Format::Json if n > 0 => {
                            failure.message = format!(
                                "{} (after {n} items; nothing printed, since the JSON document would be incomplete: use --ndjson to keep what arrives)",
                                failure.message
                            );
                        }
                        // The items so far were printed: the last line says the list is cut.
                        Format::Ndjson => write_line(&encode(
                            &serde_json::json!({"error": {
                                "message": failure.message,
                                "exit_status": failure.code,
                                "after_items": before + n,
                                "resume": resume,
                            }}),
                            false,
                        )?)?,
                        _ => {}
                    }
                    return Err(failure);
                }
            };
            n += 1;
            if let Some(bar) = &bar {
                bar.set_message(format!("{n} fetched"));
                bar.tick();
            }
            match self.format {
                // LinkedIn's JSON is parsed only when it is printed.
                Format::Json => match self.pick(self.raw.then(|| raw_of(&item)).flatten())? {
                    Some(raw) => raws.push(raw.clone()),
                    None => typed.push(item),
                },
                Format::Ndjson => write_line(&self.encode_item(
                    &item,
                    self.raw.then(|| raw_of(&item)).flatten(),
                    false,
                )?)?,
                Format::Text => {
                    if let Some(bar) = &bar {
                        bar.suspend(|| self.write_text(&text(&item)))?;
                    } else {
                        self.write_text(&text(&item))?;
                    }
                }
            }
        }
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        if self.format == Format::Json {
            let array = if self.raw {
                encode(&raws, true)?
            } else {
                encode(&typed, true)?
            };
            write_line(&array)?;
        }
        Ok(n)
    }

    /// Prints a list one item per line (`--ndjson`), as a JSON array (`--json`) or as text,
    /// with a note when it is empty.
    pub(crate) async fn list<T: Serialize>(
        &self,
        items: Vec<T>,
        text: impl Fn(&T) -> String,
    ) -> Result<(), Failure> {
        let n = self.stream(Whole(ok_all(items)), text).await?;
        self.none_if_empty(n)
    }

    /// [`list`](Self::list) of items read from LinkedIn: with `--raw`, each item's JSON as
    /// LinkedIn sent it.
    pub(crate) async fn list_raw<T: Serialize>(
        &self,
        items: Vec<Raw<T>>,
        text: impl Fn(&T) -> String,
    ) -> Result<(), Failure> {
        let n = self.stream_raw(Whole(ok_all(items)), text).await?;
        self.none_if_empty(n)
    }

    fn none_if_empty(&self, n: usize) -> Result<(), Failure> {
        if n == 0 {
            self.note("none")?;
        }
        Ok(())
    }

    /// `value` as JSON text: the typed value, or with `--raw` LinkedIn's JSON of it (`raw`).
    fn encode_item<T: Serialize>(
        &self,
        value: &T,
        raw: Option<&Value>,
        pretty: bool,
    ) -> Result<String, Failure> {
        match self.pick(raw)? {
            Some(raw) => encode(raw, pretty),
            None => encode(value, pretty),
        }
    }

    /// LinkedIn's JSON to print instead of the typed value: `raw` with `--raw`, else none.
    fn pick<'v>(&self, raw: Option<&'v Value>) -> Result<Option<&'v Value>, Failure> {
        match (self.raw, raw) {
            (false, _) => Ok(None),
            (true, Some(raw)) => Ok(Some(raw)),
            // `gives_raw` said yes for a command that prints no raw JSON.
            (true, None) => Err(Failure::internal(
                "--raw reached a result without LinkedIn's JSON (a bug of this command: it should have been refused before running)",
            )),
        }
    }

    /// A note for people (text output only), never mixed into JSON.
    pub(crate) fn note(&self, text: &str) -> Result<(), Failure> {
        if self.format == Format::Text {
            self.write_text(&self.dim(text))?;
        }
        Ok(())
    }
}

/// A list as a stream of successes, for [`Out::stream`].
fn ok_all<T>(items: Vec<T>) -> impl Stream<Item = Result<T, linkedin_api::Error>> + Unpin {
    futures::stream::iter(items.into_iter().map(Ok))
}

/// `value` as JSON. serde_json escapes the C0 controls (`\u001b`); the C1 controls
/// (U+0080 to U+009F, which some terminals take as escapes) and the line and paragraph
/// separators (U+2028, U+2029, line breaks to JavaScript) are escaped here as well, so the
/// JSON on a terminal carries no escape of LinkedIn's either. They can only be inside
/// strings (JSON's own syntax is ASCII), where `\uXXXX` means the same character.
fn encode<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Failure> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(encode_error)?;
    Ok(escape_json_controls(text))
}

/// `text` (JSON) with C1 controls (U+0080 to U+009F) and the line and paragraph separators
/// (U+2028, U+2029) written as `\u` escapes: JSON allows them raw, a terminal or a
/// JavaScript reader may not.
fn escape_json_controls(text: String) -> String {
    // In UTF-8 a C1 control is 0xC2 0x80..=0x9F and U+2028/9 is 0xE2 0x80 0xA8/0xA9: only
    // where a 0xC2 or 0xE2 byte is can there be one, and memchr finds those fast.
    let bytes = text.as_bytes();
    let starts_one = |i: usize| match bytes[i] {
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        _ => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)),
    };
    if !memchr::memchr2_iter(0xC2, 0xE2, bytes).any(starts_one) {
        return text;
    }
    let odd = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}');
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if odd(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// The styles this tool writes itself on a terminal ([`Out::bold`], [`Out::dim`], and the
/// reset after them): the only escapes text output keeps.
const OWN_STYLES: [&str; 3] = ["\x1b[1m", "\x1b[2m", "\x1b[0m"];

/// `text` without what could drive a terminal: escape sequences (CSI `ESC [ … final`, OSC
/// `ESC ] … BEL or ST`, the other string sequences `ESC P`, `ESC X`, `ESC ^`, `ESC _`, and
/// their 8-bit C1 forms) are taken out whole, every other control character (C0 but line
/// breaks and tabs, which the layout uses; DEL; C1) and the bidirectional overrides and
/// isolates (U+202A to U+202E, U+2066 to U+2069) are dropped, the line and paragraph
/// separators become spaces. With `keep_style`, this tool's own styles ([`OWN_STYLES`]) are
/// kept: a LinkedIn string holding exactly one of them can set bold or dim, nothing more.
pub(crate) fn terminal_text(text: &str, keep_style: bool) -> String {
    let clean = |c: char| {
        !(c.is_control()
            || matches!(
                c,
                '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
            ))
    };
    if text.chars().all(|c| clean(c) || c == '\n' || c == '\t') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if keep_style && let Some(style) = OWN_STYLES.iter().find(|s| rest.starts_with(**s)) {
            out.push_str(style);
            rest = &rest[style.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '\n' | '\t' => out.push(c),
            '\u{2028}' | '\u{2029}' => out.push(' '),
            '\x1b' => rest = skip_escape(rest),
            // 8-bit CSI, then the 8-bit string sequences (DCS, SOS, OSC, PM, APC).
            '\u{9b}' => rest = skip_csi(rest),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => rest = skip_string(rest),
            c if clean(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// What follows an ESC, after the sequence it starts.
fn skip_escape(rest: &str) -> &str {
    let mut chars = rest.chars();
    match chars.next() {
        Some('[') => skip_csi(chars.as_str()),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars.as_str()),
        // A two-character sequence (ESC 7, ESC c...); a lone ESC at the end.
        Some(c) if !c.is_control() => chars.as_str(),
        _ => rest,
    }
}

/// After a CSI's parameters, intermediates and final byte.
fn skip_csi(rest: &str) -> &str {
    for (i, c) in rest.char_indices() {
        match c {
            '\x20'..='\x3f' => {}
            '\x40'..='\x7e' => return &rest[i + 1..],
            // Not a CSI after all: what follows is text.
            _ => return &rest[i..],
        }
    }
    ""
}

/// After a string sequence's terminator: BEL, ST (`ESC \\` or U+009C); a line break ends it
/// too, so a sequence left open does not swallow the lines after it.
fn skip_string(rest: &str) -> &str {
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        match c {
            '\x07' | '\u{9c}' => return &rest[i + c.len_utf8()..],
            '\x1b' => {
                return match iter.peek() {
                    Some((j, '\\')) => &rest[j + 1..],
                    _ => &rest[i..],
                };
            }
            '\n' => return &rest[i..],
            _ => {}
        }
    }
    ""
}

fn encode_error(e: serde_json::Error) -> Failure {
    Failure::internal(format!("cannot write JSON: {e}"))
}

pub(crate) fn write_line(line: &str) -> Result<(), Failure> {
    write_all(&[line.as_bytes(), b"\n"])
}

/// Writes `bytes` to stdout as they are; a closed pipe ends the command quietly (status 0).
pub(crate) fn write_raw(bytes: &[u8]) -> Result<(), Failure> {
    write_all(&[bytes])
}

/// Writes the parts one after the other (no copy into one buffer: a `--json` array can be
/// megabytes), then flushes.
fn write_all(parts: &[&[u8]]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let written = parts
        .iter()
        .try_for_each(|part| out.write_all(part))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::internal(format!("cannot write to stdout: {e}"))),
    }
}

/// A time in ms since the epoch as `YYYY-MM-DD HH:MM` (UTC), for text output; empty when
/// unknown.
pub(crate) fn date_time(ms: Option<i64>) -> String {
    let Some(ms) = ms else {
        return String::new();
    };
    let Some(t) = utc(ms) else {
        return String::new();
    };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// A time in ms since the epoch, in UTC; `None` outside the calendar's range.
pub(crate) fn utc(ms: i64) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000)).ok()
}

/// `text` on one line (line breaks as spaces), cut to `max` characters with `…`.
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_lines() {
        assert_eq!(date_time(Some(0)), "1970-01-01 00:00");
        assert_eq!(date_time(Some(1_709_251_199_000)), "2024-02-29 23:59");
        assert_eq!(date_time(Some(951_782_400_000)), "2000-02-29 00:00");
        assert_eq!(date_time(None), "");
        assert_eq!(date_time(Some(-1)), "1969-12-31 23:59");
        assert_eq!(date_time(Some(i64::MAX)), "", "out of the calendar's range");
        assert_eq!(one_line("a\n b  c", 10), "a b c");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
    }

    /// No escape of LinkedIn's reaches a terminal: the title escape, colours, CR, NUL and a
    /// right-to-left override are taken out of text (line breaks and tabs kept); JSON escapes
    /// them all, C1 and the separators included.
    #[test]
    fn control_characters_never_reach_the_terminal() {
        let title = "Ada\x1b]0;title\x07 Byron";
        assert_eq!(terminal_text(title, false), "Ada Byron");
        assert_eq!(terminal_text(title, true), "Ada Byron");
        let mutated = "ab\u{1b}]0;pwned\u{7}\u{1b}[31m\r\n\u{0}\u{202e}cd";
        assert_eq!(terminal_text(mutated, false), "ab\ncd");
        assert_eq!(
            terminal_text("a\x1b]2;t\x1b\\b\u{9b}2Jc\u{9d}8;;x\u{9c}d\x7f", false),
            "abcd"
        );
        assert_eq!(terminal_text("tab\there\u{2028}x", false), "tab\there x");
        assert_eq!(
            terminal_text("open\x1b]0;never closed\nnext", false),
            "open\nnext"
        );
        assert_eq!(terminal_text("end\x1b", false), "end");
        // Our own styles stay on a terminal, others go; off a terminal, all go.
        let styled = "\x1b[1mName\x1b[0m \x1b[5mblink\x1b[0m";
        assert_eq!(
            terminal_text(styled, true),
            "\x1b[1mName\x1b[0m blink\x1b[0m"
        );
        assert_eq!(terminal_text(styled, false), "Name blink");
        assert_eq!(terminal_text("plain, ünïcode ✓", true), "plain, ünïcode ✓");

        let json = encode(
            &serde_json::json!({"name": mutated, "c1": "\u{9b}2J\u{2028}"}),
            false,
        )
        .unwrap();
        assert!(
            !json.chars().any(|c| c.is_control() || c == '\u{2028}'),
            "{json}"
        );
        assert!(json.contains(r"\u001b]0;pwned\u0007"), "{json}");
        assert!(json.contains(r"\u009b2J\u2028"), "{json}");
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], mutated);
        assert_eq!(back["c1"], "\u{9b}2J\u{2028}");
        // Characters whose UTF-8 starts with the same bytes as a C1 control (0xC2) or as
        // U+2028 (0xE2 0x80) are left as they are: ©, NBSP, …, U+2027, U+202A.
        let near = "\u{a9}\u{a0}\u{2026}\u{2027}\u{202a}\u{2030}";
        assert_eq!(encode(near, false).unwrap(), format!("\"{near}\""));
        assert_eq!(encode("\u{2029}", false).unwrap(), r#""\u2029""#);
        assert_eq!(encode("a\u{85}", false).unwrap(), r#""a\u0085""#);
    }
}
