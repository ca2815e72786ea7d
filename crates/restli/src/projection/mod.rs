//! Rest.li projection masks: the `fields=` (and `metadataFields=`, `pagingFields=`) grammar.
//!
//! ```text
//! mask  = field { "," field }
//! field = ["-"] name                       ; include, or exclude with "-"
//!       | name ":(" mask ")"               ; sub-mask
//!       | ("$start" | "$count") ":" digits ; array range
//! name  = any characters except , : ( )    ; "$*" is the wildcard
//! ```
//!
//! Whitespace is insignificant anywhere, as in Rest.li's Java `URIMaskUtil`.
//!
//! This file holds the mask and its wire text; `parse` reads the text back (and lends its
//! whitespace-removing pieces to the decoration parser), `json` is the serde form.

mod json;
mod parse;
#[cfg(test)]
mod tests;

use std::fmt;

pub(crate) use parse::{Compact, Fail, PResult, fail};

/// The name of the array-range entry giving the first element.
const START: &str = "$start";

/// The name of the array-range entry giving the number of elements.
const COUNT: &str = "$count";

/// A projection mask: which fields of a record a request wants back.
///
/// Entries keep their insertion order, and a name appears at most once (setting a name again
/// replaces its entry in place, as a map would). `Display` prints the canonical wire text, which
/// is sent raw (never percent-encoded) as the value of `fields=`; [`Mask::parse`] reads it back.
///
/// ```
/// use restli::{Mask, MaskEntry};
///
/// let mask = Mask::new()
///     .include("a")
///     .sub("b", Mask::new().sub("$*", Mask::new().include("c")).start(2).count(4));
/// assert_eq!(mask.to_string(), "a,b:($*:(c),$start:2,$count:4)");
///
/// let parsed: Mask = "a , b:( $*:(c), $start:2, $count :4)".parse()?;
/// assert_eq!(parsed, mask);
/// assert_eq!(parsed.get("a"), Some(&MaskEntry::Include));
/// # Ok::<(), restli::Error>(())
/// ```
///
/// With serde, a mask is the JSON mask form Rest.li uses in its Java API (`1` include, `0`
/// exclude, a nested object for a sub-mask, an integer under `$start`/`$count` for a range),
/// key order preserved:
///
/// ```
/// # use restli::Mask;
/// let mask: Mask = serde_json::from_str(r#"{"a": 1, "b": {"$*": 1, "c": 0}}"#)?;
/// assert_eq!(mask.to_string(), "a,b:($*,-c)");
/// assert_eq!(serde_json::to_string(&mask)?, r#"{"a":1,"b":{"$*":1,"c":0}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mask {
    entries: Vec<(String, MaskEntry)>,
}

/// What a [`Mask`] says about one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaskEntry {
    /// Include the field (`name`; `1` in JSON).
    Include,
    /// Exclude the field (`-name`; `0` in JSON).
    Exclude,
    /// Include the field, projected by a sub-mask (`name:(…)`).
    Sub(Mask),
    /// An array range value (`$start:2`, `$count:4`); only meaningful under the names `$start`
    /// and `$count`.
    Range(u32),
}

impl Mask {
    /// An empty mask (prints as the empty string).
    ///
    /// ```
    /// assert!(restli::Mask::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Adds `name` as included (`name`).
    #[must_use]
    pub fn include(mut self, name: impl Into<String>) -> Self {
        self.insert(name, MaskEntry::Include);
        self
    }

    /// Adds `name` as excluded (`-name`).
    #[must_use]
    pub fn exclude(mut self, name: impl Into<String>) -> Self {
        self.insert(name, MaskEntry::Exclude);
        self
    }

    /// Adds `name` with a sub-mask (`name:(…)`). Use `"$*"` for every element of an array or
    /// every value of a map.
    #[must_use]
    pub fn sub(mut self, name: impl Into<String>, mask: Mask) -> Self {
        self.insert(name, MaskEntry::Sub(mask));
        self
    }

    /// Sets the array range start (`$start:n`).
    #[must_use]
    pub fn start(mut self, n: u32) -> Self {
        self.insert(START, MaskEntry::Range(n));
        self
    }

    /// Sets the array range count (`$count:n`).
    #[must_use]
    pub fn count(mut self, n: u32) -> Self {
        self.insert(COUNT, MaskEntry::Range(n));
        self
    }

    /// Sets the entry for `name`, replacing an existing one in place (its position is kept), and
    /// returns the entry it replaced.
    ///
    /// ```
    /// use restli::{Mask, MaskEntry};
    ///
    /// let mut mask = Mask::new().include("a").include("b");
    /// assert_eq!(mask.insert("a", MaskEntry::Exclude), Some(MaskEntry::Include));
    /// assert_eq!(mask.to_string(), "-a,b");
    /// ```
    pub fn insert(&mut self, name: impl Into<String>, entry: MaskEntry) -> Option<MaskEntry> {
        let name = name.into();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some((_, old)) => Some(std::mem::replace(old, entry)),
            None => {
                self.entries.push((name, entry));
                None
            }
        }
    }

    /// The entries, in order.
    #[must_use]
    pub fn entries(&self) -> &[(String, MaskEntry)] {
        &self.entries
    }

    /// The entry for `name`, if there is one.
    ///
    /// ```
    /// use restli::{Mask, MaskEntry};
    ///
    /// let mask = Mask::parse("a,b:(c),-d,$count:3")?;
    /// assert_eq!(mask.get("d"), Some(&MaskEntry::Exclude));
    /// assert_eq!(mask.get("$count"), Some(&MaskEntry::Range(3)));
    /// assert_eq!(mask.get("b"), Some(&MaskEntry::Sub(Mask::new().include("c"))));
    /// assert_eq!(mask.get("c"), None);
    /// # Ok::<(), restli::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&MaskEntry> {
        self.entries.iter().find(|(n, _)| n == name).map(|(_, e)| e)
    }

    /// The number of entries at this level.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the mask has no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The canonical wire text: `a,b:($*:(c),$start:2,$count:4)`, `-a` for an exclusion.
///
/// It parses back to an equal mask as long as every name is one the grammar can carry: not
/// empty, without whitespace or `, : ( )`, and (for included names) not starting with `-`.
impl fmt::Display for Mask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, entry)) in self.entries.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            match entry {
                MaskEntry::Include => f.write_str(name)?,
                MaskEntry::Exclude => write!(f, "-{name}")?,
                MaskEntry::Sub(mask) => write!(f, "{name}:({mask})")?,
                MaskEntry::Range(n) => write!(f, "{name}:{n}")?,
            }
        }
        Ok(())
    }
}
