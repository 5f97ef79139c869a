//! Quotation regions: the passages between quotation marks.
//!
//! Straight quotes toggle; curly quotes say which side they are on. A quote left open at the end
//! of a paragraph continues when the next paragraph opens with a quotation mark (the newspaper
//! convention for quotes that run over several paragraphs); otherwise it ends with the paragraph.

use crate::span::NextOfFour;
use crate::Span;

/// One quoted passage inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRegion {
    /// The words inside the marks (marks excluded), trimmed.
    pub span: Span,
    /// The passage with its marks (a closing mark may be missing when the quote runs on).
    pub outer: Span,
    /// Pieces of one quote that runs over several paragraphs share a group number.
    pub group: usize,
}

pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«')
}

pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '”' | '»')
}

pub fn find(text: &str, paragraphs: &[Span]) -> Vec<QuoteRegion> {
    let mut out = Vec::new();
    let mut group = 0;
    // The group of a quote left open by the previous paragraph.
    let mut running: Option<usize> = None;
    for &para in paragraphs {
        let p = para.text(text);
        let first_is_quote = !p.is_empty() && is_opening_quote(mark_at(p, 0).0);
        if !first_is_quote {
            running = None;
        }
        // (offset of the opening mark, group)
        let mut open: Option<(usize, usize)> = None;
        // Curly quotes opened inside an open straight quote ("… “Equal Justice” …").
        let mut nested = 0;
        // Only a quotation mark changes anything: straight to the next byte one may start with:
        // `"`, `'` (of ''), or the lead byte of “ ” „ (U+201C–201E) and « » (U+00AB, U+00BB).
        // Lead and ASCII bytes are always char boundaries.
        let mut marks = NextOfFour::new(p.as_bytes(), [b'"', b'\'', 0xE2], 0xC2);
        let mut i = 0;
        while i < p.len() {
            match marks.from(i) {
                Some(at) => i = at,
                None => break,
            }
            let (c, len) = mark_at(p, i);
            let abs = para.start + i;
            match open {
                None if is_opening_quote(c) && opens_here(p, i, len, c) => {
                    let g = match running.take() {
                        Some(g) if i == 0 => g,
                        _ => {
                            group += 1;
                            group - 1
                        }
                    };
                    open = Some((abs, g));
                    nested = 0;
                }
                Some((o, _)) if opener(text, o) == '"' && c == '“' => nested += 1,
                Some((o, _)) if opener(text, o) == '"' && c == '”' && nested > 0 => nested -= 1,
                Some((o, g)) if is_closing_quote(c) && (c != '"' || closes_here(p, i)) && closes(text, o, c) => {
                    push(&mut out, text, o, abs + len, g, true);
                    open = None;
                }
                _ => {}
            }
            i += len;
        }
        running = None;
        if let Some((o, g)) = open {
            push(&mut out, text, o, para.end, g, false);
            running = Some(g);
        }
    }
    out
}

/// The quotation mark at byte `i` of `p` and its length; two apostrophes ('') are a straight double
/// quote, as some newspapers print it. Any other character comes back as itself.
fn mark_at(p: &str, i: usize) -> (char, usize) {
    if p[i..].starts_with("''") {
        return ('"', 2);
    }
    let c = p[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The mark that opened the passage at byte `open`.
fn opener(text: &str, open: usize) -> char {
    mark_at(text, open).0
}

/// Whether mark `c` closes the passage opened at byte `open`: guillemets pair with guillemets; a
/// curly opening quote is not closed by a straight one (that one is nested inside it).
fn closes(text: &str, open: usize, c: char) -> bool {
    match opener(text, open) {
        '«' => c == '»',
        '“' => c == '”',
        _ => c != '»',
    }
}

/// A straight quote opens a passage at the start of a word, not inside one (`5"` inches).
fn opens_here(p: &str, i: usize, len: usize, c: char) -> bool {
    if c != '"' {
        return true;
    }
    let before = p[..i].chars().next_back();
    let after = p[i + len..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':' | ','))
        && after.is_some_and(|a| !a.is_whitespace())
}

fn closes_here(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    before.is_some_and(|b| !b.is_whitespace())
}

fn push(out: &mut Vec<QuoteRegion>, text: &str, open: usize, end: usize, group: usize, closed: bool) {
    let mark_len = mark_at(text, open).1;
    let closing_len =
        if text[..end].ends_with("''") { 2 } else { text[..end].chars().next_back().map_or(1, char::len_utf8) };
    let inner_end = if closed { end - closing_len } else { end };
    let span = Span::new(open + mark_len, inner_end.max(open + mark_len)).trim(text);
    out.push(QuoteRegion { span, outer: Span::new(open, end), group });
}

#[cfg(test)]
mod tests {

    use crate::segment::segment;

    fn quotes(t: &str) -> Vec<(&str, usize)> {
        segment(t).quotes.iter().map(|q| (q.span.text(t), q.group)).collect()
    }

    #[test]
    fn finds_straight_and_curly_quotes() {
        assert_eq!(quotes("\"Go now,\" he said. She said “never” twice."), [("Go now,", 0), ("never", 1)]);
    }

    #[test]
    fn continues_a_quote_over_paragraphs() {
        let t = "\"We came first.\n\n\"Then we left,\" he said.\n\nNo quote here.";
        assert_eq!(quotes(t), [("We came first.", 0), ("Then we left,", 0)]);
    }

    #[test]
    fn ends_an_unclosed_quote_at_paragraph_end_when_nothing_continues_it() {
        let t = "He said \"we came\n\nNothing \"more\" here.";
        assert_eq!(quotes(t), [("we came", 0), ("more", 1)]);
    }

    #[test]
    fn keeps_a_curly_quote_nested_in_a_straight_one_inside_it() {
        let t = "He said: \"It isn’t about “Equal Justice” anymore.\" Then left.";
        assert_eq!(quotes(t), [("It isn’t about “Equal Justice” anymore.", 0)]);
    }

    #[test]
    fn reads_two_apostrophes_as_a_double_quote() {
        let t = "''We’re done,'' she said of the 🙂 deal.";
        assert_eq!(quotes(t), [("We’re done,", 0)]);
    }

    #[test]
    fn ignores_inch_marks() {
        assert_eq!(quotes("A 5\" pipe and a 6\" one."), Vec::<(&str, usize)>::new());
    }

    #[test]
    fn finds_guillemets_and_low_quotes_among_multibyte_text() {
        let t = "Le 🇫🇷 président a dit «東京 ça va» puis “fin” et ’tis „so”.";
        assert_eq!(quotes(t), [("東京 ça va", 0), ("fin", 1), ("so", 2)]);
    }
}
