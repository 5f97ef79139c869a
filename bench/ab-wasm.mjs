// Two builds of the page's wasm side by side in one Node process, for a verdict on a loaded machine:
// the builds take turns in short rounds, so a change in the machine's load falls on both alike.
//
//   node bench/ab-wasm.mjs DIST_A DIST_B [--rounds 40] [--input seeds|basil|articles1000]
//
// Each round times `analyze` (UTF-16 offsets, as the page asks) on the input, A then B, then B then
// A in the next round. `articles1000`: one cluster of 1,000 generated articles (`gen-articles
// --articles 1000 --seed 42`, from target/{release,eval}; the target "1,000 articles < 1 s"), where
// a round is a single call of each build. Prints each build's median round and B's time as a share of A's, with the
// spread of that share over the rounds (its quartiles). See BENCHMARKS.md.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedArticles } from './generated.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const rounds = Number(option('--rounds') ?? 40);
const which = option('--input') ?? 'seeds';
const [distA, distB] = args;
if (!distA || !distB) {
  console.error('usage: node bench/ab-wasm.mjs DIST_A DIST_B [--rounds N] [--input seeds|basil|articles1000]');
  process.exit(2);
}
const shared = process.env.CLAIMLENS_SHARED ?? path.join(here, '..', '..', 'shared');

function clusters() {
  if (which === 'seeds') {
    const dir = path.join(shared, 'seeds');
    const docs = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    return [docs];
  }
  if (which === 'articles1000') {
    return [generatedArticles(1000).docs];
  }
  const lines = readFileSync(path.join(shared, 'corpora/basil_event_clusters/dev.jsonl'), 'utf8').split('\n');
  return lines
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).articles.filter((a) => a.text?.trim()).map((a, i) => ({ name: `article-${i}`, text: a.text })))
    .filter((c) => c.length);
}

async function load(dist) {
  const glue = await import(pathToFileURL(path.resolve(dist, 'claimlens.js')).href);
  glue.initSync({ module: readFileSync(path.resolve(dist, 'claimlens_bg.wasm')) });
  return glue.analyze;
}

const input = clusters();
const builds = [await load(distA), await load(distB)];
// Warm up until V8 has optimised both, then enough calls per round for ~200 ms of work.
const run = (analyze) => {
  const t0 = performance.now();
  for (const docs of input) analyze(docs, { offsets: 'utf16' });
  return performance.now() - t0;
};
const warmEnd = performance.now() + 3000;
while (performance.now() < warmEnd) builds.forEach(run);
const perRound = Math.max(1, Math.round(200 / Math.max(run(builds[0]), 0.01)));

const times = [[], []];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [1, 0] : [0, 1];
  for (const b of order) {
    let total = 0;
    for (let k = 0; k < perRound; k++) total += run(builds[b]);
    times[b].push(total / perRound);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]];
};
const shares = times[1].map((t, i) => t / times[0][i]);
const [q1, q3] = quartiles(shares);
console.log(`${which}: ${perRound} calls per round, ${rounds} rounds`);
console.log(`A ${distA}: median ${median(times[0]).toFixed(3)} ms`);
console.log(`B ${distB}: median ${median(times[1]).toFixed(3)} ms`);
console.log(`B / A: median ${median(shares).toFixed(3)} (quartiles ${q1.toFixed(3)}–${q3.toFixed(3)})`);
