/** MQTT 5 reason codes in words (MQTT 5.0 §2.4, mqtt.js handlers/ack.ts). */
const V5: Record<number, string> = {
  0x00: 'Success',
  0x01: 'Granted QoS 1',
  0x02: 'Granted QoS 2',
  0x04: 'Disconnect with will message',
  0x10: 'No matching subscribers',
  0x11: 'No subscription existed',
  0x18: 'Continue authentication',
  0x19: 'Re-authenticate',
  0x80: 'Unspecified error',
  0x81: 'Malformed packet',
  0x82: 'Protocol error',
  0x83: 'Implementation specific error',
  0x84: 'Unsupported protocol version',
  0x85: 'Client identifier not valid',
  0x86: 'Bad user name or password',
  0x87: 'Not authorized',
  0x88: 'Server unavailable',
  0x89: 'Server busy',
  0x8a: 'Banned',
  0x8b: 'Server shutting down',
  0x8c: 'Bad authentication method',
  0x8d: 'Keep alive timeout',
  0x8e: 'Session taken over',
  0x8f: 'Topic filter invalid',
  0x90: 'Topic name invalid',
  0x91: 'Packet identifier in use',
  0x92: 'Packet identifier not found',
  0x93: 'Receive maximum exceeded',
  0x94: 'Topic alias invalid',
  0x95: 'Packet too large',
  0x96: 'Message rate too high',
  0x97: 'Quota exceeded',
  0x98: 'Administrative action',
  0x99: 'Payload format invalid',
  0x9a: 'Retain not supported',
  0x9b: 'QoS not supported',
  0x9c: 'Use another server',
  0x9d: 'Server moved',
  0x9e: 'Shared subscriptions not supported',
  0x9f: 'Connection rate exceeded',
  0xa0: 'Maximum connect time',
  0xa1: 'Subscription identifiers not supported',
  0xa2: 'Wildcard subscriptions not supported',
};

/** MQTT 3.1.1 CONNACK return codes (§3.2.2.3). */
const V4_CONNACK: Record<number, string> = {
  1: 'Unacceptable protocol version',
  2: 'Identifier rejected',
  3: 'Server unavailable',
  4: 'Bad user name or password',
  5: 'Not authorized',
};

const hex = (code: number) => `0x${code.toString(16).padStart(2, '0').toUpperCase()}`;

/** "Not authorized (0x87)". */
export function describeReasonCode(code: number): string {
  return `${V5[code] ?? 'Unknown reason'} (${hex(code)})`;
}

/** CONNACK refusal in words for either protocol version. */
export function describeConnack(code: number, protocolVersion: 4 | 5): string {
  if (protocolVersion === 5) return describeReasonCode(code);
  return `${V4_CONNACK[code] ?? 'Connection refused'} (code ${code})`;
}

/** True when a CONNACK refusal means the credentials or authorisation are wrong: retrying cannot help. */
export function isAuthRefusal(code: number, protocolVersion: 4 | 5): boolean {
  return protocolVersion === 5 ? [0x86, 0x87, 0x8a, 0x8c, 0x85, 0x84].includes(code) : [1, 2, 4, 5].includes(code);
}

/** SUBACK entry: 0/1/2 granted; ≥ 0x80 refused (3.1.1 uses 0x80 only). */
export function describeSubackCode(code: number, protocolVersion: 4 | 5): string | undefined {
  if (code < 0x80) return undefined;
  return protocolVersion === 5 ? describeReasonCode(code) : 'Refused by broker (0x80)';
}
