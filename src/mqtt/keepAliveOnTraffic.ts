import type { MqttClient } from 'mqtt';

type TrafficClient = Pick<MqttClient, 'on' | 'reschedulePing'>;

/**
 * Any packet from the broker proves the link alive, not only a PINGRESP. mqtt.js gives up 1.5
 * keepalives after its last reschedule when no PINGRESP came; on a big retained flood the broker's
 * PINGRESP waits behind hundreds of thousands of PUBLISHes, so the client dropped a working
 * connection, reconnected, got the whole flood again and dropped again (issue 17, scenario 10).
 * Rescheduling only once per PINGREQ keeps our own pings going out every keepalive while data
 * flows, which the broker needs to keep us (it counts only what the client sends).
 */
export function keepAliveOnTraffic(client: TrafficClient): void {
  let awaitingPong = false;
  client.on('packetsend', (packet) => {
    if (packet.cmd === 'pingreq') awaitingPong = true;
  });
  client.on('packetreceive', (packet) => {
    if (!awaitingPong) return;
    awaitingPong = false;
    // mqtt.js reschedules on PINGRESP by itself.
    if (packet.cmd !== 'pingresp') client.reschedulePing(true);
  });
}
