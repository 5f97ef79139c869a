//! The ClaimLens page: one pane per article, highlights over the text as it is typed, a legend
//! with toggles, cards, a side panel with tabs, keyboard navigation, persistence, permalinks,
//! file drops and exports. Analysis runs in a Web Worker (debounced); where no worker can start
//! (e.g. `file://`) it runs on the main thread.

use super::dom::{self, append, append_text, attr, button, clear, el, el_text, input, on};
use super::engine::{self, Engine, Reply};
use super::findings::{self, Class, ClassSet, Finding};
use super::io::{self, SavedPane};
use super::json::{self, Object};
use super::model::{DocSpan, Output};
use super::reader::{list, option, string, Reader};
use super::textmap::{self, TextMap};
use super::{example, highlight, view};
use crate::decimal;
use crate::output::OffsetUnit;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DragEvent, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, MouseEvent};

/// The highlight layer the page owns in the shared registry.
const PAGE_LAYER: u32 = 0;
const STORAGE_KEY: &str = "claimlens.panes.v1";
const HIDDEN_KEY: &str = "claimlens.hidden.v1";
/// Set while an analysis runs on the page thread, removed when it returns. Still set at the next
/// start means that analysis never returned (a panic kills the page's wasm, or the tab was closed
/// mid-way): that start sends the first analysis to the worker, which survives a crash, instead
/// of crashing the page again on the same restored text. Removed once any analysis succeeds.
const PAGE_ANALYSIS_KEY: &str = "claimlens.page-analysis.v1";
/// Quiet time after the last keystroke before the text is analysed again.
const DEBOUNCE_MS: i32 = 250;
/// An analysis running longer than this shows its elapsed time in the status line.
const PROGRESS_AFTER_MS: i32 = 500;
const PROGRESS_EVERY_MS: i32 = 1000;
/// Texts up to this size are saved on every edit, not only when analysed (a crash or reload
/// during the debounce then loses nothing); bigger ones are saved when the analysis starts.
const SAVE_ON_EDIT_LIMIT: usize = 200_000;
/// Up to this many shown findings every highlight is drawn at once; above, only those near the
/// part of each text on screen, redrawn as it scrolls. Chromium's frame after a change of
/// highlights grows faster than the number of ranges (1 MB of news, 75,000 ranges: 2.4 s of
/// pre-paint; 2 MB: 7.7 s; BENCHMARKS.md "Huge pastes on the page").
const DRAW_ALL_UP_TO: usize = 4_000;
/// Highlights are drawn this far (UTF-16 units) before and after the text on screen, at least as
/// much again as is on screen: a scroll of a screen or two finds them already drawn.
const DRAW_MARGIN: usize = 12_000;
/// Side-panel entries drawn at once; "Show more" (or j past the last one) draws as many again.
const ROWS_PER_PAGE: usize = 200;
/// How often a scroll checks whether the drawn highlights still cover the text on screen.
const SCROLL_CHECK_MS: i32 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Contradictions,
    Numbers,
    Sources,
    Corroborations,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Contradictions, Tab::Numbers, Tab::Sources, Tab::Corroborations];
    fn label(self) -> &'static str {
        match self {
            Tab::Contradictions => "Contradictions",
            Tab::Numbers => "Numbers",
            Tab::Sources => "Sources",
            Tab::Corroborations => "Corroborations",
        }
    }
    fn key(self) -> &'static str {
        match self {
            Tab::Contradictions => "contradictions",
            Tab::Numbers => "numbers",
            Tab::Sources => "sources",
            Tab::Corroborations => "corroborations",
        }
    }
}

struct Pane {
    id: u32,
    root: HtmlElement,
    name: HtmlInputElement,
    date: HtmlInputElement,
    editor: HtmlElement,
    backdrop: HtmlElement,
    summary: HtmlElement,
    /// A problem with this article (an invalid publication date), shown above its text.
    notice: HtmlElement,
}

impl Pane {
    /// The article as the reader wrote it. Editing adds one line break at the very end whenever
    /// the text would otherwise end on an empty line, or after text with a line break was pasted
    /// or typed at the end (Chromium adds "\n", Firefox a `<br>`), so that last line shows: that
    /// break is not part of the text.
    fn text(&self) -> String {
        let mut text = TextMap::build(&self.editor, "\n").text;
        if text.ends_with('\n') {
            text.pop();
        }
        text
    }

    fn set_text(&self, text: &str) {
        clear(&self.editor);
        if !text.is_empty() {
            // A text that ends with a line break gets the extra one editing would add (see `text`).
            let shown = if text.ends_with('\n') { format!("{text}\n") } else { text.to_string() };
            self.editor.append_child(&dom::document().create_text_node(&shown)).ok();
        }
    }

    fn saved(&self) -> SavedPane {
        SavedPane { name: self.name.value(), date: self.date.value(), text: self.text() }
    }

    fn set_notice(&self, message: Option<&str>) {
        self.notice.set_text_content(message);
        self.notice.set_hidden(message.is_none());
    }

    /// Checks the date field: the browser empties its value when the entry is not a real day
    /// (`validity.badInput`), which would otherwise drop the date silently.
    fn check_date(&self) {
        let validity = js_sys::Reflect::get(&self.date, &"validity".into()).unwrap_or(JsValue::UNDEFINED);
        let bad = js_sys::Reflect::get(&validity, &"badInput".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        self.set_notice(bad.then_some(
            "The publication date is not a valid day (YYYY-MM-DD): fix or clear it. Until then this article has no date, so its relative dates (\"yesterday\") use the cluster's date or none.",
        ));
    }
}

/// One entry of the side panel's open tab.
#[derive(Debug, Clone, Copy)]
enum Row {
    /// `contradictions[i]`
    Contradiction(usize),
    /// `documents[doc].numbers[i]`
    Number(usize, usize),
    /// `App::speakers[i]`
    Speaker(usize),
    /// `corroborations[i]`
    Corroboration(usize),
}

/// A speaker of the Sources tab, with their statements counted.
struct Speaker {
    name: String,
    kind: String,
    anonymous: bool,
    direct: usize,
    indirect: usize,
    articles: Vec<usize>,
    first: DocSpan,
}

struct App {
    panes_el: HtmlElement,
    /// Says when a text is so long that its highlights are drawn only around the part on screen.
    partial_note: HtmlElement,
    status: HtmlElement,
    /// Problems the reader must see (a file that is not text, a crashed engine), until dismissed.
    alert: HtmlElement,
    legend: HtmlElement,
    tabs: Vec<(Tab, HtmlElement)>,
    tabpanel: HtmlElement,
    card: HtmlElement,
    panes: Vec<Pane>,
    next_id: u32,
    output: Option<Rc<Output>>,
    findings: Vec<Finding>,
    hidden: ClassSet,
    tab: Tab,
    seq: u32,
    timer: Option<i32>,
    /// The analysis worker; none: analyse on the page.
    engine: Option<Engine>,
    /// New text arrived while a young analysis ran: analyse again when it replies.
    queued: bool,
    /// Analyses abandoned because the text changed (for the tests: `data-abandoned`).
    abandoned: u32,
    /// The request the engine last crashed on: a second crash on it stops the retries.
    crashed_request: Option<String>,
    /// A page-thread analysis of an earlier visit never returned (its marker was left in storage):
    /// the marker is removed once an analysis succeeds.
    page_marker_left: bool,
    /// The progress timer of a long analysis.
    ticker: Option<i32>,
    /// The last save failed (storage full): the reader was told.
    save_failed: bool,
    /// Hash of each big text as last stored under its own key (none: stored inline or unknown).
    stored_hashes: Vec<Option<u64>>,
    sent_texts: Vec<String>,
    sent_at: f64,
    /// The focusable entries of the open tab, in order.
    nav: Vec<HtmlElement>,
    current: Option<DocSpan>,
    card_pinned: bool,
    hover_key: Option<(usize, usize)>,
    fallback: bool,
    /// Each pane's text map (by pane id) while its text is unchanged: building one copies the
    /// whole text out of the DOM, megabytes for a huge paste, on every redraw and mouse move.
    maps: RefCell<Vec<(u32, Rc<TextMap>)>>,
    /// Too many findings to draw at once: the UTF-16 span of each pane whose highlights are drawn.
    drawn: Option<Vec<std::ops::Range<usize>>>,
    /// A check of the drawn spans against the scrolled text is scheduled.
    scroll_check: bool,
    /// The open tab's entries, the first drawn and the end of those drawn, where they go and the
    /// pager below them.
    rows: Vec<Row>,
    rows_drawn: usize,
    rows_start: usize,
    rows_parent: Option<HtmlElement>,
    more: Option<HtmlElement>,
    speakers: Vec<Speaker>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the page state; does nothing if the page is not started or is busy (re-entry).
fn with<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|cell| match cell.try_borrow_mut() {
        Ok(mut app) => app.as_mut().map(f),
        Err(_) => {
            dom::log("claimlens: page state busy, event skipped");
            None
        }
    })
}

