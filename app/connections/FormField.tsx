import type { ReactNode } from 'react';

/** The input look of the connection form. */
export const fieldClass = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';

/**
 * A caption above a control in the connection form's two-column grid. The caption is hidden from
 * assistive technology: each control carries its own contract name (`aria-label`).
 */
export function FormField({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`grid gap-0.5 ${wide ? 'col-span-2' : ''}`}>
      <span aria-hidden="true" className="text-xs text-hmi-muted">
        {label}
      </span>
      {children}
    </div>
  );
}
