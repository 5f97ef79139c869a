// The page's features in real headless Chromium: legend toggles, side panel, cards, keyboard,
// persistence, permalink, Clear, file drops, exports, the fallback without the Highlight API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launch, waitForAnalysis, highlights, screenshot } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist('/');
});
after(async () => {
  await server?.close();
});

async function open(options) {
  const b = await launch(options);
  await b.page.goto(server.url);
  b.seq = await waitForAnalysis(b.page);
  return b;
}

const names = (h, name) => (h[name] ?? []).map(([pane, text]) => `${pane}:${text}`);

test('legend_toggles_hide_and_show_a_kind_by_click_and_by_number_key', async () => {
  const b = await open();
  try {
    assert.ok(names(await highlights(b.page), 'cl-number').length > 10);
    await b.page.click('.cl-legend input[data-class=number]');
    assert.equal(names(await highlights(b.page), 'cl-number').length, 0);
    await b.page.locator('.cl-tab').first().focus();
    await b.page.keyboard.press('1');
    assert.ok(names(await highlights(b.page), 'cl-number').length > 10);
    assert.equal(await b.page.isChecked('.cl-legend input[data-class=number]'), true);
  } finally {
    await b.close();
  }
});

test('numbers_tab_lists_each_figure_with_its_article_and_sources_tab_shows_shares', async () => {
  const b = await open();
  try {
    await b.page.click('.cl-tab[data-tab=numbers]');
    const rows = b.page.locator('.cl-tabpanel tbody tr');
    assert.ok((await rows.count()) > 10);
    const firstRow = await rows.first().locator('td').allTextContents();
    assert.equal(firstRow[3], 'Harbour Gazette');
    assert.equal(await b.page.getAttribute('.cl-tab[data-tab=numbers]', 'aria-selected'), 'true');
    await b.page.click('.cl-tab[data-tab=sources]');
    assert.match(await b.page.textContent('.cl-tabpanel'), /Harbour Gazette: \d+ of \d+ statements anonymous/);
  } finally {
    await b.close();
  }
});

test('contradictions_are_highlighted_listed_by_confidence_and_the_card_jumps_to_the_other_side', async () => {
  const b = await open();
  try {
    const h = await highlights(b.page);
    const marked = (h['cl-contradiction'] ?? []).map(([pane, t]) => `${pane}:${t}`);
    assert.ok(marked.includes('0:212 passengers') && marked.includes('1:218 passengers'), JSON.stringify(marked));
    const items = b.page.locator('.cl-tabpanel .cl-item');
    assert.ok((await items.count()) >= 2);
    const confidences = (await items.locator('.cl-item-head').allTextContents()).map((t) => Number(t.match(/(\d+)%/)[1]));
    assert.deepEqual(confidences, [...confidences].sort((x, y) => y - x));
    const counted = items.filter({ hasText: '212 passengers' });
    await counted.first().focus();
    await b.page.keyboard.press('Enter');
    await b.page.waitForSelector('#cl-card:not([hidden])');
    assert.match(await b.page.textContent('#cl-card'), /Contradiction · numeric/);
    assert.match(await b.page.textContent('#cl-card'), /“218 passengers” \(Coastal Wire\)/);
    await b.page.click('#cl-card .cl-card-contradiction .cl-jump');
    await b.page.waitForFunction(() => [...(CSS.highlights.get('cl-current') ?? [])].some((r) => r.toString() === '218 passengers'));
    const current = names(await highlights(b.page), 'cl-current');
    assert.deepEqual(current, ['1:218 passengers']);
    await b.page.click('.cl-tab[data-tab=corroborations]');
    assert.match(await b.page.textContent('.cl-tabpanel'), /We heard a long scraping sound/);
  } finally {
    await b.close();
  }
});

