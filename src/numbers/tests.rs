//! Behaviour of the whole extractor on short sentences.

use super::*;
use crate::segment::segment;

/// The numbers stage alone: these tests are about numbers, whatever the dates stage finds.
fn all(t: &str) -> Vec<Quantity> {
    assemble(t, &t.to_ascii_lowercase(), &segment(t), |_, _, _| Vec::new())
}

/// (text, kind, value) of each quantity.
fn found(t: &str) -> Vec<(&str, Kind, f64)> {
    all(t).iter().map(|q| (q.span.text(t), q.kind, q.number().unwrap_or(f64::NAN))).collect()
}

fn one(t: &str) -> Quantity {
    let qs = all(t);
    assert_eq!(qs.len(), 1, "{t:?}: {:?}", found(t));
    qs.into_iter().next().unwrap()
}

#[test]
fn reads_digits_decimals_and_thousands() {
    assert_eq!(
        found("They fired 59 shells, 1,200 rounds and .08 of it; 2.5 more."),
        [
            ("59", Kind::Cardinal, 59.0),
            ("1,200", Kind::Cardinal, 1200.0),
            (".08", Kind::Cardinal, 0.08),
            ("2.5", Kind::Cardinal, 2.5)
        ]
    );
}

#[test]
fn reads_number_words_and_mixed_forms() {
    assert_eq!(
        found("Eight people, two hundred and fifty sheep and 1.5 million birds."),
        [
            ("Eight", Kind::Cardinal, 8.0),
            ("two hundred and fifty", Kind::Cardinal, 250.0),
            ("1.5 million", Kind::Cardinal, 1.5e6)
        ]
    );
    assert_eq!(one("They bought a dozen eggs.").number(), Some(12.0));
    assert_eq!(one("It took 5 and a half hours.").number(), Some(5.5));
    assert_eq!(one("Three-quarters of voters agreed.").number(), Some(0.75));
}

#[test]
fn reads_negative_numbers() {
    assert_eq!(one("The reading was -4 at dawn.").number(), Some(-4.0));
    assert_eq!(one("It fell to minus five overnight.").number(), Some(-5.0));
}

#[test]
fn reads_ordinals_in_words_and_digits() {
    assert_eq!(found("for the second time"), [("second", Kind::Ordinal, 2.0)]);
    assert_eq!(found("the third-largest city"), [("third-largest", Kind::Ordinal, 3.0)]);
    assert_eq!(found("She came 1st."), [("1st", Kind::Ordinal, 1.0)]);
}

#[test]
fn keeps_percentage_points_apart_from_percent() {
    let q = all("Support rose 15% to 15 per cent, or 2 percentage points.");
    let units: Vec<_> =
        q.iter().map(|q| (q.span.text("Support rose 15% to 15 per cent, or 2 percentage points."), q.unit)).collect();
    assert_eq!(units, [("15%", Some("%")), ("15 per cent", Some("%")), ("2 percentage points", Some("pp"))]);
}

#[test]
fn reads_money_with_symbols_codes_words_and_scales() {
    let t = "They paid $1.8m, £5bn, 1.8M dollars and €20,000.";
    let got: Vec<_> = all(t).iter().map(|q| (q.span.text(t), q.kind, q.number().unwrap(), q.unit)).collect();
    assert_eq!(
        got,
        [
            ("$1.8m", Kind::Money, 1.8e6, Some("USD")),
            ("£5bn", Kind::Money, 5e9, Some("GBP")),
            ("1.8M dollars", Kind::Money, 1.8e6, Some("USD")),
            ("€20,000", Kind::Money, 20000.0, Some("EUR")),
        ]
    );
}

#[test]
fn reads_hyphenated_measures_and_counts() {
    let q = one("They set up a 34-mile zone.");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Measure, Some(34.0), Some("mi")));
    let t = "A 20-vehicle convoy left.";
    let q = one(t);
    assert_eq!((q.kind, q.number(), q.counted.map(|c| c.text(t))), (Kind::Cardinal, Some(20.0), Some("vehicle")));
}

