//! One pagination mechanism for every style LinkedIn uses: `start`/`count`, `start`/`count`
//! with a `paginationToken`, an opaque cursor, and a timestamp anchor. Each is a [`Position`];
//! a page fetcher turns a position into a [`Page`] and the position after it; [`Pages`] is
//! the `Stream` of items over all pages. Every paginated method of the facade builds its
//! fetcher with the one page driver (`driver.rs`), which owns the position arithmetic.
//!
//! While the caller consumes a page, the next one is already being fetched (one page ahead,
//! never more), and [`Pages::position`] says where to resume later. A page whose items were
//! all left out (ads, private profiles) is read through, at most [`EMPTY_PAGES_MAX`] in a row.
//!
//! A request asks for no more items than the [`limit`](Pages::limit) still needs, and never
//! more than the page size: a limit of 120 on an endpoint that takes 49 asks 49, 49, then 22.
//! Once a page gave fewer items than it asked while more pages follow (items left out), the
//! rest are asked whole: small pages that come back short would cost more requests.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::Stream;
use serde::{Deserialize, Serialize};

use crate::Error;

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Position {
    /// An offset (`start`).
    Start(u32),
    /// An offset and the token the previous page gave (`paginationToken`).
    Token {
        /// The offset.
        start: u32,
        /// The token; `None` for the first page.
        token: Option<String>,
    },
    /// An opaque cursor from the previous page; `None` for the first page.
    Cursor(Option<String>),
    /// Items older than this timestamp (ms since the epoch); `None` for the newest.
    Anchor(Option<i64>),
}

/// One page: its items, and where the next one starts (`None` at the end).
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Where the next page starts, `None` when this was the last.
    pub next: Option<Position>,
}

type PageFuture<T> = Pin<Box<dyn Future<Output = Result<Page<T>, Error>> + Send>>;

/// A page being fetched ahead, in its own task.
type PageTask<T> = tokio::task::JoinHandle<Result<Page<T>, Error>>;

/// Fetches the page at a position, of a page size.
pub(crate) type Fetcher<T> = Arc<dyn Fn(Position, u32) -> PageFuture<T> + Send + Sync>;

/// How many pages in a row may give nothing (every item left out) before a stream ends.
pub const EMPTY_PAGES_MAX: usize = 20;

/// A `Stream` of items across pages, with an optional limit.
///
/// ```no_run
/// use futures::TryStreamExt;
///
/// # async fn run(linkedin: linkedin_api::Linkedin) -> Result<(), linkedin_api::Error> {
/// let mut people = linkedin.search_people(linkedin_api::PeopleSearch::keywords("rust")).limit(100);
/// while let Some(person) = people.try_next().await? {
///     println!("{}", person.name);
/// }
/// # Ok(())
/// # }
/// ```
#[must_use = "a stream does nothing until polled"]
pub struct Pages<T> {
    fetch: Fetcher<T>,
    /// An error to give before anything is fetched (bad input found before sending).
    failed: Option<Error>,
    /// Items per request, and the most the endpoint takes when known.
    page_size: u32,
    max_page_size: Option<u32>,
    /// Items the pending request asked for.
    asked: u32,
    /// Whether requests ask whole pages whatever the limit needs: set once a page gave
    /// fewer items than it asked and was not the last.
    whole_pages: bool,
    /// Pages in a row that gave no item.
    empty_run: usize,
    /// Items of the current page not yet given out.
    buffer: VecDeque<T>,
    /// The page being fetched, and the position it was asked at.
    pending: Option<(Position, PageTask<T>)>,
    /// Where the page after the buffered one starts (`None`: no more pages).
    next: Option<Position>,
    /// Where the buffered page started, and how many of its items were given out.
    current: Option<(Position, usize)>,
    /// Items still allowed; `None` for no limit.
    remaining: Option<usize>,
    /// Items of the next page to drop (when resuming inside a page).
    skip: usize,
    done: bool,
}

