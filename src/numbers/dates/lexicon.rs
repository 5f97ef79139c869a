//! The word lists of the date grammar, read once from the text files beside this module.

use super::openers::{self, Opens};
use crate::span::WordTable;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sureness {
    /// Always a month or weekday name.
    Full,
    /// An abbreviation ("Jan", "Wed"): needs a date around it.
    Abbr,
    /// Also an ordinary word ("may", "march"): needs a date around it or a date preposition.
    Ambiguous,
    /// A plural weekday ("Thursdays"): a repeated day.
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    pub fn seconds(self) -> f64 {
        match self {
            Unit::Second => 1.0,
            Unit::Minute => 60.0,
            Unit::Hour => 3600.0,
            Unit::Day => 86_400.0,
            Unit::Week => 604_800.0,
            Unit::Month => 2_592_000.0,
            Unit::Year => 31_536_000.0,
        }
    }

    fn parse(s: &str) -> Unit {
        match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => panic!("units.txt: unknown unit {s}"),
        }
    }
}

/// A holiday's date: fixed month and day, or a rule computed per year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32, u32),
    Easter,
    GoodFriday,
    Thanksgiving,
    BlackFriday,
    LaborDay,
    MemorialDay,
}

pub struct Lexicon {
    pub months: HashMap<&'static str, (u32, Sureness)>,
    pub weekdays: HashMap<&'static str, (u32, Sureness)>,
    /// Holidays by their first word: the words after it (trailing apostrophes dropped) and the day.
    pub holidays: HashMap<&'static str, Vec<(Vec<&'static str>, Holiday)>>,
    /// Every word a date expression can begin with ("in", "last", "noon", holidays' first words,
    /// number words, units, months, weekdays) and what it is in each list: the grammar looks each
    /// token up once, here. A word missing here is skipped by the scan.
    /// Bucketed by shape, no hashing: looked up at every token of a sentence.
    pub words: WordTable<Entry>,
}

/// What one word is in the word lists (a word can be in several: "may", "second", "march").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub month: Option<(u32, Sureness)>,
    pub weekday: Option<(u32, Sureness)>,
    /// A number word: value and whether the word is an ordinal.
    pub number: Option<(u32, bool)>,
    /// A duration unit and its multiple ("fortnight" = 2 weeks).
    pub unit: Option<(Unit, u32)>,
    /// Whether the word can begin a date expression ([`openers`]).
    pub opens: Opens,
    /// The follow sets ([`openers`]) the word is in.
    pub follows: u8,
}

/// The first `N` fields (separated by white space) of each data line of a list file ("" for a
/// field a line lacks); blank lines and `#` comments skipped.
fn lines<const N: usize>(file: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| {
        let mut fields = [""; N];
        for (field, f) in fields.iter_mut().zip(l.split_whitespace()) {
            *field = f;
        }
        fields
    })
}

fn sureness(s: &str) -> Sureness {
    match s {
        "full" => Sureness::Full,
        "abbr" => Sureness::Abbr,
        "ambiguous" => Sureness::Ambiguous,
        "plural" => Sureness::Plural,
        _ => panic!("unknown sureness {s}"),
    }
}

