//! Numbers: every figure in a document, typed and normalised.
//!
//! Reads the content sentences of [`crate::segment::Segments`] and returns [`Quantity`] values in
//! text order, each with its kind, value, bound, unit and what it counts.

mod counted;
pub mod dates;
mod lexicon;
mod money;
mod not_quantities;
mod numerals;
mod scan;
mod token_words;
pub(crate) mod tokens;
mod units;
mod words;

use crate::segment::Segments;
use crate::{Options, Span};
use serde::Serialize;

/// What sort of figure a quantity is. The names are the output contract's `kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    Measure,
    Duration,
    Date,
    Time,
    Range,
    Vague,
    /// "five years old", "28-year-old": value and unit as for a duration.
    Age,
    /// "last", "next", "previous", "penultimate": the value says from where ("end-1", "current+1").
    RelativeOrdinal,
}

/// A quantity's value: a number, or for dates and times an ISO-8601-like string.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            Value::Text(_) => None,
        }
    }
}

/// How the text qualifies the figure: "at least one" and "four" can both be true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    #[default]
    Exact,
    /// "about", "nearly", "some", "roughly"
    About,
    /// "at least", "no fewer than"
    AtLeast,
    /// "more than", "over"
    MoreThan,
    /// "up to", "at most"
    AtMost,
    /// "less than", "fewer than", "under"
    LessThan,
}

/// One figure found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The words of the figure, with its unit and qualifier ("at least one tank" → "at least one").
    pub span: Span,
    pub kind: Kind,
    pub value: Option<Value>,
    /// The upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical unit symbol (`km`, `mi`, `USD`, `%`, `month`), if any.
    pub unit: Option<&'static str>,
    /// The noun phrase counted or measured ("cruise missiles").
    pub counted: Option<Span>,
    pub bound: Bound,
    /// The value in the canonical SI unit of its dimension (km → m, mi → m), for comparison.
    pub si_value: Option<f64>,
    /// Index (in this document's quantities) of the figure this one restates: "27km (17 miles)".
    pub restates: Option<usize>,
    /// Index of the sentence that holds it.
    pub sentence: usize,
}

impl Quantity {
    pub fn number(&self) -> Option<f64> {
        self.value.as_ref().and_then(Value::as_number)
    }
}

/// Finds the figures in `text`.
pub fn extract(text: &str, segments: &Segments, options: &Options) -> Vec<Quantity> {
    extract_lowered(text, &text.to_ascii_lowercase(), segments, options)
}

/// [`extract`], with `text` already lower-cased by `str::to_ascii_lowercase` (one copy serves
/// every stage that reads words in lower case: [`crate::analyze`]).
pub fn extract_lowered(text: &str, lower: &str, segments: &Segments, options: &Options) -> Vec<Quantity> {
    debug_assert_eq!(text.len(), lower.len(), "a lower-cased copy of another text");
    // Dates first: "April 7, 2017" is one date, not two cardinals.
    let mut scratch = dates::Scratch::new(lower);
    assemble(text, lower, segments, |tokens, sentence, si| {
        dates::find_in_tokens(sentence, &tokens.toks, si, options, &mut scratch)
    })
}

/// The numbers of every content sentence, after the dates `dates_of` finds in it. Each sentence
/// is tokenised once, for both (the dates grammar reads the same tokens).
fn assemble(
    text: &str,
    lower: &str,
    segments: &Segments,
    mut dates_of: impl FnMut(&tokens::Tokens, Span, usize) -> Vec<Quantity>,
) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut restated: Vec<(Span, Span)> = Vec::new();
    // One token list for the document, refilled for each sentence.
    let mut tokens = tokens::Tokens { text, toks: Vec::new() };
    for (si, sentence) in segments.content_sentences() {
        tokens.toks.clear();
        tokens::push_tokens(text, lower, sentence.span, &mut tokens.toks);
        let dates = dates_of(&tokens, sentence.span, si);
        let taken: Vec<Span> = dates.iter().map(|d| d.span).collect();
        for found in scan::scan(&tokens, sentence.span, si, &taken) {
            if let Some(r) = found.restates {
                restated.push((found.quantity.span, r));
            }
            out.push(found.quantity);
        }
        out.extend(dates);
    }
    crate::sort::by_key(&mut out, |q| (q.span.start, q.span.end));
    // Restatements point at their quantity by index, known only once all are in order.
    for (span, target) in restated {
        let index = |s: Span| out.binary_search_by_key(&(s.start, s.end), |q| (q.span.start, q.span.end)).ok();
        if let (Some(i), Some(j)) = (index(span), index(target)) {
            out[i].restates = Some(j);
        }
    }
    out
}

#[cfg(test)]
mod tests;
