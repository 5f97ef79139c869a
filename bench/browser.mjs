// Loaded by bench/browser.html: the release wasm (dist/, served at /) and compromise, and
// `window.bench(clusters, budget, withCompromise)` for bench/wasm-bench.mjs to call.
import init, { analyze } from '/claimlens.js';
import { measure, once, runClaimLens, runCompromise } from '/bench/timing.mjs';

try {
  const exports = await init('/claimlens_bg.wasm');
  nlp.plugin(compromiseNumbers);
  nlp.plugin(compromiseDates);
  let first = true;
  window.bench = (clusters, budget, withCompromise) => {
    // The first call of the page: baseline code, regexes and lexicons built on first use.
    const firstMs = first ? once(() => runClaimLens(analyze, clusters)) : undefined;
    first = false;
    const row = { firstMs, claimlens: measure(() => runClaimLens(analyze, clusters), budget) };
    if (withCompromise) row.compromise = measure(() => runCompromise(nlp, clusters), budget);
    row.wasmMemoryBytes = exports.memory.buffer.byteLength;
    row.jsHeapBytes = performance.memory?.usedJSHeapSize;
    return row;
  };
  window.benchReady = true;
} catch (e) {
  window.benchError = String(e?.stack ?? e);
}