fn holiday(s: &str) -> Holiday {
    match s {
        "easter" => Holiday::Easter,
        "good_friday" => Holiday::GoodFriday,
        "thanksgiving" => Holiday::Thanksgiving,
        "black_friday" => Holiday::BlackFriday,
        "labor_day" => Holiday::LaborDay,
        "memorial_day" => Holiday::MemorialDay,
        md => {
            let (m, d) = md.split_once('-').expect("holidays.txt: MM-DD");
            Holiday::Fixed(m.parse().expect("month"), d.parse().expect("day"))
        }
    }
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let months: HashMap<_, _> = lines::<3>(include_str!("months.txt"))
            .map(|f| (f[0], (f[1].parse().expect("month number"), sureness(f[2]))))
            .collect();
        let weekdays: HashMap<_, _> = lines::<3>(include_str!("weekdays.txt"))
            .map(|f| (f[0], (f[1].parse().expect("weekday number"), sureness(f[2]))))
            .collect();
        let mut holidays: HashMap<&'static str, Vec<(Vec<&'static str>, Holiday)>> = HashMap::default();
        for f in lines::<2>(include_str!("holidays.txt")) {
            // A name with an apostrophe inside a word ("new_year's_eve") is written with the
            // typographic one too ("New Year’s Eve"): both spellings go in the table (the tokens
            // keep the mark they have). The list names a handful, so the copies are made once
            // and kept for the program's life, like the rest of the table.
            let typographic =
                f[0].contains('\'').then(|| -> &'static str { Box::leak(f[0].replace('\'', "’").into_boxed_str()) });
            for name in std::iter::once(f[0]).chain(typographic) {
                let mut words = name.split('_').map(|w| w.trim_end_matches(['\'', '’']));
                let first = words.next().expect("a holiday name");
                holidays.entry(first).or_default().push((words.collect(), holiday(f[1])));
            }
        }
        let mut words: HashMap<&'static str, Entry> = HashMap::default();
        words.reserve(512);
        for (&w, &m) in &months {
            words.entry(w).or_default().month = Some(m);
        }
        for (&w, &d) in &weekdays {
            words.entry(w).or_default().weekday = Some(d);
        }
        for f in lines::<3>(include_str!("numbers.txt")) {
            words.entry(f[0]).or_default().number = Some((f[1].parse().expect("number value"), f[2] == "ordinal"));
        }
        for f in lines::<3>(include_str!("units.txt")) {
            words.entry(f[0]).or_default().unit = Some((Unit::parse(f[1]), f[2].parse().expect("unit multiple")));
        }
        let starters = lines::<1>(include_str!("starters.txt")).map(|f| f[0]);
        for w in starters.chain(holidays.keys().copied()) {
            words.entry(w).or_default();
        }
        // What the opener lists say of each word, held in `opens` until the rules below read it;
        // and the follow sets, for the words of the table.
        for (w, listed) in openers::listed() {
            if let Some(e) = words.get_mut(w) {
                e.opens = listed;
            }
        }
        for &(w, set) in openers::FOLLOWERS {
            if let Some(e) = words.get_mut(w) {
                e.follows |= set;
            }
        }
        for (w, e) in words.iter_mut() {
            let listed = e.opens;
            let holiday_alone = holidays.get(w).is_some_and(|names| names.iter().any(|(rest, _)| rest.is_empty()));
            // A number or holiday word that a list also names ("half", "quarter") opens by itself.
            let named_and_listed = listed != Opens::Never && (e.number.is_some() || holidays.contains_key(w));
            e.opens = if e.month.is_some() || e.weekday.is_some() || holiday_alone || named_and_listed {
                Opens::Always
            } else if e.number.is_some() {
                // "two weeks", "first of May", "five o'clock": a number word alone is no date.
                Opens::BeforeKnown
            } else if holidays.contains_key(w) {
                Opens::BeforeHolidayWord
            } else {
                listed
            };
            if e.number.is_some() {
                e.follows |= openers::AFTER_THE | openers::AFTER_IN;
            }
            if e.unit.is_some() {
                e.follows |= openers::AFTER_ARTICLE;
            }
        }
        Lexicon { months, weekdays, holidays, words: WordTable::new(words) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_grammar_compares_with_can_start_a_scan() {
        // A word missing here would make the scan skip an expression that begins with it.
        let source = include_str!("grammar.rs");
        let literal = regex::Regex::new(r#""([a-z'’½]+)""#).unwrap();
        let missing: Vec<&str> = literal
            .captures_iter(source)
            .map(|c| c.get(1).unwrap().as_str())
            .filter(|w| lexicon().words.get(w).is_none())
            .collect();
        assert!(missing.is_empty(), "add to starters.txt: {missing:?}");
    }

    #[test]
    fn every_opener_and_follower_is_in_the_word_table() {
        let missing: Vec<&str> = openers::all_words().filter(|w| lexicon().words.get(w).is_none()).collect();
        assert!(missing.is_empty(), "add to starters.txt: {missing:?}");
    }

    #[test]
    fn reads_every_word_list() {
        let lex = lexicon();
        assert_eq!(lex.months["sept"], (9, Sureness::Abbr));
        assert_eq!(lex.months["may"], (5, Sureness::Ambiguous));
        assert_eq!(lex.weekdays["thursday"], (4, Sureness::Full));
        assert_eq!(lex.words.get("twelfth").unwrap().number, Some((12, true)));
        assert_eq!(lex.words.get("fortnight").unwrap().unit, Some((Unit::Week, 2)));
        assert_eq!(
            *lex.words.get("in").unwrap(),
            Entry { opens: Opens::Before(openers::AFTER_IN), ..Entry::default() }
        );
        assert!(lex.holidays["christmas"].contains(&(vec!["eve"], Holiday::Fixed(12, 24))));
        assert!(lex.holidays["international"].contains(&(vec!["workers", "day"], Holiday::Fixed(5, 1))));
    }
}
