// A static server for a build folder on 127.0.0.1 (a free port), shared by the page harnesses
// (page-breakdown.mjs, page-trace.mjs): `/` serves index.html; unknown paths get a 404.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves `dist`; resolves to `{server, url}` once listening. */
export async function serve(dist) {
  const server = createServer((req, res) => {
    const p = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/\/$/, '/index.html')));
    try { const b = readFileSync(p); res.writeHead(200, { 'content-type': types[path.extname(p)] ?? 'application/octet-stream' }); res.end(b); }
    catch { res.writeHead(404); res.end(); }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.on('listening', r));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}