impl<T: Send + 'static> Pages<T> {
    /// A stream over the pages `fetch` reads from `start`, `page_size` items per request (at
    /// most `max_page_size`).
    pub(crate) fn new(
        start: Position,
        page_size: u32,
        max_page_size: Option<u32>,
        fetch: Fetcher<T>,
    ) -> Self {
        Self {
            fetch,
            failed: None,
            page_size,
            max_page_size,
            asked: page_size,
            whole_pages: false,
            empty_run: 0,
            buffer: VecDeque::new(),
            pending: None,
            next: Some(start),
            current: None,
            remaining: None,
            skip: 0,
            done: false,
        }
    }

    /// A stream that gives `error` at once, then ends; nothing is fetched (the input was
    /// refused before any request).
    pub(crate) fn failed(error: Error) -> Self {
        let mut pages = Self::new(
            Position::Start(0),
            1,
            None,
            Arc::new(|_, _| {
                Box::pin(async {
                    Ok(Page {
                        items: Vec::new(),
                        next: None,
                    })
                })
            }),
        );
        pages.failed = Some(error);
        pages
    }

    /// Stops after `n` items: pages are not fetched past what is needed, and no request
    /// asks for more items than are still needed (`limit(1)` asks for one).
    pub fn limit(mut self, n: usize) -> Self {
        self.remaining = Some(n);
        self
    }

    /// Asks for `n` items per request instead of the method's default (the most the
    /// endpoint takes, its catalogue `max_count`, where the catalogue records one). From 1 to
    /// that most; anything else makes the stream fail at once with [`Error::InvalidInput`],
    /// before anything is sent. A [`limit`](Self::limit) that needs fewer items asks fewer.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// // Every update, ten a request.
    /// let all: Vec<_> = linkedin
    ///     .company_updates("linkedin")
    ///     .page_size(10)
    ///     .try_collect()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn page_size(mut self, n: u32) -> Self {
        let max = self.max_page_size.unwrap_or(u32::MAX);
        if (1..=max).contains(&n) {
            self.page_size = n;
        } else if self.failed.is_none() {
            self.failed = Some(Error::InvalidInput {
                field: "page_size",
                reason: match self.max_page_size {
                    Some(max) => format!("{n} items a page; LinkedIn takes 1 to {max}"),
                    None => format!("{n} items a page; give at least 1"),
                },
            });
        }
        self
    }

    /// The first item `wanted` picks, reading pages only until it is found (within the
    /// limit, if one is set).
    ///
    /// # Errors
    ///
    /// The first error of the stream.
    pub async fn find(mut self, mut wanted: impl FnMut(&T) -> bool) -> Result<Option<T>, Error>
    where
        T: Send + Unpin + 'static,
    {
        use futures::TryStreamExt;
        while let Some(item) = self.try_next().await? {
            if wanted(&item) {
                return Ok(Some(item));
            }
        }
        Ok(None)
    }

    /// The largest page LinkedIn takes for this list, when it has a limit.
    #[must_use]
    pub fn max_page_size(&self) -> Option<u32> {
        self.max_page_size
    }

    /// Where to resume: the start of the page being consumed and how many of its items were
    /// already given out (skip them), or `None` when everything was given out. After an
    /// error, the page that failed (so that a later run, [`resume`](Self::resume)d there,
    /// gives each item once).
    #[must_use]
    pub fn position(&self) -> Option<(Position, usize)> {
        if self.buffer.is_empty() {
            return match (&self.pending, &self.next) {
                (Some((at, _)), _) => Some((at.clone(), self.skip)),
                (None, Some(next)) => Some((next.clone(), self.skip)),
                (None, None) => None,
            };
        }
        self.current.clone()
    }

    /// A stream that starts at a position returned by [`position`](Self::position).
    pub fn resume(mut self, position: Position, skip: usize) -> Self {
        self.next = Some(position);
        self.buffer.clear();
        self.pending = None;
        self.done = false;
        self.current = None;
        self.skip = skip;
        self
    }

    fn wants_more(&self) -> bool {
        self.remaining.is_none_or(|n| n > self.buffer.len())
    }

    /// How many items the next request asks for: what the limit still needs beyond the items
    /// already buffered (plus those of a resumed page to skip), at most the page size; the
    /// whole page without a limit, or once a page came back short.
    fn request_size(&self) -> u32 {
        match self.remaining {
            Some(left) if !self.whole_pages => {
                let needed = left
                    .saturating_sub(self.buffer.len())
                    .saturating_add(self.skip);
                u32::try_from(needed)
                    .unwrap_or(u32::MAX)
                    .clamp(1, self.page_size.max(1))
            }
            _ => self.page_size,
        }
    }

    fn spawn_next(&mut self) {
        if self.pending.is_some() || !self.wants_more() || self.failed.is_some() {
            return;
        }
        if let Some(at) = self.next.take() {
            self.asked = self.request_size();
            let fut = (self.fetch)(at.clone(), self.asked);
            self.pending = Some((at, tokio::spawn(fut)));
        }
    }
}