#[test]
fn links_a_conversion_in_brackets_to_the_quantity_it_restates() {
    let t = "The strike was 27km (17 miles) from the border.";
    let q = all(t);
    assert_eq!(q.len(), 2);
    assert_eq!((q[0].unit, q[1].unit, q[1].restates), (Some("km"), Some("mi"), Some(0)));
    assert!((q[0].si_value.unwrap() - 27000.0).abs() < 1e-6);
    assert!((q[1].si_value.unwrap() - 27358.848).abs() < 1e-6);
}

#[test]
fn reads_durations_that_are_not_dates() {
    let q = one("It came seven months into the campaign.");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Duration, Some(7.0), Some("month")));
    assert_eq!(one("It lasted one day.").unit, Some("day"));
}

#[test]
fn keeps_bounds_and_ranges() {
    let bound = |t: &str| one(t).bound;
    assert_eq!(bound("They destroyed at least one tank."), Bound::AtLeast);
    assert_eq!(bound("More than 300 died."), Bound::MoreThan);
    assert_eq!(bound("up to 40 people"), Bound::AtMost);
    assert_eq!(bound("about 55 kilometers"), Bound::About);
    assert_eq!(bound("nearly 90 homes"), Bound::About);
    let q = one("between 10 and 20 soldiers");
    assert_eq!((q.kind, q.number(), q.value_max), (Kind::Range, Some(10.0), Some(20.0)));
    let q = one("10-20 km away");
    assert_eq!((q.kind, q.number(), q.value_max, q.unit), (Kind::Measure, Some(10.0), Some(20.0), Some("km")));
}

#[test]
fn keeps_vague_quantities_with_an_order_of_magnitude() {
    let t = "Scores of civilians and hundreds of soldiers fled.";
    let got: Vec<_> =
        all(t).iter().map(|q| (q.span.text(t), q.kind, q.number(), q.counted.map(|c| c.text(t)))).collect();
    assert_eq!(
        got,
        [
            ("Scores of", Kind::Vague, Some(10.0), Some("civilians")),
            ("hundreds of", Kind::Vague, Some(100.0), Some("soldiers"))
        ]
    );
}

#[test]
fn finds_what_is_counted() {
    let t = "They fired 59 cruise missiles; eight people were killed and four tanks burned.";
    let got: Vec<_> = all(t).iter().map(|q| q.counted.map(|c| c.text(t))).collect();
    assert_eq!(got, [Some("cruise missiles"), Some("people"), Some("tanks")]);
}

#[test]
fn leaves_out_designations_phones_urls_and_versions() {
    for t in [
        "An F-22 and an SU-22 flew over.",
        "The Boeing 737 landed.",
        "He reached Stage 5.",
        "Call +1-222-333-4444 now.",
        "See https://example.com/page/2017 for more.",
        "Install version 2.1.3 today.",
    ] {
        assert!(found(t).is_empty(), "{t}: {:?}", found(t));
    }
}

#[test]
fn leaves_out_pronoun_one() {
    for t in ["One of the officials spoke.", "The one you mentioned is here.", "Which one do you prefer?"] {
        assert!(found(t).is_empty(), "{t}: {:?}", found(t));
    }
    assert_eq!(found("Let's try one last time").first().map(|f| f.0), Some("one"));
}

#[test]
fn gives_byte_spans_on_char_boundaries_after_emoji_cjk_and_curly_quotes() {
    let t = "😀 “東京” had 3 km² of café space and €5 … «12 people»";
    let got: Vec<_> = all(t).iter().map(|q| q.span.text(t)).collect();
    assert_eq!(got, ["3 km²", "€5", "12"]);
}

#[test]
fn reads_proportions_written_with_over_and_out_of() {
    assert_eq!(one("The answer is one over 20").number(), Some(0.05));
    assert_eq!(one("two out of five hundred").number(), Some(0.004));
}

#[test]
fn reads_a_percent_word_before_its_number() {
    let q = one("The tax is per cent of twenty-two");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Percent, Some(22.0), Some("%")));
}

#[test]
fn reads_a_range_of_ordinals_after_between() {
    let q = one("He ranks between the tenth and the fifteenth.");
    assert_eq!((q.kind, q.number(), q.value_max), (Kind::Range, Some(10.0), Some(15.0)));
}

#[test]
fn merges_a_lower_and_an_upper_bound_into_a_range() {
    let q = one("x is larger than 10 and smaller than 20.");
    assert_eq!((q.kind, q.number(), q.value_max), (Kind::Range, Some(10.0), Some(20.0)));
    assert_eq!(all("More than 40 and less than 10 were seen").len(), 2);
}

