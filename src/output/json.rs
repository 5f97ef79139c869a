//! The output as JSON, written straight from the analysis with every object's keys in alphabetical
//! order: the bytes of `serde_json::to_value(render(..))` (whose maps sort their keys), plus the
//! cluster's `id` when there is one, without building the output model (a copy of every span's
//! text) or a `Value` tree. The CLI's JSON Lines, the JS API and the page's worker all write
//! through here: 1,000 articles give 38 MB of JSON, and the model and serde's growing string held
//! as much again (BENCHMARKS.md).

use super::leaf::{push_u_escape, write_str, Leaf};
use super::{offset_maps, OffsetMap, OffsetUnit};
use crate::attributions::{Attribution, SourceSummary};
use crate::claims::{Contradiction, Corroboration, DocSpan};
use crate::numbers::Quantity;
use crate::{Analysis, Document, Span};
use rustc_hash::FxHashMap;

type Result = serde_json::Result<()>;

/// `,"name":`, a key with the comma that comes before it inside an object, as one constant: a key
/// is one copy (the first of an object without its comma), not two pushes and two copies.
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// The output of `analysis` (offsets in `unit`) as one JSON object, with `id` among its keys when
/// given, appended to `w`.
pub fn write_json(
    w: &mut Vec<u8>,
    docs: &[Document],
    analysis: &Analysis,
    unit: OffsetUnit,
    id: Option<&serde_json::Value>,
) -> Result {
    // Room for the whole object at once: growing by doubling would hold the old and the new buffer
    // together, three times the output at the last step.
    w.reserve(estimated_len(docs, analysis));
    write(w, docs, analysis, unit, id, &mut |_| Ok(()))
}

/// The same JSON as [`write_json`], handed to `emit` in pieces of about `piece_len` bytes, so that
/// the whole never sits in memory at once (the wasm makes a JS string of each piece, the CLI
/// writes them out). Each piece ends between two items of a list, so it is UTF-8 on its own.
pub fn write_json_pieces(
    docs: &[Document],
    analysis: &Analysis,
    unit: OffsetUnit,
    id: Option<&serde_json::Value>,
    piece_len: usize,
    emit: &mut dyn FnMut(&[u8]) -> Result,
) -> Result {
    let mut emit_and_clear = |w: &mut Vec<u8>| -> Result {
        emit(w)?;
        w.clear();
        Ok(())
    };
    let mut w = Vec::with_capacity(piece_len + piece_len / 2);
    write(&mut w, docs, analysis, unit, id, &mut |w| if w.len() >= piece_len { emit_and_clear(w) } else { Ok(()) })?;
    emit_and_clear(&mut w)
}

