import { create } from 'zustand';
import { AuditLog, IdbAuditBackend, MemoryAuditBackend, type AuditPatch, type AuditRecord } from '../../src/commands';

/**
 * The command audit as the UI uses it: IndexedDB store `audit` (bounded in AuditLog), falling back
 * to memory when IndexedDB is unavailable (private windows in some browsers), so sending never
 * depends on storage. `version` bumps on every change so the audit view refreshes.
 */
export const SESSION = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

let log = new AuditLog(new IdbAuditBackend());
let fellBack = false;

interface AuditState {
  version: number;
  /** Set when the audit could not be written to IndexedDB. */
  storageProblem: string | null;
}

export const useAuditStore = create<AuditState>(() => ({ version: 0, storageProblem: null }));

const bump = () => useAuditStore.setState((s) => ({ version: s.version + 1 }));

async function withFallback<T>(op: (l: AuditLog) => Promise<T>): Promise<T> {
  try {
    return await op(log);
  } catch (e) {
    if (fellBack) throw e;
    fellBack = true;
    log = new AuditLog(new MemoryAuditBackend());
    useAuditStore.setState({ storageProblem: `The audit is kept in memory only (IndexedDB failed: ${(e as Error).message})` });
    return op(log);
  }
}

/** Appends a record; resolves with its id (undefined if even memory failed). Writes are serialized. */
let chain: Promise<unknown> = Promise.resolve();
export function appendAudit(record: Omit<AuditRecord, 'session' | 'id'>): Promise<number | undefined> {
  const p = chain.then(() => withFallback((l) => l.append({ ...record, session: SESSION }))).catch(() => undefined);
  chain = p;
  void p.then(bump);
  return p;
}

export function updateAudit(id: number, patch: AuditPatch): Promise<void> {
  const p = chain.then(() => withFallback((l) => l.update(id, patch))).catch(() => undefined);
  chain = p;
  void p.then(bump);
  return p;
}

export const readAuditLatest = (limit: number) => withFallback((l) => l.latest(limit));
export const readAuditAll = () => withFallback((l) => l.all());
export const readAuditCount = () => withFallback((l) => l.count());
export const readAuditDropped = () => withFallback((l) => l.dropped());
