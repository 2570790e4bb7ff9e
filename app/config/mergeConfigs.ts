import type { SiteConfig } from '../../src/config';

type WithId = { id: string };

/** Fingerprints of the config.json entries last applied, by `section:id`. */
export type AppliedFingerprints = Record<string, string>;

/**
 * An entry from config.json replaces the stored one with its id, unless config.json still holds
 * exactly what was applied last time: then the stored copy (possibly edited here) is kept. So a
 * site admin's change to config.json wins, and an operator's edit survives reloads until then.
 */
function mergeById<T extends WithId>(section: string, stored: readonly T[], site: readonly T[], applied: AppliedFingerprints, next: AppliedFingerprints): T[] {
  const storedById = new Map(stored.map((x) => [x.id, x]));
  const siteIds = new Set(site.map((x) => x.id));
  const fromSite = site.map((x) => {
    const key = `${section}:${x.id}`;
    const print = JSON.stringify(x);
    next[key] = print;
    const local = storedById.get(x.id);
    return local && applied[key] === print ? local : x;
  });
  return [...fromSite, ...stored.filter((x) => !siteIds.has(x.id))];
}

/** config.json merged over the stored configuration; returns the fingerprints to remember. */
export function mergeConfigs(stored: SiteConfig, site: SiteConfig, applied: AppliedFingerprints = {}): { config: SiteConfig; applied: AppliedFingerprints } {
  const next: AppliedFingerprints = {};
  const config: SiteConfig = {
    ...stored,
    ...site,
    connections: mergeById('connections', stored.connections, site.connections, applied, next).map((c) => keepLocalChoices(c, stored.connections)),
    alarms: mergeById('alarms', stored.alarms, site.alarms, applied, next),
    dashboards: mergeById('dashboards', stored.dashboards, site.dashboards, applied, next),
    ...(stored.commands || site.commands ? { commands: mergeById('commands', stored.commands ?? [], site.commands ?? [], applied, next) } : {}),
  };
  return { config, applied: next };
}

type Conn = SiteConfig['connections'][number];

/** Choices the user made on this device (remember password, its encryption) survive a site config reload. */
function keepLocalChoices(c: Conn, stored: readonly Conn[]): Conn {
  const local = stored.find((s) => s.id === c.id);
  if (!local || c === local || c.rememberPassword !== undefined) return c;
  return local.rememberPassword === undefined ? c : { ...c, rememberPassword: local.rememberPassword };
}

/** A copy without passwords (for storage and for export unless the user asks for secrets). */
export function withoutSecrets(config: SiteConfig): SiteConfig {
  return { ...config, connections: config.connections.map(({ password: _password, ...c }) => c) };
}