/// Builds the page inside `root`. `worker_url` is the analysis worker script (none: analyse on
/// the main thread). A small first cluster is analysed on the page before the worker starts.
pub fn start(root: &Element, worker_url: Option<String>) {
    clear(root);
    let header = el("header", "cl-header");
    let title = el("div", "cl-title");
    append(&title, &el_text("h1", "", "ClaimLens"));
    append(
        &title,
        &el_text(
            "p",
            "cl-tagline",
            "Numbers, sources and contradictions across articles about one event. Runs in your browser: nothing is sent anywhere.",
        ),
    );
    append(&header, &title);
    let toolbar = el("div", "cl-toolbar");
    attr(&toolbar, "role", "toolbar");
    attr(&toolbar, "aria-label", "Cluster actions");
    let buttons: Vec<(&str, &str, &str)> = vec![
        ("add", "Add article", "Add an empty article pane"),
        ("example", "Example", "Load the built-in example cluster"),
        ("permalink", "Permalink", "Put the whole cluster in the address bar"),
        ("export-json", "JSON", "Export findings as JSON"),
        ("export-csv", "CSV", "Export findings as CSV, one row per finding"),
        ("export-anno", "Annotations", "Export findings as W3C Web Annotations (JSON-LD)"),
        ("clear", "Clear", "Remove every article"),
    ];
    for (action, label, title) in buttons {
        let b = button(label, &format!("cl-btn cl-btn-{action}"));
        attr(&b, "data-action", action);
        attr(&b, "title", title);
        on::<Event>(&b, "click", move |_| toolbar_action(action));
        append(&toolbar, &b);
    }
    append(&header, &toolbar);
    let status = el_text("p", "cl-status", "Starting…");
    attr(&status, "role", "status");
    attr(&status, "aria-live", "polite");
    append(&header, &status);
    let alert = el("div", "cl-alert");
    attr(&alert, "role", "alert");
    alert.set_hidden(true);
    append(&alert, &el("span", "cl-alert-text"));
    let dismiss = button("Dismiss", "cl-btn cl-alert-dismiss");
    on::<Event>(&dismiss, "click", |_| {
        with(|app| app.alert.set_hidden(true));
    });
    append(&alert, &dismiss);
    append(&header, &alert);
    append(root, &header);

    let layout = el("div", "cl-layout");
    let main = el("main", "cl-main");
    let hidden = load_hidden();
    let hidden_for_legend = hidden;
    let legend = view::legend(move |c| !hidden_for_legend.contains(&c), Rc::new(toggle_class));
    append(&main, &legend);
    let partial_note = el("p", "cl-partial-note");
    partial_note.set_hidden(true);
    append(&main, &partial_note);
    let panes_el = el("div", "cl-panes");
    attr(&panes_el, "aria-label", "Articles");
    append(&main, &panes_el);
    append(
        &main,
        &el_text(
            "p",
            "cl-hint",
            "Paste several articles at once, separated by a line of --- or two blank lines; drop .txt, .html or .md files. \
             Keys: j / k or arrows move through the findings of the open tab, Enter opens a card, Esc leaves a text or closes a card, 1–7 toggle kinds.",
        ),
    );
    append(&layout, &main);

    let side = el("aside", "cl-side");
    attr(&side, "aria-label", "Findings");
    let tablist = el("div", "cl-tabs");
    attr(&tablist, "role", "tablist");
    attr(&tablist, "aria-label", "Findings by kind");
    let tabpanel = el("div", "cl-tabpanel");
    attr(&tabpanel, "role", "tabpanel");
    attr(&tabpanel, "id", "cl-tabpanel");
    attr(&tabpanel, "tabindex", "-1");
    let mut tabs = Vec::new();
    for tab in Tab::ALL {
        let b = button(tab.label(), "cl-tab");
        attr(&b, "role", "tab");
        attr(&b, "id", &format!("cl-tab-{}", tab.key()));
        attr(&b, "aria-controls", "cl-tabpanel");
        attr(&b, "data-tab", tab.key());
        on::<Event>(&b, "click", move |_| {
            with(|app| app.set_tab(tab));
        });
        append(&tablist, &b);
        tabs.push((tab, b));
    }
    append(&side, &tablist);
    append(&side, &tabpanel);
    append(&layout, &side);
    append(root, &layout);

    let card = el("div", "cl-card");
    attr(&card, "role", "dialog");
    attr(&card, "id", "cl-card");
    attr(&card, "aria-label", "Finding details");
    card.set_hidden(true);
    append(&dom::document().body().expect("body"), &card);

    let fallback = !highlight::supported();
    if fallback {
        root.class_list().add_1("cl-no-highlight-api").ok();
    }
    let app = App {
        panes_el,
        partial_note,
        status,
        alert,
        legend,
        tabs,
        tabpanel,
        card,
        panes: Vec::new(),
        next_id: 1,
        output: None,
        findings: Vec::new(),
        hidden,
        tab: Tab::Contradictions,
        seq: 0,
        timer: None,
        engine: None,
        queued: false,
        abandoned: 0,
        crashed_request: None,
        page_marker_left: false,
        ticker: None,
        save_failed: false,
        stored_hashes: Vec::new(),
        sent_texts: Vec::new(),
        sent_at: 0.0,
        nav: Vec::new(),
        current: None,
        card_pinned: false,
        hover_key: None,
        fallback,
        maps: RefCell::new(Vec::new()),
        drawn: None,
        scroll_check: false,
        rows: Vec::new(),
        rows_drawn: 0,
        rows_start: 0,
        rows_parent: None,
        more: None,
        speakers: Vec::new(),
    };
    APP.with(|cell| *cell.borrow_mut() = Some(app));
    wire_global_events();

    let hash = dom::window().location().hash().unwrap_or_default();
    let from_link = io::parse_permalink(&hash);
    if from_link.is_none() && hash.starts_with("#cluster=") {
        with(|app| app.show_alert(BAD_PERMALINK));
    }
    let initial = from_link
        .map(|p| (p, "Loaded the cluster from the permalink."))
        .or_else(|| load_saved().map(|p| (p, "Restored your articles from this browser.")))
        .unwrap_or_else(|| (example_panes(), "Loaded the example cluster: three articles about one invented event."));
    // A small cluster (the example, most restored or linked ones) is analysed first right here:
    // this thread's wasm is ready now, while a worker must still start a thread, load the glue and
    // instantiate the module before it analyses (on the 2-core machine that put the highlights
    // ~150 ms later). The worker starts once that first result is painted, so it does not compete
    // with it for the cores, and takes every re-analysis (typing never waits); it reuses the code
    // this first analysis compiled. A big cluster goes to the worker at once: the page must not
    // freeze on it.
    //
    // The text is painted first (the whole page's first style and layout, before the analysis sets
    // V8 compiling its hot functions on the other core), then analysed in the next task: the
    // highlights' frame then only restyles what changed.
    let text_bytes: usize = initial.0.iter().map(|p| p.text.len()).sum();
    let page_analysis_never_returned = storage().and_then(|s| s.get_item(PAGE_ANALYSIS_KEY).ok().flatten()).is_some();
    let first_on_page = text_bytes <= FIRST_ON_PAGE_MAX_BYTES && !page_analysis_never_returned;
    with(|app| {
        app.set_panes(&initial.0);
        app.set_tab(Tab::Contradictions);
        app.set_status(initial.1);
        app.page_marker_left = page_analysis_never_returned;
        dom::mark("claimlens:page-built");
        if first_on_page {
            app.set_state("analysing");
        } else {
            app.start_engine(worker_url.clone());
            app.run();
        }
    });
    if first_on_page {
        dom::after_next_paint(move || {
            dom::mark("claimlens:text-painted");
            with(|app| {
                // Text typed meanwhile has scheduled its own analysis (on the page: no worker yet).
                if app.seq == 0 {
                    app.run();
                }
            });
            dom::after_next_paint(move || {
                with(|app| app.start_engine(worker_url));
            });
        });
    }
}

/// Texts up to this size (bytes, all articles) are first analysed on the page. The first analysis
/// costs ~150–200 ms of compiling whatever the size; the text itself adds well under 1 ms per KB.
const FIRST_ON_PAGE_MAX_BYTES: usize = 20_000;

fn example_panes() -> Vec<SavedPane> {
    example::EXAMPLE
        .iter()
        .map(|(name, date, text)| SavedPane {
            name: name.to_string(),
            date: date.to_string(),
            text: text.trim().to_string(),
        })
        .collect()
}

fn storage() -> Option<web_sys::Storage> {
    dom::window().local_storage().ok().flatten()
}

/// A pane as kept in localStorage. A big text lives under its own key (`text_key`) and is
/// written only when it changed: writing localStorage blocks the page (3 MB took 100–390 ms),
/// so renaming an article beside a huge one must not rewrite the huge one.
#[derive(Debug, Default, PartialEq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize), serde(default))]
struct StoredPane {
    name: String,
    date: String,
    text: String,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    text_key: Option<String>,
}

/// Texts longer than this (bytes) are stored under their own key.
const OWN_KEY_ABOVE: usize = 64_000;

fn text_key(i: usize) -> String {
    format!("{STORAGE_KEY}.text.{i}")
}

fn text_hash(text: &str) -> u64 {
    // FxHash, as the engine's tables: this runs over megabytes on each save; no adversary here.
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    text.hash(&mut h);
    h.finish()
}

/// The panes as `save` writes them (a JSON array of `StoredPane`).
fn read_stored_panes(json: &str) -> Result<Vec<StoredPane>, String> {
    let mut r = Reader::new(json);
    let panes = list(&mut r, |r| {
        let mut pane = StoredPane::default();
        r.object(&mut |r, key| {
            match key {
                "name" => pane.name = string(r)?,
                "date" => pane.date = string(r)?,
                "text" => pane.text = string(r)?,
                "text_key" => pane.text_key = option(r, Reader::string)?,
                _ => r.skip()?,
            }
            Ok(())
        })?;
        Ok(pane)
    })?;
    r.end()?;
    Ok(panes)
}

fn load_saved() -> Option<Vec<SavedPane>> {
    let storage = storage()?;
    let raw = storage.get_item(STORAGE_KEY).ok()??;
    let stored = read_stored_panes(&raw).ok()?;
    let panes = stored.into_iter().map(|p| {
        let text = match &p.text_key {
            Some(key) => storage.get_item(key).ok().flatten().unwrap_or_default(),
            None => p.text,
        };
        SavedPane { name: p.name, date: p.date, text }
    });
    Some(panes.collect())
}

fn load_hidden() -> ClassSet {
    let raw = storage().and_then(|s| s.get_item(HIDDEN_KEY).ok().flatten()).unwrap_or_default();
    raw.split(',').filter_map(Class::from_key).collect()
}

const BAD_PERMALINK: &str =
    "The permalink in the address is damaged or cut short, so it could not be read: your saved articles (or the example) are shown instead.";

