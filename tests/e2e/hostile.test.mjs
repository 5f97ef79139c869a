// Hostile paste (issue 8): XSS payloads (tests/e2e/payloads.mjs) go into the panes (pasted and
// typed), the file drop (text files, HTML files, dropped markup), the permalink fragment and the
// embed (analyze, mount, <claim-lens>). The page runs with its CSP switched off, so that only
// the page's own handling of text stands between a payload and execution: nothing may run (no
// hit recorded, no dialog, no console error, no new element a payload could bring), and the text
// must come back verbatim.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, waitForAnalysis } from './helpers.mjs';
import { payloads, armHits, DANGEROUS } from './payloads.mjs';

const PAYLOADS = payloads();

let server;
before(async () => {
  server = await serveDist('/');
});
after(async () => {
  await server?.close();
});

/** A page with the CSP off, hits armed and dialogs recorded. */
async function hostilePage(path = '') {
  const b = await launch({ bypassCSP: true });
  b.dialogs = [];
  b.page.on('dialog', (d) => {
    b.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await b.context.addInitScript(armHits);
  await b.page.goto(server.url + path);
  return b;
}

async function assertNothingRan(b, what, baseline = 0) {
  // Let any deferred handler (onerror of a failed load, autofocus, timers) fire first.
  await b.page.waitForTimeout(300);
  assert.deepEqual(await b.page.evaluate(() => window.__xssHits), [], `${what}: payloads ran`);
  assert.deepEqual(b.dialogs, [], `${what}: dialogs opened`);
  assert.deepEqual(b.errors, [], `${what}: console errors`);
  assert.deepEqual(await b.page.evaluate(() => window.__cspViolations), [], `${what}: CSP violations`);
  const found = await b.page.evaluate((sel) => [...document.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 80)), DANGEROUS);
  assert.equal(found.length, baseline, `${what}: elements a payload could have made: ${JSON.stringify(found)}`);
}

test('there_are_at_least_a_hundred_distinct_payloads', () => {
  assert.ok(new Set(PAYLOADS).size >= 100, `${new Set(PAYLOADS).size} payloads`);
  for (const kind of ['<script', 'onerror=', 'javascript:', '<svg', '<math', '&lt;', '{{', '${', '<iframe', 'srcdoc', '<style', '\u202E']) {
    assert.ok(PAYLOADS.some((p) => p.includes(kind)), `a payload with ${kind}`);
  }
});

test('the_detector_sees_a_payload_that_runs_when_markup_is_rendered', async () => {
  // The checks below can fail: with the CSP off, markup put into the page as HTML does run.
  const b = await hostilePage();
  try {
    await waitForAnalysis(b.page);
    await b.page.evaluate((p) => document.body.insertAdjacentHTML('beforeend', p), '<img src=x onerror="__hit(-1)">');
    await b.page.waitForFunction(() => window.__xssHits.length === 1);
    assert.deepEqual(await b.page.evaluate(() => window.__xssHits), [-1]);
  } finally {
    await b.close();
  }
});

test('payloads_pasted_or_typed_into_a_pane_stay_verbatim_text_and_findings_and_cards_escape_them', async () => {
  const b = await hostilePage();
  try {
    let seq = await waitForAnalysis(b.page);
    const baseline = await b.page.locator(DANGEROUS).count();
    // Pasted (the clipboard carries the payload as text/plain and as text/html).
    const pasted = await b.page.evaluate((list) => {
      const editor = document.querySelector('.cl-editor');
      const wrong = [];
      for (const [i, p] of list.entries()) {
        editor.focus();
        getSelection().selectAllChildren(editor);
        const data = new DataTransfer();
        data.setData('text/plain', p);
        data.setData('text/html', p);
        editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        // What the page keeps (saved on every edit) is the payload; the editor shows it, plus the
        // line break Chromium adds at the end after inserting text with line breaks.
        const kept = JSON.parse(localStorage.getItem('claimlens.panes.v1'))[0].text;
        const shown = editor.textContent;
        if (kept !== p || (shown !== p && shown !== `${p}\n`) || editor.children.length) wrong.push([i, kept, editor.innerHTML]);
      }
      return wrong;
    }, PAYLOADS);
    assert.deepEqual(pasted, [], 'pasted payloads that did not come back verbatim');
    // Typed (trusted text input, as an IME or the keyboard gives it): every third payload.
    const editor = b.page.locator('.cl-editor').nth(1);
    for (const [i, p] of PAYLOADS.entries()) {
      if (i % 3) continue;
      await editor.evaluate((e) => {
        e.focus();
        getSelection().selectAllChildren(e);
      });
      await b.page.keyboard.insertText(p);
      const [kept, shown] = await editor.evaluate((e) => [
        JSON.parse(localStorage.getItem('claimlens.panes.v1'))[1].text,
        e.children.length ? e.innerHTML : e.textContent,
      ]);
      assert.equal(kept, p, `typed payload ${i} as kept`);
      assert.ok(shown === p || shown === `${p}\n`, `typed payload ${i} as shown: ${JSON.stringify(shown)}`);
    }
    await assertNothingRan(b, 'panes', baseline);

    // Findings: the sentence payloads across three panes, then every side-panel entry and its card.
    const sentences = PAYLOADS.filter((p) => p.startsWith('Officials said'));
    const thirds = [0, 1, 2].map((k) => sentences.filter((_, i) => i % 3 === k).join('\n'));
    await b.page.evaluate((texts) => {
      document.querySelectorAll('.cl-editor').forEach((e, i) => {
        e.focus();
        getSelection().selectAllChildren(e);
        document.execCommand('insertText', false, texts[i]);
      });
    }, thirds);
    seq = await waitForAnalysis(b.page, seq);
    const kept = await b.page.evaluate(() => JSON.parse(localStorage.getItem('claimlens.panes.v1')).map((p) => p.text));
    assert.deepEqual(kept, thirds);
    let shown = '';
    for (const tab of ['numbers', 'sources', 'contradictions', 'corroborations']) {
      await b.page.click(`.cl-tab[data-tab=${tab}]`);
      shown += await b.page.textContent('.cl-tabpanel');
      const items = b.page.locator('.cl-tabpanel .cl-item');
      const n = Math.min(await items.count(), 12);
      for (let i = 0; i < n; i++) {
        await items.nth(i).focus();
        await b.page.keyboard.press('Enter');
        await b.page.waitForSelector('#cl-card:not([hidden])');
        shown += await b.page.textContent('#cl-card');
        await b.page.keyboard.press('Escape');
      }
    }
    // Quoted content with markup in it shows as the characters typed.
    assert.match(shown, /<img src=x onerror=|<script>|<svg/, 'markup from the payloads appears as text in the findings');
    await assertNothingRan(b, 'findings and cards', baseline);
  } finally {
    await b.close();
  }
});

test('payloads_dropped_as_text_files_html_files_and_markup_never_run', async () => {
  const b = await hostilePage();
  try {
    await waitForAnalysis(b.page);
    const baseline = await b.page.locator(DANGEROUS).count();
    // Text files, one per payload, in drops of 40: each becomes a pane holding the payload as is.
    for (let start = 0; start < PAYLOADS.length; start += 40) {
      const batch = PAYLOADS.slice(start, start + 40);
      const texts = await b.page.evaluate(async (list) => {
        document.querySelectorAll('.cl-pane').forEach((p, i) => i > 0 && p.remove());
        const before = document.querySelectorAll('.cl-editor').length;
        const data = new DataTransfer();
        list.forEach((p, i) => data.items.add(new File([p], `payload-${i}.txt`, { type: 'text/plain' })));
        document.querySelector('.cl-pane').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        const deadline = performance.now() + 15000;
        while (document.querySelectorAll('.cl-editor').length < before + list.length && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        return [...document.querySelectorAll('.cl-pane')].slice(before).map((pane) => ({
          name: pane.querySelector('.cl-name').value,
          text: pane.querySelector('.cl-editor').textContent,
          elements: pane.querySelector('.cl-editor').children.length,
        }));
      }, batch);
      assert.equal(texts.length, batch.length, `panes added for the drop starting at ${start}`);
      for (const t of texts) {
        const i = Number(t.name.split('-')[1]);
        assert.equal(t.text, batch[i].trim(), `dropped text file ${start + i}`);
        assert.equal(t.elements, 0);
      }
    }
    await assertNothingRan(b, 'text files', baseline);

    // HTML files: parsed inertly and reduced to text; nothing loads or runs.
    const htmlPanes = await b.page.evaluate(async (list) => {
      document.querySelectorAll('.cl-pane').forEach((p, i) => i > 0 && p.remove());
      // A file with no text once its markup is set aside adds no pane: the page says so instead.
      const wrap = (p) => `<article><p>${p}</p></article>`;
      const empties = [];
      const alert = document.querySelector('.cl-alert-text');
      new MutationObserver(() => /holds no text/.test(alert.textContent) && empties.push(alert.textContent)).observe(alert, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      const data = new DataTransfer();
      list.forEach((p, i) => data.items.add(new File([wrap(p)], `payload-${i}.html`, { type: 'text/html' })));
      document.querySelector('.cl-pane').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      const deadline = performance.now() + 20000;
      while (document.querySelectorAll('.cl-editor').length - 1 + empties.length < list.length && performance.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      return { empties: empties.length, elements: [...document.querySelectorAll('.cl-editor')].slice(1).map((e) => e.children.length) };
    }, PAYLOADS);
    assert.equal(htmlPanes.elements.length + htmlPanes.empties, PAYLOADS.length, 'a pane or a message per HTML file');
    assert.ok(htmlPanes.elements.length > PAYLOADS.length / 2, `${htmlPanes.elements.length} HTML files had text`);
    assert.ok(htmlPanes.elements.every((n) => n === 0), 'no element inside an editor');
    assert.match(await b.page.textContent('.cl-alert-text'), /holds no text once its markup is set aside/);
    await assertNothingRan(b, 'HTML files', baseline);

    // Markup dropped without a file (text/html only): reduced to text where it falls.
    const dropped = await b.page.evaluate((list) => {
      document.querySelectorAll('.cl-pane').forEach((p, i) => i > 0 && p.remove());
      const pane = document.querySelector('.cl-pane');
      const editor = pane.querySelector('.cl-editor');
      const out = [];
      for (const p of list) {
        editor.textContent = '';
        const data = new DataTransfer();
        data.setData('text/html', `<div>${p}</div>`);
        editor.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        // The words a reader would see: the page leaves out scripts, styles and form controls.
        const doc = new DOMParser().parseFromString(`<div>${p}</div>`, 'text/html');
        doc.querySelectorAll('script, style, noscript, template, button, input, select, textarea').forEach((e) => e.remove());
        const inert = doc.body.textContent;
        out.push({ elements: editor.children.length, text: editor.textContent, inert });
      }
      return out;
    }, PAYLOADS);
    for (const [i, d] of dropped.entries()) {
      assert.equal(d.elements, 0, `dropped markup ${i} made elements`);
      if (d.inert.trim()) assert.ok(d.text.trim().length > 0, `dropped markup ${i} left its text: ${JSON.stringify(d)}`);
      else assert.equal(d.text.trim(), '', `dropped markup ${i}: ${JSON.stringify(d)}`);
    }
    await assertNothingRan(b, 'dropped markup', baseline);
  } finally {
    await b.close();
  }
});

/** The page's permalink encoding: `#cluster=` + base64url(JSON {v, panes}). */
function permalink(panes) {
  return '#cluster=' + Buffer.from(JSON.stringify({ v: 1, panes })).toString('base64url');
}

test('payloads_in_the_permalink_fragment_come_back_as_text', async () => {
  const b = await hostilePage();
  try {
    await waitForAnalysis(b.page);
    const baseline = await b.page.locator(DANGEROUS).count();
    const panes = PAYLOADS.map((p) => ({ name: p.replace(/\n/g, ' '), date: '', text: p }));
    await b.page.goto(server.url + permalink(panes));
    await b.page.reload(); // a fresh start from the fragment, not a hashchange
    await waitForAnalysis(b.page);
    const texts = await b.page.locator('.cl-editor').allTextContents();
    const names = await b.page.locator('.cl-name').evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(texts, PAYLOADS);
    assert.deepEqual(names, panes.map((p) => p.name));
    await assertNothingRan(b, 'permalink', baseline);

    // Payloads as the raw fragment, and as a damaged cluster: ignored or refused with a message.
    for (const p of PAYLOADS.slice(0, 40)) {
      await b.page.evaluate((h) => {
        location.hash = h;
      }, p);
    }
    await b.page.evaluate(() => {
      location.hash = 'cluster=<img src=x onerror=__hit(9999)>';
    });
    await b.page.waitForSelector('.cl-alert:not([hidden])');
    assert.match(await b.page.textContent('.cl-alert-text'), /permalink .* could not be read/);
    const still = await b.page.evaluate(() => JSON.parse(localStorage.getItem('claimlens.panes.v1')).map((p) => p.text));
    assert.deepEqual(still, PAYLOADS, 'the text is still there');
    await assertNothingRan(b, 'raw fragments', baseline);
  } finally {
    await b.close();
  }
});

test('payloads_given_to_the_embed_are_analysed_as_text_and_never_rendered', async () => {
  const b = await hostilePage('embed-example.html');
  try {
    await b.page.waitForSelector('claim-lens .cl-embed');
    const baseline = await b.page.locator(DANGEROUS).count();
    const result = await b.page.evaluate(async (list) => {
      const m = await import('./embed.js');
      await m.init();
      const wrong = [];
      // analyze(): names and spans come back as the characters given.
      const out = m.analyze(list.map((p) => ({ name: p, text: p })), {});
      out.documents.forEach((d, i) => {
        if (d.name !== list[i]) wrong.push(`analyze name ${i}`);
        for (const n of d.numbers) if (list[i].slice(n.start, n.end) !== n.text) wrong.push(`analyze span ${i}`);
      });
      // mount(): over an element holding the payload as text.
      for (const [i, p] of list.entries()) {
        const host = document.createElement('div');
        host.textContent = p;
        document.body.append(host);
        const w = m.mount(host, { name: p });
        if (w.text.trim() !== p.trim()) wrong.push(`mount text ${i}: ${JSON.stringify(w.text)}`);
        const ui = host.querySelector('.cl-embed');
        if (!ui) wrong.push(`mount ui ${i}`);
        w.destroy();
        if (host.textContent !== p) wrong.push(`mount left ${i}`);
        host.remove();
      }
      // <claim-lens>: its own text and its name attribute.
      for (const [i, p] of list.entries()) {
        const el = document.createElement('claim-lens');
        el.setAttribute('name', p);
        if (i % 2) el.setAttribute('pub-date', p); // never a date: the widget says so and analyses without it
        el.textContent = p;
        const ready = new Promise((resolve) => el.addEventListener('claimlens-ready', resolve, { once: true }));
        document.body.append(el);
        await Promise.race([ready, new Promise((r) => setTimeout(r, 2000))]);
        if (!el.result) wrong.push(`claim-lens ${i} gave no result`);
        else if (el.result.documents[0].name !== p) wrong.push(`claim-lens name ${i}`);
        const problem = el.querySelector('.cl-embed-problem')?.textContent ?? null;
        if ((i % 2 === 1) !== (problem !== null)) wrong.push(`claim-lens date note ${i}: ${problem}`);
        else if (problem && !problem.includes(p.trim())) wrong.push(`claim-lens date note ${i} quotes the date: ${problem}`);
        el.remove();
      }
      return wrong;
    }, PAYLOADS);
    assert.deepEqual(result, []);
    // Cards of the example article, whose text now sits beside the payloads' leftovers.
    await assertNothingRan(b, 'embed', baseline);
  } finally {
    await b.close();
  }
});
