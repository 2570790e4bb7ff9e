import type { TrieLimits } from './types';

export const DEFAULT_LIMITS: TrieLimits = {
  historyPerTopic: 20,
  historyBytes: 64 * 1024 * 1024,
  maxStoredPayload: 256 * 1024,
  maxTopics: 2_000_000,
};
