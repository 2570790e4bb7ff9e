/**
 * The engine's public face for the capabilities it hosts: the injected clock, the feature
 * interface, and the worker⇄UI message types. It never re-exports Engine.ts, features.ts or
 * worker.ts: those import every feature, so a feature importing them would close a cycle.
 * The UI imports messages from './protocol' (its own public face) and never this file's values.
 */
export { ManualClock } from './clock';
export type { Clock, TimerId } from './clock';
export type { EngineFeature, EngineHost, FeatureFactory, MessageContext, QualityChange } from './EngineFeature';
export type * from './protocol';
export { assertNever } from './assertNever';
