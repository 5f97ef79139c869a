//! Phrase tables matched on tokens: units, currencies, bound words, vague quantities.
//!
//! A phrase is spelt as text and tokenized like the sentence ("km/h" → `km` `/` `h`), so matching
//! is token by token: case-insensitive, except one-letter phrases ("m", "t", "g") and phrases spelt
//! in capitals ("TRY"), which must match exactly so "5G" is not five grams nor "try" a currency.

//!
//! The tables are laid out at compile time: `build.rs` reads each table file with [`layout`] and
//! writes its phrases, groups and keys as static arrays, which the module keeping the table
//! `include!`s ([`Lexicon::from_parts`]).

#[cfg_attr(not(test), allow(dead_code))]
pub mod layout;

use super::tokens::Tokens;
use crate::word_map::WordMap;
use std::borrow::Cow;

/// `s` in lower case, without allocating when it already is (most words are).
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Calls `f` with `s` in lower case: a short ASCII word is lower-cased on the stack (no new string).
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if s.is_ascii() && s.len() <= buf.len() {
        let lower = &mut buf[..s.len()];
        lower.copy_from_slice(s.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&s.to_lowercase())
}

pub struct Lexicon<T: 'static> {
    /// The phrases' words, spelt one after another ([`Word`] says where).
    spellings: &'static str,
    /// Every phrase's words, one phrase after another ([`Phrase`] says where).
    words: &'static [Word],
    /// The phrases grouped by their first word, longest first within a group.
    forward: &'static [Phrase],
    /// The phrases' values, each once (many spellings share one).
    values: &'static [T],
    /// Each first word (lower-cased) and its group in `forward`.
    by_first: WordMap<Group>,
    /// The same by their last word, for matching backwards (indices in `forward`).
    backward: &'static [u16],
    by_last: WordMap<Group>,
    /// The first two letters of the keys of each table: most words are passed over on these,
    /// without hashing.
    first_letters: &'static Prefixes,
    last_letters: &'static Prefixes,
}

/// A phrase: where its words are in [`Lexicon::words`], and its value in [`Lexicon::values`].
pub struct Phrase {
    start: u16,
    len: u16,
    value: u16,
}

impl Phrase {
    pub const fn of(start: u16, len: u16, value: u16) -> Self {
        Phrase { start, len, value }
    }

    fn words<'w>(&self, words: &'w [Word]) -> &'w [Word] {
        &words[usize::from(self.start)..usize::from(self.start + self.len)]
    }
}

/// The phrases of one key: a range of [`Lexicon::forward`] or [`Lexicon::backward`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    start: u32,
    end: u32,
}

impl Group {
    pub const fn of(start: u32, end: u32) -> Self {
        Group { start, end }
    }
}

/// A set of the first two bytes of ASCII words ("th" for "the"; a one-letter word with 0).
pub struct Prefixes {
    bits: [u64; layout::PREFIX_WORDS],
}

impl Prefixes {
    pub fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Self {
        Prefixes { bits: layout::prefix_bits(keys) }
    }

    /// The set whose bits `build.rs` worked out (as [`Prefixes::new`] does).
    pub const fn from_bits(bits: [u64; layout::PREFIX_WORDS]) -> Self {
        Prefixes { bits }
    }

    /// Whether a key may be `word` in lower case (always, when its first bytes are not ASCII).
    pub fn may_hold(&self, word: &str) -> bool {
        layout::prefix_index(word).is_none_or(|at| self.bits[at / 64] & (1 << (at % 64)) != 0)
    }
}

/// One token of a phrase: where the table spells it in [`Lexicon::spellings`], and whether it
/// must match exactly ([`layout::is_exact`]), worked out by the build.
pub struct Word {
    start: u16,
    len: u8,
    exact: bool,
}

impl Word {
    pub const fn of(start: u16, len: u8, exact: bool) -> Self {
        Word { start, len, exact }
    }

