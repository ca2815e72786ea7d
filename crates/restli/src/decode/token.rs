//! A string token's bytes: where the token ends (the next grammar character), whether it holds
//! a `%`, and its text with the escapes undone.
//!
//! The scanner and the percent-decoder read eight bytes at a time, as one `u64` whose lanes
//! are tested together (SWAR, "SIMD within a register", in safe code); property tests hold
//! both to byte-at-a-time references. What it gained is measured on [`raw_token`].

/// Whether `c` is one of the characters that give Rest.li text its structure.
pub(super) fn is_grammar(c: char) -> bool {
    matches!(c, '(' | ')' | ',' | ':')
}

/// What the token scanner must look at: `1` for the grammar characters that end a token,
/// `2` for `%`, `0` for everything else.
static TOKEN_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    class[b'(' as usize] = 1;
    class[b')' as usize] = 1;
    class[b',' as usize] = 1;
    class[b':' as usize] = 1;
    class[b'%' as usize] = 2;
    class
};

/// Eight input bytes read as one little-endian word: lane `k` is byte `k`.
const LANES: u64 = u64::from_le_bytes([1; 8]);

/// The high bit of every lane.
const LANE_HIGH_BITS: u64 = LANES << 7;

/// Sets the high bit of the lanes of `word` that hold `byte`. The lowest flagged lane is
/// always a true match (a lane above a true match may be flagged falsely, by the borrow of
/// the subtraction), so the scanners only use the lowest flagged lane, or whether there is
/// one.
#[inline]
fn lanes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (LANES * u64::from(byte));
    x.wrapping_sub(LANES) & !x & LANE_HIGH_BITS
}

/// The lanes of `word` that hold a grammar character, as [`lanes_equal`] flags them: `(`
/// (0x28) and `)` (0x29) differ only in the low bit, so one test finds both.
#[inline]
fn grammar_lanes(word: u64) -> u64 {
    lanes_equal(word | LANES, b')') | lanes_equal(word, b',') | lanes_equal(word, b':')
}

/// A string token's raw text (everything up to the next grammar character) and whether it
/// holds a `%`, found in one pass over the bytes: eight at a time while eight remain (dense
/// documents have a token every 13 bytes or so), then one at a time.
///
/// What reading eight bytes at a time is worth: on 2026-11-29 (README, restli benchmarks),
/// callgrind counted 33.9 million instructions per decode of the generated 1 MiB nested
/// document (48.6 million before) and 14.6 million for the 1 MiB URN list (26.2 million
/// before). Those figures are for the whole rework of that day, of which this scanner and
/// the eight-byte percent-decoding are one part: the grammar rules also stopped running nom
/// combinators, string leaves stopped taking a recursive call, and finished lists and maps
/// left the shared stacks with one copy. The scanner's own share was not measured apart.
#[inline(always)]
pub(super) fn raw_token(i: &str) -> (&str, (&str, bool)) {
    let bytes = i.as_bytes();
    let mut percent = false;
    let mut end = 0;
    while let Some(chunk) = bytes.get(end..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let grammar = grammar_lanes(word);
        // Only the lowest flagged lane of each mask is exact, which is all this compares.
        let escapes = lanes_equal(word, b'%');
        if grammar != 0 {
            let stop = grammar.trailing_zeros();
            percent |= escapes.trailing_zeros() < stop;
            let (raw, rest) = i.split_at(end + (stop / 8) as usize);
            return (rest, (raw, percent));
        }
        percent |= escapes != 0;
        end += 8;
    }
    while let Some(&b) = bytes.get(end) {
        match TOKEN_CLASS[usize::from(b)] {
            0 => {}
            1 => break,
            _ => percent = true,
        }
        end += 1;
    }
    let (raw, rest) = i.split_at(end);
    (rest, (raw, percent))
}

/// Percent-decodes `raw` into the front of `out`, which grows to `raw`'s length when shorter
/// and is otherwise reused as is, and gives the decoded bytes. On a malformed escape, gives
/// the byte index of the problem and the bad digit if there is one: a `%` without two
/// characters after it is reported at the `%`, a bad digit at the digit.
///
/// The bytes between escapes are copied eight at a time: each word is copied whole and the
/// cursors then move past the bytes before its first `%`, so the bytes after it are
/// overwritten by what follows. The output never overtakes the input, so a word always fits.
pub(super) fn percent_decode<'o>(
    raw: &str,
    out: &'o mut Vec<u8>,
) -> Result<&'o [u8], (usize, Option<char>)> {
    let bytes = raw.as_bytes();
    if out.len() < bytes.len() {
        out.resize(bytes.len(), 0);
    }
    let (mut i, mut o) = (0, 0);
    loop {
        let src = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>);
        let dst = out.get_mut(o..).and_then(<[u8]>::first_chunk_mut::<8>);
        if let (Some(src), Some(dst)) = (src, dst) {
            *dst = *src;
            let run = (lanes_equal(u64::from_le_bytes(*src), b'%').trailing_zeros() / 8) as usize;
            i += run;
            o += run;
            if run == 8 {
                continue;
            }
        } else {
            loop {
                match bytes.get(i) {
                    None => return Ok(&out[..o]),
                    Some(b'%') => break,
                    Some(&b) => out[o] = b,
                }
                i += 1;
                o += 1;
            }
        }
        // `bytes[i]` is a `%`.
        let (Some(&hi), Some(&lo)) = (bytes.get(i + 1), bytes.get(i + 2)) else {
            return Err((i, None));
        };
        let (hi, lo) = (HEX_VALUE[usize::from(hi)], HEX_VALUE[usize::from(lo)]);
        if hi > 0xF {
            return Err((i + 1, bad_digit(raw, i + 1)));
        }
        if lo > 0xF {
            return Err((i + 2, bad_digit(raw, i + 2)));
        }
        out[o] = hi << 4 | lo;
        i += 3;
        o += 1;
    }
}

