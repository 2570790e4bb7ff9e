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
    connections: mergeById(stored.connections, site.connections).map((c) => keepLocalChoices(c, stored.connections)),
    alarms: mergeById(stored.alarms, site.alarms),
    dashboards: mergeById(stored.dashboards, site.dashboards),
    ...(stored.commands || site.commands ? { commands: mergeById(stored.commands ?? [], site.commands ?? []) } : {}),
  };
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
