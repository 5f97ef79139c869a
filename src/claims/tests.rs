//! Behaviour of the whole claims stage, on short articles run through the real pipeline.

use crate::claims::ContradictionKind;
use crate::{analyze, Analysis, Document, Options};

fn run(texts: &[&str]) -> (Vec<Document>, Analysis) {
    let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t)).collect();
    let analysis = analyze(&docs, &Options::default());
    (docs, analysis)
}

/// The contradictions as (kind, words of a, words of b).
fn contradictions(texts: &[&str]) -> Vec<(ContradictionKind, String, String)> {
    let (docs, a) = run(texts);
    a.contradictions
        .iter()
        .map(|c| {
            (c.kind, c.a.span.text(&docs[c.a.doc].text).to_string(), c.b.span.text(&docs[c.b.doc].text).to_string())
        })
        .collect()
}

#[test]
fn reports_different_counts_of_the_same_missiles() {
    let found = contradictions(&[
        "In April the navy launched 59 cruise missiles at the Shayrat air base in retaliation.",
        "The navy fired 57 Tomahawk missiles at the Shayrat air base in retaliation in April.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0], (ContradictionKind::Numeric, "59 cruise missiles".into(), "57 Tomahawk missiles".into()));
}

#[test]
fn explains_the_mismatch_naming_both_articles_and_figures() {
    let (_, a) = run(&[
        "In April the navy launched 59 cruise missiles at the Shayrat air base.",
        "The navy fired 57 Tomahawk missiles at the Shayrat air base in April.",
    ]);
    let e = &a.contradictions[0].explanation;
    assert!(e.starts_with("Article 1 says"), "{e}");
    assert!(e.contains("59 cruise missiles") && e.contains("article 2") && e.contains("57 Tomahawk missiles"), "{e}");
}

#[test]
fn the_quoted_context_runs_past_decimal_points_and_thousands_separators() {
    let (_, a) = run(&[
        "The ferry came to rest about 4 km (2.5 miles) from the harbour wall.",
        "The ferry came to rest about 6 km from the harbour wall, with 1,250 people watching.",
    ]);
    let e = &a.contradictions[0].explanation;
    assert!(e.contains("(2.5 miles) from the"), "{e}");
    assert!(!e.contains("(2”"), "{e}");
}

#[test]
fn at_least_one_tank_fits_four_tanks() {
    let found = contradictions(&[
        "The flood near Ystad wrecked at least one barn and a tractor.",
        "The flood near Ystad wrecked four barns and a tractor.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn more_than_two_cards_contradicts_two_cards() {
    let found = contradictions(&[
        "Since you are nice, you give the boy 2 baseball cards",
        "Since you are nice, you give the boy more than 2 baseball cards",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "more than 2 baseball cards");
}

#[test]
fn a_figure_rounded_agrees_with_a_precise_one() {
    let found = contradictions(&[
        "The index of the Harim exchange closed at 55.3 points on Monday.",
        "The index of the Harim exchange closed at 55 points on Monday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_narrower_count_may_be_smaller_than_a_broader_one() {
    let found = contradictions(&[
        "The convoy near the Tanf garrison had 20 vehicles in all.",
        "The convoy near the Tanf garrison had four tanks in all.",
    ]);
    assert!(found.is_empty(), "{found:?}");
    let found = contradictions(&[
        "The convoy near the Tanf garrison had 20 vehicles in all.",
        "The convoy near the Tanf garrison had 24 tanks in all.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn counts_of_generic_people_in_different_events_are_not_compared() {
    let found = contradictions(&[
        "Witnesses reported that six people were killed when the footbridge gave way.",
        "The ferry fire off the southern coast last winter killed 41 people.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn different_national_groups_are_different_things() {
    let found = contradictions(&[
        "Officials said 12 Syrian soldiers were wounded in the clash at the Zarka junction.",
        "Officials said 3 Russian soldiers were wounded in the clash at the Zarka junction.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_denial_contradicts_a_count_of_the_same_outcome() {
    let found = contradictions(&[
        "Three soldiers were killed in the raid on the Harim depot, the ministry said.",
        "No soldiers were killed in the raid on the Harim depot, the ministry said.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, ContradictionKind::Negation);
    assert!(found.iter().any(|f| f.1 == "No soldiers were killed" || f.2 == "No soldiers were killed"), "{found:?}");
}

#[test]
fn no_troops_killed_does_not_deny_a_count_of_people() {
    let found = contradictions(&[
        "Eight people were killed in the raid on the Harim depot, the ministry said.",
        "No troops were killed in the raid on the Harim depot, the ministry said.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn claim_spans_stay_on_the_words_with_emoji_accents_and_cjk() {
    let found = contradictions(&[
        "🚀 Le café “Zaatari” 東京: the navy launched 59 cruise missiles at the Shayrat air base.",
        "Ça va — the navy launched 57 cruise missiles at the Shayrat air base 🙂.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("59 cruise missiles", "57 cruise missiles"));
}

#[test]
fn the_same_quote_in_two_outlets_is_one_corroboration() {
    let (docs, a) = run(&[
        "A clerk told AFP the merger “would not alter lending rules for small farms”.",
        "Reporters heard that the merger would not alter lending rules for small farms at all.",
    ]);
    assert_eq!(a.corroborations.len(), 1, "{:?}", a.corroborations);
    let c = &a.corroborations[0];
    assert_eq!(c.claims.len(), 2);
    assert!(c.claims.iter().all(|x| x.span.text(&docs[x.doc].text).contains("would not alter lending rules")));
    assert_eq!(c.sources, 1);
}

#[test]
fn a_phrase_repeated_inside_one_article_corroborates_nothing_beside_one_shared_with_another() {
    let (docs, a) = run(&[
        "Zorbanian clerks said the vault was sealed for good. Zorbanian clerks said the vault was sealed \
         for good. A clerk told AFP the merger would not alter lending rules for small farms.",
        "Reporters heard that the merger would not alter lending rules for small farms at all.",
    ]);
    assert_eq!(a.corroborations.len(), 1, "{:?}", a.corroborations);
    let texts: Vec<&str> = a.corroborations[0].claims.iter().map(|x| x.span.text(&docs[x.doc].text)).collect();
    assert!(texts.iter().all(|t| t.contains("would not alter lending rules") && !t.contains("vault")), "{texts:?}");
}

#[test]
fn the_same_figure_for_the_same_thing_corroborates() {
    let (_, a) = run(&[
        "In April the navy launched 59 cruise missiles at the Shayrat air base.",
        "Fifty-nine is wrong; in April the navy fired 59 cruise missiles at Shayrat air base.",
    ]);
    assert!(a.contradictions.is_empty(), "{:?}", a.contradictions);
    assert!(a.corroborations.iter().any(|c| c.explanation.contains("same figure")), "{:?}", a.corroborations);
}

#[test]
fn a_restated_figure_is_not_a_contradiction_in_its_own_sentence() {
    let found = contradictions(&["The rebel convoy was 27 kilometres (17 miles) from the base near Tanf."]);
    assert!(found.is_empty(), "{found:?}");
}

fn run_on(texts: &[&str], pub_date: &str) -> Vec<(ContradictionKind, String, String)> {
    let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::new(format!("d{i}"), *t)).collect();
    let options = Options { pub_date: Some(crate::Date::parse_iso(pub_date).unwrap()) };
    let a = analyze(&docs, &options);
    a.contradictions
        .iter()
        .map(|c| {
            (c.kind, c.a.span.text(&docs[c.a.doc].text).to_string(), c.b.span.text(&docs[c.b.doc].text).to_string())
        })
        .collect()
}

#[test]
fn reports_different_months_for_the_same_retaliation_strike() {
    let found = contradictions(&[
        "The army shelled the Korva rail depot in April in reprisal for the dam sabotage.",
        "Unlike the shelling of the Korva rail depot in March, ordered in reprisal for a dam sabotage, it was brief.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1.as_str(), found[0].2.as_str()), (ContradictionKind::Date, "April", "March"));
}

#[test]
fn dates_of_different_events_are_not_compared() {
    let found = contradictions(&[
        "The army shelled the Korva rail depot in April in reprisal for the dam sabotage.",
        "The ministry opened a new school in Harim in March after years of delay.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn resolves_last_month_against_the_publication_date() {
    let texts = [
        "The artillery barrage fired last month in reprisal for the dam sabotage hurt nobody.",
        "The artillery barrage in March in reprisal for the dam sabotage was the first.",
    ];
    let found = run_on(&texts, "2017-05-20");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, ContradictionKind::Date);
    assert!(run_on(&texts, "2017-04-20").is_empty(), "last month is March when published in April");
}

#[test]
fn a_lone_weekday_against_four_other_articles_is_reported() {
    let found = contradictions(&[
        "Jets hit the convoy near Tanf on Thursday, officials said.",
        "The coalition struck the convoy near Tanf on Thursday.",
        "On Thursday the convoy near Tanf was destroyed by coalition jets.",
        "Coalition jets destroyed a convoy near Tanf on Thursday.",
        "The coalition came to the aid of the rebels near Tanf, as it did on Wednesday. Moscow protested, officials said on Friday.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1.as_str(), found[0].2.as_str()),
        (ContradictionKind::Date, "Wednesday", "Thursday")
    );
}

#[test]
fn distances_from_different_places_are_not_compared() {
    let found = contradictions(&[
        "The attack on the convoy near Tanf was 27 kilometres from the border.",
        "The attack on the convoy near Tanf was 55 kilometres from the base.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn converted_units_agree_and_different_distances_do_not() {
    let same = contradictions(&[
        "The convoy near Tanf stopped 27 km from the base.",
        "The convoy near Tanf stopped 17 miles from the base.",
    ]);
    assert!(same.is_empty(), "{same:?}");
    let differ = contradictions(&[
        "The convoy near Tanf stopped 27 km from the base.",
        "The convoy near Tanf stopped 40 miles from the base.",
    ]);
    assert_eq!(differ.len(), 1, "{differ:?}");
    assert_eq!((differ[0].1.as_str(), differ[0].2.as_str()), ("27 km", "40 miles"));
}

#[test]
fn about_a_figure_allows_the_rounding_around_it() {
    let found = contradictions(&[
        "The fighters built positions about 55 kilometers from the coalition base.",
        "The fighters built positions 57 kilometers from the coalition base.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_weekday_against_only_two_articles_is_not_a_majority() {
    let found = contradictions(&[
        "Jets hit the convoy near Tanf on Thursday, officials said.",
        "The coalition struck the convoy near Tanf on Thursday.",
        "The coalition came to the aid of the rebels near Tanf, as it did on Wednesday.",
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn one_speaker_named_two_ways_is_one_source() {
    use crate::claims::Source;
    let full = Source { name: "Donald Trump".into(), named: true };
    let short = Source { name: "Trump".into(), named: true };
    let other = Source { name: "Nancy Pelosi".into(), named: true };
    let anonymous = Source { name: "a defence official".into(), named: false };
    let count = |s: &[&Source], same_words| super::checks::distinct_sources(s.iter().map(|x| Some(*x)), same_words);
    assert_eq!(count(&[&full, &short], true), 1);
    assert_eq!(count(&[&full, &other], true), 2);
    assert_eq!(count(&[&anonymous, &anonymous], true), 1, "the same words from an unnamed official: one source");
    assert_eq!(count(&[&anonymous, &anonymous], false), 2, "an equal figure in two outlets: one each");
}

#[test]
fn reports_a_distance_given_in_two_units_once() {
    let found = contradictions(&[
        "The trawler came to rest about 4 km (2.5 miles) from the harbour of Lindqvist after the storm.",
        "The trawler came to rest about 6 km (3.7 miles) from the harbour of Lindqvist after the storm.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, ContradictionKind::Numeric);
}

#[test]
fn a_third_article_using_the_event_words_keeps_a_date_conflict() {
    let first = "Cargo ship Miranda aground near Torvik\n\nThe cargo ship Miranda struck a reef off the islet of \
                 Torvik at dawn on Monday, June 8, 2026, with 40 sailors on board.\n\nThe Miranda was carrying \
                 timber and steel from Varde to Oslund. Its owner, Baltic Haulage, said the ship was insured.\n\n\
                 Tugs from Varde pulled the Miranda free at high tide. The coastguard said no fuel had leaked.\n\n\
                 The ship's captain, Ivo Lesk, declined to comment. The Miranda had passed an inspection in the spring.";
    let second = "Miranda crew safe after grounding\n\nVARDE — The cargo ship Miranda struck a reef off Torvik early \
                  on Sunday, June 7, 2026, with 41 sailors on board.\n\nBaltic Haulage said the Miranda would be \
                  repaired in Varde. The ship is 20 years old.\n\nDivers inspected the hull of the Miranda the next \
                  day and found a crack.";
    // The third article uses the words the first two share ("on board", "reef", "Torvik") in
    // sentences of its own: they are the event's words, and must not stop counting as such.
    let third = "Torvik fishermen helped the Miranda\n\nFishermen from Torvik said the sailors had stayed on board \
                 until the tugs arrived.\n\nA cook who was on board filmed the reef from the deck of the Miranda.\n\n\
                 The harbour office in Torvik said the reef is marked on every chart. Baltic Haulage thanked the \
                 fishermen.";
    let date_conflicts = |texts: &[&str]| {
        contradictions(texts).into_iter().filter(|c| c.0 == ContradictionKind::Date).collect::<Vec<_>>()
    };
    assert_eq!(date_conflicts(&[first, second]).len(), 1, "{:?}", date_conflicts(&[first, second]));
    let with_third = date_conflicts(&[first, second, third]);
    assert_eq!(with_third.len(), 1, "{with_third:?}");
}

#[test]
fn opposite_outcomes_for_the_same_subject_contradict() {
    let found = contradictions(&[
        "After the storm warning on Tuesday, shares of Velmar Shipping fell sharply in early trading in Oslund.",
        "After the storm warning on Tuesday, shares of Velmar Shipping rose sharply in early trading in Oslund.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1.as_str(), found[0].2.as_str()), (ContradictionKind::Negation, "fell", "rose"));
    let found = contradictions(&[
        "The Harim district council approved the new harbour budget at its meeting on Monday night.",
        "The Harim district council rejected the new harbour budget at its meeting on Monday night.",
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn opposite_outcomes_for_different_subjects_or_events_do_not_contradict() {
    let different_subjects = contradictions(&[
        "On Thursday the lower house approved the fishing quota bill after a long debate.",
        "On Thursday the upper chamber rejected the fishing quota bill after a long debate.",
    ]);
    assert!(different_subjects.is_empty(), "{different_subjects:?}");
    let different_events = contradictions(&[
        "The Velmar team won the regional rowing final on the lake at Oslund.",
        "Last winter the Velmar team lost a friendly match against a club from Harim in the indoor hall.",
    ]);
    assert!(different_events.is_empty(), "{different_events:?}");
    let negated = contradictions(&[
        "The Harim district council approved the new harbour budget at its meeting on Monday night.",
        "The Harim district council had not approved the new harbour budget at its meeting on Monday night.",
    ]);
    assert!(negated.is_empty(), "a negated verb is left out: {negated:?}");
}

#[test]
fn a_lone_figure_among_hundreds_of_articles_is_still_compared() {
    // 240 articles agree on 59 missiles, one says 57: a bucket far beyond what pairwise
    // comparison allowed (the old limit, 200 claims, skipped it silently).
    let agreeing = "In April the navy launched 59 cruise missiles at the Shayrat air base in retaliation.";
    let lone = "In April the navy launched 57 cruise missiles at the Shayrat air base in retaliation.";
    let mut texts = vec![agreeing; 240];
    texts.insert(120, lone);
    let (docs, a) = run(&texts);
    let with_lone: Vec<_> = a.contradictions.iter().filter(|c| c.a.doc == 120 || c.b.doc == 120).collect();
    assert!(!with_lone.is_empty(), "the lone 57 is compared with the others");
    assert!(a.contradictions.iter().all(|c| c.a.doc == 120 || c.b.doc == 120), "only the lone figure disagrees");
    let words = |d: crate::claims::DocSpan| d.span.text(&docs[d.doc].text).to_string();
    assert!(with_lone.iter().all(|c| words(c.a).starts_with("5") && words(c.b).starts_with("5")));
}

#[test]
fn claims_share_one_lemma_table_for_their_event_words() {
    let (_, a) = run(&["The 🚀 strike on Café Ünal killed 12 people and wounded 30 soldiers near the harbour."]);
    assert_eq!(a.claims.len(), 2, "{:?}", a.claims);
    let word = |c: usize, w: &str| a.claims[c].event.iter().find(|&(x, _)| x == w).map(|(x, _)| x.to_string());
    assert_eq!(word(0, "harbour").as_deref(), Some("harbour"));
    assert_eq!(word(1, "harbour").as_deref(), Some("harbour"));
    assert!(word(0, "ünal").is_some());
    assert!(std::rc::Rc::ptr_eq(&a.claims[0].event.names, &a.claims[1].event.names), "one table for the cluster");
}

#[test]
fn comparing_claims_built_earlier_finds_what_one_pass_finds() {
    let texts = [
        "In April the navy launched 59 cruise missiles at the Shayrat air base 🚀 in retaliation.",
        "The navy fired 57 Tomahawk missiles at the Shayrat air base in retaliation in April, officials said.",
        "At the café in Ünal, 12 people were killed on Thursday; no soldiers were hurt.",
        "Twelve people were killed at the café in Ünal on Wednesday, and 3 soldiers were hurt.",
    ];
    let (docs, a) = run(&texts);
    let claims = crate::claims::build(&docs, &a.documents);
    assert_eq!(claims, a.claims);
    let later = crate::claims::compare(&docs, &a.documents, &claims);
    assert!(!a.contradictions.is_empty() && !a.corroborations.is_empty());
    assert_eq!(later.contradictions, a.contradictions);
    assert_eq!(later.corroborations, a.corroborations);
}
