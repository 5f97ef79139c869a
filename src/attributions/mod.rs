//! Attributions: who said what, how, and whether the source is named.

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
}

/// Finds the attributions in `text`.
pub fn extract(text: &str, segments: &Segments) -> Vec<Attribution> {
    let _ = (text, segments);
    Vec::new()
}
