//! Reading one sentence: each numeral with what surrounds it becomes a typed quantity (cardinal,
//! ordinal, percent, money, measure, duration, age, range, vague), with its bound, unit and
//! counted noun; designations, phone numbers, URLs and pronoun "one" are left out.

use super::counted;
use super::lexicon::{lines, Lexicon};
use super::money::{self, Currency};
use super::not_quantities::{may_match, not_quantities};
use super::numerals::{self, Form, Numeral};
use super::token_words::token_words;
use super::tokens::{TokKind, Tokens};
use super::units::{self, Unit};
use super::words;
use super::{Bound, Kind, Quantity, Value};
use crate::word_map::WordSet;
use crate::Span;
use std::sync::OnceLock;

/// A quantity found in a sentence, with the span of the quantity it restates, if any.
pub struct Found {
    pub quantity: Quantity,
    pub restates: Option<Span>,
}

/// What a numeral turned into, over tokens `first..end`.
#[derive(Debug, Clone)]
struct Item {
    first: usize,
    end: usize,
    kind: Kind,
    value: f64,
    value_max: Option<f64>,
    unit: Option<&'static str>,
    si: Option<f64>,
    bound: Bound,
    counted: Option<Span>,
    /// The numeral's own tokens.
    numeral: Numeral,
    /// A unit of measure (for restatements: same dimension).
    dimension: Option<&'static str>,
    relative: Option<&'static str>,
    restates: Option<usize>,
}

/// Finds the quantities of one sentence; `taken` are spans already claimed (dates and times).
/// `t` holds the sentence's tokens.
pub fn scan(t: &Tokens, sentence: Span, sentence_index: usize, taken: &[Span]) -> Vec<Found> {
    // URLs, addresses, phone numbers and clock times: only where the sentence can hold one.
    let blocked = if may_match(t, sentence) {
        blocked_tokens(t, taken.iter().copied().chain(not_quantities(t.text, sentence)))
    } else {
        blocked_tokens(t, taken.iter().copied())
    };
    let skip = |i: usize| blocked.get(i).is_some_and(|&b| b);
    let mut items: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let starts = if skip(i) { 0 } else { recognisers_at(t, i) };
        if starts == 0 {
            i += 1;
            continue;
        }
        let may = |bit: u8| starts & bit != 0;
        let recognised = may(VAGUE)
            .then(|| vague(t, i))
            .flatten()
            .or_else(|| may(RELATIVE_ORDINAL).then(|| relative_ordinal(t, i)).flatten())
            .or_else(|| may(PERCENT_OF).then(|| percent_of(t, i)).flatten())
            .or_else(|| may(ONE_AND_A_HALF).then(|| one_and_a_half(t, i)).flatten());
        if let Some(item) = recognised {
            i = item.end;
            items.push(item);
            continue;
        }
        let Some(n) = may(NUMERAL).then(|| numerals::parse(t, i)).flatten() else {
            i += 1;
            continue;
        };
        if (n.first..n.end).any(skip) || !is_quantity(t, &n) {
            i = n.end;
            continue;
        }
        let floor = items.last().map_or(0, |it| it.end);
        let Some(mut item) = build(t, n, floor) else {
            i = n.end;
            continue;
        };
        if let Some(end) = range(t, &mut item, &skip) {
            item.end = end;
        }
        // The counted noun is a word of its own ("20s" is no count of "s").
        if item.counted.is_none() && !t.joined(item.end - 1) {
            item.counted = counted_after(t, &item);
        }
        i = item.end;
        items.push(item);
    }
    // Most sentences hold no figure: nothing to merge, link or convert.
    if items.is_empty() {
        return Vec::new();
    }
    merge_bound_pairs(t, &mut items);
    link_restatements(t, &mut items);
    let spans: Vec<Span> = items.iter().map(|it| t.span(it.first, it.end - 1)).collect();
    items
        .into_iter()
        .map(|it| Found {
            restates: it.restates.map(|k| spans[k]),
            quantity: Quantity {
                span: t.span(it.first, it.end - 1),
                kind: it.kind,
                value: Some(match it.relative {
                    Some(r) => Value::Text(r.to_string()),
                    None => Value::Number(it.value),
                }),
                value_max: it.value_max,
                unit: it.unit,
                counted: it.counted,
                bound: it.bound,
                si_value: it.si,
                restates: None,
                sentence: sentence_index,
            },
        })
        .collect()
}

/// Which tokens of `t` overlap one of `spans`, flagged once per sentence (the scan asks at every
/// token); empty when no span is given, as in most sentences.
fn blocked_tokens(t: &Tokens, spans: impl Iterator<Item = Span>) -> Vec<bool> {
    let mut blocked = Vec::new();
    for span in spans {
        if blocked.is_empty() {
            blocked.resize(t.len(), false);
        }
        // The tokens come in text order without overlaps: those that can overlap `span` are one
        // run, from the first that ends after its start to the last that starts before its end.
        let first = t.toks.partition_point(|tok| tok.span.end <= span.start);
        for (k, tok) in t.toks.iter().enumerate().skip(first) {
            if tok.span.start >= span.end {
                break;
            }
            blocked[k] |= span.overlaps(tok.span);
        }
    }
    blocked
}

/// What a quantity counts: "59 cruise missiles", "three of the four soldiers", "15% of voters".
fn counted_after(t: &Tokens, item: &Item) -> Option<Span> {
    const DETERMINERS: &[&str] = &["the", "his", "her", "their", "its", "these", "those", "our", "all"];
    let of = t.is(item.end, "of");
    let mut from = item.end;
    if of {
        from += 1;
        if t.is_any(from, DETERMINERS) {
            from += 1;
        }
        // "three of the four soldiers": a part of a group counts the group's noun.
        if let Some(group) = numerals::parse(t, from) {
            from = group.end;
        }
    }
    match item.kind {
        Kind::Cardinal | Kind::Range if of && from > item.end + 1 => counted::after(t, from),
        Kind::Cardinal | Kind::Range if !of => counted::after(t, from),
        Kind::Percent if of => counted::after(t, from),
        _ => None,
    }
}

