import { t } from '../i18n/i18n';
import type { SectionChanges } from './configChanges';

/**
 * The import preview's lines in the UI language: the section (marked with msg() in
 * configChanges.ts) and "added: A, B; changed: C; removed: D".
 */
export function importDetails(changes: readonly SectionChanges[]): (readonly [string, string])[] {
  return changes.map((c) => {
    const parts: string[] = [];
    // Names are the operator's own (connections, dashboards, rules): shown as written.
    if (c.added.length) parts.push(t('added: {names}', { names: c.added.join(t(', ')) }));
    if (c.changed.length) parts.push(t('changed: {names}', { names: c.changed.join(t(', ')) }));
    if (c.removed.length) parts.push(t('removed: {names}', { names: c.removed.join(t(', ')) }));
    return [t(c.section), parts.join(t('; '))] as const;
  });
}
