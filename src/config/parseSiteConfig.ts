import * as v from 'valibot';
import { guardText, guardValue } from './guardDocument';
import { CONFIG_VERSION, SiteConfigSchema, type SiteConfig } from './siteConfigSchema';

export type ParseResult = { ok: true; config: SiteConfig } | { ok: false; error: string };

/** Most problems listed in one message; the rest are summarized. */
const MAX_LISTED = 3;

/**
 * Validates a config document (text or parsed). Errors name the field and the reason, e.g.
 * `connections[0].url: must be a ws:// or wss:// URL`, so a plant engineer can fix the file.
 */
export function parseSiteConfig(input: unknown): ParseResult {
  let doc = input;
  if (typeof input === 'string') {
    const tooMuch = guardText(input);
    if (tooMuch) return { ok: false, error: tooMuch };
    try {
      doc = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `not valid JSON (${(e as Error).message})` };
    }
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, error: 'must be a JSON object with "version": 1' };
  }
  const hostile = guardValue(doc);
  if (hostile) return { ok: false, error: hostile };
  const version = (doc as { version?: unknown }).version;
  if (typeof version === 'number' && version > CONFIG_VERSION) {
    return { ok: false, error: `version ${version} is newer than this Sightglass understands (version ${CONFIG_VERSION}); update Sightglass` };
  }
  if (version === undefined) return { ok: false, error: 'version: missing; expected "version": 1' };
  const result = v.safeParse(SiteConfigSchema, doc);
  if (!result.success) {
    const problems = result.issues.slice(0, MAX_LISTED).map((issue) => `${pathOf(issue)}: ${issue.message}`);
    const more = result.issues.length > MAX_LISTED ? ` (and ${result.issues.length - MAX_LISTED} more)` : '';
    return { ok: false, error: problems.join('; ') + more };
  }
  const duplicate = firstDuplicate(result.output.connections.map((c) => c.id));
  if (duplicate) return { ok: false, error: `connections: id "${duplicate}" is used twice` };
  return { ok: true, config: result.output };
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  const keys = v.getDotPath(issue);
  if (!keys) return '(document)';
  return keys.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}
