//! English number words: the lexicon the numeral parser reads ("eight", "twenty", "hundred",
//! "third", "quarters", "lakh").

use super::lexicon::Prefixes;

/// How a cardinal word combines with its neighbours ("twenty" takes a following "one"; "one" does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// zero..nine
    Unit,
    /// ten..nineteen
    Teen,
    /// twenty, thirty, ... ninety
    Tens,
}

const UNITS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS: [&str; 10] =
    ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const UNIT_ORDINALS: [&str; 10] =
    ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const TEEN_ORDINALS: [&str; 10] = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINALS: [&str; 8] =
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

fn position(list: &[&str], w: &str) -> Option<usize> {
    list.iter().position(|s| s.eq_ignore_ascii_case(w))
}

/// Whether `w` may be a word of a numeral's first atom: a number, scale or ordinal word (singular
/// or plural), "a"/"an" ("a third"), or a sign word ("minus"). A superset of what [`small`],
/// [`scale`] and [`ordinal`] accept, looked up once (ASCII case-insensitively, like them), so
/// the numeral parser can pass over other words without trying each list.
pub fn may_begin_numeral(w: &str) -> bool {
    let (words, prefixes) = numeral_words();
    // Every word of the lists is ASCII and short: a longer or non-ASCII word, or one whose first
    // two letters begin none of them ("of", "said"), is none of them.
    let mut buf = [0u8; 16];
    if !w.is_ascii() || w.len() > buf.len() || !prefixes.may_hold(w) {
        return false;
    }
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return words.contains(w);
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| words.contains(l))
}

/// The words [`may_begin_numeral`] accepts, in lower case, with their first letters.
pub fn numeral_words() -> &'static (rustc_hash::FxHashSet<String>, Prefixes) {
    static WORDS: std::sync::OnceLock<(rustc_hash::FxHashSet<String>, Prefixes)> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let lists: [&[&str]; 6] = [&UNITS, &TEENS, &TENS, &UNIT_ORDINALS, &TEEN_ORDINALS, &TENS_ORDINALS];
        let others = [
            "nought",
            "naught",
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            "lakh",
            "crore",
            "dozen",
            "dz",
            "dzs",
            "doz",
            "half",
            "halves",
            "quarter",
            "nineth",
            "hundredth",
            "thousandth",
            "millionth",
            "billionth",
            "trillionth",
        ];
        let singular = lists.into_iter().flatten().copied().chain(others);
        let mut set: rustc_hash::FxHashSet<String> = singular.flat_map(|w| [w.to_string(), format!("{w}s")]).collect();
        set.extend(["a", "an", "minus", "negative"].map(String::from));
        let prefixes = Prefixes::new(set.iter().map(String::as_str));
        (set, prefixes)
    })
}

/// A cardinal word below a hundred: its value and class. "nought"/"naught" are zero.
pub fn small(w: &str) -> Option<(f64, Class)> {
    if let Some(i) = position(&UNITS, w) {
        return Some((i as f64, Class::Unit));
    }
    if w.eq_ignore_ascii_case("nought") || w.eq_ignore_ascii_case("naught") {
        return Some((0.0, Class::Unit));
    }
    if let Some(i) = position(&TEENS, w) {
        return Some((10.0 + i as f64, Class::Teen));
    }
    position(&TENS, w).map(|i| ((i as f64 + 2.0) * 10.0, Class::Tens))
}

