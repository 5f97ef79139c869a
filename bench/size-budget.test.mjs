// The release page's download budget: the wasm module and every JavaScript file that trunk puts in
// dist/, gzipped (level 9, as a static server would send them), must stay within 250 KB.
// Run after `trunk build --release --offline`: `node --test bench/size-budget.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const BUDGET_BYTES = 250_000;

const gzipped = (file) => gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;

test('release_wasm_and_js_fit_the_250_kb_gzipped_budget', () => {
  const wasm = path.join(dist, 'claimlens_bg.wasm');
  assert.ok(existsSync(wasm), `${wasm} is missing: build the page first with \`trunk build --release --offline\``);
  const files = readdirSync(dist).filter((f) => f.endsWith('.wasm') || f.endsWith('.js') || f.endsWith('.mjs'));
  assert.ok(files.includes('claimlens.js'), 'dist/claimlens.js (the wasm-bindgen glue) is missing');
  const sizes = Object.fromEntries(files.map((f) => [f, gzipped(path.join(dist, f))]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  const table = Object.entries(sizes).map(([f, n]) => `${f} ${(n / 1000).toFixed(1)} KB`).join(', ');
  console.log(`gzipped: ${table}; total ${(total / 1000).toFixed(1)} KB of ${BUDGET_BYTES / 1000} KB`);
  assert.ok(total <= BUDGET_BYTES, `release wasm + JS is ${total} bytes gzipped, over the ${BUDGET_BYTES}-byte budget (${table})`);
});

/** Names of the custom sections of a wasm module (section id 0), read from its section headers. */
function customSections(bytes) {
  let p = 8; // magic and version
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[p++];
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
    }
  };
  const names = [];
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const end = p + size;
    if (id === 0) {
      const len = leb();
      names.push(bytes.subarray(p, p + len).toString('utf8'));
    }
    p = end;
  }
  return names;
}

test('the_wasm_module_is_optimised_by_wasm_opt', () => {
  // rustc and wasm-bindgen keep a "name" section; wasm-opt without -g drops it, so its absence
  // shows that the release pipeline ran wasm-opt.
  const sections = customSections(readFileSync(path.join(dist, 'claimlens_bg.wasm')));
  assert.ok(!sections.includes('name'), `dist/claimlens_bg.wasm still has a name section (${sections}): was wasm-opt skipped?`);
});
