//! Numerals: the bare numbers in a token stream, in digits, words or both ("1,200", ".08",
//! "two hundred and fifty", "1.5 million", "5 and a half", "three-quarters", "10 1/2", "11th").
//!
//! A numeral is only the number; what it measures (units, currency, percent) and how it is
//! qualified ("at least") is read around it by the classifier.

use super::tokens::{TokKind, Tokens};
use super::words::{self, Class, OrdinalClass};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Cardinal,
    Ordinal,
    Fraction,
}

/// One number, over tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub first: usize,
    pub end: usize,
    pub value: f64,
    pub form: Form,
    /// Written (at least partly) in words.
    pub words: bool,
    /// The scale word it ends with ("1.5 million" → 1e6), or 1.
    pub scale: f64,
}

/// Reads the numeral that starts at token `i`, if one does.
pub fn parse(t: &Tokens, i: usize) -> Option<Numeral> {
    let n = parse_one(t, i)?;
    // "a third party", "a second chance": an ordinal after the article; "a third of them", "cut by a third." a fraction.
    if n.form == Form::Fraction
        && t.is_any(i, &["a", "an"])
        && t.is_any(n.end, &["-", "\u{2011}"])
        && t.joined(n.end - 1)
    {
        // "a third-world country".
        let singular = words::ordinal(t.str(n.end - 1))
            .is_some_and(|(_, class, plural)| !plural && class != OrdinalClass::DenominatorOnly);
        if singular {
            return parse_one(t, i + 1);
        }
    }
    if n.form == Form::Fraction && t.is_any(i, &["a", "an"]) && t.is_word(n.end) {
        let next = t.str(n.end);
        let fraction_follows = t.is_any(n.end, &["of", "and", "or"]) || words::scale(next).is_some();
        let singular = words::ordinal(t.str(n.end - 1))
            .is_some_and(|(_, class, plural)| !plural && class != OrdinalClass::DenominatorOnly);
        if singular && !fraction_follows && !super::counted::is_function_word(next) {
            return parse_one(t, i + 1);
        }
    }
    // "one over three", "1 over 20": a fraction, when nothing is counted after it.
    if n.form == Form::Cardinal && n.value.fract() == 0.0 && t.is(n.end, "over") {
        if let Some(d) = parse_one(t, n.end + 1) {
            let bare = !t.is_word(d.end) && !t.is_digits(d.end);
            if d.form == Form::Cardinal && d.value > n.value.abs() && d.value.fract() == 0.0 && bare {
                return Some(ratio(n, d));
            }
        }
    }
    // "two out of five hundred": a proportion.
    if n.form == Form::Cardinal && t.is(n.end, "out") && t.is(n.end + 1, "of") {
        if let Some(d) = parse_one(t, n.end + 2) {
            if d.form == Form::Cardinal && d.value > n.value && n.value >= 0.0 {
                return Some(ratio(n, d));
            }
        }
    }
    Some(n)
}

fn parse_one(t: &Tokens, i: usize) -> Option<Numeral> {
    if !can_begin(t, i) {
        return None;
    }
    if let Some(n) = negative(t, i) {
        return Some(n);
    }
    // ".08": a decimal without its leading zero.
    if t.is(i, ".") && t.is_digits(i + 1) && t.joined(i) && (i == 0 || !t.joined(i - 1)) {
        let v: f64 = format!("0.{}", t.str(i + 1)).parse().ok()?;
        return Some(Numeral { first: i, end: i + 2, value: v, form: Form::Cardinal, words: false, scale: 1.0 });
    }
    let atoms = collect(t, i);
    if atoms.is_empty() {
        return digits_only(t, i);
    }
    // The longest run of atoms that reads as one number.
    for n in (1..=atoms.len()).rev() {
        let run = &atoms[..n];
        if matches!(run[n - 1].kind, Atom::And | Atom::A | Atom::Point) {
            continue;
        }
        // "3 hundred and 2 hundred" is two numbers: the "and 2" belongs to the scale after it.
        if n < atoms.len() && n >= 2 && atoms[n - 2].kind == Atom::And && matches!(atoms[n].kind, Atom::Scale(_)) {
            continue;
        }
        if let Some((value, form)) = whole(run) {
            let words = run.iter().any(|a| !matches!(a.kind, Atom::Digits(..)));
            let mut end = run[n - 1].end;
            let mut form = form;
            let mut value = value;
            let mut scale = match run[n - 1].kind {
                Atom::Scale(s) if s >= 1e3 => s,
                _ => 1.0,
            };
            if let Some((v, e, f)) = digit_suffixes(t, run, end, value) {
                if form == Form::Cardinal && f == Form::Cardinal && value != 0.0 {
                    scale = v / value;
                }
                value = v;
                end = e;
                form = f;
            }
            return Some(Numeral { first: i, end, value, form, words, scale });
        }
    }
    None
}

