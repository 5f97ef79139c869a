//! Invariants that hold for ANY correct engine, whatever it finds: shared by the property tests
//! (`tests/offsets_prop.rs`), the limits tests (`tests/limits.rs`) and the fuzz targets (`fuzz/`),
//! which include this file with `#[path]`.
//!
//! - every span of the byte-offset analysis lies inside its document, on character boundaries,
//!   with start ≤ end; the sequences the model calls ordered are ordered;
//! - every span of the rendered output, in `bytes`, `chars` and `utf16`, is the conversion of the
//!   same byte span and selects exactly its `text`;
//! - every index (sentence, restated figure, claim's quantity, finding's document) points at
//!   something that exists.

#![allow(dead_code)]

use claimlens::output::{self, OffsetUnit, Output};
use claimlens::{Analysis, Document, Span};

/// Checks everything below; returns the first broken invariant as a message naming the document.
pub fn check(docs: &[Document], analysis: &Analysis) -> Result<(), String> {
    check_analysis(docs, analysis)?;
    check_rendered(docs, analysis)
}

/// The byte-offset model: spans inside the text, on boundaries, ordered where documented.
pub fn check_analysis(docs: &[Document], analysis: &Analysis) -> Result<(), String> {
    if analysis.documents.len() != docs.len() {
        return Err(format!("{} documents in, {} analyses out", docs.len(), analysis.documents.len()));
    }
    for (d, (doc, a)) in docs.iter().zip(&analysis.documents).enumerate() {
        let text = &doc.text;
        let span_ok = |what: &str, s: Span| -> Result<(), String> {
            if s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end)
            {
                return Err(format!("document {d}: {what} {s:?} is not a span of a {}-byte text", text.len()));
            }
            Ok(())
        };
        let seg = &a.segments;
        for (i, &p) in seg.paragraphs.iter().enumerate() {
            span_ok("paragraph", p)?;
            if p.is_empty() || p.text(text) != p.text(text).trim() {
                return Err(format!("document {d}: paragraph {i} {:?} is empty or not trimmed", p.text(text)));
            }
            if i > 0 && seg.paragraphs[i - 1].end > p.start {
                return Err(format!("document {d}: paragraph {i} overlaps or precedes the one before"));
            }
        }
        for (i, s) in seg.sentences.iter().enumerate() {
            span_ok("sentence", s.span)?;
            let para = seg.paragraphs.get(s.paragraph).ok_or(format!("document {d}: sentence {i} has no paragraph"))?;
            if !para.contains(s.span) {
                return Err(format!("document {d}: sentence {i} lies outside its paragraph"));
            }
            if i > 0 && seg.sentences[i - 1].span.end > s.span.start {
                return Err(format!("document {d}: sentence {i} overlaps or precedes the one before"));
            }
        }
        for (i, q) in seg.quotes.iter().enumerate() {
            span_ok("quote", q.span)?;
            if i > 0 && seg.quotes[i - 1].span.start > q.span.start {
                return Err(format!("document {d}: quote {i} starts before the one before"));
            }
        }
        for (i, q) in a.numbers.iter().enumerate() {
            span_ok("number", q.span)?;
            if let Some(c) = q.counted {
                span_ok("counted", c)?;
            }
            if i > 0 && a.numbers[i - 1].span.start > q.span.start {
                return Err(format!("document {d}: number {i} {:?} is out of text order", q.span.text(text)));
            }
            if q.sentence >= seg.sentences.len() {
                return Err(format!(
                    "document {d}: number {i} names sentence {} of {}",
                    q.sentence,
                    seg.sentences.len()
                ));
            }
            if q.restates.is_some_and(|r| r >= a.numbers.len() || r == i) {
                return Err(format!("document {d}: number {i} restates {:?}, not another figure", q.restates));
            }
        }
        for (i, at) in a.attributions.iter().enumerate() {
            for (what, s) in
                [("source", at.source), ("medium", at.medium), ("cue", Some(at.cue)), ("content", Some(at.content))]
            {
                if let Some(s) = s {
                    span_ok(what, s)?;
                }
            }
            if at.sentence >= seg.sentences.len() {
                return Err(format!(
                    "document {d}: attribution {i} names sentence {} of {}",
                    at.sentence,
                    seg.sentences.len()
                ));
            }
        }
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        let a = analysis.documents.get(c.doc).ok_or(format!("claim {i} names document {}", c.doc))?;
        if let Some(q) = c.quantity.filter(|&q| q >= a.numbers.len()) {
            return Err(format!("claim {i} names figure {q} of {}", a.numbers.len()));
        }
        let text = &docs[c.doc].text;
        if c.span.start > c.span.end || text.get(c.span.range()).is_none() {
            return Err(format!("claim {i}: {:?} is not a span of document {}", c.span, c.doc));
        }
    }
    let doc_spans = analysis
        .contradictions
        .iter()
        .flat_map(|c| [c.a, c.b])
        .chain(analysis.corroborations.iter().flat_map(|c| c.claims.iter().copied()));
    for x in doc_spans {
        let text = docs.get(x.doc).map(|d| d.text.as_str()).ok_or(format!("a finding names document {}", x.doc))?;
        if x.span.start > x.span.end || text.get(x.span.range()).is_none() {
            return Err(format!("finding span {:?} is not a span of document {}", x.span, x.doc));
        }
    }
    for (i, c) in analysis.contradictions.iter().enumerate() {
        if !(0.0..=1.0).contains(&c.confidence) {
            return Err(format!("contradiction {i} has confidence {}", c.confidence));
        }
    }
    Ok(())
}

