import type { QoS, Subscription } from '../../src/mqtt';
import { isValidFilter } from '../../src/topics';
import { t } from '../i18n/i18n';

/** "topic [qos]" per line ⇄ subscriptions. */
export function formatSubscriptions(subs: readonly Subscription[]): string {
  return subs.map((s) => `${s.topic} ${s.qos}`).join('\n');
}

export function parseSubscriptions(text: string): { ok: true; value: Subscription[] } | { ok: false; error: string } {
  const value: Subscription[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^(\S+)(?:\s+([012]))?$/.exec(line);
    if (!m || !isValidFilter(m[1])) return { ok: false, error: t('line {line}: expected a topic filter and an optional QoS 0, 1 or 2', { line: i + 1 }) };
    value.push({ topic: m[1], qos: Number(m[2] ?? 0) as QoS });
  }
  if (!value.length) return { ok: false, error: t('add at least one subscription, e.g. # 0') };
  return { ok: true, value };
}
