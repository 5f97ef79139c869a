//! Attributions: who said what, how, and whether the source is named.
//!
//! The text is tokenised once per document. Direct quotations are found first (a quoted passage
//! with its speaker next to it), then indirect speech sentence by sentence (a reporting verb with
//! its source phrase and reported clause, "according to X"). Each token has at most one role, as
//! in PolNeAR: a cue inside a reported clause is part of that clause, not a second attribution.
//! Sources are then described (kind, named or not) and resolved ("he" → the last named person),
//! and grants of anonymity are linked to the sources they cover.

mod anonymity;
mod found;
mod indirect;
mod lexicon;
mod phrase;
mod quotes;
mod speakers;
mod summary;
mod tokens;

pub use summary::{summarize, SourceSummary};

use crate::segment::Segments;
use crate::Span;
use serde::Serialize;

/// What sort of source stands behind a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named person: "Tomas Wirth".
    Person,
    /// An unnamed individual: "a DoD official", "a military source".
    UnnamedOfficial,
    /// An organisation or government: "the coalition", "the Pentagon".
    Organisation,
    /// A news outlet or agency: "Reuters", "SANA".
    Media,
    /// A document or statement: "the statement", "a report".
    Document,
    /// A vague source: "reports", "activists", "local media".
    Vague,
    /// No source in the text.
    Unknown,
}

/// One reported statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// The words that name the source ("Norwegian Fisheries Minister Ola Brekke", "he"); `None` if absent.
    pub source: Option<Span>,
    /// Who the source is, resolved ("he" → "Rosa Quintana").
    pub speaker: Option<String>,
    /// The reporting words ("said", "according to", "told").
    pub cue: Span,
    /// What was said.
    pub content: Span,
    /// Quoted word for word.
    pub direct: bool,
    /// An unnamed individual.
    pub anonymous: bool,
    pub source_kind: SourceKind,
    /// Where it was said, kept apart from the source ("told **Reuters**").
    pub medium: Option<Span>,
    /// Index of the sentence that holds the cue.
    pub sentence: usize,
    /// The words that grant the source anonymity ("spoke on condition of anonymity").
    pub anonymity: Option<Span>,
}

/// Finds the attributions in `text`, in text order.
pub fn extract(text: &str, segments: &Segments) -> Vec<Attribution> {
    extract_lowered(text, &text.to_ascii_lowercase(), segments)
}

