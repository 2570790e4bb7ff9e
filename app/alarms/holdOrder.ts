/**
 * `rows` in the order of `heldKeys` where they were already shown; rows that were not are
 * appended in their own order. Used to keep the alarm table still under the operator's pointer:
 * a chattering alarm re-sorting the rows makes "Acknowledge" hit the wrong row (issue 16 #13).
 */
export function holdOrder<T>(rows: readonly T[], heldKeys: readonly string[], keyOf: (row: T) => string): T[] {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  const out: T[] = [];
  for (const k of heldKeys) {
    const row = byKey.get(k);
    if (row) {
      out.push(row);
      byKey.delete(k);
    }
  }
  for (const row of byKey.values()) out.push(row);
  return out;
}