#[test]
fn does_not_take_or_less_from_a_following_less_than() {
    let t = "His score is equal to 5000 or less than 6000";
    let got: Vec<_> = all(t).iter().map(|q| (q.span.text(t), q.bound)).collect();
    assert_eq!(got, [("equal to 5000", Bound::Exact), ("less than 6000", Bound::LessThan)]);
}

#[test]
fn does_not_reuse_a_currency_word_as_the_next_amount_prefix() {
    let t = "10 rmb 20 usd";
    let got: Vec<_> = all(t).iter().map(|q| (q.span.text(t), q.unit)).collect();
    assert_eq!(got, [("10 rmb", Some("CNY")), ("20 usd", Some("USD"))]);
}

#[test]
fn reads_ages() {
    let q = one("When she was five years old, she moved.");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Age, Some(5.0), Some("year")));
    assert_eq!(one("a 28-year-old man").kind, Kind::Age);
}

#[test]
fn reads_relative_ordinals_apart_from_numbers() {
    let q = one("Show me the next to last.");
    assert_eq!((q.kind, q.value.clone()), (Kind::RelativeOrdinal, Some(Value::Text("end-1".into()))));
}

#[test]
fn leaves_out_words_inside_compounds_and_short_years() {
    assert!(found("his first one-on-one interview").iter().all(|f| f.1 == Kind::Ordinal));
    assert!(found("the campaign of ’08 was long").is_empty());
    assert!(found("It ended at 16:30 sharp.").is_empty());
}

#[test]
fn reads_a_third_as_ordinal_before_a_noun_and_as_fraction_otherwise() {
    assert_eq!(found("He will launch a third party."), [("third", Kind::Ordinal, 3.0)]);
    assert_eq!(found("Prices fell by a third."), [("a third", Kind::Cardinal, 1.0 / 3.0)]);
    assert_eq!(found("a third of voters"), [("a third", Kind::Cardinal, 1.0 / 3.0)]);
}

#[test]
fn keeps_a_bounded_one_at_the_end_of_a_sentence() {
    assert_eq!(found("They destroyed at least one."), [("at least one", Kind::Cardinal, 1.0)]);
    assert!(found("between a rock and an even harder one when it comes to it").is_empty());
}

#[test]
fn reads_half_only_as_a_share() {
    assert_eq!(found("He sent roughly half to them."), [("roughly half", Kind::Cardinal, 0.5)]);
    assert_eq!(found("half of the emails"), [("half", Kind::Cardinal, 0.5)]);
    assert!(found("his half-brother won in the third quarter").iter().all(|f| f.1 == Kind::Ordinal));
}

#[test]
fn reads_neighbouring_numbers_joined_by_or_as_a_range() {
    let q = one("two or three months from now");
    assert_eq!((q.kind, q.number(), q.value_max, q.unit), (Kind::Duration, Some(2.0), Some(3.0), Some("month")));
}

#[test]
fn does_not_read_the_pronoun_us_as_a_currency() {
    let t = "it cost us $1 billion";
    assert_eq!(found(t), [("$1 billion", Kind::Money, 1e9)]);
}

#[test]
fn reads_feet_and_inches_as_one_length() {
    let q = one("He is 6 ft 3 in tall.");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Measure, Some(6.25), Some("ft")));
    assert_eq!(one("make a half turn").number(), Some(0.5));
}

#[test]
fn gives_a_money_range_the_currency_and_scale_of_its_ends() {
    let q = one("It cost $1-2 million.");
    assert_eq!((q.kind, q.number(), q.value_max, q.unit), (Kind::Money, Some(1e6), Some(2e6), Some("USD")));
    let q = one("Turnout rose to about 40-50%.");
    assert_eq!((q.kind, q.number(), q.value_max, q.bound), (Kind::Percent, Some(40.0), Some(50.0), Bound::About));
}

#[test]
fn leaves_clock_times_to_the_dates_stage() {
    assert!(found("They met at 6pm and again at 7 a.m. on the day.").iter().all(|f| f.0 != "6" && f.0 != "7"));
}

