// ClaimLens as an ES module for other sites:
//
//   import { init, analyze, mount } from './claimlens/embed.js';
//   await init();
//   const result = analyze([{ name: 'Story', text }], { pub_date: '2026-03-03' });
//   mount(document.querySelector('#widget'), { for: 'story' });
//
// or, with no script of your own beyond the import, the custom element:
//
//   <script type="module" src="./claimlens/embed.js"></script>
//   <claim-lens for="story"></claim-lens>
//
// Everything runs in the reader's browser; nothing is sent anywhere. The stylesheet
// (style.css next to this file) colours the highlights.
import wasmInit, { analyze as wasmAnalyze, mount as wasmMount } from './claimlens.js';

let ready = null;

/** Loads the WebAssembly module once; `wasmUrl` overrides where claimlens_bg.wasm lives. */
export function init(wasmUrl) {
  if (!ready) {
    ready = wasmInit({ module_or_path: wasmUrl ?? new URL('./claimlens_bg.wasm', import.meta.url) });
  }
  return ready;
}

function assertReady(what) {
  if (!ready) throw new Error(`ClaimLens: call and await init() before ${what}()`);
}

/** Analyses articles: offsets are UTF-16 code units, so `text.slice(start, end)` is the span. */
export function analyze(documents, options) {
  assertReady('analyze');
  return wasmAnalyze(documents, options);
}

/** Highlights an element's text in place and adds a summary with a legend inside `element`. */
export function mount(element, options) {
  assertReady('mount');
  return wasmMount(element, options ?? {});
}

/** `<claim-lens for="story-id" pub-date="2026-03-03" name="Story">`: analyses its own text or the target's. */
export class ClaimLensElement extends HTMLElement {
  async connectedCallback() {
    await init();
    if (this.widget || !this.isConnected) return;
    const options = {};
    const forId = this.getAttribute('for');
    if (forId) options.for = forId;
    const pubDate = this.getAttribute('pub-date');
    if (pubDate) options.pub_date = pubDate;
    const name = this.getAttribute('name');
    if (name) options.name = name;
    if (this.getAttribute('legend') === 'false') options.legend = false;
    this.widget = wasmMount(this, options);
    this.dispatchEvent(new CustomEvent('claimlens-ready', { detail: this.widget.result, bubbles: true }));
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = null;
  }

  /** The last analysis (the contract's model). */
  get result() {
    return this.widget ? this.widget.result : null;
  }

  /** Re-reads the text and analyses it again. */
  refresh() {
    this.widget?.refresh();
  }
}

if (!customElements.get('claim-lens')) customElements.define('claim-lens', ClaimLensElement);
