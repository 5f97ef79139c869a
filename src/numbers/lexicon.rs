//! Phrase tables matched on tokens: units, currencies, bound words, vague quantities.
//!
//! A phrase is spelt as text and tokenized like the sentence ("km/h" → `km` `/` `h`), so matching
//! is token by token: case-insensitive, except one-letter phrases ("m", "t", "g") and phrases spelt
//! in capitals ("TRY"), which must match exactly so "5G" is not five grams nor "try" a currency.

use super::tokens::{push_phrase_tokens, Tokens};
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

pub struct Lexicon<T> {
    /// Every phrase's words, one phrase after another ([`Phrase`] says where).
    words: Vec<Word>,
    /// The phrases grouped by their first word, longest first within a group.
    forward: Vec<Phrase<T>>,
    /// Each first word (lower-cased) and its group in `forward`.
    by_first: HashMap<Cow<'static, str>, Group>,
    /// The same by their last word, for matching backwards.
    backward: Vec<Phrase<T>>,
    by_last: HashMap<Cow<'static, str>, Group>,
    /// The first two letters of the keys of each table: most words are passed over on these,
    /// without hashing.
    first_letters: Prefixes,
    last_letters: Prefixes,
}

/// A phrase: where its words are in [`Lexicon::words`], and its value.
#[derive(Clone)]
struct Phrase<T> {
    start: u32,
    len: u32,
    value: T,
}

impl<T> Phrase<T> {
    fn words<'w>(&self, words: &'w [Word]) -> &'w [Word] {
        &words[self.start as usize..(self.start + self.len) as usize]
    }
}

/// The phrases of one key: a range of [`Lexicon::forward`] or [`Lexicon::backward`].
#[derive(Clone, Copy)]
struct Group {
    start: u32,
    end: u32,
}

/// A set of the first two bytes of ASCII words ("th" for "the"; a one-letter word with 0).
pub struct Prefixes {
    bits: Vec<u64>,
}

impl Prefixes {
    pub fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Self {
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

/// One token of a phrase, with what matching it needs worked out once. The phrases are the
/// program's own text, so a word borrows it (and its lower case, unless it has capitals).
#[derive(Clone)]
struct Word {
    text: &'static str,
    lower: Cow<'static, str>,
    /// One letter, or a spelling in capitals ("TRY", not the verb "try"): must match exactly.
    exact: bool,
}

impl Word {
    fn new(text: &'static str) -> Self {
        let exact = if text.is_ascii() {
            let b = text.as_bytes();
            (b.len() == 1 && b[0].is_ascii_alphabetic())
                || (b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase))
        } else {
            (text.chars().count() == 1 && text.chars().all(char::is_alphabetic))
                || (text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase))
        };
        Word { text, lower: lower(text), exact }
    }

    /// Whether token text `s` is this word: exactly, or both lower-cased (no allocation for ASCII).
    fn matches(&self, s: &str) -> bool {
        if self.exact {
            s == self.text
        } else if s.is_ascii() {
            crate::span::same_ignoring_ascii_case(s.as_bytes(), self.lower.as_bytes())
        } else {
            lower(s) == self.lower
        }
    }
}

impl<T: Clone> Lexicon<T> {
    /// The table of `phrases` (spelt as text, with their values). Built once per process, and
    /// in the browser on the first analysis: the words borrow the phrases (no string is copied)
    /// and all of them go in one list, so building takes a handful of allocations.
    pub fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let phrases = phrases.into_iter();
        let mut list: Vec<Phrase<T>> = Vec::with_capacity(phrases.size_hint().0);
        let mut words: Vec<Word> = Vec::with_capacity(list.capacity() * 2);
        let mut toks = Vec::new();
        for (phrase, value) in phrases {
            toks.clear();
            push_phrase_tokens(phrase, Span::new(0, phrase.len()), &mut toks);
            if toks.is_empty() {
                continue;
            }
            let start = words.len() as u32;
            words.extend(toks.iter().map(|t| Word::new(t.span.text(phrase))));
            list.push(Phrase { start, len: toks.len() as u32, value });
        }
        let (forward, by_first) = group(&list, |p| &words[p.start as usize].lower);
        let (backward, by_last) = group(&list, |p| &words[(p.start + p.len - 1) as usize].lower);
        let first_letters = Prefixes::new(by_first.keys().map(|k| k.as_ref()));
        let last_letters = Prefixes::new(by_last.keys().map(|k| k.as_ref()));
        Lexicon { words, forward, by_first, backward, by_last, first_letters, last_letters }
    }

    /// The first words of the phrases, in lower case.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(|k| k.as_ref())
    }

    /// Each first word of the phrases (in lower case) and whether it is a phrase by itself.
    pub fn first_words_alone(&self) -> impl Iterator<Item = (&str, bool)> {
        self.by_first
            .iter()
            .map(|(k, g)| (k.as_ref(), self.forward[g.start as usize..g.end as usize].iter().any(|p| p.len == 1)))
    }

    /// The second words of the phrases, in lower case (a word can come more than once).
    pub fn second_words(&self) -> impl Iterator<Item = &str> {
        self.forward.iter().filter(|p| p.len >= 2).map(|p| self.words[p.start as usize + 1].lower.as_ref())
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
                let w = p.words(&self.words);
                (0..w.len()).rev().all(|k| same(t, i + k, &w[k]))
            })
            .map(|p| (p.value.clone(), i + p.len as usize))
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
            .find(|p| {
                let w = p.words(&self.words);
                w.len() <= end && (0..w.len()).all(|k| same(t, end - w.len() + k, &w[k]))
            })
            .map(|p| (p.value.clone(), end - p.len as usize))
    }
}

