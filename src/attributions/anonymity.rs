//! Grants of anonymity ("spoke on condition of anonymity", "asked not to be named") and the
//! attributions they cover.

use super::{Attribution, SourceKind};
use crate::segment::Segments;
use crate::Span;

/// The grants of anonymity in `lowered` (the text with its ASCII letters lowered, same byte offsets),
/// in text order, without overlaps: each phrase of [`grant_at`] between ASCII word boundaries.
/// Written out rather than as a regex (the phrases are a fixed list): the regex crate was a fifth of
/// the page's module and compiled this pattern on the page's first analysis.
///
/// Every phrase holds one of [`ANCHORS`] at most [`LOOKBACK`] bytes after its start, so only the
/// word starts just before an anchor are tried (the text is searched for the anchors, fast), and in
/// text order, so the first phrase found is the leftmost, as the regex found it.
fn grants(lowered: &str) -> impl Iterator<Item = Span> + '_ {
    let b = lowered.as_bytes();
    let finders = anchor_finders();
    // Per anchor, its next occurrence at or after some position (`b.len()` for none).
    let mut next = [None::<usize>; ANCHORS.len()];
    // Every position before `p` has been tried, or lies inside a grant found.
    let mut p = 0;
    std::iter::from_fn(move || loop {
        for (next, finder) in next.iter_mut().zip(finders) {
            if next.is_none_or(|at| at < p) {
                *next = Some(finder.find(&b[p.min(b.len())..]).map_or(b.len(), |i| p + i));
            }
        }
        let anchor = next.iter().flatten().copied().min().filter(|&at| at < b.len())?;
        for start in p.max(anchor.saturating_sub(LOOKBACK))..=anchor {
            let word_start = is_word_byte(b[start]) && (start == 0 || !is_word_byte(b[start - 1]));
            if !word_start {
                continue;
            }
            let word_end = start + b[start..].iter().take_while(|&&c| is_word_byte(c)).count();
            if let Some(end) = starts_a_grant(&b[start..word_end]).then(|| grant_at(b, start)).flatten() {
                p = end;
                return Some(Span::new(start, end));
            }
        }
        p = anchor + 1;
    })
}

/// A word every phrase of [`grant_at`] holds: "condition" (on condition …), "to be " (declined to
/// be …), "authori" (not authorised to …), "anonym" (the rest).
const ANCHORS: [&str; 4] = ["condition", "to be ", "authori", "anonym"];

/// A searcher per anchor, built once (building them took as long as searching a short article).
fn anchor_finders() -> &'static [memchr::memmem::Finder<'static>; ANCHORS.len()] {
    static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; ANCHORS.len()]> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| ANCHORS.map(memchr::memmem::Finder::new))
}

/// The most bytes a phrase's start lies before its anchor: "requested not " before "to be ".
const LOOKBACK: usize = "requested not ".len();

