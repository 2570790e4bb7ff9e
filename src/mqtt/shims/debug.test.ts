import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loaded the way mqtt-packet and mqtt.js load `debug`: require(), then called directly or via .default.
const createDebug = createRequire(import.meta.url)('./debug.cjs');

describe('debug shim', () => {
  it('hands out loggers that are off and do nothing', () => {
    for (const make of [createDebug, createDebug.default]) {
      const log = make('mqttjs:client');
      expect(log('connecting %s', 'x')).toBeUndefined();
      expect([log.namespace, log.enabled]).toEqual(['mqttjs:client', false]);
      expect(log.extend('ws').namespace).toBe('mqttjs:client:ws');
    }
    expect(createDebug.enabled('mqttjs')).toBe(false);
  });
});