fn item(n: Numeral, kind: Kind) -> Item {
    Item {
        first: n.first,
        end: n.end,
        kind,
        value: n.value,
        value_max: None,
        unit: None,
        si: None,
        bound: Bound::Exact,
        counted: None,
        numeral: n,
        dimension: None,
        relative: None,
        restates: None,
    }
}

fn designators() -> &'static WordSet {
    static SET: WordSet = include!(concat!(env!("OUT_DIR"), "/numbers_designators.rs"));
    &SET
}

/// Whether a numeral counts or measures something, rather than naming it ("F-22", "Boeing 737",
/// "Stage 5", "flight 17") or standing for a noun ("the one you mentioned", "one of the officials").
fn is_quantity(t: &Tokens, n: &Numeral) -> bool {
    let f = n.first;
    let digits = t.is_digits(f);
    if f > 0 && digits {
        let prev = t.str(f - 1);
        // Letters glued to the digits, or joined by a hyphen: "A320", "F-22", "SU-22", "COVID-19".
        if t.is_word(f - 1) && t.joined(f - 1) && money::before(t, f).is_none() {
            return false;
        }
        if t.is_any(f - 1, &["-", "\u{2011}"]) && t.joined(f - 1) && f >= 2 && t.joined(f - 2) && t.is_word(f - 2) {
            return false;
        }
        // "#3", and markup or query values: id="672152791717158917", page=2.
        let attribute = |eq: usize| t.is(eq, "=") && eq >= 1 && t.joined(eq - 1) && t.is_word(eq - 1) && t.joined(eq);
        let quoted = t.is_any(f - 1, &["\"", "'"]) && t.joined(f - 1) && f >= 2 && attribute(f - 2);
        if prev == "#" || attribute(f - 1) || quoted {
            return false;
        }
        // A designating noun: "Stage 5", "No. 1", "flight 17".
        let noun = if prev == "." && f >= 2 { f - 2 } else { f - 1 };
        if t.is_word(noun) && designators().contains(super::lexicon::lower(t.str(noun)).as_ref()) {
            return false;
        }
        // A name followed by a number: "Boeing 737", "Apollo 11".
        if t.capitalised(f - 1) && !t.str(f - 1).contains(['\'', '’']) {
            let lower = t.str(f - 1).to_lowercase();
            let ordinary = counted::is_function_word(&lower)
                || bounds().before(t, f).is_some()
                || super::dates::month_number(&lower).is_some()
                || super::dates::weekday_number(&lower).is_some()
                || money::before(t, f).is_some()
                || lower == "between"
                || lower == "from";
            if !ordinary {
                return false;
            }
        }
    }
    // Digits glued to capitals that are no unit, currency or scale: "5G", "3D", "4WD".
    if digits && t.joined(n.end - 1) && t.capitalised(n.end) && t.is_digits(n.end - 1) {
        let known =
            units::at(t, n.end).is_some() || money::after(t, n.end).is_some() || percent_after(t, n.end).is_some();
        if !known {
            return false;
        }
    }
    // Digits, letters, digits: a serial ("24703m212"), unless the letters and digits are a unit ("24703m2").
    if digits && t.joined(n.end - 1) && t.is_word(n.end) && t.joined(n.end) && t.is_digits(n.end + 1) {
        let unit_ends_clean = units::at(t, n.end)
            .is_some_and(|(_, next)| !(t.joined(next - 1) && (t.is_digits(next) || t.is_word(next))));
        if !unit_ends_clean {
            return false;
        }
    }
    // A list marker: "8. Where Obama plans..." at the start of a sentence.
    if digits
        && f == 0
        && n.end - n.first == 1
        && t.str(f).len() <= 2
        && t.is_any(n.end, &[".", ")"])
        && t.joined(n.end - 1)
        && (n.end + 1 == t.len() || t.capitalised(n.end + 1))
    {
        return false;
    }
    // A word joined into a compound: "one-on-one", "catch-all".
    if !digits
        && f >= 2
        && t.is_any(f - 1, &["-", "\u{2011}"])
        && t.joined(f - 1)
        && t.joined(f - 2)
        && t.is_word(f - 2)
    {
        return false;
    }
    // "the 1990s": a decade, for the dates stage.
    if digits && t.str(f).len() == 4 && t.joined(n.end - 1) && t.is(n.end, "s") {
        return false;
    }
    // "'08": a year, for the dates stage.
    if digits && f > 0 && t.is_any(f - 1, &["'", "’", "‘"]) && t.joined(f - 1) && t.str(f).len() == 2 {
        return false;
    }
    // A bare "half" or "quarter" is a share only before "of", "a", "the" or after a bound:
    // "half of them", "half a million", "nearly half"; not "half-brother", "the third quarter".
    if n.end - n.first == 1 && t.is_any(f, &["half", "quarter"]) {
        let share_follows = t.is_any(n.end, &["of", "a", "an", "the"]);
        let bounded = bound_before(t, f).is_some() || (f > 0 && t.is_any(f - 1, &["by", "in", "than"]));
        return (share_follows || bounded) && !t.joined(f);
    }
    if n.end - n.first == 1 && t.is(f, "one") {
        return !pronoun_one(t, f);
    }
    if n.form == Form::Ordinal && !digits {
        // "a second", "per second": the unit of time.
        if t.is(f, "second") && n.end == f + 1 && f > 0 && t.is_any(f - 1, &["a", "per", "split", "every", "one"]) {
            return false;
        }
        if t.is(f, "first") && f > 0 && t.is(f - 1, "at") {
            return false;
        }
    }
    true
}

