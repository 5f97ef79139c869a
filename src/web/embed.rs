//! The embeddable widget: `mount(element, options)` analyses the text of an element already on
//! the page (the element itself, or the one named by `for`) and highlights it in place, without
//! changing it, with a small summary, a legend with toggles, and cards on hover.

use super::dom::{self, append, attr, clear, el, el_text, on};
use super::findings::{self, Class, ClassSet, Finding};
use super::json::{self, Object};
use super::model::{DocSpan, Output};
use super::reader::{option, Reader};
use super::textmap::TextMap;
use super::{highlight, view};
use crate::output::OffsetUnit;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{Element, HtmlElement, MouseEvent};

/// Where the embed's highlight layers start in the shared registry (the page uses 0).
const LAYER_BASE: u32 = 1000;

/// What `mount` reads from its options.
#[derive(Debug, Clone, Default)]
#[cfg_attr(test, derive(serde::Deserialize), serde(default))]
pub struct MountOptions {
    /// Id of the element whose text is analysed (default: the mounted element itself).
    #[cfg_attr(test, serde(rename = "for"))]
    pub for_id: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[cfg_attr(test, serde(alias = "pubDate"))]
    pub pub_date: Option<String>,
    /// Article name shown in cards (default: the page title).
    pub name: Option<String>,
    /// Show the legend with toggles (default: true).
    pub legend: Option<bool>,
}

/// `{for, pub_date (or pubDate), name, legend}`, each optional (`for` as an element id here).
pub fn read_mount_options(json: &str) -> Result<MountOptions, String> {
    let mut opts = MountOptions::default();
    super::reader::read_object(json, &mut |r, key| {
        match key {
            "for" => opts.for_id = option(r, Reader::string)?,
            "pub_date" | "pubDate" => opts.pub_date = option(r, Reader::string)?,
            "name" => opts.name = option(r, Reader::string)?,
            "legend" => opts.legend = option(r, Reader::bool)?,
            _ => r.skip()?,
        }
        Ok(())
    })?;
    Ok(opts)
}

struct Instance {
    host: Element,
    target: Element,
    ui: HtmlElement,
    card: HtmlElement,
    options: MountOptions,
    output: Option<Rc<Output>>,
    findings: Vec<Finding>,
    hidden: ClassSet,
    text: String,
    /// What went wrong with the input (an invalid `pub_date`, an analysis error), shown in the widget.
    problem: Option<String>,
}

thread_local! {
    /// The widgets by id, in the order mounted (ids only grow): a few of them, searched in a list
    /// (no B-tree code in the page's wasm).
    static INSTANCES: RefCell<Vec<(u32, Instance)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(1) };
}

fn with<R>(id: u32, f: impl FnOnce(&mut Instance) -> R) -> Option<R> {
    INSTANCES.with(|m| m.try_borrow_mut().ok()?.iter_mut().find(|(i, _)| *i == id).map(|(_, inst)| f(inst)))
}

/// Mounts a widget in `host` over `target` (or the element named by `options.for`, or `host`
/// itself); returns its id.
pub fn mount(host: &Element, target: Option<Element>, options: MountOptions) -> Result<u32, String> {
    let target = match (target, options.for_id.as_deref().filter(|s| !s.is_empty())) {
        (Some(t), _) => t,
        (None, Some(id)) => {
            dom::document().get_element_by_id(id).ok_or_else(|| format!("no element with id {id:?}"))?
        }
        (None, None) => host.clone(),
    };
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        *n += 1;
        *n - 1
    });
    let ui = el("div", "cl-embed");
    attr(&ui, "data-claimlens-ui", "");
    attr(&ui, "role", "region");
    attr(&ui, "aria-label", "ClaimLens findings");
    host.append_child(&ui).ok();
    let card = el("div", "cl-card");
    attr(&card, "role", "dialog");
    attr(&card, "aria-label", "Finding details");
    attr(&card, "data-claimlens-ui", "");
    card.set_hidden(true);
    let body = dom::document().body().ok_or("no body")?;
    append(&body, &card);
    host.class_list().add_1("cl-mounted").ok();

    on::<MouseEvent>(&target, "mousemove", move |e| hover(id, e.client_x() as f64, e.client_y() as f64));
    on::<MouseEvent>(&target, "mouseleave", move |_| {
        dom::timeout(400, move || {
            with(id, |inst| {
                if !inst.card.matches(":hover").unwrap_or(false) {
                    inst.card.set_hidden(true);
                }
            });
        });
    });
    let instance = Instance {
        host: host.clone(),
        target,
        ui,
        card,
        options,
        output: None,
        findings: Vec::new(),
        hidden: ClassSet::default(),
        text: String::new(),
        problem: None,
    };
    INSTANCES.with(|m| m.borrow_mut().push((id, instance)));
    refresh(id);
    Ok(id)
}