test('attributions_highlight_source_cue_and_content_and_sources_tab_lists_speakers', async () => {
  const b = await open();
  try {
    const h = await highlights(b.page);
    for (const kind of ['cl-source', 'cl-cue', 'cl-content']) {
      assert.ok((h[kind] ?? []).some(([pane]) => pane === 0), `${kind}: ${JSON.stringify(h[kind])}`);
    }
    assert.ok((h['cl-cue'] ?? []).some(([, t]) => t === 'said'));
    await b.page.click('.cl-tab[data-tab=sources]');
    const items = await b.page.locator('.cl-tabpanel .cl-item').allTextContents();
    assert.ok(items.some((t) => /Mira Okafor.*named/.test(t)), JSON.stringify(items));
    assert.ok(items.some((t) => /anonymous/.test(t)), JSON.stringify(items));
    // Enter on a speaker opens the card of their first statement, with the resolved speaker.
    const okafor = b.page.locator('.cl-tabpanel .cl-item', { hasText: 'Mira Okafor' });
    await okafor.focus();
    await b.page.keyboard.press('Enter');
    await b.page.waitForSelector('#cl-card:not([hidden])');
    const card = await b.page.textContent('#cl-card');
    assert.match(card, /Speaker\s*Mira Okafor/);
    assert.match(card, /Source kind\s*person/);
  } finally {
    await b.close();
  }
});

test('keyboard_moves_focus_through_findings_and_enter_opens_the_card', async () => {
  const b = await open();
  try {
    await b.page.click('.cl-tab[data-tab=numbers]');
    await b.page.keyboard.press('j');
    const first = await b.page.evaluate(() => document.activeElement.textContent);
    await b.page.keyboard.press('j');
    await b.page.keyboard.press('ArrowDown');
    await b.page.keyboard.press('k');
    const second = await b.page.evaluate(() => document.activeElement.textContent);
    const items = await b.page.locator('.cl-tabpanel .cl-item').allTextContents();
    assert.equal(first, items[0]);
    assert.equal(second, items[1]);
    const current = names(await highlights(b.page), 'cl-current');
    assert.deepEqual(current, [`0:${items[1]}`]);
    await b.page.keyboard.press('Enter');
    await b.page.waitForSelector('#cl-card:not([hidden])');
    assert.match(await b.page.textContent('#cl-card'), /Value/);
    await b.page.keyboard.press('Escape');
    assert.equal(await b.page.isHidden('#cl-card'), true);
    // Esc from a text moves focus to the findings so j/k work without a mouse.
    await b.page.locator('.cl-editor').first().click();
    await b.page.keyboard.press('Escape');
    await b.page.waitForFunction(() => document.activeElement.classList.contains('cl-item'));
  } finally {
    await b.close();
  }
});

