import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './parseSiteConfig';

const ok = '{"version":1,"connections":[{"id":"p","url":"ws://h:1"}]}';

describe('hostile config documents are refused with a specific message', () => {
  it.each([
    ['__proto__ at the top', '{"version":1,"__proto__":{"polluted":true}}', '(document): the key "__proto__" is not allowed'],
    ['__proto__ in a connection', '{"version":1,"connections":[{"id":"p","url":"ws://h:1","__proto__":{"autoConnect":true}}]}', 'connections[0]: the key "__proto__" is not allowed'],
    ['constructor.prototype', '{"version":1,"dashboards":[{"id":"d","constructor":{"prototype":{"x":1}}}]}', 'dashboards[0]: the key "constructor" is not allowed'],
    ['nesting 100 000 deep', `{"version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'the document is nested too deeply (more than 32 levels)'],
    ['a huge document', `{"version":1,"pad":"${'x'.repeat(11 * 1024 * 1024)}"}`, 'the file is too big (11.0 MB; a configuration may have at most 10 MB)'],
  ])('%s', (_what, text, error) => {
    const r = parseSiteConfig(text);
    expect(r).toEqual({ ok: false, error });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an already parsed document is checked too (e.g. from storage)', () => {
    const doc = JSON.parse('{"version":1,"alarms":[{"__proto__":{"setpoint":0}}]}') as unknown;
    expect(parseSiteConfig(doc)).toEqual({ ok: false, error: 'alarms[0]: the key "__proto__" is not allowed' });
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(parseSiteConfig({ version: 1, x: deep })).toMatchObject({ ok: false, error: expect.stringMatching(/^x(\[0\])+: nested too deeply/) });
  });

  it('too many values', () => {
    const many = { version: 1, x: Array.from({ length: 1_000_001 }, () => 0) };
    expect(parseSiteConfig(many)).toEqual({ ok: false, error: 'the document has too many values (more than 1,000,000)' });
  });

  it('keys that only look similar are fine', () => {
    expect(parseSiteConfig('{"version":1,"proto":1,"__proto":2,"Constructor":3}').ok).toBe(true);
    expect(parseSiteConfig(ok).ok).toBe(true);
  });
});
