//! The checks on aligned claims: numeric mismatch beyond rounding (respecting bounds, units and
//! kinds of things), date mismatch, denied outcomes; and agreements, which corroborate.

use super::align::{Alignment, Partner};
use super::explain;
use super::lexicon::Relation;
use super::{Claim, ClaimValue, Contradiction, ContradictionKind, Corroboration, DocSpan};
use crate::numbers::Bound;
use crate::Document;
use rustc_hash::FxHashSet;

/// Alignment needed to compare two figures.
const NUMBER_ALIGN: f32 = 0.55;
/// Alignment needed to compare two dates: dates are everywhere, so the event must be clear.
const DATE_ALIGN: f32 = 0.45;
/// Alignment needed to compare two weekdays or two years: stories run over several days and
/// years are often background, so only a very clear shared event counts.
const FINE_DATE_ALIGN: f32 = 0.8;
/// Alignment needed to set a denied outcome against a figure.
const NEGATION_ALIGN: f32 = 0.6;
/// Alignment needed to set opposite outcomes against each other: the subject must match, and
/// most of the words around both verbs.
const OPPOSITE_ALIGN: f32 = 0.6;
/// Alignment needed inside one article, where neighbouring sentences share many words.
const SAME_DOC_ALIGN: f32 = 0.8;
/// Alignment needed to call two equal figures a corroboration.
const AGREE_ALIGN: f32 = 0.7;
/// Articles that must agree on a weekday before a lone different one is reported.
const MAJORITY_MIN_DOCS: usize = 4;
/// Majority claims looked at for each lone weekday (keeps big clusters fast).
const MAJORITY_SCAN: usize = 500;
/// Slack for values converted between units ("27 km" and "17 miles").
const CONVERSION_SLACK: f64 = 0.03;

/// The contradictions among aligned claims, strongest first.
pub fn contradictions(docs: &[Document], claims: &[Claim], alignment: &Alignment) -> Vec<Contradiction> {
    let mut out = Vec::new();
    let mut seen: FxHashSet<(usize, usize)> = FxHashSet::default();
    let mut reported: FxHashSet<(Fact, Fact)> = FxHashSet::default();
    // Whether each date is the odd one among its partners' (worked out at its first conflict).
    let mut odd_one: Vec<Option<bool>> = vec![None; claims.len()];
    let mut contexts = explain::Contexts::new(docs, claims);
    for i in 0..claims.len() {
        for &Partner { claim: j, score, .. } in alignment.best(i) {
            let j = j as usize;
            let key = (i.min(j), i.max(j));
            // A pair is found from its lower claim first (a claim has one partner per article,
            // so no partner twice): only a lower partner can have found it already.
            if j < i && seen.contains(&key) {
                continue;
            }
            let (a, b) = (&claims[i], &claims[j]);
            let needed = match (&a.value, &b.value) {
                _ if a.doc == b.doc => SAME_DOC_ALIGN,
                (ClaimValue::Date(x), ClaimValue::Date(y)) if !x.is_month_level() || !y.is_month_level() => {
                    FINE_DATE_ALIGN
                }
                (ClaimValue::Date(_), _) => DATE_ALIGN,
                (ClaimValue::None, _) | (_, ClaimValue::None) => NEGATION_ALIGN,
                (ClaimValue::Opposite { .. }, _) => OPPOSITE_ALIGN,
                _ => NUMBER_ALIGN,
            };
            if score < needed || restates(a, b) {
                continue;
            }
            // `j` is `i`'s best partner in its article (one of `best(i)`): mutual when `i` is `j`'s.
            let mutual = || alignment.best_in(j, a.doc) == Some(i);
            let found = match (&a.value, &b.value) {
                (ClaimValue::Number { .. }, ClaimValue::Number { .. }) => {
                    (mutual() && numbers_conflict(a, b, alignment.relation(i, j))).then_some(ContradictionKind::Numeric)
                }
                (ClaimValue::Date(x), ClaimValue::Date(y)) => {
                    // One article gives many dates for many things: dates are compared across articles.
                    let comparable = a.doc != b.doc && event_date(a) && event_date(b);
                    let mut odd = || *odd_one[i].get_or_insert_with(|| date_is_the_odd_one(i, claims, alignment));
                    (comparable && x.disagrees(y) == Some(true) && odd()).then_some(ContradictionKind::Date)
                }
                (ClaimValue::None, ClaimValue::Number { .. }) => {
                    denial_conflict(b, alignment.relation(j, i)).then_some(ContradictionKind::Negation)
                }
                (ClaimValue::Number { .. }, ClaimValue::None) => {
                    denial_conflict(a, alignment.relation(i, j)).then_some(ContradictionKind::Negation)
                }
                // "the council approved the plan" against "the council rejected the plan".
                (ClaimValue::Opposite { up: x, .. }, ClaimValue::Opposite { up: y, .. }) => {
                    (a.doc != b.doc && x != y && mutual()).then_some(ContradictionKind::Negation)
                }
                _ => None,
            };
            let Some(kind) = found else { continue };
            seen.insert(key);
            // "about 4 km (2.5 miles)" against "about 6 km (3.7 miles)" is one conflict, not two.
            let (fa, fb) = (fact(a), fact(b));
            let facts = if fa <= fb { (fa, fb) } else { (fb, fa) };
            if !reported.insert(facts) {
                continue;
            }
            let (pair, _) = alignment.pair(i, j).expect("aligned pair");
            out.push(Contradiction {
                kind,
                confidence: confidence(kind, score, a, b),
                explanation: explain::contradiction(&mut contexts, i, j, kind, alignment.events.names(&pair.shared)),
                a: DocSpan { doc: a.doc, span: a.span },
                b: DocSpan { doc: b.doc, span: b.span },
            });
        }
    }
    weekday_against_majority(docs, claims, alignment, &mut seen, &mut out);
    crate::sort::by(&mut out, |x, y| y.confidence.total_cmp(&x.confidence));
    out
}

