//! A readable listing of an output, for people at a terminal (`--format text`).

use super::Output;
use std::fmt::Write;

pub fn render_text(out: &Output) -> String {
    let mut s = String::new();
    for (d, doc) in out.documents.iter().enumerate() {
        let _ = writeln!(s, "== [{d}] {}", doc.name);
        let _ = writeln!(s, "  numbers ({}):", doc.numbers.len());
        for n in &doc.numbers {
            let value =
                n.value.as_ref().map(|v| serde_json::to_string(v).unwrap_or_default()).unwrap_or_else(|| "-".into());
            let max = n.value_max.map(|m| format!("..{m}")).unwrap_or_default();
            let unit = n.unit.map(|u| format!(" {u}")).unwrap_or_default();
            let counted = n.counted.as_ref().map(|c| format!("  counts: {c}")).unwrap_or_default();
            let _ = writeln!(
                s,
                "    {:>6}-{:<6} {:<9} {:<28} = {value}{max}{unit}{counted}",
                n.start,
                n.end,
                format!("{:?}", n.kind).to_lowercase(),
                format!("{:?}", n.text)
            );
        }
        let _ = writeln!(s, "  attributions ({}):", doc.attributions.len());
        for a in &doc.attributions {
            let who = a
                .speaker
                .clone()
                .or_else(|| a.source.as_ref().map(|x| x.text.clone()))
                .unwrap_or_else(|| "(no source)".into());
            let flags = format!(
                "{}{}",
                if a.direct { "direct" } else { "indirect" },
                if a.anonymous { ", anonymous" } else { "" }
            );
            let _ = writeln!(s, "    {who} [{}; {flags}] {:?}", a.cue.text, a.content.text);
        }
    }
    let _ = writeln!(s, "== contradictions ({})", out.contradictions.len());
    for c in &out.contradictions {
        let _ = writeln!(s, "  [{:.2}] {}", c.confidence, c.explanation);
        let _ = writeln!(s, "         [{}] {:?}  vs  [{}] {:?}", c.a.doc, c.a.text, c.b.doc, c.b.text);
    }
    let _ = writeln!(s, "== corroborations ({})", out.corroborations.len());
    for c in &out.corroborations {
        let _ = writeln!(s, "  {} ({} source(s))", c.explanation, c.sources);
    }
    s
}
