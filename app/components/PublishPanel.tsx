import { useState } from 'react';
import { AuditView } from '../commands/AuditView';
import { CommandStatus } from '../commands/CommandStatus';
import { Modal, useConfirm } from './dialog';
import { ManualPublishForm } from '../commands/ManualPublishForm';
import { smallButton } from '../commands/styles';
import { TemplateEditor } from '../commands/TemplateEditor';
import { TemplateRunner } from '../commands/TemplateRunner';
import { useConnectionStatus } from '../hooks/useEngine';
import { useSelectedConnection } from '../hooks/useSite';

const SLOT = 'publish';

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
          <TemplateEditor />
        </Modal>
      )}
      {open === 'audit' && (
        <Modal title="Command audit" onClose={() => setOpen(null)}>
          <AuditView />
        </Modal>
      )}
    </section>
  );
}
