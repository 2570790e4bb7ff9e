import { useMemo, useState } from 'react';
import { STATE_TEXT, type AlarmView } from '../../src/alarms';
import { acknowledgeAlarms, unshelveAlarms } from './alarmActions';
import { ResetButton } from './ResetButton';
import { formatValue, formatWhen, matchesText, remaining } from './formatAlarm';
import { isUnacknowledged, PRIORITY_BORDER, PRIORITY_TEXT } from './priorityStyle';
import { PriorityShape } from './PriorityShape';
import { ShelveDialog } from './ShelveDialog';
import { useHeldOrder } from './useHeldOrder';
import { useNow } from './useNow';

const button = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs';
const MAX_ROWS = 300;

/**
 * The contract's table "Active alarms": a row per alarm that is not normal-and-acknowledged,
 * sorted by priority then time; Acknowledge per row and for every visible row; Shelve / Unshelve.
 */
export function ActiveAlarmsTable({ alarms, maxShelveMs }: { alarms: readonly AlarmView[]; maxShelveMs: number }) {
  const [filter, setFilter] = useState('');
  const [shelving, setShelving] = useState<AlarmView[] | null>(null);
  const now = useNow();
  // The rows keep still while the pointer is on the table: a chattering alarm must not move
  // another row under the operator's click (issue 16 #13).
  const [held, setHeld] = useState(false);
  const filtered = useMemo(() => alarms.filter((a) => matchesText(a, filter)), [alarms, filter]);
  const matching = useHeldOrder(filtered, held, alarmKey);
  // In a flood the page stays responsive; "all visible" means the rows the operator can see (ISA-18.2).
  const visible = matching.length > MAX_ROWS ? matching.slice(0, MAX_ROWS) : matching;
  const visibleUnacked = visible.filter((a) => isUnacknowledged(a.state));

  return (
    <section className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-[13px]">
          <span>Filter alarms</span>
          <input className="w-56 rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" className={button} disabled={!visibleUnacked.length} onClick={() => acknowledgeAlarms(visibleUnacked.map((a) => a.key))}>
          Acknowledge all visible
        </button>
        <span className="text-xs text-hmi-muted">
          {visible.length} of {alarms.length} shown
          {matching.length > visible.length ? ` (the ${MAX_ROWS} most urgent; filter to see others)` : ''}
          {held ? ' · order held while the pointer is on the table' : ''}
        </span>
      </div>
      <div
        className="overflow-auto rounded border border-hmi-border bg-hmi-panel"
        onPointerEnter={() => setHeld(true)}
        onPointerLeave={() => setHeld(false)}
      >
        <table aria-label="Active alarms" className="w-full border-collapse text-[13px]">
          <thead className="bg-hmi-raised text-left text-xs text-hmi-muted">
            <tr>
              <th className="px-2 py-1">Priority</th>
              <th className="hidden px-2 py-1 lg:table-cell">Time</th>
              <th className="px-2 py-1">Alarm</th>
              <th className="px-2 py-1">State</th>
              <th className="px-2 py-1 text-right">Value</th>
              <th className="hidden px-2 py-1 lg:table-cell">Limit</th>
              <th className="px-2 py-1">Actions</th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && (
              <tr>
                <td colSpan={7} className="px-2 py-3 text-hmi-muted">
                  {alarms.length ? 'No alarm matches the filter.' : 'No active alarms.'}
                </td>
              </tr>
            )}
            {visible.map((a) => (
              <AlarmRow key={a.key} alarm={a} now={now} onShelve={() => setShelving([a])} />
            ))}
          </tbody>
        </table>
      </div>
      {shelving && <ShelveDialog alarms={shelving} maxMs={maxShelveMs} onClose={() => setShelving(null)} />}
    </section>
  );
}

const alarmKey = (a: AlarmView) => a.key;