/// [`extract`], with `text` already lower-cased by `str::to_ascii_lowercase` (one copy serves
/// every stage that reads words in lower case: [`crate::analyze`]).
pub fn extract_lowered(text: &str, lower: &str, segments: &Segments) -> Vec<Attribution> {
    debug_assert_eq!(text.len(), lower.len(), "a lower-cased copy of another text");
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut paragraphs = Vec::with_capacity(segments.paragraphs.len());
    for &p in &segments.paragraphs {
        let start = toks.len();
        tokens::tokenize_into(text, p, &segments.quotes, &mut toks);
        paragraphs.push((start, toks.len()));
    }
    // Each token's sentence (what `Segments::sentence_at` would find for it), and whether it is
    // skipped: tokens of boilerplate lines (or outside any sentence) are not read. Tokens and
    // sentences both come in text order, so each sentence's tokens are one run, found by
    // bisection and filled in at once (not a test of the sentences at every token).
    let mut tok_sentence = vec![usize::MAX; toks.len()];
    let mut skipped = vec![true; toks.len()];
    let mut from = 0;
    for (si, sentence) in segments.sentences.iter().enumerate() {
        let first = from + toks[from..].partition_point(|t| t.span.start < sentence.span.start);
        let end = first + toks[first..].partition_point(|t| t.span.start < sentence.span.end);
        tok_sentence[first..end].fill(si);
        skipped[first..end].fill(sentence.boilerplate);
        from = end;
    }
    debug_assert!(toks
        .iter()
        .zip(&tok_sentence)
        .all(|(t, &s)| Some(s).filter(|&s| s != usize::MAX) == segments.sentence_at(t.span.start)));
    let lex = lexicon::lexicon();
    let lower_bytes = lower.as_bytes();
    let class_of = |t: &tokens::Token| lex.classes.get(&lower_bytes[t.span.range()]).copied().unwrap_or(0);
    let classes = toks.iter().map(|t| if t.is_word() { class_of(t) } else { 0 }).collect();
    let mut doc = indirect::Doc {
        text,
        lower,
        segments,
        toks,
        classes,
        tok_sentence,
        quote_used: vec![false; segments.quotes.len()],
    };
    let boilerplate = |t: usize| skipped[t];
    let mut found = Vec::new();
    for &(pa, pb) in &paragraphs {
        if pa == pb || (pa..pb).all(boilerplate) {
            continue;
        }
        let first_of_paragraph = found.len();
        quotes::find(&mut doc, pa, pb, &mut found);
        debug_assert!(found[first_of_paragraph..].iter().all(|f| (pa..pb).contains(&f.cue.0)));
        // The quotations' attributions by cue, so that each sentence finds its own with a binary
        // search instead of scanning them all (a paragraph may hold thousands).
        let mut by_cue: Vec<usize> = (first_of_paragraph..found.len()).collect();
        crate::sort::by_key(&mut by_cue, |&f| found[f].cue.0);
        let mut sa = pa;
        while sa < pb {
            let sb = doc.sentence_end_token(sa, pb).max(sa + 1);
            if !boilerplate(sa) {
                let lo = by_cue.partition_point(|&f| found[f].cue.0 < sa);
                let hi = lo + by_cue[lo..].partition_point(|&f| found[f].cue.0 < sb);
                let before = found.len();
                indirect::find(&doc, sa, sb, &by_cue[lo..hi], &mut found);
                // A sentence's own attributions have their cue in it: later sentences need not see them.
                debug_assert!(found[before..].iter().all(|f| (sa..sb).contains(&f.cue.0)));
            }
            sa = sb;
        }
    }
    let mut found = in_text_order(found);
    indirect::yield_to_later(&doc, &mut found);
    // A cue that shares its subject ("…, adding that …") names the same words as its source.
    for i in 0..found.len() {
        if let Some(s) = found[i].shares_source_of.filter(|_| found[i].source.is_none()) {
            found[i].source = found[s].source;
        }
    }
    let words = doc.words();
    let resolved = speakers::resolve(&words, &found);
    let mut out: Vec<Attribution> = found
        .iter()
        .zip(resolved)
        .map(|(f, r)| Attribution {
            source: f.source.map(|(a, b)| words.span(a, b)),
            speaker: r.speaker,
            cue: words.span(f.cue.0, f.cue.1),
            content: f.content,
            direct: f.direct,
            anonymous: r.anonymous,
            source_kind: r.kind,
            medium: f.medium.map(|(a, b)| words.span(a, b)),
            sentence: doc.tok_sentence[f.cue.0],
            anonymity: None,
        })
        .collect();
    anonymity::link(lower, segments, &mut out);
    out
}

