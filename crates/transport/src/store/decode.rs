//! Reading a session file back. Every error says what is wrong without quoting the file:
//! serde's own messages can quote a value, and the values are cookies.

use serde::Deserialize;

use super::SavedSession;

/// Decodes a session file; the error says what is wrong without quoting the file.
pub(super) fn decode(bytes: &[u8]) -> Result<SavedSession, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())?;
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }

    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| describe_json_error(&e))?;
    match probe.format {
        None => return Err("it has no `format` field, so it is not a saved session".to_owned()),
        Some(serde_json::Value::Number(n))
            if n.as_u64() == Some(u64::from(SavedSession::FORMAT)) => {}
        Some(serde_json::Value::Number(n)) => {
            return Err(format!(
                "it is in session format {n}, and this version reads format {}",
                SavedSession::FORMAT
            ));
        }
        Some(_) => return Err("its `format` field is not a number".to_owned()),
    }
    serde_json::from_str(text).map_err(|e| describe_json_error(&e))
}

/// Describes a JSON error without serde's own message for data errors, which can quote a
/// value from the file (and so a cookie).
fn describe_json_error(e: &serde_json::Error) -> String {
    let (line, column) = (e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("it is truncated (it ends at line {line}, column {column})")
        }
        serde_json::error::Category::Syntax => {
            format!("it is not valid JSON (line {line}, column {column})")
        }
        serde_json::error::Category::Data => {
            let message = e.to_string();
            // "missing field `name`" and "unknown variant" messages name fields, not values.
            if message.starts_with("missing field") {
                let what = message.split(" at line").next().unwrap_or(&message);
                format!("{what} (line {line}, column {column})")
            } else {
                format!(
                    "it does not have the layout of a saved session (line {line}, column {column})"
                )
            }
        }
        serde_json::error::Category::Io => format!("it could not be read: {e}"),
    }
}
