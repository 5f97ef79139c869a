// ClaimLens in WebAssembly, timed in Node and in headless Chromium, side by side with compromise
// (14.17.0 with compromise-numbers and compromise-dates: .numbers(), .quotations() and .dates() on
// the same text). Reads the release build in dist/ (`trunk build --release --offline` first).
//
//   node bench/wasm-bench.mjs                 # Node and Chromium, every input
//   node bench/wasm-bench.mjs --only node     # or --only browser, --only page
//   node bench/wasm-bench.mjs --quick         # fewer runs, for trying things out
//   --sizes 1,10,100   generated cluster sizes; --compromise-max-kb 400   compromise only on inputs up to this size
//   --json-entry       in Node, also time `analyzeJson` (the page worker's entry: the output as a JSON
//                      string, no JSON.parse), to see what JSON.parse and the object graph cost
//
// Inputs: the seed cluster (../shared/seeds, read now, never copied), generated clusters of 1, 10,
// 100 and 1,000 articles (the `gen-articles` binary, seed 42) and the BASIL event clusters
// (../shared/corpora). Each figure is the median of many runs after warm-up runs. `--json FILE`
// also writes every figure as JSON. See BENCHMARKS.md for the figures and the machine.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { generatedArticles } from './generated.mjs';
import { measure, once, runClaimLens, runClaimLensJson, runCompromise } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// CLAIMLENS_DIST=/other/dist compares another build (e.g. another opt-level) with the same inputs.
const dist = path.resolve(process.env.CLAIMLENS_DIST ?? path.join(root, 'dist'));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--only');
const quick = flag('--quick');
const budget = quick
  ? { warmup: 1, warmupMs: 1000, minRuns: 3, maxRuns: 10, budgetMs: 600 }
  : { warmup: 5, warmupMs: 3000, minRuns: 15, maxRuns: 200, budgetMs: 4000 };

// ---- inputs ---------------------------------------------------------------------------------------

function sharedDir() {
  const dir = process.env.CLAIMLENS_SHARED ?? path.resolve(root, '../shared');
  if (existsSync(path.join(dir, 'seeds')) && existsSync(path.join(dir, 'corpora'))) return dir;
  const msg = `${dir} has no seeds/ and corpora/ (set CLAIMLENS_SHARED to the shared folder)`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.error(`skipping the seed and corpus inputs: ${msg}`);
  return null;
}

function inputs() {
  const list = [];
  const shared = sharedDir();
  if (shared) {
    const seedDir = path.join(shared, 'seeds');
    const docs = readdirSync(seedDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(path.join(seedDir, f), 'utf8') }));
    list.push({ name: 'seeds (5 articles)', clusters: [docs] });
  }
  for (const n of (option('--sizes') ?? '1,10,100,1000').split(',').map(Number)) {
    const { docs } = generatedArticles(n);
    list.push({ name: `generated ${n}`, clusters: [docs], articles: n });
  }
  if (shared) {
    const lines = readFileSync(path.join(shared, 'corpora/basil_event_clusters/dev.jsonl'), 'utf8').split('\n');
    const clusters = lines
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).articles.filter((a) => a.text?.trim()).map((a, i) => ({ name: `article-${i}`, text: a.text })))
      .filter((c) => c.length);
    list.push({ name: `BASIL (${clusters.length} clusters)`, clusters });
  }
  for (const input of list) {
    input.bytes = input.clusters.flat().reduce((s, d) => s + Buffer.byteLength(d.text, 'utf8'), 0);
  }
  return list;
}

// compromise is much slower: it runs on the inputs up to this size (the ratio is per byte of the same text).
const COMPROMISE_MAX_BYTES = Number(option('--compromise-max-kb') ?? 400) * 1000;

// ---- Node -----------------------------------------------------------------------------------------