fn toolbar_action(action: &str) {
    match action {
        "add" => {
            let editor = with(|app| {
                let editor = app.add_pane(&SavedPane::default()).editor.clone();
                app.schedule();
                editor
            });
            if let Some(e) = editor {
                e.focus().ok();
            }
        }
        "example" => {
            with(|app| {
                if app.has_text() && !confirm("Replace the articles with the example? Their text will be lost.") {
                    return;
                }
                app.set_panes(&example_panes());
                app.run();
            });
        }
        "permalink" => {
            with(|app| app.permalink());
        }
        "export-json" | "export-csv" | "export-anno" => {
            with(|app| app.export(action));
        }
        "clear" => {
            with(|app| {
                if app.has_text() && !confirm("Clear every article? Their text will be lost.") {
                    return;
                }
                app.set_panes(&[SavedPane::default()]);
                let _ = dom::window().history().map(|h| h.replace_state_with_url(&JsValue::NULL, "", Some("#")));
                app.run();
                app.set_status("Cleared. Paste or type an article.");
            });
        }
        _ => {}
    }
}

fn confirm(message: &str) -> bool {
    dom::window().confirm_with_message(message).unwrap_or(false)
}

fn toggle_class(class: Class, shown: bool) {
    with(|app| {
        if shown {
            app.hidden.remove(&class);
        } else {
            app.hidden.insert(class);
        }
        let keys: Vec<&str> = app.hidden.iter().map(|c| c.key()).collect();
        if let Some(s) = storage() {
            s.set_item(HIDDEN_KEY, &keys.join(",")).ok();
        }
        app.render_highlights();
        view::update_legend(&app.legend, &app.findings, |c| !app.hidden.contains(&c));
    });
}

fn is_text_field(e: &Element) -> bool {
    matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || e.closest("[contenteditable]").ok().flatten().is_some()
}

