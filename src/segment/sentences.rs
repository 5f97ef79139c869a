//! Sentence boundaries inside one paragraph.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by white
//! space and something that can start a sentence, unless the word before the full stop is a known
//! abbreviation ("Mr.", "U.S.", "Sept.") or an initial ("J. Smith").

use crate::Span;

const ABBREVIATIONS: &str = include_str!("abbreviations.txt");

fn is_abbreviation(word: &str) -> bool {
    // Single capital letters are initials; dotted acronyms such as "U.S" end in one too.
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.lines().any(|a| a.trim().eq_ignore_ascii_case(word))
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
pub fn split(text: &str, para: Span) -> Vec<Span> {
    let p = para.text(text);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && (is_closer(chars[j].1) || matches!(chars[j].1, '.' | '!' | '?')) {
                j += 1;
            }
            let end = chars.get(j).map_or(p.len(), |&(o, _)| o);
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts = k < chars.len() && can_start_sentence(chars[k].1);
            if followed_by_space && next_starts && !(c == '.' && ends_with_abbreviation(&p[start..pos])) {
                push(&mut out, text, Span::new(para.start + start, para.start + end));
                start = chars[k].0;
                i = k;
                continue;
            }
            let _ = pos;
        }
        i += 1;
    }
    push(&mut out, text, Span::new(para.start + start, para.end));
    out
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    !word.is_empty() && is_abbreviation(word)
}

fn push(out: &mut Vec<Span>, text: &str, span: Span) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