/// `json` (UTF-8 JSON text) with every non-ASCII character written as a `\uXXXX` escape (two
/// for one outside the Basic Multilingual Plane), appended to `out`: the same value, in bytes
/// that a UTF-8 decoder reads on its ASCII fast path into a one-byte JS string, which `JSON.parse`
/// also reads faster than a two-byte one (BENCHMARKS.md, "Session 9: claims"). Outside strings
/// JSON is ASCII, so only string contents change.
pub fn escape_non_ascii(json: &[u8], out: &mut Vec<u8>) {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    out.reserve(json.len());
    let (mut from, mut i) = (0, 0);
    while i < json.len() {
        // Eight ASCII bytes at a time: most of the text.
        if let Some(word) = json.get(i..i + 8) {
            if u64::from_ne_bytes(word.try_into().expect("eight bytes")) & HIGH == 0 {
                i += 8;
                continue;
            }
        }
        let lead = json[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        out.extend_from_slice(&json[from..i]);
        let len = match lead {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        let tail = json[i + 1..i + len].iter().fold(0, |c, &b| c << 6 | u32::from(b & 0x3f));
        let c = u32::from(lead & (0x7f >> len)) << (6 * (len - 1)) | tail;
        let c = char::from_u32(c).expect("JSON text is UTF-8");
        for &unit in c.encode_utf16(&mut [0; 2]).iter() {
            push_u_escape(out, unit);
        }
        i += len;
        from = i;
    }
    out.extend_from_slice(&json[from..]);
}

/// Writes the object to `w`, calling `between_items` after each item of the top-level lists
/// (where `w` may be handed on and emptied).
fn write(
    w: &mut Vec<u8>,
    docs: &[Document],
    analysis: &Analysis,
    unit: OffsetUnit,
    id: Option<&serde_json::Value>,
    between_items: &mut dyn FnMut(&mut Vec<u8>) -> Result,
) -> Result {
    let spans = Spans { docs, maps: offset_maps(docs, analysis, unit) };
    let mut claim_spans = WrittenSpans::default();
    let mut confidence = LastNumber::default();
    let mut o = Object::open(w);
    o.list(key!("contradictions"), &analysis.contradictions, |w, c| {
        contradiction(w, &spans, &mut claim_spans, &mut confidence, c)?;
        between_items(w)
    })?;
    o.list(key!("corroborations"), &analysis.corroborations, |w, c| {
        corroboration(w, &spans, &mut claim_spans, c)?;
        between_items(w)
    })?;
    let documents = docs.iter().zip(&analysis.documents).enumerate();
    o.list(key!("documents"), documents, |w, (d, (doc, a))| {
        document(w, &spans, d, doc, a)?;
        between_items(w)
    })?;
    if let Some(id) = id {
        o.leaf(key!("id"), id)?;
    }
    o.leaf(key!("offsets"), &unit)?;
    o.close();
    Ok(())
}

/// Bytes the JSON will take, give or take the escapes (a little more, as a rule): the texts it
/// quotes plus the keys and numbers of each object.
pub fn estimated_len(docs: &[Document], analysis: &Analysis) -> usize {
    let doc_span = |x: &DocSpan| 48 + x.span.end - x.span.start;
    let span = |s: &Span| 40 + s.end - s.start;
    let contradictions: usize =
        analysis.contradictions.iter().map(|c| 80 + c.explanation.len() + doc_span(&c.a) + doc_span(&c.b)).sum();
    let corroborations: usize = analysis
        .corroborations
        .iter()
        .map(|c| 50 + c.explanation.len() + c.claims.iter().map(doc_span).sum::<usize>())
        .sum();
    let documents: usize = docs
        .iter()
        .zip(&analysis.documents)
        .map(|(d, a)| {
            let numbers: usize =
                a.numbers.iter().map(|q| 220 + 2 * span(&q.span) + q.counted.as_ref().map_or(0, |c| 2 * span(c))).sum();
            let attributions: usize = a
                .attributions
                .iter()
                .map(|at| {
                    let optional = [at.source, at.medium, at.anonymity].iter().flatten().map(span).sum::<usize>();
                    260 + span(&at.cue) + span(&at.content) + optional + 2 * at.speaker.as_ref().map_or(0, String::len)
                })
                .sum();
            80 + d.name.len() + numbers + attributions
        })
        .sum();
    100 + contradictions + corroborations + documents
}

/// Writes spans of the cluster's documents: offsets in the output's unit and the text they select,
/// borrowed from the document.
struct Spans<'a> {
    docs: &'a [Document],
    maps: Vec<OffsetMap>,
}

impl Spans<'_> {
    /// `{"end","start","text"}`, or with `doc` first for a span of the cluster.
    fn write(&self, w: &mut Vec<u8>, doc: usize, s: Span, with_doc: bool) -> Result {
        let map = &self.maps[doc];
        let mut o = Object::open(w);
        if with_doc {
            o.leaf(key!("doc"), &doc)?;
        }
        o.leaf(key!("end"), &map.get(s.end))?;
        o.leaf(key!("start"), &map.get(s.start))?;
        o.string(key!("text"), s.text(&self.docs[doc].text));
        o.close();
        Ok(())
    }

    fn span(&self, w: &mut Vec<u8>, doc: usize, s: Span) -> Result {
        self.write(w, doc, s, false)
    }

    fn optional(&self, w: &mut Vec<u8>, doc: usize, s: Option<Span>) -> Result {
        match s {
            Some(s) => self.span(w, doc, s),
            None => {
                w.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    fn doc_span(&self, w: &mut Vec<u8>, x: DocSpan) -> Result {
        self.write(w, x.doc, x.span, true)
    }
}

/// The claims' spans as written, each once: the findings name the same claims again and again
/// (1,000 generated articles: 33,377 contradictions name 10,517 distinct spans), and a span costs
/// two offset look-ups, three numbers and its text escaped; a copy of its bytes costs one copy.
#[derive(Default)]
struct WrittenSpans {
    bytes: Vec<u8>,
    /// Span → where its JSON lies in `bytes`.
    at: FxHashMap<DocSpan, (usize, usize)>,
}

impl WrittenSpans {
    /// [`Spans::doc_span`], written from the copy made the first time.
    fn doc_span(&mut self, w: &mut Vec<u8>, spans: &Spans, x: DocSpan) -> Result {
        if let Some(&(from, to)) = self.at.get(&x) {
            w.extend_from_slice(&self.bytes[from..to]);
            return Ok(());
        }
        let from = self.bytes.len();
        spans.doc_span(&mut self.bytes, x)?;
        w.extend_from_slice(&self.bytes[from..]);
        self.at.insert(x, (from, self.bytes.len()));
        Ok(())
    }
}

/// The last number written, with its digits: the contradictions come sorted by confidence, so
/// most give the one before them again (the 1,000 articles' 33,377 contradictions have a few dozen
/// distinct confidences), and its shortest digits are worked out once per run of equal values.
#[derive(Default)]
struct LastNumber {
    bits: Option<u64>,
    digits: Vec<u8>,
}

impl LastNumber {
    fn write(&mut self, w: &mut Vec<u8>, x: f64) {
        if self.bits != Some(x.to_bits()) {
            self.digits.clear();
            x.write(&mut self.digits);
            self.bits = Some(x.to_bits());
        }
        w.extend_from_slice(&self.digits);
    }
}

fn document(w: &mut Vec<u8>, spans: &Spans, d: usize, doc: &Document, a: &crate::DocumentAnalysis) -> Result {
    let mut o = Object::open(w);
    o.list(key!("attributions"), &a.attributions, |w, at| attribution(w, spans, d, at))?;
    o.leaf(key!("name"), &doc.name)?;
    o.list(key!("numbers"), &a.numbers, |w, q| number(w, spans, d, q))?;
    o.list(key!("sources"), &crate::attributions::summarize(&a.attributions), source)?;
    o.close();
    Ok(())
}

fn number(w: &mut Vec<u8>, spans: &Spans, d: usize, q: &Quantity) -> Result {
    let map = &spans.maps[d];
    let mut o = Object::open(w);
    o.leaf(key!("bound"), &q.bound)?;
    o.leaf(key!("counted"), &q.counted.map(|c| c.text(&spans.docs[d].text)))?;
    o.object(key!("counted_span"), |w| spans.optional(w, d, q.counted))?;
    o.leaf(key!("end"), &map.get(q.span.end))?;
    o.leaf(key!("kind"), &q.kind)?;
    o.leaf(key!("restates"), &q.restates)?;
    o.leaf(key!("si_value"), &q.si_value)?;
    o.leaf(key!("start"), &map.get(q.span.start))?;
    o.string(key!("text"), q.span.text(&spans.docs[d].text));
    o.leaf(key!("unit"), &q.unit)?;
    o.leaf(key!("value"), &q.value)?;
    o.leaf(key!("value_max"), &q.value_max)?;
    o.close();
    Ok(())
}

fn attribution(w: &mut Vec<u8>, spans: &Spans, d: usize, a: &Attribution) -> Result {
    let mut o = Object::open(w);
    o.object(key!("anonymity"), |w| spans.optional(w, d, a.anonymity))?;
    o.leaf(key!("anonymous"), &a.anonymous)?;
    o.object(key!("content"), |w| spans.span(w, d, a.content))?;
    o.object(key!("cue"), |w| spans.span(w, d, a.cue))?;
    o.leaf(key!("direct"), &a.direct)?;
    o.object(key!("medium"), |w| spans.optional(w, d, a.medium))?;
    o.object(key!("source"), |w| spans.optional(w, d, a.source))?;
    o.leaf(key!("source_kind"), &a.source_kind)?;
    o.leaf(key!("speaker"), &a.speaker)?;
    o.close();
    Ok(())
}

fn source(w: &mut Vec<u8>, s: &SourceSummary) -> Result {
    let mut o = Object::open(w);
    o.leaf(key!("anonymous"), &s.anonymous)?;
    o.leaf(key!("attributions"), &s.attributions)?;
    o.leaf(key!("direct"), &s.direct)?;
    o.leaf(key!("indirect"), &s.indirect)?;
    o.leaf(key!("source_kind"), &s.source_kind)?;
    o.leaf(key!("speaker"), &s.speaker)?;
    o.leaf(key!("statements"), &s.statements)?;
    o.close();
    Ok(())
}

fn contradiction(
    w: &mut Vec<u8>,
    spans: &Spans,
    written: &mut WrittenSpans,
    confidence: &mut LastNumber,
    c: &Contradiction,
) -> Result {
    let mut o = Object::open(w);
    o.object(key!("a"), |w| written.doc_span(w, spans, c.a))?;
    o.object(key!("b"), |w| written.doc_span(w, spans, c.b))?;
    o.object(key!("confidence"), |w| {
        confidence.write(w, c.confidence);
        Ok(())
    })?;
    o.string(key!("explanation"), &c.explanation);
    o.leaf(key!("kind"), &c.kind)?;
    o.close();
    Ok(())
}

fn corroboration(w: &mut Vec<u8>, spans: &Spans, written: &mut WrittenSpans, c: &Corroboration) -> Result {
    let mut o = Object::open(w);
    o.list(key!("claims"), &c.claims, |w, &x| written.doc_span(w, spans, x))?;
    o.string(key!("explanation"), &c.explanation);
    o.leaf(key!("sources"), &c.sources)?;
    o.close();
    Ok(())
}

/// A JSON object being written: `{`, then `"key":value` pairs (the caller gives them in
/// alphabetical order, each as [`key!`] writes it), then `}`.
struct Object<'w> {
    w: &'w mut Vec<u8>,
    empty: bool,
}

impl<'w> Object<'w> {
    fn open(w: &'w mut Vec<u8>) -> Self {
        w.push(b'{');
        Object { w, empty: true }
    }

    /// Writes `key` (from [`key!`]), without its comma when it is the object's first.
    fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        let key = key.as_bytes();
        self.w.extend_from_slice(if self.empty { &key[1..] } else { key });
        self.empty = false;
        self.w
    }

    /// A string value: the bytes serde_json writes for it.
    fn string(&mut self, key: &'static str, value: &str) {
        write_str(self.key(key), value);
    }

    /// A number, string, null, enum name or the id, as serde_json writes it (`leaf.rs`).
    fn leaf(&mut self, key: &'static str, value: &(impl Leaf + ?Sized)) -> Result {
        value.write(self.key(key));
        Ok(())
    }

    fn object(&mut self, key: &'static str, value: impl FnOnce(&mut Vec<u8>) -> Result) -> Result {
        value(self.key(key))
    }

    fn list<I: IntoIterator>(
        &mut self,
        key: &'static str,
        items: I,
        mut item: impl FnMut(&mut Vec<u8>, I::Item) -> Result,
    ) -> Result {
        let w = self.key(key);
        w.push(b'[');
        for (i, x) in items.into_iter().enumerate() {
            if i > 0 {
                w.push(b',');
            }
            item(w, x)?;
        }
        w.push(b']');
        Ok(())
    }

    fn close(self) {
        self.w.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::render;

    #[test]
    fn writes_strings_as_serde_json_does_for_every_byte_and_position() {
        let mut texts: Vec<String> = vec![String::new(), "plain".into(), "café “東京” 👍🏽 – 59".into(), "a".repeat(17)];
        for c in (0u32..0x80).chain([0x7f, 0x80, 0xa0, 0x2028, 0x2029, 0xfeff, 0x1f600]).filter_map(char::from_u32) {
            for at in [0, 3, 7, 8, 9, 15, 16, 20] {
                let mut t: String = "abcdefghijklmnopqrstuv".chars().take(at).collect();
                t.push(c);
                t.push_str("xyz after");
                texts.push(t);
            }
        }
        for t in &texts {
            let mut mine = Vec::new();
            write_str(&mut mine, t);
            assert_eq!(String::from_utf8(mine).unwrap(), serde_json::to_string(t).unwrap(), "{t:?}");
        }
    }
    use crate::{analyze, Options};

    /// The output model as a `Value` (sorted keys), with the id added: what the CLI wrote before.
    fn through_value(
        docs: &[Document],
        analysis: &Analysis,
        unit: OffsetUnit,
        id: Option<&serde_json::Value>,
    ) -> String {
        let mut value = serde_json::to_value(render(docs, analysis, unit)).unwrap();
        if let Some(id) = id {
            value.as_object_mut().unwrap().insert("id".into(), id.clone());
        }
        serde_json::to_string(&value).unwrap()
    }

    #[test]
    fn writes_the_bytes_of_the_sorted_value_tree_of_the_output_model() {
        let docs = [
            Document::new(
                "a “one”",
                "Officials said 59 cruise missiles struck the base on April 7, 2017, killing 4 people. \
                 \"We fired 59 Tomahawks,\" said Jeff Davis, a Pentagon spokesman 👍🏽. Prices rose 3.5% to $1.2bn \
                 over 2 weeks; about 27km (17 miles) away, 東京 reported nothing, a defence official said.",
            ),
            Document::new(
                "b",
                "The US fired 60 cruise missiles at the base on April 6, 2017, killing 6 people, the Pentagon \
                 said. Prices rose 4% over two weeks. \"We fired 59 Tomahawks,\" said Jeff Davis.",
            ),
            Document::new("empty", ""),
            Document::new(
                "tab\tbell\u{7} \"q\" back\\slash \u{7f} \u{8}\u{c}\r\n\u{1f}",
                "Prices\trose 4%\u{1} over two\r\nweeks, a \\ \"spokesman\"\u{c} for the ministry said\u{8}.",
            ),
        ];
        let analysis = analyze(&docs, &Options::default());
        assert!(!analysis.contradictions.is_empty() && !analysis.corroborations.is_empty());
        // Some claim is named by two findings, so its span is also written from `WrittenSpans`'s copy.
        let named: Vec<DocSpan> = (analysis.contradictions.iter().flat_map(|c| [c.a, c.b]))
            .chain(analysis.corroborations.iter().flat_map(|c| c.claims.iter().copied()))
            .collect();
        let distinct: std::collections::HashSet<&DocSpan> = named.iter().collect();
        assert!(distinct.len() < named.len(), "no span named twice: {named:?}");
        let ids = [serde_json::json!("c-1"), serde_json::json!({"z": 1, "a": [null, 2.5]}), serde_json::Value::Null];
        for unit in [OffsetUnit::Chars, OffsetUnit::Utf16, OffsetUnit::Bytes] {
            for id in ids.iter().map(Some).chain([None]) {
                let mut mine = Vec::new();
                write_json(&mut mine, &docs, &analysis, unit, id).unwrap();
                assert_eq!(String::from_utf8(mine).unwrap(), through_value(&docs, &analysis, unit, id));
            }
        }
    }

    #[test]
    fn non_ascii_escaped_json_is_ascii_and_reads_as_the_same_value() {
        let texts = [
            "",
            "plain",
            "café “東京” 👍🏽 – 59 \u{7f} \u{80} \u{ff} \u{100} \u{7ff} \u{800} \u{ffff} \u{10000} \u{10ffff}",
            "a\"b\\c\n",
        ];
        for t in texts {
            for at in 0..10 {
                let value = serde_json::json!({"text": format!("{}{t}", "x".repeat(at)), "n": [1, 2.5]});
                let json = serde_json::to_vec(&value).unwrap();
                let mut ascii = vec![b'!'];
                escape_non_ascii(&json, &mut ascii);
                assert_eq!(ascii[0], b'!', "appended");
                assert!(ascii.is_ascii(), "{t:?}");
                assert_eq!(serde_json::from_slice::<serde_json::Value>(&ascii[1..]).unwrap(), value, "{t:?}");
            }
        }
    }

    #[test]
    fn pieces_join_into_the_same_json_and_each_is_text_on_its_own() {
        let text =
            "Officials said 59 missiles struck, “we fired 59,” said Jeff Davis 👍🏽; 東京 said 60 missiles struck.";
        let docs: Vec<Document> = (0..8).map(|i| Document::new(format!("d{i}"), text)).collect();
        let analysis = analyze(&docs, &Options::default());
        let mut whole = Vec::new();
        write_json(&mut whole, &docs, &analysis, OffsetUnit::Utf16, None).unwrap();
        let mut pieces: Vec<String> = Vec::new();
        write_json_pieces(&docs, &analysis, OffsetUnit::Utf16, None, 200, &mut |p| {
            pieces.push(String::from_utf8(p.to_vec()).expect("each piece is UTF-8 on its own"));
            Ok(())
        })
        .unwrap();
        assert!(pieces.len() > 10, "{} pieces", pieces.len());
        assert_eq!(pieces.concat().into_bytes(), whole);
    }

    #[test]
    fn reserves_room_for_the_whole_output_up_front() {
        let text =
            "Officials said 59 missiles struck, “we fired 59,” said Jeff Davis 👍🏽; 東京 said 60 missiles struck.";
        let docs: Vec<Document> = (0..20).map(|i| Document::new(format!("d{i}"), text)).collect();
        let analysis = analyze(&docs, &Options::default());
        let mut w = Vec::new();
        write_json(&mut w, &docs, &analysis, OffsetUnit::Utf16, None).unwrap();
        assert!(
            w.len() <= estimated_len(&docs, &analysis),
            "{} bytes written, {} estimated",
            w.len(),
            estimated_len(&docs, &analysis)
        );
        assert!(w.len() * 2 > estimated_len(&docs, &analysis), "the estimate is more than twice the output");
    }
}
