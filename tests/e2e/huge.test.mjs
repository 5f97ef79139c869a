// A huge paste (one article of several MB, ~100,000 findings) in real headless Chromium: once the
// worker replies, the page shows the counts within a bounded task, stays responsive (typing,
// scrolling, clicking a finding), draws highlights around the text on screen and says so, and
// every finding stays reachable (the side panel in pages, highlights following the scroll).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, waitForAnalysis, bigArticle } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist('/');
});
after(async () => {
  await server?.close();
});

/** Waits until the page shows an analysis newer than `after` (a multi-MB analysis takes seconds). */
function waitLong(page, after) {
  return page.waitForFunction(
    (n) => {
      const panes = document.querySelector('.cl-panes');
      return panes?.dataset.state === 'ready' && Number(panes.dataset.analysed ?? 0) > n;
    },
    after,
    { timeout: 120000, polling: 200 },
  );
}

/** The page's long tasks (over 50 ms) that end after `since` (page ms), once a frame has been
 * drawn (the frame that paints new highlights is where Chromium's cost was) and after a pause:
 * the observer hears of a task some time after it ended, so those still queued are taken too. */
const longTasksSince = (page, since) =>
  page.evaluate(async (t) => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    await new Promise((r) => setTimeout(r, 300));
    window.__tasks.push(...window.__observer.takeRecords().map((e) => [e.startTime, e.duration]));
    return window.__tasks.filter(([s, d]) => s + d > t).map(([, d]) => d);
  }, since);

/** The drawn highlight ranges of the first editor, per name: [start, end] in UTF-16 units. */
const drawn = (page) =>
  page.evaluate(() => {
    const editor = document.querySelector('.cl-editor');
    const text = editor.firstChild;
    const out = {};
    for (const [name, h] of CSS.highlights) out[name] = [...h].filter((r) => r.startContainer === text).map((r) => [r.startOffset, r.endOffset, r.toString()]);
    return out;
  });