fn wire_global_events() {
    let doc = dom::document();
    on::<KeyboardEvent>(&doc, "keydown", |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let target: Option<Element> = e.target().and_then(|t| t.dyn_into().ok());
        let in_field = target.as_ref().is_some_and(is_text_field);
        let key = e.key();
        if in_field {
            if key == "Escape" {
                // Focus outside the state borrow: the item's focus handler needs the state.
                if let Some(item) = with(|app| app.leave_text()) {
                    item.focus().ok();
                }
            }
            return;
        }
        let on_tab = target.as_ref().and_then(|t| t.get_attribute("role")).as_deref() == Some("tab");
        let handled = match key.as_str() {
            "ArrowLeft" | "ArrowRight" if on_tab => {
                with(|app| app.cycle_tab(if key == "ArrowRight" { 1 } else { -1 }));
                true
            }
            "j" | "ArrowDown" | "ArrowRight" | "k" | "ArrowUp" | "ArrowLeft" => {
                let delta = if matches!(key.as_str(), "j" | "ArrowDown" | "ArrowRight") { 1 } else { -1 };
                let next = with(|app| app.step(delta)).flatten();
                next.map(|item| item.focus().ok()).is_some()
            }
            "Escape" => {
                with(|app| app.hide_card());
                true
            }
            d if d.len() == 1 && ("1"..="7").contains(&d) => {
                let class = Class::ALL[d.parse::<usize>().unwrap_or(1) - 1];
                let shown = with(|app| app.hidden.contains(&class)).unwrap_or(false);
                toggle_class(class, shown);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
    on::<MouseEvent>(&doc, "mousedown", |e| {
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(".cl-card, .cl-item").ok().flatten());
        if inside.is_none() {
            with(|app| {
                if app.card_pinned {
                    app.hide_card();
                }
            });
        }
    });
    on::<Event>(&dom::window(), "pagehide", |_| {
        with(|app| {
            let saved = app.saved();
            app.save(&saved);
        });
    });
    on::<Event>(&dom::window(), "hashchange", |_| {
        let hash = dom::window().location().hash().unwrap_or_default();
        if let Some(panes) = io::parse_permalink(&hash) {
            with(|app| {
                app.set_panes(&panes);
                app.run();
                app.set_status("Loaded the cluster from the permalink.");
            });
        } else if hash.starts_with("#cluster=") {
            with(|app| app.show_alert(BAD_PERMALINK));
        }
    });
    on::<Event>(&dom::window(), "resize", |_| {
        with(|app| {
            app.hide_card();
            app.schedule_scroll_check();
        });
    });
    on::<Event>(&dom::window(), "scroll", |_| {
        with(|app| app.schedule_scroll_check());
    });
}

impl App {
    /// Starts the analysis worker from `url` (none, or it cannot start: analyses run on the page).
    fn start_engine(&mut self, url: Option<String>) {
        let on_reply = |generation, reply| {
            with(|app: &mut App| app.on_engine(generation, reply));
        };
        self.engine = url.and_then(|url| Engine::start(url, on_reply));
        let starts = self.engine.as_ref().map_or(0, |e| e.starts);
        attr(&self.panes_el, "data-engine-starts", &starts.to_string());
    }

    fn set_status(&self, text: &str) {
        self.status.set_text_content(Some(text));
        self.status.remove_attribute("data-busy").ok();
    }

    /// Shows a problem in the alert line (role=alert: screen readers announce it) until dismissed.
    fn show_alert(&self, message: &str) {
        if let Ok(Some(text)) = self.alert.query_selector(".cl-alert-text") {
            text.set_text_content(Some(message));
        }
        self.alert.set_hidden(false);
    }

    /// Keeps the texts in this browser; tells the reader once when the storage refuses them.
    fn save(&mut self, saved: &[SavedPane]) {
        let Some(storage) = storage() else { return };
        let mut result = Ok(());
        let mut entries = Vec::with_capacity(saved.len());
        let mut hashes = Vec::with_capacity(saved.len());
        for (i, p) in saved.iter().enumerate() {
            let (name, date) = (p.name.clone(), p.date.clone());
            if p.text.len() <= OWN_KEY_ABOVE {
                entries.push(StoredPane { name, date, text: p.text.clone(), text_key: None });
                hashes.push(None);
                continue;
            }
            let hash = text_hash(&p.text);
            if self.stored_hashes.get(i).copied().flatten() != Some(hash) {
                result = result.and(storage.set_item(&text_key(i), &p.text));
            }
            hashes.push(Some(hash));
            entries.push(StoredPane { name, date, text: String::new(), text_key: Some(text_key(i)) });
        }
        for (i, old) in self.stored_hashes.iter().enumerate() {
            if old.is_some() && hashes.get(i).copied().flatten().is_none() {
                storage.remove_item(&text_key(i)).ok();
            }
        }
        // `[{"name","date","text"(,"text_key")}…]`: the fields in order, `text_key` only when set.
        let json = json::to_string(|w| {
            json::list(w, &entries, |w, e| {
                let mut o = Object::open(w);
                o.leaf("name", &e.name).leaf("date", &e.date).leaf("text", &e.text);
                if let Some(key) = &e.text_key {
                    o.leaf("text_key", key);
                }
                o.close();
            })
        });
        result = result.and(storage.set_item(STORAGE_KEY, &json));
        let bytes: usize = saved.iter().map(|p| p.text.len()).sum();
        self.stored_hashes = if result.is_ok() { hashes } else { Vec::new() };
        match result {
            Ok(()) => self.save_failed = false,
            Err(_) if !self.save_failed => {
                self.save_failed = true;
                self.show_alert(&format!(
                    "This browser refused to keep {} of text (its storage is full or off): the text stays in this tab, but a reload would bring back an older version. Use Permalink or an export to keep it.",
                    size_label(bytes)
                ));
            }
            Err(_) => {}
        }
    }

    fn has_text(&self) -> bool {
        self.panes.iter().any(|p| !p.text().trim().is_empty())
    }

    fn saved(&self) -> Vec<SavedPane> {
        self.panes.iter().map(Pane::saved).collect()
    }

    fn display_name(&self, i: usize) -> String {
        let name = self.panes[i].name.value();
        if name.trim().is_empty() {
            format!("Article {}", i + 1)
        } else {
            name.trim().to_string()
        }
    }

    fn set_panes(&mut self, panes: &[SavedPane]) {
        self.maps.borrow_mut().clear();
        for p in self.panes.drain(..) {
            p.root.remove();
        }
        let panes: Vec<SavedPane> = if panes.is_empty() { vec![SavedPane::default()] } else { panes.to_vec() };
        for p in &panes {
            self.add_pane(p);
        }
        self.output = None;
        self.findings.clear();
        self.current = None;
        self.hide_card();
    }

    fn add_pane(&mut self, saved: &SavedPane) -> &Pane {
        let id = self.next_id;
        self.next_id += 1;
        let number = self.panes.len() + 1;
        let root = el("section", "cl-pane");
        attr(&root, "data-pane", &id.to_string());
        let head = el("div", "cl-pane-head");
        let name = input("text", "cl-name");
        name.set_placeholder(&format!("Article {number}"));
        name.set_value(&saved.name);
        attr(&name, "aria-label", "Article name");
        let date = input("date", "cl-date");
        date.set_value(&saved.date);
        attr(&date, "aria-label", "Publication date");
        attr(&date, "title", "Publication date: relative dates (\"yesterday\") resolve against it");
        let remove = button("×", "cl-remove");
        attr(&remove, "aria-label", "Remove this article");
        attr(&remove, "title", "Remove this article");
        append(&head, &name);
        append(&head, &date);
        append(&head, &remove);
        append(&root, &head);
        let wrap = el("div", "cl-editor-wrap");
        let backdrop = el("div", "cl-backdrop");
        attr(&backdrop, "aria-hidden", "true");
        let editor = el("div", "cl-editor");
        attr(&editor, "contenteditable", "plaintext-only");
        attr(&editor, "role", "textbox");
        attr(&editor, "aria-multiline", "true");
        attr(&editor, "aria-label", "Article text");
        attr(&editor, "spellcheck", "false");
        attr(&editor, "data-placeholder", "Paste or type an article, or drop a .txt, .html or .md file…");
        append(&wrap, &backdrop);
        append(&wrap, &editor);
        append(&root, &wrap);
        let summary = el("p", "cl-pane-summary");
        append(&root, &summary);
        let notice = el("p", "cl-pane-notice");
        attr(&notice, "role", "alert");
        notice.set_hidden(true);
        root.insert_before(&notice, Some(&wrap)).ok();
        self.panes_el.append_child(&root).ok();

        on::<Event>(&editor, "input", move |_| {
            with(|app| app.edited(id));
        });
        on::<ClipboardEvent>(&editor, "paste", move |e| on_paste(id, e));
        on::<Event>(&name, "input", move |_| {
            with(|app| app.schedule());
        });
        on::<Event>(&date, "change", move |_| {
            with(|app| app.date_changed(id));
        });
        on::<Event>(&date, "blur", move |_| {
            with(|app| app.date_changed(id));
        });
        on::<Event>(&remove, "click", move |_| {
            with(|app| app.remove_pane(id));
        });
        on::<MouseEvent>(&editor, "mousemove", move |e| {
            with(|app| app.hover(id, e.client_x(), e.client_y()));
        });
        on::<MouseEvent>(&editor, "mouseleave", move |_| {
            dom::timeout(400, || {
                with(|app| {
                    if !app.card_pinned && !app.card.matches(":hover").unwrap_or(false) {
                        app.hide_card();
                    }
                });
            });
        });
        wire_drop(&root, id);

        let pane = Pane { id, root, name, date, editor, backdrop, summary, notice };
        pane.set_text(&saved.text);
        if !saved.date.trim().is_empty() && pane.date.value().is_empty() {
            // The browser refused the date (from a permalink or storage): say so instead of dropping it.
            pane.set_notice(Some(&format!(
                "“{}” is not a valid publication date (YYYY-MM-DD, a real day): it was left out, so this article's relative dates (\"yesterday\") use the cluster's date or none.",
                saved.date.trim()
            )));
        }
        self.panes.push(pane);
        self.renumber();
        self.panes.last().expect("pane just added")
    }

    fn renumber(&self) {
        for (i, p) in self.panes.iter().enumerate() {
            let n = i + 1;
            attr(&p.root, "aria-label", &format!("Article {n}"));
            p.name.set_placeholder(&format!("Article {n}"));
            attr(&p.editor, "aria-label", &format!("Text of article {n}"));
        }
    }

    fn pane_index(&self, id: u32) -> Option<usize> {
        self.panes.iter().position(|p| p.id == id)
    }

    fn remove_pane(&mut self, id: u32) {
        let Some(i) = self.pane_index(id) else { return };
        if !self.panes[i].text().trim().is_empty() && !confirm("Remove this article? Its text will be lost.") {
            return;
        }
        let pane = self.panes.remove(i);
        pane.root.remove();
        // Its text map (a copy of the whole text) goes with it.
        self.forget_map(id);
        if self.panes.is_empty() {
            self.add_pane(&SavedPane::default());
        }
        self.renumber();
        self.run();
    }

    /// Fills the first empty pane (or adds one) for each article.
    fn add_articles(&mut self, articles: Vec<SavedPane>) {
        self.maps.borrow_mut().clear();
        for a in articles {
            if let Some(p) = self.panes.iter().find(|p| p.text().trim().is_empty()) {
                p.set_text(&a.text);
                if !a.name.is_empty() {
                    p.name.set_value(&a.name);
                }
            } else {
                self.add_pane(&a);
            }
        }
        self.run();
    }

    fn date_changed(&mut self, id: u32) {
        if let Some(i) = self.pane_index(id) {
            self.panes[i].check_date();
        }
        self.schedule();
    }

    fn edited(&mut self, id: u32) {
        self.forget_map(id);
        if let Some(i) = self.pane_index(id) {
            let pane = &self.panes[i];
            // One text node (as typing leaves it) is plain without reading the text out.
            let children = pane.editor.child_nodes().length();
            let one_text = children == 0
                || (children == 1
                    && pane.editor.first_child().is_some_and(|c| c.node_type() == web_sys::Node::TEXT_NODE));
            if !one_text && !TextMap::build(&pane.editor, "\n").is_plain(&pane.editor) {
                // Typing at an edge can add a second text node: merging keeps the live highlight
                // ranges (DOM normalize() moves them); only other elements need a rebuild.
                pane.editor.normalize();
                let map = TextMap::build(&pane.editor, "\n");
                if !map.is_plain(&pane.editor) {
                    normalise_editor(&pane.editor, &map);
                }
            }
        }
        self.hide_card();
        // Sizes read on the JS side: copying a multi-megabyte text into wasm for its length costs.
        let size: u32 = self
            .panes
            .iter()
            .map(|p| {
                js_sys::Reflect::get(&p.editor, &"textContent".into()).map_or(0, |t| js_sys::JsString::from(t).length())
            })
            .sum();
        if (size as usize) <= SAVE_ON_EDIT_LIMIT {
            let saved = self.saved();
            self.save(&saved);
        }
        self.schedule();
    }

    /// Analyses again once typing pauses.
    fn schedule(&mut self) {
        if let Some(t) = self.timer.take() {
            dom::window().clear_timeout_with_handle(t);
        }
        self.set_state("editing");
        self.timer = Some(dom::timeout(DEBOUNCE_MS, || {
            with(|app| {
                app.timer = None;
                app.run();
            });
        }));
    }

    /// Saves the texts and sends them for analysis.
    fn run(&mut self) {
        if let Some(t) = self.timer.take() {
            dom::window().clear_timeout_with_handle(t);
        }
        let saved = self.saved();
        self.save(&saved);
        let request = self.request(&saved);
        self.seq += 1;
        self.sent_texts = saved.iter().map(|p| p.text.clone()).collect();
        self.sent_at = dom::now_ms();
        self.set_state("analysing");
        if self.engine.is_some() {
            self.set_status("Analysing…");
            if self.send(&request) {
                return;
            }
            self.engine = None;
        }
        let t0 = dom::now_ms();
        dom::mark("claimlens:analysis-start");
        let storage = storage();
        if let Some(s) = &storage {
            s.set_item(PAGE_ANALYSIS_KEY, "running").ok();
        }
        let json = super::analyze_request_json(&request, OffsetUnit::Utf16);
        if let Some(s) = &storage {
            s.remove_item(PAGE_ANALYSIS_KEY).ok();
        }
        dom::mark("claimlens:analysis-end");
        let ms = dom::now_ms() - t0;
        self.apply(self.seq, &json, ms);
    }

    /// Sends the request to the worker; false if there is no worker to take it.
    fn send(&mut self, request: &str) -> bool {
        let now = dom::now_ms();
        let Some(engine) = self.engine.as_mut() else { return false };
        if let Some(running) = &engine.in_flight {
            if !engine.ready || now - running.started < engine::ABANDON_AFTER_MS {
                // Young (or the engine still loading): let it finish, drop its reply, send then.
                self.queued = true;
                return true;
            }
            // Old text, long analysis: abandon it with its worker.
            if !engine.spawn() {
                return false;
            }
            self.abandoned += 1;
            attr(&self.panes_el, "data-abandoned", &self.abandoned.to_string());
        }
        if !engine.post(self.seq, request, now) {
            return false;
        }
        attr(&self.panes_el, "data-engine-starts", &engine.starts.to_string());
        self.start_ticker();
        true
    }

    /// What the worker said.
    fn on_engine(&mut self, generation: u32, reply: Reply) {
        let Some(engine) = self.engine.as_mut() else { return };
        if generation != engine.generation {
            return; // a worker we terminated
        }
        match reply {
            Reply::Ready => engine.ready = true,
            Reply::StartFailed(message) | Reply::Error(message) if !engine.ready => {
                // No module workers (file://) or the engine did not load there: analyse on the page.
                dom::log(&format!("claimlens: the analysis worker could not start ({message}); analysing on the page"));
                let had_request = engine.in_flight.is_some() || self.queued;
                engine.terminate();
                self.engine = None;
                if had_request {
                    self.queued = false;
                    self.run();
                }
            }
            Reply::Done { seq, json, ms } => {
                dom::mark("claimlens:reply");
                engine.in_flight = None;
                self.stop_ticker();
                if self.queued {
                    self.queued = false;
                    return self.run();
                }
                if seq == self.seq {
                    self.crashed_request = None;
                }
                self.apply(seq, &json, ms);
            }
            Reply::Crashed { message, .. } | Reply::StartFailed(message) | Reply::Error(message) => {
                self.engine_died(&message)
            }
        }
    }

    /// The worker died (a panic in the engine, an uncaught error): keep the text, say so, start a
    /// fresh worker and analyse again; a second crash on the same text stops the retries.
    fn engine_died(&mut self, message: &str) {
        self.queued = false;
        self.stop_ticker();
        let Some(engine) = self.engine.as_mut() else { return };
        let request = engine.in_flight.take().map(|f| f.request);
        let again = request.is_some() && request == self.crashed_request;
        self.crashed_request = request;
        let message = message.trim().lines().take(2).collect::<Vec<_>>().join(" ");
        if !engine.spawn() {
            self.engine = None;
        }
        let starts = self.engine.as_ref().map_or(0, |e| e.starts);
        attr(&self.panes_el, "data-engine-starts", &starts.to_string());
        if again {
            self.set_state("failed");
            self.set_status("Analysis failed: the engine crashed twice on this text.");
            self.show_alert(&format!(
                "The analysis engine crashed again on this text ({message}). Your text is kept; edit it to try again."
            ));
            return;
        }
        self.show_alert(&format!(
            "The analysis engine crashed ({message}). Your text is kept; a fresh engine is analysing it again."
        ));
        self.run();
    }

    fn start_ticker(&mut self) {
        self.stop_ticker();
        let seq = self.seq;
        self.ticker = Some(dom::timeout(PROGRESS_AFTER_MS, move || {
            with(|app| app.tick(seq));
        }));
    }

    fn stop_ticker(&mut self) {
        if let Some(t) = self.ticker.take() {
            dom::window().clear_timeout_with_handle(t);
        }
    }

    /// A long analysis: the status line shows what runs and for how long.
    fn tick(&mut self, seq: u32) {
        self.ticker = None;
        let running = self.engine.as_ref().and_then(|e| e.in_flight.as_ref()).is_some_and(|f| f.seq == seq);
        if seq != self.seq || !running {
            return;
        }
        let n = self.sent_texts.len();
        let bytes: usize = self.sent_texts.iter().map(String::len).sum();
        let seconds = (dom::now_ms() - self.sent_at) / 1000.0;
        self.set_status(&format!(
            "Analysing {n} article{} ({})… {} s so far. Keep typing if you like: newer text replaces this analysis.",
            if n == 1 { "" } else { "s" },
            size_label(bytes),
            decimal::fixed(seconds, 0)
        ));
        attr(&self.status, "data-busy", "");
        self.ticker = Some(dom::timeout(PROGRESS_EVERY_MS, move || {
            with(|app| app.tick(seq));
        }));
    }

    fn request(&self, saved: &[SavedPane]) -> String {
        // Each pane's own date resolves its relative dates ("yesterday"); a pane without one falls back
        // to the first date given, as the cluster's.
        let pub_date = saved.iter().map(|p| p.date.trim()).find(|d| !d.is_empty());
        // Keys sorted, as `json!` wrote them.
        json::to_string(|w| {
            let mut o = Object::open(w);
            o.with("documents", |w| {
                json::list(w, saved.iter().enumerate(), |w, (i, p)| {
                    let mut d = Object::open(w);
                    d.leaf("name", &self.display_name(i)).leaf("pub_date", p.date.trim()).leaf("text", &p.text).close();
                })
            });
            o.leaf("pub_date", &pub_date).close();
        })
    }

    /// Shows an analysis, unless it is stale (newer text was sent since).
    fn apply(&mut self, seq: u32, json: &str, ms: f64) {
        if seq != self.seq {
            return;
        }
        let texts: Vec<String> = self.panes.iter().map(Pane::text).collect();
        if texts != self.sent_texts {
            return;
        }
        let out = match super::model::parse_reply(json) {
            Ok(out) => out,
            Err(e) => return self.set_status(&format!("Analysis failed: {e}")),
        };
        dom::mark("claimlens:parsed");
        if std::mem::take(&mut self.page_marker_left) {
            // An analysis succeeded (in the worker, after a page crash): the page may analyse again.
            if let Some(s) = storage() {
                s.remove_item(PAGE_ANALYSIS_KEY).ok();
            }
        }
        self.findings = findings::collect(&out);
        self.output = Some(Rc::new(out));
        self.render();
        dom::mark("claimlens:rendered");
        let total = dom::now_ms() - self.sent_at;
        let out = self.output.as_ref().expect("output just set");
        let numbers: usize = out.documents.iter().map(|d| d.numbers.len()).sum();
        let statements: usize = out.documents.iter().map(|d| d.attributions.len()).sum();
        let where_ = if self.engine.is_some() { "in a worker" } else { "on the page" };
        self.set_status(&format!(
            "Analysed {} {where_} in {} ms ({} ms round trip): {}, {}, {}, {}.",
            view::counted(out.documents.len(), "article"),
            decimal::fixed(ms, 1),
            decimal::fixed(total, 0),
            view::counted(numbers, "number"),
            view::counted(statements, "statement"),
            view::counted(out.contradictions.len(), "contradiction"),
            view::counted(out.corroborations.len(), "corroboration"),
        ));
    }

    fn shown(&self) -> impl Fn(Class) -> bool + '_ {
        |c| !self.hidden.contains(&c)
    }

    fn render(&mut self) {
        self.render_highlights();
        self.render_summaries();
        self.render_panel();
        view::update_legend(&self.legend, &self.findings, self.shown());
        self.root_mark_ready();
    }

    fn root_mark_ready(&self) {
        self.panes_el.set_attribute("data-analysed", &self.seq.to_string()).ok();
        self.set_state("ready");
    }

    /// `editing`, `analysing` or `ready` on the panes (`data-state`), for styles and tests.
    fn set_state(&self, state: &str) {
        self.panes_el.set_attribute("data-state", state).ok();
    }

    /// The text map of pane `doc`, kept until its text changes.
    fn map(&self, doc: usize) -> Rc<TextMap> {
        let pane = &self.panes[doc];
        let mut maps = self.maps.borrow_mut();
        if let Some((_, map)) = maps.iter().find(|(id, _)| *id == pane.id) {
            return map.clone();
        }
        let map = Rc::new(TextMap::build(&pane.editor, "\n"));
        maps.push((pane.id, map.clone()));
        map
    }

    fn forget_map(&self, id: u32) {
        self.maps.borrow_mut().retain(|(i, _)| *i != id);
    }

    /// Draws the highlights: all of them, or when there are too many to draw at once (a huge
    /// paste), those near the part of each text on screen.
    fn render_highlights(&mut self) {
        let hidden = &self.hidden;
        let shown = |c: Class| !hidden.contains(&c);
        let shown_count = self.findings.iter().filter(|f| shown(f.class)).count();
        let too_many = shown_count > DRAW_ALL_UP_TO;
        let mut entries = Vec::new();
        let mut drawn = Vec::new();
        for (doc, pane) in self.panes.iter().enumerate() {
            let map = self.map(doc);
            let span = if too_many { near_screen(&pane.editor, &map) } else { 0..map.len16() };
            if self.fallback {
                render_backdrop(&pane.backdrop, &map, &self.findings, doc, span.clone(), shown);
                drawn.push(span);
                continue;
            }
            entries.extend(view::highlight_entries(&self.findings, doc, &map, span.clone(), shown));
            if let Some(c) = self.current.as_ref().filter(|c| c.doc == doc) {
                if let Some(r) = map.range(c.start, c.end) {
                    entries.push(("cl-current".to_string(), 10, r));
                }
            }
            drawn.push(span);
        }
        highlight::set_layer(PAGE_LAYER, entries);
        self.drawn = too_many.then_some(drawn);
        self.show_partial_note(shown_count);
    }

    /// Tells the reader when highlights are drawn only around the text on screen (`shown`: the
    /// highlights to show).
    fn show_partial_note(&self, shown: usize) {
        if self.drawn.is_none() {
            self.partial_note.set_hidden(true);
            return;
        }
        self.partial_note.set_text_content(Some(&format!(
            "{} to show: so that the page stays responsive, highlights are drawn around the part of the text on screen and follow as you scroll, and the side panel lists {ROWS_PER_PAGE} entries at a time (Show more). Every finding is there.",
            view::counted(shown, "highlight"),
        )));
        self.partial_note.set_hidden(false);
    }

    /// After a scroll or resize (at most every [`SCROLL_CHECK_MS`]): redraws the highlights when
    /// a text on screen has moved out of the span drawn around it.
    fn schedule_scroll_check(&mut self) {
        if self.drawn.is_none() || self.scroll_check {
            return;
        }
        self.scroll_check = true;
        dom::timeout(SCROLL_CHECK_MS, || {
            with(|app| {
                app.scroll_check = false;
                let Some(drawn) = &app.drawn else { return };
                let stale = app.panes.iter().enumerate().any(|(doc, pane)| {
                    let map = app.map(doc);
                    let on_screen = on_screen(&pane.editor, &map);
                    let span = drawn.get(doc).cloned().unwrap_or(0..0);
                    !on_screen.is_empty() && (on_screen.start < span.start || on_screen.end > span.end)
                });
                if stale {
                    app.render_highlights();
                }
            });
        });
    }

    fn render_summaries(&self) {
        let Some(out) = &self.output else { return };
        for (doc, pane) in self.panes.iter().enumerate() {
            let Some(d) = out.documents.get(doc) else { continue };
            let anonymous = d.attributions.iter().filter(|a| a.anonymous).count();
            let contradictions = out.contradictions.iter().filter(|c| c.a.doc == doc || c.b.doc == doc).count();
            pane.summary.set_text_content(Some(&format!(
                "{} · {} ({anonymous} anonymous) · {}",
                view::counted(d.numbers.len(), "number"),
                view::counted(d.attributions.len(), "statement"),
                view::counted(contradictions, "contradiction"),
            )));
        }
    }

    fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
        for (t, b) in &self.tabs {
            let selected = *t == tab;
            attr(b, "aria-selected", if selected { "true" } else { "false" });
            attr(b, "tabindex", if selected { "0" } else { "-1" });
        }
        attr(&self.tabpanel, "aria-labelledby", &format!("cl-tab-{}", tab.key()));
        self.render_panel();
    }

    fn cycle_tab(&mut self, delta: i32) {
        let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0) as i32;
        let next = Tab::ALL[(i + delta).rem_euclid(Tab::ALL.len() as i32) as usize];
        self.set_tab(next);
        if let Some((_, b)) = self.tabs.iter().find(|(t, _)| *t == next) {
            b.focus().ok();
        }
    }

    fn doc_name(&self, doc: usize) -> String {
        self.output
            .as_ref()
            .and_then(|o| o.documents.get(doc))
            .map(|d| d.name.clone())
            .unwrap_or_else(|| format!("Article {}", doc + 1))
    }

    /// A focusable entry of the side panel that jumps to `target`.
    fn nav_item(&mut self, parent: &Element, tag: &str, target: DocSpan) -> HtmlElement {
        let item = el(tag, "cl-item");
        if tag == "button" {
            attr(&item, "type", "button");
        }
        attr(&item, "data-doc", &target.doc.to_string());
        attr(&item, "data-start", &target.start.to_string());
        attr(&item, "aria-describedby", "cl-card");
        let t = target.clone();
        on::<Event>(&item, "click", move |_| {
            let t = t.clone();
            with(|app| app.select(&t, true));
        });
        let t = target;
        on::<Event>(&item, "focus", move |_| {
            let t = t.clone();
            with(|app| app.select(&t, false));
        });
        append(parent, &item);
        self.nav.push(item.clone());
        item
    }

    fn render_panel(&mut self) {
        clear(&self.tabpanel);
        self.nav.clear();
        self.rows.clear();
        self.rows_drawn = 0;
        self.rows_start = 0;
        self.rows_parent = None;
        self.more = None;
        let Some(out) = self.output.clone() else {
            append(&self.tabpanel, &el_text("p", "cl-empty", "Waiting for the analysis…"));
            return;
        };
        for (tab, b) in &self.tabs {
            let n = match tab {
                Tab::Contradictions => out.contradictions.len(),
                Tab::Numbers => out.documents.iter().map(|d| d.numbers.len()).sum(),
                Tab::Sources => out.documents.iter().map(|d| d.attributions.len()).sum(),
                Tab::Corroborations => out.corroborations.len(),
            };
            b.set_text_content(Some(&format!("{} ({n})", tab.label())));
        }
        let panel = self.tabpanel.clone();
        match self.tab {
            Tab::Contradictions => {
                let mut order: Vec<usize> = (0..out.contradictions.len()).collect();
                crate::sort::by(&mut order, |&a, &b| {
                    out.contradictions[b].confidence.total_cmp(&out.contradictions[a].confidence)
                });
                if order.is_empty() {
                    append(&panel, &el_text("p", "cl-empty", "No contradictions found."));
                }
                self.rows = order.into_iter().map(Row::Contradiction).collect();
            }
            Tab::Numbers => {
                self.rows = (out.documents.iter().enumerate())
                    .flat_map(|(doc, d)| (0..d.numbers.len()).map(move |i| Row::Number(doc, i)))
                    .collect();
                if self.rows.is_empty() {
                    append(&panel, &el_text("p", "cl-empty", "No numbers found."));
                    return;
                }
                let table = el("table", "cl-table");
                let head = el("tr", "");
                for h in ["Figure", "Value", "Counts", "Article"] {
                    let th = el_text("th", "", h);
                    attr(&th, "scope", "col");
                    append(&head, &th);
                }
                let thead = el("thead", "");
                append(&thead, &head);
                append(&table, &thead);
                let tbody = el("tbody", "");
                append(&table, &tbody);
                append(&panel, &table);
                self.rows_parent = Some(tbody);
            }
            Tab::Sources => {
                self.render_shares(&out, &panel);
                self.speakers = speakers(&out);
                if self.speakers.is_empty() {
                    append(&panel, &el_text("p", "cl-empty", "No attributed statements found."));
                    return;
                }
                self.rows = (0..self.speakers.len()).map(Row::Speaker).collect();
            }
            Tab::Corroborations => {
                if out.corroborations.is_empty() {
                    append(&panel, &el_text("p", "cl-empty", "No corroborations found."));
                }
                self.rows = (0..out.corroborations.len()).map(Row::Corroboration).collect();
            }
        }
        if self.rows_parent.is_none() {
            let list = el("ul", "cl-list");
            append(&panel, &list);
            self.rows_parent = Some(list);
        }
        self.draw_rows();
    }

    /// Draws the open tab's next [`ROWS_PER_PAGE`] entries and, below a long list, a pager:
    /// "Show more" and "Go to entry": a tab of 176,000 numbers drawn at once would take seconds
    /// and hundreds of MB of elements. Returns the first entry drawn.
    fn draw_rows(&mut self) -> Option<HtmlElement> {
        let (Some(out), Some(parent)) = (self.output.clone(), self.rows_parent.clone()) else { return None };
        if let Some(pager) = self.more.take() {
            pager.remove();
        }
        let first_new = self.nav.len();
        let end = (self.rows_drawn + ROWS_PER_PAGE).min(self.rows.len());
        for at in self.rows_drawn..end {
            self.draw_row(&out, &parent, self.rows[at]);
        }
        self.rows_drawn = end;
        let total = self.rows.len();
        if total > ROWS_PER_PAGE {
            let pager = el("div", "cl-pager");
            let left = total - end;
            if left > 0 {
                let more = button(&format!("Show {} more", left.min(ROWS_PER_PAGE)), "cl-btn cl-more");
                on::<Event>(&more, "click", |_| {
                    if let Some(first) = with(|app| app.draw_rows()).flatten() {
                        first.focus().ok();
                    }
                });
                append(&pager, &more);
            }
            append(
                &pager,
                &el_text("span", "cl-pager-range", &format!("Entries {}–{end} of {total}", self.rows_start + 1)),
            );
            let label = el_text("label", "cl-goto", "Go to entry ");
            let at = input("number", "cl-goto-at");
            attr(&at, "min", "1");
            attr(&at, "max", &total.to_string());
            at.set_value(&(end + 1).min(total).to_string());
            append(&label, &at);
            append(&pager, &label);
            let go = button("Go", "cl-btn cl-goto-go");
            let go_to = move || {
                let n = at.value().trim().parse::<usize>().unwrap_or(1).max(1);
                if let Some(first) = with(|app| app.draw_rows_from(n - 1)).flatten() {
                    first.focus().ok();
                }
            };
            let on_enter = go_to.clone();
            on::<KeyboardEvent>(&label, "keydown", move |e| {
                if e.key() == "Enter" {
                    on_enter();
                }
            });
            on::<Event>(&go, "click", move |_| go_to());
            append(&pager, &go);
            append(&self.tabpanel, &pager);
            self.more = Some(pager);
        }
        self.nav.get(first_new).cloned()
    }

    /// Draws the open tab's entries from entry `start` (from 0) on, in place of those shown.
    fn draw_rows_from(&mut self, start: usize) -> Option<HtmlElement> {
        let parent = self.rows_parent.clone()?;
        clear(&parent);
        self.nav.clear();
        self.rows_start = start.min(self.rows.len().saturating_sub(1));
        self.rows_drawn = self.rows_start;
        self.draw_rows()
    }

    fn draw_row(&mut self, out: &Output, parent: &HtmlElement, row: Row) {
        match row {
            Row::Contradiction(i) => {
                let c = &out.contradictions[i];
                let li = el("li", "");
                append(parent, &li);
                let item = self.nav_item(&li, "button", c.a.clone());
                let head = el_text(
                    "span",
                    "cl-item-head",
                    &format!("{} · {}%", c.kind, decimal::fixed(c.confidence * 100.0, 0)),
                );
                append(&item, &head);
                append(
                    &item,
                    &el_text(
                        "span",
                        "cl-item-main",
                        &format!(
                            "“{}” ({}) ≠ “{}” ({})",
                            c.a.text,
                            self.doc_name(c.a.doc),
                            c.b.text,
                            self.doc_name(c.b.doc)
                        ),
                    ),
                );
                append(&item, &el_text("span", "cl-item-note", &c.explanation));
            }
            Row::Number(doc, i) => {
                let d = &out.documents[doc];
                let n = &d.numbers[i];
                let tr = el("tr", "");
                append(parent, &tr);
                let td = el("td", "");
                append(&tr, &td);
                let target = DocSpan { doc, start: n.start, end: n.end, text: n.text.clone() };
                let item = self.nav_item(&td, "button", target);
                append_text(&item, &n.text);
                let value = match n.bound_text() {
                    Some(b) => format!("{b} {}", n.value_text()),
                    None => n.value_text(),
                };
                append(&tr, &el_text("td", "", &value));
                append(&tr, &el_text("td", "", n.counted.as_deref().unwrap_or("")));
                append(&tr, &el_text("td", "", &d.name));
            }
            Row::Speaker(i) => {
                let s = &self.speakers[i];
                let (first, anonymous) = (s.first.clone(), s.anonymous);
                let head = el_text("span", "cl-item-head", &s.name);
                let n = s.direct + s.indirect;
                let note = format!(
                    "{} · {} ({} direct, {} indirect) · {}",
                    s.kind,
                    view::counted(n, "statement"),
                    s.direct,
                    s.indirect,
                    view::counted(s.articles.len(), "article"),
                );
                let li = el("li", "");
                append(parent, &li);
                let item = self.nav_item(&li, "button", first);
                append(
                    &head,
                    &el_text(
                        "span",
                        if anonymous { "cl-badge cl-badge-anon" } else { "cl-badge cl-badge-named" },
                        if anonymous { "anonymous" } else { "named" },
                    ),
                );
                append(&item, &head);
                append(&item, &el_text("span", "cl-item-note", &note));
            }
            Row::Corroboration(i) => {
                let c = &out.corroborations[i];
                let Some(first) = c.claims.first() else { return };
                let li = el("li", "");
                append(parent, &li);
                let item = self.nav_item(&li, "button", first.clone());
                let names: Vec<String> = c.claims.iter().map(|s| self.doc_name(s.doc)).collect();
                append(&item, &el_text("span", "cl-item-head", &names.join(" · ")));
                append(&item, &el_text("span", "cl-item-main", &format!("“{}”", first.text)));
                append(&item, &el_text("span", "cl-item-note", &c.explanation));
            }
        }
    }

    fn render_shares(&self, out: &Output, panel: &HtmlElement) {
        let shares = el("ul", "cl-shares");
        attr(&shares, "aria-label", "Anonymous sourcing per article");
        for d in &out.documents {
            let n = d.attributions.len();
            let anon = d.attributions.iter().filter(|a| a.anonymous).count();
            let pct = if n == 0 { 0.0 } else { anon as f64 * 100.0 / n as f64 };
            append(
                &shares,
                &el_text(
                    "li",
                    "",
                    &format!(
                        "{}: {anon} of {} anonymous ({}%)",
                        d.name,
                        view::counted(n, "statement"),
                        decimal::fixed(pct, 0)
                    ),
                ),
            );
        }
        append(panel, &shares);
    }

    /// The next (+1) or previous (-1) entry of the open tab, from the focused one.
    fn step(&mut self, delta: i32) -> Option<HtmlElement> {
        if self.nav.is_empty() {
            return None;
        }
        let active = dom::document().active_element();
        let at = self.nav.iter().position(|n| active.as_ref().is_some_and(|a| a.is_same_node(Some(n))));
        if delta > 0 && at == Some(self.nav.len() - 1) && self.rows_drawn < self.rows.len() {
            // Past the last entry drawn: draw the next ones.
            return self.draw_rows();
        }
        let next = match at {
            Some(i) => (i as i32 + delta).clamp(0, self.nav.len() as i32 - 1) as usize,
            None if delta > 0 => 0,
            None => self.nav.len() - 1,
        };
        Some(self.nav[next].clone())
    }

    /// Esc from a text: the open tab's first entry, so j/k work from there.
    fn leave_text(&mut self) -> HtmlElement {
        self.hide_card();
        self.nav.first().cloned().unwrap_or_else(|| self.tabpanel.clone())
    }

    /// Marks a span as the current finding, scrolls it into view, and opens its card if asked.
    fn select(&mut self, target: &DocSpan, open_card: bool) {
        self.current = Some(target.clone());
        if target.doc >= self.panes.len() {
            return self.render_highlights();
        }
        let map = self.map(target.doc);
        let Some(range) = map.range(target.start, target.end) else { return self.render_highlights() };
        let rect = range.get_bounding_client_rect();
        let win = dom::window();
        let vh = win.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0);
        if rect.top() < 0.0 || rect.bottom() > vh {
            win.scroll_by_with_x_and_y(0.0, rect.top() - vh / 3.0);
        }
        // After the scroll: a huge text's highlights are drawn around what is now on screen.
        self.render_highlights();
        if self.fallback {
            mark_backdrop_current(&self.panes[target.doc].backdrop, target.start);
        }
        if open_card {
            let hits = self.hits(target.doc, target.start);
            self.show_card(&hits, &range, true);
        } else if self.card_pinned {
            self.hide_card();
        }
    }

    fn hits(&self, doc: usize, offset: usize) -> Vec<Finding> {
        findings::at(&self.findings, doc, offset, self.shown())
    }

    fn show_card(&mut self, hits: &[Finding], range: &web_sys::Range, pinned: bool) {
        let Some(out) = self.output.clone() else { return };
        if hits.is_empty() {
            return;
        }
        let jump: view::Jump = Rc::new(|target: DocSpan| {
            dom::timeout(0, move || {
                with(|app| app.select(&target, true));
            });
        });
        view::fill_card(&self.card, &out, hits, &jump);
        view::place_card(&self.card, range);
        self.card_pinned = pinned;
    }

    fn hide_card(&mut self) {
        self.card.set_hidden(true);
        self.card_pinned = false;
        self.hover_key = None;
    }

    /// Shows the card of the findings under the mouse.
    fn hover(&mut self, id: u32, x: i32, y: i32) {
        if self.card_pinned {
            return;
        }
        let Some(doc) = self.pane_index(id) else { return };
        let Some(pos) = dom::document().caret_position_from_point(x as f32, y as f32) else { return };
        let Some(node) = pos.offset_node() else { return };
        let map = self.map(doc);
        let Some(offset) = map.offset_of(&node, pos.offset()) else { return };
        let hits = self.hits(doc, offset);
        let Some(first) = hits.first().copied() else {
            self.hide_card();
            return;
        };
        // The caret position is the nearest gap: make sure the mouse is over the span itself.
        let Some(range) = map.range(first.start, first.end) else { return };
        let (x, y) = (x as f64, y as f64);
        let over = range.get_client_rects().is_some_and(|rects| {
            (0..rects.length())
                .filter_map(|i| rects.get(i))
                .any(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom())
        });
        if !over {
            self.hide_card();
            return;
        }
        if self.hover_key == Some((doc, first.start)) && !self.card.hidden() {
            return;
        }
        self.show_card(&hits, &range, false);
        self.hover_key = Some((doc, first.start));
    }

    fn permalink(&self) {
        let fragment = io::permalink_fragment(&self.saved());
        let url = format!("#{fragment}");
        let _ = dom::window().history().map(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
        let clip = dom::window().navigator().clipboard();
        let href = dom::window().location().href().unwrap_or_default();
        let _ = clip.write_text(&href);
        self.set_status(&format!(
            "Permalink ready: the address bar now holds the whole cluster ({} characters). The fragment after # is never sent to a server.",
            href.len()
        ));
    }

    /// Exports the findings with code point offsets (the contract's unit).
    fn export(&self, action: &str) {
        let saved = self.saved();
        let request = self.request(&saved);
        let json = super::analyze_request_json(&request, OffsetUnit::Chars);
        let Ok(out) = super::model::parse_reply(&json) else {
            return self.set_status("Export failed: the analysis did not run.");
        };
        let texts: Vec<String> = saved.into_iter().map(|p| p.text).collect();
        match action {
            "export-json" => {
                // The engine's JSON is compact with its keys sorted: laid out as serde_json's
                // `to_string_pretty` laid out the value read back from it.
                dom::download("claimlens.json", "application/json", &json::pretty(&json));
            }
            "export-csv" => dom::download("claimlens.csv", "text/csv", &io::to_csv(&out)),
            _ => {
                let text = json::pretty(&io::to_web_annotations(&out, &texts));
                dom::download("claimlens-annotations.jsonld", "application/ld+json", &text);
            }
        }
        self.set_status("Exported (offsets in Unicode code points).");
    }
}

