import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

export interface DialogProps {
  /** The accessible name (e2e tests find dialogs by role `dialog` and this name). */
  readonly label?: string;
  /** Or the id of the element that names it, e.g. the visible heading. */
  readonly labelledBy?: string;
  /** Escape, Cancel and Close all end here; the parent unmounts the dialog. */
  readonly onClose: () => void;
  /** Where focus starts; the browser's choice (first focusable) when absent. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly className: string;
  readonly children: ReactNode;
}

/**
 * Every modal in the app: a native <dialog> opened with showModal(), so focus stays inside, the
 * rest of the page is inert and Escape cancels. Rendered into <body> so no ancestor's overflow,
 * transform or "edit only" styling can clip or hide it.
 */
export function Dialog({ label, labelledBy, onClose, initialFocus, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    // Open once on mount; focus is only placed then, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      aria-label={label}
      aria-labelledby={labelledBy}
      className={className}
      onCancel={(e) => {
        // The parent decides: it unmounts the dialog, so the native close must not run first.
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>,
    document.body,
  );
}
