//! Behaviour of the whole extractor on short sentences.

use super::*;
use crate::segment::segment;

fn all(t: &str) -> Vec<Quantity> {
    extract(t, &segment(t), &Options::default())
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
