//! Dates and times: weekdays, months, years, full dates, clock times and relative expressions,
//! resolved against the publication date when one is given.
//!
//! The sentence is split into tokens ([`tokens`]); a small grammar ([`grammar`]) reads the longest
//! date expression at each token; what it means ([`values`]) becomes a [`Quantity`] whose value is
//! an ISO-8601-like string: `2017-04-07`, `2017-04`, `2017`, `16:30`, `2017-04-07T16:30`,
//! `2016-W45`, `2014/2018` for ranges, `XXXX-04-07` when the year is unknown.

mod calendar;
mod grammar;
mod lexicon;
mod tokens;
mod values;

use super::{Bound, Kind, Quantity, Value};
use crate::{Options, Span};
use grammar::{Context, Parser};
use values::Meaning;

/// Finds the dates and times in one sentence (`sentence` is its span in `text`).
///
/// Returned quantities have kind `Date`, `Time` or `Duration` (or `Range` for date ranges).
/// The numbers extractor runs after this and leaves alone whatever these spans cover.
pub fn find(text: &str, sentence: Span, sentence_index: usize, options: &Options) -> Vec<Quantity> {
    let s = sentence.text(text);
    let low = s.to_ascii_lowercase();
    let toks = tokens::tokenize(s);
    let ctx = Context { today: options.pub_date };
    let parser = Parser::new(&low, &toks, ctx);
    let mut out = Vec::new();
    let mut i = 0;
    let lex = lexicon::lexicon();
    while i < toks.len() {
        // Most words cannot begin a date: skip them without trying the grammar.
        let word = &low[toks[i].start..toks[i].end];
        if toks[i].kind == tokens::TokKind::Word && !lex.can_start(word) {
            i += 1;
            continue;
        }
        let Some(m) = parser.best_at(i) else {
            i += 1;
            continue;
        };
        let span = Span::new(sentence.start + toks[m.start].start, sentence.start + toks[m.end - 1].end);
        out.push(quantity(span, m.meaning, m.bound, sentence_index));
        i = m.end;
    }
    out
}

fn quantity(span: Span, meaning: Meaning, bound: Bound, sentence: usize) -> Quantity {
    let (kind, value, unit) = match &meaning {
        Meaning::Point(..) | Meaning::Set(_) => (Kind::Date, meaning.render().map(Value::Text), None),
        Meaning::Time(_) => (Kind::Time, meaning.render().map(Value::Text), None),
        Meaning::Between(..) => (Kind::Range, meaning.render().map(Value::Text), None),
        Meaning::Duration(amount, unit) => (Kind::Duration, Some(Value::Number(*amount)), Some(unit.name())),
    };
    let si_value = match &meaning {
        Meaning::Duration(amount, unit) => Some(amount * unit.seconds()),
        _ => None,
    };
    Quantity { span, kind, value, value_max: None, unit, counted: None, bound, si_value, restates: None, sentence }
}

#[cfg(test)]
mod tests;
