//! Lays out the lexicons at compile time: reads the table files of `src/` and writes each table
//! as static arrays into `OUT_DIR`, which the module keeping the table `include!`s. The files stay
//! the tables' source of truth; the program carries the laid-out data (no `#` comments, no parser,
//! no hash maps built on first use). The layouts are the crate's own code (`#[path]` below), so the
//! build and the program agree on them; the tests check each table against its file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/numbers/lexicon/layout.rs"]
#[allow(dead_code)]
mod phrase_layout;
#[path = "src/word_map/layout.rs"]
#[allow(dead_code)]
mod word_map_layout;

fn main() {
    for shared in ["build.rs", "src/numbers/lexicon/layout.rs", "src/word_map/layout.rs"] {
        println!("cargo:rerun-if-changed={shared}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    numbers(&out);
}

/// The text of a table file (and a rebuild when it changes).
fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write(out: &Path, name: &str, code: String) {
    std::fs::write(out.join(name), code).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// A number of a table file, written as a Rust `f64` literal of the same value.
fn float(s: &str, what: &str) -> String {
    let v: f64 = s.parse().unwrap_or_else(|_| panic!("{what}: not a number: {s}"));
    format!("{v:?}")
}

/// The phrase tables of `numbers/` (`numbers::lexicon::Lexicon`).
fn numbers(out: &Path) {
    use phrase_layout::lines;

    let units = read("src/numbers/units.txt");
    let mut phrases = Vec::new();
    for [symbol, dimension, factor, offset, spellings] in lines(&units) {
        let unit = format!(
            "Unit {{ symbol: {symbol:?}, dimension: {dimension:?}, factor: {}, offset: {} }}",
            float(factor, "unit factor"),
            float(offset, "unit offset")
        );
        phrases.extend(spellings.split('|').map(|s| (s.trim(), unit.clone())));
    }
    write(out, "numbers_units.rs", phrase_table(&phrases));

    let currencies = read("src/numbers/currencies.txt");
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for [code, factor, pre, post] in lines(&currencies) {
        let currency = format!("Currency {{ code: {code:?}, factor: {} }}", float(factor, "currency factor"));
        let spellings = |s: &'static str| s.split('|').map(str::trim).filter(|s| !s.is_empty());
        before.extend(spellings(leak(pre)).map(|s| (s, currency.clone())));
        after.extend(spellings(leak(post)).map(|s| (s, currency.clone())));
    }
    write(out, "numbers_currencies_before.rs", phrase_table(&before));
    write(out, "numbers_currencies_after.rs", phrase_table(&after));

    let bounds = read("src/numbers/bounds.txt");
    let phrases: Vec<_> = lines(&bounds)
        .map(|[phrase, bound, place]| {
            let bound = match bound {
                "at_least" => "AtLeast",
                "more_than" => "MoreThan",
                "at_most" => "AtMost",
                "less_than" => "LessThan",
                "about" => "About",
                _ => "Exact",
            };
            (phrase, format!("(Bound::{bound}, {})", place == "before"))
        })
        .collect();
    write(out, "numbers_bounds.rs", phrase_table(&phrases));

    let vague = read("src/numbers/vague.txt");
    let phrases: Vec<_> =
        lines(&vague).map(|[phrase, magnitude]| (phrase, float(magnitude, "vague magnitude"))).collect();
    write(out, "numbers_vague.rs", phrase_table(&phrases));

    let relative = read("src/numbers/relative_ordinals.txt");
    let phrases: Vec<_> = lines(&relative).map(|[phrase, value]| (phrase, format!("{value:?}"))).collect();
    write(out, "numbers_relative_ordinals.rs", phrase_table(&phrases));
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// The expression of a `numbers::lexicon::Lexicon` of `phrases` (each with its value's expression).
fn phrase_table(phrases: &[(&str, String)]) -> String {
    let l = phrase_layout::lay_out(phrases.iter().map(|p| p.0));
    let mut s = String::from(
        "{ use crate::numbers::lexicon::{Group as G, Lexicon, Phrase as P, Prefixes, Word as W};\nLexicon::from_parts(&[",
    );
    for (text, lower, exact) in &l.words {
        write!(s, "W::of({text:?}, {lower:?}, {exact}),").unwrap();
    }
    s.push_str("],\n");
    for (order, groups) in [(&l.forward, &l.by_first), (&l.backward, &l.by_last)] {
        s.push_str("&[");
        for &i in order {
            let (start, len, source) = l.phrases[i];
            write!(s, "P::of({start}, {len}, {}),", phrases[source].1).unwrap();
        }
        s.push_str("],\n");
        let entries: Vec<(&str, String)> =
            groups.iter().map(|(key, start, end)| (key.as_str(), format!("G::of({start}, {end})"))).collect();
        s.push_str(&word_map(&entries));
        s.push_str(",\n");
    }
    for groups in [&l.by_first, &l.by_last] {
        let bits = phrase_layout::prefix_bits(groups.iter().map(|g| g.0.as_str()));
        writeln!(s, "&Prefixes::from_bits({bits:?}),").unwrap();
    }
    s.push_str(") }\n");
    s
}

/// The expression of a `word_map::WordMap` of `entries` (keys distinct, each with its value's
/// expression), in their order.
fn word_map(entries: &[(&str, String)]) -> String {
    let keys: Vec<&str> = entries.iter().map(|e| e.0).collect();
    let slots = word_map_layout::slots(&keys);
    let mut s = format!("crate::word_map::WordMap::from_parts(&{slots:?}, &[");
    for (key, value) in entries {
        write!(s, "({key:?}, {value}),").unwrap();
    }
    s.push_str("])");
    s
}
