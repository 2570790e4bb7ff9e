import { create } from 'zustand';
import type { PayloadEncoding } from '../../src/commands';
import type { QoS } from '../../src/mqtt';
import { readKv, writeKv } from '../persistence';
import type { PropertiesDraft } from './propertiesDraft';

/** A message sent from the Publish region, kept to send again (issue 6 "recent sent messages"). */
export interface RecentMessage {
  readonly topic: string;
  readonly payload: string;
  readonly encoding: PayloadEncoding;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties?: PropertiesDraft;
  readonly at: number;
}

const KEY = 'recentPublishes';
export const MAX_RECENT = 20;

export const useRecentStore = create<{ items: readonly RecentMessage[]; loaded: boolean }>(() => ({ items: [], loaded: false }));

export async function loadRecent(): Promise<void> {
  if (useRecentStore.getState().loaded) return;
  const stored = await readKv<RecentMessage[]>(KEY);
  useRecentStore.setState((s) => ({ loaded: true, items: s.items.length ? s.items : Array.isArray(stored) ? stored.slice(0, MAX_RECENT) : [] }));
}

/** Newest first; the same topic + payload is kept once. */
export function addRecent(items: readonly RecentMessage[], m: RecentMessage): RecentMessage[] {
  return [m, ...items.filter((x) => !(x.topic === m.topic && x.payload === m.payload && x.encoding === m.encoding))].slice(0, MAX_RECENT);
}

export function rememberSent(m: RecentMessage): void {
  const items = addRecent(useRecentStore.getState().items, m);
  useRecentStore.setState({ items });
  void writeKv(KEY, items).catch(() => undefined);
}
