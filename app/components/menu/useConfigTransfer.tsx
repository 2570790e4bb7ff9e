import { useRef, useState, type ReactNode } from 'react';
import { useConfirm, type ConfirmRequest } from '../dialog';
import { describeChanges } from '../../config/configChanges';
import { exportConfig, previewImport } from '../../config/siteActions';
import { downloadText } from '../../lib/download';

const SECRETS_WARNING: ConfirmRequest = {
  title: 'Include passwords',
  message: 'The exported file will contain the passwords of this session in plain text. Anyone with the file can use them. Include them?',
  confirmLabel: 'Include passwords',
};

export interface ConfigTransfer {
  readonly withSecrets: boolean;
  /** Ticks "Include passwords" after the warning, or unticks it. */
  toggleSecrets(): Promise<void>;
  exportNow(): void;
  /** Opens the file chooser; the chosen file's changes are confirmed before they apply. */
  chooseImport(): void;
  /** The hidden file input and the confirmation dialog: render them where they outlive the menu. */
  readonly elements: ReactNode;
}

/**
 * Export and import of the site configuration for the header menu: the same steps as the inline
 * ConfigButtons (passwords left out unless asked, an import says what it changes and asks first).
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
            title: 'Import configuration',
            message: preview.changes.length ? `Apply ${file.name}?` : `${file.name} changes nothing. Apply it anyway?`,
            details: preview.changes.map((c) => [c.section, describeChanges(c)] as const),
            confirmLabel: 'Apply configuration',
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
      if (await confirm(SECRETS_WARNING)) setWithSecrets(true);
    },
    exportNow() {
      downloadText(`sightglass-config-${new Date().toISOString().slice(0, 10)}.json`, exportConfig(withSecrets), 'application/json');
    },
    chooseImport: () => fileRef.current?.click(),
    elements,
  };
}
