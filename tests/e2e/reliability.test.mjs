// Nothing lost, never frozen, bad input named (issue 8), in real headless Chromium: the worker's
// engine panics or dies and the page recovers with the text intact; text survives reloads;
// a multi-megabyte paste is analysed while the page stays responsive, shows progress, and is
// abandoned when the text changes (its stale result never shown); files that are not text and
// invalid publication dates each get a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, waitForAnalysis, highlights, recordWorkers, keptTexts, bigArticle } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist('/');
});
after(async () => {
  await server?.close();
});

async function open() {
  const b = await launch();
  await b.context.addInitScript(recordWorkers);
  await b.page.goto(server.url);
  b.seq = await waitForAnalysis(b.page);
  // The example is analysed on the page; the worker starts once that result is painted.
  await b.page.waitForSelector('.cl-panes[data-engine-starts]');
  return b;
}

const alertText = (page) => page.textContent('.cl-alert:not([hidden]) .cl-alert-text');
const workers = (page) => page.evaluate(() => window.__workers.map((w) => w.terminated));

test('a_panic_in_the_engine_shows_an_error_keeps_the_text_and_a_fresh_worker_analyses_again', async () => {
  const b = await open();
  try {
    const editor = b.page.locator('.cl-editor').first();
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Then 9 tugs arrived.');
    b.seq = await waitForAnalysis(b.page, b.seq);
    const texts = await keptTexts(b.page);
    assert.match(texts[0], /9 tugs arrived\.$/);
    assert.deepEqual(await workers(b.page), [false]);

    // A real panic inside the wasm engine, through the worker's test hook (no text reaches it).
    await b.page.evaluate(() => window.__workers[0].postMessage({ seq: 0, crashForTests: 'deliberate panic from the crash test' }));
    await b.page.waitForSelector('.cl-alert:not([hidden])');
    assert.match(
      await alertText(b.page),
      /^The analysis engine crashed \(panicked: deliberate panic from the crash test\)\. Your text is kept; a fresh engine is analysing it again\.$/,
    );
    b.seq = await waitForAnalysis(b.page, b.seq);
    assert.deepEqual(await workers(b.page), [true, false], 'the dead worker was let go and one new worker started');
    assert.match(await b.page.textContent('.cl-status'), /Analysed 3 articles in a worker/);
    assert.deepEqual(await keptTexts(b.page), texts);
    assert.equal(await editor.textContent(), texts[0]);
    const numbers = (await highlights(b.page))['cl-number'].filter(([pane]) => pane === 0).map(([, t]) => t);
    assert.ok(numbers.some((t) => t.startsWith('9')), `the new worker's findings: ${JSON.stringify(numbers)}`);

    // An uncaught error in the worker (simulated by its error event): the same recovery.
    await b.page.click('.cl-alert-dismiss');
    await b.page.evaluate(() => window.__workers[1].dispatchEvent(new ErrorEvent('error', { message: 'simulated worker failure' })));
    await b.page.waitForSelector('.cl-alert:not([hidden])');
    assert.match(await alertText(b.page), /crashed \(simulated worker failure\)\. Your text is kept/);
    b.seq = await waitForAnalysis(b.page, b.seq);
    assert.deepEqual(await workers(b.page), [true, true, false]);

    // And the text is still there after a reload.
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.deepEqual(await b.page.locator('.cl-editor').allTextContents(), texts);
    assert.deepEqual(b.errors.filter((e) => !/deliberate panic|panicked|simulated/.test(e)), []);
  } finally {
    await b.close();
  }
});

