//! Maps and sets of words laid out at compile time: `build.rs` reads the lexicon files and writes
//! each table as static arrays (its entries in the order of the file, and the open-addressing slots
//! of [`layout`]), so the program carries the tables as data, with no parser and no hash map
//! filled on first use (the date words and the abbreviations are still bucketed into a `WordTable`
//! once, from these lists).

pub(crate) mod layout;

use layout::{first_slot, hash};

/// A map from words to values, written by `build.rs`. The keys are one string, in the order of
/// the lexicon file, as the file has them (no pointer per key: the data is small and compresses
/// as the file's text does).
pub struct WordMap<V: 'static> {
    /// A power of two of slots: 0 (empty) or 1 + the index of an entry.
    slots: &'static [u16],
    /// The keys and their values.
    list: WordList<V>,
    /// 32 − log2 of the number of slots.
    shift: u32,
}

/// A set of words, written by `build.rs`.
pub type WordSet = WordMap<()>;

impl<V> WordMap<V> {
    /// The map of the keys in `keys` (ending at `ends`) with their `values`, placed in `slots`
    /// (as [`layout::slots`] places them).
    pub const fn from_parts(
        slots: &'static [u16],
        keys: &'static str,
        ends: &'static [u16],
        values: &'static [V],
    ) -> Self {
        WordMap { slots, list: WordList { keys, ends, values }, shift: 32 - slots.len().trailing_zeros() }
    }

    /// The bytes of key `i`.
    #[inline]
    fn key_bytes(&self, i: usize) -> &'static [u8] {
        let (keys, ends): (&'static str, &'static [u16]) = (self.list.keys, self.list.ends);
        let start = if i == 0 { 0 } else { usize::from(ends[i - 1]) };
        &keys.as_bytes()[start..usize::from(ends[i])]
    }

    /// The value of `key`, written exactly as the key.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        let key = key.as_bytes();
        let mask = self.slots.len() - 1;
        let mut at = first_slot(hash(key), self.shift);
        loop {
            let i = usize::from(self.slots[at & mask]).checked_sub(1)?;
            let k = self.key_bytes(i);
            // Lengths, then the bytes inline (`==` on slices calls `memcmp`).
            if crate::span::same_bytes(k, key) {
                return self.list.values.get(i);
            }
            at += 1;
        }
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.list.values.len()
    }

    /// Every key, in the order of the lexicon file.
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().map(|(k, _)| k)
    }
}

/// A map laid out at run time as `build.rs` lays out its maps, for tests (the arrays are leaked,
/// as a static's would live on).
#[cfg(test)]
pub fn leaked<V>(entries: Vec<(&str, V)>) -> WordMap<V> {
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let slots = Box::leak(layout::slots(&keys).into_boxed_slice());
    let ends = Box::leak(layout::ends(&keys).into_boxed_slice());
    let text = Box::leak(keys.concat().into_boxed_str());
    let values = Box::leak(entries.into_iter().map(|e| e.1).collect::<Vec<V>>().into_boxed_slice());
    WordMap::from_parts(slots, text, ends, values)
}

/// Words and their values in the order of a lexicon file, with no look-up of their own (for
/// tables bucketed otherwise at run time, `span::WordTable`): the keys as one string, as in a
/// [`WordMap`].
pub struct WordList<V: 'static> {
    keys: &'static str,
    ends: &'static [u16],
    values: &'static [V],
}

impl<V> WordList<V> {
    pub const fn from_parts(keys: &'static str, ends: &'static [u16], values: &'static [V]) -> Self {
        WordList { keys, ends, values }
    }

    /// Every word and its value, in the order of the file.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static V)> {
        let (keys, ends, values): (&'static str, &'static [u16], &'static [V]) = (self.keys, self.ends, self.values);
        ends.iter()
            .scan(0, move |start, &end| {
                let key = &keys[*start..usize::from(end)];
                *start = usize::from(end);
                Some(key)
            })
            .zip(values)
    }
}

impl WordSet {
    #[inline]
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

// The tables are references: a copy is the same table (derived, they would ask `V: Copy`).
impl<V> Clone for WordMap<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for WordMap<V> {}

impl<V> Clone for WordList<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for WordList<V> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_placed_by_the_layout_and_no_other_word() {
        let keys: Vec<String> =
            (0..300).map(|i| format!("w{i}")).chain(["", "a", "été", "x-y"].map(String::from)).collect();
        let map = leaked(keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(map.get(k), Some(&i), "{k}");
        }
        for other in ["w300", "W1", "b", "ete", "w", "w10 "] {
            assert_eq!(map.get(other), None, "{other}");
        }
        assert_eq!(map.keys().collect::<Vec<_>>(), keys);
    }

    /// The word sets of the stages, as `build.rs` wrote them, each against the file it read.
    #[test]
    fn each_built_word_set_holds_every_word_of_its_file_and_no_other() {
        static FUNCTION_WORDS: WordSet = include!(concat!(env!("OUT_DIR"), "/numbers_function_words.rs"));
        static DESIGNATORS: WordSet = include!(concat!(env!("OUT_DIR"), "/numbers_designators.rs"));
        static STOP_WORDS: WordSet = include!(concat!(env!("OUT_DIR"), "/claims_stopwords.rs"));
        for (set, file) in [
            (&FUNCTION_WORDS, include_str!("numbers/function_words.txt")),
            (&DESIGNATORS, include_str!("numbers/designators.txt")),
            (&STOP_WORDS, include_str!("claims/stopwords.txt")),
        ] {
            let words: std::collections::HashSet<&str> =
                file.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace).collect();
            assert_eq!(set.len(), words.len());
            assert!(words.iter().all(|w| set.contains(w)), "{words:?}");
            assert!(!set.contains("officials") && !set.contains("#"));
        }
        static ABBREVIATIONS: WordList<()> = include!(concat!(env!("OUT_DIR"), "/segment_abbreviations.rs"));
        let mut lower: Vec<String> = ABBREVIATIONS.iter().map(|(a, _)| a.to_ascii_lowercase()).collect();
        let listed = include_str!("segment/abbreviations.txt").lines().map(str::trim).filter(|a| !a.is_empty());
        assert!(listed.clone().all(|a| lower.contains(&a.to_ascii_lowercase())));
        assert!(listed.map(|a| a.to_ascii_lowercase()).any(|a| a == "mr"));
        lower.sort();
        lower.dedup();
        assert_eq!(lower.len(), ABBREVIATIONS.iter().count(), "each once");
    }
}