/// Whether a numeral can begin at token `i`: digits, a sign, a decimal point, a vulgar fraction
/// or a word of the number lists. Most tokens are none of these and need no further reading.
pub(super) fn can_begin(t: &Tokens, i: usize) -> bool {
    match t.kind(i) {
        Some(TokKind::Digits) => true,
        Some(TokKind::Symbol) => {
            // A mark of one byte is ASCII, and of those only "-" and "." begin a numeral; "−" and the
            // vulgar fractions are longer (most marks, "," and "." and quotes, are decided on length).
            // A sign or a decimal point begins one only before digits ("-4", "−4", ".08"): every
            // full stop and hyphen of a text is passed over here, not read as far as `parse_one`.
            // Of the longer marks, General Punctuation (U+2000–U+203F: curly quotes, dashes, "…",
            // nearly all the non-ASCII marks of news text) begins none.
            match t.bytes(i) {
                [b] => matches!(b, b'-' | b'.') && t.is_digits(i + 1),
                [0xE2, 0x80, _] => false,
                _ => {
                    let s = t.str(i);
                    (s == "\u{2212}" && t.is_digits(i + 1)) || words::vulgar_fraction(s).is_some()
                }
            }
        }
        Some(TokKind::Word) => words::may_begin_numeral(t.str(i)),
        None => false,
    }
}

/// A minus sign or "minus"/"negative" before a number: "-4/5", "- 1 4/5", "minus five point five".
fn negative(t: &Tokens, i: usize) -> Option<Numeral> {
    let sign_word = t.is_any(i, &["minus", "negative"]);
    let sign_symbol = t.is_any(i, &["-", "\u{2212}"])
        && t.is_digits(i + 1)
        && !(i > 0 && t.is_digits(i - 1))
        && (t.joined(i) || i == 0)
        && (i == 0 || !t.joined(i - 1) || t.is_any(i - 1, &["(", "[", "<", "=", "~"]));
    if !(sign_word || sign_symbol) {
        return None;
    }
    let n = parse(t, i + 1)?;
    (n.form != Form::Ordinal).then_some(Numeral { first: i, value: -n.value, words: n.words || sign_word, ..n })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// A number in digits (grouped, decimal or a fraction); `true` when a whole number.
    Digits(f64, bool),
    Small(f64, Class),
    Scale(f64),
    Ordinal(f64, OrdinalClass, bool),
    /// "a"/"an" standing for one ("a hundred", "a half").
    A,
    And,
    Point,
}

#[derive(Debug, Clone, Copy)]
struct Placed {
    kind: Atom,
    end: usize,
}

