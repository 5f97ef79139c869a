//! Alignment: which claims, in different articles or the same one, are about the same thing.
//!
//! Claims are put in buckets by key (the counted concept and the concepts above it, the unit's
//! dimension, "date"); only claims sharing a bucket are compared, and a bucket too large to
//! compare pairwise is split by the claims' rarest event words. Two claims align when what they
//! measure matches and their event words overlap, each word weighted by how rare it is in the
//! cluster.

use super::lexicon::{lexicon, Relation};
use super::words::{is_content, lemma, tokens};
use super::{Claim, ClaimValue};
use crate::{Document, DocumentAnalysis};
use std::collections::{HashMap, HashSet};

/// Above this size a bucket is split by event words.
const BUCKET_LIMIT: usize = 200;
/// How many of a claim's rarest event words index it in a split bucket.
const INDEX_WORDS: usize = 4;
/// A word in at most this share of the cluster's sentences (or `RARE_MIN` sentences) is rare.
const RARE_SHARE: f32 = 0.04;
const RARE_MIN: f32 = 3.0;
/// Alignment a date pair gains for each rare event word its sentences share next to both dates
/// (a word right beside both counts fully; one ten words away about a third).
const DATE_RARE_WORD: f32 = 0.5;
/// Weight of event overlap against what-is-measured in the alignment score.
const EVENT_WEIGHT: f32 = 0.6;

/// Two claims judged to be about the same thing.
#[derive(Debug, Clone)]
pub struct Pair {
    pub score: f32,
    /// How the first claim's counted thing relates to the second's.
    pub relation: Relation,
    /// The rarest event words the two share, for the explanation.
    pub shared: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Alignment {
    /// Scored pairs `(i, j)` with `i < j`.
    pub pairs: HashMap<(usize, usize), Pair>,
    /// For each claim, its best partner in each document: `(doc, claim, score)`.
    pub best: Vec<Vec<(usize, usize, f32)>>,
    pub rarity: Rarity,
}

impl Alignment {
    pub fn pair(&self, i: usize, j: usize) -> Option<(&Pair, bool)> {
        if i < j {
            self.pairs.get(&(i, j)).map(|p| (p, false))
        } else {
            self.pairs.get(&(j, i)).map(|p| (p, true))
        }
    }

    /// The relation of claim `i`'s counted thing to claim `j`'s.
    pub fn relation(&self, i: usize, j: usize) -> Relation {
        match self.pair(i, j) {
            Some((p, false)) => p.relation,
            Some((p, true)) => match p.relation {
                Relation::Narrower => Relation::Broader,
                Relation::Broader => Relation::Narrower,
                r => r,
            },
            None => Relation::Unrelated,
        }
    }

    /// Whether `j` is `i`'s best partner in `j`'s document and the other way round.
    pub fn mutual_best(&self, i: usize, j: usize, claims: &[Claim]) -> bool {
        let best_of = |x: usize, doc: usize| self.best[x].iter().find(|b| b.0 == doc).map(|b| b.1);
        best_of(i, claims[j].doc) == Some(j) && best_of(j, claims[i].doc) == Some(i)
    }
}

/// How rare each word is in the cluster: `ln(1 + sentences / sentences holding it)`.
#[derive(Debug, Default)]
pub struct Rarity {
    weights: HashMap<String, f32>,
    unseen: f32,
    /// Words in at most this many sentences are rare enough to name an event ("retaliation").
    rare_df: f32,
}

impl Rarity {
    pub fn of_cluster(docs: &[Document], analyses: &[DocumentAnalysis]) -> Rarity {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut sentences = 0u32;
        let mut seen: HashSet<String> = HashSet::new();
        for (doc, a) in docs.iter().zip(analyses) {
            for (_, s) in a.segments.content_sentences() {
                sentences += 1;
                seen.clear();
                for t in tokens(&doc.text, s.span) {
                    let lower = t.text(&doc.text).to_lowercase();
                    if is_content(&lower) {
                        seen.insert(lemma(&lower));
                    }
                }
                for w in seen.drain() {
                    *df.entry(w).or_default() += 1;
                }
            }
        }
        let n = sentences.max(1) as f32;
        let weights = df.into_iter().map(|(w, c)| (w, (1.0 + n / c as f32).ln())).collect();
        Rarity { weights, unseen: (1.0 + n).ln(), rare_df: (n * RARE_SHARE).max(RARE_MIN) }
    }

    /// A word found in few sentences of the cluster.
    pub fn is_rare(&self, word: &str) -> bool {
        let n = (self.unseen.exp() - 1.0).max(1.0);
        let df = n / (self.of(word).exp() - 1.0);
        df <= self.rare_df + 0.5
    }

