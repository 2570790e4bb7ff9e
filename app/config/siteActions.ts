import { isEncryptedSecret, parseAuthSpec } from '../../src/auth';
import { parseSiteConfig, type ConnectionConfig, type SiteConfig } from '../../src/config';
import type { ConnectionSettings } from '../../src/mqtt';
import { readKv, readSecret, writeKv } from '../persistence';
import { engine } from '../engine/engineClient';
import { emptyConfig, removeConnection, upsertConnection, useSiteStore } from '../state/siteStore';
import { configChanges, type SectionChanges } from './configChanges';
import { loadConfigFile } from './loadConfigFile';
import { t } from '../i18n/i18n';
import { mergeConfigs, withoutSecrets, type AppliedFingerprints } from './mergeConfigs';

const STORED_KEY = 'siteConfig';
const APPLIED_KEY = 'siteConfigApplied';

/** Start-up: stored configuration, then the site's config.json on top, then auto-connect. */
export async function bootSite(): Promise<void> {
  // config.json (preloaded by index.html) and IndexedDB in parallel: the first render waits for both.
  const [storedRaw, file, applied] = await Promise.all([readKv<unknown>(STORED_KEY), loadConfigFile(), readKv<AppliedFingerprints>(APPLIED_KEY)]);
  const stored = storedRaw ? parseSiteConfig(storedRaw) : null;
  let config = stored?.ok ? stored.config : emptyConfig();
  let configError: string | null = null;
  if (file.kind === 'ok') {
    const merged = mergeConfigs(config, file.config, applied ?? {});
    config = merged.config;
    void writeKv(APPLIED_KEY, merged.applied).catch(() => undefined);
  }
  if (file.kind === 'error') configError = file.message;
  const passwords: Record<string, string> = {};
  // Passphrase-encrypted secrets stay locked (and their connections wait) until the user unlocks them.
  const locked = new Set<string>();
  for (const c of config.connections) {
    const remembered = c.rememberPassword ? await readSecret(c.id) : undefined;
    if (c.password) passwords[c.id] = c.password;
    else if (isEncryptedSecret(remembered)) locked.add(c.id);
    else if (remembered) passwords[c.id] = remembered;
  }
  useSiteStore.setState({ config, passwords, configError, loaded: true, selectedConnectionId: config.connections[0]?.id ?? null });
  for (const c of config.connections) if (c.autoConnect && !locked.has(c.id)) connect(c.id);
  useSiteStore.subscribe((s, prev) => {
    if (s.config !== prev.config) schedulePersist(s.config);
  });
}

let persistTimer = 0;
function schedulePersist(config: SiteConfig): void {
  clearTimeout(persistTimer);
  persistTimer = window.setTimeout(() => void writeKv(STORED_KEY, withoutSecrets(config)), 300);
}

export function settingsFor(c: ConnectionConfig, password: string | undefined): ConnectionSettings {
  return {
    id: c.id,
    name: c.name || c.id,
    url: c.url,
    protocolVersion: c.protocolVersion,
    clientId: c.clientId,
    username: c.username,
    password,
    keepalive: c.keepalive,
    clean: c.clean,
    sessionExpiry: c.sessionExpiry,
    subscriptions: c.subscriptions,
    auth: parseAuthSpec(c.auth),
    sparkplug: c.sparkplug?.hostId ? { hostId: c.sparkplug.hostId } : undefined,
  };
}

export function connect(id: string): void {
  const { config, passwords } = useSiteStore.getState();
  const c = config.connections.find((x) => x.id === id);
  if (c) engine.send({ type: 'connect', settings: settingsFor(c, passwords[id]) });
}

export function disconnect(id: string): void {
  engine.send({ type: 'disconnect', connectionId: id });
}

/** Adds or replaces a connection in the site configuration and selects it. */
export function saveConnection(conn: ConnectionConfig): void {
  upsertConnection(conn);
}

/** Closes the connection in the worker (dropping its topics) and removes it from the configuration. */
export function deleteConnection(id: string): void {
  engine.send({ type: 'remove', connectionId: id });
  removeConnection(id);
}

export const selectConnection = (id: string | null) => useSiteStore.setState({ selectedConnectionId: id });
export const dismissConfigError = () => useSiteStore.setState({ configError: null });

export function exportConfig(includeSecrets: boolean): string {
  const { config, passwords } = useSiteStore.getState();
  const out = includeSecrets
    ? { ...config, connections: config.connections.map((c) => (passwords[c.id] ? { ...c, password: passwords[c.id] } : c)) }
    : withoutSecrets(config);
  return JSON.stringify(out, null, 2);
}

/**
 * Reads an imported document and says what it would change, without changing anything; `apply`
 * does it. An invalid document is reported (configError) and gives null.
 */
export function previewImport(text: string, fileName: string): { changes: SectionChanges[]; apply: () => void } | null {
  const result = parseSiteConfig(text);
  if (!result.ok) {
    // An import runs long after start-up, so the UI language is loaded: the sentence is said in it (the schema's reason stays as written).
    useSiteStore.setState({ configError: t('{file}: {error}. Nothing was changed.', { file: fileName, error: result.error }) });
    return null;
  }
  return { changes: configChanges(useSiteStore.getState().config, result.config), apply: () => applyImported(result.config) };
}

/** Replaces the configuration with an imported document. */
function applyImported(next: SiteConfig): void {
  const { config } = useSiteStore.getState();
  for (const c of config.connections) {
    if (!next.connections.some((n) => n.id === c.id)) engine.send({ type: 'remove', connectionId: c.id });
  }
  const passwords = Object.fromEntries(next.connections.filter((c) => c.password).map((c) => [c.id, c.password!]));
  useSiteStore.setState((s) => ({
    config: next,
    passwords: { ...s.passwords, ...passwords },
    configError: null,
    selectedConnectionId: next.connections[0]?.id ?? null,
  }));
  for (const c of next.connections) if (c.autoConnect) connect(c.id);
}
