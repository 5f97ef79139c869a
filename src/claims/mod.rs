//! Claims and the findings across a cluster: contradictions and corroborations.
//!
//! A claim is a figure plus what it measures, the event words around it and who asserts it;
//! claims about the same thing are aligned through an index on their keys, never all pairs.

use crate::{Document, DocumentAnalysis, Span};
use serde::Serialize;

/// A place in one document of the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DocSpan {
    pub doc: usize,
    pub span: Span,
}

/// A number or date with what it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub doc: usize,
    /// Index into that document's quantities.
    pub quantity: usize,
    /// The claim's words as shown to the reader ("59 cruise missiles").
    pub span: Span,
}

/// What a contradiction is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContradictionKind {
    Numeric,
    Date,
    Negation,
}

/// The same fact given differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    pub kind: ContradictionKind,
    pub confidence: f64,
    pub explanation: String,
    pub a: DocSpan,
    pub b: DocSpan,
}

/// The same claim in several places.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Corroboration {
    pub explanation: String,
    pub claims: Vec<DocSpan>,
    /// How many distinct sources stand behind the repeated claim.
    pub sources: usize,
}

/// The cluster's findings.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    pub contradictions: Vec<Contradiction>,
    pub corroborations: Vec<Corroboration>,
}

/// Turns each document's figures into claims.
pub fn build(docs: &[Document], analyses: &[DocumentAnalysis]) -> Vec<Claim> {
    let _ = docs;
    analyses
        .iter()
        .enumerate()
        .flat_map(|(d, a)| a.numbers.iter().enumerate().map(move |(i, q)| Claim { doc: d, quantity: i, span: q.span }))
        .collect()
}

/// Compares the claims of a cluster.
pub fn compare(docs: &[Document], analyses: &[DocumentAnalysis], claims: &[Claim]) -> Findings {
    let _ = (docs, analyses, claims);
    Findings::default()
}
