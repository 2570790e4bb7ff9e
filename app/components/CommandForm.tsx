import type { ReactNode } from 'react';

/**
 * A command widget's form (setpoints, Sparkplug writes): Enter or the button submits, and our own
 * checks name the limit ("above the maximum 120 °C"), so the browser's validation bubble, which
 * would not reach the status line, is off.
 */
export function CommandForm({ onSubmit, children }: { readonly onSubmit: () => void; readonly children: ReactNode }) {
  return (
    <form
      noValidate
      className="flex h-full flex-col gap-2 overflow-auto"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
