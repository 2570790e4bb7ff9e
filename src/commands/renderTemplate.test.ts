import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CommandTemplateSchema } from '../config/siteConfigSchema';
import { checkTemplate, confirmationText, parseVariableValue, placeholdersIn, renderTemplate } from './renderTemplate';

const template = (t: Record<string, unknown>) => v.parse(CommandTemplateSchema, { id: 't', ...t });
const setpoint = template({
  name: 'Line 1 setpoint',
  topic: 'cmd/site1/line1/setpoint',
  payload: '{"value":${setpoint}}',
  encoding: 'json',
  variables: [{ name: 'setpoint', type: 'number', min: 20, max: 120, unit: '°C', default: 70 }],
  confirm: 'Set line 1 to ${setpoint} °C?',
  properties: { messageExpiryInterval: 30, responseTopic: 'reply/sg', userProperties: { by: 'operator' } },
});
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('renderTemplate', () => {
  it('fills a number into a JSON payload', () => {
    const r = renderTemplate(setpoint, { setpoint: '80.5' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.command.topic).toBe('cmd/site1/line1/setpoint');
    expect(text(r.command.payload)).toBe('{"value":80.5}');
    expect(r.command.qos).toBe(1);
    expect(r.command.properties).toEqual({ messageExpiryInterval: 30, responseTopic: 'reply/sg', userProperties: { by: 'operator' } });
    expect(confirmationText(setpoint, r.command.values)).toBe('Set line 1 to 80.5 °C?');
  });

  it('uses the default when no value is given', () => {
    const r = renderTemplate(setpoint, {});
    expect(r.ok && text(r.command.payload)).toBe('{"value":70}');
  });

  it.each([
    ['19', 'Set point: 19 °C is below the minimum 20 °C'],
    ['121', 'setpoint: 121 °C is above the maximum 120 °C'],
    ['hot', 'setpoint: "hot" is not a number'],
  ])('refuses %j', (value, error) => {
    const t = value === '19' ? { ...setpoint, variables: [{ ...setpoint.variables[0], label: 'Set point' }] } : setpoint;
    expect(renderTemplate(t, { setpoint: value })).toEqual({ ok: false, errors: [error] });
  });

  it.each([
    [{ type: 'integer', min: 0 }, '2.5', /2.5 is not a whole number/],
    [{ type: 'integer', min: 0 }, '3', null],
    [{ type: 'boolean' }, 'yes', /not true or false/],
    [{ type: 'boolean' }, 'true', null],
    [{ type: 'choice', choices: ['auto', 'manual'] }, 'off', /not one of auto, manual/],
    [{ type: 'choice', choices: ['auto', 'manual'] }, 'auto', null],
    [{ type: 'choice', choices: [1, 2] }, '2', null],
    [{ type: 'string' }, '', /needs a value/],
  ])('variable %j with %j', (variable, raw, error) => {
    const r = parseVariableValue({ name: 'x', ...variable } as Parameters<typeof parseVariableValue>[0], raw);
    if (error) expect(!r.ok && r.error).toMatch(error);
    else expect(r.ok).toBe(true);
  });

  it('escapes strings inside JSON so a value cannot change the document', () => {
    const t = template({ topic: 'cmd/mode', payload: '{"mode":"${mode}"}', encoding: 'json', variables: [{ name: 'mode', type: 'string' }] });
    const r = renderTemplate(t, { mode: 'a","admin":true,"x":"' });
    expect(r.ok && JSON.parse(text(r.command.payload))).toEqual({ mode: 'a","admin":true,"x":"' });
  });

  it('keeps topic levels intact', () => {
    const t = template({ topic: 'cmd/${line}/start', variables: [{ name: 'line', type: 'string' }] });
    expect(renderTemplate(t, { line: 'line1' }).ok).toBe(true);
    const r = renderTemplate(t, { line: 'line1/#' });
    expect(!r.ok && r.errors[0]).toMatch(/cannot be part of a topic/);
  });

  it('reports JSON broken by substitution', () => {
    const t = template({ topic: 'a', payload: '{"v":${x}}', encoding: 'json', variables: [{ name: 'x', type: 'string' }] });
    const r = renderTemplate(t, { x: 'abc' });
    expect(!r.ok && r.errors[0]).toMatch(/^payload not valid JSON/);
  });

  it('finds undeclared and duplicate variables', () => {
    const t = template({ topic: 'a/${y}', payload: '${x} $${literal}', variables: [{ name: 'x' }, { name: 'x' }, { name: 'z', min: 5, max: 1 }] });
    expect(placeholdersIn(t.payload)).toEqual(['x']);
    expect(checkTemplate(t)).toEqual([
      'variable x is declared twice',
      'z: minimum 5 is above maximum 1',
      '${y} is used but no variable "y" is declared',
    ]);
  });

  it('turns $${ into a literal ${', () => {
    const t = template({ topic: 'a', payload: 'cost $${x}' });
    expect(renderTemplate(t, {})).toMatchObject({ ok: true, command: { payloadText: 'cost ${x}' } });
  });

  it('decodes hex templates', () => {
    const t = template({ topic: 'a', payload: '01 ${b}', encoding: 'hex', variables: [{ name: 'b', type: 'choice', choices: ['ff', '00'] }] });
    const r = renderTemplate(t, { b: 'ff' });
    expect(r.ok && Array.from(r.command.payload)).toEqual([1, 255]);
  });
});
