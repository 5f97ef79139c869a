// Timing shared by Node and the browser page (an ES module with no imports, so both load it).

/** Median of many runs of `fn` after warm-up: at least `warmup` runs and at least `warmupMs` of them
 *  (V8 first runs wasm as baseline code, 10-20x slower, and optimises hot functions in the background:
 *  a few warm-up runs measure the baseline compiler, not the engine); then at least `minRuns`, then
 *  more until `budgetMs` has passed or `maxRuns` are done. Times in milliseconds. */
export function measure(fn, { warmup = 5, warmupMs = 2000, minRuns = 15, maxRuns = 200, budgetMs = 4000 } = {}) {
  const warmStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmStart < warmupMs; i++) fn();
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0], max: times[times.length - 1], runs: times.length };
}

/** Time of one call of `fn`, in milliseconds: the first analysis after loading the module (baseline
 *  code, the regexes and lexicons built on first use) is what a page waits for. */
export function once(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** ClaimLens on every cluster: `analyze(documents, options)` from the wasm module, UTF-16 offsets. */
export function runClaimLens(analyze, clusters) {
  let found = 0;
  for (const docs of clusters) {
    const out = analyze(docs, { offsets: 'utf16' });
    found += out.documents.length;
  }
  return found;
}

/** ClaimLens through the page worker's entry on every cluster: `analyzeJson(request)` gives the output
 *  as a JSON string (UTF-16 offsets), which is not parsed here. Returns the characters of JSON. */
export function runClaimLensJson(analyzeJson, clusters) {
  let chars = 0;
  for (const docs of clusters) chars += analyzeJson(JSON.stringify({ documents: docs })).length;
  return chars;
}

/** compromise on every article: its numbers, quotations and dates, as JSON like ours. */
export function runCompromise(nlp, clusters) {
  let found = 0;
  for (const docs of clusters) {
    for (const d of docs) {
      const doc = nlp(d.text);
      found += doc.numbers().json().length + doc.quotations().json().length + doc.dates().json().length;
    }
  }
  return found;
}
