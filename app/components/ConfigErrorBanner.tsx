import { dismissConfigError } from '../config/siteActions';
import { useSite } from '../hooks/useSite';
import { useT } from '../i18n/useT';

/** A specific, visible message for an invalid config.json or import; the app keeps working. */
export function ConfigErrorBanner() {
  const t = useT();
  const error = useSite((s) => s.configError);
  if (!error) return null;
  return (
    <div role="alert" aria-label={t('Configuration problem')} className="flex items-start gap-3 border-b border-hmi-border bg-[#f3e3b5] px-4 py-2 text-[13px] text-[#1d2125]">
      <span className="font-semibold">{t('Configuration problem:')}</span>
      <span className="flex-1 break-all">{error}</span>
      <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-2 text-xs" onClick={dismissConfigError}>
        {t('Dismiss')}
      </button>
    </div>
  );
}
