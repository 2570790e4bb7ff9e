/** Compile-time exhaustiveness for `switch` over a discriminated union: a new member fails the build here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
