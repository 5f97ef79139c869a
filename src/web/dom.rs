//! Small helpers over web-sys: creating elements and text, wiring events. User text only ever
//! enters the page as text nodes (`set_text_content`, `create_text_node`), never as HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, HtmlInputElement, Window};

pub fn window() -> Window {
    web_sys::window().expect("a window")
}

pub fn document() -> Document {
    window().document().expect("a document")
}

/// A new element with a class (empty for none).
pub fn el(tag: &str, class: &str) -> HtmlElement {
    // Not `expect`: that would print the `JsValue` error with `Debug`, bringing wasm-bindgen's
    // `debugString` into the JavaScript glue. The page's tag names are its own, always valid.
    let Ok(e) = document().create_element(tag) else { panic!("create_element refused <{tag}>") };
    let e: HtmlElement = e.unchecked_into();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// A new element holding `text` as a text node.
pub fn el_text(tag: &str, class: &str, text: &str) -> HtmlElement {
    let e = el(tag, class);
    e.set_text_content(Some(text));
    e
}

pub fn button(label: &str, class: &str) -> HtmlElement {
    let b = el_text("button", class, label);
    b.set_attribute("type", "button").ok();
    b
}

pub fn input(kind: &str, class: &str) -> HtmlInputElement {
    let i: HtmlInputElement = el("input", class).unchecked_into();
    i.set_type(kind);
    i
}

pub fn attr(e: &Element, name: &str, value: &str) {
    e.set_attribute(name, value).ok();
}

pub fn append(parent: &Element, child: &Element) {
    parent.append_child(child).ok();
}

pub fn append_text(parent: &Element, text: &str) {
    parent.append_child(&document().create_text_node(text)).ok();
}

pub fn clear(e: &Element) {
    while let Some(c) = e.first_child() {
        e.remove_child(&c).ok();
    }
}

/// Listens for an event for the life of the page.
pub fn on<T: JsCast + 'static>(target: &EventTarget, name: &str, mut f: impl FnMut(T) + 'static) {
    listen(target, name, Box::new(move |e: Event| f(e.unchecked_into::<T>())));
}

/// An event handler behind a `dyn` whose only method is the call. A `dyn FnMut` per handler would
/// also carry `FnOnce::call_once` in its vtable: a shim that nothing calls, often with a second
/// copy of the handler's body inlined (BENCHMARKS.md, "Size (session 7, page code)").
trait Handler {
    fn handle(&mut self, e: Event);
}

impl<F: FnMut(Event)> Handler for F {
    fn handle(&mut self, e: Event) {
        self(e)
    }
}

/// [`on`] past the handler's own type: wasm-bindgen's closure glue (the JS-callable shim, its
/// drop and its description) is made once for `Box<dyn FnMut(Event)>` instead of once per
/// handler, ~25 of them in the page (BENCHMARKS.md, "Size (session 6)").
fn listen(target: &EventTarget, name: &str, mut handler: Box<dyn Handler>) {
    let cb = Closure::wrap(Box::new(move |e: Event| handler.handle(e)) as Box<dyn FnMut(Event)>);
    target.add_event_listener_with_callback(name, cb.as_ref().unchecked_ref()).ok();
    cb.forget();
}

/// Runs `f` once after `ms` milliseconds; returns the timer id for `clearTimeout`.
pub fn timeout(ms: i32, f: impl FnOnce() + 'static) -> i32 {
    run_after(ms, Box::new(f))
}

/// [`timeout`] with one closure type for wasm-bindgen's glue, as [`listen`].
fn run_after(ms: i32, f: Box<dyn FnOnce()>) -> i32 {
    let cb = Closure::once_into_js(f);
    window().set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms).unwrap_or(0)
}

/// Runs `f` once the next frame has been painted: after an animation frame, in the first task
/// that follows it. A hidden tab paints no frames: there `f` runs after [`PAINT_FALLBACK_MS`].
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let f = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let once = f.clone();
    let cb = Closure::once_into_js(Box::new(move || {
        timeout(0, move || once.take().into_iter().for_each(|f| f()));
    }) as Box<dyn FnOnce()>);
    window().request_animation_frame(cb.unchecked_ref()).ok();
    timeout(PAINT_FALLBACK_MS, move || f.take().into_iter().for_each(|f| f()));
}

/// How long [`after_next_paint`] waits for a frame before it runs anyway.
pub const PAINT_FALLBACK_MS: i32 = 500;

pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// A User Timing mark (`performance.mark`): where the page's start goes, for the devtools and
/// `bench/page-breakdown.mjs`. Costs a few microseconds.
pub fn mark(name: &str) {
    if let Some(p) = window().performance() {
        p.mark(name).ok();
    }
}

/// Offers `content` as a file download, without any network.
pub fn download(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let a: web_sys::HtmlAnchorElement = el("a", "").unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    document().body().expect("body").append_child(&a).ok();
    a.click();
    a.remove();
    timeout(10_000, move || {
        web_sys::Url::revoke_object_url(&url).ok();
    });
}

pub fn log(msg: &str) {
    web_sys::console::log_1(&JsValue::from_str(msg));
}