/// "one" as a pronoun: after a determiner, or before "of", a verb or a pronoun.
fn pronoun_one(t: &Tokens, i: usize) -> bool {
    const BEFORE: &[&str] = &[
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "a", "an", "only", "last", "next",
        "previous", "current", "first", "such", "someone", "everyone", "anyone", "no-one", "little", "big", "new",
        "old", "right", "wrong", "same",
    ];
    const AFTER: &[&str] = &[
        "of", "you", "another", "who", "which", "that", "is", "was", "can", "could", "would", "should", "will", "may",
        "might", "must", "does", "did", "has", "had", "more", "thing", "i", "we", "he", "she", "they",
    ];
    // "that one mile", "one dollar": a unit after it makes it a number.
    if units::at(t, i + 1).is_some() || money::after(t, i + 1).is_some() {
        return false;
    }
    if i > 0 && t.is_any(i - 1, BEFORE) {
        return true;
    }
    // "at least one.", "only one": a count, whatever follows.
    if bound_before(t, i).is_some() {
        return false;
    }
    if t.is_any(i + 1, AFTER) || (t.is_any(i + 1, &["'", "’"]) && t.is(i + 2, "s")) {
        return true;
    }
    // "an even harder one when …": a function word after it, other than those of a count ("one in five").
    if t.is_word(i + 1)
        && counted::is_function_word(t.str(i + 1))
        && !t.is_any(i + 1, &["in", "or", "to", "and", "by", "out", "per", "last", "next", "first"])
    {
        return true;
    }
    i + 1 >= t.len() || !(t.is_word(i + 1) || t.is_digits(i + 1))
}

fn bounds() -> &'static Lexicon<(Bound, bool)> {
    static LEX: OnceLock<Lexicon<(Bound, bool)>> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::new(lines(include_str!("bounds.txt")).map(|[phrase, bound, place]| {
            let bound = match bound {
                "at_least" => Bound::AtLeast,
                "more_than" => Bound::MoreThan,
                "at_most" => Bound::AtMost,
                "less_than" => Bound::LessThan,
                "about" => Bound::About,
                _ => Bound::Exact,
            };
            (phrase, (bound, place == "before"))
        }))
    })
}

/// A bound word before token `start` ("at least", "more than the"): the bound and its first token.
fn bound_before(t: &Tokens, start: usize) -> Option<(Bound, usize)> {
    let look = |end: usize| match bounds().before(t, end) {
        Some(((b, true), first)) => Some((b, first)),
        _ => None,
    };
    look(start).or_else(|| if start > 0 && t.is(start - 1, "the") { look(start - 1) } else { None })
}

/// A bound word after the quantity ending before token `end` ("or more", "or so", "300+").
fn bound_after(t: &Tokens, end: usize) -> Option<(Bound, usize)> {
    match bounds().at(t, end) {
        // "equal to 5000 or less than 6000": the "less than" starts the next figure.
        Some(((b, false), next)) if (t.str(end) != "+" || t.joined(end - 1)) && !t.is(next, "than") => Some((b, next)),
        _ => None,
    }
}

