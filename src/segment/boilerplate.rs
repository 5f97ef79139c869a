//! Lines that are page furniture rather than reporting: section headers, "read more" links,
//! lone bylines, share prompts. They are kept in the text but left out of the analysis.

/// Whether a whole paragraph is boilerplate.
pub fn is_boilerplate(para: &str) -> bool {
    let line = para.trim();
    is_furniture_line(line) || is_names_line(line)
}

/// A section header ("Latest news", "More stories: …"), a label ("Read more", "Advertisement",
/// "Share this article", "Related: …"), a caption ("Photo: …") or a copyright line. Written out
/// rather than as a regex (`PATTERN` in the tests, the oracle it is compared with): the regex crate
/// was a fifth of the page's module and compiled this pattern on the page's first analysis. Words
/// fold case as ASCII, word boundaries are ASCII, white space is Unicode's, and the rest of a line
/// after a header, a ":" or a copyright may not hold a line break (the regex's `.*$`).
fn is_furniture_line(line: &str) -> bool {
    // Most paragraphs start with another letter: one byte tells (the first letters of the words
    // below, "(" and the first byte of "©").
    if !matches!(
        line.bytes().next().map(|b| b.to_ascii_lowercase()),
        Some(
            b'a' | b'b'
                | b'c'
                | b'f'
                | b'g'
                | b'i'
                | b'l'
                | b'm'
                | b'p'
                | b'r'
                | b's'
                | b't'
                | b'v'
                | b'w'
                | b'('
                | 0xC2
        )
    ) {
        return false;
    }
    const HEADER_FIRST: [&str; 5] = ["latest", "more", "related", "top", "breaking"];
    const HEADER_SECOND: [&str; 4] = ["news", "stories", "articles", "coverage"];
    const LABELS: [&str; 13] = [
        "more news",
        "read more",
        "see also",
        "related",
        "watch",
        "listen",
        "advertisement",
        "sponsored",
        "share this",
        "share this article",
        "follow us",
        "sign up",
        "subscribe",
    ];
    const CAPTIONS: [&str; 4] = ["photo", "image", "video", "graphic"];
    let one_line = |rest: &str| !rest.contains('\n');
    let ends_word = |rest: &str| !rest.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
    // "\s*:.*" to the end, or (with `colon_optional`) nothing but white space.
    let colon_rest = |rest: &str, colon_optional: bool| {
        let rest = rest.trim_start();
        (colon_optional && rest.is_empty()) || rest.strip_prefix(':').is_some_and(one_line)
    };
    let header = || {
        let rest = strip_any_prefix_ignore_ascii_case(line, &HEADER_FIRST)?;
        let words = rest.trim_start();
        if words.len() == rest.len() {
            return None;
        }
        let rest = strip_any_prefix_ignore_ascii_case(words, &HEADER_SECOND)?;
        Some(ends_word(rest) && one_line(rest))
    };
    let label = || {
        LABELS.iter().any(|label| {
            strip_prefix_ignore_ascii_case(line, label).is_some_and(|rest| ends_word(rest) && colon_rest(rest, true))
        })
    };
    let caption = || {
        let Some(rest) = strip_any_prefix_ignore_ascii_case(line, &CAPTIONS) else { return false };
        // The plural "s" is lower case only: it stood outside the regex's case-insensitive group.
        colon_rest(rest.strip_prefix('s').unwrap_or(rest), false)
    };
    let copyright = || {
        let rest = line.strip_prefix('(').unwrap_or(line);
        let rest = strip_prefix_ignore_ascii_case(rest, "copyright").or_else(|| rest.strip_prefix('©'));
        rest.is_some_and(one_line)
    };
    header() == Some(true) || label() || caption() || copyright()
}

/// `line` after the first of `prefixes` it starts with (any case); none of them starts another.
fn strip_any_prefix_ignore_ascii_case<'a>(line: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|prefix| strip_prefix_ignore_ascii_case(line, prefix))
}

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
    // Most lines differ from most prefixes at the first byte: test it before slicing and comparing.
    if let (Some(a), Some(b)) = (line.as_bytes().first(), prefix.as_bytes().first()) {
        if !a.eq_ignore_ascii_case(b) {
            return None;
        }
    }
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
    #[cfg(not(target_arch = "wasm32"))]
    use super::is_furniture_line;

    /// The regex that [`is_furniture_line`] replaced: the oracle it is compared with (native only,
    /// where regex is a dev-dependency). ASCII word boundaries and case folding; Unicode white space.
    #[cfg(not(target_arch = "wasm32"))]
    const PATTERN: &str = r"(?x)^(?:
          (?i-u:latest|more|related|top|breaking)\s+(?i-u:news|stories|articles|coverage)(?-u:\b).*
        | (?i-u:more\ news|read\ more|see\ also|related|watch|listen|advertisement|sponsored|share\ this(?:\ article)?|follow\ us|sign\ up|subscribe)(?-u:\b)\s*(?::.*)?
        | (?i-u:photo|image|video|graphic)s?\s*:.*
        | \(?(?:(?i-u:copyright)|©).*
    )$";

    #[cfg(not(target_arch = "wasm32"))]
    fn furniture_regex() -> &'static regex::Regex {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| regex::Regex::new(PATTERN).unwrap());
        &RE
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn finds_furniture_as_the_regex_did_on_written_lines() {
        for line in [
            "Latest News",
            "latest\u{2003}stories: more",
            "Top  coverage\nof the day",
            "Breaking newsroom",
            "Breaking news_",
            "Breaking news.",
            "Related",
            "Related: talks resume",
            "related talks",
            "READ MORE  :  x",
            "Read more:\nnext",
            "Share this article",
            "Share this articles",
            "share this : é",
            "Sign up\u{a0}",
            "Watchdog",
            "Photos: Reuters",
            "PhotoS: Reuters",
            "Graphic :",
            "video\n: x",
            "images",
            "(Copyright 2024",
            "(© Reuters",
            "©\n2024",
            "((© x",
            "copyrighted",
            "Advertisement\n",
            "The strike hit 59 targets.",
            "東京 news",
        ] {
            assert_eq!(is_furniture_line(line), furniture_regex().is_match(line), "{line:?}");
        }
    }

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

        /// Lines for the furniture alone: its words, separators and the characters around them.
        fn furniture_line() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec![
                    "latest",
                    "More",
                    "related",
                    "TOP",
                    "breaking",
                    "news",
                    "Stories",
                    "articles",
                    "coverage",
                    "read",
                    "see",
                    "also",
                    "watch",
                    "listen",
                    "advertisement",
                    "sponsored",
                    "share",
                    "this",
                    "article",
                    "follow",
                    "us",
                    "sign",
                    "up",
                    "subscribe",
                    "photo",
                    "Image",
                    "video",
                    "graphic",
                    "s",
                    "S",
                    "copyright",
                    "©",
                    "(",
                    ":",
                    " ",
                    "  ",
                    "\t",
                    "\n",
                    "\u{a0}",
                    "\u{3000}",
                    "_",
                    "x",
                    "7",
                    "é",
                    "“",
                    "東京",
                    "👍🏽",
                ]),
                0..8,
            )
            .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 5_000, ..ProptestConfig::default() })]
            #[test]
            fn answers_as_the_reference_regex_does(line in line()) {
                prop_assert_eq!(is_boilerplate(&line), reference().is_match(line.trim()), "{:?}", line);
            }

            #[test]
            fn finds_furniture_as_the_regex_did(line in furniture_line()) {
                prop_assert_eq!(super::is_furniture_line(&line), super::furniture_regex().is_match(&line), "{:?}", line);
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
