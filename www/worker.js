// The page's analysis worker: re-analysis runs here so typing never waits for it.
// Messages in: first {module} (the page's compiled WebAssembly.Module, so the worker neither
// fetches nor compiles the wasm again), then {seq, request} (a cluster request as JSON);
// out: {seq, json, ms}.
import init, { analyzeJson } from './claimlens.js';

let ready;

self.onmessage = async (event) => {
  if (event.data.module) {
    ready = init({ module_or_path: event.data.module });
    return;
  }
  const { seq, request } = event.data;
  // A page that sends no module (an older page, another embedder): fetch and compile it here.
  await (ready ??= init());
  const t0 = performance.now();
  let json;
  try {
    json = analyzeJson(request);
  } catch (err) {
    json = JSON.stringify({ error: String(err) });
  }
  self.postMessage({ seq, json, ms: performance.now() - t0 });
};
