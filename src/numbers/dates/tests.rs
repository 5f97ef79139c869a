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

#[test]
fn never_panics_on_truncated_or_odd_input() {
    let samples = [
        "Tue May 9, 2017 at 6:30 p.m. until Friday the 12th — from 10-1-2018-10-7-2018.",
        "between 3 and 5 on 1/1/2015; the week of the 18th; 2 weeks and 2 days ago; Q1 2017",
        "This Week, the Weekly Standard: in the 90 s, every other Friday at 7:13 p . m .",
        "at 6.45 per cent; 138-2010-2015; 5/17/2018; half past seven o'clock; ½ hour",
    ];
    for sample in samples {
        for (end, _) in sample.char_indices() {
            let text = &sample[..end];
            let _ = find(text, Span::new(0, text.len()), 0, &Options { pub_date: Date::parse_iso("2017-04-07").ok() });
            let _ = find(text, Span::new(0, text.len()), 0, &Options::default());
        }
    }
}

#[test]
fn skips_titles_and_names_that_look_like_dates() {
    assert!(dates_in("Speaking on ABC's This Week, he disagreed.", None).is_empty());
    assert!(dates_in("He wrote for the Weekly Standard site.", None).is_empty());
}

#[test]
fn reads_open_ranges_and_bounds() {
    assert_eq!(one("Prices have risen since 2012.", None), ("since 2012".into(), Some("2012/..".into())));
    assert_eq!(one("He will decide by June.", Some("2011-04-07")), ("by June".into(), Some("../2011-06".into())));
    assert_eq!(one("We meet at 3 pm or later.", None).1.as_deref(), Some("15:00/.."));
}

#[test]
fn joins_clock_ranges_to_the_day_after_them() {
    let found = dates_in("Where were you between 3 and 8 yesterday?", Some("2018-11-01"));
    assert_eq!(
        found,
        [("between 3 and 8 yesterday".to_string(), Kind::Range, Some("2018-10-31T03:00/2018-10-31T08:00".to_string()))]
    );
    assert!(dates_in("Between 3 and 5 people came.", None).is_empty());
}

#[test]
fn reads_a_part_of_the_day_with_its_hour() {
    assert_eq!(one("Meet me in the afternoon at 7.", None), ("in the afternoon at 7".into(), Some("19:00".into())));
    assert_eq!(one("It rang at one in the morning.", None).1.as_deref(), Some("01:00"));
}

#[test]
fn ends_a_window_before_an_offset() {
    let found = dates_in("They worked for the last 3 months and 2 days ago they won.", Some("2016-11-07"));
    assert_eq!(found.last().unwrap().2.as_deref(), Some("2016-11-05"));
}

#[test]
fn does_not_read_counts_and_titles_as_days() {
    let found = dates_in("He testified on November 12, 2012–six days after the vote.", None);
    assert_eq!(found[0].0, "November 12, 2012");
    assert!(dates_in("It came a month before the first Republican contest.", None)
        .iter()
        .all(|d| !d.0.contains("first")));
    assert_eq!(one("She hosted Saturday Night Live again.", None).0, "Saturday");
}

#[test]
fn keeps_fractions_and_may_the_name_out_of_dates() {
    assert!(dates_in("The vote was close, and 1/4 of members abstained.", None).is_empty());
    assert_eq!(dates_in("In May the group met, and May officials agreed.", None).len(), 1);
    assert_eq!(one("It crashed 20 minutes after takeoff.", None).1.as_deref(), Some("20 minute"));
}

#[test]
fn places_weekdays_and_months_by_the_tense_around_them() {
    // Pub date: Wednesday 2010-12-01.
    let p = Some("2010-12-01");
    assert_eq!(one("Reid said on Tuesday that the Senate will vote.", p).1.as_deref(), Some("2010-11-30"));
    assert_eq!(one("The Senate will vote on Tuesday.", p).1.as_deref(), Some("2010-12-07"));
    assert_eq!(one("On Friday, the House will vote.", p).1.as_deref(), Some("2010-12-03"));
    assert_eq!(one("He declared back in October that it was over.", Some("2010-07-04")).1.as_deref(), Some("2009-10"));
    assert_eq!(one("The vote is expected in October.", Some("2010-12-01")).1.as_deref(), Some("2011-10"));
}