    pub fn of(&self, word: &str) -> f32 {
        self.weights.get(word).copied().unwrap_or(self.unseen)
    }
}

/// The keys a claim is indexed under.
fn keys(claim: &Claim) -> Vec<String> {
    match &claim.value {
        ClaimValue::Date(_) => vec!["date".into()],
        ClaimValue::Number { unit: Some(u), .. } => vec![format!("unit:{}", dimension(u))],
        _ => {
            let w = &claim.what;
            if let Some(c) = &w.concept {
                let mut k = vec![c.clone()];
                k.extend(lexicon().broader(c));
                k
            } else if let Some(c) = &w.context {
                vec![format!("near:{c}")]
            } else {
                Vec::new()
            }
        }
    }
}

/// The physical dimension of a unit symbol: lengths compare with lengths.
pub fn dimension(unit: &str) -> &str {
    match unit {
        "km" | "mi" | "m" | "cm" | "mm" | "ft" | "yd" | "in" | "nmi" => "length",
        "kg" | "g" | "t" | "lb" | "oz" => "mass",
        "km2" | "mi2" | "m2" | "ha" | "acre" => "area",
        "s" | "min" | "h" | "day" | "week" | "month" | "year" => "duration",
        "km/h" | "mph" | "m/s" | "kn" => "speed",
        "l" | "gal" | "bbl" | "m3" => "volume",
        other => other,
    }
}

/// Aligns the claims of a cluster.
pub fn align(docs: &[Document], analyses: &[DocumentAnalysis], claims: &[Claim]) -> Alignment {
    let rarity = Rarity::of_cluster(docs, analyses);
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for k in keys(c) {
            buckets.entry(k).or_default().push(i);
        }
    }
    let mut candidates: HashSet<(usize, usize)> = HashSet::new();
    for members in buckets.values() {
        if members.len() <= BUCKET_LIMIT {
            add_all_pairs(members, claims, &mut candidates);
            continue;
        }
        // Too many to compare pairwise: sub-buckets by each claim's rarest event words.
        let mut split: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in members {
            let mut words: Vec<&(String, f32)> = claims[i].event.iter().filter(|(_, w)| *w >= 0.5).collect();
            words.sort_by(|a, b| rarity.of(&b.0).total_cmp(&rarity.of(&a.0)));
            for (w, _) in words.into_iter().take(INDEX_WORDS) {
                split.entry(w.as_str()).or_default().push(i);
            }
        }
        for sub in split.values().filter(|s| s.len() <= BUCKET_LIMIT) {
            add_all_pairs(sub, claims, &mut candidates);
        }
    }
    let mut alignment = Alignment { best: vec![Vec::new(); claims.len()], ..Alignment::default() };
    for (i, j) in candidates {
        let Some(pair) = score(&claims[i], &claims[j], &rarity) else { continue };
        if pair.score < FLOOR {
            continue;
        }
        for (x, y) in [(i, j), (j, i)] {
            let doc = claims[y].doc;
            let best = &mut alignment.best[x];
            match best.iter_mut().find(|b| b.0 == doc) {
                Some(b) if b.2 >= pair.score => {}
                Some(b) => *b = (doc, y, pair.score),
                None => best.push((doc, y, pair.score)),
            }
        }
        alignment.pairs.insert((i, j), pair);
    }
    alignment.rarity = rarity;
    alignment
}

/// Pairs below this score are not kept at all.
const FLOOR: f32 = 0.2;

fn add_all_pairs(members: &[usize], claims: &[Claim], out: &mut HashSet<(usize, usize)>) {
    for (x, &i) in members.iter().enumerate() {
        for &j in &members[x + 1..] {
            let (a, b) = (&claims[i], &claims[j]);
            let comparable = a.doc != b.doc || a.sentence != b.sentence;
            if comparable && i != j {
                out.insert((i.min(j), i.max(j)));
            }
        }
    }
}

/// How strongly two claims look like the same thing, or `None` when they cannot be.
pub fn score(a: &Claim, b: &Claim, rarity: &Rarity) -> Option<Pair> {
    let (what, relation) = what_score(a, b)?;
    let dates = matches!((&a.value, &b.value), (ClaimValue::Date(_), ClaimValue::Date(_)));
    let (event, shared) = event_overlap(a, b, rarity, dates);
    if dates {
        // Dates stand in long sentences about many things: the same event shows in the rare
        // words both sentences use ("retaliation", "chemical"), not in the overall overlap.
        // Each rare word counts by how close it stands to both dates.
        let rare: f32 = a
            .event
            .iter()
            .filter(|(w, _)| rarity.is_rare(w))
            .filter_map(|(w, x)| b.event.iter().find(|(v, _)| v == w).map(|(_, y)| x.min(*y)))
            .sum();
        let score = (DATE_RARE_WORD * rare).min(0.75) + 0.3 * event;
        return Some(Pair { score, relation, shared });
    }
    Some(Pair { score: what + EVENT_WEIGHT * event, relation, shared })
}