/// Turns a numeral into a quantity by what surrounds it.
/// `floor` is the first token free to read as a prefix (the previous quantity ends there).
fn build(t: &Tokens, n: Numeral, floor: usize) -> Option<Item> {
    let mut it = item(n, Kind::Cardinal);
    let mut end = n.end;
    if n.form == Form::Ordinal {
        it.kind = Kind::Ordinal;
        // "third-largest", "second-biggest".
        if let Some(k) = t.hyphen_after(end - 1) {
            if t.joined(end - 1) && t.joined(end) && t.is_word(k) {
                end = k + 1;
            }
        }
        it.end = end;
        apply_bounds(t, &mut it, floor);
        return Some(it);
    }
    let currency_before = money::before(t, n.first).filter(|(_, s)| *s < n.first && *s >= floor);
    if let Some((_, start)) = currency_before {
        it.first = start;
    }
    // Percentages: "15%", "15 percent", "15 per cent", "2 percentage points".
    if let Some((unit, next)) = percent_after(t, end) {
        it.kind = Kind::Percent;
        it.unit = Some(unit);
        it.end = next;
        apply_bounds(t, &mut it, floor);
        return Some(it);
    }
    // Money: "$1.8m", "£5bn", "1.8M dollars", "€20,000", "75 USD million", "12-cent".
    let mut currency = currency_before.map(|(c, _)| c);
    if currency.is_some() && t.is_word(end) {
        if let Some(s) = words::scale_suffix(t.str(end), true).filter(|_| n.scale == 1.0) {
            it.value *= s;
            end += 1;
        }
    }
    let hyphen = t.hyphen_after(end - 1).filter(|_| t.joined(end - 1) && t.joined(end));
    if currency.is_none() {
        let at = hyphen.unwrap_or(end);
        if let Some((c, next)) = money::after(t, at) {
            currency = Some(c);
            end = next;
        } else if t.is_any(at, &["pound", "pounds"]) && n.scale >= 1e6 {
            currency = Some(Currency { code: "GBP", factor: 1.0 });
            end = at + 1;
        }
        if let Some(c) = currency {
            it.value *= c.factor;
            if let Some(s) = t.is_word(end).then(|| words::scale(t.str(end))).flatten().filter(|s| *s >= 1e3) {
                it.value *= s;
                end += 1;
            }
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "17 USD 25".
            if !c.is_minor() {
                end = cents(t, end, &mut it.value);
            }
        }
    }
    if let Some(c) = currency {
        it.kind = Kind::Money;
        it.unit = Some(c.code);
        it.si = Some(if c.is_minor() { it.value / 100.0 } else { it.value });
        it.end = end;
        apply_bounds(t, &mut it, floor);
        return Some(it);
    }
    // Units: "27km", "55 kilometers", "34-mile", "seven months", "98.6 degrees fahrenheit", "20 (kg)".
    let unit_at = hyphen.unwrap_or(end);
    let bracketed = || {
        let (unit, next) = units::at(t, end + 1).filter(|_| t.is_any(end, &["(", "["]))?;
        t.is_any(next, &[")", "]"]).then_some((unit, next + 1))
    };
    if let Some((unit, next)) = unit_after(t, unit_at, end).or_else(bracketed) {
        let mut next = next;
        // "6 ft 2 in", "5 feet 11 inches": feet and inches, in feet.
        if unit.symbol == "ft" {
            if let Some(inches) = numerals::parse(t, next).filter(|m| m.value < 12.0 && m.form == Form::Cardinal) {
                if t.is_any(inches.end, &["in", "inch", "inches"]) {
                    it.value += inches.value / 12.0;
                    next = inches.end + 1;
                }
            }
        }
        it.end = next;
        it.unit = Some(unit.symbol);
        it.dimension = Some(unit.dimension);
        it.si = Some(unit.to_si(it.value));
        it.kind = if unit.is_time() { Kind::Duration } else { Kind::Measure };
        if unit.is_time() {
            // "five years old", "28-year-old", "six weeks of age".
            if let Some(k) = t.hyphen_after(next - 1).filter(|&k| t.is(k, "old")) {
                it.kind = Kind::Age;
                it.end = k + 1;
            } else if t.is(next, "old") {
                it.kind = Kind::Age;
                it.end = next + 1;
            } else if t.is(next, "of") && t.is(next + 1, "age") {
                it.kind = Kind::Age;
                it.end = next + 2;
            }
        }
        if unit.symbol == "year" && (n.first > 0 && t.is_any(n.first - 1, &["aged", "age"])) {
            it.kind = Kind::Age;
        }
        apply_bounds(t, &mut it, floor);
        return Some(it);
    }
    // "aged 87", "an 87 yo man": an age in years.
    let aged = n.first > 0 && t.is_any(n.first - 1, &["aged", "age"]);
    let yo = t.is_any(end, &["yo", "y/o"]);
    if aged || yo {
        let year = units::at(&Tokens::new("year", Span::new(0, 4)), 0).map(|(u, _)| u);
        it.kind = Kind::Age;
        it.unit = Some("year");
        it.si = year.map(|u| u.to_si(it.value));
        it.first = if aged { n.first - 1 } else { it.first };
        it.end = if yo { end + 1 } else { end };
        return Some(it);
    }
    // "20-vehicle convoy": the number counts the noun joined to it.
    if let Some(k) = hyphen {
        if t.is_word(k) && words::small(t.str(k)).is_none() && words::ordinal(t.str(k)).is_none() {
            if IDIOMS.iter().any(|w| t.is(k, w)) && t.is(n.first, "one") {
                return None;
            }
            // "40-odd", "300-plus", "1,000-strong": a bound or a description, not what is counted.
            match t.str(k).to_ascii_lowercase().as_str() {
                "odd" | "something" | "ish" => it.bound = Bound::About,
                "plus" => it.bound = Bound::AtLeast,
                "strong" => {}
                _ => it.counted = Some(t.toks[k].span),
            }
            end = k + 1;
        }
    }
    it.end = end;
    apply_bounds(t, &mut it, floor);
    Some(it)
}

/// "one-time", "one-off": adjectives, not counts.
const IDIOMS: &[&str] = &["time", "off", "way", "sided", "on", "size", "stop", "party", "liners", "liner", "to"];

/// "a year and a half", "an hour and a half": one and a half of a unit of time.
fn one_and_a_half(t: &Tokens, i: usize) -> Option<Item> {
    if !t.is_any(i, &["a", "an"]) {
        return None;
    }
    let (unit, next) = units::at(t, i + 1).filter(|(u, _)| u.is_time())?;
    if !(t.is(next, "and") && t.is_any(next + 1, &["a", "an"]) && t.is(next + 2, "half")) {
        return None;
    }
    let n = Numeral { first: i, end: next + 3, value: 1.5, form: Form::Fraction, words: true, scale: 1.0 };
    let mut it = item(n, Kind::Duration);
    it.unit = Some(unit.symbol);
    it.dimension = Some(unit.dimension);
    it.si = Some(unit.to_si(1.5));
    Some(it)
}

/// "per cent of 210", "percents of twenty": the percent word before its number.
fn percent_of(t: &Tokens, i: usize) -> Option<Item> {
    let of = if t.is(i, "per") && t.is(i + 1, "cent") {
        i + 2
    } else if t.is_any(i, &["percent", "percents"]) {
        i + 1
    } else {
        return None;
    };
    // After a number ("5 percent of") the percent word belongs to it.
    if i > 0 && (t.is_digits(i - 1) || words::small(t.str(i - 1)).is_some() || t.is(i - 1, "the")) {
        return None;
    }
    if !t.is(of, "of") {
        return None;
    }
    let n = numerals::parse(t, of + 1).filter(|n| n.form == Form::Cardinal)?;
    // "percent of 210 voters" names a share of a count, not a percentage.
    if t.is_word(n.end) && counted::after(t, n.end).is_some() {
        return None;
    }
    let mut it = item(n, Kind::Percent);
    it.first = i;
    it.unit = Some("%");
    Some(it)
}

