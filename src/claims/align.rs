//! Alignment: which claims, in different articles or the same one, are about the same thing.
//!
//! Claims are put in buckets by key (the counted concept and the concepts above it, the unit's
//! dimension, "date"). Inside a bucket an inverted index on event words (interned ids) finds each
//! claim's candidates: the claims that share its most telling words, each shared word counted by
//! its rarity in the cluster. A word common in the bucket (a long posting list) is read only
//! around the claim's value (the same value, and the nearest values below and above, in a list
//! sorted by value), and the claims nearest in value are candidates too, so a claim with no
//! shared words still meets the figures closest to its own. Each claim keeps its best
//! [`OTHER_DOC_CANDIDATES`] candidates in other articles and [`SAME_DOC_CANDIDATES`] in its own,
//! which are then scored exactly. The work per claim is bounded, so a cluster of 1,000 articles
//! costs about ten times one of 100; the price, in a big bucket, is that a claim is compared only
//! with its best-matching candidates, never with every claim of the bucket.

use super::lexicon::{lexicon, Relation};
use super::words::{ClusterWords, Lemmas};
use super::{Claim, ClaimValue};
use rustc_hash::FxHashMap;

/// Candidates a claim keeps in other articles, and in its own, best first: enough for one per
/// article of a usual cluster, few enough to keep the work per claim bounded.
pub const OTHER_DOC_CANDIDATES: usize = 8;
pub const SAME_DOC_CANDIDATES: usize = 2;
/// A claim looks up its most telling event words (closeness × rarity) in the index.
const LOOKUP_WORDS: usize = 12;
/// A posting list longer than this is a word common in the bucket: read only around the value.
const LONG_LIST: usize = 48;
/// Entries read in a long list on each side of the claim among equal values, and of the nearest
/// lower and higher values; also the claims nearest in value in the whole bucket.
const NEAR: usize = 8;
/// A word in at most this share of the cluster's sentences (or `RARE_MIN` sentences) is rare.
const RARE_SHARE: f32 = 0.04;
const RARE_MIN: f32 = 3.0;
/// Past the rare limit a word fades out, naming no event at this many times the limit.
const RARE_FADE: f32 = 1.5;
/// Alignment a date pair gains for each rare event word its sentences share next to both dates
/// (a word right beside both counts fully; one ten words away about a third).
const DATE_RARE_WORD: f32 = 0.7;
/// Weight of event overlap against what-is-measured in the alignment score.
const EVENT_WEIGHT: f32 = 0.6;

/// Two claims judged to be about the same thing.
#[derive(Debug, Clone)]
pub struct Pair {
    pub score: f32,
    /// How the first claim's counted thing relates to the second's.
    pub relation: Relation,
    /// The rarest event words the two share (ids in [`Events`]), for the explanation.
    pub shared: Strongest,
}

/// Up to three shared event words, strongest first: kept inline, as every scored pair has them
/// and only the few reported pairs read them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Strongest {
    words: [(u32, f32); 3],
    len: u8,
}

impl Strongest {
    /// Adds a word after every kept word at least as strong (a stable sort by strength, cut at three).
    /// (A strength is never NaN: `<` orders it as `total_cmp` does, but for the sign of a zero,
    /// and a strength is a product of positive weights.)
    fn offer(&mut self, id: u32, strength: f32) {
        let len = self.len as usize;
        let at = self.words[..len].iter().position(|w| w.1 < strength).unwrap_or(len);
        if at == self.words.len() {
            return;
        }
        // The weaker words move down one place, the last falling off a full list.
        let last = len.min(self.words.len() - 1);
        for k in (at + 1..=last).rev() {
            self.words[k] = self.words[k - 1];
        }
        self.words[at] = (id, strength);
        self.len = (len + 1).min(self.words.len()) as u8;
    }

    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.words[..self.len as usize].iter().map(|w| w.0)
    }
}

/// A claim's best partner in one document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partner {
    pub doc: u32,
    pub claim: u32,
    pub score: f32,
}

/// The scored pairs and each claim's best partners, in flat lists (a big cluster has hundreds of
/// thousands of pairs: no hash map entry or `Vec` per claim).
#[derive(Debug, Default)]
pub struct Alignment {
    /// Scored pairs `(i, j)` with `i < j`, grouped by `i` in order of `j`: claim `i`'s are
    /// `partner[pairs_from[i]..pairs_from[i + 1]]` and the same range of `pair`.
    pairs_from: Vec<u32>,
    partner: Vec<u32>,
    pair: Vec<Pair>,
    /// For each claim, its best partner in each document, in order of document: claim `x`'s are
    /// `best[best_from[x]..best_from[x + 1]]`.
    best_from: Vec<u32>,
    best: Vec<Partner>,
    pub events: Events,
}

impl Alignment {
    pub fn pair(&self, i: usize, j: usize) -> Option<(&Pair, bool)> {
        let (low, high, flipped) = if i < j { (i, j, false) } else { (j, i, true) };
        let (from, to) = (self.pairs_from[low] as usize, self.pairs_from[low + 1] as usize);
        let k = self.partner[from..to].binary_search(&(high as u32)).ok()?;
        Some((&self.pair[from + k], flipped))
    }

    /// Claim `i`'s scored pairs `(i, j)`, `j > i`, in order of `j`: each pair is listed once, under its lower claim.
    pub fn pairs_of(&self, i: usize) -> impl Iterator<Item = (usize, &Pair)> + '_ {
        let range = self.pairs_from[i] as usize..self.pairs_from[i + 1] as usize;
        self.partner[range.clone()].iter().zip(&self.pair[range]).map(|(&j, p)| (j as usize, p))
    }

    /// Claim `x`'s best partner in each document where it has one, in order of document.
    pub fn best(&self, x: usize) -> &[Partner] {
        &self.best[self.best_from[x] as usize..self.best_from[x + 1] as usize]
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
        self.mutual_best_by(i, j, |c| claims[c].doc)
    }

    fn mutual_best_by(&self, i: usize, j: usize, doc_of: impl Fn(usize) -> usize) -> bool {
        self.best_in(i, doc_of(j)) == Some(j) && self.best_in(j, doc_of(i)) == Some(i)
    }

    /// Claim `x`'s best partner in document `doc`.
    pub fn best_in(&self, x: usize, doc: usize) -> Option<usize> {
        let best = self.best(x);
        let k = best.binary_search_by_key(&(doc as u32), |p| p.doc).ok()?;
        Some(best[k].claim as usize)
    }

    /// Each claim's best partner per document, from the scored pairs. Claims come in order of
    /// document, so a claim meets its partners (lower ones, then higher ones, each in order) in
    /// order of document too: a better partner in the same document can only replace the last
    /// one kept, and the first of equal scores stays.
    fn find_best(&mut self, doc_of: impl Fn(usize) -> u32) {
        let n = self.pairs_from.len() - 1;
        // Room for every pair a claim is in, then each claim's kept partners moved down.
        let mut room = vec![0u32; n + 1];
        for i in 0..n {
            let (from, to) = (self.pairs_from[i] as usize, self.pairs_from[i + 1] as usize);
            room[i + 1] += (to - from) as u32;
            for &j in &self.partner[from..to] {
                room[j as usize + 1] += 1;
            }
        }
        for x in 0..n {
            room[x + 1] += room[x];
        }
        let mut kept = vec![0u32; n];
        let mut best = vec![Partner { doc: 0, claim: 0, score: 0.0 }; room[n] as usize];
        let mut offer = |x: usize, y: usize, score: f32| {
            let (from, len) = (room[x] as usize, kept[x] as usize);
            let doc = doc_of(y);
            if len > 0 && best[from + len - 1].doc == doc {
                let last = &mut best[from + len - 1];
                // Replaced unless at least as good is known (a NaN score replaces, as before).
                let better_known = last.score >= score;
                if !better_known {
                    *last = Partner { doc, claim: y as u32, score };
                }
            } else {
                best[from + len] = Partner { doc, claim: y as u32, score };
                kept[x] += 1;
            }
        };
        for i in 0..n {
            let (from, to) = (self.pairs_from[i] as usize, self.pairs_from[i + 1] as usize);
            for (&j, p) in self.partner[from..to].iter().zip(&self.pair[from..to]) {
                offer(i, j as usize, p.score);
                offer(j as usize, i, p.score);
            }
        }
        let mut best_from = Vec::with_capacity(n + 1);
        let mut to = 0;
        for x in 0..n {
            best_from.push(to as u32);
            let from = room[x] as usize;
            best.copy_within(from..from + kept[x] as usize, to);
            to += kept[x] as usize;
        }
        best_from.push(to as u32);
        best.truncate(to);
        best.shrink_to_fit();
        (self.best_from, self.best) = (best_from, best);
    }
}

