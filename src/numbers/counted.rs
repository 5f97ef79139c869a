//! What a number counts: the noun phrase after it ("59 cruise missiles", "eight people were
//! killed", "57 Tomahawk missiles").
//!
//! Without a tagger, the phrase is the run of content words after the number, up to a function
//! word, a number or punctuation, at most three words, ending at the first plural noun.

use super::tokens::Tokens;
use crate::word_map::WordSet;
use crate::Span;

fn function_words() -> &'static WordSet {
    static WORDS: WordSet = include!(concat!(env!("OUT_DIR"), "/numbers_function_words.rs"));
    &WORDS
}

pub fn is_function_word(w: &str) -> bool {
    function_words().contains(super::lexicon::lower(w).as_ref())
}

/// A plural noun, by its ending or as one of the common irregular ones.
pub fn looks_plural(w: &str) -> bool {
    let l = w.to_lowercase();
    (l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us") && !l.ends_with("is") && l.len() > 2)
        || matches!(l.as_str(), "people" | "children" | "men" | "women" | "police" | "personnel" | "troops" | "cattle")
}

/// The noun phrase counted by a number ending before token `i`, if any.
pub fn after(t: &Tokens, i: usize) -> Option<Span> {
    let mut words = Vec::new();
    // "five more people", "two other men": the comparison word is not what is counted.
    let mut j = if t.is_any(i, &["more", "other", "fewer", "additional", "extra"]) { i + 1 } else { i };
    while j < t.len() && words.len() < 3 {
        if !t.is_word(j) || is_function_word(t.str(j)) || super::words::small(t.str(j)).is_some() {
            break;
        }
        // A name after a common noun starts something else: "three term Texas Governor".
        if !words.is_empty() && t.capitalised(j) && !words.iter().any(|&w| t.capitalised(w)) {
            break;
        }
        words.push(j);
        if looks_plural(t.str(j)) {
            break;
        }
        // "armour-piercing shells": a hyphen joins the words of one phrase.
        j = match t.hyphen_after(j) {
            Some(k) if t.joined(j) && t.joined(j + 1) && t.is_word(k) => k,
            _ => j + 1,
        };
    }
    // A verb or adverb at the end is not part of the noun phrase ("two killed", "three badly").
    while let Some(&last) = words.last() {
        let w = t.str(last).to_lowercase();
        let verbish = (w.ends_with("ed") || w.ends_with("ly") || w.ends_with("ing")) && !looks_plural(&w);
        if verbish {
            words.pop();
        } else {
            break;
        }
    }
    let (&first, &last) = (words.first()?, words.last()?);
    Some(t.span(first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(s: &str, from: usize) -> Option<&str> {
        let t = Tokens::new(s, Span::new(0, s.len()));
        after(&t, from).map(|sp| sp.text(s))
    }

    #[test]
    fn takes_the_noun_phrase_up_to_the_plural_head() {
        assert_eq!(counted("59 cruise missiles at the base", 1), Some("cruise missiles"));
        assert_eq!(counted("57 Tomahawk missiles on", 1), Some("Tomahawk missiles"));
    }

    #[test]
    fn stops_at_verbs_and_function_words() {
        assert_eq!(counted("eight people were killed", 1), Some("people"));
        assert_eq!(counted("one tank and a bulldozer", 1), Some("tank"));
        assert_eq!(counted("two killed", 1), None);
    }

    #[test]
    fn skips_more_and_other_before_the_noun() {
        assert_eq!(counted("five more people died", 1), Some("people"));
        assert_eq!(counted("two other men", 1), Some("men"));
    }

    #[test]
    fn stops_before_a_name_that_follows_a_common_noun() {
        assert_eq!(counted("three term Texas Governor", 1), Some("term"));
    }

    #[test]
    fn keeps_accented_and_curly_quoted_nouns() {
        assert_eq!(counted("3 café owners’ shops", 1), Some("café owners"));
    }
}
