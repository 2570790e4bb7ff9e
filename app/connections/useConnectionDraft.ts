import { useEffect, useState } from 'react';
import type { ConnectionConfig } from '../../src/config';
import { useSelectedConnection, useSite } from '../hooks/useSite';
import { formatSubscriptions } from '../lib/subscriptionsText';
import { blankConnection } from './connectionDraft';

/**
 * The connection form's working copy: follows the selected connection, its session password and
 * its subscriptions text (a preset may change the subscriptions: Azure allows only the device's own topics).
 */
export function useConnectionDraft() {
  const selected = useSelectedConnection();
  const passwords = useSite((s) => s.passwords);
  const [draft, setDraft] = useState<ConnectionConfig>(() => selected ?? blankConnection());
  const [subsText, setSubsText] = useState(() => formatSubscriptions(draft.subscriptions));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Switching connection loads its settings into the form.
  useEffect(() => {
    if (selected && selected.id !== draft.id) {
      setDraft(selected);
      setSubsText(formatSubscriptions(selected.subscriptions));
      setError(null);
    }
  }, [selected, draft.id]);
  useEffect(() => setPassword(passwords[draft.id] ?? ''), [draft.id, passwords]);
  useEffect(() => setSubsText(formatSubscriptions(draft.subscriptions)), [draft.subscriptions]);

  const startNew = () => {
    const b = blankConnection();
    setDraft(b);
    setSubsText(formatSubscriptions(b.subscriptions));
    setError(null);
  };

  return { draft, setDraft, subsText, setSubsText, password, setPassword, error, setError, startNew };
}
