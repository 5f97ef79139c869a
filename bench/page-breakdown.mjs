// Where the page's start goes: from navigation to the example's first highlighted frame, step by
// step, in fresh Chromium profiles. Copies dist/ (or CLAIMLENS_DIST) to a temporary folder, adds
// console marks with absolute times to boot.js (script runs, wasm initialised) and worker.js
// (script runs, engine ready, analysis start and end), reads the page's own User Timing marks
// (`claimlens:*`: page built, text painted, analysis on the page, worker reply, rendered), serves
// the copy from 127.0.0.1 and prints the median of each step over the runs (relative to
// navigation start).
//
//   trunk build --release --offline && node bench/page-breakdown.mjs [runs] [--returning] [--settle MS]
//
// --returning: each run loads the page twice in the same profile (3 s apart, so V8 can cache the
// compiled wasm) and reports the second visit: a returning reader, not a first visit.
// CLAIMLENS_DIST=a,b: several builds, interleaved run by run (same machine state for each).
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from './serve-dist.mjs';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const returning = args.includes('--returning');
// --settle MS: wait MS after launching the browser before opening the page (a reader's browser is
// already running; a fresh profile's start-up work otherwise competes with the page for the 2 cores).
const settleMs = args.includes('--settle') ? Number(args[args.indexOf('--settle') + 1]) : 0;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--settle') ?? 6);
// Each entry: a folder, optionally with a query string for the page ("dist?x=1").
const sources = (process.env.CLAIMLENS_DIST ?? path.join(root, 'dist')).split(',');

const mark = (where) => `const __mark = (step) => console.log(\`MARK ${where} \${step} \${(performance.timeOrigin + performance.now()).toFixed(1)}\`);\n__mark('script runs');\n`;
/** Copies a build and adds the marks; a line a build no longer has is reported, not fatal. */
function prepare(source) {
  const dist = mkdtempSync(path.join(tmpdir(), 'claimlens-marks-'));
  cpSync(source, dist, { recursive: true });
  const edit = (file, where, pairs) => {
    let s = readFileSync(path.join(dist, file), 'utf8');
    for (const [from, to] of pairs) {
      // The build strips indentation (www/strip-comments.mjs): a line is matched with or without it.
      const bare = from.replace(/^ +/gm, '');
      if (s.includes(from)) s = s.replace(from, to);
      else if (s.includes(bare)) s = s.replace(bare, to.replace(/^ +/gm, ''));
      else console.error(`note: ${source}/${file} has no ${JSON.stringify(from.trim())}: that mark is left out`);
    }
    writeFileSync(path.join(dist, file), mark(where) + s);
  };
  edit('boot.js', 'page', [['  await init();\n', "  await init();\n  __mark('wasm initialised');\n"]]);
  edit('worker.js', 'worker', [
    ['    () => self.postMessage({ ready: true }),', "    () => { __mark('engine ready'); self.postMessage({ ready: true }); },"],
    // The worker's entry before and after session 8 (a build has one of them: the other is noted).
    ['    const json = analyzeJson(request);\n', "    __mark('analysis start');\n    const json = analyzeJson(request);\n    __mark('analysis end');\n"],
    ['    const json = analyzeJsonBytes(request);\n', "    __mark('analysis start');\n    const json = analyzeJsonBytes(request);\n    __mark('analysis end');\n"],
  ]);
  return dist;
}

/** One navigation until the first frame with a highlight; the steps in ms from navigation start. */
async function visit(page, url) {
  const marks = [];
  const onConsole = (m) => { const t = m.text(); if (t.startsWith('MARK ')) marks.push(t.slice(5)); };
  // The page says when its highlighted frame is painted (console, from `watchFrames`): until then
  // the harness runs nothing in the page. Polling with `waitForFunction` evaluates Playwright's
  // injected script on the page thread (~9 ms of CPU in a trace), in the middle of the start it
  // measures.
  const highlighted = new Promise((resolve) => {
    const onDone = (m) => { if (m.text() === 'CLAIMLENS-HIGHLIGHTED') { page.off('console', onDone); resolve(); } };
    page.on('console', onDone);
  });
  page.on('console', onConsole);
  await page.goto(url, { waitUntil: 'commit' });
  await Promise.race([highlighted, new Promise((_, reject) => setTimeout(() => reject(new Error('no highlighted frame in 15 s')), 15000))]);
  const nav = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    frame: window.__highlighted?.frame,
    painted: window.__highlighted?.painted,
    hop: window.__highlighted?.hop,
    entry: performance.getEntriesByType('navigation')[0].toJSON(),
    own: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('claimlens:')).map((m) => [m.name.slice(10), m.startTime]),
  }));
  page.off('console', onConsole);
  const row = { 'html received': nav.entry.responseEnd, 'DOMContentLoaded': nav.entry.domContentLoadedEventEnd };
  for (const m of marks) { const parts = m.split(' '); const t = Number(parts.pop()); row[parts.join(' ')] ??= t - nav.origin; }
  for (const [name, t] of nav.own) row[`page ${name}`] ??= t;
  row['highlighted frame (rAF)'] = nav.frame;
  row['highlighted frame painted'] = nav.painted;
  row['a message hop later'] = nav.hop;
  return row;
}

/** In the page, from its start: the first animation frame with a highlight (its start, then the
 * first task after it, i.e. once that frame was painted), told to the harness on the console. */
function watchFrames() {
  const tick = () => {
    if (globalThis.CSS?.highlights && [...CSS.highlights.values()].some((h) => h.size > 0)) {
      const frame = performance.now();
      // The first task after the frame: the frame (style, layout, paint) is done. A message hop
      // after it (what this harness timed before session 7) also waits for the page's own tasks
      // queued behind the frame, e.g. starting its worker.
      setTimeout(() => {
        const painted = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__highlighted = { frame, painted, hop: performance.now() }; console.log('CLAIMLENS-HIGHLIGHTED'); };
        channel.port2.postMessage(0);
      }, 0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const builds = [];
for (const source of sources) {
  const [folder, query] = source.split('?');
  const dist = prepare(path.resolve(folder));
  const served = await serve(dist);
  builds.push({ source, dist, server: served.server, url: served.url + (query ? `?${query}` : ''), rows: [] });
}
for (let run = 0; run < runs; run++) {
  for (const b of builds) {
    const browser = await launchChromium({ prefix: 'marks-' });
    const page = browser.page;
    await browser.context.addInitScript(watchFrames);
    if (settleMs > 0) await page.waitForTimeout(settleMs);
    let row = await visit(page, b.url);
    if (returning) {
      await page.waitForTimeout(3000);
      await page.goto('about:blank');
      row = await visit(page, b.url);
    }
    b.rows.push(row);
    await browser.close();
  }
}
for (const b of builds) {
  b.server.close();
  rmSync(b.dist, { recursive: true, force: true });
  if (builds.length > 1 || returning) console.log(`\n${b.source}${returning ? ' (returning visit: second load, same profile)' : ''}`);
  const keys = [...new Set(b.rows.flatMap(Object.keys))].sort((x, y) => median(b.rows, x) - median(b.rows, y));
  for (const k of keys) {
    const v = b.rows.map((r) => r[k]).filter((x) => x !== undefined).sort((p, q) => p - q);
    console.log(`${k.padEnd(28)} median ${median(b.rows, k).toFixed(0).padStart(5)} ms   (${v.map((x) => x.toFixed(0)).join(', ')})`);
  }
}

function median(rows, k) {
  const v = rows.map((r) => r[k]).filter((x) => x !== undefined).sort((p, q) => p - q);
  return v[v.length >> 1];
}
