// The site config the demo serves as config.json: one auto-connecting MQTT 5
// connection to the embedded broker, the press1 high-temperature alarm (which
// the simulated plant trips about every 45 s) and one trend. A plain function
// returning a fresh object, so callers can add dashboards/alarms before serving.
// Issue 15 adds the Fleet, Energy and Remote rig dashboards and their alarms (fleetEnergyRigsConfig.mjs).
import { fleetEnergyRigsAlarms, fleetEnergyRigsDashboards } from './fleetEnergyRigsConfig.mjs';

/** @param {{ wsUrl: string }} opts */
export function demoConfig({ wsUrl }) {
  return {
    version: 1,
    connections: [{
      id: 'demo', name: 'Demo plant', url: wsUrl, protocolVersion: 5,
      subscriptions: [{ topic: '#', qos: 0 }], autoConnect: true,
    }],
    alarms: [{
      id: 'press1-temp-high', name: 'Site 1 Line 1 press 1 temperature high', connection: 'demo',
      topic: 'plant/site1/line1/press1/temperature', path: 'v', condition: 'above', setpoint: 80,
      deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high',
    },
    // Sparkplug (issue 13): `path` is the metric name; writing Press1's Setpoint above 85 trips it,
    // and the edge node's NDEATH (it dies every few minutes) shows as bad quality, not as a process alarm.
    {
      id: 'edge1-press1-temp-high', name: 'Edge1 Press1 temperature high', connection: 'demo',
      topic: SP_PRESS1, path: 'Temperature', condition: 'above', setpoint: 85,
      deadband: 1, onDelayMs: 5000, offDelayMs: 0, priority: 'medium',
    }, ...fleetEnergyRigsAlarms()],
    // Command templates (issue 6) for the plant's responder (demo/commandResponder.mjs): it answers
    // on the response topic with the same correlation data, so the UI shows the reply and its time.
    commands: [
      {
        id: 'line1-setpoint', name: 'Line 1 setpoint', connection: 'demo', topic: 'cmd/site1/line1/setpoint',
        payload: '{"value":${setpoint}}', encoding: 'json', qos: 1,
        variables: [{ name: 'setpoint', label: 'Setpoint', type: 'number', min: 20, max: 120, step: 0.5, unit: '°C', default: 70 }],
        properties: { contentType: 'application/json', messageExpiryInterval: 30, responseTopic: 'reply/sightglass/line1' },
      },
      {
        id: 'line1-start', name: 'Start line 1', connection: 'demo', topic: 'cmd/site1/line1/start', payload: '{}', encoding: 'json', qos: 1,
        properties: { contentType: 'application/json', messageExpiryInterval: 30, responseTopic: 'reply/sightglass/line1' },
      },
      {
        id: 'line1-stop', name: 'Stop line 1', connection: 'demo', topic: 'cmd/site1/line1/stop', payload: '{}', encoding: 'json', qos: 1,
        confirm: 'Stop line 1?',
        properties: { contentType: 'application/json', messageExpiryInterval: 30, responseTopic: 'reply/sightglass/line1' },
      },
    ],
    dashboards: [{
      id: 'line1', name: 'Site 1 Line 1',
      widgets: [{
        id: 'w1', type: 'line', title: 'Press 1 temperature', unit: '°C', layout: { x: 0, y: 0, w: 6, h: 7 },
        series: [{ connection: 'demo', topic: 'plant/site1/line1/press1/temperature', path: 'v' }],
      },
      // Charts (issue 4): trends, gauges, the line rate and machine states; colour only when abnormal.
      ...line1Widgets(),
      // Commands (issue 6): the setpoint shows the line's current (retained) setpoint beside the input.
      {
        id: 'line1-sp', type: 'setpoint', title: 'Line 1 setpoint', template: 'line1-setpoint',
        series: [{ connection: 'demo', topic: 'plant/site1/line1/setpoint', path: 'v' }],
      },
      { id: 'line1-start', type: 'button', title: 'Start line 1', template: 'line1-start' },
      { id: 'line1-stop', type: 'button', title: 'Stop line 1', template: 'line1-stop' }],
    }, sparkplugDashboard(), ...fleetEnergyRigsDashboards()],
  };
}

const SP_PRESS1 = 'spBv1.0/Plant1/DDATA/Edge1/Press1';
const SP_OVEN1 = 'spBv1.0/Plant1/DDATA/Edge1/Oven1';

