// Shared by the browser tests: a tiny static server for dist/ on 127.0.0.1 (random port) and
// Debian's Chromium driven by playwright-core. Nothing is downloaded.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../scripts/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = path.join(root, 'dist');
export const screenshots = path.join(here, 'screenshots');
export const exampleDir = path.join(root, 'www', 'example');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

/** Serves dist/ (under `prefix`, to prove relative URLs) on 127.0.0.1; fails clearly if it is missing. */
export async function serveDist(prefix = '/') {
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, 'claimlens_bg.wasm'))) {
    throw new Error(`dist/ is missing or incomplete: build it first with \`trunk build --release --offline\` in ${root}`);
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      let rel = decodeURIComponent(url.pathname.slice(prefix.length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(dist, rel);
      if (!file.startsWith(dist) || !(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // `requests`: every path asked of this server, in order (the tests of "nothing sent" read it).
  return { url: `http://127.0.0.1:${port}${prefix}`, requests, close: () => new Promise((r) => server.close(r)) };
}

/** A fresh headless Chromium profile; `colorScheme` is 'light' or 'dark'; `bypassCSP` turns the
 * page's Content Security Policy off (to prove that something is safe without it). */
export async function launch({ colorScheme = 'light', viewport = { width: 1400, height: 1000 }, bypassCSP = false } = {}) {
  const browser = await launchChromium({ prefix: 'claimlens-e2e-', colorScheme, viewport, acceptDownloads: true, bypassCSP });
  const errors = [];
  browser.context.on('page', (p) => watch(p, errors));
  for (const p of browser.context.pages()) watch(p, errors);
  return { ...browser, errors };
}

function watch(page, errors) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
}

/** Waits until the page shows an analysis newer than `after` of the text as it is now (no edit pending). */
export async function waitForAnalysis(page, after = 0) {
  await page.waitForFunction(
    (n) => {
      const panes = document.querySelector('.cl-panes');
      return panes?.dataset.state === 'ready' && Number(panes.dataset.analysed ?? 0) > n;
    },
    after,
    { timeout: 15000 },
  );
  return page.evaluate(() => Number(document.querySelector('.cl-panes').dataset.analysed));
}

/** The highlighted texts per highlight name, per pane: {name: [[pane index, text], ...]}. */
export async function highlights(page) {
  return page.evaluate(() => {
    const editors = [...document.querySelectorAll('.cl-editor')];
    const out = {};
    for (const [name, h] of CSS.highlights) {
      out[name] = [...h].map((r) => [editors.findIndex((e) => e.contains(r.startContainer)), r.toString()]);
    }
    return out;
  });
}

export async function screenshot(page, name) {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, name), fullPage: false });
}

/** Run in the page before its scripts: keeps every Worker the page makes in `window.__workers`
 * (with `terminated` set when the page terminates it), so tests can reach and watch them. */
export function recordWorkers() {
  const Native = window.Worker;
  window.__workers = [];
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.terminated = false;
      window.__workers.push(this);
    }
    terminate() {
      this.terminated = true;
      super.terminate();
    }
  };
}

/** The texts the page keeps in localStorage (what survives a reload). */
export async function keptTexts(page) {
  return page.evaluate(() =>
    JSON.parse(localStorage.getItem('claimlens.panes.v1') ?? '[]').map((p) => (p.text_key ? localStorage.getItem(p.text_key) : p.text)),
  );
}

/** About `mb` megabytes of news-like text: paragraphs of figures and quotations, one article. */
export function bigArticle(mb) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < mb * 1e6; i++) {
    const p =
      `On day ${i % 28 + 1} the port counted ${100 + (i % 900)} ships and ${i % 70} tugs, officials said. ` +
      `“We moved ${2 * i + 3} tonnes in ${i % 12 + 1} hours,” said harbour master Ines Okoro, ${30 + (i % 40)}. ` +
      `Prices rose ${(i % 97) / 10}% to £${i % 50}.${i % 10} million, according to a spokesperson who asked not to be named.`;
    parts.push(p);
    size += p.length + 1;
  }
  return parts.join('\n');
}