test('hovering_a_highlighted_number_shows_its_card', async () => {
  const b = await open();
  try {
    const box = await b.page.evaluate(() => {
      const editor = document.querySelector('.cl-editor');
      const text = editor.firstChild;
      const at = text.data.indexOf('212');
      const r = document.createRange();
      r.setStart(text, at);
      r.setEnd(text, at + 3);
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await b.page.mouse.move(box.x, box.y);
    await b.page.waitForSelector('#cl-card:not([hidden])');
    const card = await b.page.textContent('#cl-card');
    assert.match(card, /212/);
    assert.match(card, /Value/);
  } finally {
    await b.close();
  }
});

test('reload_keeps_the_text_and_clear_asks_first', async () => {
  const b = await open();
  try {
    const editor = b.page.locator('.cl-editor').first();
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Added 77 words.');
    b.seq = await waitForAnalysis(b.page, b.seq);
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.match(await b.page.locator('.cl-editor').first().textContent(), /Added 77 words\.$/);
    assert.match(await b.page.textContent('.cl-status'), /Analysed/);

    b.page.once('dialog', (d) => d.dismiss());
    await b.page.click('button[data-action=clear]');
    assert.equal(await b.page.locator('.cl-editor').count(), 3);
    b.page.once('dialog', (d) => {
      assert.match(d.message(), /lost/);
      d.accept();
    });
    await b.page.click('button[data-action=clear]');
    assert.equal(await b.page.locator('.cl-editor').count(), 1);
    assert.equal(await b.page.locator('.cl-editor').first().textContent(), '');
    await b.page.waitForTimeout(100);
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.equal(await b.page.locator('.cl-editor').count(), 1);
  } finally {
    await b.close();
  }
});

test('permalink_round_trips_the_cluster_through_the_fragment', async () => {
  const b = await open();
  const c = await launch();
  try {
    await b.page.locator('.cl-name').first().fill('Renamed “desk” 😀');
    await b.page.click('button[data-action=permalink]');
    const url = b.page.url();
    assert.match(url, /#cluster=[A-Za-z0-9_-]+$/);
    await c.page.goto(url);
    await waitForAnalysis(c.page);
    assert.equal(await c.page.locator('.cl-editor').count(), 3);
    assert.equal(await c.page.locator('.cl-name').first().inputValue(), 'Renamed “desk” 😀');
    for (let i = 0; i < 3; i++) {
      assert.equal(
        await c.page.locator('.cl-editor').nth(i).textContent(),
        await b.page.locator('.cl-editor').nth(i).textContent(),
      );
    }
    assert.equal(await c.page.locator('.cl-date').nth(1).inputValue(), '2026-03-04');
  } finally {
    await b.close();
    await c.close();
  }
});

test('dropped_files_become_articles_and_html_is_reduced_to_text', async () => {
  const b = await open();
  try {
    await b.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<h1>Quay report</h1><script>window.pwned=1</script><p>Some <b>15</b> boats.</p>'], 'quay.html', { type: 'text/html' }));
      data.items.add(new File(['# Notes\n\n**Nine** divers and 4 tugs.'], 'notes.md', { type: 'text/markdown' }));
      const pane = document.querySelector('.cl-pane');
      pane.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await b.page.waitForFunction(() => document.querySelectorAll('.cl-editor').length === 5);
    const texts = await b.page.locator('.cl-editor').allTextContents();
    assert.ok(texts.includes('Quay report\n\nSome 15 boats.'), JSON.stringify(texts));
    assert.ok(texts.includes('Notes\n\nNine divers and 4 tugs.'), JSON.stringify(texts));
    const namesNow = await b.page.locator('.cl-name').evaluateAll((els) => els.map((e) => e.value));
    assert.ok(namesNow.includes('quay') && namesNow.includes('notes'));
    assert.equal(await b.page.evaluate(() => window.pwned), undefined);
    assert.equal(await b.page.locator('.cl-editor b, .cl-editor script').count(), 0);
  } finally {
    await b.close();
  }
});

async function download(page, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-action=${action}]`)]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

test('exports_parse_and_carry_the_right_spans', async () => {
  const b = await open();
  try {
    const texts = await b.page.locator('.cl-editor').allTextContents();
    const cp = (s) => [...s];
    const json = await download(b.page, 'export-json');
    assert.equal(json.name, 'claimlens.json');
    const out = JSON.parse(json.text);
    assert.equal(out.offsets, 'chars');
    for (const [d, doc] of out.documents.entries()) {
      for (const n of doc.numbers) assert.equal(cp(texts[d]).slice(n.start, n.end).join(''), n.text);
    }
    const csv = await download(b.page, 'export-csv');
    const lines = csv.text.trim().split('\r\n');
    assert.match(lines[0], /^finding,article,start,end,text,kind,value,unit/);
    assert.ok(lines.length > 10);
    assert.match(lines[1], /^number,Harbour Gazette,\d+,\d+,/);
    const anno = JSON.parse((await download(b.page, 'export-anno')).text);
    assert.equal(anno['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(anno.type, 'AnnotationCollection');
    const items = anno.first.items;
    assert.equal(items.length, anno.total);
    for (const a of items) {
      const doc = Number(a.target.source.split(':')[3]) - 1;
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.equal(cp(texts[doc]).slice(pos.start, pos.end).join(''), quote.exact);
      assert.ok(cp(texts[doc]).slice(0, pos.start).join('').endsWith(quote.prefix));
    }
  } finally {
    await b.close();
  }
});

test('the_example_is_analysed_on_the_page_then_edits_in_a_worker_and_the_page_sets_a_strict_csp', async () => {
  const b = await open();
  try {
    // The first, small analysis runs on the page (its wasm is ready first); the worker starts
    // once that result is painted and takes the edits.
    assert.match(await b.page.textContent('.cl-status'), /^Analysed 3 articles on the page in [\d.]+ ms/);
    await b.page.waitForSelector('.cl-panes[data-engine-starts="1"]');
    const editor = b.page.locator('.cl-editor').nth(1);
    await editor.click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.type(' Then 9 tugs arrived.');
    await waitForAnalysis(b.page, b.seq);
    assert.match(await b.page.textContent('.cl-status'), /^Analysed 3 articles in a worker in [\d.]+ ms/);
    const mine = (await highlights(b.page))['cl-number'].filter(([pane]) => pane === 1).map(([, t]) => t);
    assert.ok(mine.some((t) => t.startsWith('9')), `the worker's findings: ${JSON.stringify(mine)}`);
    const csp = await b.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
    assert.equal(await b.page.locator('script:not([src])').count(), 0);
    assert.deepEqual(b.errors, []);
  } finally {
    await b.close();
  }
});

