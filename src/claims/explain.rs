//! One-sentence explanations a reader understands, naming both articles, both claims and what
//! makes them the same fact.

use super::{Claim, ClaimValue, ContradictionKind};
use crate::{Document, Span};
use std::fmt::Write;

/// Words of context shown on each side of a claim.
const CONTEXT_WORDS: usize = 6;

/// Each claim's context (the bounds of a few words around it, white space trimmed), worked out at its first
/// explanation: in a big cluster one claim is in hundreds of contradictions.
pub struct Contexts<'c> {
    docs: &'c [Document],
    claims: &'c [Claim],
    bounds: Vec<Option<Span>>,
}

impl<'c> Contexts<'c> {
    pub fn new(docs: &'c [Document], claims: &'c [Claim]) -> Contexts<'c> {
        Contexts { docs, claims, bounds: vec![None; claims.len()] }
    }

    /// Claim `i` in a few words of its sentence, quoted: “…the ferry carried 212 passengers to the island…”.
    fn quote(&mut self, s: &mut String, i: usize) {
        let c = &self.claims[i];
        let text = &self.docs[c.doc].text;
        let context = *self.bounds[i].get_or_insert_with(|| context_of(text, c));
        quoted(s, text, c, context);
    }
}

/// Written into one string of about its final size: 1,000 articles give 30,000 contradictions.
pub fn contradiction<'a>(
    contexts: &mut Contexts,
    i: usize,
    j: usize,
    kind: ContradictionKind,
    shared: impl Iterator<Item = &'a str>,
) -> String {
    let (a, b) = (&contexts.claims[i], &contexts.claims[j]);
    let mut s = String::with_capacity(EXPLANATION_BYTES);
    article(&mut s, a.doc, None);
    s.push_str(" says ");
    contexts.quote(&mut s, i);
    s.push_str("; ");
    article(&mut s, b.doc, Some(a.doc));
    s.push_str(" says ");
    contexts.quote(&mut s, j);
    let what = match kind {
        ContradictionKind::Numeric => "figures that cannot both be right",
        ContradictionKind::Date => "different dates",
        ContradictionKind::Negation if matches!(a.value, ClaimValue::Opposite { .. }) => "opposite outcomes",
        ContradictionKind::Negation => "one reports what the other denies",
    };
    s.push_str(" — ");
    s.push_str(what);
    same_event(&mut s, " for what reads as the same event (", shared);
    s.push('.');
    s
}

/// Room for a usual explanation: two quoted contexts of a dozen words and the rest.
const EXPLANATION_BYTES: usize = 320;

/// `lead` and the shared words, comma-separated, then `)`; nothing when there are none.
fn same_event<'a>(s: &mut String, lead: &str, shared: impl Iterator<Item = &'a str>) {
    let mut any = false;
    for word in shared {
        s.push_str(if any { ", " } else { lead });
        s.push_str(word);
        any = true;
    }
    if any {
        s.push(')');
    }
}

pub fn weekday_majority<'a>(
    docs: &[Document],
    claims: &[Claim],
    lone: usize,
    majority: usize,
    agreeing_articles: usize,
    shared: impl Iterator<Item = &'a str>,
) -> String {
    let (a, b) = (&claims[lone], &claims[majority]);
    let mut s = String::with_capacity(EXPLANATION_BYTES);
    article(&mut s, a.doc, None);
    s.push_str(" dates it ");
    quoted_context(&mut s, docs, a);
    let _ = write!(
        s,
        ", but {agreeing_articles} articles give {} (article {}: ",
        b.span.text(&docs[b.doc].text),
        b.doc + 1
    );
    quoted_context(&mut s, docs, b);
    s.push(')');
    same_event(&mut s, ", for what reads as the same event (", shared);
    s.push('.');
    s
}

pub fn agreement(docs: &[Document], claims: &[Claim], group: &[usize], sources: usize) -> String {
    let first = &claims[group[0]];
    let words = first.span.text(&docs[first.doc].text);
    let kind = if matches!(first.value, ClaimValue::Date(_)) { "date" } else { "figure" };
    // Written piece by piece: a group in a big cluster names hundreds of articles.
    let mut s = String::with_capacity(EXPLANATION_BYTES + 5 * group.len());
    s.push_str("Articles ");
    push_numbers_and(&mut s, group.iter().map(|&k| claims[k].doc + 1));
    s.push_str(" give the same ");
    s.push_str(kind);
    s.push_str(", “");
    s.push_str(words);
    s.push_str("”, for the same thing; ");
    s.push_str(&count_sources(sources));
    s.push_str(" behind it.");
    s
}

/// The numbers joined: "1", "1 and 2", "1, 2 and 3".
fn push_numbers_and(s: &mut String, numbers: impl ExactSizeIterator<Item = usize>) {
    let last = numbers.len().saturating_sub(1);
    for (k, n) in numbers.enumerate() {
        if k > 0 {
            s.push_str(if k == last { " and " } else { ", " });
        }
        push_number(s, n);
    }
}

pub fn repeated_words(words: &str, docs: &[usize], sources: usize) -> String {
    let mut articles = String::new();
    push_numbers_and(&mut articles, docs.iter().map(|d| d + 1));
    let independent = if sources < docs.len() {
        format!("{} behind them, not {} independent confirmations", count_sources(sources), docs.len())
    } else {
        format!("{} behind them", count_sources(sources))
    };
    format!("Articles {articles} carry the same words, “{}”; {independent}.", shorten(words, 12))
}