/// Reads the target's text again, analyses it and redraws.
pub fn refresh(id: u32) {
    with(id, |inst| {
        let map = TextMap::build(&inst.target, "\n\n");
        let name = inst.options.name.clone().unwrap_or_else(|| dom::document().title());
        let name = if name.trim().is_empty() { "Article".to_string() } else { name };
        let pub_date = inst.options.pub_date.as_deref().map(str::trim).filter(|d| !d.is_empty());
        let request = |pub_date: Option<&str>| {
            // Keys sorted, as `json!` wrote them.
            json::to_string(|w| {
                let mut o = Object::open(w);
                o.with("documents", |w| {
                    json::list(w, [()], |w, ()| Object::open(w).leaf("name", &name).leaf("text", &map.text).close())
                });
                o.leaf("pub_date", &pub_date).close();
            })
        };
        let t0 = dom::now_ms();
        let mut json = super::analyze_request_json(&request(pub_date), OffsetUnit::Utf16);
        inst.problem = None;
        if let (Some(date), true) = (pub_date, json.starts_with("{\"error\"")) {
            // An invalid publication date: say so and analyse without it.
            let retry = super::analyze_request_json(&request(None), OffsetUnit::Utf16);
            if !retry.starts_with("{\"error\"") {
                inst.problem = Some(format!(
                    "The publication date “{date}” is not a valid date (YYYY-MM-DD, a real day): relative dates such as “yesterday” are not resolved."
                ));
                json = retry;
            }
        }
        let ms = dom::now_ms() - t0;
        inst.text = map.text.clone();
        match super::model::parse_reply(&json) {
            Ok(out) => {
                inst.findings = findings::collect(&out);
                inst.output = Some(Rc::new(out));
            }
            Err(error) => {
                inst.problem = Some(format!("Could not analyse this text: {error}."));
                inst.output = None;
                inst.findings.clear();
            }
        }
        paint(id, inst, &map);
        render_ui(id, inst, ms);
    });
}

fn paint(id: u32, inst: &Instance, map: &TextMap) {
    let entries = view::highlight_entries(&inst.findings, 0, map, 0..map.len16(), |c| !inst.hidden.contains(&c));
    highlight::set_layer(LAYER_BASE + id, entries);
}