function AlarmRow({ alarm: a, now, onShelve }: { alarm: AlarmView; now: number; onShelve: () => void }) {
  const unacked = isUnacknowledged(a.state);
  const shelved = a.state === 'shelved';
  return (
    <tr className={`border-t border-hmi-border align-top ${shelved ? 'text-hmi-muted' : `border-l-4 ${PRIORITY_BORDER[a.priority]}`} ${unacked ? 'font-semibold' : ''}`}>
      <td className="whitespace-nowrap px-2 py-1">
        <span className="inline-flex items-center gap-1.5">
          <PriorityShape priority={a.priority} muted={shelved} />
          {PRIORITY_TEXT[a.priority]}
        </span>
      </td>
      <td className="hidden whitespace-nowrap px-2 py-1 font-mono text-xs lg:table-cell">{formatWhen(a.since || a.stateSince, now)}</td>
      <td className="px-2 py-1">
        <div>
          {a.name}
          {a.chattering && <span className="ml-2 rounded border border-hmi-text px-1 text-[11px] font-semibold">Chattering</span>}
        </div>
        <div className="break-all font-mono text-[11px] font-normal text-hmi-muted">{a.topic}</div>
        {a.badQuality !== undefined && <BadQualityTag reason={a.badQuality} />}
        {a.message && !a.diagnostic && <div className="text-xs font-normal">{a.message}</div>}
        {(a.consequence || a.action) && (
          <details className="text-xs font-normal">
            <summary className="cursor-pointer text-hmi-muted">Consequence and action</summary>
            {a.consequence && <p>Consequence: {a.consequence}</p>}
            {a.action && <p>Action: {a.action}</p>}
          </details>
        )}
      </td>
      <td className="whitespace-nowrap px-2 py-1">
        <span className="inline-flex items-center gap-1.5">
          <PriorityShape priority={a.priority} blink={unacked} hollow={a.state === 'returned-unacknowledged'} muted={shelved || a.state === 'acknowledged' || a.state === 'latched-acknowledged'} size={10} />
          {STATE_TEXT[a.state]}
        </span>
        {shelved && a.shelvedUntil !== null && (
          <div className="text-[11px] font-normal">
            for {remaining(a.shelvedUntil, now)}
            {a.shelveReason && <> — {a.shelveReason}</>}
          </div>
        )}
      </td>
      <td className="whitespace-nowrap px-2 py-1 text-right font-mono">{formatValue(a.value, a.unit)}</td>
      <td className="hidden whitespace-nowrap px-2 py-1 text-xs lg:table-cell">{a.limit}</td>
      <td className="px-2 py-1">
        <span className="flex flex-wrap gap-1">
          {unacked && (
            <button type="button" className={`${button} font-semibold`} onClick={() => acknowledgeAlarms([a.key])}>
              Acknowledge
            </button>
          )}
          <ResetButton alarm={a} className={button} />
          {shelved ? (
            <button type="button" className={button} onClick={() => unshelveAlarms([a.key])}>
              Unshelve
            </button>
          ) : (
            // Diagnostic rows are not shelved: they end by themselves when the source reports again.
            !a.diagnostic && (
              <button type="button" className={button} onClick={onShelve}>
                Shelve
              </button>
            )
          )}
        </span>
      </td>
    </tr>
  );
}

/**
 * ISA-18.2: bad quality is not a process state, so the state text stays one of the contract's four;
 * the row says beside the name that its value cannot be trusted (dashed, like a stale widget).
 */
function BadQualityTag({ reason }: { reason: string }) {
  return (
    <div className="mt-0.5">
      <span className="inline-block rounded border border-dashed border-stale px-1 text-[11px] font-semibold text-hmi-text">Bad quality: {reason}</span>
    </div>
  );
}

/** Alarms taken out of the operator's view by design or maintenance (ISA-18.2 H and I). */
export function SuppressedList({ alarms }: { alarms: readonly AlarmView[] }) {
  if (!alarms.length) return null;
  return (
    <section className="grid gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">Suppressed and out of service</h3>
      <ul aria-label="Suppressed and out of service" className="grid gap-0.5 text-[13px]">
        {alarms.map((a) => (
          <li key={a.key} className="flex flex-wrap gap-2 text-hmi-muted">
            <PriorityShape priority={a.priority} muted size={10} />
            <span>{a.name}</span>
            <span className="font-mono text-[11px]">{a.topic}</span>
            <span>{STATE_TEXT[a.state]}</span>
            <span>{a.active ? 'condition active' : 'condition normal'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