/// One entry per speaker (names compared case-blind), in order of first appearance.
fn speakers(out: &Output) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::new();
    // By lowercased name: a look-up per statement, not a scan of every speaker so far.
    let mut index: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (doc, d) in out.documents.iter().enumerate() {
        for a in &d.attributions {
            let name = a.who();
            let i = *index.entry(name.to_lowercase()).or_insert_with(|| {
                let span = a.source.clone().unwrap_or_else(|| a.content.clone());
                speakers.push(Speaker {
                    name: name.clone(),
                    kind: a.source_kind.replace('_', " "),
                    anonymous: a.anonymous,
                    direct: 0,
                    indirect: 0,
                    articles: Vec::new(),
                    first: DocSpan { doc, start: span.start, end: span.end, text: span.text },
                });
                speakers.len() - 1
            });
            let s = &mut speakers[i];
            if a.direct {
                s.direct += 1;
            } else {
                s.indirect += 1;
            }
            if s.articles.last() != Some(&doc) {
                s.articles.push(doc);
            }
        }
    }
    speakers
}

/// "850 KB", "2.4 MB".
fn size_label(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", decimal::fixed(bytes as f64 / 1e6, 1))
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// After the browser put elements into an editor (some paste paths, old engines), puts back a
/// single text node and the caret where it was.
fn normalise_editor(editor: &HtmlElement, map: &TextMap) {
    let caret = dom::window().get_selection().ok().flatten().and_then(|sel| {
        let node = sel.focus_node()?;
        map.offset_of(&node, sel.focus_offset())
    });
    clear(editor);
    editor.append_child(&dom::document().create_text_node(&map.text)).ok();
    if let (Some(offset), Ok(Some(sel))) = (caret, dom::window().get_selection()) {
        let fresh = TextMap::build(editor, "\n");
        if let Some(r) = fresh.range(offset, offset) {
            sel.remove_all_ranges().ok();
            sel.add_range(&r).ok();
        }
    }
}

/// Pasting: always as plain text; several articles (split on `---` or blank lines) go to panes.
fn on_paste(id: u32, e: ClipboardEvent) {
    let Some(text) = e.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return };
    e.prevent_default();
    let parts = io::split_articles(&text);
    if parts.len() <= 1 {
        if let Some(editor) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            insert_text(id, &editor, &text);
        }
        return;
    }
    with(|app| {
        let Some(i) = app.pane_index(id) else { return };
        let mut rest = parts.clone();
        if app.panes[i].text().trim().is_empty() {
            app.panes[i].set_text(&rest.remove(0));
        }
        app.add_articles(rest.into_iter().map(|text| SavedPane { text, ..Default::default() }).collect());
        app.set_status(&format!("Split the pasted text into {} articles.", parts.len()));
    });
}

