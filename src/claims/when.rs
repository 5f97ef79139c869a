//! What a date claim says, at the granularity the text gives: a year, a month, a day, a weekday.
//!
//! Read from the dates stage's ISO-like value when it has one ("2017-04-07", "2017-04", "XXXX-04"),
//! completed from the words themselves ("April", "Thursday"), so a date can be compared even when
//! the stage could not resolve it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct When {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: Option<u32>,
    /// The words name a weekday and no month ("Thursday", "Thursday at 16:30"), whatever the
    /// value resolved to.
    pub named_weekday: bool,
    /// Relative to when it was written ("last month", "yesterday", "three weeks ago"): its value
    /// depends on a publication date that may differ between articles.
    pub relative: bool,
    /// The words give the year ("March 2008"); otherwise a year comes from resolving against
    /// the publication date, a guess ("February" may be last February or next).
    pub year_written: bool,
}

/// How finely a date is given; dates are compared only at a level both give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Granularity {
    Year,
    Month,
    Day,
}

/// The month (1–12) a word names, from the dates stage's lexicon.
fn month_of(word: &str) -> Option<u32> {
    crate::numbers::dates::month_number(word)
}

/// The weekday a word names, 0 = Monday.
fn weekday_of(word: &str) -> Option<u32> {
    crate::numbers::dates::weekday_number(word).map(|d| d - 1)
}

/// Day of the week of a Gregorian date, 0 = Monday.
pub fn weekday(year: i32, month: u32, day: u32) -> u32 {
    crate::numbers::dates::iso_weekday(crate::Date { year, month, day }) - 1
}

impl When {
    /// Reads a date from the stage's value (if any) and the words of its span.
    pub fn read(value: Option<&str>, words: &str) -> Option<When> {
        let mut w = value.map(parse_iso_like).unwrap_or_default();
        // The words fill what the value leaves open; a resolved value wins over the words.
        let mut tokens = words.split(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’');
        let mut saw_relative = false;
        let (mut month_word, mut weekday_word) = (false, false);
        for t in tokens.by_ref().filter(|t| !t.is_empty()) {
            // No month or weekday name begins with a digit: "7" and "2017" are not looked up.
            let named = !t.as_bytes()[0].is_ascii_digit();
            let (month, day) = if named { (month_of(t), weekday_of(t)) } else { (None, None) };
            month_word |= month.is_some();
            weekday_word |= day.is_some();
            // (No character but an ASCII capital lower-cases to a letter of these words.)
            saw_relative |= ["last", "next", "this", "ago", "yesterday", "today", "tomorrow"]
                .iter()
                .any(|r| t.eq_ignore_ascii_case(r));
            if w.month.is_none() {
                w.month = month;
            }
            if w.weekday.is_none() {
                w.weekday = day;
            }
        }
        if let (Some(y), Some(m), Some(d)) = (w.year, w.month, w.day) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                w.weekday = Some(weekday(y, m, d));
            }
        }
        w.named_weekday = weekday_word && !month_word;
        let has_digits = words.chars().any(|c| c.is_ascii_digit());
        // Four digits, or two written after an apostrophe somewhere ("'08").
        let after_apostrophe = |d: &str| words.as_bytes().windows(3).any(|w| w[0] == b'\'' && &w[1..] == d.as_bytes());
        w.year_written =
            words.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 || (d.len() == 2 && after_apostrophe(d)));
        w.relative = saw_relative || !(month_word || weekday_word || has_digits);
        // "last month" without a resolved value says nothing comparable.
        if saw_relative && value.is_none_or(|v| v.starts_with('X')) && w.weekday.is_none() {
            w.month = None;
        }
        (w.month.is_some() || w.weekday.is_some() || w.year.is_some()).then_some(w)
    }

    /// Whether the two dates disagree, compared only at a level both give: a month against a
    /// month or a day, a day against a day (or its weekday), a year only against a year.
    /// `None` when they cannot be compared ("2011" against "Monday").
    pub fn disagrees(&self, other: &When) -> Option<bool> {
        use Granularity::{Day, Month, Year};
        let (ga, gb) = (self.granularity()?, other.granularity()?);
        // A relative date is compared only month to month ("last month" and "March"): its day
        // or year hangs on a publication date that differs between articles.
        if (self.relative || other.relative) && !(ga == Month && gb == Month) {
            return None;
        }
        match (ga, gb) {
            (Year, Year) => Some(self.year != other.year),
            (Year, _) | (_, Year) => None,
            (Day, Day) => {
                // A named weekday is compared as a weekday: its resolved date depends on tense.
                if self.named_weekday || other.named_weekday {
                    return Some(self.weekday? != other.weekday?);
                }
                let (a, b) = (self.full()?, other.full()?);
                Some((a.1, a.2) != (b.1, b.2) || (self.years_known(other) && a.0 != b.0))
            }
            _ => {
                let (a, b) = (self.month?, other.month?);
                let years_differ = self.years_known(other) && self.year != other.year;
                Some(a != b || years_differ)
            }
        }
    }

    fn granularity(&self) -> Option<Granularity> {
        if self.day.is_some() || self.weekday.is_some() {
            Some(Granularity::Day)
        } else if self.month.is_some() {
            Some(Granularity::Month)
        } else {
            self.year.map(|_| Granularity::Year)
        }
    }

    /// Whether the years of both can be trusted: written, or both relative to the same
    /// publication date ("last month").
    fn years_known(&self, other: &When) -> bool {
        let known = |w: &When| w.year_written || w.relative;
        known(self) && known(other) && self.year.is_some() && other.year.is_some()
    }

    /// A month without a day ("in April", "last month").
    pub fn is_month_level(&self) -> bool {
        self.granularity() == Some(Granularity::Month)
    }

    fn full(&self) -> Option<(i32, u32, u32)> {
        Some((self.year?, self.month?, self.day?))
    }
}

