//! Behaviour of the date finder on sentences written for these tests.

use super::*;
use crate::Date;

fn dates_in(text: &str, pub_date: Option<&str>) -> Vec<(String, Kind, Option<String>)> {
    let options = Options { pub_date: pub_date.map(|d| Date::parse_iso(d).unwrap()) };
    find(text, Span::new(0, text.len()), 0, &options)
        .into_iter()
        .map(|q| {
            let v = match q.value {
                Some(Value::Text(s)) => Some(s),
                Some(Value::Number(n)) => Some(format!("{n} {}", q.unit.unwrap_or(""))),
                None => None,
            };
            (q.span.text(text).to_string(), q.kind, v)
        })
        .collect()
}

fn one(text: &str, pub_date: Option<&str>) -> (String, Option<String>) {
    let found = dates_in(text, pub_date);
    assert_eq!(found.len(), 1, "expected one date in {text:?}, got {found:?}");
    (found[0].0.clone(), found[0].2.clone())
}

#[test]
fn reads_full_dates_in_every_common_order() {
    for text in [
        "It opened on April 7, 2017.",
        "It opened on 7 April 2017.",
        "It opened on 2017-04-07.",
        "It opened on 04/07/2017.",
        "It opened on the 7th of April 2017.",
    ] {
        let (_, v) = one(text, None);
        assert_eq!(v.as_deref(), Some("2017-04-07"), "{text}");
    }
}

#[test]
fn reports_a_weekday_without_a_pub_date() {
    assert_eq!(one("The strike came on Thursday.", None), ("Thursday".into(), Some("XXXX-WXX-4".into())));
}

#[test]
fn resolves_relative_days_against_the_pub_date() {
    assert_eq!(one("They met yesterday.", Some("2017-04-07")).1.as_deref(), Some("2017-04-06"));
    assert_eq!(one("He arrived on Thursday.", Some("2017-04-07")).1.as_deref(), Some("2017-04-06"));
    assert_eq!(one("We will meet next Monday.", Some("2018-11-15")).1.as_deref(), Some("2018-11-19"));
    assert_eq!(one("The talks ended three days ago.", Some("2016-11-07")).1.as_deref(), Some("2016-11-04"));
    assert_eq!(one("The attack came last month.", Some("2017-05-02")).1.as_deref(), Some("2017-04"));
}

#[test]
fn leaves_relative_dates_unresolved_without_a_pub_date() {
    let found = dates_in("The attack came last month.", None);
    assert_eq!(found, [("last month".to_string(), Kind::Date, None)]);
}

#[test]
fn reads_months_and_month_with_relative_year() {
    assert_eq!(one("The strike in April killed four.", Some("2017-05-02")).1.as_deref(), Some("2017-04"));
    assert_eq!(
        one("It began in June previous year.", Some("2017-05-02")),
        ("June previous year".into(), Some("2016-06".into()))
    );
}

#[test]
fn reads_years_after_a_preposition_but_not_before_a_noun() {
    assert_eq!(one("The law passed in 2012.", None).1.as_deref(), Some("2012"));
    assert!(dates_in("There were 2012 people at the rally.", None).is_empty());
}

#[test]
fn reads_clock_times() {
    for (text, want) in [
        ("It started at 16:30.", "16:30"),
        ("It started at 6pm.", "18:00"),
        ("It started at 6:30 p.m. sharp.", "18:30"),
        ("It started at noon.", "12:00"),
        ("It ended at midnight.", "00:00"),
    ] {
        let found = dates_in(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].1, Kind::Time, "{text}");
        assert_eq!(found[0].2.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn joins_a_date_and_its_time() {
    assert_eq!(one("We leave tomorrow at 8:00am.", Some("2016-11-07")).1.as_deref(), Some("2016-11-08T08:00"));
}

#[test]
fn does_not_take_may_or_march_the_verbs_or_the_sun() {
    for text in [
        "This may take longer than expected.",
        "May I ask what this is for?",
        "Protesters will march to the square.",
        "The Sun reported the story first.",
        "They sat at the back and wed quietly.",
    ] {
        assert!(dates_in(text, None).is_empty(), "{text}: {:?}", dates_in(text, None));
    }
}

#[test]
fn takes_may_and_march_the_months() {
    assert_eq!(one("It happened in May.", None).1.as_deref(), Some("XXXX-05"));
    assert_eq!(one("It happened on March 3.", None).1.as_deref(), Some("XXXX-03-03"));
}

#[test]
fn reads_durations_with_their_unit_and_count() {
    assert_eq!(one("The siege lasted for three days.", None).1.as_deref(), Some("3 day"));
    assert_eq!(one("They waited 20 minutes.", None).1.as_deref(), Some("20 minute"));
    assert_eq!(one("It took one and a half hours.", None).1.as_deref(), Some("1.5 hour"));
}

#[test]
fn leaves_ages_and_plain_counts_of_months_to_the_numbers_stage() {
    assert!(dates_in("She was five years old.", None).is_empty());
    assert!(dates_in("Seven months of talks followed.", None).is_empty());
}

#[test]
fn reads_date_ranges() {
    assert_eq!(one("Prices rose from 2014 to 2018.", None), ("from 2014 to 2018".into(), Some("2014/2018".into())));
    assert_eq!(one("It runs Nov 18-Dec 19, 2015.", None).1.as_deref(), Some("2015-11-18/2015-12-19"));
}

#[test]
fn keeps_byte_offsets_with_accents_emoji_cjk_and_curly_quotes() {
    let text = "“Café 😀 東京” réunion on 7 April 2017 — “ok”";
    let found = find(text, Span::new(0, text.len()), 0, &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.text(text), "7 April 2017");
}

#[test]
fn finds_dates_only_inside_the_sentence_span() {
    let text = "Intro. 😀 It fell on Friday. End.";
    let start = text.find("It").unwrap();
    let end = text.find(" End").unwrap();
    let found = find(text, Span::new(start, end), 3, &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.text(text), "Friday");
    assert_eq!(found[0].sentence, 3);
}
