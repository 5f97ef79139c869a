//! A light tokenizer for the numbers stage: words, digit runs and single symbols, as byte spans.
//!
//! Digit runs are kept apart from their separators ("1,200" is `1` `,` `200`) so the numeral
//! parser can decide from adjacency whether a comma groups thousands or separates a list.

use super::token_words::{token_words, TokenWords};
use crate::span::{char_at, digits_end, is_alphabetic, is_uppercase, letters_end, same_ignoring_ascii_case};
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, with inner apostrophes ("don't", "Côte").
    Word,
    /// A run of ASCII digits.
    Digits,
    /// Any other single non-space character ("$", "-", "%", "½").
    Symbol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
    /// The first character is upper case (read once here; the dates grammar and the recognisers ask).
    pub capital: bool,
    /// No white space between this token and the one before it in the same call of
    /// [`push_tokens`] (the first is glued to nothing): what tells "5/12" (a date) from "5 / 12".
    pub glued: bool,
    /// What the token's word is to the date grammar and the recognisers: its index in
    /// [`token_words`] (0: nothing; digits are not looked up).
    pub word: u16,
}

/// The tokens of one sentence, with the document text they index into.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
}

impl<'a> Tokens<'a> {
    /// Tokenizes `span` of `text`; token spans are absolute byte offsets into `text`.
    pub fn new(text: &'a str, span: Span) -> Self {
        // About one token in five bytes of news text (more with figures: "$1.8m" is four): one
        // allocation for nearly every sentence.
        let mut toks = Vec::with_capacity(span.len() / 4 + 4);
        // Only the span lower-cased, not the text before it (the stage itself lower-cases a
        // document once: `push_tokens`).
        let lower = span.text(text).to_ascii_lowercase();
        cut(text, span, &mut toks, Some((token_words(), lower.as_bytes())));
        Tokens { text, toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    pub fn str(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.text(self.text))
    }

    /// Token `i`'s bytes (empty past the end): no character-boundary checks, for the tests made
    /// at every token.
    #[inline]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.toks.get(i).map_or(&[], |t| &self.text.as_bytes()[t.span.range()])
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    #[inline]
    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Digits)
    }

    /// Token `i` is the word `w`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        // Lengths first: most tokens are not the word, and this needs no slicing of the text.
        self.toks.get(i).is_some_and(|t| {
            t.span.len() == w.len() && same_ignoring_ascii_case(&self.text.as_bytes()[t.span.range()], w.as_bytes())
        })
    }

    /// Token `i` is one of `ws`, ignoring ASCII case.
    #[inline]
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.is(i, w))
    }

    /// Tokens `i` and `i + 1` touch, with no space between them.
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].span.end == self.toks[i + 1].span.start
    }

    /// Tokens `i` and `i + 1` are separated by one hyphen (or dash) and at most spaces:
    /// returns the index after the hyphen. "34-mile", "fifty - two".
    pub fn hyphen_after(&self, i: usize) -> Option<usize> {
        (i + 2 < self.toks.len() && self.is_any(i + 1, &["-", "\u{2010}", "\u{2011}", "\u{2013}"])).then_some(i + 2)
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }

    /// The word starts with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].capital
    }
}

/// Appends the tokens of `span` of `text` to `toks` (absolute byte offsets into `text`), each
/// word and mark looked up in [`token_words`] as `lower` (the text, or its start up to the span's
/// end, lower-cased by `str::to_ascii_lowercase`) has it.
pub fn push_tokens(text: &str, lower: &str, span: Span, toks: &mut Vec<Tok>) {
    debug_assert!(lower.len() >= span.end, "the lower-cased text ends before the span");
    cut(text, span, toks, Some((token_words(), &lower.as_bytes()[span.start..span.end])));
}

/// [`push_tokens`] with no word looked up (`word` 0), for the phrases of the tables that the
/// word table is built from.
pub fn push_phrase_tokens(text: &str, span: Span, toks: &mut Vec<Tok>) {
    cut(text, span, toks, None);
}

