//! Splits a sentence into words, digit runs and single punctuation marks, with byte offsets.
//!
//! "7th" is two tokens ("7", "th") and "3pm" too ("3", "pm"); `glued` says a token touches the
//! one before it, which is what separates "5/12" (a date) from "5 / 12".

use crate::numbers::tokens::{Tok as NumTok, TokKind as NumKind};
use crate::span::{char_at, digits_end, letters_end};
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Digits,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub kind: TokKind,
    /// Byte offsets into the sentence.
    pub start: usize,
    pub end: usize,
    /// No white space between this token and the previous one.
    pub glued: bool,
    /// The first letter is upper case (for telling "May" the month from "may" the verb).
    pub capital: bool,
}

/// Tokens of `s`; the text of each is `&lower[start..end]` where `lower` is `s` ASCII-lower-cased.
pub fn tokenize(s: &str) -> Vec<Tok> {
    let bytes = s.as_bytes();
    // About one token in five bytes of news text: one allocation for most sentences.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut glued = false;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(s, i);
        if c.is_whitespace() {
            glued = false;
            i += len;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (TokKind::Digits, digits_end(s, i))
        } else if c.is_alphabetic() {
            (TokKind::Word, letters_end(s, i))
        } else {
            (TokKind::Punct, i + len)
        };
        out.push(Tok { kind, start: i, end, glued, capital: c.is_uppercase() });
        glued = true;
        i = end;
    }
    out
}

/// The tokens the numbers stage made of `sentence` (absolute spans), as this module's: the two
/// tokenizers split text identically (white space skipped; an ASCII digit run, a word through
/// [`letters_end`], or one other character), so only the offsets, the glue and the capital are new.
/// They replace what `out` held.
pub fn from_numbers(sentence: Span, numbers: &[NumTok], out: &mut Vec<Tok>) {
    out.clear();
    // One `extend` over the slice: no capacity test per token. The first token is glued to
    // nothing (no span ends at `usize::MAX`).
    let mut previous_end = usize::MAX;
    out.extend(numbers.iter().map(|t| {
        let kind = match t.kind {
            NumKind::Word => TokKind::Word,
            NumKind::Digits => TokKind::Digits,
            NumKind::Symbol => TokKind::Punct,
        };
        let glued = previous_end == t.span.start;
        previous_end = t.span.end;
        Tok { kind, start: t.span.start - sentence.start, end: t.span.end - sentence.start, glued, capital: t.capital }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn splits_digits_from_letters_and_marks() {
        assert_eq!(texts("7th of April, 3pm"), ["7", "th", "of", "April", ",", "3", "pm"]);
        assert_eq!(texts("5/12/2018"), ["5", "/", "12", "/", "2018"]);
    }

    #[test]
    fn keeps_offsets_on_char_boundaries_with_accents_and_emoji() {
        let s = "Café 😀 le 7 Août’s";
        let toks = tokenize(s);
        assert_eq!(texts(s), ["Café", "😀", "le", "7", "Août’s"]);
        assert!(toks.iter().all(|t| s.is_char_boundary(t.start) && s.is_char_boundary(t.end)));
    }

    #[test]
    fn reads_the_numbers_stages_tokens_as_its_own_tokenizer_would() {
        let text = "Lead. On 7th Août’s 😀 “Q1” 2017, 3pm-5pm ½ Ⅻ Ⓐ東京 São\u{2029}5/12/2018 don't";
        let sentence = Span::new(text.find("On").unwrap(), text.len());
        let numbers = crate::numbers::tokens::Tokens::new(text, sentence);
        let mut from = Vec::new();
        from_numbers(sentence, &numbers.toks, &mut from);
        let own = tokenize(sentence.text(text));
        let fields = |t: &Tok| (t.kind, t.start, t.end, t.glued, t.capital);
        assert_eq!(from.iter().map(fields).collect::<Vec<_>>(), own.iter().map(fields).collect::<Vec<_>>());
    }

    #[test]
    fn records_glue_and_capitals() {
        let toks = tokenize("May 5/12");
        assert!(toks[0].capital && !toks[1].capital);
        assert!(!toks[1].glued && toks[2].glued && toks[3].glued);
    }
}
