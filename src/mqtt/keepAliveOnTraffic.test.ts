import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { keepAliveOnTraffic } from './keepAliveOnTraffic';

function fakeClient() {
  const emitter = new EventEmitter();
  const reschedulePing = vi.fn();
  const client = { on: emitter.on.bind(emitter), reschedulePing } as unknown as Parameters<typeof keepAliveOnTraffic>[0];
  keepAliveOnTraffic(client);
  return { emitter, reschedulePing };
}

describe('a flood behind the PINGRESP does not drop a live connection', () => {
  it('a packet received while a PINGREQ is unanswered counts as the answer, once per ping', () => {
    const { emitter, reschedulePing } = fakeClient();
    emitter.emit('packetsend', { cmd: 'pingreq' });
    emitter.emit('packetreceive', { cmd: 'publish' });
    emitter.emit('packetreceive', { cmd: 'publish' });
    expect(reschedulePing).toHaveBeenCalledTimes(1);
    expect(reschedulePing).toHaveBeenCalledWith(true);
  });

  it('without a ping outstanding, traffic leaves the schedule alone (our pings must keep going out)', () => {
    const { emitter, reschedulePing } = fakeClient();
    emitter.emit('packetsend', { cmd: 'puback' });
    emitter.emit('packetreceive', { cmd: 'publish' });
    expect(reschedulePing).not.toHaveBeenCalled();
  });

  it('a PINGRESP is left to mqtt.js', () => {
    const { emitter, reschedulePing } = fakeClient();
    emitter.emit('packetsend', { cmd: 'pingreq' });
    emitter.emit('packetreceive', { cmd: 'pingresp' });
    emitter.emit('packetreceive', { cmd: 'publish' });
    expect(reschedulePing).not.toHaveBeenCalled();
  });
});
