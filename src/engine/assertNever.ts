/**
 * The `default:` of an exhaustive switch over a discriminated union: a compile error when a
 * member is not handled, and a loud failure if an unknown value arrives at run time anyway
 * (a message from a newer worker or UI). Shared by `src/` and `app/`.
 */
export function assertNever(value: never, what = 'value'): never {
  const type = typeof value === 'object' && value !== null && 'type' in value ? String((value as { type: unknown }).type) : String(value);
  throw new Error(`Unexpected ${what}: ${type}`);
}
