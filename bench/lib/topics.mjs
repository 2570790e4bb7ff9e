// Topic names and payloads shared by the publisher and the generated app config, so the series
// and alarm rules in the config point at topics that really receive traffic.

/**
 * Topic i of a run: three levels of up to 100 children, so 1 000 000 topics make a real tree
 * (100 × 100 × 100) rather than one level with a million children.
 * @param {string} prefix @param {number} i
 */
export function topicName(prefix, i) {
  return `${prefix}/a${Math.floor(i / 10_000)}/b${Math.floor(i / 100) % 100}/c${i % 100}`;
}

/**
 * A realistic ~65-byte JSON payload (value, publish time, OPC UA quality 192 = good).
 * @param {number} i @param {number} ts @param {number} seq
 */
export function payload(i, ts, seq) {
  const v = 20 + ((i * 7 + seq) % 100) / 10;
  return `{"v":${v.toFixed(2)},"ts":${ts},"q":192,"unit":"degC","seq":${seq}}`;
}

/**
 * Topic i as a 6-level name under `prefix` (2 levels): site / area / line / measurement, as a plant
 * names them (scenario 9: every message a new topic).
 * @param {string} prefix @param {number} i
 */
export function deepTopicName(prefix, i) {
  return `${prefix}/s${i % 8}/a${Math.floor(i / 8) % 16}/l${Math.floor(i / 128) % 32}/m${i}`;
}