/// How well what the two claims measure matches, and how their counted things relate.
fn what_score(a: &Claim, b: &Claim) -> Option<(f32, Relation)> {
    use ClaimValue::{Date, Number};
    match (&a.value, &b.value) {
        (Date(_), Date(_)) => Some((0.1, Relation::Same)),
        (Number { .. }, Number { .. }) => number_what(a, b),
        (ClaimValue::None, Number { .. }) | (Number { .. }, ClaimValue::None) => {
            // A denied outcome meets a figure for the same outcome.
            (a.outcome.is_some() && a.outcome == b.outcome).then_some(())?;
            let relation = lexicon().relation(a.what.concept.as_deref()?, b.what.concept.as_deref()?);
            (relation != Relation::Unrelated).then_some((0.3, relation))
        }
        _ => None,
    }
}

fn number_what(a: &Claim, b: &Claim) -> Option<(f32, Relation)> {
    let (wa, wb) = (&a.what, &b.what);
    // "a 20-vehicle convoy" counts the convoy's vehicles; it meets only another convoy's size.
    if wa.compound != wb.compound {
        return None;
    }
    if let (Some(ra), Some(rb)) = (&wa.reference, &wb.reference) {
        if ra != rb {
            return None; // 27 km from the border, 55 km from the base
        }
    }
    let same_reference = wa.reference.is_some() && wa.reference == wb.reference;
    match (wa.unit, wb.unit) {
        (Some(ua), Some(ub)) => {
            return (dimension(ua) == dimension(ub))
                .then_some((if same_reference { 0.5 } else { 0.35 }, Relation::Same));
        }
        (None, None) => {}
        _ => return None,
    }
    if !wa.proper.is_empty() && !wb.proper.is_empty() && !wa.proper.iter().any(|p| wb.proper.contains(p)) {
        return None; // "Syrian troops" and "Russian troops"
    }
    match (&wa.concept, &wb.concept) {
        (Some(ca), Some(cb)) => {
            let lex = lexicon();
            let relation = lex.relation(ca, cb);
            let generic = lex.is_generic(ca) || lex.is_generic(cb);
            let score = match relation {
                Relation::Unrelated => return None,
                Relation::Same if generic => 0.15,
                // A matching phrase of several words ("cruise missile") is strong evidence.
                Relation::Same if ca.contains(' ') => 0.6,
                Relation::Same => 0.45,
                _ if generic => 0.1,
                _ => 0.3,
            };
            Some((score, relation))
        }
        (None, None) => (wa.context.is_some() && wa.context == wb.context).then_some((0.1, Relation::Same)),
        _ => None,
    }
}

/// The overlap of the two claims' event words, each weighted by rarity. For figures, the
/// weighted Jaccard of the two contexts (shared weight over the weight of either), so two
/// figures in one list, with the same words at different distances, are told apart. For dates,
/// the share of the smaller context that the other covers: a date often stands in a long
/// sentence about something else, and what it dates is the few words around it.
pub fn event_overlap(a: &Claim, b: &Claim, rarity: &Rarity, coverage: bool) -> (f32, Vec<String>) {
    let mut shared: Vec<(&str, f32)> = Vec::new();
    let (mut both, mut either) = (0.0, 0.0);
    for (w, x) in &a.event {
        let r = rarity.of(w);
        match b.event.iter().find(|(v, _)| v == w) {
            Some((_, y)) => {
                both += x.min(*y) * r;
                either += x.max(*y) * r;
                shared.push((w, x.min(*y) * r));
            }
            None => either += x * r,
        }
    }
    either += b
        .event
        .iter()
        .filter(|(w, _)| !a.event.iter().any(|(v, _)| v == w))
        .map(|(w, y)| y * rarity.of(w))
        .sum::<f32>();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1));
    let words = shared.into_iter().take(3).map(|(w, _)| w.to_string()).collect();
    if coverage {
        // Cosine of the two weighted contexts.
        let norm = |c: &Claim| c.event.iter().map(|(w, x)| (x * rarity.of(w)).powi(2)).sum::<f32>().sqrt();
        let dot: f32 = a
            .event
            .iter()
            .filter_map(|(w, x)| b.event.iter().find(|(v, _)| v == w).map(|(_, y)| x * y * rarity.of(w).powi(2)))
            .sum();
        let n = norm(a) * norm(b);
        return (if n > 0.0 { dot / n } else { 0.0 }, words);
    }
    (if either > 0.0 { both / either } else { 0.0 }, words)
}
