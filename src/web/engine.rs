//! The page's analysis worker (`www/worker.js`) and what happens when it is slow or dies.
//!
//! - One request at a time is in flight. New text while an analysis runs: if it has run for
//!   less than [`ABANDON_AFTER_MS`] the new text waits for it (its reply is dropped as stale);
//!   otherwise the worker is terminated and a fresh one started, so a long analysis of old text
//!   never delays the new one. Every reply carries the request's sequence number and the page
//!   shows only the reply to the newest request: a stale result is never shown.
//! - A worker that dies (a panic in the engine, an uncaught error) is replaced by a fresh one;
//!   the page keeps the text and says what happened.
//!
//! Events of a terminated worker are ignored: each worker has its own generation number.

use super::dom::on;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

/// An analysis younger than this is left to finish when the text changes (starting a worker
/// costs more); an older one is abandoned.
pub const ABANDON_AFTER_MS: f64 = 150.0;

/// What a worker said.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// The engine is loaded and takes requests.
    Ready,
    /// The worker could not load the engine (no module workers, the wasm did not load).
    StartFailed(String),
    /// The analysis of request `seq` (the output as JSON, or `{"error": …}`).
    Done { seq: u32, json: String, ms: f64 },
    /// The engine panicked or threw on request `seq`; the worker is gone.
    Crashed { seq: u32, message: String },
    /// An uncaught error in the worker (after it started: a crash; before: it could not start).
    Error(String),
}

/// The request being analysed.
#[derive(Debug, Clone)]
pub struct InFlight {
    pub seq: u32,
    pub started: f64,
    /// The request's JSON, to recognise a second crash on the same text.
    pub request: String,
}

pub struct Engine {
    url: String,
    worker: Option<Worker>,
    /// Generation of the current worker; events of older ones are ignored.
    pub generation: u32,
    /// The current worker has loaded the engine.
    pub ready: bool,
    pub in_flight: Option<InFlight>,
    /// Workers started so far (1 for the first), for the status and the tests.
    pub starts: u32,
    /// A plain function, not an `Rc<dyn Fn>`: the page's needs nothing captured, and a `dyn Fn`'s
    /// vtable would carry `call_mut` and `call_once` shims with copies of its body.
    on_reply: fn(u32, Reply),
}

impl Engine {
    /// Starts a worker from `url`; `on_reply(generation, reply)` hears everything it says.
    pub fn start(url: String, on_reply: fn(u32, Reply)) -> Option<Engine> {
        let mut engine =
            Engine { url, worker: None, generation: 0, ready: false, in_flight: None, starts: 0, on_reply };
        engine.spawn().then_some(engine)
    }

    /// Terminates the current worker (if any) and starts a fresh one.
    pub fn spawn(&mut self) -> bool {
        self.terminate();
        self.generation += 1;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let Ok(worker) = Worker::new_with_options(&self.url, &options) else { return false };
        // The worker instantiates the module this page has already compiled instead of fetching and
        // compiling it again (www/worker.js waits for this first message).
        let module = js_sys::Object::new();
        js_sys::Reflect::set(&module, &"module".into(), &wasm_bindgen::module()).ok();
        worker.post_message(&module).ok();
        let generation = self.generation;
        let on_reply = self.on_reply;
        on::<MessageEvent>(&worker, "message", move |e| on_reply(generation, parse(&e.data())));
        let on_reply = self.on_reply;
        on::<Event>(&worker, "error", move |e| {
            // An ErrorEvent (read by name: its type needs a web-sys feature we do without).
            let message =
                js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default();
            on_reply(
                generation,
                Reply::Error(if message.is_empty() { "the worker stopped".to_string() } else { message }),
            );
        });
        let on_reply = self.on_reply;
        on::<Event>(&worker, "messageerror", move |_| {
            on_reply(generation, Reply::Error("a message from the worker could not be read".to_string()))
        });
        self.worker = Some(worker);
        self.starts += 1;
        true
    }

    /// Stops the current worker at once, whatever it is doing.
    pub fn terminate(&mut self) {
        if let Some(w) = self.worker.take() {
            w.terminate();
        }
        self.ready = false;
        self.in_flight = None;
    }

    /// Sends a request; false if the worker is gone.
    pub fn post(&mut self, seq: u32, request: &str, now: f64) -> bool {
        let Some(worker) = &self.worker else { return false };
        let msg = js_sys::Object::new();
        js_sys::Reflect::set(&msg, &"seq".into(), &JsValue::from(seq)).ok();
        js_sys::Reflect::set(&msg, &"request".into(), &JsValue::from_str(request)).ok();
        if worker.post_message(&msg).is_err() {
            return false;
        }
        self.in_flight = Some(InFlight { seq, started: now, request: request.to_string() });
        true
    }
}

fn parse(data: &JsValue) -> Reply {
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined());
    // The worker sends strings; anything else is shown as JSON (not `{:?}`: see `dom::el`).
    let text = |k: &str| {
        get(k).map(|v| v.as_string().or_else(|| js_sys::JSON::stringify(&v).ok().map(String::from)).unwrap_or_default())
    };
    let seq = get("seq").and_then(|v| v.as_f64()).map(|s| s as u32).unwrap_or(u32::MAX);
    if get("ready").is_some() {
        Reply::Ready
    } else if let Some(message) = text("startFailed") {
        Reply::StartFailed(message)
    } else if let Some(message) = text("crashed") {
        Reply::Crashed { seq, message }
    } else {
        // UTF-8 bytes from the worker (copied once, into wasm memory); a string is read as well.
        let json = match get("json").map(|v| v.dyn_into::<js_sys::Uint8Array>()) {
            Some(Ok(bytes)) => String::from_utf8(bytes.to_vec())
                .unwrap_or_else(|_| super::error_json("the worker's reply is not UTF-8")),
            _ => text("json").unwrap_or_default(),
        };
        let ms = get("ms").and_then(|v| v.as_f64()).unwrap_or(0.0);
        Reply::Done { seq, json, ms }
    }
}