/// Sorts by cue position, keeping the links between attributions that share a source.
fn in_text_order(found: Vec<found::Found>) -> Vec<found::Found> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    crate::sort::by_key(&mut order, |&i| found[i].cue.0);
    let mut new_index = vec![0; found.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    order
        .iter()
        .map(|&i| {
            let mut f = found[i].clone();
            f.shares_source_of = f.shares_source_of.map(|s| new_index[s]);
            if f.shares_source_of.is_some_and(|s| s >= new_index[i]) {
                f.shares_source_of = None;
            }
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn run(t: &str) -> Vec<Attribution> {
        extract(t, &segment(t))
    }

    /// (source, speaker, cue, content) of each attribution of `t`.
    fn found(t: &str) -> Vec<(String, String, String, String)> {
        run(t)
            .iter()
            .map(|a| {
                (
                    a.source.map_or(String::new(), |s| s.text(t).to_string()),
                    a.speaker.clone().unwrap_or_default(),
                    a.cue.text(t).to_string(),
                    a.content.text(t).to_string(),
                )
            })
            .collect()
    }

    fn row(source: &str, speaker: &str, cue: &str, content: &str) -> (String, String, String, String) {
        (source.into(), speaker.into(), cue.into(), content.into())
    }

    #[test]
    fn finds_indirect_speech_after_a_definite_source() {
        let t = "The official said the strikes were bad.";
        assert_eq!(found(t), [row("The official", "official", "said", "the strikes were bad")]);
    }

    #[test]
    fn finds_a_curly_quote_with_its_speaker_after_it() {
        let t = "“We notified the coalition,” Saloum said.";
        let a = run(t);
        assert_eq!(found(t), [row("Saloum", "Saloum", "said", "“We notified the coalition,”")]);
        assert!(a[0].direct && !a[0].anonymous);
        assert_eq!(a[0].source_kind, SourceKind::Person);
    }

    #[test]
    fn finds_a_speaker_written_after_the_verb() {
        let t = "\"I hate rain!\" insists Okafor. Then said one of the guards, adding nothing.";
        assert_eq!(found(t)[0], row("Okafor", "Okafor", "insists", "\"I hate rain!\""));
    }

    #[test]
    fn joins_the_two_halves_of_a_quote_split_by_its_speaker() {
        let t = "“We came early,” said José Núñez, “and we left 🙂 late.”";
        assert_eq!(
            found(t),
            [row("José Núñez", "José Núñez", "said", "“We came early,” said José Núñez, “and we left 🙂 late.”")]
        );
    }

    #[test]
    fn joins_a_quote_resumed_after_the_speaker_and_a_topic() {
        let t = "“The owners have a motive,” she said of Lund and Moreau, “since neither can sail alone.”";
        assert_eq!(run(t)[0].content.text(t), t.trim_end_matches('.'));
    }

    #[test]
    fn keeps_apart_two_sources_joined_by_and() {
        let t = "About 21 percent said “not too likely” and 14 percent said “not at all likely.”";
        let contents: Vec<_> = run(t).iter().map(|a| a.content.text(t)).collect();
        assert_eq!(contents, ["“not too likely”", "“not at all likely.”"]);
    }

    #[test]
    fn finds_a_quote_introduced_by_a_colon() {
        let t = "Varga continued: “You look at the tide tables.”";
        assert_eq!(found(t), [row("Varga", "Varga", "continued", "“You look at the tide tables.”")]);
    }

    #[test]
    fn keeps_a_quote_over_several_paragraphs_as_one_statement() {
        let t = "“The first part is long.\n\n“The second part ends here,” she said.";
        let a = run(t);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].content.text(t), "“The first part is long.\n\n“The second part ends here,”");
    }

    #[test]
    fn takes_the_next_quoted_sentences_into_the_statement() {
        let t = "“It’s cold,” Varga said. “And colder still at night.”";
        assert_eq!(run(t)[0].content.text(t), "“It’s cold,” Varga said. “And colder still at night.”");
    }

    #[test]
    fn reads_a_partial_quote_inside_indirect_speech_as_indirect() {
        let t = "Ilse Varga also said the raids had hit “the old harbour customs sheds”.";
        let a = run(t);
        assert_eq!(a[0].content.text(t), "the raids had hit “the old harbour customs sheds”");
        assert!(!a[0].direct);
        assert_eq!(a[0].speaker.as_deref(), Some("Ilse Varga"));
    }

    #[test]
    fn reads_a_quote_ending_a_clause_begun_outside_it_as_indirect() {
        let t = "Dalby’s lobbying might be labelled \"quiet arm-twisting,\" The Lisbon Herald reported in 1987.";
        let a = run(t);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].content.text(t), "Dalby’s lobbying might be labelled \"quiet arm-twisting,\"");
        assert_eq!(a[0].cue.text(t), "reported");
        assert_eq!(a[0].source_kind, SourceKind::Media);
        assert!(!a[0].direct);
    }

    #[test]
    fn reads_reporting_verbs_in_any_tense() {
        for t in [
            "Smith has said that taxes will rise.",
            "Smith had warned that taxes will rise.",
            "Smith says taxes will rise.",
        ] {
            let a = run(t);
            assert_eq!(a.len(), 1, "{t}");
            assert!(a[0].content.text(t).ends_with("taxes will rise"), "{t}");
        }
    }

    #[test]
    fn keeps_the_listener_apart_from_source_and_content() {
        let t = "A member of the border militia told AFP the lorries carried smugglers.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("A member of the border militia"));
        assert_eq!(a[0].medium.map(|s| s.text(t)), Some("AFP"));
        assert_eq!(a[0].content.text(t), "the lorries carried smugglers");
        assert!(a[0].anonymous);
    }

    #[test]
    fn reads_according_to_before_and_after_the_content() {
        let t = "According to the Observatory, eight people were killed. The convoy turned back, according to SANA.";
        assert_eq!(
            found(t),
            [
                row("the Observatory", "Observatory", "According to", "eight people were killed"),
                row("SANA", "SANA", "according to", "The convoy turned back"),
            ]
        );
    }

    #[test]
    fn takes_the_content_before_a_final_cue() {
        let t = "The strike killed 8 people 🙂 near Tanf, the officials said.";
        assert_eq!(found(t), [row("the officials", "officials", "said", "The strike killed 8 people 🙂 near Tanf")]);
    }

    #[test]
    fn keeps_titles_and_appositions_in_the_source_but_not_the_speaker() {
        let t = "Norwegian Fisheries Minister Ola Brekke said the quota is not changing. The Baltic Council for \
                 Coastal Safety, a Riga-based watchdog group, reported that five boats sank.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("Norwegian Fisheries Minister Ola Brekke"));
        assert_eq!(a[0].speaker.as_deref(), Some("Ola Brekke"));
        assert_eq!(
            a[1].source.map(|s| s.text(t)),
            Some("The Baltic Council for Coastal Safety, a Riga-based watchdog group")
        );
        assert_eq!(a[1].speaker.as_deref(), Some("Baltic Council for Coastal Safety"));
        assert_eq!(a[1].source_kind, SourceKind::Organisation);
    }

    #[test]
    fn resolves_pronouns_and_short_names_to_the_last_full_name() {
        let t = "Chilean Deputy Trade Minister Rosa Quintana spoke first. “We cannot accept it,” she said.\n\
                 The EU-funded port authority shut a pier. “It followed two alerts,” it said in a notice.\n\
                 Health Secretary Tomas Wirth arrived. Wirth said the delay was prudent.";
        let speakers: Vec<_> = run(t).into_iter().map(|a| a.speaker.unwrap_or_default()).collect();
        assert_eq!(speakers, ["Rosa Quintana", "EU-funded port authority", "Tomas Wirth"]);
    }

    #[test]
    fn resolves_an_accented_short_name_past_emoji_and_curly_quotes() {
        let t =
            "🚢 Port chief Émile Ørsted visited 東京 on “day one”. An aide of Ørsted’s left. Ørsted said it was calm.";
        let speakers: Vec<_> = run(t).into_iter().map(|a| a.speaker.unwrap_or_default()).collect();
        assert_eq!(speakers, ["Émile Ørsted"]);
    }

    #[test]
    fn links_a_grant_of_anonymity_to_the_unnamed_source() {
        let t = "A port officer, speaking on condition of anonymity as talks go on, said the seizure was a warning.";
        let a = run(t);
        assert!(a[0].anonymous);
        assert_eq!(a[0].source_kind, SourceKind::UnnamedOfficial);
        assert_eq!(a[0].anonymity.map(|s| s.text(t)), Some("on condition of anonymity"));
    }

    #[test]
    fn finds_a_grant_of_anonymity_in_any_case_after_non_ascii_text() {
        let t = "A port officer, speaking ON CONDITION OF Anonymity as talks in Ørsted 🚢 go on, said the seizure was a warning.";
        let a = run(t);
        assert!(a[0].anonymous, "{a:?}");
        assert_eq!(a[0].anonymity.map(|s| s.text(t)), Some("ON CONDITION OF Anonymity"));
    }

    #[test]
    fn a_grant_inside_the_source_makes_it_anonymous_despite_a_capitalised_place() {
        let t = "A port officer in Ørsted, who asked not to be named, said the “Aurora” carried 212 passengers.";
        let a = run(t);
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(a[0].anonymous, "{a:?}");
        assert_eq!(a[0].source_kind, SourceKind::UnnamedOfficial);
        assert_eq!(a[0].anonymity.map(|s| s.text(t)), Some("asked not to be named"));
    }

    #[test]
    fn the_verb_of_a_grant_of_anonymity_is_not_a_report() {
        let t = "A port officer, who asked not to be named, said the pier was shut.";
        let a = run(t);
        assert_eq!(a.iter().map(|a| a.cue.text(t)).collect::<Vec<_>>(), ["said"]);
        assert!(a[0].anonymous);
    }

    #[test]
    fn an_emoji_between_source_and_cue_keeps_the_attribution() {
        for (t, source) in [
            ("A port officer 🚢 said the pier was shut.", "A port officer"),
            ("Port officer Ana Lim 👍🏽 said the pier was shut.", "Port officer Ana Lim"),
            ("The mayor 👨‍👩‍👧 ❤️ told reporters the ferry was late.", "The mayor"),
        ] {
            let a = run(t);
            assert_eq!(a.len(), 1, "{t}: {a:?}");
            assert_eq!(a[0].source.map(|s| s.text(t)), Some(source), "{t}");
        }
    }

    #[test]
    fn tells_kinds_of_sources_apart() {
        let t = "Reuters reported that the base was hit. The statement said forces were nearby. Activists say the \
                 toll is higher. The ministry said it would respond.";
        let kinds: Vec<_> = run(t).iter().map(|a| a.source_kind).collect();
        assert_eq!(kinds, [SourceKind::Media, SourceKind::Document, SourceKind::Vague, SourceKind::Organisation]);
    }

    #[test]
    fn gives_a_participle_cue_the_subject_of_its_clause() {
        let t = "“We are ready,” the spokesman said, adding that talks would resume.";
        let a = run(t);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].cue.text(t), "adding");
        assert_eq!(a[1].content.text(t), "that talks would resume");
        assert_eq!(a[1].speaker, a[0].speaker);
    }

    #[test]
    fn ends_a_content_where_a_coordinated_cue_begins() {
        let t = "Lund suggested that Moreau was timid and argued that fares were too high.";
        assert_eq!(
            found(t),
            [
                row("Lund", "Lund", "suggested", "that Moreau was timid"),
                row("Lund", "Lund", "argued", "that fares were too high"),
            ]
        );
    }

    #[test]
    fn does_not_read_nouns_and_adjectives_as_cues() {
        assert!(run("His claims were false. The alleged bias of the judge was noted in the report's annex.").is_empty());
        assert!(run("The report cited no sources and the new poll numbers rose.").is_empty());
    }

    #[test]
    fn reports_no_nested_statement_inside_a_reported_clause() {
        let t = "Trump said that Clinton claimed the deal was good.";
        assert_eq!(found(t), [row("Trump", "Trump", "said", "that Clinton claimed the deal was good")]);
    }

    #[test]
    fn reads_a_source_after_the_verb_at_the_end_of_the_sentence() {
        let t = "The new bridge toll could begin next spring, said Marta Ruiz, a Kessler adviser.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("Marta Ruiz"));
        assert_eq!(a[0].content.text(t), "The new bridge toll could begin next spring");
    }

    #[test]
    fn reads_a_speaker_after_a_quote_that_ends_with_a_full_stop() {
        let t = "“We will finish by noon.” Okafor said.";
        assert_eq!(found(t), [row("Okafor", "Okafor", "said", "“We will finish by noon.”")]);
    }

    #[test]
    fn reads_a_title_case_headline() {
        let t = "Okafor Says She Never Agreed To Sell The Harbour";
        assert_eq!(found(t), [row("Okafor", "Okafor", "Says", "She Never Agreed To Sell The Harbour")]);
    }

    #[test]
    fn reads_a_source_with_an_age_and_an_apposition() {
        let t = "Priya Nair, 27, a Kenyan nurse touring Porto, told CBS News that she smelled smoke.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("Priya Nair, 27, a Kenyan nurse touring Porto"));
        assert_eq!(a[0].speaker.as_deref(), Some("Priya Nair"));
        assert_eq!(a[0].medium.map(|s| s.text(t)), Some("CBS News"));
        assert_eq!(a[0].content.text(t), "that she smelled smoke");
    }

    #[test]
    fn gives_a_participle_the_subject_of_a_sentence_with_an_apposition() {
        let t = "Yet the rival nominee, former Secretary of Energy Helen Park, struck another tone, saying that rent \
                 rises were steep.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("former Secretary of Energy Helen Park"));
        assert_eq!(a[0].content.text(t), "that rent rises were steep");
    }

    #[test]
    fn reads_shares_of_people_as_sources() {
        let t = "Some say the plan failed. About 47% say troops should stay; people close to Clinton say she won.";
        let sources: Vec<_> = run(t).iter().map(|a| a.source.map(|s| s.text(t)).unwrap_or_default()).collect();
        assert_eq!(sources, ["Some", "47%", "people close to Clinton"]);
        let t = "But some close to the club treasurer say she plans to retire.";
        let a = run(t);
        assert_eq!(a[0].source.map(|s| s.text(t)), Some("some close to the club treasurer"));
        assert_eq!(a[0].source_kind, SourceKind::Vague);
    }

    #[test]
    fn survives_odd_inputs() {
        for t in [
            "",
            "said",
            "“",
            "” said",
            "said “",
            ", said",
            "according to",
            "He said,",
            "— said —",
            "\"\"\"",
            "''",
            "🙂 said 🙂",
        ] {
            let _ = run(t);
        }
    }

    #[test]
    fn summarises_the_sources_of_an_article() {
        let t = "“We left,” Saloum said. Saloum said the base was hit. An official said it was quiet.";
        let s = summarize(&run(t));
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].speaker.as_str(), s[0].statements, s[0].direct, s[0].indirect), ("Saloum", 2, 1, 1));
        assert!(s[1].anonymous && s[1].statements == 1);
    }
}