/// One span of an output, flattened: where it is and what it claims to select.
#[derive(Debug, Clone, PartialEq)]
pub struct FlatSpan {
    pub what: &'static str,
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Every span of an output, in a fixed order (so outputs in two units line up one to one).
pub fn flatten(out: &Output) -> Vec<FlatSpan> {
    let mut v = Vec::new();
    let mut push =
        |what, doc, start, end, text: &str| v.push(FlatSpan { what, doc, start, end, text: text.to_string() });
    for (d, doc) in out.documents.iter().enumerate() {
        for n in &doc.numbers {
            push("number", d, n.start, n.end, &n.text);
            if let Some(c) = &n.counted_span {
                push("counted", d, c.start, c.end, &c.text);
            }
        }
        for a in &doc.attributions {
            for (what, s) in [("source", &a.source), ("medium", &a.medium)] {
                if let Some(s) = s {
                    push(what, d, s.start, s.end, &s.text);
                }
            }
            push("cue", d, a.cue.start, a.cue.end, &a.cue.text);
            push("content", d, a.content.start, a.content.end, &a.content.text);
        }
    }
    for c in &out.contradictions {
        for s in [&c.a, &c.b] {
            push("contradiction", s.doc, s.start, s.end, &s.text);
        }
    }
    for c in &out.corroborations {
        for s in &c.claims {
            push("corroboration", s.doc, s.start, s.end, &s.text);
        }
    }
    v
}

/// Byte offset → offset in `unit`, for every byte offset of a text (one walk, so big texts stay linear).
struct UnitTable {
    at_byte: Vec<u32>,
}

impl UnitTable {
    fn new(text: &str, unit: OffsetUnit) -> Self {
        let mut at_byte = vec![u32::MAX; text.len() + 1];
        let mut n = 0u32;
        for (b, ch) in text.char_indices() {
            at_byte[b] = n;
            n += if unit == OffsetUnit::Utf16 { ch.len_utf16() as u32 } else { 1 };
        }
        at_byte[text.len()] = n;
        UnitTable { at_byte }
    }
}

/// Texts up to this size are also sliced the way Python and JavaScript would slice them.
const SELECT_CHECK_MAX_BYTES: usize = 64 * 1024;

/// Renders in bytes, chars and utf16 and checks each span against the text and against the others.
pub fn check_rendered(docs: &[Document], analysis: &Analysis) -> Result<(), String> {
    let bytes = output::render(docs, analysis, OffsetUnit::Bytes);
    if bytes.documents.len() != docs.len() {
        return Err(format!("{} documents in, {} rendered", docs.len(), bytes.documents.len()));
    }
    for (doc, out) in docs.iter().zip(&bytes.documents) {
        if doc.name != out.name {
            return Err(format!("document {:?} rendered as {:?}", doc.name, out.name));
        }
    }
    let flat_bytes = flatten(&bytes);
    for s in &flat_bytes {
        let text = &docs.get(s.doc).ok_or(format!("{s:?} names a missing document"))?.text;
        if s.start > s.end || text.get(s.start..s.end) != Some(s.text.as_str()) {
            return Err(format!("in bytes, {s:?} does not select its text in document {}", s.doc));
        }
    }
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16] {
        let out = output::render(docs, analysis, unit);
        if out.offsets != unit {
            return Err(format!("asked for {unit:?}, output says {:?}", out.offsets));
        }
        let flat = flatten(&out);
        if flat.len() != flat_bytes.len() {
            return Err(format!("{} spans in bytes, {} in {unit:?}", flat_bytes.len(), flat.len()));
        }
        let mut tables: Vec<Option<UnitTable>> = docs.iter().map(|_| None).collect();
        for (b, s) in flat_bytes.iter().zip(&flat) {
            let table = tables[b.doc].get_or_insert_with(|| UnitTable::new(&docs[b.doc].text, unit));
            let want = (table.at_byte[b.start] as usize, table.at_byte[b.end] as usize);
            if (s.what, s.doc, s.start, s.end, &s.text) != (b.what, b.doc, want.0, want.1, &b.text) {
                return Err(format!(
                    "in {unit:?}, {s:?} should be {want:?} (bytes {}..{} select {:?})",
                    b.start, b.end, b.text
                ));
            }
            // Also slice as the consumer would; that walk is linear per span, so only on small texts
            // (on big ones the table comparison above already ties the offsets to the byte span).
            if docs[s.doc].text.len() > SELECT_CHECK_MAX_BYTES {
                continue;
            }
            let selected = select(&docs[s.doc].text, unit, s.start, s.end);
            if selected.as_deref() != Some(s.text.as_str()) {
                return Err(format!("in {unit:?}, {s:?} selects {selected:?}"));
            }
        }
    }
    Ok(())
}

/// What a consumer counting in `unit` (Python for chars, JavaScript for utf16) gets for `start..end`.
pub fn select(text: &str, unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Bytes => text.get(start..end).map(str::to_string),
        OffsetUnit::Chars => {
            let n = text.chars().count();
            (end <= n).then(|| text.chars().skip(start).take(end - start).collect())
        }
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            // A span that cuts a surrogate pair is not a string JavaScript could show.
            units.get(start..end).and_then(|u| String::from_utf16(u).ok())
        }
    }
}
