// Starts the page: loads the wasm module (relative URL, works from any path) and hands the
// root element to the Rust page code. An external file, so the page runs under a strict CSP.
import init, { startPage } from './claimlens.js';

const root = document.getElementById('app');
try {
  await init();
  startPage(root, { worker: new URL('./worker.js', import.meta.url).href });
} catch (err) {
  root.textContent = `ClaimLens could not start: ${err}`;
  throw err;
}
