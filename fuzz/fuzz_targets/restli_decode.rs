//! Every restli decoder on arbitrary input: none may panic, and whatever decodes must come
//! back unchanged through its encoder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use restli::{Decoration, Encoding, Mask, Query, Urn};

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else { return };
    if let Ok(v) = restli::from_str(input) {
        assert_eq!(restli::from_str(&v.encode(Encoding::QUERY)).as_ref(), Ok(&v));
        assert_eq!(restli::from_str(&v.encode(Encoding::PATH)).as_ref(), Ok(&v));
    }
    let _ = restli::from_str_path(input);
    if let Ok(v) = restli::from_str_reduced(input) {
        let _ = v.encode(Encoding::REDUCED);
    }
    if let Ok(urn) = Urn::parse(input) {
        assert_eq!(Urn::parse(&urn.to_string()).as_ref(), Ok(&urn));
    }
    if let Ok(mask) = Mask::parse(input) {
        assert_eq!(Mask::parse(&mask.to_string()).as_ref(), Ok(&mask));
    }
    if let Ok(d) = Decoration::parse(input) {
        assert_eq!(Decoration::parse(&d.to_string()).as_ref(), Ok(&d));
        assert_eq!(Decoration::parse(&d.to_wire()).as_ref(), Ok(&d));
    }
    if let Ok(q) = Query::parse(input) {
        for (name, _) in q.iter() {
            let _ = q.value(name);
        }
    }
});
