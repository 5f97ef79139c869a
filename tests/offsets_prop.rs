//! Exact offsets on arbitrary Unicode: whatever the engine finds, every span it reports, in `bytes`,
//! `chars` and `utf16`, selects exactly its `text`, lies inside its document, and the sequences the
//! model calls ordered are in order (see `tests/invariants/mod.rs` for the full list).
//!
//! The texts mix news-like words, figures, reporting verbs and quotation marks (so the stages fire)
//! with emoji, ZWJ sequences, combining marks, CJK, right-to-left text, curly quotes, NBSP and CRLF
//! (so any byte/char/UTF-16 confusion shows).
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use claimlens::numbers::{Bound, Kind, Quantity, Value};
use claimlens::{analyze, days_in_month, Analysis, Date, Document, DocumentAnalysis, Options, Span};
use proptest::prelude::*;

/// Words and phrases of news text: reporting verbs, sources, units, qualifiers, dates.
const NEWS: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "added",
    "officials",
    "the minister",
    "police",
    "he",
    "she",
    "a source",
    "who asked not to be named",
    "Reuters",
    "The",
    "killed",
    "people",
    "missiles",
    "were fired",
    "at least",
    "more than",
    "about",
    "nearly",
    "up to",
    "km",
    "miles",
    "kg",
    "percent",
    "%",
    "$",
    "€",
    "£",
    "million",
    "billion",
    "dollars",
    "January",
    "April",
    "Tuesday",
    "yesterday",
    "last month",
    "on",
    "in",
    "a.m.",
    "p.m.",
    "GMT",
    "Mr.",
    "Dr.",
    "U.S.",
    "No.",
    "not",
    "denied",
    "between",
    "and",
    "to",
    "of",
];

/// Figures in many spellings.
const FIGURES: &[&str] = &[
    "59",
    "1,200",
    "3.5",
    ".08",
    "-4",
    "12:30",
    "2017",
    "7th",
    "1st",
    "two hundred and fifty",
    "a dozen",
    "twenty-one",
    "1/2",
    "½",
    "10-12",
    "5,000,000",
    "1.2m",
    "$3",
    "80%",
    "27km",
    "17 miles",
    "7 April 2017",
    "April 7, 2017",
    "2017-04-07",
    "07/04/2017",
    "1990s",
    "３５",
    "٣٤",
    "²",
    "1 000",
    "1\u{a0}000",
];

/// Characters and sequences that break byte, code point and UTF-16 counting.
const HOSTILE: &[&str] = &[
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇸🇾",
    "🏳\u{fe0f}\u{200d}🌈",
    "e\u{301}",
    "n\u{303}\u{323}",
    "é",
    "東京",
    "二十五",
    "北京市",
    "قتيلا",
    "العدد",
    "שלום",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "\u{2066}",
    "\u{a0}",
    "\u{202f}",
    "\u{2009}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "\u{2029}",
    "\u{fffd}",
    "\u{0}",
    "𝟙𝟚",
    "ﷺ",
    "क्षि",
    "ก\u{e31}",
    "Ω",
    "ß",
    "İ",
    "ǅ",
    "\u{1f600}\u{1f600}",
    "\u{e000}",
    "\u{10ffff}",
];

const QUOTES: &[&str] = &["\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "「", "」", "‹", "›"];

const PUNCT: &[&str] = &[".", ",", ";", ":", "!", "?", "(", ")", "-", "–", "—", "/", "...", "…", "•", "*"];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "\u{a0}", "\r\n", "\n", "\n\n", "\r\n\r\n", "\t", "  "];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::sample::select(list).prop_map(str::to_string)
}

/// One token: mostly the lists above, sometimes any character at all.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pick(NEWS),
        3 => pick(FIGURES),
        2 => pick(HOSTILE),
        2 => pick(QUOTES),
        2 => pick(PUNCT),
        1 => any::<char>().prop_map(String::from),
        1 => proptest::collection::vec(any::<char>(), 1..6).prop_map(|cs| cs.into_iter().collect()),
    ]
}

/// A document: tokens joined by separators.
fn text(max_tokens: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec((token(), pick(SEPARATORS)), 0..max_tokens)
        .prop_map(|parts| parts.into_iter().flat_map(|(t, s)| [t, s]).collect())
}

fn pub_date() -> impl Strategy<Value = Option<Date>> {
    proptest::option::of((1900i32..2100, 1u32..=12, 0u32..31).prop_map(|(year, month, d)| Date {
        year,
        month,
        day: d % days_in_month(year, month) + 1,
    }))
}

