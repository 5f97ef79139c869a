//! Pieces the page and the embed share: the legend with its toggles, the finding card, and the
//! highlight entries for a set of findings.

use super::dom::{append, append_text, attr, button, el, el_text, input, on};
use super::findings::{Class, Detail, Finding};
use super::model::{DocSpan, Output};
use super::textmap::TextMap;
use std::rc::Rc;
use web_sys::{Event, HtmlElement, HtmlInputElement, Range};

/// What a "go to" link in a card asks for: a span in a document.
pub type Jump = Rc<dyn Fn(DocSpan)>;

/// A legend: one toggle per class, with a colour swatch and a count (`data-count`).
pub fn legend(shown: impl Fn(Class) -> bool, on_toggle: Rc<dyn Fn(Class, bool)>) -> HtmlElement {
    let box_ = el("fieldset", "cl-legend");
    append(&box_, &el_text("legend", "cl-legend-title", "Show"));
    for (i, class) in Class::ALL.into_iter().enumerate() {
        let label = el("label", "cl-toggle");
        let check = input("checkbox", "");
        check.set_checked(shown(class));
        attr(&check, "data-class", class.key());
        attr(&check, "aria-keyshortcuts", &(i + 1).to_string());
        let toggle = on_toggle.clone();
        let c2 = check.clone();
        on::<Event>(&check, "change", move |_| toggle(class, c2.checked()));
        append(&label, &check);
        let swatch = el("span", &format!("cl-swatch cl-sw-{}", class.key()));
        attr(&swatch, "aria-hidden", "true");
        append(&label, &swatch);
        append_text(&label, class.label());
        let count = el_text("span", "cl-count", "0");
        attr(&count, "data-count", class.key());
        append(&label, &count);
        append(&box_, &label);
    }
    box_
}

/// Updates a legend's counts and check marks.
pub fn update_legend(legend: &HtmlElement, findings: &[Finding], shown: impl Fn(Class) -> bool) {
    for class in Class::ALL {
        let n = findings.iter().filter(|f| f.class == class).count();
        if let Ok(Some(c)) = legend.query_selector(&format!("[data-count={}]", class.key())) {
            c.set_text_content(Some(&n.to_string()));
        }
        if let Ok(Some(c)) = legend.query_selector(&format!("input[data-class={}]", class.key())) {
            let c: HtmlInputElement = wasm_bindgen::JsCast::unchecked_into(c);
            c.set_checked(shown(class));
        }
    }
}

/// The ranges of the shown findings of one document, as highlight entries.
pub fn highlight_entries(
    findings: &[Finding],
    doc: usize,
    map: &TextMap,
    span: std::ops::Range<usize>,
    shown: impl Fn(Class) -> bool,
) -> Vec<super::highlight::Entry> {
    findings
        .iter()
        .filter(|f| f.doc == doc && shown(f.class) && f.start < span.end && f.end > span.start)
        .filter_map(|f| Some((f.class.highlight_name(), f.class.priority(), map.range(f.start, f.end)?)))
        .collect()
}

fn row(dl: &HtmlElement, term: &str, value: &str) {
    append(dl, &el_text("dt", "", term));
    append(dl, &el_text("dd", "", value));
}

/// "1 statement", "3 statements": a count with its noun (the summaries' nouns are all regular).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn quoted(s: &str) -> String {
    const MAX: usize = 180;
    let mut t: String = s.chars().take(MAX).collect();
    if s.chars().count() > MAX {
        t.push('…');
    }
    format!("“{t}”")
}

fn doc_name(out: &Output, doc: usize) -> String {
    out.documents.get(doc).map(|d| d.name.clone()).unwrap_or_else(|| format!("article {}", doc + 1))
}

fn jump_button(label: &str, target: DocSpan, jump: &Jump) -> HtmlElement {
    let b = button(label, "cl-jump");
    let jump = jump.clone();
    on::<Event>(&b, "click", move |e| {
        e.stop_propagation();
        jump(target.clone())
    });
    b
}

