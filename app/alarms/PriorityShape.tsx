import type { Priority } from '../../src/alarms';
import { PRIORITY_FILL, PRIORITY_STROKE } from './priorityStyle';

const PATHS: Readonly<Record<Priority, string>> = {
  // critical ◆ diamond, high ■ square, medium ▲ triangle, low ▼ inverted triangle
  critical: 'M7 0.5 L13.5 7 L7 13.5 L0.5 7 Z',
  high: 'M1.5 1.5 H12.5 V12.5 H1.5 Z',
  medium: 'M7 0.8 L13.5 12.8 H0.5 Z',
  low: 'M0.5 1.2 H13.5 L7 13.2 Z',
};

/**
 * The priority's shape in its colour. `hollow` for returned-unacknowledged, `blink` while
 * unacknowledged (only the indicator blinks, ISA-101), `muted` for shelved and the like.
 */
export function PriorityShape({ priority, hollow = false, blink = false, muted = false, size = 14 }: { priority: Priority; hollow?: boolean; blink?: boolean; muted?: boolean; size?: number }) {
  const fill = muted ? 'fill-none stroke-hmi-muted' : hollow ? `fill-none ${PRIORITY_STROKE[priority]}` : `${PRIORITY_FILL[priority]} stroke-hmi-text`;
  return (
    <svg
      aria-hidden="true"
      width={size}
      height={size}
      viewBox="0 0 14 14"
      className={`inline-block shrink-0 align-[-2px] ${blink ? 'motion-safe:animate-pulse' : ''}`}
    >
      <path d={PATHS[priority]} className={fill} strokeWidth={hollow || muted ? 2 : 0.8} />
    </svg>
  );
}