/// How rare each word is in the cluster: `ln(1 + sentences / sentences holding it)`, by lemma id.
#[derive(Debug, Default)]
pub struct Rarity {
    lemmas: Lemmas,
    weights: Vec<f32>,
    /// By lemma id, the sentences holding it (its weight and rareness depend on nothing else).
    df: Vec<u32>,
    n: f32,
    unseen: f32,
    /// Words in at most this many sentences are rare enough to name an event ("retaliation").
    rare_df: f32,
}

impl Rarity {
    pub fn of_cluster(words: &ClusterWords) -> Rarity {
        // The cluster's lemma ids (the claims' event words have the same); `Events` may add more.
        let lemmas = words.lemmas.clone();
        // Sentences holding each lemma, and the last sentence that counted it (each counts once).
        let mut df: Vec<u32> = Vec::new();
        let mut last_seen: Vec<u32> = Vec::new();
        let mut sentence = 0u32; // a number per sentence with words, from 1
        for list in &words.docs {
            let mut current = None;
            for &(_, form, si) in list {
                if current != Some(si) {
                    current = Some(si);
                    sentence += 1;
                }
                let Some(id) = words.form_lemma[form as usize] else { continue };
                let id = id as usize;
                if id >= df.len() {
                    df.resize(id + 1, 0);
                    last_seen.resize(id + 1, 0);
                }
                if last_seen[id] != sentence {
                    last_seen[id] = sentence;
                    df[id] += 1;
                }
            }
        }
        let sentences = words.sentences;
        let n = sentences.max(1) as f32;
        let unseen = (1.0 + n).ln();
        let rare_df = (n * RARE_SHARE).max(RARE_MIN);
        let mut rarity = Rarity { lemmas, weights: Vec::new(), df, n, unseen, rare_df };
        rarity.weights = per_count(&rarity.df, |c| rarity.weight_of_count(c));
        rarity
    }

    /// The weight of a word in `count` sentences (0: a word of no content sentence).
    fn weight_of_count(&self, count: u32) -> f32 {
        if count > 0 {
            (1.0 + self.n / count as f32).ln()
        } else {
            self.unseen
        }
    }

    /// Rarity as a share of the rarest possible (a word in one sentence): 0 to 1.
    fn relative(&self, weight: f32) -> f32 {
        if self.unseen > 0.0 {
            (weight / self.unseen).min(1.0)
        } else {
            0.0
        }
    }

    /// The cluster's sentences (at least 1) as the rarity of an unseen word gives them back.
    fn sentences(&self) -> f32 {
        (self.unseen.exp() - 1.0).max(1.0)
    }

    /// How far a word of this rarity names an event, 0 to 1: fully when found in few sentences of
    /// the cluster, fading to nothing at [`RARE_FADE`] times as many. A word does not stop naming the event
    /// when one more article uses it ("on board" in a third article).
    /// `sentences`: [`Rarity::sentences`], worked out once for all the words.
    fn rareness(&self, weight: f32, sentences: f32) -> f32 {
        let df = sentences / (weight.exp() - 1.0);
        let limit = self.rare_df + 0.5;
        ((RARE_FADE * limit - df) / ((RARE_FADE - 1.0) * limit)).clamp(0.0, 1.0)
    }
}

/// `f` of each count, worked out once per distinct count: most words of a cluster are in one, two
/// or three sentences, and `f` takes a logarithm or an exponential.
fn per_count(counts: &[u32], f: impl Fn(u32) -> f32) -> Vec<f32> {
    let mut known: Vec<Option<f32>> = Vec::new();
    counts
        .iter()
        .map(|&c| {
            if c as usize >= known.len() {
                known.resize(c as usize + 1, None);
            }
            *known[c as usize].get_or_insert_with(|| f(c))
        })
        .collect()
}

/// The claims' event words as ids, each claim's sorted by id, with the rarity of each id: pairs
/// are compared by merging two short lists, not by comparing strings.
#[derive(Debug, Default)]
pub struct Events {
    lemmas: Lemmas,
    rarity: Vec<f32>,
    /// Rarity as a share of the rarest possible, 0 to 1, for rare words; 0 for the others.
    rare: Vec<f32>,
    of_claim: Vec<Vec<(u32, f32)>>,
    /// Per claim: its most telling words (closeness × rarity), at most [`LOOKUP_WORDS`], best
    /// first: what the candidate search looks up, worked out once however many buckets hold it.
    /// All claims' end to end: claim `c`'s are `lookup[lookup_from[c]..lookup_from[c + 1]]`.
    lookup: Vec<(u32, f32)>,
    lookup_from: Vec<u32>,
    /// Per claim: Σ weight × rarity, and the length of the weighted vector.
    total: Vec<f32>,
    norm: Vec<f32>,
}

impl Events {
    fn new(claims: &[Claim], built_from_these_words: bool, rarity: Rarity) -> Events {
        let sentences = rarity.sentences();
        let rare_of = |w: f32| rarity.rareness(w, sentences) * rarity.relative(w);
        let unseen = (rarity.unseen, rare_of(rarity.unseen));
        let rare = per_count(&rarity.df, |c| rare_of(rarity.weight_of_count(c)));
        let mut ev = Events { lemmas: rarity.lemmas, rarity: rarity.weights, rare, ..Events::default() };
        // The ids of the cluster's lemma table: the claims' own when they were built from this
        // cluster's words, else looked up by word.
        let mut by_strength = Vec::new();
        // Claims built elsewhere: their words looked up (or added) by name.
        let mut by_name = (!built_from_these_words).then(|| std::mem::take(&mut ev.lemmas).into_interner());
        for c in claims {
            let mut list: Vec<(u32, f32)> = match &mut by_name {
                None => c.event.ids().to_vec(),
                Some(names) => c.event.iter().map(|(w, x)| (names.intern(w), x)).collect(),
            };
            for &(id, _) in &list {
                while id as usize >= ev.rarity.len() {
                    // A word of no content sentence (a title counted as boilerplate): as rare as can be.
                    ev.rarity.push(unseen.0);
                    ev.rare.push(unseen.1);
                }
            }
            // One entry per word id, so no ties: the shared sort gives the order the unstable one did
            // (the builder's lists come sorted).
            if !list.is_sorted_by_key(|e| e.0) {
                crate::sort::by_key(&mut list, |e| e.0);
            }
            ev.total.push(list.iter().map(|&(id, x)| x * ev.rarity[id as usize]).sum());
            ev.norm.push(list.iter().map(|&(id, x)| (x * ev.rarity[id as usize]).powi(2)).sum::<f32>().sqrt());
            ev.lookup_from.push(ev.lookup.len() as u32);
            lookup_words(&list, &ev.rarity, &mut by_strength, &mut ev.lookup);
            ev.of_claim.push(list);
        }
        ev.lookup_from.push(ev.lookup.len() as u32);
        if let Some(names) = by_name {
            ev.lemmas = Lemmas::from_interner(names);
        }
        ev
    }

