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
    let limit = u64::try_from(max).unwrap_or(u64::MAX) + 1;
    // JSON shrinks about tenfold under gzip and brotli: one allocation for most answers.
    let mut out = Vec::with_capacity(body.len().saturating_mul(10).min(max));
    let read = match encoding.as_str() {
        "" | "identity" => return Ok(body),
        "gzip" | "x-gzip" => flate2::read::GzDecoder::new(&body[..])
            .take(limit)
            .read_to_end(&mut out),
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
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&text).expect("in memory");
        let gz = gz.finish().expect("in memory");
        let mut br = Vec::new();
        brotli::CompressorWriter::new(&mut br, 4096, 4, 22)
            .write_all(&text)
            .expect("in memory");
        for (name, body) in [("gzip", gz), ("br", br)] {
            let out = decode(&headers(name), Bytes::from(body), 1 << 20).expect(name);
            assert_eq!(&out[..], &text[..], "{name}");
        }
    }

    #[test]
    fn corrupt_or_oversized_bodies_are_errors() {
        let err = decode(&headers("gzip"), Bytes::from_static(b"not gzip"), 1 << 20);
        assert!(matches!(err, Err(Error::Decode { .. })));
        let text = vec![b'a'; 10_000];
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&text).expect("in memory");
        let gz = gz.finish().expect("in memory");
        let err = decode(&headers("gzip"), Bytes::from(gz), 1000).expect_err("too large");
        assert!(err.to_string().contains("larger than"), "{err}");
        assert!(matches!(
            decode(&headers("zstd"), Bytes::new(), 10),
            Err(Error::Decode { .. })
        ));
    }
}
