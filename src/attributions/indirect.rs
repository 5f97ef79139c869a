//! Indirect speech: a reporting verb with its source and the reported clause ("Brekke said the quota is
//! not changing", "the raids were legal, officials said", "told AFP the lorries …"),
//! "according to X" before or after the content, and a cue ending in a colon.

use super::found::Found;
use super::lexicon::{is_determiner, is_time_word, is_verb_modifier, lexicon, VerbClass, ACCORDING, VERB};
use super::phrase::{self, is_preposition, is_subordinator, plausible_source, Words};
use super::tokens::Token;
use crate::segment::Segments;
use crate::Span;

/// One document, tokenised, with what the finders have used up.
pub struct Doc<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub segments: &'a Segments,
    pub toks: Vec<Token>,
    /// Each token's [`lexicon::Lexicon::classes`] bits (0 for marks).
    pub classes: Vec<u8>,
    /// Sentence index of each token.
    pub tok_sentence: Vec<usize>,
    /// Quote regions already given to an attribution.
    pub quote_used: Vec<bool>,
}

impl<'a> Doc<'a> {
    pub fn words(&self) -> Words<'_> {
        Words { text: self.text, lower: self.lower, toks: &self.toks, classes: &self.classes }
    }

    /// First token after the sentence of token `i` (at most `hi`).
    pub fn sentence_end_token(&self, i: usize, hi: usize) -> usize {
        let s = self.tok_sentence[i.min(self.toks.len() - 1)];
        (i..hi).find(|&k| self.tok_sentence[k] != s).unwrap_or(hi)
    }

    /// First token of the sentence of token `i` (at least `lo`).
    pub fn sentence_start_token(&self, i: usize, lo: usize) -> usize {
        let s = self.tok_sentence[i.min(self.toks.len() - 1)];
        let mut k = i.min(self.toks.len() - 1);
        while k > lo && self.tok_sentence[k - 1] == s {
            k -= 1;
        }
        k
    }

    /// The end of the paragraph after the one that ends at token `pb` (or `pb` at the end).
    pub fn paragraph_end_token(&self, pb: usize) -> usize {
        let Some(next) = self.toks.get(pb) else { return pb };
        let para = self.segments.paragraphs.partition_point(|p| p.end <= next.span.start);
        let end = self.segments.paragraphs.get(para).map_or(usize::MAX, |p| p.end);
        self.first_token_from(pb, self.toks.len(), end)
    }

    /// The first token in `lo..hi` that starts at or after byte `at` (`hi` if none). A binary
    /// search (tokens are in text order), so that a paragraph of thousands of quotes stays linear.
    pub fn first_token_from(&self, lo: usize, hi: usize, at: usize) -> usize {
        let (lo, hi) = (lo.min(hi), hi.min(self.toks.len()));
        lo + self.toks[lo..hi].partition_point(|t| t.span.start < at)
    }

    /// The quote region whose opening mark is token `k`.
    pub fn quote_starting_at(&self, k: usize) -> Option<usize> {
        let start = self.toks.get(k)?.span.start;
        let quotes = &self.segments.quotes;
        let i = quotes.partition_point(|q| q.outer.start < start);
        (i < quotes.len() && quotes[i].outer.start == start).then_some(i)
    }
}

/// The first token of a verb group: auxiliaries and adverbs in front of the verb ("has also said").
pub fn verb_group_start(w: &Words, lo: usize, k: usize) -> usize {
    let mut g = k;
    // "was quoted as saying"
    if g >= lo + 2 && w.is(g - 1, "as") && w.is(g - 2, "quoted") {
        g -= 2;
    }
    while g > lo && w.is_word(g - 1) && !w.toks[g - 1].quoted && is_verb_modifier(w.lower(g - 1)) {
        g -= 1;
    }
    g
}

fn is_article(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your")
}