/** The Sparkplug edge node's metrics (demo/sparkplugNode.mjs), charted by metric name. */
function sparkplugDashboard() {
  const S = (/** @type {string} */ topic, /** @type {string} */ path) => ({ connection: 'demo', topic, path });
  return {
    id: 'sparkplug', name: 'Sparkplug Edge1',
    widgets: [
      // Report by exception: a metric that never changes (a setpoint nobody wrote) comes only in BIRTHs.
      { id: 'sp-temp', type: 'line', title: 'Press1 temperature', unit: '°C', window: '5m', layout: { x: 0, y: 0, w: 6, h: 7 },
        series: [{ ...S(SP_PRESS1, 'Temperature'), label: 'Press1' }] },
      { id: 'sp-oven', type: 'line', title: 'Oven1 zone temperature', unit: '°C', window: '5m', layout: { x: 6, y: 0, w: 6, h: 7 },
        series: [{ ...S(SP_OVEN1, 'Zone Temperature'), label: 'Oven1' }] },
      { id: 'sp-pressure', type: 'gauge', title: 'Press1 pressure', unit: 'bar', min: 0, max: 50, decimals: 1, layout: { x: 0, y: 7, w: 4, h: 6 }, series: [S(SP_PRESS1, 'Pressure')] },
      { id: 'sp-cycles', type: 'stat', title: 'Press1 cycle count', unit: 'cycles', decimals: 0, layout: { x: 4, y: 7, w: 4, h: 6 }, series: [S(SP_PRESS1, 'Cycle Count')] },
      { id: 'sp-fan', type: 'stat', title: 'Oven1 fan speed', unit: 'rpm', decimals: 0, layout: { x: 8, y: 7, w: 4, h: 6 }, series: [S(SP_OVEN1, 'Fan Speed')] },
    ],
  };
}

const M = (machine, q) => ({ connection: 'demo', topic: `plant/site1/line1/${machine}/${q}`, path: 'v' });
const STATES = [{ value: 'RUNNING', text: 'Running' }, { value: 'IDLE', text: 'Idle' }, { value: 'FAULT', text: 'Fault', priority: 'high' }];

/** Site 1 Line 1 at a glance: temperatures, pressures (abnormal bands), output rate, machine states. */
function line1Widgets() {
  return [
    {
      id: 'line1-temps', type: 'line', title: 'Line 1 temperatures', unit: '°C', window: '5m', layout: { x: 6, y: 0, w: 6, h: 7 },
      series: [{ ...M('press1', 'temperature'), label: 'Press 1' }, { ...M('filler2', 'temperature'), label: 'Filler 2' }, { ...M('oven3', 'temperature'), label: 'Oven 3' }],
    },
    { id: 'press1-p', type: 'gauge', title: 'Press 1 pressure', unit: 'bar', min: 0, max: 200, decimals: 0, bands: [{ from: 190, to: 200, priority: 'high' }], layout: { x: 0, y: 7, w: 3, h: 6 }, series: [M('press1', 'pressure')] },
    { id: 'filler2-p', type: 'gauge', title: 'Filler 2 air pressure', unit: 'bar', min: 0, max: 10, decimals: 2, bands: [{ from: 0, to: 4, priority: 'medium' }], layout: { x: 3, y: 7, w: 3, h: 6 }, series: [M('filler2', 'pressure')] },
    { id: 'oven3-p', type: 'gauge', title: 'Oven 3 gas pressure', unit: 'bar', min: 0, max: 1, decimals: 3, layout: { x: 6, y: 7, w: 3, h: 6 }, series: [M('oven3', 'pressure')] },
    { id: 'line1-rate', type: 'stat', title: 'Line 1 output', unit: 'units/min', decimals: 0, layout: { x: 9, y: 7, w: 3, h: 6 }, series: [{ connection: 'demo', topic: 'plant/site1/line1/rate', path: 'v' }] },
    ...['press1', 'filler2', 'oven3'].map((m, i) => ({
      id: `${m}-state`, type: 'lamp', title: `${m[0].toUpperCase()}${m.slice(1).replace(/(\d)/, ' $1')} state`, states: STATES, staleAfterMs: 30_000,
      layout: { x: i * 4, y: 13, w: 4, h: 3 }, series: [{ connection: 'demo', topic: `plant/site1/line1/${m}/state`, path: 'state' }],
    })),
  ];
}
