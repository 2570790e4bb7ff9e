import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlarmView } from '../../src/alarms';
import { t as translateNow } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { acknowledgeAlarms, unshelveAlarms } from './alarmActions';
import { ResetButton } from './ResetButton';
import { dayStart, formatValue, formatWhen, matchesText, remaining } from './formatAlarm';
import { isUnacknowledged, PRIORITY_BORDER } from './priorityStyle';
import { PriorityShape } from './PriorityShape';
import { ShelveDialog } from './ShelveDialog';
import { useHeldOrder } from './useHeldOrder';
import { useNow } from './useNow';
import { useRowText, type RowText } from './useRowText';

const button = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs';
/** Up to this many rows are all in the page (find-in-page, tests); above it only those in view (an alarm flood). */
export const VIRTUALIZE_ABOVE = 100;
/**
 * A row's height from what it shows (name and topic are two lines; a message, a bad-quality tag,
 * the details summary and a shelving line add one each). Estimated, not measured: measuring
 * forces a layout per row, the main cost left in a storm; a wrong guess only shifts the spacers.
 */
const LINE = 18;
const rowHeight = (a: AlarmView) =>
  8 + LINE * (2 + (a.message && !a.diagnostic ? 1 : 0) + (a.badQuality !== undefined ? 1 : 0) + (a.consequence || a.action ? 1 : 0) + (a.state === 'shelved' ? 1 : 0));
const COLUMNS = 7;

/**
 * The contract's table "Active alarms": a row per alarm that is not normal-and-acknowledged,
 * sorted by priority then time; Acknowledge per row and for every visible row; Shelve / Unshelve.
 * In a flood (thousands of rows) only the rows in view are in the page, each re-rendered only
 * when its own alarm changes (issue 17 #4).
 */
