//! Attributions: who said what, how, and whether the source is named.
//!
//! The text is tokenised once per document. Direct quotations are found first (a quoted passage
//! with its speaker next to it), then indirect speech sentence by sentence (a reporting verb with
//! its source phrase and reported clause, "according to X"). Each token has at most one role, as
//! in PolNeAR: a cue inside a reported clause is part of that clause, not a second attribution.
//! Sources are then described (kind, named or not) and resolved ("he" → the last named person),
//! and grants of anonymity are linked to the sources they cover.

mod anonymity;
mod found;
mod indirect;
mod lexicon;
mod phrase;
mod quotes;
mod speakers;
mod summary;
mod tokens;

pub use summary::{summarize, SourceSummary};

use crate::segment::Segments;
use crate::Span;
use serde::Serialize;

/// What sort of source stands behind a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person: "Jim Mattis".
    Person,
    /// An unnamed individual: "a DoD official", "a military source".
    UnnamedOfficial,
    /// An organisation or government: "the coalition", "the Pentagon".
    Organisation,
    /// A news outlet or agency: "Reuters", "SANA".
    Media,
    /// A document or statement: "the statement", "a report".
    Document,
    /// A vague source: "reports", "activists", "local media".
    Vague,
    /// No source in the text.
    Unknown,
}

/// One reported statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The words that name the source ("US Defence Secretary Jim Mattis", "he"); `None` if absent.
    pub source: Option<Span>,
    /// Who the source is, resolved ("he" → "Gennady Gatilov").
    pub speaker: Option<String>,
    /// The reporting words ("said", "according to", "told").
    pub cue: Span,
    /// What was said.
    pub content: Span,
    /// Quoted word for word.
    pub direct: bool,
    /// An unnamed individual.
    pub anonymous: bool,
    pub source_kind: SourceKind,
    /// Where it was said, kept apart from the source ("told **Reuters**").
    pub medium: Option<Span>,
    /// Index of the sentence that holds the cue.
    pub sentence: usize,
    /// The words that grant the source anonymity ("spoke on condition of anonymity").
    pub anonymity: Option<Span>,
}

/// Finds the attributions in `text`, in text order.
pub fn extract(text: &str, segments: &Segments) -> Vec<Attribution> {
    let mut toks = Vec::new();
    let mut paragraphs = Vec::with_capacity(segments.paragraphs.len());
    for &p in &segments.paragraphs {
        let start = toks.len();
        toks.extend(tokens::tokenize(text, p, &segments.quotes));
        paragraphs.push((start, toks.len()));
    }
    let tok_sentence: Vec<usize> =
        toks.iter().map(|t| segments.sentence_at(t.span.start).unwrap_or(usize::MAX)).collect();
    // Tokens of boilerplate lines (or outside any sentence) are not read.
    let skipped: Vec<bool> =
        tok_sentence.iter().map(|&s| segments.sentences.get(s).is_none_or(|s| s.boilerplate)).collect();
    let mut doc = indirect::Doc {
        text,
        lower: text.to_ascii_lowercase(),
        segments,
        toks,
        tok_sentence,
        quote_used: vec![false; segments.quotes.len()],
    };
    let boilerplate = |t: usize| skipped[t];
    let mut found = Vec::new();
    for &(pa, pb) in &paragraphs {
        if pa == pb || (pa..pb).all(boilerplate) {
            continue;
        }
        quotes::find(&mut doc, pa, pb, &mut found);
        let mut sa = pa;
        while sa < pb {
            let sb = doc.sentence_end_token(sa, pb).max(sa + 1);
            if !boilerplate(sa) {
                indirect::find(&doc, sa, sb, &mut found);
            }
            sa = sb;
        }
    }
    let found = in_text_order(found);
    let words = doc.words();
    let resolved = speakers::resolve(&words, &found);
    let mut out: Vec<Attribution> = found
        .iter()
        .zip(resolved)
        .map(|(f, r)| Attribution {
            source: f.source.map(|(a, b)| words.span(a, b)),
            speaker: r.speaker,
            cue: words.span(f.cue.0, f.cue.1),
            content: f.content,
            direct: f.direct,
            anonymous: r.anonymous,
            source_kind: r.kind,
            medium: f.medium.map(|(a, b)| words.span(a, b)),
            sentence: doc.tok_sentence[f.cue.0],
            anonymity: None,
        })
        .collect();
    anonymity::link(text, segments, &mut out);
    out
}

/// Sorts by cue position, keeping the links between attributions that share a source.
fn in_text_order(found: Vec<found::Found>) -> Vec<found::Found> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].cue.0);
    let mut new_index = vec![0; found.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&i| {
            let mut f = found[i].clone();
            f.shares_source_of = f.shares_source_of.map(|s| new_index[s]);
            if f.shares_source_of.is_some_and(|s| s >= new_index[i]) {
                f.shares_source_of = None;
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// (source, speaker, cue, content) of each attribution of `t`.
    fn found(t: &str) -> Vec<(String, String, String, String)> {
        extract(t, &segment(t))
            .iter()
            .map(|a| {
                (
                    a.source.map_or(String::new(), |s| s.text(t).to_string()),
                    a.speaker.clone().unwrap_or_default(),
                    a.cue.text(t).to_string(),
                    a.content.text(t).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_indirect_speech_after_a_definite_source() {
        let t = "The official said the strikes were bad.";
        assert_eq!(
            found(t),
            [("The official".into(), "official".into(), "said".into(), "the strikes were bad".into())]
        );
    }
}
