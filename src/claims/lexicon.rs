//! The counted-things table (`lexicon.txt`): synonyms, is-a links, generic nouns, outcome verbs.

use crate::numbers::Bound;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// How two counted things relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same things ("cruise missiles", "Tomahawk missiles").
    Same,
    /// The first is a kind of the second ("tanks", "vehicles"): its count may be smaller.
    Narrower,
    /// The second is a kind of the first.
    Broader,
    Unrelated,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// A phrase to the phrase that names the same things.
    same: HashMap<String, String>,
    /// A phrase to the broader phrases it is a kind of.
    isa: HashMap<String, Vec<String>>,
    generic: HashSet<String>,
    /// A surface form to its outcome group ("died" → "kill").
    outcome: HashMap<String, String>,
    /// Every phrase the table knows, for longest-suffix look-up.
    known: HashSet<String>,
    /// Verbs of saying ("said", "accused").
    speech: HashSet<String>,
    /// A verb form to its group of opposite outcomes and its side ("fell" → ("direction", false)).
    opposite: HashMap<String, (String, bool)>,
    /// Qualifier phrases ("at least") and the bound they set, longest first.
    bounds: Vec<(String, Bound)>,
    /// Each concept with an is-a link to its broader concepts, nearest first: computed once, as
    /// alignment asks for every pair of claims.
    ancestors: HashMap<String, Vec<String>>,
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(include_str!("lexicon.txt")))
}

impl Lexicon {
    pub fn parse(src: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
            match head {
                "same" | "isa" => {
                    let sep = if head == "same" { '=' } else { '<' };
                    let Some((a, b)) = rest.split_once(sep) else { continue };
                    let (a, b) = (a.trim().to_string(), b.trim().to_string());
                    lex.known.insert(a.clone());
                    lex.known.insert(b.clone());
                    if head == "same" {
                        lex.same.insert(a, b);
                    } else {
                        lex.isa.entry(a).or_default().push(b);
                    }
                }
                "opposite" => {
                    let (group, sides) = rest.split_once(' ').unwrap_or((rest, ""));
                    let (up, down) = sides.split_once('|').unwrap_or((sides, ""));
                    for (forms, side) in [(up, true), (down, false)] {
                        for w in forms.split_whitespace() {
                            lex.opposite.insert(w.to_string(), (group.to_string(), side));
                        }
                    }
                }
                "generic" => lex.generic.extend(rest.split_whitespace().map(String::from)),
                "speech" => lex.speech.extend(rest.split_whitespace().map(String::from)),
                "outcome" => {
                    let mut words = rest.split_whitespace();
                    if let Some(group) = words.next() {
                        for w in words {
                            lex.outcome.insert(w.to_string(), group.to_string());
                        }
                    }
                }
                "bound" => {
                    let (name, phrases) = rest.split_once(' ').unwrap_or((rest, ""));
                    let bound = match name {
                        "at_least" => Bound::AtLeast,
                        "more_than" => Bound::MoreThan,
                        "at_most" => Bound::AtMost,
                        "less_than" => Bound::LessThan,
                        "about" => Bound::About,
                        _ => continue,
                    };
                    lex.bounds.extend(phrases.split('|').map(|p| (p.trim().to_string(), bound)));
                }
                _ => {}
            }
        }
        crate::sort::by_key(&mut lex.bounds, |(p, _)| std::cmp::Reverse(p.len()));
        // Only a phrase with is-a links of its own has broader concepts.
        lex.ancestors = lex.isa.keys().map(|c| (c.clone(), lex.walk_broader(c))).collect();
        lex
    }

    /// The canonical name of a phrase: "tomahawk missile" → "cruise missile".
    pub fn canonical<'a>(&'a self, phrase: &'a str) -> &'a str {
        let mut p = phrase;
        for _ in 0..4 {
            match self.same.get(p) {
                Some(next) => p = next,
                None => break,
            }
        }
        p
    }

    /// The concept a counted phrase names: its longest known suffix ("the Tomahawk cruise missile" →
    /// "cruise missile"), canonical; otherwise its head word.
    pub fn concept(&self, lemmas: &[String]) -> Option<String> {
        for i in 0..lemmas.len() {
            let suffix = lemmas[i..].join(" ");
            if self.known.contains(&suffix) {
                return Some(self.canonical(&suffix).to_string());
            }
        }
        lemmas.last().map(|h| self.canonical(h).to_string())
    }

    /// The broader concepts of `concept`, nearest first (not including itself).
    pub fn broader(&self, concept: &str) -> &[String] {
        self.ancestors.get(concept).map_or(&[], Vec::as_slice)
    }

    fn walk_broader(&self, concept: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut frontier = vec![concept.to_string()];
        while let Some(c) = frontier.pop() {
            for b in self.isa.get(&c).into_iter().flatten() {
                let b = self.canonical(b).to_string();
                if b != concept && !out.contains(&b) {
                    out.push(b.clone());
                    frontier.push(b);
                }
            }
        }
        out
    }

    /// (The alignment works this out on interned ids: `align::Whats::relation`.)
    #[cfg(test)]
    pub fn relation(&self, a: &str, b: &str) -> Relation {
        if a == b {
            Relation::Same
        } else if self.broader(a).iter().any(|x| x == b) {
            Relation::Narrower
        } else if self.broader(b).iter().any(|x| x == a) {
            Relation::Broader
        } else {
            Relation::Unrelated
        }
    }

    /// Nouns such as "people" or "times": a count of them says little about what is counted.
    pub fn is_generic(&self, concept: &str) -> bool {
        self.generic.contains(concept)
    }

    /// A verb of saying or reacting ("said", "accused").
    pub fn is_speech(&self, lower: &str) -> bool {
        self.speech.contains(lower)
    }

    /// The group of opposite outcomes a verb form belongs to, and its side: "rose" → ("direction",
    /// true), "fell" → ("direction", false).
    pub fn opposite(&self, lower: &str) -> Option<(&str, bool)> {
        self.opposite.get(lower).map(|(g, side)| (g.as_str(), *side))
    }

    /// The outcome group of a verb form ("killed" → "kill").
    pub fn outcome(&self, lower: &str) -> Option<&str> {
        self.outcome.get(lower).map(String::as_str)
    }
}