/// Whether a word is the first of one of the phrases of [`grant_at`].
fn starts_a_grant(word: &[u8]) -> bool {
    matches!(
        word,
        b"on"
            | b"under"
            | b"declined"
            | b"asked"
            | b"requested"
            | b"wished"
            | b"refused"
            | b"not"
            | b"speaking"
            | b"granted"
            | b"anonymously"
    )
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the grant of anonymity starting at the word start `p`, if one does and ends a word.
/// The phrases, in the order they are tried (the first that matches wins):
/// - "on|under [the ]condition of anonymity",
///   "on|under [the ]condition [that ]he|she|they|it [not ][be ]named|identified";
/// - "declined|asked|requested|wished|refused [not ]to be named|identified";
/// - "not authorised|authorized to speak|discuss|comment|talk";
/// - "speaking anonymously", "requested anonymity", "granted anonymity", "anonymously".
///
/// No word of an alternative is the start of another, and no optional word starts like what follows
/// it, so taking each optional word when it is there finds what a backtracking regex finds.
fn grant_at(b: &[u8], p: usize) -> Option<usize> {
    if p > 0 && is_word_byte(b[p - 1]) {
        return None;
    }
    let phrases: [fn(&mut Words) -> Option<()>; 4] = [on_condition, declined_to_be_named, not_authorised, anonymously];
    phrases.iter().find_map(|phrase| {
        let mut at = Words { b, at: p };
        phrase(&mut at)?;
        // Each phrase ends with a letter: the next byte must not be a word byte.
        (!b.get(at.at).is_some_and(|&c| is_word_byte(c))).then_some(at.at)
    })
}

fn on_condition(at: &mut Words) -> Option<()> {
    at.word_of(&["on ", "under "])?;
    at.optional("the ");
    at.word_of(&["condition "])?;
    if at.word_of(&["of anonymity"]).is_some() {
        return Some(());
    }
    at.optional("that ");
    at.word_of(&["he ", "she ", "they ", "it "])?;
    at.optional("not ");
    at.optional("be ");
    at.word_of(&["named", "identified"])
}

fn declined_to_be_named(at: &mut Words) -> Option<()> {
    at.word_of(&["declined ", "asked ", "requested ", "wished ", "refused "])?;
    at.optional("not ");
    at.word_of(&["to be "])?;
    at.word_of(&["named", "identified"])
}

fn not_authorised(at: &mut Words) -> Option<()> {
    at.word_of(&["not authorised to ", "not authorized to "])?;
    at.word_of(&["speak", "discuss", "comment", "talk"])
}

fn anonymously(at: &mut Words) -> Option<()> {
    at.word_of(&["speaking anonymously", "requested anonymity", "granted anonymity", "anonymously"])
}

/// A cursor over the lowered text for [`grant_at`].
struct Words<'a> {
    b: &'a [u8],
    at: usize,
}

impl Words<'_> {
    /// Steps over the first of `words` found at the cursor.
    fn word_of(&mut self, words: &[&str]) -> Option<()> {
        let word = words.iter().find(|w| self.b[self.at..].starts_with(w.as_bytes()))?;
        self.at += word.len();
        Some(())
    }

    fn optional(&mut self, word: &str) {
        let _ = self.word_of(&[word]);
    }
}

