import { beforeEach, expect, it, vi } from 'vitest';
import type { AuditAnswer } from '../../src/commands';
import type { ToEngine } from '../../src/engine/protocol';

const sent: ToEngine[] = [];
vi.mock('../engine/engineClient', () => {
  let next = 1;
  return { engine: { newRequestId: () => next++, send: (m: ToEngine) => sent.push(m) } };
});

const { applyCommandsDelta, useAuditStore } = await import('./auditStore');
const { queryAudit } = await import('./auditActions');

const answer = (reqId: number, over: Partial<AuditAnswer> = {}): AuditAnswer => ({ reqId, records: [], total: 0, dropped: 0, session: 'S', ...over });

beforeEach(() => {
  sent.length = 0;
  useAuditStore.setState({ version: 0, storageProblem: null });
});

it('sends the query and resolves with the answer of the same reqId only', async () => {
  const first = queryAudit({ limit: 200 });
  const second = queryAudit({ order: 'oldest' });
  expect(sent).toEqual([
    { type: 'commands/auditQuery', reqId: 1, query: { limit: 200 } },
    { type: 'commands/auditQuery', reqId: 2, query: { order: 'oldest' } },
  ]);
  applyCommandsDelta({ audit: [answer(2, { total: 7 }), answer(99)] });
  await expect(second).resolves.toMatchObject({ reqId: 2, total: 7 });
  applyCommandsDelta({ audit: [answer(1, { total: 3, dropped: 1 })] });
  await expect(first).resolves.toMatchObject({ reqId: 1, total: 3, dropped: 1 });
});

it('rejects when the worker could not read the audit', async () => {
  const q = queryAudit({});
  const { reqId } = sent[0] as { reqId: number };
  applyCommandsDelta({ audit: [answer(reqId, { error: 'read failed' })] });
  await expect(q).rejects.toThrow('read failed');
});

it('follows the change counter and keeps the storage problem', () => {
  applyCommandsDelta({ auditVersion: 3 });
  expect(useAuditStore.getState()).toEqual({ version: 3, storageProblem: null });
  applyCommandsDelta({ storageProblem: 'The audit is kept in memory only (IndexedDB is not available)' });
  applyCommandsDelta({ auditVersion: 4 });
  expect(useAuditStore.getState()).toEqual({ version: 4, storageProblem: 'The audit is kept in memory only (IndexedDB is not available)' });
  applyCommandsDelta({ audit: [] });
  expect(useAuditStore.getState().version).toBe(4);
});
