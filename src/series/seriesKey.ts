/**
 * A series' stable id: connection, topic and path joined by U+001F (unit separator), which
 * MQTT topics and contract paths do not contain in practice. The UI computes the same key.
 */
const SEP = '\u001f';

export function seriesKey(connection: string, topic: string, path: string): string {
  return `${connection}${SEP}${topic}${SEP}${path}`;
}

export function parseSeriesKey(key: string): { connection: string; topic: string; path: string } {
  const a = key.indexOf(SEP);
  const b = key.lastIndexOf(SEP);
  return { connection: key.slice(0, a), topic: key.slice(a + 1, b), path: key.slice(b + 1) };
}
