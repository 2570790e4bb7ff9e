import type { PropertiesDraft } from './propertiesDraft';
import { caption, field } from './styles';

/**
 * MQTT 5 publish properties with the contract's names. Always visible (not folded away) so they
 * can be found by their names; the Publish region hides them on MQTT 3.1.1 with a note instead.
 */
export function PropertiesFields({ value, onChange }: { value: PropertiesDraft; onChange: (next: PropertiesDraft) => void }) {
  const set = <K extends keyof PropertiesDraft>(key: K, v: PropertiesDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset className="grid gap-2 rounded border border-hmi-border p-2">
      <legend className={`${caption} px-1`}>MQTT 5 properties</legend>
      <label className="grid gap-0.5">
        <span className={caption}>User properties (one name=value per line)</span>
        <textarea aria-label="User properties" rows={2} spellCheck={false} className={`${field} font-mono`} value={value.userProperties} onChange={(e) => set('userProperties', e.target.value)} />
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="grid gap-0.5">
          <span className={caption}>Content type</span>
          <input aria-label="Content type" className={field} placeholder="e.g. application/json" value={value.contentType} onChange={(e) => set('contentType', e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className={caption}>Message expiry (s)</span>
          <input aria-label="Message expiry (s)" inputMode="numeric" className={field} value={value.expiry} onChange={(e) => set('expiry', e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className={caption}>Response topic</span>
          <input aria-label="Response topic" className={`${field} font-mono`} value={value.responseTopic} onChange={(e) => set('responseTopic', e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className={caption}>Correlation data</span>
          <input aria-label="Correlation data" className={`${field} font-mono`} placeholder="generated when empty" value={value.correlation} onChange={(e) => set('correlation', e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className={caption}>Wait for reply (s)</span>
          <input aria-label="Wait for reply (s)" inputMode="decimal" className={field} placeholder="10" value={value.replyTimeout} onChange={(e) => set('replyTimeout', e.target.value)} />
        </label>
        <label className="flex items-center gap-1 self-end pb-1">
          <input type="checkbox" aria-label="Payload format indicator" checked={value.payloadFormatIndicator} onChange={(e) => set('payloadFormatIndicator', e.target.checked)} />
          <span>Payload format indicator: UTF-8 text</span>
        </label>
      </div>
    </fieldset>
  );
}
