/**
 * Chart redraws spread over animation frames. Every chart on a dashboard gets its new points in
 * the same engine delta; drawing ten of them in one frame made 80–280 ms frames. Here each frame
 * draws until it has spent its budget, and the rest wait for the next frame, oldest first.
 */
export interface DrawQueue {
  /** Draws `draw` in a coming frame; a draw still waiting for the same owner is replaced in place. */
  schedule(owner: object, draw: () => void): void;
  cancel(owner: object): void;
}

export interface DrawQueueDeps {
  readonly budgetMs: number;
  readonly now: () => number;
  readonly requestFrame: (run: () => void) => void;
}

export function createDrawQueue({ budgetMs, now, requestFrame }: DrawQueueDeps): DrawQueue {
  // A Map keeps insertion order: a chart that redraws often cannot starve the others.
  const pending = new Map<object, () => void>();
  let requested = false;

  const run = () => {
    requested = false;
    const start = now();
    for (const [owner, draw] of pending) {
      pending.delete(owner);
      draw();
      if (now() - start >= budgetMs) break;
    }
    request();
  };
  const request = () => {
    if (requested || pending.size === 0) return;
    requested = true;
    requestFrame(run);
  };

  return {
    schedule(owner, draw) {
      pending.set(owner, draw);
      request();
    },
    cancel(owner) {
      pending.delete(owner);
    },
  };
}

/** Half a 60 Hz frame for drawing leaves the rest for React, input and the browser. */
export const drawQueue = createDrawQueue({
  budgetMs: 8,
  now: () => performance.now(),
  requestFrame: (run) => requestAnimationFrame(run),
});
