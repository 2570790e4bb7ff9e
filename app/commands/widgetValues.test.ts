import * as v from 'valibot';
import { expect, it } from 'vitest';
import { CommandTemplateSchema } from '../../src/config';
import { clampToVariable, formatFixedValues, parseFixedValues, setpointVariable, widgetValues } from './widgetValues';

it('parses and formats fixed values', () => {
  expect(parseFixedValues('machine=press1\nspeed = 12.5\non=true\n')).toEqual({ machine: 'press1', speed: 12.5, on: true });
  expect(formatFixedValues({ machine: 'press1', speed: 12.5 })).toBe('machine=press1\nspeed=12.5');
  expect(() => parseFixedValues('oops')).toThrow('"oops": write it as name=value');
});

it('reads only plain values from a widget config', () => {
  expect(widgetValues({ id: 'w', type: 'button', title: '', series: [], values: { a: 1, b: { x: 1 }, c: 'x' } })).toEqual({ a: 1, c: 'x' });
  expect(widgetValues({ id: 'w', type: 'button', title: '', series: [] })).toEqual({});
});

it('picks the setpoint variable and keeps values within limits', () => {
  const t = v.parse(CommandTemplateSchema, {
    id: 't', topic: 'a/${mode}/${sp}', variables: [{ name: 'mode', type: 'string' }, { name: 'sp', type: 'number', min: 20, max: 120 }],
  });
  expect(setpointVariable(t, undefined)?.name).toBe('sp');
  expect(setpointVariable(t, 'mode')?.name).toBe('mode');
  expect(setpointVariable(t, 'nope')).toBeUndefined();
  const sp = setpointVariable(t, 'sp')!;
  expect([clampToVariable(sp, 5), clampToVariable(sp, 50), clampToVariable(sp, 500)]).toEqual([20, 50, 120]);
});
