//! Grants of anonymity ("spoke on condition of anonymity", "asked not to be named") and the
//! attributions they cover.

use super::{Attribution, SourceKind};
use crate::segment::Segments;
use crate::Span;
use regex::Regex;
use std::sync::OnceLock;

fn grant_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Lower-case ASCII phrases, matched against the text with its ASCII letters lowered (same
        // byte offsets): the same matches as an ASCII case-insensitive pattern, which takes three
        // times as long to compile (1.75 vs 0.62 ms natively, on every page load). ASCII word
        // boundaries: a Unicode `\b` would make the lazy DFA give up on non-ASCII text (curly quotes).
        crate::re::compile(
            r"(?-u)\b(?:(?:on|under) (?:the )?condition (?:of anonymity|(?:that )?(?:he|she|they|it) (?:not )?(?:be )?(?:named|identified))|(?:declined|asked|requested|wished|refused) (?:not )?to be (?:named|identified)|not authori[sz]ed to (?:speak|discuss|comment|talk)|speaking anonymously|requested anonymity|granted anonymity|anonymously)\b",
        )
    })
}

/// Links each grant of anonymity to the attributions of its sentence (or of the next sentence when
/// its own has none) whose source is unnamed, and marks them anonymous. The verb of a grant is not
/// a report: "asked" in "who asked not to be named, said …" loses the attribution it was taken for.
pub fn link(text: &str, segments: &Segments, attributions: &mut Vec<Attribution>) {
    let lowered = text.to_ascii_lowercase();
    let grants: Vec<Span> = grant_pattern().find_iter(&lowered).map(|m| Span::new(m.start(), m.end())).collect();
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