fn percent_after(t: &Tokens, end: usize) -> Option<(&'static str, usize)> {
    if t.is(end, "%") {
        return Some(("%", end + 1));
    }
    if t.is_any(end, &["percentage", "per"]) && t.is_any(end + 1, &["point", "points"]) {
        return Some(("pp", end + 2));
    }
    if t.is(end, "per") && t.is(end + 1, "cent") {
        return Some(("%", end + 2));
    }
    if t.is_any(end, &["percent", "pct", "percentage"]) || (t.str(end) == "pc" && !t.is_word(end + 1)) {
        return Some(("%", end + 1));
    }
    if t.is(end, "basis") && t.is_any(end + 1, &["point", "points"]) {
        return Some(("bp", end + 2));
    }
    None
}

/// A unit at token `at` after a number ending before `end`; not one glued to more letters or digits.
fn unit_after(t: &Tokens, at: usize, end: usize) -> Option<(Unit, usize)> {
    let (unit, next) = units::at(t, at)?;
    if t.joined(next - 1) && (t.is_digits(next) || t.is_word(next)) {
        return None;
    }
    // One-letter symbols glued or spaced ("48m", "1 m"), but not the article "a" or a list letter.
    let spelled = t.str(at);
    if spelled.chars().count() == 1 && at == end && !t.joined(end - 1) && !t.is_any(at, &["m"]) {
        return None;
    }
    Some((unit, next))
}

/// Cents after a whole amount: "dollars 50 cents", "dollars and forty-five cents", "USD 25".
fn cents(t: &Tokens, end: usize, value: &mut f64) -> usize {
    let at = if t.is(end, "and") { end + 1 } else { end };
    let Some(n) = numerals::parse(t, at) else { return end };
    if n.form != Form::Cardinal || n.value >= 100.0 || n.value.fract() != 0.0 || n.value <= 0.0 {
        return end;
    }
    match money::after(t, n.end) {
        Some((c, next)) if c.is_minor() => {
            *value += n.value / 100.0;
            next
        }
        Some(_) => end,
        None if units::at(t, n.end).is_none() && !t.is_word(n.end) || t.is_any(n.end, &["more"]) => {
            *value += n.value / 100.0;
            n.end
        }
        None => end,
    }
}

fn apply_bounds(t: &Tokens, it: &mut Item, floor: usize) {
    if let Some((b, first)) = bound_before(t, it.first).filter(|(_, first)| *first >= floor) {
        it.bound = b;
        it.first = first;
    }
    if let Some((b, next)) = bound_after(t, it.end) {
        it.bound = b;
        it.end = next;
    }
    // "less than 5000 or equal", "more than 5000 or equal to".
    if t.is(it.end, "or") && t.is(it.end + 1, "equal") {
        let to = if t.is(it.end + 2, "to") { 3 } else { 2 };
        match it.bound {
            Bound::LessThan => it.bound = Bound::AtMost,
            Bound::MoreThan => it.bound = Bound::AtLeast,
            _ => return,
        }
        it.end += to;
    }
}

const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "fell",
    "fallen",
    "fall",
    "falls",
    "falling",
    "increased",
    "increase",
    "decreased",
    "decrease",
    "grew",
    "grown",
    "climbed",
    "dropped",
    "jumped",
    "up",
    "down",
    "cut",
    "raised",
    "lowered",
    "went",
    "gone",
    "surged",
    "slipped",
    "declined",
    "soared",
    "plunged",
    "changed",
];

/// A range after the quantity: "10-20", "between 10 and 20", "from 5 to 7", "eight to 10 feet".
/// On success the item becomes the range and the index after it is returned.
fn range(t: &Tokens, it: &mut Item, skip: &dyn Fn(usize) -> bool) -> Option<usize> {
    if !matches!(it.bound, Bound::Exact | Bound::About) || matches!(it.kind, Kind::Age | Kind::Vague) {
        return None;
    }
    // "between 10 and 20", "between the tenth and the fifteenth".
    let the = it.first > 0 && t.is(it.first - 1, "the") && it.kind == Kind::Ordinal;
    let before = if the { it.first - 1 } else { it.first };
    let between = before > 0 && t.is(before - 1, "between");
    let from = before > 0 && t.is(before - 1, "from");
    if it.kind == Kind::Ordinal && !between {
        return None;
    }
    let e = it.end;
    // "10-20", "1000 - 5000", "75 -300mm"; not "75- 300".
    let dash = t.is_any(e, &["-", "\u{2013}", "\u{2014}", "~"]) && (t.joined(e - 1) == t.joined(e) || !t.joined(e - 1));
    // "two or three months": neighbouring whole numbers joined by "or" are a range.
    let or_next = t.is(e, "or")
        && numerals::parse(t, e + 1)
            .is_some_and(|n2| n2.value == it.value + 1.0 && it.value.fract() == 0.0 && it.value < 20.0);
    let link = if between { t.is(e, "and") } else { dash || or_next || t.is_any(e, &["to", "through", "thru"]) };
    if !link {
        return None;
    }
    let changed = |from_tok: usize| (from_tok.saturating_sub(3)..from_tok).any(|k| t.is_any(k, CHANGE_VERBS));
    if !dash && changed(it.first) {
        return None;
    }
    let mut k = e + 1;
    if the && t.is(k, "the") {
        k += 1;
    }
    // "$10-$20": the second amount may repeat the currency.
    if it.kind == Kind::Money {
        if let Some((_, next)) = money::before_at(t, k) {
            k = next;
        }
    }
    let n2 = numerals::parse(t, k)?;
    if (n2.first..n2.end).any(skip) || (n2.form == Form::Ordinal) != (it.kind == Kind::Ordinal) {
        return None;
    }
    let second = build(t, n2, e + 1)?;
    let mut low = it.value;
    // "$1-2 million", "10 to 20 thousand": the first number shares the second's scale.
    if it.numeral.scale == 1.0 && n2.scale > 1.0 && low * n2.scale <= second.value {
        low *= n2.scale;
    }
    if second.value <= low {
        // Not a range: a score, an identifier or a fall ("3-1"). Leave both out when written with a dash.
        return None;
    }
    // "10-20 km" takes the unit of its second end; "$1-2 million" the currency of its first.
    let same_kind = second.kind == it.kind || it.kind == Kind::Cardinal || second.kind == Kind::Cardinal;
    if !same_kind || second.bound != Bound::Exact && second.bound != Bound::About {
        return None;
    }
    if it.kind == Kind::Ordinal {
        it.kind = Kind::Range;
    }
    if it.kind == Kind::Cardinal {
        it.kind = if second.kind == Kind::Cardinal { Kind::Range } else { second.kind };
        it.unit = second.unit;
        it.dimension = second.dimension;
        if let (Some(si2), v2) = (second.si, second.value) {
            it.si = Some(si2 / v2 * low);
        }
    }
    it.value = low;
    it.value_max = Some(second.value);
    if between || from {
        it.first = before - 1;
    }
    it.counted = second.counted;
    Some(second.end)
}

