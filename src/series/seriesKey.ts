/**
 * A series' stable id: connection, topic and path joined by U+001F (unit separator), which
 * MQTT topics and contract paths do not contain in practice. The UI computes the same key.
 */
const SEP = '\u001f';

export function seriesKey(connection: string, topic: string, path: string): string {
  return `${connection}${SEP}${topic}${SEP}${path}`;
}
