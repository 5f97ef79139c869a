//! The word lists of the date grammar, read once from the text files beside this module.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
    /// Number words: value and whether the word is an ordinal.
    pub numbers: HashMap<&'static str, (u32, bool)>,
    /// Duration units: unit and multiple ("fortnight" = 2 weeks).
    pub units: HashMap<&'static str, (Unit, u32)>,
    /// Holidays by their first word: the words after it (trailing apostrophes dropped) and the day.
    pub holidays: HashMap<&'static str, Vec<(Vec<&'static str>, Holiday)>>,
    /// Other words the grammar starts with ("in", "last", "noon", …).
    pub starters: HashSet<&'static str>,
}

impl Lexicon {
    /// Whether a (lower-case) word can begin a date expression; the scan skips words that cannot.
    pub fn can_start(&self, word: &str) -> bool {
        self.starters.contains(word)
            || self.months.contains_key(word)
            || self.weekdays.contains_key(word)
            || self.numbers.contains_key(word)
            || self.units.contains_key(word)
            || self.holidays.contains_key(word)
    }
}

fn lines(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split_whitespace().collect())
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
        let months = lines(include_str!("months.txt"))
            .map(|f| (f[0], (f[1].parse().expect("month number"), sureness(f[2]))))
            .collect();
        let weekdays = lines(include_str!("weekdays.txt"))
            .map(|f| (f[0], (f[1].parse().expect("weekday number"), sureness(f[2]))))
            .collect();
        let numbers = lines(include_str!("numbers.txt"))
            .map(|f| (f[0], (f[1].parse().expect("number value"), f[2] == "ordinal")))
            .collect();
        let units = lines(include_str!("units.txt"))
            .map(|f| (f[0], (Unit::parse(f[1]), f[2].parse().expect("unit multiple"))))
            .collect();
        let mut holidays: HashMap<&'static str, Vec<(Vec<&'static str>, Holiday)>> = HashMap::default();
        for f in lines(include_str!("holidays.txt")) {
            let mut words = f[0].split('_').map(|w| w.trim_end_matches(['\'', '’']));
            let first = words.next().expect("a holiday name");
            holidays.entry(first).or_default().push((words.collect(), holiday(f[1])));
        }
        let starters = lines(include_str!("starters.txt")).map(|f| f[0]).collect();
        Lexicon { months, weekdays, numbers, units, holidays, starters }
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
            .filter(|w| !lexicon().can_start(w))
            .collect();
        assert!(missing.is_empty(), "add to starters.txt: {missing:?}");
    }

    #[test]
    fn reads_every_word_list() {
        let lex = lexicon();
        assert_eq!(lex.months["sept"], (9, Sureness::Abbr));
        assert_eq!(lex.months["may"], (5, Sureness::Ambiguous));
        assert_eq!(lex.weekdays["thursday"], (4, Sureness::Full));
        assert_eq!(lex.numbers["twelfth"], (12, true));
        assert_eq!(lex.units["fortnight"], (Unit::Week, 2));
        assert!(lex.holidays["christmas"].contains(&(vec!["eve"], Holiday::Fixed(12, 24))));
        assert!(lex.holidays["international"].contains(&(vec!["workers", "day"], Holiday::Fixed(5, 1))));
    }
}