/// Gathers number atoms from token `i` on, joined by spaces, hyphens between words, and "and".
fn collect(t: &Tokens, i: usize) -> Vec<Placed> {
    let mut atoms: Vec<Placed> = Vec::new();
    let mut j = i;
    while j < t.len() {
        let prev = atoms.last().map(|p| p.kind);
        let atom = if t.is_digits(j) {
            let allowed = matches!(prev, None | Some(Atom::Scale(_)) | Some(Atom::And));
            match digits_number(t, j) {
                Some((v, e, whole)) if allowed => Some((Atom::Digits(v, whole), e)),
                _ => None,
            }
        } else if t.is_word(j) {
            word_atom(t, j, prev).map(|a| (a, j + 1))
        } else {
            None
        };
        let Some((kind, end)) = atom else { break };
        if matches!(kind, Atom::Digits(..)) && prev.is_some() && prev != Some(Atom::And) && !is_scale_big(prev) {
            break;
        }
        atoms.push(Placed { kind, end });
        if let Atom::Ordinal(_, class, plural) = kind {
            // A fraction may be scaled: "half million", "three quarters million".
            let scalable = plural || class == OrdinalClass::DenominatorOnly;
            if !(scalable && t.is_word(end) && words::scale(t.str(end)).is_some_and(|s| s >= 1e3)) {
                // "two thirds of a million", "half a million".
                if let Some(s) = words::scale(t.str(end + 2)).filter(|s| *s >= 1e3) {
                    if scalable && t.is(end, "of") && t.is_any(end + 1, &["a", "an"]) {
                        atoms.push(Placed { kind: Atom::Scale(s), end: end + 3 });
                    }
                }
                if let Some(s) = words::scale(t.str(end + 1)).filter(|s| *s >= 1e3) {
                    if scalable && t.is_any(end, &["a", "an"]) {
                        atoms.push(Placed { kind: Atom::Scale(s), end: end + 2 });
                    }
                }
                break;
            }
        }
        // Words may be joined by a hyphen: "twenty-one", "fifty - two", "one-eighth".
        j = match t.hyphen_after(end - 1) {
            Some(k) if t.is_word(end - 1) && t.is_word(k) && word_atom(t, k, Some(kind)).is_some() => k,
            _ => end,
        };
    }
    // A trailing "and", "a" or "point" belongs to what follows, not to the number.
    while atoms.last().is_some_and(|a| matches!(a.kind, Atom::And | Atom::A | Atom::Point)) {
        atoms.pop();
    }
    atoms
}

fn is_scale_big(a: Option<Atom>) -> bool {
    matches!(a, Some(Atom::Scale(s)) if s >= 100.0)
}

fn word_atom(t: &Tokens, j: usize, prev: Option<Atom>) -> Option<Atom> {
    let w = t.str(j);
    // The three lists are searched word by word: only for a word that may be in one of them (one
    // look-up of a superset, `may_begin_numeral`), and not for the articles, which are in none.
    let article = t.is_any(j, &["a", "an"]);
    if !article && words::may_begin_numeral(w) {
        if let Some((v, c)) = words::small(w) {
            return Some(Atom::Small(v, c));
        }
        if let Some(s) = words::scale(w) {
            return Some(Atom::Scale(s));
        }
        if let Some((v, c, plural)) = words::ordinal(w) {
            return Some(Atom::Ordinal(v, c, plural));
        }
    }
    if matches!(prev, None | Some(Atom::And)) && article {
        // Only "a hundred", "a dozen", "a half", "a third", "a quarter million": a word of the
        // lists after the article (most words after it are in none, and are passed over on that).
        let next = t.str(j + 1);
        let listed = words::may_begin_numeral(next);
        // "a twenty-first": a compound ordinal after the article.
        let compound = listed
            && words::small(next).is_some()
            && t.hyphen_after(j + 1).is_some_and(|k| words::ordinal(t.str(k)).is_some_and(|(_, _, plural)| !plural));
        let ok = t.is_word(j + 1)
            && listed
            && (compound || words::scale(next).is_some() || words::ordinal(next).is_some_and(|(_, _, plural)| !plural));
        return ok.then_some(Atom::A);
    }
    if prev.is_some() && t.is(j, "and") {
        return Some(Atom::And);
    }
    if matches!(prev, Some(Atom::Small(..)) | Some(Atom::Digits(..)) | Some(Atom::Scale(_)))
        && t.is(j, "point")
        && words::small(t.str(j + 1)).is_some()
    {
        return Some(Atom::Point);
    }
    None
}