/// "2017-04-07", "2017-04", "2017", "XXXX-04", "XXXX-04-07", "XXXX-WXX-4" (ISO weekday 4 =
/// Thursday); any "T…" time part is ignored.
fn parse_iso_like(v: &str) -> When {
    let date = v.split(['T', ' ']).next().unwrap_or("");
    let mut parts = date.split('-');
    let (first, second, third) = (parts.next(), parts.next(), parts.next());
    let year = first.and_then(|s| s.parse::<i32>().ok()).filter(|y| (1000..=9999).contains(y));
    if second.is_some_and(|p| p.starts_with('W')) {
        let weekday = third.and_then(|s| s.parse::<u32>().ok()).filter(|d| (1..=7).contains(d)).map(|d| d - 1);
        return When { year, weekday, ..When::default() };
    }
    let month = second.and_then(|s| s.parse::<u32>().ok()).filter(|m| (1..=12).contains(m));
    let day = third.and_then(|s| s.parse::<u32>().ok()).filter(|d| month.is_some() && (1..=31).contains(d));
    When { year, month, day, ..When::default() }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(wd) = self.weekday {
            let name = crate::numbers::dates::weekday_name(wd + 1).unwrap_or("?");
            parts.push(format!("{}{}", name[..1].to_uppercase(), &name[1..]));
        }
        if let Some(m) = self.month {
            let name = crate::numbers::dates::month_name(m).unwrap_or("?");
            let day = self.day.map(|d| format!(" {d}")).unwrap_or_default();
            parts.push(format!("{}{}{day}", name[..1].to_uppercase(), &name[1..]));
        }
        if let Some(y) = self.year {
            parts.push(y.to_string());
        }
        write!(f, "{}", parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_month_and_weekday_words_without_a_value() {
        assert_eq!(When::read(None, "in April").unwrap().month, Some(4));
        assert_eq!(When::read(None, "Thursday's").unwrap().weekday, Some(3));
        assert_eq!(When::read(None, "Sept. 3").unwrap().month, Some(9));
        assert_eq!(When::read(None, "March").unwrap().month, Some(3));
        assert_eq!(When::read(None, "Mar.").unwrap().month, Some(3));
    }

    #[test]
    fn a_year_is_written_as_four_digits_or_two_after_an_apostrophe() {
        let written = |words: &str| When::read(None, words).unwrap().year_written;
        assert!(written("March 2008") && written("March ’08 or '08") && written("March '08"));
        assert!(!written("March 08") && !written("16:30 on March 4") && !written("March 4, '9"));
        assert!(written("03:05 on Friday, October 5, 2018"));
    }

    #[test]
    fn reads_the_parts_of_an_iso_like_value() {
        assert_eq!(
            parse_iso_like("2017-04-07T16:30"),
            When { year: Some(2017), month: Some(4), day: Some(7), ..When::default() }
        );
        assert_eq!(parse_iso_like("XXXX-04"), When { month: Some(4), ..When::default() });
        assert_eq!(parse_iso_like("XXXX-WXX-4"), When { weekday: Some(3), ..When::default() });
        assert_eq!(parse_iso_like("2017-13-40"), When { year: Some(2017), ..When::default() });
    }

    #[test]
    fn a_resolved_value_gives_the_weekday() {
        let w = When::read(Some("2017-05-18"), "Thursday").unwrap();
        assert_eq!((w.year, w.month, w.day, w.weekday), (Some(2017), Some(5), Some(18), Some(3)));
    }

    #[test]
    fn reads_week_style_values() {
        let w = When::read(Some("XXXX-WXX-4T16:30"), "Thursday at 16:30").unwrap();
        assert_eq!((w.month, w.day, w.weekday), (None, None, Some(3)));
        assert_eq!(When::read(Some("XXXX-04"), "April").unwrap().month, Some(4));
    }

    #[test]
    fn relative_words_count_in_any_case_and_only_whole() {
        assert!(When::read(None, "YESTERDAY, Thursday").is_some_and(|w| w.relative));
        assert!(When::read(None, "tHIS Thursday").is_some_and(|w| w.relative));
        assert!(When::read(None, "Lastly, “Thursday” 🚀").is_some_and(|w| !w.relative));
        assert!(When::read(None, "Thursday, café ago").is_some_and(|w| w.relative));
    }

    #[test]
    fn relative_dates_compare_only_month_to_month() {
        let last_month = When::read(Some("2017-04"), "last month").unwrap();
        let march = When::read(Some("2017-03"), "March").unwrap();
        assert_eq!(last_month.disagrees(&march), Some(true));
        let yesterday = When::read(Some("2017-05-17"), "yesterday").unwrap();
        let thursday = When::read(Some("2017-05-18"), "Thursday").unwrap();
        assert_eq!(yesterday.disagrees(&thursday), None);
    }

    #[test]
    fn a_guessed_year_does_not_make_a_conflict() {
        let february = When::read(Some("2018-02"), "February").unwrap();
        let end_of_february = When::read(Some("2019-02-28"), "the end of February").unwrap();
        assert_eq!(february.disagrees(&end_of_february), Some(false));
        let written = When::read(Some("2008-03"), "March 2008").unwrap();
        let other = When::read(Some("2010-03"), "March 2010").unwrap();
        assert_eq!(written.disagrees(&other), Some(true));
    }

    #[test]
    fn a_named_weekday_compares_by_weekday_not_by_resolved_date() {
        let next = When::read(Some("2013-02-07"), "Thursday").unwrap();
        let last = When::read(Some("2013-01-31"), "Thursday").unwrap();
        assert_eq!(next.disagrees(&last), Some(false));
        let jan28 = When::read(Some("2014-01-28"), "Jan. 28").unwrap();
        let tuesday = When::read(Some("2014-01-21"), "Tuesday").unwrap();
        assert_eq!(jan28.disagrees(&tuesday), Some(false));
    }

    #[test]
    fn unresolved_relative_month_is_not_comparable() {
        assert_eq!(When::read(None, "last month"), None);
        assert_eq!(When::read(Some("2017-04"), "last month").unwrap().month, Some(4));
    }

    #[test]
    fn compares_at_the_granularity_both_give() {
        let april = When::read(None, "April").unwrap();
        let march = When::read(None, "March").unwrap();
        let thursday = When::read(None, "Thursday").unwrap();
        let wednesday = When::read(None, "Wednesday").unwrap();
        assert_eq!(april.disagrees(&march), Some(true));
        let year = When::read(Some("2011"), "2011").unwrap();
        assert_eq!(year.disagrees(&thursday), None, "a year and a weekday do not compare");
        assert_eq!(year.disagrees(&april), None);
        assert_eq!(april.disagrees(&thursday), None);
        assert_eq!(wednesday.disagrees(&thursday), Some(true));
        let may18 = When::read(Some("2017-05-18"), "May 18").unwrap();
        assert_eq!(may18.disagrees(&thursday), Some(false));
        assert_eq!(may18.disagrees(&april), Some(true));
    }
}
