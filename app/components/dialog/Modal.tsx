import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { useT } from '../../i18n/useT';

/** A large modal panel named by its title, with a Close button (Escape closes too). */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const t = useT();
  return (
    <Dialog
      label={title}
      onClose={onClose}
      className="m-auto h-[min(52rem,94vh)] w-[min(72rem,96vw)] rounded border border-hmi-text bg-hmi-panel p-0 text-hmi-text backdrop:bg-black/40"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center border-b border-hmi-border bg-hmi-raised px-3 py-1.5">
          <h2 className="text-sm font-semibold">{title}</h2>
          <button type="button" className="ml-auto rounded border border-hmi-border px-3 py-0.5" onClick={onClose}>
            {t('Close')}
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-auto p-3">{children}</div>
      </div>
    </Dialog>
  );
}