test('an_engine_that_crashes_twice_on_the_same_text_stops_retrying_and_keeps_the_text', async () => {
  const b = await launch();
  await b.context.addInitScript(recordWorkers);
  // Every worker the page starts is armed (while window.__crashEvery is set) to panic on its next request.
  await b.context.addInitScript(() => {
    const Recorded = window.Worker;
    window.Worker = class extends Recorded {
      constructor(...args) {
        super(...args);
        if (window.__crashEvery) this.postMessage({ crashOnNextRequest: window.__crashEvery });
      }
    };
  });
  try {
    await b.page.goto(server.url);
    let seq = await waitForAnalysis(b.page);
    await b.page.waitForSelector('.cl-panes[data-engine-starts]');
    await b.page.evaluate(() => {
      window.__crashEvery = 'this text always breaks the engine';
      window.__workers[0].postMessage({ crashOnNextRequest: window.__crashEvery });
    });
    const editor = b.page.locator('.cl-editor').first();
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Then 4 barges.');
    await b.page.waitForSelector('.cl-panes[data-state=failed]');
    assert.match(
      await alertText(b.page),
      /^The analysis engine crashed again on this text \(panicked: this text always breaks the engine\)\. Your text is kept; edit it to try again\.$/,
    );
    assert.equal(await b.page.textContent('.cl-status'), 'Analysis failed: the engine crashed twice on this text.');
    // Two crashes, then one idle fresh worker: no retry loop.
    await b.page.waitForTimeout(1000);
    assert.deepEqual(await workers(b.page), [true, true, false]);
    assert.match((await keptTexts(b.page))[0], /Then 4 barges\.$/);
    // Once the engine is fine again, an edit brings the analysis back.
    await b.page.evaluate(() => {
      window.__crashEvery = null;
      window.__workers[2].postMessage({ crashOnNextRequest: null });
    });
    await b.page.keyboard.type(' And 2 cranes.');
    seq = await waitForAnalysis(b.page, seq);
    assert.match(await b.page.textContent('.cl-status'), /Analysed 3 articles in a worker/);
    assert.match(await editor.textContent(), /Then 4 barges\. And 2 cranes\.$/);
  } finally {
    await b.close();
  }
});

test('text_typed_just_before_a_reload_survives_it', async () => {
  const b = await open();
  try {
    await b.page.locator('.cl-editor').nth(1).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Late words: 31 gulls.');
    // No wait for the analysis: the reload comes inside the debounce.
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.match(await b.page.locator('.cl-editor').nth(1).textContent(), /Late words: 31 gulls\.$/);
  } finally {
    await b.close();
  }
});

test('a_storage_that_refuses_the_text_gets_one_message_and_the_text_stays_in_the_tab', async () => {
  const b = await launch();
  try {
    // A full (or disabled) localStorage: setItem throws QuotaExceededError while armed.
    await b.context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__refuseStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await b.page.goto(server.url);
    let seq = await waitForAnalysis(b.page);
    const before = await keptTexts(b.page);
    await b.page.evaluate(() => (window.__refuseStorage = true));
    const editor = b.page.locator('.cl-editor').first();
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Then 12 barges docked.');
    seq = await waitForAnalysis(b.page, seq);
    await b.page.waitForSelector('.cl-alert:not([hidden])');
    assert.match(
      await alertText(b.page),
      /^This browser refused to keep [0-9.,]+ [KM]?B of text \(its storage is full or off\): the text stays in this tab, but a reload would bring back an older version\. Use Permalink or an export to keep it\.$/,
    );
    assert.match(await editor.textContent(), /Then 12 barges docked\.$/, 'the text stays in the tab');
    assert.deepEqual(await keptTexts(b.page), before, 'storage still holds the older version');
    const numbers = (await highlights(b.page))['cl-number'].filter(([pane]) => pane === 0).map(([, t]) => t);
    assert.ok(numbers.some((t) => t.startsWith('12')), `the new text is analysed: ${JSON.stringify(numbers)}`);

    // Told once: further refused saves do not bring the message back.
    await b.page.click('.cl-alert-dismiss');
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' And 3 more.');
    seq = await waitForAnalysis(b.page, seq);
    assert.equal(await b.page.isVisible('.cl-alert'), false, 'the message is not repeated');

    // Storage accepts again: the next edit saves everything, and a reload brings it back.
    await b.page.evaluate(() => (window.__refuseStorage = false));
    await b.page.keyboard.type(' Done.');
    seq = await waitForAnalysis(b.page, seq);
    assert.match((await keptTexts(b.page))[0], /Then 12 barges docked\. And 3 more\. Done\.$/);
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.match(await b.page.locator('.cl-editor').first().textContent(), /Then 12 barges docked\. And 3 more\. Done\.$/);
  } finally {
    await b.close();
  }
});

