//! The one page driver: every paginated method is a [`PageSource`] (how to ask for a page,
//! how to read one) driven by [`Pages::driven`], which owns what they share.
//!
//! The rules, in one place:
//! - **Position style**: a stream pages the way its catalogue entry says (`start`/`count`,
//!   a `paginationToken`, a cursor, a timestamp anchor); a position of another style (one
//!   resumed from another stream) is refused before anything is sent.
//! - **Position parameters**: the driver adds `start`, `count`, the token, the cursor or the
//!   anchor to each call, where the entry's params with that page role go (query or GraphQL
//!   variables). A source never writes them.
//! - **Page size**: `count` is the entry's catalogue `max_count` (the largest page it takes),
//!   or what the stream's limit still needs when that is less.
//! - **Next position**, from our own counts: an offset moves by the elements the answer held;
//!   there is more while fewer than `paging.total` were seen, or, without a total, while pages
//!   come full. A token or cursor is the one the answer gave (a cursor given twice in a row
//!   ends the stream); an anchor is the oldest item's time, and must move back.
//! - **Recognised answers**: a page whose elements none read, or a first page that reports a
//!   positive total without elements, is [`Error::SchemaMoved`]: LinkedIn changed the shape,
//!   which must not look like an empty list.
//! - **Left-out items** ([`PageSource::keep`]) are dropped after that check; the stream reads
//!   through pages that keep nothing.
//! - A 404 is [`Error::NotFound`] naming what the source says it was about.

use std::future::Future;
use std::sync::Arc;

use linkedin_catalogue::{Endpoint, PageRole, Pagination};
use linkedin_models::Answer;

use crate::client::{Call, Linkedin, answer};
use crate::error::{Error, Result};
use crate::paginate::{Page, Pages, Position};
use crate::validate;

/// The longest token or cursor accepted back from a resumed position.
const TOKEN_MAX: usize = 1_000;

/// What one paginated capability adds to the driver.
pub(crate) trait PageSource: Send + Sync + 'static {
    /// What the stream gives.
    type Item: Send + 'static;

    /// The call for the page at `at`, without its position (the driver adds it). Usually one
    /// entry; a source may pick another for some positions (the latest messages and the
    /// older ones are two queries).
    fn call(&self, li: &Linkedin, at: &Position) -> impl Future<Output = Result<Call>> + Send;

    /// The items of an answer (read from its bytes, normalized references followed) and
    /// what it says of the next page.
    fn read(
        &self,
        li: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> impl Future<Output = Result<Read<Self::Item>>> + Send;

    /// Whether an item is given to the caller: all of them unless the source leaves some out
    /// (ads, private profiles).
    fn keep(&self, _item: &Self::Item) -> bool {
        true
    }

    /// What a 404 means: the thing the stream is about (`the post 7028…`), for
    /// [`Error::NotFound`]; `None` leaves a 404 as the transport's error.
    fn not_found(&self) -> Option<String> {
        None
    }
}

/// What an answer holds: the elements that read, how many there were, and how to go on.
#[derive(Debug)]
pub(crate) struct Read<T> {
    /// The elements that read, in order.
    pub(crate) items: Vec<T>,
    /// How many elements the answer had, read or not.
    pub(crate) elements: usize,
    /// The answer's `paging.total`, when it gives one.
    pub(crate) total: Option<u64>,
    /// The token or cursor it gives for the next page.
    pub(crate) continuation: Option<String>,
    /// Where that token or cursor is (a JSON path under the entry's data pointer), for a
    /// decode error when it is not one LinkedIn gives.
    pub(crate) continuation_at: &'static str,
    /// For pages anchored in time: the oldest item's time.
    pub(crate) oldest: Option<i64>,
    /// Whether the answer says it is the last page.
    pub(crate) last: bool,
}

impl<T> Read<T> {
    /// `items` read out of `elements` elements.
    pub(crate) fn new(items: Vec<T>, elements: usize) -> Self {
        Self {
            items,
            elements,
            total: None,
            continuation: None,
            continuation_at: "",
            oldest: None,
            last: false,
        }
    }

    /// With the answer's `paging.total`.
    pub(crate) fn total(mut self, total: Option<u64>) -> Self {
        self.total = total;
        self
    }

    /// With the token or cursor of the next page, found at `at` (a JSON path under the
    /// entry's data pointer).
    pub(crate) fn continuation(mut self, at: &'static str, continuation: Option<String>) -> Self {
        self.continuation = continuation.filter(|c| !c.is_empty());
        self.continuation_at = at;
        self
    }

    /// With the oldest item's time, for anchored pages.
    pub(crate) fn oldest(mut self, oldest: Option<i64>) -> Self {
        self.oldest = oldest;
        self
    }

