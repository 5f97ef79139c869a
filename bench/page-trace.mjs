// Where the page thread's time goes while the example loads: one Chromium trace per fresh profile
// (CDP `Tracing`), the renderer main thread's top-level work summed by kind (script, wasm compile,
// style, layout, paint, ...) in thread CPU ms, from navigation to the highlighted frame, and the
// longest single events. CPU time, unlike wall time, barely moves with the machine's load.
//
//   trunk build --release --offline && node bench/page-trace.mjs [runs] [--settle MS]
//   CLAIMLENS_DIST=/tmp/dist-a,dist node bench/page-trace.mjs 5 --settle 3000   # builds interleaved
//   node bench/page-trace.mjs 1 --timeline     # also every top-level event of ≥ 0.3 ms CPU, in order
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from './serve-dist.mjs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const settleMs = args.includes('--settle') ? Number(args[args.indexOf('--settle') + 1]) : 0;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--settle') ?? 3);
const timeline = args.includes('--timeline');
const sources = (process.env.CLAIMLENS_DIST ?? path.join(root, 'dist')).split(',');

// The kinds of main-thread work, by trace event name.
const kinds = {
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', 'LayoutShift': 'layout', UpdateLayerTree: 'layers', Layerize: 'layers',
  Paint: 'paint', PaintImage: 'paint', PrePaint: 'paint', CompositeLayers: 'paint', Commit: 'paint',
  ParseHTML: 'html', 'v8.compile': 'script compile', 'v8.compileModule': 'script compile',
  'wasm.CompileLazy': 'wasm lazy compile', 'wasm.SyncCompile': 'wasm compile', 'wasm.AsyncCompile': 'wasm compile',
  'v8.wasm.compileLazy': 'wasm lazy compile', 'v8.wasm.compiledModule': 'wasm compile',
  FunctionCall: 'script', EvaluateScript: 'script', 'v8.evaluateModule': 'script', TimerFire: 'script', FireAnimationFrame: 'script', EventDispatch: 'script',
  HitTest: 'other', 'ScheduleStyleRecalculation': 'other',
};

async function trace(url) {
  const browser = await launchChromium({ prefix: 'trace-' });
  const { context: ctx, page } = browser;
  if (settleMs > 0) await page.waitForTimeout(settleMs);
  const cdp = await ctx.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,disabled-by-default-v8.compile,blink.user_timing,loading', transferMode: 'ReportEvents' });
  // The page says when it shows a highlight (console, from an init script): the harness runs no
  // script in the page during the start it traces.
  await ctx.addInitScript(() => {
    const tick = () => {
      if (globalThis.CSS?.highlights && [...CSS.highlights.values()].some((h) => h.size > 0)) console.log('CLAIMLENS-HIGHLIGHTED');
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const highlighted = new Promise((resolve) => page.on('console', (m) => m.text() === 'CLAIMLENS-HIGHLIGHTED' && resolve()));
  await page.goto(url, { waitUntil: 'commit' });
  // As page-breakdown.mjs: a page that never shows a highlight fails the run instead of hanging it.
  await Promise.race([highlighted, new Promise((_, reject) => setTimeout(() => reject(new Error('no highlighted frame in 15 s')), 15000))]);
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  await browser.close();
  return events;
}

/** The renderer main thread of the page: the thread that ran the page's user timing marks. */
function summarise(events) {
  const mark = events.find((e) => e.name === 'claimlens:rendered' || e.name === 'claimlens:page-built');
  if (!mark) throw new Error('no claimlens:* user timing mark in the trace');
  const { pid } = mark;
  const main = events.find((e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? mark.tid;
  const nav = events.find((e) => e.pid === pid && e.name === 'navigationStart') ?? events.find((e) => e.pid === pid && e.name === 'ParseHTML');
  const rendered = events.find((e) => e.pid === pid && e.name === 'claimlens:rendered');
  const t0 = nav.ts;
  const end = rendered ? rendered.ts + 100_000 : Infinity;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts <= end).sort((a, b) => a.ts - b.ts);
  // Only the outermost known event counts, so nested events are not counted twice; a kind's
  // time is its own time minus the known events nested in it.
  const sums = {};
  const longest = [];
  const stack = [];
  for (const e of onThread) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const kind = kinds[e.name];
    if (!kind) continue;
    const cpu = (e.tdur ?? e.dur) / 1000;
    const parent = stack.at(-1);
    if (parent) sums[parent.kind] -= cpu;
    sums[kind] = (sums[kind] ?? 0) + cpu;
    stack.push({ ts: e.ts, dur: e.dur, kind });
    if (!parent) longest.push({ name: e.name, at: (e.ts - t0) / 1000, wall: e.dur / 1000, cpu });
  }
  const order = longest.filter((e) => e.cpu >= 0.3).map((e) => `    ${e.at.toFixed(1).padStart(7)} ${e.name.padEnd(22)} wall ${e.wall.toFixed(1).padStart(6)}  cpu ${e.cpu.toFixed(1).padStart(6)}`);
  const marks = Object.fromEntries(events.filter((e) => e.pid === pid && e.name.startsWith('claimlens:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'b' || e.ph === 'n')).map((e) => [e.name.slice(10), (e.ts - t0) / 1000]));
  return { sums, longest: longest.sort((a, b) => b.wall - a.wall).slice(0, 8), marks, order };
}

const builds = [];
for (const source of sources) builds.push({ source, ...(await serve(path.resolve(source))), results: [] });
for (let run = 0; run < runs; run++) for (const b of builds) b.results.push(summarise(await trace(b.url)));
for (const b of builds) {
  b.server.close();
  console.log(`\n${b.source}: main-thread CPU ms by kind, navigation → rendered + 100 ms (median of ${runs})`);
  const kindsSeen = [...new Set(b.results.flatMap((r) => Object.keys(r.sums)))];
  const med = (v) => v.sort((p, q) => p - q)[v.length >> 1];
  for (const k of kindsSeen.sort()) console.log(`  ${k.padEnd(20)} ${med(b.results.map((r) => r.sums[k] ?? 0)).toFixed(1).padStart(7)}`);
  console.log('  marks (ms):', Object.entries(b.results.at(-1).marks).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  console.log('  longest events of the last run (at ms, wall ms, cpu ms):');
  for (const e of b.results.at(-1).longest) console.log(`    ${e.name.padEnd(22)} at ${e.at.toFixed(0).padStart(5)}  wall ${e.wall.toFixed(1).padStart(6)}  cpu ${e.cpu.toFixed(1).padStart(6)}`);
  if (timeline) console.log('  timeline of the last run (ms after navigation):\n' + b.results.at(-1).order.join('\n'));
}
