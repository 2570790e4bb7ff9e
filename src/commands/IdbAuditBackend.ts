import { getDb, readKv, writeKv } from '../storage';
import type { AuditBackend } from './AuditLog';
import type { AuditPatch, AuditRecord } from './types';

const DROPPED_KEY = 'auditDropped';

/** The audit in IndexedDB store `audit` (auto-increment ids, so id order is time order). */
export class IdbAuditBackend implements AuditBackend {
  private db() {
    return getDb();
  }

  async add(record: AuditRecord): Promise<number> {
    const { id: _id, ...rest } = record;
    return (await this.db()).add('audit', rest as AuditRecord & Record<string, unknown>);
  }

  async update(id: number, patch: AuditPatch): Promise<void> {
    const tx = (await this.db()).transaction('audit', 'readwrite');
    const current = await tx.store.get(id);
    if (current) await tx.store.put({ ...current, ...patch });
    await tx.done;
  }

  async count(): Promise<number> {
    return (await this.db()).count('audit');
  }

  async deleteOldest(n: number): Promise<number> {
    if (n <= 0) return 0;
    const tx = (await this.db()).transaction('audit', 'readwrite');
    let gone = 0;
    let cursor = await tx.store.openCursor();
    while (cursor && gone < n) {
      await cursor.delete();
      gone++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return gone;
  }

  async latest(limit: number): Promise<AuditRecord[]> {
    const tx = (await this.db()).transaction('audit');
    const out: AuditRecord[] = [];
    let cursor = await tx.store.openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value as unknown as AuditRecord);
      cursor = await cursor.continue();
    }
    await tx.done;
    return out;
  }

  async all(): Promise<AuditRecord[]> {
    return (await (await this.db()).getAll('audit')) as unknown as AuditRecord[];
  }

  async readDropped(): Promise<number> {
    return (await readKv<number>(DROPPED_KEY)) ?? 0;
  }

  async writeDropped(n: number): Promise<void> {
    await writeKv(DROPPED_KEY, n);
  }

  async clear(): Promise<void> {
    await (await this.db()).clear('audit');
  }
}
