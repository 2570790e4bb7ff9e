import { describe, expect, it } from 'vitest';
import type { AlarmRuleConfig } from '../../../src/config';
import { CHART_PALETTES } from '../../theme/chartPalette';
import { alarmMarkLine, exceeds, frameOption, lineBaseOption } from './lineOption';

const palette = CHART_PALETTES.light;

const rule = (over: Partial<AlarmRuleConfig> = {}) =>
  ({ id: 'hi', name: 'Temp high', topic: 't', path: 'v', condition: 'above', setpoint: 80, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'high', enabled: true, ...over }) as AlarmRuleConfig;
const latest = (value: number) => ({ key: 'k', value, t: 0, at: 0 });

describe('alarm setpoint lines', () => {
  it('is grey while normal; exceeded, it thickens and its label becomes a chip in the priority colour', () => {
    expect(alarmMarkLine([rule()], latest(70), { unit: '°C', palette })!.data[0]).toMatchObject({ yAxis: 80, lineStyle: { color: '#555b61' } });
    expect(alarmMarkLine([rule()], latest(81), { unit: '°C', palette })!.data[0]).toMatchObject({ lineStyle: { color: '#555b61', width: 2 }, label: { formatter: 'Temp high 80 °C (high)', backgroundColor: '#d40000', color: '#ffffff' } });
  });

  it.each(['light', 'dark', 'contrast'] as const)('takes the %s theme’s grey while normal', (theme) => {
    const p = CHART_PALETTES[theme];
    expect(alarmMarkLine([rule()], latest(70), { unit: '', palette: p })!.data[0]).toMatchObject({ lineStyle: { color: p.muted }, label: { color: p.muted } });
  });

  it('draws only numeric above/below setpoints', () => {
    expect(alarmMarkLine([rule({ condition: 'stale' }), rule({ setpoint: 'x' })], undefined, { unit: '', palette })).toBeUndefined();
  });

  it.each([
    ['above', 81, true],
    ['above', 80, false],
    ['below', 79, true],
    ['equal', 80, false],
  ] as const)('%s %d exceeds 80: %s', (condition, value, expected) => {
    expect(exceeds(rule({ condition }), value)).toBe(expected);
  });
});

describe('line options', () => {
  const series = [
    { key: 'a', connection: 'c', topic: 't', path: 'v', label: 'A', unit: '', alarms: [] },
    { key: 'b', connection: 'c', topic: 'u', path: 'v', label: 'B', unit: '', alarms: [rule()] },
  ];

  it('streams without animation, symbols or interpolation across gaps; y auto unless fixed', () => {
    const opt = lineBaseOption(series, [undefined, latest(1)], { unit: 'bar', palette });
    expect(opt.animation).toBe(false);
    expect(opt.series.map((s) => [s.id, s.showSymbol, s.connectNulls])).toEqual([['a', false, false], ['b', false, false]]);
    expect(opt.yAxis.scale).toBe(true);
    expect(opt.series[1].markLine).toBeDefined();
    expect(lineBaseOption(series, [], { unit: '', min: 0, max: 10, palette }).yAxis).toMatchObject({ scale: false, min: 0, max: 10 });
    expect(lineBaseOption(series.slice(0, 1), [], { unit: '', palette }).yAxis).toMatchObject({ min: undefined, max: undefined });
    expect(opt.dataZoom[0]).toMatchObject({ moveOnMouseMove: true, zoomOnMouseWheel: 'ctrl' });
    expect(lineBaseOption(series, [], { unit: '', touch: true, palette }).dataZoom[0]).toMatchObject({ moveOnMouseMove: false, preventDefaultMouseMove: false });
  });

  it('a frame sets the time range and the visible series’ points', () => {
    const xy = Float64Array.of(1, 2);
    const opt = frameOption({ id: 'w', from: 0, to: 10, series: [{ key: 'a', xy }, { key: 'b', xy }] }, new Set(['b']));
    expect(opt).toEqual({ xAxis: { min: 0, max: 10 }, series: [{ id: 'a', data: xy }] });
  });

  it('stretches the y axis to hold the setpoints drawn on it, unless a side is fixed', () => {
    const y = lineBaseOption(series, [undefined, latest(20)], { unit: '', palette }).yAxis as unknown as { min: (e: object) => number; max: (e: object) => number };
    expect([y.min({ min: 20, max: 25 }), y.max({ min: 20, max: 25 })]).toEqual([20, 100]);
    const fixed = lineBaseOption(series, [], { unit: '', min: 0, palette }).yAxis as unknown as { min: number; max: (e: object) => number };
    expect(fixed.min).toBe(0);
    expect(fixed.max({ min: 20, max: 25 })).toBe(100);
  });

  it.each(['light', 'dark', 'contrast'] as const)('colours axes, lines and tooltip from the %s theme', (theme) => {
    const p = CHART_PALETTES[theme];
    const opt = lineBaseOption(series, [], { unit: '', palette: p });
    expect([opt.xAxis.axisLabel.color, opt.yAxis.axisLabel.color, opt.tooltip.textStyle.color]).toEqual([p.muted, p.muted, p.text]);
    expect(opt.series.map((s) => s.lineStyle.color)).toEqual([p.series[0], p.series[1]]);
  });
});