test('a_big_restored_cluster_goes_to_the_worker_from_the_start', async () => {
  const b = await launch();
  try {
    // Above the page's first-analysis limit (20 KB): analysing it on the page would hold the page.
    const sentence = 'The port said 12 cranes and 3 tugs worked on 4 March, a spokesperson said. ';
    const big = sentence.repeat(Math.ceil(25000 / sentence.length));
    await b.context.addInitScript((text) => {
      if (!localStorage.getItem('claimlens.panes.v1')) {
        localStorage.setItem('claimlens.panes.v1', JSON.stringify([{ name: 'Big', date: '', text }]));
      }
    }, big);
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    assert.match(await b.page.textContent('.cl-status'), /^Analysed 1 article in a worker in [\d.]+ ms/);
    assert.ok((await highlights(b.page))['cl-number'].length > 100);
  } finally {
    await b.close();
  }
});

test('after_a_page_analysis_that_never_returned_the_first_analysis_goes_to_the_worker', async () => {
  const b = await launch();
  try {
    // What a panic on the page thread leaves behind: the page's marker of a running analysis.
    await b.context.addInitScript(() => {
      if (!sessionStorage.getItem('marked')) {
        sessionStorage.setItem('marked', '1');
        localStorage.setItem('claimlens.page-analysis.v1', 'running');
      }
    });
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    assert.match(await b.page.textContent('.cl-status'), /^Analysed 3 articles in a worker in [\d.]+ ms/);
    // The worker's success clears the marker: the next start analyses on the page again.
    assert.equal(await b.page.evaluate(() => localStorage.getItem('claimlens.page-analysis.v1')), null);
    await b.page.reload();
    await waitForAnalysis(b.page);
    assert.match(await b.page.textContent('.cl-status'), /^Analysed 3 articles on the page in [\d.]+ ms/);
  } finally {
    await b.close();
  }
});

test('without_the_highlight_api_a_backdrop_shows_the_marks', async () => {
  const b = await launch();
  try {
    await b.context.addInitScript(() => {
      delete window.Highlight;
    });
    await b.page.goto(server.url);
    await waitForAnalysis(b.page);
    const marks = await b.page.locator('.cl-pane').first().locator('.cl-backdrop .cl-mark').allTextContents();
    assert.ok(marks.some((m) => m.includes('212')), JSON.stringify(marks));
    // The backdrop holds the same text as the editor, so the marks sit under the right words.
    const same = await b.page.evaluate(() => {
      const pane = document.querySelector('.cl-pane');
      return pane.querySelector('.cl-backdrop').textContent === pane.querySelector('.cl-editor').textContent + '\n';
    });
    assert.equal(same, true);
  } finally {
    await b.close();
  }
});

test('screenshots_of_the_page_in_light_and_dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const b = await open({ colorScheme: scheme });
    try {
      // The first contradiction (highest confidence), opened from the keyboard.
      await b.page.locator('.cl-tab[data-tab=contradictions]').focus();
      await b.page.keyboard.press('j');
      await b.page.keyboard.press('Enter');
      await b.page.waitForSelector('#cl-card:not([hidden])');
      assert.match(await b.page.textContent('#cl-card'), /Contradiction/);
      await screenshot(b.page, scheme === 'light' ? 'page-light.png' : 'page-dark.png');
    } finally {
      await b.close();
    }
  }
});
