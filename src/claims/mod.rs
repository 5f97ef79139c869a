//! Claims and the findings across a cluster: contradictions and corroborations.
//!
//! A claim is a figure or date plus what it measures, the event words around it and who asserts
//! it (`build`); claims about the same thing are aligned through an index on their keys, never
//! all pairs (`align`); aligned claims are checked for numeric, date and negation conflicts
//! (`checks`); repeated claims and repeated words become corroborations (`corroborate`); every
//! finding says in one sentence why (`explain`).

mod align;
mod build;
mod checks;
mod corroborate;
mod explain;
mod lexicon;
mod when;
mod words;

use crate::numbers::Bound;
use crate::{Document, DocumentAnalysis, Span};
use serde::Serialize;
use std::rc::Rc;
use words::{ClusterWords, Lemmas};

pub use when::When;

/// A place in one document of the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DocSpan {
    pub doc: usize,
    pub span: Span,
}

/// Who asserts a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The speaker's name, or the words that name the source ("a defence official").
    pub name: String,
    /// A named person, organisation or outlet (not "an official").
    pub named: bool,
}

/// What a claim measures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct What {
    /// The counted thing, canonical ("cruise missile"), from the lexicon or the head noun.
    pub concept: Option<String>,
    /// Lemmas of the counted phrase ("tomahawk", "missile").
    pub lemmas: Vec<String>,
    /// Capitalised modifiers ("syrian"): "Syrian troops" and "Russian troops" are different things.
    pub proper: Vec<String>,
    pub counted_span: Option<Span>,
    pub unit: Option<&'static str>,
    /// The figure modifies a noun: "a 20-vehicle convoy" (`reference` is "convoy").
    pub compound: bool,
    /// What the figure is measured from or modifies: "27 km from the border" → "border".
    pub reference: Option<String>,
    /// With no counted noun, the nearest content word before the figure ("the ratio is 2").
    pub context: Option<String>,
}

/// What a claim says.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimValue {
    Number {
        low: f64,
        high: f64,
        /// The value in SI units, when the numbers stage converted it.
        si: Option<f64>,
        unit: Option<&'static str>,
        /// The unit of the last written digit: "55.3" → 0.1.
        digit: f64,
        /// The slack of a round figure: "1,000" → 50.
        rounding: f64,
    },
    Date(When),
    /// A denied outcome: "no one was killed".
    None,
    /// One side of opposite outcomes for a subject: "shares rose" (`up`), "shares fell".
    Opposite {
        group: &'static str,
        up: bool,
    },
}

/// A number, date, denied outcome or one of opposite outcomes, with what it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub doc: usize,
    /// Index into that document's quantities (`None` for a denied outcome).
    pub quantity: Option<usize>,
    /// The claim's words as shown to the reader ("59 cruise missiles").
    pub span: Span,
    pub sentence: usize,
    pub what: What,
    pub value: ClaimValue,
    pub bound: Bound,
    /// The outcome verb group near the figure ("killed" → "kill").
    pub outcome: Option<String>,
    /// Lemmas of the words around the claim, weighted by closeness.
    pub event: EventWords,
    pub source: Option<Source>,
    /// Inside quotation marks.
    pub quoted: bool,
    /// A date that dates a statement ("said on Thursday"), not the event.
    pub dates_statement: bool,
}

/// Lemmas of the words around a claim, weighted by closeness: ids in the cluster's lemma table,
/// which every claim of the cluster shares (no string, nor a reference count, per word per claim).
#[derive(Clone, Default)]
pub struct EventWords {
    words: Vec<(u32, f32)>,
    names: Rc<Lemmas>,
}

impl EventWords {
    /// Each word with its weight, in the order of the table's ids.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f32)> + '_ {
        self.words.iter().map(|&(id, weight)| (self.names.word(id), weight))
    }

    /// Each word's id in the lemma table the claims were built with, and its weight.
    pub(crate) fn ids(&self) -> &[(u32, f32)] {
        &self.words
    }
}

impl PartialEq for EventWords {
    fn eq(&self, other: &EventWords) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for EventWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
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

/// Turns each document's figures, dates and denied outcomes into claims.
pub fn build(docs: &[Document], analyses: &[DocumentAnalysis]) -> Vec<Claim> {
    build::build(docs, analyses, &ClusterWords::new(docs, analyses)).claims
}

/// Compares the claims of a cluster, in order of document as [`build`] gives them.
pub fn compare(docs: &[Document], analyses: &[DocumentAnalysis], claims: &[Claim]) -> Findings {
    compare_words(docs, analyses, claims, false, &ClusterWords::new(docs, analyses))
}

/// [`build`] then [`compare`], reading the cluster's words (tokens, lower-case forms) once for both.
pub fn build_and_compare(docs: &[Document], analyses: &[DocumentAnalysis]) -> (Vec<Claim>, Findings) {
    let words = ClusterWords::new(docs, analyses);
    let built = build::build(docs, analyses, &words);
    let findings = compare_words(docs, analyses, &built.claims, true, &words);
    (built.claims, findings)
}

/// Compares the claims; `built_from_words`: the claims were built from `words`, so their event
/// words' ids are the ids of its lemma table (else each word is looked up by its text).
fn compare_words(
    docs: &[Document],
    analyses: &[DocumentAnalysis],
    claims: &[Claim],
    built_from_words: bool,
    words: &ClusterWords,
) -> Findings {
    let alignment = align::align(words, claims, built_from_words);
    let mut findings =
        Findings { contradictions: checks::contradictions(docs, claims, &alignment), ..Findings::default() };
    findings.corroborations = checks::agreements(docs, claims, &alignment);
    findings.corroborations.extend(corroborate::repeated_words(docs, analyses, words));
    findings
}

#[cfg(test)]
mod tests;
