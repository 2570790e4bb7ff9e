import { useDeferredValue, useSyncExternalStore } from 'react';
import { parseAlarmSettings, PRIORITIES } from '../../src/alarms';
import { ActiveAlarmsTable, SuppressedList } from '../alarms/ActiveAlarmsTable';
import { AnnunciationControls } from '../alarms/AnnunciationControls';
import { JournalView } from '../alarms/JournalView';
import { PRIORITY_TEXT } from '../alarms/priorityStyle';
import { PriorityShape } from '../alarms/PriorityShape';
import { RulesPanel } from '../alarms/RulesPanel';
import { useAlarmLists, useAlarms, useAlarmSummary } from '../alarms/useAlarms';
import { useSite } from '../hooks/useSite';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/i18n';

type Tab = 'active' | 'rules' | 'journal';
const TABS: readonly [Tab, string][] = [
  ['active', msg('Active')],
  ['rules', msg('Rules')],
  ['journal', msg('Journal')],
];

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** `#/alarms`, `#/alarms/rules`, `#/alarms/journal`. */
function useTab(): Tab {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const sub = hash.replace(/^#\/?/, '').split('/')[1];
  return sub === 'rules' || sub === 'journal' ? sub : 'active';
}

/** The alarm page: summary, active alarms (ISA-18.2), rules, journal. */
export function AlarmsView() {
  const t = useT();
  const tab = useTab();
  const summary = useAlarmSummary();
  const { table, other } = useAlarmLists();
  // The rows follow the counts in a transition: React renders them in slices between frames and
  // drops a render that a newer delta overtakes, so a storm does not freeze the page (issue 17 #4).
  const rows = useDeferredValue(table);
  const ready = useAlarms((s) => s.ready);
  const storageError = useAlarms((s) => s.storageError);
  const droppedAtStart = useAlarms((s) => s.droppedAtStart);
  const settingsRaw = useSite((s) => (s.config as Record<string, unknown>).alarmSettings);
  const maxShelveMs = parseAlarmSettings(settingsRaw).maxShelveMs ?? 12 * 3600_000;

  return (
    <div className="grid h-full content-start gap-3 overflow-auto p-4">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-lg font-semibold">{t('Alarms')}</h1>
        {summary && (
          <ul aria-label={t('Alarm counts')} className="flex flex-wrap gap-3 text-[13px]">
            {PRIORITIES.map((p) => (
              <li key={p} className="inline-flex items-center gap-1">
                <PriorityShape priority={p} muted={summary.active[p] + summary.unacknowledged[p] === 0} />
                {t('{priority}: {active} active, {unacknowledged} unacknowledged', { priority: t(PRIORITY_TEXT[p]), active: summary.active[p], unacknowledged: summary.unacknowledged[p] })}
              </li>
            ))}
            <li>{t('Shelved: {shelved}', { shelved: summary.shelved })}</li>
            {summary.outOfService > 0 && <li>{t('Out of service: {outOfService}', { outOfService: summary.outOfService })}</li>}
            {summary.suppressed > 0 && <li>{t('Suppressed: {suppressed}', { suppressed: summary.suppressed })}</li>}
          </ul>
        )}
        <div className="ml-auto">
          <AnnunciationControls />
        </div>
      </div>
      {summary?.flood && (
        <p className="rounded border-2 border-hmi-text bg-hmi-raised px-3 py-1 text-[13px] font-semibold">
          {t('⚠ Alarm flood: {recentAnnunciations} new alarms in the last 10 minutes (more than 10, EEMUA 191). Deal with the highest priorities first.', { recentAnnunciations: summary.recentAnnunciations })}
        </p>
      )}
      {summary && summary.chattering > 0 && (
        <p className="rounded border border-hmi-text bg-hmi-raised px-3 py-1 text-[13px]">
          {t('{chattering, plural, one {# chattering alarm} other {# chattering alarms}} (3 or more activations within 60 s): consider a deadband or delay.', { chattering: summary.chattering })}
        </p>
      )}
      {summary && summary.droppedInstances > 0 && (
        <p className="rounded border border-hmi-text bg-hmi-raised px-3 py-1 text-[13px] font-semibold">
          {t('Too many alarm instances: {droppedInstances} messages on new topics were not evaluated. Narrow the wildcard rules.', { droppedInstances: summary.droppedInstances })}
        </p>
      )}
      {storageError && <p className="rounded border border-hmi-text bg-hmi-raised px-3 py-1 text-[13px] font-semibold">{storageError}</p>}
      {droppedAtStart > 0 && <p className="text-xs">{t('{droppedAtStart} messages arrived before the alarm states were loaded and were not evaluated.', { droppedAtStart })}</p>}
      <nav aria-label={t('Alarm views')} className="flex gap-1 border-b border-hmi-border">
        {TABS.map(([id, label]) => (
          <a
            key={id}
            href={id === 'active' ? '#/alarms' : `#/alarms/${id}`}
            aria-current={tab === id ? 'page' : undefined}
            className={`rounded-t border border-b-0 px-3 py-1 text-[13px] ${tab === id ? 'border-hmi-border bg-hmi-panel font-semibold' : 'border-transparent text-hmi-muted'}`}
          >
            {t(label)}
            {id === 'active' && table.length > 0 ? ` (${table.length})` : ''}
          </a>
        ))}
      </nav>
      {tab === 'active' && (
        <>
          {!ready && <p className="text-xs text-hmi-muted">{t('Loading alarm states…')}</p>}
          <ActiveAlarmsTable alarms={rows} maxShelveMs={maxShelveMs} />
          <SuppressedList alarms={other} />
        </>
      )}
      {tab === 'rules' && <RulesPanel />}
      {tab === 'journal' && <JournalView />}
    </div>
  );
}