fn wire_drop(zone: &HtmlElement, id: u32) {
    let z = zone.clone();
    on::<DragEvent>(zone, "dragover", move |e| {
        e.prevent_default();
        z.class_list().add_1("cl-drop").ok();
    });
    let z = zone.clone();
    on::<DragEvent>(zone, "dragleave", move |_| {
        z.class_list().remove_1("cl-drop").ok();
    });
    let z = zone.clone();
    on::<DragEvent>(zone, "drop", move |e| {
        z.class_list().remove_1("cl-drop").ok();
        let Some(dt) = e.data_transfer() else { return };
        let files = dt.files();
        let count = files.as_ref().map(|f| f.length()).unwrap_or(0);
        if count == 0 {
            // Plain text dropped into an editor: the browser inserts it as text (plaintext-only).
            // Markup alone (no text/plain): reduced to its text here, never rendered.
            let has_plain = dt.types().iter().any(|t| t.as_string().as_deref() == Some("text/plain"));
            let html = dt.get_data("text/html").unwrap_or_default();
            if !has_plain && !html.is_empty() {
                e.prevent_default();
                insert_dropped_text(id, &html_to_text(&html), e.client_x(), e.client_y());
            }
            return;
        }
        e.prevent_default();
        let files = files.expect("files");
        for i in 0..count {
            let Some(file) = files.get(i) else { continue };
            read_dropped_file(id, file);
        }
    });
}

