//! What a date expression means, and how it is written out (ISO-8601-like strings).

use super::calendar::{add_days, iso_week, monday_of, weekday};
use super::lexicon::Unit;
use crate::Date;

/// A time of day on the 24-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
}

impl Clock {
    pub fn new(hour: u32, minute: u32) -> Clock {
        Clock { hour, minute, second: None }
    }

    pub fn render(self) -> String {
        match self.second {
            Some(s) => format!("{:02}:{:02}:{:02}", self.hour, self.minute, s),
            None => format!("{:02}:{:02}", self.hour, self.minute),
        }
    }
}

/// A day, month, year or week, as far as the text and the publication date resolve it.
#[derive(Debug, Clone, PartialEq)]
pub enum When {
    Day(Date),
    /// A month and day whose year is unknown (no publication date).
    MonthDay {
        month: u32,
        day: u32,
    },
    /// A weekday with no publication date to place it.
    Weekday(u32),
    Month {
        year: Option<i32>,
        month: u32,
    },
    Year(i32),
    /// The week starting on this Monday.
    Week(Date),
    /// Already written out: quarters, seasons, decades ("2017-Q1", "2016-SU", "199X").
    Label(String),
    /// Typed but not placed: "last month" with no publication date.
    Unresolved,
}

impl When {
    pub fn render(&self) -> Option<String> {
        Some(match self {
            When::Day(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            When::MonthDay { month, day } => format!("XXXX-{month:02}-{day:02}"),
            When::Weekday(w) => format!("XXXX-WXX-{w}"),
            When::Month { year: Some(y), month } => format!("{y:04}-{month:02}"),
            When::Month { year: None, month } => format!("XXXX-{month:02}"),
            When::Year(y) => format!("{y:04}"),
            When::Week(monday) => {
                let (y, w) = iso_week(*monday);
                format!("{y:04}-W{w:02}")
            }
            When::Label(s) => s.clone(),
            When::Unresolved => return None,
        })
    }

    /// The year, if known (for carrying "2015" back to "Nov 18" in "Nov 18-Dec 19, 2015").
    pub fn year(&self) -> Option<i32> {
        match self {
            When::Day(d) => Some(d.year),
            When::Month { year, .. } => *year,
            When::Year(y) => Some(*y),
            _ => None,
        }
    }
}

/// What one matched expression means; becomes a `Quantity` of the matching kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Meaning {
    /// A date, possibly with a time: kind `date`.
    Point(When, Option<Clock>),
    /// A time of day alone: kind `time`.
    Time(Clock),
    /// From one point to another: kind `range`, value "start/end".
    Between(Option<String>, Option<String>),
    /// A length of time: kind `duration`, value the count of `unit`.
    Duration(f64, Unit),
    /// A repeated time ("every week", "on Thursdays"): kind `date`, value "R/…".
    Set(String),
}

impl Meaning {
    pub fn render(&self) -> Option<String> {
        match self {
            Meaning::Point(when, None) => when.render(),
            Meaning::Point(when, Some(clock)) => Some(match when.render() {
                Some(day) => format!("{day}T{}", clock.render()),
                None => clock.render(),
            }),
            Meaning::Time(clock) => Some(clock.render()),
            Meaning::Between(a, b) => match (a, b) {
                (None, None) => None,
                (a, b) => Some(format!("{}/{}", a.as_deref().unwrap_or(".."), b.as_deref().unwrap_or(".."))),
            },
            Meaning::Duration(..) => None,
            Meaning::Set(s) => Some(s.clone()),
        }
    }
}

/// How a weekday name is placed relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayShift {
    /// "on Friday": the nearest one, looking back in past-tense text and ahead in future-tense text.
    Nearest { future: bool },
    /// "this Friday": in the current Monday-to-Sunday week.
    ThisWeek,
    /// "next Friday": in the following week.
    NextWeek,
    /// "last Friday", "previous Friday": in the week before.
    LastWeek,
    /// "this past Friday": the latest one before today.
    Past,
    /// "coming Friday": the first one after today.
    Coming,
}

pub fn place_weekday(today: Date, wd: u32, shift: WeekdayShift) -> Date {
    let delta = i64::from(wd) - i64::from(weekday(today));
    match shift {
        WeekdayShift::Nearest { future: false } => add_days(today, -(-delta).rem_euclid(7)),
        WeekdayShift::Nearest { future: true } => add_days(today, delta.rem_euclid(7)),
        WeekdayShift::ThisWeek => add_days(monday_of(today), i64::from(wd) - 1),
        WeekdayShift::NextWeek => add_days(monday_of(today), 7 + i64::from(wd) - 1),
        WeekdayShift::LastWeek => add_days(monday_of(today), -7 + i64::from(wd) - 1),
        WeekdayShift::Past => add_days(today, -((-delta - 1).rem_euclid(7) + 1)),
        WeekdayShift::Coming => add_days(today, (delta - 1).rem_euclid(7) + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn places_weekdays_like_a_reader_would() {
        let thursday = d(2019, 1, 31);
        assert_eq!(place_weekday(thursday, 3, WeekdayShift::LastWeek), d(2019, 1, 23));
        assert_eq!(place_weekday(thursday, 3, WeekdayShift::Past), d(2019, 1, 30));
        assert_eq!(place_weekday(thursday, 4, WeekdayShift::Coming), d(2019, 2, 7));
        assert_eq!(place_weekday(thursday, 4, WeekdayShift::Nearest { future: false }), thursday);
        assert_eq!(place_weekday(thursday, 5, WeekdayShift::Nearest { future: false }), d(2019, 1, 25));
        assert_eq!(place_weekday(thursday, 1, WeekdayShift::NextWeek), d(2019, 2, 4));
    }

    #[test]
    fn writes_iso_like_values() {
        assert_eq!(
            Meaning::Point(When::Day(d(2017, 4, 7)), Some(Clock::new(16, 30))).render().unwrap(),
            "2017-04-07T16:30"
        );
        assert_eq!(When::Month { year: None, month: 4 }.render().unwrap(), "XXXX-04");
        assert_eq!(When::Week(d(2016, 11, 7)).render().unwrap(), "2016-W45");
        assert_eq!(Meaning::Between(Some("2014".into()), Some("2018".into())).render().unwrap(), "2014/2018");
    }
}
