/**
 * Runs `fn` in a task of its own, after every microtask queued so far (and those they queue).
 * A MessageChannel message rather than setTimeout(0): no timer clamping, and no time involved
 * (time comes from the injected Clock; this is only an order). Workers and Node both have one.
 */
export function createMacrotask(): (fn: () => void) => void {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node (tests): an open port must not keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(null);
  };
}
