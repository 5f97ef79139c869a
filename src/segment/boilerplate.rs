//! Lines that are page furniture rather than reporting: section headers, "read more" links,
//! lone bylines, share prompts. They are kept in the text but left out of the analysis.

use regex::Regex;
use std::sync::OnceLock;

/// Whether a whole paragraph is boilerplate.
pub fn is_boilerplate(para: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    // ASCII word boundaries after ASCII words: a Unicode `\b` would stop the lazy DFA on non-ASCII text.
    let re = RE.get_or_init(|| {
        crate::re::compile(
            r"(?x)^(?:
                (?i:latest|more|related|top|breaking)\s+(?i:news|stories|articles|coverage)(?-u:\b).*
              | (?i:more\ news|read\ more|see\ also|related|watch|listen|advertisement|sponsored|share\ this(?:\ article)?|follow\ us|sign\ up|subscribe)(?-u:\b)\s*(?::.*)?
              | [•·▪■\-–—*]\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}
              | (?i:by|reporting\ by|editing\ by|written\ by)\s+\p{Lu}[\p{L}.'’\-]*(?:[\s,;]+(?:and\s+)?\p{Lu}[\p{L}.'’\-]*){0,7}\.?
              | (?i:photo|image|video|graphic)s?\s*:.*
              | \(?(?i:copyright|©).*
            )$",
        )
    });
    re.is_match(para.trim())
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

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
