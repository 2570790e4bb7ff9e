import type { SiteConfig } from '../../src/config';

type WithId = { id: string };

function mergeById<T extends WithId>(stored: readonly T[], site: readonly T[]): T[] {
  const siteIds = new Set(site.map((x) => x.id));
  return [...site, ...stored.filter((x) => !siteIds.has(x.id))];
}

/** The site's config.json is authoritative for the ids it names; what the user added locally stays. */
export function mergeConfigs(stored: SiteConfig, site: SiteConfig): SiteConfig {
  return {
    ...stored,
    ...site,
    connections: mergeById(stored.connections, site.connections),
    alarms: mergeById(stored.alarms, site.alarms),
    dashboards: mergeById(stored.dashboards, site.dashboards),
    ...(stored.commands || site.commands ? { commands: mergeById(stored.commands ?? [], site.commands ?? []) } : {}),
  };
}

/** A copy without passwords (for storage and for export unless the user asks for secrets). */
export function withoutSecrets(config: SiteConfig): SiteConfig {
  return { ...config, connections: config.connections.map(({ password: _password, ...c }) => c) };
}