/// Articles about one event that give its weekday mostly agree ("Thursday" in four articles); a
/// weekday named by a single article, for words of that event, is likely a mistake
/// ("Wednesday"). Dates of statements ("said on Friday") are left out: they date something else.
fn weekday_against_majority(
    docs: &[Document],
    claims: &[Claim],
    alignment: &Alignment,
    seen: &mut FxHashSet<(usize, usize)>,
    out: &mut Vec<Contradiction>,
) {
    let weekday_of = |c: &Claim| match &c.value {
        ClaimValue::Date(w) if w.named_weekday && event_date(c) => w.weekday,
        _ => None,
    };
    let mut docs_by_day: [FxHashSet<usize>; 7] = Default::default();
    for c in claims {
        if let Some(d) = weekday_of(c) {
            docs_by_day[d as usize].insert(c.doc);
        }
    }
    let Some(major) = (0..7).max_by_key(|&d| docs_by_day[d].len()) else { return };
    let major_docs = docs_by_day[major].len();
    let naming_docs = docs_by_day.iter().flatten().collect::<FxHashSet<_>>().len();
    if major_docs < MAJORITY_MIN_DOCS {
        return;
    }
    for (i, c) in claims.iter().enumerate() {
        let Some(day) = weekday_of(c) else { continue };
        // One article against more than half of those that name a weekday for the event.
        let minority = docs_by_day[day as usize].len();
        if day as usize == major || minority > 1 || 2 * major_docs <= naming_docs {
            continue;
        }
        // The majority's claim in another article whose words this one shares most.
        let best = claims
            .iter()
            .enumerate()
            .filter(|(_, m)| m.doc != c.doc && weekday_of(m) == Some(major as u32))
            .take(MAJORITY_SCAN)
            .map(|(j, _)| (j, alignment.events.overlap(i, j, true)))
            .filter(|(_, (sim, _))| *sim > 0.0)
            .max_by(|x, y| x.1 .0.total_cmp(&y.1 .0));
        let Some((j, (sim, shared))) = best else { continue };
        if !seen.insert((i.min(j), i.max(j))) {
            continue;
        }
        let share = major_docs as f64 / (major_docs + minority) as f64;
        out.push(Contradiction {
            kind: ContradictionKind::Date,
            confidence: ((0.3 + 0.3 * share + 0.3 * sim as f64).min(0.8) * 100.0).round() / 100.0,
            explanation: explain::weekday_majority(docs, claims, i, j, major_docs, alignment.events.names(&shared)),
            a: DocSpan { doc: c.doc, span: c.span },
            b: DocSpan { doc: claims[j].doc, span: claims[j].span },
        });
    }
}

fn confidence(kind: ContradictionKind, score: f32, a: &Claim, b: &Claim) -> f64 {
    let base = (score as f64).min(1.0);
    let weekday = |c: &Claim| matches!(&c.value, ClaimValue::Date(w) if w.named_weekday);
    let factor = match kind {
        ContradictionKind::Numeric => 0.95,
        ContradictionKind::Date if weekday(a) || weekday(b) => 0.7,
        ContradictionKind::Date => 0.85,
        ContradictionKind::Negation => 0.8,
    };
    (base * factor * 100.0).round() / 100.0
}

