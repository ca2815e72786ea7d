//! Text made from the word lists: joined lists, title case, URL names, fixed-length notes.

/// `a`, `a and b`, `a, b and c`.
pub(super) fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Every word capitalised: `platform engineering` → `Platform Engineering`.
pub(super) fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A lowercase, hyphen-separated form of a name: `Lumen & Ledger` → `lumen-ledger`.
pub(super) fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `text` cut or padded (by repeating it) to exactly `len` characters, without a trailing space.
pub(super) fn exactly(text: &str, len: usize) -> String {
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = words.clone();
    while out.chars().count() < len {
        out.push(' ');
        out.push_str(&words);
    }
    let mut out: String = out.chars().take(len).collect();
    if out.ends_with(' ') {
        out.pop();
        out.push('!');
    }
    out
}
