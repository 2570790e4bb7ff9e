import { expect, it } from 'vitest';
import { parseSiteConfig } from '../config';

const base = { version: 1, connections: [] };

it('keeps command templates (with their unknown fields) and fills defaults', () => {
  const r = parseSiteConfig({
    ...base,
    commands: [{ id: 'stop', name: 'Stop line 1', topic: 'cmd/site1/line1/stop', confirm: 'Stop line 1?', note: 'kept' }],
  });
  expect(r.ok && r.config.commands).toEqual([
    { id: 'stop', name: 'Stop line 1', topic: 'cmd/site1/line1/stop', confirm: 'Stop line 1?', note: 'kept', payload: '', encoding: 'text', qos: 1, retain: false, variables: [] },
  ]);
});

it('leaves commands absent when the document has none', () => {
  const r = parseSiteConfig(base);
  expect(r.ok && 'commands' in r.config).toBe(false);
});

it.each([
  [{ id: 'a', topic: '' }, 'commands[0].topic: must not be empty'],
  [{ id: 'a', topic: 't', qos: 3 }, 'commands[0].qos: must be 0, 1 or 2'],
  [{ id: 'a', topic: 't', encoding: 'xml' }, 'commands[0].encoding: must be text, json, hex or base64'],
  [{ id: 'a', topic: 't', variables: [{ name: 'x', type: 'float' }] }, 'commands[0].variables[0].type: must be number, integer, string, boolean or choice'],
])('names the field that is wrong: %j', (template, error) => {
  expect(parseSiteConfig({ ...base, commands: [template] })).toEqual({ ok: false, error });
});
