import { useEffect, useId, useState, type ReactNode } from 'react';
import { requestSuggestions } from '../actions/seriesActions';
import type { AlarmRuleConfig } from '../../src/config';
import { ConnectionSelect } from '../components/ConnectionSelect';
import { useSuggestions } from '../hooks/useSeries';
import { useSite } from '../hooks/useSite';
import { requestRuleTest, saveRule } from './alarmActions';
import { draftFromRule, emptyDraft, validateDraft, type RuleDraft } from './ruleDraft';
import { useAlarms } from './useAlarms';

const input = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';
const CONDITIONS = [
  ['above', 'above (value > setpoint)'],
  ['below', 'below (value < setpoint)'],
  ['equal', 'equal'],
  ['not-equal', 'not equal'],
  ['state', 'state text matches'],
  ['rate-above', 'rate of change above (per s)'],
  ['rate-below', 'rate of change below (per s)'],
  ['stale', 'stale (no message)'],
] as const;

/** The form's label for each rule field, so a problem is named as the user sees it. */
const FIELD_LABELS: Record<string, string> = {
  id: 'Rule ID', name: 'Alarm name', connection: 'Connection', topic: 'Alarm topic', path: 'Value path', condition: 'Condition',
  setpoint: 'Setpoint', states: 'Other states', deadband: 'Deadband', staleAfterMs: 'Stale after (ms)', onDelayMs: 'On delay (ms)',
  offDelayMs: 'Off delay (ms)', priority: 'Priority', message: 'Operator message', consequence: 'Consequence', action: 'Corrective action',
  'suppressWhen.topic': 'Suppression topic', 'suppressWhen.path': 'Suppression path', 'suppressWhen.value': 'Suppression value', rule: 'Rule',
};

/** Edit one rule: every problem is named by its field before it can be saved. */
export function RuleForm({ rule, onDone }: { rule: AlarmRuleConfig | null; onDone: () => void }) {
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
      aria-label="Rule editor"
      className="grid gap-3 rounded border border-hmi-border bg-hmi-panel p-3 text-[13px]"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 className="font-semibold">{rule ? `Edit rule ${rule.id}` : 'New rule'}</h3>
      {tried && Object.keys(errors).length > 0 && (
        <div className="font-semibold">
          Fix {Object.keys(errors).length} problem{Object.keys(errors).length === 1 ? '' : 's'} before saving:{' '}
          {Object.keys(errors).map((field) => FIELD_LABELS[field] ?? field).join(', ')}
          {errors.rule && <span className="block text-xs font-normal">{errors.rule}</span>}
        </div>
      )}
      <div className="grid gap-3 md:grid-cols-3">
        {text('id', 'Rule ID', { mono: true, hint: 'empty = made from the alarm name' })}
        {text('name', 'Alarm name')}
        <Field label="Connection">
          {(id) => (
            <ConnectionSelect id={id} className={input} connections={connections} value={draft.connection} emptyOption="Any connection" onChange={(c) => set('connection', c)} />
          )}
        </Field>
        {text('topic', 'Alarm topic', { mono: true, placeholder: 'plant/+/line1/temp', hint: '+ and # give one alarm per matching topic', list: topicListId })}
        <datalist id={topicListId}>
          {(suggestions?.items ?? []).map((s) => (
            <option key={`${s.connection}\u0000${s.topic}`} value={s.topic} />
          ))}
        </datalist>
        {text('path', 'Value path', { mono: true, placeholder: 'v or a.b[0].c', hint: 'empty = the whole payload' })}
        <Field label="Condition" error={show('condition')}>
          {(id) => (
            <select id={id} className={input} value={draft.condition} onChange={(e) => set('condition', e.target.value)}>
              {CONDITIONS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.condition !== 'stale' && text('setpoint', draft.condition === 'state' ? 'State text' : 'Setpoint', { hint: numeric ? undefined : 'number, text or true/false' })}
        {draft.condition === 'state' && text('states', 'Other states', { hint: 'comma-separated, e.g. ESTOP, TRIP' })}
        {(numeric || draft.condition === 'stale') && text(numeric ? 'deadband' : 'staleAfterMs', numeric ? 'Deadband' : 'Stale after (ms)')}
        {text('onDelayMs', 'On delay (ms)', { hint: 'condition must hold this long' })}
        {text('offDelayMs', 'Off delay (ms)', { hint: 'return must hold this long' })}
        <Field label="Priority" error={show('priority')}>
          {(id) => (
            <select id={id} className={input} value={draft.priority} onChange={(e) => set('priority', e.target.value)}>
              <option value="critical">Critical</option>
              <option value="high">High</option>
              <option value="medium">Medium</option>
              <option value="low">Low</option>
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 self-end">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          Enabled
        </label>
        <label className="flex items-center gap-2 self-end" title="ISA-18.2: the alarm stays after its condition clears until an operator acknowledges and resets it">
          <input type="checkbox" checked={draft.latch} onChange={(e) => set('latch', e.target.checked)} />
          Latch until reset
        </label>
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        {text('message', 'Operator message')}
        {text('consequence', 'Consequence')}
        {text('action', 'Corrective action')}
      </div>
      <fieldset className="grid gap-3 rounded border border-hmi-border p-2 md:grid-cols-4">
        <legend className="px-1 text-xs text-hmi-muted">Suppress by design while (optional)</legend>
        {text('suppressTopic', 'Suppression topic', { mono: true })}
        {text('suppressPath', 'Suppression path', { mono: true })}
        <Field label="Suppression condition">
          {(id) => (
            <select id={id} className={input} value={draft.suppressCondition} onChange={(e) => set('suppressCondition', e.target.value)}>
              <option value="equal">equal</option>
              <option value="not-equal">not equal</option>
              <option value="above">above</option>
              <option value="below">below</option>
            </select>
          )}
        </Field>
        {text('suppressValue', 'Suppression value')}
        {(show('suppressWhen.topic') || show('suppressWhen.value') || show('suppressWhen.path')) && (
          <p className="md:col-span-4 text-xs font-semibold">{show('suppressWhen.topic') ?? show('suppressWhen.value') ?? show('suppressWhen.path')}</p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className="rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold">
          Save rule
        </button>
        <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-3 py-1" onClick={onDone}>
          Cancel
        </button>
        <button
          type="button"
          className="rounded border border-hmi-border bg-hmi-raised px-3 py-1"
          onClick={() => {
            setTried(true);
            setTestId(requestRuleTest(out));
          }}
        >
          Test against the last value
        </button>
        <span role="status" aria-label="Test result" className="whitespace-pre-line text-xs">
          {test ? test.text : testId !== null ? 'Testing…' : ''}
        </span>
      </div>
    </form>
  );
}

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (id: string, describedBy?: string) => ReactNode }) {
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
          {label} {error}
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
