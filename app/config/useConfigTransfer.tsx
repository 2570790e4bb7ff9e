import { useRef, useState, type ReactNode } from 'react';
import { useConfirm, type ConfirmRequest } from '../components/dialog';
import { t } from '../i18n/i18n';
import { downloadText } from '../lib/download';
import { importDetails } from './importDetails';
import { exportConfig, previewImport } from './siteActions';

const secretsWarning = (): ConfirmRequest => ({
  title: t('Include passwords'),
  message: t('The exported file will contain the passwords of this session in plain text. Anyone with the file can use them. Include them?'),
  confirmLabel: t('Include passwords'),
});

export interface ConfigTransfer {
  readonly withSecrets: boolean;
  /** Ticks "Include passwords" after the warning, or unticks it. */
  toggleSecrets(): Promise<void>;
  exportNow(): void;
  /** Opens the file chooser; the chosen file's changes are confirmed before they apply. */
  chooseImport(): void;
  /** The hidden file input and the confirmation dialog: render them where they outlive a menu. */
  readonly elements: ReactNode;
}

/**
 * Export and import of the site configuration, for the inline ConfigButtons and the header's Menu
 * alike: passwords are left out unless asked for (after a warning), and an import says what it
 * changes and asks before it applies (issue 16 #11). Texts are read in the UI language when shown.
 */
export function useConfigTransfer(): ConfigTransfer {
  const fileRef = useRef<HTMLInputElement>(null);
  const [withSecrets, setWithSecrets] = useState(false);
  const [confirmDialog, confirm] = useConfirm();
  const elements = (
    <>
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
          const preview = previewImport(await file.text(), file.name);
          if (!preview) return;
          const ok = await confirm({
            title: t('Import configuration'),
            message: preview.changes.length ? t('Apply {file}?', { file: file.name }) : t('{file} changes nothing. Apply it anyway?', { file: file.name }),
            details: importDetails(preview.changes),
            confirmLabel: t('Apply configuration'),
          });
          if (ok) preview.apply();
        }}
      />
      {confirmDialog}
    </>
  );
  return {
    withSecrets,
    async toggleSecrets() {
      if (withSecrets) return setWithSecrets(false);
      if (await confirm(secretsWarning())) setWithSecrets(true);
    },
    exportNow() {
      downloadText(`sightglass-config-${new Date().toISOString().slice(0, 10)}.json`, exportConfig(withSecrets), 'application/json');
    },
    chooseImport: () => fileRef.current?.click(),
    elements,
  };
}