test('a_multi_megabyte_paste_keeps_the_page_responsive_shows_progress_and_is_abandoned_when_the_text_changes', async (t) => {
  const b = await open();
  try {
    // Big enough that the worker is still analysing after the checks below (about 4 s): 3 MB
    // stopped being enough once the engine got faster (session 5), 5 MB in session 7 (its reply
    // then arrived mid-test on an idle machine).
    const MB = 8;
    const big = bigArticle(MB);
    // Watch the page: main-thread gaps (a frozen page stops its timers), key latency, and every
    // summary shown for the third pane (a stale result of the big text would show thousands).
    await b.page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        window.__gaps.push(now - last);
        last = now;
      }, 20);
      // The page's own long tasks (over 50 ms): unlike timer gaps, they do not count the time the
      // process waits for a CPU on a loaded machine.
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      window.__keyLatency = [];
      document.addEventListener('keydown', (e) => window.__keyLatency.push(performance.now() - e.timeStamp), true);
      window.__summaries = [];
      const summary = document.querySelectorAll('.cl-pane-summary')[2];
      new MutationObserver(() => window.__summaries.push(summary.textContent)).observe(summary, { childList: true, characterData: true, subtree: true });
    });
    const t0 = Date.now();
    await b.page.evaluate((text) => {
      const editor = document.querySelectorAll('.cl-editor')[2];
      editor.focus();
      getSelection().selectAllChildren(editor);
      const data = new DataTransfer();
      data.setData('text/plain', text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, big);
    const pasteMs = Date.now() - t0;
    // Progress: after a moment the status line shows what runs and for how long.
    await b.page.waitForSelector('.cl-status[data-busy]', { timeout: 20000 });
    assert.match(await b.page.textContent('.cl-status'), new RegExp(`^Analysing 3 articles \\(${MB}\\.\\d MB\\)… \\d+ s so far\\.`));
    // While the worker analyses and nothing else happens, the main thread stays free (the
    // status line ticks each second without laying the 3 MB text out again).
    await b.page.evaluate(() => {
      window.__gaps = [];
      window.__longTasks = [];
    });
    await b.page.waitForTimeout(1500);
    const [quiet, quietGap] = await b.page.evaluate(() => [Math.max(0, ...window.__longTasks), Math.max(...window.__gaps)]);
    // Bound: laying the big text out again costs about 2 s here; 350 ms leaves room for a loaded
    // machine (2 cores shared with builds).
    assert.ok(quiet < 350, `a ${quiet.toFixed(0)} ms task blocked the page while the worker analysed (paste: ${pasteMs} ms)`);
    // Typing elsewhere meanwhile: each key is handled at once; the re-analysis it asks for costs
    // the page one step to gather and send 3 MB (and abandons the running analysis).
    await b.page.evaluate(() => {
      window.__gaps = [];
      window.__longTasks = [];
    });
    await b.page.locator('.cl-name').first().click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' desk copy', { delay: 50 });
    await b.page.waitForTimeout(1000);
    const { gaps, tasks, keys, state } = await b.page.evaluate(() => ({
      gaps: window.__gaps,
      tasks: window.__longTasks,
      keys: window.__keyLatency,
      state: document.querySelector('.cl-panes').dataset.state,
    }));
    assert.equal(state, 'analysing', 'the big text is still being analysed (if the engine got this fast, make the text bigger)');
    const worstGap = Math.max(...gaps);
    const worstTask = Math.max(0, ...tasks);
    const worstKey = Math.max(...keys);
    assert.ok(keys.length >= 11, `${keys.length} keys seen`);
    assert.ok(worstKey < 250, `a key waited ${worstKey.toFixed(0)} ms`);
    // Re-sending 3 MB (gathering the texts, the request, the storage check) measured 150–450 ms
    // under load; the bound catches a freeze, not a slow machine.
    assert.ok(worstTask < 1000, `typing and re-sending ${MB} MB blocked the page for ${worstTask.toFixed(0)} ms`);
    t.diagnostic(
      `paste ${pasteMs} ms; while analysing: longest task ${quiet.toFixed(0)} ms, timer gap ${quietGap.toFixed(0)} ms; ` +
        `typing: longest task ${worstTask.toFixed(0)} ms, timer gap ${worstGap.toFixed(0)} ms, worst key ${worstKey.toFixed(0)} ms`,
    );
    assert.equal(await b.page.locator('.cl-name').first().inputValue(), 'Harbour Gazette desk copy');

    // New text replaces the big one: its long analysis is abandoned, the new text's result shown.
    const editor = b.page.locator('.cl-editor').nth(2);
    await editor.evaluate((e) => {
      e.focus();
      getSelection().selectAllChildren(e);
    });
    await b.page.keyboard.insertText('Short now: 6 vans.');
    const seq = await waitForAnalysis(b.page, b.seq);
    assert.ok(seq > b.seq);
    assert.match(await b.page.textContent('.cl-status'), /Analysed 3 articles in a worker/);
    assert.ok(Number(await b.page.getAttribute('.cl-panes', 'data-abandoned')) >= 1, 'an analysis was abandoned');
    const terminated = await workers(b.page);
    assert.ok(terminated.filter(Boolean).length >= 1 && terminated.at(-1) === false, JSON.stringify(terminated));
    const mine = ((await highlights(b.page))['cl-number'] ?? []).filter(([pane]) => pane === 2).map(([, t]) => t);
    assert.ok(mine.length === 1 && mine[0].startsWith('6'), `highlights of the new text: ${JSON.stringify(mine)}`);
    const summaries = await b.page.evaluate(() => window.__summaries);
    for (const s of summaries) {
      const n = Number(s.match(/^(\d+) numbers/)?.[1] ?? 0);
      assert.ok(n < 10, `a summary of the big text was shown: ${s}`);
    }
  } finally {
    await b.close();
  }
});

