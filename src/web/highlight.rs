//! Highlights through the CSS Custom Highlight API (`CSS.highlights`): named sets of ranges that
//! the stylesheet paints with `::highlight(cl-number)`, without touching the text. Several owners
//! (the page's panes, embedded widgets) share the registry: each sets its own layer, and the
//! named highlights are rebuilt from all layers.

use std::cell::RefCell;
use std::collections::BTreeMap;
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
    static LAYERS: RefCell<BTreeMap<u32, Vec<Entry>>> = const { RefCell::new(BTreeMap::new()) };
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
        if entries.is_empty() {
            layers.remove(&owner);
        } else {
            layers.insert(owner, entries);
        }
    });
    repaint();
}

fn repaint() {
    let Some(reg) = registry() else { return };
    let mut by_name: BTreeMap<String, Highlight> = BTreeMap::new();
    LAYERS.with(|l| {
        for entries in l.borrow().values() {
            for (name, priority, range) in entries {
                let h = by_name.entry(name.clone()).or_insert_with(|| {
                    let h = Highlight::new();
                    h.set_priority(*priority);
                    h
                });
                h.add(range);
            }
        }
    });
    NAMES.with(|n| {
        let mut names = n.borrow_mut();
        for old in names.iter() {
            if !by_name.contains_key(old) {
                reg.delete(old);
            }
        }
        *names = by_name.keys().cloned().collect();
    });
    for (name, h) in &by_name {
        reg.set(name, h);
    }
}
