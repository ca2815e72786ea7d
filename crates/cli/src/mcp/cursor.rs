//! Paging for the tools: a list tool gives at most `limit` items and, when more follow, a
//! `next_cursor` the agent passes back (with the same other arguments) to get the next ones.
//!
//! A cursor is base64url of a small JSON object: the tool, a hash of its other arguments (so
//! a cursor given to another list is refused before anything is sent), and where the list goes
//! on ([`Position`] and how many items of that page were given already). It holds no secret.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use futures::TryStreamExt;
use linkedin_api::{Pages, Position};
use serde::{Deserialize, Serialize};

use super::ToolError;

/// The most items one call of a list tool gives.
pub(crate) const LIMIT_MAX: u32 = 100;

/// Where a list goes on, and which list it is.
#[derive(Debug, Serialize, Deserialize)]
struct Cursor {
    /// The tool.
    tool: String,
    /// A hash of the tool's arguments, without `limit` and `cursor`.
    query: String,
    /// The start of the page to ask for next.
    at: Position,
    /// How many items of that page were given already.
    skip: usize,
}

/// One call's items, and the cursor of the next ones.
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[schemars(bound = "")]
pub(crate) struct Listed<T> {
    /// The items, in LinkedIn's order (the typed views `linkedin ... --json` prints).
    #[schemars(with = "Vec<serde_json::Value>")]
    pub(crate) items: Vec<T>,
    /// How many items there are in `items`.
    pub(crate) count: usize,
    /// Pass this back as `cursor` (with the same other arguments) for the next items; absent
    /// at the end of the list.
    pub(crate) next_cursor: Option<String>,
}

/// The hash (FNV-1a, 64 bits) of a tool's arguments other than `limit` and `cursor`.
fn fingerprint(args: &impl Serialize) -> String {
    let mut value = serde_json::to_value(args).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.remove("limit");
        map.remove("cursor");
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in value.to_string().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// A `limit` argument checked: 1 to [`LIMIT_MAX`], `default` when absent.
pub(crate) fn limit(limit: Option<u32>, default: u32) -> Result<usize, ToolError> {
    match limit.unwrap_or(default) {
        n @ 1..=LIMIT_MAX => Ok(n as usize),
        n => Err(ToolError::input(format!(
            "limit {n}: give 1 to {LIMIT_MAX} (and `cursor` for the next items)"
        ))),
    }
}

/// At most `limit` items of `pages` for the tool `tool` called with `args`, from `cursor` on
/// when one is given, with the cursor of the items after them.
///
/// # Errors
///
/// A bad cursor or one of another list (nothing sent), and the list's first error.
pub(crate) async fn page<T, A>(
    tool: &str,
    args: &A,
    pages: Pages<T>,
    limit: usize,
    cursor: Option<&str>,
) -> Result<Listed<T>, ToolError>
where
    T: Send + Unpin + 'static,
    A: Serialize,
{
    let query = fingerprint(args);
    let mut pages = pages.limit(limit);
    if let Some(token) = cursor {
        let at = decode(token, tool, &query)?;
        pages = pages.resume(at.at, at.skip);
    }
    let mut items = Vec::with_capacity(limit.min(LIMIT_MAX as usize));
    while let Some(item) = pages.try_next().await? {
        items.push(item);
    }
    let next_cursor = pages.position().map(|(at, skip)| {
        let cursor = Cursor {
            tool: tool.to_owned(),
            query,
            at,
            skip,
        };
        // A struct of strings and numbers always serializes.
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&cursor).unwrap_or_default())
    });
    Ok(Listed {
        count: items.len(),
        items,
        next_cursor,
    })
}

/// A list tool's answer: at most `limit` items (checked, `default` when absent) of `pages`
/// from `cursor` on, as [`page`] gives them.
///
/// # Errors
///
/// A bad limit or cursor (nothing sent), and the list's first error.
pub(crate) async fn list<T, A>(
    tool: &str,
    args: &A,
    pages: Pages<T>,
    (limit_arg, default): (Option<u32>, u32),
    cursor: Option<&str>,
) -> Result<rmcp::handler::server::wrapper::Json<Listed<T>>, ToolError>
where
    T: Send + Unpin + 'static,
    A: Serialize,
{
    let n = limit(limit_arg, default)?;
    Ok(rmcp::handler::server::wrapper::Json(
        page(tool, args, pages, n, cursor).await?,
    ))
}

/// The cursor `token` of the tool `tool` with arguments hashed to `query`.
fn decode(token: &str, tool: &str, query: &str) -> Result<Cursor, ToolError> {
    let bad = |why: &str| {
        ToolError::input(format!(
            "invalid cursor: {why}; pass the next_cursor of the previous call of {tool} as it came, with the same other arguments (or leave cursor out to start at the beginning)"
        ))
    };
    if token.len() > 4096 {
        return Err(bad("too long to be a cursor"));
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(token.trim())
        .map_err(|_| bad("not a cursor"))?;
    let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| bad("not a cursor"))?;
    if cursor.tool != tool {
        return Err(bad(&format!("it is a cursor of {}", cursor.tool)));
    }
    if cursor.query != query {
        return Err(bad("it belongs to a call with other arguments"));
    }
    Ok(cursor)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn cursors_belong_to_one_list() {
        let args = serde_json::json!({"keywords": "rust", "limit": 5, "cursor": "x"});
        let same = serde_json::json!({"keywords": "rust", "limit": 9});
        let other = serde_json::json!({"keywords": "go"});
        assert_eq!(fingerprint(&args), fingerprint(&same));
        assert_ne!(fingerprint(&args), fingerprint(&other));
        let token = URL_SAFE_NO_PAD.encode(
            serde_json::to_vec(&Cursor {
                tool: "search_people".into(),
                query: fingerprint(&args),
                at: Position::Start(10),
                skip: 2,
            })
            .unwrap(),
        );
        let ok = decode(&token, "search_people", &fingerprint(&same)).unwrap();
        assert_eq!((ok.at, ok.skip), (Position::Start(10), 2));
        assert!(decode(&token, "search_people", &fingerprint(&other)).is_err());
        assert!(decode(&token, "list_invitations", &fingerprint(&same)).is_err());
        assert!(decode("not a cursor!", "search_people", "0").is_err());
        assert!(limit(Some(0), 10).is_err());
        assert!(limit(Some(LIMIT_MAX + 1), 10).is_err());
        assert_eq!(limit(None, 10).unwrap(), 10);
    }
}
