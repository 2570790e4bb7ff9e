import { useState } from 'react';
import { PAYLOAD_ENCODINGS, type PayloadEncoding } from '../../src/commands';
import type { CommandTemplateConfig } from '../../src/config';
import { useSite } from '../hooks/useSite';
import { useTemplates } from './hooks';
import { PropertiesFields } from './PropertiesFields';
import { saveTemplates } from './templateActions';
import { draftFromTemplate, emptyDraft, emptyVariable, templateFromDraft, type TemplateDraft, type VariableDraft } from './templateDraft';
import { caption, field, mainButton, smallButton, fieldBase } from './styles';
import { templateTitle } from './TemplateRunner';
import { useT } from '../i18n/useT';

const VARIABLE_TYPES: VariableDraft['type'][] = ['number', 'integer', 'choice', 'boolean', 'string'];

/** Edits the site's command templates (config section `commands`, exported with the configuration). */
export function TemplateEditor() {
  const t = useT();
  const templates = useTemplates();
  const connections = useSite((s) => s.config.connections);
  const [editingId, setEditingId] = useState<string | null>(templates[0]?.id ?? null);
  const [draft, setDraft] = useState<TemplateDraft>(() => (templates[0] ? draftFromTemplate(templates[0]) : emptyDraft()));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  const open = (t: CommandTemplateConfig | null) => {
    setEditingId(t?.id ?? null);
    setDraft(t ? draftFromTemplate(t) : emptyDraft());
    setErrors([]);
    setSaved(null);
  };
  const set = <K extends keyof TemplateDraft>(k: K, v: TemplateDraft[K]) => {
    setSaved(null);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const setVariable = (i: number, patch: Partial<VariableDraft>) =>
    set('variables', draft.variables.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const save = () => {
    const others = templates.filter((t) => t.id !== editingId).map((t) => t.id);
    const r = templateFromDraft(draft, others);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    const next = editingId ? templates.map((t) => (t.id === editingId ? r.template : t)) : [...templates, r.template];
    saveTemplates(next);
    setEditingId(r.template.id);
    setDraft(draftFromTemplate(r.template));
    setErrors([]);
    setSaved(t('Saved “{template}”.', { template: templateTitle(r.template) }));
  };
  const remove = () => {
    if (!editingId) return;
    const next = templates.filter((t) => t.id !== editingId);
    saveTemplates(next);
    open(next[0] ?? null);
  };

  const text = (label: string, k: 'name' | 'topic' | 'confirm', opts: { mono?: boolean; placeholder?: string } = {}) => (
    <label className="grid gap-0.5">
      <span className={caption}>{label}</span>
      <input aria-label={label} className={`${field} ${opts.mono ? 'font-mono' : ''}`} placeholder={opts.placeholder} value={draft[k]} onChange={(e) => set(k, e.target.value)} />
    </label>
  );

  return (
    <div className="grid gap-3 md:grid-cols-[14rem_1fr]">
      <nav aria-label={t('Templates')} className="grid content-start gap-1">
        <ul className="grid gap-1">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                aria-current={t.id === editingId ? 'true' : undefined}
                className={`w-full rounded border px-2 py-1 text-left ${t.id === editingId ? 'border-hmi-text bg-hmi-select font-semibold' : 'border-hmi-border bg-hmi-raised'}`}
                onClick={() => open(t)}
              >
                {templateTitle(t)}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className={smallButton} onClick={() => open(null)}>
          {t('New template')}
        </button>
      </nav>
      <form
        aria-label={t('Template')}
        className="grid content-start gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="grid gap-2 md:grid-cols-2">
          {text(t('Template name'), 'name')}
          <label className="grid gap-0.5">
            <span className={caption}>{t('Template connection')}</span>
            <select aria-label={t('Template connection')} className={field} value={draft.connection} onChange={(e) => set('connection', e.target.value)}>
              <option value="">{t('The selected connection')}</option>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name || c.id}
                </option>
              ))}
            </select>
          </label>
        </div>
        {text(t('Template topic'), 'topic', { mono: true, placeholder: 'cmd/site1/line1/setpoint' })}
        <div className="grid gap-0.5">
          <div className="flex items-center gap-2">
            <span className={`${caption} flex-1`}>{t('Payload, with variables as {example}', { example: '${name}' })}</span>
            <select aria-label={t('Template payload encoding')} className={`${fieldBase} w-auto py-0.5`} value={draft.encoding} onChange={(e) => set('encoding', e.target.value as PayloadEncoding)}>
              {PAYLOAD_ENCODINGS.map((x) => (
                <option key={x} value={x}>
                  {x === 'json' ? 'JSON' : x === 'base64' ? t('Base64') : x === 'hex' ? t('Hex') : t('Text')}
                </option>
              ))}
            </select>
          </div>
          <textarea aria-label={t('Template payload')} rows={3} spellCheck={false} className={`${field} font-mono`} value={draft.payload} onChange={(e) => set('payload', e.target.value)} />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex items-center gap-1">
            <span className={caption}>{t('Template QoS')}</span>
            <select aria-label={t('Template QoS')} className={`${fieldBase} w-auto`} value={draft.qos} onChange={(e) => set('qos', Number(e.target.value) as 0 | 1 | 2)}>
              <option value={0}>0</option>
              <option value={1}>1</option>
              <option value={2}>2</option>
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" aria-label={t('Template retain')} checked={draft.retain} onChange={(e) => set('retain', e.target.checked)} />
            <span>{t('Retain')}</span>
          </label>
        </div>
        {text(t('Confirmation text'), 'confirm', { placeholder: t('e.g. Stop line 1? (empty: no confirmation)') })}
        <fieldset className="grid gap-2 rounded border border-hmi-border p-2">
          <legend className={`${caption} px-1`}>{t('Variables')}</legend>
          {draft.variables.length === 0 && <p className={caption}>{t('No variables. Add one and use it as {example} in the topic or payload.', { example: '${name}' })}</p>}
          {draft.variables.map((x, i) => (
            <VariableRow key={i} index={i} variable={x} onChange={(p) => setVariable(i, p)} onRemove={() => set('variables', draft.variables.filter((_, j) => j !== i))} />
          ))}
          <div>
            <button type="button" className={smallButton} onClick={() => set('variables', [...draft.variables, emptyVariable()])}>
              {t('Add variable')}
            </button>
          </div>
        </fieldset>
        <PropertiesFields
          variant="template"
          value={draft}
          onChange={(patch) => {
            setSaved(null);
            setDraft((d) => ({ ...d, ...patch }));
          }}
        />
        {errors.length > 0 && (
          <ul aria-live="polite" aria-label={t('Template problems')} className="list-disc rounded border border-alarm-high bg-hmi-raised py-1 pl-6 text-[13px]">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <div className="flex items-center gap-2">
          <button type="submit" className={mainButton}>
            {t('Save template')}
          </button>
          {editingId && (
            <button type="button" className={smallButton} onClick={remove}>
              {t('Delete template')}
            </button>
          )}
          {saved && <span className={caption}>{saved}</span>}
        </div>
      </form>
    </div>
  );
}

