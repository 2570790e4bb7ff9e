import { describe, expect, it } from 'vitest';
import type { AlarmRuleConfig } from '../../../src/config';
import { alarmMarkLine, exceeds, frameOption, lineBaseOption } from './lineOption';

const rule = (over: Partial<AlarmRuleConfig> = {}) =>
  ({ id: 'hi', name: 'Temp high', topic: 't', path: 'v', condition: 'above', setpoint: 80, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'high', enabled: true, ...over }) as AlarmRuleConfig;
const latest = (value: number) => ({ key: 'k', value, t: 0, at: 0 });

describe('alarm setpoint lines', () => {
  it('is grey while normal and takes the priority colour when exceeded', () => {
    expect(alarmMarkLine([rule()], latest(70), { unit: '°C' })!.data[0]).toMatchObject({ yAxis: 80, lineStyle: { color: '#555b61' } });
    expect(alarmMarkLine([rule()], latest(81), { unit: '°C' })!.data[0]).toMatchObject({ lineStyle: { color: '#d40000' }, label: { formatter: 'Temp high 80 °C' } });
  });

  it('draws only numeric above/below setpoints', () => {
    expect(alarmMarkLine([rule({ condition: 'stale' }), rule({ setpoint: 'x' })], undefined, { unit: '' })).toBeUndefined();
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
    const opt = lineBaseOption(series, [undefined, latest(1)], { unit: 'bar' });
    expect(opt.animation).toBe(false);
    expect(opt.series.map((s) => [s.id, s.showSymbol, s.connectNulls])).toEqual([['a', false, false], ['b', false, false]]);
    expect(opt.yAxis.scale).toBe(true);
    expect(opt.series[1].markLine).toBeDefined();
    expect(lineBaseOption(series, [], { unit: '', min: 0, max: 10 }).yAxis).toMatchObject({ scale: false, min: 0, max: 10 });
    expect(opt.dataZoom[0]).toMatchObject({ moveOnMouseMove: true, zoomOnMouseWheel: 'ctrl' });
    expect(lineBaseOption(series, [], { unit: '', touch: true }).dataZoom[0]).toMatchObject({ moveOnMouseMove: false, preventDefaultMouseMove: false });
  });

  it('a frame sets the time range and the visible series’ points', () => {
    const xy = Float64Array.of(1, 2);
    const opt = frameOption({ id: 'w', from: 0, to: 10, series: [{ key: 'a', xy }, { key: 'b', xy }] }, new Set(['b']));
    expect(opt).toEqual({ xAxis: { min: 0, max: 10 }, series: [{ id: 'a', data: xy }] });
  });
});
