//! Which tokens can begin a date expression: the scan tries the grammar only at those.
//!
//! Worked out from the first token every parser of [`super::grammar`] reads at the start it is
//! given (`Parser::best_at` → `bound_cue` and `plain_at` → `datetime`, `time`, `day_part_alone`,
//! `range`, `clock_range`, `offset_date`, `window`, `duration`, `set`, and `date`'s twelve
//! parsers). Digits always open; a month, a weekday or a one-word holiday opens; a number word
//! only before a token some parser can read next, a holiday's first word only before the next
//! word of its name ("New Year"); the words below open alone, or only before a word of a follow set ("the" before "week" or "7",
//! "a" before a unit), or only before a token some parser can read next ("at", "from", "this"),
//! or, for a bound cue ("by", "as"), only where the date after it opens.
//! A parser that learns a new first word needs it here too (the date tests would show it).
//!
//! `build.rs` reads these lists (it includes this file) into the grammar's word table; the
//! program itself keeps only the types and the follow-set bits.
#![cfg_attr(not(test), allow(dead_code))]

/// How a word can begin a date expression.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Opens {
    /// No parser starts with it ("of", "said").
    #[default]
    Never,
    Always,
    /// Only before a token of this follow set (a bit of `FOLLOWS_*`).
    Before(u8),
    /// A bound cue and nothing else ("by", "as late as"): only before a date that opens.
    Cue,
    /// Only before digits, a mark or a word of the grammar's word table (an article only with
    /// such a token after it): "at 5", "from May", "this week", "about a week", but not "at the
    /// scene". Every word a parser compares with is in the table (a test checks it), so a word
    /// outside it cannot continue an expression.
    BeforeKnown,
    /// The first word of holidays' names, none of them one word ("new", "good"): only before a
    /// mark or the next word of one of the names ("New Year", "Good Friday").
    BeforeHolidayWord,
}

/// Follow sets: what may come right after "the", after "a"/"an", after "that" and after "in" in
/// an expression that starts there. Digits and number words belong to `AFTER_THE` and `AFTER_IN`,
/// units to `AFTER_ARTICLE` (added where the entries are built).
pub const AFTER_THE: u8 = 1;
pub const AFTER_ARTICLE: u8 = 2;
pub const AFTER_THAT: u8 = 4;
pub const AFTER_IN: u8 = 8;

/// Words that begin an expression by themselves (with what follows them).
const ALWAYS: &[&str] = &[
    // weekday shifts, relative periods and days, named days: "next Friday", "last week", "this summer"
    "last",
    "next",
    "previous",
    "coming",
    "upcoming",
    "past",
    "following",
    "current",
    "today",
    "tonight",
    "tonite",
    "tomorrow",
    "tmrw",
    "tmr",
    "yesterday",
    "now",
    // years, quarters, fiscal years, weeks: "year 2008", "q1 2017", "fiscal 2017", "week 10", "w/c"
    "q",
    "h",
    "fiscal",
    "fy",
    "calendar",
    "financial",
    "year",
    "cy",
    "week",
    "w",
    "summer",
    "winter",
    "autumn",
    "spring",
    "fall",
    // parts of periods and of the day: "mid-November", "end of 1989", "during the night", "lunchtime"
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "eoy",
    "lunchtime",
    "dinnertime",
    "night",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    // clock times: "noon", "half past seven", "quarter to nine"
    "noon",
    "midday",
    "noonish",
    "midnight",
    "half",
    "quarter",
    // repetitions: "daily", "twice a week"
    "daily",
    "nightly",
    "weekly",
    "biweekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "yearly",
    "annually",
    "hourly",
    "semiannual",
    "semiannually",
    "biannual",
    "bi",
    "bimonthly",
    "once",
    "twice",
    // bound cues that also begin plain expressions
    "starting",
];

/// Words that begin an expression only with more of it after them (see [`Opens::BeforeKnown`]):
/// ranges, counts, windows, bounded durations and repetitions ("from 2014 to 2018", "several
/// days", "up to a week", "every other day"), parts of periods ("end of 1989"), "this week".
const PREFIXES: &[&str] = &[
    "this",
    "at",
    "from",
    "between",
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "over",
    "during",
    "before",
    "after",
    "within",
    "more",
    "less",
    "fewer",
    "up",
    "some",
    "several",
    "few",
    "couple",
    "all",
    "whole",
    "entire",
    "every",
    "each",
    "same",
    "right",
    "beginning",
    "end",
    "middle",
    "start",
];

/// Bound cues that begin nothing by themselves: "by", "as early as", "no later than".
const CUES: &[&str] = &[
    "by",
    "as",
    "not",
    "no",
    "prior",
    "greater",
    "smaller",
    "effective",
    "circa",
    "approximately",
    "til",
    "till",
    "until",
    "since",
];

/// Words that begin an expression only before a word of a follow set.
const CONDITIONAL: &[(&str, u8)] =
    &[("the", AFTER_THE), ("a", AFTER_ARTICLE), ("an", AFTER_ARTICLE), ("that", AFTER_THAT), ("in", AFTER_IN)];

