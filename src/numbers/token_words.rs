//! What a word is to the numbers stage's two readers, looked up once per token when the sentence
//! is cut ([`super::tokens`]): its entry in the date grammar's word list and the recognisers of
//! [`super::scan`] it can begin. One table holds the words of both, so each token costs one
//! look-up instead of one per reader.

use super::dates::{self, Entry};
use super::scan;
use crate::span::WordTable;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// What one word is to the date grammar and the recognisers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TokenWord {
    /// Its entry in the date grammar's word list.
    pub date: Option<&'static Entry>,
    /// The recognisers it can begin (the bits of [`scan`]).
    pub recognisers: u8,
    /// Of those, the phrase recognisers whose phrases it begins only with more words after it
    /// ("the" of "the last but one").
    pub begins_longer_only: u8,
    /// The phrase recognisers whose phrases have it as their second word.
    pub second_of: u8,
}

/// The words of both readers, in lower case; a token keeps the index of its word
/// ([`super::tokens::Tok::word`]).
pub(crate) struct TokenWords {
    /// Each word and the index of what it is in `words`.
    table: WordTable<u16>,
    /// What each word is, after what an unknown word is (index 0: nothing).
    words: Vec<TokenWord>,
}

impl TokenWords {
    /// The index of what `word` (its ASCII letters in lower case) is: 0 for a word neither reader
    /// knows.
    #[inline]
    pub(crate) fn index(&self, word: &[u8]) -> u16 {
        self.table.get(word).copied().unwrap_or(0)
    }

    /// What the word of index `index` ([`TokenWords::index`]) is.
    #[inline]
    pub(crate) fn at(&self, index: u16) -> &TokenWord {
        &self.words[usize::from(index)]
    }

    /// What `word` (its ASCII letters in lower case) is.
    pub(crate) fn get(&self, word: &[u8]) -> &TokenWord {
        self.at(self.index(word))
    }
}

/// The table, built when the numbers stage first runs (a pass over the date words and the
/// recognisers' first words).
pub(crate) fn token_words() -> &'static TokenWords {
    static WORDS: OnceLock<TokenWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        // Room for every word at once (a few hundred), so the map is not grown on the way.
        let mut at: HashMap<&'static str, u16> = HashMap::with_capacity_and_hasher(1024, Default::default());
        let mut words = Vec::with_capacity(1024);
        words.push(TokenWord::default());
        let mut index = |w: &'static str| -> usize {
            // Tokens are looked up in the lower-cased text.
            debug_assert!(!w.bytes().any(|b| b.is_ascii_uppercase()), "{w}: keys are in lower case");
            let i = *at.entry(w).or_insert_with(|| {
                words.push(TokenWord::default());
                (words.len() - 1) as u16
            });
            usize::from(i)
        };
        let dates: Vec<(usize, &'static Entry)> = dates::date_words().map(|(w, e)| (index(w), e)).collect();
        let recognisers: Vec<(usize, u8)> = scan::recogniser_first_words().map(|(w, b)| (index(w), b)).collect();
        let phrases: Vec<(usize, u8, bool)> =
            scan::phrase_first_words().map(|(w, bit, alone)| (index(w), bit, alone)).collect();
        let seconds: Vec<(usize, u8)> = scan::phrase_second_words().map(|(w, bit)| (index(w), bit)).collect();
        for (i, entry) in dates {
            words[i].date = Some(entry);
        }
        for (i, bits) in recognisers {
            words[i].recognisers |= bits;
        }
        for (i, bit, alone) in phrases {
            if !alone {
                words[i].begins_longer_only |= bit;
            }
        }
        for (i, bit) in seconds {
            words[i].second_of |= bit;
        }
        TokenWords { table: WordTable::new(at), words }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_word_is_digits_or_has_an_upper_case_letter() {
        // Tokens of digits are not looked up, and case is ignored at look-up.
        for (w, _) in token_words().table.iter() {
            assert!(!w.starts_with(|c: char| c.is_ascii_digit()), "{w}");
            assert!(!w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
        }
    }

    #[test]
    fn holds_each_word_with_what_both_readers_make_of_it() {
        let words = token_words();
        let second = words.get(b"second");
        assert!(second.date.is_some_and(|e| e.number.is_some() && e.unit.is_some()));
        assert!(second.recognisers != 0);
        assert!(words.get(b"may").date.is_some_and(|e| e.month.is_some()));
        assert_eq!(words.get(b"officials"), &TokenWord::default());
        assert_eq!(words.index(b"officials"), 0);
    }
}
