//! Every example the `--help` texts show runs, as printed, against the embedded sandbox
//! (`--sandbox` added when the example has none): a user who copies one gets an answer.

use crate::common::{help, subcommands};

/// A command line split as a POSIX shell splits it: words, '…' and "…" (with \" inside).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' if in_word => {
                words.push(std::mem::take(&mut word));
                in_word = false;
            }
            ' ' => {}
            '\'' => {
                in_word = true;
                word.extend(chars.by_ref().take_while(|c| *c != '\''));
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn every_help_example_runs_under_the_sandbox() {
    let mut examples = Vec::new();
    let mut todo = vec![Vec::<String>::new()];
    while let Some(path) = todo.pop() {
        let text = help(&path);
        // An example clap wrapped at the terminal's width goes on until the blank line.
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            if let Some(example) = line.trim().strip_prefix("Example: ") {
                let mut example = example.to_owned();
                while let Some(more) =
                    lines.next_if(|l| !l.trim().is_empty() && !l.trim().starts_with("Example: "))
                {
                    example.push(' ');
                    example.push_str(more.trim());
                }
                examples.push(example);
            }
        }
        for sub in subcommands(&text) {
            let mut next = path.clone();
            next.push(sub);
            todo.push(next);
        }
    }
    assert!(examples.len() >= 40, "{} examples", examples.len());
    let mut failed = Vec::new();
    for example in &examples {
        let mut args = shell_words(example);
        assert_eq!(args.remove(0), "linkedin", "{example}");
        if !args.iter().any(|a| a == "--sandbox") {
            args.insert(0, "--sandbox".to_owned());
        }
        let dir = tempfile::tempdir().unwrap();
        let out = crate::common::run(
            "http://127.0.0.1:9",
            dir.path(),
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            "",
        );
        if !out.status.success() {
            failed.push(format!(
                "{example}: {}",
                crate::common::printed(&out).trim()
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} examples fail:\n{}",
        failed.len(),
        examples.len(),
        failed.join("\n")
    );
}
