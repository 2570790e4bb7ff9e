// The config.json the bench serves to the app (format: ui-contract.md "Site configuration"):
// one auto-connecting connection subscribed to '#', a dashboard of 10 line charts × 5 series
// (50 plotted fields) and 1 000 alarm rules: 250 tags × 4 limits (HH, H, L, LL), the way a rule
// set looks after ISA-18.2 rationalization, on topics the publisher really sends to.
import { topicName } from './topics.mjs';

export const CONNECTION_ID = 'bench';
export const DASHBOARD_ID = 'bench';
const PATHS = ['v', 'q', 'seq'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];

/**
 * `count` series/rules spread evenly over `topics` topics; when there are fewer topics than
 * series, other numeric fields of the same topics are used so the series stay distinct.
 * @param {number} count @param {number} topics @param {string} prefix
 */
function spread(count, topics, prefix) {
  const step = Math.max(1, Math.floor(topics / count));
  return Array.from({ length: count }, (_, j) => {
    const i = (j * step) % topics;
    return { topic: topicName(prefix, i), path: PATHS[Math.floor((j * step) / topics) % PATHS.length] };
  });
}

const LIMITS = /** @type {const} */ ([['HH', 'above', 1e12], ['H', 'above', 1e11], ['L', 'below', -1e11], ['LL', 'below', -1e12]]);

/**
 * `count` rules, 4 per tag, on tags spread over the published topics (with fewer topics than
 * tags, the first topics carry traffic and the rest wait). Values run 20–30, so every rule is
 * evaluated on each message of its topic but stays normal: an alarm storm is another benchmark.
 * @param {number} count @param {number} topics @param {string} prefix
 */
function alarmRules(count, topics, prefix) {
  const tags = Math.ceil(count / LIMITS.length);
  const step = Math.max(1, Math.floor(topics / tags));
  return Array.from({ length: count }, (_, i) => {
    const [suffix, condition, setpoint] = LIMITS[i % LIMITS.length];
    const tag = Math.floor(i / LIMITS.length);
    return {
      id: `bench-${tag + 1}-${suffix}`, name: `Bench tag ${tag + 1} ${suffix}`, connection: CONNECTION_ID,
      topic: topicName(prefix, tag * step), path: 'v', condition, setpoint, deadband: 1, onDelayMs: 0, offDelayMs: 0,
      priority: PRIORITIES[i % PRIORITIES.length],
    };
  });
}

/**
 * @param {{ brokerUrl: string, prefix: string, topics: number, series?: number, charts?: number, alarms?: number,
 *   seriesTimePath?: string, capacity?: number }} opts
 *   capacity: points kept per series (config `series.capacity`)
 */
export function appConfig({ brokerUrl, prefix, topics, series = 50, charts = 10, alarms = 1000, seriesTimePath, capacity }) {
  const refs = spread(series, topics, prefix);
  const perChart = Math.ceil(series / charts);
  const widgets = Array.from({ length: Math.min(charts, series) }, (_, k) => ({
    id: `w${k + 1}`,
    type: 'line',
    title: `Bench chart ${k + 1}`,
    series: refs.slice(k * perChart, (k + 1) * perChart).map((r) => ({
      connection: CONNECTION_ID, topic: r.topic, path: r.path, ...(seriesTimePath ? { timePath: seriesTimePath } : {}),
    })),
  }));
  return {
    version: 1,
    connections: [{
      id: CONNECTION_ID, name: 'Bench broker', url: brokerUrl, protocolVersion: 5,
      subscriptions: [{ topic: '#', qos: 0 }], autoConnect: true,
    }],
    alarms: alarmRules(alarms, topics, prefix),
    dashboards: series > 0 ? [{ id: DASHBOARD_ID, name: 'Bench', widgets }] : [],
    // Points kept per series (the app's default is 36 000: 1 h at 10 Hz).
    ...(capacity ? { series: { capacity } } : {}),
  };
}