    /// The words of `shared`, strongest first.
    pub fn names<'a>(&'a self, shared: &'a Strongest) -> impl Iterator<Item = &'a str> + 'a {
        shared.ids().map(|id| self.lemmas.word(id))
    }

    fn rarity_of(&self, id: u32) -> f32 {
        self.rarity[id as usize]
    }

    /// Calls `each` on the words of both claims, with their weights in each, in id order: by
    /// one look-up per word of `b` when `a`'s words are spread out, else by merging both lists.
    fn each_shared(&self, a: usize, b: usize, spread: Option<&Spread>, mut each: impl FnMut(u32, f32, f32)) {
        match spread {
            Some(spread) if spread.claim == Some(a) => {
                for &(id, y) in &self.of_claim[b] {
                    let x = spread.weight[id as usize];
                    if x != Spread::ABSENT {
                        each(id, x, y);
                    }
                }
            }
            _ => each_shared(&self.of_claim[a], &self.of_claim[b], each),
        }
    }

    /// The overlap of two claims' event words, each weighted by rarity. For figures, the
    /// weighted Jaccard of the two contexts (shared weight over the weight of either), so two
    /// figures in one list, with the same words at different distances, are told apart. For
    /// dates, the cosine of the two contexts. Also the three strongest shared words.
    pub fn overlap(&self, a: usize, b: usize, cosine: bool) -> (f32, Strongest) {
        self.overlap_spread(a, b, cosine, None)
    }

    /// [`Events::overlap`], reading `a`'s words from `spread` when they are spread out there.
    fn overlap_spread(&self, a: usize, b: usize, cosine: bool, spread: Option<&Spread>) -> (f32, Strongest) {
        // One walk over the shared words for the sum each kind needs; each is added up in word
        // order from what `Iterator::sum` starts with, so the figures are those of the sums they
        // replace.
        let zero: f32 = std::iter::empty::<f32>().sum();
        let mut words = Strongest::default();
        if cosine {
            let mut dot = zero;
            self.each_shared(a, b, spread, |id, x, y| {
                let rarity = self.rarity_of(id);
                words.offer(id, x.min(y) * rarity);
                dot += x * y * rarity.powi(2);
            });
            let n = self.norm[a] * self.norm[b];
            return (if n > 0.0 { dot / n } else { 0.0 }, words);
        }
        let mut both = zero;
        self.each_shared(a, b, spread, |id, x, y| {
            let strength = x.min(y) * self.rarity_of(id);
            words.offer(id, strength);
            both += strength;
        });
        // Σ max over the union = total(a) + total(b) − Σ min over the shared words.
        (weighted_jaccard(self.total[a], self.total[b], both), words)
    }

    /// Rare words both claims have close by, each counted by its closeness to both and its rarity.
    fn rare_shared(&self, a: usize, b: usize, spread: Option<&Spread>) -> f32 {
        let mut total: f32 = std::iter::empty::<f32>().sum();
        self.each_shared(a, b, spread, |id, x, y| total += x.min(y) * self.rare[id as usize]);
        total
    }
}

/// The weighted Jaccard of two claims' words from their totals and the weight they share.
fn weighted_jaccard(total_a: f32, total_b: f32, both: f32) -> f32 {
    let either = total_a + total_b - both;
    if either > 0.0 {
        both / either
    } else {
        0.0
    }
}

/// One claim's event words spread over an array by word id: the candidate pairs come grouped by
/// their first claim, whose words each partner's are then looked up in, one by one (not merged).
#[derive(Debug, Default)]
struct Spread {
    claim: Option<usize>,
    /// Word id → its weight in `claim`, or [`Spread::ABSENT`].
    weight: Vec<f32>,
}

impl Spread {
    /// Not a weight (a closeness weight is positive): the word is not the claim's.
    const ABSENT: f32 = f32::NEG_INFINITY;

    /// Spreads claim `a`'s words, clearing the last claim's.
    fn spread(&mut self, events: &Events, a: usize) {
        if self.claim == Some(a) {
            return;
        }
        if let Some(last) = self.claim {
            for &(id, _) in &events.of_claim[last] {
                self.weight[id as usize] = Spread::ABSENT;
            }
        }
        if self.weight.len() < events.rarity.len() {
            self.weight.resize(events.rarity.len(), Spread::ABSENT);
        }
        for &(id, x) in &events.of_claim[a] {
            self.weight[id as usize] = x;
        }
        self.claim = Some(a);
    }
}

/// A claim's most telling words (closeness × rarity), at most [`LOOKUP_WORDS`], strongest first.
/// Each word's place in the list is sorted beside its strength, as the words themselves were by
/// a comparator that multiplied out both strengths each time: the same element type and the same
/// answer to each comparison give the same order, ties included (they decide which words make
/// the cut and the order the candidates' sums are added up in).
/// They are added to `out`; `by_strength` is scratch.
fn lookup_words(list: &[(u32, f32)], rarity: &[f32], by_strength: &mut Vec<(u32, f32)>, out: &mut Vec<(u32, f32)>) {
    by_strength.clear();
    by_strength.extend(list.iter().enumerate().map(|(k, &(id, x))| (k as u32, x * rarity[id as usize])));
    by_strength.sort_unstable_by(|x, y| y.1.total_cmp(&x.1));
    by_strength.truncate(LOOKUP_WORDS);
    out.extend(by_strength.iter().map(|&(k, _)| list[k as usize]));
}

/// Calls `each` on the words two lists sorted by id share, in id order, with their weight in
/// each: walks both lists at once, allocating nothing.
fn each_shared(x: &[(u32, f32)], y: &[(u32, f32)], mut each: impl FnMut(u32, f32, f32)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        let ((a, wa), (b, wb)) = (x[i], y[j]);
        if a < b {
            i += 1;
        } else if a > b {
            j += 1;
        } else {
            each(a, wa, wb);
            i += 1;
            j += 1;
        }
    }
}

