//! Claim building: each figure or date with what it measures, its bound, the event words around
//! it and the source that asserts it; and each negated outcome ("no one was killed").

use super::lexicon::lexicon;
use super::when::When;
use super::words::{is_content, is_stop, lemma, ClusterWords, FormRole, Lemmas, Strings, Token};
use super::{Claim, ClaimValue, EventWords, Source, What};
use crate::attributions::{Attribution, SourceKind};
use crate::numbers::{Bound, Kind, Quantity, Value};
use crate::{Document, DocumentAnalysis, Span};
use std::cell::RefCell;
use std::rc::Rc;

/// Words further than this from the figure in its sentence weigh half or less.
const PROXIMITY: f32 = 6.0;
/// Weight of the words of the sentences before and after.
const NEIGHBOUR_WEIGHT: f32 = 0.3;
/// Words on each side of a date that say what it dates.
const DATE_WINDOW: usize = 40;
/// Bytes before a figure searched for a qualifier ("no fewer than ").
const QUALIFIER_BYTES: usize = 48;

/// The claims of a cluster; each claim's event words are lemma ids of the cluster's words, sorted
/// by id (the alignment reads the ids as they are).
#[derive(Debug, Default)]
pub struct Built {
    pub claims: Vec<Claim>,
    /// The cluster's lemma table, shared by every claim's event words.
    names: Rc<Lemmas>,
}

impl Built {
    fn push(&mut self, mut claim: Claim, event: Vec<(u32, f32)>) {
        claim.event = EventWords { words: event, names: Rc::clone(&self.names) };
        self.claims.push(claim);
    }
}

pub fn build(docs: &[Document], analyses: &[DocumentAnalysis], cluster: &ClusterWords) -> Built {
    let mut out = Built { names: Rc::new(cluster.lemmas.clone()), ..Built::default() };
    let greatest = RefCell::new(vec![0; cluster.lemmas.len()]);
    // Each word form is lemmatised once for the cluster (`ClusterWords`), not once per claim of
    // its sentence and its neighbours'.
    for (d, (doc, analysis)) in docs.iter().zip(analyses).enumerate() {
        let text = doc.text.as_str();
        // Per sentence (none for boilerplate): its words and their lemma ids.
        // The document's words in three lists (one copy each), and each sentence's run of them.
        let list = &cluster.docs[d];
        let tokens: Vec<Token> = list.iter().map(|w| w.0).collect();
        let lemmas: Vec<Option<u32>> = list.iter().map(|w| cluster.form_lemma[w.1 as usize]).collect();
        let forms: Vec<u32> = list.iter().map(|w| w.1).collect();
        let sentences = analysis.segments.sentences.len();
        let (mut sentence_tokens, mut sentence_lemmas, mut sentence_forms) =
            (vec![&[][..]; sentences], vec![&[][..]; sentences], vec![&[][..]; sentences]);
        let mut start = 0;
        for run in list.chunk_by(|a, b| a.2 == b.2) {
            let (si, range) = (run[0].2, start..start + run.len());
            sentence_tokens[si] = &tokens[range.clone()];
            sentence_lemmas[si] = &lemmas[range.clone()];
            sentence_forms[si] = &forms[range];
            start += run.len();
        }
        let words = Words {
            greatest: &greatest,
            text,
            tokens: &sentence_tokens,
            lemmas: &sentence_lemmas,
            forms: &sentence_forms,
            lower: &cluster.forms,
            roles: &cluster.roles,
            names: &cluster.lemmas,
        };
        let sources = SourceIndex::new(&analysis.attributions);
        for (qi, q) in analysis.numbers.iter().enumerate() {
            if let Some((claim, event)) = quantity_claim(d, qi, q, analysis, &words, &sources) {
                out.push(claim, event);
            }
        }
        negation_claims(d, analysis, &words, &sources, &mut out);
        opposite_claims(d, analysis, &words, &sources, &mut out);
    }
    out
}

/// One document's words for building claims: per sentence, its tokens, their lemma ids (`None`
/// for stop words) and their lower-case form ids, with the interned lemmas and forms.
struct Words<'a> {
    /// Per lemma id, scratch for [`event_words`] (all 0 between calls).
    greatest: &'a RefCell<Vec<u32>>,
    text: &'a str,
    tokens: &'a [&'a [Token]],
    lemmas: &'a [&'a [Option<u32>]],
    forms: &'a [&'a [u32]],
    lower: &'a Strings,
    /// Per form id, what the builder asks of it near figures and at every word.
    roles: &'a [FormRole],
    names: &'a Lemmas,
}