/// "more than 10 and less than 20", "above 1000 and below 1500": one range from two bounds.
fn merge_bound_pairs(t: &Tokens, items: &mut Vec<Item>) {
    let mut i = 0;
    while i + 1 < items.len() {
        let (a, b) = (&items[i], &items[i + 1]);
        let joined = b.first == a.end + 1 && t.is_any(a.end, &["and", "but", ","]);
        let lower = |x: &Item| matches!(x.bound, Bound::MoreThan | Bound::AtLeast);
        let upper = |x: &Item| matches!(x.bound, Bound::LessThan | Bound::AtMost);
        let pair = if lower(a) && upper(b) {
            Some((a.value, b.value))
        } else if upper(a) && lower(b) {
            Some((b.value, a.value))
        } else {
            None
        };
        match pair {
            Some((lo, hi)) if joined && lo < hi && a.kind == b.kind => {
                let end = b.end;
                let a = &mut items[i];
                a.value = lo;
                a.value_max = Some(hi);
                a.end = end;
                if a.kind == Kind::Cardinal || a.kind == Kind::Ordinal {
                    a.kind = Kind::Range;
                }
                a.bound = Bound::Exact;
                items.remove(i + 1);
            }
            _ => i += 1,
        }
    }
}

/// "27km (17 miles)": the figure in brackets restates the one before it.
fn link_restatements(t: &Tokens, items: &mut [Item]) {
    for i in 1..items.len() {
        let (a, b) = (&items[i - 1], &items[i]);
        let bracketed = t.is_any(a.end, &["(", "["]) && b.first == a.end + 1 && t.is_any(b.end, &[")", "]"]);
        // "17 miles, or 27km": the same figure in another unit (the same unit would be an alternative).
        let comma = usize::from(t.is(a.end, ","));
        let or_else = t.is(a.end + comma, "or") && b.first == a.end + comma + 1 && a.unit != b.unit;
        let bracketed = bracketed || or_else;
        let comparable = match (a.kind, b.kind) {
            (Kind::Money, Kind::Money) => true,
            _ => a.dimension.is_some() && a.dimension == b.dimension,
        };
        if bracketed && comparable {
            items[i].restates = Some(i - 1);
        }
    }
}

/// "scores of", "dozens", "hundreds of thousands of", "several": a vague quantity with its order of magnitude.
fn vague_lexicon() -> &'static Lexicon<f64> {
    static LEX: OnceLock<Lexicon<f64>> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::new(
            lines(include_str!("vague.txt"))
                .map(|[phrase, magnitude]| (phrase, magnitude.parse().expect("vague magnitude"))),
        )
    })
}

fn vague(t: &Tokens, i: usize) -> Option<Item> {
    let (magnitude, end) = vague_lexicon().at(t, i)?;
    // "hundreds" right after a number is its scale ("five hundreds"), handled by the numeral.
    if i > 0 && (t.is_digits(i - 1) || words::small(t.str(i - 1)).is_some()) {
        return None;
    }
    let n = Numeral { first: i, end, value: magnitude, form: Form::Cardinal, words: true, scale: 1.0 };
    let mut it = item(n, Kind::Vague);
    it.counted = counted::after(t, end);
    Some(it)
}

/// "last", "next", "previous", "penultimate", "the one before the last one": an ordinal counted
/// from the end or from the current item; its value says from where ("end-1", "current+1").
fn relative_ordinal(t: &Tokens, i: usize) -> Option<Item> {
    let (value, end) = relative_ordinal_lexicon().at(t, i)?;
    // "at last" is an adverb.
    if t.is(i, "last") && i > 0 && t.is(i - 1, "at") {
        return None;
    }
    let n = Numeral { first: i, end, value: 0.0, form: Form::Ordinal, words: true, scale: 1.0 };
    let mut it = item(n, Kind::RelativeOrdinal);
    it.relative = Some(value);
    Some(it)
}

/// The phrases of [`relative_ordinal`] and their values.
const RELATIVE_ORDINAL_PHRASES: &[(&str, &str)] = &[
    ("the one before the last one", "end-1"),
    ("the one before the last", "end-1"),
    ("the last but one", "end-1"),
    ("last but one", "end-1"),
    ("next to last", "end-1"),
    ("second to last", "end-1"),
    ("second - to - last", "end-1"),
    ("penultimate", "end-1"),
    ("antepenultimate", "end-2"),
    ("last", "end+0"),
    ("next", "current+1"),
    ("previous", "current-1"),
    ("current one", "current+0"),
];

