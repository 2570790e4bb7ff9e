// The shipped approach: Leaflet for the view, app/widgets/Map/MarkerCanvasLayer for every marker
// and trail on one canvas; markers rebuilt as new objects each second, as the widget does.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { MarkerCanvasLayer, projector } from '../../app/widgets/Map/MarkerCanvasLayer';
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
// The layer's own projection must agree with Leaflet's (checked by measure.mjs).
window.projectionError = () => {
  const px = projector(map);
  let worst = 0;
  for (let i = 0; i < N; i += 97) {
    const a = map.latLngToContainerPoint([fleet.lat[i], fleet.lon[i]]);
    const b = px(fleet.lat[i], fleet.lon[i]);
    worst = Math.max(worst, Math.abs(a.x - b.x), Math.abs(a.y - b.y));
  }
  return worst;
};
window.ready = true;
