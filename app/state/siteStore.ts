import { create } from 'zustand';
import type { ConnectionConfig, SiteConfig } from '../../src/config';

/**
 * The site configuration document being edited: connections, alarms, dashboards and any fields
 * this version does not know (kept for export). Features update their own section.
 */
export interface SiteState {
  config: SiteConfig;
  /** Passwords typed this session, by connection id; persisted only with "Remember password". */
  passwords: Record<string, string>;
  selectedConnectionId: string | null;
  /** A problem with config.json or an import, shown until dismissed. */
  configError: string | null;
  loaded: boolean;
}

export const emptyConfig = (): SiteConfig => ({ version: 1, connections: [], alarms: [], dashboards: [] });

export const useSiteStore = create<SiteState>(() => ({
  config: emptyConfig(),
  passwords: {},
  selectedConnectionId: null,
  configError: null,
  loaded: false,
}));

export function upsertConnection(conn: ConnectionConfig): void {
  useSiteStore.setState((s) => {
    const exists = s.config.connections.some((c) => c.id === conn.id);
    const connections = exists ? s.config.connections.map((c) => (c.id === conn.id ? conn : c)) : [...s.config.connections, conn];
    return { config: { ...s.config, connections }, selectedConnectionId: conn.id };
  });
}

export function removeConnection(id: string): void {
  useSiteStore.setState((s) => {
    const connections = s.config.connections.filter((c) => c.id !== id);
    return { config: { ...s.config, connections }, selectedConnectionId: connections[0]?.id ?? null };
  });
}

export function updateSection<K extends keyof SiteConfig>(key: K, value: SiteConfig[K]): void {
  useSiteStore.setState((s) => ({ config: { ...s.config, [key]: value } }));
}