/// The value of each hexadecimal digit (either case), and 0xFF for every other byte.
static HEX_VALUE: [u8; 256] = {
    let mut value = [0xFF; 256];
    let mut d = 0;
    while d < 10 {
        value[b'0' as usize + d] = d as u8;
        d += 1;
    }
    let mut d = 0;
    while d < 6 {
        value[b'a' as usize + d] = 10 + d as u8;
        value[b'A' as usize + d] = 10 + d as u8;
        d += 1;
    }
    value
};

/// The character at byte `at`, for an error message (it may be non-ASCII).
fn bad_digit(raw: &str, at: usize) -> Option<char> {
    raw.get(at..).and_then(|s| s.chars().next())
}

/// Undoes `%28 %29 %2C %3A %27` (either case), leaving every other `%` sequence alone.
pub(super) fn unescape_reserved(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(p) = rest.find('%') {
        out.push_str(&rest[..p]);
        let reserved = rest.get(p + 1..p + 3).and_then(|hex| match hex {
            "28" => Some('('),
            "29" => Some(')'),
            "2C" | "2c" => Some(','),
            "3A" | "3a" => Some(':'),
            "27" => Some('\''),
            _ => None,
        });
        match reserved {
            Some(c) => {
                out.push(c);
                rest = &rest[p + 3..];
            }
            None => {
                out.push('%');
                rest = &rest[p + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_scanning_stops_at_the_first_grammar_character() {
        for stop in ['(', ')', ',', ':'] {
            for len in 0..20 {
                let head = "é".repeat(len / 2) + &"a".repeat(len % 2);
                let text = format!("{head}{stop}bbbbbbbbbbb%");
                let (rest, (token, percent)) = raw_token(&text);
                assert_eq!((token, percent), (head.as_str(), false), "{text:?}");
                assert!(rest.starts_with(stop));
            }
        }
        let (_, (token, percent)) = raw_token("abcdefgh%20ijklmnopq,r");
        assert_eq!((token, percent), ("abcdefgh%20ijklmnopq", true));
        assert_eq!(raw_token("").1, ("", false));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 20_000, failure_persistence: None, ..Default::default()
        })]

        /// The eight-at-a-time scan agrees with a byte-by-byte one, on the bytes that can
        /// mislead it: each special character's neighbours (`$` = `%` - 1, `'` = `(` - 1,
        /// `+` = `,` - 1, `9` = `:` - 1, `*` = `)` + 1) and 0x01 (a lane after a match).
        #[test]
        fn token_scanning_agrees_with_a_byte_loop(text in "[a$%'()*+,9:;\\x01é]{0,40}") {
            let end = text.find(is_grammar).unwrap_or(text.len());
            let expected = (&text[..end], text[..end].contains('%'));
            let (rest, token) = raw_token(&text);
            proptest::prop_assert_eq!(token, expected);
            proptest::prop_assert_eq!(rest, &text[end..]);
        }

        /// Percent-decoding a word at a time agrees with a byte loop, errors included, with
        /// escapes and bad ones at every position of a word (and a reused, dirty buffer).
        #[test]
        fn percent_decoding_agrees_with_a_byte_loop(text in "([a%2Fé!]|%[0-9a-fA-F]{2}){0,30}") {
            let mut scratch = vec![0xAA; 5];
            let decoded = percent_decode(&text, &mut scratch).map(<[u8]>::to_vec);
            proptest::prop_assert_eq!(decoded, reference_percent_decode(&text));
        }
    }

    /// The plain byte-at-a-time percent-decoder that [`percent_decode`] must agree with.
    fn reference_percent_decode(raw: &str) -> Result<Vec<u8>, (usize, Option<char>)> {
        let bytes = raw.as_bytes();
        let hex = |at: usize| {
            let digit = bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
            digit.ok_or((at, bad_digit(raw, at)))
        };
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b != b'%' {
                out.push(b);
                i += 1;
                continue;
            }
            if bytes.len() < i + 3 {
                return Err((i, None));
            }
            let (hi, lo) = (hex(i + 1)?, hex(i + 2)?);
            out.push(u8::try_from(hi << 4 | lo).unwrap());
            i += 3;
        }
        Ok(out)
    }
}
