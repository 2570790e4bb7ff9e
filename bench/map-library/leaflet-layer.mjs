// The shipped approach: Leaflet for the view, app/widgets/Map/MarkerCanvasLayer for every marker
// and trail on one canvas; markers rebuilt as new objects each second, as the widget does.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MarkerCanvasLayer } from '../../app/widgets/Map/MarkerCanvasLayer';
import { CENTER, makeFleet, N, recordFrames } from './fleet.mjs';

const map = L.map('map', { zoomControl: false, zoomAnimation: false, fadeAnimation: false }).setView(CENTER, 10);
const layer = new MarkerCanvasLayer(() => {}).addTo(map);
const fleet = makeFleet();
const markers = () =>
  Array.from({ length: N }, (_, i) => ({
    id: `v${i}`,
    topic: `fleet/v${i}/gps`,
    connectionId: 'plant',
    lat: fleet.lat[i],
    lon: fleet.lon[i],
    priority: i % 50 === 0 ? 'high' : undefined,
    lastSeen: 0,
    trail: new Float64Array(fleet.trails[i].flat()),
    fields: [],
  }));
layer.setData(markers(), null, true);
setInterval(() => {
  fleet.step();
  layer.setData(markers(), null, true);
}, 1000);
window.measure = (ms) => recordFrames(ms);
window.ready = true;
