//! The word lists of the date grammar, from the text files beside this module: `build.rs` reads
//! them (and the opener lists of [`openers`]) and writes one table of words as static arrays.

#[cfg(test)]
use super::openers;
use super::openers::Opens;

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

/// The names of the holidays that begin with one word: the words after it (trailing apostrophes
/// dropped) and the day.
pub type HolidayNames = &'static [(&'static [&'static str], Holiday)];

/// What one word is in the word lists (a word can be in several: "may", "second", "march").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub month: Option<(u32, Sureness)>,
    pub weekday: Option<(u32, Sureness)>,
    /// A number word: value and whether the word is an ordinal.
    pub number: Option<(u32, bool)>,
    /// A duration unit and its multiple ("fortnight" = 2 weeks).
    pub unit: Option<(Unit, u32)>,
    /// The holidays whose name begins with the word: 1 + their index in the built list (0: none,
    /// as for most words; [`Entry::holidays`]).
    pub holiday_names: u8,
    /// Whether the word can begin a date expression ([`openers`]).
    pub opens: Opens,
    /// The follow sets ([`openers`]) the word is in.
    pub follows: u8,
}

impl Entry {
    /// The holidays whose name begins with the word.
    pub fn holidays(&self) -> HolidayNames {
        usize::from(self.holiday_names).checked_sub(1).map_or(&[], |k| built::HOLIDAY_NAMES[k])
    }
}

/// The tables `build.rs` wrote: `WORDS`, and `HOLIDAY_NAMES` that its entries point into.
mod built {
    use super::{Entry, Holiday, HolidayNames, Opens, Sureness, Unit};
    use crate::word_map::WordList;

    include!(concat!(env!("OUT_DIR"), "/dates_lexicon.rs"));
}

/// Every word a date expression can begin with ("in", "last", "noon", holidays' first words,
/// number words, units, months, weekdays), in lower case, and what it is in each list: the
/// numbers stage looks each token up once, in a table that holds these words
/// ([`crate::numbers::token_words`]).
pub fn words() -> impl Iterator<Item = (&'static str, &'static Entry)> {
    built::WORDS.iter()
}

/// The entry of `word` (in lower case).
pub fn entry(word: &str) -> Option<&'static Entry> {
    crate::numbers::token_words::token_words().get(word.as_bytes()).date
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_the_grammar_compares_with_can_start_a_scan() {
        // A word missing here would make the scan skip an expression that begins with it.
        let source = include_str!("grammar.rs");
        let literal = regex::Regex::new(r#""([a-z'’½]+)""#).unwrap();
        let missing: Vec<&str> =
            literal.captures_iter(source).map(|c| c.get(1).unwrap().as_str()).filter(|w| entry(w).is_none()).collect();
        assert!(missing.is_empty(), "add to starters.txt: {missing:?}");
    }

    #[test]
    fn every_opener_and_follower_is_in_the_word_table() {
        let missing: Vec<&str> = openers::all_words().filter(|w| entry(w).is_none()).collect();
        assert!(missing.is_empty(), "add to starters.txt: {missing:?}");
    }

    #[test]
    fn reads_every_word_list() {
        assert_eq!(entry("sept").unwrap().month, Some((9, Sureness::Abbr)));
        assert_eq!(entry("may").unwrap().month, Some((5, Sureness::Ambiguous)));
        assert_eq!(entry("thursday").unwrap().weekday, Some((4, Sureness::Full)));
        assert_eq!(entry("twelfth").unwrap().number, Some((12, true)));
        assert_eq!(entry("fortnight").unwrap().unit, Some((Unit::Week, 2)));
        assert_eq!(*entry("in").unwrap(), Entry { opens: Opens::Before(openers::AFTER_IN), ..Entry::default() });
        let named = |first: &str, rest: &[&str], day: Holiday| {
            entry(first).unwrap().holidays().iter().any(|(r, d)| **r == *rest && *d == day)
        };
        assert!(named("christmas", &["eve"], Holiday::Fixed(12, 24)));
        assert!(named("international", &["workers", "day"], Holiday::Fixed(5, 1)));
        assert!(named("new", &["year’s", "eve"], Holiday::Fixed(12, 31)));
    }

    /// The data lines of a list file, split at white space.
    fn fields(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
        file.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().collect())
    }

    fn sureness(s: &str) -> Sureness {
        match s {
            "full" => Sureness::Full,
            "abbr" => Sureness::Abbr,
            "ambiguous" => Sureness::Ambiguous,
            "plural" => Sureness::Plural,
            other => panic!("sureness {other:?}"),
        }
    }

    #[test]
    fn the_built_table_holds_every_month_weekday_number_and_unit_of_their_files() {
        for (file, field) in [
            (include_str!("months.txt"), (|e: &Entry| e.month) as fn(&Entry) -> _),
            (include_str!("weekdays.txt"), |e: &Entry| e.weekday),
        ] {
            // A word listed twice keeps its last line, as a map collected from the lines would.
            let text: std::collections::HashMap<&str, (u32, Sureness)> =
                fields(file).map(|f| (f[0], (f[1].parse().unwrap(), sureness(f[2])))).collect();
            assert_eq!(words().filter(|(_, e)| field(e).is_some()).count(), text.len());
            for (w, v) in &text {
                assert_eq!(field(entry(w).unwrap()), Some(*v), "{w}");
            }
            assert_eq!(field(entry("fortnight").unwrap()), None);
        }
        for f in fields(include_str!("numbers.txt")) {
            let number = entry(f[0]).unwrap().number;
            assert_eq!(number, Some((f[1].parse().unwrap(), f[2] == "ordinal")), "{}", f[0]);
        }
        for f in fields(include_str!("units.txt")) {
            let (unit, multiple) = entry(f[0]).unwrap().unit.unwrap();
            assert_eq!((unit.name(), multiple), (f[1], f[2].parse().unwrap()), "{}", f[0]);
        }
        for f in fields(include_str!("starters.txt")) {
            assert!(entry(f[0]).is_some(), "{}", f[0]);
        }
        assert_eq!(entry("officials"), None);
    }

    #[test]
    fn the_built_table_holds_every_holiday_name_of_its_file_in_both_apostrophes() {
        for f in fields(include_str!("holidays.txt")) {
            let day = match f[1] {
                "easter" => Holiday::Easter,
                "good_friday" => Holiday::GoodFriday,
                "thanksgiving" => Holiday::Thanksgiving,
                "black_friday" => Holiday::BlackFriday,
                "labor_day" => Holiday::LaborDay,
                "memorial_day" => Holiday::MemorialDay,
                md => {
                    let (m, d) = md.split_once('-').unwrap();
                    Holiday::Fixed(m.parse().unwrap(), d.parse().unwrap())
                }
            };
            for name in [f[0].to_string(), f[0].replace('\'', "’")] {
                let words: Vec<&str> = name.split('_').map(|w| w.trim_end_matches(['\'', '’'])).collect();
                let names = entry(words[0]).unwrap().holidays();
                assert!(names.iter().any(|(rest, d)| **rest == words[1..] && *d == day), "{name}");
            }
        }
        assert!(entry("monday").unwrap().holidays().is_empty());
    }
}
