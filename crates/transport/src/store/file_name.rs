//! An account's session file name: `<account>.json`, with the account lower-cased (ASCII)
//! and every byte that could leave the directory, hide the file or trouble Windows
//! percent-encoded.

/// File names longer than this (before `.json`) are shortened with a hash.
const MAX_STEM_BYTES: usize = 180;

/// The file name (without `.json`) of an account's session.
pub(crate) fn file_stem(account: &str) -> String {
    if account.is_empty() {
        // `%` followed by a non-hex letter is never produced by the encoding below.
        return "%empty".to_owned();
    }
    let lower = account.to_ascii_lowercase();
    let device = is_windows_device_name(&lower);
    let mut stem = String::with_capacity(lower.len());
    for (i, byte) in lower.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'_' | b'@' | b'-');
        if keep && !(i == 0 && (byte == b'.' || device)) {
            stem.push(char::from(byte));
        } else {
            stem.push_str(&format!("%{byte:02X}"));
        }
    }
    if stem.len() > MAX_STEM_BYTES {
        // Cut at a byte that does not split a `%XX` triple, then make the name unique again
        // with a hash of the whole account; `~` never appears otherwise.
        let mut cut = MAX_STEM_BYTES;
        while stem.as_bytes()[cut - 1] == b'%' || stem.as_bytes()[cut - 2] == b'%' {
            cut -= 1;
        }
        stem.truncate(cut);
        stem.push_str(&format!("~{:016x}", fnv1a(account.as_bytes())));
    }
    stem
}

/// Whether Windows reserves this name (even with an extension): `con`, `nul`, `com1`, ...
fn is_windows_device_name(lower: &str) -> bool {
    let base = lower.split('.').next().unwrap_or(lower);
    matches!(base, "con" | "prn" | "aux" | "nul" | "conin$" | "conout$")
        || ((base.starts_with("com") || base.starts_with("lpt"))
            && base.len() == 4
            && base.as_bytes()[3].is_ascii_digit())
}

/// A small stable hash (64-bit FNV-1a), for shortened file names.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::store::FileStore;

    #[test]
    fn file_names_stay_in_the_directory() {
        let store = FileStore::new("/sessions");
        let name = |account: &str| {
            let path = store.path_for(account);
            assert_eq!(path.parent(), Some(Path::new("/sessions")), "{account:?}");
            path.file_name().unwrap().to_string_lossy().into_owned()
        };
        assert_eq!(name("demo@example.com"), "demo@example.com.json");
        assert_eq!(name("Demo@Example.COM"), "demo@example.com.json");
        assert_eq!(
            name("first.last-1_x@mail.example.org"),
            "first.last-1_x@mail.example.org.json"
        );
        assert_eq!(name("../etc/passwd"), "%2E.%2Fetc%2Fpasswd.json");
        assert_eq!(name(".."), "%2E..json");
        assert_eq!(name("."), "%2E.json");
        assert_eq!(name(".hidden"), "%2Ehidden.json");
        assert_eq!(name("a/b\\c:d"), "a%2Fb%5Cc%3Ad.json");
        assert_eq!(name(""), "%empty.json");
        assert_eq!(name("%empty"), "%25empty.json");
        assert_eq!(name("josé@exämple.com"), "jos%C3%A9@ex%C3%A4mple.com.json");
        assert_eq!(name("名前"), "%E5%90%8D%E5%89%8D.json");
        assert_eq!(name("with space"), "with%20space.json");
        assert_eq!(name("nul\0byte"), "nul%00byte.json");
        assert_eq!(name("con"), "%63on.json");
        assert_eq!(name("COM1.txt"), "%63om1.txt.json");
        assert_eq!(name("lpt9"), "%6Cpt9.json");
        assert_eq!(name("console"), "console.json");

        // Long accounts are shortened, stay distinct, and never split an escape.
        let long_a = "é".repeat(200);
        let long_b = format!("{}x", "é".repeat(200));
        let (a, b) = (name(&long_a), name(&long_b));
        assert_ne!(a, b);
        assert!(a.len() <= MAX_STEM_BYTES + 17 + ".json".len(), "{a}");
        let stem = a.trim_end_matches(".json");
        let (kept, _hash) = stem.split_once('~').unwrap();
        assert!(kept.len() % 3 == 0 && kept.starts_with("%C3%A9"), "{kept}");
        assert_eq!(name(&long_a), a, "stable");
    }

    #[test]
    fn accounts_that_differ_get_different_files() {
        // Only ASCII case is folded.
        let store = FileStore::new("/sessions");
        assert_eq!(store.path_for("A%"), store.path_for("a%"));
        assert_ne!(store.path_for("É"), store.path_for("é"));

        let accounts = [
            "a", "b%", "a%25", "a%", ".a", "%2Ea", "a b", "a+b", "", "%empty", "con", "%63on",
        ];
        let mut paths: Vec<PathBuf> = accounts.iter().map(|a| store.path_for(a)).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), accounts.len());
    }
}
