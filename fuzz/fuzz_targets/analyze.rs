//! The whole analysis on arbitrary bytes: one or several documents, with or without a publication
//! date. Besides "no panic", every invariant of `tests/invariants` must hold (spans inside the text,
//! exact in bytes, chars and UTF-16, ordered where the model says so).
//!
//! Input layout: byte 0 holds flags (bit 0: a publication date follows in bytes 1..5: year as two
//! bytes, month, day, each folded into range); the rest is split on 0xFF (never valid UTF-8, so no
//! text is lost by using it) into documents, each decoded as UTF-8 lossily, as a paste would be.
#![no_main]

use claimlens::{analyze, days_in_month, output, Date, Document, Options};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, mut rest)) = data.split_first() else {
        return;
    };
    let mut options = Options::default();
    if flags & 1 == 1 && rest.len() >= 4 {
        let year = i32::from(u16::from_be_bytes([rest[0], rest[1]]) % 10_000);
        let month = u32::from(rest[2] % 12) + 1;
        let day = u32::from(rest[3]) % days_in_month(year, month) + 1;
        options.pub_date = Some(Date { year, month, day });
        rest = &rest[4..];
    }
    let docs: Vec<Document> = rest
        .split(|&b| b == 0xFF)
        .enumerate()
        .map(|(i, bytes)| Document::new(format!("doc{i}"), String::from_utf8_lossy(bytes)))
        .collect();
    let analysis = analyze(&docs, &options);
    if let Err(broken) = invariants::check(&docs, &analysis) {
        panic!("invariant broken: {broken}");
    }
    let out = output::render(&docs, &analysis, output::OffsetUnit::Chars);
    let _ = output::render_text(&out);
});
