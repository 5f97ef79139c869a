//! Output: the serde model of the CLI contract (`shared/eval/CONTRACT.md`), and the one place
//! where byte offsets become code points or UTF-16 code units.

mod json;
mod leaf;
mod offsets;
mod text;

use crate::attributions::SourceKind;
use crate::numbers::{Bound, Kind, Value};
use crate::{Analysis, Document, Span};
use serde::Serialize;

pub use json::{escape_non_ascii, estimated_len as estimated_json_len, write_json, write_json_pieces};
pub use leaf::Leaf;
use offsets::OffsetMarks;
pub use offsets::{OffsetMap, OffsetUnit};
pub use text::render_text;

/// A span in the unit the consumer asked for, with the words it selects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A span in one document of the cluster.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutDocSpan {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutNumber {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub value: Option<Value>,
    pub value_max: Option<f64>,
    pub unit: Option<&'static str>,
    pub counted: Option<String>,
    pub counted_span: Option<OutSpan>,
    pub bound: Bound,
    pub si_value: Option<f64>,
    /// Index in this document's `numbers` of the figure this one restates ("27km (17 miles)").
    pub restates: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutAttribution {
    pub speaker: Option<String>,
    pub source: Option<OutSpan>,
    pub cue: OutSpan,
    pub content: OutSpan,
    pub direct: bool,
    pub anonymous: bool,
    pub source_kind: SourceKind,
    pub medium: Option<OutSpan>,
    /// The words that grant the source anonymity ("spoke on condition of anonymity").
    pub anonymity: Option<OutSpan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutDocument {
    pub name: String,
    pub numbers: Vec<OutNumber>,
    pub attributions: Vec<OutAttribution>,
    /// Each distinct speaker of the article with its statements (indices into `attributions`).
    pub sources: Vec<crate::attributions::SourceSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutContradiction {
    pub kind: crate::claims::ContradictionKind,
    pub confidence: f64,
    pub explanation: String,
    pub a: OutDocSpan,
    pub b: OutDocSpan,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutCorroboration {
    pub explanation: String,
    pub claims: Vec<OutDocSpan>,
    pub sources: usize,
}

/// The whole result, as the CLI prints it and the JS API returns it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Output {
    pub offsets: OffsetUnit,
    pub documents: Vec<OutDocument>,
    pub contradictions: Vec<OutContradiction>,
    pub corroborations: Vec<OutCorroboration>,
}

/// Converts an analysis into the output model, with offsets in `unit`. To write it as JSON with
/// sorted keys, [`write_json`] does the same without the model.
pub fn render(docs: &[Document], analysis: &Analysis, unit: OffsetUnit) -> Output {
    let maps = offset_maps(docs, analysis, unit);
    let span = |d: usize, s: Span| OutSpan {
        start: maps[d].get(s.start),
        end: maps[d].get(s.end),
        text: s.text(&docs[d].text).to_string(),
    };
    let doc_span = |x: crate::claims::DocSpan| {
        let o = span(x.doc, x.span);
        OutDocSpan { doc: x.doc, start: o.start, end: o.end, text: o.text }
    };

    let documents = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let a = &analysis.documents[d];
            OutDocument {
                name: doc.name.clone(),
                numbers: a
                    .numbers
                    .iter()
                    .map(|q| {
                        let s = span(d, q.span);
                        OutNumber {
                            start: s.start,
                            end: s.end,
                            text: s.text,
                            kind: q.kind,
                            value: q.value.clone(),
                            value_max: q.value_max,
                            unit: q.unit,
                            counted: q.counted.map(|c| c.text(&doc.text).to_string()),
                            counted_span: q.counted.map(|c| span(d, c)),
                            bound: q.bound,
                            si_value: q.si_value,
                            restates: q.restates,
                        }
                    })
                    .collect(),
                attributions: a
                    .attributions
                    .iter()
                    .map(|at| OutAttribution {
                        speaker: at.speaker.clone(),
                        source: at.source.map(|s| span(d, s)),
                        cue: span(d, at.cue),
                        content: span(d, at.content),
                        direct: at.direct,
                        anonymous: at.anonymous,
                        source_kind: at.source_kind,
                        medium: at.medium.map(|s| span(d, s)),
                        anonymity: at.anonymity.map(|s| span(d, s)),
                    })
                    .collect(),
                sources: crate::attributions::summarize(&a.attributions),
            }
        })
        .collect();
    Output {
        offsets: unit,
        documents,
        contradictions: analysis
            .contradictions
            .iter()
            .map(|c| OutContradiction {
                kind: c.kind,
                confidence: c.confidence,
                explanation: c.explanation.clone(),
                a: doc_span(c.a),
                b: doc_span(c.b),
            })
            .collect(),
        corroborations: analysis
            .corroborations
            .iter()
            .map(|c| OutCorroboration {
                explanation: c.explanation.clone(),
                claims: c.claims.iter().map(|&x| doc_span(x)).collect(),
                sources: c.sources,
            })
            .collect(),
    }
}

/// One offset map per document, built from every offset that document's findings use.
fn offset_maps(docs: &[Document], analysis: &Analysis, unit: OffsetUnit) -> Vec<OffsetMap> {
    let mut marks: Vec<OffsetMarks> = docs.iter().map(|doc| OffsetMarks::new(&doc.text, unit)).collect();
    let mut mark = |d: usize, s: Span| {
        if let Some(m) = marks.get_mut(d) {
            m.mark(s.start);
            m.mark(s.end);
        }
    };
    // The spans of the cluster's findings, in one pass over them (not one pass over every finding
    // per document: quadratic in a cluster of thousands of articles).
    let finding_places = analysis.contradictions.iter().flat_map(|c| [c.a, c.b]);
    for x in finding_places.chain(analysis.corroborations.iter().flat_map(|c| c.claims.iter().copied())) {
        mark(x.doc, x.span);
    }
    for (d, a) in analysis.documents.iter().enumerate() {
        for q in &a.numbers {
            mark(d, q.span);
            q.counted.into_iter().for_each(|s| mark(d, s));
        }
        for at in &a.attributions {
            [at.source, at.medium, at.anonymity].into_iter().flatten().for_each(|s| mark(d, s));
            mark(d, at.cue);
            mark(d, at.content);
        }
    }
    marks.into_iter().map(OffsetMarks::finish).collect()
}
