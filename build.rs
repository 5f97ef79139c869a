//! Lays out some lexicons at compile time (the date grammar's word lists, the word sets, the
//! abbreviations): reads their files in `src/` and writes each table as static arrays into
//! `OUT_DIR`, which the module keeping the table `include!`s. The files stay the tables' source of
//! truth; the program carries the laid-out data (no `#` comments, no parser, no hash maps filled on
//! first use; the date words and the abbreviations are bucketed once into a `WordTable` from
//! these lists). The layouts are the crate's own code (`#[path]` below), so the build and the
//! program agree on them; the tests check each table against its file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/numbers/dates/openers.rs"]
mod openers;
#[path = "src/word_map/layout.rs"]
mod word_map_layout;

fn main() {
    for shared in ["build.rs", "src/numbers/dates/openers.rs", "src/word_map/layout.rs"] {
        println!("cargo:rerun-if-changed={shared}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    dates(&out);
    word_sets(&out);
}

/// The text of a table file (and a rebuild when it changes).
fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(out: &Path, name: &str, code: String) {
    std::fs::write(out.join(name), code).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// The expression of a `word_map::WordMap` of `entries` (keys distinct, each with its value's
/// expression), in their order.
fn word_map(entries: &[(&str, String)]) -> String {
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let slots = word_map_layout::slots(&keys);
    format!("crate::word_map::WordMap::from_parts(&{slots:?}, {})", word_list_parts(entries))
}

/// The expression of a `word_map::WordList` of `entries` (keys distinct), in their order.
fn word_list(entries: &[(&str, String)]) -> String {
    format!("crate::word_map::WordList::from_parts({})", word_list_parts(entries))
}

/// The keys as one string, where each ends, and the values.
fn word_list_parts(entries: &[(&str, String)]) -> String {
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let ends = word_map_layout::ends(&keys);
    let values: Vec<&str> = entries.iter().map(|e| e.1.as_str()).collect();
    let values = if values.iter().all(|v| *v == "()") {
        format!("[(); {}]", values.len())
    } else {
        format!("[{}]", values.join(","))
    };
    format!("{:?}, &{ends:?}, &{values}", keys.concat())
}

/// The first `n` fields (separated by white space) of each data line of a list file of the date
/// grammar ("" for a field a line lacks); blank lines and `#` comments skipped.
fn date_lines(file: &str, n: usize) -> Vec<Vec<&str>> {
    let data = file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    data.map(|l| {
        let mut fields: Vec<&str> = l.split_whitespace().take(n).collect();
        fields.resize(n, "");
        fields
    })
    .collect()
}

/// A map in the order its keys first came, a later value for a key replacing the earlier one (as
/// a hash map collected from the same pairs holds).
struct Ordered<V> {
    entries: Vec<(String, V)>,
}

impl<V: Default> Ordered<V> {
    fn new() -> Self {
        Ordered { entries: Vec::new() }
    }

    fn entry(&mut self, key: &str) -> &mut V {
        let at = match self.entries.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                self.entries.push((key.to_string(), V::default()));
                self.entries.len() - 1
            }
        };
        &mut self.entries[at].1
    }

    fn get(&self, key: &str) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// What one word is in the date grammar's lists (`numbers::dates::lexicon::Entry`), as text.
#[derive(Default)]
struct DateWord {
    month: Option<String>,
    weekday: Option<String>,
    number: Option<String>,
    unit: Option<String>,
    /// The holidays whose name begins with the word: 1 + their index in `HOLIDAY_NAMES` (0: none).
    holidays: u8,
    opens: openers::Opens,
    follows: u8,
}

fn sureness(s: &str) -> String {
    let name = match s {
        "full" => "Full",
        "abbr" => "Abbr",
        "ambiguous" => "Ambiguous",
        "plural" => "Plural",
        _ => panic!("unknown sureness {s}"),
    };
    format!("Sureness::{name}")
}

/// The word list of the date grammar (`numbers::dates::lexicon`): every word a date expression can
/// begin with, with what it is in each list (month, weekday, number, unit, first word of holidays'
/// names) and how it opens an expression.
fn dates(out: &Path) {
    use openers::Opens;

    let month_or_day = |file: &str, what: &str| {
        let mut map = Ordered::<String>::new();
        for f in date_lines(&read(file), 3) {
            let number: u32 = f[1].parse().unwrap_or_else(|_| panic!("{what} number: {}", f[1]));
            *map.entry(f[0]) = format!("({number}, {})", sureness(f[2]));
        }
        map
    };
    let months = month_or_day("src/numbers/dates/months.txt", "month");
    let weekdays = month_or_day("src/numbers/dates/weekdays.txt", "weekday");

    // Holidays by first word: the words after it (trailing apostrophes dropped) and the day. A name
    // with an apostrophe inside a word ("new_year's_eve") is written with the typographic one too
    // ("New Year’s Eve"): both spellings go in the table (the tokens keep the mark they have).
    let mut holidays = Ordered::<Vec<(Vec<String>, String)>>::new();
    for f in date_lines(&read("src/numbers/dates/holidays.txt"), 2) {
        let day = match f[1] {
            "easter" => "Holiday::Easter".to_string(),
            "good_friday" => "Holiday::GoodFriday".to_string(),
            "thanksgiving" => "Holiday::Thanksgiving".to_string(),
            "black_friday" => "Holiday::BlackFriday".to_string(),
            "labor_day" => "Holiday::LaborDay".to_string(),
            "memorial_day" => "Holiday::MemorialDay".to_string(),
            md => {
                let (m, d) = md.split_once('-').expect("holidays.txt: MM-DD");
                let (m, d): (u32, u32) = (m.parse().expect("month"), d.parse().expect("day"));
                format!("Holiday::Fixed({m}, {d})")
            }
        };
        let typographic = f[0].contains('\'').then(|| f[0].replace('\'', "’"));
        for name in std::iter::once(f[0].to_string()).chain(typographic) {
            let mut words = name.split('_').map(|w| w.trim_end_matches(['\'', '’']).to_string());
            let first = words.next().expect("a holiday name");
            holidays.entry(&first).push((words.collect(), day.clone()));
        }
    }

    let mut words = Ordered::<DateWord>::new();
    for (w, m) in &months.entries {
        words.entry(w).month = Some(m.clone());
    }
    for (w, d) in &weekdays.entries {
        words.entry(w).weekday = Some(d.clone());
    }
    for f in date_lines(&read("src/numbers/dates/numbers.txt"), 3) {
        let value: u32 = f[1].parse().expect("number value");
        words.entry(f[0]).number = Some(format!("({value}, {})", f[2] == "ordinal"));
    }
    for f in date_lines(&read("src/numbers/dates/units.txt"), 3) {
        let unit = match f[1] {
            "second" => "Second",
            "minute" => "Minute",
            "hour" => "Hour",
            "day" => "Day",
            "week" => "Week",
            "month" => "Month",
            "year" => "Year",
            s => panic!("units.txt: unknown unit {s}"),
        };
        let multiple: u32 = f[2].parse().expect("unit multiple");
        words.entry(f[0]).unit = Some(format!("(Unit::{unit}, {multiple})"));
    }
    for f in date_lines(&read("src/numbers/dates/starters.txt"), 1) {
        words.entry(f[0]);
    }
    for (w, _) in &holidays.entries {
        words.entry(w);
    }
    // What the opener lists say of each word, then the rules below; and the follow sets.
    let mut listed_of = Ordered::<Opens>::new();
    for (w, listed) in openers::listed() {
        *listed_of.entry(w) = listed;
    }
    for (w, e) in words.entries.iter_mut() {
        if let Some(&listed) = listed_of.get(w) {
            e.opens = listed;
        }
        for &(f, set) in openers::FOLLOWERS {
            if f == w {
                e.follows |= set;
            }
        }
    }
    for (w, e) in words.entries.iter_mut() {
        let listed = e.opens;
        let names = holidays.get(w);
        let holiday_alone = names.is_some_and(|names| names.iter().any(|(rest, _)| rest.is_empty()));
        // A number or holiday word that a list also names ("half", "quarter") opens by itself.
        let named_and_listed = listed != Opens::Never && (e.number.is_some() || names.is_some());
        e.opens = if e.month.is_some() || e.weekday.is_some() || holiday_alone || named_and_listed {
            Opens::Always
        } else if e.number.is_some() {
            // "two weeks", "first of May", "five o'clock": a number word alone is no date.
            Opens::BeforeKnown
        } else if names.is_some() {
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

    // Each first word's names once, in `HOLIDAY_NAMES`; its entry says which (1 + the index).
    let mut names_list = String::from("pub(super) static HOLIDAY_NAMES: &[HolidayNames] = &[");
    for (k, (w, names)) in holidays.entries.iter().enumerate() {
        names_list.push_str("&[");
        for (rest, day) in names {
            write!(names_list, "(&{rest:?}, {day}),").unwrap();
        }
        names_list.push_str("],");
        words.entry(w).holidays = u8::try_from(k + 1).expect("up to 255 first words of holidays");
    }
    names_list.push_str("];\n");
    let option = |o: &Option<String>| o.as_ref().map_or("None".to_string(), |v| format!("Some({v})"));
    let entries: Vec<(&str, String)> = words
        .entries
        .iter()
        .map(|(w, e)| {
            let entry = format!(
                "Entry {{ month: {}, weekday: {}, number: {}, unit: {}, holiday_names: {}, opens: Opens::{:?}, follows: {} }}",
                option(&e.month),
                option(&e.weekday),
                option(&e.number),
                option(&e.unit),
                e.holidays,
                e.opens,
                e.follows
            );
            (w.as_str(), entry)
        })
        .collect();
    let code = format!("{names_list}pub(super) static WORDS: WordList<Entry> = {};\n", word_list(&entries));
    write(out, "dates_lexicon.rs", code);
}

/// The words of a word-list file: every word of its lines but `#` comments, each once (first
/// place kept).
fn list_words(file: &str) -> Vec<&str> {
    let mut words: Vec<&str> = Vec::new();
    for w in file.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace) {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

/// The expression of a `word_map::WordSet` of `words` (distinct).
fn word_set(words: &[&str]) -> String {
    let entries: Vec<(&str, String)> = words.iter().map(|&w| (w, "()".to_string())).collect();
    word_map(&entries)
}

/// The word sets of other stages (`numbers::counted`, `numbers::scan`, `claims::words`) and the
/// abbreviations of `segment::sentences`.
fn word_sets(out: &Path) {
    for (file, name) in [
        ("src/numbers/function_words.txt", "numbers_function_words.rs"),
        ("src/numbers/designators.txt", "numbers_designators.rs"),
        ("src/claims/stopwords.txt", "claims_stopwords.rs"),
    ] {
        write(out, name, word_set(&list_words(&read(file))));
    }
    // One per line; a spelling that differs from an earlier one only in ASCII case is left out.
    let text = read("src/segment/abbreviations.txt");
    let mut seen: Vec<String> = Vec::new();
    let mut listed: Vec<(&str, String)> = Vec::new();
    for a in text.lines().map(str::trim).filter(|a| !a.is_empty()) {
        if !seen.contains(&a.to_ascii_lowercase()) {
            seen.push(a.to_ascii_lowercase());
            listed.push((a, "()".to_string()));
        }
    }
    let code = word_list(&listed);
    write(out, "segment_abbreviations.rs", code);
}
