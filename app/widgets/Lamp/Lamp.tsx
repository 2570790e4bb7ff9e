import { memo } from 'react';
import type { WidgetProps } from '../types';
import { lampLook } from './lampState';
import type { LampState, Priority } from './types';

/**
 * ISA-101: normal states are grey with their text; an abnormal state gets its alarm colour AND a
 * shape AND the priority in words, so it does not rely on colour alone.
 */
const ABNORMAL: Record<Priority, { colour: string; shape: string }> = {
  critical: { colour: 'bg-alarm-critical', shape: '' },
  high: { colour: 'bg-alarm-high', shape: '' },
  medium: { colour: 'bg-alarm-medium', shape: '[clip-path:polygon(50%_0,100%_100%,0_100%)]' },
  low: { colour: 'bg-alarm-low', shape: '[clip-path:polygon(0_0,100%_0,50%_100%)]' },
};

/** Lamp: a state or boolean shown as text, grey when normal, coloured only when abnormal. */
function Lamp({ widget, latest, stale }: WidgetProps) {
  const isStale = stale[0] ?? true;
  const look = lampLook(widget.states as LampState[] | undefined, latest[0]);
  const abnormal = look.priority && !isStale ? ABNORMAL[look.priority] : undefined;
  return (
    <div className="flex h-full items-center gap-3">
      <span
        aria-hidden="true"
        className={`inline-block h-6 w-6 shrink-0 ${abnormal ? `${abnormal.colour} ${abnormal.shape}` : 'rounded-full border border-hmi-border'} ${!abnormal && !isStale ? 'bg-hmi-indicator' : ''} ${isStale ? 'bg-transparent' : ''}`}
      />
      <p className={`text-xl font-semibold ${isStale ? 'text-stale' : ''}`}>
        {look.text}
        {look.priority && <span className="text-sm font-normal"> ({look.priority})</span>}
      </p>
    </div>
  );
}

export default memo(Lamp);