fn relative_ordinal_lexicon() -> &'static Lexicon<&'static str> {
    static LEX: OnceLock<Lexicon<&'static str>> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::new(RELATIVE_ORDINAL_PHRASES.iter().copied()))
}

/// The recognisers [`recognisers_at`] names (bits): [`vague`], [`relative_ordinal`],
/// [`percent_of`], [`one_and_a_half`] and [`numerals::parse`].
const VAGUE: u8 = 1;
const RELATIVE_ORDINAL: u8 = 2;
const PERCENT_OF: u8 = 4;
const ONE_AND_A_HALF: u8 = 8;
const NUMERAL: u8 = 16;
const ANY_RECOGNISER: u8 = VAGUE | RELATIVE_ORDINAL | PERCENT_OF | ONE_AND_A_HALF | NUMERAL;

/// Which recognisers may start at token `i`: at a word those whose first words it is one of (none
/// for most words: "the" begins only a relative ordinal), all at a word that is not ASCII, only
/// the numeral at digits and at the marks a numeral can begin with ("-", ".", "½").
/// The word was looked up when the sentence was cut ([`super::token_words`]).
fn recognisers_at(t: &Tokens, i: usize) -> u8 {
    let Some(tok) = t.toks.get(i) else { return 0 };
    match tok.kind {
        TokKind::Word => {}
        // Every phrase of the other recognisers begins with a word (a test checks it): digits and
        // marks can begin only a numeral, and most marks ("," "." "“") not even that.
        TokKind::Digits => return NUMERAL,
        TokKind::Symbol if numerals::can_begin(t, i) => return NUMERAL,
        TokKind::Symbol => return 0,
    }
    let w = t.bytes(i);
    // The recognisers compare ASCII words ignoring ASCII case (the keys are in lower case); other
    // words are not gated.
    if !w.is_ascii() || w.len() > 32 {
        return ANY_RECOGNISER;
    }
    let words = token_words();
    let word = words.at(tok.word);
    // A phrase that needs a second word ("the" begins only "the one before the last", "the last
    // but one") is tried only before one of its table's second words. A next token that is not
    // ASCII is left to the table, whose Unicode lower-casing the look-up does not do.
    let longer_only = word.begins_longer_only;
    if longer_only == 0 {
        return word.recognisers;
    }
    let after = match t.toks.get(i + 1) {
        Some(_) if !t.bytes(i + 1).is_ascii() => longer_only,
        Some(next) => words.at(next.word).second_of,
        None => 0,
    };
    word.recognisers & !(longer_only & !after)
}

/// The first words of the phrase recognisers' tables ([`vague`], [`relative_ordinal`]), each with
/// its recogniser's bit and whether it is a phrase by itself.
pub(super) fn phrase_first_words() -> impl Iterator<Item = (&'static str, u8, bool)> {
    let vague = vague_lexicon().first_words_alone().map(|(w, alone)| (w, VAGUE, alone));
    let relative = relative_ordinal_lexicon().first_words_alone().map(|(w, alone)| (w, RELATIVE_ORDINAL, alone));
    vague.chain(relative)
}

/// The second words of the phrase recognisers' tables, each with its recogniser's bit.
pub(super) fn phrase_second_words() -> impl Iterator<Item = (&'static str, u8)> {
    let vague = vague_lexicon().second_words().map(|w| (w, VAGUE));
    let relative = relative_ordinal_lexicon().second_words().map(|w| (w, RELATIVE_ORDINAL));
    vague.chain(relative)
}

