import { useSiteStore, type SiteState } from '../state/siteStore';

export function useSite<T>(selector: (s: SiteState) => T): T {
  return useSiteStore(selector);
}

export const useSelectedConnection = () =>
  useSiteStore((s) => s.config.connections.find((c) => c.id === s.selectedConnectionId) ?? null);
