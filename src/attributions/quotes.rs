//! Direct quotations: a quoted passage with its speaker after it ("“…,” Saloum said"), before it
//! ("he said: “…”"), or between its two halves ("“…,” said the official, “…”"); a quote that runs
//! over several paragraphs is one statement.

use super::found::Found;
use super::indirect::{content_right_start, verb_group_start, Doc};
use super::lexicon::{lexicon, VerbClass};
use super::phrase;
use crate::Span;

/// Finds the quotations of paragraph `para` (token range `pa..pb`) that have a speaker.
pub fn find(doc: &mut Doc, pa: usize, pb: usize, found: &mut Vec<Found>) {
    if pa >= pb {
        return;
    }
    // The quotes that open inside the paragraph (regions are in text order).
    let (from, to) = (doc.toks[pa].span.start, doc.toks[pb - 1].span.end);
    let regions = &doc.segments.quotes;
    let first = regions.partition_point(|r| r.outer.start < from);
    let last = first + regions[first..].partition_point(|r| r.outer.start < to);
    for q in first..last {
        if doc.quote_used[q] {
            continue;
        }
        let region = doc.segments.quotes[q];
        let qs = doc.first_token_from(pa, pb, region.outer.start);
        let qe = doc.first_token_from(qs, pb, region.outer.end);
        if qs >= qe {
            continue;
        }
        let f = speaker_after(doc, q, qe, pb).or_else(|| speaker_before(doc, q, pa, qs, found));
        if let Some(mut f) = f {
            doc.quote_used[q] = true;
            extend_with_following_quotes(doc, &mut f, pb);
            found.push(f);
        }
    }
}

/// The span from the first unused piece of `q`'s group up to `q` itself.
fn group_before(doc: &mut Doc, q: usize) -> Span {
    let quotes = &doc.segments.quotes;
    let mut start = q;
    while start > 0 && quotes[start - 1].group == quotes[q].group && !doc.quote_used[start - 1] {
        start -= 1;
    }
    for used in &mut doc.quote_used[start..q] {
        *used = true;
    }
    quotes[start].outer.cover(quotes[q].outer)
}

/// The span from `q` to the last piece of its group (a quote continued in the next paragraphs).
fn group_after(doc: &mut Doc, q: usize) -> Span {
    let quotes = &doc.segments.quotes;
    let mut end = q;
    while end + 1 < quotes.len() && quotes[end + 1].group == quotes[q].group {
        end += 1;
    }
    for used in &mut doc.quote_used[q + 1..=end] {
        *used = true;
    }
    quotes[q].outer.cover(quotes[end].outer)
}

/// Whether the quoted words end as a clause that goes on outside: `“…,”`, `“…?”`, `“…” —`.
fn ends_open(doc: &Doc, q: usize, qe: usize) -> bool {
    let inner = doc.segments.quotes[q].span.text(doc.text);
    inner.ends_with([',', '?', '!', '—', '–', '…', '-']) || doc.words().is_punct(qe, ',') || doc.words().is_dash(qe)
}

/// `“We are done.” Trump said.`: a source and a speech verb that end the sentence.
fn source_and_verb_end_sentence(doc: &Doc, j: usize, pb: usize) -> bool {
    let w = doc.words();
    let end = doc.sentence_end_token(j, pb);
    let Some(k) = (j..end.min(j + 8)).find(|&k| w.is_verb(k)) else { return false };
    let ends = k + 1 >= end || w.is_punct(k + 1, '.') && k + 2 >= end;
    ends && k > j && phrase::left(&w, j, verb_group_start(&w, j, k)).is_some_and(|s| s.0 == j)
}

/// The speaker written after quote `q` (tokens end at `qe`): its source phrase and verb.
fn match_after(doc: &Doc, q: usize, qe: usize, pb: usize) -> Option<((usize, usize), usize)> {
    let w = doc.words();
    let mut j = qe;
    if j >= pb {
        return None;
    }
    if w.is_punct(j, ',') || w.is_dash(j) {
        j += 1;
    } else if !ends_open(doc, q, qe)
        && (!w.is_word(j) || w.is_capitalised(j))
        && !source_and_verb_end_sentence(doc, j, pb)
    {
        return None;
    }
    let sentence_end = doc.sentence_end_token(j, pb);
    if w.is_verb(j) && !lexicon().verbs[w.lower(j)].participle {
        // "…,” said the official.
        return Some((phrase::right(&w, j + 1, sentence_end)?, j));
    }
    // "…,” Saloum said. / "…,” the coalition said in a statement.
    let k = (j..sentence_end.min(j + 30)).find(|&k| w.is_verb(k))?;
    let g = verb_group_start(&w, j, k);
    let src = phrase::left(&w, j, g)?;
    (src.0 == j && phrase::plausible_source(&w, src.0, src.1) && lexicon().verbs[w.lower(k)].class != VerbClass::Belief)
        .then_some((src, k))
}