/// A number in digits at token `i`: "1,200", "12,34,567.89", "1.111,11", "4.800", "40 000",
/// "3/4", "10 1/2", "½", "2½". Returns the value, the end token and whether it is whole.
fn digits_number(t: &Tokens, i: usize) -> Option<(f64, usize, bool)> {
    let head = t.str(i);
    // A mixed or plain fraction: "10 1/2", "3/4", "1 / 4".
    if let Some((v, e)) = digit_fraction(t, i) {
        if let Some((f, e2)) = (t.is_digits(e) && !t.joined(e - 1)).then(|| digit_fraction(t, e)).flatten() {
            if f < 1.0 && v.fract() == 0.0 {
                return Some((v + f, e2, false));
            }
        }
        return Some((v, e, v.fract() == 0.0));
    }
    // A whole number and a fraction: "10 1/2".
    if t.is_digits(i + 1) && !t.joined(i) {
        if let Some((f, e)) = digit_fraction(t, i + 1).filter(|(f, _)| *f < 1.0) {
            return Some((head.parse::<f64>().ok()? + f, e, false));
        }
    }
    // The number as written without its group separators: copied only when it has some.
    let mut s: Cow<str> = Cow::Borrowed(head);
    let mut j = i + 1;
    let group = |j: usize, sep: &str, len: usize| {
        t.is(j, sep) && t.joined(j - 1) && t.joined(j) && t.is_digits(j + 1) && t.str(j + 1).len() == len
    };
    if head.len() <= 3 && group(j, ".", 3) && {
        // European: "1.111,11" (dot groups, then a decimal comma).
        let mut k = j;
        while group(k, ".", 3) {
            k += 2;
        }
        t.is(k, ",") && t.joined(k - 1) && t.joined(k) && t.is_digits(k + 1)
    } {
        while group(j, ".", 3) {
            s.to_mut().push_str(t.str(j + 1));
            j += 2;
        }
        s.to_mut().push('.');
        s.to_mut().push_str(t.str(j + 1));
        j += 2;
    } else if head.len() <= 3 && group(j, ",", 3) {
        while group(j, ",", 3) {
            s.to_mut().push_str(t.str(j + 1));
            j += 2;
        }
        if t.is(j, ",") && t.joined(j - 1) && t.is_digits(j + 1) && t.joined(j) {
            // "22,24,26" is a list, not thousands.
            s = Cow::Borrowed(head);
            j = i + 1;
        }
    } else if head.len() <= 2 && group(j, ",", 2) {
        // Indian grouping: "12,34,567".
        let mut k = j;
        let mut digits = head.to_string();
        while group(k, ",", 2) {
            digits.push_str(t.str(k + 1));
            k += 2;
        }
        if group(k, ",", 3) {
            digits.push_str(t.str(k + 1));
            s = Cow::Owned(digits);
            j = k + 2;
        }
    } else if head.len() <= 3 {
        // Thin, no-break or plain spaces: "40 000", "1 414 021 100".
        let mut k = j;
        while k < t.len()
            && t.is_digits(k)
            && t.str(k).len() == 3
            && is_group_space(t.text, t.toks[k - 1].span.end, t.toks[k].span.start)
            && !(t.is_any(k + 1, &["/", ":"]) && t.joined(k))
        {
            k += 1;
        }
        if k > j {
            s = Cow::Owned((i..k).map(|g| t.str(g)).collect());
            j = k;
        }
    }
    let mut whole = true;
    if t.is(j, ".") && t.joined(j - 1) && t.joined(j) && t.is_digits(j + 1) && !s.contains('.') {
        s.to_mut().push('.');
        s.to_mut().push_str(t.str(j + 1));
        j += 2;
        whole = false;
    }
    // A vulgar fraction glued on: "2½".
    if t.joined(j - 1) {
        if let Some(f) = words::vulgar_fraction(t.str(j)) {
            let v: f64 = s.parse().ok()?;
            return Some((v + f, j + 1, false));
        }
    }
    let v: f64 = s.parse().ok()?;
    Some((v, j, whole && v.fract() == 0.0))
}

