//! Response bodies, delivered whole, slowly (chunk by chunk with a pause), or cut short.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body::{Body as HttpBody, Frame, SizeHint};
use tokio::time::Sleep;

/// How big a chunk of a slow body is.
const SLOW_CHUNK: usize = 64;
/// How long a truncated body waits between its first half and its failure.
const CUT_PAUSE: Duration = Duration::from_millis(5);

/// A response body.
pub struct Body {
    data: Bytes,
    sent: usize,
    /// Stop with an error after this many bytes (a truncated-body fault).
    cut_at: Option<usize>,
    /// Pause between chunks (a slow-body fault).
    pause: Option<Duration>,
    sleep: Option<Pin<Box<Sleep>>>,
    /// Frames that arrive while the body is open (a server-sent event stream); the body ends
    /// when the sender goes away.
    stream: Option<tokio::sync::mpsc::Receiver<Bytes>>,
}

impl Body {
    pub(crate) fn full(data: impl Into<Bytes>) -> Self {
        Self {
            data: data.into(),
            sent: 0,
            cut_at: None,
            pause: None,
            sleep: None,
            stream: None,
        }
    }

    /// A body sent as its chunks arrive on `frames`, without a declared length; it ends when
    /// the sender is dropped. Faults on bodies (truncation, slow delivery) do not apply.
    pub(crate) fn streaming(frames: tokio::sync::mpsc::Receiver<Bytes>) -> Self {
        Self {
            stream: Some(frames),
            ..Self::empty()
        }
    }

    pub(crate) fn empty() -> Self {
        Self::full(Bytes::new())
    }

    pub(crate) fn len(&self) -> usize {
        self.data.len()
    }

    /// All of the body, whatever part of it was sent.
    pub(crate) fn data(&self) -> &[u8] {
        &self.data
    }

    /// Stops the body halfway, with an error, so the declared length is never reached.
    pub(crate) fn truncate(mut self) -> Self {
        self.cut_at = Some(self.data.len() / 2);
        self
    }

    /// Sends the body in small chunks with `pause` between them.
    pub(crate) fn slow(mut self, pause: Duration) -> Self {
        self.pause = Some(pause);
        self
    }
}

impl HttpBody for Body {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if let Some(frames) = this.stream.as_mut() {
            return frames
                .poll_recv(cx)
                .map(|chunk| chunk.map(|data| Ok(Frame::data(data))));
        }
        if let Some(sleep) = this.sleep.as_mut() {
            if sleep.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            this.sleep = None;
        }
        let end = this.cut_at.unwrap_or(this.data.len());
        if this.sent >= end {
            if this.cut_at.is_some() && this.sent < this.data.len() {
                this.sent = this.data.len();
                return Poll::Ready(Some(Err(std::io::Error::other("truncated-body fault"))));
            }
            return Poll::Ready(None);
        }
        let chunk = match this.pause {
            Some(_) => SLOW_CHUNK,
            None => end - this.sent,
        };
        let next = (this.sent + chunk).min(end);
        let frame = this.data.slice(this.sent..next);
        this.sent = next;
        if let Some(pause) = this.pause {
            this.sleep = Some(Box::pin(tokio::time::sleep(pause)));
        } else if this.cut_at.is_some() && next == end {
            // Let the headers and the first half go out before the failure: without this
            // pause the error comes on the very next poll and hyper drops the connection with
            // nothing sent, which is a reset, not a truncated body.
            this.sleep = Some(Box::pin(tokio::time::sleep(CUT_PAUSE)));
        }
        Poll::Ready(Some(Ok(Frame::data(frame))))
    }

    fn is_end_stream(&self) -> bool {
        if self.stream.is_some() {
            return false;
        }
        self.cut_at.is_none() && self.sent >= self.data.len()
    }

    fn size_hint(&self) -> SizeHint {
        if self.stream.is_some() {
            return SizeHint::default();
        }
        SizeHint::with_exact((self.data.len() - self.sent.min(self.data.len())) as u64)
    }
}