/// A multiplying word: "hundred", "thousand", "million", "lakh", "crore", "dozen" (or plural).
pub fn scale(w: &str) -> Option<f64> {
    const SCALES: [(&str, f64); 11] = [
        ("hundred", 100.0),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
        ("lakh", 1e5),
        ("crore", 1e7),
        ("dozen", 12.0),
        ("dz", 12.0),
        ("dzs", 12.0),
        ("doz", 12.0),
    ];
    let singular = strip_plural(w).filter(|s| s.len() > 3).unwrap_or(w);
    SCALES.iter().find(|(s, _)| s.eq_ignore_ascii_case(singular) || s.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

/// The word without a final "s", if it has one.
fn strip_plural(w: &str) -> Option<&str> {
    w.strip_suffix('s').or_else(|| w.strip_suffix('S'))
}

/// Short scale words after digits: "10k", "5bn", "10 bln", "$1.8m" (the last only for money).
pub fn scale_suffix(w: &str, money: bool) -> Option<f64> {
    Some(match w {
        "k" | "K" => 1e3,
        "m" | "mn" | "mln" | "M" | "Mn" | "MM" if money || w != "m" => 1e6,
        "b" | "B" if money => 1e9,
        "bn" | "bln" | "Bn" | "BN" => 1e9,
        "tn" | "tln" | "trn" | "Tn" => 1e12,
        "G" => 1e9,
        _ => return None,
    })
}

/// An ordinal word: its value, its class, and whether it is plural ("fifths").
/// Plurals and "half"/"quarter" only ever name a fraction's denominator.
pub fn ordinal(w: &str) -> Option<(f64, OrdinalClass, bool)> {
    let (stem, plural) = match strip_plural(w) {
        Some(s) if !s.eq_ignore_ascii_case("second") => (s, true),
        _ => (w, false),
    };
    if w.eq_ignore_ascii_case("half") || w.eq_ignore_ascii_case("halves") {
        return Some((2.0, OrdinalClass::DenominatorOnly, plural));
    }
    if stem.eq_ignore_ascii_case("quarter") {
        return Some((4.0, OrdinalClass::DenominatorOnly, plural));
    }
    if let Some(i) = position(&UNIT_ORDINALS, stem) {
        return Some((i as f64, OrdinalClass::Small(Class::Unit), plural));
    }
    if stem.eq_ignore_ascii_case("nineth") {
        return Some((9.0, OrdinalClass::Small(Class::Unit), plural));
    }
    if let Some(i) = position(&TEEN_ORDINALS, stem) {
        return Some((10.0 + i as f64, OrdinalClass::Small(Class::Teen), plural));
    }
    if let Some(i) = position(&TENS_ORDINALS, stem) {
        return Some(((i as f64 + 2.0) * 10.0, OrdinalClass::Small(Class::Tens), plural));
    }
    const SCALES: [(&str, f64); 5] =
        [("hundredth", 100.0), ("thousandth", 1e3), ("millionth", 1e6), ("billionth", 1e9), ("trillionth", 1e12)];
    let &(_, scale) = SCALES.iter().find(|(s, _)| s.eq_ignore_ascii_case(stem))?;
    Some((scale, OrdinalClass::Scale, plural))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdinalClass {
    /// "first" .. "ninetieth": combines like the cardinal of its class.
    Small(Class),
    /// "hundredth", "millionth": a scale.
    Scale,
    /// "half", "quarter": only as the denominator of a fraction.
    DenominatorOnly,
}

/// The suffix of a digit ordinal: "1st", "22nd", "3rd", "11th".
pub fn is_ordinal_suffix(digits: &str, suffix: &str) -> bool {
    let n: u64 = match digits.parse() {
        Ok(n) => n,
        Err(_) => return false,
    };
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    suffix.eq_ignore_ascii_case(want)
}

/// The value of a Unicode vulgar fraction ("½", "¾").
pub fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_begin_numeral_accepts_every_number_word_in_any_case() {
        let lists: [&[&str]; 6] = [&UNITS, &TEENS, &TENS, &UNIT_ORDINALS, &TEEN_ORDINALS, &TENS_ORDINALS];
        let listed = lists.into_iter().flatten().copied();
        let others = ["nought", "half", "halves", "quarter", "nineth", "hundred", "lakh", "dozen", "doz", "millionth"];
        // The numeral parser searches the lists only for words `may_begin_numeral` accepts.
        let mixed =
            |w: &str| w.char_indices().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c }).collect();
        for base in listed.chain(others) {
            for w in [
                base.to_string(),
                format!("{base}s"),
                format!("{base}S"),
                format!("{base}ss"),
                base.to_uppercase(),
                format!("{}S", base.to_uppercase()),
                mixed(base),
                mixed(&format!("{base}s")),
            ] {
                let number = small(&w).is_some() || scale(&w).is_some() || ordinal(&w).is_some();
                assert!(!number || may_begin_numeral(&w), "{w}");
            }
        }
        for w in ["a", "An", "minus", "NEGATIVE", "Twenty", "THIRDS", "Hundreds"] {
            assert!(may_begin_numeral(w), "{w}");
        }
        for w in ["the", "said", "seconds-long", "café", "Ünal", "東京", "🚀", "percentage"] {
            assert!(!may_begin_numeral(w), "{w}");
        }
    }

    #[test]
    fn knows_cardinal_words_and_their_class() {
        assert_eq!(small("Twenty"), Some((20.0, Class::Tens)));
        assert_eq!(small("nought"), Some((0.0, Class::Unit)));
        assert_eq!(small("tanks"), None);
    }

    #[test]
    fn knows_scales_in_singular_and_plural() {
        assert_eq!(scale("dozens"), Some(12.0));
        assert_eq!(scale("Million"), Some(1e6));
        assert_eq!(scale("lakh"), Some(1e5));
    }

    #[test]
    fn reads_m_as_million_only_for_money() {
        assert_eq!(scale_suffix("m", true), Some(1e6));
        assert_eq!(scale_suffix("m", false), None);
        assert_eq!(scale_suffix("bn", false), Some(1e9));
    }

    #[test]
    fn knows_ordinals_and_plural_denominators() {
        assert_eq!(ordinal("third"), Some((3.0, OrdinalClass::Small(Class::Unit), false)));
        assert_eq!(ordinal("fifths"), Some((5.0, OrdinalClass::Small(Class::Unit), true)));
        assert_eq!(ordinal("quarters"), Some((4.0, OrdinalClass::DenominatorOnly, true)));
        assert_eq!(ordinal("seconds"), None);
    }

    #[test]
    fn checks_digit_ordinal_suffixes() {
        assert!(is_ordinal_suffix("1", "st"));
        assert!(is_ordinal_suffix("11", "th"));
        assert!(is_ordinal_suffix("22", "nd"));
        assert!(!is_ordinal_suffix("2", "th"));
    }
}
