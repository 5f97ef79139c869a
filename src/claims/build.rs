//! Claim building: each figure or date with what it measures, its bound, the event words around
//! it and the source that asserts it; and each negated outcome ("no one was killed").

use super::lexicon::lexicon;
use super::when::When;
use super::words::{is_content, is_stop, lemma, tokens, Token};
use super::{Claim, ClaimValue, Source, What};
use crate::attributions::{Attribution, SourceKind};
use crate::numbers::{Bound, Kind, Quantity, Value};
use crate::{Document, DocumentAnalysis, Span};

/// Words further than this from the figure in its sentence weigh half or less.
const PROXIMITY: f32 = 6.0;
/// Weight of the words of the sentences before and after.
const NEIGHBOUR_WEIGHT: f32 = 0.3;
/// Words on each side of a date that say what it dates.
const DATE_WINDOW: usize = 40;

pub fn build(docs: &[Document], analyses: &[DocumentAnalysis]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (d, (doc, analysis)) in docs.iter().zip(analyses).enumerate() {
        let text = doc.text.as_str();
        let sentence_tokens: Vec<Vec<Token>> = analysis
            .segments
            .sentences
            .iter()
            .map(|s| if s.boilerplate { Vec::new() } else { tokens(text, s.span) })
            .collect();
        for (qi, q) in analysis.numbers.iter().enumerate() {
            if let Some(claim) = quantity_claim(text, d, qi, q, analysis, &sentence_tokens) {
                out.push(claim);
            }
        }
        negation_claims(text, d, analysis, &sentence_tokens, &mut out);
    }
    out
}

fn quantity_claim(
    text: &str,
    doc: usize,
    index: usize,
    q: &Quantity,
    analysis: &DocumentAnalysis,
    sentence_tokens: &[Vec<Token>],
) -> Option<Claim> {
    let toks = sentence_tokens.get(q.sentence)?;
    let sentence = analysis.segments.sentences[q.sentence].span;
    let value = match q.kind {
        Kind::Date => {
            let iso = match &q.value {
                Some(Value::Text(s)) => Some(s.as_str()),
                _ => None,
            };
            ClaimValue::Date(When::read(iso, q.span.text(text))?)
        }
        Kind::Cardinal | Kind::Percent | Kind::Money | Kind::Measure | Kind::Range | Kind::Duration | Kind::Age => {
            if looks_like_designation(text, q.span) {
                return None;
            }
            let low = q.number()?;
            let high = q.value_max.unwrap_or(low);
            let (digit, rounding) = precision(q.span.text(text), low);
            ClaimValue::Number { low, high, si: q.si_value, unit: q.unit, digit, rounding }
        }
        Kind::Ordinal | Kind::Time | Kind::Vague | Kind::RelativeOrdinal => return None,
    };
    let mut span = q.span;
    let mut bound = q.bound;
    if bound == Bound::Exact && !matches!(value, ClaimValue::Date(_)) {
        let before = text[sentence.start..q.span.start].to_lowercase();
        if let Some((b, len)) = lexicon().bound_before(&before) {
            bound = b;
            let qualifier_start = sentence.start + before.trim_end().len() - len;
            span = Span::new(qualifier_start, span.end);
        }
    }
    let what = if matches!(value, ClaimValue::Date(_)) {
        What::default()
    } else {
        let what = what_is_counted(text, q, toks);
        if let Some(c) = what.counted_span {
            span = span.cover(c);
        }
        what
    };
    let mut claim = Claim {
        doc,
        quantity: Some(index),
        span,
        sentence: q.sentence,
        what,
        value,
        bound,
        outcome: None,
        event: Vec::new(),
        source: source_of(text, q.span, q.sentence, &analysis.attributions),
        quoted: analysis.segments.in_quote(q.span.start),
        dates_statement: false,
    };
    if matches!(claim.value, ClaimValue::Date(_)) {
        claim.dates_statement = follows_speech_verb(text, toks, q.span);
    }
    claim.outcome = outcome_near(text, toks, q.span);
    claim.event = if matches!(claim.value, ClaimValue::Date(_)) {
        // What a date dates is the few words around it, not the rest of a long sentence.
        event_words(text, q.span, None, q.sentence, sentence_tokens, DATE_WINDOW)
    } else {
        event_words(text, q.span, claim.what.counted_span, q.sentence, sentence_tokens, usize::MAX)
    };
    Some(claim)
}

