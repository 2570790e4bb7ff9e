import * as v from 'valibot';
import { expect, it } from 'vitest';
import { CommandTemplateSchema } from '../../src/config';
import { draftFromTemplate, emptyDraft, emptyVariable, slugify, templateFromDraft } from './templateDraft';

const original = v.parse(CommandTemplateSchema, {
  id: 'sp', name: 'Line 1 setpoint', topic: 'cmd/site1/line1/setpoint', payload: '{"value":${setpoint}}', encoding: 'json', qos: 1,
  variables: [{ name: 'setpoint', type: 'number', min: 20, max: 120, unit: '°C', default: 70 }],
  confirm: 'Set line 1 to ${setpoint} °C?', properties: { messageExpiryInterval: 30, responseTopic: 'reply/sg', userProperties: { by: ['a', 'b'] } },
  replyTimeoutMs: 5000, widgetHint: 'kept',
});

it('round-trips a template through the editor, keeping unknown fields', () => {
  const r = templateFromDraft(draftFromTemplate(original), []);
  expect(r).toEqual({ ok: true, template: original });
});

it('derives the id from the name and refuses a taken one', () => {
  expect(slugify('Stop line 1!')).toBe('stop-line-1');
  const d = { ...emptyDraft(), name: 'Stop line 1', topic: 'cmd/site1/line1/stop', payload: '{}' };
  expect(templateFromDraft(d, [])).toMatchObject({ ok: true, template: { id: 'stop-line-1' } });
  expect(templateFromDraft(d, ['stop-line-1'])).toEqual({ ok: false, errors: ['id "stop-line-1" is already used by another template'] });
});

it('names what is wrong', () => {
  const d = { ...emptyDraft(), name: 'x', topic: '', payload: '${sp}', variables: [{ ...emptyVariable(), name: '1bad' }] };
  const r = templateFromDraft(d, []);
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.errors).toContain('topic: must not be empty');
    expect(r.errors.some((e) => e.startsWith('variables.0.name: must be letters'))).toBe(true);
  }
  const r2 = templateFromDraft({ ...emptyDraft(), name: 'y', topic: 'a', payload: '${sp}', encoding: 'text' }, []);
  expect(r2).toEqual({ ok: false, errors: ['${sp} is used but no variable "sp" is declared'] });
});
