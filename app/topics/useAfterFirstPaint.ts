import { startTransition, useEffect, useState } from 'react';

/**
 * False in the first frame a component is shown, true from the next one (rendered as a
 * transition, in slices). Lets a view answer a click with what the operator looks at first and
 * add the rest right after: during a big broker's retained flood the Topics view's side panels
 * were a third of its 100–300 ms mount (issue 17 #3).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // rAF runs before the first paint; the task it posts runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}
