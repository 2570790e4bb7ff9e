import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CENTER, makeFleet, N, recordFrames } from './fleet.mjs';

const map = L.map('map', { preferCanvas: true, zoomControl: false }).setView(CENTER, 10);
const renderer = L.canvas({ padding: 0.1 });
const fleet = makeFleet();
const markers = [];
const lines = [];
for (let i = 0; i < N; i++) {
  lines.push(L.polyline(fleet.trails[i], { renderer, color: '#8a8f94', weight: 1, interactive: false }).addTo(map));
  markers.push(L.circleMarker([fleet.lat[i], fleet.lon[i]], { renderer, radius: 4, color: '#3d4247', weight: 1, fillColor: i % 50 === 0 ? '#d32f2f' : '#8a8f94', fillOpacity: 1 }).addTo(map));
}
const params = new URLSearchParams(location.search);
const trails = params.get('trails') !== '0';
window.updateMs = [];
setInterval(() => {
  const t0 = performance.now();
  fleet.step();
  for (let i = 0; i < N; i++) {
    markers[i].setLatLng([fleet.lat[i], fleet.lon[i]]);
    if (trails) lines[i].setLatLngs(fleet.trails[i]);
  }
  window.updateMs.push(performance.now() - t0);
}, 1000);
window.measure = (ms) => recordFrames(ms);
window.ready = true;
