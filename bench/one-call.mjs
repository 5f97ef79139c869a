// One `analyze` call of a build on the 1,000 generated articles (`gen-articles --articles 1000 --seed
// 42`), after a small first call: for counting instructions, which the machine's load does not move
// (BENCHMARKS.md, "Session 9"). Compiled by TurboFan up front and on one thread, so two runs give
// the same count within 0.02 %:
//
//   valgrind --tool=callgrind node --no-liftoff --single-threaded bench/one-call.mjs DIST
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generatedArticles } from './generated.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] ?? path.join(here, '..', 'dist');
const { docs } = generatedArticles(1000);
const glue = await import(pathToFileURL(path.resolve(dist, 'claimlens.js')).href);
glue.initSync({ module: readFileSync(path.resolve(dist, 'claimlens_bg.wasm')) });
glue.analyze('Officials said 59 missiles struck.', { offsets: 'utf16' });
const t0 = performance.now();
const out = glue.analyze(docs, { offsets: 'utf16' });
console.log(`${(performance.now() - t0).toFixed(0)} ms, ${out.contradictions.length} contradictions`);
