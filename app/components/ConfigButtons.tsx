import { useConfigTransfer } from '../config/useConfigTransfer';
import { useT } from '../i18n/useT';

const button = 'rounded border border-[#6b7278] px-2 py-0.5 text-xs text-[#e8e9ea] hover:bg-[#4a5056]';

/**
 * "Export configuration" writes the same document config.json holds; "Import configuration" reads one.
 * Passwords (and other connection secrets) are left out unless "Include passwords" is ticked.
 * The steps are useConfigTransfer's, shared with the header's Menu on narrower screens.
 */
export function ConfigButtons() {
  const t = useT();
  const transfer = useConfigTransfer();
  return (
    <div className="flex gap-1">
      <button type="button" className={button} onClick={transfer.exportNow}>
        {t('Export configuration')}
      </button>
      <label className="flex items-center gap-1 text-xs text-[#e8e9ea]">
        <input type="checkbox" checked={transfer.withSecrets} onChange={() => void transfer.toggleSecrets()} />
        {t('Include passwords')}
      </label>
      <button type="button" className={button} onClick={transfer.chooseImport}>
        {t('Import configuration')}
      </button>
      {transfer.elements}
    </div>
  );
}
