import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';

export interface ConfirmRequest {
  /** The dialog's accessible name, e.g. "Confirm command". */
  readonly title: string;
  /** The question, e.g. "Stop line 1?". */
  readonly message: string;
  /** What exactly will happen (target, value), shown before the operator agrees (ISA-101 select → confirm → execute). */
  readonly details?: readonly (readonly [string, string])[];
  readonly confirmLabel: string;
}

/**
 * A modal confirmation (native <dialog>, so focus is trapped and Escape cancels). Focus starts on
 * Cancel: an operator who presses Enter by habit does not send a command by accident.
 */
export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [pending, setPending] = useState<{ request: ConfirmRequest; resolve: (ok: boolean) => void } | null>(null);
  const ask = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false);
          return { request, resolve };
        });
      }),
    [],
  );
  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const node = pending ? <ConfirmDialog request={pending.request} onClose={close} /> : null;
  return [node, ask];
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (ok: boolean) => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      label={request.title}
      onClose={() => onClose(false)}
      initialFocus={cancelRef}
      className="m-auto w-[min(32rem,92vw)] rounded border border-hmi-text bg-hmi-raised p-0 text-hmi-text backdrop:bg-black/40"
    >
      <div className="grid gap-3 p-4">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">{request.title}</h2>
        <p className="text-lg font-semibold">{request.message}</p>
        {request.details?.length ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
            {request.details.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-hmi-muted">{k}</dt>
                <dd className="break-all font-mono">{v}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <DialogActions label={request.confirmLabel} onCancel={() => onClose(false)} onAction={() => onClose(true)} command cancelRef={cancelRef} />
      </div>
    </Dialog>
  );
}