export const ActiveAlarmsTable = memo(function ActiveAlarmsTable({ alarms, maxShelveMs }: { alarms: readonly AlarmView[]; maxShelveMs: number }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const [shelving, setShelving] = useState<AlarmView[] | null>(null);
  // Times show the date when not today: the rows need the day, not the second.
  const today = dayStart(useNow(60_000));
  // The rows keep still while the pointer is on the table: a chattering alarm must not move
  // another row under the operator's click (issue 16 #13).
  const [held, setHeld] = useState(false);
  const filtered = useMemo(() => (filter ? alarms.filter((a) => matchesText(a, filter)) : alarms), [alarms, filter]);
  const text = useRowText();
  const matching = useHeldOrder(filtered, held, alarmKey);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = matching.length > VIRTUALIZE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? matching.length : 0,
    getScrollElement: () => scrollRef.current,
    // Stable per row list: a new function makes the virtualizer redo every row's position.
    estimateSize: useCallback((i: number) => rowHeight(matching[i]), [matching]),
    getItemKey: useCallback((i: number) => matching[i].key, [matching]),
    overscan: 4,
    // Before the first measurement (and in tests) the first screenful is rendered.
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  // "All visible" is what the operator can see (ISA-18.2): every row, or in a flood the rows in view.
  const range = virtual ? virtualizer.range : null;
  const visible = virtual ? (range ? matching.slice(range.startIndex, range.endIndex + 1) : []) : matching;
  const visibleUnacked = visible.filter((a) => isUnacknowledged(a.state));

  let body: ReactNode;
  if (!virtual) {
    body = matching.map((a) => <AlarmRow key={a.key} alarm={a} today={today} text={text} onShelveAlarms={setShelving} />);
  } else {
    // Spacer rows above and below keep the scroll height and the table semantics.
    const top = items[0]?.start ?? 0;
    const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
    body = (
      <>
        {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
        {items.map((it) => (
          <AlarmRow key={it.key} alarm={matching[it.index]} today={today} text={text} onShelveAlarms={setShelving} />
        ))}
        {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
      </>
    );
  }

  return (
    <section className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-[13px]">
          <span>{t('Filter alarms')}</span>
          <input className="w-56 rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <button type="button" className={button} disabled={!visibleUnacked.length} onClick={() => acknowledgeAlarms(visibleUnacked.map((a) => a.key))}>
          {t('Acknowledge all visible')}
        </button>
        <span className="text-xs text-hmi-muted">
          {t('{shown} of {total} shown', { shown: matching.length, total: alarms.length })}
          {range ? t(' · rows {first}–{last} in view, most urgent first', { first: range.startIndex + 1, last: Math.min(matching.length, range.endIndex + 1) }) : ''}
          {held ? t(' · order held while the pointer is on the table') : ''}
        </span>
      </div>
      <div
        ref={scrollRef}
        className="max-h-[70vh] overflow-auto rounded border border-hmi-border bg-hmi-panel"
        onPointerEnter={() => setHeld(true)}
        onPointerLeave={() => setHeld(false)}
      >
        <table aria-label={t('Active alarms')} aria-rowcount={matching.length + 1} className="w-full border-collapse text-[13px]">
          <thead className="sticky top-0 z-10 bg-hmi-raised text-left text-xs text-hmi-muted">
            <tr>
              <th className="px-2 py-1">{t('Priority')}</th>
              <th className="hidden px-2 py-1 lg:table-cell">{t('Time')}</th>
              <th className="px-2 py-1">{t('Alarm')}</th>
              <th className="px-2 py-1">{t('State')}</th>
              <th className="px-2 py-1 text-right">{t('Value')}</th>
              <th className="hidden px-2 py-1 lg:table-cell">{t('Limit')}</th>
              <th className="px-2 py-1">{t('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {matching.length === 0 && (
              <tr>
                <td colSpan={COLUMNS} className="px-2 py-3 text-hmi-muted">
                  {alarms.length ? t('No alarm matches the filter.') : t('No active alarms.')}
                </td>
              </tr>
            )}
            {body}
          </tbody>
        </table>
      </div>
      {shelving && <ShelveDialog alarms={shelving} maxMs={maxShelveMs} onClose={() => setShelving(null)} />}
    </section>
  );
});

const alarmKey = (a: AlarmView) => a.key;

interface RowProps {
  /** A new object only when this alarm changed (the store keeps the others), so memo skips the rest. */
  readonly alarm: AlarmView;
  /** dayStart of now: times of other days show their date. */
  readonly today: number;
  /** Fixed words, translated once per language (useRowText). */
  readonly text: RowText;
  onShelveAlarms(alarms: AlarmView[]): void;
}

const AlarmRow = memo(function AlarmRow({ alarm: a, today, text, onShelveAlarms }: RowProps) {
  // Only rows with a consequence or action translate here; `text` changes with the language.
  const t = translateNow;
  const unacked = isUnacknowledged(a.state);
  const shelved = a.state === 'shelved';
  const onShelve = () => onShelveAlarms([a]);
  return (
    <tr className={`border-t border-hmi-border align-top ${shelved ? 'text-hmi-muted' : `border-l-4 ${PRIORITY_BORDER[a.priority]}`} ${unacked ? 'font-semibold' : ''}`}>
      <td className="whitespace-nowrap px-2 py-1">
        <span className="inline-flex items-center gap-1.5">
          <PriorityShape priority={a.priority} muted={shelved} />
          {text.priority[a.priority]}
        </span>
      </td>
      <td className="hidden whitespace-nowrap px-2 py-1 font-mono text-xs lg:table-cell">{formatWhen(a.since || a.stateSince, today)}</td>
      <td className="px-2 py-1">
        <div>
          {a.name}
          {a.chattering && <span className="ml-2 rounded border border-hmi-text px-1 text-[11px] font-semibold">{text.chattering}</span>}
        </div>
        <div className="break-all font-mono text-[11px] font-normal text-hmi-muted">{a.topic}</div>
        {a.badQuality !== undefined && <BadQualityTag reason={a.badQuality} />}
        {a.message && !a.diagnostic && <div className="text-xs font-normal">{a.message}</div>}
        {(a.consequence || a.action) && (
          <details className="text-xs font-normal">
            <summary className="cursor-pointer text-hmi-muted">{text.consequenceAndAction}</summary>
            {a.consequence && <p>{t('Consequence: {text}', { text: a.consequence })}</p>}
            {a.action && <p>{t('Action: {text}', { text: a.action })}</p>}
          </details>
        )}
      </td>
      <td className="whitespace-nowrap px-2 py-1">
        <span className="inline-flex items-center gap-1.5">
          <PriorityShape priority={a.priority} blink={unacked} hollow={a.state === 'returned-unacknowledged'} muted={shelved || a.state === 'acknowledged' || a.state === 'latched-acknowledged'} size={10} />
          {text.state[a.state]}
        </span>
        {shelved && a.shelvedUntil !== null && (
          <div className="text-[11px] font-normal">
            {text.shelvedFor} <Remaining until={a.shelvedUntil} />
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
              {text.acknowledge}
            </button>
          )}
          <ResetButton alarm={a} className={button} />
          {shelved ? (
            <button type="button" className={button} onClick={() => unshelveAlarms([a.key])}>
              {text.unshelve}
            </button>
          ) : (
            // Diagnostic rows are not shelved: they end by themselves when the source reports again.
            !a.diagnostic && (
              <button type="button" className={button} onClick={onShelve}>
                {text.shelve}
              </button>
            )
          )}
        </span>
      </td>
    </tr>
  );
});

/** A shelved alarm's countdown: the one cell that needs the 1 s clock re-renders alone. */
function Remaining({ until }: { until: number }) {
  return <>{remaining(until, useNow())}</>;
}

/**
 * ISA-18.2: bad quality is not a process state, so the state text stays one of the contract's four;
 * the row says beside the name that its value cannot be trusted (dashed, like a stale widget).
 */
function BadQualityTag({ reason }: { reason: string }) {
  const t = useT();
  return (
    <div className="mt-0.5">
      <span className="inline-block rounded border border-dashed border-stale px-1 text-[11px] font-semibold text-hmi-text">{t('Bad quality: {reason}', { reason })}</span>
    </div>
  );
}

/** Alarms taken out of the operator's view by design or maintenance (ISA-18.2 H and I). */
export function SuppressedList({ alarms }: { alarms: readonly AlarmView[] }) {
  const t = useT();
  const text = useRowText();
  if (!alarms.length) return null;
  return (
    <section className="grid gap-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">{t('Suppressed and out of service')}</h3>
      <ul aria-label={t('Suppressed and out of service')} className="grid gap-0.5 text-[13px]">
        {alarms.map((a) => (
          <li key={a.key} className="flex flex-wrap gap-2 text-hmi-muted">
            <PriorityShape priority={a.priority} muted size={10} />
            <span>{a.name}</span>
            <span className="font-mono text-[11px]">{a.topic}</span>
            <span>{text.state[a.state]}</span>
            <span>{a.active ? t('condition active') : t('condition normal')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
