//! Lines that are page furniture rather than reporting: section headers, "read more" links,
//! lone bylines, share prompts. They are kept in the text but left out of the analysis.

use regex::Regex;
use std::sync::LazyLock;

/// Whether a whole paragraph is boilerplate.
pub fn is_boilerplate(para: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(PATTERN));
    let line = para.trim();
    RE.is_match(line) || is_names_line(line)
}

// ASCII word boundaries and ASCII case folding: a Unicode `\b` would stop the lazy DFA on non-ASCII
// text, and Unicode case folding would need regex's case tables in the page for English words.
const PATTERN: &str = r"(?x)^(?:
      (?i-u:latest|more|related|top|breaking)\s+(?i-u:news|stories|articles|coverage)(?-u:\b).*
    | (?i-u:more\ news|read\ more|see\ also|related|watch|listen|advertisement|sponsored|share\ this(?:\ article)?|follow\ us|sign\ up|subscribe)(?-u:\b)\s*(?::.*)?
    | (?i-u:photo|image|video|graphic)s?\s*:.*
    | \(?(?:(?i-u:copyright)|©).*
)$";

/// A lone byline or a bulleted name: "By Jane Doe and John Roe.", "Reporting by Ana Lim; Editing by
/// Tom Roe", "• Tom Perry". Written out rather than as a regex: a name is a capital letter then
/// letters, and Unicode letter classes under counted repetitions made the regex slow to compile (a
/// large part of a page's first analysis) and pulled regex's general-category tables into the page.
fn is_names_line(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['•', '·', '▪', '■', '-', '–', '—', '*']) {
        // A bullet, then up to four names separated by white space.
        return names(rest.trim_start(), 4, |c| c.is_whitespace(), false);
    }
    let Some(rest) = BYLINE_STARTS.iter().find_map(|start| strip_prefix_ignore_ascii_case(line, start)) else {
        return false;
    };
    // "by", then up to eight names separated by white space, commas, semicolons or "and".
    rest.starts_with(char::is_whitespace)
        && names(rest.trim_start(), 8, |c| c.is_whitespace() || c == ',' || c == ';', true)
}

/// How a byline starts (any case).
const BYLINE_STARTS: [&str; 4] = ["by", "reporting by", "editing by", "written by"];

fn strip_prefix_ignore_ascii_case<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &line[prefix.len()..])
}

/// Whether `text` is 1 to `max` names, separated by runs of `separator` (and, with `and`, an
/// optional "and" plus white space before a name), and nothing else.
fn names(text: &str, max: usize, separator: impl Fn(char) -> bool, and: bool) -> bool {
    let mut rest = text;
    for n in 0..max {
        if n > 0 {
            let after = rest.trim_start_matches(&separator);
            if after.len() == rest.len() {
                return false; // a name must be followed by a separator or the end
            }
            rest = after;
            if and {
                if let Some(after_and) = rest.strip_prefix("and").filter(|r| r.starts_with(char::is_whitespace)) {
                    rest = after_and.trim_start();
                }
            }
        }
        let mut chars = rest.chars();
        if !chars.next().is_some_and(is_capital) {
            return false;
        }
        rest = chars.as_str().trim_start_matches(|c: char| is_letter(c) || matches!(c, '.' | '\'' | '’' | '-'));
        if rest.is_empty() {
            return true;
        }
    }
    false
}

/// An upper-case letter (`\p{Lu}`).
fn is_capital(c: char) -> bool {
    c.is_uppercase() && is_letter(c)
}

