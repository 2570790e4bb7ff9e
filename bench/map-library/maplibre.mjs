import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a file of its own; without this MapLibre looks for it next to the bundled chunk.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);
import { CENTER, makeFleet, N, recordFrames } from './fleet.mjs';

const fleet = makeFleet();
const points = () => ({
  type: 'FeatureCollection',
  features: Array.from({ length: N }, (_, i) => ({ type: 'Feature', id: i, properties: { alarm: i % 50 === 0 }, geometry: { type: 'Point', coordinates: [fleet.lon[i], fleet.lat[i]] } })),
});
const trails = () => ({
  type: 'FeatureCollection',
  features: fleet.trails.map((t, i) => ({ type: 'Feature', id: i, properties: {}, geometry: { type: 'LineString', coordinates: t.length > 1 ? t.map(([a, o]) => [o, a]) : [[t[0][1], t[0][0]], [t[0][1], t[0][0]]] } })),
});
const map = new maplibregl.Map({
  container: 'map',
  center: [CENTER[1], CENTER[0]],
  zoom: 9,
  attributionControl: false,
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e6e6e6' } }] },
});
map.on('load', () => {
  map.addSource('trails', { type: 'geojson', data: trails() });
  map.addSource('pts', { type: 'geojson', data: points() });
  map.addLayer({ id: 'trails', type: 'line', source: 'trails', paint: { 'line-color': '#8a8f94', 'line-width': 1 } });
  map.addLayer({ id: 'pts', type: 'circle', source: 'pts', paint: { 'circle-radius': 4, 'circle-color': ['case', ['get', 'alarm'], '#d32f2f', '#8a8f94'], 'circle-stroke-color': '#3d4247', 'circle-stroke-width': 1 } });
  setInterval(() => {
    fleet.step();
    map.getSource('trails').setData(trails());
    map.getSource('pts').setData(points());
  }, 1000);
  window.ready = true;
});
window.measure = (ms) => recordFrames(ms);
