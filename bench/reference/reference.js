// The bench's bare reference page (bench/README.md): the broker URL comes from ?broker=…, the work
// happens in a module worker; the main thread only shows the count every 250 ms. The bench reads
// the exact count from the worker with Runtime.evaluate (self.__bench).
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'bench-reference' });
worker.postMessage({ type: 'start', url: params.get('broker'), filter: params.has('filter') ? params.getAll('filter') : '#', qos: Number(params.get('qos') ?? 0) });
const out = document.querySelector('[aria-label="Received"]');
worker.onmessage = (e) => {
  window.__bench = e.data;
  if (out) out.textContent = String(e.data.count);
};