/// "F-22", "SU-22", "Resolution 2254": a name with a number, not a quantity.
fn looks_like_designation(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let mut back = before.chars().rev();
    matches!((back.next(), back.next()), (Some('-'), Some(c)) if c.is_alphabetic())
}

/// How precisely a figure is written: the unit of its last digit ("55.3" → 0.1, "1.5 million" →
/// 100,000, "59" → 1) and the slack of a round figure ("1,000" may stand for 1,030).
fn precision(written: &str, value: f64) -> (f64, f64) {
    let digits: String = written
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let Ok(parsed) = digits.parse::<f64>() else {
        return (1.0, 0.0); // written in words: "eight"
    };
    // "1.5 million": the written digits are scaled.
    let scale = if parsed != 0.0 { (value / parsed).abs().max(1.0) } else { 1.0 };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as i32);
    let unit = 10f64.powi(-decimals) * scale;
    let trailing_zeros = digits.chars().rev().take_while(|c| *c == '0').count();
    let round = decimals == 0 && trailing_zeros >= 2 && digits.len() > trailing_zeros;
    (unit, if round { 0.05 * value.abs() } else { 0.0 })
}

/// The counted thing: the numbers stage's `counted` if it has one, else the content words right
/// after the figure ("59 cruise missiles at …" → "cruise missiles"; "scores of civilians").
fn what_is_counted(text: &str, q: &Quantity, toks: &[Token]) -> What {
    let mut what = What { unit: q.unit, ..What::default() };
    let after: Vec<Token> = toks.iter().copied().filter(|t| t.span.start >= q.span.end).collect();
    let (phrase, compound) = match q.counted {
        Some(c) => (toks.iter().copied().filter(|t| c.contains(t.span)).collect::<Vec<_>>(), false),
        None => noun_phrase_after(text, q.span.end, &after),
    };
    let content: Vec<Token> = phrase.into_iter().filter(|t| is_content(&t.text(text).to_lowercase())).collect();
    if let (Some(first), Some(last)) = (content.first(), content.last()) {
        what.counted_span = Some(q.counted.unwrap_or(first.span.cover(last.span)));
        what.lemmas = content.iter().map(|t| lemma(t.text(text))).collect();
        what.proper = content[..content.len() - 1]
            .iter()
            .filter(|t| t.text(text).chars().next().is_some_and(char::is_uppercase))
            .map(|t| lemma(t.text(text)))
            .collect();
    }
    // What the figure modifies ("a 20-vehicle convoy") or is measured from ("27 km from the border").
    let rest_start = what.counted_span.map_or(q.span.end, |c| c.end.max(q.span.end));
    let rest: Vec<Token> = after.iter().copied().filter(|t| t.span.start >= rest_start).collect();
    if compound {
        what.compound = true;
        what.reference = noun_phrase_after(text, rest_start, &rest).0.last().map(|t| lemma(t.text(text)));
    } else if let Some(first) = rest.first() {
        let gap = &text[rest_start..first.span.start];
        let word = first.text(text).to_lowercase();
        if gap.trim().is_empty() && matches!(word.as_str(), "from" | "of") {
            // Past a determiner: "from the border", "from a US-coalition base".
            let mut start = 1;
            while rest.get(start).is_some_and(|t| is_determiner(&t.text(text).to_lowercase())) {
                start += 1;
            }
            let from = rest[start - 1].span.end;
            let (np, _) = noun_phrase_after(text, from, rest.get(start..).unwrap_or_default());
            what.reference = np.last().map(|t| lemma(t.text(text)));
        }
    }
    what.concept = lexicon().concept(&what.lemmas);
    if what.concept.is_none() && q.unit.is_none() {
        // No counted noun: the nearest content word before the figure says what it is ("is 60").
        what.context = toks
            .iter()
            .rev()
            .filter(|t| t.span.end <= q.span.start)
            .map(|t| t.text(text).to_lowercase())
            .find(|w| is_content(w))
            .map(|w| lemma(&w));
    }
    what
}

