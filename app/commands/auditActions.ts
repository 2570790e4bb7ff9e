import type { AuditAnswer, AuditQuery } from '../../src/commands';
import { engine } from '../engine/engineClient';
import { awaitAuditAnswer } from './auditStore';

/** Reads the command audit from the worker; rejects when the worker could not read it. */
export async function queryAudit(query: AuditQuery): Promise<AuditAnswer> {
  const reqId = engine.newRequestId();
  const answer = awaitAuditAnswer(reqId);
  engine.send({ type: 'commands/auditQuery', reqId, query });
  const a = await answer;
  if (a.error) throw new Error(a.error);
  return a;
}
