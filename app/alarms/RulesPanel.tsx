import { useState } from 'react';
import type { AlarmRuleConfig } from '../../src/config';
import { useSite } from '../hooks/useSite';
import { deleteRule, setRuleService } from './alarmActions';
import { AlarmSettingsForm } from './AlarmSettingsForm';
import { PRIORITY_TEXT } from './priorityStyle';
import { PriorityShape } from './PriorityShape';
import { RuleForm } from './RuleForm';
import { useAlarms } from './useAlarms';
import { useT } from '../i18n/useT';

const button = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs';

/** The rule list (part of the site configuration: exported and imported with it) and the editor. */
export function RulesPanel() {
  const t = useT();
  const rules = useSite((s) => s.config.alarms);
  const status = useAlarms((s) => s.rules);
  const ruleErrors = useAlarms((s) => s.ruleErrors);
  const [editing, setEditing] = useState<AlarmRuleConfig | 'new' | null>(null);
  const [oos, setOos] = useState<{ id: string; reason: string } | null>(null);

  return (
    <div className="grid gap-3">
      {ruleErrors.length > 0 && (
        <div className="rounded border border-hmi-text bg-hmi-raised p-2 text-[13px]">
          <p className="font-semibold">{t('Rules skipped by the alarm engine:')}</p>
          <ul className="list-disc pl-5">
            {ruleErrors.map((e) => (
              <li key={e.ruleId}>
                {e.ruleId}: {e.error}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editing ? (
        <RuleForm key={editing === 'new' ? 'new' : editing.id} rule={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <div>
          <button type="button" className="rounded border border-hmi-text bg-hmi-raised px-3 py-1 text-[13px] font-semibold" onClick={() => setEditing('new')}>
            {t('Add rule')}
          </button>
        </div>
      )}
      <div className="overflow-auto rounded border border-hmi-border bg-hmi-panel">
        <table aria-label={t('Alarm rules')} className="w-full border-collapse text-[13px]">
          <thead className="bg-hmi-raised text-left text-xs text-hmi-muted">
            <tr>
              <th className="px-2 py-1">{t('Priority')}</th>
              <th className="px-2 py-1">{t('Rule')}</th>
              <th className="px-2 py-1">{t('Topic')}</th>
              <th className="px-2 py-1">{t('Condition')}</th>
              <th className="px-2 py-1">{t('Delays')}</th>
              <th className="px-2 py-1">{t('Status')}</th>
              <th className="px-2 py-1">{t('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.length === 0 && (
              <tr>
                <td colSpan={7} className="px-2 py-3 text-hmi-muted">
                  {t('No alarm rules yet. Add one, or import a configuration that has them.')}
                </td>
              </tr>
            )}
            {rules.map((r) => {
              const st = status[r.id];
              return (
                <tr key={r.id} className={`border-t border-hmi-border align-top ${r.enabled === false ? 'text-hmi-muted' : ''}`}>
                  <td className="whitespace-nowrap px-2 py-1">
                    <span className="inline-flex items-center gap-1.5">
                      <PriorityShape priority={r.priority} muted />
                      {t(PRIORITY_TEXT[r.priority])}
                    </span>
                  </td>
                  <td className="px-2 py-1">
                    <div>{r.name || r.id}</div>
                    <div className="font-mono text-[11px] text-hmi-muted">{r.id}</div>
                  </td>
                  <td className="break-all px-2 py-1 font-mono text-xs">
                    {r.topic}
                    {r.path ? ` → ${r.path}` : ''}
                  </td>
                  <td className="px-2 py-1 text-xs">{conditionText(r)}</td>
                  <td className="whitespace-nowrap px-2 py-1 text-xs">
                    {r.onDelayMs || r.offDelayMs ? t('on {onDelayMs} ms / off {offDelayMs} ms', { onDelayMs: r.onDelayMs, offDelayMs: r.offDelayMs }) : '—'}
                  </td>
                  <td className="px-2 py-1 text-xs">
                    {r.enabled === false
                      ? t('Disabled')
                      : [st ? t('{count, plural, one {# instance} other {# instances}}', { count: st.instances }) : '', st?.outOfService ? t('Out of service') : '', st?.suppressed ? t('Suppressed') : '']
                          .filter(Boolean)
                          .join(', ') || '—'}
                  </td>
                  <td className="px-2 py-1">
                    <span className="flex flex-wrap gap-1">
                      <button type="button" className={button} onClick={() => setEditing(r)} aria-label={t('Edit {rule}', { rule: r.name || r.id })}>
                        {t('Edit')}
                      </button>
                      <button type="button" className={button} onClick={() => deleteRule(r.id)} aria-label={t('Delete {rule}', { rule: r.name || r.id })}>
                        {t('Delete')}
                      </button>
                      {r.enabled !== false &&
                        (st?.outOfService ? (
                          <button type="button" className={button} onClick={() => setRuleService(r.id, true, '')}>
                            {t('Return to service')}
                          </button>
                        ) : (
                          <button type="button" className={button} onClick={() => setOos({ id: r.id, reason: '' })}>
                            {t('Out of service…')}
                          </button>
                        ))}
                    </span>
                    {oos?.id === r.id && (
                      <form
                        className="mt-1 flex gap-1"
                        onSubmit={(e) => {
                          e.preventDefault();
                          if (!oos.reason.trim()) return;
                          setRuleService(r.id, false, oos.reason.trim());
                          setOos(null);
                        }}
                      >
                        <input
                          aria-label={t('Out of service reason')}
                          placeholder={t('Reason (permit, work order)')}
                          className="rounded border border-hmi-border bg-hmi-raised px-1 text-xs"
                          value={oos.reason}
                          onChange={(e) => setOos({ id: r.id, reason: e.target.value })}
                        />
                        <button type="submit" className={button} disabled={!oos.reason.trim()}>
                          {t('Take out of service')}
                        </button>
                        <button type="button" className={button} onClick={() => setOos(null)}>
                          {t('Cancel')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <AlarmSettingsForm />
    </div>
  );
}

function conditionText(r: AlarmRuleConfig): string {
  const db = r.deadband ? `, deadband ${r.deadband}` : '';
  switch (r.condition) {
    case 'above':
      return `> ${r.setpoint}${db}`;
    case 'below':
      return `< ${r.setpoint}${db}`;
    case 'equal':
      return `= ${r.setpoint}`;
    case 'not-equal':
      return `≠ ${r.setpoint}`;
    case 'state':
      return `state ${[r.setpoint, ...(r.states ?? [])].filter((x) => x !== undefined && x !== '').join(' | ')}`;
    case 'rate-above':
      return `rate > ${r.setpoint}/s${db}`;
    case 'rate-below':
      return `rate < ${r.setpoint}/s${db}`;
    case 'stale':
      return `no message for ${(r.staleAfterMs ?? 0) / 1000} s`;
  }
}