fn render_ui(id: u32, inst: &Instance, ms: f64) {
    clear(&inst.ui);
    let head = el("div", "cl-embed-head");
    append(&head, &el_text("strong", "cl-embed-brand", "ClaimLens"));
    let problem = inst.problem.as_deref().map(|p| {
        let note = el_text("p", "cl-embed-problem", p);
        attr(&note, "role", "alert");
        note
    });
    let Some(out) = inst.output.clone() else {
        append(&head, &el_text("span", "cl-embed-summary", "Could not analyse this text."));
        append(&inst.ui, &head);
        if let Some(p) = &problem {
            append(&inst.ui, p);
        }
        return;
    };
    let d = out.documents.first().cloned().unwrap_or_default();
    let anonymous = d.attributions.iter().filter(|a| a.anonymous).count();
    let summary = format!(
        "{} · {} ({anonymous} anonymous) · {} · analysed in {} ms, in this browser",
        view::counted(d.numbers.len(), "number"),
        view::counted(d.attributions.len(), "statement"),
        view::counted(out.contradictions.len(), "contradiction"),
        crate::decimal::fixed(ms, 1),
    );
    append(&head, &el_text("span", "cl-embed-summary", &summary));
    append(&inst.ui, &head);
    if let Some(p) = &problem {
        append(&inst.ui, p);
    }
    if inst.options.legend.unwrap_or(true) {
        let hidden = inst.hidden;
        let legend = view::legend(move |c| !hidden.contains(&c), Rc::new(move |class, shown| toggle(id, class, shown)));
        view::update_legend(&legend, &inst.findings, |c| !inst.hidden.contains(&c));
        append(&inst.ui, &legend);
    }
    if !highlight::supported() {
        append(
            &inst.ui,
            &el_text("p", "cl-embed-note", "This browser cannot highlight text in place; the figures are listed here."),
        );
        let list = el("ul", "cl-list");
        for n in &d.numbers {
            append(&list, &el_text("li", "", &format!("{} — {}", n.text, n.value_text())));
        }
        append(&inst.ui, &list);
    }
}

fn toggle(id: u32, class: Class, shown: bool) {
    with(id, |inst| {
        if shown {
            inst.hidden.remove(&class);
        } else {
            inst.hidden.insert(class);
        }
        let map = TextMap::build(&inst.target, "\n\n");
        paint(id, inst, &map);
    });
}

fn hover(id: u32, x: f64, y: f64) {
    with(id, |inst| {
        let Some(out) = inst.output.clone() else { return };
        let Some(pos) = dom::document().caret_position_from_point(x as f32, y as f32) else { return };
        let Some(node) = pos.offset_node() else { return };
        let map = TextMap::build(&inst.target, "\n\n");
        let Some(offset) = map.offset_of(&node, pos.offset()) else { return };
        let hits = findings::at(&inst.findings, 0, offset, |c| !inst.hidden.contains(&c));
        let range = hits.first().and_then(|f| map.range(f.start, f.end));
        let over = range.as_ref().and_then(|r| r.get_client_rects()).is_some_and(|rects| {
            (0..rects.length())
                .filter_map(|i| rects.get(i))
                .any(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
        });
        let Some(range) = range.filter(|_| over) else {
            inst.card.set_hidden(true);
            return;
        };
        let target = inst.target.clone();
        let jump: view::Jump = Rc::new(move |span: DocSpan| {
            let map = TextMap::build(&target, "\n\n");
            if let (Some(r), Ok(Some(sel))) = (map.range(span.start, span.end), dom::window().get_selection()) {
                sel.remove_all_ranges().ok();
                sel.add_range(&r).ok();
                if let Some(node) = r.start_container().ok().and_then(|n| n.parent_element()) {
                    node.scroll_into_view();
                }
            }
        });
        view::fill_card(&inst.card, &out, &hits, &jump);
        view::place_card(&inst.card, &range);
    });
}

/// Removes the widget, its card and its highlights; the article text is left as it was.
pub fn destroy(id: u32) {
    let removed = INSTANCES.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(i, _)| *i == id).map(|at| m.remove(at).1)
    });
    if let Some(inst) = removed {
        inst.ui.remove();
        inst.card.remove();
        inst.host.class_list().remove_1("cl-mounted").ok();
        highlight::set_layer(LAYER_BASE + id, Vec::new());
    }
}

/// The last analysis of a widget, as JSON.
pub fn result_json(id: u32) -> Option<String> {
    with(id, |inst| inst.output.as_ref().map(|o| o.to_json())).flatten()
}

/// The text the widget analysed (offsets in the result index into it).
pub fn text(id: u32) -> Option<String> {
    with(id, |inst| inst.text.clone())
}
