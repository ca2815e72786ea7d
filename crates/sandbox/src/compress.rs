//! Answer compression, as LinkedIn's CDN does it: `br` when the request's `accept-encoding`
//! allows it, else `gzip`, for bodies of at least [`MIN_SIZE`] bytes. Done once per answer, at
//! fast settings, before the body faults (truncation, slow delivery) apply to the encoded bytes.

use std::io::Write;

use http::{HeaderMap, HeaderValue, Response, StatusCode, header};

use crate::body::Body;

/// Bodies shorter than this are sent as they are: compressing them saves too little.
pub(crate) const MIN_SIZE: usize = 1024;
/// gzip's level, from 1 (fastest) to 9.
const GZIP_LEVEL: u32 = 1;
/// brotli's quality, from 0 (fastest) to 11.
const BROTLI_QUALITY: i32 = 4;
/// brotli's largest window, as a power of two; smaller bodies get the smallest window that
/// holds them (at least 2^10), which halves the time brotli takes on a few KiB.
const BROTLI_MAX_WINDOW: u32 = 22;

/// A content coding the sandbox answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    Br,
    Gzip,
}

impl Coding {
    /// The name in `content-encoding`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Br => "br",
            Self::Gzip => "gzip",
        }
    }

    /// `data`, encoded.
    fn encode(self, data: &[u8]) -> std::io::Result<Vec<u8>> {
        match self {
            Self::Gzip => {
                let out = Vec::with_capacity(data.len() / 4 + 64);
                let mut encoder =
                    flate2::write::GzEncoder::new(out, flate2::Compression::new(GZIP_LEVEL));
                encoder.write_all(data)?;
                encoder.finish()
            }
            Self::Br => {
                let bits = usize::BITS - data.len().saturating_sub(1).leading_zeros();
                let params = brotli::enc::BrotliEncoderParams {
                    quality: BROTLI_QUALITY,
                    lgwin: bits.clamp(10, BROTLI_MAX_WINDOW) as i32,
                    size_hint: data.len(),
                    ..Default::default()
                };
                let mut out = Vec::with_capacity(data.len() / 4 + 64);
                brotli::enc::BrotliCompress(&mut &data[..], &mut out, &params)?;
                Ok(out)
            }
        }
    }
}

/// The coding to answer a request with `headers` in, if any: `br` when its `accept-encoding`
/// accepts it, else `gzip` when it accepts that. A coding is accepted when it is listed (or `*`
/// is and it is not) with a weight above zero; names are case-insensitive, `x-gzip` is `gzip`,
/// several `accept-encoding` headers count as one list, and a malformed weight refuses.
pub(crate) fn negotiate(headers: &HeaderMap) -> Option<Coding> {
    // The weight of each in thousandths, when listed.
    let (mut br, mut gzip, mut any) = (None, None, None);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let slot = if name.eq_ignore_ascii_case("br") {
                &mut br
            } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
                &mut gzip
            } else if name == "*" {
                &mut any
            } else {
                continue;
            };
            let weight = weight(parts);
            // Listed twice: the lower weight, so a refusal anywhere holds.
            *slot = Some(slot.map_or(weight, |w: u16| w.min(weight)));
        }
    }
    let accepted = |listed: Option<u16>| listed.or(any).is_some_and(|w| w > 0);
    if accepted(br) {
        Some(Coding::Br)
    } else if accepted(gzip) {
        Some(Coding::Gzip)
    } else {
        None
    }
}

/// The weight of one `accept-encoding` item from its parameters, in thousandths: 1000 without
/// `q`, 0 for a malformed one.
fn weight<'a>(params: impl Iterator<Item = &'a str>) -> u16 {
    for param in params {
        let Some((key, value)) = param.split_once('=') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("q") {
            return qvalue(value.trim()).unwrap_or(0);
        }
    }
    1000
}

