// Issue 15's ready-made screens for the demo (ui-contract.md, "Fleets, energy and remote sites"):
// a dispatcher's "Fleet", an energy manager's "Energy" and a remote-site operator's "Remote rig",
// with their alarms. Contract fields, plus:
//   - series `"scale": 3600`: a factor after transform and aggregate (kWh/s → kW).

const CONN = 'demo';
const METERS = ['meter-1', 'meter-2', 'meter-3', 'meter-4', 'meter-5', 'meter-6'];
const METER_NAMES = ['Compressed air', 'HVAC', 'Line 1', 'Line 2', 'Lighting', 'EV chargers'];

/** @param {string} topic @param {string} path @param {Record<string, unknown>} [extra] */
const S = (topic, path, extra = {}) => ({ connection: CONN, topic, path, ...extra });

export const fleetEnergyRigsAlarms = () => [
  {
    // One rule, one alarm per rig (a wildcard stale rule makes an instance per matching topic).
    id: 'rig-comm-loss', name: 'Rig communication lost', connection: CONN, topic: 'rigs/+/pressure', path: 'v',
    condition: 'stale', staleAfterMs: 15_000, priority: 'medium',
    message: 'No data from the rig for 15 s.', consequence: 'The rig runs unsupervised; its buffered data arrives later.',
    action: 'Check the rig\'s link (radio/satellite). Data is back-filled when it reconnects.',
  },
  {
    id: 'fleet-fuel-low', name: 'Vehicle fuel low', connection: CONN, topic: 'fleet/+/status', path: 'fuel',
    condition: 'below', setpoint: 15, deadband: 3, onDelayMs: 0, offDelayMs: 0, priority: 'low',
    action: 'Send the driver to the nearest fuel station.',
  },
];

const fleetDashboard = () => ({
  id: 'fleet', name: 'Fleet',
  variables: [{ name: 'vehicle', topic: 'fleet/+/gps' }],
  widgets: [
    {
      id: 'fleet-map', type: 'map', title: 'Fleet map', layout: { x: 0, y: 0, w: 7, h: 11 },
      positions: { connection: CONN, topic: 'fleet/+/gps', lat: 'lat', lon: 'lon' },
    },
    {
      id: 'fleet-table', type: 'table', title: 'Vehicles', layout: { x: 7, y: 0, w: 5, h: 11 },
      rows: { connection: CONN, topic: 'fleet/+/status' },
      columns: [
        // A click on a truck's row picks it in this dashboard's `vehicle` variable (the widgets below).
        { title: 'State', path: 'state', link: { dashboard: 'fleet', variable: 'vehicle' } }, { title: 'Fuel', path: 'fuel', unit: '%' },
        { title: 'Speed', path: 'speed', unit: 'km/h' }, { title: 'DTC', path: 'dtc' },
      ],
    },
    // Per-vehicle: one dashboard for whichever truck the dispatcher picks (`?var-vehicle=truck-07`).
    {
      id: 'vehicle-speed', type: 'line', title: 'Vehicle speed', unit: 'km/h', window: '15m', layout: { x: 0, y: 11, w: 6, h: 6 },
      series: [S('fleet/${vehicle}/gps', 'speed', { timePath: 'ts', label: 'Speed' })],
    },
    { id: 'vehicle-fuel', type: 'stat', title: 'Vehicle fuel', unit: '%', decimals: 1, layout: { x: 6, y: 11, w: 3, h: 6 }, series: [S('fleet/${vehicle}/status', 'fuel')] },
    {
      id: 'vehicle-state', type: 'lamp', title: 'Vehicle state', staleAfterMs: 15_000, layout: { x: 9, y: 11, w: 3, h: 6 },
      states: [{ value: 'driving', text: 'Driving' }, { value: 'idle', text: 'Idle' }, { value: 'fault', text: 'Fault', priority: 'high' }],
      series: [S('fleet/${vehicle}/status', 'state')],
    },
  ],
});

const energyDashboard = () => ({
  id: 'energy', name: 'Energy',
  widgets: [
    {
      id: 'site-power', type: 'stat', title: 'Site power', unit: 'kW', decimals: 0, layout: { x: 0, y: 0, w: 3, h: 6 },
      // Sum over every meter of each meter's own rate, so meter-6's resets do not disturb the total.
      series: [S('energy/site1/+/kwh', 'kwh', { timePath: 'ts', transform: 'rate', aggregate: 'sum', scale: 3600 })],
    },
    {
      id: 'site-power-trend', type: 'line', title: 'Site power trend', unit: 'kW', window: '15m', layout: { x: 3, y: 0, w: 9, h: 6 },
      series: [S('energy/site1/+/kwh', 'kwh', { timePath: 'ts', transform: 'rate', aggregate: 'sum', scale: 3600, label: 'Site total' })],
    },
    {
      id: 'meter-hourly', type: 'bar', title: 'Energy per hour by meter', unit: 'kWh', layout: { x: 0, y: 6, w: 8, h: 8 },
      series: METERS.map((m, i) => S(`energy/site1/${m}/kwh`, 'kwh', { timePath: 'ts', transform: 'increase', interval: '1h', label: METER_NAMES[i] })),
    },
    {
      id: 'site-daily', type: 'bar', title: 'Site energy per day', unit: 'kWh', layout: { x: 8, y: 6, w: 4, h: 8 },
      series: [S('energy/site1/+/kwh', 'kwh', { timePath: 'ts', transform: 'increase', interval: '1d', aggregate: 'sum', label: 'Site 1' })],
    },
  ],
});

const RIG = (q) => S(`rigs/rig-7/${q}`, 'v', { timePath: 'ts' });

const rigDashboard = () => ({
  id: 'remote-rig', name: 'Remote rig',
  widgets: [
    // The payload's own time (`timePath`), so the minute a rig was silent is filled in when its backlog arrives.
    { id: 'rig7-pressure', type: 'line', title: 'Rig 7 wellhead pressure', unit: 'bar', window: '15m', layout: { x: 0, y: 0, w: 6, h: 7 }, series: [{ ...RIG('pressure'), label: 'Rig 7' }, { ...S('rigs/rig-3/pressure', 'v', { timePath: 'ts' }), label: 'Rig 3' }] },
    { id: 'rig7-flow', type: 'line', title: 'Rig 7 flow', unit: 'm³/h', window: '15m', layout: { x: 6, y: 0, w: 6, h: 7 }, series: [{ ...RIG('flow'), label: 'Rig 7' }] },
    { id: 'rig7-temp', type: 'line', title: 'Rig 7 temperature', unit: '°C', window: '15m', layout: { x: 0, y: 7, w: 6, h: 7 }, series: [{ ...RIG('temp'), label: 'Rig 7' }] },
    {
      id: 'rigs', type: 'table', title: 'Rigs', layout: { x: 6, y: 7, w: 6, h: 7 },
      // "Last seen" per rig is its data age; the stale look comes from the rig-comm-loss alarm.
      rows: { connection: CONN, topic: 'rigs/+/pressure' },
      columns: [{ title: 'Pressure', path: 'v', unit: 'bar' }],
    },
  ],
});

/** The three dashboards, in the order the navigation shows them. */
export const fleetEnergyRigsDashboards = () => [fleetDashboard(), energyDashboard(), rigDashboard()];
