//! The date grammar: small parsers over tokens, each returning where it stopped and what it read.
//!
//! Every parser takes a token index and returns `Some((end, value))` with `end` the index after
//! its last token, or `None`. [`Parser::best_at`] tries them all and keeps the longest match.

use super::calendar::{add_days, add_months, easter, is_valid, monday_of, nth_weekday, weekday};
use super::lexicon::{Entry, Holiday, HolidayNames, Sureness, Unit};
use super::openers::{self, Opens};
use super::tokens::{Tok, TokKind};
use super::values::{place_weekday, Clock, Meaning, WeekdayShift, When};
use crate::numbers::token_words::{token_words, TokenWords};
use crate::span::same_bytes;
use crate::Date;

/// What the grammar resolves against.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The publication date, if known.
    pub today: Option<Date>,
}

/// Whether the words around a date speak of the past or the future ("said on Friday", "will meet on Friday").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

pub struct Match {
    /// Token range `[start, end)`.
    pub start: usize,
    pub end: usize,
    pub meaning: Meaning,
    /// For durations: "more than 4 days" and the like.
    pub bound: crate::numbers::Bound,
}

pub struct Parser<'a> {
    low: &'a str,
    toks: &'a [Tok],
    ctx: Context,
    /// What each token's word is (looked up when the sentence was cut: [`crate::numbers::tokens::Tok::word`]).
    words: &'static TokenWords,
    /// Whether an expression can begin at each token ([`openers`]), worked out once per sentence.
    opens: Vec<bool>,
    /// Where the expression being read starts (set by [`Parser::best_at`]) and, once asked for,
    /// the tense around it: most starts never need it.
    start: std::cell::Cell<usize>,
    tense: std::cell::Cell<Option<Tense>>,
    /// [`Parser::datetime`]'s results for the expression being read: the same token is read as a
    /// date directly, as a range end and after a clock range, so it is parsed once.
    datetimes: std::cell::RefCell<Vec<(usize, Parsed<DateTime>)>>,
}

/// Words before a month, weekday or year that make it a date ("in May", "by March").
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "since",
    "by",
    "during",
    "until",
    "till",
    "before",
    "after",
    "from",
    "of",
    "through",
    "throughout",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "every",
    "each",
    "until",
    "around",
    "circa",
    "beginning",
    "end",
    "start",
    "starting",
    "ending",
    "past",
    "coming",
    "previous",
    "following",
    "upcoming",
];

/// Words before "May", "March" or "Jan" that make it the month rather than a verb or a name.
const AMBIGUOUS_MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "by",
    "during",
    "until",
    "till",
    "before",
    "after",
    "from",
    "of",
    "through",
    "early",
    "late",
    "mid",
    "between",
    "end",
    "beginning",
    "start",
    "last",
    "next",
    "-",
];

/// Every word after which a part of the day is read ("in the morning", "over lunch"): those of
/// `day_part` and `day_part_alone`.
const DAY_PART_WORDS: &[&str] = &[
    "morning",
    "mornings",
    "afternoon",
    "afternoons",
    "evening",
    "evenings",
    "night",
    "nighttime",
    "daytime",
    "lunchtime",
    "dinnertime",
    "lunch",
    "dinner",
    "breakfast",
    "tonight",
    "tonite",
];

/// What may follow "this" in an expression that starts there: a part of the day ("this
/// morning", "this tomorrow morning"), "this past Friday", "this week Monday", "this or next
/// week", "this fiscal year", a period (`relative_period`); months, weekdays, holidays and
/// parts of the day are tested apart.
const AFTER_THIS: &[&str] = &[
    "in",
    "at",
    "this",
    "tomorrow",
    "yesterday",
    "early",
    "late",
    "the",
    "past",
    "or",
    "fiscal",
    "financial",
    "school",
    "academic",
    "calendar",
    "week",
    "workweek",
    "weekend",
    "month",
    "year",
    "quarter",
    "decade",
    "century",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
];

/// What one or two digits can be followed by in an expression that starts at them, besides
/// units, months and range joiners: an ordinal suffix ("7th"), "day of", "of May", "90s", the
/// clock's am/pm, "12 noon", "11ish", "7 o'clock", "20 min past", "10 to 4".
const AFTER_SMALL_DIGITS: &[&str] = &[
    "st",
    "nd",
    "rd",
    "th",
    "day",
    "of",
    "s",
    "am",
    "a",
    "pm",
    "p",
    "noon",
    "ish",
    "o'clock",
    "o’clock",
    "oclock",
    "min",
    "mins",
    "minute",
    "minutes",
    "past",
    "after",
    "to",
    "before",
];

/// Words before "the 18th" that make it a day of this month (`bare_ordinal_day`).
const BARE_ORDINAL_CUES: &[&str] = &["on", "around", "by", "until", "since", "before", "after"];

/// The words a clock time can begin with besides digits and number words (`clock_core`).
const CLOCK_WORDS: &[&str] = &["noon", "midday", "noonish", "midnight", "mid", "half", "quarter"];

/// What joins the two ends of a range without "between" (`range`).
const RANGE_JOINERS: &[&str] = &["to", "till", "until", "through", "thru", "-", "–", "~"];

type Parsed<T> = Option<(usize, T)>;

/// A date with the time of day, if one is given.
type DateTime = (When, Option<Clock>);

/// The lists a parser fills for its sentence, handed on to the next sentence's parser so that
/// the sentences of a document reuse their memory ([`Parser::reusing`], [`Parser::into_buffers`]).
#[derive(Default)]
pub struct Buffers {
    opens: Vec<bool>,
    datetimes: Vec<(usize, Parsed<DateTime>)>,
}

impl<'a> Parser<'a> {
    #[cfg(test)]
    pub fn new(low: &'a str, toks: &'a [Tok], ctx: Context) -> Self {
        Self::reusing(low, toks, ctx, Buffers::default())
    }

    /// The parser of the sentence `low` (lower-cased) with tokens `toks`, in the lists of `buffers`.
    pub fn reusing(low: &'a str, toks: &'a [Tok], ctx: Context, buffers: Buffers) -> Self {
        let Buffers { mut opens, mut datetimes } = buffers;
        opens.clear();
        opens.resize(toks.len(), false);
        datetimes.clear();
        let mut parser = Parser {
            low,
            toks,
            ctx,
            words: token_words(),
            opens,
            start: std::cell::Cell::new(0),
            tense: std::cell::Cell::new(None),
            datetimes: std::cell::RefCell::new(datetimes),
        };
        // From the end: a bound cue opens where the date after it does.
        for i in (0..toks.len()).rev() {
            parser.opens[i] = parser.opens_at(i);
        }
        parser
    }

    /// The parser's lists, for the next sentence.
    pub fn into_buffers(self) -> Buffers {
        Buffers { opens: self.opens, datetimes: self.datetimes.into_inner() }
    }

    /// Whether an expression can start at token `i` (see [`openers`]).
    pub fn can_start(&self, i: usize) -> bool {
        self.opens[i]
    }

