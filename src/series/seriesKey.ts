/**
 * A series' stable id: connection, topic and path joined by U+001F (unit separator), which
 * MQTT topics and contract paths do not contain in practice. The UI computes the same key.
 * A derived series (transform, aggregate) adds its variant (`seriesVariant`), so a counter's
 * raw value and its rate on the same chart are two series; plain keys are unchanged, so history
 * saved by earlier versions still loads.
 */
const SEP = '\u001f';

export function seriesKey(connection: string, topic: string, path: string, variant = ''): string {
  const base = `${connection}${SEP}${topic}${SEP}${path}`;
  return variant ? `${base}${SEP}${variant}` : base;
}

/** `rate`, `increase 1h`, `sum`, `increase 1d sum`, `rate sum ×3600`…; '' for a plain series. */
export function seriesVariant(spec: { readonly transform?: string; readonly interval?: string; readonly aggregate?: string; readonly scale?: number }): string {
  const parts: string[] = [];
  if (spec.transform === 'increase') parts.push(`increase ${spec.interval || '1h'}`);
  else if (spec.transform) parts.push(spec.transform);
  if (spec.aggregate) parts.push(spec.aggregate);
  if (spec.scale !== undefined && spec.scale !== 1) parts.push(`×${spec.scale}`);
  return parts.join(' ');
}