/// The tokenizer of both, one copy: `words` is the word table with the span's text lower-cased.
fn cut(text: &str, span: Span, toks: &mut Vec<Tok>, words: Option<(&TokenWords, &[u8])>) {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let mut i = 0;
    // No token ends at `usize::MAX`: the first is glued to nothing.
    let mut previous_end = usize::MAX;
    while i < bytes.len() {
        // Most characters between tokens are single spaces.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let b = bytes[i];
        // ASCII is decided on the byte; other characters are decoded.
        let (kind, end, capital) = if b.is_ascii_alphabetic() {
            (TokKind::Word, letters_end(s, i), b.is_ascii_uppercase())
        } else if b.is_ascii_digit() {
            (TokKind::Digits, digits_end(s, i), false)
        } else if b.is_ascii() {
            if b.is_ascii_whitespace() || b == 0x0B {
                i += 1;
                continue;
            }
            (TokKind::Symbol, i + 1, false)
        } else {
            let (c, len) = char_at(s, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if is_alphabetic(c) {
                (TokKind::Word, letters_end(s, i), is_uppercase(c))
            } else {
                (TokKind::Symbol, i + len, is_uppercase(c))
            }
        };
        let word = match words {
            Some((words, lower)) if kind != TokKind::Digits => words.index(&lower[i..end]),
            _ => 0,
        };
        toks.push(Tok {
            span: Span::new(span.start + i, span.start + end),
            kind,
            capital,
            glued: previous_end == i,
            word,
        });
        previous_end = end;
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(t: &str) -> Vec<&str> {
        let toks = Tokens::new(t, Span::new(0, t.len()));
        (0..toks.len()).map(|i| toks.str(i)).collect()
    }

    #[test]
    fn splits_digits_from_separators_and_letters() {
        assert_eq!(strs("1,200 27km $1.8m"), ["1", ",", "200", "27", "km", "$", "1", ".", "8", "m"]);
    }

    #[test]
    fn keeps_inner_apostrophes_and_accents_in_words() {
        assert_eq!(strs("don’t stop in Côte d'Ivoire"), ["don’t", "stop", "in", "Côte", "d'Ivoire"]);
    }

    /// The tokenizer as it was before ASCII was decided on the byte: every character decoded.
    /// (Native only, as the property test below: proptest is a native dev-dependency.)
    #[cfg(not(target_arch = "wasm32"))]
    fn push_tokens_decoding(text: &str, span: Span, toks: &mut Vec<Tok>) {
        let s = span.text(text);
        let mut i = 0;
        while i < s.len() {
            let (c, len) = char_at(s, i);
            if c.is_whitespace() {
                i += len;
                continue;
            }
            let (kind, end) = if c.is_ascii_digit() {
                (TokKind::Digits, digits_end(s, i))
            } else if c.is_alphabetic() {
                (TokKind::Word, letters_end(s, i))
            } else {
                (TokKind::Symbol, i + len)
            };
            let glued = toks.last().is_some_and(|t: &Tok| t.span.end == span.start + i);
            toks.push(Tok {
                span: Span::new(span.start + i, span.start + end),
                kind,
                capital: c.is_uppercase(),
                glued,
                word: if kind == TokKind::Digits {
                    0
                } else {
                    token_words().index(s[i..end].to_ascii_lowercase().as_bytes())
                },
            });
            i = end;
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 5_000, ..Default::default() })]
        #[test]
        fn cuts_the_tokens_that_decoding_every_character_cuts(
            text in r"[ a-zA-Z0-9\t\n\x0B\x0C\r\x1C\x00,.'’\-$%½€éÉßŒ東京😀🚀\u{2028}\u{A0}\u{3000}Ⓐ٣“”]{0,40}",
            lead in 0usize..3,
        ) {
            let text = format!("{}{text}", "é".repeat(lead));
            let span = Span::new(2 * lead, text.len());
            let (mut fast, mut decoding) = (Vec::new(), Vec::new());
            push_tokens(&text, &text.to_ascii_lowercase(), span, &mut fast);
            push_tokens_decoding(&text, span, &mut decoding);
            proptest::prop_assert_eq!(fast, decoding);
        }
    }

    #[test]
    fn gives_each_token_bytes_as_its_text_and_nothing_past_the_end() {
        let t = "“Zürich’s” 😀 東京 5½ km";
        let toks = Tokens::new(t, Span::new(0, t.len()));
        for i in 0..=toks.len() {
            assert_eq!(toks.bytes(i), toks.str(i).as_bytes());
        }
        assert!(toks.bytes(toks.len()).is_empty());
    }

    #[test]
    fn tokenizes_a_later_span_as_the_stage_does_with_the_whole_text_lower_cased() {
        let t = "ÉTÉ 😀 first sentence. In May the Second Quarter fell 5 PERCENT.";
        let span = Span::new(t.find("In").unwrap(), t.len());
        let mut staged = Vec::new();
        push_tokens(t, &t.to_ascii_lowercase(), span, &mut staged);
        assert_eq!(Tokens::new(t, span).toks, staged);
        assert!(staged.iter().any(|tok| tok.word != 0), "the words are looked up");
    }

    #[test]
    fn gives_absolute_byte_spans_after_multibyte_text() {
        let t = "😀 «über» 5 km";
        let toks = Tokens::new(t, Span::new(0, t.len()));
        let five = (0..toks.len()).find(|&i| toks.str(i) == "5").unwrap();
        assert_eq!(toks.toks[five].span.text(t), "5");
        assert!(!toks.joined(five) && toks.str(five + 1) == "km");
    }
}