impl<'a> Words<'a> {
    fn sentence(&self, sentence: usize) -> SentenceWords<'a> {
        SentenceWords {
            text: self.text,
            toks: self.tokens[sentence],
            forms: self.forms[sentence],
            lemmas: self.lemmas[sentence],
            lower: self.lower,
            names: self.names,
        }
    }

    /// Word `i` of sentence `sentence` in lower case (the cluster's form: no allocation).
    fn lower(&self, sentence: usize, i: usize) -> &str {
        self.lower.word(self.forms[sentence][i])
    }

    /// The outcome group word `i` of sentence `sentence` names ("killed" → "kill"), if any.
    fn outcome(&self, sentence: usize, i: usize) -> Option<&'static str> {
        let form = self.forms[sentence][i];
        self.roles[form as usize].outcome
    }
}

/// One sentence's words with their lower-case forms and lemmas, as the cluster worked them out:
/// what a figure counts is read without lower-casing or lemmatising a word again.
struct SentenceWords<'a> {
    text: &'a str,
    toks: &'a [Token],
    forms: &'a [u32],
    lemmas: &'a [Option<u32>],
    lower: &'a Strings,
    names: &'a Lemmas,
}

impl SentenceWords<'_> {
    /// The place of `t`, a word of the sentence, among its words (they come in order).
    fn index_of(&self, t: Token) -> usize {
        self.toks.partition_point(|x| x.span.start < t.span.start)
    }

    fn lower(&self, t: Token) -> &str {
        self.lower.word(self.forms[self.index_of(t)])
    }

    /// Whether `t` is a content word (it has a lemma in the cluster's table).
    fn is_content(&self, t: Token) -> bool {
        self.lemmas[self.index_of(t)].is_some()
    }

    /// The lemma of `t`: the cluster's for a content word, else worked out.
    fn lemma(&self, t: Token) -> String {
        match self.lemmas[self.index_of(t)] {
            Some(id) => self.names.word(id).to_string(),
            None => lemma(t.text(self.text)),
        }
    }
}

