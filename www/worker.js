// The page's analysis worker: re-analysis runs here so typing never waits for it.
// Messages in: {seq, request} (a cluster request as JSON); out: {seq, json, ms}.
import init, { analyzeJson } from './claimlens.js';

const ready = init();

self.onmessage = async (event) => {
  const { seq, request } = event.data;
  await ready;
  const t0 = performance.now();
  let json;
  try {
    json = analyzeJson(request);
  } catch (err) {
    json = JSON.stringify({ error: String(err) });
  }
  self.postMessage({ seq, json, ms: performance.now() - t0 });
};
