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
mod openers;
mod tokens;
mod values;

use super::lexicon::with_lower;
use super::{Bound, Kind, Quantity, Value};
use crate::{Options, Span};
use grammar::{Context, Parser};
use values::Meaning;

pub use calendar::weekday as iso_weekday;
pub(crate) use lexicon::{words as date_words, Entry};

/// The month (1–12) a word names: full names and abbreviations ("March", "Sept."), any case.
pub fn month_number(word: &str) -> Option<u32> {
    with_lower(word.trim_end_matches('.'), |w| lexicon::entry(w)?.month.map(|(m, _)| m))
}

/// The ISO weekday (1 = Monday … 7 = Sunday) a word names: "Thursday", "Thu.", "Thursday's".
pub fn weekday_number(word: &str) -> Option<u32> {
    with_lower(word.trim_end_matches('.'), |w| {
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        lexicon::entry(w)?.weekday.filter(|(_, sure)| *sure != lexicon::Sureness::Plural).map(|(d, _)| d)
    })
}

/// The full English name of a month (1–12), lower-case: the longest word the lexicon has for it.
pub fn month_name(month: u32) -> Option<&'static str> {
    lexicon::words().filter(|(_, e)| e.month.is_some_and(|(m, _)| m == month)).map(|(w, _)| w).max_by_key(|w| w.len())
}

/// The full English name of an ISO weekday (1–7), lower-case.
pub fn weekday_name(weekday: u32) -> Option<&'static str> {
    lexicon::words()
        .filter(|(_, e)| e.weekday.is_some_and(|(d, sure)| d == weekday && sure != lexicon::Sureness::Plural))
        .map(|(w, _)| w)
        .max_by_key(|w| w.len())
}

/// Finds the dates and times in one sentence (`sentence` is its span in `text`).
///
/// Returned quantities have kind `Date`, `Time` or `Duration` (or `Range` for date ranges).
/// The numbers extractor runs after this and leaves alone whatever these spans cover.
pub fn find(text: &str, sentence: Span, sentence_index: usize, options: &Options) -> Vec<Quantity> {
    let toks = crate::numbers::tokens::Tokens::new(text, sentence).toks;
    // The grammar reads the lower-cased text only at the sentence's tokens.
    let low = text[..sentence.end].to_ascii_lowercase();
    find_in_tokens(sentence, &toks, sentence_index, options, &mut Scratch::new(&low))
}

/// What the search of a document's sentences works in besides their tokens: the document
/// lower-cased (the grammar compares words in lower case, at the tokens' own spans) and the
/// parser's lists, kept from one sentence to the next (reused, not allocated and freed again for
/// every sentence).
pub(crate) struct Scratch<'a> {
    low: &'a str,
    parser: grammar::Buffers,
}

impl<'a> Scratch<'a> {
    /// The scratch for the sentences of a text, given lower-cased (ASCII letters only, as
    /// `str::to_ascii_lowercase` makes it: the byte offsets stay those of the text).
    pub(crate) fn new(low: &'a str) -> Self {
        Scratch { low, parser: grammar::Buffers::default() }
    }
}

/// [`find`] on the sentence's tokens as the numbers stage made them (absolute byte spans in the
/// text `scratch` was made for), which the grammar reads as they are.
pub(crate) fn find_in_tokens(
    sentence: Span,
    toks: &[crate::numbers::tokens::Tok],
    sentence_index: usize,
    options: &Options,
    scratch: &mut Scratch<'_>,
) -> Vec<Quantity> {
    debug_assert!(sentence.end <= scratch.low.len(), "a scratch made for another text");
    let ctx = Context { today: options.pub_date };
    let parser = Parser::reusing(scratch.low, toks, ctx, std::mem::take(&mut scratch.parser));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // Most tokens cannot begin a date: skip them without trying the grammar.
        if !parser.can_start(i) {
            i += 1;
            continue;
        }
        let Some(m) = parser.best_at(i) else {
            i += 1;
            continue;
        };
        let span = Span::new(toks[m.start].span.start, toks[m.end - 1].span.end);
        out.push(quantity(span, m.meaning, m.bound, sentence_index));
        i = m.end;
    }
    scratch.parser = parser.into_buffers();
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