    fn opens_at(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokKind::Digits => self.digits_fit(i),
            // "'90s", "@ 5pm", "½ an hour"
            TokKind::Symbol => match self.t(i) {
                "'" | "’" => self.kind(i + 1) == Some(TokKind::Digits),
                "@" | "½" => true,
                _ => false,
            },
            TokKind::Word => self.word_opens(i) && self.reading_fits(i),
        }
    }

    /// Whether the word at `i` opens by the opener lists ([`openers`]).
    fn word_opens(&self, i: usize) -> bool {
        match self.entry(i).map_or(Opens::Never, |e| e.opens) {
            Opens::Never => false,
            Opens::Always => true,
            Opens::Before(set) => self.in_follow_set(i + 1, set) && self.known_after(i + 1),
            Opens::Cue => self.bound_cue(i).is_some_and(|(k, _)| self.opens.get(k) == Some(&true)),
            Opens::BeforeKnown => self.known_after(i + 1),
            Opens::BeforeHolidayWord => {
                self.kind(i + 1) == Some(TokKind::Symbol)
                    || self.holidays(i).iter().any(|(rest, _)| rest.first().is_some_and(|w| self.is(i + 1, w)))
            }
        }
    }

    /// For the words that most often pass the opener lists and still begin nothing ("in the",
    /// "at least 40", "the same people", "now that"): whether what follows fits one of the few
    /// readings the parsers have for them. Each arm lists every parser that can read the word at
    /// the start it is given (the others fail on it at once), and what that parser needs next;
    /// a parser that learns a new reading of one of these words needs it here too.
    /// `opens` must hold for the tokens after `i` (the scan fills it from the end): a bound cue's
    /// date opens where `plain_at` can read one.
    fn reading_fits(&self, i: usize) -> bool {
        let opens_next = || self.opens.get(i + 1) == Some(&true);
        // day_part_alone and time: "in the morning", "at night", "during the evening", "over lunch"
        let day_part = |k: usize| {
            let k = self.opt(k, "the");
            self.is_any(k, DAY_PART_WORDS)
        };
        // duration ("about 3 weeks", "up to a month") and offset_date ("in 3 years")
        let duration_at = |k: usize| self.duration_core(k).is_some();
        match self.t(i) {
            // offset_date and the superlative window read a duration after "in"; time and
            // day_part_alone a part of the day. Nothing else begins with "in".
            "in" => day_part(i + 1) || duration_at(i + 1),
            // time (at_time: a clock time or digits), day_part_alone, relative_day ("at the
            // moment"), duration ("at least", "at most").
            "at" => {
                self.kind(i + 1) == Some(TokKind::Digits)
                    || self.number_word(i + 1).is_some()
                    || self.is_any(i + 1, CLOCK_WORDS)
                    || day_part(i + 1)
                    || (self.is(i + 1, "the") && self.is(i + 2, "moment"))
                    || (self.is_any(i + 1, &["least", "most"]) && duration_at(i + 2))
            }
            // Only range reads "now" first, as its first end: "now to June", "now, through May".
            "now" => self.is_any(i + 1, RANGE_JOINERS) || (self.is(i + 1, ",") && self.is_any(i + 2, RANGE_JOINERS)),
            // relative_period ("current year") or range's "current date"
            "current" => self.is(i + 1, "date") || self.relative_period(i).is_some(),
            "same" => self.relative_period(i).is_some(),
            "right" => self.is(i + 1, "now"),
            "end" | "middle" | "start" => self.is(i + 1, "of"),
            "year" => self.year(i + 1).is_some(),
            // part_of_period ("early this month", "late 2015", "mid-November"), day_part_alone ("late
            // in the evening"), bound cues ("later than 2015"), clock_core ("mid night")
            "early" | "late" | "earlier" | "later" | "mid" => {
                (self.is(i + 1, "than") && self.opens.get(i + 2) == Some(&true))
                    || (self.is(i, "mid") && self.is(i + 1, "night"))
                    || self.part_of_period(i).is_some()
                    || self.day_part_alone(i).is_some()
            }
            "once" | "twice" => self.is_any(i + 1, &["a", "per", "every"]) && self.unit(i + 2, false).is_some(),
            "during" => day_part(i + 1),
            "over" => day_part(i + 1) || duration_at(i + 1),
            "nearly" | "almost" | "roughly" => duration_at(i + 1),
            // bound cues (a date after them) and duration
            "about" => opens_next() || duration_at(i + 1),
            "after" | "before" => opens_next() || day_part(i + 1),
            "around" => {
                opens_next()
                    || duration_at(i + 1)
                    || day_part(i + 1)
                    || self.kind(i + 1) == Some(TokKind::Digits)
                    || self.number_word(i + 1).is_some()
                    || self.is_any(i + 1, CLOCK_WORDS)
            }
            "more" | "less" | "fewer" => {
                self.is(i + 1, "than") && (self.opens.get(i + 2) == Some(&true) || duration_at(i + 2))
            }
            "up" => self.is(i + 1, "to") && duration_at(i + 2),
            "all" | "whole" | "entire" => self.unit(self.opt(i + 1, "the"), false).is_some(),
            // range and clock_range: an end after "from" / "between"
            "from" | "between" => {
                self.kind(i + 1) != Some(TokKind::Word)
                    || opens_next()
                    || self.number_word(i + 1).is_some()
                    || self.is_any(i + 1, CLOCK_WORDS)
                    || self.is_any(i + 1, &["now", "today", "current"])
            }
            "the" => match self.t(i + 1) {
                // relative_period only
                "same" | "current" | "this" | "that" => self.relative_period(i).is_some(),
                // relative_day: "the day after (tomorrow)", "the day before yesterday"
                "day" => self.is(i + 2, "after") || (self.is(i + 2, "before") && self.is(i + 3, "yesterday")),
                // part_of_period: "the end of 1989"
                "end" | "middle" | "beginning" | "start" | "eoy" => self.is(i + 2, "of"),
                // digits past a day's: only window reads them after "the" ("the 3 next weeks")
                _ if self.digits_longer_than(i + 1, 2) => self.window(i).is_some(),
                // "the first of May", "the first quarter of", "the first week of", "on the first"
                _ if self.plain_number_word(i + 1) == Some(true) => {
                    self.ordinal_reading_fits(i + 2) || (i > 0 && self.is_any(i - 1, BARE_ORDINAL_CUES))
                }
                // day_first ("the twenty-first of May", "the two of us" no) or window ("the two next weeks")
                _ if self.plain_number_word(i + 1) == Some(false) => {
                    self.is_any(i + 2, &["of", "-", "/"])
                        || self.is_month(i + 2)
                        || self.number_word(i + 2).is_some()
                        || self.window(i).is_some()
                }
                _ => true,
            },
            // weekday_date, relative_period, named_day and the parts of the day after "this" (read_datetime)
            "this" => {
                self.is_any(i + 1, AFTER_THIS)
                    || self.is_any(i + 1, DAY_PART_WORDS)
                    || self.is_month(i + 1)
                    || self.is_weekday(i + 1)
                    || !self.holidays(i + 1).is_empty()
            }
            // counts: duration, offset_date and window read nothing else after them
            "some" | "several" | "few" | "couple" => self.duration_core(i).is_some() || self.window(i).is_some(),
            _ => match self.plain_number_word(i) {
                // An ordinal word: day_first, quarter, week_of or decade ("first of May", "first quarter
                // of", "first week of", "21st century"); count, clock and year take no ordinal.
                Some(true) => self.ordinal_reading_fits(i + 1),
                // A cardinal word before "of" ("one of them"): no parser reads on ("the two of" is above).
                Some(false) => !self.is(i + 1, "of"),
                None => true,
            },
        }
    }

    /// What an ordinal word can be followed by when it begins a date (day_first, quarter, week_of,
    /// decade): "first day of", "first of May", "first-May", "first May", "first quarter of".
    fn ordinal_reading_fits(&self, next: usize) -> bool {
        self.is_any(next, &["day", "of", "-", "/", "quarter", "week", "century"]) || self.is_month(next)
    }

    /// Whether token `i` is a number word and nothing else of the word lists (no month, weekday or
    /// holiday name): `Some(ordinal)`.
    fn plain_number_word(&self, i: usize) -> Option<bool> {
        let e = self.entry(i)?;
        let (_, ordinal) = e.number?;
        (e.month.is_none() && e.weekday.is_none() && e.holiday_names == 0).then_some(ordinal)
    }

    /// For digits: whether a parser can read on from them. Four digits (a year, "1630 GMT") and
    /// eight ("20161016") are always tried. One or two digits need a mark, a suffix, a unit, a month
    /// or a clock word after them ("5 May", "7th", "5 pm", "3 days", "10 to 4", "9-5"); others
    /// ("000" of "1,000", "300") only a mark or a unit ("300-year", "100 days", "1630:").
    fn digits_fit(&self, i: usize) -> bool {
        let len = self.toks[i].span.len();
        if len == 4 || len == 8 {
            return true;
        }
        let next = i + 1;
        // count and duration_core: "3 days", "3-day", "3 business days", window: "3 next weeks"
        let count_reads_on = self.is_unit(next)
            || self.is_any(next, &["-", "business", "working", "calendar", "next", "coming", "upcoming"]);
        // numeric_date, clock_core and count's decimals: glued on both sides ("5/12", "8.30pm", "3.5")
        let glued_mark = self.is_any(next, &[":", ".", "-", "/"]) && self.glued(next) && self.glued(next + 1);
        if len > 2 {
            return count_reads_on || glued_mark;
        }
        count_reads_on
            || glued_mark
            || self.is_month(next)
            || self.is_any(next, AFTER_SMALL_DIGITS)
            || self.is_any(next, RANGE_JOINERS)
            || (self.is(next, ",") && self.is_any(next + 1, RANGE_JOINERS))
    }

    fn digits_longer_than(&self, i: usize, len: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Digits && t.span.len() > len)
    }

    /// Whether token `i` can be read by a parser after a [`Opens::BeforeKnown`] word: digits, a
    /// mark, or a word of the table ("the", "a" and "an" only with such a token after them).
    fn known_after(&self, i: usize) -> bool {
        let known = |k: usize| match self.kind(k) {
            None => false,
            Some(TokKind::Word) => self.entry(k).is_some(),
            Some(_) => true,
        };
        known(i) && (!self.is_any(i, &["the", "a", "an"]) || known(i + 1))
    }

    /// Whether token `i` is in the follow set `set` (digits count as numbers; "a-week").
    fn in_follow_set(&self, i: usize, set: u8) -> bool {
        match self.kind(i) {
            None => false,
            Some(TokKind::Digits) => set & (openers::AFTER_THE | openers::AFTER_IN) != 0,
            Some(TokKind::Symbol) if self.is(i, "-") => set & openers::AFTER_ARTICLE != 0,
            Some(_) => self.entry(i).is_some_and(|e| e.follows & set != 0),
        }
    }

    /// The tense around the expression being read.
    fn tense(&self) -> Tense {
        if let Some(t) = self.tense.get() {
            return t;
        }
        let t = self.tense_at(self.start.get());
        self.tense.set(Some(t));
        t
    }

    /// The tense of the nearest verb cue before token `i` in its clause, else after it.
    fn tense_at(&self, i: usize) -> Tense {
        let cue = |k: usize| -> Option<Tense> {
            let w = self.t(k);
            if matches!(w, "will" | "shall" | "scheduled" | "expected" | "planned" | "plans" | "due" | "upcoming")
                || w.ends_with("'ll")
                || w.ends_with("’ll")
                || (w == "going" && self.is(k + 1, "to"))
            {
                return Some(Tense::Future);
            }
            // Only unambiguous past forms: "-ed" words are as often adjectives ("vaccinated travellers").
            let past = matches!(
                w,
                "said"
                    | "told"
                    | "was"
                    | "were"
                    | "had"
                    | "did"
                    | "came"
                    | "took"
                    | "met"
                    | "began"
                    | "saw"
                    | "went"
                    | "announced"
                    | "declared"
                    | "reported"
                    | "happened"
                    | "occurred"
                    | "died"
                    | "killed"
            );
            past.then_some(Tense::Past)
        };
        let clause_end = |k: usize| matches!(self.t(k), "." | ";" | "!" | "?" | ":" | "—" | "–");
        let mut k = i;
        while k > 0 && i - k < 8 {
            k -= 1;
            if clause_end(k) {
                break;
            }
            if let Some(t) = cue(k) {
                return t;
            }
        }
        ((i + 1)..(i + 8).min(self.toks.len())).take_while(|&k| !clause_end(k)).find_map(cue).unwrap_or(Tense::Unknown)
    }

    // ------------------------------------------------------------ token helpers

    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.low[t.span.range()])
    }

    fn entry(&self, i: usize) -> Option<&'static Entry> {
        self.toks.get(i).and_then(|t| self.words.at(t.word).date)
    }

    /// The holidays whose name begins with token `i`.
    fn holidays(&self, i: usize) -> HolidayNames {
        self.entry(i).map_or(&[], Entry::holidays)
    }

    fn number_word(&self, i: usize) -> Option<(u32, bool)> {
        self.entry(i)?.number
    }

    fn is_month(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| e.month.is_some())
    }

    fn is_weekday(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| e.weekday.is_some())
    }

    fn is_unit(&self, i: usize) -> bool {
        self.entry(i).is_some_and(|e| e.unit.is_some())
    }

    /// The bytes of token `i` (none past the end): compared inline, with no call per word.
    fn bytes(&self, i: usize) -> &'a [u8] {
        self.toks.get(i).map_or(&[], |t| &self.low.as_bytes()[t.span.range()])
    }

    fn is(&self, i: usize, w: &str) -> bool {
        same_bytes(self.bytes(i), w.as_bytes())
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let b = self.bytes(i);
        ws.iter().any(|w| same_bytes(b, w.as_bytes()))
    }

    fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn digits(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Digits || t.span.len() > 9 {
            return None;
        }
        // At most nine ASCII digits: the value fits a u32, read on the bytes (the grammar asks at
        // nearly every start; `str::parse` checks for signs and overflow each time).
        let value = self.bytes(i).iter().fold(0u32, |v, b| v * 10 + u32::from(b - b'0'));
        Some((value, t.span.len()))
    }

    /// Skips one optional token equal to `w`.
    fn opt(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) {
            i + 1
        } else {
            i
        }
    }

    fn opt_any(&self, i: usize, ws: &[&str]) -> usize {
        if self.is_any(i, ws) {
            i + 1
        } else {
            i
        }
    }

    /// The token after `end` continues the same word or number ("2015a", "12-34"): not a boundary.
    fn runs_on(&self, end: usize) -> bool {
        match self.toks.get(end) {
            Some(t) if t.glued => match t.kind {
                TokKind::Word | TokKind::Digits => true,
                TokKind::Symbol => {
                    matches!(self.t(end), "-" | "/" | "." | ":" | ",")
                        && self.kind(end + 1) == Some(TokKind::Digits)
                        && self.glued(end + 1)
                }
            },
            _ => false,
        }
    }

    /// The token at `start` is glued to a word or number before it ("A1", "133-03").
    fn runs_in(&self, start: usize) -> bool {
        if start == 0 || !self.glued(start) {
            return false;
        }
        match self.kind(start - 1) {
            Some(TokKind::Word) | Some(TokKind::Digits) => true,
            // URLs and codes: "%3D203D", "report_2017", "id=2016"
            _ if matches!(self.t(start - 1), "%" | "=" | "&" | "_" | "#" | "+" | "\\") => true,
            _ => {
                matches!(self.t(start - 1), "-" | "/" | "." | ":")
                    && start >= 2
                    && self.glued(start - 1)
                    && self.kind(start - 2) == Some(TokKind::Digits)
            }
        }
    }

    // ------------------------------------------------------------ numbers

    /// A number word or digits up to 99, with ordinal suffixes: (end, value, is_ordinal).
    fn small_number(&self, i: usize) -> Option<(usize, u32, bool)> {
        if let Some((v, len)) = self.digits(i) {
            if len > 2 {
                return None;
            }
            let suffix = self.glued(i + 1) && self.is_any(i + 1, &["st", "nd", "rd", "th"]);
            return Some(if suffix { (i + 2, v, true) } else { (i + 1, v, false) });
        }
        let (v, ord) = self.number_word(i)?;
        if (20..=90).contains(&v) && v % 10 == 0 && !ord {
            // "twenty nine", "twenty-fourth"
            let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            if let Some((u, o)) = self.number_word(j) {
                if (1..=9).contains(&u) {
                    return Some((j + 1, v + u, o));
                }
            }
        }
        Some((i + 1, v, ord))
    }

    /// A day of the month: 1–31, digits or words.
    fn day_of_month(&self, i: usize) -> Option<(usize, u32, bool)> {
        let (end, v, ord) = self.small_number(i)?;
        (1..=31).contains(&v).then_some((end, v, ord))
    }

    /// A four-digit year, or one in words ("nineteen ninety six", "two thousand and fifteen").
    fn year(&self, i: usize) -> Parsed<i32> {
        if let Some((v, 4)) = self.digits(i) {
            return (1000..=2199).contains(&v).then_some((i + 1, v as i32));
        }
        let (first, false) = self.number_word(i)? else { return None };
        if first == 2 && self.is(i + 1, "thousand") {
            let mut end = i + 2;
            let mut year = first * 1000;
            let j = self.opt(end, "and");
            if let Some((e, v, false)) = self.small_number(j) {
                if self.kind(j) == Some(TokKind::Word) {
                    year += v;
                    end = e;
                }
            }
            return Some((end, year as i32));
        }
        if (10..=20).contains(&first) {
            let (end, rest, false) = self.small_number(i + 1)? else { return None };
            if self.kind(i + 1) == Some(TokKind::Word) && (10..=99).contains(&rest) {
                return Some((end, (first * 100 + rest) as i32));
            }
        }
        None
    }

    // ------------------------------------------------------------ resolution

    fn month_day(&self, year: Option<i32>, month: u32, day: u32) -> Option<When> {
        match (year, self.ctx.today) {
            (Some(y), _) => is_valid(y, month, day).then_some(When::Day(Date { year: y, month, day })),
            (None, Some(today)) => {
                // The nearest such day to the publication date, on the side the tense points to.
                let tense = self.tense();
                let candidates = [today.year - 1, today.year, today.year + 1];
                candidates
                    .iter()
                    .filter(|&&y| is_valid(y, month, day))
                    .map(|&y| Date { year: y, month, day })
                    .filter(|&d| match tense {
                        Tense::Past => d <= today,
                        Tense::Future => d >= today,
                        Tense::Unknown => true,
                    })
                    .min_by_key(|&d| news_distance(super::calendar::day_number(d) - super::calendar::day_number(today)))
                    .map(When::Day)
            }
            (None, None) => (day <= 31).then_some(When::MonthDay { month, day }),
        }
    }

    fn month_alone(&self, month: u32) -> When {
        match self.ctx.today {
            Some(today) => {
                let diff = month as i32 - today.month as i32;
                let year = match self.tense() {
                    Tense::Past if diff > 0 => today.year - 1,
                    Tense::Future if diff < 0 => today.year + 1,
                    Tense::Past | Tense::Future => today.year,
                    // News looks back more than ahead: a later month is this year's only when close.
                    Tense::Unknown if diff > 0 && news_distance(i64::from(diff)) > i64::from(12 - diff) => {
                        today.year - 1
                    }
                    Tense::Unknown if diff < 0 && news_distance(i64::from(12 + diff)) < i64::from(-diff) => {
                        today.year + 1
                    }
                    Tense::Unknown => today.year,
                };
                When::Month { year: Some(year), month }
            }
            None => When::Month { year: None, month },
        }
    }

    fn weekday_when(&self, wd: u32, shift: WeekdayShift) -> When {
        match self.ctx.today {
            Some(today) => When::Day(place_weekday(today, wd, shift)),
            None => When::Weekday(wd),
        }
    }

    fn shifted(&self, f: impl FnOnce(Date) -> When) -> When {
        self.ctx.today.map_or(When::Unresolved, f)
    }

    // ------------------------------------------------------------ names

    fn month_name(&self, i: usize) -> Option<(usize, u32, Sureness)> {
        let (m, s) = self.entry(i)?.month?;
        // "Jan." — the full stop of an abbreviation belongs to it.
        let end = if s == Sureness::Abbr && self.is(i + 1, ".") && self.glued(i + 1) { i + 2 } else { i + 1 };
        Some((end, m, s))
    }

    fn weekday_name(&self, i: usize) -> Option<(usize, u32, Sureness)> {
        let (w, s) = self.entry(i)?.weekday?;
        let end = if s == Sureness::Abbr && self.is(i + 1, ".") && self.glued(i + 1) { i + 2 } else { i + 1 };
        Some((end, w, s))
    }

    fn after_date_word(&self, i: usize) -> bool {
        i > 0 && self.is_any(i - 1, DATE_PREPOSITIONS)
    }

    // ------------------------------------------------------------ dates

    /// Dates written with digits: 2017-04-07, 04/07/2017, 7.4.2017, 20161016, 2015-12, 5/12.
    fn numeric_date(&self, i: usize) -> Parsed<When> {
        let (a, alen) = self.digits(i)?;
        if alen == 8 && !self.runs_on(i + 1) {
            let (y, m, d) = ((a / 10_000) as i32, (a / 100) % 100, a % 100);
            if (1900..=2100).contains(&y) && is_valid(y, m, d) {
                return Some((i + 1, When::Day(Date { year: y, month: m, day: d })));
            }
            return None;
        }
        let sep = self.t(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        // Month by name in the middle or end: 05-Aug-2016, 2019-aug-1, 23/Sep/2020, 2020/Sep/23.
        if let Some((e, m, _)) = self.month_name(i + 2) {
            if self.is(e, sep) && self.glued(e) && self.glued(e + 1) {
                let (b, blen) = self.digits(e + 1)?;
                let (y, d) = if alen == 4 {
                    (a as i32, b)
                } else if blen == 4 {
                    (b as i32, a)
                } else {
                    return None;
                };
                return is_valid(y, m, d).then_some((e + 2, When::Day(Date { year: y, month: m, day: d })));
            }
            return None;
        }
        let (b, blen) = self.digits(i + 2)?;
        let third =
            if self.is(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4) { self.digits(i + 4) } else { None };
        if alen == 4 {
            let y = a as i32;
            if let Some((c, _)) = third {
                return is_valid(y, b, c).then_some((i + 5, When::Day(Date { year: y, month: b, day: c })));
            }
            // 2015-12 or 2015-3: a month (dashes only, so "2010/11" scores stay numbers).
            if sep == "-" && blen <= 2 && (1..=12).contains(&b) && !self.runs_on(i + 3) {
                return Some((i + 3, When::Month { year: Some(y), month: b }));
            }
            return None;
        }
        if alen > 2 || blen > 2 {
            return None;
        }
        // Month first (US) unless the first number cannot be a month.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        if let Some((c, clen)) = third {
            let y = match clen {
                4 => c as i32,
                2 => self.two_digit_year(c),
                _ => return None,
            };
            return is_valid(y, m, d).then_some((i + 5, When::Day(Date { year: y, month: m, day: d })));
        }
        // Month and day alone ("on 11/20"): only after a date word or a weekday, or in a list or range.
        let after_weekday = i > 0 && self.is_weekday(i - 1);
        if (sep == "." && !after_weekday) || !(1..=12).contains(&m) || !(1..=31).contains(&d) || self.runs_on(i + 3) {
            return None;
        }
        // "24/7" is round the clock, not the 24th of July.
        if a == 24 && b == 7 {
            return None;
        }
        // "1/4 of members", "and 3/4": fractions, unless a date word comes before ("on 1/4").
        let fraction_like = self.is(i + 3, "of") || (a < b && b <= 10);
        if fraction_like && !self.after_date_word(i) {
            return None;
        }
        // At the start of a sentence only when the second number cannot be a fraction's ("11/20", not "3/4").
        let listed =
            (i > 0 && self.is_any(i - 1, &[",", "or", "and", "to", "next", "this", "from"])) || (i == 0 && b > 12);
        if !(self.after_date_word(i) || listed || after_weekday) {
            return None;
        }
        Some((i + 3, self.month_day(None, m, d)?))
    }

    fn two_digit_year(&self, yy: u32) -> i32 {
        let this = self.ctx.today.map_or(2026, |d| d.year);
        let y = 2000 + yy as i32;
        if y > this + 20 {
            y - 100
        } else {
            y
        }
    }

    /// An optional year after a month or day: ", 2017", " 2017", " of 1995", " in 2020", "/2018".
    fn trailing_year(&self, i: usize) -> Parsed<i32> {
        let j = self.opt_any(i, &[",", "of", "in", "/", "-"]);
        let j = if self.is(j, "the") && self.is(j + 1, "year") { j + 2 } else { j };
        if let Some((e, y)) = self.year(j) {
            if !self.runs_on(e) {
                return Some((e, y));
            }
        }
        // "April of 87", "15 April of 87": a two-digit year only after "of" or an apostrophe.
        if self.is(i, "of") || self.is(i, "'") || self.is(i, "’") {
            if let Some((v, 2)) = self.digits(i + 1) {
                return Some((i + 2, 1900 + v as i32).map_year(|y| {
                    if y + 100 <= self.ctx.today.map_or(2026, |d| d.year) {
                        y + 100
                    } else {
                        y
                    }
                }));
            }
        }
        None
    }

    /// Month name first: "April 7, 2017", "Tue May 9", "january twenty fourth", "April 2017", "April".
    fn month_first(&self, i: usize) -> Parsed<When> {
        let (e, m, sure) = self.month_name(i)?;
        // Day after the month: "April 7", "May/22", "mar4", "Oct. 13", "october, 1st", "Jan 3rd".
        let j = self.opt_any(e, &["/", "-", ","]);
        let j = self.opt(j, "the");
        if let Some((de, d, ord)) = self.day_of_month(j) {
            let not_clock = !((self.is(de, ":") || self.is(de, ".")) && self.glued(de) && self.glued(de + 1));
            let not_unit = ord || !self.is_any(de, &["percent", "%", "per", "million", "billion", "times"]);
            // A lone "may 5" needs the day to look like one (digits) and "may" to look like a month.
            let plausible = sure != Sureness::Ambiguous
                || self.capital(i)
                || self.kind(j) == Some(TokKind::Digits)
                || ord
                || self.after_date_word(i);
            let digits_glued_wrong = self.kind(de) == Some(TokKind::Digits) && self.glued(de);
            if not_clock && not_unit && plausible && !digits_glued_wrong && !self.runs_on(de) {
                if let Some((ye, y)) = self.trailing_year(de) {
                    if let Some(w) = self.month_day(Some(y), m, d) {
                        return Some((ye, w));
                    }
                }
                // "August two thousand and fifteen" is a month and a year, not "August two".
                let month_year_longer = self.trailing_year(e).is_some_and(|(ye, _)| ye > de);
                if let (Some(w), false) = (self.month_day(None, m, d), month_year_longer) {
                    return Some((de, w));
                }
            }
        }
        // Month and year: "April 2017", "Dec-2018", "June of 1992", "april in 2016".
        if let Some((ye, y)) = self.trailing_year(e) {
            return Some((ye, When::Month { year: Some(y), month: m }));
        }
        // "June previous year", "June last year", "June of next year".
        let k = self.opt(e, "of");
        if self.is_any(k, &["previous", "last", "next", "this"]) && self.is(k + 1, "year") {
            let shift = match self.t(k) {
                "previous" | "last" => -1,
                "next" => 1,
                _ => 0,
            };
            // Without a publication date the month is still known: "XXXX-06".
            let w = self
                .ctx
                .today
                .map_or(When::Month { year: None, month: m }, |t| When::Month { year: Some(t.year + shift), month: m });
            return Some((k + 2, w));
        }
        // The month alone: sure names always; "May", "March", "Jan" only where a date is expected.
        let alone_ok = match sure {
            Sureness::Full => !(i > 0 && self.is_any(i - 1, &["an", "most"])),
            _ => {
                (i > 0 && self.is_any(i - 1, AMBIGUOUS_MONTH_CUES))
                    || (i > 1 && self.is_any(i - 1, &["and", "or", "to"]) && self.capital(i) && self.is_month(i - 2))
            }
        };
        alone_ok.then(|| (e, self.month_alone(m)))
    }

    /// Day first: "7 April 2017", "the 7th of April", "04th Jan 2019", "fourth of july, 1995".
    fn day_first(&self, i: usize) -> Parsed<When> {
        let j = self.opt(i, "the");
        let (de, d, ord) = self.day_of_month(j)?;
        if self.kind(j) == Some(TokKind::Word) && !ord && j == i {
            // "seven April" is not a date; "the seventh of April" and "7 April" are.
            return None;
        }
        // "the twenty third day of September", "the 15th day of next month"
        let day_word = ord && self.is(de, "day") && self.is(de + 1, "of");
        let de = if day_word { de + 1 } else { de };
        let k = self.opt(de, "of");
        if day_word {
            let k2 = self.opt(k, "the");
            let shift = match self.t(k2) {
                "next" | "following" => Some(1),
                "last" | "previous" => Some(-1),
                "this" | "the" | "current" => Some(0),
                _ => None,
            };
            if let (Some(shift), true) = (shift, self.is(k2 + 1, "month")) {
                let w = self.shifted(|t| {
                    let m = add_months(Date { day: 1, ..t }, shift);
                    if is_valid(m.year, m.month, d) {
                        When::Day(Date { day: d, ..m })
                    } else {
                        When::Unresolved
                    }
                });
                return Some((k2 + 2, w));
            }
            if self.is(k2, "month") {
                let w = self.shifted(|t| {
                    if is_valid(t.year, t.month, d) {
                        When::Day(Date { day: d, ..t })
                    } else {
                        When::Unresolved
                    }
                });
                return Some((k2 + 1, w));
            }
        }
        let k = self.opt_any(k, &["-", "/"]);
        let (me, m, _) = self.month_name(k)?;
        if let Some((ye, y)) = self.trailing_year(me) {
            return self.month_day(Some(y), m, d).map(|w| (ye, w));
        }
        // "the 19 Sept. 11 hijackers": a day number right after the month is that month's day
        // ("Sept. 11"); the number before the month counts something else.
        if self.kind(me) == Some(TokKind::Digits) && !self.glued(me) && self.day_of_month(me).is_some() {
            return None;
        }
        self.month_day(None, m, d).map(|w| (me, w))
    }

    /// "the 18th" after "on": a day of the current month.
    fn bare_ordinal_day(&self, i: usize) -> Parsed<When> {
        if i == 0 || !self.is_any(i - 1, BARE_ORDINAL_CUES) {
            return None;
        }
        // "on the 18th", or "on 29th" with digits
        let j = self.opt(i, "the");
        if j == i && self.kind(i) != Some(TokKind::Digits) {
            return None;
        }
        let (e, d, true) = self.day_of_month(j)? else { return None };
        // "the first Republican contest" is not a day: a word ordinal needs nothing after it.
        let word_ordinal = self.kind(j) == Some(TokKind::Word);
        // "the 5th U.S. Circuit", "the 20th anniversary": an ordinal before a name or a noun.
        let noun_after = self.kind(e) == Some(TokKind::Word)
            && !self.is_any(e, &["this", "next", "at", "and", "or", "to", "through", "until", "from", "in", "when"]);
        if self.is_any(e, &["of", "century", "day", "week", "month", "year", "time", "floor", "amendment"])
            || (word_ordinal && self.kind(e) == Some(TokKind::Word))
            || noun_after
            || self.capital(e)
        {
            return None;
        }
        let w =
            self.shifted(
                |t| if is_valid(t.year, t.month, d) { When::Day(Date { day: d, ..t }) } else { When::Unresolved },
            );
        Some((e, w))
    }

    /// A weekday, with what comes with it: "on Thursday", "next Friday", "Tue May 9", "Monday 21".
    fn weekday_date(&self, i: usize) -> Parsed<When> {
        let (shift, mut j) = match self.t(i) {
            "next" => (Some(WeekdayShift::NextWeek), i + 1),
            "last" | "previous" => (Some(WeekdayShift::LastWeek), i + 1),
            "this" if self.is(i + 1, "past") => (Some(WeekdayShift::Past), i + 2),
            "this" => (Some(WeekdayShift::ThisWeek), i + 1),
            "coming" | "upcoming" => (Some(WeekdayShift::Coming), i + 1),
            "past" => (Some(WeekdayShift::Past), i + 1),
            // The nearest such weekday, on the side of the tense: read once a weekday is found.
            _ => (None, i),
        };
        // "next week Wednesday", "this week Monday", "previous week - Monday"
        let mut week_first = false;
        if j > i && self.is(j, "week") {
            week_first = true;
            j = self.opt(j + 1, "-");
            j = self.opt(j, "on");
        }
        let (e, wd, sure) = self.weekday_name(j)?;
        if sure == Sureness::Plural {
            return None;
        }
        let mut shift = shift.unwrap_or_else(|| WeekdayShift::Nearest { future: self.tense() == Tense::Future });
        let plain = j == i;
        // "the Sunday Times", "the Monday Club": a name, not a day.
        if plain && i > 0 && self.is(i - 1, "the") && self.capital(e) && !self.is_month(e) {
            return None;
        }
        // Full date after the weekday: "Tue May 9", "Wednesday, April 5, 2017", "Friday 7.6".
        let k = self.opt_any(e, &[",", "-", "("]);
        if let Some((end, when)) = self.month_first(k).or_else(|| self.day_first(k)).or_else(|| self.numeric_date(k)) {
            if matches!(when, When::Day(_) | When::MonthDay { .. }) {
                let end = if self.is(k - 1, "(") && self.is(end, ")") { end + 1 } else { end };
                return Some((end, when));
            }
        }
        // "Thursday, two years from now", "Monday two weeks from now": that week's weekday.
        if let Some((end, When::Day(d))) = self.offset_date(self.opt(e, ",")) {
            return Some((end, When::Day(add_days(monday_of(d), i64::from(wd) - 1))));
        }
        // "Monday 21", "Mon 13th", "tuesday the eleventh"
        let k2 = self.opt(e, "the");
        if let Some((de, d, ord)) = self.day_of_month(k2) {
            if (ord || self.kind(k2) == Some(TokKind::Digits))
                && !((self.is(de, ":") || self.is(de, ".")) && self.glued(de) && self.glued(de + 1))
                && !self.is_any(de, &["am", "pm"])
                && !self.runs_on(de)
            {
                return Some((de, self.weekday_with_day(wd, d)));
            }
        }
        if sure == Sureness::Abbr && plain && !self.capital(i) {
            return None;
        }
        if sure == Sureness::Abbr && plain && !(i > 0 && self.is_any(i - 1, &["on", "every", "each", "by", "until"])) {
            // "Sat at 5" is fine; "the Sun" is a newspaper.
            if !(self.is(e, "at") || self.is(e, ",")) {
                return None;
            }
        }
        if !week_first {
            // "Tuesday of next week", "monday of the following week"
            let k = self.opt(e, "of");
            let k = self.opt(k, "the");
            if k > e && self.is_any(k, &["next", "last", "previous", "following", "this"]) && self.is(k + 1, "week") {
                shift = match self.t(k) {
                    "next" | "following" => WeekdayShift::NextWeek,
                    "this" => WeekdayShift::ThisWeek,
                    _ => WeekdayShift::LastWeek,
                };
                return Some((k + 2, self.weekday_when(wd, shift)));
            }
            // "next week on Tuesday" reads weekday after "week"; here "Monday next week".
            if self.is_any(e, &["next", "last", "this"]) && self.is(e + 1, "week") {
                shift = match self.t(e) {
                    "next" => WeekdayShift::NextWeek,
                    "this" => WeekdayShift::ThisWeek,
                    _ => WeekdayShift::LastWeek,
                };
                return Some((e + 2, self.weekday_when(wd, shift)));
            }
        }
        Some((e, self.weekday_when(wd, shift)))
    }

    /// "Monday 21": the nearest month in which the 21st is a Monday.
    fn weekday_with_day(&self, wd: u32, d: u32) -> When {
        let Some(today) = self.ctx.today else { return When::Weekday(wd) };
        let first = Date { day: 1, ..today };
        for step in [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6] {
            let m = add_months(first, step);
            if is_valid(m.year, m.month, d) {
                let day = Date { day: d, ..m };
                if weekday(day) == wd {
                    return When::Day(day);
                }
            }
        }
        When::Weekday(wd)
    }

    /// today, tomorrow, yesterday, tonight, the day after tomorrow, …
    fn relative_day(&self, i: usize) -> Parsed<When> {
        // "the Today programme", "NBC's Today show": a capitalised title in mid-sentence.
        if i > 0
            && self.capital(i)
            && self.kind(i - 1) != Some(TokKind::Symbol)
            && self.is_any(i, &["today", "tonight"])
        {
            return None;
        }
        let (end, offset) = match self.t(i) {
            "today" | "tonight" | "tonite" => (i + 1, 0),
            "tomorrow" | "tmrw" | "tmr" => (i + 1, 1),
            "yesterday" => (i + 1, -1),
            "the" if self.is(i + 1, "day") && self.is(i + 2, "after") && self.is(i + 3, "tomorrow") => (i + 4, 2),
            "the" if self.is(i + 1, "day") && self.is(i + 2, "before") && self.is(i + 3, "yesterday") => (i + 4, -2),
            "the" if self.is(i + 1, "day") && self.is(i + 2, "after") => (i + 3, 1),
            "right" if self.is(i + 1, "now") => (i + 2, 0),
            // "over the weekend": the nearest Saturday.
            "the" if self.is(i + 1, "weekend") => {
                let future = self.tense() == Tense::Future;
                return Some((
                    i + 2,
                    self.shifted(|t| When::Day(place_weekday(t, 6, WeekdayShift::Nearest { future }))),
                ));
            }
            "at" if self.is(i + 1, "the") && self.is(i + 2, "moment") => (i + 3, 0),
            _ => return None,
        };
        Some((end, self.shifted(|t| When::Day(add_days(t, offset)))))
    }

    /// last week, next month, this year, the following week, the week after next, last quarter, …
    fn relative_period(&self, i: usize) -> Parsed<When> {
        let j = self.opt(i, "the");
        // "ABC's “This Week”": a capitalised title in mid-sentence, not this week.
        let title = j > 0 && self.capital(j) && self.capital(j + 1) && self.kind(j - 1) != Some(TokKind::Symbol);
        if title {
            return None;
        }
        let (shift, k) = match self.t(j) {
            "last" | "previous" | "past" => (-1, j + 1),
            "next" | "following" | "coming" | "upcoming" => (1, j + 1),
            "this" | "current" | "same" | "that" => (0, j + 1),
            "week" if j > i && self.is(j + 1, "after") && self.is(j + 2, "next") => {
                return Some((j + 3, self.shifted(|t| When::Week(add_days(monday_of(t), 14)))));
            }
            _ => return None,
        };
        // "this or next week"
        let (shift, k) = if self.is(k, "or") && self.is_any(k + 1, &["next", "last"]) {
            (if self.is(k + 1, "next") { 1 } else { -1 }, k + 2)
        } else {
            (shift, k)
        };
        // "last fiscal year", "this school year"
        let fiscal = self.is_any(k, &["fiscal", "financial", "school", "academic"]) && self.is(k + 1, "year");
        if fiscal || (self.is(k, "calendar") && self.is(k + 1, "year")) {
            let w = self.shifted(|t| {
                let y = t.year + shift as i32;
                if fiscal {
                    When::Label(format!("FY{y}"))
                } else {
                    When::Year(y)
                }
            });
            return Some((k + 2, w));
        }
        let unit = self.t(k);
        let when = match unit {
            "week" | "workweek" => self.shifted(|t| When::Week(add_days(monday_of(t), 7 * shift))),
            "weekend" => self.shifted(|t| When::Day(add_days(monday_of(t), 7 * shift + 5))),
            "month" => self.shifted(|t| {
                let m = add_months(Date { day: 1, ..t }, shift as i32);
                When::Month { year: Some(m.year), month: m.month }
            }),
            "year" => self.shifted(|t| When::Year(t.year + shift as i32)),
            "quarter" => self.shifted(|t| {
                let q = (t.year * 4 + (t.month as i32 - 1) / 3) + shift as i32;
                When::Label(format!("{}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1))
            }),
            "decade" => self.shifted(|t| When::Label(format!("{}X", (t.year / 10 + shift as i32)))),
            "century" => self.shifted(|t| When::Label(format!("{}XX", (t.year / 100 + shift as i32)))),
            "summer" | "winter" | "spring" | "autumn" | "fall" => {
                let code = season_code(unit);
                self.shifted(|t| When::Label(format!("{}-{code}", t.year + shift as i32)))
            }
            _ => {
                // A month after last/next/this: "last March", "next May" (not "this may take", "that August").
                let (e, m, sure) = self.month_name(k)?;
                if self.is(j, "that") {
                    return None;
                }
                if sure != Sureness::Full && !self.capital(k) {
                    return None;
                }
                let w = self.ctx.today.map_or(When::Month { year: None, month: m }, |t| {
                    let y = match shift {
                        -1 if m >= t.month => t.year - 1,
                        1 if m <= t.month => t.year + 1,
                        _ => t.year,
                    };
                    When::Month { year: Some(y), month: m }
                });
                return Some((e, w));
            }
        };
        // "this" alone is too common as a pronoun: "that week" only with "the same"/"that" + noun.
        if self.is(j, "that") && unit != "weekend" {
            return None;
        }
        Some((k + 1, when))
    }

    /// "in 2012", "since 1990", "the year 2008", "fiscal year 2018", "2017 q1", "Q1 2017", "1990s".
    fn year_date(&self, i: usize) -> Parsed<When> {
        // Quarters and halves: "q1 2017", "q1-2019", "q1 of 2017", "2017 q1", "2017-q1", "2019 H2".
        if let Some((e, q)) = self.quarter(i) {
            let k = self.opt_any(e, &["-", "of", ","]);
            if let Some((ye, y)) = self.year(k) {
                return Some((ye, When::Label(q.label(y))));
            }
        }
        // Fiscal years: "fiscal 2017", "fiscal year 2018", "FY2018", "FY18".
        if self.is_any(i, &["fiscal", "fy"]) {
            let k = if self.is(i, "fiscal") && self.is(i + 1, "year") { i + 2 } else { i + 1 };
            if let Some((e, y)) = self.year(k) {
                return Some((e, When::Label(format!("FY{y}"))));
            }
            if let (true, Some((v, 2))) = (self.is(i, "fy") && self.glued(k), self.digits(k)) {
                return Some((k + 1, When::Label(format!("FY{}", self.two_digit_year(v)))));
            }
        }
        let mut j = i;
        let named = if (self.is(j, "the") || self.is_any(j, &["calendar", "financial"])) && self.is(j + 1, "year") {
            j += 2;
            true
        } else if self.is_any(j, &["year", "cy", "fy"]) {
            j += 1;
            true
        } else {
            false
        };
        let (e, y) = self.year(j)?;
        if self.runs_in(j) && !named {
            return None;
        }
        if let Some((qe, q)) = self.quarter(self.opt(e, "-")) {
            return Some((qe, When::Label(q.label(y))));
        }
        // Decades: "1990s", "the 1990s".
        if self.is(e, "s") && self.glued(e) && y % 10 == 0 {
            return Some((e + 1, When::Label(format!("{}X", y / 10))));
        }
        if self.runs_on(e) {
            return None;
        }
        let in_words = self.kind(j) == Some(TokKind::Word);
        let after_prep =
            j > 0 && self.is_any(j - 1, DATE_PREPOSITIONS) && !self.is(j - 1, "last") && !self.is(j - 1, "next");
        // "later than 2015", "greater than 2015" (not "more than 2015 people")
        let after_comparison = j > 1 && self.is(j - 1, "than") && self.is_any(j - 2, &["later", "earlier", "greater"]);
        let after_prep = after_prep || after_comparison;
        let listed =
            j > 1 && self.is_any(j - 1, &["and", "or", "to", ","]) && self.digits(j - 2).is_some_and(|(_, l)| l == 4);
        let followed_by_unit = self.is_any(e, &["%", "percent", "per"]);
        if (named || after_prep || listed || (in_words && j > 0 && self.is(j - 1, "in"))) && !followed_by_unit {
            return Some((e, When::Year(y)));
        }
        None
    }

    fn quarter(&self, i: usize) -> Parsed<Quarter> {
        let t = self.t(i);
        if matches!(t, "q" | "h") && self.glued(i + 1) {
            let (n, 1) = self.digits(i + 1)? else { return None };
            let half = t == "h";
            return ((half && (1..=2).contains(&n)) || (!half && (1..=4).contains(&n)))
                .then_some((i + 2, Quarter { n, half }));
        }
        // "the first quarter of 2017"
        let j = self.opt(i, "the");
        let (e, n, true) = self.small_number(j)? else { return None };
        if self.is(e, "quarter") && (1..=4).contains(&n) && self.is(e + 1, "of") {
            return Some((e + 2, Quarter { n, half: false }));
        }
        None
    }

    /// Seasons and holidays: "summer 2017", "this summer", "Christmas", "Easter 2018", "last easter".
    fn named_day(&self, i: usize) -> Parsed<When> {
        let (shift, j) = match self.t(i) {
            "last" | "previous" => (-1, i + 1),
            "next" | "following" => (1, i + 1),
            "this" => (0, i + 1),
            _ => (0, i),
        };
        // The longest holiday name at j ("Christmas Eve" before "Christmas"); apostrophe marks are skipped.
        let mut found: Option<(usize, Holiday)> = None;
        for (rest, h) in self.holidays(j) {
            let mut k = j + 1;
            let mut matched = true;
            for word in rest.iter() {
                if self.is_any(k, &["'", "’"]) {
                    k += 1;
                }
                if !self.is(k, word) {
                    matched = false;
                    break;
                }
                k += 1;
            }
            if matched && found.is_none_or(|(e, _)| k > e) {
                found = Some((k, *h));
            }
        }
        if let Some((e, h)) = found {
            let (e, year) = match self.trailing_year(e) {
                Some((ye, y)) => (ye, Some(y)),
                None => (e, None),
            };
            let when = match (year, self.ctx.today) {
                (Some(y), _) => When::Day(holiday_date(h, y)),
                (None, Some(t)) => {
                    let this = holiday_date(h, t.year);
                    let y = match shift {
                        -1 if this >= t => t.year - 1,
                        1 if this <= t => t.year + 1,
                        -1 | 1 => t.year,
                        // Nearest occurrence.
                        _ => {
                            let dist = |y: i32| {
                                (super::calendar::day_number(holiday_date(h, y)) - super::calendar::day_number(t)).abs()
                            };
                            *[t.year - 1, t.year, t.year + 1].iter().min_by_key(|&&y| dist(y)).unwrap_or(&t.year)
                        }
                    };
                    When::Day(holiday_date(h, y))
                }
                (None, None) => match h {
                    Holiday::Fixed(m, d) => When::MonthDay { month: m, day: d },
                    _ => When::Unresolved,
                },
            };
            return Some((e, when));
        }
        // Seasons: "summer" alone, "spring"/"fall" only with a year or a determiner.
        let season = self.t(j);
        if matches!(season, "summer" | "winter" | "autumn" | "spring" | "fall") {
            let code = season_code(season);
            if let Some((ye, y)) = self.trailing_year(j + 1) {
                return Some((ye, When::Label(format!("{y}-{code}"))));
            }
            let determined = j > i
                || (i > 0
                    && self.is_any(i - 1, &["the", "in", "this", "last", "next", "during", "of", "until", "since"]));
            if determined || matches!(season, "summer" | "winter" | "autumn") {
                let w = match (j > i, self.ctx.today) {
                    (true, Some(t)) => When::Label(format!("{}-{code}", t.year + shift)),
                    (false, Some(t)) => When::Label(format!("{}-{code}", t.year)),
                    _ => When::Label(format!("XXXX-{code}")),
                };
                return Some((j + 1, w));
            }
        }
        None
    }

    /// early/mid/late, beginning/end/middle of: "mid-November", "the end of 1989", "early this month".
    fn part_of_period(&self, i: usize) -> Parsed<When> {
        let j = self.opt(i, "the");
        let k = match self.t(j) {
            "early" | "late" | "mid" | "earlier" | "later" => {
                let k = self.opt(j + 1, "-");
                self.opt(k, "in")
            }
            "beginning" | "end" | "middle" | "start" | "eoy" if self.is(j + 1, "of") => j + 2,
            _ => return None,
        };
        let k = self.opt(k, "the");
        if self.is(k, "day") && self.is(j, "end") {
            return Some((k + 1, self.shifted(When::Day)));
        }
        if self.is_any(k, &["week", "month", "year"]) && !self.is(k + 1, "of") {
            // "end of the week", "end of month"
            let w = match self.t(k) {
                "week" => self.shifted(|t| When::Week(monday_of(t))),
                "month" => self.shifted(|t| When::Month { year: Some(t.year), month: t.month }),
                _ => self.shifted(|t| When::Year(t.year)),
            };
            return Some((k + 1, w));
        }
        let (e, w) = self
            .relative_period(k)
            .or_else(|| self.relative_day(k))
            .or_else(|| self.month_first(k))
            .or_else(|| self.year(k).map(|(e, y)| (e, When::Year(y))))?;
        Some((e, w))
    }

    /// "week 10", "the week of April 10th", "first week of 2015", "last week of July", "w/c Feb 4".
    fn week_of(&self, i: usize) -> Parsed<When> {
        let j = self.opt(i, "the");
        if self.is(j, "week") && !self.is(j + 1, "of") {
            if let Some((n, len)) = self.digits(j + 1) {
                if len <= 2 && (1..=53).contains(&n) {
                    let k = self.opt(j + 2, "of");
                    let year =
                        self.year(k).map(|(e, y)| (e, Some(y))).unwrap_or((j + 2, self.ctx.today.map(|t| t.year)));
                    let (e, y) = year;
                    let w = match y {
                        Some(y) => {
                            let jan4 = Date { year: y, month: 1, day: 4 };
                            When::Week(add_days(monday_of(jan4), 7 * (i64::from(n) - 1)))
                        }
                        None => When::Unresolved,
                    };
                    return Some((e, w));
                }
            }
        }
        // "the week of April 10th", "the week beginning February 4", "w/c Feb 4"
        let k = if self.is(j, "week") && self.is_any(j + 1, &["of", "beginning", "commencing", "starting"]) {
            j + 2
        } else if self.is(j, "w") && self.is(j + 1, "/") && self.is(j + 2, "c") {
            j + 3
        } else {
            // "first week of 2015", "the last week of July"
            let (e, n) = match self.t(j) {
                "last" => (j + 1, -1),
                _ => {
                    let (e, n, true) = self.small_number(j)? else { return None };
                    (e, n as i64)
                }
            };
            if !(self.is(e, "week") && self.is(e + 1, "of")) {
                return None;
            }
            let (me, period) = self.month_first(e + 2).or_else(|| self.year(e + 2).map(|(x, y)| (x, When::Year(y))))?;
            let (first, last) = match period {
                When::Month { year: Some(y), month } => {
                    (Date { year: y, month, day: 1 }, Date { year: y, month, day: crate::days_in_month(y, month) })
                }
                When::Year(y) => (Date { year: y, month: 1, day: 1 }, Date { year: y, month: 12, day: 31 }),
                _ => return Some((me, When::Unresolved)),
            };
            let monday = if n < 0 {
                add_days(monday_of(last), if weekday(last) < 4 { -7 } else { 0 })
            } else {
                let start = if weekday(first) <= 4 { monday_of(first) } else { add_days(monday_of(first), 7) };
                add_days(start, 7 * (n - 1))
            };
            return Some((me, When::Week(monday)));
        };
        let k = self.opt(k, "the");
        let (e, w) = self.month_first(k).or_else(|| self.day_first(k)).or_else(|| {
            let (e, d, true) = self.day_of_month(k)? else { return None };
            Some((e, self.shifted(|t| When::Day(Date { day: d.min(crate::days_in_month(t.year, t.month)), ..t }))))
        })?;
        let w = match w {
            When::Day(d) => When::Week(monday_of(d)),
            other => other,
        };
        Some((e, w))
    }

    /// Decades and centuries: "the nineties", "the '90s", "90s", "the 21st century".
    fn decade(&self, i: usize) -> Parsed<When> {
        const DECADES: [&str; 8] =
            ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
        if let Some(n) = DECADES.iter().position(|&d| self.is(i, d)) {
            if i > 0 && self.is_any(i - 1, &["the", "in", "early", "late", "mid", "since"]) {
                return Some((i + 1, When::Label(format!("19{}X", n + 2))));
            }
            return None;
        }
        let j = if self.is_any(i, &["'", "’"]) { i + 1 } else { i };
        // "a man in his 70s" is an age, not the 1970s.
        let age = i > 0
            && self.is_any(i - 1, &["his", "her", "their", "its", "my", "your", "our", "early", "late", "mid"])
            && !(i > 1 && self.is(i - 2, "the"));
        if let (Some((v, 2)), false) = (self.digits(j), age) {
            // "90s", "'90s", "90 s" after "the"/"in"
            let s_after = self.is(j + 1, "s") && (self.glued(j + 1) || (i > 0 && self.is_any(i - 1, &["the", "in"])));
            if v % 10 == 0 && s_after && !self.runs_on(j + 2) {
                let century = if v > 20 { 19 } else { 20 };
                return Some((j + 2, When::Label(format!("{century}{}X", v / 10))));
            }
        }
        let (e, n, true) = self.small_number(i)? else { return None };
        (self.is(e, "century") && (1..=30).contains(&n)).then(|| (e + 1, When::Label(format!("{:02}XX", n - 1))))
    }

    /// Any single date expression.
    pub fn date(&self, i: usize) -> Parsed<When> {
        if self.runs_in(i) && self.month_name(i).is_none() {
            return None;
        }
        let candidates = [
            self.numeric_date(i),
            self.month_first(i),
            self.day_first(i),
            self.weekday_date(i),
            self.relative_day(i),
            self.relative_period(i),
            self.year_date(i),
            self.named_day(i),
            self.part_of_period(i),
            self.week_of(i),
            self.bare_ordinal_day(i),
            self.decade(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(e, _)| *e)
    }

    // ------------------------------------------------------------ clock times

    /// "am"/"pm" in its spellings: "pm", "p.m.", "p . m .", "p m", glued "p" ("7p").
    fn meridiem(&self, i: usize) -> Parsed<bool> {
        let t = self.t(i);
        let pm = match t {
            "am" | "a" => false,
            "pm" | "p" => true,
            _ => return None,
        };
        if t.len() == 2 {
            let e = if self.is(i + 1, ".") && self.glued(i + 1) { i + 2 } else { i + 1 };
            return Some((e, pm));
        }
        // "a.m.", "a . m .", "a m", or a glued "7p"/"8:45a".
        let j = self.opt(i + 1, ".");
        if self.is(j, "m") {
            let e = self.opt(j + 1, ".");
            return Some((e, pm));
        }
        (self.glued(i) && !self.runs_on(i + 1)).then_some((i + 1, pm))
    }

    /// Applies am/pm to an hour on the 12-hour clock.
    fn apply_meridiem(hour: u32, pm: bool) -> Option<u32> {
        match (hour, pm) {
            (1..=11, false) => Some(hour),
            (12, false) => Some(0),
            (1..=11, true) => Some(hour + 12),
            (12, true) => Some(12),
            (0, _) => Some(0),
            _ => None,
        }
    }

    /// Part of the day after a time: "in the evening", "at night", "tonight", "this morning".
    fn day_part(&self, i: usize) -> Parsed<DayPart> {
        let j = if self.is_any(i, &["in", "at", "this", "tomorrow", "yesterday", "early", "late"]) { i + 1 } else { i };
        let j = self.opt(j, "the");
        // "Saturday Night Live": a capitalised part of the day in mid-sentence is a title.
        if j > 0 && self.capital(j) && self.kind(j - 1) != Some(TokKind::Symbol) {
            return None;
        }
        let part = match self.t(j) {
            "morning" => DayPart::Morning,
            "afternoon" => DayPart::Afternoon,
            "evening" => DayPart::Evening,
            "night" | "tonight" | "tonite" => DayPart::Night,
            _ => return None,
        };
        Some((j + 1, part))
    }

    /// A clock time: "16:30", "6pm", "6:30 p.m.", "noon", "half past seven", "seven o'clock".
    /// Bare numbers ("at 5") count only after "at" (see [`Parser::at_time`]).
    pub fn clock(&self, i: usize) -> Parsed<Clock> {
        let (e, c) = self.clock_with_day_part(i)?;
        Some((self.zone_end(e), c))
    }

    /// After a time: a time zone belongs to it ("16:30 GMT", "9 a.m. ET"); the value stays local.
    fn zone_end(&self, e: usize) -> usize {
        let zone = matches!(
            self.t(e),
            "gmt"
                | "utc"
                | "bst"
                | "cet"
                | "cest"
                | "eet"
                | "est"
                | "edt"
                | "cst"
                | "cdt"
                | "mst"
                | "mdt"
                | "pst"
                | "pdt"
                | "et"
                | "pt"
                | "ct"
                | "mt"
                | "ist"
                | "jst"
                | "msk"
                | "aest"
        );
        // Two-letter zones only in capitals ("ET", not "et").
        if zone && (self.t(e).len() > 2 || self.toks.get(e).is_some_and(|t| t.span.len() == 2 && t.capital)) {
            e + 1
        } else if self.is(e, "local") && self.is(e + 1, "time") {
            e + 2
        } else {
            e
        }
    }

    fn clock_with_day_part(&self, i: usize) -> Parsed<Clock> {
        let (e, mut c, has_meridiem) = self.clock_core(i)?;
        // "7 in the evening", "8 tonight"
        if let Some((pe, part)) = self.day_part(e) {
            if !has_meridiem && c.hour < 12 && part != DayPart::Morning && !(part == DayPart::Night && c.hour < 4) {
                c.hour += 12;
            }
            let joined = self.is_any(e, &["in", "at", "early", "late"])
                || self.day_part(e).is_some_and(|_| self.is_any(e, &["morning", "afternoon", "evening"]));
            if joined || (self.is_any(e, &["this", "tonight", "tonite"]) && !has_meridiem) {
                return Some((pe, c));
            }
        }
        Some((e, c))
    }

    fn clock_core(&self, i: usize) -> Option<(usize, Clock, bool)> {
        match self.t(i) {
            "noon" | "midday" | "noonish" => return Some((i + 1, Clock::new(12, 0), true)),
            "midnight" => return Some((i + 1, Clock::new(0, 0), true)),
            "mid" if self.is(i + 1, "night") => return Some((i + 2, Clock::new(0, 0), true)),
            "half" | "quarter" if self.is(i + 1, "past") || self.is(i + 1, "to") => {
                let (e, h, _) = self.hour_word_or_digits(i + 2)?;
                let minutes = if self.is(i, "half") { 30 } else { 15 };
                let c = if self.is(i + 1, "past") {
                    Clock::new(h, minutes)
                } else {
                    Clock::new((h + 23) % 24, 60 - minutes)
                };
                let e = self.oclock(e);
                return Some((e, c, false));
            }
            _ => {}
        }
        // Digits: H:MM[:SS], H.MM with am/pm, H am/pm, HHMM am/pm, 12 noon, 11ish
        if let Some((h, hlen)) = self.digits(i) {
            let mut e = i + 1;
            let mut c = Clock::new(h, 0);
            let mut colon = false;
            if self.is(e, ":") && self.glued(e) && self.glued(e + 1) {
                let (m, 2) = self.digits(e + 1)? else { return None };
                c.minute = m;
                e += 2;
                colon = true;
                if self.is(e, ":") && self.glued(e) && self.glued(e + 1) {
                    if let Some((s, 2)) = self.digits(e + 1) {
                        c.second = Some(s);
                        e += 2;
                    }
                }
            } else if self.is(e, ".") && self.glued(e) && self.glued(e + 1) {
                // "8.30pm" — a decimal point, so only with am/pm after it (or "at" before: see at_time)
                let (m, 2) = self.digits(e + 1)? else { return None };
                let (me, pm) = self.meridiem(e + 2)?;
                return Some((me, Clock::new(Self::apply_meridiem(h, pm)?, m), true));
            } else if hlen == 4 {
                c = Clock::new(h / 100, h % 100);
            } else if hlen > 2 {
                return None;
            }
            if c.hour > 23 || c.minute > 59 || c.second.is_some_and(|s| s > 59) {
                return None;
            }
            if let Some((me, pm)) = self.meridiem(e) {
                c.hour = Self::apply_meridiem(c.hour, pm)?;
                return Some((me, c, true));
            }
            if self.is(e, "noon") {
                return (h == 12).then_some((e + 1, Clock::new(12, 0), true));
            }
            if self.is(e, "ish") && self.glued(e) {
                return Some((e + 1, c, false));
            }
            let oe = self.oclock(e);
            if oe > e {
                return (c.hour <= 12).then_some((oe, c, false));
            }
            // "15 past seven", "20 min past eight"
            if let Some(r) = self.minutes_past(i) {
                return Some(r);
            }
            if colon && hlen <= 2 && !self.runs_on(e) {
                return Some((e, c, c.hour > 12 || c.hour == 0));
            }
            // "1630 GMT": four digits are a time only with a zone after them.
            if hlen == 4 && self.zone_end(e) > e && self.capital(e) {
                return Some((e, c, true));
            }
            return None;
        }
        // Number words: "six pm", "one thirty p m", "seven o'clock", "five-thirty", "ten past 9"
        if let Some(r) = self.minutes_past(i) {
            return Some(r);
        }
        let (e, h, false) = self.small_number(i)? else { return None };
        if self.kind(i) != Some(TokKind::Word) || !(1..=12).contains(&h) {
            return None;
        }
        let mut c = Clock::new(h, 0);
        let mut e = e;
        let j = self.opt(e, "-");
        if let Some((me, m, false)) = self.small_number(j) {
            if self.kind(j) == Some(TokKind::Word) && (10..=59).contains(&m) {
                c.minute = m;
                e = me;
            }
        }
        if let Some((me, pm)) = self.meridiem(e) {
            c.hour = Self::apply_meridiem(c.hour, pm)?;
            return Some((me, c, true));
        }
        let oe = self.oclock(e);
        if oe > e {
            return Some((oe, c, false));
        }
        // "five-thirty" / "one thirty" with minutes, or "one in the morning", is a time only with a day part after it.
        if (c.minute > 0 || self.is_any(e, &["in", "at"])) && self.day_part(e).is_some() {
            return Some((e, c, false));
        }
        None
    }

    fn oclock(&self, i: usize) -> usize {
        if self.is_any(i, &["o'clock", "o’clock", "oclock"]) {
            i + 1
        } else {
            i
        }
    }

    fn hour_word_or_digits(&self, i: usize) -> Option<(usize, u32, bool)> {
        let (e, h, ord) = self.small_number(i)?;
        (!ord && (0..=12).contains(&h) && self.glued(e).then_some(()).is_none_or(|_| !self.runs_on(e)))
            .then_some((e, h, ord))
    }

    /// "20 min past eight", "ten past 9", "15 past seven o'clock", "quarter to nine".
    fn minutes_past(&self, i: usize) -> Option<(usize, Clock, bool)> {
        let (e, m, false) = self.small_number(i)? else { return None };
        let j = self.opt_any(e, &["min", "mins", "minute", "minutes"]);
        if !self.is_any(j, &["past", "after", "to", "before"]) || !(1..=59).contains(&m) {
            return None;
        }
        // "eight to 10" is a count range: "to"/"before"/"after" need "minutes" to be a time.
        if j == e && !self.is(j, "past") {
            return None;
        }
        let (he, h, _) = self.hour_word_or_digits(j + 1)?;
        let c = if self.is_any(j, &["past", "after"]) { Clock::new(h, m) } else { Clock::new((h + 23) % 24, 60 - m) };
        Some((self.oclock(he), c, false))
    }

    /// "at 5", "at 6.45", "at 10:20": a bare hour is a time only after "at".
    /// `after_date`: a day comes just before ("Monday at 5"); otherwise a bare hour needs a day or
    /// a part of the day after it ("at 5 tomorrow", "at 7 in the evening"): "stood at 5." is a number.
    fn at_time(&self, i: usize, after_date: bool) -> Parsed<Clock> {
        if !self.is_any(i, &["at", "@", "around"]) {
            return None;
        }
        if let Some((e, c)) = self.clock(i + 1) {
            return Some((e, c));
        }
        let (h, hlen) = self.digits(i + 1)?;
        if hlen > 2 || h > 23 {
            return None;
        }
        let mut e = i + 2;
        let mut c = Clock::new(h, 0);
        if self.is(e, ".") && self.glued(e) && self.glued(e + 1) {
            let (m, 2) = self.digits(e + 1)? else { return None };
            c.minute = m;
            e += 2;
        }
        if c.minute > 59 || self.runs_on(e) {
            return None;
        }
        // "at 5 percent", "at 6.45 per cent", "at 3 Downing Street": a word after it is not a day part.
        if self.kind(e) == Some(TokKind::Word)
            && self.day_part(e).is_none()
            && !self.is_any(e, &["on", "and", "or", "to", "tomorrow", "today", "tonight", "yesterday"])
        {
            return None;
        }
        if self.is(e, "%") {
            return None;
        }
        let day_after = self.day_part(e).is_some()
            || (self.is(e, "on") && self.date(e + 1).is_some())
            || self.is_any(e, &["tomorrow", "today", "tonight", "yesterday", "this", "next", "last"]);
        if !after_date && !day_after {
            return None;
        }
        if let Some((pe, part)) = self.day_part(e) {
            if c.hour < 12 && part != DayPart::Morning {
                c.hour += 12;
            }
            if self.is_any(e, &["in", "at"]) {
                return Some((pe, c));
            }
        }
        Some((e, c))
    }

    /// A clock time, with "at" or bare.
    fn time(&self, i: usize) -> Parsed<Clock> {
        if self.runs_in(i) {
            return None;
        }
        // "in the morning at 7", "in the afternoon at 7"
        if let Some((pe, part)) = self.day_part(i) {
            if self.is(i, "in") {
                if let Some((e, mut c)) = self.at_time(pe, true) {
                    if c.hour < 12 && part != DayPart::Morning {
                        c.hour += 12;
                    }
                    return Some((e, c));
                }
            }
        }
        self.at_time(i, false).or_else(|| self.clock(i))
    }

    /// A clock time right after a day: "Monday at 5", "tomorrow 8:00am".
    fn time_after_date(&self, i: usize) -> Parsed<Clock> {
        if self.runs_in(i) {
            return None;
        }
        self.at_time(i, true).or_else(|| self.clock(i))
    }

    // ------------------------------------------------------------ dates with times

    /// A date with an optional time before or after it, or a day with a part of the day.
    fn datetime(&self, i: usize) -> Parsed<DateTime> {
        if let Some((_, parsed)) = self.datetimes.borrow().iter().find(|(at, _)| *at == i) {
            return parsed.clone();
        }
        let parsed = self.read_datetime(i);
        self.datetimes.borrow_mut().push((i, parsed.clone()));
        parsed
    }

    fn read_datetime(&self, i: usize) -> Parsed<DateTime> {
        // "last night", "tomorrow night", "tonight", "this morning"
        let mut best: Parsed<DateTime> = None;
        let mut consider = |cand: Parsed<DateTime>| {
            if let Some((e, v)) = cand {
                if best.as_ref().is_none_or(|(be, _)| e > *be) {
                    best = Some((e, v));
                }
            }
        };
        if self.is_any(i, &["last", "this"]) && self.day_part(i + 1).is_some() {
            let (e, part) = self.day_part(i + 1)?;
            let back = i64::from(self.is(i, "last") && part != DayPart::Night)
                + i64::from(self.is(i, "last") && part == DayPart::Night);
            consider(Some((e, (self.shifted(|t| When::Day(add_days(t, -back))), None))));
        }
        if self.is(i, "this") && self.day_part(i).is_some() {
            let (e, _) = self.day_part(i)?;
            consider(Some((e, (self.shifted(When::Day), None))));
        }
        if let Some((e, when)) = self.date(i) {
            consider(Some((e, (when.clone(), None))));
            let day_like = matches!(when, When::Day(_) | When::MonthDay { .. } | When::Weekday(_));
            if day_like {
                // "Tuesday morning", "tomorrow night", "yesterday afternoon"
                if let Some((pe, _)) = self.day_part(e) {
                    if !self.is_any(e, &["at", "this", "tomorrow", "yesterday"]) {
                        consider(Some((pe, (when.clone(), None))));
                    }
                }
                // "Monday at 2pm", "tomorrow 8:00am", "Jan 15, 1:00 PM", "5/3/18 @ 17:49:19"
                let k = self.opt_any(e, &[",", "-"]);
                let k2 = self.opt(k, "on");
                if let Some((te, c)) = self.time_after_date(k2).or_else(|| self.time_after_date(k)) {
                    consider(Some((te, (when.clone(), Some(c)))));
                }
                // "end of tomorrow"
            }
        }
        // Time first: "8am this morning", "3pm today", "9am on Tuesday", "13:00 February 28, 2013"
        if let Some((te, c)) = self.time(i) {
            let k = self.opt_any(te, &[",", "on", "of"]);
            if let Some((e, when)) = self.date(k) {
                if matches!(when, When::Day(_) | When::MonthDay { .. } | When::Weekday(_) | When::Unresolved) {
                    consider(Some((e, (when, Some(c)))));
                }
            }
        }
        best
    }

    // ------------------------------------------------------------ offsets and durations

    /// A count: digits, decimals, number words, "a", "an", "a few", "several", "a couple of", "½".
    fn count(&self, i: usize) -> Option<(usize, f64, bool)> {
        // third value: the count is vague ("a few", "several")
        match self.t(i) {
            "a" | "an" | "one" if self.is(i + 1, "few") => return Some((i + 2, 3.0, true)),
            "a" if self.is(i + 1, "couple") => return Some((self.opt(i + 2, "of"), 2.0, true)),
            "few" | "several" | "some" => return Some((i + 1, 3.0, true)),
            "couple" => return Some((self.opt(i + 1, "of"), 2.0, true)),
            "half" if self.is_any(i + 1, &["a", "an"]) => return Some((i + 2, 0.5, false)),
            "½" => return Some((i + 1, 0.5, false)),
            "a" | "an" => return Some((i + 1, 1.0, false)),
            _ => {}
        }
        if let Some((v, len)) = self.digits(i) {
            if len > 6 {
                return None;
            }
            // "3.5", "123.45"
            if self.is(i + 1, ".") && self.glued(i + 1) && self.glued(i + 2) {
                if let Some((frac, flen)) = self.digits(i + 2) {
                    let value = f64::from(v) + f64::from(frac) / 10f64.powi(flen as i32);
                    return Some((i + 3, value, false));
                }
            }
            if self.is(i + 1, ",") && self.glued(i + 1) {
                return None;
            }
            return Some((i + 1, f64::from(v), false));
        }
        let (e, v, false) = self.small_number(i)? else { return None };
        // "one and a half", "one and half"
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            return Some((e + 3, f64::from(v) + 0.5, false));
        }
        if self.is(e, "and") && self.is(e + 1, "half") && self.is_unit(e + 2) {
            return Some((e + 2, f64::from(v) + 0.5, false));
        }
        Some((e, f64::from(v), false))
    }

    fn unit(&self, i: usize, after_digits: bool) -> Option<(usize, Unit, f64)> {
        let t = self.t(i);
        let (unit, times) = self.entry(i)?.unit?;
        if t.len() == 1 && !(after_digits && self.glued(i)) {
            return None;
        }
        if self.runs_on(i + 1) {
            return None;
        }
        Some((i + 1, unit, f64::from(times)))
    }

    /// "3 days", "2 weeks and 2 days", "one hour and a half", "half an hour", "3.5years":
    /// (end, seconds-free total as (count, smallest unit), vague).
    fn duration_core(&self, i: usize) -> Option<(usize, f64, Unit, bool)> {
        let (ce, count, vague) = self.count(i)?;
        let j = if self.is(ce, "-") && self.glued(ce) && self.glued(ce + 1) { ce + 1 } else { ce };
        // "4 business days", "five working days"
        let j = if self.is_any(j, &["business", "working", "calendar"]) && self.is_any(j + 1, &["day", "days"]) {
            j + 1
        } else {
            j
        };
        let (ue, unit, times) = self.unit(j, self.kind(ce - 1) == Some(TokKind::Digits) && j == ce)?;
        let mut total = count * times * unit.seconds();
        let mut smallest = unit;
        let mut e = ue;
        // "and a half", "and half"
        if self.is(e, "and") && (self.is(e + 1, "half") || (self.is(e + 1, "a") && self.is(e + 2, "half"))) {
            total += 0.5 * times * unit.seconds();
            e += if self.is(e + 1, "half") { 2 } else { 3 };
            if smallest == Unit::Hour {
                smallest = Unit::Minute;
            }
        } else if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "quarter") {
            total += 0.25 * times * unit.seconds();
            e += 3;
        }
        // "2 weeks and 2 days", "2 years 1 month 21 days", "1 hour and 30 minutes"
        loop {
            let k = self.opt_any(e, &["and", ","]);
            let Some((ce2, c2, false)) = self.count(k) else { break };
            if self.kind(k) == Some(TokKind::Word) && self.is_any(k, &["a", "an"]) {
                break;
            }
            let Some((ue2, u2, t2)) = self.unit(ce2, self.kind(k) == Some(TokKind::Digits)) else { break };
            if u2.seconds() >= smallest.seconds() {
                break;
            }
            total += c2 * t2 * u2.seconds();
            smallest = u2;
            e = ue2;
        }
        let amount = total / smallest.seconds();
        Some((e, amount, smallest, vague))
    }

    /// A duration the text clearly presents as one: "for three days", "lasted two weeks", "20 minutes".
    fn duration(&self, i: usize) -> Option<(usize, f64, Unit, crate::numbers::Bound)> {
        use crate::numbers::Bound;
        let (bound, j) = match (self.t(i), self.t(i + 1)) {
            ("more", "than") | ("over", _) if self.t(i) == "over" || self.is(i + 1, "than") => {
                (Bound::MoreThan, if self.is(i, "over") { i + 1 } else { i + 2 })
            }
            ("less", "than") | ("fewer", "than") => (Bound::LessThan, i + 2),
            ("at", "least") => (Bound::AtLeast, i + 2),
            ("up", "to") | ("at", "most") => (Bound::AtMost, i + 2),
            ("about", _) | ("nearly", _) | ("almost", _) | ("around", _) | ("roughly", _) => (Bound::About, i + 1),
            ("all", _) | ("whole", _) | ("entire", _) => {
                let j = self.opt(i + 1, "the");
                let (e, unit, _) = self.unit(j, false)?;
                return (!self.runs_on(e)
                    && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Hour))
                .then_some((e, 1.0, unit, Bound::Exact));
            }
            _ => (Bound::Exact, i),
        };
        let (e, amount, unit, vague) = self.duration_core(j)?;
        // "five years old", "six weeks of age": ages belong to the numbers stage.
        // ("3 days ago" and "2 weeks from today" are longer matches of offset_date, which wins.)
        if self.is(e, "old") || (self.is(e, "of") && self.is(e + 1, "age")) {
            return None;
        }
        if self.is(e, "-") && self.is(e + 1, "old") {
            return None;
        }
        let hyphenated = self.is(j + 1, "-") || (j + 2 < e && self.is(j + 2, "-"));
        let cue_before = j > 0
            && self.is_any(
                j - 1,
                &[
                    "for", "over", "last", "lasts", "lasted", "lasting", "took", "take", "takes", "taking", "spent",
                    "spend", "spends", "than", "least", "most", "about", "nearly", "almost", "around", "roughly",
                    "another", "past", "during", "within", "just", "only",
                ],
            );
        let time_unit = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour);
        let compact =
            self.kind(j) == Some(TokKind::Digits) && self.glued(j + 1) && self.kind(j + 1) == Some(TokKind::Word);
        let article = self.is_any(j, &["a", "an"]) && !vague;
        // "188 miles an hour", "$15 a day": a rate, not a duration; "a second deck": an ordinal.
        let rate = j > 0 && (self.kind(j - 1) == Some(TokKind::Digits) || self.t(j - 1).ends_with('s'));
        if article && (rate || self.is(e - 1, "second")) {
            return None;
        }
        // "over a week ago": the offset starting at the count is the longer reading.
        if j > i && self.offset_date(j).is_some_and(|(oe, _)| oe > e) {
            return None;
        }
        // "a quarter of the vote" is a share, not three months.
        if self.t(e - 1).starts_with("quarter") && (article || self.is(e, "of")) {
            return None;
        }
        let ok = if hyphenated {
            time_unit
        } else if article {
            time_unit || (cue_before && !self.is(j - 1, "than"))
        } else {
            cue_before || bound != Bound::Exact || time_unit || compact || vague
        };
        ok.then_some((e, amount, unit, bound))
    }

    /// "three days ago", "two days later", "in 2 weeks", "3 days from today", "2 weeks before May 13 1999".
    fn offset_date(&self, i: usize) -> Parsed<When> {
        let inside = self.is(i, "in");
        let j = if inside { i + 1 } else { i };
        let (e, amount, unit, _) = self.duration_core(j)?;
        let step = |t: Date, sign: f64| -> When {
            let n = amount * sign;
            match unit {
                Unit::Year => When::Day(add_months(t, (n * 12.0).round() as i32)),
                Unit::Month => When::Day(add_months(t, n.round() as i32)),
                Unit::Week => When::Day(add_days(t, (n * 7.0).round() as i64)),
                Unit::Day => When::Day(add_days(t, n.round() as i64)),
                _ => When::Day(add_days(t, ((n * unit.seconds()) / 86_400.0).floor() as i64)),
            }
        };
        let (end, when) = self.offset_core(inside, e, &step)?;
        // "in 3 days on Friday", "3 weeks after Christmas on Friday": that week's weekday.
        if let (When::Day(d), true) = (&when, self.is(end, "on")) {
            if let Some((we, wd, Sureness::Full)) = self.weekday_name(end + 1) {
                return Some((we, When::Day(add_days(monday_of(*d), i64::from(wd) - 1))));
            }
        }
        Some((end, when))
    }

    fn offset_core(&self, inside: bool, e: usize, step: &dyn Fn(Date, f64) -> When) -> Parsed<When> {
        if inside {
            // "in 3 days", "in two years"
            if self.is_any(e, &["ago", "time"]) {
                return None;
            }
            if let Some((e2, when)) = self.offset_anchor(e, step) {
                return Some((e2, when));
            }
            return Some((e, self.shifted(|t| step(t, 1.0))));
        }
        match self.t(e) {
            "ago" | "earlier" | "back" => Some((e + 1, self.shifted(|t| step(t, -1.0)))),
            // "30 minutes later this week" is a duration and a period, not an offset.
            "later" if self.is_any(e + 1, &["this", "next", "that", "in", "today", "tonight"]) => None,
            "later" | "hence" => Some((e + 1, self.shifted(|t| step(t, 1.0)))),
            _ => self.offset_anchor(e, step),
        }
    }

    /// A superlative earlier in the clause ("the biggest increase in four decades", "the first time in").
    fn superlative_before(&self, i: usize) -> bool {
        (i.saturating_sub(8)..i).rev().take_while(|&k| !self.is_any(k, &[".", ";", ","])).any(|k| {
            let w = self.t(k);
            (w.len() > 5
                && w.ends_with("est")
                && !matches!(w, "interest" | "protest" | "request" | "contest" | "arrest" | "suggest" | "invest"))
                || matches!(w, "most" | "first" | "record" | "worst" | "best" | "least")
        })
    }

    /// "… from now", "… from today", "… after Christmas", "… before May 13 1999".
    fn offset_anchor(&self, e: usize, step: &dyn Fn(Date, f64) -> When) -> Parsed<When> {
        let sign = match self.t(e) {
            "from" | "after" | "since" => 1.0,
            "before" => -1.0,
            _ => return None,
        };
        if self.is(e + 1, "now") {
            return Some((e + 2, self.shifted(|t| step(t, sign))));
        }
        let (ae, anchor) = self.date(e + 1)?;
        let base = match anchor {
            When::Day(d) => d,
            When::Year(y) => Date { year: y, month: 1, day: 1 },
            _ => return Some((ae, When::Unresolved)),
        };
        Some((ae, step(base, sign)))
    }

    /// "next 3 days", "the last 3 months", "within 9 months", "past two weeks": a span up to or from today.
    fn window(&self, i: usize) -> Parsed<Meaning> {
        let j = self.opt(i, "the");
        let (dir, k) = match self.t(j) {
            "next" | "coming" | "upcoming" | "following" => (1, j + 1),
            "last" | "past" | "previous" => (-1, j + 1),
            "within" => (1, self.opt(j + 1, "next")),
            _ => {
                // "the 3 next weeks", "2 upcoming months"
                let (ce, _, _) = self.count(j)?;
                if !self.is_any(ce, &["next", "coming", "upcoming"]) {
                    return None;
                }
                let (e, amount, unit, _) = self.duration_core_after(j, ce + 1)?;
                return Some((e, self.window_meaning(1, amount, unit)));
            }
        };
        let (mut e, mut amount, mut unit, _) = self.duration_core(k)?;
        // "the last 3 months and 2 days ago": the window ends before the offset that follows it.
        if self.is_any(e, &["ago", "later", "earlier", "back"]) {
            let (ce, _, _) = self.count(k)?;
            (e, amount, unit, _) = self.duration_core_after(k, ce)?;
        }
        // "shouldn't last two hours": a verb and a duration, not a window of hours.
        if self.is_any(k, &["a", "an"]) || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        Some((e, self.window_meaning(dir, amount, unit)))
    }

    fn duration_core_after(&self, count_at: usize, unit_at: usize) -> Option<(usize, f64, Unit, bool)> {
        let (_, count, vague) = self.count(count_at)?;
        let (e, unit, times) = self.unit(unit_at, false)?;
        Some((e, count * times, unit, vague))
    }

    fn window_meaning(&self, dir: i32, amount: f64, unit: Unit) -> Meaning {
        let Some(t) = self.ctx.today else { return Meaning::Between(None, None) };
        let n = amount.round() as i64;
        let other = match unit {
            Unit::Year => add_months(t, (12 * n * i64::from(dir)) as i32),
            Unit::Month => add_months(t, (n * i64::from(dir)) as i32),
            Unit::Week => add_days(t, 7 * n * i64::from(dir)),
            Unit::Day => add_days(t, n * i64::from(dir)),
            _ => t,
        };
        let (a, b) = if dir < 0 { (other, t) } else { (t, other) };
        Meaning::Between(When::Day(a).render(), When::Day(b).render())
    }

    /// Repeated times: "every week", "each Monday", "weekly", "once a year", "on Thursdays".
    fn set(&self, i: usize) -> Parsed<String> {
        // "the Weekly Standard", "the state's largest daily": names and nouns, not repetitions.
        let title_case = i > 0 && self.capital(i) && self.kind(i - 1) != Some(TokKind::Symbol);
        // "a free daily.": a newspaper; "a daily briefing": a repetition.
        let noun = i > 0 && self.is_any(i - 1, &["a", "an", "the"]) && self.kind(i + 1) != Some(TokKind::Word);
        let adverb_ok = i == 0 || !(title_case || noun || self.t(i - 1).ends_with("est"));
        match self.t(i) {
            "daily" | "weekly" | "biweekly" | "fortnightly" | "monthly" | "quarterly" | "yearly" | "annually"
            | "hourly" | "semiannual" | "semiannually" | "biannual" | "bimonthly" | "nightly"
                if !adverb_ok =>
            {
                return None
            }
            "daily" | "nightly" => return Some((i + 1, "R/P1D".into())),
            "weekly" => return Some((i + 1, "R/P1W".into())),
            "biweekly" | "fortnightly" => return Some((i + 1, "R/P2W".into())),
            "monthly" => return Some((i + 1, "R/P1M".into())),
            "quarterly" => return Some((i + 1, "R/P3M".into())),
            "yearly" | "annually" => return Some((i + 1, "R/P1Y".into())),
            "hourly" => return Some((i + 1, "R/PT1H".into())),
            "semiannual" | "semiannually" | "biannual" => return Some((i + 1, "R/P6M".into())),
            "bi" if self.is(i + 1, "-") && self.is(i + 2, "monthly") => return Some((i + 3, "R/P2M".into())),
            "bimonthly" => return Some((i + 1, "R/P2M".into())),
            "once" | "twice" | "one" if self.is_any(i + 1, &["a", "per", "every"]) => {
                let (e, unit, _) = self.unit(i + 2, false)?;
                return Some((e, format!("R/P1{}", unit_letter(unit))));
            }
            "every" | "each" => {
                let mut j = i + 1;
                let mut n = 1.0;
                if self.is(j, "other") {
                    n = 2.0;
                    j += 1;
                } else if let Some((e, c, false)) = self.count(j) {
                    if !self.is_any(j, &["a", "an"]) {
                        n = c;
                        j = e;
                    }
                }
                if let Some((e, unit, times)) = self.unit(j, false) {
                    return Some((e, format!("R/P{}{}", crate::decimal::shortest(n * times), unit_letter(unit))));
                }
                if let Some((e, wd, _)) = self.weekday_name(j) {
                    return Some((e, format!("R/XXXX-WXX-{wd}")));
                }
                if self.is_any(
                    j,
                    &["weekend", "weekends", "weekday", "morning", "evening", "night", "afternoon", "quarter"],
                ) {
                    return Some((j + 1, format!("R/{}", self.t(j).to_uppercase())));
                }
                return None;
            }
            _ => {}
        }
        // "on Thursdays", "Friday mornings", "Tuesday afternoons"
        let (wd, sure) = self.entry(i)?.weekday?;
        if sure == Sureness::Plural {
            return Some((i + 1, format!("R/XXXX-WXX-{wd}")));
        }
        if sure == Sureness::Full && self.is_any(i + 1, &["mornings", "afternoons", "evenings", "nights"]) {
            return Some((i + 2, format!("R/XXXX-WXX-{wd}")));
        }
        None
    }

    // ------------------------------------------------------------ ranges

    /// A range end: a time, a date with or without time.
    fn range_end(&self, i: usize) -> Parsed<RangeEnd> {
        if self.is_any(i, &["now", "today"]) || (self.is(i, "current") && self.is(i + 1, "date")) {
            let e = if self.is(i, "current") { i + 2 } else { i + 1 };
            return Some((e, RangeEnd::Point(self.shifted(When::Day), None)));
        }
        let dt = self.datetime(i).map(|(e, (w, c))| (e, RangeEnd::Point(w, c)));
        let t = self.time(i).map(|(e, c)| (e, RangeEnd::Time(c)));
        match (dt, t) {
            (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// "from 2014 to 2018", "between 4pm and 5pm", "April 9th through 17th", "Nov 18-Dec 19, 2015".
    fn range(&self, i: usize) -> Parsed<Meaning> {
        let (opener, j) = match self.t(i) {
            "from" => (Some("from"), i + 1),
            "between" => (Some("between"), i + 1),
            _ => (None, i),
        };
        let joiners: &[&str] = match opener {
            Some("between") => &["and", "-", "–", "~"],
            _ => RANGE_JOINERS,
        };
        // A season or fiscal year: "the 2015-16 season", "2019–20" (the second year is the next one).
        if let (Some((a, 4)), Some((b, 2))) = (self.digits(j), self.digits(j + 2)) {
            let span_ok = self.is_any(j + 1, &["-", "–", "/"]) && self.glued(j + 1) && self.glued(j + 2);
            if span_ok && (1900..=2199).contains(&a) && b == (a + 1) % 100 && !self.runs_in(j) && !self.runs_on(j + 3) {
                return Some((j + 3, Meaning::Between(Some(a.to_string()), Some((a + 1).to_string()))));
            }
        }
        // Years: "2014-2018", "from 2014~2018" (not a phone number: runs_in/runs_on).
        if let (Some((a, 4)), Some((b, 4))) = (self.digits(j), self.digits(j + 2)) {
            let span_ok = self.is_any(j + 1, &["-", "–", "~"]) && self.glued(j + 1) && self.glued(j + 2);
            if span_ok
                && (1000..=2199).contains(&a)
                && a < b
                && b - a <= 100
                && !self.runs_in(j)
                && !self.runs_on(j + 3)
            {
                return Some((j + 3, Meaning::Between(Some(a.to_string()), Some(b.to_string()))));
            }
        }
        // The first end may be a bare number that borrows from the second: "5-6 pm", "9 to 12 of June".
        let first = self.range_end(j);
        let bare = self.digits(j).filter(|&(_, len)| len <= 2).map(|(v, _)| (j + 1, v)).or_else(|| {
            let (e, v, _) = self.small_number(j)?;
            (opener.is_some()).then_some((e, v))
        });
        let mut best: Parsed<Meaning> = None;
        for (a_end, a) in first.into_iter().map(|(e, a)| (e, Some(a))).chain(bare.map(|(e, _)| (e, None))) {
            // "between Nov. 3, 2020, and Jul. 9": a comma may come before the joiner.
            let a_end = if self.is(a_end, ",") && self.is_any(a_end + 1, joiners) { a_end + 1 } else { a_end };
            if !self.is_any(a_end, joiners) {
                continue;
            }
            let b_start = a_end + 1;
            // The second end: a full one, or a bare day after a month-day ("April 9th through 17th").
            let b = self.range_end(b_start);
            let meaning = match (&a, b) {
                (Some(a), Some((be, b))) => {
                    // Only a year the text does not give carries back ("July 2016 and April 2018" keep theirs).
                    let a_has_year = (j..a_end).any(|k| self.year(k).is_some());
                    let a = match a {
                        RangeEnd::Point(w, c) if a_has_year && matches!(w, When::Month { .. } | When::Day(_)) => {
                            RangeEnd::Point(When::Label(w.render().unwrap_or_default()), *c)
                        }
                        other => other.clone(),
                    };
                    self.join(&a, &b).map(|m| (be, m))
                }
                (None, Some((be, b))) => {
                    let (_, v, _) = self.small_number(j).or_else(|| self.digits(j).map(|(v, _)| (j + 1, v, false)))?;
                    let a = match &b {
                        RangeEnd::Time(c) if v <= 12 => {
                            let h = if c.hour >= 12 && v < 12 && v + 12 <= c.hour { v + 12 } else { v };
                            RangeEnd::Time(Clock::new(h, 0))
                        }
                        RangeEnd::Point(When::Day(d), None)
                            if (1..=31).contains(&v) && is_valid(d.year, d.month, v) =>
                        {
                            RangeEnd::Point(When::Day(Date { day: v, ..*d }), None)
                        }
                        RangeEnd::Point(When::MonthDay { month, .. }, None) if (1..=31).contains(&v) => {
                            RangeEnd::Point(When::MonthDay { month: *month, day: v }, None)
                        }
                        _ => continue,
                    };
                    self.join(&a, &b).map(|m| (be, m))
                }
                (Some(RangeEnd::Point(When::Day(d), None)), None) => {
                    let (be, v, ord) = self.day_of_month(b_start)?;
                    // "April 9th through 17th", not "November 12, 2012–six days after".
                    let looks_like_day = ord || self.kind(b_start) == Some(TokKind::Digits);
                    if !looks_like_day
                        || self.unit(be, false).is_some()
                        || !is_valid(d.year, d.month, v)
                        || self.runs_on(be)
                    {
                        continue;
                    }
                    Some((be, Meaning::Between(When::Day(*d).render(), When::Day(Date { day: v, ..*d }).render())))
                }
                _ => None,
            };
            if let Some((e, m)) = meaning {
                if best.as_ref().is_none_or(|(be, _)| e > *be) {
                    best = Some((e, m));
                }
            }
        }
        // Without "from"/"between", a range needs two real ends, not "10-20" (numbers) or "1-3" pm.
        best
    }

    fn join(&self, a: &RangeEnd, b: &RangeEnd) -> Option<Meaning> {
        match (a, b) {
            (RangeEnd::Time(x), RangeEnd::Time(y)) => Some(Meaning::Between(Some(x.render()), Some(y.render()))),
            // "between now and eight o'clock"
            (RangeEnd::Point(w, None), RangeEnd::Time(y)) => {
                let day = w.render();
                Some(Meaning::Between(day.clone(), Some(day.map_or(y.render(), |d| format!("{d}T{}", y.render())))))
            }
            (RangeEnd::Point(wa, ca), RangeEnd::Point(wb, cb)) => {
                // The year of the second end carries back: "Nov 18 - Dec 19, 2015", "from May to Oct 2020".
                let wa = match (wa, wb.year()) {
                    (When::Day(d), Some(y))
                        if wa.year() != Some(y) && self.ctx.today.is_some_and(|t| t.year == d.year) =>
                    {
                        When::Day(Date { year: y, ..*d })
                    }
                    (When::MonthDay { month, day }, Some(y)) => When::Day(Date { year: y, month: *month, day: *day }),
                    (When::Month { month, .. }, Some(y)) if !matches!(wb, When::Year(_)) => {
                        When::Month { year: Some(y), month: *month }
                    }
                    _ => wa.clone(),
                };
                let ra = Meaning::Point(wa, *ca).render();
                let rb = Meaning::Point(wb.clone(), *cb).render();
                Some(Meaning::Between(ra, rb))
            }
            (RangeEnd::Time(x), RangeEnd::Point(w, Some(y))) => {
                let day = w.render();
                let join = |c: &Clock| day.as_ref().map_or(c.render(), |d| format!("{d}T{}", c.render()));
                Some(Meaning::Between(Some(join(x)), Some(join(y))))
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------ entry

    /// The longest expression starting at token `i`, with the words that bound it: "since 2012",
    /// "before 4pm", "around 1pm", "2018 or later".
    pub fn best_at(&self, i: usize) -> Option<Match> {
        use crate::numbers::Bound;
        // What was read for the previous start depended on its tense.
        self.start.set(i);
        self.tense.set(None);
        self.datetimes.borrow_mut().clear();
        let plain = self.plain_at(i);
        let Some((inner_start, side)) = self.bound_cue(i) else {
            return plain.map(|m| self.with_open_end(m));
        };
        let Some(inner) = self.plain_at(inner_start) else { return plain };
        if plain.as_ref().is_some_and(|p| p.end >= inner.end) {
            return plain;
        }
        let point = match &inner.meaning {
            Meaning::Point(..) | Meaning::Time(_) => inner.meaning.render(),
            _ => return Some(Match { start: i, ..inner }),
        };
        let meaning = match side {
            Side::Same => inner.meaning,
            Side::Before => Meaning::Between(None, point),
            Side::After => Meaning::Between(point, None),
        };
        Some(Match { start: i, end: inner.end, meaning, bound: Bound::Exact })
    }

    /// "… or later", "… and later", "… onwards": a point becomes the start of an open range.
    fn with_open_end(&self, m: Match) -> Match {
        let e = m.end;
        let open = (self.is_any(e, &["or", "and"]) && self.is_any(e + 1, &["later", "after", "beyond"]))
            .then_some((e + 2, true))
            .or_else(|| {
                (self.is_any(e, &["or", "and"]) && self.is_any(e + 1, &["earlier", "before"])).then_some((e + 2, false))
            })
            .or_else(|| self.is_any(e, &["onwards", "onward"]).then_some((e + 1, true)));
        match (open, &m.meaning) {
            (Some((end, later)), Meaning::Point(..) | Meaning::Time(_)) => {
                let point = m.meaning.render();
                let meaning = if later { Meaning::Between(point, None) } else { Meaning::Between(None, point) };
                Match { end, meaning, ..m }
            }
            _ => m,
        }
    }

    /// Words that bound a date before it: (where the date starts, which side the text keeps).
    fn bound_cue(&self, i: usize) -> Option<(usize, Side)> {
        let two = |a: &str, b: &str| self.is(i, a) && self.is(i + 1, b);
        let three = |a: &str, b: &str, c: &str| two(a, b) && self.is(i + 2, c);
        Some(match self.t(i) {
            "before" | "until" | "till" | "til" | "by" => (i + 1, Side::Before),
            "after" | "since" => (i + 1, Side::After),
            "around" | "about" | "circa" | "approximately" => (i + 1, Side::Same),
            "starting" | "beginning" | "effective" => (self.opt_any(i + 1, &["on", "from", "in"]), Side::After),
            "prior" if self.is(i + 1, "to") => (i + 2, Side::Before),
            "no" | "not" if three(self.t(i), "later", "than") => (i + 3, Side::Before),
            "no" | "not" if three(self.t(i), "earlier", "than") => (i + 3, Side::After),
            "later" | "greater" | "more" if self.is(i + 1, "than") => (i + 2, Side::After),
            "earlier" | "less" | "smaller" if self.is(i + 1, "than") => (i + 2, Side::Before),
            "as" if three("as", "late", "as") => (i + 3, Side::Before),
            "as" if three("as", "early", "as") => (i + 3, Side::After),
            _ => return None,
        })
    }

    fn plain_at(&self, i: usize) -> Option<Match> {
        use crate::numbers::Bound;
        if self.runs_in(i) && self.month_name(i).is_none() {
            return None;
        }
        let mut best: Option<Match> = None;
        let mut consider = |end: usize, meaning: Meaning, bound: Bound| {
            if end > i && best.as_ref().is_none_or(|b| end > b.end) {
                best = Some(Match { start: i, end, meaning, bound });
            }
        };
        if let Some((e, (when, clock))) = self.datetime(i) {
            // "Wednesday from 10-4", "tomorrow from 7:00 to 8:00pm", "next evening from 7 to 9"
            if let Some((re, (a, b))) = self.clock_range(self.opt(e, ",")) {
                if clock.is_none() && matches!(when, When::Day(_) | When::MonthDay { .. } | When::Weekday(_)) {
                    let ra = Meaning::Point(when.clone(), Some(a)).render();
                    let rb = Meaning::Point(when.clone(), Some(b)).render();
                    consider(re, Meaning::Between(ra, rb), Bound::Exact);
                }
            }
            consider(e, Meaning::Point(when, clock), Bound::Exact);
        }
        if let Some((e, c)) = self.time(i) {
            consider(e, Meaning::Time(c), Bound::Exact);
        }
        if let Some((e, code)) = self.day_part_alone(i) {
            consider(e, Meaning::Point(When::Label(code.into()), None), Bound::Exact);
            // "in the morning 9 o'clock", "in the afternoon at 7", "early morning at 8:00"
            if let Some((te, mut c)) = self.at_time(e, true).or_else(|| self.clock(e)) {
                if c.hour < 12 && matches!(code, "TAF" | "TEV" | "TNI") && !(code == "TNI" && c.hour < 4) {
                    c.hour += 12;
                }
                consider(te, Meaning::Time(c), Bound::Exact);
            }
        }
        if let Some((e, m)) = self.range(i) {
            consider(e, m, Bound::Exact);
        }
        if let Some((e, (a, b))) = self.clock_range(i) {
            // "between 3 and 8 yesterday", "from 10:30 to 3 on 1/1/2015"
            let k = self.opt(e, "on");
            match self.datetime(k) {
                Some((de, (when, None))) if matches!(when, When::Day(_) | When::MonthDay { .. } | When::Weekday(_)) => {
                    let ra = Meaning::Point(when.clone(), Some(a)).render();
                    let rb = Meaning::Point(when, Some(b)).render();
                    consider(de, Meaning::Between(ra, rb), Bound::Exact);
                }
                _ => consider(e, Meaning::Between(Some(a.render()), Some(b.render())), Bound::Exact),
            }
        }
        // "the biggest rise in 39 years": the last 39 years, not 39 years from now.
        if self.is(i, "in") && self.superlative_before(i) {
            if let Some((e, amount, unit, _)) = self.duration_core(i + 1) {
                if matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                    consider(e, self.window_meaning(-1, amount, unit), Bound::Exact);
                    return best;
                }
            }
        }
        if let Some((e, w)) = self.offset_date(i) {
            // "in 3 years" with no publication date to count from: all the text fixes is a length of time.
            let unanchored = matches!(w, When::Unresolved) && self.is(i, "in");
            match self.duration_core(i + 1).filter(|_| unanchored) {
                Some((de, amount, unit, _)) if de == e => consider(e, Meaning::Duration(amount, unit), Bound::Exact),
                _ => consider(e, Meaning::Point(w, None), Bound::Exact),
            }
        }
        if let Some((e, m)) = self.window(i) {
            consider(e, m, Bound::Exact);
        }
        if let Some((e, amount, unit, bound)) = self.duration(i) {
            consider(e, Meaning::Duration(amount, unit), bound);
        }
        if let Some((e, s)) = self.set(i) {
            consider(e, Meaning::Set(s), Bound::Exact);
        }
        best
    }

    /// "between 3 and 5", "from 10:30 to 3", "5-6 pm", "3:00 to 4:00": two clock times.
    fn clock_range(&self, i: usize) -> Parsed<(Clock, Clock)> {
        let (opener, j) = match self.t(i) {
            "from" => (true, i + 1),
            "between" => (true, i + 1),
            _ => (false, i),
        };
        let joiners: &[&str] =
            if self.is(i, "between") { &["and", "-", "–"] } else { &["to", "till", "until", "-", "–"] };
        // First end: a clock time, or a bare hour that takes am/pm from the second.
        let (ae, a, a_bare) = match self.clock(j) {
            Some((e, c)) => (e, c, false),
            None => {
                let (e, h, false) = self.small_number(j)? else { return None };
                if !(opener || self.kind(j) == Some(TokKind::Digits)) || h > 23 {
                    return None;
                }
                let (e, m) = if self.is(e, ":") && self.glued(e) { (e + 2, self.digits(e + 1)?.0) } else { (e, 0) };
                (e, Clock::new(h, m), true)
            }
        };
        if !self.is_any(ae, joiners) {
            return None;
        }
        let (be, b) = self.clock(ae + 1).or_else(|| {
            // "between 3 and 5", "from 10:30 to 3": both bare only after an opener
            let (e, h, false) = self.small_number(ae + 1)? else { return None };
            let (e, m) =
                if self.is(e, ":") && self.glued(e) { (e + 2, self.digits(e + 1).map_or(0, |d| d.0)) } else { (e, 0) };
            // "between 3 and 8 yesterday", "to 3 on 1/1/2015" — but not "between 3 and 5 people".
            let then_date = self.is(e, "on") || self.date(e).is_some() || self.day_part(e).is_some();
            (opener && h <= 23 && !self.runs_on(e) && (self.kind(e) != Some(TokKind::Word) || then_date))
                .then_some((e, Clock::new(h, m)))
        })?;
        if !opener && a_bare && self.clock(ae + 1).is_none() {
            // "10-20" without am/pm is a number range, not times.
            return None;
        }
        let mut a = a;
        if a_bare && b.hour >= 12 && a.hour < 12 && a.hour + 12 <= b.hour {
            a.hour += 12;
        }
        Some((be, (a, b)))
    }

    /// A part of the day with a word that makes it one: "in the morning", "late afternoon", "at lunch".
    fn day_part_alone(&self, i: usize) -> Parsed<&'static str> {
        let j = self.opt_any(i, &["early", "late", "later", "earlier", "mid"]);
        let cued = j > i || self.is_any(j, &["in", "during", "at", "over", "before", "after", "around"]);
        let k = self.opt_any(j, &["in", "during", "at", "over", "before", "after", "around"]);
        let k = self.opt(k, "the");
        let code = match self.t(k) {
            "morning" | "mornings" => "TMO",
            "afternoon" | "afternoons" => "TAF",
            "evening" | "evenings" => "TEV",
            "night" | "nighttime" if k > i => "TNI",
            "daytime" => "TDT",
            "night" if self.is(k + 1, "-") && self.is(k + 2, "time") => return Some((k + 3, "TNI")),
            "lunchtime" => return Some((k + 1, "T12")),
            "dinnertime" => return Some((k + 1, "T19")),
            "lunch" | "dinner" | "breakfast" if k > i && !self.is(k - 1, "the") => {
                return Some((
                    k + 1,
                    if self.is(k, "breakfast") {
                        "T08"
                    } else if self.is(k, "lunch") {
                        "T12"
                    } else {
                        "T19"
                    },
                ));
            }
            _ => return None,
        };
        (cued && k > i).then_some((k + 1, code))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Same,
    Before,
    After,
}

#[derive(Debug, Clone)]
enum RangeEnd {
    Time(Clock),
    Point(When, Option<Clock>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

#[derive(Debug, Clone, Copy)]
struct Quarter {
    n: u32,
    half: bool,
}

impl Quarter {
    fn label(self, year: i32) -> String {
        if self.half {
            format!("{year}-H{}", self.n)
        } else {
            format!("{year}-Q{}", self.n)
        }
    }
}

/// How far a date is from the publication date, for picking the likelier year: news mostly reports
/// the past, so days ahead count four times ("Jan. 6" in October is last January's, "Nov. 8" is next month's).
fn news_distance(days_ahead: i64) -> i64 {
    if days_ahead > 0 {
        4 * days_ahead
    } else {
        -days_ahead
    }
}

fn season_code(word: &str) -> &'static str {
    match word {
        "summer" => "SU",
        "winter" => "WI",
        "spring" => "SP",
        _ => "FA",
    }
}

fn unit_letter(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "TS",
        Unit::Minute => "TM",
        Unit::Hour => "TH",
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Month => "M",
        Unit::Year => "Y",
    }
}

fn holiday_date(h: Holiday, year: i32) -> Date {
    match h {
        Holiday::Fixed(month, day) => Date { year, month, day },
        Holiday::Easter => easter(year),
        Holiday::GoodFriday => add_days(easter(year), -2),
        Holiday::Thanksgiving => nth_weekday(year, 11, 4, 4),
        Holiday::BlackFriday => add_days(nth_weekday(year, 11, 4, 4), 1),
        Holiday::LaborDay => nth_weekday(year, 9, 1, 1),
        Holiday::MemorialDay => nth_weekday(year, 5, 1, -1),
    }
}

trait MapYear {
    fn map_year(self, f: impl FnOnce(i32) -> i32) -> Self;
}

impl MapYear for (usize, i32) {
    fn map_year(self, f: impl FnOnce(i32) -> i32) -> Self {
        (self.0, f(self.1))
    }
}