fn is_determiner(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an" | "its" | "their" | "this" | "that" | "these" | "those" | "his" | "her")
}

/// Up to three content words after `from` with nothing but spaces or hyphens between them;
/// "of" (and a determiner) may come first ("scores of the civilians"). Also says whether the
/// figure is joined to the first word by a hyphen ("20-vehicle").
fn noun_phrase_after(text: &str, from: usize, after: &[Token]) -> (Vec<Token>, bool) {
    let mut out = Vec::new();
    let mut at = from;
    let mut i = 0;
    let compound = after.first().is_some_and(|t| text[from..t.span.start].trim() == "-");
    if let Some(t) = after.first() {
        if t.text(text).eq_ignore_ascii_case("of") && text[from..t.span.start].trim().is_empty() {
            at = t.span.end;
            i = 1;
            if let Some(det) = after.get(1) {
                if is_determiner(&det.text(text).to_lowercase()) {
                    at = det.span.end;
                    i = 2;
                }
            }
        }
    }
    for t in &after[i.min(after.len())..] {
        let gap = text[at..t.span.start].trim();
        let lower = t.text(text).to_lowercase();
        if !(gap.is_empty() || gap == "-") || is_stop(&lower) || lower.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        out.push(*t);
        at = t.span.end;
        if out.len() == 3 {
            break;
        }
    }
    (out, compound)
}

/// A verb of saying a few words before a date: "said on Thursday", "accusing the US on Friday".
fn follows_speech_verb(text: &str, toks: &[Token], span: Span) -> bool {
    let at = toks.iter().position(|t| t.span.start >= span.start).unwrap_or(toks.len());
    toks[at.saturating_sub(4)..at].iter().any(|t| lexicon().is_speech(&t.text(text).to_lowercase()))
}

/// The outcome verb close to a figure ("eight people were killed" → "kill").
fn outcome_near(text: &str, toks: &[Token], span: Span) -> Option<String> {
    let at = toks.iter().position(|t| t.span.start >= span.start).unwrap_or(toks.len());
    let lo = at.saturating_sub(4);
    let hi = (at + 6).min(toks.len());
    toks[lo..hi].iter().find_map(|t| lexicon().outcome(&t.text(text).to_lowercase()).map(String::from))
}

/// The content words of the claim's sentence, weighted by closeness to the figure, and of the
/// sentences before and after, weighted less. The counted words are left out: they are the key.
fn event_words(
    text: &str,
    figure: Span,
    counted: Option<Span>,
    sentence: usize,
    sentence_tokens: &[Vec<Token>],
    window: usize,
) -> Vec<(String, f32)> {
    let mut out: Vec<(String, f32)> = Vec::new();
    let mut add = |w: String, weight: f32| match out.iter_mut().find(|(x, _)| *x == w) {
        Some(e) => e.1 = e.1.max(weight),
        None => out.push((w, weight)),
    };
    let own = &sentence_tokens[sentence];
    let at = own.iter().position(|t| t.span.start >= figure.start).unwrap_or(own.len()) as f32;
    for (i, t) in own.iter().enumerate() {
        let far = (i as f32 - at).abs() > window as f32;
        if far || figure.overlaps(t.span) || counted.is_some_and(|c| c.overlaps(t.span)) {
            continue;
        }
        let lower = t.text(text).to_lowercase();
        if is_content(&lower) {
            let distance = (i as f32 - at).abs();
            add(lemma(&lower), 1.0 / (1.0 + distance / PROXIMITY));
        }
    }
    let neighbours = if window == usize::MAX { vec![sentence.wrapping_sub(1), sentence + 1] } else { Vec::new() };
    for n in neighbours {
        for t in sentence_tokens.get(n).into_iter().flatten() {
            let lower = t.text(text).to_lowercase();
            if is_content(&lower) {
                add(lemma(&lower), NEIGHBOUR_WEIGHT);
            }
        }
    }
    out
}

