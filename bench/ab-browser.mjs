// Two builds of the page's wasm side by side in one headless Chromium page, on one cluster of 1,000
// generated articles (`gen-articles --articles 1000 --seed 42`: the target "1,000 articles < 1 s"),
// with the call split into its parts:
//
//   node bench/ab-browser.mjs DIST_A DIST_B [--rounds 8]
//
// Each round calls each build (A then B, then B then A in the next round) and times `analyze`
// (UTF-16 offsets, JS objects out: the whole call) and, on the same input, `analyzeJsonBytes`
// (the engine and the writing of its JSON into a JS byte buffer), `TextDecoder` of those bytes and
// `JSON.parse` of the string. Prints each build's medians and B's `analyze` time as a share of A's
// (median and quartiles over the rounds). See BENCHMARKS.md.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../scripts/chromium.mjs';
import { generatedArticles } from './generated.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const rounds = Number(option('--rounds') ?? 8);
const dists = args.slice(0, 2);
if (dists.length < 2) {
  console.error('usage: node bench/ab-browser.mjs DIST_A DIST_B [--rounds N]');
  process.exit(2);
}
const { docs } = generatedArticles(1000);

const page = `<!doctype html><script type="module">
const builds = [];
for (const k of [0, 1]) {
  const glue = await import('/build' + k + '/claimlens.js');
  await glue.default({ module_or_path: '/build' + k + '/claimlens_bg.wasm' });
  builds.push(glue);
}
const docs = await (await fetch('/docs.json')).json();
const request = JSON.stringify({ documents: docs });
window.round = (k) => {
  const glue = builds[k];
  const t0 = performance.now();
  glue.analyze(docs, { offsets: 'utf16' });
  const t1 = performance.now();
  const bytes = glue.analyzeJsonBytes(request);
  const t2 = performance.now();
  const text = new TextDecoder().decode(bytes);
  const t3 = performance.now();
  JSON.parse(text);
  return [t1 - t0, t2 - t1, t3 - t2, performance.now() - t3];
};
window.ready = true;
</script>`;
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  const build = url.match(/^\/build([01])\/([\w.]+)$/);
  const [type, body] =
    url === '/' ? ['text/html', page]
    : url === '/docs.json' ? ['application/json', JSON.stringify(docs)]
    : build && existsSync(path.join(dists[build[1]], build[2]))
      ? [types[path.extname(build[2])], readFileSync(path.join(dists[build[1]], build[2]))]
      : [];
  res.writeHead(body ? 200 : 404, type ? { 'content-type': type } : {});
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await launchChromium({ prefix: 'claimlens-ab-' });
try {
  const tab = browser.page;
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => window.ready === true, null, { timeout: 60000 });
  // Two calls of each first: V8 optimises the hot wasm functions in the background meanwhile.
  for (let i = 0; i < 2; i++) for (const k of [0, 1]) await tab.evaluate((k) => window.round(k), k);
  const times = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) times[k].push(await tab.evaluate((k) => window.round(k), k));
  }
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const median = (xs) => sorted(xs)[xs.length >> 1];
  const parts = ['analyze', 'analyzeJsonBytes', 'TextDecoder', 'JSON.parse'];
  dists.forEach((d, k) => {
    console.log(`${'AB'[k]} ${d}: ${parts.map((p, i) => `${p} ${median(times[k].map((t) => t[i])).toFixed(0)} ms`).join(', ')}`);
  });
  const shares = sorted(times[1].map((t, r) => t[0] / times[0][r][0]));
  const q = (f) => shares[Math.floor(f * shares.length)].toFixed(3);
  console.log(`B / A (analyze): median ${q(0.5)} (quartiles ${q(0.25)}–${q(0.75)}), ${rounds} rounds`);
} finally {
  await browser.close();
  server.close();
}