/// The words the recognisers begin with, in lower case, each with the bit of a recogniser it
/// begins (a word can come more than once): [`recognisers_at`].
pub(super) fn recogniser_first_words() -> impl Iterator<Item = (&'static str, u8)> {
    let numeral = words::numeral_words().0.iter().map(|w| (w.as_str(), NUMERAL));
    let vague = vague_lexicon().first_words().map(|w| (w, VAGUE));
    let relative = relative_ordinal_lexicon().first_words().map(|w| (w, RELATIVE_ORDINAL));
    let percent = ["per", "percent", "percents"].into_iter().map(|w| (w, PERCENT_OF));
    let one_and_a_half = ["a", "an"].into_iter().map(|w| (w, ONE_AND_A_HALF));
    numeral.chain(vague).chain(relative).chain(percent).chain(one_and_a_half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Tokens<'_> {
        Tokens::new(s, Span::new(0, s.len()))
    }

    #[test]
    fn blocks_the_tokens_that_overlap_a_span_as_a_test_of_every_span_would() {
        let s = "On 5/12 at 16:30 “Zoë” 😀 emailed ops@東京.jp, v2.1 — 1,200 km…";
        let t = toks(s);
        let at = |w: &str| s.find(w).unwrap();
        let spans = [
            Span::new(at("5/12"), at(" at")),
            Span::new(at("16:30") + 1, at("16:30") + 4),
            Span::new(at("ops"), at(", v2")),
            Span::new(at("km"), at("km")),
            Span::new(at("km") + 1, at("km") + 1),
            Span::new(at("1,200"), s.len()),
        ];
        for n in 0..=spans.len() {
            let blocked = blocked_tokens(&t, spans[..n].iter().copied());
            for i in 0..t.len() {
                let any = spans[..n].iter().any(|b| b.overlaps(t.toks[i].span));
                assert_eq!(blocked.get(i).is_some_and(|&b| b), any, "{n} spans, token {i}");
            }
        }
    }

    #[test]
    fn lets_every_word_a_recogniser_starts_with_through_in_any_case() {
        let mut firsts: Vec<&str> = words::numeral_words().0.iter().map(String::as_str).collect();
        firsts.extend(["per", "percent", "a", "an"]);
        for w in firsts {
            for form in [w.to_string(), w.to_uppercase(), format!("{}{}", w[..1].to_uppercase(), &w[1..])] {
                assert!(recognisers_at(&toks(&form), 0) != 0, "{form}");
            }
        }
        // Each word lets through the recognisers it begins, and only those.
        assert_eq!(recognisers_at(&toks("percent"), 0), PERCENT_OF);
        assert_eq!(recognisers_at(&toks("An"), 0) & (ONE_AND_A_HALF | VAGUE), ONE_AND_A_HALF);
        assert_eq!(recognisers_at(&toks("twenty"), 0) & (NUMERAL | PERCENT_OF), NUMERAL);
    }

    #[test]
    fn lets_every_phrase_of_the_phrase_recognisers_through_in_any_case() {
        let vague = lines(include_str!("vague.txt")).map(|[phrase, _]: [&str; 2]| (phrase, VAGUE));
        let relative = RELATIVE_ORDINAL_PHRASES.iter().map(|&(phrase, _)| (phrase, RELATIVE_ORDINAL));
        for (phrase, bit) in vague.chain(relative) {
            let capitalised = format!("{}{}", phrase[..1].to_uppercase(), &phrase[1..]);
            for form in [phrase.to_string(), phrase.to_uppercase(), capitalised] {
                assert!(recognisers_at(&toks(&form), 0) & bit != 0, "{form}");
            }
        }
    }

    #[test]
    fn tries_a_word_that_begins_only_longer_phrases_before_their_second_words() {
        // "the" begins only relative ordinals of three words or more: "the last but one".
        assert_eq!(recognisers_at(&toks("The last"), 0), RELATIVE_ORDINAL);
        assert_eq!(recognisers_at(&toks("the ONE"), 0), RELATIVE_ORDINAL);
        assert_eq!(recognisers_at(&toks("the house"), 0), 0);
        assert_eq!(recognisers_at(&toks("the 5"), 0), 0);
        assert_eq!(recognisers_at(&toks("the"), 0), 0);
        // A next word that is not ASCII is left to the phrase table.
        assert_eq!(recognisers_at(&toks("the Öne"), 0), RELATIVE_ORDINAL);
        // "last" is a phrase by itself: tried before anything.
        assert_eq!(recognisers_at(&toks("last week"), 0) & RELATIVE_ORDINAL, RELATIVE_ORDINAL);
        // "a" begins vague phrases only with a second word ("a few"); the other recognisers it
        // begins ("a and a half", "a hundred") are tried whatever follows.
        assert_eq!(recognisers_at(&toks("a house"), 0) & (VAGUE | ONE_AND_A_HALF), ONE_AND_A_HALF);
        assert_eq!(recognisers_at(&toks("a few"), 0) & VAGUE, VAGUE);
    }

    #[test]
    fn passes_over_other_words_and_marks_but_not_digits_signs_or_non_ascii_words() {
        // A sign or a point only before digits: not the lone hyphen nor the full stop.
        let t = toks("said of 5 $ , “ - ½ -4 Zürich 東京 🚀 officials.");
        let starts: Vec<&str> = (0..t.len()).filter(|&i| recognisers_at(&t, i) != 0).map(|i| t.str(i)).collect();
        assert_eq!(starts, ["5", "½", "-", "4", "Zürich", "東京"]);
        assert!(["Zürich", "東京"].iter().all(|w| recognisers_at(&toks(w), 0) == ANY_RECOGNISER));
        assert!(["5", "-5", "½", ".5", "−5"].iter().all(|w| recognisers_at(&toks(w), 0) == NUMERAL));
        assert!(["-", ".", "- a", ". The"].iter().all(|w| recognisers_at(&toks(w), 0) == 0));
    }

    #[test]
    fn begins_every_vague_and_relative_ordinal_phrase_with_a_word() {
        // `recognisers_at` lets only the numeral start at digits and marks.
        for w in vague_lexicon().first_words().chain(relative_ordinal_lexicon().first_words()) {
            assert_eq!(toks(w).kind(0), Some(TokKind::Word), "{w}");
        }
    }

    #[test]
    fn tells_pronoun_one_from_the_number() {
        let t = toks("the one you mentioned");
        assert!(pronoun_one(&t, 1));
        let t = toks("that one mile");
        assert!(!pronoun_one(&t, 1));
        let t = toks("at least one.");
        assert!(!pronoun_one(&t, 2));
    }

    #[test]
    fn finds_bound_words_before_and_after() {
        let t = toks("no more than 50 or so");
        assert_eq!(bound_before(&t, 3), Some((Bound::AtMost, 0)));
        assert_eq!(bound_after(&t, 4), Some((Bound::About, 6)));
        let t = toks("higher than the tenth");
        assert_eq!(bound_before(&t, 3), Some((Bound::MoreThan, 0)));
    }

    #[test]
    fn reads_percent_signs_and_words() {
        let t = toks("15 % 15 per cent 2 percentage points");
        assert_eq!(percent_after(&t, 1), Some(("%", 2)));
        assert_eq!(percent_after(&t, 3), Some(("%", 5)));
        assert_eq!(percent_after(&t, 6), Some(("pp", 8)));
    }

    #[test]
    fn counts_the_group_after_of_the() {
        let t = "three of the four soldiers";
        let found = scan(&toks(t), Span::new(0, t.len()), 0, &[]);
        let counted: Vec<_> = found.iter().map(|f| f.quantity.counted.map(|c| c.text(t))).collect();
        assert_eq!(counted, [Some("soldiers"), Some("soldiers")]);
    }
}
