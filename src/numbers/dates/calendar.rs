//! Calendar arithmetic on [`Date`]: day counts, weekdays, month steps and ISO weeks.
//!
//! A few lines of the well-known days-from-civil conversion cover everything the date grammar
//! needs; a calendar crate would add more code to the wasm build than it saves here.

use crate::{days_in_month, Date};

/// Days since 1970-01-01 (negative before it), proleptic Gregorian calendar.
pub fn day_number(d: Date) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`day_number`]).
pub fn from_day_number(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

pub fn add_days(d: Date, n: i64) -> Date {
    from_day_number(day_number(d) + n)
}

/// ISO weekday: 1 = Monday … 7 = Sunday.
pub fn weekday(d: Date) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((day_number(d) + 3).rem_euclid(7) + 1) as u32
}

/// The same day `n` months later (or earlier), clamped to the month's last day.
pub fn add_months(d: Date, n: i32) -> Date {
    let total = d.year * 12 + d.month as i32 - 1 + n;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    Date { year, month, day: d.day.min(days_in_month(year, month)) }
}

/// The Monday of the week that holds `d`.
pub fn monday_of(d: Date) -> Date {
    add_days(d, -(i64::from(weekday(d)) - 1))
}

/// ISO-8601 week of a date: (week-based year, week number).
pub fn iso_week(d: Date) -> (i32, u32) {
    let thursday = add_days(d, 4 - i64::from(weekday(d)));
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    let ordinal = day_number(thursday) - day_number(jan1);
    (thursday.year, (ordinal / 7 + 1) as u32)
}

/// Whether year, month and day name a real day.
pub fn is_valid(year: i32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Easter Sunday of a year (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { year, month: month as u32, day: day as u32 }
}

/// The `n`-th (1-based) given weekday of a month; `n = -1` for the last one.
pub fn nth_weekday(year: i32, month: u32, wd: u32, n: i32) -> Date {
    if n < 0 {
        let last = Date { year, month, day: days_in_month(year, month) };
        let back = (i64::from(weekday(last)) - i64::from(wd)).rem_euclid(7);
        return add_days(last, -back);
    }
    let first = Date { year, month, day: 1 };
    let ahead = (i64::from(wd) - i64::from(weekday(first))).rem_euclid(7);
    add_days(first, ahead + 7 * i64::from(n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years_and_epoch() {
        for date in [d(1970, 1, 1), d(2000, 2, 29), d(1899, 12, 31), d(2024, 3, 1), d(2016, 11, 7)] {
            assert_eq!(from_day_number(day_number(date)), date);
        }
        assert_eq!(day_number(d(1970, 1, 2)), 1);
    }

    #[test]
    fn knows_the_weekday() {
        assert_eq!(weekday(d(2016, 11, 7)), 1); // a Monday
        assert_eq!(weekday(d(2017, 4, 7)), 5); // a Friday
    }

    #[test]
    fn clamps_month_steps_to_the_last_day() {
        assert_eq!(add_months(d(2016, 1, 31), 1), d(2016, 2, 29));
        assert_eq!(add_months(d(2016, 1, 15), -2), d(2015, 11, 15));
    }

    #[test]
    fn numbers_iso_weeks_across_the_year_boundary() {
        assert_eq!(iso_week(d(2019, 12, 30)), (2020, 1));
        assert_eq!(iso_week(d(2016, 11, 7)), (2016, 45));
    }

    #[test]
    fn finds_easter_and_nth_weekdays() {
        assert_eq!(easter(2018), d(2018, 4, 1));
        assert_eq!(nth_weekday(2021, 11, 4, 4), d(2021, 11, 25)); // Thanksgiving
        assert_eq!(nth_weekday(2021, 5, 1, -1), d(2021, 5, 31)); // Memorial Day
    }
}