/// A date that dates an event as the article tells it: not the date of a statement ("said on
/// Friday"), not a relative date inside a quotation (its "yesterday" is the speaker's).
fn event_date(c: &Claim) -> bool {
    let quoted_relative = c.quoted && matches!(&c.value, ClaimValue::Date(w) if w.relative);
    !c.dates_statement && !quoted_relative
}

/// One fact of one sentence: a figure and its restatement in other units ("4 km (2.5 miles)") are the
/// same fact, so a conflict between two such sentences is reported once.
type Fact<'c> = (usize, usize, Option<&'c str>, bool);

fn fact(c: &Claim) -> Fact<'_> {
    (c.doc, c.sentence, c.what.concept.as_deref(), c.what.unit.is_some())
}

/// "27km (17 miles)": one figure given twice.
fn restates(a: &Claim, b: &Claim) -> bool {
    a.doc == b.doc && a.quantity.is_some() && a.sentence == b.sentence
}

/// A value interval `[lo, hi]`, each end open or closed.
#[derive(Debug, Clone, Copy)]
struct Interval {
    lo: f64,
    hi: f64,
    lo_open: bool,
    hi_open: bool,
}

fn interval(c: &Claim, use_si: bool) -> Option<(Interval, f64)> {
    let ClaimValue::Number { low, high, si, rounding, .. } = c.value else { return None };
    let scale = if use_si { si? / low.max(f64::MIN_POSITIVE) } else { 1.0 };
    let scale = if use_si && low == 0.0 { 1.0 } else { scale };
    let (lo, hi) = (low * scale, high * scale);
    let slack = rounding * scale;
    let iv = match c.bound {
        Bound::Exact => Interval { lo: lo - slack, hi: hi + slack, lo_open: false, hi_open: false },
        Bound::About => Interval { lo: lo * 0.9 - slack, hi: hi * 1.1 + slack, lo_open: false, hi_open: false },
        Bound::AtLeast => Interval { lo: lo - slack, hi: f64::INFINITY, lo_open: false, hi_open: true },
        Bound::MoreThan => Interval { lo: lo - slack, hi: f64::INFINITY, lo_open: true, hi_open: true },
        Bound::AtMost => Interval { lo: f64::NEG_INFINITY, hi: hi + slack, lo_open: true, hi_open: false },
        Bound::LessThan => Interval { lo: f64::NEG_INFINITY, hi: hi + slack, lo_open: true, hi_open: true },
    };
    Some((iv, scale))
}

/// Whether `x` lies wholly above `y` (beyond `slack`).
fn above(x: Interval, y: Interval, slack: f64) -> bool {
    let gap = x.lo - y.hi;
    if x.lo_open || y.hi_open {
        gap >= -slack
    } else {
        gap > slack
    }
}

/// Whether two aligned figures cannot both be true. A count of a narrower thing may be smaller
/// ("four tanks" among "20 vehicles"); bounds are intervals ("at least one tank" fits "four").
pub fn numbers_conflict(a: &Claim, b: &Claim, relation: Relation) -> bool {
    let (
        ClaimValue::Number { si: sa, unit: ua, digit: da, .. },
        ClaimValue::Number { si: sb, unit: ub, digit: db, .. },
    ) = (&a.value, &b.value)
    else {
        return false;
    };
    let use_si = ua != ub;
    if use_si && (sa.is_none() || sb.is_none()) {
        return false;
    }
    let (Some((x, sx)), Some((y, sy))) = (interval(a, use_si), interval(b, use_si)) else { return false };
    // Two figures written with different precision agree when one rounds to the other ("55", "55.3").
    let mut slack = if (da - db).abs() > f64::EPSILON { 0.5 * (da * sx).max(db * sy) } else { 0.0 };
    if use_si {
        slack += CONVERSION_SLACK * x.lo.abs().max(y.lo.abs());
    }
    match relation {
        Relation::Same => above(x, y, slack) || above(y, x, slack),
        Relation::Narrower => above(x, y, slack),
        Relation::Broader => above(y, x, slack),
        Relation::Unrelated => false,
    }
}

/// A figure for an outcome against its denial: "eight soldiers were killed" and "no troops
/// were killed". The figure's things must fall under the denied ones (troops are people; people
/// are not all troops).
fn denial_conflict(figure: &Claim, figure_to_denied: Relation) -> bool {
    let positive = matches!(figure.value, ClaimValue::Number { high, .. } if high > 0.0);
    positive && matches!(figure_to_denied, Relation::Same | Relation::Narrower)
}

