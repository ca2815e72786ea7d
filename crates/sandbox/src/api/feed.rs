//! Answers for the feed and post endpoints (being written).

use super::{Answer, Call};

/// The answer for `call` if it is one of this module's endpoints.
pub(super) fn answer(call: &mut Call<'_>) -> Option<Answer> {
    let _ = call;
    None
}
