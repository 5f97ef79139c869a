//! Splits a sentence into words, digit runs and single punctuation marks, with byte offsets.
//!
//! "7th" is two tokens ("7", "th") and "3pm" too ("3", "pm"); `glued` says a token touches the
//! one before it, which is what separates "5/12" (a date) from "5 / 12".

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

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Tokens of `s`; the text of each is `&lower[start..end]` where `lower` is `s` ASCII-lower-cased.
pub fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut iter = s.char_indices().peekable();
    let mut glued = false;
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = iter.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                iter.next();
            }
            (TokKind::Digits, end)
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                // Apostrophes inside a word ("o'clock", "year's") belong to it.
                let inner_apostrophe =
                    (d == '\'' || d == '’') && s[j + d.len_utf8()..].chars().next().is_some_and(is_word_char);
                if !is_word_char(d) && !inner_apostrophe {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            (TokKind::Word, end)
        } else {
            (TokKind::Punct, i + c.len_utf8())
        };
        out.push(Tok { kind, start: i, end, glued, capital: c.is_uppercase() });
        glued = true;
    }
    out
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
    fn records_glue_and_capitals() {
        let toks = tokenize("May 5/12");
        assert!(toks[0].capital && !toks[1].capital);
        assert!(!toks[1].glued && toks[2].glued && toks[3].glued);
    }
}