#[test]
fn keeps_the_month_of_a_relative_month_without_a_pub_date() {
    assert_eq!(one("It began in June previous year.", None).1.as_deref(), Some("XXXX-06"));
    assert_eq!(one("It began last March.", None).1.as_deref(), Some("XXXX-03"));
}

#[test]
fn reads_a_bare_hour_only_next_to_a_day() {
    assert!(dates_in("Unemployment stood at 5.", None).is_empty());
    assert!(dates_in("Shares closed at 6.45 on the day.", None).iter().all(|d| d.1 != Kind::Time));
    assert_eq!(one("The party is on Sat at 5.", None).1.as_deref(), Some("XXXX-WXX-6T05:00"));
    assert_eq!(one("We meet at 7 in the evening.", None).1.as_deref(), Some("19:00"));
}

#[test]
fn keeps_a_time_zone_in_the_span_of_its_time() {
    assert_eq!(one("The strike began at 16:30 GMT.", None), ("at 16:30 GMT".into(), Some("16:30".into())));
    assert_eq!(one("The strike began (1630 GMT) near the border.", None), ("1630 GMT".into(), Some("16:30".into())));
    assert_eq!(one("Polls close at 9 p.m. ET tonight.", None).0, "at 9 p.m. ET tonight");
}

#[test]
fn reads_in_n_years_after_a_superlative_as_the_past_years() {
    let found = dates_in("It is the biggest increase in 39 years.", Some("2021-10-13"));
    assert_eq!(found[0].2.as_deref(), Some("1982-10-13/2021-10-13"));
    assert_eq!(one("We will know in two years.", Some("2021-10-13")).1.as_deref(), Some("2023-10-13"));
}

#[test]
fn prefers_the_past_for_dates_without_a_year_unless_they_are_close_ahead() {
    // Pub date 2021-10-08: January 6 is last January's; November 8 is next month's.
    assert_eq!(
        one("The committee is investigating the Jan. 6 attack.", Some("2021-10-08")).1.as_deref(),
        Some("2021-01-06")
    );
    assert_eq!(
        one("Travellers can enter beginning Nov. 8 under the rule.", Some("2021-10-08")).1.as_deref(),
        Some("2021-11-08/..")
    );
    assert!(dates_in("The port moves to 24/7 service.", Some("2021-10-08")).is_empty());
    assert_eq!(dates_in("A ruling by the 5th Circuit came.", None), []);
}

#[test]
fn reads_a_range_with_a_comma_before_its_joiner_and_skips_the_today_show() {
    let found = dates_in("Samples between Nov. 3, 2020, and Jul. 9 were tested.", Some("2021-10-06"));
    assert_eq!(found[0].2.as_deref(), Some("2020-11-03/2021-07-09"));
    assert!(dates_in("He told the Today programme it was fixed.", None).is_empty());
}

#[test]
fn reads_seasons_and_fiscal_years() {
    assert_eq!(one("Their 2015-16 season was poor.", None).1.as_deref(), Some("2015/2016"));
    assert_eq!(one("Revenue in fiscal 2017 rose.", None).1.as_deref(), Some("FY2017"));
    assert_eq!(one("The FY18 budget passed.", None).1.as_deref(), Some("FY2018"));
}

#[test]
fn keeps_the_stated_year_of_a_range_start_and_reads_over_a_week_ago() {
    let found = dates_in("Surveys between July 2016 and April 2018 found it.", Some("2021-09-10"));
    assert_eq!(found[0].2.as_deref(), Some("2016-07/2018-04"));
    assert_eq!(one("They left just over a week ago.", Some("2021-09-09")).1.as_deref(), Some("2021-09-02"));
    assert!(dates_in("A second poll showed the same.", None).is_empty());
}

