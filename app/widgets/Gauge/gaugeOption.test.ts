import { describe, expect, it } from 'vitest';
import { CHART_PALETTES } from '../../theme/chartPalette';
import { abnormalBandAt, bandStops, gaugeOption } from './gaugeOption';

const light = CHART_PALETTES.light;

describe('gauge bands', () => {
  it('covers min..max with grey track, grey normal bands and coloured abnormal bands', () => {
    expect(bandStops([{ from: 80, to: 100, priority: 'high' }, { from: 20, to: 60 }], 0, 100, light)).toEqual([
      [0.2, '#c3cad3'],
      [0.6, '#767b81'],
      [0.8, '#c3cad3'],
      [1, '#d40000'],
    ]);
  });

  it('clips bands to the range and ignores overlaps and empty bands', () => {
    expect(bandStops([{ from: -50, to: 10, priority: 'low' }, { from: 5, to: 8 }, { from: 9, to: 9 }], 0, 20, light)).toEqual([
      [0.5, '#f07c00'],
      [1, '#c3cad3'],
    ]);
    expect(bandStops(undefined, 5, 5, light)).toEqual([[1, '#c3cad3']]);
  });

  it('finds the abnormal band a value is in', () => {
    const bands = [{ from: 0, to: 80 }, { from: 80, to: 100, priority: 'high' as const }];
    expect(abnormalBandAt(bands, 90)?.priority).toBe('high');
    expect(abnormalBandAt(bands, 50)).toBeUndefined();
    expect(abnormalBandAt(bands, null)).toBeUndefined();
    expect(abnormalBandAt(bands, 143, 0, 100)?.priority).toBe('high');
  });

  it('pins the needle to the dial', () => {
    expect(gaugeOption(150, 0, 100, [], false, light).series[0].data).toEqual([{ value: 100 }]);
    expect(gaugeOption(null, 0, 100, [], false, light).series[0].data).toEqual([]);
  });

  it.each(['light', 'dark', 'contrast'] as const)('draws the needle, ticks and labels in the %s theme’s colours', (theme) => {
    const p = CHART_PALETTES[theme];
    const live = gaugeOption(5, 0, 10, [], false, p).series[0];
    expect([live.pointer.itemStyle.color, live.anchor.itemStyle.color, live.axisLabel.color, live.splitLine.lineStyle.color]).toEqual([p.text, p.text, p.muted, p.muted]);
    expect(gaugeOption(5, 0, 10, [], true, p).series[0].pointer.itemStyle.color).toBe(p.stale);
  });
});