fn speaker_after(doc: &mut Doc, q: usize, qe: usize, pb: usize) -> Option<Found> {
    let (source, cue) = match_after(doc, q, qe, pb)?;
    let mut content = group_before(doc, q);
    // "… might be labelled "quiet arm-twisting," the Herald reported": a quote that ends a clause
    // begun outside it is a partial quote; the statement is the whole clause.
    let qs = doc.toks[..qe].partition_point(|t| t.span.start <= content.start).saturating_sub(1);
    // One leading word ("This “flagrant aggression …”") does not make a paraphrase.
    let from = doc.sentence_start_token(qs, 0);
    let words_before = (from..qs).filter(|&i| doc.words().is_word(i) && !doc.toks[i].quoted).count();
    let partial = words_before >= 2 && doc.words().is_word(qs - 1) && !doc.toks[qs - 1].quoted;
    if partial {
        content = doc.toks[from].span.cover(content);
    }
    let after_cue = if source.0 > cue { source.1 } else { cue + 1 };
    let w = doc.words();
    let sentence_end = doc.sentence_end_token(cue, pb);
    let (next, medium) = content_right_start(&w, cue, after_cue, sentence_end);
    // "“…,” Saloum said, “…”": the second half of the same sentence.
    // Also "“…,” she said of Lund and Moreau, “…”" and, when the sentence did not end after the
    // source, "“…,” said X, the head of the dockers’ union. “…”" (a quote without a speaker of its own).
    let mut k = next;
    if w.is(k, "of") || w.is(k, "about") {
        while k < sentence_end.min(next + 8) && w.is_word(k) && !w.toks[k].quoted {
            k += 1;
        }
    }
    let mut full_stop = false;
    while k < pb && (w.is_punct(k, ',') || w.is_punct(k, ':') || w.is_dash(k) || w.is_punct(k, '.')) {
        full_stop |= w.is_punct(k, '.');
        k += 1;
    }
    // Words, then a quote with no comma between: not the same statement.
    let joined = k == next || w.ends_clause(k - 1) || w.is_punct(k - 1, ':') || full_stop;
    if let Some(q2) = doc.quote_starting_at(k).filter(|_| joined && k < pb) {
        let q2_end = doc.first_token_from(k, pb, doc.segments.quotes[q2].outer.end);
        let own_speaker = full_stop && match_after(doc, q2, q2_end, pb).is_some();
        if !doc.quote_used[q2] && q2 > q && !own_speaker {
            doc.quote_used[q2] = true;
            content = content.cover(group_after(doc, q2));
        }
    }
    Some(Found { source: Some(source), shares_source_of: None, cue: (cue, cue + 1), content, medium, direct: !partial })
}

/// Quotes that open the sentences right after an attributed one and have no speaker of their own
/// continue it: "“It’s cold,” Varga said. “And colder still at night.”"
fn extend_with_following_quotes(doc: &mut Doc, f: &mut Found, pb: usize) {
    // The next paragraph may go on with the quote too ("“…,” Lund said.¶“But we saw …”").
    let pb = doc.paragraph_end_token(pb);
    loop {
        // The last token of the statement so far (tokens are in text order: a binary search).
        let end = f.content.end.max(doc.toks[f.cue.0].span.end);
        let lo = f.cue.0.min(pb);
        let Some(last) =
            (lo + doc.toks[lo..pb].partition_point(|t| t.span.end <= end)).checked_sub(1).filter(|&t| t >= lo)
        else {
            return;
        };
        let next = doc.sentence_end_token(last, pb);
        let Some(q) = doc.quote_starting_at(next) else { return };
        if doc.quote_used[q] {
            return;
        }
        let region = doc.segments.quotes[q];
        let qe = doc.first_token_from(next, pb, region.outer.end);
        if match_after(doc, q, qe, pb).is_some() || qe < doc.sentence_end_token(next, pb) {
            return;
        }
        doc.quote_used[q] = true;
        f.content = f.content.cover(group_after(doc, q));
    }
}

fn speaker_before(doc: &mut Doc, q: usize, pa: usize, qs: usize, found: &[Found]) -> Option<Found> {
    let w = doc.words();
    let lo = doc.sentence_start_token(qs, pa);
    // The verb sits right before the quote, maybe with a colon, comma or a listener in between:
    // "he said: “…”", "Varga continued, “…”", "Brekke told reporters: “…”".
    let mut k = qs;
    while k > lo && (w.is_punct(k - 1, ':') || w.is_punct(k - 1, ',')) {
        k -= 1;
    }
    let colon = k < qs;
    let verb = (k.saturating_sub(5).max(lo)..k).rev().find(|&v| w.is_verb(v))?;
    if (verb + 1..k).any(|i| !w.is_word(i)) || (verb + 1 < k && !colon) {
        return None;
    }
    let form = lexicon().verbs[w.lower(verb)];
    let g = verb_group_start(&w, lo, verb);
    let (source, shares) = match phrase::left(&w, lo, g) {
        Some(s) => (Some(s), None),
        None if form.participle && !found.is_empty() => (None, Some(found.len() - 1)),
        None => return None,
    };
    let medium = (verb + 1 < k).then_some((verb + 1, k));
    let mut content = group_after(doc, q);
    // "said “We’re extremely happy” about the decision": a partial quote inside a reported clause.
    let qe = (qs..doc.toks.len()).find(|&i| doc.toks[i].span.start >= content.end).unwrap_or(doc.toks.len());
    let sentence_end = doc.sentence_end_token(qs, doc.toks.len());
    let w = doc.words();
    let rest_is_words =
        qe < sentence_end && w.is_word(qe) && !w.is_capitalised(qe) && doc.tok_sentence[qe] == doc.tok_sentence[qs];
    if rest_is_words {
        let mut e = sentence_end;
        while e > qe && !w.is_word(e - 1) && !w.toks[e - 1].quoted {
            e -= 1;
        }
        content = content.cover(w.span(qe, e));
    }
    Some(Found { source, shares_source_of: shares, cue: (verb, verb + 1), content, medium, direct: !rest_is_words })
}
