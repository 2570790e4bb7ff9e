import { describe, expect, it, vi } from 'vitest';
import type { ToEngine } from '../../src/engine/protocol';
import { applySeriesDelta } from '../state/seriesStore';
import { emptyConfig, useSiteStore } from '../state/siteStore';
import { requestExport, startSeriesSync } from './seriesActions';

const sent = vi.hoisted(() => [] as ToEngine[]);
vi.mock('../engine/engineClient', () => ({ engine: { send: (msg: ToEngine) => sent.push(msg) } }));

const dashboard = (topic: string) => ({
  id: 'd', name: 'D', widgets: [{ id: 'w', type: 'line', title: 'T', series: [{ connection: 'plant', topic, path: 'v' }] }],
});

describe('series actions', () => {
  it('tracks the dashboards\' series once the site config is loaded, and again only when they change', () => {
    startSeriesSync();
    expect(sent).toEqual([]);
    useSiteStore.setState({ loaded: true, config: { ...emptyConfig(), dashboards: [dashboard('a/temp')] } as never });
    useSiteStore.setState({ selectedConnectionId: 'other' });
    useSiteStore.setState({ config: { ...emptyConfig(), dashboards: [dashboard('b/temp')] } as never });
    const tracks = sent.filter((m) => m.type === 'series/track');
    expect(tracks).toHaveLength(2);
    expect(JSON.stringify(tracks[1])).toContain('b/temp');
  });

  it('requestExport resolves with the answer that carries its reqId', async () => {
    sent.length = 0;
    const answer = requestExport(['k'], null);
    const ask = sent.find((m) => m.type === 'series/export') as Extract<ToEngine, { type: 'series/export' }>;
    applySeriesDelta({ exports: [{ reqId: ask.reqId, series: [] }] });
    await expect(answer).resolves.toEqual({ reqId: ask.reqId, series: [] });
  });
});
