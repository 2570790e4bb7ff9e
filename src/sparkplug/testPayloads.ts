import { get } from 'sparkplug-payload';
import type { UMetric } from 'sparkplug-payload/lib/sparkplugbpayload';

/** A 64-bit value for Tahu's encoder as decimal text (protobufjs reads it exactly with long.js). */
export const long = (decimal: string): number => decimal as unknown as number;

/** Payloads as an Eclipse Tahu edge node writes them (tests only). */
export const tahu = get('spBv1.0')!;

export const T0 = 1_700_000_000_000;

export function nbirth(seq: number, bdSeq: number, metrics: UMetric[] = []): Uint8Array {
  return tahu.encodePayload({
    timestamp: T0,
    seq,
    metrics: [{ name: 'bdSeq', type: 'Int64', value: long(String(bdSeq)) }, { name: 'Node Control/Rebirth', type: 'Boolean', value: false }, ...metrics],
  });
}

export function ndeath(bdSeq: number): Uint8Array {
  return tahu.encodePayload({ timestamp: T0, metrics: [{ name: 'bdSeq', type: 'Int64', value: long(String(bdSeq)) }] });
}

export function payload(seq: number, metrics: UMetric[], timestamp = T0): Uint8Array {
  return tahu.encodePayload({ timestamp, seq, metrics });
}

/** A DBIRTH with aliased metrics: Temperature (1, Double, °C), Count (2, Int64), Running (3, Boolean), Setpoint (4, Float). */
export function dbirth(seq: number): Uint8Array {
  return payload(seq, [
    { name: 'Temperature', alias: 1, type: 'Double', value: 20.5, properties: { engUnit: { type: 'String', value: '°C' }, Quality: { type: 'Int32', value: 192 } } },
    { name: 'Count', alias: 2, type: 'Int64', value: long('9007199254740993') },
    { name: 'Running', alias: 3, type: 'Boolean', value: true },
    { name: 'Setpoint', alias: 4, type: 'Float', value: 50 },
    { name: 'Offset', alias: 5, type: 'Int8', value: -3 },
  ]);
}

/** DDATA carrying only aliases, as Sparkplug requires (Tahu also writes the datatype). */
export function ddata(seq: number, temperature: number, extra: UMetric[] = []): Uint8Array {
  return payload(seq, [{ alias: 1, type: 'Double', value: temperature, timestamp: T0 + 5 }, ...extra]);
}
