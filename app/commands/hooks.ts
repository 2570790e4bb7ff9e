import type { CommandTemplateConfig } from '../../src/config';
import { useSiteStore } from '../state/siteStore';
import { useAuditStore } from './auditStore';
import { useCommandStore, type CommandRun } from './commandStore';
import { useRecentStore, type RecentMessage } from './recentMessages';

const NO_TEMPLATES: readonly CommandTemplateConfig[] = [];

/** The latest command sent from a slot ("publish", a widget id). */
export const useCommandRun = (slot: string): CommandRun | undefined => useCommandStore((s) => s.runs[slot]);

/** The site's command templates (config section `commands`). */
export const useTemplates = (): readonly CommandTemplateConfig[] => useSiteStore((s) => s.config.commands ?? NO_TEMPLATES);

export const useTemplate = (id: string | undefined): CommandTemplateConfig | undefined =>
  useSiteStore((s) => (id ? s.config.commands?.find((t) => t.id === id) : undefined));

export const useAuditVersion = () => useAuditStore((s) => s.version);
export const useAuditStorageProblem = () => useAuditStore((s) => s.storageProblem);

/** Messages sent from the Publish region, newest first, to send again. */
export const useRecentMessages = (): readonly RecentMessage[] => useRecentStore((s) => s.items);
