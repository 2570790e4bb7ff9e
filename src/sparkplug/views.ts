import { dataTypeName } from './datatypes';
import type { EntityRecord, MetricRecord, NodeRecord } from './EntityRecord';
import type { SparkplugEntity, SparkplugMetricView, SparkplugTarget } from './types';
import { valueText } from './valueText';

export function entityView(connectionId: string, e: EntityRecord, node: NodeRecord): SparkplugEntity {
  const view: SparkplugEntity = {
    connectionId,
    group: e.group,
    node: e.node,
    state: e.state,
    birthAt: e.birthAt,
    deathAt: e.deathAt,
    metricCount: e.metrics.size,
  };
  return {
    ...view,
    ...(e.device !== undefined ? { device: e.device } : { bdSeq: node.bdSeq }),
    ...(e.reason ? { reason: e.reason } : {}),
  };
}

export function metricView(m: MetricRecord, stale: boolean, write: SparkplugMetricView['write']): SparkplugMetricView {
  return {
    name: m.name,
    alias: m.alias,
    datatype: dataTypeName(m.datatype),
    value: valueText(m.datatype, m.value),
    isNull: m.value === null,
    timestamp: m.timestamp,
    units: m.units,
    quality: m.quality,
    historical: m.historical || undefined,
    transient: m.transient || undefined,
    stale,
    write,
  };
}

/** Sorted by group, node, device (the node before its devices), then connection. */
export function compareEntities(a: SparkplugEntity, b: SparkplugEntity): number {
  return cmp(a.group, b.group) || cmp(a.node, b.node) || cmp(a.device ?? '', b.device ?? '') || (a.device === undefined ? -1 : 0) - (b.device === undefined ? -1 : 0) || cmp(a.connectionId, b.connectionId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `connection|group/node[/device]`: one entity across maps. */
export function targetKey(t: SparkplugTarget): string {
  return t.device === undefined ? `${t.connectionId}|${t.group}/${t.node}` : `${t.connectionId}|${t.group}/${t.node}/${t.device}`;
}
