import { describe, expect, it } from 'vitest';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { compileIcu } from './compileIcu';
import zhCN from './locales/zh-CN.json';

const SAMPLES = [
  'Hello',
  'Hello {name}!',
  '{count, plural, one {# alarm} other {# alarms}} active',
  '{n, plural, =0 {none} one {one} other {# x}}',
  "It's {a}",
  '{x, number}',
  '{x, select, a {A} other {O}}',
  '共 {count} 条',
];

describe('compileIcu', () => {
  it('compiles like Lingui compileMessage', () => {
    for (const m of SAMPLES) expect(compileIcu(m), m).toEqual(compileMessage(m));
  });

  it('compiles every catalogue message (ids and zh-CN text) like Lingui compileMessage', () => {
    for (const [id, zh] of Object.entries(zhCN as Record<string, string>)) {
      expect(compileIcu(id), id).toEqual(compileMessage(id));
      if (zh) expect(compileIcu(zh), zh).toEqual(compileMessage(zh));
    }
  });
});
