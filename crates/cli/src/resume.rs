//! `--resume TOKEN`: going on with a list that was cut part way.
//!
//! When a list fails after some of its items were printed (`--ndjson` or text), its last
//! words name a token: where the page that failed starts, how many of its items were given
//! already, and which command line the list belongs to. The same command with `--resume
//! TOKEN` asks for that page first, so that the two runs together print each item once.
//!
//! The token is base64url of a small JSON object. It holds no secret: a position (an offset,
//! LinkedIn's pagination token or cursor, a timestamp) and a fingerprint of the command line
//! (the subcommands and their arguments, without the global options and `--limit`), so that
//! a token is refused, before anything is sent, by any other list.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use clap::ArgMatches;
use futures::Stream;
use linkedin_api::{Pages, Position};
use serde::{Deserialize, Serialize};

use crate::exit::Failure;

/// Where a cut list goes on from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Resume {
    /// The fingerprint of the command line the list belongs to.
    list: String,
    /// The start of the page to ask for first.
    at: Position,
    /// How many of that page's items were printed already.
    skip: usize,
    /// How many items the runs before printed in all.
    given: usize,
}

impl Resume {
    /// The token of a list cut at `at` (`skip` of its items printed), after `given` items.
    pub(crate) fn new(list: Fingerprint, at: Position, skip: usize, given: usize) -> Self {
        Self {
            list: list.0,
            at,
            skip,
            given,
        }
    }

    /// The token, as `--resume` takes it.
    pub(crate) fn encode(&self) -> String {
        // A struct of strings and numbers always serializes.
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    /// Reads `token` for the list of `list`.
    ///
    /// # Errors
    ///
    /// A usage failure (exit 2) for a token that does not read or belongs to another list.
    pub(crate) fn decode(token: &str, list: &Fingerprint) -> Result<Self, Failure> {
        let bad = |why: &str| {
            Failure::usage(format!(
                "invalid --resume: {why}; give the token printed by the run that was cut, with the same command"
            ))
        };
        if token.len() > 4096 {
            return Err(bad("too long to be a token"));
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(token.trim())
            .map_err(|_| bad("not a token"))?;
        let resume: Self = serde_json::from_slice(&bytes).map_err(|_| bad("not a token"))?;
        if resume.list != list.0 {
            return Err(bad("it belongs to another list (other arguments)"));
        }
        Ok(resume)
    }

    /// How many items the runs before printed.
    pub(crate) fn given(&self) -> usize {
        self.given
    }

    /// The start of the page to ask for first.
    pub(crate) fn at(&self) -> &Position {
        &self.at
    }

    /// How many of that page's items to drop.
    pub(crate) fn skip(&self) -> usize {
        self.skip
    }
}

/// Which list a command line asks for: its subcommands and their arguments, in a stable
/// hash (FNV-1a, 64 bits), without the global options and `--limit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint(String);

impl Fingerprint {
    /// The fingerprint of the parsed command line; `globals` are the ids of the options that
    /// do not change which list it is (output format, connection, `--resume` itself).
    pub(crate) fn of(matches: &ArgMatches, globals: &[&str]) -> Self {
        let mut hash = Fnv::new();
        let mut at = matches;
        while let Some((name, sub)) = at.subcommand() {
            hash.write(name.as_bytes());
            hash.write(&[0]);
            let mut ids: Vec<&str> = sub
                .ids()
                .map(clap::Id::as_str)
                .filter(|id| !globals.contains(id) && *id != "limit")
                .collect();
            ids.sort_unstable();
            for id in ids {
                let Ok(Some(values)) = sub.try_get_raw(id) else {
                    continue;
                };
                // Defaults count too: a list is what the arguments ask, said or not.
                hash.write(id.as_bytes());
                hash.write(&[1]);
                for value in values {
                    hash.write(value.as_encoded_bytes());
                    hash.write(&[2]);
                }
            }
            at = sub;
        }
        Self(format!("{:016x}", hash.0))
    }
}

/// FNV-1a: small, stable across versions and platforms (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A stream that can say where it stopped and start again there: the lists of the facade
/// ([`Pages`]), and lists built in memory, which never stop part way.
pub(crate) trait Resumable: Stream + Unpin {
    /// Where a later run goes on from (`None` when it has nothing left, or cannot resume).
    fn position(&self) -> Option<(Position, usize)>;

    /// The same list, from `at`, `skip` of its items dropped.
    #[must_use]
    fn resumed(self, at: Position, skip: usize) -> Self;
}

impl<T: Send + Unpin + 'static> Resumable for Pages<T> {
    fn position(&self) -> Option<(Position, usize)> {
        Pages::position(self)
    }

    fn resumed(self, at: Position, skip: usize) -> Self {
        self.resume(at, skip)
    }
}

/// A list with no pages (read whole, or built in memory): nothing to resume.
pub(crate) struct Whole<S>(pub(crate) S);

impl<S: Stream + Unpin> Stream for Whole<S> {
    type Item = S::Item;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        std::pin::Pin::new(&mut self.0).poll_next(cx)
    }
}

impl<S: Stream + Unpin> Resumable for Whole<S> {
    fn position(&self) -> Option<(Position, usize)> {
        None
    }

    fn resumed(self, _at: Position, _skip: usize) -> Self {
        self
    }
}

/// A list's items mapped one by one, still resumable (`map_ok` would hide the pages).
pub(crate) struct MapItems<S, F> {
    inner: S,
    map: F,
}

impl<S, F> MapItems<S, F> {
    /// `inner`'s items through `map`.
    pub(crate) fn new(inner: S, map: F) -> Self {
        Self { inner, map }
    }
}

impl<S, F, T, U, E> Stream for MapItems<S, F>
where
    S: Stream<Item = Result<T, E>> + Unpin,
    F: FnMut(T) -> U + Unpin,
{
    type Item = Result<U, E>;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        let this = &mut *self;
        std::pin::Pin::new(&mut this.inner)
            .poll_next(cx)
            .map(|item| item.map(|r| r.map(&mut this.map)))
    }
}

impl<S, F, T, U, E> Resumable for MapItems<S, F>
where
    S: Resumable + Stream<Item = Result<T, E>>,
    F: FnMut(T) -> U + Unpin,
{
    fn position(&self) -> Option<(Position, usize)> {
        self.inner.position()
    }

    fn resumed(self, at: Position, skip: usize) -> Self {
        Self {
            inner: self.inner.resumed(at, skip),
            map: self.map,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_reads_back_for_its_own_list_only() {
        let list = Fingerprint("00000000000000aa".into());
        let token = Resume::new(
            list.clone(),
            Position::Token {
                start: 40,
                token: Some("dXJu".into()),
            },
            3,
            43,
        )
        .encode();
        let back = Resume::decode(&token, &list).unwrap();
        assert_eq!(back.given(), 43);
        assert_eq!(back.skip, 3);
        let other = Fingerprint("00000000000000bb".into());
        let refused = Resume::decode(&token, &other).unwrap_err();
        assert_eq!(refused.code, 2);
        assert!(
            refused.message.contains("another list"),
            "{}",
            refused.message
        );
        for junk in ["", "%%%", "bm90IGpzb24", &"A".repeat(5000)] {
            assert_eq!(Resume::decode(junk, &list).unwrap_err().code, 2, "{junk}");
        }
    }

    #[test]
    fn fnv_is_stable() {
        let mut h = Fnv::new();
        h.write(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
    }
}