#[test]
fn reads_glued_temperature_letters_and_pc() {
    let q = one("Temperatures hit 40C in Seville.");
    assert_eq!((q.kind, q.unit), (Kind::Measure, Some("°C")));
    assert!((q.si_value.unwrap() - 313.15).abs() < 1e-9);
    assert_eq!(one("Inflation is 5pc.").unit, Some("%"));
    assert_eq!(one("Fully 40 percent agreed.").bound, Bound::Exact);
}

#[test]
fn reads_a_year_and_a_half_as_a_duration() {
    let q = one("It was booked a year and a half ahead.");
    assert_eq!((q.kind, q.number(), q.unit), (Kind::Duration, Some(1.5), Some("year")));
    assert_eq!(found("a third-world country"), [("third-world", Kind::Ordinal, 3.0)]);
}

#[test]
fn leaves_out_digits_glued_to_capitals_that_name_a_thing() {
    assert!(found("They rolled out 5G and 3D maps.").is_empty());
    assert_eq!(found("It hit 40C.").len(), 1);
    assert_eq!(found("It cost 15USD.").len(), 1);
}

#[test]
fn leaves_what_a_date_covers_to_the_date() {
    let t = "On 5 May 2017 they fired 59 missiles.";
    let date = Span::new(t.find("5 May").unwrap(), t.find(" they").unwrap());
    let q = assemble(t, &t.to_ascii_lowercase(), &segment(t), |_, _, si| {
        vec![Quantity {
            span: date,
            kind: Kind::Date,
            value: Some(Value::Text("2017-05-05".into())),
            value_max: None,
            unit: None,
            counted: None,
            bound: Bound::Exact,
            si_value: None,
            restates: None,
            sentence: si,
        }]
    });
    let got: Vec<_> = q.iter().map(|q| (q.span.text(t), q.kind)).collect();
    assert_eq!(got, [("5 May 2017", Kind::Date), ("59", Kind::Cardinal)]);
}

#[test]
fn leaves_out_list_markers_and_markup_values() {
    assert!(found("8. Where the money goes").is_empty());
    assert!(found(r#"<tweet tweet-id="783499116076687360"> and page=2"#).is_empty());
    assert_eq!(found("They are the two last, big hurdles.")[0].0, "two");
    assert!(all("They are the two last, big hurdles.")[0].counted.is_none());
}

#[test]
fn keeps_comparison_signs_and_long_numbers_at_a_sentence_start() {
    assert_eq!(one("Find the numbers which are < = 100").bound, Bound::AtMost);
    assert_eq!(found("22,240,260,310.").len(), 1);
}

#[test]
fn reads_half_a_million_and_hyphenated_bounds() {
    assert_eq!(one("They raised half a million.").number(), Some(500_000.0));
    let t = "a 40-odd group of men";
    let q = one(t);
    assert_eq!((q.number(), q.bound, q.counted.map(|c| c.text(t))), (Some(40.0), Bound::About, Some("group")));
    assert_eq!(one("a 300-plus crowd").bound, Bound::AtLeast);
}

#[test]
fn links_a_conversion_after_or_but_not_an_alternative() {
    let q = all("The zone is 17 miles, or 27km, wide.");
    assert_eq!(q[1].restates, Some(0));
    let q = all("It costs $5 or $10 each.");
    assert!(q.iter().all(|q| q.restates.is_none()));
}

#[test]
fn counts_what_a_percentage_is_of() {
    let t = "Obama won 75 percent of Latino votes and 2 of 3 states.";
    let got: Vec<_> = all(t).iter().map(|q| q.counted.map(|c| c.text(t))).collect();
    assert_eq!(got, [Some("Latino votes"), Some("states"), Some("states")]);
}

#[test]
fn reads_m_as_millions_before_a_plural_and_as_metres_otherwise() {
    let t = "Some 1.5m people live there; he is 1.8m tall and ran the 100m sprint.";
    let got: Vec<_> = all(t).iter().map(|q| (q.span.text(t), q.kind, q.number().unwrap(), q.unit)).collect();
    assert_eq!(
        got,
        [
            ("Some 1.5m", Kind::Cardinal, 1.5e6, None),
            ("1.8m", Kind::Measure, 1.8, Some("m")),
            ("100m", Kind::Measure, 100.0, Some("m")),
        ]
    );
}
