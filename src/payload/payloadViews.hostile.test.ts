import { describe, expect, it } from 'vitest';

describe('hostile JSON in the payload views', () => {
  it('shows JSON nested deeper than 64 levels as sent instead of re-indenting it', async () => {
    const { renderPayload, nestingExceeds } = await import('./payloadViews');
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    // Returned as sent: no recursive re-indent (which would overflow the stack at this depth).
    expect(renderPayload(new TextEncoder().encode(deep), 'json')).toBe(deep);
    expect(nestingExceeds('{"a":"[[[[[[[[[[[["}', 3)).toBe(false);
    expect(nestingExceeds('{"a":"\\"[[[[","b":[[[[1]]]]}', 3)).toBe(true);
    expect(renderPayload(new TextEncoder().encode('{"a":[1]}'), 'json')).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
