import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** A large modal panel (native <dialog>: focus stays inside, Escape closes) named by its title. */
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      aria-label={title}
      className="m-auto h-[min(52rem,94vh)] w-[min(72rem,96vw)] rounded border border-hmi-text bg-hmi-panel p-0 text-hmi-text backdrop:bg-black/40"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center border-b border-hmi-border bg-hmi-raised px-3 py-1.5">
          <h2 className="text-sm font-semibold">{title}</h2>
          <button type="button" className="ml-auto rounded border border-hmi-border px-3 py-0.5" onClick={onClose}>
            Close
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-auto p-3">{children}</div>
      </div>
    </dialog>,
    document.body,
  );
}
