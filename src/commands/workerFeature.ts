import type { FeatureFactory } from '../engine';
import { commandsFeature } from './CommandsFeature';
import { IdbAuditBackend } from './IdbAuditBackend';

/** The commands feature (audit) as the engine worker runs it, import()ed when first needed (src/engine/features.ts). */
export const workerFeature: FeatureFactory = commandsFeature({ backend: typeof indexedDB === 'undefined' ? null : new IdbAuditBackend() });
