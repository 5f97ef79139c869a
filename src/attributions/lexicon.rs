//! Word lists of the attributions stage, read once from the text files in `lexicon/`.

use crate::span::WordTable;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// What a reporting verb reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// A statement: "said", "told", "denied".
    Speech,
    /// A thought or intention: "believes", "wants".
    Belief,
    /// Reports only next to a quotation: "“…,” he continued".
    Quote,
}

/// One form of a reporting verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    pub class: VerbClass,
    /// The "-ing" form: "adding", "saying" (a participle that takes the subject of its clause).
    pub participle: bool,
    /// The form is also a common noun or adjective ("report", "claims", "notes"): it needs a subject.
    pub ambiguous: bool,
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounRef {
    Person,
    Organisation,
    Group,
    Any,
}

/// The words are those of the list files, which are in lower case (a test checks it): the tables
/// borrow them, so building them (once per process, and in the browser on the first analysis)
/// copies no string.
pub struct Lexicon {
    pub verbs: HashMap<&'static str, VerbForm>,
    pub titles: HashSet<&'static str>,
    pub anonymous_heads: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub media: HashSet<&'static str>,
    pub documents: HashSet<&'static str>,
    pub vague: HashSet<&'static str>,
    pub pronouns: HashMap<&'static str, PronounRef>,
    /// Which of `verbs`, `titles` and `org_heads` hold each of their words ([`VERB`], [`TITLE`],
    /// [`ORG_HEAD`]), and "according" ([`ACCORDING`]): a document's words are looked up here
    /// once, not once per question.
    /// Bucketed by shape, no hashing: looked up at every word of a document.
    pub classes: WordTable<u8>,
}

/// Bits of [`Lexicon::classes`].
pub const VERB: u8 = 1;
pub const TITLE: u8 = 2;
pub const ORG_HEAD: u8 = 4;
/// "according" (of "according to"): with [`VERB`], the words that can begin a cue.
pub const ACCORDING: u8 = 8;

/// Words that are a verb and also a frequent noun or adjective.
const AMBIGUOUS_FORMS: &[&str] = &[
    "report",
    "claim",
    "note",
    "notes",
    "states",
    "state",
    "post",
    "posted",
    "tweet",
    "comment",
    "charge",
    "counter",
    "call",
    "calls",
    "called",
    "estimate",
    "worry",
    "fear",
    "fears",
    "hope",
    "hopes",
    "promise",
    "promises",
    "vow",
    "vows",
    "remark",
    "alleged",
    "accused",
    "expected",
    "concluded",
    "continued",
    "warning",
    "stress",
    "joke",
    "jokes",
    "pledge",
    "want",
    "wants",
    "feel",
    "know",
    "think",
    "recall",
    "repeat",
    "observe",
    "agree",
    "reply",
    "charged",
    "cite",
    "described",
    "describe",
];

fn words(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace)
}

fn set(file: &'static str) -> HashSet<&'static str> {
    let mut set = HashSet::default();
    set.reserve(file.len() / 8);
    set.extend(words(file));
    set
}

pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs = HashMap::default();
        verbs.reserve(512);
        for line in include_str!("lexicon/verbs.txt").lines().filter(|l| !l.starts_with('#')) {
            let Some((forms, class)) = line.split_once('|') else { continue };
            let class = match class.trim() {
                "belief" => VerbClass::Belief,
                "quote" => VerbClass::Quote,
                _ => VerbClass::Speech,
            };
            for form in forms.split_whitespace() {
                let participle = form.ends_with("ing");
                let ambiguous = AMBIGUOUS_FORMS.contains(&form);
                verbs.insert(form, VerbForm { class, participle, ambiguous });
            }
        }
        let pronouns = include_str!("lexicon/pronouns.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(' '))
            .map(|(w, r)| {
                let r = match r.trim() {
                    "person" => PronounRef::Person,
                    "organisation" => PronounRef::Organisation,
                    "group" => PronounRef::Group,
                    _ => PronounRef::Any,
                };
                (w, r)
            })
            .collect();
        let titles = set(include_str!("lexicon/titles.txt"));
        let org_heads = set(include_str!("lexicon/org_heads.txt"));
        let mut classes: HashMap<&'static str, u8> = HashMap::default();
        classes.reserve(verbs.len() + titles.len() + org_heads.len());
        for (&w, class) in verbs.keys().map(|w| (w, VERB)).chain(titles.iter().map(|w| (w, TITLE))) {
            *classes.entry(w).or_default() |= class;
        }
        for &w in &org_heads {
            *classes.entry(w).or_default() |= ORG_HEAD;
        }
        *classes.entry("according").or_default() |= ACCORDING;
        Lexicon {
            verbs,
            titles,
            classes: WordTable::new(classes),
            anonymous_heads: set(include_str!("lexicon/anonymous_heads.txt")),
            org_heads,
            media: set(include_str!("lexicon/media.txt")),
            documents: set(include_str!("lexicon/documents.txt")),
            vague: set(include_str!("lexicon/vague.txt")),
            pronouns,
        }
    })
}

