import { lazy, Suspense, useState } from 'react';
import { CommandStatus } from '../commands/CommandStatus';
import { Modal, useConfirm } from './dialog';
import { ManualPublishForm } from '../commands/ManualPublishForm';
import { smallButton } from '../commands/styles';
import { TemplateRunner } from '../commands/TemplateRunner';
import { useConnectionStatus } from '../hooks/useEngine';
import { useSelectedConnection } from '../hooks/useSite';

const SLOT = 'publish';
// The editor and the audit open in dialogs: loaded when first opened (start-up JavaScript, issue 17).
const TemplateEditor = lazy(() => import('../commands/TemplateEditor').then((m) => ({ default: m.TemplateEditor })));
const AuditView = lazy(() => import('../commands/AuditView').then((m) => ({ default: m.AuditView })));
const loading = <p className="p-2 text-hmi-muted">Loading…</p>;

/**
 * Region "Publish" (ui-contract.md): command templates, a free-form message, one status for both,
 * and the way to the template editor and the command audit.
 */
export function PublishPanel() {
  const connection = useSelectedConnection();
  const status = useConnectionStatus(connection?.id ?? null);
  const [confirmDialog, ask] = useConfirm();
  const [open, setOpen] = useState<'templates' | 'audit' | null>(null);
  const state = status?.state;
  const idle =
    !connection || !status || state === 'connected'
      ? ''
      : state === 'connecting' || state === 'reconnecting'
        ? 'Not connected: QoS 1 and 2 messages will be queued; QoS 0 asks first'
        : 'Not connected: connect first to publish';

  return (
    <section role="region" aria-label="Publish" className="rounded border border-hmi-border bg-hmi-panel">
      <div className="flex flex-wrap items-center gap-2 border-b border-hmi-border px-3 py-1.5">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-hmi-muted">Publish{connection ? ` to ${connection.name || connection.id}` : ''}</h2>
        <div className="ml-auto flex gap-1">
          <button type="button" className={smallButton} onClick={() => setOpen('templates')}>
            Edit command templates
          </button>
          <button type="button" className={smallButton} onClick={() => setOpen('audit')}>
            Command audit
          </button>
        </div>
      </div>
      <div className="grid gap-3 p-3">
        <TemplateRunner slot={SLOT} connectionId={connection?.id ?? null} ask={ask} />
        <hr className="border-hmi-border" />
        <ManualPublishForm slot={SLOT} connection={connection} ask={ask} />
        <CommandStatus slot={SLOT} label="Publish status" idle={idle} />
      </div>
      {confirmDialog}
      {open === 'templates' && (
        <Modal title="Command templates" onClose={() => setOpen(null)}>
          <Suspense fallback={loading}>
            <TemplateEditor />
          </Suspense>
        </Modal>
      )}
      {open === 'audit' && (
        <Modal title="Command audit" onClose={() => setOpen(null)}>
          <Suspense fallback={loading}>
            <AuditView />
          </Suspense>
        </Modal>
      )}
    </section>
  );
}