    /// Whether token text `s` is this word (spelt in `spellings`): exactly, or both lower-cased
    /// (no allocation for ASCII; a word that is not ASCII is not ASCII in lower case either,
    /// `layout::lay_out` checks it).
    fn matches(&self, spellings: &str, s: &str) -> bool {
        let text = &spellings[usize::from(self.start)..usize::from(self.start) + usize::from(self.len)];
        if self.exact {
            s == text
        } else if s.is_ascii() {
            text.is_ascii() && crate::span::same_ignoring_ascii_case(s.as_bytes(), text.as_bytes())
        } else {
            lower(s) == lower(text)
        }
    }
}

impl<T: Clone> Lexicon<T> {
    /// The table `build.rs` wrote from a lexicon file (`include!`d where the table is kept as a
    /// static): the phrases' words, the phrases grouped by first and by last word (longest first
    /// within a group, ties in the file's order), each key's group, and the keys' first letters.
    #[allow(clippy::too_many_arguments)]
    pub const fn from_parts(
        spellings: &'static str,
        words: &'static [Word],
        forward: &'static [Phrase],
        values: &'static [T],
        by_first: WordMap<Group>,
        backward: &'static [u16],
        by_last: WordMap<Group>,
        first_letters: &'static Prefixes,
        last_letters: &'static Prefixes,
    ) -> Self {
        Lexicon { spellings, words, forward, values, by_first, backward, by_last, first_letters, last_letters }
    }

    /// The first words of the phrases, in lower case.
    pub fn first_words(&self) -> impl Iterator<Item = &'static str> {
        self.by_first.keys()
    }

    /// The longest phrase starting at token `i`: its value and the index after it.
    pub fn at(&self, t: &Tokens, i: usize) -> Option<(T, usize)> {
        let word = t.str(i);
        if !self.first_letters.may_hold(word) {
            return None;
        }
        let g = get_lower(&self.by_first, word)?;
        // From the last word back: the first one matched the key already, the others tell the
        // phrases of a common first word ("a", "the") apart.
        self.forward[g.start as usize..g.end as usize]
            .iter()
            .find(|p| {
                let w = p.words(self.words);
                (0..w.len()).rev().all(|k| same(t, i + k, self.spellings, &w[k]))
            })
            .map(|p| (self.values[usize::from(p.value)].clone(), i + usize::from(p.len)))
    }

    /// The longest phrase ending just before token `end`: its value and its first token.
    pub fn before(&self, t: &Tokens, end: usize) -> Option<(T, usize)> {
        if end == 0 {
            return None;
        }
        let word = t.str(end - 1);
        if !self.last_letters.may_hold(word) {
            return None;
        }
        let g = get_lower(&self.by_last, word)?;
        self.backward[g.start as usize..g.end as usize]
            .iter()
            .map(|&p| &self.forward[usize::from(p)])
            .find(|p| {
                let w = p.words(self.words);
                w.len() <= end && (0..w.len()).all(|k| same(t, end - w.len() + k, self.spellings, &w[k]))
            })
            .map(|p| (self.values[usize::from(p.value)].clone(), end - usize::from(p.len)))
    }
}

/// `map`'s entry for `word` in lower case: a capitalised short ASCII word is lower-cased on the
/// stack, not in a new string.
fn get_lower<'m, V>(map: &'m WordMap<V>, word: &str) -> Option<&'m V> {
    let mut buf = [0u8; 32];
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return map.get(word);
        }
        if word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return map.get(std::str::from_utf8(lower).ok()?);
        }
    }
    map.get(lower(word).as_ref())
}

fn same(t: &Tokens, i: usize, spellings: &str, w: &Word) -> bool {
    i < t.len() && w.matches(spellings, t.str(i))
}