/// Puts dropped text where it fell in the pane's editor (or at its end), as typed text.
fn insert_dropped_text(id: u32, text: &str, x: i32, y: i32) {
    let Some(editor) = with(|app| app.pane_index(id).map(|i| app.panes[i].editor.clone())).flatten() else { return };
    editor.focus().ok();
    let Ok(Some(selection)) = dom::window().get_selection() else { return };
    let range = dom::document().create_range().ok();
    if let Some(range) = &range {
        let at = dom::document().caret_position_from_point(x as f32, y as f32);
        let placed = at.and_then(|p| p.offset_node().filter(|n| editor.contains(Some(n))).map(|n| (n, p.offset())));
        match placed {
            Some((node, offset)) => {
                range.set_start(&node, offset).ok();
                range.collapse_with_to_start(true);
            }
            None => {
                range.select_node_contents(&editor).ok();
                range.collapse_with_to_start(false);
            }
        }
        selection.remove_all_ranges().ok();
        selection.add_range(range).ok();
    }
    insert_text(id, &editor, text);
}

/// Above this many line breaks, text is spliced into the editor instead of inserted as typing.
const SPLICE_ABOVE_LINES: usize = 200;

/// Inserts text at the selection as if typed (one undo step). Chromium's `insertText` makes
/// each line break an edit of its own, quadratic in the lines (1,300 lines took 5.5 s, 100 KB
/// of news 29 s, freezing the page): a text with many lines is spliced into the editor's text
/// node instead, which takes milliseconds but leaves no undo step.
fn insert_text(id: u32, editor: &HtmlElement, text: &str) {
    if text.matches('\n').count() <= SPLICE_ABOVE_LINES {
        let doc: web_sys::HtmlDocument = dom::document().unchecked_into();
        doc.exec_command_with_show_ui_and_value("insertText", false, text).ok();
        return;
    }
    let map = TextMap::build(editor, "\n");
    let current = map.text.strip_suffix('\n').unwrap_or(&map.text);
    let len16 = current.encode_utf16().count();
    let selection = dom::window().get_selection().ok().flatten();
    let offset = |node: Option<web_sys::Node>, at: u32| node.and_then(|n| map.offset_of(&n, at)).map(|o| o.min(len16));
    let (a, b) = match &selection {
        Some(sel) => (
            offset(sel.anchor_node(), sel.anchor_offset()).unwrap_or(len16),
            offset(sel.focus_node(), sel.focus_offset()).unwrap_or(len16),
        ),
        None => (len16, len16),
    };
    let (start, end) = (a.min(b), a.max(b));
    let (start_byte, end_byte) = (textmap::utf16_to_byte(current, start), textmap::utf16_to_byte(current, end));
    let spliced = format!("{}{}{}", &current[..start_byte], text, &current[end_byte..]);
    with(|app| {
        let Some(i) = app.pane_index(id) else { return };
        app.panes[i].set_text(&spliced);
        // One text node now: the caret goes right after the inserted text.
        let caret = (start + text.encode_utf16().count()) as u32;
        if let (Some(sel), Some(node), Ok(r)) = (&selection, editor.first_child(), dom::document().create_range()) {
            if r.set_start(&node, caret).is_ok() {
                sel.remove_all_ranges().ok();
                sel.add_range(&r).ok();
            }
        }
        app.edited(id);
    });
}

