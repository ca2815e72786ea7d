//! Output for people and for programs: text by default, `--json` for one JSON document,
//! `--ndjson` for one item per line as they arrive. Colours only on a terminal.

use std::io::{IsTerminal, Write};

use futures::{Stream, StreamExt};
use serde::Serialize;

use crate::exit::Failure;

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
    color: bool,
    progress: bool,
}

impl Out {
    pub(crate) fn new(format: Format) -> Self {
        Self {
            format,
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            progress: std::io::stderr().is_terminal(),
        }
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
        let line = match self.format {
            Format::Json => json(value, true)?,
            Format::Ndjson => json(value, false)?,
            Format::Text => text(value),
        };
        write_line(&line)
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
        S: Stream<Item = Result<T, linkedin_api::Error>>,
    {
        let mut items = std::pin::pin!(items);
        let bar = self.progress.then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message("fetching");
            bar
        });
        let mut all = Vec::new();
        let mut n = 0;
        while let Some(item) = items.next().await {
            let item = match item {
                Ok(item) => item,
                Err(e) => {
                    if let Some(bar) = &bar {
                        bar.finish_and_clear();
                    }
                    if self.format == Format::Json && !all.is_empty() {
                        write_line(&json(&all, true)?)?;
                    }
                    return Err(e.into());
                }
            };
            n += 1;
            if let Some(bar) = &bar {
                bar.set_message(format!("{n} fetched"));
                bar.tick();
            }
            match self.format {
                Format::Json => all.push(serde_json::to_value(&item).map_err(encode_error)?),
                Format::Ndjson => write_line(&json(&item, false)?)?,
                Format::Text => {
                    if let Some(bar) = &bar {
                        bar.suspend(|| write_line(&text(&item)))?;
                    } else {
                        write_line(&text(&item))?;
                    }
                }
            }
        }
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        if self.format == Format::Json {
            write_line(&json(&all, true)?)?;
        }
        Ok(n)
    }

    /// A note for people (text output only), never mixed into JSON.
    pub(crate) fn note(&self, text: &str) -> Result<(), Failure> {
        if self.format == Format::Text {
            write_line(&self.dim(text))?;
        }
        Ok(())
    }
}

fn json<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Failure> {
    if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(encode_error)
}

fn encode_error(e: serde_json::Error) -> Failure {
    Failure::internal(format!("cannot write JSON: {e}"))
}

fn write_line(line: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{line}") {
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
    let secs = ms.div_euclid(1000);
    let (days, of_day) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = linkedin_api::models::common::civil_date(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        of_day / 3600,
        of_day % 3600 / 60
    )
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
        assert_eq!(one_line("a\n b  c", 10), "a b c");
        assert_eq!(one_line("abcdefghij", 5), "abcd…");
    }
}
