import type { SiteConfig } from '../../src/config';
import { msg } from '../i18n/i18n';

type Named = { readonly id: string; readonly name?: string };

/** What an imported configuration changes in one section (names as the user knows them). */
export interface SectionChanges {
  readonly section: string;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
}

const SECTIONS = [
  [msg('Connections'), 'connections'],
  [msg('Dashboards'), 'dashboards'],
  [msg('Alarms'), 'alarms'],
] as const;

const label = (x: Named) => x.name || x.id;
/** Passwords are never shown, and a password the import does not carry is not a change. */
const comparable = (x: Named) => JSON.stringify({ ...x, password: undefined });

function diff(section: string, before: readonly Named[], after: readonly Named[]): SectionChanges {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  return {
    section,
    added: after.filter((x) => !old.has(x.id)).map(label),
    changed: after.filter((x) => old.has(x.id) && comparable(old.get(x.id)!) !== comparable(x)).map(label),
    removed: before.filter((x) => !now.has(x.id)).map(label),
  };
}

/**
 * Connections, dashboards and alarms the import adds, changes or removes, then any other
 * top-level setting (alarm settings, command templates…) it changes. Sections without a change
 * are left out (issue 16 #11: an import says what it will do before it does it).
 */
export function configChanges(current: SiteConfig, next: SiteConfig): SectionChanges[] {
  const out: SectionChanges[] = [];
  for (const [section, key] of SECTIONS) {
    const d = diff(section, (current[key] ?? []) as readonly Named[], (next[key] ?? []) as readonly Named[]);
    if (d.added.length + d.changed.length + d.removed.length) out.push(d);
  }
  const known = new Set<string>(['version', ...SECTIONS.map(([, k]) => k)]);
  const cur = current as Record<string, unknown>;
  const nxt = next as Record<string, unknown>;
  const others = [...new Set([...Object.keys(cur), ...Object.keys(nxt)])].filter((k) => !known.has(k)).sort();
  const d = { section: msg('Other settings'), added: [] as string[], changed: [] as string[], removed: [] as string[] };
  for (const k of others) {
    if (!(k in cur) || cur[k] === undefined) d.added.push(k);
    else if (!(k in nxt) || nxt[k] === undefined) d.removed.push(k);
    else if (JSON.stringify(cur[k]) !== JSON.stringify(nxt[k])) d.changed.push(k);
  }
  if (d.added.length + d.changed.length + d.removed.length) out.push(d);
  return out;
}