function VariableRow({ index, variable: x, onChange, onRemove }: { index: number; variable: VariableDraft; onChange: (p: Partial<VariableDraft>) => void; onRemove: () => void }) {
  const t = useT();
  const n = index + 1;
  const input = (label: string, k: 'name' | 'label' | 'min' | 'max' | 'step' | 'unit' | 'choices' | 'default', width = 'w-20') => (
    <label className="grid gap-0.5">
      <span className={caption}>{label}</span>
      <input aria-label={t('Variable {n} {label}', { n, label: label.toLowerCase() })} className={`${fieldBase} ${width}`} value={x[k]} onChange={(e) => onChange({ [k]: e.target.value })} />
    </label>
  );
  const numeric = x.type === 'number' || x.type === 'integer';
  return (
    <div className="flex flex-wrap items-end gap-2 border-b border-hmi-border pb-2">
      {input('Name', 'name', 'w-28')}
      <label className="grid gap-0.5">
        <span className={caption}>{t('Type')}</span>
        <select aria-label={t('Variable {n} type', { n })} className={`${fieldBase} w-auto`} value={x.type} onChange={(e) => onChange({ type: e.target.value as VariableDraft['type'] })}>
          {VARIABLE_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {input('Label', 'label', 'w-32')}
      {numeric && input('Min', 'min')}
      {numeric && input('Max', 'max')}
      {numeric && input('Step', 'step')}
      {numeric && input('Unit', 'unit', 'w-16')}
      {x.type === 'choice' && input('Choices', 'choices', 'w-48')}
      {input('Default', 'default')}
      <button type="button" className={smallButton} onClick={onRemove}>
        {t('Remove variable {n}', { n })}
      </button>
    </div>
  );
}
