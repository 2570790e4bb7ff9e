/** Shared Tailwind classes for the command UI (ISA-101 greys). */
export const fieldBase = 'rounded border border-hmi-border bg-hmi-raised px-2 py-1';
export const field = `${fieldBase} w-full`;
export const smallButton = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs';
export const mainButton = 'rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold';
export const caption = 'text-xs text-hmi-muted';
