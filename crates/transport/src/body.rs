//! Reading an answer's body whole, within a time limit and a size cap, and decompressing it.

use std::io::Read;

use bytes::Bytes;
use http::HeaderMap;
use http::header::CONTENT_ENCODING;
use http_body_util::BodyExt;
use hyper::body::Incoming;

use crate::error::Error;

/// Why a body could not be read.
pub(crate) enum BodyError {
    /// The connection broke or the body ended short.
    Io(hyper::Error),
    /// Larger than allowed.
    TooLarge,
}

/// Reads the body frame by frame, stopping past `max` bytes.
pub(crate) async fn collect(mut body: Incoming, max: usize) -> Result<Bytes, BodyError> {
    let mut out = bytes::BytesMut::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(BodyError::Io)?;
        if let Ok(data) = frame.into_data() {
            if out.len() + data.len() > max {
                return Err(BodyError::TooLarge);
            }
            out.extend_from_slice(&data);
        }
    }
    Ok(out.freeze())
}

/// Undoes `content-encoding` (gzip, deflate, br; identity passes through).
pub(crate) fn decode(headers: &HeaderMap, body: Bytes, max: usize) -> Result<Bytes, Error> {
    let Some(encoding) = headers.get(CONTENT_ENCODING) else {
        return Ok(body);
    };
    let encoding = encoding
        .to_str()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match encoding.as_str() {
        "" | "identity" => return Ok(body),
        "gzip" | "x-gzip" => return gunzip(&body, max).map(Bytes::from),
        _ => {}
    }
    let limit = u64::try_from(max).unwrap_or(u64::MAX) + 1;
    // JSON shrinks about tenfold under deflate and brotli: one allocation for most answers.
    let mut out = Vec::with_capacity(body.len().saturating_mul(10).min(max));
    let read = match encoding.as_str() {
        "deflate" => flate2::read::ZlibDecoder::new(&body[..])
            .take(limit)
            .read_to_end(&mut out),
        "br" => brotli::Decompressor::new(&body[..], 8192)
            .take(limit)
            .read_to_end(&mut out),
        other => {
            return Err(Error::Decode {
                reason: format!("unsupported content-encoding {other:?}"),
                source: None,
            });
        }
    };
    read.map_err(|e| Error::Decode {
        reason: format!("the {encoding} body is corrupt or cut short"),
        source: Some(e.into()),
    })?;
    if out.len() > max {
        return Err(too_large(max));
    }
    Ok(Bytes::from(out))
}

/// A gzip member (RFC 1952) inflated into one buffer, its checksum and length checked: the
/// size its trailer states is allocated up front (then doubled if that was wrong), and the
/// output is the inflater's window, so nothing is copied out of a ring or read twice. Data
/// after the member is ignored, as it was by `flate2`'s `GzDecoder`, which this replaces for
/// whole bodies.
fn gunzip(body: &[u8], max: usize) -> Result<Vec<u8>, Error> {
    use miniz_oxide::inflate::TINFLStatus;
    use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

    let corrupt = || Error::Decode {
        reason: "the gzip body is corrupt or cut short".to_owned(),
        source: None,
    };
    let mut at = gzip_header(body).ok_or_else(corrupt)?;
    // The trailer's length (modulo 2^32) is a hint only: a body may carry more than one member.
    let stated = body
        .len()
        .checked_sub(4)
        .and_then(|end| body.get(end..))
        .and_then(|tail| tail.try_into().ok())
        .map_or(0, |tail| u32::from_le_bytes(tail) as usize)
        // Deflate expands 1032 times at most.
        .min(body.len().saturating_mul(1032));
    let ceiling = max.saturating_add(1);
    let mut out = vec![0; stated.max(1024).min(ceiling)];
    let mut decompressor = DecompressorOxide::new();
    let mut written = 0;
    loop {
        let (status, read, wrote) = decompress(
            &mut decompressor,
            body.get(at..).ok_or_else(corrupt)?,
            &mut out,
            written,
            inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        at += read;
        written += wrote;
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput if out.len() < ceiling => {
                let grown = out.len().saturating_mul(2).min(ceiling);
                out.resize(grown, 0);
            }
            TINFLStatus::HasMoreOutput => return Err(too_large(max)),
            _ => return Err(corrupt()),
        }
    }
    out.truncate(written);
    if written > max {
        return Err(too_large(max));
    }
    let trailer = body.get(at..at + 8).ok_or_else(corrupt)?;
    let crc = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
    let length = u32::from_le_bytes([trailer[4], trailer[5], trailer[6], trailer[7]]);
    if crc32fast::hash(&out) != crc || length != written as u32 {
        return Err(corrupt());
    }
    Ok(out)
}

