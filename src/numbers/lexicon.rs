//! Phrase tables matched on tokens: units, currencies, bound words, vague quantities.
//!
//! A phrase is spelt as text and tokenized like the sentence ("km/h" → `km` `/` `h`), so matching
//! is token by token: case-insensitive, except one-letter phrases ("m", "t", "g") and phrases spelt
//! in capitals ("TRY"), which must match exactly so "5G" is not five grams nor "try" a currency.

use super::tokens::Tokens;
use crate::Span;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

/// `s` in lower case, without allocating when it already is (most words are).
pub fn lower(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

pub struct Lexicon<T> {
    /// Phrases by their first token (lower-cased): (tokens, value), longest first.
    by_first: HashMap<String, Vec<(Vec<Word>, T)>>,
    /// The same by their last token, for matching backwards.
    by_last: HashMap<String, Vec<(Vec<Word>, T)>>,
    /// The first two letters of the keys of each table: most words are passed over on these,
    /// without hashing.
    first_letters: Prefixes,
    last_letters: Prefixes,
}

/// A set of the first two bytes of ASCII words ("th" for "the"; a one-letter word with 0).
pub struct Prefixes {
    bits: Vec<u64>,
}

impl Prefixes {
    pub fn new<'k>(keys: impl Iterator<Item = &'k String>) -> Self {
        let mut bits = vec![0u64; 128 * 128 / 64];
        for k in keys {
            if let Some(at) = Self::index(k) {
                bits[at / 64] |= 1 << (at % 64);
            }
        }
        Prefixes { bits }
    }

    /// Where the first two bytes of `word`, lower-cased, are kept; `None` when they are not ASCII.
    fn index(word: &str) -> Option<usize> {
        let b = word.as_bytes();
        let first = b.first().filter(|c| c.is_ascii())?.to_ascii_lowercase();
        let second = b.get(1).map_or(Some(0), |c| c.is_ascii().then(|| c.to_ascii_lowercase()))?;
        Some(usize::from(first) * 128 + usize::from(second))
    }

    /// Whether a key may be `word` in lower case (always, when its first bytes are not ASCII).
    pub fn may_hold(&self, word: &str) -> bool {
        Self::index(word).is_none_or(|at| self.bits[at / 64] & (1 << (at % 64)) != 0)
    }
}

/// One token of a phrase, with what matching it needs worked out once.
#[derive(Clone)]
struct Word {
    text: String,
    lower: String,
    /// One letter, or a spelling in capitals ("TRY", not the verb "try"): must match exactly.
    exact: bool,
}

impl Word {
    fn new(text: &str) -> Self {
        let exact = (text.chars().count() == 1 && text.chars().all(char::is_alphabetic))
            || (text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase));
        Word { text: text.to_string(), lower: lower(text).into_owned(), exact }
    }

    /// Whether token text `s` is this word: exactly, or both lower-cased (no allocation for ASCII).
    fn matches(&self, s: &str) -> bool {
        if self.exact {
            s == self.text
        } else if s.is_ascii() {
            s.eq_ignore_ascii_case(&self.lower)
        } else {
            lower(s) == self.lower
        }
    }
}

