//! Sentence boundaries inside one paragraph.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by white
//! space and something that can start a sentence, unless the word before the full stop is a known
//! abbreviation ("Mr.", "U.S.", "Sept.") or an initial ("J. Smith").

use crate::span::{char_at, NextOfFour, WordTable};
use crate::Span;
use std::sync::OnceLock;

/// The abbreviations, as the list writes them (they are compared ignoring ASCII case, with no
/// lower-case copy of the word).
fn abbreviations() -> &'static WordTable<()> {
    // `build.rs` lists them (each once, ignoring ASCII case); bucketed by shape when first used.
    static ABBREVIATIONS: crate::word_map::WordList<()> =
        include!(concat!(env!("OUT_DIR"), "/segment_abbreviations.rs"));
    static TABLE: OnceLock<WordTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| WordTable::new(ABBREVIATIONS.iter().map(|(a, _)| (a, ()))))
}

fn is_abbreviation(word: &str) -> bool {
    // Single capital letters are initials; dotted acronyms such as "U.S" end in one too.
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    abbreviations().get_ignore_ascii_case(word).is_some()
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn can_start_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '[' | '•' | '-' | '—')
}

/// Splits the paragraph `para` of `text` into trimmed sentence spans.
#[cfg(test)]
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    each(text, para, |s| out.push(s));
    out
}

/// [`split`], giving each sentence span to `emit` in order (no list per paragraph).
pub fn each(text: &str, para: Span, mut emit: impl FnMut(Span)) {
    let p = para.text(text);
    let bytes = p.as_bytes();
    let mut start = 0;
    // Byte offsets; only the few bytes that may end a sentence are decoded.
    let mut i = 0;
    // Straight to the next byte an end mark may start with: `.`, `!`, `?`, or the lead byte of `…`.
    let mut marks = NextOfFour::new(bytes, [b'.', b'!', b'?'], 0xE2);
    while i < bytes.len() {
        match marks.from(i) {
            Some(at) => i = at,
            None => break,
        }
        let (c, len) = char_at(p, i);
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + len;
            while j < bytes.len() {
                let (d, dlen) = char_at(p, j);
                if !(is_closer(d) || matches!(d, '.' | '!' | '?')) {
                    break;
                }
                j += dlen;
            }
            let end = j;
            let followed_by_space = j < bytes.len() && char_at(p, j).0.is_whitespace();
            let mut k = j;
            while k < bytes.len() {
                let (d, dlen) = char_at(p, k);
                if !d.is_whitespace() {
                    break;
                }
                k += dlen;
            }
            let next_starts = k < bytes.len() && can_start_sentence(char_at(p, k).0);
            if followed_by_space && next_starts && !(c == '.' && ends_with_abbreviation(&p[start..i])) {
                push(&mut emit, text, Span::new(para.start + start, para.start + end));
                start = k;
                i = k;
                continue;
            }
        }
        i += len;
    }
    push(&mut emit, text, Span::new(para.start + start, para.end));
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    !word.is_empty() && is_abbreviation(word)
}

/// The longest sentence kept whole, in bytes. Longer ones are run-ons without a full stop (tables,
/// lists, code, a pasted line without spaces): they are cut into pieces of at most this size, so that
/// every step that reads a sentence around each figure stays bounded (issue 8: a 1 MB line). News
/// sentences are far shorter: none of the evaluation corpora has one near this size.
const MAX_SENTENCE_BYTES: usize = 4096;

fn push(emit: &mut impl FnMut(Span), text: &str, span: Span) {
    let mut t = span.trim(text);
    while t.len() > MAX_SENTENCE_BYTES {
        let cut = cut_point(t.text(text));
        let head = Span::new(t.start, t.start + cut).trim(text);
        if !head.is_empty() {
            emit(head);
        }
        t = Span::new(t.start + cut, t.end).trim(text);
    }
    if !t.is_empty() {
        emit(t);
    }
}