impl Lexicon {
    /// The bound a qualifier sets when `before` (lower case, the text just before a figure) ends
    /// with one: "killed at least " → `AtLeast`, with the qualifier's length in bytes.
    pub fn bound_before(&self, before: &str) -> Option<(Bound, usize)> {
        let b = before.trim_end();
        let last = b.as_bytes().last();
        self.bounds.iter().find_map(|(p, bound)| {
            // The last byte first: most phrases are ruled out without comparing strings.
            if !p.is_empty() && p.as_bytes().last() != last {
                return None;
            }
            let rest = b.strip_suffix(p.as_str())?;
            rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()).then_some((*bound, p.len()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemmas(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn a_tomahawk_is_a_cruise_missile_is_a_missile() {
        let lex = lexicon();
        let tomahawk = lex.concept(&lemmas("tomahawk missile")).unwrap();
        assert_eq!(tomahawk, lex.concept(&lemmas("cruise missile")).unwrap());
        assert_eq!(lex.relation(&tomahawk, "missile"), Relation::Narrower);
        assert_eq!(lex.relation("missile", &tomahawk), Relation::Broader);
    }

    #[test]
    fn tanks_are_a_kind_of_vehicle_not_the_same() {
        assert_eq!(lexicon().relation("tank", "vehicle"), Relation::Narrower);
        assert_eq!(lexicon().relation("tank", "missile"), Relation::Unrelated);
    }

    #[test]
    fn unknown_phrase_falls_back_to_its_head() {
        assert_eq!(lexicon().concept(&lemmas("blue widget")).as_deref(), Some("widget"));
    }

    #[test]
    fn finds_the_qualifier_just_before_a_figure() {
        assert_eq!(lexicon().bound_before("destroyed at least ").map(|b| b.0), Some(Bound::AtLeast));
        assert_eq!(lexicon().bound_before("gave more than ").map(|b| b.0), Some(Bound::MoreThan));
        assert_eq!(lexicon().bound_before("a hover ").map(|b| b.0), None);
        assert_eq!(lexicon().bound_before("the ").map(|b| b.0), None);
    }

    #[test]
    fn opposite_outcomes_share_a_group_on_different_sides() {
        let lex = lexicon();
        assert_eq!(lex.opposite("rose"), Some(("direction", true)));
        assert_eq!(lex.opposite("fell"), Some(("direction", false)));
        assert_eq!(lex.opposite("approved").map(|o| o.0), lex.opposite("rejected").map(|o| o.0));
        assert_ne!(lex.opposite("won").map(|o| o.1), lex.opposite("lost").map(|o| o.1));
        assert_eq!(lex.opposite("said"), None);
    }

    /// The claim builder passes over a word whose lower-case form is not such a verb.
    #[test]
    fn opposite_verbs_are_ascii_lower_case() {
        assert!(!lexicon().opposite.is_empty());
        assert!(lexicon().opposite.keys().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn reads_outcome_forms_and_generic_nouns() {
        assert_eq!(lexicon().outcome("died"), Some("kill"));
        assert!(lexicon().is_generic("people"));
        assert!(!lexicon().is_generic("missile"));
    }
}
