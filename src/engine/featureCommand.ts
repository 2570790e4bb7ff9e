import type { FeatureCommand, FeatureDeltas, FeaturePrefix, ToEngine } from './protocol';

/**
 * Every feature prefix, checked both ways by the compiler: a prefix listed here must be a
 * FeatureDeltas key, and a FeatureCommand whose prefix is missing here fails to compile below.
 */
const PREFIXES = ['noop', 'series', 'alarms', 'commands', 'sparkplug', 'rows'] as const satisfies readonly (keyof FeatureDeltas)[];

type Missing = Exclude<FeaturePrefix, (typeof PREFIXES)[number]>;
// Fails to compile (with the missing prefix in the message) when a feature's commands are not routed.
const allRouted: [Missing] extends [never] ? true : { missingPrefix: Missing } = true;
void allRouted;

const prefixes: ReadonlySet<string> = new Set(PREFIXES);

/** The feature a command is for, e.g. `series` for `series/watch`; undefined for engine commands. */
export function featureOf(msg: ToEngine): FeaturePrefix | undefined {
  const slash = msg.type.indexOf('/');
  if (slash < 0) return undefined;
  const prefix = msg.type.slice(0, slash);
  return prefixes.has(prefix) ? (prefix as FeaturePrefix) : undefined;
}

/** True for commands meant for a feature (routed by their prefix, not handled by the engine). */
export function isFeatureCommand(msg: ToEngine): msg is FeatureCommand {
  return featureOf(msg) !== undefined;
}