function dropFiles(page, files) {
  return page.evaluate((list) => {
    const data = new DataTransfer();
    for (const { name, type, bytes } of list) data.items.add(new File([new Uint8Array(bytes)], name, { type }));
    document.querySelector('.cl-pane').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

test('files_that_are_not_text_get_a_clear_message_and_add_no_pane', async () => {
  const b = await open();
  try {
    const cases = [
      [{ name: 'photo.png', type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0] }, /^photo\.png is a PNG image, not text: drop \.txt, \.html or \.md files, or paste the text\.$/],
      [{ name: 'scan.txt', type: 'text/plain', bytes: [...Buffer.from('%PDF-1.7\n')] }, /^scan\.txt is a PDF document, not text/],
      [{ name: 'clip.mp4', type: 'video/mp4', bytes: [0, 0, 0, 24, 102, 116] }, /^clip\.mp4 is a video file \(video\/mp4\), not text/],
      [{ name: 'data.bin', type: '', bytes: [...Buffer.from('12 ships\n'), 0, 1, 2] }, /^data\.bin holds binary data, not text \(a NUL byte at byte 9\)/],
      [{ name: 'old.txt', type: 'text/plain', bytes: [...Buffer.from('Caf'), 0xe9, ...Buffer.from(' 3 km')] }, /^old\.txt is not UTF-8 text \(invalid byte 0xe9 at byte 3\): save it as UTF-8/],
      [{ name: 'blank.txt', type: 'text/plain', bytes: [...Buffer.from(' \n\n ')] }, /^blank\.txt is empty: nothing to analyse in it\.$/],
    ];
    for (const [file, message] of cases) {
      await dropFiles(b.page, [file]);
      await b.page.waitForFunction((name) => document.querySelector('.cl-status').textContent === `Could not add ${name}.`, file.name);
      assert.match(await alertText(b.page), message);
      assert.equal(await b.page.locator('.cl-editor').count(), 3, `${file.name} added no pane`);
    }
    // A good file beside them still goes in.
    await dropFiles(b.page, [{ name: 'fine.txt', type: 'text/plain', bytes: [...Buffer.from('Fine: 4 ferries.')] }]);
    await b.page.waitForFunction(() => document.querySelectorAll('.cl-editor').length === 4);
    assert.equal(await b.page.locator('.cl-editor').nth(3).textContent(), 'Fine: 4 ferries.');
  } finally {
    await b.close();
  }
});

test('an_invalid_publication_date_gets_a_message_and_the_rest_is_still_analysed', async () => {
  const b = await launch();
  try {
    const panes = [
      { name: 'Bad date', date: '2017-02-30', text: 'Yesterday 5 boats left.' },
      { name: 'Garbage', date: 'next tuesday', text: 'On Monday 7 cars came.' },
      { name: 'Good', date: '2026-03-04', text: 'Today 3 ships docked.' },
    ];
    const fragment = '#cluster=' + Buffer.from(JSON.stringify({ v: 1, panes })).toString('base64url');
    await b.page.goto(server.url + fragment);
    await waitForAnalysis(b.page);
    const notices = await b.page.locator('.cl-pane-notice').evaluateAll((els) => els.map((e) => (e.hidden ? null : e.textContent)));
    assert.match(notices[0], /^“2017-02-30” is not a valid publication date \(YYYY-MM-DD, a real day\): it was left out/);
    assert.match(notices[1], /^“next tuesday” is not a valid publication date/);
    assert.equal(notices[2], null);
    assert.match(await b.page.textContent('.cl-status'), /Analysed 3 articles/);

    // Typed in the date field: an impossible day is flagged, a real one clears the message.
    const date = b.page.locator('.cl-date').nth(2);
    await date.evaluate((d) => d.focus()); // the month (en-US order: month, day, year)
    await b.page.keyboard.type('02302026');
    await b.page.locator('.cl-editor').nth(2).click();
    await b.page.waitForFunction(() => !document.querySelectorAll('.cl-pane-notice')[2].hidden);
    assert.match(await b.page.locator('.cl-pane-notice').nth(2).textContent(), /^The publication date is not a valid day/);
    await date.fill('2026-02-28');
    await date.dispatchEvent('change');
    await b.page.waitForFunction(() => document.querySelectorAll('.cl-pane-notice')[2].hidden);
  } finally {
    await b.close();
  }
});

test('the_embed_names_an_invalid_pub_date_and_analyses_without_it', async () => {
  const b = await launch();
  try {
    await b.page.goto(`${server.url}embed-example.html`);
    await b.page.waitForSelector('claim-lens .cl-embed');
    const out = await b.page.evaluate(async () => {
      const el = document.createElement('claim-lens');
      el.setAttribute('pub-date', '2019-02-29');
      el.textContent = 'Yesterday 14 boats left the port.';
      const ready = new Promise((resolve) => el.addEventListener('claimlens-ready', resolve, { once: true }));
      document.body.append(el);
      await ready;
      return { numbers: el.result.documents[0].numbers.map((n) => n.text), problem: el.querySelector('.cl-embed-problem').textContent };
    });
    assert.ok(out.numbers.some((t) => t.startsWith('14')), JSON.stringify(out.numbers));
    assert.match(out.problem, /^The publication date “2019-02-29” is not a valid date \(YYYY-MM-DD, a real day\)/);
  } finally {
    await b.close();
  }
});
