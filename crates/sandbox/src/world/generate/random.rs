//! Draws from the generation's one random source.

use fastrand::Rng;

/// A random element of a non-empty slice.
pub(super) fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// Two different elements of a slice of at least two.
pub(super) fn two<'a>(rng: &mut Rng, items: &[&'a str]) -> (&'a str, &'a str) {
    let picked = sample(rng, items, 2);
    (picked[0], picked[1])
}

/// True with probability `p`.
pub(super) fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.f64() < p
}

/// An index drawn with the given weights.
pub(super) fn weighted(rng: &mut Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut roll = rng.u32(..total);
    for (i, &w) in weights.iter().enumerate() {
        if roll < w {
            return i;
        }
        roll -= w;
    }
    weights.len() - 1
}

/// A name drawn from `(name, weight)` pairs.
pub(super) fn pick_weighted<'a>(rng: &mut Rng, items: &[(&'a str, u32)]) -> &'a str {
    let weights: Vec<u32> = items.iter().map(|&(_, w)| w).collect();
    items[weighted(rng, &weights)].0
}

/// `n` distinct elements of `items` (all of them, shuffled, when `n` is larger).
pub(super) fn sample<T: Copy>(rng: &mut Rng, items: &[T], n: usize) -> Vec<T> {
    let mut pool = items.to_vec();
    let n = n.min(pool.len());
    for i in 0..n {
        let j = rng.usize(i..pool.len());
        pool.swap(i, j);
    }
    pool.truncate(n);
    pool
}

/// A random version-4 UUID in its 36-character text form.
pub(super) fn uuid(rng: &mut Rng) -> String {
    let hex = |rng: &mut Rng, n: usize| (0..n).map(|_| rng.digit(16)).collect::<String>();
    format!(
        "{}-{}-4{}-{}{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 3),
        pick(rng, &['8', '9', 'a', 'b']),
        hex(rng, 3),
        hex(rng, 12)
    )
}
