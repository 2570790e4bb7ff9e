import { describe, expect, it } from 'vitest';
import { DEFAULT_ROTATE_SECONDS, parseKioskParams, withKioskParams } from './kioskParams';
import { nextDashboardId, startDashboardId } from './rotation';

describe('parseKioskParams', () => {
  it.each([
    ['', { active: false, rotateSeconds: DEFAULT_ROTATE_SECONDS }],
    ['?kiosk=1', { active: true, rotateSeconds: DEFAULT_ROTATE_SECONDS }],
    ['?kiosk', { active: true, rotateSeconds: DEFAULT_ROTATE_SECONDS }],
    ['?kiosk=true&rotate=60', { active: true, rotateSeconds: 60 }],
    ['?kiosk=0', { active: false, rotateSeconds: DEFAULT_ROTATE_SECONDS }],
    ['?kiosk=no', { active: false, rotateSeconds: DEFAULT_ROTATE_SECONDS }],
    ['?kiosk=1&rotate=0', { active: true, rotateSeconds: 0 }],
    ['?kiosk=1&rotate=-3', { active: true, rotateSeconds: 0 }],
    ['?kiosk=1&rotate=abc', { active: true, rotateSeconds: 0 }],
    ['?kiosk=1&rotate=1', { active: true, rotateSeconds: 5 }],
    ['?kiosk=1&rotate=12.6', { active: true, rotateSeconds: 13 }],
    ['?kiosk=1&rotate=1e9', { active: true, rotateSeconds: 86400 }],
    ['?config=a.json&kiosk=1&rotate=15', { active: true, rotateSeconds: 15 }],
  ])('%j', (search, expected) => {
    expect(parseKioskParams(search)).toEqual(expected);
  });
});

describe('withKioskParams', () => {
  it('adds kiosk and keeps the path, other parameters and the hash', () => {
    expect(withKioskParams('http://h/hmi/a/?config=x.json#/dashboards/main', { active: true, rotateSeconds: 45 })).toBe(
      'http://h/hmi/a/?config=x.json&kiosk=1&rotate=45#/dashboards/main',
    );
  });
  it('leaves the default rotation out of the URL', () => {
    expect(withKioskParams('http://h/', { active: true, rotateSeconds: DEFAULT_ROTATE_SECONDS })).toBe('http://h/?kiosk=1');
  });
  it('removes kiosk and rotate', () => {
    expect(withKioskParams('http://h/?kiosk=1&rotate=10&theme=dark#/alarms', { active: false, rotateSeconds: 10 })).toBe('http://h/?theme=dark#/alarms');
  });
  it('keeps dashboard variables (?var-name=), so a kiosk screen stays on its vehicle', () => {
    expect(withKioskParams('http://h/?var-vehicle=truck-07#/dashboards/truck', { active: true, rotateSeconds: 30 })).toBe('http://h/?var-vehicle=truck-07&kiosk=1#/dashboards/truck');
    expect(withKioskParams('http://h/?kiosk=1&var-vehicle=truck-07', { active: false, rotateSeconds: 30 })).toBe('http://h/?var-vehicle=truck-07');
  });
  it('round-trips through parseKioskParams', () => {
    const href = withKioskParams('http://h/x/', { active: true, rotateSeconds: 20 });
    expect(parseKioskParams(new URL(href).search)).toEqual({ active: true, rotateSeconds: 20 });
  });
});

describe('nextDashboardId', () => {
  it.each([
    [[], undefined, undefined],
    [[], 'a', undefined],
    [['a'], undefined, 'a'],
    [['a'], 'a', 'a'],
    [['a', 'b', 'c'], undefined, 'a'],
    [['a', 'b', 'c'], 'a', 'b'],
    [['a', 'b', 'c'], 'c', 'a'],
    [['a', 'b', 'c'], 'gone', 'a'],
  ] as const)('%j after %j → %j', (ids, current, expected) => {
    expect(nextDashboardId(ids, current)).toBe(expected);
  });
});

describe('startDashboardId', () => {
  it.each([
    [[], null, undefined],
    [[], 'a', undefined],
    [['a', 'b'], null, 'a'],
    [['a', 'b'], 'b', 'b'],
    [['a', 'b'], 'gone', 'a'],
  ] as const)('%j asking %j → %j', (ids, wanted, expected) => {
    expect(startDashboardId(ids, wanted)).toBe(expected);
  });
});
