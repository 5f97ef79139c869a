//! One-sentence explanations a reader understands, naming both articles, both claims and what
//! makes them the same fact.

use super::{Claim, ClaimValue, ContradictionKind};
use crate::Document;
use std::fmt::Write;

/// Words of context shown on each side of a claim.
const CONTEXT_WORDS: usize = 6;

pub fn contradiction(
    docs: &[Document],
    claims: &[Claim],
    i: usize,
    j: usize,
    kind: ContradictionKind,
    shared: &[String],
) -> String {
    let (a, b) = (&claims[i], &claims[j]);
    let mut s = String::new();
    let _ = write!(s, "{} says {}", article(a.doc, None), quoted_context(docs, a));
    let _ = write!(s, "; {} says {}", article(b.doc, Some(a.doc)), quoted_context(docs, b));
    let what = match kind {
        ContradictionKind::Numeric => "figures that cannot both be right",
        ContradictionKind::Date => "different dates",
        ContradictionKind::Negation if matches!(a.value, ClaimValue::Opposite { .. }) => "opposite outcomes",
        ContradictionKind::Negation => "one reports what the other denies",
    };
    let _ = write!(s, " — {what}");
    if !shared.is_empty() {
        let _ = write!(s, " for what reads as the same event ({})", shared.join(", "));
    }
    s.push('.');
    s
}

pub fn weekday_majority(
    docs: &[Document],
    claims: &[Claim],
    lone: usize,
    majority: usize,
    agreeing_articles: usize,
    shared: &[String],
) -> String {
    let (a, b) = (&claims[lone], &claims[majority]);
    let day = |c: &Claim| c.span.text(&docs[c.doc].text).to_string();
    let mut s = format!(
        "{} dates it {}, but {agreeing_articles} articles give {} (article {}: {})",
        article(a.doc, None),
        quoted_context(docs, a),
        day(b),
        b.doc + 1,
        quoted_context(docs, b)
    );
    if !shared.is_empty() {
        let _ = write!(s, ", for what reads as the same event ({})", shared.join(", "));
    }
    s.push('.');
    s
}

pub fn agreement(docs: &[Document], claims: &[Claim], group: &[usize], sources: usize) -> String {
    let first = &claims[group[0]];
    let words = first.span.text(&docs[first.doc].text);
    let articles: Vec<String> = group.iter().map(|&k| (claims[k].doc + 1).to_string()).collect();
    let kind = if matches!(first.value, ClaimValue::Date(_)) { "date" } else { "figure" };
    format!(
        "Articles {} give the same {kind}, “{words}”, for the same thing; {} behind it.",
        join_and(&articles),
        count_sources(sources)
    )
}

pub fn repeated_words(words: &str, docs: &[usize], sources: usize) -> String {
    let articles: Vec<String> = docs.iter().map(|d| (d + 1).to_string()).collect();
    let independent = if sources < docs.len() {
        format!("{} behind them, not {} independent confirmations", count_sources(sources), docs.len())
    } else {
        format!("{} behind them", count_sources(sources))
    };
    format!("Articles {} carry the same words, “{}”; {independent}.", join_and(&articles), shorten(words, 12))
}

fn count_sources(n: usize) -> String {
    if n == 1 {
        "one source stands".to_string()
    } else {
        format!("{n} distinct sources stand")
    }
}

fn article(doc: usize, other: Option<usize>) -> String {
    match other {
        Some(o) if o == doc => "elsewhere it".to_string(),
        None => format!("Article {}", doc + 1),
        Some(_) => format!("article {}", doc + 1),
    }
}

/// The claim in a few words of its sentence: “…the ferry carried 212 passengers to the island…”.
fn quoted_context(docs: &[Document], c: &Claim) -> String {
    let text = &docs[c.doc].text;
    let words: Vec<(usize, usize)> = word_bounds(text, c.span.start, c.span.end);
    let left = &text[words.first().map_or(c.span.start, |w| w.0)..c.span.start];
    let right = &text[c.span.end..words.last().map_or(c.span.end, |w| w.1)];
    let mut out = format!("“{}{}{}”", left.trim_start(), c.span.text(text), right.trim_end());
    if let Some(s) = &c.source {
        let _ = write!(out, " (according to {})", s.name);
    }
    out
}

/// Start of the word `CONTEXT_WORDS` words before `start` and end of the one after `end`, not
/// crossing a sentence end.
fn word_bounds(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let before = &text[..start];
    let mut from = start;
    let mut count = 0;
    for (i, c) in before.char_indices().rev() {
        if matches!(c, '.' | '!' | '?' | '\n' | ';') && !inside_number(text, i) {
            break;
        }
        if c.is_whitespace() {
            count += 1;
            if count > CONTEXT_WORDS {
                break;
            }
        }
        from = i;
    }
    let mut to = end;
    count = 0;
    for (i, c) in text[end..].char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n' | ';' | ',') && !inside_number(text, end + i) {
            break;
        }
        if c.is_whitespace() {
            count += 1;
            if count > CONTEXT_WORDS {
                break;
            }
        }
        to = end + i + c.len_utf8();
    }
    vec![(from, start), (end, to)]
}

/// Whether the mark at byte `i` has digits on both sides ("2.5", "1,250"): a decimal point or a
/// thousands separator, not the end of the context.
fn inside_number(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

fn shorten(words: &str, max: usize) -> String {
    let w: Vec<&str> = words.split_whitespace().collect();
    if w.len() <= max {
        w.join(" ")
    } else {
        format!("{}…", w[..max].join(" "))
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
