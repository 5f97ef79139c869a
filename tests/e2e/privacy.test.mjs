// Nothing sent (issue 8): a full visit (load, the example analysed, an edit, a dropped file, the
// three exports, the permalink, a reload from it) fetches only the page's own files, as seen at
// four levels: Playwright's request events (page and worker), request routing, the DevTools
// protocol's network log, and the static server's own log. Then the page tries to reach another
// origin in every way a script could, and the CSP stops each attempt before it leaves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serveDist, launch, waitForAnalysis } from './helpers.mjs';

/** The files the page is made of (dist/), and nothing else. */
const OWN_FILES = ['/', '/index.html', '/boot.js', '/claimlens.js', '/claimlens_bg.wasm', '/worker.js', '/style.css', '/favicon.svg'];

let server;
let elsewhere;
before(async () => {
  server = await serveDist('/');
  // Another origin (another port): it must never hear from the page.
  const hits = [];
  const s = createServer((req, res) => {
    hits.push(req.url);
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('leaked');
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  elsewhere = { url: `http://127.0.0.1:${s.address().port}`, hits, close: () => new Promise((r) => s.close(r)) };
});
after(async () => {
  await server?.close();
  await elsewhere?.close();
});

test('a_full_visit_fetches_only_the_pages_own_files', async () => {
  const b = await launch();
  const origin = new URL(server.url).origin;
  const seen = { events: [], routed: [], cdp: [] };
  try {
    b.context.on('request', (r) => seen.events.push(r.url()));
    await b.context.route('**/*', (route) => {
      seen.routed.push(route.request().url());
      route.continue();
    });
    const cdp = await b.context.newCDPSession(b.page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => seen.cdp.push(e.request.url));
    const served = server.requests.length;

    await b.page.goto(server.url);
    let seq = await waitForAnalysis(b.page);
    await b.page.locator('.cl-editor').first().click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Later 8 divers joined.');
    seq = await waitForAnalysis(b.page, seq);
    await b.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<p>Dropped: <img src="http://127.0.0.9/pixel.gif"> 5 boats.</p>'], 'drop.html', { type: 'text/html' }));
      document.querySelector('.cl-pane').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await b.page.waitForFunction(() => document.querySelectorAll('.cl-editor').length === 4);
    seq = await waitForAnalysis(b.page, seq);
    for (const action of ['export-json', 'export-csv', 'export-anno']) {
      await Promise.all([b.page.waitForEvent('download'), b.page.click(`button[data-action=${action}]`)]);
    }
    await b.page.click('button[data-action=permalink]');
    const link = b.page.url();
    assert.match(link, /#cluster=/);
    await b.page.goto('about:blank');
    await b.page.goto(link);
    await waitForAnalysis(b.page);
    assert.equal(await b.page.locator('.cl-editor').count(), 4);

    const own = (url) => {
      const u = new URL(url);
      if (u.protocol === 'blob:') return new URL(u.pathname).origin === origin; // local downloads, no network
      if (u.protocol === 'data:') return true; // inline (the date field's own calendar icon), no network
      return u.origin === origin && OWN_FILES.includes(u.pathname) && u.search === '';
    };
    for (const [level, urls] of Object.entries(seen)) {
      assert.ok(urls.length >= 5, `${level}: ${urls.length} requests recorded`);
      assert.deepEqual(urls.filter((u) => !own(u)), [], `${level}: requests beyond the page's own files`);
    }
    // The worker's own fetches are among them (the engine loads inside it too).
    assert.ok(seen.events.some((u) => u.endsWith('/worker.js')));
    const asked = server.requests.slice(served).map((u) => new URL(u, origin).pathname);
    assert.deepEqual(asked.filter((p) => !OWN_FILES.includes(p)), []);
    // The permalink's fragment never reaches the server.
    assert.ok(server.requests.every((u) => !u.includes('cluster')));
    assert.deepEqual(elsewhere.hits, []);
  } finally {
    await b.close();
  }
});

test('the_csp_forbids_connections_to_other_origins', async () => {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    const csp = await b.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /(^|; )default-src 'self'(;|$)/);
    assert.match(csp, /(^|; )connect-src 'self'(;|$)/);
    assert.match(csp, /(^|; )form-action 'none'(;|$)/);
    assert.match(csp, /(^|; )frame-src 'none'(;|$)/);
    const outcome = await b.page.evaluate(async (target) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const fetched = await fetch(`${target}/fetch`).then(
        () => 'fetched',
        (e) => `blocked: ${e.name}`,
      );
      const xhr = await new Promise((resolve) => {
        const r = new XMLHttpRequest();
        r.open('GET', `${target}/xhr`);
        r.onload = () => resolve('loaded');
        r.onerror = () => resolve('blocked');
        r.send();
      });
      navigator.sendBeacon(`${target}/beacon`, 'text'); // queued, then refused by connect-src
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = `${target}/pixel.gif`;
      });
      try {
        new WebSocket(target.replace('http', 'ws') + '/socket');
      } catch {
        /* blocked synchronously or later: either way the server must not hear it */
      }
      const frame = document.createElement('iframe');
      frame.src = `${target}/frame`;
      document.body.append(frame);
      await new Promise((r) => setTimeout(r, 500));
      frame.remove();
      return { fetched, xhr, image, violations: [...new Set(violations)].sort() };
    }, elsewhere.url);
    assert.equal(outcome.fetched, 'blocked: TypeError');
    assert.equal(outcome.xhr, 'blocked');
    assert.equal(outcome.image, 'blocked');
    for (const directive of ['connect-src', 'img-src', 'frame-src']) {
      assert.ok(outcome.violations.includes(directive), `a ${directive} violation: ${JSON.stringify(outcome.violations)}`);
    }
    await b.page.waitForTimeout(300);
    assert.deepEqual(elsewhere.hits, [], 'the other origin heard nothing');
  } finally {
    await b.close();
  }
});
