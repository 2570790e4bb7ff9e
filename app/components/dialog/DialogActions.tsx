import type { Ref } from 'react';
import { useT } from '../../i18n/useT';

export interface DialogActionsProps {
  /** The action's word: "Shelve", "Send", "Plot", "Save". */
  readonly label: string;
  readonly onCancel: () => void;
  /** Without it the action submits the dialog's form (its checks run in the form's onSubmit). */
  readonly onAction?: () => void;
  /** Commands to the plant: touch-size buttons whatever the pointer (ISA-101 select → confirm → execute). */
  readonly command?: boolean;
  readonly cancelRef?: Ref<HTMLButtonElement>;
}

/**
 * Every dialog's footer: Cancel, then the one action, on the right. The action is the dark
 * button and Cancel an outlined one, so the two never look alike.
 */
export function DialogActions({ label, onCancel, onAction, command = false, cancelRef }: DialogActionsProps) {
  const t = useT();
  const size = command ? 'min-h-11 px-4' : 'px-3 py-1';
  return (
    <div className="flex justify-end gap-2">
      <button ref={cancelRef} type="button" className={`rounded border border-hmi-border bg-transparent ${size}`} onClick={onCancel}>
        {t('Cancel')}
      </button>
      <button
        type={onAction ? 'button' : 'submit'}
        className={`rounded border border-hmi-text bg-hmi-header font-semibold text-[#f4f4f5] ${size}`}
        onClick={onAction}
      >
        {label}
      </button>
    </div>
  );
}