fn is_group_space(text: &str, a: usize, b: usize) -> bool {
    matches!(&text[a..b], " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// "3/4", "1 / 4": a fraction of two whole numbers, not part of a date ("5/17/2018").
fn digit_fraction(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if !(t.is(i + 1, "/") && t.is_digits(i + 2)) {
        return None;
    }
    let spaced = !t.joined(i) || !t.joined(i + 1);
    if spaced && !(!t.joined(i) && !t.joined(i + 1)) {
        return None;
    }
    if t.is(i + 3, "/") || t.is(i + 3, "-") && t.joined(i + 2) {
        return None;
    }
    if i > 0 && t.is(i - 1, "/") && t.joined(i - 1) {
        return None;
    }
    let (a, b): (f64, f64) = (t.str(i).parse().ok()?, t.str(i + 2).parse().ok()?);
    (b != 0.0 && t.str(i + 2).len() <= 3).then_some((a / b, i + 3))
}

/// A number of digits only, when no atom could be collected (a vulgar fraction alone: "¾").
fn digits_only(t: &Tokens, i: usize) -> Option<Numeral> {
    let v = words::vulgar_fraction(t.str(i))?;
    Some(Numeral { first: i, end: i + 1, value: v, form: Form::Fraction, words: false, scale: 1.0 })
}

/// Suffixes on a digit numeral: ordinal "1st", scale "10k"/"10 bln", power "1.3e6", "1.1^+23".
fn digit_suffixes(t: &Tokens, run: &[Placed], end: usize, value: f64) -> Option<(f64, usize, Form)> {
    if run.len() != 1 || !matches!(run[0].kind, Atom::Digits(..)) {
        return None;
    }
    let last = end - 1;
    let glued = t.joined(last);
    let next = t.str(end);
    if glued
        && t.is_digits(last)
        && words::is_ordinal_suffix(t.str(last), next)
        && !(t.joined(end) && (t.is_word(end + 1) || t.is_digits(end + 1)))
    {
        return Some((value, end + 1, Form::Ordinal));
    }
    if t.is_word(end) && !t.joined(end) {
        if let Some(s) = words::scale_suffix(next, false) {
            // "10k", "2.33 k", "10 bln"; a lone capital after a space may be an initial.
            // "5G" is a network generation, not five billion; "1,674.5 G" may be.
            let spaced_capital = matches!(next, "M" | "G") && !glued && !t.is_word(end + 1);
            if (glued && next != "G") || next.len() > 1 || next == "k" || spaced_capital {
                return Some((value * s, end + 1, Form::Cardinal));
            }
        }
        // "1.5m people", "2m tonnes": millions of something counted; "1.8m tall", "the 100m sprint" are metres.
        if glued && next == "m" && t.is_word(end + 1) && super::counted::looks_plural(t.str(end + 1)) {
            return Some((value * 1e6, end + 1, Form::Cardinal));
        }
    }
    if glued && t.is_any(end, &["e", "E"]) {
        let (sign, k) =
            if t.is_any(end + 1, &["-", "+"]) && t.joined(end) { (t.str(end + 1), end + 2) } else { ("", end + 1) };
        if t.is_digits(k) && t.joined(k - 1) && !t.joined(k) {
            let exp: i32 = format!("{sign}{}", t.str(k)).parse().ok()?;
            return Some((value * 10f64.powi(exp), k + 1, Form::Cardinal));
        }
    }
    if glued && t.is(end, "^") {
        let mut k = end + 1;
        let mut negative = false;
        while t.is_any(k, &["+", "-"]) && t.joined(k - 1) {
            negative ^= t.is(k, "-");
            k += 1;
        }
        if t.is_digits(k) && t.joined(k - 1) {
            let exp: f64 = t.str(k).parse().ok()?;
            let exp = if negative { -exp } else { exp };
            return Some((value.signum() * value.abs().powf(exp), k + 1, Form::Cardinal));
        }
    }
    if glued && t.is_any(end, &["x", "×"]) && t.str(end + 1) == "10" && t.is(end + 2, "^") && t.is_digits(end + 3) {
        let exp: i32 = t.str(end + 3).parse().ok()?;
        return Some((value * 10f64.powi(exp), end + 4, Form::Cardinal));
    }
    None
}

/// The value of a run of atoms, and its form.
fn whole(run: &[Placed]) -> Option<(f64, Form)> {
    let atoms: Vec<Atom> = run.iter().map(|p| p.kind).collect();
    let n = atoms.len();
    let last = atoms[n - 1];
    if let Atom::Ordinal(_, class, plural) = last {
        // "a hundred trillionth" is an ordinal; "a hundredth" a fraction.
        if !plural && class != OrdinalClass::DenominatorOnly && (atoms[0] != Atom::A || n > 2) {
            if let Some(v) = ordinal_value(&atoms) {
                return Some((v, Form::Ordinal));
            }
        }
        let and = atoms.iter().rposition(|a| *a == Atom::And);
        let and_first = and.is_some_and(|k| k > 0 && atoms[k - 1] != Atom::Scale(100.0));
        if and_first {
            if let Some(v) = and_split(&atoms, and?, None) {
                return Some((v, Form::Fraction));
            }
        }
        if let Some(v) = fraction(&atoms) {
            return Some((v, Form::Fraction));
        }
        return and.and_then(|k| and_split(&atoms, k, None)).map(|v| (v, Form::Fraction));
    }
    if let (Atom::Scale(s), true) = (last, n >= 2) {
        if s >= 1e3 && matches!(atoms[n - 2], Atom::Ordinal(..)) {
            // A scaled fraction: "half million", "five and a half million", "one billion and a half million".
            let body = &atoms[..n - 1];
            if let Some(k) = body.iter().rposition(|a| *a == Atom::And) {
                if k > 0 && is_scale_big(Some(body[k - 1])) {
                    return and_split(body, k, Some(s)).map(|v| (v, Form::Fraction));
                }
            }
            return whole_fraction(body).map(|v| (v * s, Form::Fraction));
        }
    }
    cardinal(&atoms).map(|v| (v, Form::Cardinal))
}

fn whole_fraction(atoms: &[Atom]) -> Option<f64> {
    if let Some(k) = atoms.iter().rposition(|a| *a == Atom::And) {
        if let Some(v) = and_split(atoms, k, None) {
            return Some(v);
        }
    }
    fraction(atoms)
}

/// "one hundred and three and two thirds", "two million and one half" (a half of the last scale).
/// With `scale`, the fraction is of that scale instead: "one billion and a half million".
fn and_split(atoms: &[Atom], k: usize, scale: Option<f64>) -> Option<f64> {
    let int = cardinal(&atoms[..k])?;
    let frac = fraction(&atoms[k + 1..])?;
    let of = match (scale, atoms[k - 1]) {
        (Some(s), _) => s,
        (None, Atom::Scale(s)) if s >= 1e3 => s,
        _ => 1.0,
    };
    Some(int + frac * of)
}

/// A fraction: numerator words then an ordinal denominator ("three fifths", "a quarter",
/// "one one hundred and fifth", "twenty twenty fifths").
fn fraction(atoms: &[Atom]) -> Option<f64> {
    let n = atoms.len();
    let Some(&Atom::Ordinal(den, class, plural)) = atoms.last() else { return None };
    if n == 1 {
        // "half", "quarter" alone; ordinals alone are ordinals, not fractions.
        return (class == OrdinalClass::DenominatorOnly && !plural).then_some(1.0 / den);
    }
    // The longest denominator that reads as an ordinal: "one hundred thirty fifths" is 100/35,
    // "one hundred thirty two fifths" 132/5 ("two fifths" is no ordinal). A denominator spans a
    // scale only after "one": "one one hundred and fifth", but "fifty-four hundredths" is 54/100.
    for s in 1..n {
        let num = if atoms[..s] == [Atom::A] { Some(1.0) } else { cardinal(&atoms[..s]) };
        let Some(num) = num else { continue };
        let scaled =
            atoms[s..n - 1].iter().any(|a| matches!(a, Atom::Scale(_))) || (s < n - 1 && class == OrdinalClass::Scale);
        if scaled && (plural || num != 1.0) {
            continue;
        }
        let den = if s == n - 1 { Some(den) } else { ordinal_value(&atoms[s..]) };
        let Some(den) = den else { continue };
        // "a first", "a second": not fractions ("half" names the second part).
        if den <= 2.0 && class != OrdinalClass::DenominatorOnly {
            continue;
        }
        if s < n - 1 && class == OrdinalClass::DenominatorOnly {
            continue;
        }
        if plural || num == 1.0 {
            return Some(num / den);
        }
    }
    None
}

/// The value of an ordinal run: the cardinal grammar with the last word read as its cardinal.
fn ordinal_value(atoms: &[Atom]) -> Option<f64> {
    let n = atoms.len();
    let Some(&Atom::Ordinal(v, class, _)) = atoms.last() else { return None };
    let as_cardinal = match class {
        OrdinalClass::Small(c) => Atom::Small(v, c),
        OrdinalClass::Scale if n == 1 => return Some(v),
        OrdinalClass::Scale => Atom::Scale(v),
        OrdinalClass::DenominatorOnly => return None,
    };
    let mut all: Vec<Atom> = atoms[..n - 1].to_vec();
    all.push(as_cardinal);
    cardinal(&all)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Small(Class),
    Digits,
    Hundred,
    Big,
    Dozen,
}

/// The cardinal grammar: groups below a thousand, each optionally times a scale.
fn cardinal(atoms: &[Atom]) -> Option<f64> {
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut last = Last::Start;
    let mut big = f64::INFINITY;
    let mut hundred_in_group = false;
    // What the last words added since a scale ("two" in "three hundred and two dozens").
    let mut since_scale = 0.0f64;
    let mut i = 0;
    while i < atoms.len() {
        match atoms[i] {
            Atom::A => {
                if i != 0 {
                    return None;
                }
                current = 1.0;
                since_scale = 1.0;
                last = Last::A;
            }
            Atom::Digits(v, whole) => {
                let ok = match last {
                    Last::Start => true,
                    // "3 hundred and 21"; not "and 0", which starts a new number.
                    Last::Hundred => whole && v < 100.0 && v > 0.0,
                    Last::Big => whole && v < 1000.0 && v < big && v > 0.0,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                current += v;
                since_scale += v;
                last = Last::Digits;
            }
            Atom::Small(v, c) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Big => true,
                    Last::Small(Class::Tens) => c == Class::Unit && v > 0.0,
                    _ => false,
                };
                if !ok {
                    return None;
                }
                current += v;
                since_scale += v;
                last = Last::Small(c);
            }
            Atom::Scale(12.0) => {
                if since_scale <= 0.0 || matches!(last, Last::Dozen | Last::Start) {
                    return None;
                }
                // "three hundred and two dozens": only the "two" is in dozens.
                current += since_scale * 11.0;
                since_scale = 0.0;
                last = Last::Dozen;
            }
            Atom::Scale(100.0) => {
                if !matches!(last, Last::A | Last::Small(_) | Last::Digits) || current <= 0.0 || hundred_in_group {
                    return None;
                }
                hundred_in_group = true;
                current *= 100.0;
                since_scale = 0.0;
                last = Last::Hundred;
            }
            Atom::Scale(s) => {
                if current > 0.0 && s < big && last != Last::Start {
                    total += current * s;
                    current = 0.0;
                    big = s;
                    hundred_in_group = false;
                    since_scale = 0.0;
                } else if current == 0.0 && last == Last::Big && s > big {
                    total *= s;
                    big = s;
                } else {
                    return None;
                }
                last = Last::Big;
            }
            Atom::And => {
                if !matches!(last, Last::Hundred | Last::Big) || i + 1 == atoms.len() {
                    return None;
                }
            }
            Atom::Point => {
                if !matches!(last, Last::Small(_) | Last::Digits | Last::Hundred | Last::Big) {
                    return None;
                }
                let digits = decimal_digits(&atoms[i + 1..])?;
                let frac: f64 = format!("0.{digits}").parse().ok()?;
                return Some(total + current + frac);
            }
            Atom::Ordinal(..) => return None,
        }
        i += 1;
    }
    (!matches!(last, Last::Start | Last::A)).then_some(total + current)
}

/// The digits spoken after "point": "seventy-one" → "71", "nought three" → "03".
fn decimal_digits(atoms: &[Atom]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while i < atoms.len() {
        let Atom::Small(v, c) = atoms[i] else { return None };
        let mut v = v;
        if c == Class::Tens {
            if let Some(Atom::Small(u, Class::Unit)) = atoms.get(i + 1) {
                v += u;
                i += 1;
            }
        }
        out.push_str(&format!("{}", v as u64));
        i += 1;
    }
    (!out.is_empty()).then_some(out)
}

/// `n` over `d` as one fraction spanning both ("one over three", "two out of five").
fn ratio(n: Numeral, d: Numeral) -> Numeral {
    Numeral { end: d.end, value: n.value / d.value, form: Form::Fraction, words: n.words || d.words, scale: 1.0, ..n }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn read(s: &str) -> Option<(f64, Form, &str)> {
        let t = Tokens::new(s, Span::new(0, s.len()));
        let n = parse(&t, 0)?;
        Some((n.value, n.form, t.span(n.first, n.end - 1).text(s)))
    }

    fn value(s: &str) -> f64 {
        read(s).map(|r| r.0).unwrap_or(f64::NAN)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn reads_grouped_and_decimal_digits() {
        assert_eq!(value("1,200 rounds"), 1200.0);
        assert_eq!(value(".08"), 0.08);
        assert_eq!(value("12,34,567.89"), 1234567.89);
        assert_eq!(value("1.111,11"), 1111.11);
        assert_eq!(value("1\u{202f}234\u{202f}567.89"), 1234567.89);
        assert_eq!(read("22,24,26").map(|r| r.2), Some("22"));
    }

    #[test]
    fn reads_compound_number_words() {
        assert_eq!(value("two hundred and fifty sheep"), 250.0);
        assert_eq!(value("fifty - two"), 52.0);
        assert_eq!(value("twenty-one trillion three hundred"), 21e12 + 300.0);
        assert_eq!(value("two hundred and two thousand"), 202000.0);
        assert_eq!(value("three lakh crore"), 3e12);
        assert_eq!(value("a dozen eggs"), 12.0);
    }

    #[test]
    fn stops_before_a_second_number() {
        assert_eq!(read("3 hundred and 2 hundred").map(|r| r.2), Some("3 hundred"));
        assert_eq!(read("4000 3 hundred").map(|r| r.2), Some("4000"));
        assert_eq!(read("one one").map(|r| r.2), Some("one"));
    }

    #[test]
    fn reads_mixed_digits_and_scale_words() {
        assert_eq!(value("1.5 million"), 1.5e6);
        assert_eq!(value("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(value("10k"), 1e4);
        assert_eq!(value("10 bln"), 1e10);
        assert_eq!(value("3 dozens"), 36.0);
    }

    #[test]
    fn reads_fractions_in_words_and_digits() {
        assert!(close(value("three-quarters"), 0.75));
        assert!(close(value("5 and a half"), 5.5));
        assert!(close(value("one hundred and three and two thirds"), 103.0 + 2.0 / 3.0));
        assert!(close(value("twenty twenty fifths"), 0.8));
        assert!(close(value("one hundred and thirty fifths"), 26.0));
        assert!(close(value("two million and one half"), 2.5e6));
        assert!(close(value("five and a half million"), 5.5e6));
        assert!(close(value("one billion and a half million"), 1.0005e9));
        assert!(close(value("10 1/2 miles"), 10.5));
        assert!(close(value("¾"), 0.75));
        assert!(close(value("a hundredth"), 0.01));
    }

    #[test]
    fn reads_ordinals_in_words_and_digits() {
        assert_eq!(read("twenty-first"), Some((21.0, Form::Ordinal, "twenty-first")));
        assert_eq!(read("11th"), Some((11.0, Form::Ordinal, "11th")));
        assert_eq!(read("one hundred twenty fifth").map(|r| r.0), Some(125.0));
    }

    #[test]
    fn begins_at_signs_and_vulgar_fractions_and_at_no_general_punctuation() {
        let begins = |s: &str| can_begin(&Tokens::new(s, Span::new(0, s.len())), 0);
        for mark in ["\u{2212}4", "½", "⅓ cup", "¾"] {
            assert!(begins(mark), "{mark}");
        }
        // Every mark of U+2000–U+203F (curly quotes, dashes, "…"; its spaces are no tokens), before
        // digits or not: none is a sign or a vulgar fraction.
        for c in ('\u{2000}'..='\u{203F}').filter(|c| !c.is_whitespace()) {
            for s in [format!("{c}4"), format!("{c} 4"), c.to_string()] {
                assert!(!begins(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn reads_signs_points_and_powers() {
        assert_eq!(value("-4/5"), -0.8);
        assert_eq!(value("minus five point five"), -5.5);
        assert_eq!(value("two hundred point seventy-one"), 200.71);
        assert_eq!(value("nought point nought three"), 0.03);
        assert_eq!(value("1.3e6"), 1.3e6);
        assert!(close(value("2.5^-1"), 0.4));
    }

    #[test]
    fn leaves_articles_alone() {
        assert_eq!(read("a man"), None);
        assert_eq!(read("an apple"), None);
    }
}
