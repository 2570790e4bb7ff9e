// Command-line options of bench/run.mjs (see bench/README.md). `--smoke` picks tiny counts.
import { parseArgs } from 'node:util';

const HELP = `node bench/run.mjs [options]   (npm run bench builds dist/ first)
  --smoke                 a few seconds, tiny counts, 1 run per cell; asserts the pipeline works
  --dist <dir>            built app to serve (default dist, or $BENCH_DIST_DIR)
  --scenarios 1,2,…,12    which scenarios (default all; 7 Sparkplug B, 8 fleet, 9 QoS 1, 10 big broker, 11 alarm storm, 12 many connections)
  --runs <n>              runs per cell (default 3)
  --topics 10,10000,100000  topic counts for scenario 1
  --flood-seconds <s>     flood length per ingest run (default 6)
  --rate <msgs/s>         ingest publisher rate, 0 = as fast as it can (default 0)
  --paced-seconds <s>     scenario 2 length per run (default 20)
  --paced-rate <msgs/s>   scenario 2 rate (default: 50 % of the bare page's 10 000-topic ceiling)
  --paced-topics <n>      scenario 2 topic count (default 10000)
  --scale-topics <n>      scenario 3 distinct topics (default 1000000)
  --soak-seconds <s>      scenario 4 length (default 600)
  --soak-rate <msgs/s>    scenario 4 rate (default 2000)   --soak-topics <n> (default 1000)
  --chart-points <n>      scenario 6 points per series (default 36000)
  --fleet-vehicles <n>    scenario 8 vehicles, 2 messages/s each (default 2000)
  --fleet-seconds <s>     scenario 8 measurement per client (default 20)
  --qos1-count <n>        scenario 9 QoS 1 messages per burst (default 60000)
  --storm-alarms <n>      scenario 11 alarms in the storm (default 5000)
  --no-profile            do not take CPU profiles where a target is missed
  --aedes                 use the embedded aedes broker even when Mosquitto is installed
  --out <file>            results file (default bench/results/<date>.json; smoke: a .tmp file)
  --report <file>         print the tables of an earlier results file, run nothing
  --verbose               log more (chromium stderr)`;

export function parseOptions(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      dist: { type: 'string' },
      scenarios: { type: 'string' },
      runs: { type: 'string' },
      topics: { type: 'string' },
      'flood-seconds': { type: 'string' },
      rate: { type: 'string' },
      'paced-seconds': { type: 'string' },
      'paced-rate': { type: 'string' },
      'paced-topics': { type: 'string' },
      'scale-topics': { type: 'string' },
      'soak-seconds': { type: 'string' },
      'soak-rate': { type: 'string' },
      'soak-topics': { type: 'string' },
      'chart-points': { type: 'string' },
      'fleet-vehicles': { type: 'string' },
      'fleet-seconds': { type: 'string' },
      'qos1-count': { type: 'string' },
      'storm-alarms': { type: 'string' },
      'no-profile': { type: 'boolean', default: false },
      aedes: { type: 'boolean', default: false },
      out: { type: 'string' },
      report: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const smoke = values.smoke;
  const num = (/** @type {string | undefined} */ v, /** @type {number} */ full, /** @type {number} */ small) =>
    v !== undefined ? Number(v) : smoke ? small : full;
  const list = (/** @type {string | undefined} */ v, /** @type {number[]} */ full, /** @type {number[]} */ small) =>
    v ? v.split(',').map(Number) : smoke ? small : full;
  return {
    smoke,
    dist: values.dist ?? process.env.BENCH_DIST_DIR ?? 'dist',
    scenarios: new Set(list(values.scenarios, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])),
    runs: num(values.runs, 3, 1),
    topics: list(values.topics, [10, 10_000, 100_000], [100]),
    floodMs: num(values['flood-seconds'], 6, 2) * 1000,
    warmMs: smoke ? 500 : 1000,
    // Smoke: a rate every client keeps up with, so nothing has to drain afterwards.
    rate: num(values.rate, 0, 2000),
    drainTimeoutMs: smoke ? 10_000 : 60_000,
    pacedMs: num(values['paced-seconds'], 20, 2.5) * 1000,
    pacedRate: values['paced-rate'] !== undefined ? Number(values['paced-rate']) : smoke ? 500 : null,
    pacedTopics: num(values['paced-topics'], 10_000, 100),
    clicks: smoke ? 2 : 5,
    scaleTopics: num(values['scale-topics'], 1_000_000, 5_000),
    scaleTimeoutMs: smoke ? 20_000 : 15 * 60_000,
    soakMs: num(values['soak-seconds'], 600, 2) * 1000,
    soakRate: num(values['soak-rate'], 2000, 500),
    soakTopics: num(values['soak-topics'], 1000, 100),
    chartPoints: num(values['chart-points'], 36_000, 200),
    fleetVehicles: num(values['fleet-vehicles'], 2000, 200),
    fleetMs: num(values['fleet-seconds'], 20, 2) * 1000,
    qos1Count: num(values['qos1-count'], 60_000, 1000),
    stormAlarms: num(values['storm-alarms'], 5000, 200),
    profile: !values['no-profile'] && !smoke,
    aedes: values.aedes,
    out: values.out,
    report: values.report,
    verbose: values.verbose,
  };
}