/// Fills `card` with one section per finding.
pub fn fill_card(card: &HtmlElement, out: &Output, hits: &[Finding], jump: &Jump) {
    super::dom::clear(card);
    for f in hits {
        let section = el("section", &format!("cl-card-section cl-card-{}", f.class.key()));
        let dl = el("dl", "");
        match f.detail {
            Detail::Number(i) => {
                let Some(n) = out.documents.get(f.doc).and_then(|d| d.numbers.get(i)) else { continue };
                let title = if f.class == Class::Date { "Date or time" } else { "Number" };
                append(&section, &el_text("h3", "", &format!("{title} · {}", n.kind)));
                row(&dl, "Text", &quoted(&n.text));
                row(&dl, "Value", &n.value_text());
                if let Some(b) = n.bound_text() {
                    row(&dl, "Bound", &b);
                }
                if let Some(c) = &n.counted {
                    row(&dl, "Counts", c);
                }
            }
            Detail::Attribution(i) => {
                let Some(a) = out.documents.get(f.doc).and_then(|d| d.attributions.get(i)) else { continue };
                let h = el_text("h3", "", if a.direct { "Direct quote" } else { "Indirect statement" });
                let badge = el_text(
                    "span",
                    if a.anonymous { "cl-badge cl-badge-anon" } else { "cl-badge cl-badge-named" },
                    if a.anonymous { "anonymous" } else { "named" },
                );
                append(&h, &badge);
                append(&section, &h);
                row(&dl, "Speaker", &a.who());
                if let Some(s) = &a.source {
                    if Some(&s.text) != a.speaker.as_ref() {
                        row(&dl, "Named as", &quoted(&s.text));
                    }
                }
                row(&dl, "Source kind", &a.source_kind.replace('_', " "));
                row(&dl, "Cue", &a.cue.text);
                row(&dl, "Says", &quoted(&a.content.text));
            }
            Detail::Contradiction { index, side_b } => {
                let Some(c) = out.contradictions.get(index) else { continue };
                let (this, other) = if side_b { (&c.b, &c.a) } else { (&c.a, &c.b) };
                let pct = crate::decimal::shortest((c.confidence * 100.0).round());
                append(&section, &el_text("h3", "", &format!("Contradiction · {} · {pct}% confident", c.kind)));
                append(&section, &el_text("p", "", &c.explanation));
                row(&dl, "Here", &format!("{} ({})", quoted(&this.text), doc_name(out, this.doc)));
                row(&dl, "Elsewhere", &format!("{} ({})", quoted(&other.text), doc_name(out, other.doc)));
                append(&section, &dl);
                append(
                    &section,
                    &jump_button(
                        &format!("Go to “{}” in {}", other.text, doc_name(out, other.doc)),
                        other.clone(),
                        jump,
                    ),
                );
                append(card, &section);
                continue;
            }
            Detail::Corroboration { index, claim } => {
                let Some(c) = out.corroborations.get(index) else { continue };
                append(
                    &section,
                    &el_text("h3", "", &format!("Corroborated · {} sources", c.sources.max(c.claims.len()))),
                );
                append(&section, &el_text("p", "", &c.explanation));
                append(&section, &dl);
                for (j, other) in c.claims.iter().enumerate() {
                    if j != claim {
                        append(
                            &section,
                            &jump_button(&format!("Go to {}", doc_name(out, other.doc)), other.clone(), jump),
                        );
                    }
                }
                append(card, &section);
                continue;
            }
        }
        append(&section, &dl);
        append(card, &section);
    }
}