impl<T: Clone> Lexicon<T> {
    pub fn new(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<Word>, T)>> = HashMap::default();
        let mut by_last: HashMap<String, Vec<(Vec<Word>, T)>> = HashMap::default();
        for (phrase, value) in phrases {
            let toks = Tokens::new(&phrase, Span::new(0, phrase.len()));
            let words: Vec<Word> = (0..toks.len()).map(|i| Word::new(toks.str(i))).collect();
            let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
            let key = |w: &Word| w.text.to_lowercase();
            by_first.entry(key(first)).or_default().push((words.clone(), value.clone()));
            by_last.entry(key(last)).or_default().push((words, value));
        }
        for list in by_first.values_mut().chain(by_last.values_mut()) {
            crate::sort::by_key(list, |(w, _)| std::cmp::Reverse(w.len()));
        }
        let first_letters = Prefixes::new(by_first.keys());
        let last_letters = Prefixes::new(by_last.keys());
        Lexicon { by_first, by_last, first_letters, last_letters }
    }

    /// The first words of the phrases, in lower case.
    pub fn first_words(&self) -> impl Iterator<Item = &String> {
        self.by_first.keys()
    }

    /// The longest phrase starting at token `i`: its value and the index after it.
    pub fn at(&self, t: &Tokens, i: usize) -> Option<(T, usize)> {
        let word = t.str(i);
        if !self.first_letters.may_hold(word) {
            return None;
        }
        let list = get_lower(&self.by_first, word)?;
        // From the last word back: the first one matched the key already, the others tell the
        // phrases of a common first word ("a", "the") apart.
        list.iter()
            .find(|(w, _)| (0..w.len()).rev().all(|k| same(t, i + k, &w[k])))
            .map(|(w, v)| (v.clone(), i + w.len()))
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
        let list = get_lower(&self.by_last, word)?;
        list.iter()
            .find(|(w, _)| w.len() <= end && (0..w.len()).all(|k| same(t, end - w.len() + k, &w[k])))
            .map(|(w, v)| (v.clone(), end - w.len()))
    }
}

/// `map`'s entry for `word` in lower case: a capitalised short ASCII word is lower-cased on the
/// stack, not in a new string.
fn get_lower<'m, V>(map: &'m HashMap<String, V>, word: &str) -> Option<&'m V> {
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

fn same(t: &Tokens, i: usize, w: &Word) -> bool {
    i < t.len() && w.matches(t.str(i))
}

/// The fields of each data line of a table file (separated by " | "; blank lines and `#` comments
/// skipped). Within a field, alternatives are separated by a bare "|".
pub fn lines(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" | ").map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Tokens<'_> {
        Tokens::new(s, Span::new(0, s.len()))
    }

    #[test]
    fn matches_the_longest_phrase_forwards_and_backwards() {
        let lex = Lexicon::new([("more than".to_string(), 1), ("no more than".to_string(), 2)]);
        let t = toks("no more than 50");
        assert_eq!(lex.before(&t, 3), Some((2, 0)));
        assert_eq!(lex.at(&t, 1), Some((1, 3)));
    }

    #[test]
    fn matches_one_letter_and_capital_phrases_only_in_their_case() {
        let lex = Lexicon::new([("g".to_string(), 1), ("km".to_string(), 2), ("TRY".to_string(), 3)]);
        assert_eq!(lex.at(&toks("G"), 0), None);
        assert_eq!(lex.at(&toks("g"), 0), Some((1, 1)));
        assert_eq!(lex.at(&toks("KM"), 0), Some((2, 1)));
        assert_eq!(lex.at(&toks("try"), 0), None);
        assert_eq!(lex.at(&toks("TRY"), 0), Some((3, 1)));
    }

    #[test]
    fn passes_over_words_on_their_first_letters_but_still_finds_accented_and_symbol_phrases() {
        let phrases = ["per cent", "£", "été record", "k"].iter().enumerate().map(|(i, p)| (p.to_string(), i));
        let lex = Lexicon::new(phrases);
        assert_eq!(lex.at(&toks("Per Cent"), 0), Some((0, 2)));
        assert_eq!(lex.at(&toks("£5"), 0), Some((1, 1)));
        assert_eq!(lex.at(&toks("ÉTÉ record"), 0), Some((2, 2)));
        assert_eq!(lex.before(&toks("un été record"), 3), Some((2, 1)));
        assert_eq!(lex.at(&toks("k"), 0), Some((3, 1)));
        assert_eq!(lex.at(&toks("pet"), 0), None);
        assert_eq!(lex.at(&toks("kg"), 0), None);
    }
}
