//! Segmenting: paragraphs, sentences, quotation regions and boilerplate lines, as byte spans.
//!
//! Nothing here allocates substrings; every later stage reads the text through these spans.
//! Boilerplate ("Latest News", "More news: …", a lone byline "• Name") is recognised and its
//! sentences are flagged so the analysis stages skip them.

mod boilerplate;
mod quotes;
mod sentences;

use crate::Span;

pub use quotes::{is_closing_quote, is_opening_quote, QuoteRegion};

/// One sentence, inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segments::paragraphs`].
    pub paragraph: usize,
    /// A boilerplate line: not analysed.
    pub boilerplate: bool,
}

/// The segments of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    /// Paragraph spans, trimmed, in order. A paragraph is a run of non-blank lines.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, trimmed, in order; every sentence lies inside its paragraph.
    pub sentences: Vec<Sentence>,
    /// Quoted passages, in order. A quote may run over several paragraphs.
    pub quotes: Vec<QuoteRegion>,
}

impl Segments {
    /// The sentences that the analysis stages should read (boilerplate left out).
    pub fn content_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences.iter().enumerate().filter(|(_, s)| !s.boilerplate)
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Whether byte `offset` lies inside a quoted passage.
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.span.end <= offset);
        i < self.quotes.len() && self.quotes[i].span.start <= offset
    }
}

/// Splits a document into paragraphs, sentences and quotation regions.
pub fn segment(text: &str) -> Segments {
    let paragraphs = paragraphs(text);
    // News paragraphs hold one to three sentences: room for two each saves most regrowth.
    let mut sentences = Vec::with_capacity(2 * paragraphs.len());
    for (p, &para) in paragraphs.iter().enumerate() {
        let boiler = boilerplate::is_boilerplate(para.text(text));
        sentences::each(text, para, |span| sentences.push(Sentence { span, paragraph: p, boilerplate: boiler }));
    }
    let quotes = quotes::find(text, &paragraphs);
    Segments { paragraphs, sentences, quotes }
}

/// Paragraphs are separated by blank lines; a single line break also ends one, since pasted
/// news text usually puts one paragraph on each line.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // A line break is "\n" or U+2029 (E2 80 A9): only those bytes are looked at.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(skip) = memchr::memchr2(b'\n', 0xE2, &bytes[i..]) {
        i += skip;
        let len = if bytes[i] == b'\n' {
            1
        } else if text[i..].starts_with('\u{2029}') {
            3
        } else {
            0
        };
        if len > 0 {
            push_trimmed(&mut out, text, Span::new(start, i));
            start = i + len;
        }
        i += len.max(1);
    }
    push_trimmed(&mut out, text, Span::new(start, text.len()));
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, span: Span) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: impl Iterator<Item = Span>) -> Vec<&str> {
        spans.map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_paragraphs_on_line_breaks_and_blank_lines() {
        let t = "First one.\r\n\r\n  Second one.\nThird.\n\n\n";
        assert_eq!(texts(t, segment(t).paragraphs.into_iter()), ["First one.", "Second one.", "Third."]);
    }

    #[test]
    fn splits_paragraphs_on_the_paragraph_separator_but_not_on_dashes_or_curly_quotes() {
        // "—", "“" and "…" begin with the same byte as U+2029.
        let t = "Café — “ok”…\u{2029}😀 東京 – fine\nLast";
        assert_eq!(texts(t, segment(t).paragraphs.into_iter()), ["Café — “ok”…", "😀 東京 – fine", "Last"]);
    }

    #[test]
    fn flags_boilerplate_lines_and_keeps_them_out_of_content() {
        let t = "The strike hit a convoy.\n\nLatest News\n\n• Tom Perry\n\nMore news: Markets fall";
        let seg = segment(t);
        let content: Vec<_> = seg.content_sentences().map(|(_, s)| s.span.text(t)).collect();
        assert_eq!(content, ["The strike hit a convoy."]);
    }

    #[test]
    fn finds_sentence_and_quote_at_offset() {
        let t = "He said \"yes, twice\". Then left.";
        let seg = segment(t);
        assert_eq!(seg.sentences.len(), 2);
        assert_eq!(seg.sentence_at(t.find("left").unwrap()), Some(1));
        assert!(seg.in_quote(t.find("twice").unwrap()));
        assert!(!seg.in_quote(t.find("left").unwrap()));
    }
}
