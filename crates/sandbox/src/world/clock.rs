//! The sandbox's clock: one fixed present, 2026-11-24T00:00:00Z.
//!
//! The world is generated before it, and answers count from it (a post's age, "Present" in a
//! position's dates, the last 90 days of profile views, the jobs of the last week). The
//! sandbox reads no other clock, so its answers are the same from run to run.
//!
//! ```
//! use linkedin_sandbox::world::clock::{PRESENT_MONTH, PRESENT_MS, month_number, month_of};
//!
//! let world = linkedin_sandbox::world::generate(linkedin_sandbox::WORLD_SEED);
//! assert!(world.posts.iter().all(|p| p.created_at < PRESENT_MS));
//! assert_eq!(month_of(month_number(PRESENT_MONTH) + 2), (2027, 1));
//! ```

/// A minute in milliseconds.
pub const MINUTE_MS: u64 = 60_000;
/// An hour in milliseconds.
pub const HOUR_MS: u64 = 60 * MINUTE_MS;
/// A day in milliseconds.
pub const DAY_MS: u64 = 24 * HOUR_MS;

/// The present, 2026-11-24T00:00:00Z, in epoch milliseconds: every time in the world is
/// before it.
pub const PRESENT_MS: u64 = 1_795_478_400_000;

/// The month of [`PRESENT_MS`] as (year, month): November 2026, the end of a current position.
pub const PRESENT_MONTH: (u16, u8) = (2026, 11);

/// A (year, month) as a number of months, `year * 12 + month - 1`, so that months can be
/// counted and compared.
#[must_use]
pub const fn month_number((year, month): (u16, u8)) -> u32 {
    year as u32 * 12 + month as u32 - 1
}

/// The (year, month) of a [`month_number`].
#[must_use]
pub const fn month_of(number: u32) -> (u16, u8) {
    ((number / 12) as u16, (number % 12 + 1) as u8)
}

/// The months from `start` to `end`, both counted, as LinkedIn counts a position's length:
/// at least one.
#[must_use]
pub fn months_spanned(start: (u16, u8), end: (u16, u8)) -> i64 {
    (i64::from(month_number(end)) - i64::from(month_number(start)) + 1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_both_ends() {
        assert_eq!(months_spanned((2020, 1), (2020, 1)), 1);
        assert_eq!(months_spanned((2020, 11), (2021, 2)), 4);
        assert_eq!(months_spanned((2021, 2), (2020, 11)), 1);
        assert_eq!(month_of(month_number((2026, 12))), (2026, 12));
        assert_eq!(month_number(PRESENT_MONTH), 2026 * 12 + 10);
    }
}
