import { LOCALES, matchLocale } from './locales';
import { setLocale } from './localeActions';
import { useLocale } from './useLocale';
import { useT } from './useT';

/** Header control: the UI language. Language names stay in their own script, so anyone can find theirs. */
export function LanguagePicker() {
  const t = useT();
  const locale = useLocale();
  return (
    <select
      aria-label={t('Language')}
      title={t('Language')}
      className="rounded border border-[#6b7278] bg-hmi-header px-1 py-0.5 text-xs text-[#e8e9ea]"
      value={locale}
      onChange={(e) => {
        const id = matchLocale(e.target.value);
        if (id) void setLocale(id);
      }}
    >
      {LOCALES.map((l) => (
        <option key={l.id} value={l.id} lang={l.id}>
          {l.label}
        </option>
      ))}
    </select>
  );
}
