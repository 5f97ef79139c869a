//! Quotation regions: the passages between quotation marks.
//!
//! Straight quotes toggle; curly quotes say which side they are on. A quote left open at the end
//! of a paragraph continues when the next paragraph opens with a quotation mark (the newspaper
//! convention for quotes that run over several paragraphs); otherwise it ends with the paragraph.

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
        let first_is_quote = p.chars().next().is_some_and(is_opening_quote);
        if !first_is_quote {
            running = None;
        }
        let mut open: Option<(usize, usize)> = None; // (offset of mark, group)
                                                     // Curly quotes opened inside an open straight quote ("… “Equal Justice” …").
        let mut nested = 0;
        for (i, c) in p.char_indices() {
            let abs = para.start + i;
            match open {
                None if is_opening_quote(c) && opens_here(p, i, c) => {
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
                Some((o, _)) if text[o..].starts_with('"') && c == '“' => nested += 1,
                Some((o, _)) if text[o..].starts_with('"') && c == '”' && nested > 0 => nested -= 1,
                Some((o, g)) if is_closing_quote(c) && (c != '"' || closes_here(p, i)) && closes(text, o, c) => {
                    push(&mut out, text, o, abs + c.len_utf8(), g, true);
                    open = None;
                }
                _ => {}
            }
        }
        running = None;
        if let Some((o, g)) = open {
            push(&mut out, text, o, para.end, g, false);
            running = Some(g);
        }
    }
    out
}

/// Whether mark `c` closes the passage opened at byte `open`: guillemets pair with guillemets; a
/// curly opening quote is not closed by a straight one (that one is nested inside it).
fn closes(text: &str, open: usize, c: char) -> bool {
    match text[open..].chars().next() {
        Some('«') => c == '»',
        Some('“') => c == '”',
        _ => c != '»',
    }
}

/// A straight quote opens a passage at the start of a word, not inside one (`5"` inches).
fn opens_here(p: &str, i: usize, c: char) -> bool {
    if c != '"' {
        return true;
    }
    let before = p[..i].chars().next_back();
    let after = p[i + 1..].chars().next();
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | ':' | ','))
        && after.is_some_and(|a| !a.is_whitespace())
}

fn closes_here(p: &str, i: usize) -> bool {
    let before = p[..i].chars().next_back();
    before.is_some_and(|b| !b.is_whitespace())
}

fn push(out: &mut Vec<QuoteRegion>, text: &str, open: usize, end: usize, group: usize, closed: bool) {
    let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let inner_end = if closed { end - text[..end].chars().next_back().map_or(1, char::len_utf8) } else { end };
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
    fn ignores_inch_marks() {
        assert_eq!(quotes("A 5\" pipe and a 6\" one."), Vec::<(&str, usize)>::new());
    }
}
