//! The grammar's tokens are the numbers stage's ([`crate::numbers::tokens`]): words, digit runs and
//! single marks with byte spans, `glued` when no white space comes before one, `capital` when it
//! begins with an upper-case letter. "7th" is two tokens ("7", "th") and "3pm" too ("3", "pm");
//! `glued` separates "5/12" (a date) from "5 / 12". The grammar reads them as the numbers stage
//! made them, with no copy per sentence.

pub use crate::numbers::tokens::{Tok, TokKind};
#[cfg(test)]
use crate::Span;

/// Tokens of the whole of `s` (spans from its start), for the tests.
#[cfg(test)]
pub fn tokenize(s: &str) -> Vec<Tok> {
    crate::numbers::tokens::Tokens::new(s, Span::new(0, s.len())).toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.span.text(s)).collect()
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
        assert!(toks.iter().all(|t| s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end)));
    }

    #[test]
    fn records_glue_and_capitals() {
        let toks = tokenize("May 5/12");
        assert!(toks[0].capital && !toks[1].capital);
        assert!(!toks[0].glued && !toks[1].glued && toks[2].glued && toks[3].glued);
    }

    #[test]
    fn glues_a_sentence_first_token_to_nothing_before_it() {
        // The sentence's first token touches the text before the sentence, not a token of it.
        let text = "Lead.On 7/5 “Q1”😀 2017";
        let sentence = Span::new(text.find("On").unwrap(), text.len());
        let toks = crate::numbers::tokens::Tokens::new(text, sentence).toks;
        let glued: Vec<(&str, bool)> = toks.iter().map(|t| (t.span.text(text), t.glued)).collect();
        assert_eq!(
            glued,
            [
                ("On", false),
                ("7", false),
                ("/", true),
                ("5", true),
                ("“", false),
                ("Q", true),
                ("1", true),
                ("”", true),
                ("😀", true),
                ("2017", false)
            ]
        );
    }
}
