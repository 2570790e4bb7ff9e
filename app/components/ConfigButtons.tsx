import { useRef, useState } from 'react';
import { useConfirm, type ConfirmRequest } from './dialog';
import { describeChanges } from '../config/configChanges';
import { exportConfig, previewImport } from '../config/siteActions';
import { downloadText } from '../lib/download';
import { useT } from '../i18n/useT';
import { t } from '../i18n/i18n';

const button = 'rounded border border-[#6b7278] px-2 py-0.5 text-xs text-[#e8e9ea] hover:bg-[#4a5056]';

const secretsWarning = (): ConfirmRequest => ({
  title: t('Include passwords'),
  message: t('The exported file will contain the passwords of this session in plain text. Anyone with the file can use them. Include them?'),
  confirmLabel: t('Include passwords'),
});

/**
 * "Export configuration" writes the same document config.json holds; "Import configuration" reads one.
 * Passwords (and other connection secrets) are left out unless "Include passwords" is ticked.
 */
export function ConfigButtons() {
  const t = useT();
  const fileRef = useRef<HTMLInputElement>(null);
  const [withSecrets, setWithSecrets] = useState(false);
  const [confirmDialog, confirm] = useConfirm();
  const doExport = () => {
    downloadText(`sightglass-config-${new Date().toISOString().slice(0, 10)}.json`, exportConfig(withSecrets), 'application/json');
  };
  return (
    <div className="flex gap-1">
      <button type="button" className={button} onClick={doExport}>
        {t('Export configuration')}
      </button>
      <label className="flex items-center gap-1 text-xs text-[#e8e9ea]">
        <input
          type="checkbox"
          checked={withSecrets}
          onChange={async (e) => {
            const checked = e.target.checked;
            if (checked && !(await confirm(secretsWarning()))) return;
            setWithSecrets(checked);
          }}
        />
        {t('Include passwords')}
      </label>
      <button type="button" className={button} onClick={() => fileRef.current?.click()}>
        {t('Import configuration')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-hidden="true"
        tabIndex={-1}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          // Say what the import changes and ask before applying it (issue 16 #11).
          const preview = previewImport(await file.text(), file.name);
          if (!preview) return;
          const ok = await confirm({
            title: t('Import configuration'),
            message: preview.changes.length ? t('Apply {file}?', { file: file.name }) : t('{file} changes nothing. Apply it anyway?', { file: file.name }),
            details: preview.changes.map((c) => [c.section, describeChanges(c)] as const),
            confirmLabel: t('Apply configuration'),
          });
          if (ok) preview.apply();
        }}
      />
      {confirmDialog}
    </div>
  );
}