    /// Marked as the last page (or not).
    pub(crate) fn last(mut self, last: bool) -> Self {
        self.last = last;
        self
    }
}

/// How a [`Listing`] reads an answer of its entry.
pub(crate) type ReadFn<T> = fn(&'static Endpoint, &Answer<'_>) -> Result<Read<T>>;

/// The source of most lists: every page is the same call (plus its position), read by one
/// function, with an optional filter and the meaning of a 404.
pub(crate) struct Listing<T> {
    /// The call of every page, without its position.
    pub(crate) call: Call,
    /// Reads an answer of the call's entry.
    pub(crate) read: ReadFn<T>,
    /// Which items are given (`None`: all).
    pub(crate) keep: Option<fn(&T) -> bool>,
    /// What a 404 means (`None`: the transport's error).
    pub(crate) not_found: Option<String>,
}

impl<T> Listing<T> {
    /// Every item of `call`'s pages, read by `read`.
    pub(crate) fn new(call: Call, read: ReadFn<T>) -> Self {
        Self {
            call,
            read,
            keep: None,
            not_found: None,
        }
    }

    /// Only the items `keep` accepts.
    pub(crate) fn keep(mut self, keep: fn(&T) -> bool) -> Self {
        self.keep = Some(keep);
        self
    }

    /// A 404 means `what` was not found.
    pub(crate) fn not_found(mut self, what: String) -> Self {
        self.not_found = Some(what);
        self
    }
}

impl<T: Send + Sync + 'static> PageSource for Listing<T> {
    type Item = T;

    async fn call(&self, _: &Linkedin, _: &Position) -> Result<Call> {
        Ok(self.call.clone())
    }

    async fn read(
        &self,
        _: &Linkedin,
        endpoint: &'static Endpoint,
        answer: &Answer<'_>,
    ) -> Result<Read<T>> {
        (self.read)(endpoint, answer)
    }

    fn keep(&self, item: &T) -> bool {
        self.keep.is_none_or(|keep| keep(item))
    }

    fn not_found(&self) -> Option<String> {
        self.not_found.clone()
    }
}

/// Items per request of an entry whose catalogue records no largest page (`max_count`), such
/// as `profile_posts_dash`: 20, the page of the web app's conversation lists (capture seq 51).
/// A method may ask another with [`Pages::page_size`].
pub(crate) const PAGE_UNRECORDED: u32 = 20;

impl<T: Send + Unpin + 'static> Pages<T> {
    /// The stream of `source`'s items over the pages of `endpoint`, from `first`: each
    /// request asks for the entry's `max_count` items (the largest page it takes, from the
    /// catalogue; [`PAGE_UNRECORDED`] where it records none), or fewer when the stream's
    /// limit needs fewer.
    pub(crate) fn driven<S>(
        li: &Linkedin,
        endpoint: &'static Endpoint,
        first: Position,
        source: S,
    ) -> Self
    where
        S: PageSource<Item = T>,
    {
        let page_size = endpoint.max_count.unwrap_or(PAGE_UNRECORDED);
        let driver = Arc::new(Driver {
            li: li.clone(),
            endpoint,
            first: first.clone(),
            source,
        });
        Pages::new(
            first,
            page_size,
            endpoint.max_count,
            Arc::new(move |at, size| {
                let driver = driver.clone();
                Box::pin(async move { driver.page(at, size).await })
            }),
        )
    }
}

struct Driver<S> {
    li: Linkedin,
    endpoint: &'static Endpoint,
    first: Position,
    source: S,
}

impl<S: PageSource> Driver<S> {
    async fn page(&self, at: Position, page_size: u32) -> Result<Page<S::Item>> {
        if !fits(self.endpoint.pagination, &at) {
            return Err(Error::InvalidInput {
                field: "position",
                reason: format!(
                    "{} pages by {}, not by {at:?}",
                    self.endpoint.name,
                    style(self.endpoint.pagination)
                ),
            });
        }
        let call = self.source.call(&self.li, &at).await?;
        let endpoint = call.endpoint;
        let call = with_position(call, &at, page_size)?;
        let body = self
            .li
            .send(call)
            .await
            .map_err(|e| match (e, self.source.not_found()) {
                (
                    Error::Transport(linkedin_transport::Error::Status { code: 404, .. }),
                    Some(what),
                ) => Error::NotFound { what },
                (e, _) => e,
            })?;
        let answer = answer(endpoint, &body)?;
        let read = self.source.read(&self.li, endpoint, &answer).await?;
        // The next page's token is LinkedIn's: one that could not be sent back is its error
        // (a decode error, exit 8), not the caller's bad input.
        if let Some(token) = &read.continuation
            && let Err(Error::InvalidInput { reason, .. }) =
                validate::token("token", token, TOKEN_MAX)
        {
            return Err(Error::Decode {
                endpoint: endpoint.name,
                source: linkedin_models::DecodeError::new(
                    format!("{}{}", endpoint.data_pointer(), read.continuation_at),
                    reason,
                    token,
                ),
            });
        }
        let next = next_position(&at, &read, page_size, endpoint);
        // A total counts on the first page only: LinkedIn stops serving deep pages while the
        // total stays as it was. A first page that starts at or past the total (an offset
        // beyond the last result) is the end of the list, not a changed answer.
        let past_end = match &at {
            Position::Start(start) | Position::Token { start, .. } => read
                .total
                .is_some_and(|total| u64::from(*start) >= total && read.elements == 0),
            _ => false,
        };
        let total = if at == self.first && !past_end {
            read.total
        } else {
            None
        };
        let items = recognised(self.endpoint, total, read.elements, read.items)?;
        let items = items
            .into_iter()
            .filter(|item| self.source.keep(item))
            .collect();
        Ok(Page { items, next })
    }
}

