// Where the page's start goes: from navigation to the example's first highlighted frame, step by
// step, in fresh Chromium profiles. Copies dist/ (or CLAIMLENS_DIST) to a temporary folder, adds
// console marks with absolute times to boot.js (module loaded, wasm initialised, page built) and
// worker.js (script running, engine ready, first analysis start and end), serves the copy from
// 127.0.0.1 and prints the median of each step over the runs (relative to navigation start).
//
//   trunk build --release --offline && node bench/page-breakdown.mjs [runs]
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 6);
const dist = mkdtempSync(path.join(tmpdir(), 'claimlens-marks-'));
cpSync(path.resolve(process.env.CLAIMLENS_DIST ?? path.join(root, 'dist')), dist, { recursive: true });
const mark = (where) => `const __mark = (step) => console.log(\`MARK ${where} \${step} \${(performance.timeOrigin + performance.now()).toFixed(1)}\`);\n__mark('script runs');\n`;
const edit = (file, where, pairs) => {
  let s = readFileSync(path.join(dist, file), 'utf8');
  for (const [from, to] of pairs) {
    if (!s.includes(from)) throw new Error(`${file} no longer has ${JSON.stringify(from)}: update the marks`);
    s = s.replace(from, to);
  }
  writeFileSync(path.join(dist, file), mark(where) + s);
};
edit('boot.js', 'page', [
  ['  await init();\n', "  await init();\n  __mark('wasm initialised');\n"],
  ["  startPage(root, { worker: new URL('./worker.js', import.meta.url).href });\n", "  startPage(root, { worker: new URL('./worker.js', import.meta.url).href });\n  __mark('page built');\n"],
]);
edit('worker.js', 'worker', [
  ['    () => self.postMessage({ ready: true }),', "    () => { __mark('engine ready'); self.postMessage({ ready: true }); },"],
  ['    const json = analyzeJson(request);\n', "    __mark('analysis start');\n    const json = analyzeJson(request);\n    __mark('analysis end');\n"],
]);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const p = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')));
  try { const b = readFileSync(p); res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' }); res.end(b); }
  catch { res.writeHead(404); res.end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const url = `http://127.0.0.1:${server.address().port}/`;
const rows = [];
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'marks-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const marks = [];
  page.on('console', (m) => { const t = m.text(); if (t.startsWith('MARK ')) marks.push(t.slice(5)); });
  await page.goto(url);
  await page.waitForFunction(() => globalThis.CSS?.highlights && [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 15000, polling: 'raf' });
  const nav = await page.evaluate(() => [performance.timeOrigin, performance.timeOrigin + performance.now(), performance.getEntriesByType('navigation')[0].responseEnd, performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]);
  const row = { 'html received': nav[2], 'DOMContentLoaded': nav[3] };
  for (const m of marks) { const parts = m.split(' '); const t = Number(parts.pop()); row[parts.join(' ')] ??= t - nav[0]; }
  row['highlighted (first frame)'] = nav[1] - nav[0];
  rows.push(row);
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
server.close();
rmSync(dist, { recursive: true, force: true });
for (const k of new Set(rows.flatMap(Object.keys))) {
  const v = rows.map((r) => r[k]).filter((x) => x !== undefined).sort((a, b) => a - b);
  console.log(`${k.padEnd(28)} median ${v[v.length >> 1].toFixed(0)} ms   (${v.map((x) => x.toFixed(0)).join(', ')})`);
}
