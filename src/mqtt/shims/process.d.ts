// The `process` npm package's browser build (a dependency of readable-stream, hence of mqtt.js).
declare module 'process/browser.js' {
  const process: { nextTick(callback: (...args: unknown[]) => void, ...args: unknown[]): void; env: Record<string, string> };
  export default process;
}