/// Where a gzip member's deflate data starts, past its header; `None` when it is not one.
fn gzip_header(body: &[u8]) -> Option<usize> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    // Magic, deflate (8), flags with no reserved bit set, then mtime, xfl and os.
    let (&[0x1f, 0x8b, 8, flags], _) = body.split_first_chunk::<4>()? else {
        return None;
    };
    if flags & 0xe0 != 0 {
        return None;
    }
    let mut at = 10;
    if flags & FEXTRA != 0 {
        let len = body.get(at..at + 2)?;
        at += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            at += body.get(at..)?.iter().position(|&b| b == 0)? + 1;
        }
    }
    if flags & FHCRC != 0 {
        at += 2;
    }
    (at <= body.len()).then_some(at)
}

pub(crate) fn too_large(max: usize) -> Error {
    Error::Decode {
        reason: format!("the answer is larger than the {max} bytes allowed"),
        source: None,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn headers(encoding: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(CONTENT_ENCODING, encoding.parse().expect("valid"));
        h
    }

    #[test]
    fn gzip_and_br_are_decoded() {
        let text = br#"{"data":{"firstName":"Dana"}}"#.repeat(100);
        let gz = gzip(&text);
        let mut br = Vec::new();
        brotli::CompressorWriter::new(&mut br, 4096, 4, 22)
            .write_all(&text)
            .expect("in memory");
        for (name, body) in [("gzip", gz), ("br", br)] {
            let out = decode(&headers(name), Bytes::from(body), 1 << 20).expect(name);
            assert_eq!(&out[..], &text[..], "{name}");
        }
    }

    fn gzip(text: &[u8]) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text).expect("in memory");
        gz.finish().expect("in memory")
    }

    #[test]
    fn gzip_headers_with_every_optional_field_are_read() {
        let text = br#"{"elements":[]}"#.repeat(50);
        let mut gz = flate2::GzBuilder::new()
            .filename("answer.json")
            .comment("a comment")
            .extra(vec![1, 2, 3])
            .write(Vec::new(), flate2::Compression::best());
        gz.write_all(&text).expect("in memory");
        let body = gz.finish().expect("in memory");
        let out = decode(&headers("gzip"), Bytes::from(body), 1 << 20).expect("gzip");
        assert_eq!(&out[..], &text[..]);
    }

    #[test]
    fn a_gzip_body_of_a_wrong_stated_size_still_inflates_whole() {
        // The trailer's size is a hint for the buffer; one that undersells grows it.
        let text: Vec<u8> = (0..200_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let mut body = gzip(&text);
        body.extend_from_slice(&[0, 0, 0, 0, 16, 0, 0, 0]);
        let out = decode(&headers("gzip"), Bytes::from(body), 1 << 21).expect("gzip");
        assert_eq!(&out[..], &text[..]);
    }

    #[test]
    fn a_gzip_body_with_a_wrong_checksum_length_or_end_is_an_error() {
        let text = br#"{"data":{"firstName":"Dana"}}"#.repeat(100);
        let good = gzip(&text);
        let n = good.len();
        let mut bad_crc = good.clone();
        bad_crc[n - 8] ^= 1;
        let mut bad_len = good.clone();
        bad_len[n - 4] ^= 1;
        let cut = good[..n - 3].to_vec();
        let mut bad_flags = good.clone();
        bad_flags[3] = 0x80;
        let mut bad_data = good.clone();
        bad_data[12] ^= 0xff;
        for (what, body) in [
            ("checksum", bad_crc),
            ("length", bad_len),
            ("cut", cut),
            ("reserved flag", bad_flags),
            ("deflate data", bad_data),
            ("header only", good[..10].to_vec()),
            ("nothing", Vec::new()),
        ] {
            let err = decode(&headers("gzip"), Bytes::from(body), 1 << 20)
                .expect_err(what)
                .to_string();
            assert!(err.contains("corrupt or cut short"), "{what}: {err}");
        }
    }

    #[test]
    fn corrupt_or_oversized_bodies_are_errors() {
        let err = decode(&headers("gzip"), Bytes::from_static(b"not gzip"), 1 << 20);
        assert!(matches!(err, Err(Error::Decode { .. })));
        let text = vec![b'a'; 10_000];
        let gz = gzip(&text);
        let err = decode(&headers("gzip"), Bytes::from(gz), 1000).expect_err("too large");
        assert!(err.to_string().contains("larger than"), "{err}");
        assert!(matches!(
            decode(&headers("zstd"), Bytes::new(), 10),
            Err(Error::Decode { .. })
        ));
    }
}