async function inNode(list) {
  const glue = await import(pathToFileURL(path.join(dist, 'claimlens.js')).href);
  const bytes = readFileSync(path.join(dist, 'claimlens_bg.wasm'));
  const compileMs = once(() => new WebAssembly.Module(bytes));
  const exports = glue.initSync({ module: bytes });
  const firstMs = once(() => runClaimLens(glue.analyze, list[0].clusters));
  console.log(`node: module compiled in ${compileMs.toFixed(0)} ms; first analysis (${list[0].name}) ${firstMs.toFixed(0)} ms`);
  const { default: nlp } = await import('compromise');
  const { default: numbers } = await import('compromise-numbers');
  const { default: dates } = await import('compromise-dates');
  nlp.plugin(numbers);
  nlp.plugin(dates);
  const rows = [{ where: 'node', input: `first analysis: ${list[0].name}`, compileMs, firstMs }];
  for (const input of list) {
    const cl = measure(() => runClaimLens(glue.analyze, input.clusters), budget);
    const row = { where: 'node', input: input.name, bytes: input.bytes, articles: input.articles, claimlens: cl };
    if (input.bytes <= COMPROMISE_MAX_BYTES) row.compromise = measure(() => runCompromise(nlp, input.clusters), budget);
    if (flag('--json-entry')) row.jsonEntry = measure(() => runClaimLensJson(glue.analyzeJson, input.clusters), budget);
    row.wasmMemoryBytes = exports.memory.buffer.byteLength;
    rows.push(row);
    report(row);
  }
  rows.push({ where: 'node', input: 'process', maxRssBytes: process.resourceUsage().maxRSS * 1024 });
  console.log(`node: peak resident memory of the whole run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return rows;
}

// ---- Chromium ------------------------------------------------------------------------------------

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.txt': 'text/plain' };

/** Serves dist/ at /, and bench/ and the compromise builds beside it, on 127.0.0.1 only. */
async function serve() {
  const mounts = [
    ['/bench/', here],
    ['/node_modules/', path.join(root, 'node_modules')],
    ['/', dist],
  ];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const [prefix, dir] = mounts.find(([p]) => url.pathname.startsWith(p));
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// Precise memory figures for `performance.memory` (the JS heap in the report).
const launch = () => launchChromium({ prefix: 'claimlens-bench-', args: ['--enable-precise-memory-info'] });

async function inBrowser(list) {
  const server = await serve();
  const b = await launch();
  const rows = [];
  try {
    await b.page.goto(`${server.url}/bench/browser.html`);
    await b.page.waitForFunction(() => window.benchReady === true || window.benchError, null, { timeout: 30000 });
    const err = await b.page.evaluate(() => window.benchError);
    if (err) throw new Error(`the bench page failed: ${err}`);
    for (const input of list) {
      const row = await b.page.evaluate(
        ([clusters, budget, withCompromise]) => window.bench(clusters, budget, withCompromise),
        [input.clusters, budget, input.bytes <= COMPROMISE_MAX_BYTES],
      );
      Object.assign(row, { where: 'chromium', input: input.name, bytes: input.bytes, articles: input.articles });
      rows.push(row);
      report(row);
    }
  } finally {
    await b.close();
    await server.close();
  }
  return rows;
}

/** The page itself: time from navigation start until the example's highlights are registered. */
async function pageLoad() {
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/index.html is missing: trunk build --release --offline');
  const server = await serve();
  const times = [];
  try {
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const b = await launch();
      try {
        await b.page.addInitScript(() => {
          const poll = () => {
            const h = globalThis.CSS?.highlights;
            if (h && [...h.values()].some((r) => r.size > 0)) {
              // The next frame is the first one painted with the highlights.
              requestAnimationFrame(() => console.log(`CLAIMLENS-HIGHLIGHTED ${performance.now()}`));
            } else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        });
        // The page reports on the console: polling with waitForFunction would run Playwright's
        // injected script on the page thread during the start being timed.
        const at = new Promise((resolve) => b.page.on('console', (m) => m.text().startsWith('CLAIMLENS-HIGHLIGHTED ') && resolve(Number(m.text().split(' ')[1]))));
        await b.page.goto(`${server.url}/`, { waitUntil: 'commit' });
        times.push(await Promise.race([at, new Promise((_, reject) => setTimeout(() => reject(new Error('no highlighted frame in 15 s')), 15000))]));
      } finally {
        await b.close();
      }
    }
  } finally {
    await server.close();
  }
  times.sort((a, b) => a - b);
  const row = { where: 'chromium', input: 'page load to first highlighted frame', medianMs: times[times.length >> 1], minMs: times[0], maxMs: times.at(-1), runs: times.length };
  console.log(`page: example highlighted ${row.medianMs.toFixed(0)} ms after navigation start (median of ${row.runs} fresh profiles; min ${row.minMs.toFixed(0)}, max ${row.maxMs.toFixed(0)})`);
  return [row];
}

// ---- report -------------------------------------------------------------------------------------

function report(row) {
  const mbps = (r) => row.bytes / 1e6 / (r.median / 1000);
  let line = `${row.where.padEnd(8)} ${row.input.padEnd(22)} ${(row.bytes / 1000).toFixed(0).padStart(6)} KB  claimlens ${row.claimlens.median.toFixed(2).padStart(8)} ms (${mbps(row.claimlens).toFixed(1)} MB/s, ${row.claimlens.runs} runs)`;
  if (row.articles) line += ` ${(row.claimlens.median / row.articles).toFixed(3)} ms/article`;
  if (row.firstMs !== undefined) line += `  first call ${row.firstMs.toFixed(0)} ms`;
  if (row.compromise) line += `  compromise ${row.compromise.median.toFixed(1)} ms (${mbps(row.compromise).toFixed(2)} MB/s) ratio ${(row.compromise.median / row.claimlens.median).toFixed(1)}x`;
  if (row.jsonEntry) line += `  analyzeJson ${row.jsonEntry.median.toFixed(2)} ms`;
  if (row.wasmMemoryBytes) line += `  wasm memory ${(row.wasmMemoryBytes / 2 ** 20).toFixed(0)} MiB`;
  if (row.jsHeapBytes) line += `, JS heap ${(row.jsHeapBytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(line);
}

if (!existsSync(path.join(dist, 'claimlens_bg.wasm')) || !existsSync(path.join(dist, 'claimlens.js'))) {
  console.error(`dist/ has no release build: run \`trunk build --release --offline\` in ${root} first`);
  process.exit(1);
}
const list = inputs();
const rows = [];
if (!only || only === 'node') rows.push(...(await inNode(list)));
if (!only || only === 'browser') rows.push(...(await inBrowser(list)));
if (!only || only === 'page') rows.push(...(await pageLoad()));
if (option('--json')) writeFileSync(option('--json'), JSON.stringify(rows, null, 1));
