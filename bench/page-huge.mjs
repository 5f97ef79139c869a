// A huge paste on the page: pastes a generated news-like article of N MB into an empty pane and
// times what follows the worker's reply on the page thread: the counts shown (the status line's
// "Analysed …" painted), the page idle again (no task over 50 ms for 2 s), the longest task, and
// the memory (the renderer processes' peak RSS from /proc, the page's JS heap at the end).
//
//   trunk build --release --offline && node bench/page-huge.mjs [MB ...] [--timeout S] [--profile FILE] [--file TEXT]
//   CLAIMLENS_DIST=/work/main/dist,dist node bench/page-huge.mjs 1 2 5     # builds side by side
//
// --profile FILE: a CDP CPU profile of the page thread from the paste on (FILE.MB.cpuprofile, for
// the devtools), and its heaviest functions by self time printed here.
// --trace: a Chromium trace of the page thread from the paste on; prints its longest top-level
// events after the reply and the time by event name nested in them (style, layout, paint, ...).
// --file TEXT: paste this text instead of a generated article (sizes are then ignored).
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from './serve-dist.mjs';
// The e2e tests' generator of one big news-like article, so the bench times what the test checks.
import { bigArticle } from '../tests/e2e/helpers.mjs';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const timeoutMs = Number(option('--timeout') ?? 180) * 1000;
const profileTo = option('--profile');
const tracing = args.includes('--trace');
const file = option('--file');
const sizes = args.filter((a, i) => /^[\d.]+$/.test(a) && !args[i - 1]?.startsWith('--')).map(Number);
const sources = (process.env.CLAIMLENS_DIST ?? path.join(root, 'dist')).split(',');

/** The resident memory of the renderer processes whose command line carries `tag`, in MB. */
function rendererRss(tag) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(tag)) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      total += rss ? Number(rss[1]) / 1024 : 0;
    } catch {}
  }
  return total;
}

