/**
 * A Sparkplug B edge node for e2e tests, written with Eclipse Tahu's `sparkplug-client` (its own
 * mqtt.js 4, over the broker's TCP listener), not with Sightglass' encoder:
 *
 *   const edge = await startSparkplugEdge(broker.tcpUrl, { devices: { Press1: PRESS1 } });
 *   await edge.publishDeviceData('Press1', { Temperature: 71.5 });   // aliases only, as 3.0 wants
 *   const cmd = await edge.nextCommand((c) => c.device === 'Press1'); // a DCMD the app sent
 *
 * Births carry name + alias (and `Node Control/Rebirth` = false, which the client leaves out);
 * DATA carries aliases only. NCMD `Node Control/Rebirth` = true is answered with new births
 * (and recorded). Writes (other DCMD/NCMD metrics) are recorded and, when they fit, applied and
 * reported in DATA, so the app can see its write confirmed.
 */
import { newClient, type UPayload } from 'sparkplug-client';

export const REBIRTH = 'Node Control/Rebirth';

type Value = number | boolean | string | bigint;

export interface EdgeMetric {
  name: string;
  alias: number;
  /** sparkplug-payload type name (Double, Int32, Int64, Boolean, String, …) */
  type: string;
  value: Value;
  units?: string;
}

/** A command the node received: NCMD (no device) or DCMD, decoded by Tahu. */
export interface ReceivedCommand {
  type: 'NCMD' | 'DCMD';
  device?: string;
  payload: UPayload;
  /** Each metric with its name resolved from our alias table (what a real node would do). */
  metrics: { name: string | undefined; alias: number | undefined; type: string; value: unknown }[];
}

export interface EdgeOptions {
  group?: string;
  node?: string;
  nodeMetrics?: EdgeMetric[];
  devices?: Record<string, EdgeMetric[]>;
}

export interface SparkplugEdge {
  readonly group: string;
  readonly node: string;
  readonly commands: ReceivedCommand[];
  /** Resolves with the first command (already received or coming) matching `predicate`. */
  nextCommand(predicate: (c: ReceivedCommand) => boolean, timeoutMs?: number): Promise<ReceivedCommand>;
  /** DDATA with the given metrics by alias only. */
  publishDeviceData(device: string, values: Record<string, Value>): void;
  /** NDATA with the given metrics by alias only. */
  publishNodeData(values: Record<string, Value>): void;
  /** NBIRTH + every DBIRTH again (seq from 0). */
  rebirth(): void;
  /** Skip `n` sequence numbers before the next message (a gap the host must notice). */
  skipSeq(n?: number): void;
  /** Ends the TCP connection without DISCONNECT, and does not reconnect: the broker sends the NDEATH will. */
  kill(): void;
  stop(): void;
}

/** What sparkplug-client keeps private but a test needs: its seq counter and mqtt.js client. */
interface ClientInternals {
  seq: number;
  client: { stream?: { destroy(): void }; end(force?: boolean): void; connected: boolean };
}

/** protobufjs takes 64-bit integers exactly as decimal text */
const wire = (v: Value): number | boolean | string => (typeof v === 'bigint' ? v.toString() : v);

function toNumber(v: unknown): number | undefined {
  return v === undefined || v === null ? undefined : Number(String(v)); // long.js → exact decimal text
}

