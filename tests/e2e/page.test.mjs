// The page in real headless Chromium: the example loads on a first visit, typed text is
// highlighted at the right spans, pasted text stays text, several articles split into panes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serveDist, launch, waitForAnalysis, highlights, screenshot, exampleDir } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist('/claimlens/any/path/');
});
after(async () => {
  await server?.close();
});

const editors = (page) => page.locator('.cl-editor');

async function paste(page, editorIndex, text) {
  await page.evaluate(
    ([i, t]) => {
      const editor = document.querySelectorAll('.cl-editor')[i];
      editor.focus();
      const data = new DataTransfer();
      data.setData('text/plain', t);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [editorIndex, text],
  );
}

test('the_example_text_is_painted_before_its_highlights', async () => {
  const b = await launch();
  try {
    // Every animation frame from the page's start: does it show article text, and any highlight?
    await b.context.addInitScript(() => {
      window.__frames = [];
      const tick = () => {
        const text = [...document.querySelectorAll('.cl-editor')].some((e) => e.textContent.length > 0);
        const marked = [...(globalThis.CSS?.highlights?.values() ?? [])].some((h) => h.size > 0);
        window.__frames.push({ text, marked });
        if (!marked) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    const frames = await b.page.evaluate(() => window.__frames);
    const firstText = frames.findIndex((f) => f.text);
    assert.ok(firstText >= 0, JSON.stringify(frames));
    assert.equal(frames[firstText].marked, false, 'the text had a frame of its own before the analysis');
    assert.equal(frames.at(-1).marked, true);
  } finally {
    await b.close();
  }
});

test('loads_the_example_cluster_on_a_first_visit_and_highlights_its_numbers', async () => {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    assert.equal(await editors(b.page).count(), 3);
    const first = readFileSync(path.join(exampleDir, '1-harbour-gazette.txt'), 'utf8').trim();
    assert.equal(await editors(b.page).nth(0).textContent(), first);
    assert.equal(await b.page.locator('.cl-name').nth(1).inputValue(), 'Coastal Wire');
    const h = await highlights(b.page);
    const numbers = [...(h['cl-number'] ?? []), ...(h['cl-date'] ?? [])];
    assert.ok(numbers.some(([pane, text]) => pane === 0 && text.includes('212')), JSON.stringify(numbers));
    assert.ok(numbers.some(([pane, text]) => pane === 1 && text.includes('218')));
    assert.match(await b.page.textContent('.cl-status'), /Analysed 3 articles .* in [\d.]+ ms/);
    assert.ok(Number(await b.page.textContent('.cl-legend [data-count=number]')) >= 10);
    assert.deepEqual(b.errors.filter((e) => !e.includes('favicon')), []);
  } finally {
    await b.close();
  }
});

test('highlights_the_right_spans_of_a_typed_article_after_emoji_and_accents', async () => {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    let seq = await waitForAnalysis(b.page);
    await b.page.click('button[data-action=add]');
    const editor = editors(b.page).nth(3);
    await editor.click();
    const typed = 'Ça va 😀 東京: officials said 40 boats and 1,250 people left the port.';
    await b.page.keyboard.type(typed);
    seq = await waitForAnalysis(b.page, seq);
    assert.equal(await editor.textContent(), typed);
    const h = await highlights(b.page);
    const mine = [...(h['cl-number'] ?? []), ...(h['cl-date'] ?? [])].filter(([pane]) => pane === 3).map(([, t]) => t);
    assert.ok(mine.includes('40') || mine.some((t) => t.startsWith('40 ')), `highlighted: ${JSON.stringify(mine)}`);
    assert.ok(mine.some((t) => t.includes('1,250')), `highlighted: ${JSON.stringify(mine)}`);
    for (const t of mine) assert.ok(typed.includes(t), `${t} is a span of the typed text`);
    // Highlights follow the text while it is edited: type in front, the ranges move with it.
    await editor.press('Control+Home');
    await b.page.keyboard.type('Now: ');
    const moved = await highlights(b.page);
    const still = (moved['cl-number'] ?? []).filter(([pane]) => pane === 3).map(([, t]) => t);
    assert.ok(still.some((t) => t.includes('1,250')), `after typing: ${JSON.stringify(still)}`);
    await waitForAnalysis(b.page, seq);
    await editor.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(b.page, 'page.png');
  } finally {
    await b.close();
  }
});

test('pasted_html_stays_text_and_never_becomes_elements', async () => {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    await b.page.click('button[data-action=add]');
    const evil = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> 3 ships';
    await paste(b.page, 3, evil);
    const editor = editors(b.page).nth(3);
    assert.equal(await editor.textContent(), evil);
    assert.equal(await editor.locator('img, script').count(), 0);
    await waitForAnalysis(b.page, 0);
    assert.equal(await b.page.evaluate(() => window.pwned), undefined);
  } finally {
    await b.close();
  }
});

test('splits_pasted_articles_on_dashes_or_double_blank_lines_into_panes', async () => {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    let seq = await waitForAnalysis(b.page);
    await b.page.click('button[data-action=add]');
    await paste(b.page, 3, 'First piece: 5 cars.\n\nSame article, 6 vans.\n---\nSecond: 7 buses.\n\n\n\nThird: 8 trams.');
    seq = await waitForAnalysis(b.page, seq);
    assert.equal(await editors(b.page).count(), 6);
    assert.equal(await editors(b.page).nth(3).textContent(), 'First piece: 5 cars.\n\nSame article, 6 vans.');
    assert.equal(await editors(b.page).nth(4).textContent(), 'Second: 7 buses.');
    assert.equal(await editors(b.page).nth(5).textContent(), 'Third: 8 trams.');
    // Remove a pane (it has text, so the page asks first).
    b.page.once('dialog', (d) => d.accept());
    await b.page.locator('.cl-remove').nth(5).click();
    await waitForAnalysis(b.page, seq);
    assert.equal(await editors(b.page).count(), 5);
  } finally {
    await b.close();
  }
});