/// The phrases grouped by `key` (a word of theirs, lower-cased), longest first in each group and
/// otherwise in their order in the file; with each key's group.
fn group<'w, T: Clone>(
    list: &[Phrase<T>],
    key: impl Fn(&Phrase<T>) -> &'w Cow<'static, str>,
) -> (Vec<Phrase<T>>, HashMap<Cow<'static, str>, Group>) {
    let mut groups: HashMap<Cow<'static, str>, Group> = HashMap::default();
    groups.reserve(list.len());
    // Number the groups in order of first appearance and count their phrases (in `end`).
    let mut group_of: Vec<u32> = Vec::with_capacity(list.len());
    for p in list {
        let next = groups.len() as u32;
        let g = groups.entry(key(p).clone()).or_insert(Group { start: next, end: 0 });
        g.end += 1;
        group_of.push(g.start);
    }
    // Where each numbered group starts in the result, then each phrase in its place.
    let mut starts = vec![0u32; groups.len()];
    for g in groups.values() {
        starts[g.start as usize] = g.end;
    }
    let mut total = 0;
    for s in &mut starts {
        (*s, total) = (total, total + *s);
    }
    let mut order = vec![0u32; list.len()];
    let mut next = starts.clone();
    for (i, &g) in group_of.iter().enumerate() {
        order[next[g as usize] as usize] = i as u32;
        next[g as usize] += 1;
    }
    // Longest first within a group, ties kept in file order (an insertion sort: groups are short).
    for (&start, &end) in starts.iter().zip(&next) {
        let run = &mut order[start as usize..end as usize];
        for k in 1..run.len() {
            let mut m = k;
            while m > 0 && list[run[m - 1] as usize].len < list[run[m] as usize].len {
                run.swap(m - 1, m);
                m -= 1;
            }
        }
    }
    for g in groups.values_mut() {
        let n = g.start as usize;
        *g = Group { start: starts[n], end: next[n] };
    }
    let sorted = order.iter().map(|&i| list[i as usize].clone()).collect();
    (sorted, groups)
}

/// `map`'s entry for `word` in lower case: a capitalised short ASCII word is lower-cased on the
/// stack, not in a new string.
fn get_lower<'m, V>(map: &'m HashMap<Cow<'static, str>, V>, word: &str) -> Option<&'m V> {
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

/// Whether token `i` is `w` ([`Word::matches`]); an ASCII token is compared on its bytes (no
/// character-boundary checks: the phrase tables are tried at most words of a text).
#[inline]
fn same(t: &Tokens, i: usize, w: &Word) -> bool {
    if i >= t.len() {
        return false;
    }
    let b = t.bytes(i);
    if !b.is_ascii() {
        return w.matches(t.str(i));
    }
    if w.exact {
        crate::span::same_bytes(b, w.text.as_bytes())
    } else {
        crate::span::same_ignoring_ascii_case(b, w.lower.as_bytes())
    }
}

/// The fields of each data line of a table file that has `N` of them (separated by " | "; blank
/// lines, `#` comments and lines of another length skipped). Within a field, alternatives are
/// separated by a bare "|".
pub fn lines<const N: usize>(table: &str) -> impl Iterator<Item = [&str; N]> {
    table.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(|l| {
        let mut fields = [""; N];
        let mut count = 0;
        for f in l.split(" | ") {
            *fields.get_mut(count)? = f.trim();
            count += 1;
        }
        (count == N).then_some(fields)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Tokens<'_> {
        Tokens::new(s, Span::new(0, s.len()))
    }

    #[test]
    fn matches_the_longest_phrase_forwards_and_backwards() {
        let lex = Lexicon::new([("more than", 1), ("no more than", 2)]);
        let t = toks("no more than 50");
        assert_eq!(lex.before(&t, 3), Some((2, 0)));
        assert_eq!(lex.at(&t, 1), Some((1, 3)));
    }

    #[test]
    fn prefers_the_longest_phrase_then_the_one_listed_first() {
        let lex = Lexicon::new([("a b", 1), ("a", 2), ("a b c", 3), ("a b", 4), ("x b", 5), ("b", 6)]);
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
        let lex = Lexicon::new([("g", 1), ("km", 2), ("TRY", 3)]);
        assert_eq!(lex.at(&toks("G"), 0), None);
        assert_eq!(lex.at(&toks("g"), 0), Some((1, 1)));
        assert_eq!(lex.at(&toks("KM"), 0), Some((2, 1)));
        assert_eq!(lex.at(&toks("try"), 0), None);
        assert_eq!(lex.at(&toks("TRY"), 0), Some((3, 1)));
    }

    #[test]
    fn passes_over_words_on_their_first_letters_but_still_finds_accented_and_symbol_phrases() {
        let phrases = ["per cent", "£", "été record", "k"].into_iter().enumerate().map(|(i, p)| (p, i));
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
