import { create } from 'zustand';
import type { AuditAnswer, CommandsDelta } from '../../src/commands';

/**
 * The command audit as the UI sees it: a thin client of the worker's audit (src/commands/
 * CommandsFeature). `version` follows the worker's change counter so the audit view reads again;
 * answers to `commands/auditQuery` arrive in the feature's delta part and resolve by reqId.
 */
interface AuditState {
  version: number;
  /** Set when the worker keeps the audit in memory (IndexedDB failed or missing). */
  storageProblem: string | null;
}

export const useAuditStore = create<AuditState>(() => ({ version: 0, storageProblem: null }));

const waiting = new Map<number, (answer: AuditAnswer) => void>();

/** Resolves with the answer to query `reqId` once it arrives. */
export function awaitAuditAnswer(reqId: number): Promise<AuditAnswer> {
  return new Promise((resolve) => waiting.set(reqId, resolve));
}

/** The commands feature's part of a delta (routed from app/state/featureDeltas.ts). */
export function applyCommandsDelta(part: CommandsDelta): void {
  for (const answer of part.audit ?? []) {
    waiting.get(answer.reqId)?.(answer);
    waiting.delete(answer.reqId);
  }
  if (part.auditVersion !== undefined || part.storageProblem !== undefined) {
    useAuditStore.setState((s) => ({
      version: part.auditVersion ?? s.version,
      storageProblem: part.storageProblem ?? s.storageProblem,
    }));
  }
}
