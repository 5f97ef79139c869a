// The embed: the example CMS page renders the <claim-lens> widget, highlights the article in
// place under a strict CSP, and the ES module's analyze() returns UTF-16 offsets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, screenshot } from './helpers.mjs';

let server;
before(async () => {
  server = await serveDist('/cms/assets/claimlens/');
});
after(async () => {
  await server?.close();
});

test('embed_example_renders_the_widget_and_highlights_the_article_in_place', async () => {
  const b = await launch();
  try {
    await b.page.goto(`${server.url}embed-example.html`);
    await b.page.waitForSelector('claim-lens .cl-embed');
    const before = await b.page.textContent('#story');
    const summary = await b.page.textContent('.cl-embed-summary');
    assert.match(summary, /\d+ numbers · \d+ statements/);
    const ranges = await b.page.evaluate(() => {
      const story = document.getElementById('story');
      return [...(CSS.highlights.get('cl-number') ?? [])]
        .filter((r) => story.contains(r.startContainer))
        .map((r) => r.toString());
    });
    assert.ok(ranges.some((t) => t.includes('212')), JSON.stringify(ranges));
    assert.equal(await b.page.textContent('#story'), before, 'the article text is untouched');
    assert.equal(await b.page.locator('#story mark, #story .cl-mark').count(), 0);
    await b.page.evaluate(() => document.querySelector('#story p:nth-of-type(2)').scrollIntoView());
    const box = await b.page.evaluate(() => {
      const story = document.getElementById('story');
      const r = [...CSS.highlights.get('cl-number')].find((x) => story.contains(x.startContainer) && x.toString().includes('212'));
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await b.page.mouse.move(box.x, box.y);
    await b.page.waitForSelector('.cl-card:not([hidden])');
    assert.deepEqual(b.errors, []);
    await screenshot(b.page, 'embed.png');
  } finally {
    await b.close();
  }
});

test('embed_module_exports_init_analyze_and_mount', async () => {
  const b = await launch();
  try {
    await b.page.goto(`${server.url}embed-example.html`);
    await b.page.waitForSelector('claim-lens .cl-embed');
    const result = await b.page.evaluate(async (base) => {
      const m = await import(`${base}embed.js`);
      await m.init();
      const text = '😀 Über 東京: 9 boats and 12 cars.';
      const out = m.analyze([{ name: 'a', text }], {});
      const spans = out.documents[0].numbers.map((n) => [text.slice(n.start, n.end), n.text]);
      const host = document.createElement('div');
      host.textContent = 'A test article: 31 people.';
      document.body.append(host);
      const w = m.mount(host, { name: 'test' });
      const mounted = { n: w.result.documents[0].numbers.length, widget: !!host.querySelector('.cl-embed') };
      w.destroy();
      return { spans, mounted, left: host.querySelector('.cl-embed') === null, text: host.textContent };
    }, server.url);
    assert.ok(result.spans.length >= 2);
    for (const [sliced, text] of result.spans) assert.equal(sliced, text);
    assert.deepEqual(result.mounted, { n: 1, widget: true });
    assert.equal(result.left, true);
    assert.equal(result.text, 'A test article: 31 people.');
  } finally {
    await b.close();
  }
});