impl<T> Drop for Pages<T> {
    fn drop(&mut self) {
        if let Some((_, task)) = self.pending.take() {
            task.abort();
        }
    }
}

impl<T: Send + Unpin + 'static> Stream for Pages<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Some(error) = this.failed.take() {
            this.done = true;
            return Poll::Ready(Some(Err(error)));
        }
        loop {
            if this.done || this.remaining == Some(0) {
                return Poll::Ready(None);
            }
            if let Some(item) = this.buffer.pop_front() {
                if let Some(n) = &mut this.remaining {
                    *n -= 1;
                }
                if let Some((_, given)) = &mut this.current {
                    *given += 1;
                }
                // Fetch ahead while the caller works on this page.
                this.spawn_next();
                return Poll::Ready(Some(Ok(item)));
            }
            this.spawn_next();
            let Some((at, task)) = &mut this.pending else {
                this.done = true;
                return Poll::Ready(None);
            };
            let joined = match Pin::new(task).poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(joined) => joined,
            };
            let at = at.clone();
            this.pending = None;
            match joined {
                Ok(Ok(page)) => {
                    let empty = page.items.is_empty();
                    // Short but not the last: items were left out, so ask whole pages.
                    if page.next.is_some() && page.items.len() < this.asked as usize {
                        this.whole_pages = true;
                    }
                    this.next = page.next;
                    let mut items: VecDeque<T> = page.items.into();
                    let skip = std::mem::take(&mut this.skip).min(items.len());
                    items.drain(..skip);
                    this.current = Some((at, skip));
                    this.buffer = items;
                    // A page with nothing to give (every item left out) is read through,
                    // up to a bound, so a run of ads does not end the feed.
                    if empty {
                        this.empty_run += 1;
                        if this.empty_run >= EMPTY_PAGES_MAX {
                            this.next = None;
                        }
                    } else {
                        this.empty_run = 0;
                    }
                }
                Ok(Err(e)) => {
                    this.done = true;
                    // The page that failed is where a later run resumes.
                    this.next = Some(at);
                    return Poll::Ready(Some(Err(e)));
                }
                Err(join) => {
                    this.done = true;
                    this.next = Some(at);
                    return Poll::Ready(Some(Err(Error::Internal {
                        reason: format!("a page fetch stopped: {join}"),
                    })));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::atomic::{AtomicUsize, Ordering};

    use futures::TryStreamExt;

    use super::*;

    /// Pages of 10 numbers over 0..45, by offset.
    fn numbers(fetched: Arc<AtomicUsize>) -> Pages<u32> {
        Pages::new(
            Position::Start(0),
            10,
            None,
            Arc::new(move |at, _| {
                let fetched = fetched.clone();
                Box::pin(async move {
                    fetched.fetch_add(1, Ordering::SeqCst);
                    let Position::Start(start) = at else {
                        unreachable!()
                    };
                    let items: Vec<u32> = (start..(start + 10).min(45)).collect();
                    let next = (start + 10 < 45).then_some(Position::Start(start + 10));
                    Ok(Page { items, next })
                })
            }),
        )
    }

    #[tokio::test]
    async fn all_items_in_order_then_the_end() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let all: Vec<u32> = numbers(fetched.clone()).try_collect().await.unwrap();
        assert_eq!(all, (0..45).collect::<Vec<_>>());
        assert_eq!(fetched.load(Ordering::SeqCst), 5);
    }

    #[tokio::test]
    async fn a_limit_fetches_only_the_pages_needed() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let some: Vec<u32> = numbers(fetched.clone())
            .limit(15)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(some, (0..15).collect::<Vec<_>>());
        assert_eq!(fetched.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn the_next_page_is_fetched_while_the_current_one_is_consumed() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let mut pages = numbers(fetched.clone());
        assert_eq!(pages.try_next().await.unwrap(), Some(0));
        tokio::task::yield_now().await;
        tokio::task::yield_now().await;
        assert_eq!(fetched.load(Ordering::SeqCst), 2, "page 2 fetched ahead");
    }

    #[tokio::test]
    async fn a_stream_resumes_where_it_stopped() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let mut pages = numbers(fetched.clone());
        for expected in 0..13 {
            assert_eq!(pages.try_next().await.unwrap(), Some(expected));
        }
        let (at, skip) = pages.position().unwrap();
        assert_eq!((at.clone(), skip), (Position::Start(10), 3));
        let rest: Vec<u32> = numbers(fetched)
            .resume(at, skip)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, (13..45).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn an_error_ends_the_stream_after_the_items_before_it() {
        let pages: Pages<u32> = Pages::new(
            Position::Cursor(None),
            10,
            None,
            Arc::new(|at, _| {
                Box::pin(async move {
                    match at {
                        Position::Cursor(None) => Ok(Page {
                            items: vec![1, 2],
                            next: Some(Position::Cursor(Some("c2".into()))),
                        }),
                        _ => Err(Error::InvalidInput {
                            field: "test",
                            reason: "boom".into(),
                        }),
                    }
                })
            }),
        );
        let mut pages = pages;
        let mut items = Vec::new();
        while let Some(item) = futures::StreamExt::next(&mut pages).await {
            items.push(item);
        }
        assert_eq!(items.len(), 3);
        assert!(items[2].is_err());
        // Where to go on from: the page that failed, none of its items given.
        assert_eq!(
            pages.position(),
            Some((Position::Cursor(Some("c2".into())), 0))
        );
    }

    #[tokio::test]
    async fn a_failed_stream_gives_its_error_without_fetching() {
        let fetched = Arc::new(AtomicUsize::new(0));
        let mut pages = numbers(fetched.clone()).page_size(0);
        let err = pages.try_next().await.unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidInput {
                    field: "page_size",
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(pages.try_next().await.unwrap(), None);
        assert_eq!(fetched.load(Ordering::SeqCst), 0, "nothing fetched");

        let refused: Pages<u32> = Pages::failed(Error::InvalidInput {
            field: "who",
            reason: "bad".into(),
        });
        let all: Vec<Result<u32, Error>> = futures::StreamExt::collect(refused).await;
        assert_eq!(all.len(), 1);
    }

    #[tokio::test]
    async fn page_sizes_reach_the_fetcher_within_the_endpoints_bound() {
        let sizes = Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = sizes.clone();
        let pages: Pages<u32> = Pages::new(
            Position::Start(0),
            10,
            Some(25),
            Arc::new(move |_, size| {
                seen.lock().unwrap().push(size);
                Box::pin(async {
                    Ok(Page {
                        items: vec![1],
                        next: None,
                    })
                })
            }),
        );
        let _: Vec<u32> = pages.page_size(25).try_collect().await.unwrap();
        assert_eq!(*sizes.lock().unwrap(), [25]);
        let too_big: Pages<u32> = Pages::new(
            Position::Start(0),
            10,
            Some(25),
            Arc::new(|_, _| {
                Box::pin(async {
                    Ok(Page {
                        items: vec![],
                        next: None,
                    })
                })
            }),
        );
        let err = too_big.page_size(26).try_next().await.unwrap_err();
        assert!(err.to_string().contains("1 to 25"), "{err}");
    }

    /// Offsets over 0..1000, each page as many items as asked (less where `short` says to
    /// leave out all but one), recording the sizes asked.
    fn sized(asked: Arc<std::sync::Mutex<Vec<u32>>>, short: fn(u32) -> bool) -> Pages<u32> {
        Pages::new(
            Position::Start(0),
            49,
            Some(49),
            Arc::new(move |at, size| {
                asked.lock().unwrap().push(size);
                Box::pin(async move {
                    let Position::Start(start) = at else {
                        unreachable!()
                    };
                    let end = (start + size).min(1000);
                    let mut items: Vec<u32> = (start..end).collect();
                    if short(start) {
                        items.truncate(1);
                    }
                    let next = (end < 1000).then_some(Position::Start(end));
                    Ok(Page { items, next })
                })
            }),
        )
    }

    #[tokio::test]
    async fn requests_ask_what_the_limit_still_needs() {
        let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
        let all: Vec<u32> = sized(asked.clone(), |_| false)
            .limit(120)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all, (0..120).collect::<Vec<_>>());
        assert_eq!(*asked.lock().unwrap(), [49, 49, 22]);

        asked.lock().unwrap().clear();
        let one: Vec<u32> = sized(asked.clone(), |_| false)
            .limit(1)
            .try_collect()
            .await
            .unwrap();
        assert_eq!((one, asked.lock().unwrap().clone()), (vec![0], vec![1]));

        // Resumed inside a page: its items to skip are asked too.
        asked.lock().unwrap().clear();
        let rest: Vec<u32> = sized(asked.clone(), |_| false)
            .resume(Position::Start(40), 3)
            .limit(5)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(rest, [43, 44, 45, 46, 47]);
        assert_eq!(*asked.lock().unwrap(), [8]);

        // No limit: whole pages.
        asked.lock().unwrap().clear();
        let mut pages = sized(asked.clone(), |_| false);
        assert_eq!(pages.try_next().await.unwrap(), Some(0));
        assert_eq!(asked.lock().unwrap()[0], 49);
    }

    #[tokio::test]
    async fn after_a_short_page_the_rest_are_asked_whole() {
        // The first page keeps one item of the ten asked (the others left out): asking the
        // nine still needed could come back short again, so the next asks a whole page.
        let asked = Arc::new(std::sync::Mutex::new(Vec::new()));
        let got: Vec<u32> = sized(asked.clone(), |start| start == 0)
            .limit(10)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(got, [0, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
        assert_eq!(*asked.lock().unwrap(), [10, 49]);
    }

    #[tokio::test]
    async fn pages_that_keep_nothing_are_read_through_up_to_a_bound() {
        // Pages 0..5 give nothing (all left out), page 5 gives 7; then an endless run of
        // empty pages ends the stream after EMPTY_PAGES_MAX of them.
        let fetched = Arc::new(AtomicUsize::new(0));
        let counter = fetched.clone();
        let pages: Pages<u32> = Pages::new(
            Position::Start(0),
            1,
            None,
            Arc::new(move |at, _| {
                counter.fetch_add(1, Ordering::SeqCst);
                Box::pin(async move {
                    let Position::Start(n) = at else {
                        unreachable!()
                    };
                    let items = if n == 5 { vec![7] } else { vec![] };
                    Ok(Page {
                        items,
                        next: Some(Position::Start(n + 1)),
                    })
                })
            }),
        );
        let all: Vec<u32> = pages.try_collect().await.unwrap();
        assert_eq!(all, [7]);
        assert_eq!(fetched.load(Ordering::SeqCst), 6 + EMPTY_PAGES_MAX);
    }
}
