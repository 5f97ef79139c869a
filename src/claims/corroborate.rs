//! Repeated words: the same quote or sentence in several articles, found through an index of
//! word n-grams (never all pairs of sentences), with how many distinct sources stand behind it.

use super::checks::distinct_sources;
use super::explain;
use super::words::ClusterWords;
use super::{Corroboration, DocSpan, Source};
use crate::attributions::SourceKind;
use crate::{Document, DocumentAnalysis, Span};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// Words in a shingle: six words in a row is rarely chance ("would not alter lending rules for").
const SHINGLE: usize = 6;
/// Content words a shingle needs, so "one of the most of the" does not count.
const MIN_CONTENT: usize = 2;
/// A shingle found in more articles than this is a stock phrase, not a repeated claim.
const MAX_SPREAD: usize = 50;
/// Shingles the index makes room for at its start (64 bytes each, about 8 MB of table).
const MAX_RESERVED_SHINGLES: usize = 1 << 16;

pub fn repeated_words(docs: &[Document], analyses: &[DocumentAnalysis], cluster: &ClusterWords) -> Vec<Corroboration> {
    if docs.len() < 2 {
        return Vec::new(); // words repeated within one article corroborate nothing
    }
    // Each distinct lower-case word form is an id with whether it is a content word: the
    // shingles are arrays of integers, hashed with FxHash, compared without strings.
    let per_doc = &cluster.docs;
    // Shingle → the (document, first word) places it occurs, one per document. Most shingles
    // occur once: the first place is kept inline, the others in a list allocated only for them.
    // At most about three shingles in four words pass the filters below (fewer where words are
    // found in one article only): sized once, not grown step by step. Up to a point: a big cluster repeats itself, so its distinct shingles are far fewer
    // than its words, and a table for all of them would be tens of MB (33 MB at 1,000 generated
    // articles); past the point it grows as it fills.
    let words: usize = per_doc.iter().map(Vec::len).sum();
    let mut index: FxHashMap<[u32; SHINGLE], Places> = FxHashMap::default();
    index.reserve((words * 3 / 4).min(MAX_RESERVED_SHINGLES));
    let kinds = form_kinds(cluster);
    for (d, words) in per_doc.iter().enumerate() {
        // The last word so far whose form no other article has: a shingle holding one cannot
        // be repeated in another article, so it is not indexed (a place of its own in no list).
        let mut last_lone: Option<usize> = None;
        // Content words among the last `SHINGLE` words.
        let mut content = 0;
        for end in 0..words.len() {
            let kind = kinds[words[end].1 as usize];
            if !kind.in_other_docs {
                last_lone = Some(end);
            }
            content += usize::from(kind.content);
            if end >= SHINGLE {
                content -= usize::from(kinds[words[end - SHINGLE].1 as usize].content);
            }
            let Some(start) = (end + 1).checked_sub(SHINGLE) else { continue };
            let gram = &words[start..=end];
            let one_sentence = gram[0].2 == gram[SHINGLE - 1].2;
            if last_lone.is_some_and(|lone| lone >= start) || !one_sentence || content < MIN_CONTENT {
                continue;
            }
            let key: [u32; SHINGLE] = std::array::from_fn(|k| gram[k].1);
            match index.entry(key) {
                Entry::Vacant(v) => {
                    v.insert(((d, start), Vec::new()));
                }
                Entry::Occupied(mut o) => {
                    let (first, more) = o.get_mut();
                    // Past `MAX_SPREAD` other places it is a stock phrase, dropped below: no
                    // need to list the rest (a phrase of a big cluster can be in every article).
                    if more.len() < MAX_SPREAD && more.last().unwrap_or(first).0 != d {
                        more.push((d, start));
                    }
                }
            }
        }
    }
    // Runs of shared words in each document, joined across documents by the shingles they share.
    let mut covered: Vec<Vec<bool>> = per_doc.iter().map(|w| vec![false; w.len()]).collect();
    let mut links: Vec<((usize, usize), (usize, usize))> = Vec::new();
    for (first, more) in index.values().filter(|(_, more)| !more.is_empty() && more.len() < MAX_SPREAD) {
        for &(d, s) in std::iter::once(first).chain(more) {
            covered[d][s..s + SHINGLE].iter_mut().for_each(|c| *c = true);
        }
        let mut previous = *first;
        for &place in more {
            links.push((previous, place));
            previous = place;
        }
    }
    let runs: Vec<Vec<(usize, usize)>> =
        covered.iter().zip(per_doc).map(|(c, words)| runs_of(c, |i| words[i].2)).collect();
    let run_id = |d: usize, pos: usize| {
        let r = runs[d].partition_point(|&(s, _)| s <= pos).checked_sub(1)?;
        (pos < runs[d][r].1).then_some(r)
    };
    let mut ids: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    let mut nodes: Vec<(usize, usize)> = Vec::new(); // (doc, run)
    let mut parent: Vec<usize> = Vec::new();
    let mut node = |d: usize, r: usize, nodes: &mut Vec<(usize, usize)>, parent: &mut Vec<usize>| {
        *ids.entry((d, r)).or_insert_with(|| {
            nodes.push((d, r));
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    for ((da, sa), (db, sb)) in links {
        let (Some(ra), Some(rb)) = (run_id(da, sa), run_id(db, sb)) else { continue };
        let x = node(da, ra, &mut nodes, &mut parent);
        let y = node(db, rb, &mut nodes, &mut parent);
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        parent[rx] = ry;
    }
    let mut groups: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for (n, &place) in nodes.iter().enumerate() {
        let root = find(&mut parent, n);
        groups.entry(root).or_default().push(place);
    }
    let mut out: Vec<Corroboration> = Vec::new();
    let mut group_list: Vec<Vec<(usize, usize)>> = groups.into_values().collect();
    group_list.iter_mut().for_each(|g| crate::sort::by(g, Ord::cmp));
    crate::sort::by(&mut group_list, Ord::cmp);
    for mut group in group_list {
        // One run per document: the longest.
        crate::sort::by_key(&mut group, |&(d, r)| (d, std::cmp::Reverse(runs[d][r].1 - runs[d][r].0)));
        group.dedup_by_key(|x| x.0);
        if group.len() < 2 {
            continue;
        }
        let claims: Vec<DocSpan> = group
            .iter()
            .map(|&(d, r)| {
                let (s, e) = runs[d][r];
                DocSpan { doc: d, span: Span::new(per_doc[d][s].0.span.start, per_doc[d][e - 1].0.span.end) }
            })
            .collect();
        let speakers: Vec<Option<Source>> =
            claims.iter().map(|c| speaker_of(&docs[c.doc].text, c.span, &analyses[c.doc])).collect();
        let sources = distinct_sources(speakers.iter().map(Option::as_ref), true);
        let first = claims[0];
        let words = first.span.text(&docs[first.doc].text);
        let doc_list: Vec<usize> = claims.iter().map(|c| c.doc).collect();
        out.push(Corroboration { explanation: explain::repeated_words(words, &doc_list, sources), claims, sources });
    }
    out
}

/// What the shingle index asks of a form of the cluster, at every word.
#[derive(Debug, Clone, Copy, Default)]
struct FormKind {
    content: bool,
    /// The form is in two documents or more.
    in_other_docs: bool,
}

fn form_kinds(cluster: &ClusterWords) -> Vec<FormKind> {
    let mut kinds: Vec<FormKind> = (0..cluster.forms.len() as u32)
        .map(|form| FormKind { content: cluster.is_content(form), in_other_docs: false })
        .collect();
    // The last document each form was met in (`usize::MAX`: none yet).
    let mut last_doc = vec![usize::MAX; cluster.forms.len()];
    for (d, words) in cluster.docs.iter().enumerate() {
        for &(_, form, _) in words {
            let last = &mut last_doc[form as usize];
            if *last != d {
                kinds[form as usize].in_other_docs |= *last != usize::MAX;
                *last = d;
            }
        }
    }
    kinds
}

/// Where a shingle occurs, as (document, first word): the first place, and the others (in
/// other documents) in a list that stays unallocated for the many shingles seen once.
type Places = ((usize, usize), Vec<(usize, usize)>);

/// Maximal runs of `true`, as `[start, end)`, each inside one sentence.
fn runs_of(covered: &[bool], sentence: impl Fn(usize) -> usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..=covered.len() {
        if let Some(s) = start {
            if i == covered.len() || !covered[i] || sentence(i) != sentence(s) {
                out.push((s, i));
                start = None;
            }
        }
        if start.is_none() && i < covered.len() && covered[i] {
            start = Some(i);
        }
    }
    out
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The speaker of the words at `span`, from the attributions stage.
fn speaker_of(text: &str, span: Span, a: &DocumentAnalysis) -> Option<Source> {
    let at = a.attributions.iter().find(|x| x.content.overlaps(span))?;
    let name = at.speaker.clone().or_else(|| at.source.map(|s| s.text(text).to_string()))?;
    let named =
        !at.anonymous && matches!(at.source_kind, SourceKind::Person | SourceKind::Organisation | SourceKind::Media);
    Some(Source { name, named })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    #[test]
    fn form_kinds_tell_forms_of_several_articles_and_content_words() {
        let docs = [
            Document::new("a", "The ferry carried 212 passengers to the island."),
            Document::new("b", "Officials said the ferry sank near the island."),
            Document::new("c", "The weather was calm, officials said."),
        ];
        let analysis = analyze(&docs, &Options::default());
        let cluster = ClusterWords::new(&docs, &analysis.documents);
        let kinds = form_kinds(&cluster);
        let kind = |word: &str| {
            let form = (0..cluster.forms.len() as u32).find(|&f| cluster.forms.word(f) == word).expect(word);
            (kinds[form as usize].in_other_docs, kinds[form as usize].content)
        };
        assert_eq!(kind("ferry"), (true, true));
        assert_eq!(kind("officials"), (true, true), "in b and c, not a");
        assert_eq!(kind("the"), (true, false));
        assert_eq!(kind("passengers"), (false, true));
        assert_eq!(kind("calm"), (false, true));
    }
}
