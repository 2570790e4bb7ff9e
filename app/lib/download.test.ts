import { afterEach, expect, it, vi } from 'vitest';
import { downloadText, safeFileName } from './download';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('clicks a link to an object URL with the file name, and revokes the URL later', async () => {
  vi.useFakeTimers();
  const clicked: { href: string; download: string }[] = [];
  const link = { href: '', download: '', click: () => clicked.push({ href: link.href, download: link.download }) };
  vi.stubGlobal('document', { createElement: (tag: string) => (tag === 'a' ? link : null) });
  vi.stubGlobal('window', globalThis);
  const created: Blob[] = [];
  const revoked: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (created.push(b as Blob), 'blob:1'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => void revoked.push(u));

  downloadText('a.csv', 'x,y\r\n', 'text/csv');
  expect(clicked).toEqual([{ href: 'blob:1', download: 'a.csv' }]);
  expect(created[0].type).toBe('text/csv');
  expect(await created[0].text()).toBe('x,y\r\n');
  expect(revoked).toEqual([]);
  vi.advanceTimersByTime(10_000);
  expect(revoked).toEqual(['blob:1']);
});

it.each([
  ['Line 1 temperature', 'Line_1_temperature'],
  ['plant/line1/temp', 'plant_line1_temp'],
  ['', 'payload'],
  ['x'.repeat(200), 'x'.repeat(120)],
])('safeFileName(%j) → %j', (text, name) => {
  expect(safeFileName(text, 'payload')).toBe(name);
});
