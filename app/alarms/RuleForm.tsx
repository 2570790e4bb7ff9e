import { useEffect, useId, useState, type ReactNode } from 'react';
import { requestSuggestions } from '../actions/seriesActions';
import type { AlarmRuleConfig } from '../../src/config';
import { ConnectionSelect } from '../components/ConnectionSelect';
import { useSuggestions } from '../hooks/useSeries';
import { useSite } from '../hooks/useSite';
import { requestRuleTest, saveRule } from './alarmActions';
import { draftFromRule, emptyDraft, validateDraft, type RuleDraft } from './ruleDraft';
import { ruleTestText } from './ruleText';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { useAlarms } from './useAlarms';

const input = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';
const CONDITIONS = [
  ['above', msg('above (value > setpoint)')],
  ['below', msg('below (value < setpoint)')],
  ['equal', msg('equal')],
  ['not-equal', msg('not equal')],
  ['state', msg('state text matches')],
  ['rate-above', msg('rate of change above (per s)')],
  ['rate-below', msg('rate of change below (per s)')],
  ['stale', msg('stale (no message)')],
] as const;

/** The form's label for each rule field, so a problem is named as the user sees it. */
const FIELD_LABELS: Record<string, string> = {
  id: msg('Rule ID'), name: msg('Alarm name'), connection: msg('Connection'), topic: msg('Alarm topic'), path: msg('Value path'), condition: msg('Condition'),
  setpoint: msg('Setpoint'), states: msg('Other states'), deadband: msg('Deadband'), staleAfterMs: msg('Stale after (ms)'), onDelayMs: msg('On delay (ms)'),
  offDelayMs: msg('Off delay (ms)'), priority: msg('Priority'), message: msg('Operator message'), consequence: msg('Consequence'), action: msg('Corrective action'),
  'suppressWhen.topic': msg('Suppression topic'), 'suppressWhen.path': msg('Suppression path'), 'suppressWhen.value': msg('Suppression value'), rule: msg('Rule'),
};