fn count_sources(n: usize) -> String {
    if n == 1 {
        "one source stands".to_string()
    } else {
        format!("{n} distinct sources stand")
    }
}

fn article(s: &mut String, doc: usize, other: Option<usize>) {
    match other {
        Some(o) if o == doc => s.push_str("elsewhere it"),
        None => {
            s.push_str("Article ");
            push_number(s, doc + 1);
        }
        Some(_) => {
            s.push_str("article ");
            push_number(s, doc + 1);
        }
    }
}

/// `n` in decimal digits, as `write!` gives it, without the formatting machinery.
fn push_number(s: &mut String, n: usize) {
    s.push_str(itoa::Buffer::new().format(n));
}

fn quoted_context(s: &mut String, docs: &[Document], c: &Claim) {
    let text = &docs[c.doc].text;
    quoted(s, text, c, context_of(text, c));
}

/// Claim `c` with a few words on each side, without white space at either end: one piece of its
/// text.
fn context_of(text: &str, c: &Claim) -> Span {
    let (from, to) = word_bounds(text, c.span.start, c.span.end);
    Span::new(from, to).trim(text)
}

/// The claim's `context` in quotation marks, and its source.
fn quoted(s: &mut String, text: &str, c: &Claim, context: Span) {
    s.push('“');
    s.push_str(context.text(text));
    s.push('”');
    if let Some(source) = &c.source {
        s.push_str(" (according to ");
        s.push_str(&source.name);
        s.push(')');
    }
}

/// Start of the word `CONTEXT_WORDS` words before `start` and end of the one after `end`, not
/// crossing a sentence end. ASCII is read a byte at a time, other characters decoded.
fn word_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut from = start;
    let mut count = 0;
    while from > 0 {
        // The character before `from`: one byte, or back over the continuation bytes.
        let mut i = from - 1;
        let c = if bytes[i] < 0x80 {
            char::from(bytes[i])
        } else {
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text[i..from].chars().next().unwrap_or(' ')
        };
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
    while to < bytes.len() {
        let (c, len) = crate::span::char_at(text, to);
        if matches!(c, '.' | '!' | '?' | '\n' | ';' | ',') && !inside_number(text, to) {
            break;
        }
        if c.is_whitespace() {
            count += 1;
            if count > CONTEXT_WORDS {
                break;
            }
        }
        to += len;
    }
    (from, to)
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

/// The oracle of [`push_numbers_and`]'s test.
#[cfg(test)]
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_lists_are_joined_as_join_and_joins_them() {
        for count in 0..5 {
            let numbers: Vec<usize> = (0..count).map(|k| k * 7 + 1).collect();
            let mut s = String::new();
            push_numbers_and(&mut s, numbers.iter().copied());
            assert_eq!(s, join_and(&numbers.iter().map(usize::to_string).collect::<Vec<_>>()), "{count}");
        }
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 1_000, 12_345, usize::MAX] {
            let mut s = String::from("article ");
            push_number(&mut s, n);
            assert_eq!(s, format!("article {n}"));
        }
    }

    #[test]
    fn names_the_shared_words_in_parentheses_only_when_there_are_some() {
        let mut s = String::from("figures");
        same_event(&mut s, " for the same event (", ["quake", "café", "東京"].into_iter());
        assert_eq!(s, "figures for the same event (quake, café, 東京)");
        let mut none = String::from("figures");
        same_event(&mut none, " for the same event (", std::iter::empty());
        assert_eq!(none, "figures");
    }

    /// The bounds walked a character at a time, as `char_indices` gives them.
    fn bounds_by_chars(text: &str, start: usize, end: usize) -> (usize, usize) {
        let (mut from, mut count) = (start, 0);
        for (i, c) in text[..start].char_indices().rev() {
            if matches!(c, '.' | '!' | '?' | '\n' | ';') && !inside_number(text, i) {
                break;
            }
            count += usize::from(c.is_whitespace());
            if count > CONTEXT_WORDS {
                break;
            }
            from = i;
        }
        let (mut to, mut count) = (end, 0);
        for (i, c) in text[end..].char_indices() {
            if matches!(c, '.' | '!' | '?' | '\n' | ';' | ',') && !inside_number(text, end + i) {
                break;
            }
            count += usize::from(c.is_whitespace());
            if count > CONTEXT_WORDS {
                break;
            }
            to = end + i + c.len_utf8();
        }
        (from, to)
    }

    #[test]
    fn context_bounds_read_bytes_as_the_character_walk_does() {
        let text = "Le café à 東京; officials\u{a0}said the 1,250 “missiles” 👍🏽 hit\u{2009}the base 2.5 km \
                    away — a b c d e f g h, then more. Next: 59 tanks";
        for (start, _) in text.char_indices() {
            for (end, _) in text[start..].char_indices().map(|(i, c)| (start + i, c)).take(12) {
                assert_eq!(word_bounds(text, start, end), bounds_by_chars(text, start, end), "{start}..{end}");
            }
        }
    }

    #[test]
    fn context_runs_to_the_sentence_end_past_decimal_points() {
        let text = "Officials said “about 4.5 km” 👍🏽 away. Next sentence.";
        let start = text.find("4.5").unwrap();
        let (from, to) = word_bounds(text, start, start + 3);
        assert_eq!(&text[from..to], "Officials said “about 4.5 km” 👍🏽 away");
    }
}
