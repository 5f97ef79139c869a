//! The one place where the project's regular expressions are built, with explicit limits.
//!
//! Every pattern is static (written in the code or assembled from the lexicons next to it), so a
//! limit is never hit by a reader's text: it is hit when a change to a pattern or a lexicon blows the
//! compiled program up (a counted repetition of a Unicode class, a lexicon grown tenfold), and then
//! it fails at once, in the test that compiles every pattern, instead of costing every reader memory.
//!
//! - [`SIZE_LIMIT`] bounds the compiled program (the Thompson NFA, built forwards and in reverse)
//!   of one pattern. Over it, [`compile`] panics with the pattern.
//! - [`DFA_SIZE_LIMIT`] bounds the lazy DFA's cache: the memory each regex may use for the DFA
//!   states it builds while scanning (one cache per thread; the browser has one thread). A smaller
//!   cache is cleared more often and, if it thrashes, the engine falls back to a slower one; it
//!   never changes what matches.
//!
//! The values and how they were measured are in `docs/reliability.md` ("Regex limits").

use regex::{Regex, RegexBuilder};
use std::sync::Mutex;

/// Bytes the compiled program of one pattern may take: 4 MiB.
///
/// The largest pattern of the stages compiles to a small fraction of this (measured with
/// [`compiled_size`]; see the docs); the rest is headroom for the lexicons to grow. regex's default
/// (10 MiB) would let one careless pattern cost the browser tab 10 MiB.
pub const SIZE_LIMIT: usize = 4 << 20;

/// Bytes of lazy-DFA cache one regex may use while scanning: 1 MiB.
///
/// Measured on the 10 MB article of `tests/limits.rs`: scans are as fast as with regex's default
/// (2 MiB) down to well below this, so the smaller bound halves the worst-case memory without cost.
pub const DFA_SIZE_LIMIT: usize = 1 << 20;

/// The patterns compiled so far, for the test that checks every one's size against the limit.
static COMPILED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Builds a regex with the project's limits. Call it once per pattern (in a `OnceLock`/`LazyLock`).
///
/// # Panics
/// If the pattern is invalid or too big: patterns are static, so this is a bug in the code, and the
/// message names the pattern and the place that compiled it.
#[track_caller]
pub fn compile(pattern: &str) -> Regex {
    let re = builder(pattern).build().unwrap_or_else(|e| {
        let caller = std::panic::Location::caller();
        panic!("regex compiled at {caller} does not build: {e}\npattern: {}", excerpt(pattern))
    });
    if let Ok(mut compiled) = COMPILED.lock() {
        compiled.push(pattern.to_string());
    }
    re
}

/// Every pattern built through [`compile`] in this process so far, in order.
pub fn compiled_patterns() -> Vec<String> {
    COMPILED.lock().map(|c| c.clone()).unwrap_or_default()
}

/// The builder [`compile`] uses: the project's limits, nothing else changed.
fn builder(pattern: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(pattern);
    b.size_limit(SIZE_LIMIT).dfa_size_limit(DFA_SIZE_LIMIT);
    b
}

/// The size of a pattern's compiled program in bytes, to within 1 KiB: the smallest `size_limit`
/// under which it builds. `None` if it does not build even under [`SIZE_LIMIT`] × 16.
pub fn compiled_size(pattern: &str) -> Option<usize> {
    let builds = |limit: usize| RegexBuilder::new(pattern).size_limit(limit).build().is_ok();
    let (mut lo, mut hi) = (0usize, SIZE_LIMIT * 16);
    if !builds(hi) {
        return None;
    }
    while hi - lo > 1024 {
        let mid = lo + (hi - lo) / 2;
        if builds(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// The start of a long pattern, enough to recognise it in a panic message.
fn excerpt(pattern: &str) -> String {
    const MAX_CHARS: usize = 200;
    match pattern.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}… ({} bytes)", &pattern[..cut], pattern.len()),
        None => pattern.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_valid_pattern_with_unicode_classes() {
        let re = compile(r"\b\w+é\b");
        assert!(re.is_match("Ça café"));
        assert!(compiled_patterns().iter().any(|p| p == r"\b\w+é\b"));
    }

    #[cfg(not(target_arch = "wasm32"))] // panics abort and there is no file system on wasm32
    #[test]
    #[should_panic(expected = "does not build")]
    fn panics_naming_an_invalid_pattern() {
        compile(r"(unclosed");
    }

    #[cfg(not(target_arch = "wasm32"))] // panics abort and there is no file system on wasm32
    #[test]
    #[should_panic(expected = "exceeds size limit")]
    fn refuses_a_pattern_over_the_size_limit() {
        // A counted repetition of a Unicode class: hundreds of copies of a large automaton.
        compile(r"\w{1000}");
    }

    #[test]
    fn measures_compiled_size_monotonically() {
        let small = compiled_size(r"\d+").unwrap();
        let larger = compiled_size(r"\w{20}").unwrap();
        assert!(small < larger, "{small} vs {larger}");
        assert!(larger <= SIZE_LIMIT);
    }

    /// Runs the analysis on text that makes every stage fire, so each stage's lazily built patterns
    /// go through [`compile`]; each must leave the limit at least twice its size as headroom. On
    /// wasm32 (wasm-bindgen-test in Chromium) this also checks that every pattern builds with the
    /// regex features the page ships: native tests enable more of them (Cargo.toml).
    #[cfg_attr(not(target_arch = "wasm32"), test)]
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
    fn every_pattern_the_analysis_compiles_leaves_headroom_under_the_limit() {
        let text = "Officials said 59 missiles were fired at 4:40 a.m. on April 7, 2017, last month.\n\n\
                    “At least 1,200 people fled,” the governor told Reuters. A source, who asked not to \
                    be named, said 27km (17 miles) of road, $3.5 million and 80% of homes were lost.\n\n\
                    Write to desk@example.org or call (555) 123-4567.\n\n\
                    Latest News\n\n• Tom Perry";
        let docs = [crate::Document::new("a", text), crate::Document::new("b", text.replace("59", "57"))];
        let options = crate::Options { pub_date: Some(crate::Date { year: 2017, month: 4, day: 8 }) };
        let _ = crate::analyze(&docs, &options);
        for pattern in compiled_patterns() {
            let size = compiled_size(&pattern).expect("a compiled pattern builds");
            assert!(size * 2 <= SIZE_LIMIT, "{size} bytes compiled, limit {SIZE_LIMIT}: {}", excerpt(&pattern));
        }
    }

    #[cfg(not(target_arch = "wasm32"))] // panics abort and there is no file system on wasm32
    #[test]
    fn regexes_are_built_here_and_nowhere_else() {
        let found: Vec<String> = crate::source_code::files_before_tests()
            .into_iter()
            .filter(|(path, code)| {
                path != "src/re.rs" && (code.contains("Regex::new(") || code.contains("RegexBuilder::new("))
            })
            .map(|(path, _)| path)
            .collect();
        assert!(found.is_empty(), "build regexes with claimlens::re::compile, not in {found:?}");
    }

    #[test]
    fn cuts_long_patterns_in_messages_on_a_char_boundary() {
        let long = "é".repeat(300);
        let e = excerpt(&long);
        assert!(e.starts_with(&"é".repeat(200)) && e.ends_with("(600 bytes)"), "{e}");
    }
}