/// Verbs whose object is the listener: "told Reuters", "assured reporters".
fn takes_listener(verb: &str) -> bool {
    matches!(
        verb,
        "told" | "tell" | "tells" | "telling" | "assured" | "informed" | "reminded" | "asked" | "warned" | "urged"
    )
}

/// Where the content begins after the verb at `cue` (next token `j`): skips the listener
/// ("told reporters at the Pentagon"), times ("on Thursday") and settings ("in a statement").
/// Returns the token and the listener.
pub fn content_right_start(w: &Words, cue: usize, mut j: usize, end: usize) -> (usize, Option<(usize, usize)>) {
    let mut medium = None;
    if j < end && takes_listener(w.lower(cue)) && w.is_word(j) && !w.is(j, "that") && !w.toks[j].quoted {
        let m = listener_end(w, j, end);
        if m > j {
            medium = Some((j, m));
            j = m;
        }
    }
    while j < end {
        let lw = w.lower(j);
        let time = w.is_word(j) && !w.toks[j].quoted && is_time_word(lw) && !is_preposition(lw) && !w.is_capitalised(j);
        if w.is_punct(j, ',') || w.is_punct(j, ':') || time || is_day(lw) {
            j += 1;
        } else if w.is_word(j)
            && matches!(lw, "on" | "at" | "in" | "during" | "via" | "through" | "with" | "late" | "early")
        {
            // A setting: up to a "that" or a comma, else only the time words.
            let stop = (j + 1..end.min(j + 12)).find(|&t| w.is(t, "that") || w.is_punct(t, ',') || w.toks[t].quoted);
            match stop {
                Some(t) if w.is(t, "that") => return (t, medium),
                Some(t) if w.is_punct(t, ',') => j = t + 1,
                _ => {
                    let mut t = j + 1;
                    while t < end
                        && w.is_word(t)
                        && (is_time_word(w.lower(t)) || w.is_capitalised(t) && is_day(w.lower(t)))
                    {
                        t += 1;
                    }
                    if t == j + 1 {
                        break;
                    }
                    j = t;
                }
            }
        } else {
            break;
        }
    }
    (j, medium)
}

/// The end of the listener phrase that starts at `j`: one noun phrase ("reporters", "the BBC",
/// "Voice of America"), so "told Reuters the convoy …" keeps "the convoy" in the content.
fn listener_end(w: &Words, j: usize, end: usize) -> usize {
    let mut m = j;
    if is_determiner(w.lower(m)) && !is_preposition(w.lower(m)) {
        m += 1;
    }
    let capitalised = m < end && w.is_word(m) && w.is_capitalised(m);
    while m < end && m < j + 6 && w.is_word(m) && !w.toks[m].quoted {
        let lw = w.lower(m);
        if w.is_capitalised(m) != capitalised {
            // "Voice of America": "of" between two capitalised words.
            if !(capitalised && lw == "of" && m + 1 < end && w.is_capitalised(m + 1)) {
                break;
            }
        }
        let name_goes_on = capitalised && w.is_capitalised(m);
        if m > j
            && !name_goes_on
            && (is_determiner(lw) && lw != "of" || w.is_pronoun(m) || is_time_word(lw) || lw == "that")
        {
            break;
        }
        if super::lexicon::ends_noun_phrase(lw) || lexicon().verbs.contains_key(lw) {
            break;
        }
        m += 1;
    }
    m
}

