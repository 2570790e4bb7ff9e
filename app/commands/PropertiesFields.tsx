import type { PropertiesDraft } from './propertiesDraft';
import { caption, field } from './styles';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/i18n';

/** Where the fields are shown: the names differ (ui-contract.md), the fields are the same. */
export type PropertiesFieldsVariant = 'publish' | 'template';

interface Names {
  readonly legend: string;
  readonly userProperties: string;
  readonly contentType: string;
  readonly expiry: string;
  readonly responseTopic: string;
  /** null: not offered (a template's correlation data is generated per command). */
  readonly correlation: string | null;
  readonly replyTimeout: string;
  readonly payloadFormatIndicator: string;
}

/** The accessible names per variant; e2e tests rely on them, never change one. */
export const PROPERTY_FIELD_NAMES: Record<PropertiesFieldsVariant, Names> = {
  publish: {
    legend: msg('MQTT 5 properties'),
    userProperties: msg('User properties'),
    contentType: msg('Content type'),
    expiry: msg('Message expiry (s)'),
    responseTopic: msg('Response topic'),
    correlation: msg('Correlation data'),
    replyTimeout: msg('Wait for reply (s)'),
    payloadFormatIndicator: msg('Payload format indicator'),
  },
  template: {
    legend: msg('MQTT 5 properties and reply'),
    userProperties: msg('Template user properties'),
    contentType: msg('Template content type'),
    expiry: msg('Template message expiry (s)'),
    responseTopic: msg('Template response topic'),
    correlation: null,
    replyTimeout: msg('Template reply timeout (s)'),
    payloadFormatIndicator: msg('Template payload format indicator'),
  },
};

type Value = Omit<PropertiesDraft, 'correlation'> & { readonly correlation?: string };

/**
 * MQTT 5 publish properties, for the Publish region and the template editor. Always visible (not
 * folded away) so they can be found by their names; the Publish region hides them on MQTT 3.1.1
 * with a note instead.
 */
export function PropertiesFields({ value, onChange, variant = 'publish' }: { value: Value; onChange: (patch: Partial<PropertiesDraft>) => void; variant?: PropertiesFieldsVariant }) {
  const t = useT();
  const names = PROPERTY_FIELD_NAMES[variant];
  const text = (key: 'contentType' | 'expiry' | 'responseTopic' | 'correlation' | 'replyTimeout', opts: { mono?: boolean; placeholder?: string; inputMode?: 'numeric' | 'decimal' } = {}) => {
    const name = names[key];
    if (name === null) return null;
    return (
      <label className="grid gap-0.5">
        <span className={caption}>{t(name)}</span>
        <input
          aria-label={t(name)}
          inputMode={opts.inputMode}
          className={`${field} ${opts.mono ? 'font-mono' : ''}`}
          placeholder={opts.placeholder}
          value={value[key] ?? ''}
          onChange={(e) => onChange({ [key]: e.target.value })}
        />
      </label>
    );
  };
  return (
    <fieldset className="grid gap-2 rounded border border-hmi-border p-2">
      <legend className={`${caption} px-1`}>{t(names.legend)}</legend>
      <label className="grid gap-0.5">
        <span className={caption}>{t('{userProperties} (one name=value per line)', { userProperties: t(names.userProperties) })}</span>
        <textarea
          aria-label={t(names.userProperties)}
          rows={2}
          spellCheck={false}
          className={`${field} font-mono`}
          value={value.userProperties}
          onChange={(e) => onChange({ userProperties: e.target.value })}
        />
      </label>
      <div className="grid grid-cols-2 gap-2">
        {text('contentType', { placeholder: t('e.g. application/json') })}
        {text('expiry', { inputMode: 'numeric' })}
        {text('responseTopic', { mono: true, placeholder: t('empty: no reply expected') })}
        {text('correlation', { mono: true, placeholder: t('generated when empty') })}
        {text('replyTimeout', { inputMode: 'decimal', placeholder: '10' })}
        <label className="flex items-center gap-1 self-end pb-1">
          <input
            type="checkbox"
            aria-label={t(names.payloadFormatIndicator)}
            checked={value.payloadFormatIndicator}
            onChange={(e) => onChange({ payloadFormatIndicator: e.target.checked })}
          />
          <span>{t('Payload format indicator: UTF-8 text')}</span>
        </label>
      </div>
    </fieldset>
  );
}
