//! Numbers: every figure in a document, typed and normalised.
//!
//! Reads the content sentences of [`crate::segment::Segments`] and returns [`Quantity`] values in
//! text order, each with its kind, value, bound, unit and what it counts.

pub mod dates;
mod words;

use crate::segment::Segments;
use crate::{Options, Span};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// What sort of figure a quantity is. The names are the output contract's `kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
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
    let mut out = Vec::new();
    for (si, sentence) in segments.content_sentences() {
        // Dates first: "April 7, 2017" is one date, not two cardinals.
        let dates = dates::find(text, sentence.span, si, options);
        let mut numbers = Vec::new();
        cardinals(text, sentence.span, si, &mut numbers);
        numbers.retain(|n| !dates.iter().any(|d| d.span.overlaps(n.span)));
        out.extend(dates);
        out.extend(numbers);
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = words::WORD_PATTERN;
        Regex::new(&format!(
            r"(?i)(?:-?\b\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\b|-?\b\d+(?:\.\d+)?\b|-?\.\d+\b|\b(?:{word})(?:[\s-]+(?:and\s+)?(?:{word}))*\b)"
        ))
        .expect("number regex")
    })
}

/// Digits, decimals, thousands separators and number words, as cardinals.
fn cardinals(text: &str, sentence: Span, sentence_index: usize, out: &mut Vec<Quantity>) {
    let s = sentence.text(text);
    for m in number_re().find_iter(s) {
        let Some(value) = parse_cardinal(m.as_str()) else {
            continue;
        };
        let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
        out.push(Quantity {
            span,
            kind: Kind::Cardinal,
            value: Some(Value::Number(value)),
            value_max: None,
            unit: None,
            counted: None,
            bound: Bound::Exact,
            si_value: None,
            restates: None,
            sentence: sentence_index,
        });
    }
}

/// The value of a cardinal written in digits or words ("1,200", ".08", "two hundred and fifty").
pub fn parse_cardinal(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.chars().any(|c| c.is_ascii_digit()) {
        return t.replace(',', "").parse().ok();
    }
    words::parse(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn found(t: &str) -> Vec<(&str, f64)> {
        let seg = segment(t);
        extract(t, &seg, &Options::default()).iter().map(|q| (q.span.text(t), q.number().unwrap())).collect()
    }

    #[test]
    fn reads_digits_decimals_and_thousands() {
        assert_eq!(
            found("They fired 59 missiles, 1,200 rounds and .08 tons; 2.5 more."),
            [("59", 59.0), ("1,200", 1200.0), (".08", 0.08), ("2.5", 2.5)]
        );
    }

    #[test]
    fn reads_number_words() {
        assert_eq!(
            found("Eight people and two hundred and fifty sheep."),
            [("Eight", 8.0), ("two hundred and fifty", 250.0)]
        );
    }
}
