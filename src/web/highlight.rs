//! Highlights through the CSS Custom Highlight API (`CSS.highlights`): named sets of ranges that
//! the stylesheet paints with `::highlight(cl-number)`, without touching the text. Several owners
//! (the page's panes, embedded widgets) share the registry: each sets its own layer, and the
//! named highlights are rebuilt from all layers.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Range;

#[wasm_bindgen]
extern "C" {
    /// `Highlight` (web-sys only has it behind `web_sys_unstable_apis`).
    type Highlight;
    #[wasm_bindgen(constructor)]
    fn new() -> Highlight;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &Range);
    #[wasm_bindgen(method, setter)]
    fn set_priority(this: &Highlight, priority: i32);

    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;
}

/// One named layer entry: highlight name, priority, range.
pub type Entry = (String, i32, Range);

thread_local! {
    /// Each owner's entries, sorted by owner (the page and a few widgets): a sorted list, not a
    /// `BTreeMap`, so no B-tree code is in the page's wasm; painted in the same order.
    static LAYERS: RefCell<Vec<(u32, Vec<Entry>)>> = const { RefCell::new(Vec::new()) };
    static NAMES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn registry() -> Option<HighlightRegistry> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &JsValue::from_str("CSS")).ok()?;
    let reg = js_sys::Reflect::get(&css, &JsValue::from_str("highlights")).ok()?;
    let has_highlight = js_sys::Reflect::has(&global, &JsValue::from_str("Highlight")).unwrap_or(false);
    (!reg.is_undefined() && !reg.is_null() && has_highlight).then(|| reg.unchecked_into())
}

/// Whether this browser paints custom highlights; if not, the page uses its fallback.
pub fn supported() -> bool {
    registry().is_some()
}

/// Replaces an owner's ranges and repaints every named highlight.
pub fn set_layer(owner: u32, entries: Vec<Entry>) {
    LAYERS.with(|l| {
        let mut layers = l.borrow_mut();
        match (layers.binary_search_by_key(&owner, |(o, _)| *o), entries.is_empty()) {
            (Ok(at), true) => drop(layers.remove(at)),
            (Ok(at), false) => layers[at].1 = entries,
            (Err(_), true) => {}
            (Err(at), false) => layers.insert(at, (owner, entries)),
        }
    });
    repaint();
}

fn repaint() {
    let Some(reg) = registry() else { return };
    // By name, sorted (as the `BTreeMap` it replaces iterated): a highlight per class name.
    let mut by_name: Vec<(String, Highlight)> = Vec::new();
    LAYERS.with(|l| {
        for (_, entries) in l.borrow().iter() {
            for (name, priority, range) in entries {
                let at = match by_name.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
                    Ok(at) => at,
                    Err(at) => {
                        let h = Highlight::new();
                        h.set_priority(*priority);
                        by_name.insert(at, (name.clone(), h));
                        at
                    }
                };
                by_name[at].1.add(range);
            }
        }
    });
    NAMES.with(|n| {
        let mut names = n.borrow_mut();
        for old in names.iter() {
            if by_name.binary_search_by(|(n, _)| n.cmp(old)).is_err() {
                reg.delete(old);
            }
        }
        *names = by_name.iter().map(|(n, _)| n.clone()).collect();
    });
    for (name, h) in &by_name {
        reg.set(name, h);
    }
}