/// Links each grant of anonymity to the attributions of its sentence (or of the next sentence when
/// its own has none) whose source is unnamed, and marks them anonymous. The verb of a grant is not
/// a report: "asked" in "who asked not to be named, said …" loses the attribution it was taken for.
/// `lowered` is the document lower-cased by `str::to_ascii_lowercase` (the stage's copy).
pub fn link(lowered: &str, segments: &Segments, attributions: &mut Vec<Attribution>) {
    let grants: Vec<Span> = grants(lowered).collect();
    debug_assert!(attributions.windows(2).all(|w| w[0].cue.start <= w[1].cue.start), "attributions in text order");
    // Grants come in text order without overlaps: the one that may hold a cue is the last to start
    // at or before it.
    attributions.retain(|a| {
        let before = grants.partition_point(|g| g.start <= a.cue.start);
        !(before > 0 && a.cue.end <= grants[before - 1].end)
    });
    // Attributions are in text order, so a sentence's are one run of them: a binary search each,
    // not a pass over all of them per grant.
    let of_sentence = |sentence: usize, attributions: &[Attribution]| {
        attributions.partition_point(|a| a.sentence < sentence)
            ..attributions.partition_point(|a| a.sentence <= sentence)
    };
    for &grant in &grants {
        let Some(s) = segments.sentence_at(grant.start) else { continue };
        // A grant inside a source's own words ("A port officer in Ørsted, who asked not to be
        // named, said") is about that source, whatever its words looked like: a capitalised place
        // in it made it look named. Whoever asked not to be named is not a named person.
        let own = of_sentence(s, attributions).find(|&i| attributions[i].source.is_some_and(|src| src.contains(grant)));
        if let Some(a) = own.map(|i| &mut attributions[i]) {
            if a.source_kind == SourceKind::Person {
                a.source_kind = SourceKind::UnnamedOfficial;
            }
            a.anonymity = Some(grant);
            a.anonymous = true;
            continue;
        }
        let covers = |a: &Attribution| {
            matches!(a.source_kind, SourceKind::UnnamedOfficial | SourceKind::Unknown | SourceKind::Vague)
        };
        let nearest = |sentence: usize, attributions: &[Attribution]| {
            of_sentence(sentence, attributions)
                .filter(|&i| covers(&attributions[i]))
                .min_by_key(|&i| attributions[i].source.map_or(usize::MAX, |src| src.start.abs_diff(grant.start)))
        };
        if let Some(i) = nearest(s, attributions).or_else(|| nearest(s + 1, attributions)) {
            attributions[i].anonymity = Some(grant);
            attributions[i].anonymous = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let lowered = text.to_ascii_lowercase();
        grants(&lowered).map(|g| g.text(text)).collect()
    }

    #[test]
    fn finds_each_kind_of_grant_between_word_boundaries() {
        let text = "Zoë, who asked not to be named, said “yes”; an aide spoke On Condition That She Not Be \
                    Identified; officials not authorized to discuss it spoke anonymously. Anonymously_ no.";
        assert_eq!(
            found(text),
            [
                "asked not to be named",
                "On Condition That She Not Be Identified",
                "not authorized to discuss",
                "anonymously"
            ]
        );
    }

    #[test]
    fn a_phrase_that_stops_short_leaves_room_for_the_next() {
        // "requested" starts two phrases; "requested to be" without "named" is neither.
        assert_eq!(found("He requested anonymity. She requested to be."), ["requested anonymity"]);
    }

    /// The regex this module replaced, the oracle of the tests (native only: the regex crate is a
    /// dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_the_regex {
        use super::*;
        use proptest::prelude::*;

        const GRANT: &str = r"(?-u)\b(?:(?:on|under) (?:the )?condition (?:of anonymity|(?:that )?(?:he|she|they|it) (?:not )?(?:be )?(?:named|identified))|(?:declined|asked|requested|wished|refused) (?:not )?to be (?:named|identified)|not authori[sz]ed to (?:speak|discuss|comment|talk)|speaking anonymously|requested anonymity|granted anonymity|anonymously)\b";

        fn regex_spans(text: &str) -> Vec<Span> {
            static RE: std::sync::LazyLock<regex::Regex> =
                std::sync::LazyLock::new(|| regex::Regex::new(GRANT).unwrap());
            let lowered = text.to_ascii_lowercase();
            RE.find_iter(&lowered).map(|m| Span::new(m.start(), m.end())).collect()
        }

        fn spans(text: &str) -> Vec<Span> {
            grants(&text.to_ascii_lowercase()).collect()
        }

        #[test]
        fn matches_as_the_regex_does_on_written_cases() {
            for text in [
                "",
                "spoke on condition of anonymity, under the condition they be named",
                "on condition that it not identified; on the condition he named; on condition she not be namedx",
                "declined to be named, wished not to be identified, refused not to be named_",
                "not authorised to speak; not authorized to talk; not authorizzed to comment",
                "speaking anonymously; xanonymously; anonymous; granted anonymity; requested anonymity2",
                "“On condition of anonymity” — ANONYMOUSLY, é anonymously 東京anonymously",
                "on condition that they be named on condition of anonymity",
                "requested to be named requested anonymity asked  not to be named",
                "x requested not to be identified; under the condition that they not be identified",
            ] {
                assert_eq!(spans(text), regex_spans(text), "{text:?}");
            }
        }

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec![
                    "on ",
                    "under ",
                    "the ",
                    "condition ",
                    "of anonymity",
                    "that ",
                    "he ",
                    "she ",
                    "they ",
                    "it ",
                    "not ",
                    "be ",
                    "named",
                    "identified",
                    "declined ",
                    "asked ",
                    "Requested ",
                    "to be ",
                    "authorised ",
                    "authorized ",
                    "to ",
                    "speak",
                    "talk",
                    "speaking ",
                    "anonymously",
                    "anonymity",
                    "granted ",
                    " ",
                    ",",
                    "x",
                    "_",
                    "7",
                    "é",
                    "“",
                    "”",
                    "東京",
                    "👍🏽",
                ]),
                0..16,
            )
            .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]
            #[test]
            fn matches_as_the_regex_does_on_generated_text(text in text()) {
                prop_assert_eq!(spans(&text), regex_spans(&text), "{:?}", text);
            }
        }
    }
}
