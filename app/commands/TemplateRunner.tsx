import { useState } from 'react';
import { defaultValues } from '../../src/commands';
import type { CommandTemplateConfig } from '../../src/config';
import { useTemplates } from './hooks';
import { runTemplate, type Ask } from './confirmCommandActions';
import { caption, fieldBase, mainButton } from './styles';
import { VariableInput } from './VariableInput';
import { useT } from '../i18n/useT';

export const templateTitle = (t: CommandTemplateConfig) => t.name || t.id;

/** Inside the Publish region: pick a command template, fill its variables, send it (with its confirmation). */
export function TemplateRunner({ slot, connectionId, ask }: { slot: string; connectionId: string | null; ask: Ask }) {
  const t = useT();
  const templates = useTemplates();
  const [chosenId, setChosenId] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const chosen = templates.find((t) => t.id === chosenId);
  if (templates.length === 0) return <p className={caption}>{t('No command templates yet: use “Edit command templates” to add one.')}</p>;

  const choose = (id: string) => {
    setChosenId(id);
    const t = templates.find((x) => x.id === id);
    setValues(t ? defaultValues(t) : {});
  };
  return (
    <div className="grid gap-2">
      <label className="flex items-center gap-2">
        <span className={`${caption} whitespace-nowrap`}>{t('Command template')}</span>
        <select aria-label={t('Command template')} className={`${fieldBase} w-auto`} value={chosenId} onChange={(e) => choose(e.target.value)}>
          <option value="">{t('Choose a template…')}</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {templateTitle(t)}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <form
          noValidate
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void runTemplate({ slot, template: chosen, values, source: `Template ${templateTitle(chosen)}`, ask, connectionId });
          }}
        >
          <p className={`${caption} break-all`}>
            {t('{topic} · QoS {qos}', { topic: chosen.topic, qos: chosen.qos })}
            {chosen.retain ? t(' · retained') : ''}
            {chosen.properties?.responseTopic ? t(' · reply on {responseTopic}', { responseTopic: chosen.properties.responseTopic }) : ''}
            {chosen.confirm ? t(' · asks for confirmation') : ''}
          </p>
          {chosen.variables.length > 0 && (
            <div className="flex flex-wrap gap-3">
              {chosen.variables.map((v) => (
                <VariableInput key={v.name} variable={v} value={values[v.name] ?? ''} onChange={(x) => setValues((s) => ({ ...s, [v.name]: x }))} />
              ))}
            </div>
          )}
          <div>
            <button type="submit" className={mainButton}>
              {t('Send command')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