/// The items read out of an answer of `endpoint`, or [`Error::SchemaMoved`] when the answer
/// has results (`elements`, or a positive `total`) but none could be read: LinkedIn changed
/// the shape, which must not look like an empty list. The one rule for pages and for the
/// collections inside single answers (a profile's sections).
pub(crate) fn recognised<T>(
    endpoint: &Endpoint,
    total: Option<u64>,
    elements: usize,
    items: Vec<T>,
) -> Result<Vec<T>> {
    let reported = total.unwrap_or(0).max(elements as u64);
    if items.is_empty() && reported > 0 {
        return Err(Error::SchemaMoved {
            endpoint: endpoint.name,
            total: reported,
        });
    }
    Ok(items)
}

/// Whether a position is of the style an entry pages by.
fn fits(pagination: Pagination, at: &Position) -> bool {
    matches!(
        (pagination, at),
        (Pagination::StartCount, Position::Start(_))
            | (Pagination::PaginationToken, Position::Token { .. })
            | (Pagination::Cursor, Position::Cursor(_))
            | (Pagination::Anchor, Position::Anchor(_))
    )
}

/// The position style of an entry, in words.
fn style(pagination: Pagination) -> &'static str {
    match pagination {
        Pagination::StartCount => "offset (Position::Start)",
        Pagination::PaginationToken => "offset and token (Position::Token)",
        Pagination::Cursor => "cursor (Position::Cursor)",
        Pagination::Anchor => "time anchor (Position::Anchor)",
        Pagination::None => "nothing (it does not page)",
    }
}

/// `call` with the parameters of position `at`, where its entry puts them.
fn with_position(mut call: Call, at: &Position, page_size: u32) -> Result<Call> {
    let endpoint = call.endpoint;
    let role = |role| endpoint.page_param(role);
    let (start, token) = match at {
        Position::Start(start) => (Some(*start), None),
        Position::Token { start, token } => (Some(*start), token.as_deref()),
        Position::Cursor(cursor) => (None, cursor.as_deref()),
        Position::Anchor(anchor) => {
            if let (Some(anchor), Some(param)) = (anchor, role(PageRole::Anchor)) {
                call = call.param(param, *anchor);
            }
            (None, None)
        }
    };
    if let (Some(start), Some(param)) = (start, role(PageRole::Start)) {
        call = call.param(param, start);
    }
    if let Some(param) = role(PageRole::Count) {
        call = call.param(param, page_size);
    }
    if let Some(token) = token {
        let token = validate::token("position", token, TOKEN_MAX)?;
        let param = role(PageRole::Token)
            .or_else(|| role(PageRole::Cursor))
            .ok_or_else(|| Error::Internal {
                reason: format!("{} has no parameter for a token or cursor", endpoint.name),
            })?;
        call = call.param(param, token);
    }
    Ok(call)
}