/// Several documents about "the same event": one shared text with figures swapped per document
/// (so claims align and contradictions can fire), each with a tail of its own.
fn cluster() -> impl Strategy<Value = Vec<Document>> {
    (proptest::collection::vec((token(), pick(SEPARATORS)), 1..40), 2usize..5).prop_flat_map(|(base, n)| {
        let len = base.len();
        let edits = proptest::collection::vec((0..len, pick(FIGURES)), 0..4);
        proptest::collection::vec((edits, text(12)), n).prop_map(move |docs| {
            docs.into_iter()
                .enumerate()
                .map(|(i, (edits, tail))| {
                    let mut parts = base.clone();
                    for (at, figure) in edits {
                        parts[at].0 = figure;
                    }
                    let body: String = parts.into_iter().flat_map(|(t, s)| [t, s]).collect();
                    Document::new(format!("article {i}.txt"), body + &tail)
                })
                .collect()
        })
    })
}

fn assert_invariants(docs: &[Document], options: &Options) {
    let analysis = analyze(docs, options);
    if let Err(broken) = invariants::check(docs, &analysis) {
        panic!("{broken}\ndocuments: {docs:#?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn every_span_of_one_document_selects_its_text_in_every_unit(body in text(80), date in pub_date()) {
        assert_invariants(&[Document::new("one.txt", body)], &Options { pub_date: date });
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_span_of_a_cluster_selects_its_text_in_every_unit(docs in cluster(), date in pub_date()) {
        assert_invariants(&docs, &Options { pub_date: date });
    }
}

#[test]
fn spans_hold_on_hand_written_hostile_news() {
    let docs = [
        Document::new(
            "a 👍🏽.txt",
            "👨\u{200d}👩\u{200d}👧 Officials said “59 cruise missiles” hit the base on April 7, 2017.\r\n\r\n\
             The minister, who asked not to be named, told Reuters that at least 1,200\u{a0}people fled — \
             about 80% of the town. 東京 «27 km (17 miles)», e\u{301}te\u{301}.",
        ),
        Document::new(
            "b.txt",
            "\u{202e}قتيلا 25\u{202c} \"Only 57 Tomahawk missiles were fired,\" he said on Tuesday.\n„Zwei“ 3.5 km.",
        ),
        Document::new("empty.txt", ""),
        Document::new("only space.txt", " \r\n\u{a0}\u{2029}\t"),
    ];
    for pub_date in [None, Some(Date { year: 2017, month: 4, day: 8 })] {
        assert_invariants(&docs, &Options { pub_date });
    }
}

/// The checker itself must catch a broken engine, or the properties above prove nothing.
mod the_checker {
    use super::*;

    fn with_number(text: &str, span: Span) -> (Vec<Document>, Analysis) {
        let docs = vec![Document::new("t", text)];
        let mut analysis = analyze(&docs, &Options::default());
        let q = Quantity {
            span,
            kind: Kind::Cardinal,
            value: Some(Value::Number(1.0)),
            value_max: None,
            unit: None,
            counted: None,
            bound: Bound::Exact,
            si_value: None,
            restates: None,
            sentence: 0,
        };
        analysis.documents = vec![DocumentAnalysis { numbers: vec![q], ..analysis.documents[0].clone() }];
        (docs, analysis)
    }

    #[test]
    fn accepts_a_span_after_an_emoji() {
        let t = "👍🏽 12 dead.";
        let at = t.find("12").unwrap();
        let (docs, analysis) = with_number(t, Span::new(at, at + 2));
        assert_eq!(invariants::check(&docs, &analysis), Ok(()));
    }

    #[test]
    fn rejects_a_span_that_cuts_a_character() {
        let t = "👍🏽 12 dead.";
        let (docs, analysis) = with_number(t, Span::new(1, 6));
        assert!(invariants::check_analysis(&docs, &analysis).is_err());
    }

    #[test]
    fn rejects_a_span_past_the_end() {
        let (docs, analysis) = with_number("12 dead.", Span::new(3, 40));
        assert!(invariants::check_analysis(&docs, &analysis).is_err());
    }

    #[test]
    fn rejects_numbers_out_of_text_order() {
        let t = "1 and 2 dead.";
        let docs = vec![Document::new("t", t)];
        let (_, mut analysis) = with_number(t, Span::new(6, 7));
        let mut first = analysis.documents[0].numbers[0].clone();
        first.span = Span::new(0, 1);
        analysis.documents[0].numbers.push(first);
        assert!(invariants::check_analysis(&docs, &analysis).unwrap_err().contains("out of text order"));
    }

    #[test]
    fn slices_like_javascript_and_refuses_half_a_surrogate_pair() {
        use claimlens::output::OffsetUnit;
        let t = "a😀b";
        assert_eq!(invariants::select(t, OffsetUnit::Utf16, 1, 3).as_deref(), Some("😀"));
        assert_eq!(invariants::select(t, OffsetUnit::Utf16, 1, 2), None);
        assert_eq!(invariants::select(t, OffsetUnit::Chars, 1, 2).as_deref(), Some("😀"));
        assert_eq!(invariants::select(t, OffsetUnit::Bytes, 1, 3), None);
    }
}