/// A table laid out at run time, as `build.rs` lays out the tables of the files: for tests of
/// the matching on phrases of their own (the arrays are leaked, as a static's would live on).
#[cfg(test)]
pub fn from_phrases<T: Clone + 'static>(phrases: &[(&'static str, T)]) -> Lexicon<T> {
    fn leak<X>(v: Vec<X>) -> &'static [X] {
        Box::leak(v.into_boxed_slice())
    }
    let l = layout::lay_out(phrases.iter().map(|p| p.0));
    let phrase = |&i: &usize| {
        let (start, len, source) = l.phrases[i];
        Phrase::of(start as u16, len as u16, source as u16)
    };
    let at_forward = |&i: &usize| l.forward.iter().position(|&f| f == i).unwrap() as u16;
    let map = |groups: &[(String, u32, u32)]| {
        crate::word_map::leaked(groups.iter().map(|g| (g.0.as_str(), Group::of(g.1, g.2))).collect())
    };
    let prefixes =
        |groups: &[(String, u32, u32)]| &*Box::leak(Box::new(Prefixes::new(groups.iter().map(|g| g.0.as_str()))));
    let (spellings, at) = layout::spellings(&l.words);
    let words = l.words.iter().zip(at).map(|(&(text, _, exact), start)| Word::of(start, text.len() as u8, exact));
    Lexicon::from_parts(
        Box::leak(spellings.into_boxed_str()),
        leak(words.collect()),
        leak(l.forward.iter().map(phrase).collect()),
        leak(phrases.iter().map(|p| p.1.clone()).collect()),
        map(&l.by_first),
        leak(l.backward.iter().map(at_forward).collect()),
        map(&l.by_last),
        prefixes(&l.by_first),
        prefixes(&l.by_last),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn toks(s: &str) -> Tokens<'_> {
        Tokens::new(s, Span::new(0, s.len()))
    }

    #[test]
    fn matches_the_longest_phrase_forwards_and_backwards() {
        let lex = from_phrases(&[("more than", 1), ("no more than", 2)]);
        let t = toks("no more than 50");
        assert_eq!(lex.before(&t, 3), Some((2, 0)));
        assert_eq!(lex.at(&t, 1), Some((1, 3)));
    }

    #[test]
    fn prefers_the_longest_phrase_then_the_one_listed_first() {
        let lex = from_phrases(&[("a b", 1), ("a", 2), ("a b c", 3), ("a b", 4), ("x b", 5), ("b", 6)]);
        assert_eq!(lex.at(&toks("a b"), 0), Some((1, 2)));
        assert_eq!(lex.at(&toks("a b c"), 0), Some((3, 3)));
        assert_eq!(lex.at(&toks("a c"), 0), Some((2, 1)));
        assert_eq!(lex.before(&toks("x b"), 2), Some((5, 0)));
        assert_eq!(lex.before(&toks("z a b"), 3), Some((1, 1)));
        assert_eq!(lex.before(&toks("z b"), 2), Some((6, 1)));
        assert_eq!(lex.before(&toks("a b c"), 3), Some((3, 0)));
    }

    #[test]
    fn matches_one_letter_and_capital_phrases_only_in_their_case() {
        let lex = from_phrases(&[("g", 1), ("km", 2), ("TRY", 3)]);
        assert_eq!(lex.at(&toks("G"), 0), None);
        assert_eq!(lex.at(&toks("g"), 0), Some((1, 1)));
        assert_eq!(lex.at(&toks("KM"), 0), Some((2, 1)));
        assert_eq!(lex.at(&toks("try"), 0), None);
        assert_eq!(lex.at(&toks("TRY"), 0), Some((3, 1)));
    }

    #[test]
    fn passes_over_words_on_their_first_letters_but_still_finds_accented_and_symbol_phrases() {
        let lex = from_phrases(&[("per cent", 0), ("£", 1), ("été record", 2), ("k", 3)]);
        assert_eq!(lex.at(&toks("Per Cent"), 0), Some((0, 2)));
        assert_eq!(lex.at(&toks("£5"), 0), Some((1, 1)));
        assert_eq!(lex.at(&toks("ÉTÉ record"), 0), Some((2, 2)));
        assert_eq!(lex.before(&toks("un été record"), 3), Some((2, 1)));
        assert_eq!(lex.at(&toks("k"), 0), Some((3, 1)));
        assert_eq!(lex.at(&toks("pet"), 0), None);
        assert_eq!(lex.at(&toks("kg"), 0), None);
    }

    /// Every phrase of `phrases` (a table file's spellings, with the part of their value `key`
    /// picks) is found by the table `build.rs` wrote, forwards and backwards, in its own case and in
    /// capitals, as a table laid out from the text now finds it; words of no phrase are not found.
    fn agrees_with_its_text<T: Clone + 'static, K: Clone + PartialEq + std::fmt::Debug + 'static>(
        table: &Lexicon<T>,
        phrases: Vec<(&'static str, K)>,
        key: impl Fn(&T) -> K,
    ) {
        let text = from_phrases(&phrases);
        let key = |found: Option<(T, usize)>| found.map(|(v, i)| (key(&v), i));
        for (phrase, _) in &phrases {
            for form in [phrase.to_string(), phrase.to_uppercase()] {
                let t = toks(&form);
                assert_eq!(key(table.at(&t, 0)), text.at(&t, 0), "{form}");
                assert_eq!(key(table.before(&t, t.len())), text.before(&t, t.len()), "{form}");
            }
            assert!(key(table.at(&toks(phrase), 0)).is_some(), "{phrase}");
        }
        for other in ["zzz", "thee", "said", "x"] {
            assert_eq!(key(table.at(&toks(other), 0)), None, "{other}");
            assert_eq!(key(table.before(&toks(other), 1)), None, "{other}");
        }
    }

    fn spellings(field: &'static str) -> impl Iterator<Item = &'static str> {
        field.split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    #[test]
    fn the_built_unit_currency_bound_vague_and_relative_tables_find_every_phrase_of_their_files() {
        let units = layout::lines(include_str!("units.txt"))
            .flat_map(|[symbol, dimension, _, _, s]| spellings(s).map(move |s| (s, (symbol, dimension))));
        agrees_with_its_text(super::super::units::table(), units.collect(), |u| (u.symbol, u.dimension));
        let money = super::super::money::tables();
        let currencies = || layout::lines::<4>(include_str!("currencies.txt"));
        let before = currencies().flat_map(|[code, _, pre, _]| spellings(pre).map(move |s| (s, code)));
        agrees_with_its_text(&money.before, before.collect(), |c| c.code);
        let after = currencies().flat_map(|[code, _, _, post]| spellings(post).map(move |s| (s, code)));
        agrees_with_its_text(&money.after, after.collect(), |c| c.code);
        let bounds =
            layout::lines(include_str!("bounds.txt")).map(|[p, b, place]| (p, (format!("\"{b}\""), place == "before")));
        agrees_with_its_text(super::super::scan::bounds(), bounds.collect(), |&(b, before)| {
            (serde_json::to_string(&b).unwrap(), before)
        });
        let vague = layout::lines(include_str!("vague.txt")).map(|[p, m]| (p, m.parse::<f64>().unwrap().to_bits()));
        agrees_with_its_text(super::super::scan::vague_lexicon(), vague.collect(), |m| m.to_bits());
        let relative = layout::lines(include_str!("relative_ordinals.txt")).map(|[p, v]| (p, v));
        agrees_with_its_text(super::super::scan::relative_ordinal_lexicon(), relative.collect(), |&v| v);
    }

    #[test]
    fn the_build_cuts_every_phrase_into_the_tokens_the_tokenizer_cuts() {
        let files = [
            include_str!("units.txt"),
            include_str!("currencies.txt"),
            include_str!("bounds.txt"),
            include_str!("vague.txt"),
            include_str!("relative_ordinals.txt"),
        ];
        for line in files.iter().flat_map(|f| f.lines()).filter(|l| !l.starts_with('#')) {
            for phrase in line.split(['|']).map(str::trim) {
                let t = toks(phrase);
                let tokens: Vec<&str> = (0..t.len()).map(|i| t.str(i)).collect();
                assert_eq!(layout::phrase_words(phrase), tokens, "{phrase}");
            }
        }
    }
}