/// For a date mismatch, report the claim that disagrees with the others: a weekday against the
/// weekday most other articles give for the event ("Wednesday" when the rest say "Thursday").
/// With only two dates, both are reported. The answer is the claim's, whichever partner (in
/// another article: dates are compared across articles) it meets, so it is worked out once.
fn date_is_the_odd_one(i: usize, claims: &[Claim], alignment: &Alignment) -> bool {
    let ClaimValue::Date(mine) = &claims[i].value else { return false };
    // The articles that agree (its own among them) and those that disagree: a claim has one
    // best partner per article, so each article is counted once by counting partners.
    let own = claims[i].doc as u32;
    let (mut agree, mut disagree) = (1, 0);
    for &Partner { doc, claim: k, score } in alignment.best(i) {
        if score < DATE_ALIGN {
            continue;
        }
        if let ClaimValue::Date(other) = &claims[k as usize].value {
            match mine.disagrees(other) {
                Some(true) => disagree += 1,
                Some(false) => agree += usize::from(doc != own),
                None => {}
            }
        }
    }
    // `i` is the odd one when the others outnumber it; a tie (one against one) is reported too.
    disagree >= agree
}

/// Equal figures for the same thing in several articles: each group is one corroboration.
pub fn agreements(docs: &[Document], claims: &[Claim], alignment: &Alignment) -> Vec<Corroboration> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: Vec<Option<usize>> = vec![None; claims.len()];
    // Only equal figures of mutual best partners in two articles can agree: the others are left
    // out before sorting (a big cluster scores hundreds of thousands of pairs).
    let mut pairs: Vec<((usize, usize), f32)> = Vec::new();
    for i in 0..claims.len() {
        for (j, p) in alignment.pairs_of(i) {
            let (a, b) = (&claims[i], &claims[j]);
            if p.score >= AGREE_ALIGN && a.doc != b.doc && same_figure(a, b) && alignment.mutual_best(i, j, claims) {
                pairs.push(((i, j), p.score));
            }
        }
    }
    crate::sort::by(&mut pairs, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    // The articles each group has a claim in.
    let mut group_docs: FxHashSet<(usize, usize)> = FxHashSet::default();
    for ((i, j), _) in pairs {
        match (group_of[i], group_of[j]) {
            (Some(_), Some(_)) => {}
            (Some(g), None) | (None, Some(g)) => {
                let new = if group_of[i].is_none() { i } else { j };
                if group_docs.insert((g, claims[new].doc)) {
                    groups[g].push(new);
                    group_of[new] = Some(g);
                }
            }
            (None, None) => {
                groups.push(vec![i, j]);
                group_of[i] = Some(groups.len() - 1);
                group_of[j] = Some(groups.len() - 1);
                group_docs.extend([(groups.len() - 1, claims[i].doc), (groups.len() - 1, claims[j].doc)]);
            }
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            crate::sort::by_key(&mut g, |&k| (claims[k].doc, claims[k].span.start));
            let sources = distinct_sources(g.iter().map(|&k| claims[k].source.as_ref()), false);
            Corroboration {
                explanation: explain::agreement(docs, claims, &g, sources),
                claims: g.iter().map(|&k| DocSpan { doc: claims[k].doc, span: claims[k].span }).collect(),
                sources,
            }
        })
        .collect()
}

/// The same exact figure (same value and bound) or the same date.
fn same_figure(a: &Claim, b: &Claim) -> bool {
    match (&a.value, &b.value) {
        // "one problem" is a way of speaking more than a figure worth confirming.
        (ClaimValue::Number { low: x, high: hx, .. }, ClaimValue::Number { low: y, high: hy, .. }) => {
            a.bound == b.bound && x == y && hx == hy && *x != 1.0 && a.what.concept == b.what.concept
        }
        (ClaimValue::Date(x), ClaimValue::Date(y)) => x == y && (x.day.is_some() || x.month.is_some()),
        _ => false,
    }
}

/// How many distinct sources stand behind a repeated claim. Named sources count once each.
/// Repeated *words* come from one speaker, so unnamed ones ("a defence official" in two outlets)
/// add nothing when a name is there and count as one otherwise (`same_words`); an equal figure
/// from an unnamed or unknown source counts once per article, as each outlet may have its own.
pub fn distinct_sources<'a>(sources: impl Iterator<Item = Option<&'a super::Source>>, same_words: bool) -> usize {
    let mut named: FxHashSet<String> = FxHashSet::default();
    let mut unnamed = 0;
    for s in sources {
        match s {
            Some(s) if s.named => {
                // "Donald Trump", "President Trump" and "Trump" are one source: the surname.
                let surname = s.name.split_whitespace().last().unwrap_or_default();
                named.insert(surname.trim_end_matches(['\'', '’', 's']).to_lowercase());
            }
            _ => unnamed += 1,
        }
    }
    if same_words {
        named.len().max(1)
    } else {
        named.len() + unnamed
    }
}