/// Where the page after the one at `at` starts, from what the answer held; `None` at the end.
fn next_position<T>(
    at: &Position,
    read: &Read<T>,
    page_size: u32,
    endpoint: &Endpoint,
) -> Option<Position> {
    if read.last {
        return None;
    }
    let after = |start: u32| {
        let seen = u64::from(start) + read.elements as u64;
        let full = endpoint.page_param(PageRole::Count).is_some()
            && read.elements as u64 >= u64::from(page_size);
        let more = read.total.map_or(full, |total| seen < total);
        (more && read.elements > 0).then(|| u32::try_from(seen).unwrap_or(u32::MAX))
    };
    match at {
        Position::Start(start) => after(*start).map(Position::Start),
        Position::Token { start, .. } => after(*start).map(|start| Position::Token {
            start,
            token: read.continuation.clone(),
        }),
        Position::Cursor(cursor) => read
            .continuation
            .as_ref()
            .filter(|next| cursor.as_ref() != Some(*next))
            .map(|next| Position::Cursor(Some(next.clone()))),
        Position::Anchor(anchor) => read
            .oldest
            .filter(|oldest| anchor.is_none_or(|a| *oldest < a))
            .map(|oldest| Position::Anchor(Some(oldest))),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use linkedin_catalogue::endpoints;

    use super::*;

    fn read(elements: usize, total: Option<u64>) -> Read<()> {
        Read::new(vec![(); elements], elements).total(total)
    }

    #[test]
    fn offsets_move_by_what_the_answer_held_until_the_total() {
        let e = endpoints::SEARCH_CLUSTERS;
        let next = |start, r: &Read<()>| next_position(&Position::Start(start), r, 49, e);
        assert_eq!(next(0, &read(49, Some(150))), Some(Position::Start(49)));
        assert_eq!(
            next(0, &read(10, Some(150))),
            Some(Position::Start(10)),
            "a short page moves by what it held"
        );
        assert_eq!(next(147, &read(3, Some(150))), None);
        assert_eq!(next(0, &read(20, None)), None, "a short page without total");
        assert_eq!(next(0, &read(49, None)), Some(Position::Start(49)));
        assert_eq!(next(0, &read(0, Some(10))), None, "nothing held: the end");
        // A huge paging.count from LinkedIn does not move the offset: our counts do.
        assert_eq!(next(49, &read(49, Some(150))), Some(Position::Start(98)));
    }

    #[test]
    fn tokens_cursors_and_anchors_come_from_the_answer() {
        let tokened = endpoints::PROFILE_POSTS_DASH;
        let at = Position::Token {
            start: 0,
            token: None,
        };
        let r = read(10, Some(25)).continuation("/metadata/paginationToken", Some("t1".into()));
        assert_eq!(
            next_position(&at, &r, 10, tokened),
            Some(Position::Token {
                start: 10,
                token: Some("t1".into())
            })
        );
        let r = read(0, Some(0)).continuation("/metadata/paginationToken", Some(String::new()));
        assert_eq!(next_position(&at, &r, 10, tokened), None);

        let cursored = endpoints::MESSENGER_CONVERSATIONS_SEARCH;
        let r = read(20, None).continuation("/metadata/nextCursor", Some("c2".into()));
        let from = |c: Option<&str>| Position::Cursor(c.map(str::to_owned));
        assert_eq!(
            next_position(&from(None), &r, 20, cursored),
            Some(from(Some("c2")))
        );
        assert_eq!(
            next_position(&from(Some("c2")), &r, 20, cursored),
            None,
            "the same cursor twice ends the stream"
        );

        let anchored = endpoints::MESSENGER_MESSAGES_BEFORE;
        let r = read(20, None).oldest(Some(500));
        assert_eq!(
            next_position(&Position::Anchor(None), &r, 20, anchored),
            Some(Position::Anchor(Some(500)))
        );
        assert_eq!(
            next_position(&Position::Anchor(Some(500)), &r, 20, anchored),
            None,
            "an anchor that does not move back ends the stream"
        );
        assert_eq!(
            next_position(&Position::Anchor(None), &r.last(true), 20, anchored),
            None
        );
    }

    #[test]
    fn positions_must_fit_the_entry() {
        assert!(fits(Pagination::StartCount, &Position::Start(0)));
        assert!(!fits(Pagination::StartCount, &Position::Cursor(None)));
        assert!(fits(Pagination::Anchor, &Position::Anchor(None)));
        assert!(!fits(Pagination::None, &Position::Start(0)));
    }

    #[test]
    fn positions_go_where_the_catalogue_puts_them() {
        let call = with_position(
            Call::new(endpoints::SEARCH_CLUSTERS),
            &Position::Start(49),
            49,
        )
        .unwrap();
        let target = call.target();
        assert!(target.contains("variables=(start:49,"), "{target}");
        assert!(target.contains(",count:49)"), "{target}");
        let call = with_position(
            Call::new(endpoints::POST_COMMENTS),
            &Position::Token {
                start: 100,
                token: Some("abc".into()),
            },
            100,
        )
        .unwrap();
        let target = call.target();
        assert!(target.contains("start=100"), "{target}");
        assert!(target.contains("paginationToken=abc"), "{target}");
        let bad = with_position(
            Call::new(endpoints::POST_COMMENTS),
            &Position::Token {
                start: 0,
                token: Some("a b".into()),
            },
            100,
        );
        assert!(matches!(bad, Err(Error::InvalidInput { .. })));
    }
}