#[test]
fn keeps_ages_and_anniversaries_out_of_dates() {
    assert!(dates_in("A woman in her 80s recovered.", None).is_empty());
    assert_eq!(one("Music of the 70s returned.", None).1.as_deref(), Some("197X"));
    let found = dates_in("Three weeks before the 15th anniversary, she wrote.", Some("2021-09-07"));
    assert!(found.iter().all(|d| !d.0.contains("15th")), "{found:?}");
}

#[test]
fn reads_the_sunday_times_as_a_name() {
    assert!(dates_in("It was reported by the Sunday Times.", None).is_empty());
    assert_eq!(one("Talks resumed on Monday President Biden said.", None).0, "Monday");
}

#[test]
fn reads_the_nth_day_of_a_month() {
    assert_eq!(one("We return on the 15th day of next month.", Some("2020-07-01")).1.as_deref(), Some("2020-08-15"));
    assert_eq!(one("It fell on the twenty third day of September 2019.", None).1.as_deref(), Some("2019-09-23"));
}

#[test]
fn reads_in_n_units_as_a_duration_without_a_pub_date_and_as_a_date_with_one() {
    assert_eq!(
        dates_in("The loan is repaid in 3 years.", None),
        [("in 3 years".to_string(), Kind::Duration, Some("3 year".to_string()))]
    );
    assert_eq!(
        dates_in("The loan is repaid in 3 years.", Some("2017-06-09")),
        [("in 3 years".to_string(), Kind::Date, Some("2020-06-09".to_string()))]
    );
}

#[test]
fn gives_a_day_number_after_the_month_to_that_month() {
    // "19 Sept. 11 hijackers": a count before "Sept. 11", not the 19th of September.
    assert_eq!(
        one("Fifteen of the 19 Sept. 11 hijackers were named 👍🏽.", None),
        ("Sept. 11".into(), Some("XXXX-09-11".into()))
    );
    assert_eq!(one("I paid €12 December 27 in Zürich.", None), ("December 27".into(), Some("XXXX-12-27".into())));
    // A year or a comma after the month leaves the day before it alone.
    assert_eq!(one("On 19 Sept. 2011 it rained.", None).1.as_deref(), Some("2011-09-19"));
    assert_eq!(dates_in("They met on 4 March, 10 hours before the vote.", None)[0].0, "4 March");
}

#[test]
fn finds_expressions_that_begin_with_an_article_a_preposition_or_a_bound_cue() {
    // The scan tries the grammar only where a token can open an expression: each of these
    // begins with a word that opens only before certain words, or only as a bound cue.
    for (text, expected) in [
        ("Talks resume the day after tomorrow, officials said.", "the day after tomorrow"),
        ("Prices fell over the last 3 months.", "the last 3 months"),
        ("Results come in a few days.", "in a few days"),
        ("It closed a week ago.", "a week ago"),
        ("Crowds gathered that weekend.", "that weekend"),
        ("We met in the morning at 7.", "in the morning at 7"),
        ("Ballots must arrive by Friday.", "by Friday"),
        ("The law applies no later than 2020.", "no later than 2020"),
        ("Records go back as early as March 2019.", "as early as March 2019"),
        ("They skipped the lunchtime rush — café ☕ 東京.", "the lunchtime"),
    ] {
        let found = dates_in(text, Some("2021-06-15"));
        assert!(found.iter().any(|(span, _, _)| span == expected), "{text}: {found:?}");
    }
}

