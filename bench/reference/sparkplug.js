// The bench's bare Sparkplug reference page: reference.js with the bundled decoding worker
// (bench/lib/sparkplugReference.mjs builds it into .tmp/bench-reference/).
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('../../.tmp/bench-reference/sparkplug-worker.js', import.meta.url), { type: 'module', name: 'bench-reference-sparkplug' });
worker.postMessage({ type: 'start', url: params.get('broker'), filter: params.get('filter') ?? 'spBv1.0/#' });
const out = document.querySelector('[aria-label="Received"]');
worker.onmessage = (e) => {
  window.__bench = e.data;
  if (out) out.textContent = String(e.data.count);
};