/** Edit one rule: every problem is named by its field before it can be saved. */
export function RuleForm({ rule, onDone }: { rule: AlarmRuleConfig | null; onDone: () => void }) {
  const t = useT();
  const connections = useSite((s) => s.config.connections);
  const allRules = useSite((s) => s.config.alarms);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : { ...emptyDraft(), connection: connections[0]?.id ?? '' }));
  const [tried, setTried] = useState(false);
  const [testId, setTestId] = useState<number | null>(null);
  const test = useAlarms((s) => (testId === null ? undefined : s.tests[testId]));
  const otherIds = allRules.map((r) => r.id).filter((id) => id !== rule?.id);
  const { rule: out, errors } = validateDraft(draft, otherIds, rule ? (rule as Record<string, unknown>) : undefined);
  const show = (field: string) => (tried ? errors[field] : undefined);
  const set = <K extends keyof RuleDraft>(k: K, v: RuleDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const numeric = ['above', 'below', 'rate-above', 'rate-below'].includes(draft.condition);
  // The same topic suggestions as the widget dialog: topics seen, narrowed as the user types.
  const suggestions = useSuggestions();
  const topicListId = useId();
  useEffect(() => requestSuggestions(draft.topic), [draft.topic]);

  const save = () => {
    setTried(true);
    if (Object.keys(errors).length) return;
    saveRule(out, rule?.id ?? null);
    onDone();
  };

  const text = (k: keyof RuleDraft, label: string, extra: { placeholder?: string; hint?: string; mono?: boolean; list?: string } = {}) => (
    <Field label={label} error={show(k)} hint={extra.hint}>
      {(id, describedBy) => (
        <input
          id={id}
          aria-describedby={describedBy}
          aria-invalid={!!show(k)}
          className={`${input} ${extra.mono ? 'font-mono' : ''}`}
          value={draft[k] as string}
          placeholder={extra.placeholder}
          list={extra.list}
          autoComplete={extra.list ? 'off' : undefined}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      aria-label={t('Rule editor')}
      className="grid gap-3 rounded border border-hmi-border bg-hmi-panel p-3 text-[13px]"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 className="font-semibold">{rule ? t('Edit rule {id}', { id: rule.id }) : t('New rule')}</h3>
      {tried && Object.keys(errors).length > 0 && (
        <div className="font-semibold">
          {t('{count, plural, one {Fix # problem before saving: {fields}} other {Fix # problems before saving: {fields}}}', {
            count: Object.keys(errors).length,
            fields: Object.keys(errors)
              .map((field) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field))
              .join(t(', ')),
          })}
          {errors.rule && <span className="block text-xs font-normal">{errors.rule}</span>}
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-3">
        {text('id', t('Rule ID'), { mono: true, hint: t('empty = made from the alarm name') })}
        {text('name', t('Alarm name'))}
        <Field label={t('Connection')}>
          {(id) => (
            <ConnectionSelect id={id} className={input} connections={connections} value={draft.connection} emptyOption={t('Any connection')} onChange={(c) => set('connection', c)} />
          )}
        </Field>
        {text('topic', t('Alarm topic'), { mono: true, placeholder: 'plant/+/line1/temp', hint: t('+ and # give one alarm per matching topic'), list: topicListId })}
        <datalist id={topicListId}>
          {(suggestions?.items ?? []).map((s) => (
            <option key={`${s.connection}\u0000${s.topic}`} value={s.topic} />
          ))}
        </datalist>
        {text('path', t('Value path'), { mono: true, placeholder: t('v or a.b[0].c'), hint: t('empty = the whole payload') })}
        <Field label={t('Condition')} error={show('condition')}>
          {(id) => (
            <select id={id} className={input} value={draft.condition} onChange={(e) => set('condition', e.target.value)}>
              {CONDITIONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {t(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.condition !== 'stale' && text('setpoint', draft.condition === 'state' ? t('State text') : t('Setpoint'), { hint: numeric ? undefined : t('number, text or true/false') })}
        {draft.condition === 'state' && text('states', t('Other states'), { hint: t('comma-separated, e.g. ESTOP, TRIP') })}
        {(numeric || draft.condition === 'stale') && text(numeric ? 'deadband' : 'staleAfterMs', numeric ? t('Deadband') : t('Stale after (ms)'))}
        {text('onDelayMs', t('On delay (ms)'), { hint: t('condition must hold this long') })}
        {text('offDelayMs', t('Off delay (ms)'), { hint: t('return must hold this long') })}
        <Field label={t('Priority')} error={show('priority')}>
          {(id) => (
            <select id={id} className={input} value={draft.priority} onChange={(e) => set('priority', e.target.value)}>
              <option value="critical">{t('Critical')}</option>
              <option value="high">{t('High')}</option>
              <option value="medium">{t('Medium')}</option>
              <option value="low">{t('Low')}</option>
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 self-end">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('Enabled')}
        </label>
        <label className="flex items-center gap-2 self-end" title={t('ISA-18.2: the alarm stays after its condition clears until an operator acknowledges and resets it')}>
          <input type="checkbox" checked={draft.latch} onChange={(e) => set('latch', e.target.checked)} />
          {t('Latch until reset')}
        </label>
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        {text('message', t('Operator message'))}
        {text('consequence', t('Consequence'))}
        {text('action', t('Corrective action'))}
      </div>
      <fieldset className="grid gap-3 rounded border border-hmi-border p-2 md:grid-cols-4">
        <legend className="px-1 text-xs text-hmi-muted">{t('Suppress by design while (optional)')}</legend>
        {text('suppressTopic', t('Suppression topic'), { mono: true })}
        {text('suppressPath', t('Suppression path'), { mono: true })}
        <Field label={t('Suppression condition')}>
          {(id) => (
            <select id={id} className={input} value={draft.suppressCondition} onChange={(e) => set('suppressCondition', e.target.value)}>
              <option value="equal">{t('equal')}</option>
              <option value="not-equal">{t('not equal')}</option>
              <option value="above">{t('above')}</option>
              <option value="below">{t('below')}</option>
            </select>
          )}
        </Field>
        {text('suppressValue', t('Suppression value'))}
        {(show('suppressWhen.topic') || show('suppressWhen.value') || show('suppressWhen.path')) && (
          <p className="md:col-span-4 text-xs font-semibold">{show('suppressWhen.topic') ?? show('suppressWhen.value') ?? show('suppressWhen.path')}</p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold">
          {t('Save rule')}
        </button>
        <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-3 py-1" onClick={onDone}>
          {t('Cancel')}
        </button>
        <button
          type="button"
          className="rounded border border-hmi-border bg-hmi-raised px-3 py-1"
          onClick={() => {
            setTried(true);
            setTestId(requestRuleTest(out));
          }}
        >
          {t('Test against the last value')}
        </button>
        <span role="status" aria-label={t('Test result')} className="whitespace-pre-line text-xs">
          {test ? ruleTestText(test) : testId !== null ? t('Testing…') : ''}
        </span>
      </div>
    </form>
  );
}

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
  const t = useT();
  const id = useId();
  const describedBy = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className="grid content-start gap-1">
      <label htmlFor={id} className="text-xs text-hmi-muted">
        {label}
      </label>
      {children(id, describedBy)}
      {error ? (
        <span id={`${id}-err`} className="text-xs font-semibold">
          {t('{field} {problem}', { field: label, problem: t(error) })}
        </span>
      ) : (
        hint && (
          <span id={`${id}-hint`} className="text-[11px] text-hmi-muted">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