/// Reads a dropped file; HTML is parsed (never rendered) and reduced to its text, Markdown to its
/// words. A file that is not text (binary, an image, another encoding) gets a clear message.
fn read_dropped_file(_id: u32, file: web_sys::File) {
    let name = file.name();
    let mime = file.type_();
    let lower = name.to_lowercase();
    let stem = name.rsplit_once('.').map(|(s, _)| s.to_string()).unwrap_or_else(|| name.clone());
    let is_html = lower.ends_with(".html") || lower.ends_with(".htm") || mime == "text/html";
    let is_md = lower.ends_with(".md") || lower.ends_with(".markdown");
    let done = Closure::<dyn FnMut(JsValue)>::once(move |value: JsValue| {
        let bytes = js_sys::Uint8Array::new(&value).to_vec();
        let raw = match io::decode_dropped_file(&name, &mime, &bytes) {
            Ok(raw) => raw,
            Err(message) => {
                with(|app| {
                    app.show_alert(&message);
                    app.set_status(&format!("Could not add {name}."));
                });
                return;
            }
        };
        let text = if is_html {
            html_to_text(&raw)
        } else if is_md {
            io::markdown_to_text(&raw)
        } else {
            raw.replace("\r\n", "\n").trim().to_string()
        };
        if text.trim().is_empty() {
            with(|app| {
                app.show_alert(&format!("{name} holds no text once its markup is set aside: nothing to analyse in it."))
            });
            return;
        }
        with(|app| {
            app.add_articles(vec![SavedPane { name: stem.clone(), text, ..Default::default() }]);
            app.set_status(&format!("Added {name}."));
        });
    });
    let _ = file.array_buffer().then(&done);
    done.forget();
}

/// HTML reduced to text through an inert `DOMParser` document: scripts never run, nothing loads.
pub fn html_to_text(html: &str) -> String {
    let Ok(parser) = web_sys::DomParser::new() else { return String::new() };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else { return String::new() };
    let root: Option<web_sys::Node> =
        doc.query_selector("article").ok().flatten().map(Into::into).or_else(|| doc.body().map(Into::into));
    root.map(|r| textmap::html_text(&r)).unwrap_or_default()
}

/// The UTF-16 span of `map`'s text that is on screen in `editor` (empty when none is): the
/// positions under its first and last visible lines, or where they fall in proportion when the
/// browser cannot say (something covers them).
fn on_screen(editor: &HtmlElement, map: &TextMap) -> std::ops::Range<usize> {
    let rect = editor.get_bounding_client_rect();
    let vh = dom::window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(768.0);
    let len = map.len16();
    if rect.bottom() <= 0.0 || rect.top() >= vh || rect.height() <= 0.0 || len == 0 {
        return 0..0;
    }
    let (top, bottom) = (rect.top().max(0.0) + 1.0, rect.bottom().min(vh) - 1.0);
    let proportional = |y: f64| (((y - rect.top()) / rect.height()).clamp(0.0, 1.0) * len as f64) as usize;
    let at = |x: f64, y: f64| {
        let pos = dom::document().caret_position_from_point(x as f32, y as f32)?;
        map.offset_of(&pos.offset_node()?, pos.offset())
    };
    let first = at(rect.left() + 1.0, top).unwrap_or_else(|| proportional(top));
    let last = at(rect.right() - 1.0, bottom).unwrap_or_else(|| proportional(bottom));
    first.min(last)..first.max(last).max(first.min(last) + 1).min(len)
}

/// The span whose highlights are drawn for a huge text: the text on screen and [`DRAW_MARGIN`]
/// (or as much again as is on screen) on each side.
fn near_screen(editor: &HtmlElement, map: &TextMap) -> std::ops::Range<usize> {
    let span = on_screen(editor, map);
    if span.is_empty() {
        return span;
    }
    let margin = DRAW_MARGIN.max(span.len());
    span.start.saturating_sub(margin)..(span.end + margin).min(map.len16())
}

/// The fallback without the Highlight API: a backdrop under the (transparent) editor, with the
/// same text split into spans that carry the finding classes. Text goes in as text nodes only.
/// Only findings that overlap `span` get their spans (a huge text: those near the screen); one
/// walk over the text and the findings, in order.
fn render_backdrop(
    backdrop: &HtmlElement,
    map: &TextMap,
    all: &[Finding],
    doc: usize,
    span: std::ops::Range<usize>,
    shown: impl Fn(Class) -> bool,
) {
    clear(backdrop);
    // Sorted by start, as the findings are.
    let mine: Vec<&Finding> =
        all.iter().filter(|f| f.doc == doc && shown(f.class) && f.start < span.end && f.end > span.start).collect();
    let mut cuts: Vec<usize> = mine.iter().flat_map(|f| [f.start, f.end]).collect();
    cuts.push(0);
    let (text, total16) = (map.text.as_str(), map.len16());
    cuts.push(total16);
    cuts.sort_unstable();
    cuts.dedup();
    // The findings that cover the piece being written: every start and end is a cut, so a
    // finding begun at or before a piece and not yet ended covers all of it.
    let (mut next, mut active): (usize, Vec<&Finding>) = (0, Vec::new());
    let mut chars = text.char_indices().peekable();
    let (mut at16, mut at_byte) = (0, 0);
    let mut byte_of = |offset16: usize| {
        while at16 < offset16 {
            let Some((_, c)) = chars.next() else { break };
            at16 += c.len_utf16();
            at_byte += c.len_utf8();
        }
        at_byte
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1].min(total16));
        if a >= b {
            continue;
        }
        while next < mine.len() && mine[next].start <= a {
            active.push(mine[next]);
            next += 1;
        }
        active.retain(|f| f.end > a);
        let piece = &text[byte_of(a)..byte_of(b)];
        if active.is_empty() {
            append_text(backdrop, piece);
        } else {
            let classes: Vec<&str> = active.iter().map(|f| f.class.key()).collect();
            let span = el_text("span", &format!("cl-mark cl-{}", classes.join(" cl-")), piece);
            attr(&span, "data-start", &a.to_string());
            append(backdrop, &span);
        }
    }
    append_text(backdrop, "\n");
}

fn mark_backdrop_current(backdrop: &HtmlElement, start: usize) {
    if let Ok(list) = backdrop.query_selector_all(".cl-mark") {
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let current = e.get_attribute("data-start").as_deref() == Some(&start.to_string());
                e.class_list().toggle_with_force("cl-current", current).ok();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn reads_stored_panes_back() {
        let panes = vec![
            StoredPane {
                name: "wire “A” 😀".into(),
                date: "2024-03-04".into(),
                text: "中文\n\"é\"".into(),
                text_key: None,
            },
            StoredPane { text_key: Some(text_key(1)), ..Default::default() },
        ];
        let json = serde_json::to_string(&panes).unwrap();
        assert_eq!(read_stored_panes(&json), Ok(panes));
        let expected: Vec<StoredPane> = serde_json::from_str(&json).unwrap();
        assert_eq!(read_stored_panes(&json), Ok(expected));
        assert!(read_stored_panes("[{\"name\":").is_err());
    }
}