/// A letter (`\p{L}`): alphabetic, but not the Roman numerals (numbers) nor the circled and squared
/// letters (symbols) that Unicode also calls alphabetic. Unlike `\p{L}`, this also takes the vowel
/// signs of Indic scripts, which belong in a name.
fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric() && !matches!(c, '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F189}')
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    /// The single regex this module used before the names were written out, with Unicode letter
    /// classes and Unicode case folding (the test build enables regex's tables for it).
    const REFERENCE: &str = r"(?x)^(?:
          (?i:latest|more|related|top|breaking)\s+(?i:news|stories|articles|coverage)(?-u:\b).*
        | (?i:more\ news|read\ more|see\ also|related|watch|listen|advertisement|sponsored|share\ this(?:\ article)?|follow\ us|sign\ up|subscribe)(?-u:\b)\s*(?::.*)?
        | [•·▪■\-–—*]\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}
        | (?i:by|reporting\ by|editing\ by|written\ by)\s+\p{Lu}[\p{L}.'’\-]*(?:[\s,;]+(?:and\s+)?\p{Lu}[\p{L}.'’\-]*){0,7}\.?
        | (?i:photo|image|video|graphic)s?\s*:.*
        | \(?(?i:copyright|©).*
    )$";

    fn reference() -> &'static regex::Regex {
        // Slow to compile (that is why it was replaced): once for all the cases.
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(REFERENCE).unwrap());
        &RE
    }

    #[test]
    fn answers_as_the_reference_regex_does_on_every_line() {
        let full = reference();
        for line in [
            "By Jane Doe and John Roe.",
            "By Jane",
            "by  Jane ,; and   Doe",
            "By Jane and doe",
            "By Jane andDoe",
            "By A B C D E F G H",
            "By A B C D E F G H I",
            "• A B C D",
            "• A B C D E",
            "-Tom",
            "• Tom, Perry",
            "By Ⅻ",
            "By Ⓐnna",
            "By O’Neil-Smith Jr.",
            "By Ω Ψ",
            "By \u{2003}Anna", // em space
            "Bylines",
            "(Copyright 2024",
            "(© Reuters",
            "COPYRIGHT",
            "Copyrighted material",
            "By Jane Doe",
            "by Émile Zola and Åsa Ek.",
            "BYLINE news",
            "Reporting by Ana Lim; Editing by Tom Roe",
            "Written by ökonom Staff",
            "— Zoë Ball",
            "* Notes",
            "•",
            "Byzantine Empire",
            "Editorial",
            "Latest News",
            "Photo: Reuters",
            "The strike hit 59 targets.",
            "東京 By Kenji",
            "„Zitat“ sagte er",
        ] {
            assert_eq!(is_boilerplate(line), full.is_match(line.trim()), "{line}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod generated {
        use super::{is_boilerplate, reference};
        use proptest::prelude::*;

        /// Starts that reach every alternative, then text drawn from letters of several scripts (upper
        /// and lower case), separators, "and", punctuation a name may hold, and a combining mark.
        fn line() -> impl Strategy<Value = String> {
            let starts = prop::sample::select(vec![
                "",
                "by ",
                "By",
                "BY ",
                "Reporting by ",
                "editing BY ",
                "written by\t",
                "• ",
                "-",
                "— ",
                "*",
                "Latest ",
                "more news",
                "Read more",
                "Photo",
                "images: ",
                "(",
                "©",
                "copyright",
                "Sponsored",
            ]);
            let pieces = prop::collection::vec(
                prop::sample::select(vec![
                    "A", "Zoë", "É", "ö", "Ω", "ψ", "東", "Ⅻ", "Ⓐ", "ǅ", "x", "Jr.", "O’", "'", "-", ".", " ", "  ",
                    "\u{a0}", "\t", ",", ";", "and ", "and", ":", "e\u{301}", "7", "News", "stories", "@",
                ]),
                0..12,
            );
            (starts, pieces).prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()))
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]
            #[test]
            fn answers_as_the_reference_regex_does(line in line()) {
                prop_assert_eq!(is_boilerplate(&line), reference().is_match(line.trim()), "{:?}", line);
            }
        }
    }

    #[test]
    fn recognises_common_page_furniture() {
        for line in [
            "Latest News",
            "More news: Oil prices rise",
            "• Tom Perry",
            "By Jane Doe and John Roe",
            "Advertisement",
            "Read more",
            "© 2017 Reuters",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn keeps_reporting_sentences() {
        for line in [
            "More than 300 people were killed.",
            "Related talks will resume on Monday, officials said.",
            "By Thursday the convoy had withdrawn.",
            "Latest figures show 59 missiles were fired, the Pentagon said.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
