// The page's analysis worker: re-analysis runs here so typing never waits for it.
// In, first: {module}, the page's compiled WebAssembly.Module, so the worker neither fetches nor
// compiles the wasm again (a first message without it: the worker loads the module itself).
// Out: {ready} once the engine is loaded (or {startFailed: message}).
// In: {seq, request} (a cluster request as JSON); out: {seq, json, ms}, json the output as JSON
// in UTF-8 bytes (a Uint8Array).
// If the engine panics, the panic hook's message goes back as {seq, crashed: message} and the
// worker closes: after a panic the wasm instance is not trusted again. The page starts a new one.
import init, { analyzeJsonBytes, panicForTests } from './claimlens.js';

// console_error_panic_hook reports a panic through console.error just before the wasm traps:
// keep the last such message so the page can show it.
let lastConsoleError = '';
const consoleError = console.error.bind(console);
console.error = (...args) => {
  lastConsoleError = args.map(String).join(' ');
  consoleError(...args);
};

let ready;
const start = (module) =>
  init(module ? { module_or_path: module } : undefined).then(
    () => self.postMessage({ ready: true }),
    (err) => {
      self.postMessage({ startFailed: String(err) });
      throw err;
    },
  );

// Set by a test ({crashOnNextRequest: message}; null disarms): the next analysis panics.
let crashOnNextRequest = null;

self.onmessage = async (event) => {
  if (event.data.module) {
    ready ??= start(event.data.module);
    return;
  }
  ready ??= start();
  if ('crashOnNextRequest' in event.data) {
    crashOnNextRequest = event.data.crashOnNextRequest;
    return;
  }
  const { seq, request, crashForTests } = event.data;
  try {
    await ready;
  } catch {
    return; // already reported as startFailed
  }
  const t0 = performance.now();
  lastConsoleError = '';
  try {
    // Only a test that holds this worker can send crashForTests or crashOnNextRequest: the page
    // never does, and no text can reach them (texts travel inside `request`).
    const crash = crashForTests ?? (request !== undefined ? crashOnNextRequest : null);
    if (crash) panicForTests(String(crash));
    // UTF-8 bytes, transferred (not copied): the page reads them into its wasm memory as they are.
    const json = analyzeJsonBytes(request);
    self.postMessage({ seq, json, ms: performance.now() - t0 }, [json.buffer]);
  } catch (err) {
    const panic = lastConsoleError.match(/panicked at [^\n]*\n?([^\n]*)/);
    const message = panic ? `panicked: ${panic[1] || panic[0]}` : String(err);
    self.postMessage({ seq, crashed: message });
    self.close();
  }
};
