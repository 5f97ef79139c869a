// The generated clusters the Node harnesses share (wasm-bench.mjs, ab-wasm.mjs, ab-browser.mjs,
// one-call.mjs): the seeded article generator `gen-articles`, from target/{release,eval,debug}, else
// built and run through cargo.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One cluster of `n` generated articles: `{docs: [{name, text}], pub_date}`. */
export function generatedArticles(n, seed = 42) {
  const candidates = ['release', 'eval', 'debug'].map((p) => path.join(root, 'target', p, 'gen-articles'));
  const bin = candidates.find((p) => existsSync(p));
  const argv = ['--articles', String(n), '--seed', String(seed)];
  const out = bin
    ? execFileSync(bin, argv, { maxBuffer: 1 << 28 })
    : execFileSync('cargo', ['run', '--quiet', '--profile', 'eval', '--bin', 'gen-articles', '--', ...argv], {
        cwd: root,
        maxBuffer: 1 << 28,
      });
  const line = JSON.parse(out.toString('utf8').trim());
  return { docs: line.documents, pub_date: line.pub_date };
}
