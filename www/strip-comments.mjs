// Trunk post-build hook (Trunk.toml): takes the comments and indentation out of the JavaScript
// that trunk puts in dist/ — the wasm-bindgen glue carries every exported function's Rust doc
// comment — so a reader downloads code, not prose (BENCHMARKS.md "Size (session 7)": −1.8 KB
// gzipped on the glue alone). The sources in www/ and src/ keep their comments.
//
// Only whole lines go: a line that is a `//` comment, the lines of a block comment that starts a
// line, and each line's leading whitespace. That is safe as long as no string spans lines, so a
// file with a template literal left open at the end of a line is written back unchanged.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The code of `source` without comment lines and indentation, or null when that is not safe. */
export function stripComments(source) {
  const kept = [];
  let inBlock = false;
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (!inBlock && (text.startsWith('//') || text === '')) continue;
    if (inBlock || text.startsWith('/*')) {
      // Where the comment ends; code after that on the line cannot go ("/* a */ f(); /* b */"
      // ends with a comment but holds code).
      const end = text.indexOf('*/', inBlock ? 0 : 2);
      inBlock = end < 0;
      if (!inBlock && end !== text.length - 2) return null;
      continue;
    }
    // An odd number of backticks leaves a template literal open: its next lines are text.
    if ((text.split('`').length - 1) % 2 === 1) return null;
    kept.push(text);
  }
  return inBlock ? null : kept.join('\n') + '\n';
}

const dir = process.env.TRUNK_STAGING_DIR;
if (dir) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const file = path.join(dir, name);
    const stripped = stripComments(readFileSync(file, 'utf8'));
    if (stripped === null) console.warn(`strip-comments: ${name} left as it is (a string spans lines)`);
    else writeFileSync(file, stripped);
  }
}