/// A `qvalue` (`0`, `0.5`, `1.000`; at most three decimals, never over 1) in thousandths.
fn qvalue(text: &str) -> Option<u16> {
    let (units, decimals) = text.split_once('.').unwrap_or((text, ""));
    if decimals.len() > 3 || !decimals.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths = 0;
    for (i, digit) in decimals.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match units {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Encodes `resp`'s body for a request with `request` headers, when it is worth it: a status
/// with a body (not 1xx, 204 or 304), no `content-encoding` yet, and at least [`MIN_SIZE`]
/// bytes. Such an answer gets `vary: accept-encoding` whatever the request accepted (its form
/// depends on that header); it gets `content-encoding`, and a `content-length` of the encoded
/// size if it had one, only when a coding was accepted.
pub(crate) fn compress(resp: &mut Response<Body>, request: &HeaderMap) {
    let status = resp.status();
    if status.is_informational()
        || status == StatusCode::NO_CONTENT
        || status == StatusCode::NOT_MODIFIED
        || resp.body().len() < MIN_SIZE
        || resp.headers().contains_key(header::CONTENT_ENCODING)
    {
        return;
    }
    resp.headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    let Some(coding) = negotiate(request) else {
        return;
    };
    // Writing into memory does not fail; if an encoder ever did, the answer goes as it is.
    let Ok(encoded) = coding.encode(resp.body().data()) else {
        return;
    };
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_ENCODING,
        HeaderValue::from_static(coding.name()),
    );
    if headers.contains_key(header::CONTENT_LENGTH) {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(encoded.len()));
    }
    *resp.body_mut() = Body::full(encoded);
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn accepting(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        }
        headers
    }

    fn chosen(values: &[&str]) -> Option<&'static str> {
        negotiate(&accepting(values)).map(Coding::name)
    }

    #[test]
    fn br_is_preferred_and_weights_of_zero_refuse() {
        let cases: [(&[&str], Option<&str>); 22] = [
            (&[], None),
            (&[""], None),
            (&["gzip"], Some("gzip")),
            (&["br"], Some("br")),
            (&["gzip, deflate, br, zstd"], Some("br")),
            (&["gzip;q=1.0, br;q=0.1"], Some("br")),
            (&["br;q=0, gzip"], Some("gzip")),
            (&["gzip;q=0, br;q=0"], None),
            (&["gzip ; Q=0.000 ,br;q=0.0"], None),
            (&["BR", "gzip"], Some("br")),
            (&["X-GZIP"], Some("gzip")),
            (&["identity"], None),
            (&["deflate, zstd"], None),
            (&["*"], Some("br")),
            (&["*;q=0"], None),
            (&["*;q=0, gzip"], Some("gzip")),
            (&["br;q=0, *"], Some("gzip")),
            (&["gzip;q=bogus"], None),
            (&["gzip;q=1.5"], None),
            (&["gzip;q=0.0001"], None),
            (&["gzip;q=0.001"], Some("gzip")),
            (&["br, br;q=0, gzip"], Some("gzip")),
        ];
        for (values, expected) in cases {
            assert_eq!(chosen(values), expected, "{values:?}");
        }
    }

    fn html(len: usize) -> Response<Body> {
        let page = format!(
            "<html><body>{}</body></html>",
            "<p>LinkedIn</p>".repeat(len / 15)
        );
        let mut resp = Response::new(Body::full(page));
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        resp
    }

    fn decode(coding: &str, data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        match coding {
            "gzip" => flate2::read::GzDecoder::new(data)
                .read_to_end(&mut out)
                .unwrap(),
            "br" => brotli::Decompressor::new(data, 4096)
                .read_to_end(&mut out)
                .unwrap(),
            other => panic!("{other}"),
        };
        out
    }

    #[test]
    fn large_bodies_are_encoded_once_and_decode_whole() {
        // Exactly the threshold, a few KiB, and more than brotli's window for the latter.
        let exact = || {
            let mut resp = html(4000);
            *resp.body_mut() = Body::full(resp.body().data()[..MIN_SIZE].to_vec());
            resp
        };
        let sizes: [&dyn Fn() -> Response<Body>; 3] = [&exact, &|| html(4000), &|| {
            html((1 << BROTLI_MAX_WINDOW) + 100_000)
        }];
        for (make, coding) in sizes.iter().flat_map(|m| [(m, "gzip"), (m, "br")]) {
            let mut resp = make();
            let original = resp.body().data().to_vec();
            resp.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(original.len()));
            compress(&mut resp, &accepting(&[coding]));
            assert_eq!(resp.headers()[header::CONTENT_ENCODING], coding);
            assert_eq!(resp.headers()[header::VARY], "accept-encoding");
            let encoded = resp.body().data();
            assert!(encoded.len() < original.len() / 2, "{}", encoded.len());
            assert_eq!(
                resp.headers()[header::CONTENT_LENGTH],
                encoded.len().to_string().as_str()
            );
            assert_eq!(decode(coding, encoded), original);
        }
    }

    #[test]
    fn small_bodieless_and_encoded_answers_are_left_alone() {
        let gzip = accepting(&["gzip"]);
        let mut small = html(MIN_SIZE - 60);
        assert!(small.body().len() < MIN_SIZE);
        compress(&mut small, &gzip);
        assert!(small.headers().get(header::CONTENT_ENCODING).is_none());
        assert!(small.headers().get(header::VARY).is_none());

        for status in [StatusCode::NO_CONTENT, StatusCode::NOT_MODIFIED] {
            let mut resp = html(4000);
            *resp.status_mut() = status;
            compress(&mut resp, &gzip);
            assert!(resp.headers().get(header::CONTENT_ENCODING).is_none());
        }

        let mut encoded = html(4000);
        encoded
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        let before = encoded.body().data().to_vec();
        compress(&mut encoded, &gzip);
        assert_eq!(encoded.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(encoded.body().data(), before.as_slice());

        // Worth compressing, but not accepted: identity, varying on the header.
        let mut refused = html(4000);
        compress(&mut refused, &accepting(&["gzip;q=0"]));
        assert!(refused.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(refused.headers()[header::VARY], "accept-encoding");
    }
}
