//! Lines that are page furniture rather than reporting: section headers, "read more" links,
//! lone bylines, share prompts. They are kept in the text but left out of the analysis.

/// Whether a whole paragraph is boilerplate.
pub fn is_boilerplate(para: &str) -> bool {
    // The two alternatives with names (Unicode letter classes, repeated) are most of the compile
    // time, and they can only match a line that begins with a bullet or with "by", "reporting by",
    // "editing by", "written by".
    static RE: crate::re::Gated = crate::re::Gated::new(pattern);
    let line = para.trim();
    let starts_with_word = |w: &str| line.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w));
    let may_name = line.starts_with(['•', '·', '▪', '■', '-', '–', '—', '*'])
        || ["by", "reporting", "editing", "written"].into_iter().any(starts_with_word);
    let re = RE.get(may_name);
    re.is_match(line)
}

fn pattern(with_names: bool) -> String {
    // ASCII word boundaries after ASCII words: a Unicode `\b` would stop the lazy DFA on non-ASCII text.
    let names = r"
              | [•·▪■\-–—*]\s*\p{Lu}[\p{L}.'’\-]*(?:\s+\p{Lu}[\p{L}.'’\-]*){0,3}
              | (?i:by|reporting\ by|editing\ by|written\ by)\s+\p{Lu}[\p{L}.'’\-]*(?:[\s,;]+(?:and\s+)?\p{Lu}[\p{L}.'’\-]*){0,7}\.?";
    [
        r"(?x)^(?:
                (?i:latest|more|related|top|breaking)\s+(?i:news|stories|articles|coverage)(?-u:\b).*
              | (?i:more\ news|read\ more|see\ also|related|watch|listen|advertisement|sponsored|share\ this(?:\ article)?|follow\ us|sign\ up|subscribe)(?-u:\b)\s*(?::.*)?",
        if with_names { names } else { "" },
        r"
              | (?i:photo|image|video|graphic)s?\s*:.*
              | \(?(?i:copyright|©).*
            )$",
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::{is_boilerplate, pattern};

    #[test]
    fn answers_as_the_full_pattern_does_on_every_line() {
        let full = crate::re::compile(&pattern(true));
        for line in [
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
