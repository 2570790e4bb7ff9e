import { AuditLog, DEFAULT_AUDIT_LIMITS, MemoryAuditBackend, type AuditBackend, type AuditLimits } from './AuditLog';
import type { AuditPatch, AuditRecord } from './types';

/**
 * The worker's audit: every operation runs in order (an outcome never overtakes its record), and
 * when the primary backend (IndexedDB) fails the audit moves to memory once and says so, so
 * sending never depends on storage (private windows in some browsers have no IndexedDB).
 */
export class AuditWriter {
  /** null until the first operation when there is no primary backend. */
  private log: AuditLog | null;
  private fellBack = false;
  private chain: Promise<unknown> = Promise.resolve();

  /**
   * @param primary null when IndexedDB does not exist: the first operation falls back.
   * @param onProblem called once, with the reason, when the audit falls back to memory.
   */
  constructor(
    primary: AuditBackend | null,
    private readonly onProblem: (problem: string) => void,
    private readonly limits: AuditLimits = DEFAULT_AUDIT_LIMITS,
  ) {
    this.log = primary ? new AuditLog(primary, limits) : null;
  }

  /** Resolves with the record's id, or undefined when even memory failed. */
  append(record: AuditRecord): Promise<number | undefined> {
    return this.run((l) => l.append(record)).catch(() => undefined);
  }

  /** Applies `patch` once the record `id` (still being written) exists. */
  update(id: Promise<number | undefined>, patch: AuditPatch): Promise<void> {
    return this.run(async (l) => {
      const known = await id;
      if (known !== undefined) await l.update(known, patch);
    }).catch(() => undefined);
  }

  read<T>(op: (log: AuditLog) => Promise<T>): Promise<T> {
    return this.run(op);
  }

  private run<T>(op: (log: AuditLog) => Promise<T>): Promise<T> {
    const p = this.chain.then(() => this.withFallback(op));
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async withFallback<T>(op: (log: AuditLog) => Promise<T>): Promise<T> {
    // Said on first use, not at start-up: a session that sends nothing has no problem to show.
    this.log ??= this.memory('IndexedDB is not available');
    try {
      return await op(this.log);
    } catch (e) {
      if (this.fellBack) throw e;
      this.log = this.memory(`IndexedDB failed: ${(e as Error).message}`);
      return op(this.log);
    }
  }

  private memory(why: string): AuditLog {
    this.fellBack = true;
    this.onProblem(`The audit is kept in memory only (${why})`);
    return new AuditLog(new MemoryAuditBackend(), this.limits);
  }
}