fn is_day(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// The end of a sentence's content: its final full stop is left out, a closing quote kept.
fn content_end(w: &Words, from: usize, end: usize) -> Option<Span> {
    let mut e = end;
    while e > from
        && !w.toks[e - 1].quoted
        && !w.is_word(e - 1)
        && !matches!(w.toks[e - 1].kind, super::tokens::TokenKind::Punct(')' | ']'))
    {
        e -= 1;
    }
    (e > from).then(|| w.span(from, e))
}

fn is_direct(doc: &Doc, content: Span) -> bool {
    let quotes = &doc.segments.quotes;
    let i = quotes.partition_point(|q| q.outer.end <= content.start);
    i < quotes.len() && quotes[i].outer.start == content.start && quotes[i].outer.end >= content.end
}

/// Verbs that report whatever follows them ("said the strikes …", "denied the claim"); the others
/// need a clause: "maintains that …", not "maintains a lead".
fn takes_any_content(verb: &str) -> bool {
    let lemma_ok = [
        "say",
        "said",
        "tell",
        "told",
        "claim",
        "report",
        "writ",
        "wrote",
        "tweet",
        "stat",
        "not",
        "insist",
        "argu",
        "warn",
        "acknowledg",
        "admit",
        "confirm",
        "den",
        "explain",
        "alleg",
        "predict",
        "declar",
        "suggest",
        "stress",
        "emphasi",
        "contend",
        "assert",
        "testif",
        "complain",
        "conced",
        "announc",
        "repl",
        "respond",
        "indicat",
        "reveal",
        "believ",
        "think",
        "thought",
        "hop",
        "fear",
        "ask",
        "accus",
    ];
    lemma_ok.iter().any(|p| verb.starts_with(p))
}

/// The content opens with a clause marker: "that", a quotation, a wh-word, or "to".
fn opens_clause(w: &Words, j: usize) -> bool {
    w.toks[j].quoted
        || matches!(
            w.lower(j),
            "that"
                | "what"
                | "whether"
                | "how"
                | "why"
                | "if"
                | "who"
                | "when"
                | "where"
                | "to"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "there"
                | "this"
        )
}

/// Finds indirect attributions in the sentence of tokens `sa..sb`.
///
/// `quoted` are the indices in `found` of the attributions of direct quotes whose cue is in the
/// sentence, ordered by cue.
pub fn find(doc: &Doc, sa: usize, sb: usize, quoted: &[usize], found: &mut Vec<Found>) {
    // Only a reporting verb or "according" begins a cue: the other tokens are passed over on their
    // class byte, and a sentence without one is done at once (most are).
    let may_open_cue = |c: &u8| c & (VERB | ACCORDING) != 0;
    if !doc.classes[sa..sb].iter().any(may_open_cue) {
        return;
    }
    // The attributions already found in this sentence (direct quotes), by position.
    let mut here: Vec<usize> = quoted.to_vec();
    // A headline in title case ("Okafor Says She Never Agreed …") capitalises its verbs too.
    let words = (sa..sb).filter(|&t| doc.toks[t].is_word() && !doc.toks[t].quoted);
    let (capitals, total) = words.fold((0, 0), |(c, n), t| (c + usize::from(doc.toks[t].is_capitalised()), n + 1));
    let title_case = total >= 4 && capitals * 10 >= total * 8;
    crate::sort::by_key(&mut here, |&f| found[f].cue.0);
    let w = doc.words();
    let mut i = sa;
    while let Some(next) = doc.classes[i.min(sb)..sb].iter().position(may_open_cue) {
        let k = i + next;
        i = k + 1;
        if w.toks[k].quoted {
            continue;
        }
        // Ruled out on their class and on the attributions found before the readers run.
        let according = w.has(k, ACCORDING) && w.is(k + 1, "to");
        let verb = || w.is_verb(k) || title_case && lexicon().verbs.contains_key(w.lower(k));
        if !according && !verb() || taken(doc, found, k) {
            continue;
        }
        // The attributions found so far in this sentence, for the readers that need them (copied
        // only then: most words are no reporting verb).
        let found_here = || -> Vec<Found> { here.iter().map(|&f| found[f].clone()).collect() };
        let f = if according {
            according_to(doc, sa, sb, k, &found_here()).map(|f| (f, k))
        } else {
            if w.is_capitalised(k) && k != sa && !title_case {
                continue;
            }
            let form = lexicon().verbs[w.lower(k)];
            if form.class == VerbClass::Quote && !w.is(k + 1, "that") {
                continue;
            }
            let g = verb_group_start(&w, sa, k);
            // "the report", "his claims"; "some said" is a subject, "some claims" a noun.
            let noun = g > sa
                && w.is_word(g - 1)
                && if form.ambiguous { is_determiner(w.lower(g - 1)) } else { is_article(w.lower(g - 1)) };
            if noun {
                continue; // "the report", "his claims"
            }
            if g > sa + 1 && w.is(g - 1, "to") && matches!(w.lower(g - 2), "declined" | "refused" | "wanted" | "hard") {
                continue;
            }
            // A passive without its agent ("are not reported to have …") names no source.
            let passive = (g..k).any(|t| matches!(w.lower(t), "is" | "are" | "was" | "were" | "been" | "be"))
                && !form.participle
                && !w.is(k + 1, "by");
            if passive {
                // "It was reported that …": a statement without a named source.
                if let Some(f) = agentless(doc, sb, k) {
                    here.push(found.len());
                    found.push(f);
                    i = k + 1;
                }
                continue;
            }
            let subject = here.iter().rev().find(|&&f| found[f].cue.0 < k).copied();
            let f = if form.participle {
                participle(doc, sa, sb, k, g, subject)
            } else if g > sa && matches!(w.lower(g - 1), "and" | "but") {
                coordinated(doc, sa, sb, k, g, subject)
            } else {
                finite(doc, sa, sb, k, g, &found_here())
            };
            match f {
                Some(f) if form.class == VerbClass::Belief && f.content.len() < 6 => None,
                Some(f) => {
                    let start = f.source.map_or(g, |s| s.0.min(g));
                    Some((f, start))
                }
                None => None,
            }
        };
        if let Some((f, clause)) = f {
            claim_clause(doc, found, &here, &f, clause);
            i = i.max(f.source.map_or(0, |s| s.1)).max(f.cue.1);
            here.push(found.len());
            found.push(f);
        }
    }
}

/// Whether token `k` is already part of an attribution (as cue or source) or a used quote.
fn taken(doc: &Doc, found: &[Found], k: usize) -> bool {
    let t = doc.toks[k].span;
    found.iter().rev().take(8).any(|f| {
        let inside = |r: Option<(usize, usize)>| r.is_some_and(|(a, b)| a <= k && k < b);
        inside(Some(f.cue)) || inside(f.source) || inside(f.medium) || (f.content.contains(t) && f.direct)
    })
}

/// A new cue at `clause_start` inside the content of an earlier attribution of the same sentence
/// ends that content at the comma before it ("…, adding that …").
fn claim_clause(doc: &Doc, found: &mut [Found], here: &[usize], f: &Found, clause_start: usize) {
    let at = doc.toks[clause_start].span.start;
    for &p in here {
        let prev = &mut found[p];
        if prev.content.start < at && at < prev.content.end && prev.content.end <= f.content.end.max(at + 1) {
            let w = doc.words();
            let mut e = clause_start;
            while e > 0 && (!w.is_word(e - 1) && !w.toks[e - 1].quoted || matches!(w.lower(e - 1), "and" | "but")) {
                e -= 1;
            }
            if e > 0 && w.toks[e - 1].span.end > prev.content.start {
                prev.content = Span::new(prev.content.start, w.toks[e - 1].span.end);
            }
        }
    }
}

/// Ends `f`'s content before an attribution found earlier (a direct quote) whose source and cue lie
/// further on in it: "21 percent said “not too likely” and 14 percent said “…”".
pub fn yield_to_later(doc: &Doc, found: &mut [Found]) {
    for i in 0..found.len() {
        let (before, rest) = found.split_at_mut(i + 1);
        let f = &mut before[i];
        for other in rest.iter().take(6) {
            cut_before(doc, f, other);
        }
    }
}

fn cut_before(doc: &Doc, f: &mut Found, other: &Found) {
    let w = doc.words();
    {
        let start = other.source.map_or(other.cue.0, |s| s.0.min(other.cue.0));
        let at = doc.toks[start].span.start;
        if start > f.cue.1 && f.content.start < at && at < f.content.end {
            let mut e = start;
            while e > 0 && (!w.is_word(e - 1) && !w.toks[e - 1].quoted || matches!(w.lower(e - 1), "and" | "but")) {
                e -= 1;
            }
            if e > 0 && w.toks[e - 1].span.end > f.content.start {
                f.content = Span::new(f.content.start, w.toks[e - 1].span.end);
            }
        }
    }
}

/// Whether token `k` lies inside an earlier attribution's content without a clause break before it:
/// "said that Clinton claimed …" reports one statement, not two.
fn nested(doc: &Doc, found_here: &[Found], k: usize) -> bool {
    let w = doc.words();
    let breaks = k > 0 && (w.ends_clause(k - 1) || matches!(w.lower(k - 1), "and" | "but"));
    !breaks && found_here.iter().any(|f| f.content.contains(w.toks[k].span))
}

/// The start of the clause that ends before token `k`: after the previous attribution of the sentence.
fn clause_start(doc: &Doc, sa: usize, k: usize, found_here: &[Found]) -> usize {
    let mut start = sa;
    for f in found_here {
        let last = f.cue.1.max(f.source.map_or(0, |s| s.1)).max(f.medium.map_or(0, |m| m.1));
        let content_end = (sa..k).find(|&t| doc.toks[t].span.start >= f.content.end).unwrap_or(k);
        let end = if f.content.start > doc.toks[f.cue.0].span.start { content_end } else { last };
        if end <= k {
            start = start.max(end);
        }
    }
    let w = doc.words();
    while start < k && !w.is_word(start) && !w.toks[start].quoted {
        start += 1;
    }
    start
}

fn finite(doc: &Doc, sa: usize, sb: usize, k: usize, g: usize, found_here: &[Found]) -> Option<Found> {
    let w = doc.words();
    // "…, said David Gilbert, the committee's president.": the source follows the verb and ends
    // the sentence.
    // Not when the sentence opens with a subject and its apposition ("A Western official, speaking
    // on condition of anonymity, said the strike …").
    // The source phrase before the verb group, read once for both questions below.
    let source_before = phrase::left(&w, sa, g);
    let subject_with_apposition = source_before.is_some_and(|(a, _)| a == sa);
    if g > sa && w.ends_clause(g - 1) && !subject_with_apposition {
        if let Some(f) = inverted(doc, sa, sb, k, g, found_here) {
            return Some(f);
        }
    }
    if let Some(src) = source_before {
        if nested(doc, found_here, src.0) || !plausible_source(&w, src.0, src.1) {
            return None;
        }
        let (j, medium) = content_right_start(&w, k, k + 1, sb);
        // "While he says X, it would seem …": the content ends with the subordinate clause.
        let subordinate = src.0 > sa && is_subordinator(w.lower(src.0 - 1));
        let end =
            if subordinate { (k + 1..sb).find(|&t| w.is_punct(t, ',') && !w.toks[t].quoted).unwrap_or(sb) } else { sb };
        // "Lund said in a radio interview.": a setting, not a statement.
        let setting_only = j < end && is_preposition(w.lower(j)) && w.is_word(j) && end - j <= 5;
        if let Some(content) = content_end(&w, j, end).filter(|_| j < end && !setting_only) {
            if !takes_any_content(w.lower(k)) && !opens_clause(&w, j) {
                return None;
            }
            // "If the tide turns, the harbour office said, the ferry may wait": the content runs around the cue.
            let parenthetical = src.0 > sa && w.ends_clause(src.0 - 1) && w.is_punct(k + 1, ',');
            let content = if parenthetical {
                let from = clause_start(doc, sa, src.0, found_here);
                content_end(&w, from, src.0).map_or(content, |c| c.cover(content))
            } else {
                content
            };
            let direct = is_direct(doc, content);
            return Some(Found { source: Some(src), shares_source_of: None, cue: (k, k + 1), content, medium, direct });
        }
        // Nothing after the verb: the content is the clause before the source ("…, officials said.").
        let before = src.0;
        if before > sa && (w.ends_clause(before - 1) || w.toks[before - 1].quoted) {
            let from = clause_start(doc, sa, before, found_here);
            let content = content_end(&w, from, before)?;
            let direct = is_direct(doc, content);
            return Some(Found { source: Some(src), shares_source_of: None, cue: (k, k + 1), content, medium, direct });
        }
        return None;
    }
    None
}

/// "…, said the official." The verb follows a comma and the source ends the sentence (or a clause).
fn inverted(doc: &Doc, sa: usize, sb: usize, k: usize, g: usize, found_here: &[Found]) -> Option<Found> {
    let w = doc.words();
    let lex = lexicon();
    let names_a_source = |(a, b): (usize, usize)| {
        let last = w.lower(b - 1);
        let head = w.is_capitalised(b - 1)
            || [&lex.anonymous_heads, &lex.org_heads, &lex.media, &lex.vague].iter().any(|set| set.contains(last));
        b - a <= 8 && head && plausible_source(&w, a, b)
    };
    let src = phrase::right(&w, k + 1, sb).filter(|&r| names_a_source(r))?;
    // The source may carry an apposition: "said Marta Ruiz, a Kessler adviser".
    let mut after = src.1;
    if w.is_punct(after, ',') {
        after = (after + 1..sb).find(|&t| w.is_punct(t, ',') || w.is_punct(t, '.')).unwrap_or(sb);
    }
    let (j, medium) = content_right_start(&w, k, after, sb);
    if j < sb && content_end(&w, j, sb).is_some_and(|c| c.len() > 12) {
        return None;
    }
    let from = clause_start(doc, sa, g - 1, found_here);
    let content = content_end(&w, from, g - 1)?;
    let direct = is_direct(doc, content);
    Some(Found { source: Some(src), shares_source_of: None, cue: (k, k + 1), content, medium, direct })
}

/// "…, adding that …", "…, saying …": the source is the subject of the clause before.
fn participle(doc: &Doc, sa: usize, sb: usize, k: usize, g: usize, subject: Option<usize>) -> Option<Found> {
    let w = doc.words();
    if g == sa
        || !(w.ends_clause(g - 1) || matches!(w.lower(g - 1), "by" | "as" | "before" | "after" | "while" | "when"))
    {
        return None;
    }
    let (j, medium) = content_right_start(&w, k, k + 1, sb);
    let content = content_end(&w, j, sb).filter(|_| j < sb)?;
    let direct = is_direct(doc, content);
    let shares = subject;
    let source = if shares.is_none() { Some(clause_subject(&w, sa, g - 1)?) } else { None };
    Some(Found { source, shares_source_of: shares, cue: (k, k + 1), content, medium, direct })
}

/// "Paul suggested that … and argued that …": a second verb with the subject of the first.
/// Without an earlier attribution, the source is the subject that opens the clause: "Lund called
/// both plans “hasty” and said …", "when Varga thanked the crew and said …".
fn coordinated(doc: &Doc, sa: usize, sb: usize, k: usize, g: usize, subject: Option<usize>) -> Option<Found> {
    let w = doc.words();
    let (j, medium) = content_right_start(&w, k, k + 1, sb);
    let content = content_end(&w, j, sb).filter(|_| j < sb)?;
    if !takes_any_content(w.lower(k)) && !opens_clause(&w, j) {
        return None;
    }
    let direct = is_direct(doc, content);
    if subject.is_some() {
        return Some(Found { source: None, shares_source_of: subject, cue: (k, k + 1), content, medium, direct });
    }
    let source = clause_subject(&w, sa, g - 1)?;
    Some(Found { source: Some(source), shares_source_of: None, cue: (k, k + 1), content, medium, direct })
}

/// The subject of the clause that ends before token `end`: the first plausible source phrase that
/// starts the sentence or follows a comma or a subordinator, and is followed by a verb rather than
/// by more punctuation ("In line with X, Sen. Ted Cruz was critical …, telling …" → Ted Cruz).
fn clause_subject(w: &Words, sa: usize, end: usize) -> Option<(usize, usize)> {
    let starts = std::iter::once(sa).chain((sa..end).filter_map(|t| {
        let boundary = !w.toks[t].quoted
            && (w.is_punct(t, ',') || w.is_punct(t, ';') || w.is(t, "that") || is_subordinator(w.lower(t)));
        boundary.then_some(t + 1)
    }));
    let candidates: Vec<(usize, usize)> = starts
        .filter(|&s| s < end)
        .filter_map(|s| phrase::right(w, s, end))
        .filter(|&(a, b)| b < end && plausible_source(w, a, b) && !opens_adverbial(w.lower(a)))
        .collect();
    // Best a phrase followed by its verb; else one followed by an apposition or a parenthesis
    // ("Helen Park, struck another tone, saying …", "Sen. Ola Brekke (D-Ore.) defended …").
    candidates
        .iter()
        .find(|&&(_, b)| w.is_word(b))
        .or_else(|| candidates.iter().find(|&&(_, b)| w.is_punct(b, '(') || w.is_punct(b, ',')))
        .copied()
}

/// A passive cue followed by its clause: "it was reported that …". No source.
fn agentless(doc: &Doc, sb: usize, k: usize) -> Option<Found> {
    let w = doc.words();
    if !w.is(k + 1, "that") {
        return None;
    }
    let content = content_end(&w, k + 1, sb)?;
    Some(Found { source: None, shares_source_of: None, cue: (k, k + 1), content, medium: None, direct: false })
}

/// Words that open an adverbial, not a subject: "In a statement, …", "Already, …".
fn opens_adverbial(w: &str) -> bool {
    is_preposition(w)
        || is_time_word(w)
        || matches!(
            w,
            "already"
                | "perhaps"
                | "throughout"
                | "outside"
                | "inside"
                | "including"
                | "after"
                | "before"
                | "since"
                | "during"
                | "still"
                | "instead"
                | "meanwhile"
                | "however"
                | "also"
                | "then"
                | "now"
                | "yet"
        )
}

/// "according to X": the source follows; the content is the rest of the sentence.
fn according_to(doc: &Doc, sa: usize, sb: usize, k: usize, found_here: &[Found]) -> Option<Found> {
    let w = doc.words();
    let src = phrase::right(&w, k + 2, sb)?;
    let cue = (k, k + 2);
    let from = clause_start(doc, sa, k, found_here);
    let leading = (from..k).all(|t| !w.is_word(t) || matches!(w.lower(t), "but" | "and" | "yet" | "so" | "also"));
    let content = if leading {
        let mut j = src.1;
        while j < sb && (w.is_punct(j, ',') || w.is_punct(j, ':')) {
            j += 1;
        }
        content_end(&w, j, sb).filter(|_| j < sb)?
    } else {
        let mut e = k;
        while e > from && !w.is_word(e - 1) && !w.toks[e - 1].quoted {
            e -= 1;
        }
        let head = content_end(&w, from, e)?;
        // "The strike, according to X, killed eight": the content goes on after the source.
        let tail = (src.1 < sb && w.is_punct(src.1, ',')).then(|| content_end(&w, src.1 + 1, sb)).flatten();
        tail.map_or(head, |t| head.cover(t))
    };
    let direct = is_direct(doc, content);
    Some(Found { source: Some(src), shares_source_of: None, cue, content, medium: None, direct })
}