fn quantity_claim(
    doc: usize,
    index: usize,
    q: &Quantity,
    analysis: &DocumentAnalysis,
    words: &Words,
    sources: &SourceIndex,
) -> Option<(Claim, Vec<(u32, f32)>)> {
    let text = words.text;
    words.tokens.get(q.sentence)?; // a sentence of the document
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
        // The qualifier is a few words just before the figure: read only the last bytes of the
        // sentence before it, so a sentence with many figures is not lower-cased once per figure.
        let mut from = q.span.start.saturating_sub(QUALIFIER_BYTES).max(sentence.start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = text[from..q.span.start].to_lowercase();
        if let Some((b, len)) = lexicon().bound_before(&before) {
            let qualifier_start = from + before.trim_end().len() - len;
            if text.is_char_boundary(qualifier_start) {
                bound = b;
                span = Span::new(qualifier_start, span.end);
            }
        }
    }
    let what = if matches!(value, ClaimValue::Date(_)) {
        What::default()
    } else {
        let what = what_is_counted(&words.sentence(q.sentence), q);
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
        event: EventWords::default(),
        source: sources.source_of(text, q.span, q.sentence),
        quoted: analysis.segments.in_quote(q.span.start),
        dates_statement: false,
    };
    if matches!(claim.value, ClaimValue::Date(_)) {
        claim.dates_statement = follows_speech_verb(words, q.sentence, q.span);
    }
    claim.outcome = outcome_near(words, q.sentence, q.span);
    let event = if matches!(claim.value, ClaimValue::Date(_)) {
        // What a date dates is the few words around it, not the rest of a long sentence.
        event_words(words, q.span, None, q.sentence, DATE_WINDOW)
    } else {
        event_words(words, q.span, claim.what.counted_span, q.sentence, usize::MAX)
    };
    Some((claim, event))
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
fn what_is_counted(words: &SentenceWords, q: &Quantity) -> What {
    let (text, toks) = (words.text, words.toks);
    let mut what = What { unit: q.unit, ..What::default() };
    // The words after the figure, and after the counted words: tokens come in order, so each is
    // the rest of the sentence's list from the first that starts there.
    let after = &toks[toks.partition_point(|t| t.span.start < q.span.end)..];
    let (phrase, compound) = match q.counted {
        Some(c) => (toks.iter().copied().filter(|t| c.contains(t.span)).collect::<Vec<_>>(), false),
        None => noun_phrase_after(words, q.span.end, after),
    };
    let content: Vec<Token> = phrase.into_iter().filter(|&t| words.is_content(t)).collect();
    if let (Some(first), Some(last)) = (content.first(), content.last()) {
        what.counted_span = Some(q.counted.unwrap_or(first.span.cover(last.span)));
        what.lemmas = content.iter().map(|&t| words.lemma(t)).collect();
        what.proper = content[..content.len() - 1]
            .iter()
            .filter(|t| t.text(text).chars().next().is_some_and(char::is_uppercase))
            .map(|&t| words.lemma(t))
            .collect();
    }
    // What the figure modifies ("a 20-vehicle convoy") or is measured from ("27 km from the border").
    let rest_start = what.counted_span.map_or(q.span.end, |c| c.end.max(q.span.end));
    let rest = &after[after.partition_point(|t| t.span.start < rest_start)..];
    if compound {
        what.compound = true;
        what.reference = noun_phrase_after(words, rest_start, rest).0.last().map(|&t| words.lemma(t));
    } else if let Some(&first) = rest.first() {
        let gap = &text[rest_start..first.span.start];
        if gap.trim().is_empty() && matches!(words.lower(first), "from" | "of") {
            // Past a determiner: "from the border", "from a US-coalition base".
            let mut start = 1;
            while rest.get(start).is_some_and(|&t| is_determiner(words.lower(t))) {
                start += 1;
            }
            let from = rest[start - 1].span.end;
            let (np, _) = noun_phrase_after(words, from, rest.get(start..).unwrap_or_default());
            what.reference = np.last().map(|&t| words.lemma(t));
        }
    }
    what.concept = lexicon().concept(&what.lemmas);
    if what.concept.is_none() && q.unit.is_none() {
        // No counted noun: the nearest content word before the figure says what it is ("is 60").
        what.context = toks
            .iter()
            .rev()
            .filter(|t| t.span.end <= q.span.start)
            .find(|&&t| words.is_content(t))
            .map(|&t| words.lemma(t));
    }
    what
}

fn is_determiner(lower: &str) -> bool {
    matches!(lower, "the" | "a" | "an" | "its" | "their" | "this" | "that" | "these" | "those" | "his" | "her")
}

/// Up to three content words after `from` with nothing but spaces or hyphens between them;
/// "of" (and a determiner) may come first ("scores of the civilians"). Also says whether the
/// figure is joined to the first word by a hyphen ("20-vehicle"). `after`: words of `words`.
fn noun_phrase_after(words: &SentenceWords, from: usize, after: &[Token]) -> (Vec<Token>, bool) {
    let text = words.text;
    let mut out = Vec::new();
    let mut at = from;
    let mut i = 0;
    let compound = after.first().is_some_and(|t| text[from..t.span.start].trim() == "-");
    if let Some(&t) = after.first() {
        if words.lower(t) == "of" && text[from..t.span.start].trim().is_empty() {
            at = t.span.end;
            i = 1;
            if let Some(&det) = after.get(1) {
                if is_determiner(words.lower(det)) {
                    at = det.span.end;
                    i = 2;
                }
            }
        }
    }
    for &t in &after[i.min(after.len())..] {
        let gap = text[at..t.span.start].trim();
        let lower = words.lower(t);
        if !(gap.is_empty() || gap == "-") || is_stop(lower) || lower.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        out.push(t);
        at = t.span.end;
        if out.len() == 3 {
            break;
        }
    }
    (out, compound)
}

/// A verb of saying a few words before a date: "said on Thursday", "accusing the US on Friday".
fn follows_speech_verb(words: &Words, sentence: usize, span: Span) -> bool {
    let toks = words.tokens[sentence];
    let at = toks.iter().position(|t| t.span.start >= span.start).unwrap_or(toks.len());
    (at.saturating_sub(4)..at).any(|i| lexicon().is_speech(words.lower(sentence, i)))
}

/// The outcome verb close to a figure ("eight people were killed" → "kill").
fn outcome_near(words: &Words, sentence: usize, span: Span) -> Option<String> {
    let toks = words.tokens[sentence];
    let at = toks.iter().position(|t| t.span.start >= span.start).unwrap_or(toks.len());
    let lo = at.saturating_sub(4);
    let hi = (at + 6).min(toks.len());
    (lo..hi).find_map(|i| words.outcome(sentence, i).map(String::from))
}

/// The content words of the claim's sentence, weighted by closeness to the figure, and of the
/// sentences before and after, weighted less. The counted words are left out: they are the key.
fn event_words(words: &Words, figure: Span, counted: Option<Span>, sentence: usize, window: usize) -> Vec<(u32, f32)> {
    let neighbours = |n: usize| words.lemmas.get(n).copied().unwrap_or_default();
    let own = words.tokens[sentence];
    let room = own.len() + neighbours(sentence.wrapping_sub(1)).len() + neighbours(sentence + 1).len();
    // Each word once, at its greatest weight: per lemma id the greatest weight's bits so far (a
    // weight is positive, so its bits order as it does and are never 0, which marks a word not
    // met yet); then the ids met, sorted.
    let mut greatest = words.greatest.borrow_mut();
    let mut ids: Vec<u32> = Vec::with_capacity(room);
    let mut note = |id: u32, weight: f32| {
        let (bits, kept) = (weight.to_bits(), &mut greatest[id as usize]);
        if *kept == 0 {
            ids.push(id);
            *kept = bits;
        } else if bits > *kept {
            *kept = bits;
        }
    };
    let at = own.iter().position(|t| t.span.start >= figure.start).unwrap_or(own.len()) as f32;
    for (i, (t, lemma)) in own.iter().zip(words.lemmas[sentence]).enumerate() {
        let distance = (i as f32 - at).abs();
        if distance > window as f32 || figure.overlaps(t.span) || counted.is_some_and(|c| c.overlaps(t.span)) {
            continue;
        }
        if let Some(id) = lemma {
            note(*id, 1.0 / (1.0 + distance / PROXIMITY));
        }
    }
    if window == usize::MAX {
        for n in [sentence.wrapping_sub(1), sentence + 1] {
            neighbours(n).iter().flatten().for_each(|&id| note(id, NEIGHBOUR_WEIGHT));
        }
    }
    crate::sort::integers(&mut ids); // each id once
    ids.iter().map(|&id| (id, f32::from_bits(std::mem::take(&mut greatest[id as usize])))).collect()
}

/// The attributions of one document, indexed to find who asserts what lies at a span: the
/// attribution whose content holds it (the first in text order), else the first whose cue is in
/// the same sentence. A lookup costs a binary search and a walk down a tree, not a scan of
/// every attribution (a 10 MB article has tens of thousands).
struct SourceIndex<'a> {
    attributions: &'a [Attribution],
    /// Attribution indices by content start.
    by_start: Vec<usize>,
    starts: Vec<usize>,
    /// A segment tree over `by_start`: the largest content end under each node.
    max_end: Vec<usize>,
    leaves: usize,
    first_in_sentence: rustc_hash::FxHashMap<usize, usize>,
}

