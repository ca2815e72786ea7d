//! LinkedIn's ids (queryIds, decorationIds, GraphQL data roots) are written in
//! `catalogue.toml` and nowhere else: this reads every id from the generated table and looks
//! for it in the workspace's Rust sources (the generated table itself aside), so a copy of an
//! id that would go stale when LinkedIn rotates it fails here.

use std::path::{Path, PathBuf};

use crate::ENDPOINTS;

/// Every id of the table, and the parts of it that would still be a copy: a queryId's hash,
/// a decorationId's last segment (`SomeProjection-12`).
fn ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    for e in ENDPOINTS {
        if let Some(q) = e.query_id {
            ids.push(q);
            ids.extend(q.split_once('.').map(|(_, hash)| hash));
        }
        if let Some(d) = e.decoration_id {
            ids.push(d);
            ids.extend(d.rsplit_once('.').map(|(_, last)| last));
        }
        ids.extend(e.data_root);
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && !name.to_string_lossy().starts_with('.') {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_linkedin_id_is_written_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generated.rs");
    let mut files = Vec::new();
    for dir in ["crates", "xtask", "fuzz"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 50, "the sources were found: {}", files.len());
    let ids = ids();
    assert!(ids.len() > 60, "the table has its ids: {}", ids.len());
    let mut copies = Vec::new();
    for file in &files {
        if file.ends_with("catalogue/src/generated.rs") || *file == generated {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for id in &ids {
            if text.contains(id) {
                copies.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "LinkedIn ids written outside catalogue.toml (use linkedin_catalogue::endpoints):\n{}",
        copies.join("\n")
    );
}