#[test]
fn skips_tokens_no_expression_can_begin_with() {
    // "the", "a" and "that" before ordinary words, and bound cues before no date.
    let found = dates_in("By the way, that plan is as good as a vote of the board.", Some("2021-06-15"));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn starts_at_a_prefix_word_only_before_a_word_the_grammar_knows() {
    // "this", "at", "from", "about", "all"… open only before digits, a mark or a word of the table.
    for (text, expected) in [
        ("We met at 5pm — café ☕ 東京.", "at 5pm"),
        ("It ran from May to June.", "from May to June"),
        ("Prices rose this week.", "this week"),
        ("It took about a week.", "about a week"),
        ("It ends at the end of 2019.", "the end of 2019"),
        ("Shots rang out during the night.", "during the night"),
        ("It rained all week.", "all week"),
        ("It will take up to three days.", "up to three days"),
        ("Crews check the dam every other day.", "every other day"),
        ("Fireworks lit New Year's Eve.", "New Year's Eve"),
        ("Music of the '90s returned.", "'90s"),
        ("The strike lasted two weeks.", "two weeks"),
    ] {
        let found = dates_in(text, Some("2021-06-15"));
        assert!(found.iter().any(|(span, _, _)| span == expected), "{text}: {found:?}");
    }
    let sentence = "At the scene, this plan from the city was about the vote – “at Ørsted” 😀 all agreed; \
                    one man in New York said it: ’tis right here.";
    let low = sentence.to_ascii_lowercase();
    let toks = tokens::tokenize(sentence);
    let parser = Parser::new(&low, &toks, Context { today: None });
    let starts: Vec<&str> =
        (0..toks.len()).filter(|&i| parser.can_start(i)).map(|i| toks[i].span.text(sentence)).collect();
    assert!(starts.is_empty(), "{starts:?}");
    // Where the start test says no, the grammar finds nothing either.
    for text in [sentence, "They left at once, from here, about then, and this is all.", "In the end, in a way."] {
        let low = text.to_ascii_lowercase();
        let toks = tokens::tokenize(text);
        let parser = Parser::new(&low, &toks, Context { today: None });
        for i in (0..toks.len()).filter(|&i| !parser.can_start(i)) {
            assert!(parser.best_at(i).is_none(), "{text}: token {i}");
        }
    }
}

#[test]
fn names_months_and_weekdays_in_any_case_with_a_full_stop_or_possessive() {
    assert_eq!(super::month_number("SEPT."), Some(9));
    assert_eq!(super::month_number("March"), Some(3));
    assert_eq!(super::month_number("Märch"), None);
    assert_eq!(super::weekday_number("Thursday’s"), Some(4));
    assert_eq!(super::weekday_number("THU."), Some(4));
    assert_eq!(super::weekday_number("Thursdays"), None);
    assert_eq!(super::weekday_number("Ça"), None);
}

#[test]
fn reads_each_sentence_alike_with_the_lists_of_the_sentence_before() {
    // Long, short, then long again: a reused list must hold only its own sentence's tokens.
    let text = "On 7 Août 2017 😀 the “big” vote was held at 3pm, about two weeks after Easter 2016. \
                Then May 5. None here. 東京 met on Friday at noon, the day after 12/01/2015 or so.";
    let options = Options { pub_date: Some(Date::parse_iso("2017-04-07").unwrap()) };
    let seg = crate::segment::segment(text);
    let low = text.to_ascii_lowercase();
    let mut scratch = Scratch::new(&low);
    let mut found = 0;
    for (si, s) in seg.content_sentences() {
        let numbers = crate::numbers::tokens::Tokens::new(text, s.span);
        let reused = find_in_tokens(s.span, &numbers.toks, si, &options, &mut scratch);
        assert_eq!(reused, find(text, s.span, si, &options), "{}", s.span.text(text));
        found += reused.len();
    }
    assert!(found >= 5, "{found}");
}

#[test]
fn passes_over_prepositions_and_determiners_whose_next_words_begin_no_reading() {
    // Each word the second look rules on, once where it begins a date and once where it cannot.
    let cases = [
        (
            "We met in the morning, in the end, in a week, in 2016 and in an instant.",
            &["in the morning", "in a week"][..],
        ),
        (
            "She was at the moment at the scene at least 3 days, at least 40 people, at 5 pm at home.",
            &["at the moment", "at least 3 days", "at 5 pm"],
        ),
        ("From now to June, now that it rains, from now on.", &["From now to June"]),
        (
            "Its current year ends; its current chief left; the same week came, the same people left.",
            &["current year", "the same week"],
        ),
        (
            "Right now, right here, at the end of May, the end of the road, in the middle of the night.",
            &["Right now", "the end of May"],
        ),
        (
            "The day after, the day before yesterday, the day of the vote, the 2016 election, the 3 next weeks.",
            &["The day after", "the day before yesterday", "the 3 next weeks"],
        ),
        (
            "In year 2008 the year was good; once a week, once again, twice a day.",
            &["year 2008", "once a week", "twice a day"],
        ),
        (
            "During lunch and during the talks, over the evening, over the years, over two weeks.",
            &["During lunch", "over the evening", "over two weeks"],
        ),
        (
            "About 3 weeks, about the vote, around noon, around the city, nearly a month, nearly all.",
            &["About 3 weeks", "around noon", "nearly a month"],
        ),
        (
            "More than 3 weeks, more than ever, less than that, up to 2 months, up to them, all day, all the people.",
            &["More than 3 weeks", "up to 2 months", "all day"],
        ),
        (
            "From 9 to 5, from noon to 3 pm, between May and June, from the people, between them.",
            &["From 9 to 5", "from noon to 3 pm", "between May and June"],
        ),
        ("After the morning and before dawn, after Monday, before the vote.", &["After the morning", "after Monday"]),
        (
            "Later than 2015, later that day, late in the evening, early this month, mid-November, early on, at mid night, late voters.",
            &["Later than 2015", "late in the evening", "early this month", "mid-November", "at mid night"],
        ),
        (
            "One of them came on the first of May, the first time; the two of us met the first week of June.",
            &["the first of May", "the first week of June"],
        ),
        (
            "Turnout rose 5 percent to 1,000 voters, 300 people, 12 million, at 5 pm on 5 May, for 100 days, 7th.",
            &["at 5 pm on 5 May", "100 days"],
        ),
        (
            "This was said; this morning and this week, this May, some of them, some days later.",
            &["this morning", "this week", "this May", "some days later"],
        ),
    ];
    for pub_date in [None, Some("2017-04-07")] {
        for (text, expected) in cases {
            let found = dates_in(text, pub_date);
            for want in expected {
                assert!(found.iter().any(|(span, _, _)| span == want), "{text}: {want:?} not in {found:?}");
            }
            let low = text.to_ascii_lowercase();
            let toks = tokens::tokenize(text);
            let today = pub_date.map(|d| Date::parse_iso(d).unwrap());
            let parser = Parser::new(&low, &toks, Context { today });
            for i in (0..toks.len()).filter(|&i| !parser.can_start(i)) {
                assert!(parser.best_at(i).is_none(), "{text}: {:?} skipped", &text[toks[i].span.start..]);
            }
        }
    }
}

#[test]
fn reads_holiday_names_with_either_apostrophe() {
    let straight = "Fireworks lit New Year's Eve 😀, then Valentine's Day and St Patrick's Day in Zürich.";
    let curly = "Fireworks lit New Year’s Eve 😀, then Valentine’s Day and St Patrick’s Day in Zürich.";
    let values = |text: &str| dates_in(text, None).into_iter().map(|(span, _, v)| (span, v)).collect::<Vec<_>>();
    let want = |apostrophe: char| {
        [("New Year's Eve", "XXXX-12-31"), ("Valentine's Day", "XXXX-02-14"), ("St Patrick's Day", "XXXX-03-17")]
            .map(|(span, v)| (span.replace('\'', &apostrophe.to_string()), Some(v.to_string())))
            .to_vec()
    };
    assert_eq!(values(straight), want('\''));
    assert_eq!(values(curly), want('’'));
    assert_eq!(one("We met on New Year’s Day 2018.", None), ("New Year’s Day 2018".into(), Some("2018-01-01".into())));
}