impl<'a> SourceIndex<'a> {
    fn new(attributions: &'a [Attribution]) -> SourceIndex<'a> {
        let mut by_start: Vec<usize> = (0..attributions.len()).collect();
        crate::sort::by_key(&mut by_start, |&i| (attributions[i].content.start, i));
        let leaves = by_start.len().next_power_of_two();
        let mut max_end = vec![0; 2 * leaves];
        for (k, &i) in by_start.iter().enumerate() {
            max_end[leaves + k] = attributions[i].content.end;
        }
        for node in (1..leaves).rev() {
            max_end[node] = max_end[2 * node].max(max_end[2 * node + 1]);
        }
        let mut first_in_sentence = rustc_hash::FxHashMap::default();
        for (i, a) in attributions.iter().enumerate() {
            first_in_sentence.entry(a.sentence).or_insert(i);
        }
        let starts = by_start.iter().map(|&i| attributions[i].content.start).collect();
        SourceIndex { attributions, by_start, starts, max_end, leaves, first_in_sentence }
    }

    /// The first attribution (in text order) whose content holds `span`.
    fn containing(&self, span: Span) -> Option<usize> {
        let starting_before = self.starts.partition_point(|&s| s <= span.start);
        let mut first = None;
        self.visit(1, 0, self.leaves, starting_before, span.end, &mut first);
        first
    }

    /// Walks the nodes over `[lo, hi)` whose leaves start at or before the span (`limit`) and
    /// may end at or after it: only the branches that hold a containing content.
    fn visit(&self, node: usize, lo: usize, hi: usize, limit: usize, end: usize, first: &mut Option<usize>) {
        if lo >= limit || self.max_end[node] < end {
            return;
        }
        if hi - lo == 1 {
            let i = self.by_start[lo];
            *first = Some(first.map_or(i, |f: usize| f.min(i)));
            return;
        }
        let mid = (lo + hi) / 2;
        self.visit(2 * node, lo, mid, limit, end, first);
        self.visit(2 * node + 1, mid, hi, limit, end, first);
    }

    fn source_of(&self, text: &str, span: Span, sentence: usize) -> Option<Source> {
        let i = self.containing(span).or_else(|| self.first_in_sentence.get(&sentence).copied())?;
        let a = &self.attributions[i];
        let words = a.speaker.clone().or_else(|| a.source.map(|s| s.text(text).to_string()))?;
        let named =
            !a.anonymous && matches!(a.source_kind, SourceKind::Person | SourceKind::Organisation | SourceKind::Media);
        Some(Source { name: words, named })
    }
}

/// "No Danish or Dutch sailors were injured", "no one was hurt", "nobody died": an outcome denied
/// for a group of people or things.
fn negation_claims(doc: usize, analysis: &DocumentAnalysis, words: &Words, sources: &SourceIndex, out: &mut Built) {
    let text = words.text;
    for (si, toks) in words.tokens.iter().enumerate() {
        for (i, t) in toks.iter().enumerate() {
            // A word that is "no" or "nobody" in any case has that lower-case form.
            if !words.roles[words.forms[si][i] as usize].may_deny {
                continue;
            }
            let word = t.text(text);
            let no = word.eq_ignore_ascii_case("no");
            let everyone = word.eq_ignore_ascii_case("nobody")
                || (no && toks.get(i + 1).is_some_and(|n| n.text(text).eq_ignore_ascii_case("one")));
            if !no && !everyone {
                continue;
            }
            // The outcome verb within a few words: "no [Danish or Dutch sailors] were injured".
            let Some((vi, outcome)) = toks
                .iter()
                .enumerate()
                .skip(i + 1)
                .take(7)
                .find_map(|(j, _)| words.outcome(si, j).map(|o| (j, o.to_string())))
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
            let event = event_words(words, span, Some(span), si, usize::MAX);
            let claim = Claim {
                doc,
                quantity: None,
                span,
                sentence: si,
                what,
                value: ClaimValue::None,
                bound: Bound::Exact,
                outcome: Some(outcome),
                event: EventWords::default(),
                source: sources.source_of(text, span, si),
                quoted: analysis.segments.in_quote(span.start),
                dates_statement: false,
            };
            out.push(claim, event);
        }
    }
}

/// "Its shares fell", "the council approved": a verb of opposite outcomes (lexicon `opposite`)
/// with its subject, the nearest content word before it. A negated verb ("did not approve") is
/// left out: what it says is less clear than the opposite verb would be.
fn opposite_claims(doc: usize, analysis: &DocumentAnalysis, words: &Words, sources: &SourceIndex, out: &mut Built) {
    let text = words.text;
    for (si, toks) in words.tokens.iter().enumerate() {
        for (vi, t) in toks.iter().enumerate() {
            // The lexicon's verbs are ASCII lower case: one written so is its own lower-case form.
            if !words.roles[words.forms[si][vi] as usize].opposite {
                continue;
            }
            let verb = t.text(text);
            // Written in lower case: "Rose" and "Won" begin names as often as sentences.
            if verb.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            let Some((group, up)) = lexicon().opposite(verb) else { continue };
            let negated = toks[vi.saturating_sub(3)..vi].iter().any(|n| {
                let w = n.text(text).to_lowercase();
                matches!(w.as_str(), "not" | "never" | "no" | "nor") || w.ends_with("n't") || w.ends_with("n’t")
            });
            let subject = words.lemmas[si][..vi].iter().rev().flatten().next();
            let (false, Some(&subject)) = (negated, subject) else { continue };
            let span = t.span;
            let event = event_words(words, span, Some(span), si, usize::MAX);
            let claim = Claim {
                doc,
                quantity: None,
                span,
                sentence: si,
                what: What { context: Some(words.names.word(subject).to_string()), ..What::default() },
                value: ClaimValue::Opposite { group, up },
                bound: Bound::Exact,
                outcome: None,
                event: EventWords::default(),
                source: sources.source_of(text, span, si),
                quoted: analysis.segments.in_quote(span.start),
                dates_statement: false,
            };
            out.push(claim, event);
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
