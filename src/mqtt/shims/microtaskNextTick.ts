/** `process.nextTick(fn, ...args)` on the microtask queue: Node's order, without a task in between. */
export function microtaskNextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void {
  queueMicrotask(() => callback(...args));
}
