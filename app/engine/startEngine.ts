import { engine } from './engineClient';

// Imported first by app/main.tsx: its evaluation runs before the rest of the page's modules, so
// the worker script downloads, compiles and evaluates while they do, and its thread starts before
// React's first render holds the main thread (Chromium starts a dedicated worker from the parent's
// thread). Listeners attached later in the same task still see every message: they arrive as tasks.
engine.start();
