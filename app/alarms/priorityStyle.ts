import type { AlarmState, Priority } from '../../src/alarms';
import { msg } from '../i18n/i18n';

export const PRIORITY_TEXT: Readonly<Record<Priority, string>> = { critical: msg('Critical'), high: msg('High'), medium: msg('Medium'), low: msg('Low') };

/**
 * ISA-101: alarm colour only for alarms, always with a redundant shape and text (colour-vision
 * deficiency). Full class names so Tailwind sees them.
 */
export const PRIORITY_FILL: Readonly<Record<Priority, string>> = {
  critical: 'fill-alarm-critical',
  high: 'fill-alarm-high',
  medium: 'fill-alarm-medium',
  low: 'fill-alarm-low',
};

export const PRIORITY_BORDER: Readonly<Record<Priority, string>> = {
  critical: 'border-l-alarm-critical',
  high: 'border-l-alarm-high',
  medium: 'border-l-alarm-medium',
  low: 'border-l-alarm-low',
};

/** B, D and E: the row blinks and has "Acknowledge" (src/alarms isUnackedState; a type-only import keeps the start-up chunks as they were). */
export const isUnacknowledged = (state: AlarmState) => state === 'unacknowledged' || state === 'returned-unacknowledged' || state === 'latched-unacknowledged';

export const PRIORITY_STROKE: Readonly<Record<Priority, string>> = {
  critical: 'stroke-alarm-critical',
  high: 'stroke-alarm-high',
  medium: 'stroke-alarm-medium',
  low: 'stroke-alarm-low',
};