/// Who asserts what lies at `span`: the attribution whose content holds it, else one whose cue
/// is in the same sentence.
fn source_of(text: &str, span: Span, sentence: usize, attributions: &[Attribution]) -> Option<Source> {
    let a = attributions
        .iter()
        .find(|a| a.content.contains(span))
        .or_else(|| attributions.iter().find(|a| a.sentence == sentence))?;
    let words = a.speaker.clone().or_else(|| a.source.map(|s| s.text(text).to_string()))?;
    let named =
        !a.anonymous && matches!(a.source_kind, SourceKind::Person | SourceKind::Organisation | SourceKind::Media);
    Some(Source { name: words, named })
}

/// "No Danish or Dutch sailors were injured", "no one was hurt", "nobody died": an outcome denied
/// for a group of people or things.
fn negation_claims(
    text: &str,
    doc: usize,
    analysis: &DocumentAnalysis,
    sentence_tokens: &[Vec<Token>],
    out: &mut Vec<Claim>,
) {
    for (si, toks) in sentence_tokens.iter().enumerate() {
        for (i, t) in toks.iter().enumerate() {
            let lower = t.text(text).to_lowercase();
            let everyone = lower == "nobody"
                || (lower == "no" && toks.get(i + 1).is_some_and(|n| n.text(text).eq_ignore_ascii_case("one")));
            if lower != "no" && !everyone {
                continue;
            }
            // The outcome verb within a few words: "no [Danish or Dutch sailors] were injured".
            let Some((vi, outcome)) = toks
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(7)
                .find_map(|(j, v)| lexicon().outcome(&v.text(text).to_lowercase()).map(|o| (j, o.to_string())))
            else {
                continue;
            };
            let subject = &toks[i + 1..vi];
            let lemmas: Vec<String> = if everyone {
                vec!["people".to_string()]
            } else {
                subject
                    .iter()
                    .map(|w| w.text(text).to_lowercase())
                    .filter(|w| is_content(w))
                    .map(|w| lemma(&w))
                    .collect()
            };
            if lemmas.is_empty() {
                continue;
            }
            let span = Span::new(t.span.start, toks[vi].span.end);
            let what = What {
                concept: lexicon().concept(&lemmas[lemmas.len() - 1..]),
                counted_span: Some(span),
                ..What::default()
            };
            out.push(Claim {
                doc,
                quantity: None,
                span,
                sentence: si,
                what,
                value: ClaimValue::None,
                bound: Bound::Exact,
                outcome: Some(outcome),
                event: event_words(text, span, Some(span), si, sentence_tokens, usize::MAX),
                source: source_of(text, span, si, &analysis.attributions),
                quoted: analysis.segments.in_quote(span.start),
                dates_statement: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_follows_the_written_digits() {
        assert_eq!(precision("59", 59.0), (1.0, 0.0));
        assert_eq!(precision("eight", 8.0), (1.0, 0.0));
        let (unit, _) = precision("55.3", 55.3);
        assert!((unit - 0.1).abs() < 1e-9);
        assert_eq!(precision("1.5 million", 1.5e6).0, 100_000.0);
        assert_eq!(precision("1,000", 1000.0), (1.0, 50.0));
    }
}