/// Places `card` under (or above) a range, inside the viewport, in page coordinates.
pub fn place_card(card: &HtmlElement, range: &Range) {
    let rect = range.get_bounding_client_rect();
    let win = super::dom::window();
    let (sx, sy) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
    let vw = win.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let vh = win.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0);
    card.set_hidden(false);
    let (cw, ch) = (card.offset_width() as f64, card.offset_height() as f64);
    let left = rect.left().min(vw - cw - 8.0).max(8.0);
    let below = rect.bottom() + 6.0;
    let top = if below + ch > vh && rect.top() - ch - 6.0 > 0.0 { rect.top() - ch - 6.0 } else { below };
    let style = card.style();
    style.set_property("left", &format!("{}px", crate::decimal::shortest(left + sx))).ok();
    style.set_property("top", &format!("{}px", crate::decimal::shortest(top + sy))).ok();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm::web::findings::collect;
    use crate::wasm::web::model::{Attribution, Contradiction, Document, Number, Span};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    fn cluster() -> Output {
        let a_text = "We counted 212 passengers, she said.";
        let number = Number {
            start: 11,
            end: 25,
            text: "212 passengers".into(),
            kind: "cardinal".into(),
            value: Some(crate::wasm::web::model::Value::Number(212.0)),
            counted: Some("passengers".into()),
            bound: "exact".into(),
            ..Default::default()
        };
        let attribution = Attribution {
            speaker: Some("Mira Okafor".into()),
            source: Some(Span { start: 27, end: 30, text: "she".into() }),
            cue: Span { start: 31, end: 35, text: "said".into() },
            content: Span { start: 0, end: 25, text: a_text[..25].into() },
            direct: false,
            anonymous: false,
            source_kind: "person".into(),
            medium: None,
        };
        Output {
            offsets: "utf16".into(),
            documents: vec![
                Document { name: "Gazette".into(), numbers: vec![number], attributions: vec![attribution] },
                Document { name: "Wire".into(), ..Default::default() },
            ],
            contradictions: vec![Contradiction {
                kind: "numeric".into(),
                confidence: 0.9,
                explanation: "212 passengers here, 218 there.".into(),
                a: DocSpan { doc: 0, start: 11, end: 25, text: "212 passengers".into() },
                b: DocSpan { doc: 1, start: 4, end: 18, text: "218 passengers".into() },
            }],
            corroborations: vec![],
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn card_explains_a_contradiction_and_jumps_to_the_other_side() {
        let out = cluster();
        let findings = collect(&out);
        let hits = crate::wasm::web::findings::at(&findings, 0, 12, |_| true);
        let jumped: Rc<RefCell<Option<DocSpan>>> = Rc::default();
        let seen = jumped.clone();
        let jump: Jump = Rc::new(move |s| *seen.borrow_mut() = Some(s));
        let card = el("div", "");
        fill_card(&card, &out, &hits, &jump);
        let text = card.text_content().unwrap();
        assert!(text.contains("Contradiction · numeric · 90% confident"), "{text}");
        assert!(text.contains("“218 passengers” (Wire)"), "{text}");
        assert!(text.contains("Counts") && text.contains("passengers"), "{text}");
        assert!(text.contains("Mira Okafor") && text.contains("Named as“she”"), "{text}");
        assert!(text.contains("named"), "{text}");
        let button: HtmlElement = card.query_selector(".cl-jump").unwrap().unwrap().unchecked_into();
        button.click();
        assert_eq!(jumped.borrow().as_ref().map(|s| (s.doc, s.start)), Some((1, 4)));
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn card_sections_come_narrowest_first_with_one_per_attribution() {
        let out = cluster();
        let findings = collect(&out);
        let hits = crate::wasm::web::findings::at(&findings, 0, 12, |_| true);
        let classes: Vec<Class> = hits.iter().map(|f| f.class).collect();
        assert_eq!(classes, vec![Class::Number, Class::Contradiction, Class::Content]);
        let hidden = crate::wasm::web::findings::at(&findings, 0, 12, |c| c != Class::Contradiction);
        assert_eq!(hidden.len(), 2);
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_count_of_one_takes_the_singular_noun() {
        assert_eq!(counted(1, "statement"), "1 statement");
        assert_eq!(counted(0, "contradiction"), "0 contradictions");
        assert_eq!(counted(12, "number"), "12 numbers");
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn legend_counts_each_kind_and_reports_toggles() {
        let out = cluster();
        let findings = collect(&out);
        let toggled: Rc<RefCell<Vec<(Class, bool)>>> = Rc::default();
        let log = toggled.clone();
        let legend = legend(|_| true, Rc::new(move |c, shown| log.borrow_mut().push((c, shown))));
        update_legend(&legend, &findings, |c| c != Class::Cue);
        let count = |k: &str| legend.query_selector(&format!("[data-count={k}]")).unwrap().unwrap().text_content();
        assert_eq!(count("number").as_deref(), Some("1"));
        assert_eq!(count("contradiction").as_deref(), Some("2"));
        let cue: HtmlInputElement = legend.query_selector("input[data-class=cue]").unwrap().unwrap().unchecked_into();
        assert!(!cue.checked());
        // Checkboxes only fire `change` when they are in the document.
        crate::wasm::web::dom::document().body().unwrap().append_child(&legend).unwrap();
        cue.click();
        legend.remove();
        assert_eq!(*toggled.borrow(), vec![(Class::Cue, true)]);
    }
}