async function run(url, text, label) {
  // The renderers' command lines carry --js-flags: a flag V8 does not know names this browser's
  // renderers (to read their RSS) among other browsers on the machine.
  const tag = `claimlens-huge-${randomUUID()}`;
  const browser = await launchChromium({ prefix: 'claimlens-huge-', viewport: { width: 1400, height: 1000 }, args: [`--js-flags=--no-${tag}`] });
  const { context: ctx, page } = browser;
  page.on('dialog', (d) => d.accept());
  const ready = (n) => page.waitForFunction((n) => { const p = document.querySelector('.cl-panes'); return p?.dataset.state === 'ready' && Number(p.dataset.analysed ?? 0) > n; }, n, { timeout: 60000 });
  await page.goto(url);
  await ready(0);
  await page.click('[data-action=clear]');
  await ready(1);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
    const status = document.querySelector('.cl-status');
    new MutationObserver(() => {
      if (window.__shown || !status.textContent.startsWith('Analysed')) return;
      window.__shownText = status.textContent;
      requestAnimationFrame(() => setTimeout(() => (window.__shown = performance.now())));
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const cdp = await ctx.newCDPSession(page);
  if (profileTo) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const events = [];
  if (tracing) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,blink,v8', transferMode: 'ReportEvents' });
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rendererRss(tag))), 200);
  const pasted = performance.now();
  await page.evaluate((text) => {
    window.__pasted = performance.now();
    const editor = document.querySelector('.cl-editor');
    editor.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // The page thread may be busy for long: poll from here, each poll waits for the page.
  let state;
  const deadline = pasted + timeoutMs;
  for (;;) {
    const left = deadline - performance.now();
    const poll = page.evaluate(() => {
      const after = (name) => performance.getEntriesByName(name).find((e) => e.startTime > window.__pasted)?.startTime;
      const reply = after('claimlens:reply');
      const marks = { parsed: after('claimlens:parsed') - reply, rendered: after('claimlens:rendered') - reply };
      const now = performance.now();
      const last = window.__tasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
      return { reply, now, last, marks, shown: window.__shown, shownText: window.__shownText, tasks: window.__tasks };
    });
    state = await Promise.race([poll, new Promise((r) => setTimeout(() => r(null), Math.max(0, left)))]);
    if (!state) break;
    if (state.reply && state.shown && state.now - Math.max(state.last, state.shown) > 2000) break;
    if (performance.now() > deadline) { state = null; break; }
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  const result = { label };
  if (!state) {
    result.timedOut = true;
  } else {
    const after = state.tasks.filter(([s, d]) => s + d > state.reply);
    result.shownMs = state.shown - state.reply;
    result.idleMs = Math.max(state.shown, ...after.map(([s, d]) => s + d)) - state.reply;
    result.longestMs = Math.max(0, ...after.map(([, d]) => d));
    result.longTasks = after.length;
    result.status = `${state.shownText} (after the reply: parsed ${state.marks.parsed.toFixed(0)} ms, rendered ${state.marks.rendered.toFixed(0)} ms)`;
    const drawn = await page.evaluate(() => [[...CSS.highlights.values()].reduce((n, h) => n + h.size, 0), document.querySelector('.cl-partial-note:not([hidden])')?.textContent ?? '']);
    result.drawn = `${drawn[0]} ranges drawn; ${drawn[1] || 'no note'}`;
    const metrics = await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'));
    result.heapMB = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1048576;
  }
  result.peakRssMB = peak;
  if (profileTo && !result.timedOut) {
    const { profile } = await cdp.send('Profiler.stop');
    const out = `${profileTo}.${label}.cpuprofile`;
    writeFileSync(out, JSON.stringify(profile));
    result.top = heaviest(profile);
  }
  if (tracing) {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    result.top = (result.top ?? []).concat(traceSummary(events));
  }
  await browser.close().catch(() => {});
  return result;
}

/** The page thread's top-level events after the reply: the longest, and time by name nested in them. */
function traceSummary(events) {
  const reply = events.filter((e) => e.name === 'claimlens:reply').at(-1);
  if (!reply) return ['no claimlens:reply mark in the trace'];
  const main = events.find((e) => e.pid === reply.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? reply.tid;
  const on = events.filter((e) => e.pid === reply.pid && e.tid === tid && e.ph === 'X' && e.ts >= reply.ts - 1000).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  const byName = new Map();
  let end = 0;
  for (const e of on) {
    if (e.ts >= end) { top.push(e); end = e.ts + e.dur; }
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  const lines = top.filter((e) => e.dur > 50_000).map((e) => `top-level ${e.name} at +${((e.ts - reply.ts) / 1000).toFixed(0)} ms: ${(e.dur / 1000).toFixed(0)} ms`);
  lines.push(...[...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms in ${k} (nested counted again)`));
  return lines;
}

/** The functions with the most self time in a CPU profile (ms). */
function heaviest(profile) {
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const by = new Map();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}`.trim();
    by.set(key, (by.get(key) ?? 0) + (dt.get(n.id) ?? 0));
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`);
}

const texts = file ? [[path.basename(file), readFileSync(file, 'utf8')]] : sizes.map((mb) => [`${mb}MB`, bigArticle(mb)]);
const builds = [];
for (const source of sources) builds.push({ source, ...(await serve(path.resolve(source))) });
for (const [label, text] of texts) {
  for (const b of builds) {
    const r = await run(b.url, text, label);
    const f = (v) => (v === undefined ? '-' : v.toFixed(0));
    console.log(
      `${b.source} ${label} (${(text.length / 1e6).toFixed(1)} M chars): ` +
        (r.timedOut
          ? `not idle ${timeoutMs / 1000} s after the paste`
          : `counts shown ${f(r.shownMs)} ms after the reply, idle ${f(r.idleMs)} ms, longest task ${f(r.longestMs)} ms (${r.longTasks} over 50 ms), JS heap ${f(r.heapMB)} MB`) +
        `, renderer peak RSS ${f(r.peakRssMB)} MB`,
    );
    if (r.status) console.log(`  ${r.status}\n  ${r.drawn}`);
    if (r.top) console.log(r.top.map((l) => `  ${l}`).join('\n'));
  }
}
for (const b of builds) b.server.close();