test('a_multi_megabyte_paste_shows_its_counts_at_once_stays_responsive_and_keeps_every_finding_reachable', async (t) => {
  const b = await launch();
  try {
    const page = b.page;
    page.on('dialog', (d) => d.accept());
    await page.goto(server.url);
    let seq = await waitForAnalysis(page);
    await page.waitForSelector('.cl-panes[data-engine-starts]');
    await page.click('[data-action=clear]');
    seq = await waitForAnalysis(page, seq);
    const MB = 3;
    const big = bigArticle(MB);
    const lastFigure = big.slice(big.lastIndexOf('£'));
    await page.evaluate(() => {
      window.__tasks = [];
      window.__observer = new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => [e.startTime, e.duration])));
      window.__observer.observe({ type: 'longtask' });
      window.__keyLatency = [];
      document.addEventListener('keydown', (e) => window.__keyLatency.push(performance.now() - e.timeStamp), true);
    });
    const pastedAt = await page.evaluate((text) => {
      const at = performance.now();
      const editor = document.querySelector('.cl-editor');
      editor.focus();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return at;
    }, big);
    await waitLong(page, seq);
    seq = await page.evaluate(() => Number(document.querySelector('.cl-panes').dataset.analysed));
    await page.waitForTimeout(1500);

    // The counts are shown, the same in the status line, the tabs and the legend.
    const status = await page.textContent('.cl-status');
    const m = status.match(/^Analysed 1 article in a worker in [\d.]+ ms \(\d+ ms round trip\): (\d+) numbers, (\d+) statements, /);
    assert.ok(m, status);
    const [numbers, statements] = [Number(m[1]), Number(m[2])];
    assert.ok(numbers > 50000 && statements > 20000, status);
    assert.equal(await page.textContent('[data-tab=numbers]'), `Numbers (${numbers})`);
    assert.equal(await page.textContent('[data-tab=sources]'), `Sources (${statements})`);
    const legendNumbers = Number(await page.textContent('[data-count=number]')) + Number(await page.textContent('[data-count=date]'));
    assert.equal(legendNumbers, numbers);

    // Responsive once the reply is in: no task of the page ran long. Measured on the 2-core
    // machine: 3 MB, the reply's task (reading a 35 MB reply, drawing) 360–640 ms, and a frame
    // of ~250 ms; before the drawing was bounded, 5.8 s for 2 MB and 87 s for 5 (BENCHMARKS.md).
    const reply = await page.evaluate((p) => performance.getEntriesByName('claimlens:reply').find((e) => e.startTime > p).startTime, pastedAt);
    const afterReply = await longTasksSince(page, reply);
    const worst = Math.max(0, ...afterReply);
    assert.ok(worst < 3000, `a ${worst.toFixed(0)} ms task after the reply (${afterReply.map((d) => d.toFixed(0)).join(', ')})`);

    // The page says that not every highlight is drawn at once, and draws a bounded number.
    const note = await page.textContent('.cl-partial-note:not([hidden])');
    assert.match(note, /^[\d]+ highlights to show: so that the page stays responsive, highlights are drawn around the part of the text on screen/);
    let ranges = await drawn(page);
    const count = (r) => Object.values(r).reduce((n, l) => n + l.length, 0);
    assert.ok(count(ranges) > 50 && count(ranges) < 10000, `${count(ranges)} ranges drawn`);
    assert.ok(ranges['cl-number'].some(([s]) => s < 200), 'the numbers at the top of the text are highlighted');

    // Scrolling to the end: the highlights follow, up to the text's last figure.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(
      (last) => [...(CSS.highlights.get('cl-number') ?? [])].some((r) => r.toString() === last && r.endOffset >= document.querySelector('.cl-editor').firstChild.length - 100),
      lastFigure.replace(/ million.*$/s, ' million'),
      { timeout: 10000 },
    );
    ranges = await drawn(page);
    assert.ok(count(ranges) < 10000, `${count(ranges)} ranges drawn after the scroll`);
    assert.ok(!ranges['cl-number'].some(([s]) => s < 200), 'the top of the text, off screen, is no longer drawn');

    // The Numbers tab lists 200 at a time; "Show more" and j past the last entry draw the next
    // ones, "Go to entry" any entry at once.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('[data-tab=numbers]');
    const items = page.locator('.cl-tabpanel .cl-item');
    assert.equal(await items.count(), 200);
    assert.equal(await page.textContent('.cl-pager-range'), `Entries 1–200 of ${numbers}`);
    await page.click('.cl-more');
    await page.click('.cl-more');
    assert.equal(await items.count(), 600);
    assert.equal(await page.evaluate(() => document.activeElement.closest('tr') === document.querySelectorAll('.cl-tabpanel tbody tr')[400]), true, 'focus on the first new entry');
    await items.nth(599).focus();
    await page.keyboard.press('j');
    assert.equal(await items.count(), 800);
    assert.equal(await page.textContent('.cl-pager-range'), `Entries 1–800 of ${numbers}`);
    await page.fill('.cl-goto-at', String(numbers - 1));
    await page.click('.cl-goto-go');
    assert.equal(await items.count(), 2);
    assert.equal(await page.textContent('.cl-pager-range'), `Entries ${numbers - 1}–${numbers} of ${numbers}`);
    assert.equal(await page.locator('.cl-more').count(), 0, 'nothing after the last entry');

    // Clicking the last entry: the text scrolls to it, it is the current highlight, its card
    // opens, and the highlights around it are drawn; the click is handled at once.
    const before = await page.evaluate(() => performance.now());
    const target = items.nth(1);
    const [doc, start, figure] = [await target.getAttribute('data-doc'), Number(await target.getAttribute('data-start')), await target.textContent()];
    assert.equal(doc, '0');
    assert.ok(start > big.length - 400, `the last entry is at the end of the text (${start} of ${big.length})`);
    await target.click();
    await page.waitForSelector('.cl-card:not([hidden])');
    ranges = await drawn(page);
    assert.deepEqual(ranges['cl-current'].map(([s, , text]) => [s, text]), [[start, figure]]);
    assert.ok(ranges['cl-number'].concat(ranges['cl-date'] ?? []).some(([s]) => s === start), 'the clicked figure is drawn');
    assert.ok(!ranges['cl-number'].some(([s]) => s < 200), 'the top of the text, off screen, is not drawn');
    const inView = await page.evaluate(() => {
      const r = [...CSS.highlights.get('cl-current')][0].getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, 'the clicked figure is on screen');
    await page.waitForTimeout(500);
    const clickTasks = await longTasksSince(page, before);
    const worstClick = Math.max(0, ...clickTasks);
    assert.ok(worstClick < 1500, `clicking a finding blocked the page for ${worstClick.toFixed(0)} ms`);

    // Typing in the huge text: each key is handled at once.
    await page.keyboard.press('Escape');
    const editor = page.locator('.cl-editor').first();
    await editor.click({ position: { x: 30, y: 10 } });
    await page.evaluate(() => (window.__keyLatency = []));
    const typedAt = await page.evaluate(() => performance.now());
    await page.keyboard.type('Now 4 barges. ', { delay: 30 });
    const keys = await page.evaluate(() => window.__keyLatency);
    const typingTasks = await longTasksSince(page, typedAt);
    assert.ok(keys.length >= 14, `${keys.length} keys seen`);
    // Measured 20–250 ms (a key can wait behind the re-analysis gathering the 3 MB text); before
    // the drawing was bounded, any change of highlights froze the page for seconds to minutes.
    assert.ok(Math.max(...keys) < 1500, `a key waited ${Math.max(...keys).toFixed(0)} ms`);
    t.diagnostic(
      `${MB} MB: ${numbers} numbers, ${statements} statements; after the reply longest task ${worst.toFixed(0)} ms; ` +
        `clicking a finding ${worstClick.toFixed(0)} ms; typing: worst key ${Math.max(...keys).toFixed(0)} ms, longest task ${Math.max(0, ...typingTasks).toFixed(0)} ms`,
    );
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});