/// Where to cut an over-long sentence `s`: at the last white space of its first
/// [`MAX_SENTENCE_BYTES`], else after the last mark that is neither letter nor digit (so that
/// words and numbers stay whole), else at the limit; never in the first half, so that pieces
/// stay large.
fn cut_point(s: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES.min(s.len());
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    let half = limit / 2;
    let window = s[..limit].char_indices().rev().take_while(|&(i, _)| i >= half);
    let mut mark = None;
    for (i, c) in window {
        if c.is_whitespace() {
            return i;
        }
        if mark.is_none() && !c.is_alphanumeric() {
            mark = Some(i + c.len_utf8());
        }
    }
    mark.unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_a_run_on_line_without_spaces_into_bounded_pieces_on_char_boundaries() {
        // No white space and no full stop: 12,000 bytes of digits, commas, accents, emoji and CJK.
        let line = "1,234é👍🏽東京”".repeat(500);
        let spans = split(&line, Span::new(0, line.len()));
        assert!(spans.len() >= 3);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(spans.iter().all(|s| line.is_char_boundary(s.start) && line.is_char_boundary(s.end)));
        // Nothing is lost: the pieces follow one another.
        assert_eq!(spans[0].start, 0);
        assert_eq!(spans.last().unwrap().end, line.len());
        assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
        // Cut after a mark, not inside a number or word.
        assert!(spans.iter().all(|s| line[..s.end].ends_with(['”', ',', '👍', '🏽']) || s.end == line.len()));
    }

    #[test]
    fn cuts_a_long_run_on_sentence_at_white_space() {
        let text = "one two, three ".repeat(600);
        let spans = split(&text, Span::new(0, text.len()));
        assert!(spans.len() >= 2 && spans.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(spans.iter().all(|s| s.text(&text).starts_with("one") && s.text(&text).ends_with(['o', 'e', ','])));
    }

    #[test]
    fn keeps_a_long_but_ordinary_sentence_whole() {
        let text = format!("{}.", "The council voted 12 to 3 on the plan, ".repeat(40).trim_end());
        assert!(text.len() < MAX_SENTENCE_BYTES);
        assert_eq!(split(&text, Span::new(0, text.len())).len(), 1);
    }

    fn sentences(t: &str) -> Vec<&str> {
        split(t, Span::new(0, t.len())).into_iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(sentences("One. Two! Three? Four"), ["One.", "Two!", "Three?", "Four"]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals_inside() {
        assert_eq!(
            sentences("Mr. Smith met Gen. J. R. Allen in the U.S. on Sept. 5. Prices rose 2.5 percent."),
            ["Mr. Smith met Gen. J. R. Allen in the U.S. on Sept. 5.", "Prices rose 2.5 percent."]
        );
    }

    #[test]
    fn ends_after_closing_quote() {
        assert_eq!(
            sentences("\"We will act.\" He left. “Never!” she said."),
            ["\"We will act.\"", "He left.", "“Never!” she said."]
        );
    }

    #[test]
    fn does_not_split_before_lowercase() {
        assert_eq!(sentences("It was 5 p.m. when they left."), ["It was 5 p.m. when they left."]);
    }

    #[test]
    fn handles_multibyte_text() {
        assert_eq!(
            sentences("Café crème coûte 3 €. 東京 est loin. 🚀 Départ!"),
            ["Café crème coûte 3 €.", "東京 est loin. 🚀 Départ!"]
        );
    }

    #[test]
    fn ends_at_an_ellipsis_and_closing_curly_quotes_after_multibyte_text() {
        assert_eq!(
            sentences("Il a dit « non »… Mr. Ünal left. “Ça va?” Jürgen said 👍."),
            ["Il a dit « non »…", "Mr. Ünal left.", "“Ça va?”", "Jürgen said 👍."]
        );
    }

    #[test]
    fn knows_abbreviations_in_any_ascii_case() {
        assert_eq!(sentences("The SEN. left. Then GOV. Ünal came."), ["The SEN. left.", "Then GOV. Ünal came."]);
    }
}