/// A key a claim is indexed under: "date", "opposite:" and the group, "unit:" and the dimension,
/// the concept, "near:" and the context word, as strings once, now without a `String` each. A
/// concept is lemmas joined by spaces, so it never holds a colon: the only concept that could
/// equal another key is one named "date", which [`Key::concept`] makes that key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'c> {
    Date,
    Opposite(&'static str),
    Unit(&'static str),
    Concept(&'c str),
    Near(&'c str),
}

impl<'c> Key<'c> {
    fn concept(name: &'c str) -> Key<'c> {
        if name == "date" {
            Key::Date
        } else {
            Key::Concept(name)
        }
    }
}

/// Calls `each` on the keys a claim is indexed under.
fn keys<'c>(claim: &'c Claim, mut each: impl FnMut(Key<'c>)) {
    match &claim.value {
        ClaimValue::Date(_) => each(Key::Date),
        ClaimValue::Opposite { group, .. } => each(Key::Opposite(group)),
        ClaimValue::Number { unit: Some(u), .. } => each(Key::Unit(dimension(u))),
        _ => {
            let w = &claim.what;
            if let Some(c) = &w.concept {
                each(Key::concept(c));
                lexicon().broader(c).iter().for_each(|b| each(Key::concept(b)));
            } else if let Some(c) = &w.context {
                each(Key::Near(c));
            }
        }
    }
}

/// The physical dimension of a unit symbol: lengths compare with lengths.
pub fn dimension(unit: &'static str) -> &'static str {
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

/// A claim's value as one number, to sort a bucket by: figures in SI units when converted, dates
/// by year, month, day and weekday, denials below every figure.
fn sort_value(c: &Claim) -> f64 {
    match &c.value {
        ClaimValue::Number { low, si, .. } => si.unwrap_or(*low),
        ClaimValue::Date(w) => {
            let (y, m, d, wd) = (w.year.unwrap_or(0), w.month.unwrap_or(0), w.day.unwrap_or(0), w.weekday.unwrap_or(7));
            ((y as f64 * 13.0 + m as f64) * 32.0 + d as f64) * 8.0 + wd as f64
        }
        ClaimValue::None => f64::NEG_INFINITY,
        ClaimValue::Opposite { up, .. } => f64::from(u8::from(*up)),
    }
}

/// Aligns the claims of a cluster, which come in order of document (as [`build`](super::build) gives them).
pub fn align(words: &ClusterWords, claims: &[Claim], built_from_words: bool) -> Alignment {
    assert!(claims.windows(2).all(|w| w[0].doc <= w[1].doc), "claims in order of document");
    let mut events = Events::new(claims, built_from_words, Rarity::of_cluster(words));
    let whats = Whats::new(claims);
    let mut buckets: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        keys(c, |k| buckets.entry(k).or_default().push(i as u32));
    }
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    let mut finder = Finder::default();
    for members in buckets.values() {
        finder.bucket(members, claims, &whats, &events, &mut candidates);
    }
    // The lookup words served the candidate search only: their room goes to the scored pairs.
    drop(finder);
    (events.lookup, events.lookup_from) = (Vec::new(), Vec::new());
    let mut alignment = Alignment { pairs_from: vec![0; claims.len() + 1], ..Alignment::default() };
    // In order of (i, j), each pair once.
    let mut spread = Spread::default();
    in_order(candidates, claims.len(), |i, j| {
        let Some(pair) = score(claims, &whats, i, j, &events, &mut spread) else { return };
        if pair.score < FLOOR {
            return;
        }
        alignment.pairs_from[i + 1] += 1;
        alignment.partner.push(j as u32);
        alignment.pair.push(pair);
    });
    for i in 0..claims.len() {
        alignment.pairs_from[i + 1] += alignment.pairs_from[i];
    }
    alignment.find_best(|c| claims[c].doc as u32);
    alignment.events = events;
    alignment
}

/// Calls `each` on the pairs `(i, j)` in order, each pair once: grouped by `i` in one counting
/// pass, then each claim's few partners sorted (a big cluster has a million candidate pairs, held
/// as one `u32` each once grouped).
fn in_order(pairs: Vec<(u32, u32)>, claims: usize, mut each: impl FnMut(usize, usize)) {
    let mut start = vec![0u32; claims + 1];
    for &(i, _) in &pairs {
        start[i as usize + 1] += 1;
    }
    for i in 0..claims {
        start[i + 1] += start[i];
    }
    let mut next = start.clone();
    let mut partners = vec![0u32; pairs.len()];
    for (i, j) in pairs {
        partners[next[i as usize] as usize] = j;
        next[i as usize] += 1;
    }
    drop(next);
    for i in 0..claims {
        let own = &mut partners[start[i] as usize..start[i + 1] as usize];
        crate::sort::integers(own);
        for (k, &j) in own.iter().enumerate() {
            if k == 0 || own[k - 1] != j {
                each(i, j as usize);
            }
        }
    }
}

/// Pairs below this score are not kept at all.
const FLOOR: f32 = 0.2;

/// One claim of a bucket in a posting list (or in the bucket sorted by value).
#[derive(Debug, Clone, Copy)]
struct Posting {
    value: f64,
    /// The claim's place in the bucket.
    member: u32,
    /// The word's closeness weight in that claim times the word's rarity (see [`add_shared`]).
    weight: f32,
}

/// A word with no posting list in the bucket.
const NO_LIST: u32 = u32::MAX;

/// The candidate search of one bucket, with buffers reused from bucket to bucket.
#[derive(Debug, Default)]
struct Finder {
    /// Word id → its posting list in `starts` (the bucket's words, numbered as first met), or
    /// [`NO_LIST`]: an array over the cluster's words, reset after each bucket through `words`.
    slot: Vec<u32>,
    /// The bucket's words, in the order of their lists.
    words: Vec<u32>,
    /// The bucket's posting lists end to end: list `k` is `postings[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    postings: Vec<Posting>,
    /// The slot of each (member, word) in the order the lists are filled.
    slots: Vec<u32>,
    /// Per list: where the last claim's search on it ended (see [`near_value_after`]).
    cursors: Vec<[u32; 3]>,
    /// Per member: what ranking it as a candidate reads, side by side (not from the claims).
    ranked: Vec<Ranked>,
    /// Per member: the rarity-weighted weight of the words it shares with the claim looked up.
    shared: Vec<f32>,
    touched: Vec<u32>,
    /// The candidates in other articles and in the claim's own, best kept.
    other_doc: Best,
    same_doc: Best,
    /// Per class of what is measured: the what-score of the claim being ranked against that class,
    /// and the number of that claim's ranking (a claim meets many members of one class, and the
    /// score depends on the two classes only).
    what_of_class: Vec<(u32, Option<f32>)>,
    ranking: u32,
}

impl Finder {
    /// Adds the candidate pairs `(i, j)`, `i < j` (claim indices), of one bucket.
    fn bucket(&mut self, members: &[u32], claims: &[Claim], whats: &Whats, events: &Events, out: &mut Vec<(u32, u32)>) {
        if members.len() < 2 {
            return;
        }
        let by_value = |x: &Posting, y: &Posting| x.value.total_cmp(&y.value).then(x.member.cmp(&y.member));
        let mut sorted: Vec<Posting> = (0..members.len())
            .map(|m| Posting { value: sort_value(&claims[members[m] as usize]), member: m as u32, weight: 0.0 })
            .collect();
        crate::sort::by(&mut sorted, by_value); // members are unique: a total order, no ties
        self.fill_lists(members, &sorted, events);
        // Without NaN, `<` orders the values as the sort did: each list is read from where the
        // claim before stopped.
        let ordered = !sorted.iter().any(|p| p.value.is_nan());
        self.cursors.clear();
        self.cursors.resize(self.starts.len(), [0; 3]);
        let mut own_cursor = [0; 3];
        self.shared.clear();
        self.shared.resize(members.len(), 0.0);
        self.ranked.clear();
        self.ranked.extend(members.iter().map(|&j| Ranked::of(j, claims, whats, events)));
        // Claims in order of value: each looks up the same regions of the long lists as the one
        // before, which keeps the binary searches in cache on a big bucket.
        for &me in &sorted {
            let c = members[me.member as usize] as usize;
            // The claim's most telling words: close to its figure and rare in the cluster.
            let lookup = &events.lookup[events.lookup_from[c] as usize..events.lookup_from[c + 1] as usize];
            for &(word, weight) in lookup {
                let weight = weight * events.rarity_of(word);
                let k = self.slot[word as usize] as usize;
                let list = &self.postings[self.starts[k] as usize..self.starts[k + 1] as usize];
                if list.len() <= LONG_LIST {
                    add_shared(&mut self.shared, &mut self.touched, list, weight);
                } else {
                    let near =
                        if ordered { near_value_after(list, me, &mut self.cursors[k]) } else { near_value(list, me) };
                    for r in near {
                        add_shared(&mut self.shared, &mut self.touched, &list[r], weight);
                    }
                }
            }
            // The claims nearest in value, whatever their words: a figure alone in its sentence
            // still meets the figures closest to it.
            let near = if ordered { near_value_after(&sorted, me, &mut own_cursor) } else { near_value(&sorted, me) };
            for r in near {
                for p in &sorted[r] {
                    if self.shared[p.member as usize] == 0.0 {
                        self.touched.push(p.member);
                        self.shared[p.member as usize] = f32::MIN_POSITIVE;
                    }
                }
            }
            // Ranked by what an exact score would give: what is measured + event overlap.
            self.other_doc.clear(OTHER_DOC_CANDIDATES);
            self.same_doc.clear(SAME_DOC_CANDIDATES);
            let a = self.ranked[me.member as usize];
            let own_class = whats.class_score[a.class as usize].map(|(what, _)| what);
            self.ranking += 1;
            if self.what_of_class.len() < whats.class_score.len() {
                self.what_of_class.resize(whats.class_score.len(), (0, None));
            }
            // Each touched member's sum is read once, and cleared for the next claim as it is.
            for t in self.touched.drain(..) {
                let shared = std::mem::take(&mut self.shared[t as usize]);
                let b = self.ranked[t as usize];
                // (The claim itself among them.)
                if a.doc == b.doc && a.sentence == b.sentence {
                    continue;
                }
                let what = if a.class == b.class {
                    own_class
                } else {
                    let known = &mut self.what_of_class[b.class as usize];
                    if known.0 != self.ranking {
                        *known = (self.ranking, what_score_of(whats, c, b.claim as usize).map(|(what, _)| what));
                    }
                    known.1
                };
                let Some(what) = what else { continue };
                let rank = what + EVENT_WEIGHT * weighted_jaccard(a.total, b.total, shared);
                if a.doc == b.doc { &mut self.same_doc } else { &mut self.other_doc }.offer(rank, b.claim);
            }
            for kept in [&self.other_doc, &self.same_doc] {
                out.extend(kept.ids().map(|j| (j.min(c as u32), j.max(c as u32))));
            }
        }
    }

    /// The bucket's posting lists: filled in order of value, every list comes out sorted by value,
    /// so a long one is read around a value by binary search, a short one whole (in any order:
    /// each member is in it once, and candidates are ranked by their totals). Counted first, so
    /// the lists are laid end to end in one buffer.
    fn fill_lists(&mut self, members: &[u32], sorted: &[Posting], events: &Events) {
        for word in self.words.drain(..) {
            self.slot[word as usize] = NO_LIST;
        }
        if self.slot.len() < events.rarity.len() {
            self.slot.resize(events.rarity.len(), NO_LIST);
        }
        self.starts.clear();
        self.slots.clear();
        for me in sorted {
            for &(word, _) in &events.of_claim[members[me.member as usize] as usize] {
                let slot = &mut self.slot[word as usize];
                if *slot == NO_LIST {
                    *slot = self.words.len() as u32;
                    self.words.push(word);
                    self.starts.push(0);
                }
                let k = *slot;
                self.starts[k as usize] += 1;
                self.slots.push(k);
            }
        }
        // Counts to starts; `fill` is where each list's next posting goes.
        let mut total = 0;
        for n in &mut self.starts {
            (*n, total) = (total, total + *n);
        }
        self.starts.push(total);
        let mut fill = self.starts.clone();
        self.postings.clear();
        self.postings.resize(total as usize, Posting { value: 0.0, member: 0, weight: 0.0 });
        let mut slots = self.slots.iter();
        for me in sorted {
            for &(word, weight) in &events.of_claim[members[me.member as usize] as usize] {
                let k = *slots.next().expect("a slot per posting") as usize;
                self.postings[fill[k] as usize] = Posting { weight: weight * events.rarity_of(word), ..*me };
                fill[k] += 1;
            }
        }
    }
}

/// A member of a bucket as its ranking reads it: a few words per member in one array, where the
/// claims themselves are hundreds of bytes apart (a claim of a big bucket ranks dozens of members).
#[derive(Debug, Clone, Copy)]
struct Ranked {
    claim: u32,
    doc: u32,
    sentence: u32,
    /// Its class in [`Whats`], and its event words' total weight ([`weighted_jaccard`]).
    class: u32,
    total: f32,
}

impl Ranked {
    fn of(claim: u32, claims: &[Claim], whats: &Whats, events: &Events) -> Ranked {
        let c = &claims[claim as usize];
        Ranked {
            claim,
            doc: c.doc as u32,
            sentence: c.sentence as u32,
            class: whats.class[claim as usize],
            total: events.total[claim as usize],
        }
    }
}

/// Adds to each member of `postings` the weight it shares with the claim looked up through one
/// word, noting the members touched for the first time. The claim itself is counted too, as
/// that costs less than a test per posting: it is never ranked (same article and sentence).
/// Both weights come multiplied by the word's rarity: the lesser of the products is the product
/// of the lesser weight, bit for bit (rounding a product by a positive factor keeps the order), and
/// a multiplication per posting is saved.
fn add_shared(shared: &mut [f32], touched: &mut Vec<u32>, postings: &[Posting], weight: f32) {
    for p in postings {
        let s = &mut shared[p.member as usize];
        if *s == 0.0 {
            touched.push(p.member);
        }
        // `f32::min` without its NaN cases (a closeness weight is never NaN): a compare and a move.
        let least = if p.weight < weight { p.weight } else { weight };
        *s += least + f32::MIN_POSITIVE;
    }
}

/// The best few candidates of a claim by rank, higher first and the lower claim index on ties:
/// a short sorted list a new candidate enters only when it beats the last kept.
#[derive(Debug, Default)]
struct Best {
    kept: Vec<(f32, u32)>,
    keep: usize,
    /// A rank below this cannot enter: the last kept one's once the list is full (most of a
    /// claim's candidates are turned away by this one comparison).
    floor: f32,
}

impl Best {
    fn clear(&mut self, keep: usize) {
        self.kept.clear();
        self.keep = keep;
        self.floor = f32::NEG_INFINITY;
    }

    /// (A rank is a positive number, never NaN: `>` and `==` order it as `total_cmp` does.)
    fn offer(&mut self, rank: f32, id: u32) {
        if rank < self.floor {
            return;
        }
        let before = |x: &(f32, u32)| x.0 > rank || (x.0 == rank && x.1 < id);
        let full = self.kept.len() == self.keep;
        if full && self.kept.last().is_none_or(before) {
            return;
        }
        let mut at = self.kept.len();
        if !full {
            self.kept.push((rank, id));
        }
        // Down from the end, the weaker candidates move one place (the last falls off a full list).
        while at > 0 && !before(&self.kept[at - 1]) {
            if at < self.kept.len() {
                self.kept[at] = self.kept[at - 1];
            }
            at -= 1;
        }
        self.kept[at] = (rank, id);
        if self.kept.len() == self.keep {
            self.floor = self.kept[self.keep - 1].0;
        }
    }

    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.kept.iter().map(|x| x.1)
    }
}

/// The entries of a list sorted by value that lie near `me`: up to [`NEAR`] on each side of it
/// among equal values, and the [`NEAR`] nearest below and above its value.
fn near_value(list: &[Posting], me: Posting) -> [std::ops::Range<usize>; 3] {
    let lo = list.partition_point(|p| p.value < me.value);
    let hi = list.partition_point(|p| p.value <= me.value);
    let own = lo + list[lo..hi].partition_point(|p| p.member < me.member);
    near_ranges(list.len(), [lo, hi, own])
}

/// [`near_value`] for claims met in order of value (and place): each search starts where the
/// last one on the same list ended (`from`, updated), so a list is read once per bucket rather
/// than searched once per claim. Only for lists without NaN, whose order `<` follows.
fn near_value_after(list: &[Posting], me: Posting, from: &mut [u32; 3]) -> [std::ops::Range<usize>; 3] {
    let [mut lo, mut hi, mut own] = from.map(|x| x as usize);
    while lo < list.len() && list[lo].value < me.value {
        lo += 1;
    }
    hi = hi.max(lo);
    while hi < list.len() && list[hi].value <= me.value {
        hi += 1;
    }
    own = own.max(lo);
    while own < hi && list[own].member < me.member {
        own += 1;
    }
    *from = [lo, hi, own].map(|x| x as u32);
    near_ranges(list.len(), [lo, hi, own])
}

/// The three ranges of [`near_value`] from the bounds of equal values and the claim's place.
fn near_ranges(len: usize, [lo, hi, own]: [usize; 3]) -> [std::ops::Range<usize>; 3] {
    [lo.saturating_sub(NEAR)..lo, own.saturating_sub(NEAR).max(lo)..(own + NEAR + 1).min(hi), hi..(hi + NEAR).min(len)]
}

/// How strongly claims `i` and `j` look like the same thing, or `None` when they cannot be.
/// (`spread` holds `i`'s words, or is filled with them.)
fn score(claims: &[Claim], whats: &Whats, i: usize, j: usize, events: &Events, spread: &mut Spread) -> Option<Pair> {
    let (a, b) = (&claims[i], &claims[j]);
    let (what, relation) = what_score(whats, i, j)?;
    let dates = matches!((&a.value, &b.value), (ClaimValue::Date(_), ClaimValue::Date(_)));
    spread.spread(events, i);
    let spread = Some(&*spread);
    let (event, shared) = events.overlap_spread(i, j, dates, spread);
    if dates {
        // Dates stand in long sentences about many things: the same event shows in the rare
        // words both sentences use next to the dates ("retaliation", "chemical"), each counted
        // by its closeness and rarity, so a big cluster does not make every word "rare".
        let score = (DATE_RARE_WORD * events.rare_shared(i, j, spread)).min(0.75) + 0.3 * event;
        return Some(Pair { score, relation, shared });
    }
    Some(Pair { score: what + EVENT_WEIGHT * event, relation, shared })
}

/// What each claim measures, its words as interned ids: a claim meets dozens of candidates, which
/// are compared by integers, not by strings and lexicon look-ups.
struct Whats<'c> {
    ids: FxHashMap<&'c str, u32>,
    names: Vec<&'c str>,
    of_claim: Vec<WhatIds>,
    /// The capitalised modifiers of all claims, each claim's a range of this list.
    proper: Vec<u32>,
    /// Per name that is a claim's concept: its broader concepts (lexicon), whether it is generic
    /// ("people") and whether it has several words ("cruise missile").
    broader: Vec<Vec<u32>>,
    generic: Vec<bool>,
    multiword: Vec<bool>,
    /// Per claim: its class, the claims whose ids are all equal (so are the scores of any two of
    /// them: in a big bucket most candidates measure just what the claim does); and per class,
    /// the score of two of its claims.
    class: Vec<u32>,
    class_score: Vec<Option<(f32, Relation)>>,
}

/// One claim's [`What`](super::What) and outcome as ids in [`Whats`]; a unit as its dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct WhatIds {
    kind: ValueKind,
    compound: bool,
    reference: Option<u32>,
    dimension: Option<u32>,
    proper: (u32, u32),
    concept: Option<u32>,
    context: Option<u32>,
    outcome: Option<u32>,
}

impl<'c> Whats<'c> {
    fn new(claims: &'c [Claim]) -> Whats<'c> {
        let mut whats = Whats {
            ids: FxHashMap::default(),
            names: Vec::new(),
            of_claim: Vec::with_capacity(claims.len()),
            proper: Vec::new(),
            broader: Vec::new(),
            generic: Vec::new(),
            multiword: Vec::new(),
            class: Vec::with_capacity(claims.len()),
            class_score: Vec::new(),
        };
        for c in claims {
            let w = &c.what;
            let from = whats.proper.len() as u32;
            for p in &w.proper {
                let id = whats.id(p);
                whats.proper.push(id);
            }
            let kind = match &c.value {
                ClaimValue::Number { .. } => ValueKind::Number,
                ClaimValue::Date(_) => ValueKind::Date,
                ClaimValue::None => ValueKind::Denial,
                ClaimValue::Opposite { group, .. } => ValueKind::Opposite(whats.id(group)),
            };
            let ids = WhatIds {
                kind,
                compound: w.compound,
                reference: w.reference.as_deref().map(|r| whats.id(r)),
                dimension: w.unit.map(|u| whats.id(dimension(u))),
                proper: (from, whats.proper.len() as u32),
                concept: w.concept.as_deref().map(|r| whats.id(r)),
                context: w.context.as_deref().map(|r| whats.id(r)),
                outcome: c.outcome.as_deref().map(|r| whats.id(r)),
            };
            whats.of_claim.push(ids);
        }
        let lex = lexicon();
        let mut concepts: Vec<u32> = whats.of_claim.iter().filter_map(|w| w.concept).collect();
        crate::sort::integers(&mut concepts);
        concepts.dedup();
        let mut broader = vec![Vec::new(); whats.names.len()];
        for &id in &concepts {
            broader[id as usize] = lex.broader(whats.names[id as usize]).iter().map(|b| whats.id(b)).collect();
        }
        broader.resize(whats.names.len(), Vec::new());
        whats.broader = broader;
        whats.generic = whats.names.iter().map(|n| lex.is_generic(n)).collect();
        whats.multiword = whats.names.iter().map(|n| n.contains(' ')).collect();
        // A class per distinct set of ids (the modifiers by their names, not their place).
        let mut classes: FxHashMap<(WhatIds, &[u32]), u32> = FxHashMap::default();
        let mut first_of_class = Vec::new();
        let mut class = Vec::with_capacity(claims.len());
        for (i, w) in whats.of_claim.iter().enumerate() {
            let key = (WhatIds { proper: (0, 0), ..*w }, whats.proper(w));
            let next = classes.len() as u32;
            let c = *classes.entry(key).or_insert(next);
            if c == next {
                first_of_class.push(i);
            }
            class.push(c);
        }
        drop(classes);
        whats.class_score = first_of_class.iter().map(|&i| what_score_of(&whats, i, i)).collect();
        whats.class = class;
        whats
    }

    fn id(&mut self, name: &'c str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        self.names.push(name);
        self.ids.insert(name, self.names.len() as u32 - 1);
        self.names.len() as u32 - 1
    }

    fn proper(&self, w: &WhatIds) -> &[u32] {
        &self.proper[w.proper.0 as usize..w.proper.1 as usize]
    }

    /// How concept `a` relates to concept `b`: [`Lexicon::relation`](super::lexicon::Lexicon::relation) on ids.
    fn relation(&self, a: u32, b: u32) -> Relation {
        if a == b {
            Relation::Same
        } else if self.broader[a as usize].contains(&b) {
            Relation::Narrower
        } else if self.broader[b as usize].contains(&a) {
            Relation::Broader
        } else {
            Relation::Unrelated
        }
    }
}

/// How well what claims `i` and `j` measure matches, and how their counted things relate: a
/// function of the two claims' classes.
fn what_score(whats: &Whats, i: usize, j: usize) -> Option<(f32, Relation)> {
    let (class_i, class_j) = (whats.class[i], whats.class[j]);
    if class_i == class_j {
        return whats.class_score[class_i as usize];
    }
    what_score_of(whats, i, j)
}

/// [`what_score`] worked out from the two claims' ids.
fn what_score_of(whats: &Whats, i: usize, j: usize) -> Option<(f32, Relation)> {
    use ValueKind::{Date, Denial, Number, Opposite};
    let (wa, wb) = (&whats.of_claim[i], &whats.of_claim[j]);
    match (wa.kind, wb.kind) {
        (Date, Date) => Some((0.1, Relation::Same)),
        (Number, Number) => number_what(wa, wb, whats),
        (Denial, Number) | (Number, Denial) => {
            // A denied outcome meets a figure for the same outcome.
            (wa.outcome.is_some() && wa.outcome == wb.outcome).then_some(())?;
            let relation = whats.relation(wa.concept?, wb.concept?);
            (relation != Relation::Unrelated).then_some((0.3, relation))
        }
        // Opposite outcomes meet only for the same subject ("shares rose", "shares fell").
        (Opposite(ga), Opposite(gb)) => {
            (ga == gb && wa.context.is_some() && wa.context == wb.context).then_some((0.3, Relation::Same))
        }
        _ => None,
    }
}

/// What kind of value a claim gives, an opposite outcome with its group's id in [`Whats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ValueKind {
    Number,
    Date,
    Denial,
    Opposite(u32),
}

fn number_what(wa: &WhatIds, wb: &WhatIds, whats: &Whats) -> Option<(f32, Relation)> {
    // "a 20-vehicle convoy" counts the convoy's vehicles; it meets only another convoy's size.
    if wa.compound != wb.compound {
        return None;
    }
    if let (Some(ra), Some(rb)) = (wa.reference, wb.reference) {
        if ra != rb {
            return None; // 27 km from the border, 55 km from the base
        }
    }
    let same_reference = wa.reference.is_some() && wa.reference == wb.reference;
    match (wa.dimension, wb.dimension) {
        (Some(da), Some(db)) => {
            return (da == db).then_some((if same_reference { 0.5 } else { 0.35 }, Relation::Same));
        }
        (None, None) => {}
        _ => return None,
    }
    let (pa, pb) = (whats.proper(wa), whats.proper(wb));
    if !pa.is_empty() && !pb.is_empty() && !pa.iter().any(|p| pb.contains(p)) {
        return None; // "Syrian troops" and "Russian troops"
    }
    match (wa.concept, wb.concept) {
        (Some(ca), Some(cb)) => {
            let relation = whats.relation(ca, cb);
            let generic = whats.generic[ca as usize] || whats.generic[cb as usize];
            let score = match relation {
                Relation::Unrelated => return None,
                Relation::Same if generic => 0.15,
                // A matching phrase of several words ("cruise missile") is strong evidence.
                Relation::Same if whats.multiword[ca as usize] => 0.6,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_keeps_three_words_strongest_first_and_earlier_words_on_ties() {
        let mut s = Strongest::default();
        for (id, strength) in [(1, 0.2), (2, 0.5), (3, 0.2), (4, 0.9), (5, 0.5), (6, 0.1)] {
            s.offer(id, strength);
        }
        assert_eq!(s.ids().collect::<Vec<_>>(), [4, 2, 5]);
        let mut few = Strongest::default();
        few.offer(7, 0.3);
        few.offer(8, 0.3);
        assert_eq!(few.ids().collect::<Vec<_>>(), [7, 8]);
    }

    #[test]
    fn relation_on_interned_concepts_is_the_lexicons() {
        let docs = [
            crate::Document::new("a", "They fired 59 cruise missiles and 4 tanks 🚀 burned; 12 people died."),
            crate::Document::new("b", "Some 60 Tomahawk missiles, 20 vehicles and 3 “soldiers” at the café."),
        ];
        let analysis = crate::analyze(&docs, &crate::Options::default());
        let (claims, _) = super::super::build_and_compare(&docs, &analysis.documents);
        let whats = Whats::new(&claims);
        let concepts: Vec<(&str, u32)> = claims
            .iter()
            .zip(&whats.of_claim)
            .filter_map(|(c, w)| Some((c.what.concept.as_deref()?, w.concept?)))
            .collect();
        assert!(concepts.len() >= 5, "{concepts:?}");
        let mut related = 0;
        for &(a, ia) in &concepts {
            for &(b, ib) in &concepts {
                assert_eq!(whats.relation(ia, ib), lexicon().relation(a, b), "{a} / {b}");
                related += usize::from(a != b && whats.relation(ia, ib) != Relation::Unrelated);
            }
        }
        assert!(related > 0, "no narrower or broader pair among {concepts:?}");
    }

    #[test]
    fn counts_met_again_take_the_value_worked_out_first() {
        let calls = std::cell::Cell::new(0);
        let f = |c: u32| {
            calls.set(calls.get() + 1);
            (1.0 + 40.0 / c.max(1) as f32).ln()
        };
        let counts = [3, 1, 3, 0, 7, 1, 1, 0];
        let want: Vec<f32> = counts.iter().map(|&c| (1.0 + 40.0 / c.max(1) as f32).ln()).collect();
        assert_eq!(per_count(&counts, f), want);
        assert_eq!(calls.get(), 4, "once per distinct count");
    }

    #[test]
    fn best_keeps_the_highest_ranks_and_the_lower_index_on_ties() {
        let offers = [(0.5, 9), (0.7, 3), (0.5, 2), (0.9, 7), (0.5, 4), (0.1, 1), (0.7, 8), (0.5, 0)];
        for keep in 0..=offers.len() + 1 {
            let mut best = Best::default();
            best.clear(keep);
            offers.iter().for_each(|&(rank, id)| best.offer(rank, id));
            let mut expected = offers.to_vec();
            expected.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            expected.truncate(keep);
            assert_eq!(best.ids().collect::<Vec<_>>(), expected.iter().map(|x| x.1).collect::<Vec<_>>(), "{keep}");
        }
    }

    #[test]
    fn searching_on_from_the_last_claim_finds_what_a_binary_search_finds() {
        let at = |value: f64, member: u32| Posting { value, member, weight: 0.0 };
        let mut list: Vec<Posting> = (0..40).map(|m| at(f64::from(m % 7) * 0.5 - 1.0, m)).collect();
        list.push(at(f64::NEG_INFINITY, 40));
        list.push(at(-0.0, 41));
        list.sort_by(|x, y| x.value.total_cmp(&y.value).then(x.member.cmp(&y.member)));
        let mut claims: Vec<Posting> = list.clone();
        claims.extend([at(-3.0, 50), at(0.25, 51), at(9.0, 52), at(0.0, 53)]);
        claims.sort_by(|x, y| x.value.total_cmp(&y.value).then(x.member.cmp(&y.member)));
        for list in [&list[..], &list[..1], &[]] {
            let mut from = [0; 3];
            for &me in &claims {
                assert_eq!(near_value_after(list, me, &mut from), near_value(list, me), "{me:?}");
            }
        }
    }

    #[test]
    fn claims_of_one_class_score_as_their_ids_say() {
        let docs = [
            crate::Document::new(
                "a",
                "They fired 59 cruise missiles, 4 tanks 🚀 burned and 12 people died at the café.",
            ),
            crate::Document::new(
                "b",
                "Some 60 cruise missiles hit; 5 tanks and 3 “Syrian soldiers” died; 12 people died.",
            ),
            crate::Document::new("c", "No people died. 57 cruise missiles, 27 km from the border, 4 Russian soldiers."),
        ];
        let analysis = crate::analyze(&docs, &crate::Options::default());
        let (claims, _) = super::super::build_and_compare(&docs, &analysis.documents);
        let whats = Whats::new(&claims);
        let mut same_class = 0;
        for i in 0..claims.len() {
            for j in 0..claims.len() {
                assert_eq!(what_score(&whats, i, j), what_score_of(&whats, i, j), "{i} / {j}");
                same_class += usize::from(i != j && whats.class[i] == whats.class[j]);
                // The ranking keeps one score per class met: any member of `j`'s class scores as `j`.
                for k in (0..claims.len()).filter(|&k| whats.class[k] == whats.class[j]) {
                    assert_eq!(what_score_of(&whats, i, k), what_score_of(&whats, i, j), "{i} / {j}, {k}");
                }
            }
        }
        assert!(same_class > 0, "no two claims of one class among {}", claims.len());
    }

    #[test]
    fn candidate_pairs_come_sorted_and_once_each() {
        let pairs = [(3, 7), (0, 5), (3, 4), (0, 5), (2, 9), (3, 7), (0, 1)];
        let mut expected: Vec<(usize, usize)> = pairs.iter().map(|&(i, j)| (i as usize, j as usize)).collect();
        expected.sort_unstable();
        expected.dedup();
        let mut seen = Vec::new();
        in_order(pairs.to_vec(), 10, |i, j| seen.push((i, j)));
        assert_eq!(seen, expected);
        in_order(Vec::new(), 3, |i, j| panic!("no pairs, yet ({i}, {j})"));
    }

    #[test]
    fn lookup_words_keep_the_tie_order_of_sorting_the_words_themselves() {
        // Few distinct strengths, so most lists are full of ties, at lengths on both sides of
        // the small-sort threshold.
        let rarity: Vec<f32> = (0..128).map(|k| [0.5, 1.0, 2.0, 0.25][k % 4]).collect();
        let mut seed = 7u32;
        for len in 0..80 {
            let list: Vec<(u32, f32)> = (0..len)
                .map(|k| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    (k as u32, [0.3, 0.6, 1.0][(seed >> 16) as usize % 3])
                })
                .collect();
            let mut expected = list.clone();
            expected.sort_unstable_by(|x, y| (y.1 * rarity[y.0 as usize]).total_cmp(&(x.1 * rarity[x.0 as usize])));
            expected.truncate(LOOKUP_WORDS);
            let mut found = vec![(9, 9.0)];
            lookup_words(&list, &rarity, &mut Vec::new(), &mut found);
            assert_eq!(found[1..], expected, "{len}");
        }
    }

    #[test]
    fn best_partner_per_document_is_the_first_of_the_highest_scores() {
        // Claims 0–1 in document 0, 2–4 in document 1, 5 in document 2.
        let docs = [0, 0, 1, 1, 1, 2];
        let scored = [(0, 2, 0.5), (0, 3, 0.7), (0, 4, 0.7), (0, 5, 0.3), (1, 2, 0.4), (2, 5, 0.9), (3, 5, 0.9)];
        let mut alignment = Alignment { pairs_from: vec![0; docs.len() + 1], ..Alignment::default() };
        for &(i, j, score) in &scored {
            alignment.pairs_from[i + 1] += 1;
            alignment.partner.push(j as u32);
            alignment.pair.push(Pair { score, relation: Relation::Same, shared: Strongest::default() });
        }
        for i in 0..docs.len() {
            alignment.pairs_from[i + 1] += alignment.pairs_from[i];
        }
        alignment.find_best(|c| docs[c]);
        let best = |x: usize| alignment.best(x).iter().map(|p| (p.doc, p.claim, p.score)).collect::<Vec<_>>();
        assert_eq!(best(0), [(1, 3, 0.7), (2, 5, 0.3)]);
        assert_eq!(best(5), [(0, 0, 0.3), (1, 2, 0.9)]);
        assert_eq!(best(2), [(0, 0, 0.5), (2, 5, 0.9)]);
        assert_eq!(best(4), [(0, 0, 0.7)]);
        assert!(alignment.mutual_best_by(0, 3, |c| docs[c] as usize));
        assert_eq!(alignment.pair(3, 0).map(|(p, flipped)| (p.score, flipped)), Some((0.7, true)));
        assert!(alignment.pair(1, 3).is_none());
        assert_eq!((0..docs.len()).map(|i| alignment.pairs_of(i).count()).sum::<usize>(), scored.len());
    }

    #[test]
    fn keys_are_equal_where_their_old_strings_were() {
        // "date" as a concept was the string key of every date; no other concept holds a colon.
        assert_eq!(Key::concept("date"), Key::Date);
        assert_eq!(Key::concept("cruise missile"), Key::Concept("cruise missile"));
        assert_ne!(Key::concept("length"), Key::Unit("length"));
        assert_ne!(Key::Near("café"), Key::concept("café"));
    }

    #[test]
    fn shared_words_walk_both_sorted_lists_once() {
        let x = [(1, 0.5), (3, 1.0), (8, 0.25)];
        let y = [(2, 1.0), (3, 0.5), (8, 1.0), (9, 1.0)];
        let mut shared = Vec::new();
        each_shared(&x, &y, |id, a, b| shared.push((id, a, b)));
        assert_eq!(shared, [(3, 1.0, 0.5), (8, 0.25, 1.0)]);
    }
}