/// Auxiliaries and adverbs that can stand between a source and its verb ("has also said").
pub fn is_verb_modifier(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "are"
            | "will"
            | "would"
            | "could"
            | "can"
            | "did"
            | "does"
            | "do"
            | "also"
            | "later"
            | "previously"
            | "repeatedly"
            | "publicly"
            | "recently"
            | "again"
            | "then"
            | "already"
            | "once"
            | "reportedly"
            | "never"
            | "not"
            | "often"
            | "long"
            | "just"
            | "still"
            | "further"
            | "earlier"
            | "separately"
            | "privately"
            | "flatly"
            | "quickly"
            | "initially"
            | "first"
            | "subsequently"
            | "may"
            | "might"
            | "should"
            | "must"
            | "now"
            | "even"
            | "frequently"
            | "openly"
            | "explicitly"
            | "been"
            | "be"
            | "n't"
            | "didn't"
            | "doesn't"
            | "hasn't"
            | "haven't"
            | "wouldn't"
            | "won't"
            | "didn’t"
            | "doesn’t"
            | "hasn’t"
            | "haven’t"
            | "wouldn’t"
            | "won’t"
            | "always"
            | "ultimately"
            | "finally"
            | "emphatically"
            | "however"
            | "too"
            | "nonetheless"
            | "meanwhile"
            | "angrily"
            | "bluntly"
            | "simply"
            | "recently,"
            | "only"
    )
}

/// Lower-case words that start a new clause or are verbs: a source noun phrase never runs over them.
pub fn ends_noun_phrase(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "because"
            | "when"
            | "while"
            | "if"
            | "but"
            | "although"
            | "though"
            | "after"
            | "before"
            | "since"
            | "as"
            | "where"
            | "so"
            | "than"
            | "whether"
            | "until"
            | "unless"
            | "what"
            | "how"
            | "why"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "to"
            | "there"
            | "here"
            | "not"
            | "also"
            | "and"
            | "or"
            | "nor"
            | "yet"
            | "once"
            | "then"
            | "now"
            | "however"
            | "meanwhile"
            | "instead"
            | "still"
            | "even"
            | "only"
            | "just"
            | "thus"
            | "hence"
            | "why,"
            | "whom"
            | "whose"
            | "said"
            | "says"
            | "told"
            | "this"
            | "these"
            | "those"
            | "it's"
            | "let"
            | "like"
            | "during"
            | "without"
            | "against"
            | "into"
            | "about"
            | "over"
            | "through"
            | "under"
            | "between"
            | "within"
            | "toward"
            | "towards"
            | "upon"
            | "by"
            | "amid"
            | "despite"
    )
}

/// Determiners and possessives: a word right after one is a noun, not a verb ("the report").
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "new"
            | "recent"
            | "latest"
            | "some"
            | "any"
            | "no"
            | "every"
            | "each"
            | "such"
            | "news"
            | "press"
            | "media"
            | "earlier"
            | "previous"
            | "false"
            | "unfounded"
            | "of"
            | "in"
            | "on"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "whose"
            | "other"
            | "two"
            | "many"
            | "several"
    )
}

/// Words that name a time: "on Thursday", "last week" are skipped between a verb and its content.
pub fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "tomorrow"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "month"
            | "year"
            | "weekend"
            | "earlier"
            | "later"
            | "recently"
            | "last"
            | "late"
            | "early"
            | "this"
            | "on"
            | "at"
            | "in"
            | "during"
            | "repeatedly"
            | "again"
            | "previously"
            | "publicly"
            | "privately"
            | "once"
    ) || matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_is_in_lower_case_as_the_look_ups_expect() {
        // The tables hold the files' words as they are and are asked with lower-cased words.
        let lex = lexicon();
        let sets = [&lex.titles, &lex.anonymous_heads, &lex.org_heads, &lex.media, &lex.documents, &lex.vague];
        let words = sets.iter().flat_map(|s| s.iter()).chain(lex.verbs.keys()).chain(lex.pronouns.keys());
        let upper: Vec<&str> = words.filter(|w| w.to_lowercase() != **w).copied().collect();
        assert!(upper.is_empty(), "{upper:?}");
    }

    #[test]
    fn reads_every_form_of_a_reporting_verb() {
        let lex = lexicon();
        assert_eq!(lex.verbs["told"].class, VerbClass::Speech);
        assert!(lex.verbs["adding"].participle);
        assert!(lex.verbs["claim"].ambiguous);
        assert_eq!(lex.verbs["believes"].class, VerbClass::Belief);
    }

    #[test]
    fn reads_heads_and_pronouns() {
        let lex = lexicon();
        assert!(lex.anonymous_heads.contains("official"));
        assert!(lex.org_heads.contains("ministry"));
        assert!(lex.media.contains("reuters"));
        assert_eq!(lex.pronouns["it"], PronounRef::Organisation);
    }

    #[test]
    fn gives_each_verb_title_organisation_head_and_according_its_class_and_no_other_word_one() {
        let lex = lexicon();
        let class_of = |w: &str| {
            let mut c = 0;
            if lex.verbs.contains_key(w) {
                c |= VERB;
            }
            if lex.titles.contains(w) {
                c |= TITLE;
            }
            if lex.org_heads.contains(w) {
                c |= ORG_HEAD;
            }
            if w == "according" {
                c |= ACCORDING;
            }
            c
        };
        assert!(lex.classes.iter().all(|(w, &c)| c != 0 && c == class_of(w)));
        let listed = lex.verbs.keys().chain(&lex.titles).chain(&lex.org_heads);
        assert!(listed.into_iter().all(|w| lex.classes.get(w) == Some(&class_of(w))));
        assert_eq!(lex.classes.get("said").copied(), Some(VERB));
        assert_eq!(lex.classes.get("according").copied(), Some(ACCORDING));
        assert_eq!(lex.classes.get("table"), None);
    }
}