/// The follow sets' words (besides digits, number words and units).
pub const FOLLOWERS: &[(&str, u8)] = &[
    // "the day after tomorrow", "the weekend", "the last week", "the week of", "the year 2008",
    // "the end of 1989", "the lunchtime", "the next 3 days", "the first quarter of"
    ("day", AFTER_THE),
    ("weekend", AFTER_THE | AFTER_THAT),
    ("last", AFTER_THE),
    ("previous", AFTER_THE),
    ("past", AFTER_THE),
    ("next", AFTER_THE | AFTER_ARTICLE),
    ("following", AFTER_THE),
    ("coming", AFTER_THE | AFTER_ARTICLE),
    ("upcoming", AFTER_THE | AFTER_ARTICLE),
    ("this", AFTER_THE),
    ("current", AFTER_THE),
    ("same", AFTER_THE),
    ("that", AFTER_THE),
    ("week", AFTER_THE),
    ("year", AFTER_THE),
    ("early", AFTER_THE),
    ("late", AFTER_THE),
    ("mid", AFTER_THE),
    ("earlier", AFTER_THE),
    ("later", AFTER_THE),
    ("beginning", AFTER_THE),
    ("end", AFTER_THE),
    ("middle", AFTER_THE),
    ("start", AFTER_THE),
    ("eoy", AFTER_THE),
    ("w", AFTER_THE),
    ("lunchtime", AFTER_THE | AFTER_IN),
    ("dinnertime", AFTER_THE | AFTER_IN),
    ("night", AFTER_THE | AFTER_IN),
    ("within", AFTER_THE),
    // counts: "the 3 next weeks", "in a few days", "in several years"
    ("a", AFTER_THE | AFTER_IN),
    ("an", AFTER_THE | AFTER_IN),
    ("few", AFTER_THE | AFTER_ARTICLE | AFTER_IN),
    ("several", AFTER_THE | AFTER_IN),
    ("some", AFTER_THE | AFTER_IN),
    ("couple", AFTER_THE | AFTER_ARTICLE | AFTER_IN),
    ("half", AFTER_THE | AFTER_IN),
    ("½", AFTER_THE | AFTER_IN),
    // "a business day", "a working week"
    ("business", AFTER_ARTICLE),
    ("working", AFTER_ARTICLE),
    ("calendar", AFTER_ARTICLE | AFTER_THAT),
    // "that fiscal year", "that or next weekend"
    ("fiscal", AFTER_THAT),
    ("financial", AFTER_THAT),
    ("school", AFTER_THAT),
    ("academic", AFTER_THAT),
    ("or", AFTER_THAT),
    // "in the morning", "in the evening at 7", "in 3 days"
    ("the", AFTER_IN),
    ("morning", AFTER_IN),
    ("mornings", AFTER_IN),
    ("afternoon", AFTER_IN),
    ("afternoons", AFTER_IN),
    ("evening", AFTER_IN),
    ("evenings", AFTER_IN),
    ("nighttime", AFTER_IN),
    ("daytime", AFTER_IN),
    ("lunch", AFTER_IN),
    ("dinner", AFTER_IN),
    ("breakfast", AFTER_IN),
    ("tonight", AFTER_IN),
    ("tonite", AFTER_IN),
];

/// How each word of the lists can begin an expression, from the list of lowest precedence
/// ([`CUES`], then [`CONDITIONAL`], [`PREFIXES`]) to the highest ([`ALWAYS`]): where a word is in
/// two lists, its last entry is the one that counts. `build.rs` reads this into the word table.
pub fn listed() -> impl Iterator<Item = (&'static str, Opens)> {
    let cues = CUES.iter().map(|&w| (w, Opens::Cue));
    let conditional = CONDITIONAL.iter().map(|&(w, set)| (w, Opens::Before(set)));
    let prefixes = PREFIXES.iter().map(|&w| (w, Opens::BeforeKnown));
    let always = ALWAYS.iter().map(|&w| (w, Opens::Always));
    cues.chain(conditional).chain(prefixes).chain(always)
}

/// How `word` (lower case) can begin an expression, by the lists alone.
#[cfg(test)]
pub fn opens(word: &str) -> Opens {
    if ALWAYS.contains(&word) {
        Opens::Always
    } else if PREFIXES.contains(&word) {
        Opens::BeforeKnown
    } else if let Some(&(_, set)) = CONDITIONAL.iter().find(|(w, _)| *w == word) {
        Opens::Before(set)
    } else if CUES.contains(&word) {
        Opens::Cue
    } else {
        Opens::Never
    }
}

/// Every word these lists name, for the test that each is in the grammar's word table.
#[cfg(test)]
pub fn all_words() -> impl Iterator<Item = &'static str> {
    ALWAYS
        .iter()
        .chain(PREFIXES)
        .chain(CUES)
        .copied()
        .chain(CONDITIONAL.iter().map(|(w, _)| *w))
        .chain(FOLLOWERS.iter().map(|(w, _)| *w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_in_several_lists_opens_as_its_highest_list_says() {
        let mut last: std::collections::HashMap<&str, Opens> = std::collections::HashMap::new();
        for (w, o) in listed() {
            last.insert(w, o);
        }
        for w in all_words() {
            assert_eq!(last.get(w).copied().unwrap_or(Opens::Never), opens(w), "{w}");
        }
        assert_eq!(last["the"], Opens::Before(AFTER_THE));
    }
}
