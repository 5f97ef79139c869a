//! The built-in example: three short articles about one invented event, written for ClaimLens so
//! that every kind of finding shows (a count, a date and a distance that disagree; money,
//! percentages, measures with conversions, ranges, bounds, vague quantities, dates and times;
//! named, anonymous, pronoun and "according to" sources; one quote carried by all three).

/// (name, publication date, text)
pub const EXAMPLE: [(&str, &str, &str); 3] = [
    ("Harbour Gazette", "2026-03-03", include_str!("../../www/example/1-harbour-gazette.txt")),
    ("Coastal Wire", "2026-03-04", include_str!("../../www/example/2-coastal-wire.txt")),
    ("Island Herald", "2026-03-05", include_str!("../../www/example/3-island-herald.txt")),
];