export async function startSparkplugEdge(url: string, opts: EdgeOptions = {}): Promise<SparkplugEdge> {
  const group = opts.group ?? 'Plant1';
  const node = opts.node ?? 'Edge1';
  const nodeMetrics = opts.nodeMetrics ?? [];
  const devices = opts.devices ?? {};
  const client = newClient({
    serverUrl: url, username: '', password: '', groupId: group, edgeNode: node,
    clientId: `e2e-edge-${Math.random().toString(16).slice(2, 10)}`,
    // No reconnect: a killed node must stay dead until the test says otherwise.
    mqttOptions: { reconnectPeriod: 0 },
  });
  const internals = client as unknown as ClientInternals;
  const commands: ReceivedCommand[] = [];
  const waiters = new Set<(c: ReceivedCommand) => boolean>();

  const birthMetric = (m: EdgeMetric) => ({
    name: m.name, alias: m.alias, type: m.type, value: wire(m.value), timestamp: Date.now(),
    ...(m.units ? { properties: { engUnit: { type: 'String', value: m.units } } } : {}),
  });
  const births = () => {
    client.publishNodeBirth({
      timestamp: Date.now(),
      metrics: [{ name: REBIRTH, type: 'Boolean', value: false, timestamp: Date.now() }, ...nodeMetrics.map(birthMetric)] as never,
    });
    for (const [device, list] of Object.entries(devices)) {
      client.publishDeviceBirth(device, { timestamp: Date.now(), metrics: list.map(birthMetric) as never });
    }
  };
  const dataMetrics = (list: EdgeMetric[], values: Record<string, Value>) => Object.entries(values).map(([name, value]) => {
    const m = list.find((x) => x.name === name);
    if (!m) throw new Error(`no metric ${name} in the birth`);
    m.value = value;
    return { alias: m.alias, type: m.type, value: wire(value), timestamp: Date.now() };
  });

  const record = (type: 'NCMD' | 'DCMD', device: string | undefined, payload: UPayload) => {
    const list = type === 'NCMD' ? nodeMetrics : devices[device ?? ''] ?? [];
    const cmd: ReceivedCommand = {
      type, device, payload,
      metrics: (payload.metrics ?? []).map((m) => {
        const alias = toNumber(m.alias);
        return { name: m.name ?? list.find((x) => x.alias === alias)?.name, alias, type: String(m.type), value: m.value };
      }),
    };
    commands.push(cmd);
    for (const w of [...waiters]) if (w(cmd)) waiters.delete(w);
    return cmd;
  };
  /** Apply a write the way a controller would, then report it (the app waits for it in DATA). */
  const apply = (cmd: ReceivedCommand, list: EdgeMetric[], report: (values: Record<string, Value>) => void) => {
    const values: Record<string, Value> = {};
    for (const m of cmd.metrics) {
      const target = list.find((x) => x.name === m.name);
      if (!target || m.value === null || m.value === undefined) continue;
      values[target.name] = typeof target.value === 'bigint' ? BigInt(String(m.value)) : (m.value as Value);
    }
    if (Object.keys(values).length) report(values);
  };

  let ready!: () => void;
  const born = new Promise<void>((resolve) => { ready = resolve; });
  client.on('birth', () => { births(); ready(); });
  client.on('ncmd', (payload) => {
    const cmd = record('NCMD', undefined, payload);
    if (cmd.metrics.some((m) => m.name === REBIRTH && m.value === true)) births();
    else apply(cmd, nodeMetrics, (v) => edge.publishNodeData(v));
  });
  client.on('dcmd', (device, payload) => {
    const cmd = record('DCMD', device, payload);
    const list = devices[device];
    if (list) apply(cmd, list, (v) => edge.publishDeviceData(device, v));
  });
  client.on('error', () => {});

  const edge: SparkplugEdge = {
    group, node, commands,
    nextCommand(predicate, timeoutMs = 15_000) {
      const found = commands.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching NCMD/DCMD within ${timeoutMs} ms; got ${JSON.stringify(commands.map((c) => c.metrics))}`)); }, timeoutMs);
        const check = (c: ReceivedCommand) => {
          if (!predicate(c)) return false;
          clearTimeout(timer);
          resolve(c);
          return true;
        };
        waiters.add(check);
      });
    },
    publishDeviceData(device, values) {
      client.publishDeviceData(device, { timestamp: Date.now(), metrics: dataMetrics(devices[device] ?? [], values) as never });
    },
    publishNodeData(values) {
      client.publishNodeData({ timestamp: Date.now(), metrics: dataMetrics(nodeMetrics, values) as never });
    },
    rebirth: births,
    skipSeq(n = 1) {
      internals.seq = (internals.seq + n) % 256;
    },
    kill() {
      internals.client.stream?.destroy();
    },
    stop() {
      internals.client.end(true);
    },
  };
  await born;
  return edge;
}
